"""A static server that answers like GitHub Pages, for the browser benchmark and the tests.

GitHub Pages serves a project site under a path prefix, compresses text and WebAssembly with
gzip, lets browsers cache every file for ten minutes (`Cache-Control: max-age=600`), answers
a conditional request with 304 and a missing page with the site's 404.html. A site that works
here works there; a site that works only with `no-store` may hide a cached half-download or a
stale file. The server can also simulate a slow link (one shared pipe of a given bandwidth, a
delay per request) and break the download of chosen files, and it counts what it sent.

    server = PagesServer({"/offereval/": Path("site")}).start()
    ...  # server.url_for("calculator/"), server.log
    server.stop()
"""

from __future__ import annotations

import dataclasses
import email.utils
import gzip
import hashlib
import http.server
import mimetypes
import os
import sys
import threading
import time
import typing
import urllib.parse
from pathlib import Path
from typing import Any, Literal, Self

# What GitHub Pages sends: ten minutes in every browser's cache.
PAGES_CACHE_CONTROL = "max-age=600"
# Compressed on the wire, as GitHub Pages does; images and zip files already are.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/wasm",
    "image/svg+xml",
)
CONTENT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}
CHUNK = 16 * 1024

Caching = Literal["pages", "no-store"]
# "cut": half the body, then the connection closes. "stall": half the body, then nothing.
Fault = Literal["cut", "stall"]


@dataclasses.dataclass(frozen=True, slots=True)
class Sent:
    """One answered request: its path, status, body bytes on the wire, the file's size, and
    whether the body was asked for (a GET, not a HEAD)."""

    path: str
    status: int
    wire_bytes: int
    file_bytes: int
    with_body: bool = True


@dataclasses.dataclass
class Link:
    """A slow link: one pipe of `bits_per_second` shared by every response, and a delay added
    before each answer (the round trip)."""

    bits_per_second: float
    latency_s: float
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock, repr=False)
    _free_at: float = 0.0

    def send(self, size: int) -> None:
        """Wait until `size` bytes have had their turn on the shared pipe."""
        with self._lock:
            start = max(time.monotonic(), self._free_at)
            self._free_at = start + size * 8 / self.bits_per_second
            done = self._free_at
        time.sleep(max(0.0, done - time.monotonic()))


@dataclasses.dataclass(frozen=True, slots=True)
class _Body:
    data: bytes
    gzipped: bytes | None
    etag: str
    modified: str
    modified_s: int


class PagesServer:
    """Serves folders under path prefixes on 127.0.0.1 (a free port), like GitHub Pages.

    `mounts` maps prefixes ("/offereval/") to folders; the folder of a prefix may be changed
    while serving (a new deployment). `caching="no-store"` sends `Cache-Control: no-store` and
    ignores conditional requests instead. `faults` maps a path suffix to how its download
    breaks, and may change while serving; `stalled` is set once a "stall" has sent its half.
    `log` lists every answer, in order.
    """

    def __init__(
        self,
        mounts: dict[str, Path],
        *,
        caching: Caching = "pages",
        link: Link | None = None,
        faults: dict[str, Fault] | None = None,
    ) -> None:
        for prefix in mounts:
            if not (prefix.startswith("/") and prefix.endswith("/")):
                raise ValueError(f"prefix must start and end with '/', got {prefix!r}")
        if caching not in typing.get_args(Caching):
            raise ValueError(f"caching must be 'pages' or 'no-store', got {caching!r}")
        self.mounts = {prefix: Path(folder) for prefix, folder in mounts.items()}
        self.caching = caching
        self.link = link
        self.faults: dict[str, Fault] = dict(faults or {})
        self.log: list[Sent] = []
        self.stalled = threading.Event()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._stopping = threading.Event()

    def start(self) -> Self:
        """Start serving on a free port; returns self."""
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.pages = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving (stalled answers give up) and free the port."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def origin(self) -> str:
        if self._server is None:
            raise RuntimeError("the server is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url_for(self, path: str, prefix: str | None = None) -> str:
        """The URL of `path` under `prefix` (the first mount by default)."""
        prefix = prefix or next(iter(self.mounts))
        return self.origin + prefix + path.lstrip("/")

    @property
    def fetched(self) -> list[str]:
        """The path of every file sent whole (a 200 to a GET), in order."""
        with self._lock:
            return [sent.path for sent in self.log if sent.status == 200 and sent.with_body]

    def record(self, sent: Sent) -> None:
        with self._lock:
            self.log.append(sent)

    def wait_while_stalled(self) -> None:
        """Say that a download stalled, and hold it until the server stops."""
        self.stalled.set()
        self._stopping.wait()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


# The bytes of the files served, kept per file version, and their gzip forms, kept per content:
# shared by every server of the process, so that a file is compressed once (the Python runtime is
# 9.6 MB) however many servers and copies of a build send it.
_BODIES: dict[tuple[Path, int, int], _Body] = {}
_GZIPPED: dict[str, bytes] = {}
_BODIES_LOCK = threading.Lock()


def body_of(path: Path) -> _Body:
    """A file's bytes, its gzip form when compressible, and its validators."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    with _BODIES_LOCK:
        cached = _BODIES.get(key)
    if cached is not None:
        return cached
    data = path.read_bytes()
    digest = hashlib.sha1(data).hexdigest()
    zipped = None
    if content_type(path).startswith(COMPRESSED_TYPES):
        with _BODIES_LOCK:
            zipped = _GZIPPED.get(digest)
        if zipped is None:
            zipped = gzip.compress(data, 6, mtime=0)
            with _BODIES_LOCK:
                _GZIPPED[digest] = zipped
    body = _Body(
        data=data,
        gzipped=zipped,
        etag='"' + digest[:16] + '"',
        modified=email.utils.formatdate(stat.st_mtime, usegmt=True),
        modified_s=int(stat.st_mtime),
    )
    with _BODIES_LOCK:
        _BODIES[key] = body
    return body


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "text/plain"


class _Server(http.server.ThreadingHTTPServer):
    pages: PagesServer
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that navigates away mid-download closes its socket: not a server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_POST(self) -> None:
        self._plain(501, "not implemented", send_body=True)

    def _answer(self, *, send_body: bool) -> None:
        pages = self.server.pages
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        prefix = next((p for p in pages.mounts if path.startswith(p)), None)
        if prefix is None:
            self._plain(404, "outside the site's prefix", send_body=send_body)
            return
        folder = pages.mounts[prefix]
        file = _resolve(folder, path[len(prefix) :])
        if file is None:  # GitHub Pages answers with the site's own 404 page
            not_found = folder / "404.html"
            if not_found.is_file():
                self._file(not_found, path, send_body=send_body, status=404)
            else:
                self._plain(404, "not found", send_body=send_body)
            return
        if file.is_dir():  # GitHub Pages redirects a folder to its address with a slash
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            pages.record(Sent(path, 301, 0, 0, send_body))
            return
        self._file(file, path, send_body=send_body)

    def _file(self, file: Path, path: str, *, send_body: bool, status: int = 200) -> None:
        pages = self.server.pages
        body = body_of(file)
        if pages.link is not None:
            time.sleep(pages.link.latency_s)
        if status == 200 and pages.caching == "pages" and self._unchanged(body):
            self.send_response(304)
            self._validators(body)
            self.end_headers()
            pages.record(Sent(path, 304, 0, len(body.data), send_body))
            return
        wire = body.data
        zipped = body.gzipped is not None and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            assert body.gzipped is not None
            wire = body.gzipped
        self.send_response(status)
        self.send_header("Content-Type", content_type(file))
        self.send_header("Content-Length", str(len(wire)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        if body.gzipped is not None:
            self.send_header("Vary", "Accept-Encoding")
        self._validators(body)
        self.end_headers()
        if not send_body:
            pages.record(Sent(path, status, 0, len(body.data), with_body=False))
            return
        fault = next((f for suffix, f in list(pages.faults.items()) if path.endswith(suffix)), None)
        sent = self._send(wire[: len(wire) // 2] if fault else wire)
        pages.record(Sent(path, status, sent, len(body.data)))
        if fault == "stall":
            pages.wait_while_stalled()
        if fault:
            self.close_connection = True

    def _unchanged(self, body: _Body) -> bool:
        """Whether the request's validators match the file: its ETag, or else its date."""
        etag = self.headers.get("If-None-Match")
        if etag is not None:
            return etag == body.etag
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            date = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        return body.modified_s <= date.timestamp()

    def _send(self, data: bytes) -> int:
        link = self.server.pages.link
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            if link is not None:
                link.send(len(chunk))
            self.wfile.write(chunk)
        self.wfile.flush()
        return len(data)

    def _validators(self, body: _Body) -> None:
        if self.server.pages.caching == "pages":
            self.send_header("Cache-Control", PAGES_CACHE_CONTROL)
            self.send_header("ETag", body.etag)
            self.send_header("Last-Modified", body.modified)
        else:
            self.send_header("Cache-Control", "no-store")

    def _plain(self, status: int, text: str, *, send_body: bool) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if send_body:
            self.wfile.write(data)
        self.server.pages.record(
            Sent(self.path, status, len(data) if send_body else 0, 0, send_body)
        )


def _resolve(folder: Path, relative: str) -> Path | None:
    """The file a path names inside folder (a folder's index.html), or None; never outside it
    (a "..", that is: a link inside the folder is followed, as a published site's would be)."""
    root = folder.resolve()
    target = Path(os.path.normpath(root / relative))
    if not target.is_relative_to(root) or not target.exists():
        return None
    if target.is_dir() and relative and not relative.endswith("/"):
        return target
    if target.is_dir():
        index = target / "index.html"
        return index if index.is_file() else None
    return target

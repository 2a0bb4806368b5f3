"""Nothing shipped that the site never loads: source maps, and search languages it does not use.

Material for MkDocs writes a source map beside each of its scripts and styles (1.3 MB), and
every language its search can stem (about 1 MB under assets/javascripts/lunr/). Browsers fetch
a source map only for the developer tools, and the search worker loads a language's files only
when the search index names that language. Everything the service worker lists, a phone
downloads: both go, and so do the comments that point at the maps.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitebuild.errors import BuildError

LUNR_DIR = Path("assets") / "javascripts" / "lunr"
SEARCH_INDEX = Path("search") / "search_index.json"
_MAP_POINTER = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def prune(site_dir: Path) -> list[str]:
    """Delete the source maps and unused search languages from site_dir; returns what went."""
    removed = _remove_source_maps(site_dir) + _remove_unused_languages(site_dir)
    return sorted(path.relative_to(site_dir).as_posix() for path in removed)


def _remove_source_maps(site_dir: Path) -> list[Path]:
    maps = sorted(site_dir.rglob("*.map"))
    for path in maps:
        path.unlink()
    scripts = [*site_dir.rglob("*.js"), *site_dir.rglob("*.mjs"), *site_dir.rglob("*.css")]
    for path in sorted(scripts):
        text = path.read_text(encoding="utf-8")
        stripped = _MAP_POINTER.sub("\n", text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
    return maps


def search_language_files(languages: list[str]) -> set[str]:
    """The files under lunr/ that Material's search worker loads for these languages.

    Its worker (assets/javascripts/workers/search.*.js) loads, for each language, tinyseg.js
    for Japanese, wordcut.js for Hindi and Thai, min/lunr.<lang>.min.js for any language but
    English; min/lunr.multi.min.js for more than one language; and
    min/lunr.stemmer.support.min.js whenever it loads any of these.
    """
    files = set()
    for language in languages:
        if language == "ja":
            files.add("tinyseg.js")
        if language in ("hi", "th"):
            files.add("wordcut.js")
        if language != "en":
            files.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return files


def _remove_unused_languages(site_dir: Path) -> list[Path]:
    lunr = site_dir / LUNR_DIR
    if not lunr.is_dir():
        return []
    index = site_dir / SEARCH_INDEX
    if not index.is_file():
        raise BuildError(f"{SEARCH_INDEX} is missing: which search languages are used?")
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    used = search_language_files(languages)
    missing = sorted(name for name in used if not (lunr / name).is_file())
    if missing:
        raise BuildError(f"the search needs {', '.join(missing)}, which {LUNR_DIR} lacks")
    unused = sorted(p for p in lunr.rglob("*") if p.is_file())
    unused = [p for p in unused if p.relative_to(lunr).as_posix() not in used]
    for path in unused:
        path.unlink()
    for folder in sorted((p for p in lunr.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    if not any(lunr.iterdir()):
        lunr.rmdir()
    return unused

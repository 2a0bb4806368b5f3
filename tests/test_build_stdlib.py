"""The trimmed standard library, and what the build leaves out of the site.

The build keeps the files of Pyodide's python_stdlib.zip that Python imported while running the
engine inside Pyodide (sitebuild/stdlib.py). Here CPython runs the engine on the documents of
the command line's parity suite and on every action of the bridge, listing every module it
imports: each one that comes from the standard library's zip must be in the trimmed zip. A
module offereval starts to import is in the zip, or this test names it. The calculator's own
tests (tests/e2e) then run on the trimmed runtime.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitebuild import prune, stdlib
from sitebuild import runtime as stages
from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

STOCK = stages.PYODIDE_PACKAGE / stages.STDLIB_NAME
# The documents the command line's tests and the calculator's parity test read.
PARITY_DOCUMENTS = sorted(
    [
        *(ROOT / "tests" / "data").glob("*.json"),
        *(ROOT / "tests" / "data").glob("*.yaml"),
        *(ROOT / "tests" / "data" / "yaml").glob("*.yaml"),
        *(ROOT / "tests" / "e2e" / "data").glob("*.yaml"),
    ]
)
# Run in a fresh CPython without site (-I -S): what sys.modules gains from here on was imported
# for the engine; what the interpreter itself loads at start-up, Pyodide's loads too.
IMPORTS_SCRIPT = """
import sys
started_with = set(sys.modules)
sys.path[:0] = [sys.argv[1]]
import json
from offereval import bridge
from sitebuild import engine_workload
engine_workload.run()
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as file:
        loaded = json.loads(bridge.load(file.read(), path))
    if loaded["ok"]:
        document = json.dumps(loaded["document"])
        bridge.evaluate(document, engine_workload.NOW)
        bridge.dump(document, "yaml")
print(json.dumps(sorted(set(sys.modules) - started_with)))
"""


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The entries of the trimmed stdlib zip (the sources the build then compiles), made by
    the build's own stages."""
    work = tmp_path_factory.mktemp("work")
    wheel = stages.build_wheel(work)
    target = work / stages.STDLIB_NAME
    stdlib.write_trimmed_stdlib(stages.PYODIDE_PACKAGE, stages.write_lockfile(wheel, work), target)
    with zipfile.ZipFile(target) as trimmed_zip:
        assert trimmed_zip.testzip() is None
        return set(trimmed_zip.namelist())


def stock_entries() -> set[str]:
    with zipfile.ZipFile(STOCK) as stock:
        return set(stock.namelist())


def zip_files_of(module: str, entries: set[str]) -> list[str]:
    """The zip entry a module is read from: a.b is a/b.py or a/b/__init__.py ([] if neither)."""
    base = module.replace(".", "/")
    return [name for name in (f"{base}.py", f"{base}/__init__.py") if name in entries]


def test_every_module_the_engine_imports_is_in_the_trimmed_zip(trimmed: set[str]):
    assert len(PARITY_DOCUMENTS) >= 10
    command = [sys.executable, "-I", "-S", "-c", IMPORTS_SCRIPT, str(ROOT)]
    command += map(str, PARITY_DOCUMENTS)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    imported = json.loads(result.stdout)
    assert "offereval.bridge" in imported and "json" in imported
    stock = stock_entries()
    # Modules built into Pyodide's binary (math, zlib, _json...) are not in the zip.
    from_zip = {m: zip_files_of(m, stock) for m in imported if zip_files_of(m, stock)}
    assert {"json", "base64", "dataclasses"} <= set(from_zip)
    missing = sorted(m for m, files in from_zip.items() if not set(files) <= trimmed)
    assert not missing, f"imported by the engine, left out of {stages.STDLIB_NAME}: {missing}"


def test_the_trimmed_zip_keeps_pyodides_packages_and_drops_what_never_runs(trimmed: set[str]):
    stock = stock_entries()
    assert trimmed < stock
    for package in stdlib.PYODIDE_PACKAGES:
        assert {name for name in stock if name.startswith(package)} <= trimmed
    # What Pyodide's start-up and the engine never import.
    for unused in ("unittest/__init__.py", "pydoc.py", "pdb.py", "xml/__init__.py"):
        assert unused in stock and unused not in trimmed, unused
    # Every package a kept module lives in comes with its __init__.py.
    for name in trimmed:
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            init = "/".join(parts[:depth]) + "/__init__.py"
            assert init in trimmed or init not in stock, f"{name} without {init}"


def test_trimming_keeps_the_stock_entries_as_they_were(tmp_path: Path):
    needed = {"json/__init__.py", "json/decoder.py"}
    written = stdlib.trim_stdlib(STOCK, tmp_path / "small.zip", needed)
    assert {"json/", "json/__init__.py", "json/decoder.py"} <= set(written)
    assert not [n for n in written if n.startswith("encodings/")]
    with zipfile.ZipFile(STOCK) as stock, zipfile.ZipFile(tmp_path / "small.zip") as small:
        for name in needed:
            assert small.read(name) == stock.read(name)
            assert small.getinfo(name).date_time == stock.getinfo(name).date_time
    # The same input gives the same bytes.
    stdlib.trim_stdlib(STOCK, tmp_path / "again.zip", needed)
    assert (tmp_path / "again.zip").read_bytes() == (tmp_path / "small.zip").read_bytes()


def test_a_file_the_stock_zip_lacks_fails_the_build(tmp_path: Path):
    with pytest.raises(BuildError, match=r"no_such_module\.py"):
        stdlib.trim_stdlib(STOCK, tmp_path / "small.zip", {"json/__init__.py", "no_such_module.py"})


# ---- Nothing shipped that the site never loads ---------------------------------------------


@pytest.mark.parametrize(
    ("languages", "files"),
    [
        # English is built into the search worker: it loads nothing from lunr/.
        (["en"], set()),
        (["de"], {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}),
        (
            ["en", "ja"],
            {
                "tinyseg.js",
                "min/lunr.ja.min.js",
                "min/lunr.multi.min.js",
                "min/lunr.stemmer.support.min.js",
            },
        ),
        (["th"], {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}),
    ],
)
def test_the_search_languages_the_search_worker_loads(languages: list[str], files: set[str]):
    assert prune.search_language_files(languages) == files


def fake_site(site: Path, languages: list[str]) -> None:
    """A site with Material's layout: a script and its map, lunr's languages, a search index."""
    scripts = site / "assets" / "javascripts"
    (scripts / "lunr" / "min").mkdir(parents=True)
    (scripts / "bundle.min.js").write_text("run();\n//# sourceMappingURL=bundle.min.js.map\n")
    (scripts / "bundle.min.js.map").write_text("{}")
    (site / "main.min.css").write_text("a{}\n/*# sourceMappingURL=main.min.css.map */")
    (site / "main.min.css.map").write_text("{}")
    for name in ("min/lunr.de.min.js", "min/lunr.stemmer.support.min.js", "wordcut.js"):
        (scripts / "lunr" / name).write_text("lunr();\n")
    (site / "search").mkdir()
    index = {"config": {"lang": languages}, "docs": []}
    (site / "search" / "search_index.json").write_text(json.dumps(index))


def test_pruning_removes_source_maps_and_unused_languages(tmp_path: Path):
    fake_site(tmp_path, ["en"])
    removed = prune.prune(tmp_path)
    assert removed == [
        "assets/javascripts/bundle.min.js.map",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/wordcut.js",
        "main.min.css.map",
    ]
    assert not (tmp_path / "assets" / "javascripts" / "lunr").exists()
    assert (tmp_path / "assets" / "javascripts" / "bundle.min.js").read_text() == "run();\n"
    assert (tmp_path / "main.min.css").read_text() == "a{}\n"


def test_pruning_keeps_the_languages_the_search_uses(tmp_path: Path):
    fake_site(tmp_path, ["de"])
    prune.prune(tmp_path)
    lunr = tmp_path / "assets" / "javascripts" / "lunr"
    kept = sorted(p.relative_to(lunr).as_posix() for p in lunr.rglob("*") if p.is_file())
    assert kept == ["min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"]

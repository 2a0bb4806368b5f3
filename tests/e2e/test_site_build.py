"""The site's pages stage: deterministic, and loud when a page cannot be built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitebuild import pages
from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

pytestmark = pytest.mark.e2e

SITE_SOURCES = ("mkdocs.yml", "site_src", "overrides", "hooks", "offereval")


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def test_the_same_sources_build_the_same_bytes(tmp_path: Path) -> None:
    pages.build_pages(tmp_path / "first")
    pages.build_pages(tmp_path / "second")
    first, second = _files(tmp_path / "first"), _files(tmp_path / "second")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_page_that_cannot_render_stops_the_build_and_names_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    page = project / "site_src" / "red-flags.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ red_flag_typo }}\n", encoding="utf-8")
    monkeypatch.setattr(pages, "ROOT", project)
    with pytest.raises(BuildError, match=r"red-flags\.md.*red_flag_typo"):
        pages.build_pages(tmp_path / "site")

"""Fixtures shared by every test: the site, built once per test run.

    built_site  (session)  Path of the site sitebuild.build() made: every stage of the pipeline.

A run that uses pytest-xdist builds the site once for all its workers: the first worker to need
it builds it into the run's shared temporary folder under a file lock, and the others wait for
it and read the same folder (pytest-xdist's documented recipe). Tests never change it: a test
that needs a changed site copies it first.

Tests that need the site run after the others, so that while one worker builds it the others
are still busy with the engine's tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from filelock import FileLock

import sitebuild

_BUILT = "built.txt"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test run by sitebuild.build()."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        site_dir = tmp_path_factory.mktemp("site")
        sitebuild.build(site_dir)
        return site_dir
    # Every worker of the run has its own folder under the run's one: share that one.
    shared = tmp_path_factory.getbasetemp().parent
    site_dir = shared / "site"
    with FileLock(shared / "site.lock"):
        if not (shared / _BUILT).is_file():
            sitebuild.build(site_dir)
            (shared / _BUILT).write_text(os.environ["PYTEST_XDIST_WORKER"], encoding="utf-8")
    return site_dir


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that need the built site last (a stable sort: each keeps its order)."""
    items.sort(key=lambda item: "built_site" in getattr(item, "fixturenames", ()))

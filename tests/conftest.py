"""Fixtures shared by every test: the site, built once per test run.

    built_site  (session)  Path of the site sitebuild.build() made: every stage of the pipeline.

A run that uses pytest-xdist builds the site once for all its workers: the first worker to need
it builds it into the run's shared temporary folder under a file lock, and the others wait for
it and read the same folder (pytest-xdist's documented recipe). Tests never change it: a test
that needs a changed site copies it first.

The build starts with the first test of each worker (the first worker to get there builds;
the others find it built), and the tests that need the site run after the others, so the
build goes on while the engine's tests run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
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
    return _build_once_for_all_workers(tmp_path_factory)


@pytest.fixture(scope="session", autouse=True)
def _start_building_the_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Under pytest-xdist, start the shared build at once, beside the first tests.

    Otherwise the build waited for the first test that needs the site, and a worker with no
    other test left sat idle until it was done. The build is mostly other processes (MkDocs,
    Node), so it shares this worker with its tests; `built_site` waits for it.
    """
    needed = any("built_site" in item.fixturenames for item in request.session.items)
    if "PYTEST_XDIST_WORKER" not in os.environ or not needed:
        yield
        return
    # A failed build is raised again by built_site, which then builds in the test's thread.
    early = threading.Thread(target=_build_once_for_all_workers, args=(tmp_path_factory,))
    early.start()
    yield
    early.join()


def _build_once_for_all_workers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site into the run's shared folder unless a worker already has; its path."""
    # Every worker of the run has its own folder under the run's one: share that one.
    shared = tmp_path_factory.getbasetemp().parent
    site_dir = shared / "site"
    with FileLock(shared / "site.lock"):
        if not (shared / _BUILT).is_file():
            sitebuild.build(site_dir)
            (shared / _BUILT).write_text(os.environ["PYTEST_XDIST_WORKER"], encoding="utf-8")
    return site_dir


# The modules whose tests take longest (a service worker saving 16 MB, axe-core on every page,
# a download left to stall): first among those that need the site, so that no worker is left
# running one of them alone at the end.
_LONGEST = ("test_pwa.py", "test_accessibility.py", "test_engine_start.py")


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    """Run the tests that need the built site or a browser last, the longest of them first (a
    stable sort, after pytest's own grouping of tests by parameter: the others keep their
    order)."""
    yield

    def order(item: pytest.Item) -> tuple[bool, bool]:
        needs_site = "built_site" in getattr(item, "fixturenames", ())
        in_a_browser = item.get_closest_marker("e2e") is not None  # some ask for a page late
        return needs_site or in_a_browser, item.path.name not in _LONGEST

    items.sort(key=order)

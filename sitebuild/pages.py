"""The pages: MkDocs renders site_src/ with the framework's data (mkdocs.yml and its hooks)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT
from sitebuild.runtime import WHEEL_SOURCE_DATE_EPOCH


def build_pages(site_dir: Path) -> None:
    """Build the MkDocs site (mkdocs.yml) into site_dir; any MkDocs warning fails the build."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": _source_date_epoch(), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


def _source_date_epoch() -> str:
    """The date MkDocs writes into the sitemap: the last commit's, so a rebuild changes nothing."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:  # no git: a source archive
        return WHEEL_SOURCE_DATE_EPOCH
    commit_time = result.stdout.strip()
    return commit_time if result.returncode == 0 and commit_time else WHEEL_SOURCE_DATE_EPOCH

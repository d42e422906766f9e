from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed articles: ../shared/corpus/seeds when present, else the copies bundled as examples."""
    shared = SHARED / "corpus" / "seeds"
    if shared.is_dir():
        return shared
    return Path(str(files("readout").joinpath("examples", "de")))


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """One `readout run` over the seed articles, shared by the end-to-end tests."""
    from readout.pipeline import run

    out = tmp_path_factory.mktemp("seed-run")
    report = run([str(seeds_dir)], out)
    assert report.ok, report.rejected
    return out


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED

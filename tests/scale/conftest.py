"""Fixtures of the scale tests: generated corpora and one local Dask cluster for the session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # corpora.py, hostile.py

from corpora import write_articles  # noqa: E402


@pytest.fixture(scope="session")
def scale_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five example articles plus 200 pseudo-articles (with exact and near duplicates)."""
    d = tmp_path_factory.mktemp("scale-corpus")
    write_articles(d, 200, seed=8)
    return d


@pytest.fixture(scope="session")
def dask_client():
    """A local cluster of two single-threaded worker processes, shared by the Dask tests."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        yield client

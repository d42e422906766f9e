"""The HTTP API and the web UI: a thin face over the store queries and the pipeline.

    readout serve --db readout.duckdb          # http://127.0.0.1:8000/

The server owns the database file while it runs (DuckDB allows one writing process); ingest goes
through its API, and ``readout ingest --db FILE`` finds it through the sidecar ``FILE.server``.
For tests and embedding: ``create_app(path)`` gives the FastAPI app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db: Any, **kwargs: Any) -> FastAPI:
    from readout.web.app import create_app as _create_app

    return _create_app(db, **kwargs)


def serve(db: Any, **kwargs: Any) -> None:
    from readout.web.server import serve as _serve

    _serve(db, **kwargs)

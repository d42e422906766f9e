"""Fixtures for the web tests: a database built from the bundled seed articles, app clients, and a
real `readout serve` subprocess on a free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():  # starlette nags about httpx; the TestClient works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EXAMPLES = Path(str(files("readout").joinpath("examples", "de")))


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`readout run` over the bundled German examples; tests copy the database before using it."""
    from readout.pipeline import run

    out = tmp_path_factory.mktemp("web-seed")
    report = run([str(EXAMPLES)], out)
    assert report.ok, report.rejected
    return out / "readout.duckdb"


def copy_db(seed_db: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / "readout.duckdb"
    shutil.copy(seed_db, target)
    return target


@pytest.fixture
def make_client(tmp_path: Path, seed_db: Path) -> Iterator[Callable[..., TestClient]]:
    """A factory of TestClients, each on its own copy of the seed database (or an empty one)."""
    from readout.web import create_app

    clients: list[TestClient] = []

    def make(empty: bool = False, **kwargs: Any) -> TestClient:
        d = tmp_path / f"db{len(clients)}"
        path = d / "readout.duckdb" if empty else copy_db(seed_db, d)
        d.mkdir(parents=True, exist_ok=True)
        client = TestClient(create_app(path, **kwargs))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, seed_db: Path) -> Iterator[TestClient]:
    """A read-mostly client over one copy of the seed database, shared by a module."""
    from readout.web import create_app

    path = copy_db(seed_db, tmp_path_factory.mktemp("web-client"))
    with TestClient(create_app(path)) as c:
        yield c


def _two_sided_story(get: Callable[[str], Any]) -> dict[str, Any]:
    """The dossier of a seed story in which two parties give their account (the Putin-Trump call)."""
    stories = get("/api/stories?limit=500")["items"]
    best = None
    for s in sorted(stories, key=lambda s: -s["counts"]["discrepancies"]):
        d = get(f"/api/stories/{s['id']}")
        if len(d["sides"]) >= 2 and (best is None or len(d["discrepancies"]) > len(best["discrepancies"])):
            best = d
    assert best is not None, "no seed story has accounts from two parties"
    return best


@pytest.fixture(scope="module")
def two_sided_story() -> Callable[[Callable[[str], Any]], dict[str, Any]]:
    """``two_sided_story(get)`` with ``get(path) -> JSON`` (a TestClient or a live server)."""
    return _two_sided_story


class Server:
    """`readout serve` in a subprocess; the URL is read from the sidecar it writes."""

    def __init__(self, db: Path, log: Path) -> None:
        self.db = db
        self.log = log
        self.sidecar = Path(str(db) + ".server")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "readout.cli", "serve", "--db", str(db), "--port", "0"],
            stdout=log.open("w"), stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "200"},
        )
        self.url = self._wait()

    def _wait(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited: {self.log.read_text()}")
            if self.sidecar.exists():
                try:
                    url = json.loads(self.sidecar.read_text())["url"]
                    with urllib.request.urlopen(url + "/api/status", timeout=2) as r:
                        if r.status == 200:
                            return str(url)
                except (OSError, ValueError, KeyError):
                    pass
            time.sleep(0.1)
        raise AssertionError(f"server did not come up: {self.log.read_text()}")

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.loads(r.read())

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_db: Path) -> Iterator[Server]:
    d = tmp_path_factory.mktemp("web-server")
    srv = Server(copy_db(seed_db, d), d / "serve.log")
    yield srv
    srv.stop()


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[[Path], Server]]:
    """``start_server(db)``: a `readout serve` subprocess on ``db``, stopped after the test."""
    started: list[Server] = []

    def start(db: Path) -> Server:
        srv = Server(db, tmp_path / f"serve{len(started)}.log")
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


# -- a real browser: Debian's chromium driven by Playwright (never `playwright install`) ----------

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"  # git-ignored


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[Any]:
    """A chromium page on the module's server; ``page.dialogs`` and ``page.errors`` collect any
    alert() and script error, which the tests expect to stay empty."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        pg.dialogs = []  # any alert() would land here
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        yield pg
        browser.close()


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Any, str], Path]:
    """``screenshot(page, name)`` saves a full-page PNG under test-output/browser/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def shoot(pg: Any, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        pg.screenshot(path=str(path), full_page=True)
        return path

    return shoot

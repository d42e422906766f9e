"""``readout serve``: bind, take the database, announce the URL in the sidecar, run uvicorn.

The socket is bound before uvicorn starts, so a port in use is reported plainly and ``--port 0``
(any free port) works; the sidecar then names the real port. The sidecar is removed when the
server stops (Ctrl+C or SIGTERM); after a crash it stays behind and ``readout ingest`` says so.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readout.store import StoreError
from readout.web.remote import read_sidecar, remove_sidecar, sidecar_path, write_sidecar

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


class ServeError(RuntimeError):
    """The server cannot start; the message says why and what to do."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ServeError(f"cannot resolve host {host!r}: {e.strerror}") from e
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as e:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {e.strerror}; choose another --port") from e
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _url_host(host: str, family: int) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host in ("::", "[::]"):
        return "[::1]"
    return f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host


class _Stopped(Exception):
    """SIGTERM arrived (after uvicorn's graceful shutdown)."""


def _raise_stopped(signum: int, frame: object) -> None:
    raise _Stopped


def _on_sigterm_raise() -> Any:
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_stopped)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_remote: bool = False,
          echo: Callable[[str], None] = print, log_level: str = "info") -> None:
    """Serve the API and the web UI on ``db`` until interrupted."""
    import uvicorn

    from readout.web.app import create_app
    from readout.web.database import WebDatabase

    if not is_loopback(host) and not allow_remote:
        raise ServeError(f"{host} is not a loopback address: anyone who can reach it could read and add documents. "
                         "Pass --allow-remote to do it anyway, or serve on 127.0.0.1")
    try:
        database = WebDatabase(db)
    except StoreError as e:
        other = read_sidecar(db)
        hint = f" A readout server already serves it at {other['url']}." if other else ""
        raise ServeError(f"{e}{hint}") from e
    try:
        sock = bind(host, port)
    except ServeError:
        database.close()
        raise
    bound_port = sock.getsockname()[1]
    url = f"http://{_url_host(host, sock.family)}:{bound_port}"
    allowed = None
    if not allow_remote:
        allowed = {"127.0.0.1", "localhost", "[::1]"}
    else:
        echo(f"WARNING: serving {db} on {host}:{bound_port} for other machines. There is no authentication: "
             "anyone who can reach this port can read every document and ingest new ones.")
    app = create_app(database, allowed_hosts=allowed)
    write_sidecar(db, url)
    counts = database.counts()
    echo(f"readout serving {db} ({counts['documents']} documents, {counts['stories']} stories) at {url}")
    echo(f"  web UI {url}/   API {url}/api   reference {url}/api-docs   schema {url}/openapi.json")
    echo(f"  the server holds the database: `readout ingest FILES --db {db}` goes through it "
         f"(sidecar {sidecar_path(db)}). Stop with Ctrl+C.")
    # uvicorn stops gracefully on SIGINT/SIGTERM and then re-raises the signal to the previous
    # handler; SIGTERM's default would kill the process before the sidecar is removed.
    previous = _on_sigterm_raise()
    try:
        config = uvicorn.Config(app, log_level=log_level, access_log=log_level == "debug", lifespan="on",
                                timeout_graceful_shutdown=5)
        uvicorn.Server(config).run(sockets=[sock])
    except (KeyboardInterrupt, _Stopped):
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        remove_sidecar(db)
        sock.close()
        database.close()

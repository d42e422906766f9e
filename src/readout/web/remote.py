"""``readout ingest`` while a server holds the database: the files go to the server's ingest API.

A DuckDB file open for writing cannot be opened by a second process, so while ``readout serve``
runs, the server is the only way in. It announces itself in a sidecar file next to the database
(``readout.duckdb.server``: JSON with its URL, process id and database path), written once it
listens and removed when it stops. When ``readout ingest`` finds the database locked and the
sidecar present, it expands the paths as it always does, rejects locally what cannot be sent
(missing files, unsupported types, files over the size limit; same messages), and uploads the
rest in batches. The report it prints is the server's, in the CLI's words.

Only the standard library is used here, so the CLI needs no HTTP client package.
"""

from __future__ import annotations

import json
import os
import secrets
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from readout.ingest import MAX_BYTES, Rejection, iter_inputs
from readout.ingest.read import SUPPORTED
from readout.ingest.read import _expand as expand_paths  # the CLI's own expansion of dirs and globs
from readout.pipeline import IngestReport

SIDECAR_SUFFIX = ".server"
BATCH_FILES = 50
BATCH_BYTES = 16 * 1024 * 1024
TIMEOUT = 1800.0


class RemoteIngestError(RuntimeError):
    """The server named by the sidecar cannot take the files; the message says why and what to do."""


def sidecar_path(db: str | Path) -> Path:
    return Path(str(db) + SIDECAR_SUFFIX)


def write_sidecar(db: str | Path, url: str) -> Path:
    path = sidecar_path(db)
    info = {"url": url, "pid": os.getpid(), "db": str(Path(db).resolve())}
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(info) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def read_sidecar(db: str | Path) -> dict[str, Any] | None:
    """The sidecar's content, or None when there is none (or it cannot be read)."""
    try:
        info = json.loads(sidecar_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and isinstance(info.get("url"), str) else None


def remove_sidecar(db: str | Path) -> None:
    """Remove the sidecar if this process wrote it."""
    info = read_sidecar(db)
    if info is not None and info.get("pid") == os.getpid():
        sidecar_path(db).unlink(missing_ok=True)


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
             timeout: float = 10.0) -> dict[str, Any]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (the URL is our own server's)
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        try:
            message = json.loads(e.read().decode("utf-8")).get("error", "")
        except (ValueError, AttributeError):
            message = ""
        raise RemoteIngestError(f"the readout server at {url} answered {e.code}: {message or e.reason}") from e


def _multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "readout-" + secrets.token_hex(16)
    parts: list[bytes] = []
    for name, data in files:
        quoted = name.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{quoted}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + data + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _sendable(paths: list[str], rejected: list[Rejection]) -> Iterator[Path]:
    for path, explicit in expand_paths(paths):
        ok_type = path.suffix.lower() in SUPPORTED
        if not ok_type and not explicit:
            continue  # iter_inputs skips these silently too
        try:
            ok = ok_type and path.is_file() and path.stat().st_size <= MAX_BYTES
        except OSError:
            ok = False
        if ok:
            yield path
        else:  # the reader's own message for what it will not read
            rejected.extend(r for r in iter_inputs([str(path)]) if isinstance(r, Rejection))


def _batches(files: Iterator[Path], rejected: list[Rejection]) -> Iterator[list[tuple[str, bytes]]]:
    batch: list[tuple[str, bytes]] = []
    size = 0
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as e:
            rejected.append(Rejection(str(path), f"cannot read the file: {e.strerror or e}"))
            continue
        if batch and (len(batch) >= BATCH_FILES or size + len(data) > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append((str(path), data))
        size += len(data)
    if batch:
        yield batch


def forward_ingest(db: str | Path, paths: list[str],
                   note: Callable[[str], None] | None = None) -> IngestReport | None:
    """Send ``paths`` to the server that holds ``db``; None when no sidecar names one.

    Raises :class:`RemoteIngestError` when a sidecar exists but its server cannot be used.
    """
    from readout.web.ingest import report_from_json

    info = read_sidecar(db)
    if info is None:
        return None
    url = info["url"].rstrip("/")
    try:
        status = _request(f"{url}/api/status")
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise RemoteIngestError(
            f"{db} is locked and {sidecar_path(db)} names a readout server at {url}, but it does not answer "
            f"({getattr(e, 'reason', e)}). If no `readout serve` is running, another process holds the database; "
            f"stop it, or delete the stale {sidecar_path(db)}."
        ) from e
    served = status.get("db")
    if not served or not Path(db).exists() or not os.path.samefile(served, db):
        raise RemoteIngestError(f"the readout server at {url} serves {served}, not {db}; "
                                f"delete the stale {sidecar_path(db)}")
    if note:
        note(f"{db} is held by the readout server at {url}; sending the files to it")

    total = IngestReport()
    rejected: list[Rejection] = []
    batches = list(_batches(_sendable(paths, rejected), rejected))
    for i, batch in enumerate(batches):
        body, ctype = _multipart(batch)
        last = i == len(batches) - 1
        try:
            data = _request(f"{url}/api/ingest?update_stories={'true' if last else 'false'}", body,
                            {"Content-Type": ctype}, timeout=TIMEOUT)
        except (urllib.error.URLError, OSError, ValueError) as e:
            raise RemoteIngestError(f"sending files to the readout server at {url} failed: "
                                    f"{getattr(e, 'reason', e)}") from e
        part = report_from_json(data)
        total.ingested += part.ingested
        total.unchanged += part.unchanged
        total.duplicates += part.duplicates
        total.near_duplicates += part.near_duplicates
        total.rejected += part.rejected
        total.events += part.events
    total.rejected = rejected + total.rejected
    return total

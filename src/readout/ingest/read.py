"""Reading inputs into Documents: one Document per good document, one Rejection per bad input.

Texts are kept exactly as decoded (no newline or Unicode normalisation), so evidence offsets
are Python indices into the file's characters. A bad file or line never stops the run.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readout.ingest.header import parse_header
from readout.model import DateValue, Document

MAX_BYTES = 20 * 1024 * 1024
TEXT_EXT = {".txt"}
HTML_EXT = {".html", ".htm"}
RECORD_EXT = {".jsonl", ".csv"}
SUPPORTED = TEXT_EXT | HTML_EXT | RECORD_EXT
_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?$")


@dataclass(frozen=True, slots=True)
class Rejection:
    source: str  # the path, with ":LINE" for a line of a JSONL/CSV file
    reason: str  # what is wrong, and what to do about it
    line: int | None = None


def _expand(paths: list[str]) -> Iterator[tuple[Path, bool]]:
    """(file, given explicitly) for files, directories (recursive, sorted) and glob patterns."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(x for x in path.rglob("*") if x.is_file() or x.is_symlink()):
                if f.suffix.lower() in SUPPORTED and not f.name.startswith("."):
                    yield f, False
        elif any(ch in p for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield path, True
            for m in matches:
                if Path(m).is_file():
                    yield Path(m), False
        else:
            yield path, True


def iter_inputs(paths: list[str]) -> Iterator[Document | Rejection]:
    for path, explicit in _expand(paths):
        src = str(path)
        if not path.exists():
            yield Rejection(src, "no such file (or a dangling link); check the path")
            continue
        if path.is_dir():
            yield Rejection(src, "is a directory where a file was expected")
            continue
        ext = path.suffix.lower()
        if ext not in SUPPORTED:
            if explicit:
                yield Rejection(src, f"unsupported file type {ext or '(none)'}; readout reads {', '.join(sorted(SUPPORTED))}")
            continue
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                yield Rejection(src, "not a regular file (a pipe, socket or device); give readout files")
                continue
            size = st.st_size
            if size > MAX_BYTES:
                yield Rejection(src, f"file too large ({size / 1e6:.0f} MB > {MAX_BYTES // (1024 * 1024)} MB limit); split it")
                continue
            data = path.read_bytes()
        except OSError as e:
            yield Rejection(src, f"cannot read the file: {e.strerror or e}")
            continue
        if ext in TEXT_EXT:
            yield _from_text(path, data)
        elif ext in HTML_EXT:
            yield _from_html(path, data)
        elif ext == ".jsonl":
            yield from _from_jsonl(path, data)
        else:
            yield from _from_csv(path, data)


def decode(data: bytes) -> tuple[str | None, str]:
    """(text, note): UTF-8 first; a BOM'd UTF-16, or a confident legacy encoding; else None + why."""
    if not data.strip():
        return None, "empty file"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, "broken UTF-16 text"
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        return None, "binary data, not text (contains NUL bytes); convert it to UTF-8 text"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        return None, "not UTF-8 text and the encoding cannot be told; convert it to UTF-8"
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 without a byte-order mark: (text, encoding), else None. Told by the NUL bytes
    that the high halves of Latin characters leave on one side (odd or even positions)."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.7 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return text, enc
    return None


def _control_ratio(text: str) -> float:
    sample = text[:4000]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


def content_hash(text: str, body_start: int, published: str = "") -> str:
    """Same normalised body and same publication date: the same article. The date is part of the
    identity because relative dates ("am Freitag") mean different days in copies dated differently."""
    body = unicodedata.normalize("NFC", text[body_start:])
    return hashlib.sha256((published + "\n" + " ".join(body.split())).encode("utf-8")).hexdigest()


def _published(value: Any) -> DateValue | None | str:
    """A DateValue, None when absent, or an error message."""
    if value in (None, ""):
        return None
    m = _PUBLISHED.match(str(value).strip())
    if not m:
        return f"invalid published date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD"
    y, mo, d = m.groups()
    try:
        import datetime as dt

        if d:
            dt.date(int(y), int(mo), int(d))
        elif mo and not 1 <= int(mo) <= 12:
            raise ValueError
    except ValueError:
        return f"invalid published date {value!r}"
    if d:
        return DateValue(f"{y}-{mo}-{d}", "day")
    if mo:
        return DateValue(f"{y}-{mo}", "month")
    return DateValue(y, "year")


def _bad_header_date(text: str) -> str | None:
    """Why the header date of ``text`` is not a calendar date (2025-02-30, 2025-13), else None."""
    _, header = parse_header(text)
    pub = header.get("published")
    if pub is None or isinstance(_published(pub.value), DateValue):
        return None
    return f"the header date {pub.value} is not a calendar date; correct the first line (YYYY-MM or YYYY-MM-DD)"


def _invalid_unicode(*values: Any) -> bool:
    """Lone surrogates (from JSON escapes such as \\ud800) cannot be stored or hashed."""
    for v in values:
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def load_document(doc_id: str, text: str, meta: dict[str, Any], source: str | None) -> Document:
    """A Document from its text and metadata; a ``published`` in ``meta`` wins over a header date.

    A header date that is not a calendar date is not used (the readers reject such files first).
    """
    body_start, header = parse_header(text)
    doc = Document(doc_id=doc_id, text=text, body_start=body_start, source=source)
    pub = meta.get("published")
    if isinstance(pub, str):
        parsed = _published(pub)
        pub = parsed if isinstance(parsed, DateValue) else None
    head_pub = header.get("published")
    if head_pub is not None and not isinstance(_published(head_pub.value), DateValue):
        head_pub = None
    if isinstance(pub, DateValue):
        doc.published, doc.published_source = pub, meta.get("published_source", "metadata")
    elif head_pub is not None:
        doc.published, doc.published_source = head_pub, "header"
    doc.dateline = header.get("dateline")
    outlet = meta.get("outlet")
    doc.outlet = str(outlet) if outlet not in (None, "") else header.get("outlet")
    for key in ("title", "url", "language", "author"):
        if meta.get(key):
            setattr(doc, key, str(meta[key]))
    doc.content_hash = content_hash(text, body_start, doc.published.value if doc.published else "")
    return doc


def _from_text(path: Path, data: bytes) -> Document | Rejection:
    text, note = decode(data)
    if text is None:
        return Rejection(str(path), note)
    if not text.strip():
        return Rejection(str(path), "empty file (only whitespace)")
    if _control_ratio(text) > 0.05:
        return Rejection(str(path), "binary data, not text (many control characters)")
    bad_date = _bad_header_date(text)
    if bad_date:
        return Rejection(str(path), bad_date)
    return load_document(path.stem, text, {}, str(path))


def _from_html(path: Path, data: bytes) -> Document | Rejection:
    import trafilatura

    raw, note = decode(data)
    if raw is None:
        return Rejection(str(path), note)
    try:
        text = trafilatura.extract(raw, output_format="txt", include_comments=False, include_tables=False)
    except Exception as e:  # trafilatura raises many kinds on broken markup
        return Rejection(str(path), f"cannot parse the HTML ({type(e).__name__}{': ' + str(e) if str(e) else ''}); "
                                    "the markup is too broken to find the article text")
    try:
        meta = trafilatura.extract_metadata(raw)
    except Exception:  # htmldate trips over some broken trees; the text is still good
        meta = None
    if not text or not text.strip():
        return Rejection(str(path), "no article text found in the HTML page")
    info: dict[str, Any] = {}
    if meta is not None:
        info = {"title": meta.title, "url": meta.url, "author": meta.author, "outlet": meta.sitename}
        if meta.date:
            parsed = _published(meta.date)
            if isinstance(parsed, DateValue):
                info["published"] = parsed
                info["published_source"] = "html"
    return load_document(path.stem, text, info, str(path))


def _record(path: Path, n: int, obj: Any, seen: set[str]) -> Document | Rejection:
    src = f"{path}:{n}"
    if not isinstance(obj, dict):
        return Rejection(src, "not a JSON object with id and text", n)
    doc_id, text = obj.get("id"), obj.get("text")
    if doc_id in (None, "") or not isinstance(doc_id, str | int):
        return Rejection(src, "missing 'id'", n)
    if not isinstance(text, str) or not text.strip():
        return Rejection(src, "missing or empty 'text'", n)
    if _invalid_unicode(doc_id, text, *(obj.get(k) for k in ("title", "url", "language", "outlet", "author"))):
        return Rejection(src, "invalid Unicode (a lone surrogate such as \\ud800); fix the escapes in this record", n)
    doc_id = str(doc_id)
    if doc_id in seen:
        return Rejection(src, f"id {doc_id!r} appears twice in this file; ids must be unique", n)
    seen.add(doc_id)
    pub = _published(obj.get("published"))
    if isinstance(pub, str):
        return Rejection(src, pub, n)
    if pub is None and _bad_header_date(text):
        return Rejection(src, str(_bad_header_date(text)), n)
    meta = {k: obj.get(k) for k in ("title", "url", "language", "outlet", "author")}
    meta["published"] = pub
    return load_document(doc_id, text, meta, src)


def _from_jsonl(path: Path, data: bytes) -> Iterator[Document | Rejection]:
    text, note = decode(data)
    if text is None:
        yield Rejection(str(path), note)
        return
    text = text.removeprefix("\ufeff")
    seen: set[str] = set()
    records = 0
    # Only \n ends a record: str.splitlines() would also split at U+2028, U+0085, ..., which JSON
    # strings may hold unescaped.
    for n, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        records += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejection(f"{path}:{n}", f"not valid JSON ({e.msg} at column {e.colno})", n)
            continue
        except RecursionError:
            yield Rejection(f"{path}:{n}", "JSON nested too deeply; a record is a flat object with id and text", n)
            continue
        except ValueError as e:  # e.g. an integer with more digits than Python converts
            yield Rejection(f"{path}:{n}", f"not valid JSON ({str(e).split(';')[0]})", n)
            continue
        yield _record(path, n, obj, seen)
    if not records:
        yield Rejection(str(path), "no records in the file (only blank lines)")


def _from_csv(path: Path, data: bytes) -> Iterator[Document | Rejection]:
    text, note = decode(data)
    if text is None:
        yield Rejection(str(path), note)
        return
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        yield Rejection(str(path), "empty CSV file")
        return
    cols = [h.strip().lower() for h in header]
    if "id" not in cols or "text" not in cols:
        hint = " (this file seems to use ';' between fields; readout reads comma-separated files)" \
            if len(cols) == 1 and ";" in cols[0] else ""
        yield Rejection(str(path), f"CSV needs a header row with at least the columns id and text{hint}")
        return
    seen: set[str] = set()
    records = 0
    try:
        for row in reader:
            n = reader.line_num
            if not any(c.strip() for c in row):
                continue
            records += 1
            if len(row) != len(cols):
                yield Rejection(f"{path}:{n}", f"row has {len(row)} columns, the header has {len(cols)}", n)
                continue
            yield _record(path, n, dict(zip(cols, row, strict=True)), seen)
    except csv.Error as e:
        yield Rejection(f"{path}:{reader.line_num}", f"broken CSV: {e}", reader.line_num)
        return
    if not records:
        yield Rejection(str(path), "no records in the file (only the header row)")

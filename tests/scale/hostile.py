"""A corpus of bad and strange input files, generated at test time (never committed).

Every file comes with what ingest must make of it: ``good`` (stored), ``bad`` (one rejection
naming the file), ``either`` (stored or rejected, but one clear outcome), ``skipped`` (not an
input: hidden files, unsupported types inside a directory). JSONL and CSV files carry the same
per line. Kinds: empty, whitespace, binary, a 50 MB file, huge single documents, deeply nested and
malformed HTML, invalid UTF-8, legacy encodings, UTF-16 with and without BOM, broken JSONL lines,
CSV with wrong columns, extremely long lines, only punctuation, mixed scripts, huge numbers of
sentences, impossible header dates, control characters, odd file names, dangling links.

    python tests/scale/corpora.py hostile /tmp/hostile --n 10000
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from readout.pipeline import MAX_ANALYSIS_CHARS

try:
    from corpora import corpus_sentences, pseudo_article
except ImportError:  # imported as tests.scale.hostile
    from tests.scale.corpora import corpus_sentences, pseudo_article


@dataclass
class Expect:
    path: str
    kind: str
    outcome: str  # good | bad | either | skipped
    lines: dict[int, str] = field(default_factory=dict)  # JSONL/CSV: line number -> outcome


_SCRIPTS = ["Путин и Трамп говорили по телефону.", "普京和特朗普通了电话。", "تحدث بوتين وترامب هاتفيا.",
            "Πούτιν και Τραμπ μίλησαν.", "פוטין וטראמפ שוחחו.", "🇷🇺📞🇺🇸 👍🏽👨‍👩‍👧", "e\u0301\u0308\u0327 a\u20dd",
            "\u202eRTL override\u202c", "zero\u200bwidth\u200djoiner", "ｆｕｌｌｗｉｄｔｈ", "𝔉𝔯𝔞𝔨𝔱𝔲𝔯 𝟙𝟚𝟛"]
_PUNCT = list("!?.,;:–—-„“”\"'()[]{}…/\\|*&%$§#@^~`+=<>«»‹›¿¡")


def _article(rng: random.Random) -> str:
    return pseudo_article(rng)


def _sentences(rng: random.Random, n: int) -> str:
    general = corpus_sentences()
    return " ".join(rng.choice(general) for _ in range(n))


# -- the kinds: each returns (file name suffix, bytes, outcome, per-line outcomes) -------------------

Made = tuple[str, bytes, str, dict[int, str]]


def k_good_txt(rng: random.Random) -> Made:
    return ".txt", _article(rng).encode(), "good", {}


def k_good_html(rng: random.Random) -> Made:
    paras = "".join(f"<p>{_sentences(rng, 4)}</p>\n" for _ in range(rng.randint(3, 6)))
    html = (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Bericht</title></head>"
            f"<body><nav><a href='/'>Start</a></nav><article><h1>Bericht</h1>{paras}</article>"
            f"<footer>Impressum</footer></body></html>")
    return ".html", html.encode(), "good", {}


def k_empty(rng: random.Random) -> Made:
    return rng.choice([".txt", ".html", ".jsonl", ".csv"]), b"", "bad", {}


def k_whitespace(rng: random.Random) -> Made:
    ws = "".join(rng.choice([" ", "\n", "\t", "\r\n", "\u00a0", "\u2003"]) for _ in range(rng.randint(1, 200)))
    outcome = "bad" if all(c in " \n\t\r" for c in ws) else "either"
    return rng.choice([".txt", ".jsonl", ".csv"]), ws.encode(), outcome, {}


def k_binary(rng: random.Random) -> Made:
    data = bytearray(rng.randbytes(rng.randint(16, 65536)))
    data[rng.randrange(min(len(data), 8192))] = 0
    return rng.choice([".txt", ".html", ".jsonl", ".csv"]), bytes(data), "bad", {}


def k_binary_no_nul(rng: random.Random) -> Made:
    data = bytes(b or 1 for b in rng.randbytes(rng.randint(16, 20000)))
    return rng.choice([".txt", ".jsonl"]), data, "either", {}


def k_control(rng: random.Random) -> Made:
    text = "".join(rng.choice(["\x01", "\x02", "\x1b", "\x7f", "a", "b"]) for _ in range(rng.randint(50, 5000)))
    return ".txt", text.encode(), "bad", {}


def k_nested_html(rng: random.Random) -> Made:
    depth = rng.choice([300, 3000, 30000, 100000])
    tag = rng.choice(["div", "span", "b", "table"])
    html = "<html><body>" + f"<{tag}>" * depth + _sentences(rng, 5) + f"</{tag}>" * rng.choice([0, depth]) + "</body></html>"
    return ".html", html.encode(), "either", {}


def k_malformed_html(rng: random.Random) -> Made:
    parts = []
    for _ in range(rng.randint(5, 400)):
        parts.append(rng.choice([
            "<p>", "</p>", "<div class='x", "<<>>", "<script>var a = '<p>';", "</script>", "<!--", "-->",
            "<![CDATA[", "]]>", "&amp;", "&#xD800;", "&#99999999;", "&nosuch;", "<p " + "a='b' " * 50,
            "<style>p{}</style>", "<a href=javascript:alert(1)>", "<iframe src=x>", _sentences(rng, 1),
            "<meta charset='utf-16'>", "<html>", "</body>", "<?xml version='1.0'?>",
        ]))
    return ".html", "".join(parts).encode(), "either", {}


def k_html_scripts_only(rng: random.Random) -> Made:
    html = "<html><head><script>" + "x=1;" * rng.randint(10, 20000) + "</script></head><body></body></html>"
    return ".html", html.encode(), "bad", {}


def k_invalid_utf8(rng: random.Random) -> Made:
    data = bytearray(_article(rng).encode())
    for _ in range(rng.randint(1, 20)):
        data.insert(rng.randrange(len(data)), rng.choice([0xFF, 0xFE, 0xC3, 0x80, 0xED, 0xF8]))
    return rng.choice([".txt", ".jsonl", ".csv"]) if rng.random() < 0.2 else ".txt", bytes(data), "either", {}


def k_legacy_encoding(rng: random.Random) -> Made:
    text = "Über die Gespräche in Köln berichtete die Zeitung ausführlich. Die Größe der Delegation überraschte. " * 3
    text += _sentences(rng, 5)
    enc = rng.choice(["latin-1", "cp1252", "iso-8859-15"])
    return ".txt", text.encode(enc, errors="replace"), "either", {}


def k_utf16(rng: random.Random) -> Made:
    text = _article(rng)
    enc = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])  # "utf-16" writes a BOM
    return ".txt", text.encode(enc), "good", {}


def k_long_line(rng: random.Random) -> Made:
    n = rng.choice([20_000, 150_000, 1_000_000, 5_000_000])
    if rng.random() < 0.5:
        line = ("Wort" + "x" * rng.randint(0, 20) + " ") * (n // 10)
    else:
        line = "a" * n  # one "word"
    line = line[:n]
    return ".txt", line.encode(), "good" if len(line) <= MAX_ANALYSIS_CHARS else "bad", {}


def k_huge_document(rng: random.Random) -> Made:
    text = _sentences(rng, rng.randint(3000, 6000))  # ~300-600 k characters: beyond the analysis cap
    return ".txt", text.encode(), "bad", {}


def k_punctuation(rng: random.Random) -> Made:
    text = "".join(rng.choice(_PUNCT + [" ", "\n"]) for _ in range(rng.randint(1, 50_000)))
    if not text.strip():
        text = "?!"
    return ".txt", text.encode(), "either", {}


def k_mixed_scripts(rng: random.Random) -> Made:
    parts = [rng.choice(_SCRIPTS) if rng.random() < 0.5 else rng.choice(corpus_sentences()) for _ in range(rng.randint(3, 40))]
    return ".txt", " ".join(parts).encode(), "good", {}


def k_many_sentences(rng: random.Random) -> Made:
    unit = rng.choice(["Ja. ", "Nein! ", "A. ", "Putin telefonierte. ", "Er sagte: „Gut.“ "])
    n = rng.choice([1_000, 8_000, 30_000, 60_000])
    return ".txt", (unit * n).encode(), "either", {}


def k_header(rng: random.Random) -> Made:
    head, outcome = rng.choice([
        (" date 2025-02-30 Moskau taz | ", "bad"), (" date 2025-13 ", "bad"), (" date 0000-00-00 | ", "bad"),
        (" date 2025-03 " + "x" * 200 + " | ", "good"), (" date 2025-03-18 |", "good"), (" date 2025-03-18", "good"),
        # "either": the time stage overflows on weekdays near 9999-12-31 (time/timex.py, _weekday)
        (" date 9999-12-31 Ort Blatt | ", "either"), ("date 2025-03-18 ", "good"), (" date 2025-03-18\n", "good"),
    ])
    body = "" if outcome == "good" and rng.random() < 0.1 else _article(rng)
    return ".txt", (head + body).encode(), outcome if body.strip() or outcome == "bad" else "either", {}


def k_jsonl(rng: random.Random) -> Made:
    lines: list[str] = []
    expect: dict[int, str] = {}
    uid = rng.randrange(10**9)
    for j in range(rng.randint(1, 12)):
        choice = rng.randrange(16)
        rid = f"j{uid}-{j}"
        if choice < 4:
            rec: object = {"id": rid, "text": _article(rng)}
            if rng.random() < 0.5:
                rec["published"] = "2025-03-19"  # type: ignore[index]
            line, out = json.dumps(rec, ensure_ascii=rng.random() < 0.5), "good"
        elif choice == 4:
            line, out = json.dumps({"id": rid, "text": _article(rng)})[: rng.randint(1, 40)], "bad"
        elif choice == 5:
            line, out = json.dumps([rid, "text"]), "bad"
        elif choice == 6:
            line, out = json.dumps({"id": rid}), "bad"
        elif choice == 7:
            line, out = json.dumps({"text": "Kein Schlüssel."}), "bad"
        elif choice == 8:
            line, out = json.dumps({"id": rid, "text": "Datum falsch.", "published": "2025-13-40"}), "bad"
        elif choice == 9:
            line, out = "[" * rng.choice([100, 5000, 200000]) + "]" * rng.choice([0, 1]), "bad"
        elif choice == 10:
            line, out = '{"id": 1' + "0" * 5000 + ', "text": "x"}', "bad"
        elif choice == 11:
            line, out = '{"id": "' + rid + '", "text": "Hallo \\ud800 Welt"}', "bad"
        elif choice == 12:
            line, out = json.dumps({"id": rid, "text": "Text", "title": {"a": [1, 2]}, "outlet": ["x"], "url": 5}), "good"
        elif choice == 13:
            line, out = "NaN", "bad"
        elif choice == 14:
            line, out = json.dumps({"id": rid, "text": " " * 10}), "bad"
        else:
            line, out = json.dumps({"id": rid, "text": _sentences(rng, 4000)}), "bad"  # beyond the analysis cap
        lines.append(line)
        expect[len(lines)] = out
        if rng.random() < 0.1:
            lines.append("")  # blank lines are not records
    sep = rng.choice(["\n", "\r\n"])
    data = (sep.join(lines) + sep).encode()
    if rng.random() < 0.1:
        data = b"\xef\xbb\xbf" + data
    return ".jsonl", data, "lines", expect


def k_csv(rng: random.Random) -> Made:
    uid = rng.randrange(10**9)
    variant = rng.randrange(6)
    if variant == 0:  # no id/text columns
        return ".csv", b"name,body\nx,Hallo\n", "bad", {}
    if variant == 1:  # German Excel: semicolons
        return ".csv", b"id;text\nq;Hallo Welt\n", "bad", {}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "text", "published"])
    expect: dict[int, str] = {}
    line = 1  # physical lines so far; a record is known by its last line (csv.reader.line_num)
    for j in range(rng.randint(1, 8)):
        rid = f"c{uid}-{j}"
        c = rng.randrange(5)
        if c < 2:
            text = _article(rng)
            w.writerow([rid, text, rng.choice(["", "2025-03-19"])])
            out = "good"
        elif c == 2:
            text = "Zu wenige Spalten"
            w.writerow([rid, text])
            out = "bad"
        elif c == 3:
            text = "Zu viele"
            w.writerow([rid, text, "", "extra", "mehr"])
            out = "bad"
        else:
            text = ""
            w.writerow([rid, "", ""])
            out = "bad"
        line += 1 + text.count("\n")
        expect[line] = out
    data = buf.getvalue()
    if variant == 2:  # an unterminated quote swallows the rest of the file
        data += 'x,"offen,2025\n'
        return ".csv", data.encode(), "either", {}
    if variant == 3:  # a field beyond the csv module's limit
        data += "big," + "x" * 200_000 + ",\n"
        return ".csv", data.encode(), "lines+", expect
    if variant == 4:
        return ".csv", b"\xef\xbb\xbf" + data.encode(), "lines", expect
    return ".csv", data.encode(), "lines", expect


def k_odd_name(rng: random.Random) -> Made:
    return ".txt", _article(rng).encode(), "good", {}


KINDS: dict[str, tuple[Callable[[random.Random], Made], float]] = {
    "good_txt": (k_good_txt, 10), "good_html": (k_good_html, 3), "empty": (k_empty, 5),
    "whitespace": (k_whitespace, 3), "binary": (k_binary, 6), "binary_no_nul": (k_binary_no_nul, 3),
    "control": (k_control, 3), "nested_html": (k_nested_html, 3), "malformed_html": (k_malformed_html, 6),
    "html_scripts_only": (k_html_scripts_only, 2), "invalid_utf8": (k_invalid_utf8, 5),
    "legacy_encoding": (k_legacy_encoding, 3), "utf16": (k_utf16, 4), "long_line": (k_long_line, 1),
    "huge_document": (k_huge_document, 0.3), "punctuation": (k_punctuation, 4), "mixed_scripts": (k_mixed_scripts, 4),
    "many_sentences": (k_many_sentences, 1), "header": (k_header, 5), "jsonl": (k_jsonl, 8), "csv": (k_csv, 6),
    "odd_name": (k_odd_name, 2),
}

_ODD_NAMES = ["mit leerzeichen", "ümläut-ß", "колонка", "a:b", "-dash", "x" * 200, "emoji-😀", "semi;colon", "quote'\"",
              "ab\u0301c"]


def write_hostile(out: Path, n: int, seed: int = 14) -> dict[str, object]:
    """Write about ``n`` hostile files under ``out`` (plus one 50 MB file, dangling links, hidden
    and unsupported files) and ``out/manifest.json``; returns counts per kind and outcome."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    manifest: list[Expect] = []
    total = sum(w for _, w in KINDS.values())
    names = list(KINDS)
    counts = {k: max(1, round(n * KINDS[k][1] / total)) for k in names}
    i = 0
    for kind in names:
        make = KINDS[kind][0]
        sub = out / kind
        sub.mkdir(exist_ok=True)
        for _ in range(counts[kind]):
            ext, data, outcome, lines = make(rng)
            stem = f"{i:05d}"
            if kind == "odd_name":
                stem += "-" + rng.choice(_ODD_NAMES)
            p = sub / (stem + ext)
            p.write_bytes(data)
            manifest.append(Expect(str(p), kind, outcome, lines))
            i += 1
    special = out / "special"
    special.mkdir(exist_ok=True)
    big = special / f"{i:05d}-50MB.txt"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    manifest.append(Expect(str(big), "50MB", "bad"))
    dangling = special / f"{i + 1:05d}-dangling.txt"
    if not dangling.is_symlink():
        os.symlink(special / "does-not-exist.txt", dangling)
    manifest.append(Expect(str(dangling), "dangling_link", "bad"))
    loop = special / f"{i + 2:05d}-loop.txt"
    if not loop.is_symlink():
        os.symlink(loop, loop)
    manifest.append(Expect(str(loop), "symlink_loop", "bad"))
    hidden = special / ".hidden.txt"
    hidden.write_text("Versteckt.", encoding="utf-8")
    manifest.append(Expect(str(hidden), "hidden", "skipped"))
    other = special / "notes.md"
    other.write_text("# not an input", encoding="utf-8")
    manifest.append(Expect(str(other), "unsupported", "skipped"))
    (special / f"{i + 3:05d}-dir.txt").mkdir(exist_ok=True)  # a directory with a file's name: skipped
    (out / "manifest.json").write_text(json.dumps([e.__dict__ for e in manifest], ensure_ascii=False), encoding="utf-8")
    stats: dict[str, object] = {"files": len(manifest),
                                "bytes": sum(os.path.getsize(e.path) for e in manifest if not os.path.islink(e.path)),
                                "by_kind": dict(Counter(e.kind for e in manifest)),
                                "by_outcome": dict(Counter(e.outcome for e in manifest))}
    return stats


def load_manifest(out: Path) -> list[Expect]:
    return [Expect(**d) for d in json.loads((out / "manifest.json").read_text(encoding="utf-8"))]

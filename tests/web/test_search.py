"""The evidence search index: substring terms, phrases, safe syntax, incremental sync, a broken cache."""

from __future__ import annotations

import pytest

from readout.web.search import EvidenceIndex, QueryError, parse_query

TEXTS = {
    "ev-1": "Der Waffenstillstand gilt 30 Tage für die Energie-Infrastruktur.",
    "ev-2": "Putin und Trump telefonierten über einen Gefangenenaustausch.",
    "ev-3": "Die EU drohte mit Sanktionen; „sehr gutes Gespräch“ hieß es in Moskau.",
}


def index(path=":memory:", texts=TEXTS, fp=1) -> EvidenceIndex:
    idx = EvidenceIndex(path)
    idx.sync({k: fp for k in texts}, lambda ids: [(i, texts[i]) for i in ids])
    return idx


@pytest.mark.parametrize("q, hits", [
    ("stillstand", ["ev-1"]), ("WAFFENSTILLSTAND", ["ev-1"]), ("energie infrastruktur", ["ev-1"]),
    ('"30 Tage"', ["ev-1"]), ('"Tage 30"', []), ("austausch Putin", ["ev-2"]), ("EU", ["ev-3"]),
    ("gespräch", ["ev-3"]), ("GESPRÄCH", ["ev-3"]), ("„sehr", ["ev-3"]), ("Moskau Washington", []),
    ('AND OR NOT "', []), ("NEAR(a b)", []), ("*", []), ("ü", ["ev-1", "ev-2"]), ("e", ["ev-1", "ev-2", "ev-3"]),
])
def test_terms_are_substrings_and_all_must_occur(q, hits):
    assert sorted(index().search(q)) == hits


def test_bad_queries_are_refused_with_a_reason():
    for q in ("", "   ", '""', "x" * 501, " ".join(["w"] * 17)):
        with pytest.raises(QueryError):
            parse_query(q)


def test_sync_touches_only_what_changed(tmp_path):
    path = tmp_path / "x.search"
    idx = index(path)
    texts = {**TEXTS, "ev-2": "Selenskyj traf Macron in Paris.", "ev-4": "Ein neuer Waffenstillstand."}
    del texts["ev-3"]
    fetched: list[str] = []

    def fetch(ids):
        fetched.extend(ids)
        return [(i, texts[i]) for i in ids]

    assert idx.sync({"ev-1": 1, "ev-2": 2, "ev-4": 1}, fetch) == 2
    assert sorted(fetched) == ["ev-2", "ev-4"]
    assert sorted(idx.search("Waffenstillstand")) == ["ev-1", "ev-4"]
    assert idx.search("Putin") == [] and idx.search("Sanktionen") == [] and idx.search("Macron") == ["ev-2"]
    assert idx.sync({"ev-1": 1, "ev-2": 2, "ev-4": 1}, fetch) == 0
    idx.close()
    again = EvidenceIndex(path)  # the cache survives a restart
    assert again.size == 3 and again.search("Macron") == ["ev-2"]
    again.close()


def test_a_broken_cache_file_is_rebuilt(tmp_path):
    path = tmp_path / "x.search"
    path.write_bytes(b"this is not a database" * 100)
    idx = index(path)
    assert idx.search("stillstand") == ["ev-1"] and idx.path == str(path)
    idx.close()

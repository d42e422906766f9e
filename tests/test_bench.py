"""The benchmark on a tiny corpus: it runs, reports what it promises, and builds the same corpus twice.

No timing thresholds here: the targets are checked by `readout bench` itself.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from readout.bench import build_corpus, detokenize, ensure_corpus, run_benchmark
from readout.cli import app

N = 30


@pytest.fixture(scope="module")
def shared(shared_dir):
    if not (shared_dir / "data" / "ud-german").is_dir():
        pytest.skip("../shared/data is not present")
    return shared_dir


@pytest.fixture(scope="module")
def result(shared, tmp_path_factory):
    return run_benchmark(N, seed=7, shared=shared, where=tmp_path_factory.mktemp("bench-cache"))


def test_result_has_the_promised_keys_and_sane_values(result):
    assert {"articles_per_s", "tokenise_articles_per_s", "ratio", "peak_rss_mb", "docs"} <= result.keys()
    assert result["docs"] == N
    assert result["articles_per_s"] > 0 and result["tokenise_articles_per_s"] > 0
    # the pipeline tokenises too, so it can never beat the tokeniser alone by much
    assert result["ratio"] > 1
    # the seconds are rounded to milliseconds, which on a tiny corpus moves the quotient by up to ~0.5 ms / tokenise_s
    tol = 0.01 + 0.0006 / max(result["tokenise_s"], 1e-3)
    assert result["ratio"] == pytest.approx(result["pipeline_s"] / result["tokenise_s"], rel=tol)
    assert 10 < result["peak_rss_mb"] < 100_000
    assert set(result["targets"]) == {"articles_per_s", "ratio", "peak_rss_mb", "linearity", "failures"}
    assert all(isinstance(t["pass"], bool) for t in result["targets"].values())
    assert sum(result["stage_share"].values()) == pytest.approx(1, abs=0.01)
    json.dumps(result)  # the --json output is this object


def test_corpus_mixes_real_news_into_article_sized_pseudo_articles(result):
    c = result["corpus"]
    assert c["articles"] == N and c["real_copies"] == N // 20
    assert 300 <= c["mean_words"] <= 800
    assert (
        c["sentences_distinct"] <= c["sentences_placed"]
        and c["sentences_distinct"] <= c["sentences_available"]
    )
    assert result["articles_with_events"] >= c["real_copies"]  # the real news all carry contacts


def test_corpus_is_deterministic_for_a_seed(shared, tmp_path):
    a = list(build_corpus(25, 3, shared))
    assert a == list(build_corpus(25, 3, shared))
    assert a != list(build_corpus(25, 4, shared))
    path, stats = ensure_corpus(25, 3, shared, tmp_path)
    assert path.name == "bench-25-3.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == a[:-1] and stats == a[-1]["stats"]
    words = [len(r["text"].split()) for r in lines if r["origin"] == "pseudo"]
    assert min(words) >= 300 and max(words) <= 800 + 150  # the last sentence may run over


def test_detokenize_follows_german_spacing():
    assert (
        detokenize(["„", "Ja", "“", ",", "sagte", "er", "(", "heute", ")", "."]) == "„Ja“, sagte er (heute)."
    )
    assert detokenize(["Er", "sagte", '"', "nein", '"', "."]) == 'Er sagte "nein".'


def test_cli_json_prints_one_object(shared, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    res = CliRunner().invoke(app, ["bench", "--docs", "5", "--json", "--seed", "2", "--shared", str(shared)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["docs"] == 5 and data["seed"] == 2
    assert (tmp_path / "readout" / "bench-5-2.jsonl").is_file()

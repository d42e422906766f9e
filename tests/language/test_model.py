"""The shipped German model (readout/models/de_core): loads offline, tags verbs, nouns and Konjunktiv."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from readout.language import model  # noqa: E402


def _by_text(words: list[str]) -> dict[str, dict]:
    return {t["text"]: t for t in model.tag_tokens(words)}


def test_model_is_shipped_and_loads_once() -> None:
    assert model.available()
    assert model.load_model() is model.load_model()
    assert (model.model_path() / "config.cfg").is_file()


def test_konjunktiv_i_in_reported_speech() -> None:
    t = _by_text("Er sagte , Russland sei bereit .".split())
    assert t["sei"]["morph"].get("Mood") == "Sub"
    assert t["sei"]["pos"] == "AUX"
    assert t["sagte"]["pos"] == "VERB"
    assert t["sagte"]["morph"].get("Mood") == "Ind"
    assert t["Russland"]["pos"] == "PROPN"


def test_konjunktiv_i_of_haben_depends_on_the_subject() -> None:
    assert _by_text("Ich habe das Abkommen unterschrieben .".split())["habe"]["morph"].get("Mood") != "Sub"
    assert _by_text("Man habe keine Absicht , anzugreifen , sagte er .".split())["habe"]["morph"].get("Mood") == "Sub"


def test_konjunktiv_ii() -> None:
    t = _by_text("Die Regierung würde einem Waffenstillstand zustimmen .".split())
    assert t["würde"]["morph"].get("Mood") == "Sub"
    assert t["zustimmen"]["morph"].get("VerbForm") == "Inf"


def test_parts_of_speech_and_verb_forms() -> None:
    t = _by_text("Die Gespräche wurden am Montag in Genf fortgesetzt .".split())
    assert t["Gespräche"]["pos"] == "NOUN"
    assert t["wurden"]["pos"] == "AUX"
    assert {"Mood": "Ind", "Tense": "Past", "Number": "Plur", "VerbForm": "Fin"}.items() <= t["wurden"]["morph"].items()
    assert t["fortgesetzt"]["pos"] == "VERB"
    assert t["fortgesetzt"]["morph"].get("VerbForm") == "Part"
    assert "Mood" not in t["fortgesetzt"]["morph"]
    assert t["in"]["pos"] == "ADP"
    assert t["Genf"]["pos"] == "PROPN"
    t = _by_text("Die Delegation hat die Gespräche abgebrochen .".split())
    assert t["Delegation"]["pos"] == "NOUN"
    assert t["hat"]["pos"] in {"AUX", "VERB"}  # AUX vs. full verb "haben" depends on the participle
    assert {"Mood": "Ind", "Tense": "Pres", "Person": "3", "Number": "Sing"}.items() <= t["hat"]["morph"].items()


def test_one_dict_per_word_in_order_and_batches_agree() -> None:
    sents = [["Kiew", "strebe", "einen", "Frieden", "an", "."], [], ["Das", "Treffen", "war", "kurz", "."]]
    batch = model.tag_sentences(sents)
    assert [[t["text"] for t in s] for s in batch] == sents
    assert batch[0] == model.tag_tokens(sents[0])
    assert model.tag_tokens([]) == []
    first = batch[0][0]
    assert set(first) == {"text", "pos", "lemma", "morph", "head", "dep"}
    assert isinstance(first["morph"], dict)


def test_dependencies_on_request() -> None:
    words = "Die Delegation hat die Gespräche in Genf fortgesetzt .".split()
    plain = model.tag_tokens(words)
    assert all(t["head"] is None and t["dep"] is None for t in plain)
    if "parser" not in model.load_model().pipe_names:
        pytest.skip("the shipped model has no parser")
    t = model.tag_tokens(words, parse=True)
    assert t[1]["dep"] == "nsubj" and t[1]["head"] == 7
    assert t[4]["dep"] == "obj" and t[4]["head"] == 7
    assert t[7]["dep"] == "root" and t[7]["head"] == 7
    assert [x["pos"] for x in t] == [x["pos"] for x in plain]


def test_odd_words_do_not_break_tagging() -> None:
    out = model.tag_tokens(["", " ", "(…)", "18.03.2025", "US-"])
    assert len(out) == 5
    assert out[0]["text"] == ""

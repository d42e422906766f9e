"""Multi-article scenarios written for the tests (not the seeds): stories, accounts compared, follow-up."""

from __future__ import annotations

import json
from pathlib import Path

from readout.pipeline import run


def _write(tmp_path, docs: dict[str, str]) -> str:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in docs.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    return str(d)


def _events(out) -> list[dict]:
    return [json.loads(x) for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def _disc(out) -> list[dict]:
    return [json.loads(x) for x in (out / "discrepancies.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def _contacts(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "CONSULT" and e["modality"] == "asserted"]


def test_two_reports_of_one_call_are_one_story_and_their_tone_differs(tmp_path):
    docs = {
        "a_kremlin": " date 2025-04-09 Moskau | Der russische Präsident Wladimir Putin und US-Präsident Donald Trump "
                     "haben am Dienstag miteinander telefoniert. Das Gespräch sei „sehr konstruktiv“ gewesen, sagte "
                     "Kremlsprecher Dmitri Peskow. Beide Seiten hätten sich auf einen Austausch von Gefangenen geeinigt.",
        "b_washington": " date 2025-04-10 Washington | US-Präsident Donald Trump hat nach seinem Telefonat mit Kremlchef "
                        "Wladimir Putin am Dienstag von einem schwierigen Gespräch gesprochen. Er sei „sehr enttäuscht“, "
                        "sagte Trump vor Journalisten im Weißen Haus.",
    }
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    calls = _contacts(_events(out))
    assert {c["doc_id"] for c in calls} == {"a_kremlin", "b_washington"}
    assert len({c["cluster_id"] for c in calls}) == 1
    assert all(c["date"]["value"] == "2025-04-08" for c in calls)
    tones = [d for d in _disc(out) if d["kind"] == "tone"]
    assert tones, "the Kremlin's 'sehr konstruktiv' and Trump's 'sehr enttäuscht' should disagree"


def test_monthly_calls_between_the_same_leaders_stay_separate(tmp_path):
    docs = {
        f"call_{m}": f" date 2025-{m:02d}-15 Berlin | Bundeskanzler Friedrich Merz hat am Freitag mit dem französischen "
                     f"Präsidenten Emmanuel Macron telefoniert. Es ging um die Lage im Nahen Osten."
        for m in (3, 4, 5)
    }
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    calls = _contacts(_events(out))
    assert len(calls) == 3
    assert len({c["cluster_id"] for c in calls}) == 3


def test_an_undated_article_joins_a_dated_story_and_inherits_its_date(tmp_path):
    docs = {
        "dated": " date 2025-06-04 Ankara | Der türkische Präsident Recep Tayyip Erdoğan hat am Montag in Ankara den "
                 "ukrainischen Präsidenten Wolodymyr Selenskyj empfangen. Beide sprachen über einen Gefangenenaustausch "
                 "und die Lage am Schwarzen Meer.",
        "undated": "Selenskyj traf Erdoğan in Ankara. Bei dem Treffen ging es um einen Gefangenenaustausch und um die "
                   "Sicherheit am Schwarzen Meer.",
    }
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    calls = {c["doc_id"]: c for c in _contacts(_events(out))}
    assert calls["dated"]["cluster_id"] == calls["undated"]["cluster_id"]
    assert calls["undated"]["date"]["value"] == "2025-06-02"
    assert "same story as dated" in calls["undated"]["date"]["basis"]


def test_an_undated_report_does_not_bridge_two_calls_months_apart(tmp_path):
    """A report with no date fits both a March and a May call; it may join one, never both."""
    body = ("US-Präsident Donald Trump und Kremlchef Wladimir Putin haben am Dienstag telefoniert. "
            "Es ging um eine Waffenruhe und einen Austausch von Gefangenen.")
    docs = {"march": " date 2025-03-18 Washington | " + body,
            "may": " date 2025-05-20 Washington | " + body,
            "undated": body}
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    calls = {c["doc_id"]: c for c in _contacts(_events(out))}
    assert calls["march"]["cluster_id"] != calls["may"]["cluster_id"]


def test_an_english_and_a_german_report_of_one_call_are_one_story_and_compared(tmp_path):
    """A White House readout in English and a German report of the Kremlin's summary of the same call."""
    docs = {
        "wh_readout": " date 2025-06-11 Washington | President Donald J. Trump spoke with President Vladimir Putin of "
                      "Russia on Tuesday. The two leaders discussed a ceasefire and an exchange of prisoners. "
                      "The call was very productive, the White House said.",
        "kreml_de": " date 2025-06-11 Moskau | Kremlchef Wladimir Putin und US-Präsident Donald Trump haben am Dienstag "
                    "telefoniert. Es sei um eine Waffenruhe und einen Gefangenenaustausch gegangen. Das Gespräch sei "
                    "schwierig gewesen, sagte Kremlsprecher Dmitri Peskow.",
    }
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    calls = _contacts(_events(out))
    assert {c["doc_id"] for c in calls} == {"wh_readout", "kreml_de"}
    assert len({c["cluster_id"] for c in calls}) == 1
    assert all(c["date"]["value"] == "2025-06-10" for c in calls)
    tones = [d for d in _disc(out) if d["kind"] == "tone"]
    assert tones, "'very productive' (USA) against 'schwierig' (RUS) should be a tone discrepancy"
    sides = {a["claimer"]["country"] for d in tones for a in d["accounts"]}
    assert sides == {"RUS", "USA"}


def _commitments(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "commitments.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def test_a_halt_followed_by_an_attack_on_the_covered_targets_is_broken(tmp_path):
    docs = {
        "halt": " date 2025-03-19 Moskau | Russland hat am Dienstag zugesagt, die Angriffe auf die Energie-Infrastruktur "
                "der Ukraine für 30 Tage auszusetzen.",
        "attack": " date 2025-03-25 Kiew | Russische Truppen haben am Montag erneut Energieanlagen in der Ukraine mit "
                  "Drohnen angegriffen, teilte das ukrainische Energieministerium mit.",
        "elsewhere": " date 2025-03-22 Kiew | Russland hat am Freitag eine Kaserne in der Ukraine mit Raketen angegriffen.",
    }
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    halts = [c for c in _commitments(out) if "30 Tage" in c["what"]]
    assert len(halts) == 1
    c = halts[0]
    assert c["valid_from"] == "2025-03-18" and c["valid_until"] == "2025-04-17"
    assert c["status"] == "broken"
    broken = [h for h in c["history"] if h["status"] == "broken"]
    assert [h["evidence"][0]["doc_id"] for h in broken] == ["attack"], "only the attack on energy targets breaks it"


def test_a_promised_exchange_that_is_carried_out_is_kept(tmp_path):
    docs = {
        "deal": " date 2025-05-16 Istanbul | Russland und die Ukraine haben am Freitag vereinbart, je 1000 Kriegsgefangene "
                "auszutauschen.",
        "done": " date 2025-05-25 Kiew | Russland und die Ukraine haben am Sonntag weitere Kriegsgefangene freigelassen.",
    }
    out = tmp_path / "out"
    run([_write(tmp_path, docs)], out)
    swaps = [c for c in _commitments(out) if "1000" in c["what"]]
    assert len(swaps) == 1
    assert swaps[0]["status"] == "kept"
    assert swaps[0]["history"][-1]["evidence"][0]["doc_id"] == "done"

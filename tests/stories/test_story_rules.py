"""Rules of the story stage on hand-made event records (independent of what the events stage finds)."""

from __future__ import annotations

from typing import Any

from readout.stories.build import build_stories, concepts_in

PEOPLE = {
    "RUS": ("Wladimir Putin", "Q7747"), "USA": ("Donald Trump", "Q22686"), "UKR": ("Wolodymyr Selenskyj", "Q3881"),
}


def _ev(doc: str, n: int, etype: str, keys: tuple[str, ...], text: str, start: int = 0, *, date: str | None = None,
        modality: str = "asserted", links: list[dict[str, str]] | None = None, sequence: int | None = None,
        quantities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")
    return {
        "id": f"ev-{doc}-{n}", "doc_id": doc, "type": etype, "mode": None, "modality": modality,
        "actors": [{"name": PEOPLE[k][0], "country": k, "org": None, "sector": "GOV", "wikidata": PEOPLE[k][1]}
                   for k in keys],
        "recipients": [], "date": {"value": date, "precision": precision, "text": None, "basis": "test"},
        "evidence": [{"doc_id": doc, "start": start, "end": start + len(text), "text": text}],
        "links": links or [], "sequence": sequence, "quantities": quantities or [],
    }


def _outcome_of(doc: str, n: int) -> list[dict[str, str]]:
    return [{"rel": "outcome_of", "event_id": f"ev-{doc}-{n}"}]


def _cluster(events: list[dict[str, Any]]) -> dict[str, str]:
    cluster_of, _ = build_stories(events)
    return cluster_of


def test_an_outcome_the_events_stage_left_unlinked_joins_its_contacts_story():
    """'He said Moscow had again asked for …' two sentences after the talks: the talks' demand."""
    events = [
        _ev("riyadh", 1, "CONSULT", ("RUS", "USA"), "Witkoff and Dmitriev held five hours of talks in Riyadh on Wednesday.",
            date="2026-04-01"),
        _ev("riyadh", 2, "REQUEST", ("RUS",), "He said Moscow had again asked for the return of six properties.", 200),
        _ev("riyadh", 3, "REJECT", ("RUS", "USA"), "A spokesperson said Washington would not ease sanctions.", 300),
    ]
    cl = _cluster(events)
    assert cl["ev-riyadh-1"] == cl["ev-riyadh-2"] == cl["ev-riyadh-3"]
    assert events[1]["date"]["value"] == "2026-04-01", "what was asked in the talks dates from the talks"
    assert events[1]["date"]["basis"].startswith("outcome of the contact")


def test_an_outcome_told_in_the_contacts_own_clause_joins_it_whatever_its_date():
    text = "Russland und die Ukraine haben bei ihren Verhandlungen in der Türkei einen Gefangenenaustausch vereinbart."
    events = [_ev("ist", 1, "AGREE", ("RUS", "UKR"), text, date="2025-05"),
              _ev("ist", 2, "CONSULT", ("RUS", "UKR"), text, date="2025-07")]
    cl = _cluster(events)
    assert cl["ev-ist-1"] == cl["ev-ist-2"]


def test_an_earlier_deal_recalled_in_the_report_of_a_contact_stays_apart():
    events = [
        _ev("call", 1, "CONSULT", ("RUS", "USA"), "Putin und Trump haben am Dienstag telefoniert.", date="2025-03-18"),
        # its own, other day: another occasion
        _ev("call", 2, "AGREE", ("RUS", "USA"), "Bereits am 3. März hatten sich beide Seiten auf Gespräche verständigt.",
            100, date="2025-03-03"),
        # German pluperfect without a date: an earlier deal recalled
        _ev("call", 3, "AGREE", ("RUS", "USA"), "Putin hatte den USA bereits ein Angebot gemacht.", 200),
        # parties beyond the contact's: not its outcome
        _ev("call", 4, "AGREE", ("UKR", "USA"), "Die Ukraine stimmte dem Vorschlag zu.", 300),
    ]
    cl = _cluster(events)
    assert len({cl[e["id"]] for e in events}) == 4


def test_a_meeting_agreed_in_a_calls_outcome_is_not_a_contact_of_its_own():
    """'Putin confirmed Russia's readiness to resume negotiations with Ukraine in Istanbul': the events
    stage reads a contact there; what it hangs on it belongs to the call."""
    clause = "Putin confirmed Russia's readiness to resume direct negotiations with Ukraine in Istanbul."
    events = [
        _ev("kremlin", 1, "CONSULT", ("RUS", "USA"), "Putin and Trump held a telephone conversation on Tuesday.",
            date="2026-03-10"),
        _ev("kremlin", 2, "CONSULT", ("RUS", "UKR"), clause, 100, date="2026-03-18"),
        _ev("kremlin", 3, "AGREE", ("RUS", "UKR"), clause, 100, links=_outcome_of("kremlin", 1)),
        _ev("kremlin", 4, "REQUEST", ("RUS", "UKR"), "Putin insisted that Ukrainian forces must leave Donetsk.", 300,
            links=_outcome_of("kremlin", 2)),
    ]
    cl = _cluster(events)
    assert len({cl[e["id"]] for e in events}) == 1


def test_an_unnumbered_report_does_not_bridge_the_first_and_the_third_round():
    words = "Delegationen verhandelten in Istanbul über einen Gefangenenaustausch und die Rückgabe Gefallener."
    events = [
        _ev("first", 1, "CONSULT", ("RUS", "UKR"), "Die erste Runde: " + words, sequence=1),
        _ev("third", 1, "CONSULT", ("RUS", "UKR"), "Die dritte Runde: " + words, sequence=3),
        _ev("plain", 1, "CONSULT", ("RUS", "UKR"), words, date="2025-07"),
    ]
    cl = _cluster(events)
    assert cl["ev-first-1"] != cl["ev-third-1"]


def test_reports_a_day_apart_of_one_call_join_when_they_say_the_same():
    """A report dating the call by the day the Kremlin spoke of it, one day late."""
    events = [
        _ev("wh", 1, "CONSULT", ("RUS", "USA"), "Trump spoke with Putin on Tuesday about energy infrastructure.",
            date="2025-03-18"),
        _ev("wh", 2, "AGREE", ("RUS", "USA"), "Putin agreed to halt strikes on energy infrastructure for 30 days.", 100,
            links=_outcome_of("wh", 1), quantities=[{"value": 30, "unit": "day", "what": "duration of the halt"}]),
        _ev("tass", 1, "CONSULT", ("RUS", "USA"), "The Kremlin said on Wednesday the call covered energy infrastructure.",
            date="2025-03-19"),
        _ev("tass", 2, "CONCEDE", ("RUS", "USA"), "Moscow agreed to a 30-day pause in strikes on energy facilities.", 100,
            links=_outcome_of("tass", 1), quantities=[{"value": 30, "unit": "day", "what": "duration of the pause"}]),
    ]
    cl = _cluster(events)
    assert cl["ev-wh-1"] == cl["ev-tass-1"]


def test_calls_a_day_apart_with_nothing_in_common_stay_apart_and_so_do_attacks():
    events = [
        _ev("a", 1, "CONSULT", ("RUS", "USA"), "Trump und Putin sprachen über den Handel.", date="2025-03-18"),
        _ev("b", 1, "CONSULT", ("RUS", "USA"), "Trump und Putin sprachen über Atomwaffen.", date="2025-03-19"),
        _ev("c", 1, "ASSAULT", ("RUS", "UKR"), "Russland griff Kiew mit Drohnen und Raketen an.", date="2025-03-18"),
        _ev("d", 1, "ASSAULT", ("RUS", "UKR"), "Russland griff Kiew mit Drohnen und Raketen an.", date="2025-03-19"),
    ]
    cl = _cluster(events)
    assert cl["ev-a-1"] != cl["ev-b-1"]
    assert cl["ev-c-1"] != cl["ev-d-1"], "a nightly attack is a new incident each night"


def test_a_german_and_an_english_report_share_numbers_and_concepts_not_words():
    events = [
        _ev("de", 1, "CONSULT", ("RUS", "USA"), "Putin und Trump haben am Dienstag telefoniert.", date="2025-03"),
        _ev("de", 2, "AGREE", ("RUS", "UKR"), "Zudem sollen je 175 Kriegsgefangene ausgetauscht werden.", 100,
            links=_outcome_of("de", 1), quantities=[{"value": 175, "unit": "person", "what": "prisoners"}]),
        _ev("en", 1, "CONSULT", ("RUS", "USA"), "Trump spoke with Putin by phone on Tuesday.", date="2025-03-18"),
        _ev("en", 2, "AGREE", ("RUS", "UKR"), "Russia and Ukraine will exchange 175 prisoners each.", 100,
            links=_outcome_of("en", 1), quantities=[{"value": 175, "unit": "person", "what": "prisoners"}]),
        _ev("apr", 1, "CONSULT", ("RUS", "USA"), "Trump spoke with Putin by phone on Tuesday.", date="2025-04-15"),
    ]
    cl = _cluster(events)
    assert cl["ev-de-1"] == cl["ev-en-1"] != cl["ev-apr-1"]
    assert events[0]["date"]["value"] == "2025-03-18", "the month-only report takes the story's day"


def test_one_word_in_common_does_not_make_undated_reports_one_story():
    events = [_ev("x", 1, "CONSULT", ("UKR", "USA"), "Trump und Selenskyj sprachen über Drohnen."),
              _ev("y", 1, "CONSULT", ("UKR", "USA"), "Trump und Selenskyj sprachen über Drohnen und Wahlen.")]
    cl = _cluster(events)
    assert cl["ev-x-1"] != cl["ev-y-1"]


def test_concepts_are_read_at_word_starts_and_compound_heads():
    assert concepts_in("Russland und Deutschland") == set()
    assert concepts_in("he said") == set()
    assert concepts_in("Vorschläge zum Verhandeln") == {"negotiations"}
    assert concepts_in("Gefangenenaustausch") == {"prisoners", "exchange"}
    assert concepts_in("Raketenschläge auf die Energie-Infrastruktur") == {"strikes", "energy", "infrastructure"}
    assert concepts_in("Waffenruhe") == {"ceasefire"}
    assert concepts_in("airstrikes and military aid") == {"strikes", "aid"}


def _dated(ev: dict[str, Any], text: str, basis: str) -> dict[str, Any]:
    ev["date"] = {**ev["date"], "text": text, "basis": basis}
    return ev


def test_a_month_dated_report_that_names_the_weekday_joins_the_report_of_that_day():
    """'am Mittwoch' in an article dated only June: the call of Wednesday 11 June, whatever else each says."""
    events = [
        _dated(_ev("month", 1, "CONSULT", ("UKR", "USA"), "Trump hat am Mittwoch mit Selenskyj telefoniert. Es ging um Patriot-Systeme.",
                   date="2025-06"), "am Mittwoch", "weekday Mittwoch; publication month only"),
        _ev("day", 1, "CONSULT", ("UKR", "USA"), "Trump and Zelensky spoke about further aid on Wednesday.", date="2025-06-11"),
        _ev("other", 1, "CONSULT", ("UKR", "USA"), "Trump und Selenskyj sprachen über Patriot-Systeme und Munition.",
            date="2025-06-13"),
    ]
    cl = _cluster(events)
    assert cl["ev-month-1"] == cl["ev-day-1"] != cl["ev-other-1"], "Friday the 13th is not 'am Mittwoch'"
    assert events[0]["date"]["value"] == "2025-06-11"


def test_a_report_of_last_week_joins_a_day_of_that_week_only():
    events = [
        _dated(_ev("lastweek", 1, "CONSULT", ("RUS", "USA"), "Nach dem Telefonat in der vergangenen Woche: Feuerpause für Energieanlagen.",
                   date="2025-03"), "in der vergangenen Woche", "week before publication: the week of 2025-03-17"),
        _ev("april", 1, "CONSULT", ("RUS", "USA"), "Putin agreed to a ceasefire on energy facilities.", date="2025-03-31"),
    ]
    cl = _cluster(events)
    assert cl["ev-lastweek-1"] != cl["ev-april-1"]
    events.append(_ev("call", 1, "CONSULT", ("RUS", "USA"), "Trump and Putin spoke by phone.", date="2025-03-18"))
    cl = _cluster(events)
    assert cl["ev-lastweek-1"] == cl["ev-call-1"] != cl["ev-april-1"]


def test_a_brief_report_joins_the_long_one_that_tells_all_it_says():
    """Three lines ('im Weißen Haus empfangen') against a long report of the same undated visit."""
    events = [
        _ev("brief", 1, "CONSULT", ("UKR", "USA"), "Selenskyj wurde von Trump im Weißen Haus empfangen, mit Spitzenpolitikern."),
        _ev("long", 1, "CONSULT", ("UKR", "USA"), "Selenskyj besucht Trump im Weissen Haus. Die Europäer fordern Sicherheitsgarantien, "
            "Gebietsabtretungen sind der Knackpunkt, Nato-Generalsekretär Rutte und Kommissionspräsidentin von der Leyen reisen an. "
            "Beim letzten Besuch war Selenskyj vorgeführt worden; Streitkräfte, Aufrüstung und Finanzierung sind Thema."),
    ]
    cl = _cluster(events)
    assert cl["ev-brief-1"] == cl["ev-long-1"]


def test_undated_incidents_told_alike_in_general_words_stay_apart():
    """'beschossen … mit Drohnen und Raketen' and 'seine Drohnen- und Raketenangriffe ausgeweitet': habits, not one attack."""
    events = [
        _ev("march", 1, "ASSAULT", ("RUS", "UKR"), "In der Nacht beschossen beide Armeen das Land mit Drohnen und Raketen."),
        _ev("july", 1, "ASSAULT", ("RUS", "UKR"), "Moskau hat seine Drohnen- und Raketenangriffe auf die Ukraine ausgeweitet."),
    ]
    cl = _cluster(events)
    assert cl["ev-march-1"] != cl["ev-july-1"]


def test_a_meeting_announced_for_a_day_is_one_story_with_the_meeting_held_that_day():
    events = [
        _ev("friday", 1, "CONSULT", ("RUS", "USA"), "Trump will am Dienstag mit Putin telefonieren.", date="2025-03-18",
            modality="planned"),
        _ev("tuesday", 1, "CONSULT", ("RUS", "USA"), "Trump and Putin spoke by phone on Tuesday.", date="2025-03-18"),
        _ev("postponed", 1, "CONSULT", ("RUS", "USA"), "Trump will am Mittwoch mit Putin telefonieren.", date="2025-03-19",
            modality="planned"),
        _ev("someday", 1, "CONSULT", ("RUS", "USA"), "Trump will bald mit Putin telefonieren.", modality="planned"),
    ]
    cl = _cluster(events)
    assert cl["ev-friday-1"] == cl["ev-tuesday-1"]
    assert cl["ev-postponed-1"] != cl["ev-tuesday-1"], "an announcement for another day is not the call held"
    assert cl["ev-someday-1"] != cl["ev-tuesday-1"], "nor one for no day"
    assert events[0]["date"]["value"] == "2025-03-18" and events[0]["modality"] == "planned"


def test_a_meeting_told_with_and_without_its_mediator_is_one_story():
    evs = [_ev("a", 1, "CONSULT", ("RUS", "UKR", "USA"), "Russia and Ukraine held talks in Istanbul, mediated by the US.",
               date="2025-03-17"),
           _ev("b", 1, "CONSULT", ("RUS", "UKR"), "Russland und die Ukraine verhandelten am Montag in Istanbul.",
               date="2025-03-17")]
    ids, _ = build_stories(evs)
    assert ids["ev-a-1"] == ids["ev-b-1"]
    later = _ev("c", 1, "CONSULT", ("RUS", "UKR"), "Russland und die Ukraine verhandelten erneut.", date="2025-03-24")
    ids, _ = build_stories([*evs, later])
    assert ids["ev-c-1"] != ids["ev-a-1"]  # another day, another meeting

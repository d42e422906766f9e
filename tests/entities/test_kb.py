"""The actor knowledge base (src/readout/data/kb): it loads, is large enough, covers every UN member
state, answers dated office lookups and resolves people and role phrases in German and English text."""

from __future__ import annotations

import pytest

from readout.entities.kb import load_kb
from readout.entities.resolve import find_entities

# the 193 UN member states (ISO 3166-1 alpha-3)
UN_MEMBERS = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN BTN BWA CAF CAN
CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM
GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ
KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ
MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN
SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA
UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
""".split()


def test_kb_loads_and_is_large_enough():
    kb = load_kb()
    kinds = {}
    for e in kb.entries.values():
        kinds[e.get("kind", "role")] = kinds.get(e.get("kind", "role"), 0) + 1
    assert len(kb.entries) >= 600, kinds
    assert kinds["person"] >= 300 and kinds["org"] >= 80 and kinds["role"] >= 100


def test_every_un_member_state_with_a_german_adjective():
    assert len(set(UN_MEMBERS)) == 193
    kb = load_kb()
    for c in UN_MEMBERS:
        st = kb.entries.get(f"state:{c}")
        assert st is not None, c
        assert any(a[0].islower() for a in st["adjectives"]), c


def test_people_roles_are_well_formed():
    kb = load_kb()
    for e in kb.entries.values():
        if e.get("kind") != "person":
            continue
        assert e["names"] and e["source"], e["id"]
        for r in e["roles"]:
            assert r["title"] and (r["country"] or r["org"]) and r["sector"], e["id"]
            assert len(r["start"]) == 10 and (r["end"] is None or r["end"] > r["start"]), e["id"]


def test_every_role_phrase_has_a_holder():
    kb = load_kb()
    for e in kb.entries.values():
        if "patterns" in e:
            assert kb.holder(e["title"], e["country"] or e["org"], None) is not None, e["id"]


@pytest.mark.parametrize(("title", "where", "date", "name"), [
    ("Präsident", "USA", "2023-06-01", "Joe Biden"),
    ("Präsident", "USA", "2025-06-01", "Donald Trump"),
    ("Präsident", "USA", "2019-06-01", "Donald Trump"),
    ("Präsident", "USA", "2015-06-01", "Barack Obama"),
    ("Bundeskanzler", "DEU", "2024-06-01", "Olaf Scholz"),
    ("Bundeskanzler", "DEU", "2025-06-01", "Friedrich Merz"),
    ("Bundeskanzlerin", "DEU", "2019-06-01", "Angela Merkel"),
    ("Generalsekretär", "NATO", "2024-06-01", "Jens Stoltenberg"),
    ("Generalsekretär", "NATO", "2025-03-01", "Mark Rutte"),
    ("Hoher Vertreter", "EU", "2024-06-01", "Josep Borrell"),
    ("Hohe Vertreterin", "EU", "2025-03-01", "Kaja Kallas"),
    ("Hohe Vertreterin", "EU", "2017-03-01", "Federica Mogherini"),
    ("Generalsekretär", "UN", "2015-03-01", "Ban Ki Moon"),
    ("Generaldirektor", "IAEA", "2025-03-01", "Rafael Grossi"),
    ("Premierminister", "GBR", "2022-10-01", "Liz Truss"),
    ("Premierminister", "GBR", "2018-03-01", "Theresa May"),
    ("Außenminister", "USA", "2022-03-01", "Antony Blinken"),
    ("Außenminister", "USA", "2025-05-01", "Marco Rubio"),
    ("Verteidigungsminister", "USA", "2025-05-01", "Pete Hegseth"),
    ("Verteidigungsminister", "RUS", "2023-05-01", "Sergei Schoigu"),
    ("Verteidigungsminister", "RUS", "2025-05-01", "Andrei Beloussow"),
    ("Außenminister", "UKR", "2023-05-01", "Dmytro Kuleba"),
    ("Außenminister", "UKR", "2025-05-01", "Andrij Sybiha"),
    ("Präsident", "UKR", "2016-05-01", "Petro Poroschenko"),
    ("Präsident", "FRA", "2015-05-01", "François Hollande"),
    ("Präsident", "POL", "2025-09-01", "Karol Nawrocki"),
    ("Premierminister", "JPN", "2023-05-01", "Fumio Kishida"),
    ("Premierminister", "ISR", "2022-03-01", "Naftali Bennett"),
    ("Präsident", "IRN", "2023-05-01", "Ebrahim Raisi"),
    ("Präsident", "SYR", "2024-06-01", "Baschar al-Assad"),
])
def test_dated_office_holders(title, where, date, name):
    person = load_kb().holder(title, where, date)
    assert person is not None and person["name"] == name


def _first_person(text, date, lang="de"):
    return next(m for m in find_entities(text, date, lang=lang) if m.kind == "person")


@pytest.mark.parametrize(("text", "date", "lang", "kb_id", "country", "org"), [
    ("Kremlsprecher Dmitri Peskow sagte, Moskau sei zu Gesprächen bereit.", "2025-05-01", "de", "person:peskov", "RUS", None),
    ("Der US-Präsident kündigte neue Zölle an.", "2023-05-01", "de", "person:biden", "USA", None),
    ("Der US-Präsident kündigte neue Zölle an.", "2025-05-01", "de", "person:trump", "USA", None),
    ("Der Kremlchef empfing den Gast.", "2025-05-01", "de", "person:putin", "RUS", None),
    ("Nach Angaben des Kremlsprechers wurde nichts vereinbart.", "2025-05-01", "de", "person:peskov", "RUS", None),
    ("Der russische Außenminister reiste nach Ankara.", "2025-05-01", "de", "person:lavrov", "RUS", None),
    ("Der Nato-Generalsekretär warnte vor Russland.", "2024-06-01", "de", "person:stoltenberg", None, "NATO"),
    ("Der Nato-Generalsekretär warnte vor Russland.", "2025-06-01", "de", "person:rutte", None, "NATO"),
    ("Die EU-Außenbeauftragte reiste nach Kiew.", "2025-03-01", "de", "person:kallas", None, "EU"),
    ("Der EU-Außenbeauftragter Josep Borrell reiste nach Kiew.", "2024-03-01", "de", "person:borrell", None, "EU"),
    ("Der Bundeskanzler traf Selenskyj.", "2024-06-01", "de", "person:scholz", "DEU", None),
    ("Der Bundeskanzler traf Selenskyj.", "2025-06-01", "de", "person:merz", "DEU", None),
    ("Außenminister Araghtschi drohte mit Konsequenzen.", "2025-06-01", "de", "person:araghchi", "IRN", None),
    ("Uschakow sagte, das Treffen sei nützlich gewesen.", "2025-06-01", "de", "person:ushakov", "RUS", None),
    ("Die Worte Putins wurden im Westen kritisiert.", "2025-06-01", "de", "person:putin", "RUS", None),
    ("Der österreichische Bundeskanzler sprach in Wien.", "2025-06-01", "de", "person:stocker", "AUT", None),
    ("Secretary of State Marco Rubio said talks would continue.", "2025-05-01", "en", "person:rubio", "USA", None),
    ("Kremlin spokesman Dmitry Peskov told reporters the talks were useful.", "2025-05-01", "en", "person:peskov", "RUS", None),
    ("The U.S. president said he would meet Putin.", "2023-05-01", "en", "person:biden", "USA", None),
    ("NATO Secretary-General Mark Rutte said allies must spend more.", "2025-06-01", "en", "person:rutte", None, "NATO"),
    ("Zelenskyy said Ukraine needs more air defence.", "2025-06-01", "en", "person:zelensky", "UKR", None),
])
def test_people_and_role_phrases_resolve_in_text(text, date, lang, kb_id, country, org):
    m = _first_person(text, date, lang)
    assert (m.kb_id, m.country, m.org) == (kb_id, country, org), m


def test_organisations_and_media():
    ms = find_entities("Das Rote Kreuz und der Internationale Strafgerichtshof äußerten sich laut der Agentur Tass, "
                       "das Auswärtige Amt schwieg.", "2025-06-01")
    got = {m.text: (m.kb_id, m.country, m.org, m.sector) for m in ms}
    assert got["Rote Kreuz"][0] == "org:ICRC"
    assert got["Internationale Strafgerichtshof"][0] == "org:ICC"
    assert got["Tass"][1:] == ("RUS", None, "MED")
    assert got["Auswärtige Amt"][1] == "DEU"
    wfp = find_entities("The World Food Programme delivered flour.", "2025-06-01", lang="en")
    assert [(m.kb_id, m.org) for m in wfp] == [("org:WFP", "UN")]

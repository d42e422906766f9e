"""Rebuild src/readout/data/events/triggers_de.jsonl from the compact tables below.

    .venv/bin/python scripts/build_triggers.py

Each row: (type, mode, kind, lemma, frame, recipient prepositions, confidence, extra). Built from
the PLOVER v2 definitions (openeventdata/PLOVER, PLOVER_MANUAL.tex) and general German news
language; kind is verb (infinitive, incl. separable particle), noun (nominative singular; also
matches inflected and as compound head) or phrase (lemmas in order within one clause).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "readout" / "data" / "events" / "triggers_de.jsonl"
SEPARABLE = ("aus", "an", "ab", "auf", "ein", "vor", "zu", "zurück", "fest", "frei", "bei", "mit", "nach", "los",
             "weg", "vorbei", "statt", "fort", "hin", "her", "heraus", "zusammen", "ent")
INSEPARABLE = ("be", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "hinter", "wider")

J, D, S = "joint", "directed", "self"

ROWS = [
    # --- CONSULT: contacts (PLOVER modes: visit, third-party, multilateral, phone) ---
    ("CONSULT", "phone", "verb", "telefonieren", J, ["mit"], 0.95),
    ("CONSULT", "phone", "noun", "Telefonat", J, ["mit", "zwischen"], 0.95),
    ("CONSULT", "phone", "noun", "Telefongespräch", J, ["mit", "zwischen"], 0.95),
    ("CONSULT", "phone", "noun", "Anruf", J, ["bei"], 0.6, {"compound_head": False}),
    ("CONSULT", "phone", "verb", "anrufen", D, [], 0.85),
    ("CONSULT", "phone", "noun", "Videoschalte", J, ["mit"], 0.85),
    ("CONSULT", "phone", "noun", "Videokonferenz", J, ["mit"], 0.85),
    ("CONSULT", "phone", "phrase", "zu Hörer greifen", J, [], 0.85, {"words": ["zum", "Hörer", "greifen"]}),
    ("CONSULT", None, "noun", "Gespräch", J, ["mit", "zwischen"], 0.75),
    ("CONSULT", None, "noun", "Treffen", J, ["mit", "zwischen"], 0.9),
    ("CONSULT", None, "verb", "treffen", J, ["mit", "auf"], 0.85, {"excludes": ["Entscheidung", "Vorkehrung", "Maßnahme", "Vereinbarung", "Auswahl", "Rakete", "Drohne", "Geschoss"]}),
    ("CONSULT", None, "verb", "zusammentreffen", J, ["mit"], 0.9),
    ("CONSULT", None, "verb", "zusammenkommen", J, ["mit"], 0.85),
    ("CONSULT", None, "noun", "Zusammentreffen", J, ["mit"], 0.9),
    ("CONSULT", None, "noun", "Begegnung", J, ["mit"], 0.8),
    ("CONSULT", None, "noun", "Unterredung", J, ["mit"], 0.9),
    ("CONSULT", None, "noun", "Gipfel", J, ["mit", "zwischen"], 0.9),
    ("CONSULT", None, "noun", "Gipfeltreffen", J, ["mit", "zwischen"], 0.95),
    ("CONSULT", None, "noun", "Spitzentreffen", J, ["mit", "zwischen"], 0.95),
    ("CONSULT", None, "noun", "Verhandlung", J, ["mit", "zwischen"], 0.8),
    ("CONSULT", None, "verb", "verhandeln", J, ["mit"], 0.8),
    ("CONSULT", None, "noun", "Gesprächsrunde", J, ["mit", "zwischen"], 0.9),
    ("CONSULT", None, "noun", "Konsultation", J, ["mit"], 0.85),
    ("CONSULT", None, "verb", "beraten", J, ["mit"], 0.7, {"requires": ["mit", "über"]}),
    ("CONSULT", None, "verb", "sprechen", J, ["mit"], 0.7, {"requires": ["mit", "miteinander"]}),
    ("CONSULT", None, "verb", "erörtern", J, ["mit"], 0.7),
    ("CONSULT", None, "verb", "besprechen", J, ["mit"], 0.7),
    ("CONSULT", None, "verb", "diskutieren", J, ["mit"], 0.7),
    ("CONSULT", None, "noun", "Meinungsaustausch", J, ["mit"], 0.8),
    ("CONSULT", None, "verb", "unterrichten", D, ["über"], 0.7, {"requires": ["über"]}),
    ("CONSULT", None, "verb", "informieren", D, ["über"], 0.6, {"requires": ["über", "vorab"]}),
    ("CONSULT", "visit", "noun", "Besuch", D, ["bei", "in"], 0.9),
    ("CONSULT", "visit", "verb", "besuchen", D, [], 0.9),
    ("CONSULT", "visit", "noun", "Staatsbesuch", D, ["in"], 0.95),
    ("CONSULT", "visit", "noun", "Antrittsbesuch", D, ["in"], 0.95),
    ("CONSULT", "visit", "noun", "Reise", D, ["nach"], 0.6, {"compound_head": False}),
    ("CONSULT", "visit", "verb", "reisen", D, ["nach"], 0.6, {"requires": ["nach"]}),
    ("CONSULT", "visit", "verb", "empfangen", D, [], 0.85),
    ("CONSULT", "visit", "noun", "Empfang", D, [], 0.6, {"compound_head": False}),
    ("CONSULT", "visit", "verb", "eintreffen", D, ["in"], 0.7, {"requires": ["in"]}),
    ("CONSULT", "third-party", "verb", "vermitteln", D, ["zwischen"], 0.75),
    ("CONSULT", "third-party", "noun", "Vermittlung", D, ["zwischen"], 0.75),
    ("CONSULT", "third-party", "noun", "Vermittler", D, ["zwischen"], 0.6),
    ("CONSULT", "multilateral", "noun", "Konferenz", J, [], 0.7),
    ("CONSULT", "multilateral", "noun", "Friedenskonferenz", J, [], 0.85),
    ("CONSULT", "multilateral", "noun", "Sondergipfel", J, [], 0.9),
    # --- AGREE: agreements, joint statements, accepting ---
    ("AGREE", None, "verb", "einigen", J, ["mit", "auf"], 0.9),
    ("AGREE", None, "noun", "Einigung", J, ["mit", "auf"], 0.9),
    ("AGREE", None, "verb", "vereinbaren", J, ["mit"], 0.9),
    ("AGREE", None, "noun", "Vereinbarung", J, ["mit"], 0.85),
    ("AGREE", None, "verb", "verabreden", J, ["mit"], 0.85),
    ("AGREE", None, "verb", "verständigen", J, ["mit", "auf"], 0.85),
    ("AGREE", None, "noun", "Verständigung", J, ["mit"], 0.75),
    ("AGREE", None, "noun", "Abkommen", J, ["mit"], 0.8),
    ("AGREE", None, "noun", "Friedensabkommen", J, ["mit"], 0.85),
    ("AGREE", None, "noun", "Vertrag", J, ["mit"], 0.7, {"compound_head": True}),
    ("AGREE", None, "verb", "unterzeichnen", J, ["mit"], 0.85),
    ("AGREE", None, "noun", "Unterzeichnung", J, ["mit"], 0.8),
    ("AGREE", None, "noun", "Deal", J, ["mit"], 0.7),
    ("AGREE", None, "noun", "Waffenruhe", J, ["mit", "zwischen"], 0.75),
    ("AGREE", None, "noun", "Waffenstillstand", J, ["mit", "zwischen"], 0.75),
    ("AGREE", None, "noun", "Feuerpause", J, ["mit", "zwischen"], 0.75),
    ("AGREE", None, "noun", "Waffenpause", J, ["mit", "zwischen"], 0.75),
    ("AGREE", None, "noun", "Gefangenenaustausch", J, ["mit", "zwischen"], 0.85),
    ("AGREE", None, "verb", "austauschen", J, ["mit", "zwischen"], 0.75, {"requires": ["Gefangene", "Kriegsgefangene", "Soldaten", "Gefangenen", "Kriegsgefangenen", "Geiseln", "Häftlinge"]}),
    ("AGREE", None, "verb", "zustimmen", D, [], 0.8),
    ("AGREE", None, "noun", "Zustimmung", D, [], 0.7),
    ("AGREE", None, "verb", "akzeptieren", D, [], 0.75),
    ("AGREE", None, "verb", "annehmen", D, [], 0.6, {"requires": ["Vorschlag", "Angebot", "Plan", "Bedingung", "Bedingungen"]}),
    ("AGREE", None, "phrase", "sich einig sein", J, [], 0.85, {"words": ["einig"]}),
    ("AGREE", None, "phrase", "bereit erklären", D, [], 0.75, {"words": ["bereit", "erklärt"]}),
    ("AGREE", None, "phrase", "bereit erklären", D, [], 0.75, {"words": ["bereit", "erklärte"]}),
    ("AGREE", None, "phrase", "Interesse äußern", J, [], 0.6, {"words": ["Interesse", "geäußert"]}),
    ("AGREE", None, "verb", "beschließen", J, [], 0.6),
    ("AGREE", None, "noun", "Friedensplan", J, [], 0.6),
    ("AGREE", None, "noun", "Abmachung", J, ["mit"], 0.8),
    # --- SUPPORT ---
    ("SUPPORT", None, "verb", "unterstützen", D, [], 0.8),
    ("SUPPORT", None, "noun", "Unterstützung", D, ["für"], 0.7),
    ("SUPPORT", None, "verb", "loben", D, [], 0.8),
    ("SUPPORT", None, "verb", "begrüßen", D, [], 0.7),
    ("SUPPORT", None, "verb", "gratulieren", D, [], 0.85),
    ("SUPPORT", None, "verb", "beglückwünschen", D, [], 0.85),
    ("SUPPORT", None, "noun", "Glückwunsch", D, [], 0.7),
    ("SUPPORT", None, "verb", "würdigen", D, [], 0.7),
    ("SUPPORT", None, "verb", "danken", D, [], 0.7),
    ("SUPPORT", None, "verb", "bedanken", D, ["bei"], 0.7),
    ("SUPPORT", None, "noun", "Solidarität", D, ["mit"], 0.7),
    ("SUPPORT", None, "verb", "anerkennen", D, [], 0.6, {"requires": ["Staat", "Unabhängigkeit", "Souveränität", "Regierung", "Wahl", "Wahlsieg", "Ergebnis", "Staatlichkeit", "Palästina", "Grenzen"]}),
    ("SUPPORT", None, "verb", "befürworten", D, [], 0.75),
    ("SUPPORT", None, "verb", "verteidigen", D, [], 0.5, {"requires": ["Entscheidung", "Politik", "Kurs"]}),
    ("SUPPORT", None, "verb", "zusichern", D, [], 0.7),
    # --- CONCEDE: one side gives way, promises, eases ---
    ("CONCEDE", None, "noun", "Zusage", D, [], 0.85),
    ("CONCEDE", None, "verb", "zusagen", D, [], 0.85),
    ("CONCEDE", None, "verb", "abtreten", D, ["an"], 0.8, {"requires": ["Gebiet", "Gebiete", "Region", "Regionen", "Territorium", "Land", "Stadt", "Provinz", "Halbinsel"]}),
    ("THREATEN", None, "noun", "Konsequenz", D, [], 0.65, {"requires": ["wenn", "falls", "sollte", "sonst", "andernfalls", "drohen", "droht", "drohte", "werde", "würde"]}),
    ("CONCEDE", None, "noun", "Zugeständnis", D, [], 0.85),
    ("CONCEDE", None, "phrase", "in Aussicht stellen", D, [], 0.85, {"words": ["in", "Aussicht", "stellen"]}),
    ("CONCEDE", None, "phrase", "in Aussicht stellen", D, [], 0.85, {"words": ["in", "Aussicht", "gestellt"]}),
    ("CONCEDE", None, "phrase", "in Aussicht stellen", D, [], 0.85, {"words": ["stellte", "in", "Aussicht"]}),
    ("CONCEDE", None, "verb", "versprechen", D, [], 0.8),
    ("CONCEDE", None, "noun", "Versprechen", D, [], 0.7),
    ("CONCEDE", None, "verb", "einlenken", S, [], 0.85),
    ("CONCEDE", None, "verb", "nachgeben", S, [], 0.8),
    ("CONCEDE", None, "verb", "lockern", D, [], 0.8),
    ("CONCEDE", None, "noun", "Lockerung", D, [], 0.8),
    ("CONCEDE", None, "verb", "aufheben", D, [], 0.75, {"requires": ["Sanktionen", "Sanktion", "Embargo", "Blockade", "Beschränkungen", "Zölle"]}),
    ("CONCEDE", None, "verb", "entlassen", D, ["aus", "in"], 0.75),
    ("CONCEDE", "ceasefire", "verb", "aussetzen", D, [], 0.8, {"requires": ["Angriff", "Angriffe", "Angriffen", "Beschuss", "Kampfhandlungen", "Offensive", "Attacken", "Schläge"]}),
    ("CONCEDE", None, "noun", "Angebot", D, [], 0.6),
    ("CONCEDE", None, "verb", "anbieten", D, [], 0.7),
    ("CONCEDE", None, "verb", "vorschlagen", D, [], 0.6),
    # --- COOPERATE ---
    ("COOPERATE", None, "noun", "Zusammenarbeit", J, ["mit"], 0.75),
    ("COOPERATE", None, "noun", "Kooperation", J, ["mit"], 0.75),
    ("COOPERATE", None, "verb", "kooperieren", J, ["mit"], 0.8),
    ("COOPERATE", None, "noun", "Partnerschaft", J, ["mit"], 0.6),
    ("COOPERATE", None, "noun", "Expertengruppe", J, [], 0.7),
    ("COOPERATE", None, "noun", "Arbeitsgruppe", J, [], 0.7),
    ("COOPERATE", None, "verb", "gegeneinander antreten", J, [], 0.6, {"kind": "phrase", "words": ["gegeneinander", "antreten"]}),
    ("COOPERATE", None, "noun", "Handelsabkommen", J, ["mit"], 0.7),
    # --- AID ---
    ("AID", None, "noun", "Waffenlieferung", D, ["an", "für"], 0.8),
    ("AID", None, "noun", "Militärhilfe", D, ["an", "für"], 0.85),
    ("AID", None, "noun", "Hilfspaket", D, ["für", "an"], 0.85),
    ("AID", None, "noun", "Finanzhilfe", D, ["für", "an"], 0.85),
    ("AID", None, "noun", "Hilfslieferung", D, ["für", "an"], 0.85),
    ("AID", None, "noun", "Hilfe", D, ["für", "an"], 0.5, {"compound_head": True}),
    ("AID", None, "verb", "liefern", D, ["an"], 0.7, {"requires": ["Waffen", "Raketen", "Panzer", "Munition", "Hilfsgüter", "Luftabwehr", "Systeme", "Flugabwehr"]}),
    ("AID", None, "noun", "Geheimdienstinformation", D, ["an"], 0.6),
    ("AID", None, "verb", "helfen", D, [], 0.5),
    # --- RETREAT: carried-out de-escalation ---
    ("RETREAT", "withdraw", "noun", "Abzug", D, ["aus"], 0.85),
    ("RETREAT", "withdraw", "verb", "abziehen", D, ["aus"], 0.8),
    ("RETREAT", "withdraw", "noun", "Rückzug", D, ["aus"], 0.85),
    ("RETREAT", "withdraw", "verb", "zurückziehen", D, ["aus"], 0.8),
    ("RETREAT", "release", "verb", "freilassen", D, [], 0.85),
    ("RETREAT", "release", "noun", "Freilassung", D, [], 0.85),
    ("RETREAT", "release", "verb", "übergeben", D, ["an"], 0.6, {"requires": ["Gefangene", "Kriegsgefangene", "Gefangenen", "Kriegsgefangenen", "Leichen", "Gefallene", "Gefallenen", "Geiseln"]}),
    ("RETREAT", "release", "verb", "überführen", D, ["an"], 0.6, {"requires": ["Gefangene", "Gefallene", "Gefallenen", "Leichen"]}),
    ("RETREAT", "resign", "verb", "zurücktreten", S, [], 0.85),
    ("RETREAT", "resign", "noun", "Rücktritt", S, [], 0.85),
    ("RETREAT", "disarm", "noun", "Entwaffnung", D, [], 0.8),
    ("RETREAT", "disarm", "noun", "Entmilitarisierung", D, [], 0.6),
    ("RETREAT", "access", "phrase", "Zugang gewähren", D, [], 0.8, {"words": ["Zugang", "gewährt"]}),
    # --- REQUEST ---
    ("REQUEST", None, "verb", "fordern", D, ["von"], 0.9),
    ("REQUEST", None, "noun", "Forderung", D, ["an", "nach"], 0.85),
    ("REQUEST", None, "verb", "verlangen", D, ["von"], 0.9),
    ("REQUEST", None, "verb", "auffordern", D, [], 0.9),
    ("REQUEST", None, "noun", "Aufforderung", D, ["an"], 0.85),
    ("REQUEST", None, "verb", "appellieren", D, ["an"], 0.85),
    ("REQUEST", None, "noun", "Appell", D, ["an"], 0.85),
    ("REQUEST", None, "verb", "bitten", D, ["um"], 0.75),
    ("REQUEST", None, "verb", "drängen", D, ["zu", "auf"], 0.8),
    ("REQUEST", None, "verb", "pochen", D, ["auf"], 0.75),
    ("REQUEST", None, "phrase", "bestehen auf", D, [], 0.8, {"words": ["besteht", "darauf"]}),
    ("REQUEST", None, "phrase", "Bedingung knüpfen", D, [], 0.9, {"words": ["knüpfte", "Bedingung"]}),
    ("REQUEST", None, "phrase", "Bedingung knüpfen", D, [], 0.9, {"words": ["Bedingung", "geknüpft"]}),
    ("REQUEST", None, "phrase", "Bedingung stellen", D, [], 0.8, {"words": ["stellte", "Bedingungen"]}),
    ("REQUEST", None, "noun", "Bedingung", D, [], 0.5, {"compound_head": False}),
    ("REQUEST", None, "noun", "Voraussetzung", D, [], 0.5, {"compound_head": False}),
    ("REQUEST", None, "phrase", "Frage stellen", D, [], 0.7, {"words": ["Frage", "gestellt"]}),
    ("REQUEST", None, "verb", "beantragen", D, [], 0.7),
    ("REQUEST", "meet", "phrase", "um Treffen bitten", D, [], 0.8, {"words": ["bat", "Treffen"]}),
    # --- ACCUSE ---
    ("ACCUSE", None, "verb", "vorwerfen", D, [], 0.9),
    ("ACCUSE", None, "noun", "Vorwurf", D, ["gegen"], 0.85),
    ("ACCUSE", "disapprove", "verb", "kritisieren", D, [], 0.85),
    ("ACCUSE", "disapprove", "noun", "Kritik", D, ["an"], 0.75),
    ("ACCUSE", "disapprove", "verb", "verurteilen", D, [], 0.8),
    ("ACCUSE", "disapprove", "noun", "Verurteilung", D, [], 0.6),
    ("ACCUSE", "allege", "verb", "beschuldigen", D, [], 0.9),
    ("ACCUSE", "allege", "verb", "bezichtigen", D, [], 0.9),
    ("ACCUSE", "disapprove", "verb", "anprangern", D, [], 0.85),
    ("ACCUSE", "disapprove", "verb", "rügen", D, [], 0.8),
    ("ACCUSE", "disapprove", "phrase", "enttäuscht sein", D, [], 0.75, {"words": ["enttäuscht"]}),
    ("ACCUSE", "investigate", "verb", "ermitteln", D, ["gegen"], 0.75),
    ("ACCUSE", "investigate", "noun", "Ermittlung", D, ["gegen"], 0.75),
    ("ACCUSE", "disapprove", "verb", "warnen", D, ["vor"], 0.5, {"requires": ["vor"]}),
    # --- REJECT ---
    ("REJECT", None, "verb", "ablehnen", D, [], 0.9),
    ("REJECT", None, "noun", "Ablehnung", D, [], 0.8),
    ("REJECT", None, "verb", "zurückweisen", D, [], 0.9),
    ("REJECT", None, "noun", "Absage", D, [], 0.8),
    ("REJECT", None, "verb", "absagen", D, [], 0.8),
    ("REJECT", None, "verb", "verweigern", D, [], 0.85),
    ("REJECT", None, "phrase", "abrücken nicht", S, [], 0.7, {"words": ["rückt", "nicht", "ab"]}),
    ("REJECT", None, "verb", "blockieren", D, [], 0.7),
    ("REJECT", None, "noun", "Veto", D, [], 0.8),
    ("REJECT", None, "verb", "dementieren", D, [], 0.7),
    # --- THREATEN ---
    ("THREATEN", None, "verb", "drohen", D, ["mit"], 0.9),
    ("THREATEN", None, "verb", "androhen", D, [], 0.9),
    ("THREATEN", None, "noun", "Drohung", D, ["gegen", "an"], 0.9),
    ("THREATEN", None, "noun", "Androhung", D, [], 0.9),
    ("THREATEN", None, "noun", "Ultimatum", D, ["an"], 0.9),
    ("THREATEN", None, "verb", "warnen", D, [], 0.5, {"requires": ["Konsequenzen", "Vergeltung", "Antwort"]}),
    ("THREATEN", "violence", "noun", "Vergeltung", D, [], 0.6),
    # --- PROTEST ---
    ("PROTEST", None, "verb", "protestieren", D, ["gegen"], 0.85),
    ("PROTEST", None, "noun", "Protest", D, ["gegen"], 0.8),
    ("PROTEST", None, "verb", "demonstrieren", D, ["gegen"], 0.8),
    ("PROTEST", None, "noun", "Demonstration", D, ["gegen"], 0.8),
    ("PROTEST", None, "noun", "Kundgebung", D, ["gegen"], 0.75),
    ("PROTEST", None, "noun", "Streik", D, ["gegen"], 0.7),
    ("PROTEST", None, "noun", "Boykott", D, [], 0.75),
    ("PROTEST", None, "verb", "boykottieren", D, [], 0.8),
    # --- SANCTION ---
    ("SANCTION", None, "noun", "Sanktion", D, ["gegen"], 0.85),
    ("SANCTION", None, "verb", "sanktionieren", D, [], 0.9),
    ("SANCTION", None, "verb", "verhängen", D, ["gegen"], 0.85),
    ("SANCTION", None, "noun", "Strafmaßnahme", D, ["gegen"], 0.85),
    ("SANCTION", "discontinue", "noun", "Zoll", D, ["auf", "gegen"], 0.75),
    ("SANCTION", "discontinue", "noun", "Strafzoll", D, ["auf", "gegen"], 0.9),
    ("SANCTION", "discontinue", "noun", "Embargo", D, ["gegen"], 0.85),
    ("SANCTION", None, "verb", "verpassen", D, [], 0.6, {"requires": ["Zölle", "Zoll", "Sanktionen", "Strafzölle"]}),
    ("SANCTION", "expel", "verb", "ausweisen", D, [], 0.85),
    ("SANCTION", "expel", "noun", "Ausweisung", D, [], 0.85),
    ("SANCTION", "discontinue", "verb", "aussetzen", D, ["für", "an"], 0.8, {"requires": ["Waffenlieferungen", "Militärhilfe", "Hilfe", "Lieferungen", "Zusammenarbeit", "Gespräche", "Abkommen", "Hilfen", "US-Waffenlieferungen", "US-Militärhilfe"]}),
    ("SANCTION", "discontinue", "noun", "Aussetzung", D, ["für", "an"], 0.75),
    ("SANCTION", "discontinue", "verb", "einstellen", D, [], 0.7, {"requires": ["Hilfe", "Lieferungen", "Zusammenarbeit", "Waffenlieferungen"]}),
    ("SANCTION", "discontinue", "phrase", "Beziehungen abbrechen", D, [], 0.85, {"words": ["Beziehungen", "abgebrochen"]}),
    ("SANCTION", "convict", "verb", "verurteilen", D, [], 0.5, {"requires": ["Haft", "Jahren", "Gefängnis", "Gericht"]}),
    ("SANCTION", None, "phrase", "mit Sanktionen bestrafen", D, [], 0.8, {"words": ["Sanktionen", "bestraft"]}),
    ("SANCTION", None, "noun", "Druck", D, ["auf"], 0.5, {"compound_head": False, "requires": ["wirtschaftliche", "wirtschaftlichen"]}),
    # --- MOBILIZE ---
    ("MOBILIZE", None, "verb", "mobilisieren", D, [], 0.85),
    ("MOBILIZE", None, "noun", "Mobilmachung", D, [], 0.9),
    ("MOBILIZE", None, "noun", "Mobilisierung", D, [], 0.85),
    ("MOBILIZE", None, "noun", "Truppenaufmarsch", D, [], 0.9),
    ("MOBILIZE", None, "verb", "verlegen", D, ["nach", "an"], 0.6, {"requires": ["Truppen", "Soldaten", "Panzer", "Kampfjets", "Flugzeugträger", "Einheiten"]}),
    ("MOBILIZE", None, "noun", "Manöver", D, [], 0.75),
    ("MOBILIZE", None, "noun", "Militärübung", D, [], 0.8),
    ("MOBILIZE", None, "phrase", "in Alarmbereitschaft versetzen", D, [], 0.85, {"words": ["Alarmbereitschaft"]}),
    ("MOBILIZE", None, "verb", "aufrüsten", D, [], 0.6),
    # --- COERCE ---
    ("COERCE", "arrest", "verb", "festnehmen", D, [], 0.85),
    ("COERCE", "arrest", "noun", "Festnahme", D, [], 0.85),
    ("COERCE", "arrest", "verb", "verhaften", D, [], 0.85),
    ("COERCE", "arrest", "noun", "Verhaftung", D, [], 0.85),
    ("COERCE", None, "verb", "verschleppen", D, [], 0.8),
    ("COERCE", None, "verb", "beschlagnahmen", D, [], 0.8),
    ("COERCE", None, "verb", "blockieren", D, [], 0.4, {"requires": ["Hafen", "Häfen", "Zugang", "Route"]}),
    ("COERCE", None, "noun", "Blockade", D, ["gegen"], 0.75),
    ("COERCE", None, "verb", "annektieren", D, [], 0.85),
    ("COERCE", None, "noun", "Annexion", D, [], 0.85),
    ("COERCE", None, "verb", "deportieren", D, [], 0.85),
    ("COERCE", None, "noun", "Cyberangriff", D, ["auf", "gegen"], 0.8),
    # --- ASSAULT ---
    ("ASSAULT", None, "verb", "angreifen", D, ["auf"], 0.85),
    ("ASSAULT", None, "noun", "Angriff", D, ["auf", "gegen"], 0.8),
    ("ASSAULT", None, "noun", "Attacke", D, ["auf", "gegen"], 0.8),
    ("ASSAULT", None, "noun", "Großangriff", D, ["auf"], 0.6),
    ("ASSAULT", "drone", "noun", "Drohnenangriff", D, ["auf", "gegen"], 0.9),
    ("ASSAULT", "drone", "noun", "Drohnenattacke", D, ["auf", "gegen"], 0.9),
    ("ASSAULT", "heavy-weapons", "noun", "Raketenangriff", D, ["auf", "gegen"], 0.9),
    ("ASSAULT", "aerial", "noun", "Luftangriff", D, ["auf", "gegen"], 0.9),
    ("ASSAULT", "aerial", "noun", "Bombardierung", D, [], 0.85),
    ("ASSAULT", "aerial", "verb", "bombardieren", D, [], 0.85),
    ("ASSAULT", None, "noun", "Militärschlag", D, ["gegen", "auf"], 0.9),
    ("ASSAULT", None, "noun", "Luftschlag", D, ["gegen", "auf"], 0.9),
    ("ASSAULT", None, "noun", "Vergeltungsschlag", D, ["gegen", "auf"], 0.9),
    ("ASSAULT", "heavy-weapons", "verb", "beschießen", D, [], 0.85),
    ("ASSAULT", "heavy-weapons", "noun", "Beschuss", D, [], 0.85),
    ("ASSAULT", "heavy-weapons", "noun", "Artilleriebeschuss", D, [], 0.9),
    ("ASSAULT", None, "noun", "Offensive", D, ["gegen"], 0.7),
    ("ASSAULT", None, "noun", "Bodenoffensive", D, ["gegen"], 0.85),
    ("ASSAULT", None, "verb", "töten", D, [], 0.6),
    ("ASSAULT", None, "noun", "Anschlag", D, ["auf", "gegen"], 0.75),
    ("ASSAULT", None, "noun", "Invasion", D, [], 0.7),
    ("ASSAULT", None, "verb", "einmarschieren", D, ["in"], 0.8),
    ("ASSAULT", None, "verb", "attackieren", D, [], 0.85),
    ("ASSAULT", None, "noun", "Kampfhandlung", J, [], 0.5),
    # --- added after the first test round: general German gaps by type ---
    ("COOPERATE", None, "verb", "zusammenarbeiten", J, ["mit"], 0.8),
    ("COOPERATE", None, "noun", "Übung", J, ["mit"], 0.7, {"requires": ["gemeinsam", "gemeinsame", "gemeinsamen", "gemeinsames"]}),
    ("COOPERATE", None, "noun", "Patrouille", J, ["mit"], 0.7, {"requires": ["gemeinsam", "gemeinsame", "gemeinsamen"]}),
    ("COOPERATE", None, "noun", "Manöver", J, ["mit"], 0.8, {"requires": ["gemeinsam", "gemeinsame", "gemeinsamen", "gemeinsames"]}),
    ("COOPERATE", None, "phrase", "Informationen austauschen", J, ["mit"], 0.75, {"words": ["tauschen", "Informationen"]}),
    ("COOPERATE", None, "phrase", "Informationen austauschen", J, ["mit"], 0.75, {"words": ["tauschten", "Informationen"]}),
    ("COOPERATE", None, "phrase", "Informationen austauschen", J, ["mit"], 0.75, {"words": ["Informationen", "ausgetauscht"]}),
    ("COOPERATE", None, "noun", "Informationsaustausch", J, ["mit"], 0.75),
    ("COOPERATE", None, "verb", "beteiligen", D, ["an"], 0.6, {"requires": ["an", "am"]}),
    ("COOPERATE", None, "noun", "Beteiligung", D, ["an"], 0.5),
    ("AID", None, "verb", "auszahlen", D, ["an"], 0.75, {"requires": ["Hilfe", "Finanzhilfe", "Tranche", "Milliarden", "Millionen", "Kredit", "Hilfen"]}),
    ("AID", None, "verb", "versorgen", D, [], 0.7, {"requires": ["mit"]}),
    ("AID", None, "verb", "schicken", D, ["an", "nach", "in"], 0.7, {"requires": ["Hilfsgüter", "Waffen", "Munition", "Hilfe", "Panzer", "Raketen", "Luftabwehr", "Ausrüstung", "Lebensmittel", "Medikamente"]}),
    ("AID", None, "verb", "verkaufen", D, ["an"], 0.6, {"requires": ["Waffen", "Kampfjets", "Panzer", "Raketen", "Munition", "Rüstungsgüter", "Systeme"]}),
    ("AID", None, "noun", "Munitionslieferung", D, ["an", "für"], 0.8),
    ("AID", None, "noun", "Rüstungslieferung", D, ["an", "für"], 0.8),
    ("AID", None, "noun", "Hilfsgüter", D, ["für", "an"], 0.6),
    ("AID", None, "verb", "bereitstellen", D, ["für"], 0.65, {"requires": ["Hilfe", "Milliarden", "Millionen", "Euro", "Dollar", "Waffen", "Munition", "Mittel"]}),
    ("CONCEDE", "access", "verb", "zulassen", D, [], 0.7, {"requires": ["Hilfslieferungen", "Hilfsgüter", "Hilfe", "Inspektoren", "Zugang", "Beobachter", "Journalisten", "Lieferungen"]}),
    ("CONCEDE", None, "noun", "Zugeständnis", D, [], 0.8),
    ("CONCEDE", None, "verb", "verzichten", D, [], 0.7, {"requires": ["auf"]}),
    ("CONCEDE", None, "verb", "einlenken", D, [], 0.8),
    ("CONCEDE", None, "verb", "nachgeben", D, [], 0.75),
    ("RETREAT", "withdraw", "verb", "verringern", D, [], 0.65, {"requires": ["Truppen", "Truppenpräsenz", "Soldaten", "Präsenz", "Kontingent"]}),
    ("RETREAT", "withdraw", "verb", "reduzieren", D, [], 0.65, {"requires": ["Truppen", "Truppenpräsenz", "Soldaten", "Präsenz", "Kontingent"]}),
    ("RETREAT", "withdraw", "noun", "Truppenabzug", D, ["aus"], 0.9),
    ("SUPPORT", None, "phrase", "sich hinter jemanden stellen", D, [], 0.75, {"words": ["stellte", "hinter"]}),
    ("SUPPORT", None, "phrase", "sich hinter jemanden stellen", D, [], 0.75, {"words": ["stellt", "hinter"]}),
    ("SUPPORT", None, "phrase", "sich hinter jemanden stellen", D, [], 0.75, {"words": ["stellten", "hinter"]}),
    ("SUPPORT", None, "noun", "Rückendeckung", D, ["für"], 0.75),
    ("SUPPORT", None, "phrase", "sich aussprechen für", D, [], 0.7, {"words": ["sprach", "für", "aus"]}),
    ("SUPPORT", None, "phrase", "sich aussprechen für", D, [], 0.7, {"words": ["spricht", "für", "aus"]}),
    ("SUPPORT", None, "phrase", "sich aussprechen für", D, [], 0.7, {"words": ["sprachen", "für", "aus"]}),
    ("SUPPORT", None, "verb", "beistehen", D, [], 0.75),
    ("REQUEST", None, "verb", "aufrufen", D, ["zu"], 0.85),
    ("REQUEST", None, "noun", "Aufruf", D, ["zu", "an"], 0.75),
    ("THREATEN", None, "verb", "warnen", D, ["vor"], 0.65, {"requires": ["Konsequenzen", "Vergeltung", "Gegenmaßnahmen", "Folgen", "Reaktion", "Antwort"]}),
    ("SANCTION", "discontinue", "verb", "erheben", D, ["auf", "gegen"], 0.75, {"requires": ["Zölle", "Zoll", "Strafzölle", "Strafzoll", "Abgaben", "Zöllen"]}),
    ("SANCTION", "convict", "verb", "verurteilen", D, [], 0.9, {"requires": ["Haft", "Lagerhaft", "Gefängnis", "Jahren", "Todesstrafe", "Haftstrafe", "Straflager", "Gefängnisstrafe", "Freiheitsstrafe"]}),
    ("SANCTION", "discontinue", "verb", "abbrechen", D, ["zu", "mit"], 0.85, {"requires": ["Beziehungen"]}),
    ("SANCTION", "expel", "verb", "ausweisen", D, [], 0.85, {"requires": ["Diplomaten", "Botschafter", "Diplomat", "Botschaftsmitarbeiter"]}),
    ("MOBILIZE", None, "verb", "zusammenziehen", D, ["an"], 0.8, {"requires": ["Truppen", "Soldaten", "Einheiten", "Panzer", "Kräfte"]}),
    ("MOBILIZE", None, "verb", "einberufen", D, [], 0.8, {"requires": ["Reservisten", "Wehrpflichtige", "Rekruten", "Soldaten"]}),
    ("MOBILIZE", None, "verb", "entsenden", D, ["nach", "in"], 0.75, {"requires": ["Truppen", "Soldaten", "Flugzeugträger", "Kriegsschiffe", "Kampfjets", "Einheiten", "Zerstörer", "Marine"]}),
    ("MOBILIZE", None, "phrase", "in Bereitschaft versetzen", D, [], 0.85, {"words": ["versetzte", "Bereitschaft"]}),
    ("MOBILIZE", None, "phrase", "in Bereitschaft versetzen", D, [], 0.85, {"words": ["Bereitschaft", "versetzt"]}),
    ("COERCE", "seize", "verb", "festsetzen", D, [], 0.8, {"requires": ["Tanker", "Schiff", "Frachter", "Besatzung", "Crew", "Flugzeug"]}),
    ("COERCE", "seize", "verb", "stoppen", D, [], 0.6, {"requires": ["Schiff", "Tanker", "Frachter", "Konvoi", "Flotte", "Boot"]}),
    ("COERCE", None, "verb", "abschieben", D, [], 0.75),
    ("COERCE", None, "noun", "Abschiebung", D, [], 0.7),
    ("COERCE", None, "verb", "entern", D, [], 0.8),
    ("ASSAULT", None, "noun", "Gefecht", J, [], 0.8),
    ("ASSAULT", None, "verb", "abfeuern", D, ["auf"], 0.8),
    ("ASSAULT", None, "verb", "feuern", D, ["auf"], 0.7, {"requires": ["auf"]}),
    ("REJECT", None, "phrase", "inakzeptabel", D, [], 0.8, {"words": ["inakzeptabel"]}),
    ("REJECT", None, "phrase", "unannehmbar", D, [], 0.8, {"words": ["unannehmbar"]}),
    ("REJECT", None, "phrase", "nicht hinnehmbar", D, [], 0.8, {"words": ["nicht", "hinnehmbar"]}),
    ("REJECT", None, "phrase", "kommt nicht in Frage", D, [], 0.75, {"words": ["nicht", "Frage"], "requires": ["kommt", "komme", "kämen", "käme"]}),
    ("MOBILIZE", None, "phrase", "Kampfjets aufsteigen lassen", D, [], 0.8, {"words": ["Kampfjets", "aufsteigen"]}),
    ("THREATEN", None, "phrase", "mit dem Feuer spielen", D, [], 0.8, {"words": ["Feuer", "spielen"]}),
    ("REJECT", None, "phrase", "steht nicht zur Debatte", D, [], 0.8, {"words": ["nicht", "Debatte"]}),
    ("REJECT", None, "phrase", "nicht verhandelbar", D, [], 0.8, {"words": ["nicht", "verhandelbar"]}),
]


NOT_SEPARABLE = {"einigen", "antworten", "anlassen"}


def _particle(lemma: str) -> str | None:
    if lemma in NOT_SEPARABLE or lemma.endswith("ieren"):
        return None
    for p in sorted(SEPARABLE, key=len, reverse=True):
        if not lemma.startswith(p) or len(lemma) <= len(p) + 3 or p == "ent":
            continue
        # an inseparable prefix wins only when it is at least as long ("be-" does not hide "bei-")
        if any(lemma.startswith(q) and len(q) >= len(p) for q in INSEPARABLE):
            return None
        return p
    return None


# Nouns that name a state of affairs as often as an event ("das Bedürfnis nach einer Waffenruhe",
# "Waffenlieferungen an die Ukraine"): they head an event only with a supporting verb in their
# clause (grammar_de.json: support_verbs) -- "vereinbarten eine Waffenruhe", "lieferte Militärhilfe".
NEEDS_SUPPORT = {"Zusammenarbeit", "Kooperation", "Partnerschaft", "Abkommen", "Friedensabkommen", "Deal", "Waffenruhe", "Waffenstillstand", "Feuerpause", "Waffenpause",
                 "Friedensplan", "Vertrag", "Waffenlieferung", "Militärhilfe", "Hilfspaket", "Finanzhilfe",
                 "Hilfslieferung", "Hilfe", "Geheimdienstinformation"}


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    seen = set()
    with OUT.open("w", encoding="utf-8") as f:
        for row in ROWS:
            etype, mode, kind, lemma, frame, preps, conf, *extra = row
            ex = dict(extra[0]) if extra else {}
            if kind == "noun" and lemma in NEEDS_SUPPORT:
                ex["needs_support"] = True
            kind = ex.pop("kind", kind)
            tid = f"{etype.lower()}.{(mode or 'any')}.{re.sub(r'[^a-zäöüß]+', '_', lemma.lower())}"
            n = 2
            while tid in seen:
                tid = f"{tid.rsplit('#', 1)[0]}#{n}"
                n += 1
            seen.add(tid)
            rec = {"id": tid, "type": etype, "mode": mode, "kind": kind, "lemma": lemma,
                   "particle": _particle(lemma) if kind == "verb" else None,
                   "frame": frame, "recipient_preps": preps, "confidence": conf, **ex}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(ROWS)} triggers to {OUT}")


if __name__ == "__main__":
    main()

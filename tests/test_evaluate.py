"""`readout eval` scores like the SPEC scorer, also for gold that accepts several values."""

from __future__ import annotations

from readout.evaluate import score

TEXT = "Kosovo and Serbia held talks in Brussels on Monday. No armed clashes were reported, the UN said."


def _gold(modality, claimer) -> dict:
    return {"format": "readout-gold/1", "docs": [{"doc_id": "d", "events": [{
        "id": "g1", "type": "ASSAULT", "alt_types": [], "mode": None, "countries": ["SRB", "XKX"], "actors": None,
        "recipients": None, "modality": modality, "claimer": claimer, "quantities": [], "anchors": ["No armed clashes"],
        "required": True}]}]}


def _pred(modality) -> dict:
    return {"id": "p1", "doc_id": "d", "type": "ASSAULT", "modality": modality,
            "actors": [{"country": "SRB"}, {"country": "XKX"}], "recipients": [],
            "evidence": [{"doc_id": "d", "start": 52, "end": 68, "text": TEXT[52:68]}],
            "claims": [{"claimer": {"name": "United Nations", "org": "UN"},
                        "evidence": [{"doc_id": "d", "start": 52, "end": 68, "text": TEXT[52:68]}]}]}


def test_gold_with_several_modalities_and_an_organisation_claimer():
    res = score(_gold(["negated", "asserted"], ["IGO:UN"]), {"d": TEXT}, [_pred("negated")])
    assert res["events"]["f1"] == 1.0
    assert res["arguments"]["modality"] == 1.0 and res["arguments"]["claimer"] == 1.0
    res = score(_gold("asserted", ["IGO:UN"]), {"d": TEXT}, [_pred("negated")])
    assert res["arguments"]["modality"] == 0.0

"""JSON Schemas of the export contract (events, discrepancies, commitments)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

NAMES = ("events", "discrepancies", "commitments")


@cache
def schema(name: str) -> dict[str, Any]:
    if name not in NAMES:
        raise ValueError(f"no schema for {name!r}; there are {', '.join(NAMES)}")
    return json.loads(files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8"))


def validate(name: str, record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``record`` breaks the contract for ``name``."""
    import jsonschema

    jsonschema.validate(record, schema(name), cls=jsonschema.Draft202012Validator)

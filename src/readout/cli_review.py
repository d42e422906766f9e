"""`readout review …` (analyst corrections) and `readout eval` (scoring a run against a gold file)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from readout.store import DEFAULT_DB, Store, StoreError
from readout.store.corrections import CorrectionError, Corrections

review_app = typer.Typer(no_args_is_help=True, help="Confirm, edit or reject events, merge or split stories, add "
                         "people to the knowledge base. Corrections are kept apart from machine output.")
console = Console(stderr=True)
out = Console()
DbOption = Annotated[str, typer.Option("--db", help="DuckDB database file.")]
AuthorOption = Annotated[str | None, typer.Option("--by", help="Who makes the correction.")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why.")]


def _apply(db: str, kind: str, target: str | list[str], changes: dict[str, Any] | None, by: str | None,
           note: str | None) -> None:
    from readout.pipeline import update_stories

    try:
        with Store(db) as store:
            rec = Corrections(store).add(kind, target, changes, by, note)
            update_stories(store)
    except (StoreError, CorrectionError) as e:
        console.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
    out.print(f"{rec['kind']} {rec['target']} recorded as {rec['id']}")


def _actors(codes: str | None) -> list[dict[str, Any]] | None:
    if codes is None:
        return None
    out_ = []
    for c in [x.strip() for x in codes.split(",") if x.strip()]:
        org = c[4:] if c.upper().startswith("IGO:") else None
        out_.append({"name": org or c.upper(), "country": None if org else c.upper(), "org": org, "sector": None,
                     "wikidata": None, "title": None})
    return out_


@review_app.command("confirm")
def confirm(event_id: str, db: DbOption = DEFAULT_DB, by: AuthorOption = None, note: NoteOption = None) -> None:
    """Confirm an event as coded."""
    _apply(db, "confirm", event_id, None, by, note)


@review_app.command("reject")
def reject(event_id: str, db: DbOption = DEFAULT_DB, by: AuthorOption = None, note: NoteOption = None) -> None:
    """Reject an event: it leaves the exports and the stories (the machine record stays)."""
    _apply(db, "reject", event_id, None, by, note)


@review_app.command("edit")
def edit(
    event_id: str,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    mode: Annotated[str | None, typer.Option("--mode")] = None,
    modality: Annotated[str | None, typer.Option("--modality", help="asserted|planned|negated|hypothetical")] = None,
    actors: Annotated[str | None, typer.Option("--actors", help="Codes, e.g. RUS,USA or IGO:EU")] = None,
    recipients: Annotated[str | None, typer.Option("--recipients")] = None,
    date: Annotated[str | None, typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    db: DbOption = DEFAULT_DB, by: AuthorOption = None, note: NoteOption = None,
) -> None:
    """Correct fields of an event; the machine's values are kept in the export's `review.original`."""
    changes: dict[str, Any] = {}
    if type_:
        changes["type"] = type_.upper()
    if mode:
        changes["mode"] = mode
    if modality:
        if modality not in ("asserted", "planned", "negated", "hypothetical"):
            console.print("[red]error:[/red] --modality must be asserted, planned, negated or hypothetical")
            raise typer.Exit(2)
        changes["modality"] = modality
    if actors is not None:
        changes["actors"] = _actors(actors)
    if recipients is not None:
        changes["recipients"] = _actors(recipients)
    if date:
        prec = {4: "year", 7: "month", 10: "day"}.get(len(date))
        if prec is None:
            console.print("[red]error:[/red] --date must be YYYY, YYYY-MM or YYYY-MM-DD")
            raise typer.Exit(2)
        changes["date"] = {"value": date, "precision": prec, "text": None, "basis": "analyst correction"}
    _apply(db, "edit", event_id, changes, by, note)


@review_app.command("merge")
def merge(story_ids: list[str], db: DbOption = DEFAULT_DB, by: AuthorOption = None, note: NoteOption = None) -> None:
    """Merge stories into the first one given."""
    _apply(db, "merge", story_ids, None, by, note)


@review_app.command("split")
def split(story_id: str, event_ids: list[str], db: DbOption = DEFAULT_DB, by: AuthorOption = None,
          note: NoteOption = None) -> None:
    """Move events out of a story into a story of their own."""
    _apply(db, "split", story_id, {"event_ids": event_ids}, by, note)


@review_app.command("kb-add")
def kb_add(
    name: Annotated[str, typer.Option("--name")],
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166 alpha-3")] = None,
    org: Annotated[str | None, typer.Option("--org", help="e.g. EU, NATO")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Office, e.g. Außenminister")] = None,
    start: Annotated[str | None, typer.Option("--start", help="Role start YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option("--end")] = None,
    variant: Annotated[list[str] | None, typer.Option("--variant", help="Another spelling (repeatable).")] = None,
    db: DbOption = DEFAULT_DB, by: AuthorOption = None, note: NoteOption = None,
) -> None:
    """Add a person (and role) to the knowledge base; used from the next ingest on."""
    changes = {"name": name, "country": country and country.upper(), "org": org, "title": title, "start": start,
               "end": end, "names": list(variant or [])}
    _apply(db, "kb_add", name, changes, by, note)


@review_app.command("list")
def list_(db: DbOption = DEFAULT_DB, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The corrections recorded for a database."""
    try:
        with Store(db, read_only=True) as store:
            recs = Corrections(store).all()
    except StoreError as e:
        console.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
    if as_json:
        for r in recs:
            out.print_json(json.dumps(r, ensure_ascii=False))
        return
    t = Table("when", "kind", "target", "changes", "by", "note")
    for r in recs:
        t.add_row(r["at"], r["kind"], str(r["target"]), json.dumps(r["changes"], ensure_ascii=False)[:60],
                  r.get("author") or "", r.get("note") or "")
    out.print(t)


def eval_cmd(
    gold: Annotated[str, typer.Option("--gold", help="Gold file (format readout-gold/1).")],
    db: DbOption = DEFAULT_DB,
    events: Annotated[str | None, typer.Option("--events", help="Score this events.jsonl instead of the database.")] = None,
    corpus: Annotated[str | None, typer.Option("--corpus", help="Directory of the documents (when scoring --events).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score events against a gold file with the metric of SPEC.md."""
    from readout.evaluate import score

    try:
        g = json.loads(Path(gold).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        console.print(f"[red]error:[/red] {gold}: {e}")
        raise typer.Exit(2) from e
    if g.get("format") != "readout-gold/1":
        console.print(f"[red]error:[/red] {gold}: not a readout-gold/1 file")
        raise typer.Exit(2)
    if events:
        evs = [json.loads(x) for x in Path(events).read_text(encoding="utf-8").splitlines() if x.strip()]
        texts = {p.stem: p.read_text(encoding="utf-8") for p in Path(corpus or ".").glob("*.txt")}
        dis = None
    else:
        from readout.store.export import records_for

        try:
            with Store(db, read_only=True) as store:
                evs = records_for(store, "events")
                texts = {d["doc_id"]: d["text"] for d in store.documents() if d.get("text")}
                dis = store.records("discrepancies")
        except StoreError as e:
            console.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from e
    res = score(g, texts, evs, dis)
    if as_json:
        out.print_json(json.dumps(res))
        return
    e = res["events"]
    out.print(f"events      P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}   "
              f"(tp {e['tp']}, fp {e['fp']}, fn {e['fn']})")
    for k, v in res["arguments"].items():
        out.print(f"  {k:<11} {'-' if v is None else f'{v:.3f}'}")
    out.print(f"grounding   {res['grounding']['exact_spans']}/{res['grounding']['spans']} exact")
    st = res["stories"]
    out.print(f"stories     pair P {st['pair_precision']:.3f}  pair R {st['pair_recall']:.3f}")
    if res["discrepancies"]:
        out.print(f"discrepancies found {res['discrepancies']['found']}/{res['discrepancies']['gold']}")

"""The `readout` command line: a thin face over the pipeline and the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from readout import __version__
from readout.store import DEFAULT_DB, EXPORTS, FORMATS, Store, StoreError, export

app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="readout: source-grounded event records from news about diplomatic contacts and conflicts.",
)
console = Console(stderr=True)
out = Console()

DbOption = Annotated[str, typer.Option("--db", help="DuckDB database file.")]


def _count_inputs(paths: list[str]) -> int | None:
    n = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            n += sum(1 for f in path.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".html", ".htm"))
        else:
            n += 1
    return n or None


def _progress_run(fn: Any, paths: list[str], *args: Any) -> Any:
    total = _count_inputs(paths)
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[item]}"), console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task("reading", total=total, item="")
        return fn(paths, *args, on_item=lambda item: progress.update(task, advance=1, item=item[-40:]))


def _print_report(report: Any) -> None:
    for rej in report.rejected:
        console.print(f"[red]rejected[/red] {rej.source}: {rej.reason}", highlight=False)
    for later, first in report.duplicates:
        console.print(f"[yellow]duplicate[/yellow] {later} has the same text as {first}; stored once, linked")
    for later, first, sim in report.near_duplicates:
        console.print(f"[yellow]near-duplicate[/yellow] {later} ~ {first} (similarity {sim:.2f}); kept, linked")
    console.print(
        f"{len(report.ingested)} ingested, {len(report.unchanged)} already stored, "
        f"{len(report.duplicates)} duplicates, {len(report.rejected)} rejected; {report.events} events",
        highlight=False,
    )


def _open(db: str, read_only: bool = False) -> Store:
    if read_only and not Path(db).exists():
        console.print(f"[red]error:[/red] no database at {db}; run `readout ingest PATH --db {db}` first")
        raise typer.Exit(2)
    try:
        return Store(db, read_only=read_only)
    except StoreError as e:
        console.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e


EngineOption = Annotated[str, typer.Option(
    "--engine", help="local: one process; dask: the per-document stages in parallel on a Dask cluster.")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster. Implies --engine dask.")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Worker processes of the local Dask cluster (default: one per CPU core).")]
PartitionOption = Annotated[int, typer.Option(
    "--partition-size", min=1, help="Documents per Dask task and per Parquet part.")]


def _engine(engine: str, scheduler: str | None) -> str:
    engine = "dask" if scheduler else engine.lower()
    if engine not in ("local", "dask"):
        console.print(f"[red]error:[/red] --engine must be local or dask, not {engine!r}")
        raise typer.Exit(2)
    return engine


@contextmanager
def _dask_errors() -> Iterator[None]:
    from readout.distributed import DaskEngineError

    try:
        yield
    except DaskEngineError as e:
        console.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e


def _ingest_via_server(db: str, paths: list[str], error: StoreError) -> NoReturn:
    """The database is locked; when a `readout serve` holds it (sidecar DB.server), send it the files."""
    from readout.web.remote import RemoteIngestError, forward_ingest

    try:
        report = forward_ingest(db, paths, note=lambda m: console.print(m, highlight=False))
    except RemoteIngestError as e:
        console.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(2) from e
    if report is None:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error
    _print_report(report)
    raise typer.Exit(0 if report.ok else 2)


@app.command()
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns.")],
           db: DbOption = DEFAULT_DB, engine: EngineOption = "local", scheduler: SchedulerOption = None,
           workers: WorkersOption = None, partition_size: PartitionOption = 50) -> None:
    """Read, analyse and store documents (.txt, .html, .jsonl, .csv). Exit 2 when some were rejected.

    Every document is committed on its own: an ingest that was interrupted (even killed) is completed by running the same command again."""
    from readout.pipeline import ingest as do_ingest
    from readout.pipeline import update_stories

    engine = _engine(engine, scheduler)
    try:
        store = Store(db)
    except StoreError as e:  # locked: a `readout serve` may hold it and take the files itself
        _ingest_via_server(db, paths, e)
    with store:
        if engine == "dask":
            from readout.distributed import ingest_dask

            with _dask_errors():
                report = _progress_run(lambda p, on_item: ingest_dask(
                    p, store, scheduler, workers, on_item, partition_size), paths)
        else:
            report = _progress_run(lambda p, on_item: do_ingest(p, store, on_item), paths)
        update_stories(store)
    _print_report(report)
    raise typer.Exit(0 if report.ok else 2)


@app.command()
def run(paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns.")],
        out_dir: Annotated[str, typer.Option("--out", help="Output directory.")] = "out",
        engine: EngineOption = "local", scheduler: SchedulerOption = None, workers: WorkersOption = None,
        partition_size: PartitionOption = 50) -> None:
    """One shot: ingest into OUT/readout.duckdb and write events, discrepancies and commitments JSONL.

    With --engine dask the documents are analysed in parallel (results in OUT/parts/*.parquet, then merged in input order): the output is the same as with the local engine."""
    from readout.pipeline import run as do_run

    engine = _engine(engine, scheduler)
    if engine == "dask":
        from readout.distributed import run_dask

        with _dask_errors():
            report = _progress_run(lambda p, on_item: run_dask(
                p, out_dir, scheduler, workers, on_item, partition_size), paths)
    else:
        report = _progress_run(do_run, paths, out_dir)
    _print_report(report)
    console.print(f"wrote {out_dir}/events.jsonl, {out_dir}/discrepancies.jsonl, {out_dir}/commitments.jsonl")
    raise typer.Exit(0 if report.ok else 2)


@app.command("export")
def export_cmd(
    what: Annotated[str, typer.Option("--what", help=f"One of: {', '.join(EXPORTS)}.")] = "events",
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "jsonl",
    output: Annotated[str, typer.Option("-o", "--output", help="Output file ('-' for stdout, jsonl only).")] = "-",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export stored records in the SPEC formats."""
    if what not in EXPORTS:
        console.print(f"[red]error:[/red] --what must be one of {', '.join(EXPORTS)}")
        raise typer.Exit(2)
    if fmt not in FORMATS:
        console.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    with _open(db, read_only=True) as store:
        if output == "-":
            if fmt != "jsonl":
                console.print("[red]error:[/red] only jsonl can go to stdout; give -o FILE")
                raise typer.Exit(2)
            from readout.store.export import records_for

            for rec in records_for(store, what):
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            return
        try:
            n = export(store, what, output, fmt)
        except ValueError as e:
            console.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from e
    console.print(f"wrote {n} {what} to {output}")


def _examples_dir() -> Any:
    return files("readout").joinpath("examples", "de")


@app.command()
def demo(db: DbOption = DEFAULT_DB) -> None:
    """Run the pipeline on the bundled German example articles and print a timeline."""
    from readout.pipeline import ingest as do_ingest
    from readout.pipeline import update_stories

    with as_file(_examples_dir()) as ex:
        console.print(f"readout {__version__}: analysing the bundled examples in {ex} into {db}")
        with _open(db) as store:
            report = _progress_run(lambda p, on_item: do_ingest(p, store, on_item), [str(ex)])
            update_stories(store)
            _print_report(report)
            _timeline(store, None, None, None, as_json=False, events_too=True)


def _date_label(d: dict[str, Any] | None) -> str:
    if not d or not d.get("value"):
        return "date unknown"
    mark = {"day": "", "month": " (month)", "year": " (year)"}.get(d.get("precision", ""), " (?)")
    return d["value"] + mark


def _timeline(store: Store, actor: str | None, date_from: str | None, date_to: str | None, as_json: bool,
              events_too: bool = False) -> None:
    stories = store.records("stories")
    events = {e["id"]: e for e in store.events()}

    def keep(s: dict[str, Any]) -> bool:
        v = (s.get("date") or {}).get("value")
        if date_from and (not v or v < date_from[: len(v)]):
            return False
        if date_to and (not v or v > date_to[: len(v)]):
            return False
        if actor:
            names = {a["name"].lower() for i in s["event_ids"] for a in events[i]["actors"] + events[i]["recipients"]}
            codes = {c.lower() for c in s["countries"]}
            if actor.lower() not in codes and not any(actor.lower() in n for n in names):
                return False
        return True

    chosen = sorted((s for s in stories if keep(s)), key=lambda s: ((s.get("date") or {}).get("value") or "9999", s["id"]))
    if as_json:
        out.print_json(json.dumps(chosen, ensure_ascii=False))
        return
    table = Table(title="Timeline of stories", show_lines=events_too)
    table.add_column("date")
    table.add_column("story")
    table.add_column("what")
    table.add_column("docs", justify="right")
    for s in chosen:
        lines = [s["label"]]
        if events_too:
            lines += [f"  · {events[i]['summary']}" for i in s["event_ids"][1:6]]
            if len(s["event_ids"]) > 6:
                lines.append(f"  · … {len(s['event_ids']) - 6} more")
        table.add_row(_date_label(s.get("date")), s["id"], "\n".join(lines), str(len(s["doc_ids"])))
    out.print(table)


@app.command()
def timeline(
    actor: Annotated[str | None, typer.Option(help="Country code or name part, e.g. RUS or Putin.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stories in date order (the precision of each date is shown)."""
    with _open(db, read_only=True) as store:
        _timeline(store, actor, date_from, date_to, as_json)


@app.command()
def story(story_id: str, as_json: Annotated[bool, typer.Option("--json")] = False, db: DbOption = DEFAULT_DB) -> None:
    """The dossier of one story: events with their claims, discrepancies and commitments."""
    with _open(db, read_only=True) as store:
        stories = {s["id"]: s for s in store.records("stories")}
        if story_id not in stories:
            console.print(f"[red]error:[/red] no story {story_id!r}; see `readout timeline`")
            raise typer.Exit(2)
        s = stories[story_id]
        evs = [e for e in store.events() if e.get("cluster_id") == story_id]
        dis = [d for d in store.records("discrepancies") if d["cluster_id"] == story_id]
        com = [c for c in store.records("commitments") if c["cluster_id"] == story_id]
    if as_json:
        out.print_json(json.dumps({"story": s, "events": evs, "discrepancies": dis, "commitments": com},
                                  ensure_ascii=False))
        return
    out.print(f"[bold]{s['label']}[/bold]  {_date_label(s.get('date'))}  countries {', '.join(s['countries'])}")
    table = Table(show_lines=True)
    for col in ("event", "modality", "claimer", "evidence"):
        table.add_column(col)
    for e in evs:
        for c in e.get("claims") or [{}]:
            who = (c.get("claimer") or {}).get("name") or "article"
            ev = (c.get("evidence") or e["evidence"])[0]
            table.add_row(e["summary"], e["modality"], f"{who} ({c.get('certainty', '')})",
                          f"{ev['doc_id']}:{ev['start']}-{ev['end']}\n{ev['text']}")
    out.print(table)
    _print_discrepancies(dis)
    for c in com:
        out.print(f"commitment: {c['what']} — {c['status']} (from {c['valid_from']} until {c['valid_until']})")


def _print_discrepancies(dis: list[dict[str, Any]]) -> None:
    for d in dis:
        out.print(f"[bold]{d['kind']}[/bold]: {d['about']}")
        for a in d["accounts"]:
            who = (a.get("claimer") or {}).get("name") or "article"
            for ev in a["evidence"]:
                out.print(f"   {who}: “{ev['text']}” ({ev['doc_id']}:{ev['start']}-{ev['end']})", highlight=False)


@app.command()
def compare(story_id: str, as_json: Annotated[bool, typer.Option("--json")] = False, db: DbOption = DEFAULT_DB) -> None:
    """Where the parties' accounts of one story disagree."""
    with _open(db, read_only=True) as store:
        dis = [d for d in store.records("discrepancies") if d["cluster_id"] == story_id]
    if as_json:
        out.print_json(json.dumps(dis, ensure_ascii=False))
    else:
        _print_discrepancies(dis) if dis else out.print("no discrepancies recorded for this story")


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Same inputs as ingest.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY[-MM[-DD]] for inputs without one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document.")] = False,
) -> None:
    """Show what the language core sees: sentences, entities, times and quantities."""
    from readout.ingest import Rejection, iter_inputs
    from readout.model import DateValue
    from readout.pipeline import annotations, entities_stage, language_stage, time_stage

    bad = 0
    for item in iter_inputs(paths):
        if isinstance(item, Rejection):
            console.print(f"[red]rejected[/red] {item.source}: {item.reason}", highlight=False)
            bad += 1
            continue
        doc = item
        if published and doc.published is None:
            prec = {4: "year", 7: "month", 10: "day"}.get(len(published))
            if prec is None:
                console.print("[red]error:[/red] --published must be YYYY, YYYY-MM or YYYY-MM-DD")
                raise typer.Exit(2)
            doc.published = DateValue(published, prec)  # type: ignore[arg-type]
        for stage in (language_stage, entities_stage, time_stage):
            stage(doc)
        ann = annotations(doc)
        pub = {"value": doc.published.value, "precision": doc.published.precision} if doc.published else None
        if as_json:
            sys.stdout.write(json.dumps({"doc_id": doc.doc_id, "published": pub, **ann}, ensure_ascii=False) + "\n")
            continue
        out.print(f"[bold]{doc.doc_id}[/bold]  published {pub['value'] if pub else 'unknown'}  "
                  f"{len(ann['sentences'])} sentences")
        for title, rows, cols in (
            ("entities", ann["entities"], ("text", "name", "kind", "country", "org", "sector", "role", "wikidata")),
            ("times", ann["timexes"], ("text", "value", "precision", "kind", "basis")),
            ("quantities", ann["quantities"], ("text", "value", "unit", "approx", "what")),
        ):
            t = Table(title=title)
            for c in ("at", *cols):
                t.add_column(c)
            for r in rows:
                t.add_row(f"{r['start']}-{r['end']}", *("" if r.get(c) is None else str(r.get(c)) for c in cols))
            out.print(t)
    raise typer.Exit(2 if bad else 0)


_BENCH_PHASES = {"corpus": "building corpus", "tokenise": "tokenise only", "pipeline": "full pipeline"}


@app.command()
def bench(
    docs: Annotated[int, typer.Option("--docs", min=1, help="Articles in the benchmark corpus.")] = 5000,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the corpus: same seed, same articles.")] = 1,
    shared: Annotated[str | None, typer.Option(
        "--shared", help="Folder with data/ and corpus/dev-news (default: $READOUT_SHARED or ../shared).")] = None,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Also profile the pipeline on the first 500 articles with pyinstrument; "
                          "write the report to FILE (.html, else text).")] = None,
) -> None:
    """Time the full pipeline on one core against the tokeniser, on real German text; check the targets."""
    from readout import bench as b

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as progress:
        tasks: dict[str, Any] = {}

        def on_progress(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = progress.add_task(_BENCH_PHASES.get(phase, phase), total=total)
            progress.update(tasks[phase], completed=done)

        try:
            result = b.run_benchmark(docs, seed, Path(shared) if shared else None, on_progress=on_progress)
        except FileNotFoundError as e:
            console.print(f"[red]error:[/red] {e}", highlight=False)
            raise typer.Exit(2) from e
    if profile:
        try:
            profiler = b.profile_pipeline(Path(result["corpus"]["path"]))
        except ImportError as e:
            console.print("[red]error:[/red] --profile needs pyinstrument: .venv/bin/pip install pyinstrument")
            raise typer.Exit(2) from e
        report = profiler.output_html() if profile.endswith(".html") else profiler.output_text(unicode=True)
        Path(profile).write_text(report, encoding="utf-8")
        result["profile"] = profile
        console.print(f"wrote the profile of {min(docs, b.PROFILE_DOCS)} articles to {profile}")
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    c = result["corpus"]
    table = Table(title=f"readout bench: {docs} articles, seed {seed}, one core",
                  caption="linearity: CPU seconds per article in the last quarter of the run / in the first")
    for col in ("measure", "measured", "target", ""):
        table.add_column(col)
    units = {"articles_per_s": " articles/s", "ratio": "×", "peak_rss_mb": " MB", "linearity": "×", "failures": ""}
    for t in b.TARGETS:
        ok = result["targets"][t.key]["pass"]
        table.add_row(t.name, f"{result[t.key]}{units[t.key]}", t.label, "[green]pass[/green]" if ok else "[red]FAIL[/red]")
    table.add_row("tokenise only (floor)", f"{result['tokenise_articles_per_s']} articles/s", "", "")
    table.add_row("on CPU time", f"{result['cpu_articles_per_s']} articles/s, ratio {result['cpu_ratio']}× "
                  f"(CPU {result['cpu_share']:.0%} of wall time)", "", "")
    table.add_row("words per second", str(result["words_per_s"]), "", "")
    table.add_row("ms per article", f"median {result['ms_per_article_median']}, p99 {result['ms_per_article_p99']}",
                  "", "")
    table.add_row("time per stage", ", ".join(f"{k} {v:.0%}" for k, v in result["stage_share"].items()), "", "")
    table.add_row("events", f"{result['events']} in {result['articles_with_events']} articles", "", "")
    out.print(table)
    if result["cpu_share"] < 0.9:
        console.print(f"[yellow]note:[/yellow] other processes took {1 - result['cpu_share']:.0%} of the core "
                      f"(load average {result['load_average']}); the wall-clock rates are pessimistic")
    for f in result["failed"]:
        out.print(f"[red]crashed[/red] {f['doc_id']} in {f['phase']}: {f['error']} ({f['where']})", highlight=False)
    out.print(
        f"corpus {c['path']}: {c['mean_words']} words per article; {c['real_copies']} articles "
        f"({c['real_share']:.1%}) are copies of {c['real_distinct']} real news texts ({c['real_redated']} redated); "
        f"{c['sentences_distinct']} distinct sentences of {c['sentences_available']} available fill "
        f"{c['sentences_placed']} places (each used {c['sentence_reuse']}× on average, at most {c['sentence_max_uses']}×)",
        highlight=False,
    )


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback needs --allow-remote.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free port).")] = 8000,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Allow a non-loopback --host (no authentication!).")] = False,
) -> None:
    """Serve the HTTP API and the web UI. The server holds the database; `ingest --db` goes through it."""
    from readout.web.server import ServeError
    from readout.web.server import serve as do_serve

    try:
        do_serve(db, host, port, allow_remote=allow_remote, echo=lambda m: console.print(m, highlight=False))
    except ServeError as e:
        console.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(2) from e


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


from readout.cli_review import eval_cmd, review_app  # noqa: E402

app.add_typer(review_app, name="review")
app.command("eval")(eval_cmd)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    app()

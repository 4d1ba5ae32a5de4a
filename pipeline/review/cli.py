"""``lvextract review``: see and correct what was extracted.

``report`` writes a static HTML report; ``export-labelstudio``/``import-labelstudio`` and
``export-docbin``/``import-docbin`` carry annotations to Label Studio or spaCy and back
into gold JSON (contract section 3). See README, "Reviewing and correcting".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated as Arg

import typer

from pipeline.document import Document, DocumentError
from pipeline.resources import Resources

app = typer.Typer(
    help="Review and correct extractions: HTML report, Label Studio and spaCy DocBin round trips.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_ERROR = 1
EXIT_SOME_FAILED = 3

InputsArg = Arg[
    list[Path],
    typer.Argument(help=".txt/.html files or folders of them (with --from-gold: gold .json "
                   "files or folders, texts beside them or in --texts)."),
]
GazetteersOpt = Arg[
    Path | None, typer.Option("--gazetteers", help="Gazetteer folder instead of gazetteers/.")
]
CacheOpt = Arg[
    Path | None,
    typer.Option("--cache", help="Cache folder of per-document results (default as for run)."),
]
NoCacheOpt = Arg[bool, typer.Option("--no-cache", help="Process every document, no cache.")]
TextsOpt = Arg[
    Path | None,
    typer.Option("--texts", help="Folder of <doc_id>.txt: the texts the offsets point into."),
]
FromGoldOpt = Arg[
    bool, typer.Option("--from-gold", help="INPUT are gold JSON files: export them, not a run.")
]
WriteTextsOpt = Arg[
    bool, typer.Option("--write-texts", help="Also write <doc_id>.txt beside each gold file.")
]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _extract(
    inputs: list[Path], gazetteers: Path | None, cache: Path | None, no_cache: bool
) -> tuple[list[Document], list[DocumentError]]:
    """Run the pipeline on the inputs (with the cache, as ``run`` does)."""
    from pipeline.cache import default_cache_dir
    from pipeline.run import extract_documents

    def report(outcome: Document | DocumentError) -> None:
        if isinstance(outcome, DocumentError):
            typer.echo(f"  FAILED {outcome.doc_id} at {outcome.stage}: {outcome.error}: "
                       f"{outcome.message}", err=True)

    cache_dir = None if no_cache else (cache or default_cache_dir())
    result = extract_documents(inputs, Resources.choose(gazetteers), report, cache_dir)
    return result.documents, result.errors


def _annotated(inputs: list[Path], from_gold: bool, texts: Path | None,
               gazetteers: Path | None, cache: Path | None, no_cache: bool):
    from pipeline.eval import GoldError

    from .annotations import ReviewError, from_document, read_gold

    if from_gold:
        try:
            return read_gold(inputs, texts), []
        except (GoldError, ReviewError) as err:
            raise _fail(str(err)) from err
    documents, errors = _extract(inputs, gazetteers, cache, no_cache)
    return [from_document(d) for d in documents], errors


def _check_texts(items, texts: Path | None) -> None:
    from .annotations import read_text

    if texts is None:
        return
    for item in items:
        path = texts / f"{item.doc_id}.txt"
        if not path.is_file():
            raise _fail(f"{item.doc_id}: no {path}")
        if read_text(path) != item.text:
            raise _fail(f"{item.doc_id}: the text differs from {path}")


def _write_gold(items, out: Path, write_texts: bool, where: str) -> None:
    from pipeline.eval import GoldError

    from .annotations import ReviewError, write_gold

    try:
        paths = write_gold(items, out, write_texts, where)
    except (GoldError, ReviewError) as err:
        raise _fail(str(err)) from err
    entities = sum(len(i.entities) for i in items)
    typer.echo(f"{len(paths)} gold files ({entities} entities) -> {out}/")


@app.command()
def report(
    inputs: Arg[list[Path], typer.Argument(help=".txt/.html files or folders of them.")],
    out: Arg[Path, typer.Option("--out", "-o", help="Folder for index.html and docs/.")],
    gold: Arg[
        list[Path] | None,
        typer.Option("--gold", help="Gold .json files or folders: mark matched, missed and "
                     "spurious mentions and rows (repeatable)."),
    ] = None,
    texts: TextsOpt = None,
    gazetteers: GazetteersOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Extract the inputs and write a static HTML review report (no server, no network).

    index.html lists the documents with their counts (and scores against --gold); one page
    per document shows the text with every mention marked (hover: label, norm, id, source,
    score) and the visits, centres and projects rows that came from it.
    """
    from pipeline.eval import GoldError

    from .report import score_against_gold, write_report

    documents, errors = _extract(inputs, gazetteers, cache, no_cache)
    result = None
    if gold:
        try:
            result = score_against_gold(documents, gold, texts)
        except GoldError as err:
            raise _fail(str(err)) from err
    index = write_report(documents, out, result)
    typer.echo(f"{len(documents)} documents -> {index}" + (f"; {len(errors)} failed"
                                                            if errors else ""))
    raise typer.Exit(EXIT_SOME_FAILED if errors else 0)


@app.command("export-labelstudio")
def export_labelstudio(
    inputs: InputsArg,
    out: Arg[Path, typer.Option("--out", "-o", help="Tasks JSON file to write.")],
    from_gold: FromGoldOpt = False,
    texts: TextsOpt = None,
    gazetteers: GazetteersOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write Label Studio tasks with the mentions as pre-annotations (predictions).

    Import the file into a project whose labelling config is `lvextract review
    labelstudio-config` (pipeline/review/labelstudio_config.xml).
    """
    from .labelstudio import to_tasks

    items, errors = _annotated(inputs, from_gold, texts, gazetteers, cache, no_cache)
    tasks = to_tasks(items, "gold" if from_gold else None)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    typer.echo(f"{len(tasks)} tasks -> {out}")
    raise typer.Exit(EXIT_SOME_FAILED if errors else 0)


@app.command("import-labelstudio")
def import_labelstudio(
    export: Arg[Path, typer.Argument(help="Label Studio JSON export (a list of tasks).")],
    out: Arg[Path, typer.Option("--out", "-o", help="Folder for the gold <doc_id>.json.")],
    texts: TextsOpt = None,
    write_texts: WriteTextsOpt = False,
) -> None:
    """Turn a Label Studio JSON export into gold JSON files (contract section 3).

    Per task the ground-truth annotation counts, else the latest one not cancelled; tasks
    without one are skipped and named. With --texts, each task's text must equal
    <doc_id>.txt there. Tables come from the task's data.tables, as exported.
    """
    from .annotations import ReviewError
    from .labelstudio import from_export

    try:
        raw = json.loads(export.read_text(encoding="utf-8-sig"))
        items, skipped = from_export(raw, texts, export.name)
    except (OSError, json.JSONDecodeError, ReviewError) as err:
        raise _fail(f"{export}: {err}") from err
    for doc_id in skipped:
        typer.echo(f"  skipped {doc_id}: no annotation (or all cancelled)", err=True)
    _write_gold(items, out, write_texts, export.name)


@app.command("export-docbin")
def export_docbin(
    inputs: InputsArg,
    out: Arg[Path, typer.Option("--out", "-o", help="The .spacy file to write.")],
    from_gold: FromGoldOpt = False,
    texts: TextsOpt = None,
    gazetteers: GazetteersOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write the mentions as a spaCy DocBin: doc.ents, norm in span._.norm, id in kb_id_."""
    from .annotations import ReviewError
    from .docbin import write_docbin

    items, errors = _annotated(inputs, from_gold, texts, gazetteers, cache, no_cache)
    try:
        write_docbin(items, out)
    except ReviewError as err:
        raise _fail(str(err)) from err
    typer.echo(f"{len(items)} docs -> {out}")
    raise typer.Exit(EXIT_SOME_FAILED if errors else 0)


@app.command("import-docbin")
def import_docbin(
    docbin: Arg[Path, typer.Argument(help="A .spacy file written by export-docbin.")],
    out: Arg[Path, typer.Option("--out", "-o", help="Folder for the gold <doc_id>.json.")],
    texts: TextsOpt = None,
    write_texts: WriteTextsOpt = False,
) -> None:
    """Turn a spaCy DocBin (e.g. corrected in Prodigy or by a script) into gold JSON files."""
    from .annotations import ReviewError
    from .docbin import read_docbin

    try:
        items = read_docbin(docbin)
    except (OSError, ValueError, ReviewError) as err:
        raise _fail(f"{docbin}: {err}") from err
    _check_texts(items, texts)
    _write_gold(items, out, write_texts, docbin.name)


@app.command("labelstudio-config")
def labelstudio_config(
    out: Arg[Path | None, typer.Option("--out", "-o", help="Write to a file, not stdout.")] = None,
) -> None:
    """Print the Label Studio labelling config the tasks and exports use (XML)."""
    from .labelstudio import labelling_config

    if out is None:
        typer.echo(labelling_config(), nl=False)
    else:
        out.write_text(labelling_config(), encoding="utf-8")
        typer.echo(f"-> {out}")

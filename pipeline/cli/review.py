"""``lvextract review``: see and correct what was extracted.

``report`` writes a static HTML report; ``export-labelstudio``/``import-labelstudio`` and
``export-docbin``/``import-docbin`` carry annotations to Label Studio or spaCy and back
into gold JSON (contract section 3). See README, "Reviewing and correcting".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated as Arg

import typer

from pipeline.cli.common import (
    EXIT_FAILED,
    done,
    fail,
    optional_path,
    with_cache,
    with_resources,
)
from pipeline.cli.run import report_failure
from pipeline.document import Document, DocumentError
from pipeline.resources import Resources

app = typer.Typer(
    help="Review and correct extractions: HTML report, Label Studio and spaCy DocBin round trips.",
    no_args_is_help=True,
    add_completion=False,
)

InputsArg = Arg[
    list[Path],
    typer.Argument(help=".txt/.html files or folders of them (with --from-gold: gold .json "
                   "files or folders, texts beside them or in --texts)."),
]
TextsOpt = optional_path(
    "--texts", help="Folder of <doc_id>.txt: the texts the offsets point into."
)
FromGoldOpt = Arg[
    bool, typer.Option("--from-gold", help="INPUT are gold JSON files: export them, not a run.")
]
GoldOutOpt = Arg[Path, typer.Option("--out", "-o", help="Folder for the gold <doc_id>.json.")]
WriteTextsOpt = Arg[
    bool, typer.Option("--write-texts", help="Also write <doc_id>.txt beside each gold file.")
]


def _extract(
    inputs: list[Path], resources: Resources, cache_dir: Path | None
) -> tuple[list[Document], list[DocumentError]]:
    """Run the pipeline on the inputs (with the cache, as ``run`` does)."""
    from pipeline.run import extract_documents

    result = extract_documents(inputs, resources, report_failure, cache_dir)
    return result.documents, result.errors


def _annotated(inputs: list[Path], from_gold: bool, texts: Path | None,
               resources: Resources, cache_dir: Path | None):
    from pipeline.eval import GoldError
    from pipeline.review.annotations import ReviewError, from_document, read_gold

    if from_gold:
        try:
            return read_gold(inputs, texts), []
        except (GoldError, ReviewError) as err:
            fail(str(err), EXIT_FAILED)
    documents, errors = _extract(inputs, resources, cache_dir)
    return [from_document(d) for d in documents], errors


def _check_texts(items, texts: Path | None) -> None:
    from pipeline.review.annotations import read_text

    if texts is None:
        return
    for item in items:
        path = texts / f"{item.doc_id}.txt"
        if not path.is_file():
            fail(f"{item.doc_id}: no {path}", EXIT_FAILED)
        if read_text(path) != item.text:
            fail(f"{item.doc_id}: the text differs from {path}", EXIT_FAILED)


def _write_gold(items, out: Path, write_texts: bool, where: str) -> None:
    from pipeline.eval import GoldError
    from pipeline.review.annotations import ReviewError, write_gold

    try:
        paths = write_gold(items, out, write_texts, where)
    except (GoldError, ReviewError) as err:
        fail(str(err), EXIT_FAILED)
    entities = sum(len(i.mentions) for i in items)
    typer.echo(f"{len(paths)} gold files ({entities} entities) -> {out}/")


@app.command()
@with_resources
@with_cache
def report(
    inputs: Arg[list[Path], typer.Argument(help=".txt/.html files or folders of them.")],
    out: Arg[Path, typer.Option("--out", "-o", help="Folder for index.html and docs/.")],
    gold: Arg[
        list[Path] | None,
        typer.Option("--gold", help="Gold .json files or folders: mark matched, missed and "
                     "spurious mentions and rows (repeatable)."),
    ] = None,
    texts: TextsOpt = None,
    *,
    resources: Resources,
    cache_dir: Path | None,
) -> None:
    """Extract the inputs and write a static HTML review report (no server, no network).

    index.html lists the documents with their counts (and scores against --gold); one page
    per document shows the text with every mention marked (hover: label, norm, id, source,
    score) and the visits, centres and projects rows that came from it.
    """
    from pipeline.eval import GoldError
    from pipeline.review.report import score_against_gold, write_report

    documents, errors = _extract(inputs, resources, cache_dir)
    result = None
    if gold:
        try:
            result = score_against_gold(documents, gold, texts)
        except GoldError as err:
            fail(str(err), EXIT_FAILED)
    index = write_report(documents, out, result)
    done(f"{len(documents)} documents -> {index}"
         + (f"; {len(errors)} failed" if errors else ""), len(errors))


def _write_tasks(items: list, out: Path, from_gold: bool) -> str:
    from pipeline.review.labelstudio import to_tasks

    tasks = to_tasks(items, "gold" if from_gold else None)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f"{len(tasks)} tasks -> {out}"


def _write_docbin(items: list, out: Path, from_gold: bool) -> str:
    from pipeline.review.annotations import ReviewError
    from pipeline.review.docbin import write_docbin

    try:
        write_docbin(items, out)
    except ReviewError as err:
        fail(str(err), EXIT_FAILED)
    return f"{len(items)} docs -> {out}"


def _export_command(name: str, out_help: str, doc: str,
                    write: Callable[[list, Path, bool], str]) -> None:
    """Register ``review NAME``: annotate the inputs (or read gold) and ``write`` them."""

    def export(
        inputs: InputsArg,
        out: Path,
        from_gold: FromGoldOpt = False,
        texts: TextsOpt = None,
        *,
        resources: Resources,
        cache_dir: Path | None,
    ) -> None:
        items, errors = _annotated(inputs, from_gold, texts, resources, cache_dir)
        done(write(items, out, from_gold), len(errors))

    export.__doc__ = doc
    # set here, not in the signature: a string annotation cannot see ``out_help``
    export.__annotations__["out"] = Arg[Path, typer.Option("--out", "-o", help=out_help)]
    app.command(name)(with_resources(with_cache(export)))


_export_command(
    "export-labelstudio", "Tasks JSON file to write.",
    """Write Label Studio tasks with the mentions as pre-annotations (predictions).

    Import the file into a project whose labelling config is `lvextract review
    labelstudio-config` (pipeline/review/labelstudio_config.xml).
    """,
    _write_tasks,
)


def _read_export(export: Path, texts: Path | None) -> list:
    from pipeline.review.annotations import ReviewError
    from pipeline.review.labelstudio import from_export

    try:
        raw = json.loads(export.read_text(encoding="utf-8-sig"))
        items, skipped = from_export(raw, texts, export.name)
    except (OSError, json.JSONDecodeError, ReviewError) as err:
        fail(f"{export}: {err}", EXIT_FAILED)
    for doc_id in skipped:
        typer.echo(f"  skipped {doc_id}: no annotation (or all cancelled)", err=True)
    return items


def _read_docbin(docbin: Path, texts: Path | None) -> list:
    from pipeline.review.annotations import ReviewError
    from pipeline.review.docbin import read_docbin

    try:
        items = read_docbin(docbin)
    except (OSError, ValueError, ReviewError) as err:
        fail(f"{docbin}: {err}", EXIT_FAILED)
    _check_texts(items, texts)
    return items


def _import_command(name: str, source_help: str, doc: str,
                    read: Callable[[Path, Path | None], list]) -> None:
    """Register ``review NAME``: ``read`` the corrected file and write it as gold JSON."""

    def import_gold(
        source: Path,
        out: GoldOutOpt,
        texts: TextsOpt = None,
        write_texts: WriteTextsOpt = False,
    ) -> None:
        _write_gold(read(source, texts), out, write_texts, source.name)

    import_gold.__doc__ = doc
    import_gold.__annotations__["source"] = Arg[Path, typer.Argument(help=source_help)]
    app.command(name)(import_gold)


_import_command(
    "import-labelstudio", "Label Studio JSON export (a list of tasks).",
    """Turn a Label Studio JSON export into gold JSON files (contract section 3).

    Per task the ground-truth annotation counts, else the latest one not cancelled; tasks
    without one are skipped and named. With --texts, each task's text must equal
    <doc_id>.txt there. Tables come from the task's data.tables, as exported.
    """,
    _read_export,
)


_export_command(
    "export-docbin", "The .spacy file to write.",
    """Write the mentions as a spaCy DocBin: doc.ents, norm in span._.norm, id in kb_id_.""",
    _write_docbin,
)


_import_command(
    "import-docbin", "A .spacy file written by export-docbin.",
    """Turn a spaCy DocBin (e.g. corrected in Prodigy or by a script) into gold JSON files.""",
    _read_docbin,
)


@app.command("labelstudio-config")
def labelstudio_config(
    out: Arg[Path | None, typer.Option("--out", "-o", help="Write to a file, not stdout.")] = None,
) -> None:
    """Print the Label Studio labelling config the tasks and exports use (XML)."""
    from pipeline.review.labelstudio import labelling_config

    if out is None:
        typer.echo(labelling_config(), nl=False)
    else:
        out.write_text(labelling_config(), encoding="utf-8")
        typer.echo(f"-> {out}")

"""The ``lvextract`` command: run the extraction, score it, rebuild the gazetteers.

Each command parses its options and calls one plain function of the package, so code and
tests can call the same functions without the command line.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from pipeline.document import Document, DocumentError
from pipeline.resources import Resources
from pipeline.review.cli import app as review_app
from pipeline.version import __version__

app = typer.Typer(
    help=(
        "Latvian press releases about experience-exchange visits, social-service centres and "
        "EU projects, turned into tables (visits.csv, centres.csv, projects.csv, mentions.csv)."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"lvextract {__version__} (Python {sys.version.split()[0]})")
        raise typer.Exit(0)


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """Latvian press releases about experience-exchange visits, social-service centres and
    EU projects, turned into tables."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3
EXIT_INTERRUPTED = 130

InputsArg = Annotated[
    list[Path],
    typer.Argument(help=".txt/.html files or folders of them (doc_id = file name stem)."),
]
BackboneOpt = Annotated[
    str | None,
    typer.Option(
        "--backbone",
        help="Latvian backbone: shipped (the project's models, default), official (stanza's "
        "Latvian models from --stanza-dir or stanza's resources folder) or rules (no model).",
    ),
]
StanzaDirOpt = Annotated[
    Path | None,
    typer.Option("--stanza-dir", help="stanza resources folder for --backbone official."),
]
GazetteersOpt = Annotated[
    Path | None,
    typer.Option(
        "--gazetteers", help="Gazetteer folder to use instead of the project's gazetteers/."
    ),
]


def _resources(
    gazetteers: Path | None, backbone: str | None, stanza_dir: Path | None
) -> Resources:
    """The run's resources from its options; an unknown backbone is a usage error."""
    try:
        return Resources.choose(gazetteers, backbone, stanza_dir)
    except ValueError as err:
        _fail(str(err), EXIT_USAGE)


def _fail(message: str, status: int) -> NoReturn:
    """Print ``error: message`` on standard error and exit with ``status``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(status)


def _check_inputs(inputs: list[Path]) -> None:
    """A missing input path or inputs with no document is a usage error (ValueError): such
    a run would replace an earlier output with empty tables."""
    from pipeline.read import input_files

    missing = [str(path) for path in inputs if not path.exists()]
    if missing:
        raise ValueError(f"no such input file or folder: {', '.join(missing)}")
    if not input_files(inputs):
        raise ValueError(f"no .txt, .html or .htm files in {', '.join(map(str, inputs))}")


def _dask_client(address: str) -> Any:
    """A client of the Dask cluster at ``address`` (usage error when it cannot be had)."""
    try:
        from distributed import Client
    except ImportError as err:
        typer.echo("error: --scheduler needs the distributed extra "
                   "(pip install 'lvextract[distributed]')", err=True)
        raise typer.Exit(EXIT_USAGE) from err
    try:
        return Client(address, timeout=10)
    except OSError as err:
        typer.echo(f"error: no Dask scheduler at {address} ({err})", err=True)
        raise typer.Exit(EXIT_USAGE) from err


def _report(outcome: Document | DocumentError) -> None:
    if isinstance(outcome, DocumentError):
        typer.echo(
            f"  FAILED {outcome.doc_id} at {outcome.stage}: {outcome.error}: {outcome.message}",
            err=True,
        )


@app.command()
def run(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the tables into.")],
    gazetteers: GazetteersOpt = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing but errors (no progress bar).")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Log each document (processed, from cache, failed "
                     "at which stage) and the time per stage."),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="Cache folder of per-document results (default: $LVEXTRACT_CACHE_DIR, "
            "$XDG_CACHE_HOME/lvextract or ~/.cache/lvextract).",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Process every document; read and write no cache.")
    ] = False,
    redact: Annotated[
        bool,
        typer.Option("--redact", help="Replace private persons' e-mails and phones in outputs."),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest input file read, in bytes.")
    ] = 20_000_000,
    workers: Annotated[
        int,
        typer.Option("--workers", "-j", min=1, help="Worker processes (each builds the "
                     "pipeline once); the outputs are the same bytes for any number."),
    ] = 1,
    backend: Annotated[
        str,
        typer.Option("--backend", help="local (a pool of --workers processes) or dask (the "
                     "same work as a Dask bag on a local process scheduler, or on the cluster "
                     "of --scheduler)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS",
                     help="Address of a running Dask scheduler (tcp://host:8786) to run on; "
                     "implies --backend dask. Needs the `distributed` extra."),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="Table format: csv (default), parquet, jsonl or "
                     "xlsx (one workbook, tables.xlsx); repeat the option or give a comma "
                     "list for several."),
    ] = None,
    backbone: BackboneOpt = None,
    stanza_dir: StanzaDirOpt = None,
) -> None:
    """Extract mentions, visits, centres and projects from press releases into CSV tables.

    Reads .txt, .html and .htm files (UTF-8, UTF-16, Windows-1257, ISO-8859-13; HTML pages
    without their boilerplate). Writes visits.csv, centres.csv, projects.csv, mentions.csv,
    errors.csv, provenance.csv (where each filled cell came from), centres_merged.csv and
    projects_merged.csv (one row across releases) and manifest.json into OUT, all replaced
    together: OUT holds the previous
    complete set until the new one is complete. A document that cannot be read or processed
    is listed in errors.csv and the others go on. With --format parquet or jsonl the tables
    (errors too) are written as .parquet or .jsonl files instead of, or besides, the CSVs.
    Exit status: 0 when every document went through, 3 when some failed, 2 on a usage error,
    1 when the outputs could not be written, 130 when interrupted (OUT unchanged).
    """
    import signal
    from concurrent.futures.process import BrokenProcessPool

    from pipeline.cache import default_cache_dir
    from pipeline.formats import parse_formats
    from pipeline.outdir import OutputFolderError, check_output_folder
    from pipeline.progress import BarProgress, log_to_stderr, show_progress
    from pipeline.run import check_backend, extract_corpus

    resources = _resources(gazetteers, backbone, stanza_dir)
    try:
        _check_inputs(inputs)
        check_output_folder(out)
        chosen = parse_formats(formats)
        check_backend(backend)
        if quiet and verbose:
            raise ValueError("--quiet and --verbose do not go together")
    except (OutputFolderError, ValueError) as err:
        _fail(str(err), EXIT_USAGE)
    cache_dir = None if no_cache else (cache or default_cache_dir())
    client = _dask_client(scheduler) if scheduler else None
    backend = "dask" if client is not None else backend
    progress = BarProgress() if show_progress(quiet) else None

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        with log_to_stderr(verbose, progress.console if progress else None):
            result = extract_corpus(
                inputs, out, resources, on_document=None if verbose else _report,
                cache_dir=cache_dir, redact=redact, max_bytes=max_bytes, workers=workers,
                backend=backend, formats=chosen, keep_documents=False, progress=progress,
                scheduler=client,
            )
    except KeyboardInterrupt as err:
        typer.echo(f"interrupted: {out}/ left as it was", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from err
    except BrokenProcessPool as err:
        typer.echo(f"error: a worker process died ({err}); {out}/ left as it was", err=True)
        raise typer.Exit(EXIT_FAILED) from err
    except OutputFolderError as err:  # raised before anything is touched
        _fail(str(err), EXIT_USAGE)
    except OSError as err:
        typer.echo(f"error: could not write {out}/ ({err}); it is left as it was", err=True)
        raise typer.Exit(EXIT_FAILED) from err
    finally:
        signal.signal(signal.SIGTERM, previous)
        if client is not None:
            client.close()
    if result.cache_warning:
        typer.echo(f"warning: cache not written ({result.cache_warning})", err=True)
    if not quiet:
        counts = result.counts
        typer.echo(
            f"{counts['documents']} documents -> {out}/: {counts['visits']} visits, "
            f"{counts['centres']} centres, {counts['projects']} projects, "
            f"{counts['mentions']} mentions; {counts['errors']} failed (errors.{chosen[0]}); "
            f"{result.processed} processed, {result.cached} from the cache"
        )
    if verbose:
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items() if k != "total")
        typer.echo(
            f"time: {result.timings.get('total', 0.0):.2f}s with {workers} worker(s), "
            f"{backend} backend ({stages}; pipeline build {result.startup_seconds:.2f}s)",
            err=True,
        )
    raise typer.Exit(EXIT_SOME_FAILED if result.errors else EXIT_OK)


@app.command("eval")
def evaluate_command(
    gold: Annotated[
        list[Path],
        typer.Argument(help="Gold .json files or folders (texts beside them or in --texts)."),
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred", help="Folder with predicted CSVs; default: run on the gold's texts."
        ),
    ] = None,
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            help="Folder of <doc_id>.txt, the texts the gold offsets point into "
            "(default: beside each gold file).",
        ),
    ] = None,
    unverified: Annotated[
        bool,
        typer.Option(
            "--unverified",
            help="Score gold without a text anyway (its entity text is then not checked).",
        ),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Folder for scores.json, errors.txt (and predictions)."),
    ] = None,
    gazetteers: GazetteersOpt = None,
    show_errors: Annotated[
        bool, typer.Option("--errors", help="Also print missed and spurious items with context.")
    ] = False,
    backbone: BackboneOpt = None,
    stanza_dir: StanzaDirOpt = None,
) -> None:
    """Score predictions against gold annotations (contract section 4).

    Without --pred, the gold's texts are extracted first. Gold without a text is refused
    (exit 2) unless --unverified: its entity text could not be checked against the document.
    Prints per-label strict and partial P/R/F1 with tp/fp/fn, (label, norm) F1, and record
    and field scores per table; with --out also writes scores.json and errors.txt.
    """
    from pipeline.eval import (
        GoldError,
        GoldSourceError,
        MissingTextError,
        PredictionError,
        format_errors,
        format_report,
        gold_files,
        gold_text_path,
        load_gold,
        load_predictions,
        score_documents,
    )

    resources = _resources(gazetteers, backbone, stanza_dir)
    if texts is not None and not texts.is_dir():
        typer.echo(f"error: --texts {texts}: no such folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:  # gold first: a gold mistake stops eval before a long extraction
        gold_docs = load_gold(gold, texts, require_text=not unverified)
    except MissingTextError as err:
        typer.echo(f"error: {err}\n  --texts DIR names the folder of <doc_id>.txt; "
                   "--unverified scores without the check", err=True)
        raise typer.Exit(EXIT_USAGE) from err
    except GoldSourceError as err:
        _fail(str(err), EXIT_USAGE)
    except GoldError as err:
        _fail(str(err), EXIT_FAILED)
    unchecked = sum(doc.text is None for doc in gold_docs.values())
    if unchecked:
        typer.echo(
            f"warning: {unchecked} of {len(gold_docs)} gold documents unchecked (no text): "
            "their entity text was not compared with the document (--unverified)",
            err=True,
        )
    with tempfile.TemporaryDirectory() as scratch:
        if pred is None:
            from pipeline.run import extract_corpus  # only here: it loads the whole pipeline

            pred = (out or Path(scratch)) / "predictions"
            found = (gold_text_path(path, texts) for path in gold_files(gold))
            extract_corpus([t for t in found if t is not None], pred, resources,
                           on_document=_report)
        try:
            result = score_documents(gold_docs, load_predictions(pred))
        except PredictionError as err:
            _fail(str(err), EXIT_FAILED)
    typer.echo(format_report(result))
    if show_errors:
        typer.echo(format_errors(result))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "scores.json").write_text(result.to_json(), encoding="utf-8")
        (out / "errors.txt").write_text(format_errors(result), encoding="utf-8")
        typer.echo(f"scores: {out / 'scores.json'}, errors: {out / 'errors.txt'}")


@app.command("eval-backbone")
def evaluate_backbone_command(
    conllu: Annotated[
        list[Path], typer.Argument(help="CoNLL-U files (e.g. LVTB's test file) to score on.")
    ],
    ner: Annotated[
        Path | None,
        typer.Option("--ner", help="FullStack-style NER file (CoNLL-2003 columns) to score."),
    ] = None,
    backbone: BackboneOpt = None,
    stanza_dir: StanzaDirOpt = None,
) -> None:
    """Score the Latvian backbone from raw text: token and sentence F1, UPOS, XPOS, features
    and lemma accuracy, UAS and LAS; with --ner, strict NER P/R/F1 per type."""
    from pipeline.annotate.nlp import build_backbone
    from pipeline.eval.backbone import BackboneScores, score_conllu, score_ner

    nlp = build_backbone(_resources(None, backbone, stanza_dir))
    for path in conllu:
        scores: BackboneScores = score_conllu(nlp, path)
        figures = scores.as_dict()
        typer.echo(f"{path.name}: {scores.gold_tokens} tokens, {scores.gold_sentences} sentences")
        for key, value in figures.items():
            typer.echo(f"  {key:<13} {100 * value:6.2f}")
    if ner is not None:
        if "lv_statistical_ner" not in nlp.pipe_names:
            typer.echo("error: no NER model in this backbone", err=True)
            raise typer.Exit(EXIT_FAILED)
        typer.echo(f"{ner.name}: strict NER           P      R     F1  support")
        for label, row in score_ner(nlp, ner).items():
            typer.echo(f"  {label:<24} {100 * row['precision']:6.2f} {100 * row['recall']:6.2f}"
                       f" {100 * row['f1']:6.2f}  {row['support']:>6}")


@app.command("build-gazetteers")
def build_gazetteers_command(
    source: Annotated[
        Path, typer.Option("--source", help="The shared data folder (../shared/data/gazetteers).")
    ] = Path("../shared/data/gazetteers"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write them.")] = Path(
        "gazetteers"
    ),
) -> None:
    """Rebuild the gazetteer files from the public source data (see gazetteers/README.md)."""
    from pipeline.gazetteer import build_gazetteers

    counts = build_gazetteers(source, out)
    for name, count in sorted(counts.items()):
        typer.echo(f"{name}: {count}")


@app.command("tune-fuzzy")
def tune_fuzzy_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold .json files or folders (texts beside).")],
    write: Annotated[
        bool, typer.Option("--write", help="Store the best threshold in pipeline/data/fuzzy.json.")
    ] = False,
) -> None:
    """Learn the typo-matching threshold for place names from gold annotations."""
    from pipeline.annotate.fuzzy import SETTINGS, tune_threshold
    from pipeline.eval import load_gold
    from pipeline.process import load_nlp

    places = ("MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE")
    docs = {
        doc_id: (doc.text, {(m.start, m.end, m.label) for m in doc.mentions if m.label in places})
        for doc_id, doc in load_gold(gold).items()
        if doc.text is not None
    }
    best, table = tune_threshold(load_nlp(Resources()), docs)
    for threshold, (right, wrong) in table.items():
        typer.echo(f"{threshold:>4}  right {right:>3}  wrong {wrong:>3}")
    typer.echo(f"best threshold: {best}")
    if write:
        settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
        settings["threshold"] = best
        SETTINGS.write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n", "utf-8")
        typer.echo(f"written to {SETTINGS}")


@app.command("bench-gazetteer")
def bench_gazetteer_command(
    texts: Annotated[
        Path, typer.Option("--texts", help="Folder of .txt documents to match.")
    ] = Path("corpus"),
    sizes: Annotated[str, typer.Option("--sizes", help="Gazetteer sizes, comma-separated.")] = (
        "100,1000,10000"
    ),
) -> None:
    """Print the place matcher's build time and throughput as the gazetteer grows."""
    from pipeline.benchmarks import bench_gazetteer, corpus_texts, format_gazetteer_figures

    figures = bench_gazetteer(corpus_texts(texts), [int(size) for size in sizes.split(",")])
    typer.echo(format_gazetteer_figures(figures))


@app.command("bench-length")
def bench_length_command(
    sizes: Annotated[
        str, typer.Option("--sizes", help="Document lengths in characters, comma-separated.")
    ] = "10000,100000,1000000",
    source: Annotated[
        Path, typer.Option("--source", help="Folder of .txt releases to build the texts from.")
    ] = Path("corpus"),
) -> None:
    """Print the time and peak memory of one document as its length grows, up to the limit
    of 1,000,000 characters (each size alone in a fresh process; nothing is asserted)."""
    from pipeline.benchmarks import bench_length, format_length_figures

    try:
        size_list = [int(size) for size in sizes.split(",") if size.strip()]
    except ValueError as err:
        _fail(f"--sizes: {err}", EXIT_USAGE)
    typer.echo(format_length_figures(bench_length(size_list, source)))


@app.command("bench")
def bench_command(
    sizes: Annotated[
        str, typer.Option("--sizes", help="Corpus sizes in documents, comma-separated.")
    ] = "100,1000,10000",
    backends: Annotated[
        str,
        typer.Option("--backends", help="Backends to compare, comma-separated: local:N "
                     "(N worker processes) or dask:N."),
    ] = "local:1,local:2",
    source: Annotated[
        Path, typer.Option("--source", help="Folder of .txt releases to build the corpora from.")
    ] = Path("corpus"),
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON to this file.")
    ] = None,
    isolate: Annotated[
        bool,
        typer.Option("--isolate/--no-isolate", help="Run each measurement in a fresh process "
                     "(own startup and peak memory); --no-isolate is quicker, for smoke tests."),
    ] = True,
) -> None:
    """Time the whole pipeline on corpora of growing size built from the sample corpus.

    For each size and backend: documents/s, words/s, time per stage (read, clean+annotate,
    normalise, fill, write), the pipeline build, peak RSS, and the ratio of time per
    document between sizes. The 10,000-document corpus takes a few minutes.
    """
    from pipeline.benchmarks import (
        RunFigures,
        bench_corpus,
        figures_json,
        format_run_figures,
        parse_backend,
    )

    try:
        size_list = [int(size) for size in sizes.split(",") if size.strip()]
        backend_list = [b.strip() for b in backends.split(",") if b.strip()]
        for spec in backend_list:
            parse_backend(spec)
        if not size_list or min(size_list) < 1:
            raise ValueError("sizes must be positive numbers")
    except ValueError as err:
        _fail(str(err), EXIT_USAGE)

    def progress(figure: RunFigures) -> None:
        typer.echo(f"  done: {figure.size} documents, {figure.backend}:{figure.workers} "
                   f"({figure.wall_seconds:.1f}s)", err=True)

    figures = bench_corpus(size_list, backend_list, source, isolate=isolate, on_figures=progress)
    typer.echo(format_run_figures(figures))
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(figures_json(figures), indent=1) + "\n", encoding="utf-8")
        typer.echo(f"figures: {json_path}")


@app.command()
def version() -> None:
    """Print the version (as --version)."""
    _print_version(True)


app.add_typer(
    review_app,
    name="review",
    help="Review and correct: HTML report, Label Studio and spaCy DocBin round trips.",
)

"""``lvextract run``: extract the tables from a batch of releases."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pipeline.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    InputsArg,
    app,
    fail,
    with_cache,
    with_resources,
)
from pipeline.document import DocumentError, Outcome
from pipeline.resources import Resources

if TYPE_CHECKING:
    from pipeline.run import RunResult

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Folder to write the tables into.")]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print nothing but errors (no progress bar).")
]
VerboseOpt = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Log each document (processed, from cache, failed "
                 "at which stage) and the time per stage."),
]
RedactOpt = Annotated[
    bool, typer.Option("--redact", help="Replace private persons' e-mails and phones in outputs.")
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Largest input file read, in bytes.")
]
WorkersOpt = Annotated[
    int,
    typer.Option("--workers", "-j", min=1, help="Worker processes (each builds the "
                 "pipeline once); the outputs are the same bytes for any number."),
]
BackendOpt = Annotated[
    str,
    typer.Option("--backend", help="local (a pool of --workers processes) or dask (the "
                 "same work as a Dask bag on a local process scheduler, or on the cluster "
                 "of --scheduler)."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS",
                 help="Address of a running Dask scheduler (tcp://host:8786) to run on; "
                 "implies --backend dask. Needs the `distributed` extra."),
]
FormatsOpt = Annotated[
    list[str] | None,
    typer.Option("--format", "-f", help="Table format: csv (default), parquet, jsonl or "
                 "xlsx (one workbook, tables.xlsx); repeat the option or give a comma "
                 "list for several."),
]


@app.command()
@with_resources
@with_cache
def run(
    inputs: InputsArg,
    out: OutOpt,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    redact: RedactOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
    workers: WorkersOpt = 1,
    backend: BackendOpt = "local",
    scheduler: SchedulerOpt = None,
    formats: FormatsOpt = None,
    *,
    resources: Resources,
    cache_dir: Path | None,
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
    from pipeline.progress import BarProgress, log_to_stderr, show_progress
    from pipeline.run import extract_corpus

    chosen = _checked_options(inputs, out, formats, backend, quiet, verbose)
    client = _dask_client(scheduler) if scheduler else None
    backend = "dask" if client is not None else backend
    progress = BarProgress() if show_progress(quiet) else None
    with _run_errors(out, client), log_to_stderr(verbose, progress.console if progress else None):
        result = extract_corpus(
            inputs, out, resources, on_document=None if verbose else report_failure,
            cache_dir=cache_dir, redact=redact,
            max_bytes=max_bytes, workers=workers, backend=backend, formats=chosen,
            keep_documents=False, progress=progress, scheduler=client,
        )
    _print_summary(result, out, chosen[0], quiet)
    if verbose:
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items() if k != "total")
        typer.echo(
            f"time: {result.timings.get('total', 0.0):.2f}s with {workers} worker(s), "
            f"{backend} backend ({stages}; pipeline build {result.startup_seconds:.2f}s)",
            err=True,
        )
    raise typer.Exit(EXIT_SOME_FAILED if result.errors else EXIT_OK)


def _checked_options(inputs: list[Path], out: Path, formats: list[str] | None, backend: str,
                     quiet: bool, verbose: bool) -> list[str]:
    """The table formats, after every check a run does before touching anything: a mistake
    exits 2 and leaves OUT as it was."""
    from pipeline.formats import parse_formats
    from pipeline.outdir import OutputFolderError, check_output_folder
    from pipeline.run import check_backend

    try:
        check_inputs(inputs)
        check_output_folder(out)
        chosen = parse_formats(formats)
        check_backend(backend)
        if quiet and verbose:
            raise ValueError("--quiet and --verbose do not go together")
    except (OutputFolderError, ValueError) as err:
        fail(str(err), EXIT_USAGE)
    return chosen


def check_inputs(inputs: list[Path]) -> None:
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


@contextmanager
def _run_errors(out: Path, client: Any) -> Iterator[None]:
    """A run's failures as exit codes (SIGTERM as an interrupt), OUT left as it was; the
    Dask client closed whatever happens."""
    from concurrent.futures.process import BrokenProcessPool

    from pipeline.outdir import OutputFolderError

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        yield
    except KeyboardInterrupt as err:
        typer.echo(f"interrupted: {out}/ left as it was", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from err
    except BrokenProcessPool as err:
        typer.echo(f"error: a worker process died ({err}); {out}/ left as it was", err=True)
        raise typer.Exit(EXIT_FAILED) from err
    except OutputFolderError as err:  # raised before anything is touched
        fail(str(err), EXIT_USAGE)
    except OSError as err:
        typer.echo(f"error: could not write {out}/ ({err}); it is left as it was", err=True)
        raise typer.Exit(EXIT_FAILED) from err
    finally:
        signal.signal(signal.SIGTERM, previous)
        if client is not None:
            client.close()


def _print_summary(result: RunResult, out: Path, table_format: str, quiet: bool) -> None:
    if result.cache_warning:
        typer.echo(f"warning: cache not written ({result.cache_warning})", err=True)
    if not quiet:
        counts = result.counts
        typer.echo(
            f"{counts['documents']} documents -> {out}/: {counts['visits']} visits, "
            f"{counts['centres']} centres, {counts['projects']} projects, "
            f"{counts['mentions']} mentions; {counts['errors']} failed "
            f"(errors.{table_format}); {result.processed} processed, "
            f"{result.cached} from the cache"
        )


def report_failure(outcome: Outcome) -> None:
    """Print a failed document's line on standard error (the others pass silently)."""
    if isinstance(outcome, DocumentError):
        typer.echo(
            f"  FAILED {outcome.doc_id} at {outcome.stage}: {outcome.error}: {outcome.message}",
            err=True,
        )

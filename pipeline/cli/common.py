"""What every ``lvextract`` command shares: the Typer app, exit codes, the options that
choose resources, and how a usage error is reported."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, get_type_hints

import typer

from pipeline.resources import Resources
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

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3
EXIT_INTERRUPTED = 130


def print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"lvextract {__version__} (Python {sys.version.split()[0]})")
        raise typer.Exit(0)


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """Latvian press releases about experience-exchange visits, social-service centres and
    EU projects, turned into tables."""


def optional_path(*flags: str, help: str) -> Any:
    """The type of an option naming a file or folder that may be left out."""
    return Annotated[Path | None, typer.Option(*flags, help=help)]


def done(message: str, failures: int) -> NoReturn:
    """Print what a command wrote and exit: 0, or 3 when some documents failed."""
    typer.echo(message)
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


InputsArg = Annotated[
    list[Path],
    typer.Argument(help=".txt/.html files or folders of them (doc_id = file name stem)."),
]
BackboneOpt = Annotated[
    str | None,
    typer.Option(
        "--backbone",
        help="Latvian backbone: shipped (the project's small spaCy model, default), stanza "
        "(the project's models with its stanza sentence splitter and lemmatizer: slower), "
        "official (stanza's Latvian models from --stanza-dir or stanza's resources folder) "
        "or rules (no model).",
    ),
]
StanzaDirOpt = optional_path(
    "--stanza-dir", help="stanza resources folder for --backbone official."
)
GazetteersOpt = optional_path(
    "--gazetteers", help="Gazetteer folder to use instead of the project's gazetteers/."
)
CacheOpt = optional_path(
    "--cache",
    help="Cache folder of per-document results (default: $LVEXTRACT_CACHE_DIR, "
    "$XDG_CACHE_HOME/lvextract or ~/.cache/lvextract).",
)
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Process every document; read and write no cache.")
]


def fail(message: str, status: int) -> NoReturn:
    """Print ``error: message`` on standard error and exit with ``status``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(status)


def chosen_resources(
    gazetteers: Path | None, backbone: str | None, stanza_dir: Path | None
) -> Resources:
    """The run's resources from its options; an unknown backbone is a usage error."""
    try:
        return Resources.choose(gazetteers, backbone, stanza_dir)
    except ValueError as err:
        fail(str(err), EXIT_USAGE)


def chosen_cache(cache: Path | None, no_cache: bool) -> Path | None:
    """The cache folder of a run, or None with --no-cache."""
    from pipeline.cache import default_cache_dir

    return None if no_cache else (cache or default_cache_dir())


def _option_group(
    options: dict[str, tuple[Any, Any]], into: str, combine: Callable[..., Any]
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator that gives a command the ``options`` (name -> (type, default)) and
    passes it ``combine(**their values)`` as its keyword-only parameter ``into``."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        hints = get_type_hints(command, include_extras=True)
        kept = [p.replace(annotation=hints[p.name])
                for p in inspect.signature(command).parameters.values() if p.name != into]
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                   annotation=kind)
                 for name, (kind, default) in options.items()]

        @functools.wraps(command)
        def with_group(*args: Any, **kwargs: Any) -> Any:
            chosen = {name: kwargs.pop(name) for name in options}
            return command(*args, **kwargs, **{into: combine(**chosen)})

        with_group.__signature__ = inspect.Signature([*kept, *added])  # type: ignore[attr-defined]
        with_group.__annotations__ = {p.name: p.annotation for p in [*kept, *added]}
        return with_group

    return decorate


with_resources = _option_group(
    {"gazetteers": (GazetteersOpt, None), "backbone": (BackboneOpt, None),
     "stanza_dir": (StanzaDirOpt, None)},
    into="resources", combine=chosen_resources,
)
"""--gazetteers, --backbone and --stanza-dir, passed to the command as ``resources``."""

with_cache = _option_group(
    {"cache": (CacheOpt, None), "no_cache": (NoCacheOpt, False)},
    into="cache_dir", combine=chosen_cache,
)
"""--cache and --no-cache, passed to the command as ``cache_dir`` (None: no cache)."""


def int_list(text: str, option: str) -> list[int]:
    """A comma-separated list of positive numbers (``--sizes``); else a usage error."""
    try:
        numbers = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as err:
        fail(f"{option}: {err}", EXIT_USAGE)
    if not numbers or min(numbers) < 1:
        fail(f"{option}: sizes must be positive numbers", EXIT_USAGE)
    return numbers

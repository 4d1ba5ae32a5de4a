"""The ``lvextract`` command: one module per command group.

Each command parses its options and calls one plain function of the package, so code and
tests can call the same functions without the command line. :mod:`.common` holds the app,
the exit codes and the shared options; importing a command module registers its commands
(in the order ``lvextract --help`` lists them).
"""

from pipeline.cli import evaluate, run, tools  # noqa: F401  (registers the commands)
from pipeline.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    app,
    print_version,
)
from pipeline.cli.review import app as review_app

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "app"]


@app.command()
def version() -> None:
    """Print the version (as --version)."""
    print_version(True)


app.add_typer(
    review_app,
    name="review",
    help="Review and correct: HTML report, Label Studio and spaCy DocBin round trips.",
)

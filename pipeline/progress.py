"""What ``lvextract run`` shows while it works: a progress bar on a terminal, log lines.

- The progress bar (rich, which comes with typer) is drawn on standard error only when it
  is a terminal and ``--quiet`` is not given; it disappears when the run ends. Piped or
  redirected output, CI logs and tests see no bar.
- The ``pipeline`` loggers say what happened to each document (``lv-001: processed``,
  ``lv-002: from cache``, ``lv-003: failed at read: ReadError: ...``, logged by
  :mod:`pipeline.run`); ``--verbose`` shows them on standard error, otherwise they go
  nowhere unless the calling program configures logging.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from typing import IO, Any

from pipeline.document import Document, DocumentError

LOGGER = "pipeline"


def show_progress(quiet: bool = False, stream: IO[str] | None = None) -> bool:
    """Whether to draw a progress bar: not with ``quiet``, only on a terminal."""
    stream = sys.stderr if stream is None else stream
    if quiet:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class BarProgress:
    """A rich progress bar of documents done, with counts of cached and failed ones."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console

        self.console = console or Console(stderr=True)
        self.bar: Any = None
        self.task: Any = None
        self.cached = 0
        self.failed = 0

    def start(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[note]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("documents", total=total, note="")

    def loading(self, busy: bool) -> None:
        """Show the model loading as its own step (the bar would sit at 0 meanwhile)."""
        if self.bar is not None:
            self.bar.update(self.task, description="loading models" if busy else "documents")

    def advance(self, outcome: Document | DocumentError, how: str) -> None:
        if isinstance(outcome, DocumentError):
            self.failed += 1
        elif how == "cached":
            self.cached += 1
        if self.bar is not None:
            note = f"{self.cached} cached, {self.failed} failed"
            self.bar.update(self.task, advance=1, note=note)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextlib.contextmanager
def log_to_stderr(verbose: bool, console: Any = None) -> Iterator[None]:
    """With ``verbose``, show the ``pipeline`` loggers' INFO lines on standard error (through
    ``console`` when a progress bar is drawn on it, so lines and bar do not mix)."""
    if not verbose:
        yield
        return
    handler: logging.Handler
    if console is not None:
        from rich.logging import RichHandler

        handler = RichHandler(console=console, show_time=False, show_path=False)
        handler.setFormatter(logging.Formatter("%(message)s"))
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger(LOGGER)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)

"""``python -m pipeline`` is the ``lvextract`` command."""

from pipeline.cli import app

app(prog_name="lvextract")

"""Stage 5, fill: a document's normalised mentions and sentences -> visit, centre, project rows.

Each table has its own module; they read the document through :mod:`.context` only.
"""

from __future__ import annotations

from pipeline.document import Document
from pipeline.fill.centres import find_centres
from pipeline.fill.projects import find_projects
from pipeline.fill.visits import find_visits


def fill_tables(document: Document) -> Document:
    """Set ``document.visits``, ``.centres`` and ``.projects``."""
    document.visits = find_visits(document)
    document.centres = find_centres(document)
    document.projects = find_projects(document)
    return document

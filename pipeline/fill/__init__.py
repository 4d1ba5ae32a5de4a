"""Stage 5, fill: a document's normalised mentions and sentences -> visit, centre, project rows.

Each table has its own module; they read the document through :mod:`.context` only.
"""

from __future__ import annotations

from pipeline.document import Document
from pipeline.fill.centres import find_centres
from pipeline.fill.context import sentences
from pipeline.fill.projects import find_projects
from pipeline.fill.visits import find_visits
from pipeline.gazetteer.kb import KnowledgeBase


def fill_tables(document: Document, kb: KnowledgeBase) -> Document:
    """Set ``document.visits``, ``.centres`` and ``.projects`` (from one reading of the
    document's sentences); ``kb`` is the run's gazetteer knowledge base."""
    sents = sentences(document)
    document.projects = find_projects(document, sents)
    document.visits = find_visits(document, sents, document.projects, kb)
    document.centres = find_centres(document, sents, kb)
    return document

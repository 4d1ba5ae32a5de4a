"""Fixtures shared by the pipeline's tests: the built spaCy pipeline, built once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pipeline.document import Document


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that build the model pipeline are ``slow``: ``pytest -m "not slow"`` runs the
    rest (fill on hand-built documents, readers, writers, eval) in a fraction of the time."""
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's annotation pipeline over the project's gazetteers.

    ``pipeline.process.load_nlp`` caches it, so ``extract`` reuses this very object and the
    few seconds the build takes are paid once.
    """
    from pipeline.process import load_nlp
    from pipeline.resources import Resources

    return load_nlp(Resources())


@pytest.fixture(scope="session")
def run_text(nlp: Language) -> Callable[..., Document]:
    """``extract`` on one text, with the session's pipeline already built."""
    from pipeline.run import extract

    def _run(text: str, doc_id: str = "test") -> Document:
        return extract(text, doc_id=doc_id)

    return _run


@pytest.fixture(scope="session")
def found(run_text: Callable[..., Document]) -> Callable[[str], list[tuple[str, str, str | None]]]:
    """The document's mentions as (label, text, norm), in text order."""

    def _found(text: str) -> list[tuple[str, str, str | None]]:
        return [(m.label, m.text, m.norm) for m in run_text(text).mentions]

    return _found

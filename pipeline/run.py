"""The data path end to end: read -> clean -> annotate -> normalise -> fill -> write.

:func:`extract` runs one text; :func:`extract_corpus` runs files and folders and writes the
tables. A document that fails at any stage is recorded as a :class:`DocumentError` with the
stage's name, and the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.language import Language

from pipeline.annotate.nlp import annotate, build_nlp
from pipeline.clean import clean
from pipeline.document import Document, DocumentError
from pipeline.fill import fill_tables
from pipeline.normalise.mentions import normalise
from pipeline.read import read_documents
from pipeline.write import write_outputs


@cache
def load_nlp(gazetteer_dir: Path | None = None) -> Language:
    """The annotation pipeline, built once per process and gazetteer folder."""
    return build_nlp(gazetteer_dir)


def _clean(document: Document) -> Document:
    document.clean = clean(document.text)
    return document


def stages(nlp: Language) -> tuple[tuple[str, Callable[[Document], Document]], ...]:
    """The per-document stages after reading, in order, with the names errors report."""
    return (
        ("clean", _clean),
        ("annotate", lambda d: annotate(d, nlp)),
        ("normalise", normalise),
        ("fill", fill_tables),
    )


def process(document: Document, nlp: Language) -> Document | DocumentError:
    """Run every stage on one document; the first failure becomes its error record."""
    for name, stage in stages(nlp):
        try:
            document = stage(document)
        except Exception as err:  # one bad document must not stop a batch
            return DocumentError(document.doc_id, name, type(err).__name__, str(err), document.path)
    return document


def extract(text: str, doc_id: str = "document", gazetteer_dir: Path | None = None) -> Document:
    """Extract mentions and table rows from one press release; raises if a stage fails."""
    result = process(Document(doc_id=doc_id, text=text), load_nlp(gazetteer_dir))
    if isinstance(result, DocumentError):
        raise RuntimeError(
            f"{result.doc_id}: {result.stage} failed: {result.error}: {result.message}"
        )
    return result


@dataclass
class RunResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def extract_documents(
    inputs: Iterable[Path],
    gazetteer_dir: Path | None = None,
    on_document: Callable[[Document | DocumentError], None] | None = None,
) -> RunResult:
    """Read and process every input file; nothing is written."""
    nlp = load_nlp(gazetteer_dir)
    result = RunResult()
    for item in read_documents(inputs):
        outcome = item if isinstance(item, DocumentError) else process(item, nlp)
        if isinstance(outcome, DocumentError):
            result.errors.append(outcome)
        else:
            result.documents.append(outcome)
        if on_document is not None:
            on_document(outcome)
    return result


def extract_corpus(
    inputs: Sequence[Path],
    out_dir: Path,
    gazetteer_dir: Path | None = None,
    on_document: Callable[[Document | DocumentError], None] | None = None,
) -> RunResult:
    """Process files and folders of ``.txt`` releases and write the tables into ``out_dir``."""
    result = extract_documents(inputs, gazetteer_dir, on_document)
    result.counts = write_outputs(result.documents, result.errors, out_dir)
    return result

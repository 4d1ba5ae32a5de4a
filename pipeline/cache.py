"""Resumable runs: each document's result stored by what it depends on.

An entry's key is the SHA-256 of the pipeline fingerprint, the ``doc_id`` (table rows carry
it) and the document's text (after decoding and HTML extraction). The fingerprint covers
the lvextract version, spaCy's version, every source and data file of the ``pipeline``
package and every file of the gazetteer folder in use: change any of them and every
document is processed again. An entry is one JSON file with the document's mentions and
its visit, centre and project records, under ``DIR/<fingerprint[:16]>/<key[:2]>/<key>.json``,
written atomically. Failed documents are not stored (they are retried). A missing, corrupt
or unreadable entry is a miss; a cache that cannot be written never fails a run. The
folder can be deleted at any time.

Default folder: ``$LVEXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/lvextract``, else
``~/.cache/lvextract``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline.document import Centre, Document, Mention, Project, Visit
from pipeline.resources import MODEL_DIR, Resources
from pipeline.version import __version__

CACHE_ENV = "LVEXTRACT_CACHE_DIR"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_SOURCE_SUFFIXES = (".py", ".json", ".jsonl", ".tsv", ".txt")


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "lvextract"


def _hash_tree(digest: Any, root: Path, suffixes: tuple[str, ...] | None) -> None:
    if not root.is_dir():
        digest.update(f"missing:{root.name}".encode())
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
            continue
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def fingerprint(resources: Resources) -> str:
    """What a document's result depends on besides its text (module docstring).

    Computed afresh on every call (a few hundredths of a second, most of it hashing the
    shipped models), so a long-lived process sees code, data or models changed under it."""
    digest = hashlib.sha256()
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:  # pragma: no cover
        spacy_version = "?"
    digest.update(f"lvextract {__version__}; spacy {spacy_version}; cache {FORMAT}\n".encode())
    _hash_tree(digest, _PACKAGE, _SOURCE_SUFFIXES)
    _hash_tree(digest, resources.gazetteers, None)
    digest.update(f"backbone {resources.backbone} {resources.stanza_dir}\n".encode())
    if resources.backbone in ("shipped", "stanza"):  # a retrained model changes every result
        _hash_tree(digest, MODEL_DIR, None)
    return digest.hexdigest()


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_jsonable(v) for v in value), key=repr)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


class ResultCache:
    """Per-document results under ``root``, for one pipeline fingerprint."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint
        self.folder = self.root / fingerprint[:16]
        self.write_failed: str | None = None

    def key(self, doc_id: str, text: str) -> str:
        """A file name's undecodable bytes (kept as surrogates) count like any others."""
        payload = json.dumps([self.fingerprint, doc_id, text], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> Document | None:
        """The stored result for this document's ``doc_id`` and text, or None."""
        path = self._path(self.key(document.doc_id, document.text))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("doc_id") != document.doc_id:
                return None
            return Document(
                doc_id=document.doc_id,
                text=document.text,
                path=document.path,
                mentions=[Mention(**m) for m in data["mentions"]],
                visits=[Visit(**v) for v in data["visits"]],
                centres=[Centre(**c) for c in data["centres"]],
                projects=[Project(**p) for p in data["projects"]],
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, document: Document) -> None:
        """Store a processed document's result; failures are remembered, never raised."""
        data = {
            "format": FORMAT,
            "doc_id": document.doc_id,
            "mentions": [_jsonable(asdict(m)) for m in document.mentions],
            "visits": [_jsonable(asdict(v)) for v in document.visits],
            "centres": [_jsonable(asdict(c)) for c in document.centres],
            "projects": [_jsonable(asdict(p)) for p in document.projects],
        }
        path = self._path(self.key(document.doc_id, document.text))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as err:
            self.write_failed = f"{type(err).__name__}: {err}"

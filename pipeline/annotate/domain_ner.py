"""The domain NER as one more finder: names of the genre that no list or rule knows.

The model (``pipeline/models/lv/domain_ner``, trained by ``training/train_domain_ner.py`` on
the project's own corpus and FullStack-LV's organisations) tags ORG, CENTRE, PROJECT,
PROGRAMME and FOREIGN_PLACE spans in press releases. It runs as ``lv_domain_ner``;
``lv_domain_candidates`` turns the spans of the labels in ``pipeline/data/domain_ner.json``
into candidates with source ``domain_ner`` where no rule, list or gazetteer candidate
overlaps them (the gazetteers and rules know their spans and norms better), and clears
``doc.ents`` for the resolver. Norms: a quoted name's words inside the quotes (CENTRE,
PROJECT), an organisation's or programme's head in the nominative, a foreign place's
nominative guessed from its case ending.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.ner import norm as head_norm
from pipeline.annotate.spans import Hit, add_candidates, candidates
from pipeline.gazetteer.inflect import nominative_of
from pipeline.resources import MODEL_DIR

DATA = Path(__file__).resolve().parents[1] / "data" / "domain_ner.json"
MODEL = MODEL_DIR / "domain_ner"
SOURCE = "domain_ner"
_QUOTED = re.compile(r"[\"“”„«»]\s*(?P<name>[^\"“”„«»]+?)\s*[\"“”„«»]")


@cache
def settings() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def add_domain_ner(nlp: Language, path: Path = MODEL) -> bool:
    """Source the domain NER into ``nlp`` as ``lv_domain_ner`` and its candidate maker after
    it; False when the model is absent (the pipeline then runs without it)."""
    if not (path / "config.cfg").is_file():
        return False
    import spacy

    nlp.add_pipe("ner", name="lv_domain_ner", source=spacy.load(path))
    nlp.add_pipe("lv_domain_candidates")
    return True


def domain_norm(span: Span, label: str) -> str:
    """The canonical form of a domain NER span (module docstring)."""
    if label in ("CENTRE", "PROJECT"):
        quoted = _QUOTED.search(span.text)
        if quoted:
            return quoted.group("name")
    if label == "FOREIGN_PLACE":
        return nominative_of(span.text) or span.text
    return head_norm(span, label)


def domain_hits(doc: Doc) -> list[Hit]:
    """The taken labels' spans in ``doc.ents`` that overlap no other finder's candidate."""
    taken = {i for c in candidates(doc) for i in range(c.token_start, c.token_end)}
    wanted = set(settings()["take"])
    score = settings()["score"]
    return [
        Hit(ent.start_char, ent.end_char, ent.label_, domain_norm(ent, ent.label_), SOURCE,
            score)
        for ent in doc.ents
        if ent.label_ in wanted and not taken & set(range(ent.start, ent.end))
    ]


@Language.component("lv_domain_candidates", assigns=["doc._.candidates"])
def domain_candidates(doc: Doc) -> Doc:
    """Add the domain NER's spans as candidates and leave ``doc.ents`` to the resolver."""
    add_candidates(doc, domain_hits(doc))
    doc.ents = []
    return doc

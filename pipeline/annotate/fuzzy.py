"""Place names with a typo ("Daugavpis", "Gulbnes novada", "Rīgas plānošans reģions").

Runs after the exact gazetteer matcher, on capitalised words it left uncovered: a word (or
two or three words from it) is compared with the gazetteer's surface forms of the same word
count by rapidfuzz's normalised Levenshtein ratio. Guards keep it from inventing places:
only words of ``min_length`` letters or more, never all-caps words or codes, the same first
letter, a length within ``max_length_gap``, and a ratio at or above ``threshold`` — a value
tuned on gold by :func:`tune_threshold` and stored in ``pipeline/data/fuzzy.json``. The
mention keeps the ratio as its score.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.gazetteer import fits_head, place_facts
from pipeline.annotate.spans import Hit, add_candidates, candidates
from pipeline.gazetteer.kb import KnowledgeBase, Place, knowledge_base

SETTINGS = Path(__file__).resolve().parents[1] / "data" / "fuzzy.json"
MAX_WORDS = 3
FUZZY_EXCLUDED_KINDS = frozenset({"ciems"})


@dataclass(frozen=True)
class FuzzySettings:
    threshold: float
    min_length: int
    max_length_gap: int


def settings() -> FuzzySettings:
    data = json.loads(SETTINGS.read_text(encoding="utf-8"))
    return FuzzySettings(data["threshold"], data["min_length"], data["max_length_gap"])


@cache
def _forms_by_key(kb: KnowledgeBase) -> dict[tuple[str, int, int], list[str]]:
    """Lower-cased surface forms grouped by (first letter, word count, length), villages
    left out: thousands of short village names would turn common words into places."""
    grouped: defaultdict[tuple[str, int, int], list[str]] = defaultdict(list)
    for form, places in kb.by_form.items():
        if any(p.kind not in FUZZY_EXCLUDED_KINDS for p in places):
            grouped[(form[0], len(form.split()), len(form))].append(form)
    return {key: sorted(forms) for key, forms in grouped.items()}


class FuzzyPlaceMatcher:
    """The component: ``config`` can be replaced between documents (see tune_threshold)."""

    def __init__(self, kb: KnowledgeBase, config: FuzzySettings) -> None:
        self.config = config
        self.by_form = kb.by_form
        self.forms = _forms_by_key(kb)
        self.head_by_form = {f.lower(): h for h in kb.heads.values() for f in h.surface}
        self._choice_lists: dict[tuple[str, int, int], list[str]] = {}

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Hit]:
        """Typo matches over words no finder covered; a phrase may also run over an exact
        place ("Rīgas" + "plānošans reģions"), never over another finder's words."""
        found = candidates(doc)
        covered = {i for c in found for i in range(c.token_start, c.token_end)}
        owned = covered - {
            i
            for c in found
            if c.hit.source.startswith("gazetteer")
            for i in range(c.token_start, c.token_end)
        }
        hits = []
        for token in doc:
            if token.i in owned or not self._may_be_a_name(token.text):
                continue
            for words in range(MAX_WORDS, 0, -1):
                span = doc[token.i : token.i + words]
                inside = set(range(span.start, span.end))
                if len(span) < words or inside & owned or not inside - covered:
                    continue
                hit = self._match(span)
                if hit:
                    hits.append(hit)
                    covered |= inside
                    break
        return hits

    def _may_be_a_name(self, text: str) -> bool:
        return (
            len(text) >= self.config.min_length
            and text[0].isupper()
            and text.isalpha()
            and not text.isupper()
        )

    def _choices(self, first: str, words: int, length: int) -> list[str]:
        """The forms a query could be a typo of (same first letter and number of words, a
        length within the gap), in alphabetical order, as ties go to the first; the same
        few keys recur in every document, so each list is sorted once."""
        key = (first, words, length)
        if key not in self._choice_lists:
            gap = self.config.max_length_gap
            self._choice_lists[key] = sorted(chain.from_iterable(
                self.forms.get((first, words, n), ()) for n in range(length - gap, length + gap + 1)
            ))
        return self._choice_lists[key]

    def _match(self, span: Span) -> Hit | None:
        query = span.text.lower()
        if query in self.by_form:
            return None  # an exact form the exact matcher chose not to use
        best = process.extractOne(
            query, self._choices(query[0], len(span), len(query)), scorer=fuzz.ratio,
            score_cutoff=self.config.threshold,
        )
        if best is None:
            return None
        form, ratio, _ = best
        place = self._best_place(self.by_form[form], span)
        if place is None:
            return None
        score = round(ratio / 100, 3)
        return Hit(
            span.start_char,
            span.end_char,
            place.label,
            place.norm,
            "gazetteer.fuzzy",
            score,
            place_facts(place),
        )

    def _best_place(self, places: tuple[Place, ...], span: Span) -> Place | None:
        head = self.head_by_form.get(span[-1].lower_) if len(span) > 1 else None
        if head is not None:
            places = tuple(p for p in places if fits_head(p, head)) or places
        return places[0] if places else None


@Language.factory("lv_fuzzy_places", assigns=["doc._.candidates"])
def make_fuzzy_places(nlp: Language, name: str, gazetteer_dir: str):
    """Add typo-tolerant place candidates where no other finder found anything."""
    return FuzzyPlaceMatcher(knowledge_base(Path(gazetteer_dir)), settings())


PLACE_LABELS = ("MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE")


def tune_threshold(
    nlp: Language, gold: dict[str, tuple[str, set[tuple[int, int, str]]]], lowest: int = 75
) -> tuple[int, dict[int, tuple[int, int]]]:
    """The threshold that best separates right from wrong typo matches on gold.

    Args:
        nlp: the annotation pipeline (its fuzzy component is run at ``lowest``).
        gold: doc_id -> (text, gold (start, end, label) place spans); texts must need no
            cleaning for their offsets to compare (gold offsets are on the original text).
    Returns:
        The best threshold (most right minus wrong matches kept; on a tie the lowest, which
        keeps the most typos for unseen text) and per threshold the (right, wrong) fuzzy
        matches it keeps.
    """
    component: FuzzyPlaceMatcher = nlp.get_pipe("lv_fuzzy_places")
    saved = component.config
    component.config = FuzzySettings(lowest, saved.min_length, saved.max_length_gap)
    try:
        scored: list[tuple[float, bool]] = []
        for text, spans in gold.values():
            for ent in nlp(text).ents:
                if ent._.source == "gazetteer.fuzzy" and ent.label_ in PLACE_LABELS:
                    right = (ent.start_char, ent.end_char, ent.label_) in spans
                    scored.append((ent._.score * 100, right))
    finally:
        component.config = saved
    table = {
        t: (
            sum(1 for s, ok in scored if ok and s >= t),
            sum(1 for s, ok in scored if not ok and s >= t),
        )
        for t in range(lowest, 101)
    }
    best = max(table, key=lambda t: (table[t][0] - table[t][1], -t))
    return best, table

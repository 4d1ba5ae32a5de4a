"""Benchmarks that print figures (never timed tests): how the place matcher scales.

``bench_gazetteer`` builds the place matcher over gazetteers of growing size and runs it on
the same documents: build time should grow with the number of names, matching time should
not (spaCy's PhraseMatcher looks tokens up in a hash table). Every size holds the places
the documents name, so the hits stay the same; the rest are made-up villages (real village
names with a common Latvian prefix, "Jaun-", "Vec-", declined by the project's own rules),
so the forms are realistic but never occur in the text.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from pipeline.annotate.gazetteer import PlaceMatcher
from pipeline.annotate.nlp import build_nlp
from pipeline.gazetteer.inflect import surface_forms
from pipeline.gazetteer.kb import Place, load_heads, load_places

SYNTHETIC_PREFIXES = ("Jaun", "Vec", "Liel", "Maz", "Augš", "Lej")


@dataclass(frozen=True)
class GazetteerFigures:
    """``lookup_seconds`` is the PhraseMatcher alone (should stay flat); ``match_seconds``
    adds choosing among candidates and walking lists, which grows with ``hits``."""

    names: int
    forms: int
    build_seconds: float
    lookup_seconds: float
    match_seconds: float
    hits: int
    documents: int
    tokens: int

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.lookup_seconds if self.lookup_seconds else float("inf")


def _synthetic(real: Sequence[Place]) -> Iterator[Place]:
    """Endless made-up villages: a prefix plus a real village name ("Jaunkalnciems")."""
    villages = [p for p in real if p.kind == "ciems"]
    for prefix in SYNTHETIC_PREFIXES:
        for village in villages:
            name = prefix + village.norm.lower()
            try:
                forms = tuple(surface_forms(name))
            except ValueError:
                continue
            yield replace(village, key=f"synthetic:{name}", norm=name, forms=forms, id=None)


def gazetteer_of_size(size: int, named: Sequence[Place], real: Sequence[Place]) -> list[Place]:
    """``size`` places: those the documents name, then made-up villages."""
    places = list(named[:size])
    synthetic = _synthetic(real)
    while len(places) < size:
        places.append(next(synthetic))
    return places


def _named_places(matcher: PlaceMatcher, docs: Sequence[Doc]) -> list[Place]:
    """The places whose forms occur in ``docs``."""
    named: dict[str, Place] = {}
    for doc in docs:
        for _, start, end in matcher.matcher(doc):
            for place in matcher.by_form.get(doc[start:end].text.lower(), ()):
                named.setdefault(place.key, place)
    return list(named.values())


def bench_gazetteer(
    texts: Sequence[str], sizes: Sequence[int] = (100, 1_000, 10_000), repeats: int = 3
) -> list[GazetteerFigures]:
    """Build time and matching time of the place matcher per gazetteer size (medians)."""
    nlp = build_nlp()
    docs = [nlp.make_doc(text) for text in texts]
    tokens = sum(len(doc) for doc in docs)
    real = load_places()
    heads = load_heads()
    named = _named_places(PlaceMatcher(nlp, real, heads), docs)
    figures = []
    for size in sizes:
        places = gazetteer_of_size(size, named, real)
        builds, lookups, matches = [], [], []
        for _ in range(repeats):
            started = time.perf_counter()
            matcher = PlaceMatcher(nlp, places, heads)
            builds.append(time.perf_counter() - started)
            started = time.perf_counter()
            for doc in docs:
                matcher.matcher(doc)
            lookups.append(time.perf_counter() - started)
            started = time.perf_counter()
            hits = sum(len(matcher.find(doc)) for doc in docs)
            matches.append(time.perf_counter() - started)
        forms = len({form for place in places for form in place.forms})
        figures.append(
            GazetteerFigures(
                names=len(places),
                forms=forms,
                build_seconds=statistics.median(builds),
                lookup_seconds=statistics.median(lookups),
                match_seconds=statistics.median(matches),
                hits=hits,
                documents=len(docs),
                tokens=tokens,
            )
        )
    return figures


def format_gazetteer_figures(figures: Sequence[GazetteerFigures]) -> str:
    lines = [
        f"{'names':>7} {'forms':>8} {'build s':>9} {'lookup s':>9} {'tokens/s':>11} "
        f"{'hits':>6} {'match s':>9}"
    ]
    for f in figures:
        lines.append(
            f"{f.names:>7} {f.forms:>8} {f.build_seconds:>9.3f} {f.lookup_seconds:>9.4f} "
            f"{f.tokens_per_second:>11,.0f} {f.hits:>6} {f.match_seconds:>9.4f}"
        )
    docs = figures[0].documents if figures else 0
    lines.append(f"(matching {docs} documents per size; medians)")
    return "\n".join(lines)


def corpus_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]

"""Gazetteer knowledge base: places, head nouns, names, organisations and programmes.

``build_gazetteers`` derives the files under ``gazetteers/`` from the shared source data;
a :class:`KnowledgeBase` reads them at run time.
"""

from pipeline.gazetteer.build import build_gazetteers
from pipeline.gazetteer.inflect import decline, guess_spec, surface_forms
from pipeline.gazetteer.kb import (
    Head,
    KnowledgeBase,
    Place,
    knowledge_base,
    load_heads,
    load_places,
)

__all__ = [
    "Head",
    "KnowledgeBase",
    "Place",
    "build_gazetteers",
    "decline",
    "guess_spec",
    "knowledge_base",
    "load_heads",
    "load_places",
    "surface_forms",
]

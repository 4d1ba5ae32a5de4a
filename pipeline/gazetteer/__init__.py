"""Gazetteer knowledge base: places, head nouns, names, organisations and programmes.

``build_gazetteers`` derives the files under ``gazetteers/`` from the shared source data;
``load_places``/``places_by_form`` and friends read them at run time.
"""

from pipeline.gazetteer.build import build_gazetteers
from pipeline.gazetteer.inflect import decline, guess_spec, surface_forms
from pipeline.gazetteer.kb import (
    Head,
    Place,
    load_heads,
    load_places,
    places_by_form,
    places_by_modifier,
)

__all__ = [
    "Head",
    "Place",
    "build_gazetteers",
    "decline",
    "guess_spec",
    "load_heads",
    "load_places",
    "places_by_form",
    "places_by_modifier",
    "surface_forms",
]

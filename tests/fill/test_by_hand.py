"""The table fillers on documents built by hand: no model, no annotate stage.

A document is what annotate and normalise would leave: the clean text, a spaCy ``Doc``
with sentences (the rule backbone: the project's tokenizer and press sentence rules, no
model) and the normalised mentions with their gazetteer facts, here written out. So fill
is tested for what it does with given mentions, whatever the finders find.
"""

from __future__ import annotations

import pytest

from pipeline.annotate.nlp import build_backbone
from pipeline.clean import clean
from pipeline.document import Document, Mention
from pipeline.fill import fill_tables
from pipeline.gazetteer.kb import knowledge_base
from pipeline.resources import PACKAGED_GAZETTEERS, Resources

NOVADS = {"kind": "novads", "country": "LV"}


@pytest.fixture(scope="module")
def blank():
    return build_backbone(Resources(backbone="rules"))


@pytest.fixture(scope="module")
def kb():
    return knowledge_base(PACKAGED_GAZETTEERS)


def by_hand(blank, text: str, *mentions: tuple[str, str, str, dict]) -> Document:
    """A document over ``text`` with (label, surface text, norm, facts) mentions, each at
    the first place its surface text stands."""
    document = Document("rokas-01", text, clean=clean(text))
    document.doc = blank(document.clean.text)
    for label, surface, norm, facts in mentions:
        start = text.index(surface)
        end = start + len(surface)
        document.mentions.append(Mention(start, end, surface, label, norm, clean_start=start,
                                         clean_end=end, facts=dict(facts), doc_id="rokas-01"))
    return document


VISIT = (
    "2024. gada 12. martā Ludzas novada sociālā dienesta darbinieki devās pieredzes apmaiņas "
    "braucienā uz Valmieras novadu. Viesi apmeklēja dienas centru „Saulespuķe”."
)


def test_a_visit_is_filled_from_given_mentions(blank, kb) -> None:
    document = by_hand(
        blank, VISIT,
        ("DATE", "2024. gada 12. martā", "2024-03-12", {}),
        ("MUNICIPALITY", "Ludzas novada", "Ludzas novads", NOVADS),
        ("MUNICIPALITY", "Valmieras novadu", "Valmieras novads", NOVADS),
        ("CENTRE", "dienas centru „Saulespuķe”", 'dienas centrs "Saulespuķe"', {}),
    )
    [visit] = fill_tables(document, kb).visits
    assert (visit.date_start, visit.date_end) == ("2024-03-12", "2024-03-12")
    assert visit.origin_municipalities == ["Ludzas novads"]
    assert visit.destination_municipalities == ["Valmieras novads"]
    assert visit.visit_id.startswith("rokas-01")


def test_without_a_visit_word_no_visit_is_filled(blank, kb) -> None:
    text = "2024. gada 12. martā Valmieras novadā atvēra dienas centru „Saulespuķe”."
    document = by_hand(
        blank, text,
        ("DATE", "2024. gada 12. martā", "2024-03-12", {}),
        ("MUNICIPALITY", "Valmieras novadā", "Valmieras novads", NOVADS),
    )
    assert fill_tables(document, kb).visits == []


def test_the_origin_is_read_from_the_visiting_service_name(blank, kb) -> None:
    document = by_hand(
        blank, VISIT,
        ("DATE", "2024. gada 12. martā", "2024-03-12", {}),
        ("ORG", "Ludzas novada sociālā dienesta", "Ludzas novada sociālais dienests", {}),
        ("MUNICIPALITY", "Valmieras novadu", "Valmieras novads", NOVADS),
    )
    [visit] = fill_tables(document, kb).visits
    assert visit.origin_municipalities == ["Ludzas novads"]
    assert visit.destination_municipalities == ["Valmieras novads"]


def test_a_centre_takes_its_municipality_from_the_place_beside_it(blank, kb) -> None:
    text = "Valmieras novadā durvis vēra dienas centrs „Saulespuķe”, kurā strādās divi speciālisti."
    document = by_hand(
        blank, text,
        ("MUNICIPALITY", "Valmieras novadā", "Valmieras novads", NOVADS),
        ("CENTRE", "dienas centrs „Saulespuķe”", "Saulespuķe", {"centre_type": "day_centre"}),
    )
    [centre] = fill_tables(document, kb).centres
    assert (centre.name, centre.centre_type) == ("Saulespuķe", "day_centre")
    assert centre.municipality == "Valmieras novads"

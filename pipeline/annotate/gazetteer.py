"""Place names from the gazetteer: every inflected form, and lists that share one head word.

Three passes over the ``Doc``:

1. A phrase index (:class:`~pipeline.annotate.tokenizer.PhraseIndex`, what spaCy's
   ``PhraseMatcher`` finds) over every surface form of every place ("Jelgavas novadā",
   "Preiļos", "LPR"), case-insensitive but requiring the name to start with a capital.
2. Shared-head lists: from a head word ("novadā", "pagastā", "pašvaldībās") leftwards over
   "X, Y un Z" — each genitive name part becomes its own mention of the place whose head
   this is ("Balvu, Krāslavas un Ludzas novadā" -> three municipalities) — and rightwards
   after a dash ("septiņu novadu – Amatas, Līgatnes un Raunas"). A head that stays outside
   spans ("pašvaldībās") also turns the name right before it into a mention.
3. A capitalised name the gazetteer lacks, followed by a country in brackets, is a place
   abroad in that country ("Klippanas (Zviedrija)" -> Klippana, SE).

A list hit has structural support (a head word) and outranks the same span matched as a
bare form ("Balvu" before "novadā" is Balvu novads, not the town Balvi). Candidates for
one form are ranked by the knowledge base (current units before historical
ones, towns before villages); a head word in the form restricts them to places of that
head, which settles Rēzekne (city) against Rēzeknes novads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.annotate.names import lexicon, people_nouns
from pipeline.annotate.spans import Hit, add_candidates, candidates, doc_text
from pipeline.annotate.tokenizer import PhraseIndex
from pipeline.gazetteer.inflect import decline, nominative_of
from pipeline.gazetteer.kb import (
    Head,
    KnowledgeBase,
    Place,
    before_reform,
    index_by_form,
    index_by_modifier,
    knowledge_base,
)

LIST_GLUE = frozenset({",", "un", "vai", "&"})
DASHES = frozenset("-–—")
LIST_OPENERS = frozenset({"–", "—", "-", ":"})  # "septiņu novadu – Amatas, Līgatnes, ..."
FORM_SCORE = 0.95  # a bare form; a list hit backed by its head word scores 1.0
FOREIGN_UNKNOWN_KIND = "foreign_place"  # a place the gazetteer lacks, known by its country
# Heads that may name a municipality of either kind ("Jelgavas pašvaldība" is the city).
MUNICIPAL_HEADS = frozenset({"pašvaldība"})
CITY_HEADS = frozenset({"pilsēta"})
FACT_FIELDS = (
    "id",
    "kind",
    "country",
    "parent",
    "parent_id",
    "parent_2009",
    "region",
    "successor",
    "successor_id",
)


def place_facts(place: Place) -> dict[str, Any]:
    """What the later stages may need to know of a place (``id`` becomes the mention's id)."""
    return {name: getattr(place, name) for name in FACT_FIELDS if getattr(place, name)}


def _hit(place: Place, start: int, end: int, source: str, score: float = 1.0) -> Hit:
    return Hit(start, end, place.label, place.norm, source, score, place_facts(place))


# Words inside quotes are a name ("“Ventspils novadnieks”", VSAC “Kurzeme”), no place.
_QUOTED_TEXT = re.compile(r"[“„«\"]([^“”„«»\"\n]{1,80})[”“»\"]")


def _speaks_of(doc: Doc) -> str | None:
    """The latest full date (year, month and day) among the DATE candidates: when the
    release speaks (the rules run first)."""
    days = [
        h.norm.split("/")[-1]
        for h in (c.hit for c in candidates(doc))
        if h.label == "DATE" and h.norm and re.fullmatch(r"\d{4}-\d\d-\d\d(?:/.*)?", h.norm)
    ]
    return max(days, default=None)


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


@cache
def _non_name_words() -> frozenset[str]:
    return frozenset(lexicon()["non_name_words"])


@cache
def _street_words() -> re.Pattern[str]:
    return re.compile(lexicon()["street_words"])


def _in_street_or_compound(doc: Doc, start: int, end: int) -> bool:
    """ "Liepu ielā 7" is an address and "Latvijas–Lietuvas" a compound adjective (of a
    programme or a border area): neither names a place on its own."""
    if end < len(doc) and _street_words().fullmatch(doc[end].lower_):
        return True
    # the characters either side, read off the neighbouring tokens (``doc.text`` would
    # join the whole document again for every hit)
    before = doc[start - 1].text_with_ws[-1] if start else " "
    last = doc[end - 1]
    after = " " if last.whitespace_ or end == len(doc) else doc[end].text[0]
    return before in DASHES or after in DASHES


def _names_people(doc: Doc, end: int) -> bool:
    """Do people of the place follow ("Tukuma un Talsu sociālie darbinieki")? Then the
    town's genitive stands for its municipality, as releases mean it."""
    i = end
    while i + 1 < len(doc) and doc[i].lower_ in LIST_GLUE and _capitalised(doc[i + 1].text):
        i += 2
    for token in doc[i : i + 3]:
        if people_nouns().fullmatch(token.text):
            return True
        if not token.is_lower:
            return False
    return False


def fits_head(place: Place, head: Head) -> bool:
    """Can ``place`` be the name part before ``head``?"""
    if place.head == head.lemma:
        return True
    if head.lemma in MUNICIPAL_HEADS:
        return place.label == "MUNICIPALITY"
    if head.lemma in CITY_HEADS:
        return place.kind in ("valstspilsēta", "pilsēta", "republikas_pilsēta_2009")
    return False


class PlaceMatcher:
    """Finds place mentions; one instance holds the matcher built from one list of places."""

    def __init__(
        self,
        nlp: Language,
        places: Sequence[Place],
        heads: Mapping[str, Head],
        kb: KnowledgeBase | None = None,
    ) -> None:
        """``kb``, when ``places`` are its places, lends its indexes instead of new ones."""
        self.by_form = kb.by_form if kb else index_by_form(places)
        self.by_modifier = kb.by_modifier if kb else index_by_modifier(places)
        self.head_by_form = {form.lower(): head for head in heads.values() for form in head.surface}
        self.town_words = frozenset(
            form.lower() for form in (heads["pilsēta"].surface if "pilsēta" in heads else ())
        )
        self.municipality_words = frozenset(
            form.lower() for form in (heads["pašvaldība"].surface if "pašvaldība" in heads else ())
        )
        self.matcher = PhraseIndex(nlp, sorted({f for place in places for f in place.forms}))
        self.country_by_form = {
            form: countries[0].country
            for form, named in self.by_form.items()
            if (countries := [p for p in named if p.kind == "country"])
        }

    @classmethod
    def from_dir(cls, nlp: Language, gazetteer_dir: Path) -> PlaceMatcher:
        """The matcher over a gazetteer folder's places.jsonl and heads.json."""
        kb = knowledge_base(gazetteer_dir)
        return cls(nlp, kb.places, kb.heads, kb)

    def find(self, doc: Doc) -> list[Hit]:
        historical = before_reform(_speaks_of(doc))
        hits = [
            hit
            for start, end in self.matcher(doc)
            if (hit := self._form_hit(doc, start, end, historical))
        ]
        hits.extend(self._list_hits(doc))
        hits.extend(self._bracketed_country_hits(doc))
        hits.extend(self._town_word_hits(doc))
        hits.extend(self._municipality_word_hits(doc))
        hits.extend(self._direction_hits(doc))
        hits.extend(self._apposition_hits(doc))
        quoted = [m.span(1) for m in _QUOTED_TEXT.finditer(doc_text(doc))]
        return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in quoted)]

    def _bracketed_country_hits(self, doc: Doc) -> list[Hit]:
        """A name the gazetteer lacks, followed by its country in brackets, is a place of
        that country: "Klippanas (Zviedrija) un Odsherredas (Dānija)"."""
        hits = []
        for opening in doc:
            i = opening.i
            if opening.text != "(" or i == 0 or i + 2 >= len(doc):
                continue
            name, country, closing = doc[i - 1], doc[i + 1], doc[i + 2]
            if closing.text != ")" or not name.is_alpha:
                continue
            code = self._country(country)
            if code is None or not _capitalised(name.text) or name.lower_ in self.by_form:
                continue
            hits.append(_town_abroad(name, nominative_of(name.text), code, "gazetteer.bracket"))
        return hits

    def _town_word_hits(self, doc: Doc) -> list[Hit]:
        """A capitalised name the gazetteer lacks, right before "pilsēta" in any case or
        right after "<country> pilsētā", is a town abroad ("Kuopio pilsētā", "Upsalas
        pilsētas", "Polijas pilsētā Lodzā"), of the country its sentence names before it
        (else of none the text says)."""
        hits = []
        for token in doc:
            if token.lower_ not in self.town_words:
                continue
            before = doc[token.i - 1] if token.i else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            country_before = before is not None and self._country(before) is not None
            name = after if country_before else before
            if name is None or not self._unknown_name(name):
                continue
            hits.append(_town_abroad(name, nominative_of(name.text),
                                     self._country_before(doc, name), "gazetteer.town_word"))
        return hits

    def _municipality_word_hits(self, doc: Doc) -> list[Hit]:
        """In a release that names a country abroad, a capitalised genitive the gazetteer
        lacks right before "pašvaldība" in any case is a town of that country
        ("Lillehammeres pašvaldības darbinieki"), and so is each name of a list that shares
        the word ("Orhūsas un Vejles pašvaldībām")."""
        if not self._countries_abroad(doc):
            return []
        hits = []
        for token in doc[1:]:
            if token.lower_ not in self.municipality_words:
                continue
            i = token.i - 1
            while i >= 0 and self._unknown_name(doc[i]):
                norm = nominative_of(doc[i].text, ("gen",))
                if norm == doc[i].text or norm in _home_names():
                    break  # not a genitive, or Latvija, Eiropa
                hits.append(_town_abroad(doc[i], norm, self._country_before(doc, doc[i]),
                                         "gazetteer.municipality_word"))
                if i < 2 or doc[i - 1].lower_ not in LIST_GLUE:
                    break
                i -= 2
        return hits

    def _direction_hits(self, doc: Doc) -> list[Hit]:
        """In a release that names a country abroad, a one-word name the gazetteer lacks
        right after "no" (in the genitive), "uz" (in the accusative) or a word of a visit
        (in the locative, `town_after_words`) is a town abroad: "eksperti no Trondheimas",
        "devās uz Hamaru", "vizītē Bergenā" (the Latvian exonym, inflected)."""
        countries = self._countries_abroad(doc)
        if not countries:
            return []
        hits = []
        for preposition in doc[: len(doc) - 2]:
            case = lexicon()["town_after_words"].get(preposition.lower_)
            if case is None:
                continue
            token, following = doc[preposition.i + 1], doc[preposition.i + 2]
            if (not self._unknown_name(token) or _capitalised(following.text)
                    or following.lower_ == "un"):  # "no Darba un sociālās …": a body's name
                continue
            if case == "loc" and following.is_alpha:
                continue  # a word after it may make it a capitalised adjective ("viesojās
                # Sociālā dienesta telpās"): only a name the clause ends with is taken
            norm = nominative_of(token.text, (case,))
            if norm == token.text or norm in _home_names():
                continue  # not a declined name, or Latvija, Eiropa: no town
            country = self._country_before(doc, token) or (
                countries[0] if len(set(countries)) == 1 else None)
            hits.append(_town_abroad(token, norm, country, "gazetteer.direction"))
        return hits

    def _apposition_hits(self, doc: Doc) -> list[Hit]:
        """A one-word name the gazetteer lacks, set off by a comma beside a country abroad
        and, like it, in the locative, is a town of that country: "viesojās Norvēģijā,
        Hamarā", "Hamarā, Norvēģijā" (the Latvian exonym, inflected)."""
        hits = []
        for comma in doc[1 : len(doc) - 1]:
            if comma.text != ",":
                continue
            left, right = doc[comma.i - 1], doc[comma.i + 1]
            for country, name in ((left, right), (right, left)):
                code = self._country(country)
                if code is None or code == "LV" or not self._in_locative(country):
                    continue
                norm = nominative_of(name.text, ("loc",))
                if not self._unknown_name(name) or norm == name.text:
                    continue
                hits.append(_town_abroad(name, norm, code, "gazetteer.apposition"))
        return hits

    def _in_locative(self, token: Token) -> bool:
        """Is the token a place's locative form ("Norvēģijā")?"""
        return any(decline(p.norm).get("loc", "").lower() == token.lower_
                   for p in self.by_form.get(token.lower_, ()))

    def _countries_abroad(self, doc: Doc) -> list[str]:
        """The countries abroad the release names, once per mention."""
        return [c for t in doc if (c := self._country(t)) and c != "LV"]

    def _country(self, token: Token) -> str | None:
        return self.country_by_form.get(token.lower_)

    def _country_before(self, doc: Doc, name: Token) -> str | None:
        """The country the sentence names last before ``name``."""
        start = name.sent.start if doc.has_annotation("SENT_START") else 0
        named = [c for t in doc[start : name.i] if (c := self._country(t))]
        return named[-1] if named else None

    def _unknown_name(self, token: Token) -> bool:
        """A capitalised word no place, place part or head noun of the gazetteer has, and no
        determiner or possessive ("Abu pilsētu darbinieki")."""
        return (token.is_alpha and _capitalised(token.text) and token.lower_ not in self.by_form
                and token.lower_ not in self.by_modifier and token.lower_ not in self.head_by_form
                and token.lower_ not in _non_name_words())

    def _form_hit(self, doc: Doc, start: int, end: int, historical: bool = False) -> Hit | None:
        """The place a matched form names; in a release that speaks of the time before the
        2021 reform, a town that was then a municipality of its own is that municipality
        ("Jēkabpilī" in 2017 is the republic city Jēkabpils, in 2023 a town)."""
        span = doc[start:end]
        if not _capitalised(span.text) or _in_street_or_compound(doc, start, end):
            return None
        candidates = self.by_form.get(span.text.lower(), ())
        head = self.head_by_form.get(doc[end - 1].lower_) if end - start > 1 else None
        if head is not None:
            candidates = tuple(p for p in candidates if fits_head(p, head)) or candidates
        if not candidates:
            return None
        place = candidates[0]
        if historical and place.label == "LOCALITY":
            place = next((p for p in candidates if p.kind == "republikas_pilsēta_2009"), place)
        if end - start == 1 and place.kind == "pilsēta" and _names_people(doc, end):
            place = self._municipality_of(span.text) or place
        return _hit(place, span.start_char, span.end_char, "gazetteer.form", FORM_SCORE)

    def _municipality_of(self, genitive: str) -> Place | None:
        """The current novads a town's genitive also names ("Talsu" -> Talsu novads)."""
        novadi = [p for p in self.by_modifier.get(genitive.lower(), ()) if p.kind == "novads"]
        return novadi[0] if novadi else None

    def _list_hits(self, doc: Doc) -> list[Hit]:
        hits = []
        for token in doc:
            head = self.head_by_form.get(token.lower_)
            if head is None or token.i == 0:
                continue
            # A head outside spans ("pašvaldībās") makes the name right before it a mention.
            before = None if head.in_span else self._modifier_hit(doc[token.i - 1], head)
            if head.in_span or before is not None:
                hits.extend([before] if before else [])
                hits.extend(self._walk_left(doc, token.i - 1, head))
            if token.i + 2 < len(doc) and doc[token.i + 1].text in LIST_OPENERS:
                hits.extend(self._walk_right(doc, token.i + 2, head))
        return hits

    def _walk_right(self, doc: Doc, first_item: int, head: Head) -> list[Hit]:
        """Name parts listed after a head and a dash: "pašvaldībām – Daugavpils, Balvu un"."""
        hits = []
        i = first_item
        while (hit := self._modifier_hit(doc[i], head)) is not None:
            hits.append(hit)
            if i + 1 < len(doc) and doc[i + 1].lower_ in self.head_by_form:
                i += 1  # an item with a head of its own: "Rēzeknes valstspilsētas"
            i += 2 if i + 1 < len(doc) and doc[i + 1].lower_ in LIST_GLUE else 1
            if i >= len(doc):
                break
        return hits

    def _walk_left(self, doc: Doc, first_item: int, head: Head) -> list[Hit]:
        """Name parts listed before the one right in front of ``head``: "Balvu, Krāslavas un".
        A comma lost in copying ("Rugāju Ilūkstes, Krāslavas un") does not end the list."""
        hits = []
        i = first_item
        while i >= 1:
            i -= 2 if doc[i - 1].lower_ in LIST_GLUE else 1
            hit = self._modifier_hit(doc[i], head) if i >= 0 else None
            if hit is None:
                break
            hits.append(hit)
        return hits

    def _modifier_hit(self, token: Token, head: Head) -> Hit | None:
        if not _capitalised(token.text):
            return None
        candidates = [p for p in self.by_modifier.get(token.lower_, ()) if fits_head(p, head)]
        if not candidates:
            return None
        return _hit(candidates[0], token.idx, token.idx + len(token.text), "gazetteer.list")


def _town_abroad(name: Token, norm: str, country: str | None, source: str) -> Hit:
    """A town abroad no gazetteer lists, of ``country`` when the text says which."""
    facts = {"kind": FOREIGN_UNKNOWN_KIND, **({"country": country} if country else {})}
    return Hit(name.idx, name.idx + len(name), "FOREIGN_PLACE", norm, source, FORM_SCORE, facts)


@cache
def _home_names() -> frozenset[str]:
    """Latvija, Eiropa and the other openers of national names, in the nominative: no town
    abroad."""
    return frozenset(nominative_of(w) for w in lexicon()["national_name_openers"])


@Language.factory("lv_gazetteer", assigns=["doc._.candidates"])
def make_gazetteer(nlp: Language, name: str, gazetteer_dir: str):
    """Add MUNICIPALITY, LOCALITY, REGION and FOREIGN_PLACE candidates to ``doc._.candidates``."""
    matcher = PlaceMatcher.from_dir(nlp, Path(gazetteer_dir))

    def gazetteer_component(doc: Doc) -> Doc:
        add_candidates(doc, matcher.find(doc))
        return doc

    return gazetteer_component

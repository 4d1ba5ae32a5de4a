"""Visits: experience-exchange trips found by trigger phrases, filled from their sentences.

A visit is anchored on a sentence with a strong trigger ("pieredzes apmaiņas brauciens",
"viesojās", "uzņēma delegāciju"). Trigger sentences with different dates are different
visits; a trigger sentence without a date joins the visit before it. Places are split into
origin and destination by the words before them: "no" and a genitive before the
participants mark the origin, locatives and "uz" the destination.
"""

from __future__ import annotations

import re

from pipeline.document import Document, Mention, Visit
from pipeline.fill.context import PLACE_LABELS, Sentence, cue, sentences, split_range, unique
from pipeline.normalise.numbers import parse_count

_LOCATIVE = re.compile(r"(?:ā|ē|ī|ū|os|ās|ēs|iem|ām)$")
_BEFORE_PLACE = 40  # characters left of a place that decide origin or destination


def find_visits(document: Document) -> list[Visit]:
    """The document's visits, one record per distinct trip."""
    sents = sentences(document)
    if not any(cue("strong_visit_triggers").search(s.text) for s in sents):
        return []
    groups = _group_by_date(sents)
    visits = []
    for number, group in enumerate(groups, start=1):
        visit = Visit(visit_id=f"{document.doc_id}-v{number}", doc_id=document.doc_id)
        _fill(visit, group, sents)
        visits.append(visit)
    return visits


def _group_by_date(sents: list[Sentence]) -> list[list[Sentence]]:
    """Trigger sentences grouped into trips: a new trip starts at a trigger with a new date."""
    groups: list[list[Sentence]] = []
    dates: list[str | None] = []
    for sent in sents:
        if not cue("visit_triggers").search(sent.text):
            if groups:
                groups[-1].append(sent)
            continue
        date = next((m.norm for m in sent.labelled("DATE")), None)
        strong = cue("strong_visit_triggers").search(sent.text)
        if groups and (date is None or date in dates or not strong):
            groups[-1].append(sent)
            continue
        if not strong and not groups:
            continue
        groups.append([sent])
        dates.append(date)
    return groups


def _fill(visit: Visit, group: list[Sentence], all_sents: list[Sentence]) -> None:
    mentions = [m for s in group for m in s.mentions]
    dates = [m for m in mentions if m.label == "DATE"]
    if dates:
        visit.date_start, visit.date_end = split_range(dates[0].norm)
    visit.project = next((m.norm for m in _all(all_sents, "PROJECT") if _short(m)), None)
    visit.organiser = _organiser(group)
    visit.participants_count = _participants(group)
    origin: list[Mention] = []
    destination: list[Mention] = []
    for sent in group:
        for place in sent.labelled(*PLACE_LABELS):
            (origin if _is_origin(sent, place) else destination).append(place)
    _set_places(visit, origin, "origin")
    _set_places(visit, destination, "destination")
    visit.sites_visited = unique(
        [m.norm for s in group if cue("site_verbs").search(s.text) for m in s.labelled("CENTRE", "ORG")]
    )


def _all(sents: list[Sentence], label: str) -> list[Mention]:
    return [m for s in sents for m in s.labelled(label)]


def _short(mention: Mention) -> bool:
    """A project's name is short ("DI Latgalē", "OCTOPUS"); a long one is its title."""
    return bool(mention.norm) and len(mention.norm.split()) <= 4


def _organiser(group: list[Sentence]) -> str | None:
    for sent in group:
        verb = cue("organiser_verbs").search(sent.text)
        if not verb:
            continue
        for mention in sent.labelled("ORG", "REGION"):
            if mention.clean_start - sent.start < verb.start():
                return mention.norm
    return None


def _participants(group: list[Sentence]) -> int | None:
    noun = cue("participant_nouns").pattern
    prefix = cue("count_prefix").pattern
    count = re.compile(rf"(?:{prefix})?\b\d{{1,4}}\b(?:\s+[^\s\d]+){{0,6}}?\s+(?:{noun})", re.I)
    for sent in group:
        for match in count.finditer(sent.text):
            if _in_mention(sent, match.start(), "DATE", "MONEY", "PHONE", "PROJECT_CODE"):
                continue
            value = parse_count(match.group())
            if value:
                return value
    return None


def _in_mention(sent: Sentence, offset: int, *labels: str) -> bool:
    position = sent.start + offset
    return any(m.clean_start <= position < m.clean_end for m in sent.labelled(*labels))


def _is_origin(sent: Sentence, place: Mention) -> bool:
    left = sent.before(place)[-_BEFORE_PLACE:]
    if re.search(cue("origin_cues").pattern + r"[^.]*$", left, re.I) and not re.search(
        cue("destination_cues").pattern + r"\s*$", left, re.I
    ):
        return True
    right = sent.text[place.clean_end - sent.start :][:60]
    genitive_subject = not _LOCATIVE.search(place.text) and re.match(
        rf"\s*(?:\w+\s+){{0,3}}?(?:{cue('participant_nouns').pattern}|pašvaldīb\w*|biedrīb\w*)",
        right,
        re.I,
    )
    return bool(genitive_subject)


def _set_places(visit: Visit, places: list[Mention], side: str) -> None:
    municipalities = [
        p.norm for p in places
        if p.label == "MUNICIPALITY" or (p.label == "FOREIGN_PLACE" and p.facts.get("kind") != "country")
    ]
    regions = [p.norm for p in places if p.label == "REGION"]
    countries = [p.facts.get("country") for p in places]
    setattr(visit, f"{side}_region", unique(regions))
    setattr(visit, f"{side}_municipalities", unique(municipalities))
    setattr(visit, f"{side}_countries", unique(countries))
    if side == "destination":
        visit.destination_localities = unique([p.norm for p in places if p.label == "LOCALITY"])

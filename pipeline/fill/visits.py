"""Visits: experience-exchange trips found by trigger phrases, filled from their sentences.

A visit is anchored on a sentence with a strong trigger ("pieredzes apmaiņas brauciens",
"viesojās", "uzņēma delegāciju"). Trigger sentences with different dates are different
visits (unless it is a day of the same trip); a trigger sentence without a date joins the
visit before it. Places are split into origin and destination list by list. With the
Latvian backbone's dependency parse, a preposition on the place or on the phrase it belongs
to decides ("no" the origin, "uz" the destination), and a place inside a relative or purpose
clause takes no side from its case alone; then (and with the rule backbone, only) cue words
left of the list, a locative (destination) or a genitive before the participants (origin).
A place with no such evidence is on neither side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from pipeline.document import Document, Mention, Project, Visit
from pipeline.fill.context import (
    PLACE_KINDS_BEFORE_TYPE_WORDS,
    PLACE_LABELS,
    Sentence,
    cue,
    cue_data,
    dated,
    document_date,
    municipality_named_by,
    note,
    parse_together,
    period,
    place_named_by,
    release_home,
    split_range,
    unique,
)
from pipeline.gazetteer.inflect import decline, nominative_of, noun_endings
from pipeline.gazetteer.kb import KnowledgeBase, Place, knowledge_base
from pipeline.normalise.numbers import count_words, parse_count
from pipeline.resources import PACKAGED_GAZETTEERS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Where people are: the locative, and the dative plural a shared head takes ("… pašvaldībām").
_LOCATIVE = noun_endings("loc", "loc pl", "dat pl")
_SINGULAR_LOCATIVE = noun_endings("loc")
_TO = re.compile(r"\buz\s+$", re.IGNORECASE)  # right before a body: where a trip went
_FROM = re.compile(r"\bno\s+$")  # right before a place or body: where people came from
_TOWN_BODY_WORD = re.compile(r"(?:pašvaldīb|pilsēt)\w*")  # after a town's genitive in a name
_DATIVE_PLURAL = noun_endings("dat pl")  # also the instrumental
_BEFORE_PLACE = 40  # characters left of a place that decide origin or destination
_VERB_FORM = re.compile(r"(?:ja|ina|tu)$")
_DATELINE_REST = 15  # characters besides its date that a dateline may have ("Publicēts: ")
_DATELINE_WORDS = 4  # words besides its day a dateline may have ("Preiļu novada pašvaldība, …")
_NOT_TOWNS = ("country", "foreign_region")  # foreign places larger than a municipality
# Places whose people a release may name ("rēzeknieši", "utenieši").
_TOWN_KINDS_FOR_PEOPLE = ("valstspilsēta", "pilsēta", "republikas_pilsēta_2009", "foreign_city",
                          "foreign_municipality")
# A person noun in the nominative singular ("vadītājs", "speciāliste"), not a plural
# ("vadītāji", "personas", "speciālistes") or a group ("delegācija").
_ONE_PERSON = re.compile(r"(?!delegācij)\w+(?:[^aeu]s|š|[^i]e|[^i]a)", re.I)
_HOST_GAP = 4  # words (a date) between a host and its verb of receiving
_TITLE_WORDS = 8  # at most, in a subheading
_SIGNATURE_LINES = 3  # a signature's cue line and the lines after it that name the author
_LIST_GAP = re.compile(r"\s*(?:,|un|vai|[-–—])?\s*(?:un\s+)?")


def find_visits(
    document: Document, sents: list[Sentence], projects: list[Project], kb: KnowledgeBase
) -> list[Visit]:
    """The document's visits, one record per distinct trip. When the release speaks of one
    project, that is the visits' project, named as in the project table ("DI Latgalē",
    not the "(DI)" a sentence also calls it)."""
    if not any(cue("strong_visit_triggers").search(s.text) or _to_learn(s) or _guests_arrived(s)
               for s in sents):
        return []
    visits = []
    only_day = _only_day(sents)
    groups = _without_summaries(_group_by_date([c for sent in sents for c in _clauses(sent)]))
    parse_together([*sents[:1], *(sent for _, group in groups for sent in group)])
    for number, (when, group) in enumerate(groups, start=1):
        visit = Visit(visit_id=f"{document.doc_id}-v{number}", doc_id=document.doc_id)
        visit.date_start, visit.date_end = split_range(when or only_day)
        _fill(visit, group, sents, projects, kb, visits[-1] if visits else None)
        visits.append(visit)
    return visits


def _only_day(sents: list[Sentence]) -> str | None:
    """The one day a release names, if it names just one: the day of a trip the account
    tells without a date of its own."""
    days = {m.norm for s in sents for m in s.labelled("DATE")
            if m.norm and "/" not in m.norm and len(m.norm) >= len("--MM-DD")}
    return days.pop() if len(days) == 1 else None


def _group_by_date(sents: list[Sentence]) -> list[tuple[str | None, list[Sentence]]]:
    """Trigger sentences grouped into trips, each with its date (the one nearest the
    trigger). A list item that opens with a date, after a trip, counts as a strong trigger
    ("Centrā ciemojās trīs grupas: • 14. februārī – … • 10. aprīlī – …": a trip each).
    A strong trigger with a date no earlier trip has starts a new trip, unless
    it continues the last one day by day (a second day of the same trip) or the last one
    had no day yet (a title line before the dated account: its date is taken, and so is
    the first dated sentence of the account when no trigger is dated). A month or day that
    names an earlier trip ("Maija braucienā …"), or "šoreiz" after one (``this_time``: the
    release's own trip, the first), takes the account back to that trip."""
    groups: list[tuple[str | None, list[Sentence]]] = []
    before: list[Sentence] = []  # the sentences before the first trip
    announced = False  # "Notika divi pieredzes apmaiņas braucieni.": dated trips follow
    announcement: Sentence | None = None  # that sentence: it tells of the first trip too
    going_on: list[Sentence] | None = None  # an earlier trip the account went back to
    for sent in sents:
        strong = cue("strong_visit_triggers").search(sent.text)
        clause = _clause_around(sent.text, strong.start()) if strong else ""
        summary = False
        if strong and cue("non_visit_events").search(clause):
            strong = None  # "pieredzes apmaiņas tiešsaistes tikšanās": no one travelled
        elif strong and cue("generic_visit_events").match(sent.text, strong.start()):
            announced = True
            # No date (or a year only): a project's activities or a series; two or more in
            # its clause: a summary of the trips told below ("martā un aprīlī notika divas
            # pieredzes apmaiņas vizītes").
            summary = sum(when.text in clause for when in sent.labelled("DATE")) > 1
            month_precise = any(re.search(r"-\d\d", m.norm or "") for m in sent.labelled("DATE"))
            strong = strong if month_precise and not summary else None
            announcement = None if strong else sent
        if groups and not strong and _dated_list_item(sent):
            strong = re.match(r"\W*", sent.text)  # "• 10. aprīlī – seši speciālisti no …"
        if groups and not strong and _clause_of_a_trip_sentence(sent, groups[-1][1]):
            strong = re.match(r"\W*", sent.text)  # "… aprīlī uz Preiļiem | un jūnijā uz …"
        weak = cue("visit_triggers").search(sent.text)
        if not strong and weak and sent.labelled("DATE") and not summary and not cue(
            "non_visit_events").search(_clause_around(sent.text, weak.start())) and (
            (announced and announcement is not sent) or _to_learn(sent) or _guests_arrived(sent)
        ):
            strong = weak  # a dated trip the release announced, made to learn, or of guests
        trigger = strong or weak
        if not groups:
            if strong:
                when, first = _first_trip(sent, strong.start(), before)
                groups.append((when, [announcement, *first] if announcement and (
                    announcement not in first) else first))
            before.append(sent)
            continue
        last_date, last_sents = groups[-1]
        date = _nearest_date(sent, trigger.start() if trigger else 0)
        if date is not None and not trigger and _dateline(sent):
            date = None  # "Publicēts: 2019. gada 29. aprīlī" dates the release, not the trip
        earlier = _earlier_trip_of(groups, date) if not strong else None
        if earlier is None and date is None and not strong and len(groups) > 1 and cue(
                "this_time").search(sent.text):
            earlier = groups[0][1]  # "Šoreiz viesi apmeklēja …" after an earlier trip told
        if earlier is not None:
            earlier.append(sent)  # "Maija braucienā …" goes back to the May trip, and so
            going_on = earlier  # do the undated sentences after it
            continue
        if _vaguer(last_date, date):
            groups[-1] = (date, [*last_sents, sent])
        elif date is None and not strong and going_on is not None:
            going_on.append(sent)
            continue
        elif date is None or not strong or any(_within(d, date) for d, _ in groups):
            last_sents.append(sent)
        elif _next_day(last_date, date):
            groups[-1] = (
                f"{split_range(last_date)[0]}/{split_range(date)[1]}",
                [*last_sents, sent],
            )
        else:
            titles = []  # "Valgas kolēģi Valkā" over the account of the trip it names
            while len(last_sents) > 1 and _title_line(last_sents[-1]):
                titles.insert(0, last_sents.pop())
            groups.append((date, [*titles, sent]))
        going_on = None
    return groups


def _earlier_trip_of(
    groups: list[tuple[str | None, list[Sentence]]], date: str | None
) -> list[Sentence] | None:
    """The sentences of a trip before the last one that a month or day names ("Maija
    braucienā speciālisti …" after the March trip was told): the account goes back to it."""
    if date is None or period(date):
        return None
    for trip, sents in groups[:-1]:
        start = split_range(trip)[0] if trip else None
        if start and (start == date or (len(date) == len("YYYY-MM") and start[:7] == date)):
            return sents
    return None


def _title_line(sent: Sentence) -> bool:
    """A subheading: a few words with no full stop ("Valgas kolēģi Valkā", "Jūnijā – uz
    Tartu"), over the paragraph it names."""
    return (len(sent.text.split()) <= _TITLE_WORDS
            and not re.search(r"[.!?:;,]\s*$", sent.text.strip() or "."))


def _without_summaries(
    groups: list[tuple[str | None, list[Sentence]]]
) -> list[tuple[str | None, list[Sentence]]]:
    """Trips that only sum up others: an undated first one before dated ones (a headline,
    "Centrā šogad viesojušās trīs grupas": it joins the first dated trip), and one whose
    period holds the days of two or more others ("No februāra līdz maijam ciemojās trīs
    grupas" before the three are told: it is none of them)."""
    if len(groups) > 1 and groups[0][0] is None:
        groups = [(groups[1][0], [*groups[0][1], *groups[1][1]]), *groups[2:]]
    kept = []
    for when, sents in groups:
        inside = [d for d, _ in groups
                  if when and "/" in when and d and d != when and _within_period(when, d)]
        if len(inside) < 2:
            kept.append((when, sents))
    return kept


def _within_period(period_norm: str, date: str) -> bool:
    """Does ``date`` start inside the period ("2024-02-14" in "2024-02/2024-05")?"""
    start, end = split_range(period_norm)
    day = split_range(date)[0]
    return bool(start and end and day) and start[:len(day)] <= day[:len(start)] and (
        day[:len(end)] <= end)


def _first_trip(
    sent: Sentence, trigger: int, before: list[Sentence]
) -> tuple[str | None, list[Sentence]]:
    """The first trip, opened by ``sent``. When that names no date, the trip is the one a
    sentence before it tells of with a date: the sentence right before, if it tells of a
    trip ("… 21. februārī devās uz Madonu. Tā bija pirmā pieredzes apmaiņa …"), else the
    last one before that names days ("No 24. līdz 26. maijam speciālisti iepazinās …"),
    with the account between them."""
    date = _nearest_date(sent, trigger)
    if date is not None or not before:
        return date, [sent]
    previous = before[-1]
    told = cue("visit_triggers").search(previous.text)
    if told and previous.labelled("DATE"):
        return _nearest_date(previous, told.start()), [previous, sent]
    for at in range(len(before) - 1, -1, -1):
        days = [m for m in before[at].labelled("DATE") if _a_day(m.norm)]
        if days and not _dateline(before[at]):
            return days[0].norm, [*before[at:], sent]
    return None, [sent]


def _a_day(norm: str | None) -> bool:
    """A DATE norm that names its day or days, with a year, and is no longer period."""
    start = split_range(norm)[0]
    return bool(start and dated(norm) and len(start) == len("YYYY-MM-DD") and not period(norm))


def _clauses(sent: Sentence) -> list[Sentence]:
    """The sentence cut where one trip's clause ends and another's begins ("2019. gadā
    uzņēma kolēģus no Lietuvas, bet 2020. gadā paši devās uz Somiju" tells of two trips):
    at a clause break of ``fill.json`` or an "un" right before a date ("aprīlī brauks uz
    Preiļiem un jūnijā uz Krāslavu"), when each side names a date and one a visit trigger,
    the other a trigger or a place it goes to."""
    dates = {m.clean_start - sent.start for m in sent.labelled("DATE")}
    cuts = [*cue("clause_breaks").finditer(sent.text),
            *(c for c in re.finditer(r"\s+un\s+", sent.text) if c.end() in dates)]
    for cut in sorted(cuts, key=lambda c: c.start()):
        left, right = sent.part(0, cut.start()), sent.part(cut.end(), len(sent.text))
        if (all(p.labelled("DATE") and (_triggered(p) or _goes_to_a_place(p))
                for p in (left, right)) and (_triggered(left) or _triggered(right))):
            return [left, *_clauses(right)]
    return [sent]


def _clause_of_a_trip_sentence(clause: Sentence, trip: list[Sentence]) -> bool:
    """Is the clause the rest of a sentence whose first clause opened the last trip (it was
    cut off by :func:`_clauses` as a trip of its own)?"""
    return trip[-1].index == clause.index and trip[-1].start < clause.start


def _goes_to_a_place(clause: Sentence) -> bool:
    """Does the clause name a place it goes to ("uz Krāslavu")?"""
    return any(re.search(r"\buz\s+$", clause.before(place))
               for place in clause.labelled(*PLACE_LABELS))


def _clause_around(text: str, offset: int) -> str:
    """The clause of ``text`` (cut at the clause breaks of ``fill.json`` and colons) that
    holds ``offset``: a seminar in the next clause ("… divas vizītes: aprīlī uz Veru dosies
    …, bet jūnijā seminārs plānots Apē") makes no trip of this one an event."""
    start, end = 0, len(text)
    for cut in re.finditer(rf"{cue_data()['clause_breaks']}|:\s", text, re.IGNORECASE):
        if cut.end() <= offset:
            start = cut.end()
        elif cut.start() >= offset:
            end = cut.start()
            break
    return text[start:end]


def _triggered(sent: Sentence) -> bool:
    return bool(cue("strong_visit_triggers").search(sent.text)
                or cue("visit_triggers").search(sent.text))


def _to_learn(sent: Sentence) -> bool:
    """Does the sentence tell of a trip made to learn from others ("devās uz Valmieru, lai
    iepazītos ar jauniešu centra darbu"): a visit trigger with a learning purpose, and no
    event that is no exchange visit?"""
    return bool(cue("visit_triggers").search(sent.text) and cue("learning_purposes").search(
        sent.text) and not cue("non_visit_events").search(sent.text))


def _guests_arrived(sent: Sentence) -> bool:
    """Does a dated sentence with a visit trigger say people came from somewhere ("13. maijā
    centru apmeklēja darbinieki no Ogres sociālā dienesta"): a trip, though no strong
    trigger names it?"""
    return bool(sent.labelled("DATE") and cue("visit_triggers").search(sent.text)
                and re.search(rf"(?:{cue_data()['participant_nouns']})\s+no\s+\w", sent.text,
                              re.IGNORECASE))


def _dated_list_item(sent: Sentence) -> bool:
    """A line of a list (a bullet, a dash or a number first) that opens with a date."""
    item = cue("list_item_openers").match(sent.text)
    dates = sent.labelled("DATE")
    return bool(item and dates and dates[0].clean_start - sent.start <= item.end() + 1)


def _within(trip: str | None, date: str) -> bool:
    """Is ``date`` the trip's own date or one of its days ("2019-10-03" in
    "2019-10-02/2019-10-03")?"""
    if trip is None:
        return False
    if trip == date:
        return True
    start, end = split_range(trip)
    day = split_range(date)[0]
    return len(day) == len(start) == len(end) and start <= day <= end


def _dateline(sent: Sentence) -> bool:
    """A sentence that is little more than its date ("Publicēts 24.02.2020."), or a day
    with a few words and no trip ("Jēkabpils novada pašvaldība, 2018. gada 21. septembris";
    not "MARTS: 12 speciālisti Šauļos", a subheading)."""
    dates = sent.labelled("DATE")
    rest = sent.text
    for when in sorted(dates, key=lambda m: m.clean_start, reverse=True):
        rest = rest[: when.clean_start - sent.start] + rest[when.clean_end - sent.start :]
    if len(rest.strip()) < _DATELINE_REST:
        return True
    return (any(_a_day(m.norm) for m in dates)
            and len(re.findall(r"\w+", rest)) <= _DATELINE_WORDS
            and not _triggered(sent) and not cue("travel_verbs").search(sent.text))


def _vaguer(known: str | None, found: str | None) -> bool:
    """Is ``found`` a day that ``known`` (none yet, or its month) only hinted at? A season
    is no day ("vasarā" in "… bet vasarā vēl vairāk")."""
    if found is None or len(split_range(found)[0]) < len("--MM-DD") or period(found):
        return False
    return known is None or (
        len(split_range(known)[0]) == len("YYYY-MM") and found.startswith(known)
    )


def _next_day(earlier: str, later: str) -> bool:
    """Does ``later`` start on the day after ``earlier`` ends (both full ISO dates)?"""
    try:
        end = date.fromisoformat(split_range(earlier)[1])
        start = date.fromisoformat(split_range(later)[0])
    except (TypeError, ValueError):
        return False
    return start - end == timedelta(days=1)


def _nearest_date(sent: Sentence, offset: int) -> str | None:
    """The DATE nearest the trigger, preferring those that name a day; not one of a relative
    clause after it ("… iepazinās ar telpām, kas tika atjaunotas šā gada pavasarī")."""
    dates = [m for m in sent.labelled("DATE") if not _in_a_relative_clause(sent, m, offset)]
    with_day = [
        m for m in dates if m.norm and len(split_range(m.norm)[0]) >= 7 and m.norm.count("-") >= 2
    ]
    pool = with_day or dates
    if not pool:
        return None
    return min(pool, key=lambda m: abs(m.clean_start - sent.start - offset)).norm


def _in_a_relative_clause(sent: Sentence, mention: Mention, offset: int) -> bool:
    """Is the mention in a relative clause that opens after ``offset`` (a trigger), is not
    about the trigger's own words ("vizīte Ludzā, kas plānota oktobrī") and tells of no trip
    itself ("…, kuri 9. oktobrī viesojās Talsos" does)?"""
    at = mention.clean_start - sent.start
    opening = re.search(rf",\s*(?:{cue_data()['relative_pronouns']})\b[^,]*$",
                        sent.text[offset:at], re.IGNORECASE)
    if opening is None:
        return False
    lead = sent.text[offset : offset + opening.start()]
    trip_words = [m.end() for name in ("visit_triggers", "strong_visit_triggers")
                  for m in cue(name).finditer(lead)]
    if trip_words and len(lead[max(trip_words) :].split()) <= 2:
        return False  # the clause is about the trip named right before it
    clause = sent.text[offset + opening.start() :].split(",", 2)[1]
    return not any(cue(name).search(clause) for name in (
        "visit_triggers", "strong_visit_triggers", "travel_verbs", "site_verbs"))


def _fill(
    visit: Visit,
    group: list[Sentence],
    all_sents: list[Sentence],
    projects: list[Project],
    kb: KnowledgeBase,
    previous: Visit | None = None,
) -> None:
    for when in (m for s in group for m in s.labelled("DATE")):
        if when.norm and {visit.date_start, visit.date_end} & set(split_range(when.norm)):
            note(visit, "date_start", when)
    if len(projects) == 1 and projects[0].name:
        visit.project = projects[0].name
        visit.provenance["project"] = list(projects[0].provenance.get("name", []))
    else:
        project = next((m for m in _all(all_sents, "PROJECT") if _short(m)), None)
        visit.project = project.norm if project else None
        note(visit, "project", project)
    organiser = _organiser(group)
    visit.organiser = organiser.norm if organiser else None
    note(visit, "organiser", organiser)
    visit.participants_count, counted_in = _participants(group)
    note(visit, "participants_count", counted_in)
    visit.participant_groups = _participant_groups(group)
    if visit.participant_groups:
        note(visit, "participant_groups", *group[:2])
    origin: list[Mention] = []
    destination: list[Mention] = []
    for sent in group:
        if _no_trip_facts(sent):
            continue
        other_plans = cue("other_plans").search(sent.text) and not _triggered(sent)
        for place, side in _sides(sent):
            if other_plans and side == "destination":
                continue  # "Nākamajā mēnesī darbinieki piedalīsies mācībās Rīgā"
            if side == "origin" and _tells_of_travel(sent):
                origin.append(place)
            elif side == "destination":
                destination.append(place)
    when = dated(visit.date_start) or document_date(all_sents)
    travellers_from = _travellers_places(group, when, kb)
    destination = _abroad_only(destination, origin)
    _set_places(visit, origin, "origin", when, kb)
    _set_places(visit, destination, "destination", when, kb)
    # "… sniedzējiem Latgales reģionā" names where the travellers work, not where they went.
    visit.destination_region = [r for r in visit.destination_region if r not in visit.origin_region]
    visit.origin_municipalities = unique(
        [*visit.origin_municipalities, *(p.norm for p in travellers_from)]
    )
    visit.origin_countries = unique(
        [*visit.origin_countries, *(p.country for p in travellers_from)]
    )
    _destinations_outside_the_origin(visit)  # the origin said, not one guessed below
    _origin_unsaid(visit, group, all_sents, when, kb, previous)
    _origins_outside_the_destination(visit, kb)
    sites = [m for s in group if not _no_trip_facts(s) for m in _sites(s, all_sents)]
    visit.sites_visited = unique([m.norm for m in sites])
    note(visit, "sites_visited", *sites)
    hosts = [org for s in group for org in s.labelled("ORG")
             if _host(s, org) or _in_the_locative(org)]
    _destination_of_the_host(visit, group, when, kb)
    if not visit.destination_municipalities:
        _destination_from_sites(visit, [*sites, *hosts], when, kb)
    # Any body the account names abroad, a site or not ("Roterdamas pašvaldības …"), but
    # for the travellers' own and a project's partners.
    bodies = [m for s in group if not _no_trip_facts(s) and not cue("partner_nouns").search(
        s.text) for m in s.labelled("ORG", "CENTRE") if not _travellers(s, m)]
    _towns_abroad_of_bodies(visit, bodies, all_sents, when, kb)
    _localities_of_sites(visit, sites, when, kb)
    _destination_at_home(visit, all_sents, when, kb)


def _destination_at_home(
    visit: Visit, all_sents: list[Sentence], when: str | None, kb: KnowledgeBase
) -> None:
    """Guests who came from elsewhere and were told of by no place they came to came to the
    release's home (:func:`release_home`): a municipality writes about whom it received."""
    if (visit.destination_municipalities or visit.destination_localities
            or not visit.origin_municipalities):
        return
    home = release_home(all_sents, when, kb)
    if home is not None and home[0] not in visit.origin_municipalities:
        visit.destination_municipalities = [home[0]]
        visit.destination_countries = unique([*visit.destination_countries, "LV"])
        note(visit, "destination_municipalities", home[1])


def _origin_unsaid(visit: Visit, group: list[Sentence], all_sents: list[Sentence],
                   when: str | None, kb: KnowledgeBase, previous: Visit | None) -> None:
    """An origin no place of the account gives, from the evidence next best, in order: a
    return visit's, the headline's travellers (the headline tells of the first trip), the
    townspeople who travel, the author's signature, the same
    travellers as the trip before, the release's home; and the towns abroad of guests said
    to come from countries."""
    opening = group[:1] if previous is not None else [*all_sents[:1], *group[:1]]
    fallbacks = (
        lambda: _origin_of_a_return_visit(visit, group, previous),
        lambda: _origin_from_travellers(visit, opening, when, kb),
        lambda: _origin_from_townspeople(visit, group, when, kb),
        lambda: _origin_from_author(visit, group, all_sents, when, kb),
        lambda: _origin_of_the_same_travellers(visit, group, all_sents, previous),
        lambda: _origin_at_home(visit, all_sents, when, kb),
    )
    for fallback in fallbacks:
        if visit.origin_municipalities or visit.origin_region or visit.origin_countries:
            break
        fallback()
    else:
        return
    if not visit.origin_municipalities and "LV" not in visit.origin_countries:
        _origin_towns_abroad(visit, all_sents)


def _origins_outside_the_destination(visit: Visit, kb: KnowledgeBase) -> None:
    """Origins in several countries lose those in a country the trip went to, when these are
    no more than the others: a place of the host country among the travellers' places is
    where they went ("Dobeles un Jelgavas novada speciālisti viesojās Jonišķos": Jonišķi is
    no origin), but a group mostly from the host country keeps all its places (a joint
    group from both sides of a border). The provenance keeps the dropped place's span."""
    went = set(visit.destination_countries)
    if len(visit.origin_countries) < 2 or not went:
        return
    kept = [n for n in visit.origin_municipalities if _country_of(n, kb) not in went]
    if kept and len(visit.origin_municipalities) - len(kept) <= len(kept):
        visit.origin_municipalities = kept
        outside = [c for c in visit.origin_countries if c not in went]
        visit.origin_countries = outside or visit.origin_countries


def _country_of(norm: str, kb: KnowledgeBase) -> str | None:
    places = kb.by_form.get(norm.lower(), ())
    return places[0].country if places else None


def _destination_of_the_host(
    visit: Visit, group: list[Sentence], when: str | None, kb: KnowledgeBase
) -> None:
    """Guests a body received ("Siguldas novada Sociālais dienests uzņēma deviņus Ropažu
    novada speciālistus") came to its municipality: it leads the destinations, and a place
    of another country or of the guests' home, said around the visit, is none; nor is it
    where guests from elsewhere came from."""
    host = next((org for s in group for org in s.labelled("ORG")
                 if _verb_after(s, org, "receiving_verbs")), None)
    place = municipality_named_by(host, when, kb) if host is not None else None
    if place is None or visit.origin_municipalities == [place[0]]:
        return
    municipality, country = place
    visit.origin_municipalities = [m for m in visit.origin_municipalities if m != municipality]
    others = [m for m in visit.destination_municipalities if m != municipality
              and m not in visit.origin_municipalities and _country_of(m, kb) == country]
    visit.destination_municipalities = [municipality, *others]
    visit.destination_countries = [country]
    note(visit, "destination_municipalities", host)


def _destinations_outside_the_origin(visit: Visit) -> None:
    """The travellers' own municipalities are no destination beside others: a later "Ķegumā
    bezpajumtnieku ir mazāk" compares with home. A trip within one municipality keeps it."""
    home = set(visit.origin_municipalities)
    went = [m for m in visit.destination_municipalities if m not in home]
    if went and len(went) < len(visit.destination_municipalities):
        visit.destination_municipalities = went


def _origin_from_townspeople(
    visit: Visit, group: list[Sentence], when: str | None, kb: KnowledgeBase
) -> None:
    """A trip that names no origin set out from the town whose people travel: "rēzeknieši
    dosies uz Utenu" -> Rēzekne; not the town they went to ("viesus uzņēma madonieši")."""
    went = {*visit.destination_municipalities, *visit.destination_localities}
    townspeople = _townspeople(kb)
    for sent in group:
        if not cue("travel_verbs").search(sent.text):
            continue
        for word in re.finditer(r"\w+", sent.text):
            genitive = townspeople.get(word.group().lower())
            place = kb.municipality_named(genitive, when) if genitive else None
            if place is not None and place.norm not in went:
                visit.origin_municipalities = [place.norm]
                visit.origin_countries = [place.country]
                note(visit, "origin_municipalities", sent)
                return


@cache
def _townspeople(kb: KnowledgeBase) -> dict[str, str]:
    """A town's people in the nominative plural -> the town's genitive ("rēzeknieši" ->
    "Rēzeknes"), for every town and city the gazetteer knows at home and abroad."""
    people = {}
    for place in kb.places:
        if place.kind not in _TOWN_KINDS_FOR_PEOPLE or " " in place.norm:
            continue
        stem = re.sub(r"(?:is|s|e|a|i)$", "", place.norm.lower())
        for ending in cue_data()["demonym_endings"]:
            people.setdefault(stem + ending, decline(place.norm)["gen"])
    return people


def _origin_from_author(
    visit: Visit,
    group: list[Sentence],
    all_sents: list[Sentence],
    when: str | None,
    kb: KnowledgeBase,
) -> None:
    """A trip told as "we" ("mūs uzņēma", "apmeklējām") that names no origin set out from
    where its author works: the municipality the signature's organisation opens with
    ("Informāciju sagatavoja Preiļu novada Labklājības pārvaldes …" -> Preiļu novads)."""
    if not any(_first_person(sent) for sent in group):
        return
    for sent in all_sents:
        signed = cue("author_cues").search(sent.text)
        if signed is None:
            continue
        signature = [
            org
            for following in all_sents[sent.index : sent.index + _SIGNATURE_LINES]
            for org in following.labelled("ORG")
            if org.clean_start >= sent.start + signed.end()
        ]
        for org in signature:
            place = kb.municipality_opening(org.text, when)
            if place is not None:
                visit.origin_municipalities = [place.norm]
                visit.origin_countries = [place.country]
                note(visit, "origin_municipalities", org)
                return


def _origin_of_a_return_visit(
    visit: Visit, group: list[Sentence], previous: Visit | None
) -> None:
    """A return visit ("Jūnijā grupa dosies atbildes vizītē uz Tartu") sets out from where
    the trip before went."""
    said = next((s for s in group[:1] if cue("return_visits").search(s.text)), None)
    if previous is not None and said is not None:
        _origin_from(visit, previous.destination_municipalities,
                     previous.destination_countries, said)


def _origin_of_the_same_travellers(
    visit: Visit, group: list[Sentence], all_sents: list[Sentence], previous: Visit | None
) -> None:
    """A trip told of the travellers by a pronoun ("Savukārt maijā viņi devās uz
    Ventspili"), as the next one, in the later clause of the sentence that told of the
    trip before ("aprīlī uz Preiļiem un jūnijā uz Krāslavu"), or one of trips the release
    announced together ("… organizē pieredzes apmaiņas braucienu ciklu") set out from where
    that one did."""
    announced = any(cue("generic_visit_events").search(s.text)
                    for s in all_sents[: group[0].index])
    said = next((s for s in group[:1] if announced or cue("same_travellers").search(s.text)
                 or all_sents[s.index].start < s.start), None)
    if previous is not None and said is not None:
        _origin_from(visit, previous.origin_municipalities, previous.origin_countries, said)


def _origin_from(
    visit: Visit, municipalities: list[str], countries: list[str], said: Sentence
) -> None:
    """The origin is the trip before's places (when it has any), as ``said`` tells."""
    if municipalities:
        visit.origin_municipalities = list(municipalities)
        visit.origin_countries = list(countries)
        note(visit, "origin_municipalities", said)


def _origin_at_home(
    visit: Visit, all_sents: list[Sentence], when: str | None, kb: KnowledgeBase
) -> None:
    """A trip that went somewhere else sets out from the release's home
    (:func:`release_home`). A municipality tells of its own people's trips ("Krāslavā
    atklāts centrs … darbinieki pabija pieredzes apmaiņā Preiļos")."""
    went = {*visit.destination_municipalities, *visit.destination_localities}
    if not (went or visit.destination_countries):
        return
    home = release_home(all_sents, when, kb)
    if home is not None and home[0] not in went:
        visit.origin_municipalities = [home[0]]
        visit.origin_countries = ["LV"]
        note(visit, "origin_municipalities", home[1])


def _origin_from_travellers(
    visit: Visit, opening: list[Sentence], when: str | None, kb: KnowledgeBase
) -> None:
    """A trip whose account names no origin set out from where the headline or its first
    sentence says the travellers are from: a place, or the place an organisation's name
    opens with, that names people ("Rokišķu rajona sociālie darbinieki iepazīst …",
    "Bauskas novada dienas centru vadītāji", "viesi no Trondheimas"), not where they went."""
    went = {*visit.destination_municipalities, *visit.destination_localities}
    for sent in opening:
        for mention in sent.labelled("MUNICIPALITY", "LOCALITY", "FOREIGN_PLACE", "ORG"):
            if not _travellers(sent, mention) or mention.facts.get("kind") == "country":
                continue
            place = municipality_named_by(mention, when, kb)
            if place is not None and place[0] not in went:
                visit.origin_municipalities = [place[0]]
                visit.origin_countries = [place[1]]
                note(visit, "origin_municipalities", mention)
                return


def _origin_towns_abroad(visit: Visit, all_sents: list[Sentence]) -> None:
    """Guests said to come from countries ("partneri no Dānijas un Zviedrijas") come from
    the towns the release names in those countries ("Klippanas (Zviedrija) un Odsherredas
    (Dānija)"), unless the trip went there."""
    towns = [
        m
        for sent in all_sents
        for m in sent.labelled("FOREIGN_PLACE")
        if m.facts.get("kind") not in _NOT_TOWNS
        and m.facts.get("country") in visit.origin_countries
        and m.norm not in visit.destination_municipalities
    ]
    visit.origin_municipalities = unique([m.norm for m in towns])
    note(visit, "origin_municipalities", *towns)


def _first_person(sent: Sentence) -> bool:
    """Told as "we": a first-person pronoun, or a verb in the first person plural."""
    if cue("first_person").search(sent.text):
        return True
    ending = re.compile(cue_data()["first_person_verb_endings"])
    return any(w.pos_ in ("VERB", "AUX") and ending.search(w.text) for w in sent.words)


def _destination_from_sites(
    visit: Visit, sites: list[Mention], when: str | None, kb: KnowledgeBase
) -> None:
    """A trip that names no place went where its sites or hosts are, when their names say
    it: "devāmies uz Rīgas SAC “Mežciems”" was a trip to Rīga, "Dobeles novada Sociālais
    dienests uzņēma …" received its guests in Dobeles novads, and guests "Ogres novada
    Sociālajā dienestā" (a body in the locative) were in Ogres novads."""
    for site in sites:
        place = kb.municipality_opening(site.text, when)
        if place:
            municipalities = [*visit.destination_municipalities, place.norm]
            visit.destination_municipalities = unique(municipalities)
            visit.destination_countries = unique([*visit.destination_countries, place.country])
            note(visit, "destination_municipalities", site)


def _tells_of_travel(sent: Sentence) -> bool:
    """Does the sentence tell of a trip or its travellers? Only such a sentence's "no X"
    says where the travellers came from ("… tīklu, kurā klienti no Valmieras varētu …"
    does not)."""
    cues = ("travel_verbs", "visit_triggers", "strong_visit_triggers", "participant_nouns",
            "guest_nouns")
    return any(cue(name).search(sent.text) for name in cues)


def _towns_abroad_of_bodies(
    visit: Visit, bodies: list[Mention], all_sents: list[Sentence], when: str | None,
    kb: KnowledgeBase,
) -> None:
    """On a trip abroad, the towns the names of the bodies it tells of open with, in a
    country it went to, are places it went too ("… viesojās Veru pilsētā. Otrajā dienā mūs
    uzņēma Tartu pilsētas Sociālās palīdzības departaments" went to Tartu as well); a
    town no list has is the place the release names in the same words elsewhere (a typo the
    fuzzy match read), else the word's nominative."""
    abroad = [c for c in visit.destination_countries if c != "LV"]
    if not abroad:
        return
    named = {m.text.lower(): (m.norm, m.facts.get("country")) for s in all_sents
             for m in s.labelled("FOREIGN_PLACE") if m.facts.get("kind") not in _NOT_TOWNS}
    for body in bodies:
        place = kb.municipality_opening(body.text, when)
        town = (place.norm, place.country) if place else None
        word = _unlisted_town_word(body, kb)
        if town is None and word and (named.get(word.lower()) or (None, None))[1]:
            town = named[word.lower()]
        if town is None and word and len(abroad) == 1:
            town = (nominative_of(word), abroad[0])  # a town no list has, abroad
        if town and town[1] in abroad and town[0] not in visit.origin_municipalities:
            visit.destination_municipalities = unique([*visit.destination_municipalities, town[0]])
            note(visit, "destination_municipalities", body)


def _localities_of_sites(
    visit: Visit, sites: list[Mention], when: str | None, kb: KnowledgeBase
) -> None:
    """The towns and parishes the visited centres' names open with, in the municipalities
    the trip went to, are places it went ("Aglonas pagasta dienas centrs" -> Aglonas
    pagasts)."""
    for site in sites:
        if site.label != "CENTRE":
            continue
        place = place_named_by(site.text, PLACE_KINDS_BEFORE_TYPE_WORDS, when, kb)
        if place and place[1] and place[0] in visit.destination_municipalities:
            visit.destination_localities = unique([*visit.destination_localities, place[1]])
            note(visit, "destination_localities", site)


def _no_trip_facts(sent: Sentence) -> bool:
    """A quoted saying („Vecumniekos mēs plānojam ...,” sacīja ...): opinions and plans at
    home, not where the trip went; or a credit line ("Foto: Ogres novada dienas centrs"):
    who took the photo, not where the trip went."""
    return bool((re.search(r"[„“”\"]", sent.text) and cue("speech_verbs").search(sent.text))
                or cue("credit_lines").match(sent.text.lstrip()))


def _abroad_only(destination: list[Mention], origin: list[Mention]) -> list[Mention]:
    """A trip abroad from Latvia goes abroad: Latvian places said along the way (where the
    travellers work, what they plan at home) are no destination of it. Travellers from
    abroad make an incoming visit, not a trip abroad."""
    abroad = any(p.label == "FOREIGN_PLACE" for p in destination)
    from_latvia = origin and all(p.label != "FOREIGN_PLACE" for p in origin)
    if abroad and from_latvia:
        return [p for p in destination if p.label == "FOREIGN_PLACE"]
    return destination


def _sites(sent: Sentence, sents: list[Sentence]) -> list[Mention]:
    """Centres of the visit's sentences, and organisations of sentences that say a place was
    visited (:func:`_visiting`), except those of the travellers ("Talsu Sociālā dienesta
    darbinieki", "speciālisti no Rokišķu rajona pašvaldības", "jaunieši no centra «Pulss»"),
    those that run a centre of the sentence (the centre is the site) and municipalities as a
    whole (the trip's destination); and centres of a sentence that visits nothing and speaks
    of plans or of a project (``no_site_sentences``)."""
    sites = []
    visiting = _visiting(sent, sents)
    centres = sent.labelled("CENTRE")
    for mention in sent.labelled("CENTRE", "ORG"):
        if mention.label == "ORG" and (
            _travellers(sent, mention) or _municipal_body(mention) or _host(sent, mention)
            or (_one_person_of(sent, mention) and '"' not in (mention.norm or ""))
            or any(sent.runs(mention, centre) for centre in centres)
        ):
            continue
        if mention.label == "CENTRE" and (_came_from(sent, mention) or (
                not visiting and _staff_of(sent, mention)
                and cue("participation_cues").search(sent.text))):
            continue  # "darbinieki no Ogres dienas centra", "Braucienā piedalījās arī centra
            # „X” vadītāja": where the travellers came from
        if mention.label == "CENTRE" and not visiting and cue("no_site_sentences").search(
                sent.text):
            continue  # "Grupu māja „X” tiks izveidota …", "… ko īsteno centrs „Y”"
        if mention.label == "CENTRE" or visiting:
            sites.append(mention)
    return sites


def _visiting(sent: Sentence, sents: list[Sentence]) -> bool:
    """Does the sentence say a place was visited: a site verb in it, a travel verb with a body
    it went to ("devās uz X tehnikumu"), or it is an item of a list whose lead-in says so
    ("Grupa apmeklēja: | – X pārvaldi; | – Y departamentu;")?"""
    if cue("site_verbs").search(sent.text):
        return True
    if cue("travel_verbs").search(sent.text) and any(
            _TO.search(sent.before(m)) for m in sent.labelled("ORG", "CENTRE")):
        return True  # "Pēc tam delegācija devās uz Rēzeknes tehnikumu"
    index = sent.index
    while cue("list_item_openers").match(sents[index].text) and index > 0:
        index -= 1
        lead = sents[index].text.rstrip()
        if lead.endswith(":"):
            return bool(cue("site_verbs").search(lead))
    return False


def _host(sent: Sentence, org: Mention) -> bool:
    """Is ``org`` the subject of a verb of receiving guests ("X 8. novembrī uzņēma
    delegāciju", a date of any length between) or of organising the trip: the trip's host,
    not a site it visited?"""
    return _verb_after(sent, org, "receiving_verbs") or _verb_after(sent, org, "host_verbs")


def _verb_after(sent: Sentence, org: Mention, verbs: str) -> bool:
    """Is ``org`` followed by a verb of the cue list ``verbs``, a few words or a date of any
    length between?"""
    end = org.clean_end
    for when in sent.labelled("DATE"):
        if when.clean_start >= end and not sent.text[end - sent.start : when.clean_start
                                                     - sent.start].strip():
            end = when.clean_end  # "X 2025. gada 8. un 9. oktobrī uzņēma …"
    after = sent.text[end - sent.start :]
    gap = rf"\s+(?:[^\s,;:]+\s+){{0,{_HOST_GAP}}}?"
    return bool(re.match(rf"{gap}(?:{cue_data()[verbs]})", after, re.IGNORECASE))


def _in_the_locative(org: Mention) -> bool:
    """Is the organisation named in the locative ("Ogres novada Sociālajā dienestā"): where
    people were, not who they are?"""
    return bool(_LOCATIVE.search(org.text.split()[-1]))


def _municipal_body(org: Mention) -> bool:
    """Is the organisation a municipality as a whole ("Viļānu novada pašvaldība")?"""
    return bool(re.search(rf"\b(?:{cue_data()['municipal_bodies']})$", org.norm or "", re.I))


def _travellers(sent: Sentence, org: Mention) -> bool:
    """Does ``org`` name who travelled: people of it right after ("X dienesta un pagastu
    sociālie darbinieki"), or "no" right before, or (in the parse) a participant noun the
    organisation's phrase belongs to ("X dienesta un Y centra darbinieki")? One person of
    it ("Biedrības “Rūpju bērns” vadītājs iepazīstināja …") is a host, not a travelling
    group, an organisation in the locative is where people were ("Bauskas novada
    Sociālajā dienestā viesojās kolēģi"), and one that received guests is their host."""
    if _in_the_locative(org) or _host(sent, org):
        return False  # "… iestāde “X” uzņēma delegāciju": whom it received travelled
    if _one_person_of(sent, org):
        return False
    before = sent.before(org)[-20:]
    return bool(_people_after(sent, org) or _FROM.search(before) or _people_of(sent, org))


def _people_after(sent: Sentence, org: Mention) -> re.Match[str] | None:
    """People of the organisation named right after it: "… dienesta un pagastu sociālie
    darbinieki", "… pašvaldības sociālā darba speciālisti", "biedrības “X” 20 biedri",
    "… dienesta vadītāja un četri sociālie darbinieki"."""
    return _people_pattern().match(sent.text, org.clean_end - sent.start)


@cache
def _people_pattern() -> re.Pattern[str]:
    noun = cue("participant_nouns").pattern
    relative = cue_data()["relative_words"]
    return re.compile(
        rf"\s*(?:un\s+(?!(?:{relative})\b)\w+\s+)?(?:\d+\s+)?(?:(?!un\b)\w+\s+)?"
        rf"(?P<noun>{noun})(?:\s+un\s+(?:\w+\s+){{0,2}}(?P<more>{noun}))?",
        re.IGNORECASE,
    )


def _staff_of(sent: Sentence, body: Mention) -> bool:
    """Are people of the body named right after it ("centra „X” vadītāja"), not those it
    serves ("centru cilvēkiem ar invaliditāti", a dative)?"""
    people = _people_after(sent, body)
    return bool(people and not _DATIVE_PLURAL.search(people.group("noun")))


def _one_person_of(sent: Sentence, org: Mention) -> bool:
    """Is one person of the organisation named right after it ("Biedrības “Rūpju bērns”
    vadītājs iepazīstināja …"): a host, not the travellers? A municipal body whose head
    speaks is no site either ("Kandavas novada Sociālā dienesta vadītāja iepazīstināja …":
    28 of 32 such bodies in the gold are not); an association with a quoted name is (its
    centre was visited)."""
    followed = _people_after(sent, org)
    return bool(followed and _ONE_PERSON.fullmatch(followed.group("noun"))
                and not followed.group("more"))


def _people_of(sent: Sentence, mention: Mention) -> bool:
    """Does the mention's phrase (through genitives and lists) belong to a participant noun?"""
    word = sent.head_word(mention)
    while word is not None and _in_phrase(word):
        word = sent.head_of(word)
        if word is not None and cue("participant_nouns").fullmatch(word.lower_):
            return True
    return False


def _all(sents: list[Sentence], label: str) -> list[Mention]:
    return [m for s in sents for m in s.labelled(label)]


def _short(mention: Mention) -> bool:
    """A project's name is short ("DI Latgalē", "OCTOPUS"); a long one is its title."""
    return bool(mention.norm) and len(mention.norm.split()) <= 4


def _organiser(group: list[Sentence]) -> Mention | None:
    """The ORG or REGION nearest an organising verb: "LPR rīkoja braucienu" and
    "Braucienu organizēja biedrība “X”" alike (Latvian word order is free); else the body
    that received the guests ("X uzņēma delegāciju")."""
    for sent in group:
        verb = cue("organiser_verbs").search(sent.text)
        actors = sent.labelled("ORG", "REGION")
        if verb and actors:
            return min(actors, key=lambda m: abs(m.clean_start - sent.start - verb.start()))
    return next((org for sent in group for org in sent.labelled("ORG") if _host(sent, org)), None)


def _participants(group: list[Sentence]) -> tuple[int | None, Sentence | None]:
    """The head count and the sentence that states it."""
    noun = cue("participant_nouns").pattern
    prefix = cue("count_prefix").pattern
    number = "|".join(sorted(count_words(), key=len, reverse=True))
    count = re.compile(
        rf"(?:{prefix})?\b(?:\d{{1,3}}|{number})\b(?P<rest>(?:\s+[^\s\d]+){{0,5}}?\s+(?:{noun}))",
        re.I,
    )
    units = re.compile(rf"\s+(?:{cue_data()['count_units']})\b", re.I)
    for sent in group:
        if not cue("participation_cues").search(sent.text):
            continue
        for match in count.finditer(sent.text):
            if _in_mention(sent, match.start(), "DATE", "MONEY", "PHONE", "PROJECT_CODE"):
                continue
            if units.match(match.group("rest")):
                continue  # "pirms 10 gadiem un speciālisti": years, not people
            value = parse_count(match.group())
            if value and value <= cue_data()["max_participants"]:
                return value, sent
    return None, None


def _participant_groups(group: list[Sentence]) -> list[str]:
    """Who travelled, in the nominative plural: up to three genitives before a participant
    noun ("sociālo pakalpojumu sniedzējiem" -> "sociālo pakalpojumu sniedzēji"), read from
    the visit's first two sentences where people take part. A genitive is a word in -u, -o,
    -as, -es or -a that is no verb form (-ja, -ina, -tu) and no stop word."""
    nouns = cue_data()["participant_group_nouns"]
    stop = set(cue_data()["participant_group_stop_words"])
    stems = "|".join(sorted(nouns, key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<modifiers>(?:\b[\wāčēģīķļņšūž]+(?:u|o|as|es|a) +){{1,3}})(?P<stem>{stems})\w*",
        re.IGNORECASE,
    )
    groups = []
    for sent in group[:2]:
        if not cue("participation_cues").search(sent.text):
            continue
        for match in pattern.finditer(sent.text):
            modifiers = match.group("modifiers").split()
            while modifiers and (modifiers[0].lower() in stop or _VERB_FORM.search(modifiers[0])):
                modifiers = modifiers[1:]
            if modifiers and not any(w.lower() in stop or _VERB_FORM.search(w) for w in modifiers):
                groups.append(" ".join([*modifiers, nouns[match.group("stem").lower()]]))
    return unique(groups)


def _in_mention(sent: Sentence, offset: int, *labels: str) -> bool:
    position = sent.start + offset
    return any(m.clean_start <= position < m.clean_end for m in sent.labelled(*labels))


_PREPOSITION = re.compile(r"(?:uz|pie|līdz)\b", re.IGNORECASE)
_ACCUSATIVE = re.compile(r"(?:us|u)$", re.IGNORECASE)  # "speciālistus", "pašvaldību"


def _sides(sent: Sentence) -> list[tuple[Mention, str]]:
    """Each place of the sentence with its side, "origin" or "destination".

    Places listed together ("Daugavpils, Rēzeknes valstspilsētas, ... un Ludzas novada")
    share one side, decided for the whole list: a cue before it ("no", "uz"), else the case
    of its last item or of the head word after it (a locative is a destination), else a
    genitive naming the participants ("Dobeles novada biedrību pārstāvji") is the origin.
    """
    places = sent.labelled(*PLACE_LABELS)
    lists: list[list[Mention]] = []
    for place in places:
        if lists and _continues(sent.between(lists[-1][-1], place)):
            lists[-1].append(place)
        else:
            lists.append([place])
    return [(place, _side(sent, items)) for items in lists for place in items]


def _continues(gap: str) -> bool:
    """Does the text between two places go on one list: a comma or "un", maybe after the
    head noun of the places before ("no Daugavpils, Rēzeknes pilsētām un Balvu, ...
    novadiem" is one list of origins)?"""
    words = gap.split(maxsplit=1)
    if words and words[0].rstrip(",").lower() in _head_forms():
        gap = gap.strip()[len(words[0].rstrip(",")) :]
    return bool(_LIST_GAP.fullmatch(gap))


def _undated_before(sent: Sentence, mention: Mention) -> str:
    """The sentence left of ``mention`` with its dates blanked out, with the "no" that
    opens a date range ("no 22. līdz 24. maijam" names no origin)."""
    left = sent.before(mention)
    for when in sent.labelled("DATE"):
        start, end = when.clean_start - sent.start, min(when.clean_end - sent.start, len(left))
        if start >= len(left):
            continue
        opener = re.search(r"\bno\s+$", left[:start], re.I)
        start = opener.start() if opener else start
        left = left[:start] + " " * (end - start) + left[end:]
    return left


def _tree_side(sent: Sentence, place: Mention) -> str | None:
    """The side a preposition gives the place in the dependency tree: on the place itself,
    or on the noun phrase it modifies or is listed in ("pārstāvji no Daugavpils, Rēzeknes
    pilsētām un Balvu ... novadiem": "no" on the list's first item)."""
    word = sent.head_word(place)
    while word is not None:
        for child in sent.children(word):
            if child.dep_ == "case":
                if re.fullmatch(cue_data()["origin_prepositions"], child.lower_):
                    return "origin"
                if re.fullmatch(cue_data()["destination_prepositions"], child.lower_):
                    return "destination"
        if not _in_phrase(word):
            return None
        word = sent.head_of(word)
    return None


def _in_phrase(word: Token) -> bool:
    """Does the word's dependency keep it inside its head's noun phrase?"""
    return bool(re.fullmatch(cue_data()["phrase_links"], word.dep_))


def _in_subordinate_clause(sent: Sentence, place: Mention) -> bool:
    """Is the place inside a relative or purpose clause ("lai varētu radīt vidi Jelgavas
    novadā", "uzņēmumu Ogrē, kas ...")?"""
    word = sent.head_word(place)
    while word is not None:
        if re.fullmatch(cue_data()["subordinate_clauses"], word.dep_):
            return True
        word = sent.head_of(word)
    return False


def _side(sent: Sentence, items: list[Mention]) -> str:
    # "no" takes no locative: "no Valmieras novada pieredzes apmaiņā Pērnavā un Tartu" (a
    # country may stand so after a town: "no Šauļiem, Lietuvā")
    locative = any(_SINGULAR_LOCATIVE.search(item.text) for item in items
                   if item.facts.get("kind") != "country")
    tree = _tree_side(sent, items[0])
    if tree == "origin" and locative:
        return "destination"
    if tree:
        return tree
    left = _undated_before(sent, items[0])[-_BEFORE_PLACE:]
    last = items[-1]
    after = sent.text[last.clean_end - sent.start :]
    people = rf"(?:{cue('participant_nouns').pattern}|pašvaldīb\w*|biedrīb\w*)"
    names_people = re.match(rf"\s*[–—-]?\s*(?:\w+\s+){{0,3}}?{people}", after, re.I)
    if names_people and _DATIVE_PLURAL.search(names_people.group()):
        names_people = None  # "Paldies Jēkabpils kolēģiem": thanked, hosts, no travellers
    # The cue nearest the list decides: "no Daugavpils devās uz Naujenes pagastu".
    origin = re.search(rf"(?:{cue('origin_cues').pattern})(?:\s+\S+){{0,4}}\s*$", left, re.I)
    destination = re.search(
        rf"(?:{cue('destination_cues').pattern})(?P<between>(?:\s+\S+){{0,2}})\s*$", left, re.I
    )
    if origin or destination:
        nearest = max((m for m in (origin, destination) if m), key=lambda m: m.start())
        if nearest is destination and names_people and (
            destination.group("between").strip()
            or not (_PREPOSITION.match(destination.group())
                    or _ACCUSATIVE.search(names_people.group()))
        ):
            # "uz Valku devās Smiltenes novada … vadītāji", "māju apskatīja Balvu novada
            # speciālisti": the travellers'; not so right after "pie" ("pie Balvu
            # speciālistiem") or before the verb's object ("apskatīt Balvu speciālistus")
            return "origin"
        if nearest is origin and locative and re.search(r"\bno\b", origin.group(), re.I):
            # "no" for another place ("no Valmieras novada apmaiņā Pērnavā"), else for
            # no place at all ("daļu no redzētā Krāslavā varētu ieviest"); but "kolēģi,
            # kuri strādā Balvu novadā" work there
            cue_at = items[0].clean_start - len(left) + origin.start()
            other = any(cue_at < p.clean_start < items[0].clean_start
                        for p in sent.labelled(*PLACE_LABELS))
            return "destination" if other else "neither"
        return "origin" if nearest is origin else "destination"
    if _in_subordinate_clause(sent, items[0]):
        return "neither"
    head = re.match(r"\s+(\w+)", after)
    shared_head = head and head.group(1).lower() in _head_forms()
    if _LOCATIVE.search(last.text) or (shared_head and _LOCATIVE.search(head.group(1))):
        return "destination"
    return "origin" if names_people else "neither"


def _head_forms() -> frozenset[str]:
    """Every case form of the place head nouns ("novadā", "pašvaldībās"): Latvian words,
    the same in every gazetteer folder, so the package's own."""
    return knowledge_base(PACKAGED_GAZETTEERS).head_forms


def _travellers_places(
    group: list[Sentence], when: str | None, kb: KnowledgeBase
) -> list[Place | _Town]:
    """Places named by the travellers' organisation or centre: "Liepājā viesojās Klaipēdas
    Palīdzības centra darbinieki" come from Klaipēda (the organisation's first word, a place
    genitive), and so do people "no Līvānu novada jauniešu centra «Pulss»", when a travel
    verb says they are the ones who came."""
    places = []
    for sent in group:
        if not cue("travel_verbs").search(sent.text):
            continue
        for org in sent.labelled("ORG", "CENTRE"):
            if _travellers(sent, org) if org.label == "ORG" else _came_from(sent, org):
                places.append(kb.municipality_opening(org.text, when)
                              or _unlisted_town_of(org, sent, kb))
    return [p for p in places if p]


@dataclass(frozen=True)
class _Town:
    """A town abroad no gazetteer lists, named by a body's first word."""

    norm: str
    country: str


def _unlisted_town_of(org: Mention, sent: Sentence, kb: KnowledgeBase) -> _Town | None:
    """The town abroad a body's name opens with when no list has it ("Lillehammeres
    pašvaldības … dienests"), in the one country abroad its sentence names."""
    word = _unlisted_town_word(org, kb)
    if word is None or len(org.text.split()) < 3:
        return None
    countries = {m.facts.get("country") for m in sent.labelled("FOREIGN_PLACE")} - {None, "LV"}
    return _Town(nominative_of(word), countries.pop()) if len(countries) == 1 else None


def _unlisted_town_word(body: Mention, kb: KnowledgeBase) -> str | None:
    """The first word of a body's name when it is the genitive of a town no list has, before
    "pašvaldība" or "pilsēta" ("Lillehammeres pašvaldības …", "Ļubļinas pilsētas …")."""
    words = body.text.split()
    if len(words) > 1 and _TOWN_BODY_WORD.fullmatch(words[1]) and not kb.by_form.get(
            words[0].lower()):
        return words[0]
    return None


def _came_from(sent: Sentence, centre: Mention) -> bool:
    """Is the centre where the travellers came from ("jaunieši no Līvānu novada jauniešu
    centra «Pulss» devās uz …")?"""
    return bool(_FROM.search(sent.before(centre)))


def _set_places(
    visit: Visit, places: list[Mention], side: str, when: str | None, kb: KnowledgeBase
) -> None:
    municipalities = [
        p.norm
        for p in places
        if p.label == "MUNICIPALITY"
        or (p.label == "FOREIGN_PLACE" and p.facts.get("kind") != "country")
    ]
    municipalities = _towns_before_their_districts(municipalities, places)
    regions = [p.norm for p in places if p.label == "REGION"]
    countries = [p.facts.get("country") for p in places]
    localities = [p for p in places if p.label == "LOCALITY"]
    seats = [_seat_of(p, when, kb) for p in localities]  # "no Tukuma": from Tukuma novads
    setattr(visit, f"{side}_region", unique(regions))
    setattr(visit, f"{side}_municipalities", unique([*municipalities, *seats]))
    setattr(visit, f"{side}_countries", unique(countries))
    if side == "destination":
        visit.destination_localities = unique([p.norm for p in localities])
    for place in places:
        column = "region" if place.label == "REGION" else "municipalities"
        if place.label == "LOCALITY" and side == "destination":
            column = "localities"
        note(visit, f"{side}_{column}", place)


def _towns_before_their_districts(norms: list[str], places: list[Mention]) -> list[str]:
    """A district abroad named after a town of the list ("Šauļu rajons" beside "Šauļi",
    "Pērnavas apriņķis" beside "Pērnava") stands for that town: the town is kept."""
    towns = {
        decline(p.norm)["gen"] for p in places if p.facts.get("kind") == "foreign_city" and p.norm
    }
    districts = {
        p.norm for p in places
        if p.facts.get("kind") in ("foreign_municipality", "foreign_county")
        and p.norm and p.norm.split()[0] in towns
    }
    return [n for n in norms if n not in districts]


def _seat_of(locality: Mention, when: str | None, kb: KnowledgeBase) -> str | None:
    """The municipality a visited town names ("Siguldā" -> Siguldas novads; in 2019
    "Jaunjelgavā" -> Jaunjelgavas novads), as it was on ``when``. A place in a municipality
    of another name (Kalnciems, in Jelgavas novads) does not state its municipality."""
    municipality = kb.municipality_named(decline(locality.norm)["gen"], when)
    return municipality.norm if municipality else None

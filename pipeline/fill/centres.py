"""Centres: one row per named social-service site, filled from the sentence that names it.

The type comes from the type words of the CENTRE mention itself; the operator is an ORG
right before it ("NVO “X” dienas aprūpes centra “Y”"); the place is the one inside the name
("Ādažu Ūdensroze"), else its operator's, else the nearest of its sentence, else where the
trip last was in its paragraph; target groups come from cue words right after its name and
in the sentences after it that point back to it; opening date and visitors per day from
cue words of its sentence.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain

from pipeline.document import Centre, Document, Mention
from pipeline.fill.context import (
    PLACE_KINDS_BEFORE_TYPE_WORDS,
    TOWN_KINDS,
    Sentence,
    cue,
    cue_data,
    document_date,
    note,
    place_named_by,
    unique,
)
from pipeline.gazetteer.kb import KnowledgeBase, municipality_on

_TARGET_WINDOW = 150  # characters after a centre's name that may say whom it serves
_FOLLOWING_SENTENCES = 3  # sentences after a centre's that may go on about it
_UNIT_LOOKBACK = 8  # sentences (list items) before a unit that may name its body
_QUOTED = re.compile(r'"(.+)"')  # a name in its legal form's quotes (ORG norms use ASCII ")
# A place a sentence names: (municipality, locality, the mention it was read from).
SentencePlace = tuple[str | None, str | None, Mention]


def find_centres(document: Document, sents: list[Sentence], kb: KnowledgeBase) -> list[Centre]:
    """One :class:`Centre` per distinct CENTRE name in the document, in order of mention."""
    centres: dict[str, Centre] = {}
    when = document_date(sents)
    places: list[list[SentencePlace]] = []  # per sentence, read once the first centre needs them
    for sent in sents:
        for mention in sent.labelled("CENTRE"):
            if not mention.norm:
                continue
            centre = centres.get(mention.norm)
            if centre is None:
                centre = Centre(
                    centre_id=f"{document.doc_id}-c{len(centres) + 1}",
                    name=mention.norm,
                    centre_type=mention.facts.get("centre_type"),
                    doc_ids=[document.doc_id],
                )
                centres[mention.norm] = centre
                note(centre, "centre_type", mention)
            note(centre, "name", mention)
            places = places or [_places_in(s, when, kb) for s in sents]
            _fill(centre, mention, sent, sents, places, when, kb)
    return list(centres.values())


def _fill(
    centre: Centre,
    mention: Mention,
    sent: Sentence,
    sents: list[Sentence],
    places: list[list[SentencePlace]],
    when: str | None,
    kb: KnowledgeBase,
) -> None:
    """Fill ``centre`` from one mention of it; ``places`` are each sentence's places and
    ``when`` (the release's date) picks the municipality a locality lay in then (before or
    after the 2021 reform)."""
    followers = _said_of(mention, sent, sents)
    operator = (
        _parent_body(mention, sent, sents)
        or _operator(mention, sent, followers, _paragraph_after(sent, sents))
        or _run_by(_until_next_centre(sent, sents))
    )
    if centre.operator is None:
        centre.operator = operator.norm if operator else None
        note(centre, "operator", operator)
    municipality, locality, source = _place(mention, operator, sent, sents, places, when, kb)
    if centre.municipality is None and municipality:
        centre.municipality = municipality
        note(centre, "municipality", source)
    if centre.locality is None and locality:
        centre.locality = locality
        note(centre, "locality", source)
    # Who a centre serves is said right after its name ("… “X”, kur apskatījām … pieaugušām
    # personām"), not anywhere in a long sentence that names several sites.
    offset = mention.clean_start - sent.start
    groups = _target_groups(sent.text[offset : offset + len(mention.text) + _TARGET_WINDOW])
    if groups:
        centre.target_groups = unique([*centre.target_groups, *groups])
        note(centre, "target_groups", sent)
    for follower in followers:
        groups = _target_groups(follower.text)
        if groups:
            centre.target_groups = unique([*centre.target_groups, *groups])
            note(centre, "target_groups", follower)
    if centre.opened is None:
        opened = _opening_date(mention, sent, followers)
        centre.opened = opened.norm.split("/")[0] if opened else None
        note(centre, "opened", opened)
    if centre.visitors_per_day is None:
        centre.visitors_per_day = _visitors_per_day(sent.text)
        if centre.visitors_per_day:
            note(centre, "visitors_per_day", sent)


def _said_of(mention: Mention, sent: Sentence, sents: list[Sentence]) -> list[Sentence]:
    """The sentences after the one naming a centre that go on about it, up to the next
    centre named: those opening with a word that points back to it ("Centra pakalpojumi
    tiks sniegti …", "Grupu dzīvoklis ir paredzēts …")."""
    if any(m.label == "CENTRE" and m.clean_start > mention.clean_start for m in sent.mentions):
        return []
    following = [s for s in sents[sent.index + 1 :] if s.text.strip()][:_FOLLOWING_SENTENCES]
    followers = []
    for follower in following:
        if follower.labelled("CENTRE"):
            break
        if _back_reference().match(follower.text):
            followers.append(follower)
    return followers


def _opening_date(
    mention: Mention, sent: Sentence, followers: list[Sentence]
) -> Mention | None:
    """The DATE of an opening said of the centre: in its own sentence (when centres follow
    the opening words, only those opened: "centra ”Pīlādzis” ēkā tika atklāts krīzes
    centrs"), or in a sentence after it that points back to it ("Centrs atvērts 2022. gada
    maijā")."""
    for said in (sent, *followers):
        opening = cue("opening_cues").search(said.text)
        if opening is None:
            continue
        at = said.start + opening.start()
        opened_after = any(m.clean_start > at for m in said.labelled("CENTRE"))
        if said is sent and opened_after and mention.clean_start < at:
            continue
        dates = [m for m in said.labelled("DATE") if m.norm]
        if dates:
            return min(dates, key=lambda m: abs(m.clean_start - at))
    return None


@cache
def _back_reference() -> re.Pattern[str]:
    """A sentence opening that points back to the centre just named."""
    return re.compile(rf"\W*(?:{cue_data()['centre_back_references']})\b", re.IGNORECASE)


def _visitors_per_day(text: str) -> str | None:
    """A number or range of daily visitors as written ("15-20"), else None."""
    for pattern in cue_data()["visitors_per_day"]:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            return re.sub(r"\s?[-–]\s?", "-", match.group("n"))
    return None


def _paragraph_after(sent: Sentence, sents: list[Sentence]) -> list[Sentence]:
    """The next sentences of the centre's paragraph, up to one naming another centre."""
    after = []
    for follower in sents[sent.index + 1 : sent.index + 1 + _FOLLOWING_SENTENCES]:
        if follower.paragraph != sent.paragraph or follower.labelled("CENTRE"):
            break
        after.append(follower)
    return after


def _operator(
    mention: Mention, sent: Sentence, followers: list[Sentence], paragraph: list[Sentence]
) -> Mention | None:
    """An ORG right before the centre ("NVO “X” dienas centra “Y”"), else one tied to it by
    a clause of running it ("biedrību “X”, kas nodrošinās “Pērles” pakalpojumus"), else one
    its sentence (after it) or a later one about it names as its unit's parent ("Krīzes
    centrs būs Daugavpils novada Sociālā dienesta struktūrvienība"), else one right after a verb of
    running it in its sentence, one about it or the rest of its paragraph ("To pārvalda X",
    "Pakalpojumu sniegs X"), else the nearest ORG of the sentence with a legal form and a
    quoted name (biedrība “X”, a municipal institution “Y”: bodies that run centres; a
    culture house or a municipality named near a centre is no sign) that does not name
    visitors ("Talsu Sociālā dienesta darbinieki")."""
    orgs = sent.labelled("ORG")
    for org in orgs:
        if sent.right_before(org, mention):
            return org
    for org in orgs:
        if sent.runs(org, mention):
            return org
    units = re.compile(rf"\s+(?:{cue_data()['operator_units']})\b", re.IGNORECASE)
    for follower in (sent, *followers):
        for org in follower.labelled("ORG"):
            after_it = follower is not sent or org.clean_start > mention.clean_end
            if after_it and units.match(follower.text[org.clean_end - follower.start :]):
                return org
    running_org = _run_by([sent, *followers, *paragraph])
    if running_org is not None:
        return running_org
    travellers = re.compile(rf"\s*(?:\w+\s+)?(?:{cue('participant_nouns').pattern})", re.I)
    candidates = [
        o for o in orgs
        if _QUOTED.search(o.norm or "")
        and not travellers.match(sent.text[o.clean_end - sent.start :])
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda o: abs(o.clean_start - mention.clean_start))


def _parent_body(mention: Mention, sent: Sentence, sents: list[Sentence]) -> Mention | None:
    """A centre named as a unit ("filiāle “Ilģi”", a list item under its body) belongs to
    the organisation named last before it, in its sentence or the few before."""
    units = rf"(?:{cue_data()['operator_units']})\b"
    if not re.match(units, mention.text, re.IGNORECASE):
        return None
    for earlier in (sent, *sents[max(0, sent.index - _UNIT_LOOKBACK) : sent.index][::-1]):
        orgs = [o for o in earlier.labelled("ORG") if o.clean_end <= mention.clean_start]
        if orgs:
            return orgs[-1]
    return None


def _run_by(said: list[Sentence]) -> Mention | None:
    """The first ORG right after a verb of running a centre ("Pakalpojumu sniegs X",
    "Grupu māju vada X") in the sentences ``said``."""
    running = re.compile(cue_data()["operator_verbs"], re.IGNORECASE)
    for sentence in said:
        for org in sentence.labelled("ORG"):
            if running.search(sentence.before(org)):
                return org
    return None


def _until_next_centre(sent: Sentence, sents: list[Sentence]) -> list[Sentence]:
    """The sentences after a centre's, in any paragraph, up to one naming another centre:
    a release about one centre often says who runs it only near its end ("Kad ēka būs
    gatava, pakalpojumu tajā nodrošinās X")."""
    after = []
    for follower in sents[sent.index + 1 :]:
        if follower.labelled("CENTRE"):
            break
        after.append(follower)
    return after


def _place(
    mention: Mention,
    operator: Mention | None,
    sent: Sentence,
    sents: list[Sentence],
    places: list[list[SentencePlace]],
    when: str | None,
    kb: KnowledgeBase,
) -> tuple[str | None, str | None, Mention | None]:
    """The centre's (municipality, locality) and the mention it was read from: the place
    its own name opens with ("Krāslavas novada dienas aprūpes centrs"; a town abroad that
    no gazetteer lists, as the names finder read it: "Stavangeras krīzes centrs"), else the
    municipality its operator's name opens with ("biedrības “Rīgas pilsētas “Rūpju bērns””
    sociālo uzņēmumu RB CAFÉ"), else the nearest place of its sentence, else where the trip
    was last said to be in its paragraph ("… viesojoties Siguldā. … Tāpat viesojāmies centrā
    “Cerību māja”"), else a place of the next sentence. A municipality without a town
    ("Smiltenes novada pašvaldība") takes a town the release names that lies in it, the
    nearest first."""
    earlier = [s for s in sents[: sent.index][::-1] if s.paragraph == sent.paragraph]
    window = (sent, *earlier, *sents[sent.index + 1 : sent.index + 2])
    own = place_named_by(mention.text, PLACE_KINDS_BEFORE_TYPE_WORDS, when, kb)
    own = own or place_named_by(mention.norm or "", TOWN_KINDS, when, kb)
    own = own or ((mention.facts["town"], None) if mention.facts.get("town") else None)
    run_by = _operator_place(operator, when, kb) if operator else None
    if own is not None:
        municipality, locality, source = (*own, mention)
    elif run_by is not None:
        municipality, locality, source = (*run_by, operator)
    else:
        near = next((places[s.index] for s in window if places[s.index]), None)
        if near is None:
            return None, None, None
        municipality, locality, source = min(
            near, key=lambda p: abs(p[2].clean_start - mention.clean_start)
        )
    if locality is None:
        towns = chain(*(places[s.index] for s in (*window, *sents)))
        locality = next((loc for mun, loc, _ in towns if loc and mun == municipality), None)
    return municipality, locality, source


def _operator_place(
    operator: Mention, when: str | None, kb: KnowledgeBase
) -> tuple[str | None, str | None] | None:
    """(municipality, locality) of the place an operator's own name opens with, inside its
    legal form's quotes: a town ("biedrība “Kandavas invalīdu biedrība”" -> Tukuma novads,
    Kandava, since 2021), else a municipality ("biedrība “Rīgas pilsētas “Rūpju bērns””"
    -> Rīga)."""
    quoted = _QUOTED.search(operator.norm or "")
    if quoted is None:
        return None
    town = place_named_by(quoted.group(1), TOWN_KINDS, when, kb)
    if town is not None and town[1] is not None:
        return town
    place = kb.municipality_opening(quoted.group(1), when)
    return (place.norm, None) if place else None


def _places_in(sent: Sentence, when: str | None, kb: KnowledgeBase) -> list[SentencePlace]:
    """(municipality, locality, mention) of each place a sentence names: its place mentions
    and the municipalities that open organisations' names ("Siguldas pašvaldība",
    "Daugavpils pilsētas pašvaldības iestāde"; a town no list has before "pilsētas":
    "Kuopio pilsētas Sociālo pakalpojumu centrs")."""
    found: list[SentencePlace] = []
    for place in sent.labelled("MUNICIPALITY", "LOCALITY", "FOREIGN_PLACE", "ORG"):
        if place.label == "ORG":
            municipality = kb.municipality_opening(place.text, when)
            if municipality:
                found.append((municipality.norm, None, place))
            elif (named := place_named_by(place.text, TOWN_KINDS, when, kb)) and named[0]:
                found.append((named[0], None, place))  # "Kuopio pilsētas …"
        elif place.label == "LOCALITY":
            found.append((municipality_on(place.facts, when), place.norm, place))
        elif place.facts.get("kind") != "country":
            found.append((place.norm, None, place))
    return found


def _target_groups(text: str) -> list[str]:
    return [
        entry["group"]
        for entry in cue_data()["target_groups"]
        if re.search(rf"(?<!\w)(?:{entry['pattern']})", text, re.IGNORECASE)
    ]

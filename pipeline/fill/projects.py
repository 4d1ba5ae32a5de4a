"""Projects: one row per project code, else per project name, filled from the document.

A release usually speaks of one project under several names: an acronym ("DI Latgalē"),
its full title and its code. With codes, every PROJECT mention joins the code nearest to
it; without, short names found apart are separate projects and a long name is the title of
the first. A project known only by a long name has that as its name and no title.
Budgets are MONEY mentions after a total-cost or EU-funding cue; the period is a DATE
range in a sentence about the project.
"""

from __future__ import annotations

import re

from pipeline.document import Document, Mention, Project
from pipeline.fill.context import Sentence, cue, cue_data, note, split_range, unique
from pipeline.normalise.numbers import parse_amount

_TITLE_WORDS = 4  # a PROJECT norm longer than this is a title, not a name
_LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


def find_projects(document: Document, sents: list[Sentence]) -> list[Project]:
    codes = [m for s in sents for m in s.labelled("PROJECT_CODE")]
    names = [m for s in sents for m in s.labelled("PROJECT")]
    if not codes and not names:
        return []
    groups = _group(codes, names)
    projects = []
    weights = []
    for code, members in groups:
        project = _project(code, members)
        if project is not None:
            project.doc_ids = [document.doc_id]
            projects.append(project)
            weights.append(len(members) + sum(c.norm == project.code for c in codes))
    main = _main_project(projects, weights)
    if main is not None:
        _fill_document_facts(main, sents)
    return projects


def _main_project(projects: list[Project], weights: list[int]) -> Project | None:
    """The project the release is about: its only one, else the one named more often than
    any other (a project recalled in passing, "iepriekšējā projektā Est-Lat74", states none
    of the release's facts). Two named as often: none is, and no facts are filled."""
    ranked = sorted(((weight, i) for i, weight in enumerate(weights)), reverse=True)
    if len(ranked) == 1 or (ranked and ranked[0][0] > ranked[1][0]):
        return projects[ranked[0][1]]
    return None


def _group(
    codes: list[Mention], names: list[Mention]
) -> list[tuple[Mention | None, list[Mention]]]:
    if codes:
        distinct = list({c.norm: c for c in codes}.values())
        groups: dict[str, list[Mention]] = {c.norm: [] for c in distinct}
        for name in names:
            nearest = min(codes, key=lambda c: abs(c.clean_start - name.clean_start))
            groups[nearest.norm].append(name)
        return [(c, groups[c.norm]) for c in distinct]
    short = list({m.norm: m for m in names if _is_name(m)}.values())
    titles = [m for m in names if not _is_name(m)]
    if not short:
        return [(None, titles)]
    return [(None, [m, *(titles if i == 0 else [])]) for i, m in enumerate(short)]


def _is_name(mention: Mention) -> bool:
    return bool(mention.norm) and len(mention.norm.split()) <= _TITLE_WORDS


def _project(code: Mention | None, members: list[Mention]) -> Project | None:
    names = [m.norm for m in members if _is_name(m)]
    titles = [m.norm for m in members if not _is_name(m)]
    name = max(sorted(set(names)), key=names.count) if names else None
    title = max(titles, key=_title_rank) if titles else None
    if name is None:  # a project known only by its long name: that is its name
        name, title = title, None
    key = (code.norm if code else None) or name
    if key is None:
        return None
    project = Project(project_key=key, code=code.norm if code else None, name=name, title=title)
    note(project, "code", code)
    note(project, "name", *(m for m in members if m.norm == name))
    note(project, "title", *(m for m in members if title and m.norm == title))
    return project


def _title_rank(title: str) -> tuple[bool, int]:
    """The longest title, a Latvian one before its translation ("…/Social inclusion of …")."""
    return bool(_LATVIAN_LETTERS.search(title)), len(title)


def _fill_document_facts(project: Project, sents: list[Sentence]) -> None:
    """Facts a release states once for its one project: programme, money, period, implementer."""
    programmes = [m for s in sents for m in s.labelled("PROGRAMME")]
    programme = next((m for m in programmes if m.facts.get("kind") != "fund"), None)
    fund = next((m for m in programmes if m.facts.get("kind") == "fund"), None)
    project.programme = programme.norm if programme else None
    project.fund = fund.norm if fund else None
    note(project, "programme", programme)
    note(project, "fund", fund)
    lead = next((m for s in sents if (m := _lead_partner(s)) is not None), None)
    if lead is not None:
        project.implementer = lead.norm
        note(project, "implementer", lead)
    for sent in sents:
        about = _about_project(sent)
        _money(project, sent, about)
        if project.period_start is None and about:
            _period(project, sent)
        if project.implementer is None and about:
            implementer = _implementer(sent)
            project.implementer = implementer.norm if implementer else None
            note(project, "implementer", implementer)
        partners = _partners(sent)
        project.partners = unique([*project.partners, *(m.norm for m in partners)])
        note(project, "partners", *partners)


_PARTNER_LIST_GAP = re.compile(r"\s*(?:ir\s+)?(?:[-–—:,]|un|kā arī)?\s*(?:un\s+)?")


def _lead_partner(sent: Sentence) -> Mention | None:
    """The lead partner ("Projekta vadošais partneris ir X", "Vadošais partneris – X"): the
    body that implements a cross-border project on behalf of all its partners."""
    for cued in cue("lead_partner_cues").finditer(sent.text):
        for actor in sent.labelled("ORG", "REGION"):
            gap = sent.text[cued.end() : actor.clean_start - sent.start]
            if actor.clean_start >= sent.start + cued.end() and _LEAD_GAP.fullmatch(gap):
                return actor
    return None


_LEAD_GAP = re.compile(r"\s*(?:ir\s*)?[-–—:]?\s*")


def _partners(sent: Sentence) -> list[Mention]:
    """The organisations and municipalities listed right after a partner noun ("Latvijas
    partneri – Talsu novada pašvaldība un Kuldīgas novada pašvaldība", "Projekta partneri
    ir ..."); a country is where partners are ("partneriem Lietuvā"), not one of them, and
    the lead partner is the implementer, not one of them."""
    partners: list[Mention] = []
    leads = [m.span() for m in cue("lead_partner_cues").finditer(sent.text)]
    for noun in cue("partner_nouns").finditer(sent.text):
        if any(start <= noun.start() < end for start, end in leads):
            continue
        end = sent.start + noun.end()
        for mention in sent.labelled("ORG", "MUNICIPALITY", "FOREIGN_PLACE"):
            if mention.clean_start < end:
                continue
            gap = sent.text[end - sent.start : mention.clean_start - sent.start]
            if not _PARTNER_LIST_GAP.fullmatch(gap):
                break
            if mention.facts.get("kind") != "country":
                partners.append(mention)
            end = mention.clean_end  # "… pašvaldību Lietuvā un biedrību “X”": a country between
    return partners


def _about_project(sent: Sentence) -> bool:
    """Does the sentence speak of the project ("projekts", its name or code, or who
    implements it: "To no 2015. gada īsteno Kurzemes plānošanas reģions")?"""
    return bool(
        sent.labelled("PROJECT", "PROJECT_CODE")
        or "projekt" in sent.text.lower()
        or cue("implementer_verbs").search(sent.text)
    )


def _money(project: Project, sent: Sentence, about: bool) -> None:
    """EU funding after a fund cue, the total after a cost cue; in a sentence about the
    project, an amount with no cue at all is its total ("... 6,6 miljonu eiro apmērā")."""
    for money in sent.labelled("MONEY"):
        left = sent.before(money)[-80:]
        right = sent.text[money.clean_end - sent.start :][:60]
        amount = parse_amount(money.norm or money.text)
        if cue("eu_funding_cues").search(left[-40:]) or _funding_follows(right):
            if project.eu_funding_eur is None:
                project.eu_funding_eur = amount
                note(project, "eu_funding_eur", money)
        elif (cue("total_budget_cues").search(left) or about) and project.total_budget_eur is None:
            project.total_budget_eur = amount
            note(project, "total_budget_eur", money)


def _funding_follows(right: str) -> bool:
    """ "520 659 EUR ir ERAF finansējums", "478 736 EUR finansēja ERAF": the fund is named
    right after the amount."""
    link = r"ir|ir\s+\w+|kā|(?:līdz)?finansē\w*|sedz\w*"
    return bool(re.match(rf"\s*(?:{link})?\s*(?:{cue('eu_funding_cues').pattern})", right))


def _period(project: Project, sent: Sentence) -> None:
    """A DATE range ("no 2019. gada marta līdz 2021. gada martam"), or one open end."""
    for date in sent.labelled("DATE"):
        if not date.norm:
            continue
        before = sent.before(date)
        if "/" in date.norm and _days_of_one_month(date.norm):
            continue  # "No 7. līdz 9. novembrim": a visit's days, not a project's run
        if "/" in date.norm and cue("period_cues").search(before):
            project.period_start, project.period_end = split_range(date.norm)
            note(project, "period_start", date)
            note(project, "period_end", date)
            return
        if "/" not in date.norm and cue("open_period_start").search(before):
            project.period_start = date.norm
            note(project, "period_start", date)
        elif "/" not in date.norm and cue("open_period_end").search(before):
            project.period_end = date.norm
            note(project, "period_end", date)


def _days_of_one_month(norm: str) -> bool:
    """Is a DATE range a few days of one month ("2023-11-07/2023-11-09")?"""
    start, end = split_range(norm)
    return bool(start and end and len(start) == len(end) == 10 and start[:7] == end[:7])


def _implementer(sent: Sentence) -> Mention | None:
    """Who implements it: the actor of "X ieviestā projekta" or "X noslēdz projektu", else the
    ORG or REGION nearest an implementing verb (Latvian word order is free: "X īsteno
    projektu", "Projektu īsteno X")."""
    actors = sent.labelled("ORG", "REGION")
    participles = cue("implementer_participles").pattern
    subject_verbs = cue_data()["implementer_subject_verbs"]
    # its partners may stand between: "X kopā ar partneriem – Y un Z – noslēgusi projektu"
    companions = r"(?:\s+(?:kopā|sadarbībā)\s+ar\s[^.;]*?)?"
    for actor in actors:
        after = sent.text[actor.clean_end - sent.start :]
        if re.match(rf"{companions}\s+(?:{participles}|(?:{subject_verbs})\b)\s+projekt",
                    after, re.I):
            return actor
    verb = cue("implementer_verbs").search(sent.text)
    if verb and actors:
        return min(actors, key=lambda m: abs(m.clean_start - sent.start - verb.start()))
    return None

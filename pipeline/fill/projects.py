"""Projects: one row per project code, else per project name, filled from the document.

A release usually speaks of one project under several names: an acronym ("DI Latgalē"),
its full title and its code. With codes, every PROJECT mention joins the code nearest to
it; without, short names found apart are separate projects and a long name is the title of
the first. A project known only by a long name has that as its name and no title.
Budgets are MONEY mentions after a total-cost or EU-funding cue; the period is a DATE
range in a sentence about the project.
"""

from __future__ import annotations

from pipeline.document import Document, Mention, Project
from pipeline.fill.context import Sentence, cue, sentences, split_range
from pipeline.normalise.numbers import parse_amount

_TITLE_WORDS = 4  # a PROJECT norm longer than this is a title, not a name


def find_projects(document: Document) -> list[Project]:
    sents = sentences(document)
    codes = [m for s in sents for m in s.labelled("PROJECT_CODE")]
    names = [m for s in sents for m in s.labelled("PROJECT")]
    if not codes and not names:
        return []
    groups = _group(codes, names)
    projects = []
    for code, members in groups:
        project = _project(code, members)
        if project is not None:
            project.doc_ids = [document.doc_id]
            projects.append(project)
    if len(projects) == 1:
        _fill_document_facts(projects[0], sents)
    return projects


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
    title = max(titles, key=len) if titles else None
    if name is None:  # a project known only by its long name: that is its name
        name, title = title, None
    key = (code.norm if code else None) or name
    if key is None:
        return None
    return Project(project_key=key, code=code.norm if code else None, name=name, title=title)


def _fill_document_facts(project: Project, sents: list[Sentence]) -> None:
    """Facts a release states once for its one project: programme, money, period, implementer."""
    programmes = [m for s in sents for m in s.labelled("PROGRAMME")]
    funds = [m.norm for m in programmes if m.facts.get("kind") == "fund"]
    project.programme = next((m.norm for m in programmes if m.facts.get("kind") != "fund"), None)
    project.fund = funds[0] if funds else None
    for sent in sents:
        for money in sent.labelled("MONEY"):
            left = sent.before(money)[-80:]
            amount = parse_amount(money.norm or money.text)
            if project.eu_funding_eur is None and cue("eu_funding_cues").search(left[-40:]):
                project.eu_funding_eur = amount
            elif project.total_budget_eur is None and cue("total_budget_cues").search(left):
                project.total_budget_eur = amount
        about_project = sent.labelled("PROJECT") or "projekt" in sent.text.lower()
        if project.period_start is None and about_project:
            for date in sent.labelled("DATE"):
                if date.norm and "/" in date.norm and cue("period_cues").search(sent.before(date)):
                    project.period_start, project.period_end = split_range(date.norm)
                    break
        verb = cue("implementer_verbs").search(sent.text)
        actors = sent.labelled("ORG", "REGION")
        if project.implementer is None and verb and actors:
            # Latvian word order is free: "X īsteno projektu" and "Projektu īsteno X".
            nearest = min(actors, key=lambda m: abs(m.clean_start - sent.start - verb.start()))
            project.implementer = nearest.norm

"""People: a known first name in any case followed by a capitalised surname.

Latvian first names come from the official name-day lists (``gazetteers/persons``); each is
declined, so "Ritas Stūrānes" is found as the genitive of "Rita". The surname stands in the
same case, so its nominative is the candidate lemma whose form in that case is the one
written ("Stūrānes" -> "Stūrāne"); the norm is first name plus surname in the nominative.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.annotate.spans import Hit, add_candidates
from pipeline.gazetteer.inflect import decline
from pipeline.gazetteer.paths import gazetteer_dir as default_gazetteer_dir

# Nominative endings a surname may have, tried when undoing its case ending.
SURNAME_ENDINGS = ("s", "š", "is", "us", "a", "e", "")
PERSON_CASES = ("nom", "gen", "dat", "acc", "loc")
SOURCE = "persons.first_name"
PERSON_SCORE = 0.9  # a first name and a capitalised word: a strong guess, not a list hit


def _safe_decline(word: str) -> dict[str, str]:
    try:
        return decline(word, mode="person")
    except (ValueError, KeyError):
        return {"nom": word}


@cache
def first_name_forms(names_file: Path) -> dict[str, tuple[tuple[str, str], ...]]:
    """Lower-cased form -> ((first name, case), ...) for every name in ``names_file``."""
    forms: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in names_file.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if len(name) < 3 or not name[0].isupper():
            continue
        paradigm = _safe_decline(name)
        for case in PERSON_CASES:
            form = paradigm.get(case)
            if form:
                forms[form.lower()].append((name, case))
    return {form: tuple(dict.fromkeys(pairs)) for form, pairs in forms.items()}


def surname_lemma(surname: str, case: str) -> str | None:
    """The nominative whose ``case`` form is ``surname``, or None if no candidate fits."""
    if case == "nom":
        return surname
    for cut in range(1, min(4, len(surname) - 1)):
        stem = surname[:-cut]
        for ending in SURNAME_ENDINGS:
            candidate = stem + ending
            if candidate != surname and _safe_decline(candidate).get(case) == surname:
                return candidate
    return None


def _is_surname(token: Token) -> bool:
    return (
        token.text[:1].isupper() and token.is_alpha and len(token.text) > 1 and not token.is_upper
    )


def find_persons(doc: Doc, forms: dict[str, tuple[tuple[str, str], ...]]) -> list[Hit]:
    """First name + surname pairs; the case that makes the surname decline consistently wins."""
    hits = []
    for token in doc[:-1]:
        readings = forms.get(token.lower_)
        surname = doc[token.i + 1]
        if not readings or not token.text[:1].isupper() or not _is_surname(surname):
            continue
        if surname.lower_ in forms and token.i + 2 < len(doc) and _is_surname(doc[token.i + 2]):
            continue  # "Jānis Pēteris Ozols": leave double first names to the next token
        for first, case in readings:
            lemma = surname_lemma(surname.text, case)
            if lemma is not None:
                end = surname.idx + len(surname.text)
                hits.append(Hit(token.idx, end, "PERSON", f"{first} {lemma}", SOURCE, PERSON_SCORE))
                break
    return hits


@Language.factory(
    "lv_persons", default_config={"gazetteer_dir": None}, assigns=["doc._.candidates"]
)
def make_persons(nlp: Language, name: str, gazetteer_dir: str | None):
    """Add PERSON candidates to ``doc._.candidates``."""
    folder = Path(gazetteer_dir) if gazetteer_dir else default_gazetteer_dir()
    forms = first_name_forms(folder / "persons" / "first_names.txt")

    def persons_component(doc: Doc) -> Doc:
        add_candidates(doc, find_persons(doc, forms))
        return doc

    return persons_component

"""People: a known first name in any case followed by a capitalised surname, a pair of
capitalised words after a role noun, or an initial with a surname.

Latvian first names come from the official name-day lists (``gazetteers/persons``); each is
declined, so "Ritas Stūrānes" is found as the genitive of "Rita". The surname stands in the
same case, so its nominative is the candidate lemma whose form in that case is the one
written ("Stūrānes" -> "Stūrāne"); the norm is first name plus surname in the nominative.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.annotate.names import lexicon
from pipeline.annotate.spans import Hit, add_candidates, candidates, doc_text
from pipeline.gazetteer.inflect import decline, gender, guess_spec

# Nominative endings a surname of each gender may have, tried when undoing its case ending.
SURNAME_ENDINGS = {"m": ("s", "š", "is", "us"), "f": ("a", "e")}
SOFT_STEM_ENDINGS = ("ņ", "ļ")
PERSON_CASES = ("nom", "gen", "dat", "acc", "loc")
SOURCE = "persons.first_name"
ROLE_SOURCE = "persons.role"
INITIAL_SOURCE = "persons.initial"
_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
_NAME = rf"[{_UPPER}][a-zāčēģīķļņšūžäöõü]+(?:-[{_UPPER}][a-zāčēģīķļņšūžäöõü]+)?"
_INITIAL = re.compile(rf"(?<![\w.])(?P<initial>[{_UPPER}])\.\s?(?P<surname>{_NAME})")
_ROLE_PAIR = re.compile(
    rf"(?i:\b(?:{lexicon()['person_roles']}))\s+"
    rf"(?P<name>{_NAME} {_NAME})\b"  # a name never runs over a line break
)
# A role noun and one capitalised word not followed by another: "direktorei Solvitai".
_ROLE_SINGLE = re.compile(
    rf"(?i:\b(?:{lexicon()['person_roles']}))\s+"
    rf"(?P<name>{_NAME})\b(?!\s+[{_UPPER}])"
)
# "Leona Paegles ielā": a person's name before a street word names the street.
_STREET_AFTER = re.compile(rf" +(?i:{lexicon()['street_words']})\b")
FirstNames = dict[str, tuple[tuple[str, str, str | None], ...]]
PERSON_SCORE = 0.9  # a first name and a capitalised word: a strong guess, not a list hit


def _safe_decline(word: str) -> dict[str, str]:
    try:
        return decline(word, mode="person")
    except (ValueError, KeyError):
        return {"nom": word}


@cache
def first_name_forms(names_file: Path, common_file: Path | None = None) -> FirstNames:
    """Lower-cased form -> ((first name, case, gender), ...) for every name in ``names_file``,
    the common names of ``common_file`` first: when a form reads as a man's and a woman's
    name ("Lauri": Lauris or Laure), the more common name is tried first."""
    common = set(_lines(common_file)) if common_file and common_file.exists() else set()
    forms: defaultdict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for line in names_file.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if len(name) < 3 or not name[0].isupper():
            continue
        paradigm = _safe_decline(name)
        sex = gender(guess_spec(name, mode="person"))
        for case in PERSON_CASES:
            form = paradigm.get(case)
            if form:
                forms[form.lower()].append((name, case, sex))
    return {
        form: tuple(sorted(dict.fromkeys(pairs), key=lambda reading: reading[0] not in common))
        for form, pairs in forms.items()
    }


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def surname_lemma(surname: str, case: str, sex: str | None) -> str | None:
    """The nominative of ``sex`` whose ``case`` form is ``surname``, or None if none fits."""
    if case == "nom":
        return surname
    endings = SURNAME_ENDINGS.get(sex or "", SURNAME_ENDINGS["m"] + SURNAME_ENDINGS["f"])
    for cut in range(1, min(4, len(surname) - 1)):
        stem = surname[:-cut]
        # Surnames in -ņ- and -ļ- are diminutives in -iņš, -ļš ("Bērziņam" -> "Bērziņš").
        if stem[-1:] in SOFT_STEM_ENDINGS:
            endings = sorted(endings, key=lambda e: e != "š")
        for ending in endings:
            candidate = stem + ending
            if candidate != surname and _safe_decline(candidate).get(case) == surname:
                return candidate
    return None


def _is_surname(token: Token) -> bool:
    return (
        token.text[:1].isupper() and token.is_alpha and len(token.text) > 1 and not token.is_upper
    )


def find_persons(doc: Doc, forms: FirstNames) -> list[Hit]:
    """First name + surname pairs (the reading whose gender and case the surname shares
    wins), role-cued pairs of unknown names, and initials with a surname."""
    full = _full_names(doc, forms)
    cued = _role_cued(doc, full)
    hits = [*full, *cued, *_role_first_names(doc, forms, [*full, *cued]),
            *_initials(doc_text(doc), full)]
    return [hit for hit in hits if not _STREET_AFTER.match(doc_text(doc), hit.end)]


def _full_names(doc: Doc, forms: FirstNames) -> list[Hit]:
    """First name + surname pairs; a word the date rules took is a month ("Martā Bauskā
    viesojās …": in March, in Bauska), not a first name."""
    dates = {c.token_start for c in candidates(doc) if c.hit.label == "DATE"}
    hits = []
    for token in doc[:-1]:
        readings = forms.get(token.lower_)
        surname = doc[token.i + 1]
        if not readings or not token.text[:1].isupper() or not _is_surname(surname):
            continue
        if token.i in dates:
            continue
        if surname.lower_ in forms and token.i + 2 < len(doc) and _is_surname(doc[token.i + 2]):
            continue  # "Jānis Pēteris Ozols": leave double first names to the next token
        second = _second_surname(doc, surname)
        for first, case, sex in readings:
            lemma = surname_lemma(surname.text, case, sex)
            if lemma is None:
                continue
            end = surname.idx + len(surname.text)
            other = surname_lemma(second.text, case, sex) if second is not None else None
            if second is not None and other is not None:  # "Kalnvalde-Ozola", "Kalnai-Liepai"
                lemma, end = f"{lemma}-{other}", second.idx + len(second.text)
            hits.append(Hit(token.idx, end, "PERSON", f"{first} {lemma}", SOURCE, PERSON_SCORE))
            break
    return hits


def _second_surname(doc: Doc, surname: Token) -> Token | None:
    """The second part of a double surname glued by a hyphen ("Kalnvalde-Ozola")."""
    i = surname.i
    if i + 2 >= len(doc) or surname.whitespace_ or doc[i + 1].text != "-":
        return None
    hyphen, second = doc[i + 1], doc[i + 2]
    return second if not hyphen.whitespace_ and _is_surname(second) else None


def _role_cued(doc: Doc, known: list[Hit]) -> list[Hit]:
    """ "vadītāja Liis Kask": a capitalised pair right after a role noun, kept as written."""
    taken = {hit.start for hit in known}
    hits = []
    for match in _ROLE_PAIR.finditer(doc_text(doc)):
        if match.start("name") not in taken:
            norm = match.group("name")
            hits.append(
                Hit(match.start("name"), match.end("name"), "PERSON", norm, ROLE_SOURCE, 0.7)
            )
    return hits


def _role_first_names(doc: Doc, forms: FirstNames, known: list[Hit]) -> list[Hit]:
    """ "Paldies direktorei Solvitai": a known first name alone right after a role noun is a
    person, named in the nominative."""
    taken = {hit.start for hit in known}
    hits = []
    for match in _ROLE_SINGLE.finditer(doc_text(doc)):
        readings = forms.get(match.group("name").lower())
        if readings and match.start("name") not in taken:
            hits.append(Hit(match.start("name"), match.end("name"), "PERSON", readings[0][0],
                            ROLE_SOURCE, 0.7))
    return hits


def _initials(text: str, full: list[Hit]) -> list[Hit]:
    """ "I. Freimane" is the "Ināra Freimane" named in full in the same release; else it is
    kept as an initial and the surname."""
    hits = []
    for match in _INITIAL.finditer(text):
        initial, surname = match.group("initial"), match.group("surname")
        norm = f"{initial}. {surname}"
        for hit in full:
            first, _, last = hit.norm.partition(" ")
            if first.startswith(initial) and last[:-2] and surname.startswith(last[:-2]):
                norm = hit.norm
                break
        hits.append(Hit(match.start(), match.end(), "PERSON", norm, INITIAL_SOURCE, 0.8))
    return hits


@Language.factory("lv_persons", assigns=["doc._.candidates"])
def make_persons(nlp: Language, name: str, gazetteer_dir: str):
    """Add PERSON candidates to ``doc._.candidates``."""
    persons = Path(gazetteer_dir) / "persons"
    forms = first_name_forms(persons / "first_names.txt", persons / "common_first_names.txt")

    def persons_component(doc: Doc) -> Doc:
        add_candidates(doc, find_persons(doc, forms))
        return doc

    return persons_component

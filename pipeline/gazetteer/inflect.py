"""Rule-based Latvian declension for place, head-noun and person names.

Place names in press releases are always inflected ("Preiļos", "Jelgavas novadā"), so the
gazetteer stores every case form. The endings, consonant alternations and the ending ->
class guesses live in ``gazetteers/lexicon/declensions.json``; this module only applies them.

A *spec* names a class and a number: ``"4/sg"`` (Jelgava), ``"1/pl"`` (plural-only Preiļi),
``"6/pl"`` (Cēsis) or ``"indecl"`` (Tartu, LPR). Paradigms are dicts keyed ``"gen"`` (the
lemma's own number) and ``"gen pl"`` (plural); for plural-only lemmas both keys agree.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from pipeline.resources import LEXICON

ALT = "^"
INDECL = "indecl"
QUOTES = "\"„“”«»'"
SURFACE_CASES = ("nom", "gen", "dat", "acc", "loc")  # ins repeats acc/dat; voc is no place form


@cache
def _rules() -> dict[str, Any]:
    with (LEXICON / "declensions.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def cases() -> tuple[str, ...]:
    """All case names in paradigm order."""
    return tuple(_rules()["cases"])


@cache
def noun_endings(*keys: str) -> re.Pattern[str]:
    """The endings of the paradigm slots ``keys`` ("loc", "loc pl", "dat pl") in every noun
    declension, as a pattern matched at a word's end: the case a word of no known paradigm
    may be in ("dienestā", "Cēsīs" end as locatives)."""
    classes = [c for name, c in _rules()["classes"].items() if not name.startswith("adj")]
    endings: set[str] = set()
    for key in keys:
        case, plural = key.removesuffix(" pl"), key.endswith(" pl")
        endings |= {c["pl" if plural else "sg"][case].removeprefix(ALT) for c in classes}
    alternatives = "|".join(sorted((e for e in endings if e), key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})$", re.IGNORECASE)  # all-caps headlines too


def _keys() -> list[str]:
    return [*cases(), *(f"{c} pl" for c in cases())]


def _alternate(stem: str, cls: str) -> str:
    """Apply the stem-final consonant alternation (Rēzekn- -> Rēzekņ-, Balod- -> Balož-)."""
    rules = _rules()
    if any(stem.endswith(e) for e in rules["alternation_exceptions"].get(cls, ())):
        return stem
    table = {k: v for k, v in rules["alternations"].items() if not k.startswith("_")}
    for tail in sorted(table, key=len, reverse=True):
        if stem.endswith(tail):
            return stem[: -len(tail)] + table[tail]
    return stem


def _attach(stem: str, ending: str, cls: str, alternates: bool) -> str:
    if ending.startswith(ALT):
        return (_alternate(stem, cls) if alternates else stem) + ending[1:]
    return stem + ending


def split_spec(spec: str) -> tuple[str, str]:
    """'4/sg' -> ('4', 'sg'); 'indecl' -> ('indecl', 'sg')."""
    cls, _, number = spec.partition("/")
    return cls, number or "sg"


def gender(spec: str) -> str | None:
    """'m' or 'f' for a declinable class, None for indeclinables."""
    cls, _ = split_spec(spec)
    return None if cls == INDECL else _rules()["classes"][cls]["gender"]


def decline_word(word: str, spec: str) -> dict[str, str]:
    """Every case form of one word in the given class."""
    if spec == INDECL:
        return dict.fromkeys(_keys(), word)
    cls, number = split_spec(spec)
    table = _rules()["classes"][cls]
    nom = table[number]["nom"].lstrip(ALT)
    if not word.endswith(nom):
        raise ValueError(f"{word!r} does not end in {nom!r} as class {spec} needs")
    stem = word[: len(word) - len(nom)]
    alternates = word.lower() not in _rules()["no_alternation"]["words"]
    plural = {c: _attach(stem, e, cls, alternates) for c, e in table["pl"].items()}
    if number == "pl":
        # Plural-only names carry any alternation in the lemma already (Preiļi); only the
        # 5th/6th genitive plural alternates further (Priedes -> Priežu).
        plural = {
            c: f if c == "gen" else stem + table["pl"][c].lstrip(ALT) for c, f in plural.items()
        }
    single = plural
    if number == "sg":
        single = {c: _attach(stem, e, cls, alternates) for c, e in table["sg"].items()}
    return {**single, **{f"{c} pl": f for c, f in plural.items()}}


def _candidates(word: str, mode: str) -> list[str]:
    rules = _rules()
    override = rules["overrides"].get(word.lower())
    if override:
        return [override]
    table = rules["guess"][mode]
    for ending in sorted((e for e in table if not e.startswith("_")), key=len, reverse=True):
        if word.endswith(ending):
            return list(table[ending])
    return [INDECL]


def guess_spec(word: str, genitive: str | None = None, mode: str = "place") -> str:
    """The class of a word from its ending; a known genitive picks among the candidates."""
    candidates = _candidates(word, mode)
    if genitive:
        for spec in candidates:
            if decline_word(word, spec)["gen"] == genitive:
                return spec
    return candidates[0]


def nominative_of(form: str, cases: tuple[str, ...] = ("gen", "loc")) -> str:
    """The singular noun a form of ``cases`` most likely comes from ("Klippanas" ->
    "Klippana", "Odsherredā" -> "Odsherreda"; with "acc", "Hamaru" -> "Hamara"): the longest
    matching ending first, and on a tie the feminine classes most foreign town names take;
    else the form itself ("Tartu")."""
    classes = [(cls, table["sg"]) for cls, table in _rules()["classes"].items()]
    for case in cases:
        by_ending = sorted(
            classes,
            key=lambda c: (len(c[1][case].lstrip(ALT)), gender(f"{c[0]}/sg") == "f"),
            reverse=True,
        )
        for cls, endings in by_ending:
            ending, nominative = endings[case].lstrip(ALT), endings["nom"].lstrip(ALT)
            if cls.startswith("adj") or not ending or not form.endswith(ending):
                continue
            candidate = form[: len(form) - len(ending)] + nominative
            if decline_word(candidate, f"{cls}/sg")[case] == form:
                return candidate
    return form


def _agreeing_adjective(word: str, head_spec: str) -> str | None:
    """The adjective class of a definite adjective agreeing with the head, else None."""
    sex = gender(head_spec)
    if sex is None:
        return None
    _, number = split_spec(head_spec)
    cls = f"adj_{sex}"
    if word.endswith(_rules()["classes"][cls][number]["nom"]):
        return f"{cls}/{number}"
    return None


def decline(
    name: str, spec: str | None = None, genitive: str | None = None, mode: str = "place"
) -> dict[str, str]:
    """Every case form of a (multi-word) name.

    The last word (before a trailing year or quoted part) is the head and inflects; a
    definite adjective before it agrees with it ("Apvienotā Karaliste" -> "Apvienotajā
    Karalistē"); any other word is a genitive or apposition and stays as it is
    ("Jelgavas novads" -> "Jelgavas novadā").
    """
    words = name.split(" ")
    end = _head_index(words) + 1
    gen_words = genitive.split(" ") if genitive else []
    head_gen = gen_words[end - 1] if len(gen_words) == len(words) else None
    head_spec = spec or guess_spec(words[end - 1], head_gen, mode)
    parts = []
    for word in words[: end - 1]:
        adj = _agreeing_adjective(word, head_spec)
        parts.append(decline_word(word, adj) if adj else dict.fromkeys(_keys(), word))
    parts.append(decline_word(words[end - 1], head_spec))
    parts.extend(dict.fromkeys(_keys(), word) for word in words[end:])
    return {key: " ".join(p[key] for p in parts) for key in _keys()}


def _head_index(words: list[str]) -> int:
    """The head is the last word before a trailing year, quoted part or invariant word
    ("programma 2014–2020", "fonds Plus")."""
    invariant = set(_rules().get("invariant_words", ()))
    for i, word in enumerate(words):
        if i and (word[:1] in QUOTES or any(ch.isdigit() for ch in word) or word in invariant):
            return i - 1
    return len(words) - 1


def surface_forms(
    name: str,
    spec: str | None = None,
    genitive: str | None = None,
    plural: bool = False,
    mode: str = "place",
) -> list[str]:
    """Distinct surface forms (nom, gen, dat, acc, loc; plural too when asked), in order."""
    paradigm = decline(name, spec, genitive, mode)
    keys = [*SURFACE_CASES, *((f"{c} pl" for c in SURFACE_CASES) if plural else ())]
    return list(dict.fromkeys(paradigm[k] for k in keys))

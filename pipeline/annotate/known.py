"""Names from curated lists: organisations, funds and programmes with their aliases.

``gazetteers/orgs.jsonl`` and ``gazetteers/programmes.jsonl`` list every case form and
alias ("ERAF" -> "Eiropas Reģionālās attīstības fonds"). Programme names are written with
every kind of dash and spacing ("Latvijas-Lietuvas", "Latvijas – Lietuvas") and often open
with "Interreg (V-A)" or close with a period ("2014.–2020. gadam"), so each form becomes a
regex tolerant of all that. Matching is
case-sensitive: aliases such as "Upe" or "LM" are names only when written so; a programme
form that opens with a common noun ("Darbības programma …") is matched in lower case too.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.names import lexicon
from pipeline.annotate.spans import Hit, add_candidates, doc_text

LIST_FILES = (("orgs.jsonl", None), ("programmes.jsonl", "PROGRAMME"))
_DASH = re.compile(r"\s*[-–—]\s*")
_QUOTE_CLASS = '["“”„«»]'
_QUOTES = re.compile(_QUOTE_CLASS)


def _key(form: str) -> str:
    """A form with its dashes, quotes and spacing folded, to look its entry up by."""
    return _QUOTES.sub('"', _DASH.sub("-", re.sub(r"\s+", " ", form)))


def _form_pattern(form: str) -> str:
    """A form as a regex that accepts any dash with or without spaces, any quote mark and
    any spacing (lists store ASCII quotes; releases use Word's „“ and “”)."""
    parts = [re.escape(part) for part in _DASH.split(form)]
    pattern = r"\s?[-–—]\s?".join(parts).replace(r"\ ", r"\s+")
    return pattern.replace('"', _QUOTE_CLASS)


@cache
def known_names(folder: Path) -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    """One alternation over every form (longest first) and the entry of each form."""
    prefix, suffix = lexicon()["programme_prefix"], lexicon()["programme_suffix"]
    parts = lexicon()["programme_parts"]
    common_openers = set(lexicon()["programme_common_openers"])
    entries: dict[str, dict[str, Any]] = {}
    for name, label in LIST_FILES:
        path = folder / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            entry["label"] = label or entry["label"]
            for form in entry["forms"]:
                entries.setdefault(_key(form), entry)
                if entry["label"] == "PROGRAMME" and form.split()[0] in common_openers:
                    entries.setdefault(_key(form[0].lower() + form[1:]), entry)
    alternation = "|".join(_form_pattern(form) for form in sorted(entries, key=len, reverse=True))
    # Only where a form or the prefix can begin is the alternation tried at all: the regex
    # engine would otherwise try every form at every word.
    openers = {form[0] for form in entries} | {option[0] for option in prefix.split("|")}
    opener = "".join(_QUOTE_CLASS[1:-1] if c == '"' else re.escape(c) for c in sorted(openers))
    # The prefix is lazy: a form that itself opens with "Interreg V-A" must win over the
    # prefix plus a shorter alias.
    pattern = re.compile(
        rf"(?<!\w)(?=[{opener}])(?:{prefix})??(?P<form>{alternation})(?:{suffix})?"
        rf"(?P<part>{parts})?(?!\w)")
    return pattern, entries


def _with_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the quote pair right around it, if there is one: a name written in
    quotes is annotated with them ("programmas “Izaugsme un nodarbinātība”")."""
    if start > 0 and end < len(text):
        pair = [text[start - 1], text[end]]
        if pair in lexicon()["quote_pairs"]:
            return start - 1, end + 1
    return start, end


def _with_part(whole: str, part: str) -> str:
    """The norm of a programme named through its part: the whole as written (a genitive of
    the part) and the part in the nominative ("Mūžizglītības programmas apakšprogrammas
    „Grundtvig”" -> 'Mūžizglītības programmas apakšprogramma "Grundtvig"')."""
    part = _QUOTES.sub('"', " ".join(part.split()))
    part = re.sub(r"^((?:apakš)?programm)\w*", r"\1a", part)
    return " ".join([*whole.split(), re.sub(r"\bfond\w*$", "fonds", part)])


@cache
def _street_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?i:{lexicon()['street_words']})\b")


def find_known_names(text: str, folder: Path) -> list[Hit]:
    """Every listed form in the text; a form right before a street word names a street
    ("Upes ielā 4"), not the centre or body the list means."""
    pattern, entries = known_names(folder)
    hits = []
    for match in pattern.finditer(text):
        entry = entries.get(_key(match.group("form")))
        if entry is None or _street_after().match(text, match.end()):
            continue
        facts = {"kind": entry["kind"]} if "kind" in entry else {}
        part = match.group("part") if entry["label"] == "PROGRAMME" else None
        end = match.start("part") if match.group("part") and not part else match.end()
        if part:  # a fund's or programme's part is a programme, named through its whole
            facts["kind"] = "programme"
        hits.append(
            Hit(
                *_with_quotes(text, match.start(), end),
                entry["label"],
                _with_part(text[match.start() : match.start("part")], part) if part
                else entry["norm"],
                "names.known",
                facts=facts,
            )
        )
    return hits


@Language.factory("lv_known_names", assigns=["doc._.candidates"])
def make_known_names(nlp: Language, name: str, gazetteer_dir: str):
    """Add ORG, CENTRE and PROGRAMME candidates from the curated lists."""
    folder = Path(gazetteer_dir)
    known_names(folder)

    def known_names_component(doc: Doc) -> Doc:
        add_candidates(doc, find_known_names(doc_text(doc), folder))
        return doc

    return known_names_component

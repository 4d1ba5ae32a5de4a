"""Names of organisations, centres and projects: quoted names classified by their cue words.

Latvian press releases quote proper names and put their type right before them:
``biedrības “Cerību spārni”`` (ORG), ``dienas aprūpes centra “Saulessvece”`` (CENTRE),
``projekta “DI Latgalē”`` (PROJECT). The cue words live in ``pipeline/data/lexicon.json``.
A quoted name with no cue takes the label it had earlier in the same document, or the label
of the cued name it is listed with ("biedrībās “A”, “B” un “C”").
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import IDX, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc

from pipeline.annotate.backbone import upos_lexicon
from pipeline.annotate.spans import Hit, add_candidates, doc_text
from pipeline.gazetteer.inflect import decline, nominative_of, noun_endings
from pipeline.gazetteer.kb import KnowledgeBase, knowledge_base
from pipeline.normalise.numbers import currency_words

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon.json"

_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽÀ-ÖØ-Þ"
_LOWER = "a-zāčēģīķļņšūžõäöü"
_OPEN = '“„«"”'
_CLOSE = '”“»"'
_PLAIN = f"[^{_OPEN}{_CLOSE}”\n]"
# A quoted name, optionally with one nested quoted name inside (“Rīgas pilsētas “Rūpju bērns””).
_QUOTED = re.compile(
    rf"[{_OPEN}](?P<name>[{_UPPER}0-9]{_PLAIN}{{0,150}}?[“„«]{_PLAIN}{{1,80}}[”“»]{_PLAIN}{{0,80}}?)[{_CLOSE}]"
    rf"|[{_OPEN}](?P<flat>[{_UPPER}0-9]{_PLAIN}{{0,300}}?)[{_CLOSE}]"
)
# A bilingual project title with its acronym: "Latvian title/English title (Acronym)".
_TITLE_SPLIT = re.compile(r"\s*/\s*")
_TITLE_MIN_WORDS = 3  # each side of a "/" that splits a title is a title itself
_TRAILING_ACRONYM = re.compile(r"\s*\((?P<acronym>[^()]{2,40})\)$")
# The genitive of a town abroad that no gazetteer lists ("Asdālas", "Stavangeras"): in a
# release that names a country abroad it may open a place-named centre.
_FOREIGN_GENITIVE = re.compile(r"^[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+(?:as|es)$")
_DATIVE_PLURAL = noun_endings("dat pl")
# A genitive joined before a type phrase's head noun: "Jaunatnes iniciatīvu un veselības
# centrs", "dienas aprūpes un rehabilitācijas centrs".
_COORDINATED = re.compile(r"\s+un\s+(\w+)(?=\s+\S+$)")
# An unquoted name in capitals after a type phrase: "sociālo uzņēmumu RB CAFÉ".
_CAPS_NAME = re.compile(rf"\s(?P<caps>[{_UPPER}]{{2,}}(?:\s[{_UPPER}]{{2,}})*)\b")
_DASHED = re.compile(r"[–—:]\s*\Z")  # type words set off from the name by a dash or colon
_LOCATIVE = noun_endings("loc", "loc pl")
# A town's name in the genitive ("Stavangeras", "Odenses"), before a municipal body.
_TOWN_GENITIVE = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:as|es)")
_PROJECT_ACRONYM = re.compile(
    rf"(?:\b(?i:projekt)\w*|[”“»\"]|\d)\s*\((?P<acronym>[{_UPPER}][{_UPPER}0-9+&-]{{1,14}})[,)]"
    rf"|\b(?i:projekt)\w*\s+(?P<bare>[{_UPPER}][{_UPPER}0-9+&]{{2,14}})\b(?![-–])"
)
# Between two names of one kind: a list ("“A”, “B” un “C”") or an alias ("“A” jeb “B”",
# "“A” (“B”)").
_LIST_GLUE = re.compile(rf"^\s*(?:[{_UPPER}]\w+\s*)?(?:,|un|vai|jeb|\()\s*\Z")
# Where the left context of a name stops: a sentence end, but not the dot of "Nr.".
_SENTENCE_BREAK = re.compile(r"(?<!\bNr)[.!?;:\n](?:\s|$)")
_OPENING_WORD = re.compile(rf"(?<![\w-])(?P<word>[{_UPPER}][\w-]+) +\Z")
# A place word and a list's comma or conjunction at the end of the text before a name; read
# in the last characters only, as a search anchored at the end still tries every position.
_LISTED_BEFORE = re.compile(r"(\S+)(?:\s+(?:novada|pilsētas|valstspilsētas))?\s*(?:,|\bun|\bvai)$")
_LIST_WINDOW = 80


@cache
def lexicon() -> dict:
    """``pipeline/data/lexicon.json``, read once for every finder that takes cues from it."""
    return json.loads(LEXICON.read_text(encoding="utf-8"))


@cache
def people_nouns() -> re.Pattern[str]:
    """The lexicon's nouns for a place's people ("darbinieki", "speciālisti"), compiled once
    for the finders that ask whether people follow a name."""
    return re.compile(lexicon()["people_nouns"], re.IGNORECASE)


@cache
def _lexicon() -> dict:
    """The lexicon with its cue patterns compiled (added keys start with ``_``)."""
    data = dict(lexicon())

    def before(patterns: str, tail: str = "") -> re.Pattern[str]:
        # a comma with no space after it also opens the cue ("Salacgrīvā,dienas centrā …")
        # … or a dash or colon between the type words and the name ("grupu mājas – „X”").
        return re.compile(rf"(?:^|(?<=[\s(,]))(?:{patterns}){tail}\s*(?:[–—:]\s*)?\Z",
                          re.IGNORECASE)

    data["_centre_cues"] = [
        (before(entry["pattern"], data["centre_type_tail"]), entry["type"])
        for entry in data["centre_types"]
    ]
    # A name in capitals follows its type words directly ("uzņēmumu RB CAFÉ"); after a
    # target group ("darbnīcu personām ar GRT") capitals are an abbreviation, no name.
    data["_centre_cues_adjacent"] = [
        (before(entry["pattern"]), entry["type"]) for entry in data["centre_types"]
    ]
    data["_legal_cues"] = [
        (
            re.compile(
                # An abbreviation may stand between the form and the name: "nevalstiskā
                # organizācija JIIC “Saspraude”", "nevalstiskā organizācija MTÜ “…”".
                rf"(?:^|(?<=[\s(]))(?:{entry['pattern']})(?P<abbr> (?-i:[{_UPPER}]{{2,6}}))?\s*\Z",
                0 if entry.get("case_sensitive") else re.IGNORECASE,
            ),
            entry["norm"],
        )
        for entry in data["legal_forms"]
    ]
    data["_centre_prefix"] = re.compile(rf"(?:(?i:{data['centre_prefix_words']}) +)*\Z")
    data["_generic_centre_cue"] = before(data["generic_centre_cue"])
    data["_site_object_cue"] = before(data["site_object_cue"])
    data["_programme_name_cue"] = before(data["programme_name_cue"])
    data["_place_word"] = re.compile(data["place_words"], re.IGNORECASE)
    data["_non_funding_programme"] = re.compile(
        rf"(?:^|(?<=\s))(?:{data['non_funding_programme_words']})\s*\Z", re.IGNORECASE
    )
    # The gap may hold the project's code with its dots ("projekta Nr. 1DP/1.4.1.2.4/10/…").
    data["_project_cue"] = re.compile(
        rf"\b{data['project_cues']}\b(?:[^.;:!?]|Nr\.|\d\.(?=\d))" r"{0,60}\Z", re.I
    )
    heads = "|".join(f"(?P<h{i}>{entry['pattern']})" for i, entry in enumerate(data["org_heads"]))
    glue = data["org_name_glue"]
    # Name words: capitalised words and glue ("novada"), with at most a few lower-case
    # genitives among them ("Tartu pilsētas Sociālās palīdzības departaments"), one maybe
    # joined by "un" ("Klaipēdas Pedagoģijas un psiholoģijas dienests"; a capitalised word
    # after "un" starts a list of names instead: "Siguldas un Ikšķiles pašvaldības").
    capital = rf"(?:(?:[{_UPPER}][\w-]+|{glue}) +)"
    u_stems = data["org_name_u_stem_genitives"]
    genitive = rf"(?:(?:un +)?(?:[{_LOWER}][\w-]{{2,}}(?:as|ās|es|ēs|u|a|o|is)|{u_stems}) +)"
    lowercase = data["org_name_lowercase_words"]
    data["_org_unquoted"] = re.compile(
        rf"\b(?P<name>[{_UPPER}][\w-]+ +{capital}*(?:{genitive}{capital}*){{0,{lowercase}}})"
        rf"(?P<head>(?i:{heads}))\b"
    )
    data["_org_head"] = re.compile(rf"(?<!\w)(?i:{heads})(?=\s)")
    data["_needs_a_name"] = re.compile(rf"(?i:{data['named_heads_need_a_name']})")
    data["_legal_prefix"] = re.compile(rf"[{_UPPER}][\w-]+ +(?:(?:{glue}) +)+\Z")
    data["_org_glue"] = re.compile(rf"\b(?:{glue})\b")
    data["_place_named_centres"] = _place_named_centre_pattern(
        data["place_named_centres"], data["centre_place_glue"], data["centre_group_words"]
    )
    data["_plural_head"] = re.compile(data["plural_head_endings"])
    data["_served"] = re.compile(data["served_nouns"], re.IGNORECASE)
    return data


def _place_named_centre_pattern(
    entries: list[dict], glue: str, groups: str
) -> tuple[re.Pattern[str], dict[str, dict]]:
    """A regex over every case form of every type lemma after a capitalised genitive (maybe
    after its municipality: "Talsu novada Strazdes bērnu nams") and maybe a word of whom
    the centre serves (a multi-word lemma may coordinate a genitive
    before its head noun), and the entry of each (lower-cased) form."""
    by_form: dict[str, dict] = {}
    for entry in entries:
        # A type named in the singular names one centre in its singular forms only: "Kuopio
        # pilsētas jauniešu centros" are a town's youth centres, none of them named.
        paradigm = {"nom": entry["lemma"]} if entry["lemma"].isupper() else decline(entry["lemma"])
        if entry.get("any_number"):  # the cases each form can be: the name's own number
            entry["cases"] = {}
            for case, form in paradigm.items():
                entry["cases"].setdefault(form.lower(), set()).add(case)
        for case, form in paradigm.items():
            if entry.get("plural") or entry.get("any_number") or not case.endswith(" pl"):
                by_form.setdefault(form.lower(), entry)

    def form_pattern(form: str) -> str:
        *modifiers, head = form.split()
        if not modifiers:
            return re.escape(head)
        return rf"{re.escape(' '.join(modifiers))}(?:\s+un\s+\w+)?\s+{re.escape(head)}"

    alternation = "|".join(form_pattern(f) for f in sorted(by_form, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<place>(?:[{_UPPER}][\w-]+\s+novada\s+(?=[{_UPPER}]))?"
        rf"[{_UPPER}][\w-]+(?:\s+(?P<glue>{glue})(?:\s+(?:{glue}))?)?)"
        rf"(?:\s+(?P<group>{groups}))?\s+(?P<type>(?i:{alternation}))(?!\w)"
    )
    return pattern, by_form


def quote_free(name: str) -> str:
    """The contract's quote convention: typographic quotes become ASCII ``"``."""
    return re.sub(f"[{_OPEN}{_CLOSE}”]", '"', name)


def find_quoted_names(text: str, kb: KnowledgeBase) -> list[Hit]:
    """Classify every quoted name by the cue words before it (see module docstring)."""
    hits: list[Hit] = []
    seen: dict[str, Hit] = {}
    previous: Hit | None = None
    previous_end = -1
    for match in _QUOTED.finditer(text):
        name = match.group("name") or match.group("flat")
        left = text[max(0, match.start() - 120) : match.start()]
        left = _SENTENCE_BREAK.split(left)[-1]
        hit = _classify(text, match.start(), match.end(), name, left, kb)
        if (
            hit is None
            and previous is not None
            and _LIST_GLUE.match(text[previous_end : match.start()])
        ):
            hit = _like(previous, match.start(), match.end(), name, "list")
        earlier = name if name in seen else _inflected_from(name, seen)
        if hit is None and earlier is not None:
            hit = _like(seen[earlier], match.start(), match.end(), earlier, "coreference")
        if hit is None:
            previous = None
            continue
        hits.extend(_project_parts(hit, text) if hit.label == "PROJECT" else [hit])
        seen.setdefault(name, hit)
        previous, previous_end = hit, match.end()
    return hits


def _project_parts(hit: Hit, text: str) -> list[Hit]:
    """A quoted project title that holds a Latvian and an English title and the acronym
    ("“Neaizsargāto grupu … tīklu/Social inclusion … network (Valued people)”") is three
    names, each spanning its own words; any other quoted name stays whole."""
    inner_start, inner_end = hit.start + 1, hit.end - 1
    inner = text[inner_start:inner_end]
    acronym = _TRAILING_ACRONYM.search(inner)
    titles_end = inner_start + (acronym.start() if acronym else len(inner))
    pieces = _TITLE_SPLIT.split(text[inner_start:titles_end])
    if len(pieces) != 2 or not all(len(p.split()) >= _TITLE_MIN_WORDS for p in pieces):
        return [hit]
    parts = []
    position = inner_start
    for piece in pieces:
        start = text.index(piece, position)
        parts.append(replace(hit, start=start, end=start + len(piece), norm=quote_free(piece)))
        position = start + len(piece)
    if acronym:
        start = inner_start + acronym.start("acronym")
        name = acronym.group("acronym")
        parts.append(replace(hit, start=start, end=start + len(name), norm=quote_free(name)))
    return parts


def _classify(
    text: str, start: int, end: int, name: str, left: str, kb: KnowledgeBase
) -> Hit | None:
    lexicon = _lexicon()
    # A legal form first: "Valsts sociālās aprūpes centra „Rīga”" is a state institution.
    for cue, legal_form in lexicon["_legal_cues"]:
        cue_match = cue.search(left)
        if cue_match:
            # "Jelgavas valstspilsētas pašvaldības iestāde “X”": the owner belongs to the name.
            owner = lexicon["_legal_prefix"].search(left[: cue_match.start()])
            cue_start = owner.start() if owner else cue_match.start()
            span_start = start - (len(left) - cue_start)
            owner_words = left[cue_start : cue_match.start()]
            abbreviation = cue_match.group("abbr") or ""
            norm = f'{owner_words}{legal_form}{abbreviation} "{quote_free(name)}"'
            return Hit(
                span_start, end, "ORG", norm, "names.quoted", facts={"legal_form": legal_form}
            )
    for cue, centre_type in lexicon["_centre_cues"]:
        cue_match = cue.search(left)
        if cue_match:
            span_start = start - (len(left) - _centre_start(left, cue_match.start(), kb))
            if _DASHED.search(cue_match.group()):  # "grupu mājas – „X”": the name alone
                span_start = start
            return Hit(
                span_start, end, "CENTRE", name, "names.quoted", facts={"centre_type": centre_type}
            )
    generic = lexicon["_generic_centre_cue"].search(left)
    if generic:
        span_start = start - (len(left) - generic.start())
        return Hit(span_start, end, "CENTRE", name, "names.quoted", facts={"centre_type": "other"})
    if lexicon["_site_object_cue"].search(left):  # "objektā “Eglāji – 1”": no type words
        return Hit(start, end, "CENTRE", name, "names.quoted", facts={"centre_type": "other"})
    programme = lexicon["_programme_name_cue"].search(left)
    if programme:
        if lexicon["_non_funding_programme"].search(left[: programme.start()]):
            return None  # "mācību programma „X”": a curriculum, no fund
        if re.match(r"programm", programme.group(), re.IGNORECASE):
            # "valsts budžeta programmas „X”": the programme word belongs to the name
            span_start = start - (len(left) - programme.start())
            return Hit(span_start, end, "PROGRAMME", f'programma "{quote_free(name)}"',
                       "names.programme", score=0.9)
        return Hit(start, end, "PROGRAMME", quote_free(name), "names.programme", score=0.9)
    if lexicon["_project_cue"].search(left):
        return Hit(start, end, "PROJECT", quote_free(name), "names.quoted")
    return None


def _centre_start(left: str, cue_start: int, kb: KnowledgeBase) -> int:
    """Where a centre's span starts: its type words, widened over the words that qualify
    them ("sociālā", "pensionāru") and a known place opening them ("Viļānu novada",
    "Espo")."""
    start = _lexicon()["_centre_prefix"].search(left[:cue_start]).start()
    place = _OPENING_WORD.search(left[:start])
    if place:
        word = place.group("word").lower()
        if kb.by_form.get(word) or kb.by_modifier.get(word):
            return place.start()
    return start


def _inflected_from(name: str, seen: dict[str, Hit]) -> str | None:
    """A centre or project name seen earlier of which ``name`` is a case form ("“Pērles”"
    after "“Pērle”"): the mention takes the earlier, nominative name as its norm."""
    for earlier, hit in seen.items():
        if hit.label != "ORG" and name in _case_forms(earlier):
            return earlier
    return None


@cache
def _case_forms(name: str) -> frozenset[str]:
    try:
        return frozenset(decline(name).values())
    except (ValueError, KeyError):
        return frozenset()


def _like(model: Hit, start: int, end: int, name: str, how: str) -> Hit:
    """A name that takes the label (and legal form) of ``model``; its span is the quotes only."""
    if model.label == "ORG" and "legal_form" in model.facts:
        norm = f'{model.facts["legal_form"]} "{quote_free(name)}"'
    else:
        norm = quote_free(name)
    return Hit(start, end, model.label, norm, f"names.{how}", facts=dict(model.facts))


def _named_institution(
    text: str, match: re.Match[str], lexicon: dict, kb: KnowledgeBase
) -> bool:
    """Tell a named body ("Liepājas domes", "Tartu pilsētas Sociālās palīdzības
    departamenta") from a sentence-initial "Pateicoties pašvaldības", a region's generic
    "Kurzemes pašvaldību" and a shared-head list "Siguldas un Ikšķiles pašvaldības" (whose
    names are places, found by the gazetteer)."""
    words = match.group("name").split()
    if _LOCATIVE.search(words[0]):
        return False  # "Liepājā viesojās Klaipēdas …": the name starts at a genitive
    if words[0].casefold() in currency_words():
        return False  # "… 478 736 EUR finansēja Eiropas …": an amount's currency opens none
    head = next(e for i, e in enumerate(lexicon["org_heads"]) if match.group(f"h{i}"))
    opener = words[0].lower()
    listed = kb.by_form.get(opener) or kb.by_modifier.get(opener) or (
        # "Kuopio pilsētas sociālo pakalpojumu centrs": a place word says it is a place, and
        # so does "pašvaldības" after a town's genitive ("Bergenas pašvaldības … nodaļa")
        len(words) > 1 and (lexicon["_place_word"].fullmatch(words[1]) or (
            words[1] == "pašvaldības" and _TOWN_GENITIVE.fullmatch(words[0])))
    )
    placed = listed or (
        head.get("town_genitive") and len(words) == 1 and _TOWN_GENITIVE.fullmatch(words[0])
    )
    if head.get("needs_place") and not placed and words[0] not in lexicon["national_name_openers"]:
        return False  # "Labklājības pārvalde" alone is a generic name (contract section 1)
    before = text[: match.start()].rstrip()
    # At a sentence's start only a listed place opens a name ("Pateicoties pašvaldības" is
    # none; "Augšdaugavas novada pašvaldība" is one, though no town is called so).
    if (not before or before[-1] in '.!?:\n“„"') and not listed:
        return False
    place_words = [w for w in words if not lexicon["_org_glue"].fullmatch(w)]
    if any(p.label == "REGION" for p in kb.by_form.get(" ".join(place_words).lower(), ())):
        return False  # "Latgales reģiona pašvaldību": a region's municipalities, no body
    if lexicon["_needs_a_name"].fullmatch(match.group("head")) and all(
        kb.by_modifier.get(w.lower()) for w in place_words
    ):
        return False  # "Dobeles novada biedrību": associations of a place, none named
    # "Jūrmalas pilsētas un Jelgavas novada sociālo dienestu": one head shared by a list.
    shared = _LISTED_BEFORE.search(before[-_LIST_WINDOW:])
    return not (shared and kb.by_modifier.get(shared.group(1).lower()))


def _plural(head_text: str, lemma: str, lexicon: dict) -> bool:
    """A plural head names a kind of body, not one body ("LPR pašvaldībām", "novada sociālie
    dienesti"); a masculine head in -i is a nominative plural."""
    masculine_plural = lemma.endswith("s") and head_text.endswith("i")
    return masculine_plural or bool(lexicon["_plural_head"].search(head_text))


def _nominative(name_words: list[str], lemma: str, lexicon: dict) -> str:
    """The institution's name in the nominative: the head noun's lemma, and a definite
    adjective right before it agreeing with it ("Sociālās pārvaldes" -> "Sociālā pārvalde")."""
    if name_words:
        gender = "feminine" if lemma.split()[-1][-1] in "ae" else "masculine"
        last = name_words[-1]
        endings = [*lexicon["adjective_nominative"][gender].items(), *(
            lexicon["adjective_nominative_lower_case"][gender].items() if last.islower() else ())]
        for ending, nominative in sorted(endings, key=lambda e: -len(e[0])):  # "-ajā" before "-ā"
            if last.endswith(ending) and not lexicon["_org_glue"].fullmatch(last):
                name_words = [*name_words[:-1], last[: -len(ending)] + nominative]
                break
    return " ".join([*name_words, lemma])


def find_repeated_centres(text: str, found: list[Hit]) -> list[Hit]:
    """A centre named again by its quoted name alone („Lāsīte” after "dienas centrs
    „Lāsīte”"): the same centre, wherever no other name covers it."""
    taken = [(h.start, h.end) for h in found]
    repeated = []
    for centre in {h.norm: h for h in found if h.label == "CENTRE" and h.norm}.values():
        for opening, closing in lexicon()["quote_pairs"]:
            quoted = re.escape(opening + centre.norm + closing)
            for match in re.finditer(quoted, text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                repeated.append(Hit(start, end, "CENTRE", centre.norm, "names.repeated", 0.8,
                                    facts=dict(centre.facts)))
    return repeated


def described_centres(found: list[Hit]) -> list[Hit]:
    """A centre's place and type words said apart from its quoted name ("Siguldas atelpas
    brīža māju iepazīst …" beside "Siguldas atelpas brīža māja „Zīles”") name that centre:
    such a hit takes the quoted centre's norm, when one quoted centre alone is so
    described."""
    quoted = [h for h in found if h.label == "CENTRE" and h.source == "names.quoted"]
    glue = re.compile(rf"\s(?:{lexicon()['centre_place_glue']})(?=\s)")

    def key(hit: Hit) -> str:  # "Smiltenes novada jauniešu centrs" is "Smiltenes jauniešu centrs"
        return glue.sub("", hit.norm or "")

    described: dict[str, list[Hit]] = {}
    for hit in found:
        if hit.source == "names.place_named":
            for centre in quoted:
                if centre.start <= hit.start and hit.end <= centre.end:
                    described.setdefault(key(hit), []).append(centre)
    result = []
    for hit in found:
        centres = described.get(key(hit)) if hit.source == "names.place_named" else None
        if centres and len({c.norm for c in centres}) == 1:
            centre = centres[0]
            hit = replace(hit, norm=centre.norm, source="names.described", facts=dict(centre.facts))
        result.append(hit)
    return result


def find_project_acronyms(text: str) -> list[Hit]:
    """A project's acronym in brackets right after the word "projekts", its quoted title or
    its code: "projekta (DI)", "“… kopienās” (SENCOM, LLI-512)", "Nr. LLI425 (OCTOPUS)";
    or in capitals right after "projekts": "Projekts SENCOM tiek īstenots"."""
    hits = []
    for match in _PROJECT_ACRONYM.finditer(text):
        group = "acronym" if match.group("acronym") else "bare"
        start, end = match.span(group)
        hits.append(Hit(start, end, "PROJECT", match.group(group), "names.acronym", score=0.9))
    return hits


def find_unquoted_names(
    text: str, kb: KnowledgeBase, verbs: frozenset[int] = frozenset()
) -> list[Hit]:
    """ORGs named by a capitalised name and an institution noun ("Liepājas domes"), centres
    named by a place and type words, and centres named in capitals after a type phrase
    ("uzņēmumu RB CAFÉ")."""
    lexicon = _lexicon()
    hits: list[Hit] = []
    position = 0
    while match := lexicon["_org_unquoted"].search(text, position):
        match = _first_institution(text, match, lexicon, verbs)
        head = next(i for i, entry in enumerate(lexicon["org_heads"]) if match.group(f"h{i}"))
        lemma = lexicon["org_heads"][head]["lemma"]
        head_text = match.group("head")
        if _plural(head_text, lemma, lexicon) or not _named_institution(
            text, match, lexicon, kb
        ):
            position = match.start() + 1  # the name may start at the next word
            continue
        position = match.end()
        if head_text[0].isupper():
            lemma = lemma[0].upper() + lemma[1:]
        norm = _nominative(match.group("name").split(), lemma, lexicon)
        hits.append(Hit(match.start(), match.end(), "ORG", norm, "names.institution", score=0.9))
    hits.extend(_place_named_centres(text, lexicon, kb))
    for match in _CAPS_NAME.finditer(text):
        left = _SENTENCE_BREAK.split(text[max(0, match.start() - 80) : match.start()])[-1]
        for cue, centre_type in lexicon["_centre_cues_adjacent"]:
            cue_match = cue.search(left)
            if cue_match:
                span_start = match.start() - (len(left) - cue_match.start())
                hits.append(
                    Hit(
                        span_start,
                        match.end(),
                        "CENTRE",
                        match.group("caps"),
                        "names.caps",
                        facts={"centre_type": centre_type},
                    )
                )
                break
    return hits


def _first_institution(
    text: str, match: re.Match[str], lexicon: dict, verbs: frozenset[int]
) -> re.Match[str]:
    """The match cut before the first verb inside its name (``verbs``: where the backbone
    tagged one): "Dundagas novada pašvaldība saņēma Labklājības ministrijas" is two names,
    "saņēma" no lower-case genitive of one; "… pašvaldības administrācija" stays whole."""
    name_start, name_end = match.span("name")
    verb = min((i for i in verbs if name_start < i < name_end), default=None)
    if verb is None:
        return match
    heads = list(lexicon["_org_head"].finditer(text, name_start, verb))
    if not heads:
        return match
    return lexicon["_org_unquoted"].fullmatch(text, match.start(), heads[-1].end()) or match


def _place_named_centres(text: str, lexicon: dict, kb: KnowledgeBase) -> list[Hit]:
    """Centres named by a place and type words ("Līgatnes dienas centru" -> "Līgatnes dienas
    centrs"); the first word must be the genitive of a known place, or of a town (a place
    word follows it: "Ļubļinas pilsētas"), or of a town abroad in a release that names a
    country abroad ("Stavangeras krīzes centrs")."""
    pattern, by_form = lexicon["_place_named_centres"]
    hits = []
    abroad = cache(lambda: _names_a_country_abroad(text, kb))
    for match in pattern.finditer(text):
        place, type_words = match.group("place"), match.group("type")
        if _LOCATIVE.search(place.split()[0]):  # "Liepājā krīzes centra …": where, not whose
            continue
        known = kb.by_form.get(place.lower()) or kb.by_form.get(place.split()[0].lower())
        unlisted = not (known or match.group("glue"))
        if unlisted and not (_FOREIGN_GENITIVE.search(place) and abroad()):
            continue
        if f"{place} {type_words}".lower() in by_form:  # "Ģimenes atbalsta centrs": a type
            continue
        if _of_their_people(text, match.end(), type_words, lexicon["_served"]):
            continue
        entry = by_form.get(type_words.lower())  # "bērnu un jauniešu centrs" is a type
        coordinated = None if entry else _COORDINATED.search(type_words)
        entry = entry or by_form[_COORDINATED.sub("", type_words).lower()]
        plural = entry.get("plural") or _named_in_the_plural(text, match.end(), type_words, entry)
        lemma = decline(entry["lemma"])["nom pl"] if plural else entry["lemma"]
        if type_words[:1].isupper() and not lemma[:1].isupper():
            lemma = lemma[0].upper() + lemma[1:]
        if coordinated:
            *modifiers, head = lemma.split()
            lemma = " ".join([*modifiers, "un", coordinated.group(1), head])
        served = f"{match.group('group')} " if match.group("group") else ""
        hits.append(
            Hit(
                match.start(),
                match.end(),
                "CENTRE",
                f"{place} {served}{lemma}",
                "names.place_named",
                facts={"centre_type": entry["type"], **({"town": nominative_of(place)}
                                                        if unlisted else {})},
            )
        )
    return hits


def _named_in_the_plural(text: str, end: int, type_words: str, entry: dict) -> bool:
    """Is a centre whose type is named in either number ("specializētā darbnīca") named in
    the plural here? A plural-only form says so ("Rēzeknes specializētajām darbnīcām");
    a form also the genitive singular ("specializētās darbnīcas") does when no noun it
    would belong to follows: the sentence goes on with a verb or a stop ("… strādā Kuldīgas
    specializētās darbnīcas.", "Dobeles specializētās darbnīcas iepazīstināja …"), not
    "… darbnīcas vadītāja"."""
    cases = entry.get("cases", {}).get(_COORDINATED.sub("", type_words).lower(), set())
    if not cases or all(case.endswith(" pl") for case in cases):
        return bool(cases)
    if "nom pl" not in cases:  # "specializēto darbnīcu": the accusative singular
        return False
    following = re.match(r"\s*(\w+|\S|\Z)", text[end:])
    word = following.group(1) if following else ""
    return not word or not word[0].isalnum() or word.lower() in _verb_forms()


def _names_a_country_abroad(text: str, kb: KnowledgeBase) -> bool:
    return any(
        place.kind == "country" and place.country != "LV"
        for word in re.findall(r"\w+", text)
        for place in kb.by_form.get(word.lower(), ())
    )


def _of_their_people(text: str, end: int, type_words: str, served: re.Pattern[str]) -> bool:
    """Type words in the genitive plural before people named as such ("Bauskas novada
    dienas centru vadītāji"): the staff of a place's centres, no named centre. Those it
    serves in the dative ("dienas centru senioriem") say whom one centre serves."""
    after = re.match(r"\s+(\w+)", text[end:])
    if not (type_words.endswith("u") and after and people_nouns().fullmatch(after.group(1))):
        return False
    word = after.group(1)
    return not (_DATIVE_PLURAL.search(word) and served.fullmatch(word))


_VERB_POS = (VERB, AUX)


@cache
def _verb_forms() -> frozenset[str]:
    """Forms the treebank only ever has as verbs (its UPOS lexicon)."""
    return frozenset(form for form, upos in upos_lexicon().items() if upos in ("VERB", "AUX"))


def _verb_offsets(doc: Doc) -> frozenset[int]:
    """Where verbs start: words the backbone tagged as verbs (the models tag the sentences
    they analyse after the finders, so only the ``official`` backbone has tags here) and forms the
    treebank knows only as verbs. Read as arrays, since making a Python token object for
    every word costs more than the rest."""
    rows = doc.to_array([IDX, POS, ORTH]).reshape(-1, 3)
    tagged = rows[numpy.isin(rows[:, 1], _VERB_POS), 0].tolist()
    forms, strings = _verb_forms(), doc.vocab.strings
    return frozenset([*tagged, *(idx for idx, _, orth in rows.tolist()
                                  if strings[orth] in forms)])


@Language.factory("lv_names", assigns=["doc._.candidates"])
def make_names(nlp: Language, name: str, gazetteer_dir: str):
    """Add ORG, CENTRE and PROJECT candidates to ``doc._.candidates``."""
    kb = knowledge_base(Path(gazetteer_dir))

    def names_component(doc: Doc) -> Doc:
        verbs = _verb_offsets(doc)
        text = doc_text(doc)
        hits = find_quoted_names(text, kb) + find_unquoted_names(text, kb, verbs)
        hits += find_project_acronyms(text)
        hits += find_repeated_centres(text, hits)
        add_candidates(doc, described_centres(hits))
        return doc

    return names_component

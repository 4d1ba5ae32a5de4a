"""Latvian tokenizer exceptions and the sentence splits they protect."""

from __future__ import annotations

import pytest
from spacy.language import Language


def tokens(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def sentences(nlp: Language, text: str) -> list[str]:
    return [s.text for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Brauciens notika 2022. gada rudenī.", "2022."),
        ("Pasākums ilga 6.-7. oktobrī Ludzā.", "6.-7."),
        ("Pasākums ilga 6.–7. oktobrī Ludzā.", "6.–7."),
        ("Piedalījās speciālisti, t.sk. psihologi.", "t.sk."),
        ("Grupu dzīvokļus atklāja š.g. pavasarī.", "š.g."),
        ("Projekts Nr. 9.2.2.1/15/I/005 noslēdzies.", "Nr."),
        ("Projekts Nr. 9.2.2.1/15/I/005 noslēdzies.", "9.2.2.1/15/I/005"),
        ("Projekts Nr.9.2.2.1/15/I/005 noslēdzies.", "Nr."),
        ("Projekts LLI-425 noslēdzies.", "LLI-425"),
        ("Piedalījās sociālie darbinieki, psihologi u.c. speciālisti.", "u.c."),
        ("Sīkāka informācija pa tālr. 26123456 darbdienās.", "tālr."),
        ("Sīkāka informācija pa tālr. 26123456 darbdienās.", "26123456"),
        ("Zvaniet +371 26123456 darbdienās.", "+371 26123456"),
        ("Zvaniet 64 522 453 darbdienās.", "64 522 453"),
        ("Rakstiet uz ilze.kalnina@balvi.lv vai zvaniet.", "ilze.kalnina@balvi.lv"),
        ("Informācija: e-pasts ilze@balvi.lv.", "e-pasts"),
        ("Līdz 2023.gada beigām.", "2023."),
    ],
)
def test_exceptions_stay_single_tokens(nlp: Language, text: str, token: str) -> None:
    assert token in tokens(nlp, text)


def test_an_email_keeps_the_final_full_stop_outside(nlp: Language) -> None:
    assert tokens(nlp, "Rakstiet: ilze.kalnina@balvi.lv.")[-2:] == ["ilze.kalnina@balvi.lv", "."]


def test_a_sentence_final_full_stop_is_its_own_token(nlp: Language) -> None:
    assert tokens(nlp, "Grupa viesojās Ludzā.")[-2:] == ["Ludzā", "."]


@pytest.mark.parametrize(
    "text",
    [
        "Balvu novada speciālisti 2022. gada 6. oktobrī devās pieredzes apmaiņas braucienā.",
        "Projekta Nr. LLI-425 kopējās izmaksas ir 705 573,37 EUR.",
        "Dalībnieki, t.sk. sociālie darbinieki un psihologi, apmeklēja grupu dzīvokļus.",
        "Centru š.g. 1. septembrī atklāja Krāslavā.",
        "Brauciena dalībnieki 6.-7. oktobrī apmeklēja biedrības, dienas centrus u.c. vietas.",
        "Sīkāka informācija pa tālr. 26123456 vai e-pastu ilze@balvi.lv darbdienās.",
    ],
)
def test_sentences_do_not_break_inside_ordinals_and_abbreviations(nlp: Language, text: str) -> None:
    assert sentences(nlp, text) == [text]


def test_sentences_still_break_at_real_sentence_ends(nlp: Language) -> None:
    text = (
        "Brauciens notika 2022. gada 6. oktobrī. Projekta Nr. LLI-425 dalībnieki apmeklēja "
        "Ludzu. Paldies t.sk. biedrībai!"
    )
    assert sentences(nlp, text) == [
        "Brauciens notika 2022. gada 6. oktobrī.",
        "Projekta Nr. LLI-425 dalībnieki apmeklēja Ludzu.",
        "Paldies t.sk. biedrībai!",
    ]


def test_a_year_at_a_sentence_end_still_ends_the_sentence(nlp: Language) -> None:
    text = "Projekts ilga līdz 2022. Tagad sākas jauns posms."
    assert len(sentences(nlp, text)) == 2


def test_tokens_cover_the_text_without_gaps(nlp: Language) -> None:
    text = "Nr.9.2.2.1/15/I/005 (LLI-425) 6.–7. oktobrī, t.sk. š.g. „Saulīte” +371 26123456."
    doc = nlp(text)
    rebuilt = "".join(t.text_with_ws for t in doc)
    assert rebuilt == text


def test_a_hard_wrapped_line_goes_on_with_its_sentence(nlp: Language) -> None:
    text = (
        "Septiņu novadu vadītāji un sociālo\ndienestu darbinieki iepazinās ar Jūrmalas "
        "pieredzi.\nPaldies kolēģiem!\nInformāciju sagatavoja\nRita Merca"
    )
    assert [s.strip() for s in sentences(nlp, text) if s.strip()] == [
        "Septiņu novadu vadītāji un sociālo\ndienestu darbinieki iepazinās ar Jūrmalas pieredzi.",
        "Paldies kolēģiem!",
        "Informāciju sagatavoja",
        "Rita Merca",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Balvu, ViļānuKārsavas un Ludzas", ["Balvu", ",", "Viļānu", "Kārsavas", "un", "Ludzas"]),
        ("airBaltic, RusLatNafta un eKase", ["airBaltic", ",", "RusLatNafta", "un", "eKase"]),
    ],
)
def test_capitalised_words_glued_by_a_lost_line_break_are_split(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert tokens(nlp, text) == expected


def test_names_of_letters_are_split_at_their_spaces_as_the_tokenizer_would() -> None:
    """``pattern_words`` splits such names at their spaces without the tokenizer: every
    form of the shipped gazetteer must come out as the rule tokenizer would split it."""
    from pipeline.annotate.nlp import build_backbone
    from pipeline.annotate.tokenizer import pattern_words
    from pipeline.gazetteer.kb import knowledge_base
    from pipeline.resources import PACKAGED_GAZETTEERS, Resources

    rules = build_backbone(Resources(backbone="rules"))
    forms = sorted({f for place in knowledge_base(PACKAGED_GAZETTEERS).places
                    for f in place.forms})
    forms += ["Rīga-2", "Sv. Jāņa", "Ķekavas  pagasts"]
    fast = [pattern_words(rules, form) for form in forms]
    assert fast == [[t.text for t in doc] for doc in rules.tokenizer.pipe(forms)]


def test_the_phrase_index_finds_what_spacys_phrase_matcher_finds() -> None:
    from spacy.matcher import PhraseMatcher

    from pipeline.annotate.nlp import build_backbone
    from pipeline.annotate.tokenizer import PhraseIndex
    from pipeline.resources import Resources

    rules = build_backbone(Resources(backbone="rules"))
    phrases = ["Rīga", "Rīgas", "Rīgas novads", "Rīgas novada", "Sv. Jāņa", "Ogre"]
    doc = rules("Rīgas novada un RĪGAS pārstāvji, arī Sv. Jāņa draudze, devās uz Ogri un Rīgu.")
    matcher = PhraseMatcher(rules.vocab, attr="LOWER")
    matcher.add("P", list(rules.tokenizer.pipe(phrases)))
    expected = [(start, end) for _, start, end in matcher(doc)]
    assert PhraseIndex(rules, phrases)(doc) == expected
    assert [doc[s:e].text for s, e in expected] == ["Rīgas", "Rīgas novada", "RĪGAS", "Sv. Jāņa"]
    ending = rules("Viesi no Rīgas")  # a longer phrase's first word at the very end
    assert PhraseIndex(rules, phrases)(ending) == [(2, 3)]

"""The Latvian backbone: the shipped spaCy pipeline with the press sentence rules, the
stanza backbone (the project's stanza tokenizer and lemmatizer), the official-model path,
the bridge into spaCy Docs with exact offsets, the fallback, and the NER as a finder."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from pipeline.annotate import backbone
from pipeline.annotate.backbone import (
    StanzaTokenizer,
    doc_from_stanza,
    lexicon_lemma,
    press_sentences,
    sentence_starts,
    shipped_stanza,
)
from pipeline.annotate.ner import ner_hits
from pipeline.annotate.nlp import build_backbone
from pipeline.annotate.spans import Hit, add_candidates
from pipeline.annotate.tokenizer import abbreviations
from pipeline.resources import Resources

RELEASE = (
    "Latgales plānošanas reģions š.g. 28.-29. novembrī rīkoja pieredzes apmaiņas braucienu. "
    "Dalībnieki apmeklēja dienas centru “Baltā māja” Aucē un grupu dzīvokļus Preiļos.\n\n"
    "Projekta Nr. 9.2.2.1/15/I/004 kopējās izmaksas ir 705 573,37 EUR."
)


@pytest.fixture(scope="module")
def shipped():
    return build_backbone(Resources(backbone="shipped"))


@pytest.fixture(scope="module")
def with_stanza():
    return build_backbone(Resources(backbone="stanza"))


def _sentences(doc) -> list[str]:
    return [s.text.strip() for s in doc.sents if s.text.strip()]


@pytest.mark.parametrize("name", ["shipped", "with_stanza"])
def test_model_backbones_keep_offsets_and_split_press_sentences(name, request):
    doc = request.getfixturevalue(name)(RELEASE)
    assert doc.text == RELEASE
    assert _sentences(doc) == [
        "Latgales plānošanas reģions š.g. 28.-29. novembrī rīkoja pieredzes apmaiņas "
        "braucienu.",
        "Dalībnieki apmeklēja dienas centru “Baltā māja” Aucē un grupu dzīvokļus Preiļos.",
        "Projekta Nr. 9.2.2.1/15/I/004 kopējās izmaksas ir 705 573,37 EUR.",
    ]
    assert "9.2.2.1/15/I/004" in [t.text for t in doc]
    assert "Nr." in [t.text for t in doc]


def test_shipped_tagger_gives_lemmas_parts_of_speech_and_a_tree(shipped):
    doc = shipped("Pašvaldības pārstāvji devās uz Preiļiem, kur apmeklēja dienas centru.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["pārstāvji"] == "pārstāvis"
    assert lemmas["devās"] == "doties"
    assert lemmas["centru"] == "centrs"
    assert {t.text: t.pos_ for t in doc}["devās"] == "VERB"
    assert str(doc[1].morph).startswith("Case=Nom")
    assert [t.dep_ for t in doc].count("ROOT") == 1


def test_stanza_bulk_processing_gives_the_docs_of_single_calls(with_stanza):
    texts = ["Pirmais teikums. Otrais teikums.", "", "   ", RELEASE]
    one_by_one = [with_stanza.tokenizer(t) for t in texts]
    in_bulk = list(with_stanza.tokenizer.pipe(texts, batch_size=2))
    assert [d.text for d in in_bulk] == texts
    for single, bulk in zip(one_by_one, in_bulk, strict=True):
        assert [t.text for t in single] == [t.text for t in bulk]
        assert [t.is_sent_start for t in single] == [t.is_sent_start for t in bulk]


@settings(max_examples=60, deadline=None)
def _stanza_document(text: str, sentences: list[list[dict]]):
    """A processed ``stanza.Document`` as stanza's processors leave it: words with offsets,
    and lemma, tags and a head within the sentence when annotated."""
    stanza = pytest.importorskip("stanza")
    return stanza.Document(sentences, text=text)


@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abcāč.,", min_size=1, max_size=6),
            st.sampled_from([" ", "", "  ", "\n", " \n\n ", "\t"]),
        ),
        max_size=12,
    ),
    st.sampled_from(["", " ", "\n "]),
)
def test_doc_from_stanza_keeps_every_character(pieces, lead):
    text, sentences, position = lead, [], len(lead)
    for index, (word, gap) in enumerate(pieces):
        if index % 3 == 0:
            sentences.append([])
        sentences[-1].append({"id": len(sentences[-1]) + 1, "text": word,
                              "start_char": position, "end_char": position + len(word)})
        text += word + gap
        position = len(text)
    doc = doc_from_stanza(spacy.blank("lv").vocab, text, _stanza_document(text, sentences))
    assert doc.text == text
    assert {t.idx for t in doc if not t.is_space} == {
        w["start_char"] for sentence in sentences for w in sentence
    }


def test_doc_from_stanza_carries_annotations_and_heads_across_sentences():
    text = "Viņi devās  uz Rīgu. Tur palika."

    def word(i, start, end, lemma, upos, xpos, feats, head, deprel):
        return {"id": i, "text": text[start:end], "lemma": lemma, "upos": upos, "xpos": xpos,
                "feats": feats, "head": head, "deprel": deprel,
                "start_char": start, "end_char": end}

    document = _stanza_document(text, [
        [word(1, 0, 4, "viņš", "PRON", "pp3mpnn", "Case=Nom", 2, "nsubj"),
         word(2, 5, 10, "doties", "VERB", "vmyisi330an", "Mood=Ind", 0, "root"),
         word(3, 12, 14, "uz", "ADP", "sppd", None, 4, "case"),
         word(4, 15, 19, "Rīga", "PROPN", "npfsa4", "Case=Acc", 2, "obl"),
         word(5, 19, 20, ".", "PUNCT", "zs", None, 2, "punct")],
        [word(1, 21, 24, "tur", "ADV", "rp", None, 2, "advmod"),
         word(2, 25, 31, "palikt", "VERB", "vmyisi330an", "Mood=Ind", 0, "root"),
         word(3, 31, 32, ".", "PUNCT", "zs", None, 2, "punct")],
    ])
    doc = doc_from_stanza(spacy.blank("lv").vocab, text, document)
    assert doc.text == text
    assert [t.lemma_ for t in doc if not t.is_space] == [
        "viņš", "doties", "uz", "Rīga", ".", "tur", "palikt", "."]
    assert doc[0].head.text == "devās" and doc[1].dep_ == "ROOT"
    heads = {t.text: t.head.text for t in doc}
    assert heads["Rīgu"] == "devās" and heads["Tur"] == "palika"
    assert [s[0].text for s in doc.sents] == ["Viņi", "Tur"]


def _rule_doc(text: str):
    nlp = build_backbone(Resources(backbone="rules"))
    return nlp.tokenizer(text)


@pytest.mark.parametrize(
    ("text", "stanza_starts", "expected"),
    [
        # after an abbreviation a date goes on
        ("Brauciens notika š.g. 28. novembrī.", ["Brauciens", "28."], ["Brauciens"]),
        # a quoted name and a capitalised place: no sentence end without punctuation
        ("Centrs “Baltā māja” Aucē ir atvērts.", ["Centrs", "Aucē"], ["Centrs"]),
        # a real end: full stop, capital letter
        ("Viņi devās prom. Nākamajā dienā atgriezās.", ["Viņi", "Nākamajā"],
         ["Viņi", "Nākamajā"]),
        # never a sentence on a lower-case word
        ("Dalībnieki apmeklēja centru. un tad devās.", ["Dalībnieki", "un"], ["Dalībnieki"]),
    ],
)
def test_stanza_sentence_starts_are_checked_against_press_conventions(
    text, stanza_starts, expected
):
    doc = _rule_doc(text)
    document = _stanza_document(text, [
        [{"id": 1, "text": t.text, "start_char": t.idx, "end_char": t.idx + len(t)}]
        for t in doc if t.text in stanza_starts
    ])
    press_sentences(doc, frozenset(abbreviations()), sentence_starts(document))
    assert [s[0].text for s in doc.sents] == expected


@pytest.mark.parametrize(("name", "model"), [("shipped", "MODEL"), ("stanza", "TOKENIZE_MODEL")])
def test_missing_models_fall_back_to_rules_with_a_warning(name, model, monkeypatch, tmp_path):
    monkeypatch.setattr(backbone, model, tmp_path / "absent")
    with pytest.warns(RuntimeWarning, match="using the rule tokenizer"):
        nlp = build_backbone(Resources(backbone=name))
    assert "lv_press_sentences" in nlp.pipe_names and "tok2vec" not in nlp.pipe_names
    assert _sentences(nlp("Viens teikums. Otrs teikums.")) == ["Viens teikums.", "Otrs teikums."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Programma 2021.–2027. gadam ir sākusies. Tā turpinās.",
         ["Programma 2021.–2027. gadam ir sākusies.", "Tā turpinās."]),
        ("Tikšanās notika 5. maijā Rīgā. Piedalījās 20 cilvēki.",
         ["Tikšanās notika 5. maijā Rīgā.", "Piedalījās 20 cilvēki."]),
        ("Sk. piem. pielikumu. Nākamais teikums sākas šeit.",
         ["Sk. piem. pielikumu.", "Nākamais teikums sākas šeit."]),
        ("Virsraksts bez punkta\nTeksts sākas te.", ["Virsraksts bez punkta", "Teksts sākas te."]),
    ],
)
def test_press_rules_split_sentences_without_a_model(text, expected):
    nlp = build_backbone(Resources(backbone="rules"))
    assert _sentences(nlp(text)) == expected


def test_official_backbone_without_models_warns_and_uses_rules(tmp_path):
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    with pytest.warns(RuntimeWarning, match="'official' unavailable"):
        nlp = build_backbone(Resources(backbone="official", stanza_dir=tmp_path))
    assert not isinstance(nlp.tokenizer, StanzaTokenizer)


def test_unknown_backbone_is_an_error():
    with pytest.raises(ValueError, match="unknown backbone"):
        build_backbone(Resources(backbone="udpipe"))  # type: ignore[arg-type]


def test_official_path_loads_stanza_models_from_a_resources_folder(tmp_path):
    """A folder laid out as ``stanza.download("lv")`` leaves it, built here with the
    project's tokenizer as its only model, is loaded by stanza itself, with no download."""
    (tmp_path / "lv" / "tokenize").mkdir(parents=True)
    shutil.copy(backbone.TOKENIZE_MODEL, tmp_path / "lv" / "tokenize" / "lvtb.pt")
    resources = {
        "lv": {
            "lang_name": "Latvian",
            "packages": {"default": {"tokenize": "lvtb"}},
            "default_processors": {"tokenize": "lvtb"},
            "tokenize": {"lvtb": {}},
        }
    }
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        nlp = build_backbone(Resources(backbone="official", stanza_dir=tmp_path))
    assert isinstance(nlp.tokenizer, StanzaTokenizer)
    assert not nlp.tokenizer.keep_rule_tokens
    assert "lvtb.pt" in str(nlp.tokenizer.stanza.processors["tokenize"].config["model_path"])
    doc = nlp("Projekta Nr. 9.2.2.1/15/I/004 ietvaros notika brauciens. Dalībnieki bija 20.")
    assert _sentences(doc) == [
        "Projekta Nr. 9.2.2.1/15/I/004 ietvaros notika brauciens.",
        "Dalībnieki bija 20.",
    ]
    assert "9.2.2.1/15/I/004" in [t.text for t in doc]


def test_stanza_tokens_are_used_as_they_are_on_the_official_path():
    tokenizer = StanzaTokenizer(spacy.blank("lv").vocab, shipped_stanza())
    doc = tokenizer("Sanāksme ilga līdz 15.07.2016. Tad sekoja pusdienas.")
    assert doc.text == "Sanāksme ilga līdz 15.07.2016. Tad sekoja pusdienas."
    assert _sentences(doc) == ["Sanāksme ilga līdz 15.07.2016.", "Tad sekoja pusdienas."]


@pytest.mark.parametrize(
    ("text", "upos", "model_lemma", "expected"),
    [
        ("gadā", "NOUN", "gads", "gads"),  # the lexicon agrees
        ("Redzi", "VERB", "Redzi", "redzēt"),  # a sentence's first word, found lower-cased
        ("Bārmenis", "NOUN", "Bārmenis", "bārmenis"),  # unknown: common lemma lower-cased
        ("Preiļiem", "PROPN", "Preiļi", "Preiļi"),  # a proper noun keeps its capital
        ("Initiatives", "X", "initiatives", "Initiatives"),  # a foreign word as written
        ("Statoil", "SYM", "statoil", "Statoil"),  # a symbol as written
        ("''", "PUNCT", "''", '"'),  # two apostrophes are a double quote
        ("»", "PUNCT", "»", '"'),  # LVTB's punctuation lemmas
    ],
)
def test_lemma_lexicon_corrects_the_model(text, upos, model_lemma, expected):
    doc = spacy.blank("lv")(text)
    doc[0].pos_, doc[0].lemma_ = upos, model_lemma
    lexicon = {("gadā", "NOUN"): "gads", ("redzi", "VERB"): "redzēt"}
    assert lexicon_lemma(doc[0], lexicon) == expected


def test_ner_fills_gaps_only_with_believable_people():
    nlp = spacy.blank("lv")
    doc = nlp("Vadītāja Inese Kalniņa un Grupu dzīvokļi Ogrē tikās ar Jāni Bērziņu .")
    doc.ents = [
        Span(doc, 1, 3, label="person"),  # two capitalised words: believed
        Span(doc, 4, 5, label="person"),  # one word ("Grupu"): not believed
        Span(doc, 9, 11, label="person"),  # overlaps the person finder's candidate
        Span(doc, 6, 7, label="GPE"),  # places are the gazetteer's
    ]
    add_candidates(doc, [Hit(doc[9].idx, doc[10].idx + len(doc[10]), "PERSON", "Jānis Bērziņš",
                             "persons.first_name")])
    hits = ner_hits(doc, doc, 0)
    assert [(doc.text[h.start:h.end], h.label) for h in hits] == [("Inese Kalniņa", "PERSON")]


def test_ner_people_inside_other_names_are_not_taken():
    doc = spacy.blank("lv")(
        "Projekts “Mārtiņa Zvaigzne” sākās Jāņa Rozes vidusskolā , ko vada Anna Liepa ."
    )
    doc.ents = [
        Span(doc, 2, 4, label="person"),  # a quoted project name
        Span(doc, 6, 8, label="person"),  # a school named after a person
        Span(doc, 12, 14, label="person"),  # a person
    ]
    assert [doc.text[h.start:h.end] for h in ner_hits(doc, doc, 0)] == ["Anna Liepa"]


def test_ner_person_norm_is_the_nominative_from_the_backbones_lemmas():
    doc = spacy.blank("lv")("Sveicienu nodeva Intai Kalniņai.")
    for token, lemma in zip(doc, ["sveiciens", "nodot", "inta", "Kalniņa", "."], strict=True):
        token.lemma_, token.pos_ = lemma, "PROPN"
    doc.ents = [Span(doc, 2, 4, label="person")]
    assert [h.norm for h in ner_hits(doc, doc, 0)] == ["Inta Kalniņa"]


def test_the_shipped_models_are_small_enough_to_ship():
    size = sum(p.stat().st_size for p in Path(backbone.MODEL_DIR).rglob("*") if p.is_file())
    assert size < 15 * 1024 * 1024  # about 9 MB: the spaCy pipeline and stanza's two models


def test_without_the_stanza_lemmatizer_spacys_edit_trees_lemmatise(monkeypatch, tmp_path):
    from spacy.pipeline import EditTreeLemmatizer

    monkeypatch.setattr(backbone, "LEMMA_MODEL", tmp_path / "absent.pt")
    nlp = build_backbone(Resources(backbone="stanza"))
    assert isinstance(nlp.get_pipe("lemmatizer"), EditTreeLemmatizer)
    lemmas = {t.text: t.lemma_ for t in nlp("Pārstāvji apmeklēja dienas centru „Upe”.")}
    assert lemmas["Pārstāvji"] == "pārstāvis"  # lower-cased: a common noun
    assert lemmas["„"] == '"' and lemmas["centru"] == "centrs"


def test_the_stanza_lemmatizer_works_in_bulk(with_stanza):
    texts = ["Dalībnieki apmeklēja centrus.", "Viņi devās uz Rīgu. Tur bija jauki."]
    from pipeline.annotate.nlp import annotate_texts

    single = [[t.lemma_ for t in with_stanza(text)] for text in texts]
    bulk = [[t.lemma_ for t in doc]
            for doc in annotate_texts(with_stanza, texts, batch_size=2)]
    assert single == bulk
    assert single[0][:3] == ["dalībnieks", "apmeklēt", "centrs"]


def test_ner_organisations_and_places_are_not_taken_as_measured():
    text = "Labklājības pārvaldes Dienas centrs Rūjienā sadarbojas ar Ivaru Kalnu ."
    doc = spacy.blank("lv")(text)
    doc.ents = [Span(doc, 0, 4, label="organization"), Span(doc, 4, 5, label="GPE"),
                Span(doc, 7, 9, label="person")]
    assert [(h.label, doc.text[h.start:h.end]) for h in ner_hits(doc, doc, 0)] == [
        ("PERSON", "Ivaru Kalnu")]


def test_upos_lexicon_overrides_the_tagger_for_forms_with_one_part_of_speech(shipped):
    from pipeline.annotate.backbone import upos_lexicon

    lexicon = upos_lexicon()
    assert lexicon["un"] == "CCONJ" and lexicon["."] == "PUNCT"
    assert "tā" not in lexicon  # DET, PRON or ADV: left to the tagger
    assert [t.pos_ for t in shipped("Viņi un mēs.")][1] == "CCONJ"


@pytest.mark.parametrize(
    ("text", "index", "upos"),
    [
        ("Sanāksmē runāja Zvirbulēnietis par budžetu.", 2, "PROPN"),  # unseen, mid-sentence
        ("Zvirbulēnietis runāja par budžetu.", 0, "NOUN"),  # a sentence opens: says nothing
        ("Tēma: Zvirbulēnietis un budžets.", 2, "NOUN"),  # after a colon: says nothing
    ],
)
def test_an_unseen_capitalised_word_inside_a_sentence_is_a_name(text, index, upos):
    from pipeline.annotate.backbone import upos_lexicon_component

    doc = spacy.blank("lv")(text)
    for token in doc:
        token.pos_ = "PUNCT" if token.is_punct else "NOUN"
    assert upos_lexicon_component(doc)[index].pos_ == upos


def test_a_name_opening_a_sentence_that_the_treebank_knows_lower_cased_is_that_word(shipped):
    from pipeline.annotate.backbone import upos_lexicon, upos_lexicon_component

    assert upos_lexicon()["gadā"] == "NOUN"
    doc = spacy.blank("lv")("Gadā notika divi braucieni uz Gadā.")
    for token in doc:
        token.pos_ = "PUNCT" if token.is_punct else "PROPN"
    upos_lexicon_component(doc)
    assert (doc[0].pos_, doc[5].pos_) == ("NOUN", "PROPN")  # the second capital is a name


@pytest.mark.parametrize(
    ("form", "model_lemma", "expected"),
    [
        ("Ziemeļvidzemes", "Ziemeļvidzememe", "Ziemeļvidzeme"),  # a repeated ending
        ("brēc", "brēce<SOS>", "brēce"),  # a leaked decoder mark
        ("mammai", "mamma", "mamma"),  # a doubled letter pair of a real word stays
    ],
)
def test_seq2seq_slips_are_undone(form, model_lemma, expected):
    doc = spacy.blank("lv")(form)
    doc[0].pos_, doc[0].lemma_ = "PROPN", model_lemma
    assert lexicon_lemma(doc[0], {}) == expected

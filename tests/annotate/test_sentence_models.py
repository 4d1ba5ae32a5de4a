"""The statistical models on the sentences that need them: parsed copies of sentences with
places or organisations, the NER where an uncovered run of capitalised words stands, and
fill reading a copy's parse at the right offsets."""

from __future__ import annotations

import spacy

from pipeline.annotate.ner import believed
from pipeline.fill.context import sentences
from pipeline.run import extract

RELEASE = (
    "Pagājušajā nedēļā bija silts laiks un daudz saules. "
    "2026. gada 3. martā Sociālā dienesta darbinieki devās pieredzes apmaiņas braucienā uz "
    "Valmieru. Tur viesus sagaidīja Mārīte Kalnvalde un Hajrija Nurmagomedova."
)


def test_only_sentences_with_places_or_bodies_are_analysed(nlp):
    doc = nlp(RELEASE)
    sents = [s for s in doc.sents if s.text.strip()]
    analyses = doc._.analyses
    assert sents[0].start not in analyses  # weather: no place, no body
    copy = analyses[sents[1].start]
    assert copy.text.strip() == sents[1].text
    assert copy.has_annotation("DEP") and not copy.has_annotation("LEMMA")  # fill reads forms
    assert {t.text: t.pos_ for t in copy}["devās"] == "VERB"
    assert not doc.has_annotation("DEP")  # the document itself carries no parse


def test_the_ner_runs_where_uncovered_capitalised_words_stand(nlp):
    doc = nlp(RELEASE)
    people = [(e.text, e._.source) for e in doc.ents if e.label_ == "PERSON"]
    assert ("Hajrija Nurmagomedova", "ner") in people  # no name list knows her


def test_no_sentence_is_copied_without_a_reason(nlp):
    doc = nlp("Pagājušajā nedēļā bija silts laiks. Lija lietus, un pūta vējš.")
    assert doc._.analyses == {}


def test_fill_reads_a_copys_parse_at_the_sentences_offsets():
    document = extract(RELEASE)
    travel = next(s for s in sentences(document) if "Valmieru" in s.text)
    assert travel.parse is not None and travel.parse_start == travel.start > 0
    place = next(m for m in travel.mentions if m.norm == "Valmiera")
    word = travel.head_word(place)
    assert word is not None and word.text == "Valmieru"
    assert [(c.text, c.dep_) for c in travel.children(word)] == [("uz", "case")]
    assert document.visits[0].destination_localities == ["Valmiera"]


def test_a_sentence_opening_common_word_is_no_persons_name():
    doc = spacy.blank("lv")("Sanāksmi Teams platformā vadīja Anna Liepa .")
    doc[0].is_sent_start = True
    assert not believed(doc[0:2], "PERSON")  # "sanāksmi" is a common word
    assert believed(doc[4:6], "PERSON")


def test_a_name_stops_at_a_verb_the_treebank_knows(found):
    # The document carries no tags when the names finder runs: the UPOS lexicon says where
    # the verb is.
    orgs = [(text, norm) for label, text, norm in found(
        "Balvu novada Sociālais dienests apmeklēja Alūksnes novada Sociālo dienestu."
    ) if label == "ORG"]
    assert orgs == [("Balvu novada Sociālais dienests", "Balvu novada Sociālais dienests"),
                    ("Alūksnes novada Sociālo dienestu", "Alūksnes novada Sociālais dienests")]


def test_sentences_are_analysed_only_when_read_and_in_one_batch(monkeypatch, nlp):
    from pipeline.annotate.sentence_models import SentenceModels

    batches: list[int] = []
    analysed = SentenceModels.analysed

    def counting(self, copies, tagged):
        batches.append(len(copies))
        return analysed(self, copies, tagged)

    monkeypatch.setattr(SentenceModels, "analysed", counting)
    extract("Valmieras novadā atklāja jaunu dienas centru. Tukuma novadā top grupu māja.")
    assert batches == []  # places, but no trip: nothing reads a parse
    extract(
        "2026. gada 3. martā darbinieki no Tukuma devās pieredzes apmaiņas braucienā uz "
        "Valmieru. Valmierā viņi apmeklēja dienas centru un Valmieras novada pašvaldību."
    )
    assert batches == [2]  # both sentences of the trip, together

"""Scoring the backbone from raw text: CoNLL-U reading, offset alignment, the arithmetic of
token/sentence F1 and aligned accuracies, strict NER per type, and the command."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.eval.backbone import (
    BackboneScores,
    read_conllu,
    read_ner,
    score_conllu,
    score_paragraph,
)

SHARED_LVTB = Path(__file__).resolve().parents[3] / "shared" / "data" / "UD_Latvian-LVTB"

CONLLU = """\
# newdoc id = a
# newpar id = a-p1
# sent_id = s1
# text = Dalībnieki devās uz Preiļiem.
1\tDalībnieki\tdalībnieks\tNOUN\tncmpn1\tCase=Nom|Gender=Masc|Number=Plur\t2\tnsubj\t_\t_
2\tdevās\tdoties\tVERB\tvmyisi330an\tMood=Ind\t0\troot\t_\t_
3\tuz\tuz\tADP\tsppd\t_\t4\tcase\t_\t_
4\tPreiļiem\tPreiļi\tPROPN\tnpmpd1\tCase=Dat\t2\tobl\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\tzs\t_\t2\tpunct\t_\t_

# sent_id = s2
# text = Tur bija "Rūķis".
1\tTur\ttur\tADV\trp\t_\t2\tadvmod\t_\t_
2\tbija\tbūt\tVERB\tvcnisi330an\t_\t0\troot\t_\t_
3\t"\t"\tPUNCT\tzq\t_\t4\tpunct\t_\tSpaceAfter=No
4\tRūķis\tRūķis\tPROPN\tnpmsn2\tCase=Nom\t2\tnsubj\t_\tSpaceAfter=No
5\t"\t"\tPUNCT\tzq\t_\t4\tpunct\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\tzs\t_\t2\tpunct\t_\t_

# newpar id = a-p2
# sent_id = s3
# text = Beigas.
1\tBeigas\tbeigas\tNOUN\tncfpn4\t_\t0\troot\t_\tSpaceAfter=No
2\t.\t.\tPUNCT\tzs\t_\t1\tpunct\t_\t_
"""


@pytest.fixture
def conllu(tmp_path: Path) -> Path:
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return path


def test_raw_text_is_rebuilt_with_paragraphs_and_space_after(conllu):
    paragraphs = read_conllu(conllu)
    assert [p.text for p in paragraphs] == [
        'Dalībnieki devās uz Preiļiem. Tur bija "Rūķis".',
        "Beigas.",
    ]
    first = paragraphs[0].sentences[0]
    assert [paragraphs[0].text[t.start : t.end] for t in first] == [
        "Dalībnieki", "devās", "uz", "Preiļiem", "."]
    assert first[3].head == 2 and first[3].deprel == "obl"


def _doc(words: list[str], spaces: list[bool], sent_starts: list[bool], **annotations) -> Doc:
    return Doc(spacy.blank("lv").vocab, words=words, spaces=spaces, sent_starts=sent_starts,
               **annotations)


def test_counts_follow_exact_offsets(conllu):
    paragraph = read_conllu(conllu)[0]
    # "Preiļiem." glued into one token, and no sentence break after it
    words = ["Dalībnieki", "devās", "uz", "Preiļiem.", "Tur", "bija", '"', "Rūķis", '"', "."]
    spaces = [True, True, True, True, True, True, False, False, False, False]
    doc = _doc(words, spaces, [True] + [False] * 9,
               pos=["NOUN", "VERB", "ADP", "PROPN", "ADV", "AUX", "PUNCT", "PROPN", "PUNCT",
                    "PUNCT"],
               lemmas=["dalībnieks", "doties", "uz", "Preiļi", "tur", "būt", '"', "Rūķis", '"',
                       "."])
    assert doc.text == paragraph.text
    scores = BackboneScores()
    score_paragraph(doc, paragraph, scores)
    assert (scores.gold_tokens, scores.pred_tokens, scores.token_matches) == (11, 10, 9)
    assert (scores.gold_sentences, scores.pred_sentences, scores.sentence_matches) == (2, 1, 0)
    figures = scores.as_dict()
    assert figures["tokens_f1"] == pytest.approx(2 * 9 / (11 + 10))
    assert figures["sentences_f1"] == 0.0
    # right UPOS on 8 of the 9 aligned tokens (AUX for VERB "bija"), lemma on all 9
    assert figures["upos"] == pytest.approx(8 / 11)
    assert figures["lemma"] == pytest.approx(9 / 11)


def test_a_rule_pipeline_scores_perfect_tokens_on_clean_text(conllu):
    nlp = spacy.blank("lv")
    nlp.add_pipe("sentencizer")
    scores = score_conllu(nlp, conllu)
    assert scores.as_dict()["tokens_f1"] == 1.0
    assert scores.as_dict()["sentences_f1"] == 1.0
    assert scores.as_dict()["upos"] == 0.0  # a blank pipeline tags nothing


NER = """\
# sent_id = n1
1\tJānis\tJānis\t_\tnpmsn2\t_\tB-person\tO\t_\t_
2\tBērziņš\tBērziņš\t_\tnpmsn1\t_\tI-person\tO\t_\t_
3\tstrādā\tstrādāt\t_\tvm\t_\tO\tO\t_\t_
4\tRīgas\tRīga\t_\tnpfsg4\t_\tB-organization\tB-GPE\t_\t_
5\tdomē\tdome\t_\tncfsl5\t_\tI-organization\tO\t_\t_
"""


def test_ner_sentences_become_text_and_outer_spans(tmp_path: Path):
    path = tmp_path / "ner.conll"
    path.write_text(NER, encoding="utf-8")
    [(text, spans)] = read_ner(path)
    assert text == "Jānis Bērziņš strādā Rīgas domē"
    assert [(text[a:b], label) for a, b, label in spans] == [
        ("Jānis Bērziņš", "person"), ("Rīgas domē", "organization")]


def test_ner_scoring_is_strict_per_type(tmp_path: Path):
    from pipeline.eval.backbone import score_ner

    path = tmp_path / "ner.conll"
    path.write_text(NER, encoding="utf-8")
    nlp = spacy.blank("lv")

    @spacy.Language.component("fake_ner")
    def fake_ner(doc: Doc) -> Doc:  # the person right, the organisation one word short
        doc.ents = [Span(doc, 0, 2, "person"), Span(doc, 3, 4, "organization")]
        return doc

    nlp.add_pipe("fake_ner")
    table = score_ner(nlp, path)
    assert table["person"]["f1"] == 1.0
    assert table["organization"]["f1"] == 0.0
    assert table["ALL"]["precision"] == 0.5 and table["ALL"]["recall"] == 0.5


def test_eval_backbone_command_prints_the_figures(conllu):
    result = CliRunner().invoke(app, ["eval-backbone", str(conllu), "--backbone", "rules"])
    assert result.exit_code == 0, result.output
    assert "13 tokens, 3 sentences" in result.output
    assert "tokens_f1" in result.output and "100.00" in result.output


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_LVTB.is_dir(), reason="needs ../shared/data/UD_Latvian-LVTB")
def test_shipped_backbone_on_a_slice_of_lvtb_test(tmp_path: Path):
    from pipeline.annotate.nlp import build_backbone
    from pipeline.resources import Resources

    source = (SHARED_LVTB / "lv_lvtb-ud-test.v2.12.conllu").read_text(encoding="utf-8")
    sample = tmp_path / "sample.conllu"
    sample.write_text("\n\n".join(source.split("\n\n")[:150]) + "\n\n", encoding="utf-8")
    figures = score_conllu(build_backbone(Resources(backbone="shipped")), sample).as_dict()
    assert figures["tokens_f1"] > 0.98
    assert figures["sentences_f1"] > 0.9
    assert figures["upos"] > 0.85
    assert figures["lemma"] > 0.85

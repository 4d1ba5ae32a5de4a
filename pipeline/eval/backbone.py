"""Score the Latvian backbone from raw text against a CoNLL-U file and NER sentences.

The raw text is rebuilt from the gold tokens (``SpaceAfter=No`` glues, sentences of one
paragraph are joined by a space, paragraphs by a blank line), the backbone annotates it,
and tokens and sentences are matched by exact character offsets, as in the CoNLL 2018
shared task: token and sentence F1; UPOS, XPOS, features and lemma as aligned accuracy
(a gold token counts as right only if a predicted token has the same offsets and value);
UAS and LAS the same way. NER is strict: same offsets and same type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.nlp import annotate_texts
from pipeline.eval.metrics import Counts

Span = tuple[int, int]


@dataclass
class GoldToken:
    start: int
    end: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0 for the root, else 1-based index in the sentence
    deprel: str


@dataclass
class GoldParagraph:
    """One paragraph of raw text with its gold sentences (lists of tokens)."""

    text: str = ""
    sentences: list[list[GoldToken]] = field(default_factory=list)


def _conllu_sentences(path: Path) -> Iterable[tuple[bool, list[list[str]]]]:
    """(starts a new paragraph, token rows) per sentence; multiword ranges are skipped."""
    new_paragraph, rows = True, []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if rows:
                yield new_paragraph, rows
            new_paragraph, rows = False, []
        elif line.startswith("#"):
            new_paragraph |= line.startswith(("# newpar", "# newdoc"))
        else:
            columns = line.split("\t")
            if columns[0].isdigit():
                rows.append(columns)


def read_conllu(path: Path) -> list[GoldParagraph]:
    """Paragraphs of raw text with gold token offsets, rebuilt from a CoNLL-U file."""
    paragraphs: list[GoldParagraph] = []
    for new_paragraph, rows in _conllu_sentences(path):
        if new_paragraph or not paragraphs:
            paragraphs.append(GoldParagraph())
        paragraph = paragraphs[-1]
        if paragraph.text:
            paragraph.text += " "
        sentence = []
        for columns in rows:
            start = len(paragraph.text)
            paragraph.text += columns[1]
            sentence.append(GoldToken(start, len(paragraph.text), *columns[1:6],
                                      int(columns[6]) if columns[6].isdigit() else 0,
                                      columns[7].split(":")[0]))
            if "SpaceAfter=No" not in columns[9]:
                paragraph.text += " "
        paragraph.text = paragraph.text.rstrip(" ")
        paragraph.sentences.append(sentence)
    return paragraphs


def _counts(matches: int, predicted: int, gold: int) -> Counts:
    return Counts(tp=matches, fp=predicted - matches, fn=gold - matches)


@dataclass
class BackboneScores:
    """Counts behind every figure, so scores over several files add up."""

    gold_tokens: int = 0
    pred_tokens: int = 0
    token_matches: int = 0
    gold_sentences: int = 0
    pred_sentences: int = 0
    sentence_matches: int = 0
    correct: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, float]:
        tokens = _counts(self.token_matches, self.pred_tokens, self.gold_tokens)
        sentences = _counts(self.sentence_matches, self.pred_sentences, self.gold_sentences)
        scores = {"tokens_f1": tokens.f1, "sentences_f1": sentences.f1}
        for key in ("upos", "xpos", "feats", "lemma", "uas", "las"):
            scores[key] = self.correct[key] / self.gold_tokens if self.gold_tokens else 0.0
        return scores


def _predicted(doc: Doc) -> tuple[dict[Span, dict[str, str]], set[Span]]:
    tokens: dict[Span, dict[str, str]] = {}
    for token in doc:
        if token.is_space:
            continue
        head = token.head
        tokens[(token.idx, token.idx + len(token))] = {
            "upos": token.pos_,
            "xpos": token.tag_,
            "feats": str(token.morph) or "_",
            "lemma": token.lemma_,
            "head": (head.idx, head.idx + len(head)) if head.i != token.i else None,
            "deprel": token.dep_.split(":")[0].lower(),
        }
    sentences = set()
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        if words:
            sentences.add((words[0].idx, words[-1].idx + len(words[-1])))
    return tokens, sentences


def score_paragraph(doc: Doc, paragraph: GoldParagraph, scores: BackboneScores) -> None:
    predicted, predicted_sentences = _predicted(doc)
    scores.pred_tokens += len(predicted)
    scores.pred_sentences += len(predicted_sentences)
    for sentence in paragraph.sentences:
        scores.gold_sentences += 1
        scores.sentence_matches += (sentence[0].start, sentence[-1].end) in predicted_sentences
        for token in sentence:
            scores.gold_tokens += 1
            guess = predicted.get((token.start, token.end))
            if guess is None:
                continue
            scores.token_matches += 1
            gold_head = sentence[token.head - 1] if token.head else None
            head_right = guess["head"] == (
                (gold_head.start, gold_head.end) if gold_head else None
            )
            deprel = "root" if token.head == 0 else token.deprel.lower()
            scores.correct.update(
                {
                    "upos": guess["upos"] == token.upos,
                    "xpos": guess["xpos"] == token.xpos,
                    "feats": guess["feats"] == token.feats,
                    "lemma": guess["lemma"] == token.lemma,
                    "uas": head_right,
                    "las": head_right and guess["deprel"] == deprel,
                }
            )


def score_conllu(nlp: Language, path: Path, batch_size: int = 16) -> BackboneScores:
    """Annotate the raw text of ``path`` with ``nlp`` and score it against the file."""
    paragraphs = read_conllu(path)
    scores = BackboneScores()
    texts = (p.text for p in paragraphs)
    docs = annotate_texts(nlp, texts, batch_size)
    for doc, paragraph in zip(docs, paragraphs, strict=True):
        score_paragraph(doc, paragraph, scores)
    return scores


def ner_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, outer BIO tags) per sentence of FullStack's CoNLL-2003-style NER files: FORM
    in column 2, the outer entity's tag in column 7 (the inner one is not used)."""
    sentences = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [line.split("\t") for line in block.splitlines() if line and line[0] != "#"]
        if rows:
            sentences.append(([r[1] for r in rows], [r[6] for r in rows]))
    return sentences


def read_ner(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The sentences of :func:`ner_sentences` as (text, [(start, end, type)]), words joined
    by single spaces; an I- tag with no entity open starts one."""
    sentences = []
    for words, tags in ner_sentences(path):
        text, entities, open_entity = "", [], None
        for word, tag in zip(words, tags, strict=True):
            start = len(text) + (1 if text else 0)
            text = f"{text} {word}" if text else word
            if open_entity and not tag.startswith("I-"):
                entities.append(tuple(open_entity))
                open_entity = None
            if tag.startswith("B-") or (tag.startswith("I-") and open_entity is None):
                open_entity = [start, len(text), tag[2:]]
            elif tag.startswith("I-"):
                open_entity[1] = len(text)
        if open_entity:
            entities.append(tuple(open_entity))
        sentences.append((text, entities))
    return sentences


def score_ner(nlp: Language, path: Path) -> dict[str, dict[str, float]]:
    """Strict precision, recall and F1 per entity type and micro-averaged ('ALL')."""
    counts: dict[str, Counter] = {}
    sentences = read_ner(path)
    docs = annotate_texts(nlp, (text for text, _ in sentences))
    for doc, (_, gold) in zip(docs, sentences, strict=True):
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for kind, spans in (("pred", predicted), ("gold", set(gold))):
            for *_, label in spans:
                for key in (label, "ALL"):
                    counts.setdefault(key, Counter())[kind] += 1
        for *_, label in predicted & set(gold):
            for key in (label, "ALL"):
                counts[key]["tp"] += 1
    table = {}
    for label, c in sorted(counts.items()):
        found = _counts(c["tp"], c["pred"], c["gold"])
        table[label] = {"precision": found.precision, "recall": found.recall,
                        "f1": found.f1, "support": c["gold"]}
    return table

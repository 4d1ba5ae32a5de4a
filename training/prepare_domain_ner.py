"""Turn the project's own gold into spaCy DocBins for the domain NER (train/dev by document).

Docs are tokenised as the pipeline tokenises them (``spacy.blank("lv")`` +
``customise_tokenizer`` + ``lv_merge_tokens``) so the model learns on the tokens it will
see. A gold span that does not fall on token boundaries is widened to them
(``alignment_mode="expand"``) and counted; the strict scores of ``train_domain_ner.py`` are
taken against the gold's own character offsets, so a widened span costs what it should.

Only ``corpus/*.json`` and ``corpus/tune/*.json`` are read: ``corpus/blind`` is the
project's blind test and is never touched. ``--folds K --fold i`` holds out every K-th
document (after a fixed shuffle) for cross-validation; ``--folds 1`` trains on all of them
(dev is then a copy of train, for spaCy's logger only).

FullStack-LV sentences with an ``organization`` entity can be mixed in (``--fullstack N``):
organisations become ORG, persons/time/money/entity stay outside, and GPE, location,
product and event tokens are marked missing, since they may be any of our place, project
or programme labels. LVTB dev/test sentence ids are excluded as in ``prepare_data.py``.

    python training/prepare_domain_ner.py --out build/domain_ner/fold0 --folds 5 --fold 0
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from pipeline.annotate.tokenizer import customise_tokenizer

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared" / "data"
CONTRACT_LABELS = ("ORG", "CENTRE", "PROJECT", "PROGRAMME", "FOREIGN_PLACE")
PLACE_LABELS = ("MUNICIPALITY", "LOCALITY", "REGION")
# FullStack types that may hide one of our labels: unknown, not "outside".
FULLSTACK_MISSING = {"GPE", "location", "product", "event"}
SPLIT_SEED = 13


@cache
def tokenizer_nlp() -> Language:
    """The pipeline's tokens: the rule tokenizer and the merge of ordinals, codes, phones."""
    nlp = spacy.blank("lv")
    customise_tokenizer(nlp)
    nlp.add_pipe("lv_merge_tokens")
    return nlp


def tokenise(text: str) -> Doc:
    nlp = tokenizer_nlp()
    return nlp.get_pipe("lv_merge_tokens")(nlp.make_doc(text))


def read_gold(corpus: Path = CORPUS) -> list[dict]:
    """The sample corpus and tune/ releases (never blind/), as {doc_id, text, entities}."""
    docs = []
    for path in [*sorted(corpus.glob("*.json")), *sorted((corpus / "tune").glob("*.json"))]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        for ent in gold["entities"]:
            if text[ent["start"]:ent["end"]] != ent["text"]:
                raise ValueError(f"{path}: entity {ent['text']!r} does not match its offsets")
        docs.append({"doc_id": gold.get("doc_id", path.stem), "text": text,
                     "entities": gold["entities"]})
    return docs


def split(docs: list[dict], folds: int, fold: int) -> tuple[list[dict], list[dict]]:
    """Train and dev documents of ``fold``: every ``folds``-th of a fixed shuffle is dev."""
    if folds == 1:
        return docs, docs
    order = sorted(docs, key=lambda d: d["doc_id"])
    random.Random(SPLIT_SEED).shuffle(order)
    dev = order[fold::folds]
    dev_ids = {d["doc_id"] for d in dev}
    return [d for d in order if d["doc_id"] not in dev_ids], dev


def gold_doc(item: dict, labels: tuple[str, ...], stats: Counter) -> Doc:
    """The document's tokens with its ``labels`` entities; every other token is outside."""
    doc = tokenise(item["text"])
    spans = []
    for ent in item["entities"]:
        if ent["label"] not in labels:
            continue
        stats["spans"] += 1
        span = doc.char_span(ent["start"], ent["end"], label=ent["label"],
                             alignment_mode="expand")
        if span is None:
            stats["dropped"] += 1
            continue
        if (span.start_char, span.end_char) != (ent["start"], ent["end"]):
            stats["expanded"] += 1
        spans.append(span)
    kept = filter_spans(spans)
    stats["dropped"] += len(spans) - len(kept)
    doc.set_ents(kept, default="outside")
    return doc


def segments(doc: Doc) -> list[Doc]:
    """The doc cut at line breaks that no entity spans: shorter docs shuffle better."""
    inside = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    cuts = [t.i + 1 for t in doc if "\n" in t.text and t.i not in inside]
    bounds = zip([0, *cuts], [*cuts, len(doc)], strict=True)
    return [doc[a:b].as_doc() for a, b in bounds if any(not t.is_space for t in doc[a:b])]


def fullstack_docs(shared: Path, limit: int, stats: Counter) -> list[Doc]:
    """Up to ``limit`` FullStack training sentences with an organisation (see module doc)."""
    from prepare_data import split_files  # training/ is on sys.path when run as a script

    from pipeline.eval.backbone import read_ner

    fullstack = shared / "FullStack-LV"
    splits = fullstack / "splits"
    held_out = {
        "dev": set(splits.joinpath("sent_ids_in_UD_LVTB_dev_v2.17.txt").read_text().split()),
        "test": set(splits.joinpath("sent_ids_in_UD_LVTB_test_v2.12.txt").read_text().split()),
    }
    text = split_files(fullstack / "NamedEntities" / "data", "*.conll2003", held_out)["train"]
    tmp = Path("build") / "domain_ner" / "fullstack-train.conll"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(text, encoding="utf-8")
    sentences = [s for s in read_ner(tmp) if any(t == "organization" for _, _, t in s[1])]
    random.Random(SPLIT_SEED).shuffle(sentences)
    docs = []
    for sentence, entities in sentences[:limit]:
        doc = tokenise(sentence)
        orgs, missing = [], []
        for start, end, kind in entities:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if kind == "organization":
                orgs.append(Span(doc, span.start, span.end, label="ORG"))
                stats["fullstack_orgs"] += 1
            elif kind in FULLSTACK_MISSING:
                missing.append(span)
        orgs = filter_spans(orgs)
        taken = {i for s in orgs for i in range(s.start, s.end)}
        missing = [s for s in missing if not taken & set(range(s.start, s.end))]
        doc.set_ents(orgs, missing=missing, default="outside")
        docs.append(doc)
    stats["fullstack_sentences"] = len(docs)
    return docs


def prepare(out: Path, folds: int = 5, fold: int = 0, places: bool = True,
            fullstack: int = 0, shared: Path = SHARED) -> dict:
    """Write ``train.spacy``, ``dev.spacy`` and ``dev.jsonl`` (dev gold) to ``out``."""
    labels = CONTRACT_LABELS + (PLACE_LABELS if places else ())
    train_items, dev_items = split(read_gold(), folds, fold)
    stats: Counter = Counter()
    train_docs = [s for item in train_items for s in segments(gold_doc(item, labels, stats))]
    train_stats = dict(stats)
    dev_docs = [gold_doc(item, labels, Counter()) for item in dev_items]
    if fullstack:
        train_docs += fullstack_docs(shared, fullstack, stats)
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train_docs).to_disk(out / "train.spacy")
    DocBin(docs=dev_docs).to_disk(out / "dev.spacy")
    with (out / "dev.jsonl").open("w", encoding="utf-8") as f:
        for item in dev_items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    summary = {"labels": list(labels), "train_docs": len(train_items),
               "dev_docs": len(dev_items), "train_segments": len(train_docs),
               "train_spans": train_stats.get("spans", 0),
               "expanded": train_stats.get("expanded", 0),
               "dropped": train_stats.get("dropped", 0),
               "fullstack_sentences": stats.get("fullstack_sentences", 0),
               "fullstack_orgs": stats.get("fullstack_orgs", 0)}
    (out / "prepare.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("build/domain_ner/data"))
    parser.add_argument("--folds", type=int, default=5, help="1: train on every document")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--no-places", action="store_true",
                        help="contract labels only (no MUNICIPALITY/LOCALITY/REGION)")
    parser.add_argument("--fullstack", type=int, default=1000,
                        help="how many FullStack ORG sentences to add (there are 987; 0: none)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    summary = prepare(args.out, args.folds, args.fold, not args.no_places, args.fullstack,
                      args.shared)
    print(json.dumps(summary))
    print(f"{summary['expanded']} of {summary['train_spans']} train spans widened to token "
          f"boundaries, {summary['dropped']} not aligned (dropped)")


if __name__ == "__main__":
    main()

"""Train the shipped spaCy Latvian components: the tagger pipeline and the NER.

``tagger``: tok2vec + tagger (XPOS) + morphologizer (UPOS, features) + edit-tree
lemmatizer + dependency parser, on FullStack-LV UD (dev: LVTB dev).
``ner``: tok2vec + NER on FullStack-LV NamedEntities (the 9 outer-entity types; dev: the
sentences in LVTB's dev list; the LVTB-test sentences stay held out for evaluation).

Run ``training/prepare_data.py`` first; about 30 minutes each on one CPU core. The best
model (by dev score) is copied to ``pipeline/models/lv/<name>``.

    python training/train_spacy.py tagger --data build/backbone
    python training/train_spacy.py ner --data build/backbone
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

from pipeline.eval.backbone import ner_sentences

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "training" / "configs"
MODEL_DIR = ROOT / "pipeline" / "models" / "lv"
SENTENCES_PER_DOC = 10


def read_ner_docs(path: Path) -> list[Doc]:
    """Docs from FullStack's CoNLL-2003-style files: FORM in column 2, outer BIO in column 7."""
    vocab = spacy.blank("lv").vocab
    sentences = ner_sentences(path)
    docs = []
    for i in range(0, len(sentences), SENTENCES_PER_DOC):
        group = sentences[i : i + SENTENCES_PER_DOC]
        words = [w for ws, _ in group for w in ws]
        tags = [t for _, ts in group for t in ts]
        starts = [j == 0 for ws, _ in group for j in range(len(ws))]
        docs.append(Doc(vocab, words=words, ents=tags, sent_starts=starts))
    return docs


def read_ud_docs(path: Path) -> list[Doc]:
    return list(conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=SENTENCES_PER_DOC,
                               no_print=True))


def to_docbin(docs: list[Doc], path: Path) -> Path:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", choices=["tagger", "ner"])
    parser.add_argument("--data", type=Path, default=Path("build/backbone"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--config", type=Path, help="default: training/configs/<model>.cfg")
    args = parser.parse_args()
    work = args.data / f"spacy-{args.model}"
    work.mkdir(parents=True, exist_ok=True)
    if args.model == "tagger":
        train_path = to_docbin(read_ud_docs(args.data / "ud-train.conllu"), work / "train.spacy")
        dev_path = to_docbin(read_ud_docs(args.data / "ud-dev.conllu"), work / "dev.spacy")
    else:
        train_path = to_docbin(read_ner_docs(args.data / "ner-train.conll"), work / "train.spacy")
        dev_path = to_docbin(read_ner_docs(args.data / "ner-dev.conll"), work / "dev.spacy")
    train(args.config or CONFIGS / f"{args.model}.cfg", work / "output",
          overrides={"paths.train": str(train_path), "paths.dev": str(dev_path)})
    target = args.out / args.model
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work / "output" / "model-best", target)
    print(f"model written to {target}")


if __name__ == "__main__":
    main()

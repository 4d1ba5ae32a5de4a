"""Train the project's spaCy Latvian pipeline (``pipeline/models/lv/spacy``).

One small shared tok2vec under morphologizer (UPOS, features), edit-tree lemmatizer,
dependency parser and NER (``training/configs/spacy.cfg``), trained jointly on FullStack-LV
UD with each sentence's outer named entities from FullStack-LV NamedEntities where it has
them (matched by ``sent_id`` and forms; elsewhere the entities are missing, not "outside").
Dev: LVTB dev with the NER dev sentences' entities; the LVTB-test sentences stay held out.

Run ``training/prepare_data.py`` first; about 40 minutes on one CPU core. The best model
(by dev score) is copied to ``pipeline/models/lv/spacy``.

    python training/train_spacy.py --data build/backbone
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "training" / "configs"
MODEL_DIR = ROOT / "pipeline" / "models" / "lv"
SENTENCES_PER_DOC = 10


def _blocks(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [b.splitlines() for b in text.split("\n\n") if b.strip()]


def _sent_id(lines: list[str]) -> str | None:
    return next((line.removeprefix("# sent_id = ").strip() for line in lines
                 if line.startswith("# sent_id = ")), None)


def ner_tags_by_sentence(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """sent_id -> (forms, outer BIO tags) of FullStack's NER file."""
    tagged = {}
    for lines in _blocks(path):
        rows = [line.split("\t") for line in lines if line and line[0] != "#"]
        if (sid := _sent_id(lines)) and rows:
            tagged[sid] = ([r[1] for r in rows], [r[6] for r in rows])
    return tagged


def read_joint_docs(ud_path: Path, ner_path: Path) -> list[Doc]:
    """UD sentences (forms, lemmas, UPOS, features, dependencies) with the NER file's
    outer entities where the same sentence (id and forms) has them; ``SENTENCES_PER_DOC``
    sentences a Doc. A sentence without NER annotation has its entities missing."""
    ner = ner_tags_by_sentence(ner_path)
    vocab = spacy.blank("lv").vocab
    columns: dict[str, list] = {k: [] for k in ("words", "spaces", "lemmas", "pos", "morphs",
                                                "heads", "deps", "ents", "sent_starts")}
    docs, sentences = [], 0

    def flush() -> None:
        nonlocal sentences
        if sentences:
            docs.append(Doc(vocab, **columns))
            for values in columns.values():
                values.clear()
            sentences = 0

    for lines in _blocks(ud_path):
        rows = [line.split("\t") for line in lines if line and line[0].isdigit()]
        rows = [r for r in rows if r[0].isdigit()]  # no multiword or empty nodes
        forms = [r[1] for r in rows]
        tagged = ner.get(_sent_id(lines) or "")
        tags = tagged[1] if tagged and tagged[0] == forms else [None] * len(forms)
        offset = len(columns["words"])
        for i, r in enumerate(rows):
            columns["words"].append(r[1])
            columns["spaces"].append("SpaceAfter=No" not in r[9])
            columns["lemmas"].append(r[2])
            columns["pos"].append(r[3])
            columns["morphs"].append("" if r[5] == "_" else r[5])
            head = int(r[6])
            columns["heads"].append(offset + (head - 1 if head else i))
            columns["deps"].append("ROOT" if r[7] == "root" else r[7])
            columns["ents"].append(tags[i])
            columns["sent_starts"].append(i == 0)
        sentences += 1
        if sentences == SENTENCES_PER_DOC:
            flush()
    flush()
    return docs


def to_docbin(docs: list[Doc], path: Path) -> Path:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/backbone"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR / "spacy")
    parser.add_argument("--config", type=Path, default=CONFIGS / "spacy.cfg")
    args = parser.parse_args()
    work = args.data / "spacy"
    work.mkdir(parents=True, exist_ok=True)
    train_path = to_docbin(read_joint_docs(args.data / "ud-train.conllu",
                                           args.data / "ner-train.conll"), work / "train.spacy")
    dev_path = to_docbin(read_joint_docs(args.data / "ud-dev.conllu",
                                         args.data / "ner-dev.conll"), work / "dev.spacy")
    train(args.config, work / "output",
          overrides={"paths.train": str(train_path), "paths.dev": str(dev_path)})
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.copytree(work / "output" / "model-best", args.out)
    print(f"model written to {args.out}")


if __name__ == "__main__":
    main()

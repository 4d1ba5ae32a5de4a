"""Train the shipped stanza lemmatizer (dictionary + seq2seq over word and UPOS) on
FullStack-LV.

    python training/train_lemma.py --data build/backbone --epochs 12
    python training/train_lemma.py --resume pipeline/models/lv/lemma.pt --epochs 6

`--resume` goes on training a saved model (its dictionary, vocabulary and settings kept)
and saves only when the dev score beats the one it started from, so a few more epochs can
be added without paying again for the first ones.
"""

from __future__ import annotations

import argparse
import io
import logging
from pathlib import Path

import torch
from stanza.models import lemmatizer
from stanza.models.common.doc import LEMMA, TEXT, UPOS
from stanza.models.lemma import scorer
from stanza.models.lemma.data import DataLoader
from stanza.models.lemma.trainer import Trainer
from stanza.utils.conll import CoNLL

MODEL_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "models" / "lv"
log = logging.getLogger("stanza")  # stanza's handler prints it, once, with its own messages


def train_from_scratch(data: Path, out: Path, epochs: int) -> None:
    lemmatizer.main([
        "--mode", "train", "--shorthand", "lv_fullstack",
        "--train_file", str(data / "ud-train.conllu"),
        "--eval_file", str(data / "ud-dev.conllu"), "--cpu",
        "--output_file", str(data / "lemma-dev.pred.conllu"),
        "--num_epoch", str(epochs), "--decay_epoch", str(max(1, epochs // 2)),
        "--save_dir", str(out), "--save_name", "lemma.pt",
    ])


def dev_score(trainer: Trainer, dev: DataLoader, gold: Path) -> float:
    """Lemma accuracy on dev with gold UPOS, scored as stanza's own training loop does."""
    preds, edits = [], []
    for batch in dev:
        batch_preds, batch_edits = trainer.predict(batch, trainer.args["beam_size"])
        preds += batch_preds
        edits += batch_edits or []
    preds = trainer.postprocess(dev.doc.get([TEXT]), preds, edits=edits or None)
    if trainer.args.get("ensemble_dict", False):
        preds = trainer.ensemble(dev.doc.get([TEXT, UPOS]), preds)
    dev.doc.set([LEMMA], preds)
    return scorer.score(io.StringIO(f"{dev.doc:C}\n\n"), str(gold))[2]


def resume(model: Path, data: Path, out: Path, epochs: int, lr: float | None) -> None:
    trainer = Trainer(model_file=str(model), device="cpu")
    settings = trainer.args
    if lr is not None:
        trainer.update_lr(lr)
    train = DataLoader(CoNLL.conll2doc(input_file=str(data / "ud-train.conllu")),
                       settings["batch_size"], settings, vocab=trainer.vocab, evaluation=False)
    gold = data / "ud-dev.conllu"
    dev = DataLoader(CoNLL.conll2doc(input_file=str(gold)), settings["batch_size"], settings,
                     vocab=trainer.vocab, evaluation=True)
    best = dev_score(trainer, dev, gold)
    log.info("resumed %s: dev %.4f", model, best)
    for epoch in range(1, epochs + 1):
        loss = sum(trainer.update(batch, eval=False) for batch in train) / len(train)
        score = dev_score(trainer, dev, gold)
        log.info("epoch +%d: train_loss %.6f, dev %.4f", epoch, loss, score)
        if score > best:
            best = score
            trainer.save(str(out / "lemma.pt"))
            log.info("better: saved %s", out / "lemma.pt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/backbone"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--resume", type=Path, help="a saved lemma.pt to train further")
    parser.add_argument("--lr", type=float, help="learning rate when resuming")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.resume:
        resume(args.resume, args.data, args.out, args.epochs, args.lr)
    else:
        train_from_scratch(args.data, args.out, args.epochs)


if __name__ == "__main__":
    main()

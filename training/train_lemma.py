"""Train the shipped stanza lemmatizer (dictionary + seq2seq over word and UPOS) on
FullStack-LV.

    python training/train_lemma.py --data build/backbone --epochs 12
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch
from stanza.models import lemmatizer

MODEL_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "models" / "lv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/backbone"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    lemmatizer.main([
        "--mode", "train", "--shorthand", "lv_fullstack",
        "--train_file", str(args.data / "ud-train.conllu"),
        "--eval_file", str(args.data / "ud-dev.conllu"), "--cpu",
        "--output_file", str(args.data / "lemma-dev.pred.conllu"),
        "--num_epoch", str(args.epochs), "--decay_epoch", str(max(1, args.epochs // 2)),
        "--save_dir", str(args.out), "--save_name", "lemma.pt",
    ])


if __name__ == "__main__":
    main()

"""Train the shipped stanza tokenizer (tokens and sentences) on FullStack-LV.

Run ``training/prepare_data.py`` first. About 10 minutes on one CPU core; the model
(~1 MB) is written to ``pipeline/models/lv/tokenize.pt``.

    python training/train_tokenizer.py --data build/backbone --steps 8000
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch
from stanza.models import tokenizer

MODEL_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "models" / "lv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/backbone"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--steps", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    data = args.data
    tokenizer.main([
        "--mode", "train", "--lang", "lv", "--shorthand", "lv_fullstack",
        "--txt_file", str(data / "ud-train.txt"), "--label_file", str(data / "ud-train.toklabels"),
        "--dev_txt_file", str(data / "ud-dev.txt"),
        "--dev_label_file", str(data / "ud-dev.toklabels"),
        "--dev_conll_gold", str(data / "ud-dev.conllu"),
        "--conll_file", str(data / "tokenize-dev.pred.conllu"),
        "--steps", str(args.steps), "--eval_steps", "500",
        "--mwt_json_file", str(data / "ud-train-mwt.json"),
        "--save_dir", str(args.out), "--save_name", "tokenize.pt", "--no_use_mwt",
    ])


if __name__ == "__main__":
    main()

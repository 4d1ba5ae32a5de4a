"""Split the shared Latvian treebank and NER corpus into the backbone's train/dev/test files.

Train is FullStack-LV minus every sentence that UD_Latvian-LVTB puts in its dev or test
set (the ids in ``FullStack-LV/splits``), so no evaluation sentence leaks into training.
Dev and test for tagging are the LVTB files themselves; for NER they are the FullStack
sentences whose ids are in the dev and the test lists.

    python training/prepare_data.py --shared ../shared/data --out build/backbone
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data


def read_blocks(path: Path) -> list[str]:
    """The sentences of a CoNLL-U file as text blocks (comments included)."""
    return [b.strip("\n") for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def sent_id(block: str) -> str | None:
    """The block's ``# sent_id``; a few NER files carry none (they are not in LVTB's splits)."""
    for line in block.splitlines():
        if line.startswith("# sent_id = "):
            return line.removeprefix("# sent_id = ").strip()
    return None


def split_files(folder: Path, pattern: str, held_out: dict[str, set[str]]) -> dict[str, str]:
    """Concatenate every file of ``folder`` into 'train' and one text per held-out split."""
    parts: dict[str, list[str]] = {"train": [], **{name: [] for name in held_out}}
    for path in sorted(folder.glob(pattern)):
        for block in read_blocks(path):
            sid = sent_id(block)
            split = next((name for name, ids in held_out.items() if sid in ids), "train")
            parts[split].append(block)
    return {name: "\n\n".join(blocks) + "\n\n" for name, blocks in parts.items()}


def tokenizer_files(conllu: Path, out: Path, stem: str) -> None:
    """Stanza's tokenizer inputs: raw text and character labels for ``conllu``."""
    text = out / f"{stem}.txt"
    conllu_to_text.convert_text(str(conllu), str(text))
    prepare_tokenizer_data.main(
        [str(text), str(conllu), "-o", str(out / f"{stem}.toklabels"),
         "-m", str(out / f"{stem}-mwt.json")]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("build/backbone"))
    args = parser.parse_args()
    fullstack, lvtb = args.shared / "FullStack-LV", args.shared / "UD_Latvian-LVTB"
    splits = fullstack / "splits"
    held_out = {
        "dev": set(splits.joinpath("sent_ids_in_UD_LVTB_dev_v2.17.txt").read_text().split()),
        "test": set(splits.joinpath("sent_ids_in_UD_LVTB_test_v2.12.txt").read_text().split()),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    ud = split_files(fullstack / "UD" / "data", "*.conllu", held_out)
    (args.out / "ud-train.conllu").write_text(ud["train"], encoding="utf-8")
    shutil.copy(lvtb / "lv_lvtb-ud-dev.conllu", args.out / "ud-dev.conllu")
    shutil.copy(lvtb / "lv_lvtb-ud-test.v2.12.conllu", args.out / "ud-test.conllu")
    ner = split_files(fullstack / "NamedEntities" / "data", "*.conll2003", held_out)
    for name, text in ner.items():
        (args.out / f"ner-{name}.conll").write_text(text, encoding="utf-8")
    for stem in ("ud-train", "ud-dev"):
        tokenizer_files(args.out / f"{stem}.conllu", args.out, stem)
    for path in sorted(args.out.iterdir()):
        print(f"{path}\t{path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

"""Build the lemma lexicon the shipped backbone consults before its edit-tree lemmatizer.

For every (word form, UPOS) of the training treebank, the lemma it takes in at least
``--share`` of its occurrences (stanza's lemmatizer ensembles the same kind of dictionary
with its seq2seq model). Written as ``form<TAB>upos<TAB>lemma`` lines, gzip-compressed.

    python training/build_lemma_lexicon.py --data build/backbone
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter, defaultdict
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "models" / "lv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/backbone"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR / "lemmas.tsv.gz")
    parser.add_argument("--share", type=float, default=0.8)
    args = parser.parse_args()
    seen: defaultdict[tuple[str, str], Counter] = defaultdict(Counter)
    for line in (args.data / "ud-train.conllu").read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) == 10 and columns[0].isdigit():
            seen[(columns[1], columns[3])][columns[2]] += 1
    rows = []
    for (form, upos), lemmas in sorted(seen.items()):
        lemma, count = lemmas.most_common(1)[0]
        if count / sum(lemmas.values()) >= args.share:
            rows.append(f"{form}\t{upos}\t{lemma}\n")
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.writelines(rows)
    print(f"{len(rows):,} entries -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

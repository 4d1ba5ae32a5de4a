"""Build the lexicons the shipped backbone consults after its statistical models.

``lemmas.tsv.gz``: for every (word form, UPOS) of the training treebank, the lemma it takes
in at least ``--share`` of its occurrences (``form<TAB>upos<TAB>lemma``). ``upos.tsv.gz``:
every word form seen at least ``--upos-count`` times with one UPOS in at least
``--upos-share`` of them (``form<TAB>upos``). On LVTB dev (gold tokens) it lifts the tagger's
UPOS from 91.21 to 91.79 with the defaults (share 0.98, count 1), chosen there over shares
0.8–1.0 and counts 1–10 (count 5: 91.57; count 2: 91.64): the CNN tagger is weakest on rare
words, which the treebank has seen once.

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
    parser.add_argument("--upos-share", type=float, default=0.98)
    parser.add_argument("--upos-count", type=int, default=1)
    args = parser.parse_args()
    seen: defaultdict[tuple[str, str], Counter] = defaultdict(Counter)
    tags: defaultdict[str, Counter] = defaultdict(Counter)
    for line in (args.data / "ud-train.conllu").read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) == 10 and columns[0].isdigit():
            seen[(columns[1], columns[3])][columns[2]] += 1
            tags[columns[1]][columns[3]] += 1
    rows = []
    for (form, upos), lemmas in sorted(seen.items()):
        lemma, count = lemmas.most_common(1)[0]
        if count / sum(lemmas.values()) >= args.share:
            rows.append(f"{form}\t{upos}\t{lemma}\n")
    write(args.out, rows)
    upos_rows = []
    for form, counts in sorted(tags.items()):
        upos, count = counts.most_common(1)[0]
        if count >= args.upos_count and count / sum(counts.values()) >= args.upos_share:
            upos_rows.append(f"{form}\t{upos}\n")
    write(args.out.with_name("upos.tsv.gz"), upos_rows)


def write(path: Path, rows: list[str]) -> None:
    """Gzip with no time stamp, so a rebuild from the same data gives the same bytes."""
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as out:
        out.write("".join(rows).encode("utf-8"))
    print(f"{len(rows):,} entries -> {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

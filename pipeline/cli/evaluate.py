"""``lvextract eval``, ``eval-backbone`` and ``tune-fuzzy``: scores against gold."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pipeline.cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    BackboneOpt,
    StanzaDirOpt,
    app,
    chosen_resources,
    fail,
    optional_path,
    with_resources,
)
from pipeline.cli.run import report_failure
from pipeline.resources import Resources

if TYPE_CHECKING:
    from pipeline.eval import EvalResult
    from pipeline.eval.entities import Annotations

GoldArg = Annotated[
    list[Path],
    typer.Argument(help="Gold .json files or folders (texts beside them or in --texts)."),
]
PredOpt = optional_path(
    "--pred", help="Folder with predicted CSVs; default: run on the gold's texts."
)
TextsOpt = optional_path(
    "--texts",
    help="Folder of <doc_id>.txt, the texts the gold offsets point into "
    "(default: beside each gold file).",
)
UnverifiedOpt = Annotated[
    bool,
    typer.Option(
        "--unverified",
        help="Score gold without a text anyway (its entity text is then not checked).",
    ),
]
EvalOutOpt = optional_path(
    "--out", "-o", help="Folder for scores.json, errors.txt (and predictions)."
)
NerOpt = optional_path(
    "--ner", help="FullStack-style NER file (CoNLL-2003 columns) to score."
)
ShowErrorsOpt = Annotated[
    bool, typer.Option("--errors", help="Also print missed and spurious items with context.")
]


@app.command("eval")
@with_resources
def evaluate_command(
    gold: GoldArg,
    pred: PredOpt = None,
    texts: TextsOpt = None,
    unverified: UnverifiedOpt = False,
    out: EvalOutOpt = None,
    show_errors: ShowErrorsOpt = False,
    *,
    resources: Resources,
) -> None:
    """Score predictions against gold annotations (contract section 4).

    Without --pred, the gold's texts are extracted first. Gold without a text is refused
    (exit 2) unless --unverified: its entity text could not be checked against the document.
    Prints per-label strict and partial P/R/F1 with tp/fp/fn, (label, norm) F1, and record
    and field scores per table; with --out also writes scores.json and errors.txt.
    """
    from pipeline.eval import format_errors, format_report

    if texts is not None and not texts.is_dir():
        fail(f"--texts {texts}: no such folder", EXIT_USAGE)
    gold_docs = _checked_gold(gold, texts, unverified)  # before a long extraction
    result = _score(gold, gold_docs, pred, texts, out, resources)
    typer.echo(format_report(result))
    if show_errors:
        typer.echo(format_errors(result))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "scores.json").write_text(result.to_json(), encoding="utf-8")
        (out / "errors.txt").write_text(format_errors(result), encoding="utf-8")
        typer.echo(f"scores: {out / 'scores.json'}, errors: {out / 'errors.txt'}")


def _checked_gold(gold: list[Path], texts: Path | None,
                  unverified: bool) -> dict[str, Annotations]:
    """The gold, checked against its texts; a mistake exits (2: how it was named, 1: in it)."""
    from pipeline.eval import GoldError, GoldSourceError, MissingTextError, load_gold

    try:
        gold_docs = load_gold(gold, texts, require_text=not unverified)
    except MissingTextError as err:
        fail(f"{err}\n  --texts DIR names the folder of <doc_id>.txt; "
             "--unverified scores without the check", EXIT_USAGE)
    except GoldSourceError as err:
        fail(str(err), EXIT_USAGE)
    except GoldError as err:
        fail(str(err), EXIT_FAILED)
    unchecked = sum(doc.text is None for doc in gold_docs.values())
    if unchecked:
        typer.echo(
            f"warning: {unchecked} of {len(gold_docs)} gold documents unchecked (no text): "
            "their entity text was not compared with the document (--unverified)",
            err=True,
        )
    return gold_docs


def _score(gold: list[Path], gold_docs: dict[str, Annotations], pred: Path | None,
           texts: Path | None, out: Path | None, resources: Resources) -> EvalResult:
    """Score ``pred``; without it, extract the gold's texts first (into OUT/predictions)."""
    from pipeline.eval import (
        PredictionError,
        gold_files,
        gold_text_path,
        load_predictions,
        score_documents,
    )

    with tempfile.TemporaryDirectory() as scratch:
        if pred is None:
            from pipeline.run import extract_corpus  # only here: it loads the whole pipeline

            pred = (out or Path(scratch)) / "predictions"
            found = (gold_text_path(path, texts) for path in gold_files(gold))
            extract_corpus([t for t in found if t is not None], pred, resources,
                           on_document=report_failure)
        try:
            return score_documents(gold_docs, load_predictions(pred))
        except PredictionError as err:
            fail(str(err), EXIT_FAILED)


@app.command("eval-backbone")
def evaluate_backbone_command(
    conllu: Annotated[
        list[Path], typer.Argument(help="CoNLL-U files (e.g. LVTB's test file) to score on.")
    ],
    ner: NerOpt = None,
    backbone: BackboneOpt = None,
    stanza_dir: StanzaDirOpt = None,
) -> None:
    """Score the Latvian backbone from raw text: token and sentence F1, UPOS, XPOS, features
    and lemma accuracy, UAS and LAS; with --ner, strict NER P/R/F1 per type."""
    from pipeline.annotate.nlp import build_backbone
    from pipeline.eval.backbone import BackboneScores, score_conllu, score_ner

    nlp = build_backbone(chosen_resources(None, backbone, stanza_dir))
    for path in conllu:
        scores: BackboneScores = score_conllu(nlp, path)
        figures = scores.as_dict()
        typer.echo(f"{path.name}: {scores.gold_tokens} tokens, {scores.gold_sentences} sentences")
        for key, value in figures.items():
            typer.echo(f"  {key:<13} {100 * value:6.2f}")
    if ner is not None:
        if "lv_statistical_ner" not in nlp.pipe_names:
            fail("no NER model in this backbone", EXIT_FAILED)
        typer.echo(f"{ner.name}: strict NER           P      R     F1  support")
        for label, row in score_ner(nlp, ner).items():
            typer.echo(f"  {label:<24} {100 * row['precision']:6.2f} {100 * row['recall']:6.2f}"
                       f" {100 * row['f1']:6.2f}  {row['support']:>6}")


@app.command("tune-fuzzy")
def tune_fuzzy_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold .json files or folders (texts beside).")],
    write: Annotated[
        bool, typer.Option("--write", help="Store the best threshold in pipeline/data/fuzzy.json.")
    ] = False,
) -> None:
    """Learn the typo-matching threshold for place names from gold annotations."""
    from pipeline.annotate.fuzzy import SETTINGS, tune_threshold
    from pipeline.eval import load_gold
    from pipeline.process import load_nlp

    places = ("MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE")
    docs = {
        doc_id: (doc.text, {(m.start, m.end, m.label) for m in doc.mentions if m.label in places})
        for doc_id, doc in load_gold(gold).items()
        if doc.text is not None
    }
    best, table = tune_threshold(load_nlp(Resources()), docs)
    for threshold, (right, wrong) in table.items():
        typer.echo(f"{threshold:>4}  right {right:>3}  wrong {wrong:>3}")
    typer.echo(f"best threshold: {best}")
    if write:
        settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
        settings["threshold"] = best
        SETTINGS.write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n", "utf-8")
        typer.echo(f"written to {SETTINGS}")

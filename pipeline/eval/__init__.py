"""Evaluation of the pipeline's CSVs against gold JSON (contract sections 3 and 4).

    result = evaluate(Path("gold"), Path("out"))
    print(format_report(result)); print(format_errors(result)); result.to_json()

The matching and folding mirror `../shared/tools/score.py`, so the headline figures of
both agree on the same files.
"""

from .gold import (
    GoldError,
    GoldSourceError,
    MissingTextError,
    PredictionError,
    gold_files,
    gold_text_path,
    load_gold,
    load_predictions,
)
from .report import format_errors, format_report
from .scorer import EvalResult, evaluate, score_documents

__all__ = [
    "EvalResult",
    "GoldError",
    "GoldSourceError",
    "MissingTextError",
    "PredictionError",
    "evaluate",
    "format_errors",
    "format_report",
    "gold_files",
    "gold_text_path",
    "load_gold",
    "load_predictions",
    "score_documents",
]

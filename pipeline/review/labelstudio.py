"""Label Studio round trip: pre-annotation tasks out, a JSON export back in as gold.

The labelling config (:func:`labelling_config`, shipped as ``labelstudio_config.xml``) has
one ``Text`` named ``text``, a ``Labels`` named ``label`` with the contract's 14 labels and
two per-region ``TextArea``s: ``norm`` (the canonical form) and ``entity_id`` (the ATVK or
gazetteer id). A mention is therefore up to three results sharing one region ``id``: the
``labels`` result (offsets, text, label) and a ``textarea`` result for each of its norm
and id. Annotators correct spans, labels and norms in Label Studio's own interface.

Tables are not edited in Label Studio: a task carries its document's table records in
``data.tables`` (``visits``, ``centres``, ``projects``, as in the gold file) and the import
copies them from there unchanged. Offsets are Python string indices in the gold files and
JavaScript (UTF-16) indices in Label Studio; they are converted both ways, so a text with
characters outside the Basic Multilingual Plane (emoji) keeps its offsets right.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.document import Mention
from pipeline.eval.contract import load_contract
from pipeline.eval.entities import Annotations
from pipeline.version import __version__

from .annotations import ReviewError, predicted, read_text, tables, with_tables

TEXT_NAME = "text"
LABEL_NAME = "label"
NORM_NAME = "norm"
ID_NAME = "entity_id"

#: Background colours of the labels in Label Studio and in the HTML report.
LABEL_COLOURS = {
    "PERSON": "#ffd8a8",
    "ORG": "#a5d8ff",
    "CENTRE": "#b2f2bb",
    "MUNICIPALITY": "#ffec99",
    "LOCALITY": "#fff3bf",
    "REGION": "#e9d8fd",
    "FOREIGN_PLACE": "#d0bfff",
    "PROJECT": "#99e9f2",
    "PROJECT_CODE": "#96f2d7",
    "PROGRAMME": "#c3fae8",
    "DATE": "#ffc9c9",
    "MONEY": "#d8f5a2",
    "EMAIL": "#dee2e6",
    "PHONE": "#e9ecef",
}


def labelling_config() -> str:
    """The Label Studio labelling config these tasks and exports expect (XML)."""
    labels = "\n".join(
        f'    <Label value="{label}" background="{LABEL_COLOURS.get(label, "#dee2e6")}"/>'
        for label in load_contract().labels
    )
    return f"""<View>
  <!-- lvextract: the extraction contract's 14 mention labels (see README,
       "Reviewing and correcting"). Offsets are characters of $text. -->
  <Labels name="{LABEL_NAME}" toName="{TEXT_NAME}" choice="single">
{labels}
  </Labels>
  <Text name="{TEXT_NAME}" value="$text" granularity="symbol"/>
  <View visibleWhen="region-selected">
    <Header value="norm (canonical form, contract section 1)"/>
    <TextArea name="{NORM_NAME}" toName="{TEXT_NAME}" perRegion="true" editable="true"
              maxSubmissions="1" rows="1"/>
    <Header value="id (ATVK code for MUNICIPALITY/LOCALITY, else empty)"/>
    <TextArea name="{ID_NAME}" toName="{TEXT_NAME}" perRegion="true" editable="true"
              maxSubmissions="1" rows="1"/>
  </View>
</View>
"""


# --- offsets: Python code points <-> JavaScript UTF-16 code units -------------------------


def _utf16_index(text: str) -> list[int]:
    """UTF-16 offset of every code-point offset 0..len(text)."""
    out, n = [0], 0
    for char in text:
        n += 2 if ord(char) > 0xFFFF else 1
        out.append(n)
    return out


def _to_utf16(index: list[int], offset: int) -> int:
    return index[offset]


def _from_utf16(index: list[int], offset: int, where: str) -> int:
    if len(index) - 1 == index[-1]:  # no astral characters: the same numbers
        return offset
    try:
        return index.index(offset)
    except ValueError:
        raise ReviewError(f"{where}: offset {offset} falls inside a character") from None


# --- export -------------------------------------------------------------------------------


def to_task(item: Annotations,
            model_version: str = f"lvextract-{__version__}") -> dict[str, Any]:
    """One Label Studio task: the text and tables in ``data``, mentions as a prediction
    (with the score of each mention a pipeline component found)."""
    text = item.text or ""
    index = _utf16_index(text)
    result: list[dict[str, Any]] = []
    for n, mention in enumerate(item.mentions, start=1):
        region = f"{item.doc_id}-{n}"
        value = {"start": _to_utf16(index, mention.start), "end": _to_utf16(index, mention.end),
                 "text": mention.text}
        labels = {"id": region, "from_name": LABEL_NAME, "to_name": TEXT_NAME,
                  "type": "labels", "value": {**value, "labels": [mention.label]}}
        if predicted(mention):
            labels["score"] = round(mention.score, 3)
        result.append(labels)
        for name, extra in ((NORM_NAME, mention.norm), (ID_NAME, mention.id)):
            if extra not in (None, ""):
                result.append({"id": region, "from_name": name, "to_name": TEXT_NAME,
                               "type": "textarea", "value": {**value, "text": [extra]}})
    known = [m.score for m in item.mentions if predicted(m)]
    prediction: dict[str, Any] = {"model_version": model_version, "result": result}
    if known:
        prediction["score"] = round(sum(known) / len(known), 3)
    return {
        "data": {"text": text, "doc_id": item.doc_id, "tables": tables(item)},
        "predictions": [prediction],
    }


def to_tasks(items: Sequence[Annotations], model_version: str | None = None) -> list[dict]:
    """Label Studio tasks JSON (a list), one task per document."""
    if model_version is None:
        return [to_task(item) for item in items]
    return [to_task(item, model_version) for item in items]


# --- import -------------------------------------------------------------------------------


def _chosen_annotation(task: dict[str, Any], where: str) -> dict[str, Any] | None:
    """The annotation that counts: a ground-truth one, else the latest not cancelled."""
    annotations = [a for a in task.get("annotations") or []
                   if isinstance(a, dict) and not a.get("was_cancelled")]
    if not annotations:
        return None
    truth = [a for a in annotations if a.get("ground_truth")]
    pool = truth or annotations
    return max(pool, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""),
                                    a.get("id") if isinstance(a.get("id"), int) else 0))


def _doc_id(task: dict[str, Any]) -> str:
    data = task.get("data") or {}
    if data.get("doc_id"):
        return str(data["doc_id"])
    upload = task.get("file_upload") or ""
    if upload:
        # Label Studio prefixes uploaded file names with a hash: "1a2b3c4d-name.txt".
        stem = Path(upload).stem
        return stem.split("-", 1)[1] if len(stem) > 9 and stem[8] == "-" else stem
    return f"task-{task.get('id', 'unknown')}"


def _single_text(value: dict[str, Any], where: str) -> str | None:
    texts = value.get("text")
    if isinstance(texts, str):
        texts = [texts]
    texts = [t.strip() for t in texts or [] if isinstance(t, str) and t.strip()]
    if len(texts) > 1:
        raise ReviewError(f"{where}: several values {texts!r}; keep one")
    return texts[0] if texts else None


def from_task(task: dict[str, Any], texts_dir: Path | None = None,
              where: str = "export") -> Annotations | None:
    """One exported task as gold; None when it has no annotation that counts."""
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ReviewError(f"{where}: a task must be an object with 'data'")
    doc_id = _doc_id(task)
    where = f"{where}: {doc_id}"
    text = task["data"].get(TEXT_NAME)
    if not isinstance(text, str):
        raise ReviewError(f"{where}: data.{TEXT_NAME} is missing")
    if texts_dir is not None:
        path = texts_dir / f"{doc_id}.txt"
        if not path.is_file():
            raise ReviewError(f"{where}: no {path}")
        if read_text(path) != text:
            raise ReviewError(f"{where}: data.text differs from {path} (offsets would point "
                              "elsewhere; was the text changed on import into Label Studio?)")
    annotation = _chosen_annotation(task, where)
    if annotation is None:
        return None
    index = _utf16_index(text)
    regions: dict[str, dict[str, Any]] = {}
    extras: dict[str, dict[str, str | None]] = {}
    for n, res in enumerate(annotation.get("result") or [], start=1):
        what = f"{where}: result #{n}"
        if not isinstance(res, dict) or res.get("to_name", TEXT_NAME) != TEXT_NAME:
            continue
        value = res.get("value") or {}
        region = str(res.get("id") or f"#{n}")
        if res.get("type") == "labels":
            labels = value.get("labels") or []
            if len(labels) != 1:
                raise ReviewError(f"{what}: a region needs exactly one label, got {labels!r}")
            start = _from_utf16(index, int(value["start"]), what)
            end = _from_utf16(index, int(value["end"]), what)
            if "text" in value and value["text"] != text[start:end]:
                raise ReviewError(f"{what}: {value['text']!r} ({start}-{end}) differs from "
                                  f"the text's slice {text[start:end]!r}")
            regions[region] = {"start": start, "end": end, "label": labels[0],
                               "meta": res.get("meta")}
        elif res.get("type") == "textarea" and res.get("from_name") in (NORM_NAME, ID_NAME):
            extras.setdefault(region, {})[res["from_name"]] = _single_text(value, what)
    item = Annotations(doc_id, text)
    for region, reg in regions.items():
        norm = extras.get(region, {}).get(NORM_NAME)
        meta = reg["meta"] if isinstance(reg["meta"], dict) else {}
        if norm is None and isinstance(meta.get("norm"), str):
            norm = meta["norm"] or None
        start, end = reg["start"], reg["end"]
        item.mentions.append(Mention(start, end, text[start:end], reg["label"], norm,
                                     extras.get(region, {}).get(ID_NAME), doc_id=doc_id))
    item.mentions.sort(key=lambda m: (m.start, m.end))
    return with_tables(item, task["data"].get("tables") or {}, f"{where}: data.tables")


def from_export(export: Any, texts_dir: Path | None = None,
                where: str = "export") -> tuple[list[Annotations], list[str]]:
    """A Label Studio JSON export as gold documents, and the doc_ids of tasks skipped
    because no annotation counts (none, or all cancelled)."""
    if isinstance(export, dict):
        export = [export]
    if not isinstance(export, list):
        raise ReviewError(f"{where}: expected a JSON list of tasks (Label Studio's JSON export)")
    items, skipped = [], []
    for n, task in enumerate(export, start=1):
        item = from_task(task, texts_dir, f"{where}: task #{n}")
        if item is None:
            skipped.append(_doc_id(task))
        else:
            items.append(item)
    return items, skipped


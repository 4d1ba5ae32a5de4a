"""The README's Python example runs as written and shows what it says."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def api_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_api_example_runs_as_written(nlp) -> None:
    names: dict[str, object] = {}
    exec(compile(api_example(), "README.md", "exec"), names)
    tables = names["tables"]
    [visit] = tables["visits"].to_dict("records")
    assert visit["doc_id"] == "ludza"
    assert visit["origin_municipalities"] == ["Balvu novads"]
    assert "Saulīte" in visit["sites_visited"]
    assert set(tables["centres"]["name"]) >= {"Saulīte", "Liepas"}
    assert list(tables["errors"].columns) == ["doc_id", "stage", "error", "message", "path"]
    assert names["document"].doc.ents  # the spaCy Doc for displaCy
    assert "<mark" in names["html"] or "entity" in names["html"]

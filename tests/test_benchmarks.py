"""The benchmark runs and reports what it measured (figures are printed, never asserted
against a clock)."""

from __future__ import annotations

from pipeline.benchmarks import bench_gazetteer, format_gazetteer_figures

TEXTS = [
    "Braucienā piedalījās pārstāvji no Balvu, Krāslavas un Ludzas novada, kas viesojās Preiļos.",
    "Jelgavas novadā un Rīgā apmeklēja dienas centrus.",
]


def test_gazetteers_of_each_size_are_built_and_matched() -> None:
    figures = bench_gazetteer(TEXTS, sizes=(20, 200), repeats=1)
    assert [f.names for f in figures] == [20, 200]
    assert figures[0].forms < figures[1].forms
    assert figures[1].hits >= figures[0].hits > 0
    table = format_gazetteer_figures(figures)
    assert "tokens/s" in table and "200" in table

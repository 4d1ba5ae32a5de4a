"""The benchmark runs and reports what it measured (figures are printed, never asserted
against a clock)."""

from __future__ import annotations

from pathlib import Path

from pipeline.benchmarks import bench_gazetteer, format_gazetteer_figures

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

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


def test_bench_corpus_documents_are_varied_and_known_places_are_swapped() -> None:
    from pipeline.benchmarks import BenchCorpus

    corpus = BenchCorpus(CORPUS)
    texts = [corpus.text(i) for i in range(60)]
    assert len(set(texts)) == 60
    assert corpus.text(7) == texts[7]  # deterministic
    assert len(corpus.towns) > 20
    originals = {p.read_text(encoding="utf-8").strip() for p in CORPUS.glob("*.txt")}
    assert not originals & set(texts)


def test_bench_runs_the_pipeline_and_reports_stages(nlp, tmp_path) -> None:
    from pipeline.benchmarks import bench_corpus, format_run_figures, parse_backend, scaling

    figures = bench_corpus(sizes=(4, 8), backends=("local:1", "local:2"), source=CORPUS,
                           isolate=False, work_dir=tmp_path, backbones=("shipped", "rules"))
    assert [(f.size, f.backbone, f.workers, f.documents) for f in figures] == [
        (4, "shipped", 1, 4), (4, "shipped", 2, 4), (4, "rules", 1, 4), (4, "rules", 2, 4),
        (8, "shipped", 1, 8), (8, "shipped", 2, 8), (8, "rules", 1, 8), (8, "rules", 2, 8),
    ]
    assert all(f.mentions > 0 and f.errors == 0 and f.words_per_second > 0 for f in figures)
    # the whole tree's memory: with two workers more than the main process alone holds
    assert all(f.peak_pss_tree_mb > 0 for f in figures)
    assert set(scaling(figures)) == {"shipped local:1", "shipped local:2", "rules local:1",
                                     "rules local:2"}
    table = format_run_figures(figures)
    assert "words/s" in table and "PSS MB" in table and "rules" in table
    assert parse_backend("dask") == ("dask", 2) and parse_backend("local:3") == ("local", 3)
    assert list(tmp_path.iterdir()) == []  # the corpora and outputs are removed


def test_bench_length_measures_one_document_per_size() -> None:
    from pipeline.benchmarks import bench_length, format_length_figures

    [figure] = bench_length([3_000], Path(__file__).resolve().parents[1] / "corpus")
    assert (figure["characters"], figure["failed"]) == (3_000, 0)
    assert figure["seconds"] > 0 and figure["peak_rss_mb"] > 0
    assert "3,000" in format_length_figures([figure])

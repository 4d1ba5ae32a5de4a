"""``lvextract build-gazetteers`` and the benchmarks (``bench``, ``bench-length``,
``bench-gazetteer``), which print figures and assert nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import EXIT_USAGE, app, fail, int_list, optional_path
from pipeline.resources import Resources

SourceOpt = Annotated[
    Path, typer.Option("--source", help="Folder of .txt releases to build the corpora from.")
]

JsonOpt = optional_path("--json", help="Also write the figures as JSON to this file.")


@app.command("build-gazetteers")
def build_gazetteers_command(
    source: Annotated[
        Path, typer.Option("--source", help="The shared data folder (../shared/data/gazetteers).")
    ] = Path("../shared/data/gazetteers"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write them.")] = Path(
        "gazetteers"
    ),
) -> None:
    """Rebuild the gazetteer files from the public source data (see gazetteers/README.md)."""
    from pipeline.gazetteer import build_gazetteers

    counts = build_gazetteers(source, out)
    for name, count in sorted(counts.items()):
        typer.echo(f"{name}: {count}")


@app.command("bench-gazetteer")
def bench_gazetteer_command(
    texts: Annotated[
        Path, typer.Option("--texts", help="Folder of .txt documents to match.")
    ] = Path("corpus"),
    sizes: Annotated[str, typer.Option("--sizes", help="Gazetteer sizes, comma-separated.")] = (
        "100,1000,10000"
    ),
) -> None:
    """Print the place matcher's build time and throughput as the gazetteer grows."""
    from pipeline.benchmarks import bench_gazetteer, corpus_texts, format_gazetteer_figures

    figures = bench_gazetteer(corpus_texts(texts), int_list(sizes, "--sizes"))
    typer.echo(format_gazetteer_figures(figures))


@app.command("bench-length")
def bench_length_command(
    sizes: Annotated[
        str, typer.Option("--sizes", help="Document lengths in characters, comma-separated.")
    ] = "10000,100000,1000000",
    source: SourceOpt = Path("corpus"),
) -> None:
    """Print the time and peak memory of one document as its length grows, up to the limit
    of 1,000,000 characters (each size alone in a fresh process; nothing is asserted)."""
    from pipeline.benchmarks import bench_length, format_length_figures

    typer.echo(format_length_figures(bench_length(int_list(sizes, "--sizes"), source)))


@app.command("bench")
def bench_command(
    sizes: Annotated[
        str, typer.Option("--sizes", help="Corpus sizes in documents, comma-separated.")
    ] = "100,1000,10000",
    backends: Annotated[
        str,
        typer.Option("--backends", help="Backends to compare, comma-separated: local:N "
                     "(N worker processes) or dask:N."),
    ] = "local:1,local:2",
    backbones: Annotated[
        str,
        typer.Option("--backbones", help="Backbones to compare side by side, comma-separated "
                     "(rules, with no model, is the floor)."),
    ] = "shipped,rules",
    source: SourceOpt = Path("corpus"),
    json_path: JsonOpt = None,
    isolate: Annotated[
        bool,
        typer.Option("--isolate/--no-isolate", help="Run each measurement in a fresh process "
                     "(own startup and peak memory); --no-isolate is quicker, for smoke tests."),
    ] = True,
) -> None:
    """Time the whole pipeline on corpora of growing size built from the sample corpus.

    For each size, backbone and backend: documents/s, words/s, time per stage (read,
    clean+annotate, normalise, fill, write), the pipeline build, peak memory of the whole
    process tree (PSS) and peak RSS, and the ratio of time per document between sizes.
    The 10,000-document corpus takes a few minutes per backbone and backend.
    """
    from pipeline.benchmarks import (
        RunFigures,
        bench_corpus,
        figures_json,
        format_run_figures,
        parse_backend,
    )

    size_list = int_list(sizes, "--sizes")
    backend_list = [b.strip() for b in backends.split(",") if b.strip()]
    backbone_list = [b.strip() for b in backbones.split(",") if b.strip()]
    try:
        for spec in backend_list:
            parse_backend(spec)
        for backbone in backbone_list:
            Resources(backbone=backbone)  # type: ignore[arg-type]
    except ValueError as err:
        fail(str(err), EXIT_USAGE)

    def progress(figure: RunFigures) -> None:
        typer.echo(f"  done: {figure.size} documents, {figure.backbone}, "
                   f"{figure.backend}:{figure.workers} ({figure.wall_seconds:.1f}s)", err=True)

    figures = bench_corpus(size_list, backend_list, source, isolate=isolate, on_figures=progress,
                           backbones=backbone_list)
    typer.echo(format_run_figures(figures))
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(figures_json(figures), indent=1) + "\n", encoding="utf-8")
        typer.echo(f"figures: {json_path}")

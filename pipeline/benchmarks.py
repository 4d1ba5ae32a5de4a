"""Benchmarks that print figures (never timed tests): how the place matcher scales, and how
the whole pipeline does on corpora of growing size.

``bench_corpus`` (``lvextract bench``) builds corpora of 100, 1,000 and 10,000 varied
releases from the sample corpus (:class:`BenchCorpus`) and runs the pipeline on each with
each backend (one worker, two workers, Dask), each run in a fresh process: documents and
words per second, time per stage, the one-off pipeline build, peak memory of the main
process and of a worker, and how the time per document changes with the corpus size.

``bench_gazetteer`` builds the place matcher over gazetteers of growing size and runs it on
the same documents: build time should grow with the number of names, matching time should
not (the phrase index looks token hashes up in a dict). Every size holds the places
the documents name, so the hits stay the same; the rest are made-up villages (real village
names with a common Latvian prefix, "Jaun-", "Vec-", declined by the project's own rules),
so the forms are realistic but never occur in the text.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from pipeline.annotate.gazetteer import PlaceMatcher
from pipeline.annotate.nlp import build_nlp
from pipeline.gazetteer.inflect import surface_forms
from pipeline.gazetteer.kb import Place, knowledge_base
from pipeline.resources import PACKAGED_GAZETTEERS, Resources

SYNTHETIC_PREFIXES = ("Jaun", "Vec", "Liel", "Maz", "Augš", "Lej")


@dataclass(frozen=True)
class GazetteerFigures:
    """``lookup_seconds`` is the phrase index alone (should stay flat); ``match_seconds``
    adds choosing among candidates and walking lists, which grows with ``hits``."""

    names: int
    forms: int
    build_seconds: float
    lookup_seconds: float
    match_seconds: float
    hits: int
    documents: int
    tokens: int

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.lookup_seconds if self.lookup_seconds else float("inf")


def _synthetic(real: Sequence[Place]) -> Iterator[Place]:
    """Endless made-up villages: a prefix plus a real village name ("Jaunkalnciems")."""
    villages = [p for p in real if p.kind == "ciems"]
    for prefix in SYNTHETIC_PREFIXES:
        for village in villages:
            name = prefix + village.norm.lower()
            try:
                forms = tuple(surface_forms(name))
            except ValueError:
                continue
            yield replace(village, key=f"synthetic:{name}", norm=name, forms=forms, id=None)


def gazetteer_of_size(size: int, named: Sequence[Place], real: Sequence[Place]) -> list[Place]:
    """``size`` places: those the documents name, then made-up villages."""
    places = list(named[:size])
    synthetic = _synthetic(real)
    while len(places) < size:
        places.append(next(synthetic))
    return places


def _named_places(matcher: PlaceMatcher, docs: Sequence[Doc]) -> list[Place]:
    """The places whose forms occur in ``docs``."""
    named: dict[str, Place] = {}
    for doc in docs:
        for start, end in matcher.matcher(doc):
            for place in matcher.by_form.get(doc[start:end].text.lower(), ()):
                named.setdefault(place.key, place)
    return list(named.values())


def bench_gazetteer(
    texts: Sequence[str], sizes: Sequence[int] = (100, 1_000, 10_000), repeats: int = 3
) -> list[GazetteerFigures]:
    """Build time and matching time of the place matcher per gazetteer size (medians)."""
    resources = Resources()
    nlp = build_nlp(resources)
    docs = [nlp.make_doc(text) for text in texts]
    tokens = sum(len(doc) for doc in docs)
    base = knowledge_base(resources.gazetteers)
    real, heads = base.places, base.heads
    named = _named_places(PlaceMatcher(nlp, real, heads), docs)
    figures = []
    for size in sizes:
        places = gazetteer_of_size(size, named, real)
        builds, lookups, matches = [], [], []
        for _ in range(repeats):
            started = time.perf_counter()
            matcher = PlaceMatcher(nlp, places, heads)
            builds.append(time.perf_counter() - started)
            started = time.perf_counter()
            for doc in docs:
                matcher.matcher(doc)
            lookups.append(time.perf_counter() - started)
            started = time.perf_counter()
            hits = sum(len(matcher.find(doc)) for doc in docs)
            matches.append(time.perf_counter() - started)
        forms = len({form for place in places for form in place.forms})
        figures.append(
            GazetteerFigures(
                names=len(places),
                forms=forms,
                build_seconds=statistics.median(builds),
                lookup_seconds=statistics.median(lookups),
                match_seconds=statistics.median(matches),
                hits=hits,
                documents=len(docs),
                tokens=tokens,
            )
        )
    return figures


def format_gazetteer_figures(figures: Sequence[GazetteerFigures]) -> str:
    lines = [
        f"{'names':>7} {'forms':>8} {'build s':>9} {'lookup s':>9} {'tokens/s':>11} "
        f"{'hits':>6} {'match s':>9}"
    ]
    for f in figures:
        lines.append(
            f"{f.names:>7} {f.forms:>8} {f.build_seconds:>9.3f} {f.lookup_seconds:>9.4f} "
            f"{f.tokens_per_second:>11,.0f} {f.hits:>6} {f.match_seconds:>9.4f}"
        )
    docs = figures[0].documents if figures else 0
    lines.append(f"(matching {docs} documents per size; medians)")
    return "\n".join(lines)


def corpus_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


# --- the whole pipeline on corpora of growing size ------------------------------------------

MONTHS = ("janvār", "februār", "mart", "aprīl", "maij", "jūnij", "jūlij", "august",
          "septembr", "oktobr", "novembr", "decembr")
_DAY = re.compile(r"\b([1-9]|[12]\d|3[01])\.(\s+)(?=(?:" + "|".join(MONTHS) + r"))")
_YEAR = re.compile(r"\b(20[12]\d)\b")
DEFAULT_SIZES = (100, 1_000, 10_000)
DEFAULT_BACKENDS = ("local:1", "local:2")
DEFAULT_BACKBONES = ("shipped", "rules")  # the rules: the floor no model can go under


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _towns() -> list[tuple[str, ...]]:
    """Case forms (nominative, genitive, dative, accusative, locative) of Latvian towns
    whose five forms are single distinct words, to swap one for another."""
    towns = []
    for place in knowledge_base(PACKAGED_GAZETTEERS).places:
        forms = place.forms[:5]
        if (place.kind in ("pilsēta", "valstspilsēta") and len(set(forms)) == 5
                and all(" " not in f for f in forms)):
            towns.append(tuple(forms))
    return sorted(set(towns))


class BenchCorpus:
    """Varied releases made from the sample corpus, each with its own ``doc_id``.

    Document ``i`` takes the title and opening paragraph of release ``i mod n``, then its
    other paragraphs with one or two paragraphs of other releases put among them in a
    shuffled order, then swaps towns the gazetteer knows for other towns (same case form)
    and moves its years and days of the month. The result is deterministic in ``i``
    and the ``seed``; no document repeats another verbatim.
    """

    def __init__(self, source: Path = Path("corpus"), seed: int = 0) -> None:
        self.releases = [_paragraphs(t) for t in corpus_texts(source)]
        if not self.releases:
            raise ValueError(f"no .txt releases in {source}")
        self.seed = seed
        self.towns = _towns()
        by_form = {form: (t, case) for t, forms in enumerate(self.towns)
                   for case, form in enumerate(forms)}
        self.by_form = by_form
        names = sorted(by_form, key=len, reverse=True)
        self.town_pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")

    def text(self, i: int) -> str:
        rng = random.Random(f"{self.seed}:{i}")
        base = self.releases[i % len(self.releases)]
        body = base[2:] if len(base) > 2 else []
        for _ in range(rng.randint(1, 2)):
            other = self.releases[rng.randrange(len(self.releases))]
            if len(other) > 2:
                body.append(other[rng.randrange(2, len(other))])
        rng.shuffle(body)
        text = "\n\n".join([*base[:2], *body])
        swap = {t: rng.randrange(len(self.towns)) for t in range(len(self.towns))}
        text = self.town_pattern.sub(
            lambda m: self.towns[swap[self.by_form[m.group()][0]]][self.by_form[m.group()][1]],
            text,
        )
        years = rng.randint(-3, 2)
        text = _YEAR.sub(lambda m: str(int(m.group()) + years), text)
        days = rng.randint(0, 27)
        return _DAY.sub(lambda m: f"{(int(m.group(1)) - 1 + days) % 28 + 1}.{m.group(2)}", text)

    def write(self, folder: Path, size: int) -> tuple[int, int]:
        """Write ``size`` documents ``bench-00000.txt``...; return (documents, words)."""
        folder.mkdir(parents=True, exist_ok=True)
        words = 0
        for i in range(size):
            text = self.text(i)
            words += len(text.split())
            (folder / f"bench-{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
        return size, words


def _peak_rss_mb(who: int) -> float:
    """Peak resident set size in MB (``RUSAGE_CHILDREN``: the largest waited-for child)."""
    import resource

    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class TreeMemory:
    """Peak proportional set size (PSS) of this process and all its descendants, sampled
    every ``interval`` seconds on a thread while the ``with`` block runs. PSS shares each
    page among the processes that map it, so forked workers that share the parent's models
    count them once: the sum is what the run costs the machine (RSS would count them once
    per process)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._measure()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self._measure()

    def _measure(self) -> None:
        import psutil

        me = psutil.Process()
        total = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                total += process.memory_full_info().pss
            except (psutil.Error, AttributeError):  # gone, or no PSS on this platform
                continue
        self.peak_mb = max(self.peak_mb, total / (1024 * 1024))


def measure_run(folder: Path, out: Path, backend: str = "local", workers: int = 1,
                backbone: str = "shipped") -> dict:
    """Run :func:`pipeline.run.extract_corpus` on ``folder`` with ``backbone`` (no cache,
    documents not kept) and return its figures: times in seconds, peak RSS of this process
    and of its largest worker, peak PSS of the whole process tree."""
    import resource

    from pipeline.run import extract_corpus

    started = time.perf_counter()
    with TreeMemory() as memory:
        result = extract_corpus([folder], out, Resources(backbone=backbone),  # type: ignore
                                backend=backend, workers=workers, keep_documents=False)
    wall = time.perf_counter() - started
    return {
        "peak_pss_tree_mb": memory.peak_mb,
        "wall_seconds": wall,
        "startup_seconds": result.startup_seconds,
        "stages": {k: v for k, v in result.timings.items() if k != "total"},
        "documents": result.counts.get("documents", 0),
        "errors": result.counts.get("errors", 0),
        "mentions": result.counts.get("mentions", 0),
        "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF),
        "peak_rss_worker_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


def _measure_isolated(folder: Path, out: Path, backend: str, workers: int,
                      backbone: str = "shipped") -> dict:
    """:func:`measure_run` in a fresh Python process, so its peak RSS is this run's alone."""
    args = json.dumps([str(folder), str(out), backend, workers, backbone])
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline.benchmarks", args],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"benchmark run failed: {completed.stderr.strip()[-2000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


@dataclass
class RunFigures:
    """One benchmark run. ``seconds_per_document`` leaves out the one-off pipeline build
    (``startup_seconds``), which a long run pays once; ``documents_per_second`` and
    ``words_per_second`` are over the whole wall time, build included."""

    size: int
    backend: str
    workers: int
    backbone: str
    documents: int
    words: int
    wall_seconds: float
    startup_seconds: float
    stages: dict[str, float]
    peak_rss_mb: float
    peak_rss_worker_mb: float
    peak_pss_tree_mb: float = 0.0
    errors: int = 0
    mentions: int = 0

    @property
    def processing_seconds(self) -> float:
        return max(self.wall_seconds - self.startup_seconds, 1e-9)

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def steady_documents_per_second(self) -> float:
        return self.documents / self.processing_seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def seconds_per_document(self) -> float:
        return self.processing_seconds / self.documents if self.documents else 0.0

    def to_json(self) -> dict:
        return {
            **asdict(self),
            "documents_per_second": self.documents_per_second,
            "steady_documents_per_second": self.steady_documents_per_second,
            "words_per_second": self.words_per_second,
            "seconds_per_document": self.seconds_per_document,
        }


def parse_backend(spec: str) -> tuple[str, int]:
    """``"local:2"`` -> ("local", 2); ``"dask"`` -> ("dask", 2); ``"local"`` -> 1 worker."""
    name, _, count = spec.partition(":")
    name = name.strip() or "local"
    if name not in ("local", "dask"):
        raise ValueError(f"unknown backend {name!r} in {spec!r} (local or dask)")
    workers = int(count) if count else (2 if name == "dask" else 1)
    if workers < 1:
        raise ValueError(f"workers must be at least 1 in {spec!r}")
    return name, workers


def bench_corpus(
    sizes: Sequence[int] = DEFAULT_SIZES,
    backends: Sequence[str] = DEFAULT_BACKENDS,
    source: Path = Path("corpus"),
    isolate: bool = True,
    work_dir: Path | None = None,
    on_figures: Callable[[RunFigures], None] | None = None,
    backbones: Sequence[str] = DEFAULT_BACKBONES,
) -> list[RunFigures]:
    """Build a corpus of each size (:class:`BenchCorpus`) and run the pipeline on it with
    each backbone and backend (``"local:N"``, ``"dask:N"``), without the cache. With
    ``isolate`` (the default) each run is a fresh process, so startup and peak memory are
    each run's own; without, runs share this process (quicker, for tests: figures are then
    not comparable)."""
    corpus = BenchCorpus(source)
    figures: list[RunFigures] = []
    specs = [(backbone, *parse_backend(b)) for backbone in backbones for b in backends]
    with tempfile.TemporaryDirectory(prefix="lvextract-bench-", dir=work_dir) as scratch:
        for size in sizes:
            folder = Path(scratch) / f"corpus-{size}"
            documents, words = corpus.write(folder, size)
            for backbone, backend, workers in specs:
                out = Path(scratch) / f"out-{size}-{backbone}-{backend}-{workers}"
                measure = _measure_isolated if isolate else measure_run
                data = measure(folder, out, backend, workers, backbone)
                shutil.rmtree(out, ignore_errors=True)
                figure = RunFigures(
                    size=size, backend=backend, workers=workers, backbone=backbone,
                    documents=documents, words=words, wall_seconds=data["wall_seconds"],
                    startup_seconds=data["startup_seconds"], stages=data["stages"],
                    peak_rss_mb=data["peak_rss_mb"],
                    peak_rss_worker_mb=data["peak_rss_worker_mb"],
                    peak_pss_tree_mb=data["peak_pss_tree_mb"],
                    errors=data["errors"], mentions=data["mentions"],
                )
                figures.append(figure)
                if on_figures is not None:
                    on_figures(figure)
            shutil.rmtree(folder, ignore_errors=True)
    return figures


def scaling(figures: Sequence[RunFigures]) -> dict[str, dict[str, float]]:
    """Per backend: time per document at each size over that at the smallest size."""
    ratios: dict[str, dict[str, float]] = {}
    for f in figures:
        key = f"{f.backbone} {f.backend}:{f.workers}"
        base = min((g for g in figures
                    if (g.backbone, g.backend, g.workers) == (f.backbone, f.backend, f.workers)),
                   key=lambda g: g.size)
        if base.seconds_per_document:
            ratio = f.seconds_per_document / base.seconds_per_document
            ratios.setdefault(key, {})[str(f.size)] = ratio
    return ratios


STAGE_COLUMNS = (
    ("read", ("read",)),
    ("clean+annotate", ("clean", "annotate")),
    ("normalise", ("normalise",)),
    ("fill", ("fill",)),
    ("write", ("write", "cache")),
)


def stage_seconds(figure: RunFigures) -> dict[str, float]:
    return {name: sum(figure.stages.get(k, 0.0) for k in keys) for name, keys in STAGE_COLUMNS}


def format_run_figures(figures: Sequence[RunFigures]) -> str:
    header = (f"{'docs':>6} {'backbone':>8} {'backend':>8} {'wall s':>8} {'build s':>7} "
              f"{'docs/s':>7} {'steady':>7} {'words/s':>8} {'ms/doc':>7} "
              + " ".join(f"{name:>14}" for name, _ in STAGE_COLUMNS)
              + f" {'PSS MB':>7} {'RSS MB':>7} {'worker':>7}")
    lines = [header]
    for f in figures:
        stages = stage_seconds(f)
        lines.append(
            f"{f.documents:>6} {f.backbone:>8} {f.backend + ':' + str(f.workers):>8} "
            f"{f.wall_seconds:>8.2f} "
            f"{f.startup_seconds:>7.2f} {f.documents_per_second:>7.1f} "
            f"{f.steady_documents_per_second:>7.1f} {f.words_per_second:>8,.0f} "
            f"{1000 * f.seconds_per_document:>7.2f} "
            + " ".join(f"{stages[name]:>13.2f}s" for name, _ in STAGE_COLUMNS)
            + f" {f.peak_pss_tree_mb:>7.0f} {f.peak_rss_mb:>7.0f} {f.peak_rss_worker_mb:>7.0f}"
        )
    lines.append(
        "(stage times are summed over documents, so over all workers; 'steady' and ms/doc "
        "leave out the pipeline build; PSS: peak of the whole process tree, shared pages "
        "counted once; RSS: peak of the main process and of one worker)"
    )
    for key, ratios in scaling(figures).items():
        if len(ratios) > 1:
            parts = ", ".join(f"{size}: {ratio:.2f}x" for size, ratio in ratios.items())
            lines.append(f"time per document vs the smallest size, {key}: {parts}")
    return "\n".join(lines)


def figures_json(figures: Sequence[RunFigures]) -> dict:
    import platform

    return {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "runs": [f.to_json() for f in figures],
        "scaling": scaling(figures),
    }


def bench_length(sizes: Sequence[int], source: Path) -> list[dict]:
    """Time and peak memory of one document as a function of its length: for each size, a
    release of that many characters (the corpus' texts one after another, repeated) run
    alone in a fresh process, no cache. ``seconds`` leaves out the pipeline build."""
    base = "\n\n".join(corpus_texts(source))
    figures = []
    with tempfile.TemporaryDirectory(prefix="lvextract-length-") as scratch:
        for size in sizes:
            folder = Path(scratch) / f"n{size}"
            folder.mkdir()
            text = (base * (size // len(base) + 1))[:size]
            (folder / f"long-{size}.txt").write_text(text, encoding="utf-8")
            run = _measure_isolated(folder, Path(scratch) / f"out{size}", "local", 1)
            seconds = sum(run["stages"].get(s, 0.0) for s in ("clean", "annotate", "normalise",
                                                            "fill"))
            figures.append({"characters": size, "seconds": seconds,
                            "ms_per_1000_characters": 1e6 * seconds / size,
                            "peak_rss_mb": run["peak_rss_mb"], "failed": run["errors"]})
    return figures


def format_length_figures(figures: Sequence[dict]) -> str:
    lines = ["characters   seconds   ms per 1,000 chars   peak RSS MB   failed"]
    lines += [f"{f['characters']:>10,}   {f['seconds']:7.1f}   {f['ms_per_1000_characters']:18.1f}"
              f"   {f['peak_rss_mb']:11.0f}   {f['failed']:>6}" for f in figures]
    return "\n".join(lines)


if __name__ == "__main__":  # one isolated run of bench_corpus: prints its figures as JSON
    folder_arg, out_arg, backend_arg, workers_arg, backbone_arg = json.loads(sys.argv[1])
    print(json.dumps(measure_run(Path(folder_arg), Path(out_arg), backend_arg, workers_arg,
                                 backbone_arg)))

"""The main job: documents in, knowledge graph and its views out."""
from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import gc
import multiprocessing
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kg.errors import ExportError, KGError
from kg.analysis import DocumentAnalysis, chunk_size, analyse_documents, worker_pool
from kg.cache import AnalysisCache
from kg.extractors import run_extractors
from kg.extractors.context import DocumentContext, ResolutionIndex

from kg.io import StagedFile, stage_bytes, stage_text
from kg.mentions import IMPLIED_POST
from kg.model import Document, Fact, KnowledgeGraph
from kg.nlp import load_pipeline
from kg.rdf import to_rdf, turtle_chunks
from kg.resolve import Resolution, resolve
from kg.store import StoreSpec, open_graph, oxigraph_copy, oxigraph_store
from kg.tables import entities_csv, facts_csv

DEFAULT_QUERIES = Path(__file__).resolve().parent.parent / "queries"


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    documents: int
    entities: int
    facts: int
    seconds: float
    skipped: tuple[tuple[str, str], ...]
    outputs: tuple[Path, ...]
    violations: int | None = None  # SHACL violations of the built graph; None when not validated
    no_screenshot: str = ""  # why graph.png was not taken (no chromium is not an error); "" when it was
    warnings: tuple[str, ...] = ()  # "file: what was odd but did not stop it being built"
    cached: int = 0  # documents whose analysis was read from the cache instead of parsed again
    # seconds per stage: ingest, parse, resolve, ...; with processes > 1 the SHACL check (validate) runs beside
    # serialise, view and answers, so the stages can add up to more than the build took
    stages: dict[str, float] = field(default_factory=dict)
    not_validated: str = ""  # why the SHACL check was not run although asked for; "" when it ran or was not asked

    def summary(self) -> str:
        line = (f"built {self.documents} documents: {self.entities} entities, {self.facts} facts "
                f"in {self.seconds:.1f} s -> {self.out_dir}")
        counts = [f"{self.documents - self.cached} parsed, {self.cached} from cache"] if self.cached else []
        if self.skipped:
            counts.append(f"{len(self.skipped)} skipped")
        if self.warnings:
            counts.append(f"{len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}")
        if counts:
            line += f" ({', '.join(counts)})"
        if self.violations == 0:
            line += "; conforms to kg/shapes.ttl"
        elif self.violations:
            line += f"; {self.violations} SHACL violations (see kg validate)"
        if self.not_validated:
            line += f"; not validated ({self.not_validated})"
        if self.no_screenshot:
            line += f"; no screenshot ({self.no_screenshot})"
        return line


def extract(documents: Sequence[Document], *, progress: bool = False, processes: int = 1,
            cache: AnalysisCache | None = None, analyser: Analyser | None = None,
            clock: "Stopwatch | None" = None) -> KnowledgeGraph:
    """Documents to a knowledge graph: each document analysed on its own (from the cache where it can be, in
    `processes` worker processes or by `analyser`, e.g. a Dask cluster), then resolved across documents, then
    the extractors run on each document with that resolution."""
    clock = clock or Stopwatch()
    with clock("parse"):
        analyses = analyse_all(documents, progress=progress, processes=processes, cache=cache, analyser=analyser)
    with clock("resolve"):
        resolution = resolve({a.document.doc_id: list(a.mentions) for a in analyses}, tuple(documents))
    with clock("extract"):
        facts: dict[tuple, Fact] = {}
        for fact in extract_facts(analyses, resolution, processes=processes, progress=progress):
            key = (fact.subject, fact.predicate, fact.object, fact.qualifier, fact.sentence.doc_id,
                   fact.sentence.start)
            if key not in facts or fact.confidence > facts[key].confidence:
                facts[key] = fact
        ordered = tuple(sorted(facts.values(), key=lambda f: (f.sentence.doc_id, f.sentence.start, f.subject,
                                                              f.predicate, f.object, f.rule)))
    return KnowledgeGraph(documents=tuple(documents), entities=_named_or_used(resolution, ordered), facts=ordered)


def _named_or_used(resolution: Resolution, facts: Sequence[Fact]) -> tuple:
    """The entities, less those only implied by a post ('health secretary' -> the Government) that no fact uses:
    implied, they exist so a post can be held in them, not as names of the page."""
    named = {resolution.mention_entity[(m.doc_id, m.start, m.end)] for m in resolution.mentions
             if m.source != IMPLIED_POST and (m.doc_id, m.start, m.end) in resolution.mention_entity}
    used = {f.subject for f in facts} | {f.object for f in facts if not f.object_is_literal} | \
        {key for f in facts for key in f.about}
    return tuple(e for e in resolution.entities if e.key in named or e.key in used or e.type == "Commenter")


def _violation_count(graph, node_shapes=None) -> tuple[int, float]:
    """SHACL violations of `graph` (warnings not counted) and the seconds the check took."""
    from kg.validate import validate_graph

    started = time.perf_counter()
    report = validate_graph(graph, node_shapes)
    return sum(1 for v in report.violations if v.severity == "Violation"), time.perf_counter() - started


def _picture(page: StagedFile) -> tuple[str, StagedFile | None]:
    """The view's picture, taken of its page while the page is still staged, and staged beside it; or why there
    is none."""
    from kg.view import screenshot

    with tempfile.TemporaryDirectory(prefix="kg-page-") as scratch:
        # chromium knows a page by its name's .html, which the staged file's temporary name lacks
        copy = Path(scratch) / page.path.name
        shutil.copyfile(page.temporary, copy)
        shot = screenshot(copy, Path(scratch) / "graph.png")
        if shot.path is None:
            return shot.reason, None
        return "", stage_bytes(page.path.with_name("graph.png"), shot.path.read_bytes())


def _answers(graph, queries: Path) -> str:
    from kg.query import answers_markdown

    return answers_markdown(graph, queries)


def _answers_from_turtle(turtle: Path, queries: Path) -> str:
    return _answers(oxigraph_copy(turtle), queries)


def _start_checks(graph, processes: int) -> list["_Background"]:
    """The SHACL check of `graph`: with processes to spare, in forked children that share the shapes between them
    and run beside the outputs; otherwise at once, here."""
    if processes <= 1:
        return [_Background(_violation_count, graph, fork=False)]
    from kg.validate import shape_groups

    return [_Background(_violation_count, graph, group) for group in shape_groups(graph, processes)]


class _Background:
    """`function(*args)` run in a forked child while this process goes on (the child reads this process's memory
    as it was, without copying it); `result()` waits for the value. Without fork, or when not asked to fork, it
    runs at once, here."""

    def __init__(self, function: Callable, *args, fork: bool = True) -> None:
        self._process = None
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            self._value = function(*args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_result, args=(send, function, args), daemon=True)
        self._process.start()
        send.close()

    def result(self):
        if self._process is None:
            return self._value
        try:
            ok, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise KGError(f"a background stage of the build died (exit code {self._process.exitcode})") from None
        finally:
            self._receive.close()
        self._process.join()
        if not ok:
            raise KGError(value)
        return value

    def cancel(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _send_result(send, function: Callable, args: tuple) -> None:
    try:
        send.send((True, function(*args)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        send.send((False, f"{type(exc).__name__}: {exc}" if not isinstance(exc, KGError) else str(exc)))
    finally:
        send.close()


class Stopwatch:
    """Seconds spent in each named stage of a build, in the order the stages ran."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


Analyser = Callable[[Sequence[Document]], Iterable[DocumentAnalysis]]


def analyse_all(documents: Sequence[Document], *, progress: bool = False, processes: int = 1,
                cache: AnalysisCache | None = None, analyser: Analyser | None = None) -> list[DocumentAnalysis]:
    """Every document's analysis in input order: cached ones read back, the others computed (and cached)."""
    found: list[DocumentAnalysis | None] = [cache.get(d) if cache else None for d in documents]
    todo = [d for d, a in zip(documents, found) if a is None]
    bar = _progress(progress, len(todo), "parse", "doc")
    if analyser is None:
        computed = analyse_documents(todo, processes=processes, on_done=bar.update if bar else None)
    else:
        computed = analyser(todo)
    fresh = iter(computed)
    out = []
    for document, analysis in zip(documents, found):
        if analysis is None:
            analysis = next(fresh)
            if analysis.document is not document:
                # a worker's copy of the document, unpickled: the build's own copy is kept, so the text is held once
                analysis = dataclasses.replace(analysis, document=document)
            if bar and analyser is not None:
                bar.update(1)
            if cache:
                cache.put(analysis)
        out.append(analysis)
    if bar:
        bar.close()
    return out


# set in the parent before worker processes fork, so they read the analyses and resolution without copying
_SHARED: tuple[Sequence[DocumentAnalysis], ResolutionIndex] | None = None


def extract_facts(analyses: Sequence[DocumentAnalysis], resolution: Resolution, *, processes: int = 1,
                  progress: bool = False) -> Iterator[Fact]:
    global _SHARED
    index = ResolutionIndex.of(resolution)
    size = chunk_size(len(analyses), processes)
    ranges = [(i, min(i + size, len(analyses))) for i in range(0, len(analyses), size)]
    bar = _progress(progress, len(analyses), "extract", "doc")
    _SHARED = (analyses, index)
    try:
        if processes <= 1 or len(ranges) <= 1:
            batches: Iterable[list[Fact]] = (_extract_range(r) for r in ranges)
            for (lo, hi), batch in zip(ranges, batches):
                yield from batch
                if bar:
                    bar.update(hi - lo)
        else:
            with worker_pool(min(processes, len(ranges))) as pool:
                for (lo, hi), batch in zip(ranges, pool.imap(_extract_range, ranges)):
                    yield from batch
                    if bar:
                        bar.update(hi - lo)
    finally:
        _SHARED = None
        if bar:
            bar.close()


def _extract_range(bounds: tuple[int, int]) -> list[Fact]:
    assert _SHARED is not None
    analyses, index = _SHARED
    vocab = load_pipeline().vocab
    facts: list[Fact] = []
    for analysis in analyses[bounds[0]:bounds[1]]:
        facts.extend(run_extractors(DocumentContext.build(analysis.restore(vocab), index)))
    return facts


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a graph of a million new objects is made: its passes over the
    growing heap, which frees nothing there, were a third of the RDF stage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _return_freed_memory() -> None:
    """Collect garbage and hand the freed heap back to the system: glibc keeps freed pages for reuse, so without this
    the browser started next was counted beside gigabytes the build had let go (10,000 pages: 4,019 MiB at its peak)."""
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to ask
        return
    trim(0)


def _progress(enabled: bool, total: int, desc: str, unit: str):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, leave=False)


def build(sources: Sequence[Path], out_dir: Path, *, queries_dir: Path | None = None,
          progress: bool = False, validate: bool = True, processes: int = 1, cache_dir: Path | None = None,
          analyser: Analyser | None = None, store: StoreSpec = StoreSpec()) -> BuildResult:
    started = time.perf_counter()
    clock = Stopwatch()
    from kg.ingest import read_documents
    with clock("ingest"):
        ingested = read_documents(sources, processes=processes)
    skipped, warnings = ingested.skipped, ingested.warnings
    cache = AnalysisCache(cache_dir) if cache_dir is not None else None
    kg = extract(ingested.documents, progress=progress, processes=processes, cache=cache, analyser=analyser,
                 clock=clock)
    del ingested
    with clock("rdf"), _collector_paused():
        graph = to_rdf(kg, open_graph(store, empty=True))
    # the graph lives to the end of the build and is no garbage: frozen, the collector's passes (and the forked
    # checks' copies of their pages) leave its million objects alone
    gc.freeze()
    # Oxigraph keeps xsd:nonNegativeInteger offsets as xsd:integer (same values), which the shapes' datatype
    # checks would report on every sentence; such a graph is checked by building it in memory
    checking = validate and store.kind == "memory"
    checks: list[_Background] = []
    staged: list[StagedFile] = []
    answering: _Background | None = None
    queries = queries_dir or DEFAULT_QUERIES
    try:
        checks = _start_checks(graph, processes) if checking else []
        out_dir.mkdir(parents=True, exist_ok=True)
        with clock("serialise"):
            # streamed to disk, never one string: a graph of tens of thousands of documents is gigabytes of text
            turtle = stage_bytes(out_dir / "graph.ttl", (chunk.encode("utf-8") for chunk in turtle_chunks(graph)))
            staged.append(turtle)
            if queries.is_dir() and processes > 1 and oxigraph_store(graph) is None:
                # the question catalogue reads the Turtle just written into its own Oxigraph store: in a forked
                # child, beside the tables and the view
                answering = _Background(_answers_from_turtle, turtle.temporary, queries)
            # each output goes to its temporary file as soon as it is made: held as strings until the end, the
            # outputs of 10,000 pages were hundreds of megabytes beside the graph
            staged.append(stage_text(out_dir / "entities.csv", entities_csv(kg)))
            staged.append(stage_text(out_dir / "facts.csv", facts_csv(kg)))
        sizes = len(kg.documents), len(kg.entities), len(kg.facts)
        del kg  # the views and answers read the RDF graph only
        gc.collect()
        from kg.view import render_html
        with clock("view"):
            page = stage_text(out_dir / "graph.html", render_html(graph, title="kg: " + ", ".join(s.name for s in sources)))
            staged.append(page)
        answered_from_graph = queries.is_dir() and answering is None and oxigraph_store(graph) is not None
        if answered_from_graph:
            with clock("answers"):
                staged.append(stage_text(out_dir / "answers.md", _answers(graph, queries)))
        # the browser taking the picture needs none of this, and at 10,000 pages it is gigabytes: let it go first
        del graph
        gc.unfreeze()
        _return_freed_memory()
        with clock("screenshot"):  # while the question catalogue is answered in its child
            no_screenshot, picture = _picture(page)
        if picture is not None:
            staged.append(picture)
        if queries.is_dir() and not answered_from_graph:
            with clock("answers"):
                answers = answering.result() if answering is not None else \
                    _answers(oxigraph_copy(turtle.temporary), queries)
                staged.append(stage_text(out_dir / "answers.md", answers))
                del answers
        with clock("write"):
            for file in staged:
                file.commit()
    except BaseException:
        gc.unfreeze()
        for file in staged:
            file.discard()
        for check in checks + ([answering] if answering is not None else []):
            check.cancel()
        raise
    written = [file.path for file in staged]
    del staged, turtle
    if picture is None:
        try:  # an older picture of another graph would pass for this one's
            (out_dir / "graph.png").unlink(missing_ok=True)
        except OSError as exc:
            raise ExportError(f"cannot remove the old {out_dir / 'graph.png'}: {exc.strerror or exc}") from exc
    violations = None
    if checks:
        try:
            counts, seconds = zip(*[check.result() for check in checks])
        finally:
            for check in checks:
                check.cancel()
        violations, clock.seconds["validate"] = sum(counts), max(seconds)
    return BuildResult(out_dir, *sizes, time.perf_counter() - started, skipped, tuple(written), violations,
                       no_screenshot, warnings, cache.hits if cache else 0, dict(clock.seconds),
                       "" if not validate or store.kind == "memory" else f"{store.kind} store")

"""The main job: documents in, knowledge graph and its views out."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from kg.errors import ExportError
from kg.extractors import run_extractors
from kg.extractors.context import DocumentContext

from kg.io import write_text_atomic
from kg.mentions import document_mentions
from kg.model import Document, Fact, KnowledgeGraph
from kg.nlp import analyse
from kg.rdf import serialize, to_rdf
from kg.resolve import resolve
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

    def summary(self) -> str:
        line = (f"built {self.documents} documents: {self.entities} entities, {self.facts} facts "
                f"in {self.seconds:.1f} s -> {self.out_dir}")
        counts = [f"{len(self.skipped)} skipped"] if self.skipped else []
        if self.warnings:
            counts.append(f"{len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}")
        if counts:
            line += f" ({', '.join(counts)})"
        if self.violations == 0:
            line += "; conforms to kg/shapes.ttl"
        elif self.violations:
            line += f"; {self.violations} SHACL violations (see kg validate)"
        if self.no_screenshot:
            line += f"; no screenshot ({self.no_screenshot})"
        return line


def extract(documents: Sequence[Document], *, progress: bool = False) -> KnowledgeGraph:
    analysed = analyse(documents, progress=progress)
    mentions = {a.document.doc_id: document_mentions(a) for a in analysed}
    resolution = resolve(mentions, tuple(documents))
    facts: dict[tuple, Fact] = {}
    for adoc in analysed:
        for fact in run_extractors(DocumentContext.build(adoc, resolution)):
            key = (fact.subject, fact.predicate, fact.object, fact.qualifier, fact.sentence.doc_id,
                   fact.sentence.start)
            if key not in facts or fact.confidence > facts[key].confidence:
                facts[key] = fact
    ordered = tuple(sorted(facts.values(), key=lambda f: (f.sentence.doc_id, f.sentence.start, f.subject,
                                                          f.predicate, f.object, f.rule)))
    return KnowledgeGraph(documents=tuple(documents), entities=resolution.entities, facts=ordered)


def build(sources: Sequence[Path], out_dir: Path, *, queries_dir: Path | None = None,
          progress: bool = False, validate: bool = True) -> BuildResult:
    started = time.perf_counter()
    from kg.ingest import read_documents
    ingested = read_documents(sources)
    kg = extract(ingested.documents, progress=progress)
    graph = to_rdf(kg)
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        "graph.ttl": serialize(graph, "turtle"),
        "entities.csv": entities_csv(kg),
        "facts.csv": facts_csv(kg),
    }
    from kg.view import render_html
    outputs["graph.html"] = render_html(graph, title="kg: " + ", ".join(s.name for s in sources))
    queries = queries_dir or DEFAULT_QUERIES
    if queries.is_dir():
        from kg.query import answers_markdown
        outputs["answers.md"] = answers_markdown(graph, queries)
    written = []
    for name, text in outputs.items():
        write_text_atomic(out_dir / name, text)
        written.append(out_dir / name)
    from kg.view import screenshot
    shot = screenshot(out_dir / "graph.html", out_dir / "graph.png")
    if shot.path is not None:
        written.append(shot.path)
    else:
        try:  # an older picture of another graph would pass for this one's
            (out_dir / "graph.png").unlink(missing_ok=True)
        except OSError as exc:
            raise ExportError(f"cannot remove the old {out_dir / 'graph.png'}: {exc.strerror or exc}") from exc
    violations = None
    if validate:
        from kg.validate import validate_graph

        report = validate_graph(graph)
        violations = sum(1 for v in report.violations if v.severity == "Violation")
    return BuildResult(out_dir, len(kg.documents), len(kg.entities), len(kg.facts),
                       time.perf_counter() - started, ingested.skipped, tuple(written), violations, shot.reason,
                       ingested.warnings)

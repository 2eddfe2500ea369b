"""Stage: check a graph against kg/shapes.ttl (SHACL, run by pySHACL) and say in plain words what is wrong.

Results of sh:Violation severity make a graph non-conforming; sh:Warning and sh:Info results are reported
but do not (see the header of kg/shapes.ttl for which checks are warnings and why).
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Sequence

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.query import load_graph
from kg.vocab import KG, PREDICATES, PREFIXES, SCHEMA

SHAPES_RESOURCE = "shapes.ttl"
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_LABEL_PROPERTIES = (RDFS.label, SCHEMA.name, SKOS.prefLabel)
_PREDICATE_LABELS = {prop: label for prop, label in PREDICATES.values()}
# what a property shape says without checking anything
_NOT_CHECKS = {SH.path, SH.message, SH.severity, SH.name, SH.description, RDF.type, RDFS.label}


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result, as strings.

    `focus` is the IRI of the node that failed, `path` the IRI of the property checked ("" when the
    constraint is on the node itself), `value` the offending value (None when a value is missing),
    `severity` "Violation", "Warning" or "Info", and `focus_label` the node's name when it has one.
    """

    focus: str
    path: str
    message: str
    severity: str
    value: str | None = None
    focus_label: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]


def load_shapes() -> Graph:
    """The shapes graph shipped with kg (kg/shapes.ttl)."""
    shapes = Graph()
    shapes.parse(data=files("kg").joinpath(SHAPES_RESOURCE).read_text(encoding="utf-8"), format="turtle")
    return shapes


def validate_graph(graph: Graph, node_shapes: Sequence[URIRef] | None = None) -> ValidationReport:
    """`graph` checked against kg's shapes, or against only the `node_shapes` named (see `shape_groups`)."""
    shapes = load_shapes()
    whole_graph = _take_sparql_constraints(shapes)
    if node_shapes is not None:
        chosen = set(node_shapes)
        whole_graph = [c for c in whole_graph if c.node_shape in chosen]
        if not chosen:
            return ValidationReport(conforms=True, violations=())
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True,
        use_shapes=sorted(node_shapes) if node_shapes is not None else None,
    )
    violations = {_violation(results, result, graph) for result in results.subjects(RDF.type, SH.ValidationResult)}
    for constraint in whole_graph:
        violations |= constraint.run(graph)
    conforms = conforms and not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=bool(conforms), violations=tuple(sorted(violations, key=_sort_key)))


def shape_groups(graph: Graph, groups: int) -> list[tuple[URIRef, ...]]:
    """kg's node shapes in at most `groups` groups of about equal work on `graph`, to be checked side by side.

    pySHACL checks each property shape on each focus node on its own, so the work of a node shape is about the
    number of nodes of its target classes times the number of its property shapes."""
    shapes = load_shapes()
    _take_sparql_constraints(shapes)
    work = {}
    for shape in sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)):
        targets = {node for cls in shapes.objects(shape, SH.targetClass) for node in graph.subjects(RDF.type, cls)}
        work[shape] = len(targets) * max(1, sum(1 for _ in shapes.objects(shape, SH.property)))
    loads: list[tuple[int, list[URIRef]]] = [(0, []) for _ in range(max(1, groups))]
    for shape in sorted(work, key=lambda s: (-work[s], s)):
        lightest = min(range(len(loads)), key=lambda i: (loads[i][0], i))
        loads[lightest] = (loads[lightest][0] + work[shape], loads[lightest][1] + [shape])
    return [tuple(sorted(members)) for _, members in loads if members]


@dataclass(frozen=True)
class _WholeGraphConstraint:
    """A SPARQL constraint of a property shape, run once over the whole graph for every focus node at once.

    pySHACL parses a SPARQL constraint's query again for each focus node, which took 150 of 240 seconds on a
    graph of 200 documents; the same SELECT with $this free and the target class as a pattern is one query."""

    node_shape: URIRef
    target_class: URIRef
    path: URIRef
    select: str
    message: str
    severity: str

    def run(self, graph: Graph) -> set[Violation]:
        query = self.select.replace("$this", "?this").replace("$PATH", f"<{self.path}>")
        where = query.index("{", query.upper().index("WHERE"))
        query = f"{query[:where + 1]} ?this a <{self.target_class}> . {query[where + 1:]}"
        return {Violation(focus=str(row.this), path=str(self.path), message=self.message, severity=self.severity,
                          value=str(row.value) if row.value is not None else None,
                          focus_label=_label(graph, row.this))
                for row in graph.query(query)}


def _take_sparql_constraints(shapes: Graph) -> list[_WholeGraphConstraint]:
    """Remove from `shapes` the SPARQL constraints of property shapes (with an IRI path) of node shapes that
    target a class, and return them to be run over the whole graph. A property shape left with nothing to check
    is removed too: pySHACL would still visit it on every focus node."""
    taken = []
    for node_shape, property_shape in sorted(shapes.subject_objects(SH.property)):
        target, path = shapes.value(node_shape, SH.targetClass), shapes.value(property_shape, SH.path)
        if not isinstance(target, URIRef) or not isinstance(path, URIRef):
            continue
        for constraint in sorted(shapes.objects(property_shape, SH.sparql)):
            select = shapes.value(constraint, SH.select)
            if select is None:
                continue
            severity = shapes.value(property_shape, SH.severity) or shapes.value(node_shape, SH.severity)
            taken.append(_WholeGraphConstraint(
                node_shape, target, path, str(select), str(shapes.value(constraint, SH.message) or "fails a constraint"),
                _local_name(severity) if isinstance(severity, URIRef) else "Violation"))
            shapes.remove((property_shape, SH.sparql, constraint))
            shapes.remove((constraint, None, None))
        if not set(shapes.predicates(property_shape)) - _NOT_CHECKS:
            shapes.remove((node_shape, SH.property, property_shape))
            shapes.remove((property_shape, None, None))
    return taken


def validate_file(path: Path) -> ValidationReport:
    """Validate a graph file; GraphError when it is missing or cannot be parsed."""
    return validate_graph(load_graph(path))


def describe(report: ValidationReport) -> str:
    """One line per result, then "conforms" or how many violations (and warnings) there are."""
    lines = [_describe_one(v) for v in report.violations]
    counts = {severity: sum(1 for v in report.violations if v.severity == severity) for severity in _SEVERITY_ORDER}
    others = [_plural(counts[s], s.lower()) for s in ("Warning", "Info") if counts[s]]
    if report.conforms:
        summary = "conforms" + (f" ({', '.join(others)})" if others else "")
    else:
        summary = ", ".join([_plural(counts["Violation"], "violation"), *others])
    lines.append(summary)
    return "\n".join(lines)


def _violation(results: Graph, result: Node, data: Graph) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    return Violation(
        focus=str(focus),
        path=str(path) if isinstance(path, URIRef) else "",
        message=messages[0] if messages else "fails a constraint",
        severity=_local_name(severity) if isinstance(severity, URIRef) else "Violation",
        value=str(value) if value is not None else None,
        focus_label=_label(data, focus),
    )


def _label(graph: Graph, node: Node | None) -> str | None:
    """The node's name; a fact, which has none, is named by the relation it states."""
    if node is None:
        return None
    name = _own_name(graph, node)
    if name is None and (node, RDF.type, KG.Fact) in graph:
        parts = [graph.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if all(isinstance(part, URIRef | Literal) for part in parts):
            subject, predicate, obj = parts
            verb = _PREDICATE_LABELS.get(predicate, _local_name(predicate))
            name = f"fact \"{_mention(graph, subject)} {verb} {_mention(graph, obj)}\""
    return name


def _own_name(graph: Graph, node: Node) -> str | None:
    for prop in _LABEL_PROPERTIES:
        names = sorted(str(o) for o in graph.objects(node, prop) if isinstance(o, Literal) and str(o).strip())
        if names:
            return names[0]
    return None


def _mention(graph: Graph, node: URIRef | Literal) -> str:
    if isinstance(node, Literal):
        return str(node)
    text = graph.value(node, SCHEMA.text)
    if text is not None:
        return f"\u2018{text}\u2019"
    return _own_name(graph, node) or f"<{node}>"


def _sort_key(v: Violation) -> tuple:
    return (_SEVERITY_ORDER.get(v.severity, len(_SEVERITY_ORDER)), v.focus, v.path, v.message, v.value or "",
            v.focus_label or "", v.severity)


def _describe_one(v: Violation) -> str:
    prefix = "" if v.severity == "Violation" else f"{v.severity.lower()}: "
    focus = v.focus_label or f"<{v.focus}>"
    details = []
    if v.path:
        details.append(f"property {_compact(v.path)}")
    if v.value is not None:
        shown = f"<{v.value}>" if v.value.startswith(("http://", "https://")) else repr(v.value)
        details.append(f"value {shown}")
    suffix = f" ({', '.join(details)})" if details else ""
    return f"{prefix}{focus}: {v.message}{suffix}"


def _compact(iri: str) -> str:
    """prefix:name for kg's own prefixes when the rest is a plain name, else the IRI in angle brackets."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        rest = iri.removeprefix(str(namespace))
        if rest != iri and rest.replace("_", "a").isalnum():
            return f"{prefix}:{rest}"
    return f"<{iri}>"


def _local_name(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"

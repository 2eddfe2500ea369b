"""Stage: check a graph against kg/shapes.ttl (SHACL) and say in plain words what is wrong.

Results of sh:Violation severity make a graph non-conforming; sh:Warning and sh:Info results are reported
but do not (see the header of kg/shapes.ttl for which checks are warnings and why).

Property shapes made only of SHACL Core's value, cardinality, range, string and pair constraints on an IRI path
are checked here, a path at a time over the whole graph (`_CoreConstraint`): pySHACL visits every focus node and
property shape on its own, which cost 112 s of CPU beside a 390 s build of 1,000 pages. Their SPARQL constraints
run as one query each (`_WholeGraphConstraint`). Anything else a shape says goes to pySHACL, and the tests check
that both ways give the same results (`validate_graph(..., pyshacl_only=True)`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Sequence

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD
from rdflib.term import BNode, Node

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


def validate_graph(graph: Graph, node_shapes: Sequence[URIRef] | None = None, *,
                   pyshacl_only: bool = False) -> ValidationReport:
    """`graph` checked against kg's shapes, or against only the `node_shapes` named (see `shape_groups`).

    `pyshacl_only` leaves every check but the whole-graph SPARQL ones to pySHACL: the reference the tests hold
    kg's own checks of SHACL Core to."""
    shapes = load_shapes()
    whole_graph = _take_sparql_constraints(shapes)
    core = [] if pyshacl_only else _take_core_constraints(shapes)
    chosen = set(node_shapes) if node_shapes is not None else set(shapes.subjects(RDF.type, SH.NodeShape))
    whole_graph = [c for c in whole_graph if c.node_shape in chosen]
    core = [c for c in core if c.node_shape in chosen]
    violations: set[Violation] = set()
    left_to_pyshacl = sorted(shape for shape in chosen if set(shapes.predicates(shape)) - _NODE_SHAPE_NOT_CHECKS)
    if left_to_pyshacl:
        # pySHACL wraps the data in a ConjunctiveGraph, which needs a store with named graphs; kg's memory graph has
        # none (kg.store.memory_graph)
        data = graph if graph.store.context_aware else _context_aware_copy(graph)
        _, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True,
                                       allow_infos=True, use_shapes=left_to_pyshacl)
        violations |= {_violation(results, result, graph)
                       for result in results.subjects(RDF.type, SH.ValidationResult)}
    lookup = _Lookup(graph)
    for constraint in core:
        violations |= constraint.run(lookup)
    for constraint in whole_graph:
        violations |= constraint.run(graph)
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=tuple(sorted(violations, key=_sort_key)))


def _context_aware_copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


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


_NODE_SHAPE_NOT_CHECKS = {RDF.type, RDFS.label, RDFS.comment, SH.targetClass, SH.name, SH.description,
                          SH.message, SH.severity}
# what a value must be, checked on the value alone: what kg checks itself inside an sh:or
_VALUE_TESTS = (SH.datatype, SH.nodeKind, SH["class"])
_CORE_TESTS = (*_VALUE_TESTS, SH.minCount, SH.maxCount, SH["in"], SH.minLength, SH.maxLength, SH.pattern,
               SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.lessThan, SH["or"])
_PYTHON_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
_NODE_KINDS = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
               SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}


class _Lookup:
    """The graph read once per path and per class for all the core constraints of one check."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._values: dict[URIRef, dict[Node, set[Node]]] = {}
        self._instances: dict[URIRef, set[Node]] = {}
        self._classes: dict[Node, frozenset[Node]] = {}

    def values(self, path: URIRef) -> dict[Node, set[Node]]:
        if path not in self._values:
            by_subject: dict[Node, set[Node]] = {}
            for subject, value in self.graph.subject_objects(path):
                by_subject.setdefault(subject, set()).add(value)
            self._values[path] = by_subject
        return self._values[path]

    def instances(self, cls: URIRef) -> set[Node]:
        """Nodes typed `cls` or one of its subclasses (stated in the graph: no inference)."""
        if cls not in self._instances:
            classes = set(self.graph.transitive_subjects(RDFS.subClassOf, cls)) | {cls}
            self._instances[cls] = {node for c in classes for node in self.graph.subjects(RDF.type, c)}
        return self._instances[cls]

    def classes(self, node: Node) -> frozenset[Node]:
        """The node's types and their superclasses."""
        if node not in self._classes:
            self._classes[node] = frozenset(
                cls for stated in self.graph.objects(node, RDF.type)
                for cls in self.graph.transitive_objects(stated, RDFS.subClassOf))
        return self._classes[node]


@dataclass(frozen=True)
class _CoreConstraint:
    """One property shape of SHACL Core constraints on an IRI path, checked for all its focus nodes at once,
    with pySHACL's reading of each constraint (which a test holds it to)."""

    node_shape: URIRef
    target_classes: tuple[URIRef, ...]
    path: URIRef
    tests: tuple[tuple[str, object], ...]  # (parameter's local name, its value as checked); an sh:or's: alternatives
    message: str
    severity: str

    def run(self, lookup: _Lookup) -> set[Violation]:
        by_subject = lookup.values(self.path)
        focus_nodes = set().union(*(lookup.instances(cls) for cls in self.target_classes))
        failures: set[tuple[Node, Node | None]] = set()
        for focus in focus_nodes:
            values = by_subject.get(focus, set())
            for kind, wanted in self.tests:
                if kind == "minCount":
                    if len(values) < wanted:
                        failures.add((focus, None))
                elif kind == "maxCount":
                    if len(values) > wanted:
                        failures.add((focus, None))
                elif kind == "lessThan":
                    others = lookup.values(wanted).get(focus, set())
                    failures.update((focus, value) for value in values if not all(_less(value, o) for o in others))
                else:
                    failures.update((focus, value) for value in values if not _passes(lookup, kind, wanted, value))
        return {Violation(focus=str(focus), path=str(self.path), message=self.message, severity=self.severity,
                          value=str(value) if value is not None else None, focus_label=_label(lookup.graph, focus))
                for focus, value in failures}


def _passes(lookup: _Lookup, kind: str, wanted, value: Node) -> bool:
    if kind == "or":
        return any(all(_passes(lookup, k, w, value) for k, w in alternative) for alternative in wanted)
    if kind == "datatype":
        return _has_datatype(value, wanted)
    if kind == "nodeKind":
        return isinstance(value, wanted)
    if kind == "class":
        return not isinstance(value, Literal) and wanted in lookup.classes(value)
    if kind == "in":
        return value in wanted
    if kind in ("minLength", "maxLength", "pattern"):
        if isinstance(value, BNode):
            return False
        if kind == "pattern":
            return wanted.search(str(value)) is not None
        return len(str(value)) >= wanted if kind == "minLength" else len(str(value)) <= wanted
    return _in_range(kind, wanted, value)


def _has_datatype(value: Node, datatype: URIRef) -> bool:
    if not isinstance(value, Literal):
        return False
    if datatype == RDFS.Literal:
        return True
    if datatype == RDFS.Datatype:
        return value.datatype is not None
    if value.datatype == datatype:
        if getattr(value, "ill_typed", None) is True:
            return False
    elif not ((value.datatype is None and value.language is None and datatype == XSD.string)
              or (datatype == RDF.langString and value.language)):
        return False
    python_type = _PYTHON_TYPES.get(datatype)
    return python_type is None or isinstance(value.value, python_type)


def _in_range(kind: str, bound: Literal, value: Node) -> bool:
    if not isinstance(value, Literal) or isinstance(value.value, str) != isinstance(bound.value, str):
        return False
    try:
        if kind == "minInclusive":
            return bool(value >= bound)
        if kind == "maxInclusive":
            return bool(value <= bound)
        if kind == "minExclusive":
            return bool(value > bound)
        return bool(value < bound)
    except TypeError:
        return False


def _less(value: Node, other: Node) -> bool:
    """sh:lessThan as pySHACL reads it: IRIs and strings compare as text, other literals by value."""
    def comparable(node):
        if isinstance(node, URIRef):
            return str(node), True
        if isinstance(node, Literal) and isinstance(node.value, str):
            return node.value, True
        return node, False

    (left, left_is_text), (right, right_is_text) = comparable(value), comparable(other)
    if left_is_text != right_is_text:
        return False
    try:
        return bool(left < right)
    except TypeError:
        return False


def _take_core_constraints(shapes: Graph) -> list[_CoreConstraint]:
    """Remove from `shapes` each property shape (of a node shape with a target class) that says only what
    `_CoreConstraint` checks, with a message, and return them compiled."""
    taken = []
    for node_shape, property_shape in sorted(shapes.subject_objects(SH.property)):
        targets = tuple(sorted(t for t in shapes.objects(node_shape, SH.targetClass) if isinstance(t, URIRef)))
        path = shapes.value(property_shape, SH.path)
        said = set(shapes.predicates(property_shape)) - _NOT_CHECKS
        messages = sorted(str(m) for m in shapes.objects(property_shape, SH.message))
        if not targets or not isinstance(path, URIRef) or not messages or not said <= set(_CORE_TESTS) | {SH.flags}:
            continue
        tests = [_core_test(shapes, property_shape, parameter) for parameter in _CORE_TESTS if parameter in said]
        if any(test is None for test in tests) or len(set(shapes.objects(property_shape, SH.severity))) > 1:
            continue
        severity = shapes.value(property_shape, SH.severity)
        taken.append(_CoreConstraint(node_shape, targets, path, tuple(tests), messages[0],
                                     _local_name(severity) if isinstance(severity, URIRef) else "Violation"))
        shapes.remove((node_shape, SH.property, property_shape))
        for constraint_list in shapes.objects(property_shape, SH["or"]):
            for alternative in Collection(shapes, constraint_list):
                shapes.remove((alternative, None, None))
            Collection(shapes, constraint_list).clear()
        shapes.remove((property_shape, None, None))
    return taken


def _core_test(shapes: Graph, shape: Node, parameter: URIRef) -> tuple[str, object] | None:
    """(parameter's local name, value as checked) for `_passes`; None when the shape says it in a way kg leaves to
    pySHACL."""
    values = list(shapes.objects(shape, parameter))
    if len(values) != 1:
        return None
    kind, value = _local_name(parameter), values[0]
    if kind in ("minCount", "maxCount", "minLength", "maxLength"):
        return (kind, value.value) if isinstance(value, Literal) and isinstance(value.value, int) else None
    if kind == "pattern":
        flags = str(shapes.value(shape, SH.flags) or "")
        if not isinstance(value, Literal) or set(flags) - set("ismx"):
            return None
        return kind, re.compile(str(value), sum(getattr(re, f.upper()) for f in set(flags)))
    if kind == "in":
        return kind, frozenset(Collection(shapes, value))
    if kind == "or":
        alternatives = []
        for alternative in Collection(shapes, value):
            said = set(shapes.predicates(alternative)) - {RDF.type}
            if not said or not said <= set(_VALUE_TESTS):
                return None
            tests = tuple(_core_test(shapes, alternative, p) for p in _VALUE_TESTS if p in said)
            if None in tests:
                return None
            alternatives.append(tests)
        return (kind, tuple(alternatives)) if alternatives else None
    if kind in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
        return (kind, value) if isinstance(value, Literal) else None
    if kind == "nodeKind":
        return (kind, _NODE_KINDS[value]) if value in _NODE_KINDS else None
    return (kind, value) if isinstance(value, URIRef) else None


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

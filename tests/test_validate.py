"""kg.validate and kg/shapes.ttl: a seeds build conforms; a graph broken on purpose is reported in plain words."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, SH

from kg import iri
from kg.errors import GraphError
from kg.model import KnowledgeGraph
from kg.money import Money
from kg.rdf import fact_node, to_rdf
from kg.validate import (ValidationReport, Violation, describe, load_shapes, shape_groups, validate_file,
                         validate_graph)
from kg.vocab import KG, NIF, SCHEMA
from tests.fixtures.mini import mini_graph

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
KGSH = Namespace("https://w3id.org/kg-gp/shapes#")


def _base() -> KnowledgeGraph:
    """The mini fixture, with a sum of money on NHS England's welcome so that a schema:MonetaryAmount is checked too."""
    kg = mini_graph()
    facts = tuple(dataclasses.replace(f, amount=Money("GBP", Decimal("6000000000"), "£6bn"))
                  if f.predicate == "welcomes" else f for f in kg.facts)
    return dataclasses.replace(kg, facts=facts)


def _fact(predicate: str, subject: str) -> URIRef:
    return fact_node(next(f for f in _base().facts if f.predicate == predicate and f.subject == subject))


TOM = iri.entity_iri("person/tom-ellery")
TOM_CHAIR = _fact("holdsRole", "person/tom-ellery")  # Tom Ellery, chair of the RCGP
TOM_CRITICISES = _fact("criticises", "person/tom-ellery")
WELCOME = _fact("welcomes", "org/nhs-england")
AMOUNT = iri.amount_iri(WELCOME)
_CEO = next(f.sentence for f in _base().facts if f.rule == "roles.copula")  # "Priya Natarajan is chief executive ..."
SENTENCE = iri.sentence_iri(_CEO.doc_id, _CEO.start, _CEO.end)


@pytest.fixture
def graph() -> Graph:
    return to_rdf(_base())


def test_the_fixture_graph_conforms(graph):
    assert (AMOUNT, RDF.type, SCHEMA.MonetaryAmount) in graph
    assert (SENTENCE, RDF.type, NIF.Sentence) in graph
    report = validate_graph(graph)
    assert report == ValidationReport(conforms=True, violations=())
    assert describe(report) == "conforms"


def _set(node: URIRef, prop: URIRef, value) -> Callable[[Graph], None]:
    return lambda g: g.set((node, prop, value))


def _drop(node: URIRef, prop: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((node, prop, None))


# (what is broken, how, the one result expected: focus, label, property, value, severity, message)
BREAKS = [
    ("fact without evidence", _drop(TOM_CRITICISES, PROV.wasDerivedFrom),
     TOM_CRITICISES, 'fact "Tom Ellery criticises Northgate Institute report"', PROV.wasDerivedFrom, None,
     "Violation", "a fact must be derived from exactly one sentence, its evidence"),
    ("confidence above 1", _set(TOM_CRITICISES, KG.confidence, Literal(Decimal("1.5"))),
     TOM_CRITICISES, 'fact "Tom Ellery criticises Northgate Institute report"', KG.confidence, "1.5",
     "Violation", "a fact's confidence must be between 0 and 1"),
    ("section not article or comment", _set(TOM_CRITICISES, KG.section, Literal("sidebar")),
     TOM_CRITICISES, 'fact "Tom Ellery criticises Northgate Institute report"', KG.section, "sidebar",
     "Violation", 'a fact must come from exactly one section, "article" or "comment"'),
    ("person without a name", _drop(TOM, SCHEMA.name),
     TOM, "Tom Ellery", SCHEMA.name, None,
     "Violation", "a person must have exactly one name (schema:name)"),
    ("post without an organisation", _drop(TOM_CHAIR, ORG.organization),
     TOM_CHAIR, 'fact "Tom Ellery holds role Royal College of General Practitioners"', ORG.organization, None,
     "Violation", "a role must be at exactly one organisation (org:organization)"),
    ("post at a policy", _set(TOM_CHAIR, ORG.organization, iri.entity_iri("policy/gms-contract")),
     TOM_CHAIR, 'fact "Tom Ellery holds role Royal College of General Practitioners"', ORG.organization,
     str(iri.entity_iri("policy/gms-contract")),
     "Warning", "the organisation of a role should be an organisation (schema:Organization)"),
    ("currency not an ISO code", _set(AMOUNT, SCHEMA.currency, Literal("pounds")),
     AMOUNT, "£6bn", SCHEMA.currency, "pounds",
     "Violation", "a sum of money must have exactly one currency, a three-letter ISO 4217 code such as GBP"),
    ("sentence text and offsets disagree", _set(SENTENCE, NIF.anchorOf, Literal(_CEO.text[:-5])),
     SENTENCE, None, NIF.anchorOf, _CEO.text[:-5],
     "Violation", "a sentence's text must be exactly as long as its character span"),
    ("article without a file name", _drop(iri.document_iri("doc-b"), KG.fileName),
     iri.document_iri("doc-b"), None, KG.fileName, None,
     "Violation", "an article must have exactly one file name"),
]


@pytest.mark.parametrize("case", BREAKS, ids=[case[0] for case in BREAKS])
def test_a_broken_graph_reports_exactly_that_violation(graph, case):
    _, breaks, focus, label, prop, value, severity, message = case
    breaks(graph)
    report = validate_graph(graph)
    assert report.violations == (Violation(focus=str(focus), path=str(prop), message=message, severity=severity,
                                           value=value, focus_label=label),)
    assert report.conforms is (severity != "Violation")
    first_line, summary = describe(report).splitlines()
    prefix = "" if severity == "Violation" else f"{severity.lower()}: "
    assert first_line.startswith(prefix + (f"{label}: " if label else f"<{focus}>: "))
    assert message in first_line
    assert summary == ("1 violation" if severity == "Violation" else "conforms (1 warning)")


def test_violations_are_sorted_and_every_one_is_reported(graph):
    for case in BREAKS[:5]:
        case[1](graph)
    report = validate_graph(graph)
    assert not report.conforms
    assert len(report.violations) == 5
    assert {(v.focus, v.path) for v in report.violations} == {(str(c[2]), str(c[4])) for c in BREAKS[:5]}
    assert [(v.focus, v.path) for v in report.violations] == sorted((v.focus, v.path) for v in report.violations)
    assert describe(report).splitlines()[-1] == "5 violations"


@pytest.mark.parametrize("groups", [1, 2, 3, 20])
def test_the_shapes_checked_in_groups_report_what_the_whole_check_reports(graph, groups):
    for case in BREAKS:
        case[1](graph)
    whole = validate_graph(graph)
    parts = shape_groups(graph, groups)
    named = [shape for part in parts for shape in part]
    assert sorted(named) == sorted(load_shapes().subjects(RDF.type, SH.NodeShape))  # each shape in one group
    assert len(parts) == min(groups, len(named))
    found = [v for part in parts for v in validate_graph(graph, part).violations]
    assert sorted(found, key=repr) == sorted(whole.violations, key=repr) and len(whole.violations) >= 5


def test_a_group_without_the_shape_of_a_violation_does_not_report_it(graph):
    _drop(TOM, SCHEMA.name)(graph)
    assert [v.message for v in validate_graph(graph, [KGSH.PersonShape]).violations] == \
        ["a person must have exactly one name (schema:name)"]
    assert validate_graph(graph, [KGSH.FactShape, KGSH.EntityShape]).violations == ()
    assert validate_graph(graph, []).conforms


def test_validation_leaves_the_graph_unchanged(graph):
    before = set(graph)
    _drop(TOM, SCHEMA.name)(graph)
    broken = set(graph)
    validate_graph(graph)
    assert set(graph) == broken and broken < before


def test_describe_says_what_is_wrong_in_plain_words():
    report = ValidationReport(conforms=False, violations=(
        Violation("https://w3id.org/kg-gp/id/person/x", "https://schema.org/name",
                  "a person must have exactly one name (schema:name)", "Violation", None, "X"),
        Violation("https://w3id.org/kg-gp/id/fact/1", "https://w3id.org/kg-gp/ontology#confidence",
                  "a fact's confidence must be between 0 and 1", "Violation", "1.5", None),
        Violation("https://w3id.org/kg-gp/id/fact/2", "http://www.w3.org/ns/org#organization",
                  "the organisation of a role should be an organisation (schema:Organization)", "Warning",
                  "https://w3id.org/kg-gp/id/policy/p", 'fact "A holds role P"'),
    ))
    assert describe(report).splitlines() == [
        "X: a person must have exactly one name (schema:name) (property schema:name)",
        "<https://w3id.org/kg-gp/id/fact/1>: a fact's confidence must be between 0 and 1 "
        "(property kg:confidence, value '1.5')",
        'warning: fact "A holds role P": the organisation of a role should be an organisation (schema:Organization) '
        "(property org:organization, value <https://w3id.org/kg-gp/id/policy/p>)",
        "2 violations, 1 warning",
    ]
    assert describe(ValidationReport(True, ())) == "conforms"
    assert describe(ValidationReport(True, report.violations[2:])).splitlines()[-1] == "conforms (1 warning)"


def test_every_shape_check_has_a_plain_words_message():
    shapes = load_shapes()
    property_shapes = set(shapes.objects(None, SH.property))
    assert len(property_shapes) > 20
    for shape in property_shapes:
        messages = list(shapes.objects(shape, SH.message))
        messages += [m for c in shapes.objects(shape, SH.sparql) for m in shapes.objects(c, SH.message)]
        assert messages, f"property shape on {shapes.value(shape, SH.path)} has no sh:message"
    assert files("kg").joinpath("shapes.ttl").is_file()


def test_validate_file_reads_a_graph_file(tmp_path, graph):
    path = tmp_path / "g.ttl"
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    assert validate_file(path).conforms
    with pytest.raises(GraphError, match="not found"):
        validate_file(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot parse"):
        validate_file(bad)


@pytest.mark.model
def test_a_seeds_build_conforms(tmp_path):
    from kg.pipeline import build
    result = build([SEEDS], tmp_path)
    assert result.facts > 0
    report = validate_file(tmp_path / "graph.ttl")
    assert report.conforms, describe(report)
    assert [v for v in report.violations if v.severity == "Violation"] == []
    assert describe(report).splitlines()[-1].startswith("conforms")


def _add(node: URIRef, prop: URIRef, value) -> Callable[[Graph], None]:
    return lambda g: g.add((node, prop, value))


def _quotation(g: Graph) -> URIRef:
    return next(q for q in g.subjects(RDF.type, SCHEMA.Quotation) if isinstance(q, URIRef))


def _on_quotation(prop: URIRef, value) -> Callable[[Graph], None]:
    return lambda g: g.set((_quotation(g), prop, value))


XSD_NS = Namespace("http://www.w3.org/2001/XMLSchema#")
RDFS_NS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
ODD = URIRef("https://example.org/odd")

# what each SHACL Core constraint kg checks itself must report as pySHACL does, on values good, bad and odd:
# (case, results expected, how the graph is changed)
CORE_CASES = [
    ("minCount", 1, _drop(TOM_CRITICISES, KG.rule)),
    ("maxCount", 1, _add(TOM_CRITICISES, KG.rule, Literal("another.rule"))),
    ("datatype: a string for a decimal", 2, _set(TOM_CRITICISES, KG.confidence, Literal("0.5"))),
    ("datatype: an ill-typed decimal", 2, _set(TOM_CRITICISES, KG.confidence, Literal("high", datatype=XSD_NS.decimal))),
    ("datatype: an IRI for a string", 1, _set(TOM_CRITICISES, KG.rule, ODD)),
    ("datatype: a typed xsd:string", 0, _set(TOM_CRITICISES, KG.rule, Literal("r", datatype=XSD_NS.string))),
    ("datatype: a tagged string for xsd:string", 1, _set(TOM_CRITICISES, KG.rule, Literal("r", lang="en"))),
    ("datatype: a negative nonNegativeInteger", 2, _set(SENTENCE, NIF.beginIndex,
                                                     Literal("-3", datatype=XSD_NS.nonNegativeInteger))),
    ("nodeKind: a literal subject", 1, _set(TOM_CRITICISES, RDF.subject, Literal("Tom"))),
    ("nodeKind: a blank node subject", 1, lambda g: g.set((TOM_CRITICISES, RDF.subject, BNode()))),
    ("class: an untyped evidence", 1, _set(TOM_CRITICISES, PROV.wasDerivedFrom, ODD)),
    ("class: a literal evidence", 1, _set(TOM_CRITICISES, PROV.wasDerivedFrom, Literal("a sentence"))),
    ("class: a subclass stated in the graph", 6, lambda g: (g.add((ODD, RDF.type, URIRef(ODD + "Line"))),
                                                        g.add((URIRef(ODD + "Line"), RDFS_NS.subClassOf, NIF.Sentence)),
                                                        g.set((TOM_CRITICISES, PROV.wasDerivedFrom, ODD)))),
    ("target: an instance of a subclass", 8, lambda g: (g.add((ODD, RDF.type, URIRef(ODD + "Claim"))),
                                                     g.add((URIRef(ODD + "Claim"), RDFS_NS.subClassOf, KG.Fact)))),
    ("in: another section", 1, _set(TOM_CRITICISES, KG.section, Literal("sidebar"))),
    ("in: a tagged section", 1, _set(TOM_CRITICISES, KG.section, Literal("article", lang="en"))),
    ("minLength: an empty rule", 1, _set(TOM_CRITICISES, KG.rule, Literal(""))),
    ("pattern: lower case", 1, _set(AMOUNT, SCHEMA.currency, Literal("gbp"))),
    ("pattern: a blank node", 1, lambda g: g.set((AMOUNT, SCHEMA.currency, BNode()))),
    ("maxInclusive", 1, _set(TOM_CRITICISES, KG.confidence, Literal(Decimal("1.01")))),
    ("minInclusive", 1, _set(TOM_CRITICISES, KG.confidence, Literal(Decimal("-0.1")))),
    ("range: the bounds themselves", 0, lambda g: (g.set((TOM_CRITICISES, KG.confidence, Literal(Decimal("0")))),
                                                g.set((TOM_CHAIR, KG.confidence, Literal(Decimal("1")))))),
    ("range: a string", 2, _set(TOM_CRITICISES, KG.confidence, Literal("high"))),
    ("range: an integer", 1, _set(TOM_CRITICISES, KG.confidence, Literal(1))),
    ("lessThan: ends before it starts", 2, lambda g: g.set((SENTENCE, NIF.beginIndex, Literal(
        int(g.value(SENTENCE, NIF.endIndex)) + 1, datatype=XSD_NS.nonNegativeInteger)))),
    ("lessThan: starts where it ends", 2, lambda g: g.set((SENTENCE, NIF.beginIndex, g.value(SENTENCE, NIF.endIndex)))),
    ("lessThan: a string start", 2, _set(SENTENCE, NIF.beginIndex, Literal("3"))),
    ("lessThan: two ends", 2, lambda g: g.add((SENTENCE, NIF.endIndex, Literal(1, datatype=XSD_NS.nonNegativeInteger)))),
    ("lessThan on a quotation", 1, _on_quotation(NIF.beginIndex, Literal(10 ** 6, datatype=XSD_NS.nonNegativeInteger))),
    ("or: a date of neither datatype", 1, _set(TOM_CHAIR, URIRef("http://purl.org/dc/terms/date"),
                                            Literal("2021-05-01", datatype=XSD_NS.date))),
    ("or: a year", 0, _set(TOM_CHAIR, URIRef("http://purl.org/dc/terms/date"), Literal("2021", datatype=XSD_NS.gYear))),
    ("or: part of neither an article nor a comment", 1, _set(SENTENCE, SCHEMA.isPartOf, ODD)),
    ("or: part of a literal", 1, _set(SENTENCE, SCHEMA.isPartOf, Literal("doc-a"))),
    ("warning: a class of lower severity", 1, _set(TOM_CHAIR, ORG.organization, iri.entity_iri("policy/gms-contract"))),
]


@pytest.mark.parametrize("case", CORE_CASES, ids=[case[0] for case in CORE_CASES])
def test_kg_checks_shacl_core_as_pyshacl_does(graph, case):
    _, expected, breaks = case
    breaks(graph)
    ours = validate_graph(graph)
    assert ours == validate_graph(graph, pyshacl_only=True)
    assert len(ours.violations) == expected


def test_all_the_core_breaks_at_once_report_what_pyshacl_reports(graph):
    for _, _, breaks in CORE_CASES:
        breaks(graph)
    ours = validate_graph(graph)
    assert ours == validate_graph(graph, pyshacl_only=True)
    assert not ours.conforms and len(ours.violations) >= 20


def test_kg_shapes_need_no_pyshacl_run(graph, monkeypatch):
    """Every check of kg/shapes.ttl is one kg runs itself: pySHACL's visit of each node is what cost the time."""
    def refuse(*args, **kwargs):
        raise AssertionError("pySHACL was run")

    monkeypatch.setattr("kg.validate.shacl_validate", refuse)
    _drop(TOM, SCHEMA.name)(graph)
    assert [v.message for v in validate_graph(graph).violations] == \
        ["a person must have exactly one name (schema:name)"]


def test_a_constraint_kg_does_not_check_itself_goes_to_pyshacl(graph, monkeypatch):
    shapes_text = files("kg").joinpath("shapes.ttl").read_text(encoding="utf-8") + """
kgsh:PersonShape sh:property [ sh:path schema:name ; sh:hasValue "Nobody" ;
    sh:message "a test shape: a person must be called Nobody"@en ] .
"""

    def more_shapes() -> Graph:
        return Graph().parse(data=shapes_text, format="turtle")

    monkeypatch.setattr("kg.validate.load_shapes", more_shapes)
    found = {(v.focus, v.message) for v in validate_graph(graph).violations}
    assert (str(TOM), "a test shape: a person must be called Nobody") in found
    _drop(TOM, SCHEMA.name)(graph)
    assert (str(TOM), "a person must have exactly one name (schema:name)") in \
        {(v.focus, v.message) for v in validate_graph(graph).violations}

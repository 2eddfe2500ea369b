"""kg.query on an Oxigraph-backed rdflib Graph (oxrdflib's OxigraphStore): the whole catalogue in queries/ on the
query fixture (tests/fixtures/mini.py: query_graph) gives the golden rows of tests/golden/queries, in the same
order, and runs in Oxigraph's engine, not rdflib's.

One difference is Oxigraph's and cannot be undone here: it keeps xsd:decimal values, not their spelling, so kg's
confidence "0.90" comes back as "0.9" and the money value "3500000.0" as "3500000". Those cells are compared by
value, and only cells typed xsd:decimal in rdflib's answer may differ at all; every other cell is the same text.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib.plugins.sparql.processor
from oxrdflib import OxigraphStore
from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import QueryError
from kg.query import answers_markdown, format_result, list_queries, on_oxigraph, prebind, run_query
from kg.rdf import to_rdf
from tests.fixtures.mini import query_graph
from tests.test_queries import BINDINGS, _to_tsv

ROOT = Path(__file__).resolve().parents[1]
QUERIES_DIR = ROOT / "queries"
GOLDEN_DIR = Path(__file__).parent / "golden" / "queries"
QUERIES = list_queries(QUERIES_DIR)
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.fixture(scope="module")
def memory():
    return to_rdf(query_graph())


def _on_oxigraph(memory: Graph, *, named: bool) -> Graph:
    """The fixture graph in Oxigraph, read from its Turtle by Oxigraph's parser: in the store's default graph
    (as kg.store opens one) or in a graph named by the rdflib Graph's own identifier (oxrdflib's default)."""
    if named:
        graph = Graph(store=OxigraphStore())
    else:
        graph = Graph(store=OxigraphStore(), identifier=DATASET_DEFAULT_GRAPH_ID)
    graph.parse(data=memory.serialize(format="turtle"), format="ox-turtle")
    assert len(graph) == len(memory)
    return graph


@pytest.fixture(scope="module")
def oxigraph(memory):
    return _on_oxigraph(memory, named=False)


@pytest.fixture(scope="module")
def oxigraph_named(memory):
    return _on_oxigraph(memory, named=True)


@pytest.fixture
def no_rdflib_engine(monkeypatch):
    """rdflib's SPARQL engine fails if it is asked to run on an Oxigraph-backed graph: that must be Oxigraph's."""
    evaluate = rdflib.plugins.sparql.processor.evalQuery

    def guarded(graph, *args, **kwargs):
        if on_oxigraph(graph):
            raise AssertionError("rdflib's SPARQL engine was used on an Oxigraph-backed graph")
        return evaluate(graph, *args, **kwargs)

    monkeypatch.setattr(rdflib.plugins.sparql.processor, "evalQuery", guarded)


def _cells(tsv: str) -> list[list[str]]:
    return [line.split("\t") for line in tsv.splitlines()]


def _same_cell(ours: str, golden: str) -> bool:
    if ours == golden:
        return True
    try:
        return Decimal(ours) == Decimal(golden)
    except ArithmeticError:
        return False


# ---------------------------------------------------------------------------------------------


def test_the_graph_is_on_oxigraph(oxigraph, oxigraph_named, memory):
    assert on_oxigraph(oxigraph) and on_oxigraph(oxigraph_named)
    assert not on_oxigraph(memory)


@pytest.mark.parametrize("graph_name", ["default", "named"])
@pytest.mark.parametrize("stored", QUERIES, ids=[q.name for q in QUERIES])
def test_rows_match_golden(stored, graph_name, oxigraph, oxigraph_named, no_rdflib_engine):
    result = run_query(oxigraph if graph_name == "default" else oxigraph_named, stored.sparql)
    golden = _cells((GOLDEN_DIR / f"{stored.name}.tsv").read_text(encoding="utf-8"))
    ours = _cells(_to_tsv(result.variables, result.rows))
    assert ours[0] == golden[0], "variables"
    assert len(ours) == len(golden), "row count"
    for number, (row, expected) in enumerate(zip(ours[1:], golden[1:]), start=1):
        assert len(row) == len(expected)
        for name, cell, want in zip(ours[0], row, expected):
            assert _same_cell(cell, want), f"row {number}, ?{name}: {cell!r} on Oxigraph, {want!r} in the golden file"


@pytest.mark.parametrize("stored", QUERIES, ids=[q.name for q in QUERIES])
def test_only_decimals_are_spelt_differently(stored, oxigraph, memory, no_rdflib_engine):
    ours, theirs = run_query(memory, stored.sparql), run_query(oxigraph, stored.sparql)
    assert theirs.variables == ours.variables
    assert len(theirs.rows) == len(ours.rows)
    for terms, mine, other in zip(ours.terms(), ours.rows, theirs.rows):
        for term, a, b in zip(terms, mine, other):
            if a != b:
                assert isinstance(term, Literal) and term.datatype == XSD_DECIMAL, (a, b)
                assert Decimal(a) == Decimal(b)


@pytest.mark.parametrize(("name", "parameter"), sorted(BINDINGS), ids=[f"{q}:{p}" for q, p in sorted(BINDINGS)])
def test_bindings_give_the_same_rows(name, parameter, oxigraph, memory, no_rdflib_engine):
    sparql = next(q.sparql for q in QUERIES if q.name == name)
    value, expected_count = BINDINGS[(name, parameter)]
    theirs = run_query(oxigraph, sparql, bindings={parameter: value})
    ours = run_query(memory, sparql, bindings={parameter: value})
    assert len(theirs.rows) == expected_count
    assert [tuple(map(_number, r)) for r in theirs.rows] == [tuple(map(_number, r)) for r in ours.rows]
    assert run_query(oxigraph, sparql, bindings={parameter: "Nobody At All"}).rows == ()


def _number(value):
    try:
        return Decimal(value)
    except (ArithmeticError, TypeError):
        return value


def test_a_binding_is_a_literal_not_sparql(oxigraph):
    sparql = next(q.sparql for q in QUERIES if q.name == "roles")
    before = len(oxigraph)
    for hostile in ('" } ; DROP ALL ; SELECT * { "', "\\\" } }\n# \r\n'''", "Tom Ellery\" || true || \""):
        assert run_query(oxigraph, sparql, bindings={"person_name": hostile}).rows == ()
    assert len(oxigraph) == before


def test_unknown_parameter_is_refused(oxigraph):
    sparql = next(q.sparql for q in QUERIES if q.name == "roles")
    with pytest.raises(QueryError, match=r"unknown parameter \?nobody"):
        run_query(oxigraph, sparql, bindings={"nobody": "x"})


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "refused: SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:9/graph.ttl> WHERE { ?s ?p ?o }", "refused: the query names its own dataset"),
    ("LOAD <http://127.0.0.1:9/graph.ttl>", "refused: SPARQL update"),
    ("DELETE WHERE { ?s ?p ?o }", "refused: SPARQL update"),
])
def test_refusals_come_before_oxigraph(sparql, message, oxigraph, no_rdflib_engine):
    before = len(oxigraph)
    with pytest.raises(QueryError, match=re.escape(message)):
        run_query(oxigraph, sparql)
    assert len(oxigraph) == before


def test_undeclared_kg_prefixes_work(oxigraph, no_rdflib_engine):
    result = run_query(oxigraph, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:Person }")
    assert int(result.rows[0][0]) > 0


def test_ask_construct_and_describe(oxigraph, memory, no_rdflib_engine):
    ask = run_query(oxigraph, "ASK { ?p a schema:Person ; schema:name ?name }", bindings={"name": "Tom Ellery"})
    assert (ask.kind, ask.rows) == ("ASK", (("true",),))
    construct = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
    theirs = run_query(oxigraph, construct)
    assert theirs.kind == "CONSTRUCT"
    assert theirs.rows == run_query(memory, construct).rows
    bound = run_query(oxigraph, construct, bindings={"n": "Tom Ellery"})
    assert [r[2] for r in bound.rows] == ["Tom Ellery"]
    describe = run_query(oxigraph, "DESCRIBE ?p WHERE { ?p schema:name ?n }", bindings={"n": "Tom Ellery"})
    assert describe.kind == "DESCRIBE" and describe.rows


@pytest.mark.parametrize("stored", QUERIES, ids=[q.name for q in QUERIES])
def test_every_format_is_the_same_text(stored, oxigraph, memory, no_rdflib_engine):
    """Where no decimal is spelt otherwise, the table and CSV answers are the same text, and so are JSON and TSV
    where no cell is a typed number (they write datatypes, and Oxigraph types every integer xsd:integer)."""
    ours, theirs = run_query(memory, stored.sparql), run_query(oxigraph, stored.sparql)
    if ours.rows != theirs.rows:
        return  # decimals spelt otherwise: test_only_decimals_are_spelt_differently
    typed = any(isinstance(term, Literal) and term.datatype is not None for row in ours.terms() for term in row)
    for fmt in ("table", "csv") if typed else ("table", "csv", "json", "tsv"):
        assert format_result(theirs, fmt) == format_result(ours, fmt), fmt


def test_answers_markdown_runs_on_oxigraph(oxigraph, no_rdflib_engine):
    text = answers_markdown(oxigraph, QUERIES_DIR)
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == [q.name for q in QUERIES]


# ---------------------------------------------------------------------------------------------
# where the VALUES block goes


@pytest.mark.parametrize(("sparql", "expected"), [
    ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { VALUES (?o) { (\"x\") } ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o }", "SELECT * { VALUES (?o) { (\"x\") } ?s ?p ?o }"),
    # braces in comments and strings are not the group; a variable or prefix may be called 'construct'
    ("PREFIX construct: <http://example.org/a#>\n# { not this\nSELECT ?construct ('''{'''  AS ?b) "
     "(\"\\\"{\" AS ?c) WHERE { ?s construct:p ?o }",
     "PREFIX construct: <http://example.org/a#>\n# { not this\nSELECT ?construct ('''{'''  AS ?b) "
     "(\"\\\"{\" AS ?c) WHERE { VALUES (?o) { (\"x\") } ?s construct:p ?o }"),
    ("SELECT (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?s ?p ?o }",
     "SELECT (EXISTS { ?a ?b ?c } AS ?e) WHERE { VALUES (?o) { (\"x\") } ?s ?p ?o }"),
    # the template of a CONSTRUCT is not its WHERE group
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { (\"x\") } ?s ?p ?o }"),
    # a sub-select alone in the group is put in a group of its own
    ("SELECT * WHERE { SELECT ?o WHERE { ?s ?p ?o } }",
     "SELECT * WHERE { VALUES (?o) { (\"x\") } { SELECT ?o WHERE { ?s ?p ?o } } }"),
])
def test_prebind_opens_the_where_group(sparql, expected):
    assert " ".join(prebind(sparql, {"o": Literal("x")}).split()) == " ".join(expected.split())


def test_prebind_escapes_values():
    text = prebind("SELECT * WHERE { ?s ?p ?o }", {"o": Literal('a "b" \\ c\nd\re'), "p": URIRef("http://x.org/p")})
    assert 'VALUES (?o ?p) { ("a \\"b\\" \\\\ c\\nd\\re" <http://x.org/p>) }' in text
    with pytest.raises(QueryError, match="cannot bind the IRI"):
        prebind("SELECT * WHERE { ?s ?p ?o }", {"p": URIRef("http://x.org/> } DROP ALL {")})


def test_prebind_refuses_what_it_cannot_bind():
    with pytest.raises(QueryError, match="CONSTRUCT WHERE"):
        prebind("CONSTRUCT WHERE { ?s ?p ?o }", {"o": Literal("x")})
    with pytest.raises(QueryError, match="WHERE group"):
        prebind("DESCRIBE <http://example.org/a>", {"o": Literal("x")})

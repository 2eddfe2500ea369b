"""Interoperability: the exported Turtle, loaded into a real Oxigraph server, answers the whole catalogue in queries/
with the same rows as kg's own store (rdflib).

The server is the `oxigraph` command from PyPI's `oxigraph` package (the Rust CLI, not the pyoxigraph library),
started here as `oxigraph serve --location TMP --bind 127.0.0.1:PORT` on a free port. The graph goes in through
the SPARQL 1.1 Graph Store HTTP Protocol (PUT /store?default, text/turtle); the queries go out through the
SPARQL 1.1 Protocol with SPARQLWrapper, JSON results. Every .rq file is sent exactly as stored: it must declare
its own prefixes, as any standard SPARQL service requires. No skips: if the server cannot start, the test fails.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper

from kg.export import export_graph
from kg.query import list_queries, run_query
from kg.rdf import to_rdf
from tests.fixtures.mini import query_graph
from tests.fixtures.oxigraph import comparable_triple as _triple
from tests.fixtures.oxigraph import http as _http
from tests.fixtures.oxigraph import literal_cell as _literal
from tests.fixtures.oxigraph import rdflib_cell as _rdflib_cell
from tests.fixtures.oxigraph import running_oxigraph
from tests.test_queries import BINDINGS

ROOT = Path(__file__).resolve().parents[1]
QUERIES = list_queries(ROOT / "queries")

@pytest.fixture(scope="module")
def graph():
    return to_rdf(query_graph())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A running `oxigraph serve` on 127.0.0.1: yields its base URL; terminated afterwards."""
    with running_oxigraph(tmp_path_factory.mktemp("oxigraph-store")) as base:
        yield base


@pytest.fixture(scope="module")
def loaded(server, graph):
    """The server, holding the fixture graph's exported Turtle in its default graph."""
    turtle = export_graph(graph, "ttl")
    status, _ = _http("PUT", f"{server}/store?default", turtle.encode("utf-8"), "text/turtle; charset=utf-8")
    assert status in (200, 201, 204), status
    _, rows = _select(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert _count(rows) == len(graph), "the server does not hold every exported triple"
    return server


# ---------------------------------------------------------------------------------------------


def test_the_catalogue_is_the_whole_queries_directory():
    assert len(QUERIES) >= 15
    assert {q.name for q in QUERIES} == {p.stem for p in (ROOT / "queries").glob("*.rq")}


def test_server_holds_every_exported_triple(loaded, graph):
    status, body = _http("GET", f"{loaded}/store?default", accept="application/n-triples")
    assert status == 200
    served = Graph().parse(data=body.decode("utf-8"), format="nt")
    assert len(served) == len(graph)
    assert {_triple(t) for t in served} == {_triple(t) for t in graph}


@pytest.mark.parametrize("stored", QUERIES, ids=[q.name for q in QUERIES])
def test_oxigraph_server_gives_the_same_rows(stored, loaded, graph):
    ours = run_query(graph, stored.sparql)
    assert ours.kind == "SELECT", f"{stored.name}: the catalogue holds SELECT queries only"
    names, theirs = _select(loaded, stored.sparql)
    assert tuple(names) == ours.variables
    assert theirs, f"{stored.name} returns nothing on the Oxigraph server"
    assert Counter(theirs) == Counter(_rdflib_rows(ours)), stored.name


@pytest.mark.parametrize(("name", "parameter"), sorted(BINDINGS), ids=[f"{q}:{p}" for q, p in sorted(BINDINGS)])
def test_oxigraph_server_agrees_on_bound_parameters(name, parameter, loaded, graph):
    """kg binds a parameter with initBindings; a standard server gets the same literal in a VALUES block."""
    stored = next(q for q in QUERIES if q.name == name)
    value, expected_count = BINDINGS[(name, parameter)]
    ours = run_query(graph, stored.sparql, bindings={parameter: value})
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    head, where, body = stored.sparql.partition("WHERE {")
    assert where, f"{name}: no 'WHERE {{' to open with a VALUES block"
    prebound = f'{head}{where}\n  VALUES ?{parameter} {{ "{escaped}" }}{body}'
    names, theirs = _select(loaded, prebound)
    assert tuple(names) == ours.variables
    assert len(theirs) == expected_count
    assert Counter(theirs) == Counter(_rdflib_rows(ours))


# ---------------------------------------------------------------------------------------------
# helpers: both sides as (kind, datatype, value) per cell, numbers compared by value


def _select(base: str, sparql: str) -> tuple[list[str], list[tuple]]:
    client = SPARQLWrapper(f"{base}/query")
    client.setOnlyConneg(True)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery(sparql)
    # every stored question is a SELECT (checked above); SPARQLWrapper 2.0.0 guesses the form from the text
    # and its comment stripping skips every other line of a '#' block, so a header saying 'described' reads as
    # DESCRIBE: say so instead of letting it guess
    client.queryType = SELECT
    data = client.query().convert()
    names = data["head"]["vars"]
    rows = [tuple(_json_cell(binding.get(name)) for name in names) for binding in data["results"]["bindings"]]
    return names, rows


def _json_cell(term: dict | None) -> tuple | None:
    if term is None:
        return None
    if term["type"] == "uri":
        return ("uri", None, term["value"])
    if term["type"] == "bnode":
        return ("bnode", None, None)  # labels are local to each engine
    if "xml:lang" in term:
        return ("literal", "@" + term["xml:lang"].lower(), term["value"])
    return _literal(term.get("datatype"), term["value"])


def _rdflib_rows(result) -> list[tuple]:
    return [tuple(_rdflib_cell(term) for term in row) for row in result.terms()]


def _count(rows: list[tuple]) -> int:
    assert len(rows) == 1 and rows[0][0] is not None, rows
    return int(Decimal(rows[0][0][2]))

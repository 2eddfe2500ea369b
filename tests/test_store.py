"""A build into Oxigraph gives the graph a build in rdflib's memory store gives, and kg query reads it back."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal

from kg.cli import main
from kg.errors import GraphError
from kg.store import StoreSpec, open_graph

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "seeds"


def _by_value(graph: Graph) -> set:
    """Triples with numbers by value (Oxigraph keeps 0.70 as 0.7 and an xsd:nonNegativeInteger as xsd:integer),
    and "x"^^xsd:string as "x", the same term in RDF 1.1 that rdflib tells apart."""
    return {(s, p, _value(o)) for s, p, o in graph}


def _value(term):
    if not isinstance(term, Literal):
        return term
    if isinstance(term.toPython(), (int, Decimal)):
        return term.toPython()
    return Literal(str(term), lang=term.language) if term.datatype in (None, XSD.string) else term


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    memory, oxigraph = tmp_path_factory.mktemp("memory"), tmp_path_factory.mktemp("oxigraph")
    common = ["--quiet", "--no-cache", "--processes", "1"]
    assert main(["build", str(SOURCE), "--out", str(memory), *common]) == 0
    assert main(["build", str(SOURCE), "--out", str(oxigraph), "--store", f"oxigraph:{oxigraph / 'store'}",
                 *common]) == 0
    return memory, oxigraph


@pytest.mark.model
def test_the_oxigraph_build_is_the_memory_builds_graph(builds):
    memory, oxigraph = builds
    expected = _by_value(Graph().parse(memory / "graph.ttl"))
    assert len(expected) > 3000
    assert _by_value(Graph().parse(oxigraph / "graph.ttl")) == expected
    kept = open_graph(StoreSpec("oxigraph", oxigraph / "store"), read_only=True)
    assert _by_value(kept) == expected
    for table in ("entities.csv", "facts.csv"):
        assert (oxigraph / table).read_bytes() == (memory / table).read_bytes(), table
    # the same answers, but for decimals in Oxigraph's canonical form (0.7 for 0.70)
    canonical = [re.sub(r"(?<=\| )(\d+\.\d*?)0+(?= \|)", r"\1", (out / "answers.md").read_text())
                 for out in (memory, oxigraph)]
    assert canonical[0] == canonical[1] and canonical[0].count("\n") > 100


@pytest.mark.model
def test_kg_query_reads_the_kept_store(builds, capsys):
    memory, oxigraph = builds
    assert main(["query", "roles", "--format", "csv", "--graph", str(memory / "graph.ttl")]) == 0
    from_file = capsys.readouterr().out
    assert main(["query", "roles", "--format", "csv", "--store", f"oxigraph:{oxigraph / 'store'}"]) == 0
    from_store = capsys.readouterr().out
    canonical = [re.sub(r"(?<=,)(\d+\.\d*?)0+(?=,)", r"\1", text) for text in (from_file, from_store)]
    assert canonical[0] == canonical[1] and from_file.count("\n") > 10


@pytest.mark.parametrize("text, message", [
    ("sqlite", "unknown store 'sqlite'"),
    ("memory:/tmp/x", "the memory store has no path"),
    ("oxigraph:", "give a folder"),
])
def test_bad_store_names_are_refused(text, message):
    with pytest.raises(GraphError, match=message):
        StoreSpec.parse(text)


def test_querying_a_store_that_is_not_there_says_how_to_make_one(tmp_path, capsys):
    assert main(["query", "roles", "--store", f"oxigraph:{tmp_path / 'none'}"]) != 0
    assert "kg build --store oxigraph:PATH" in capsys.readouterr().err


@pytest.mark.parametrize("text, message", [
    ("@prefix ex: <http://e/> .\nex:a ex:b .\n", "not a valid RDF object"),
    (None, "No such file"),
])
def test_an_oxigraph_copy_of_bad_turtle_names_the_file(tmp_path, text, message):
    from kg.store import oxigraph_copy

    path = tmp_path / "graph.ttl"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphError, match=re.escape(str(path)) + ".*" + message):
        oxigraph_copy(path)


def test_an_oxigraph_copy_holds_the_files_triples(tmp_path):
    from kg.store import oxigraph_copy

    path = tmp_path / "graph.ttl"
    path.write_text('@prefix ex: <http://e/> .\nex:a ex:b "x", 0.70 ; ex:c ex:d .\n', encoding="utf-8")
    copy = oxigraph_copy(path)
    expected = Graph().parse(path)
    assert len(copy) == len(expected) == 3
    assert {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in copy} == \
        {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in expected}

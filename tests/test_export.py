"""kg.export and kg.io: round trips, determinism, golden Turtle, atomic writes; kg/ontology.ttl covers kg.vocab.KG.

Regenerate tests/golden/mini.ttl (then read the diff!) with:  KG_UPDATE_GOLDEN=1 pytest tests/test_export.py
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg import export as export_module
from kg.errors import ExportError
from kg.export import EXPORT_FORMATS, ONTOLOGY_PATH, export_graph, jsonld_context
from kg.io import write_text_atomic
from kg.rdf import to_rdf
from kg.vocab import KG, PREDICATES, PREFIXES, SCHEMA
from tests.fixtures.mini import mini_graph

GOLDEN_TTL = Path(__file__).parent / "golden" / "mini.ttl"
UPDATE_GOLDEN = os.environ.get("KG_UPDATE_GOLDEN") == "1"
RDFLIB_PARSER = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
             "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def graph():
    return to_rdf(mini_graph())


def _parse(text: str, fmt: str) -> Graph:
    if fmt == "trig":
        dataset = Dataset()
        dataset.parse(data=text, format="trig")
        merged = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return Graph().parse(data=text, format=RDFLIB_PARSER[fmt])


# ---------------------------------------------------------------------------------------------
# round trips and determinism


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_round_trip(graph, fmt):
    text = export_graph(graph, fmt, None)
    assert isinstance(text, str) and text
    assert isomorphic(_parse(text, fmt), graph)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_pyoxigraph_reads_every_format(graph, fmt):
    store = ox.Store()
    store.load(export_graph(graph, fmt).encode("utf-8"), format=OX_FORMAT[fmt])
    assert len(store) == len(graph)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_byte_identical_across_exports_and_insertion_orders(graph, fmt):
    reordered = Graph()
    for triple in sorted(graph, reverse=True):
        reordered.add(triple)
    reordered.bind("ns9", "https://schema.org/")  # the input's own prefix bindings do not leak into the output
    first = export_graph(graph, fmt)
    assert first == export_graph(to_rdf(mini_graph()), fmt)
    assert first == export_graph(reordered, fmt)


def test_ntriples_lines_are_sorted(graph):
    lines = export_graph(graph, "nt").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(graph)


def test_jsonld_context_is_built_from_prefixes(graph):
    data = json.loads(export_graph(graph, "jsonld"))
    assert data["@context"] == {k: str(v) for k, v in PREFIXES.items()} == jsonld_context()
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids)
    fact = next(n for n in data["@graph"] if "kg:Fact" in n.get("@type", []))
    assert "kg:rule" in fact and "prov:wasDerivedFrom" in fact


def test_turtle_uses_kg_prefixes(graph):
    text = export_graph(graph, "ttl")
    for prefix in ("kg", "schema", "org", "prov", "nif"):
        assert f"@prefix {prefix}: <{PREFIXES[prefix]}> ." in text


def test_turtle_golden(graph):
    text = export_graph(graph, "ttl")
    if UPDATE_GOLDEN:
        GOLDEN_TTL.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN_TTL.write_text(text, encoding="utf-8")
    assert GOLDEN_TTL.is_file(), f"no golden file {GOLDEN_TTL}; write it with KG_UPDATE_GOLDEN=1 and check it"
    assert text == GOLDEN_TTL.read_text(encoding="utf-8")


def test_named_graph_identifier_is_kept_in_trig():
    graph = Graph(identifier=URIRef("https://w3id.org/kg-gp/id/graph/test"))
    graph.add((URIRef("http://example.org/a"), SCHEMA.name, Literal("A")))
    text = export_graph(graph, "trig")
    assert "<https://w3id.org/kg-gp/id/graph/test> {" in text


def test_unknown_format(graph):
    with pytest.raises(ExportError, match="unknown export format 'xml'; valid formats: ttl, nt, trig, jsonld"):
        export_graph(graph, "xml", None)


# ---------------------------------------------------------------------------------------------
# writing files


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_write_to_path(graph, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    assert export_graph(graph, fmt, out) is None
    assert out.read_text(encoding="utf-8") == export_graph(graph, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_old_file_survives_a_failing_serialisation(graph, tmp_path, monkeypatch):
    out = tmp_path / "graph.ttl"
    out.write_text("old content\n", encoding="utf-8")

    def explode(*args, **kwargs):
        raise ValueError("serialiser broke")

    monkeypatch.setattr(export_module, "_serialise", explode)
    with pytest.raises(ExportError, match="cannot serialise the graph as ttl: serialiser broke"):
        export_graph(graph, "ttl", out)
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_old_file_survives_a_failing_write(tmp_path, monkeypatch):
    out = tmp_path / "answers.md"
    out.write_text("old content\n", encoding="utf-8")

    def no_rename(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(ExportError, match=f"cannot write {out}: No space left on device"):
        write_text_atomic(out, "new content\n")
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["answers.md"]


def test_unencodable_text_leaves_old_file(tmp_path):
    out = tmp_path / "x.txt"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(ExportError, match="not encodable as utf-8"):
        write_text_atomic(out, "bad \ud800 surrogate")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_write_text_atomic_replaces_and_keeps_bytes(tmp_path):
    out = tmp_path / "x.txt"
    write_text_atomic(out, "one\r\ntwo\n")
    write_text_atomic(out, "three\nquatre \u2018q\u2019\n")
    assert out.read_bytes() == "three\nquatre \u2018q\u2019\n".encode("utf-8")


def test_missing_directory(graph, tmp_path):
    out = tmp_path / "no" / "such" / "graph.ttl"
    with pytest.raises(ExportError, match=f"cannot write {out}: directory .* does not exist"):
        export_graph(graph, "ttl", out)


# ---------------------------------------------------------------------------------------------
# kg/ontology.ttl (published with the exports)


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


KG_TERMS = sorted(KG.__annotations__)


@pytest.mark.parametrize("term", KG_TERMS)
def test_every_kg_term_has_label_and_comment(ontology, term):
    node = KG[term]
    assert ontology.value(node, RDFS.label) is not None, f"kg:{term} has no rdfs:label in ontology.ttl"
    assert ontology.value(node, RDFS.comment) is not None, f"kg:{term} has no rdfs:comment in ontology.ttl"
    kinds = set(ontology.objects(node, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"kg:{term} has no OWL kind"


def test_ontology_declares_nothing_outside_kg_vocab(ontology):
    namespace = str(KG._NS)
    described = {str(s)[len(namespace):] for s in ontology.subjects() if str(s).startswith(namespace)}
    assert described == set(KG_TERMS)


def test_relation_properties_are_object_properties(ontology):
    for prop, _label in PREDICATES.values():
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize(("sub", "sup"), [
    (KG.Fact, RDF.Statement),
    (KG.Fact, PROV.Entity),
    (KG.Practice, SCHEMA.MedicalOrganization),
    (KG.ThinkTank, SCHEMA.Organization),
    (KG.Commenter, PROV.Agent),
    (KG.Policy, SKOS.Concept),
    (KG.Programme, SKOS.Concept),
    (KG.Extractor, PROV.SoftwareAgent),
])
def test_ontology_subclasses(ontology, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in ontology


def test_ontology_is_read_by_pyoxigraph(ontology):
    store = ox.Store()
    store.load(ONTOLOGY_PATH.read_bytes(), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(ontology)

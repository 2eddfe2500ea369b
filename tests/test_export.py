"""kg.export and kg.io: round trips, determinism, golden Turtle and GraphML, atomic writes; kg/ontology.ttl covers
kg.vocab.KG.

Regenerate tests/golden/mini.ttl and mini.graphml (then read the diff!) with:
    KG_UPDATE_GOLDEN=1 pytest tests/test_export.py
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg import export as export_module
from kg.errors import ExportError
from kg.cli import main
from kg.export import (
    EXPORT_FORMATS,
    ONTOLOGY_PATH,
    RDF_FORMATS,
    entity_graph,
    export_graph,
    jsonld_context,
    jsonld_context_document,
    jsonld_context_path,
)
from kg.io import write_text_atomic
from kg.rdf import POLICY_SCHEME, to_rdf
from kg.vocab import KG, KGR, PREDICATES, PREFIXES, SCHEMA
from tests.fixtures.mini import mini_graph

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_TTL = Path(__file__).parent / "golden" / "mini.ttl"
GOLDEN_GRAPHML = Path(__file__).parent / "golden" / "mini.graphml"
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


def test_formats():
    assert tuple(EXPORT_FORMATS) == ("ttl", "nt", "trig", "jsonld", "graphml")
    assert RDF_FORMATS == ("ttl", "nt", "trig", "jsonld")


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_round_trip(graph, fmt):
    text = export_graph(graph, fmt, None)
    assert isinstance(text, str) and text
    assert isomorphic(_parse(text, fmt), graph)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
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
    with pytest.raises(ExportError, match="unknown export format 'xml'; valid formats: ttl, nt, trig, jsonld, graphml"):
        export_graph(graph, "xml", None)


# ---------------------------------------------------------------------------------------------
# TriG: named graphs kept


def _two_named_graphs() -> Dataset:
    dataset = Dataset()
    first = dataset.graph(KGR["graph/seeds"])
    first.add((KGR["person/a"], SCHEMA.name, Literal("A")))
    first.add((KGR["person/a"], RDF.type, SCHEMA.Person))
    second = dataset.graph(KGR["graph/unseen"])
    second.add((KGR["person/b"], SCHEMA.name, Literal("B")))
    second.add((KGR["person/a"], SCHEMA.name, Literal("A")))  # the same triple in two graphs stays in both
    dataset.default_graph.add((KGR["graph/seeds"], SCHEMA.name, Literal("the seeds")))
    return dataset


def _graphs_of(dataset: Dataset) -> dict[str, set]:
    return {str(g.identifier): set(g) for g in dataset.graphs() if len(g)}


def test_trig_round_trip_keeps_named_graphs():
    dataset = _two_named_graphs()
    text = export_graph(dataset, "trig")
    parsed = Dataset()
    parsed.parse(data=text, format="trig")
    assert _graphs_of(parsed) == _graphs_of(dataset)
    assert set(_graphs_of(parsed)) == {str(KGR["graph/seeds"]), str(KGR["graph/unseen"]),
                                       "urn:x-rdflib:default"}


def test_pyoxigraph_reads_the_named_graphs():
    store = ox.Store()
    store.load(export_graph(_two_named_graphs(), "trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert sorted(g.value for g in store.named_graphs()) == [str(KGR["graph/seeds"]), str(KGR["graph/unseen"])]
    assert len(store) == 5
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 1


def test_trig_of_a_dataset_is_deterministic():
    dataset = _two_named_graphs()
    reordered = Dataset()
    for s, p, o, g in sorted(dataset.quads((None, None, None, None)), reverse=True):
        reordered.graph(g.identifier if isinstance(g, Graph) else g).add((s, p, o))
    text = export_graph(dataset, "trig")
    assert text == export_graph(reordered, "trig")
    # the default graph first, then the named graphs in IRI order
    assert text.index("{") < text.index(f"<{KGR['graph/seeds']}> {{") < text.index(f"<{KGR['graph/unseen']}> {{")


@pytest.mark.parametrize("fmt", ("ttl", "nt", "jsonld"))
def test_other_formats_write_the_union_of_a_dataset(fmt):
    dataset = _two_named_graphs()
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert len(union) == 4
    assert isomorphic(_parse(export_graph(dataset, fmt), fmt), union)


# ---------------------------------------------------------------------------------------------
# JSON-LD and its context file


def test_jsonld_context_file_is_written_beside(graph, tmp_path):
    out = tmp_path / "graph.jsonld"
    export_graph(graph, "jsonld", out)
    context_file = tmp_path / "graph.context.jsonld"
    assert jsonld_context_path(out) == context_file
    assert context_file.read_text(encoding="utf-8") == jsonld_context_document()
    assert json.loads(context_file.read_text(encoding="utf-8")) == {"@context": jsonld_context()}
    # the document keeps the same context inline, so it reads the same wherever it is copied or piped
    assert json.loads(out.read_text(encoding="utf-8"))["@context"] == jsonld_context()


@pytest.mark.parametrize(("out", "context"), [
    ("graph.jsonld", "graph.context.jsonld"),
    ("graph.json", "graph.context.jsonld"),
    ("graph", "graph.context.jsonld"),
    ("kg.v2.jsonld", "kg.v2.context.jsonld"),
])
def test_jsonld_context_path(tmp_path, out, context):
    assert jsonld_context_path(tmp_path / out) == tmp_path / context


def test_a_document_that_refers_to_the_context_file_reads_the_same(graph, tmp_path):
    out = tmp_path / "graph.jsonld"
    export_graph(graph, "jsonld", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["@context"] = "graph.context.jsonld"  # a relative IRI: resolved against the document's own file
    referring = tmp_path / "referring.jsonld"
    referring.write_text(json.dumps(data), encoding="utf-8")
    assert isomorphic(Graph().parse(referring, format="json-ld"), graph)


def test_the_context_file_supplied_to_a_context_free_document(graph, tmp_path):
    out = tmp_path / "graph.jsonld"
    export_graph(graph, "jsonld", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    del data["@context"]
    context = json.loads((tmp_path / "graph.context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert not isomorphic(Graph().parse(data=json.dumps(data), format="json-ld"), graph)  # it does need it
    assert isomorphic(Graph().parse(data=json.dumps(data), format="json-ld", context=context), graph)


def test_no_context_file_when_writing_to_standard_output(graph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export_graph(graph, "jsonld") is not None
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# GraphML (for Gephi)


def _read_graphml(text: str, tmp_path: Path) -> nx.MultiDiGraph:
    path = tmp_path / "read.graphml"
    path.write_text(text, encoding="utf-8")
    return nx.read_graphml(path, force_multigraph=True)


def _edges(network: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict]:
    return {(u, v, k): data for u, v, k, data in network.edges(keys=True, data=True)}


def test_graphml_round_trip(graph, tmp_path):
    expected = entity_graph(graph)
    read = _read_graphml(export_graph(graph, "graphml"), tmp_path)
    assert read.is_directed() and read.is_multigraph()
    assert dict(read.nodes(data=True)) == dict(expected.nodes(data=True))
    assert _edges(read) == _edges(expected)
    assert read.number_of_nodes() == 10 and read.number_of_edges() == 9


def test_graphml_nodes_are_entities(graph):
    network = entity_graph(graph)
    priya = network.nodes[str(KGR["person/priya-natarajan"])]
    assert priya == {"label": "Priya Natarajan", "type": "Person", "aliases": "Dr Priya Natarajan", "documents": 2}
    assert network.nodes[str(KGR["org/rcgp"])]["type"] == "Organization"
    assert network.nodes[str(KGR["policy/gms-contract"])] == {"label": "GMS contract", "type": "Policy",
                                                               "documents": 1}
    # sentences, documents, roles, extractors and the concept scheme are not entities
    assert str(POLICY_SCHEME) not in network
    assert all(node.startswith(str(KGR)) and "/fact/" not in node and "/doc/" not in node for node in network)


def test_graphml_edges_are_facts_with_provenance(graph):
    network = entity_graph(graph)
    priya, medacloud = str(KGR["person/priya-natarajan"]), str(KGR["org/medacloud"])
    posts = sorted(network.get_edge_data(priya, medacloud).values(), key=lambda d: d["qualifier"])
    assert [p["qualifier"] for p in posts] == ["chief executive", "medical director"]  # two facts, two edges
    assert posts[0] == {
        "label": "holds role", "qualifier": "chief executive", "confidence": 0.9, "rule": "roles.copula",
        "document": "doc-b.txt", "section": "article",
        "sentence": "Priya Natarajan is chief executive of MedaCloud.",
    }
    comment = next(iter(network.get_edge_data(str(KGR["commenter/gp-reader"]), medacloud).values()))
    assert (comment["label"], comment["section"], "qualifier" in comment) == ("criticises", "comment", False)
    # the quotation is text, not an entity: no edge from 'said'
    assert all(data["label"] != "said" for _, _, data in network.edges(data=True))


def test_graphml_edge_ids_are_unique_and_in_order(graph):
    keys = [k for _, _, k in entity_graph(graph).edges(keys=True)]
    assert keys == [f"e{i}" for i in range(len(keys))]


def test_graphml_attribute_types_for_gephi(graph):
    text = export_graph(graph, "graphml")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<graphml ")
    assert '<graph edgedefault="directed">' in text
    assert 'for="edge" attr.name="confidence" attr.type="double"' in text
    assert 'for="node" attr.name="documents" attr.type="long"' in text
    assert 'for="node" attr.name="label" attr.type="string"' in text
    assert 'for="edge" attr.name="label" attr.type="string"' in text


def test_graphml_text_that_xml_cannot_hold(tmp_path):
    graph = Graph()
    node = KGR["person/odd"]
    graph.add((node, RDF.type, SCHEMA.Person))
    graph.add((node, SCHEMA.name, Literal("Odd\x0bName\r\nHere")))
    read = _read_graphml(export_graph(graph, "graphml"), tmp_path)
    assert read.nodes[str(node)]["label"] == "Odd\ufffdName\nHere"
    assert dict(read.nodes(data=True)) == dict(entity_graph(graph).nodes(data=True))


def test_graphml_of_an_empty_graph(tmp_path):
    read = _read_graphml(export_graph(Graph(), "graphml"), tmp_path)
    assert read.number_of_nodes() == 0


def test_graphml_golden(graph):
    text = export_graph(graph, "graphml")
    if UPDATE_GOLDEN:
        GOLDEN_GRAPHML.write_text(text, encoding="utf-8")
    assert GOLDEN_GRAPHML.is_file(), f"no golden file {GOLDEN_GRAPHML}; write it with KG_UPDATE_GOLDEN=1 and check it"
    assert text == GOLDEN_GRAPHML.read_text(encoding="utf-8")


_EXPORT_SCRIPT = """
import sys
from rdflib import Dataset
from kg.export import export_graph
from kg.rdf import to_rdf
from tests.fixtures.mini import mini_graph
from tests.test_export import _two_named_graphs

graph = to_rdf(mini_graph())
sys.stdout.write(export_graph(graph, "graphml") + export_graph(_two_named_graphs(), "trig")
                 + export_graph(graph, "jsonld"))
"""


def test_byte_identical_across_processes():
    # set and dict orders of strings change with the hash seed, i.e. from one run of kg to the next
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-W", "ignore", "-c", _EXPORT_SCRIPT], cwd=ROOT, env=env,
                              capture_output=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_cli_exports_graphml(tmp_path, capsys):
    source = tmp_path / "graph.ttl"
    shutil.copy(GOLDEN_TTL, source)
    out = tmp_path / "graph.graphml"
    assert main(["export", "--format", "graphml", "--graph", str(source), "--out", str(out)]) == 0
    assert capsys.readouterr().err.strip() == f"wrote {out}"
    read = nx.read_graphml(out, force_multigraph=True)
    assert dict(read.nodes(data=True)) == dict(entity_graph(Graph().parse(source)).nodes(data=True))
    assert read.number_of_edges() == 9


# ---------------------------------------------------------------------------------------------
# writing files


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_write_to_path(graph, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    assert export_graph(graph, fmt, out) is None
    assert out.read_text(encoding="utf-8") == export_graph(graph, fmt)
    expected = sorted([out.name, "graph.context.jsonld"] if fmt == "jsonld" else [out.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == expected


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

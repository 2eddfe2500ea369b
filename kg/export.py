"""Stage: export the graph as Turtle, N-Triples, TriG, JSON-LD or GraphML, deterministically and atomically.

The same triples always give the same bytes: rdflib's Turtle and TriG writers sort subjects, predicates
and objects (kg puts TriG's named graphs in IRI order); N-Triples lines are sorted; JSON-LD nodes and their
value sets are sorted; GraphML nodes and edges are sorted. (Graphs with blank nodes get fresh blank-node
labels from rdflib; kg mints IRIs for everything, so has none.)

A Dataset keeps its named graphs in TriG; the other RDF formats write the union of its graphs.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.term import Node

from kg.errors import ExportError
from kg.io import write_text_atomic
from kg.view import to_digraph
from kg.vocab import PREFIXES, SCHEMA

# export format -> rdflib serialiser name (GraphML is written by networkx, not rdflib)
EXPORT_FORMATS: dict[str, str] = {
    "ttl": "turtle",
    "nt": "nt",
    "trig": "trig",
    "jsonld": "json-ld",
    "graphml": "graphml",
}
RDF_FORMATS = ("ttl", "nt", "trig", "jsonld")

ONTOLOGY_PATH = Path(__file__).with_name("ontology.ttl")
ALIAS_SEPARATOR = "; "
# characters XML 1.0 cannot hold; a lone CR would come back as LF from any XML parser
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def jsonld_context() -> dict[str, str]:
    """The compact JSON-LD @context: one term per prefix in kg.vocab.PREFIXES."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


def jsonld_context_document() -> str:
    """The context file written beside an exported JSON-LD file: `{"@context": ...}`."""
    return json.dumps({"@context": jsonld_context()}, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def jsonld_context_path(out_path: Path) -> Path:
    """Where the context file of a JSON-LD export goes: `graph.jsonld` -> `graph.context.jsonld`."""
    out_path = Path(out_path)
    return out_path.with_name(f"{out_path.stem}.context.jsonld")


def export_graph(graph: Graph, fmt: str, out_path: Path | None = None) -> str | None:
    """Serialise `graph` as `fmt`: return the text, or write it atomically to `out_path`.

    Formats: ttl (Turtle), nt (N-Triples), trig (TriG: a Dataset's named graphs kept, a Graph with an IRI
    as a named graph), jsonld (JSON-LD, compacted with kg's prefixes) and graphml (the entity graph of
    `entity_graph`, for Gephi and other network tools).

    JSON-LD and its context file: written to a file, the export also writes the context on its own beside
    it (`jsonld_context_path`: `graph.jsonld` -> `graph.context.jsonld`), for other JSON-LD documents and
    tools to reuse kg's terms. The exported document keeps its context inline rather than referring to that
    file: a relative context IRI is resolved against wherever the document is read from (standard input,
    a server, a copy moved without its sidecar), and resolving it means fetching, which an offline reader
    (pyoxigraph, kg itself) cannot or will not do. Inline, the document is read the same everywhere; the
    context file holds exactly the same context, so a document that does refer to it reads the same too.
    """
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid formats: {', '.join(EXPORT_FORMATS)}")
    try:
        text = _serialise(graph, fmt)
    except ExportError:
        raise
    except Exception as exc:  # rdflib and networkx serialisers raise assorted exception types
        raise ExportError(f"cannot serialise the graph as {fmt}: {exc}") from exc
    if out_path is None:
        return text
    out_path = Path(out_path)
    if fmt == "jsonld":
        # first, so that a JSON-LD file on disk always has its context file beside it
        write_text_atomic(jsonld_context_path(out_path), jsonld_context_document())
    write_text_atomic(out_path, text)
    return None


def _serialise(graph: Graph, fmt: str) -> str:
    if fmt == "nt":
        # split on LF only: rdflib writes form feeds, U+2028 and the like raw inside literals
        lines = {line for line in _prefixed_copy(graph).serialize(format="nt").split("\n") if line.strip()}
        return "".join(f"{line}\n" for line in sorted(lines))
    if fmt == "trig":
        return _trig(_dataset(graph))
    if fmt == "jsonld":
        text = _prefixed_copy(graph).serialize(format="json-ld", context=jsonld_context(), indent=2)
        return json.dumps(_canonical_jsonld(json.loads(text)), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt == "graphml":
        return graphml_text(entity_graph(graph))
    return _prefixed_copy(graph).serialize(format=EXPORT_FORMATS[fmt])


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def _triples(graph: Graph) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple of `graph`; of every graph in it, for a Dataset (whose own iteration gives quads)."""
    if getattr(graph, "context_aware", False):
        for s, p, o, _ in graph.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from graph


def _prefixed_copy(graph: Graph) -> Graph:
    """The triples of `graph` with exactly kg's prefixes bound, so output does not depend on the input's bindings."""
    copy = Graph(bind_namespaces="none")
    _bind_prefixes(copy)
    for triple in _triples(graph):
        copy.add(triple)
    return copy


def _dataset(graph: Graph) -> Dataset:
    """A dataset holding `graph`: its named graphs kept if it is a Dataset; a Graph with an IRI as a named graph;
    anything else in the default graph."""
    dataset = Dataset()
    _bind_prefixes(dataset)
    if getattr(graph, "context_aware", False):
        for s, p, o, context in graph.quads((None, None, None, None)):
            name = context.identifier if isinstance(context, Graph) else context
            _graph_for(dataset, name).add((s, p, o))
        return dataset
    target = _graph_for(dataset, graph.identifier)
    for triple in graph:
        target.add(triple)
    return dataset


def _graph_for(dataset: Dataset, name: Node | None) -> Graph:
    if isinstance(name, URIRef) and name != DATASET_DEFAULT_GRAPH_ID:
        return dataset.graph(name)
    return dataset.default_graph


def _trig(dataset: Dataset) -> str:
    serializer = TrigSerializer(dataset)
    # rdflib lists a store's graphs in set order, which changes from run to run: the default graph, then by IRI
    unique = {str(g.identifier): g for g in serializer.contexts}
    default = str(DATASET_DEFAULT_GRAPH_ID)
    serializer.contexts = [unique[name] for name in sorted(unique, key=lambda n: (n != default, n))]
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def _canonical_jsonld(data: object) -> object:
    """Sort node lists and value sets (JSON-LD arrays are unordered, except under @list)."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            value = _canonical_jsonld(value) if key != "@list" else [_canonical_jsonld(v) for v in value]
            if isinstance(value, list) and key not in ("@list", "@context"):
                value = sorted(value, key=_sort_key)
            out[key] = value
        return out
    if isinstance(data, list):
        return sorted((_canonical_jsonld(v) for v in data), key=_sort_key)
    return data


def _sort_key(value: object) -> tuple[str, str]:
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        return (value["@id"], json.dumps(value, sort_keys=True, ensure_ascii=False))
    return ("", json.dumps(value, sort_keys=True, ensure_ascii=False))


# ---------------------------------------------------------------------------------------------
# GraphML


def entity_graph(graph: Graph) -> nx.MultiDiGraph:
    """The entities of `graph` and the facts between them, as a network with only GraphML-typed attributes.

    Nodes are entity IRIs with `label`, `type` (kg's fine type), `aliases` (joined with "; ", absent when
    there are none) and `documents` (how many documents mention it). Each kg:Fact between two entities is
    one edge, keyed `e0`, `e1`... in sorted order, with `label` (the predicate's label), `qualifier`,
    `confidence` (a number), `rule`, `document` (file name), `section` and `sentence`; an attribute the fact
    lacks is absent (an empty GraphML value reads back as the string "None"). Facts whose object is text or
    a quotation are not edges. `label` is the name Gephi shows nodes and edges by.
    """
    union = _prefixed_copy(graph)
    view = to_digraph(union)
    network = nx.MultiDiGraph()
    for node in sorted(view.nodes):
        data = view.nodes[node]
        attrs: dict[str, str | int | float] = {"label": _xml_text(data["label"]), "type": data["type"]}
        if data["aliases"]:
            attrs["aliases"] = _xml_text(ALIAS_SEPARATOR.join(data["aliases"]))
        attrs["documents"] = len(set(union.subjects(SCHEMA.mentions, URIRef(node))))
        network.add_node(node, **attrs)
    index = 0
    for source, target in sorted(view.edges):
        for record in view.edges[source, target]["facts"]:
            network.add_edge(source, target, key=f"e{index}", **_edge_attributes(record))
            index += 1
    return network


def graphml_text(network: nx.Graph) -> str:
    """GraphML of `network`: nodes and edges in the order they were added, so sorted ones give the same bytes."""
    lines = nx.generate_graphml(network, encoding="utf-8", prettyprint=True)
    return "<?xml version='1.0' encoding='utf-8'?>\n" + "\n".join(line for line in lines if line) + "\n"


def _edge_attributes(record: dict[str, str]) -> dict[str, str | float]:
    attrs: dict[str, str | float] = {"label": _xml_text(record["predicate"])}
    for name, key in (("qualifier", "qualifier"), ("confidence", "confidence"), ("rule", "rule"),
                      ("document", "file"), ("section", "section"), ("sentence", "sentence")):
        if key not in record:
            continue
        attrs[name] = float(record[key]) if name == "confidence" else _xml_text(record[key])
    return attrs


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))

"""Stage: export the graph as Turtle, N-Triples, TriG or JSON-LD, deterministically and atomically.

The same triples always give the same bytes: rdflib's Turtle and TriG writers sort subjects, predicates
and objects; N-Triples lines are sorted; JSON-LD nodes and their value sets are sorted. (Graphs with
blank nodes get fresh blank-node labels from rdflib; kg mints IRIs for everything, so has none.)
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import ExportError
from kg.io import write_text_atomic
from kg.vocab import PREFIXES

# export format -> rdflib serialiser name
EXPORT_FORMATS: dict[str, str] = {
    "ttl": "turtle",
    "nt": "nt",
    "trig": "trig",
    "jsonld": "json-ld",
}

ONTOLOGY_PATH = Path(__file__).with_name("ontology.ttl")


def jsonld_context() -> dict[str, str]:
    """The compact JSON-LD @context: one term per prefix in kg.vocab.PREFIXES."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


def export_graph(graph: Graph, fmt: str, out_path: Path | None = None) -> str | None:
    """Serialise `graph` as `fmt` (ttl, nt, trig, jsonld): return the text, or write it atomically to `out_path`."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid formats: {', '.join(EXPORT_FORMATS)}")
    try:
        text = _serialise(graph, fmt)
    except ExportError:
        raise
    except Exception as exc:  # rdflib serialisers raise assorted exception types
        raise ExportError(f"cannot serialise the graph as {fmt}: {exc}") from exc
    if out_path is None:
        return text
    write_text_atomic(Path(out_path), text)
    return None


def _serialise(graph: Graph, fmt: str) -> str:
    if fmt == "nt":
        lines = {line for line in graph.serialize(format="nt").splitlines() if line.strip()}
        return "".join(f"{line}\n" for line in sorted(lines))
    if fmt == "trig":
        return _dataset(graph).serialize(format="trig")
    if fmt == "jsonld":
        text = _prefixed_copy(graph).serialize(format="json-ld", context=jsonld_context(), indent=2)
        return json.dumps(_canonical_jsonld(json.loads(text)), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return _prefixed_copy(graph).serialize(format=EXPORT_FORMATS[fmt])


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def _prefixed_copy(graph: Graph) -> Graph:
    """The triples of `graph` with exactly kg's prefixes bound, so output does not depend on the input's bindings."""
    copy = Graph(bind_namespaces="none")
    _bind_prefixes(copy)
    for triple in graph:
        copy.add(triple)
    return copy


def _dataset(graph: Graph) -> Dataset:
    """A dataset holding `graph`: as a named graph if it has an IRI, else as the default graph."""
    dataset = Dataset()
    _bind_prefixes(dataset)
    target = dataset.graph(graph.identifier) if isinstance(graph.identifier, URIRef) else dataset.default_graph
    for triple in graph:
        target.add(triple)
    return dataset


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

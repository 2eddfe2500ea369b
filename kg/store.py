"""Where a graph lives while kg builds or queries it: rdflib's memory store, or Oxigraph.

rdflib's memory store keeps every triple as Python objects (about a kilobyte each with its indexes), which
is fine for thousands of documents and not for tens of thousands. `oxigraph` keeps the triples in
pyoxigraph's store (in memory, or on disk at PATH, where it stays for `kg query --store`), behind rdflib's
Graph API (oxrdflib), so the rest of kg reads and writes it the same way; SPARQL on it runs in Oxigraph's
engine.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import GraphError
from kg.vocab import PREFIXES

KINDS = ("memory", "oxigraph")


@dataclass(frozen=True)
class StoreSpec:
    kind: str = "memory"
    path: Path | None = None  # oxigraph only: a folder that keeps the store between runs

    @classmethod
    def parse(cls, text: str) -> "StoreSpec":
        kind, sep, path = text.partition(":")
        if kind not in KINDS:
            raise GraphError(f"unknown store {text!r}: give memory, oxigraph or oxigraph:PATH")
        if kind == "memory" and sep:
            raise GraphError(f"store {text!r}: the memory store has no path")
        if sep and not path:
            raise GraphError(f"store {text!r}: give a folder after 'oxigraph:'")
        return cls(kind, Path(path) if path else None)

    def describe(self) -> str:
        return self.kind + (f" at {self.path}" if self.path else "")


def _with_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def memory_graph() -> Graph:
    """An empty graph in rdflib's memory, with kg's prefixes bound."""
    # kg's graph is one graph, not a dataset: rdflib's store without named graphs adds a quarter faster and reads
    # three times faster than its default one
    return _with_prefixes(Graph(store="SimpleMemory"))


def open_graph(spec: StoreSpec = StoreSpec(), *, empty: bool = False, read_only: bool = False) -> Graph:
    """A graph in the store `spec` names, with kg's prefixes bound; `empty` clears a persistent store first."""
    if spec.kind == "memory":
        return memory_graph()
    import pyoxigraph
    from oxrdflib import OxigraphStore

    if read_only and (spec.path is None or not spec.path.is_dir()):
        raise GraphError(f"no Oxigraph store at {spec.path}: build one with kg build --store oxigraph:PATH")
    try:
        if spec.path is None:
            inner = pyoxigraph.Store()
        elif read_only:
            inner = pyoxigraph.Store.read_only(str(spec.path))
        else:
            spec.path.parent.mkdir(parents=True, exist_ok=True)
            inner = pyoxigraph.Store(str(spec.path))
        if empty and not read_only:
            inner.clear()
    except OSError as exc:
        raise GraphError(f"cannot open the Oxigraph store at {spec.path}: {exc} "
                         f"(is another kg using it?)") from exc
    # the default graph, so SPARQL and a dump see the triples without naming a graph
    return _with_prefixes(Graph(store=OxigraphStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID))


def oxigraph_copy(turtle: Path) -> Graph:
    """A graph in a new in-memory Oxigraph store, loaded from the Turtle file `turtle` by Oxigraph's own parser.

    kg build answers its question catalogue on such a copy of a memory-store graph: rdflib's SPARQL engine
    takes minutes on a graph of a few hundred documents where Oxigraph takes well under a second.
    """
    import pyoxigraph
    from oxrdflib import OxigraphStore

    inner = pyoxigraph.Store()
    try:
        inner.bulk_load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    except (OSError, SyntaxError) as exc:
        raise GraphError(f"cannot load {turtle} into Oxigraph: {exc}") from exc
    return _with_prefixes(Graph(store=OxigraphStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID))


def oxigraph_store(graph: Graph):
    """The pyoxigraph Store behind `graph`, or None when it is another store."""
    try:
        from oxrdflib import OxigraphStore
    except ImportError:
        return None
    return graph.store._inner if isinstance(graph.store, OxigraphStore) else None


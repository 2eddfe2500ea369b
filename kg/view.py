"""Stage: the graph as one self-contained, interactive HTML page.

Works from any rdflib Graph in kg's vocabulary (so also from a saved graph.ttl). vis-network is
inlined from the copy pyvis ships; nothing is fetched from the network when the page is opened.
Output is deterministic: the same graph gives byte-identical HTML.
"""
from __future__ import annotations

import importlib.util
import json
import math
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Node

from kg.errors import ExportError
from kg.vocab import ENTITY_TYPES, KG, NIF, PREDICATES, SCHEMA

TEMPLATE = "view.html.j2"
VIS_DIR = ("templates", "lib", "vis-9.1.2")
LAYOUT_SEED = 42
NODE_SPACING = 150  # pixels between neighbours, roughly
SPRING_LIMIT = 500  # networkx switches spring_layout to a scipy solver at this many nodes
FORCE_ITERATIONS = 50

# one colour per fine type, in ENTITY_TYPES order (Tableau 20, readable on white)
TYPE_COLOURS: dict[str, str] = dict(zip(ENTITY_TYPES, (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295", "#8cd17d",
), strict=True))

_PREDICATE_LABELS: dict[URIRef, str] = {prop: label for prop, label in PREDICATES.values()}


def entity_type(classes: set[Node] | frozenset[Node]) -> str | None:
    """The most specific fine type whose classes the node has, or None if it has none of them.

    A type scores by how many of its classes are present; ties go to the type with fewer classes
    (so a bare schema:Organization is an Organization, not a GovernmentBody), then to declaration order.
    """
    best: tuple[int, int, int] | None = None
    chosen = None
    for order, (name, (_, rdf_classes)) in enumerate(ENTITY_TYPES.items()):
        present = sum(1 for c in rdf_classes if c in classes)
        if not present:
            continue
        score = (present, -len(rdf_classes), -order)
        if best is None or score > best:
            best, chosen = score, name
    return chosen


def to_digraph(graph: Graph) -> nx.DiGraph:
    """Entities as nodes, kg:Facts between two entities as edges (all facts of a pair on one edge).

    Node attributes: label, type, aliases, files, statements (facts whose object is text or a quotation).
    Edge attribute: facts, each a dict of predicate label, qualifier and evidence.
    """
    if not isinstance(graph, Graph):
        raise ExportError(f"expected an rdflib.Graph to view, got {type(graph).__name__}")
    view = nx.DiGraph()
    for node in sorted({s for s in graph.subjects(SCHEMA.name) if isinstance(s, URIRef)}):
        fine = entity_type(set(graph.objects(node, RDF.type)))
        if fine is None:
            continue
        label = min(str(n) for n in graph.objects(node, SCHEMA.name))
        aliases = sorted({str(a) for a in graph.objects(node, SCHEMA.alternateName)} - {label})
        files = sorted({_file_name(graph, doc) for doc in graph.subjects(SCHEMA.mentions, node)} - {""})
        view.add_node(str(node), label=label, type=fine, aliases=aliases, files=files, statements=[])

    edge_facts: dict[tuple[str, str], list[dict[str, str]]] = {}
    for fact in sorted(graph.subjects(RDF.type, KG.Fact)):
        subject = graph.value(fact, RDF.subject)
        predicate = graph.value(fact, RDF.predicate)
        obj = graph.value(fact, RDF.object)
        if subject is None or predicate is None or obj is None or str(subject) not in view:
            continue
        record = {"predicate": _predicate_label(predicate), **_provenance(graph, fact)}
        if isinstance(obj, URIRef) and str(obj) in view:
            edge_facts.setdefault((str(subject), str(obj)), []).append(record)
        else:
            record["text"] = _object_text(graph, obj)
            view.nodes[str(subject)]["statements"].append(record)

    for node in view.nodes:
        view.nodes[node]["statements"].sort(key=_record_key)
    for (source, target), facts in sorted(edge_facts.items()):
        view.add_edge(source, target, facts=sorted(facts, key=_record_key))
    return view


def render_html(graph: Graph, *, title: str = "kg") -> str:
    """One self-contained HTML page showing the graph; a page saying so when it has no entities."""
    if not isinstance(title, str):
        raise ExportError(f"title must be a string, got {type(title).__name__}")
    view = to_digraph(graph)
    data = _view_data(view)
    legend = [{"type": name, "colour": TYPE_COLOURS[name], "count": count}
              for name, count in _type_counts(view).items()]
    context: dict[str, Any] = {
        "title": title,
        "legend": legend,
        "node_count": view.number_of_nodes(),
        "edge_count": view.number_of_edges(),
        "fact_count": sum(len(facts) for _, _, facts in view.edges(data="facts")),
        "empty": view.number_of_nodes() == 0,
        "data_json": Markup(_script_json(data)),
    }
    if not context["empty"]:
        js, css = _vis_assets()
        context["vis_js"], context["vis_css"] = Markup(js), Markup(css)
    return _environment().get_template(TEMPLATE).render(**context)


def write_html(graph: Graph, path: Path, **kw: Any) -> None:
    """Render and write atomically: a temporary file beside `path`, then a rename over it."""
    html = render_html(graph, **kw)
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror} (does {path.parent} exist and is it writable?)") \
            from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(html)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the page is meant to be shared
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {path}: {exc.strerror}") from exc
        raise


def _predicate_label(predicate: Node) -> str:
    if predicate in _PREDICATE_LABELS:
        return _PREDICATE_LABELS[predicate]
    text = str(predicate)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def _file_name(graph: Graph, document: Node | None) -> str:
    if document is None:
        return ""
    name = graph.value(document, KG.fileName)
    return str(name) if name is not None else ""


def _provenance(graph: Graph, fact: Node) -> dict[str, str]:
    sentences = sorted(s for s in graph.objects(fact, PROV.wasDerivedFrom) if (s, RDF.type, NIF.Sentence) in graph)
    sentence = sentences[0] if sentences else None
    section = graph.value(fact, KG.section)
    if section is None and sentence is not None:
        section = graph.value(sentence, KG.section)
    anchor = graph.value(sentence, NIF.anchorOf) if sentence is not None else None
    context = graph.value(sentence, NIF.referenceContext) if sentence is not None else None
    values = {
        "sentence": anchor,
        "file": _file_name(graph, context) or None,
        "section": section,
        "qualifier": graph.value(fact, KG.qualifier),
        "rule": graph.value(fact, KG.rule),
        "confidence": graph.value(fact, KG.confidence),
    }
    return {key: str(value) for key, value in values.items() if value is not None}


def _object_text(graph: Graph, obj: Node) -> str:
    if isinstance(obj, Literal):
        return str(obj)
    for prop in (SCHEMA.text, SCHEMA.name):
        value = graph.value(obj, prop)
        if value is not None:
            return str(value)
    return str(obj)


def _record_key(record: dict[str, str]) -> tuple[str, ...]:
    # the full record breaks ties, so the order never depends on blank-node ids or parse order
    first = tuple(record.get(k, "") for k in ("predicate", "file", "section", "sentence", "text", "qualifier"))
    return (*first, json.dumps(record, sort_keys=True))


def _type_counts(view: nx.DiGraph) -> dict[str, int]:
    counts = {name: 0 for name in ENTITY_TYPES}
    for _, fine in view.nodes(data="type"):
        counts[fine] += 1
    return {name: count for name, count in counts.items() if count}


def _layout(view: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component, components packed in rows (largest first).

    Laid out together, disconnected components drift apart and the rescale squashes each one to a dot.
    """
    if view.number_of_nodes() == 0:
        return {}
    components = sorted((sorted(c) for c in nx.weakly_connected_components(view)), key=lambda c: (-len(c), c))
    boxes = []
    for nodes in components:
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        else:
            local = _spread(view.subgraph(nodes).to_undirected(as_view=True),
                            scale=NODE_SPACING * math.sqrt(len(nodes)))
        xs = [x for x, _ in local.values()]
        ys = [y for _, y in local.values()]
        boxes.append((local, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))

    row_width = max(max(w for *_, w, _ in boxes),
                    math.sqrt(sum((w + NODE_SPACING) * (h + NODE_SPACING) for *_, w, h in boxes)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, x0, y0, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + NODE_SPACING, 0.0
        for node, (px, py) in local.items():
            positions[node] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += width + NODE_SPACING
        row_height = max(row_height, height)
    return positions


def _spread(component: nx.Graph, *, scale: float) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions for one connected component (undirected: one-sided forces collapse links).

    networkx's spring_layout needs scipy from SPRING_LIMIT nodes up, which kg does not depend on; past
    that size the same dense algorithm runs here, so the layout never depends on what else is installed.
    """
    if len(component) < SPRING_LIMIT:
        positions = nx.spring_layout(component, seed=LAYOUT_SEED, method="force", scale=scale)
        return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
    import numpy as np

    nodes = list(component)
    adjacency = nx.to_numpy_array(component, nodelist=nodes, weight=None)
    pos = np.random.RandomState(LAYOUT_SEED).rand(len(nodes), 2)
    k = math.sqrt(1.0 / len(nodes))
    step = 0.1 * float(np.ptp(pos, axis=0).max())
    cooling = step / (FORCE_ITERATIONS + 1)
    for _ in range(FORCE_ITERATIONS):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.clip(np.linalg.norm(delta, axis=-1), 0.01, None)
        displacement = np.einsum("ijk,ij->ik", delta, k * k / distance**2 - adjacency * distance / k)
        length = np.clip(np.linalg.norm(displacement, axis=-1), 0.01, None)
        pos += displacement * (step / length)[:, np.newaxis]
        step -= cooling
    scaled = nx.rescale_layout(pos, scale=scale)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, scaled, strict=True)}


def _view_data(view: nx.DiGraph) -> dict[str, Any]:
    positions = _layout(view)
    nodes = []
    for node in sorted(view.nodes):
        attrs = view.nodes[node]
        x, y = positions[node]
        nodes.append({
            "id": node, "label": attrs["label"], "type": attrs["type"], "colour": TYPE_COLOURS[attrs["type"]],
            "x": x, "y": y, "size": round(12 + 4 * math.sqrt(view.degree(node)), 1),
            "aliases": attrs["aliases"], "files": attrs["files"], "statements": attrs["statements"],
        })
    edges = []
    for index, (source, target) in enumerate(sorted(view.edges)):
        facts = view.edges[source, target]["facts"]
        labels = sorted({f["predicate"] for f in facts})
        edges.append({"id": f"e{index}", "from": source, "to": target, "label": " / ".join(labels), "facts": facts})
    return {"nodes": nodes, "edges": edges}


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' survives to end the element."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    spec = importlib.util.find_spec("pyvis")  # locate without importing: pyvis pulls in IPython
    if spec is None or not spec.submodule_search_locations:
        raise ExportError("the HTML view needs pyvis (for its bundled vis-network); install kg's dependencies")
    folder = Path(next(iter(spec.submodule_search_locations))).joinpath(*VIS_DIR)
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot read vis-network from {folder}: {exc.strerror}") from exc
    # "<!--" would let a later "<script" swallow our closing tag
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
        raise ExportError(f"vis-network in {folder} cannot be inlined: it contains '</script', '<!--' or '</style'")
    return js, css


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kg", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

"""Stage: the graph as one self-contained, interactive HTML page, and a screenshot of it.

Works from any rdflib Graph in kg's vocabulary (so also from a saved graph.ttl). vis-network is
inlined from the copy pyvis ships; nothing is fetched from the network when the page is opened.
Positions and communities are computed here, so the page opens with physics off and no layout to run.
Output is deterministic: the same graph gives byte-identical HTML.
"""
from __future__ import annotations

import contextlib
import difflib
import importlib.util
import json
import math
import os
import shutil
import signal
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
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
from kg.io import write_bytes_atomic
from kg.vocab import ENTITY_TYPES, KG, NIF, PREDICATES, SCHEMA

TEMPLATE = "view.html.j2"
VIS_DIR = ("templates", "lib", "vis-9.1.2")
LAYOUT_SEED = 42
NODE_SPACING = 150  # pixels between neighbours, roughly
SPRING_LIMIT = 500  # networkx switches spring_layout to a scipy solver at this many nodes
FORCE_ITERATIONS = 50
# entities on a page of the whole graph: the size benchmarks/view_bench.py keeps under 3 s to interactive;
# past it a page shows the most connected ones and says how many there are
OVERVIEW_LIMIT = 5000
# statements of an entity and facts of a link the whole-graph view carries; a focused view carries them all
OVERVIEW_EVIDENCE = 10
FORCE_CHUNK = 128  # rows of the pairwise repulsion computed at once: small enough to stay in cache
COMMENT_SECTION = "comment"

# one colour per fine type, in ENTITY_TYPES order (Tableau 20, readable on white)
TYPE_COLOURS: dict[str, str] = dict(zip(ENTITY_TYPES, (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295", "#8cd17d",
), strict=True))

# one vis-network shape per broad kind, so type still reads where colours are hard to tell apart
TYPE_SHAPES: dict[str, str] = {
    "Person": "dot", "Organization": "square", "GovernmentBody": "square", "Practice": "square",
    "ThinkTank": "square", "Company": "square", "Publication": "square", "Place": "triangleDown",
    "Policy": "diamond", "Programme": "diamond", "Report": "triangle", "Legislation": "hexagon",
    "Commenter": "star",
}

# the same shapes for the legend, in a 14x14 SVG box
_SHAPE_ICONS: dict[str, str] = {
    "dot": '<circle cx="7" cy="7" r="6" fill="{colour}"/>',
    "square": '<rect x="1.5" y="1.5" width="11" height="11" fill="{colour}"/>',
    "diamond": '<polygon points="7,0.5 13.5,7 7,13.5 0.5,7" fill="{colour}"/>',
    "triangle": '<polygon points="7,1 13.5,12.5 0.5,12.5" fill="{colour}"/>',
    "triangleDown": '<polygon points="0.5,1.5 13.5,1.5 7,13" fill="{colour}"/>',
    "hexagon": '<polygon points="3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7" fill="{colour}"/>',
    "star": '<polygon points="7,0.5 8.8,5 13.5,5.2 9.8,8.2 11,13 7,10.3 3,13 4.2,8.2 0.5,5.2 5.2,5" fill="{colour}"/>',
}

CHROMIUM_NAMES = ("chromium", "chromium-browser")
SCREENSHOT_SIZE = (1600, 1000)
SCREENSHOT_TIMEOUT = 120.0  # seconds; a 5,000-entity page renders in a few
# --no-sandbox: containers (and root) often lack what the sandbox needs; the page is kg's own, offline
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
                 "--hide-scrollbars", "--mute-audio", "--force-device-scale-factor=1",
                 "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000")

_PREDICATE_LABELS: dict[URIRef, str] = {prop: label for prop, label in PREDICATES.values()}


@dataclass(frozen=True)
class ViewResult:
    """A page written by write_view."""

    path: Path
    entities: int
    links: int
    focus: tuple[str, ...] = ()  # labels of the entities an ego view starts from
    depth: int | None = None

    def summary(self) -> str:
        line = f"wrote {self.path}: {self.entities} entities, {self.links} links"
        if self.focus:
            line += f" within {self.depth} link{'' if self.depth == 1 else 's'} of {', '.join(self.focus)}"
        return line


@dataclass(frozen=True)
class Screenshot:
    """A PNG of a page, or why none was taken (a missing browser is not an error)."""

    path: Path | None
    reason: str = ""


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


def to_digraph(graph: Graph, *, limit: int | None = None, evidence: int | None = None) -> nx.DiGraph:
    """Entities as nodes, kg:Facts between two entities as edges (all facts of a pair on one edge); with
    `limit`, only the `limit` most connected entities (see `most_connected`) and the links among them.

    Node attributes: label, type, aliases, files, statements (facts whose object is text or a quotation).
    Edge attribute: facts, each a dict of predicate label, qualifier and evidence. Graph attribute:
    entity_count, the entities of the whole graph. With `evidence`, a node keeps at most that many statements
    and an edge that many facts (the first by fact IRI), and `more` counts the ones left out.
    """
    if not isinstance(graph, Graph):
        raise ExportError(f"expected an rdflib.Graph to view, got {type(graph).__name__}")
    entities = {}
    for node in sorted({s for s in graph.subjects(SCHEMA.name) if isinstance(s, URIRef)}):
        fine = entity_type(set(graph.objects(node, RDF.type)))
        if fine is not None:
            entities[str(node)] = (node, fine)
    facts = []
    for fact in sorted(graph.subjects(RDF.type, KG.Fact)):
        subject = graph.value(fact, RDF.subject)
        predicate = graph.value(fact, RDF.predicate)
        obj = graph.value(fact, RDF.object)
        if subject is None or predicate is None or obj is None or str(subject) not in entities:
            continue
        facts.append((fact, str(subject), predicate, obj, isinstance(obj, URIRef) and str(obj) in entities))
    # the evidence of every fact is read only for the entities shown: at tens of thousands of documents the
    # records of the others would take gigabytes
    shown = _most_connected_keys(entities, facts, limit) if limit is not None else set(entities)
    view = nx.DiGraph(entity_count=len(entities))
    for key in sorted(shown):
        node, fine = entities[key]
        label = min(str(n) for n in graph.objects(node, SCHEMA.name))
        aliases = sorted({str(a) for a in graph.objects(node, SCHEMA.alternateName)} - {label})
        files = sorted({_file_name(graph, doc) for doc in graph.subjects(SCHEMA.mentions, node)} - {""})
        view.add_node(key, label=label, type=fine, aliases=aliases, files=files, statements=[], more=0)

    edge_facts: dict[tuple[str, str], list[dict[str, str]]] = {}
    counted: Counter = Counter()
    for fact, subject, predicate, obj, linked in facts:
        if subject not in shown or (linked and str(obj) not in shown):
            continue
        where = (subject, str(obj)) if linked else subject
        counted[where] += 1
        if evidence is not None and counted[where] > evidence:
            continue  # counted, not read: at 10,000 pages the evidence of every fact is gigabytes in a browser
        record = {"predicate": _predicate_label(predicate), **_provenance(graph, fact)}
        if linked:
            edge_facts.setdefault((subject, str(obj)), []).append(record)
        else:
            record["text"] = _object_text(graph, obj)
            view.nodes[subject]["statements"].append(record)

    for node in view.nodes:
        view.nodes[node]["statements"].sort(key=_record_key)
        view.nodes[node]["more"] = counted[node] - len(view.nodes[node]["statements"])
    for (source, target), facts in sorted(edge_facts.items()):
        view.add_edge(source, target, facts=sorted(facts, key=_record_key),
                      more=counted[source, target] - len(facts))
    return view


def neighbourhood(view: nx.DiGraph, focus: str, depth: int = 1) -> tuple[nx.DiGraph, tuple[str, ...]]:
    """The entities within `depth` links (either direction) of every entity called `focus`, and those entities.

    `focus` matches a name, an alias or an IRI, ignoring case; a name several entities share starts from all of them.
    """
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise ExportError(f"depth must be a whole number, 0 or more; got {depth!r}")
    wanted = focus.strip().casefold()
    centres = tuple(sorted(node for node, attrs in view.nodes(data=True)
                           if wanted in {node.casefold(), attrs["label"].casefold(),
                                         *(a.casefold() for a in attrs["aliases"])}))
    if not wanted or not centres:
        names = sorted({attrs["label"] for _, attrs in view.nodes(data=True)})
        close = difflib.get_close_matches(focus.strip(), names, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise ExportError(f"no entity called {focus!r} in the graph{hint}")
    undirected = _undirected(view)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return _induced(view, keep), centres


def render_html(graph: Graph, *, title: str = "kg", focus: str | None = None, depth: int = 1,
                limit: int = OVERVIEW_LIMIT) -> str:
    """One self-contained HTML page showing the graph (at most `limit` entities, the most connected), or the
    neighbourhood of `focus`.

    A graph with no entities gives a page saying so.
    """
    return _render(graph, title=title, focus=focus, depth=depth, limit=limit)[0]


def most_connected(view: nx.DiGraph, limit: int) -> nx.DiGraph:
    """The `limit` entities with the most links and statements (ties by IRI), with the links among them."""
    if view.number_of_nodes() <= limit:
        return view
    ranked = sorted(view.nodes, key=lambda n: (-(view.degree(n) + len(view.nodes[n]["statements"])), n))
    return _induced(view, set(ranked[:limit]))


def _most_connected_keys(entities: dict, facts: list[tuple], limit: int) -> set[str]:
    """The nodes `most_connected` keeps, counted from the facts alone: links (a pair's facts are one link,
    counted at both ends; a link to itself twice, as networkx counts degree) and statements."""
    if len(entities) <= limit:
        return set(entities)
    score = dict.fromkeys(entities, 0)
    links = set()
    for _, subject, _, obj, linked in facts:
        if not linked:
            score[subject] += 1
        elif (subject, str(obj)) not in links:
            links.add((subject, str(obj)))
            score[subject] += 1
            score[str(obj)] += 1
    return set(sorted(score, key=lambda n: (-score[n], n))[:limit])


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


def write_view(graph_path: Path, out: Path, *, focus: str | None = None, depth: int = 1) -> ViewResult:
    """The page of a saved graph file (or of one entity's neighbourhood in it), written atomically to `out`."""
    from kg.query import load_graph

    graph_path, out = Path(graph_path), Path(out)
    graph = load_graph(graph_path)
    title = f"kg: {focus.strip()} ({graph_path.name})" if focus is not None else f"kg: {graph_path.name}"
    html, view, centres = _render(graph, title=title, focus=focus, depth=depth)
    if not out.parent.is_dir():
        raise ExportError(f"cannot write {out}: directory {out.parent} does not exist")
    write_bytes_atomic(out, html.encode("utf-8"))
    labels = tuple(view.nodes[c]["label"] for c in centres)
    return ViewResult(out, view.number_of_nodes(), view.number_of_edges(), labels, depth if centres else None)


def find_chromium() -> str | None:
    """The chromium on PATH, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html_path: Path, png_path: Path, *, chromium: str | None = None) -> Screenshot:
    """Open a page in headless chromium and save what it shows as a PNG, written atomically.

    No chromium, or a chromium that shows nothing, gives a Screenshot without a path and the reason.
    """
    html_path, png_path = Path(html_path).resolve(), Path(png_path)
    if not html_path.is_file():  # chromium would take a picture of its own error page
        raise ExportError(f"cannot take a screenshot of {html_path}: no such file")
    chromium = chromium or find_chromium()
    if chromium is None:
        return Screenshot(None, f"no {' or '.join(CHROMIUM_NAMES)} on PATH")
    width, height = SCREENSHOT_SIZE
    with tempfile.TemporaryDirectory(prefix="kg-shot-") as scratch:
        shot = Path(scratch) / "shot.png"
        argv = [chromium, *CHROMIUM_ARGS, f"--user-data-dir={Path(scratch) / 'profile'}",
                f"--window-size={width},{height}", f"--screenshot={shot}", html_path.as_uri()]
        try:
            # a session of its own, so a hung browser is stopped with every process it started
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, start_new_session=True)
        except OSError as exc:
            return Screenshot(None, f"cannot run {chromium}: {exc.strerror or exc}")
        try:
            _, stderr = process.communicate(timeout=SCREENSHOT_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return Screenshot(None, f"{chromium} took more than {SCREENSHOT_TIMEOUT:.0f} s")
        data = shot.read_bytes() if shot.is_file() else b""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        last = (stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        return Screenshot(None, f"{chromium} exited with status {process.returncode} and saved no PNG"
                                + (f" ({last})" if last else ""))
    write_bytes_atomic(png_path, data)
    return Screenshot(png_path)


def _render(graph: Graph, *, title: str, focus: str | None, depth: int,
            limit: int = OVERVIEW_LIMIT) -> tuple[str, nx.DiGraph, tuple[str, ...]]:
    if not isinstance(title, str):
        raise ExportError(f"title must be a string, got {type(title).__name__}")
    if focus is not None and not isinstance(focus, str):
        raise ExportError(f"focus must be a name, got {type(focus).__name__}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ExportError(f"limit must be a whole number of entities, 1 or more; got {limit!r}")
    centres: tuple[str, ...] = ()
    if focus is not None:
        view = to_digraph(graph)
        total = view.number_of_nodes()
        view, centres = neighbourhood(view, focus, depth)
    else:
        view = to_digraph(graph, limit=limit, evidence=OVERVIEW_EVIDENCE)
        total = view.graph["entity_count"]
    data = _view_data(view, centres)
    context: dict[str, Any] = {
        "title": title,
        "legend": [{"type": name, "colour": TYPE_COLOURS[name], "count": count,
                    "icon": Markup(_SHAPE_ICONS[TYPE_SHAPES[name]].format(colour=TYPE_COLOURS[name]))}
                   for name, count in _type_counts(view).items()],
        "relations": _relations(view),
        "documents": _documents(view),
        "focus": [view.nodes[c]["label"] for c in centres],
        "depth": depth,
        "node_count": view.number_of_nodes(),
        "total_count": total if focus is None and total > view.number_of_nodes() else 0,
        "edge_count": view.number_of_edges(),
        "fact_count": sum(len(facts) for _, _, facts in view.edges(data="facts")),
        "empty": view.number_of_nodes() == 0,
        "data_json": Markup(_script_json(data)),
    }
    if not context["empty"]:
        js, css = _vis_assets()
        context["vis_js"], context["vis_css"] = Markup(js), Markup(css)
    return _environment().get_template(TEMPLATE).render(**context), view, centres


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


def _relations(view: nx.DiGraph) -> list[dict[str, Any]]:
    """Each relation on an edge, with how many facts between entities it has."""
    counts: dict[str, int] = {}
    for _, _, facts in view.edges(data="facts"):
        for fact in facts:
            counts[fact["predicate"]] = counts.get(fact["predicate"], 0) + 1
    return [{"name": name, "count": counts[name]} for name in sorted(counts)]


def _documents(view: nx.DiGraph) -> list[dict[str, Any]]:
    """Each document an entity is mentioned in or a fact comes from, with how many facts come from it."""
    counts: dict[str, int] = {}
    for _, attrs in view.nodes(data=True):
        for name in attrs["files"]:
            counts.setdefault(name, 0)
        for fact in attrs["statements"]:
            if "file" in fact:
                counts[fact["file"]] = counts.get(fact["file"], 0) + 1
    for _, _, facts in view.edges(data="facts"):
        for fact in facts:
            if "file" in fact:
                counts[fact["file"]] = counts.get(fact["file"], 0) + 1
    return [{"name": name, "count": counts[name]} for name in sorted(counts)]


def _comment_only(view: nx.DiGraph, node: str) -> bool:
    """A reader, or an entity whose every fact comes from reader comments (mentions carry no section)."""
    if view.nodes[node]["type"] == "Commenter":
        return True
    sections = {f.get("section") for f in view.nodes[node]["statements"]}
    for source, target in (*view.out_edges(node), *view.in_edges(node)):
        sections.update(f.get("section") for f in view.edges[source, target]["facts"])
    return sections == {COMMENT_SECTION}


def _communities(view: nx.DiGraph) -> dict[str, int]:
    """Louvain communities, numbered largest first; -1 for an entity with no community of two or more."""
    if view.number_of_edges() == 0:
        return {node: -1 for node in view}
    found = nx.community.louvain_communities(_undirected(view), seed=LAYOUT_SEED)
    ordered = sorted((sorted(c) for c in found if len(c) > 1), key=lambda c: (-len(c), c[0]))
    numbers = {node: -1 for node in view}
    for number, members in enumerate(ordered):
        for node in members:
            numbers[node] = number
    return numbers


# networkx's undirected view of a directed graph lists a node's neighbours from a set of names, and its subgraph
# of a few nodes lists them from the set it was given: either order changes with each process's string hashing,
# and Louvain, the layout's sums and so the page follow it. These copies keep the view's own order.
def _undirected(view: nx.DiGraph) -> nx.Graph:
    undirected = nx.Graph()
    undirected.add_nodes_from(view.nodes)
    undirected.add_edges_from(view.edges)
    return undirected


def _induced(view: nx.DiGraph, keep: set[str]) -> nx.DiGraph:
    part = nx.DiGraph(**view.graph)
    part.add_nodes_from((node, attrs) for node, attrs in view.nodes(data=True) if node in keep)
    part.add_edges_from((a, b, attrs) for a, b, attrs in view.edges(data=True) if a in keep and b in keep)
    return part


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
            local = _spread(_undirected(_induced(view, set(nodes))),
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
    that size the same algorithm runs here, so the layout never depends on what else is installed. It
    pulls along the edge list rather than a dense adjacency matrix and repels in float32 blocks of rows:
    a 5,000-entity component takes seconds, not minutes.
    """
    if len(component) < SPRING_LIMIT:
        positions = nx.spring_layout(component, seed=LAYOUT_SEED, method="force", scale=scale)
        return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
    import numpy as np

    nodes = list(component)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in component.edges() if a != b], dtype=np.intp).reshape(-1, 2)
    count = len(nodes)
    pos = np.random.RandomState(LAYOUT_SEED).rand(count, 2)
    k = math.sqrt(1.0 / count)
    k2 = np.float32(k * k)
    step = 0.1 * float(np.ptp(pos, axis=0).max())
    cooling = step / (FORCE_ITERATIONS + 1)
    for _ in range(FORCE_ITERATIONS):
        x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        displacement = np.empty_like(pos)
        for lo in range(0, count, FORCE_CHUNK):
            dx = x[lo:lo + FORCE_CHUNK, np.newaxis] - x[np.newaxis, :]
            dy = y[lo:lo + FORCE_CHUNK, np.newaxis] - y[np.newaxis, :]
            weight = dx * dx
            weight += dy * dy
            np.maximum(weight, np.float32(1e-4), out=weight)  # distance at least 0.01, as networkx does
            np.divide(k2, weight, out=weight)
            displacement[lo:lo + FORCE_CHUNK, 0] = (dx * weight).sum(axis=1)
            displacement[lo:lo + FORCE_CHUNK, 1] = (dy * weight).sum(axis=1)
        delta = pos[ends[:, 0]] - pos[ends[:, 1]]
        pull = delta * (np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01) / k)[:, np.newaxis]
        np.subtract.at(displacement, ends[:, 0], pull)
        np.add.at(displacement, ends[:, 1], pull)
        length = np.maximum(np.hypot(displacement[:, 0], displacement[:, 1]), 0.01)
        pos += displacement * (step / length)[:, np.newaxis]
        step -= cooling
    scaled = nx.rescale_layout(pos, scale=scale)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, scaled, strict=True)}


def _view_data(view: nx.DiGraph, centres: tuple[str, ...] = ()) -> dict[str, Any]:
    positions = _layout(view)
    communities = _communities(view)
    nodes = []
    for node in sorted(view.nodes):
        attrs = view.nodes[node]
        x, y = positions[node]
        nodes.append({
            "id": node, "label": attrs["label"], "type": attrs["type"], "colour": TYPE_COLOURS[attrs["type"]],
            "shape": TYPE_SHAPES[attrs["type"]], "x": x, "y": y,
            "size": round(12 + 4 * math.sqrt(view.degree(node)), 1), "community": communities[node],
            "comment_only": _comment_only(view, node),
            "aliases": attrs["aliases"], "files": attrs["files"], "statements": attrs["statements"],
            "more": attrs.get("more", 0),
        })
    edges = []
    for index, (source, target) in enumerate(sorted(view.edges)):
        facts = view.edges[source, target]["facts"]
        labels = sorted({f["predicate"] for f in facts})
        edges.append({"id": f"e{index}", "from": source, "to": target, "label": " / ".join(labels), "facts": facts,
                      "more": view.edges[source, target].get("more", 0)})
    return {"nodes": nodes, "edges": edges, "focus": list(centres)}


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

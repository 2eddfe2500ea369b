"""How long a big graph view takes to become interactive in headless Chromium.

Builds a synthetic knowledge graph (5,000 entities, 15,000 links by default; every link one fact with
an evidence sentence), renders it with kg.view.render_html, and opens the page in headless Chromium
with every request except the file itself aborted. Time to interactive is the time from the start of
navigation to the page's first drawn frame (window.kgReady, set on vis-network's first afterDrawing
event, after every handler is attached); it is read from the page's own clock (performance.now(),
whose origin is the navigation start) and checked against the wall clock around page.goto. After
that, a search and a click on a node are timed until the side panel shows the entity.

Not a unit test: run it by hand and copy the figures into benchmarks/README.md.

    .venv/bin/python benchmarks/view_bench.py [--nodes 5000] [--edges 15000] [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import ARTICLE, COMMENT, Document, Entity, Fact, KnowledgeGraph, Segment, Sentence  # noqa: E402
from kg.rdf import to_rdf  # noqa: E402
from kg.view import render_html  # noqa: E402
from kg.vocab import ENTITY_TYPES, PREDICATES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
VIEWPORT = {"width": 1600, "height": 1000}
SEED = 7
# roughly the mix of the seeds: people and organisations first
TYPE_WEIGHTS = {"Person": 30, "Organization": 15, "GovernmentBody": 8, "Company": 5, "Commenter": 15, "Policy": 10,
                "Programme": 5, "Report": 5, "Place": 5, "ThinkTank": 1, "Practice": 1}


def synthetic_graph(n_nodes: int, n_edges: int, n_documents: int = 50, seed: int = SEED) -> KnowledgeGraph:
    """n_nodes entities and n_edges distinct (subject, object) pairs, one fact each, in n_documents documents."""
    if n_edges > n_nodes * (n_nodes - 1):
        raise SystemExit(f"{n_edges} links do not fit between {n_nodes} entities")
    rng = random.Random(seed)
    text = "x" * 400
    documents = tuple(Document(doc_id=f"doc-{d:03d}", path=f"bench/doc-{d:03d}.txt", text=text,
                               segments=(Segment(0, 300, ARTICLE), Segment(300, 400, COMMENT, comment_index=1)))
                      for d in range(n_documents))
    types = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()), k=n_nodes)
    entities = tuple(
        Entity(f"{ENTITY_TYPES[t][0]}/entity-{i:05d}", f"{t} {i}", t, (f"{t} {i}", f"E{i}"),
               (f"doc-{rng.randrange(n_documents):03d}",))
        for i, t in enumerate(types))
    predicates = sorted(p for p in PREDICATES if p != "said")
    pairs: set[tuple[int, int]] = set()
    # a few hubs, as in news (NHS England, the BMA): half the links touch the first 2% of entities
    hubs = max(1, n_nodes // 50)
    while len(pairs) < n_edges:
        a = rng.randrange(hubs) if rng.random() < 0.25 else rng.randrange(n_nodes)
        b = rng.randrange(hubs) if rng.random() < 0.25 else rng.randrange(n_nodes)
        if a != b:
            pairs.add((a, b))
    facts = []
    for k, (a, b) in enumerate(sorted(pairs)):
        in_comment = rng.random() < 0.2
        start = 300 + k % 50 if in_comment else k % 250
        sentence = Sentence(doc_id=f"doc-{rng.randrange(n_documents):03d}", section=COMMENT if in_comment else ARTICLE,
                            start=start, end=start + 40,
                            text=f"{entities[a].label} and {entities[b].label}, sentence {k}.",
                            comment_index=1 if in_comment else None)
        facts.append(Fact(entities[a].key, rng.choice(predicates), entities[b].key, sentence, "bench.rule", 0.5))
    return KnowledgeGraph(documents=documents, entities=entities, facts=tuple(facts))


def measure(html_path: Path, runs: int, expected: tuple[int, int]) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    url = html_path.as_uri()
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport=VIEWPORT)
                blocked: list[str] = []
                errors: list[str] = []

                def route(r, blocked=blocked):
                    if r.request.url == url:
                        r.continue_()
                    else:
                        blocked.append(r.request.url)
                        r.abort()

                page.route("**/*", route)
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                started = time.perf_counter()
                page.goto(url, wait_until="commit")
                page.wait_for_function("window.kgReady !== undefined", polling=5, timeout=120_000)
                wall = time.perf_counter() - started
                ready = page.evaluate("window.kgReady") / 1000
                counts = page.evaluate("window.kgView.visibleCounts()")
                if (counts["nodes"], counts["edges"]) != expected or blocked or errors:
                    raise SystemExit(f"bad page: counts {counts}, blocked {blocked}, errors {errors}")

                label = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes[1234].label")
                search = page.evaluate("""label => {
                    const t = performance.now();
                    window.kgView.search(label);
                    return new Promise(resolve => requestAnimationFrame(() => resolve(performance.now() - t)));
                }""", label) / 1000
                # a real click through the canvas on another node in view, until the side panel names it
                target = page.evaluate("""() => {
                    const net = window.kgNetwork, canvas = document.querySelector('#kg-network canvas');
                    const selected = net.getSelectedNodes()[0];
                    for (const id of net.body.nodeIndices) {
                        const p = net.canvasToDOM(net.getPosition(id));
                        if (id !== selected && p.x > 20 && p.y > 20 && p.x < canvas.clientWidth - 20
                                && p.y < canvas.clientHeight - 20 && net.getNodeAt(p) === id) {
                            return {label: net.body.data.nodes.get(id).label, x: p.x, y: p.y};
                        }
                    }
                    return null;
                }""")
                if target is None:
                    raise SystemExit("no node in view to click")
                box = page.locator("#kg-network canvas").bounding_box()
                started = time.perf_counter()
                page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
                page.wait_for_function("label => document.querySelector('#kg-details .kg-head').textContent === label",
                                       arg=target["label"], polling=5)
                click = time.perf_counter() - started
                results.append({"wall": wall, "ready": ready, "search": search, "click": click})
                page.close()
        finally:
            browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    graph = to_rdf(synthetic_graph(args.nodes, args.edges))
    started = time.perf_counter()
    html = render_html(graph, title=f"benchmark: {args.nodes} entities, {args.edges} links")
    render = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        path = Path(folder) / "bench.html"
        path.write_text(html, encoding="utf-8")
        results = measure(path, args.runs, (args.nodes, args.edges))

    def column(key: str) -> str:
        values = [r[key] for r in results]
        return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"

    print(f"graph: {args.nodes} entities, {args.edges} links; page {len(html) / 1e6:.1f} MB; "
          f"render_html {render:.1f} s (layout, communities, JSON) on Python {platform.python_version()}")
    print(f"time to interactive over {args.runs} loads, page clock: {column('ready')}")
    print(f"time to interactive, wall clock around page.goto:  {column('wall')}")
    print(f"search to next frame: {column('search')}; click to side panel: {column('click')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

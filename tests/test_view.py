"""The HTML view: graph extraction, a self-contained deterministic page, and a real offline browser."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kg.errors import ExportError
from kg.model import ARTICLE, Document, Entity, Fact, KnowledgeGraph, Segment, Sentence
from kg.rdf import serialize, to_rdf
from kg.view import TYPE_COLOURS, entity_type, render_html, to_digraph, write_html
from kg.vocab import KG, KGR, SCHEMA
from tests.fixtures.mini import mini_graph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
DATA_RE = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
IMG_XSS = '<img src=x onerror="window.__xss=1">'
SCRIPT_XSS = "<script>window.__xss=1</script>"


@pytest.fixture(scope="module")
def mini_rdf() -> Graph:
    return to_rdf(mini_graph())


@pytest.fixture(scope="module")
def mini_html(mini_rdf: Graph) -> str:
    return render_html(mini_rdf, title="Mini")


def page_data(html: str) -> dict:
    match = DATA_RE.search(html)
    assert match, "no kg-data JSON block in the page"
    return json.loads(match.group(1))


class ScriptBlocks(HTMLParser):
    """The script elements as a browser's tokenizer splits them: (type attribute, text)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.blocks: list[tuple[str | None, str]] = []
        self._open: str | None | bool = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = dict(attrs).get("type")
            self.blocks.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not False:
            kind, text = self.blocks[-1]
            self.blocks[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = False


def node_by_label(data: dict, label: str) -> dict:
    return next(n for n in data["nodes"] if n["label"] == label)


def one_fact_graph(name: str, sentence: str, quote: str = "a quote") -> KnowledgeGraph:
    """Two entities, one fact between them and one quotation, with `name` and `sentence` as given."""
    text = f"{sentence}\n\n{quote}"
    doc = Document(doc_id="doc-x", path="doc-x.txt", text=text, segments=(Segment(0, len(text), ARTICLE),))
    s = Sentence(doc_id="doc-x", section=ARTICLE, start=0, end=len(sentence), text=sentence)
    entities = (
        Entity("person/x", name, "Person", (name,), ("doc-x",)),
        Entity("org/y", f"{name} Trust", "Organization", (f"{name} Trust",), ("doc-x",)),
    )
    facts = (
        Fact("person/x", "criticises", "org/y", s, "stance.verb", 0.7, cue="criticises"),
        Fact("person/x", "said", quote, s, "quotes.colon", 0.9, object_is_literal=True,
             start=len(sentence) + 2, end=len(text)),
    )
    return KnowledgeGraph(documents=(doc,), entities=entities, facts=facts)


# --- the graph the view is built from ---------------------------------------------------------------

def test_counts_from_mini(mini_rdf: Graph) -> None:
    view = to_digraph(mini_rdf)
    # 10 entities; 9 facts between entities on 8 pairs (two holdsRole facts share Priya -> MedaCloud); 'said' is no edge
    assert (view.number_of_nodes(), view.number_of_edges()) == (10, 8)
    assert sum(len(facts) for _, _, facts in view.edges(data="facts")) == 9


def test_page_data_counts(mini_html: str) -> None:
    data = page_data(mini_html)
    assert (len(data["nodes"]), len(data["edges"])) == (10, 8)
    assert "10 entities, 8 links, 9 facts between entities" in mini_html


@pytest.mark.parametrize(("classes", "expected"), [
    ({SCHEMA.Person}, "Person"),
    ({SCHEMA.Organization}, "Organization"),
    ({SCHEMA.Organization, SCHEMA.GovernmentOrganization}, "GovernmentBody"),
    ({SCHEMA.GovernmentOrganization}, "GovernmentBody"),
    ({SCHEMA.Organization, SCHEMA.Corporation}, "Company"),
    ({SCHEMA.Organization, KG.ThinkTank, SCHEMA.Thing}, "ThinkTank"),
    ({KG.Programme, SKOS.Concept}, "Programme"),
    ({KG.Policy, SKOS.Concept}, "Policy"),
    ({KG.Commenter, PROV.Agent}, "Commenter"),
    ({SCHEMA.NewsArticle}, None),
    (set(), None),
])
def test_entity_type_most_specific(classes: set, expected: str | None) -> None:
    assert entity_type(classes) == expected


@pytest.mark.parametrize(("label", "expected"), [
    ("NHS England", "GovernmentBody"),
    ("Royal College of General Practitioners", "Organization"),
    ("MedaCloud", "Company"),
    ("Northgate Institute", "ThinkTank"),
    ("GP Reader", "Commenter"),
    ("GMS contract", "Policy"),
    ("Northgate Institute report", "Report"),
])
def test_fine_types_in_page(mini_html: str, label: str, expected: str) -> None:
    node = node_by_label(page_data(mini_html), label)
    assert (node["type"], node["colour"]) == (expected, TYPE_COLOURS[expected])


def test_edge_carries_every_fact_with_evidence(mini_html: str) -> None:
    data = page_data(mini_html)
    priya, medacloud = node_by_label(data, "Priya Natarajan")["id"], node_by_label(data, "MedaCloud")["id"]
    edge = next(e for e in data["edges"] if (e["from"], e["to"]) == (priya, medacloud))
    assert edge["label"] == "holds role"
    assert [(f["qualifier"], f["file"], f["section"], f["sentence"]) for f in edge["facts"]] == [
        ("medical director", "doc-a.txt", "article",
         "Dr Priya Natarajan, medical director of MedaCloud, said: \u2018We welcome the report.\u2019"),
        ("chief executive", "doc-b.txt", "article", "Priya Natarajan is chief executive of MedaCloud."),
    ]


def test_comment_fact_keeps_its_section(mini_html: str) -> None:
    data = page_data(mini_html)
    reader = node_by_label(data, "GP Reader")["id"]
    (edge,) = [e for e in data["edges"] if e["from"] == reader]
    assert [(f["predicate"], f["section"]) for f in edge["facts"]] == [("criticises", "comment")]


def test_quotation_goes_to_the_speaker_not_an_edge(mini_html: str) -> None:
    data = page_data(mini_html)
    priya = node_by_label(data, "Priya Natarajan")
    assert [(s["predicate"], s["text"], s["file"]) for s in priya["statements"]] == [
        ("said", "We welcome the report.", "doc-a.txt")]
    assert priya["aliases"] == ["Dr Priya Natarajan"]
    assert priya["files"] == ["doc-a.txt", "doc-b.txt"]
    assert not any(e["label"] == "said" for e in data["edges"])


def test_literal_object_becomes_a_statement() -> None:
    graph = to_rdf(mini_graph())
    fact, person = KGR["fact/literal"], KGR["person/priya-natarajan"]
    for triple in [(fact, RDF.type, KG.Fact), (fact, RDF.subject, person), (fact, RDF.predicate, KG.supports),
                   (fact, RDF.object, Literal("more funding for practices"))]:
        graph.add(triple)
    statements = to_digraph(graph).nodes[str(person)]["statements"]
    assert ("supports", "more funding for practices") in [(s["predicate"], s["text"]) for s in statements]


def test_sizes_grow_with_degree(mini_html: str) -> None:
    data = page_data(mini_html)
    assert node_by_label(data, "Northgate Institute report")["size"] > node_by_label(data, "GP Reader")["size"]


def test_positions_are_distinct(mini_html: str) -> None:
    positions = [(n["x"], n["y"]) for n in page_data(mini_html)["nodes"]]
    assert len(set(positions)) == len(positions)


def star_graph(size: int) -> KnowledgeGraph:
    """One connected component: entity 0 criticises every other entity."""
    sentence = Sentence(doc_id="doc-s", section=ARTICLE, start=0, end=4, text="Star")
    doc = Document(doc_id="doc-s", path="doc-s.txt", text="Star", segments=(Segment(0, 4, ARTICLE),))
    entities = tuple(Entity(f"person/p{i}", f"P{i}", "Person", (), ("doc-s",)) for i in range(size))
    facts = tuple(Fact("person/p0", "criticises", e.key, sentence, "stance.verb", 0.5) for e in entities[1:])
    return KnowledgeGraph(documents=(doc,), entities=entities, facts=facts)


def test_large_component_is_laid_out() -> None:
    # past 500 nodes networkx's spring_layout wants scipy, which kg does not depend on
    graph = to_rdf(star_graph(520))
    html = render_html(graph)
    nodes = page_data(html)["nodes"]
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes) == 520
    assert render_html(graph) == html


# --- the page -------------------------------------------------------------------------------------

def test_legend_lists_the_types_present(mini_html: str) -> None:
    legend = re.findall(r'<li data-type="(\w+)"><span class="swatch" style="background: (#[0-9a-f]{6})">', mini_html)
    assert legend == [(t, TYPE_COLOURS[t]) for t in ("Person", "Organization", "GovernmentBody", "ThinkTank",
                                                     "Company", "Policy", "Report", "Commenter")]


def test_deterministic(mini_rdf: Graph) -> None:
    assert render_html(mini_rdf) == render_html(mini_rdf)


def test_same_page_from_reparsed_turtle(mini_rdf: Graph) -> None:
    reparsed = Graph().parse(data=serialize(mini_rdf), format="turtle")
    assert render_html(reparsed) == render_html(mini_rdf)


def test_nothing_loaded_from_the_network(mini_html: str) -> None:
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", mini_html, re.I)
    assert not re.search(r"<link\b", mini_html, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", mini_html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", mini_html, re.I)
    assert "vis.Network" in mini_html and ".vis-network" in mini_html  # inlined, not linked


@pytest.mark.parametrize("nasty", [
    "</script><script>window.__xss=1</script>",
    "</SCRIPT >",
    "<!-- <script>",
    "a & b &amp; c",
    "line\u2028separator \u2029 and \u00e9",
    IMG_XSS,
])
def test_json_data_escaping(nasty: str) -> None:
    html = render_html(to_rdf(one_fact_graph(f"Dr {nasty}", f"Dr {nasty} criticises {nasty} Trust.")))
    match = DATA_RE.search(html)
    assert match
    block = match.group(1)
    assert not re.search(r"[<>&]", block)
    assert nasty not in html
    data = json.loads(block)
    assert {n["label"] for n in data["nodes"]} == {f"Dr {nasty}", f"Dr {nasty} Trust"}
    assert data["edges"][0]["facts"][0]["sentence"] == f"Dr {nasty} criticises {nasty} Trust."
    # the tokenizer still sees exactly the template's three scripts, the first holding all the data
    blocks = ScriptBlocks(html).blocks
    assert [kind for kind, _ in blocks] == ["application/json", None, None]
    assert json.loads(blocks[0][1]) == data


def test_title_is_escaped(mini_rdf: Graph) -> None:
    html = render_html(mini_rdf, title="GP <b>news</b> & more")
    assert "<title>GP &lt;b&gt;news&lt;/b&gt; &amp; more</title>" in html
    assert "<b>news</b>" not in html


@pytest.mark.parametrize("graph", [
    Graph(),
    Graph().parse(data="@prefix s: <https://schema.org/> . <urn:x> s:name 'not an entity' ; a s:NewsArticle .",
                  format="turtle"),
], ids=["no-triples", "no-entities"])
def test_empty_graph(graph: Graph) -> None:
    html = render_html(graph, title="Empty")
    assert "The graph is empty" in html
    assert "0 entities, 0 links" in html
    assert "vis.Network" not in html and not DATA_RE.search(html)


@pytest.mark.parametrize(("graph", "kw", "message"), [
    ("graph.ttl", {}, "expected an rdflib.Graph to view, got str"),
    (Graph(), {"title": None}, "title must be a string, got NoneType"),
])
def test_bad_input(graph: object, kw: dict, message: str) -> None:
    with pytest.raises(ExportError, match=re.escape(message)):
        render_html(graph, **kw)  # type: ignore[arg-type]


def test_write_html_is_atomic_and_complete(tmp_path: Path, mini_rdf: Graph) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old")
    write_html(mini_rdf, out, title="Mini")
    assert out.read_text(encoding="utf-8") == render_html(mini_rdf, title="Mini")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_html_failure_leaves_old_file(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old")
    with pytest.raises(ExportError):
        write_html("not a graph", out)  # type: ignore[arg-type]
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_html_missing_directory(tmp_path: Path, mini_rdf: Graph) -> None:
    out = tmp_path / "missing" / "graph.html"
    with pytest.raises(ExportError, match=re.escape(f"cannot write {out}: No such file or directory")):
        write_html(mini_rdf, out)


# --- a real, offline browser ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():  # fail, never skip: the HTML must be checked in a browser
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium (make browser)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class LoadedPage:
    """A page opened from a file:// URL with every other request aborted and recorded."""

    def __init__(self, browser, html: str, folder: Path) -> None:
        path = folder / "view.html"
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.blocked: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.route("**/*", self._route)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def offline_and_clean(self) -> None:
        assert self.blocked == []
        assert [u for u in self.requests if u != self.url] == []
        assert self.errors == []

    def hover(self, canvas_point_js: str) -> None:
        """Move the mouse to a canvas point computed in the page, and wait for the tooltip."""
        point = self.page.evaluate(f"(() => window.kgNetwork.canvasToDOM({canvas_point_js}))()")
        box = self.page.locator("#kg-network canvas").bounding_box()
        self.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])

    def click(self, canvas_point_js: str) -> None:
        point = self.page.evaluate(f"(() => window.kgNetwork.canvasToDOM({canvas_point_js}))()")
        box = self.page.locator("#kg-network canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def close(self) -> None:
        self.page.close()


@pytest.mark.browser
def test_page_in_browser(browser, tmp_path: Path, mini_html: str) -> None:
    loaded = LoadedPage(browser, mini_html, tmp_path)
    try:
        page = loaded.page
        assert page.evaluate("window.kgNetwork.body.data.nodes.length") == 10
        assert page.evaluate("window.kgNetwork.body.data.edges.length") == 8
        assert page.evaluate("window.kgNetwork.physics.options.enabled") is False
        assert page.locator(".legend li").count() == 8
        node = node_by_label(page_data(mini_html), "Priya Natarajan")
        loaded.hover(f"window.kgNetwork.getPosition({json.dumps(node['id'])})")
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible")
        assert "We welcome the report." in tooltip.inner_text()
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_empty_page_in_browser(browser, tmp_path: Path) -> None:
    loaded = LoadedPage(browser, render_html(Graph(), title="Empty"), tmp_path)
    try:
        assert loaded.page.evaluate("window.kgNetwork") is None
        assert loaded.page.locator("#kg-empty").is_visible()
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_article_text_never_runs(browser, tmp_path: Path) -> None:
    name = f"Dr {IMG_XSS} {SCRIPT_XSS} Jones"
    sentence = f"{name} criticises the {IMG_XSS} plan {SCRIPT_XSS}."
    html = render_html(to_rdf(one_fact_graph(name, sentence, quote=f"We {IMG_XSS} object")), title=IMG_XSS)
    loaded = LoadedPage(browser, html, tmp_path)
    try:
        page = loaded.page
        data = page_data(html)
        person = node_by_label(data, name)["id"]
        tooltip = page.locator("div.vis-tooltip")

        def assert_inert() -> None:
            page.wait_for_timeout(300)  # give any injected onerror handler time to fire
            assert page.evaluate("typeof window.__xss") == "undefined"
            assert page.evaluate("document.querySelectorAll('img').length") == 0
            assert page.evaluate("document.querySelectorAll('script').length") == 3  # data, vis-network, ours

        assert_inert()
        loaded.hover(f"window.kgNetwork.getPosition({json.dumps(person)})")
        tooltip.wait_for(state="visible")
        assert_inert()
        assert name in tooltip.inner_text() and f"We {IMG_XSS} object" in tooltip.inner_text()

        edge_id = data["edges"][0]["id"]
        loaded.hover(f"window.kgNetwork.body.edges[{json.dumps(edge_id)}].edgeType.getPoint(0.5)")
        page.wait_for_function("document.querySelector('div.vis-tooltip').textContent.includes('\u2192')")
        tooltip.wait_for(state="visible")
        assert_inert()
        assert sentence in tooltip.inner_text() and "criticises" in tooltip.inner_text()

        loaded.click(f"window.kgNetwork.getPosition({json.dumps(person)})")
        assert_inert()
        assert name in page.locator("#kg-details").inner_text()
        assert page.title() == IMG_XSS
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_xss_probe_detects_markup(browser, tmp_path: Path) -> None:
    """The probe in test_article_text_never_runs can fail: the same payload as HTML does run."""
    loaded = LoadedPage(browser, "<!DOCTYPE html><title>probe</title><div id=d></div>", tmp_path)
    try:
        loaded.page.evaluate(f"document.getElementById('d').innerHTML = {json.dumps(IMG_XSS)}")
        loaded.page.wait_for_function("window.__xss === 1")
    finally:
        loaded.close()

"""The HTML view: graph extraction, a self-contained deterministic page, `kg view`, the build's screenshot,
and a real offline browser (search, filters, side panel, and markup in articles that never runs)."""
from __future__ import annotations

import json
import re
import struct
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kg.cli import main
from kg.errors import ExportError
from kg.model import ARTICLE, COMMENT, Document, Entity, Fact, KnowledgeGraph, Segment, Sentence
from kg.rdf import serialize, to_rdf
from kg.view import (SCREENSHOT_SIZE, TYPE_COLOURS, TYPE_SHAPES, entity_type, find_chromium, neighbourhood,
                     most_connected, render_html, screenshot, to_digraph, write_html)
from kg.vocab import KG, KGR, SCHEMA
from tests.fixtures.mini import mini_graph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
DATA_RE = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
IMG_XSS = '<img src=x onerror="window.__xss=1">'
SCRIPT_XSS = "<script>window.__xss=1</script>"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


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



@pytest.mark.parametrize("limit, shown, note", [
    (10, 10, True),        # fewer than the graph's 11 entities: the most connected, and a note of how many
    (11, 11, False),       # all of them: no note
    (100, 11, False),
])
def test_a_graph_past_the_limit_shows_its_most_connected_entities(limit: int, shown: int, note: bool) -> None:
    # entity 0 criticises all; entity 1 is also criticised by 2 to 5, so 0 and 1 rank first; the rest tie by IRI
    kg = star_graph(11)
    extra = tuple(Fact(f"person/p{i}", "criticises", "person/p1", kg.facts[0].sentence, "stance.verb", 0.5)
                  for i in range(2, 6))
    html = render_html(to_rdf(replace(kg, facts=kg.facts + extra)), limit=limit)
    labels = [n["label"] for n in page_data(html)["nodes"]]
    assert len(labels) == shown
    assert {"P0", "P1"} <= set(labels)
    assert ("the most connected of 11" in html) is note
    if shown == 10:  # the one left out is the last by IRI among those with one link: p9 (p10 sorts before p2)
        assert "P9" not in labels


def test_the_overview_carries_a_few_facts_of_each_link_and_counts_the_rest() -> None:
    from kg.view import OVERVIEW_EVIDENCE

    kg = star_graph(3)
    doc, sentence = kg.documents[0], kg.facts[0].sentence
    many = tuple(Fact("person/p0", "criticises", "person/p1", replace(sentence, start=i, end=i + 1, text="x"),
                      "stance.verb", 0.5) for i in range(OVERVIEW_EVIDENCE + 5))
    graph = to_rdf(replace(kg, facts=kg.facts + many))
    total = sum(1 for f in kg.facts + many if (f.subject, f.object) == ("person/p0", "person/p1"))
    [edge] = [e for e in page_data(render_html(graph))["edges"] if (e["from"], e["to"]) ==
              ("https://w3id.org/kg-gp/id/person/p0", "https://w3id.org/kg-gp/id/person/p1")]
    assert len(edge["facts"]) == OVERVIEW_EVIDENCE and edge["more"] == total - OVERVIEW_EVIDENCE
    [focused] = [e for e in page_data(render_html(graph, focus="P1"))["edges"] if e["from"].endswith("/p0")
                 and e["to"].endswith("/p1")]
    assert len(focused["facts"]) == total and focused["more"] == 0
    assert to_digraph(graph).edges["https://w3id.org/kg-gp/id/person/p0",
                                   "https://w3id.org/kg-gp/id/person/p1"]["more"] == 0


def _query_graph_with_self_links() -> Graph:
    from tests.fixtures.mini import query_graph
    kg = query_graph()
    # self-links and several facts on one pair, which count once as a link
    sentence = kg.facts[0].sentence
    extra = (Fact("org/medacloud", "funds", "org/medacloud", sentence, "actions.fund", 0.5),
             Fact("person/tom-ellery", "criticises", "org/medacloud", sentence, "stance.verb", 0.5),
             Fact("person/tom-ellery", "opposes", "org/medacloud", sentence, "stance.verb", 0.5))
    return to_rdf(replace(kg, facts=kg.facts + extra))


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8, 13, 10_000])
def test_the_limited_view_is_the_most_connected_part_of_the_whole_view(limit: int) -> None:
    graph = _query_graph_with_self_links()
    whole = to_digraph(graph)
    expected, limited = most_connected(whole, limit), to_digraph(graph, limit=limit)
    assert dict(limited.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(limited.edges(data=True)) == sorted(expected.edges(data=True))
    assert limited.graph["entity_count"] == whole.number_of_nodes()


@pytest.mark.parametrize("limit", [0, -1, 2.5, True, "10"])
def test_a_bad_limit_is_refused(mini_rdf: Graph, limit) -> None:
    with pytest.raises(ExportError, match="limit must be a whole number"):
        render_html(mini_rdf, limit=limit)


def test_a_focused_view_is_not_limited(mini_rdf: Graph) -> None:
    whole = page_data(render_html(mini_rdf, limit=1))["nodes"]
    assert len(whole) == 1
    focused = page_data(render_html(mini_rdf, focus=whole[0]["label"], limit=1))["nodes"]
    assert len(focused) > 1


# --- the page -------------------------------------------------------------------------------------

def test_legend_lists_the_types_present(mini_html: str) -> None:
    legend = re.findall(r'<li data-type="(\w+)"><label><input type="checkbox" class="kg-type" value="(\w+)" checked>'
                        r'<svg class="swatch" viewBox="0 0 14 14" aria-hidden="true" data-colour="(#[0-9a-f]{6})">'
                        r'<(\w+)[^>]* fill="(#[0-9a-f]{6})"/></svg>\1 <span class="kg-n">\((\d+)\)', mini_html)
    shapes = {"dot": "circle", "square": "rect"}
    assert [(t, v, c, element, fill, int(n)) for t, v, c, element, fill, n in legend] == [
        (t, t, TYPE_COLOURS[t], shapes.get(TYPE_SHAPES[t], "polygon"), TYPE_COLOURS[t], count)
        for t, count in (("Person", 2), ("Organization", 1), ("GovernmentBody", 1), ("ThinkTank", 1),
                         ("Company", 1), ("Policy", 2), ("Report", 1), ("Commenter", 1))]


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


# --- shapes, communities and what the filters work from -------------------------------------------

def test_shapes_follow_types(mini_html: str) -> None:
    data = page_data(mini_html)
    assert all(n["shape"] == TYPE_SHAPES[n["type"]] for n in data["nodes"])
    assert [node_by_label(data, label)["shape"] for label in ("Priya Natarajan", "MedaCloud", "GMS contract",
                                                              "Northgate Institute report", "GP Reader")] == [
        "dot", "square", "diamond", "triangle", "star"]
    assert set(TYPE_SHAPES) == set(TYPE_COLOURS)


def with_loner(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The graph plus a person no fact links to, and a person whose only fact is in a reader comment."""
    s_comm = next(f.sentence for f in graph.facts if f.sentence.section == COMMENT)
    loner = Entity("person/lone-ranger", "Lone Ranger", "Person", ("Lone Ranger",), ("doc-b",))
    commented = Entity("person/cora-comment", "Cora Comment", "Person", ("Cora Comment",), ("doc-a",))
    fact = Fact("person/cora-comment", "criticises", "policy/gms-contract", s_comm, "stance.comment", 0.6)
    return replace(graph, entities=(*graph.entities, loner, commented), facts=(*graph.facts, fact))


def test_communities_numbered_largest_first() -> None:
    data = page_data(render_html(to_rdf(with_loner(mini_graph()))))
    community = {n["label"]: n["community"] for n in data["nodes"]}
    assert community["Lone Ranger"] == -1  # alone: no community to colour
    assert community["Priya Natarajan"] == community["MedaCloud"] == community["partnership model"]
    assert community["Tom Ellery"] == community["Royal College of General Practitioners"]
    numbers = [c for c in community.values() if c >= 0]
    sizes = [numbers.count(i) for i in range(max(numbers) + 1)]
    assert all(sizes) and sizes == sorted(sizes, reverse=True) and len(sizes) >= 2


def test_comment_only_entities() -> None:
    data = page_data(render_html(to_rdf(with_loner(mini_graph()))))
    flags = {n["label"]: n["comment_only"] for n in data["nodes"]}
    # a reader; an entity known only from a comment; an entity with article facts too; one with no facts at all
    assert (flags["GP Reader"], flags["Cora Comment"], flags["MedaCloud"], flags["Lone Ranger"]) == (
        True, True, False, False)


def test_filter_choices_in_page(mini_html: str) -> None:
    relations = re.findall(r'<li data-relation="([^"]+)"><label><input type="checkbox" class="kg-relation" '
                           r'value="([^"]+)" checked>[^<]+<span class="kg-n">\((\d+)\)', mini_html)
    assert relations == [("criticises", "criticises", "2"), ("holds role", "holds role", "3"),
                         ("recommends", "recommends", "2"), ("supports", "supports", "1"),
                         ("welcomes", "welcomes", "1")]
    documents = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>',
                           mini_html[mini_html.index('id="kg-document"'):])
    # doc-a: 7 facts between entities and 1 quotation; doc-b: 2 facts
    assert documents == [("", "all documents"), ("doc-a.txt", "doc-a.txt (8)"), ("doc-b.txt", "doc-b.txt (2)")]
    for control in ('id="kg-search"', 'id="kg-comments" checked', 'id="kg-linked-only"', 'id="kg-colour"',
                    'value="community"', 'id="kg-reset"'):
        assert control in mini_html


# --- ego views and `kg view` ------------------------------------------------------------------------

@pytest.mark.parametrize(("focus", "depth", "centre", "expected"), [
    ("Priya Natarajan", 0, "Priya Natarajan", {"Priya Natarajan"}),
    ("priya natarajan", 1, "Priya Natarajan", {"Priya Natarajan", "MedaCloud", "partnership model"}),
    ("Dr Priya Natarajan", 2, "Priya Natarajan", {"Priya Natarajan", "MedaCloud", "partnership model", "GP Reader"}),
    ("https://w3id.org/kg-gp/id/org/medacloud", 1, "MedaCloud", {"MedaCloud", "Priya Natarajan", "GP Reader"}),
    ("  MEDACLOUD ", 3, "MedaCloud", {"MedaCloud", "Priya Natarajan", "GP Reader", "partnership model"}),
])
def test_neighbourhood(mini_rdf: Graph, focus: str, depth: int, centre: str, expected: set[str]) -> None:
    view, centres = neighbourhood(to_digraph(mini_rdf), focus, depth)
    assert {label for _, label in view.nodes(data="label")} == expected
    assert [view.nodes[c]["label"] for c in centres] == [centre]


@pytest.mark.parametrize(("focus", "depth", "message"), [
    ("Priya Natarajn", 1, "no entity called 'Priya Natarajn' in the graph; did you mean 'Priya Natarajan'?"),
    ("Nobody At All", 1, "no entity called 'Nobody At All' in the graph"),
    ("", 1, "no entity called '' in the graph"),
    ("MedaCloud", -1, "depth must be a whole number, 0 or more; got -1"),
])
def test_neighbourhood_errors(mini_rdf: Graph, focus: str, depth: int, message: str) -> None:
    with pytest.raises(ExportError, match=re.escape(message) + "$"):
        neighbourhood(to_digraph(mini_rdf), focus, depth)


def test_ego_page(mini_rdf: Graph) -> None:
    html = render_html(mini_rdf, title="Ego", focus="medacloud", depth=1)
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} == {"MedaCloud", "Priya Natarajan", "GP Reader"}
    assert data["focus"] == [node_by_label(data, "MedaCloud")["id"]]
    assert "3 entities, 2 links, 3 facts between entities within 1 link of MedaCloud" in html
    assert page_data(render_html(mini_rdf))["focus"] == []


@pytest.fixture()
def mini_ttl(tmp_path: Path, mini_rdf: Graph) -> Path:
    path = tmp_path / "mini.ttl"
    path.write_text(serialize(mini_rdf), encoding="utf-8")
    return path


def test_kg_view_whole_graph(mini_ttl: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "page.html"
    assert main(["view", "--graph", str(mini_ttl), "--out", str(out)]) == 0
    assert capsys.readouterr().err.strip() == f"wrote {out}: 10 entities, 8 links"
    html = out.read_text(encoding="utf-8")
    assert len(page_data(html)["nodes"]) == 10 and "<title>kg: mini.ttl</title>" in html


def test_kg_view_focus(mini_ttl: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "tom.html"
    assert main(["view", "--graph", str(mini_ttl), "--focus", "Tom Ellery", "--depth", "2", "--out", str(out)]) == 0
    assert capsys.readouterr().err.strip() == f"wrote {out}: 5 entities, 4 links within 2 links of Tom Ellery"
    labels = {n["label"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]}
    # Northgate Institute recommends the GMS contract too, but it is three links from Tom Ellery
    assert labels == {"Tom Ellery", "Royal College of General Practitioners", "Northgate Institute report",
                      "NHS England", "GMS contract"}


@pytest.mark.parametrize(("argv", "message"), [
    (["--focus", "Tom Elery"], "kg view: error: no entity called 'Tom Elery' in the graph; did you mean 'Tom Ellery'?"),
    (["--focus", "Tom Ellery", "--depth", "-2"], "kg view: error: depth must be a whole number, 0 or more; got -2"),
    (["--out", "{tmp}/no/such/dir/page.html"], "kg view: error: cannot write {tmp}/no/such/dir/page.html"),
])
def test_kg_view_errors_are_one_line(mini_ttl: Path, tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(["view", "--graph", str(mini_ttl), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith(message.replace("{tmp}", str(tmp_path)))


def test_kg_view_missing_graph(tmp_path: Path, capsys) -> None:
    assert main(["view", "--graph", str(tmp_path / "none.ttl"), "--out", str(tmp_path / "x.html")]) == 2
    assert "none.ttl" in capsys.readouterr().err and not (tmp_path / "x.html").exists()


def test_kg_view_help_has_an_example(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["view", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and "example: kg view --focus" in out
    assert all(option in out for option in ("--graph", "--focus", "--depth", "--out"))


# --- the screenshot -------------------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_no_chromium_is_no_screenshot_not_an_error(tmp_path: Path, monkeypatch, mini_html: str) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    page = tmp_path / "graph.html"
    page.write_text(mini_html, encoding="utf-8")
    assert find_chromium() is None
    shot = screenshot(page, tmp_path / "graph.png")
    assert shot.path is None and shot.reason == "no chromium or chromium-browser on PATH"
    assert not (tmp_path / "graph.png").exists()


def test_a_failing_chromium_is_reported(tmp_path: Path, mini_html: str) -> None:
    page = tmp_path / "graph.html"
    page.write_text(mini_html, encoding="utf-8")
    shot = screenshot(page, tmp_path / "graph.png", chromium="/bin/false")
    assert shot.path is None and shot.reason.startswith("/bin/false exited with status 1 and saved no PNG")
    assert not (tmp_path / "graph.png").exists()


def test_screenshot_of_a_missing_page_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot take a screenshot of .*nowhere.html: no such file"):
        screenshot(tmp_path / "nowhere.html", tmp_path / "graph.png", chromium=CHROMIUM)
    assert not (tmp_path / "graph.png").exists()


@pytest.mark.browser
def test_screenshot_of_a_page(tmp_path: Path, mini_html: str) -> None:
    page = tmp_path / "graph.html"
    page.write_text(mini_html, encoding="utf-8")
    shot = screenshot(page, tmp_path / "graph.png", chromium=CHROMIUM)
    assert (shot.path, shot.reason) == (tmp_path / "graph.png", "")
    assert png_size(shot.path) == SCREENSHOT_SIZE
    assert shot.path.stat().st_size > 20_000  # a drawn network, not a blank page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.png"]


TINY_ARTICLE = ("GP leaders criticise the contract\n\n"
                "Dr Sarah Jones, chair of the Royal College of General Practitioners, said the contract was unfair.\n")


@pytest.mark.model
def test_build_without_chromium_still_succeeds(tmp_path: Path, monkeypatch) -> None:
    from kg.pipeline import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "tiny.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.png").write_bytes(PNG_SIGNATURE + b"an older picture")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = build([src], out, queries_dir=tmp_path / "no-queries", validate=False)
    assert result.no_screenshot == "no chromium or chromium-browser on PATH"
    assert result.summary().endswith("; no screenshot (no chromium or chromium-browser on PATH)")
    assert sorted(p.name for p in out.iterdir()) == ["entities.csv", "facts.csv", "graph.html", "graph.ttl"]
    assert out / "graph.png" not in result.outputs


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

    def __init__(self, browser, path: Path) -> None:
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

    @classmethod
    def of(cls, browser, html: str, folder: Path) -> LoadedPage:
        path = folder / "view.html"
        path.write_text(html, encoding="utf-8")
        loaded = cls(browser, path)
        loaded.page.wait_for_function("window.kgNetwork === null || window.kgReady !== undefined")
        return loaded

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

    def _to_page(self, canvas_point_js: str) -> tuple[float, float]:
        point = self.page.evaluate(f"(() => window.kgNetwork.canvasToDOM({canvas_point_js}))()")
        box = self.page.locator("#kg-network canvas").bounding_box()
        return box["x"] + point["x"], box["y"] + point["y"]

    def hover(self, canvas_point_js: str) -> None:
        """Move the mouse to a canvas point computed in the page."""
        self.page.mouse.move(0, 0)
        self.page.mouse.move(*self._to_page(canvas_point_js))

    def click(self, canvas_point_js: str) -> None:
        self.page.mouse.click(*self._to_page(canvas_point_js))

    def click_node(self, node_id: str) -> None:
        self.click(f"window.kgNetwork.getPosition({json.dumps(node_id)})")

    def click_edge(self, edge_id: str) -> None:
        self.click(f"window.kgNetwork.body.edges[{json.dumps(edge_id)}].edgeType.getPoint(0.5)")

    def counts(self) -> tuple[int, int]:
        counts = self.page.evaluate("window.kgView.visibleCounts()")
        return counts["nodes"], counts["edges"]

    def shown(self) -> tuple[set[str], set[tuple[str, str]]]:
        """Labels of the entities, and label pairs of the links, that vis-network itself has not hidden."""
        nodes, edges = self.page.evaluate("""(() => {
            const body = window.kgNetwork.body, label = id => body.data.nodes.get(id).label;
            const nodes = body.nodeIndices.filter(id => !body.nodes[id].options.hidden).map(label);
            const edges = body.edgeIndices.map(id => body.edges[id])
                .filter(e => !e.options.hidden && !e.from.options.hidden && !e.to.options.hidden)
                .map(e => [label(e.fromId), label(e.toId)]);
            return [nodes, edges];
        })()""")
        return set(nodes), {tuple(e) for e in edges}

    def details(self) -> str:
        return self.page.locator("#kg-details").inner_text()

    def close(self) -> None:
        self.page.close()


@pytest.mark.browser
def test_page_in_browser(browser, tmp_path: Path, mini_rdf: Graph, mini_html: str) -> None:
    loaded = LoadedPage.of(browser, mini_html, tmp_path)
    try:
        page, data, view = loaded.page, page_data(mini_html), to_digraph(mini_rdf)
        assert loaded.counts() == (view.number_of_nodes(), view.number_of_edges()) == (10, 8)
        assert page.evaluate("window.kgNetwork.body.data.nodes.length") == 10
        assert page.evaluate("window.kgNetwork.physics.options.enabled") is False
        assert page.locator("#kg-shown").inner_text() == "showing 10 of 10 entities, 8 of 8 links"
        assert page.locator(".legend li").count() == 8
        drawn = page.evaluate("""(() => {
            const body = window.kgNetwork.body;
            return body.nodeIndices.map(id => [id, body.nodes[id].options.shape, body.nodes[id].options.color.background]);
        })()""")
        assert sorted(map(tuple, drawn)) == sorted((n["id"], n["shape"], n["colour"]) for n in data["nodes"])
        edges = page.evaluate("""window.kgNetwork.body.edgeIndices.map(id => {
            const e = window.kgNetwork.body.edges[id];
            return [e.fromId, e.toId, e.options.label, e.options.arrows.to.enabled];
        })""")
        assert sorted(map(tuple, edges)) == sorted((e["from"], e["to"], e["label"], True) for e in data["edges"])
        assert page.evaluate("document.querySelectorAll('#kg-names option').length") == 10

        loaded.hover(f"window.kgNetwork.getPosition({json.dumps(node_by_label(data, 'Priya Natarajan')['id'])})")
        tooltip = page.locator("#kg-tooltip")
        tooltip.wait_for(state="visible")
        assert "We welcome the report." in tooltip.inner_text()
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_the_request_probe_sees_requests(browser, tmp_path: Path) -> None:
    """offline_and_clean can fail: a page that asks for a script elsewhere is caught and refused."""
    (tmp_path / "probe.html").write_text(
        '<!DOCTYPE html><title>probe</title><script src="https://cdn.example.org/vis.js"></script>')
    loaded = LoadedPage(browser, tmp_path / "probe.html")
    try:
        assert loaded.blocked == ["https://cdn.example.org/vis.js"]
        with pytest.raises(AssertionError):
            loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_search_focuses_the_named_node(browser, tmp_path: Path, mini_html: str) -> None:
    loaded = LoadedPage.of(browser, mini_html, tmp_path)
    try:
        page, data = loaded.page, page_data(mini_html)
        priya, tom = node_by_label(data, "Priya Natarajan")["id"], node_by_label(data, "Tom Ellery")["id"]
        status = page.locator("#kg-search-status")

        def find(text: str) -> None:
            page.fill("#kg-search", text)
            page.press("#kg-search", "Enter")

        def assert_focused(node_id: str, label: str) -> None:
            assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [node_id]
            centre = page.evaluate("window.kgNetwork.getViewPosition()")
            position = page.evaluate(f"window.kgNetwork.getPosition({json.dumps(node_id)})")
            assert abs(centre["x"] - position["x"]) < 1 and abs(centre["y"] - position["y"]) < 1
            assert page.evaluate("window.kgNetwork.getScale()") >= 1
            assert page.locator("#kg-details .kg-head").first.inner_text() == label
            assert status.inner_text() == ""

        find("natarajan")  # part of the name, any case
        assert_focused(priya, "Priya Natarajan")
        touching = {e["id"] for e in data["edges"] if priya in (e["from"], e["to"])}
        assert set(page.evaluate("window.kgNetwork.getSelectedEdges()")) == touching  # its links light up too
        find("Professor Tom Ellery")  # an alias
        assert_focused(tom, "Tom Ellery")
        find("Nobody Here")
        assert status.inner_text() == "No entity called \u201cNobody Here\u201d."
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [tom]
        page.uncheck("input.kg-type[value=Person]")
        find("Priya Natarajan")
        assert "Priya Natarajan is hidden by the filters" in status.inner_text()
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == []  # Tom went with the filter
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_filters_hide_what_they_should(browser, tmp_path: Path, mini_html: str) -> None:
    loaded = LoadedPage.of(browser, mini_html, tmp_path)
    everything = ({"Priya Natarajan", "Tom Ellery", "MedaCloud", "Northgate Institute",
                   "Royal College of General Practitioners", "NHS England", "Northgate Institute report",
                   "GMS contract", "partnership model", "GP Reader"},
                  {("Priya Natarajan", "MedaCloud"), ("Priya Natarajan", "partnership model"),
                   ("Tom Ellery", "Royal College of General Practitioners"), ("Tom Ellery", "Northgate Institute report"),
                   ("Northgate Institute report", "GMS contract"), ("Northgate Institute", "GMS contract"),
                   ("NHS England", "Northgate Institute report"), ("GP Reader", "MedaCloud")})
    try:
        page = loaded.page
        reset = page.locator("#kg-reset")
        assert loaded.shown() == everything

        page.uncheck("input.kg-type[value=Person]")
        nodes, edges = loaded.shown()
        assert everything[0] - nodes == {"Priya Natarajan", "Tom Ellery"}
        assert edges == {e for e in everything[1] if "Priya Natarajan" not in e and "Tom Ellery" not in e}
        assert page.locator("#kg-shown").inner_text() == "showing 8 of 10 entities, 4 of 8 links"
        reset.click()
        assert loaded.shown() == everything

        page.uncheck("input.kg-relation[value='holds role']")
        nodes, edges = loaded.shown()
        assert nodes == everything[0]
        assert everything[1] - edges == {("Priya Natarajan", "MedaCloud"), ("Tom Ellery", "Royal College of General Practitioners")}
        reset.click()

        page.uncheck("#kg-comments")  # article only: the reader and the comment's link go
        nodes, edges = loaded.shown()
        assert (everything[0] - nodes, everything[1] - edges) == ({"GP Reader"}, {("GP Reader", "MedaCloud")})
        reset.click()

        page.select_option("#kg-document", "doc-b.txt")
        assert loaded.shown() == ({"Priya Natarajan", "MedaCloud", "NHS England", "Northgate Institute",
                                   "Northgate Institute report"},
                                  {("Priya Natarajan", "MedaCloud"), ("NHS England", "Northgate Institute report")})
        reset.click()

        for relation in ("criticises", "holds role", "supports", "welcomes"):
            page.uncheck(f"input.kg-relation[value='{relation}']")
        page.check("#kg-linked-only")
        assert loaded.shown() == ({"Northgate Institute", "Northgate Institute report", "GMS contract"},
                                  {("Northgate Institute", "GMS contract"), ("Northgate Institute report", "GMS contract")})
        reset.click()
        assert loaded.shown() == everything and loaded.counts() == (10, 8)
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_a_relation_filter_relabels_a_shared_link(browser, tmp_path: Path) -> None:
    kg = mini_graph()
    s = kg.facts[0].sentence
    extra = Fact("person/priya-natarajan", "funds", "org/medacloud", s, "actions.verb", 0.7)
    html = render_html(to_rdf(replace(kg, facts=(*kg.facts, extra))))
    edge = next(e for e in page_data(html)["edges"] if e["label"] == "funds / holds role")
    loaded = LoadedPage.of(browser, html, tmp_path)
    try:
        label = f"window.kgNetwork.body.edges[{json.dumps(edge['id'])}].options.label"
        loaded.page.uncheck("input.kg-relation[value=funds]")
        assert loaded.page.evaluate(label) == "holds role"
        loaded.page.locator("#kg-reset").click()
        assert loaded.page.evaluate(label) == "funds / holds role"
    finally:
        loaded.close()


@pytest.mark.browser
def test_click_shows_the_evidence(browser, tmp_path: Path, mini_html: str) -> None:
    loaded = LoadedPage.of(browser, mini_html, tmp_path)
    try:
        page, data = loaded.page, page_data(mini_html)
        tom = node_by_label(data, "Tom Ellery")["id"]
        loaded.click_node(tom)
        text = loaded.details()
        assert text.splitlines()[:3] == ["Tom Ellery", "Person", "Also called: Professor Tom Ellery"]
        assert "criticises Northgate Institute report" in text
        assert "RCGP chair Professor Tom Ellery criticised the report." in text
        assert "doc-a.txt \u00b7 article \u00b7 rule stance.verb \u00b7 confidence 0.75" in text

        priya, medacloud = node_by_label(data, "Priya Natarajan")["id"], node_by_label(data, "MedaCloud")["id"]
        edge = next(e for e in data["edges"] if (e["from"], e["to"]) == (priya, medacloud))
        loaded.click_edge(edge["id"])
        text = loaded.details()
        assert text.startswith("Priya Natarajan \u2192 MedaCloud\nholds role (medical director)")
        assert "Priya Natarajan is chief executive of MedaCloud." in text
        assert "doc-b.txt \u00b7 article \u00b7 rule roles.copula" in text

        page.locator("#kg-details button.kg-goto", has_text="MedaCloud").click()  # walk out along the link
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [medacloud]
        text = loaded.details()
        assert text.startswith("MedaCloud\nCompany")
        assert "GP Reader criticises" in text and "MedaCloud is wrong about the GMS contract." in text
        assert "doc-a.txt \u00b7 comment" in text

        page.uncheck("#kg-comments")  # the panel follows the filters, and says what they hide
        text = loaded.details()
        assert "MedaCloud is wrong about the GMS contract." not in text and "1 hidden by the filters" in text
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_colour_by_community(browser, tmp_path: Path, mini_html: str) -> None:
    loaded = LoadedPage.of(browser, mini_html, tmp_path)
    colours = "Object.fromEntries(window.kgNetwork.body.nodeIndices.map(id => [id, window.kgNetwork.body.nodes[id].options.color.background]))"
    try:
        data = page_data(mini_html)
        loaded.page.select_option("#kg-colour", "community")
        by_community = loaded.page.evaluate(colours)
        community = {n["id"]: n["community"] for n in data["nodes"]}
        for a in community:
            for b in community:
                assert (by_community[a] == by_community[b]) == (community[a] == community[b])
        loaded.page.select_option("#kg-colour", "type")
        assert loaded.page.evaluate(colours) == {n["id"]: n["colour"] for n in data["nodes"]}
    finally:
        loaded.close()


@pytest.mark.browser
def test_ego_page_opens_on_its_entity(browser, tmp_path: Path, mini_rdf: Graph) -> None:
    html = render_html(mini_rdf, focus="Tom Ellery", depth=1)
    loaded = LoadedPage.of(browser, html, tmp_path)
    try:
        tom = node_by_label(page_data(html), "Tom Ellery")["id"]
        assert loaded.counts() == (3, 2)
        assert loaded.page.evaluate("window.kgNetwork.getSelectedNodes()") == [tom]
        assert loaded.details().startswith("Tom Ellery\nPerson")
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_empty_page_in_browser(browser, tmp_path: Path) -> None:
    loaded = LoadedPage.of(browser, render_html(Graph(), title="Empty"), tmp_path)
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
    loaded = LoadedPage.of(browser, html, tmp_path)
    try:
        page = loaded.page
        data = page_data(html)
        person = node_by_label(data, name)["id"]
        tooltip = page.locator("#kg-tooltip")

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
        page.wait_for_function("document.getElementById('kg-tooltip').textContent.includes('\u2192')")
        tooltip.wait_for(state="visible")
        assert_inert()
        assert sentence in tooltip.inner_text() and "criticises" in tooltip.inner_text()

        loaded.click_node(person)
        assert_inert()
        assert name in loaded.details() and sentence in loaded.details()
        page.fill("#kg-search", name)
        page.press("#kg-search", "Enter")
        assert_inert()
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [person]
        assert page.title() == IMG_XSS
        loaded.offline_and_clean()
    finally:
        loaded.close()


PWNED_IMG = "<img src=x onerror=window.__pwned=1>"
PWNED_SCRIPT = "<script>window.__pwned=1</script>"
PWNED_ARTICLE = f"""GP leaders attack the {PWNED_SCRIPT} contract

Dr Sarah Jones, chair of the Royal College of General Practitioners, said the {PWNED_IMG} contract was unfair.

NHS England welcomed the <a href="javascript:window.__pwned=1">GP Forward View</a> plan, Dr Sarah Jones said: 'Read it at <a href="https://example.org/">this href link</a> now.'

The British Medical Association criticised NHS England over the {PWNED_SCRIPT} deal.

{PWNED_IMG} 4 March, 2022 9:02 am
The BMA is wrong about {PWNED_SCRIPT} funding.

{PWNED_SCRIPT} 5 March, 2022 10:15 am
I support the partnership model, unlike the BMA.
"""


@pytest.mark.model
@pytest.mark.browser
def test_a_built_article_full_of_markup_never_runs(browser, tmp_path: Path) -> None:
    """Markup in names, sentences, a quotation, comment handles, the file and the folder name, through kg build."""
    from kg.pipeline import build

    source = tmp_path / PWNED_IMG  # the folder name becomes the page title
    source.mkdir()
    (source / "<b onmouseover=window.__pwned=1>news.txt").write_text(PWNED_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = build([source], out, queries_dir=tmp_path / "no-queries", validate=False)
    assert result.no_screenshot == "" and out / "graph.png" in result.outputs
    assert png_size(out / "graph.png") == SCREENSHOT_SIZE

    html = (out / "graph.html").read_text(encoding="utf-8")
    data = page_data(html)
    labels = {n["label"] for n in data["nodes"]}
    # the payload did reach the page: as names, in evidence sentences, and as the document's name
    assert {PWNED_IMG, PWNED_SCRIPT} <= labels  # two readers' handles
    assert any(PWNED_SCRIPT in label and label not in (PWNED_SCRIPT,) for label in labels)
    sentences = [f.get("sentence", "") for e in data["edges"] for f in e["facts"]]
    assert any(PWNED_SCRIPT in s for s in sentences) and any('href="javascript:' in s for s in sentences)
    document = str(source / "<b onmouseover=window.__pwned=1>news.txt")
    assert any(document in n["files"] for n in data["nodes"])

    loaded = LoadedPage(browser, out / "graph.html")
    page = loaded.page
    try:
        page.wait_for_function("window.kgReady !== undefined")

        def assert_inert() -> None:
            page.wait_for_timeout(300)  # give any injected handler time to fire
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.evaluate("document.querySelectorAll('img, a, b, iframe, object, embed').length") == 0
            assert page.evaluate("document.querySelectorAll('script').length") == 3

        assert_inert()
        assert page.title() == f"kg: {PWNED_IMG}"
        page.fill("#kg-search", PWNED_SCRIPT)
        page.press("#kg-search", "Enter")
        handle = node_by_label(data, PWNED_SCRIPT)["id"]
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [handle]
        assert loaded.details().startswith(f"{PWNED_SCRIPT}\nCommenter")
        loaded.hover(f"window.kgNetwork.getPosition({json.dumps(handle)})")
        page.locator("#kg-tooltip").wait_for(state="visible")
        assert_inert()
        for node in data["nodes"]:  # every side panel, with every evidence sentence in it
            page.evaluate(f"window.kgView.focus({json.dumps(node['id'])}, false)")
            assert loaded.details().startswith(node["label"] + "\n")
        page.evaluate("window.kgNetwork.fit({animation: false})")
        edge_id = page.evaluate("""window.kgNetwork.body.edgeIndices.find(id => {
            const net = window.kgNetwork, p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5));
            return net.getNodeAt(p) === undefined && net.getEdgeAt(p) === id;
        })""")
        loaded.click_edge(edge_id)
        edge = next(e for e in data["edges"] if e["id"] == edge_id)
        assert all(f["sentence"] in loaded.details() for f in edge["facts"])
        assert_inert()
        page.select_option("#kg-document", document)
        assert loaded.counts()[0] == len(data["nodes"])
        assert_inert()
        loaded.offline_and_clean()
    finally:
        loaded.close()


@pytest.mark.browser
def test_xss_probe_detects_markup(browser, tmp_path: Path) -> None:
    """The probes above can fail: the same payloads as HTML do run."""
    (tmp_path / "probe.html").write_text("<!DOCTYPE html><title>probe</title><div id=d></div><div id=e></div>")
    loaded = LoadedPage(browser, tmp_path / "probe.html")
    try:
        loaded.page.evaluate(f"document.getElementById('d').innerHTML = {json.dumps(IMG_XSS)}")
        loaded.page.wait_for_function("window.__xss === 1")
        loaded.page.evaluate(f"document.getElementById('e').innerHTML = {json.dumps(PWNED_IMG)}")
        loaded.page.wait_for_function("window.__pwned === 1")
    finally:
        loaded.close()


def ring_graph(*sizes: int) -> KnowledgeGraph:
    """Rings of entities each criticising the next and the one three on: many equally good communities, so
    which one Louvain finds depends on the order it meets the neighbours in; a ring of a few is laid out from
    its own part of the graph."""
    sentence = Sentence(doc_id="doc-r", section=ARTICLE, start=0, end=4, text="Ring")
    doc = Document(doc_id="doc-r", path="doc-r.txt", text="Ring", segments=(Segment(0, 4, ARTICLE),))
    entities, facts = [], []
    for ring, size in enumerate(sizes):
        keys = [f"person/r{ring}-{i}" for i in range(size)]
        entities += [Entity(key, f"R{ring}-{i}", "Person", (), ("doc-r",)) for i, key in enumerate(keys)]
        facts += [Fact(keys[i], "criticises", keys[(i + step) % size], sentence, "stance.verb", 0.5)
                  for i in range(size) for step in (1, 3)]
    return KnowledgeGraph(documents=(doc,), entities=tuple(entities), facts=tuple(facts))


@pytest.mark.parametrize("focus", [None, "R0-0"])
def test_the_page_is_the_same_whatever_the_string_hashing(tmp_path: Path, focus: str | None) -> None:
    """Python salts its string hashes per process: nothing on the page may follow the order of a set of names."""
    import os
    import subprocess
    import sys

    turtle = tmp_path / "ring.ttl"
    turtle.write_text(serialize(to_rdf(ring_graph(60, 20))), encoding="utf-8")
    script = ("import sys; from rdflib import Graph; from kg.view import render_html; "
              "sys.stdout.write(render_html(Graph().parse(sys.argv[1], format='turtle'), title='ring', "
              "focus=sys.argv[2] or None, depth=4))")
    pages = {subprocess.run([sys.executable, "-c", script, str(turtle), focus or ""], capture_output=True,
                            text=True, check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
             for seed in range(4)}
    assert len(pages) == 1
    nodes = page_data(pages.pop())["nodes"]
    assert len({n["community"] for n in nodes}) > 1
    assert len(nodes) == (80 if focus is None else 23)  # R0-0 and the 22 entities four links or fewer away

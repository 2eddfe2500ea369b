"""Property tests (Hypothesis): any text, as names and sentences, survives kg's IRIs, RDF, tables and view.

Names and sentences are arbitrary Unicode strings (every code point but lone surrogates, which are not
characters and which no decoder kg uses produces), mixed with the characters that break serialisers:
quotes, backslashes, angle brackets, line and paragraph separators, control characters, non-characters,
bidirectional overrides, emoji. They go through kg.iri minting and kg.rdf.to_rdf on hand-built kg.model
objects (as tests/fixtures/mini.py builds them), and through kg.export.export_graph in every RDF format.
"""
from __future__ import annotations

import csv
import io
import json
import re
import string
import unicodedata
from decimal import Decimal

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import iri
from kg.errors import InputError
from kg.export import RDF_FORMATS, export_graph
from kg.ingest import clean_text, html_to_text, parse_document, read_documents
from kg.model import ARTICLE, COMMENT, Comment, Document, Entity, Fact, KnowledgeGraph, Segment, Sentence
from kg.rdf import serialize, to_rdf
from kg.store import StoreSpec, open_graph
from kg.tables import entities_csv, facts_csv
from kg.view import render_html
from kg.vocab import KGR, SCHEMA
from tests.test_ingest import check_invariants

PROPERTIES = settings(max_examples=100, deadline=None, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

HOSTILE = ('"', "'", "\\", "<", ">", "&", "{", "}", "|", "^", "`", "#", "%", "@", "\r", "\n", "\r\n", "\t",
           "\x00", "\x0b", "\x0c", "\x1c", "\x1e", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe",
           "\uffff", "\u200b", "\u200d", "\u202e", "\u2066", "\u0627\u0644\u0637\u0628", "\u05e9\u05dc\u05d5\u05dd",
           "\U0001F600", "\U0001F468\u200d\U0001F469", "\u2018", "\u2019", "\u201c", "\u201d", '"""', "'''",
           "\\u0041", "\\U00000041", "\\n", "&amp;", "]]>", "</script>", "<!--", "-->", "e\u0301", "\U0010FFFF",
           " ", "\u00a0", ":", "_:b0", "<http://x/>", "^^", "@en", ".", ";")
TEXT = st.one_of(st.text(), st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=3))).map("".join))
NAME = TEXT.filter(lambda t: t.strip() != "")


def knowledge_graph(person: str, org: str, sentence: str, role: str, handle: str, doc_id: str) -> KnowledgeGraph:
    """Two documents, three entities and four facts, every string one of the generated ones."""
    text = f"{sentence}\n\n{sentence}"
    second = len(sentence) + 2
    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", text=text,
                   segments=(Segment(0, len(sentence), ARTICLE),
                             Segment(second, len(text), COMMENT, comment_index=1)),
                   comments=(Comment(1, handle, role, second, len(text)),),
                   title=sentence, author=person, outlet=org, date="2024-02-09")
    other = Document(doc_id=doc_id + "-2", path=org, text=sentence,
                     segments=(Segment(0, len(sentence), ARTICLE),))
    p_key, o_key = iri.entity_key("Person", person), iri.entity_key("Organization", org)
    c_key = iri.entity_key("Commenter", handle)
    entities = (
        Entity(p_key, person, "Person", (person, f"Dr {person}", sentence), (doc.doc_id, other.doc_id)),
        Entity(o_key, org, "Organization", (org, role), (doc.doc_id,)),
        Entity(c_key, handle, "Commenter", (handle,), (doc.doc_id,)),
    )
    in_article = Sentence(doc.doc_id, ARTICLE, 0, len(sentence), sentence)
    in_comment = Sentence(doc.doc_id, COMMENT, second, len(text), sentence, comment_index=1)
    facts = (
        Fact(p_key, "holdsRole", o_key, in_article, "roles.apposition", 0.9, qualifier=role),
        Fact(p_key, "said", sentence, in_article, "quotes.colon", 0.85, object_is_literal=True, cue=role,
             start=0, end=len(sentence)),
        Fact(c_key, "criticises", o_key, in_comment, "stance.comment", 0.6, cue=handle),
        Fact(o_key, "supports", p_key, Sentence(other.doc_id, ARTICLE, 0, len(sentence), sentence), "stance.verb",
             0.75, qualifier=sentence),
    )
    return KnowledgeGraph(documents=(doc, other), entities=entities, facts=facts)


GRAPHS = st.builds(knowledge_graph, NAME, NAME, NAME, TEXT, NAME, TEXT)
RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
             "jsonld": ox.RdfFormat.JSON_LD}


def parse_back(text: str, fmt: str) -> Graph:
    if fmt == "trig":
        dataset = Dataset()
        dataset.parse(data=text, format="trig")
        graph = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return Graph().parse(data=text, format=RDFLIB_FORMAT[fmt])


# ---------------------------------------------------------------------------------------------
# IRIs

IRI_SAFE = re.compile(r"[A-Za-z0-9\-._~:/#=,%]+")


@PROPERTIES
@given(text=TEXT, start=st.integers(0, 10**6), length=st.integers(0, 10**4))
def test_minted_iris_are_plain_ascii_whatever_the_text(text, start, length):
    slug = iri.slug(text)
    assert slug == iri.slug(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*|h[0-9a-f]{12}", slug), slug
    assert len(slug) <= 69
    minted = [iri.entity_iri(iri.entity_key(kind, text)) for kind in ("Person", "Organization", "Policy")]
    minted += [iri.document_iri(text), iri.comment_iri(text, 3), iri.sentence_iri(text, start, start + length),
               iri.quote_iri(text, start, start + length), iri.role_iri(text), iri.extractor_iri(text),
               iri.fact_iri(text, start), iri.amount_iri(iri.fact_iri(text))]
    for node in minted:
        assert isinstance(node, URIRef) and str(node).startswith(str(KGR))
        assert IRI_SAFE.fullmatch(str(node)), str(node)
    graph = Graph()
    for node in minted:
        graph.add((node, SCHEMA.name, Literal(text)))
    assert set(parse_back(export_graph(graph, "nt"), "nt")) == set(graph)


# ---------------------------------------------------------------------------------------------
# RDF in every format

@PROPERTIES
@given(kg=GRAPHS)
def test_any_names_and_sentences_round_trip_through_every_rdf_format(kg):
    graph = to_rdf(kg)
    assert len(graph) > 40
    for fmt in RDF_FORMATS:
        text = export_graph(graph, fmt)
        back = parse_back(text, fmt)
        assert isomorphic(back, graph), fmt
        assert export_graph(back, fmt) == text, fmt  # the same triples give the same bytes
        quads = list(ox.parse(text.encode("utf-8"), format=OX_FORMAT[fmt]))  # an independent parser agrees
        assert len(quads) == len(graph), fmt


@PROPERTIES
@given(kg=GRAPHS)
def test_the_build_turtle_of_any_text_reads_back_the_same_and_is_the_same_from_an_oxigraph_store(kg):
    graph = to_rdf(kg)
    text = serialize(graph)
    assert isomorphic(Graph().parse(data=text, format="turtle"), graph)
    assert len(list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE))) == len(graph)
    stored = open_graph(StoreSpec("oxigraph"))
    stored += graph
    assert _by_value(Graph().parse(data=serialize(stored), format="turtle")) == _by_value(graph)


def _by_value(graph: Graph) -> set:
    """Triples with numbers by value: Oxigraph keeps 0.70 as 0.7 and an xsd:nonNegativeInteger as xsd:integer."""
    return {(s, p, o.toPython() if isinstance(o, Literal) and isinstance(o.toPython(), (int, Decimal)) else o)
            for s, p, o in graph}


@PROPERTIES
@given(kg=GRAPHS)
def test_rdf_of_the_same_model_is_the_same_text(kg):
    first, second = to_rdf(kg), to_rdf(KnowledgeGraph(kg.documents[::-1], kg.entities[::-1], kg.facts[::-1]))
    for fmt in RDF_FORMATS:
        assert export_graph(first, fmt) == export_graph(second, fmt), fmt


# ---------------------------------------------------------------------------------------------
# Tables and view

@PROPERTIES
@given(kg=GRAPHS)
def test_tables_hold_any_text_and_read_back(kg):
    entities = list(csv.DictReader(io.StringIO(entities_csv(kg), newline="")))
    assert {(row["id"], row["label"]) for row in entities} == {(e.key, e.label) for e in kg.entities}
    facts = list(csv.DictReader(io.StringIO(facts_csv(kg), newline="")))
    assert len(facts) == len(kg.facts)
    said, = (row for row in facts if row["predicate"] == "said")
    sentence = kg.facts[1].sentence.text
    assert said["object"] == sentence and said["sentence"] == sentence.strip()


BENIGN_PAGE = render_html(to_rdf(knowledge_graph("Ann Lee", "NHS England", "Ann Lee said so.", "chair", "Reader",
                                                 "doc")), title="Ann Lee")


@settings(PROPERTIES, max_examples=60)
@given(kg=GRAPHS)
def test_the_view_shows_any_text_as_data_never_as_markup(kg):
    page = render_html(to_rdf(kg), title=kg.entities[0].label)
    payload = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert not re.search(r"[<>&]", payload)
    labels = json.dumps(json.loads(payload), ensure_ascii=False)
    for entity in kg.entities:
        assert json.dumps(entity.label, ensure_ascii=False)[1:-1] in labels
    for markup in ("<script", "</script", "<!--", "<style", "<img", "<iframe"):  # none comes from the data
        assert page.lower().count(markup) == BENIGN_PAGE.lower().count(markup), markup


# ---------------------------------------------------------------------------------------------
# Ingest: any bytes are read or skipped with one line, never a crash

BYTES = st.one_of(
    st.binary(max_size=600),
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(TEXT, st.sampled_from(("utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "utf-8-sig"))).map(
        lambda t: t[0].encode(t[1], "replace")),
    st.lists(st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<style>", "<![", "<!--", "<meta charset=",
                              "utf-16", "x", "Dr Ann Lee said so.", "\n\n", "&#0;", "&#x202e;", "\x00", "\xe9"]),
             max_size=30).map(lambda parts: "".join(parts).encode("utf-8")),
)


@PROPERTIES
@given(files=st.lists(st.tuples(BYTES, st.sampled_from((".txt", ".md", ".html"))), min_size=1, max_size=4))
def test_any_bytes_are_read_or_skipped_with_one_line(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("bytes")
    for number, (data, suffix) in enumerate(files):
        (folder / f"{number}{suffix}").write_bytes(data)
    try:
        result = read_documents([folder])
    except InputError as exc:
        assert str(exc).startswith("no document could be read (") and "\n" not in str(exc)
        return
    assert len(result.documents) + len(result.skipped) == len(files)
    for path, reason in result.skipped:
        assert reason and "\n" not in reason and "\r" not in reason and path.startswith(str(folder))
    for warning in result.warnings:
        assert "\n" not in warning and "\r" not in warning
    for doc in result.documents:
        assert clean_text(doc.text) == (doc.text, None)
        assert not re.search("\r(?!\n)|[\x0c\u2028\u2029]", doc.text)  # a table or N-Triples line ends there
        check_invariants(doc)


@PROPERTIES
@given(text=TEXT)
def test_cleaning_removes_every_invisible_and_control_character_once(text):
    cleaned, warning = clean_text(text)
    assert clean_text(cleaned) == (cleaned, None)
    assert (warning is None) == (cleaned == text)
    assert not [ch for ch in cleaned if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0c"]
    assert not set(cleaned) & set("\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067"
                                  "\u2068\u2069\ufeff\ufffe\uffff")
    kept = (set(string.printable) - {"\x0b"}) | {"\u200d", "\u200c", "\u00a0", "\u2028", "\u2029"}
    assert all(ch in cleaned for ch in set(text) & kept)


@PROPERTIES
@given(markup=st.one_of(TEXT, st.lists(st.sampled_from(
    ["<", ">", "</", "<!", "<![", "<![CDATA[", "]]>", "<!--", "-->", "<?", "<script>", "</script>", "<style>",
     "<p>", "</p>", "<pre>", "<li>", "<br/>", "&", "&#", "&#x", ";", "&#0;", "&#xD800;", "&#x110000;", '"', "'",
     "=", " ", "\n", "a", "<svg>", "<head>", "</head>", "<!DOCTYPE", "<![if !IE]>", "<![endif]>"]),
    max_size=40).map("".join)))
def test_any_markup_gives_text_and_a_well_formed_document(markup):
    text = html_to_text(markup)
    if text.strip():
        check_invariants(parse_document(clean_text(text)[0] or " ", doc_id="d", path="d.html"))

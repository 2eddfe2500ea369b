"""kg.query: finding queries, refusing unsafe ones, running, formatting, loading graphs, Markdown answers."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
from rdflib.query import Result

from kg.cli import main
from kg.errors import GraphError, KGError, QueryError
from kg.query import (
    FORMATS,
    QueryResult,
    answers_markdown,
    format_result,
    list_queries,
    load_graph,
    query_header,
    resolve_query,
    run_query,
)
from kg.rdf import to_rdf
from kg.store import StoreSpec, open_graph
from kg.vocab import SCHEMA
from tests.fixtures.http import recording_server
from tests.fixtures.mini import mini_graph

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?name ?alias WHERE {
  ?p a schema:Person ; schema:name ?name .
  OPTIONAL { ?p schema:alternateName ?alias }
} ORDER BY ?name"""


@pytest.fixture(scope="module")
def graph():
    return to_rdf(mini_graph())


# ---------------------------------------------------------------------------------------------
# resolve_query


def test_resolve_by_name():
    name, text = resolve_query("roles", QUERIES_DIR)
    assert name == "roles"
    assert text == (QUERIES_DIR / "roles.rq").read_text(encoding="utf-8")


def test_resolve_file_name_in_queries_dir():
    assert resolve_query("roles.rq", QUERIES_DIR) == resolve_query("roles", QUERIES_DIR)


def test_resolve_by_path(tmp_path):
    path = tmp_path / "my-question.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(path), QUERIES_DIR) == ("my-question", "SELECT * WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("spec", [
    "SELECT * WHERE { ?s ?p ?o }",
    "ASK { ?s ?p ?o }",
    "PREFIX schema: <https://schema.org/>\nSELECT ?n WHERE { ?x schema:name ?n }",
])
def test_resolve_inline(spec):
    assert resolve_query(spec, QUERIES_DIR) == ("inline", spec)


@pytest.mark.parametrize(("spec", "message"), [
    ("no-such-question", "unknown query 'no-such-question'; available queries: "),
    ("missing/file.rq", "query file not found: missing/file.rq"),
    ("   ", "empty query"),
])
def test_resolve_errors(spec, message):
    with pytest.raises(QueryError) as info:
        resolve_query(spec, QUERIES_DIR)
    assert message in str(info.value)


def test_unknown_name_lists_every_available_query():
    with pytest.raises(QueryError) as info:
        resolve_query("rolez", QUERIES_DIR)
    for path in QUERIES_DIR.glob("*.rq"):
        assert path.stem in str(info.value)


def test_unknown_name_in_empty_directory(tmp_path):
    with pytest.raises(QueryError, match="none"):
        resolve_query("roles", tmp_path)


def test_query_errors_are_kg_errors():
    assert issubclass(QueryError, KGError)


# ---------------------------------------------------------------------------------------------
# refusals


@pytest.mark.parametrize(("sparql", "expected"), [
    ("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }", "INSERT DATA"),
    ("LOAD <http://127.0.0.1:1/x>", "LOAD"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
    ("CLEAR ALL", "CLEAR"),
    ("DROP GRAPH <http://example.org/g>", "DROP"),
    ("CREATE GRAPH <http://example.org/g>", "CREATE"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "SERVICE <http://127.0.0.1:1/sparql>"),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { { SELECT ?s WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> "
     "{ ?s ?q ?r } } } } }", "SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:1/g> WHERE { ?s ?p ?o }", "FROM <http://127.0.0.1:1/g>"),
    ("SELECT * FROM NAMED <http://127.0.0.1:1/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM NAMED"),
    ("ASK FROM <http://127.0.0.1:1/g> { ?s ?p ?o }", "FROM"),
])
def test_refuses_updates_service_and_dataset_clauses(graph, sparql, expected):
    before = len(graph)
    with pytest.raises(QueryError) as info:
        run_query(graph, sparql)
    message = str(info.value)
    assert message.startswith("refused:")
    assert expected in message
    assert len(graph) == before


@pytest.mark.parametrize("sparql", [
    # the keywords only in a string and a comment: parsing, not a regex, decides
    'SELECT ?x WHERE { BIND("INSERT DATA { } SERVICE <http://x/> FROM <http://y/> LOAD" AS ?x) } # DROP ALL',
    "PREFIX ex: <http://example.org/service#>\nSELECT ?s WHERE { ?s ex:from ?o }",
])
def test_keywords_in_strings_and_comments_are_not_refused(graph, sparql):
    run_query(graph, sparql)


def test_malformed_query_reports_line_and_column(graph):
    sparql = "SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER( }\n"
    with pytest.raises(QueryError) as info:
        run_query(graph, sparql)
    message = str(info.value)
    assert "line 4, column 3" in message
    assert "(line:4, col:3)" in message  # the parser's own message
    assert "FILTER( }" in message


def test_unknown_prefix(graph):
    with pytest.raises(QueryError, match="Unknown namespace prefix : nope"):
        run_query(graph, "SELECT * WHERE { ?s nope:x ?o }")


def test_kg_prefixes_need_no_declaration(graph):
    rows = run_query(graph, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n").rows
    assert rows == (("Priya Natarajan",), ("Tom Ellery",))


def test_empty_query(graph):
    with pytest.raises(QueryError, match="empty query"):
        run_query(graph, " \n ")


# ---------------------------------------------------------------------------------------------
# run_query and bindings


def test_select_rows(graph):
    result = run_query(graph, PEOPLE)
    assert result.variables == ("name", "alias")
    assert result.rows == (("Priya Natarajan", "Dr Priya Natarajan"), ("Tom Ellery", "Professor Tom Ellery"))
    assert result.kind == "SELECT"


def test_unbound_values_are_none(graph):
    result = run_query(graph, "SELECT ?d ?title WHERE { ?d a schema:NewsArticle ; kg:fileName ?f "
                              "OPTIONAL { ?d dcterms:title ?title } } ORDER BY ?f")
    assert [row[1] for row in result.rows] == ["A report on general practice", None]


def test_result_is_frozen(graph):
    result = run_query(graph, PEOPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.rows = ()  # type: ignore[misc]


def test_bindings_filter(graph):
    rows = run_query(graph, PEOPLE, bindings={"name": "Tom Ellery"}).rows
    assert rows == (("Tom Ellery", "Professor Tom Ellery"),)
    assert run_query(graph, PEOPLE, bindings={"?name": "Tom Ellery"}).rows == rows


def test_bindings_are_plain_literals(graph):
    # a value that would break out of a string if it were formatted into the query text
    rows = run_query(graph, PEOPLE, bindings={"name": 'x" } } INSERT DATA { <a:b> <a:c> "d'}).rows
    assert rows == ()


@pytest.mark.parametrize(("bindings", "message"), [
    ({"nobody": "x"}, "unknown parameter ?nobody: the query's variables are ?alias, ?name, ?p"),
    ({"not a name": "x"}, "bad parameter name 'not a name'"),
    ({"name": 3}, "parameter ?name must be a string, not int"),
])
def test_bad_bindings(graph, bindings, message):
    with pytest.raises(QueryError) as info:
        run_query(graph, PEOPLE, bindings=bindings)
    assert message in str(info.value)


def test_ask(graph):
    result = run_query(graph, "ASK { ?p a schema:Person }")
    assert (result.kind, result.variables, result.rows) == ("ASK", ("ask",), (("true",),))


def test_construct_rows_are_sorted_triples(graph):
    result = run_query(graph, "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }")
    assert result.variables == ("subject", "predicate", "object")
    assert result.rows == tuple(sorted(result.rows))
    assert ("https://w3id.org/kg-gp/id/person/tom-ellery", str(SCHEMA.name), "Tom Ellery") in result.rows


# ---------------------------------------------------------------------------------------------
# format_result


@pytest.fixture(scope="module")
def people(graph):
    return run_query(graph, PEOPLE)


def test_format_json_is_sparql_results_json(people):
    data = json.loads(format_result(people, "json"))
    assert data["head"]["vars"] == ["name", "alias"]
    bindings = data["results"]["bindings"]
    assert bindings[0]["name"] == {"type": "literal", "value": "Priya Natarajan"}
    assert [b["alias"]["value"] for b in bindings] == ["Dr Priya Natarajan", "Professor Tom Ellery"]
    parsed = Result.parse(io.StringIO(format_result(people, "json")), format="json")
    assert [tuple(str(v) for v in row) for row in parsed] == list(people.rows)


def test_format_json_unbound_is_absent(graph):
    result = run_query(graph, "SELECT ?f ?title WHERE { ?d kg:fileName ?f OPTIONAL { ?d dcterms:title ?title } } "
                              "ORDER BY ?f")
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert bindings[1] == {"f": {"type": "literal", "value": "doc-b.txt"}}


def test_format_json_ask(graph):
    data = json.loads(format_result(run_query(graph, "ASK { ?s a schema:Quotation }"), "json"))
    assert data == {"head": {}, "boolean": True}


def test_format_csv(people):
    rows = list(csv.reader(io.StringIO(format_result(people, "csv"))))
    assert rows[0] == ["name", "alias"]
    assert [tuple(r) for r in rows[1:]] == list(people.rows)


def test_format_tsv_is_sparql_results_tsv(graph):
    result = run_query(graph, "SELECT ?name ?doc ?n WHERE { ?p a schema:Person ; schema:name ?name . "
                              "?doc schema:mentions ?p . BIND(STRLEN(?name) AS ?n) } ORDER BY ?name ?doc")
    text = format_result(result, "tsv")
    lines = text.splitlines()
    assert lines[0] == "?name\t?doc\t?n"
    assert lines[1] == ('"Priya Natarajan"\t<https://w3id.org/kg-gp/id/doc/doc-a>\t'
                        '"15"^^<http://www.w3.org/2001/XMLSchema#integer>')
    parsed = TSVResultParser().parse(io.StringIO(text))
    assert [tuple(row) for row in parsed] == result.terms()


def test_format_tsv_escapes(graph):
    result = run_query(graph, 'SELECT ?x WHERE { BIND("a\\tb\\nc \\"q\\"" AS ?x) }')
    assert format_result(result, "tsv") == '?x\n"a\\tb\\nc \\"q\\""\n'


def test_format_table_is_aligned(people):
    lines = format_result(people, "table").splitlines()
    assert lines == [
        "name             alias",
        "---------------  --------------------",
        "Priya Natarajan  Dr Priya Natarajan",
        "Tom Ellery       Professor Tom Ellery",
        "(2 rows)",
    ]


def test_format_table_empty(graph):
    result = run_query(graph, "SELECT ?x WHERE { ?x a schema:Nothing }")
    assert format_result(result, "table") == "x\n-\n(0 rows)\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(graph, fmt):
    first = format_result(run_query(graph, PEOPLE), fmt)
    assert first == format_result(run_query(graph, PEOPLE), fmt)


def test_unknown_format(people):
    with pytest.raises(QueryError, match="unknown result format 'xml'; valid formats: table, json, csv, tsv"):
        format_result(people, "xml")


# ---------------------------------------------------------------------------------------------
# load_graph


def test_load_graph_turtle_and_trig(graph, tmp_path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    assert len(load_graph(ttl)) == len(graph)
    trig = tmp_path / "g.trig"
    trig.write_text("<http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 . }\n"
                    "{ <http://example.org/a> <http://example.org/c> 2 . }\n", encoding="utf-8")
    loaded = load_graph(trig)
    assert len(loaded) == 2
    assert (URIRef("http://example.org/a"), URIRef("http://example.org/b"), Literal(1)) in loaded


def test_load_graph_missing(tmp_path):
    path = tmp_path / "absent.ttl"
    with pytest.raises(GraphError, match=f"graph file not found: {path}"):
        load_graph(path)


def test_load_graph_unparseable(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("<http://example.org/a> <http://example.org/b> .\n", encoding="utf-8")
    with pytest.raises(GraphError) as info:
        load_graph(path)
    assert f"cannot parse graph file {path} as turtle" in str(info.value)


def test_load_graph_unknown_suffix(tmp_path):
    path = tmp_path / "graph.docx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(GraphError, match=r"suffix '\.docx' is not one of .*\.ttl"):
        load_graph(path)


# ---------------------------------------------------------------------------------------------
# headers and answers_markdown


def test_query_header_continuation_lines():
    header = query_header("# Question: Who is\n#   who?\n# Parameters: none\nSELECT * WHERE { ?s ?p ?o }\n# Later: x")
    assert header == {"Question": "Who is who?", "Parameters": "none"}


def test_list_queries_reads_headers():
    stored = {q.name: q for q in list_queries(QUERIES_DIR)}
    assert stored["roles"].parameters == ("person_name", "org_name")
    assert stored["people-in-several-documents"].parameters == ()
    assert stored["roles"].question.startswith("Who holds which role")


def test_answers_markdown(graph):
    text = answers_markdown(graph, QUERIES_DIR)
    names = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == names
    roles = text.split("## roles\n", 1)[1].split("\n## ", 1)[0]
    assert "Who holds which role at which organisation" in roles
    assert "| person | role | organisation | confidence | file | sentence |" in roles
    assert "| Tom Ellery | chair | Royal College of General Practitioners | 0.85 | doc-a.txt |" in roles


def test_answers_markdown_no_rows_and_escaping(tmp_path):
    (tmp_path / "b-names.rq").write_text("# Question: What names are there?\n# Parameters: none\n"
                                         "SELECT ?n WHERE { ?x schema:name ?n } ORDER BY ?n\n", encoding="utf-8")
    (tmp_path / "a-nothing.rq").write_text("# Question: Anything?\nSELECT ?x WHERE { ?x a schema:Nothing }\n",
                                           encoding="utf-8")
    graph = Graph()
    graph.add((URIRef("http://example.org/x"), SCHEMA.name, Literal("A | B\nC")))
    text = answers_markdown(graph, tmp_path)
    assert text == ("## a-nothing\n\nAnything?\n\n_no rows_\n\n"
                    "## b-names\n\nWhat names are there?\n\n| n |\n| --- |\n| A \\| B C |\n")


@pytest.mark.parametrize("max_rows, shown, note", [
    (1, ["A"], "_the first 1 of 3 rows; all of them: `kg query names --format csv`_"),
    (2, ["A", "B"], "_the first 2 of 3 rows; all of them: `kg query names --format csv`_"),
    (3, ["A", "B", "C"], None),
    (1000, ["A", "B", "C"], None),
])
def test_answers_markdown_shows_at_most_max_rows_and_says_how_many_there_are(tmp_path, max_rows, shown, note):
    (tmp_path / "names.rq").write_text("# Question: What names?\nSELECT ?n WHERE { ?x schema:name ?n } ORDER BY ?n\n",
                                       encoding="utf-8")
    graph = Graph()
    for name in "CAB":
        graph.add((URIRef(f"http://example.org/{name}"), SCHEMA.name, Literal(name)))
    text = answers_markdown(graph, tmp_path, max_rows=max_rows)
    assert [line[2:-2] for line in text.splitlines() if line.startswith("| ") and line not in ("| n |", "| --- |")] == shown
    notes = [line for line in text.splitlines() if line.startswith("_the first")]
    assert notes == ([note] if note else [])


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
@pytest.mark.parametrize("max_rows, rows, total", [(0, [], 3), (2, ["A", "B"], 3), (3, ["A", "B", "C"], 3),
                                                   (None, ["A", "B", "C"], 3)])
def test_run_query_keeps_the_first_max_rows_and_counts_them_all(store, max_rows, rows, total):
    graph = open_graph(StoreSpec(store))
    for name in "CAB":
        graph.add((URIRef(f"http://example.org/{name}"), SCHEMA.name, Literal(name)))
    result = run_query(graph, "SELECT ?n WHERE { ?x schema:name ?n } ORDER BY ?n", max_rows=max_rows)
    assert [row[0] for row in result.rows] == rows
    assert result.total == total


def test_run_query_refuses_a_negative_max_rows(graph):
    with pytest.raises(QueryError, match="max_rows must be 0 or more, not -1"):
        run_query(graph, PEOPLE, max_rows=-1)


def test_answers_markdown_refuses_a_cap_below_one(tmp_path, graph):
    with pytest.raises(QueryError, match="max_rows must be at least 1, not 0"):
        answers_markdown(graph, tmp_path, max_rows=0)


def test_answers_markdown_names_a_failing_query(tmp_path, graph):
    (tmp_path / "bad.rq").write_text("# Question: Broken?\nSELECT WHERE {\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"query bad \(.*bad\.rq\): malformed SPARQL query at line"):
        answers_markdown(graph, tmp_path)


def test_query_result_equality_ignores_raw(graph):
    assert run_query(graph, PEOPLE) == run_query(graph, PEOPLE)
    assert isinstance(run_query(graph, PEOPLE), QueryResult)


# ---------------------------------------------------------------------------------------------
# kg query fetches nothing: a local server records every request a refused query might have made




@pytest.fixture
def recorder() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(http://127.0.0.1:PORT, hits): a server on this machine answering SPARQL and Turtle, noting each request."""
    with recording_server() as recorded:
        yield recorded


def test_the_recorder_sees_a_fetch(recorder):
    # the control: without kg's refusal, rdflib's SERVICE does reach the recorder (so zero hits below means something)
    base, hits = recorder
    rows = list(Graph().query(f"SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}"))
    assert rows == []
    with urllib.request.urlopen(f"{base}/x.ttl", timeout=10) as response:
        assert response.status == 200
    assert [hit[1].split("?")[0] for hit in hits] == ["/sparql", "/x.ttl"]


@pytest.mark.parametrize(("sparql", "keyword"), [
    ("SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}", "SERVICE"),
    ("SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE SILENT <{base}/sparql> {{ ?s ?p ?o }} }} }}", "SERVICE"),
    ("LOAD <{base}/x.ttl>", "LOAD"),
    ("LOAD SILENT <{base}/x.ttl> INTO GRAPH <http://example.org/g>", "LOAD"),
    ("SELECT * FROM <{base}/x.ttl> WHERE {{ ?s ?p ?o }}", "FROM"),
    ("SELECT * FROM NAMED <{base}/x.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", "FROM NAMED"),
    ("CONSTRUCT {{ ?s ?p ?o }} FROM <{base}/x.ttl> WHERE {{ ?s ?p ?o }}", "FROM"),
])
def test_kg_query_refuses_and_fetches_nothing(recorder, graph, tmp_path, capsys, sparql, keyword):
    base, hits = recorder
    graph_file = tmp_path / "graph.ttl"
    graph_file.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    query = sparql.format(base=base)
    code = main(["query", query, "--graph", str(graph_file)])
    captured = capsys.readouterr()
    assert code != 0
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kg query: error: refused")
    assert keyword in lines[0]
    assert hits == []


def test_kg_query_stops_a_pathological_query_at_its_time_limit(tmp_path, capsys):
    # a cross product of everything: far more rows than any time limit allows
    big = Graph()
    for i in range(400):
        big.add((URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"), Literal(i)))
    path = tmp_path / "big.ttl"
    big.serialize(path, format="turtle")
    started = time.perf_counter()
    code = main(["query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "--graph", str(path),
                 "--timeout", "1"])
    err = capsys.readouterr().err.strip()
    assert code != 0 and "exceeded the time limit of 1 s" in err and len(err.splitlines()) == 1
    assert time.perf_counter() - started < 15
    # and an ordinary query still answers under the same limit
    assert main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", str(path), "--timeout", "5",
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "400"]

"""kg.serve: the read-only SPARQL endpoint, over real HTTP on 127.0.0.1 with a real client (SPARQLWrapper)."""
from __future__ import annotations

import http.client
import io
import logging
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.query import Result
from SPARQLWrapper import ASK as ASK_TYPE
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import GraphError, KGError
from kg.query import run_query
from kg.rdf import to_rdf
from kg.serve import ENDPOINT, make_server, negotiate
from tests.fixtures.http import recording_server, serving
from tests.fixtures.mini import mini_graph

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = """SELECT ?name ?alias WHERE {
  ?p a schema:Person ; schema:name ?name .
  OPTIONAL { ?p schema:alternateName ?alias }
} ORDER BY ?name ?alias"""
DOCUMENTS = """SELECT ?doc ?title ?absent WHERE {
  ?doc a schema:NewsArticle .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc <http://example.org/no-such-property> ?absent }
} ORDER BY ?doc"""
ORGANISATIONS = "SELECT ?name WHERE { ?o a schema:Organization ; schema:name ?name } ORDER BY ?name"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ROLES = """CONSTRUCT { ?person kg:holdsRole ?org } WHERE { ?person kg:holdsRole ?org }"""
PATHOLOGICAL = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@dataclass
class Endpoint:
    url: str  # .../sparql
    base: str  # http://127.0.0.1:PORT
    graph: Graph
    server: ThreadingHTTPServer


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_rdf(mini_graph())


def _running(graph: Graph, timeout: float, workers: int | None = None) -> Iterator[Endpoint]:
    server = make_server(graph, host="127.0.0.1", port=0, timeout=timeout, workers=workers)
    with serving(server) as base:
        yield Endpoint(base + ENDPOINT, base, graph, server)


@pytest.fixture(scope="module")
def endpoint(graph) -> Iterator[Endpoint]:
    yield from _running(graph, timeout=10.0)


@pytest.fixture(scope="module")
def hasty(graph) -> Iterator[Endpoint]:
    """An endpoint with a one-second time limit."""
    yield from _running(graph, timeout=1.0, workers=2)


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """A local web server that records every request made to it: (base URL, (method, path) hits)."""
    with recording_server() as recorded:
        yield recorded


# ---------------------------------------------------------------------------------------------
# helpers


def client(url: str, query: str, fmt: str = JSON, *, method: str = "GET", request: str = URLENCODED) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setRequestMethod(request)
    sparql.setTimeout(30)
    return sparql


def json_rows(data: dict) -> list[tuple[str | None, ...]]:
    names = data["head"]["vars"]
    return [tuple(b[v]["value"] if v in b else None for v in names) for b in data["results"]["bindings"]]


def parsed_rows(body: bytes, fmt: str) -> list[tuple[str | None, ...]]:
    result = Result.parse(io.BytesIO(body), format=fmt)
    return [tuple(None if row[v] is None else str(row[v]) for v in result.vars) for row in result]


def fetch(method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
         ) -> tuple[int, str, str]:
    """(status, Content-Type, body text) of one plain request; error statuses are returned, not raised."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def get_query(ep: Endpoint, query: str, accept: str | None = None, **extra: str) -> tuple[int, str, str]:
    params = urllib.parse.urlencode({"query": query, **extra})
    return fetch("GET", f"{ep.url}?{params}", headers={"Accept": accept} if accept else {})


def post_form(ep: Endpoint, fields: dict[str, str], accept: str | None = None) -> tuple[int, str, str]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return fetch("POST", ep.url, body=urllib.parse.urlencode(fields).encode("utf-8"), headers=headers)


def triple_count(ep: Endpoint) -> int:
    data = client(ep.url, COUNT).query().convert()
    return int(data["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------------------------------------
# queries and formats


@pytest.mark.parametrize(("method", "request_method"), [("GET", URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)],
                         ids=["get", "post-form", "post-sparql-query"])
def test_select_returns_the_rows_run_query_gives(endpoint, graph, method, request_method):
    expected = list(run_query(graph, PEOPLE).rows)
    data = client(endpoint.url, PEOPLE, method=method, request=request_method).query().convert()
    assert data["head"]["vars"] == ["name", "alias"]
    assert json_rows(data) == expected
    assert len(expected) >= 2
    expected = list(run_query(graph, DOCUMENTS).rows)
    data = client(endpoint.url, DOCUMENTS, method=method, request=request_method).query().convert()
    assert json_rows(data) == expected
    assert expected and all(row[-1] is None for row in expected)  # unbound stays unbound


@pytest.mark.parametrize(("fmt", "media", "parser"), [
    (JSON, "application/sparql-results+json", "json"),
    (XML, "application/sparql-results+xml", "xml"),
    (CSV, "text/csv", "csv"),
    (TSV, "text/tab-separated-values", "tsv"),
])
def test_result_format_follows_the_accept_header(endpoint, graph, fmt, media, parser):
    for query in (ORGANISATIONS, DOCUMENTS):
        expected = list(run_query(graph, query).rows)
        response = client(endpoint.url, query, fmt).query()
        assert response.info()["content-type"].split(";")[0] == media
        assert parsed_rows(response.response.read(), parser) == expected
        assert len(expected) >= 2


def test_accept_alone_chooses_the_format_with_q_values(endpoint):
    status, content_type, text = get_query(endpoint, ORGANISATIONS,
                                           "text/csv;q=0.5, text/tab-separated-values, */*;q=0.1")
    assert status == 200
    assert content_type.startswith("text/tab-separated-values")
    assert text.splitlines()[0] == "?name"
    status, content_type, _ = get_query(endpoint, ORGANISATIONS)  # no Accept: SPARQL JSON
    assert (status, content_type) == (200, "application/sparql-results+json")
    status, _, text = get_query(endpoint, ORGANISATIONS, "text/turtle")
    assert status == 406
    assert "text/csv" in text  # says what is supported


def test_negotiate_picks_the_most_preferred_offer():
    assert negotiate(None) == ("application/sparql-results+json", "json")
    assert negotiate("text/*") == ("text/csv; charset=utf-8", "csv")
    assert negotiate("application/xml;q=0.9, text/csv") == ("text/csv; charset=utf-8", "csv")
    assert negotiate("text/csv;q=0, application/sparql-results+xml") == ("application/sparql-results+xml", "xml")
    assert negotiate("image/png") is None
    assert negotiate("text/csv;q=nonsense") is None


def test_ask(endpoint):
    sparql = client(endpoint.url, "ASK { ?p a schema:Person ; schema:name 'Tom Ellery' }")
    assert sparql.queryType == ASK_TYPE
    assert sparql.query().convert()["boolean"] is True
    assert client(endpoint.url, "ASK { ?p schema:name 'Nobody At All' }").query().convert()["boolean"] is False
    xml = client(endpoint.url, "ASK { ?s ?p ?o }", XML).query()
    assert xml.info()["content-type"] == "application/sparql-results+xml"
    assert Result.parse(io.BytesIO(xml.response.read()), format="xml").askAnswer is True


def test_construct_as_turtle(endpoint, graph):
    response = client(endpoint.url, ROLES, TURTLE).query()
    assert response.info()["content-type"].split(";")[0] == "text/turtle"
    got = Graph().parse(data=response.convert(), format="turtle")
    expected = run_query(graph, ROLES).raw.graph
    assert len(got) == len(expected) >= 2
    assert isomorphic(got, expected)


def test_describe_defaults_to_turtle(endpoint):
    status, content_type, text = get_query(endpoint, "DESCRIBE <https://w3id.org/kg-gp/id/org/medacloud>")
    assert status == 200
    assert content_type.startswith("text/turtle")
    assert len(Graph().parse(data=text, format="turtle")) > 0


# ---------------------------------------------------------------------------------------------
# refusals


UPDATES = {
    "insert-data": "INSERT DATA { <http://example.org/s> <http://example.org/p> 'planted' }",
    "load": "LOAD <{recorder}/data.nt>",
    "clear": "CLEAR ALL",
}


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_updates_are_refused_and_change_nothing(endpoint, graph, recorder, name):
    base, hits = recorder
    update = UPDATES[name].replace("{recorder}", base)
    before = len(graph)
    assert triple_count(endpoint) == before
    for request_method in (URLENCODED, POSTDIRECTLY):  # update=... and application/sparql-update
        sparql = client(endpoint.url, update, method=POST, request=request_method)
        assert sparql.isSparqlUpdateRequest()
        with pytest.raises(urllib.error.HTTPError) as refused:
            sparql.query()
        assert refused.value.code == 403
        assert "read-only" in refused.value.read().decode("utf-8")
    # smuggled in as a query, by GET and by POST
    for status, _, text in (get_query(endpoint, update), post_form(endpoint, {"query": update})):
        assert status == 400
        assert "refused: SPARQL update" in text
    assert triple_count(endpoint) == before == len(graph)
    assert hits == []


def test_service_is_refused_and_nothing_is_fetched(endpoint, recorder):
    base, hits = recorder
    query = f"SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryBadFormed) as refused:
        client(endpoint.url, query).query()
    assert "SERVICE" in str(refused.value)
    assert "refused" in str(refused.value)
    status, _, text = post_form(endpoint, {"query": f"SELECT * WHERE {{ ?x ?y ?z . SERVICE SILENT <{base}/> {{ ?s ?p ?o }} }}"})
    assert status == 400
    assert "federated queries are not allowed" in text
    assert hits == []


def test_external_datasets_are_refused_and_nothing_is_fetched(endpoint, recorder):
    base, hits = recorder
    for query in (f"SELECT * FROM <{base}/data.nt> WHERE {{ ?s ?p ?o }}",
                  f"SELECT * FROM NAMED <{base}/named.nt> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
        status, content_type, text = get_query(endpoint, query)
        assert status == 400
        assert content_type.startswith("text/plain")
        assert "refused" in text and "FROM" in text
    status, _, text = get_query(endpoint, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": f"{base}/data.nt"})
    assert status == 400
    assert "default-graph-uri" in text
    status, _, text = post_form(endpoint, {"query": "SELECT * WHERE { ?s ?p ?o }", "named-graph-uri": f"{base}/x"})
    assert status == 400
    assert hits == []


def test_malformed_query_gets_the_parser_message_with_line_and_column(endpoint):
    query = "SELECT ?name\nWHERE {\n  ?p schema:name ?name ..\n}"
    with pytest.raises(QueryBadFormed) as bad:
        client(endpoint.url, query).query()
    assert re.search(r"line 3, column \d+", str(bad.value))
    status, content_type, text = post_form(endpoint, {"query": query})
    assert status == 400
    assert content_type == "text/plain; charset=utf-8"
    assert text.startswith("malformed SPARQL query at line 3, column ")
    status, _, text = get_query(endpoint, "SELECT ?x WHERE { ?x nope:thing ?y }")
    assert status == 400
    assert "nope" in text


def test_a_pathological_query_is_stopped_at_the_time_limit(hasty, graph):
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as stopped:
        client(hasty.url, PATHOLOGICAL).query()
    elapsed = time.monotonic() - started
    assert stopped.value.code == 503
    assert "exceeded the time limit of 1 s" in stopped.value.read().decode("utf-8")
    assert 1.0 <= elapsed < 5.0
    # the server still answers, and correctly
    assert json_rows(client(hasty.url, PEOPLE).query().convert()) == list(run_query(graph, PEOPLE).rows)
    # and the stopped worker is replaced: several ordinary queries in a row keep working
    for _ in range(3):
        assert triple_count(hasty) == len(graph)


def test_a_worker_that_dies_is_reported_and_replaced(hasty, graph):
    pool = hasty.server.pool
    victims = [worker.pid for worker in list(pool._workers)]
    assert len(victims) == 2
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    statuses = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status, _, text = get_query(hasty, COUNT, "text/csv")
        statuses.append(status)
        if status == 200:
            assert text.splitlines()[1] == str(len(graph))
            break
        assert status == 503
        assert "stopped unexpectedly" in text or "busy" in text
    assert statuses[-1] == 200
    assert 503 in statuses  # the dead worker was noticed, not silently used
    assert not {worker.pid for worker in pool._workers} & set(victims)


def test_bad_requests_never_get_a_server_error(endpoint, graph):
    ep = endpoint
    cases = [
        ("GET", f"{ep.base}/nowhere", None, {}, 404),
        ("GET", ep.url, None, {}, 400),  # no query
        ("GET", f"{ep.url}?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400),  # two queries
        ("GET", f"{ep.url}?query=%FF%FE", None, {}, 400),  # not UTF-8
        ("PUT", ep.url, b"x", {"Content-Type": "text/plain"}, 405),
        ("DELETE", ep.url, None, {}, 405),
        ("POST", ep.url, b"ASK {}", {"Content-Type": "text/plain"}, 415),
        ("POST", ep.url, b"\xff\xfe", {"Content-Type": "application/sparql-query"}, 400),
        ("POST", ep.url, b"ASK {}", {"Content-Type": "application/sparql-query", "Content-Length": "-3"}, 400),
        ("POST", ep.url, b"", {"Content-Type": "application/sparql-query"}, 400),  # empty query
        ("POST", ep.url, b"query=" + b"%7B" * 2000, {"Content-Type": "application/x-www-form-urlencoded"}, 400),
        ("POST", ep.url, b"query=SELECT+*+WHERE+" + b"%7B" * 3000 + b"%7D" * 3000,
         {"Content-Type": "application/x-www-form-urlencoded"}, 400),  # deeply nested
        ("POST", f"{ep.base}/", b"query=ASK{}", {"Content-Type": "application/x-www-form-urlencoded"}, 404),
    ]
    for method, url, body, headers, expected in cases:
        status, content_type, text = fetch(method, url, body=body, headers=headers)
        assert status == expected, (method, url, body, status, text)
        assert content_type.startswith("text/plain")
        assert text.strip()
    # a body over the limit and one shorter than announced, over a raw connection
    host, port = ep.base.removeprefix("http://").split(":")
    for length, sent, expected in ((50_000_000, b"", 413), (100, b"query=ASK", 400)):
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.putrequest("POST", ENDPOINT)
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        connection.send(sent)
        if length == 100:
            connection.sock.shutdown(socket.SHUT_WR)  # the client gives up sending
        assert connection.getresponse().status == expected
        connection.close()
    # garbage instead of HTTP (answered the HTTP/0.9 way, with no status line), and a huge header
    for garbage, answer in ((b"\x00\x01 nonsense \xff\r\n\r\n", b"400 Bad request version"),
                            (b"GET /sparql HTTP/1.1\r\nX-Junk: " + b"x" * 70_000 + b"\r\n\r\n", b"HTTP/1.0 431")):
        with socket.create_connection((host, int(port)), timeout=30) as raw:
            raw.sendall(garbage)
            assert raw.recv(100).startswith(answer)
    assert triple_count(ep) == len(graph)


def test_fifty_concurrent_clients(endpoint, graph):
    people = list(run_query(graph, PEOPLE).rows)
    organisations = list(run_query(graph, ORGANISATIONS).rows)
    start = threading.Barrier(50, timeout=30)

    def one_client(number: int) -> int:
        start.wait()
        assert json_rows(client(endpoint.url, PEOPLE).query().convert()) == people
        method = POST if number % 2 else "GET"
        assert json_rows(client(endpoint.url, ORGANISATIONS, method=method).query().convert()) == organisations
        csv = client(endpoint.url, ORGANISATIONS, CSV, method=POST, request=POSTDIRECTLY).query().convert()
        assert parsed_rows(csv, "csv") == organisations
        assert client(endpoint.url, "ASK { ?s a schema:Person }").query().convert()["boolean"] is True
        return 4

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=50) as pool:
        answered = sum(pool.map(one_client, range(50)))
    assert answered == 200
    assert time.monotonic() - began < 30


# ---------------------------------------------------------------------------------------------
# the page, logging, start-up


def test_query_page(endpoint):
    with urllib.request.urlopen(endpoint.base + "/", timeout=30) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        page = response.read().decode("utf-8")
    assert re.search(r'<form[^>]*method="post"[^>]*action="/sparql"', page)
    assert '<textarea id="query" name="query"' in page
    assert re.search(r"\d+ triples", page)
    assert not re.search(r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=""", page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "@import" not in page and "url(" not in page
    # what the form sends without JavaScript (the chosen format travels as accept=...)
    status, content_type, text = post_form(endpoint, {"query": ORGANISATIONS, "accept": "text/csv"})
    assert status == 200
    assert content_type.startswith("text/csv")
    assert text.splitlines()[0] == "name"
    status, _, _ = fetch("HEAD", endpoint.base + "/")
    assert status == 200


def test_one_log_line_per_request(endpoint, caplog):
    caplog.set_level(logging.INFO, logger="kg.serve")
    assert get_query(endpoint, "ASK { ?s ?p ?o }")[0] == 200
    assert get_query(endpoint, "ASK {")[0] == 400
    lines = [r.getMessage() for r in caplog.records if r.name == "kg.serve"]
    assert len(lines) == 2
    assert re.fullmatch(r'127\.0\.0\.1 "GET /sparql\?query=ASK\S* HTTP/1\.1" 200 \d+ ms', lines[0])
    assert " 400 " in lines[1]


def test_make_server_checks_its_arguments(graph):
    with pytest.raises(KGError, match="time limit"):
        make_server(graph, timeout=0)
    with pytest.raises(KGError, match="port"):
        make_server(graph, port=70000)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(KGError, match="cannot listen"):
            make_server(graph, port=taken.getsockname()[1])


def _block_sigint() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


# a parent may hand SIGINT down blocked (a full test run once did): Ctrl-C must stop the server all the same
@pytest.mark.parametrize("inherited", [None, _block_sigint], ids=["plain", "sigint-blocked-by-the-parent"])
def test_serve_loads_the_graph_logs_and_stops_on_ctrl_c(graph, tmp_path, inherited):
    from kg.serve import serve

    with pytest.raises(GraphError):
        serve(tmp_path / "missing.ttl", port=0)
    path = tmp_path / "graph.ttl"
    graph.serialize(destination=path, format="turtle")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    code = f"from kg.serve import serve; serve({str(path)!r}, port=0, timeout=5)"
    process = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, env=env,
                               preexec_fn=inherited)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    try:
        first = lines.get(timeout=30)
        match = re.search(rf"serving {len(graph)} triples from .* at (http://127\.0\.0\.1:\d+/sparql)", first)
        assert match, first
        assert json_rows(client(match.group(1), PEOPLE).query().convert()) == list(run_query(graph, PEOPLE).rows)
        assert '"GET /sparql?query=' in lines.get(timeout=10)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        assert "stopped" in lines.get(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

"""`kg push`: a graph file loaded into a real `oxigraph serve` through the SPARQL 1.1 Graph Store HTTP Protocol,
read back through its SPARQL endpoint; retries, refusals and the CLI against small scripted HTTP servers."""
from __future__ import annotations

import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import GraphError, PushError
from kg.export import export_graph
from kg.push import PushResult, batch, graph_store_url, push_graph
from kg.rdf import to_rdf
from tests.fixtures.http import serving
from tests.fixtures.mini import query_graph
from tests.fixtures.oxigraph import comparable_triple, free_port, http, running_oxigraph

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "golden" / "mini.ttl"
NAMED = "https://example.org/graph/gp-news"
FAST = {"backoff": 0.01}  # retries without waiting


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    """The query fixture graph (596 triples, numbers, dates, language-free strings with curly quotes) as Turtle."""
    path = tmp_path_factory.mktemp("push") / "graph.ttl"
    export_graph(to_rdf(query_graph()), "ttl", path)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with running_oxigraph(tmp_path_factory.mktemp("oxigraph-push")) as base:
        yield base


@pytest.fixture
def store(server) -> str:
    """The server emptied: its Graph Store endpoint."""
    http("POST", f"{server}/update", urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
         "application/x-www-form-urlencoded")
    return f"{server}/store"


def _construct(store: str, graph_iri: str | None = None) -> Graph:
    """What the server's SPARQL endpoint says the default graph (or the named graph) holds."""
    where = "?s ?p ?o" if graph_iri is None else f"GRAPH <{graph_iri}> {{ ?s ?p ?o }}"
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}"
    status, body = http("POST", store.removesuffix("/store") + "/query",
                        urllib.parse.urlencode({"query": query}).encode(), "application/x-www-form-urlencoded",
                        accept="application/n-triples")
    assert status == 200
    return Graph().parse(data=body.decode("utf-8"), format="nt")


def _named_graphs(store: str) -> set[str]:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, body = http("POST", store.removesuffix("/store") + "/query",
                        urllib.parse.urlencode({"query": query}).encode(), "application/x-www-form-urlencoded",
                        accept="text/csv")
    assert status == 200
    return set(body.decode("utf-8").split()[1:])


def _same_triples(served: Graph, path: Path) -> None:
    """The same set of triples, numbers compared by value (Oxigraph stores 0.90 as 0.9, nonNegativeInteger as
    integer: see tests/fixtures/oxigraph.py)."""
    original = Graph().parse(path)
    assert len(served) == len(original)
    assert {comparable_triple(t) for t in served} == {comparable_triple(t) for t in original}


# ---------------------------------------------------------------------------------------------
# against a real oxigraph serve


def test_push_loads_exactly_the_files_triples_into_the_default_graph(store, graph_file):
    result = push_graph(graph_file, store)
    assert result == PushResult(triples=596, batches=1, seconds=result.seconds, endpoint=store, graph=None)
    _same_triples(_construct(store), graph_file)
    assert _named_graphs(store) == set()


def test_a_named_graph_lands_in_that_graph_only(store, graph_file):
    push_graph(MINI, store)  # something else in the default graph, which must stay as it is
    result = push_graph(graph_file, store, graph_iri=NAMED)
    assert result.graph == NAMED and result.triples == 596
    _same_triples(_construct(store, NAMED), graph_file)
    assert _named_graphs(store) == {NAMED}
    _same_triples(_construct(store), MINI)


def test_small_batches_give_several_requests_and_the_same_graph(store, graph_file):
    result = push_graph(graph_file, store, batch_triples=100)
    assert (result.triples, result.batches) == (596, 6)
    _same_triples(_construct(store), graph_file)


def test_pushing_twice_replaces_instead_of_duplicating(store, graph_file):
    push_graph(graph_file, store, batch_triples=100)
    push_graph(graph_file, store, batch_triples=100)
    _same_triples(_construct(store), graph_file)
    push_graph(MINI, store, batch_triples=100)  # a smaller graph replaces the larger one entirely
    _same_triples(_construct(store), MINI)


def test_blank_nodes_keep_their_meaning_across_batches(store, tmp_path):
    path = tmp_path / "blank.ttl"
    path.write_text(
        "@prefix ex: <https://example.org/> .\n"
        + "".join(f"ex:s{i} ex:p {i} .\n" for i in range(7))
        + 'ex:report ex:amount [ ex:value 3.5 ; ex:currency "GBP" ; ex:per [ ex:unit "year" ; ex:n 1 ] ] .\n'
          'ex:other ex:amount [ ex:value 3.5 ; ex:currency "GBP" ] .\n'
          '[ ex:a "lonely" ] .\n',
        encoding="utf-8")
    result = push_graph(path, store, batch_triples=2)
    assert result.triples == 17
    served = _construct(store)
    assert isomorphic(served, Graph().parse(path))


def test_an_empty_graph_empties_the_target(store, tmp_path):
    push_graph(MINI, store)
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix ex: <https://example.org/> .\n", encoding="utf-8")
    result = push_graph(empty, store)
    assert (result.triples, result.batches) == (0, 1)
    assert len(_construct(store)) == 0
    assert result.summary().startswith(f"pushed 0 triples in 1 batch to {store} (default graph) in ")


def test_a_wrong_path_is_a_clear_error_with_the_status(server, graph_file):
    with pytest.raises(PushError) as caught:
        push_graph(graph_file, f"{server}/nope", **FAST)
    assert str(caught.value) == (f"cannot push to {server}/nope: batch 1 of 1 (PUT, 596 triples): HTTP 404 Not Found: "
                                 f"PUT /nope is not supported by this server")


def test_a_closed_port_fails_after_the_retries(graph_file):
    endpoint = f"http://127.0.0.1:{free_port()}/store"  # bound and released: nothing listens there
    started = time.monotonic()
    with pytest.raises(PushError) as caught:
        push_graph(graph_file, endpoint, retries=2, **FAST)
    assert str(caught.value) == (f"cannot push to {endpoint}: batch 1 of 1 (PUT, 596 triples): connection refused "
                                 f"(after 3 attempts)")
    assert time.monotonic() - started < 5


# ---------------------------------------------------------------------------------------------
# against a scripted server: what is sent, what is retried


@dataclass
class Script:
    """Statuses to answer in turn (the last one repeats); what was received."""

    statuses: list[int]
    headers: dict[str, str] = field(default_factory=dict)
    received: list[tuple[str, str, str, bytes]] = field(default_factory=list)  # method, path, content type, body
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def scripted(script: Script) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with script.lock:
                script.received.append((self.command, self.path, self.headers.get("Content-Type", ""), body))
                status = script.statuses[min(len(script.received), len(script.statuses)) - 1]
            text = b"" if status < 300 else f"scripted {status}\n  second line".encode()
            self.send_response(status)
            for name, value in script.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text)

        do_PUT = do_POST = do_GET = _answer  # noqa: N815

        def log_message(self, *args) -> None:
            pass

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as base:
        yield f"{base}/store"


def test_the_batches_are_the_files_triples_put_then_posted(graph_file):
    script = Script([204])
    with scripted(script) as endpoint:
        result = push_graph(graph_file, endpoint, graph_iri=NAMED, batch_triples=250)
    assert result.batches == 3
    assert [r[0] for r in script.received] == ["PUT", "POST", "POST"]
    assert {r[1] for r in script.received} == {"/store?graph=https%3A%2F%2Fexample.org%2Fgraph%2Fgp-news"}
    assert {r[2] for r in script.received} == {"application/n-triples"}
    sent = Graph()
    for _, _, _, body in script.received:
        part = Graph().parse(data=body.decode("utf-8"), format="nt")
        assert len(part) <= 250
        sent += part
    assert isomorphic(sent, Graph().parse(graph_file))  # exactly: same lexical forms and datatypes


def test_5xx_is_retried_and_then_succeeds(graph_file):
    script = Script([503, 500, 204])
    with scripted(script) as endpoint:
        result = push_graph(graph_file, endpoint, retries=3, **FAST)
    assert result.batches == 1 and len(script.received) == 3
    assert [r[0] for r in script.received] == ["PUT"] * 3
    assert len({r[3] for r in script.received}) == 1  # the same body each time


def test_5xx_to_the_end_names_the_batch_status_and_attempts(graph_file):
    script = Script([204, 502])
    with scripted(script) as endpoint:
        with pytest.raises(PushError) as caught:
            push_graph(graph_file, endpoint, batch_triples=500, retries=2, **FAST)
    assert str(caught.value) == (f"cannot push to {endpoint}: batch 2 of 2 (POST, 96 triples): HTTP 502 Bad Gateway: "
                                 f"scripted 502 second line (after 3 attempts)")
    assert len(script.received) == 4


@pytest.mark.parametrize("status, reason", [(400, "Bad Request"), (401, "Unauthorized"), (404, "Not Found"),
                                            (413, "Request Entity Too Large")])
def test_4xx_is_not_retried(graph_file, status, reason):
    script = Script([status])
    with scripted(script) as endpoint:
        with pytest.raises(PushError, match=f"batch 1 of 1 \\(PUT, 596 triples\\): HTTP {status} {reason}: "
                                            f"scripted {status} second line$"):
            push_graph(graph_file, endpoint, retries=3, **FAST)
    assert len(script.received) == 1


def test_429_is_retried(graph_file):
    script = Script([429, 204])
    with scripted(script) as endpoint:
        push_graph(graph_file, endpoint, **FAST)
    assert len(script.received) == 2


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed(graph_file, status):
    """urllib would follow a 301-303 after a POST with a GET and drop the data: kg stops and says where to go."""
    script = Script([204, status], headers={"Location": "http://127.0.0.1:9/elsewhere"})
    with scripted(script) as endpoint:
        with pytest.raises(PushError, match=f"batch 2 of 2 \\(POST, 96 triples\\): HTTP {status} .*redirected to "
                                            f"http://127.0.0.1:9/elsewhere: give that URL as the endpoint\\)$"):
            push_graph(graph_file, endpoint, batch_triples=500, **FAST)
    assert [r[0] for r in script.received] == ["PUT", "POST"]


# ---------------------------------------------------------------------------------------------
# arguments, URLs, batches


@pytest.mark.parametrize("endpoint, graph_iri, message", [
    ("ftp://127.0.0.1/store", None, "is not an http:// or https:// URL"),
    ("127.0.0.1:7878/store", None, "is not an http:// or https:// URL"),
    ("file:///etc/passwd", None, "is not an http:// or https:// URL"),
    ("http:///store", None, "is not an http:// or https:// URL"),
    ("http://127.0.0.1:99999/store", None, "is not a valid URL"),
    ("http://127.0.0.1:7878/store?default", None, "already names a graph"),
    ("http://127.0.0.1:7878/store?graph=urn:x", None, "already names a graph"),
    ("http://127.0.0.1:7878/store#x", None, "has a fragment"),
    ("http://127.0.0.1:7878/store", "gp-news", "is not an absolute IRI"),
    ("http://127.0.0.1:7878/store", "https://example.org/a graph", "is not an absolute IRI"),
    ("http://127.0.0.1:7878/store", "<https://example.org/g>", "is not an absolute IRI"),
])
def test_bad_endpoints_and_graph_iris_are_refused_before_anything_is_read(endpoint, graph_iri, message, tmp_path):
    with pytest.raises(PushError, match=re.escape(message)):
        push_graph(tmp_path / "missing.ttl", endpoint, graph_iri=graph_iri)


def test_a_bad_graph_file_is_the_graph_loaders_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot parse graph file"):
        push_graph(bad, "http://127.0.0.1:1/store")
    with pytest.raises(GraphError, match="graph file not found"):
        push_graph(tmp_path / "missing.ttl", "http://127.0.0.1:1/store")


@pytest.mark.parametrize("options", [{"batch_triples": 0}, {"retries": -1}, {"timeout": 0}])
def test_bad_options_are_refused(options):
    with pytest.raises(PushError):
        push_graph(MINI, "http://127.0.0.1:1/store", **options)


def test_graph_store_urls():
    assert graph_store_url("http://h:1/store") == "http://h:1/store?default"
    assert graph_store_url("https://h/ds/data", "https://example.org/g?x=1&y#z") == \
        "https://h/ds/data?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1%26y%23z"
    assert graph_store_url("http://h/store?key=abc", "urn:kg:news") == "http://h/store?key=abc&graph=urn%3Akg%3Anews"


def test_batches_keep_linked_blank_nodes_together():
    ex = "https://example.org/"
    a, b, c = BNode(), BNode(), BNode()
    triples = [(URIRef(ex + f"s{i}"), URIRef(ex + "p"), Literal(i)) for i in range(5)]
    triples += [(URIRef(ex + "r"), URIRef(ex + "p"), a), (a, URIRef(ex + "q"), b), (b, URIRef(ex + "q"), Literal(1)),
                (c, URIRef(ex + "q"), Literal(2))]
    batches = list(batch(triples, 2))
    assert [len(part) for part in batches] == [2, 2, 1, 3, 1]  # a-b (3 triples) whole, though over 2
    for part in batches:
        nodes = {t for triple in part for t in triple if isinstance(t, BNode)}
        assert all(triple in part for triple in triples if nodes & set(triple))
    assert [t for part in batches for t in part if not any(isinstance(x, BNode) for x in t)] == sorted(
        triples[:5], key=lambda t: t[0])


# ---------------------------------------------------------------------------------------------
# the command


def test_kg_push_end_to_end(store, graph_file, capsys):
    assert main(["push", "--endpoint", store, str(graph_file)]) == 0
    out = capsys.readouterr().out.strip()
    assert re.fullmatch(rf"pushed 596 triples in 1 batch to {re.escape(store)} \(default graph\) in \d+\.\d s", out)
    assert main(["push", "--endpoint", store, "--graph", NAMED, "--batch", "100", str(graph_file)]) == 0
    out = capsys.readouterr().out.strip()
    assert re.fullmatch(rf"pushed 596 triples in 6 batches to {re.escape(store)} \(graph <{re.escape(NAMED)}>\) "
                        rf"in \d+\.\d s", out)
    _same_triples(_construct(store), graph_file)
    _same_triples(_construct(store, NAMED), graph_file)


def test_kg_push_defaults_to_output_graph_ttl(store, graph_file, tmp_path, monkeypatch, capsys):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "graph.ttl").write_bytes(MINI.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["push", "--endpoint", store]) == 0
    assert capsys.readouterr().out.startswith("pushed 286 triples in 1 batch")
    _same_triples(_construct(store), MINI)


@pytest.mark.parametrize("argv, message", [
    (["push", "--endpoint", "http://127.0.0.1:{port}/store", "--retries", "1", "{graph}"],
     "cannot push to http://127.0.0.1:{port}/store: batch 1 of 1 (PUT, 596 triples): connection refused "
     "(after 2 attempts)"),
    (["push", "--endpoint", "ftp://127.0.0.1/store", "{graph}"], "is not an http:// or https:// URL"),
    (["push", "--endpoint", "http://127.0.0.1:{port}/store", "no/such/graph.ttl"],
     "graph file not found: no/such/graph.ttl"),
])
def test_kg_push_errors_are_one_line_and_non_zero(argv, message, graph_file, capsys):
    port = str(free_port())
    code = main([a.replace("{port}", port).replace("{graph}", str(graph_file)) for a in argv])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1
    assert err.startswith("kg push: error: ") and message.replace("{port}", port) in err


def test_kg_push_has_help_with_an_example(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["push", "--help"])
    assert exit_info.value.code == 0
    assert "example: kg push --endpoint http://" in capsys.readouterr().out

"""Stage: answer SPARQL over HTTP, read-only, with a time limit on every query.

A SPARQL 1.1 Protocol endpoint on the standard library's ThreadingHTTPServer:

* ``GET /`` is a small HTML page with a query box (no external assets);
* ``GET /sparql?query=...``, ``POST /sparql`` with ``application/x-www-form-urlencoded`` (``query=...``)
  or with an ``application/sparql-query`` body run a query; the result format follows the Accept header
  (SPARQL JSON by default, XML, CSV, TSV, plain text; Turtle by default for CONSTRUCT and DESCRIBE);
* SPARQL Update (``update=...``, ``application/sparql-update``) is refused with 403; queries that are
  updates, use SERVICE or name their own dataset (FROM, FROM NAMED, ``default-graph-uri``) are refused
  with 400, as are malformed queries (the parser's message, with line and column).

rdflib cannot interrupt a query running in a thread, so queries run in a small pool of worker
processes, each holding its own copy of the graph (serialised once to N-Triples by the server and
parsed by each worker when it starts). A query that is not answered within the time limit has its
worker killed and replaced, and the client gets 503. Workers are fresh Python processes (subprocess,
talking over a socket pair), so starting one never forks the multi-threaded server process.
"""
from __future__ import annotations

import logging
import math
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from jinja2 import Environment, PackageLoader
from rdflib import Graph

from kg.errors import GraphError, KGError, QueryError
from kg.query import QueryResult, format_result, load_graph, run_query
from kg.vocab import PREFIXES

log = logging.getLogger(__name__)

ENDPOINT = "/sparql"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 10.0
MAX_BODY = 1 << 20  # bytes of a POST body
SOCKET_TIMEOUT = 30.0  # seconds a client may take to send its request
WORKER_START_LIMIT = 300.0  # seconds a worker may take to load the graph
TEMPLATE = "endpoint.html"
EXAMPLE_QUERY = """\
# Prefixes such as schema:, kg:, org:, prov: need no PREFIX line (see the list below).
SELECT ?type (COUNT(?thing) AS ?count)
WHERE { ?thing a ?type }
GROUP BY ?type
ORDER BY DESC(?count)
LIMIT 20
"""

_JSON = "application/sparql-results+json"
_XML = "application/sparql-results+xml"
_CSV = "text/csv; charset=utf-8"
_TSV = "text/tab-separated-values; charset=utf-8"
_TEXT = "text/plain; charset=utf-8"
_TURTLE = "text/turtle; charset=utf-8"

# (media range a client may ask for, Content-Type answered, format), in order of preference;
# formats: json/csv/tsv/table go through kg.query.format_result, xml is SPARQL XML results,
# rdf:<name> is an rdflib graph serialiser
_TABLE_OFFERS: tuple[tuple[str, str, str], ...] = (
    ("application/sparql-results+json", _JSON, "json"),
    ("application/json", _JSON, "json"),
    ("application/sparql-results+xml", _XML, "xml"),
    ("application/xml", _XML, "xml"),
    ("text/csv", _CSV, "csv"),
    ("text/tab-separated-values", _TSV, "tsv"),
    ("text/plain", _TEXT, "table"),
)
_GRAPH_OFFERS: tuple[tuple[str, str, str], ...] = (
    ("text/turtle", _TURTLE, "rdf:turtle"),
    ("application/turtle", _TURTLE, "rdf:turtle"),
    ("application/x-turtle", _TURTLE, "rdf:turtle"),
    ("text/n3", _TURTLE, "rdf:turtle"),  # Turtle is N3
    ("application/n-triples", "application/n-triples; charset=utf-8", "rdf:nt"),
    ("application/rdf+xml", "application/rdf+xml", "rdf:xml"),
    ("application/xml", "application/rdf+xml", "rdf:xml"),
    ("application/ld+json", "application/ld+json", "rdf:json-ld"),
    ("application/json", "application/ld+json", "rdf:json-ld"),
    ("application/sparql-results+json", _JSON, "json"),
    ("text/csv", _CSV, "csv"),
    ("text/tab-separated-values", _TSV, "tsv"),
    ("text/plain", _TEXT, "table"),
)
# the result formats offered on the HTML page: (media type, label)
_PAGE_FORMATS = (
    ("application/sparql-results+json", "table (SPARQL JSON)"),
    ("text/turtle", "Turtle (CONSTRUCT, DESCRIBE)"),
    ("application/sparql-results+xml", "SPARQL XML"),
    ("text/csv", "CSV"),
    ("text/tab-separated-values", "TSV"),
    ("text/plain", "plain text"),
)
_READ_ONLY = ("refused: this endpoint is read-only; SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, "
              "ADD, MOVE, COPY) is not accepted")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, Content-Type and body."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _text(status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, _TEXT, (message.rstrip("\n") + "\n").encode("utf-8"), headers)


# ---------------------------------------------------------------------------------------------
# public functions


def make_server(graph: Graph, *, host: str = "127.0.0.1", port: int = 0, timeout: float = DEFAULT_TIMEOUT,
                workers: int | None = None) -> ThreadingHTTPServer:
    """A SPARQL endpoint for `graph` listening on host:port (port 0 picks a free port; see server_address).

    Each query may run for `timeout` seconds (and wait as long again for a free worker). `workers`
    query processes run at once (default: the number of CPUs, between 2 and 4). Start it with
    serve_forever(); server_close() also stops the query workers.
    """
    if not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
        raise KGError(f"the time limit must be a positive number of seconds, not {timeout!r}")
    if not isinstance(port, int) or not 0 <= port <= 65535:
        raise KGError(f"the port must be a number from 0 to 65535, not {port!r}")
    size = workers if workers is not None else min(4, max(2, os.cpu_count() or 2))
    if size < 1:
        raise KGError(f"at least one query worker is needed, not {size}")
    try:
        server = SparqlServer((host, port), timeout=float(timeout))
    except (OSError, OverflowError) as exc:
        raise KGError(f"cannot listen on {host}:{port}: {exc}") from exc
    try:
        data = graph.serialize(format="nt", encoding="utf-8")
        server.pool = QueryPool(data, size=size, timeout=float(timeout))
        server.page = _page(len(graph), float(timeout))
    except BaseException:
        server.server_close()
        raise
    return server


def serve(graph_path: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          timeout: float = DEFAULT_TIMEOUT) -> None:
    """Load the graph file and answer SPARQL queries over HTTP until interrupted (Ctrl-C)."""
    _log_to_stderr()
    # Ctrl-C stops the server however it was started: a parent may hand down SIGINT ignored or blocked
    # (a background job of a script, a test runner's worker)
    if threading.current_thread() is threading.main_thread():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        signal.signal(signal.SIGINT, signal.default_int_handler)
    graph = load_graph(Path(graph_path))
    server = make_server(graph, host=host, port=port, timeout=timeout)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    log.info("serving %d triples from %s at http://%s:%d%s (query page at http://%s:%d/); "
             "time limit %g s per query; Ctrl-C stops", len(graph), graph_path, shown, bound_port, ENDPOINT,
             shown, bound_port, timeout)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.server_close()


def answer(graph: Graph, sparql: str, accept: str | None = None) -> Reply:
    """The HTTP answer to one query on `graph`, in the format the Accept header prefers (no time limit)."""
    try:
        result = run_query(graph, sparql)
    except KGError as exc:
        return _text(HTTPStatus.BAD_REQUEST, str(exc))
    except Exception as exc:  # noqa: BLE001 - any failure caused by a query is that query's fault
        return _text(HTTPStatus.BAD_REQUEST, f"query failed: {type(exc).__name__}: {exc}")
    graph_result = result.kind in ("CONSTRUCT", "DESCRIBE")
    offers = _GRAPH_OFFERS if graph_result else _TABLE_OFFERS
    chosen = negotiate(accept, offers)
    if chosen is None:
        supported = ", ".join(dict.fromkeys(media for media, _, _ in offers))
        return _text(HTTPStatus.NOT_ACCEPTABLE,
                     f"no acceptable format for a {result.kind} result (Accept: {accept}); supported: {supported}")
    content_type, fmt = chosen
    try:
        body = _render(result, fmt)
    except Exception as exc:  # noqa: BLE001 - serialisers raise many types
        return _text(HTTPStatus.NOT_ACCEPTABLE,
                     f"the result cannot be written as {content_type.split(';')[0]}: {exc}; ask for another format")
    return Reply(HTTPStatus.OK, content_type, body)


def negotiate(accept: str | None, offers: tuple[tuple[str, str, str], ...] = _TABLE_OFFERS) -> tuple[str, str] | None:
    """(Content-Type, format) of the offer the Accept header prefers; the first offer when it allows anything."""
    for media_range in _accepted(accept):
        for media, content_type, fmt in offers:
            if (media_range in ("*/*", media)
                    or (media_range.endswith("/*") and media.startswith(media_range[:-1]))):
                return content_type, fmt
    return None


# ---------------------------------------------------------------------------------------------
# formats


def _accepted(header: str | None) -> list[str]:
    """Media ranges of an Accept header, most preferred first (q=0 ranges dropped)."""
    if header is None or not header.strip():
        return ["*/*"]
    ranges = []
    for order, part in enumerate(header.split(",")):
        fields = part.split(";")
        media = fields[0].strip().lower()
        if media == "*":
            media = "*/*"
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        if math.isfinite(q) and q > 0:
            ranges.append((-q, order, media))
    return [media for _, _, media in sorted(ranges)]


def _render(result: QueryResult, fmt: str) -> bytes:
    if fmt == "xml":
        if result.kind not in ("SELECT", "ASK"):
            raise QueryError("SPARQL XML results hold SELECT and ASK results only")
        data = result.raw.serialize(format="xml", encoding="utf-8")
        return data if isinstance(data, bytes) else str(data).encode("utf-8")
    if fmt.startswith("rdf:"):
        graph = result.raw.graph if result.raw.graph is not None else Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        return graph.serialize(format=fmt[4:], encoding="utf-8")
    return format_result(result, fmt).encode("utf-8")


def _page(triples: int, timeout: float) -> bytes:
    env = Environment(loader=PackageLoader("kg", "templates"), autoescape=True, keep_trailing_newline=True)
    html = env.get_template(TEMPLATE).render(
        triples=f"{triples:,}", timeout=f"{timeout:g}", endpoint=ENDPOINT, example=EXAMPLE_QUERY,
        formats=_PAGE_FORMATS, prefixes=sorted((p, str(ns)) for p, ns in PREFIXES.items()),
    )
    return html.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# query workers


def _worker_process(fd: int) -> None:
    """A query process (started by QueryPool): read the graph as N-Triples from the socket `fd`, then
    answer (sparql, accept) messages with Replies until None or end of file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), name="kg-sparql-watchdog", daemon=True).start()
    conn = Connection(fd)
    try:
        data = conn.recv_bytes()
    except (EOFError, OSError):
        return
    graph = Graph()
    graph.parse(data=data, format="nt")
    del data
    conn.send(("ready", len(graph)))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        sparql, accept = message
        try:
            reply = answer(graph, sparql, accept)
        except Exception as exc:  # noqa: BLE001 - keep the worker alive whatever happens
            reply = _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}: {exc}")
        conn.send(reply)


def _exit_with_parent(parent: int) -> None:
    """Stop this worker, even in the middle of a query, once the server process has gone."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


class _Worker:
    def __init__(self, process: subprocess.Popen[bytes], conn: Connection) -> None:
        self.process = process
        self.conn = conn

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        try:
            self.conn.close()
        except OSError:
            pass
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("query worker %s did not stop", self.pid)


class QueryPool:
    """Worker processes holding the graph; run() answers a query or stops it at the time limit.

    Each worker is a fresh Python process (subprocess, so the threaded server never forks itself)
    that imports kg.serve, reads the graph as N-Triples from a socket pair and answers queries sent
    over it. A worker past the time limit is killed and a new one started in the background.
    """

    def __init__(self, ntriples: bytes, *, size: int, timeout: float) -> None:
        self.timeout = timeout
        self.size = size
        self._ntriples = ntriples
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            starting = [self._start() for _ in range(size)]  # the processes start in parallel
            for worker in starting:
                self._load(worker)
            for worker in starting:
                self._await_ready(worker)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def run(self, sparql: str, accept: str | None) -> Reply:
        """The answer to one query, or 503 when it runs past the time limit or no worker is free in time."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                         f"server busy: all {self.size} query workers stayed busy for {self.timeout:g} s; "
                         "try again later", (("Retry-After", "5"),))
        started = time.monotonic()
        try:
            worker.conn.send((sparql, accept))
            if worker.conn.poll(self.timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError) as exc:
            if self._closed:
                return _text(HTTPStatus.SERVICE_UNAVAILABLE, "the server is shutting down")
            log.warning("query worker %s stopped unexpectedly (%s); starting another", worker.pid,
                        type(exc).__name__)
            self._replace(worker)
            return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                         "the query process stopped unexpectedly while running this query (out of memory?); "
                         "narrow the query down or add a LIMIT")
        elapsed = time.monotonic() - started
        log.warning("query stopped after %.1f s (time limit %g s); replacing worker %s",
                    elapsed, self.timeout, worker.pid)
        self._replace(worker)
        return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                     f"query exceeded the time limit of {self.timeout:g} s and was stopped; "
                     "narrow it down (more specific patterns, a LIMIT) and try again")

    def close(self) -> None:
        """Stop every worker (idle ones are asked to exit first)."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        while True:
            try:
                idle = self._idle.get_nowait()
            except queue.Empty:
                break
            try:
                idle.conn.send(None)
            except OSError:
                pass
        for worker in workers:
            try:
                worker.process.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                pass
            worker.stop()

    def _start(self) -> _Worker:
        parent_end, child_end = socket.socketpair()
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[1])  # so the worker imports this same kg
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        fd = child_end.fileno()
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", f"import kg.serve; kg.serve._worker_process({fd})"],
                pass_fds=(fd,), stdin=subprocess.DEVNULL, env=env,
            )
        except OSError as exc:
            parent_end.close()
            raise KGError(f"cannot start a query worker: {exc}") from exc
        finally:
            child_end.close()
        worker = _Worker(process, Connection(parent_end.detach()))
        with self._lock:
            if self._closed:
                worker.stop()
                raise KGError("the query pool is closed")
            self._workers.add(worker)
        return worker

    def _load(self, worker: _Worker) -> None:
        try:
            worker.conn.send_bytes(self._ntriples)
        except OSError as exc:
            raise GraphError(f"a query worker stopped before reading the graph "
                             f"(exit code {worker.process.poll()})") from exc

    def _await_ready(self, worker: _Worker) -> None:
        try:
            if not worker.conn.poll(WORKER_START_LIMIT):
                raise GraphError(f"a query worker took more than {WORKER_START_LIMIT:g} s to load the graph")
            message = worker.conn.recv()
        except (EOFError, OSError) as exc:
            raise GraphError(f"a query worker failed to load the graph (exit code {worker.process.poll()})") from exc
        if not (isinstance(message, tuple) and message[:1] == ("ready",)):
            raise GraphError(f"a query worker sent {message!r} instead of ready")

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
        worker.stop()
        if closed:
            return
        threading.Thread(target=self._restart, name="kg-sparql-restart", daemon=True).start()

    def _restart(self) -> None:
        worker = None
        try:
            worker = self._start()
            self._load(worker)
            self._await_ready(worker)
        except KGError as exc:
            if worker is not None:
                with self._lock:
                    self._workers.discard(worker)
                worker.stop()
            if not self._closed:
                log.error("cannot restart a query worker: %s", exc)
            return
        with self._lock:
            if self._closed:
                self._workers.discard(worker)
                worker.stop()
                return
        self._idle.put(worker)


# ---------------------------------------------------------------------------------------------
# HTTP


class SparqlServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a QueryPool; server_close() stops the pool too."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], *, timeout: float) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.query_timeout = timeout
        self.pool: QueryPool | None = None
        self.page = b""
        super().__init__(address, SparqlHandler)

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("error while serving %s", client_address, exc_info=True)


class SparqlHandler(BaseHTTPRequestHandler):
    """Routes: GET / (the query page), GET and POST /sparql (queries)."""

    server: SparqlServer
    server_version = "kg-sparql/0.1"
    sys_version = ""
    timeout = SOCKET_TIMEOUT
    error_message_format = "%(code)d %(message)s: %(explain)s\n"  # for requests http.server rejects itself
    error_content_type = "text/plain; charset=utf-8"
    _started = 0.0

    # --- methods

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(self._get)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(self._get, head=True)

    def do_POST(self) -> None:  # noqa: N802
        self._respond(self._post)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):  # any other method: 405 rather than http.server's 501
            return lambda: self._respond(lambda path, query: _text(
                HTTPStatus.METHOD_NOT_ALLOWED, f"method {self.command} is not allowed; use GET or POST",
                (("Allow", "GET, HEAD, POST"),)))
        raise AttributeError(name)

    # --- routes

    def _get(self, path: str, params: dict[str, list[str]]) -> Reply:
        if path == "/":
            return Reply(HTTPStatus.OK, "text/html; charset=utf-8", self.server.page, (
                ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                 "script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'"),))
        if path != ENDPOINT:
            return self._not_found(path)
        if self.command == "HEAD":
            return _text(HTTPStatus.METHOD_NOT_ALLOWED, f"use GET or POST on {ENDPOINT}", (("Allow", "GET, POST"),))
        return self._query(params)

    def _post(self, path: str, params: dict[str, list[str]]) -> Reply:
        if path != ENDPOINT:
            return self._not_found(path)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return _text(HTTPStatus.FORBIDDEN, _READ_ONLY)
        if content_type not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            return _text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                         f"unsupported Content-Type {content_type or '(none)'!r}: send application/sparql-query "
                         "or application/x-www-form-urlencoded with query=...")
        body = self._body()
        if isinstance(body, Reply):
            return body
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _text(HTTPStatus.BAD_REQUEST, f"the request body is not UTF-8: {exc}")
        if content_type == "application/sparql-query":
            if "query" in params or "update" in params:
                return _text(HTTPStatus.BAD_REQUEST, "give the query either in the body or as query=..., not both")
            params = {**params, "query": [text]}
        else:
            form = _parse_params(text)
            if isinstance(form, Reply):
                return form
            params = {key: params.get(key, []) + form.get(key, []) for key in {*params, *form}}
        return self._query(params)

    def _query(self, params: dict[str, list[str]]) -> Reply:
        if "update" in params:
            return _text(HTTPStatus.FORBIDDEN, _READ_ONLY)
        dataset = [key for key in ("default-graph-uri", "named-graph-uri") if key in params]
        if dataset:
            return _text(HTTPStatus.BAD_REQUEST,
                         f"refused: {' and '.join(dataset)} would name the query's own dataset; "
                         "queries run on the loaded graph only")
        queries = params.get("query", [])
        if not queries:
            return _text(HTTPStatus.BAD_REQUEST,
                         f"missing query: use {ENDPOINT}?query=... or POST a query (the page at / has a form)")
        if len(queries) > 1:
            return _text(HTTPStatus.BAD_REQUEST, f"{len(queries)} query parameters: give exactly one")
        accept = params.get("accept", [self.headers.get("Accept")])[-1]
        assert self.server.pool is not None
        return self.server.pool.run(queries[0], accept)

    def _not_found(self, path: str) -> Reply:
        return _text(HTTPStatus.NOT_FOUND, f"not found: {path}; the query page is at / and the endpoint at {ENDPOINT}")

    def _body(self) -> bytes | Reply:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return _text(HTTPStatus.LENGTH_REQUIRED, "chunked request bodies are not supported: send Content-Length")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return _text(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length header")
        try:
            length = int(length_header)
        except ValueError:
            length = -1
        if length < 0:
            return _text(HTTPStatus.BAD_REQUEST, f"bad Content-Length {length_header!r}")
        if length > MAX_BODY:
            return _text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request body is over {MAX_BODY} bytes")
        body = self.rfile.read(length)
        if len(body) < length:
            return _text(HTTPStatus.BAD_REQUEST, "the request body is shorter than its Content-Length")
        return body

    # --- plumbing

    def _respond(self, route: Any, head: bool = False) -> None:
        try:
            split = urlsplit(self.path)
            params = _parse_params(split.query)
            reply = params if isinstance(params, Reply) else route(split.path, params)
        except Exception:  # noqa: BLE001 - a bug must not take the server down
            log.exception("internal error on %s", _printable(self.requestline))
            reply = _text(HTTPStatus.INTERNAL_SERVER_ERROR, "internal server error")
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(reply.body)
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def parse_request(self) -> bool:
        self._started = time.monotonic()
        return super().parse_request()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        elapsed = (time.monotonic() - self._started) * 1000 if self._started else 0.0
        line = _printable(self.requestline)
        if len(line) > 200:
            line = line[:200] + "..."
        log.info('%s "%s" %s %.0f ms', self.client_address[0], line, int(code), elapsed)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        log.debug("%s %s", self.client_address[0], _printable(format % args))


def _parse_params(text: str) -> dict[str, list[str]] | Reply:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict", max_num_fields=1000)
    except (ValueError, UnicodeDecodeError) as exc:
        return _text(HTTPStatus.BAD_REQUEST, f"cannot read the request parameters: {exc}")


def _printable(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _log_to_stderr() -> None:
    """Request lines on standard error, unless the application has set up logging itself."""
    if log.handlers or logging.getLogger().handlers:
        if log.getEffectiveLevel() > logging.INFO:
            log.setLevel(logging.INFO)
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

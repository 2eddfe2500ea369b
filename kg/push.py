"""Stage: load a built graph into any SPARQL 1.1 server (Fuseki, GraphDB, Oxigraph...) over HTTP.

The graph goes through the SPARQL 1.1 Graph Store HTTP Protocol
(https://www.w3.org/TR/sparql11-http-rdf-update/) as N-Triples, in batches: the first batch replaces the
target graph (PUT), the later ones add to it (POST), so pushing the same file twice gives the same graph, not
duplicates. The target is the default graph (`ENDPOINT?default`) or a named graph (`ENDPOINT?graph=IRI`).

Only the standard library speaks HTTP. Connection errors, time-outs, 5xx and 429 are retried with a doubling
back-off; other 4xx and redirects are not (sending the same request again would get the same answer).

kg mints an IRI for everything, so its graphs hold no blank nodes; a hand-made file may. A blank node's label
means something only inside one request, so every blank node's triples (and those of the blank nodes linked to
it) travel in one batch, even when that makes the batch bigger than asked.
"""
from __future__ import annotations

import http.client
import re
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph

from kg.errors import PushError
from kg.query import load_graph

N_TRIPLES = "application/n-triples"
MAX_BACKOFF_S = 30.0
_RETRY_STATUS = frozenset({429})  # Too Many Requests: the one 4xx that asks to be sent again later
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')

Triple = tuple  # (subject, predicate, object) as rdflib terms


@dataclass(frozen=True)
class PushResult:
    """What push_graph sent: `graph` is the named graph's IRI, or None for the default graph."""

    triples: int
    batches: int
    seconds: float
    endpoint: str
    graph: str | None = None

    def summary(self) -> str:
        target = "default graph" if self.graph is None else f"graph <{self.graph}>"
        return (f"pushed {self.triples:,} triple{'' if self.triples == 1 else 's'} in {self.batches:,} "
                f"batch{'' if self.batches == 1 else 'es'} to {self.endpoint} ({target}) in {self.seconds:.1f} s")


def push_graph(graph_path: Path, endpoint: str, *, graph_iri: str | None = None, batch_triples: int = 50_000,
               retries: int = 3, backoff: float = 0.5, timeout: float = 60,
               progress: bool = False) -> PushResult:
    """Replace the default graph (or the named graph `graph_iri`) of the Graph Store at `endpoint` with the graph
    in `graph_path` (any format kg.query.load_graph reads), `batch_triples` triples per request.

    Each request is tried `retries` more times after a connection error, a time-out (`timeout` seconds) or a
    5xx/429 answer, waiting `backoff` seconds, then twice that, and so on. Raises PushError naming the endpoint,
    the batch and the reason.
    """
    started = time.monotonic()
    url = graph_store_url(endpoint, graph_iri)  # checked before the file is read
    if batch_triples < 1:
        raise PushError(f"batch size must be at least 1 triple, not {batch_triples}")
    if retries < 0 or backoff < 0 or timeout <= 0:
        raise PushError(f"retries and back-off must be 0 or more and the time-out above 0 "
                        f"(got retries={retries}, backoff={backoff}, timeout={timeout})")
    graph = load_graph(Path(graph_path))
    batches = list(batch(graph, batch_triples)) or [[]]  # an empty graph still replaces the target
    opener = urllib.request.build_opener(_NoRedirect)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(graph), unit="triple", desc="push", leave=False)
    try:
        for number, triples in enumerate(batches, start=1):
            method = "PUT" if number == 1 else "POST"
            where = f"batch {number} of {len(batches)} ({method}, {len(triples):,} triples)"
            _send(opener, method, url, _n_triples(triples), endpoint=endpoint, where=where, retries=retries,
                  backoff=backoff, timeout=timeout)
            if bar is not None:
                bar.update(len(triples))
    finally:
        if bar is not None:
            bar.close()
    return PushResult(triples=len(graph), batches=len(batches), seconds=time.monotonic() - started,
                      endpoint=endpoint, graph=graph_iri)


def graph_store_url(endpoint: str, graph_iri: str | None = None) -> str:
    """The Graph Store request URL: `endpoint?default`, or `endpoint?graph=IRI` (percent-encoded)."""
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in 0-65535
    except ValueError as exc:
        raise PushError(f"endpoint {endpoint!r} is not a valid URL: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PushError(f"endpoint {endpoint!r} is not an http:// or https:// URL; give the server's Graph Store "
                        f"endpoint, e.g. http://127.0.0.1:7878/store for oxigraph serve")
    if parts.fragment:
        raise PushError(f"endpoint {endpoint!r} has a fragment (#{parts.fragment}); give the URL without it")
    params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if any(name in ("default", "graph") for name, _ in params):
        raise PushError(f"endpoint {endpoint!r} already names a graph (?default or ?graph=); give the Graph Store "
                        f"endpoint alone and the named graph with --graph IRI")
    if graph_iri is None:
        target = "default"
    else:
        scheme, colon, _ = graph_iri.partition(":")
        if not colon or not _SCHEME.fullmatch(scheme) or _NOT_IN_IRI.search(graph_iri):
            raise PushError(f"graph {graph_iri!r} is not an absolute IRI (like https://example.org/graph/gp-news)")
        target = "graph=" + urllib.parse.quote(graph_iri, safe="")
    query = f"{parts.query}&{target}" if parts.query else target
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def batch(graph: Iterable[Triple], size: int) -> Iterator[list[Triple]]:
    """Triples in batches of `size`, sorted; the triples of connected blank nodes stay in one batch (alone, when
    there are more than `size` of them)."""
    plain: list[Triple] = []
    linked: list[tuple[Triple, BNode]] = []
    parent: dict[BNode, BNode] = {}

    def root(node: BNode) -> BNode:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for triple in graph:
        nodes = [term for term in (triple[0], triple[2]) if isinstance(term, BNode)]
        if not nodes:
            plain.append(triple)
            continue
        for node in nodes:
            parent.setdefault(node, node)
        if len(nodes) == 2:
            parent[root(nodes[1])] = root(nodes[0])
        linked.append((triple, nodes[0]))
    plain.sort(key=_sort_key)
    groups: dict[BNode, list[Triple]] = defaultdict(list)
    for triple, node in linked:
        groups[root(node)].append(triple)
    units = [[triple] for triple in plain]
    units += sorted((sorted(group, key=_sort_key) for group in groups.values()),
                   key=lambda group: (-len(group), _sort_key(group[0])))
    current: list[Triple] = []
    for unit in units:
        if current and len(current) + len(unit) > size:
            yield current
            current = []
        current.extend(unit)
    if current:
        yield current


# ---------------------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are errors: urllib would follow a 301-303 after a POST as a GET, dropping the data."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        return None


def _sort_key(triple: Triple) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


def _n_triples(triples: list[Triple]) -> bytes:
    part = Graph()
    for triple in triples:
        part.add(triple)
    return part.serialize(format="nt", encoding="utf-8")


def _send(opener: urllib.request.OpenerDirector, method: str, url: str, body: bytes, *, endpoint: str, where: str,
          retries: int, backoff: float, timeout: float) -> None:
    attempts = retries + 1
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": N_TRIPLES})
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
            return
        except urllib.error.HTTPError as exc:
            reason = f"HTTP {exc.code} {exc.reason}{_said(exc)}"
            if 300 <= exc.code < 400:
                location = exc.headers.get("Location")
                reason += f" (redirected to {location}: give that URL as the endpoint)" if location else ""
            retry = exc.code >= 500 or exc.code in _RETRY_STATUS
        except urllib.error.URLError as exc:
            reason = _describe(exc.reason)
            retry = not isinstance(exc.reason, ssl.SSLCertVerificationError)
        except (OSError, http.client.HTTPException) as exc:  # reset, time-out, a broken answer
            reason = _describe(exc)
            retry = True
        if not retry or attempt == attempts:
            tries = f" (after {attempt} attempts)" if attempt > 1 else ""
            raise PushError(f"cannot push to {endpoint}: {where}: {reason}{tries}")
        time.sleep(min(backoff * 2 ** (attempt - 1), MAX_BACKOFF_S))


def _said(exc: urllib.error.HTTPError) -> str:
    """': what the server said', on one line and short, or ''."""
    try:
        text = exc.read(2000).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        text = ""
    finally:
        exc.close()
    text = " ".join(text.split())
    if len(text) > 200:
        text = text[:199] + "\u2026"
    return f": {text}" if text else ""


def _describe(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    text = " ".join(str(error).split())
    return text or type(error).__name__

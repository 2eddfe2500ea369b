"""Stage: ask the graph questions in SPARQL, safely (read-only, no network), with deterministic output.

Stored questions live in `queries/*.rq`, one question per file, each opening with a comment header::

    # Question: Who holds which role at which organisation?
    # Parameters: ?person_name = a person's name or alias (optional; every person when unbound)

Parameters are variables the caller binds (as plain string literals, through rdflib's initBindings,
never by string formatting); a stored query returns every row when they are left unbound.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
import multiprocessing
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyparsing import ParseBaseException
from rdflib import BNode, ConjunctiveGraph, Dataset, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import GraphError, KGError, QueryError
from kg.store import memory_graph
from kg.vocab import PREFIXES

FORMATS = ("table", "json", "csv", "tsv")

# file suffix -> rdflib parser name, for load_graph
GRAPH_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
}
_QUAD_FORMATS = frozenset({"trig", "nquads"})

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER = re.compile(r"#\s*([A-Z][A-Za-z ]*?)\s*:\s*(.*)")
_PARAMETER = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
# update operations, by the name rdflib's update parser gives them -> the SPARQL keyword
_UPDATE_KEYWORDS = {
    "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT", "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE",
    "Add": "ADD", "Move": "MOVE", "Copy": "COPY",
}


@dataclass(frozen=True)
class StoredQuery:
    """One question from a queries directory."""

    name: str
    path: Path
    sparql: str
    question: str
    parameters: tuple[str, ...]


@dataclass(frozen=True)
class QueryResult:
    """Rows of a query as plain strings (None where unbound), plus rdflib's result for serialising.

    SELECT gives its projected variables; ASK gives one column `ask` holding "true" or "false";
    CONSTRUCT and DESCRIBE give `subject`, `predicate`, `object` rows, sorted.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    raw: Result = field(compare=False, repr=False)
    row_count: int | None = None  # rows in the whole answer, when `rows` holds only the first (see run_query)

    @property
    def total(self) -> int:
        """How many rows the whole answer has."""
        return len(self.rows) if self.row_count is None else self.row_count

    @property
    def kind(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return str(self.raw.type)

    def terms(self) -> list[tuple[Identifier | None, ...]]:
        """The rows as RDF terms, in the same order as `rows`."""
        return [tuple(binding.get(Variable(v)) for v in self.variables)
                for binding in _tabular(self).bindings]


# ---------------------------------------------------------------------------------------------
# finding queries


def resolve_query(spec: str, queries_dir: Path) -> tuple[str, str]:
    """(name, SPARQL text) for `spec`: a path to a .rq file, a query name in `queries_dir`, or inline SPARQL."""
    if not spec.strip():
        raise QueryError("empty query: give a query name, a path to a .rq file, or SPARQL text")
    one_line = "\n" not in spec and "{" not in spec
    if one_line and (spec.endswith(".rq") or Path(spec).is_file()):
        path = Path(spec)
        if not path.is_file() and path.parent == Path(".") and (Path(queries_dir) / path.name).is_file():
            path = Path(queries_dir) / path.name
        if not path.is_file():
            raise QueryError(f"query file not found: {spec}")
        return path.stem, _read(path)
    if _NAME.fullmatch(spec):
        path = Path(queries_dir) / f"{spec}.rq"
        if path.is_file():
            return spec, _read(path)
        names = query_names(queries_dir)
        available = ", ".join(names) if names else f"none (no .rq files in {queries_dir})"
        raise QueryError(f"unknown query {spec!r}; available queries: {available}")
    return "inline", spec


def query_names(queries_dir: Path) -> tuple[str, ...]:
    """Names (file stems) of the .rq files in `queries_dir`, sorted."""
    directory = Path(queries_dir)
    if not directory.is_dir():
        return ()
    return tuple(sorted(p.stem for p in directory.glob("*.rq") if p.is_file()))


def list_queries(queries_dir: Path) -> tuple[StoredQuery, ...]:
    """Every stored question in `queries_dir`, sorted by file name."""
    directory = Path(queries_dir)
    if not directory.is_dir():
        raise QueryError(f"queries directory not found: {directory}")
    stored = []
    for name in query_names(directory):
        path = directory / f"{name}.rq"
        text = _read(path)
        header = query_header(text)
        params = tuple(dict.fromkeys(_PARAMETER.findall(header.get("Parameters", ""))))
        stored.append(StoredQuery(name, path, text, header.get("Question", ""), params))
    return tuple(stored)


def query_header(sparql: str) -> dict[str, str]:
    """The `# Key: value` lines at the top of a query; comment lines that follow a key continue its value."""
    header: dict[str, str] = {}
    key = None
    for line in sparql.splitlines():
        stripped = line.strip()
        if not stripped:
            key = None
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER.fullmatch(stripped)
        if match:
            key = match.group(1)
            header[key] = match.group(2).strip()
        elif key is not None:
            extra = stripped.lstrip("#").strip()
            if extra:
                header[key] = f"{header[key]} {extra}".strip()
    return header


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# checking and running


def prepare_query(sparql: str) -> Query:
    """Parse and translate a read-only query; refuse updates, SERVICE and FROM / FROM NAMED.

    Prefixes from kg.vocab.PREFIXES may be used without declaring them. rdflib's parser takes 0.05 to 1 s
    for one of the stored queries (longer than Oxigraph takes to answer most of them on a million triples),
    so a query that passed is kept, by its text, for the next time it is asked in this process.
    """
    if not isinstance(sparql, str):
        raise QueryError(f"a query is text, not {type(sparql).__name__}")
    return _prepare(sparql)


@lru_cache(maxsize=256)
def _prepare(sparql: str) -> Query:
    if not sparql.strip():
        raise QueryError("empty query")
    try:
        parsed = parseQuery(sparql)
    except ParseBaseException as exc:
        _refuse_update(sparql)
        raise QueryError(_parse_message(exc)) from exc
    except Exception as exc:  # rdflib raises bare Exceptions for some lexical errors
        _refuse_update(sparql)
        raise QueryError(f"malformed SPARQL query: {exc}") from exc
    try:
        query = translateQuery(parsed, initNs={k: str(v) for k, v in PREFIXES.items()})
    except Exception as exc:  # e.g. "Unknown namespace prefix"
        raise QueryError(f"invalid SPARQL query: {exc}") from exc
    dataset = query.algebra.get("datasetClause")
    if dataset:
        graphs = ", ".join(f"FROM NAMED <{d['named']}>" if "named" in d else f"FROM <{d['default']}>"
                           for d in dataset)
        raise QueryError(f"refused: the query names its own dataset ({graphs}); "
                         "remove FROM / FROM NAMED, queries run on the loaded graph only")
    for node in walk_algebra(query.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError(f"refused: SERVICE <{node.get('term')}> would query a remote endpoint; "
                             "federated queries are not allowed")
    return query


def run_query(graph: Graph, sparql: str, *, bindings: Mapping[str, str] | None = None,
              max_rows: int | None = None) -> QueryResult:
    """Run a read-only SPARQL query on `graph`; `bindings` bind variables (name -> string literal).

    The query is checked by rdflib's parser first (refusals included) whatever the store. On rdflib's own
    stores rdflib evaluates it; on an Oxigraph-backed graph (oxrdflib's OxigraphStore) the checked text goes
    to Oxigraph's engine, with the bindings as a VALUES block opening the WHERE group (see `prebind`).
    With `max_rows`, a SELECT result keeps only its first `max_rows` rows and counts the others (`total`):
    on Oxigraph the others are never turned into Python objects.
    """
    if max_rows is not None and max_rows < 0:
        raise QueryError(f"max_rows must be 0 or more, not {max_rows}")
    query = prepare_query(sparql)
    init = _init_bindings(query, bindings or {})
    try:
        if on_oxigraph(graph):
            return _oxigraph_query(graph, sparql, query, init, max_rows)
        raw = graph.query(query, initBindings=init)
        if raw.type == "SELECT":
            raw.bindings  # noqa: B018 - evaluate now, so errors surface here
    except KGError:
        raise
    except Exception as exc:  # evaluation errors come from deep inside rdflib or Oxigraph
        raise QueryError(f"query failed: {exc}") from exc
    if max_rows is not None and raw.type == "SELECT" and len(raw.bindings) > max_rows:
        total = len(raw.bindings)
        raw.bindings = raw.bindings[:max_rows]
        return dataclasses.replace(_to_result(raw), row_count=total)
    return _to_result(raw)


def on_oxigraph(graph: Graph) -> bool:
    """Whether `graph` keeps its triples in Oxigraph (oxrdflib's OxigraphStore), so SPARQL should run there."""
    try:
        from oxrdflib import OxigraphStore
    except ImportError:  # without oxrdflib no graph can be on Oxigraph
        return False
    return isinstance(graph.store, OxigraphStore)


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def _oxigraph_query(graph: Graph, sparql: str, query: Query, init: Mapping[str, Identifier],
                    max_rows: int | None = None) -> QueryResult:
    """Oxigraph's answer to the (already checked) query text, shaped like rdflib's.

    The text goes to the pyoxigraph Store behind oxrdflib, on the graph the rdflib Graph stands for (its
    identifier, or the union of graphs when it has default_union), with kg's prefixes. Not through rdflib's
    Graph.query: oxrdflib refuses a parsed rdflib Query, and Oxigraph's own substitutions bind projected
    variables only (SEP-0007), so the bindings are written into the text as a VALUES block. The rows are read
    from Oxigraph's terms directly; the rdflib terms behind `QueryResult.raw` (for the JSON, CSV and TSV
    formats and `terms()`) are made only when asked for, as making a million of them takes longer than
    Oxigraph takes to answer. Plain strings come back from Oxigraph typed xsd:string and are made plain again.
    """
    import pyoxigraph

    text = prebind(sparql, init) if init else sparql
    options: dict = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}}
    if graph.default_union:
        options["use_default_graph_as_union"] = True
    else:
        context = graph.default_context.identifier if isinstance(graph, ConjunctiveGraph) else graph.identifier
        options["default_graph"] = _ox_graph_name(context)
    answer = graph.store._inner.query(text, **options)
    if isinstance(answer, pyoxigraph.QueryBoolean):
        raw = Result("ASK")
        raw.askAnswer = bool(answer)
        return _to_result(raw)
    convert = _OxTerms()
    if isinstance(answer, pyoxigraph.QuerySolutions):
        variables = tuple(v.value for v in answer.variables)
        # evaluated here, so errors surface here
        solutions = [tuple(solution) for solution in itertools.islice(answer, max_rows)]
        total = len(solutions) + sum(1 for _ in answer) if max_rows is not None else None
        raw = Result("SELECT")
        raw.vars = [Variable(v) for v in variables]
        raw.bindings = ({Variable(v): convert(t) for v, t in zip(variables, row) if t is not None}
                        for row in solutions)
        rows = tuple(tuple(None if t is None else t.value for t in row) for row in solutions)
        return QueryResult(variables, rows, raw, total if total != len(rows) else None)
    triples = Graph()
    for triple in answer:
        triples.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
    raw = Result(_FORMS.get(query.algebra.name, "CONSTRUCT"))
    raw.graph = triples
    return _to_result(raw)


def _ox_graph_name(identifier: Identifier):
    import pyoxigraph

    if identifier == DATASET_DEFAULT_GRAPH_ID:
        return pyoxigraph.DefaultGraph()
    if isinstance(identifier, BNode):
        return pyoxigraph.BlankNode(str(identifier))
    return pyoxigraph.NamedNode(str(identifier))


class _OxTerms:
    """pyoxigraph terms to rdflib terms, each distinct term made once."""

    def __init__(self) -> None:
        self.made: dict = {}

    def __call__(self, term) -> Identifier:
        made = self.made.get(term)
        if made is None:
            made = self.made[term] = _from_ox(term)
        return made


def _from_ox(term) -> Identifier:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(_XSD_STRING):  # str: URIRef == str is False
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise QueryError(f"Oxigraph answered with a term kg cannot show: {term!r}")


def prebind(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query text with `bindings` as a VALUES block at the start of its WHERE group.

    rdflib's initBindings bind the variables before the WHERE group is evaluated; a VALUES block opening the
    group does the same for every pattern, OPTIONAL and FILTER of that group (it is joined first). The values
    are written as escaped SPARQL terms, never pasted text. The group is found by scanning the text outside
    strings, IRIs and comments: the first top-level `{` (after the template of a CONSTRUCT).
    """
    names = list(bindings)
    terms = " ".join(_sparql_term(bindings[name]) for name in names)
    block = f"VALUES ({' '.join('?' + name for name in names)}) {{ ({terms}) }}"
    opening, closing, subselect = _where_group(sparql)
    if subselect:  # `WHERE { SELECT ... }` holds nothing but the sub-select: put it in a group of its own
        return f"{sparql[:opening]} {block} {{{sparql[opening:closing]}}} {sparql[closing:]}"
    return f"{sparql[:opening]} {block} {sparql[opening:]}"


def _sparql_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        if re.search(r'[\x00-\x20<>"{}|^`\\]', term):
            raise QueryError(f"cannot bind the IRI {str(term)!r}: it holds characters an IRI may not")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r"))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != _XSD_STRING:
            return f'"{text}"^^{_sparql_term(term.datatype)}'
        return f'"{text}"'
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")


_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_LOCAL = re.compile(r"(?:[\w\-.:]|%[0-9A-Fa-f]{2}|\\.)*")


def _where_group(sparql: str) -> tuple[int, int, bool]:
    """(index after the `{` opening the WHERE group, index of its closing `}`, whether it holds a sub-select)."""
    depth = parens = 0
    opening = None
    construct = template_done = subselect = False
    i, n = 0, len(sparql)
    while i < n:
        ch = sparql[i]
        if ch == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if ch in "\"'":
            quote = ch * 3 if sparql.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "<":
            match = _IRI.match(sparql, i)
            i = match.end() if match else i + 1
            continue
        if ch in "?$":  # a variable: its name may look like a keyword
            match = _WORD.match(sparql, i + 1)
            i = match.end() if match else i + 1
            continue
        if ch.isalpha() or ch == "_":
            match = _WORD.match(sparql, i)
            if sparql.startswith(":", match.end()):  # a prefixed name or blank node label, not a keyword
                i = _LOCAL.match(sparql, match.end() + 1).end()
                continue
            word = match.group(0).upper()
            if depth == 0 and parens == 0 and word == "CONSTRUCT":
                construct = True
            elif depth == 0 and parens == 0 and construct and not template_done and word == "WHERE":
                raise QueryError("parameters cannot be bound in a CONSTRUCT WHERE { ... } query on Oxigraph; "
                                 "write the template and the WHERE group separately")
            elif depth == 1 and opening is not None and word == "SELECT" and \
                    not sparql[opening:i].strip():
                subselect = True
            i = match.end()
            continue
        if ch == "(":
            parens += 1
        elif ch == ")":
            parens -= 1
        elif ch == "{":
            if depth == 0 and parens == 0:
                if construct and not template_done:
                    template_done = True  # the template: skipped
                    construct = False
                elif opening is None:
                    opening = i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and opening is not None:
                return opening, i, subselect
        i += 1
    raise QueryError("parameters can only be bound in a query with a WHERE group { ... }")


def query_text(graph: Graph, sparql: str, fmt: str, *, bindings: Mapping[str, str] | None = None,
               timeout: float | None = None) -> str:
    """The query's answer formatted as `fmt`, stopped after `timeout` seconds when one is given.

    rdflib cannot interrupt an evaluation, so a time-limited query runs in a forked child process that is
    killed at the limit; parse errors and refusals are raised here first, with their own messages.
    """
    if timeout is None:
        return format_result(run_query(graph, sparql, bindings=bindings), fmt)
    if timeout <= 0:
        raise QueryError(f"the time limit must be more than 0 seconds, not {timeout:g}")
    prepare_query(sparql)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def answer() -> None:
        try:
            send.send(("ok", format_result(run_query(graph, sparql, bindings=bindings), fmt)))
        except KGError as exc:
            send.send(("error", str(exc)))
        except BaseException as exc:  # the child must always answer, whatever rdflib raised
            send.send(("error", f"query failed: {exc}"))

    worker = context.Process(target=answer, daemon=True)
    worker.start()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"the query exceeded the time limit of {timeout:g} s and was stopped; "
                             "narrow it (LIMIT, a parameter) or give a larger --timeout")
        status, payload = receive.recv()
    finally:
        worker.kill()
        worker.join(5)
    if status == "error":
        raise QueryError(payload)
    return payload


def _init_bindings(query: Query, bindings: Mapping[str, str]) -> dict[str, Identifier]:
    if not bindings:
        return {}
    known = sorted({str(v) for v in _variables(query.algebra)})
    init: dict[str, Identifier] = {}
    for key, value in bindings.items():
        name = key[1:] if key[:1] in "?$" else key
        if not _VARIABLE.fullmatch(name or "-"):
            raise QueryError(f"bad parameter name {key!r}: use a SPARQL variable name like target_name")
        if name not in known:
            choices = ", ".join(f"?{v}" for v in known) or "none"
            raise QueryError(f"unknown parameter ?{name}: the query's variables are {choices}")
        if not isinstance(value, str):
            raise QueryError(f"parameter ?{name} must be a string, not {type(value).__name__}")
        init[name] = Literal(value)
    return init


def _refuse_update(sparql: str) -> None:
    try:
        update = parseUpdate(sparql)
    except Exception:  # not an update either: the query parser's message is the useful one
        return
    operations = [_UPDATE_KEYWORDS.get(op.name, op.name) for op in update.get("request") or []
                  if isinstance(op, CompValue)]
    if operations:
        raise QueryError(f"refused: SPARQL update ({', '.join(operations)}) is not allowed; "
                         "only read-only SELECT, ASK, CONSTRUCT and DESCRIBE queries run")


def _parse_message(exc: ParseBaseException) -> str:
    caret = " " * max(exc.col - 1, 0) + "^"
    return f"malformed SPARQL query at line {exc.lineno}, column {exc.col}: {exc}\n    {exc.line}\n    {caret}"


def walk_algebra(node: object) -> Iterator[CompValue]:
    """Every node of a parsed or translated SPARQL query, in no particular order."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def _variables(node: object) -> set[Variable]:
    found: set[Variable] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Variable):
            found.add(item)
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return found


def _to_result(raw: Result) -> QueryResult:
    if raw.type == "ASK":
        return QueryResult(("ask",), ((str(bool(raw.askAnswer)).lower(),),), raw)
    table = _tabular_raw(raw)
    variables = tuple(str(v) for v in table.vars or ())
    rows = tuple(tuple(None if b.get(Variable(v)) is None else str(b[Variable(v)]) for v in variables)
                 for b in table.bindings)
    return QueryResult(variables, rows, raw)


def _tabular_raw(raw: Result) -> Result:
    """A SELECT-shaped rdflib Result with plain dict rows in variable order (sorted triples for graph results)."""
    table = Result("SELECT")
    if raw.type == "ASK":
        table.vars = [Variable("ask")]
        table.bindings = [{Variable("ask"): Literal(bool(raw.askAnswer))}]
    elif raw.type in ("CONSTRUCT", "DESCRIBE"):
        names = [Variable("subject"), Variable("predicate"), Variable("object")]
        triples = sorted(raw.graph or (), key=lambda t: tuple(term.n3() for term in t))
        table.vars = names
        table.bindings = [dict(zip(names, t)) for t in triples]
    else:
        names = list(raw.vars or ())
        table.vars = names
        table.bindings = [{v: b[v] for v in names if b.get(v) is not None} for b in raw.bindings]
    return table


def _tabular(result: QueryResult) -> Result:
    return _tabular_raw(result.raw)


# ---------------------------------------------------------------------------------------------
# formatting


def format_result(result: QueryResult, fmt: str) -> str:
    """The result as `table` (aligned plain text) or a SPARQL 1.1 results format: `json`, `csv`, `tsv`."""
    if fmt == "table":
        return _table(result)
    if fmt == "json":
        source = result.raw if result.raw.type == "ASK" else _tabular(result)
        text = source.serialize(format="json")
        data = json.loads(text.decode("utf-8") if isinstance(text, bytes) else text)
        ordered = {"head": data.pop("head", {}), **data}
        return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        text = _tabular(result).serialize(format="csv")
        return text.decode("utf-8") if isinstance(text, bytes) else str(text)
    if fmt == "tsv":
        return _tsv(result)
    raise QueryError(f"unknown result format {fmt!r}; valid formats: {', '.join(FORMATS)}")


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    body = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    count = len(body)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _cell(value: str | None) -> str:
    if value is None:
        return ""
    return value.replace("\r\n", "\n").replace("\n", "\\n").replace("\t", "\\t")


def _tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV (rdflib has no TSV results serialiser): `?var` header, terms in Turtle syntax."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.terms():
        lines.append("\t".join("" if term is None else _tsv_term(term) for term in row))
    return "\n".join(lines) + "\n"


def _tsv_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t"))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return str(term)


# ---------------------------------------------------------------------------------------------
# graphs and answers


def load_graph(path: Path) -> Graph:
    """Parse a graph file (format from its suffix); quads are merged into one graph."""
    path = Path(path)
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"cannot tell the RDF format of {path}: suffix {path.suffix or '(none)'!r} is not one of "
                         f"{', '.join(sorted(GRAPH_FORMATS))}")
    if not path.is_file():
        raise GraphError(f"graph file not found: {path}")
    graph = memory_graph()
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(source=str(path), format=fmt)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(source=str(path), format=fmt)
    except Exception as exc:  # rdflib parsers raise many unrelated exception types
        raise GraphError(f"cannot parse graph file {path} as {fmt}: {exc}") from exc
    return graph


# rows of each answer written to answers.md: a reading summary; at tens of thousands of documents the whole
# answers run to hundreds of megabytes, which `kg query NAME --format csv` gives to whoever needs them
ANSWER_ROWS = 1000


def answers_markdown(graph: Graph, queries_dir: Path, *, max_rows: int = ANSWER_ROWS) -> str:
    """Every stored question in `queries_dir`, sorted by file name, with (the first `max_rows` rows of) its
    answer as a Markdown table."""
    if max_rows < 1:
        raise QueryError(f"max_rows must be at least 1, not {max_rows}")
    parts = []
    for stored in list_queries(queries_dir):
        try:
            result = run_query(graph, stored.sparql, max_rows=max_rows)
        except QueryError as exc:
            raise QueryError(f"query {stored.name} ({stored.path}): {exc}") from exc
        parts.append(f"## {stored.name}\n")
        if stored.question:
            parts.append(f"{stored.question}\n")
        parts.append(_markdown_table(result) if result.rows else "_no rows_\n")
        if result.total > len(result.rows):
            parts.append(f"_the first {len(result.rows):,} of {result.total:,} rows; all of them: "
                         f"`kg query {stored.name} --format csv`_\n")
    return "\n".join(parts)


def _markdown_table(result: QueryResult) -> str:
    lines = ["| " + " | ".join(_md(v) for v in result.variables) + " |",
             "|" + "|".join(" --- " for _ in result.variables) + "|"]
    lines += ["| " + " | ".join(_md(v) for v in row) + " |" for row in result.rows]
    return "\n".join(lines) + "\n"


def _md(value: str | None) -> str:
    if value is None:
        return ""
    text = value.replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.split())

"""The `kg` command: thin wrappers that call one library function each and turn KGError into one line."""
from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Callable, ContextManager, Sequence

from kg.errors import KGError

DEFAULT_OUT = Path("output")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.ttl"


def _queries_dir() -> Path:
    from kg.pipeline import DEFAULT_QUERIES

    local = Path("queries")
    return local if local.is_dir() else DEFAULT_QUERIES


def cmd_build(args: argparse.Namespace) -> int:
    from kg.analysis import default_processes
    from kg.pipeline import build
    from kg.store import StoreSpec

    out = Path(args.out)
    cache_dir = None if args.no_cache else Path(args.cache) if args.cache else out / ".cache"
    processes = args.processes if args.processes is not None else default_processes()
    if processes < 1:
        raise KGError(f"--processes {processes}: give 1 or more")
    with _analyser(args) as analyser:
        result = build([Path(s) for s in args.sources], out, queries_dir=_queries_dir(),
                       progress=not args.quiet and sys.stderr.isatty(), validate=not args.no_validate,
                       processes=processes, cache_dir=cache_dir, analyser=analyser,
                       store=StoreSpec.parse(args.store))
    for path, reason in result.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(result.summary())
    return 0


def _analyser(args: argparse.Namespace) -> ContextManager:
    """The Dask cluster that parses the documents with --scheduler or --workers; else none (kg.analysis)."""
    if args.scheduler is None and args.workers is None:
        return contextlib.nullcontext()
    if args.workers is not None and args.workers < 1:
        raise KGError(f"--workers {args.workers}: give 1 or more")
    from kg.distributed import dask_analyser

    return dask_analyser(scheduler=args.scheduler, workers=args.workers)


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import load_graph, query_text, resolve_query

    bindings = {}
    for param in args.param or ():
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise KGError(f"--param {param!r} is not NAME=VALUE")
        bindings[name.lstrip("?")] = value
    _, sparql = resolve_query(args.query, _queries_dir())
    if args.store:
        from kg.store import StoreSpec, open_graph

        graph = open_graph(StoreSpec.parse(args.store), read_only=True)
    else:
        graph = load_graph(Path(args.graph))
    sys.stdout.write(query_text(graph, sparql, args.format, bindings=bindings, timeout=args.timeout))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export import export_graph
    from kg.query import load_graph

    graph = load_graph(Path(args.graph))
    text = export_graph(graph, args.format, Path(args.out) if args.out else None)
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import describe, validate_file

    report = validate_file(Path(args.graph))
    print(describe(report))
    return 0 if report.conforms else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    serve(Path(args.graph), host=args.host, port=args.port, timeout=args.timeout)
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    from kg.view import write_view

    result = write_view(Path(args.graph), Path(args.out), focus=args.focus, depth=args.depth)
    print(result.summary(), file=sys.stderr)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from kg.push import push_graph

    result = push_graph(Path(args.graph_file), args.endpoint, graph_iri=args.graph, batch_triples=args.batch,
                        retries=args.retries, timeout=args.timeout, progress=sys.stderr.isatty())
    print(result.summary())
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    import subprocess

    from kg.pipeline import build

    out = Path(args.out)
    build([Path(s) for s in args.sources], out, queries_dir=_queries_dir(), progress=False)
    scorer = Path(args.scorer) if args.scorer else Path(args.gold).with_name("score.py")
    if not scorer.is_file():
        raise KGError(f"scorer {scorer} not found; pass --scorer PATH")
    return subprocess.call([sys.executable, str(scorer), "--gold", args.gold,
                            "--facts", str(out / "facts.csv"), "--entities", str(out / "entities.csv")])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs of who is who and who said what in UK general-practice news.",
        epilog="example: kg build seeds --out output && kg query roles")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Callable, help_text: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=f"example: {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    p = add("build", cmd_build, "Build the knowledge graph of documents (.txt, .md, .html; folders recursively).",
            "kg build seeds --out output")
    p.add_argument("sources", nargs="+", metavar="SRC", help="document files or folders")
    p.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: output/)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the built graph")
    p.add_argument("--processes", type=int, metavar="N",
                   help="worker processes for parsing and extraction (default: one per core, at most 8); "
                        "with --scheduler or --workers, for extraction only")
    p.add_argument("--cache", metavar="DIR",
                   help="where each document's analysis is kept for the next build (default: OUT/.cache)")
    p.add_argument("--no-cache", action="store_true", help="parse every document again and keep nothing")
    p.add_argument("--store", default="memory", metavar="memory|oxigraph[:PATH]",
                   help="where the graph is held while it is built: rdflib's memory store (default), or Oxigraph "
                        "in memory or on disk at PATH, kept there for kg query --store (for large corpora)")
    dask = p.add_mutually_exclusive_group()
    dask.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                      help="parse on the Dask cluster of this scheduler (needs kg[dask]; --processes then "
                           "sets only the extraction's processes)")
    dask.add_argument("--workers", type=int, metavar="N",
                      help="parse on a Dask cluster of N worker processes started on this machine "
                           "(needs kg[dask])")

    p = add("query", cmd_query, "Run a SPARQL query: a .rq file, a name from queries/, or inline SPARQL.",
            'kg query roles --format csv   |   kg query who-said-what --param person="Sajid Javid"')
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--graph", default=str(DEFAULT_GRAPH), help="Turtle graph (default: output/graph.ttl)")
    p.add_argument("--format", default="table", choices=("table", "json", "csv", "tsv"))
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="bind a query variable to a literal")
    p.add_argument("--store", metavar="oxigraph:PATH",
                   help="query the Oxigraph store a build kept at PATH (kg build --store oxigraph:PATH) "
                        "instead of parsing --graph")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="stop a query that runs longer than this (default: 60)")

    p = add("export", cmd_export, "Export the graph as Turtle, N-Triples, TriG, JSON-LD or GraphML (for Gephi).",
            "kg export --format nt --out output/graph.nt")
    p.add_argument("--format", required=True, choices=("ttl", "nt", "trig", "jsonld", "graphml"))
    p.add_argument("--graph", default=str(DEFAULT_GRAPH), help="Turtle graph (default: output/graph.ttl)")
    p.add_argument("--out", help="output file (default: standard output)")

    p = add("validate", cmd_validate, "Check a graph against kg's SHACL shapes and list what is wrong in plain words.",
            "kg validate --graph output/graph.ttl")
    p.add_argument("--graph", default=str(DEFAULT_GRAPH), help="Turtle or TriG graph (default: output/graph.ttl)")

    p = add("serve", cmd_serve, "Serve a graph as a read-only SPARQL 1.1 endpoint (GET/POST /sparql, a query page at /).",
            "kg serve --graph output/graph.ttl --port 8000   then open http://127.0.0.1:8000/")
    p.add_argument("--graph", default=str(DEFAULT_GRAPH), help="Turtle or TriG graph (default: output/graph.ttl)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default: 10)")

    p = add("view", cmd_view, "Write the graph as one interactive HTML page that works offline: the whole graph, "
            "or the entities within --depth links of one (--focus).",
            "kg view --focus Babylon --depth 2 --out output/babylon.html")
    p.add_argument("--graph", default=str(DEFAULT_GRAPH), help="Turtle or TriG graph (default: output/graph.ttl)")
    p.add_argument("--focus", metavar="NAME", help="start from the entity with this name, alias or IRI (any case)")
    p.add_argument("--depth", type=int, default=1, metavar="N",
                   help="with --focus: how many links out from it to show (default: 1)")
    p.add_argument("--out", default=str(DEFAULT_OUT / "view.html"), help="HTML file (default: output/view.html)")

    p = add("push", cmd_push, "Load a graph into a SPARQL 1.1 server (Fuseki, GraphDB, Oxigraph...) through the "
            "Graph Store HTTP Protocol, replacing its default graph or the named graph --graph.",
            "kg push --endpoint http://127.0.0.1:7878/store output/graph.ttl")
    p.add_argument("graph_file", nargs="?", default=str(DEFAULT_GRAPH), metavar="GRAPH.ttl",
                   help="graph file (default: output/graph.ttl)")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the server's Graph Store endpoint (oxigraph serve: http://HOST:PORT/store; "
                        "Fuseki: http://HOST:3030/DATASET/data)")
    p.add_argument("--graph", metavar="IRI", help="named graph to replace (default: the default graph)")
    p.add_argument("--batch", type=int, default=50_000, metavar="N", help="triples per request (default: 50000)")
    p.add_argument("--retries", type=int, default=3, help="retries of a request after a connection error or a 5xx "
                   "(default: 3)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="seconds to wait for each request (default: 60)")

    p = add("eval", cmd_eval, "Build the sources and score the build against a gold YAML file.",
            "kg eval ../shared/eval/seeds_dev.yaml")
    p.add_argument("gold", metavar="GOLD.yaml")
    p.add_argument("--sources", nargs="+", default=["seeds"], metavar="SRC")
    p.add_argument("--out", default=str(DEFAULT_OUT))
    p.add_argument("--scorer", help="score.py (default: beside the gold file)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

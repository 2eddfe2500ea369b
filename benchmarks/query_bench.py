"""The question catalogue (queries/*.rq) on a graph of a million triples: rdflib's memory store against Oxigraph.

The graph is kg's own: a generated corpus (benchmarks/corpus.py, --docs pages, --seed) built by kg's pipeline
(kg.ingest.read_documents, kg.pipeline.extract, kg.rdf.to_rdf, kg.rdf.serialize: what `kg build` does before
it draws the view and answers the catalogue) and cached as Turtle under --cache, so later runs reuse it; or any
graph file given with --graph.

Each store is measured in a fresh process: the graph is loaded the way kg loads it (rdflib: kg.query.load_graph;
Oxigraph: an rdflib Graph over oxrdflib's OxigraphStore, read by Oxigraph's Turtle parser), then every stored
query runs through kg.query.run_query (parse and checks by rdflib, then rdflib's engine or Oxigraph's) --runs
times in a forked child, stopped at --limit seconds. On Oxigraph the query text also runs in pyoxigraph alone
(every row fetched, none converted to rdflib terms), which shows how much of kg's time is Oxigraph's.

    .venv/bin/python benchmarks/query_bench.py --docs 1700 --seed 1 [--runs 3] [--limit 300] [--json FILE]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CACHE = ROOT / "benchmarks" / ".cache"
QUERIES_DIR = ROOT / "queries"
STORES = ("rdflib", "oxigraph")

# What each parameter of the catalogue is bound to for the second table: the value found in most rows of the
# query's own unbound answer in this column (the busiest person, organisation, policy, report...), or a fixed value.
PARAMETERS: dict[tuple[str, str], str] = {
    ("contested", "target_name"): "contested", ("entities-by-type", "type_name"): "=Person",
    ("fact-provenance", "subject_name"): "subject", ("linked-to-organisation", "target_name"): "organisation",
    ("merges", "entity_name"): "entity", ("money-flows", "party_name"): "from",
    ("people-at-organisation", "org_name"): "organisation", ("posts-over-time", "person_name"): "person",
    ("quotes-by-person", "person_name"): "person", ("report-recommendations", "target_name"): "recommender",
    ("responses-to-report", "target_name"): "report", ("roles", "person_name"): "person",
    ("roles", "org_name"): "organisation", ("said-about-policy", "policy_name"): "policy",
    ("stance-toward-policy", "target_name"): "policy", ("timeline", "since"): "=2024-06",
    ("timeline", "until"): "=2016-06", ("who-said-what", "speaker_name"): "speaker",
}


# ---------------------------------------------------------------------------------------------
# the graph


def code_version() -> str:
    """A digest of kg's package source and data: a graph built by other code is built again."""
    digest = hashlib.sha256()
    package = ROOT / "kg"
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_graph(docs: int, seed: int, cache: Path, processes: int) -> Path:
    """graph.ttl of `docs` generated pages built by this kg's code, from the cache when it is there; the pages'
    parses are cached too (kg.cache), so a change to the extractors costs a rebuild without parsing."""
    folder = cache / f"corpus-{docs}-seed{seed}"
    ttl = folder / f"graph-{code_version()}.ttl"
    if ttl.is_file():
        return ttl
    from benchmarks.corpus import generate
    from kg.cache import AnalysisCache
    from kg.ingest import read_documents
    from kg.io import write_text_atomic
    from kg.pipeline import extract
    from kg.rdf import serialize, to_rdf

    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    words = 0
    for name, text in generate(docs, seed):
        (pages / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    generated = time.perf_counter()
    print(f"generated {docs} pages ({words:,} words) in {generated - started:.0f} s; building with kg...",
          file=sys.stderr, flush=True)
    documents = read_documents([pages]).documents
    kg = extract(documents, progress=True, processes=processes, cache=AnalysisCache(folder / "analyses"))
    extracted = time.perf_counter()
    graph = to_rdf(kg)
    text = serialize(graph, "turtle")
    write_text_atomic(ttl, text)
    facts = {"pages": docs, "seed": seed, "words": words, "entities": len(kg.entities), "facts": len(kg.facts),
             "triples": len(graph), "turtle_bytes": len(text.encode("utf-8")), "processes": processes,
             "extract_s": round(extracted - generated, 1),
             "rdf_and_turtle_s": round(time.perf_counter() - extracted, 1)}
    write_text_atomic(ttl.with_suffix(".json"), json.dumps(facts, indent=2) + "\n")
    print(f"built {ttl}: {facts}", file=sys.stderr, flush=True)
    return ttl


def parameter_values(ttl: Path) -> dict[str, str]:
    """(query:parameter) -> the value to bind (see PARAMETERS), read from the unbound answers with pyoxigraph."""
    from collections import Counter

    import pyoxigraph

    from kg.query import list_queries

    store = pyoxigraph.Store()
    store.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    stored = {q.name: q for q in list_queries(QUERIES_DIR)}
    values = {}
    for (query, parameter), column in PARAMETERS.items():
        if query not in stored or parameter not in stored[query].parameters:
            continue
        if column.startswith("="):
            values[f"{query}:{parameter}"] = column[1:]
            continue
        answer = store.query(stored[query].sparql)
        counts = Counter(row[column].value for row in answer if row[column] is not None)
        if counts:
            values[f"{query}:{parameter}"] = min(counts, key=lambda v: (-counts[v], v))
    return values


# ---------------------------------------------------------------------------------------------
# one store, in its own process


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _load(store: str, ttl: Path):
    if store == "rdflib":
        from kg.query import load_graph

        return load_graph(ttl)
    from oxrdflib import OxigraphStore
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.vocab import PREFIXES

    graph = Graph(store=OxigraphStore(), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.parse(str(ttl), format="ox-turtle")
    return graph


def _digest(rows) -> str:
    """The rows, numbers by value (Oxigraph writes xsd:decimal 0.90 as 0.9), as a short hash."""
    def cell(value):
        if value is None:
            return None
        try:
            return str(Decimal(value).normalize()) if value.strip() and value[:1] in "-0123456789." else value
        except InvalidOperation:
            return value

    return hashlib.sha256(repr([tuple(map(cell, row)) for row in rows]).encode("utf-8")).hexdigest()[:12]


def _time_query(graph, store: str, sparql: str, runs: int, send, bindings: dict[str, str] | None = None) -> None:
    """In a forked child: the seconds rdflib takes to parse and check the text (kept for later runs by
    kg.query.prepare_query), each run's seconds as it ends, then the engine-only seconds on Oxigraph."""
    from rdflib import Literal

    from kg.query import prebind, prepare_query, run_query

    started = time.perf_counter()
    prepare_query(sparql)
    send(("parse", time.perf_counter() - started, 0, ""))
    for _ in range(runs):
        started = time.perf_counter()
        result = run_query(graph, sparql, bindings=bindings)
        send(("run", time.perf_counter() - started, len(result.rows), _digest(result.rows)))
    if store == "oxigraph":
        inner = graph.store._inner
        text = prebind(sparql, {k: Literal(v) for k, v in bindings.items()}) if bindings else sparql
        for _ in range(runs):
            started = time.perf_counter()
            answer = inner.query(text)
            count = sum(1 for _ in answer) if hasattr(answer, "variables") else 1
            send(("engine", time.perf_counter() - started, count, ""))
    send(("done", _rss_mb(), 0, ""))


def worker(store: str, ttl: Path, runs: int, limit: float, only: list[str], values: dict[str, str],
           bound_limit: float) -> dict:
    from kg.query import list_queries

    started = time.perf_counter()
    graph = _load(store, ttl)
    load_s = time.perf_counter() - started
    out = {"store": store, "triples": len(graph), "load_s": load_s, "rss_after_load_mb": _rss_mb(), "queries": {},
           "bound": {}}
    print(f"{store}: {out['triples']:,} triples loaded in {load_s:.1f} s, {out['rss_after_load_mb']:.0f} MB",
          file=sys.stderr, flush=True)
    context = multiprocessing.get_context("fork")
    peak = out["rss_after_load_mb"]
    catalogue = [q for q in list_queries(QUERIES_DIR) if not only or q.name in only]
    tasks = [("queries", q.name, q.sparql, None, limit) for q in catalogue]
    tasks += [("bound", f"{q.name}:{p}", q.sparql, {p: values[f"{q.name}:{p}"]}, bound_limit)
              for q in catalogue for p in q.parameters if f"{q.name}:{p}" in values]
    for table, name, sparql, bindings, limit in tasks:
        receive, send_end = context.Pipe(duplex=False)
        child = context.Process(target=_time_query, args=(graph, store, sparql, runs, send_end.send, bindings),
                                daemon=True)
        child.start()
        send_end.close()
        deadline = time.monotonic() + limit
        record = {"runs": [], "engine": [], "rows": None, "digest": None, "stopped": False}
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receive.poll(left):
                record["stopped"] = True
                break
            try:
                kind, seconds, rows, digest = receive.recv()
            except EOFError:
                record["error"] = "the child ended without an answer"
                break
            if kind == "done":
                peak = max(peak, seconds)
                break
            if kind == "parse":
                record["parse"] = seconds
            elif kind == "run":
                record["runs"].append(seconds)
                record["rows"], record["digest"] = rows, digest
            else:
                record["engine"].append(seconds)
        child.kill()
        child.join(10)
        out[table][name] = record
        shown = f"{statistics.median(record['runs']):.3f} s" if record["runs"] else f"> {limit:g} s"
        print(f"  {store} {name}{' ' + str(bindings) if bindings else ''}: {shown} ({len(record['runs'])} runs), "
              f"{record['rows']} rows", file=sys.stderr, flush=True)
    out["peak_rss_mb"] = max(peak, _rss_mb(resource.RUSAGE_CHILDREN))
    return out


def measure(store: str, ttl: Path, runs: int, limit: float, only: list[str], values: dict[str, str],
            bound_limit: float) -> dict:
    """`worker` in a new interpreter, so each store's memory is its own."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", store, "--graph", str(ttl),
               "--runs", str(runs), "--limit", str(limit), "--bound-limit", str(bound_limit),
               "--values", json.dumps(values)] + [a for name in only for a in ("--only", name)]
    done = subprocess.run(command, stdout=subprocess.PIPE, check=True, cwd=ROOT)
    return json.loads(done.stdout)


# ---------------------------------------------------------------------------------------------
# report


def _seconds(values: list[float], limit: float, runs: int) -> str:
    if not values:
        return f"> {limit:g}"
    text = f"{statistics.median(values):.3f}" if statistics.median(values) < 10 else f"{statistics.median(values):.1f}"
    return text if len(values) == runs else f"{text} ({len(values)} of {runs} runs)"


def report(results: dict[str, dict], runs: int, limit: float, values: dict[str, str], bound_limit: float) -> str:
    memory, oxigraph = results["rdflib"], results["oxigraph"]
    lines = [
        "| store | triples | load | RSS after load | peak RSS while querying |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, label in (("rdflib", "rdflib memory"), ("oxigraph", "Oxigraph (oxrdflib)")):
        r = results[name]
        lines.append(f"| {label} | {r['triples']:,} | {r['load_s']:.1f} s | {r['rss_after_load_mb']:,.0f} MB "
                     f"| {r['peak_rss_mb']:,.0f} MB |")
    lines += ["", "| query | rows | rdflib memory, s | Oxigraph via kg, s | Oxigraph engine alone, s | "
                  "rdflib / Oxigraph | under 1 s on Oxigraph | same rows | rdflib parse + checks, s |",
              "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |"]
    for name in oxigraph["queries"]:
        a, b = memory["queries"].get(name, {"runs": []}), oxigraph["queries"][name]
        lines.append(_row(name, a, b, limit, runs) + f" {b.get('parse', float('nan')):.2f} |")
    if oxigraph.get("bound"):
        lines += ["", "| query | parameter = value | rows | rdflib memory, s | Oxigraph via kg, s | "
                      "Oxigraph engine alone, s | rdflib / Oxigraph | under 1 s on Oxigraph | same rows |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
        for name, b in oxigraph["bound"].items():
            a = memory.get("bound", {}).get(name, {"runs": []})
            query, parameter = name.split(":")
            lines.append(_row(f"{query} | {parameter} = {values.get(name, '?')}", a, b, bound_limit, runs))
    return "\n".join(lines) + "\n"


def _row(label: str, a: dict, b: dict, limit: float, runs: int) -> str:
    if a["runs"] and b["runs"]:
        ratio = f"{statistics.median(a['runs']) / statistics.median(b['runs']):,.0f}x"
    elif b["runs"]:
        ratio = f"> {limit / statistics.median(b['runs']):,.0f}x"
    else:
        ratio = "?"
    under = "yes" if b["runs"] and statistics.median(b["runs"]) < 1 else "no"
    same = "yes" if a.get("digest") and a["digest"] == b.get("digest") else ("-" if not a["runs"] else "NO")
    rows = b["rows"] if b["rows"] is not None else a.get("rows")
    return (f"| {label} | {rows if rows is not None else '?':,} | {_seconds(a['runs'], limit, runs)} "
            f"| {_seconds(b['runs'], limit, runs)} | {_seconds(b['engine'], limit, runs)} | {ratio} | {under} "
            f"| {same} |")


def machine() -> str:
    def run(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    memory = run("free", "-g").splitlines()
    total = memory[1].split()[1] if len(memory) > 1 else "?"
    import pyoxigraph
    import rdflib
    from importlib.metadata import version

    return (f"{run('nproc')} CPUs, {total} GB RAM, Linux {run('uname', '-r')}, Python {platform.python_version()}, "
            f"rdflib {rdflib.__version__}, pyoxigraph {pyoxigraph.__version__}, oxrdflib {version('oxrdflib')}, "
            f"load average {os.getloadavg()[0]:.1f} at the end")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1700, help="generated pages to build (default 1700)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--graph", type=Path, help="benchmark this graph file instead of a generated corpus")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where built graphs are kept")
    parser.add_argument("--processes", type=int, default=2, help="processes for kg's pipeline (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="runs per query; the median is reported (default 3)")
    parser.add_argument("--limit", type=float, default=300.0, help="seconds allowed per query and store, all runs")
    parser.add_argument("--bound-limit", type=float, default=120.0,
                        help="seconds allowed per query with a parameter bound, all runs (default 120)")
    parser.add_argument("--no-bound", action="store_true", help="skip the runs with a parameter bound")
    parser.add_argument("--only", action="append", default=[], help="only this query (repeatable)")
    parser.add_argument("--stores", default=",".join(STORES), help="rdflib,oxigraph (default both)")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    parser.add_argument("--build-only", action="store_true", help="build (or find) the graph and stop")
    parser.add_argument("--worker", choices=STORES, help=argparse.SUPPRESS)
    parser.add_argument("--values", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.graph, args.runs, args.limit, args.only, json.loads(args.values),
                                args.bound_limit)))
        return 0
    ttl = args.graph or corpus_graph(args.docs, args.seed, args.cache, args.processes)
    print(f"graph: {ttl}", file=sys.stderr)
    if args.build_only:
        return 0
    values = {} if args.no_bound else parameter_values(ttl)
    results = {store: measure(store, ttl, args.runs, args.limit, args.only, values, args.bound_limit)
               for store in args.stores.split(",")}
    if args.json:
        args.json.write_text(json.dumps({"graph": str(ttl), "machine": machine(), "runs": args.runs,
                                         "limit_s": args.limit, "bound_limit_s": args.bound_limit, "values": values,
                                         "results": results}, indent=2) + "\n")
    if set(results) == set(STORES):
        print(report(results, args.runs, args.limit, values, args.bound_limit))
    print(machine())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

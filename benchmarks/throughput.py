"""Words per second of `kg build` against bare `nlp.pipe` with the same model and components, on the same
generated corpus, in one run; and the peak memory of the build (the main process and its workers together).

    .venv/bin/python benchmarks/throughput.py --docs 1000 --seed 1 --processes 2

Bare spaCy gets exactly the paragraphs kg parses (ingest's segments), the same batch size and the same number
of processes; kg build runs as `kg build` does from the command line (no cache, SHACL check, answers, view,
screenshot), in a child process whose resident memory, with its workers', is sampled every 0.2 s.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo.extend(int(c) for c in children.read().split())
        except (OSError, StopIteration):
            continue
    return total


def _run_measured(argv: list[str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while child.poll() is None:
            peak = max(peak, _tree_rss(child.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"{argv} failed with {child.returncode}")
    return time.perf_counter() - started, peak, out


BARE = """
import json, sys, time
from kg.analysis import BATCH_SIZE
from kg.ingest import read_documents
from kg.nlp import load_pipeline
docs = read_documents([sys.argv[1]]).documents
texts = [d.text[s.start:s.end] for d in docs for s in d.segments]
nlp = load_pipeline()
started = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=int(sys.argv[2])):
    pass
print(json.dumps({"seconds": time.perf_counter() - started, "words": sum(len(t.split()) for t in texts),
                  "paragraphs": len(texts)}))
"""

BUILD = """
import json, sys, time
from pathlib import Path
from kg.pipeline import build
from kg.store import StoreSpec
started = time.perf_counter()
result = build([Path(sys.argv[1])], Path(sys.argv[2]), processes=int(sys.argv[3]), store=StoreSpec.parse(sys.argv[4]))
print(json.dumps({"seconds": time.perf_counter() - started, "summary": result.summary(), "stages": result.stages}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--store", default="memory")
    parser.add_argument("--corpus", type=Path, help="use this folder instead of generating one")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus"
            subprocess.run([python, str(ROOT / "benchmarks" / "corpus.py"), "--docs", str(args.docs), "--seed",
                            str(args.seed), "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
        bare_wall, bare_peak, bare_out = _run_measured([python, "-c", BARE, str(corpus), str(args.processes)])
        bare = json.loads(bare_out.strip().splitlines()[-1])
        build_wall, build_peak, build_out = _run_measured(
            [python, "-c", BUILD, str(corpus), str(Path(scratch) / "out"), str(args.processes), args.store])
        built = json.loads(build_out.strip().splitlines()[-1])
    words = bare["words"]
    bare_wps, build_wps = words / bare["seconds"], words / built["seconds"]
    print(f"documents {args.docs}, paragraphs {bare['paragraphs']:,}, words {words:,}, processes {args.processes}, "
          f"store {args.store}")
    print(f"bare nlp.pipe: {bare['seconds']:.1f} s, {bare_wps:,.0f} words/s, peak {bare_peak / 2**20:,.0f} MiB")
    print(f"kg build:      {built['seconds']:.1f} s, {build_wps:,.0f} words/s, peak {build_peak / 2**20:,.0f} MiB")
    print(f"ratio (kg build / bare nlp.pipe words per second): {build_wps / bare_wps:.2f}")
    print("stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in built["stages"].items()))
    print(built["summary"])


if __name__ == "__main__":
    main()

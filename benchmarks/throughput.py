"""Words per second of `kg build` against bare `nlp.pipe` with the same model and components, on the same
generated corpus, in one run; and the peak memory of the build (the main process and its workers together).

    .venv/bin/python benchmarks/throughput.py --docs 1000 --seed 1 --processes 2

Bare spaCy gets exactly the paragraphs kg parses (ingest's segments), the same batch size and the same number
of processes; kg build runs as `kg build` does from the command line (no cache, SHACL check, answers, view,
screenshot), in a child process whose memory, with its workers', is sampled every 0.2 s: proportional set
size (PSS: pages shared by forked workers counted once) and, as a ceiling, resident set size summed.
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


def _tree_memory(pid: int) -> tuple[int, int]:
    """(resident bytes, proportional bytes) of a process and all its descendants. Forked workers share the
    parent's pages until they write to them: summed RSS counts those pages once per process, PSS shares them out."""
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo.extend(int(c) for c in children.read().split())
        except OSError:
            continue
    return rss, pss


def _run_measured(argv: list[str], samples: list[tuple[float, int, int]] | None = None
                  ) -> tuple[float, tuple[int, int], str]:
    """Run `argv`, sampling its memory every 0.2 s; (wall time, rss, pss) of each sample go to `samples`."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while child.poll() is None:
            rss, pss = _tree_memory(child.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            if samples is not None:
                samples.append((time.time(), rss, pss))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"{argv} failed with {child.returncode}")
    return time.perf_counter() - started, (peak_rss, peak_pss), out


def _stage_peaks(samples: list[tuple[float, int, int]], spans: list[tuple[str, float, float]]) -> dict[str, int]:
    """The highest PSS sampled during each stage (a stage that ran twice counts once), in the order they ran."""
    peaks: dict[str, int] = {}
    for stage, start, end in spans:
        during = [pss for t, _, pss in samples if start <= t <= end]
        peaks[stage] = max([peaks.get(stage, 0), *during])
    return peaks


def _mib(peak: tuple[int, int]) -> str:
    return f"peak {peak[1] / 2**20:,.0f} MiB PSS ({peak[0] / 2**20:,.0f} MiB RSS summed)"


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
import contextlib, json, sys, time
from pathlib import Path
import kg.pipeline
from kg.pipeline import build
from kg.store import StoreSpec
spans = []  # (stage, wall start, wall end): the harness matches them with its memory samples
timed = kg.pipeline.Stopwatch.__call__

@contextlib.contextmanager
def recorded(self, stage):
    start = time.time()
    try:
        with timed(self, stage):
            yield
    finally:
        spans.append((stage, start, time.time()))

kg.pipeline.Stopwatch.__call__ = recorded
started = time.perf_counter()
result = build([Path(sys.argv[1])], Path(sys.argv[2]), processes=int(sys.argv[3]), store=StoreSpec.parse(sys.argv[4]))
seconds = time.perf_counter() - started
from kg.ingest import read_documents
docs = read_documents([sys.argv[1]]).documents
words = sum(len(d.text[s.start:s.end].split()) for d in docs for s in d.segments)
print(json.dumps({"seconds": seconds, "summary": result.summary(), "stages": result.stages,
                  "documents": result.documents, "words": words, "spans": spans}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--store", default="memory")
    parser.add_argument("--corpus", type=Path, help="use this folder instead of generating one")
    parser.add_argument("--max-words", type=int, help="pages of at most this many words (corpus.py --max-words)")
    parser.add_argument("--no-bare", action="store_true", help="only the build (for its peak memory)")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus"
            subprocess.run([python, str(ROOT / "benchmarks" / "corpus.py"), "--docs", str(args.docs), "--seed",
                            str(args.seed), "--out", str(corpus)]
                           + (["--max-words", str(args.max_words)] if args.max_words else []),
                           check=True, stdout=subprocess.DEVNULL)
        bare = None
        if not args.no_bare:
            _, bare_peak, bare_out = _run_measured([python, "-c", BARE, str(corpus), str(args.processes)])
            bare = json.loads(bare_out.strip().splitlines()[-1])
        samples: list[tuple[float, int, int]] = []
        _, build_peak, build_out = _run_measured(
            [python, "-c", BUILD, str(corpus), str(Path(scratch) / "out"), str(args.processes), args.store], samples)
        built = json.loads(build_out.strip().splitlines()[-1])
    print(f"documents {built['documents']:,}, words {built['words']:,}, processes {args.processes}, "
          f"store {args.store}" + (f", pages cut at {args.max_words:,} words" if args.max_words else ""))
    build_wps = built["words"] / built["seconds"]
    if bare is not None:
        bare_wps = bare["words"] / bare["seconds"]
        print(f"bare nlp.pipe: {bare['seconds']:.1f} s, {bare_wps:,.0f} words/s, {_mib(bare_peak)} "
              f"({bare['paragraphs']:,} paragraphs)")
    print(f"kg build:      {built['seconds']:.1f} s, {build_wps:,.0f} words/s, {_mib(build_peak)}")
    if bare is not None:
        print(f"ratio (kg build / bare nlp.pipe words per second): {build_wps / bare_wps:.2f}")
    print("stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in built["stages"].items()))
    peaks = _stage_peaks(samples, [tuple(span) for span in built["spans"]])
    print("peak PSS by stage: " + ", ".join(f"{k} {v / 2**20:,.0f} MiB" for k, v in peaks.items()))
    print(built["summary"])


if __name__ == "__main__":
    main()

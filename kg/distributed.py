"""Scale-out: each document's analysis (parse and mentions, kg.analysis) on the workers of a Dask cluster.

`dask_analyser` connects to a running cluster (`scheduler="tcp://HOST:PORT"`) or starts one on this machine
(`workers=N`) and yields an `Analyser` for `kg.pipeline.build`/`extract`. The documents go to the workers in
chunks, each chunk one task running `kg.analysis.analyse_batch`, so each worker process loads the spaCy model
once and keeps it. Only a bounded window of chunks is in flight at a time, results come back in input order,
and each is released on the cluster as soon as it is read, so memory stays flat however many documents there
are. Cross-document resolution and fact extraction stay in this process (kg.pipeline).

Every worker needs kg and the same spaCy model as this machine: each result carries its worker's analysis
version (kg.analysis.analysis_version) and a worker with another one is refused, so it cannot put analyses of
another model into the cache. Dask is an optional dependency (`pip install 'kg[dask]'`), imported here only.
"""
from __future__ import annotations

import asyncio
from collections import Counter, deque
from concurrent.futures import CancelledError
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Sequence

from kg.analysis import DocumentAnalysis, analyse_batch, analysis_version, chunk_size
from kg.errors import ClusterError
from kg.model import Document
from kg.nlp import load_pipeline

if TYPE_CHECKING:
    from distributed import Client

# seconds to reach a scheduler, and for a scheduler with no workers to get one
CONNECT_TIMEOUT_S = 10.0
# chunks in flight per worker thread: enough that no worker waits for the next task while the oldest result
# is read, few enough that a corpus of any size holds only a few dozen analyses on the cluster at once
WINDOW_PER_THREAD = 3


def _import_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(f"Dask is not installed ({exc.name} is missing): pip install 'kg[dask]'") from exc
    return distributed


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class DaskAnalyser:
    """An Analyser (kg.pipeline) that runs `analyse_batch` on a Dask cluster, chunk by chunk."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.per_worker: Counter[str] = Counter()  # documents analysed, by worker address

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocumentAnalysis]:
        documents = list(documents)
        if not documents:
            return
        threads = max(1, sum(self.client.nthreads().values()))
        size = chunk_size(len(documents), threads)
        chunks = iter([documents[i:i + size] for i in range(0, len(documents), size)])
        window = max(2, WINDOW_PER_THREAD * threads)
        pending: deque = deque()

        def submit_next() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                pending.append((chunk, self.client.submit(analyse_on_worker, chunk, pure=False)))

        expected = None
        try:
            for _ in range(window):
                submit_next()
            while pending:
                chunk, future = pending.popleft()
                try:
                    worker, version, analyses = future.result()
                except ClusterError:
                    raise
                except (Exception, CancelledError) as exc:
                    names = ", ".join(d.path for d in chunk[:3]) + (", ..." if len(chunk) > 3 else "")
                    raise ClusterError(f"the Dask cluster failed on {names}: {_one_line(exc)}") from exc
                finally:
                    future.release()
                submit_next()
                expected = expected or analysis_version()
                if version != expected:
                    raise ClusterError(f"worker {worker} has another kg, spaCy or model than this machine "
                                       f"(analysis version {version[:12]}, here {expected[:12]}): install the "
                                       f"same kg and model on every worker")
                self.per_worker[worker] += len(analyses)
                yield from analyses
        finally:
            if pending:  # stopped early: the cluster need not finish what nobody will read
                self.client.cancel([future for _, future in pending])


def analyse_on_worker(documents: Sequence[Document]) -> tuple[str, str, list[DocumentAnalysis]]:
    """The task run on a worker: (its address, its analysis version, the analyses of `documents`). A failure
    is a ClusterError naming the worker and, found by analysing them one at a time, the document."""
    from distributed import get_worker

    try:
        worker = get_worker().address
    except ValueError:  # called outside a worker (as in a test)
        worker = "(no worker)"
    try:
        load_pipeline()
    except Exception as exc:  # noqa: BLE001 - any failure to load the model is this worker's, not a document's
        raise ClusterError(f"worker {worker} cannot load the spaCy model: {_one_line(exc)}") from None
    try:
        return worker, analysis_version(), analyse_batch(documents)
    except Exception as exc:  # noqa: BLE001 - turned into a message naming the document, sent to the client
        failure = exc
    for document in documents if len(documents) > 1 else ():
        try:
            analyse_batch([document])
        except Exception as exc:  # noqa: BLE001
            raise ClusterError(f"worker {worker} failed on {document.path}: {_one_line(exc)}") from None
    names = documents[0].path if len(documents) == 1 else f"{len(documents)} documents ({documents[0].path}, ...)"
    raise ClusterError(f"worker {worker} failed on {names}: {_one_line(failure)}") from None


@contextmanager
def dask_analyser(scheduler: str | None = None, workers: int | None = None, *,
                  timeout: float | None = None) -> Iterator[DaskAnalyser]:
    """An Analyser on the Dask cluster whose scheduler is at `scheduler` ("tcp://HOST:PORT"), or on a cluster
    of `workers` worker processes started on this machine (127.0.0.1 only, no dashboard) and closed at the
    end. A scheduler not reached, or with no worker, within `timeout` seconds (default CONNECT_TIMEOUT_S) is
    a ClusterError. Local workers are spawned processes: a script that starts them needs the usual
    `if __name__ == "__main__":` guard (the `kg` command has it)."""
    timeout = CONNECT_TIMEOUT_S if timeout is None else timeout
    if (scheduler is None) == (workers is None):
        raise ClusterError("give either a Dask scheduler address (tcp://HOST:PORT) or a number of local workers")
    distributed = _import_distributed()
    if scheduler is not None:
        _probe(scheduler, timeout)
        try:
            client = distributed.Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {_one_line(exc)}") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (TimeoutError, asyncio.TimeoutError):
                raise ClusterError(f"the Dask scheduler at {scheduler} has no workers after {timeout:g} s: "
                                   f"start some with `dask worker {scheduler}`") from None
            yield DaskAnalyser(client)
        return
    if workers < 1:
        raise ClusterError(f"{workers} workers: give 1 or more")
    try:
        # no dashboard; the scheduler's few HTTP routes (health, metrics) on any free port, not on 8787, which
        # a second build or another cluster on this machine may hold
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=None,
                                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    except Exception as exc:  # noqa: BLE001 - whatever stopped the workers starting, said in one line
        raise ClusterError(f"cannot start a local Dask cluster of {workers} workers: {_one_line(exc)}") from None
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        yield DaskAnalyser(client)


def _probe(scheduler: str, timeout: float) -> None:
    """Open and close one connection to the scheduler, so an address that is wrong or not answering is an
    error in `timeout` seconds, with no half-made Client left behind to complain when it is collected."""
    from distributed.comm import connect
    from distributed.security import Security

    async def attempt() -> None:
        comm = await connect(scheduler, timeout=timeout, **Security().get_connection_args("client"))
        await comm.close()

    try:
        asyncio.run(attempt())
    except (ValueError, TypeError) as exc:
        raise ClusterError(f"{scheduler!r} is not a Dask scheduler address (tcp://HOST:PORT): "
                           f"{' '.join(str(exc).split())}") from None
    except (OSError, asyncio.TimeoutError):
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s") from None

"""Parsing on a Dask cluster (kg.distributed) gives the graph a single process builds, really on the workers; a
cluster that cannot be reached, a worker that fails and a missing Dask are each one plain error.

One local cluster of two worker processes serves the module (each worker loads the model once); the CLI test
starts its own through `kg build --workers 2`."""
from __future__ import annotations

import socket
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import kg.distributed
from kg.cli import main
from kg.distributed import DaskAnalyser, dask_analyser
from kg.errors import ClusterError
from kg.ingest import read_documents
from kg.model import Document, Segment
from kg.nlp import load_pipeline
from kg.pipeline import extract
from kg.rdf import serialize, to_rdf

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"tcp://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture(scope="module")
def documents():
    return read_documents(SOURCES).documents


@pytest.fixture(scope="module")
def clean_turtle(documents):
    return serialize(to_rdf(extract(documents)))


@pytest.fixture(scope="module")
def analyser():
    with dask_analyser(workers=2) as analyser:
        yield analyser


@pytest.mark.model
def test_two_workers_give_the_single_process_graph_and_both_parse(documents, clean_turtle, analyser):
    before = Counter(analyser.per_worker)
    assert serialize(to_rdf(extract(documents, analyser=analyser))) == clean_turtle
    parsed = analyser.per_worker - before
    assert len(parsed) == 2 and sum(parsed.values()) == len(documents)
    # each worker process loaded the model once, and keeps it for the next build
    assert analyser.client.run(lambda: load_pipeline.cache_info().currsize) == dict.fromkeys(parsed, 1)


@pytest.mark.model
def test_analyses_come_back_in_input_order_from_a_bounded_window(documents, analyser, monkeypatch):
    monkeypatch.setattr(kg.distributed, "WINDOW_PER_THREAD", 0)  # two chunks (of two documents) in flight
    submit, submitted = analyser.client.submit, []

    def counting_submit(*args, **kwargs):
        submitted.append(args[1])
        return submit(*args, **kwargs)

    monkeypatch.setattr(analyser.client, "submit", counting_submit)
    shuffled = list(documents[1::2]) + list(documents[0::2])
    results = analyser(shuffled)
    first = next(results)
    assert len(submitted) == 3  # the first chunk read and released, two in flight, two not sent yet
    assert [a.document.doc_id for a in (first, *results)] == [d.doc_id for d in shuffled]
    assert [d for chunk in submitted for d in chunk] == shuffled
    _released(analyser)


def _released(analyser: DaskAnalyser) -> None:
    deadline = time.monotonic() + 10
    while analyser.client.futures and time.monotonic() < deadline:  # releases reach the client's loop soon after
        time.sleep(0.05)
    assert not analyser.client.futures


@pytest.mark.model
def test_a_client_of_a_running_scheduler_uses_its_workers(documents, analyser):
    address = analyser.client.scheduler.address
    with dask_analyser(scheduler=address, timeout=5) as remote:
        assert isinstance(remote, DaskAnalyser) and remote.client is not analyser.client
        assert [a.document.doc_id for a in remote(documents[:3])] == [d.doc_id for d in documents[:3]]
        assert set(remote.per_worker) <= set(analyser.client.nthreads())


@pytest.mark.model
def test_a_document_that_fails_on_a_worker_is_named(documents, analyser, monkeypatch):
    broken = Document(doc_id="broken", path="corpus/broken.txt", text=None,  # type: ignore[arg-type]
                      segments=(Segment(0, 10, "article"),))
    monkeypatch.setattr(kg.distributed, "chunk_size", lambda items, processes: items)  # one chunk of three
    with pytest.raises(ClusterError, match=r"^worker tcp://127\.0\.0\.1:\d+ failed on corpus/broken\.txt: "
                                           r"TypeError: 'NoneType' object is not subscriptable$"):
        list(analyser([documents[0], broken, documents[1]]))
    _released(analyser)


@pytest.mark.model
def test_a_worker_with_another_model_or_kg_is_refused(documents, analyser, monkeypatch):
    monkeypatch.setattr(kg.distributed, "analysis_version", lambda: "f" * 64)  # as if this machine had another
    with pytest.raises(ClusterError, match=r"^worker tcp://127\.0\.0\.1:\d+ has another kg, spaCy or model than "
                                           r"this machine \(analysis version [0-9a-f]{12}, here ffffffffffff\)"):
        list(analyser(documents[:2]))
    _released(analyser)


def test_an_unreachable_scheduler_is_a_one_line_error_within_the_timeout():
    address = _closed_port()
    started = time.perf_counter()
    with pytest.raises(ClusterError) as raised:
        with dask_analyser(scheduler=address, timeout=1):
            pass
    assert str(raised.value) == f"cannot reach the Dask scheduler at {address} within 1 s"
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("address, message", [
    ("127.0.0.1", "'127.0.0.1' is not a Dask scheduler address (tcp://HOST:PORT): missing port number"),
    ("http://127.0.0.1:8786", "'http://127.0.0.1:8786' is not a Dask scheduler address (tcp://HOST:PORT): "
                              "unknown address scheme 'http'"),
])
def test_a_malformed_scheduler_address_is_named(address, message):
    with pytest.raises(ClusterError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        with dask_analyser(scheduler=address):
            pass


def test_a_scheduler_without_workers_says_so():
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as empty:
        with pytest.raises(ClusterError, match=rf"^the Dask scheduler at {empty.scheduler_address} has no workers "
                                               rf"after 0.5 s: start some with `dask worker "):
            with dask_analyser(scheduler=empty.scheduler_address, timeout=0.5):
                pass


def test_without_dask_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    with pytest.raises(ClusterError, match=r"Dask is not installed .*: pip install 'kg\[dask\]'$"):
        with dask_analyser(workers=2):
            pass


def test_cli_scheduler_errors_are_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT_S", 1.0)
    address = _closed_port()
    assert main(["build", "seeds", "--scheduler", address, "--quiet", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"kg build: error: cannot reach the Dask scheduler at {address} within 1 s"]
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "seeds", "--scheduler", address, "--workers", "2"])
    assert exit_info.value.code == 2
    assert "argument --workers: not allowed with argument --scheduler" in capsys.readouterr().err


@pytest.mark.model
def test_cli_build_with_two_local_workers_writes_the_single_process_graph(tmp_path, capsys):
    sources = [str(s) for s in SOURCES]
    assert main(["build", *sources, "--out", str(tmp_path / "one"), "--processes", "1", "--no-cache",
                 "--quiet", "--no-validate"]) == 0
    capsys.readouterr()
    assert main(["build", *sources, "--out", str(tmp_path / "dask"), "--workers", "2", "--no-cache", "--quiet"]) == 0
    out, err = capsys.readouterr()
    # the summary's last clause is the screenshot's, which is the view's business, not the cluster's
    assert out.startswith("built 73 documents: ") and "; conforms to kg/shapes.ttl" in out
    assert len(out.splitlines()) == 1 and err == ""
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "one" / "graph.ttl").read_bytes()

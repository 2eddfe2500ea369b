"""The build's scale features give the graph a clean single-process build gives: worker processes, and
incremental builds from the per-document cache."""
from __future__ import annotations

import gc
import pickle
import shutil
from pathlib import Path

import pytest

from kg.analysis import analyse_batch, chunk_size, worker_pool
from kg.cache import AnalysisCache
from kg.ingest import read_documents
from kg.pipeline import extract
from kg.rdf import serialize, to_rdf

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]


@pytest.fixture(scope="module")
def documents():
    return read_documents(SOURCES).documents


@pytest.fixture(scope="module")
def clean_turtle(documents):
    return serialize(to_rdf(extract(documents)))


def test_worker_processes_give_the_same_turtle(documents, clean_turtle):
    assert len(documents) == 73 and chunk_size(len(documents), 2) < len(documents)  # really spread over a pool
    assert serialize(to_rdf(extract(documents, processes=2))) == clean_turtle


def test_a_rebuild_reads_every_analysis_from_the_cache(documents, clean_turtle, tmp_path):
    first = AnalysisCache(tmp_path)
    assert serialize(to_rdf(extract(documents, cache=first))) == clean_turtle
    assert (first.hits, first.misses) == (0, len(documents))
    again = AnalysisCache(tmp_path)
    assert serialize(to_rdf(extract(documents, cache=again, processes=2))) == clean_turtle
    assert (again.hits, again.misses) == (len(documents), 0)


def test_after_one_document_changes_only_it_is_parsed_and_the_graph_is_a_clean_builds(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "fixtures" / "articles", corpus)
    cache_dir = tmp_path / "cache"
    before = read_documents([corpus]).documents
    extract(before, cache=AnalysisCache(cache_dir))
    edited = sorted(corpus.glob("*.txt"))[2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\n\nThe plan is a disaster, said Priya Okonkwo, chair of the Wessex LMC.\n",
                      encoding="utf-8")
    after = read_documents([corpus]).documents
    cache = AnalysisCache(cache_dir)
    incremental = serialize(to_rdf(extract(after, cache=cache)))
    assert (cache.hits, cache.misses) == (len(after) - 1, 1)
    assert incremental == serialize(to_rdf(extract(after)))
    assert "Priya Okonkwo" in incremental


def test_a_damaged_cache_entry_is_parsed_again_and_replaced(documents, clean_turtle, tmp_path):
    extract(documents, cache=AnalysisCache(tmp_path))
    entries = sorted(tmp_path.rglob("*.pickle"))
    assert len(entries) == len(documents)
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # cut short, as by a crash or a full disk
    entries[1].write_bytes(pickle.dumps("not an analysis"))
    cache = AnalysisCache(tmp_path)
    assert serialize(to_rdf(extract(documents, cache=cache))) == clean_turtle
    assert (cache.hits, cache.misses) == (len(documents) - 2, 2)
    assert isinstance(pickle.loads(entries[0].read_bytes()).parses, bytes)  # rewritten whole


def test_a_cache_of_another_model_or_kg_version_is_not_used(documents, tmp_path):
    cache = AnalysisCache(tmp_path)
    cache.put(analyse_batch(documents[:1])[0])
    stale = AnalysisCache(tmp_path)
    stale._version = "0" * 64  # what a cache made by other parsing code or another model is keyed by
    assert stale.get(documents[0]) is None
    assert AnalysisCache(tmp_path).get(documents[0]) is not None


def test_an_unwritable_cache_is_a_clear_error(documents, tmp_path):
    from kg.errors import ExportError

    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(ExportError, match="cannot write the analysis cache .*cache"):
        extract(documents[:1], cache=AnalysisCache(blocker))


def test_a_stage_failing_after_the_turtle_is_written_leaves_the_old_outputs_and_no_temporaries(tmp_path,
                                                                                               monkeypatch):
    import kg.query
    from kg.pipeline import build

    source = ROOT / "tests" / "fixtures" / "articles"
    out = tmp_path / "out"
    build([source], out, validate=False)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert {"graph.ttl", "answers.md", "graph.html"} <= set(before)

    def broken(*args, **kwargs):
        raise RuntimeError("the catalogue broke")

    monkeypatch.setattr(kg.query, "answers_markdown", broken)
    with pytest.raises(RuntimeError, match="the catalogue broke"):
        build([ROOT / "seeds"], out, validate=False)  # another corpus: every output would change
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_answers_found_in_a_forked_child_are_the_same_and_its_failure_leaves_the_old_outputs(tmp_path, monkeypatch):
    import kg.query
    from kg.errors import KGError
    from kg.pipeline import build

    one, two = tmp_path / "one", tmp_path / "two"
    build([ROOT / "seeds"], one, validate=False, processes=1)
    build([ROOT / "seeds"], two, validate=False, processes=2)
    assert (two / "answers.md").read_bytes() == (one / "answers.md").read_bytes()
    before = {p.name: p.read_bytes() for p in two.iterdir() if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("the catalogue broke")

    monkeypatch.setattr(kg.query, "answers_markdown", broken)
    with pytest.raises(KGError, match="the catalogue broke"):
        build([ROOT / "tests" / "fixtures" / "articles"], two, validate=False, processes=2)
    assert {p.name: p.read_bytes() for p in two.iterdir() if p.is_file()} == before


def test_the_built_answers_are_the_catalogue_on_an_oxigraph_copy_of_the_graph(tmp_path):
    from kg.pipeline import DEFAULT_QUERIES, build
    from kg.query import answers_markdown
    from kg.store import oxigraph_copy

    out = tmp_path / "out"
    build([ROOT / "tests" / "fixtures" / "articles"], out, validate=False)
    copy = oxigraph_copy(out / "graph.ttl")
    assert len(copy) > 1000
    assert (out / "answers.md").read_text(encoding="utf-8") == answers_markdown(copy, DEFAULT_QUERIES)


def _twice(x: int) -> int:
    return 2 * x


def _fails(x: int) -> int:
    raise ValueError(f"no {x}")


def _dies(x: int) -> int:
    import os

    os._exit(3)


@pytest.mark.parametrize("fork", [True, False])
def test_a_background_stage_gives_its_value_or_its_error(fork):
    from kg.errors import KGError
    from kg.pipeline import _Background

    assert _Background(_twice, 21, fork=fork).result() == 42
    with pytest.raises((KGError, ValueError), match="no 7"):
        _Background(_fails, 7, fork=fork).result()


def test_a_background_stage_that_dies_is_an_error_not_a_hang():
    from kg.errors import KGError
    from kg.pipeline import _Background

    with pytest.raises(KGError, match="died \\(exit code 3\\)"):
        _Background(_dies, 0).result()


@pytest.mark.parametrize("processes", [1, 2])
def test_the_shacl_check_counts_the_same_violations_beside_the_outputs_or_after(tmp_path, monkeypatch, processes):
    import kg.pipeline
    from rdflib import Literal
    from rdflib.namespace import RDF

    from kg.vocab import KG

    real = kg.pipeline.to_rdf

    def with_two_broken_facts(*args, **kwargs):
        graph = real(*args, **kwargs)
        for fact in sorted(graph.subjects(RDF.type, KG.Fact))[:2]:
            graph.set((fact, KG.section, Literal("sidebar")))
        return graph

    monkeypatch.setattr(kg.pipeline, "to_rdf", with_two_broken_facts)
    result = kg.pipeline.build([ROOT / "tests" / "fixtures" / "articles"], tmp_path / "out", processes=processes)
    assert result.violations == 2
    assert "2 SHACL violations" in result.summary()
    assert result.stages["validate"] > 0


def _frozen_in_worker(_: int) -> int:
    return gc.get_freeze_count()


def test_worker_pool_workers_start_with_the_parents_objects_frozen_and_the_parent_does_not():
    # a worker's garbage collector then leaves the pages it shares with the parent alone
    assert gc.get_freeze_count() == 0
    with worker_pool(2) as pool:
        assert gc.get_freeze_count() == 0
        assert min(pool.map(_frozen_in_worker, range(4))) > 1000

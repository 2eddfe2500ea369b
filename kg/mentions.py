"""Stage: entity mentions in analysed documents (named, lexicon, noun-phrase and byline mentions)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Span

from kg.lexicon import load_lexicon
from kg.model import ARTICLE, Mention
from kg.nlp import AnalysedDocument, AnalysedSegment

TITLES = ("Dr", "Doctor", "Professor", "Prof", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady",
          "Baroness", "Rt Hon", "Cllr")
_TITLE_RE = re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(TITLES))
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
QUOTES = "‘’“”\"'"

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "LAW": "Legislation"}

# words that name a kind of organisation, not one organisation ('a CCG', 'GPs')
GENERIC_NAMES = {
    "gp", "gps", "ccg", "ccgs", "icb", "icbs", "ics", "icss", "pcn", "pcns", "trust", "trusts", "practice", "practices",
    "surgery", "government", "council", "committee", "board", "college", "department", "ministry",
    "nhs trust", "nhs trusts", "lmc", "hospital", "hospitals", "a&e", "covid", "covid-19", "brexit", "twitter",
    "facebook", "nhs choices reviews",
}

# a common noun just before a name that says what kind of organisation the name is
KIND_WORDS = {
    "think tank": "ThinkTank", "think-tank": "ThinkTank", "thinktank": "ThinkTank",
    "company": "Company", "firm": "Company", "provider": "Company", "start-up": "Company", "startup": "Company",
    "website": "Publication", "newspaper": "Publication", "magazine": "Publication", "journal": "Publication",
    "paper": "Publication", "practice": "Practice", "surgery": "Practice", "charity": "Organization",
    "union": "Organization", "regulator": "GovernmentBody", "watchdog": "GovernmentBody",
}
_KIND_RE = re.compile(r"(?:^|\s)(%s)\s*$" % "|".join(re.escape(k) for k in KIND_WORDS), re.I)


@dataclass(frozen=True)
class SegmentMention:
    mention: Mention
    canonical: str | None  # lexicon canonical name, when the lexicon knows it


def clean_name(text: str) -> str:
    """Strip titles, possessives, surrounding quotes and a leading article from a name."""
    name = text.strip().strip(QUOTES + " ,.;:–-").strip()
    name = _POSSESSIVE_RE.sub("", name).strip()
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = _TITLE_RE.sub("", name).strip()
    return name


def _is_noise(name: str, etype: str) -> bool:
    if not name or len(name) < 2 or not re.search(r"[A-Za-z]", name):
        return True
    if name.casefold() in GENERIC_NAMES or name.startswith(("@", "http", "www.")):
        return True
    if etype in ("Person", "Organization", "Place") and not name[0].isupper():
        return True
    words = name.split()
    if len(words) > 8 or re.search(r"\d{2,}", name) and etype == "Person":
        return True
    if etype == "Person" and (name.isupper() and len(name) > 4 or any(w.casefold() in _role_words() for w in words)):
        return True
    if len(words) > 1 and name.isupper() and etype != "Organization":
        return True
    return False


_ROLE_WORDS: set[str] = set()


def _role_words() -> set[str]:
    if not _ROLE_WORDS:
        _ROLE_WORDS.update(w for r in load_lexicon().roles for w in r.casefold().split() if w not in ("of", "for"))
        _ROLE_WORDS.difference_update({"partner", "lead", "head"})
    return _ROLE_WORDS


def _refine_org_type(name: str, before: str) -> str:
    lexicon = load_lexicon()
    kind = _KIND_RE.search(before)
    if kind:
        return KIND_WORDS[kind.group(1).casefold()]
    for etype in ("Practice", "GovernmentBody", "Company", "Organization"):
        for head in lexicon.organisation_heads.get(etype, ()):
            if name.endswith(" " + head) or name == head:
                return etype
    return "Organization"


def _span_mention(aseg: AnalysedSegment, span: Span, doc_id: str, etype: str, source: str) -> Mention:
    base = aseg.segment.start
    return Mention(doc_id=doc_id, start=base + span.start_char, end=base + span.end_char, text=span.text,
                   type=etype, section=aseg.segment.section, source=source)


def segment_mentions(aseg: AnalysedSegment, doc_id: str) -> Iterator[SegmentMention]:
    doc = aseg.doc
    lexicon = load_lexicon()
    taken: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_.startswith("KG_"):
            etype = ent.label_[3:]
            canonical = ent.ent_id_ or None
            yield SegmentMention(_span_mention(aseg, ent, doc_id, etype, "lexicon"), canonical)
            taken.append((ent.start_char, ent.end_char))
            continue
        etype = NER_TYPES.get(ent.label_)
        if etype is None:
            continue
        span = _trim_span(ent)
        if span is None:
            continue
        name = clean_name(span.text)
        if etype == "Organization":
            etype = _refine_org_type(name, doc.text[max(0, span.start_char - 20):span.start_char])
        if _is_noise(name, etype):
            continue
        yield SegmentMention(_span_mention(aseg, span, doc_id, etype, "ner"), None)
        taken.append((span.start_char, span.end_char))
    for chunk_span, etype in _policy_phrases(doc, lexicon):
        if any(s < chunk_span.end_char and chunk_span.start_char < e for s, e in taken):
            continue
        yield SegmentMention(_span_mention(aseg, chunk_span, doc_id, etype, "phrase"), None)


def _trim_span(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an") or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "’", "'") or
                           doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


_EVALUATIVE = {"controversial", "pitiful", "flawed", "underinvested", "current", "new", "latest", "old", "once",
               "proud", "whole", "same", "other", "such", "own", "potential", "recent"}


def _policy_phrases(doc, lexicon) -> Iterator[tuple[Span, str]]:
    head_types: dict[str, str] = {}
    for etype, heads in lexicon.policy_heads.items():
        for head in heads:
            head_types.setdefault(head.casefold(), etype)
    for chunk in doc.noun_chunks:
        root = chunk.root
        etype = head_types.get(root.text.casefold()) or head_types.get(root.lemma_.casefold())
        if etype is None:
            continue
        modifiers = [t for t in chunk if t.i < root.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")
                     and t.lower_ not in _EVALUATIVE and t.is_alpha]
        start = chunk.start
        while start < root.i and (chunk.doc[start].dep_ in ("det", "poss", "predet", "nummod") or
                                  chunk.doc[start].is_punct or chunk.doc[start].lower_ in _EVALUATIVE):
            start += 1
        end = root.i + 1
        # 'the review of general practice': a report named by what it is about
        if etype == "Report" and end < len(doc) and doc[end].lower_ == "of":
            pobj = [c for c in doc[end].children if c.dep_ == "pobj"]
            if pobj:
                end = pobj[0].right_edge.i + 1
                modifiers = modifiers or [pobj[0]]
        if not modifiers:
            continue
        span = doc[start:end]
        if any(t.pos_ == "PRON" or t.like_num and t.i == start for t in span) or len(span) > 8:
            continue
        yield span, etype


def byline_mentions(adoc: AnalysedDocument) -> Iterator[SegmentMention]:
    document = adoc.document
    if document.byline is None:
        return
    text = document.text
    for name, etype in ((document.author, "Person"), (document.outlet, "Publication")):
        if not name:
            continue
        at = text.find(name, document.byline.start, document.byline.end)
        if at < 0:
            continue
        yield SegmentMention(Mention(document.doc_id, at, at + len(name), name, etype, ARTICLE, "byline"), None)


def document_mentions(adoc: AnalysedDocument) -> list[SegmentMention]:
    found: dict[tuple[int, int], SegmentMention] = {}
    for sm in byline_mentions(adoc):
        found[(sm.mention.start, sm.mention.end)] = sm
    for aseg in adoc.segments:
        for sm in segment_mentions(aseg, adoc.document.doc_id):
            key = (sm.mention.start, sm.mention.end)
            if key not in found:
                found[key] = sm
    return [found[k] for k in sorted(found)]

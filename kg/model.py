"""The frozen data passed between pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.money import Money

ARTICLE = "article"
COMMENT = "comment"
# the entity types that are organisations of some kind, for every stage that asks
ORGANISATION_TYPES = frozenset({"Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph of content (site chrome removed), by character offsets into the document text."""

    start: int
    end: int
    section: str
    comment_index: int | None = None
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Comment:
    index: int
    author: str | None
    timestamp: str | None
    start: int
    end: int
    # where the header gives the reader's own description ('GP partner, West Yorkshire'), its offsets in the text
    about_start: int | None = None
    about_end: int | None = None


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    text: str
    segments: tuple[Segment, ...]
    comments: tuple[Comment, ...] = ()
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    byline: Segment | None = None
    chrome: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    section: str
    start: int
    end: int
    text: str
    comment_index: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming (or describing) an entity, before resolution."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    section: str
    source: str  # 'ner', 'lexicon', 'byline', 'comment-author', ...


@dataclass(frozen=True, slots=True)
class Merge:
    alias: str
    doc_id: str
    rule: str


@dataclass(frozen=True, slots=True)
class Entity:
    key: str
    label: str
    type: str
    aliases: tuple[str, ...]
    documents: tuple[str, ...]
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    subject: str  # entity key
    predicate: str  # a key of kg.vocab.PREDICATES
    object: str  # entity key, or the literal text when object_is_literal
    sentence: Sentence
    rule: str
    confidence: float
    object_is_literal: bool = False
    qualifier: str | None = None
    cue: str | None = None
    start: int | None = None  # evidence span inside the document, when narrower than the sentence
    end: int | None = None
    amount: Money | None = None  # the sum of money the fact is about ('won £2bn of NHS contracts')
    about: tuple[str, ...] = ()  # entity keys a quotation names (for 'said' facts)
    time: str | None = None  # when the fact held, as its sentence says: a year ('2021') or year-month ('2017-11')
    until: str | None = None  # when it stopped holding, where the sentence gives a span: '2020' of 'from 2015 to 2020'


@dataclass(frozen=True)
class KnowledgeGraph:
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    warnings: tuple[str, ...] = field(default=())

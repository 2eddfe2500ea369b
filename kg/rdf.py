"""Stage: the knowledge graph as RDF, with per-fact provenance queryable in SPARQL."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespaces
from rdflib.plugins.stores.memory import SimpleMemory

from kg import iri, vocab
from kg.lexicon import load_lexicon
from kg.model import ARTICLE, Document, Entity, Fact, KnowledgeGraph
from kg.store import memory_graph
from kg.vocab import ENTITY_TYPES, PREDICATES, PREFIXES


class _Terms:
    """A namespace whose terms are made once: rdflib makes (and checks) a new URIRef at every `NS.term`, which was
    a third of the time spent writing a graph of a thousand pages."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD = (_Terms(getattr(rdflib_namespaces, name)) for name in
                                            ("DCTERMS", "ORG", "PROV", "RDF", "RDFS", "SKOS", "XSD"))
KG, NIF, SCHEMA = _Terms(vocab.KG), _Terms(vocab.NIF), _Terms(vocab.SCHEMA)

EXTRACTOR_VERSION = "kg-0.1"

# the SKOS concept scheme every policy and programme entity is in (not an entity: no schema:name)
POLICY_SCHEME = iri.scheme_iri("policies")
POLICY_SCHEME_LABEL = "Policies and programmes of UK general practice"
_CONCEPT_TYPES = frozenset(t for t, (_, classes) in ENTITY_TYPES.items() if SKOS.Concept in classes)


def to_rdf(kg: KnowledgeGraph, graph: Graph | None = None) -> Graph:
    """The knowledge graph as RDF, added to `graph` (an empty one of any store, see kg.store) or a new one."""
    graph = memory_graph() if graph is None else graph
    triples = _Batches(graph)
    by_name = _entities_by_name(kg.entities)
    for entity in kg.entities:
        _add_entity(triples, entity)
    _add_concept_scheme(triples, kg.entities)
    for document in kg.documents:
        _add_document(triples, document, by_name)
    described: set[URIRef] = set()  # sentences and extractors many facts share are written once
    for fact in kg.facts:
        _add_fact(triples, fact, described)
    triples.flush()
    return graph


class _Batches:
    """Stands in for the graph while it is written: triples go to the store in batches (`addN`), which lets
    Oxigraph load many at once; rdflib's memory store takes each at once, past the graph's checks of every node
    (kg minted them all)."""

    size = 50_000

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.pending: list[tuple] = []
        if type(graph.store) is SimpleMemory:
            store_add = graph.store.add
            self.add = lambda triple: store_add(triple, graph)  # type: ignore[method-assign]

    def add(self, triple: tuple) -> None:
        self.pending.append((*triple, self.graph))
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.graph.addN(self.pending)
        self.pending = []


def _entities_by_name(entities: tuple[Entity, ...]) -> dict[tuple[str, str], Entity]:
    index: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        for name in (entity.label, *entity.aliases):
            index.setdefault((entity.type, name.casefold()), entity)
    return index


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = iri.entity_iri(entity.key)
    for rdf_class in ENTITY_TYPES[entity.type][1]:
        graph.add((node, RDF.type, rdf_class))
    graph.add((node, SCHEMA.name, Literal(entity.label)))
    graph.add((node, RDFS.label, Literal(entity.label)))
    if entity.type in ("Policy", "Programme"):
        graph.add((node, SKOS.prefLabel, Literal(entity.label)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SCHEMA.alternateName, Literal(alias)))
    for doc_id in entity.documents:
        graph.add((iri.document_iri(doc_id), SCHEMA.mentions, node))
    for merge in entity.merges:
        # the audit trail of resolution: which surface form, in which document, joined this entity by which rule
        record = iri.merge_iri(entity.key, merge.alias, merge.doc_id, merge.rule)
        graph.add((record, RDF.type, KG.Merge))
        graph.add((record, KG.mergedInto, node))
        graph.add((record, KG.surfaceForm, Literal(merge.alias)))
        graph.add((record, KG.rule, Literal(merge.rule)))
        graph.add((record, PROV.wasDerivedFrom, iri.document_iri(merge.doc_id)))


def _add_concept_scheme(graph: Graph, entities: tuple[Entity, ...]) -> None:
    """skos:inScheme for every policy concept, and skos:broader/narrower where the lexicon says one term is part
    of another and the graph holds both: a wider term no text mentions is never added."""
    concepts = sorted((e for e in entities if e.type in _CONCEPT_TYPES), key=lambda e: e.key)
    if not concepts:
        return
    policies = {term.name: term for term in load_lexicon().policies}
    canonical = {name: term for name, term in load_lexicon().canonical().items() if term.name in policies}
    by_term: dict[str, list[URIRef]] = {}
    for entity in concepts:
        term = canonical.get(entity.label.casefold())
        if term is not None:
            by_term.setdefault(term.name, []).append(iri.entity_iri(entity.key))

    graph.add((POLICY_SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((POLICY_SCHEME, SKOS.prefLabel, Literal(POLICY_SCHEME_LABEL)))
    graph.add((POLICY_SCHEME, RDFS.label, Literal(POLICY_SCHEME_LABEL)))
    has_broader: set[URIRef] = set()
    for name, nodes in by_term.items():
        wider = policies[name].broader
        for node in nodes:
            for broader in by_term.get(wider or "", ()):
                if broader != node:
                    graph.add((node, SKOS.broader, broader))
                    graph.add((broader, SKOS.narrower, node))
                    has_broader.add(node)
    for entity in concepts:
        node = iri.entity_iri(entity.key)
        graph.add((node, SKOS.inScheme, POLICY_SCHEME))
        if node not in has_broader:
            graph.add((node, SKOS.topConceptOf, POLICY_SCHEME))
            graph.add((POLICY_SCHEME, SKOS.hasTopConcept, node))


def _add_document(graph: Graph, document: Document, by_name: dict[tuple[str, str], Entity]) -> None:
    node = iri.document_iri(document.doc_id)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, RDF.type, NIF.Context))
    graph.add((node, KG.fileName, Literal(document.path)))
    if document.title:
        graph.add((node, DCTERMS.title, Literal(document.title)))
    if document.date:
        graph.add((node, DCTERMS.date, Literal(document.date)))
    if document.author:
        author = by_name.get(("Person", document.author.casefold()))
        graph.add((node, SCHEMA.author, iri.entity_iri(author.key) if author else Literal(document.author)))
    if document.outlet:
        outlet = by_name.get(("Publication", document.outlet.casefold()))
        graph.add((node, SCHEMA.publisher, iri.entity_iri(outlet.key) if outlet else Literal(document.outlet)))
    for comment in document.comments:
        c_node = iri.comment_iri(document.doc_id, comment.index)
        graph.add((c_node, RDF.type, SCHEMA.Comment))
        graph.add((c_node, SCHEMA.parentItem, node))
        graph.add((node, SCHEMA.comment, c_node))
        graph.add((c_node, NIF.beginIndex, _offset(comment.start)))
        graph.add((c_node, NIF.endIndex, _offset(comment.end)))
        if comment.author:
            author_key = iri.entity_key("Commenter", comment.author)
            graph.add((c_node, SCHEMA.author, iri.entity_iri(author_key)))
        if comment.timestamp:
            graph.add((c_node, SCHEMA.dateCreated, Literal(comment.timestamp)))


def _sentence_node(graph: Graph, fact: Fact, described: set[URIRef]) -> URIRef:
    sentence = fact.sentence
    node = iri.sentence_iri(sentence.doc_id, sentence.start, sentence.end)
    if node in described:
        return node
    described.add(node)
    doc_node = iri.document_iri(sentence.doc_id)
    graph.add((node, RDF.type, NIF.Sentence))
    graph.add((node, NIF.referenceContext, doc_node))
    graph.add((node, NIF.beginIndex, _offset(sentence.start)))
    graph.add((node, NIF.endIndex, _offset(sentence.end)))
    graph.add((node, NIF.anchorOf, Literal(sentence.text)))
    graph.add((node, KG.section, Literal(sentence.section)))
    container = doc_node
    if sentence.section != ARTICLE and sentence.comment_index is not None:
        container = iri.comment_iri(sentence.doc_id, sentence.comment_index)
    graph.add((node, SCHEMA.isPartOf, container))
    return node


def _add_fact(graph: Graph, fact: Fact, described: set[URIRef]) -> None:
    sentence = fact.sentence
    node = fact_node(fact)
    predicate = PREDICATES[fact.predicate][0]
    subject = iri.entity_iri(fact.subject)
    sentence_node = _sentence_node(graph, fact, described)
    extractor = iri.extractor_iri(fact.rule.split(".")[0])

    if fact.predicate == "said":
        start = fact.start if fact.start is not None else sentence.start
        end = fact.end if fact.end is not None else sentence.end
        obj: URIRef | Literal = iri.quote_iri(sentence.doc_id, start, end)
        graph.add((obj, RDF.type, SCHEMA.Quotation))
        graph.add((obj, SCHEMA.text, Literal(fact.object)))
        graph.add((obj, SCHEMA.creator, subject))
        graph.add((obj, SCHEMA.isPartOf, iri.document_iri(sentence.doc_id)))
        graph.add((obj, PROV.wasDerivedFrom, sentence_node))
        graph.add((obj, NIF.beginIndex, _offset(start)))
        graph.add((obj, NIF.endIndex, _offset(end)))
        if fact.cue:
            graph.add((obj, KG.cueVerb, Literal(fact.cue)))
        for key in fact.about:
            graph.add((obj, SCHEMA.about, iri.entity_iri(key)))
    elif fact.object_is_literal:
        obj = Literal(fact.object)
        for key in fact.about:  # a proposal in its own words names what it is about ('...report to LMCs')
            graph.add((node, SCHEMA.about, iri.entity_iri(key)))
    else:
        obj = iri.entity_iri(fact.object)

    graph.add((subject, predicate, obj))
    graph.add((node, RDF.type, KG.Fact))
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, sentence_node))
    graph.add((node, PROV.wasAttributedTo, extractor))
    graph.add((node, KG.section, Literal(sentence.section)))
    graph.add((node, KG.rule, Literal(fact.rule)))
    graph.add((node, KG.confidence, Literal(f"{fact.confidence:.2f}", datatype=XSD.decimal)))
    if fact.qualifier:
        graph.add((node, KG.qualifier, Literal(fact.qualifier)))
    if fact.cue:
        graph.add((node, KG.cueVerb, Literal(fact.cue)))
    if fact.time:
        graph.add((node, DCTERMS.date, _year_or_month(fact.time)))
    if fact.until:
        graph.add((node, SCHEMA.endDate, _year_or_month(fact.until)))
    if fact.amount is not None:
        money = iri.amount_iri(node)
        graph.add((node, KG.amount, money))
        graph.add((money, RDF.type, SCHEMA.MonetaryAmount))
        graph.add((money, SCHEMA.currency, Literal(fact.amount.currency)))
        graph.add((money, SCHEMA.value, Literal(fact.amount.value, datatype=XSD.decimal)))
        graph.add((money, RDFS.label, Literal(fact.amount.text)))
    if fact.predicate == "holdsRole":
        graph.add((node, RDF.type, ORG.Membership))
        graph.add((node, ORG.member, subject))
        graph.add((node, ORG.organization, obj))
        if fact.qualifier:
            role = iri.role_iri(fact.qualifier)
            graph.add((node, ORG.role, role))
            graph.add((role, RDF.type, ORG.Role))
            graph.add((role, SKOS.prefLabel, Literal(fact.qualifier)))
    if extractor not in described:
        described.add(extractor)
        graph.add((extractor, RDF.type, PROV.SoftwareAgent))
        graph.add((extractor, RDF.type, KG.Extractor))
        graph.add((extractor, RDFS.label, Literal(fact.rule.split(".")[0])))


@functools.lru_cache(maxsize=1 << 16)
def _offset(index: int) -> Literal:
    return Literal(index, datatype=XSD.nonNegativeInteger)


def _year_or_month(when: str) -> Literal:
    return Literal(when, datatype=XSD.gYear if len(when) == 4 else XSD.gYearMonth)


def fact_node(fact: Fact) -> URIRef:
    s = fact.sentence
    return iri.fact_iri(fact.subject, fact.predicate, fact.object, fact.qualifier, s.doc_id, s.start, s.end,
                        fact.start, fact.end, fact.rule)


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """Serialise deterministically: Turtle by `turtle_chunks`; other formats by rdflib, which sorts subjects and
    predicates when there are no blank nodes."""
    if fmt == "turtle":
        return "".join(turtle_chunks(graph))
    return graph.serialize(format=fmt)


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# rdflib writes these with INF and NaN spelt its own way: left to it
_FLOATING = frozenset(str(t) for t in (XSD.float, XSD.double, XSD.decimal))


def turtle_chunks(graph: Graph, *, subjects_per_chunk: int = 2000) -> Iterator[str]:
    """The graph as Turtle, sorted (subjects, then predicates and objects, by their N-Triples form) so the same
    graph gives the same bytes from any store, and in chunks of a few thousand subjects so a graph of millions
    of triples is written as it is made, never held as one string. Ten times faster than rdflib's serializer,
    which spends its time on pretty-printing kg's graphs do not need (lists, nested blank nodes)."""
    # every namespace ends in '/' or '#' and a local name holds neither, so an IRI's one possible namespace is
    # everything up to its last '/' or '#'
    assert all(str(ns)[-1] in "/#" for ns in PREFIXES.values())
    prefix_of = {str(ns): p for p, ns in PREFIXES.items()}
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"

    # an IRI's forms are made once: the same entities, documents and predicates recur on every page
    @functools.lru_cache(maxsize=1 << 17)
    def iri_n3(iri: str) -> str:
        return URIRef.n3(iri)  # rdflib's form, which refuses an IRI Turtle cannot hold

    @functools.lru_cache(maxsize=1 << 17)
    def iri_name(iri: str) -> str:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = prefix_of.get(iri[:cut])
        if prefix is not None and _LOCAL_NAME.fullmatch(iri, cut):
            return f"{prefix}:{iri[cut:]}"
        return iri_n3(iri)

    def n3(term) -> str:
        """rdflib's N-Triples form of the term, the sort key."""
        if type(term) is URIRef:
            return iri_n3(term)
        if type(term) is Literal and (term.datatype is None or term.datatype not in _FLOATING):
            if term.language:
                return f"{_quoted(term)}@{term.language}"
            return f"{_quoted(term)}^^{iri_n3(term.datatype)}" if term.datatype is not None else _quoted(term)
        return term.n3()

    def name(term) -> str:
        if isinstance(term, URIRef):
            return iri_name(term)
        if isinstance(term, Literal):
            if term.datatype is None or term.datatype == XSD.string:  # a plain string, however the store keeps it
                return f"{_quoted(term)}@{term.language}" if term.language else _quoted(term)
            lexical = str(term)
            if term.datatype == XSD.decimal and not re.search(r"[.eE]", lexical):
                lexical += ".0"  # the canonical form of an xsd:decimal has a decimal point
            return f"{_quoted(lexical)}^^{iri_name(term.datatype)}"
        return term.n3()

    predicate_names: dict = {}
    lines: list[str] = []
    for n, subject in enumerate(sorted(set(graph.subjects()), key=n3), 1):
        by_predicate: dict[str, list[str]] = {}
        for predicate, obj in sorted(graph.predicate_objects(subject), key=lambda po: (n3(po[0]), n3(po[1]))):
            if predicate not in predicate_names:
                predicate_names[predicate] = "a" if predicate == RDF.type else name(predicate)
            by_predicate.setdefault(predicate_names[predicate], []).append(name(obj))
        lines.append(name(subject) + "\n" + " ;\n".join(f"    {p} {', '.join(objects)}"
                                                       for p, objects in by_predicate.items()) + " .\n\n")
        if n % subjects_per_chunk == 0:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def _quoted(text: str) -> str:
    """A string as a Turtle literal, quoted and escaped as rdflib quotes it (a newline makes it long)."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + '\\"'
        return '"""' + encoded.replace("\r", "\\r") + '"""'
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r") + '"'

"""Every namespace and term kg uses, declared once.

Standard vocabularies come first (schema.org, W3C ORG, PROV-O, SKOS, Dublin Core, NIF);
`KG` holds only the terms none of them has, and is published in `kg/ontology.ttl`.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, URIRef

SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
KGR = Namespace("https://w3id.org/kg-gp/id/")


class KG(DefinedNamespace):
    """kg's own terms (see kg/ontology.ttl)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-gp/ontology#")

    # classes
    Fact: URIRef
    Commenter: URIRef
    Practice: URIRef
    ThinkTank: URIRef
    Policy: URIRef
    Programme: URIRef
    Extractor: URIRef
    Merge: URIRef
    # fact provenance
    rule: URIRef
    confidence: URIRef
    section: URIRef
    qualifier: URIRef
    cueVerb: URIRef
    fileName: URIRef
    mergedInto: URIRef
    surfaceForm: URIRef
    # relations between entities
    holdsRole: URIRef
    said: URIRef
    recommends: URIRef
    supports: URIRef
    welcomes: URIRef
    criticises: URIRef
    opposes: URIRef
    warnsAbout: URIRef
    advisesCautionOn: URIRef
    locatedIn: URIRef
    operates: URIRef
    published: URIRef
    mentions: URIRef
    visited: URIRef
    funds: URIRef
    rates: URIRef
    plans: URIRef
    citesExample: URIRef
    employs: URIRef
    founded: URIRef
    chaired: URIRef
    tookOver: URIRef
    owns: URIRef
    commissioned: URIRef
    partnerOf: URIRef
    wonContract: URIRef
    offers: URIRef
    pays: URIRef
    borrowsFrom: URIRef
    requestsFundingFrom: URIRef
    amount: URIRef
    causedChangeTo: URIRef
    quotedIn: URIRef
    wroteFor: URIRef
    fines: URIRef
    urges: URIRef
    wroteTo: URIRef
    represents: URIRef
    subcontractsTo: URIRef
    worksWith: URIRef
    authored: URIRef
    wroteForeword: URIRef
    partOf: URIRef


# fine entity type -> (IRI kind segment, rdf classes)
ENTITY_TYPES: dict[str, tuple[str, tuple[URIRef, ...]]] = {
    "Person": ("person", (SCHEMA.Person,)),
    "Organization": ("org", (SCHEMA.Organization,)),
    "GovernmentBody": ("org", (SCHEMA.Organization, SCHEMA.GovernmentOrganization)),
    "Practice": ("org", (SCHEMA.Organization, KG.Practice)),
    "ThinkTank": ("org", (SCHEMA.Organization, KG.ThinkTank)),
    "Company": ("org", (SCHEMA.Organization, SCHEMA.Corporation)),
    "Publication": ("org", (SCHEMA.Organization, SCHEMA.NewsMediaOrganization)),
    "Place": ("place", (SCHEMA.Place,)),
    "Policy": ("policy", (KG.Policy, SKOS.Concept)),
    "Programme": ("policy", (KG.Programme, SKOS.Concept)),
    "Report": ("report", (SCHEMA.Report,)),
    "Legislation": ("policy", (SCHEMA.Legislation,)),
    "Commenter": ("commenter", (KG.Commenter, PROV.Agent)),
}

# predicate name used in facts -> (RDF property, label written to facts.csv)
PREDICATES: dict[str, tuple[URIRef, str]] = {
    "holdsRole": (KG.holdsRole, "holds role"),
    "said": (KG.said, "said"),
    "recommends": (KG.recommends, "recommends"),
    "supports": (KG.supports, "supports"),
    "welcomes": (KG.welcomes, "welcomes"),
    "criticises": (KG.criticises, "criticises"),
    "opposes": (KG.opposes, "opposes"),
    "warnsAbout": (KG.warnsAbout, "warns about"),
    "advisesCautionOn": (KG.advisesCautionOn, "advises caution on"),
    "locatedIn": (KG.locatedIn, "located in"),
    "operates": (KG.operates, "operates"),
    "published": (KG.published, "published"),
    "visited": (KG.visited, "visited"),
    "funds": (KG.funds, "funds"),
    "rates": (KG.rates, "rates"),
    "plans": (KG.plans, "plans"),
    "citesExample": (KG.citesExample, "cites as example"),
    "employs": (KG.employs, "employs"),
    "founded": (KG.founded, "founded"),
    "chaired": (KG.chaired, "chaired"),
    "tookOver": (KG.tookOver, "took over"),
    "owns": (KG.owns, "owns"),
    "commissioned": (KG.commissioned, "commissioned"),
    "partnerOf": (KG.partnerOf, "partner of"),
    "wonContract": (KG.wonContract, "won contract from"),
    "offers": (KG.offers, "offers"),
    "pays": (KG.pays, "pays"),
    "borrowsFrom": (KG.borrowsFrom, "borrows from"),
    "requestsFundingFrom": (KG.requestsFundingFrom, "requests funding from"),
    "causedChangeTo": (KG.causedChangeTo, "caused change to"),
    "quotedIn": (KG.quotedIn, "quoted in"),
    "wroteFor": (KG.wroteFor, "wrote for"),
    "fines": (KG.fines, "fines"),
    "urges": (KG.urges, "urges"),
    "wroteTo": (KG.wroteTo, "wrote to"),
    "represents": (KG.represents, "represents"),
    "subcontractsTo": (KG.subcontractsTo, "subcontracts to"),
    "worksWith": (KG.worksWith, "works with"),
    "authored": (KG.authored, "authored"),
    "wroteForeword": (KG.wroteForeword, "wrote foreword to"),
    "partOf": (KG.partOf, "part of"),
}

PREFIXES: dict[str, Namespace | str] = {
    "kg": str(KG._NS),
    "kgr": KGR,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "nif": NIF,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

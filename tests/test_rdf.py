"""kg.rdf's SKOS: the policy concept scheme, and skos:broader/narrower where the lexicon knows it (kg.lexicon)."""
from __future__ import annotations

from importlib import resources

import pyoxigraph as ox
import pytest
import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg import iri
from kg.errors import KGError
from kg.export import export_graph
from kg.lexicon import Term, lexicon_from_data, load_lexicon
from kg.model import Entity, KnowledgeGraph
from kg.rdf import POLICY_SCHEME, POLICY_SCHEME_LABEL, serialize, to_rdf
from kg.validate import validate_graph
from kg.vocab import KGR
from tests.fixtures.mini import mini_graph

# every broader pair in kg/data/lexicon.yaml: a change to the lexicon's hierarchy shows up here
LEXICON_BROADER = {
    "GMS contract": "GP contract",
    "PMS contract": "GP contract",
    "APMS contract": "GP contract",
    "Quality and Outcomes Framework": "GP contract",
    "five-year framework": "GP contract",
    "PCN DES": "primary care networks",
    "Additional Roles Reimbursement Scheme": "primary care networks",
    "Investment and Impact Fund": "primary care networks",
    "Carr-Hill formula": "GMS contract",
    "global sum": "GMS contract",
}


def _entity(label: str, etype: str = "Policy") -> Entity:
    return Entity(iri.entity_key(etype, label), label, etype, (label,), ("doc-a",))


def _node(label: str, etype: str = "Policy") -> URIRef:
    return iri.entity_iri(iri.entity_key(etype, label))


def _graph(*entities: Entity):
    return to_rdf(KnowledgeGraph(documents=(), entities=entities, facts=()))


@pytest.fixture(scope="module")
def policies():
    """GP contract with three of its narrower terms (one named by an alias), ARRS without primary care networks,
    a policy the lexicon does not know, a law and an organisation."""
    return _graph(
        _entity("GP contract"),
        _entity("GMS contract"),
        _entity("Personal Medical Services contract"),  # the lexicon's alias of PMS contract
        _entity("Quality and Outcomes Framework", "Programme"),
        _entity("Additional Roles Reimbursement Scheme", "Programme"),
        _entity("funding package"),
        _entity("Health and Care Act", "Legislation"),
        _entity("NHS England", "GovernmentBody"),
    )


# ---------------------------------------------------------------------------------------------
# broader and narrower


@pytest.mark.parametrize(("narrower", "etype"), [
    ("GMS contract", "Policy"),
    ("Personal Medical Services contract", "Policy"),
    ("Quality and Outcomes Framework", "Programme"),
])
def test_broader_and_narrower_when_both_are_in_the_graph(policies, narrower, etype):
    node, gp_contract = _node(narrower, etype), _node("GP contract")
    assert (node, SKOS.broader, gp_contract) in policies
    assert (gp_contract, SKOS.narrower, node) in policies


def test_only_those_pairs(policies):
    broader = sorted((str(s), str(o)) for s, o in policies.subject_objects(SKOS.broader))
    narrower = sorted((str(o), str(s)) for s, o in policies.subject_objects(SKOS.narrower))
    assert broader == narrower
    assert len(broader) == 3


def test_a_wider_term_no_text_mentions_is_not_added(policies):
    arrs = _node("Additional Roles Reimbursement Scheme", "Programme")
    assert policies.value(arrs, SKOS.broader) is None
    pcn = _node("primary care networks", "Programme")
    assert not set(policies.triples((pcn, None, None))) and not set(policies.triples((None, None, pcn)))
    assert not any("primary-care-networks" in str(term) for triple in policies for term in triple)


def test_arrs_gets_its_broader_once_primary_care_networks_is_mentioned():
    graph = _graph(_entity("Additional Roles Reimbursement Scheme", "Programme"),
                   _entity("primary care networks", "Programme"),
                   _entity("Network Contract DES"))  # alias of PCN DES
    pcn = _node("primary care networks", "Programme")
    assert set(graph.subjects(SKOS.broader, pcn)) == {_node("Additional Roles Reimbursement Scheme", "Programme"),
                                                      _node("Network Contract DES")}
    assert set(graph.objects(pcn, SKOS.narrower)) == set(graph.subjects(SKOS.broader, pcn))


def test_no_broader_without_the_lexicon():
    graph = _graph(_entity("GMS contract"), _entity("GP contracts review", "Report"), _entity("contract"))
    assert not set(graph.triples((None, SKOS.broader, None)))


# ---------------------------------------------------------------------------------------------
# the concept scheme


def test_concept_scheme(policies):
    assert (POLICY_SCHEME, RDF.type, SKOS.ConceptScheme) in policies
    assert policies.value(POLICY_SCHEME, SKOS.prefLabel) == Literal(POLICY_SCHEME_LABEL)
    assert str(POLICY_SCHEME) == "https://w3id.org/kg-gp/id/scheme/policies"


def test_every_concept_is_in_the_scheme_and_nothing_else(policies):
    concepts = set(policies.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == 6
    assert set(policies.subjects(SKOS.inScheme, POLICY_SCHEME)) == concepts
    assert _node("Health and Care Act", "Legislation") not in concepts
    assert _node("NHS England", "GovernmentBody") not in concepts


def test_top_concepts_are_those_without_a_broader_one(policies):
    tops = set(policies.objects(POLICY_SCHEME, SKOS.hasTopConcept))
    assert tops == set(policies.subjects(SKOS.topConceptOf, POLICY_SCHEME))
    assert tops == {_node("GP contract"), _node("Additional Roles Reimbursement Scheme", "Programme"),
                    _node("funding package")}


def test_the_scheme_is_not_an_entity(policies):
    # entities are what has a schema:name; the view, tables and questions select them by it
    assert policies.value(POLICY_SCHEME, URIRef("https://schema.org/name")) is None


def test_no_scheme_without_concepts():
    graph = _graph(_entity("NHS England", "GovernmentBody"))
    assert not set(graph.triples((POLICY_SCHEME, None, None)))
    assert not set(graph.triples((None, SKOS.inScheme, None)))


def test_the_mini_graph(policies):
    graph = to_rdf(mini_graph())
    assert set(graph.subjects(SKOS.inScheme, POLICY_SCHEME)) == {KGR["policy/gms-contract"],
                                                                 KGR["policy/partnership-model"]}
    assert not set(graph.triples((None, SKOS.broader, None)))  # GP contract is not mentioned


def test_graph_with_skos_still_conforms(policies):
    report = validate_graph(policies)
    assert report.conforms, report


def test_skos_is_read_by_pyoxigraph(policies):
    store = ox.Store()
    store.load(export_graph(policies, "ttl").encode("utf-8"), format=ox.RdfFormat.TURTLE)
    rows = store.query("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                       "SELECT ?n WHERE { ?c skos:broader+ ?b . ?b skos:prefLabel \"GP contract\" . "
                       "?c skos:prefLabel ?n } ORDER BY ?n")
    assert [row["n"].value for row in rows] == ["GMS contract", "Personal Medical Services contract",
                                                "Quality and Outcomes Framework"]


# ---------------------------------------------------------------------------------------------
# the lexicon's broader field


def test_lexicon_broader_pairs():
    assert {t.name: t.broader for t in load_lexicon().policies if t.broader} == LEXICON_BROADER


def test_every_broader_names_a_policy_and_organisations_have_none():
    lexicon = load_lexicon()
    names = {t.name for t in lexicon.policies}
    assert all(t.broader in names and t.broader != t.name for t in lexicon.policies if t.broader)
    assert all(t.broader is None for t in lexicon.organisations)


def test_term_broader_defaults_to_none():
    assert Term("x", "Policy", ()).broader is None


def _raw() -> dict:
    return yaml.safe_load(resources.files("kg").joinpath("data/lexicon.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("edit", "message"), [
    (lambda raw: raw["policies"].append({"name": "X scheme", "type": "Policy", "broader": "no such policy"}),
     "policy 'X scheme' has broader 'no such policy', which is not a name in the policies list"),
    (lambda raw: raw["policies"].append({"name": "X scheme", "type": "Policy", "broader": "X scheme"}),
     "broader policies form a cycle: X scheme -> X scheme"),
    (lambda raw: [p.update(broader="GMS contract") for p in raw["policies"] if p["name"] == "GP contract"],
     "broader policies form a cycle: GMS contract -> GP contract -> GMS contract"),
    (lambda raw: raw["organisations"][0].update(broader="NHS"), "only policies may have one"),
])
def test_bad_broader_is_refused(edit, message):
    raw = _raw()
    edit(raw)
    with pytest.raises(KGError, match=message):
        lexicon_from_data(raw)


@pytest.mark.parametrize("time,datatype", [("2021", "gYear"), ("2017-11", "gYearMonth")])
def test_a_dated_fact_carries_its_time_and_conforms(time, datatype):
    from dataclasses import replace

    from rdflib.namespace import DCTERMS, XSD

    from kg.rdf import fact_node

    kg = mini_graph()
    fact = next(f for f in kg.facts if not f.object_is_literal)
    dated = replace(kg, facts=tuple(replace(f, time=time) if f is fact else f for f in kg.facts))
    graph = to_rdf(dated)
    assert list(graph.objects(fact_node(fact), DCTERMS.date)) == [Literal(time, datatype=getattr(XSD, datatype))]
    assert validate_graph(graph).conforms


def test_a_span_of_years_gives_the_fact_an_end_date_and_conforms():
    from dataclasses import replace

    from rdflib.namespace import DCTERMS, XSD

    from kg.rdf import fact_node
    from kg.vocab import SCHEMA

    kg = mini_graph()
    fact = next(f for f in kg.facts if not f.object_is_literal)
    spanned = replace(kg, facts=tuple(replace(f, time="2015", until="2020-06") if f is fact else f
                                      for f in kg.facts))
    graph = to_rdf(spanned)
    node = fact_node(fact)
    assert list(graph.objects(node, DCTERMS.date)) == [Literal("2015", datatype=XSD.gYear)]
    assert list(graph.objects(node, SCHEMA.endDate)) == [Literal("2020-06", datatype=XSD.gYearMonth)]
    assert validate_graph(graph).conforms
    graph.add((node, SCHEMA.endDate, Literal("2021", datatype=XSD.gYear)))
    assert not validate_graph(graph).conforms


@pytest.mark.parametrize(("literal", "written"), [
    (Literal("plain"), '"plain"'),
    (Literal('a "quoted" word'), r'"a \"quoted\" word"'),
    (Literal("back\\slash, and \\n that is no newline"), r'"back\\slash, and \\n that is no newline"'),
    (Literal("two\nlines"), '"""two\nlines"""'),
    (Literal('ends in a quote after a newline\n"'), '"""ends in a quote after a newline\n\\""""'),
    (Literal('holds """ three quotes\nand a newline'), r'"""holds \"\"\" three quotes' + '\nand a newline"""'),
    (Literal("carriage\rreturn"), r'"carriage\rreturn"'),
    (Literal("Gesundheit", lang="de"), '"Gesundheit"@de'),
    (Literal(0, datatype=XSD.nonNegativeInteger), '"0"^^xsd:nonNegativeInteger'),
    (Literal("0.80", datatype=XSD.decimal), '"0.80"^^xsd:decimal'),
    (Literal("3", datatype=XSD.decimal), '"3.0"^^xsd:decimal'),
    (Literal("2021", datatype=XSD.gYear), '"2021"^^xsd:gYear'),
])
def test_turtle_writes_each_literal_escaped_and_it_reads_back(literal, written):
    from rdflib import Graph

    subject, predicate = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    graph = Graph()
    graph.add((subject, predicate, literal))
    turtle = serialize(graph)
    assert turtle.endswith(f"<{subject}>\n    <{predicate}> {written} .\n\n")
    read_back = Graph().parse(data=turtle, format="turtle")
    assert [str(o) for o in read_back.objects(subject, predicate)] == [str(literal) if str(literal) != "3" else "3.0"]
    parsed = list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert [t.object.value for t in parsed] == [str(literal) if str(literal) != "3" else "3.0"]


def test_turtle_refuses_an_iri_turtle_cannot_hold():
    from rdflib import Graph

    graph = Graph()
    graph.add((URIRef("https://example.org/a b"), RDF.type, SKOS.Concept))
    with pytest.raises(Exception, match="does not look like a valid URI"):
        serialize(graph)

"""Every stored question in queries/ against the query fixture (tests/fixtures/mini.py: query_graph, the mini graph
plus a dated document with money, a former post and dated comments): golden rows, pyoxigraph agreement, parameters.

Regenerate the golden files (then read the diff!) with:  KG_UPDATE_GOLDEN=1 pytest tests/test_queries.py
"""
from __future__ import annotations

import os
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, Variable
from rdflib.plugins.sparql.parserutils import CompValue

from kg.query import list_queries, prepare_query, query_header, run_query, walk_algebra
from kg.rdf import to_rdf
from kg.vocab import PREFIXES, SCHEMA
from tests.fixtures.mini import query_graph

ROOT = Path(__file__).resolve().parents[1]
QUERIES_DIR = ROOT / "queries"
GOLDEN_DIR = Path(__file__).parent / "golden" / "queries"
QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))
UPDATE_GOLDEN = os.environ.get("KG_UPDATE_GOLDEN") == "1"

# (query, parameter) -> (value to bind, number of rows expected on the query fixture)
BINDINGS: dict[tuple[str, str], tuple[str, int]] = {
    ("roles", "person_name"): ("Dr Priya Natarajan", 3),  # an alias finds the person
    ("roles", "org_name"): ("RCGP", 2),  # chair in doc-a, and (former) chair in doc-c
    ("who-said-what", "speaker_name"): ("Priya Natarajan", 2),
    ("quotes-by-person", "person_name"): ("Dr Priya Natarajan", 1),
    ("report-recommendations", "target_name"): ("the report", 1),
    ("responses-to-report", "target_name"): ("Northgate Institute report", 2),
    ("linked-to-organisation", "target_name"): ("MedaCloud", 9),
    ("stance-toward-policy", "target_name"): ("partnership model", 2),
    ("fact-provenance", "subject_name"): ("Tom Ellery", 4),
    ("entities-by-type", "type_name"): ("ThinkTank", 1),
    ("money-flows", "party_name"): ("NHS England", 3),  # payer of two payments, awarder of one contract
    ("merges", "entity_name"): ("RCGP", 2),  # an alias finds the entity; two names were joined to it
    ("said-about-policy", "policy_name"): ("GMS contract", 1),  # named in the sentence, not the quotation
    ("contested", "target_name"): ("partnership model", 2),
    ("posts-over-time", "person_name"): ("Professor Tom Ellery", 2),  # chair, then former chair
    ("people-at-organisation", "org_name"): ("RCGP", 1),  # one person, one post, stated in two documents
    ("timeline", "since"): ("2024-02", 4),  # a month: doc-c and its three comments
    ("timeline", "until"): ("2023", 3),  # a year, inclusive: the founding in 2015, doc-a and its comment
}


@pytest.fixture(scope="module")
def graph():
    return to_rdf(query_graph())


@pytest.fixture(scope="module")
def store(graph):
    oxi = ox.Store()
    oxi.load(graph.serialize(format="turtle").encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return oxi


@pytest.fixture(scope="module")
def stored():
    return {q.name: q for q in list_queries(QUERIES_DIR)}


def _ids(paths):
    return [p.stem for p in paths]


# ---------------------------------------------------------------------------------------------
# the files themselves


def test_there_are_at_least_fifteen_questions():
    assert len(QUERY_FILES) >= 15, [p.name for p in QUERY_FILES]


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_header_names_the_question_and_parameters(path):
    text = path.read_text(encoding="utf-8")
    header = query_header(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem), "file names are short kebab names"
    assert header.get("Question", "").endswith("?"), f"{path.name}: '# Question: ...?' header missing"
    assert "Parameters" in header, f"{path.name}: '# Parameters: ...' header missing (say 'none' if none)"
    variables = {str(v) for v in _all_variables(prepare_query(text).algebra)}
    declared = re.findall(r"\?([A-Za-z_]\w*)", header["Parameters"])
    if not declared:
        assert header["Parameters"].lower().startswith("none")
    for name in declared:
        assert name in variables, f"{path.name}: parameter ?{name} is not used in the query"


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_prefixes_match_vocab(path):
    declared = re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert declared, f"{path.name} declares no PREFIX"
    for prefix, iri in declared:
        assert prefix in PREFIXES, f"{path.name}: prefix {prefix}: is not in kg.vocab.PREFIXES"
        assert iri == str(PREFIXES[prefix]), f"{path.name}: prefix {prefix}: is <{iri}>, not <{PREFIXES[prefix]}>"


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_sorted_for_deterministic_output(path):
    algebra = prepare_query(path.read_text(encoding="utf-8")).algebra
    assert any(node.name == "OrderBy" for node in walk_algebra(algebra)), f"{path.name} has no ORDER BY"


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_no_names_hard_coded(path, graph):
    names = {str(o) for p in (SCHEMA.name, SCHEMA.alternateName) for o in graph.objects(None, p)}
    literals = {str(t) for t in _all_terms(prepare_query(path.read_text(encoding="utf-8")).algebra)
                if isinstance(t, Literal)}
    assert not literals & names, f"{path.name} hard-codes entity names {sorted(literals & names)}"


# ---------------------------------------------------------------------------------------------
# answers on the query fixture


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_rows_match_golden(path, graph):
    result = run_query(graph, path.read_text(encoding="utf-8"))
    assert result.rows, f"{path.name} returns nothing, but the query fixture has an answer to it"
    golden = GOLDEN_DIR / f"{path.stem}.tsv"
    text = _to_tsv(result.variables, result.rows)
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; write it with KG_UPDATE_GOLDEN=1 and check it by hand"
    expected = golden.read_text(encoding="utf-8")
    assert len(expected.splitlines()) > 1, f"golden {golden.name} has no rows"
    assert text == expected


def test_every_golden_file_has_a_query():
    orphans = sorted(p.name for p in GOLDEN_DIR.glob("*.tsv") if not (QUERIES_DIR / f"{p.stem}.rq").is_file())
    assert not orphans


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_pyoxigraph_gives_the_same_rows(path, graph, store):
    sparql = path.read_text(encoding="utf-8")
    ours = run_query(graph, sparql)
    theirs = store.query(sparql)
    names = tuple(v.value for v in theirs.variables)
    rows = [tuple(_ox_value(solution[v]) for v in names) for solution in theirs]
    assert names == ours.variables
    assert sorted(map(_normalise, rows), key=repr) == sorted(map(_normalise, ours.rows), key=repr)
    assert rows, f"{path.name} returns nothing on pyoxigraph"


# ---------------------------------------------------------------------------------------------
# parameters


def test_every_parameter_has_a_binding_case(stored):
    declared = {(q.name, p) for q in stored.values() for p in q.parameters}
    assert declared == set(BINDINGS)


@pytest.mark.parametrize(("name", "parameter"), sorted(BINDINGS), ids=[f"{q}:{p}" for q, p in sorted(BINDINGS)])
def test_binding_filters_rows(name, parameter, graph, stored, store):
    value, expected_count = BINDINGS[(name, parameter)]
    sparql = stored[name].sparql
    everything = run_query(graph, sparql).rows
    bound = run_query(graph, sparql, bindings={parameter: value}).rows
    assert len(bound) == expected_count
    assert 0 < len(bound) <= len(everything)
    assert set(bound) <= set(everything)
    # pyoxigraph agrees when the value is pre-bound by a VALUES block opening the WHERE group (its own
    # `substitutions` follow SEP-0007, which only substitutes projected variables)
    prebound = re.sub(r"\bWHERE\s*\{", lambda m: f"{m.group(0)}\n  VALUES ?{parameter} {{ {ox.Literal(value)} }}",
                      sparql, count=1)
    theirs = store.query(prebound)
    names = [v.value for v in theirs.variables]
    rows = [tuple(_ox_value(s[v]) for v in names) for s in theirs]
    assert sorted(map(_normalise, rows), key=repr) == sorted(map(_normalise, bound), key=repr)


@pytest.mark.parametrize(("name", "parameter"), sorted(BINDINGS), ids=[f"{q}:{p}" for q, p in sorted(BINDINGS)])
def test_binding_an_unknown_name_gives_no_rows(name, parameter, graph, stored):
    assert run_query(graph, stored[name].sparql, bindings={parameter: "Nobody At All"}).rows == ()


def test_person_binding_selects_that_person(graph, stored):
    rows = run_query(graph, stored["roles"].sparql, bindings={"person_name": "Professor Tom Ellery"}).rows
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("Tom Ellery", "chair", "Royal College of General Practitioners", "doc-a.txt"),
        ("Tom Ellery", "chair", "Royal College of General Practitioners", "doc-c.txt"),
    ]


def test_posts_over_time_reads_the_time_word_from_the_role_or_the_sentence(graph, stored):
    rows = run_query(graph, stored["posts-over-time"].sparql).rows
    timed = {(r[0], r[1], r[4], r[5]) for r in rows if r[4] is not None}
    assert timed == {("Tom Ellery", "2024-02-09", "former", "chair"),  # 'Former RCGP chair Tom Ellery'
                     ("Priya Natarajan", "2024-02-09", "new", "chief executive")}  # role 'new chief executive'


def test_posts_over_time_gives_the_span_a_sentence_gives(stored):
    from dataclasses import replace

    kg = query_graph()
    spanned = tuple(replace(f, time="2016", until="2020-06") if f.rule == "roles.title-before-name" and
                    f.sentence.doc_id == "doc-c" else f for f in kg.facts)
    rows = run_query(to_rdf(replace(kg, facts=spanned)), stored["posts-over-time"].sparql).rows
    assert {(r[0], r[2], r[3], r[5]) for r in rows if r[3] is not None} == {("Tom Ellery", "2016", "2020-06", "chair")}


def test_timeline_places_dated_facts_by_their_own_time(graph, stored):
    rows = run_query(graph, stored["timeline"].sparql).rows
    assert rows[0][:3] == ("2015", None, "fact") and rows[0][5] == "Priya Natarajan founded MedaCloud"


def test_timeline_orders_comments_by_when_they_were_posted(graph, stored):
    rows = run_query(graph, stored["timeline"].sparql).rows
    assert [(r[0], r[1]) for r in rows if r[2] == "comment"] == [
        ("2023-05-01", "09:00"), ("2024-02-09", "23:40"), ("2024-02-10", "08:15"), ("2024-02-12", "12:05")]


def test_money_flows_run_from_payer_to_recipient(graph, stored):
    rows = run_query(graph, stored["money-flows"].sparql).rows
    # 'MedaCloud won a £12m contract from NHS England': the money goes from NHS England to MedaCloud
    assert ("NHS England", "MedaCloud", "contract", "£12m", "GBP") in {r[:5] for r in rows}


def test_binding_is_a_literal_not_sparql(graph, stored):
    sparql = stored["roles"].sparql
    before = len(graph)
    rows = run_query(graph, sparql, bindings={"person_name": '" } ; DROP ALL ; SELECT * { "'}).rows
    assert rows == ()
    assert len(graph) == before


# ---------------------------------------------------------------------------------------------
# helpers


def _to_tsv(variables, rows) -> str:
    lines = ["\t".join(variables)]
    lines += ["\t".join("" if v is None else _escape(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _ox_value(term) -> str | None:
    return None if term is None else term.value


def _normalise(row):
    """Literal forms differ between engines (0.80 vs 0.8): compare numbers by value."""
    out = []
    for value in row:
        if value is not None and re.fullmatch(r"-?\d+(\.\d+)?", value):
            try:
                value = format(Decimal(value).normalize(), "f")
            except InvalidOperation:
                pass
        out.append(value)
    return tuple(out)


def _all_terms(node):
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (Literal, Variable)):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def _all_variables(node):
    return {t for t in _all_terms(node) if isinstance(t, Variable)}

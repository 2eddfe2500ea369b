"""A whole article written for the tests (not a seed): the facts a reader would expect, and no noise."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_documents
from kg.pipeline import extract

pytestmark = pytest.mark.model

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "gp_contract_2025.txt"


@pytest.fixture(scope="module")
def kg():
    return extract(read_documents([ARTICLE]).documents)


@pytest.fixture(scope="module")
def facts(kg):
    labels = {e.key: e.label for e in kg.entities}
    return {(labels[f.subject], f.predicate, f.object if f.object_is_literal else labels[f.object],
             f.qualifier or "") for f in kg.facts}


EXPECTED = [
    ("Katie Bramall-Stainer", "holdsRole", "BMA GP Committee", "chair"),
    ("Wes Streeting", "holdsRole", "the Government", "health secretary"),
    ("Kamila Hawthorne", "holdsRole", "Royal College of General Practitioners", "chair"),
    ("Rebecca Fisher", "holdsRole", "Health Foundation", "senior policy fellow"),
    ("Amanda Doyle", "holdsRole", "NHS England", "national director of primary care"),
    ("Sam Blake", "holdsRole", "Pulse", "reporter"),
    ("Amanda Doyle", "quotedIn", "Pulse", ""),
    ("BMA GP Committee", "opposes", "GP contract", ""),
    ("Wes Streeting", "supports", "GP contract", ""),
    ("Royal College of General Practitioners", "warnsAbout", "Additional Roles Reimbursement Scheme", ""),
    ("Care Quality Commission", "fines", "Operose Health", "£120,000"),
    ("Nuffield Trust", "published", "Nuffield Trust report", ""),
]


@pytest.mark.parametrize("fact", EXPECTED, ids=[f"{s} {p} {o}" for s, p, o, _ in EXPECTED])
def test_expected_fact(facts, fact):
    assert fact in facts


def test_speakers_are_credited(facts):
    speakers = {s for s, p, _, _ in facts if p == "said"}
    assert {"Katie Bramall-Stainer", "Kamila Hawthorne", "Rebecca Fisher", "Amanda Doyle"} <= speakers


def test_entities_are_typed_and_not_duplicated(kg):
    types = {e.label: e.type for e in kg.entities}
    assert types["Nuffield Trust"] == "ThinkTank" and types["Health Foundation"] == "ThinkTank"
    assert "GP Committee" not in types  # 'the BMA's GP Committee' is the BMA GP Committee
    assert not [label for label in types if "settlement" in label]  # a quoted verdict is not a policy


def test_comment_claims_stay_in_comments(kg):
    commenters = {e.key for e in kg.entities if e.type == "Commenter"}
    assert all(f.sentence.section == "comment" for f in kg.facts if f.subject in commenters)

"""IRIs are minted in one place: deterministic, readable where they can be, never raw text."""
from __future__ import annotations

import re

import pytest

from kg import iri

SAFE = re.compile(r"^[a-z0-9-]+$")

SLUGS = [
    ("Sajid Javid", "sajid-javid"),
    ("NHS England", "nhs-england"),
    ("Dr Jefferies & Partners", "dr-jefferies-and-partners"),
    ("King’s Fund", "kings-fund"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("Zoë Wanamaker", "zoe-wanamaker"),
    ("  GP   at  Hand ", "gp-at-hand"),
]


@pytest.mark.parametrize("text, expected", SLUGS, ids=[t for t, _ in SLUGS])
def test_slug(text, expected):
    assert iri.slug(text) == expected


@pytest.mark.parametrize("text", ["", "—", "北京", "<>", "\u200b", "💉"])
def test_text_with_no_ascii_letters_gets_a_stable_hash(text):
    assert iri.slug(text) == iri.slug(text) and SAFE.match(iri.slug(text)) and iri.slug(text).startswith("h")


def test_distinct_unslugable_texts_get_distinct_slugs():
    assert iri.slug("北京") != iri.slug("上海")


def test_long_names_are_cut_with_a_hash_that_keeps_them_apart():
    a, b = "a" * 100 + " one", "a" * 100 + " two"
    assert len(iri.slug(a)) <= 70 and iri.slug(a) != iri.slug(b)


def test_entity_keys_depend_on_the_kind_and_the_name_only():
    assert iri.entity_key("Person", "Sajid Javid") == "person/sajid-javid"
    assert iri.entity_key("ThinkTank", "Policy Exchange") == iri.entity_key("Company", "Policy Exchange")
    assert iri.entity_key("Report", "Policy Exchange") != iri.entity_key("ThinkTank", "Policy Exchange")


def test_fact_iris_are_deterministic_and_sensitive_to_every_part():
    parts = ("person/a", "holdsRole", "org/b", "chair", "doc", 1, 9, None, None, "roles.copula")
    assert iri.fact_iri(*parts) == iri.fact_iri(*parts)
    assert iri.fact_iri(*parts) != iri.fact_iri(*parts[:-1], "roles.apposition")


def test_sentence_iris_use_rfc5147_offsets():
    assert str(iri.sentence_iri("001_x", 10, 20)).endswith("/doc/001-x#char=10,20")

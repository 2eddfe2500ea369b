"""Sums of money as structured values."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.money import Money, parse_money

CASES = [
    ("won £2bn of NHS contracts", Money("GBP", Decimal("2000000000"), "£2bn")),
    ("an extra £10.6 million to run the service", Money("GBP", Decimal("10600000"), "£10.6 million")),
    ("a £6bn ‘rescue package’", Money("GBP", Decimal("6000000000"), "£6bn")),
    ("on £80,000 a year", Money("GBP", Decimal("80000"), "£80,000")),
    ("a $5m investment", Money("USD", Decimal("5000000"), "$5m")),
    ("€1.5 billion", Money("EUR", Decimal("1500000000"), "€1.5 billion")),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t for t, _ in CASES])
def test_parse_money(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["hundreds of thousands of pounds", "millions from NHS England", "5 million patients"])
def test_no_figure_no_money(text):
    assert parse_money(text) is None

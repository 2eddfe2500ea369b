"""Sums of money as structured values: '£2bn' -> Money('GBP', 2000000000, '£2bn')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

CURRENCIES = {"£": "GBP", "$": "USD", "€": "EUR"}
SCALES = {"k": 10 ** 3, "thousand": 10 ** 3, "m": 10 ** 6, "mn": 10 ** 6, "million": 10 ** 6, "bn": 10 ** 9,
          "b": 10 ** 9, "billion": 10 ** 9, "tn": 10 ** 12, "trillion": 10 ** 12}
_MONEY = re.compile(r"(?P<symbol>[£$€])\s?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
                    r"(?P<scale>bn|billion|million|mn|m|k|thousand|tn|trillion|b)?\b", re.I)


@dataclass(frozen=True)
class Money:
    currency: str  # ISO 4217
    value: Decimal
    text: str  # as written


def parse_money(text: str) -> Money | None:
    """The first sum of money in `text`, or None when it states no figure ('millions of pounds')."""
    match = _MONEY.search(text)
    if match is None:
        return None
    number = Decimal(match.group("number").replace(",", ""))
    scale = SCALES.get((match.group("scale") or "").casefold(), 1)
    return Money(CURRENCIES[match.group("symbol")], number * scale, match.group(0).strip())

"""Pluggable extractors: each turns one document's context into facts with provenance.

Adding an extractor: write a module with a function `DocumentContext -> Iterable[Fact]`,
decorate it with `@register("name")`, and import the module at the bottom of this file.
"""
from __future__ import annotations

from typing import Callable, Iterable

from kg.errors import KGError
from kg.extractors.context import DocumentContext
from kg.model import Fact

Extractor = Callable[[DocumentContext], Iterable[Fact]]
REGISTRY: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    def add(func: Extractor) -> Extractor:
        REGISTRY[name] = func
        return func

    return add


def run_extractors(context: DocumentContext, names: Iterable[str] | None = None) -> list[Fact]:
    chosen = sorted(REGISTRY) if names is None else list(names)
    unknown = [n for n in chosen if n not in REGISTRY]
    if unknown:
        raise KGError(f"unknown extractor {unknown[0]!r}; choose from {', '.join(sorted(REGISTRY))}")
    facts: list[Fact] = []
    for name in chosen:
        facts.extend(REGISTRY[name](context))
    return dated(context, collective(context, facts))


from kg.extractors import actions, opinion, organisations, quotes, recommendations, roles, stance  # noqa: E402,F401
from kg.extractors.collective import collective  # noqa: E402
from kg.extractors.time import dated  # noqa: E402

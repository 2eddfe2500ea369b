"""The domain lexicon (kg/data/lexicon.yaml), loaded once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Term:
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    organisations: tuple[Term, ...]
    policies: tuple[Term, ...]
    organisation_heads: dict[str, tuple[str, ...]]
    policy_heads: dict[str, tuple[str, ...]]
    roles: tuple[str, ...]
    implied_post_organisations: dict[str, str]
    cue_verbs: frozenset[str]
    stance_verbs: dict[str, frozenset[str]]
    recommend_verbs: frozenset[str]

    def terms(self) -> tuple[Term, ...]:
        return self.organisations + self.policies

    def canonical(self) -> dict[str, Term]:
        """Every name and alias, casefolded, to its term."""
        index: dict[str, Term] = {}
        for term in self.terms():
            for name in (term.name, *term.aliases):
                index.setdefault(name.casefold(), term)
        return index


def _terms(rows: list[dict]) -> tuple[Term, ...]:
    return tuple(Term(r["name"], r["type"], tuple(str(a) for a in r.get("aliases") or ())) for r in rows)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("kg").joinpath("data/lexicon.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        organisations=_terms(raw["organisations"]),
        policies=_terms(raw["policies"]),
        organisation_heads={k: tuple(v) for k, v in raw["organisation_heads"].items()},
        policy_heads={k: tuple(v) for k, v in raw["policy_heads"].items()},
        roles=tuple(sorted(raw["roles"], key=len, reverse=True)),
        implied_post_organisations=dict(raw["implied_post_organisations"]),
        cue_verbs=frozenset(raw["cue_verbs"]),
        stance_verbs={k: frozenset(v) for k, v in raw["stance_verbs"].items()},
        recommend_verbs=frozenset(raw["recommend_verbs"]),
    )

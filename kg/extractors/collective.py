"""A first person plural in a quotation (or an interview's answer) speaks for the speaker's body as well as the
speaker.

'"We welcome the Health Foundation's analysis," said Dr X, NHS England's deputy medical director': the
stance read for Dr X is NHS England's too, where the page gives Dr X a current post in one body and no
other. A body the stance is on is not given a stance on itself. What only a body does ('"We took out a loan,"
said its chief executive') is the body's alone.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extractors.context import DocumentContext
from kg.model import ORGANISATION_TYPES, Fact

# what a body does or holds through its people's 'we'
SPOKEN_FOR = {"supports", "welcomes", "criticises", "opposes", "worksWith"}
# what only a body does ('We took out a £350,000 loan', 'we pay the practices'): the speaker's 'we' is the body's alone
BODY_ACTS = {"worksWith", "borrowsFrom", "pays", "funds", "requestsFundingFrom", "subcontractsTo", "employs",
             "wonContract", "tookOver"}
# of those, what no person does: read for a speaker's 'we' only to be given to the speaker's body
_NO_PERSONS_ACTS = {"subcontractsTo", "wonContract", "tookOver"}
# posts that speak for a body: its leaders and officers ('a GP partner' says 'we' of the practice team, 'a member'
# of those in the room)
_SPEAKING_POSTS = {"chair", "chairman", "chairwoman", "president", "executive", "director", "secretary", "head",
                   "leader", "spokesperson", "spokesman", "spokeswoman", "officer", "lead", "chief"}


def collective(ctx: DocumentContext, facts: list[Fact]) -> list[Fact]:
    """The facts, and for each one a speaker holds by saying 'we', the same fact held by the speaker's body."""
    bodies = _bodies(ctx, facts)
    if not bodies:
        return [f for f in facts if not _persons_act(ctx, f)]
    views = {view.sentence.start: view for view in ctx.sentences()}
    seen = {(f.subject, f.predicate, f.object, f.sentence.start) for f in facts}
    extra, lifted = [], set()
    for fact in facts:
        body = bodies.get(fact.subject)
        view = views.get(fact.sentence.start)
        if body is None or view is None or fact.predicate not in SPOKEN_FOR | BODY_ACTS or fact.object == body or \
                not fact.cue or (body, fact.predicate, fact.object, fact.sentence.start) in seen:
            continue
        verb = fact.cue.split()[0]
        # (a body's act may be told in other words than its cue: 'We took out a loan' borrows)
        if any(t.lower_ == "we" and t.dep_ in ("nsubj", "nsubjpass") and
               (t.head.lemma_.casefold() == verb or fact.predicate in BODY_ACTS) and
               (ctx.quote_speaker_at(view.offset(t)) or ctx.first_person(view.sentence)) == fact.subject
               for t in view.tokens):
            seen.add((body, fact.predicate, fact.object, fact.sentence.start))
            extra.append(replace(fact, subject=body, rule=f"{fact.rule}-for-body", confidence=fact.confidence - 0.1))
            if fact.predicate in BODY_ACTS:
                lifted.add(id(fact))
    return [f for f in facts if id(f) not in lifted and not _persons_act(ctx, f)] + extra


def _persons_act(ctx: DocumentContext, fact: Fact) -> bool:
    """A contract, subcontract or takeover read for a person's 'we' and given to no body."""
    return fact.predicate in _NO_PERSONS_ACTS and ctx.types.get(fact.subject) == "Person"


def _bodies(ctx: DocumentContext, facts: list[Fact]) -> dict[str, str]:
    """Person -> the one body the page gives them a current post of its leaders or officers in (none where two)."""
    posts: dict[str, set[str]] = {}
    for fact in facts:
        words = set((fact.qualifier or "").lower().split())
        if fact.predicate == "holdsRole" and not fact.object_is_literal and "former" not in words and \
                not words.isdisjoint(_SPEAKING_POSTS) and ctx.types.get(fact.object) in ORGANISATION_TYPES:
            posts.setdefault(fact.subject, set()).add(fact.object)
    return {person: next(iter(held)) for person, held in posts.items() if len(held) == 1}

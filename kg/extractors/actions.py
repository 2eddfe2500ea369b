"""Actions between entities named by a verb: X visited Y, X is funded by Y, X ranked Y, X plans Y..."""
from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Token

from kg.extractors import register
from kg.extractors.context import DocumentContext, SentenceView, verb_lemma
from kg.model import Fact
from kg.money import Money, parse_money

AGENTS = {"Person", "Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication", "Report",
          "Commenter"}
ORGS = {"Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication"}
POLICIES = {"Policy", "Programme", "Report", "Legislation"}
ANY = ORGS | POLICIES | {"Person", "Place"}

# verb lemma -> (predicate, allowed subject types, allowed object types); one line per rule
VERB_RULES: dict[str, tuple[str, set[str], set[str]]] = {
    "visit": ("visited", AGENTS, ORGS | {"Place"} | POLICIES),
    "fund": ("funds", ORGS | {"Person"}, ORGS | POLICIES),
    "finance": ("funds", ORGS | {"Person"}, ORGS | POLICIES),
    "rank": ("rates", ORGS | {"Report"}, ORGS),
    "rate": ("rates", ORGS | {"Report"}, ORGS),
    "plan": ("plans", {"Person"} | ORGS, POLICIES),
    "intend": ("plans", {"Person"} | ORGS, POLICIES),
    "refer": ("citesExample", {"Person"} | ORGS, {"Place"} | ORGS),
    "cite": ("citesExample", {"Person"} | ORGS, {"Place"} | ORGS),
    "publish": ("published", ORGS | {"Person"}, POLICIES),
    "launch": ("published", ORGS | {"Person"}, POLICIES),
    "run": ("operates", ORGS, POLICIES | {"Practice"}),
    "operate": ("operates", ORGS, POLICIES | {"Practice"}),
    "employ": ("employs", ORGS, {"Person"}),
    "hire": ("employs", ORGS, {"Person"} | ORGS),
    "found": ("founded", {"Person"} | ORGS, ORGS | POLICIES),
    "chair": ("chaired", {"Person"}, ORGS | POLICIES),
    "commission": ("commissioned", ORGS | {"Person"}, POLICIES),
    "write": ("wroteFor", {"Person", "Commenter"}, {"Publication"}),
    "do": ("wroteFor", {"Person", "Commenter"}, {"Publication"}),
    "pen": ("wroteFor", {"Person", "Commenter"}, {"Publication"}),
    "win": ("wonContract", ORGS, ORGS),
    "fine": ("fines", ORGS, ORGS | {"Person"}),
    "award": ("wonContract", ORGS, ORGS),
    "offer": ("offers", ORGS, POLICIES),
    "pay": ("pays", ORGS | {"Person"}, ORGS | {"Person"}),
    "borrow": ("borrowsFrom", ORGS, ORGS),
    "request": ("requestsFundingFrom", ORGS, ORGS),
    "provide": ("offers", ORGS, POLICIES),
    "partner": ("partnerOf", ORGS, ORGS),
    "collaborate": ("partnerOf", ORGS, ORGS),
    "work": ("partnerOf", ORGS, ORGS),
}
# verbs that name the relation only with this preposition: 'working closely with the CCG' is a partnership,
# 'working in London' or 'works for the trust' is not
ONLY_WITH_PREPOSITION = {"partner": "with", "collaborate": "with", "work": "with"}
PHRASAL = {"take": ("over", ("tookOver", ORGS, ORGS))}
# verbs of causing, whose object 'changes to X' says what changed ('has precipitated changes to the GP contract')
CAUSE_VERBS = {"cause", "precipitate", "prompt", "trigger", "force", "spark", "drive", "bring", "lead", "mean"}
ASK_VERBS = {"ask", "seek", "bid", "apply", "lobby", "petition"}
CHANGE_NOUNS = {"change", "changes", "reform", "reforms", "overhaul", "shake-up", "rethink"}


@register("actions")
def extract_actions(ctx: DocumentContext) -> Iterator[Fact]:
    for view in ctx.sentences():
        yield from _adjacent(ctx, view)
        for verb in view.span:
            if verb.pos_ != "VERB":
                continue
            lemma = verb_lemma(verb, VERB_RULES.keys() | PHRASAL.keys())
            rule = VERB_RULES.get(lemma)
            phrasal = PHRASAL.get(lemma)
            if phrasal and any(c.dep_ == "prt" and c.lower_ == phrasal[0] for c in verb.children):
                rule = phrasal[1]
            if rule is None and verb_lemma(verb, CAUSE_VERBS):
                rule = _caused_change(verb)
                lemma = verb_lemma(verb, CAUSE_VERBS)
            if rule is None and verb_lemma(verb, ASK_VERBS) and money_in(verb) is not None:
                rule = ("requestsFundingFrom", ORGS | {"Person"}, ORGS)  # 'asked the DHSC for a further £1.5m'
                lemma = "ask"
            if rule is None or any(c.dep_ == "neg" for c in verb.children):
                continue
            yield from _apply(ctx, view, verb, rule, lemma)


def _apply(ctx: DocumentContext, view: SentenceView, verb: Token, rule, lemma: str) -> Iterator[Fact]:
    predicate, subject_types, object_types = rule
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subject_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject_tok is None and verb.dep_ in ("relcl", "acl", "xcomp"):
        subject_tok = verb.head
        # 'X was the first to offer Y': the subject of the copula
        if subject_tok.dep_ in ("attr", "acomp"):
            subject_tok = next((c for c in subject_tok.head.children if c.dep_ == "nsubj"), subject_tok)
    if subject_tok is not None and subject_tok.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject_tok = verb.head
    agent_tok = None
    if passive:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        agent_tok = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        subject_tok, object_toks = agent_tok, [subject_tok] if subject_tok is not None else []
    else:
        object_toks = [c for c in verb.children if c.dep_ in ("dobj", "prep", "attr") and c.i > verb.i
                       and c.lower_ not in ("according", "in", "on", "during", "after", "before", "since")]
    preposition = ONLY_WITH_PREPOSITION.get(lemma)
    if preposition is not None:
        object_toks = [t for t in object_toks if t.dep_ == "prep" and t.lower_ == preposition]
    if predicate == "wroteFor":
        # written for a publication: only 'for X' says so ('did a head to head for the BMJ')
        object_toks = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "for"
                       and (t.head.i == verb.i or t.head.head.i == verb.i and t.head.dep_ in ("dobj", "advcl"))]
        to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
        if to and verb_lemma(verb, {"write"}):
            # 'has written to NHS England': a letter, not a piece for a publication
            predicate, subject_types, object_types = "wroteTo", ORGS | {"Person"}, ORGS | {"Person"}
            object_toks = to
            agents = _agents(ctx, view, subject_tok, subject_types, passive) if subject_tok is not None else []
            for target in _objects(ctx, view, to[0], object_types):
                for agent in agents:
                    if agent != target:
                        yield Fact(agent, predicate, target, view.sentence, "actions.write-to", 0.7, cue="write")
            return
    if subject_tok is None:
        return
    agents = _agents(ctx, view, subject_tok, subject_types, passive)
    for tok in object_toks:
        targets = _objects(ctx, view, tok, object_types)
        if not targets:
            continue
        amount = money_in(verb)
        for target in targets:
            for agent in agents:
                if agent != target:
                    yield Fact(agent, predicate, target, view.sentence, f"actions.{lemma}", 0.7,
                               cue=lemma, qualifier=amount.text if amount else None,
                               amount=amount)
        return


def _caused_change(verb: Token):
    """A rule for 'X precipitated changes to Y' when the verb's object is a change to something."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in CHANGE_NOUNS):
        if any(p.dep_ == "prep" and p.lower_ in ("to", "in", "of") for p in obj.children):
            return ("causedChangeTo", ORGS | POLICIES, POLICIES | ORGS)
    return None


def _objects(ctx: DocumentContext, view: SentenceView, token: Token, types: set[str]) -> list[str]:
    """The first entity of the allowed types in the object phrase, and those coordinated with it
    ('in Wolverhampton and Gosport')."""
    refs = ctx.refs_under(view, token, types)
    if not refs:
        return []
    first = ctx.token_for(view, refs[0])
    keys = [refs[0].key]
    for ref in refs[1:]:
        other = ctx.token_for(view, ref)
        while other is not None and other.dep_ == "conj" and other.head.i != other.i:
            other = other.head
            if first is not None and other.i == first.i:
                keys.append(ref.key)
                break
    return list(dict.fromkeys(keys))


def _agents(ctx: DocumentContext, view: SentenceView, token: Token, types: set[str], passive: bool) -> list[str]:
    """Who did it: one entity, or in a passive 'by A and B' every person named."""
    if passive:
        people = list(dict.fromkeys(r.key for r in ctx.refs_under(view, token, {"Person"} & types)))
        if people:
            return people
    agents = [_entity(ctx, view, token, types)]
    # 'Myself and Simon Hodes did...': every coordinated subject
    agents += [_entity(ctx, view, c, types) for c in token.children if c.dep_ == "conj"]
    return list(dict.fromkeys(a for a in agents if a))


def _entity(ctx: DocumentContext, view: SentenceView, token: Token, types: set[str], subtree: bool = False) -> str | None:
    if not subtree:
        key = ctx.speaker_for(view, token)
        if key and ctx.types.get(key, "Commenter") in types:
            return key
    if subtree or token.dep_ in ("nsubj", "nsubjpass", "pobj"):
        refs = ctx.refs_under(view, token, types)
        if not subtree:
            # 'Babylon’s GP at Hand model has...': the name nearest the head noun is the subject, not its owner
            head_at = view.offset(token) + len(token.text)
            before = [r for r in refs if r.mention.end <= head_at]
            refs = before[-1:] or refs
        if refs:
            return refs[0].key
    return None


def money_in(verb: Token) -> Money | None:
    """The sum of money in what follows the verb ('won £2bn of NHS contracts'), or None.

    The parser may hang the currency sign on the verb and the figure on its object, so the verb's whole
    right-hand side is read.
    """
    return parse_money(verb.doc[verb.i + 1:verb.right_edge.i + 1].text)


_ONE_WORD_BETWEEN = re.compile(r"^[’”'\"]?\s+([A-Za-z]+)\s+$")


def _adjacent(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Website ‘WhoFundsYou?’ rate Policy Exchange': where the parser finds no verb, two names with one known
    action verb between them are read as subject, verb, object."""
    text = ctx.adoc.document.text
    refs = ctx.refs_in(view.sentence.start, view.sentence.end)
    for first, second in zip(refs, refs[1:]):
        match = _ONE_WORD_BETWEEN.match(text[first.mention.end:second.mention.start])
        if match is None:
            continue
        words = [t for t in view.span if t.text == match.group(1) and view.offset(t) > first.mention.start]
        if not words or words[0].pos_ == "VERB":
            continue  # a word the parser already reads as a verb is handled by the dependency rules
        lemma = verb_lemma(words[0], VERB_RULES.keys())
        if lemma is None:
            continue
        predicate, subject_types, object_types = VERB_RULES[lemma]
        if first.type in subject_types and second.type in object_types and first.key != second.key:
            yield Fact(first.key, predicate, second.key, view.sentence, f"actions.adjacent-{lemma}", 0.5, cue=lemma)


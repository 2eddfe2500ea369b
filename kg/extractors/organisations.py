"""Organisations and what they run or where they are: 'Babylon's GP at Hand', 'X-powered Y', 'practice in Fulham'."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterator

from kg.extractors import register
from kg.extractors.context import (DocumentContext, Ref, active_subject, antecedent, passive_agent, post_holder,
                                   prep_objects, unasserted, verb_lemma)
from kg.extractors.opinion import words_holder
from kg.extractors.roles import kind_of_word, last_of_kind, post_re
from kg.mentions import SUB_BODY_HEADS, policy_head_types
from kg.model import COMMENT, Fact, Sentence
from kg.resolve import MAKER_REPORT, body_stem, commenter_key, lead_paragraph, report_maker

OPERATOR_TYPES = {"Company", "Organization", "GovernmentBody", "Practice"}
REPORT_AUTHOR_TYPES = OPERATOR_TYPES | {"ThinkTank", "Publication"}
SERVICE_TYPES = {"Programme"}
AUTHORED_TYPES = {"Policy", "Report"}
# 'the trust's salaried GP model' is a model the trust runs; 'NHS England's plan' is one it published
HELD_HEADS = {"contract", "contracts", "licence", "lease"}
RUN_HEADS = {"model", "models", "service", "services", "scheme", "programme", "pilot", "system"}
_SPENT = {"budget", "budgets", "allocation", "allocations"}
_OWN_PAPERS = {"plan", "strategy", "framework", "guidance", "report", "review", "survey", "analysis"}
LOCATED_TYPES = {"Practice", "Company", "Organization", "ThinkTank", "GovernmentBody"}


# ('in north Manchester', 'in neighbouring Ashby Marsh', 'in nearby Holbeach': where in, or which place near)
_DIRECTION = r"(?:(?:north|south|east|west|central)(?:\s*-?\s*(?:east|west))?\s+|(?:neighbouring|nearby)\s+)?"
# 'Riverside Surgery in Leeds', 'X, which is based in Birmingham,' (a street is a place of its own: mentions)
_LOCATED = re.compile(r",?\s+(?:in|of|(?:(?:which|that)\s+(?:is|are|was|were)\s+)?"
                      r"(?:based|headquartered|located)\s+in)\s+" + _DIRECTION, re.I)
_WHERE = re.compile(r"\s*,\s*where\s+(?:the\s+)?")
_BASED_BEFORE = re.compile(r",\s+(?:an?|the)\s+(?:[a-z]+\s+)?")
# 'Marshland Medical Group, a neighbouring practice in Holbeach,': a description of its kind, in a place
_KIND_IN = re.compile(r",\s+(?:an?|the)\s+(?:(?-i:[a-z][a-z-]*)\s+){0,3}(?:practice|surgery|federation|company|firm|"
                      r"provider|trust|charity|group|partnership|network|hospital|hospice|centre|organisation|"
                      r"social\s+enterprise|GP\s+practice)\s+(?:in|based\s+(?:in|on))\s+" + _DIRECTION, re.I)
_BASED_AFTER = re.compile(r"-based\b")
_IN_THE = re.compile(r",?\s+in\s+the\s+")
_AREA_OF = re.compile(r"\s+(?:area|district|suburb|part|outskirts|edge|centre)\s+of\s+(?:the\s+)?")
# 'the London-based private equity firm Tamarind Capital': the kind of body, then its name; 'London-based Clinixa
# Health': the name at once
# the kinds of firm a place is said of ('the London investment firm X') as '-based' says it of any body
_FIRM_KINDS = r"firm|company|insurer|investor|consultancy|charity|think\s+tank|social\s+enterprise|fund"
_BASED_KIND = re.compile(r"-based\s+(?:(?:(?-i:[a-z][a-z-]*)\s+){0,3}(?:practice|surgery|federation|provider|trust|"
                         r"group|partnership|network|organisation|" + _FIRM_KINDS + r")\s+)?")
_PLACE_KIND = re.compile(r"\s+(?:(?-i:[a-z][a-z-]*)\s+){0,2}(?:" + _FIRM_KINDS + r")\s+")
_WIDER = re.compile(r",\s+" + _DIRECTION, re.I)
_STREET_TOWN = re.compile(r"(?:,|\s+in)\s+" + _DIRECTION, re.I)
# 'the Norfolk market town of Kingsmere', 'the Devon village of Wexcombe': the second place is in the first
_SETTLEMENT_OF = re.compile(r"['’]?s?\s+(?:[a-z-]+\s+){0,2}(?:town|village|city|hamlet|suburb|borough|district)\s+of\s+")


OWNER_TYPES = {"Company", "Organization"}
# 'Operose Health's US parent company, Centene', 'its owner Centene', 'its parent firm, the X Group'
_PARENT = re.compile(r"(?:['’]s?|\b(?:its|their))\s+(?:[A-Z]{2}\s+|[a-z-]+\s+)?(?:parent|owner)(?:\s+(?:company|firm|"
                     r"group|organisation))?,?\s+(?:the\s+)?$")


# 'Kestrel's agents, Harcourt Lyle Surveyors,', 'its lawyers, Bell & Moss': a firm acting for a body works with it
_ACTING_FOR = re.compile(r"(?:['’]s?|\b(?i:its|their))\s+(?:[a-z-]+\s+)?(?:agents?|advis[eo]rs?|lawyers|solicitors|"
                         r"accountants|auditors|consultants|surveyors),?\s+(?:the\s+)?$")
_FIRM_TYPES = {"Company", "Organization"}
_CLIENT_TYPES = {"Company", "Organization", "GovernmentBody", "Practice", "ThinkTank"}


PART_TYPES = {"Organization", "GovernmentBody", "Practice", "Company", "ThinkTank", "Policy", "Programme"}
_PART_WORDS = {"part", "member", "subsidiary"}


def _parts(ctx: DocumentContext, view) -> Iterator[Fact]:
    """'Elm Surgery, part of the Hull West PCN,', 'Elm Surgery is a member of the Hull West PCN', 'The funding, part
    of the Delivery Plan,': the one named is part of the other."""
    for word in (t for t in view.tokens if t.lower_ in _PART_WORDS and t.pos_ == "NOUN"):
        if word.dep_ == "appos":
            whole_of = word.head
        elif word.dep_ == "attr" and word.head.lemma_ in ("be", "become", "remain"):
            # 'The company runs nine practices and is part of the X Group': the first verb's subject
            # ('Elm Surgery, which has 9,000 patients and is part of X')
            whole_of = active_subject(word.head)
            whole_of = antecedent(whole_of, whole_of.head) if whole_of is not None else None
        else:
            continue
        larger = [o for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj"]
        part = ctx.ref_for_token(view, whole_of) if whole_of is not None else None
        whole = ctx.ref_for_token(view, larger[0]) if larger else None
        if part is None or whole is None or part.key == whole.key or part.type not in PART_TYPES or \
                whole.type not in PART_TYPES or word.lower_ == "member" and part.type in ("Policy", "Programme"):
            continue
        yield Fact(part.key, "partOf", whole.key, view.sentence, "organisations.part-of", 0.75)


# the members a body is made of: 'Marsh Lane is one of five practices in the Skegness and Coast PCN'
_MEMBER_NOUNS = {"practice", "surgery", "member", "provider", "network", "federation", "partnership"}


def _one_of(ctx: DocumentContext, view) -> Iterator[Fact]:
    """'Marsh Lane is one of five practices in the Skegness and Coast Primary Care Network': one of a body's members
    is part of it; 'Elm Surgery is one of the practices in Barnsley': one of a place's is in it."""
    for one in (t for t in view.tokens if t.lower_ == "one" and t.dep_ == "attr" and t.head.lemma_ == "be"):
        members = [o for p in one.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj" and o.lemma_.casefold() in _MEMBER_NOUNS]
        wholes = [o for p in members[0].children if p.dep_ == "prep" and p.lower_ in ("in", "within")
                  for o in p.children if o.dep_ == "pobj"] if members else []
        subject = active_subject(one.head)
        part = ctx.ref_for_token(view, subject) if subject is not None and not unasserted(one.head) else None
        whole = ctx.ref_for_token(view, wholes[0]) if wholes else None
        if part is None or whole is None or part.key == whole.key or part.type not in LOCATED_TYPES:
            continue
        if whole.type == "Place":
            yield Fact(part.key, "locatedIn", whole.key, view.sentence, "organisations.one-of", 0.7)
        elif whole.type in PART_TYPES:
            yield Fact(part.key, "partOf", whole.key, view.sentence, "organisations.one-of", 0.7)


# a body named with the members it is made of: 'the network, which brings together Elm Surgery, Hill Practice and
# Lane Surgery', 'the federation is made up of X and Y', 'a PCN comprising X and Y'
_MADE_OF = {"bring": "together", "make": "up", "comprise": None, "consist": None}
MEMBER_TYPES = {"Practice", "Organization", "Company"}
_BODY_TYPES = {"Organization", "Company", "GovernmentBody"}


_MADE_OF_WORDS = re.compile(r"\btogether\b|\bmade\s+up\s+of\b|\bcompris|\bconsist", re.I)


def _members(ctx: DocumentContext, view) -> Iterator[Fact]:
    if not _MADE_OF_WORDS.search(view.sentence.text):
        return
    for verb in view.tokens:
        lemma = verb_lemma(verb, _MADE_OF) if verb.pos_ == "VERB" else None
        particle = _MADE_OF.get(lemma)
        if lemma is None or unasserted(verb) or \
                particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in verb.children):
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            whole = verb.head  # 'a PCN comprising X and Y'
        else:
            whole = antecedent(next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None), verb)
        heads = [c for c in verb.children if c.dep_ == "dobj"] if lemma in ("bring", "comprise") else \
            prep_objects(verb, "of")
        body = ctx.ref_for_token(view, whole) if whole is not None else None
        if whole is not None and whole.dep_ == "appos" and (body is None or body.type not in _BODY_TYPES):
            body = ctx.ref_for_token(view, whole.head)  # 'Coast Network, a PCN comprising X and Y'
        first = ctx.ref_for_token(view, heads[0]) if heads and body is not None and body.type in _BODY_TYPES else None
        if first is None or first.type not in MEMBER_TYPES:
            continue
        for member in dict.fromkeys(r.key for r in _listed(ctx, first) if r.key != body.key):
            yield Fact(member, "partOf", body.key, view.sentence, "organisations.members", 0.7)


_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _listed(ctx: DocumentContext, first: Ref) -> list[Ref]:
    """The name and the names of its type listed after it ('X, Y and Z'), read from the text: the parser's
    coordination of names it does not know is often wrong."""
    listed = [first]
    text = ctx.adoc.document.text
    for ref in ctx.refs_in(first.mention.end, first.mention.end + 400):
        if ref.mention.start < listed[-1].mention.end:
            continue
        if not _LIST_GAP.fullmatch(text, listed[-1].mention.end, ref.mention.start) or ref.type not in MEMBER_TYPES:
            break
        listed.append(ref)
    return listed


# a scheme brought in by a wider one: 'primary care networks, introduced under the 2019 five-year contract framework'
_BROUGHT_IN = {"introduce", "create", "establish", "launch", "set", "fund", "bring"}
_SCHEME_TYPES = {"Policy", "Programme"}


def _introduced_under(ctx: DocumentContext, view) -> Iterator[Fact]:
    if " under " not in view.sentence.text:
        return
    for verb in view.tokens:
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb_lemma(verb, _BROUGHT_IN) is None:
            continue
        part = ctx.ref_for_token(view, verb.head)
        wholes = [w for w in (ctx.ref_for_token(view, o) for o in prep_objects(verb, "under")) if w is not None]
        if part is not None and part.type in _SCHEME_TYPES:
            for whole in wholes:
                if whole.type in _SCHEME_TYPES and whole.key != part.key:
                    yield Fact(part.key, "partOf", whole.key, view.sentence, "organisations.introduced-under", 0.7)


_MERGING = {"merge", "combine", "amalgamate"}
_FOLDING = {"fold", "absorb", "subsume"}  # 'NHS England is being folded into the DHSC': only with 'into'
_FORMING = {"form", "create", "become"}
_MERGING_OR_BECOMING = _MERGING | _FOLDING | {"become"}
MERGING_TYPES = {"Organization", "GovernmentBody", "Practice", "Company"}


def _merged(ctx: DocumentContext, view) -> Iterator[Fact]:
    """'X and Y will combine to form Z', 'X will merge with Y to create Z', 'X was merged into Z', 'X and Y will
    become Z': each that merges is part of what it forms."""
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb_lemma(verb, _MERGING_OR_BECOMING) is None or unasserted(verb):
            continue
        merging = verb_lemma(verb, _MERGING)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [c for s in subjects for c in s.conjuncts if c.i > s.i]  # every one of a list of three or more
        if verb_lemma(verb, _FOLDING):
            parts, wholes = subjects, prep_objects(verb, "into")
        elif merging:
            parts = subjects + prep_objects(verb, "with")
            wholes = prep_objects(verb, "into") + [o for c in verb.children if c.dep_ in ("advcl", "xcomp")
                                                   and verb_lemma(c, _FORMING) for o in c.children
                                                   if o.dep_ in ("dobj", "attr")]
        elif verb_lemma(verb, {"become"}) and len(subjects) >= 2:
            parts, wholes = subjects, [c for c in verb.children if c.dep_ in ("attr", "dobj")]
        else:
            continue
        whole = next((r for r in (ctx.ref_for_token(view, w) for w in wholes) if r is not None
                      and r.type in MERGING_TYPES), None)
        merged = [part for part in dict.fromkeys(r.key for r in (ctx.ref_for_token(view, p) for p in parts)
                                                 if r is not None and r.type in MERGING_TYPES)
                  if whole is None or part != whole.key]
        if whole is not None:
            for part in merged:
                yield Fact(part, "partOf", whole.key, view.sentence, "organisations.merged", 0.75)
        if merging:
            # 'X and Y will merge', 'X will combine with Y': the two that merge are partners
            for first, second in zip(merged, merged[1:]):
                yield Fact(first, "partnerOf", second, view.sentence, "organisations.merging-partners", 0.7)


def _named_after_possessive(ctx: DocumentContext, view, refs, words: re.Pattern, named_types: set[str],
                            possessor_types: set[str]) -> Iterator[tuple[str, str]]:
    """(named, possessor) for each name of `named_types` written right after a possessive and `words`: 'Operose
    Health's US parent company, Centene', 'Kestrel's agents, Harcourt Lyle Surveyors'."""
    text = ctx.adoc.document.text
    for named in (r for r in refs if r.type in named_types):
        match = words.search(text, max(view.sentence.start, named.mention.start - 60), named.mention.start)
        if match is None:
            continue
        possessor = next((r for r in refs if r.type in possessor_types and r.key != named.key and
                          (r.mention.end == match.start() or r.mention.start == match.start())), None)
        if possessor is not None:
            yield named.key, possessor.key


def _parents(ctx: DocumentContext, view, refs) -> Iterator[Fact]:
    """The parent or owner named after a company's possessive owns that company."""
    for parent, owned in _named_after_possessive(ctx, view, refs, _PARENT, OWNER_TYPES, OWNER_TYPES):
        yield Fact(parent, "owns", owned, view.sentence, "organisations.parent", 0.75)


def _acting_for(ctx: DocumentContext, view, refs) -> Iterator[Fact]:
    """The firm named after a body's possessive 'agents' or 'advisers' works with that body."""
    for firm, client in _named_after_possessive(ctx, view, refs, _ACTING_FOR, _FIRM_TYPES, _CLIENT_TYPES):
        yield Fact(firm, "worksWith", client, view.sentence, "organisations.acting-for", 0.7)


def _readers_places(ctx: DocumentContext) -> Iterator[Fact]:
    """A UK place in a comment header's description of the reader ('GP partner, West Yorkshire') is where they are."""
    text = ctx.adoc.document.text
    for comment in ctx.adoc.document.comments:
        reader = commenter_key(comment)
        if comment.about_start is None or reader is None:
            continue
        header = Sentence(ctx.doc_id, COMMENT, comment.about_start, comment.about_end,
                          text[comment.about_start:comment.about_end], comment.index)
        for place in ctx.refs_in(comment.about_start, comment.about_end):
            if place.type == "Place":
                yield Fact(reader, "locatedIn", place.key, header, "organisations.reader-place", 0.7)


@register("organisations")
def extract_organisations(ctx: DocumentContext) -> Iterator[Fact]:
    text = ctx.adoc.document.text
    yield from _named_for_place(ctx)
    yield from _own_place(ctx)
    yield from _place_described(ctx)
    yield from _readers_places(ctx)
    for view in ctx.sentences():
        yield from _forewords(ctx, view)
        refs = ctx.refs_in(view.sentence.start, view.sentence.end)
        for report in (r for r in refs if r.type == "Report"):
            # 'a report by the Nuffield Trust', 'Transparify’s report': the organisation named in it published it
            author = next((r for r in refs if r.type in REPORT_AUTHOR_TYPES
                           and report.mention.start <= r.mention.start and r.mention.end <= report.mention.end
                           and r.key != report.key), None) if report.mention.source in ("report-by", "titled") \
                else None
            if author is None and report.mention.source == MAKER_REPORT:
                # the report of the one organisation the lead paragraph names before it, which resolution made of
                # 'the report'
                start, end = lead_paragraph(ctx.adoc.document)
                end = min(end, report.mention.start)
                makers = {r.key: r for r in ctx.refs if start <= r.mention.start < end and report_maker(r.mention)
                          and r.type in REPORT_AUTHOR_TYPES}  # (not a town the model once took for a body)
                author = next(iter(makers.values())) if len(makers) == 1 else None
            if author is None:
                author = _said_in_report(ctx, view, report)
            if author is not None:
                yield Fact(author.key, "published", report.key, view.sentence, "organisations.report-by", 0.75)
            elif (owner := _its(ctx, view, report)) is not None:
                yield Fact(owner, "published", report.key, view.sentence, "organisations.its-report", 0.7)
        yield from _parents(ctx, view, refs)
        yield from _acting_for(ctx, view, refs)
        yield from _apposed_operators(ctx, view, refs)
        yield from _serves_area(ctx, view, refs)
        yield from _works_in_place(ctx, view, refs)
        yield from _based_description(ctx, view, refs)
        yield from _parts(ctx, view)
        yield from _one_of(ctx, view)
        yield from _members(ctx, view)
        yield from _introduced_under(ctx, view)
        yield from _merged(ctx, view)
        for first, second in zip(refs, refs[1:]):
            between = text[first.mention.end:second.mention.start]
            if first.type in OPERATOR_TYPES and second.type in SERVICE_TYPES:
                if re.fullmatch(r"(?:['’]s|-(?:powered|run|owned|operated|led))\s*", between) or \
                        first.mention.text.casefold() in ("its", "their") and between == " " or \
                        text[first.mention.end:first.mention.end + 10].startswith(("-powered", "-run")):
                    yield Fact(first.key, "operates", second.key, view.sentence, "organisations.possessive", 0.75)
            if first.type in ("Company", "Organization") and second.type == "Practice" and \
                    re.fullmatch(r"['’]s\s+", between) and first.key != second.key and \
                    not re.search(r"\b(?:PCN|[Nn]etwork)\b", first.mention.text):
                # 'a salaried GP at Harbourside's Kirkgate Medical Centre': the provider's practice, which it runs (a
                # network's practice is one of its members)
                yield Fact(first.key, "operates", second.key, view.sentence, "organisations.possessive-practice", 0.7)
            # 'NHS England’s controversial October GP access plan': the organisation's own plan or report
            # ('NHS Kent said its GP Retention Scheme would...': a pronoun's, as a name's, where it is a body's own
            # scheme, plan or report, not money it spends: 'pay X £1m from its transformation budget')
            if first.type in OPERATOR_TYPES | {"ThinkTank"} and second.type in AUTHORED_TYPES and \
                    (re.fullmatch(r"['’]s\s+(?:[a-z-]+\s+)?", between) or
                     first.mention.text.casefold() in ("its", "their") and re.fullmatch(r"\s+(?:[a-z-]+\s+)?", between)
                     and second.mention.text.split()[-1].casefold() in RUN_HEADS | _OWN_PAPERS):
                head = second.mention.text.split()[-1].casefold()
                if head in HELD_HEADS and first.type in ("Practice", "Company") or head in _SPENT:
                    continue  # 'the practice's GMS contract' is the one it holds, not one it wrote; a budget is spent
                runs = head in RUN_HEADS
                yield Fact(first.key, "operates" if runs else "published", second.key, view.sentence,
                           "organisations.possessive-plan", 0.7)
            if first.type in PART_TYPES and second.type in PART_TYPES and (
                    re.fullmatch(r"['’]s\s+", between) and not SUB_BODY_HEADS.isdisjoint(second.mention.text.casefold().split())
                    or second.mention.source == "owned-body" and re.fullmatch(r"(?:['’]s)?\s+", between)):
                yield Fact(second.key, "partOf", first.key, view.sentence, "organisations.sub-body", 0.75)
            whose = between + ("whose " if second.mention.text.startswith("whose ") else "")
            if second.type == "Report" and (first.type == "Person" or first.type in OPERATOR_TYPES | {"ThinkTank"}) \
                    and re.fullmatch(r",\s*whose\s+(?:[a-z-]+\s+)?", whose):
                # 'Lord Darzi, whose review of the NHS was published last year': the review is his
                yield Fact(first.key, "authored" if first.type == "Person" else "published", second.key,
                           view.sentence, "organisations.whose-report", 0.75)
            if first.type == "Person" and second.type == "Place" and _works_in().fullmatch(between):
                # 'Dr X, a salaried GP in Rochdale,': where the person works
                yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.works-in", 0.7)
            elif first.type == "Person" and second.type == "Place" and _PERSON_FROM.fullmatch(between):
                # 'Margaret Lowry, 68, a retired school cook from Bloxwich,': where the person lives
                yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.person-from", 0.65)
            elif second.type == "Place" and first.type != "Person" and _works_in_also().fullmatch(between):
                # 'Dr X, a senior fellow at the Nuffield Trust and a former GP in Middlesbrough': the second post's
                # place is where the person the posts describe works
                person = _described_person(refs, first, between, text)
                if person is not None:
                    yield Fact(person.key, "locatedIn", second.key, view.sentence, "organisations.works-in", 0.65)
            if first.mention.source == "street" and second.type == "Place" and _STREET_TOWN.fullmatch(between):
                # 'on Quay Road in Harbridge': which town's street it is
                yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.street-in", 0.75)
            if first.type == "Place" and second.type == "Place" and _SETTLEMENT_OF.fullmatch(between):
                yield Fact(second.key, "locatedIn", first.key, view.sentence, "organisations.town-of", 0.7)
            on_street = second.mention.source == "street" and \
                re.fullmatch(r",?\s+(?:on|in|at|off)\s+(?:the\s+)?", between)  # 'in the High Street'
            if first.type in LOCATED_TYPES and second.type == "Place" and _BASED_BEFORE.fullmatch(between) and \
                    _BASED_AFTER.match(text, second.mention.end) and not _named_after_kind(refs, text, second):
                # 'Castlegate Healthcare, a Leicester-based company' (not 'X, the Birmingham-based company Y': Y's)
                yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.place-based", 0.75)
            if first.type == "Place" and second.type in LOCATED_TYPES and (
                    _BASED_KIND.fullmatch(between) or _PLACE_KIND.fullmatch(between) and
                    re.search(r"\b(?:the|an?)\s+$", text[max(0, first.mention.start - 5):first.mention.start])):
                # ('the London investment firm Calder Street Capital': the place said of the kind, as '-based' says it)
                yield Fact(second.key, "locatedIn", first.key, view.sentence, "organisations.place-based", 0.75)
            if first.type in LOCATED_TYPES and second.type == "Place" and _IN_THE.fullmatch(between):
                # 'Kingsway Surgery in the Gaywood area of King's Lynn': in the part, which is in the whole
                at = refs.index(second)
                if at + 1 < len(refs) and refs[at + 1].type == "Place" and refs[at + 1].key != second.key and \
                        _AREA_OF.fullmatch(text[second.mention.end:refs[at + 1].mention.start]):
                    whole = refs[at + 1]
                    yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.area-of", 0.75)
                    yield Fact(first.key, "locatedIn", whole.key, view.sentence, "organisations.area-of", 0.7)
                    yield Fact(second.key, "locatedIn", whole.key, view.sentence, "organisations.area-of", 0.75)
            if first.type == "Place" and second.type in LOCATED_TYPES and _WHERE.fullmatch(between):
                # 'the authors point to Kidderminster, where Severn Arches PCN has placed pharmacists': the body
                # doing something there is there
                yield Fact(second.key, "locatedIn", first.key, view.sentence, "organisations.where", 0.7)
            if first.type in LOCATED_TYPES and second.type == "Place" and _KIND_IN.fullmatch(between):
                yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.kind-in-place", 0.75)
            if first.type in LOCATED_TYPES and second.type == "Place" and (_LOCATED.fullmatch(between) or on_street):
                yield Fact(first.key, "locatedIn", second.key, view.sentence, "organisations.located-in", 0.75)
                # 'in Fulham, south west London', 'on Quay Road in Harbridge': the wider place too
                at = refs.index(second)
                wider = _STREET_TOWN if on_street else _WIDER
                if at + 1 < len(refs) and refs[at + 1].type == "Place" and \
                        wider.fullmatch(text[second.mention.end:refs[at + 1].mention.start]):
                    yield Fact(first.key, "locatedIn", refs[at + 1].key, view.sentence, "organisations.located-in",
                               0.7)
                    if not on_street and second.key != refs[at + 1].key:
                        # 'in Wythenshawe, south Manchester': the nearer place lies in the wider one
                        yield Fact(second.key, "locatedIn", refs[at + 1].key, view.sentence,
                                   "organisations.place-in-place", 0.7)


# the first person's place: 'in my corner of Greater Manchester', 'our practice in Oldham', 'here in Cornwall'
_OWN_PLACE = re.compile(r"(?:\b(?:my|our)\s+(?:own\s+)?(?:corner|part|patch|bit|area)\s+of|\b(?:my|our)\s+(?:own\s+)?"
                        r"(?:practice|surgery|town|village|city|area|patch|PCN|ICB)\s+in|\bhere\s+in)\s+(?:the\s+)?$",
                        re.I)


def _own_place(ctx: DocumentContext) -> Iterator[Fact]:
    """Where the one writing or speaking in the first person works: the columnist, the reader or the quoted speaker
    of 'in my corner of Greater Manchester', 'our practice in Oldham'."""
    text = ctx.adoc.document.text
    seen = set()
    for view in ctx.sentences():
        for place in (r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.type == "Place"):
            if not _OWN_PLACE.search(text[max(view.sentence.start, place.mention.start - 40):place.mention.start]):
                continue
            holder = words_holder(ctx, view, place.mention.start)
            if holder is not None and (holder, place.key) not in seen:
                seen.add((holder, place.key))
                yield Fact(holder, "locatedIn", place.key, view.sentence, "organisations.own-place", 0.65)


_PRACTICE_AFTER_PLACE = re.compile(r"\s+(?:GP\s+|general\s+practice\s+)?(?:practice|surgery)\b")
_A_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)


def _place_described(ctx: DocumentContext) -> Iterator[Fact]:
    """'A Kettering GP practice has been placed in special measures': a practice described by its town, on a page
    about one practice (the one it names most), is that practice, in that town."""
    text = ctx.adoc.document.text
    ranked = Counter(r.key for r in ctx.refs if r.type == "Practice").most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return
    practice = ranked[0][0]
    for view in ctx.sentences():
        for place in (r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.type == "Place"):
            if _PRACTICE_AFTER_PLACE.match(text, place.mention.end) and \
                    _A_BEFORE.search(text[max(view.sentence.start, place.mention.start - 6):place.mention.start]):
                yield Fact(practice, "locatedIn", place.key, view.sentence, "organisations.place-described", 0.6,
                           start=place.mention.start, end=place.mention.end)
                return


def _named_for_place(ctx: DocumentContext) -> Iterator[Fact]:
    """'Wexcombe Surgery' on a page that names Wexcombe as a place: a practice named for a place it is in; the
    practice's name is the evidence, in the first sentence that gives it."""
    places = {r.mention.text.casefold(): r.key for r in ctx.refs if r.type == "Place" and r.mention.text[:1].isupper()}
    if not places:
        return
    seen = set()
    for view in ctx.sentences():
        for practice in ctx.refs_in(view.sentence.start, view.sentence.end):
            if practice.type != "Practice" or practice.key in seen:
                continue
            # the name without its kind ('Wexcombe' of 'Wexcombe Surgery'), as resolution reads a body's short name
            place = places.get(body_stem(practice.mention.text.casefold().removeprefix("the ")))
            if place is not None and place != practice.key:
                seen.add(practice.key)
                yield Fact(practice.key, "locatedIn", place, view.sentence, "organisations.named-for-place", 0.65,
                           start=practice.mention.start, end=practice.mention.end)


# a person described by age or by what they do or did, and where they are from: ', 68, a retired school cook from ',
# ', 42, from '
_PERSON_FROM = re.compile(r",\s*(?:\d{1,3},\s*)?(?:(?:a|an)\s+(?:[\w-]+\s+){1,4})?from\s+")


@lru_cache(maxsize=1)
def _works_in() -> re.Pattern:
    return re.compile(r",?\s+(?:(?:is|was|has\s+been)\s+)?(?:a|an)\s+(?:former\s+)?" + post_re() +
                      r"\s+(?:in|based\s+in)\s+" + _DIRECTION, re.I)


# the clinical posts that are held in a town: 'a GP in Norwich', 'a Sheffield GP partner'
_LOCAL_POSTS = {"gp", "gps", "partner", "doctor", "nurse", "pharmacist", "physician", "locum", "trainee", "manager",
                "practitioner"}


_WORKED_AS = {"work", "train", "practise", "practice", "serve", "qualify", "start"}
_LIVES_IN = {"live", "practise", "practice", "work"}


def _works_in_place(ctx: DocumentContext, view, refs) -> Iterator[Fact]:
    """'X, who remains a GP in Norwich', 'X, deputy chair of Y and a GP partner in Oldham', 'X, a Sheffield GP
    partner who...', 'X is a salaried GP in Rochdale': the town a person's clinical post is held in, read from
    the parse wherever the post stands (the text patterns above read the plain apposition)."""
    for place in (r for r in refs if r.type == "Place"):
        token = ctx.token_for(view, place)
        if token is None:
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "in":
            post = token.head.head
            if post.pos_ == "VERB" and post.lemma_ in _LIVES_IN and not unasserted(post):
                # 'Dr X, who lives in Symondsbury', 'she lives in Leeds', 'who practises in Nottingham': where the
                # person lives or works
                key = _person_doing(ctx, view, post)
                if key is not None:
                    yield Fact(key, "locatedIn", place.key, view.sentence,
                               "organisations.lives-in" if post.lemma_ == "live" else "organisations.works-in", 0.65)
                continue
            if post.tag_ == "VBN" and post.lower_ == "based":
                post = post.head
        elif token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            post = token.head
            named_post = post.lower_ in _LOCAL_POSTS
            while post.dep_ == "compound" and post.head.pos_ in ("NOUN", "PROPN"):
                post = post.head  # 'a Sheffield GP partner'
                named_post = named_post or post.lower_ in _LOCAL_POSTS
            if named_post and post.lower_ not in _LOCAL_POSTS and post.ent_type_ == "PERSON":
                # 'Bridport GP Dr Alan Fairbairn': the post is written before the name it describes
                holder = ctx.ref_for_token(view, post)
                if holder is not None and holder.type == "Person":
                    yield Fact(holder.key, "locatedIn", place.key, view.sentence, "organisations.post-in-place", 0.65)
                continue
        else:
            continue
        if post.lower_ not in _LOCAL_POSTS or post.pos_ not in ("NOUN", "PROPN"):
            continue
        person = post_holder(post)
        holder = ctx.ref_for_token(view, person) if person is not None else None
        if holder is not None and holder.type == "Person":
            yield Fact(holder.key, "locatedIn", place.key, view.sentence, "organisations.post-in-place", 0.65)
        elif person is None and post.dep_ == "pobj" and post.head.lower_ == "as" and \
                post.head.head.lemma_ in _WORKED_AS and not unasserted(post.head.head):
            # 'she worked as a GP in Leeds': who worked as one
            key = _person_doing(ctx, view, post.head.head)
            if key is not None:
                yield Fact(key, "locatedIn", place.key, view.sentence, "organisations.post-in-place", 0.65)


def _named_after_kind(refs, text: str, place) -> bool:
    """'the Birmingham-based company Meridian Primary Care': the kind after the place is followed by the name it
    describes."""
    kind = _BASED_KIND.match(text, place.mention.end)
    return kind is not None and any(r.mention.start == kind.end() and r.type in LOCATED_TYPES for r in refs)


def _based_description(ctx: DocumentContext, view, refs) -> Iterator[Fact]:
    """'has led the Halifax-based LMC since 1995': the body a description stands for is where it says it is based."""
    text = ctx.adoc.document.text
    for described in (r for r in refs if r.mention.source == "coref.description" and r.type in LOCATED_TYPES):
        for place in (r for r in refs if r.type == "Place" and described.mention.start < r.mention.start
                      and r.mention.end < described.mention.end):
            if _BASED_AFTER.match(text, place.mention.end):
                yield Fact(described.key, "locatedIn", place.key, view.sentence, "organisations.place-based", 0.75)


def _person_doing(ctx: DocumentContext, view, verb) -> str | None:
    """The person the verb's subject stands for (a name, a pronoun, a relative 'who'), or None."""
    subject = active_subject(verb)
    key = ctx.speaker_for(view, subject) if subject is not None else None
    return key if key is not None and ctx.types.get(key) == "Person" else None


# what a body does across an area: 'the federation that represents 31 practices across north and west Devon',
# 'The company runs nine practices across the East Midlands'
_AREA_VERBS = {"serve", "cover", "represent", "run", "operate", "manage", "span", "commission", "link", "include"}
_AREA_PREPS = {"across", "in", "throughout", "around"}


def _serves_area(ctx: DocumentContext, view, refs) -> Iterator[Fact]:
    for place in (r for r in refs if r.type == "Place"):
        token = ctx.token_for(view, place)
        while token is not None and token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # 'for North Yorkshire and York'
        if token is not None and token.dep_ == "pobj" and token.head.lower_ == "for" and \
                token.head.head.dep_ == "appos" and token.head.head.pos_ == "NOUN":
            # 'YORLMC, the local medical committee for North Yorkshire and York': the body the area's is
            noun = token.head.head
            body = ctx.ref_for_token(view, noun.head)
            if body is None or body.type not in LOCATED_TYPES:
                # the parser may hang the description on the person whose post is at the body named right before it
                start = view.offset(noun.left_edge)
                body = next((r for r in refs if r.type in LOCATED_TYPES and
                             re.fullmatch(r",\s*", ctx.adoc.document.text[r.mention.end:start])), None)
            if body is not None and body.type in LOCATED_TYPES and body.key != place.key:
                yield Fact(body.key, "locatedIn", place.key, view.sentence, "organisations.body-for-area", 0.7)
            continue
        if token is None or token.dep_ != "pobj" or token.head.lower_ not in _AREA_PREPS:
            continue
        prep = token.head
        while prep.dep_ == "conj" and prep.head.lower_ in _AREA_PREPS:
            prep = prep.head  # 'four practices in and around Dereham'
        verb = prep.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head  # 'runs nine practices across the East Midlands'
        if verb.pos_ != "VERB" or verb_lemma(verb, _AREA_VERBS) is None or unasserted(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            subject = verb.head
        body = ctx.ref_for_token(view, subject) if subject is not None else None
        if body is None and subject is not None and subject.dep_ == "appos":
            body = ctx.ref_for_token(view, subject.head)  # 'Tamar Vale Health, the GP federation that represents'
        if body is not None and body.type in LOCATED_TYPES and body.key != place.key:
            yield Fact(body.key, "locatedIn", place.key, view.sentence, "organisations.serves-area", 0.65)


@lru_cache(maxsize=1)
def _works_in_also() -> re.Pattern:
    return re.compile(r"\s+and\s+(?:a|an)\s+(?:former\s+)?" + post_re() + r"\s+(?:in|based\s+in)\s+" + _DIRECTION,
                      re.I)


def _described_person(refs, organisation, between: str, text: str):
    """The person a post at `organisation` describes in apposition ('Dr X, a senior fellow at Y'), if the text
    between them is only that post."""
    at = refs.index(organisation)
    if at == 0 or refs[at - 1].type != "Person":
        return None
    person = refs[at - 1]
    lead = text[person.mention.end:organisation.mention.start]
    return person if re.fullmatch(r",\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){1,4}(?:at|of)\s+(?:the\s+)?", lead) else None


_APPOSED_OPERATOR = re.compile(r",\s+(?:the|a|an)\s+(?P<operator>[^,]{2,60}?)-(?:run|operated|managed|owned)\b")


def _apposed_operators(ctx: DocumentContext, view, refs) -> Iterator[Fact]:
    """'Primary Care Support England, the Capita-run service,': the firm before '-run' runs the service named."""
    text = ctx.adoc.document.text
    for service in (r for r in refs if r.type in SERVICE_TYPES):
        match = _APPOSED_OPERATOR.match(text, service.mention.end)
        if match is None:
            continue
        operator = next((r for r in refs if r.mention.start == match.start("operator") and
                         r.mention.end == match.end("operator") and r.type in OPERATOR_TYPES), None)
        if operator is not None and operator.key != service.key:
            yield Fact(operator.key, "operates", service.key, view.sentence, "organisations.apposed-operator", 0.75)


def _its(ctx: DocumentContext, view, report) -> str | None:
    """'Healthwatch England said its latest report, Access Denied, had found...': the organisation named last before
    'its' in the sentence owns the report. (Coreference leaves alone a pronoun inside a name, and 'its latest report,
    Access Denied' is one.)"""
    token = ctx.token_for(view, report)
    owner = next((c for c in token.children if c.dep_ == "poss"), None) if token is not None else None
    if owner is None and token is not None and report.mention.source == "titled":
        # 'the college's report Time to Care': the parse of a title may give the mention a root outside the owner's
        start, end = report.mention.start, report.mention.end
        owner = next((t for t in view.tokens if t.dep_ == "poss" and t.pos_ == "NOUN" and
                      start <= view.offset(t) < end and start <= view.offset(t.head) < end), None)
    if owner is None:
        return None
    if owner.lower_ not in ("its", "their"):
        # 'The regulator’s annual State of Care report': the body the description stands for ('the college's report
        # Time to Care', a description inside the report's own mention: the college the page named last)
        described = ctx.ref_for_token(view, owner) if owner.pos_ == "NOUN" else None
        if described is not None and described.key == report.key:
            # ('the think tank's June report Under Pressure: ...': a kind of two words)
            pair = f"{owner.nbor(-1).lower_} {owner.lower_}" if owner.i > 0 else owner.lower_
            kind = kind_of_word(pair) or kind_of_word(owner.lower_)
            described = last_of_kind(ctx, kind, view.offset(owner), view) if kind else None
        return described.key if described is not None and described.type in REPORT_AUTHOR_TYPES else None
    offset = view.offset(owner)
    before = ctx.last_of_type_before(offset, REPORT_AUTHOR_TYPES, within=offset - view.sentence.start,
                                     section=view.sentence.section)
    if before is None:
        # 'Its latest survey of trainees, published in January, found...': the body 'its' stands for
        meant = ctx.ref_for_token(view, owner)
        before = meant.key if meant is not None and meant.type in REPORT_AUTHOR_TYPES else None
    return before


def _said_in_report(ctx: DocumentContext, view, report):
    """'In a report published today, the IPPR said...', 'The committee has called on X to..., in a report published
    today': who says or asks it in the report published it."""
    token = ctx.token_for(view, report)
    if report.mention.source == "titled" and token is not None:
        # 'In its report ‘Access all areas’, X said': the parser may make a verb of the title; the report word heads it
        heads = policy_head_types()
        base = view.segment.segment.start
        span = token.doc.char_span(report.mention.start - base, report.mention.end - base, alignment_mode="expand")
        token = next((t for t in span if t.pos_ == "NOUN" and t.lower_ in heads and t.dep_ == "pobj"), token)
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "in" or token.head.head.pos_ != "VERB":
        return None
    verb = token.head.head
    while verb.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    author = ctx.ref_for_token(view, subject) if subject is not None else None
    return author if author is not None and author.type in REPORT_AUTHOR_TYPES else None


_WRITING = {"write", "pen", "contribute", "provide"}


def _forewords(ctx: DocumentContext, view) -> Iterator[Fact]:
    """'In his foreword, Sajid Javid said...', 'a foreword by X to the report': X wrote the foreword to the report
    named (or, with none named, the one the page named last)."""
    for word in view.tokens:
        if word.lower_ not in ("foreword", "preface") or word.pos_ != "NOUN":
            continue
        by = [o for p in word.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        verb = word.head if word.dep_ in ("nsubjpass", "dobj") and verb_lemma(word.head, _WRITING) else None
        if verb is not None and word.dep_ == "nsubjpass":
            # 'The foreword is written by X'
            by = [agent] if (agent := passive_agent(verb)) is not None else []
        elif verb is not None:
            # 'X wrote the foreword'
            by = [c for c in verb.children if c.dep_ == "nsubj"]
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        writer = None
        if by:
            writer = ctx.ref_for_token(view, by[0])
        elif owner is not None and owner.pos_ != "PRON":
            writer = ctx.ref_for_token(view, owner)
        elif owner is not None:
            # 'In his foreword, X said': the one the sentence says spoke
            main = word.head.head if word.dep_ == "pobj" else None
            subject = next((c for c in main.children if c.dep_ == "nsubj"), None) if main is not None else None
            writer = ctx.ref_for_token(view, subject) if subject is not None else None
        if writer is None or writer.type != "Person":
            continue
        named = [r for p in word.children if p.dep_ == "prep" and p.lower_ in ("to", "of")
                 for r in ctx.refs_under(view, p, {"Report"})]
        report = named[0].key if named else ctx.last_of_type_before(view.sentence.start, {"Report"},
                                                                    section=view.sentence.section)
        if report is not None:
            yield Fact(writer.key, "wroteForeword", report, view.sentence, "organisations.foreword", 0.75)

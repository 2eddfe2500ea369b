"""Roles and posts: 'RCGP chair X', 'X, medical director of Y', 'X is editor of Y', 'Y – where he is Z'."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Token

from kg.coref import DESCRIPTION_HEADS
from kg.extractors import register
from kg.extractors.context import (DocumentContext, Ref, SentenceView, active_subject, passive_agent, prep_objects,
                                   unasserted)
from kg.lexicon import load_lexicon
from kg.mentions import NETWORK_NAME, TITLES
from kg.model import ORGANISATION_TYPES, Fact

ORG_TYPES = {"Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication", "Programme"}
TIME = r"(?:(?P<time>former|new|then|interim|acting|outgoing|incoming|current|first|founding|ex-)\s*)?"
_TITLE = r"(?:(?:%s)\.?\s+)*" % "|".join(TITLES)
# a unit of the organisation between its name and the post: 'BMA GP committee chair', 'Its GP committee chair'
_UNIT = (r"(?P<unit>(?:[A-Z][\w-]*\s+)?(?:committee|board|council|branch|division|team|network|group)\s+"
         r"|(?-i:UK|England|Scotland|Wales|Northern Ireland|London|European)\s+"  # 'Its UK managing director'
         r"|(?-i:[a-z][a-z-]+)\s+(?=lead\b)"  # 'Its premises lead'
         # 'NHS England's primary care director': the field before the post
         r"|(?!(?:own|very|most|only|then|also|long-standing|longtime)\b)(?-i:[a-z][a-z-]+\s+){1,2}"
         r"(?=(?:director|lead|manager|officer|adviser|advisor)\b))?")

# 'the RCGP's', and 'the Royal College of GPs'' after a plural
_POSSESSIVE = r"(?:['’]s?)?"
# the field a post covers, in lower case: "NHS England's medical director for primary care, Dr X"
_LOWER_WORDS = r"(?-i:[a-z][a-z-]*)(?:\s+(?-i:[a-z][a-z-]*)){0,%d}"
# ('director of workforce, training and education': a list of fields, commas and all)
_PORTFOLIO = r"(?P<portfolio>\s+(?:for|of)\s+%s(?:(?:,\s+%s){1,4},?\s+and\s+%s)?)?" % (
    _LOWER_WORDS % 6, _LOWER_WORDS % 2, _LOWER_WORDS % 2)
# 'national director of primary care and community services': a portfolio going on past a post the lexicon knows
_MORE = r"(?P<more>\s+and\s+%s(?=\s*[,.;:–—)]|\s+(?:said|says|told|added)\b))?" % (_LOWER_WORDS % 3)
# 'Liberal Democrat MP for Eastleigh Liz Jarvis': the place a post is for, before the name
_SEAT_WORD = r"(?!(?:%s)\b)(?-i:[A-Z][\w'’-]*)" % "|".join(TITLES)
_SEAT = r"(?P<seat>\s+for\s+%s(?:\s+(?:and\s+)?%s){0,3})?" % (_SEAT_WORD, _SEAT_WORD)
# 'Kent LMC's own medical director'
_OWN = r"(?:own\s+)?"
# 'the surgery's two remaining GP partners, Dr X and Dr Y'
_COUNT = r"(?:(?:two|three|four|five|both|remaining|other|joint)\s+){0,2}"
# 'X, who is now chief executive of Y': a word on when, between the verb and the post
_NOW = r"(?:(?:now|currently|also|still)\s+)?"
# 'X was previously provost of Y': a post held before, so a former one
_BEFORE_NOW = r"(?:(?P<earlier>previously|formerly|once)\s+)?"
# 'X was appointed chief executive of Y', 'X, who has been named chair of Y'
_APPOINTED_AS = r"(?:(?:appointed|named|elected|made|installed)\s+(?:as\s+)?)"
ROLE_MODIFIERS = ("shadow", "senior", "junior", "deputy", "assistant", "associate", "principal", "national", "regional",
                  "clinical", "medical", "policy", "research", "executive", "non-executive", "honorary", "joint",
                  "chief", "general", "interim", "managing", "salaried", "locum", "sessional", "trainee", "lead")


_YEAR_OF_TRAINING = r"(?:first|second|third|fourth|final)-year"


@lru_cache(maxsize=1)
def _roles() -> str:
    return "|".join(re.escape(r) for r in load_lexicon().roles)


@lru_cache(maxsize=1)
def _role_re() -> str:
    # a few words that grade a post ('senior policy fellow', 'deputy clinical director') are part of it
    return "(?P<role>%s)" % post_re()


@lru_cache(maxsize=1)
def post_re() -> str:
    # ('a final-year registrar', 'a second-year trainee'; 'access lead', 'prescribing lead', 'vaccinations and
    # immunisations lead', 'IT policy lead', 'GP lead': a lead of a field or two, the first no post of its own, as
    # 'partner and clinical lead' is)
    # ('health reporter', 'digital health correspondent': the beat of a journalist's post)
    # ('media manager', 'press officer', 'policy director': the field a manager, officer or director is of)
    return "(?:(?:%s|%s)\\s+){0,2}(?:(?:(?!(?:%s)\\b)(?-i:[a-z][a-z-]{2,})\\s+and\\s+|(?-i:[A-Z]{2,4}\\s+))?" \
        "(?-i:[a-z][a-z-]{2,}|[A-Z]{2,4})\\s+(?=lead\\b)|(?:(?-i:[a-z][a-z-]{2,})\\s+){1,2}" \
        "(?=(?:reporter|correspondent|editor)\\b)|(?!(?:own|very|most|only|then|also|long-standing|longtime)\\b)" \
        "(?-i:[a-z][a-z-]{2,})\\s+(?=(?:manager|officer|director|adviser|advisor)\\b))?(?:%s)" \
        % ("|".join(ROLE_MODIFIERS), _YEAR_OF_TRAINING, _roles(), _roles())


@lru_cache(maxsize=1)
def _second_role_re() -> str:
    """'GP and digital lead': a second post joined by 'and', with a word of its field."""
    return "(?P<also>\\s+and\\s+(?:(?-i:[a-z][a-z-]+)\\s+)?(?:%s))?" % _roles()


@lru_cache(maxsize=1)
def _first_post_re() -> str:
    """'X, a GP in Islington and member of Y': a first post and the place it is held in, before the post in Y
    ('a GP partner at Hill Surgery in Leeds and chair of Y': the practice's place after it)."""
    name = r"(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,2}"
    # ('... at Riverside Medical Practice in Kendal, Cumbria, and a member of Y': a town and its county)
    return r"(?:(?:a|an)\s+%s\s+(?:in|at)\s+%s%s(?:\s+in\s+%s(?:,\s+%s,)?)?\s+and\s+)?" % (
        post_re(), _DIRECTION, name, name, name)


# 'a GP in south London': a part of the place, in lower case
_DIRECTION = r"(?:(?:north|south|east|west|central|inner|outer|rural|north-east|north-west|south-east|south-west)\s+)?"


_SITTING_AS = re.compile(r"\s+as\s+(?:a|an|its|the|their)\s+((?:[\w-]+\s+){0,3}[\w-]+)")


def _sitting_as(after: str) -> str:
    """'... as a GP member from 2015': the post a member sits as (the words up to a role's last word), else member."""
    match = _SITTING_AS.match(after)
    words = match.group(1).split() if match else []
    ends = load_lexicon().role_last_words
    last = max((i for i, w in enumerate(words) if w.casefold() in ends), default=None)
    return " ".join(words[:last + 1]) if last is not None else "member"


# what a post's holder is besides, between the post and the name: 'Its chair, retired teacher Maureen Tadcaster'
_DESCRIBED = r"(?:(?:retired|former|local|fellow|practising|semi-retired)\s+(?-i:[a-z][a-z-]*)\s+)?"


@lru_cache(maxsize=1)
def _party() -> str:
    """A party the post is held for, before it: 'the Conservative member of the county council', 'the council's
    Liberal Democrat executive councillor for planning'."""
    return r"(?:(?-i:%s)\s+)?" % "|".join(re.escape(w) for w in load_lexicon().party_words)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    role = _role_re()
    return {
        # ORG ['s] [former] ROLE [,] [Dr] PERSON  -- 'RCGP chair Professor Martin Marshall', 'ORG, whose chair X'
        "roles.title-before-name": re.compile(r"(?:" + _POSSESSIVE + r"|\s*,\s*whose)\s+" + _OWN + _COUNT + TIME + _UNIT +
                                              role +
                                              r"s?" + _second_role_re() + _PORTFOLIO + _SEAT +
                                              r"\s*,?\s*" + _DESCRIBED + _TITLE + r"$", re.I),
        # ORG's [first] ROLE was PERSON  -- 'Its first chairman was X'; 'ORG, whose chair is X'
        "roles.possessive-copula": re.compile(r"(?:" + _POSSESSIVE + r"|\s*,\s*whose)\s+" + TIME + role +
                                              r"\s+(?:is|was|has\s+been|became)\s+" + _TITLE + r"$", re.I),
        # PERSON, [the] [former] ROLE of/at ORG  -- 'X, medical director of Y' / 'X is editor of Y'
        # ('X and Y, the partners at Z': a plural post is each coordinated person's)
        "roles.apposition": re.compile(r"^\s*,\s*(?:who\s+(?:is|was|are|were|has\s+been)\s+" + _BEFORE_NOW + _NOW +
                                       _APPOINTED_AS +
                                       r"?)?" + _first_post_re() +
                                       r"(?:the\s+|a\s+|an\s+|our\s+|one\s+of\s+(?:the|its|our)\s+)?" +
                                       TIME + _party() + role + r"s?" +
                                       _second_role_re() + _PORTFOLIO + r"\s+(?:of|at|for|from|representing)\s+(?:the\s+)?$",
                                       re.I),
        "roles.copula": re.compile(r"^\s+(?:is|was|has\s+been|became|becomes)\s+" + _BEFORE_NOW + _NOW +
                                   _APPOINTED_AS + r"?" + _first_post_re() + r"(?:the\s+|a\s+|an\s+)?" + TIME + role + _PORTFOLIO +
                                   r"\s+(?:of|at|for)\s+(?:the\s+)?$", re.I),
        # PERSON stepped down as ROLE of ORG  -- a post left is a former one
        "roles.left-post": re.compile(r"^\s*,?\s*(?:who\s+)?(?:has\s+|had\s+|will\s+|is\s+to\s+)?"
                                      r"(?:stepped|steps|step|stands|stood|stand)\s+down\s+as\s+(?:the\s+)?"
                                      + role + _PORTFOLIO + r"\s+(?:of|at)\s+(?:the\s+)?$", re.I),
        # PERSON will take over as ROLE of ORG  -- a post taken
        "roles.taken-post": re.compile(r"^\s*,?\s*(?:who\s+)?(?:has\s+|had\s+|will\s+|is\s+to\s+|is\s+set\s+to\s+)?"
                                       r"(?:take|takes|took|taken|taking)\s+over\s+as\s+(?:the\s+)?(?:new\s+)?"
                                       + role + _PORTFOLIO + r"\s+(?:of|at)\s+(?:the\s+)?$", re.I),
        # PERSON, ORG's [national] ROLE  -- 'Dr Claire Fuller, NHS England's national medical director'
        "roles.possessive-apposition": re.compile(r"^\s*,\s*(?:the\s+)?$", re.I),
        "roles.possessive-apposition-role": re.compile(r"['’]s\s+" + _OWN + TIME + _party() + role + r"\b" +
                                                       _second_role_re() + r"(?:" + _PORTFOLIO +
                                                       r"(?=\s*[,.;:–—)]|\s+(?:said|says|told|added)\b))?" + _MORE,
                                                       re.I),
        # PERSON, the ROLE,  -- 'Ann Hale, the health secretary, said': a post whose organisation is implied
        "roles.implied-apposition": re.compile(r"\s*,\s*(?:the\s+|a\s+)?" + TIME + role + _PORTFOLIO +
                                               r"(?=\s*[,.;:–—)]|\s+(?:said|says|told|added|was|is)\b)", re.I),
        # PERSON, [the] ORG ROLE,  -- 'Dr Ann Lee, the BMA chair, said': the post ends the apposition
        # ('Richard Tolhurst, the Conservative MP for Tewkesbury and a member of the committee,')
        "roles.name-apposition-role": re.compile(r"\s+" + TIME + role + _PORTFOLIO + _SEAT +
                                                 r"(?=\s*[,.;:–—)]|\s+(?:said|says|told|added)\b|\s+and\s+(?:a|an|the)\s)",
                                                 re.I),
        # PERSON, who [later] [also] became a ORG ROLE  -- the role word follows the organisation
        "roles.became": re.compile(r"^\s*,?\s*(?:who\s+)?(?:(?:later|also|then|now|since|had|has)\s+){0,3}"
                                   r"(?:is|was|became|becomes|been)\s+(?:the\s+|a\s+|an\s+)?$", re.I),
        # (matched from a position: no '^', which would match only at the start of the text)
        "roles.became-role": re.compile(r"\s+" + TIME + role + r"\b", re.I),
        # the [new] ROLE of [the] ORG, PERSON  -- the post before the organisation (searched up to the organisation)
        "roles.post-of-then-name": re.compile(r"(?:^|(?<=\s))(?:the\s+)?" + TIME + role +
                                              r"\s+(?:of|at)\s+(?:the\s+)?$", re.I),
        # ORG – where he is ROLE  -- the person is the sentence's named person before the organisation
        "roles.where-clause": re.compile(r"^\s*[–—,-]?\s*where\s+(?:he|she)\s+(?:is|was)\s+(?:the\s+)?" + TIME + role +
                                         r"\b", re.I),
    }


@register("roles")
def extract_roles(ctx: DocumentContext) -> Iterator[Fact]:
    posts = list(_posts(ctx))
    posts += _clause_posts(ctx, {(f.subject, f.object, f.sentence.start) for f in posts})
    posts += _where_pronoun_posts(ctx, {(f.subject, f.object) for f in posts})
    yield from posts
    yield from _represented_seats(ctx, posts)
    yield from _predecessors(ctx, posts)
    yield from _fellows(ctx, posts)
    yield from _our_posts(ctx, posts)
    yield from _posts_of_the_body_spoken_for(ctx, {(f.subject, f.sentence.start) for f in posts})
    yield from _replacements(ctx, posts)
    yield from _leaders(ctx)
    yield from _appointments(ctx)


_APPOINTED = {"appoint", "name", "elect", "make", "install"}  # the verbs of _APPOINTED_AS
_WHERE_HOLDERS = {"i", "he", "she", "we"}


def _where_pronoun_posts(ctx: DocumentContext, seen: set[tuple[str, str]]) -> list[Fact]:
    """'At Elmfield Surgery in Loughborough, where I have been a partner for nine years': the post held where the
    clause says, by the one its pronoun stands for (the columnist's 'I', a person named before)."""
    found = []
    for view in ctx.sentences():
        if "where" not in view.sentence.text:
            continue
        for where in (t for t in view.tokens if t.lower_ == "where" and t.dep_ == "advmod"):
            verb = where.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            post = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
            if verb.dep_ != "relcl" or verb.lemma_ != "be" or subject is None or post is None or \
                    subject.lower_ not in _WHERE_HOLDERS or unasserted(verb):
                continue
            place = verb.head
            if place.dep_ == "pobj" and place.head.lower_ == "in" and place.head.head.pos_ == "PROPN":
                place = place.head.head  # 'Elmfield Surgery in Loughborough, where...': the practice in the town
            org = ctx.ref_for_token(view, place)
            holder = ctx.speaker_for(view, subject)
            words = view.span.doc[post.left_edge.i:post.i + 1].text
            match = re.fullmatch(r"(?:(?:a|an|the|its|our)\s+)?" + _role_re(), words, re.I)
            if org is None or org.type not in ORGANISATION_TYPES or holder is None or \
                    ctx.types.get(holder) != "Person" or match is None or (holder, org.key) in seen:
                continue
            seen.add((holder, org.key))
            found.append(Fact(holder, "holdsRole", org.key, view.sentence, "roles.where-pronoun", 0.7,
                              qualifier=_qualifier(match)))
    return found


# 'Councillor Ann Lee, who represents Tilbury ward,': the place a person holds a seat for
_REPRESENTS = re.compile(r",?\s+who\s+(?:now\s+|also\s+)?represents\s+(?:the\s+)?$"
                         # 'said Ms Quenby, MP for Brindleford and Ashby Marsh': an MP, no party named
                         r"|,\s+(?:the\s+)?(?:local\s+)?(?:MP|Member\s+of\s+Parliament)\s+for\s+(?:the\s+)?$")
_SEAT_OF_POST = re.compile(r"\bfor\s+(?P<seat>.+)$")


def _represented_seats(ctx: DocumentContext, posts: list[Fact]) -> Iterator[Fact]:
    """The place a member holds a seat for: the seat of a post ('the Liberal Democrat MP for Harbridge and
    Wexcombe'), and the place after 'who represents'."""
    text = ctx.adoc.document.text
    post_for = {(f.sentence.start, m.group("seat").casefold()): f for f in posts
                if (m := _SEAT_OF_POST.search(f.qualifier or ""))}
    seen = set()
    for view in ctx.sentences():
        refs = ctx.refs_in(view.sentence.start, view.sentence.end)
        for place in (r for r in refs if r.type == "Place"):
            holder = next((p for p in reversed(refs) if p.type == "Person" and p.mention.end <= place.mention.start
                           and _REPRESENTS.fullmatch(text[p.mention.end:place.mention.start])), None) or \
                _who_represents(ctx, view, place)
            post = post_for.get((view.sentence.start, place.mention.text.casefold()))
            if holder is not None:
                mp = re.search(r"\b(?:MP|Member\s+of\s+Parliament)\b", text[holder.mention.end:place.mention.start])
                fact = Fact(holder.key, "represents", place.key, view.sentence, "roles.who-represents", 0.75,
                            start=holder.mention.start, end=place.mention.end, qualifier="MP" if mp else None)
                council = next((r for r in refs if r.mention.start > place.mention.end and r.type == "GovernmentBody"
                                and re.fullmatch(r"\s+on\s+(?:the\s+)?", text[place.mention.end:r.mention.start])
                                and re.search(r"\b(?:Council|Borough)\b", r.mention.text)), None)
                if council is not None and (holder.key, council.key) not in seen:
                    # '... ward on Wiltshire Council': the seat is on that council
                    seen.add((holder.key, council.key))
                    yield Fact(holder.key, "holdsRole", council.key, view.sentence, "roles.ward-on-council", 0.7,
                               qualifier="councillor", start=holder.mention.start, end=council.mention.end)
            elif post is not None:
                fact = Fact(post.subject, "represents", place.key, view.sentence, "roles.seat", 0.75,
                            qualifier=post.qualifier.split(" for ")[0].split()[-1])
            else:
                continue
            if (fact.subject, fact.object) not in seen:
                seen.add((fact.subject, fact.object))
                yield fact


def _who_represents(ctx: DocumentContext, view: SentenceView, place: Ref) -> Ref | None:
    """'Councillor X, cabinet member for adult social care at Y Council, who represents Kingsmere,': the person the
    'who' clause is on, past the posts the parser may hang it on (as a relative 'who' is read everywhere)."""
    token = ctx.token_for(view, place)
    verb = token.head if token is not None and token.dep_ == "dobj" else None
    who = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "who"), None) \
        if verb is not None and verb.lemma_ == "represent" and verb.dep_ == "relcl" else None
    key = ctx.speaker_for(view, who) if who is not None else None
    return next((r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.key == key), None) \
        if key is not None and ctx.types.get(key) == "Person" else None


def _leaders(ctx: DocumentContext) -> Iterator[Fact]:
    """'GP Alliance Warwickshire is led by Dr X', 'Dr X, who leads Y': the person heads the organisation; the post
    is the one a clause on the person names ('who was appointed chief executive in 2023'), else leader."""
    for view in ctx.sentences():
        lowered = view.sentence.text.lower()
        if "lead" not in lowered and "led " not in lowered:
            continue
        for verb in view.tokens:
            if verb.lemma_ != "lead" or verb.pos_ != "VERB" or unasserted(verb):
                continue
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if passive:
                people = [agent] if (agent := passive_agent(verb)) is not None else []
                orgs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            else:
                people = [c for c in verb.children if c.dep_ == "nsubj"]
                if people and people[0].lower_ == "who" and verb.dep_ == "relcl":
                    people = [verb.head]
                orgs = [c for c in verb.children if c.dep_ == "dobj"]
            if not people or not orgs:
                continue
            person = ctx.ref_for_token(view, people[0])
            org = ctx.speaker_for(view, orgs[0])
            if person is None or person.type != "Person" or org is None or ctx.types.get(org) not in ORG_TYPES:
                continue
            post, time = _appointed_post(people[0])
            yield Fact(person.key, "holdsRole", org, view.sentence, "roles.leads", 0.7, qualifier=post or "leader",
                       time=time)


_POST_VERBS = {"be": None, "become": None, "remain": None, "serve": "as", "work": "as", "act": "as", "spend": "as",
               "replace": "as", "succeed": "as", "appoint": None, "elect": None, "name": None}
_EARLIER = {"previously", "formerly", "once", "earlier"}


def _clause_posts(ctx: DocumentContext, seen: set[tuple[str, str, int]]) -> list[Fact]:
    """'She was chair of Avon LMC from 2018 to 2023 and served as clinical director of the X PCN', 'Dr Y, 46, has
    been a partner at Z since 2012': a post the clause's subject holds, whoever the subject stands for (a name, a
    pronoun, the subject of the verb it is coordinated with), where the name-by-name rules above found none."""
    facts = []

    def keep(fact: Fact | None) -> None:
        if fact is not None and (fact.subject, fact.object, fact.sentence.start) not in seen:
            seen.add((fact.subject, fact.object, fact.sentence.start))
            facts.append(fact)

    for view in ctx.sentences():
        # 'Dr X, GP partner at Y and chair of Z, said': each post of an apposition, and those joined to it
        for person in (r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.type == "Person"):
            token = ctx.token_for(view, person)
            for post in (a for a in (token.children if token is not None else ()) if a.dep_ == "appos"):
                for each, prepositions in _joined_posts(post):
                    keep(_clause_post(ctx, view, person.key, each, False, prepositions))
        keep(_opening_appointment(ctx, view))
        for verb in view.tokens:
            if verb.lemma_ == "join" and verb.pos_ == "VERB" and not unasserted(verb):
                keep(_joined_as(ctx, view, verb))
                continue
            if verb.lemma_ in ("sit", "serve") and verb.pos_ == "VERB" and prep_objects(verb, "on"):
                keep(_sat_on(ctx, view, verb))
                continue
            preposition = _POST_VERBS.get(verb.lemma_, "")
            if verb.lemma_ == "take" and (any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children) or
                                          any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and
                                          any(c.dep_ == "dobj" and c.lower_ in _TAKEN_UP for c in verb.children)):
                preposition = "as"  # 'who took over as chair of the RCGP', 'took up post as director of X'
            if preposition == "" or verb.pos_ not in ("VERB", "AUX"):
                continue
            # ('was previously provost of X': the parser may take a post for an adjective)
            posts = [c for c in verb.children if c.dep_ in ("attr", "oprd") or c.dep_ == "acomp" and
                     c.lower_ in load_lexicon().role_names] if preposition is None else \
                prep_objects(verb, preposition)
            if not posts or unasserted(verb):
                continue
            subject = _clause_subject(verb)
            if subject is None:
                continue
            holder = ctx.speaker_for(view, subject)
            if holder is None or ctx.types.get(holder) != "Person":
                continue
            # 'previously', and 'no longer': a post held before
            earlier = any(c.dep_ == "advmod" and (c.lower_ in _EARLIER or c.lower_ == "longer" and
                                                  any(g.lower_ == "no" for g in c.children)) for c in verb.children)
            # 'who replaced Dr X as chair of Y': the one replaced held the post before
            replaced = [ctx.speaker_for(view, c) for c in verb.children if c.dep_ == "dobj"] \
                if verb.lemma_ in ("replace", "succeed") else []
            for post in (p for head in posts for p in (head, *(c for c in head.children if c.dep_ == "conj"))):
                fact = _clause_post(ctx, view, holder, post, earlier)
                if fact is None and preposition is None and post.dep_ == "attr":
                    # 'He became senior partner at X in 2006': the parser hangs the post's 'at' on the verb
                    fact = _clause_post(ctx, view, holder, post, earlier,
                                        [c for c in verb.children if c.dep_ == "prep" and c.i == post.right_edge.i + 1])
                if fact is None and preposition == "as":
                    # 'has agreed to work for Castlegate as a sessional GP': the post is in the body worked for
                    fact = _clause_post(ctx, view, holder, post, earlier,
                                        [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "at")])
                if fact is None and preposition == "as" and verb.dep_ == "relcl" and \
                        any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
                    # 'Westbourne Surgery, where she spent six years as a practice nurse': the body the clause is on
                    org = ctx.ref_for_token(view, verb.head)
                    if org is not None and org.type == "Place":
                        # 'Westbourne Surgery in Scarborough, where...': the body in the place
                        org = next((r for r in ctx.refs_in(view.sentence.start, org.mention.start)
                                    if r.type in ORG_TYPES and re.fullmatch(
                                        r"\s+in\s+", ctx.adoc.document.text[r.mention.end:org.mention.start])), None)
                    match = _post_match(" ".join(t.text for t in post.subtree))
                    if org is not None and org.type in ORG_TYPES and match is not None:
                        fact = _post_fact(holder, org.key, match, earlier, view, "roles.where", 0.75)
                if fact is None:
                    continue
                earlier_post = fact.qualifier if fact.qualifier.startswith("former ") else f"former {fact.qualifier}"
                keep(fact)
                for key in replaced:
                    if key is not None and ctx.types.get(key) == "Person" and key != holder:
                        keep(replace(fact, subject=key, qualifier=earlier_post))
    return facts


_TAKEN_UP = {"post", "role", "position", "job", "appointment"}


def _opening_appointment(ctx: DocumentContext, view: SentenceView) -> Fact | None:
    """'Elected chair of Northumberland LMC in 2009, she led it for eight years': a sentence opening on the post one
    was elected or appointed to is the post of the main clause's subject (the parser reads the participle as an
    adjective of the post, or the post as a clause)."""
    tokens = view.tokens
    if len(tokens) < 4 or tokens[0].tag_ != "VBN" or tokens[0].lemma_.casefold() not in _APPOINTED:
        return None
    roles = load_lexicon().role_last_words
    post = next((t for t in tokens[1:4] if t.lower_ in roles and t.pos_ in ("NOUN", "PROPN")), None)
    if post is None:
        return None
    root = tokens[0].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > post.right_edge.i), None)
    holder = ctx.speaker_for(view, subject) if subject is not None else None
    if holder is None or ctx.types.get(holder) != "Person":
        return None
    return _clause_post(ctx, view, holder, post, False, first=tokens[1].i)


def _clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or for a verb in a phrase hung on another ('before joining X as Y', 'after taking up post
    as Y'), the subject of the verb the phrase is hung on."""
    subject = active_subject(verb)
    if subject is None and verb.lemma_ in _APPOINTED:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # 'she was appointed chair of X'
    if subject is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        subject = _clause_subject(verb.head.head)
    if subject is None and verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and \
            not any(c.dep_ in ("dobj", "dative") for c in verb.head.children):
        subject = _clause_subject(verb.head)  # 'has agreed to work for X as Y' (not 'asked Dr X to serve as')
    return subject


def _joined_as(ctx: DocumentContext, view: SentenceView, verb: Token) -> Fact | None:
    """'Dr X joined Operose Health as medical director': the post after 'as', in the organisation joined (one that
    hires or appoints someone 'as' a post is `_appointments`')."""
    person_token = _clause_subject(verb)
    org_token = next((c for c in verb.children if c.dep_ == "dobj"), None)
    posts = prep_objects(verb, "as")
    if person_token is None or org_token is None or not posts:
        return None
    holder = ctx.speaker_for(view, person_token)
    org = ctx.ref_for_token(view, org_token)
    if holder is None or ctx.types.get(holder) != "Person" or org is None or org.type not in ORG_TYPES:
        return None
    # ('joined X as deputy director of primary care in 2022': the longest run of the post's words that names a post,
    # not the time hung on it)
    tokens = list(posts[0].subtree)
    match = next((m for m in (_post_match(" ".join(t.text for t in tokens[:n])) for n in range(len(tokens), 0, -1)
                              if tokens[n - 1].pos_ in ("NOUN", "PROPN")) if m), None)
    if match is None:
        return None
    return Fact(holder, "holdsRole", org.key, view.sentence, "roles.joined-as", 0.8, qualifier=_qualifier(match))


def _joined_posts(post: Token) -> Iterator[tuple[Token, list[Token] | None]]:
    """The post, and posts joined to it ('clinical director of X and a partner at Y'), each with the phrases that
    say where it is held: its own, or, where the parser hung the second post on the first's organisation ('GP
    partner at X and chair of Y'), the first post's phrases after it."""
    yield post, None
    joined = [(c, post) for c in post.children if c.dep_ == "conj"]
    joined += [(j, o) for p in post.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
               for j in o.children if j.dep_ == "conj" and j.pos_ == "NOUN" and j.text.islower()]
    for other, anchor in joined:
        after = [c for head in (other, anchor, post) for c in head.children if c.dep_ == "prep" and c.i > other.i]
        yield other, sorted(set(after), key=lambda c: c.i)


def _sat_on(ctx: DocumentContext, view: SentenceView, verb: Token) -> Fact | None:
    """'Dr X, who sits on the BMA's GP committee,', 'She sat on the governing body of NHS Nene CCG as a GP member':
    whoever the subject stands for holds a seat there, the post the 'as' phrase names (else member)."""
    if unasserted(verb):
        return None
    body = prep_objects(verb, "on")[0]
    org_token = next((o for p in body.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                      if o.dep_ == "pobj"), body)
    org = ctx.ref_for_token(view, org_token)
    subject = active_subject(verb)
    holder = ctx.speaker_for(view, subject) if subject is not None else None
    if org is None or org.type not in ORG_TYPES or holder is None or ctx.types.get(holder) != "Person":
        return None
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    after = ctx.adoc.document.text[view.offset(as_phrase) - 1:view.sentence.end] if as_phrase is not None else ""
    return Fact(holder, "holdsRole", org.key, view.sentence, "roles.sits-on", 0.75, qualifier=_sitting_as(after))


def _clause_post(ctx: DocumentContext, view: SentenceView, holder: str, post: Token, earlier: bool,
                 prepositions: list[Token] | None = None, first: int = 0) -> Fact | None:
    """The post a noun names ('clinical director of the X PCN') and the organisation it is in, as a fact (of the
    post's words, those from token `first` on)."""
    if prepositions is None:
        prepositions = [c for c in post.children if c.dep_ == "prep"]
    for preposition in (c for c in prepositions if c.lower_ in ("of", "at", "for")):
        org_token = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        org = ctx.ref_for_token(view, org_token) if org_token is not None else None
        if org is None or org.type not in ORG_TYPES or org.key == holder:
            continue
        # (the post's words before its organisation; all of them where the organisation comes first: 'works for X as
        # a sessional GP')
        end = preposition.i if preposition.i > post.i else post.right_edge.i + 1
        match = _post_match(_hyphenated_before(post) + " ".join(t.text for t in post.subtree if first <= t.i < end))
        if match is not None:
            return _post_fact(holder, org.key, match, earlier, view, "roles.clause", 0.8)
    # 'she served as the RCGP's honorary secretary', 'she became its practice manager': the organisation owns the post
    owner = next((c for c in post.children if c.dep_ == "poss" and (c.pos_ in ("PROPN", "NOUN") or
                                                                     c.lower_ in ("its", "their"))), None)
    org = ctx.ref_for_token(view, owner) if owner is not None else None
    if owner is None:
        # 'took over as LMC secretary in April': the post is in the LMC the page named
        owner = next((c for c in post.children if c.dep_ == "compound" and c.text.isupper() and kind_of_word(c.lower_)),
                     None)
        org = last_of_kind(ctx, kind_of_word(owner.lower_), view.offset(owner), view) if owner is not None else None
    if org is None or org.type not in ORG_TYPES or org.key == holder:
        return None
    owned = {t.i for t in owner.subtree}
    words = [t for t in post.subtree if t.i not in owned and t.i >= first]
    match = _post_match(" ".join(t.text for t in words)) or \
        _post_match(" ".join(t.text for t in words if t.i <= post.i))
    return _post_fact(holder, org.key, match, earlier, view, "roles.owned-post", 0.75) if match else None


def _post_fact(holder: str, org: str, match: re.Match, earlier: bool, view: SentenceView, rule: str,
               confidence: float) -> Fact:
    qualifier = _qualifier(match)
    if earlier and not match.group("time"):
        qualifier = f"former {qualifier}"
    return Fact(holder, "holdsRole", org, view.sentence, rule, confidence, qualifier=qualifier)


def _hyphenated_before(post: Token) -> str:
    """'vice-chair', which the parser splits into 'vice', '-' and the post: the words joined to the post by hyphens."""
    doc, i = post.doc, post.left_edge.i
    prefix = ""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        prefix = doc[i - 2].text + "-" + prefix
        i -= 2
    return prefix


def _post_match(words: str) -> re.Match | None:
    """The post a phrase names whole ('its chief medical officer', 'the clinical director for digital'), or None."""
    return re.fullmatch(r"(?:(?:the|a|an|its|their|his|her)\s+)?" + TIME + _role_re() + _PORTFOLIO, words, re.I)


_HIRING = {"appoint", "name", "hire", "recruit", "elect", "make"}
_HIRING_WORDS = ("appoint", "named", "hire", "recruit", "elected", "made", "makes", "making")


def _appointments(ctx: DocumentContext) -> Iterator[Fact]:
    """'The company has appointed a new clinical lead, Dr X', 'The board named Dr X as its chief executive', 'Dr X was
    hired by Y as its chief medical officer': the organisation that appoints gives the person the post."""
    for view in ctx.sentences():
        lowered = view.sentence.text.lower()
        if not any(word in lowered for word in _HIRING_WORDS):
            continue
        for verb in view.tokens:
            if verb.lemma_ not in _HIRING or verb.pos_ != "VERB" or unasserted(verb):
                continue
            if any(c.dep_ == "auxpass" for c in verb.children):
                # 'Dr X was hired by Y as its chief medical officer'
                subject, appointed = passive_agent(verb), next((c for c in verb.children if c.dep_ == "nsubjpass"),
                                                               None)
            else:
                subject, appointed = active_subject(verb), next((c for c in verb.children if c.dep_ == "dobj"), None)
            made = None
            if appointed is None:
                # 'The RCGP made him a fellow in 2010': the parser makes the post a clause whose subject is the person
                made = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ == "NOUN"
                             and any(_made_one(g) for g in c.children)), None)
                appointed = next((g for g in made.children if _made_one(g)), None) if made is not None else None
            elif verb.lemma_ == "make":
                continue  # 'made a loss', 'made changes': only a person made something is appointed
            if subject is None or appointed is None:
                continue
            org = ctx.speaker_for(view, subject)
            if org is None or ctx.types.get(org) not in ORG_TYPES:
                continue
            person_key = ctx.speaker_for(view, appointed) if made is not None else None
            if person_key is not None and ctx.types.get(person_key) == "Person":
                match = _post_match(" ".join(t.text for t in made.subtree if appointed.i < t.i <= made.i))
                if match and person_key != org:
                    yield Fact(person_key, "holdsRole", org, view.sentence, "roles.appointed-by", 0.75,
                               qualifier=_qualifier(match))
                continue
            person = ctx.ref_for_token(view, appointed)
            if person is not None and person.type == "Person":
                # 'appointed Dr X as chief executive'
                post = [t for o in (*prep_objects(verb, "as"), *prep_objects(appointed, "as")) for t in o.subtree]
            else:
                # 'appointed a new clinical lead, Dr X'
                named = next((c for c in appointed.children if c.dep_ == "appos"), None) or _name_after(appointed)
                person = ctx.ref_for_token(view, named) if named is not None else None
                if person is None or person.type != "Person":
                    continue
                post = [t for t in appointed.subtree if t.i < named.left_edge.i and not t.is_punct]
            match = _post_match(" ".join(t.text for t in post))
            if match and person.key != org:
                yield Fact(person.key, "holdsRole", org, view.sentence, "roles.appointed-by", 0.75,
                           qualifier=_qualifier(match))


def _name_after(post: Token) -> Token | None:
    """'had appointed a new clinical lead, Dr X, to oversee...': the name set after the post by a comma, which the
    parser may hang on a verb instead of the post."""
    doc, comma = post.doc, post.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].pos_ != "PROPN":
        return None
    name = doc[comma + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if name.dep_ in ("npadvmod", "appos") else None


def _made_one(token: Token) -> bool:
    """The one a post is given to in the parser's 'made [him a fellow]', 'made [her its honorary secretary]'."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "nsubj" or token.dep_ == "poss" and token.lower_ == "her" and following is not None and \
        following.lower_ in ("a", "an", "its", "their", "the")


def _appointed_post(person: Token) -> tuple[str | None, str | None]:
    """The post and year of 'X, who was appointed chief executive in 2023'."""
    for clause in (c for c in person.children if c.dep_ == "relcl" and c.lemma_ in _APPOINTED):
        for post in (c for c in clause.children if c.dep_ in ("oprd", "attr", "xcomp")):
            words = " ".join(t.text for t in post.subtree)
            match = re.fullmatch(r"(?:(?:its|the|a|an)\s+)?" + TIME + _role_re(), words, re.I)
            if match is None:
                continue
            year = next((y.text for p in clause.children if p.dep_ == "prep" and p.lower_ in ("in", "since")
                         for y in p.children if y.dep_ == "pobj" and re.fullmatch(r"(?:19|20)\d\d", y.text)), None)
            return _qualifier(match), year
    return None, None


_SUCCESSION = {"predecessor": "former", "successor": ""}
# posts many hold at once, which no one succeeds to: 'a member of the GP committee', 'a partner at Ridgeway Surgery'
_SHARED_POSTS = {"member", "members", "partner", "partners", "gp", "gps", "trustee", "fellow", "councillor",
                 "representative", "locum", "governor"}


def _predecessors(ctx: DocumentContext, posts: list[Fact]) -> Iterator[Fact]:
    """'His predecessor, Victoria Atkins, ...', 'X's successor was Y': Y held (or holds) the posts the text gave X."""
    for view in ctx.sentences():
        if "cessor" not in view.sentence.text:
            continue
        for token in view.tokens:
            time = _SUCCESSION.get(token.lower_)
            if time is None:
                continue
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None:
                continue
            if owner.lower_ in ("his", "her"):
                holder = ctx.speaker_for(view, owner)
            else:
                ref = ctx.ref_for_token(view, owner)
                holder = ref.key if ref is not None and ref.type == "Person" else None
            named = [c for c in token.children if c.dep_ == "appos"]
            if token.dep_ == "appos":
                named.append(token.head)
            elif token.dep_ == "nsubj" and token.head.lemma_ == "be":
                named += [c for c in token.head.children if c.dep_ == "attr"]
            people = [r for r in (ctx.ref_for_token(view, t) for t in named) if r is not None and r.type == "Person"]
            if holder is None or not people:
                continue
            held = dict.fromkeys((f.object, f.qualifier) for f in posts
                                 if f.subject == holder and f.predicate == "holdsRole" and
                                 " ".join((f.qualifier or "").casefold().split()[-1:]) not in _SHARED_POSTS)
            for org, qualifier in held:
                role = re.sub("^" + TIME, "", qualifier or "", flags=re.I)
                for person in people:
                    if person.key != holder:
                        yield Fact(person.key, "holdsRole", org, view.sentence, "roles.succession", 0.7,
                                   qualifier=f"{time} {role}".strip())


def _fellows(ctx: DocumentContext, posts: list[Fact]) -> Iterator[Fact]:
    """'Dr A, a partner at X, said... Her fellow partner Dr B said': B holds the same post where A holds it."""
    for view in ctx.sentences():
        if "fellow" not in view.sentence.text:
            continue
        for word in view.tokens:
            post = word.head
            if word.lower_ != "fellow" or word.dep_ not in ("amod", "compound") or post.pos_ != "NOUN":
                continue
            owner = next((c for c in post.children if c.dep_ == "poss"), None)
            colleague = _named_in_apposition(ctx, view, post)
            holder = ctx.speaker_for(view, owner) if owner is not None else None
            if colleague is None or holder is None or holder == colleague.key:
                continue
            held = {(f.object, f.qualifier) for f in posts if f.subject == holder and f.predicate == "holdsRole"
                    and f.qualifier and f.qualifier.split()[-1] == post.lower_
                    and not f.qualifier.startswith(("former", "previous"))}
            if len(held) == 1:
                [(org, role)] = held
                yield Fact(colleague.key, "holdsRole", org, view.sentence, "roles.fellow", 0.7, qualifier=post.lower_)


def _named_in_apposition(ctx: DocumentContext, view: SentenceView, post: Token) -> Ref | None:
    """The person a post noun is set beside ('her fellow partner Dr B', 'our senior partner, Dr B')."""
    named = [c for c in post.children if c.dep_ == "appos"] + ([post.head] if post.dep_ == "appos" else [])
    return next((r for r in (ctx.ref_for_token(view, t) for t in named) if r is not None and r.type == "Person"), None)


_OUR = re.compile(r"\b(?:[Oo]ur|[Mm]y)\b")


def _our_posts(ctx: DocumentContext, posts: list[Fact]) -> Iterator[Fact]:
    """'Our senior partner, Dr Shona Baptiste, put it more bluntly': in a column by a partner of one practice, 'our'
    post is a post at that practice."""
    for view in ctx.sentences():
        if not _OUR.search(view.sentence.text):
            continue
        for owner in (t for t in view.tokens if t.lower_ in ("our", "my") and t.dep_ == "poss"):
            post = owner.head
            if post.pos_ != "NOUN" or any(c.lower_ == "fellow" for c in post.children):
                continue
            colleague = _named_in_apposition(ctx, view, post)
            holder = ctx.speaker_for(view, owner)
            words = view.span.doc[owner.i + 1:post.i + 1].text
            match = re.fullmatch(_role_re(), words, re.I)
            if colleague is None or holder is None or holder == colleague.key or match is None:
                continue
            practices = {f.object for f in posts if f.subject == holder and f.predicate == "holdsRole"
                         and ctx.types.get(f.object) == "Practice" and not (f.qualifier or "").startswith("former")}
            if "clinical director" in match.group("role").casefold():
                # a practice's clinical director is its network's: the one network the page names, if any
                practices = {r.key for r in ctx.refs if NETWORK_NAME.search(ctx.labels.get(r.key, ""))}
            if len(practices) == 1:
                yield Fact(colleague.key, "holdsRole", practices.pop(), view.sentence, "roles.our-post", 0.7,
                           qualifier=_qualifier(match))


# bodies a speaker's description of their own employer names: 'said the company was...', 'the trust would...'
_OWN_BODY_WORDS = {"company", "firm", "provider", "trust", "organisation", "organization", "federation", "charity",
                   "practice", "surgery"}
# posts held in a practice, whose holder's 'the practice' is their own
_PRACTICE_POSTS = {"partner", "manager", "nurse", "receptionist"}


def _posts_of_the_body_spoken_for(ctx: DocumentContext, seen: set[tuple[str, int]]) -> Iterator[Fact]:
    """'In a statement, chief executive Gareth Lowery said the company was disappointed': a post named before a
    speaker's name with no body, and 'the company' the speaker speaks of, is a post in that company."""
    for view in ctx.sentences():
        for verb in view.tokens:
            if verb.pos_ != "VERB" or verb.lemma_ not in load_lexicon().cue_verbs:
                continue
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            person = ctx.ref_for_token(view, speaker) if speaker is not None else None
            if person is None or person.type != "Person" or (person.key, view.sentence.start) in seen:
                continue
            # ('Fellow partner Dr Kwame Asante-Hall said the practice...', '"...," said senior partner Dr X, who...')
            title = re.search(_title_before_speaker_re(), ctx.adoc.document.text[view.sentence.start:
                                                                                 person.mention.start], re.I)
            body = next((ctx.ref_for_token(view, c) for clause in verb.children if clause.dep_ == "ccomp"
                         for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _OWN_BODY_WORDS
                         and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)), None) or \
                _worked_at(ctx, view, speaker)
            if title is None or body is None or body.type not in ORGANISATION_TYPES or \
                    body.type == "Practice" and _qualifier(title).split()[-1].casefold() not in _PRACTICE_POSTS:
                continue  # ('CQC chief inspector Dr X said the practice was failing': not the inspector's practice)
            yield Fact(person.key, "holdsRole", body.key, view.sentence, "roles.body-spoken-for", 0.65,
                       qualifier=_qualifier(title))


@lru_cache(maxsize=1)
def _title_before_speaker_re() -> str:
    return r"(?:^|[,;]\s+|\b(?:the|its|said|says|added|adds)\s+)(?:fellow\s+)?" + _role_re() + \
        r"\s+(?:(?:%s)\.?\s+)?$" % "|".join(TITLES)


def _worked_at(ctx: DocumentContext, view: SentenceView, speaker: Token) -> Ref | None:
    """'senior partner Dr Eleanor Pryce, who has worked at the surgery for 22 years': the body the speaker's own
    clause says they work at."""
    for clause in (c for c in speaker.children if c.dep_ == "relcl" and c.lemma_ == "work"):
        for org in prep_objects(clause, "at"):
            ref = ctx.ref_for_token(view, org)
            if ref is not None and ref.type in ORGANISATION_TYPES:
                return ref
    return None


_REPLACING = {"replace", "succeed"}


def _replacements(ctx: DocumentContext, posts: list[Fact]) -> Iterator[Fact]:
    """'X has been appointed chief executive of Y, replacing Z': Z held the post before X; 'He will be succeeded
    by W', 'W will succeed him': W takes the posts the text gave him."""
    for view in ctx.sentences():
        lowered = view.sentence.text.lower()
        if "replac" not in lowered and "succe" not in lowered:
            continue
        for verb in view.tokens:
            if verb.lemma_ not in _REPLACING or verb.pos_ != "VERB" or unasserted(verb):
                continue
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
            if passive:  # 'he will be succeeded by W': W after the one named as subject
                before = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                after = passive_agent(verb)
            elif verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
                # 'X has been appointed chief executive of Y, the provider that..., replacing Z': the subject of
                # the clause the participle hangs on (the parser may hang it on the nearest noun)
                before = next((c for c in verb.children if c.dep_ == "dobj"), None)
                main = verb.head
                while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
                    main = main.head
                after = active_subject(main) or next((c for c in main.children if c.dep_ == "nsubjpass"), None)
            else:  # 'W will succeed him'
                before = next((c for c in verb.children if c.dep_ == "dobj"), None)
                after = active_subject(verb)
            if before is None or after is None:
                continue
            earlier, later = (ctx.speaker_for(view, t) for t in (before, after))
            if earlier is None or later is None or earlier == later or \
                    ctx.types.get(earlier) != "Person" or ctx.types.get(later) != "Person":
                continue
            future = any(c.lower_ in ("will", "would", "shall") for c in verb.children)
            current = [f for f in posts if f.predicate == "holdsRole" and f.qualifier and f.subject == later
                       and not f.qualifier.startswith(("former", "previous", "ex-"))]
            if not future and not any(f.sentence == view.sentence for f in current):
                # 'Dr A ... took over as chair of the RCGP this week. She formally succeeded Professor B': with no
                # post in this sentence, the one post the page gave the new holder before was the earlier one's
                given = {(f.object, re.sub("^" + TIME, "", f.qualifier, flags=re.I)) for f in current
                         if f.sentence.start < view.sentence.start}
                if len(given) == 1:
                    [(org, role)] = given
                    yield Fact(earlier, "holdsRole", org, view.sentence, "roles.replaced", 0.65,
                               qualifier=f"former {role}")
            for fact in posts:
                if fact.predicate != "holdsRole" or not fact.qualifier or fact.qualifier.startswith("former"):
                    continue
                role = re.sub("^" + TIME, "", fact.qualifier, flags=re.I)
                if fact.subject == later and not future and fact.sentence == view.sentence:
                    # the post the new holder is given in this sentence was the earlier one's
                    yield Fact(earlier, "holdsRole", fact.object, view.sentence, "roles.replaced", 0.7,
                               qualifier=f"former {role}")
                elif fact.subject == earlier:  # the earlier holder's post goes to the later one
                    yield Fact(later, "holdsRole", fact.object, view.sentence, "roles.succeeded", 0.7,
                               qualifier=f"{'incoming ' if future else ''}{role}")


def _posts(ctx: DocumentContext) -> Iterator[Fact]:
    text = ctx.adoc.document.text
    patterns = _patterns()
    implied = load_lexicon().implied_post_organisations
    for view in ctx.sentences():
        s = view.sentence
        refs = ctx.refs_in(s.start, s.end)
        people = [r for r in refs if r.type == "Person"]
        orgs = [r for r in refs if r.type in ORG_TYPES]
        for person in people:
            if person.mention.source == "coref.role-description":
                described = list(_described_post(person, orgs, text, view))
                yield from described or _national_post(ctx, person, view, implied)
                continue
            if person.mention.source == "coref.post-description":
                yield from _national_post(ctx, person, view, implied)
                continue
            for org in orgs:
                if org.key == person.key:
                    continue
                if org.mention.end <= person.mention.start:
                    between = text[org.mention.end:person.mention.start]
                    if not _adjacent(ctx, org, person):
                        continue
                    if re.fullmatch(r"\s*,\s*" + _TITLE, between, re.I):
                        # 'The new chair of the Royal College of GPs, Professor X, talks to...': the post before
                        # the organisation, the name set off after it
                        match = patterns["roles.post-of-then-name"].search(text, s.start, org.mention.start)
                        if match:
                            yield _fact(person, org, match, view, "roles.post-of-then-name", 0.85)
                    if re.fullmatch(r"['’]s\s+" + _TITLE, between, re.I):
                        # 'Kent LMC's Dr Ann Lee said': one of the organisation's people, post unsaid
                        yield Fact(person.key, "holdsRole", org.key, view.sentence, "roles.possessive-name", 0.75)
                    for rule, confidence in (("roles.title-before-name", 0.85), ("roles.possessive-copula", 0.85)):
                        match = patterns[rule].fullmatch(between)
                        if match:
                            # 'former RCGP chair X': the time word before the organisation's name
                            before = _TIME_BEFORE.search(text, max(s.start, org.mention.start - 14), org.mention.start)
                            time = before.group(1).lower() if before and not match.group("time") else None
                            yield _fact(person, _one_of_kind(ctx, org, view), match, view, rule, confidence, time)
                            # 'the Conservative MPs A and B, and C': the role goes to every coordinated name
                            for other in _coordinated(ctx, view, person, people):
                                # '... medical director Dr A and chief executive B': B's own post, in the same place
                                own = re.search(r"(?:^|\s)" + TIME + _role_re() + r"\s+" + _TITLE + r"$",
                                                text[max(s.start, other.mention.start - 40):other.mention.start], re.I)
                                yield _fact(other, org, own or match, view, rule + "-coordinated", confidence - 0.1)
                elif person.mention.end <= org.mention.start:
                    between = text[person.mention.end:org.mention.start]
                    for rule in ("roles.apposition", "roles.copula"):
                        match = patterns[rule].fullmatch(between)
                        if match:
                            yield _fact(person, _owned(orgs, org, text), match, view, rule, 0.9)
                            plural = between[match.end("role"):match.end("role") + 1].lower() == "s"
                            for other in _coordinated(ctx, view, person, people) if plural else ():
                                yield _fact(other, _owned(orgs, org, text), match, view, rule + "-coordinated", 0.8)
                    match = patterns["roles.left-post"].fullmatch(between)
                    if match:
                        yield _fact(person, org, match, view, "roles.left-post", 0.8, "former")
                    match = patterns["roles.taken-post"].fullmatch(between)
                    if match:
                        yield _fact(person, org, match, view, "roles.taken-post", 0.8)
                    if re.fullmatch(r" of (?:the )?|\s*,\s*(?:from|of) (?:the )?", between) and \
                            not re.match(r"\s+(?:to|and)\b", text[org.mention.end:s.end]):
                        # 'Dr Helen Price of Devon LMC', 'Dr X, from/of Devon LMC,': one of the organisation's people,
                        # post unsaid ('moved from X to Y' is a move, kept out by what follows)
                        yield Fact(person.key, "holdsRole", org.key, view.sentence, "roles.of", 0.7)
                    if re.fullmatch(r"\s*,\s*(?:formerly|previously|latterly)\s+(?:of|at|with)\s+(?:the\s+)?", between):
                        # 'Professor X, formerly of the University of Exeter'
                        yield Fact(person.key, "holdsRole", org.key, view.sentence, "roles.formerly-of", 0.7,
                                   qualifier="former")
                    if patterns["roles.possessive-apposition"].fullmatch(between):
                        match = patterns["roles.possessive-apposition-role"].match(text, org.mention.end, s.end)
                        if match:
                            yield _fact(person, org, match, view, "roles.possessive-apposition", 0.85)
                        match = patterns["roles.name-apposition-role"].match(text, org.mention.end, s.end)
                        if match:
                            yield _fact(person, org, match, view, "roles.name-apposition", 0.85)
                    if patterns["roles.became"].fullmatch(between):
                        match = patterns["roles.became-role"].match(text, org.mention.end, s.end)
                        if match:
                            yield _fact(person, org, match, view, "roles.became", 0.8)
                    after = text[org.mention.end:s.end]
                    match = patterns["roles.where-clause"].match(after)
                    if match and person is _nearest_before(people, org):
                        yield _fact(person, org, match, view, "roles.where-clause", 0.8)
            # a post whose organisation is implied: 'health secretary Sajid Javid'
            before = text[max(s.start, person.mention.start - 60):person.mention.start]
            match = re.search(r"(?:^|\s)" + TIME + _role_re() + r"\s*,?\s*" + _TITLE + r"$", before, re.I)
            at = person.mention.start - len(before) + match.start() if match else 0
            if match and not any(at - 4 <= o.mention.end <= at + 1 for o in orgs):
                yield from _kind_post(ctx, person, match, view, before)
            # not when an organisation's name opens the post ('RCGP chair X', 'the RCGP's chair X'): that is its post
            if not (match and match.group("role").casefold() in implied):
                apposed = patterns["roles.implied-apposition"].match(text, person.mention.end, s.end)
                if apposed and apposed.group("role").casefold() in implied:
                    match, at = apposed, person.mention.end  # 'Ann Hale, the health secretary, said'
            if match and match.group("role").casefold() in implied and not any(
                    at - 4 <= o.mention.end <= at + 1 and "," not in text[o.mention.end:at + 1] for o in orgs):
                # 'The Scottish Government will give... , Health Secretary X has announced': a government the
                # sentence names is the one the post is in
                named = [o.key for o in orgs if _government(o)] or _one_government_before(ctx, person)
                org_key = named[0] if named else _implied_org(ctx, implied[match.group("role").casefold()])
                if org_key:
                    yield Fact(person.key, "holdsRole", org_key, s, "roles.implied-organisation", 0.7,
                               qualifier=_qualifier(match))


def kind_of_word(word: str):
    """The kind of body a word of a post names ('lmc', 'trust'; 'pcn', a name word of 'network'), or None."""
    return DESCRIPTION_HEADS.get(word) or next((kind for kind in DESCRIPTION_HEADS.values() if word in kind[1]), None)


def last_of_kind(ctx: DocumentContext, kind, offset: int, view: SentenceView, head_word: str | None = None,
                  other_than: str | None = None) -> Ref | None:
    """The body of `kind` (DESCRIPTION_HEADS' types and name words) the page named last before `offset` in the
    sentence's section; with `head_word`, one whose name ends in it too ('the Harbour Practice', which the model calls
    an organisation, is a practice by its name's last word)."""
    types, name_words = kind
    types = types & ORGANISATION_TYPES  # 'contract manager' is no post in a contract
    for ref in reversed(ctx.refs_in(0, offset)):
        if ref.mention.section != view.sentence.section or ref.key == other_than:
            continue
        named = ref.mention.text.casefold()
        if ref.type in types and (not name_words or any(w in named for w in name_words)) or \
                head_word is not None and ref.type in ORGANISATION_TYPES and named.split()[-1] == head_word:
            return ref
    return None


def _one_of_kind(ctx: DocumentContext, org: Ref, view: SentenceView) -> Ref:
    """'our PCN clinical director, Dr X' after 'We are part of Kettering Rural Primary Care Network': a kind's
    acronym, which the lexicon takes for the kind in general, is the one of that kind the page named before."""
    kind = kind_of_word(org.mention.text.casefold()) if org.mention.text.isupper() else None
    return (last_of_kind(ctx, kind, org.mention.start, view, other_than=org.key) if kind else None) or org


def _kind_post(ctx: DocumentContext, person: Ref, match: re.Match, view: SentenceView, before: str
               ) -> Iterator[Fact]:
    """'practice manager Sue Bennett', 'trust chief executive X', 'Conference chair X': a post named by a kind of
    organisation is in the one of that kind the page named last before it (as 'the practice' would be)."""
    words = match.group("role").casefold().split()
    kind = DESCRIPTION_HEADS.get(words[0]) if len(words) > 1 else None
    kind_before = re.search(r"(?:^|\s)([A-Za-z]+)\s+$", before[:match.start("role")]) if not match.group("time") \
        else None
    if kind is None and kind_before is not None:
        kind = DESCRIPTION_HEADS.get(kind_before.group(1).casefold())
    ref = last_of_kind(ctx, kind, person.mention.start, view, head_word=words[0]) if kind is not None else None
    if ref is not None:
        yield Fact(person.key, "holdsRole", ref.key, view.sentence, "roles.kind-post", 0.65,
                   qualifier=_qualifier(match))


def _government(ref: Ref) -> bool:
    return ref.type == "GovernmentBody" and ref.mention.text.endswith("Government")


def _one_government_before(ctx: DocumentContext, person: Ref) -> list[str]:
    """'The Welsh Government has announced £12m... Health secretary Jeremy Miles said': the one government the page
    has named before the post, when it is not the UK's ('the Government')."""
    named = {r.key for r in ctx.refs if r.mention.start < person.mention.start and _government(r)}
    return [key for key in named if key != _implied_org(ctx, "the Government")] if len(named) == 1 else []


def _owned(orgs: list[Ref], org: Ref, text: str) -> Ref:
    """'chair of the BMA’s GP Committee': the post is in the organisation the named one owns."""
    for other in orgs:
        if other.mention.start == org.mention.end + 3 and text[org.mention.end:other.mention.start] in ("’s ", "'s "):
            return other
    return org


def _adjacent(ctx: DocumentContext, org: Ref, person: Ref) -> bool:
    return person.mention.start - org.mention.end < 60


def _national_post(ctx: DocumentContext, person: Ref, view: SentenceView, implied: dict[str, str]) -> Iterator[Fact]:
    """'the health secretary' standing for the article's one person without another post."""
    match = re.search(TIME + _role_re() + r"$", person.mention.text, re.I)
    if match is None or match.group("role").casefold() not in implied:
        return
    org_key = _implied_org(ctx, implied[match.group("role").casefold()])
    if org_key:
        yield Fact(person.key, "holdsRole", org_key, view.sentence, "roles.post-description", 0.6,
                   qualifier=_qualifier(match))


def _described_post(person: Ref, orgs: list[Ref], text: str, view: SentenceView) -> Iterator[Fact]:
    """'the medical director of GP at Hand' standing for a named person: the post, at the organisation after it."""
    match = re.search(r"(?:^|\s)" + TIME + _role_re() + r"$", person.mention.text, re.I)
    if match is None:
        return
    for org in orgs:
        if re.fullmatch(r"\s+(?:of|at|for)\s+(?:the\s+)?", text[person.mention.end:org.mention.start]):
            yield _fact(person, org, match, view, "roles.description-then-name", 0.65)
            return


def _coordinated(ctx: DocumentContext, view: SentenceView, person: Ref, people: list[Ref]) -> list[Ref]:
    """People joined to `person` by 'and' or commas in the dependency parse."""
    def first_conjunct(token):
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    head = ctx.token_for(view, person)
    if head is None:
        return []
    group = first_conjunct(head)
    out = []
    for other in people:
        token = ctx.token_for(view, other)
        if token is None or other.key == person.key or token.i == head.i:
            continue
        if first_conjunct(token).i == group.i and (token.dep_ == "conj" or head.dep_ == "conj"):
            out.append(other)
    return out


def _nearest_before(people: list[Ref], org: Ref) -> Ref | None:
    before = [p for p in people if p.mention.end <= org.mention.start]
    return before[-1] if before else None


def _implied_org(ctx: DocumentContext, name: str) -> str | None:
    from kg import iri

    term = load_lexicon().canonical().get(name.casefold())
    key = iri.entity_key("GovernmentBody", term.name if term is not None else name)
    return key if key in ctx.types else None


_TIME_BEFORE = re.compile(r"\b(former|new|interim|acting|outgoing|incoming|current|then)\s+$", re.I)


def _qualifier(match: re.Match) -> str:
    unit = (match.groupdict().get("unit") or "").strip()
    portfolio = match.groupdict().get("portfolio") or ""
    also = match.groupdict().get("also") or ""
    more = match.groupdict().get("more") or ""
    if not re.search(r"\s(?:of|for)\s", f" {match.group('role')}{portfolio} "):
        more = ""  # 'the BMA's chair and treasurer': two posts, not one portfolio going on
    role = " ".join(w if w.isupper() else w.lower()
                    for w in f"{unit} {match.group('role')}{also}{portfolio}{more}".split())
    seat = (match.groupdict().get("seat") or "").strip()
    role = f"{role} {seat}" if seat else role
    time = match.groupdict().get("time") or ("former" if match.groupdict().get("earlier") else None)
    return f"{time.lower().rstrip('-')} {role}" if time else role


def _fact(person: Ref, org: Ref, match: re.Match, view: SentenceView, rule: str, confidence: float,
          time: str | None = None) -> Fact:
    qualifier = _qualifier(match)
    return Fact(person.key, "holdsRole", org.key, view.sentence, rule, confidence,
                qualifier=f"{time} {qualifier}" if time else qualifier)

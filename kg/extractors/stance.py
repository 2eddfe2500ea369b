"""Stance: a person or organisation supports, welcomes, criticises, opposes or warns about something."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Token

from kg.extractors import register
from kg.extractors.context import (ASKING_VERBS, DocumentContext, SentenceView, acting_subject, active_subject,
                                   condition, in_distress, in_question, most_named_before, negated_below, only_possible,
                                   passive_agent, prep_objects, unasserted, verb_lemma)
from kg.extractors.opinion import NEGATIVE, POSITIVE, polarity, words_holder
from kg.extractors.recommendations import POLICY_TYPES, REMOVAL_NOUNS, REMOVAL_VERBS
from kg.lexicon import load_lexicon
from kg.model import ARTICLE, COMMENT, ORGANISATION_TYPES, Fact

AGENT_TYPES = {"Person", "Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication",
               "Commenter", "Report"}  # 'the report warned that...', 'the review criticised...'
TARGET_TYPES = AGENT_TYPES - {"Commenter"} | {"Policy", "Programme", "Legislation"}
_OBJECT_DEPS = {"dobj", "pobj", "attr", "ccomp", "xcomp", "prep"}
PROPOSAL_NOUNS = {"call", "calls", "plan", "plans", "proposal", "proposals", "move", "moves", "bid", "push",
                  "campaign", "efforts", "decision"}
# the parts of a policy: 'the requirement in the contract', 'the terms of the deal'
PART_NOUNS = {"requirement", "requirements", "part", "parts", "element", "elements", "clause", "clauses",
              "provision", "provisions", "terms", "target", "targets", "condition", "conditions"}
# what a thing is judged by: a stance on its value, success or risks is a stance on it
ASPECT_NOUNS = {"value", "need", "use", "wisdom", "point", "merits", "merit", "purpose", "effectiveness", "fairness",
                "success", "failure", "role", "benefits", "impact", "cost", "logic", "rationale", "risk", "risks",
                "danger", "dangers", "consequences", "effects", "implications", "finding", "findings",
                "conclusion", "conclusions", "recommendation", "recommendations", "proposals", "aims"}
# what someone did: a stance on one's decision or handling of something is a stance on its maker
# (and on one's appointment is on the one appointed: 'We welcome Moonraker's appointment')
CONDUCT_NOUNS = {"decision", "decisions", "handling", "failure", "refusal", "response", "approach", "conduct",
                 "treatment", "management", "appointment"}
# what a proposal would bring back or extend: the stance on the proposal is a stance on that
RESTORING_NOUNS = {"return", "restoration", "reinstatement", "revival", "expansion", "extension", "continuation",
                   "retention", "roll-out", "rollout"}


@register("stance")
def extract_stance(ctx: DocumentContext) -> Iterator[Fact]:
    verbs = {lemma: relation for relation, lemmas in load_lexicon().stance_verbs.items() for lemma in lemmas}
    sentence_rules = (_concerns, _faults, _merits, _sanctions, _stance_nouns, _stance_words, _described_as, _against,
                      _second_imperative, _responses, _distress, _disputes, _behind, _falling_short, _too_slow,
                      _reproaches, _credit, _singled_out, _pretence, _challenged, _told_to_go, _shared, _instead,
                      _campaigns, _praised_people, _motions, _harm_foreseen)
    for view in ctx.sentences():
        for rule in sentence_rules:
            yield from rule(ctx, view)
        for token in view.tokens:
            refused = verb_lemma(token, _REFUSABLE) if token.pos_ == "VERB" else None
            if refused and _plainly_negated(token):
                # 'we cannot recommend this deal', 'the BMA does not support the plan': opposition
                yield from _verb_stance(ctx, view, token, "opposes", f"not {refused}", negated=True)
                continue
            lemma = verb_lemma(token, verbs) if token.pos_ == "VERB" else None
            if lemma:
                yield from _verb_stance(ctx, view, token, verbs[lemma], lemma)
            elif token.pos_ == "VERB":
                yield from _phrasal_stance(ctx, view, token)
        yield from _backed(ctx, view)


# what a speaker or a reader says a body or a policy never, barely or does not do: 'the Carr-Hill formula does not
# reflect deprivation', 'NHS England never asks practice managers', 'the ICBs will nod along and do nothing', 'NHS
# England barely noticed', 'nobody at NHS England has done it'
_FAILING_WORDS = {"never", "not", "n't", "nothing", "nobody", "no"}
_SCANT_WORDS = {"never", "barely", "hardly", "scarcely"}
_FAILING_TEXT = re.compile(r"\b(?:%s)\b|n't" % "|".join(w for w in _FAILING_WORDS | _SCANT_WORDS if w.isalpha()),
                           re.I)
# not doing these is no failing: 'NHS England did not respond', 'the ICB did not say'
_NO_FAILING_VERBS = {"respond", "comment", "reply", "say", "confirm", "disclose", "reveal", "return"}
_WISHING_MODALS = {"should", "must", "would", "will", "wo", "ought", "may", "might", "shall"}
_WRONG = -0.25  # VADER compound of a verb and its complement at or below which not doing it is no failing
_OURS = {"our", "my"}  # 'our PCN couldn't recruit': a reader's own body in trouble, not at fault


def _denies_a_wrong(verb: Token) -> bool:
    """'has not failed patients', 'was not "unworkable"', 'has not cut funding': not doing wrong is a defence."""
    said = [verb.lemma_] + [c.lower_ for c in verb.children if c.dep_ == "acomp"]
    return polarity(" ".join(said)) <= _WRONG


def _options_kept_open(verb: Token) -> bool:
    """'has taken nothing off the table', 'has ruled nothing out': keeping every option open is no failing."""
    return any(p.dep_ == "prep" and p.lower_ == "off" and any(o.lower_ == "table" for o in p.children)
               for p in verb.children) or \
        verb.lemma_ == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _falling_short(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if not _FAILING_TEXT.search(view.sentence.text) or in_question(view.span.root):
        return
    cues = load_lexicon().cue_verbs
    for verb in view.tokens:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj", "ccomp") or \
                verb.lemma_ in _NO_FAILING_VERBS or verb_lemma(verb, cues) or \
                verb.lemma_ == "be" and any(c.dep_ == "attr" or c.dep_ == "prep" and c.lower_ == "against"
                                            for c in verb.children) or _denies_a_wrong(verb) or \
                verb.lemma_ == "be" and any(a.dep_ == "acomp" and any(t.lower_ == "too" for t in a.children)
                                            for a in verb.children):
            continue  # ('was not too slow to act' denies a fault, 'was not against pharmacies' opposition)
        if _options_kept_open(verb):
            continue
        wished = any(c.dep_ == "aux" and c.lower_ in _WISHING_MODALS for c in verb.children)
        failing = [c for c in verb.children if c.dep_ in ("neg", "dobj") and c.lower_ in _FAILING_WORDS or
                   c.dep_ == "advmod" and c.lower_ in _SCANT_WORDS]
        subject = active_subject(verb)  # (or of the verb it is joined to: 'the ICBs will nod along and do nothing')
        if subject is not None and subject.lower_ == "nobody":
            failing.append(subject)
        if not failing or subject is None or subject.pos_ == "PRON" and subject.lower_ != "nobody" or \
                any(c.dep_ == "poss" and c.lower_ in _OURS for c in subject.children):
            continue  # (a reader's 'it' may be anything the comment is about)
        holder = _own_voice(ctx, view, verb) or _reported_speaker(ctx, view, verb)
        if holder is None or not _may_hold(ctx, holder):
            continue
        if wished and (view.sentence.section == ARTICLE or holder != ctx.first_person(view.sentence)):
            continue  # a speaker's 'should not' is advice, 'would not' and 'will not' a refusal; a reader's own, scorn
        if subject.lower_ == "nobody":
            named = [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "at" for o in p.children]
        else:
            named = list(_named_by(subject))
        for ref in (r for r in (ctx.ref_for_token(view, t) for t in named) if r is not None):
            # a government body's words on the government are its own line, not a charge against it
            same_side = ref.type == "GovernmentBody" and ctx.types.get(holder) == "GovernmentBody"
            if ref.type in TARGET_TYPES and ref.type != "Person" and ref.key != holder and not same_side:
                yield Fact(holder, "criticises", ref.key, view.sentence, "stance.falling-short", 0.6,
                           cue=f"{failing[0].lower_} {verb.lemma_.casefold()}")


# charging a body with pretending, in a quotation or a comment: 'The BMA still behaves as if partners are the only
# GPs who matter', 'NHS England acts as though practices had unlimited capacity', 'The Government pretends the money
# is new', 'NHS England must think we can't do maths'
_PRETENDING = {"behave", "act"}
_WE = {"we", "us"}


def _as_if(clause: Token) -> str | None:
    """'if' or 'though' after the clause's 'as' (the parser may hang the second word elsewhere)."""
    doc = clause.doc
    for mark in (m for m in clause.children if m.dep_ == "mark" and m.lower_ == "as" and m.i + 1 < len(doc)):
        if doc[mark.i + 1].lower_ in ("if", "though"):
            return doc[mark.i + 1].lower_
    return None


def _pretence(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    for verb in view.tokens:
        # (its own 'as if' is no condition: unasserted would read it as one)
        if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "ccomp", "conj") or in_question(verb) or \
                any(c.dep_ == "neg" for c in verb.children):
            continue
        if verb.lemma_ in _PRETENDING:
            clause = next((c for c in verb.children if c.dep_ == "advcl" and _as_if(c)), None)
            cue = f"{verb.lemma_} as {_as_if(clause)}" if clause is not None else ""
        elif verb.lemma_ == "pretend":
            clause, cue = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None), "pretend"
        elif verb.lemma_ == "think" and any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children):
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and any(
                s.dep_ == "nsubj" and s.lower_ in _WE for s in c.children)), None)
            cue = "must think we"
        else:
            continue
        # ('"Largest cash increase in years" - NHS England must think...': the parser gives it two subjects)
        subject = acting_subject([c for c in verb.children if c.dep_ == "nsubj"], verb)
        target = ctx.ref_for_token(view, subject) if clause is not None and subject is not None else None
        if target is None or target.type not in TARGET_TYPES:
            continue
        speaker = _own_voice(ctx, view, verb)
        if speaker is not None and speaker != target.key:
            yield Fact(speaker, "criticises", target.key, view.sentence, "stance.pretence", 0.65, cue=cue)


# telling the reader to do away with something, in a comment or a quotation: 'Scrap the CQC ratings', 'Abolish the
# QOF now', 'Just bin the PCN DES'
_DO_AWAY = {"scrap", "abolish", "axe", "ditch", "dismantle", "end", "bin"}
_OPENING_QUOTES = {'"', "“", "‘", "'"}


def _told_to_go(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    root = view.span.root
    # the sentence's own verb, or the quoted one a verb of saying reports ('"Scrap the QOF," said Dr X')
    verb = next((v for v in (root, *(c for c in root.children if c.dep_ in ("ccomp", "xcomp")))
                 if v.lemma_ in _DO_AWAY), None)
    if verb is None or verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "aux", "neg") for c in verb.children):
        return
    opening = max((t.i for t in view.tokens if t.i < verb.i and t.text in _OPENING_QUOTES), default=view.span.start - 1)
    if any(t.pos_ not in ("ADV", "INTJ", "PUNCT") for t in view.tokens if opening < t.i < verb.i):
        return  # not the first word of the sentence or of its quotation: no command
    speaker = _own_voice(ctx, view, verb)
    for thing in (c for c in verb.children if c.dep_ == "dobj"):
        named = [r for r in ctx.refs_under(view, thing) if r.type in TARGET_TYPES]
        if named and speaker is not None and named[0].key != speaker:
            yield Fact(speaker, "opposes", named[0].key, view.sentence, "stance.do-away", 0.65, cue=verb.lemma_)


# a reader's challenge to explain something: 'Can someone at DHSC explain how ARRS money helps when we have no
# rooms?', 'Could anyone explain why the QOF still pays for blood pressure checks?'
_ANYONE = {"someone", "anyone", "somebody", "anybody"}


def _challenged(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    root = view.span.root
    if view.sentence.section != COMMENT or root.lemma_ != "explain" or not view.sentence.text.rstrip().endswith("?") \
            or not any(c.dep_ == "nsubj" and c.lower_ in _ANYONE for c in root.children):
        return
    reader = ctx.first_person(view.sentence)
    for clause in (c for c in root.children if c.dep_ == "ccomp"):
        asked = next((a.lower_ for a in clause.children if a.dep_ == "advmod" and a.lower_ in ("how", "why")), None)
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and asked):
            named = [r for r in ctx.refs_under(view, subject) if r.type in TARGET_TYPES]
            if named and reader is not None and named[0].key != reader:
                yield Fact(reader, "criticises", named[0].key, view.sentence, "stance.challenge", 0.6,
                           cue=f"explain {asked}")


# 'The report singles out NHS Humber and North Yorkshire ICB for praise': what it is singled out for says the stance
_SINGLED_OUT_FOR = {"praise": "supports", "commendation": "supports", "criticism": "criticises",
                    "censure": "criticises", "blame": "criticises", "condemnation": "criticises"}


def _singled_out(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if "singl" not in view.sentence.text:
        return
    for verb in view.tokens:
        if verb.lemma_ != "single" or not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) or \
                unasserted(verb):
            continue
        relation = next((_SINGLED_OUT_FOR[o.lower_] for o in prep_objects(verb, "for") if o.lower_ in _SINGLED_OUT_FOR),
                        None)
        target = next((ctx.ref_for_token(view, c) for c in verb.children if c.dep_ == "dobj"), None)
        agent = _agent_up(ctx, view, verb) if relation and target is not None else None
        if agent is not None and agent != target.key and target.type in TARGET_TYPES:
            yield Fact(agent, relation, target.key, view.sentence, "stance.singled-out", 0.7, cue="single out")


# 'Credit to the Health Foundation for doing the sums properly', 'Hats off to the practice', 'Good luck to Dr X':
# praise or good wishes given to someone
_CREDIT = re.compile(r"\b(?:credit|kudos|hats off|well done|thanks|thank you|respect|congratulations|congrats|"
                     r"(?:good|best of) luck)\s+to\s+", re.I)


def _credit(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    text = view.sentence.text
    match = _CREDIT.search(text) if "to" in text else None
    if match is None or in_question(view.span.root) or re.search(r"\bno\s+$", text[:match.start()], re.I):
        return  # 'No thanks to NHS England' is no praise
    at = view.sentence.start + match.end()
    holder = words_holder(ctx, view, at)
    target = next((r for r in ctx.refs_in(at, at + 60) if r.mention.start - at <= 4), None)
    if holder is None or target is None or target.key == holder or target.type not in TARGET_TYPES or \
            "luck" in match.group(0).lower() and target.type != "Person":
        return  # ('Good luck to NHS England finding GPs': luck wished on a body is as often scorn)
    yield Fact(holder, "supports", target.key, view.sentence, "stance.credit", 0.6, cue=match.group(0).strip().lower())


# what a body was too slow, too late or too timid to do: a charge against it
_TOO_WHAT = {"slow", "late", "timid", "cautious", "quick", "ready", "eager", "keen", "complacent"}


def _fault_of_pace(verb: Token) -> Token | None:
    """The word of 'too slow', 'too long' ('took far too long to act') or 'no better' on the verb, or None."""
    if verb.lemma_ == "take":
        return next((a for a in verb.children if a.dep_ in ("advmod", "npadvmod", "dobj") and a.lower_ == "long"
                     and any(c.dep_ == "advmod" and c.lower_ == "too" for c in a.children)), None)
    return next((a for a in verb.children if a.dep_ == "acomp" and (
        a.lower_ in _TOO_WHAT and any(c.dep_ == "advmod" and c.lower_ == "too" for c in a.children) or
        # 'The Care Quality Commission is no better': as bad as the one just blamed
        a.lower_ == "better" and any(c.dep_ in ("neg", "advmod", "det") and c.lower_ == "no" for c in a.children))),
        None)


def _too_slow(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The GMC has been far too slow to say what PAs can do', 'NHS England was too quick to blame practices', 'The
    BMA took far too long to wake up to this': in someone's own words, what a body was too slow (or too quick) to do
    finds fault with it."""
    if "too" not in view.sentence.text and "no better" not in view.sentence.text:
        return
    for verb in view.tokens:
        if verb.lemma_ not in ("be", "take") or any(c.dep_ == "neg" for c in verb.children) or in_question(verb):
            continue
        fault = _fault_of_pace(verb)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if fault is None or subject is None or subject.pos_ == "PRON":
            continue
        target = ctx.ref_for_token(view, subject)
        holder = words_holder(ctx, view, view.offset(verb))
        if target is None or holder is None or target.key == holder or target.type not in TARGET_TYPES:
            continue
        yield Fact(holder, "criticises", target.key, view.sentence, "stance.too-slow", 0.6,
                   cue="no better" if fault.lower_ == "better" else f"too {fault.lower_}")


def _reproaches(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The ICB should never have awarded this contract', 'The RCGP should have fought this years ago': in someone's
    own words, what a body should have done reproaches it ('should be asking whether...' is as often a demand)."""
    if "should" not in view.sentence.text and "ought" not in view.sentence.text:
        return
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb.tag_ != "VBN" or in_question(verb):
            continue
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if not any(a in ("should", "ought") for a in auxiliaries) or "have" not in auxiliaries:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        target = ctx.ref_for_token(view, subject) if subject is not None and subject.pos_ != "PRON" else None
        holder = words_holder(ctx, view, view.offset(verb))
        if target is None or holder is None or target.key == holder or \
                target.type not in ORGANISATION_TYPES | {"Person"}:
            continue
        yield Fact(holder, "criticises", target.key, view.sentence, "stance.reproach", 0.6, cue="should have")


# 'Fully behind the Devon LMC motion', 'the college is firmly behind the plan': standing behind someone backs them
_BEHIND = re.compile(r"\b(?:fully|firmly|right|squarely|wholeheartedly|totally|completely|100%|solidly|four-square)"
                     r"\s+behind\b", re.I)


def _behind(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    match = _BEHIND.search(view.sentence.text) if "behind" in view.sentence.text else None
    if match is None:
        return
    word = next((t for t in view.tokens if t.lower_ == "behind" and view.offset(t) >= view.sentence.start +
                 match.start()), None)
    if word is None or word.head.lemma_ not in ("be", "stand", "remain", "get", "behind") and word.dep_ != "ROOT":
        return
    targets = [r for o in word.children if o.dep_ == "pobj" for r in ctx.refs_under(view, o)
               if r.type in TARGET_TYPES]
    subject = next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if word.dep_ != "ROOT" else None
    holder = ctx.speaker_for(view, subject) if subject is not None else \
        words_holder(ctx, view, view.offset(word))
    if holder is None or not _may_hold(ctx, holder) or \
            any(c.dep_ == "neg" for c in word.head.children):
        return
    for key in dict.fromkeys(r.key for r in targets):
        if key != holder:
            yield Fact(holder, "supports", key, view.sentence, "stance.behind", 0.65, cue=match.group(0).lower())


# support withheld in so many words is opposition
_REFUSABLE = {"support", "back", "endorse", "accept", "recommend", "welcome", "approve"}


def _plainly_negated(verb: Token) -> bool:
    """'does not support', 'cannot recommend': the verb itself negated, in a statement, on no condition."""
    return any(c.dep_ == "neg" for c in verb.children) and not in_question(verb) and \
        not any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in verb.children) and \
        not any(condition(c) for c in verb.children)


@lru_cache(maxsize=1)
def _and_imperative() -> re.Pattern:
    """'... and back X': 'and', a stance verb of the lexicon in its base form, and the name after it."""
    verbs = "|".join(sorted((v for lemmas in load_lexicon().stance_verbs.values() for v in lemmas), key=len,
                            reverse=True))
    return re.compile(r"\band\s+(?P<verb>%s)\s+(?:the\s+)?" % verbs, re.I)


def _second_imperative(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Vote yes in the ballot and back GPC England': the second of two commands, which the parser may read as an
    adverb ('back') hanging anywhere, is the writer's stance on the name right after it."""
    first = view.tokens[0] if view.tokens else None
    if first is None or first.tag_ != "VB" or any(c.dep_ in ("nsubj", "aux") for c in first.children):
        return
    holder = ctx.first_person(view.sentence)
    relations = {lemma: rel for rel, lemmas in load_lexicon().stance_verbs.items() for lemma in lemmas}
    for match in _and_imperative().finditer(view.sentence.text):
        at = view.sentence.start + match.end()
        target = next((r for r in ctx.refs_in(at, view.sentence.end) if r.mention.start == at), None)
        if target is not None and holder is not None and target.type in TARGET_TYPES:
            yield Fact(holder, relations[match.group("verb").lower()], target.key, view.sentence, "stance.imperative",
                       0.65, cue=match.group("verb"))


def _imperative(verb: Token) -> bool:
    """'Vote yes in the ballot and back GPC England': a bare verb with no subject, heading its sentence."""
    def bare(token: Token) -> bool:
        return token.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                              for c in token.children)
    return bare(verb) and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and bare(verb.head))


def _verb_stance(ctx: DocumentContext, view: SentenceView, verb: Token, relation: str, lemma: str,
                 negated: bool = False) -> Iterator[Fact]:
    if (in_question(verb) if negated else unasserted(verb)) or only_possible(verb):
        return  # 'The BMA could support the contract' takes no stance
    if lemma == "agree" and any(c.dep_ == "dobj" for c in verb.children):
        return  # 'agreed a deal with NHS England', 'the deal that the BMA agreed with...': a bargain, not support
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        yield from _passive_stance(ctx, view, verb, passive, relation, lemma)
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # 'the plan, which Cornwall LMC also opposes': the parser gives the clause two subjects, the pronoun its object
    misread = next((c for c in subjects if c.tag_ == "WDT"), None) if verb.dep_ == "relcl" and len(subjects) > 1 \
        else None
    if misread is not None:
        subjects.remove(misread)
    if subjects and verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in ASKING_VERBS:
        # 'The BMA wants us to support X', 'urged ministers to reject it': who asks for the stance holds it
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects:
            return
    if not subjects and verb.dep_ == "conj" and condition(verb.head) and \
            any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.head.children if c.i < verb.i):
        # 'X voted for action if the government fails to agree a contract, but rejected Y': the parser joins the
        # verb to the condition; it goes on from the main clause
        subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
        if not subjects:
            return
    if not subjects and (verb.dep_ in ("conj", "xcomp") or verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        # '..., warning that X': a participle's subject is its clause's
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
            verb.head.lower_ == "in" and verb.head.head.lemma_ == "be":
        # 'the board had been unanimous in backing X's bid': who was of one mind in it
        subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
    if not subjects and _imperative(verb):
        agent = ctx.first_person(view.sentence)  # the writer urges it: their own stance
    elif not subjects:
        return
    else:
        agent = ctx.speaker_for(view, acting_subject(subjects, verb))
    if agent is None or ctx.types.get(agent, "Commenter") not in AGENT_TYPES:
        return
    seen: set[str] = set()
    for child in [c for c in verb.children if c.dep_ in _OBJECT_DEPS] + ([misread] if misread is not None else []):
        if relation in ("warnsAbout", "advisesCautionOn") and child.dep_ == "dobj":
            continue  # 'warned the ICB that...', 'cautioned ministers': who is warned, not what about
        for tok in _object_heads(child):
            ref = ctx.ref_for_token(view, tok)
            target = ref.key if ref else _report_part(ctx, view, tok) or _policy_aspect(ctx, view, tok)
            if target is None or target == agent or target in seen or ctx.types.get(target) not in TARGET_TYPES:
                continue
            if child.dep_ == "prep" and child.lower_ == "in" and ctx.types.get(target) in ("Report", "Publication"):
                continue  # 'has warned in its annual State of Care report': where it says so, not what about
            seen.add(target)
            yield Fact(agent, relation, target, view.sentence, "stance.verb", 0.75, cue=lemma)


# what a report is made of: 'welcomed the findings' after a report is named welcomes that report
REPORT_PARTS = {"findings", "recommendations", "conclusions", "proposals"}


# what a report says, owned by the report: 'welcomed the report's focus on inequality'
_REPORT_SAYINGS = REPORT_PARTS | {"focus", "emphasis", "verdict", "finding", "conclusion", "recommendation", "call",
                                  "analysis", "message", "tone"}


def _report_part(ctx: DocumentContext, view: SentenceView, token: Token) -> str | None:
    """The report that 'the findings' or 'its recommendations', owned by nothing named, belong to; and the one whose
    'focus' or 'verdict' it is ('the report's focus on inequality')."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is not None and token.lower_ in _REPORT_SAYINGS:
        report = ctx.ref_for_token(view, owner)
        return report.key if report is not None and report.type == "Report" else None
    if token.lower_ not in REPORT_PARTS or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their")
                                                   for c in token.children) or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    report = most_named_before(ctx, view, token, {"Report"})
    offset = view.offset(token)
    # ('Meridian said it accepted the findings' of an inspection, three items down a news round-up from a report):
    # findings are a report's only while it is still being talked about
    recent = any(r.key == report and offset - _RECENT_REPORT_CHARS <= r.mention.start < offset for r in ctx.refs)
    return report if recent else None


_RECENT_REPORT_CHARS = 1500


# what a plan sets out to do, and its announcement: 'We support the direction of travel' is support for the plan the page
# is about
POLICY_ASPECTS = {"direction", "ambition", "ambitions", "vision", "principle", "principles", "thrust", "intent",
                  "announcement"}


# what someone announces: with no owner named, a stance on 'the announcement' or 'the measures' is on its announcer
_ANNOUNCED = {"announcement", "decision", "measures", "move"}


def _policy_aspect(ctx: DocumentContext, view: SentenceView, token: Token) -> str | None:
    """The policy that 'the direction of travel', 'its ambitions' or 'the principle', owned by nothing named, belong
    to: the one the page names most so far."""
    if token.lower_ in _ANNOUNCED and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and \
            not any(c.dep_ in ("prep", "poss") for c in token.children):
        # 'welcomed the announcement', 'criticised the decision to rename the role', 'the measures did not go far
        # enough': the stance is on who announced it, the page's first announcer
        announcer = _announcer(ctx, view)
        if announcer is not None or token.lower_ != "announcement":
            return announcer
    if token.lower_ not in POLICY_ASPECTS or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their")
                                                     for c in token.children):
        return None
    owned = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    if any(o.lower_ != "travel" for o in owned):
        return None  # 'the principle of continuity' is about continuity
    return most_named_before(ctx, view, token, {"Policy", "Programme"})


def _announcer(ctx: DocumentContext, before: SentenceView) -> str | None:
    """Who the page first says announced something ('..., the health secretary has announced.')."""
    for view in ctx.sentences():
        if view.sentence.start >= before.sentence.start:
            return None
        if "announc" not in view.sentence.text:
            continue
        for verb in view.tokens:
            if verb.lemma_ == "announce" and verb.pos_ == "VERB" and not unasserted(verb):
                subject = active_subject(verb)
                key = ctx.speaker_for(view, subject) if subject is not None else None
                if key is not None and ctx.types.get(key) in AGENT_TYPES:
                    return key
    return None


def _passive_stance(ctx: DocumentContext, view: SentenceView, verb: Token, subject: Token, relation: str,
                    lemma: str) -> Iterator[Fact]:
    """'The provider was criticised by Cornwall LMC': the agent holds the stance toward the subject ('was warned
    by' names who is warned, not what about, and is left out)."""
    if relation in ("warnsAbout", "advisesCautionOn"):
        return
    by = passive_agent(verb)
    agent = ctx.speaker_for(view, by) if by is not None else None
    if agent is None or ctx.types.get(agent, "Commenter") not in AGENT_TYPES:
        return
    seen: set[str] = set()
    for tok in _object_heads(subject):
        ref = ctx.ref_for_token(view, tok)
        if ref is None or ref.key == agent or ref.key in seen or ref.type not in TARGET_TYPES:
            continue
        seen.add(ref.key)
        yield Fact(agent, relation, ref.key, view.sentence, "stance.passive", 0.7, cue=lemma)


def _object_heads(token: Token) -> Iterator[Token]:
    """The object noun, and nouns joined to it by 'and' or hanging off it by 'of'."""
    if token.dep_ == "prep":
        for pobj in (c for c in token.children if c.dep_ == "pobj"):
            yield from _object_heads(pobj)
        return
    if token.tag_ == "WDT" and token.head.dep_ == "relcl" and token.head.head.i < token.i:
        # 'the CQC, which he accuses of ...', 'the plan, which the BMA opposes': the noun the clause is on
        yield from _object_heads(token.head.head)
        return
    yield token
    # 'embrace what is good about GP at Hand': the free relative's nouns are what the stance is on
    if token.tag_ in ("WP", "WDT"):
        yield from (t for t in token.head.subtree if t.pos_ in ("PROPN", "NOUN"))
    elif token.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in token.children):
        yield from (t for t in token.subtree if t.pos_ in ("PROPN", "NOUN"))
    elif token.tag_ == "VBG" and token.dep_ in ("xcomp", "dobj", "pcomp") and verb_lemma(token, REMOVAL_VERBS) is None:
        # 'supports bringing back the MPIG': the stance is on what the gerund acts on ('opposes scrapping the QOF'
        # is no stance on the QOF that this reading could tell)
        for child in token.children:
            if child.dep_ == "dobj":
                yield from _object_heads(child)
    elif token.dep_ == "ccomp" and token.pos_ in ("VERB", "AUX"):
        # 'warned that the ARRS needed reform': the reported clause's subject is what the warning is about
        # the parser sometimes hangs the subject on the auxiliary ('that the QOF is failing')
        for child in (*token.children, *(g for c in token.children if c.dep_ == "aux" for g in c.children)):
            if child.dep_ in ("nsubj", "nsubjpass") or child.dep_ == "attr" and child.lower_ in PART_NOUNS:
                # '... that workforce would be the hardest part of the strategy': the part's policy too
                yield from _object_heads(child)
    if token.lower_ in PART_NOUNS:
        # 'warned that the requirement in the 2025/26 GP contract risked...': a stance on a policy's part is on it
        for pobj in (o for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "of", "under")
                     for o in p.children if o.dep_ == "pobj"):
            yield from _object_heads(pobj)
    if token.lower_ in ("way", "manner"):
        # 'criticised the way the ICB had handled the change': the stance is on the one whose way it was ('the way
        # it has been run': on what is run)
        for clause in (c for c in token.children if c.dep_ == "relcl"):
            yield from (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    if token.lower_ in ASPECT_NOUNS:
        # 'questioned the value of the QOF', 'praised the success of the scheme', 'agree with its central finding':
        # the stance is on what it is of, or whose it is
        for pobj in (o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                     if o.dep_ == "pobj"):
            yield from _object_heads(pobj)
        yield from (c for c in token.children if c.dep_ == "poss")
    for child in token.children:
        if child.dep_ == "conj":
            yield from _object_heads(child)
        if child.dep_ == "compound":
            yield child
        if child.dep_ == "prep" and child.lower_ == "by" and token.pos_ == "NOUN":
            # 'condemned the decision by the ICB to close the practice': the stance is on the one who decided
            yield from (o for o in child.children if o.dep_ == "pobj")
        if child.dep_ == "poss" and (token.lower_ in CONDUCT_NOUNS or token.lower_ in PROPOSAL_NOUNS):
            # 'attacked the Government's decision', 'criticised NHS England's handling of the rollout', 'backed the
            # BMA's call for a pause': its maker's
            yield child
        if token.lemma_ in RESTORING_NOUNS and child.dep_ == "prep" and child.lower_ in ("to", "of"):
            # 'calls for a return to the MPIG', 'the expansion of the ARRS': the stance is on what is brought back
            for pobj in (o for o in child.children if o.dep_ == "pobj"):
                yield from _object_heads(pobj)
        if token.lower_ in PROPOSAL_NOUNS and token.pos_ == "NOUN":
            # 'backed calls for a review of X', 'welcomed plans to expand the ARRS': the stance is on what is proposed
            # (not on what a proposal would remove: 'backed plans to scrap the QOF')
            if child.dep_ == "prep" and child.lower_ == "for":
                for pobj in (o for o in child.children if o.dep_ == "pobj"):
                    yield from _object_heads(pobj)
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and verb_lemma(child, REMOVAL_VERBS) is None \
                    and any(a.lower_ == "to" for a in child.children):
                for obj in (o for o in child.children if o.dep_ == "dobj"):
                    yield from _object_heads(obj)
                # 'welcomed the decision to let PCNs recruit GPs through the ARRS': and the scheme it is done by
                for means in (t for t in child.subtree if t.dep_ == "prep" and t.lower_ in ("through", "via", "under")
                              and not any(verb_lemma(v, REMOVAL_VERBS) for v in t.ancestors if v.i != token.i
                                          and v.pos_ == "VERB")):
                    yield from (o for o in means.children if o.dep_ == "pobj")


_ASKING_WORDS = {"whether", "how", "why", "what", "when", "if"}

# phrasal verbs of stance: (verb, particle or noun, preposition) -> relation; 'hit out at', 'call on ... to'
PHRASAL_STANCE = {
    ("hit", "out", "at"): "criticises", ("lash", "out", "at"): "criticises", ("take", "aim", "at"): "criticises",
    ("round", "", "on"): "criticises", ("cast", "doubt", "on"): "criticises", ("throw", "doubt", "on"): "criticises",
    ("take", "issue", "with"): "criticises", ("hit", "back", "at"): "criticises", ("pour", "water", "on"): "criticises",
    ("raise", "questions", "about"): "criticises", ("raise", "questions", "over"): "criticises",
    ("rail", "", "against"): "criticises", ("speak", "out", "against"): "opposes",
    ("point", "finger", "at"): "criticises",
    # 'laid much of the blame at Stormont's door', 'put the blame on NHS England'
    ("lay", "blame", "at"): "criticises", ("lay", "blame", "on"): "criticises", ("put", "blame", "at"): "criticises",
    ("put", "blame", "on"): "criticises", ("place", "blame", "at"): "criticises",
    ("place", "blame", "on"): "criticises", ("pin", "blame", "on"): "criticises",
    ("call", "", "on"): "urges", ("call", "", "upon"): "urges", ("urge", "", ""): "urges", ("press", "", ""): "urges",
    ("throw", "weight", "behind"): "supports", ("get", "", "behind"): "supports", ("argue", "", "for"): "supports",
    ("campaign", "", "for"): "supports", ("fight", "", "for"): "supports", ("stand", "", "by"): "supports",
    ("argue", "", "against"): "opposes", ("campaign", "", "against"): "opposes", ("lobby", "", "against"): "opposes",
    ("come", "out", "against"): "opposes", ("push", "back", "against"): "opposes", ("fight", "", "against"): "opposes",
    ("sign", "off", ""): "supports", ("push", "", "for"): "supports", ("lobby", "", "for"): "supports",
    ("hold", "up", ""): "supports",  # 'holds up Pharmacy First as proof that...' (not 'held up the contract')
}


def _phrasal_stance(ctx: DocumentContext, view: SentenceView, verb: Token) -> Iterator[Fact]:
    lemma = verb_lemma(verb, {v for v, _, _ in PHRASAL_STANCE})
    if lemma is None or unasserted(verb):
        return
    if lemma == "press" and any(p.dep_ == "prep" and p.lower_ in ("on", "over", "about") and
                                any(t.lower_ in _ASKING_WORDS for t in p.subtree) for p in verb.children):
        return  # 'pressed Dr X on whether...' questions her ('pressed ministers on its recommendation' urges them)
    if lemma == "hold" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return
    middles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "dobj", "advmod")} | {""}
    # ('laid much of the blame at...': the noun after a quantity)
    middles |= {o.lower_ for c in verb.children if c.dep_ == "dobj" for p in c.children
                if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"}
    for middle in middles:
        for (v, mid, prep), relation in PHRASAL_STANCE.items():
            if v != lemma or mid != middle:
                continue
            # the parser may hang 'on NHS England' on the particle itself, or 'about X' on the noun ('raised
            # questions about X')
            holders = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == mid]
            objects = [c for c in verb.children if c.dep_ == "dobj"] if not prep else \
                [o for h in holders for p in h.children if p.dep_ in ("prep", "prt") and p.lower_ == prep
                 for o in p.children if o.dep_ == "pobj"]
            # ('at Stormont's door', 'at the door of NHS England': whose door it is)
            objects = [next((d for d in o.children if d.dep_ == "poss"), None) or
                       next((d for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for d in p.children
                             if d.dep_ == "pobj"), o) if o.lower_ == "door" else o for o in objects]
            if not objects:
                continue  # 'campaigned for' is not what 'campaigned against X' says
            agent = _agent_up(ctx, view, verb)
            if agent is None:
                return
            for obj in objects:
                ref = ctx.ref_for_token(view, obj)
                if ref is not None and ref.key != agent and ref.type in TARGET_TYPES:
                    yield Fact(agent, relation, ref.key, view.sentence, "stance.phrasal", 0.75,
                               cue=" ".join(w for w in (lemma, mid, prep) if w))
            return


def _agent_up(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    """The verb's subject, or for a coordinated verb the nearest ancestor's subject that names someone
    ('X said the deadline was reckless and called on Y': X calls on Y, not the deadline)."""
    head = verb
    for _ in range(_CLIMB):
        for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
            agent = ctx.speaker_for(view, subject) or _subject_ref(ctx, view, subject)
            if agent is not None and ctx.types.get(agent, "Commenter") in AGENT_TYPES:
                return agent
        if head.dep_ == "acl" and head.i > head.head.i:
            # 'Its chief executive, Louise Ansari, called on...', which the parser reads as a noun phrase
            agent = ctx.speaker_for(view, head.head)
            return agent if agent is not None and ctx.types.get(agent, "Commenter") in AGENT_TYPES else None
        if head.dep_ not in ("conj", "ccomp", "xcomp") or head.head.i == head.i:
            return None
        head = head.head
    return None


def _subject_ref(ctx: DocumentContext, view: SentenceView, subject: Token) -> str | None:
    refs = ctx.refs_under(view, subject, AGENT_TYPES)
    return refs[-1].key if refs else None


CONCERN_NOUNS = {"concern", "fear", "worry", "warning", "reservation", "doubt", "alarm", "caution"}
# 'urged caution over X' is wariness, not a warning
CAUTION_NOUNS = {"caution"}
_CLIMB = 4  # heads to climb from the noun to the clause whose subject holds the concern


def _concerns(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Papers from X have shown that there are concerns about paying for the service', 'X raised fears over Y':
    the subject of the clause around the concern warns about what the concern is about."""
    for noun in view.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.casefold() not in CONCERN_NOUNS:
            continue
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "regarding", "on",
                                                                               "around", "against")]
        if not preps:
            continue
        targets = ctx.refs_under(view, preps[0], TARGET_TYPES)
        holder = _clause_subject(ctx, view, noun)
        if holder is None and view.sentence.section != ARTICLE and not any(
                t.pos_ in ("VERB", "AUX") for t in noun.ancestors):
            # a reader's verbless 'A word of caution about X.', 'Serious concerns about the ARRS.': their own
            holder = ctx.first_person(view.sentence)
        for target in dict.fromkeys(r.key for r in targets[:1]):
            if holder and holder != target:
                relation = "advisesCautionOn" if noun.lemma_.casefold() in CAUTION_NOUNS else "warnsAbout"
                yield Fact(holder, relation, target, view.sentence, "stance.concern-about", 0.65,
                           cue=noun.lemma_.casefold())


def _clause_subject(ctx: DocumentContext, view: SentenceView, token: Token) -> str | None:
    """The agent of the clause around a noun: its nearest verb's subject, climbing as `_agent_up` does."""
    head = token
    for _ in range(_CLIMB):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return _agent_up(ctx, view, head)
    return None


# 'The BMA should be balloting members, not running surveys', 'NHS England ought to fund GPs rather than hubs': what a
# body should do instead of what it does is a charge against it
_INSTEAD = re.compile(r",?\s+(?:not|rather\s+than|instead\s+of)\s+\w", re.I)
_ADVISING = {"should", "ought", "must"}


def _instead(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if not _INSTEAD.search(view.sentence.text):
        return
    text = ctx.adoc.document.text
    for verb in view.tokens:
        if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in _ADVISING
                                                        for c in verb.children) or in_question(verb):
            continue
        end = view.offset(verb.right_edge) + len(verb.right_edge.text)
        if not _INSTEAD.search(text, view.offset(verb), end) or any(c.dep_ == "neg" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        holder = _own_voice(ctx, view, verb) or _reported_speaker(ctx, view, verb)
        if subject is None or holder is None or not _may_hold(ctx, holder):
            continue
        for ref in (r for r in (ctx.ref_for_token(view, t) for t in _named_by(subject)) if r is not None):
            if ref.type in ORGANISATION_TYPES and ref.key != holder:
                yield Fact(holder, "criticises", ref.key, view.sentence, "stance.instead", 0.6, cue="should, not")


# 'led the campaign against the CCG's proposal to close the unit', 'launched a petition against the closure': one
# who leads or joins a fight against something opposes it
_FIGHT_NOUNS = {"campaign", "fight", "battle", "petition", "protest", "crusade", "challenge"}


def _campaigns(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if " against " not in view.sentence.text:
        return
    for noun in view.tokens:
        if noun.lower_.rstrip("s") not in _FIGHT_NOUNS or noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "pobj"):
            continue
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head  # 'led the campaign', 'took part in the fight'
        if verb.pos_ != "VERB" or unasserted(verb):
            continue
        subject = active_subject(verb)
        holder = ctx.speaker_for(view, subject) if subject is not None else None
        if holder is None or not _may_hold(ctx, holder):
            continue
        for target in (o for against in prep_objects(noun, "against") for o in _object_heads(against)):
            ref = ctx.ref_for_token(view, target)
            if ref is not None and ref.key != holder and ref.type in TARGET_TYPES:
                yield Fact(holder, "opposes", ref.key, view.sentence, "stance.campaign", 0.7,
                           cue=f"{noun.lower_} against")


# what one shares of another's is agreement with them: 'said it shared the BMA's concerns'
_SHARED_VIEWS = {"concern", "view", "worry", "fear", "frustration", "anger", "assessment", "position", "analysis",
                 "misgiving", "reservation", "doubt", "alarm", "ambition", "vision", "goal", "aim"}


def _shared(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    for verb in view.tokens:
        if verb.lemma_ != "share" or verb.pos_ != "VERB" or unasserted(verb):
            continue
        subject = active_subject(verb)
        holder = ctx.speaker_for(view, subject) if subject is not None else None
        if holder is None or not _may_hold(ctx, holder):
            continue
        for shared in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.casefold() in _SHARED_VIEWS):
            for owner in (c for c in shared.children if c.dep_ == "poss"):
                ref = ctx.ref_for_token(view, owner)
                if ref is not None and ref.key != holder and ref.type in AGENT_TYPES:
                    yield Fact(holder, "supports", ref.key, view.sentence, "stance.shared", 0.7,
                               cue=f"share {shared.lemma_.casefold()}")


def _backed(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    text = ctx.adoc.document.text
    for ref in ctx.refs_in(view.sentence.start, view.sentence.end):
        word_end = ref.mention.end
        match = re.match(r"-(backed|supported|endorsed)\b", text[word_end:word_end + 12])
        if not match or ref.type not in AGENT_TYPES:
            continue
        after = ctx.refs_in(word_end, min(view.sentence.end, word_end + 40))
        targets = [r for r in after if r.type in TARGET_TYPES and r.key != ref.key]
        if targets:
            yield Fact(ref.key, "supports", targets[0].key, view.sentence, "stance.backed-compound", 0.8,
                       cue=match.group(1))


def _stance_words(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The RCGP has been highly critical of X', 'Kent LMC said it was deeply concerned about X', 'Dr A, a vocal
    critic of X, said', 'voted in favour of X': a stance told by an adjective or noun of the one who holds it."""
    words = load_lexicon().stance_words
    for word in view.tokens:
        found = words.get(word.lower_)
        if found is None or word.pos_ not in ("ADJ", "NOUN", "VERB"):
            continue
        relation, prepositions = found
        holder_token = _stance_holder(word)
        if holder_token is None or any(c.dep_ == "neg" for c in (*word.children, *word.head.children)):
            continue  # 'is not opposed to X'
        holder = ctx.speaker_for(view, holder_token) or _subject_ref(ctx, view, holder_token) or \
            _reporting_speaker(ctx, view, holder_token)
        if holder is None or ctx.types.get(holder, "Commenter") not in AGENT_TYPES:
            continue
        for prep in (c for c in word.children if c.dep_ in ("prep", "agent") and c.lower_ in prepositions):
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or pobj.lemma_.casefold() in REMOVAL_NOUNS or verb_lemma(pobj, REMOVAL_VERBS):
                continue  # 'concerned about the abolition of X' is no warning about X
            # what the stance is on: the object, or what it is of ('the closure of Elm Tree Surgery'), not a name
            # deeper in it ('the plan to move services into the contract of X' is not on X)
            heads = list(_object_heads(pobj))
            heads += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in _object_heads(p)]
            targets = [r for r in (ctx.ref_for_token(view, h) for h in heads)
                       if r is not None and r.key != holder and r.type in TARGET_TYPES]
            if targets:
                yield Fact(holder, relation, targets[0].key, view.sentence, "stance.word", 0.7, cue=word.lower_)
        if word.pos_ == "ADJ" or word.tag_ == "VBN":
            # 'We are pleased the Government has listened', 'disappointed that NHS England had ignored it': the
            # feeling is about the one the clause is about
            for clause in (c for c in word.children if c.dep_ == "ccomp"):
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                target = ctx.ref_for_token(view, subject) if subject is not None and subject.pos_ != "PRON" else None
                if target is not None and target.key != holder and target.type in TARGET_TYPES:
                    yield Fact(holder, relation, target.key, view.sentence, "stance.word-clause", 0.65,
                               cue=word.lower_)


def _reporting_speaker(ctx: DocumentContext, view: SentenceView, pronoun: Token) -> str | None:
    """'Dr A said she was disappointed by X': a person's pronoun in what someone is reported saying is the speaker."""
    if pronoun.lower_ not in ("he", "she", "they", "we", "it"):
        return None
    clause = pronoun.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    speaker = ctx.speaker_for(view, subject) if subject is not None else None
    if speaker is None or (pronoun.lower_ == "it") == (ctx.types.get(speaker) == "Person"):
        return None  # 'it' is an organisation's, 'she' a person's
    return speaker


def _stance_holder(word: Token) -> Token | None:
    own = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own is not None:
        return own  # 'it was deeply concerned' (read as a passive verb)
    if word.dep_ in ("acomp", "attr"):
        return next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # 'X is critical'
    if word.dep_ == "appos":
        return word.head  # 'Dr A, a vocal critic of X,'
    if word.dep_ == "pobj" and word.head.lower_ == "in" and word.head.head.pos_ in ("VERB", "AUX"):
        # 'voted in favour of X', 'is in favour of X'
        return next((c for c in word.head.head.children if c.dep_ == "nsubj"), None)
    return None


def _against(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The BMA is against the PCN DES', 'ministers were firmly against it': being against something opposes it."""
    for verb in view.tokens:
        if verb.lemma_ != "be":
            continue
        objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "against"
                   for o in p.children if o.dep_ == "pobj"]
        if not objects or unasserted(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        holder = ctx.speaker_for(view, subject) if subject is not None and objects else None
        if holder is None or ctx.types.get(holder, "Commenter") not in AGENT_TYPES:
            continue
        for ref in (ctx.ref_for_token(view, h) for o in objects for h in _object_heads(o)):
            if ref is not None and ref.key != holder and ref.type in TARGET_TYPES:
                yield Fact(holder, "opposes", ref.key, view.sentence, "stance.against", 0.7, cue="against")
                break


def _polarity_of(tokens: list[Token]) -> float:
    """The stronger of two readings: word by word ('cost - effective' lets VADER see 'effective') and as written
    ('box-ticking', as the domain lexicon has it)."""
    words = " ".join(t.text for t in tokens)
    written = "".join(t.text_with_ws for t in tokens).strip()
    return max(polarity(words), polarity(written), key=abs)


def _disputes(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The committee voted to enter into dispute with NHS England', 'the BMA is in dispute with the DHSC': a body in
    a dispute with another opposes it."""
    if "dispute" not in view.sentence.text:
        return
    for noun in view.tokens:
        if noun.lower_ != "dispute" or noun.pos_ != "NOUN":
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # 'enter into dispute', 'declare a dispute'
        while verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head  # 'voted to enter into dispute'
        if verb.pos_ not in ("VERB", "AUX") or unasserted(verb):
            continue
        subject = active_subject(verb)
        holder = ctx.speaker_for(view, subject) if subject is not None else None
        if holder is None or ctx.types.get(holder, "Commenter") not in AGENT_TYPES:
            continue
        others = prep_objects(noun, "with")
        for other in others:
            ref = ctx.ref_for_token(view, other)
            if ref is not None and ref.key != holder and ref.type in ORGANISATION_TYPES:
                yield Fact(holder, "opposes", ref.key, view.sentence, "stance.dispute", 0.7, cue="dispute")
        # 'in dispute with the department over the contract': and what it is over, wherever the parser hangs it
        seen = set()
        for subject_of in (o for t in (noun, *others, verb) for o in prep_objects(t, "over")):
            for ref in (ctx.ref_for_token(view, t) for t in _object_heads(subject_of)):
                if ref is not None and ref.key != holder and ref.key not in seen and ref.type in POLICY_TYPES:
                    seen.add(ref.key)
                    yield Fact(holder, "opposes", ref.key, view.sentence, "stance.dispute-over", 0.7, cue="dispute")


def _distress(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Mr Dervish said the partnership model was under particular strain': saying a policy or body is in trouble
    warns about it."""
    text = ctx.adoc.document.text
    for ref in ctx.refs_in(view.sentence.start, view.sentence.end):
        trouble = in_distress(text, ref.mention.end) if ref.type in TARGET_TYPES and ref.type != "Person" else None
        if trouble is None:
            continue
        holder = ctx.quote_speaker_at(ref.mention.start)
        if holder is None and view.sentence.section != ARTICLE:
            holder = ctx.first_person(view.sentence)
        if holder is not None and holder != ref.key and _may_hold(ctx, holder):
            yield Fact(holder, "warnsAbout", ref.key, view.sentence, "stance.distress", 0.65, cue=trouble)


# 'Responding to the plan, Dr A said: "..."': what is said is a verdict on what it responds to
_RESPONDING = {"respond", "react", "comment", "reply"}
_RESPONSE_WORDS = re.compile(r"\b(?:respon|react|comment|repl)", re.I)


def _responses(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Responding to the plan, the RCGP said it was "a welcome step"', 'In response to the report, the BMA said it
    was deeply disappointing': the polarity of what is said, after the reporting verb, is the speaker's stance on
    what the sentence says it responds to."""
    if not _RESPONSE_WORDS.search(view.sentence.text):
        return
    for word in view.tokens:
        if word.lemma_ in _RESPONDING and word.dep_ == "advcl" and word.tag_ == "VBG":
            verb = word.head
        elif word.lower_ == "response" and word.head.lower_ == "in" and word.head.dep_ == "prep":
            verb = word.head.head
        else:
            continue
        to = [o for p in word.children if p.dep_ == "prep" and p.lower_ in ("to", "on")
              for o in p.children if o.dep_ == "pobj"]
        if not to or verb_lemma(verb, load_lexicon().cue_verbs) is None or unasserted(verb):
            continue
        target = ctx.ref_for_token(view, to[0])
        subject = active_subject(verb)
        speaker = ctx.speaker_for(view, subject) if subject is not None else None
        if target is None or speaker is None or target.key == speaker or target.type not in TARGET_TYPES or \
                ctx.types.get(speaker, "Commenter") not in AGENT_TYPES:
            continue
        said = [t for t in view.tokens if t.i > verb.i and not t.is_punct]
        score = _polarity_of(said)
        relation = ("welcomes" if any(t.lemma_ == "welcome" for t in said) else "supports") if score >= POSITIVE \
            else "criticises" if score <= NEGATIVE else None
        if relation is not None:
            yield Fact(speaker, relation, target.key, view.sentence, "stance.response", 0.65,
                       cue=f"{word.lower_} {score:+.2f}")


DESCRIBING_VERBS = {"describe", "brand", "label", "dub", "call", "deem", "consider", "term"}


_MILD_PRAISE = 0.3  # VADER compound of a verdict's noun phrase at or above which it praises ('a fair offer')


def _described_as(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The BMA branded the contract "an insult"', 'described the plan as unworkable', 'called the offer derisory':
    the verdict's polarity is the subject's stance on what it describes."""
    for verb in view.tokens:
        lemma = verb_lemma(verb, DESCRIBING_VERBS) if verb.pos_ == "VERB" else None
        if lemma is None or any(c.dep_ in ("neg", "nsubjpass") for c in verb.children):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        verdicts = [c for c in verb.children if c.dep_ in ("oprd", "dobj") and c not in objects[:1]]
        verdicts += [c for o in objects[:1] for c in o.children if c.dep_ == "appos"]  # 'branded X "an insult"'
        verdicts += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for o in c.children if o.dep_ in ("pobj", "amod", "acomp")]
        # 'described the formula, which ..., as "no longer fit for purpose"': the verdict read as a clause
        verdicts += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                     and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
        if not objects or not verdicts:
            continue
        score = _polarity_of([t for v in verdicts for t in v.subtree])
        # the verdict's own noun phrase, without what qualifies it ('a fair offer' in 'a fair offer in difficult
        # circumstances'): a short verdict praises with milder words than a whole clause needs
        head_score = _polarity_of([t for v in verdicts for t in v.subtree if t.i <= v.i])
        relation = "criticises" if score <= NEGATIVE else \
            "supports" if score >= POSITIVE or head_score >= _MILD_PRAISE and score > NEGATIVE else None
        if any(v.lemma_.casefold() in DERISION_NOUNS for v in verdicts):
            relation = "criticises"  # 'described X as "a lottery dressed up as a methodology"'
        elif _MERIT_PHRASES.search(" ".join(t.lower_ for v in verdicts for t in v.subtree)):
            relation = "supports"  # 'described partnership as "the bedrock of general practice"'
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            # 'A DHSC spokesperson said ... and described the contract as "a fair offer"', 'X welcomed ..., describing
            # the model as ...': the first verb's subject
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        holder = ctx.speaker_for(view, subject) if subject is not None else None
        if relation is None or holder is None or ctx.types.get(holder, "Commenter") not in AGENT_TYPES:
            continue
        target = ctx.ref_for_token(view, objects[0])
        if target is not None and target.key != holder and target.type in TARGET_TYPES:
            yield Fact(holder, relation, target.key, view.sentence, "stance.described-as", 0.7,
                       cue=f"{lemma} {score:+.2f}")


# verbs that find fault with their subject: said of someone ('NHS England had failed practices', 'the scheme has
# let patients down', 'the plan does not go far enough'), they are the speaker's criticism of it
FAULT_VERBS = {"fail", "betray", "abandon", "neglect", "mislead", "ignore", "let", "lack"}


# idioms of blame, by the verb and what it holds: doing nothing when something was needed ('sat on its hands',
# 'dragged their feet', 'buried its head in the sand', 'wringing its hands': the body part its own), or moving the
# burden ('keeps moving the goalposts', 'passing the buck', 'kicked the can down the road', 'pulled the rug from under
# practices')
_BLAME_IDIOMS = {("sit", "hands"): True, ("drag", "feet"): True, ("bury", "head"): True, ("wring", "hands"): True,
                 ("twiddle", "thumbs"): True, ("move", "goalposts"): False,
                 ("shift", "goalposts"): False, ("pass", "buck"): False, ("kick", "can"): False,
                 ("pull", "rug"): False}
# 'leave practices to carry the cost', '... to pick up the pieces', '... to foot the bill'
_LEFT_WITH = {"carry", "foot", "pick", "pay", "bear", "shoulder"}
_BURDENS = {"cost", "costs", "bill", "pieces", "price", "burden"}


def _blame_idiom(verb: Token) -> str | None:
    held = [c for c in verb.children if c.dep_ == "dobj"] + \
        [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    for thing in held:
        own = _BLAME_IDIOMS.get((verb.lemma_, thing.lower_))
        if own is not None and (not own or any(c.dep_ == "poss" for c in thing.children)):
            return f"{verb.lemma_} {thing.lower_}"
    if verb.lemma_ == "leave":
        for then in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_ in _LEFT_WITH):
            if any(c.dep_ == "dobj" and c.lower_ in _BURDENS for c in then.children):
                return f"leave to {then.lemma_} the {next(c.lower_ for c in then.children if c.dep_ == 'dobj')}"
    return None


def _faults(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    for verb in view.tokens:
        if verb.pos_ != "VERB":
            continue
        lemma = verb_lemma(verb, FAULT_VERBS)
        idiom = _blame_idiom(verb) if lemma is None else None
        lemma = lemma or idiom
        if lemma is None and verb.lemma_ != "go":
            continue
        negated = unasserted(verb)
        if lemma == "let" and not any(t.lower_ == "down" and t.head.i == verb.i for t in verb.doc[verb.i + 1:verb.i + 4]):
            continue  # 'let patients down', whichever way the parser hangs 'down' on it
        not_far_enough = negated and verb.lemma_ == "go" and \
            [t.lower_ for t in verb.doc[verb.i + 1:verb.i + 3]] == ["far", "enough"]
        # an idiom may go on from its subject's verb ('will publish it and leave practices to carry the cost', 'keeps
        # moving the goalposts')
        carried = idiom is not None and verb.dep_ == "xcomp" and verb.head.dep_ in ("ccomp", "conj", "ROOT")
        if not (lemma and not negated or not_far_enough) or verb.dep_ not in ("ccomp", "conj", "ROOT") and not carried:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and idiom is not None:
            subject = active_subject(verb.head if carried else verb)
        ref = ctx.ref_for_token(view, subject) if subject is not None else None
        speaker = _own_voice(ctx, view, verb) or (_reported_speaker(ctx, view, verb) if ref is None else None)
        # ('the measures did not go far enough': the announcer's measures)
        target = ref.key if ref is not None else _policy_aspect(ctx, view, subject) if subject is not None else None
        target_type = ctx.types.get(target) if target is not None else None
        if target is None or speaker is None or target == speaker or target_type not in TARGET_TYPES or \
                ctx.types.get(speaker, "Commenter") not in AGENT_TYPES:
            continue
        if lemma == "lack" and target_type not in POLICY_TYPES:
            continue  # 'the plan lacks detail' finds fault; 'the practice lacks GPs' is its trouble
        yield Fact(speaker, "criticises", target, view.sentence, "stance.fault", 0.7,
                   cue="not go far enough" if not_far_enough else lemma)


# what something is said to bring ('the partnership model delivers exceptional benefits', 'the ARRS has brought
# stability'): a merit claimed for it, whatever the rest of the clause scores
MERIT_NOUNS = {"benefit", "value", "stability", "improvement", "success"}
COPULAS = {"be", "become", "remain", "seem", "look", "sound", "prove"}
# what something is called in derision, whatever VADER makes of the word ('QOF has been a joke for years')
DERISION_NOUNS = {"joke", "farce", "shambles", "fiasco", "sham", "con", "scam", "charade", "mess", "disgrace",
                  "disaster", "insult", "travesty", "gimmick", "stitch-up", "white elephant", "lottery"}
# what praises a policy in words VADER scores near nothing: 'a step in the right direction', 'a good start'
_MERIT_PHRASES = re.compile(r"\bstep in the right direction\b|\bgood (?:start|first step|news)\b|\blifeline\b|"
                            r"\bmove in the right direction\b|\bgame[ -]changer\b|"
                            # what holds something up: 'the bedrock of general practice', 'the backbone of the NHS'
                            r"\b(?:bedrock|backbone|cornerstone|lifeblood|linchpin|envy) of\b|\bjewel in the crown\b")


def _merits(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """A speaker's clause praising its subject ('X has been a huge success', 'X delivers exceptional benefits for
    the NHS') is support for it, and one that calls it bad ('X is unworkable') criticism: the clause's own words
    are scored, not the whole quotation's."""
    for verb in view.tokens:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" or c.dep_ == "nsubjpass" and _state(verb)), None)
        if subject is None or verb.dep_ == "relcl":
            continue
        # (one reported inside a quotation speaks for itself: "The BMA has been telling ministers the formula is broken")
        speaker = _reported_speaker(ctx, view, verb) or ctx.quote_speaker_at(view.offset(verb))
        reader = None
        if speaker is None and view.sentence.section != ARTICLE and verb.dep_ in ("ROOT", "conj"):
            # a reader's own verdict: only a bad one counts, as readers' praise is often irony ('QOF has been a
            # joke for years')
            speaker = reader = ctx.first_person(view.sentence)
        holders = AGENT_TYPES | {"Commenter"} if reader else AGENT_TYPES
        if speaker is None or ctx.types.get(speaker, "Commenter") not in holders:
            continue
        named = [r for r in (ctx.ref_for_token(view, t) for t in _named_by(subject))
                 if r is not None and r.key != speaker]
        if unasserted(verb):
            continue
        if verb.lemma_ in COPULAS and any(c.dep_ == "attr" and c.lower_ == "talk" and c.doc[c.i - 1].lower_ == "all"
                                          for c in verb.children):
            # 'the committee has been all talk and no action': said of a body that promises and does nothing
            for key in dict.fromkeys(r.key for r in named if r.type in ORGANISATION_TYPES):
                yield Fact(speaker, "criticises", key, view.sentence, "stance.verdict", 0.65, cue="all talk")
            continue
        targets = [r for r in named if r.type in POLICY_TYPES]
        if not targets:
            continue
        inside = {t.i for t in subject.subtree}
        # the clause's own words, not a clause joined to it ('..., but I have heard every chair promise...')
        joined = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        predicate = [t for t in verb.subtree if t.i not in inside and t.i >= verb.i and t.i not in joined]
        merit = any(c.dep_ in ("dobj", "attr") and c.lemma_.casefold() in MERIT_NOUNS for c in verb.children) or \
            _MERIT_PHRASES.search(" ".join(t.lower_ for t in predicate)) is not None
        score = _polarity_of(predicate)
        if (merit or score >= POSITIVE) and reader is None and not _warned_of(verb):
            for key in dict.fromkeys(r.key for r in targets):
                yield Fact(speaker, "supports", key, view.sentence, "stance.merit", 0.65, cue=verb.lemma_.casefold())
        elif (verb.lemma_ in COPULAS and any(c.dep_ in ("attr", "acomp") for c in verb.children) or _state(verb)) and (
                score <= NEGATIVE or any(c.dep_ == "attr" and c.lemma_.casefold() in DERISION_NOUNS
                                         for c in verb.children)):
            # 'the contract was "unworkable and unfair"': a verdict on its subject, however much of it is quoted
            for key in dict.fromkeys(r.key for r in targets):
                yield Fact(speaker, "criticises", key, view.sentence, "stance.verdict", 0.65,
                           cue=f"{verb.lemma_.casefold()} {score:+.2f}")


_WARNING_VERBS = {"warn", "fear", "caution", "worry", "predict"}


def _warned_of(verb: Token) -> bool:
    """'warned that a salaried service would hand control to ICBs': what is warned of is no merit, however VADER
    scores its words."""
    return verb.dep_ == "ccomp" and verb_lemma(verb.head, _WARNING_VERBS) is not None


# what a speaker calls someone in praise of them for a post: 'Dr X had been "the stand-out candidate"', 'he said X was
# "the right person to finish the job"'
_PERSON_MERIT = re.compile(r"\b(?:stand-?out|(?:right|best|ideal) (?:person|candidate|choice)|(?:obvious|natural|"
                           r"excellent|perfect|inspired) (?:choice|candidate)|safe pair of hands)\b", re.I)


def _praised_people(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if not _PERSON_MERIT.search(view.sentence.text):
        return
    for verb in view.tokens:
        if verb.lemma_ != "be" or unasserted(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        praise = [c for c in verb.children if c.dep_ == "attr"]
        if subject is None or not praise or not any(
                _PERSON_MERIT.search(verb.doc[a.left_edge.i:a.right_edge.i + 1].text) for a in praise):
            continue
        speaker = ctx.quote_speaker_at(view.offset(verb)) or _reported_speaker(ctx, view, verb)
        person = ctx.ref_for_token(view, subject)
        if speaker is None or person is None or person.type != "Person" or person.key == speaker or \
                ctx.types.get(speaker, "Commenter") not in AGENT_TYPES:
            continue
        yield Fact(speaker, "supports", person.key, view.sentence, "stance.praised-person", 0.65, cue="praise")


def _state(verb: Token) -> bool:
    """'the formula is broken', 'the system is rigged': a participle after 'be' with no one doing it is a state the
    subject is in, a verdict as an adjective would be."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children) and \
        not any(c.dep_ in ("agent", "dobj", "xcomp", "ccomp") or c.dep_ == "prep" and not _for_a_time(c)
                for c in verb.children)


_TIME_NOUNS = {"year", "decade", "month", "week", "day", "age", "generation", "while", "time"}


def _for_a_time(preposition: Token) -> bool:
    """'has been broken for a decade', 'since 2004': how long a state has held, no one's doing."""
    return preposition.lower_ in ("for", "since") and any(
        o.dep_ == "pobj" and (o.ent_type_ == "DATE" or o.lemma_.casefold() in _TIME_NOUNS) for o in preposition.children)


def _reported_speaker(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    """'Dr A said the contract was "unworkable"': the one whose words a clause reports, when only part of it is
    quoted (a quotation's speaker is found from the quotation)."""
    if verb.dep_ != "ccomp" or verb_lemma(verb.head, load_lexicon().cue_verbs) is None:
        return None
    subject = active_subject(verb.head)
    return ctx.speaker_for(view, subject) if subject is not None else None


def _may_hold(ctx: DocumentContext, key: str) -> bool:
    """Whether the entity can hold a stance: a person or a body, or a reader (an entity of no type here)."""
    return ctx.types.get(key, "Commenter") in AGENT_TYPES | {"Commenter"}


def _own_voice(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    """Who says what the verb says: a quotation's speaker, or in a comment the reader, when the verb's clause is the
    sentence's own (its root, or a verb going on from it: 'The college failed us', 'will sign it and leave...')."""
    speaker = ctx.quote_speaker_at(view.offset(verb))
    if speaker is None and view.sentence.section == COMMENT and (
            verb.dep_ == "ROOT" or verb.dep_ in ("conj", "xcomp") and verb.head.dep_ == "ROOT"):
        return ctx.first_person(view.sentence)
    return speaker


def _named_by(subject: Token) -> Iterator[Token]:
    """The subject and what stands for it ('current models – including the partnership model –', 'X and Y'), not
    what a clause inside it names ('patients who used the NHS App')."""
    yield subject
    for child in subject.children:
        if child.dep_ in ("appos", "conj", "compound"):
            yield from _named_by(child)
        elif child.dep_ == "prep" and child.lower_ in ("including", "like", "of"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                yield from _named_by(pobj)


# 'X should be investigated', 'X and its like need to be reported to the GMC': asking that someone be sanctioned
# is criticism of them (read from the words, as readers' comments often defeat the parser)
_SANCTION = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|deserves?\s+to)\s+be\s+(?:\w+ly\s+)?"
                       r"(?:reported|investigated|struck\s+off|sacked|fired|prosecuted|banned|punished|"
                       r"held\s+to\s+account|stripped\s+of|shut\s+down|closed\s+down|named\s+and\s+shamed|"
                       r"ashamed|embarrassed)\b"
                       # 'NHS England and the DHSC must stop pretending otherwise': told to stop what they do
                       r"|\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:now\s+)?stop\s+\w+ing\b",
                       re.I)


def _sanctions(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    text = view.sentence.text
    match = _SANCTION.search(text)
    if match is None:
        return
    at = view.sentence.start + match.start()
    holder = words_holder(ctx, view, at)
    if holder is None or not _may_hold(ctx, holder):
        return
    clause_start = view.sentence.start + max(text.rfind(mark, 0, match.start()) for mark in (";", ":", "?", "!")) + 1
    refs = [r for r in ctx.refs_in(clause_start, at) if r.type in TARGET_TYPES and r.key != holder]
    # the first named and those joined to it ('NHS England and the DHSC must stop...')
    joined = refs[:1]
    for ref in refs[1:]:
        if not _JOINED.fullmatch(ctx.adoc.document.text[joined[-1].mention.end:ref.mention.start]):
            break
        joined.append(ref)
    for key in dict.fromkeys(r.key for r in joined):
        yield Fact(holder, "criticises", key, view.sentence, "stance.sanction", 0.65,
                   cue=" ".join(match.group().split()[-2:]).lower())


_JOINED = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", re.I)


LIGHT_VERBS = {"give", "voice", "express", "offer", "lend", "signal", "declare", "reiterate", "throw", "extend"}
_WARY = {"cautious", "guarded", "qualified", "wary", "lukewarm", "tentative", "muted", "cool"}


def _stance_nouns(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The BMA gave a cautious welcome to the contract', 'voiced support for the scheme', 'has given its backing to
    X': a stance named by the noun a light verb gives, held by the verb's subject, on a policy or report."""
    nouns = load_lexicon().stance_nouns
    for noun in view.tokens:
        found = nouns.get(noun.lower_)
        if found is None or noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb_lemma(noun.head, LIGHT_VERBS) is None:
            continue
        verb = noun.head
        if unasserted(verb):
            continue
        relation, prepositions = found
        subject = active_subject(verb)
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            subject = passive_agent(verb)  # 'the report was given a guarded welcome by the RCGP'
        holder = ctx.speaker_for(view, subject) if subject is not None else None
        if holder is None or ctx.types.get(holder, "Commenter") not in AGENT_TYPES:
            continue
        # the parser hangs 'to the contract' on the noun or on the verb ('gave its backing to X'); 'gave the report a
        # cautious welcome' names it as the verb's second object, the passive as its subject
        preps = [c for c in (*noun.children, *verb.children)
                 if c.dep_ in ("prep", "dative") and c.lower_ in prepositions]
        objects = [o for prep in preps for o in prep.children if o.dep_ == "pobj"]
        objects += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
        objects += [passive] if passive is not None else []
        wary = any(c.dep_ == "amod" and c.lower_ in _WARY for c in noun.children)
        for obj in objects:
            target = ctx.ref_for_token(view, obj)
            if target is not None and target.key != holder and target.type in POLICY_TYPES:
                yield Fact(holder, relation, target.key, view.sentence, "stance.noun", 0.7, cue=noun.lower_)
                if wary and relation == "welcomes":
                    # a cautious or qualified welcome comes with reservations
                    yield Fact(holder, "advisesCautionOn", target.key, view.sentence, "stance.noun", 0.6,
                               cue=" ".join(t.lower_ for t in noun.subtree if t.dep_ == "amod") + " " + noun.lower_)


# a motion's words, what its proposer and those who pass it stand for: 'a motion from Kent LMC calling for a salaried
# service', 'the conference passed a motion condemning the contract settlement'
_MOTION_FOR = {"call", "instruct", "ask", "urge", "demand", "support", "back", "reaffirm", "endorse", "welcome",
               "seek", "prepare", "restore", "secure", "protect", "defend", "propose", "fold"}
_MOTION_AGAINST = {"condemn": "criticises", "criticise": "criticises", "criticize": "criticises",
                   "deplore": "criticises", "reject": "opposes", "oppose": "opposes", "scrap": "opposes",
                   "abolish": "opposes", "ditch": "opposes"}
_PASSING = {"back", "pass", "carry", "approve", "support", "endorse", "adopt"}
_DEFEATING = {"reject", "defeat", "oppose"}
_AGAINST_OF = {"supports": "opposes", "opposes": "supports"}


def _changed(token: Token | None, verb: Token) -> bool:
    """'calling for the ARRS to be folded into core funding', 'demanding that ARRS money spent on associates be
    redirected': what a motion would have changed, in the subject of a verb under its own, is no policy it backs."""
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        token = token.head
    return False


def _motions(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if "motion" not in view.sentence.text.casefold():
        return
    for motion in view.tokens:
        if motion.lemma_ != "motion" or motion.pos_ != "NOUN":
            continue
        stances: dict[str, str] = {}
        proposers = prep_objects(motion, "from") + prep_objects(motion, "by")
        # ('a motion from Kent LMC calling for...': the parser may hang the motion's words on its proposer)
        heads = {motion.i, *(o.i for o in proposers), *(o.head.i for o in proposers)}
        clauses = [v for v in motion.subtree if v.pos_ == "VERB" and v.dep_ in ("acl", "relcl", "pcomp")
                   and v.head.i in heads and v.i > motion.i]
        verbs = sorted({v.i: v for v in clauses + [c for v in clauses for c in v.conjuncts]}.values(), key=lambda v: v.i)
        # each verb's words run to the next one's, or to what became of the motion ('..., was defeated'): the
        # parser often hangs a long motion's words on the sentence's verb
        ends = [v.i for v in verbs[1:]] + [motion.head.i if motion.head.i > motion.i else view.span.end]
        for verb, end in zip(verbs, ends):
            lemma = verb_lemma(verb, _MOTION_FOR | _MOTION_AGAINST.keys())
            if lemma is None:
                continue
            relation = _MOTION_AGAINST.get(lemma, "supports")
            types = POLICY_TYPES if relation == "supports" else TARGET_TYPES - {"Person"}
            for ref in ctx.refs_in(view.offset(verb), view.offset(verb.doc[end - 1]) + len(verb.doc[end - 1])):
                token = ctx.token_for(view, ref)
                if ref.type in types and not (relation == "supports" and _changed(token, verb)):
                    # ('calling on practices not to sign X': against it)
                    stances.setdefault(ref.key, "opposes" if relation == "supports" and negated_below(token, verb)
                                       else relation)
        if not stances:
            continue
        holders = [(r.key, False) for r in (ctx.ref_for_token(view, o) for o in proposers) if r is not None]
        outcome = verb_lemma(motion.head, _PASSING | _DEFEATING) if motion.dep_ == "dobj" else None
        voter = active_subject(motion.head) if outcome else None
        voted = ctx.ref_for_token(view, voter) if voter is not None else None
        if voted is not None and not unasserted(motion.head):
            holders.append((voted.key, outcome in _DEFEATING))
        for holder, against in holders:
            if ctx.types.get(holder) not in AGENT_TYPES:
                continue
            for target, relation in stances.items():
                relation = _AGAINST_OF.get(relation) if against else relation
                if relation and target != holder:
                    yield Fact(holder, relation, target, view.sentence, "stance.motion", 0.65, cue="motion")


# what a speaker says a policy will do to practices or patients, when it is harm, is a warning about the policy:
# 'said the rule would "open the floodgates"', 'the October requirement is going to break practices'
_HARM_VERBS = {"break", "swamp", "overwhelm", "destabilise", "destabilize", "undermine", "threaten", "risk",
               "damage", "harm", "cripple", "bankrupt", "jeopardise", "jeopardize", "endanger", "destroy", "wreck",
               "erode", "fragment", "worsen", "exacerbate", "squeeze", "kill", "drown", "flood", "overload", "strain"}
_HARM_NOUNS = {"pressure", "risk", "floodgates", "strain", "burden", "chaos", "crisis", "danger", "harm", "damage",
               "edge", "brink", "collapse", "jeopardy"}
_FORESEEING = {"would", "could", "will", "might", "may", "wo", "'ll", "going"}
# verbs that bring the harm their object names ('pile pressure on', 'put practices at risk'), not those that lift it
# ('take pressure off practices')
_BRINGING = {"pile", "put", "place", "heap", "add", "increase", "pose", "push", "plunge", "drive", "tip", "open",
             "create", "cause", "bring", "leave"}


def _harm_foreseen(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    for verb in view.tokens:
        if verb.pos_ != "VERB":
            continue
        # ('is going to break practices': the clause is the one of 'going')
        clause = verb.head if verb.dep_ == "xcomp" and verb.head.lower_ == "going" else verb
        if clause.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        lemma = verb.lemma_.casefold()
        harm = lemma in _HARM_VERBS or lemma in _BRINGING and any(
            t.lower_ in _HARM_NOUNS for c in verb.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree)
        foreseen = lemma in ("risk", "threaten") or clause is not verb or \
            any(c.dep_ == "aux" and c.lower_ in _FORESEEING for c in verb.children)
        if not harm or not foreseen or any(c.dep_ == "neg" for c in (*verb.children, *clause.children)) or \
                in_question(clause):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        ref = ctx.ref_for_token(view, subject) if subject is not None else None
        if ref is None or ref.type not in POLICY_TYPES:
            continue
        holder = _own_voice(ctx, view, clause) or _reported_speaker(ctx, view, clause)
        if holder is not None and holder != ref.key and _may_hold(ctx, holder):
            yield Fact(holder, "warnsAbout", ref.key, view.sentence, "stance.harm-foreseen", 0.6, cue=lemma)

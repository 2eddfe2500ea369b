"""Actions between entities named by a verb: X visited Y, X is funded by Y, X ranked Y, X plans Y..."""
from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Token

from kg.extractors import register
from kg.extractors.collective import BODY_ACTS
from kg.extractors.context import (ASKING_VERBS, DocumentContext, Ref, SentenceView, active_subject, antecedent,
                                   most_named_before, only_possible, passive_agent, post_holder, prep_objects,
                                   unasserted, verb_lemma)
from kg.lexicon import load_lexicon
from kg.model import ORGANISATION_TYPES, Fact
from kg.money import Money, parse_money

AGENTS = {"Person", "Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication", "Report",
          "Commenter"}
ORGS = set(ORGANISATION_TYPES)
POLICIES = {"Policy", "Programme", "Report", "Legislation"}

# verb lemma -> (predicate, allowed subject types, allowed object types); one line per rule
VERB_RULES: dict[str, tuple[str, set[str], set[str]]] = {
    "visit": ("visited", AGENTS, ORGS | {"Place"} | POLICIES),
    "inspect": ("visited", AGENTS, ORGS),  # an inspection is a visit: 'The CQC last inspected X in 2022'
    "fund": ("funds", ORGS | {"Person"}, ORGS | POLICIES),
    "finance": ("funds", ORGS | {"Person"}, ORGS | POLICIES),
    "invest": ("funds", ORGS | {"Person"}, ORGS | POLICIES),
    "rank": ("rates", ORGS | {"Report"}, ORGS),
    "rate": ("rates", ORGS | {"Report"}, ORGS),
    "plan": ("plans", {"Person"} | ORGS, POLICIES),
    "intend": ("plans", {"Person"} | ORGS, POLICIES),
    "refer": ("citesExample", {"Person"} | ORGS, {"Place"} | ORGS),
    "cite": ("citesExample", {"Person"} | ORGS, {"Place"} | ORGS),
    "point": ("citesExample", {"Person", "Report"} | ORGS, {"Place"}),  # 'the authors point to Kidderminster'
    "publish": ("published", ORGS | {"Person"}, POLICIES),
    "launch": ("published", ORGS | {"Person"}, POLICIES),
    # 'the ARRS, as designed by NHS England': who made the policy
    "design": ("published", ORGS | {"Person"}, POLICIES),
    "devise": ("published", ORGS | {"Person"}, POLICIES),
    "run": ("operates", ORGS, POLICIES | {"Practice"}),
    "operate": ("operates", ORGS, POLICIES | {"Practice"}),
    "deliver": ("operates", ORGS, POLICIES),  # 'the programme is delivered by the community trust'
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
    "offer": ("offers", ORGS, POLICIES),
    "pay": ("pays", ORGS | {"Person"}, ORGS | {"Person"}),
    "borrow": ("borrowsFrom", ORGS, ORGS),
    "request": ("requestsFundingFrom", ORGS, ORGS),
    "provide": ("offers", ORGS, POLICIES),
    "buy": ("tookOver", ORGS, ORGS),
    "own": ("owns", ORGS | {"Person"}, ORGS),
    "acquire": ("tookOver", ORGS, ORGS),
    "purchase": ("tookOver", ORGS, ORGS),
    "absorb": ("tookOver", ORGS, ORGS),
    # 'moved to a total triage model', 'switched to total triage', 'adopted the hub model': what a body now runs
    "adopt": ("operates", ORGS, POLICIES),
    "move": ("operates", ORGS, POLICIES),
    "switch": ("operates", ORGS, POLICIES),
    "partner": ("partnerOf", ORGS, ORGS),
    "collaborate": ("worksWith", ORGS, ORGS),
    "work": ("worksWith", ORGS, ORGS),
    # 'nine practices subcontract their GMS contracts to the trust'
    "subcontract": ("subcontractsTo", ORGS, ORGS),
}
# verbs with a second sense for other objects: 'wrote for Pulse' against 'the report was written by X'
SECOND_RULES: dict[str, tuple[str, set[str], set[str]]] = {
    "write": ("authored", {"Person"} | ORGS, {"Report"}),
    "author": ("authored", {"Person"} | ORGS, {"Report"}),
    "co-author": ("authored", {"Person"} | ORGS, {"Report"}),
    # 'the report was led by Dr X': its lead author (a Person leading a body is a post, read by roles)
    "lead": ("authored", {"Person"}, {"Report"}),
}
# verbs that name the relation only with this preposition: 'working closely with the CCG' is a partnership,
# 'working in London' or 'works for the trust' is not; 'invested £1bn in the ARRS' funds it
ONLY_WITH_PREPOSITION = {"partner": "with", "collaborate": "with", "work": "with", "invest": "in", "subcontract": "to",
                         "move": "to", "switch": "to"}
PHRASAL = {"take": {"over": ("tookOver", ORGS, ORGS),
                    "out": ("borrowsFrom", ORGS | {"Person"}, ORGS)},  # 'took out a £700,000 loan from Lloyds Bank'
           "set": {"up": ("founded", ORGS | {"Person"}, ORGS | POLICIES)}}  # 'the ICB set up a £3.2m resilience fund'
_BORROWED = {"loan", "mortgage", "overdraft", "credit"}
_RULE_LEMMAS = frozenset(VERB_RULES) | frozenset(SECOND_RULES) | frozenset(PHRASAL)
# what a sum is paid as: 'paid £3.2m in dividends to its parent company' (not 'in a speech to the conference')
_PAYMENT_NOUNS = {"dividend", "fee", "payment", "rent", "interest", "compensation", "grant", "loan", "bonus",
                  "royalty", "charge"}
# verbs of causing, whose object 'changes to X' says what changed ('has precipitated changes to the GP contract')
CAUSE_VERBS = {"cause", "precipitate", "prompt", "trigger", "force", "spark", "drive", "bring", "lead", "mean"}
# verbs that fund when what they hand over is a sum: 'will give PCNs £300m', 'allocated £2m to the ICB'
# ('provide' has a rule of its own above, 'award' one of its own: `_awards`)
GIVE_VERBS = {"give", "allocate", "grant", "hand", "pledge", "promise", "earmark", "provide", "commit", "ring-fence",
              "set"}
ASK_VERBS = {"ask", "seek", "bid", "apply", "lobby", "petition"}
# asking, by pressing, that someone pay: 'urged NHS England to fund practices' (not 'pressed it to fold £800m into X')
URGE_VERBS = {"urge", "press"}
FUNDS_NOUNS = {"fund", "funding", "money", "cash", "grant", "investment", "uplift", "loan", "bailout", "subsidy",
               "payment", "resources"}
CHANGE_NOUNS = {"change", "changes", "reform", "reforms", "overhaul", "shake-up", "rethink"}
# nouns of intent whose infinitive or 'for' phrase names what is planned ('its plans to promote upscaling')
PLAN_NOUNS = {"plan", "plans", "proposal", "proposals", "intention", "ambition", "bid"}
# verbs whose subject makes the plan that is their object
PLAN_VERBS = {"unveil", "announce", "publish", "set", "outline", "draw", "present", "launch", "have", "make",
              "reveal", "confirm", "put", "table", "submit", "lay", "detail", "develop", "release", "drop", "shelve"}
# verbs of changing a policy: said of it in the future by someone, they are that someone's plan
REFORM_VERBS = {"reform", "overhaul", "scrap", "replace", "abolish", "rewrite", "revamp", "review", "renegotiate",
                "change", "phase", "axe", "redesign", "rethink", "expand", "extend", "introduce", "launch", "publish",
                "roll", "implement", "pilot", "trial", "deliver", "refresh", "update", "revise"}
SPEECH_VERBS = {"say", "announce", "confirm", "reveal", "tell", "state", "signal", "indicate", "admit"}


@register("actions")
def extract_actions(ctx: DocumentContext) -> Iterator[Fact]:
    for view in ctx.sentences():
        yield from _adjacent(ctx, view)
        yield from _plan_nouns(ctx, view)
        yield from _planned(ctx, view)
        yield from _report_authors(ctx, view)
        yield from _announced_reform(ctx, view)
        yield from _future_reform(ctx, view)
        yield from _examples(ctx, view)
        yield from _writers(ctx, view)
        yield from _agreed_between(ctx, view)
        yield from _sales(ctx, view)
        yield from _acquisitions(ctx, view)
        yield from _raised(ctx, view)
        yield from _awards(ctx, view)
        yield from _held_contracts(ctx, view)
        yield from _inspections(ctx, view)
        yield from _spoke_at(ctx, view)
        yield from _sum_from(ctx, view)
        yield from _sum_put_into(ctx, view)
        yield from _jointly(ctx, view)
        yield from _on_behalf_of(ctx, view)
        yield from _made_with(ctx, view)
        yield from _staffed_through(ctx, view)
        yield from _investment_rounds(ctx, view)
        for verb in view.tokens:
            if verb.pos_ != "VERB":
                continue
            lemma = verb_lemma(verb, _RULE_LEMMAS)
            if lemma == "found" and verb.lower_ == "found" and verb.tag_ in ("VBD", "VBN"):
                continue  # 'found its way to the Times': the past of 'find', not founding ('founded')
            rule = VERB_RULES.get(lemma) or SECOND_RULES.get(lemma)
            particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
            if particle in PHRASAL.get(lemma, {}):
                rule = PHRASAL[lemma][particle]
                if particle == "over" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") or c.dep_ == "prep"
                                                  and c.lower_ in ("as", "from", "at") for c in verb.children):
                    yield from _takes_over_the_practice(ctx, view, verb)
                    continue
                if particle == "out" and not any(c.dep_ == "dobj" and c.lemma_ in _BORROWED for c in verb.children):
                    continue  # 'took out an advert', 'took out the old server'
                if particle == "out":
                    lemma = "borrow"
            if rule is None and verb_lemma(verb, CAUSE_VERBS):
                rule = _caused_change(verb)
                lemma = verb_lemma(verb, CAUSE_VERBS)
            if (verb_lemma(verb, GIVE_VERBS) or _put_up(verb)) and money_in(verb) is not None and (
                    verb.lemma_ != "set" or any(c.dep_ in ("prt", "advmod") and c.lower_ == "aside"
                                                for c in verb.children)):
                # ('has set aside £12m for the pilot'; 'set a budget of £2m' gives nothing)
                rule = ("funds", ORGS | {"Person"}, ORGS | POLICIES)  # 'will give PCNs an extra £300m'
                lemma = verb_lemma(verb, GIVE_VERBS) or "put up"
            if rule is None and (verb_lemma(verb, ASK_VERBS) and (money_in(verb) is not None or _for_funds(verb)) or
                                 verb_lemma(verb, URGE_VERBS) and _to_pay(verb)):
                # 'asked the DHSC for a further £1.5m', 'has been lobbying the ICB for a hardship fund'
                rule = ("requestsFundingFrom", ORGS | {"Person"}, ORGS)
                lemma = "ask"
            if rule is None or unasserted(verb) or only_possible(verb):
                continue  # (what will be done is a plan, read by the plan rules)
            if lemma == "chair" and (verb.tag_ in ("VBZ", "VBP") or verb.dep_ == "acl" and verb.tag_ == "VBN"):
                # 'X, who chairs the RCGP', 'the committee, chaired by X': a post held now
                rule = ("holdsRole", {"Person"}, ORGS)
            yield from _apply(ctx, view, verb, rule, lemma)
            if lemma in SECOND_RULES and rule is not SECOND_RULES[lemma]:
                yield from _apply(ctx, view, verb, SECOND_RULES[lemma], lemma)


def _put_up(verb: Token) -> bool:
    """'The ICB put up £14,600': the sum is given."""
    return verb.lemma_ == "put" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _takes_over_the_practice(ctx: DocumentContext, view: SentenceView, verb: Token) -> Iterator[Fact]:
    """'The ICB said Meridian would take over on 1 April': with nothing named, a provider takes over the practice
    the page is about (the one it names most before)."""
    if unasserted(verb):
        return
    subject = active_subject(verb)
    taker = ctx.ref_for_token(view, subject) if subject is not None else None
    practice = most_named_before(ctx, view, verb, {"Practice"})
    if taker is not None and taker.type in ORGS and practice is not None and practice != taker.key:
        yield Fact(taker.key, "tookOver", practice, view.sentence, "actions.take-over-the-practice", 0.6, cue="take over")


def _apply(ctx: DocumentContext, view: SentenceView, verb: Token, rule, lemma: str) -> Iterator[Fact]:
    # 'a health centre, paid for by the council': a participle with its preposition left over is passive, and who
    # pays for a thing funds it; on a clause ('It will move into a centre, paid for with £4.7m from X') the main
    # clause's subject is not what is paid for (a sum 'from' a body is read by `_sum_from`)
    stranded = verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and \
        any(c.dep_ == "prep" and not any(o.dep_ == "pobj" for o in c.children) for c in verb.children)
    if stranded and (verb.dep_ == "advcl" or lemma != "pay"):
        return
    predicate, subject_types, object_types = VERB_RULES["fund"] if stranded else rule
    # 'the review, commissioned by the health secretary': a participle with an agent is passive too
    passive = stranded or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
        verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    subject_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject_tok is None and verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        # 'NHS England has agreed to pay Babylon £4.5m': the subject of the verb it completes pays; one who is
        # asked or urged to ('urged NHS England to fund...') has done nothing yet
        if any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ in ("on", "upon")
               for c in verb.head.children) or verb.head.lemma_ in ASKING_VERBS:
            return  # 'called on the DHSC to fund...', 'wants the ICB to pay...'
        subject_tok = active_subject(verb.head) or next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    if subject_tok is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        subject_tok = active_subject(verb.head.head)  # 'Castlegate is due to take over the practice'
    if subject_tok is None and verb.dep_ == "acl" and verb.head.lower_ in _CONTRACT_NOUNS and \
            verb.head.dep_ == "dobj" and verb.head.head.lemma_ in _HOLDING_CONTRACTS:
        # 'X, which holds the £330m contract to run the platform', 'won the contract to run the centre': who holds
        # the contract does what it is for
        holder = verb.head.head
        subject_tok = antecedent(active_subject(holder) or next((c for c in holder.children if c.dep_ == "nsubjpass"),
                                                                 None), holder)
        if subject_tok is None:
            return
    if subject_tok is None and verb.dep_ in ("relcl", "acl", "xcomp"):
        subject_tok = verb.head
        if subject_tok.dep_ == "appos" and ctx.ref_for_token(view, subject_tok) is None:
            subject_tok = subject_tok.head  # 'the Review of X, an independent review led by Y': the one named
        # 'X was the first to offer Y': the subject of the copula
        if subject_tok.dep_ in ("attr", "acomp"):
            subject_tok = next((c for c in subject_tok.head.children if c.dep_ == "nsubj"), subject_tok)
    if subject_tok is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # 'is to open clinics after winning a contract': who does what the phrase hangs on
        head = verb.head.head
        if head.dep_ == "npadvmod" and head.pos_ == "NOUN":
            head = head.head  # 'which was rated outstanding a year after taking over X'
        while head.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in head.children):
            head = head.head
        subject_tok = active_subject(head) or next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        subject_tok = antecedent(subject_tok, head)
    if subject_tok is None and verb.dep_ == "conj":
        # 'is forecasting an overspend and has asked NHS England for a £25m loan': the first verb's subject
        subject_tok = active_subject(verb)
    if subject_tok is None and verb.dep_ == "advcl":
        # 'paid £3.5m in dividends while borrowing £10m from Barclays': the main clause's subject borrowed
        subject_tok = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject_tok is not None and antecedent(subject_tok, verb) is not subject_tok:
        subject_tok = verb.head
        if subject_tok.dep_ == "appos" and ctx.ref_for_token(view, subject_tok) is None:
            subject_tok = subject_tok.head  # 'Vantage Primary Care, a private company that won a contract from X'
    agent_tok = None
    if passive:
        agent_tok = passive_agent(verb)
        subject_tok, object_toks = agent_tok, [subject_tok] if subject_tok is not None else []
    else:
        object_toks = [c for c in verb.children if c.dep_ in ("dobj", "prep", "attr") and c.i > verb.i
                       and c.lower_ not in ("according", "in", "on", "during", "after", "before", "since", "through", "via",
                                            "under", "against")]
        if not any(c.dep_ == "dobj" for c in verb.children):
            # 'she chaired Sheffield LMC from 2014': the parser may take a name right after the verb for an adverb
            object_toks += [c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.pos_ == "PROPN"
                            and c.i > verb.i and c.left_edge.i == verb.i + 1]
    # 'launched a campaign against the GP contract': what a fight is against is no object of the verb
    object_toks = [t for t in object_toks if ctx.ref_for_token(view, t) is not None or
                   not any(c.dep_ == "prep" and c.lower_ == "against" for c in t.children)]
    if predicate in RECIPIENT_OBJECTS and not passive:
        # 'fined the ICB £200,000', 'paid the practice £10,000': who gets the sum is what the relation is to
        object_toks = [c for c in verb.children if c.dep_ == "dative" and c.i > verb.i] + object_toks
        # 'paid £3.2m in dividends to its parent company': the parser may hang the 'to' phrase on the sum's use
        object_toks += [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i for o in c.children
                        if o.dep_ == "pobj" and o.lemma_.lower() in _PAYMENT_NOUNS
                        for p in o.children if p.dep_ == "prep" and p.lower_ == "to"]
    if predicate == "funds" and not passive:
        # 'put up £14,600 to cover the first year for X': whom the sum's purpose is for
        object_toks += [t for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ in _COVERING and
                        any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for t in c.subtree if t.dep_ == "prep" and t.lower_ == "for"]
        # 'we have funded 1,500 GPs through the ARRS': and the funding scheme the money goes through (not the means
        # of something else: 'fund the recruitment through the NHS App')
        object_toks += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("through", "via") and c.i > verb.i
                        and any(_FUNDING_SCHEME.search(ctx.labels.get(key, ""))
                                for key in _objects(ctx, view, c, POLICIES))]
    if predicate == "wonContract" and money_in(verb) is None and \
            not any(t.lower_ in _CONTRACT_NOUNS for t in verb.subtree):
        return  # 'won the support of the BMA', 'won an award': no contract, no sum
    # 'will take over the service from Vantora': who it is taken from is its last holder, not what is taken (with
    # nothing else taken, 'the ICB, which took over from the CCG', the successor takes the body over)
    from_holder = {r.key for p in verb.subtree if p.dep_ == "prep" and p.lower_ == "from"
                   for r in ctx.refs_under(view, p)} \
        if predicate == "tookOver" and any(c.dep_ == "dobj" for c in verb.children) else set()
    if predicate == "founded" and not passive:
        object_toks = [t for t in object_toks if t.dep_ == "dobj"]  # 'set up a meeting with NHS England' founds no one
    if predicate == "published":
        # 'published plans to expand the ARRS': what is published is the plan, which `_plan_nouns` reads
        object_toks = [t for t in object_toks if t.lower_ not in PLAN_NOUNS or ctx.ref_for_token(view, t) is not None]
    preposition = ONLY_WITH_PREPOSITION.get(lemma)
    if preposition is not None and not passive:
        object_toks = [t for t in verb.children if t.dep_ == "prep" and t.lower_ == preposition and t.i > verb.i]
        if not object_toks and lemma == "subcontract":
            # 'subcontracted its out-of-hours service to X', 'will subcontract the first stage of triage to X': the
            # parser hangs the 'to' phrase on what is subcontracted
            object_toks = [t for d in verb.children if d.dep_ == "dobj" for t in d.subtree
                           if t.dep_ == "prep" and t.lower_ == preposition][:1]
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
    if predicate in BODY_ACTS and subject_tok.lower_ == "we":
        # '"We are working closely with the LMC," said the ICB's director', 'we subcontract weekend visits to X': the
        # speaker for their body, which the collective step reads from the speaker's post
        subject_types = subject_types | {"Person"}
    agents = _agents(ctx, view, subject_tok, subject_types, passive)
    for tok in object_toks:
        targets = [t for t in _objects(ctx, view, tok, object_types) if t not in from_holder]
        if passive and verb.dep_ in ("acl", "relcl") and verb.head.i == tok.i:
            # 'a scheme jointly funded by X, Y and Z': the names in the clause are who acts, not what is acted on
            clause_start = view.offset(verb.left_edge)
            clause_end = view.offset(verb.right_edge) + len(verb.right_edge.text)
            outside = {r.key for r in ctx.refs_under(view, tok) if not clause_start <= r.mention.start < clause_end}
            targets = [t for t in targets if t in outside]
        if not targets and tok.dep_ == "dobj" and ctx.refs_under(view, tok):
            # 'ran the Camden Practice under an APMS contract': what was run is named, and of no kind the verb takes
            return
        if not targets:
            continue
        amount = money_in(verb)
        qualifier = amount.text if amount else None
        if predicate == "rates":
            qualifier = _rating(ctx, view, verb if passive else tok)
        elif predicate == "holdsRole":
            qualifier = lemma
        if predicate == "funds" and tok.dep_ == "dobj":
            # 'will fund a £185,000 support package for Elm Surgery': the body the package is for is funded too
            targets += [t for p in (*tok.children, *verb.children) if p.dep_ == "prep" and p.lower_ == "for"
                        and p.i > tok.i for t in _objects(ctx, view, p, ORGS) if t not in targets]
        for target in targets:
            said = _led(ctx, verb, target) if lemma == "lead" else _delivered(ctx, lemma, predicate, target)
            for agent in agents:
                if agent != target:
                    yield Fact(agent, said, target, view.sentence, f"actions.{lemma}", 0.7, cue=lemma,
                               qualifier=qualifier, amount=amount)
        return


_PLAN_WORDS = re.compile(r"\b(?:plan|strategy)\b", re.I)


def _delivered(ctx: DocumentContext, lemma: str, predicate: str, target: str) -> str:
    """Who delivers a plan or a strategy ('as we deliver the 10 Year Health Plan') carries out their plan; who
    delivers a service runs it."""
    if lemma == "deliver" and predicate == "operates" and _PLAN_WORDS.search(ctx.labels.get(target, "")):
        return "plans"
    return predicate


_FUNDING_SCHEME = re.compile(r"\b(?:scheme|fund|grant|reimbursement|budget)s?\b", re.I)
_CHAIRED_WORKS = {"review", "inquiry", "commission", "taskforce"}


def _led(ctx: DocumentContext, verb: Token, target: str) -> str:
    """Who leads a review or an inquiry chairs it; who leads a report is its lead author."""
    words = {verb.head.lower_, *(w for r in ctx.refs if r.key == target for w in r.mention.text.lower().split())}
    return "chaired" if not _CHAIRED_WORKS.isdisjoint(words) else "authored"


# the grade after what is rated, up to a mark or a word that starts a phrase of its own: 'rated the practice as
# requires improvement in 2023', 'was rated inadequate by the CQC', "rated them as ‘highly opaque,’"
_GRADE_END = r"in|by|for|after|following|last|since|on|at|with|and|or|but|because|to|from|over|this|its|their"
_RATING = re.compile(r"\s*(?:as\s+)?[‘'\"“]?(?!(?:%s)\b)(?P<grade>[A-Za-z][A-Za-z -]{0,40}?)[’'\"”]?"
                     r"(?=\s*(?:[,.;:’'\"”)]|$)|\s+(?:%s)\b)" % (_GRADE_END, _GRADE_END))


def _rating(ctx: DocumentContext, view: SentenceView, after: Token) -> str | None:
    """The grade after the passive verb, or after the name of what is rated (not its parse subtree, which may
    hold the grade: 'rated Park Lane Surgery outstanding')."""
    named = ctx.ref_for_token(view, after) if after.pos_ != "VERB" else None
    return _grade_at(ctx, view, named.mention.end if named is not None else view.offset(after) + len(after.text))


def _grade_at(ctx: DocumentContext, view: SentenceView, start: int) -> str | None:
    match = _RATING.match(ctx.adoc.document.text[:view.sentence.end], start)
    grade = match.group("grade").strip() if match else ""
    return (grade if grade.isupper() else grade.lower()) or None  # a letter grade ('E') keeps its case


def _plan_nouns(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'its plans to promote upscaling', 'NHS England's proposals for a new contract', 'the Government unveiled
    plans to scrap QOF': the owner of the plan (its possessor, else the subject of the verb it is the object
    of) plans the policies named in what the plan is to do or for."""
    for noun in view.tokens:
        if noun.lower_ not in PLAN_NOUNS or noun.pos_ != "NOUN" or any(c.dep_ == "neg" for c in noun.children):
            continue
        contents = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i and
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        contents += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"]
        if not contents:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        # 'unveiled plans to...' is the subject's plan; 'opposed any plan to...' is not
        if owner is None and noun.dep_ == "dobj" and verb_lemma(noun.head, PLAN_VERBS) and \
                not any(c.dep_ == "det" and c.lower_ in ("any", "no", "the", "these", "those") for c in noun.children):
            owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if owner is None:
            continue
        agent = _entity(ctx, view, owner, {"Person"} | ORGS) if owner.dep_ == "poss" else \
            next(iter(_agents(ctx, view, owner, {"Person"} | ORGS, False)), None)
        if agent is None:
            continue
        for content in contents:
            # what the plan is to do with it ('plans to fold PCNs into...'): the qualifier; only what it acts on
            # is planned ('a plan to end the 8am rush, with £240m for telephone systems' plans no end to them)
            action = content.lemma_.lower() if content.pos_ == "VERB" else None
            if content.pos_ == "VERB":
                heads = [c for c in content.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
                named = [ctx.ref_for_token(view, t) for h in heads for t in (h, *h.conjuncts)]
                found = [r for r in named if r is not None and r.type in POLICIES]
            else:
                found = ctx.refs_under(view, content, POLICIES)
            for target in dict.fromkeys(r.key for r in found):
                if target != agent:
                    yield Fact(agent, "plans", target, view.sentence, "actions.plan-noun", 0.6, cue=noun.lower_,
                               qualifier=action)


_AUTHOR_NOUNS = {"author", "co-author", "coauthor", "authors", "co-authors"}


def _report_authors(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Dr X, senior fellow at Y and the report's lead author, said': a person described as a report's author
    wrote it."""
    if "author" not in view.sentence.text:
        return
    for word in view.tokens:
        if word.lower_ not in _AUTHOR_NOUNS or word.dep_ not in ("appos", "conj"):
            continue
        doc = word.doc
        # ('the report's co-author': the parser may split 'co-author' and hang the owner on 'co')
        words = [word] + ([doc[word.i - 2]] if word.i >= 2 and doc[word.i - 1].text == "-" and
                          doc[word.i - 2].lower_ == "co" else [])
        owner = next((c for w in words for c in w.children if c.dep_ == "poss"), None)
        report = ctx.ref_for_token(view, owner) if owner is not None else None
        if report is None or report.type != "Report":
            continue
        holder = post_holder(word)
        person = ctx.ref_for_token(view, holder) if holder is not None else None
        if person is not None and person.type == "Person":
            yield Fact(person.key, "authored", report.key, view.sentence, "actions.report-author", 0.7,
                       cue=word.lower_)


_PLANNED = {"planned", "proposed", "promised", "intended", "mooted"}


def _planned(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'the government's planned neighbourhood health service', 'NHS England's proposed access standard': whose
    policy it is to come plans it."""
    if not any(word in view.sentence.text for word in _PLANNED):
        return
    for word in view.tokens:
        if word.lower_ not in _PLANNED or word.dep_ != "amod" or word.head.pos_ not in ("NOUN", "PROPN"):
            continue
        owner = next((c for c in word.head.children if c.dep_ == "poss"), None)
        agent = _entity(ctx, view, owner, {"Person"} | ORGS) if owner is not None else None
        if agent is None:
            continue
        for target in dict.fromkeys(r.key for r in ctx.refs_under(view, word.head, POLICIES)):
            if target != agent:
                yield Fact(agent, "plans", target, view.sentence, "actions.planned", 0.65, cue=word.lower_)


def _announced_reform(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'NHS England has said the GP contract is set for its biggest reform', 'the minister announced that QOF
    will be scrapped': a speaker who says a policy is to change plans that change."""
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb_lemma(verb, SPEECH_VERBS) is None or unasserted(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        speaker = _entity(ctx, view, subject, {"Person"} | ORGS)
        if speaker is None:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            change = _change_of(clause)
            if change is None:
                continue
            policy = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if policy is None:
                continue
            for target in dict.fromkeys(r.key for r in ctx.refs_under(view, policy, POLICIES)):
                yield Fact(speaker, "plans", target, view.sentence, "actions.announced-reform", 0.6,
                           cue=change, qualifier=change)


# relations to whoever receives the sum, named as the indirect object
RECIPIENT_OBJECTS = {"fines", "pays", "funds"}
# 'is set to scrap', 'is going to overhaul', 'intends to replace': a change to come, said by the head verb
_FUTURE_HEADS = {"set", "go", "intend", "aim", "expect", "due", "plan", "prepare", "promise", "pledge", "vow"}


def _future_reform(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The Government will scrap the QOF', 'NHS England is set to expand the ARRS': who will change a policy
    plans that change. Not a change in the past ('scrapped the QOF in 2019') nor one denied ('will not scrap')."""
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb_lemma(verb, REFORM_VERBS) is None:
            continue
        if any(c.dep_ in ("neg", "auxpass") for c in verb.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children) or \
                any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) and verb.dep_ == "ccomp" and \
                verb_lemma(verb.head, SPEECH_VERBS | {"say"}) is not None:
            # ('NHS Kent ICB said it would pilot two hubs': the future of reported speech)
            clause = verb
        elif verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children) and \
                verb.head.lemma_.lower() in _FUTURE_HEADS and not any(c.dep_ == "neg" for c in verb.head.children):
            clause = verb.head
        else:
            continue
        # 'NHS England is set to...': the subject of the passive head
        subjects = ("nsubj",) if clause is verb else ("nsubj", "nsubjpass")
        subject = next((c for c in clause.children if c.dep_ in subjects), None)
        agent = _entity(ctx, view, subject, {"Person"} | ORGS) if subject is not None else None
        if agent is None:
            continue
        change = " ".join([verb_lemma(verb, REFORM_VERBS)] + [c.lower_ for c in verb.children if c.dep_ == "prt"])
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for target in dict.fromkeys(r.key for r in ctx.refs_under(view, obj, POLICIES)):
                if target != agent:
                    yield Fact(agent, "plans", target, view.sentence, "actions.future-reform", 0.6, cue=change,
                               qualifier=change)


def _change_of(clause: Token) -> str | None:
    """The change a clause says is coming to its subject: 'is set for (its biggest) reform', 'will be scrapped',
    'is to be overhauled', 'faces an overhaul'; None for a clause about the present or the past."""
    future = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "'ll") for c in clause.children)
    for token in clause.subtree:
        if token.head.i != clause.i and token.i != clause.i and token.head.head.i != clause.i:
            continue
        if token.pos_ == "NOUN" and token.lower_ in CHANGE_NOUNS and token.dep_ in ("pobj", "dobj"):
            via = token.head if token.dep_ == "pobj" else clause
            if via.lower_ in ("for", "to") or verb_lemma(clause, {"face", "need", "undergo", "get"}) or future:
                return token.lemma_.lower()
        if token.pos_ == "VERB" and verb_lemma(token, REFORM_VERBS):
            passive = token.i == clause.i and any(c.dep_ == "auxpass" for c in token.children)
            infinitive = token.dep_ == "xcomp" and any(c.lower_ == "to" for c in token.children)
            if (passive and future) or infinitive:
                particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
                return f"{verb_lemma(token, REFORM_VERBS)} {particle}".strip()  # 'phase out'
    return None


def _examples(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'We only have to look at closures in towns like Brighton and Plymouth', 'she pointed to areas such as
    Tower Hamlets': the places after 'like' or 'such as' are examples cited by the clause's subject; so are the
    places or bodies 'singled out as an example'."""
    for prep in view.tokens:
        if prep.dep_ != "prep" or prep.lower_ not in ("like", "as"):
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), prep)
        if prep.lower_ == "as" and not (prep.i > 0 and prep.nbor(-1).lower_ == "such"):
            # 'singled out Grimsby as an example of the madness': what the verb takes is the example
            if pobj.lemma_ != "example" or prep.head.pos_ != "VERB":
                continue
            cited = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
            places = _objects(ctx, view, cited, {"Place"} | ORGS) if cited is not None else []
        else:
            places = _objects(ctx, view, pobj, {"Place"})
        if not places:
            continue
        agent = _clause_agent(ctx, view, prep.head)
        if agent is None or ctx.types.get(agent, "Commenter") not in {"Person", "Commenter", "Report"} | ORGS:
            continue
        for place in places:
            yield Fact(agent, "citesExample", place, view.sentence, "actions.example", 0.6, cue=prep.lower_)


# ('a reporter' or 'correspondent' is a post on the publication's staff, which the roles rules read)
_WRITER_POSTS = {"columnist", "contributor", "blogger"}


def _writers(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Dr X is a locum in Stockport and a regular columnist for GP Frontline', '... and a regular GPonline
    columnist': who is a columnist (contributor, blogger) for a publication writes for it, and holds that post."""
    for token in view.tokens:
        if token.lower_ not in _WRITER_POSTS:
            continue
        outlet = next((o for p in token.children if p.dep_ == "prep" and p.lower_ in ("for", "at", "on")
                       for o in p.children if o.dep_ == "pobj"), None)
        named_before = outlet is None
        if named_before:
            outlet = next((c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i), None)
        ref = ctx.ref_for_token(view, outlet) if outlet is not None else None
        if ref is None or ref.type != "Publication":
            continue
        post = token
        while post.dep_ == "conj":
            post = post.head
        # ('a partner at Elm Surgery and a regular Pulse columnist': the parser joins the second post to the place)
        while post is not token and post.dep_ in ("pobj", "prep", "conj") and post.head.i != post.i:
            post = post.head
        if post.dep_ == "appos":
            person = post.head
        elif post.dep_ == "attr":
            person = next((c for c in post.head.children if c.dep_ == "nsubj"), None)
        else:
            continue
        writer = ctx.speaker_for(view, person) if person is not None else None
        if writer is not None and ctx.types.get(writer) == "Person":
            yield Fact(writer, "wroteFor", ref.key, view.sentence, "actions.writer-for", 0.75, cue=token.lower_)
            if named_before:  # (the roles rules read 'columnist for X', not a post after a second one's 'and a')
                yield Fact(writer, "holdsRole", ref.key, view.sentence, "actions.writer-post", 0.75,
                           qualifier=token.lower_)


def _clause_agent(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    """Who the clause of `verb` is said by: its subject, or the subject of the clause it opens or joins."""
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = None
    while subject is None:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return ctx.speaker_for(view, subject) if subject is not None else None


def _caused_change(verb: Token):
    """A rule for 'X precipitated changes to Y' when the verb's object is a change to something."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in CHANGE_NOUNS):
        if any(p.dep_ == "prep" and p.lower_ in ("to", "in", "of") for p in obj.children):
            return ("causedChangeTo", ORGS | POLICIES, POLICIES | ORGS)
    return None


def _objects(ctx: DocumentContext, view: SentenceView, token: Token, types: set[str]) -> list[str]:
    """The first entity of the allowed types in the object phrase, and those coordinated with it
    ('in Wolverhampton and Gosport'); not one in a relative clause on the phrase ('a refurbishment of the Wainfleet
    surgery, which the CQC rated "requires improvement"')."""
    refs = ctx.refs_under(view, token, types)
    clauses = [(view.offset(c.left_edge), view.offset(c.right_edge) + len(c.right_edge.text))
               for c in token.subtree if c.dep_ == "relcl" and c.i != token.i] if refs else []
    if clauses:
        refs = [r for r in refs if not any(s <= r.mention.start < e for s, e in clauses)]
    head = ctx.ref_for_token(view, token) if len(refs) > 1 else None
    if head is not None and head.mention.source == "owned-body" and head in refs:
        # 'chairs the Wexcombe Surgery patient participation group': the group, not the practice that owns it
        refs = [head]
    if len(refs) > 1 and refs[0].mention.source == "coref.pronoun" and \
            refs[0].mention.text.lower() in ("its", "their"):
        refs = refs[1:]  # 'to its parent company Centene': the one named, not the owner 'its' stands for
    if not refs and token.pos_ in ("NOUN", "PROPN"):
        # 'published its latest report, Access Denied, on Monday': the name runs past the phrase the parser gives
        named = ctx.ref_for_token(view, token)
        refs = [named] if named is not None and named.type in types else []
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
        else:
            if ref.type == refs[0].type and _after_its_town(ctx, view, refs[0], ref):
                # 'took over Aire Valley Health Centre in Bradford and Dewsbury Road Practice in Leeds': the parser
                # joins the second practice to the first one's town
                keys.append(ref.key)
    return list(dict.fromkeys(keys))


_IN_TOWN_AND = re.compile(r"\s+(?:in|at)\s+(?P<town>[^,;]+?)\s+and\s+")


def _after_its_town(ctx: DocumentContext, view: SentenceView, named: Ref, other: Ref) -> bool:
    text = ctx.adoc.document.text
    between = _IN_TOWN_AND.fullmatch(text, named.mention.end, other.mention.start)
    return between is not None and any(r.type == "Place" and r.mention.start == between.start("town") and
                                       r.mention.end == between.end("town")
                                       for r in ctx.refs_in(named.mention.end, other.mention.start))


def _agents(ctx: DocumentContext, view: SentenceView, token: Token, types: set[str], passive: bool) -> list[str]:
    """Who did it: one entity, or in a passive 'by A and B' every person named."""
    if passive:
        people = list(dict.fromkeys(r.key for r in ctx.refs_under(view, token, {"Person"} & types)))
        if people:
            return people
    agents = [_entity(ctx, view, token, types)]
    # 'Myself and Simon Hodes did...': every coordinated subject, however many
    agents += [_entity(ctx, view, c, types) for c in token.conjuncts if c.i > token.i]
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
            # ('The offer, set out to the BMA on Tuesday, would add...': not a name in a clause on the subject)
            clauses = [(view.offset(c.left_edge), view.offset(c.right_edge) + len(c.right_edge.text))
                       for c in token.children if c.dep_ in ("acl", "relcl")]
            refs = before[-1:] or [r for r in refs if not any(s <= r.mention.start < e for s, e in clauses)]
        if refs:
            return refs[0].key
    return None


def money_in(verb: Token) -> Money | None:
    """The sum of money in what follows the verb ('won £2bn of NHS contracts'), or None.

    The parser may hang the currency sign on the verb and the figure on its object, so the verb's whole
    right-hand side is read.
    """
    return parse_money(verb.doc[verb.i + 1:verb.right_edge.i + 1].text)


def _for_funds(verb: Token) -> bool:
    """'for a local hardship fund', 'for emergency funding': what is asked for is money, though no sum is named."""
    return any(o.lemma_.casefold() in FUNDS_NOUNS for o in prep_objects(verb, "for")) or _to_pay(verb)


def _to_pay(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and c.lemma_ in _PAYING for c in verb.children)  # 'asking it to fund a service'


_PAYING = {"fund", "pay", "finance", "bankroll", "underwrite"}
_COVERING = _PAYING | {"cover", "meet", "support"}


_ONE_WORD_BETWEEN = re.compile(r"^[’”'\"]?\s+([A-Za-z]+)\s+$")


SELL_VERBS = {"sell", "transfer", "hand"}


def _sales(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Operose Health has sold its 40 practices to Elevance Care': the buyer took over what the seller sold,
    as 'Elevance Care bought Operose's practices' says (`tookOver`, with the sum where one is named)."""
    for verb in view.tokens:
        lemma = verb_lemma(verb, SELL_VERBS) if verb.pos_ == "VERB" else None
        if lemma is None or any(c.dep_ in ("neg", "auxpass") for c in verb.children):
            continue
        if lemma == "hand" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
            continue  # 'handed back their contract' is no sale
        seller = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        buyers = prep_objects(verb, "to")
        if seller is None or not buyers:
            continue
        seller_key = _entity(ctx, view, seller, ORGS)
        sold = next((c for c in verb.children if c.dep_ == "dobj"), None)
        business = ctx.ref_for_token(view, sold) if sold is not None else None
        if business is not None and business.type in ORGS:
            seller_key = business.key  # 'X sold Elm Tree Surgery to Y': Y took over the business sold, not X
        amount = money_in(verb)
        for buyer in _objects(ctx, view, buyers[0], ORGS):
            if seller_key is not None and buyer != seller_key:
                yield Fact(buyer, "tookOver", seller_key, view.sentence, f"actions.{lemma}-to", 0.65, cue=lemma,
                           qualifier=amount.text if amount else None, amount=amount)


TAKEOVER_NOUNS = {"acquisition", "takeover", "take-over", "purchase", "buyout", "buy-out"}
_TAKEOVER_WORD = re.compile(r"(?i)\b(?:%s)\b" % "|".join(re.escape(n) for n in TAKEOVER_NOUNS))
# a takeover only spoken of, fought or stopped is none done
_UNDONE_TAKEOVER = {"propose", "plan", "consider", "oppose", "block", "reject", "fight", "challenge", "halt", "stop",
                    "prevent", "investigate", "review", "scrutinise", "bid", "seek", "explore", "abandon", "veto"}
_DOING_TAKEOVER = {"complete", "finalise", "finalize", "seal", "close", "announce", "agree", "make"}
_UNDONE_EPITHETS = {"proposed", "planned", "possible", "potential", "mooted", "rumoured", "attempted", "failed",
                    "abortive", "hostile", "prospective"}


def _acquisitions(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'the takeover of AT Medics by Operose Health', 'Castlegate completed its acquisition of Fenside': the one that
    acquires (after 'by', the noun's owner, or the subject of the verb that did it) took over what the noun is of."""
    if not _TAKEOVER_WORD.search(view.sentence.text):
        return
    for noun in view.tokens:
        if noun.pos_ != "NOUN" or noun.lower_ not in TAKEOVER_NOUNS or \
                any(c.dep_ in ("amod", "neg") and c.lower_ in _UNDONE_EPITHETS | {"no"} for c in noun.children):
            continue
        governor = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        if governor is not None and (verb_lemma(governor, _UNDONE_TAKEOVER) or only_possible(governor) or
                                     any(c.dep_ == "neg" for c in governor.children)):
            continue
        targets = [t for o in prep_objects(noun, "of") for t in _objects(ctx, view, o, ORGS)]
        if not targets:
            continue
        by = prep_objects(noun, "by")
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        takers = _objects(ctx, view, by[0], ORGS) if by else []
        if not takers and owner is not None:
            ref = ctx.ref_for_token(view, owner)
            takers = [ref.key] if ref is not None and ref.type in ORGS else []
        if not takers and governor is not None and noun.dep_ == "dobj" and \
                (owner is not None or verb_lemma(governor, _DOING_TAKEOVER)):
            subject = active_subject(governor)
            takers = _agents(ctx, view, subject, ORGS, passive=False) if subject is not None else []
        for taker in takers[:1]:
            for target in targets:
                if target != taker:
                    yield Fact(taker, "tookOver", target, view.sentence, "actions.acquisition-of", 0.65,
                               cue=noun.lower_)


RAISE_VERBS = {"raise", "secure", "receive", "attract", "obtain"}


def _raised(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The company raised £20m from investment firm X': the one the sum comes from funds the one that raised it;
    'has raised more than £42,000 for Weldmar Hospicecare': the one who raised it funds the one it is for."""
    if " from " not in view.sentence.text and " for " not in view.sentence.text:
        return
    for verb in view.tokens:
        lemma = verb_lemma(verb, RAISE_VERBS) if verb.pos_ == "VERB" else None
        if lemma is None or any(c.dep_ in ("neg", "auxpass") for c in verb.children):
            continue
        amount = money_in(verb)
        subject = active_subject(verb)
        if lemma == "raise" and amount is not None and subject is not None and not unasserted(verb):
            for raiser in _agents(ctx, view, subject, ORGS | {"Person"}, passive=False):
                for cause in (o for p in prep_objects(verb, "for") for o in _objects(ctx, view, p, ORGS)):
                    if cause != raiser:
                        yield Fact(raiser, "funds", cause, view.sentence, "actions.raise-for", 0.65, cue=lemma,
                                   qualifier=amount.text, amount=amount)
        # 'secured £2m of funding from NHS England': the parser may hang 'from' on what the sum is of
        sources = prep_objects(verb, "from") or [o for d in verb.children if d.dep_ == "dobj" for t in d.subtree
                                                 if t.dep_ == "prep" and t.lower_ == "from"
                                                 for o in t.children if o.dep_ == "pobj"]
        if amount is None or subject is None or not sources:
            continue
        for raiser in _agents(ctx, view, subject, ORGS | {"Person"}, passive=False):
            for funder in _objects(ctx, view, sources[0], ORGS | {"Person"}):
                if funder != raiser:
                    yield Fact(funder, "funds", raiser, view.sentence, f"actions.{lemma}-from", 0.65, cue=lemma,
                               qualifier=amount.text, amount=amount)


_CONTRACT_NOUNS = {"contract", "contracts", "tender", "tenders", "franchise", "deal"}
_HOLDING_CONTRACTS = {"hold", "have", "win", "secure", "award", "land", "retain", "keep", "grant"}


def _awards(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The ICB awarded the contract to X', 'X was awarded the contract by the ICB', 'the contract was awarded to X
    by the ICB': X won the contract from the one that awarded it."""
    if "award" not in view.sentence.text.lower():
        return
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb_lemma(verb, {"award"}) is None or unasserted(verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        to = prep_objects(verb, "to")
        if passive:
            # the parser may hang 'by the ICB' on the contract ('was awarded a £2m contract by NHS Kent')
            by = [a for a in [passive_agent(verb)] if a is not None] + prep_objects(verb, "by") + \
                [o for d in verb.children if d.dep_ == "dobj" for o in prep_objects(d, "by")]
            awarded = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            winners = to or ([awarded] if awarded is not None else [])
        else:
            by = [s for s in [active_subject(verb) or _controller(verb)] if s is not None]
            winners = to or [c for c in verb.children if c.dep_ == "dative"]
        if not to:
            # 'awarded the contract to Operose Health', 'was awarded to Operose Health by the ICB': the parser may take
            # 'to Operose' for an infinitive (and hang the 'by' phrase on it); the names after 'to' and 'by' still say
            # who
            to = _named_after(ctx, view, verb, "to")
            winners = to or winners
            if passive and not by:
                by = _named_after(ctx, view, verb, "by")
        if not by or not winners:
            continue
        awarders = _agents(ctx, view, by[0], ORGS, passive=False)
        amount = money_in(verb)
        if amount is None and passive and awarded is not None:
            # 'A £42m contract to run... has been awarded to X': the sum is in what was awarded
            amount = parse_money(verb.doc[awarded.left_edge.i:awarded.right_edge.i + 1].text)
        contract = any(t.lower_ in _CONTRACT_NOUNS for t in verb.subtree)
        if not contract and amount is None:
            continue  # 'awarded the practice a rating', 'awarded him an MBE'
        for winner in _objects(ctx, view, winners[0], ORGS):
            for awarder in awarders:
                if awarder == winner:
                    continue
                if contract:
                    yield Fact(winner, "wonContract", awarder, view.sentence, "actions.award", 0.7, cue="award",
                               qualifier=amount.text if amount else None, amount=amount)
                else:  # 'awarded £2m to the PCN': a grant
                    yield Fact(awarder, "funds", winner, view.sentence, "actions.award-sum", 0.65, cue="award",
                               qualifier=amount.text, amount=amount)


def _held_contracts(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Harbourside holds APMS contracts with NHS West Yorkshire ICB and NHS Humber and North Yorkshire ICB': a
    contract held with a body is one won from it."""
    if "contract" not in view.sentence.text:
        return
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb.lemma_ != "hold" or unasserted(verb) or only_possible(verb):
            continue
        contracts = [d for d in verb.children if d.dep_ == "dobj" and d.lower_ in _CONTRACT_NOUNS]
        subject = active_subject(verb)
        if not contracts or subject is None:
            continue
        holders = _agents(ctx, view, subject, ORGS, passive=False)
        for with_ in (p for t in (verb, *contracts) for p in t.children if p.dep_ == "prep" and p.lower_ == "with"):
            for body in (key for o in with_.children if o.dep_ == "pobj" for key in _objects(ctx, view, o, ORGS)):
                for holder in holders:
                    if holder != body:
                        yield Fact(holder, "wonContract", body, view.sentence, "actions.hold-contract", 0.65,
                                   cue="hold")


_BACKING = {"back", "fund", "finance", "support", "underpin", "pay"}


def _sum_from(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The pilot, funded by £2m from NHS England, starts in May', 'X will become Y, backed by £1.6m from NHS Devon',
    'The centre has been paid for with £4.1m from the council and £3.3m from the developer': who each sum is from
    funds what the participle describes (for a clause, what it becomes, else its subject; for a passive, its
    subject)."""
    for verb in view.tokens:
        if verb.tag_ != "VBN" or verb_lemma(verb, _BACKING) is None:
            continue
        passive = verb.dep_ in ("ROOT", "conj", "ccomp") and any(c.dep_ == "auxpass" for c in verb.children)
        if verb.dep_ not in ("acl", "advcl") and not passive or \
                verb.lemma_ == "pay" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) or \
                unasserted(verb):
            continue  # ('was paid £90,000 by the practice' pays the person)
        by = prep_objects(verb, "by") + prep_objects(verb, "with") + \
            [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if not any(parse_money(verb.doc[o.left_edge.i:o.right_edge.i + 1].text) for o in by):
            continue
        if verb.dep_ == "acl":
            # 'The Pharmacy First pilot, funded by...': the names in the phrase before the participle
            refs = [r for r in ctx.refs_under(view, verb.head) if r.mention.end <= view.offset(verb)]
        elif passive:
            refs = [r for r in (ctx.ref_for_token(view, c) for c in verb.children if c.dep_ == "nsubjpass")
                    if r is not None]
        elif verb.lemma_ == "pay" and verb.i > 1 and verb.doc[verb.i - 1].text == ",":
            # 'It will move into a new health centre, paid for with £4.7m from X': what is paid for is the noun
            # before the comma, which the parser may not hang the participle on
            refs = [r for r in [ctx.ref_for_token(view, verb.doc[verb.i - 2])] if r is not None]
        else:
            main = verb.head
            targets = [c for c in main.children if c.dep_ in ("attr", "dobj")] or \
                [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
            refs = [r for r in (ctx.ref_for_token(view, t) for t in targets) if r is not None]
        # each 'from' phrase gives the sum written after the one before it ('£4.1m from X and £3.3m from Y')
        doc, after = verb.doc, verb.i + 1
        for source in (t for t in doc[verb.i + 1:verb.right_edge.i + 1] if t.dep_ == "prep" and t.lower_ == "from"):
            amount, after = parse_money(doc[after:source.i].text), source.i + 1
            funders = [r for r in (_budget_holder(ctx, view, o) for o in source.children if o.dep_ == "pobj")
                       if r is not None and r.type in ORGS]
            for target in refs if amount is not None else ():
                for funder in funders:
                    if target.key != funder.key and target.type in ORGS | POLICIES:
                        yield Fact(funder.key, "funds", target.key, view.sentence, "actions.sum-from", 0.7,
                                   cue=verb.lemma_.casefold(), qualifier=amount.text, amount=amount)
        if passive:
            yield from _contributing_too(ctx, view, verb, refs)


_BUDGETS = {"budget", "fund", "allocation", "pot", "reserve", "reserves", "purse", "coffers"}


def _budget_holder(ctx: DocumentContext, view: SentenceView, source: Token) -> Ref | None:
    """Who a sum is from: the body named, or the one whose budget or fund it is ('£1.4m from NHS England's regional
    workforce budget')."""
    named = ctx.ref_for_token(view, source)
    if named is not None and named.type in ORGS:
        return named
    apposed = next((ctx.ref_for_token(view, c) for c in source.children if c.dep_ == "appos"), None)
    if named is None and apposed is not None and apposed.type in ORGS:
        return apposed  # '£4.7m from the developer, Persimmon Homes Ltd'
    owner = next((c for c in source.children if c.dep_ == "poss"), None)
    return ctx.ref_for_token(view, owner) if owner is not None and source.lemma_ in _BUDGETS else named


_CONTRIBUTING = {"contribute", "add", "provide", "put", "chip"}


def _contributing_too(ctx: DocumentContext, view: SentenceView, verb: Token, targets: list[Ref]) -> Iterator[Fact]:
    """'The scheme is backed by £1.4m from NHS England, with the ICB contributing a further £350,000': a body said to
    contribute a sum beside those funding it funds it too."""
    withs = [w for w in verb.children if w.dep_ == "prep" and w.lower_ == "with"]
    # ('with X contributing': the parser reads X as the clause's subject, or as the object of 'with' the verb describes)
    clauses = [(c, next((s for s in c.children if s.dep_ == "nsubj"), None)) for w in withs for c in w.children
               if c.dep_ == "pcomp"] + \
        [(c, o) for w in withs for o in w.children if o.dep_ == "pobj" for c in o.children if c.dep_ == "acl"]
    for clause, subject in clauses:
        if not verb_lemma(clause, _CONTRIBUTING):
            continue
        funder = ctx.ref_for_token(view, subject) if subject is not None else None
        amount = parse_money(clause.doc[clause.i + 1:clause.right_edge.i + 1].text)
        if funder is None or funder.type not in ORGS or amount is None:
            continue
        for target in targets:
            if target.key != funder.key and target.type in ORGS | POLICIES:
                yield Fact(funder.key, "funds", target.key, view.sentence, "actions.sum-contributed", 0.65,
                           cue="contribute", qualifier=amount.text, amount=amount)


# verbs that fund what a sum goes into: 'NHS England put £82m into the ARRS', 'the £889m the government has added to
# the GP contract' ('invested £2m in the hub' is the verb rule's, with ONLY_WITH_PREPOSITION)
_PUT_INTO = {"put": ("into", "in", "towards", "toward"), "add": ("to",), "inject": ("into",), "pump": ("into",),
             "plough": ("into",), "pour": ("into",), "contribute": ("to", "towards", "toward")}


def _sum_put_into(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    for verb in view.tokens:
        into = _PUT_INTO.get(verb.lemma_.casefold())
        if into is None or verb.pos_ != "VERB" or unasserted(verb) or only_possible(verb):
            continue
        doc = verb.doc
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in into and c.i > verb.i]
        subject = active_subject(verb)
        texts = [doc[verb.i + 1:preps[0].i].text] if preps else []  # 'put £82m into', whatever the parse of '£82m'
        if verb.dep_ == "relcl" and verb.head.i < verb.i:
            texts.append(doc[verb.head.left_edge.i:verb.head.i + 1].text)  # 'the £889m the government has added to'
        if subject is not None:
            texts.append(doc[subject.left_edge.i:subject.i + 1].text)  # 'The £82m NHS England put into', read as one
        amount = next((m for m in map(parse_money, texts) if m is not None), None)
        funder = ctx.ref_for_token(view, subject) if subject is not None else None
        funder_key = funder.key if funder is not None and funder.type in ORGS else None
        if subject is not None and subject.lower_ == "we":
            # '"We have put an extra £82m into the scheme," a spokesperson said': the speaker's body (a person's
            # 'we' is lifted to their body by the collective step)
            funder_key = ctx.speaker_for(view, subject)
            funder_key = funder_key if ctx.types.get(funder_key) in ORGS | {"Person"} else None
        if amount is None or funder_key is None:
            continue
        for recipient in (r for r in (ctx.ref_for_token(view, o) for p in into for o in prep_objects(verb, p))
                          if r is not None):
            if recipient.key != funder_key and recipient.type in ORGS | POLICIES:
                yield Fact(funder_key, "funds", recipient.key, view.sentence, "actions.sum-put-into", 0.7,
                           cue=verb.lemma_.casefold(), qualifier=amount.text, amount=amount)


# an investment, or a round of one, in a body: 'X led a £35m investment round in Clinixa', 'X made a £2m investment in
# Y', 'Y raised £35m in a funding round led by X': the investor funds the body
_ROUND_KINDS = {"investment", "funding", "financing", "fundraising"}


def _investment_rounds(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if "investment" not in view.sentence.text and " round" not in view.sentence.text:
        return
    for noun in view.tokens:
        if noun.pos_ != "NOUN" or not (noun.lower_ == "investment" or noun.lower_ == "round" and any(
                c.dep_ in ("compound", "amod") and c.lower_ in _ROUND_KINDS for c in noun.children)):
            continue
        amount = parse_money(noun.doc[noun.left_edge.i:noun.i + 1].text)
        verb = noun.head
        if noun.dep_ == "dobj" and verb.pos_ == "VERB" and not unasserted(verb) and not only_possible(verb):
            subject = antecedent(active_subject(verb), verb)  # 'X, which led a £35m investment round in Clinixa'
            investor = ctx.ref_for_token(view, subject) if subject is not None else None
            recipients = [ctx.ref_for_token(view, o) for o in prep_objects(noun, "in")]
        elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "VERB" and \
                noun.head.head.lemma_ in ("raise", "secure", "receive") and not unasserted(noun.head.head) and \
                not only_possible(noun.head.head):
            raised = noun.head.head
            amount = amount or money_in(raised)
            leader = next((agent for led in noun.children if led.dep_ == "acl" and led.lemma_ == "lead"
                           for agent in [passive_agent(led)] if agent is not None), None)
            investor = ctx.ref_for_token(view, leader) if leader is not None else None
            subject = active_subject(raised)
            recipients = [ctx.ref_for_token(view, subject)] if subject is not None else []
        else:
            continue
        if amount is None or investor is None or investor.type not in ORGS | {"Person"}:
            continue
        for recipient in recipients:
            if recipient is not None and recipient.key != investor.key and recipient.type in ORGS:
                yield Fact(investor.key, "funds", recipient.key, view.sentence, "actions.investment-round", 0.7,
                           cue="invest", qualifier=amount.text, amount=amount)


# hiring through a funding scheme: 'X PCN has recruited six pharmacists through the ARRS', 'the PAs are paid for
# through the ARRS via the Walsall North PCN': the scheme funds the body that hires (or that the pay goes via)
_HIRING = {"recruit", "employ", "hire", "appoint", "pay", "fund", "take"}
_CHANNELS = ("through", "via", "under", "using")


def _staffed_through(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    if not any(word in view.sentence.text for word in (" through ", " via ", " under ", " using ", "Through ")):
        return
    for verb in view.tokens:
        lemma = verb_lemma(verb, _HIRING) if verb.pos_ == "VERB" else None
        if lemma is None or lemma == "take" and not any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children) \
                or unasserted(verb):
            continue
        channels = [(p.lower_, r) for p in verb.children if p.dep_ == "prep" and p.lower_ in _CHANNELS
                    for o in p.children if o.dep_ == "pobj" for r in [ctx.ref_for_token(view, o)] if r is not None]
        schemes = [r for _, r in channels if r.type in POLICIES and _FUNDING_SCHEME.search(ctx.labels.get(r.key, ""))]
        if not schemes:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        subject = None if passive else active_subject(verb)
        # ('our primary care network, Charnwood Central PCN, has recruited': the name in apposition)
        named = [subject, *(c for c in subject.children if c.dep_ == "appos")] \
            if subject is not None and lemma not in ("pay", "fund") else []  # (who funds through a scheme pays)
        hirers = [r for _, r in channels if r.type in ORGS] + \
            [r for r in (ctx.ref_for_token(view, t) for t in named) if r is not None]
        for scheme in schemes:
            for hirer in hirers:
                if hirer.type in ORGS and hirer.key != scheme.key:
                    yield Fact(scheme.key, "funds", hirer.key, view.sentence, "actions.staffed-through", 0.6,
                               cue=lemma)


def _jointly(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The plan, published jointly by NHS England and the DHSC', 'the BMA and the RCGP jointly wrote to...': bodies
    that do something jointly are partners in it."""
    for verb in (t for t in view.tokens if t.lower_ in ("jointly", "together") and t.dep_ == "advmod"):
        doer = verb.head
        if doer.pos_ != "VERB" or unasserted(doer):
            continue
        heads = passive_agent(doer) if any(c.dep_ == "agent" for c in doer.children) else active_subject(doer)
        if heads is None:
            continue
        named = [ctx.ref_for_token(view, t) for t in (heads, *(c for c in heads.children if c.dep_ == "conj"))]
        bodies = list(dict.fromkeys(r.key for r in named if r is not None and r.type in ORGS))
        # ('worked together', as 'worked with', is working together short of a partnership)
        relation = "worksWith" if VERB_RULES.get(doer.lemma_.casefold(), ("",))[0] == "worksWith" else "partnerOf"
        for other in bodies[1:]:
            yield Fact(bodies[0], relation, other, view.sentence, "actions.jointly", 0.7, cue=doer.lemma_.casefold())


def _doer(ctx: DocumentContext, view: SentenceView, verb: Token) -> Ref | None:
    """The body that does what the verb says: its 'by' phrase in the passive, else its subject (or the noun a
    relative pronoun subject stands for)."""
    token = passive_agent(verb) if any(c.dep_ == "agent" for c in verb.children) else \
        antecedent(active_subject(verb), verb)
    doer = ctx.ref_for_token(view, token) if token is not None else None
    return doer if doer is not None and doer.type in ORGS else None


def _on_behalf_of(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The survey, run by Ipsos on behalf of NHS England', 'Capita, which runs the service on NHS England's
    behalf': a body doing the work for another works with it (one speaking for it is its spokesperson, not this)."""
    if "behalf" not in view.sentence.text:
        return
    for behalf in (t for t in view.tokens if t.lower_ == "behalf" and t.head.dep_ == "prep"):
        verb = behalf.head.head
        if verb.dep_ == "dobj":
            verb = verb.head  # ('runs the service on NHS England's behalf': the parser may hang it on the object)
        if verb.pos_ != "VERB" or verb_lemma(verb, load_lexicon().cue_verbs | _SPEAKING) or unasserted(verb):
            continue
        doer = _doer(ctx, view, verb)
        clients = [ctx.ref_for_token(view, t) for t in (*prep_objects(behalf, "of"),
                                                         *(c for c in behalf.children if c.dep_ == "poss"))]
        for client in (c for c in clients if c is not None and c.type in ORGS):
            if doer is not None and doer.key != client.key:
                yield Fact(doer.key, "worksWith", client.key, view.sentence, "actions.on-behalf-of", 0.7,
                           cue=verb.lemma_.casefold())


# what a speaker does for a body, beside the lexicon's verbs of speech
_SPEAKING = {"speak", "reply", "answer", "vote", "sign", "apologise"}
# making something with another body: 'a scope of practice drawn up with the GMC', 'developed the tool in partnership
# with the RCGP' (not 'agreed with', which is opinion, nor 'met with')
_MADE_WITH = {"draw", "develop", "design", "produce", "co-produce", "prepare", "create", "build", "devise", "pilot",
              "test", "deliver", "run", "launch", "carry", "conduct", "undertake", "compile"}
_TOGETHER_NOUNS = {"partnership", "collaboration", "conjunction", "association"}


def _made_with(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """Bodies that make, run or test something together work with each other: 'NHS England will publish a scope of
    practice, drawn up with the General Medical Council'; 'the ICB ran the pilot in partnership with Age UK'."""
    if " with " not in view.sentence.text:
        return
    for verb in (t for t in view.tokens if t.pos_ == "VERB"):
        together = any(o.lemma_.casefold() in _TOGETHER_NOUNS for p in verb.children if p.dep_ == "prep"
                       and p.lower_ == "in" for o in p.children if o.dep_ == "pobj")
        lemma = verb_lemma(verb, _MADE_WITH)
        if not (lemma or together) or verb_lemma(verb, load_lexicon().cue_verbs | _SPEAKING) or unasserted(verb):
            continue
        partners = prep_objects(verb, "with") if lemma else []
        partners += [w for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                     if o.dep_ == "pobj" and o.lemma_.casefold() in _TOGETHER_NOUNS for w in prep_objects(o, "with")]
        if not partners:
            continue
        doer = _doer(ctx, view, verb)
        if doer is None and verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and \
                not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in verb.children):
            # ('will publish a scope of practice, drawn up with the GMC': who drew it up is who publishes it)
            root = verb.head
            while root.dep_ not in ("ROOT", "conj", "ccomp", "relcl") and root.head.i != root.i:
                root = root.head
            doer = _doer(ctx, view, root) if root.pos_ == "VERB" else None
        for partner in (ctx.ref_for_token(view, t) for t in partners):
            if doer is not None and partner is not None and partner.type in ORGS and partner.key != doer.key:
                yield Fact(doer.key, "worksWith", partner.key, view.sentence, "actions.made-with", 0.65,
                           cue=lemma or "in partnership")


_BARGAINED = {"agree", "negotiate", "sign", "strike", "broker", "agreement", "deal", "negotiation", "talks"}


def _agreed_between(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'the national GP contract agreed between NHS England and the BMA', 'talks between the BMA and the DHSC': the
    bodies a bargain is between work with each other on it."""
    for between in (t for t in view.tokens if t.lower_ == "between" and t.dep_ == "prep"):
        bargain = between.head
        if bargain.lemma_.casefold() not in _BARGAINED and bargain.lower_ not in _BARGAINED:
            continue
        first = next((c for c in between.children if c.dep_ == "pobj"), None)
        bodies = _objects(ctx, view, first, ORGS) if first is not None else []
        for other in bodies[1:]:
            yield Fact(bodies[0], "worksWith", other, view.sentence, "actions.agreed-between", 0.7,
                       cue=bargain.lemma_.casefold())
    # 'Community Pharmacy England, which negotiates the pharmacy contract with the DHSC and NHS England'
    for verb in (t for t in view.tokens if t.pos_ == "VERB" and t.lemma_.casefold() in ("negotiate", "agree")):
        subject = antecedent(active_subject(verb), verb)
        doer = ctx.ref_for_token(view, subject) if subject is not None and not unasserted(verb) else None
        if doer is None or doer.type not in ORGS:
            continue
        # ('negotiates the pharmacy contract with the DHSC': the parser may hang 'with' on what is negotiated)
        bargains = [c for c in verb.children if c.dep_ == "dobj"]
        for first in prep_objects(verb, "with") + [o for b in bargains for o in prep_objects(b, "with")]:
            for other in _objects(ctx, view, first, ORGS):
                if other != doer.key:
                    yield Fact(doer.key, "worksWith", other, view.sentence, "actions.negotiated-with", 0.7,
                               cue=verb.lemma_.casefold())


def _spoke_at(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Speaking at Millbrook Medical Practice in Wakefield, the health secretary said...': one who speaks at a
    practice is there (a conference or a committee is an audience, not a place visited)."""
    for verb in view.tokens:
        if verb.lower_ != "speaking" or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
            continue
        subject = active_subject(verb.head)
        visitor = ctx.speaker_for(view, subject) if subject is not None else None
        if visitor is None or ctx.types.get(visitor) != "Person":
            continue
        for place in prep_objects(verb, "at"):
            ref = ctx.ref_for_token(view, place)
            if ref is not None and ref.type == "Practice":
                yield Fact(visitor, "visited", ref.key, view.sentence, "actions.spoke-at", 0.7, cue="speak")


def _controller(verb: Token) -> Token | None:
    """'The ICB voted on Tuesday to award the contract to X': the subject of the verb an infinitive completes, unless
    that verb asks another to act ('urged the ICB to award')."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or verb.head.pos_ not in ("VERB", "AUX") or verb.head.lemma_ in ASKING_VERBS or \
            any(c.dep_ in ("dobj", "dative") for c in verb.head.children):
        return None
    return active_subject(verb.head)


def _named_after(ctx: DocumentContext, view: SentenceView, verb: Token, word: str) -> list[Token]:
    """The head of the organisation named right after `word` (and an optional 'the') in the verb's clause."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != word or token.i + 1 >= len(token.doc):
            continue
        after = token.doc[token.i + 2] if token.doc[token.i + 1].lower_ == "the" and token.i + 2 < len(token.doc) \
            else token.doc[token.i + 1]
        ref = ctx.ref_for_token(view, after)
        if ref is not None and ref.type in ORGS and view.offset(after) == ref.mention.start:
            return [ctx.token_for(view, ref)]
    return []


INSPECTION_GRADES = {"outstanding", "good", "inadequate"}


_INSPECTING = {"place", "put", "find", "judge", "deem"}


def _inspections(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'X was placed in special measures by the CQC', 'Inspectors from the CQC found X to be outstanding': a grade
    the inspector gave, as 'rated' says."""
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb_lemma(verb, _INSPECTING) is None or unasserted(verb):
            continue  # the verb first: asking whether it is asserted walks the parse
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        grade = None
        measures = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "into") for o in p.children
                    if o.lower_ == "measures" and any(a.lower_ == "special" for a in o.children)]
        by = []
        if verb_lemma(verb, {"place", "put"}) and measures:
            grade = "special measures"
            inspected = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
            by = prep_objects(measures[0], "by")  # the parser may hang 'by the CQC' on the measures
        elif verb_lemma(verb, {"find", "judge", "deem"}) and not passive:
            clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd")]
            inspected = next((c for c in verb.children if c.dep_ == "dobj"), None) or \
                next((s for c in clauses for s in c.children if s.dep_ == "nsubj"), None)
            grade = next((t.lower_ for c in clauses for t in c.subtree if t.lower_ in INSPECTION_GRADES), None)
            if grade == "good":
                continue  # 'found it good' is no grade
        else:
            continue
        inspector_tok = (passive_agent(verb) or next(iter(prep_objects(verb, "by") + by), None)) if passive \
            else active_subject(verb)
        if grade is None or inspected is None or inspector_tok is None:
            continue
        inspector = _entity(ctx, view, inspector_tok, ORGS, subtree=True)
        target = ctx.ref_for_token(view, inspected)
        if inspector and target is not None and target.type in ORGS and target.key != inspector:
            yield Fact(inspector, "rates", target.key, view.sentence, "actions.inspection", 0.7, qualifier=grade)


def _adjacent(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Website ‘WhoFundsYou?’ rate Policy Exchange': where the parser finds no verb, two names with one known
    action verb between them are read as subject, verb, object."""
    text = ctx.adoc.document.text
    refs = ctx.refs_in(view.sentence.start, view.sentence.end)
    for first, second in zip(refs, refs[1:]):
        match = _ONE_WORD_BETWEEN.match(text[first.mention.end:second.mention.start])
        if match is None:
            continue
        words = [t for t in view.tokens if t.text == match.group(1) and view.offset(t) > first.mention.start]
        if not words or words[0].pos_ == "VERB":
            continue  # a word the parser already reads as a verb is handled by the dependency rules
        lemma = verb_lemma(words[0], VERB_RULES.keys())
        if lemma is None:
            continue
        predicate, subject_types, object_types = VERB_RULES[lemma]
        if first.type in subject_types and second.type in object_types and first.key != second.key:
            yield Fact(first.key, predicate, second.key, view.sentence, f"actions.adjacent-{lemma}", 0.5, cue=lemma,
                       qualifier=_grade_at(ctx, view, second.mention.end) if predicate == "rates" else None)


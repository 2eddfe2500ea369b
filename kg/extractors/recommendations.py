"""Recommendations: a report or organisation recommends, proposes or calls for a policy."""
from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Token

from kg.extractors import register
from kg.extractors.context import DocumentContext, Ref, SentenceView, negated_below, unasserted, verb_lemma
from kg.lexicon import load_lexicon
from kg.model import Fact

RECOMMENDER_TYPES = {"Report", "ThinkTank", "Organization", "GovernmentBody", "Company", "Person", "Publication"}
POLICY_TYPES = {"Policy", "Programme", "Report", "Legislation"}
# 'Other policy recommendations made by the report included:' -- a heading that introduces a list
_PLAN_HEADING_RE = re.compile(r"\b(?:plan|strategy|package|deal|offer|programme|proposals)\b[^:]{0,40}\b"
                              r"(?:includes?|included|will include|contains?|sets out|set out)\s*:\s*$", re.I)
PLANNER_TYPES = {"Organization", "GovernmentBody", "Company", "Person"}
_ITEM_GOES_ON = re.compile(r"(?:[;,]|\b(?:and|or))\s*$")
# ('The report calls for:', 'It urges:', 'The authors call on the Government to:', 'Among its 14 recommendations,
# the committee says:', 'The trust makes five recommendations to the government:')
_LIST_HEADING_RE = re.compile(r"recommendations?\b.*\b(?:include[ds]?|are|were|says?|said)\s*:?\s*$|recommend(?:s|ed)?\s*:\s*$"
                              r"|\b(?P<made>recommendations)\b[^:;.]*:\s*$"
                              r"|\b(?:calls?|called|calling)\s+for\s*:\s*$|\b(?:urges?|urged|proposes?|proposed)\s*:\s*$"
                              r"|(?P<addressed>(?:recommend(?:s|ed)?\s+that|(?:calls?|called)\s+on|urges?|urged)\s+"
                              r"[^:;.]{1,60}:\s*$)", re.I)


@register("recommendations")
def extract_recommendations(ctx: DocumentContext) -> Iterator[Fact]:
    verbs = load_lexicon().recommend_verbs
    list_recommender: str | None = None
    list_relation = "recommends"
    item_paragraph: int | None = None  # where the list item being read starts
    list_open = False  # the heading, or an item ending in ';', asks for another item
    before: SentenceView | None = None  # the sentence before
    for view in ctx.sentences():
        text = view.sentence.text.strip()
        paragraph = view.segment.segment.start
        said_before, before = before, view
        if list_recommender and (paragraph == item_paragraph or _is_list_item(ctx, view) or list_open):
            # pages copied without their bullets keep the items as paragraphs, each ending in ';' but the last
            item_paragraph = paragraph
            list_open = bool(_ITEM_GOES_ON.search(ctx.adoc.document.text[paragraph:view.segment.segment.end]))
            named = False
            for addressee in _addressees(ctx, view) if list_relation == "recommends" else ():
                # '- NHS England to replace the Carr-Hill formula by 2027': the list asks the body to do it
                yield Fact(list_recommender, "urges", addressee, view.sentence, "recommendations.list-item-addressee",
                           0.7)
            items: dict[str, str | None] = {}
            for ref in _policies(ctx, view.sentence.start, view.sentence.end):
                if _in_relative_clause(ctx, view, ref):
                    continue  # 'for practices that hand back their GMS contracts' says who, not what
                # ('Reform of the ARRS to let practices spend the scheme's budget': one policy, reformed)
                items[ref.key] = items.get(ref.key) or _removal(ctx, view, ref)
            for key, qualifier in items.items():
                named = True
                yield Fact(list_recommender, list_relation, key, view.sentence, "recommendations.list-item", 0.7,
                           qualifier=qualifier)
            if not named:
                # 'Looking at ways for NHS-trained GPs to give sessions online from abroad;': an item that names no
                # policy is recommended in its own words
                yield from _literal(ctx, view, list_recommender, list_relation, view.sentence.start,
                                    view.sentence.end, "recommendations.list-item-text", 0.65)
            continue
        list_recommender, list_relation, item_paragraph, list_open = None, "recommends", None, False
        if _PLAN_HEADING_RE.search(text):
            # 'The plan includes:' after 'NHS England has published a plan...': the items are what its maker plans
            refs = [r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.type in PLANNER_TYPES]
            list_recommender = refs[-1].key if refs else ctx.last_of_type_before(view.sentence.start, PLANNER_TYPES)
            list_relation = "plans"
            list_open = text.endswith(":")
            continue
        heading = _LIST_HEADING_RE.search(text)
        if heading is None and text.endswith(":") and said_before is not None and \
                said_before.segment.segment.start == paragraph and \
                _LIST_HEADING_RE.search(f"{said_before.sentence.text.strip()} {text}"):
            # 'The briefing sets out five recommendations for NHS England. It says:': a heading in two sentences,
            # the list of the first one's subject
            said_by = _sentence_subject(ctx, said_before)
            if said_by is not None and said_by.type in RECOMMENDER_TYPES:
                list_recommender, list_open = said_by.key, True
                continue
        if heading:
            list_open = text.endswith(":")
            refs = [r for r in ctx.refs_in(view.sentence.start, view.sentence.end) if r.type in RECOMMENDER_TYPES]
            if heading.group("made"):
                # 'The trust makes five recommendations to the government:': who they are made to is no recommender
                made_at = view.sentence.start + view.sentence.text.find(text) + heading.start("made")
                refs = [r for r in refs if r.mention.start < made_at]
            if heading.group("addressed"):
                # 'They also recommend that the Government:': who is asked is no recommender; the one who asks is
                # the subject, or (a pronoun) the report or think tank named last
                asked_from = view.sentence.start + view.sentence.text.find(heading.group("addressed"))
                refs = [r for r in refs if r.mention.start < asked_from]
            # 'The Kestrel Institute's report recommends:' is the report's list, not the institute's; 'Among its 14
            # recommendations, the committee says:' the committee's, whatever 'its' stands for
            said_by = _sentence_subject(ctx, view)
            refs = [said_by] if said_by is not None and said_by in refs else \
                [r for r in refs if r.type == "Report"] or refs
            # 'The report's recommendations include:' with no report named: the report or think tank last named
            list_recommender = refs[-1].key if refs else ctx.last_of_type_before(view.sentence.start,
                                                                                  {"Report", "ThinkTank"})
            continue
        for token in view.tokens:
            lemma = verb_lemma(token, verbs) if token.pos_ == "VERB" else None
            if lemma:
                yield from _verb(ctx, view, token, lemma)
        yield from _normative(ctx, view)


def _sentence_subject(ctx: DocumentContext, view: SentenceView) -> Ref | None:
    """What the subject of the sentence's main verb names, or None."""
    subject = next((c for c in view.span.root.children if c.dep_ == "nsubj"), None)
    return ctx.ref_for_token(view, subject) if subject is not None else None


ADDRESSEE_TYPES = {"Organization", "GovernmentBody", "Company", "ThinkTank", "Practice"}
_ASKED_TO = re.compile(r"\s+(?:to|should|must)\s+[a-z]")


def _addressees(ctx: DocumentContext, view: SentenceView) -> list[str]:
    """The bodies a list item opens with when it says what they are to do ('ICBs to direct underspends to PCNs',
    'NHS England and the DHSC should publish...')."""
    text = ctx.adoc.document.text
    at, found = view.sentence.start, []
    for ref in ctx.refs_in(view.sentence.start, view.sentence.end):
        lead = text[at:ref.mention.start].strip(" •*-–\t").lower()
        if ref.type not in ADDRESSEE_TYPES or lead not in (("", "the") if not found else ("and", "and the")):
            break
        found.append(ref.key)
        at = ref.mention.end
    return found if found and _ASKED_TO.match(text, at) else []


def _is_list_item(ctx: DocumentContext, view: SentenceView) -> bool:
    text = ctx.adoc.document.text
    line_start = text.rfind("\n", 0, view.sentence.start) + 1
    return bool(re.match(r"\s*(?:[•*\-–]|\d+[.)])\s*", text[line_start:view.sentence.start + 3]))


def _policies(ctx: DocumentContext, start: int, end: int) -> list[Ref]:
    return [r for r in ctx.refs_in(start, end) if r.type in POLICY_TYPES]


def _verb(ctx: DocumentContext, view: SentenceView, verb: Token, lemma: str) -> Iterator[Fact]:
    if unasserted(verb):
        return
    recommender = _subject(ctx, view, verb)
    if recommender is None or ctx.types.get(recommender) not in RECOMMENDER_TYPES:
        return
    # '..., warning that the partnership model is close to collapse': a participle of speech adds what was said
    speech = load_lexicon().cue_verbs
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "advcl") and c.i > verb.i
               and not (c.dep_ == "advcl" and c.tag_ == "VBG" and verb_lemma(c, speech))
               # ('... so that rural networks can employ staff': what the proposal is for, not what it proposes)
               and not (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "so" for m in c.children))
               # 'called the NHS App a disaster' names and judges it; 'called for X', 'called on Y to do X' ask
               and not (lemma == "call" and (c.dep_ in ("dobj", "ccomp") or
                                             c.dep_ == "prep" and c.lower_ not in ("for", "on")))
               # ('what the college has been calling for': a preposition without its object asks for nothing here)
               and not (c.dep_ == "prep" and not any(o.dep_ in ("pobj", "pcomp") and o.tag_ not in ("WP", "WDT")
                                                     for o in c.children))]
    if not objects or any(t.lemma_.casefold() in WARINESS for o in objects for t in (o, *o.children)
                          if t.dep_ in ("dobj", "pobj")):
        return  # 'urged caution over X', 'called for caution on X': wariness, not a recommendation
    start = min(c.left_edge.idx for c in objects)
    end = max(c.right_edge.idx + len(c.right_edge.text) for c in objects)
    base = view.segment.segment.start
    seen = set()
    for ref in _policies(ctx, base + start, base + end):
        if ref.key in seen or ref.key == recommender or _vehicle(ctx, view, ref) or _owner_only(ctx, view, ref) or \
                _setting(ctx, view, ref):
            continue
        seen.add(ref.key)
        if negated_below(ctx.token_for(view, ref), verb):
            # 'urged practices not to sign up to the PCN DES': against it
            yield Fact(recommender, "opposes", ref.key, view.sentence, "recommendations.urged-not", 0.7, cue=lemma)
            continue
        removal = _removal(ctx, view, ref)
        yield Fact(recommender, "recommends", ref.key, view.sentence, "recommendations.verb", 0.8,
                   cue=lemma, qualifier=removal)
        if removal is not None and removal.split()[0] in _DOING_AWAY:
            # 'called for the Carr-Hill formula to be scrapped': asking that it go is opposing it
            yield Fact(recommender, "opposes", ref.key, view.sentence, "recommendations.do-away-with", 0.7,
                       cue=removal)
        keeping = _done_to(ctx, view, ref, _KEEPING_VERBS, {}) if removal is None else None
        if keeping is not None:
            # 'called on the DHSC to restore the New to Partnership Payment': asking that it stay or grow backs it
            yield Fact(recommender, "supports", ref.key, view.sentence, "recommendations.keep", 0.7, cue=keeping)
    if not seen and lemma in PROPOSING_VERBS:
        # 'It recommended that funding be weighted towards deprived areas': what is proposed names no policy, so
        # the proposal is kept in its own words
        proposed = [c for c in objects if c.dep_ in ("ccomp", "xcomp")
                     or c.dep_ == "dobj" and c.pos_ == "NOUN" and ctx.ref_for_token(view, c) is None
                     or c.dep_ == "prep" and c.lower_ == "for" and lemma == "call"]
        if proposed:
            start = min(c.left_edge.idx for c in proposed)
            end = max(c.right_edge.idx + len(c.right_edge.text) for c in proposed)
            yield from _literal(ctx, view, recommender, "recommends", base + start, base + end,
                                "recommendations.verb-text", 0.7, cue=lemma)


# verbs whose object is a proposal even when it names no policy ('suggest' and 'want' also report findings and
# wishes: 'the figures suggest that...')
PROPOSING_VERBS = {"recommend", "propose", "advocate", "call"}
_LEADING = re.compile(r"^\s*(?:[•*\-–]\s*|\d+[.)]\s*)?(?:that\s+|for\s+|to\s+)?", re.I)
# ', in a report on access published today': where it was proposed, not what
_VEHICLE_TAIL = re.compile(r",\s+in\s+(?:a|an|its|the|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:%s)\b.*$" %
                           "|".join(load_lexicon().policy_heads["Report"]), re.I | re.S)
_TRAILING = re.compile(r"[\s;:,.]*(?:\b(?:and|or)\s*)?$", re.I)


# words that point at what was said elsewhere rather than say it
_POINTERS = {"this", "that", "it", "these", "those", "them", "such"}


def _literal(ctx: DocumentContext, view: SentenceView, subject: str, relation: str, start: int, end: int,
             rule: str, confidence: float, cue: str | None = None) -> Iterator[Fact]:
    text = ctx.adoc.document.text[start:end]
    lead = _LEADING.match(text).end()
    # an item ends with its line ('1. A national target...' over '2. The ARRS should...')
    words = _TRAILING.sub("", _VEHICLE_TAIL.sub("", text[lead:].split("\n", 1)[0]))
    if len(words.split()) < 3 or words.split()[0].lower() in _POINTERS:
        return  # 'recommended it', 'called for change', 'calling for this for years': too little to say what
    start += lead
    end = start + len(words)
    about = tuple(dict.fromkeys(r.key for r in ctx.refs_in(start, end)
                                if r.key != subject and r.type not in ("Commenter", "Place")))
    if words[:1] in "‘“\"'" and words[-1:] in "’”\"'" and not re.search(r"[‘’“”\"]", words[1:-1]):
        words = words[1:-1]  # a proposal quoted whole: the quotation marks are the page's, not its words
    yield Fact(subject, relation, words.strip(), view.sentence, rule, confidence, object_is_literal=True,
               cue=cue, start=start, end=end, about=about)


def _owner_only(ctx: DocumentContext, view: SentenceView, ref) -> bool:
    """'called for the scrapping of the ARRS's restrictions on hiring GPs': a policy that only owns what is proposed
    is not itself the proposal (the proposal is kept in its own words, about the policy)."""
    token = ctx.token_for(view, ref)
    while token is not None and token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ == "poss" and \
        not ref.mention.start <= view.offset(token.head) < ref.mention.end


def _vehicle(ctx: DocumentContext, view: SentenceView, ref) -> bool:
    """'called on the Government to act, in a report published today': the report is where it is asked, not what."""
    token = ctx.token_for(view, ref)
    return ref.type == "Report" and token is not None and token.dep_ == "pobj" and token.head.lower_ == "in"


def _setting(ctx: DocumentContext, view: SentenceView, ref) -> bool:
    """'recommends a rurality adjustment within the global sum': what the thing proposed sits in is not proposed."""
    token = ctx.token_for(view, ref)
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in ("within", "inside") and \
        token.head.head.pos_ == "NOUN" and ctx.ref_for_token(view, token.head.head) is None


NORMATIVE_MODALS = {"should", "must", "ought"}
WARINESS = {"caution", "restraint", "patience", "care"}


def _normative(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'The QOF should be scrapped, according to a report by the Nuffield Trust', 'Dr X said practices must adopt
    the partnership model': what someone's words say should be done to a policy is their recommendation."""
    for verb in view.tokens:
        if verb.pos_ != "VERB":
            continue
        modal = next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in NORMATIVE_MODALS), None)
        needed = _needed(verb) if modal is None else None
        if needed is not None:
            # 'The scheme needs to be permanent', 'the QOF needs to be scrapped': what is needed of it is recommended
            modal, verb = "need", needed
        if modal is None or unasserted(verb):
            continue
        speaker = ctx.quote_speaker_at(view.offset(verb))
        if speaker is None or ctx.types.get(speaker) not in RECOMMENDER_TYPES:
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        targets = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")] if modal != "need" \
            else [c for c in verb.head.children if c.dep_ == "nsubj"]
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        action = f"{verb.lemma_.lower()} {particle}" if particle else \
            verb.lemma_.lower() if verb.lemma_ != "be" else None  # ('needs to be permanent': no act named)
        for target in targets:
            for key in dict.fromkeys(r.key for r in ctx.refs_under(view, target, POLICY_TYPES)):
                if key != speaker:
                    yield Fact(speaker, "recommends", key, view.sentence, "recommendations.should", 0.7,
                               cue=modal, qualifier=action)


def _needed(verb: Token) -> Token | None:
    """For 'needs' in 'X needs to be permanent' or 'X needs to be scrapped', what X is to be ('be', 'scrapped');
    None for a need that is no demand of it ('practices need to recruit': the subject is to act)."""
    if verb.lemma_ != "need" or any(c.dep_ == "neg" for c in verb.children):
        return None
    complement = next((c for c in verb.children if c.dep_ == "xcomp" and
                       (c.lemma_ == "be" or any(a.dep_ == "auxpass" for a in c.children))), None)
    if complement is None or not any(a.dep_ == "aux" and a.lower_ == "to" for a in complement.children):
        return None
    return complement


def _subject(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subject = subjects[0]
        if subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            subject = verb.head
        return ctx.speaker_for(view, subject) or _ref_in_subtree(ctx, view, subject)
    if verb.dep_ in ("relcl", "acl"):  # 'a report that recommends', 'a report recommending'
        return ctx.speaker_for(view, verb.head)
    if verb.dep_ == "conj":
        return _subject(ctx, view, verb.head)
    return None


def _ref_in_subtree(ctx: DocumentContext, view: SentenceView, token: Token) -> str | None:
    refs = ctx.refs_under(view, token, RECOMMENDER_TYPES)
    return refs[0].key if refs else None


# verbs that recommend doing away with the policy they govern ('phasing out the GMS contract', 'scrapping
# the QOF', 'the partnership model to be replaced by...'): the recommendation keeps the verb as its qualifier
# (and of changing it: 'Reform of the ARRS to give practices...' asks for the scheme changed, not as it is)
REMOVAL_NOUNS = {"abolition": "abolish", "scrapping": "scrap", "removal": "remove", "end": "end",
                 "replacement": "replace", "withdrawal": "withdraw", "dismantling": "dismantle", "axing": "axe",
                 "reform": "reform", "overhaul": "overhaul"}
# what keeps a policy or gives it more
_KEEPING_VERBS = {"restore", "reinstate", "retain", "keep", "protect", "expand", "extend", "renew", "continue",
                 "preserve", "safeguard", "save"}
# of those, the removals that do away with a policy (not a pause, a cut or a reform of it)
_DOING_AWAY = {"scrap", "abolish", "replace", "end", "phase", "axe", "ditch", "remove", "retire", "dismantle",
               "abandon", "withdraw", "drop", "reject"}
REMOVAL_VERBS = {"scrap", "abolish", "replace", "end", "phase", "axe", "ditch", "remove", "retire", "dismantle",
                 "abandon", "withdraw", "drop", "cut", "suspend", "pause", "halt", "reject"}


def _in_relative_clause(ctx: DocumentContext, view: SentenceView, ref: Ref) -> bool:
    token = ctx.token_for(view, ref)
    while token is not None and token.head.i != token.i:
        # ('- NHS England to replace X with Y': an item's infinitive after its addressee is what it asks, whatever
        # the parser calls it)
        if token.dep_ in ("relcl", "advcl") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
        token = token.head
    return False


def _removal(ctx: DocumentContext, view: SentenceView, ref: Ref) -> str | None:
    return _done_to(ctx, view, ref, REMOVAL_VERBS, REMOVAL_NOUNS)


def _done_to(ctx: DocumentContext, view: SentenceView, ref: Ref, verbs: set[str], nouns: dict[str, str]) -> str | None:
    """What the recommendation would do to the policy, when it is one of `verbs` ('wants the PCN DES abolished',
    'called on the DHSC to restore the scheme') or the act of one of `nouns` ('the abolition of the QOF')."""
    token = ctx.token_for(view, ref)
    while token is not None and token.dep_ in ("compound", "amod", "poss", "conj") and token.head.i != token.i:
        token = token.head
    if token is not None and token.dep_ == "nsubj" and token.head.tag_ in ("VBN", "VBD") and \
            token.head.dep_ in ("ccomp", "xcomp") and verb_lemma(token.head, verbs):
        return verb_lemma(token.head, verbs)  # 'wants the PCN DES abolished', as the parser may read it
    if token is None or token.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return None
    # 'wants the PCN DES abolished': the participle that says what is to be done to it
    done = next((c for c in token.children if c.dep_ in ("acl", "amod", "oprd") and c.tag_ == "VBN" and
                 verb_lemma(c, verbs)), None) or next(
        (c for c in token.head.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.tag_ == "VBN" and
         c.i > token.i and verb_lemma(c, verbs)), None)
    if done is not None:
        return verb_lemma(done, verbs)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in nouns:
        return nouns[token.head.head.lower_]  # 'the abolition of the QOF'
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prt":
        verb = verb.head
    lemma = verb_lemma(verb, verbs) if verb.pos_ in ("VERB", "NOUN") else None
    if lemma is None:
        return None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma} {particle}" if particle else lemma


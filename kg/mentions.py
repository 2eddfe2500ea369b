"""Stage: entity mentions in analysed documents (named, lexicon, noun-phrase and byline mentions)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Iterator

from spacy.tokens import Span, Token

from kg.lexicon import MONTH_NAMES, hyphenated_uk_places, load_lexicon, starts_with_uk_place, uk_places
from kg.model import ARTICLE, COMMENT, ORGANISATION_TYPES, Mention
from kg.nlp import BODY_ACRONYM, AnalysedDocument, AnalysedSegment

TITLES = ("Dr", "Doctor", "Professor", "Prof", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady",
          "Baroness", "Rt Hon", "Cllr", "Councillor")
_ADDRESSEE = re.compile(r"(?:^|[.!?]\s+)[‘'\"]?(?:(?:Yes|No|Hi|Hello|Dear|Thanks|Thank you|Well|Sorry|Agree|Agreed|"
                        r"Exactly|Spot on|Indeed|Quite right),?\s*|@)$")
_COMPOUND_WORD = re.compile(r"-(?!\w*(?:ed|en|run|led)\b)[a-z]")
_AFTER_TITLE = re.compile(r"\b(?:%s)\.?\s+$" % "|".join(TITLES))
_TITLE_RE = re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(TITLES))
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
QUOTES = "‘’“”\"'"

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "LAW": "Legislation"}

# words that name a kind of organisation, not one organisation ('a CCG', 'GPs')
GENERIC_NAMES = {
    "gp", "gps", "ccg", "ccgs", "icb", "icbs", "ics", "icss", "pcn", "pcns", "trust", "trusts", "practice", "practices",
    "surgery", "government", "council", "committee", "board", "college", "department", "ministry",
    "nhs trust", "nhs trusts", "lmc", "hospital", "hospitals", "a&e", "covid", "covid-19", "brexit", "twitter",
    "facebook", "nhs choices reviews", "pct", "pcts", "ooh", "general practice", "primary care", "house",
}

# a common noun just before a name that says what kind of organisation the name is
KIND_WORDS = {
    "think tank": "ThinkTank", "think-tank": "ThinkTank", "thinktank": "ThinkTank",
    "company": "Company", "firm": "Company", "provider": "Company", "start-up": "Company", "startup": "Company",
    "website": "Publication", "newspaper": "Publication", "magazine": "Publication", "journal": "Publication",
    "paper": "Publication", "practice": "Practice", "surgery": "Practice", "charity": "Organization",
    "union": "Organization", "regulator": "GovernmentBody", "watchdog": "GovernmentBody",
}
# 'Website ‘WhoFundsYou?’', 'the company ‘Medicspot’': a kind word, then a quoted name of a few words
_KIND_QUOTED_RE = re.compile(r"\b(?P<kind>%s)\s+[‘“\"](?P<name>[A-Z0-9][^‘’“”\"\n]{0,40}?)[’”\"]" %
                             "|".join(re.escape(k) for k in KIND_WORDS), re.I)
_KIND_RE = re.compile(r"(?:^|\s)(%s)\s*$" % "|".join(re.escape(k) for k in KIND_WORDS), re.I)
# 'Horizon Primary Care, a company that runs 14 practices', 'Medvia Health, a digital-first provider'
_KIND_AFTER_RE = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(%s)\b(?!['’-])" %
                            "|".join(re.escape(k) for k in KIND_WORDS), re.I)


@dataclass(frozen=True, slots=True)
class SegmentMention:
    mention: Mention
    canonical: str | None  # the lexicon's canonical name, or a label built by a rule ('X report')
    surface: str | None = None  # the whole noun phrase as written ('This X report'), kept as an alias


def clean_name(text: str) -> str:
    """Strip titles, possessives, surrounding quotes and a leading article from a name."""
    name = text.strip().strip(QUOTES + " ,.;:–-•").strip()
    name = re.sub(r"(?<=[^\W\d_])’(?=[^\W\d_])", "'", name)  # O’Neil: an apostrophe, kept as O'Neil
    name = re.sub(r"[‘’“”\"](?!s\b)", "", name)
    name = _POSSESSIVE_RE.sub("", name).strip()
    name = re.sub(r"^(?:the|The)\s+", "", name)
    if name.casefold() in load_lexicon().canonical():
        return name  # 'Doctor Care Anywhere' is a company's name, not a doctor's
    name = _TITLE_RE.sub("", name).strip()
    return name


def _is_noise(name: str, etype: str) -> bool:
    if not name or len(name) < 2 or not re.search(r"[A-Za-z]", name) or len(name) == 2 and not name.isupper():
        return True  # 'Xx'; 'UK' and 'NL' stay
    if name.casefold() in GENERIC_NAMES or name.startswith(("@", "http", "www.")):
        return True
    if etype in ("Person", "Organization", "Place") and not name[0].isupper():
        return True
    words = name.split()
    if len(words) > 8 or re.search(r"\d{2,}", name) and etype == "Person":
        return True
    if etype == "Person" and (name.isupper() and len(name) > 4 or any(w.casefold() in _role_words() for w in words)):
        return True
    if name.isupper() and (len(words) > 1 or len(name) > 5) and not BODY_ACRONYM.fullmatch(name):
        return True  # (a shouted word; not 'YORLMC')
    roles = load_lexicon().role_words  # every role word here: 'GP Partners' names no one
    if etype != "Person" and all(w.casefold() in roles or w.casefold().removesuffix("s") in roles
                                 or w.casefold() in GENERIC_NAMES for w in words):
        return True
    return False


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    # 'partner', 'lead' and 'head' are words of names too ('Jefferies & Partners', 'Lead Practice'), 'dean' a given name
    return load_lexicon().role_words - {"partner", "lead", "head", "dean"}


@lru_cache(maxsize=1)
def policy_head_types() -> dict[str, str]:
    """Lower-case head words of policies, programmes, reports and laws, and their types ('plan' -> Policy)."""
    head_types: dict[str, str] = {}
    for etype, heads in load_lexicon().policy_heads.items():
        for head in heads:
            head_types.setdefault(head.casefold(), etype)
    return head_types


@lru_cache(maxsize=1)
def _after_post_re() -> re.Pattern:
    """A post in lower case just before a name: 'whose chief executive Rachel Power', 'Its chief executive, Rachel
    Power,' is a person's name."""
    posts = sorted((r for r in load_lexicon().roles if r.islower()), key=len, reverse=True)
    return re.compile(r"\b(?:%s),?\s+$" % "|".join(re.escape(r) for r in posts))


# 'a regular columnist for GP Frontline', 'writing in Practice Matters': who writes for a name says it is published
_WRITER_FOR_RE = re.compile(r"\b(?:columnist|correspondent|reporter|blogger|writes|wrote|writing)\s+(?:for|in)\s+$",
                            re.I)


def _refine_org_type(name: str, before: str, after: str = "") -> str:
    lexicon = load_lexicon()
    kind = _KIND_RE.search(before) or _KIND_AFTER_RE.match(after)
    if kind:
        return KIND_WORDS[kind.group(1).casefold()]
    if _WRITER_FOR_RE.search(before) and lexicon.organisation_head_type(name) is None:
        return "Publication"
    # the longest head word decides: 'Kent Local Medical Committee' is not a government 'Committee'
    headed = lexicon.organisation_head_type(name)
    if headed is not None:
        return headed
    # 'NHS Kent and Medway', 'NHS Greater Manchester': the names integrated care boards go by
    if name.startswith("NHS ") and starts_with_uk_place(name.split()[1:]):
        return "GovernmentBody"
    return "Organization"


_BEFORE_HEAD_DEPS = {"det", "poss", "case", "amod", "compound", "nummod", "advmod"}


def _owner_sub_body(span: Span) -> int | None:
    """The end of a body's kind word after a name set after a possessive, with up to two words of what the body is
    for between ('the BMA's Northern Ireland GP committee', whichever of its words the model takes for the place)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("'s", "’s"):
        return None
    for end in range(span.end, min(span.end + 3, len(doc))):
        if doc[end].lower_ in SUB_BODY_HEADS:
            return end + 1
        if not (doc[end].is_lower and doc[end].is_alpha or re.fullmatch(r"[A-Z]{2,4}s?", doc[end].text)):
            return None
    return None


def apposed_head(doc, comma: int) -> Token | None:
    """The head word of the noun phrase set after the comma at token `comma` ('X, a report the committee published',
    'X, the Health Foundation's latest analysis', 'X, chair of Y'), where the parser makes it an apposition or an
    adverbial noun."""
    first = comma + 1
    if first >= len(doc) or doc[comma].text != "," or doc[first].dep_ not in ("det", "poss", "appos"):
        return None
    head = next((t for t in doc[first:first + 7] if t.dep_ not in _BEFORE_HEAD_DEPS), None)
    if head is None or head.dep_ not in ("appos", "npadvmod") or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head


def _report_apposed(span: Span) -> Token | None:
    """'X, a report the committee published': the report word set after a name by a comma."""
    head = apposed_head(span.doc, span.end) if span.end < len(span.doc) else None
    if head is None or head.lower_ == "letter" or policy_head_types().get(head.lower_) != "Report":
        return None
    return head


def _span_mention(aseg: AnalysedSegment, span: Span, doc_id: str, etype: str, source: str) -> Mention:
    base = aseg.segment.start
    return Mention(doc_id=doc_id, start=base + span.start_char, end=base + span.end_char, text=span.text,
                   type=etype, section=aseg.segment.section, source=source)


def segment_mentions(aseg: AnalysedSegment, doc_id: str, page: str | None = None) -> Iterator[SegmentMention]:
    """The segment's names; `page` is the whole document's text (the segment's own when None)."""
    doc = aseg.doc
    text = doc.text  # Doc.text joins every token: once per segment, not per name
    page = text if page is None else page
    lexicon = load_lexicon()
    named: list[SegmentMention] = []
    shouting = _shouting(text)
    seats, members = ([], []) if shouting else _seats(doc)
    streets = [] if shouting else _streets(doc, page)
    for ent in doc.ents:
        if (any(seat.start <= ent.start and ent.end <= seat.end for seat in seats + streets) or
                any(member.start < ent.end and ent.start < member.end for member in members)) and \
                not ent.label_.startswith("KG_"):
            continue  # 'Kingsmere' in 'MP for Kingsmere and Mid Norfolk' is the seat's, 'Mill Lane' a street
        if ent.label_.startswith("KG_"):
            etype = ent.label_[3:]
            surface = _noun_phrase(ent) if etype in _CONCEPTS else None
            year = _contract_year(ent)
            if year is not None:
                # 'the 2025/26 GP contract' is that year's contract, not every year's; 'the 2026/27 GP contract
                # offer' is what was offered for it
                stage = doc[ent.end].lower_ if ent.end < len(doc) and doc[ent.end].lower_ in CONTRACT_STAGES else None
                span = doc[ent.start - 1:ent.end + (stage is not None)]
                named.append(SegmentMention(_span_mention(aseg, span, doc_id, etype, "phrase"),
                                            " ".join(filter(None, (year, ent.ent_id_, stage))), surface))
                continue
            if etype == "Publication" and not ent.ent_id_:
                etype = _scheme_named(clean_name(ent.text), page) or etype
            before = doc[ent.start - 1] if ent.start > 0 else None
            if etype == "Practice" and not ent.ent_id_ and before is not None and before.text == "The" and \
                    not before.is_sent_start:
                # 'whether The Willows Surgery can afford it': a capital 'The' inside a sentence is the name's own
                named.append(SegmentMention(_span_mention(aseg, ent, doc_id, etype, "lexicon"),
                                            f"The {clean_name(ent.text)}", surface))
                continue
            named.append(SegmentMention(_span_mention(aseg, ent, doc_id, etype, "lexicon"), ent.ent_id_ or None,
                                        surface))
            continue
        places = None if shouting else _coordinated_places(ent)
        if places:
            named += [SegmentMention(_span_mention(aseg, place, doc_id, "Place", "ner"), None) for place in places]
            continue
        etype = NER_TYPES.get(ent.label_)
        if etype is None or shouting:
            continue  # in text written in capitals the model's names are guesses; the lexicon's still hold
        span = _trim_span(ent)
        if span is not None and etype in ("Person", "Organization", "Place") and _after_seat_post(span):
            # 'MP for Bristol Central Carla Denyer': after a seat, the rest of the name is the member's
            seated = _trim_constituency(span)
            span, etype = (seated, "Person") if seated.start > span.start else (span, etype)
        if span is not None and etype == "Person":
            span = _trim_constituency(_trim_roles(span))
            if span is not None and span[-1].tag_ == "NNPS":
                continue  # a person's name does not end in a plural ('Dark Knights')
            if span is not None and _figurative(span):
                continue
        if span is not None and etype == "Place":
            span = _trim_directions(span)
        body_end = _owner_sub_body(span) if span is not None and etype in ("Place", "Organization") else None
        if body_end is not None:
            # "the BMA's Northern Ireland GP committee": a body of the owner's, which the model ends before its kind
            span, etype = doc[span.start:body_end], "Organization"
        if span is None:
            continue
        opens = span[0].is_sent_start or span.start > 0 and doc[span.start - 1].is_quote and \
            doc[span.start - 1].text in _OPENING_QUOTES  # '"Digital tools are only as good as..."' opens words said
        if len(span) == 1 and opens and (
                span[0].pos_ in ("ADJ", "ADV", "VERB", "ADP", "DET") or span.end < len(doc) and
                doc[span.end].pos_ == "NOUN" and doc[span.end].text.islower() and span[0].head.i == span.end) \
                and not re.search(r"[a-z,]\s+" + re.escape(span[0].text) + r"\b", page):
            # 'Digital provider wins contract', '• Digital telephony for every practice': a sentence's first word is
            # capitalised whatever it is; a name is capitalised inside a sentence somewhere on the page ('will see
            # Livewell take over')
            continue
        if etype == "Organization" and span[-1].lower_.rstrip("s") in _role_words() and span.end < len(doc) and \
                (doc[span.end].lower_ in KIND_WORDS or doc[span.end].lower_ in load_lexicon().role_words or
                 doc[span.end].text.rstrip(".") in TITLES):
            # 'Digital GP firm enters administration': a kind of firm, described, not named; 'a Sheffield GP
            # partner': a post, described by its town
            continue
        if etype in ("Person", "Organization"):
            span = _given_names_before(span)
        if etype in ("Organization", "Place"):
            span = _name_words_before(span)
        if etype == "Organization" and span.end < len(doc) and doc[span.end].text in _kind_acronyms() and \
                not doc[span.end].ent_type_:
            span = doc[span.start:span.end + 1]  # 'the Conference of England LMCs', which the model ends at 'England'
        name = clean_name(span.text)
        personal = span[0].text.rstrip(".") in TITLES or _AFTER_TITLE.search(text[max(0, span.start_char - 12):
                                                                                 span.start_char])
        titled = personal or _after_post_re().search(text, max(0, span.start_char - 40), span.start_char) or \
            etype == "Organization" and _post_apposed(span)
        # the model's 'organisation' that stops at 'of' ('Bethany Rourke of the Northampton firm X') is a person and
        # where they are from, as a title would show
        titled = titled or etype == "Organization" and ent[-1].lower_ == "of" and span.end < ent.end
        if etype == "Organization" and titled and (2 <= len(name.split()) <= 3 or personal and len(name.split()) == 1) \
                and name[:1].isupper() \
                and _refine_org_type(name, "") == "Organization" and not any(t.ent_type_.startswith("KG_") for t in span):
            etype = "Person"  # 'Its chief executive, Dr Naresh Rati': a title makes a person of the 'organisation'
        elif etype == "Place" and titled and 2 <= len(name.split()) <= 3 and name[:1].isupper() and \
                not starts_with_uk_place(name.split()) and not any(t.ent_type_.startswith("KG_") for t in span):
            etype = "Person"  # 'Its president, Marcus Adeyemi, said': nor of the 'place'
        if etype == "Legislation":
            # the model's law 'X Recovery Plan' is a plan, and so is 'Delivery Plan for Recovering Access to...'
            head = next((t for t in span if t.lower_ in ("for", "of") and t.i > span.start), None)
            head = span.doc[head.i - 1] if head is not None else span[-1]
            etype = policy_head_types().get(head.lower_, etype)
        if etype == "Person" and not titled and _KIND_RE.search(text, max(0, span.start_char - 20), span.start_char):
            etype = "Organization"  # 'GP provider Qured': the model's 'person' is named after its kind
        elif etype == "Person" and not titled and text[max(0, span.start_char - 4):span.start_char].lower() == "the " \
                and load_lexicon().organisation_head_type(name) == "Publication":
            etype = "Publication"  # 'told the Gazette': no one is 'the Gazette'
        if etype == "Organization":
            etype = _refine_org_type(name, text[max(0, span.start_char - 20):span.start_char],
                                     text[span.end_char:span.end_char + 50])
            if etype == "Publication" and load_lexicon().canonical().get(name.casefold()) is None:
                etype = _scheme_named(name, page) or etype
            if etype == "Organization" and _report_apposed(span) is not None and \
                    not any(t.ent_type_.startswith("KG_") for t in span):
                etype = "Report"  # 'Saving General Practice, a report the committee published in February'
            two_word_head = policy_head_types().get(span[-2:].text.casefold()) if len(span) > 2 else None
            if etype == "Organization" and span[-1].text[:1].isupper() and span[-1].lower_ not in _BODY_HEADS and \
                    (two_word_head or policy_head_types().get(span[-1].lower_) in ("Policy", "Report")) and \
                    not any(t.ent_type_.startswith("KG_") for t in span):
                # the model's organisation 'Minimum Practice Income Guarantee' is a policy, its 'Sessional GP
                # Employment Survey' a report, its 'Network Contract Directed Enhanced Service' a policy
                etype = two_word_head or policy_head_types()[span[-1].lower_]
            elif etype == "Organization" and len(span) > 2 and span[1].lower_ in ("of", "into", "on") and \
                    policy_head_types().get(span[0].lower_) == "Report" and \
                    not any(t.ent_type_.startswith("KG_") for t in span):
                etype = "Report"  # its 'Review of Physician Associates', 'Inquiry into General Practice': a report
                span = _title_in_place(span)
            if etype == "Organization" and _names_a_policy_only(span, page):
                continue  # 'its Better Care strategy': the name of the strategy, which the policy phrases take
            last = span[-2] if len(span) > 2 and re.fullmatch(r"(?:19|20)\d\d", span[-1].text) else span[-1]
            if etype == "Organization" and last.text in ("Act", "Bill") and \
                    not any(t.ent_type_.startswith("KG_") for t in span):
                etype = "Legislation"  # 'the Health and Social Care Act 2012', which the model calls an organisation
        if aseg.segment.section != ARTICLE and _ADDRESSEE.search(text[:span.start_char]) and \
                re.match(r"\s*[,–—:-]", text[span.end_char:]):
            continue  # 'Yes Bonglim – ...': a reader answering another by name names no one new
        if _is_noise(name, etype) or len(span) == 1 and _COMPOUND_WORD.match(text, span.end_char):
            # a word of an adjectival compound ('Digital-first general practice') is no name; one that backs,
            # funds or runs something ('Javid-backed report', 'Babylon-powered') still is
            continue
        named.append(SegmentMention(_span_mention(aseg, span, doc_id, etype, "ner"), None))
    named += [SegmentMention(_span_mention(aseg, seat, doc_id, "Place", "seat"), None) for seat in seats
              if _free(named, aseg.segment.start, seat.start_char, seat.end_char)]
    named += [SegmentMention(_span_mention(aseg, member, doc_id, "Person", "seat-member"), None) for member in members
              if _free(named, aseg.segment.start, member.start_char, member.end_char)]
    named += [SegmentMention(_span_mention(aseg, street, doc_id, "Place", "street"), street.text) for street in streets
              if _free(named, aseg.segment.start, street.start_char, street.end_char)]
    base = aseg.segment.start
    named = [_owned_name(sm, named, text, base, lexicon) for sm in named]
    named += _titled_names(aseg, doc_id, named)
    named += _kind_named(aseg, doc_id, named, text)
    named += _owned_bodies(aseg, doc_id, named, text)
    named += _hyphenated_places(aseg, doc_id, named, text)
    named += _town_modifiers(aseg, doc_id, named)
    named += _intercapped_names(aseg, doc_id, named, text)
    named += _numbered_titles(aseg, doc_id, named)
    for match in _KIND_QUOTED_RE.finditer(text):
        start, end = match.span("name")
        if _free(named, base, start, end):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                etype = KIND_WORDS[match.group("kind").casefold()]
                named.append(SegmentMention(Mention(doc_id, base + start, base + end, match.group("name"), etype,
                                                    aseg.segment.section, "kind-quoted"), None))
    taken = [(sm.mention.start - base, sm.mention.end - base) for sm in named]
    phrases = []
    for chunk_span, etype, canonical, source, surface in _policy_phrases(doc, lexicon, taken):
        if source == "phrase" and any(s <= chunk_span.start_char and chunk_span.end_char <= e for s, e in taken):
            continue
        phrases.append(SegmentMention(_span_mention(aseg, chunk_span, doc_id, etype, source), canonical, surface))
    # a name inside a capitalised title is part of the title ('Reform' in 'Primary Care Reform Bill'), as is one
    # inside a report's own title ('Fixing General Practice' after 'the report')
    titles = [(p.mention.start, p.mention.end) for p in phrases if p.mention.source == "title"]
    titles += [(p.mention.end - len(p.surface) - 1, p.mention.end) for p in phrases
               if p.mention.source == "titled" and p.surface == p.canonical]  # (not a phrase after its title)
    for sm in named:
        m = sm.mention
        if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in titles):
            yield sm
    yield from phrases
    yield from _changes(aseg, doc_id, named + phrases)


# a change made to a policy or to what practices are paid or charged is a policy of its own ('the rise in employer
# National Insurance contributions', 'a cut to flu and COVID jab fees'), and 'the rise' after it is that change
CHANGE_WORDS = frozenset({"rise", "increase", "hike", "cut", "reduction", "freeze"})
# the words of one sense, each standing for the others ('the reduction' after 'a cut to vaccination fees')
CHANGE_SENSES = (frozenset({"cut", "cuts", "reduction", "reductions"}),
                 frozenset({"rise", "rises", "increase", "increases", "hike", "hikes"}))
_CHARGES = frozenset({"fee", "rate", "tariff", "payment", "levy", "tax", "contribution", "price", "charge"})
_CHANGE_PREPS = frozenset({"in", "to", "on", "of"})


def _changes(aseg: AnalysedSegment, doc_id: str, found: list[SegmentMention]) -> Iterator[SegmentMention]:
    doc, base = aseg.doc, aseg.segment.start
    policies = [sm for sm in found if sm.mention.type == "Policy" and sm.mention.source != "descriptive"]

    def policy_at(token: Token) -> SegmentMention | None:
        return next((sm for sm in policies if sm.mention.start <= base + token.idx < sm.mention.end), None)

    def change_of(span: Span, token: Token, changed: SegmentMention | None) -> SegmentMention:
        # a change to a policy the lexicon knows is one change whichever way it is written ('the employer NICs rise')
        label = f"{token.lemma_.casefold()} in {changed.canonical}" if changed is not None and changed.canonical \
            else None
        return SegmentMention(_span_mention(aseg, span, doc_id, "Policy", "change"), label, span.text)

    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.casefold() not in CHANGE_WORDS:
            continue
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in _CHANGE_PREPS), None)
        changed = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if changed is not None:
            policy = policy_at(changed)
            if policy is None and changed.lemma_.casefold() not in _CHARGES:
                continue  # 'a rise in demand', 'a cut in services': no policy changed
            end = max([changed.i] + [_phrase_end(c) for c in changed.children if c.i > changed.i and c.dep_ in
                                     ("compound", "amod", "prep", "cc", "conj", "nummod")])
            yield change_of(doc[token.i:end + 1], token, policy)
            continue
        modifier = next((c for c in token.children if c.dep_ == "compound" and policy_at(c) is not None), None)
        if modifier is not None:
            # 'the employer National Insurance rise'
            policy = policy_at(modifier)
            span = doc.char_span(policy.mention.start - base, token.idx + len(token.text), alignment_mode="expand")
            yield change_of(span, token, policy)
        elif token.tag_ == "NN" and token.i > 0 and doc[token.i - 1].lower_ in ("the", "this", "that") and \
                doc[token.i - 1].head.i == token.i:
            yield SegmentMention(_span_mention(aseg, doc[token.i - 1:token.i + 1], doc_id, "Policy", "descriptive"),
                                 None)


_CONCEPTS = {"Policy", "Programme", "Legislation", "Report"}
_OPENING_QUOTES = {"“", "‘", '"', "'"}
_AUTHORING_VERBS = {"publish", "release", "produce", "write", "issue", "compile", "author"}
# policy head words that also end the names of bodies ('Integrated Care System')
_BODY_HEADS = {"system", "systems"}


@lru_cache(maxsize=1)
def _kind_acronyms() -> frozenset[str]:
    """The lexicon's kinds of body written in capitals ('LMC', 'ICB', 'LLP'), and their plurals."""
    kinds = {h for heads in load_lexicon().organisation_heads.values() for h in heads if h.isupper()}
    return frozenset(kinds | {k + "s" for k in kinds})


_TITLE_WORDS = {t for t in TITLES if " " not in t} - {"Lord", "Lady"}  # 'Lord Darzi' is a name, 'Lord' a chamber


def _free(named: list[SegmentMention], base: int, start: int, end: int) -> bool:
    """Whether [start, end) of the segment (which starts at `base` in the document) overlaps no mention named."""
    return not any(sm.mention.start - base < end and start < sm.mention.end - base for sm in named)


def _about_a_question(doc, root: Token) -> bool:
    """'a review of how APMS contracts are awarded', 'an inquiry into why practices close'."""
    after = root.i + 1
    return after + 1 < len(doc) and doc[after].lower_ in _REPORT_PREPS and \
        (doc[after + 1].tag_ in ("WRB", "WP", "WDT") or doc[after + 1].lower_ in ("whether", "how"))


def _contract_year(ent: Span) -> str | None:
    """'2025/26' in 'the 2025/26 GP contract': the year a contract the lexicon knows is for."""
    if ent.start == 0 or ent[-1].lower_ not in ("contract", "contracts") or \
            not CONTRACT_YEAR.fullmatch(ent.doc[ent.start - 1].text):
        return None
    return ent.doc[ent.start - 1].text


def _given_names_before(span: Span) -> Span:
    """'Dr Priya Sandhu' when the model names 'Sandhu' alone: the capitalised words between a personal title and
    the name belong to it."""
    doc, start = span.doc, span.start
    while start > 0 and span.start - start < 2 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and doc[start - 1].is_alpha and not doc[start - 1].ent_type_ and doc[start - 1].text not in _TITLE_WORDS:
        start -= 1
    if start == span.start or start == 0 or doc[start - 1].text.rstrip(".") not in _TITLE_WORDS:
        return span
    return doc[start:span.end]


_NAMING_POLICY_HEADS = {"strategy", "plan", "framework", "programme", "scheme", "initiative", "guarantee", "pledge",
                        "policy"}


def _scheme_named(name: str, page: str) -> str | None:
    """'the First Post scheme': a name that ends like a newspaper's ('Post', 'Star') but names a scheme somewhere
    on the page is the scheme's, and its type is the scheme word's."""
    said = re.search(r"\b%s['’]?\s+(%s)\b" % (re.escape(name), "|".join(_NAMING_POLICY_HEADS)), page)
    return policy_head_types().get(said.group(1)) if said else None


def _names_a_policy_only(span: Span, page: str) -> bool:
    """'its Better Care strategy', which the model takes for an organisation 'Better Care': capitalised words with no
    word of a body, before a policy's kind word, and nowhere on the page without it, name the policy."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _NAMING_POLICY_HEADS or not doc[span.end].is_lower or \
            any(t.ent_type_.startswith("KG_") for t in span) or \
            load_lexicon().organisation_head_type(span.text, ignore_case=True) is not None:
        return False
    heads = "|".join(_NAMING_POLICY_HEADS)
    alone = re.compile(r"\b%s\b(?!['’]?s?\s+(?:%s)\b)" % (re.escape(span.text), heads))
    return alone.search(page) is None


def _name_words_before(span: Span) -> Span:
    """'Little Haddon', 'Great Ayton' when the model names 'Haddon' alone: capitalised words the parser joins to
    the name as its compounds, which the model left outside every name, belong to it."""
    doc, start = span.doc, span.start
    while start > 0 and doc[start - 1].dep_ == "compound" and span.start <= doc[start - 1].head.i < span.end and \
            doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].is_alpha and \
            not doc[start - 1].ent_type_ and not doc[start - 1].is_sent_start and \
            doc[start - 1].text not in _TITLE_WORDS:
        start -= 1
    return doc[start:span.end] if start < span.start else span


def _titled_names(aseg: AnalysedSegment, doc_id: str, named: list[SegmentMention]) -> list[SegmentMention]:
    """'Dr Price told the conference': a title before capitalised words the model did not take for a name
    ('Price' is also a word) makes them a person's name."""
    doc = aseg.doc
    out = []
    for token in doc:
        if token.text.rstrip(".") not in _TITLE_WORDS or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].text.isalpha() is not False and not doc[end].ent_type_.startswith("KG_"):
            end += 1
        if end == token.i + 1:
            continue
        while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].text[:1].isupper():
            end += 2  # 'Stokes-Lampard'
        span = doc[token.i + 1:end]
        if _free(named, aseg.segment.start, span.start_char, span.end_char):
            out.append(SegmentMention(_span_mention(aseg, span, doc_id, "Person", "titled-name"), None))
    return out


def _numbered_titles(aseg: AnalysedSegment, doc_id: str, named: list[SegmentMention]) -> list[SegmentMention]:
    """'the Pulse Power 50', 'the HSJ 100': capitalised words ending in a number (not a year) after 'the' name a
    ranking, published by the name it opens with (not 'the Kestrel Power 100 list', which is headed by 'list')."""
    doc = aseg.doc
    out = []
    for number in doc:
        if not number.text.isdigit() or 1900 <= int(number.text) <= 2100 or number.i == 0 or \
                number.ent_type_.startswith("KG_"):
            continue
        last = doc[number.i - 1]
        if not (last.pos_ == "PROPN" and last.text[:1].isupper()) or \
                not (number.head.i == last.i or last.head.i == number.i):
            continue
        top = last if number.head.i == last.i else number
        if top.head.i > number.i and top.dep_ in ("compound", "nmod", "amod"):
            continue
        first = last.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
            first -= 1
        if first == 0 or doc[first - 1].lower_ != "the":
            continue
        span = doc[first:number.i + 1]
        if _free([sm for sm in named if sm.mention.source != "lexicon"], aseg.segment.start, span.start_char,
                 span.end_char):
            # named by its title, so one ranking everywhere; the name it opens with made it
            out.append(SegmentMention(_span_mention(aseg, span, doc_id, "Report", "titled"), span.text))
    return out


# a kind word just before a capitalised word: where `_kind_named` looks, found in the text, not token by token
_KIND_BEFORE_NAME_RE = re.compile(r"\b(?i:%s)(?=\s+[A-Z])" % "|".join(re.escape(k) for k in KIND_WORDS))


def _kind_named(aseg: AnalysedSegment, doc_id: str, named: list[SegmentMention], text: str) -> list[SegmentMention]:
    """'investment firm Northzone', 'think tank Civitas': a kind word before capitalised words the model did not
    take for a name makes them the name of that kind of organisation."""
    doc = aseg.doc
    out = []
    for match in _KIND_BEFORE_NAME_RE.finditer(text):
        words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None or words[-1].pos_ != "NOUN" or words[-1].i + 1 >= len(doc):
            continue
        token = words[-1]
        kind = KIND_WORDS[" ".join(match.group(0).lower().split())]
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].text.rstrip(".") not in TITLES and doc[end].lower_ not in _role_words() \
                and not doc[end].ent_type_.startswith("KG_"):
            end += 1
        span = doc[token.i + 1:end]
        if len(span) and _free(named, aseg.segment.start, span.start_char, span.end_char):
            out.append(SegmentMention(_span_mention(aseg, span, doc_id, kind, "kind-named"), None))
    return out


# the head words of a body of an organisation: 'the BMA's sessional GPs committee', 'the RCGP's Midland Faculty'
SUB_BODY_HEADS = frozenset({"committee", "subcommittee", "sub-committee", "faculty", "council", "board", "branch",
                            "division", "forum", "panel", "directorate", "network"})
_BODY_HEADS_RE = r"(?:%s|(?:participation|reference|steering|working|advisory)\s+group)" % "|".join(
    sorted(SUB_BODY_HEADS, key=len, reverse=True))
# 'the BMA's sessional GPs committee'; with no possessive, a lower-case word between ('the Wexcombe Surgery patient
# participation group'), as 'the BMA board' may be the BMA's own board or the BMA
_OWNED_BODY = re.compile(r"(?:['’]s\s+(?P<body>(?:(?:[a-z][\w-]*|[A-Z]{2,4}s?)\s+){0,4}?%s)|"
                         r"\s+(?P<compound>(?:[a-z][\w-]*\s+){1,4}?%s)|"
                         r"['’]?s?\s+(?P<conference>(?:annual\s+|special\s+|national\s+)?conference))\b"
                         % (_BODY_HEADS_RE, _BODY_HEADS_RE))
# 'the NHS Confederation's Primary Care Network', 'the BMA's Sessional GPs Committee': a body's kind in title case
_OWNED_TITLED_BODY = re.compile(r"['’]s\s+(?P<body>(?:[A-Z][A-Za-z]+\s+){1,3}(?:%s))\b" % "|".join(
    sorted((h.capitalize() for h in SUB_BODY_HEADS), key=len, reverse=True)))
# 'the annual conference of England LMCs'
_CONFERENCE_OF = re.compile(r"\b(?P<conference>(?:annual\s+|special\s+|national\s+)?conference)\s+of\s+(?:the\s+)?$")


def _owned_bodies(aseg: AnalysedSegment, doc_id: str, named: list[SegmentMention], text: str) -> list[SegmentMention]:
    """'the BMA's sessional GPs committee', 'NHS Devon's primary care commissioning committee': a body written in
    lower case after its owner's possessive is named by the two together ('BMA sessional GPs committee'); so is a
    conference ('the LMC conference', 'the annual conference of England LMCs': 'England LMCs conference')."""
    base = aseg.segment.start
    out = []
    for owner in named:
        if owner.mention.type not in ORGANISATION_TYPES:
            continue
        match = _OWNED_BODY.match(text, owner.mention.end - base) or \
            _OWNED_TITLED_BODY.match(text, owner.mention.end - base) or \
            _CONFERENCE_OF.search(text, max(0, owner.mention.start - base - 40), owner.mention.start - base)
        if match is None:
            continue
        group = next(g for g in ("body", "compound", "conference") if match.groupdict().get(g))
        start, end = match.span(group)
        if _free(named + out, base, start, end):
            label = f"{clean_name(owner.mention.text)} {'conference' if group == 'conference' else match.group(group)}"
            # a conference is held by its body, not part of it
            source = "conference" if group == "conference" else "owned-body"
            out.append(SegmentMention(Mention(doc_id, base + start, base + end, match.group(group), "Organization",
                                              aseg.segment.section, source), label))
    return out


# 'the ICB's primary care commissioning committee', 'the council's overview and scrutiny committee': the owner a
# description, by the word its name has
_DESCRIBED_OWNER = re.compile(r"\b[Tt]he\s+(?P<kind>ICB|CCG|council|trust|board|LMC|federation|college|association)"
                              r"(?=['’]s\s)")
_OWNER_NAME_WORDS = {"icb": ("ICB", "Integrated Care Board"), "ccg": ("CCG", "Clinical Commissioning Group"),
                     "lmc": ("LMC", "Local Medical Committee")}


def _described_owners_bodies(adoc: AnalysedDocument, found: list[SegmentMention]) -> list[SegmentMention]:
    """A body written in lower case after a description's possessive belongs to the last body named with the
    description's word: 'NHS Devon ICB ... the ICB's primary care commissioning committee'."""
    text = adoc.document.text
    out: list[SegmentMention] = []
    for aseg, described in ((a, d) for a in adoc.segments
                            for d in _DESCRIBED_OWNER.finditer(text, a.segment.start, a.segment.end)):
        body = _OWNED_BODY.match(text, described.end())
        if body is None or not body.group("body") or " " not in body.group("body"):
            continue  # ('the ICB's board' is the ICB's own)
        kind = described.group("kind").casefold()
        words = _OWNER_NAME_WORDS.get(kind, (kind.capitalize(),))
        owner = next((sm for sm in reversed(found) if sm.mention.end <= described.start() and
                      sm.mention.type in ORGANISATION_TYPES and sm.mention.source != "owned-body" and
                      any(re.search(r"\b%s\b" % re.escape(w), sm.canonical or clean_name(sm.mention.text))
                          for w in words)), None)
        start, end = body.span("body")
        if owner is None or not _free(found + out, 0, start, end):
            continue
        label = f"{owner.canonical or clean_name(owner.mention.text)} {body.group('body')}"
        out.append(SegmentMention(Mention(adoc.document.doc_id, start, end, body.group("body"), "Organization",
                                          aseg.segment.section, "owned-body"), label))
    return out


_STREET_NAME = (r"(?:[A-Z][\w'’-]*\s+){1,3}(?:Road|Street|Lane|Avenue|Way|Drive|Square|Hill|Row|Terrace|Parade|Close|"
                r"Crescent|Grove|Gardens)")
_STREET = re.compile(r"\b(?:on|in|at|off)\s+(?:the\s+)?(?P<street>%s)\b" % _STREET_NAME)


def _streets(doc, page: str) -> list[Span]:
    """'Riverside Medical Practice, on Quay Road in Harbridge': a street a body is on is a place, whatever the model
    makes of it; not one whose name opens a longer name on the page ('the staff at Station Road' of Station Road
    Surgery)."""
    out = []
    for match in _STREET.finditer(doc.text):
        street = doc.char_span(*match.span("street"))
        if street is not None and not re.search(re.escape(street.text) + r"\s+[A-Z]", page):
            out.append(street)
    return out


def _any_name_re(names) -> re.Pattern:
    """Any of `names`, as written and whole (not inside a longer word or hyphenated name), longest first."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % alternatives)


@lru_cache(maxsize=1)
def _hyphenated_place_re() -> re.Pattern:
    return _any_name_re(hyphenated_uk_places())


def _hyphenated_places(aseg: AnalysedSegment, doc_id: str, named: list[SegmentMention],
                       text: str) -> list[SegmentMention]:
    """'a GP in Stoke-on-Trent': a hyphenated UK town (one token, see kg.nlp) the model left unnamed is a place."""
    if "-" not in text:
        return []
    out = []
    for match in _hyphenated_place_re().finditer(text):
        span = aseg.doc.char_span(match.start(), match.end())
        if span is not None and _free(named, aseg.segment.start, match.start(), match.end()):
            out.append(SegmentMention(_span_mention(aseg, span, doc_id, "Place", "gazetteer"), None))
    return out


# 'eConsult', 'iPlato', 'myGP': a word in lower case with a capital inside is a brand, which the model misses
_INTERCAPPED = re.compile(r"(?<![\w@#/.-])[a-z]{1,3}[A-Z][A-Za-z]+(?![\w@/.-])")


def _intercapped_names(aseg: AnalysedSegment, doc_id: str, named: list[SegmentMention],
                       text: str) -> list[SegmentMention]:
    out = []
    for match in _INTERCAPPED.finditer(text):
        span = aseg.doc.char_span(match.start(), match.end())
        if span is not None and _free(named, aseg.segment.start, match.start(), match.end()):
            etype = _refine_org_type(match.group(), text[max(0, match.start() - 20):match.start()],
                                     text[match.end():match.end() + 50])
            out.append(SegmentMention(_span_mention(aseg, span, doc_id, etype, "intercapped"), None))
    return out


def _figurative(span: Span) -> bool:
    """'a Trojan horse', 'a Cinderella service': one name modifying a common noun after 'a' is a figure of speech,
    not a person ('the Leng review' is one: it is named after its author)."""
    if len(span) != 1:
        return False
    token = span[0]
    head = token.head
    return token.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and head.i == token.i + 1 and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)


def _owned_name(sm: SegmentMention, named: list[SegmentMention], text: str, base: int, lexicon) -> SegmentMention:
    """'the BMA’s GP Committee' is the lexicon's 'BMA GP Committee': a name after its owner's name (or one of the
    owner's lexicon names) and a possessive, where the two together are a lexicon organisation."""
    m = sm.mention
    if sm.canonical or m.type not in ORGANISATION_TYPES:
        return sm
    owner = next((o for o in named if text[o.mention.end - base:m.start - base] in ("’s ", "'s ")), None)
    if owner is None:
        return sm
    canonical = lexicon.canonical()
    owner_name = clean_name(owner.mention.text)
    owner_term = canonical.get((owner.canonical or owner_name).casefold())
    forms = [owner_name] + ([owner_term.name, *owner_term.aliases] if owner_term else [])
    for form in forms:
        term = canonical.get(f"{form} {clean_name(m.text)}".casefold())
        if term is not None and term.type in ORGANISATION_TYPES:
            return SegmentMention(replace(m, type=term.type), term.name, sm.surface)
    return sm


_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}


def _coordinated_places(ent: Span) -> list[Span] | None:
    """'Blackpool and Fleetwood', which the model takes for one name (an organisation, a work of art): each UK
    place of a list of them is a place; so is one UK place the model calls a product or a work of art."""
    span = _trim_span(ent)
    if span is None:
        return None
    if ent.label_ not in _NAME_LABELS:
        return None  # 'in March' is a date, whatever GeoNames says of March, Cambridgeshire
    if ent.label_ not in NER_TYPES and span.text.casefold() in uk_places():
        return [span]  # 'areas such as Manchester', where the model saw a product
    if not any(t.lower_ in ("and", ",", "&") for t in span):
        return None
    parts, start = [], span.start
    for token in span:
        if token.lower_ in ("and", ",", "&"):
            parts.append(ent.doc[start:token.i])
            start = token.i + 1
    parts.append(ent.doc[start:span.end])
    places = uk_places()
    if len(parts) < 2 or any(len(p) == 0 for p in parts):
        return None
    if span.text.casefold() in places:
        return None  # one place whose name has 'and' in it ('Hammersmith and Fulham')
    if _before_a_post(span):
        return None  # 'in Liverpool, Health and Social Care Secretary Dan Kaye': the words name a post
    if all(p.text.casefold() in places for p in parts) or _listed_after_a_place(span, parts):
        return parts
    if re.fullmatch(_STREET_NAME, parts[0].text) and \
            all(p.text.casefold() in places for p in parts[1:]):
        return parts[1:]  # 'in Drummond Road, Skegness', one name to the model: the street's own rule takes the street
    return None


def _before_a_post(span: Span) -> bool:
    """The span is followed by a capitalised word that ends a post ('Health and Social Care Secretary')."""
    if span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.is_title and after.lower_ in load_lexicon().role_last_words


def _post_apposed(span: Span) -> bool:
    """The name is set off by a post in lower case ('Nadia Brereton, the watchdog's engagement manager, said'):
    a body is not described by a post, a person is."""
    post = apposed_head(span.doc, span.end) if span.end < len(span.doc) else None
    return post is not None and post.dep_ == "appos" and post.pos_ == "NOUN" and post.text.islower() and \
        post.lemma_.casefold() in _role_words() and \
        not any(t.ent_type_ for t in span.doc[span.end + 1:post.i + 1] if t.dep_ != "poss")


def _listed_after_a_place(span: Span, parts: list[Span]) -> bool:
    """'in Boston, Skegness, Spilsby and Wainfleet': names going on a list of places, none with a word that names
    a kind of body, are places too, though too small for the gazetteer."""
    first = span[0]
    if first.dep_ != "conj" or not (first.head.ent_type_ in ("GPE", "LOC") or first.head.lower_ in uk_places()):
        return False
    lexicon = load_lexicon()
    return all(all(t.is_title for t in p) and len(p) <= 3 and lexicon.organisation_head_type(p.text) is None
               for p in parts)


def _noun_phrase(ent: Span) -> str | None:
    """The noun phrase a lexicon policy name heads, as written ('the new five-year framework'), kept as an alias."""
    root = ent.root
    if root.i != ent.end - 1:
        return None
    left = root.left_edge
    while left.i < ent.start and (left.is_punct or left.tag_ == "POS"):
        left = left.doc[left.i + 1]
    if left.i >= ent.start or any(t.tag_ == "POS" or t.pos_ in ("PRON", "VERB") for t in ent.doc[left.i:ent.start]):
        return None
    return ent.doc[left.i:ent.end].text


def _shouting(text: str) -> bool:
    """Text mostly in capitals ('GONNA BE ONE HELL OF A SHOCK...'), where capitalisation says nothing of names."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


# a sentence's linking word the model takes into the name after it ('But Leeds LMC opposed the contract')
_LINKING_WORDS = {"but", "and", "or", "yet", "however", "meanwhile", "instead", "also"}


# the words of a post's time that open a headline: 'New GPC England chair', 'Former RCGP chair'
_POST_TIMES = {"new", "former", "interim", "acting", "outgoing", "incoming"}


# the little words inside a name's run that never end one ('Ms Power of the ...', 'Access Denied, found')
_FUNCTION_WORDS = {"of", "the", "and", "for", "at", "in", "on", "to", "a", "an", "&"}


def _trim_span(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    for token in ent[:-1]:  # a name does not run over a line break ('Omar Siddiqui' / 'Dr Omar Siddiqui is...')
        if "\n" in token.text_with_ws:
            end = token.i if "\n" in token.text else token.i + 1
            break
    # nor into the brackets after it ('the Wessex Training Hub (WTH'): they hold its short name or an aside
    end = next((t.i for t in ent[1:] if t.text == "(" and t.i < end), end)
    if ent.label_ == "ORG" and start + 1 < end and doc[start].lower_ in _POST_TIMES and doc[start].is_sent_start \
            and end < len(doc) and doc[end].lower_ in _role_words():
        start += 1  # 'New GPC England chair sets out her stall': the post is new, not the committee
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an") or doc[start].is_space
                           or doc[start].lower_ in _LINKING_WORDS and start == ent.start):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "’", "'") or
                           doc[end - 1].is_space or doc[end - 1].text in _FUNCTION_WORDS):
        end -= 1  # 'Ms Power of the', which the model ends before the organisation: a name ends in no 'of the'
    if start >= end:
        return None
    return doc[start:end]


_DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "inner",
               "outer", "greater", "rural", "urban", "-"}


def _trim_directions(span: Span) -> Span | None:
    """'south west London' is London: lowercase compass words before a place name are not part of it."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in _DIRECTIONS and span.doc[start].text.islower():
        start += 1
    return span.doc[start:span.end]


def _trim_roles(span: Span) -> Span | None:
    """'MPs Rachel Green', 'Chair Anna Keller': the model's person span sometimes takes the role word before a name."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_ in _role_words() or
                                    span.doc[start].lower_.rstrip("s") in _role_words()):
        start += 1
    return span.doc[start:span.end]


# posts held for a seat: 'MP for Eastleigh', 'MSP for Glasgow Kelvin', 'councillor for Riverside ward'
SEAT_POSTS = {"mp", "mps", "msp", "ms", "am", "mla", "councillor", "cllr"}


def _after_seat_post(span: Span) -> bool:
    return span.start >= 2 and span.doc[span.start - 1].lower_ == "for" and \
        span.doc[span.start - 2].lower_ in SEAT_POSTS


# the compass words of a place's name or of where in a place: 'North West Norfolk', 'in north Manchester'
_COMPASS = {"north", "south", "east", "west", "central", "mid", "inner", "outer", "north-east", "north-west",
            "south-east", "south-west"}
_SEAT_DIRECTIONS = _COMPASS | {"and"}


# what a town's name describes in 'a Kettering GP practice', 'the Leeds surgery', 'a Hull LMC member'
_DESCRIBED_BY_TOWN = {"gp", "gps", "practice", "practices", "surgery", "surgeries", "doctor", "doctors", "partner",
                      "partners", "pharmacist", "patients"}


def _town_modifiers(aseg, doc_id: str, named: list[SegmentMention]) -> list[SegmentMention]:
    """'A Kettering GP practice', 'a Leicester-based company', 'in north Manchester': a UK town's name the model leaves
    unnamed, before what it describes or after a compass word, is a place."""
    doc = aseg.doc
    found = []
    for token in doc[:-1]:
        after = doc[token.i + 1]
        # (the model may tag the town a verb, or call 'Kettering GP' a body, which the noise rules drop)
        before = doc[token.i - 1] if token.i else None
        described = before is not None and after.lower_ in _DESCRIBED_BY_TOWN and before.lower_ in ("a", "an", "the")
        # 'a Leicester-based company'
        described = described or after.text == "-" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "based"
        # 'Collyhurst Road Surgery in north Manchester, where...': a town after 'in' and a compass word
        located = before is not None and before.lower_ in _COMPASS and token.i >= 2 and \
            (doc[token.i - 2].lower_ in ("in", "across", "of") or  # 'in Wythenshawe, south Manchester,'
             token.i >= 3 and doc[token.i - 2].text == "," and doc[token.i - 3].ent_type_ in ("GPE", "LOC")) and \
            not after.text[:1].isupper()
        lives_in = before is not None and before.lower_ == "in" and token.i >= 2 and doc[token.i - 2].lemma_ == "live" \
            and doc[token.i - 2].pos_ == "VERB" and token.pos_ == "PROPN" and not after.text[:1].isupper() and \
            token.lower_ not in MONTH_NAMES  # 'who lives in Symondsbury with his wife', not 'went live in February'
        if token.is_title and (lives_in or _town_before_titled_name(doc, token)):
            first = token.i
            while first > max(0, token.i - 2) and doc[first - 1].is_title and doc[first - 1].pos_ == "PROPN" and \
                    not doc[first - 1].is_sent_start:
                first -= 1  # 'Lyme Regis GP Dr X'
            if _free(named, aseg.segment.start, doc[first].idx, token.idx + len(token.text)):
                found.append(SegmentMention(_span_mention(aseg, doc[first:token.i + 1], doc_id, "Place", "town"), None))
            continue
        # 'Riverside Medical Group in Hull, which...': a town the model missed after a place's preposition
        placed = before is not None and before.lower_ in ("in", "near", "around", "across") and \
            not (after.is_title and after.pos_ == "PROPN") and token.ent_type_ not in ("DATE", "TIME") and \
            token.lower_ not in MONTH_NAMES  # 'in March' is a month before it is a Fenland town
        if token.is_title and (described or located or placed) \
                and token.lower_ in uk_places() and _free(named, aseg.segment.start, token.idx,
                                                          token.idx + len(token.text)):
            found.append(SegmentMention(_span_mention(aseg, doc[token.i:token.i + 1], doc_id, "Place", "town"), None))
    return found


_POSTS_BEFORE_NAMES = {"gp", "doctor", "partner", "nurse", "pharmacist"}


def _town_before_titled_name(doc, token) -> bool:
    """'Bridport GP Dr Alan Fairbairn', 'Leeds GP Dr Ann Lee': a word before a clinical post and a titled name is the
    town the person works in, a town the model seldom knows (no body the lexicon knows: 'NHS GP Dr X')."""
    at = token.i
    return at + 3 < len(doc) and doc[at + 1].lower_ in _POSTS_BEFORE_NAMES and \
        doc[at + 2].text.rstrip(".") in TITLES and doc[at + 3].text[:1].isupper() and \
        not token.ent_type_.startswith("KG_") and (token.pos_ == "PROPN" or token.lower_ in uk_places()) and \
        token.text.rstrip(".") not in TITLES


def _seats(doc) -> tuple[list[Span], list[Span]]:
    """'the Liberal Democrat MP for Kingsmere and Mid Norfolk,': the capitalised words after a seat's post and
    'for' (with the compass words and 'and' of a constituency's name), up to a comma, name one place, the seat;
    and the members named right after their seats."""
    seats, members = [], []
    for token in doc:
        # 'MP for X', and 'Councillor Y, who represents X,': what follows names the seat
        seat_post = token.lower_ == "for" and token.i > 0 and doc[token.i - 1].lower_ in SEAT_POSTS
        represents = token.lower_ in ("represents", "represented") and token.i > 0 and doc[token.i - 1].lower_ == "who"
        if not (seat_post or represents):
            continue
        end = token.i + 1
        # ('who represents Eastgate on Kent County Council': a council, not 'Stratford-on-Avon')
        joining = ("-", "upon", "in", "under") if represents else ("-", "upon", "on", "in", "under")
        while end < len(doc) and (doc[end].is_title and doc[end].is_alpha or doc[end].lower_ in _SEAT_DIRECTIONS
                                  or doc[end].text in joining and end + 1 < len(doc) and doc[end + 1].is_title):
            end += 1
        while end > token.i + 1 and not doc[end - 1].is_title:
            end -= 1  # a seat ends in a name, not in 'and'
        # set off by a comma (or ending the sentence): 'MP for Bristol Central Carla Denyer', the member's name
        # after the seat, is _trim_constituency's
        if end > token.i + 1 and (end == len(doc) or doc[end].text in (",", ".", ";", ")", ":")
                                  or represents and doc[end].lower_ == "on"):
            seats.append(doc[token.i + 1:end])
        elif seat_post and (member := _member_after_seat(doc[token.i + 1:end])) is not None:
            seats.append(doc[token.i + 1:member.start])
            members.append(member)
        elif seat_post and end > token.i + 1 and (doc[end - 1].lower_ in uk_places() or
                                                  end - 2 > token.i and doc[end - 2].lower_ in _COMPASS):
            seats.append(doc[token.i + 1:end])  # 'the MP for Kingsmere and Mid Norfolk said': the seat alone
    for token in doc:
        # 'who represents Tilbrook and Ashwell ward': a council's electoral ward, named by the words before 'ward'
        if token.text not in ("ward", "division") or token.i == 0 or not doc[token.i - 1].is_title:
            continue
        start = token.i
        while start > 0 and (doc[start - 1].is_title and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start
                             or doc[start - 1].lower_ in ("and", "-") and start > 1 and doc[start - 2].is_title):
            start -= 1
        while start < token.i and not doc[start].is_title:
            start += 1
        if start < token.i and not any(seat.start <= start < seat.end for seat in seats):
            seats.append(doc[start:token.i + 1])
    return seats, members


def _member_after_seat(run: Span) -> Span | None:
    """'MP for North Cornwall Helen Tremayne said': the capitalised words after a seat's post, run on into a verb
    with no comma, end in the member's given name and surname (the model often finds no name there); not where
    the last two words name or point to a place ('MP for Kingsmere and Mid Norfolk said')."""
    if len([t for t in run if t.lower_ != "and"]) < 3 or run.end >= len(run.doc) or run.doc[run.end].is_punct:
        return None
    given, surname = run[-2], run[-1]
    if any(t.lower_ in _SEAT_DIRECTIONS or t.lower_ in uk_places() or not t.is_alpha for t in (given, surname)) or \
            given.text in ("St", "Saint") or run[-3].lower_ == "and":
        return None
    return run[-2:]


def _trim_constituency(span: Span) -> Span:
    """'MP for Eastleigh Liz Jarvis', 'MP for Bristol Central Carla Denyer': the model's person span sometimes opens
    with the seat a post is for (a place, with the compass words of a constituency's name)."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "for":
        return span
    words = [t.text for t in span]
    at = 0
    while at < len(words) - 2:
        place = next((n for n in range(min(3, len(words) - 2 - at), 0, -1)
                      if " ".join(words[at:at + n]).casefold() in uk_places()), 0)
        if place:
            at += place
        elif at and words[at].casefold() in _SEAT_DIRECTIONS:
            at += 1
        else:
            break
    return span.doc[span.start + at:span.end] if at and len(words) - at >= 2 else span


# opinion adjectives are the writer's, not part of a policy's name ('the pitiful GP funding award')
_OPINION = {"new", "latest", "proposed", "planned", "revised", "updated", "controversial", "pitiful", "flawed", "underinvested", "disastrous", "much-criticised", "much-vaunted",
            "so-called", "infamous", "ill-fated", "ill-conceived", "long-awaited", "welcome", "shambolic"}
# how often a titled report comes out is no part of its title ('its annual Practice Pressures Survey')
_FREQUENCY = {"annual", "yearly", "quarterly", "monthly", "weekly", "biennial", "biannual", "regular"}
_REPORT_PREPS = {"of", "from", "by", "into", "on"}
# words that count or point at things without naming which ('such initiatives', 'various services')
_QUANTIFIERS = {"such", "other", "various", "several", "many", "some", "certain", "similar", "different", "all",
                "any", "these", "those", "more", "most", "further", "few", "numerous", "both", "each", "every"}
_GENERIC_DESCRIPTIVE = {"report", "review", "letter", "survey", "essay", "stocktake", "inquiry", "analysis", "briefing"}
# documents named by whom they are sent to as well as by whom they come from
_ADDRESSED = {"letter", "memo", "memorandum"}


TITLED_REPORT_WORDS = {"paper": "Report", "study": "Report"}  # report words only before a title


def _policy_phrases(doc, lexicon, taken: list[tuple[int, int]]) -> Iterator[tuple[Span, str, str | None, str, str]]:
    """Noun phrases headed by a policy/report/programme word, with a modifier that names which one.

    Yields (span, type, canonical label or None, source). A bare 'the report' is a descriptive mention,
    resolved later to the document's named report.
    """
    head_types = policy_head_types()
    for chunk_start, root in _phrase_heads(doc, head_types | TITLED_REPORT_WORDS):
        if root.lower_ in TITLED_REPORT_WORDS:
            # 'The paper, Knowing the Patient, argues...': a paper or study set before its title is a report (a
            # paper alone may be a newspaper)
            titled = _apposed_title(doc, root, root.i + 2) if root.i + 2 < len(doc) and doc[root.i + 1].text == "," \
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "its", "their") for c in root.children) \
                else None
            if titled is not None:
                yield doc[chunk_start:titled[0]], "Report", titled[1], "titled", titled[1]
            continue
        etype = head_types.get(root.text.casefold()) or head_types.get(root.lemma_.casefold())
        if root.text.casefold() not in head_types and root.tag_ == "NNS":
            continue  # 'video consultations', 'their phone systems', 'business models': many of a kind, not one
        if etype is None or (etype == "Legislation" and not root.text[:1].isupper()):
            continue
        if root.ent_type_.startswith("KG_") and root.ent_type_[3:] not in _CONCEPTS:
            continue  # 'Think tank Reform': the head word is an organisation the lexicon knows
        if _verb_after_plural(doc, root):
            continue
        titled = _title_after(doc, root) if etype != "Legislation" else None
        if titled is not None:
            # 'The report, titled ‘Fixing the front door’,', 'the Nuffield Trust report Fixing General Practice':
            # the report goes by its title, and its owner's name stays a name of its own
            title_end, title = titled
            yield doc[chunk_start:title_end], etype, title, "titled", title
            continue
        apposed = _apposed_to_title(doc, chunk_start, root, taken) if etype == "Report" else None
        if apposed is not None:
            # 'Saving General Practice, a report by the BMA,': the report goes by the title before it
            phrase_end, title = apposed
            yield doc[chunk_start:phrase_end], etype, title, "titled", doc[chunk_start:phrase_end].text
            continue
        chunk_start = start = _after_misread_verb(doc, chunk_start, root.i, lexicon)
        if doc[chunk_start].lower_ in ("any", "every", "each", "no"):
            continue  # 'accept any desultory offer': whatever one there may be, not one the page names
        if any(s < doc[chunk_start].idx < e for s, e in taken):
            continue  # 'the Agenda for Change pay deal': the chunk opens inside a name, which is what it names
        if any(t.dep_ == "mark" for t in doc[chunk_start:root.i]) or \
                chunk_start > 0 and doc[chunk_start - 1].lower_ == "that" and doc[chunk_start - 1].tag_ == "IN" and \
                doc[chunk_start].tag_ == "DT" and doc[chunk_start].lower_ in _QUANTIFIERS | {"every", "each", "all"}:
            continue  # 'recommended that every ICB commission same-day hubs': a clause the parser took for a noun
        named = _quoted_name_before(doc, chunk_start, root.i)
        if named is not None:
            # 'a £1.4bn ‘Neighbourhood First’ plan': the plan goes by the name in quotes
            yield named, etype, None, "title", named.text
            continue
        title = _capitalised_title(doc, chunk_start, root.i)
        if title is not None:
            end = root.i + 1
            if etype == "Legislation" and end < len(doc) and re.fullmatch(r"(?:19|20)\d\d", doc[end].text):
                end += 1  # 'the Health and Social Care Act 2012': the year is part of an act's name
            yield doc[title:end], etype, None, "title", doc[title:end].text
            continue
        owned = _owned_title(doc, chunk_start, root.i, taken)
        if owned is not None:
            yield doc[owned:root.i + 1], etype, None, "title", doc[owned:root.i + 1].text
            continue
        for s, e in taken:  # a name inside the phrase ('NHS England's ... plan'): start after it
            if s <= doc[start].idx < e or doc[start].idx <= s < root.idx:
                if e > root.idx:
                    start = None
                    break
                while start < root.i and doc[start].idx < e:
                    start += 1
                if start < root.i and doc[start].lower_ in ("'s", "’s", "’"):
                    start += 1
        if start is None:
            continue
        owner = _possessor_name(doc, chunk_start, start, root.i, taken) or _namesake(doc, chunk_start, start, root.i,
                                                                                    taken)
        if owner and root.lower_ in _GENERIC_DESCRIPTIVE:
            # 'Transparify’s report': the organisation's own report, not the nearest report named before
            whole = doc[chunk_start:root.i + 1]
            yield whole, etype, f"{owner} {root.lower_}", "report-by", whole.text
            continue
        # 'the think tank’s report': a described owner is no part of the name ('Transparify’s report' is named above)
        owners = [t for t in doc[start:root.i] if t.dep_ in ("poss", "nmod") and t.head.i == root.i
                  and t.pos_ == "NOUN" and t.i + 1 < root.i and doc[t.i + 1].lower_ in ("'s", "’s")]
        if owners:
            start = max(start, owners[-1].i + 1)
        while start < root.i and (doc[start].dep_ in ("det", "poss", "predet") or doc[start].is_punct
                                  or doc[start].lower_ in ("'s", "’s") or doc[start].lower_ in _OPINION
                                  or doc[start].lower_ in _FREQUENCY and doc[start + 1].text[:1].isupper()
                                  or doc[start].tag_ in ("JJS", "RBS")):
            start += 1
        end = root.i + 1
        by_org = None
        if etype == "Report" and end < len(doc) and doc[end].lower_ in _REPORT_PREPS:
            # 'a report on Monday' says when, not which report
            pobj = [c for c in doc[end].children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")]
            if pobj:
                if doc[end].lower_ == "by":
                    by_org = pobj[0]
                else:
                    end = _phrase_end(pobj[0]) + 1
                    while end < len(doc) and doc[end].dep_ == "appos" and doc[end].pos_ == "NOUN" and \
                            doc[end].is_lower and doc[end].head.i == root.i:
                        end = _phrase_end(doc[end]) + 1  # 'a review of premises funding', 'funding' misread
                    while end > root.i + 1 and doc[end - 1].is_punct:
                        end -= 1
                    end = _addressee_end(doc, root, end)
        if etype == "Report" and by_org is None:
            # 'a report published last month by the Nuffield Trust': the organisation that made it names it ('The
            # report, written by Sean Eke and Joe Hill,' describes a report already named, by its people)
            by_org = next((o for acl in root.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                           and acl.lemma_.casefold() in _AUTHORING_VERBS and not any(t.is_punct for t in doc[root.i:acl.i])
                           for agent in acl.children if agent.dep_ == "agent"
                           for o in agent.children if o.dep_ == "pobj" and o.ent_type_ != "PERSON"), None)
        if etype in ("Policy", "Programme") and end + 1 < len(doc) and doc[end].lower_ == "for" and \
                CONTRACT_YEAR.fullmatch(doc[end + 1].text):
            end += 2  # 'the contract offer for 2026/27': the year says which one
        quoted = _quoted_title(doc, start, root.i, end)
        if quoted:
            start, end = quoted
        span = doc[start:end]
        money = _money_tokens(span)
        modifiers = [t for t in span if t.i != root.i and not t.is_punct and t.dep_ not in ("det", "poss")
                     and t.tag_ not in ("VBN", "VBD") and t.lower_ not in _QUANTIFIERS and t.i not in money]
        if any(t.pos_ == "PRON" for t in span) or len(span) > (_MAX_TITLE_TOKENS if quoted else 12):
            continue
        if not quoted and root.lower_ == "contract" and len(modifiers) == 1 and \
                CONTRACT_YEAR.fullmatch(modifiers[0].text) and end == root.i + 1:
            # 'negotiated the 2025/26 contract': in general practice, that year's GP contract
            yield span, etype, f"{modifiers[0].text} GP contract", "phrase", doc[chunk_start:end].text
            continue
        # ('the 2025/26 settlement': a year says which one)
        year_named = root.lower_ in CONTRACT_STAGES and len(modifiers) == 1 and CONTRACT_YEAR.fullmatch(modifiers[0].text)
        if not quoted and end == root.i + 1 and modifiers and all(_adjectival(t) for t in modifiers) and not year_named:
            continue  # 'current models', 'a proper long-term deal': adjectives alone describe, they do not name
        if not modifiers and not (quoted and root.text[:1].isupper()):  # a scare-quoted ‘Hubs’ is a named term
            if root.lower_ in _GENERIC_DESCRIPTIVE:
                if by_org is not None:
                    last = _name_end(by_org)
                    author = re.sub(r"^(?:[a-z-]+\s+)+", "", doc[by_org.left_edge.i:last + 1].text)
                    if author[:1].isupper():
                        whole = doc[chunk_start:last + 1]
                        yield whole, etype, f"{clean_name(author)} {root.lower_}", "report-by", whole.text
                else:
                    publisher = _publisher(doc, root, taken)
                    if publisher:
                        # 'the Nuffield Trust published a report': that organisation's report
                        yield span, etype, f"{publisher} {root.lower_}", "report-by", doc[chunk_start:end].text
                    elif not _about_a_question(doc, root):
                        # 'asking for a review of how contracts are awarded': a new piece of work, unnamed, not the
                        # report the page is about
                        yield span, etype, None, "descriptive", doc[chunk_start:end].text
            continue
        yield span, etype, None, "phrase", doc[chunk_start:end].text


# the words that introduce a name: 'the plan, titled Neighbourhood First', 'a report called ‘X’'
TITLING_WORDS = ("titled", "entitled", "called", "named", "dubbed", "branded")
_TITLE_AFTER = re.compile(r",?\s+(?:(?:%s)\s+)?[‘“\"'](?P<title>[A-Z0-9][^‘’“”\"]{2,80}?)" % "|".join(TITLING_WORDS) +
                          r"(?<![\s,])[’”\"'](?!\w)")
_TITLE_ENTS = {"ORG", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT"}
CONTRACT_YEAR = re.compile(r"(?:19|20)\d\d(?:[/-](?:19|20)?\d\d)?")
# what is negotiated of a year's contract before it is one: 'the 2026/27 GP contract offer'
CONTRACT_STAGES = {"offer", "settlement", "deal", "agreement"}
_SUBTITLED = re.compile(r",\s+(?P<title>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6}:\s+[\w'’-]+(?:\s+[\w'’-]+){1,12}),\s+(?=[a-z])")


def _title_after(doc, root: Token) -> tuple[int, str] | None:
    """(end token, title) of a title right after a report's head word: quoted ('report, titled ‘X’', 'report ‘X’')
    or a capitalised name the model found there ('report Fixing General Practice')."""
    match = _TITLE_AFTER.match(doc.text, root.idx + len(root.text))
    if match is not None:
        span = doc.char_span(root.idx, match.end(), alignment_mode="expand")
        return (span.end, match.group("title").strip()) if span is not None else None
    match = _SUBTITLED.match(doc.text, root.idx + len(root.text))
    if match is not None:
        # 'The think tank's analysis, Fair shares: funding general practice where need is greatest, concludes':
        # a title and subtitle in sentence case, set off by commas
        span = doc.char_span(match.start("title"), match.end("title"), alignment_mode="expand")
        if span is not None:
            return span.end, match.group("title")
    after = root.i + 1
    called = after + (after < len(doc) and doc[after].text == ",")
    if called + 1 < len(doc) and doc[called].lower_ in TITLING_WORDS:
        # 'the plan, titled Neighbourhood First, would...': the capitalised words after the verb that names it
        end = called + 1
        while end < len(doc) and end - called <= 8 and doc[end].ent_type_ not in ("DATE", "TIME") and \
                (doc[end].text[:1].isupper() or doc[end].text[:1].isdigit() or
                 doc[end].lower_ in _FUNCTION_WORDS and end > called + 1):
            end += 1
        while end > called + 1 and doc[end - 1].lower_ in _FUNCTION_WORDS:
            end -= 1
        if end > called + 1 and doc[called + 1].text[:1].isupper() and doc[called + 1].text not in TITLES:
            return end, doc[called + 1:end].text
        return None
    if after + 1 < len(doc) and doc[after].text == ",":
        return _apposed_title(doc, root, after + 1)
    run = _title_case_run(doc, after)
    if run is not None:
        return run
    if after < len(doc) and doc[after].ent_iob_ == "B" and doc[after].ent_type_ in _TITLE_ENTS and \
            doc[after].text[:1].isupper():
        end = after + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        title = doc[after:end].text
        if len(title.split()) >= 2 and _refine_org_type(title, "") == "Organization":
            return end, title
    return None


def _apposed_to_title(doc, chunk_start: int, root: Token, taken: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(end of the phrase, title) of a report phrase set after a named title ('Saving General Practice, a report by
    the BMA,', 'Fair Shares, the Health Foundation's latest analysis'), or None."""
    if chunk_start < 2 or doc[chunk_start - 1].text != ",":
        return None
    comma = doc[chunk_start - 1].idx
    name = next(((s, e) for s, e in taken if e == comma), None)
    span = doc.char_span(*name) if name is not None else None
    head = _report_apposed(span) if span is not None else None
    if head is None or head.i != root.i or \
            any(t.ent_type_ in ("PERSON", "GPE", "NORP") or t.ent_type_.startswith("KG_") for t in span):
        return None
    end = root.i + 1
    if end < len(doc) and doc[end].lower_ == "by":
        author = next((o for o in doc[end].children if o.dep_ == "pobj"), None)
        if author is not None:
            end = _name_end(author) + 1
    # ('X, a report the committee published in February': the maker, as the subject of the clause on the report)
    maker = next((subject for clause in root.children if clause.dep_ == "relcl" and
                  clause.lemma_.casefold() in _AUTHORING_VERBS for subject in clause.children
                  if subject.dep_ == "nsubj" and subject.i < clause.i), None)
    if maker is not None:
        end = max(end, maker.i + 1)
    return end, clean_name(span.text)


def _title_case_run(doc, start: int) -> tuple[int, str] | None:
    """'whose 2024 report Waiting to Be Seen found': a title in title case, its small words in lower case, right
    after the report's head word, which the model seldom finds whole. Only with a small word inside, and no
    person, place or known body in it ('in its report NHS England said')."""
    end = start
    while end < len(doc) and end - start < 10 and (doc[end].text[:1].isupper() and doc[end].is_alpha or
                                                   doc[end].lower_ in _FUNCTION_WORDS and end > start):
        end += 1
    while end > start and doc[end - 1].lower_ in _FUNCTION_WORDS:
        end -= 1
    subtitle = _subtitle_end(doc, end) if end > start + 1 else None
    words = doc[start:end]
    capitals = [t for t in words if t.text[:1].isupper()]
    if len(capitals) < 2 or len(capitals) == len(words) and subtitle is None or \
            any(t.ent_type_ in ("PERSON", "GPE", "NORP", "DATE") or t.ent_type_.startswith("KG_") for t in words):
        return None
    if subtitle is not None:
        # 'report Under Pressure: General Practice in 2025': a title and its subtitle after a colon
        return subtitle, doc[start:subtitle].text
    if end < len(doc) and doc[end].text[:1].isupper():
        return None
    return end, words.text


def _subtitle_end(doc, colon: int) -> int | None:
    """The end of a subtitle in title case after a title's colon ('General Practice in 2025'), or None."""
    if colon + 1 >= len(doc) or doc[colon].text != ":" or not doc[colon + 1].text[:1].isupper():
        return None
    end = colon + 1
    while end < len(doc) and end - colon <= 10 and (
            doc[end].text[:1].isupper() and doc[end].is_alpha or doc[end].lower_ in _FUNCTION_WORDS
            or CONTRACT_YEAR.fullmatch(doc[end].text)):
        end += 1
    while end > colon + 1 and doc[end - 1].lower_ in _FUNCTION_WORDS:
        end -= 1
    if end - colon < 2 or any(t.ent_type_ in ("PERSON", "GPE", "NORP") for t in doc[colon + 1:end]):
        return None
    return end


def _apposed_title(doc, root: Token, start: int) -> tuple[int, str] | None:
    """'its latest report, Access Denied, found': capitalised words set off by commas in apposition to the report
    word are its title, whatever the model took them for ('In the report, Ann Lee, its author, said' is a subject,
    and 'the report, Dr Ann Lee said,' a speaker)."""
    end = start
    while end < len(doc) and end - start < 12 and (doc[end].text[:1].isupper() or doc[end].text[:1].isdigit() or
                                                   doc[end].lower_ in _FUNCTION_WORDS and end > start):
        end += 1
    while end > start and doc[end - 1].lower_ in _FUNCTION_WORDS:
        end -= 1
    if end - start < 2 or end >= len(doc) or doc[end].text not in (",", ")") or doc[start].text in TITLES:
        return None
    head = doc[start:end].root
    # ('our workload audit, Counting the Contacts, make...', 'its report, Stretched to Breaking, on Monday': a title
    # opening on a verb's -ing form or participle is read as a clause on whatever the sentence is about)
    verb_first = head.i == start and head.tag_ in ("VBG", "VBN", "VBD") and head.dep_ in ("acl", "advcl") and \
        start == root.i + 2
    if (head.dep_ not in ("appos", "npadvmod") or head.head.i not in (root.i, root.head.i)) and not verb_first:
        return None
    # 'the RCGP's workforce report, Training Today, Leaving Tomorrow, which found': a title with a comma of its own,
    # its second part capitalised words (no name) before a comma and a lower-case word
    second = end + 1
    while second < len(doc) and second - end < 6 and doc[second].text[:1].isupper() and doc[second].is_alpha and \
            not doc[second].ent_type_ in ("PERSON", "GPE", "ORG", "NORP") and doc[second].text not in TITLES:
        second += 1
    if second - end >= 3 and second + 1 < len(doc) and doc[second].text == "," and doc[second + 1].text.islower():
        end = second
    title = doc[start:end].text
    return (end, title) if _refine_org_type(title, "") == "Organization" else None


def _name_end(head: Token) -> int:
    """The last token of the name `head` heads, without a clause or apposition after it ('the Health Foundation,
    which warns that...')."""
    last = head.right_edge.i
    for child in head.children:
        if child.i > head.i and child.dep_ in ("relcl", "acl", "appos", "punct", "advcl"):
            last = min(last, child.left_edge.i - 1)
    while last > head.i and head.doc[last].is_punct:
        last -= 1
    return last


def _addressee_end(doc, root, end: int) -> int:
    """'the letter from the health secretary to the Prime Minister': a letter is named by its addressee too, when
    'to' hangs on the letter itself (not 'sent a letter from X to all practices', where it hangs on the verb)."""
    if root.lower_ not in _ADDRESSED or end >= len(doc) or doc[end].lower_ != "to" or doc[end].head.i != root.i:
        return end
    pobj = [c for c in doc[end].children if c.dep_ == "pobj"]
    return _phrase_end(pobj[0]) + 1 if pobj else end


_CURRENCY = {"£", "$", "€"}
_MONEY_UNITS = {"m", "bn", "k", "million", "billion", "thousand", "mn", "bln"}


def _money_tokens(span: Span) -> set[int]:
    """Token indices of sums of money in a phrase: a '£4m contract' is a contract of that value, not its name."""
    out: set[int] = set()
    for token in span:
        if token.text in _CURRENCY or token.text[:1] in _CURRENCY and token.text[1:2].isdigit():
            out.add(token.i)
            for following in token.doc[token.i + 1:span.end]:
                if not (following.like_num or following.lower_ in _MONEY_UNITS or following.text[:1].isdigit()):
                    break
                out.add(following.i)
    return out


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep"}
_QUOTE_PAIRS = {"‘": "’", "“": "”", "'": "'", '"': '"'}
_MAX_TITLE_TOKENS = 20


def _phrase_end(token) -> int:
    """The last token of a noun phrase without its clauses: 'the partnership model[, which is set to...]'."""
    end = token.i
    for child in token.children:
        if child.i > token.i and child.dep_ not in _CLAUSE_DEPS:
            end = max(end, _phrase_end(child))
    return end


def _adjectival(token: Token) -> bool:
    """An adjective, a number, or a word of a hyphenated compound ('long-term', 'five-year')."""
    doc = token.doc
    return token.pos_ in ("ADJ", "NUM") or token.tag_ in ("JJ", "JJR", "JJS", "VBN") or \
        token.dep_ == "amod" and token.pos_ == "NOUN" or \
        token.i > 0 and doc[token.i - 1].text == "-" or token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def _phrase_heads(doc, head_types: dict[str, str]) -> Iterator[tuple[int, Token]]:
    """(first token, head) of each noun phrase; a policy noun the chunker left out ('the Department of Health
    and Social Care’s workforce plan') gets a phrase from its left edge."""
    roots = set()
    for chunk in doc.noun_chunks:
        roots.add(chunk.root.i)
        yield chunk.start, chunk.root
    for token in doc:
        if token.i not in roots and token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and \
                (token.lower_ in head_types or token.lemma_.casefold() in head_types):
            yield token.left_edge.i, token
        elif token.lower_ == "programme" and token.pos_ == "VERB" and token.i > 0 and doc[token.i - 1].tag_ == "NNS" \
                and not any(c.dep_ == "dobj" for c in token.children):
            # 'the ICB's primary care estates programme': a programme after a plural, read as the plural's verb
            yield doc[token.i - 1].left_edge.i, token


_PUBLISHING_VERBS = {"publish", "release", "launch", "issue", "produce", "unveil"}


def _publisher(doc, root, taken: list[tuple[int, int]]) -> str | None:
    """The name of who published 'a report' ('The Nuffield Trust published a report ...'), or None."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "in" and verb.i == root.sent.start and verb.head.pos_ == "VERB":
        verb = verb.head  # 'In a report published today, the Health Foundation said...': the report is theirs
    elif root.dep_ != "dobj" or verb.lemma_.casefold() not in _PUBLISHING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    left, right = subject.left_edge.idx, subject.idx + len(subject.text)
    inside = [(s, e) for s, e in taken if left <= s and e <= right]
    return clean_name(doc.text[inside[-1][0]:inside[-1][1]]) if inside else None


def _possessor_name(doc, chunk_start: int, start: int, root: int, taken: list[tuple[int, int]]) -> str | None:
    """The name in 'NAME’s [adjectives] HEAD' when only a possessive separates a known name from the head."""
    if start > root or start == chunk_start or doc[start - 1].lower_ not in ("'s", "’s"):
        return None
    if any(not (t.pos_ == "ADJ" or t.is_punct) for t in doc[start:root]):
        return None
    return _name_ending_at(doc, chunk_start, doc[start - 1].idx, taken)


def _name_ending_at(doc, chunk_start: int, end: int, taken: list[tuple[int, int]]) -> str | None:
    """The known name inside the phrase from `chunk_start` that ends at character `end`."""
    for s, e in taken:
        if e == end and s >= doc[chunk_start].idx:
            return clean_name(doc.text[s:e])
    return None


_HEADLINE_VERBS = {"brand", "dub", "label", "call", "slam", "hail", "back", "reject", "urge", "warn", "blast",
                   "attack", "welcome", "criticise", "oppose", "accept", "approve", "agree", "win", "lose", "unveil",
                   "publish", "launch", "scrap", "axe", "defend", "demand", "offer"}


def _after_misread_verb(doc, chunk_start: int, root: int, lexicon) -> int:
    """'GP leaders brand 3.6% contract offer...': in a headline's missing articles the parser reads a verb after a
    plural subject as a noun of the phrase; the phrase starts after it."""
    for i in range(chunk_start + 1, root - 1):
        token = doc[i]
        if doc[i - 1].tag_ in ("NNS", "NNPS") and token.text.islower() and \
                (token.lower_ in _HEADLINE_VERBS or token.lower_ in lexicon.cue_verbs):
            return i + 1
    return chunk_start


def _verb_after_plural(doc, root) -> bool:
    """'40% of GPs plan to leave', 'practices report that...': a head word that is also a verb, after a plural and
    before 'to' or 'that', is the verb of that plural (the small model tags it a noun now and then)."""
    if root.i == 0 or root.i + 1 >= len(doc) or root.tag_ not in ("NN", "NNP", "VB", "VBP"):
        return False
    before, after = doc[root.i - 1], doc[root.i + 1]
    plural = before.tag_ in ("NNS", "NNPS") or before.text[-1:] == "s" and before.text[:-1].isupper()
    return plural and (after.lower_ == "that" or after.lower_ == "to" and root.i + 2 < len(doc)
                       and doc[root.i + 2].tag_ == "VB")


def _namesake(doc, chunk_start: int, start: int, root: int, taken: list[tuple[int, int]]) -> str | None:
    """The name in 'the NAME HEAD' when a known name runs up to the head: 'the Leng review', 'the Nuffield Trust
    survey' are named by whom they are by or for, as 'Lord Darzi's review' is."""
    if start != root or root == chunk_start or doc[root - 1].lower_ in ("'s", "’s"):
        return None
    return _name_ending_at(doc, chunk_start, doc[root - 1].idx + len(doc[root - 1].text), taken)


_TITLE_CONNECTORS = {"of", "and", "for", "&", "on", "in"}


def _capitalised_title(doc, start: int, root: int) -> int | None:
    """The first token of a title-case name ending in a capitalised policy word ('Primary Care Reform Bill',
    'Digital Health and Care Act'), or None."""
    if not doc[root].text[:1].isupper() or doc[root].is_sent_start:
        return None
    first = _conjoined_title_start(doc, start, root)
    while first < root and (doc[first].dep_ in ("det", "poss") or doc[first].is_punct):
        first += 1
    # 'The BMA and Kent GP Retention Scheme': an organisation the lexicon knows, and then the title
    first = max([first] + [t.i + 2 for t in doc[first:root - 1] if t.ent_type_.startswith("KG_") and
                           t.ent_type_[3:] in ORGANISATION_TYPES and doc[t.i + 1].lower_ in ("and", "&")])
    words = doc[first:root]
    if len(words) < 2 or words[0].is_sent_start and words[0].lower_ in ("a", "an", "the"):
        return None
    if all(t.text[:1].isupper() or t.lower_ in _TITLE_CONNECTORS for t in words) and words[0].text[:1].isupper():
        return first
    return None


def _conjoined_title_start(doc, start: int, root: int) -> int:
    """'Shropshire GP Fellowship and Retention Scheme': the parser makes the scheme a conjunct of a name before it;
    title-case words joined to the head's phrase by 'and' are the start of its title. Where the title starts (the
    phrase's own start when nothing is joined)."""
    head = doc[root].head
    if doc[root].dep_ != "conj" or head.i != start - 2 or doc[start - 1].lower_ not in ("and", "&") or \
            not head.text[:1].isupper() or head.pos_ != "PROPN":
        return start
    first = head.left_edge.i
    while first < head.i and (doc[first].dep_ in ("det", "poss") or doc[first].is_punct):
        first += 1
    if any(not t.text[:1].isupper() or t.ent_type_.startswith("KG_") or t.ent_type_ in ("ORG", "GPE")
           for t in doc[first:head.i + 1]):
        return start
    return first


def _owned_title(doc, chunk_start: int, root: int, taken: list[tuple[int, int]]) -> int | None:
    """'The regulator’s annual State of Care report', 'its Fit for the Future review': after an owner's possessive,
    title-case words up to the head are the report's own title, even where the model took part of them for an
    organisation ('State of Care'); the owner is who made it. The first token of the title, or None."""
    owner_end = next((i for i in range(root - 1, chunk_start - 1, -1)
                      if doc[i].lower_ in ("'s", "’s", "its", "their")), None)
    if owner_end is None:
        return None
    first = owner_end + 1
    while first < root and doc[first].is_lower and doc[first].pos_ == "ADJ":
        first += 1  # 'annual', 'latest'
    words = doc[first:root]
    if not words or not words[0].text[:1].isupper() or words[-1].lower_ in _TITLE_CONNECTORS or \
            any(not (t.text[:1].isupper() or t.lower_ in _TITLE_CONNECTORS) or t.ent_type_.startswith("KG_")
                for t in words) or words.text.casefold() in uk_places():
        return None  # ('its Wiltshire service' is its service in Wiltshire, not one named after it)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return first if any(start <= s and e <= end for s, e in taken) else None


def _title_in_place(span: Span) -> Span:
    """'the Review of Physician Associates in the NHS, an independent review': the model ends the title before where
    it is about, which title case shows to be part of it."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ == "in":
        at = end + 1 + (doc[end + 1].lower_ == "the")
        stop = at
        while stop < min(len(doc), at + 3) and doc[stop].text[:1].isupper() and doc[stop].ent_type_ not in ("DATE",
                                                                                                         "TIME"):
            stop += 1
        if stop > at and (stop == len(doc) or doc[stop].is_punct):
            return doc[span.start:stop]
    return span


def _quoted_name_before(doc, chunk_start: int, root: int) -> Span | None:
    """The capitalised words in quotes right before a policy's head word ('the ‘Neighbourhood First’ plan')."""
    close = root - 1
    if close <= chunk_start or doc[close].text not in ("’", "”", "'", '"'):
        return None
    opening = next((i for i in range(close - 1, max(-1, close - 9), -1)
                    if doc[i].text in _QUOTE_PAIRS and _QUOTE_PAIRS[doc[i].text] == doc[close].text), None)
    if opening is None or opening + 1 == close:
        return None
    inside = doc[opening + 1:close]
    if not inside[0].text[:1].isupper() or any(not (t.text[:1].isupper() or t.text[:1].isdigit() or
                                                    t.lower_ in _FUNCTION_WORDS) for t in inside):
        return None
    return inside


def _quoted_title(doc, start: int, root: int, end: int) -> tuple[int, int] | None:
    """A policy phrase written in quotes is named by the whole quotation: 'a ‘review of reimbursement frameworks
    in primary care’' names the review of reimbursement frameworks in primary care."""
    for opening in range(root, max(start - _MAX_TITLE_TOKENS, root - _MAX_TITLE_TOKENS, -1), -1):
        closer = _QUOTE_PAIRS.get(doc[opening].text)
        if closer is None:
            continue
        close = next((i for i in range(opening + 1, min(len(doc), opening + _MAX_TITLE_TOKENS))
                      if doc[i].text == closer), None)
        if close is not None and close > root:
            inside = doc[opening + 1:close]
            if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in inside):
                return None  # a quoted clause ('package is urgently needed'), not a quoted name
            if inside[0].tag_ == "DT" or any(t.tag_ in ("JJS", "RBS") for t in inside):
                return None  # a quoted verdict ('the best settlement in a decade'), not a name
            return (opening + 1, close) if close >= end - 1 else None
    return None


def byline_mentions(adoc: AnalysedDocument) -> Iterator[SegmentMention]:
    document = adoc.document
    if document.byline is None:
        return
    text = document.text
    for name, etype in ((document.author, "Person"), (document.outlet, "Publication")):
        if not name:
            continue
        at = text.find(name, document.byline.start, document.byline.end)
        if at < 0:
            continue
        # the outlet by the lexicon's name for it ('GP Online' is GPonline), as the page's other mentions of it
        term = load_lexicon().canonical().get(name.casefold()) if etype == "Publication" else None
        yield SegmentMention(Mention(document.doc_id, at, at + len(name), name, etype, ARTICLE, "byline"),
                             term.name if term is not None and term.type == etype else None)


def document_mentions(adoc: AnalysedDocument) -> list[SegmentMention]:
    found: dict[tuple[int, int], SegmentMention] = {}
    for sm in byline_mentions(adoc):
        found[(sm.mention.start, sm.mention.end)] = sm
    for aseg in adoc.segments:
        for sm in segment_mentions(aseg, adoc.document.doc_id, adoc.document.text):
            key = (sm.mention.start, sm.mention.end)
            if key not in found:
                found[key] = sm
    for sm in [*_council_names(adoc), *_areas_listed_before(adoc, list(found.values()))]:
        found = {k: v for k, v in found.items() if not (k[0] < sm.mention.end and sm.mention.start < k[1])}
        found[(sm.mention.start, sm.mention.end)] = sm
    for sm in _repeated_names(adoc, list(found.values())):
        found[(sm.mention.start, sm.mention.end)] = sm
    for kind, source, named_shorts in (("Practice", "practice-short", _practice_shorts),
                                       ("Company", "company-short", _company_shorts),
                                       ("Report", "report-short", _report_shorts)):
        shorts = named_shorts(adoc, list(found.values()))
        # ('Marsh Lane is one of five practices', 'Kestrel may be lovely people': the model's person, body or street)
        found = {k: v for k, v in found.items() if not _short_name_taken_for_another(v, shorts, adoc.document.text)}
        for sm in _short_names(adoc, list(found.values()), shorts, kind, source):
            found[(sm.mention.start, sm.mention.end)] = sm
    for sm in [*_page_acronyms(adoc, list(found.values())), *_bracketed_acronyms(adoc, list(found.values()))]:
        found[(sm.mention.start, sm.mention.end)] = sm
    for sm in _described_owners_bodies(adoc, list(found.values())):
        found.setdefault((sm.mention.start, sm.mention.end), sm)
    for sm in _implied_posts(adoc):
        found.setdefault((sm.mention.start, sm.mention.end), sm)
    for sm in _readers_places(adoc):
        found.setdefault((sm.mention.start, sm.mention.end), sm)
    for sm in _ministers(adoc, list(found.values())):
        found.setdefault((sm.mention.start, sm.mention.end), sm)
    # 'Dr Overwhelmed is right': a reader named by their handle is that commenter, no person or organisation
    text = adoc.document.text
    handles = {c.author for c in adoc.document.comments if c.author}
    kept = [found[k] for k in sorted(found)
            if not any(text[k[1] - len(h):k[1]] == h for h in handles if found[k].mention.text in h)]
    return _dated_policies(_the_publication(_the_network(_defined_abbreviations(_local_aliases(_titled_on_the_page(
        _aged_people(kept, text))), text), adoc)))


NETWORK_NAME = re.compile(r"(?:Primary Care Network|PCN)$")  # a primary care network's name ends so


def _the_publication(found: list[SegmentMention]) -> list[SegmentMention]:
    """'she told the Gazette' on a page that names the Skegness Coast Gazette: a newspaper's kind word alone is the
    one paper of the page whose name ends in it."""
    heads = {h.casefold() for h in load_lexicon().organisation_heads.get("Publication", ())}
    papers: dict[str, set[str]] = {}
    for sm in found:
        name = sm.canonical or clean_name(sm.mention.text)
        if sm.mention.type == "Publication" and len(name.split()) > 1 and name.split()[-1].casefold() in heads:
            papers.setdefault(name.split()[-1], set()).add(name)
    if not papers:
        return found
    return [replace(sm, canonical=next(iter(papers[sm.mention.text])))
            if sm.mention.type == "Publication" and sm.canonical is None and len(papers.get(sm.mention.text, ())) == 1
            else sm for sm in found]


def _a_modifier(adoc: AnalysedDocument, m: Mention) -> bool:
    """Whether the mention's word modifies the noun after it ('the PCN DES')."""
    for aseg in adoc.segments:
        if aseg.segment.start <= m.start < aseg.segment.end:
            span = aseg.doc.char_span(m.start - aseg.segment.start, m.end - aseg.segment.start)
            return span is None or span.root.dep_ in ("compound", "amod", "nmod") or \
                span.end < len(aseg.doc) and aseg.doc[span.end].pos_ in ("NOUN", "PROPN")
    return True


_WHEN_WORDS = frozenset(MONTH_NAMES) | {"new", "latest", "current", "forthcoming", "upcoming"}


def _dated_policies(found: list[SegmentMention]) -> list[SegmentMention]:
    """'The October requirement is going to break practices' on a page that names 'NHS England's new online access
    requirement': a policy named only by when it comes in is the one policy of the page with the same head word and
    a name that says what it is."""
    def words(sm: SegmentMention) -> list[str]:
        return clean_name(sm.mention.text).casefold().split()

    phrases = [sm for sm in found if sm.mention.source == "phrase" and sm.mention.type in ("Policy", "Programme")
               and sm.canonical is None and len(words(sm)) > 1]
    dated = [sm for sm in phrases if all(w in _WHEN_WORDS for w in words(sm)[:-1])]
    if not dated:
        return found
    named: dict[str, set[str]] = {}
    for sm in phrases:
        if sm not in dated:
            named.setdefault(words(sm)[-1], set()).add(clean_name(sm.mention.text))
    out = []
    for sm in found:
        if sm in dated and len(named.get(words(sm)[-1], ())) == 1:
            sm = replace(sm, canonical=next(iter(named[words(sm)[-1]])))
        out.append(sm)
    return out


def _the_network(found: list[SegmentMention], adoc: AnalysedDocument) -> list[SegmentMention]:
    """'For the PCN, the decision was about workload' after 'Wyre Forest Central Primary Care Network': the kind's
    acronym or name with a definite article, as a body (not a modifier: 'the PCN DES', 'the PCN model'), is the
    network the page named last before it, not networks in general."""
    text = adoc.document.text
    networks = [sm for sm in found if sm.mention.type in ORGANISATION_TYPES and sm.canonical is None
                and NETWORK_NAME.search(clean_name(sm.mention.text))]
    if not networks:
        return found
    out = []
    for sm in found:
        m = sm.mention
        # (a reader's 'our PCN' is their own network, not the one the article names)
        before = r"\b(?:the|its|this|their)\s+$" if m.section == COMMENT else r"\b(?:the|its|our|this|their)\s+$"
        kind = m.text == "PCN" or m.text.casefold() == "primary care network"
        if kind and re.search(before, text[max(0, m.start - 8):m.start], re.I) and not _a_modifier(adoc, m):
            named = [n for n in networks if n.mention.end <= m.start]
            if named:
                network = named[-1]
                sm = SegmentMention(replace(m, type=network.mention.type, source="the-network"),
                                    clean_name(network.mention.text), sm.surface)
        out.append(sm)
    return out


def _defined_abbreviations(found: list[SegmentMention], text: str) -> list[SegmentMention]:
    """'NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board (BSW ICB)': a short name the
    page gives a body in brackets after its full name is that body's, wherever the page uses it, though it is not
    the full name's initials."""
    defined: dict[str, str] = {}
    bodies_ending = {sm.mention.end: sm for sm in found if sm.mention.type in ORGANISATION_TYPES}
    for short in found:
        b = short.mention
        full = bodies_ending.get(b.start - 2) if text[b.start - 2:b.start] == " (" else None
        if full is not None and b.type in ORGANISATION_TYPES and text[b.end:b.end + 1] == ")" and \
                len(b.text.split()) <= 3 and b.text[:1].isupper() and sum(c.isupper() for c in b.text) >= 2 and \
                len(full.mention.text.split()) > len(b.text.split()):
            defined.setdefault(b.text, full.canonical or clean_name(full.mention.text))
    if not defined:
        return found
    return [replace(sm, canonical=defined[sm.mention.text]) if sm.mention.text in defined and sm.canonical is None
            else sm for sm in found]


# 'Adeyemi-Clarke, 49, took up post': a name followed by an age in commas is a person's, whatever the model said
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?(?:1[89]|[2-9]\d),")


def _aged_people(found: list[SegmentMention], text: str) -> list[SegmentMention]:
    """The model's organisations and places that the page gives an age are people, and so is every mention of the
    same name on the page ('Folasade Adeyemi-Clarke's office', 'Adeyemi-Clarke wants...')."""
    aged = {clean_name(sm.mention.text).casefold() for sm in found
            if sm.mention.source == "ner" and sm.mention.type in ("Organization", "Place")
            and _AGE_AFTER.match(text, sm.mention.end)}
    if not aged:
        return found
    surnames = {name.split()[-1] for name in aged}
    out = []
    for sm in found:
        name = clean_name(sm.mention.text).casefold()
        if sm.mention.source == "ner" and sm.mention.type in ("Organization", "Place") and \
                (name in aged or name.split()[-1:] and name.split()[-1] in surnames):
            sm = replace(sm, mention=replace(sm.mention, type="Person"))
        out.append(sm)
    return out


def _titled_on_the_page(found: list[SegmentMention]) -> list[SegmentMention]:
    """'as State of Care report lays bare' in a headline, 'the regulator's annual State of Care report' below: a
    report the page names by that title elsewhere is the titled report, and 'State of Care' no maker of it."""
    titles = {m.mention.text.casefold(): m.mention.text for m in found
              if m.mention.source == "title" and m.mention.type == "Report"}
    if not titles:
        return found
    retitled = {i: sm for i, sm in enumerate(found) if sm.mention.source == "report-by" and
                (sm.canonical or "").casefold() in titles}
    if not retitled:
        return found
    spans = [(sm.mention.start, sm.mention.end) for sm in retitled.values()]
    out = []
    for i, sm in enumerate(found):
        if i in retitled:
            out.append(replace(sm, mention=replace(sm.mention, source="title"),
                               canonical=titles[sm.canonical.casefold()]))
        elif not (sm.mention.source == "ner" and any(s <= sm.mention.start and sm.mention.end <= e for s, e in spans)):
            out.append(sm)
    return out


def _local_aliases(found: list[SegmentMention]) -> list[SegmentMention]:
    """'Healthwatch is right to oppose this' on a page that names Healthwatch Derbyshire and never Healthwatch
    England: an organisation's short name is the one branch of it the page names."""
    named = {sm.mention.text for sm in found}
    out = []
    for sm in found:
        m = sm.mention
        if m.source == "lexicon" and sm.canonical and m.text != sm.canonical and sm.canonical not in named and \
                m.type in ORGANISATION_TYPES:
            longer = {o.mention.text for o in found if o.mention.text.startswith(m.text + " ")
                      and o.mention.type in ORGANISATION_TYPES and o.mention.source != "lexicon"}
            if len(longer) == 1:
                sm = replace(sm, mention=replace(m, source="local-alias"), canonical=longer.pop())
        out.append(sm)
    return out


_REPEATABLE = {"Person", "Organization", "GovernmentBody", "Company", "ThinkTank", "Practice", "Publication"}
IMPLIED_POST = "implied-post"


@lru_cache(maxsize=1)
def _implied_post_re() -> re.Pattern:
    posts = sorted(load_lexicon().implied_post_organisations, key=len, reverse=True)
    return re.compile(r"(?<!shadow )\b(?:%s)\b" % "|".join(re.escape(p) for p in posts), re.I)


# 'urged ministers to act', 'Scottish ministers have agreed': ministers act for their government
_MINISTERS = re.compile(r"(?<![\w-])(?:(?P<nation>Scottish|Welsh|Northern Ireland|UK|government|health)\s+)?"
                        r"[Mm]inisters\b(?!\s+(?:of|for|from|in)\b)")
_MINISTERS_OF = {"scottish": "Scottish Government", "welsh": "Welsh Government",
                 "northern ireland": "Northern Ireland Executive"}


def _ministers(adoc: AnalysedDocument, found: list[SegmentMention]) -> Iterator[SegmentMention]:
    text = adoc.document.text
    canonical = load_lexicon().canonical()
    for segment, match in _free_matches(adoc, _MINISTERS, found):
        before = text[max(segment.start, match.start() - 12):match.start()].split()
        if before and before[-1].casefold() in ("former", "junior", "shadow", "tory", "labour", "conservative",
                                                "other", "senior", "ex-"):
            continue  # not the government of the day
        term = canonical.get(_MINISTERS_OF.get((match.group("nation") or "").casefold(), "the Government").casefold())
        if term is not None:
            yield SegmentMention(Mention(adoc.document.doc_id, match.start(), match.end(), match.group(), term.type,
                                         segment.section, "ministers"), term.name)


def _implied_posts(adoc: AnalysedDocument) -> Iterator[SegmentMention]:
    """'Health secretary Wes Streeting': a post whose organisation the lexicon knows ('the Government') implies that
    organisation in the document, so the post can be held in it though the page never names it (a shadow post is
    the opposition's)."""
    lexicon = load_lexicon()
    text = adoc.document.text
    posts = _implied_post_re()
    for aseg in adoc.segments:
        segment = aseg.segment
        for match in posts.finditer(text, segment.start, segment.end):
            term = lexicon.canonical().get(lexicon.implied_post_organisations[match.group().casefold()].casefold())
            if term is not None:
                yield SegmentMention(Mention(adoc.document.doc_id, match.start(), match.end(), match.group(),
                                             term.type, segment.section, IMPLIED_POST), term.name)


_INITIALS_STOP = {"of", "and", "the", "for", "&", "in", "on", "at"}


def initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name)
                   if w and w.casefold() not in _INITIALS_STOP and w[0].isalpha()).upper()


def _page_acronyms(adoc: AnalysedDocument, found: list[SegmentMention]) -> Iterator[SegmentMention]:
    """'restoring the Minimum Practice Income Guarantee ... bringing back the MPIG': the initials of a name the page
    spells out, written in capitals elsewhere on the page, are that name (the model often misses a rare acronym)."""
    names: dict[str, tuple[str, str]] = {}
    for sm in found:
        m = sm.mention
        if m.source in ("lexicon", "byline") or m.type in ("Person", "Place") or not _REPEATABLE_NAME.fullmatch(m.text):
            continue
        acronym = initials(m.text)
        if len(acronym) >= 3:
            names.setdefault(acronym, (m.type, sm.canonical or m.text))
    return _acronym_mentions(adoc, names, found)


_BRACKETED_ACRONYM = re.compile(r" \(([A-Z][A-Za-z&]{0,6}[A-Z])\)")


def _bracketed_acronyms(adoc: AnalysedDocument, found: list[SegmentMention]) -> Iterator[SegmentMention]:
    """'the BMA's GP committee for England (GPCE) ... GPCE chair Dr X': capitals in brackets right after a name
    the page gives are that name wherever the page writes them, though they are not its initials and the model
    knows no such word."""
    text = adoc.document.text
    names: dict[str, tuple[str, str]] = {}
    for sm in found:
        m = sm.mention
        match = _BRACKETED_ACRONYM.match(text, m.end)
        # ('NHS Kent and Medway Integrated Care Board (ICB)': the kind of body, which the page's 'the ICB' also is)
        if match and match.group(1) not in _kind_acronyms() and m.type not in ("Person", "Place") and len(m.text.split()) > 1:
            names.setdefault(match.group(1), (m.type, sm.canonical or clean_name(m.text)))
    return _acronym_mentions(adoc, names, found)


def _acronym_mentions(adoc: AnalysedDocument, names: dict[str, tuple[str, str]],
                      found: list[SegmentMention]) -> Iterator[SegmentMention]:
    """Each free use on the page of an acronym in `names` (acronym -> (type, name)), as a mention of that name."""
    if not names:
        return
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    for segment, match in _free_matches(adoc, pattern, found):
        etype, name = names[match.group()]
        yield SegmentMention(Mention(adoc.document.doc_id, match.start(), match.end(), match.group(), etype,
                                     segment.section, "page-acronym"), name)


def _readers_places(adoc: AnalysedDocument) -> Iterator[SegmentMention]:
    """'Pennine Partner | GP partner, West Yorkshire | 3 July 2025': a UK place a comment's header gives as part of
    the reader's description of themself."""
    text = adoc.document.text
    for comment in adoc.document.comments:
        if comment.about_start is None:
            continue
        for part in re.finditer(r"[^,;/]+", text[comment.about_start:comment.about_end]):
            name = part.group().strip()
            if name and name[0].isupper() and name.casefold() in uk_places():
                start = comment.about_start + part.start() + part.group().index(name)
                yield SegmentMention(Mention(adoc.document.doc_id, start, start + len(name), name, "Place", COMMENT,
                                             "comment-header"), None)


def _free_matches(adoc: AnalysedDocument, pattern: re.Pattern, found: list[SegmentMention]):
    """(segment, match) for each match of `pattern` in the document's segments that overlaps no mention found."""
    taken = sorted((sm.mention.start, sm.mention.end) for sm in found)
    text = adoc.document.text
    for aseg in adoc.segments:
        for match in pattern.finditer(text, aseg.segment.start, aseg.segment.end):
            start, end = match.span()
            at = bisect.bisect_left(taken, (end, end))
            if not any(s < end and start < e for s, e in taken[max(0, at - 3):at + 1]):
                yield aseg.segment, match


_PLACE_NAME = r"(?:[A-Z][\w'’-]+)(?:\s+(?:upon\s+|on\s+)?[A-Z][\w'’-]+){0,2}"
# 'the Borough Council of King's Lynn and West Norfolk', 'the Royal Borough of Windsor and Maidenhead': a council
# named by its kind, then the places it is for (the model splits it into a body and places)
_COUNCIL_OF = re.compile(r"\b(?:(?:Borough|District|City|County|Metropolitan\s+Borough|Town|Parish)\s+Council|"
                         r"(?:Royal|London|Metropolitan)\s+Borough)\s+of\s+(?:the\s+)?%s(?:\s+and\s+%s)?"
                         % (_PLACE_NAME, _PLACE_NAME))


_AREA_BODY = re.compile(r"[A-Z][\w'’ -]*\s+and\s+[A-Z][\w'’ -]*\s+(?:LMC|Local Medical Committee|ICB|Integrated Care "
                        r"Board|ICS|Integrated Care System|CCG|Clinical Commissioning Group)")
_PLACE_AND_COMMA = re.compile(r"(?P<place>%s),\s+$" % _PLACE_NAME)


def _areas_listed_before(adoc: AnalysedDocument, found: list[SegmentMention]) -> Iterator[SegmentMention]:
    """'Leicester, Leicestershire and Rutland LMC': a body named after a list of places, whose first place the model
    left out at the comma."""
    text = adoc.document.text
    for sm in found:
        m = sm.mention
        if m.type not in ORGANISATION_TYPES or sm.canonical is not None or not _AREA_BODY.fullmatch(m.text):
            continue
        before = _PLACE_AND_COMMA.search(text, max(0, m.start - 40), m.start)
        if before is None or before.group("place").casefold() not in uk_places() or \
                text[max(0, before.start() - 2):before.start()].rstrip().endswith(","):
            continue  # (a place going on a list before it is a list of places, not the body's name)
        name = text[before.start():m.end]
        yield SegmentMention(replace(m, start=before.start(), text=name, source="area-list"), None)


def _council_names(adoc: AnalysedDocument) -> Iterator[SegmentMention]:
    text = adoc.document.text
    for aseg in adoc.segments:
        for match in _COUNCIL_OF.finditer(text, aseg.segment.start, aseg.segment.end):
            name = match.group().rstrip("’'")
            yield SegmentMention(Mention(adoc.document.doc_id, match.start(), match.start() + len(name), name,
                                         "GovernmentBody", aseg.segment.section, "council-of"), None)


def _repeated_names(adoc: AnalysedDocument, found: list[SegmentMention]) -> Iterator[SegmentMention]:
    """A name the page has established (the model found it once, or a rule did) is a mention wherever else the
    page writes it the same way: the model often finds 'Elevance Care' in one sentence and misses it in the next.
    Only names of two capitalised words or more, matched with their case, so no common word becomes a name."""
    names: dict[str, str] = {}
    for sm in found:
        m = sm.mention
        if m.source != "lexicon" and m.type in _REPEATABLE and sm.canonical is None and _REPEATABLE_NAME.fullmatch(m.text):
            names.setdefault(m.text, m.type)
    if not names:
        return
    for segment, match in _free_matches(adoc, _any_name_re(names), found):
        yield SegmentMention(Mention(adoc.document.doc_id, match.start(), match.end(), match.group(),
                                     names[match.group()], segment.section, "repeated-name"), None)


_PRACTICE_SHORT = re.compile(r"(?:The\s+)?(?P<short>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*?)\s+(?:(?:Medical|Health|Family|"
                             r"Group)\s+)?(?:Surgery|Practice|Centre|Center|Partnership)")
_TOWN_BEFORE = re.compile(r"\b(?:in|near|of|across|around|outside)\s+$", re.I)
_OWNED = re.compile(r"[’']s\b")


def named_as_town_at(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] follows a town's preposition ('patients in Kingsmere'), unless it owns
    what comes next ('one of Fenside's staff': the practice's)."""
    return bool(_TOWN_BEFORE.search(text, max(0, start - 8), start)) and not _OWNED.match(text, end)


# ('Meridian Health Partnerships ... Meridian said')
_COMPANY_SHORT = re.compile(r"(?P<short>[A-Z][a-z][\w'’-]{2,})\s+(?:Healthcare|Health|Group|Ltd|Limited|plc|Holdings|"
                            r"Primary\s+Care|Medical|Care)"
                            r"(?:\s+(?:Partnerships?|Partners|Group|Services|Ltd|Limited|plc|UK))?")


def _company_shorts(adoc: AnalysedDocument, found: list[SegmentMention]) -> dict[str, str]:
    """'Castlegate is due to take over the practice' after 'Castlegate Healthcare': a firm's name without the word for
    its kind, written elsewhere on the page, is that firm; one word only if the page never writes it in lower case
    (so 'Care' of 'Care Group' is no name). Short name -> the full name."""
    text = adoc.document.text
    shorts: dict[str, str] = {}
    for sm in found:
        match = _COMPANY_SHORT.fullmatch(clean_name(sm.mention.text)) if sm.mention.type in ("Company", "Organization") \
            else None
        if match is not None and not re.search(r"\b%s\b" % re.escape(match.group("short").lower()), text):
            shorts.setdefault(match.group("short"), sm.canonical or clean_name(sm.mention.text))
    return shorts


@lru_cache(maxsize=1)
def _report_short_re() -> re.Pattern:
    """A title ending in a word for a report ('State of Care report'), the title before it as `short`."""
    kinds = sorted((h for h, etype in policy_head_types().items() if etype == "Report"), key=len, reverse=True)
    return re.compile(r"(?P<short>[A-Z][\w'’-]+(?:\s+(?:(?:of|and|for|the|in|on|&)\s+)?[A-Z][\w'’-]+)+)\s+(?:%s)"
                      % "|".join(map(re.escape, kinds)))


def _report_shorts(adoc: AnalysedDocument, found: list[SegmentMention]) -> dict[str, str]:
    """'The State of Care should be read in Whitehall' after 'its annual State of Care report': a report's own title
    without the word for its kind is that report; not the name of a body that made it ('King's Fund report')."""
    lexicon = load_lexicon()
    bodies = {clean_name(sm.mention.text) for sm in found if sm.mention.type in ORGANISATION_TYPES
              and sm.mention.source != "ner"}
    shorts: dict[str, str] = {}
    for sm in found:
        match = _report_short_re().fullmatch(clean_name(sm.mention.text)) \
            if sm.mention.type == "Report" and sm.mention.source == "title" else None
        if match is None:
            continue
        short = match.group("short")
        if short not in bodies and lexicon.canonical().get(short.casefold()) is None and \
                lexicon.organisation_head_type(short) is None:
            shorts.setdefault(short, sm.canonical or clean_name(sm.mention.text))
    return shorts


def _short_name_taken_for_another(sm: SegmentMention, shorts: dict[str, str], text: str) -> bool:
    """'Kestrel may be lovely people' after 'Kestrel Health', 'Marsh Lane is one of five practices' after 'Marsh Lane
    Medical Practice': the model's untitled person named as a firm or practice without its kind word is that body, as
    is its 'organisation' or street ('registered at Cavendish Street since 1968' after 'Cavendish Street Surgery'), or
    a report's 'organisation' ('The State of Care should be read...' after 'its annual State of Care report'); not a
    one-word place or body ('Whitby will lose its only surgery' after 'Whitby Medical Practice'), unless no town kg
    knows ('a £35m investment round in Clinixa' after 'Clinixa Health')."""
    m = sm.mention
    return (m.type == "Person" or m.type in ("Organization", "Place") and " " in m.text or
            m.type == "Place" and m.text.casefold() not in uk_places()) and \
        m.source in ("ner", "street", "repeated-name") and m.text in shorts and \
        not _AFTER_TITLE.search(text[max(0, m.start - 12):m.start])


def _practice_shorts(adoc: AnalysedDocument, found: list[SegmentMention]) -> dict[str, str]:
    """'He became senior partner at Harbour View in 2006' after 'Harbour View Surgery': a practice's name without
    its kind word, written elsewhere on the page, is that practice. One word only if it is no town kg knows, the page
    never writes it in lower case, and never after a town's preposition ('Fenside runs surgeries' after 'Fenside
    Medical Partnership'; not 'patients in Kingsmere' after 'Kingsmere Surgery'). Short name -> the full name."""
    text = adoc.document.text
    shorts: dict[str, str] = {}
    for sm in found:
        match = _PRACTICE_SHORT.fullmatch(sm.mention.text) if sm.mention.type == "Practice" else None
        if match is not None and (" " in match.group("short") or _short_practice_word(match.group("short"), text)):
            shorts.setdefault(match.group("short"), sm.canonical or clean_name(sm.mention.text))
    return shorts


def _short_practice_word(word: str, text: str) -> bool:
    if word.casefold() in uk_places() or re.search(r"\b%s\b" % re.escape(word.lower()), text):
        return False
    alone = (m for m in re.finditer(r"\b%s\b" % re.escape(word), text) if not _NAME_GOES_ON.match(text, m.end()))
    return not any(named_as_town_at(text, m.start(), m.end()) for m in alone)


_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _short_names(adoc: AnalysedDocument, found: list[SegmentMention], shorts: dict[str, str], etype: str,
                 source: str) -> Iterator[SegmentMention]:
    """Each place the page writes one of `shorts` (a short name -> the full name it stands for), unless it opens
    another name ('Harbour View Road', 'Castlegate Road')."""
    if not shorts:
        return
    text = adoc.document.text
    for segment, match in _free_matches(adoc, _any_name_re(shorts), found):
        if re.match(r"['’]?\s+[A-Z]", text[match.end():match.end() + 3]):
            continue
        yield SegmentMention(Mention(adoc.document.doc_id, match.start(), match.end(), match.group(), etype,
                                     segment.section, source), shorts[match.group()])


_REPEATABLE_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w'’-]+)+")

"""Who said what: a speaker, a cue verb and the quoted (or reported) words."""
from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Token

from kg.extractors import register
from kg.extractors.context import (DocumentContext, Ref, SentenceView, in_distress, passive_agent, prep_objects,
                                  quoted_spans, verb_lemma)
from kg.extractors.opinion import OTHER_CLAUSES, polarity, target_clause
from kg.lexicon import load_lexicon
from kg.mentions import QUOTES, TITLES, apposed_head, policy_head_types
from kg.model import ARTICLE, Fact

SPEAKER_TYPES = {"Person", "Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication",
                 "Report", "Commenter"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


_INTERVIEW = re.compile(r"\b(?P<owner>our|my)\s+(?:[\w-]+\s+){0,2}interview\s+with\b", re.I)


@register("interviews")
def extract_interviews(ctx: DocumentContext) -> Iterator[Fact]:
    """'our explosive interview with NHS England’s director of primary care, Dr Arvind Madan': the person was
    quoted in the publication whose article says 'our'."""
    outlet = next((r.key for r in ctx.refs if r.mention.source == "byline" and r.type == "Publication"), None)
    if outlet is None:
        return
    for view in ctx.sentences():
        if view.sentence.section != "article":
            continue
        match = _INTERVIEW.search(view.sentence.text)
        if match is None:
            continue
        after = view.sentence.start + match.end()
        person = next((r for r in ctx.refs_in(after, view.sentence.end) if r.type == "Person"), None)
        if person is not None:
            yield Fact(person.key, "quotedIn", outlet, view.sentence, "interviews.our-interview", 0.7)


@register("quotes")
def extract_quotes(ctx: DocumentContext) -> Iterator[Fact]:
    return _quotations(ctx, spans_only=False)


def quotation_spans(ctx: DocumentContext) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each quotation the quotes extractor credits to a speaker: its 'said' facts, found
    without the stances, outlets and 'about' lists that extractor also gives."""
    return [(f.start, f.end, f.subject) for f in _quotations(ctx, spans_only=True)
            if f.predicate == "said" and f.start is not None]


def _quotations(ctx: DocumentContext, *, spans_only: bool) -> Iterator[Fact]:
    cues = load_lexicon().cue_verbs
    about = _no_about if spans_only else _about
    previous_speaker: str | None = None
    led_in = False  # whether the previous speaker was only the subject of a sentence before a quotation
    paragraph_quotes: dict[int, list[tuple[int, int]]] = {}
    attributed: set[tuple[int, int]] = set()
    text = ctx.adoc.document.text
    for view in ctx.sentences():
        sentence = view.sentence
        base = view.segment.segment.start
        if base not in paragraph_quotes:
            # quotations are found per paragraph: one may run over several sentences, or stay open to the end
            paragraph_quotes[base] = [(base + qs, base + qe)
                                      for qs, qe in quoted_spans(text[base:view.segment.segment.end], open_ended=True)
                                      if not _quoted_title(view.segment.doc, qs, qe)]
        quotes = [q for q in paragraph_quotes[base] if q[0] < sentence.end and q[1] > sentence.start]
        if any(q in attributed and q[0] < sentence.start for q in quotes):
            continue  # inside a quotation already credited to its speaker
        according = _according_to(ctx, view)
        if according is not None:
            speaker, start, end = according
            yield Fact(speaker, "said", _unquoted(text[start:end], " ,.‘’“”\"'"), sentence, "quotes.according-to", 0.7,
                       object_is_literal=True, cue="according to", start=start, end=end,
                       about=about(ctx, start, end, speaker, sentence))
            previous_speaker = None
            continue
        found = False
        said: list[tuple[int, int]] = []
        for token in view.tokens:
            if found and (not any(c.dep_ in SUBJECT_DEPS for c in token.children) or
                          any(begin <= view.offset(token) < finish for begin, finish in said)):
                continue  # after the first speech, only a verb of speech with its own subject ('..., while X said')
            lemma = verb_lemma(token, cues) if token.pos_ in ("VERB", "AUX") else None
            if lemma is None and _goes_on(token):
                lemma = "go on"
            if lemma is None:
                continue
            at = view.offset(token)
            if any(qs < at < qe for qs, qe in quotes):
                continue  # '"I never thought I would hear myself say that"': a verb of the quoted words, no cue
            speaker = _speaker(ctx, view, token)
            if speaker is None or ctx.types.get(speaker, "Commenter") not in SPEAKER_TYPES:
                continue
            # a quotation a speaker before in the sentence said is not this one's too
            content = _content(view, token, [q for q in quotes
                                             if not any(q[0] < finish and begin < q[1] for begin, finish in said)])
            if content is None:
                continue
            start, end = content
            words = _unquoted(text[start:end], " :,‘’“”\"'")
            if len(words.split()) < 2:
                continue
            found = True
            previous_speaker, led_in = speaker, False
            attributed.add(content)
            said.append(content)
            yield Fact(speaker, "said", words, sentence, "quotes.cue-verb", 0.85 if quotes else 0.7,
                       object_is_literal=True, cue=lemma, start=start, end=end, about=about(ctx, start, end, speaker, sentence))
            for other in _co_speakers(ctx, view, token, speaker):  # 'Dr A and Dr B said...': both said it
                yield Fact(other, "said", words, sentence, "quotes.cue-verb-coordinated", 0.7, object_is_literal=True,
                           cue=lemma, start=start, end=end, about=about(ctx, start, end, other, sentence))
            if not spans_only:
                yield from _quote_stance(ctx, view, speaker, start, end)
                yield from _told_publication(ctx, view, token, speaker)
            if not quotes:
                # 'said it had worked but warned that smaller practices would struggle': the second verb's words too
                clauses = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
                for other in _speech_conjuncts(token) + [t for c in clauses for t in _speech_conjuncts(c)]:
                    clause = _content(view, other, [])
                    more = _unquoted(text[clause[0]:clause[1]], " :,‘’“”\"'") if clause is not None else ""
                    if clause is not None and clause[0] >= end and len(more.split()) >= 2:
                        yield Fact(speaker, "said", more, sentence, "quotes.cue-verb-conjunct", 0.7, object_is_literal=True,
                                   cue=verb_lemma(other, cues), start=clause[0], end=clause[1],
                                   about=about(ctx, clause[0], clause[1], speaker, sentence))
        if found:
            continue
        # a paragraph that is all quotation continues the last speaker's words ('He added: ...' paragraphs)
        if previous_speaker and quotes and _whole_quote(sentence, quotes) and \
                not (led_in and _cued_after(view, quotes[-1][1], cues)):
            start, end = quotes[0][0], quotes[-1][1]
            attributed.update(quotes)
            yield Fact(previous_speaker, "said", _unquoted(text[start:end], "‘’“”\"' ,"), sentence,
                       "quotes.continuation", 0.7, object_is_literal=True, cue="said", start=start, end=end,
                       about=about(ctx, start, end, previous_speaker, sentence))
            if not spans_only:
                yield from _quote_stance(ctx, view, previous_speaker, start, end)
        elif quotes:
            previous_speaker = None
        else:
            previous_speaker = _lead_in(ctx, view)
            led_in = previous_speaker is not None
            continue
        led_in = False
    yield from _interview_answers(ctx, spans_only)


def _cued_after(view: SentenceView, end: int, cues: frozenset[str]) -> bool:
    """Whether a verb of speech follows the quotation in its paragraph ('..., she said'): it names the speaker."""
    base = view.segment.segment.start
    return any(base + t.idx >= end and t.pos_ == "VERB" and verb_lemma(t, cues) for t in view.segment.doc)


_ANSWER = re.compile(r"(?:A|Answer)\s*[:.–—-]\s+")
_QUESTION = re.compile(r"(?:Q|Question)\s*[:.–—-]\s+")
_INTERVIEW_VERBS = {"talk", "speak"}


def _interview_answers(ctx: DocumentContext, spans_only: bool = False) -> Iterator[Fact]:
    """'Q: ... / A: ...': in an interview set out as questions and answers, each answer is the words of the one the
    page says is interviewed ('X talks to Y about...', 'an interview with X')."""
    text = ctx.adoc.document.text
    views = [v for v in ctx.sentences() if v.sentence.section == ARTICLE]
    firsts = {}
    for view in views:
        firsts.setdefault(view.segment.segment.start, view)
    answers = [v for at, v in firsts.items() if _ANSWER.match(text, at)]
    if not answers or not any(_QUESTION.match(text, at) for at in firsts):
        return
    interviewee = _interviewee(ctx, views)
    if interviewee is None:
        return
    for view in answers:
        segment = view.segment.segment
        start = _ANSWER.match(text, segment.start).end()
        words = text[start:segment.end].strip()
        end = start + len(words)
        yield Fact(interviewee, "said", words, view.sentence, "quotes.interview-answer", 0.8, object_is_literal=True,
                   cue="answered", start=start, end=end,
                   about=(_no_about if spans_only else _about)(ctx, start, end, interviewee, view.sentence))
        if not spans_only:
            yield from _quote_stance(ctx, view, interviewee, start, end)


def _interviewee(ctx: DocumentContext, views: list[SentenceView]) -> str | None:
    """The person who 'talks to' or 'speaks to' someone, or whom 'an interview with' names."""
    for view in views:
        for token in view.tokens:
            if (token.pos_ == "VERB" or token.dep_ == "ROOT") and token.lemma_ in _INTERVIEW_VERBS and \
                    any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
                # the parser may take a standfirst's 'talks' for a noun: then the person named before it talks
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                speaker = ctx.speaker_for(view, subject) if subject is not None else \
                    ctx.last_person_before(view.offset(token), view.sentence)
            elif token.lower_ == "interview" and token.pos_ == "NOUN":
                named = prep_objects(token, "with")
                speaker = ctx.speaker_for(view, named[0]) if named else None
                if speaker is not None and ctx.types.get(speaker) == "Publication":
                    # 'In an interview with Pulse, Dr X spoke of...': the person the sentence names was interviewed
                    people = [r.key for r in ctx.refs_in(view.sentence.start, view.sentence.end)
                              if r.type == "Person" and r.mention.source != "byline"]
                    speaker = people[0] if people else None
            else:
                continue
            if speaker is not None and ctx.types.get(speaker) == "Person":
                return speaker
    return None


def _lead_in(ctx: DocumentContext, view: SentenceView) -> str | None:
    """'Dr Cole is unimpressed. "That is less than £20,000 per practice."': a sentence whose subject is a person,
    followed in its paragraph by one that is all quotation, leads in to that person's words."""
    root = view.span.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ != "PROPN" or view.sentence.end >= view.segment.segment.end:
        return None  # a name, not a pronoun; and the quotation must follow in the same paragraph
    speaker = ctx.speaker_for(view, subject)
    return speaker if speaker is not None and ctx.types.get(speaker) == "Person" else None


# a comma and any titles just before a name: the name is set off by commas ('Its premises lead, Dr X, said')
_SET_OFF_BEFORE = re.compile(r",\s*(?:(?:%s)\.?\s+)*$" % "|".join(TITLES))


def _speaker(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        # 'X was told': X is the listener; the speaker, if any, is the agent ('told by Y')
        agent = passive_agent(verb)
        return ctx.speaker_for(view, agent) if agent is not None else None
    # 'RCGP chair Professor Kamila Hawthorne said': the parser may give the verb two subjects, the organisation
    # and the person holding its post; the person speaks, else the first that names someone
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    speakers = [speaker for child in subjects if (speaker := ctx.speaker_for(view, child)) is not None]
    if speakers:
        return next((s for s in speakers if ctx.types.get(s) == "Person"), speakers[0])
    text = ctx.adoc.document.text
    for child in subjects:
        # 'Its co-chair, Dr X, said', 'Its premises lead, Dr X, said': the parser can leave the name set off by
        # commas deeper in the subject (a hyphenated post, a post it reads as a verb)
        named = [r for r in ctx.refs_under(view, child, {"Person"})
                 if (token := ctx.token_for(view, r)) is not None and token.dep_ == "appos"
                 or _SET_OFF_BEFORE.search(text, view.sentence.start, r.mention.start)
                 and text[r.mention.end:r.mention.end + 1] == ","]
        if named:
            return named[0].key
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _speaker(ctx, view, verb.head)
    return None


def _co_speakers(ctx: DocumentContext, view: SentenceView, verb: Token, speaker: str) -> list[str]:
    """People or organisations joined by 'and' to the verb's subject ('Dr A and Dr B said', 'EMIS and TPP said')."""
    out = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for other in (c for c in subject.children if c.dep_ == "conj"):
            ref = ctx.ref_for_token(view, other)
            if ref is not None and ref.type in SPEAKER_TYPES and ref.key != speaker and ref.key not in out:
                out.append(ref.key)
    return out


def _no_about(*_) -> tuple[str, ...]:
    return ()


def _about(ctx: DocumentContext, start: int, end: int, speaker: str, sentence: Sentence) -> tuple[str, ...]:
    """The entities a quotation, or the sentence reporting it, names (not its speaker), in order of first mention:
    'Pulse revealed that officials visited the trust's salaried GP model to explore ‘alternative ways...’' is
    about the model although the quoted words do not name it."""
    return tuple(dict.fromkeys(r.key for r in ctx.refs_in(min(start, sentence.start), max(end, sentence.end))
                               if r.key != speaker and r.type not in ("Commenter", "Place")))


_TRAILING_SOURCE = re.compile(r",\s+(?P<cue>according to|says|say|warns|warn|claims|claim|urges|urge|insists|argues)"
                              r"\s+(?P<source>[^,]+?)\.?$", re.I)


def _according_to(ctx: DocumentContext, view: SentenceView) -> tuple[str, int, int] | None:
    """'According to the RCGP, more than half of practices are not ready.': the named source said the rest; so
    in 'QOF should go, according to a report by the Nuffield Trust' and the headline 'Scrap QOF, says Nuffield
    Trust', the source said what comes before."""
    text = view.sentence.text
    start = view.sentence.start
    after = _TRAILING_SOURCE.search(text.rstrip())
    if after is not None and len(text[:after.start()].split()) >= 3:
        source = _source(ctx, view, start + after.start("source"), view.sentence.end)
        if source is not None and (after.group("cue").casefold().startswith("according") or
                                   source.mention.end >= start + len(text.rstrip(" .")) - 1):
            return source.key, start + len(text) - len(text.lstrip()), start + after.start()
    match = re.match(r"\s*According to\s+", text)
    if match is None:
        return None
    comma = view.sentence.text.find(",", match.end())
    if comma < 0:
        return None
    start = view.sentence.start
    source = _source(ctx, view, start + match.end(), start + comma)
    if source is None:
        return None
    comma = _after_apposition(view, comma)  # 'According to X, a report the BMA published in May, the share fell'
    if len(view.sentence.text[comma + 1:].split()) < 3:
        return None
    return source.key, start + comma + 1, view.sentence.end


def _after_apposition(view: SentenceView, comma: int) -> int:
    """The comma that closes a noun phrase set after the sentence's `comma` (offsets in the sentence: 'According to X,
    a report the BMA published in May, ...'), or `comma` itself."""
    text = view.sentence.text
    shift = view.sentence.start - view.segment.segment.start
    at = next((t for t in view.tokens if t.idx - shift == comma), None)
    head = apposed_head(at.doc, at.i) if at is not None else None
    if head is None:
        return comma
    end = head.right_edge.idx + len(head.right_edge.text) - shift
    closing = text.find(",", end)
    return closing if closing >= 0 and not text[end:closing].strip() else comma


_SOURCE_PREPOSITIONS = {"by", "from", "of"}
_SOURCE_PARTICIPLES = {"publish", "produce", "commission", "compile", "release", "conduct", "carry", "issue"}


def _source(ctx: DocumentContext, view: SentenceView, start: int, end: int):
    """The speaker named first in the source phrase [start, end) when it is the source: 'the RCGP', 'a report by
    the King's Fund', 'figures published by NHS England'; not where something was merely filed or seen ('documents
    filed at Companies House', 'letters seen by the BBC')."""
    source = next((r for r in ctx.refs_in(start, end) if r.type in SPEAKER_TYPES), None)
    if source is None:
        return None
    base = view.segment.segment.start
    for token in view.tokens:
        offset = base + token.idx
        if start <= offset < source.mention.start and (
                token.pos_ == "ADP" and token.lower_ not in _SOURCE_PREPOSITIONS or
                token.tag_ == "VBN" and token.lemma_ not in _SOURCE_PARTICIPLES):
            return None
    return source


def _told_publication(ctx: DocumentContext, view: SentenceView, verb: Token, speaker: str) -> Iterator[Fact]:
    """'X told Pulse that...', 'Speaking to GPonline, X said...': X was quoted in that publication."""
    if ctx.types.get(speaker) != "Person":
        return
    told = verb_lemma(verb, {"tell"})
    listeners = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")] if told else []
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.lemma_ in ("speak", "talk")):
        listeners += prep_objects(clause, "to")
    # 'In an interview with The Times, X said', 'writing in the BMJ, X said'
    listeners += [o for interview in prep_objects(verb, "in") if interview.lemma_ in ("interview", "article", "column")
                  for o in prep_objects(interview, "with")]
    # 'Writing in the BMJ, X said': a piece of their own there
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.lemma_ == "write"):
        for outlet in prep_objects(clause, "in"):
            ref = ctx.ref_for_token(view, outlet)
            if ref is not None and ref.type == "Publication":
                yield Fact(speaker, "wroteFor", ref.key, view.sentence, "quotes.writing-in", 0.75, cue="write")
    for listener in listeners:
        ref = ctx.ref_for_token(view, listener)
        if ref is not None and ref.type == "Publication":
            yield Fact(speaker, "quotedIn", ref.key, view.sentence, "quotes.told-publication", 0.75,
                       cue=told or "speak to")


def _goes_on(verb: Token) -> bool:
    """'She went on: "..."': more words of the same speaker, not 'We cannot go on like this'."""
    if verb.lemma_ != "go":
        return False  # most tokens: asked first, as their children cost a walk of the parse
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ == "on"), None)
    if particle is None or particle.i + 1 >= len(verb.doc):
        return False
    after = verb.doc[particle.i + 1]
    return after.text == ":" or after.text == "," and particle.i + 2 < len(verb.doc) and \
        verb.doc[particle.i + 2].text in QUOTES


def _other_speech(clause: Token, right: Token) -> Token | None:
    """A verb of speech with a subject of its own, set off by 'while' or 'whereas', inside the reported clause."""
    cues = load_lexicon().cue_verbs
    for token in clause.subtree:
        if token.i > clause.i and token.i <= right.i and token.dep_ == "advcl" and verb_lemma(token, cues) and \
                any(c.dep_ == "nsubj" for c in token.children) and \
                any(c.dep_ == "mark" and c.lower_ in ("while", "whereas", "whilst") for c in token.children):
            return token
    return None


_TOLD_VERBS = {"tell", "warn", "remind", "assure", "inform", "advise", "urge", "ask", "write"}


def _after_object(verb: Token, clause: Token) -> bool:
    """'claimed £48,000 in payments his practice was not entitled to': a clause after an object the verb takes is
    no reported speech, unless the object is who is told ('told MPs that...')."""
    return not verb_lemma(verb, _TOLD_VERBS) and any(c.dep_ == "dobj" and verb.i < c.i < clause.i
                                                     for c in verb.children)


def _content(view: SentenceView, verb: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Document offsets of what the cue verb introduces: the nearest quotation, else its reported clause."""
    base = view.segment.segment.start
    clause = None
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i and not _instruction(verb, child) and \
                not _after_object(verb, child):
            left = child.left_edge
            if left.lower_ == "that" and left.i < child.i:
                left = left.doc[left.i + 1]
            right = child.right_edge
            if not any(c.i > right.i and not c.is_punct and c.dep_ != "ccomp" for c in verb.children):
                # the reported clause runs to the end of the verb's phrase, whatever the parser hung its last words
                # on ('said she would give the matter some thought')
                last = verb.right_edge
                while last.i > right.i and (last.is_punct or last.is_space):
                    last = last.doc[last.i - 1]
                right = max(right, last, key=lambda t: t.i)
            other = _other_speech(child, right)
            if other is not None:
                right = right.doc[other.left_edge.i - 1]  # '..., while the DHSC said...': that speaker's own words
            second = _speech_conjuncts(verb) + _speech_conjuncts(child)
            if second and min(t.i for t in second) <= right.i:
                # 'said the pilot had worked but warned that...': the second verb of speech is no part of the words
                right = right.doc[min(t.i for t in second) - 1]
            while right.i > left.i and (right.dep_ == "cc" or right.text in (",", ";")):
                right = right.doc[right.i - 1]  # 'said it had worked but warned that...': not the 'but'
            clause = base + left.idx, base + right.idx + len(right.text)
            break
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if clause is None and subject is not None:
        # 'Scrap QOF and pay practices by population, says Nuffield Trust', 'Rates have fallen, the report
        # concludes': the words come before the speaker
        before = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i < verb.i), None)
        if before is not None and before.right_edge.i < subject.i:
            right = before.right_edge
            while right.i > before.left_edge.i and right.is_punct:
                right = right.doc[right.i - 1]
            clause = base + before.left_edge.idx, base + right.idx + len(right.text)
    if quotes:
        at = base + verb.idx
        nearest = min(quotes, key=lambda q: min(abs(q[0] - at), abs(q[1] - at)))
        # 'argued that QOF had become a ‘box-ticking exercise’': a scare quote inside the reported clause is not
        # all that was said
        if clause and clause[0] <= nearest[0] and nearest[1] <= clause[1] + 1 and \
                nearest[1] - nearest[0] < (clause[1] - clause[0]) / 2:
            return clause
        return nearest
    return clause


def _speech_conjuncts(head: Token) -> list[Token]:
    """Verbs of speech joined to `head` by 'and'/'but' with no subject of their own and words of their own
    ('said it had worked but warned that...')."""
    cues = load_lexicon().cue_verbs
    return [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and verb_lemma(c, cues)
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children) and any(g.dep_ == "ccomp" for g in c.children)]


def _instruction(verb: Token, clause: Token) -> bool:
    """'urged patients to share their experiences': what someone is told to do is no report of what was said
    ('claims to be a charity', with no one told, is)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and \
        any(c.dep_ in ("dobj", "dative", "iobj") and c.i < clause.i for c in verb.children)


_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_CLOSERS = {"”", "’", '"', "'"}


def _unquoted(raw: str, marks: str) -> str:
    """`raw` without the quotation marks and punctuation around it, but with the closing mark of a quotation
    it opens inside: 'the deadline was "unrealistic"', not 'the deadline was "unrealistic'."""
    words = raw.strip(marks)
    end = raw.find(words) + len(words)
    if words and _opened(words) and end < len(raw) and raw[end] in _CLOSERS:
        words += raw[end]
    return words


def _opened(text: str) -> bool:
    """Whether `text` opens a quotation it does not close."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1 or \
        len(re.findall(r"(?<![A-Za-z])‘", text)) > len(re.findall(r"’(?![A-Za-z])", text))


def _quoted_title(doc, start: int, end: int) -> bool:
    """'The think tank’s report, ‘Rethinking general practice funding’, argued...': a quoted name set off by commas
    after a noun, with no finite verb, is a title, not anyone's words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start < 2 or len(span) > 16:
        return False
    before, after = doc[span.start - 1], doc[span.end] if span.end < len(doc) else None
    if any(t.tag_ in _FINITE for t in span):
        return False
    # 'its report ‘Access all areas’', 'a paper titled ‘...’': a quotation naming the document just named
    word = doc[span.start - 1] if doc[span.start - 1].text not in ",‘“\"'" else doc[span.start - 2]
    if word.lower_ in ("titled", "entitled", "called") or word.pos_ == "NOUN" and \
            policy_head_types().get(word.lower_) in ("Report", "Policy", "Programme"):
        return True
    return before.text == "," and doc[span.start - 2].pos_ in ("NOUN", "PROPN") and \
        (after is None or after.text in (",", ")", ";"))


def _whole_quote(sentence, quotes: list[tuple[int, int]]) -> bool:
    inside = sum(min(e, sentence.end) - max(s, sentence.start) for s, e in quotes)
    return inside >= 0.8 * len(sentence.text.strip())


# organisations named inside a quotation are often incidental ('the future of the NHS'); policies and reports
# named there are what the quotation is about
STANCE_TARGETS = {"Policy", "Programme", "Report", "Legislation"}
STRONG = 0.65  # VADER compound of the quoted words at or beyond which the speaker takes a side
OPPOSED = 0.3  # VADER compound of a target's own clause, against the quotation's, that takes the target out
_DISTANCED = re.compile(r"\b(?:sold|billed|touted|marketed|pitched|promoted|presented|heralded|hailed)\s+as\b"
                        r"|\b(?:supposed|meant|intended|promised)\s+to\b", re.I)


def _quote_stance(ctx: DocumentContext, view: SentenceView, speaker: str, start: int, end: int) -> Iterator[Fact]:
    """What a quotation is about, and which side its speaker takes: strongly positive words about a policy or
    organisation support it, strongly negative ones criticise it."""
    refs = ctx.refs_in(start, end)
    # a name inside a longer mention ('Policy Exchange' in 'This Policy Exchange report') is not a target of its own
    targets = [r for r in refs if r.type in STANCE_TARGETS and r.key != speaker and not any(
        o is not r and o.mention.start <= r.mention.start and r.mention.end <= o.mention.end
        and (o.mention.end - o.mention.start) > (r.mention.end - r.mention.start) for o in refs)]
    if not targets:
        return
    words = ctx.adoc.document.text[start:end]
    if _DISTANCED.search(words):
        return  # 'the scheme had been sold as a way to free up GP time': what others claimed, not the speaker's verdict
    score = polarity(words)
    if abs(score) < STRONG:
        return
    relation = "supports" if score > 0 else "criticises"
    views = [v for v in ctx.sentences() if v.sentence.start < end and start < v.sentence.end]
    text = ctx.adoc.document.text
    first_named: dict[str, Ref] = {}
    for ref in (r for r in targets if not _aside(ctx, views, r, score)):
        first_named.setdefault(ref.key, ref)
    for ref in first_named.values():
        # 'the partnership model is at risk': a warning about it, not a criticism of it
        said = "warnsAbout" if relation == "criticises" and in_distress(text, ref.mention.end) else relation
        yield Fact(speaker, said, ref.key, view.sentence, "quotes.polarity", 0.6, cue=f"polarity {score:+.2f}",
                   start=start, end=end)


_SUBORDINATE = {"relcl", "acl", "xcomp", "advcl", "pcomp"}
_OWN_CLAUSE_ASIDES = OTHER_CLAUSES | {"conj"}
_TRAILING_LINK = re.compile(r"\s+(?:but|and|or|yet|while|whereas)\s*$", re.I)


def _aside(ctx: DocumentContext, views: list[SentenceView], ref, score: float) -> bool:
    """'practices had failed to meet the targets of the QOF', 'doctors who worked under X were delighted': a target
    named in a clause that hangs on another's words is what the quotation's verdict is on only when its own clause
    says so."""
    view = next((v for v in views if v.sentence.start <= ref.mention.start < v.sentence.end), None)
    token = ctx.token_for(view, ref) if view is not None else None
    if token is None:
        return False
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    joined = head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX")
    # 'the ICB was working with the practice to make sure patients could still get care through NHS 111': a clause
    # anywhere under a subordinate one, up to the verb that cues the quotation, is as far from the verdict
    cues = load_lexicon().cue_verbs
    while head.dep_ not in _SUBORDINATE and head.head.i != head.i and verb_lemma(head.head, cues) is None:
        head = head.head
    # the target's own clause, without the clauses coordinated with it ('... but failed to back the QOF')
    clause = target_clause(ctx, view, ref, _OWN_CLAUSE_ASIDES)
    own = polarity(_TRAILING_LINK.sub("", clause)) if clause is not None else 0.0
    if joined and abs(own) < OPPOSED:
        # 'the offer was "an insult" and that practices would consider collective action': a clause of its own, joined
        # to the one with the verdict, that says nothing of the target
        return True
    if head.dep_ not in _SUBORDINATE:
        # 'it supported the PCN DES but failed to back the QOF': a clause of its own that says the opposite
        return own * score < 0 and abs(own) >= OPPOSED
    return clause is None or own * score <= 0 or abs(own) < STRONG

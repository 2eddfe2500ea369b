"""Opinion: what an article's author (writing in the first person) or a reader (in a comment) thinks of
the organisations, policies, reports and people a sentence names, by the polarity of the clause that
names them.

The holder is the byline author when the sentence carries a first-person opinion marker ('I think',
'in my view', 'personally'), or the comment's author in a comment; since readers' comments are often
ironic, a reader's support needs a first-person marker too, and criticism a strong polarity. Polarity is
VADER's compound score (a general English sentiment lexicon shipped in the vaderSentiment package, plus the
domain lexicon's `polarity` words it lacks: 'underfunded', 'shambles', 'cherry-picking');
a sentence that reports someone else's words is left to the quotes and stance extractors.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kg.extractors import register
from kg.extractors.context import DocumentContext, SentenceView, prep_objects, verb_lemma
from kg.lexicon import load_lexicon
from kg.model import ARTICLE, Fact

TARGET_TYPES = {"Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication", "Policy",
                "Programme", "Report", "Legislation", "Person"}
OPINION_VERBS = {"think", "believe", "feel", "suspect", "fear", "worry", "doubt", "hope", "reckon", "wonder",
                 "consider", "find", "suppose", "expect"}
# first-person markers that are not a subject and its verb
_OPINION_PHRASES = re.compile(r"\b(?:in my (?:view|opinion)|personally|for me|to me|my (?:view|concern|fear|worry)"
                              r"|i(?:'|’)m (?:not )?(?:sure|convinced|concerned|worried))\b", re.I)
NEGATIVE = -0.3  # VADER compound of the target's clause at or below: the holder criticises the target
POSITIVE = 0.45  # at or above: the holder supports it
# readers' comments are terse and often ironic: only strong polarity counts there (one strongly negative word
# in a short clause, 'X has been a disgrace', scores about -0.49)
COMMENT_NEGATIVE = -0.45
COMMENT_POSITIVE = 0.6
EPITHET_VALENCE = 1.5  # VADER word valence (-4..4) an adjective needs to count as the speaker's verdict
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"}
OTHER_CLAUSES = frozenset({"ccomp", "parataxis", "advcl", "intj"})  # clauses beside a target's own


@lru_cache(maxsize=1)
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    lexicon = load_lexicon()
    analyser.lexicon.update(lexicon.polarity)
    for word in lexicon.neutral:
        analyser.lexicon.pop(word, None)
    return analyser


def polarity(text: str) -> float:
    return _analyser().polarity_scores(text)["compound"]


@register("opinion")
def extract_opinion(ctx: DocumentContext) -> Iterator[Fact]:
    cues = load_lexicon().cue_verbs
    column = opinion_piece(ctx)
    for view in ctx.sentences():
        yield from _epithets(ctx, view)
        yield from _verdicts(ctx, view, column)
        yield from _salutes(ctx, view)
        yield from _agreed_with(ctx, view)
        holder = _holder(ctx, view)
        unmarked = False
        if holder is None and column and view.sentence.section == ARTICLE and not _quoted(ctx, view):
            # in a column whose author gives opinions in the first person, the unquoted sentences are the author's
            # too: 'But the PCN DES is a bureaucratic nightmare'; only strong criticism counts there, as praise in
            # narration mostly reports ('NHS England promised they would transform general practice')
            holder, unmarked = ctx.author_key, True
        if holder is None or _reports_someone_else(ctx, view, cues):
            continue
        in_article = view.sentence.section == ARTICLE
        stated = in_article or _first_person_opinion(view)
        negative, positive = (NEGATIVE, POSITIVE) if in_article and not unmarked else \
            (COMMENT_NEGATIVE, COMMENT_POSITIVE)
        seen = set()
        refs = ctx.refs_in(view.sentence.start, view.sentence.end)
        for ref in refs:
            if ref.key == holder or ref.key in seen or ref.type not in TARGET_TYPES or _inside_another(ref, refs):
                continue
            clause = target_clause(ctx, view, ref)
            if clause is None:
                continue
            score = polarity(clause)
            if negative < score < positive or (score >= positive and (not stated or unmarked)):
                continue
            seen.add(ref.key)
            relation = "criticises" if score <= negative else "supports"
            if relation == "criticises" and _rightly_said(ctx, view, ref):
                continue  # 'The BMA has rightly called the rule unsafe': the holder agrees with the body's verdict
            rule = "opinion.author" if in_article else "opinion.commenter"
            yield Fact(holder, relation, ref.key, view.sentence, rule, round(0.5 + abs(score) / 4, 2),
                       cue=f"polarity {score:+.2f}")


_RIGHTLY = {"rightly", "correctly", "justifiably", "understandably", "fairly"}


def _rightly_said(ctx: DocumentContext, view: SentenceView, ref) -> bool:
    """Whether the name is (in) the subject of a verb the holder says it does rightly."""
    token = ctx.token_for(view, ref)
    while token is not None and token.dep_ in ("compound", "poss", "amod", "nmod") and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ == "nsubj" and \
        any(c.dep_ == "advmod" and c.lower_ in _RIGHTLY for c in token.head.children)


def _inside_another(ref, refs) -> bool:
    """'Leng' in 'the Leng review': a name inside a longer one is not what a verdict on the longer one is about."""
    m = ref.mention
    return any(o.mention.start <= m.start and m.end <= o.mention.end and (o.mention.start, o.mention.end) !=
               (m.start, m.end) for o in refs)


def _epithets(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'the pitiful GP funding award', 'this disastrous plan': a strongly negative adjective on a policy or
    organisation is the verdict of whoever is speaking there (a quotation's speaker, else the author or the
    commenter). Positive adjectives in news copy mostly describe ('the true privatisation', 'the once proud
    model') rather than judge, so they are not read as support."""
    lexicon = _analyser().lexicon
    for ref in ctx.refs_in(view.sentence.start, view.sentence.end):
        if ref.type not in TARGET_TYPES or ref.type == "Person":
            continue
        head = ctx.token_for(view, ref)
        if head is None:
            continue
        for adjective in (c for c in head.children if c.dep_ == "amod" and c.i < head.i and c.tag_ == "JJ"):
            valence = lexicon.get(adjective.lower_)
            if valence is None or valence > -EPITHET_VALENCE:
                continue
            holder = ctx.quote_speaker_at(view.offset(adjective))
            if holder is None:
                holder = ctx.first_person(view.sentence)
            if holder is None or holder == ref.key:
                continue
            yield Fact(holder, "criticises", ref.key, view.sentence, "opinion.epithet", 0.7,
                       cue=f"{adjective.lower_} ({valence:+.1f})")
            break


# 'Well done NHS England for finally listening', 'Shame on the ICB': praise or blame given to whoever is named next
_SALUTE = re.compile(r"[\W\d]*(?:(?P<praise>well done|well said|spot on|kudos to|hats off to|thank you|thanks|"
                     r"congratulations to|bravo|(?P<wish>good luck|best of luck|best wishes))|(?P<blame>shame on|boo to))"
                     r"[,\s]+(?:to\s+)?(?:the\s+)?", re.I)
_GIVEN_NAME = re.compile(r"(?P<name>[A-Z][a-z’'-]+)\b\s*[.!,]")


# a reader's whole sentence of assent, naming no one: 'Spot on.', 'Well said!', 'Great article.'
_ASSENT = re.compile(r"[\W\d]*(?:well said|spot on|well put|hear,? hear|couldn[’']?t agree more|(?:great|brilliant|"
                     r"excellent|superb) (?:article|piece|column|blog)|"
                     # 'The pharmacist point is spot on.', 'Your analysis is exactly right.'
                     r"(?:the|your|this)\s+(?:[a-z-]+\s+){0,3}(?:point|points|piece|article|analysis|column|blog)\s+"
                     r"(?:is|was|are|were)\s+(?:spot on|bang on|(?:exactly|absolutely|quite) right))"
                     # 'Spot on about ARRS.', 'Brilliant piece, Tobias.': what it is about, or the author's given name
                     r"(?:\s+(?:about|on)\s+[^.!?,;]{1,60}|,\s+(?P<name>[A-Z][a-z’'-]+))?\s*[.!]*\s*", re.I)


def _salutes(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    s = view.sentence
    text = ctx.adoc.document.text
    assent = _ASSENT.fullmatch(text, s.start, s.end) if s.section != ARTICLE else None
    if assent is not None and assent.group("name") and \
            (ctx.adoc.document.author or "").split()[:1] != [assent.group("name")]:
        assent = None  # 'Great piece, Sam.' to a reader named Sam, not the author
    if assent is not None and ctx.author_key is not None and \
            ctx.first_person(s) is not None and (opinion_piece(ctx) or _in_authors_first_person(ctx)):
        # under a column, assent with no one named is to its author
        yield Fact(ctx.first_person(s), "supports", ctx.author_key, s, "opinion.assent", 0.65,
                   cue=text[s.start:s.end].strip(" .!").lower())
        return
    match = _SALUTE.match(text, s.start, s.end)
    if match is None:
        return
    named = next((r for r in ctx.refs_in(match.end(), s.end) if r.mention.start == match.end()), None)
    holder = ctx.quote_speaker_at(match.start()) or ctx.first_person(s)
    target = named.key if named is not None and named.type in TARGET_TYPES else None
    given = _GIVEN_NAME.match(text, match.end(), s.end)
    if target is None and given and s.section != ARTICLE and ctx.author_key is not None and \
            (ctx.adoc.document.author or "").split()[:1] == [given.group("name")]:
        target = ctx.author_key  # a reader's 'Well said, Niamh.' to the article's author, by her given name
    if match.group("wish") and (target != ctx.author_key or s.section == ARTICLE):
        return  # 'Good luck to NHS England finding 6,000 GPs': luck wished on a body is as often scorn
    if target is None or holder is None or target == holder:
        return
    relation = "supports" if match.group("praise") else "criticises"
    yield Fact(holder, relation, target, s, "opinion.salute", 0.7, cue=match.group(0).strip(" ,").lower())


# what an author agrees with when it is the words just quoted: 'I agree with every word', 'I could not agree more'
_QUOTED_WORDS = {"word", "words", "everything", "this", "that"}
_AGREED_REACH = 600  # characters: the quotation a paragraph before


def _agreed_with(ctx: DocumentContext, view: SentenceView) -> Iterator[Fact]:
    """'Dr X said limits should be "written into the contract". I agree with every word.': a columnist agreeing
    with the words just quoted supports their speaker."""
    if view.sentence.section != ARTICLE or ctx.author_key is None or "agree" not in view.sentence.text:
        return
    for verb in view.tokens:
        if verb.lemma_ != "agree" or any(c.dep_ == "neg" for c in verb.children) or \
                not any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children) or \
                ctx.quote_speaker_at(view.offset(verb)) is not None:
            continue
        agreed = [o for o in prep_objects(verb, "with") if o.lemma_.casefold() in _QUOTED_WORDS]
        if not agreed:
            continue
        speaker = ctx.last_quoted_before(view.sentence.start, _AGREED_REACH)
        if speaker is not None and speaker != ctx.author_key:
            yield Fact(ctx.author_key, "supports", speaker, view.sentence, "opinion.agreed-with", 0.65, cue="agree")


AGREEMENT = {"right", "correct"}


def _verdicts(ctx: DocumentContext, view: SentenceView, column: bool) -> Iterator[Fact]:
    """'The King's Fund is right for once', 'Streeting was right to...': whoever speaks there (a quotation's
    speaker, a commenter, a column's author) agrees with the subject, whatever the polarity of the words."""
    text = view.sentence.text
    if text.rstrip().endswith("?") or not any(word in text for word in AGREEMENT | {"spot on", "bang on"}):
        return
    for verb in view.tokens:
        if verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
            continue
        verdict = next((c.lower_ for c in verb.children if c.dep_ == "acomp" and c.lower_ in AGREEMENT), None) or \
            next((f"{c.lower_} on" for c in verb.children if c.dep_ in ("attr", "acomp", "advmod")
                  and c.lower_ in ("spot", "bang") and any(p.lower_ == "on" for p in c.children)), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if not verdict or subject is None:
            continue
        ref = ctx.ref_for_token(view, subject)
        target = ref.key if ref is not None else None
        if target is None and subject.lower_ in ("he", "she") and view.sentence.section != ARTICLE:
            target = ctx.speaker_for(view, subject)  # a reader's 'she was right about the cuts'
        if target is None or ctx.types.get(target) not in TARGET_TYPES:
            continue
        holder = ctx.quote_speaker_at(view.offset(verb))
        if holder is None and (view.sentence.section != ARTICLE or column):
            holder = ctx.first_person(view.sentence)
        if holder is not None and holder != target:
            yield Fact(holder, "supports", target, view.sentence, "opinion.verdict", 0.7, cue=f"{verb.lower_} {verdict}")


def opinion_piece(ctx: DocumentContext) -> bool:
    """An article whose byline author states opinions in the first person ('I think', 'in my view') outside
    quotations: a column, an editorial, a blog."""
    if ctx.author_key is None:
        return False
    return any(view.sentence.section == ARTICLE and _authors_opinion(ctx, view) and not _quoted(ctx, view)
               for view in ctx.sentences())


def words_holder(ctx: DocumentContext, view: SentenceView, offset: int) -> str | None:
    """Whose words those at `offset` are: a quotation's speaker's, a reader's in a comment, or the author's in an
    opinion piece (a news report's own words are no one's view)."""
    holder = ctx.quote_speaker_at(offset)
    if holder is not None:
        return holder
    if view.sentence.section != ARTICLE:
        return ctx.first_person(view.sentence)
    return ctx.author_key if opinion_piece(ctx) else None


def _quoted(ctx: DocumentContext, view: SentenceView) -> bool:
    """Whether the sentence lies in someone's quotation."""
    return ctx.quote_speaker_at(view.sentence.start + len(view.sentence.text) // 2) is not None


def _holder(ctx: DocumentContext, view: SentenceView) -> str | None:
    if view.sentence.section != ARTICLE:
        return ctx.first_person(view.sentence)
    return ctx.author_key if _authors_opinion(ctx, view) else None


def _in_authors_first_person(ctx: DocumentContext) -> bool:
    """Whether the byline's author writes as 'I' in the article's own words (outside quotations), twice or more: a
    column, though it says 'I saw' where an opinion piece says 'I think'."""
    if ctx.author_key is None:
        return False
    mentions = (view.offset(t) for view in ctx.sentences() if view.sentence.section == ARTICLE
                for t in view.tokens if t.text == "I" and t.dep_ == "nsubj")
    return sum(1 for offset in mentions if ctx.quote_speaker_at(offset) is None) >= 2


def _authors_opinion(ctx: DocumentContext, view: SentenceView) -> bool:
    """A first-person opinion in the article's own words: 'We found a backlog', inside a quotation after 'said:',
    is the speaker's."""
    return any(ctx.quote_speaker_at(offset) is None for offset in _opinion_markers(view))


def _first_person_opinion(view: SentenceView) -> bool:
    return any(True for _ in _opinion_markers(view))


def _opinion_markers(view: SentenceView) -> Iterator[int]:
    """Document offsets of the sentence's first-person opinion markers ('I think', 'in my view')."""
    for token in view.tokens:
        if token.lower_ in ("i", "we") and token.dep_ == "nsubj" and token.head.lemma_ in OPINION_VERBS:
            yield view.offset(token)
    for match in _OPINION_PHRASES.finditer(view.sentence.text):
        yield view.sentence.start + match.start()


def target_clause(ctx: DocumentContext, view: SentenceView, ref, asides: frozenset[str] = OTHER_CLAUSES) -> str | None:
    """The text of the clause in which the target is an argument, or None when it is only a modifier; the
    names in it are left out, as they are no one's verdict ('Nuffield Trust', 'Good Health Practice')."""
    token = ctx.token_for(view, ref)
    if token is None:
        return None
    while token.dep_ in ("compound", "poss", "amod", "nmod") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in _ARGUMENT_DEPS:
        return None
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    # a clause beside the target's ('some of those good practices were small, they liquidated them for the X
    # model') is a verdict on something else
    aside = [c for c in head.children if c.dep_ in asides and not c.left_edge.i <= token.i <= c.right_edge.i]
    runs, first = [], head.left_edge.i
    for clause in sorted(aside, key=lambda c: c.left_edge.i):
        if clause.left_edge.i > first:
            runs.append((first, clause.left_edge.i))
        first = max(first, clause.right_edge.i + 1)
    if head.right_edge.i + 1 > first:
        runs.append((first, head.right_edge.i + 1))
    text = ctx.adoc.document.text
    parts = []
    for run_start, run_end in runs:
        start, end = view.char_span(head.doc[run_start:run_end])
        at = start
        for name in ctx.refs_in(start, end):
            if name.mention.start < at:
                continue
            # the capitalised words of a mention are its name; its other words may be a verdict ('its dreadful plan')
            parts += [text[at:name.mention.start], _CAPITALISED.sub("", text[name.mention.start:name.mention.end])]
            at = name.mention.end
        parts.append(text[at:end])
    return " ".join(" ".join(parts).split())


def _reports_someone_else(ctx: DocumentContext, view: SentenceView, cues: frozenset[str]) -> bool:
    """A sentence whose cue verb has a third-party subject ('X said that...') is X's opinion, not the holder's."""
    for token in view.tokens:
        if token.pos_ in ("VERB", "AUX") and verb_lemma(token, cues):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("i", "we"):
                    return True
    return False

"""What every extractor sees of one document: its sentences, and its mentions resolved to entities."""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Span, Token

from kg.coref import SPOKESPEOPLE, resolve_references
from kg.mentions import IMPLIED_POST, SEAT_POSTS
from kg.model import ARTICLE, ORGANISATION_TYPES, Mention, Sentence
from kg.nlp import AnalysedDocument, AnalysedSegment
from kg.resolve import Resolution, commenter_key

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
_FEMININE = {"she", "her", "hers", "herself"}
_MASCULINE = {"he", "him", "his", "himself"}
_FEMININE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "baroness"}
_MASCULINE_TITLES = {"mr", "sir", "lord"}
_PRONOUN_REACH = 3  # sentences back that a person of a pronoun's known gender is its antecedent from
_CHAIN_REACH = 10  # sentences back, where pronouns of that gender have kept the person in the story since
_GENDERED = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|[Hh]ers|[Hh]erself|[Hh]imself)\b")
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}


@dataclass(frozen=True)
class Ref:
    """A resolved mention: where it is and which entity it names."""

    mention: Mention
    key: str
    type: str


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    span: Span
    segment: AnalysedSegment
    # the span's tokens made once: spaCy makes a new Token object each time a span is walked, and every
    # extractor walks every sentence
    tokens: tuple[Token, ...] = ()

    def offset(self, token: Token) -> int:
        return self.segment.segment.start + token.idx

    def char_span(self, span: Span) -> tuple[int, int]:
        base = self.segment.segment.start
        return base + span.start_char, base + span.end_char


@dataclass(frozen=True)
class ResolutionIndex:
    """A resolution looked up by document: built once per build, not once per document."""

    by_document: dict[str, tuple[tuple[Mention, str], ...]]
    types: dict[str, str]
    labels: dict[str, str]

    @classmethod
    def of(cls, resolution: Resolution) -> "ResolutionIndex":
        by_document: dict[str, list[tuple[Mention, str]]] = {}
        for m in resolution.mentions:
            by_document.setdefault(m.doc_id, []).append((m, resolution.mention_entity[(m.doc_id, m.start, m.end)]))
        return cls({d: tuple(ms) for d, ms in by_document.items()}, {e.key: e.type for e in resolution.entities},
                   {e.key: e.label for e in resolution.entities})

    def mentions_of(self, doc_id: str) -> tuple[tuple[Mention, str], ...]:
        return self.by_document.get(doc_id, ())


@dataclass
class DocumentContext:
    adoc: AnalysedDocument
    refs: list[Ref]
    types: dict[str, str]
    author_key: str | None
    labels: dict[str, str] = field(default_factory=dict)  # entity key -> its label across the corpus
    _starts: list[int] = field(default_factory=list)
    _quotes: list[tuple[int, int, str]] | None = None  # (start, end, speaker) of attributed quotations
    _sentences: tuple[SentenceView, ...] | None = None  # made once: every extractor walks them
    _spokespeople: list[tuple[int, str, str | None]] | None = None  # (offset, section, organisation) of subjects
    _genders: dict[str, str] | None = None  # person -> 'f' or 'm', where the page shows it
    _sentence_starts: list[int] | None = None
    _answers: tuple[str | None, tuple[tuple[int, int], ...]] | None = None  # (interviewee, answer paragraphs)

    def __post_init__(self) -> None:
        self.refs.sort(key=lambda r: (r.mention.start, r.mention.end))
        self._starts = [r.mention.start for r in self.refs]

    @classmethod
    def build(cls, adoc: AnalysedDocument, resolution: "Resolution | ResolutionIndex") -> "DocumentContext":
        index = resolution if isinstance(resolution, ResolutionIndex) else ResolutionIndex.of(resolution)
        types = index.types
        # a post's implied organisation ('health secretary' -> the Government) makes the entity exist for the
        # document, but names nothing in the sentence: no rule reads it as a mention
        refs = [Ref(m, key, types[key]) for m, key in index.mentions_of(adoc.document.doc_id)
                if m.source != IMPLIED_POST]
        refs += [Ref(a.mention, a.key, a.type) for a in resolve_references(
            adoc, [(r.mention, r.key, r.type, index.labels[r.key]) for r in refs])]
        author_key = None
        if adoc.document.author:
            author_key = next((r.key for r in refs if r.mention.source == "byline" and r.type == "Person"), None)
        return cls(adoc, refs, types, author_key, index.labels)

    @property
    def doc_id(self) -> str:
        return self.adoc.document.doc_id

    def sentences(self) -> Iterator[SentenceView]:
        if self._sentences is None:
            self._sentences = tuple(self._make_sentences())
        return iter(self._sentences)

    def _make_sentences(self) -> Iterator[SentenceView]:
        document = self.adoc.document
        for aseg in self.adoc.segments:
            base = aseg.segment.start
            tokens, whole = tuple(aseg.doc), document.text[base:aseg.segment.end]
            for sent in aseg.doc.sents:
                text = whole[sent.start_char:sent.end_char]
                if not text.strip():
                    continue
                start = base + sent.start_char
                yield SentenceView(Sentence(document.doc_id, aseg.segment.section, start, start + len(text),
                                            text, aseg.segment.comment_index), sent, aseg, tokens[sent.start:sent.end])

    def refs_in(self, start: int, end: int) -> list[Ref]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].mention.start < end:
            if self.refs[i].mention.end <= end:
                out.append(self.refs[i])
            i += 1
        return out

    def ref_at(self, start: int, end: int, types=None) -> Ref | None:
        """The mention overlapping [start, end) (of one of `types`, when given), preferring the longest."""
        i = bisect.bisect_right(self._starts, end)
        best = None
        for ref in self.refs[max(0, i - 8):i]:
            m = ref.mention
            if m.start < end and start < m.end and (types is None or ref.type in types) and \
                    (best is None or m.end - m.start > best.mention.end - best.mention.start):
                best = ref
        return best

    def ref_for_token(self, view: SentenceView, token: Token) -> Ref | None:
        start = view.offset(token)
        return self.ref_at(start, start + len(token.text))

    def refs_under(self, view: SentenceView, token: Token, types=None) -> list[Ref]:
        """The resolved mentions inside `token`'s subtree, of the given types (all types when None)."""
        base = view.segment.segment.start
        refs = self.refs_in(base + token.left_edge.idx, base + token.right_edge.idx + len(token.right_edge.text))
        return refs if types is None else [r for r in refs if r.type in types]

    def token_for(self, view: SentenceView, ref: Ref) -> Token | None:
        """The syntactic head of a mention inside the sentence's parse."""
        base = view.segment.segment.start
        span = view.span.doc.char_span(ref.mention.start - base, ref.mention.end - base, alignment_mode="expand")
        return span.root if span is not None else None

    def speaker_for(self, view: SentenceView, token: Token) -> str | None:
        """The entity a subject token stands for: a mention, a pronoun's antecedent, or the author's 'I'."""
        ref = self.ref_for_token(view, token)
        if ref is not None and ref.type == "Person":
            return ref.key
        # 'NHS England's director of primary care, Dr Amanda Doyle, told...', 'The Royal College of GPs' honorary
        # secretary Dr Jo Ellis said...': the person named in apposition speaks, for the organisation too
        named = self._apposed(view, token, {"Person"})
        if named is not None:
            return named
        if ref is None and token.lower_ in SEAT_POSTS:
            # 'Liberal Democrat MP for North Cornwall Helen Tremayne said': the member named after the seat
            seats = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
                     if o.dep_ == "pobj"]
            member = self.ref_for_token(view, seats[0]) if seats else None
            if member is not None and member.type == "Person":
                return member.key
        if ref is not None and ref.mention.source == "titled" and \
                ":" in self.adoc.document.text[ref.mention.start:view.offset(token)]:
            return None  # 'co-authored the report Under Pressure: General Practice in 2025, also pointed out': the
            # parser took the subtitle for the subject
        if ref is not None:
            return ref.key
        # "Patients' group Healthwatch Norfolk criticised...": a kind word's named apposition acts
        named = self._apposed(view, token, ORGANISATION_TYPES) if token.pos_ == "NOUN" else None
        if named is not None:
            return named
        # 'a spokesperson for the ICB said', 'an NHS England spokeswoman said': the organisation speaks
        if token.lower_ in SPOKESPEOPLE:
            named = [r for r in self.refs_under(view, token) if r.type in ORGANISATION_TYPES]
            if named:
                return named[0].key
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("for", "from", "at"):
                return None  # 'a spokesperson for the practice', which names no organisation of ours
            if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                # 'A DHSC spokesperson said the Government would respond. "...," the spokesperson said.': the one
                # spokesperson named before, for their body, not the body named last
                earlier = self._spokespersons_body_before(view, token)
                if earlier is not None:
                    return earlier
            # 'The DHSC said it would respond. A spokesperson said: ...': the organisation just named
            return self.last_of_type_before(view.offset(token), ORGANISATION_TYPES, within=300,
                                            section=view.sentence.section)
        lower = token.lower_
        if lower in _REPORT_WRITERS and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their")
                                            for c in token.children):
            # 'The authors argue that...', 'its authors recommend': they speak for the report named last
            return self.last_of_type_before(view.offset(token), {"Report"}, section=view.sentence.section)
        if lower == "who" and token.head.dep_ == "relcl":
            return self._person_antecedent(view, token.head.head)
        if lower == "which" and token.head.dep_ == "relcl":
            # 'an analysis by the Health Foundation, which warns that...': the organisation named before
            start = view.offset(token.head.head)
            named = self.ref_at(start, start + len(token.head.head.text), types=ORGANISATION_TYPES)
            return named.key if named is not None else None
        if lower in FIRST_PERSON:
            return self.quote_speaker_at(view.offset(token)) or self.first_person(view.sentence)
        if lower in PRONOUNS_PERSON:
            offset = view.offset(token)
            person = self._last_person_ref(offset, view.sentence, _gender_of_pronoun(lower))
            # 'An ICB spokesperson said... "No patient will be left without a GP," she said.': she is the
            # spokesperson, for the organisation, not the person named before the spokesperson
            spoken = self._spokesperson_between(person.mention.end if person else -1, offset, view.sentence.section)
            if spoken is not None:
                return spoken[0]
            if person is None and view.sentence.section != ARTICLE:
                # a reader's 'she was right about the cuts', naming nobody: the one of that gender the article is
                # about
                return self._article_subject(_gender_of_pronoun(lower))
            return person.key if person else None
        return None

    def _article_subject(self, gender: str | None) -> str | None:
        """The person of `gender` the article names most, if named at least twice as often as any other of it."""
        if gender is None:
            return None
        genders = self.genders()
        counts = Counter(r.key for r in self.refs if r.type == "Person" and r.mention.section == ARTICLE
                         and r.mention.source != "byline" and genders.get(r.key) == gender)
        ranked = counts.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _spokespersons_body_before(self, here: SentenceView, token: Token) -> str | None:
        """The body of the last spokesperson ('a DHSC spokesperson', 'a spokesperson for the ICB') in the 600
        characters of the section before `token`."""
        offset = here.offset(token)
        found = None
        for view in self.sentences():
            if view.sentence.start >= offset:
                break
            if view.sentence.section != here.sentence.section or view.sentence.end < offset - 600:
                continue
            for t in view.tokens:
                # (a 'the spokesperson' before is that one again, whose body is found from the one it points back to)
                if t.lower_ in SPOKESPEOPLE and t.lower_ != "statement" and view.offset(t) < offset and \
                        not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                    found = self.speaker_for(view, t) or found
        return found

    def _spokesperson_between(self, start: int, end: int, section: str) -> tuple[str | None] | None:
        """The organisation of the last spokesperson who is a subject in [start, end) of the section, in a
        one-tuple (None inside when the spokesperson's organisation is not known), or None without one."""
        if self._spokespeople is None:
            self._spokespeople = [(view.offset(t), view.sentence.section, self.speaker_for(view, t))
                                  for view in self.sentences() for t in view.tokens
                                  if t.lower_ in SPOKESPEOPLE and t.lower_ != "statement"
                                  and t.dep_ in ("nsubj", "nsubjpass")]
        found = None
        for offset, in_section, organisation in self._spokespeople:
            if offset >= end:
                break
            if offset >= start and in_section == section:
                found = (organisation,)
        return found

    def _person_antecedent(self, view: SentenceView, token: Token) -> str | None:
        """The person a relative 'who' stands for. The parser often hangs the clause on the last noun of the
        person's description ('Dr X, director at NHS England, who told us'): climb out of it to the name."""
        for _ in range(6):
            ref = self.ref_for_token(view, token)
            if ref is not None and ref.type == "Person":
                return ref.key
            if token.dep_ not in ("pobj", "prep", "appos", "compound") or token.head.i == token.i:
                return None
            token = token.head
        return None

    def _apposed(self, view: SentenceView, token: Token, types) -> str | None:
        """The entity of one of `types` named in apposition to `token`."""
        for child in token.children:
            if child.dep_ == "appos":
                named = self.ref_for_token(view, child)
                if named is not None and named.type in types:
                    return named.key
        return None

    def _quotations(self) -> list[tuple[int, int, str]]:
        if self._quotes is None:
            self._quotes = []  # while the quotations are found, a first person inside one is not yet known
            from kg.extractors.quotes import quotation_spans

            self._quotes = quotation_spans(self)
        return self._quotes

    def quote_speaker_at(self, offset: int) -> str | None:
        """Who speaks at `offset` when it lies inside an attributed quotation: 'I' in a quote is its speaker."""
        return next((speaker for start, end, speaker in self._quotations() if start <= offset < end), None)

    def last_quoted_before(self, offset: int, within: int) -> str | None:
        """The speaker of the last attributed quotation ending before `offset`, no more than `within` characters
        before it."""
        ended = [(end, speaker) for _, end, speaker in self._quotations() if offset - within <= end <= offset]
        return max(ended)[1] if ended else None

    def first_person(self, sentence: Sentence) -> str | None:
        if sentence.section == ARTICLE:
            interviewee, answers = self._interview()
            if interviewee is not None and any(start <= sentence.start < end for start, end in answers):
                return interviewee  # 'We took out a loan' in an answer of a question-and-answer interview
            return self.author_key
        comment = self._comment(sentence)
        return commenter_key(comment) if comment else None

    def _interview(self) -> tuple[str | None, tuple[tuple[int, int], ...]]:
        """A question-and-answer interview: the person it is with, and the paragraphs that answer its questions.

        The questions are paragraphs of one question each, at least two, none in the first person and one at least
        put to 'you'; the one answering is the person the page names most before the first question (not its
        writer)."""
        if self._answers is None:
            self._answers = (None, ())
            paragraphs = [s.segment for s in self.adoc.segments if s.segment.section == ARTICLE]
            text = self.adoc.document.text
            asked = [_is_question(text[p.start:p.end]) for p in paragraphs]
            if sum(1 for a in asked if a) >= 2 and all(a != "first person" for a in asked) and "you" in asked:
                first = next(p.start for p, a in zip(paragraphs, asked) if a)
                people = Counter(r.key for r in self.refs if r.type == "Person" and r.mention.start < first
                                 and r.mention.source != "byline" and r.key != self.author_key)
                if people:
                    interviewee = people.most_common(1)[0][0]
                    answers = tuple((p.start, p.end) for i, (p, a) in enumerate(zip(paragraphs, asked))
                                    if not a and any(asked[:i]))
                    self._answers = (interviewee, answers)
        return self._answers

    def _comment(self, sentence: Sentence):
        for comment in self.adoc.document.comments:
            if comment.index == sentence.comment_index:
                return comment
        return None

    def last_person_before(self, offset: int, sentence: Sentence) -> str | None:
        ref = self._last_person_ref(offset, sentence)
        return ref.key if ref is not None else None

    def _last_person_ref(self, offset: int, sentence: Sentence, gender: str | None = None) -> Ref | None:
        """The person named last before `offset` in the sentence's section (and comment); with a pronoun's
        `gender`, the last one the page does not show to be of the other ('Dr Ann Lee succeeded Professor Tom Hale.
        She qualified in Leeds': she is Dr Lee, whom an earlier 'she' or a title showed a woman)."""
        genders = None
        reach = chain_reach = None
        chained = None
        i = bisect.bisect_left(self._starts, offset)
        nearest = None
        for ref in reversed(self.refs[:i]):
            if ref.mention.section != sentence.section:
                continue
            if sentence.comment_index is not None and not (
                    self._comment(sentence) and self._comment(sentence).start <= ref.mention.start):
                break
            if ref.type != "Person" or ref.mention.source == "byline":
                continue
            if gender and genders is None:
                genders = self.genders()  # read the page's genders only when a pronoun has someone to agree with
                reach = self._sentence_start_before(sentence.start, _PRONOUN_REACH)
                chain_reach = self._sentence_start_before(sentence.start, _CHAIN_REACH)
            if nearest is not None and ref.mention.start < reach:
                # a person of the pronoun's gender further back than that does not go before the nearest, unless
                # the nearest's own sentence speaks of someone of that gender ('he has raised £42,000 by cycling
                # from Land's End to John o'Groats. The college made him a fellow')
                if chained is None:
                    chained = self._gendered_since(nearest, gender)
                if not chained or ref.mention.start < chain_reach:
                    break
                if genders.get(ref.key) == gender:
                    return ref
                continue
            if gender and genders.get(ref.key, gender) != gender:
                continue
            if ref.mention.start >= sentence.start or not gender or genders.get(ref.key) == gender:
                # named before it in its sentence, or shown to be of its gender: before one of unknown gender named
                # since in an earlier sentence, if no more than a few sentences back
                if nearest is None or ref.mention.start >= reach:
                    return ref
                break
            if nearest is None:
                nearest = ref
        return nearest

    def _gendered_since(self, person: Ref, gender: str) -> bool:
        """Whether the sentence that names `person` has a pronoun of `gender` besides."""
        starts = self._starts_of_sentences()
        at = bisect.bisect_right(starts, person.mention.start) - 1
        start = starts[max(0, at)]
        end = starts[at + 1] if at + 1 < len(starts) else len(self.adoc.document.text)
        return any(_gender_of_pronoun(m.group(0).casefold()) == gender
                   for m in _GENDERED.finditer(self.adoc.document.text, start, end))

    def _starts_of_sentences(self) -> list[int]:
        if self._sentence_starts is None:
            self._sentence_starts = [v.sentence.start for v in self.sentences()]
        return self._sentence_starts

    def _sentence_start_before(self, start: int, count: int) -> int:
        """Where the sentence `count` sentences before the one starting at `start` starts."""
        starts = self._starts_of_sentences()
        at = bisect.bisect_left(starts, start)
        return starts[max(0, at - count)]

    def genders(self) -> dict[str, str]:
        """Each person the page shows a gender of: by a title ('Mrs', 'Sir'), or by the pronouns that can only
        stand for them (a 'she' after a stretch that names one person alone). A person shown both ways has none."""
        if self._genders is not None:
            return self._genders
        votes: dict[str, Counter] = {}
        text = self.adoc.document.text
        for ref in self.refs:
            if ref.type != "Person":
                continue
            for word in text[max(0, ref.mention.start - 12):ref.mention.start].split()[-1:] + \
                    ref.mention.text.split()[:1]:
                word = word.rstrip(".").casefold()
                if word in _FEMININE_TITLES or word in _MASCULINE_TITLES:
                    votes.setdefault(ref.key, Counter())["f" if word in _FEMININE_TITLES else "m"] += 1
        previous_start = None
        objects: set[str] = set()  # genders of object pronouns, which stand for someone other than their clause's name
        for view in self.sentences():
            start = view.sentence.start if previous_start is None else previous_start
            previous_start = view.sentence.start
            earlier_objects, objects = objects, set()
            if not _GENDERED.search(view.sentence.text):
                continue
            for token in view.tokens:
                gender = _gender_of_pronoun(token.lower_)
                if gender is None or token.pos_ != "PRON":
                    continue
                if token.dep_ in ("dobj", "pobj", "dative") or gender in objects | earlier_objects:
                    # 'Dr X has known her since her training. She succeeds...': 'her' is someone other than Dr X, and
                    # so is the 'she' that goes on from her
                    objects.add(gender)
                    continue
                people = [r for r in self.refs_in(start, view.offset(token))
                          if r.type == "Person" and r.mention.source != "byline"
                          and r.mention.section == view.sentence.section]
                named = {r.key for r in people}
                if len(named) == 1 and not any(
                        m.group(0).casefold() == ("she" if gender == "f" else "he")
                        for m in _GENDERED.finditer(self.adoc.document.text, start, people[0].mention.start)):
                    # (a 'he' before the one name stands for someone else: 'he has raised £42,000 cycling to John
                    # o'Groats. The college made him a fellow'; a possessive may look ahead: 'In her speech, Dr X')
                    votes.setdefault(named.pop(), Counter())[gender] += 1
        self._genders = {key: count.most_common(1)[0][0] for key, count in votes.items()
                         if len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1]}
        return self._genders

    def last_of_type_before(self, offset: int, types, *, within: int | None = None,
                            section: str | None = None) -> str | None:
        """The entity of one of `types` named last before `offset`; with `within`, at most that many characters
        before it, and with `section`, in that section."""
        i = bisect.bisect_left(self._starts, offset)
        for ref in reversed(self.refs[:i]):
            if within is not None and ref.mention.start < offset - within or \
                    section is not None and ref.mention.section != section:
                return None
            if ref.type in types:
                return ref.key
        return None


_QUOTED = re.compile(r"“[^”]+”|\"[^\"]+\"|(?<![A-Za-z])‘.+?’(?![A-Za-z])|(?<![A-Za-z])'[^']+'(?![A-Za-z])")
_OPENERS = re.compile(r"“|(?<![A-Za-z])‘")


# what should, could or might be done has not been done: 'the DHSC should commission...', 'the BMA could support...'
UNREAL_MODALS = frozenset({"should", "must", "ought", "could", "might", "may"})
# verbs that deny or withhold what their complement says: 'refused to endorse X', 'denied that it had criticised X'
WITHHOLDING_VERBS = {"refuse", "decline", "fail", "deny", "avoid", "neglect"}
# a clause opened by these says what might be, not what is: 'It is unclear whether the RCGP supports X'
_UNCERTAIN_MARKS = {"whether", "if", "unless"}


# verbs that ask for what their complement says, which is then not done: 'urged X to fund', 'wants X to pay'
# (refusing or failing to do it is `unasserted`'s)
ASKING_VERBS = {"urge", "ask", "call", "want", "press", "push", "encourage", "expect", "tell", "require", "demand",
                "need", "hope", "plan", "aim", "intend", "seek", "propose", "threaten"}


def most_named_before(ctx: DocumentContext, view: SentenceView, token: Token, types: set[str]) -> str | None:
    """Of the entities of `types` named before `token` in its section, the one named most, and first of a tie: the
    one the page is about (not a review one of its report's recommendations asks for)."""
    offset = view.offset(token)
    earlier = [r.key for r in ctx.refs if r.type in types and r.mention.end <= offset
               and r.mention.section == view.sentence.section]
    if not earlier:
        return None
    counts = Counter(earlier)
    most = max(counts.values())
    return next(key for key in earlier if counts[key] == most)


def in_question(token: Token) -> bool:
    """Whether the token's sentence ends in a question mark (read from its root's last word, as Token.sent walks
    the whole document)."""
    root = token
    while root.head.i != root.i:
        root = root.head
    last = root.right_edge
    while last.i > root.i and last.text in _CLOSING_MARKS:
        last = last.doc[last.i - 1]
    return last.text == "?"


_CLOSING_MARKS = {'"', "'", "”", "’", ")"}


# what is said of something in trouble or a danger: 'the partnership model is under strain', 'practices are at
# risk', 'the plan risks destabilising practices'; said of a policy or body, a warning about it, not a criticism
_DISTRESS = re.compile(r"\s+(?:is|are|was|were|remains?|remained|has\s+been|have\s+been|had\s+been)\s+"
                       r"(?:now\s+|already\s+|still\s+|\w+ly\s+)?"
                       r"(?:under\s+(?:\w+\s+)?(?:strain|pressure|threat)|at\s+(?:serious\s+|real\s+)?risk"
                       r"|in\s+(?:\w+\s+)?(?:crisis|danger|trouble|peril)|on\s+the\s+(?:brink|verge)"
                       r"|at\s+breaking\s+point|close\s+to\s+collapse|on\s+its\s+knees|struggling|collapsing)\b"
                       # 'the plan risked destabilising practices': a danger it brings
                       r"|\s+(?:(?:could|would|will|may|might)\s+)?(?:risks?|risked|threatens?|threatened|jeopardises?|"
                       r"jeopardised|endangers?|endangered)\b(?!\s+to\b)",
                       re.I)


def in_distress(text: str, end: int) -> str | None:
    """The words after a name (at `end`) that say it is in trouble or a danger ('is under particular strain',
    'risks destabilising'), or None."""
    match = _DISTRESS.match(text, end)
    return " ".join(match.group().split()) if match else None


def unasserted(verb: Token) -> bool:
    """Whether the text does not assert what the verb says: its sentence is a question, the verb or a verb it is the
    complement of is negated ('did not say that X supports Y') or holds only on a condition ('would support it if'),
    it is the complement of a verb that withholds it ('refused to endorse'), or its clause is a condition or a
    question ('if the ICB funds it', 'whether X supports Y')."""
    if in_question(verb):
        return True  # 'Will the BMA support the contract?'
    token = verb
    for _ in range(5):
        if any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in _UNCERTAIN_MARKS for c in token.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True  # 'called for NHS England to offer a scheme': what is asked for, not done
        if any(condition(c) for c in token.children):
            return True  # 'would support the contract if funding rose': on a condition
        if token is not verb and token.lemma_ in WITHHOLDING_VERBS:
            return True
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            token = token.head  # 'denied criticising X': the gerund hangs on a preposition or on the verb
        elif token.dep_ not in ("xcomp", "ccomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


_REPORT_WRITERS = {"authors", "author", "researchers"}


def active_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ('accepted the findings and had appointed')."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ != "conj":
            return acting_subject(subjects, verb)
        verb = verb.head
    return None


def antecedent(subject: Token | None, verb: Token) -> Token | None:
    """The subject, or where it is a relative pronoun the noun its clause describes ('Calder Ridge Capital, which led
    a £35m round')."""
    if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        return verb.head
    return subject


def acting_subject(subjects: list[Token], verb: Token) -> Token | None:
    """'RCGP chair Professor X welcomed...': of two subjects the parser gives one verb, the nearest before it is the
    one that acts (the person, not the organisation of the post)."""
    return next((c for c in reversed(subjects) if c.i < verb.i), subjects[0]) if subjects else None


def passive_agent(verb: Token) -> Token | None:
    """The head of the verb's 'by' phrase in the passive ('was criticised by Cornwall LMC'), or None; also where the
    parser hangs the phrase on the arrangement the verb acts under ('has been run under a caretaking arrangement by
    X')."""
    return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None) or next(
        (o for p in verb.children if p.dep_ == "prep" and p.lower_ == "under" for a in p.children if a.dep_ == "pobj"
         for b in a.children if b.dep_ == "prep" and b.lower_ == "by" for o in b.children if o.dep_ == "pobj"), None)


def only_possible(verb: Token) -> bool:
    """Whether a modal makes the verb a possibility or a duty, not a deed ('could support', 'should fund')."""
    return any(c.dep_ == "aux" and c.lower_ in UNREAL_MODALS for c in verb.children)


def condition(clause: Token) -> bool:
    """'if the government fails to agree', 'unless NHS England pays': a clause of condition."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)


def negated_below(token: Token | None, verb: Token) -> bool:
    """Whether a verb between `token` and the `verb` it hangs under is negated ('urged practices not to sign up to
    X', 'a motion calling on practices not to sign X'): what is asked is that it not be done."""
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children):
            return True
        if token.dep_ in ("advcl", "relcl", "acl"):
            return False  # '... were not "left to improvise" when the plan was rolled out': a clause on another
        token = token.head
    return False


_SECOND_PERSON = {"you", "your", "yours", "yourself"}


def _is_question(paragraph: str) -> str | None:
    """'you' for a one-question paragraph put to someone, 'first person' for one the writer asks of themself,
    'question' for another one-question paragraph, None for a paragraph that is no lone question."""
    paragraph = paragraph.strip()
    if not paragraph.endswith("?") or len(paragraph) > 250 or re.search(r"[.!?]\s", paragraph) or \
            paragraph[:1] in "\"'‘“":
        return None
    words = set(re.findall(r"[a-z]+", paragraph.lower()))
    if words & FIRST_PERSON:
        return "first person"
    return "you" if words & _SECOND_PERSON else "question"


def prep_objects(token: Token, preposition: str) -> list[Token]:
    """The objects of the token's prepositional phrases with that preposition ('sold its practices to X'); the parser
    labels a 'to' phrase of a giving verb a dative."""
    return [o for p in token.children if p.dep_ in ("prep", "dative") and p.lower_ == preposition
            for o in p.children if o.dep_ == "pobj"]


def verb_lemma(token: Token, known) -> str | None:
    """The token's lemma if a rule knows it, else a base form a rule knows from stripping the inflection.

    The small English model now and then mislemmatises a verb ('rated' -> 'rat'); a rule should not miss
    the verb for that.
    """
    lemma = token.lemma_.casefold()
    if lemma in known:
        return lemma
    lower = token.lower_
    if lower in known:
        return lower
    for candidate in _base_forms(lower):
        if candidate in known:
            return candidate
    return None


@functools.lru_cache(maxsize=65536)
def _base_forms(lower: str) -> tuple[str, ...]:
    candidates: list[str] = []
    for suffix, replacements in (("ied", ("y",)), ("ies", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
                                 ("es", ("", "e")), ("s", ("",))):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[:-len(suffix)]
            candidates += [stem + r for r in replacements]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # 'planned' -> 'plan'
    return tuple(candidates)


def quoted_spans(text: str, *, open_ended: bool = False) -> list[tuple[int, int]]:
    """Character spans of quoted passages (curly or straight double/single quotes), outermost only.

    With `open_ended`, an opening mark never closed runs to the end of the text: in news copy a quotation
    that goes on into the next paragraph is left open at the end of this one.
    """
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    if open_ended:
        last = spans[-1][1] if spans else 0
        opener = _OPENERS.search(text, last)
        starts = [opener.start()] if opener else []
        if text.count('"', last) % 2:
            starts.append(text.index('"', last))  # a straight mark left without its pair opens
        if starts:
            spans.append((min(starts), len(text.rstrip())))
    return spans


def _gender_of_pronoun(word: str) -> str | None:
    return "f" if word in _FEMININE else "m" if word in _MASCULINE else None


def post_holder(post: Token) -> Token | None:
    """Who a post noun describes: the name it is in apposition to ('X, a GP'), through a second post joined to a
    first ('X, chair of Y and a GP', 'X, senior fellow at Y and the report's lead author'), or the subject of the
    clause that makes them it ('X, who is a GP')."""
    described = any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "poss" for c in post.children)
    while post.dep_ == "conj":
        post = post.head
    if described and post.dep_ == "pobj" and post.head.dep_ == "prep" and post.head.head.dep_ == "appos":
        post = post.head.head  # 'X, chair of Y and a GP partner in Oldham': the parser joins the second post to Y
    while post.dep_ == "appos" and post.head.dep_ == "appos" and post.head.pos_ != "PROPN":
        # '..., the report's lead author': apposed to the first post (not past the name: 'Its chair, Dr X, a GP')
        post = post.head
    if post.dep_ == "appos":
        return post.head
    if post.dep_ == "attr" and post.head.lemma_ in ("be", "remain", "become"):
        verb = post.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head
        return subject
    return None

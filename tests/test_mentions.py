"""Mentions: which spans of a sentence name an entity, and of which type (real spaCy model)."""
from __future__ import annotations

import pytest

from kg.ingest import parse_document, read_documents
from kg.mentions import clean_name, document_mentions
from kg.nlp import analyse
from kg.pipeline import extract

pytestmark = pytest.mark.model


def named(text: str) -> set[tuple[str, str]]:
    """(name as the rule built it, type) for every mention of a one-paragraph document."""
    [adoc] = analyse([parse_document(text, doc_id="d", path="d.txt")])
    return {(sm.canonical or clean_name(sm.mention.text), sm.mention.type) for sm in document_mentions(adoc)}


MENTIONS = [
    # a name the model took for a place, after a post set off by a comma, is a person's
    ("The Faculty of Physician Associates warned against scapegoating staff. Its president, Kemi Adeyemi, said PAs "
     "had been caught in a row.", ("Kemi Adeyemi", "Person")),
    # national schemes and the law practices work under, from the lexicon
    ("Staff moved across under TUPE when the practice merged.", ("TUPE", "Legislation")),
    ("The Pharmacy First scheme has taken pressure off practices.", ("Pharmacy First", "Programme")),
    ("Rises in the national living wage hit practices hardest.", ("national living wage", "Policy")),
    ("Losing the MPIG hit small rural practices for years.", ("Minimum Practice Income Guarantee", "Policy")),
    ("More than a million patients registered type 1 opt-outs in 2021.", ("type 1 opt-out", "Policy")),
    ("Palantir runs the Federated Data Platform.", ("Palantir", "Company")),
    ("Palantir runs the Federated Data Platform.", ("Federated Data Platform", "Programme")),
    ("Dr Ann Cole, who sits on UEMO, said so.", ("European Union of General Practitioners", "Organization")),
    ("Practices hold a General Medical Services (GMS) contract with the board.", ("GMS contract", "Policy")),
    ("She resat the AKT after passing the SCA.", ("Applied Knowledge Test", "Programme")),
    ("He joined the New to Practice Fellowship in May.", ("New to Practice Fellowship", "Programme")),
    # a paper or study set before its title is a report
    ("The paper, Seeing the Same Doctor, argues that continuity saves lives.", ("Seeing the Same Doctor", "Report")),
    # a name set off by a lower-case post is a person's, whatever the model thought
    ("Nadia Brereton, the watchdog's engagement manager, said the findings were stark.",
     ("Nadia Brereton", "Person")),
    # a title opening on an -ing word, set off by commas after the report word, is the report's
    ("The figures we published in our workload audit, Counting the Calls, make grim reading.",
     ("Counting the Calls", "Report")),
    # capitalised words ending in a number after 'the' name a ranking; a year or a bare count does not
    ("She topped the Kestrel Power 100 this year.", ("Kestrel Power 100", "Report")),
    # a brand in lower case with a capital inside
    ("Patients can now book through iPlato from Monday.", ("iPlato", "Organization")),
    # names going on a list of places are places, though too small for the gazetteer
    ("Fenside runs surgeries in Boston, Skegness, Spilsby and Wainfleet, plus two branch sites.", ("Spilsby", "Place")),
    ("Fenside runs surgeries in Boston, Skegness, Spilsby and Wainfleet, plus two branch sites.",
     ("Wainfleet", "Place")),
    # a body named after a list of places keeps the first place, which the model leaves out at the comma
    ("Dr Ann Cole is a member of Leicester, Leicestershire and Rutland LMC.",
     ("Leicester, Leicestershire and Rutland LMC", "Organization")),
    # a council named by its kind, then the places it is for
    ("The Royal Borough of Windsor and Maidenhead said it would fund the hub.",
     ("Royal Borough of Windsor and Maidenhead", "GovernmentBody")),
    # a phrase headed by a report word takes its 'of' complement, not the relative clause after it
    ("Much depends on the review of the QOF, which is due to report in May.",
     ("review of the QOF", "Report")),
    # a policy written in quotes is named by the whole quotation
    ("The paper called for a ‘review of out-of-hours funding in rural areas’ by the end of the year.",
     ("review of out-of-hours funding in rural areas", "Report")),
    ("It also proposed ‘same-day, walk-in “urgent care” hubs’ for every town.",
     ("same-day, walk-in urgent care hubs", "Programme")),
    # a scare-quoted policy word is a named term
    ("Practices would join ‘Hubs’ run by the ICS.", ("Hubs", "Programme")),
    # the lexicon's whole name wins over a shorter name ending in an organisation word
    ("The Royal College of Nursing responded on Monday.", ("Royal College of Nursing", "Organization")),
    # a name ending in an organisation word is one organisation, even around a lexicon name inside it
    ("Leeds Teaching Hospitals NHS Trust runs three practices.", ("Leeds Teaching Hospitals NHS Trust", "Organization")),
    # the role word the model sometimes puts in a person span is not part of the name
    ("The fund was set up by the Labour MPs Rachel Green and Owen Marsh.", ("Rachel Green", "Person")),
    # two names ending in an organisation word, joined by 'and', are two organisations
    ("Riverside Surgery and Park Lane Medical Centre will merge.", ("Riverside Surgery", "Practice")),
    ("Riverside Surgery and Park Lane Medical Centre will merge.", ("Park Lane Medical Centre", "Practice")),
    ("Hammersmith and Fulham CCG paid the bill.", ("Hammersmith and Fulham CCG", "GovernmentBody")),
    # a name the lexicon knows, then a connector, then a name ending in an organisation word: both whole
    ("Vita Health runs NHS 111 for Barking and Dagenham CCG.", ("Barking and Dagenham CCG", "GovernmentBody")),
    ("The RCGP and Bath and North East Somerset Council agreed.",
     ("Bath and North East Somerset Council", "GovernmentBody")),
    # a review named after whom it is by, as 'Lord Darzi's review' is
    ("The Darzi review found the NHS in critical condition.", ("Darzi review", "Report")),
    ("Dr Claire Fuller wrote the stocktake. The Fuller stocktake set out a vision for neighbourhood teams.",
     ("Fuller stocktake", "Report")),
    # a name set before a report's head word is the report's title, not an organisation; a kind of body is no report
    ("Practices are closing, according to Saving Our Surgeries, a survey by the committee.",
     ("Saving Our Surgeries", "Report")),
    ("Kent Health Partners, a review body, met in May.", ("Kent Health Partners", "Organization")),
    # a letter is named by its sender and its addressee, when 'to' hangs on the letter
    ("A letter from the BMA to the chancellor warned of cuts.", ("letter from the BMA to the chancellor", "Report")),
    ("The letter from the county's MPs to the health minister was published.",
     ("letter from the county's MPs to the health minister", "Report")),
    # the given name between a title and the name the model found belongs to it, whatever the model called it
    ("The decision follows the announcement that the surgery's two remaining GP partners, Dr Tom Birch and "
     "Dr Priya Sandhu, would hand back their contract.", ("Priya Sandhu", "Person")),
    # a policy goes by the capitalised words in quotes before its kind word, or after the word that names it
    ("The minister unveiled a £2bn ‘Care Closer to Home’ strategy for the NHS.", ("Care Closer to Home", "Policy")),
    ("The minister said the plan, titled Healthy Futures, would cost £2bn.", ("Healthy Futures", "Policy")),
    ("The ICB launched a scheme called Better Together in May.", ("Better Together", "Policy")),
    # the year a contract or an offer is for says which one
    ("GP leaders rejected NHS England's contract offer for 2026/27 on Tuesday.",
     ("contract offer for 2026/27", "Policy")),
    # a newspaper's name ends in a newspaper's word, and a journal's name runs on through 'of'
    ("Mr Hale told the Kingsmere Mercury that the surgery would stay open.", ("Kingsmere Mercury", "Publication")),
    ("The study was published in the British Journal of General Practice.",
     ("British Journal of General Practice", "Publication")),
    # a contract of a given year is that year's contract, by the lexicon's name
    ("The requirement in the 2025/26 GP contract was dropped.", ("2025/26 GP contract", "Policy")),
    ("Dr Hale negotiated the 2026/27 contract with NHS England.", ("2026/27 GP contract", "Policy")),
    ("Delegates said the 2026/27 GP contract offer was unacceptable.", ("2026/27 GP contract offer", "Policy")),
    ("He said the 2025/26 settlement had put £889m into the contract.", ("2025/26 settlement", "Policy")),
    ("Partners doubted the 2024 GMS deal would last.", ("GMS contract", "Policy")),
    # a sentence's opening preposition is no part of the name after it
    ("In NHS Kent and Medway ICB alone, 11 practices closed.", ("NHS Kent and Medway ICB", "GovernmentBody")),
    ("At Larchmont Medical Centre, two partners retired.", ("Larchmont Medical Centre", "Practice")),
    ("The CQC placed the surgery in special measures in March.", ("special measures", "Programme")),
    # a funding formula is a policy; a noun the parser sets beside a report's subject is still part of it
    ("NHS England should replace the formula with a needs-based allocation formula by 2027.",
     ("needs-based allocation formula", "Policy")),
    ("The report calls for an independent review of premises funding, so that practices can expand.",
     ("independent review of premises funding", "Report")),
    # a headline's 'New' before a post is the post's, not the body's; a place's own 'New' stays
    ("New GPC England chair Dr Fenella Marwick: we cannot keep patching the contract", ("GPC England", "Organization")),
    ("New Zealand chair Tom Hale spoke in London.", ("New Zealand", "Place")),
    # a UK town's name before what it describes, which the model leaves unnamed
    ("A Kettering GP practice has been placed in special measures.", ("Kettering", "Place")),
    ("Practices will see their global sum payment rise.", ("global sum", "Policy")),
    # a title and subtitle in sentence case, set off by commas after the report's word
    ("The report, Closing the gap: why general practice needs more, was published today.",
     ("Closing the gap: why general practice needs more", "Report")),
    # a title before a named legislation
    ("Ministers will bring forward a Primary Care Reform Bill next year.", ("Primary Care Reform Bill", "Legislation")),
    # a seat set off by commas after 'MP for' is one place, whatever the model makes of its words
    ("Ann Vale, the Labour MP for Ashby and North Leicestershire, said no.",
     ("Ashby and North Leicestershire", "Place")),
    # a body in lower case after its owner's possessive is named by the two together
    ("Dr Ola Penn is a member of the RCN's nursing practice committee.",
     ("RCN nursing practice committee", "Organization")),
    ("The survey was published by the BMA's consultants committee.", ("BMA consultants committee", "Organization")),
    # ... and in title case, where the kind word alone would name nothing
    ("Ann Lee, chair of the Royal College of Nursing's General Practice Forum, spoke.",
     ("Royal College of Nursing General Practice Forum", "Organization")),
    ("Ann Lee, director of the Local Government Association's Health Network, spoke.",
     ("Local Government Association Health Network", "Organization")),
    # a conference is named by the body whose conference it is
    ("The annual conference of the Royal College of Nursing voted to reject the offer.",
     ("Royal College of Nursing conference", "Organization")),
    ("Delegates at the RCN annual conference in Harrogate backed the motion.", ("RCN conference", "Organization")),
    # a role whose use in general practice is a policy question
    ("Practices hired more physician associates last year.", ("physician associates", "Policy")),
    # a report the model calls a body
    ("The Locum GP Pay Survey, published in May by the BMA, found pay had fallen.", ("Locum GP Pay Survey", "Report")),
    # capitalised words the model calls a body, only ever before a policy's kind word, name the policy
    ("The Treasury published its Better Care strategy on Friday.", ("Better Care strategy", "Policy")),
    # a saint's or a king's possessive inside a practice's name; 'Practice' alone a practice's kind word
    ("Patients of St Leonard's Practice in Exeter see one GP.", ("St Leonard's Practice", "Practice")),
    ("Dr Ann Cole, a partner at St John's Medical Centre, retired.", ("St John's Medical Centre", "Practice")),
    ("King's Road Surgery will close in May.", ("King's Road Surgery", "Practice")),
    ("Riverside Practice in Kendal closed its list.", ("Riverside Practice", "Practice")),
    ("Dr Lee welcomed the King's Fund's report, Waiting Lists, Waiting Rooms, which found long delays.",
     ("Waiting Lists, Waiting Rooms", "Report")),
    ("The King's Fund report Fixing the Front Door of General Practice was published today.",
     ("Fixing the Front Door of General Practice", "Report")),
    # a title opening on a participle, which the parser reads as a clause
    ("The Nuffield Trust published its report, Stretched to Breaking, on Monday.", ("Stretched to Breaking", "Report")),
    ("The Health Foundation published its analysis, Left Behind, on Monday.", ("Left Behind", "Report")),
    ("Take off the employer NI rise and the £889m looks small.", ("employer National Insurance contributions", "Policy")),
    # a board named after places listed with commas, with or without 'NHS' before them
    ("The rest will come from Bedfordshire, Luton and Milton Keynes Integrated Care Board.",
     ("Bedfordshire, Luton and Milton Keynes Integrated Care Board", "GovernmentBody")),
    ("Leicester, Leicestershire and Rutland ICB asked for £1m.",
     ("Leicester, Leicestershire and Rutland ICB", "GovernmentBody")),
    # what a group is of is part of its name, unless it is the town the group is in
    ("Dr Paul Grey, chief executive of the Kentish Group of LMCs, spoke.", ("Kentish Group of LMCs", "Company")),
    ("Castlegate Health Group of Leicester runs 17 practices.", ("Castlegate Health Group", "Company")),
    # a body's acronym run into its kind's, in capitals: no shouted word
    ("Dr Helen Reed, medical director of WESTLMC, spoke.", ("WESTLMC", "Organization")),
    # undated resignations, patients' prospective record access and virtual wards are terms of the field
    ("Partners across the county have signed undated letters of resignation.", ("undated resignations", "Programme")),
    ("Since the practice switched on prospective access, patients read their results first.",
     ("prospective record access", "Policy")),
    ("The trust runs virtual wards for frail patients.", ("virtual wards", "Programme")),
    # GPs' collective action and the Fuller stocktake's teams are policy terms of general practice
    ("Practices would consider collective action.", ("collective action", "Programme")),
    ("She backs the integrated neighbourhood teams of the Fuller stocktake.",
     ("integrated neighbourhood teams", "Programme")),
    # a name given an age is a person's
    ("Okonkwo-Baptiste, 52, took up post in May.", ("Okonkwo-Baptiste", "Person")),
    # 'programme' after a plural, which the parser reads as the plural's verb, heads a programme's name
    ("Eleven practices were promised grants under the ICB's primary care estates programme in 2023.",
     ("primary care estates programme", "Programme")),
    ("Funding came from the council's health inequalities programme last year.",
     ("health inequalities programme", "Programme")),
    # the model's 'organisation' that stops at 'of' is a person, of the body described after it
    ("We have instructed a solicitor, Bethany Rourke of the Northampton firm Rourke & Vale, and the dispute will "
     "probably end up before an independent expert.", ("Bethany Rourke", "Person")),
    # a local body's acronym after a name the model ends before it is the name's last word
    ("The annual Conference of Scotland LMCs voted on Friday.", ("Conference of Scotland LMCs", "Organization")),
    # the salaried alternative to partnership, GP training's places and its trainers' grant are policy terms
    ("Kent LMC asked the committee to explore a national salaried service.", ("salaried service", "Policy")),
    ("The DHSC will fund 300 more GP specialty training places.", ("GP training places", "Programme")),
    ("He urged the DHSC to raise the trainer's grant.", ("GP trainer grant", "Policy")),
    # a requirement, rule or standard set on practices is a policy
    ("Practices must meet the new online access requirement from October.", ("online access requirement", "Policy")),
    ("MPs want a national same-day response standard.", ("national same-day response standard", "Policy")),
    # 'Dean' before a surname is a given name, not a post
    ("Father-of-two Dean Okoro, 39, called the closure the final straw.", ("Dean Okoro", "Person")),
    # a name does not run into the brackets after it
    ("Funding for the Wessex Primary Care Training Hub (WTH) will rise.",
     ("Wessex Primary Care Training Hub", "Organization")),
    # a second practice after the town of the first is a name of its own
    ("The firm has taken over Elm Tree Surgery in Harrogate and Mill Road Practice in York.",
     ("Mill Road Practice", "Practice")),
    ("The firm has taken over Elm Tree Surgery in Harrogate and Mill Road Practice in York.", ("Harrogate", "Place")),
    # a scheme named with 'and', which the model reads as a body and a person
    ("Its Norfolk GP Fellowship and Retention Scheme will pay 20 fellows, the ICB said.",
     ("Norfolk GP Fellowship and Retention Scheme", "Policy")),
    ("Norfolk GP Fellowship and Retention Scheme fellows meet monthly.",
     ("Norfolk GP Fellowship and Retention Scheme", "Policy")),
    # a body the lexicon knows, then a scheme: two names
    ("The BMA and Kent GP Retention Scheme agreed the terms.", ("Kent GP Retention Scheme", "Policy")),
    # a hyphenated town is a word of a body's name like any other
    # a patient participation group is a body, not a company
    ("The Elm Road Patient Participation Group says the bus runs once an hour.",
     ("Elm Road Patient Participation Group", "Organization")),
    # a training hub is a body, whatever the model calls it
    ("He added that NHS Kent was working with the Kent Training Hub to accredit the strands.",
     ("Kent Training Hub", "Organization")),
    # a firm's short name after 'in' is the firm where it is no town
    ("Medivo Health runs eight practices. Tamarind Capital led a £20m investment round in Medivo last year.",
     ("Medivo Health", "Company")),
    ("Funding will go to Cheshire and Newcastle-under-Lyme ICB.",
     ("Cheshire and Newcastle-under-Lyme ICB", "GovernmentBody")),
    # a member named right after the seat, with no comma, which the model reads as one name or none
    ("Conservative MP for Penrith and Solway Alasdair Fenwick focused on dispensing practices.",
     ("Alasdair Fenwick", "Person")),
    ("Liberal Democrat MP for North Cornwall Helen Tremayne said the formula was unfair.",
     ("Helen Tremayne", "Person")),
    ("Liberal Democrat MP for North Cornwall Helen Tremayne said the formula was unfair.", ("North Cornwall", "Place")),
]


@pytest.mark.parametrize("text, expected", MENTIONS, ids=[e[0] for _, e in MENTIONS])
def test_mentions(text, expected):
    assert expected in named(text)


def test_capitals_in_brackets_after_a_name_are_its_short_name_unless_a_kind_of_body():
    text = ("Headline\n\nThe Wessex Primary Care Training Hub (WTH) and NHS Kent and Medway Integrated Care Board "
            "(ICB) met. WTH staff told the ICB.")
    [adoc] = analyse([parse_document(text, doc_id="d", path="d.txt")])
    found = [(sm.mention.text, sm.canonical) for sm in document_mentions(adoc)]
    assert [c for m, c in found if m == "WTH"] == ["Wessex Primary Care Training Hub"] * 2
    assert not any(m == "ICB" and c and "Kent" in c for m, c in found)

def test_a_policy_named_by_when_it_comes_in_is_the_pages_one_policy_of_that_kind():
    text = ("Headline\n\nNHS England's new online access requirement starts soon. Dr Ann Lee said the October "
            "requirement would swamp practices.")
    [adoc] = analyse([parse_document(text, doc_id="d", path="d.txt")])
    names = {sm.mention.text: sm.canonical for sm in document_mentions(adoc) if "requirement" in sm.mention.text}
    assert names.get("October requirement") == "online access requirement"

def test_a_month_after_going_live_is_no_town():
    assert not any(kind == "Place" for _, kind in named("The new triage system went live in February."))

def test_a_headline_verb_the_parser_reads_as_a_noun_opens_no_name():
    names = named("Nurses slam 2% pay offer as talks stall")
    assert ("2% pay offer", "Policy") in names and not any("slam" in name for name, _ in names)


def test_a_street_is_a_place_unless_it_opens_a_longer_name():
    assert ("Mill Lane", "Place") in named("Elm Surgery, on Mill Lane in Ashford, will close.")
    names = named("Mill Lane Surgery will close. The staff at Mill Lane were told on Monday.")
    assert not any(kind == "Place" and name == "Mill Lane" for name, kind in names)


def test_streets_of_two_towns_are_two_places(tmp_path):
    (tmp_path / "a.txt").write_text("Headline one here\n\nElm Surgery, on High Street in Ely, will close.\n")
    (tmp_path / "b.txt").write_text("Headline two here\n\nOak Surgery, on High Street in Leeds, will open.\n")
    kg = extract(read_documents([tmp_path]).documents)
    assert [e.type for e in kg.entities if e.label == "High Street"] == ["Place", "Place"]


def test_a_body_named_alone_elsewhere_stays_a_body_before_a_kind_word():
    names = named("Operose Health runs 70 practices. The Operose Health plan was criticised.")
    assert ("Operose Health", "Company") in names and not any(kind == "Policy" for _, kind in names)


def test_a_letter_sent_to_someone_is_not_named_by_them():
    names = {name for name, kind in named("NHS England sent a letter from its medical director to all practices.")
             if kind == "Report"}
    assert not any("practices" in name for name in names)


def test_whatever_one_there_may_be_is_not_named():
    assert not [name for name, kind in named("Partners will accept any desultory offer for their buildings.")
                if kind == "Policy"]


def test_generic_words_are_not_entities():
    names = {name for name, _ in named("GPs and CCGs told the trust that the NHS was under pressure.")}
    assert not names & {"GPs", "CCGs", "trust", "GP", "CCG"}


@pytest.mark.parametrize("text, absent", [
    ("THE GOVERNMENT AND THEIR DAFT FRIENDS AT THE DAILY NUTTER WILL PAY FOR THIS NEW PLAN", "DAILY"),
    ("Current models of care and major contracts are not the answer.", "current models"),
    ("Operose Health won a £4m contract from the ICB.", "£4m contract"),  # a sum of money names no contract
    ("  • Digital-first general practice wherever possible.", "Digital"),  # a word of a compound adjective
    ("The old PCT ran OOH services until 2013.", "PCT"),  # acronyms of a kind of body
    ("Patients booked video consultations with the practice.", "video consultations"),  # many, not a report
    ("GP Partners are leaving the profession in droves.", "GP Partners"),  # role words name no one
    ("The Nuffield Trust survey found 40% of GPs plan to leave.", "GPs plan"),  # a verb tagged a noun
    ("Many partners report that the workload is unsafe.", "partners report"),
    # a plural head names many of a kind, not one policy or programme
    ("The ICB gave £6m to practices to upgrade their phone systems.", "phone systems"),
    ("Practices need new business models and better mental health services.", "business models"),
    ("Practices need new business models and better mental health services.", "mental health services"),
    ("Dr Lee came first in the Kestrel 2024.", "Kestrel 2024"),  # a year is no rank
    ("Former ministers said the plan would fail.", "the Government"),  # not the government of the day
    ("Shadow ministers said the plan would fail.", "the Government"),
    ("Dr Lee was named on the Kestrel Power 100 list.", "Kestrel Power 100"),  # a list headed by 'list'
    ("St Leonard's Practice in Exeter is full.", "St Leonard"),  # no name cut at the possessive
    ("In its report NHS England said the plan was late.", "NHS England said"),  # a body is no title
    ('"At the LMC I was negotiating with commissioners," she said.', "At the LMC"),  # a quotation's first word
    # an owner's service in a place is not one named after the place
    ("Harbour Health said its Norfolk service would close at night.", "Norfolk service"),
    ("The firm has taken over Elm Tree Surgery in Harrogate and Mill Road Practice in York.",
     "Harrogate and Mill Road Practice"),
    ("Its Norfolk GP Fellowship and Retention Scheme will pay 20 fellows, the ICB said.", "Retention Scheme"),
    ("The BMA and Kent GP Retention Scheme agreed the terms.", "BMA and Kent GP Retention Scheme"),
    ("Medivo Health runs eight practices. Tamarind Capital led a £20m investment round in Medivo last year.", "Medivo"),
])
def test_noise_is_not_an_entity(text, absent):
    assert absent.casefold() not in {name.casefold() for name, _ in named(text)}


@pytest.mark.parametrize("text, name", [
    ("NHS England's Modern General Practice model was launched in 2023.", "Modern General Practice"),
    ("Doctors must follow Good Medical Practice, the GMC's guidance.", "Good Medical Practice"),
])
def test_a_kind_of_practice_is_no_practice(text, name):
    assert (name, "Practice") not in named(text)


def test_a_plural_is_not_a_persons_name():
    # organisations may be plural ('Open Society Foundations'); people are not
    assert not {name for name, etype in named("Critics called them Dark Knights; Saviours and Destroyers of general practice.")
                if etype == "Person"}


@pytest.mark.parametrize(("text", "short", "source", "found"), [
    ("Castlegate Healthcare runs 17 practices. Castlegate said it was pleased.", "Castlegate", "company-short", True),
    # a word the page also writes in lower case is no name of the firm
    ("Summit Healthcare runs 17 practices. Summit said the summit would go ahead.", "Summit", "company-short", False),
    # nor the start of another name
    ("Castlegate Healthcare runs 17 practices. Castlegate Road is closed.", "Castlegate", "company-short", False),
    # a practice's name without its kind word
    ("Kestrel Way Medical Practice closed. Patients of Kestrel Way will move.", "Kestrel Way", "practice-short", True),
    # one word: no town, never in lower case, never after a town's preposition (a possessive is the practice's)
    ("Holmbrook Medical Partnership was sold. Holmbrook runs four surgeries. One of Holmbrook's nurses left.",
     "Holmbrook", "practice-short", True),
    ("Holmbrook Surgery was sold. Patients in Holmbrook were told on Monday. Holmbrook residents were angry.",
     "Holmbrook", "practice-short", False),
    ("Whitby Medical Practice was sold. Whitby will lose its only surgery.", "Whitby", "practice-short", False),
])
def test_a_name_without_its_kind_word_is_the_firm_or_practice(text, short, source, found):
    [adoc] = analyse([parse_document(text, doc_id="d", path="d.txt")])
    shorts = [sm for sm in document_mentions(adoc) if sm.mention.text == short and sm.mention.source == source]
    assert bool(shorts) == found
    assert all(sm.canonical.startswith(short + " ") for sm in shorts)


@pytest.mark.parametrize(("text", "name"), [
    # a body before the comma is no place of the name; nor is a place going on a longer list
    ("The RCGP, Kent and Medway ICB and the BMA met.", "Kent and Medway ICB"),
    ("GPs in Derby, Leicester, Leicestershire and Rutland LMC areas were told.", "Leicestershire and Rutland LMC"),
])
def test_a_list_before_a_bodys_name_is_not_its_name(text, name):
    found = {n for n, _ in named(text)}
    assert not any(n.endswith(name) and n != name for n in found)


def test_a_town_kg_found_is_no_person_where_the_model_says_so_once():
    text = ("Practice defends its physician associates\nPartners at a Walsall surgery insist their PAs are safe\n\n"
            "Elm Grove Surgery in Walsall, which has 9,000 patients, employs four physician associates.\n\n"
            "Dr Ann Cole, deputy chair of the association's GP committee for England, said the Walsall case was "
            "\"exactly what we warned would happen\".\n")
    kg = extract([parse_document(text, doc_id="d0", path="d0.txt")])
    assert [(e.label, e.type) for e in kg.entities if e.label == "Walsall"] == [("Walsall", "Place")]


@pytest.mark.parametrize(("before", "name", "source", "firm"), [
    # the model's untitled one-word 'person' that is a firm's short name on the page is the firm
    ("Dr Holt, ", "Kestrel", "ner", True),
    ("procurement in which ", "Kestrel", "ner", True),
    # a title makes a person of it; a name that is no firm's short name stays whatever it is
    ("said Dr ", "Kestrel", "ner", False),
    ("procurement in which ", "Holt", "ner", False),
    ("procurement in which ", "Kestrel", "titled-name", False),
])
def test_a_firms_short_name_the_model_takes_for_a_person_is_the_firm(before, name, source, firm):
    from kg.mentions import SegmentMention, _short_name_taken_for_another
    from kg.model import Mention
    text = before + name + " scored highest."
    mention = Mention("d0", len(before), len(before) + len(name), name, "Person", "article", source)
    assert _short_name_taken_for_another(SegmentMention(mention, None), {"Kestrel": "Kestrel Health"}, text) is firm



@pytest.mark.parametrize(("words", "places"), [
    # 'in Drummond Road, Skegness', which the model calls one facility: the town after the street is a place
    (["in", "Drummond", "Road", ",", "Skegness", ","], ["Skegness"]),
    # a name of places only is each of them; a name that is no street before a town is none
    (["in", "Boston", "and", "Skegness", ","], ["Boston", "Skegness"]),
    (["in", "Drummond", "Partners", ",", "Skegness", ","], None),
])
def test_a_town_after_a_street_in_one_name_is_a_place(words, places):
    from spacy.tokens import Doc, Span

    from kg.mentions import _coordinated_places
    from kg.nlp import load_pipeline
    doc = Doc(load_pipeline().vocab, words=words)
    end = len(words) - (words[-1] == ",")
    found = _coordinated_places(Span(doc, 1, end, label="FAC"))
    assert (None if found is None else [p.text for p in found]) == places


def test_a_practices_short_name_the_model_repeats_as_a_person_or_body_is_the_practice():
    found = named("Kingfisher Road Surgery will close in March. \"Kingfisher Road has served this town incredibly well "
                  "for more than 60 years,\" he said. Ann Lee, 81, who has been registered at Kingfisher Road since "
                  "1968, said she was worried.")
    assert ("Kingfisher Road Surgery", "Practice") in found
    assert not [name for name, etype in found if name == "Kingfisher Road"]


@pytest.mark.parametrize(("text", "short", "report"), [
    # a report's title without its kind word is the report
    ("The CQC has published its annual State of Care report. 'The State of Care should be read in Whitehall as a "
     "warning,' he said.", "State of Care", True),
    # not the name of the body that made it
    ("The Nuffield Trust report was published on Monday. Nuffield Trust staff wrote it.", "Nuffield Trust", False),
])
def test_a_reports_title_without_its_kind_word_is_the_report(text, short, report):
    [adoc] = analyse([parse_document(text, doc_id="d", path="d.txt")])
    types = {sm.mention.type for sm in document_mentions(adoc) if sm.mention.text == short}
    assert (types == {"Report"}) is report


def test_a_change_to_a_policy_or_to_what_practices_are_paid_is_a_policy_of_its_own():
    kg = extract(read_documents_from_text(
        "Headline\n\nThe increase in the national living wage cost Elm Surgery £20,000 this year, and a rise in demand "
        "made it worse. Dr Ann Lee said the national living wage increase was the last straw. The increase hit "
        "reception staff's hours. Separately, NHS England confirmed a cut to vaccination fees."))
    by_label = {e.label: e for e in kg.entities}
    change = by_label.get("increase in national living wage")
    assert change is not None and change.type == "Policy"
    assert "national living wage increase" in change.aliases and "The increase" in change.aliases
    assert by_label["national living wage"].type == "Policy"  # the policy changed stays itself
    assert by_label.get("cut to vaccination fees") is not None
    assert not any("demand" in label for label in by_label)


def read_documents_from_text(text: str):
    return [parse_document(text, doc_id="d", path="d.txt")]


def test_the_primary_care_network_after_a_named_one_is_that_network():
    text = ("Headline\n\nTeme Valley Primary Care Network covers Tenbury. The primary care network employs six "
            "pharmacists. Every primary care network model differs.")
    [adoc] = analyse([parse_document(text, doc_id="d", path="d.txt")])
    found = [sm.canonical for sm in document_mentions(adoc) if sm.mention.text == "primary care network"]
    assert found == ["Teme Valley Primary Care Network", "primary care networks"]  # (not the modifier)


def test_a_seat_run_into_a_verb_that_ends_in_a_place_is_the_seat_alone():
    assert ("Kingsmere and Mid Norfolk", "Place") in named("The Labour MP for Kingsmere and Mid Norfolk said the plan "
                                                           "was late.")
    assert not any(kind == "Person" for _, kind in named("The Labour MP for Kingsmere and Mid Norfolk said so."))

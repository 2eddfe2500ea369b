"""Extraction rules, as tables of text -> expected facts, run through the real pipeline and spaCy model.

Most sentences are written for the test (other people, other organisations than the seeds), so a
rule that only fits the seed articles fails here.
"""
from __future__ import annotations

import pytest

from kg.ingest import parse_document
from kg.model import KnowledgeGraph
from kg.pipeline import extract

pytestmark = pytest.mark.model


def build(*texts: str) -> KnowledgeGraph:
    documents = [parse_document(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    return extract(documents)


def triples(kg: KnowledgeGraph) -> set[tuple[str, str, str, str]]:
    """(subject label, predicate, object label or literal, qualifier) for every fact."""
    labels = {e.key: e.label for e in kg.entities}
    return {(labels[f.subject], f.predicate, f.object if f.object_is_literal else labels[f.object], f.qualifier or "")
            for f in kg.facts}


ROLES = [
    ("Dr Priya Sharma, medical director of Operose Health, said the contract was fair.",
     ("Priya Sharma", "holdsRole", "Operose Health", "medical director")),
    ("RCGP chair Professor Kamila Hawthorne said the plans would not help patients.",
     ("Kamila Hawthorne", "holdsRole", "Royal College of General Practitioners", "chair")),
    ("Tom Hughes is editor of GP Online.",
     ("Tom Hughes", "holdsRole", "GPonline", "editor")),
    ("NHS England's director of primary care, Dr Nikki Kanani, wrote to practices on Friday.",
     ("Nikki Kanani", "holdsRole", "NHS England", "director of primary care")),
    ("The Nuffield Trust published its analysis on Monday. Its chief executive is Thea Stein.",
     ("Thea Stein", "holdsRole", "Nuffield Trust", "chief executive")),
    ("The group was set up by the Labour MPs Rachel Green and Owen Marsh last year.",
     ("Owen Marsh", "holdsRole", "Labour Party", "MP")),
    # chairing now is the post of chair
    ("Professor Ann Holt, who chairs the Royal College of GPs, spoke on Monday.",
     ("Ann Holt", "holdsRole", "Royal College of General Practitioners", "chair")),
    # the field the post covers, between the post and the name, is part of the post
    ("NHS England's national clinical director for primary care, Dr Tom Hale, said the plan would work.",
     ("Tom Hale", "holdsRole", "NHS England", "national clinical director for primary care")),
    ("The Royal College of GPs' honorary secretary Dr Jo Ellis said the offer fell short.",
     ("Jo Ellis", "holdsRole", "Royal College of General Practitioners", "honorary secretary")),
    # a time word before the organisation's name belongs to the post
    ("Former BMA chair Dr Chaand Nagpaul said the deal was poor.",
     ("Chaand Nagpaul", "holdsRole", "British Medical Association", "former chair")),
    # 'X, ORG's ROLE': the organisation's possessive before the post
    ("Dr Ada Quinn, NHS England's national medical director for primary care, said the plan would help.",
     ("Ada Quinn", "holdsRole", "NHS England", "national medical director for primary care")),
    # the post after 'who later became a', with the organisation before it
    ("It was set up in 2010 by Priya Shah, who later became a Labour MP.",
     ("Priya Shah", "holdsRole", "Labour Party", "MP")),
    # the post is in the organisation the named one owns, and that pair is the lexicon's name
    ("Dr Leah Fox, chair of the BMA's GP Committee, said the deal was poor.",
     ("Leah Fox", "holdsRole", "GPC England", "chair")),
    # a title makes a person of the model's 'organisation'
    ("Modality Partnership took over the practice. Its chief executive, Dr Naresh Rati, said services were safe.",
     ("Naresh Rati", "holdsRole", "Modality Partnership", "chief executive")),
    # a post in a clause, whoever its subject stands for: a name set off by an age, a pronoun, a coordinated verb
    ("Dr Nadia Bello, 52, has been a partner at the Castle Street Surgery in Hull since 2009.",
     ("Nadia Bello", "holdsRole", "Castle Street Surgery", "partner")),
    ("Dr Nadia Bello spoke first. She was chair of Humber LMC from 2015 to 2020.",
     ("Nadia Bello", "holdsRole", "Humber LMC", "chair")),
    ("Dr Nadia Bello trained in York and served as clinical director of the Hull West PCN between 2019 and 2022.",
     ("Nadia Bello", "holdsRole", "Hull West PCN", "clinical director")),
    ("Mark Oyelaran joined the board last year. He was previously chief executive of Virgin Care.",
     ("Mark Oyelaran", "holdsRole", "Virgin Care", "former chief executive")),
]

QUOTES = [
    ("Dr Farah Jameel said: \u2018We cannot accept a contract that ignores the workforce crisis.\u2019",
     "Farah Jameel"),
    ("BMA GP Committee chair Dr Katie Bramall-Stainer said the offer was 'an insult to the profession'.",
     "Katie Bramall-Stainer"),
    # the model may parse the person as in apposition to the organisation: the person still speaks
    ("The Royal College of GPs' honorary secretary Dr Jo Ellis said the offer fell short of what was needed.",
     "Jo Ellis"),
]

STANCE = [
    # a kind word with the name in apposition: the named organisation acts
    ("Patients' group Healthwatch Leeds criticised the Nuffield Trust for its report.",
     ("Healthwatch Leeds", "criticises", "Nuffield Trust")),
    ("The British Medical Association criticised the GMS contract on Tuesday.",
     ("British Medical Association", "criticises", "GMS contract")),
    ("The Royal College of Nursing welcomed the NHS Long Term Plan.",
     ("Royal College of Nursing", "welcomes", "NHS Long Term Plan")),
    ("Healthwatch England opposes the PMS contract.",
     ("Healthwatch England", "opposes", "PMS contract")),
    # wariness is its own stance, and no recommendation
    ("The King's Fund urged caution over the NHS App.", ("King's Fund", "advisesCautionOn", "NHS App")),
    ("The RCGP cautioned against the PMS contract.",
     ("Royal College of General Practitioners", "advisesCautionOn", "PMS contract")),
]

ACTIONS = [
    # who receives the sum, named as the indirect object, is what the fine or payment is to
    ("NHS England fined the Leeds CCG £200,000 for missing its targets on access.",
     ("NHS England", "fines", "Leeds CCG", "£200,000")),
    ("Leeds CCG paid Riverside Surgery £40,000 for the extra clinics.",
     ("Leeds CCG", "pays", "Riverside Surgery", "£40,000")),
    # a participle with an agent is passive: the agent acts on the noun it hangs on
    ("The Nuffield Trust published a review of the QOF. The review, commissioned by NHS England, found flaws.",
     ("NHS England", "commissioned", "review of the QOF")),
    ("NHS England funds the Additional Roles Reimbursement Scheme.",
     ("NHS England", "funds", "Additional Roles Reimbursement Scheme")),
    ("The Adam Smith Institute was founded by Madsen Pirie and Eamonn Butler.",
     ("Eamonn Butler", "founded", "Adam Smith Institute")),
    # coordinated objects each get the fact
    ("The Care Quality Commission rated Operose Health and Virgin Care on Monday.",
     ("Care Quality Commission", "rates", "Operose Health")),
    ("The Care Quality Commission rated Operose Health and Virgin Care on Monday.",
     ("Care Quality Commission", "rates", "Virgin Care")),
    # a one-word name after 'in' is a place even where the model tags it a person
    ("Wes Streeting referred to what was happening in Wolverhampton, where trusts run practices.",
     ("Wes Streeting", "citesExample", "Wolverhampton")),
    # investing in something funds it
    ("NHS England will invest heavily in the NHS App.", ("NHS England", "funds", "NHS App")),
    # buying an organisation is taking it over, in the passive too
    ("Operose Health was bought by the US insurer Centene in 2021.", ("Centene", "tookOver", "Operose Health")),
    # a subordinate clause without a subject has the main clause's
    ("Last year Virgin Care paid dividends while borrowing heavily from Barclays.",
     ("Virgin Care", "borrowsFrom", "Barclays")),
    # an organisation's report, by or of it, is one it published
    ("QOF should go, according to a report by the Health Foundation.",
     ("Health Foundation", "published", "Health Foundation report")),
    # places after 'like' or 'such as' are examples the clause's subject cites
    ("Wes Streeting pointed to cities like Birmingham and Leeds, where practices have closed.",
     ("Wes Streeting", "citesExample", "Leeds")),
]


# what a rating gave, as the fact's qualifier
RATINGS = [
    ("The Care Quality Commission rated Elm Grove Medical Practice as requires improvement in 2023.",
     ("Care Quality Commission", "rates", "Elm Grove Medical Practice", "requires improvement")),
    ("Riverside Surgery was rated inadequate by the Care Quality Commission after an inspection in March.",
     ("Care Quality Commission", "rates", "Riverside Surgery", "inadequate")),
    ("The CQC rated Park Lane Surgery outstanding.", ("Care Quality Commission", "rates", "Park Lane Surgery",
                                                      "outstanding")),
    ("Website ‘WhoFundsYou?’ rate Civitas as ‘E’, the lowest grade.",
     ("WhoFundsYou?", "rates", "Civitas", "E")),
]


@pytest.mark.parametrize("text, expected", RATINGS, ids=[e[2] for _, e in RATINGS])
def test_a_rating_keeps_its_grade(text, expected):
    assert expected in triples(build(text))


@pytest.mark.parametrize("text, expected", ROLES, ids=[e[0] for _, e in ROLES])
def test_roles(text, expected):
    assert expected in triples(build(text))


@pytest.mark.parametrize("text, speaker", QUOTES, ids=[s for _, s in QUOTES])
def test_quotes_credit_the_speaker(text, speaker):
    said = {(s, o) for s, p, o, _ in triples(build(text)) if p == "said"}
    assert any(s == speaker and len(o.split()) >= 3 for s, o in said), said


@pytest.mark.parametrize("text, expected", STANCE, ids=[e[0] for _, e in STANCE])
def test_stance(text, expected):
    assert expected + ("",) in triples(build(text))


@pytest.mark.parametrize("text, expected", ACTIONS, ids=[e[0] for _, e in ACTIONS])
def test_actions(text, expected):
    assert (expected if len(expected) == 4 else expected + ("",)) in triples(build(text))


SPEAKERS = [
    # a spokesperson speaks for the organisation named with them
    ("A spokesperson for the Care Quality Commission said: 'We will inspect every practice.'",
     "Care Quality Commission"),
    ("An NHS England spokeswoman said the money would be paid in April.", "NHS England"),
]


@pytest.mark.parametrize("text,speaker", SPEAKERS)
def test_spokespeople_speak_for_their_organisation(text, speaker):
    assert speaker in {s for s, p, _, _ in triples(build(text)) if p == "said"}


def test_descriptions_of_boards_and_lmcs_resolve_to_the_named_one():
    facts = triples(build("Kent Local Medical Committee met NHS Kent and Medway Integrated Care Board on Monday. "
                          "The board has worked closely with the LMC since 2022."))
    assert ("NHS Kent and Medway Integrated Care Board", "worksWith", "Kent Local Medical Committee", "") in facts


def test_who_is_warned_is_not_what_the_warning_is_about():
    facts = triples(build("Dr Ravi Mehta, chair of Devon LMC, said: 'We warned NHS Devon that practices would close.'"))
    assert not [f for f in facts if f[1] == "warnsAbout"]


@pytest.mark.parametrize("text,place", [
    ("Practices in Cornwall and Devon are short of GPs.", "Devon"),  # the model's 'person'
    ("The RCGP warned about towns like Blackpool and Hull.", "Hull"),  # the model's one 'work of art'
    ("Dr Sarah Jones pointed to areas such as Manchester.", "Manchester"),
])
def test_uk_places_are_places_whatever_the_model_says(text, place):
    assert {e.label: e.type for e in build(text).entities}.get(place) == "Place"


def test_an_organisations_first_word_alone_is_that_organisation():
    kg = build("Livewell Group will buy the practices. The deal will see Livewell take over 70 sites. Livewell chief "
               "executive Sarah Malik said staff would stay.")
    assert {e.label: e.type for e in kg.entities}.get("Livewell") is None
    assert ("Sarah Malik", "holdsRole", "Livewell Group", "chief executive") in triples(kg)


TIMES = [
    ("Operose Health was bought by the US insurer Centene in 2021.", ("Centene", "tookOver", "Operose Health"), "2021"),
    ("Dr Ann Lee, chair of the RCGP since 2019, said the plan was poor.",
     ("Ann Lee", "holdsRole", "Royal College of General Practitioners"), "2019"),
    ("Riverside Surgery in Leeds was the first to offer the NHS App from November 2017.",
     ("Riverside Surgery", "offers", "NHS App"), "2017-11"),
    # the year dates the offer, not where the practice is
    ("Riverside Surgery in Leeds was the first to offer the NHS App from November 2017.",
     ("Riverside Surgery", "locatedIn", "Leeds"), None),
    # a span's first year is when the fact held; its last is in test_a_span_of_years_ends_the_fact
    ("Dr Nadia Bello trained in York and served as clinical director of the Hull West PCN between 2019 and 2022.",
     ("Nadia Bello", "holdsRole", "Hull West PCN"), "2019"),
]


@pytest.mark.parametrize("text,fact,time", TIMES)
def test_facts_are_dated_where_their_sentence_dates_them(text, fact, time):
    kg = build(text)
    labels = {e.key: e.label for e in kg.entities}
    times = {(labels[f.subject], f.predicate, labels.get(f.object)): f.time for f in kg.facts}
    assert fact in times and times[fact] == time


@pytest.mark.parametrize("text,fact,span", [
    ("Dr Nadia Bello spoke first. She was chair of Humber LMC from 2015 to 2020.",
     ("Nadia Bello", "holdsRole", "Humber LMC"), ("2015", "2020")),
    ("Dr Tim Ross was chief executive of Virgin Care from March 2012 until June 2019.",
     ("Tim Ross", "holdsRole", "Virgin Care"), ("2012-03", "2019-06")),
    ("Dr Nadia Bello served as clinical director of the Hull West PCN between 2019 and 2022.",
     ("Nadia Bello", "holdsRole", "Hull West PCN"), ("2019", "2022")),
    ("Dr Ann Lee has been a partner at Elm Surgery since 2009.", ("Ann Lee", "holdsRole", "Elm Surgery"),
     ("2009", None)),
])
def test_a_span_of_years_ends_the_fact(text, fact, span):
    kg = build(text)
    labels = {e.key: e.label for e in kg.entities}
    spans = {(labels[f.subject], f.predicate, labels.get(f.object)): (f.time, f.until) for f in kg.facts}
    assert spans.get(fact) == span


def test_a_reader_answered_by_name_is_no_new_entity():
    text = ("Practices merge\n\nBy Jo Bloggs\n\nTwo practices will merge.\n\nComments\n\n  • Patrufini Duffy\n\n"
            "    Yes Bonglim – small practices were closed. Hunt, like Javid, did nothing.\n\n"
            "    Unsuitable or offensive? Report this comment\n")
    labels = {e.label for e in build(text).entities}
    assert "Bonglim" not in labels and {"Hunt", "Javid"} <= labels


def test_a_person_named_like_a_town_stays_a_person():
    types = {e.label: e.type for e in build("Dr John Preston said the plan was flawed. Preston added that "
                                            "practices would close.").entities}
    assert types.get("John Preston") == "Person" and "Preston" not in types


PLANS = [
    # a speaker who says a policy is to change plans the change
    ("The BMA said the PMS contract is to be phased out.",
     ("British Medical Association", "plans", "PMS contract", "phase out")),
    ("The King's Fund said the QOF will be scrapped.",
     ("King's Fund", "plans", "Quality and Outcomes Framework", "scrap")),
    # the owner of 'plans to ...' plans what they are to do
    ("Healthwatch England unveiled plans to expand the NHS App.",
     ("Healthwatch England", "plans", "NHS App", "expand")),
    # 'It ... its plans': the main subject of the sentence before, not the policy inside its reported clause
    ("The Nuffield Trust said the GP contract is set for reform. It has made no secret of its plans to expand "
     "the NHS App.", ("Nuffield Trust", "plans", "NHS App", "expand")),
    # whoever owns the plan plans it, whoever opposes it
    ("The BMA opposed NHS England's plans to scrap the QOF.",
     ("NHS England", "plans", "Quality and Outcomes Framework", "scrap")),
    # a main-clause 'it' takes the main-clause subject of its own sentence
    ("The Government said the PMS contract is set for reform, and it has published plans to expand the NHS App.",
     ("the Government", "plans", "NHS App", "expand")),
    # who will change a policy plans the change
    ("Under the deal, the Government will scrap 32 of the 76 QOF indicators.",
     ("the Government", "plans", "Quality and Outcomes Framework", "scrap")),
    ("NHS England is set to expand the ARRS to include newly qualified GPs.",
     ("NHS England", "plans", "Additional Roles Reimbursement Scheme", "expand")),
]


@pytest.mark.parametrize("text,expected", PLANS)
def test_plans(text, expected):
    assert expected in triples(build(text))


@pytest.mark.parametrize("text,predicate", [
    ("The RCGP said the GP contract was reformed in 2004.", "plans"),  # a past change is no plan
    ("The BMA said the PMS contract is not working.", "plans"),
    ("Practices in towns like Leeds are closing.", "citesExample"),  # no one cites them
    ("The Government has published plans to expand the NHS App.", "published"),  # the plans, not the app
    ("The BMA opposed any plan to scrap the QOF.", "plans"),  # opposing a plan is not making it
    ("The Government would fund the recruitment through the NHS App.", "funds"),  # the means is not the object
    ("The King's Fund urged caution over the NHS App.", "recommends"),  # wariness, not a recommendation
    ("The RCGP cautioned NHS England that practices would close.", "advisesCautionOn"),  # who is cautioned
    ("NHS England will not scrap the QOF.", "plans"),  # a change denied
    ("NHS England scrapped the PMS contract in 2019.", "plans"),  # a change made, not planned
    # a body named in a clause on the subject is not the subject
    ("The pilot, run by Kent LMC since May, funded two pharmacists at Elm Lane Surgery.", "funds"),
    ("Kent LMC launched a campaign against the GP contract.", "published"),  # a fight against it publishes nothing
    # calling something so, or what one has called for, proposes nothing here
    ("NHS England calling that a solution is spin.", "recommends"),
    # a takeover opposed, proposed, approved by another, or looked into is none done by the one named
    ("Campaigners oppose the proposed takeover of Elm Surgery by Castlegate Health.", "tookOver"),
    ("The ICB approved the acquisition of Elm Tree Surgery. Meridian Health plans the purchase of Elm Tree Surgery.",
     "tookOver"),
    ("The CMA will investigate the acquisition of Elm Surgery by Castlegate Health.", "tookOver"),
    # a move planned, or patients moving to a practice, runs nothing
    ("Elm Surgery will move to total triage next year. Patients moved to Elm Surgery when Oak Surgery closed.",
     "operates"),
    ("The RCGP said the commitment to continuity is exactly what the college has been calling for.", "recommends"),
    # a need of the subject's own, or one denied, is no demand of a scheme
    ("Headline\n\nDr Ann Cole said: \"Practices need to recruit through the ARRS. The ARRS does not need to be "
     "bigger.\"", "recommends"),
])
def test_no_fact_without_an_agent_or_a_future(text, predicate):
    assert not [t for t in triples(build(text)) if t[1] == predicate]


def test_a_short_name_given_in_brackets_is_the_bodys():
    kg = build("Headline\n\nThe decision was taken by NHS Bath and North East Somerset, Swindon and Wiltshire "
               "Integrated Care Board (BSW ICB) on Thursday. Dr Ann Cole, chief medical officer of BSW ICB, spoke.")
    assert [e.label for e in kg.entities if "ICB" in e.label or "Care Board" in e.label] == \
        ["NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board"]


def test_a_report_a_warning_is_given_in_is_not_warned_about():
    facts = triples(build("Headline\n\nPatients in deprived areas find it harder to be seen, the Care Quality "
                          "Commission has warned in its annual State of Care report."))
    assert not [f for f in facts if f[1] == "warnsAbout"]


def test_a_post_without_a_body_is_none_where_the_speaker_speaks_of_no_body_of_theirs():
    facts = triples(build("Headline\n\nCalderbrook Health runs 30 practices. Chief executive Tom Bell said the union "
                          "was wrong. The company said it would appeal."))
    assert not [f for f in facts if f[1] == "holdsRole"]


def test_a_town_publishes_no_report():
    # the lead paragraph's one 'maker' is a town the model once took for a body: 'their letter' is no report of it
    kg = build("Surgery to close\nBrindleford's oldest practice will shut\n\nMore than 7,000 patients at one of "
               "Brindleford's longest-established GP surgeries will have to move after Elm Street Surgery said it "
               "would close in spring.\n\nThis is the second surgery in Brindleford to close in three years.\n\n"
               "\"Every patient will be registered automatically, and no-one needs to do anything until their letter "
               "arrives,\" said Dr Ann Cole.\n")
    assert not [t for t in triples(kg) if t[1] == "published"]


def test_a_post_after_a_place_is_no_list_of_places():
    # 'in Leeds, Health and Social Care Secretary X': 'Health' and 'Social Care' are words of the post
    kg = build("Headline\n\nSpeaking at the Royal College of General Practitioners' annual conference in Harrogate, "
               "Health and Social Care Secretary Mark Tull said the plan would fund 800 posts.")
    assert {e.label for e in kg.entities if e.type == "Place"} == {"Harrogate"}
    assert ("Mark Tull", "holdsRole", "the Government", "health and social care secretary") in triples(kg)


def test_a_name_that_ends_like_a_newspaper_but_names_a_scheme_is_no_publication():
    kg = build("Headline\n\nHealth and Social Care Secretary Mark Tull said the Next Post scheme would fund 800 "
               "posts. \"Next Post ends that,\" he said.")
    assert {e.type for e in kg.entities if e.label == "Next Post"} == {"Policy"}


@pytest.mark.parametrize(("text", "title", "publisher"), [
    # a briefing is a report, and its title goes on past a colon
    ("The Health Foundation examined 9,000 responses. The think tank's briefing, Left Behind: Access and Funding in "
     "Coastal Towns, was published on Monday.", "Left Behind: Access and Funding in Coastal Towns",
     "Health Foundation"),
    # a month names no report; the title in title case after it does, subtitle and year too
    ("Dr Ann Cole, a fellow at the Nuffield Trust, said the plan was welcome. Cole, who co-wrote the think tank's "
     "March report Running Hot: General Practice in 2026, also said that the worst-hit areas had the least space.",
     "Running Hot: General Practice in 2026", "Nuffield Trust"),
])
def test_a_reports_title_with_a_subtitle_names_it(text, title, publisher):
    kg = build("Headline\n\n" + text)
    assert title in {e.label for e in kg.entities if e.type == "Report"}
    assert (publisher, "published", title, "") in triples(kg)
    assert not [t for t in triples(kg) if t[0] == title and t[1] == "said"]  # the subtitle is no subject


def test_the_network_contract_is_a_policy_not_a_network():
    kg = build("Headline\n\nPrimary care networks were set up in 2019 under the Network Contract Directed Enhanced "
               "Service, part of the national GP contract.")
    assert {e.type for e in kg.entities if e.label == "Network Contract Directed Enhanced Service"} == {"Policy"}


def test_a_list_heading_in_two_sentences_is_the_first_ones_subjects_list():
    # 'The briefing sets out four recommendations ... It says:': the briefing's list, not the body 'It' is nearest to
    kg = build("Headline\n\nThe Health Foundation published its briefing, Left Behind: Access in Coastal Towns, on "
               "Monday. The briefing sets out four recommendations for NHS England and the Department of Health and "
               "Social Care. It says:\n\n- the Carr-Hill formula should be replaced by 2027;\n\n- the Targeted "
               "Enhanced Recruitment Scheme, which offers trainees £20,000, should be expanded;\n\n- continuity of "
               "care should become a headline measure.")
    recommended = {(s, o) for s, p, o, _ in triples(kg) if p == "recommends"}
    report = "Left Behind: Access in Coastal Towns"
    assert {(report, "Carr-Hill formula"), (report, "Targeted Enhanced Recruitment Scheme")} <= recommended
    assert not [s for s, _ in recommended if s != report]


def test_the_press_name_of_gpc_england_is_its_name_not_a_place():
    # 'the BMA's GP committee in England' names GPC England; it says nowhere the committee is
    facts = triples(build("Headline\n\nThe BMA's GP committee in England has warned that the requirement could "
                          "leave practices swamped."))
    assert ("GPC England", "partOf", "British Medical Association", "") in facts
    assert not [f for f in facts if f[1] == "locatedIn"]


def test_the_pcn_after_a_named_network_is_that_network():
    # 'the PCN' as a body is the network the page named; as a modifier ('the PCN DES') it is not
    kg = build("Headline\n\nTeme Valley Primary Care Network has picked Larkspur Health's triage platform. For the "
               "PCN, the decision was about workload. Its clinical director, Dr Ravi Okoro, said the network ran an "
               "open procurement. The PCN DES pays for the staff.")
    facts = triples(kg)
    assert ("Ravi Okoro", "holdsRole", "Teme Valley Primary Care Network", "clinical director") in facts
    assert "PCN DES" in {e.label for e in kg.entities}


def test_working_with_in_a_speakers_we_is_their_bodys():
    facts = triples(build("Headline\n\nClaire Hobbs, director of primary care at NHS Lincolnshire Integrated Care "
                          "Board, said: \"We are working closely with the partners and with Lincolnshire Local Medical "
                          "Committee to make sure there is no gap in care.\""))
    assert ("NHS Lincolnshire Integrated Care Board", "worksWith", "Lincolnshire Local Medical Committee", "") in facts
    assert not [f for f in facts if f[0] == "Claire Hobbs" and f[1] == "worksWith"]


def test_what_is_taken_over_from_a_body_is_not_that_body():
    kg = build("Headline\n\nAshby Health will take over the service from Kestrel Urgent Care on 1 April.")
    assert not [t for t in triples(kg) if t[1] == "tookOver"]


def test_a_description_of_a_kind_is_no_scheme_named_without_its_words():
    # 'the out-of-hours service' is not NHS 111, the one service the page names
    kg = build("Calls will still arrive through NHS 111. The Healthwatch said it welcomed the out-of-hours service.")
    assert not [t for t in triples(kg) if t[2] == "NHS 111"]


def test_a_body_in_a_relative_clause_on_what_is_funded_is_not_funded():
    kg = build("Meridian Health has pledged £2.5m for a refurbishment of the old surgery, which the Care Quality "
               "Commission rated \"requires improvement\" in 2023.")
    assert not [t for t in triples(kg) if t[1] == "funds" and t[2] == "Care Quality Commission"]


@pytest.mark.parametrize("text,speaker,words", [
    ("Practices should be paid by population, according to the King's Fund.", "King's Fund",
     "Practices should be paid by population"),
    ("Scrap the QOF and pay practices by population, says Healthwatch England", "Healthwatch England",
     "Scrap the QOF and pay practices by population"),
    # a source's apposition is no part of what it said
    ("According to Dr Ann Lee, chair of Kent LMC, half of practices are not ready.", "Ann Lee",
     "half of practices are not ready"),
    ("According to Primary Care Matters, a report the Health Foundation published in May, the share has fallen.",
     "Primary Care Matters", "the share has fallen"),
])
def test_a_source_named_after_the_words_said_them(text, speaker, words):
    assert (speaker, "said", words, "") in triples(build(text))


@pytest.mark.parametrize("text,expected", [
    ("The QOF should be scrapped, according to a report by the Health Foundation.",
     ("Health Foundation report", "recommends", "Quality and Outcomes Framework", "scrap")),
    ("Dr Sarah Jones said practices must adopt the partnership model.",
     ("Sarah Jones", "recommends", "GP partnership model", "adopt")),
])
def test_what_someone_says_should_be_done_is_their_recommendation(text, expected):
    assert expected in triples(build(text))


@pytest.mark.parametrize("text,report,maker", [
    ("Primary Care Matters, a report by the Health Foundation, found a widening gap.", "Primary Care Matters",
     "Health Foundation"),
    ("Fair Shares, the Nuffield Trust's latest analysis, found that practices in poorer areas get less.", "Fair Shares",
     "Nuffield Trust"),
    ("Primary Care Matters, a report the Health Foundation published in May, found a gap.", "Primary Care Matters",
     "Health Foundation"),
])
def test_a_report_phrase_after_a_title_is_that_report_and_says_who_made_it(text, report, maker):
    kg = build(text)
    assert (maker, "published", report, "") in triples(kg)
    assert [e.label for e in kg.entities if e.type == "Report"] == [report]


def test_what_is_warned_of_is_no_merit():
    kg = build("Headline\n\nDr Fiona Grieve, chair of Devon LMC, warned that a salaried service would hand control "
               "of general practice to integrated care boards.")
    stances = {(s, p, o) for s, p, o, _ in triples(kg) if o == "salaried service"}
    assert stances == {("Fiona Grieve", "warnsAbout", "salaried service")}


def test_a_verb_after_but_goes_on_from_the_main_clause_not_the_condition():
    kg = build("Headline\n\nGP representatives have voted to ready the profession for renewed collective action if "
               "the government fails to agree a new contract, but firmly rejected a call for the BMA to explore a "
               "national salaried service.")
    assert not [t for t in triples(kg) if t[0] == "the Government" and t[1] == "opposes"]


def test_what_should_not_be_done_is_no_recommendation():
    assert not [t for t in triples(build("The BMA said the PMS contract should not be scrapped.")) if t[1] == "recommends"]


def test_a_named_apposition_the_parser_leaves_without_a_verb_still_urges():
    facts = triples(build("Healthwatch England said patients wait too long. Its chief executive, Louise Ansari, "
                          "called on NHS England to publish waiting times for every practice."))
    assert ("Louise Ansari", "urges", "NHS England", "") in facts


def test_words_said_keep_the_closing_mark_of_a_quotation_they_open():
    said = {o for s, p, o, _ in triples(build(
        'Professor Ann Holt, who chairs the Royal College of GPs, told the BBC that the deadline was "unrealistic".'))
        if p == "said"}
    assert said == {'the deadline was "unrealistic"'}


def test_a_scare_quote_is_not_all_that_was_said():
    said = {o for s, p, o, _ in triples(build("The BMA argued that the new deal was a ‘betrayal’ of general practice."))
            if p == "said"}
    assert any(o.startswith("the new deal was") for o in said), said


def test_a_quoted_title_is_nobodys_words():
    said = {o for s, p, o, _ in triples(build(
        "The Health Foundation's report, ‘Fixing the front door’, argued that practices need more staff."))
        if p == "said"}
    assert said and not any("Fixing the front door" in o for o in said), said


def test_a_columnists_unmarked_criticism_is_theirs_and_their_narration_is_not_praise():
    facts = triples(build("Why networks deserve a second chance\n\nBy Dr Ann Lee\n\nI think the NHS App has been a "
                          "success. But the PCN DES is a bureaucratic nightmare. NHS England promised the app would "
                          "transform care."))
    assert ("Ann Lee", "criticises", "PCN DES", "") in facts
    assert ("Ann Lee", "supports", "NHS App", "") in facts
    assert not [f for f in facts if f[0] == "Ann Lee" and f[2] == "NHS England"]


def test_a_reporters_article_is_not_a_column():
    facts = triples(build("Networks under strain\n\nBy Ann Lee\n\nThe PCN DES is a bureaucratic nightmare, "
                          "practices said."))
    assert not [f for f in facts if f[0] == "Ann Lee" and f[1] == "criticises"]


def test_negated_stance_is_not_a_stance():
    facts = triples(build("The British Medical Association did not criticise the GMS contract."))
    assert not any(p == "criticises" for _, p, _, _ in facts)


def test_quote_continuation_keeps_the_speaker():
    text = ("Dr Ravi Patel, chair of Leeds LMC, said: \u2018Practices are at breaking point.\u2019\n\n"
            "\u2018We need investment now, not another review of the contract.\u2019")
    said = [o for s, p, o, _ in triples(build(text)) if p == "said" and s == "Ravi Patel"]
    assert any("investment now" in o for o in said), said


def test_recommendations_from_a_list_under_a_heading():
    text = ("The Health Foundation published a report on general practice today.\n\n"
            "Recommendations made by the report included:\n\n"
            "  \u2022 Changes to the QOF with more money for prevention;\n\n"
            "  \u2022 A new PMS contract for practices in deprived areas.")
    recommended = {o for s, p, o, _ in triples(build(text)) if p == "recommends"}
    assert {"Quality and Outcomes Framework", "PMS contract"} <= recommended


def test_recommendations_made_to_a_body_are_the_makers_and_a_reform_is_said():
    text = ("The King's Fund makes three recommendations to the government and NHS England:\n\n"
            "- Reform of the Quality and Outcomes Framework to free practices from box-ticking.\n"
            "- A new PMS contract for practices in deprived areas.")
    recommends = {(s, o, q) for s, p, o, q in triples(build(text)) if p == "recommends"}
    assert recommends == {("King's Fund", "Quality and Outcomes Framework", "reform"),
                          ("King's Fund", "PMS contract", "")}


def test_recommendations_made_by_no_one_named_are_not_the_addressees():
    text = ("The authors make three recommendations to the government:\n\n"
            "- A new PMS contract for practices in deprived areas.")
    assert not [f for f in triples(build(text)) if f[1] == "recommends"]


def test_the_items_of_a_plan_are_planned_by_its_maker():
    facts = triples(build("Access plan\n\nThe Department of Health and Social Care has published a plan for "
                          "access.\n\nThe plan includes:\n\n  • A new booking service through the NHS App;\n  • "
                          "Changes to the Quality and Outcomes Framework.\n"))
    dhsc = "Department of Health and Social Care"
    assert {(dhsc, "plans", "NHS App", ""), (dhsc, "plans", "Quality and Outcomes Framework", "")} <= facts
    assert not [f for f in facts if f[1] == "recommends"]


def test_pronoun_subject_resolves_to_the_organisation():
    text = "Reform published a paper on the GP contract. It also recommended scrapping the QOF."
    assert any(p == "recommends" and o == "Quality and Outcomes Framework" and s.startswith("Reform")
               for s, p, o, _ in triples(build(text)))


def test_definite_description_resolves_inside_the_document_only():
    kg = build("Leeds Teaching Hospitals NHS Trust runs the vanguard. The trust welcomed the GP contract.",
               "The trust welcomed the PMS contract.")
    facts = triples(kg)
    assert ("Leeds Teaching Hospitals NHS Trust", "welcomes", "GP contract", "") in facts
    assert not any(o == "PMS contract" for _, _, o, _ in facts)


def test_first_person_opinion_is_the_authors():
    text = ("Personally, I think the best answer for patients is sustained support for the partnership model.\n\n"
            "Sam Jones is editor of Pulse.")
    assert ("Sam Jones", "supports", "GP partnership model", "") in triples(build(text))


# words VADER's general lexicon lacks, valued in the domain lexicon's `polarity`: without them each sentence
# scores neutral and no fact is drawn
DOMAIN_POLARITY = [
    ("Personally, I think the PCN DES is unworkable and underfunded.", "Sam Jones", "criticises",
     "PCN DES"),
    ("In my view the new ARRS scheme is a shambles.", "Sam Jones", "criticises",
     "Additional Roles Reimbursement Scheme"),
    ("Personally, I think the PCN DES has decimated general practice.", "Sam Jones", "criticises", "PCN DES"),
    ("In my view Operose Health is skimming off the cream.", "Sam Jones", "criticises", "Operose Health"),
    # 'Trust' is a name here, not a word of praise: the clause is scored without the names in it
    ("Comments (1)\n\nGP Partner 2 May, 2024 8:00 am\n\nThe Nuffield Trust are a bunch of grifters.",
     "GP Partner", "criticises", "Nuffield Trust"),
    ("Comments (1)\n\nLocum Lou 2 May, 2024 8:00 am\n\nOperose Health is cherry-picking patients and "
     "asset-stripping practices.", "Locum Lou", "criticises", "Operose Health"),
    # one strong word of blame is enough in a comment
    ("Comments (1)\n\nConcerned Locum 18 July, 2025 8:30 am\n\nThe CQC has been a disgrace throughout this affair.",
     "Concerned Locum", "criticises", "Care Quality Commission"),
    ("Comments (1)\n\nPractice Manager Mo 18 July, 2025 9:10 am\n\nThe Nuffield Trust did a hatchet job on general practice.",
     "Practice Manager Mo", "criticises", "Nuffield Trust"),
    # a verdict read in its own words, hyphens kept ('box-ticking'); 'outlived its usefulness', 'a relic'
    ('Dr Fenella Marwick described QOF as "a box-ticking exercise that has outlived its usefulness".', "Fenella Marwick",
     "criticises", "Quality and Outcomes Framework"),
    # the register of policy criticism: 'paltry', 'rebadging', 'gimmick'
    ("Personally, I think the ARRS uplift is paltry and the new PCN DES a rebadging exercise.", "Sam Jones",
     "criticises", "PCN DES"),
    ("Comments (1)\n\nJaded Partner 18 July, 2025 9:10 am\n\nQOF is an undeliverable gimmick.",
     "Jaded Partner", "criticises", "Quality and Outcomes Framework"),
]


@pytest.mark.parametrize("sentence, holder, relation, target", DOMAIN_POLARITY)
def test_domain_words_of_criticism_count_as_criticism(sentence, holder, relation, target):
    if sentence.startswith("Comments"):
        text = "Practices face another hard winter.\n\n" + sentence
    else:
        text = sentence + "\n\nSam Jones is editor of Pulse."
    assert (holder, relation, target, "") in triples(build(text))


def test_a_clause_beside_the_targets_does_not_colour_the_verdict_on_it():
    # the praise is of the practices, in a clause of its own; the verdict on the PCN DES is the clause it is in
    text = ("Practices face another hard winter.\n\nComments (1)\n\nDr Grumpy 2 May, 2024 8:00 am\n\n"
            "Sadly the best and happiest practices were small, the ICB brutally destroyed them with the PCN DES.")
    assert ("Dr Grumpy", "criticises", "PCN DES", "") in triples(build(text))


def test_a_verdict_on_a_report_named_after_someone_is_not_on_them():
    text = ("Professor Ann Holt led the review of practice funding.\n\nComments (1)\n\nPartner Pat 2 May, 2024 "
            "8:00 am\n\nThe Holt review did a hatchet job on general practice.")
    verdicts = {(s, o) for s, p, o, _ in triples(build(text)) if p == "criticises"}
    # (the Holt review is the review of practice funding she led, by its own name)
    assert ("Partner Pat", "review of practice funding") in verdicts and ("Partner Pat", "Ann Holt") not in verdicts


def test_the_domain_polarity_words_are_what_vader_lacks():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from kg.lexicon import load_lexicon

    plain = SentimentIntensityAnalyzer().lexicon
    polarity = load_lexicon().polarity
    assert len(polarity) >= 30 and not set(polarity) & set(plain)
    assert all(-4 <= valence < 0 for valence in polarity.values())



def test_the_domain_neutral_words_are_vaders_and_carry_no_valence_here():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from kg.extractors.opinion import polarity
    from kg.lexicon import load_lexicon

    neutral = load_lexicon().neutral
    assert {"care", "trust"} <= neutral <= set(SentimentIntensityAnalyzer().lexicon)
    assert polarity("patients could still get urgent care through the trust") == 0


def test_comment_claims_are_credited_to_the_commenter_and_kept_in_the_comment_section():
    text = ("NHS England has published a new plan for primary care networks.\n\n"
            "Comments (1)\n\n"
            "Jane Doe 1 May, 2023 9:00 am\n\n"
            "NHS England is a disgrace and its dreadful plan will destroy general practice.")
    kg = build(text)
    labels = {e.key: e.label for e in kg.entities}
    facts = [f for f in kg.facts if labels[f.subject] == "Jane Doe"]
    assert facts and all(f.sentence.section == "comment" for f in facts)
    assert any(f.predicate == "criticises" and labels[f.object] == "NHS England" for f in facts)


def test_surname_and_acronym_resolve_to_one_entity_with_aliases():
    kg = build("Dr Nikki Kanani of NHS England spoke on Monday. Kanani said NHSE would publish the plan.")
    people = [e for e in kg.entities if e.type == "Person"]
    assert [p.label for p in people] == ["Nikki Kanani"]
    assert "Kanani" in people[0].aliases
    nhse = [e for e in kg.entities if e.label == "NHS England"]
    assert len(nhse) == 1 and "NHSE" in nhse[0].aliases


RESOLUTION = [
    # an acronym with a plural s is the organisation the acronym names
    ("NHS England published the plan. GPs said NHSEs plans were unworkable.", "NHS England", "NHSEs"),
    # an epithet before a policy already named in the document does not make a second policy
    ("The BMA welcomed the funding package. It called the funding package a start, and said a comprehensive "
     "funding package was needed.", "funding package", "comprehensive funding package"),
    # a year's offer named more briefly is the fuller name of that year's offer
    ("Delegates rejected the 2027/28 contract offer. Dr Ann Cole said the 2027/28 GP contract offer fell short. "
     "NHS England said the offer for 2027/28 was fair.", "2027/28 GP contract offer", "offer for 2027/28"),
    # an integrated care board by its place and 'ICB' is the board by its full name on the same page
    ("The global sum we receive from NHS Rutland Integrated Care Board went up. Rutland ICB has said nothing.",
     "NHS Rutland Integrated Care Board", "Rutland ICB"),
    ("Rutland ICB said nothing. NHS Rutland said it would consult.", "Rutland ICB", "NHS Rutland"),
]


def test_a_years_deal_and_offer_in_one_document_are_one_bargain_by_its_fullest_name():
    kg = build("GPs reject deal\n\nNHS England insists the 2027/28 deal is the best available. GP leaders have rejected "
               "NHS England's contract offer for 2027/28. NHS England said the 2026/27 settlement had added £900m.")
    policies = sorted(e.label for e in kg.entities if e.type == "Policy")
    assert policies == ["2026/27 settlement", "contract offer for 2027/28"]


def test_a_years_contract_is_neither_its_offer_nor_every_years_contract():
    kg = build("Dr Ann Cole said the GP contract needed reform. The 2027/28 GP contract added £900m, but the 2028/29 "
               "GP contract offer fell short.")
    policies = sorted(e.label for e in kg.entities if e.type == "Policy")
    assert policies == ["2027/28 GP contract", "2028/29 GP contract offer", "GP contract"]


@pytest.mark.parametrize("text, label, alias", RESOLUTION, ids=[a for _, _, a in RESOLUTION])
def test_resolution_merges_variants(text, label, alias):
    kg = build(text)
    holders = [e for e in kg.entities if alias in e.aliases or e.label == alias]
    assert [e.label for e in holders] == [label]
    assert any(m.alias == alias for m in holders[0].merges) or alias in holders[0].aliases


def test_merges_record_their_rule():
    kg = build("Dr Nikki Kanani of NHS England spoke on Monday. Kanani said NHSE would publish the plan.")
    person = next(e for e in kg.entities if e.label == "Nikki Kanani")
    assert {(m.alias, m.rule) for m in person.merges} == {("Kanani", "surname")}


MORE_ACTIONS = [
    ("Operose Health has won £300m of NHS contracts in London.",
     ("Operose Health", "wonContract", "NHS", "£300m")),
    ("Leeds Teaching Hospitals NHS Trust was the first to offer the NHS App in Yorkshire.",
     ("Leeds Teaching Hospitals NHS Trust", "offers", "NHS App", "")),
    ("Critics attacked the Department of Health and Social Care’s controversial workforce plan.",
     ("Department of Health and Social Care", "published", "workforce plan", "")),
    ("Patients praised the Nuffield Trust’s new care model.",
     ("Nuffield Trust", "operates", "care model", "")),
    # partnership, and working together short of one: only with 'with'
    ("Babylon said it was working closely with Hammersmith and Fulham CCG.",
     ("Babylon", "worksWith", "Hammersmith and Fulham CCG", "")),
    ("The Nuffield Trust has partnered with the King's Fund on the review.",
     ("Nuffield Trust", "partnerOf", "King's Fund", "")),
    ("The BMA collaborated with the RCGP on the guidance.",
     ("British Medical Association", "worksWith", "Royal College of General Practitioners", "")),
]


@pytest.mark.parametrize("text", [
    "Operose Health works in London and works for NHS England.",  # place and employer, not partners
    "Dr Priya Shah works with NHS England.",  # a person working with an organisation is not a partnership
    "The BMA refused to work with NHS England on the contract.",  # refusing to work with is not working with
])
def test_working_together_is_only_between_organisations_and_with_with(text):
    assert not any(p in ("partnerOf", "worksWith") for _, p, _, _ in triples(build(text)))


@pytest.mark.parametrize("text, expected", MORE_ACTIONS, ids=[e[0] + " " + e[1] for _, e in MORE_ACTIONS])
def test_more_actions(text, expected):
    assert expected in triples(build(text))


def test_money_is_structured_on_the_fact():
    kg = build("Virgin Care has won £1.2bn of NHS contracts.")
    [fact] = [f for f in kg.facts if f.predicate == "wonContract"]
    assert (fact.amount.currency, fact.amount.value) == ("GBP", 1_200_000_000)


def test_post_named_before_the_person_is_theirs():
    text = ("Speaking to Pulse, the clinical director of Livi has defended the service against its critics.\n\n"
            "Anil Mehta said the company had grown quickly.")
    facts = triples(build(text))
    assert ("Anil Mehta", "holdsRole", "Livi", "clinical director") in facts


def test_post_description_is_not_given_to_a_person_in_its_own_sentence():
    text = ("The chief executive of Livi met Dr Sara Khan on Monday.\n\n"
            "Anil Mehta said the meeting went well.")
    assert not any(p == "holdsRole" and s == "Anil Mehta" for s, p, _, _ in triples(build(text)))


def test_the_service_is_the_programme_named_before():
    text = "NHS England launched the NHS App in 2019. The BMA has criticised the service since."
    assert ("British Medical Association", "criticises", "NHS App", "") in triples(build(text))


def test_negative_epithet_is_the_speakers_verdict():
    text = ("Practices are still living with the disastrous PMS contract of 2019.\n\n"
            "Sam Jones is editor of Pulse.")
    assert ("Sam Jones", "criticises", "PMS contract", "") in triples(build(text))


def test_descriptive_adjectives_are_not_support():
    text = "The true cost of the GP contract is rising.\n\nSam Jones is editor of Pulse."
    assert not any(p == "supports" for _, p, _, _ in triples(build(text)))


def test_kind_word_and_quoted_name_make_an_entity_and_adjacent_verb_a_fact():
    kg = build("Website ‘DoctorWatch’ rate Operose Health as ‘poor’, the lowest of five grades.")
    assert ("DoctorWatch", "Publication") in {(e.label, e.type) for e in kg.entities}
    assert ("DoctorWatch", "rates", "Operose Health", "poor") in triples(kg)


NEWER = [
    ("Papers from Leeds CCG have shown that there are concerns about paying for the NHS App.",
     ("Leeds CCG", "warnsAbout", "NHS App", "")),
    ("The Livi service has precipitated changes to the PMS contract in Kent.",
     ("Livi", "causedChangeTo", "PMS contract", "")),
    ("Dr Hannah Price and Tom Green wrote an essay for the BMJ last week.",
     ("Tom Green", "wroteFor", "BMJ", "")),
    ("That came out in our interview with the RCGP chair, Dr Lena Ortiz.\n\nSam Jones is editor of Pulse.",
     ("Lena Ortiz", "quotedIn", "Pulse", "")),
]


@pytest.mark.parametrize("text, expected", NEWER, ids=[e[1] for _, e in NEWER])
def test_newer_rules(text, expected):
    assert expected in triples(build(text))


def test_a_national_post_is_the_articles_one_unposted_person():
    # the post's organisation is linked only where the corpus names it: no node comes from the lexicon alone
    text = ("The health secretary has backed the GP contract the Government agreed with the BMA.\n\n"
            "In a speech on Monday, Wes Streeting said practices would get more money.")
    assert ("Wes Streeting", "holdsRole", "the Government", "health secretary") in triples(build(text))


def test_a_national_post_is_not_the_next_sentences_responder_who_has_a_profession():
    text = ("The health secretary set out the plan on Monday.\n\n"
            "Dr Ann Lee, a GP in Leeds, said the plan was a gimmick.")
    assert not any(p == "holdsRole" for _, p, _, _ in triples(build(text)))


def test_two_national_posts_in_one_article_resolve_neither():
    text = ("The health secretary wrote to the prime minister about the GP contract.\n\n"
            "Wes Streeting said practices would get more money.")
    assert not any(p == "holdsRole" for _, p, _, _ in triples(build(text)))


@pytest.mark.parametrize("text, about", [
    ("Dr Farah Jameel said: ‘NHS England has broken its promise on the GMS contract.’",
     ["NHS England", "GMS contract"]),
    # named only in the sentence that reports the quotation, not in the quoted words
    ("Asked about the GMS contract, Dr Farah Jameel said: ‘It is out of date.’", ["GMS contract"]),
    ("Dr Farah Jameel said the BMA would fight the GMS contract, calling it ‘a betrayal’.",
     ["British Medical Association", "GMS contract"]),
    # the speaker is not what she talks about
    ("Dr Farah Jameel said: ‘I have said it before.’", []),
])
def test_a_quotation_is_about_the_entities_it_or_its_sentence_names(text, about):
    kg = build(text)
    [quote] = [f for f in kg.facts if f.predicate == "said"]
    labels = {e.key: e.label for e in kg.entities}
    assert [labels[k] for k in quote.about] == about


SESSION_RULES = [
    # the field of a post in an apposition after the name, and a relative 'who' hung on the post's last noun
    ("We spoke to Dr Lena Ortiz, national director for urgent care at NHS England, who told us: “The plan "
     "gives practices time. We will keep talking to the profession.”",
     {("Lena Ortiz", "holdsRole", "NHS England", "national director for urgent care")}),
    # appointed, named or elected to a post is holding it
    ("Dr Omar Reid was appointed chief executive of the Nuffield Trust in 2024.",
     {("Omar Reid", "holdsRole", "Nuffield Trust", "chief executive")}),
    ("Dr Omar Reid, who was named chair of Leeds LMC last year, said the offer was poor.",
     {("Omar Reid", "holdsRole", "Leeds LMC", "chair")}),
    # who leads an organisation heads it, in the post a clause on them names
    ("The federation, Solent GP Alliance, is led by Dr Ruth Kane, who was appointed chief executive in 2022.",
     {("Ruth Kane", "holdsRole", "Solent GP Alliance", "chief executive")}),
    ("Dr Ruth Kane, who leads the Health Foundation, welcomed the plan.",
     {("Ruth Kane", "holdsRole", "Health Foundation", "leader")}),
    # a predecessor held the posts the text gave the person whose predecessor they are
    ("Health secretary Wes Streeting said the Government would reform the contract. His predecessor, Victoria "
     "Atkins, promised much the same.",
     {("Victoria Atkins", "holdsRole", "the Government", "former health secretary")}),
    # a report written by someone
    ("The Health Foundation published a report on the GP workforce. The report was written by senior fellow "
     "Nina Holt.", {("Nina Holt", "authored", "report on the GP workforce", "")}),
    # a participle of warning after a call: what the warning is about is no recommendation
    ("A report by the Health Foundation has called on ministers to publish a workforce plan, warning that the "
     "QOF is failing patients.",
     {("Health Foundation report", "warnsAbout", "Quality and Outcomes Framework", "")}),
    # an ICB by the name it goes by: NHS and a place
    ("NHS Kent and Medway has borrowed £3m from NHS England.",
     {("NHS Kent and Medway", "borrowsFrom", "NHS England", "£3m")}),
]


def test_a_call_and_a_warning_are_not_a_recommendation_of_what_is_warned_about():
    facts = triples(build("A report by the Health Foundation has called on ministers to publish a workforce plan, "
                          "warning that the QOF is failing patients."))
    assert not {f for f in facts if f[1] == "recommends" and f[2] == "Quality and Outcomes Framework"}


def test_a_bargain_agreed_with_someone_is_not_support_for_them():
    facts = triples(build("The deal\n\nBy Ann Lowe\n\nThe deal that the RCGP agreed with NHS England last week is fair."))
    assert not {f for f in facts if f[1] == "supports"}


def test_a_pronoun_after_a_noun_with_a_relative_clause_is_that_noun_not_a_name_in_the_clause():
    # 'it' is the deal, not the College or NHS England named in the clause that describes it
    facts = triples(build("The deal\n\nBy Ann Lowe\n\nI welcome the deal that the RCGP agreed with NHS England "
                          "last week, but I fear it will not stop the exodus of GP partners."))
    assert not {f for f in facts if f[1] in ("supports", "warnsAbout")}


def test_list_items_copied_without_bullets_are_still_items():
    text = ("The Health Foundation published a report on general practice today.\n\n"
            "Other recommendations made by the report included:\n\n"
            "A national retention scheme for older GPs;\n\n"
            "Changes to the QOF with more money for prevention;\n\n"
            "A new PMS contract for practices in deprived areas.\n\n"
            "NHS England said it would consider the GMS contract.")
    recommended = {o for s, p, o, _ in triples(build(text)) if p == "recommends"}
    assert {"Quality and Outcomes Framework", "PMS contract"} <= recommended
    assert "GMS contract" not in recommended  # the list ended with the item that ends in a full stop


@pytest.mark.parametrize("text, absent", [
    ("The new teams are a Trojan horse for trusts taking over practices.", "Trojan"),
    ("General practice has long been a Cinderella service.", "Cinderella"),
])
def test_a_name_used_as_a_figure_of_speech_is_not_a_person(text, absent):
    assert absent not in {e.label for e in build(text).entities}


@pytest.mark.parametrize("text, name, kind", [
    ("NHS Greater Manchester said practices would get more money.", "NHS Greater Manchester", "GovernmentBody"),
    ("The NHS Pension Scheme is a problem for GP partners.", "NHS Pension Scheme", "Policy"),
])
def test_nhs_and_a_place_is_an_icb_and_nhs_and_anything_else_is_not(text, name, kind):
    assert (name, kind) in {(e.label, e.type) for e in build(text).entities}


@pytest.mark.parametrize("comment, expected", [
    ("The Nuffield Trust is right for once.", {("Rural GP", "supports", "Nuffield Trust", "")}),
    ("Is the Nuffield Trust right?", set()),
    ("The Nuffield Trust is not right about this.", set()),
])
def test_saying_someone_is_right_is_agreeing_with_them(comment, expected):
    text = ("Think tank backs salaried model\n\nBy Ann Lowe\n\nThe Nuffield Trust said practices need more staff.\n\n"
            "Comments (1)\n\nRural GP 16 January, 2026 8:40 am\n\n" + comment + "\n")
    supports = {f for f in triples(build(text)) if f[1] == "supports"}
    assert supports == expected


LATER_RULES = [
    # 'ORG, whose ROLE is PERSON'
    ("The Patients Association, whose chief executive is Rachel Evans, said waits were too long.",
     {("Rachel Evans", "holdsRole", "Patients Association", "chief executive")}),
    # a plural post in apposition to coordinated people is each one's; both said what they said together
    ("Dr Amir Shah and Dr Jo Lin, the partners at Elm Tree Surgery, said they could not recruit a GP.",
     {("Amir Shah", "holdsRole", "Elm Tree Surgery", "partner"), ("Jo Lin", "holdsRole", "Elm Tree Surgery", "partner"),
      ("Amir Shah", "said", "they could not recruit a GP", ""), ("Jo Lin", "said", "they could not recruit a GP", "")}),
    # a bare spokesperson speaks for the organisation just named
    ("The Department of Health and Social Care said it would respond in due course. A spokesperson said: "
     "“We have already recruited 1,500 GPs.”",
     {("Department of Health and Social Care", "said", "We have already recruited 1,500 GPs.", "")}),
    # a funding formula is a policy, not who calls on NHS England
    ("Its chair, Dr Eve Hart, said the Carr-Hill formula “does not reflect deprivation” and called on NHS England "
     "to review it.", {("Eve Hart", "urges", "NHS England", "")}),
]


def test_a_singular_post_after_two_names_is_only_the_second_ones():
    facts = triples(build("Headline\n\nDr Amir Shah and Dr Jo Lin, chair of Leeds LMC, said it was hard."))
    assert ("Jo Lin", "holdsRole", "Leeds LMC", "chair") in facts
    assert not {f for f in facts if f[0] == "Amir Shah" and f[1] == "holdsRole"}


EVEN_LATER_RULES = [
    # a hyphenated post leaves the speaker in apposition deeper in the subject
    ("Campaign group Patients First condemned the deal. Its co-chair, Dr Tom Reilly, said the sale showed that "
     "“our GP services are being traded”.", {("Tom Reilly", "said", "our GP services are being traded", "")}),
    # a place or nation before the post is part of it; managing directors manage
    ("Kestrel Health has bought the practices. Kestrel Health said it would invest £5m.\n\nIts UK managing "
     "director, Jane Ford, said: “We are committed to general practice.”",
     {("Jane Ford", "holdsRole", "Kestrel Health", "UK managing director")}),
    # handing over a sum funds its recipient
    ("NHS England will give primary care networks an extra £300m this year.",
     {("NHS England", "funds", "primary care networks", "£300m")}),
    # the reported clause runs to the sentence's end whatever the parser hangs its last words on
    ("Dr Ann Lee said she would give the matter some thought.",
     {("Ann Lee", "said", "she would give the matter some thought", "")}),
]


NIGHT_RULES = [
    # a time word between the verb and the post
    ("Dr Imran Aziz, who is now medical director of Castlegate Health, said the model worked.",
     {("Imran Aziz", "holdsRole", "Castlegate Health", "medical director")}),
    # the field of a post after an organisation's possessive
    ("Dr Lucy Grant, the CQC's chief inspector of adult social care, said homes had improved.",
     {("Lucy Grant", "holdsRole", "Care Quality Commission", "chief inspector of adult social care")}),
    # a lead of a field
    ("Wessex LMC said the plan would fail. Its workforce lead, Dr Ian Bell, said practices could not recruit.",
     {("Ian Bell", "holdsRole", "Wessex LMC", "workforce lead")}),
    # who appoints gives the post
    ("Modality Partnership has appointed a new medical director, Dr Sara Khan.",
     {("Sara Khan", "holdsRole", "Modality Partnership", "new medical director")}),
    ("Kestrel Health appointed Dr Leo Park as chief executive in March.",
     {("Leo Park", "holdsRole", "Kestrel Health", "chief executive")}),
    # a sum raised from someone is their funding
    ("Docly Health raised £12m from investment firm Northzone last year.",
     {("Northzone", "funds", "Docly Health", "£12m")}),
    # 'the company' is the organisation the page has named most, when the model typed none a company
    ("Kestrel Health was founded in 2019 by Dr Amy Lowe. The company raised £5m from investment firm Northzone.",
     {("Northzone", "funds", "Kestrel Health", "£5m")}),
    # a hyphenated town is one word of the name it is in
    ("Healthwatch Stockton-on-Tees welcomed the review. Its chair, Dr Ruth Hale, said patients had waited too long.",
     {("Ruth Hale", "holdsRole", "Healthwatch Stockton-on-Tees", "chair")}),
    # who is replaced held the post; who succeeds takes it
    ("Dr Omar Patel has been appointed medical director of Kestrel Health, replacing Dr Jane Fox.",
     {("Jane Fox", "holdsRole", "Kestrel Health", "former medical director"),
      ("Omar Patel", "holdsRole", "Kestrel Health", "medical director")}),
    ("Wessex LMC said its chair, Dr Ian Bell, would retire in May. He will be succeeded by Dr Ruth Hale.",
     {("Ruth Hale", "holdsRole", "Wessex LMC", "incoming chair")}),
    ("Dr Lucy Grant, formerly of the Nuffield Trust, said the plan would fail.",
     {("Lucy Grant", "holdsRole", "Nuffield Trust", "former")}),
    # a stance in the passive is the agent's
    ("Kestrel Health was criticised by Devon LMC.", {("Devon LMC", "criticises", "Kestrel Health", "")}),
    # a government the sentence names is the one a minister's post is in
    ("The Welsh Government will give practices an extra £12m, health minister Rhian Evans has announced.",
     {("Rhian Evans", "holdsRole", "Welsh Government", "health minister")}),
    # a lexicon name with a nation after it is one name, whatever its head word
    ("The Royal College of GPs Wales welcomed the plan. Its chair, Dr Sian Hughes, said it was overdue.",
     {("Sian Hughes", "holdsRole", "Royal College of GPs Wales", "chair")}),
    # two posts joined by 'and' in an apposition
    ("Dr Ravi Shah, GP and clinical lead at Modality Partnership, said the hub worked.",
     {("Ravi Shah", "holdsRole", "Modality Partnership", "GP and clinical lead")}),
    # a reported clause ends before the 'but' that joins a second verb of speech, which says its own words
    ("Dr Ann Lee said the pilot had worked but warned that rural practices would struggle.",
     {("Ann Lee", "said", "the pilot had worked", ""),
      ("Ann Lee", "said", "rural practices would struggle", "")}),
    # 'an analysis by X, which warns that...': X's analysis, named without the clause; 'which' is X speaking
    ("Practices are closing, according to an analysis by the Nuffield Trust, which warns that rural areas will be "
     "hit hardest.",
     {("Nuffield Trust", "published", "Nuffield Trust analysis", ""),
      ("Nuffield Trust", "said", "rural areas will be hit hardest", "")}),
    # a sentence's linking word is no part of the name after it
    ("But Wessex LMC rejected the plan. Its chair, Dr Ian Bell, said it would fail.",
     {("Ian Bell", "holdsRole", "Wessex LMC", "chair")}),
]


DAWN_RULES = [
    # 'she' after an unnamed spokesperson is the spokesperson, for the organisation of the kind the page names
    ("Northfield NHS Trust will take over the practice, Dr Lena Moss said. A trust spokeswoman said staff would "
     "stay. \"Patients will be looked after,\" she said.",
     {("Northfield NHS Trust", "said", "Patients will be looked after", "")}),
    # a post joined to another by 'and', each with its time word
    ("Kestrel Health has closed. Its co-founder and former medical director, Dr Ivo Lang, left in May.",
     {("Ivo Lang", "holdsRole", "Kestrel Health", "co-founder and former medical director")}),
    # 'ORG, whose chair X': a post before the name
    ("The plan was backed by Healthwatch Devon, whose chair Tom Reed said it was overdue.",
     {("Tom Reed", "holdsRole", "Healthwatch Devon", "chair")}),
    # a first post and where it is held, then the post in the organisation
    ("Dr Ada Quinn, a salaried GP in Leeds and member of the RCGP council, said pay had fallen.",
     {("Ada Quinn", "holdsRole", "Royal College of General Practitioners", "member")}),
    ("Dr Ada Quinn is a GP partner at Elm Surgery in Otley, West Yorkshire, and a member of Leeds LMC.",
     {("Ada Quinn", "holdsRole", "Elm Surgery", "GP partner"), ("Ada Quinn", "holdsRole", "Leeds LMC", "member")}),
    # 'blamed X' is a criticism of X
    ("Dr Ada Quinn blamed the Quality and Outcomes Framework.",
     {("Ada Quinn", "criticises", "Quality and Outcomes Framework", "")}),
    # what an association is of is part of its name
    ("The Society of Rural Doctors said the plan would fail. Its chair, Dr Ben Cole, agreed.",
     {("Ben Cole", "holdsRole", "Society of Rural Doctors", "chair")}),
    ("Dr Mia Ward, who chairs the Federation of Kent Practices, said the cuts were wrong.",
     {("Mia Ward", "holdsRole", "Federation of Kent Practices", "chair")}),
    # laying the blame at a body's door, or on it, criticises it
    ("Dr Ruth Hale said patients were frightened but laid much of the blame at NHS England's door.",
     {("Ruth Hale", "criticises", "NHS England", "")}),
    ("Dr Ruth Hale put the blame squarely on the Department of Health and Social Care.",
     {("Ruth Hale", "criticises", "Department of Health and Social Care", "")}),
    # 'the committee' is a local medical committee named by its acronym, where no name says 'committee'; 'the board'
    # is the body whose name says 'board' before one whose acronym only implies it
    ("Devon LMC met on Monday. Dr Ruth Hale, who chairs the committee, said the vote was close.",
     {("Ruth Hale", "holdsRole", "Devon LMC", "chair")}),
    ("Dr Ruth Hale joined NHS Avon Integrated Care Board in May from NHS Dorset ICB. The board's chief executive, "
     "Tom Reed, welcomed her.",
     {("Tom Reed", "holdsRole", "NHS Avon Integrated Care Board", "chief executive")}),
    # a body of the BMA's named by a nation the model ends before the kind word; a lead of two fields
    ("The BMA's Northern Ireland GP committee said it would ballot members.",
     {("Northern Ireland GP committee", "partOf", "British Medical Association", "")}),
    ("Dr Nia Rowe, the BMA's vaccinations and immunisations lead, said the fee was too low.",
     {("Nia Rowe", "holdsRole", "British Medical Association", "vaccinations and immunisations lead")}),
    # a named network is an organisation; 'the network' is the one named
    ("Dr Joe Lamb said Riverside Central PCN would hire two pharmacists. The network's clinical director, Dr Ama "
     "Owusu, agreed.",
     {("Ama Owusu", "holdsRole", "Riverside Central PCN", "clinical director")}),
    # a board named after places listed with commas
    ("Elm Tree Surgery received £80,000 from NHS Bath and North East Somerset, Swindon and Wiltshire ICB.",
     {("NHS Bath and North East Somerset, Swindon and Wiltshire ICB", "funds", "Elm Tree Surgery", "£80,000")}),
    # a report someone asks in is theirs
    ("The Kestrel Institute has urged ministers to fund more nurses, in a report on staffing published today.",
     {("Kestrel Institute", "published", "report on staffing", "")}),
    # 'the committee, chaired by X': a post held now
    ("The Devon LMC board, chaired by Dr Ben Cole, rejected the offer.",
     {("Ben Cole", "holdsRole", "Devon LMC", "chair")}),
    # 'went on:' introduces more words of the same speaker
    ("Dr Ruth Hale said the cuts were wrong. She went on: \"Nobody asked the patients.\"",
     {("Ruth Hale", "said", "Nobody asked the patients.", "")}),
    # 'the partnership' is the partnership named
    ("Elm Tree Surgery and Oak Lane Surgery will become Riverside Partnership. The partnership's managing partner, "
     "Dr Tom Reed, said staff would stay.",
     {("Tom Reed", "holdsRole", "Riverside Partnership", "managing partner")}),
    # the speaker after the words, whatever side of the verb it stands ('..., the tribunal found')
    ("Dr Amy Lowe appeared before the Medical Practitioners Tribunal Service. She had altered 12 records, the "
     "tribunal found.",
     {("Medical Practitioners Tribunal Service", "said", "She had altered 12 records", "")}),
    ("Waiting times have doubled since 2019, the Nuffield Trust concludes.",
     {("Nuffield Trust", "said", "Waiting times have doubled since 2019", "")}),
    # the one government the page named before a minister's post
    ("The Scottish Government has announced £5m for rural practices. Health secretary Neil Gray said it would "
     "help.", {("Neil Gray", "holdsRole", "Scottish Government", "health secretary")}),
    # 'the tribunal's chair'
    ("The Medical Practitioners Tribunal Service struck off Dr Amy Lowe. The tribunal's chair, Mark Hill, said she "
     "had been dishonest.", {("Mark Hill", "holdsRole", "Medical Practitioners Tribunal Service", "chair")}),
    # a straight quotation mark left open goes on into the next paragraph
    ("\"We were never consulted,\" said Dr Lena Moss. \"Nobody asked us.\n\n\"We found out from the paper.\"",
     {("Lena Moss", "said", "Nobody asked us.", ""), ("Lena Moss", "said", "We found out from the paper.", "")}),
    # the first of two coordinated verbs gives the second its subject
    ("Kent and Medway ICB is forecasting a deficit and has asked NHS England for a £12m loan.",
     {("Kent and Medway ICB", "requestsFundingFrom", "NHS England", "£12m")}),
    ("NHS Kent and Medway ICB has cut its budget. The ICB's chief finance officer, Ann Cole, said payments would "
     "resume.", {("Ann Cole", "holdsRole", "NHS Kent and Medway ICB", "chief finance officer")}),
    # a removal named as a noun is a removal recommended
    ("A report by the Kestrel Institute was published today. It also recommends:\n\n- the abolition of the PCN DES",
     {("Kestrel Institute report", "recommends", "PCN DES", "abolish")}),
    # the model's 'person' after a kind word is of that kind, and wins what the phrase it acts in says
    ("Online GP firm Doxly is to open two clinics after winning a contract worth £4m from NHS Kent and Medway ICB.",
     {("Doxly", "wonContract", "NHS Kent and Medway ICB", "£4m")}),
    # 'the plan' is the plan named
    ("NHS England published its Primary Care Recovery Plan on Monday. Healthwatch Kent welcomed the plan.",
     {("Healthwatch Kent", "welcomes", "Primary Care Recovery Plan", "")}),
    # a post of 'its' with no organisation in the sentences before is in the one the page has named most
    ("Kestrel Health has closed its two clinics. Kestrel Health blamed rising costs. Patients were told on Friday. "
     "Its chief executive, Dr Ivo Lang, left in May.",
     {("Ivo Lang", "holdsRole", "Kestrel Health", "chief executive")}),
    # a second verb of speech with its own subject in the sentence says its own words, not the first one's quotation
    ('Dr Ann Lee said the cuts were "reckless", while the Department of Health and Social Care said funding had '
     'risen.', {("Ann Lee", "said", 'the cuts were "reckless"', ""),
                ("Department of Health and Social Care", "said", "funding had risen", "")}),
]

# rules found by the articles of 2026-12-06, each with sentences of its own
MORNING_RULES = [
    # of two subjects the parser gives one verb (the organisation of a post, and the person), the person acts
    ("Kent LMC chair Dr Ivo Lang welcomed the Quality and Outcomes Framework but warned that practices were "
     "\"running on empty\".",
     {("Ivo Lang", "welcomes", "Quality and Outcomes Framework", ""), ("Ivo Lang", "said", "running on empty", "")}),
    # 'X, the ORG ROLE, said': the post ends the apposition
    ("Dr Nia Rowe, the BMA treasurer, said the fund was empty.",
     {("Nia Rowe", "holdsRole", "British Medical Association", "treasurer")}),
    ("Sir Tom Hale, the Green Party leader, said practices needed more money.",
     {("Tom Hale", "holdsRole", "Green Party", "leader")}),
    ("Labour leader Amy Shaw said the waiting lists were too long.",
     {("Amy Shaw", "holdsRole", "Labour Party", "leader")}),
    # a stance on a gerund is on what the gerund acts on
    ("Dr Nia Rowe supports extending the Additional Roles Reimbursement Scheme.",
     {("Nia Rowe", "supports", "Additional Roles Reimbursement Scheme", "")}),
    # the model's organisation ending in a policy word is a policy, and its acronym on the page is the same one
    ("Practices lost the Rural Practice Payment Guarantee in 2019. Dr Nia Rowe supports bringing back the RPPG.",
     {("Nia Rowe", "supports", "Rural Practice Payment Guarantee", "")}),
    # a report named by the organisation that published it, and a proposal that names no policy, in its own words
    ("A review published on Monday by the Kestrel Institute found that waits had doubled. It recommended that "
     "every practice publish its waiting times.",
     {("Kestrel Institute", "published", "Kestrel Institute review", ""),
      ("Kestrel Institute review", "recommends", "every practice publish its waiting times", "")}),
    ("The Kestrel Institute has called for a cap on the number of patients per GP, in a report published today.",
     {("Kestrel Institute", "recommends", "a cap on the number of patients per GP", "")}),
    # a stance told by an adjective or noun of the one who holds it
    ("The Kestrel Institute has been highly critical of the Primary Care Recovery Plan.",
     {("Kestrel Institute", "criticises", "Primary Care Recovery Plan", "")}),
    ("Dr Nia Rowe, a long-standing critic of the Quality and Outcomes Framework, said it should go.",
     {("Nia Rowe", "criticises", "Quality and Outcomes Framework", "")}),
    ("Dr Nia Rowe said she was disappointed by the Network Contract DES.",
     {("Nia Rowe", "criticises", "PCN DES", "")}),
    ("Devon LMC said it was deeply concerned about the closure of Elm Tree Surgery.",
     {("Devon LMC", "warnsAbout", "Elm Tree Surgery", "")}),
    ("Healthwatch Kent is supportive of the Pharmacy First scheme.",
     {("Healthwatch Kent", "supports", "Pharmacy First", "")}),
    ("The Kestrel Institute is opposed to the Network Contract DES.",
     {("Kestrel Institute", "opposes", "PCN DES", "")}),
    ("Dr Nia Rowe remains sceptical of the NHS App.", {("Nia Rowe", "advisesCautionOn", "NHS App", "")}),
    # a verdict on what someone is described as: its polarity is the describer's stance
    ("Devon LMC branded the Primary Care Recovery Plan \"an insult\".",
     {("Devon LMC", "criticises", "Primary Care Recovery Plan", "")}),
    ("Dr Nia Rowe described the Pharmacy First scheme as a great success.",
     {("Nia Rowe", "supports", "Pharmacy First", "")}),
    # posts said by a name's company, a post left or taken, a seat on a committee
    ("Devon LMC's Dr Omar Haq said the cuts were wrong.", {("Omar Haq", "holdsRole", "Devon LMC", "")}),
    ("Dr Omar Haq, from Devon LMC, said the cuts were wrong.", {("Omar Haq", "holdsRole", "Devon LMC", "")}),
    ("Dr Omar Haq, who sits on the RCGP's council, said the cuts were wrong.",
     {("Omar Haq", "holdsRole", "RCGP council", "member"),
      ("RCGP council", "partOf", "Royal College of General Practitioners", "")}),
    ("Dr Omar Haq stepped down as chair of Devon LMC in March.",
     {("Omar Haq", "holdsRole", "Devon LMC", "former chair")}),
    ("Dr Omar Haq will take over as medical director of Healthwatch Kent in May.",
     {("Omar Haq", "holdsRole", "Healthwatch Kent", "medical director")}),
    ("Dr Omar Haq, a GP in north Leeds and former chair of Devon LMC, said the cuts were wrong.",
     {("Omar Haq", "holdsRole", "Devon LMC", "former chair")}),
    # 'X, whose report...': the report is X's
    ("Professor Ada Lowe, whose review of general practice was published in May, said practices needed help.",
     {("Ada Lowe", "authored", "review of general practice", "")}),
    ("The Kestrel Institute, whose latest report on access was published in May, said waits were too long.",
     {("Kestrel Institute", "published", "report on access", "")}),
    # a speaker's clause praising its subject, scored on its own words
    ("Dr Omar Haq said the Quality and Outcomes Framework had been a huge success.",
     {("Omar Haq", "supports", "Quality and Outcomes Framework", "")}),
    ('"Current models of care - including the GP partnership model - bring real benefits for patients," said Dr '
     'Omar Haq.', {("Omar Haq", "supports", "GP partnership model", "")}),
    # 'the deal' is the policy named with that word, however far back, before the one named last
    ("Practices will be paid more under the new contract deal. The partnership model was discussed. So was the "
     "QOF. Critics spoke. Then the ARRS. \"The deal gives practices stability,\" said Dr Omar Haq.",
     {("Omar Haq", "supports", "contract deal", "")}),
    # 'one of the partners at X'; 'NHS Kent' is the integrated care board the page names in full
    ("Dr Omar Haq, one of the partners at Elm Tree Surgery, said the cuts were wrong.",
     {("Omar Haq", "holdsRole", "Elm Tree Surgery", "partner")}),
    ("NHS Kent Integrated Care Board will close the surgery. Dr Omar Haq, medical director of NHS Kent, said so.",
     {("Omar Haq", "holdsRole", "NHS Kent Integrated Care Board", "medical director")}),
    # asking that someone be sanctioned is criticism of them
    ("Dr Omar Haq said Kestrel Health should be investigated.", {("Omar Haq", "criticises", "Kestrel Health", "")}),
    ('"NHS Devon ICB must be held to account," said Dr Omar Haq.',
     {("Omar Haq", "criticises", "NHS Devon ICB", "")}),
    # a report goes by its title, quoted or capitalised after the report word, and is its maker's
    ("The Kestrel Institute published a report on Monday. The report, titled ‘Fixing the front door’, calls for a "
     "national access standard.", {("Kestrel Institute", "published", "Fixing the front door", ""),
                                   ("Fixing the front door", "recommends", "national access standard", "")}),
    ("In its report ‘Access all areas’, the Kestrel Institute said practices needed more staff.",
     {("Kestrel Institute", "published", "Access all areas", ""),
      ("Kestrel Institute", "said", "practices needed more staff", "")}),
    ("The Kestrel Institute report Fixing General Practice recommends abolishing the Quality and Outcomes "
     "Framework.", {("Fixing General Practice", "recommends", "Quality and Outcomes Framework", "abolish")}),
    # the field of a post before its word ('NHS England's primary care director')
    ("Devon LMC's workforce lead Dr Omar Haq said recruitment had stalled.",
     {("Omar Haq", "holdsRole", "Devon LMC", "workforce lead")}),
    ("NHS Devon ICB's primary care director, Dr Omar Haq, said recruitment had stalled.",
     {("Omar Haq", "holdsRole", "NHS Devon ICB", "primary care director")}),
    # what an organisation plans, intends or is set to do to a policy; a plan named is published, not a plan to
    ("The Kestrel Institute plans to expand the Pharmacy First scheme.",
     {("Kestrel Institute", "plans", "Pharmacy First", "expand")}),
    ("NHS Devon ICB will roll out the NHS App to every practice.", {("NHS Devon ICB", "plans", "NHS App", "roll out")}),
    ("NHS Devon ICB published the Devon Primary Care Recovery Plan in May.",
     {("NHS Devon ICB", "published", "Devon Primary Care Recovery Plan", "")}),
    # a stance on a proposal is on what it proposes
    ("Healthwatch Kent has backed calls for a review of the GP partnership model.",
     {("Healthwatch Kent", "supports", "review of the GP partnership model", "")}),
    ("Devon LMC welcomed plans to expand the Pharmacy First scheme.",
     {("Devon LMC", "welcomes", "Pharmacy First", "")}),
    # a stance named by the noun a light verb gives
    ("Devon LMC gave a cautious welcome to the Network Contract DES.",
     {("Devon LMC", "welcomes", "PCN DES", "")}),
    ("The Kestrel Institute has voiced support for the Pharmacy First scheme.",
     {("Kestrel Institute", "supports", "Pharmacy First", "")}),
    ("Devon LMC expressed opposition to the Primary Care Recovery Plan.",
     {("Devon LMC", "opposes", "Primary Care Recovery Plan", "")}),
    # an inspector's grade told without 'rated'
    ("Oak Lane Surgery has been placed in special measures by the Care Quality Commission.",
     {("Care Quality Commission", "rates", "Oak Lane Surgery", "special measures")}),
    ("Inspectors from the Care Quality Commission found Oak Lane Surgery to be inadequate.",
     {("Care Quality Commission", "rates", "Oak Lane Surgery", "inadequate")}),
    # an interview with a publication is being quoted in it; writing in one is writing for it
    ("In an interview with The Guardian, Dr Omar Haq said practices were closing.",
     {("Omar Haq", "quotedIn", "The Guardian", "")}),
    ("Writing in the BMJ, Dr Omar Haq said practices were closing.", {("Omar Haq", "wroteFor", "BMJ", "")}),
    # ministers act for their government
    ("Devon LMC urged ministers to fund more GPs.", {("Devon LMC", "urges", "the Government", "")}),
    ("Welsh ministers have rejected the GP contract.", {("Welsh Government", "opposes", "GP contract", "")}),
    # a foreword is its writer's, to the report named or, with none named, the one named last
    ("The Kestrel Institute published a report on access today. In her foreword, Baroness Ada Lowe said practices "
     "needed help.", {("Ada Lowe", "wroteForeword", "report on access", "")}),
    # stance by phrasal verbs, a decision's maker, and fault found with what is named
    ("The Kestrel Institute has thrown its weight behind the Pharmacy First scheme.",
     {("Kestrel Institute", "supports", "Pharmacy First", "")}),
    ("Devon LMC has campaigned against the Network Contract DES.", {("Devon LMC", "opposes", "PCN DES", "")}),
    ("Devon LMC condemned the decision by NHS Devon ICB to close the surgery.",
     {("Devon LMC", "criticises", "NHS Devon ICB", "")}),
    ("Dr Omar Haq said the Primary Care Recovery Plan did not go far enough.",
     {("Omar Haq", "criticises", "Primary Care Recovery Plan", "")}),
    ('"NHS Devon ICB has let patients down," said Dr Omar Haq.', {("Omar Haq", "criticises", "NHS Devon ICB", "")}),
    ("The Kestrel Institute's report recommends:\n\n- longer appointments for patients with several conditions;\n"
     "- the abolition of the PCN DES",
     {("Kestrel Institute report", "recommends", "longer appointments for patients with several conditions", ""),
      ("Kestrel Institute report", "recommends", "PCN DES", "abolish")}),
]

# found by a GP leader's profile and a Westminster Hall debate (2026-12-06, third session)
DEBATE_RULES = [
    # a seat after the post; the place the model takes into the name is no part of it
    ("Green Party MP for Bristol Central Carla Denyer said patients waited weeks.",
     {("Carla Denyer", "holdsRole", "Green Party", "MP for Bristol Central")}),
    ("Conservative MP for Worthing Dr Peter Lamb said practices were closing.",
     {("Peter Lamb", "holdsRole", "Conservative Party", "MP for Worthing")}),
    # a shadow post is the party's, not the Government's
    ("Labour shadow health minister Dan Rees criticised the GP contract.",
     {("Dan Rees", "holdsRole", "Labour Party", "shadow health minister")}),
    # an organisation set off by a comma opens no post: the post is the Government's
    ("Responding for NHS England, primary care minister Jo Baxter said funding would rise.",
     {("Jo Baxter", "holdsRole", "the Government", "primary care minister")}),
    # a call to bring something back is a stance on it
    ("Dr Lena Marsh rejected calls for a return to the Quality and Outcomes Framework.",
     {("Lena Marsh", "opposes", "Quality and Outcomes Framework", "")}),
    ("Devon LMC welcomed the expansion of the Pharmacy First scheme.",
     {("Devon LMC", "welcomes", "Pharmacy First", "")}),
    # a report's title in apposition, whatever the model took it for, and 'its' report is its publisher's
    ("The Kestrel Institute published its latest report, Closed Doors, on Monday.",
     {("Kestrel Institute", "published", "Closed Doors", "")}),
    ("Healthwatch Devon said its new report, Waiting Rooms, had found long delays.",
     {("Healthwatch Devon", "published", "Waiting Rooms", "")}),
    # a proposal about what a policy owns is kept in its own words
    ("Dr Omar Haq called for the scrapping of the ARRS's limits on hiring GPs.",
     {("Omar Haq", "recommends", "the scrapping of the ARRS's limits on hiring GPs", "")}),
    # found by an out-of-hours procurement story: the sum in what was awarded, a winner the parser took for a verb,
    # owners, and a description matched to the kind the page gave a name
    ("A £3.5m contract to run the Harbour Walk-in Centre was awarded to Medvia Health by NHS Kent and Medway ICB.",
     {("Medvia Health", "wonContract", "NHS Kent and Medway ICB", "£3.5m")}),
    ("The contract to run the Elm Surgery was awarded to Operose Health by NHS Kent ICB in 2022.",
     {("Operose Health", "wonContract", "NHS Kent ICB", "")}),
    ("Kestrel Health, which is owned by the investment firm Harbourside Capital, runs 12 practices.",
     {("Harbourside Capital", "owns", "Kestrel Health", "")}),
    ("The practices are run by Wyre Health Partners, a not-for-profit GP federation. The federation borrowed £2m "
     "from Lloyds Bank last year.", {("Wyre Health Partners", "borrowsFrom", "Lloyds Bank", "£2m")}),
    # found by a local paper's story: posts named by a kind of organisation, long portfolios, a name after a post
    ("Residents packed the meeting about the Quayside Practice. Practice manager Tom Reid said hours would be cut.",
     {("Tom Reid", "holdsRole", "Quayside Practice", "practice manager")}),
    ("Cllr Amy Ward, Leeds City Council's executive member for adult social care and public health, said the plan "
     "was wrong.", {("Amy Ward", "holdsRole", "Leeds City Council",
                     "executive member for adult social care and public health")}),
    ("The Patients Association criticised the plan. Its chief executive, Dan Moss, said patients were waiting.",
     {("Dan Moss", "holdsRole", "Patients Association", "chief executive")}),
    # the post before the organisation, the name set off after it
    ("Speaking on Monday, the chief executive of the Kestrel Institute, Dr Ola Reyes, said the plan was late.",
     {("Ola Reyes", "holdsRole", "Kestrel Institute", "chief executive")}),
    # 'replaced X as ROLE of ORG': both held the post, the one replaced before
    ("Dr Ola Reyes, who replaced Dr Ben Kato as chair of Humber LMC in 2024, said the plan was late.",
     {("Ola Reyes", "holdsRole", "Humber LMC", "chair"), ("Ben Kato", "holdsRole", "Humber LMC", "former chair")}),
    # a stance on someone's decision is on them
    ("The Government's decision was attacked by Green Party MP Jo Lane.",
     {("Jo Lane", "criticises", "the Government", "")}),
    ("Humber LMC's own medical director, Dr Ola Reyes, said the plan was late.",
     {("Ola Reyes", "holdsRole", "Humber LMC", "medical director")}),
    # a practice part of, or a member of, a network ('member' of a person is a post)
    ("Castle Street Surgery, part of the Hull West PCN, will close.",
     {("Castle Street Surgery", "partOf", "Hull West PCN", "")}),
    ("Castle Street Surgery is a member of the Hull West PCN.",
     {("Castle Street Surgery", "partOf", "Hull West PCN", "")}),
    # a body named with the members it is made of, however the parser joins the list
    ("Tamar Valley Primary Care Network covers Tavistock. The primary care network, which brings together Abbey Road "
     "Surgery, Canal Street Medical Practice and Brook Lane Surgery, employs six pharmacists.",
     {("Abbey Road Surgery", "partOf", "Tamar Valley Primary Care Network", ""),
      ("Canal Street Medical Practice", "partOf", "Tamar Valley Primary Care Network", ""),
      ("Brook Lane Surgery", "partOf", "Tamar Valley Primary Care Network", "")}),
    ("The Wessex GP Federation is made up of Elm Surgery, Oak Lane Practice and Birch Medical Centre.",
     {("Elm Surgery", "partOf", "Wessex GP Federation", ""), ("Oak Lane Practice", "partOf", "Wessex GP Federation", ""),
      ("Birch Medical Centre", "partOf", "Wessex GP Federation", "")}),
    ("The practices formed Coast Network, a PCN comprising Elm Surgery, Oak Lane Practice and Fern Health Centre.",
     {("Fern Health Centre", "partOf", "Coast Network", ""), ("Elm Surgery", "partOf", "Coast Network", "")}),
    # a post taken by joining or being hired 'as' it
    ("Dr Ola Reyes joined Kestrel Health as medical director in 2021.",
     {("Ola Reyes", "holdsRole", "Kestrel Health", "medical director")}),
    ("Dr Ola Reyes was hired by Operose Health as its chief medical officer.",
     {("Ola Reyes", "holdsRole", "Operose Health", "chief medical officer")}),
    # two posts in one apposition, however the parser joins them
    ("Dr Ola Reyes, GP partner at Elm Surgery and chair of Humber LMC, said the plan was late.",
     {("Ola Reyes", "holdsRole", "Elm Surgery", "GP partner"), ("Ola Reyes", "holdsRole", "Humber LMC", "chair")}),
    ("Dr Ola Reyes, clinical director of Hull West PCN and a partner at Elm Surgery, said patients were waiting.",
     {("Ola Reyes", "holdsRole", "Hull West PCN", "clinical director"),
      ("Ola Reyes", "holdsRole", "Elm Surgery", "partner")}),
    # of two people coordinated after an organisation, the second's own post is theirs
    ("Humber LMC medical director Dr Ola Reyes and chief executive Ben Kato both spoke.",
     {("Ola Reyes", "holdsRole", "Humber LMC", "medical director"),
      ("Ben Kato", "holdsRole", "Humber LMC", "chief executive")}),
    # stance told by being for or against, doubt cast, and a judgement of what a thing is worth
    ("Devon LMC is in favour of the Pharmacy First scheme.", {("Devon LMC", "supports", "Pharmacy First", "")}),
    ("Devon LMC is firmly against the PCN DES.", {("Devon LMC", "opposes", "PCN DES", "")}),
    ("Dr Ola Reyes cast doubt on the Quality and Outcomes Framework.",
     {("Ola Reyes", "criticises", "Quality and Outcomes Framework", "")}),
    ("Dr Ola Reyes questioned the value of the PCN DES.", {("Ola Reyes", "criticises", "PCN DES", "")}),
    ("Dr Ola Reyes praised the success of the Pharmacy First scheme.",
     {("Ola Reyes", "supports", "Pharmacy First", "")}),
    ("Devon LMC warned of the risks of the Pharmacy First scheme.",
     {("Devon LMC", "warnsAbout", "Pharmacy First", "")}),
    ("Devon LMC secured £2m of funding from NHS England.", {("NHS England", "funds", "Devon LMC", "£2m")}),
    ("Devon LMC took issue with the GP contract.", {("Devon LMC", "criticises", "GP contract", "")}),
    ("Devon LMC hit back at NHS England.", {("Devon LMC", "criticises", "NHS England", "")}),
    ("The RCGP raised questions about the PCN DES.",
     {("Royal College of General Practitioners", "criticises", "PCN DES", "")}),
    ("The BMA poured cold water on the NHS App.", {("British Medical Association", "criticises", "NHS App", "")}),
    ("Devon LMC has come out in support of the GP contract.", {("Devon LMC", "supports", "GP contract", "")}),
    ("Devon LMC agreed with the findings of the Kestrel Institute report.",
     {("Devon LMC", "supports", "Kestrel Institute report", "")}),
    ("The BMA rejected the Kestrel Institute's recommendations.",
     {("British Medical Association", "opposes", "Kestrel Institute", "")}),
    # what a proposal would do, however it is worded
    ("The Kestrel Institute wants the PCN DES abolished.", {("Kestrel Institute", "recommends", "PCN DES", "abolish")}),
    ("Devon LMC is calling for the Quality and Outcomes Framework to be suspended.",
     {("Devon LMC", "recommends", "Quality and Outcomes Framework", "suspend")}),
    ("The BMA demanded the PCN DES be scrapped.", {("British Medical Association", "recommends", "PCN DES", "scrap")}),
]


@pytest.mark.parametrize("text, expected", [
    ("Well done Devon LMC for standing up to the ICB.", ("Devon LMC", "supports")),
    ("Shame on the Kestrel Institute for this report.", ("Kestrel Institute", "criticises")),
    ("Hats off to the RCGP.", ("Royal College of General Practitioners", "supports")),
    ("Congratulations to the Kestrel Institute on a fine report.", ("Kestrel Institute", "supports")),
])
def test_praise_or_blame_given_by_name_is_the_readers_stance(text, expected):
    comment = "Headline\n\nBy Jo Bloggs\n\nPractices closed.\n\nComments (1)\n\nPartner Pat 2 May, 2024 8:00 am\n\n"
    assert ("Partner Pat", expected[1], expected[0], "") in triples(build(comment + text))


def test_the_report_of_a_page_that_names_none_is_its_one_think_tanks():
    facts = triples(build("Headline\n\nThe Kestrel Institute has called for longer appointments. The report, "
                          "written by Dr Ada Lowe, found that patients wait too long. Devon LMC welcomed the report."))
    assert {("Kestrel Institute", "published", "Kestrel Institute report", ""),
            ("Ada Lowe", "authored", "Kestrel Institute report", ""),
            ("Devon LMC", "welcomes", "Kestrel Institute report", "")} <= facts


def test_the_report_of_a_page_naming_two_think_tanks_is_no_ones():
    kg = build("Headline\n\nThe Kestrel Institute and the Nuffield Trust disagree. The report found delays.")
    assert not [e for e in kg.entities if e.type == "Report"]


def test_who_agrees_to_pay_pays_and_who_is_asked_to_has_not():
    facts = triples(build("Headline\n\nNHS England has agreed to pay Operose Health £4.5m to cover new patients. "
                          "Devon LMC called on the Department of Health and Social Care to fund the Pharmacy First "
                          "scheme. The Kestrel Institute urged NHS England to pay Operose Health £2m."))
    assert ("NHS England", "pays", "Operose Health", "£4.5m") in facts
    assert not [f for f in facts if f[1] == "funds" or f[1] == "pays" and f[3] == "£2m"]


@pytest.mark.parametrize("text, expected", [
    ("Operose Health paid £3.2m in dividends to its parent company Centene.",
     {("Operose Health", "pays", "Centene", "£3.2m"), ("Centene", "owns", "Operose Health", "")}),
    ("Virgin Care's parent company, Virgin Group, sold it in 2019.", {("Virgin Group", "owns", "Virgin Care", "")}),
    ("Operose Health and its owner Centene were criticised.", {("Centene", "owns", "Operose Health", "")}),
])
def test_a_parent_owns_and_what_is_paid_to_it_is_its(text, expected):
    assert expected <= triples(build("Headline\n\n" + text))


def test_a_columnist_telling_a_body_to_stop_criticises_it():
    kg = build("Why I am angry about the ARRS\n\nBy Dr Jo Hart\n\n5 May 2026\n\nI think the scheme was badly "
               "designed. In my view, NHS England must stop pretending otherwise.\n")
    assert ("Jo Hart", "criticises", "NHS England", "") in triples(kg)


def test_taking_over_from_someone_as_something_takes_over_no_practice():
    kg = build("Headline\n\nElm Surgery is closing. Dr Ann Lee will take over from Dr Tom Ray as senior partner.")
    assert not any(p == "tookOver" for _, p, _, _ in triples(kg))


def test_what_is_taken_out_besides_a_loan_is_no_borrowing():
    kg = build("Headline\n\nElm Surgery took out an advert in the Kent Messenger from Monday.")
    assert not any(p == "borrowsFrom" for _, p, _, _ in triples(kg))


def test_winning_someones_support_is_no_contract_and_no_stance_of_theirs():
    facts = triples(build("Headline\n\nKestrel Health won the support of the BMA."))
    assert not [f for f in facts if f[1] in ("wonContract", "supports")]


def test_a_speech_to_a_conference_is_no_payment_to_it():
    facts = triples(build("Headline\n\nWes Streeting said the Government will fund 1,500 more doctors, in a speech "
                          "to the NHS ConfedExpo conference."))
    assert not [f for f in facts if f[1] == "funds"]


@pytest.mark.parametrize("text, label, kind", [
    ("The Health and Social Care Act 2012 created the CCGs.", "Health and Social Care Act 2012", "Legislation"),
    ("Practices must follow the Access to Medical Records Act 1988.", "Access to Medical Records Act", "Legislation"),
    ("The money is part of the Delivery Plan for Recovering Access to Primary Care.",
     "Delivery Plan for Recovering Access to Primary Care", "Policy"),
])
def test_acts_and_plans_the_model_calls_organisations_or_laws_are_what_their_head_word_says(text, label, kind):
    assert {e.label: e.type for e in build("Headline\n\n" + text).entities}.get(label) == kind


def test_a_titled_surname_the_model_runs_on_into_of_the_is_a_person():
    kg = build("Headline\n\nMs Power of the Healthwatch Leeds board disagreed.")
    assert ("Power", "Person") in {(e.label, e.type) for e in kg.entities}
    assert not [e for e in kg.entities if " of" in e.label]


def test_support_withheld_in_a_question_or_on_a_condition_is_no_opposition():
    for text in ("Will the RCGP not support the Care Closer to Home plan?",
                 "The RCGP would not support the Care Closer to Home plan if it cut funding."):
        assert not [f for f in triples(build("Headline\n\n" + text)) if f[1] == "opposes"], text


def test_a_reader_urging_support_supports():
    kg = build("Practices reject the offer\n\nThe BMA said it was time to act.\n\nReaders' comments (2)\n\n"
               "Northern GP | Practice Manager | 27 Feb 2026 12:51pm\nSupport the BMA and vote yes.\n\n"
               "Sceptic | Salaried GP | 27 Feb 2026 12:55pm\nThe BMA wants us to support Londonwide LMCs.\n")
    stances = {(s, o) for s, p, o, _ in triples(kg) if p == "supports"}
    assert ("Northern GP", "British Medical Association") in stances
    # who asks for support holds the stance, not who is asked (the reader among 'us')
    assert ("British Medical Association", "Londonwide LMCs") in stances
    assert not [s for s, o in stances if s == "Sceptic"]


def test_a_review_asked_for_is_no_report_of_the_lead_paragraphs_organisation():
    kg = build("Headline\n\nHarbour Health will take over Park Surgery next month.\n\n"
               "Tom Hale MP said he had asked ministers for a review of how APMS contracts are awarded.")
    assert not [e.label for e in kg.entities if e.type == "Report"]


def test_a_report_welcomed_before_it_is_named_is_the_pages_report():
    kg = build("Think tank Reform publishes GP report\n\nHealth minister Dr Ann Lee has welcomed a report that recommends "
               "phasing out the GMS contract by 2030. The report, by think tank Reform, was published on Monday.")
    assert {("Ann Lee", "welcomes", "GP report", ""), ("GP report", "recommends", "GMS contract", "phase out")} <= \
        triples(kg)


def test_a_list_the_report_calls_for_and_the_report_named_later_by_its_title():
    kg = build("Poor areas lose out\n\nPractices in deprived areas get less, according to a report published today by "
               "the King's Fund.\n\nThe think tank's analysis, Fair shares: funding general practice where need is "
               "greatest, concludes that funding is unfair.\n\nThe report calls for:\n\n"
               "- DHSC to ring-fence an extra £300m a year for practices in deprived areas\n"
               "- an expansion of the Additional Roles Reimbursement Scheme\n")
    reports = [e.label for e in kg.entities if e.type == "Report"]
    assert reports == ["Fair shares: funding general practice where need is greatest"]  # one report, by its title
    facts = triples(kg)
    assert ("King's Fund", "published", reports[0], "") in facts
    assert (reports[0], "recommends", "Additional Roles Reimbursement Scheme", "") in facts
    assert any(s == reports[0] and p == "recommends" and o.startswith("DHSC to ring-fence") for s, p, o, _ in facts)


def test_a_practice_or_company_named_without_its_kind_is_that_body_but_a_town_is_not():
    kg = build("Headline here\n\nThe CQC inspected Elm Vale Medical Practice in March. Inspectors said that at Elm Vale, "
               "results were not checked. Harwood Health Ltd runs the practice. Harwood said it was sorry.\n\n"
               "Ashby Surgery in Ashby will close.")
    labels = {e.label: e.type for e in kg.entities}
    assert "Elm Vale" not in labels and "Harwood" not in labels
    assert labels["Ashby"] == "Place" and labels["Ashby Surgery"] == "Practice"


def test_a_sentences_opening_conjunction_is_no_part_of_a_bodys_name():
    kg = build("Headline here\n\nBut the Elm Vale Patient Participation Group said patients had complained.")
    assert "Elm Vale Patient Participation Group" in {e.label for e in kg.entities}


def test_the_second_of_two_commands_in_a_comment_is_the_readers_stance():
    kg = build("Contract row deepens\nThe BMA is to ballot members\n\nBy Ann Lee\n27 February 2026\n\n"
               "The BMA will ballot GPs on the contract.\n\nReaders' comments (1)\n\n"
               "Sceptic | GP partner | 27 Feb 2026 9:14am\nVote yes in the ballot and back the Royal College of GPs.\n")
    assert ("Sceptic", "supports", "Royal College of General Practitioners", "") in triples(kg)


def test_a_list_item_asking_a_body_to_replace_one_policy_with_another_recommends_the_new_one():
    kg = build("Funding row\n\nThe Kestrel Institute published its report, Fairer Funding, on Monday.\n\n"
               "The report calls for:\n\n- NHS England to replace the Carr-Hill formula with a needs-based allocation "
               "formula by April 2027, weighted for deprivation\n\n- ICBs to publish waiting times\n")
    facts = triples(kg)
    assert {("Fairer Funding", "recommends", "needs-based allocation formula", ""),
            ("Fairer Funding", "recommends", "Carr-Hill formula", "replace")} <= facts


READER_ARTICLE = ("QOF to be scrapped\n\nBy Ann Lee\n\n5 May 2026\n\nThe BMA wants to scrap the Quality and "
                  "Outcomes Framework.\n\nReaders' comments (2)\n\nJaded Partner | GP partner | 5 May 2026 9:14am\n"
                  "QOF has been a joke for years, but I have heard every new chair promise to scrap it.\n\n"
                  "Happy GP | Salaried GP | 5 May 2026 9:20am\nThe ARRS is a great idea.\n")


def test_a_readers_bad_verdict_on_a_policy_criticises_it_but_praise_needs_more():
    facts = triples(build(READER_ARTICLE))
    assert ("Jaded Partner", "criticises", "Quality and Outcomes Framework", "") in facts
    assert not any(s == "Happy GP" for s, _, _, _ in facts)


def test_a_practice_described_by_its_town_is_the_pages_practice_in_that_town():
    kg = build("Headline\n\nA Kettering GP practice has been placed in special measures. Elm Vale Medical Practice was "
               "rated inadequate. Elm Vale Medical Practice is run by Harwood Health Ltd.")
    assert ("Elm Vale Medical Practice", "locatedIn", "Kettering", "") in triples(kg)


def test_the_first_persons_place_is_where_the_columnist_or_reader_works():
    kg = build("The ARRS has failed salaried GPs\n\nBy Dr Nia Kerr\n\n5 May 2026\n\nI think the ARRS was badly "
               "designed. The money is capped, and in my corner of Greater Manchester most PCNs had spent it.\n\n"
               "Readers' comments (1)\n\nPartner in despair | GP partner | 5 May 2026 9:14am\n"
               "Our practice in Oldham could not hire a GP either.\n")
    facts = triples(kg)
    assert {("Nia Kerr", "locatedIn", "Greater Manchester", ""), ("Partner in despair", "locatedIn", "Oldham", "")} \
        <= facts


def test_a_news_reports_first_person_place_is_no_ones_without_a_columnist():
    kg = build("Headline\n\nBy Ann Lee\n\n5 May 2026\n\nPractices here in Cornwall are closing, the ICB said.")
    assert not any(p == "locatedIn" and s == "Ann Lee" for s, p, _, _ in triples(kg))


def test_a_policy_in_trouble_is_warned_about_not_criticised():
    facts = triples(build("Headline\n\nDr Ann Lee said the partnership model was in crisis."))
    assert ("Ann Lee", "criticises", "GP partnership model", "") not in facts


def test_the_formula_is_the_one_the_page_names_most():
    kg = build("Funding row\n\nThe Carr-Hill formula is out of date, the report says. The Carr-Hill formula was set in "
               "2004.\n\nIt calls for a needs-based allocation formula.\n\n"
               '"The formula is a relic," said Dr Ewan Strachan.')
    facts = triples(kg)
    assert ("Ewan Strachan", "criticises", "Carr-Hill formula", "") in facts
    assert ("Ewan Strachan", "criticises", "needs-based allocation formula", "") not in facts


def test_a_list_item_that_says_what_bodies_are_to_do_urges_them():
    kg = build("Funding row\n\nThe Kestrel Institute published its report, Fairer Funding, on Monday.\n\n"
               "The report calls for:\n\n- NHS England and the DHSC to set a target for GP numbers\n\n"
               "- ICBs to publish waiting times\n\n- the Government using technology to address GP shortages\n")
    urged = {(s, o) for s, p, o, _ in triples(kg) if p == "urges"}
    assert urged == {("Fairer Funding", "NHS England"), ("Fairer Funding", "Department of Health and Social Care"),
                     ("Fairer Funding", "integrated care boards")}


def test_a_town_and_a_paper_the_model_takes_for_a_body_and_a_person():
    kg = build("Headline\n\nCombe Lane Surgery in Harbridge will be taken over by Tamar Vale Health. Its chief "
               "executive, Ada Hart, told the Gazette that patients had been worried.")
    kinds = {e.label: e.type for e in kg.entities}
    assert (kinds.get("Harbridge"), kinds.get("Gazette")) == ("Place", "Publication")
    facts = triples(kg)
    assert {("Combe Lane Surgery", "locatedIn", "Harbridge", ""), ("Ada Hart", "quotedIn", "Gazette", "")} <= facts


def test_a_reader_saluting_the_author_by_given_name_supports_the_author():
    kg = build("Nobody can afford to employ me\nNewly qualified GPs are left chasing locum shifts\nBy Dr Anna Ross\n"
               "11 March 2025\n\nLast month I sat in my car outside a surgery.\n\nReaders' comments (2)\n\n"
               "Bob the Locum | Locum GP | 11 Mar 2025 9:14am\nWell said, Anna. Same story here.\n\n"
               "Sam | Salaried GP | 11 Mar 2025 9:20am\nWell said, Bob.\n\n"
               "Kit | Practice manager | 11 Mar 2025 9:31am\nGood luck Anna. Good luck to NHS England finding GPs.\n")
    stances = {(s, o) for s, p, o, _ in triples(kg) if p == "supports"}
    assert ("Bob the Locum", "Anna Ross") in stances
    assert ("Kit", "Anna Ross") in stances  # luck wished to the author by her given name
    assert ("Sam", "Anna Ross") not in stances  # another reader's name is not the author's
    assert not [o for s, o in stances if o == "NHS England"]  # luck wished on a body is as often scorn


def test_a_readers_assent_about_a_topic_or_by_the_authors_given_name_supports_the_author():
    kg = build("Nobody can afford to employ me\nNewly qualified GPs are left chasing locum shifts\nBy Dr Anna Ross\n"
               "11 March 2025\n\nLast month I sat in my car outside a surgery. I think Dr Ian Moss had it right.\n\n"
               "Readers' comments (3)\n\n"
               "Bob the Locum | Locum GP | 11 Mar 2025 9:14am\nSpot on about the locum market.\n\n"
               "Kit | Practice manager | 11 Mar 2025 9:31am\nBrilliant piece, Anna.\n\n"
               "Sam | Salaried GP | 11 Mar 2025 9:40am\nGreat article, Bob. Dr Moss is spot on about premises.\n")
    stances = {(s, o) for s, p, o, _ in triples(kg) if p == "supports"}
    assert {("Bob the Locum", "Anna Ross"), ("Kit", "Anna Ross"), ("Sam", "Ian Moss")} <= stances
    assert ("Sam", "Anna Ross") not in stances  # another reader's name is not the author's


def test_a_merger_denied_makes_no_part():
    facts = triples(build("Headline\n\nElm Surgery will not merge with Oak Surgery to create the Forest Health "
                          "Partnership."))
    assert not [f for f in facts if f[1] == "partOf"]


def test_speaking_at_a_conference_is_no_visit():
    facts = triples(build("Headline\n\nSpeaking at the RCGP annual conference, Helen Marsh said the plan would help."))
    assert not [f for f in facts if f[1] == "visited"]


def test_an_award_someone_is_asked_or_refuses_to_make_is_no_contract_won():
    for text in ("Campaigners urged NHS Kent ICB to award the contract to Operose Health.",
                 "NHS Kent ICB refused to award the contract to Operose Health."):
        assert not [f for f in triples(build("Headline\n\n" + text)) if f[1] == "wonContract"], text


def test_found_as_the_past_of_find_is_no_founding():
    facts = triples(build("Headline\n\nThe Kestrel Institute found its way to The Times."))
    assert not [f for f in facts if f[1] == "founded"]


def test_a_lexicon_name_that_opens_with_a_title_keeps_it():
    kg = build("Headline\n\nDoctor Care Anywhere said its losses had narrowed.")
    assert [(e.label, e.aliases) for e in kg.entities] == [("Doctor Care Anywhere", ("Doctor Care Anywhere",))]


# rules found by the held-out dev articles (eval/heldout/dev), each shown with other names
HELDOUT_RULES = [
    # a seat after a post in apposition, and the place the member represents
    ("Anna Reyes, the Labour MP for Bristol East, said the ICB had failed.",
     {("Anna Reyes", "holdsRole", "Labour Party", "MP for Bristol East"),
      ("Anna Reyes", "represents", "Bristol East", "MP")}),
    ("Owen Pryce, the Conservative MP for Marshby and Kelton, welcomed the plan.",
     {("Owen Pryce", "represents", "Marshby and Kelton", "MP")}),
    # a ward a councillor represents, and the council the seat is on
    ("Councillor Jo Marsh, who represents Eastgate and Lyle ward on Kentshire Council, opposed the closure.",
     {("Jo Marsh", "represents", "Eastgate and Lyle ward", ""), ("Jo Marsh", "holdsRole", "Kentshire Council",
                                                                   "councillor")}),
    ("Cllr Dev Shah, who represents the Northfield division, backed the surgery.",
     {("Dev Shah", "represents", "Northfield division", "")}),
    # the place after 'who represents' is a seat, past the posts the parser hangs the clause on
    ("Councillor Jan Price, cabinet member for adult social care at Norfolk County Council, who represents "
     "Easterby, said she was disappointed.", {("Jan Price", "represents", "Easterby", "")}),
    ("Councillor Jo Marsh, who represents Eastgate on Kent County Council, opposed the closure.",
     {("Jo Marsh", "represents", "Eastgate", ""), ("Jo Marsh", "holdsRole", "Kent County Council", "councillor")}),
    # a body in dispute with another opposes it
    ("The Kent LMC met on Tuesday. The LMC voted on Thursday to enter into dispute with NHS Kent ICB.",
     {("Kent LMC", "opposes", "NHS Kent ICB", "")}),
    ("The BMA declared a formal dispute with NHS England.", {("British Medical Association", "opposes", "NHS England", "")}),
    # who will deliver a policy plans it
    ("The DHSC said it would deliver the 10 Year Health Plan.",
     {("Department of Health and Social Care", "plans", "10 Year Health Plan", "deliver")}),
    # and who is delivering a plan carries out their plan, where who delivers a service runs it
    ('A DHSC spokesperson said: "We are listening as we deliver the 10 Year Health Plan."',
     {("Department of Health and Social Care", "plans", "10 Year Health Plan", "")}),
    ("Pennine Community Health NHS Trust delivers the Elmfield frailty service.",
     {("Pennine Community Health NHS Trust", "operates", "frailty service", "")}),
    # who designed a policy made it; approving or signing off a policy supports it, not approving it opposes it
    ("The ARRS, as designed by NHS England, has failed.",
     {("NHS England", "published", "Additional Roles Reimbursement Scheme", "")}),
    ("The DHSC signed off the 2027/28 contract offer in March.",
     {("Department of Health and Social Care", "supports", "2027/28 contract offer", "")}),
    ("The BMA did not approve the 2027/28 contract offer.",
     {("British Medical Association", "opposes", "2027/28 contract offer", "")}),
    # a policy said to lack something is found fault with (a practice that lacks GPs is not)
    ("The King's Fund said the Neighbourhood Care plan lacked detail.",
     {("King's Fund", "criticises", "Neighbourhood Care plan", "")}),
    # praise VADER scores near nothing; urging others to reject a policy is no recommendation of it
    ("The RCGP said the Neighbourhood Care plan was a step in the right direction.",
     {("Royal College of General Practitioners", "supports", "Neighbourhood Care plan", "")}),
    ("The BMA urged GPs to reject the 2027/28 contract offer.",
     {("British Medical Association", "opposes", "2027/28 contract offer", ""),
      ("British Medical Association", "recommends", "2027/28 contract offer", "reject")}),
    # saying a policy or body is in trouble warns about it, whatever the rest of the words score
    ("Mr Ian Dale said the partnership model was under particular strain in poorer areas.",
     {("Ian Dale", "warnsAbout", "GP partnership model", "")}),
    ("Dr Ann Lee said the partnership model was in crisis.", {("Ann Lee", "warnsAbout", "GP partnership model", "")}),
    ('"The ARRS risks creating a two-tier workforce," said Dr Ann Lee.',
     {("Ann Lee", "warnsAbout", "Additional Roles Reimbursement Scheme", "")}),
    # what is said in response to something is a verdict on it
    ('Responding to the Neighbourhood Care plan, Dr Ann Lee of the RCGP said: "This is a hugely welcome and positive '
     'step for patients."', {("Ann Lee", "welcomes", "Neighbourhood Care plan", "")}),
    ("In response to the Fair Shares report, the BMA said it was deeply disappointing.",
     {("British Medical Association", "criticises", "Fair Shares report", "")}),
    # telling bodies to stop what they do criticises each of them
    ('"NHS England and the DHSC must stop pretending otherwise," said Dr Kate Moss.',
     {("Kate Moss", "criticises", "NHS England", ""), ("Kate Moss", "criticises", "Department of Health and Social Care", "")}),
    # a provider that takes over with nothing named takes over the practice the page is about; one taking over
    # from someone as something takes a post
    ("NHS Kent ICB awarded the APMS contract for Mill Road Surgery to Harbour Health Ltd. The ICB said Harbour "
     "Health Ltd would take over on 1 April.", {("Harbour Health Ltd", "tookOver", "Mill Road Surgery", "")}),
    # a contract or service subcontracted to another body
    ("Elm Surgery has subcontracted its out-of-hours service to Kent Doctors Ltd.",
     {("Elm Surgery", "subcontractsTo", "Kent Doctors Ltd", "")}),
    # a loan taken out from a lender is borrowed from it; an advert taken out is not
    ("Elm Surgery took out a £1.2m loan from Barclays in 2021.", {("Elm Surgery", "borrowsFrom", "Barclays", "£1.2m")}),
    # a post named after the kind of body it is in: the one of that kind the page named last
    ("The Royal College of GPs published the survey. College chair Professor Ann Lee said it was stark.",
     {("Ann Lee", "holdsRole", "Royal College of General Practitioners", "chair")}),
    ("Delegates met in York for the annual conference of Wales LMCs. Conference chair Dr Ian Moss said the mood "
     "was angry.", {("Ian Moss", "holdsRole", "Wales LMCs conference", "chair")}),
    # 'Its chair' is a body's, not the policy named between them
    ("Hull LMC blamed the closure on the funding formula. Its chair, Dr Ema Stone, said it was unfair.",
     {("Ema Stone", "holdsRole", "Hull LMC", "chair")}),
    # a seat on a body's board, as the post the 'as' phrase names
    ("Dr Ruth Hale sat on the governing body of NHS Avon CCG as a GP member from 2015.",
     {("Ruth Hale", "holdsRole", "NHS Avon CCG", "GP member")}),
    ("Dr Ruth Hale is a GP in Bath. Before that, she sat on the board of NHS Avon CCG as its clinical lead.",
     {("Ruth Hale", "holdsRole", "NHS Avon CCG", "clinical lead")}),
    # a post's holder described between the post and the name
    ("Healthwatch Kent was set up in 2013. Its chair, retired teacher Joan Pike, wrote to the ICB.",
     {("Joan Pike", "holdsRole", "Healthwatch Kent", "chair")}),
    # a practice named for a place the page names is in it, and the town stays a town beside the practice's
    # short name ('the Ashcombe partners')
    ("Ashcombe Surgery will merge with Quay Medical Practice. The Ashcombe partners will take out a loan. Patients "
     "want the dispensary to stay in Ashcombe.", {("Ashcombe Surgery", "locatedIn", "Ashcombe", "")}),
    ("Patients in Lydford were told that Lydford Health Centre would close.",
     {("Lydford Health Centre", "locatedIn", "Lydford", "")}),
    # a reported verdict on a policy, however much of it is quoted
    ("Dr Ann Cole said the GP contract was \"unworkable and unfair\".",
     {("Ann Cole", "criticises", "GP contract", "")}),
    ("Dr Ann Cole told Pulse the 2026/27 contract offer was \"derisory\".",
     {("Ann Cole", "criticises", "2026/27 contract offer", "")}),
    ("Professor Ian Dunn said the Neighbourhood Care strategy was \"a welcome first step\".",
     {("Ian Dunn", "supports", "Neighbourhood Care strategy", "")}),
    # the body a funded package is for is funded
    ("NHS Kent ICB said it would fund a £185,000 support package for Elm Surgery.",
     {("NHS Kent ICB", "funds", "Elm Surgery", "£185,000")}),
    ("Tom Hale, the Liberal Democrat MP for Wells and Mendip Hills, said the surgery must stay open.",
     {("Tom Hale", "holdsRole", "Liberal Democrats", "MP for Wells and Mendip Hills")}),
    # an award to a winner the parser reads as an infinitive ('to Operose'), and one the subject voted to make
    ("NHS Kent ICB awarded the contract to Operose Health.",
     {("Operose Health", "wonContract", "NHS Kent ICB", "")}),
    ("NHS Devon ICB voted on Tuesday to award the APMS contract for Park Surgery to Operose Health.",
     {("Operose Health", "wonContract", "NHS Devon ICB", "")}),
    # 'the strategy' and 'the plan' stand for the plan the page named by its title, quoted or introduced
    ("The health secretary unveiled the £2bn ‘Care Closer to Home’ plan. The Royal College of GPs welcomed the "
     "strategy.", {("Royal College of General Practitioners", "welcomes", "Care Closer to Home", "")}),
    ("Ministers said the strategy, titled Healthy Futures, would cost £2bn. The King's Fund criticised the plan.",
     {("King's Fund", "criticises", "Healthy Futures", "")}),
    # 'the announcement' of a page that named one plan is that plan's
    ("The health secretary set out the Fair Start plan on Monday. Dr Omar Reid dismissed the announcement as a "
     "rebadging exercise. The Patients Association welcomed the announcement.",
     {("Omar Reid", "opposes", "Fair Start plan", ""), ("Patients Association", "welcomes", "Fair Start plan", "")}),
    # the posts a practice's partners hold, counted before they are named
    ("Riverside Surgery's two remaining partners, Dr Tom Birch and Dr Ann Cole, will retire.",
     {("Tom Birch", "holdsRole", "Riverside Surgery", "partner"), ("Ann Cole", "holdsRole", "Riverside Surgery",
                                                                   "partner")}),
    # one who speaks at a practice visited it
    ("Speaking at Riverside Surgery in Leeds on Monday, Helen Marsh said the plan would help.",
     {("Helen Marsh", "visited", "Riverside Surgery", "")}),
    # support withheld in so many words is opposition
    ("The RCGP does not support the Neighbourhood First plan.",
     {("Royal College of General Practitioners", "opposes", "Neighbourhood First plan", "")}),
    ("Unison said it cannot recommend the Agenda for Change pay deal to its members.",
     {("Unison", "opposes", "Agenda for Change", "")}),
    # 'this deal' a few sentences after 'the contract offer for 2027/28', not the award named in between
    ('NHS England set out its contract offer for 2027/28 on Monday. Dr Amy Hart, chair of Devon LMC, said the '
     'package fell short. "Staff expect a pay award we cannot meet," she said. "We cannot recommend this deal."',
     {("Amy Hart", "opposes", "contract offer for 2027/28", "")}),
    # who tells a local paper is quoted in it
    ('"We have no quarrel with the staff," Mr Tom Hale told the Mercury.', {("Tom Hale", "quotedIn", "Mercury", "")}),
    # a body of the organisation whose possessive names it
    ("She was previously provost of the RCGP's Midland Faculty.",
     {("Midland Faculty", "partOf", "Royal College of General Practitioners", "")}),
    ("The Kent LMC's Sessional GPs Subcommittee said it would respond.",
     {("Sessional GPs Subcommittee", "partOf", "Kent LMC", "")}),
    # 'is part of' after another verb of the same subject
    ("Larchfield Health Ltd took over the practice in 2021. The company runs nine practices across the East "
     "Midlands and is part of the Corvane Healthcare Group.",
     {("Larchfield Health Ltd", "partOf", "Corvane Healthcare Group", "")}),
    # an address on a street, then the town
    ("Riverside Medical Practice, on Quay Road in Harbridge, will merge.",
     {("Riverside Medical Practice", "locatedIn", "Harbridge", "")}),
    # where a person works
    ("Dr Niamh Callaghan is a salaried GP in Rochdale.", {("Niamh Callaghan", "locatedIn", "Rochdale", "")}),
    ("Her predecessor, Dr Kamal Venkatesan, a GP in Bradford, led practices.",
     {("Kamal Venkatesan", "locatedIn", "Bradford", "")}),
    # ... and where the second of two posts in apposition is
    ("The study was led by Dr Wen Harlow, a senior fellow at the King's Fund and a former GP in Grimsby.",
     {("Wen Harlow", "locatedIn", "Grimsby", "")}),
    ("Dr Ola Penn, chair of Avon LMC and a GP partner in Keynsham, said it was wrong.",
     {("Ola Penn", "locatedIn", "Keynsham", "")}),
    # 'the findings' are the page's report's, not those of a review it recommends
    ("The Health Foundation published its report, Closer Care, on Monday. It calls for an independent review of "
     "premises. "
     "Dr Ravi Noor, chair of Leeds LMC, welcomed the findings.",
     {("Ravi Noor", "welcomes", "Closer Care", "")}),
    # a group of a practice named by the practice before it: who chairs it, and whose it is
    ("The worry was shared by Ken Ives, who chairs the Elm Tree Surgery patient participation group.",
     {("Ken Ives", "holdsRole", "Elm Tree Surgery patient participation group", "chair"),
      ("Elm Tree Surgery patient participation group", "partOf", "Elm Tree Surgery", "")}),
    # the street a practice is on, and the street's town
    ("Elm Surgery, on Mill Lane in Ashford, will close.",
     {("Elm Surgery", "locatedIn", "Mill Lane", ""), ("Mill Lane", "locatedIn", "Ashford", ""),
      ("Elm Surgery", "locatedIn", "Ashford", "")}),
    # a body that runs or serves practices across an area is there
    ("Elm Surgery will be taken over by Moor Health, the GP federation that represents 20 practices across Dorset.",
     {("Moor Health", "locatedIn", "Dorset", "")}),
    ("Kestrel Care Ltd bought the practice in 2022. The company runs nine practices across Kent.",
     {("Kestrel Care Ltd", "locatedIn", "Kent", "")}),
    # who led a report wrote it, and so did the one 'with' them
    ("The King's Fund published its report, Closer Care, on Monday. The report was led by Dr Ina Moss, a fellow at "
     "the King's Fund, with Tom Reyes, an analyst at the fund.",
     {("Ina Moss", "authored", "Closer Care", ""), ("Tom Reyes", "authored", "Closer Care", "")}),
    # the future of reported speech is a plan
    ("NHS Kent ICB said it would pilot the Pharmacy First scheme.",
     {("NHS Kent ICB", "plans", "Pharmacy First", "pilot")}),
    # a sum set aside, provided or committed funds who or what it is for
    ("NHS Kent ICB has set aside £12m for Elm Tree Surgery.", {("NHS Kent ICB", "funds", "Elm Tree Surgery", "£12m")}),
    ("NHS Kent ICB put up £9,400 to cover the first year for Elm Tree Surgery, a practice in Ashford.",
     {("NHS Kent ICB", "funds", "Elm Tree Surgery", "£9,400"), ("Elm Tree Surgery", "locatedIn", "Ashford", "")}),
    ("NHS England provided £82m to NHS Kent ICB.", {("NHS England", "funds", "NHS Kent ICB", "£82m")}),
    ("The DHSC has committed £2bn to the Additional Roles Reimbursement Scheme.",
     {("Department of Health and Social Care", "funds", "Additional Roles Reimbursement Scheme", "£2bn")}),
    # more verbs of the trade press's stance
    ("The King's Fund decried the Carr-Hill formula.", {("King's Fund", "criticises", "Carr-Hill formula", "")}),
    ("Dr Ann Lee commended the ARRS.", {("Ann Lee", "supports", "Additional Roles Reimbursement Scheme", "")}),
    # 'the direction of travel' is the plan the page is about
    ("Ministers set out the Care Closer plan on Monday. The plan will merge PCNs. Dr Eve Lowe said: \"We support "
     "the direction of travel, and we will work with the department.\"",
     {("Eve Lowe", "supports", "Care Closer plan", "")}),
    # a verb joined to another shares its subject
    ("NHS England published the Access Recovery Plan. The BMA met ministers on Monday and described the plan as a "
     "shambles.", {("British Medical Association", "criticises", "Delivery Plan for Recovering Access to Primary Care", "")}),
    # a stance on the use of something is on it
    ("Dr Ann Marwick opposes the use of physician associates as substitutes for GPs.",
     {("Ann Marwick", "opposes", "physician associates", "")}),
    # practices that merge are partners
    ("Elm Surgery will merge with Oak Lane Surgery in April.", {("Elm Surgery", "partnerOf", "Oak Lane Surgery", "")}),
    ("Brook Medical Practice and Hill Surgery will combine to form the Vale Health Partnership.",
     {("Brook Medical Practice", "partnerOf", "Hill Surgery", ""),
      ("Hill Surgery", "partOf", "Vale Health Partnership", "")}),
    # a body in lower case of an organisation: its member, its part, its report
    ("Dr Ada Lin is a member of the BMA's salaried GPs committee. The Salaried GP Workload Survey, published in "
     "March by the BMA's salaried GPs committee, polled 900 GPs.",
     {("Ada Lin", "holdsRole", "BMA salaried GPs committee", "member"),
      ("BMA salaried GPs committee", "partOf", "British Medical Association", ""),
      ("BMA salaried GPs committee", "published", "Salaried GP Workload Survey", "")}),
    # 'the model', 'the formula': the policy last named with that word
    ("Practices under the partnership model are struggling. Dr Bo Yu said the model was broken and outdated.",
     {("Bo Yu", "criticises", "GP partnership model", "")}),
    # a stance on a policy's part is on the policy
    ("Dr Ann Lee warned that the requirement in the 2025/26 GP contract to keep tools open risked overwhelming teams.",
     {("Ann Lee", "warnsAbout", "2025/26 GP contract", "")}),
    ("The Treasury published its Access First strategy. The Nuffield Trust warned that staffing would be the "
     "hardest part of the strategy to deliver.",
     {("Nuffield Trust", "warnsAbout", "Access First strategy", "")}),
    # a town of a county; a practice in a two-word village the model takes for a body
    ("The surgery serves the Suffolk market town of Haverhill and its villages.",
     {("Haverhill", "locatedIn", "Suffolk", "")}),
    ("Patients will be offered registration at Brook Medical Centre in Upper Stowford, which agreed to it.",
     {("Brook Medical Centre", "locatedIn", "Upper Stowford", "")}),
    # an organisation's guidance is a policy it published
    ("I fully support the BMA's safe working guidance.",
     {("British Medical Association", "published", "safe working guidance", "")}),
    # a delegate from a committee holds a post there; a post held 'previously' or 'formerly' is a former one
    ("Dr Kwame Oduya, a delegate from Londonwide LMCs, warned against a ballot.",
     {("Kwame Oduya", "holdsRole", "Londonwide LMCs", "delegate")}),
    ("Dr Ann Lee was previously provost of the RCGP's Midland Faculty.",
     {("Ann Lee", "holdsRole", "Midland Faculty", "former provost")}),
    ("Dr Ann Lee, who was formerly chair of Kent LMC, said practices were closing.",
     {("Ann Lee", "holdsRole", "Kent LMC", "former chair")}),
    # the BMA's GP committee for England in the words the press gives it
    ("Dr Rhiannon Metcalfe, chair of the BMA's GP committee England, said practices needed money.",
     {("Rhiannon Metcalfe", "holdsRole", "GPC England", "chair"),
      ("GPC England", "partOf", "British Medical Association", "")}),
    # 'the report' after an analysis known by its title is that analysis
    ("The think tank's analysis, Fair shares: funding general practice where need is greatest, concludes that the "
     "formula is unfair. Dr Ann Lee criticised the report as a call for more money.",
     {("Ann Lee", "criticises", "Fair shares: funding general practice where need is greatest", "")}),
    # what practices merge to form, or are merged into, they are part of
    ("Riverside Medical Practice and Wexcombe Surgery will combine on 1 April to form the Two Rivers Health "
     "Partnership.", {("Riverside Medical Practice", "partOf", "Two Rivers Health Partnership", ""),
                      ("Wexcombe Surgery", "partOf", "Two Rivers Health Partnership", "")}),
    ("Elm Surgery will merge with Oak Surgery to create the Forest Health Partnership.",
     {("Elm Surgery", "partOf", "Forest Health Partnership", ""),
      ("Oak Surgery", "partOf", "Forest Health Partnership", "")}),
    ("NHS Nene CCG was merged into NHS Northamptonshire CCG in 2020.",
     {("NHS Nene CCG", "partOf", "NHS Northamptonshire CCG", "")}),
    # a sum from someone backs what the participle describes
    ("Riverside Surgery and Wexcombe Surgery will become the Two Rivers Health Partnership on 1 April, backed by "
     "£1.6m from NHS Devon.", {("NHS Devon", "funds", "Two Rivers Health Partnership", "£1.6m")}),
    ("The Pharmacy First pilot, funded by £2m from NHS England, starts in May.",
     {("NHS England", "funds", "Pharmacy First", "£2m")}),
    # a passive paid for with sums from several bodies: each funds it with its own sum
    ("The Hadley Fields Health Centre has been paid for with £4.1m from Severnvale District Council and £3.3m from "
     "housebuilder Bellcroft Homes.", {("Severnvale District Council", "funds", "Hadley Fields Health Centre", "£4.1m"),
                                       ("Bellcroft Homes", "funds", "Hadley Fields Health Centre", "£3.3m")}),
    ("Millbrook Surgery was funded with £900,000 from NHS Kent and Medway and £250,000 from Folkestone Town Council.",
     {("NHS Kent and Medway", "funds", "Millbrook Surgery", "£900,000"),
      ("Folkestone Town Council", "funds", "Millbrook Surgery", "£250,000")}),
    # backing someone's call is backing them
    ("Dr Fenella Marwick backed the BMA's call for a pause in their recruitment.",
     {("Fenella Marwick", "supports", "British Medical Association", "")}),
    ("Dr Amara Okafor criticised the Government's plan to introduce a national contract.",
     {("Amara Okafor", "criticises", "the Government", "")}),
    # where an organisation is based
    ("Castlegate Health Group, which is based in Birmingham, runs 23 practices.",
     {("Castlegate Health Group", "locatedIn", "Birmingham", "")}),
    ("Harbour Health, headquartered in Leeds, runs 12 practices.",
     {("Harbour Health", "locatedIn", "Leeds", "")}),
]

# rules of the seventh session, from the dev3 articles (docs/extraction.md), each with sentences of its own
DEV3_RULES = [
    # the town a person's clinical post is held in, wherever the parse puts the post
    ("Dr Omar Hale, who remains a GP in Carlisle, said the plan was late.", {("Omar Hale", "locatedIn", "Carlisle", "")}),
    ("Dr Ruth Bale, vice chair of Kent LMC and a salaried GP in Dover, said the plan was late.",
     {("Ruth Bale", "locatedIn", "Dover", "")}),
    ("Dr Mia Frost, a Leeds GP partner, said the plan was late.", {("Mia Frost", "locatedIn", "Leeds", "")}),
    # a post taken over, and one an organisation owns ('the BMA's deputy chair')
    ("Dr Omar Hale, a GP partner who took over as chair of the Royal College of Nursing this week, spoke.",
     {("Omar Hale", "holdsRole", "Royal College of Nursing", "chair")}),
    ("Dr Ruth Bale served as the BMA's deputy chair from 2019.",
     {("Ruth Bale", "holdsRole", "British Medical Association", "deputy chair")}),
    ("Dr Ruth Bale was previously NHS England's national director of primary care.",
     {("Ruth Bale", "holdsRole", "NHS England", "former national director of primary care")}),
    # a verdict of derision, whatever VADER makes of it
    ("Dr Ann Lee described the Quality and Outcomes Framework as \"a lottery dressed up as a methodology\".",
     {("Ann Lee", "criticises", "Quality and Outcomes Framework", "")}),
    # what holds something up is praise, however VADER scores the word; a describing participle's subject is its clause's
    ("Dr Ann Lee welcomed the vote, describing the Quality and Outcomes Framework as \"the bedrock of chronic care\".",
     {("Ann Lee", "supports", "Quality and Outcomes Framework", "")}),
    ("The King's Fund said the Pharmacy First scheme had become the backbone of urgent care.",
     {("King's Fund", "supports", "Pharmacy First", "")}),
    # a report's title in title case after its head word, its small words in lower case
    ("Healthwatch Kent, whose 2024 report Waiting to Be Seen found a gap, said it was worried.",
     {("Healthwatch Kent", "published", "Waiting to Be Seen", "")}),
    # 'the charity' is the body named last of its kinds
    ("The Health Foundation published an analysis on Monday. Samir Qureshi, an economist at the charity, said the "
     "gap had grown.", {("Samir Qureshi", "holdsRole", "Health Foundation", "economist")}),
    ("The Health Foundation published its report, Unequal Shares, on Monday. The authors point the finger at the "
     "Carr-Hill formula.", {("Unequal Shares", "criticises", "Carr-Hill formula", "")}),
    # a town after 'in' and a compass word, which the model leaves unnamed
    ("Among the case studies is Holly Road Surgery in north Leeds, where most patients are over 70.",
     {("Holly Road Surgery", "locatedIn", "Leeds", "")}),
    # whose policy is planned or proposed plans it
    ("He warned that the government's planned neighbourhood health service risked repeating the mistake.",
     {("the Government", "plans", "neighbourhood health service", "")}),
    ("The BMA rejected NHS England's proposed GP contract for 2026/27.", {("NHS England", "plans", "GP contract", "")}),
    # a person described as a report's author wrote it
    ("The King's Fund published a report on Monday. Dr Ann Lee, a fellow at the King's Fund and the report's lead "
     "author, said the pattern was stark.", {("Ann Lee", "authored", "King's Fund report", "")}),
    ("The King's Fund published a report on Monday. Dr Ann Lee, the report's co-author, said the pattern was stark.",
     {("Ann Lee", "authored", "King's Fund report", "")}),
    # succeeding someone with no post in the sentence: the one post the page gave the new holder was theirs
    ("Dr Ann Lee, a GP partner who took over as chair of the Royal College of Nursing this week, spoke. Dr Lee "
     "formally succeeded Professor Tom Hale on 18 November.",
     {("Tom Hale", "holdsRole", "Royal College of Nursing", "former chair")}),
    # standing firmly behind someone backs them, in a reader's words too
    ("The Royal College of Nursing is firmly behind the Kent LMC motion.",
     {("Royal College of Nursing", "supports", "Kent LMC", "")}),
    ("LMCs vote for action\nBy Ann Lee\n1 May 2026\n\nKent LMC proposed a motion on the ARRS.\n\nReaders' comments "
     "(1)\nTired doc | GP partner | 1 May 2026 10:00\nFully behind the Kent LMC motion.\n",
     {("Tired doc", "supports", "Kent LMC", "")}),
    # a body a reader says never or does not do something, the reader criticises
    ("ICB cuts funding\nBy Ann Lee\n1 May 2026\n\nNHS Kent ICB cut the budget.\n\nReaders' comments (1)\n"
     "Kent GP | GP partner | 1 May 2026 10:00\nThe ICB has never funded anything properly.\n",
     {("Kent GP", "criticises", "NHS Kent ICB", "")}),
    ("ICB cuts funding\nBy Ann Lee\n1 May 2026\n\nNHS Kent ICB cut the budget.\n\nReaders' comments (1)\n"
     "Kent GP | GP partner | 1 May 2026 10:00\nNobody at the Care Quality Commission ever asks practice managers.\n",
     {("Kent GP", "criticises", "Care Quality Commission", "")}),
    # credit given to someone is praise
    ("Funding gap\nBy Ann Lee\n1 May 2026\n\nThe King's Fund published an analysis.\n\nReaders' comments (1)\n"
     "Kent GP | GP partner | 1 May 2026 10:00\nCredit to the King's Fund for doing the sums properly.\n",
     {("Kent GP", "supports", "King's Fund", "")}),
    # 'X, of Y LMC,': one of the organisation's people, post unsaid
    ("Dr Ruth Bale, of Kent LMC, supported the call to scrap ratings.", {("Ruth Bale", "holdsRole", "Kent LMC", "")}),
    # a fellow partner holds the post where the one whose fellow they are holds it
    ("Dr Ann Lee, a partner at Mill Lane Surgery, said the move was overdue. Her fellow partner Dr Tom Hale said the "
     "new centre would have 22 rooms.", {("Tom Hale", "holdsRole", "Mill Lane Surgery", "partner")}),
    # what a body should have done, in someone's words, reproaches it
    ("NHS Kent ICB awarded the contract to Operose Health. Dr Ann Lee said: \"The ICB should never have awarded this "
     "contract.\"", {("Ann Lee", "criticises", "NHS Kent ICB", "")}),
    # a post the practice owns, taken over; a hyphenated post whole; a post the parser takes for an adjective
    ("Holly Road Surgery was rated inadequate. Dr Eva Marr took over as the practice's lead GP in April.",
     {("Eva Marr", "holdsRole", "Holly Road Surgery", "lead GP")}),
    ("Dr Ann Lee is a GP in Leeds. She has been vice-chair of Kent LMC since 2021 and was previously provost of the "
     "RCGP's Wessex Faculty.", {("Ann Lee", "holdsRole", "Kent LMC", "vice-chair"),
                                ("Ann Lee", "holdsRole", "Wessex Faculty", "former provost")}),
    # a body folded or absorbed into another is part of it
    ("With Health Education England being folded into NHS England, the college sees a chance.",
     {("Health Education England", "partOf", "NHS England", "")}),
    ("NHS Digital was absorbed into NHS England in 2023.", {("NHS Digital", "partOf", "NHS England", "")}),
    # a name right after the verb that the parser takes for an adverb is still its object
    ("Dr Mia Frost qualified in Leeds. Beyond the surgery, she chaired Kent LMC from 2012 to 2016 and sat on the "
     "RCGP council.", {("Mia Frost", "chaired", "Kent LMC", "")}),
]

# rules read from eval/heldout/dev4, each with sentences of other names
DEV4_RULES = [
    # a title after a described owner's possessive names the report, and the owner made it
    ("Access gap widens as Patient Voice report lands\n\nThe Health Foundation has warned of a gap. The charity’s "
     "annual Patient Voice report, published today, found that access had fallen.",
     {("Health Foundation", "published", "Patient Voice report", "")}),
    ("Care gap widens as State of Health report lands\n\nThe King's Fund has warned of a gap. The think tank’s "
     "annual State of Health report, published today, found that access had fallen.",
     {("King's Fund", "published", "State of Health report", "")}),
    # a capital 'The' inside a sentence is part of a practice's name
    ("Ann Rowe is practice manager at The Laurels Surgery in Hexham.",
     {("Ann Rowe", "holdsRole", "The Laurels Surgery", "practice manager"),
      ("The Laurels Surgery", "locatedIn", "Hexham", "")}),
    # years spent as a post
    ("Dr Ruth Bale spent 15 years as honorary treasurer of Kent Local Medical Committee.",
     {("Ruth Bale", "holdsRole", "Kent Local Medical Committee", "honorary treasurer")}),
    ("Dr Jo Reed has spent a decade as a partner at Mill Lane Surgery.",
     {("Jo Reed", "holdsRole", "Mill Lane Surgery", "partner")}),
    # a town written before a post and a titled name, one the model does not know too; where someone lives
    ("Tributes paid as Lyme Regis GP Dr Omar Hale retires\n\nDr Hale said he would miss his patients.",
     {("Omar Hale", "locatedIn", "Lyme Regis", "")}),
    ("Tributes paid as Axminster GP Dr Omar Hale retires\n\nDr Hale said he would miss his patients.",
     {("Omar Hale", "locatedIn", "Axminster", "")}),
    ("Veteran Kettering GP Professor Tom Hale agreed.", {("Tom Hale", "locatedIn", "Kettering", "")}),
    ("Dr Omar Hale, who lives in Chideock with his wife, plans to sail more.",
     {("Omar Hale", "locatedIn", "Chideock", "")}),
    ("Dr Ann Lee lives in Leeds.", {("Ann Lee", "locatedIn", "Leeds", "")}),
    # 'Review of X' is a report, and who leads a review or an inquiry chairs it (a report's leader wrote it)
    ("The minister accepted the Inquiry into Practice Premises, an independent inquiry led by Dr Omar Hale.",
     {("Omar Hale", "chaired", "Inquiry into Practice Premises", "")}),
    ("The Review of Nursing Associates was led by Professor Ann Lee.",
     {("Ann Lee", "chaired", "Review of Nursing Associates", "")}),
    ("The Government accepted the Review of Nursing Associates in the NHS, which reported in May.",
     {("the Government", "supports", "Review of Nursing Associates in the NHS", "")}),
    ("The King's Fund published a report on Monday. The report was led by Dr Ann Lee.",
     {("Ann Lee", "authored", "King's Fund report", "")}),
    # a town after a comma and a compass word: the place before it lies in it
    ("At Mill Lane Surgery in Gorton, east Manchester, two nurses have left.",
     {("Mill Lane Surgery", "locatedIn", "Gorton", ""), ("Gorton", "locatedIn", "Manchester", "")}),
    # a UK town the model missed after 'in'; a month is no town
    ("Inspectors praised Harbour Medical Group in Hull, which was rated outstanding in March.",
     {("Harbour Medical Group", "locatedIn", "Hull", "")}),
    # what a clause's subject did 'a year after taking over' something
    ("Inspectors praised Harbour Medical Group, which was rated outstanding a year after taking over the "
     "neighbouring Quay Lane Surgery.", {("Harbour Medical Group", "tookOver", "Quay Lane Surgery", "")}),
    ("Operose Health was fined £20,000 after taking over Elm Surgery.",
     {("Operose Health", "tookOver", "Elm Surgery", "")}),
    # a service apposed to '<firm>-run service': the firm runs it; how often a report comes out is not its title
    ("Practices chased the records that NHS 111, the Capita-run service, had lost.",
     {("Capita", "operates", "NHS 111", "")}),
    ("The Royal College of Nursing's annual Nursing Workforce Survey, published last month, found that 40% would "
     "leave.", {("Royal College of Nursing", "published", "Nursing Workforce Survey", "")}),
    # a practice's name without its kind word is the practice; a post whose 'at' the parser hangs on the verb
    ("When Dr Omar Hale walked into Quay View Surgery in 1990, it had four doctors. He became senior partner at "
     "Quay View in 2004.", {("Omar Hale", "holdsRole", "Quay View Surgery", "senior partner")}),
    ("Dr Ann Lee joined Mill Lane Surgery in 1991. She became senior partner at Mill Lane Surgery in 2006.",
     {("Ann Lee", "holdsRole", "Mill Lane Surgery", "senior partner")}),
    # a body that makes someone a post gives it to them
    ("Dr Omar Hale retired. The Royal College of Nursing made him a fellow in 2010.",
     {("Omar Hale", "holdsRole", "Royal College of Nursing", "fellow")}),
    ("Dr Ann Lee retired. Kent LMC made her its honorary secretary in 2001.",
     {("Ann Lee", "holdsRole", "Kent LMC", "honorary secretary")}),
    # what a report says, owned by it, stands for the report in a stance
    ("The Health Foundation published its Fair Shares report today. The Royal College of Nursing welcomed the "
     "report’s focus on inequality.", {("Royal College of Nursing", "welcomes", "Fair Shares report", "")}),
    # singled out for praise or criticism; set up; 'the integrated care board' spelt out is the ICB
    ("The King's Fund published its Access report today. The report singles out NHS Kent ICB for praise after the "
     "integrated care board set up a £2m Practice Support Fund in 2024.",
     {("Access report", "supports", "NHS Kent ICB", ""), ("NHS Kent ICB", "founded", "Practice Support Fund", "£2m")}),
    ("Dr Ann Lee set up Kent Digital Health in 2015.", {("Ann Lee", "founded", "Kent Digital Health", "")}),
    # words of policy criticism VADER does not score
    ("QOF rules\nBy Ann Lee\n1 May 2026\n\nQOF changed.\n\nReaders' comments (1)\nKent GP | GP partner | "
     "1 May 2026 10:00\nThe new rule for locums in the Quality and Outcomes Framework is indefensible.\n",
     {("Kent GP", "criticises", "Quality and Outcomes Framework", "")}),
    # a policy said to be refreshed or updated is planned to change
    ("A DHSC spokesperson said the Primary Care Strategy, published in 2023, would be refreshed later this year.",
     {("Department of Health and Social Care", "plans", "Primary Care Strategy", "refresh")}),
    # a feeling about what a clause says is about what the clause is about
    ("Professor Ann Lee, chair of the Royal College of Nursing, said: \"We are pleased the Government has listened.\"",
     {("Ann Lee", "welcomes", "the Government", "")}),
    ("The RCN said it was delighted that the King's Fund had backed the plan.",
     {("Royal College of Nursing", "welcomes", "King's Fund", "")}),
    ("Kent LMC is concerned that the GP contract will drive partners out.",
     {("Kent LMC", "warnsAbout", "GP contract", "")}),
    # 'welcomed the announcement': a stance on who the page says announced it
    ("Practices will be barred from hiring associates, the health secretary has announced. Tom Pym told the Commons "
     "the change would start in April. Professor Ann Lee, chair of the Royal College of Nursing, welcomed the "
     "announcement.", {("Ann Lee", "welcomes", "Tom Pym", "")}),
    # a state a policy is said to be in is a verdict on it; 'the formula' is the one of that word, not one once
    # called a formula
    ("Dr Ann Lee said the Quality and Outcomes Framework was rigged.",
     {("Ann Lee", "criticises", "Quality and Outcomes Framework", "")}),
    ("The global sum formula fails patients, the charity says. The Carr-Hill formula has been used to allocate the "
     "global sum since 2004. Dr Omar Hale said: \"We have been telling ministers for a decade that the formula is "
     "broken.\"", {("Omar Hale", "criticises", "Carr-Hill formula", "")}),
    # protecting something supports it
    ("Dr Ruth Bale of NHS England said: \"That is exactly why we have protected QOF funding.\"",
     {("Ruth Bale", "supports", "Quality and Outcomes Framework", "")}),
    # a short verdict praises with milder words than a clause needs
    ("Kent LMC offered a new GP contract. A DHSC spokesperson described the GP contract as \"a fair offer in "
     "difficult circumstances\".", {("Department of Health and Social Care", "supports", "GP contract", "")}),
    # a street after 'in the' or 'on the'
    ("The centre will replace the premises of Holly Road Surgery in the High Street, which the surgery outgrew.",
     {("Holly Road Surgery", "locatedIn", "High Street", "")}),
    ("Elm Surgery, on the Old Kent Road in Leeds, is closing.",
     {("Elm Surgery", "locatedIn", "Old Kent Road", ""), ("Old Kent Road", "locatedIn", "Leeds", "")}),
    # where one trained or worked as a GP
    ("Dr Ann Lee qualified in 1998 and trained as a GP in Carlisle before moving south.",
     {("Ann Lee", "locatedIn", "Carlisle", "")}),
    ("Dr Omar Hale worked as a GP in Dover for a decade.", {("Omar Hale", "locatedIn", "Dover", "")}),
    # 'our PCN clinical director': the network the page named, not networks in general
    ("We are part of Dover Rural Primary Care Network. I do not blame our PCN clinical director, Dr Ann Lee, who "
     "has fought hard.", {("Ann Lee", "holdsRole", "Dover Rural Primary Care Network", "clinical director")}),
    ("Dr Tom Hale spent 20 years as honorary secretary of Kent Local Medical Committee. Dr Ann Lee, a Dover GP, "
     "took over as LMC secretary in April.", {("Ann Lee", "holdsRole", "Kent Local Medical Committee", "secretary")}),
    # a trainee's post, joined with its year hung on it
    ("Dr Ruth Bale, who joined Quay Lane Surgery as a trainee in 2008, spoke.",
     {("Ruth Bale", "holdsRole", "Quay Lane Surgery", "trainee")}),
    # the decision, the move, the measures: the announcer's, where no owner is named
    ("Practices will be barred from hiring associates, the health secretary has announced. Tom Pym told the Commons "
     "the change would start in April. The BMA, however, said the measures did not go far enough. The Royal College "
     "of Nursing criticised the decision to rename the role. Kent LMC welcomed the move.",
     {("British Medical Association", "criticises", "Tom Pym", ""),
      ("Royal College of Nursing", "criticises", "Tom Pym", ""), ("Kent LMC", "welcomes", "Tom Pym", "")}),
]

def _reader_says(text: str) -> str:
    """A page whose one reader's comment is `text`."""
    return ("Rota changes\n\nThe Welsh Government set out the QOF and the GMS contract with the BMA.\n\n"
            f"Readers' comments (1)\n\nValleys GP | GP partner | 5 May 2026 9:14am\n{text}")


# the ninth session's
IDIOM_RULES = [
    # idioms of doing nothing when something was needed find fault with their subject
    ("Dr Ann Cole of Powys LMC said the Welsh Government had buried its head in the sand over recruitment.",
     {("Ann Cole", "criticises", "Welsh Government", "")}),
    ("\"Health Education England has dragged its feet on training places for a decade,\" said Dr Ann Cole.",
     {("Ann Cole", "criticises", "Health Education England", "")}),
    # a reader's own charge, in a comment, is the reader's
    ("Access plan published\n\nThe Royal College of GPs and NHS England set out an access plan.\n\n"
     "Readers' comments (1)\n\nTired Partner | GP partner | 5 May 2026 9:14am\n"
     "The college sat on its hands for years. NHS England has ignored us.",
     {("Tired Partner", "criticises", "Royal College of General Practitioners", ""),
      ("Tired Partner", "criticises", "NHS England", "")}),
    # idioms of shifting the burden, in a quotation, a report of speech or a reader's comment
    ("Dr Ann Cole of Powys LMC said the Welsh Government had kicked the can down the road on premises.",
     {("Ann Cole", "criticises", "Welsh Government", "")}),
    ("\"NHS Wales pulled the rug from under practices,\" said Dr Ann Cole.", {("Ann Cole", "criticises", "NHS Wales", "")}),
    # loving or valuing something supports it, as hating it criticises it
    (_reader_says("As a patient I love the NHS App, but I hate the QOF."),
     {("Valleys GP", "supports", "NHS App", ""), ("Valleys GP", "criticises", "Quality and Outcomes Framework", "")}),
    (_reader_says("The Welsh Government will sign the deal and leave practices to "
                  "foot the bill. The BMA keeps moving the goalposts. The health board is passing the buck."),
     {("Valleys GP", "criticises", "Welsh Government", ""), ("Valleys GP", "criticises", "British Medical Association", "")}),
    # a charge of pretending, in a quotation or a comment
    ("\"NHS Wales acts as though GPs were a bottomless pit,\" said Dr Ann Cole.",
     {("Ann Cole", "criticises", "NHS Wales", "")}),
    (_reader_says("The BMA still behaves as if salaried GPs did not exist. The Welsh "
                  "Government must think we are fools."),
     {("Valleys GP", "criticises", "British Medical Association", ""),
      ("Valleys GP", "criticises", "Welsh Government", "")}),
    (_reader_says("\"Record investment in general practice\" - the Welsh Government must think we can't do maths."),
     {("Valleys GP", "criticises", "Welsh Government", "")}),
    # telling the reader to do away with something: opposition, in a comment or a quotation
    (_reader_says("Just scrap the QOF, and trust us."),
     {("Valleys GP", "opposes", "Quality and Outcomes Framework", "")}),
    ("Dr Ann Cole said: \"Abolish the CQC now.\"",
     {("Ann Cole", "opposes", "Care Quality Commission", "")}),
    # a reader's challenge to explain how or why something works
    (_reader_says("Could anybody in Cardiff explain why the QOF still pays for blood "
                  "tests? Can someone explain how the GMS contract is meant to survive this?"),
     {("Valleys GP", "criticises", "Quality and Outcomes Framework", ""),
      ("Valleys GP", "criticises", "GMS contract", "")}),
    # what a reader says a body barely or hardly did is a charge against it
    (_reader_says("We balloted in 2024 and the Welsh Government hardly noticed."),
     {("Valleys GP", "criticises", "Welsh Government", "")}),
]

# the tenth session's
TENTH_SESSION_RULES = [
    # what a speaker calls someone in praise of them for a post
    ("Rachel Tennant, chief executive of NHS Kent, said Jane Hale had been \"the stand-out candidate\". Dr Kamal "
     "Venkat said Dr Ann Cole was \"the right person to finish the job\".",
     {("Rachel Tennant", "supports", "Jane Hale", ""), ("Kamal Venkat", "supports", "Ann Cole", "")}),
    # leading or joining a fight against something opposes it, and its maker where it is their proposal
    ("In 2017 Dr Bo Lee led the campaign against the CCG's proposal to close the minor injuries unit. Kent LMC "
     "launched a campaign against the GP contract. Dr Ann Cole joined the fight against NHS England's plans.",
     {("Kent LMC", "opposes", "GP contract", ""), ("Ann Cole", "opposes", "NHS England", "")}),
    # what a body should do instead of what it does, in a comment or a quotation, is a charge against it
    (_reader_says("The BMA should be balloting members over the contract, not running surveys."),
     {("Valleys GP", "criticises", "British Medical Association", "")}),
    ("Dr Ann Cole said: \"The Welsh Government should be funding GPs rather than hubs.\"",
     {("Ann Cole", "criticises", "Welsh Government", "")}),
    # a year of training grades a post; a post held 'where' in a body; a post a pronoun says is the body's
    ("Dr Ravi Dean, a final-year registrar at Fernbank Medical Centre in Sunderland, spoke.",
     {("Ravi Dean", "holdsRole", "Fernbank Medical Centre", "final-year registrar")}),
    ("Dr Jane Hale trained at Westbourne Surgery in Scarborough, where she spent six years as a practice nurse. After "
     "her spell at Westbourne Surgery she became its practice manager in 2010.",
     {("Jane Hale", "holdsRole", "Westbourne Surgery", "practice nurse"),
      ("Jane Hale", "holdsRole", "Westbourne Surgery", "practice manager")}),
    # a firm's name without its kind word is the firm; 'is due to' do something is its subject's doing
    ("Castlegate Healthcare runs 17 practices. Castlegate said it was pleased. Castlegate is due to take over Watnall "
     "Road Medical Practice on 1 November.",
     {("Castlegate Healthcare", "tookOver", "Watnall Road Medical Practice", "")}),
    # 'X, the local medical committee for A and B': the body is in the area it is for, however the parser hangs it
    ("Dr Helen Reed, medical director of WESTLMC, the local medical committee for North Yorkshire and York, spoke.",
     {("WESTLMC", "locatedIn", "North Yorkshire", ""), ("WESTLMC", "locatedIn", "York", "")}),
    # 'a Leicester-based company': where the body is based, the town named though the model leaves it unnamed
    ("NHS Kent has awarded a contract to Meridian Health, a Leicester-based company that runs 17 practices. Oak "
     "Surgery, a busy Leeds-based practice, closed.",
     {("Meridian Health", "locatedIn", "Leicester", ""), ("Oak Surgery", "locatedIn", "Leeds", "")}),
    # sharing another's concerns is agreeing with them; criticising the way someone did something criticises them
    ("The Royal College of Nursing said it shared the BMA's concerns. Daniel Reed, chief executive of Healthwatch "
     "Kent, criticised the way NHS Kent and Medway had handled the change.",
     {("Royal College of Nursing", "supports", "British Medical Association", ""),
      ("Daniel Reed", "criticises", "NHS Kent and Medway", "")}),
    # posts taken up, appointed to, joined in a phrase, or worked in 'as' a post, whoever the clause's subject is
    ("Adaora Nwosu-Hart took up post on 1 March as director of primary care at NHS Kent and Medway Integrated "
     "Care Board. In 2018 she was appointed chief operating officer of Medway Health Partnership, a GP federation, "
     "before joining NHS Sussex ICB as deputy director of primary care in 2022. Dr Ann Cole has agreed to work for "
     "Meridian Health as a sessional GP.",
     {("Adaora Nwosu-Hart", "holdsRole", "NHS Kent and Medway Integrated Care Board", "director of primary care"),
      ("Adaora Nwosu-Hart", "holdsRole", "Medway Health Partnership", "chief operating officer"),
      ("Adaora Nwosu-Hart", "holdsRole", "NHS Sussex ICB", "deputy director of primary care"),
      ("Ann Cole", "holdsRole", "Meridian Health", "sessional GP")}),
    # a name given an age is a person's, and so is the same name elsewhere on the page
    ("On the wall of Temitope Okonkwo-Baptiste's office in Hessle hangs a rota. Okonkwo-Baptiste, 52, took up post in "
     "May as director of primary care at NHS Kent and Medway.",
     {("Temitope Okonkwo-Baptiste", "holdsRole", "NHS Kent and Medway", "director of primary care")}),
    # 'her' as an object stands for someone other than the one its sentence names: 'she' two sentences on is still
    # the woman the story follows, not the man named since
    ("Dr Jane Hale took up post in May as chair of Kent LMC. \"It is a big job,\" she said. Dr Tom Bale has known "
     "her since her training. She succeeds Dr Omar Reed, who retired. Born in Leeds, she trained as a nurse. In 2018 "
     "she was appointed chief operating officer of Medway Health Partnership.",
     {("Jane Hale", "holdsRole", "Medway Health Partnership", "chief operating officer"),
      ("Omar Reed", "holdsRole", "Kent LMC", "former chair")}),
    # asking a body for a fund or for funding, with no sum named, is a request for funding from it
    ("Kent LMC has lobbied Kent and Medway ICB for a local hardship fund. Elm Lane Surgery asked NHS Kent and Medway "
     "for emergency funding, and Oak Surgery asked NHS Kent and Medway for advice.",
     {("Kent LMC", "requestsFundingFrom", "NHS Kent and Medway", ""),
      ("Elm Lane Surgery", "requestsFundingFrom", "NHS Kent and Medway", "")}),
    # what a speaker says a body or a policy does not, never or barely does finds fault with it
    ("Dr Ann Cole of Powys LMC said: \"The funding formula does not reflect rurality, and the QOF has never paid "
     "for continuity.\"", {("Ann Cole", "criticises", "funding formula", ""),
                           ("Ann Cole", "criticises", "Quality and Outcomes Framework", "")}),
    ("Dr Ann Cole said the Welsh Government had done nothing for practices in the valleys.",
     {("Ann Cole", "criticises", "Welsh Government", "")}),
    # a reader's own scorn, also in what a body would not do, and what nobody at a body does
    (_reader_says("Nobody at Health Education England has ever asked a GP. The Welsh Government wouldn't know a fair "
                  "deal if it saw one."),
     {("Valleys GP", "criticises", "Health Education England", ""), ("Valleys GP", "criticises", "Welsh Government", "")}),
]

ELEVENTH_SESSION_RULES = [
    # a first post at a practice in a place, then the post in another body
    ("Dr Ann Lee, a GP partner at Hill Surgery in Leeds and chair of Leeds LMC, said the deal was poor. Dr Omar Said "
     "is a salaried GP at Elm Surgery in Bath and medical director of Avon LMC.",
     {("Ann Lee", "holdsRole", "Leeds LMC", "chair"), ("Omar Said", "holdsRole", "Avon LMC", "medical director")}),
    # 'the organisation' is the body just named
    ("NHS England said it would respond to the findings. Dr Fiona Hale, the organisation's deputy medical director "
     "for primary care, said the contract had added £889m.",
     {("Fiona Hale", "holdsRole", "NHS England", "deputy medical director for primary care")}),
    # a sentence opening on the post one was elected or appointed to: the main clause's subject holds it
    ("Dr Judith Moss arrived at Elm Surgery in 1991. Elected chair of Cumbria LMC, the committee that represents "
     "GPs across the county, in 2009, she led it for eight years. Appointed chief executive of Kent LMC in 2019, "
     "Dr Ann Lee said the deal was poor.",
     {("Judith Moss", "holdsRole", "Cumbria LMC", "chair"), ("Ann Lee", "holdsRole", "Kent LMC", "chief executive")}),
    # wringing one's hands, twiddling one's thumbs: doing nothing when something was needed
    (_reader_says("The BMA has been wringing its hands about this for years. The Welsh Government is twiddling its "
                  "thumbs."),
     {("Valleys GP", "criticises", "British Medical Association", ""), ("Valleys GP", "criticises", "Welsh Government", "")}),
    # a sum a body puts into, adds to or invests in something funds it, also in a clause on the sum
    ("Dr Ann Cole said: \"The £82m NHS England put into the Additional Roles Reimbursement Scheme was welcome.\" "
     "Kent LMC pointed to the £9m the government has added to the Quality and Outcomes Framework. NHS Wales could "
     "put £5m into Pharmacy First.",
     {("NHS England", "funds", "Additional Roles Reimbursement Scheme", "£82m"),
      ("the Government", "funds", "Quality and Outcomes Framework", "£9m")}),
    # a verdict a quotation reports another as giving is that other's
    ("Dr Ann Cole said: \"Kent LMC has been telling ministers for a decade that the funding formula is broken.\"",
     {("Kent LMC", "criticises", "funding formula", "")}),
    # a dispute with a body over a policy opposes both
    ("Kent LMC has been in dispute with NHS Kent and Medway over the Quality and Outcomes Framework since May. The BMA "
     "entered a formal dispute with NHS England over the online consultation requirement in the GP contract.",
     {("Kent LMC", "opposes", "NHS Kent and Medway", ""), ("Kent LMC", "opposes", "Quality and Outcomes Framework", ""),
      ("British Medical Association", "opposes", "GP contract", "")}),
    # funding something through a scheme funds the scheme
    ("A DHSC spokesperson said: \"We have already funded more than 1,500 additional GPs through the Additional Roles "
     "Reimbursement Scheme.\"", {("Department of Health and Social Care", "funds",
                                  "Additional Roles Reimbursement Scheme", "")}),
    # a decision welcomed is on the scheme it is carried out through
    ("Dr Kamala Desai welcomed the decision to let primary care networks recruit GPs through the Additional Roles "
     "Reimbursement Scheme.", {("Kamala Desai", "welcomes", "Additional Roles Reimbursement Scheme", "")}),
    # a state held for a time is still a verdict on the policy in it
    ("Dr Kwame Osei said: \"The funding formula has been broken for a decade and nobody cares.\"",
     {("Kwame Osei", "criticises", "funding formula", "")}),
    # a leader's or officer's 'we' in a quotation speaks for their body as well as for them
    ("NHS England said it would respond. Dr Fiona Hale, the organisation's deputy medical director, said: \"We "
     "welcome the Health Foundation's analysis.\" Dr Ann Cole, chair of Kent LMC, said: \"We support the GP "
     "partnership model.\"",
     {("Fiona Hale", "welcomes", "Health Foundation analysis", ""), ("NHS England", "welcomes", "Health Foundation analysis", ""),
      ("Kent LMC", "supports", "GP partnership model", "")}),
    # run under an arrangement by a body: the parser hangs the agent on the arrangement
    ("Elm Surgery has been run under a caretaking arrangement by Fenwick Medical Group since May.",
     {("Fenwick Medical Group", "operates", "Elm Surgery", "")}),
    # what a body does nothing about, in a verb joined to its subject's
    (_reader_says("But the Welsh Government will nod along and do nothing, as usual."),
     {("Valleys GP", "criticises", "Welsh Government", "")}),
    # what a body has been too slow or too quick to do finds fault with it
    ("Dr Ann Cole said: \"The General Medical Council has been far too slow to say what PAs can do. The Care Quality "
     "Commission is no better.\"",
     {("Ann Cole", "criticises", "General Medical Council", ""), ("Ann Cole", "criticises", "Care Quality Commission", "")}),
    # criticising the way something has been run criticises it
    ("Dr Ann Cole supports the Quality and Outcomes Framework in principle, but criticised the way it has been run.",
     {("Ann Cole", "criticises", "Quality and Outcomes Framework", "")}),
    # bodies that do something jointly are partners in it (working together is working with)
    ("The plan, published jointly by NHS England and the Welsh Government in May, was late. Kent LMC and Unite worked "
     "together on the letter.",
     {("NHS England", "partnerOf", "Welsh Government", ""), ("Kent LMC", "worksWith", "Unite the union", "")}),
    # a columnist agreeing with the words just quoted supports their speaker
    ("By Dr Omar Hale\n\nI saw 41 patients last Tuesday. I capped our lists.\n\nDr Marcus Ellery, chair of Kent LMC, "
     "said limits should be \"written into the contract\". I agree with every word.",
     {("Omar Hale", "supports", "Marcus Ellery", "")}),
    # a body described by its kind in a place is in that place
    ("The practice is run by Fenwick Medical Group, a neighbouring practice in Spalding, until April. Castlegate "
     "Healthcare, a private provider based in Leicester, won the contract.",
     {("Fenwick Medical Group", "locatedIn", "Spalding", ""), ("Castlegate Healthcare", "locatedIn", "Leicester", "")}),
    # a portfolio going on past a post the lexicon knows, and a post joined as with the time hung on it
    ("Dr Naomi Hale, NHS England's national director of primary care and community services, told MPs it was busy. "
     "Dr Ann Cole grew up in Hull. In 2022 she joined NHS Kent and Medway as deputy director of primary care.",
     {("Naomi Hale", "holdsRole", "NHS England", "national director of primary care and community services"),
      ("Ann Cole", "holdsRole", "NHS Kent and Medway", "deputy director of primary care")}),
    # a reader's 'she', naming nobody, is the woman the article is about
    ("Dr Ruth Hale retired from Elm Surgery this week. She chaired Kent LMC for eight years. Dr Hale said she would "
     "miss it.\n\nReaders' comments (1)\n\nOld Hand | GP | 5 May 2026 9:14am\nServed on the LMC with her. She was "
     "right about the cuts.", {("Old Hand", "supports", "Ruth Hale", "")}),
]

TWELFTH_SESSION_RULES = [
    # a takeover named as a noun: its taker after 'by', or the one that completed its (or the) acquisition
    ("Dr Ann Cole pointed to the takeover of Orchard Medical Group by Meridian Health in 2021. Meridian Health runs "
     "20 practices. Meridian Health said on Friday it had completed its acquisition of Elm Tree Surgery.",
     {("Meridian Health", "tookOver", "Orchard Medical Group", ""), ("Meridian Health", "tookOver", "Elm Tree Surgery", "")}),
    ("Meridian Health has completed the purchase of Elm Tree Surgery.",
     {("Meridian Health", "tookOver", "Elm Tree Surgery", "")}),
    # a lead of a field is a post
    ("Dr Omar Hale, who is access lead for Ashby Central PCN, spoke. Dr Ann Cole, prescribing lead at Elm Surgery, "
     "agreed.", {("Omar Hale", "holdsRole", "Ashby Central PCN", "access lead"),
                 ("Ann Cole", "holdsRole", "Elm Surgery", "prescribing lead")}),
    # part of a body in a relative clause joined to another; a subsidiary is part of its parent
    ("Kingsway Surgery, which has 14,500 patients and is part of the Lynn Central Primary Care Network, moved. "
     "Meridian Health runs 31 practices. The company is a subsidiary of Aldwych Healthcare Group.",
     {("Kingsway Surgery", "partOf", "Lynn Central Primary Care Network", ""),
      ("Meridian Health", "partOf", "Aldwych Healthcare Group", "")}),
    # where a body is based, said before its kind and its name
    ("Meridian Health is backed by the London-based private equity firm Tamarind Capital Partners.",
     {("Tamarind Capital Partners", "locatedIn", "London", "")}),
    # a council named by its kind and the places it is for is one body, a ward's councillor on it
    ("Councillor Ann Cole, who represents Gaywood on the Borough Council of King's Lynn and West Norfolk, spoke.",
     {("Ann Cole", "holdsRole", "Borough Council of King's Lynn and West Norfolk", "councillor")}),
    # a body that absorbed another took it over ('absorbed into' is read by the merging rule)
    ("NHS England, which absorbed Health Education England in April 2023, will allocate the posts.",
     {("NHS England", "tookOver", "Health Education England", "")}),
    # a practice that moved or switched to a way of working, or adopted it, runs it
    ("Kingsway Surgery moved to a \"total triage\" model in 2023. Elm Surgery switched to total triage last year. "
     "Oak Surgery adopted total triage in 2022.",
     {("Kingsway Surgery", "operates", "total triage", ""), ("Elm Surgery", "operates", "total triage", ""),
      ("Oak Surgery", "operates", "total triage", "")}),
    # 'its' opening a sentence stands for the body named before
    ("The RCGP said more work was needed. Its latest survey of trainees, published in January, found that one in "
     "five expected to struggle.", {("Royal College of General Practitioners", "published", "survey of trainees", "")}),
    # a report owned by a description inside the report's titled mention is the described body's
    ("Professor Ann Cole, chair of the Royal College of General Practitioners, spoke to MPs. She pointed MPs to the "
     "college's report Time to Care, published in September, which recommends expanding the GP Retention Scheme.",
     {("Royal College of General Practitioners", "published", "Time to Care", "")}),
    # a sum raised for a body funds it
    ("Away from work Dr Alan Hale has raised more than £42,000 for Weldmar Hospicecare by cycling from Land's End.",
     {("Alan Hale", "funds", "Weldmar Hospicecare", "£42,000")}),
    # a post held where the clause says, by the one its pronoun stands for; a columnist's 'our' post is at their
    # practice
    ("By Dr Ann Cole\n\nAt Elmfield Surgery in Loughborough, where I have been a partner for nine years, our numbers "
     "went the wrong way. Our senior partner, Dr Shona Baptiste, put it more bluntly. I asked our practice manager, "
     "Sandra Okafor, to check.",
     {("Ann Cole", "holdsRole", "Elmfield Surgery", "partner"),
      ("Shona Baptiste", "holdsRole", "Elmfield Surgery", "senior partner"),
      ("Sandra Okafor", "holdsRole", "Elmfield Surgery", "practice manager")}),
    ("Dr Ann Cole trained in Leeds. She joined Elm Surgery, where she is now senior partner.",
     {("Ann Cole", "holdsRole", "Elm Surgery", "senior partner")}),
    # where one practises or works
    ("Dr Sunil Varma, who practises in Nottingham, described the sale as bad. Dr Ann Cole works in Leeds.",
     {("Sunil Varma", "locatedIn", "Nottingham", ""), ("Ann Cole", "locatedIn", "Leeds", "")}),
    # in a part of a town: in both, and the part in the town
    ("Patients registered at Elm Surgery in the Gaywood area of King's Lynn were surveyed.",
     {("Elm Surgery", "locatedIn", "Gaywood", ""), ("Elm Surgery", "locatedIn", "King's Lynn", ""),
      ("Gaywood", "locatedIn", "King's Lynn", "")}),
]

THIRTEENTH_SESSION_RULES = [
    # a spokesperson's 'the company' is the body they speak for, whatever kind the model took it for
    ("Kestrel Urgent Care is owned by the private equity firm Tamarind Capital. A spokesperson for Kestrel Urgent "
     "Care said the company would work with Ashby Health on the handover.",
     {("Kestrel Urgent Care", "worksWith", "Ashby Health", "")}),
    # a stance on one's appointment is on the one appointed
    ("Dr Ann Cole, the LMC's chair, said: \"We welcome Ashby Health's appointment, and it is right that practices "
     "have a say.\"", {("Ann Cole", "welcomes", "Ashby Health", "")}),
    # a list under 'Among its 14 recommendations, the committee says:' is the subject's, whatever 'its' stands for
    ("The Ashby Institute published an analysis in May. The Public Accounts Committee published a report on GP "
     "access.\n\nAmong its nine recommendations, the committee says:\n- the Pharmacy First scheme should be extended "
     "to children\n- NHS England should publish its data every month",
     {("Public Accounts Committee", "recommends", "Pharmacy First", ""),
      ("Public Accounts Committee", "urges", "NHS England", "")}),
    # 'the spokesperson' is the spokesperson named before, for their body, not the body named last
    ("Responding to the report, an NHS England spokesperson said the Government would reply within two months. "
     "\"We have already funded 1,500 GPs through the ARRS,\" the spokesperson said.",
     {("NHS England", "funds", "Additional Roles Reimbursement Scheme", "")}),
    # a body that took far too long, or should be embarrassed, is found fault with
    (_reader_says("The BMA took far too long to wake up to this. The Welsh Government should be embarrassed."),
     {("Valleys GP", "criticises", "British Medical Association", ""),
      ("Valleys GP", "criticises", "Welsh Government", "")}),
    # what is subcontracted may carry the 'to' phrase deep inside it
    ("Calls will still arrive through NHS 111, but Ashby Health will subcontract the first stage of clinical triage "
     "to Severnvale Clinical Services.", {("Ashby Health", "subcontractsTo", "Severnvale Clinical Services", "")}),
    # of one mind in backing something: the subject of the 'be' backs it
    ("The Ashby Integrated Care Board met on Thursday. Dr Ann Cole said the board had been unanimous in backing "
     "Elm Health's bid.", {("Ashby Integrated Care Board", "supports", "Elm Health", "")}),
    # a person described by age or by what they do, and where they are from
    ("Ellen Pike, 71, a retired postwoman from Tipton, told the Express and Star she had waited a week. Tom Bell, "
     "42, from Dudley, agreed.", {("Ellen Pike", "locatedIn", "Tipton", ""), ("Tom Bell", "locatedIn", "Dudley", "")}),
    # what a speaker says a scheme needs to be is recommended for it
    ("Professor Ann Cole, chair of the RCGP, said: \"The money for the Pharmacy First scheme is welcome. The scheme "
     "needs to be permanent, and it needs to be far bigger.\"", {("Ann Cole", "recommends", "Pharmacy First", "")}),
    # a body's name without its kind word is that body, whichever kind the model gave the full name; a place said of
    # a firm's kind is where the firm is
    ("Salaried GPs employed by Calderbrook Health, which runs 30 practices, will be balloted. Calderbrook, which is "
     "owned by the Leeds investment firm Ouse Street Capital, has offered a 2% rise.",
     {("Ouse Street Capital", "owns", "Calderbrook Health", ""), ("Ouse Street Capital", "locatedIn", "Leeds", "")}),
    # contracts held with bodies are won from them
    ("Tarnside Health runs 12 practices. Tarnside holds alternative provider medical services contracts with NHS "
     "Kent and Medway and NHS Sussex worth £40m a year.",
     {("Tarnside Health", "wonContract", "NHS Kent and Medway", ""), ("Tarnside Health", "wonContract", "NHS Sussex", "")}),
    # a provider's practice is one it runs
    ("Dr Ann Cole, a salaried GP at Tarnside Health's Mill Street Medical Centre in Dover, said so.",
     {("Tarnside Health", "operates", "Mill Street Medical Centre", "")}),
    # the additional roles are posts; a columnist's 'our' post, graded 'lead'
    ("Tom Bell, a paramedic at Elm Surgery, said so. Ann Cole, our lead first contact physio at Elm Surgery, agreed.",
     {("Tom Bell", "holdsRole", "Elm Surgery", "paramedic"),
      ("Ann Cole", "holdsRole", "Elm Surgery", "lead first contact physio")}),
    # a practice in a neighbouring place
    ("Patients will move to Elm Lane Medical Practice, or to Kiln Road Surgery in neighbouring Ashby Fen.",
     {("Kiln Road Surgery", "locatedIn", "Ashby Fen", "")}),
    # an MP for a seat, no party named
    ("\"This is the second surgery to close,\" said Ms Ann Cole, MP for Holt and Ashby Fen. Tom Bell, MP for "
     "Kingsmere, agreed.", {("Ann Cole", "represents", "Holt and Ashby Fen", "MP"),
                            ("Tom Bell", "represents", "Kingsmere", "MP")}),
    # a post named before a speaker with no body, and 'the company' the speaker speaks of
    ("Calderbrook Health runs 30 practices. In a statement, chief executive Tom Bell said the company was "
     "disappointed that the union had chosen to ballot.",
     {("Tom Bell", "holdsRole", "Calderbrook Health", "chief executive")}),
    # a manager is a post
    ("Healthwatch Kent said it had taken 150 calls. Its manager, Ann Cole, urged the ICB to help.",
     {("Ann Cole", "holdsRole", "Healthwatch Kent", "manager")}),
    # an inspection is a visit
    ("The CQC last inspected Elm Grove Surgery in 2022 and rated it good.",
     {("Care Quality Commission", "visited", "Elm Grove Surgery", "")}),
    # the successor that took over from a body, with nothing else taken over, took it over
    ("NHS Kent and Medway, which took over from NHS Kent CCG in 2022, has extended the contract.",
     {("NHS Kent and Medway", "tookOver", "NHS Kent CCG", "")}),
]

FOURTEENTH_SESSION_RULES = [
    # 'the committee' is a body whose label lacks the word but whose other names have it (GPC England)
    ("GPC England met on Thursday. The committee criticised NHS England for the delay.",
     {("GPC England", "criticises", "NHS England", "")}),
    # places or bodies 'singled out as an example' are examples the subject cites
    ("The King's Fund published the review on Monday. The review singles out Barnsley and Hull as examples of "
     "towns where practices have closed.",
     {("King's Fund review", "citesExample", "Barnsley", "")}),
    ("Dr Amy Ng singled out Corby as an example of what goes wrong.",
     {("Amy Ng", "citesExample", "Corby", "")}),
    # a verdict the parser reads as a clause after 'as' ('described X, which ..., as "no longer fit for purpose"')
    ("Dr Ann Lee spoke about the Quality and Outcomes Framework. She described the framework, which has paid "
     "practices for targets since 2004, as \"no longer fit for purpose\".",
     {("Ann Lee", "criticises", "Quality and Outcomes Framework", "")}),
    # a network 'which covers four practices in and around' a town, or 'links three surgeries in' towns, is there
    ("Tamar Vale Primary Care Network, which covers five practices in and around Tavistock, will merge with Moor "
     "Edge Primary Care Network, which links three surgeries in Okehampton and Lifton.",
     {("Tamar Vale Primary Care Network", "locatedIn", "Tavistock", ""),
      ("Moor Edge Primary Care Network", "locatedIn", "Okehampton", "")}),
    # the bodies a bargain is between work with each other
    ("The practices are paid under the GP contract agreed between NHS England and the British Medical Association.",
     {("NHS England", "worksWith", "British Medical Association", "")}),
    # a firm described in apposition, 'a private company that won a contract', won it
    ("The practice was taken over by Harbour Primary Care, a private company that won a five-year contract from NHS "
     "Sussex in 2024.",
     {("Harbour Primary Care", "wonContract", "NHS Sussex", "")}),
    # an MP's seat and party before a second post joined by 'and'
    ("Tom Ellery, the Conservative MP for Tewkesbury and a member of the committee, said the account was wrong.",
     {("Tom Ellery", "holdsRole", "Conservative Party", "MP for Tewkesbury")}),
    # a place pointed to is an example; the body doing something 'where' a place is, is there
    ("The King's Fund published the review on Monday. As an example of what is possible, the authors point to "
     "Barnsley, where Dearne Valley PCN has placed pharmacists in its hub.",
     {("King's Fund review", "citesExample", "Barnsley", ""), ("Dearne Valley PCN", "locatedIn", "Barnsley", "")}),
    ("Dr Ann Cole pointed to Barnsley, where Dearne Valley PCN has placed pharmacists in its hub.",
     {("Ann Cole", "citesExample", "Barnsley", "")}),
    # a body that negotiates or agrees something with others works with them
    ("The National Pharmacy Forum, which negotiates the pharmacy contract with the DHSC and NHS England, said it "
     "would study the plan.",
     {("National Pharmacy Forum", "worksWith", "Department of Health and Social Care", ""),
      ("National Pharmacy Forum", "worksWith", "NHS England", "")}),
    # one of a body's practices is part of it
    ("Elm Grove Medical Practice wrote to the ICB. Elm Grove is one of five practices in the Holme Valley Primary "
     "Care Network, which shares pharmacists.",
     {("Elm Grove Medical Practice", "partOf", "Holme Valley Primary Care Network", "")}),
    # a post whose organisation is implied, in apposition after the name; a minister of state is the Government's
    ("Ann Hale, the health secretary, said the plan would work.",
     {("Ann Hale", "holdsRole", "the Government", "health secretary")}),
    ("Tom Reid, the minister of state for primary care, was giving evidence to MPs yesterday.",
     {("Tom Reid", "holdsRole", "the Government", "minister of state for primary care")}),
    # a second post joined to the first after the organisation's possessive
    ("Dr Ann Holt set up Larkspur Health in 2021. Dr Holt, Larkspur Health's founder and chief executive, said the "
     "win was deserved.",
     {("Ann Holt", "holdsRole", "Larkspur Health", "founder and chief executive")}),
    # a journalist's beat is part of their post on the publication's staff; 'GP Practice' is a kind of practice
    ("Ann Boyd is health reporter for the Kentish Courier.",
     {("Ann Boyd", "holdsRole", "Kentish Courier", "health reporter")}),
    ("Sam Okoro is digital health correspondent at GP Practice Weekly.",
     {("Sam Okoro", "holdsRole", "GP Practice Weekly", "digital health correspondent")}),
    # a newspaper's kind word alone is the one paper of the page whose name ends in it
    ("Ann Boyd is health reporter for the Wealden Gazette. \"We have tried everything,\" Dr Ian Moss told the "
     "Gazette.",
     {("Ian Moss", "quotedIn", "Wealden Gazette", "")}),
    # a columnist for a name writes for it, so the name is a publication, and one told it is quoted in it wherever
    # else the page writes the name
    ("Dr Ruth Kemp is a salaried GP in Leeds and a regular columnist for Surgery Weekly. Dr Ian Moss, who chairs the "
     "group, told Surgery Weekly last year that the money had \"never reached the front line\".",
     {("Ruth Kemp", "wroteFor", "Surgery Weekly", ""), ("Ian Moss", "quotedIn", "Surgery Weekly", "")}),
]

FIFTEENTH_SESSION_RULES = [
    # a national charity of the field is a body, not 'UK'; 'the charity' is the body the last sentence was about,
    # though the page has named a think tank more
    ("The King's Fund published the review on Monday. The King's Fund said practices were struggling. Carers UK said "
     "the review did not go far enough. Ann Reid, the charity's head of policy, said carers were ignored.",
     {("Carers UK", "criticises", "King's Fund review", ""), ("Ann Reid", "holdsRole", "Carers UK", "head of policy")}),
    # a practice post before a speaker's name (after 'fellow', before a title) and 'the practice' they speak of
    ("Castle Surgery may lose its income. Fellow partner Dr Ian Moss said the practice would appeal.",
     {("Ian Moss", "holdsRole", "Castle Surgery", "partner")}),
    # a post before a speaker's name and the body their own clause says they work at
    ("Partners at Castle Medical Practice say losing the right to dispense could cost the surgery £200,000. "
     "\"Dispensing is what keeps this practice viable,\" said senior partner Dr Ann Lee, who has worked at the "
     "surgery for 22 years.",
     {("Ann Lee", "holdsRole", "Castle Medical Practice", "senior partner")}),
    ("Senior partner Dr Ann Lee, who has worked at Castle Surgery for 20 years, said the plan was wrong.",
     {("Ann Lee", "holdsRole", "Castle Surgery", "senior partner")}),
    # professional firms' names end in their trade; a firm acting for a body ('X's agents, Y') works with it
    ("Moorland Property Group owns the building. In March, Moorland's agents, Harcourt Lyle Surveyors, proposed a "
     "new rent.",
     {("Harcourt Lyle Surveyors", "worksWith", "Moorland Property Group", "")}),
    ("Castle Surgery has fought the claim. Its lawyers, Bell & Moss Solicitors, said the lease was void.",
     {("Bell & Moss Solicitors", "worksWith", "Castle Surgery", "")}),
    # who delivers a programme runs it
    ("In Kent the Pharmacy First scheme is delivered by Kent Community Health NHS Trust.",
     {("Kent Community Health NHS Trust", "operates", "Pharmacy First", "")}),
    # a body's programme named after its pronoun is one it runs
    ("NHS England pointed to its Modern General Practice Access programme, which it said had helped practices.",
     {("NHS England", "operates", "Modern General Practice Access programme", "")}),
    # a reader's verbless word of caution or concerns about something are the reader's
    (_reader_says("A word of caution about the BMA. Serious concerns about the QOF here."),
     {("Valleys GP", "advisesCautionOn", "British Medical Association", ""),
      ("Valleys GP", "warnsAbout", "Quality and Outcomes Framework", "")}),
    # a body said to be all talk (and no action) is criticised
    (_reader_says("Frankly the BMA has been all talk and no action on this."),
     {("Valleys GP", "criticises", "British Medical Association", "")}),
    ("Dr Ann Cole said Powys LMC was all talk.", {("Ann Cole", "criticises", "Powys LMC", "")}),
    # a welcome given to a report as the verb's second object, or in the passive; a guarded one has reservations
    ("The Nuffield Trust published a report on Monday. The BMA gave the report a cautious welcome.",
     {("British Medical Association", "welcomes", "Nuffield Trust report", ""),
      ("British Medical Association", "advisesCautionOn", "Nuffield Trust report", "")}),
    ("The Health Foundation published a report on Monday. The report was given a warm welcome by the RCGP.",
     {("Royal College of General Practitioners", "welcomes", "Health Foundation report", "")}),
]

SIXTEENTH_SESSION_RULES = [
    # capitals in brackets after a name are its short name on the page, though not its initials; a kind word is not
    ("Funding for the Wessex Primary Care Training Hub (WTH) will rise. WTH director Dr Omar Hale said it was late.",
     {("Omar Hale", "holdsRole", "Wessex Primary Care Training Hub", "director")}),
    ("The BMA's GP committee for England (GPCE) met. GPCE chair Dr Ruth Bale said the vote was clear.",
     {("Ruth Bale", "holdsRole", "GPC England", "chair")}),
    # a post's fields listed with commas; the posts of medical schools and training schemes
    ("Dr Ann Lee, director of nursing, quality and safety at NHS Kent and Medway, said it was wrong.",
     {("Ann Lee", "holdsRole", "NHS Kent and Medway", "director of nursing, quality and safety")}),
    ("Professor Omar Hale, dean of Keele Medical School, said the centre would help.",
     {("Omar Hale", "holdsRole", "Keele Medical School", "dean")}),
    ("Dr Mia Frost, training programme director for the Wessex GP Training Programme, said she was delighted.",
     {("Mia Frost", "holdsRole", "Wessex GP Training Programme", "training programme director")}),
    # a columnist named after the publication, as a second post the parser joins to the first one's place
    ("Dr Ruth Bale is a salaried GP at Elm Surgery in Ely and a regular Pulse columnist.",
     {("Ruth Bale", "wroteFor", "Pulse", ""), ("Ruth Bale", "holdsRole", "Pulse", "columnist")}),
    ("Dr Omar Hale, a GPonline columnist, said the plan was late.",
     {("Omar Hale", "wroteFor", "GPonline", ""), ("Omar Hale", "holdsRole", "GPonline", "columnist")}),
    # a motion's words are its proposer's stance, and the stance of those who pass it (or the reverse, who reject it)
    ("Devon LMC rejected a motion from Kent LMC calling for collective action.",
     {("Kent LMC", "supports", "collective action", ""), ("Devon LMC", "opposes", "collective action", "")}),
    ("Leeds LMC passed a motion condemning the GP contract.", {("Leeds LMC", "criticises", "GP contract", "")}),
    # a post of someone who represents a body at a meeting; 'the centre' is the centre the page named
    ("Dr Ann Lee, a sessional GP representing Wessex LMCs, said the rule was unsafe.",
     {("Ann Lee", "holdsRole", "Wessex LMCs", "sessional GP")}),
    ("The Millbrook Health Centre opens next month. Healthwatch Kent welcomed the centre but warned of delays.",
     {("Healthwatch Kent", "welcomes", "Millbrook Health Centre", "")}),
    # a body that hires through a funding scheme (or that the pay goes via) is funded by the scheme
    ("Soar Valley PCN has recruited six pharmacists through the Additional Roles Reimbursement Scheme.",
     {("Additional Roles Reimbursement Scheme", "funds", "Soar Valley PCN", "")}),
    ("Two of the paramedics are paid for through the Additional Roles Reimbursement Scheme via the Hythe Primary Care "
     "Network.", {("Additional Roles Reimbursement Scheme", "funds", "Hythe Primary Care Network", "")}),
    # holding something up as an example, pushing or lobbying for it, backs it
    ("Dr Omar Hale holds up Pharmacy First as proof that pharmacies can do clinical work.",
     {("Omar Hale", "supports", "Pharmacy First", "")}),
    ("Dr Ann Lee said she had pushed for the GP Retention Scheme for a year.",
     {("Ann Lee", "supports", "GP Retention Scheme", "")}),
    # a UK place in a comment header's description of the reader is where the reader is
    ("Rota changes\n\nThe ICB set out the GP contract.\n\nReaders' comments (2)\n\n"
     "Fenland Partner | GP partner, West Yorkshire | 3 July 2025 08:14\nThe GP contract is unfair.\n\n"
     "Jo Pike | Practice manager, Cumbria | 3 July 2025 10:37\nWe went live in February.",
     {("Fenland Partner", "locatedIn", "West Yorkshire", ""), ("Jo Pike", "locatedIn", "Cumbria", "")}),
    # harm a speaker foresees a policy doing is a warning about it
    ("Dr Ann Lee said the GP contract would pile further pressure on practices.",
     {("Ann Lee", "warnsAbout", "GP contract", "")}),
    ("Dr Omar Hale said Pharmacy First could put small practices at risk.",
     {("Omar Hale", "warnsAbout", "Pharmacy First", "")}),
    (_reader_says("The GMS contract is going to break practices that are only just holding on."),
     {("Valleys GP", "warnsAbout", "GMS contract", "")}),
    # a columnist's 'our clinical director' is their network's, the one the page names
    ("By Dr Ann Cole\n\nAt Elmfield Surgery in Loughborough, where I have been a partner for nine years, we joined a "
     "rollout across Soar Valley PCN. Our clinical director, Dr Omar Hale, brokered the deal.",
     {("Omar Hale", "holdsRole", "Soar Valley PCN", "clinical director")}),
]

SEVENTEENTH_SESSION_RULES = [
    # '-based' right before a body's name says where it is, as before a kind of body
    ("Leeds-based Harbour Health, which runs six practices, won the contract.",
     {("Harbour Health", "locatedIn", "Leeds", "")}),
    # the field a manager, officer or director is of
    ("Tom Reed is media manager at the King's Fund.", {("Tom Reed", "holdsRole", "King's Fund", "media manager")}),
    ("Ana Silva, press officer at Healthwatch Devon, said the survey was closed.",
     {("Ana Silva", "holdsRole", "Healthwatch Devon", "press officer")}),
    # every one of three or more practices that merge, not the first two
    ("Elm Surgery, Oak Lane Medical Centre and Ash Road Surgery will become the Tamar Valley Medical Partnership "
     "in April.", {("Ash Road Surgery", "partOf", "Tamar Valley Medical Partnership", ""),
                   ("Elm Surgery", "partOf", "Tamar Valley Medical Partnership", "")}),
    # a second practice taken over, which the parser joins to the first one's town
    ("Kestrel Care has taken over Moor View Health Centre in Halifax and Bolton Road Practice in Bury.",
     {("Kestrel Care", "tookOver", "Bolton Road Practice", ""), ("Kestrel Care", "tookOver", "Moor View Health Centre", "")}),
    ("Harbour Health has taken over Elm Tree Surgery in Harrogate and Mill Road Practice in York, whose previous "
     "provider handed back its contracts.", {("Harbour Health", "tookOver", "Mill Road Practice", "")}),
    # a foreword written by someone, said in the passive or the active
    ("The Health Foundation published a report on GP funding today. The foreword is written by Professor Ian Dale.",
     {("Ian Dale", "wroteForeword", "report on GP funding", "")}),
    ("The King's Fund published its report on GP funding today. Dr Ann Hale wrote the foreword.",
     {("Ann Hale", "wroteForeword", "report on GP funding", "")}),
    # a body's own scheme or plan named after 'its', as after its name
    ("NHS Kent and Medway said its Kent GP Fellowship Scheme would fund 20 fellows.",
     {("NHS Kent and Medway", "operates", "Kent GP Fellowship Scheme", "")}),
    # 'the group' is the group the page named
    ("Patients at Elm Road Surgery are angry, and the Elm Road Patient Participation Group says the bus runs once "
     "an hour. The group has written to NHS Kent asking it to fund a community transport service.",
     {("Elm Road Patient Participation Group", "wroteTo", "NHS Kent", "")}),
    # asking a body to fund or pay for something asks it for funds; so does writing to it 'asking it to'
    ("Kent LMC asked NHS England to pay for locum cover.", {("Kent LMC", "requestsFundingFrom", "NHS England", "")}),
    ("Kent LMC has written to NHS England asking it to fund a hardship scheme.",
     {("Kent LMC", "requestsFundingFrom", "NHS England", ""), ("Kent LMC", "wroteTo", "NHS England", "")}),
    # a sum from a body's budget is the body's; one said to contribute a sum beside it funds too
    ("The Dorset Fellowship Scheme is backed by £2m from NHS England's regional workforce budget, with NHS Dorset "
     "contributing a further £500,000.",
     {("NHS England", "funds", "Dorset Fellowship Scheme", "£2m"), ("NHS Dorset", "funds", "Dorset Fellowship Scheme", "£500,000")}),
    ("Elm Surgery was rebuilt last year. Kent County Council contributed £2m towards Elm Surgery.",
     {("Kent County Council", "funds", "Elm Surgery", "£2m")}),
    # an investment, or a round of one, in a body funds it
    ("Medivo Health runs eight practices. The firm is backed by Tamarind Capital, which led a £20m investment round "
     "in Medivo last year.", {("Tamarind Capital", "funds", "Medivo Health", "£20m")}),
    ("Medivo Health runs eight practices. Medivo Health raised £20m in a funding round led by Tamarind Capital.",
     {("Tamarind Capital", "funds", "Medivo Health", "£20m")}),
    ("Medivo Health runs eight practices. Tamarind Capital made a £20m investment in Medivo Health.",
     {("Tamarind Capital", "funds", "Medivo Health", "£20m")}),
]

NINETEENTH_SESSION_RULES = [
    # a scheme introduced under a wider one is part of it
    ("The ARRS, introduced under the Network Contract DES in 2019, pays for pharmacists.",
     {("Additional Roles Reimbursement Scheme", "partOf", "PCN DES", "")}),
    # asking that a policy not be taken up is against it
    ("Devon LMC urged practices not to sign up to the PCN DES.", {("Devon LMC", "opposes", "PCN DES", "")}),
    ("Devon LMC passed a motion calling on practices not to sign the PCN DES.",
     {("Devon LMC", "opposes", "PCN DES", "")}),
    # a lead of a field named with an acronym
    ("Devon LMC met on Monday. Dr Ola Reyes, the committee's IT policy lead, said the rollout was rushed.",
     {("Ola Reyes", "holdsRole", "Devon LMC", "IT policy lead")}),
    # who holds the contract to run a service runs it
    ("Medivo Health, which holds the £30m contract to run the Pharmacy First scheme in Kent, declined to comment.",
     {("Medivo Health", "operates", "Pharmacy First", "")}),
    ("Medivo Health was awarded the contract to run the NHS App.", {("Medivo Health", "operates", "NHS App", "")}),
    # where a description says its body is based, and a body based on a street
    ("Wessex LMC met on Monday. Dr Ola Reyes has led the Exeter-based LMC since 2015.",
     {("Wessex LMC", "locatedIn", "Exeter", "")}),
    ("Fenland Community Action, a charity based on Quay Street, runs the directory.",
     {("Fenland Community Action", "locatedIn", "Quay Street", "")}),
    # a post set after a name that is itself set after a post describes the name ('Its chair, Dr X, a GP in Y')
    ("The Dispensing Doctors' Association met. Its chair, Dr Ola Reyes, a dispensing GP in rural Shropshire, said "
     "the offer was a start.", {("Ola Reyes", "locatedIn", "Shropshire", "")}),
    # a successor holds the office, not the memberships or partnerships of the one succeeded
    ("Dr Ola Reyes, secretary of Humber LMC and a partner at Elm Surgery, retires in May. Her successor is Dr Ben "
     "Kato, a salaried GP in Hull.", {("Ben Kato", "holdsRole", "Humber LMC", "secretary")}),
    # a stance whose object is the relative pronoun is on the noun the clause hangs on
    ("Dr Ola Reyes chairs Humber LMC. She is less kind about the CQC, which she accuses of having "
     "\"inspected the paperwork\".", {("Ola Reyes", "criticises", "Care Quality Commission", "")}),
    ("The BMA criticised the Same Day Access Plan, which Cornwall LMC also opposes.",
     {("Cornwall LMC", "opposes", "Same Day Access Plan", "")}),
    # pressing someone to pay asks them for money
    ("Kent LMC urged NHS Kent and Medway to fund the extra appointments.",
     {("Kent LMC", "requestsFundingFrom", "NHS Kent and Medway", "")}),
    ("Devon LMC has pressed NHS England to pay practices for the work.",
     {("Devon LMC", "requestsFundingFrom", "NHS England", "")}),
]

TWENTIETH_SESSION_RULES = [
    # a body doing the work for another, or making something with another, works with it
    ("The patient survey, run by Qualtrix Research Ltd on behalf of NHS England, drew 500,000 replies.",
     {("Qualtrix Research Ltd", "worksWith", "NHS England", "")}),
    ("Capita, which runs the service on NHS England's behalf, apologised.", {("Capita", "worksWith", "NHS England", "")}),
    ("NHS England will publish a scope of practice by June, drawn up with the General Medical Council.",
     {("NHS England", "worksWith", "General Medical Council", "")}),
    ("Devon LMC developed the toolkit in partnership with the Royal College of GPs.",
     {("Devon LMC", "worksWith", "Royal College of General Practitioners", "")}),
    # a party's name between the article and the post
    ("Cllr Ben Kato, the Labour member of Devon County Council for Exmouth, said the surgery was late.",
     {("Ben Kato", "holdsRole", "Devon County Council", "member")}),
    ("Cllr Ola Reyes, Torridge District Council's Liberal Democrat cabinet member for health, said so.",
     {("Ola Reyes", "holdsRole", "Torridge District Council", "cabinet member for health")}),
    # a name set off by a post is a person's, and 'the watchdog' a Healthwatch named before
    ("Healthwatch Devon published the survey. Marta Kovalenko, the watchdog's engagement manager, said the "
     "findings were stark.", {("Marta Kovalenko", "holdsRole", "Healthwatch Devon", "engagement manager")}),
    # who pays for what a participle describes funds it; a sum from a body named in apposition
    ("The Orchard Health Centre, paid for by Devon County Council, opens in 2027.",
     {("Devon County Council", "funds", "Orchard Health Centre", "")}),
    ("The Orchard Health Centre, paid for with £4.7 million from the developer, Persimmon Homes Ltd, opens in 2027.",
     {("Persimmon Homes Ltd", "funds", "Orchard Health Centre", "£4.7 million")}),
    # the place of a description is the name's it is set before
    ("Three bid: Exe Valley Health, the Bristol-based company Meridian Primary Care Ltd, and two surgeries.",
     {("Meridian Primary Care Ltd", "locatedIn", "Bristol", "")}),
    # a post appointed to, with the name the parser hangs on a verb; a firm's first word for its name
    ("The surgery was taken over last year by Solent Health Partnerships, a company that now runs 14 practices. "
     "Solent said it accepted the findings and had appointed a new clinical lead, Dr Ama Boateng, to oversee "
     "improvements.",
     {("Ama Boateng", "holdsRole", "Solent Health Partnerships", "new clinical lead")}),
    # a body's spokesperson's 'we' put a sum into a scheme (the scheme in lower case)
    ("An NHS England spokesperson said: \"We have put an extra £82m into the additional roles scheme.\"",
     {("NHS England", "funds", "Additional Roles Reimbursement Scheme", "£82m")}),
    # a body in lower case after a description's possessive is the described body's
    ("NHS Devon ICB will pay practices. The decision was taken by the ICB's primary care commissioning committee.",
     {("NHS Devon ICB primary care commissioning committee", "partOf", "NHS Devon ICB", "")}),
    ("Cllr Ann Lee, of Devon County Council, sits on the council's overview and scrutiny committee.",
     {("Ann Lee", "holdsRole", "Devon County Council overview and scrutiny committee", "member")}),
    # 'the report' after a paper set before its title is that report
    ("The Health Foundation has called on ministers to act. The paper, Seeing the Same Doctor, argues that "
     "continuity saves lives. The Royal College of GPs welcomed the report.",
     {("Royal College of General Practitioners", "welcomes", "Seeing the Same Doctor", "")}),
    # asking that a policy be done away with opposes it
    ("Devon LMC has called for the Carr-Hill formula to be scrapped.",
     {("Devon LMC", "opposes", "Carr-Hill formula", ""), ("Devon LMC", "recommends", "Carr-Hill formula", "scrap")}),
    # asking that a policy be restored or expanded supports it
    ("Devon LMC called on the DHSC to restore the New to Partnership Payment scheme.",
     {("Devon LMC", "supports", "New to Partnership Payment", "")}),
    ("Devon LMC called for the GP Retention Scheme to be expanded.",
     {("Devon LMC", "supports", "GP Retention Scheme", "")}),
    # a specialty trainee's year is a post
    ("Dr Ama Boateng is an ST2 at Exe Valley Surgery in Crediton.",
     {("Ama Boateng", "holdsRole", "Exe Valley Surgery", "ST2")}),
]


def test_a_participle_paid_for_by_another_is_no_payment_by_the_main_subject():
    text = ("Headline\n\nElm Park Medical Practice opened in July. It will move into a permanent health centre, paid "
            "for with £4.7 million from the developer, Persimmon Homes Ltd, when that building opens in 2027.")
    assert not [t for t in triples(build(text)) if t[0] == "Elm Park Medical Practice" and t[1] in ("pays", "funds")]
    assert not [t for t in triples(build(text)) if t[1] == "funds" and t[2] == "Elm Park Medical Practice"]


def test_the_body_after_its_committee_is_still_the_body():
    text = ("Headline\n\nNHS Devon ICB will pay practices. The decision was taken by the ICB's primary care "
            "commissioning committee. Devon LMC criticised the ICB.")
    facts = triples(build(text))
    assert ("Devon LMC", "criticises", "NHS Devon ICB", "") in facts
    assert not [t for t in facts if t[1] == "criticises" and "committee" in t[2]]


def test_asking_for_a_policy_to_be_reformed_is_no_opposition():
    text = "Headline\n\nDevon LMC has called for the Quality and Outcomes Framework to be reformed."
    assert not [t for t in triples(build(text)) if t[1] == "opposes"]


def test_findings_far_from_the_report_are_not_the_reports():
    filler = " ".join(f"Item {n} of the week's news was about something else entirely, in Devon." for n in range(30))
    text = ("Headline\n\nThe Nuffield Trust published Knowing the Patient, a report on continuity. " + filler +
            "\n\nThe surgery was taken over last year by Solent Health Partnerships, a company that now runs 14 "
            "practices. Solent Health Partnerships said it accepted the findings.")
    assert not [t for t in triples(build(text)) if t[0] == "Solent Health Partnerships" and t[1] == "supports"]


def test_a_place_before_a_kind_and_name_is_not_the_place_of_the_name_before():
    text = "Headline\n\nThree bid: Exe Valley Health, the Bristol-based company Meridian Primary Care Ltd, and others."
    assert ("Exe Valley Health", "locatedIn", "Bristol", "") not in triples(build(text))

# one who speaks for a body, or agrees with one, does not work with it for that
NOT_WORKING_WITH = [
    "Dr Ola Reyes, speaking on behalf of the BMA, said the deal was poor.",
    "The ICB agreed with Devon LMC that the scheme should end.",
    "Devon LMC did not develop the toolkit with the Royal College of GPs.",
]


@pytest.mark.parametrize("text", NOT_WORKING_WITH)
def test_speaking_for_or_agreeing_with_a_body_is_no_work_with_it(text):
    assert not [t for t in triples(build("Headline\n\n" + text)) if t[1] == "worksWith"]


# what a motion would change is no policy it backs
MOTION_NOT_BACKING = [
    "Sussex LMC passed a motion demanding that Additional Roles Reimbursement Scheme money spent on physician "
    "associates be redirected to GPs.",
    "Sussex LMC passed a motion calling for the Additional Roles Reimbursement Scheme to be folded into core funding.",
]


def test_a_bodys_budget_is_spent_not_published():
    text = "Headline\n\nThe Dorset Fellowship Scheme is backed by £2m from NHS England's regional workforce budget."
    assert not [t for t in triples(build(text)) if t[1] == "published"]


def test_money_a_body_spends_from_its_budget_is_no_budget_it_published():
    text = ("Headline\n\nNHS Kent and Medway will pay Harbour Health £137,000 a year from its primary care "
            "transformation budget.")
    assert not [t for t in triples(build(text)) if t[1] in ("published", "operates")]


def test_an_investment_that_may_be_made_funds_no_one():
    text = "Headline\n\nMedivo Health runs eight practices. Tamarind Capital may make a £20m investment in Medivo Health."
    assert not [t for t in triples(build(text)) if t[1] == "funds"]


@pytest.mark.parametrize("text", MOTION_NOT_BACKING)
def test_what_a_motion_would_change_is_no_policy_it_backs(text):
    assert not [t for t in triples(build("Headline\n\n" + text)) if t[1] == "supports"]

# rules found by the articles of 2026-12-05 and -06 (docs/extraction.md), each with sentences of its own
ARTICLE_RULES = SESSION_RULES + LATER_RULES + EVEN_LATER_RULES + NIGHT_RULES + DAWN_RULES + MORNING_RULES + \
    DEBATE_RULES + HELDOUT_RULES + DEV3_RULES + DEV4_RULES + IDIOM_RULES + TENTH_SESSION_RULES + \
    ELEVENTH_SESSION_RULES + TWELFTH_SESSION_RULES + THIRTEENTH_SESSION_RULES + FOURTEENTH_SESSION_RULES + \
    FIFTEENTH_SESSION_RULES + SIXTEENTH_SESSION_RULES + SEVENTEENTH_SESSION_RULES + NINETEENTH_SESSION_RULES + \
    TWENTIETH_SESSION_RULES


@pytest.mark.parametrize(("text", "predicate"), [
    # an idiom of idleness said of oneself, or a bench sat on
    ("Headline\n\nDr Ann Cole, of Powys LMC, said she had sat on her hands for too long. The BMA sat on the bench "
     "beside the ICB.", "criticises"),
    # one's own thinking, a question whether a body acts as if
    (_reader_says("I must think we can win. Does the BMA behave as if it cares?"), "criticises"),
    # explaining plainly, or asked of oneself
    (_reader_says("The practice manager will explain how the QOF works. Can someone explain how I claim for the QOF?"),
     "criticises"),
    # doing away with something said of someone, or denied: no command
    (_reader_says("We scrap the QOF paperwork every April. Don't scrap the QOF. Ministers will scrap the QOF."),
     "opposes"),
    # barely coping oneself; a body named by no name of ours
    (_reader_says("I can barely cope. Our PCN barely met."), "criticises"),
    # a body's own line on the government, advice, silence, what a policy is not, and one's own body's trouble
    ("Headline\n\nA Welsh Government spokesperson said: \"The Welsh Government will not let practices fail.\" Dr Ann "
     "Cole said: \"The QOF should not pay for blood tests.\" The BMA did not respond to a request for comment.",
     "criticises"),
    (_reader_says("The QOF is not the answer. Our health board could not recruit for two years."), "criticises"),
    # advice with no 'instead', or asked
    (_reader_says("The BMA should ballot members. Should the BMA be balloting members, not running surveys?"),
     "criticises"),
    # a quotation's verdict is not on a target in a clause joined to the verdict's that says nothing of it
    ("Headline\n\nDr Ann Cole said the GP contract offer was 'an insult to the profession' and that practices would "
     "consider collective action.", "criticises collective action"),
    # praise denied, or of a thing, not a person
    ("Headline\n\nDr Kamal Venkat said Dr Ann Cole was not the right person for the job. Dr Bo Lee said the QOF "
     "was the right choice.", "supports"),
    # sharing a building or a platform is no agreement
    ("Headline\n\nThe Royal College of Nursing shares the BMA's offices. Unite shared a platform with the BMA.",
     "supports"),
    # agreeing with nothing quoted, or not agreeing
    ("By Dr Omar Hale\n\nI saw 41 patients last Tuesday. I capped our lists.\n\nDr Marcus Ellery said limits "
     "should be \"written into the contract\". I do not agree with every word. I agree with my partners.", "supports"),
    # asked whether a body was too quick, or denied to have been too slow
    ("Headline\n\nDr Ann Cole said: \"Was NHS England too quick to act? The General Medical Council was not too "
     "slow.\"", "criticises"),
    # pressing someone on whether something worked questions them
    ("Headline\n\nCommittee member Tom Hale MP pressed Dr Naomi Cole on whether Pharmacy First had taken pressure off "
     "practices.", "urges"),
    # what a body will not do, said by a speaker, is its refusal
    ("Headline\n\nDr Kwame Osei, chair of the BMA's GP committee, said: \"We have offered to talk, but the BMA will "
     "not accept a reform that moves money from one practice to another.\"", "criticises"),
    # who funds through a scheme is no body the scheme funds; nor is a reader's own 'our PCN'
    ("Headline\n\nThe Government would fund the recruitment through the Additional Roles Reimbursement Scheme.",
     "funds the Government"),
    ("Rota changes\n\nDr Ann Lee is clinical director of Elm Valley PCN, which covers Ely.\n\nReaders' comments (1)\n\n"
     "Valleys GP | GP partner | 5 May 2026 9:14am\nOur PCN took on two paramedics through the ARRS.",
     "funds Elm Valley PCN"),
    # holding something up (delaying it) is no support of it
    ("Headline\n\nThe dispute with the BMA has held up the GP contract.", "supports"),
    # lifting a harm, or denying it, is no warning
    ("Headline\n\nDr Ann Lee said Pharmacy First would take pressure off practices.", "warnsAbout"),
    ("Headline\n\nDr Ann Lee said Pharmacy First would not overwhelm practices.", "warnsAbout"),
    # keeping every option open is no failing
    ("Headline\n\nDr Ann Lee said: \"Kent LMC has taken nothing off the table. Kent LMC has ruled nothing out.\"",
     "criticises Kent LMC"),
    # one of a body's people is not the national post a quotation of theirs speaks of
    ("Headline\n\nDr Ann Lee, of Wessex LMCs, said the scheme had failed. \"If we shut the door, it won't be the "
     "health secretary in the headlines,\" she said.", "holdsRole the Government"),
    # a body that rightly says something bad is agreed with, not criticised
    (_reader_says("The BMA has rightly called the rule unsafe and dangerous."), "criticises British Medical Association"),
])
def test_no_stance_without_its_holder_and_target(text, predicate):
    predicate, _, target = predicate.partition(" ")
    assert not [f for f in triples(build(text)) if f[1] == predicate and (not target or f[2] == target)]


def test_a_pronoun_keeps_to_the_person_the_story_follows():
    # 'he' before the one name in the stretch stands for someone else, so 'him' is not shown to be that name's
    facts = triples(build("Tributes paid\n\nDr Omar Hale joined Quay View Surgery in 1991. He became senior partner "
                          "in 2006. He chaired the LMC. He likes boats. Away from work he has raised £42,000 for a "
                          "hospice by cycling from Land's End to John o'Groats, twice. The Royal College of Nursing "
                          "made him a fellow in 2010."))
    assert ("Omar Hale", "holdsRole", "Royal College of Nursing", "fellow") in facts
    assert not [f for f in facts if f[1] == "holdsRole" and f[0] != "Omar Hale"]


def test_a_verb_inside_quoted_words_cues_nothing():
    kg = build("Partners under pressure\nBy Mary Cole\n1 May 2026\n\nOur senior partner, Dr Ann Lee, put it bluntly. "
               "\"We are letting a doctor go so that we can pay the bills,\" she said. \"I never thought I would hear "
               "myself say that.\" Dr Tom Hale of NHS Kent ICB disagreed. \"I would urge Kent LMC to come back to the "
               "table,\" he said.")
    said = {(f[0], f[2]) for f in triples(kg) if f[1] == "said"}
    assert ("Ann Lee", "I never thought I would hear myself say that.") in said
    assert not [f for f in triples(kg) if f[0] == "Mary Cole"]
    assert ("Tom Hale", "urges", "Kent LMC", "") in triples(kg)


def test_setting_up_a_meeting_founds_no_one():
    assert not [f for f in triples(build("Headline\n\nThe BMA set up a meeting with NHS England.")) if f[1] == "founded"]


def test_a_month_after_in_is_no_town():
    kg = build("Headline\n\nHarbour Medical Group in Hull was rated outstanding in March.")
    assert ("Harbour Medical Group", "locatedIn", "Hull", "") in triples(kg)
    assert "March" not in {e.label for e in kg.entities}


def test_a_reports_title_is_no_maker_of_it():
    kg = build("Care gap widens as State of Health report lands\n\nThe King's Fund has warned of a gap. The think "
               "tank’s annual State of Health report, published today, found that access had fallen.")
    assert "State of Health" not in {e.label for e in kg.entities}
    assert not [f for f in triples(kg) if f[1] == "published" and f[0] != "King's Fund"]


@pytest.mark.parametrize("text, expected, absent", [
    # a pronoun takes a person the page shows to be of its gender, a sentence or two back, before one of unknown
    # gender named since
    ("Dr Ann Lee has worked in Leeds for years. From May she will chair the board. Dr Lee succeeded Professor "
     "Tom Hale in May. She joined Mill Lane Surgery as a partner.",
     ("Ann Lee", "holdsRole", "Mill Lane Surgery", "partner"), ("Tom Hale", "holdsRole", "Mill Lane Surgery", "partner")),
    ("Mrs Jo Bell met Dr Sam Reed on Monday. She joined Mill Lane Surgery as a partner.",
     ("Jo Bell", "holdsRole", "Mill Lane Surgery", "partner"), ("Sam Reed", "holdsRole", "Mill Lane Surgery", "partner")),
    # with nothing to tell, the person named last
    ("Dr Jo Bell met Dr Sam Reed on Monday. She joined Mill Lane Surgery as a partner.",
     ("Sam Reed", "holdsRole", "Mill Lane Surgery", "partner"), ("Jo Bell", "holdsRole", "Mill Lane Surgery", "partner")),
])
def test_a_pronoun_agrees_in_gender_with_a_person_shown_to_have_one(text, expected, absent):
    facts = triples(build("Headline\n\n" + text))
    assert expected in facts and absent not in facts


def test_a_national_post_is_not_the_author_nor_described_when_a_name_is_apposed():
    facts = triples(build("Plan will fail, says GP\nDr Ann Lee tells Mary Cole why the plan will fail\nBy Mary Cole\n"
                          "1 May 2026\n\nThe health secretary, Tom Pym, said the plan would work. Dr Lee disagreed. "
                          "\"I will take the health secretary at his word,\" Dr Lee said."))
    assert ("Tom Pym", "holdsRole", "the Government", "health secretary") in facts
    assert not [f for f in facts if f[0] == "Mary Cole" and f[1] == "holdsRole"]


def test_an_outlet_named_by_an_alias_in_a_byline_is_the_lexicons_outlet():
    kg = build("Headline\n\nLaura Hughes is a senior reporter at GP Online. Dr Sam Reed told GPonline the plan was late.")
    assert [e.label for e in kg.entities if e.type == "Publication"] == ["GPonline"]
    assert {("Laura Hughes", "holdsRole", "GPonline", "senior reporter"), ("Sam Reed", "quotedIn", "GPonline", "")} \
        <= triples(kg)


def test_a_readers_it_or_the_articles_own_negation_criticises_no_body():
    facts = triples(build("ICB cuts funding\nBy Ann Lee\n1 May 2026\n\nNHS Kent ICB has never cut a budget.\n\n"
                          "Readers' comments (1)\nKent GP | GP partner | 1 May 2026 10:00\nNHS Kent ICB runs the "
                          "service. It will not replace general practice.\n"))
    assert not [f for f in facts if f[1] == "criticises"]


def test_what_a_body_should_do_is_no_reproach():
    facts = triples(build("Headline\n\nNHS Kent ICB met on Monday. Dr Ann Lee said: \"The ICB should award the "
                          "contract to a local practice.\""))
    assert not [f for f in facts if f[1] == "criticises"]


def test_no_thanks_is_no_praise():
    facts = triples(build("Funding gap\nBy Ann Lee\n1 May 2026\n\nThe King's Fund published an analysis.\n\n"
                          "Readers' comments (1)\nKent GP | GP partner | 1 May 2026 10:00\nWe survived, no thanks to "
                          "the King's Fund.\n"))
    assert not [f for f in facts if f[1] == "supports"]


def test_standing_not_behind_someone_backs_no_one():
    facts = triples(build("Headline\n\nThe Royal College of Nursing is not fully behind the Kent LMC motion."))
    assert not [f for f in facts if f[1] == "supports"]


def test_a_post_without_its_holder_places_no_one():
    facts = triples(build("Headline\n\nDr Ann Bell, chair of the committee and the practices in Leeds, spoke."))
    assert not [f for f in facts if f[0] == "Ann Bell" and f[1] == "locatedIn"]


def test_a_town_before_a_post_names_no_body():
    kg = build("Headline\n\nDr Lena Moss, a Bristol GP partner who took over as chair of the Royal College of "
               "Nursing this week, spoke.")
    assert "Bristol GP" not in {e.label for e in kg.entities}
    assert ("Lena Moss", "locatedIn", "Bristol", "") in triples(kg)


@pytest.mark.parametrize("text, expected", ARTICLE_RULES, ids=[sorted(e)[0][1] + " " + sorted(e)[0][0]
                                                               for _, e in ARTICLE_RULES])
def test_posts_speakers_sums_and_names_of_the_evening_articles(text, expected):
    assert expected <= triples(build("Headline\n\n" + text))


@pytest.mark.parametrize("text, target", [
    # the verdict is on who failed or who was delighted, not on what their clause names
    ("Dr Helen Price said practices had failed to meet the targets of the Quality and Outcomes Framework.",
     "Quality and Outcomes Framework"),
    ('Dr Helen Price said: "Doctors who worked under the partnership model were delighted with the change."',
     "GP partnership model"),
])
def test_a_quotations_verdict_on_another_is_no_stance_on_what_its_clause_names(text, target):
    facts = triples(build("Headline\n\n" + text))
    assert not [f for f in facts if f[1] in ("supports", "criticises") and f[2] == target]


@pytest.mark.parametrize("text, expected", [
    ('Dr Helen Price said: "The partnership model has been a disaster for patients."',
     ("Helen Price", "criticises", "GP partnership model", "")),
    ('Dr Helen Price said the Quality and Outcomes Framework had failed patients badly.',
     ("Helen Price", "criticises", "Quality and Outcomes Framework", "")),
])
def test_a_quotations_verdict_on_what_it_names_is_a_stance(text, expected):
    assert expected in triples(build("Headline\n\n" + text))


@pytest.mark.parametrize("text, expected", [
    # a quotation after a sentence whose subject is a person, in the same paragraph, is that person's
    ('Dr Amy Ng is unconvinced. "The money will not reach the practices that need it."',
     {("Amy Ng", "said", "The money will not reach the practices that need it.")}),
    # a verb of speech after the quotation names its speaker instead
    ('Dr Amy Ng is unconvinced. "It will not work. Not here," said Dr Tom Ash.',
     {("Tom Ash", "said", "It will not work. Not here")}),
    # in the next paragraph the quotation is no one's the rule can tell
    ('Dr Amy Ng is unconvinced.\n\n"The money will not reach the practices that need it."', set()),
])
def test_a_quotation_after_a_sentence_about_a_person_is_hers(text, expected):
    assert {f[:3] for f in triples(build("Headline\n\n" + text)) if f[1] == "said"} == expected


def test_answers_are_the_interviewees_only_where_the_page_says_who_is_interviewed():
    questions = "\n\nQ: What comes first?\n\nA: Workload, and then funding for practices.\n"
    named = triples(build("Headline\n\nIn an interview with Pulse, Dr Ama Berko, chair of Leeds LMC, spoke of the "
                          "year ahead." + questions))
    assert ("Ama Berko", "said", "Workload, and then funding for practices.", "") in named
    unnamed = triples(build("Headline\n\nDr Ama Berko and Dr Tom Ash answered readers." + questions))
    assert not [f for f in unnamed if f[1] == "said"]


@pytest.mark.parametrize("text", [
    "Devon LMC denied that it had criticised the PCN DES.",
    "Devon LMC denied criticising the PCN DES.",
    "The Kestrel Institute refused to endorse the GP contract.",
    "The Kestrel Institute declined to back the Pharmacy First scheme.",
    "It is unclear whether Devon LMC supports the PCN DES.",
    "Devon LMC did not say that it opposed the GP contract.",
    "If the Kestrel Institute funds the NHS App, practices will use it.",
    # a question, a stance that could be, and one on a condition
    "Will Devon LMC support the GP contract?",
    "Devon LMC could support the GP contract.",
    "Devon LMC would back the GP contract if funding rose.",
    "Devon LMC is not against the PCN DES.",
    # a body said not to be against something is not falling short
    "Dr Ian Moss said Castle Surgery was not against pharmacies in principle.",
])
def test_what_is_denied_withheld_or_only_supposed_is_no_fact(text):
    assert not [f for f in triples(build("Headline\n\n" + text)) if f[1] != "said"]


@pytest.mark.parametrize("text", [
    "Devon LMC has called for the rules to be rewritten, and for NHS England to offer the Pharmacy First scheme.",
    "It would be better for the Kestrel Institute to fund the NHS App.",
])
def test_what_one_is_asked_for_or_would_be_better_to_do_is_not_done(text):
    assert not [f for f in triples(build("Headline\n\n" + text)) if f[1] in ("offers", "funds")]


def test_a_stance_reported_as_what_one_would_do_is_still_taken():
    assert ("Devon LMC", "opposes", "GP contract", "") in \
        triples(build("Headline\n\nDevon LMC said it would oppose the GP contract."))


def test_a_post_held_no_longer_is_a_former_one():
    assert ("Tom Ash", "holdsRole", "Leeds LMC", "former chair") in \
        triples(build("Headline\n\nDr Tom Ash was no longer chair of Leeds LMC."))


def test_a_clause_of_its_own_that_says_the_opposite_keeps_a_target_from_the_quotations_verdict():
    facts = triples(build("Headline\n\nDevon LMC said it supported the PCN DES but failed to back the QOF."))
    assert ("Devon LMC", "supports", "PCN DES", "") in facts
    assert not [f for f in facts if f[1] == "criticises"]


def test_the_policy_that_owns_what_is_proposed_is_not_itself_proposed():
    facts = triples(build("Headline\n\nDr Omar Haq called for the scrapping of the ARRS's limits on hiring GPs."))
    assert not [f for f in facts if f[1] == "recommends" and f[2] == "Additional Roles Reimbursement Scheme"]


def test_a_stance_on_removing_something_is_no_stance_on_it_and_a_few_words_are_no_proposal():
    facts = triples(build("Headline\n\nDr Nia Rowe supports scrapping the Additional Roles Reimbursement Scheme. "
                          "The Kestrel Institute recommended it. The BMA called for change."))
    assert not [f for f in facts if f[1] in ("supports", "recommends")]


@pytest.mark.parametrize("text", [
    "Devon LMC is not opposed to the Network Contract DES.",  # negated
    "Devon LMC is concerned about the abolition of the Quality and Outcomes Framework.",  # a removal
    "Devon LMC is worried about the plan to move services into the Network Contract DES.",  # a name deeper in
    "Dr Nia Rowe described the Pharmacy First scheme as a pharmacy service.",  # no verdict
    "Dr Nia Rowe called the NHS App a disaster for patients.",  # a name and a verdict, not a call for it
    '"NHS Devon ICB has not failed patients," said Dr Omar Haq.',  # a fault denied
    "NHS Devon ICB will offer support for practices in Exeter.",  # help to organisations, no stance on a policy
    "Devon LMC did not give its backing to the Network Contract DES.",  # denied
    "Devon LMC welcomed plans to scrap the Network Contract DES.",  # a proposal to remove it
    'Dr Nia Rowe said the Network Contract DES was not "unworkable".',  # a verdict denied
    "Dr Nia Rowe asked whether the Network Contract DES was unworkable.",  # a question
    "NHS Devon ICB said it would stop funding the Network Contract DES.",  # stopping one's own work
    "Responding to the Network Contract DES, Devon LMC said it would publish guidance.",  # no verdict
    "Devon LMC said Elm Surgery lacked GPs and nurses.",  # a practice's trouble, no fault found
    "Devon LMC said it would not enter into dispute with NHS Devon ICB.",  # a dispute denied
])
def test_no_stance_or_proposal_that_the_words_do_not_hold(text):
    relations = {t[1] for t in triples(build("Headline\n\n" + text))}
    allowed = {"criticises"} if "disaster" in text else set()
    assert relations & {"supports", "opposes", "warnsAbout", "recommends", "criticises"} <= allowed


def test_praise_of_a_clause_is_not_praise_of_what_a_clause_inside_its_subject_names():
    kg = build("Headline\n\nDr Omar Haq said doctors who worked under the Network Contract DES had been a great "
               "success.")
    assert [f.rule for f in kg.facts if f.rule == "stance.merit"] == []


def test_a_reader_asking_that_a_firm_be_reported_criticises_it_though_the_parse_fails():
    kg = build("Kestrel Health opens in Leeds\n\nBy Jo Lamb\n\nKestrel Health will open a clinic in Leeds.\n\n"
               "Comments\n\nTired Partner\n3 May 2026 9:14am\nKestrel Health and all the other private firms "
               "looking to skim off money from the NHS - need to be reported to the GMC for putting profit first.")
    assert ("Tired Partner", "criticises", "Kestrel Health", "") in triples(kg)


def test_a_report_known_by_its_maker_alone_is_one_per_document_and_one_known_by_its_title_is_one_everywhere():
    kg = build("Waits\n\nA report by the Kestrel Institute found waits had doubled.",
               "Pay\n\nA report by the Kestrel Institute found pay had fallen.",
               "Titles\n\nThe Kestrel Institute report ‘Open all hours’ was praised.",
               "More\n\nThe report ‘Open all hours’ was criticised.")
    reports = sorted((e.label, tuple(sorted(e.documents))) for e in kg.entities if e.type == "Report")
    assert reports == [("Kestrel Institute report", ("d0",)), ("Kestrel Institute report", ("d1",)),
                       ("Open all hours", ("d2", "d3"))]


def test_a_post_implies_its_organisation_in_an_article_that_never_names_it():
    kg = build("Headline\n\nHealth secretary Ann Lee said practices would get more money. Shadow health secretary "
               "Tom Hale said it was too little.")
    assert ("Ann Lee", "holdsRole", "the Government", "health secretary") in triples(kg)
    assert not [t for t in triples(kg) if t[0] == "Tom Hale" and t[1] == "holdsRole"]
    [government] = [e for e in kg.entities if e.label == "the Government"]
    assert government.aliases == ()  # 'Health secretary' is no name of it


def test_an_implied_organisation_no_fact_uses_is_no_entity_of_the_graph():
    kg = build("Headline\n\nThe Scottish Government has announced £5m for rural practices. Health secretary Neil "
               "Gray said it would help.")
    assert ("Neil Gray", "holdsRole", "Scottish Government", "health secretary") in triples(kg)
    assert "the Government" not in {e.label for e in kg.entities}


def test_a_ranking_named_in_two_articles_is_one():
    kg = build("One\n\nShe topped the Kestrel Power 100 this year.",
               "Two\n\nHe fell out of the Kestrel Power 100 this year.")
    assert [sorted(e.documents) for e in kg.entities if e.label == "Kestrel Power 100"] == [["d0", "d1"]]


def test_a_proposal_in_its_own_words_is_about_what_it_names():
    kg = build("Headline\n\nThe Kestrel Institute recommended that NHS England publish waiting times.")
    labels = {e.key: e.label for e in kg.entities}
    [fact] = [f for f in kg.facts if f.predicate == "recommends"]
    assert fact.object_is_literal and [labels[k] for k in fact.about] == ["NHS England"]


def test_a_name_the_page_established_is_a_mention_wherever_the_page_repeats_it():
    text = ("Headline\n\nOperose Health has sold its practices to a US healthcare company, Elevance Care.\n\n"
            "Elevance Care, which already runs urgent care centres in Essex, said it would invest £12m in the "
            "practices over three years.")
    kg = build(text)
    [entity] = [e for e in kg.entities if e.label == "Elevance Care"]
    facts = triples(kg)
    assert ("Elevance Care", "said", "it would invest £12m in the practices over three years", "") in facts


def test_a_report_in_which_someone_says_something_is_theirs():
    facts = triples(build("Headline\n\nIn a report published today, the Health Foundation said general practice was "
                          "in crisis. The RCGP welcomed the report."))
    assert ("Royal College of General Practitioners", "welcomes", "Health Foundation report", "") in facts


@pytest.mark.parametrize("text, expected", [
    # the model's one 'organisation' is a titled person and where they are from
    ("The motion, proposed by Dr Helen Sharp of Devon LMC, said NHS England had failed.",
     ("Helen Sharp", "holdsRole", "Devon LMC", "")),
    ("Dr Sam Ray of Castle Street Surgery said the practice would close.",
     ("Sam Ray", "holdsRole", "Castle Street Surgery", "")),
    # a title before a word the model does not take for a name makes it one
    ("Dr Price told the conference: “We have been ignored for too long.”",
     ("Price", "said", "We have been ignored for too long.", "")),
    # 'Speaking to GPonline, X said': quoted in that publication
    ("Speaking to Pulse after the debate, Dr Owen Lewis said practices could not survive another year.",
     ("Owen Lewis", "quotedIn", "Pulse", "")),
])
def test_titled_people_their_organisations_and_who_they_spoke_to(text, expected):
    assert expected in triples(build("Headline\n\n" + text))


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Health has sold its five practices in Leeds to Modality Partnership.",
     {("Modality Partnership", "tookOver", "Kestrel Health", "")}),
    ("Operose Health has sold its 40 GP practices to a US company, Elevance Care, in a deal worth £90m.",
     {("Elevance Care", "tookOver", "Operose Health", "£90m")}),
    # handing back a contract is no sale
    ("The partners at Elm Tree Surgery handed back their contract to NHS England.", set()),
])
def test_who_buys_what_a_company_sells_takes_it_over(text, expected):
    assert {f for f in triples(build("Headline\n\n" + text)) if f[1] == "tookOver"} == expected


def test_what_someone_is_urged_to_do_is_not_what_was_said():
    facts = triples(build("Headline\n\nThe Patients Association urged patients to contact their practice. "
                          "Healthwatch Devon told residents to use the NHS app."))
    assert {f for f in facts if f[1] == "said"} == set()


def test_she_after_an_unnamed_spokesperson_is_not_the_person_named_before():
    facts = triples(build("Headline\n\nDr Lena Moss, its founder, left in March. A company spokeswoman said the "
                          "practice would stay open. \"No patient will lose their GP,\" she said."))
    assert not {f for f in facts if f[0] == "Lena Moss" and f[1] == "said"}


def test_a_capitalised_determiner_opens_no_name_and_a_kind_described_is_no_name():
    kg = build("Headline\n\nAn ICB spokesperson said the contract would be retendered.\n\n"
               "Online GP firm Medicly has closed.")
    labels = {e.label for e in kg.entities}
    assert "Medicly" in labels
    assert not {label for label in labels if label.startswith(("An ", "Online GP"))}


def test_a_county_is_no_short_name_of_the_committee_named_after_it():
    kg = build("Headline\n\nDr Kay Ho, chair of Devon LMC, said: \"We have lost 40 partners in Devon.\"")
    types = {e.label: e.type for e in kg.entities}
    assert types.get("Devon LMC") == "Organization" and types.get("Devon") == "Place"


def test_a_source_is_who_is_named_as_the_source_not_where_papers_were_filed():
    facts = triples(build("Headline\n\nThe company owed £4.5m, according to documents filed at Companies House. "
                          "Half of practices are short of staff, according to a survey by the BMA."))
    speakers = {f[0] for f in facts if f[1] == "said"}
    assert speakers == {"BMA survey"}


def test_what_a_verb_names_as_its_object_is_not_replaced_by_a_phrase_after_it():
    facts = triples(build("Headline\n\nMedicly ran the Camden Digital Practice under an APMS contract."))
    assert not {f for f in facts if f[1] == "operates" and f[2] == "APMS contract"}


def test_a_newsroom_byline_is_no_person_and_going_on_like_this_is_no_speech():
    kg = build("'We cannot go on like this': a partner's story\n\nBy Staff Reporter\n\n1 May 2026\n\n"
               "Dr Ann Lee said the practice would close.")
    assert "Staff Reporter" not in {e.label for e in kg.entities}
    assert {f[0] for f in triples(kg) if f[1] == "said"} == {"Ann Lee"}


def test_a_number_in_words_or_figures_names_one_plan():
    kg = build("Five Year Access Plan unveiled\n\nNHS England has published its 5 Year Access Plan.")
    assert [e.label for e in kg.entities if "Access Plan" in e.label] == ["5 Year Access Plan"]


def test_a_phrase_that_opens_inside_a_name_is_that_name():
    kg = build("Headline\n\nThe nurses are not covered by the Agenda for Change pay deal.")
    assert [e.label for e in kg.entities if e.type == "Policy"] == ["Agenda for Change"]


def test_a_short_name_is_the_one_branch_the_page_names_with_the_merge_on_record():
    kg = build("Headline\n\nHealthwatch Kent said the practice must stay open. Healthwatch had asked 900 patients.",
               "Headline\n\nHealthwatch England said patients were waiting longer. Healthwatch asked 9,000 people.")
    entities = {e.label: e for e in kg.entities}
    assert [m.rule for m in entities["Healthwatch Kent"].merges] == ["local-branch"]
    assert entities["Healthwatch England"].documents == ("d1",)


def test_a_capitalised_modifier_opening_a_list_item_is_no_name():
    kg = build("Headline\n\nThe plan includes:\n\n• Digital telephony for every practice by March;\n"
               "• Online booking for all patients.")
    assert {e.label for e in kg.entities} & {"Digital", "Online"} == set()


def test_a_clause_the_parser_took_for_a_noun_phrase_names_no_policy():
    kg = build("Headline\n\nThe Kestrel Institute recommended that every ICB commission walk-in hubs.")
    assert [e.label for e in kg.entities if e.type in ("Policy", "Programme")] == []


def test_a_clause_after_an_object_is_not_what_was_said():
    facts = triples(build("Headline\n\nDr Ian Bell claimed £12,000 in fees his surgery was not owed."))
    assert {f for f in facts if f[1] == "said"} == set()


def test_what_something_was_sold_as_is_not_the_speakers_verdict():
    facts = triples(build("Headline\n\nDr Ian Bell said the NHS App had been sold as a brilliant way to free up "
                          "GP time."))
    assert {f for f in facts if f[1] in ("supports", "criticises")} == set()


def test_a_name_is_the_policy_named_with_its_kind_word_on_the_same_page():
    kg = build("Headline\n\nThe Care Navigator scheme was launched in May. NHS England said Care Navigator "
               "had helped 2,000 patients.")
    assert [e.label for e in kg.entities if "Care Navigator" in e.label] in (["Care Navigator"],
                                                                             ["Care Navigator scheme"])


def test_a_health_board_is_a_government_body():
    kg = build("Headline\n\nAneurin Bevan University Health Board said it would run the practice.")
    assert {e.label: e.type for e in kg.entities}["Aneurin Bevan University Health Board"] == "GovernmentBody"


def test_a_linking_word_does_not_start_a_name():
    kg = build("Headline\n\nBut Wessex LMC rejected the plan. And Kestrel Health said it would appeal.")
    labels = {e.label for e in kg.entities}
    assert {"Wessex LMC", "Kestrel Health"} <= labels
    assert not any(label.split()[0] in ("But", "And") for label in labels)


def test_who_is_warned_in_the_passive_is_not_what_the_warning_is_about():
    facts = triples(build("Headline\n\nDr Amy Lowe was warned by the BMA about the contract."))
    assert {f for f in facts if f[1] == "warnsAbout"} == set()


@pytest.mark.parametrize("text, name", [
    # the lexicon's 'Government' grown into the model's 'The Scottish': two names of one length claim 'Scottish'
    ("The Scottish Government will give practices an extra £40m next year.", "Scottish Government"),
    ("Dr Graham Reid criticised the Scottish Government for failing to meet its target.", "Scottish Government"),
])
def test_names_grown_over_the_models_names_do_not_overlap(text, name):
    assert name in {e.label for e in build("Headline\n\n" + text).entities}


def test_a_reader_named_by_their_handle_is_no_person():
    text = ("Headline\n\nThe ICB will close the practice.\n\nComments (2)\n\nDr Tired 4 August, 2026 6:40 pm\n\n"
            "We tried this and it failed.\n\nNurse Jo 4 August, 2026 7:15 pm\n\nDr Tired is right.")
    kg = build(text)
    assert not {e.label for e in kg.entities if e.type != "Commenter"} & {"Tired", "Dr Tired"}


def test_what_should_be_done_has_not_been_done():
    facts = triples(build("Headline\n\nThe Department of Health and Social Care should commission the Nuffield "
                          "Trust. NHS England could fund the Additional Roles Reimbursement Scheme."))
    assert {f for f in facts if f[1] in ("commissioned", "funds")} == set()


_COLUMN = ("Why I capped my list\n\nBy Dr Omar Hale\n\nLast Tuesday I saw 41 patients. I capped our lists in April, "
           "and Kent LMC backed us.\n\nReaders' comments (1)\n\nOld Hand | GP | 5 May 2026 9:14am\n{}")
_NEWS = ("Practice caps lists\n\nBy Ann Reporter\n\nElm Surgery capped its lists in April, and Kent LMC backed it, its "
         "chair Dr Bo Lee said.\n\nReaders' comments (1)\n\nOld Hand | GP | 5 May 2026 9:14am\n{}")


@pytest.mark.parametrize("page, assent, supported", [
    (_COLUMN, "Spot on. We did the same.", True),
    (_COLUMN, "Great article!", True),
    (_COLUMN, "Spot on about the LMC, less so about the rest.", False),  # more than assent: not read
    (_COLUMN, "The list-size point is spot on.", True),  # a point of the column, found right
    (_COLUMN, "The LMC point is wrong.", False),
    (_NEWS, "Spot on.", False),  # a news report's author states no view to agree with
])
def test_a_readers_bare_assent_under_a_column_supports_its_author(page, assent, supported):
    facts = triples(build(page.format(assent)))
    assert (("Old Hand", "supports", "Omar Hale", "") in facts) is supported
    assert not [f for f in facts if f[0] == "Old Hand" and f[1] == "supports" and f[2] != "Omar Hale"]


def test_a_readers_pronoun_is_nobody_where_the_article_follows_two_of_that_gender():
    facts = triples(build("Headline\n\nDr Ruth Hale retired this week. She chaired Kent LMC. Mrs Ann Cole, the "
                          "practice manager, said she was proud. Dr Hale and Mrs Cole spoke.\n\nReaders' comments (1)\n\n"
                          "Old Hand | GP | 5 May 2026 9:14am\nShe was right about the cuts."))
    assert not [f for f in facts if f[1] == "supports"]


def test_a_sum_put_into_something_funds_it_only_when_done():
    facts = triples(build("Headline\n\nNHS Wales could put £5m into Pharmacy First. NHS England has put pressure on "
                          "the Additional Roles Reimbursement Scheme. The BMA said the change added £2m to the cost of "
                          "the GP contract."))
    assert not [f for f in facts if f[1] == "funds"]


def test_a_practices_contract_is_held_not_published():
    facts = triples(build("Headline\n\nFenside Surgery's GMS contract ends in March. Elm Lane Medical Centre's APMS "
                          "contract was renewed. NHS England's GP contract was published."))
    assert ("NHS England", "published", "GP contract", "") in facts
    assert not [f for f in facts if f[1] == "published" and f[0] != "NHS England"]



def test_a_partners_or_members_we_is_not_their_bodys():
    facts = triples(build("Headline\n\nDr Bo Lee, a GP partner at Elm Surgery and a member of Kent LMC, said: \"We "
                          "welcome the Quality and Outcomes Framework.\""))
    assert ("Bo Lee", "welcomes", "Quality and Outcomes Framework", "") in facts
    assert not [f for f in facts if f[1] == "welcomes" and f[0] != "Bo Lee"]


def test_a_pronoun_reported_by_a_speaker_the_parser_did_not_make_a_subject_is_that_speaker():
    # the parser reads 'Campaign group Keep Our NHS Public said' with 'Keep' as a verb; 'it' is still the group
    facts = triples(build("Healthwatch Lincolnshire said patients were worried. Campaign group Keep Our NHS Public "
                          "said it had written to NHS Lincolnshire ICB."))
    assert ("Keep Our NHS Public", "wroteTo", "NHS Lincolnshire ICB", "") in facts
    assert not [f for f in facts if f[0] == "Healthwatch Lincolnshire" and f[1] == "wroteTo"]


def test_a_report_known_by_its_maker_is_the_one_the_page_titles_after_naming_that_maker():
    kg = build("Healthwatch Kent surveyed 300 patients registered at Elm Surgery for its report, Still Waiting: "
               "Booking at Elm Surgery, published on Tuesday.\n\nA spokesperson for NHS Kent and Medway ICB said: \"We "
               "welcome Healthwatch Kent's report and will respond to it.\"")
    reports = [e for e in kg.entities if e.type == "Report"]
    assert [e.label for e in reports] == ["Still Waiting: Booking at Elm Surgery"]
    assert {m.rule for m in reports[0].merges} >= {"maker-title"}


def test_an_inspectors_words_on_the_practice_give_no_post_in_it():
    facts = triples(build("Headline\n\nCastle Surgery was rated inadequate. Chief inspector Dr Ann Lee said the "
                          "practice was failing."))
    assert not [f for f in facts if f[1] == "holdsRole"]


def test_luck_wished_to_a_person_by_name_is_support():
    kg = build("Headline\n\nDr Amara Okonkwo founded Kestrel Health.\n\nReaders' comments (1)\n\n"
               "Kit | Practice manager | 11 Mar 2025 9:31am\nGood luck to Dr Okonkwo - nice to see a local firm win.\n")
    assert ("Kit", "supports", "Amara Okonkwo", "") in triples(kg)


def test_a_leaders_we_does_what_only_a_body_does_for_the_body_alone():
    kg = build("Headline\n\nDr Ann Cole, chief executive of Kent Health Federation, said: \"We took out a £200,000 "
               "loan from Barclays to get through the year. We subcontract weekend visits to Vale Urgent Care.\"")
    acts = {(s, p, o) for s, p, o, _ in triples(kg) if p in ("borrowsFrom", "subcontractsTo")}
    assert acts == {("Kent Health Federation", "borrowsFrom", "Barclays"),
                    ("Kent Health Federation", "subcontractsTo", "Vale Urgent Care")}


def test_a_writers_we_with_no_body_subcontracts_nothing():
    kg = build("Headline\n\nBy Ann Cole\n\nWe subcontract weekend visits to Vale Urgent Care.")
    assert not [t for t in triples(kg) if t[1] == "subcontractsTo"]


_INTERVIEW_PAGE = """'Scale is no magic word': Ruth Ayo on running a federation
The new chief executive of Medway Care Federation talks about loans and contracts.

By Tom Finch
Tuesday 14 October 2025

Ruth Ayo became chief executive of Medway Care Federation in July. Ruth Ayo was a practice manager before that.

What does the federation do?

We run evening appointments for 20 practices.

How did you get through last winter?

We took out a £200,000 loan from Barclays.

Tom Finch is a fellow at the King's Fund.
"""


def test_we_in_the_answers_of_a_question_and_answer_interview_is_the_interviewees():
    kg = build(_INTERVIEW_PAGE)
    assert {(s, o) for s, p, o, _ in triples(kg) if p == "borrowsFrom"} == {("Medway Care Federation", "Barclays")}


def test_a_column_that_asks_its_own_questions_is_no_interview():
    page = _INTERVIEW_PAGE.replace("What does the federation do?", "What do we do?").replace(
        "How did you get through last winter?", "How did we get through last winter?")
    kg = build(page)
    assert {(s, o) for s, p, o, _ in triples(kg) if p == "borrowsFrom"} == {("Tom Finch", "Barclays")}


def test_a_quotation_only_mildly_warm_takes_no_side_on_the_policy_it_names():
    # VADER scores these words 0.53: an account of a process, not a verdict on the scheme
    kg = build('Headline\n\n"The Pharmacy First scheme was agreed after a fair and open process," said Dr Ann Cole.')
    assert not [t for t in triples(kg) if t[1] in ("supports", "criticises")]


def test_a_successor_takes_the_office_not_the_partnership():
    facts = triples(build("Headline\n\nDr Ola Reyes, secretary of Humber LMC and a partner at Elm Surgery, retires in "
                          "May. Her successor is Dr Ben Kato, a salaried GP in Hull."))
    assert ("Ben Kato", "holdsRole", "Humber LMC", "secretary") in facts
    assert not [f for f in facts if f[0] == "Ben Kato" and f[2] == "Elm Surgery"]


def test_who_funds_in_a_clause_on_a_noun_funds_that_noun_not_each_other():
    facts = triples(build("Headline\n\nThe link workers are employed under a scheme jointly funded by Tamar Valley "
                          "Primary Care Network, West Devon Borough Council and the charity Moor Community Action."))
    assert not [f for f in facts if f[1] == "funds"]


def test_what_a_proposal_sits_in_or_is_for_is_not_proposed():
    facts = triples(build("Headline\n\nThe Rural Health Counts report was published on Monday. It recommends a "
                          "dedicated rurality adjustment within the global sum and greater flexibility in the "
                          "Additional Roles Reimbursement Scheme so that rural primary care networks can employ "
                          "GPs."))
    recommended = {f[2] for f in facts if f[1] == "recommends"}
    assert "Additional Roles Reimbursement Scheme" in recommended
    assert not recommended & {"global sum", "primary care networks"}


def test_asking_for_a_policy_is_no_opposition_to_it_for_a_negation_in_another_clause():
    facts = triples(build("Headline\n\nDevon LMC urged practices to sign up to the PCN DES. Dr Ola Reyes urged the "
                          "minister to make sure that rural practices were not left to improvise when the PCN DES was "
                          "rolled out."))
    assert ("Devon LMC", "recommends", "PCN DES", "") in facts
    assert not [f for f in facts if f[1] == "opposes"]


def test_a_continued_quotation_keeps_no_comma_before_its_attribution():
    kg = build("Headline\n\nDr Ola Reyes, chair of Devon LMC, said the offer was late. \"Practices cannot plan. The "
               "money never arrives on time,\" she said.")
    said = [f.object for f in kg.facts if f.predicate == "said" and "Practices cannot plan" in f.object]
    assert said and not any(words.endswith(",") for words in said)


def test_a_member_named_after_the_seat_takes_the_stance_of_the_sentence():
    facts = triples(build("Headline\n\nLiberal Democrat MP for North Cornwall Helen Tremayne said the Carr-Hill "
                          "formula had \"never properly accounted\" for the cost of rurality."))
    assert ("Helen Tremayne", "criticises", "Carr-Hill formula", "") in facts

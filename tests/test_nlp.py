from __future__ import annotations

import pytest

from kg.nlp import load_pipeline


def _subject_of(text: str, verb: str) -> str | None:
    doc = load_pipeline()(text)
    token = next(t for t in doc if t.text == verb)
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.text if subject is not None else None


@pytest.mark.parametrize(("text", "verb", "subject"), [
    # a name ending in an acronym the model reads as an adverb of the verb after it
    ("Sheffield LMC raised concerns about the merger.", "raised", "LMC"),
    ("Northamptonshire LMC has been lobbying the ICB for a hardship fund.", "lobbying", "LMC"),
    ("BMA demands £1.5bn rescue package for general practice", "demands", "BMA"),
    # what the parser got right stays as it was
    ("The practice said Kent LMC had agreed.", "agreed", "LMC"),
    ("Last week, vote yes in the ballot.", "vote", None),
])
def test_a_name_right_before_a_subjectless_verb_is_its_subject(text, verb, subject):
    assert _subject_of(text, verb) == subject


@pytest.mark.parametrize(("text", "names"), [
    # a word before 'the' at the start of a run is no part of the body's name
    ("In September the ICB told practices the pot would be held flat.", ["ICB"]),
    ("When the CCG closed the branch, nobody asked the patients.", ["CCG"]),
    ("Last March the PCN hired two pharmacists.", ["PCN"]),
    # a hyphen inside a name's word ('Mid-Pennine') is inside the name
    ("In a statement, NHS Mid-Pennine ICB said it was disappointed.", ["NHS Mid-Pennine ICB"]),
    ("Mid-Lothian LMC backed the motion.", ["Mid-Lothian LMC"]),
    ("Healthwatch North-Wessex said it would watch the changes.", ["Healthwatch North-Wessex"]),
    # 'in' after a body's head word tells where it is, though the model runs the name on
    ("She has been a GP at Elmwood Health Centre in Barnsley since 2010.", ["GP", "Elmwood Health Centre"]),
    ("Dr Lee is a partner at Ashgrove Surgery in Wellingborough.", ["Ashgrove Surgery"]),
    # other connectors still join a name's words
    ("Last week Castle Point and Rochford Primary Care Network hired two pharmacists.",
     ["Castle Point and Rochford Primary Care Network"]),
])
def test_a_bodys_name_runs_over_a_hyphen_not_over_the(text, names):
    doc = load_pipeline()(text)
    assert [e.text for e in doc.ents if e.label_ == "ORG" or e.label_.startswith("KG_")] == names

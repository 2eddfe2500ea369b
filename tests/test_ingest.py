"""Ingest: chrome, headings, title, byline, dateline and comments, on invented pages and on the seeds."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import IngestResult, chrome_kind, html_to_text, parse_document, read_documents
from kg.model import ARTICLE, COMMENT, Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def parse(text: str) -> Document:
    return parse_document(text, doc_id="doc", path="doc.txt")


def content(doc: Document, *, section: str | None = None, heading: bool | None = None) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.segments
            if (section is None or s.section == section) and (heading is None or s.heading == heading)]


def chrome(doc: Document) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.chrome]


def comment_texts(doc: Document, index: int) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.segments if s.comment_index == index]


def check_invariants(doc: Document) -> None:
    """Offsets index into the text, spans are trimmed, sorted and disjoint, comments hold their segments."""
    text = doc.text
    for spans in (doc.segments, doc.chrome):
        previous_end = 0
        for segment in spans:
            piece = text[segment.start:segment.end]
            assert 0 <= segment.start < segment.end <= len(text)
            assert piece == piece.strip(), piece
            assert segment.start >= previous_end, "segments overlap or are unsorted"
            previous_end = segment.end
    covered = [(s.start, s.end) for s in doc.segments]
    for c in doc.chrome:
        assert all(c.end <= start or c.start >= end for start, end in covered), text[c.start:c.end]
    assert [c.index for c in doc.comments] == list(range(1, len(doc.comments) + 1))
    for comment in doc.comments:
        own = [s for s in doc.segments if s.comment_index == comment.index]
        assert own and all(s.section == COMMENT for s in own)
        assert comment.start == own[0].start and comment.end == own[-1].end
    for segment in doc.segments:
        assert (segment.section == COMMENT) == (segment.comment_index is not None)
        if segment.section == COMMENT:
            assert not segment.heading
    if doc.comments:
        first_comment = doc.comments[0].start
        assert all(s.start < first_comment for s in doc.segments if s.section == ARTICLE)
    if doc.byline is not None:
        assert doc.byline in doc.segments and doc.byline.section == ARTICLE
    if doc.title is not None:
        headings = [" ".join(t.split()) for t in content(doc, section=ARTICLE, heading=True)]
        assert doc.title in headings


# --------------------------------------------------------------------------------------------
# Site chrome: families of widget text, shown on other sites' wording
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, family", [
    ("This website is intended for UK healthcare professionals only", "audience"),
    ("This content is only for registered users", "audience"),
    ("Read the current edition online", "audience"),
    ("Subscribe now", "audience"),
    ("Already a subscriber? Log in", "audience"),
    ("Rate this story (3.5 average user rating)", "rating"),
    ("Rate\u00a0this\u00a0blog\u00a0 (2\u00a0average user rating)", "rating"),
    ("Tap to rate", "rating"),
    ("1 star out of 5", "rating"),
    ("4 stars out of 10", "rating"),
    ("0 out of 5 stars", "rating"),
    ("Report this comment", "report"),
    ("Offensive or off-topic? Report this comment", "report"),
    ("Comment removed by moderator", "report"),
    ("Reply moderated", "report"),
    ("Reader comments (4)", "comments-header"),
    ("COMMENTS [112]", "comments-header"),
    ("12 comments", "comments-header"),
    ("Comments", "comments-header"),
    ("Join the discussion", "comment-prompt"),
    ("Have your say", "comment-prompt"),
    ("Please note, only registered nurses are allowed to post comments", "comment-prompt"),
    ("Follow her on LinkedIn or email her at", "social"),
    ("Share this article", "social"),
    ("Related photos", "image"),
    ("Photo: Getty Images", "image"),
    ("surgery waiting room 640x480px", "image"),
    ("nurse clinic 3 duo 4x3", "image"),
    ("practice-sign-2021.jpg", "image"),
    ("https://example.org/news/item?id=7", "url"),
    ("www.example.org/a", "url"),
    ("Sign in | Register", "audience"),
    ("Skip to main content", "audience"),
    ("Share via email", "social"),
    ("Most popular", "related"),
    ("Related stories:", "related"),
    ("READ MORE", "related"),
    ("© 2026 Example Media Ltd. All rights reserved.", "footer"),
    # content, not chrome
    ("Read more about the contract in our analysis.", None),
    ("Most practices said they would sign.", None),
    ("The BMA said the rating system was flawed.", None),
    ("Comments from the RCGP were welcomed by ministers.", None),
    ("Rate cuts are coming for dispensing practices", None),
    ("Stars of general practice", None),
    ("Dr Amy Lee", None),
    ("We follow him on most things, said the chair of the LMC, who asked not to be named.", None),
    ("Report finds 400 practices closed", None),
    ("The 3x2 rota in Leeds", None),
    ("Sceptic in Surrey | Salaried GP | 27 Feb 2026 9:40am", None),  # a comment's header, not a menu
    ("News | Opinion | Practice business", "nav"),
    ("", None),
])
def test_chrome_families(line: str, family: str | None) -> None:
    assert chrome_kind(line) == family


def test_a_menu_and_the_headlines_under_read_more_are_chrome_but_a_terse_list_in_the_story_is_not() -> None:
    doc = parse_document("Skip to main content\nHealth News\nNews\nOpinion\nJobs\nLog in | Register\n\n"
                         "Practices to get new phones\n\nBy Amy Lee\n\n3 March 2026\n\n"
                         "NHS England will pay for new phones, it said.\n\nThe plan covers:\n\nNew handsets\n"
                         "Cloud software\nStaff training\n\nREAD MORE\nGPs reject contract offer\n"
                         "ICB cuts funding\n\n© 2026 Example Media Ltd.\n", doc_id="d", path="d.txt")
    assert (doc.title, doc.author) == ("Practices to get new phones", "Amy Lee")
    body = " ".join(content(doc, section=ARTICLE))
    assert "Cloud software" in body and "Opinion" not in body and "GPs reject" not in body and "©" not in body


def test_long_lines_are_never_chrome() -> None:
    long_line = "Report this comment " + "and more words " * 10
    assert chrome_kind(long_line) is None


# --------------------------------------------------------------------------------------------
# Invented pages (other sites, other people)
# --------------------------------------------------------------------------------------------

BULLET_PAGE = """\
This website is intended for UK healthcare professionals only

Read the current edition online

surgery waiting room 640x480px

News

Practices face new rules on weekend opening

12 May 2023

Practices in Kent will have to open on Saturdays under plans unveiled by the local ICB.

Local leaders warn weekend opening will stretch staff too thin

The ICB said the change would start in June. Local leaders warn weekend opening will stretch staff too thin, \
said Dr Omar Haddad.

What happens next

Dr Haddad said the LMC would ballot members this week.

Priya Shah is a senior reporter at GP Weekly.\u00a0Follow her on Twitter @pshah or email her at

Rate this story (3.5 average user rating)

Click to rate

  \u2022 1 star out of 5
  \u2022 2 stars out of 5

Reader comments (4)

  \u2022 Kent Partner

    We cannot staff Saturdays.
    Nobody asked us.

    Report this comment

  \u2022 Who will pay for this?

    Report this comment

  \u2022 Salaried in Margate | GP Partner12 May 2023 9:15am
    Pay us properly first.

    Report this comment

  \u2022 Rural Doc

    Report this comment

Join the discussion
"""

HEADER_PAGE = """\
Opinion

Is the partnership model finished?

By Tom Ellery, deputy editor

March 4, 2024

The partnership model has survived many reforms.

Still, younger GPs are wary of buying into premises.

Helen Brooks 5 March, 2024 7:15 am

About time someone said it.
Partnerships still work here.

Gareth Lewis-Jones 5 March, 2024 9:40 pm

Too late for us.
"""


def test_bullet_page_metadata() -> None:
    doc = parse(BULLET_PAGE)
    check_invariants(doc)
    assert doc.title == "Practices face new rules on weekend opening"
    assert doc.date == "2023-05-12"
    assert (doc.author, doc.outlet) == ("Priya Shah", "GP Weekly")
    assert doc.byline is not None
    assert doc.text[doc.byline.start:doc.byline.end] == "Priya Shah is a senior reporter at GP Weekly."


def test_bullet_page_headings_and_chrome() -> None:
    doc = parse(BULLET_PAGE)
    assert content(doc, section=ARTICLE, heading=True) == [
        "News", "Practices face new rules on weekend opening", "What happens next"]
    body = content(doc, section=ARTICLE, heading=False)
    assert body[0] == "Practices in Kent will have to open on Saturdays under plans unveiled by the local ICB."
    assert body[-1] == "Priya Shah is a senior reporter at GP Weekly."
    dropped = chrome(doc)
    assert "Local leaders warn weekend opening will stretch staff too thin" in dropped  # pull-quote
    assert "12 May 2023" in dropped  # a dateline is metadata
    assert "Follow her on Twitter @pshah or email her at" in dropped
    assert "surgery waiting room 640x480px" in dropped
    assert "Join the discussion" in dropped
    assert dropped.count("Report this comment") == 4


def test_bullet_page_comments() -> None:
    doc = parse(BULLET_PAGE)
    assert [(c.author, c.timestamp) for c in doc.comments] == [
        ("Kent Partner", None),  # short, unpunctuated, followed by text: a handle
        (None, None),  # ends with '?': the bullet line is the comment
        ("Salaried in Margate", "12 May 2023 9:15am"),  # "Handle | Job titleDATE TIME"
        (None, None),  # short but nothing follows it: the bullet line is the comment
    ]
    assert comment_texts(doc, 1) == ["We cannot staff Saturdays.", "Nobody asked us."]
    assert comment_texts(doc, 2) == ["Who will pay for this?"]
    assert comment_texts(doc, 3) == ["Pay us properly first."]
    assert comment_texts(doc, 4) == ["Rural Doc"]


THREE_PART_HEADERS = """Practices reject contract offer

GP leaders have rejected the offer.

Readers' comments (2)

Sceptic in Surrey | Salaried GP | 27 Feb 2026 9:40am
The union talks tough every February.

Anonymous | Practice Manager | 27 Feb 2026 12:51pm
Vote yes in the ballot.
"""


@pytest.mark.parametrize("top", [
    # headline, standfirst, byline and date on consecutive lines
    "Private firm to run Kestrel surgery\nHealth chiefs award a ten-year deal worth £18.6m to a private firm despite a "
    "petition\nBy Rachel Holloway\n14 March 2025\n\n",
    # headline and standfirst, a blank line, then byline and date
    "Private firm to run Kestrel surgery\nHealth chiefs award a ten-year deal worth £18.6m to a private firm despite a "
    "petition\n\nBy Rachel Holloway\n14 March 2025\n\n",
    # each on its own, the standfirst a sentence of prose
    "Private firm to run Kestrel surgery\n\nHealth chiefs award a ten-year deal worth £18.6m to a private firm despite a "
    "petition.\n\nBy Rachel Holloway\n\n14 March 2025\n\n",
])
def test_standfirst_between_headline_and_byline(top: str) -> None:
    doc = parse(top + "A private company will take over the running of the surgery next month.\n")
    assert (doc.title, doc.author, doc.date) == ("Private firm to run Kestrel surgery", "Rachel Holloway", "2025-03-14")
    assert "A private company will take over the running of the surgery next month." in content(doc, heading=False)


def test_a_two_sentence_headline_over_a_byline_is_the_title() -> None:
    doc = parse("The partnership model isn't dying. It's being starved\nSoaring bills push partners out\n\n"
                "By Dr Cat Lennox\n3 February 2026\n\nI have been a partner for twenty years.\n")
    assert (doc.title, doc.author) == ("The partnership model isn't dying. It's being starved", "Cat Lennox")


def test_three_part_comment_headers() -> None:
    doc = parse(THREE_PART_HEADERS)
    # "Handle | Job title | DATE TIME": the handle alone is the author, the job title is not part of it
    assert [(c.author, c.timestamp) for c in doc.comments] == [
        ("Sceptic in Surrey", "27 Feb 2026 9:40am"), ("Anonymous", "27 Feb 2026 12:51pm")]
    assert comment_texts(doc, 1) == ["The union talks tough every February."]
    # the job title is kept apart, as the reader's own description
    assert [doc.text[c.about_start:c.about_end] for c in doc.comments] == ["Salaried GP", "Practice Manager"]


def test_header_layout_page() -> None:
    doc = parse(HEADER_PAGE)
    check_invariants(doc)
    assert doc.title == "Is the partnership model finished?"
    assert content(doc, heading=True) == ["Opinion", "Is the partnership model finished?"]
    assert (doc.author, doc.outlet, doc.date) == ("Tom Ellery", None, "2024-03-04")
    assert doc.text[doc.byline.start:doc.byline.end] == "By Tom Ellery, deputy editor"
    assert [(c.author, c.timestamp) for c in doc.comments] == [
        ("Helen Brooks", "5 March, 2024 7:15 am"), ("Gareth Lewis-Jones", "5 March, 2024 9:40 pm")]
    assert comment_texts(doc, 1) == ["About time someone said it.", "Partnerships still work here."]
    assert content(doc, section=ARTICLE, heading=False)[1:] == [
        "The partnership model has survived many reforms.",
        "Still, younger GPs are wary of buying into premises."]


@pytest.mark.parametrize("text, title", [
    # a heading printed twice is the headline; the second copy is chrome
    ("Health board delays list closures\n\nHealth board delays list closures\n\n"
     "The health board has delayed list closures until April.\n", "Health board delays list closures"),
    # nav labels of three words or fewer lose to a longer candidate
    ("Weekly digest\n\nCouncils back new surgery funding plan\n\nIn brief\n\nCouncillors voted on Monday.\n",
     "Councils back new surgery funding plan"),
    # with no longer candidate, the longest short heading; '?' headlines are allowed above the body
    ("Trust the data?\n\nShort view\n\nThe figures do not add up.\n", "Trust the data?"),
    # lines above the last audience banner are masthead (a site tagline), not the headline
    ("Serving primary care since 1990\n\nSubscribe now\n\nBriefing\n\nLocal surgery wins national award\n\n"
     "A practice in Hull has won an award.\n", "Local surgery wins national award"),
    # a markdown heading
    ("# Nurses vote on strike action\n\nNurses in three boards will vote next week.\n",
     "Nurses vote on strike action"),
    # an article that starts with prose has no title
    ("Speaking to GP Weekly, the chair said practices were under pressure.\n\nShe added more.\n", None),
    # a headline-looking line below the first prose is a subheading, not the title
    ("The board met on Tuesday.\n\nWhat the board decided\n\nIt decided nothing.\n", None),
])
def test_titles(text: str, title: str | None) -> None:
    doc = parse(text)
    check_invariants(doc)
    assert doc.title == title


def test_repeated_title_keeps_one_copy() -> None:
    doc = parse("Health board delays list closures\n\nHealth board delays list closures\n\nThe board met.\n")
    assert content(doc, heading=True) == ["Health board delays list closures"]
    assert chrome(doc) == ["Health board delays list closures"]


def test_body_subheading_and_question_line() -> None:
    doc = parse("Clinics close early\n\nThe clinic closed at noon.\n\nStaffing gaps\n\n"
                "Why did it close?\n\nNobody knows.\n")
    assert content(doc, heading=True) == ["Clinics close early", "Staffing gaps"]
    assert "Why did it close?" in content(doc, heading=False)  # a question below the body start is prose


def test_article_bullets_are_paragraphs() -> None:
    doc = parse("Plan published\n\nThe plan includes:\n\n  \u2022 More nurses;\n  \u2022 Longer hours for "
                "some practices\n  \u2022 A new app.\n")
    assert content(doc, heading=False) == [
        "The plan includes:", "More nurses;", "Longer hours for some practices", "A new app."]


@pytest.mark.parametrize("tail, author, outlet", [
    ("Sam Okafor is news editor at Practice Matters.", "Sam Okafor", "Practice Matters"),
    ("Dr Lena Fischer is a freelance writer for The Clinician.", "Lena Fischer", "The Clinician"),
    ("Maya Ross is the deputy editor of Primary Care Today and a former nurse.", "Maya Ross",
     "Primary Care Today"),
    ("By Ahmed Khan, health correspondent at The Northern Echo", "Ahmed Khan", "The Northern Echo"),
    ("By Ahmed Khan", "Ahmed Khan", None),
    # not bylines
    ("Dr Amy Lee is a GP partner at Riverside Surgery.", None, None),
    ("By 2030, most practices will have merged.", None, None),
    ("By The Numbers", None, None),
])
def test_bylines(tail: str, author: str | None, outlet: str | None) -> None:
    doc = parse(f"Practices merge\n\nTwo practices in York will merge.\n\nThe merger starts in May.\n\n{tail}\n")
    check_invariants(doc)
    assert (doc.author, doc.outlet) == (author, outlet)
    if author:
        assert doc.text[doc.byline.start:doc.byline.end] == tail
        assert tail in content(doc, heading=False)
    else:
        assert doc.byline is None


def test_a_byline_over_a_line_about_the_author_is_its_own_paragraph() -> None:
    doc = parse("Why PCNs deserve a second chance\n\nBy Dr Omar Siddiqui\nDr Omar Siddiqui is clinical director of "
                "Riverside PCN.\n\nFive years on, the reality has been more modest.\n")
    check_invariants(doc)
    assert doc.author == "Omar Siddiqui"
    assert doc.text[doc.byline.start:doc.byline.end] == "By Dr Omar Siddiqui"
    assert "Dr Omar Siddiqui is clinical director of Riverside PCN." in content(doc, heading=False)


def test_byline_far_from_the_end_is_not_a_byline() -> None:
    doc = parse("Sam Okafor is news editor at Practice Matters.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n")
    assert doc.author is None


@pytest.mark.parametrize("dateline, date", [
    ("12 May 2023", "2023-05-12"),
    ("Published: Monday 4 March 2024, 10:30", "2024-03-04"),
    ("March 4th, 2024", "2024-03-04"),
    ("2024-03-04", "2024-03-04"),
    ("04/03/2024", "2024-03-04"),
    ("July/August 2020 issue", None),  # an issue banner names no day
    ("31 February 2024", None),  # not a date
])
def test_datelines(dateline: str, date: str | None) -> None:
    doc = parse(f"Funding row deepens\n\n{dateline}\n\nThe row over funding deepened this week.\n")
    assert doc.date == date


def test_date_never_from_body_prose_or_comment_timestamps() -> None:
    doc = parse("Vote called\n\nOn 4 March 2022 the LMC voted to ballot members.\n\n"
                "Jo Bloggs 5 March, 2022 9:00 am\n\nGood.\n")
    assert doc.date is None
    assert [c.timestamp for c in doc.comments] == ["5 March, 2022 9:00 am"]


def test_comment_edge_cases() -> None:
    doc = parse("Headline here now\n\nBody text.\n\nComments (3)\n\n"
                "  \u2022 @Kent Partner:\n    I disagree.\n\n"
                "  \u2022 Nurse practitioner\n\n    Agreed.\n\n    https://example.org/x\n\n"
                "  \u2022 Totally agree with this piece and the comments above\n")
    check_invariants(doc)
    assert [c.author for c in doc.comments] == [None, "Nurse practitioner", None]
    assert comment_texts(doc, 1) == ["@Kent Partner:", "I disagree."]
    assert comment_texts(doc, 2) == ["Agreed."]
    assert "https://example.org/x" in chrome(doc)


def test_comments_without_a_header_line_start_at_the_first_comment_header() -> None:
    doc = parse("Headline here now\n\nBody text.\n\nAlex Morgan 1 June, 2021 10:00 pm\n\nFirst.\n\n"
                "Reply moderated\nSam Lee June 2, 2021 at 8:05 am\n\nSecond.\n")
    assert [(c.author, c.timestamp) for c in doc.comments] == [
        ("Alex Morgan", "1 June, 2021 10:00 pm"), ("Sam Lee", "June 2, 2021 at 8:05 am")]
    assert "Reply moderated" in chrome(doc)


def test_crlf_offsets() -> None:
    unix = parse(HEADER_PAGE)
    windows = parse(HEADER_PAGE.replace("\n", "\r\n"))
    check_invariants(windows)
    assert content(windows) == content(unix)
    assert [(c.author, c.timestamp) for c in windows.comments] == [(c.author, c.timestamp) for c in unix.comments]


def test_parse_is_pure() -> None:
    assert parse(BULLET_PAGE) == parse(BULLET_PAGE)


def test_empty_text() -> None:
    doc = parse("")
    assert doc.segments == () and doc.comments == () and doc.title is None


def test_fuzzed_pages_keep_invariants() -> None:
    """Shuffled and truncated lines from the invented pages still give well-formed documents."""
    rng = random.Random(7)
    pool = (BULLET_PAGE + HEADER_PAGE).splitlines()
    for _ in range(200):
        lines = rng.sample(pool, rng.randint(1, len(pool)))
        check_invariants(parse("\n".join(lines)))


# --------------------------------------------------------------------------------------------
# The seeds
# --------------------------------------------------------------------------------------------

SEED_EXPECTED = {
    "000_a6fd41a8a114627c": dict(
        title="The true privatisation of general practice", author="Jaimie Kaffash", outlet="Pulse",
        first="To borrow a phrase from this digital age",
        authors=["Vinci Ho", "Let common sense prevail", None, "Let common sense prevail", None, None,
                 "AlanAlmond", None, None, "Just Your Average Joe"]),
    "001_c236d9ca029571a1": dict(
        title="Trust the process?", author="Jaimie Kaffash", outlet="Pulse",
        first="Waking up on a Saturday morning",
        authors=["Patrufini Duffy", "Malcolm Ridgway", "Angus Murray-Brown"]),
    "002_98ded81a5ebe0208": dict(
        title=None, author=None, outlet=None, first="Speaking exclusively to Digital Health News", authors=[]),
    "003_3cf66650dab3e562": dict(
        title="Majority of GPs should be employed by trusts, says Javid-backed report", author=None, outlet=None,
        first="The health secretary has welcomed a report", authors=27),
    "004_6f1eae90ceb0e9a3": dict(
        title="Small practices must not be the collateral damage of reform", author="Jaimie Kaffash",
        outlet="Pulse", first="We are at a crucial point",
        authors=["Vinci Ho", None, "Cobblers", None, None, "National Hopeless Service", None, None, None]),
}

# Widget text that must never reach a content segment.
WIDGET_TEXT = re.compile(
    r"Report this comment|stars? out of 5|Follow him on Twitter|Readers' comments|READERS' COMMENTS|Click to rate"
    r"|Related images|intended for health professionals|\dx\d|Reply moderated|https?://|Have your say"
    r"|Read the latest issue|only GPs are permitted|average user rating"
)


@pytest.fixture(scope="module")
def seeds() -> IngestResult:
    return read_documents([SEEDS])


def test_seeds_all_read(seeds: IngestResult) -> None:
    assert [d.doc_id for d in seeds.documents] == sorted(SEED_EXPECTED)
    assert seeds.skipped == () and seeds.warnings == ()


@pytest.mark.parametrize("doc_id", sorted(SEED_EXPECTED))
def test_seed(seeds: IngestResult, doc_id: str) -> None:
    doc = next(d for d in seeds.documents if d.doc_id == doc_id)
    expected = SEED_EXPECTED[doc_id]
    check_invariants(doc)
    assert doc.title == expected["title"]
    assert (doc.author, doc.outlet) == (expected["author"], expected["outlet"])
    assert doc.date is None  # no seed prints a dateline; comment timestamps and issue banners do not count
    authors = [c.author for c in doc.comments]
    if isinstance(expected["authors"], int):
        assert len(authors) == expected["authors"] and all(authors)
    else:
        assert authors == expected["authors"]
    assert content(doc, section=ARTICLE, heading=False)[0].startswith(expected["first"])
    for piece in content(doc):
        assert not WIDGET_TEXT.search(piece), piece
        assert chrome_kind(piece) is None, piece
    if doc.author:
        assert doc.text[doc.byline.start:doc.byline.end] == f"{doc.author} is editor of {doc.outlet}."


def test_seed_pull_quotes_are_chrome(seeds: IngestResult) -> None:
    by_id = {d.doc_id: d for d in seeds.documents}
    assert any(t.startswith("New providers have seen") for t in chrome(by_id["000_a6fd41a8a114627c"]))
    assert any(t.startswith("In the drive") for t in chrome(by_id["004_6f1eae90ceb0e9a3"]))
    for doc in by_id.values():
        assert not any(t.startswith(("New providers have seen", "In the drive")) for t in content(doc, heading=True))


# --------------------------------------------------------------------------------------------
# Reading files and folders
# --------------------------------------------------------------------------------------------

PLAIN = "Clinic opens\n\nA new clinic opened in Leeds.\n"


def test_read_folder_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "one.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(PLAIN, encoding="utf-8")
    result = read_documents([tmp_path])
    assert [d.doc_id for d in result.documents] == ["two", "one"]  # sorted by path: b/two.md < one.txt
    assert result.documents[1].path == str(tmp_path / "one.txt")
    assert result.skipped == ()


def test_bad_files_are_skipped_and_others_read(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "c_binary.txt").write_bytes(b"Clinic\x00\x01\x02")
    (tmp_path / "d_undecodable.txt").write_bytes(b"caf\xe9 \x81\x8d")
    (tmp_path / "e_chrome_only.txt").write_text("Have your say\n\nClick to rate\n", encoding="utf-8")
    (tmp_path / "f_good.txt").write_text(PLAIN, encoding="utf-8")
    result = read_documents([tmp_path])
    assert [d.doc_id for d in result.documents] == ["f_good"]
    reasons = dict(result.skipped)
    assert set(reasons) == {str(tmp_path / n) for n in
                            ("a_empty.txt", "b_blank.txt", "c_binary.txt", "d_undecodable.txt", "e_chrome_only.txt")}
    assert "empty" in reasons[str(tmp_path / "a_empty.txt")]
    assert "empty" in reasons[str(tmp_path / "b_blank.txt")]
    assert "binary" in reasons[str(tmp_path / "c_binary.txt")]
    assert "not decodable" in reasons[str(tmp_path / "d_undecodable.txt")]
    assert all("\n" not in reason for reason in reasons.values())


def test_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Clinic opens\n\nThe GPs\u2019 clinic opened in Leeds.\n".encode("cp1252"))
    result = read_documents([path])
    assert result.documents[0].text.splitlines()[2] == "The GPs\u2019 clinic opened in Leeds."
    assert len(result.warnings) == 1 and "cp1252" in result.warnings[0] and str(path) in result.warnings[0]


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PLAIN.encode("utf-8"))
    doc = read_documents([path]).documents[0]
    assert doc.text == PLAIN and doc.title == "Clinic opens"


def test_missing_path_raises(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=re.escape(str(missing))):
        read_documents([missing])


def test_folder_without_documents_raises(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match=re.escape(str(tmp_path))):
        read_documents([tmp_path])


def test_no_sources_raises() -> None:
    with pytest.raises(InputError):
        read_documents([])


def test_duplicate_ids_and_unsupported_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "same.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "same.md").write_text(PLAIN, encoding="utf-8")
    other = tmp_path / "report.pdf"
    other.write_bytes(b"%PDF")
    result = read_documents([tmp_path, other])
    assert [d.path for d in result.documents] == [str(tmp_path / "a" / "same.txt")]
    reasons = dict(result.skipped)
    assert "duplicate document id 'same'" in reasons[str(tmp_path / "same.md")]
    assert "unsupported file type '.pdf'" in reasons[str(other)]


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="iso-8859-1"><title>Ignored | Site</title>
<style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body><nav><ul><li>Home</li><li>News</li></ul></nav>
<p>This site is intended for health professionals only</p>
<h1>Caf\xe9 owners back   practice plan</h1>
<p>A caf\xe9 chain has backed the <b>practice</b> plan.<br>It will fund two clinics.</p>
<p>Lee Park is news editor of Care Post.</p>
<h2>Comments (1)</h2>
<div class="comment"><span>Ann Low</span> <time>2 May, 2023 8:00 am</time><p>Good news &amp; overdue.</p></div>
</body></html>
"""


def test_html_page_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.encode("latin-1"))
    result = read_documents([path])
    assert result.warnings == ()  # the declared charset was used, not the cp1252 fallback
    doc = result.documents[0]
    check_invariants(doc)
    assert "color" not in doc.text and "var x" not in doc.text and "Ignored" not in doc.text
    assert doc.title == "Caf\u00e9 owners back practice plan"
    assert content(doc, heading=False)[:3] == [
        "A caf\u00e9 chain has backed the practice plan.\nIt will fund two clinics.",
        "Lee Park is news editor of Care Post.", "Good news & overdue."]
    assert (doc.author, doc.outlet) == ("Lee Park", "Care Post")
    assert [(c.author, c.timestamp) for c in doc.comments] == [("Ann Low", "2 May, 2023 8:00 am")]


@pytest.mark.parametrize("body, author", [
    # a column in the first person: its closing line about a named person is its author's
    ("I believe the contract is wrong.\n\nDr Ann Low is a GP partner in Leeds and clinical director of Aire PCN.",
     "Ann Low"),
    # a news story: the same kind of closing line is about someone in it
    ("The contract is wrong, the LMC said.\n\nDr Ann Low is a GP partner in Leeds and clinical director of Aire "
     "PCN.", None),
    # 'I' inside a quotation is the speaker's, not the article's
    ("Dr Low said: \"I believe the contract is wrong.\"\n\nDr Ann Low is a GP partner in Leeds.", None),
])
def test_a_closing_line_about_a_person_is_the_byline_of_a_column_written_as_i(body, author) -> None:
    doc = parse_document("Why I will not sign\n\n" + body, doc_id="c", path="c.txt")
    assert doc.author == author


def test_html_site_chrome_is_dropped_by_its_element_but_an_articles_own_header_and_footer_are_kept() -> None:
    text = html_to_text("<header><a>Home</a> <a>Log in</a></header><nav>News Clinical</nav><article><header><h1>"
                        "Title</h1><p>By Ann Low</p></header><p>Body.</p><aside>Related articles</aside><footer>"
                        "Ann Low is news editor of Care Post.</footer></article><footer>Copyright 2026</footer>")
    assert text == "Title\n\nBy Ann Low\n\nBody.\n\nAnn Low is news editor of Care Post."


def test_html_to_text_keeps_blocks_and_drops_scripts() -> None:
    text = html_to_text("<div>One <i>two</i></div><script>bad()</script><p>Three</p><ul><li>Four</li></ul>")
    assert text == "One two\n\nThree\n\n\u2022 Four"


LONE_NAME_PAGES = [
    # an honorific makes a lone name under the headline the byline
    ("Why I will never sign up\n\nDr Anna Kowalski\n\nI have been a GP partner for 18 years and I am tired.\n", "Anna Kowalski"),
    # without one, the name must come again in the text
    ("Why I will never sign up\n\nAnna Kowalski\n\nI have been a GP partner for 18 years and I am tired.\n\n"
     "Anna Kowalski is a GP partner in Sheffield.\n", "Anna Kowalski"),
    # a section label that looks like a name is not an author
    ("Why I will never sign up\n\nPractice Business\n\nI have been a GP partner for 18 years and I am tired.\n", None),
]


@pytest.mark.parametrize("page, author", LONE_NAME_PAGES, ids=["honorific", "repeated", "section-label"])
def test_a_lone_name_under_the_headline_is_the_byline(page, author):
    assert parse(page).author == author


def test_reading_in_worker_processes_gives_the_same_result(tmp_path: Path) -> None:
    import shutil

    from kg.ingest import PARALLEL_FILES

    articles = Path(__file__).parent / "fixtures" / "articles"
    shutil.copytree(articles, tmp_path / "pages")
    (tmp_path / "pages" / "again").mkdir()
    for name in sorted(p.name for p in articles.iterdir())[:3]:  # the same ids again: skipped as duplicates
        shutil.copy(articles / name, tmp_path / "pages" / "again" / name)
    (tmp_path / "pages" / "blank.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "pages" / "chrome.txt").write_text("Share this article\nLog in\n", encoding="utf-8")
    (tmp_path / "pages" / "zz.txt").write_bytes(b"\xff\xfe\x00broken \x81 bytes, a sentence of words.")
    assert len(list((tmp_path / "pages").rglob("*.*"))) >= PARALLEL_FILES
    alone = read_documents([tmp_path / "pages"])
    pooled = read_documents([tmp_path / "pages"], processes=2)
    assert pooled == alone
    assert len(alone.documents) == 68 and len(alone.skipped) >= 5
    assert sum("duplicate document id" in reason for _, reason in alone.skipped) == 3

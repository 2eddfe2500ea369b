"""Stage: read scraped news pages into Documents of content paragraphs, comments and metadata.

A page scrape holds site chrome (banners, rating and reporting widgets, image file names), the
article (headings, body paragraphs, a byline) and reader comments in one of two layouts. This
stage keeps the text as read and describes it by character offsets: every Segment indexes into
``Document.text``. The rules are general (families of widget text, shapes of headings, bylines
and comment headers), never lists of one site's lines.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.iri import slug
from kg.model import ARTICLE, COMMENT, Comment, Document, Segment

SUFFIXES = (".htm", ".html", ".md", ".txt")
HTML_SUFFIXES = (".htm", ".html")


@dataclass(frozen=True)
class IngestResult:
    documents: tuple[Document, ...]
    skipped: tuple[tuple[str, str], ...]  # (path, one-line reason)
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Site chrome: families of widget text. Each pattern matches a whole (stripped) line.
# --------------------------------------------------------------------------------------------

_S = r"[\s\u00a0]+"  # any run of whitespace, non-breaking spaces included
_CHROME_MAX_WORDS = 16  # widget text is short; a longer line is content whatever it says

_CHROME_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, re.compile(pattern, re.IGNORECASE))
    for family, pattern in (
        # audience and subscription notices: "This site is intended for health professionals only",
        # "Read the latest issue online", "Subscribe now", "Already a subscriber? Log in".
        ("audience", r"^this (?:site|website|page|content|article|section) is (?:(?:only|solely|strictly) )?"
                     r"(?:intended|meant|designed|aimed|written|for)\b.*$"),
        ("audience", r"^(?:for )?(?:uk )?(?:health ?care|health|medical) professionals only\.?$"),
        ("audience", r"^(?:read|view|browse|download) (?:the|our|this) (?:latest|current|new|digital|full|print) "
                     r"(?:issue|edition|magazine)\b.*$"),
        ("audience", r"^(?:subscribe|sign up|register)(?: now| today| here| for free| free)?"
                     r"(?: (?:to|for) (?:our|the|a) [\w\s-]{1,30})?[.!]?$"),
        ("audience", r"^already (?:a )?(?:subscriber|member|registered)\b.*$"),
        ("audience", r"^(?:log ?in|sign ?in)(?:\s*(?:or|\||/)\s*(?:register|sign up|subscribe))?$"),
        ("audience", r"^skip to (?:the )?(?:main )?(?:content|navigation|article)$"),
        # rating widgets: "Rate this article (4.29 average user rating)", "Click to rate", "3 stars out of 5"
        ("rating", r"^rate this(?: article| story| post| page| blog| item)?\b.*$"),
        ("rating", r"^(?:click|tap) (?:here )?to rate\b.*$"),
        ("rating", r"^\d+(?:\.\d+)?\s*stars?\s+out\s+of\s+\d+$"),
        ("rating", r"^\d+(?:\.\d+)?\s+out\s+of\s+\d+(?:\s+stars?)?$"),
        ("rating", r"^\(?\d+(?:\.\d+)?\s+average\s+(?:user\s+|reader\s+)?rating\)?$"),
        ("rating", r"^(?:average\s+)?(?:user\s+|reader\s+)?rating:?\s*\d.*$"),
        # reporting and moderation: "Unsuitable or offensive? Report this comment", "Reply moderated"
        ("report", r"^(?:[^?]{1,40}\?\s*)?report (?:this|a|the)?\s*(?:comment|post|reply|abuse)\b.*$"),
        ("report", r"^(?:reply|comment|post) (?:moderated|removed|deleted|hidden)\b.*$"),
        ("report", r"^(?:this )?(?:comment|post|reply) (?:has been|was|is) (?:moderated|removed|deleted|hidden)\b.*$"),
        ("report", r"^(?:reply|report|flag|like|quote)$"),
        ("report", r"^\d+\s+(?:likes?|replies|dislikes?|votes?)$"),
        # comment counts and headers: "Readers' comments (10)", "COMMENTS [27]", "12 comments"
        ("comments-header", r"^(?:readers?['’]?|users?['’]?|your|all|latest|view|show)?\s*comments?\s*"
                            r"(?:[(\[]\s*\d+\s*[)\]]|\d+)?:?$"),
        ("comments-header", r"^\d+\s+(?:readers?['’]?\s+)?comments?$"),
        # invitations to comment and who may comment: "Have your say", "Please note, only GPs are permitted..."
        ("comment-prompt", r"^(?:have your say|join the (?:discussion|conversation|debate)|leave a (?:comment|reply)"
                           r"|add (?:a|your) comment|post a comment|comment on this (?:article|story|post)"
                           r"|(?:load|show|view|see) (?:more|all|\d+)\s*(?:more\s+)?(?:comments|replies))[.!]?$"),
        ("comment-prompt", r"^(?:please note,?\s+)?only .{1,40}? (?:are|is) (?:permitted|allowed|able) to "
                           r"(?:add|post|leave|make) comments?\b.*$"),
        ("comment-prompt", r"^(?:you must be|please) (?:logged in|log in|sign in|signed in|registered)\b.*$"),
        # social follow and share: "Follow him on Twitter @x or email him at", "Share this article"
        ("social", r"^(?:follow|like) (?:him|her|them|me|us)\b.*$"),
        ("social", r"^(?:share|tweet|email|print)(?: this)?(?: article| story| page| post)?(?: (?:on|via) \w+)?$"),
        # lists of other stories: "Read more", "Most read", "Related articles", then their headlines
        ("related", r"^(?:read more|related(?: articles?| stories| content| news| links)?|most (?:read|popular|viewed"
                    r"|shared|commented)|more (?:news|stories|on this story)|you (?:might|may) also like|recommended"
                    r"(?: for you| reading)?|trending(?: now)?|editor['’]?s picks?|latest (?:news|stories))\s*:?$"),
        # the site's footer: "© 2026 Cogora Limited. All rights reserved.", "Privacy Policy | Terms"
        ("footer", r"^(?:©|\(c\)|copyright\b).*$"),
        # images and captions: "Related images", "Photo: Getty", lowercase file-ish names with sizes
        ("image", r"^related (?:images?|media|videos?|photos?|pictures?|galleries|gallery)$"),
        ("image", r"^(?:image|photo|picture|pic|illustration)s?(?: credit)?\s*:\s*.{0,60}$"),
        ("image", r"^(?:credit|source)\s*:\s*(?:getty|alamy|shutterstock|istock|pa|reuters)\b.{0,40}$"),
        # the end of a press release and what follows it for journalists: "ENDS", "-ends-", "Notes to editors"
        ("release-end", r"^[-–—*#\s]*ends[-–—*#\s]*$"),
        ("release-end", r"^notes? (?:to|for) editors:?$"),
        # a bare URL on a line of its own
        ("url", r"^(?:https?://|www\.)\S+$"),
        # a menu of section links: "Home | News | Opinion", "News / Clinical / Practice business"
        # a comment's "Handle | Job title | 27 Feb 2026 9:40am" ends in a time of day; a menu does not
        ("nav", r"^(?!.*\d[:.]\d{2}\s*(?:[ap]\.?m\.?)?$)(?:[^|/.!?]{1,25}\s[|/]\s){2,}[^|/.!?]{1,25}$"),
    )
)

# Lowercase "file-ish" tokens: an image caption built from a file name, e.g. "surgery door 640x480px".
_FILEISH = re.compile(r"^[a-z0-9][a-z0-9 _.\-/]*$")
_FILE_MARK = re.compile(r"(?<![a-z])\d+\s?x\s?\d+(?:px)?\b|\b\d+px\b|\.(?:jpe?g|png|gif|webp|svg|tiff?)\b")

# Social-follow text trailing a byline on the same line: "... editor of Pulse. Follow him on Twitter ..."
_SOCIAL_TAIL = re.compile(
    r"\b(?:follow\s+(?:him|her|them|me|us)\s+on\s+(?:twitter|x|linkedin|facebook|instagram|threads|bluesky|mastodon)"
    r"|e-?mail\s+(?:him|her|them|me|us)\s+at)\b.*$",
    re.IGNORECASE,
)

# Comment families that open the comment zone (the rest of the chrome can appear anywhere).
_COMMENT_ZONE_FAMILIES = ("comments-header",)
# Families that end a page's masthead: lines above the last of them are not the headline.
_MASTHEAD_FAMILIES = ("audience",)


def chrome_kind(line: str) -> str | None:
    """The family of site chrome a whole line belongs to, or None when it is content."""
    text = " ".join(line.split())
    if not text:
        return None
    if len(text.split()) > _CHROME_MAX_WORDS:
        return None
    for family, pattern in _CHROME_FAMILIES:
        if pattern.match(text):
            return family
    if _FILEISH.match(text) and _FILE_MARK.search(text):
        return "image"
    return None


# --------------------------------------------------------------------------------------------
# Dates, comment headers, bylines
# --------------------------------------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_NUMBERS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_DMY = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(?:19|20)\d{{2}}"
_MDY = rf"{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"

_DATES = (
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b",
               re.IGNORECASE),
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b",
               re.IGNORECASE),
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b"),  # UK order: day first
)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
# Words a dateline may hold besides the date: "Published: Monday 4 March 2022, 10:30".
_DATELINE_WORDS = frozenset(
    "published updated posted last modified first date on at by | - – — , : monday tuesday wednesday "
    "thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun gmt bst utc".split()
)
_ISSUE_WORDS = re.compile(r"\b(?:issue|edition|cover|volume|vol)\b", re.IGNORECASE)

# Header of one comment: "Name 4 March, 2022 9:02 am", "Handle | Job title30 Aug 2018 8:59am" or
# "Handle | Job title | 27 Feb 2026 9:14am".
_COMMENT_HEADER = re.compile(
    rf"^(?P<name>[^|\s][^|]{{0,59}}?)(?:\s*\|\s*(?P<job>[^|]{{0,80}}?))?\s*(?:[|–-]\s*)?"
    rf"(?P<ts>(?:{_DMY}|{_MDY})(?:,|\s+at|\s*[-–|])?\s+{_TIME})$",
    re.IGNORECASE,
)
# the same header over two lines, the handle above its date and time ("Dr Tim Bowers" / "23 May 2026 9:14am")
_TIMESTAMP_LINE = re.compile(rf"^(?:{_DMY}|{_MDY})(?:,|\s+at|\s*[-–|])?\s+{_TIME}$", re.IGNORECASE)
_NAME_FORBIDDEN = re.compile(r"[!?;:,\"“”]|https?://")
_MAX_HANDLE_WORDS = 5  # a bullet line this short, unpunctuated, followed by text, is a handle
_MAX_HEADER_NAME_WORDS = 8
_MAX_HEADER_CHARS = 200

_HONORIFIC = r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Baroness)\.?\s+)"
# a name stays on one line: 'By Dr Omar Siddiqui' over 'Dr Omar Siddiqui is clinical director of...'
_NAME = r"[A-Z][\w'’\-]+(?:[ \t\u00a0]+(?:[A-Z][\w'’\-]+|de|van|von|der|la|le|du|da|di)){1,3}"
_OUTLET = r"(?:[Tt]he\s+)?[A-Z0-9][\w&'’.\-]*(?:\s+(?:[A-Z0-9][\w&'’\-]*|of|and|&|the|for|in|on))*?"
# "<Name> is <role> of/at <Outlet>." — the role must be a press role, so "X is a GP at Y" is not a byline.
_BYLINE_IS = re.compile(
    rf"^{_HONORIFIC}?(?P<name>{_NAME})\s+is\s+(?P<role>[\w'’\-]+(?:\s+[\w'’\-&]+){{0,6}}?)"
    rf"\s+(?:of|at|for|on|with)\s+(?P<outlet>{_OUTLET})"
    rf"(?=\s*[.,;:!]|\s+(?:and|who|where|based)\b|\s*$)"
)
# "By <Name>" optionally followed by a role, outlet or date: "By Sam Okafor, health correspondent".
_BYLINE_BY = re.compile(rf"^By\s+{_HONORIFIC}?(?P<name>{_NAME})(?P<rest>.*)$")
_BY_ROLE_OUTLET = re.compile(rf"(?:of|at|for)\s+(?P<outlet>{_OUTLET})\s*[.]?\s*$")
_PRESS_ROLE = re.compile(
    r"\b(?:editor|editorial|reporter|correspondent|journalist|writer|columnist|contributor|news|features?"
    r"|blogger|commentator|presenter|publisher|sub-?editor|chief|staff)\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset("The This That These Those A An Our Your Their His Her Its Some All Any Using "
                       "Then Now Next Last Early Late Far Contrast Comparison Law Order".split())
_MAX_BYLINE_WORDS = 30
_BYLINE_TAIL = 3  # a "<Name> is <role> of <Outlet>" byline sits among the last paragraphs

# --------------------------------------------------------------------------------------------
# Headings
# --------------------------------------------------------------------------------------------

_MAX_HEADING_WORDS = 20
_MAX_HEADING_CHARS = 160
_TITLE_MIN_WORDS = 4  # shorter heading-like lines are section or nav labels ("Editor's blog")
_CLOSERS = "\"'’”»)]*"
_SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]*\s+[\"'‘“(]*[A-Z]")
_PULL_QUOTE_RUN = 6  # a body heading sharing this many consecutive words with the body is a pull-quote
_PULL_QUOTE_MIN_WORDS = 6
_DUPLICATE_MAX_WORDS = 30
_WORD = re.compile(r"[\w'’]+")

_BULLET = re.compile(r"^(?:[•●▪◦‣∙·]|[-*+](?=\s))\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def _heading_like(text: str, *, top: bool) -> bool:
    """A short line without sentence-final punctuation; '?'/'!' headlines only above the body."""
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(text) > _MAX_HEADING_CHARS:
        return False
    core = text.rstrip(_CLOSERS + " \u00a0")
    if not core or core[-1] in ".,;:…":
        return False
    if core[-1] in "?!" and not top:
        return False
    if _SENTENCE_BREAK.search(text):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    return bool(first) and not first.islower()


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _parse_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first day-month-year date in text, as ISO 8601, with its match."""
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month = match.group("m")
            number = int(month) if month.isdigit() else _MONTH_NUMBERS.get(month.casefold().rstrip("."))
            if number is None:
                continue
            try:
                day = dt.date(int(match.group("y")), number, int(match.group("d")))
            except ValueError:
                continue
            return day.isoformat(), match
    return None


# --------------------------------------------------------------------------------------------
# Lines and paragraphs
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Line:
    row: int  # physical line number; a byline and its trailing social text share one row
    start: int  # first character of content (after indentation and any bullet or '#' marker)
    end: int  # after the last non-space character
    indent: int
    bullet: bool = False
    marked_heading: bool = False
    chrome: str | None = None

    @property
    def blank(self) -> bool:
        return self.start >= self.end


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for row, raw in enumerate(text.splitlines(keepends=True)):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        start, end = pos + lead, pos + len(body.rstrip())
        pos += len(raw)
        if not stripped:
            lines.append(_Line(row, start, start, lead))
            continue
        bullet = heading = False
        marker = _BULLET.match(stripped)
        if marker:
            bullet, start = True, start + marker.end()
        else:
            marker = _MD_HEADING.match(stripped)
            if marker:
                heading, start = True, start + marker.end()
        if start >= end:
            lines.append(_Line(row, end, end, lead))
            continue
        lines.extend(_split_social_tail(text, _Line(row, start, end, lead, bullet, heading)))
    lines = [line if line.blank or line.chrome else replace(line, chrome=chrome_kind(text[line.start:line.end]))
             for line in lines]
    return _related_lists(lines)


def _related_lists(lines: list[_Line]) -> list[_Line]:
    """The headlines under a 'Read more' or 'Most read' line, up to the next blank line, are other stories."""
    out, listing = [], False
    for line in lines:
        if line.blank:
            listing = False
        elif listing and line.chrome is None:
            line = replace(line, chrome="related")
        elif line.chrome == "related":
            listing = True
        out.append(line)
    return out


def _split_social_tail(text: str, line: _Line) -> list[_Line]:
    """Cut "Follow him on Twitter ... or email him at" off the end of a line as chrome."""
    content = text[line.start:line.end]
    match = _SOCIAL_TAIL.search(content)
    if not match:
        return [line]
    if match.start() == 0:
        return [replace(line, chrome="social")]
    head = content[:match.start()].rstrip()
    if not head or head.rstrip(_CLOSERS)[-1:] not in (".", "!", "?"):
        return [line]
    return [replace(line, end=line.start + len(head)),
            replace(line, start=line.start + match.start(), bullet=False, marked_heading=False, chrome="social")]


@dataclass
class _Para:
    lines: list[_Line]
    kind: str = ""  # chrome | heading | byline | prose
    family: str | None = None  # chrome family

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def bullet(self) -> bool:
        return self.lines[0].bullet


def _paragraphs(lines: Sequence[_Line]) -> list[_Para]:
    """Blank-line separated paragraphs; chrome lines, bullet items and '#' headings stand alone."""
    paras: list[_Para] = []
    current: list[_Line] = []
    for line in lines:
        alone = line.chrome is not None or line.marked_heading
        if line.blank or alone or line.bullet or (current and current[-1].row == line.row):
            if current:
                paras.append(_Para(current))
            current = []
        if line.blank:
            continue
        if alone:
            paras.append(_Para([line], "chrome" if line.chrome else "", line.chrome))
        else:
            current.append(line)
    if current:
        paras.append(_Para(current))
    return paras


def _split_bylines(text: str, paras: list[_Para]) -> list[_Para]:
    """A "By <Name>" line over a line about the author, with no blank line between, is a paragraph of its own; so
    are the headline and standfirst lines above it and a dateline under it when a page has no blank lines between
    them ('Headline' / 'Standfirst' / 'By Name' / '14 March 2025')."""
    out: list[_Para] = []
    if len(paras) > 1 and 1 < len(paras[0].lines) <= 3 and not paras[0].kind and \
            _byline_by(text[paras[1].lines[0].start:paras[1].lines[0].end]) and \
            all(len(text[line.start:line.end].split()) <= _MAX_TOP_LINE_WORDS for line in paras[0].lines):
        # 'Headline' / 'Standfirst', then a blank line and 'By Name': the two top lines are two paragraphs
        paras = [_Para([line]) for line in paras[0].lines] + list(paras[1:])
    for index, para in enumerate(paras):
        at = next((i for i, line in enumerate(para.lines) if _byline_by(text[line.start:line.end])), None) \
            if len(para.lines) > 1 and not para.kind else None
        if at is None or at > 0 and (index > 1 or any(len(text[line.start:line.end].split()) > _MAX_TOP_LINE_WORDS
                                                       for line in para.lines[:at])):
            out.append(para)
            continue
        out += [_Para([line]) for line in para.lines[:at + 1]]
        rest = para.lines[at + 1:]
        if rest and _parse_date(text[rest[0].start:rest[0].end]) and \
                len(text[rest[0].start:rest[0].end].split()) <= _MAX_DATELINE_WORDS:
            out.append(_Para([rest[0]]))
            rest = rest[1:]
        if rest:
            out.append(_Para(rest))
    return out


_MAX_HEADLINE_WORDS = 25
_MAX_TOP_LINE_WORDS = 40  # a headline or a standfirst, not a paragraph of the story
_MAX_DATELINE_WORDS = 8


def _byline_by(text: str) -> re.Match[str] | None:
    """A "By <Name>[, role | date]" line, or None. Only the paragraph's first line counts: a byline often sits
    over a line about the author ('Dr Omar Siddiqui is clinical director of...')."""
    text = text.split("\n", 1)[0]
    if len(text.split()) > 16:
        return None
    match = _BYLINE_BY.match(text)
    if not match or match.group("name").split()[0] in _NOT_NAMES:
        return None
    rest = match.group("rest").strip(" ,|–—-\u00a0")
    if rest and not (_PRESS_ROLE.search(rest) or _parse_date(rest)):
        return None
    return match


def _is_prose_line(text: str, line: _Line) -> bool:
    content = text[line.start:line.end]
    return (not line.blank and line.chrome is None and not line.marked_heading
            and not _heading_like(content, top=True) and _byline_by(content) is None
            and _COMMENT_HEADER.match(content) is None)


# --------------------------------------------------------------------------------------------
# The article
# --------------------------------------------------------------------------------------------

@dataclass
class _Article:
    segments: list[Segment]
    chrome: list[Segment]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    byline: Segment | None = None


_MENU_MIN_LINES = 3
_MENU_MAX_WORDS = 3


def _menu(text: str, para: _Para) -> bool:
    """A site's menu copied with the page: three or more lines of a few words each, none ending a sentence
    ('News', 'Practice business', 'Clinical'), in one paragraph."""
    lines = [text[line.start:line.end] for line in para.lines]
    return len(lines) >= _MENU_MIN_LINES and all(len(line.split()) <= _MENU_MAX_WORDS and
                                                 not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
                                                 for line in lines)


def _parse_article(text: str, lines: Sequence[_Line]) -> _Article:
    paras = _split_bylines(text, _paragraphs(lines))
    seen_prose = False
    for para in paras:
        if para.kind == "chrome":
            continue
        content = text[para.start:para.end]
        single = len(para.lines) == 1
        if not seen_prose and _menu(text, para):
            para.kind, para.family = "chrome", "nav"  # above the story only: a list in it may be as terse
        elif single and _byline_by(content):
            para.kind = "byline"
        elif para.lines[0].marked_heading or (single and _heading_like(content, top=not seen_prose)):
            para.kind = "heading"
        else:
            para.kind = "prose"
            seen_prose = True
    first_prose = next((i for i, p in enumerate(paras) if p.kind == "prose"), len(paras))
    top = paras[:first_prose]
    # a standfirst (a line of prose under the headline) may come before the byline and the dateline
    reach = first_prose
    if first_prose < len(paras) and len(paras[first_prose].lines) == 1:
        byline_at = next((k for k in range(first_prose + 1, min(first_prose + 3, len(paras)))
                          if paras[k].kind == "byline"), None)
        reach = first_prose if byline_at is None else min(byline_at + 2, len(paras))

    date = _find_dateline(text, top + [p for p in paras[first_prose:reach] if p.kind != "prose"])
    _mark_duplicates(text, top)
    title = _choose_title(text, top)
    _mark_pull_quotes(text, paras[first_prose:])
    author, outlet, byline_para = _find_byline(text, paras, reach)
    if title is None and any(_byline_by(text[p.start:p.end]) for p in paras[1:4]) and len(paras[0].lines) == 1 and \
            paras[0].kind != "chrome" and len(text[paras[0].start:paras[0].end].split()) <= _MAX_HEADLINE_WORDS and \
            not text[paras[0].start:paras[0].end].rstrip().endswith("."):
        # 'The partnership model isn't dying. It's being starved' over its standfirst and byline: a headline of two
        # sentences is still the page's first line above its byline
        title = paras[0]
    if date is None and byline_para is not None:
        found = _parse_date(text[byline_para.start:byline_para.end])
        date = found[0] if found else None

    article = _Article([], [])
    for index, para in enumerate(paras):
        if para.kind == "chrome":
            article.chrome.extend(Segment(line.start, line.end, ARTICLE) for line in para.lines)
            continue
        heading = para.kind == "heading" and (index < first_prose or not para.bullet)
        segment = Segment(para.start, para.end, ARTICLE, heading=heading)
        article.segments.append(segment)
        if para is byline_para:
            article.byline = segment
        if para is title:
            article.title = _norm(text[para.start:para.end])
    article.author, article.outlet, article.date = author, outlet, date
    return article


def _find_dateline(text: str, top: Sequence[_Para]) -> str | None:
    """A date on a short line above the body; a line holding nothing but the date becomes chrome."""
    for para in top:
        if para.kind not in ("heading", "byline"):
            continue
        content = text[para.start:para.end]
        if len(content.split()) > 12 or _ISSUE_WORDS.search(content):
            continue
        found = _parse_date(content)
        if found is None:
            continue
        iso, match = found
        rest = _TIME_RE.sub(" ", content[:match.start()] + " " + content[match.end():])
        leftover = [w for w in re.split(r"[\s,:|–—\-]+", rest.casefold()) if w and w not in _DATELINE_WORDS]
        if not leftover and para.kind == "heading":
            para.kind, para.family = "chrome", "dateline"
        elif para.kind == "heading" and len(leftover) > 4:
            continue  # a headline that mentions a date is not a dateline
        return iso
    return None


def _mark_duplicates(text: str, top: Sequence[_Para]) -> None:
    """A heading repeated above the body (title printed twice) keeps its first copy only."""
    seen: set[str] = set()
    for para in top:
        if para.kind != "heading":
            continue
        key = _norm(text[para.start:para.end]).casefold()
        if key in seen:
            para.kind, para.family = "chrome", "duplicate"
        seen.add(key)


def _choose_title(text: str, top: Sequence[_Para]) -> _Para | None:
    """The heading above the body that best looks like a headline.

    Lines above the last audience/subscription banner are masthead (site taglines). A heading
    printed twice wins; then the first of at least four words; then the longest short one.
    """
    masthead_end = 0
    for index, para in enumerate(top):
        if para.kind == "chrome" and para.family in _MASTHEAD_FAMILIES:
            masthead_end = index + 1
    candidates = [p for p in top[masthead_end:] if p.kind == "heading" and not p.bullet]
    if not candidates:
        return None
    duplicated = {_norm(text[p.start:p.end]).casefold() for p in top[masthead_end:] if p.family == "duplicate"}
    for para in candidates:
        if _norm(text[para.start:para.end]).casefold() in duplicated:
            return para
    for para in candidates:
        if len(text[para.start:para.end].split()) >= _TITLE_MIN_WORDS:
            return para
    return max(candidates, key=lambda p: len(text[p.start:p.end].split()))  # max keeps the first on ties


def _mark_pull_quotes(text: str, body: Sequence[_Para]) -> None:
    """Headings in the body that repeat body text are pull-quotes; so are short repeated paragraphs."""
    words = {id(p): _words(text[p.start:p.end]) for p in body if p.kind in ("prose", "heading")}
    prose = [p for p in body if p.kind == "prose"]
    padded = {id(p): f" {' '.join(words[id(p)])} " for p in prose}
    # Prose paragraphs by the runs of words they hold, so that a page of thousands of paragraphs is not
    # compared pair by pair.
    holding: dict[tuple[str, ...], list[_Para]] = {}
    for other in prose:
        own = words[id(other)]
        for run in {tuple(own[i:i + _PULL_QUOTE_RUN]) for i in range(len(own) - _PULL_QUOTE_RUN + 1)}:
            holding.setdefault(run, []).append(other)
    for para in body:
        own = words.get(id(para))
        if not own or len(own) < _PULL_QUOTE_MIN_WORDS:
            continue
        runs = {tuple(own[i:i + _PULL_QUOTE_RUN]) for i in range(len(own) - _PULL_QUOTE_RUN + 1)}
        if para.kind == "heading":
            whole = None
        elif len(own) <= _DUPLICATE_MAX_WORDS:
            # a copy of the whole paragraph holds every one of its runs: look only where the rarest is
            runs, whole = {min(runs, key=lambda run: (len(holding.get(run, ())), run))}, f" {' '.join(own)} "
        else:
            continue
        for other in (o for run in runs for o in holding.get(run, ())):
            if other is para or (len(words[id(other)]) == len(own) and other.start > para.start):
                continue  # of two equal copies the first stays
            if whole is None or whole in padded[id(other)]:
                para.kind, para.family = "chrome", "pull-quote"
                break


def _find_byline(text: str, paras: Sequence[_Para],
                 first_prose: int) -> tuple[str | None, str | None, _Para | None]:
    """Author and outlet from "<Name> is <role> of <Outlet>." near the end, else from "By <Name>"."""
    content = [p for p in paras if p.kind != "chrome"]
    for para in reversed(content[-_BYLINE_TAIL:]):
        sentence = text[para.start:para.end]
        if len(sentence.split()) > _MAX_BYLINE_WORDS:
            continue
        match = _BYLINE_IS.match(sentence)
        if match and _PRESS_ROLE.search(match.group("role")):
            para.kind = "byline"
            return _norm(match.group("name")), _clean_outlet(match.group("outlet")), para
        match = _AUTHOR_BIO.match(sentence)
        if match and para is content[-1] and _written_in_first_person(text, content[:-1]):
            # 'Dr X is a GP partner in Leicester and clinical director of Y PCN.' closing a column written as 'I':
            # its author, whose post names no outlet
            para.kind = "byline"
            return _norm(match.group("name")), None, para
    candidates = [p for p in paras[:first_prose] if p.kind == "byline"]
    candidates += [p for p in content[-_BYLINE_TAIL:] if p.kind == "byline" and p not in candidates]
    for para in candidates:
        match = _byline_by(text[para.start:para.end])
        if match:
            rest = match.group("rest")
            outlet_match = _BY_ROLE_OUTLET.search(rest) if _PRESS_ROLE.search(rest) else None
            outlet = _clean_outlet(outlet_match.group("outlet")) if outlet_match else None
            name = _norm(match.group("name"))
            # 'By Staff Reporter', 'By Our Health Correspondent': a byline, but no one's name
            return (None if _PRESS_ROLE.search(name.split()[-1]) else name), outlet, para
    lone = _lone_name_byline(text, paras[:first_prose])
    if lone is not None:
        return lone
    for index, para in enumerate(paras):
        if para.kind == "byline":  # a "By ..." line that did not hold up is an ordinary line
            para.kind = "heading" if _heading_like(text[para.start:para.end], top=index < first_prose) else "prose"
    return None, None, None


_AUTHOR_BIO = re.compile(rf"^{_HONORIFIC}?(?P<name>{_NAME})\s+is\s+(?:a|an|the)\s+[^.!?]+\.?\s*$")
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me)\b")


def _written_in_first_person(text: str, paras: Sequence[_Para]) -> bool:
    """Whether the article's own prose, outside quotation marks, says 'I'."""
    return any(_FIRST_PERSON_SINGULAR.search(_QUOTATION.sub("", text[p.start:p.end]))
               for p in paras if p.kind == "prose")


_LONE_NAME = re.compile(rf"^(?P<title>{_HONORIFIC})?(?P<name>{_NAME})$")


def _lone_name_byline(text: str, top: Sequence[_Para]) -> tuple[str, None, _Para] | None:
    """A column's byline is often the author's name alone on a line under the headline ('Dr Anna Kowalski').
    A section label can look like a name ('Practice Business'), so the line needs an honorific, or the name
    must come again in the text ('Dr Anna Kowalski is a GP partner at...')."""
    for para in top:
        if para.kind == "chrome":
            continue
        line = text[para.start:para.end].strip()
        match = _LONE_NAME.match(line)
        if match is None or match.group("name").split()[0] in _NOT_NAMES:
            continue
        name = match.group("name")
        if match.group("title") or text.count(name) > 1:
            para.kind = "byline"
            return _norm(name), None, para
    return None


def _clean_outlet(outlet: str) -> str | None:
    words = outlet.split()
    while words and words[-1].casefold() in ("of", "and", "&", "the", "for", "in", "on"):
        words.pop()
    return " ".join(words).rstrip(".") or None


# --------------------------------------------------------------------------------------------
# Comments
# --------------------------------------------------------------------------------------------

@dataclass
class _OpenComment:
    author: str | None
    timestamp: str | None
    lines: list[_Line]
    about: tuple[int, int] | None = None  # the header's description of the reader, as offsets in the text


def _comment_header(content: str) -> tuple[str, str, tuple[int, int] | None] | None:
    """(handle, timestamp, span of the reader's description within `content`, if the header gives one)."""
    if len(content) > _MAX_HEADER_CHARS:
        return None
    match = _COMMENT_HEADER.match(content)
    if not match:
        return None
    name = _norm(match.group("name"))
    if not name or len(name.split()) > _MAX_HEADER_NAME_WORDS or _NAME_FORBIDDEN.search(name):
        return None
    about = match.span("job") if match.group("job") and match.group("job").strip() else None
    return name, _norm(match.group("ts")), about


def _stacked_header(text: str, lines: Sequence[_Line], index: int) -> tuple[str, str, int] | None:
    """(handle, timestamp, index of the timestamp line) when line `index` is a handle alone and the next line that
    is not blank holds only a date and time."""
    line = lines[index]
    content = text[line.start:line.end]
    if line.blank or line.chrome or not _handle_like(content) or _NAME_FORBIDDEN.search(content) or \
            _TIMESTAMP_LINE.match(content):
        return None
    following = next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
    if following is None or lines[following].chrome:
        return None
    stamp = text[lines[following].start:lines[following].end]
    if len(stamp) > _MAX_HEADER_CHARS or not _TIMESTAMP_LINE.match(stamp):
        return None
    return _norm(content), _norm(stamp), following


def _handle_like(content: str) -> bool:
    words = content.split()
    return (0 < len(words) <= _MAX_HANDLE_WORDS and not content.startswith("@")
            and content.rstrip(_CLOSERS)[-1:] not in tuple(".!?:;,…") and "://" not in content)


def _parse_comments(text: str, lines: Sequence[_Line]) -> tuple[list[Comment], list[Segment], list[Segment]]:
    bullets = [line.indent for line in lines if line.bullet and not line.blank and not line.chrome]
    base_indent = bullets[0] if bullets else -1
    opened: list[_OpenComment] = []
    chrome: list[Segment] = []

    def starts_comment(line: _Line) -> bool:
        content = text[line.start:line.end]
        top_bullet = line.bullet and line.indent <= base_indent
        return top_bullet or (not line.bullet and _comment_header(content) is not None)

    def followed_by_text(index: int) -> bool:
        for line in lines[index + 1:]:
            if line.blank:
                continue
            return line.chrome is None and not starts_comment(line)
        return False

    # a page that marks its comments neither by bullets nor by dated headers may still give each its author's
    # handle alone on a line, after a blank line, before the comment's text
    stacked = {i: found for i in range(len(lines)) if (found := _stacked_header(text, lines, i))}
    stamps = {found[2] for found in stacked.values()}
    unmarked = base_indent < 0 and not stacked and not any(_comment_header(text[line.start:line.end])
                                                           for line in lines if not line.blank and not line.chrome)

    def bare_handle(index: int) -> bool:
        line = lines[index]
        if not unmarked or index and not (lines[index - 1].blank or lines[index - 1].chrome) or \
                not _handle_like(text[line.start:line.end]) or not text[line.start:line.start + 1].isupper():
            return False
        following = next((other for other in lines[index + 1:] if not other.blank), None)
        return following is not None and following.chrome is None and \
            not _handle_like(text[following.start:following.end])

    for index, line in enumerate(lines):
        if line.blank or index in stamps:
            continue
        if line.chrome:
            chrome.append(Segment(line.start, line.end, COMMENT))
            continue
        content = text[line.start:line.end]
        top_bullet = line.bullet and line.indent <= base_indent
        header = _comment_header(content) if (top_bullet or not line.bullet) else None
        if header is None and index in stacked:
            header = (*stacked[index][:2], None)
        if header:
            about = (line.start + header[2][0], line.start + header[2][1]) if header[2] else None
            opened.append(_OpenComment(header[0], header[1], [], about))
        elif bare_handle(index):
            opened.append(_OpenComment(_norm(content), None, []))
        elif top_bullet:
            if _handle_like(content) and followed_by_text(index):
                opened.append(_OpenComment(_norm(content), None, []))
            else:
                opened.append(_OpenComment(None, None, [line]))
        else:
            if not opened:
                opened.append(_OpenComment(None, None, []))
            opened[-1].lines.append(line)

    comments: list[Comment] = []
    segments: list[Segment] = []
    for item in (c for c in opened if c.lines):
        number = len(comments) + 1
        own = [Segment(line.start, line.end, COMMENT, comment_index=number) for line in item.lines]
        segments.extend(own)
        about = item.about or (None, None)
        comments.append(Comment(number, item.author, item.timestamp, own[0].start, own[-1].end, *about))
    return comments, segments, chrome


def _comment_zone(text: str, lines: Sequence[_Line]) -> tuple[int, int]:
    """(end of the article, start of the comments) as line indexes.

    Comments start after a comments header, or at the first comment header line (name, date
    and time) that follows the first prose line of the article.
    """
    first_prose = next((i for i, line in enumerate(lines) if _is_prose_line(text, line)), None)
    if first_prose is None:
        return len(lines), len(lines)
    article_end = None  # a press release's 'ENDS': what follows is for journalists, not the article
    for index in range(first_prose + 1, len(lines)):
        line = lines[index]
        if line.blank:
            continue
        if line.chrome == "release-end" and article_end is None:
            article_end = index
        if line.chrome in _COMMENT_ZONE_FAMILIES:
            return (index if article_end is None else article_end), index
        if line.chrome is None and (_comment_header(text[line.start:line.end]) or _stacked_header(text, lines, index)):
            return (index if article_end is None else article_end), index
    return (len(lines) if article_end is None else article_end), len(lines)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

def parse_document(text: str, *, doc_id: str, path: str) -> Document:
    """Split one page's text into content segments, chrome, comments and metadata (no I/O)."""
    lines = _split_lines(text)
    article_end, comments_from = _comment_zone(text, lines)
    article = _parse_article(text, lines[:article_end])
    comments, comment_segments, comment_chrome = _parse_comments(text, lines[comments_from:])
    segments = sorted(article.segments + comment_segments, key=lambda s: s.start)
    chrome = sorted(article.chrome + comment_chrome, key=lambda s: s.start)
    return Document(
        doc_id=doc_id,
        path=path,
        text=text,
        segments=tuple(segments),
        comments=tuple(comments),
        title=article.title,
        author=article.author,
        outlet=article.outlet,
        date=article.date,
        byline=article.byline,
        chrome=tuple(chrome),
    )


# HTML ---------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset("script style noscript template svg iframe object canvas title head".split())
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html main nav ol p pre section summary table tbody tfoot "
    "thead tr ul".split()
)
_LINE_TAGS = frozenset("br td th".split())
# site chrome by its element: navigation and asides (related links, promotions) anywhere, and a header or footer
# outside the article (inside one they hold its title, byline or the author's line)
_CHROME_TAGS = frozenset({"nav", "aside"})
_PAGE_CHROME_TAGS = frozenset({"header", "footer"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []
        self._pre = 0
        self._articles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip == ["head"] and (tag == "body" or tag in _BLOCK_TAGS):
            self._skip.clear()  # an unclosed <head> ends where the body starts
        if tag in _SKIP_TAGS or tag in _CHROME_TAGS or tag in _PAGE_CHROME_TAGS and not self._articles:
            self._skip.append(tag)
            return
        if tag == "article":
            self._articles += 1
        if tag == "li":
            self.parts.append("\n\u2022 ")
        elif tag in _LINE_TAGS:
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS or tag in self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag == "article":
            self._articles = max(0, self._articles - 1)
        if tag == "li" or tag in _LINE_TAGS:
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data if self._pre else re.sub(r"[ \t\r\n\f\v]+", " ", data))


# "<![" starts a marked section, and Python's HTMLParser stops with an AssertionError unless one of
# these keywords follows. Browsers read any other "<![...>" as a bogus comment, up to the next ">":
# so does HTMLParser once a space follows the "<!".
_BAD_MARKED_SECTION = re.compile(r"<!\[(?!(?:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.a-z0-9]))",
                                 re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: scripts and styles dropped, blocks kept as paragraphs.

    Raises InputError when the markup cannot be parsed at all.
    """
    extractor = _TextExtractor()
    try:
        extractor.feed(_BAD_MARKED_SECTION.sub("<! [", markup))
        extractor.close()
    except AssertionError as exc:  # what HTMLParser raises on markup it cannot scan
        raise InputError(f"HTML cannot be parsed ({exc})") from exc
    lines = [line.strip(" \t") for line in "".join(extractor.parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# Reading files ------------------------------------------------------------------------------

# A file above this size is refused (after reading no more than this): news pages, markup included, are
# well under a megabyte, and one bigger than this is a dump or not a page at all.
MAX_FILE_BYTES = 10 * 1024 * 1024
# Text longer than this is refused rather than split: spaCy's own default limit, about a minute of
# analysis, 60 times the longest page in the seeds. kg cannot know where a dump's articles start and
# end, so splitting it would give comments, bylines and titles to the wrong article.
MAX_TEXT_CHARS = 1_000_000
_BINARY_CONTROL_SHARE = 0.05  # text has a few stray control bytes at most; a binary file has many more
_BINARY_SAMPLE = 65536

_DECLARED_CHARSET = (
    re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE),
    re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE),
)
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"

# Characters removed from every document: invisible ones that split names ('Arvind\u200bMadan'),
# bidirectional overrides that make displayed text differ from stored text, and control characters.
# Zero-width (non-)joiners stay: emoji sequences and Persian or Indic words need them.
_REMOVABLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f"  # control characters other than tab, line and page breaks
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ud800-\udfff\ufdd0-\ufdef"  # lone surrogates and non-characters
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)) + "]"
)


# Line breaks other than LF and CRLF (a lone CR, form feed, Unicode line and paragraph separators) become
# LF: one character for one, so offsets still index the file, and no table or N-Triples line breaks on them.
_ODD_LINE_BREAK = re.compile("\r(?!\n)|[\x0c\u2028\u2029]")


def clean_text(text: str) -> tuple[str, str | None]:
    """(text without invisible, control and non-characters, warning naming what was removed or None)."""
    found = _REMOVABLE.findall(text)
    if not found:
        return text, None
    kinds = sorted(set(found))
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control character')}" for c in kinds[:3])
    more = f" and {len(kinds) - 3} other kinds" if len(kinds) > 3 else ""
    plural = "s" if len(found) > 1 else ""
    return (_REMOVABLE.sub("", text),
            f"removed {len(found)} invisible or control character{plural} ({named}{more}); "
            f"character offsets count without them")


def _shown(name: str) -> str:
    """A file name safe to print on one line: control characters and undecodable bytes escaped."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB"


def _binary(data: bytes) -> str | None:
    """Why the bytes are not text, or None."""
    if b"\x00" in data:
        return "binary file, not text (contains NUL bytes)"
    sample = data[:_BINARY_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        return f"binary file, not text ({controls * 100 // len(sample)}% control bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL, as in English text saved as UTF-16."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            return codec
    return None


def _decode(data: bytes, *, html: bool) -> tuple[str | None, str | None]:
    """(text, warning) when some encoding fits, else (None, the reason)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                return None, f"not decodable as {codec.upper()}, which its byte-order mark declares ({exc.reason})"
    if not data.startswith(codecs.BOM_UTF8):
        codec = _utf16_without_bom(data)
        if codec:
            try:
                return data.decode(codec), f"no byte-order mark; detected and decoded as {codec.upper()}"
            except UnicodeDecodeError:
                pass
    reason = _binary(data)
    if reason:
        return None, reason
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        utf8_error = f"byte 0x{data[exc.start]:02X} at offset {exc.start}"
    declared_note = ""
    if html:
        declared = next((m for m in (p.search(data[:4096]) for p in _DECLARED_CHARSET) if m), None)
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                codec = codecs.lookup(name).name
                if codec.startswith(("utf-16", "utf-32")):  # bytes in which "<meta" was found are not UTF-16
                    declared_note = f"; its declared charset {name!r} cannot be right"
                else:
                    return data.decode(codec), None
            except LookupError:
                declared_note = f"; its declared charset {name!r} is unknown"
            except UnicodeDecodeError:
                declared_note = f"; nor is it valid {name}, as it declares"
    try:
        return data.decode("cp1252"), f"not valid UTF-8 ({utf8_error}){declared_note}; decoded as cp1252"
    except UnicodeDecodeError as exc:
        return None, (f"not decodable as UTF-8 ({utf8_error}){declared_note} nor as cp1252 "
                      f"(byte 0x{data[exc.start]:02X} at offset {exc.start}): save it as UTF-8")


def _expand(sources: Sequence[Path]) -> Iterator[Path]:
    for source in sources:
        path = Path(source)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except OSError as exc:
            raise InputError(f"source cannot be read: {_shown(str(path))}: {exc.strerror or exc}") from exc
        if not exists:
            raise InputError(f"source not found: {_shown(str(path))}")
        if is_dir:
            try:
                found = sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            except OSError as exc:
                raise InputError(f"folder cannot be listed: {_shown(str(path))}: {exc.strerror or exc}") from exc
            if not found:
                raise InputError(f"no documents ({', '.join(SUFFIXES)}) in folder: {_shown(str(path))}")
            yield from found
        else:
            yield path


def _read_bytes(path: Path) -> tuple[bytes | None, str | None]:
    """(at most MAX_FILE_BYTES bytes, None) or (None, why the file is not read)."""
    try:
        if not path.is_file():
            return None, "not a regular file"
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, f"cannot be read: {exc.strerror or exc}"
    if len(data) > MAX_FILE_BYTES:
        try:
            size = _size(path.stat().st_size)
        except OSError:
            size = f"over {_size(MAX_FILE_BYTES)}"
        return None, (f"too large ({size}; kg reads files of up to {_size(MAX_FILE_BYTES)}): "
                      f"save one article per file")
    return data, None


def _document_id(path: Path) -> tuple[str, str | None]:
    """(document id, warning): the file name without its suffix, with undecodable bytes replaced."""
    stem = path.stem
    fixed = stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if fixed == stem:
        return stem, None
    return fixed, f"file name is not valid UTF-8; its document id is {fixed!r}"


# files from which a build reads its documents in worker processes: fewer are read faster here than a pool starts
PARALLEL_FILES = 64


def read_documents(sources: Sequence[Path], *, processes: int = 1) -> IngestResult:
    """Read files and folders (recursively, sorted) into Documents; unusable files are skipped, with reasons.
    With processes > 1 and many files, the files are read in that many worker processes (same result).

    Raises InputError when a source does not exist, a folder holds no documents, or no file at all
    could be read (so that a build never replaces good outputs with an empty graph).
    """
    if not sources:
        raise InputError("no sources given: name at least one file or folder")
    documents: list[Document] = []
    skipped: list[tuple[str, str]] = []
    warnings: list[str] = []
    seen: dict[str, tuple[str, str]] = {}  # slug of the document id -> (document id, file)
    paths = list(_expand(sources))
    for read in _read_all(paths, processes):
        reason = _admit(read, documents, seen)
        if reason:
            skipped.append((read.name, reason))
        else:
            warnings.extend(f"{read.name}: {warning}" for warning in read.warnings)
    if not documents:
        shown = "; ".join(f"{path}: {reason}" for path, reason in skipped[:3])
        more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        raise InputError(f"no document could be read ({len(skipped)} skipped: {shown}{more})")
    return IngestResult(tuple(documents), tuple(skipped), tuple(warnings))


@dataclass(frozen=True)
class _FileRead:
    """One file as read on its own, before it is checked against the files read before it."""

    name: str
    skipped: str | None = None  # why the file gives no document, whatever else was read
    doc_id: str = ""
    document: Document | None = None
    empty: str | None = None  # why the document read is no use, if its id is not taken already
    warnings: tuple[str, ...] = ()


def _read_all(paths: list[Path], processes: int) -> Iterator[_FileRead]:
    if processes <= 1 or len(paths) < PARALLEL_FILES:
        yield from map(_read_one, paths)
        return
    from kg.analysis import worker_pool

    with worker_pool(processes) as pool:
        yield from pool.imap(_read_one, paths, chunksize=max(1, min(32, len(paths) // (processes * 8))))


def _admit(read: _FileRead, documents: list[Document], seen: dict[str, tuple[str, str]]) -> str | None:
    """Add the file's document to `documents` unless its id is taken; return why it is skipped, or None."""
    if read.skipped:
        return read.skipped
    key = slug(read.doc_id)
    if key in seen:
        other_id, other = seen[key]
        if other_id == read.doc_id:
            return f"duplicate document id {read.doc_id!r}: already read from {other}"
        return f"document id {read.doc_id!r} clashes with {other_id!r} from {other} (both are {key!r} in IRIs)"
    if read.empty:
        return read.empty
    assert read.document is not None
    seen[key] = (read.doc_id, read.name)
    documents.append(read.document)
    return None


def _read_one(path: Path) -> _FileRead:
    name = _shown(str(path))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return _FileRead(name, f"unsupported file type {suffix or '(none)'!r}; accepted: {', '.join(SUFFIXES)}")
    data, reason = _read_bytes(path)
    if data is None:
        return _FileRead(name, reason)
    if not data.strip():
        return _FileRead(name, "empty file")
    warnings: list[str] = []
    html = suffix in HTML_SUFFIXES
    text, warning = _decode(data, html=html)
    if text is None:
        return _FileRead(name, warning)
    if warning:
        warnings.append(warning)
    if html:
        try:
            text = html_to_text(text)
        except InputError as exc:
            return _FileRead(name, str(exc))
    text, warning = clean_text(text)
    if warning:
        warnings.append(warning)
    text = _ODD_LINE_BREAK.sub("\n", text)
    if not text.strip():
        return _FileRead(name, "no visible text (only markup, scripts or styles)" if html
                         else "empty file (no visible text)")
    if len(text) > MAX_TEXT_CHARS:
        return _FileRead(name, f"too long ({len(text):,} characters of text; kg reads documents of up to "
                               f"{MAX_TEXT_CHARS:,}): save one article per file")
    doc_id, warning = _document_id(path)
    if warning:
        warnings.append(warning)
    document = parse_document(text, doc_id=doc_id, path=name)
    empty = None
    if not document.segments:
        empty = "no content left after removing site chrome"
    elif not any(ch.isalpha() for s in document.segments for ch in text[s.start:s.end]):
        empty = "no sentences (its text holds no words)"
    elif all(s.heading for s in document.segments):
        warnings.append("no body text, only headings")
    return _FileRead(name, None, doc_id, document, empty, tuple(warnings))

"""The phrase families that mark page furniture, captions and comment threads in scraped text.

Scrapers keep what sits around an article: share buttons, comment-form prompts, author bios,
teaser lists, licence footers, photo credits. These families are written from how publishing
platforms (WordPress, Drupal, news CMSs) label such blocks in general, not from any one page, so
they carry over to a corpus we have never seen. Each pattern is matched against one stripped,
short unit of text (a line or a paragraph); long prose is never furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

FurnitureKind = Literal["boilerplate", "caption"]

#: Units longer than this are prose, never furniture (disclaimers run to ~35 words).
MAX_FURNITURE_WORDS = 45
#: Headings that end the article ("About the author", "Related articles") are this short.
MAX_HEADING_WORDS = 8


@dataclass(frozen=True)
class Cue:
    """One phrase family: what it marks and whether it heads a section that runs to the end."""

    pattern: re.Pattern[str]
    kind: FurnitureKind
    #: A heading after which the rest of the article region is furniture too.
    ends_article: bool = False


def _cue(regex: str, kind: FurnitureKind = "boilerplate", *, ends_article: bool = False) -> Cue:
    return Cue(re.compile(regex, re.IGNORECASE), kind, ends_article)


_LIST_WORDS = r"(articles?|stories|posts?|news|reads?|videos?|links?|content|coverage|items?)"

#: Whole-unit headings of sections that follow the article: bios, teasers, contact footers.
SECTION_HEADINGS: tuple[Cue, ...] = (
    _cue(r"about (the|this) (authors?|writers?|contributors?|blogger)\W*", ends_article=True),
    _cue(r"(the )?authors?( bio(graphy)?)?\W*", ends_article=True),
    _cue(
        rf"(latest|related|recent|recommended|popular|trending|top|more|further|other|similar|"
        rf"most (read|popular|viewed|shared|commented))( \w+)? {_LIST_WORDS}\W*",
        ends_article=True,
    ),
    _cue(
        r"(you (may|might) (also )?(like|enjoy|be interested in)|read (next|more|also)|"
        r"see also|also (read|on)|more (from|on|in) .{0,40}|what to read next)\W*",
        ends_article=True,
    ),
    _cue(
        r"(share|spread the word|share this( (article|story|post|page))?)( on)?\W*",
        ends_article=True,
    ),
    _cue(r"(tags?|topics?|categories|filed under|posted in)\W*", ends_article=True),
    _cue(r"(to )?contact( us)?\W*", ends_article=True),
)

#: Furniture recognised by how a unit begins (the rest of the unit is free).
LEADING_CUES: tuple[Cue, ...] = (
    # comment-form prompts and platform widgets
    _cue(
        r"(please )?(read|see|review) (our|the) (comments?|commenting|community|moderation) "
        r"(policy|guidelines|rules)"
    ),
    _cue(
        r"(you must be )?(signed|logged|sign|log)[ -]?in (to|or register( to)?) "
        r"(comment|reply|post|join)"
    ),
    _cue(r"(sign|log)[ -]?in to (comment|reply)"),
    _cue(r"(leave|post|add|write) a (reply|comment|response)\b", ends_article=True),
    _cue(r"(cancel reply|comments? (are|is) closed|be the first to comment)"),
    _cue(r"(%d|\d+) bloggers? like this"),
    _cue(r"(like|share) this:?\s*$"),
    _cue(r"loading\W*$"),
    _cue(
        r"(reply|report( abuse| comment)?|flag|recommend|log in to reply|show more replies|"
        r"load more comments|view all comments)\W*$"
    ),
    # links to the page itself, sharing and subscription
    _cue(r"(shortened|short|permanent|perma)[ -]?(url|link)\b"),
    _cue(r"permalink\b"),
    _cue(r"(share (this|on)|tweet this|email this|print this)\b"),
    _cue(
        r"(subscribe|sign up|follow us|follow me|join our (mailing|email) list|"
        r"get (our|the) newsletter)\b"
    ),
    _cue(r"(support (us|our (journalism|work))|donate (now|today)\b|become a (member|patron))"),
    _cue(r"(advertisement|sponsored( content)?|ad feedback)\W*$"),
    # teasers pointing away from the article
    _cue(
        r"(related|read more|see also|also read|more on this|recommended|further reading)"
        r"( (articles?|stories|coverage|content))?\s*[:|»>-]"
    ),
    _cue(r"(tags?|topics?|categories|filed under|posted in)\s*:"),
    # legal and site footers
    _cue(r"(copyright|©|\(c\) \d{4})"),
    _cue(r".{0,80}\ball rights reserved\b"),
    _cue(
        r"(terms (of (use|service)|and conditions)|privacy (policy|notice)|cookie (policy|"
        r"settings|preferences))\b"
    ),
    _cue(r"(to contact|contact us|get in touch)\b", ends_article=True),
    # editorial disclaimers
    _cue(
        r"(note|disclaimer|editor'?s note)?:?\s*(this|the) (article|post|piece|blog|column|"
        r"opinion) (gives|represents|reflects|expresses|is) (only )?the (views?|opinions?)"
    ),
    _cue(r"(the )?(views|opinions) expressed (here|in this)"),
    # navigation
    _cue(
        r"(skip to (main )?content|back to top|jump to (navigation|comments)|"
        r"(next|previous|prev) (article|post|story)\b)"
    ),
    _cue(r"(click|tap) here\b"),
    # labels whose value the scrape lost ("Published on" with no date)
    _cue(r"(published|posted|updated|last updated)( on| at)?:?\s*$"),
    # captions: figure labels, credits, enlarge prompts
    _cue(
        r"(figure|fig\.|photo(graph)?|image|picture|pictured|chart|graphic|map|video|"
        r"illustration|infographic)( \d+)?\s*[:|]",
        "caption",
    ),
    _cue(
        r"(note:\s*)?(image|photo|picture|cover|header|featured image) (credit|source|"
        r"courtesy)\b",
        "caption",
    ),
    _cue(r"(credit|source|courtesy|photo by|image by)\s*:", "caption"),
)

#: Furniture recognised anywhere inside a short unit.
ANYWHERE_CUES: tuple[Cue, ...] = (
    _cue(r"\((click|tap) to (enlarge|expand|zoom)\)|click (to|for) (enlarge|larger)", "caption"),
    _cue(r"\((photo|image|picture|file photo)\b[^)]*\)", "caption"),
    _cue(
        r"\b(getty images|ap photo|afp photo|reuters/|afp/|epa/|shutterstock|"
        r"via (getty|reuters|ap)\b)",
        "caption",
    ),
    _cue(r"\bviews of the author\b|\bnot (necessarily )?(the|reflect the) (position|views) of\b"),
)

#: A line that is a link and nothing else ("example.org/contact", "<https://…>").
URL_ONLY = re.compile(
    r"^<?(https?://|www\.)?[\w-]+(\.[\w-]+)+(/\S*)?>?$|^<?https?://\S+>?$", re.IGNORECASE
)
#: Lines with no letters or digits at all: dividers, lone dashes, bullets.
NO_WORDS = re.compile(r"^[^\w]*$")
#: A menu or breadcrumb trail: three or more short items between separators.
NAVIGATION = re.compile(r"^[^|›»>·•]{1,30}(\s[|›»>·•]\s[^|›»>·•]{1,30}){2,}$")
#: A bare counter or page number the scraper kept (view counts, share counts, pagination).
BARE_NUMBER = re.compile(r"^[\d.,]+[kKmM]?$")

#: Headings that open a reader-comment section.
COMMENT_HEADINGS = re.compile(
    r"^(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+(comments?|responses?|"
    r"replies|reactions|thoughts? on)\b.{0,120}$|"
    r"^(comments?|reader(s'?)? comments|discussion|responses?|join the (discussion|conversation)|"
    r"what (do )?(you|readers) think\??)(\s*\(\d+\))?\W*$",
    re.IGNORECASE,
)
#: A commenter's signature line ("Jane Roe says:", "jameshalifax wrote:").
COMMENTER_LINE = re.compile(
    r"^\S.{0,60}\s(says|said|wrote|commented|replied)\s*:\s*$", re.IGNORECASE
)
#: A list marker opening an item: "1.", "12)", "•", "-", "*", "◦".
LIST_MARKER = re.compile(r"^\s*(\d{1,3}[.)]|[•·▪◦‣∙*–-])\s+\S")


def match_furniture(unit: str, words: int) -> Cue | None:
    """The cue a stripped unit of ``words`` words matches, if it is furniture at all."""
    if words > MAX_FURNITURE_WORDS:
        return None
    if words <= MAX_HEADING_WORDS:
        for cue in SECTION_HEADINGS:
            if cue.pattern.fullmatch(unit):
                return cue
    for cue in LEADING_CUES:
        if cue.pattern.match(unit):
            return cue
    for cue in ANYWHERE_CUES:
        if cue.pattern.search(unit):
            return cue
    return None


def is_link_or_debris(unit: str) -> bool:
    """A unit that carries no prose: a bare link, a menu, a divider, a stray counter."""
    return any(p.match(unit) for p in (URL_ONLY, NAVIGATION, NO_WORDS, BARE_NUMBER))

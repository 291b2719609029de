"""The first-character guard: a look-ahead that must never change what a pattern matches."""

from __future__ import annotations

import re

import pytest

from parallax.extract.regex_guard import guarded


@pytest.mark.parametrize(
    ("pattern", "guard"),
    [
        (r"(?:(?i:early|late)\s+)?(?:Jan|Feb)\w*", "(?=(?i:[elJF]))"),
        (r"(?i:\b(?:the\s+)?past)", "(?=(?i:[tp]))"),
        (r"(?<![\d.])(?P<d>\d{1,2})th", r"(?=[\d])"),
        (r"(?:[0-2]|x)?\d", r"(?=[0-2x\d])"),
    ],
)
def test_guard_lists_every_possible_first_character(pattern: str, guard: str) -> None:
    assert guarded(pattern) == guard + pattern


@pytest.mark.parametrize(
    "pattern",
    [
        r"January \d+",  # re already skips ahead to a literal prefix
        r"(?:Jan|Feb)\w*",  # ... or to a set of first characters
        r"(?:early\s+)?.+",  # any character can start it
        r"(?:x)?[^a]b",  # a negated set
        r"(?:year)?",  # can match the empty string
        r"(?x) early \s+ [0-9]+",  # global flags must stay first
    ],
)
def test_no_guard_where_it_is_unknown_or_useless(pattern: str) -> None:
    assert guarded(pattern) == pattern


def test_guarded_pattern_finds_the_same_matches() -> None:
    pattern = r"(?:(?P<mod>(?i:early|late|mid))[\s-]+)?(?P<m>Jan(?:uary)?|Feb(?:ruary)?)\b"
    text = "In early January, mid-Feb and LATE January; not Janus. EARLY-February."
    plain, fast = re.compile(pattern), re.compile(guarded(pattern))
    assert fast.pattern != plain.pattern
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]

"""Names one typing slip away (parallax.knowledge.misspelling); the ruler's use of them is
in test_knowledge_components."""

from __future__ import annotations

import pytest

from parallax.knowledge.misspelling import SlipIndex, one_slip_apart


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("ethopia", "ethiopia", True),  # a letter left out
        ("quatar", "qatar", True),  # one added
        ("isreal", "israel", True),  # neighbours swapped
        ("brasil", "brazil", True),  # one changed
        ("israel", "israel", False),
        ("sirya", "syria", False),  # two changes, not neighbours
        ("ukraine", "ukrainian", False),
    ],
)
def test_one_slip_apart(a: str, b: str, slip: bool) -> None:
    assert one_slip_apart(a, b) is slip
    assert one_slip_apart(b, a) is slip


def test_a_slip_names_its_one_target_and_nothing_else_does() -> None:
    index = SlipIndex(
        [("ethiopia", "ETH"), ("qatar", "QAT"), ("gambia", "GMB"), ("zambia", "ZMB"),
         ("america", "USA"), ("iran", "IRN")],
        known=["omaha"],
    )  # fmt: skip
    assert index.target_of("ethopia") == "ETH"
    assert index.target_of("quatar") == "QAT"
    assert index.target_of("ethiopia") is None  # the name itself is no slip
    assert index.target_of("yambia") is None  # one slip from two states
    assert index.target_of("americas") is None  # a plural, not a slip
    assert index.target_of("irang") is None  # short names and words are left alone
    assert index.target_of("ethiopiaa1") is None

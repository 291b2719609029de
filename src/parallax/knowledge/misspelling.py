"""Names one typing slip away: "Ethopia", "Quatar", "Isreal" for Ethiopia, Qatar, Israel.

Wire copy and scraped pages misspell state names, and an exact lookup then loses the party of
an event. A slip is one letter left out, added, changed or two neighbours swapped (optimal
string alignment distance 1). Only single-word names of five letters or more, and words of
six or more, are considered, because short words sit one slip from other words ("Oman"/"Omar",
"Iran"/"Iraq"), and a word one slip from two different targets says nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Final

#: Shorter names and words are one slip from too many other words.
MIN_NAME: Final = 5
MIN_WORD: Final = 6


def _deletions(word: str) -> Iterator[str]:
    """``word`` and every string with one of its letters left out."""
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def one_slip_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or
    swap of adjacent letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class SlipIndex:
    """Folded single-word names -> their target, found from a word one slip away;
    ``known``: words that are names of their own (of anything), never taken for slips."""

    def __init__(self, names: Iterable[tuple[str, str]], known: Iterable[str] = ()) -> None:
        self._known = frozenset(known)
        self._names: dict[str, set[str]] = defaultdict(set)
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for name, target in names:
            if len(name) >= MIN_NAME and name.isalpha():
                self._names[name].add(target)
                for variant in _deletions(name):
                    self._by_deletion[variant].add(name)

    def target_of(self, word: str) -> str | None:
        """The one target of the names one slip from ``word`` (folded); None for a known
        name itself, a short word, a plural of a name, or a word one slip from names of
        different targets."""
        if len(word) < MIN_WORD or not word.isalpha() or word in self._known or word in self._names:
            return None
        names = {n for v in _deletions(word) for n in self._by_deletion.get(v, ())}
        # A plural is no slip: "the Americas", "the two Koreas".
        names = {n for n in names if word != n + "s"}
        targets = {t for n in names if one_slip_apart(word, n) for t in self._names[n]}
        return targets.pop() if len(targets) == 1 else None

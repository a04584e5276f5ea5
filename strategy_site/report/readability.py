"""Flesch reading ease, for the public text of each document.

Reading ease = 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word).
Higher is easier: 60 to 70 is plain English that most adults read comfortably;
below 50 is hard going, the level of an academic paper. Syllables are counted
by vowel groups (a silent final "e" does not count), the usual approximation;
Markdown links, code and table rules are reduced to their words first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`|^```.*?^```", re.MULTILINE | re.DOTALL)
_MARKUP = re.compile(r"[#>*_|{}<>=-]+")
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)|\n\s*\n|^\s*[-*]\s", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        if not self.words:
            return 100.0
        return 206.835 - 1.015 * (self.words / max(self.sentences, 1)) - 84.6 * (self.syllables / self.words)


def syllables(word: str) -> int:
    word = word.lower().strip("'’")
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def plain_text(markdown: str) -> str:
    text = _CODE.sub(" ", markdown)
    text = _LINK.sub(r"\1", text)
    return _MARKUP.sub(" ", text)


def readability(markdown: str) -> Readability:
    text = plain_text(markdown)
    words = _WORD.findall(text)
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    return Readability(len(words), len(sentences), sum(syllables(word) for word in words))

"""Sentence and clause splitting, negation tests and span blanking shared by the rules of this package."""

from __future__ import annotations

import re


_SENTENCE_END_RE = re.compile(r"[.!?।\n]+(?=\s|$)|[।\n]")


def _sentence_bounds(text: str, ends: list[int], start: int, end: int) -> tuple[int, int, int, int]:
    """(previous sentence start, own sentence start, own sentence end, next sentence end) around ``start..end``;
    ``ends`` are the sentence ends of ``text``."""
    own_start = max((e for e in ends if e <= start), default=0)
    prev_start = max((e for e in ends if e < own_start), default=0)
    own_end = min((e for e in ends if e >= end), default=len(text))
    next_end = min((e for e in ends if e > own_end), default=len(text))
    return prev_start, own_start, own_end, next_end


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (offsets kept)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# A negated sentence ("the bank never asks for your OTP", "ओटीपी नहीं मांगता") is advice, not an ask.
_NEGATION_RE = re.compile(r"\b(?:never|not|no|don't|dont|do not|nobody|no one|nahi|nahin|nhi|mat)\b|नहीं|मत|न ")
_SENTENCE_SPLIT_RE = re.compile(r"[.!?।\n]+")

_CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s[-–—]\s")

_CONDITION_RE = re.compile(r"\b(?:if|in case|unless)\b[^,;:]*[,;:]")

_NEG_BEFORE_RE = re.compile(r"\b(?:not|never|don't|dont|no need to|nobody|no one|mat|nahi|na)\b[^,;:]*$")

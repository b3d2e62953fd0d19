"""tokenize picks a narrower token pattern for ASCII text and for text without combining marks; the tokens (words,
spans, clauses) must be those of the full pattern on every text."""

from __future__ import annotations

import random

import pytest

from scamshield.engine import textmatch as tm
from scamshield.engine.textmatch import Tokens, normalize, tokenize


def full_pattern_tokens(normalized: str, max_tokens: int = tm.MAX_TOKENS) -> Tokens:
    """tokenize's loop with the full pattern only (the reference)."""
    words, starts, ends, clauses = [], [], [], []
    clause = 0
    for m in tm._TOKEN_RE.finditer(normalized):
        w = m.group(1)
        if w is None:
            if m.group(2) == "." and words and words[-1] in tm._TITLE_ABBREVIATIONS:
                continue
            clause += 1
            continue
        words.append(w)
        starts.append(m.start())
        ends.append(m.end())
        clauses.append(clause)
        if len(words) >= max_tokens:
            break
    return Tokens(normalized, tuple(words), tuple(starts), tuple(ends), tuple(clauses))


# ASCII letters, digits, apostrophes, breaks and other punctuation; Latin-1 and Cyrillic letters, superscript digits,
# Devanagari letters with vowel signs / virama (combining marks), danda, an Arabic-Indic digit, underscore.
ALPHABET = list("abcXYZ019'' .!?;\n,-_:/") + list("éßж²") + ["क", "ि", "्", "ा", "।", "॥", "٣", "\u0301"]


def _random_text(rnd: random.Random, alphabet: list[str]) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))


@pytest.mark.parametrize("alphabet", [ALPHABET[:23], ALPHABET[:27], ALPHABET], ids=["ascii", "no_marks", "marks"])
def test_tokens_equal_the_full_pattern(alphabet: list[str]) -> None:
    rnd = random.Random(11)
    for _ in range(3000):
        text = _random_text(rnd, alphabet)
        assert tokenize(text) == full_pattern_tokens(text)
        assert tokenize(text, max_tokens=3) == full_pattern_tokens(text, 3)


@pytest.mark.parametrize("text", [
    "Dr. Sharma will call. Share the OTP; don't delay!",
    "आपका खाता बंद हो जाएगा। तुरंत KYC अपडेट करें",
    "Ваш аккаунт заблокирован. Позвоните 9876543210",
    "W0N Rs.5,000!! claim now... naïve café",
])
def test_tokens_equal_the_full_pattern_on_messages(text: str) -> None:
    norm = normalize(text)
    assert tokenize(norm) == full_pattern_tokens(norm)
    assert tokenize(norm).words  # the texts have words: the comparison is not between two empty results

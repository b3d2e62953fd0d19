"""SMS textspeak spelled out before the cue lexicon is matched: "tell our executive the code u receive on ur
number", "pls send", "call me tmrw" read as "you", "your", "please", "tomorrow".

Only whole words, and only the forms that are no other word in English or romanised Hindi (no "r" for "are", no
"n" for "and"). "no." counts as "number" only before a digit ("a/c no. 1234"; "Reply YES or NO." stays a no).
The text keeps its clause breaks; cue evidence then shows the spelled-out word. Genuine templates are read by the
marker patterns on the original text (``notices``, ``advice``), which this does not touch.
"""

from __future__ import annotations

import re

_TEXTSPEAK = {
    "u": "you", "ur": "your", "urs": "yours", "pls": "please", "plz": "please", "plzz": "please", "pl": "please",
    "tmrw": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow", "2mrw": "tomorrow", "tonite": "tonight",
    "nmbr": "number", "numbr": "number", "bcoz": "because", "coz": "because",
}
# (a word of the table as a whole word -- not inside "u.s.", "u-turn", "ur@ybl": checked on the characters around
# it -- and "no." before a digit run)
_TEXTSPEAK_RE = re.compile(r"\b(?:(" + "|".join(sorted(map(re.escape, _TEXTSPEAK), key=len, reverse=True))
                           + r")\b|no\.(?=\s?\d))")
_JOINERS = "'@./-"


def _spelled(m: re.Match) -> str:
    word = m.group(1)
    if word is None:
        return "number" if not m.start() or m.string[m.start() - 1] not in _JOINERS else m.group(0)
    s, e = m.start(), m.end()
    if (s and m.string[s - 1] in _JOINERS) or (e < len(m.string) and (m.string[e] in "'@/-" or (
            m.string[e] == "." and e + 1 < len(m.string) and m.string[e + 1].isalnum()))):
        return word
    return _TEXTSPEAK[word]


def spell_out(text: str) -> str:
    """``text`` (already lower-cased) with the textspeak words of ``_TEXTSPEAK`` spelled out."""
    if not _TEXTSPEAK_RE.search(text):
        return text
    return _TEXTSPEAK_RE.sub(_spelled, text)

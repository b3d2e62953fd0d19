"""Hostile input shapes for the SMS analyser: the results (not the timings -- those are in benchmarks/engine.py's
hostile section) on long runs of digits, spaces, punctuation, emoji and the like, and the rewritten patterns that
used to backtrack quadratically on them (``_PARENT_RE``, ``_NO_SUCH_AFTER_RE``, textmatch's ``_NL_RE``): the same
texts match as before, including the near misses that must not."""

from __future__ import annotations

import re

import pytest

from scamshield.engine.sms import analyze_sms
from scamshield.engine.sms.stranger import _PARENT_RE
from scamshield.engine.sms.warned import _NO_SUCH_AFTER_RE, _NO_SUCH_THING_RE
from scamshield.engine.textmatch import _NL_RE, normalize

# The patterns as they were before the rewrite (quadratic on a hostile run, fine on short texts): the reference.
_PARENT_OLD = re.compile(r"^\W*(?:hi|hey|hello|hii)?\W*(?:mum|mom|mummy|mommy|mam|mama|ma|maa|dad|daddy|papa|pa)\b")
_NO_SUCH_AFTER_OLD = re.compile(r"\W*(?:\w+\s+)?(?:" + _NO_SUCH_THING_RE.pattern + ")")
_NL_OLD = re.compile(r"[^\S\n]*\n\s*")

_HI_MUM = "my phone is broken, this is my new number, text me back here"


@pytest.mark.parametrize("text, parent", [
    ("hi mum, " + _HI_MUM, True),
    ("Hey!!! Mum " + _HI_MUM, True),
    ("- - - dad, " + _HI_MUM, True),
    ("hello... maa " + _HI_MUM, True),
    ("!" * 3000 + "mum " + _HI_MUM, True),          # a long run of punctuation before the parent word
    ("hi " + "." * 2000 + " papa", True),
    # near misses: not a parent word, or not at the start
    ("hi mumble, " + _HI_MUM, False),
    ("hi there mum", False),
    ("pam, " + _HI_MUM, False),
    ("!" * 3000 + "x mum", False),
    ("hi" + "!" * 3000 + "hi mum", False),           # two greetings: never matched
    ("." * 5000, False),
])
def test_parent_pattern_matches_as_before(text, parent):
    low = text.lower()
    assert bool(_PARENT_RE.search(low)) is parent
    assert bool(_PARENT_OLD.search(low[:400])) is bool(_PARENT_RE.search(low[:400]))


@pytest.mark.parametrize("text, denied", [
    ("डिजिटल अरेस्ट जैसा कुछ नहीं होता", True),
    ("डिजिटल अरेस्ट, जैसा कुछ भी नहीं होता", True),
    ("digital arrest jaisa kuch nahi hota", True),
    ("digital arrest !!! naam jaisa kuchh bhi nahin", True),      # one word between
    ("digital arrest" + "!" * 2000 + " jaisa kuch nahi", True),   # a long run of punctuation before the phrase
    # near misses: two words between, no denial, the denial far behind a word run
    ("digital arrest ka naam jaisa kuch nahi", False),
    ("digital arrest warrant issued in your name", False),
    ("digital arrest" + "!" * 2000, False),
    ("digital arrest " + "a" * 3000 + " jaisa kuch nahi", True),
    ("digital arrest " + "a b " * 500 + "jaisa kuch nahi", False),
])
def test_no_such_after_pattern_matches_as_before(text, denied):
    low = text.lower()
    lure = "अरेस्ट" if "अरेस्ट" in low else "arrest"
    pos = low.index(lure) + len(lure)
    assert bool(_NO_SUCH_AFTER_RE.match(low, pos)) is denied
    assert bool(_NO_SUCH_AFTER_OLD.match(low, pos)) is denied


@pytest.mark.parametrize("text, expected", [
    ("a" + " " * 4000 + "b", "a b"),
    ("a \t \n \n  b", "a\nb"),
    (" " * 1000 + "\n" + " " * 1000 + "x", "x"),
    ("line one   \n\n   line two\t\nthree", "line one\nline two\nthree"),
    ("\u00a0" * 2000 + "kyc\u00a0\n\u2003update", "kyc\nupdate"),
])
def test_normalize_whitespace_runs(text, expected):
    assert normalize(text) == expected
    low = text.casefold()
    assert [m.span() for m in _NL_RE.finditer(low)] == [m.span() for m in _NL_OLD.finditer(low)]


def _codes(text: str, sender: str | None = None) -> set[str]:
    return {s.code for s in analyze_sms(text, sender=sender).signals}


# (hostile text, codes it must carry, codes it must not): a scam buried in padding keeps its signals when it lies in
# the read part; padding alone fires no scam cue.
_SCAM_AFTER_PUNCT = "Hi mum" + "!" * 1000 + " " + _HI_MUM
_HOSTILE = [
    ("9" * 5000, {"text_truncated"}, {"family_emergency", "credential_request", "alert_with_mobile_callback"}),
    ("9 " * 2500, {"text_truncated"}, {"family_emergency", "credential_request"}),
    ("." * 5000 + "x", {"text_truncated"}, {"ml_sms", "family_emergency"}),
    ("!" * 5000 + "x", {"text_truncated"}, {"ml_sms", "family_emergency"}),
    ("\U0001F600" * 10_000, {"text_truncated"}, {"family_emergency"}),
    ("a" * 5000, {"text_truncated"}, {"family_emergency"}),
    ("x" + " " * 5000 + "y", {"text_truncated"}, {"family_emergency", "ml_sms"}),
    (_SCAM_AFTER_PUNCT, {"family_emergency", "new_number_write_back"}, set()),
    (_SCAM_AFTER_PUNCT + "." * 3000, {"family_emergency", "new_number_write_back", "text_truncated"}, set()),
    ("!" * 3000 + " " + _HI_MUM, {"text_truncated"}, {"family_emergency"}),  # the scam lies past the read part
    ("Your KYC" + " " * 1200 + "expired. update now: bit.ly/kyc1", {"kyc_update_lure", "suspicious_link"}, set()),
    ("a." * 2500, {"text_truncated"}, {"family_emergency"}),
]


@pytest.mark.parametrize("text, present, absent", _HOSTILE)
def test_hostile_shapes_results(text, present, absent):
    a = analyze_sms(text)
    codes = {s.code for s in a.signals}
    assert present <= codes
    assert not (absent & codes)
    assert 0 <= a.risk_score <= 100
    for s in a.signals:  # evidence never carries a digit run from the padding
        assert "9999" not in repr(s.evidence)


def test_parent_bonus_survives_padding():
    """'Hi mum' then a long run of punctuation is still addressed to a parent (40, not 25)."""
    sig = {s.code: s for s in analyze_sms(_SCAM_AFTER_PUNCT).signals}
    assert sig["new_number_write_back"].weight == 40
    assert sig["new_number_write_back"].evidence["to_parent"] is True
    near = {s.code: s for s in analyze_sms("Hi mumble" + "!" * 1000 + " " + _HI_MUM).signals}
    assert near["new_number_write_back"].evidence["to_parent"] is False



from scamshield.engine.sms.money import _MONEY_ASK_RE, money_asks  # noqa: E402


@pytest.mark.parametrize("text", [
    "5000 bhej do yaar", "2000 ट्रांसफर कर दो", "paise chahiye 3000", "amount gpay kar do", "send 500 to me",
    "need rs 8,000 for rent", "can you help me pay my bill", "fees 18,500 bharni hai",
    # near misses: no send word after the amount, a unit, a sentence break between
    "5 km to go", "meeting at 5. bhej do the file later", "9" * 1600, "98765 " * 260, "rs " + "9" * 1597,
    "transfer " + "9" * 1591, "9" * 1591 + " bhejo",
])
def test_money_asks_same_matches_as_the_full_pattern(text):
    low = text.lower()
    assert [(m.span(), m.group(0)) for m in money_asks(low)] == [(m.span(), m.group(0))
                                                                for m in _MONEY_ASK_RE.finditer(low)]


_NEW_NUMBER = "Hi mum, this is my new number, my phone is broken. "


@pytest.mark.parametrize("text, asked", [
    (_NEW_NUMBER + "9 " * 500 + " can you transfer 5000 today", True),   # the ask inside the cue window
    (_NEW_NUMBER + "9 " * 900 + " can you transfer 5000 today", False),  # past it: not read, as every cue phrase
    (_NEW_NUMBER + "9 " * 500 + " 5 km to go", False),
])
def test_money_ask_read_in_the_cue_window(text, asked):
    assert ("new_number_money_request" in _codes(text)) is asked


@pytest.mark.parametrize("padding", [0, 900])
def test_apk_link_found_in_the_whole_text(padding):
    """An APK link is a link: found past the cue window too (the rules' other patterns read the window)."""
    text = "Your electricity will be cut tonight. " + ". " * padding + "download the app: http://bill-update.xyz/pay.apk"
    assert "apk_link" in _codes(text)
    assert "apk_link" not in _codes(text.replace(".apk", "/app"))  # near miss: no APK

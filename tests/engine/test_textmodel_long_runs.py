"""``normalise_text`` on texts holding a run of 254+ word characters, dots and hyphens (never a real host name or
e-mail local part): the e-mail, UPI and URL patterns switch to bounded variants (quadratic-time otherwise: "a.a.a…"
cost ~0.75 s). These tests pin that ordinary addresses next to such a run still read as before, and what the bounded
reading does with the run itself. Timings are in benchmarks/engine.py's hostile shapes, not here."""

from __future__ import annotations

import pytest

from scamshield.engine import textmodel as tm


def unbounded(text: str) -> str:
    """normalise_text with the original patterns only (the reference for every text without a long run)."""
    t = tm.strip_speaker_tags(__import__("unicodedata").normalize("NFKC", text[:4000]))
    t = tm._MOJIBAKE.sub(" ", t)
    if "@" in t:
        t = tm._EMAIL_RE.sub(" emailtok ", t)
        t = tm._UPI_RE.sub(" upitok ", t)
    if tm._URL_HINT.search(t):
        t = tm._URL_RE.sub(" urltok ", t)
    t = tm._CURRENCY.sub(" ¤ ", t.lower())
    t = tm._DIGITS.sub(tm._digit_token, t)
    return " ".join(t.split())[:2000]


RUN = "x" * 300  # a long run without dots: the bounded patterns must read its neighbours as the originals do

@pytest.mark.parametrize("text", [
    f"{RUN} pay at http://kyc-upd.example.com/in now",
    f"{RUN} visit www.sbi-kyc.top today",
    f"{RUN} open sbi-kyc.verify.example.in/login",
    f"{RUN} mail help@bank-secure.co.in",
    f"{RUN} send to ramesh.k@okaxis",
    f"call me {RUN}, then a.b.c.d.e.f.g.h.example.com",
    f"{RUN}.com",  # the run itself ends in a TLD: one host of one long label
])
def test_bounded_reading_matches_the_original_next_to_a_long_run(text):
    assert tm._LONG_RUN.search(text)
    assert tm.normalise_text(text) == unbounded(text)


@pytest.mark.parametrize("text, must_contain, must_not_contain", [
    ("see http://x.co " + "a." * 700, "urltok", "emailtok"),
    ("x.com " + ("-".join(["a"] * 31) + ".") * 24, "urltok", "upitok"),
    ("a.a" * 450 + "@ x.com", "urltok", None),
    ("ab-" * 450 + " pay@upi", "upitok", None),
    ("a@" * 700 + " b.com", "urltok", None),
], ids=["dotted_run_after_link", "hyphen_labels", "dotted_run_then_at", "hyphen_run_then_upi", "at_run_then_host"])
def test_hostile_runs_are_read_and_ordinary_addresses_after_them_still_found(text, must_contain, must_not_contain):
    out = tm.normalise_text(text)
    assert must_contain in out
    if must_not_contain:
        assert must_not_contain not in out


def test_no_long_run_means_the_original_patterns():
    text = "Your a/c is blocked, update KYC at http://sbi.kyc-help.in/x or mail kyc@sbi-help.in, UPI sbi.kyc@okicici"
    assert not tm._LONG_RUN.search(text)
    assert tm.normalise_text(text) == unbounded(text)

"""Two look-alike name rules found by the URL hold-out 13 read (issue #5): a one-letter typo of a long brand name
(``long_name_typo``: 12 letters or more, where no legitimate dev-set host lies one edit away) and a government body's
two own names in one commercial domain (``government_names``: 'myaadhaar-uidai.org'). URLs written for this test (no
hold-out rows). Near misses: typos of short names, one government name in a business's name, two names of a
commercial brand (brands register those themselves), a government name in a subdomain.
"""

from __future__ import annotations

import pytest

from scamshield.engine.url import GOV_TWO_NAMES_POINTS, LONG_TYPO_POINTS, analyze_url

FLAG_AT = 50


def _brand_signal(url: str):
    a = analyze_url(url)
    sig = next((s for s in a.signals if s.code in ("brand_impersonation", "brand_in_subdomain")), None)
    return a, sig


# --- one-letter typos of long names: raised and flagged ---------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "https://steamcommunnity.com/tradeoffer/new/?partner=88213",   # doubled letter
    "https://steamcomunity.com/id/gamer/inventory",                  # letter left out
    "https://bankofamerca.com/",                                     # letter left out, bare host
    "https://bankofamericca.com/online-banking",                     # extra letter
    "https://grupobancolombja.com/personas",                         # letter swapped for another
])
def test_long_name_typo_is_raised(url: str) -> None:
    a, sig = _brand_signal(url)
    assert sig is not None and sig.evidence.get("long_name_typo") is True, (url, sig)
    assert sig.evidence["edit_distance"] == 1
    assert len(sig.evidence["imitates"]) >= 12
    assert a.risk_score >= FLAG_AT, (url, a.risk_score)


# near misses: a typo of a short name keeps the technique's own points (real names lie one edit from short ones)
@pytest.mark.parametrize("url", [
    "https://webchat.example-irc.net/",      # wechat
    "https://samsungapis.com/",              # samsungapps (11 letters)
    "https://coinbasse.com/",                # coinbase
    "https://hdfcbnak.com/",                 # hdfcbank, transposition
])
def test_short_name_typo_is_not_raised(url: str) -> None:
    _, sig = _brand_signal(url)
    if sig is not None:
        assert "long_name_typo" not in sig.evidence, (url, sig.evidence)


def test_long_typo_points_are_the_bonus_over_the_technique() -> None:
    _, long_sig = _brand_signal("https://bankofamericca.com/")
    _, short_sig = _brand_signal("https://coinbasse.com/")
    assert long_sig.evidence["technique"] == short_sig.evidence["technique"] == "insertion"
    assert long_sig.weight - short_sig.weight == LONG_TYPO_POINTS


# --- a government body's two own names on a commercial domain ---------------------------------------------------------
@pytest.mark.parametrize("url", [
    "https://myaadhaar-uidai.org/update-biometric",
    "https://uidai-aadhaar.in/status",
    "https://parivahan-echallan.live/view",
    "https://epfo-uanportal.com/member",
])
def test_government_two_names_is_raised(url: str) -> None:
    a, sig = _brand_signal(url)
    assert sig is not None and sig.evidence.get("government_names") is True, (url, sig)
    assert sig.code == "brand_impersonation"
    assert a.risk_score >= FLAG_AT, (url, a.risk_score)


@pytest.mark.parametrize("url", [
    "https://aadharhousing.com/",                    # a business named with one of the words
    "https://uidai-info-guide.com/",                 # one name only
    "https://xboxlive.com/",                         # two names of a commercial brand: its own registrations
    "https://sbi-yono.com/",
    "https://uidai.aadhaar-help.com/",               # names in the subdomain are judged by the subdomain rules
    "https://myaadhaar.uidai.gov.in/",               # the official site
    "https://ezpass-sunpass.com/",                   # two different bodies, one name each
])
def test_government_two_names_near_misses(url: str) -> None:
    _, sig = _brand_signal(url)
    if sig is not None:
        assert "government_names" not in sig.evidence, (url, sig.evidence)


def test_government_two_names_points() -> None:
    _, two = _brand_signal("https://parivahan-echallan.live/view")
    _, one = _brand_signal("https://parivahan-portal.live/view")
    assert one is not None and one.evidence["technique"] == two.evidence["technique"], (one, two)
    assert two.weight - one.weight == GOV_TWO_NAMES_POINTS

"""An organisation's own GitHub / GitLab Pages site ('<account>.github.io'): the first label is the account name, and an
account named exactly as a brand is the brand's own, so the brand's name there is no look-alike
(``brand_in_subdomain`` is not raised). Look-alike accounts (brand plus other words) keep the match and stay flagged;
the path's words are still judged, so a brand account's sign-in page can still reach the flag. URLs written for this
test (no hold-out rows). The product flags at 50.
"""

from __future__ import annotations

import pytest

from scamshield.engine.url import analyze_url

FLAG_AT = 50


def _codes(url: str) -> set[str]:
    return {s.code for s in analyze_url(url).signals}


# --- the brand's own account: no brand look-alike, below the flag ----------------------------------------------------
@pytest.mark.parametrize("url", [
    "https://google.github.io/eng-practices/review/",
    "https://microsoft.github.io/vscode-docs-sample/",
    "https://facebook.github.io/jest/docs/intro",
    "https://paypal.github.io/",
    "https://netflix.github.io/conductor/",
    "https://google.gitlab.io/some-project/",
    "https://amazon.github.io/",
])
def test_brand_own_pages_account_is_not_a_lookalike(url: str) -> None:
    a = analyze_url(url)
    assert "brand_in_subdomain" not in {s.code for s in a.signals}, url
    assert "free_hosting" in {s.code for s in a.signals}, url  # the shared host is still said
    assert a.risk_score < FLAG_AT, (url, a.risk_score)


# --- look-alike accounts: the brand plus other words, or the brand not as the account label --------------------------
@pytest.mark.parametrize("url", [
    "https://google-login.github.io/",
    "https://googleverify.github.io/",
    "https://paypal-secure.github.io/",
    "https://hdfcbank-kyc.github.io/",
    "https://microsoft-support.gitlab.io/reset/",
    "https://paypalaccount.github.io/",
])
def test_lookalike_pages_account_stays_flagged(url: str) -> None:
    a = analyze_url(url)
    assert "brand_in_subdomain" in {s.code for s in a.signals}, url
    assert a.risk_score >= FLAG_AT, (url, a.risk_score)


@pytest.mark.parametrize("url", [
    "https://paypal.netlify.app/",       # first-come project names, not accounts bound by a trademark policy
    "https://google.vercel.app/",
    "https://paypal.web.app/",
])
def test_other_free_hosts_keep_the_brand_match(url: str) -> None:
    assert "brand_in_subdomain" in _codes(url), url


# --- the path is still judged on a brand account ---------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "https://paypal.github.io/login/verify-account.html",
    "https://hdfcbank.github.io/kyc-update",
    "https://sbi.github.io/kyc-update",
])
def test_lure_path_on_brand_account_still_flags(url: str) -> None:
    a = analyze_url(url)
    assert "suspicious_path" in {s.code for s in a.signals}, url
    assert a.risk_score >= FLAG_AT, (url, a.risk_score)


@pytest.mark.parametrize("url", [
    "https://sbi.github.io/",
    "https://hdfcbank.github.io/",
    "https://hdfcbank.github.io/docs/",
])
def test_bank_name_alone_as_account_stays_below_flag(url: str) -> None:
    # a short bank keyword may not be the bank's own account, but the name alone is no lure
    a = analyze_url(url)
    assert a.risk_score < FLAG_AT, (url, a.risk_score)


@pytest.mark.parametrize("url", [
    "https://hdfcbank.github.io/login.html",
    "https://coinbase.github.io/wallet/connect",
    "https://paypal.github.io/signin/verify-account",
])
def test_money_brand_sign_in_page_on_its_own_named_pages_account_keeps_the_match(url):
    """Banks, payment apps and exchanges publish docs and SDKs on GitHub Pages, never a sign-in page."""
    assert analyze_url(url).risk_score >= 50

"""URL round after hold-out 10 (issue #5): rules found by the kinds of its misses, each with legitimate near misses.

Rows here are written for this test (not hold-out rows). Scores are the shipped analyser's; the thresholds are the
product's bands (flagged at 50, 'medium' at 25).
"""

from __future__ import annotations

import pytest

from scamshield.engine.url import analyze_url

FLAG_AT = 50


def _codes(url: str) -> set[str]:
    return {s.code for s in analyze_url(url).signals}


# An Android app file (.apk) from a site that is neither official nor an app store: sideloaded "KYC" / "e-challan" /
# "customer care" apps. The signal alone is below the flag line; next to a brand look-alike or an abused TLD it flags.
@pytest.mark.parametrize("url", [
    "https://pnb-kyc-apk.com/files/PNB_KYC.apk",
    "http://mparivahan-challan.xyz/RTO_eChallan.apk",
    "https://hbaqz.top/dl/CustomerSupport.apk",
    "https://icici-apk.in/app/iMobile_update.apk",
])
def test_apk_from_lookalike_or_abused_host_is_flagged(url: str) -> None:
    a = analyze_url(url)
    assert "android_package_link" in {s.code for s in a.signals}
    assert a.risk_score >= FLAG_AT


@pytest.mark.parametrize("url", [
    "https://f-droid.org/repo/org.videolan.vlc_13050405.apk",  # an open app repository
    "https://www.videolan.org/mobile/vlc-android.apk",  # a maker's own site that is not on the brand list
    "https://example-school.edu/downloads/attendance.apk",
])
def test_apk_on_an_ordinary_site_is_named_but_not_flagged(url: str) -> None:
    a = analyze_url(url)
    assert "android_package_link" in {s.code for s in a.signals}
    assert a.risk_score < FLAG_AT


@pytest.mark.parametrize("url", [
    "https://play.google.com/store/apps/details?id=com.sbi.lotusintouch",  # the store page, not a file
    "https://dl.google.com/android/repository/platform-tools-latest.apk",  # an official host
    "https://www.apkmirror.com/apk/whatsapp-inc/whatsapp/",  # a page about apps, not a file
    "https://example.com/docs/apk-signing.html",
    "https://example.com/files/report.apk.pdf",
])
def test_no_apk_signal_without_an_apk_file_off_official_hosts(url: str) -> None:
    assert "android_package_link" not in _codes(url)


# 'apk' is a lure word next to a brand in a host name: the brand's name plus 'apk' is a sideloading site, never the
# brand's own. A brand-free name with 'apk' is not a brand look-alike.
@pytest.mark.parametrize("host, brand_expected", [
    ("sbi-yono-apk.com", True),
    ("hdfc-apk.net", True),
    ("apk-downloads-free.com", False),
    ("apkworld.net", False),
])
def test_apk_word_next_to_a_brand(host: str, brand_expected: bool) -> None:
    codes = _codes(f"https://{host}/")
    assert ("brand_impersonation" in codes) is brand_expected

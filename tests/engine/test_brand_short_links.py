"""Brands' own SMS short-link domains are official (HDFC Bank states its SMS links always come from hdfcbk.io), and
look-alikes built on them are not."""

import pytest

from scamshield.engine.url import analyze_url


@pytest.mark.parametrize("url, official", [
    ("https://hdfcbk.io/HDFCBK/a/3kD9xQ", True),
    ("https://hdfcbk.io/HDFCBK/s/7Hq2Lm", True),
    ("https://hdfcbk.io.verify-kyc.top/x", False),
    ("http://hdfcbk-io.top/kyc", False),
])
def test_hdfc_sms_short_domain(url, official):
    a = analyze_url(url)
    codes = {s.code for s in a.signals}
    if official:
        assert "official_domain" in codes and a.risk_score < 20
    else:
        assert "official_domain" not in codes and a.risk_score >= 50

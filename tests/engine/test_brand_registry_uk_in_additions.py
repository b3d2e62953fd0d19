"""Brand registry additions (issue 5, requested by the SMS work): Boots UK (boots.com), Superdrug (superdrug.com) and
Myntra's second short-link domain (myntr.in). Official hosts and their subdomains belong to the brand; look-alikes of
them do not, and "boots" stays a weak keyword (an ordinary word: it names the brand only next to a lure word)."""

from __future__ import annotations

import pytest

from scamshield.engine.brands import default_registry
from scamshield.engine.url import analyze_url


@pytest.fixture(scope="module")
def reg():
    return default_registry()


@pytest.mark.parametrize(
    ("host", "brand_id"),
    [
        ("boots.com", "boots"),
        ("www.boots.com", "boots"),
        ("BOOTS.COM.", "boots"),
        ("superdrug.com", "superdrug"),
        ("www.superdrug.com", "superdrug"),
        ("myntr.in", "myntra"),
        ("myntr.it", "myntra"),  # (the older short-link domain, unchanged)
    ],
)
def test_official_hosts(reg, host, brand_id):
    b = reg.is_official(host)
    assert b is not None and b.id == brand_id
    assert reg.match_host(host) is None


@pytest.mark.parametrize(
    "host",
    ["boots.com.verify-points.top", "superdrug.com.evil.info", "myntr.in.kyc-update.xyz", "superdrug-rewards.com",
     "boots-rewards.top", "myntr-in.top", "notboots.com", "mysuperdrug.com", "myntr.info"],
)
def test_lookalikes_are_not_official(reg, host):
    assert reg.is_official(host) is None


@pytest.mark.parametrize(
    ("host", "brand_id"),
    [
        ("superdrug-rewards.com", "superdrug"),   # distinctive name: the brand with a lure word
        ("superdrug-points.xyz", "superdrug"),
        ("boots-rewards.top", "boots"),           # weak keyword next to a lure word
        ("myntr-in.top", "myntra"),               # the short-link domain spelt into a label
    ],
)
def test_lookalikes_name_the_brand(reg, host, brand_id):
    m = reg.match_host(host)
    assert m is not None and m.brand.id == brand_id


@pytest.mark.parametrize("host", ["bootsandshoes.com", "hiking-boots.com", "mybootsstore.com", "boots-points.top"])
def test_boots_alone_is_an_ordinary_word(reg, host):
    m = reg.match_host(host)
    assert m is None or m.brand.id != "boots"


def test_app_deep_link_hosts_are_not_registry_domains(reg):
    # App-attribution hosts (swiggy.onelink.me, airtel.app.link, vi.app.link) are not listed as official domains: the
    # SMS analyser trusts such an account label only from the brand's registered header (engine/sms.py)
    for host in ("vi.app.link", "airtel.app.link", "swiggy.onelink.me", "app.link", "onelink.me"):
        assert reg.is_official(host) is None, host


@pytest.mark.parametrize(
    ("url", "official"),
    [
        ("https://www.boots.com/advantage-card", True),
        ("https://superdrug.com/", True),
        ("https://myntr.in/AbC12", True),
        ("https://superdrug-rewards.com/claim", False),
        ("https://myntr-in.top/AbC12", False),
    ],
)
def test_url_analyser_sees_the_official_domain(url, official):
    a = analyze_url(url)
    codes = {s.code for s in a.signals}
    assert ("official_domain" in codes) is official
    if official:
        assert a.risk_score == 0
    else:
        assert a.risk_score >= 50

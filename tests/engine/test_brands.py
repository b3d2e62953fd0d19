"""Brand registry: official domains, look-alike techniques, UPI handles and VPAs."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from scamshield.engine.brands import default_registry


@pytest.fixture(scope="module")
def reg():
    return default_registry()


def test_registry_size_and_shape(reg):
    assert len(reg) >= 300
    data = json.loads(resources.files("scamshield.engine").joinpath("data/brands.json").read_text("utf-8"))
    ids = [b["id"] for b in data["brands"]]
    assert len(ids) == len(set(ids))
    for b in data["brands"]:
        assert b["name"] and b["category"]
        for d in b["domains"]:
            assert d == d.lower() and " " not in d and not d.startswith(("http", "www."))


def test_default_registry_is_a_singleton(reg):
    assert default_registry() is reg


@pytest.mark.parametrize(
    ("host", "brand_id"),
    [
        ("accounts.google.com", "google"),
        ("pay.google.com", "google"),
        ("paytmbank.com", "paytm"),
        ("paytm.com", "paytm"),
        ("sbicard.com", "sbicard"),
        ("retail.onlinesbi.sbi", "sbi"),
        ("www.microsoft.com", "microsoft"),
        ("login.microsoftonline.com", "microsoft"),
        ("t.co", "twitter"),
        ("www.amazon.in", "amazon"),
        ("www.flipkart.com", "flipkart"),
        ("incometax.gov.in", "incometax"),
        ("WWW.HDFCBANK.COM.", "hdfcbank"),
        # the Indian brands' own secondary domains, short links and the RBI '.bank.in' domains
        ("portal.bsnl.in", "bsnl"),
        ("selfcare.bsnl.co.in", "bsnl"),
        ("ekart.in", "ekart"),
        ("www.ekartlogistics.com", "ekart"),
        ("dl.flipkart.net", "flipkart"),
        ("fkrt.it", "flipkart"),
        ("myntr.it", "myntra"),
        ("zoma.to", "zomato"),
        ("p.paytm.me", "paytm"),
        ("sbi.bank.in", "sbi"),
        ("bank.sbi", "sbi"),
        ("www.hdfc.bank.in", "hdfcbank"),
        ("icici.bank.in", "icicibank"),
        ("amzn.in", "amazon"),
        ("a.co", "amazon"),
        ("www.irctc.co.in", "irctc"),
        ("myaadhaar.uidai.gov.in", "uidai"),
        ("unifiedportal-mem.epfindia.gov.in", "epfo"),
        ("www.npci.org.in", "npci"),
        ("www.phonepe.com", "phonepe"),
        ("www.airtel.in", "airtel"),
        ("www.jio.com", "jio"),
    ],
)
def test_official_domains_and_subdomains(reg, host, brand_id):
    b = reg.is_official(host)
    assert b is not None and b.id == brand_id
    assert reg.match_host(host) is None


@pytest.mark.parametrize("host", ["evilpaytm.com", "paytm.com.evil.info", "microsoft.com.co", "notgoogle.com", "t.co.example",
                                  # a sibling under a shared suffix is not the brand ('paytm.me' is not 'p.paytm.me')
                                  "paytm.me", "x.paytm.me", "sbi-kyc.bank.in.evil.com", "bsnl.in.kyc-update.xyz"])
def test_official_is_never_a_substring_match(reg, host):
    assert reg.is_official(host) is None


@pytest.mark.parametrize(
    ("host", "brand_id", "techniques"),
    [
        ("paytim.com", "paytm", {"insertion"}),
        ("pytm.com", "paytm", {"omission"}),
        ("payrm.com", "paytm", {"substitution"}),
        ("patym.com", "paytm", {"transposition"}),
        ("phone-pe.com", "phonepe", {"hyphenation"}),
        ("googlepey.com", "googlepay", {"substitution"}),
        ("amazinpay.com", "amazonpay", {"substitution"}),
        ("amaz0n.com", "amazon", {"digit_swap"}),
        ("paypa1.com", "paypal", {"digit_swap"}),
        ("rnicrosoft.com", "microsoft", {"homoglyph"}),
        ("lnstagram.com", "instagram", {"homoglyph"}),
        ("pаytm.com", "paytm", {"homograph"}),
        ("gооgle.com", "google", {"homograph"}),
        ("xn--pypal-4ve.com", "paypal", {"homograph"}),
        ("paytm.xyz", "paytm", {"tld_swap"}),
        ("sbi-secure.co.in", "sbi", {"brand_with_lure"}),
        ("sbi-kyc-verify.com", "sbi", {"brand_with_lure"}),
        ("hdfcnetbanking.com", "hdfcbank", {"brand_with_lure"}),
        ("paytmkycupdate.in", "paytm", {"brand_with_lure"}),
        ("paytm.com.account-verify.info", "paytm", {"brand_domain_in_subdomain"}),
        ("www.amazon.co.jp.zoan.shop", "amazon", {"brand_domain_in_subdomain"}),
        ("grp02-id-rakuten-co-jp.com", "rakuten", {"brand_domain_in_label"}),
        ("paypal.secure-login-check.net", "paypal", {"brand_in_subdomain"}),
    ],
)
def test_lookalikes(reg, host, brand_id, techniques):
    m = reg.match_host(host)
    assert m is not None, host
    assert m.brand.id == brand_id
    assert m.technique in techniques
    ev = m.evidence()
    assert ev["brand"] == m.brand.name and ev["technique"] == m.technique


@pytest.mark.parametrize(
    "host",
    ["münchen.de", "example.com", "wikipedia.org", "google.de", "amazon.co.uk", "sbi.bank.in", "uidai-update.gov.in",
     "bankofbaroda.in", "192.168.1.1", "github.io", "hdfc.bank.in", "shopping.com", "news.ycombinator.com"],
)
def test_unrelated_or_legitimate_hosts_do_not_match(reg, host):
    assert reg.match_host(host) is None


def test_hostile_host_is_bounded(reg):
    assert reg.match_host("a" * 100_000 + ".com") is None
    m = reg.match_host(".".join(["paypal-login"] * 200) + ".com")  # capped to 253 chars, still PayPal + lure
    assert m is not None and m.brand.id == "paypal"


@pytest.mark.parametrize(
    ("vpa", "brand_id", "technique"),
    [
        ("sbi-refund@ybl", "sbi", "vpa_brand_lure"),
        ("paytm.care@axl", "paytm", "vpa_brand_lure"),
        ("hdfccustomercare@ybl", "hdfcbank", "vpa_brand_lure"),
        ("paytmkyc@axl", "paytm", "vpa_brand_lure"),
        ("amazon@ybl", "amazon", "vpa_brand_name"),
        ("someone@okhdfcbnk", "googlepay", "handle_lookalike"),
    ],
)
def test_vpa_imitations(reg, vpa, brand_id, technique):
    m = reg.match_vpa(vpa)
    assert m is not None and m.brand.id == brand_id and m.technique == technique


@pytest.mark.parametrize("vpa", ["ramesh123@okicici", "merchant@hdfcbank", "9876543210@paytm", "priya.sharma@oksbi", "not-a-vpa", ""])
def test_ordinary_vpas_do_not_match(reg, vpa):
    assert reg.match_vpa(vpa) is None


def test_official_upi_handles(reg):
    handles = reg.official_upi_handles
    assert len(handles) >= 80
    for h in ["okhdfcbank", "okicici", "okaxis", "oksbi", "ybl", "ibl", "axl", "paytm", "upi", "apl", "yapl", "waaxis",
              "wahdfcbank", "wasbi", "icici", "hdfcbank", "sbi", "axisbank", "kotak"]:
        assert h in handles
    assert "weird" not in handles and "gmail.com" not in handles
    assert reg.is_official_handle("@YBL")


# Often-phished brands added for recent feeds (issue 5): official hosts stay official, look-alikes are named.
@pytest.mark.parametrize(
    ("host", "official", "imitated"),
    [
        ("suite.trezor.io", "trezor", None),
        ("app.uniswap.org", "uniswap", None),
        ("secure.runescape.com", "jagex", None),
        ("www.labanquepostale.fr", "labanquepostale", None),
        ("www.sunpass.com", "sunpass", None),
        ("trezor-suite-update.com", None, "trezor"),
        ("uniswap-airdrop-claim.xyz", None, "uniswap"),
        ("runescape-login.net", None, "jagex"),
        ("ledger-live-sync.netlify.app", None, "ledger"),
        ("sunpass-toll-invoice.com", None, "sunpass"),
        # hosting services' own names are never look-alikes (csb.app is CodeSandbox, not CSB Bank)
        ("779zt.csb.app", None, None),
        ("my-portfolio.netlify.app", None, None),
    ],
)
def test_recent_phishing_targets(reg, host, official, imitated):
    b = reg.is_official(host)
    assert (b.id if b else None) == official
    m = reg.match_host(host)
    assert (m.brand.id if m else None) == imitated, m and m.evidence()


def test_long_token_candidates_equal_a_scan_of_every_length_bucket():
    """The character-set prefilter never drops a token within OSA distance 2: same first-nearest token per length as
    rapidfuzz's extractOne over each bucket, on random edits of the registry's own long tokens."""
    import random

    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    reg = default_registry()
    rnd = random.Random(11)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-é"
    checked = 0
    for _ in range(3000):
        chars = list(rnd.choice(reg._long_tokens))
        for _ in range(rnd.randint(0, 3)):
            i, op = rnd.randrange(len(chars)), rnd.randint(0, 3)
            if op == 0:
                chars[i] = rnd.choice(alphabet)
            elif op == 1 and len(chars) > 1:
                del chars[i]
            elif op == 2:
                chars.insert(i, rnd.choice(alphabet))
            elif i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
        s = "".join(chars)
        if len(s) < 7:
            continue
        expected = []
        for m in range(max(9, len(s) - 2), len(s) + 3):
            bucket = reg._long_buckets.get(m)
            hit = process.extractOne(s, bucket, scorer=OSA.distance, score_cutoff=2) if bucket else None
            if hit is not None:
                expected.append(hit[0])
        assert reg._nearest_long_tokens(s) == expected, s
        checked += bool(expected)
    assert checked > 1000  # most edits stay within distance 2 of their token


# A registered-domain label of a whole brand token and a hyphenated country code or region / app / pay word: a
# brand look-alike ('myntra-it.top' scored only its TLD before). Codes count only in the registered label, only next
# to a whole brand token, and only real ISO 3166 regions.
@pytest.mark.parametrize(
    ("host", "brand_id"),
    [("myntra-fr.top", "myntra"), ("fr-myntra.top", "myntra"), ("paytm-de.xyz", "paytm"), ("flipkart-ae.shop", "flipkart"),
     ("myntra-in.top", "myntra"), ("myntra-india.top", "myntra"), ("myntra-app.top", "myntra"), ("myntra-pay.top", "myntra"),
     # word-like codes ('it', 'io', 'me') count on TLDs that url_lists.json scores as abused: no product is named so
     ("myntra-it.top", "myntra"), ("zomato-io.xyz", "zomato"), ("jio-me.icu", "jio")],
)
def test_brand_with_region_suffix(reg, host, brand_id):
    m = reg.match_host(host)
    assert m is not None, host
    assert (m.brand.id, m.technique) == (brand_id, "brand_compound")
    assert m.lure_words


@pytest.mark.parametrize(
    ("host", "technique"),
    [("myntra.com", None),                      # official
     ("myntra-xq.top", None),                   # 'xq' is no country code
     ("tiktokcdn-eu.com", "edit_distance"),     # 'eu' is not a country: unchanged
     ("app-sicredi-br.wpdevcloud.com", "brand_in_subdomain"),  # in a subdomain the stronger subdomain match stays
     ("de-it.com", None), ("go-it.org", None),  # codes alone are no brand
     # codes that are also words / tech suffixes: a product or word next to the brand, not a region lure
     ("hdfc-ai.com", None), ("zomato-io.com", None), ("jio-me.com", None), ("myntra-tv.com", None),
     ("myntra-it.com", None), ("swiggy-hi.com", None)],
)
def test_region_code_rule_is_bounded(reg, host, technique):
    if host == "myntra.com":
        assert reg.is_official(host) is not None
        return
    m = reg.match_host(host)
    assert (m.technique if m is not None else None) == technique


@pytest.mark.parametrize(("token", "is_code"), [
    ("de", True), ("fr", True), ("ae", True), ("br", True),
    ("ai", False), ("io", False), ("tv", False), ("me", False), ("co", False), ("go", False), ("it", False),
    ("is", False), ("xq", False), ("eu", False), ("deu", False),
])
def test_country_code_tokens(token, is_code):
    from scamshield.engine.brands import _is_country_code

    assert _is_country_code(token) is is_code
    assert _is_country_code(token, words_too=True) is (is_code or token in ("ai", "io", "tv", "me", "co", "it",
                                                                            "is"))


# a brand's own lure words ('lures' in brands.json) count next to that brand even when they are no general lure
# word; next to another brand they stay ordinary words. A kit's 'z' plural reads as the plural.
@pytest.mark.parametrize(("host", "brand_id", "lure"), [
    ("ezpass-unpaid.top", "ezdrivema", "unpaid"),
    ("txtag-unpaid-notice.com", "txtag", "unpaid"),
    ("hdfc-pointz.com", "hdfcbank", "points"),
    ("phonepe-rewardz.com", "phonepe", "rewards"),
    ("paytm-unpaid.com", None, None),  # 'unpaid' is a toll brand's lure, not Paytm's
    ("sunpass-news.com", None, None),
    ("sbi-blitz.in", None, None),  # a word ending in z that is no lure plural
])
def test_brand_own_lure_words_and_z_plurals(reg, host, brand_id, lure):
    m = reg.match_host(host)
    if brand_id is None:
        assert m is None or m.technique != "brand_with_lure"
    else:
        assert m is not None and m.brand.id == brand_id and m.technique == "brand_with_lure"
        assert lure in m.lure_words


# lure words shared by every brand of a kind (url_lists.json category_lures): delivery words in the languages of the
# countries couriers serve, tax / fine words for tax offices; regional brands phished in 2024-2026 kits
@pytest.mark.parametrize(("host", "brand_id"), [
    ("colissimo-livraison-frais.com", "laposte"),
    ("postnl-bezorging-kosten.net", "postnl"),
    ("inpost-paczka.online", "inpost"),
    ("dhl-zustellung.info", "dhl"),
    ("ctt-encomendas-pt.com", "ctt"),
    ("irs-overdue-notice.com", "irs"),
    ("mpesa-reversal-ke.com", "mpesa"),
    ("sparkasse-pushtan.online", "sparkasse"),
    ("maybank2u-secure-login.com", "maybank"),
    ("gcash-verify-account.com", "gcash"),
    ("banorte-seguridad.com", "banorte"),
    ("klikbca-verifikasi-akun.com", "bca"),
    ("paytm-colis.com", None),  # a courier word next to a payment app
    ("sparkasse-koelnbonn.de", None),  # a savings bank's region name is no lure
    ("inpost-paczkomaty.pl", None),
    ("colis-express-blog.com", None),
])
def test_category_lure_words_and_regional_brands(reg, host, brand_id):
    m = reg.match_host(host)
    if brand_id is None:
        assert m is None or m.technique != "brand_with_lure"
    else:
        assert m is not None and m.brand.id == brand_id and m.technique == "brand_with_lure"


@pytest.mark.parametrize("host", ["www.gcash.com", "www.maybank2u.com.my", "www.sparkasse.de", "inpost.pl",
                                  "www.ctt.pt", "www.banorte.com", "www.klikbca.com", "www.bankmandiri.co.id"])
def test_regional_brands_official_hosts(reg, host):
    assert reg.is_official(host) is not None and reg.match_host(host) is None

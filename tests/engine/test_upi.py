"""UPI deep links / QR: NPCI linking-spec parsing and risk analysis."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scamshield.engine.upi import MODE_MEANINGS, analyze_qr, is_mobile_vpa, parse_upi
from scamshield.errors import InvalidInput

FLAGGED = [
    # issue 2 §4 (must hold)
    "upi://collect?pa=fraudster@ybl&am=10000",
    "upi://pay?pa=9876543210@paytm&pn=Refund%20Dept&am=15000&tn=Scan%20to%20receive%20refund",
    # more lures
    "upi://pay?pa=7654321098@ybl&pn=KBC%20Lottery%20Office&am=9999&tn=Pay%20tax%20to%20claim%20prize",
    "upi://pay?pa=someone@okaxis&pn=Buyer&am=5000&tn=Enter%20UPI%20PIN%20to%20receive%20payment",
    "upi://pay?pa=someone@okaxis&pn=Buyer&am=2000&tn=Scan+and+receive+money",
    "upi://mandate?pa=9876501234@ybl&pn=Cashback%20Team&am=4999&tn=Cashback%20reward",
    "upi://pay?pa=good@okicici&pa=thief@ybl&pn=Shop&am=100",
    "upi://pay?pa=sbi.refund@ybl&pn=SBI%20Refund&am=5000",
    "upi://pay?pa=9876543210@paytm&pn=Customer%20Care&am=abc&tn=KYC%20update",
    "UPI://COLLECT?PA=Fraud@YBL&AM=2000",
]

SAFE = [
    # issue 2 §4 (must hold)
    "upi://pay?pa=ramesh123@okicici&pn=Ramesh%20Kumar&cu=INR",
    "upi://pay?pa=merchant@hdfcbank&pn=City%20Mart&mc=5411&tr=TXN77&am=120.00&cu=INR&mode=02",
    # more genuine payment QRs
    "upi://pay?pa=9876543210@ybl&pn=Suresh%20Tea%20Stall&cu=INR",
    "upi://pay?pa=paytmqr281005050101abcd@paytm&pn=Paytm%20Merchant&mc=5812&mode=15&tr=ORD123&am=250&cu=INR",
    "upi://pay?pa=bharatpe.9012345678@fbpe&pn=Gupta%20Kirana&cu=INR&tn=Pay%20to%20Gupta%20Kirana",
    "upi://pay?pa=rent.owner@oksbi&pn=Anita%20Sharma&am=18000.00&cu=INR&tn=June%20rent",
    "upi:pay?pa=canteen@icici&pn=Office%20Canteen&am=80",
]


@pytest.mark.parametrize("qr", FLAGGED, ids=lambda v: v[:60])
def test_flagged(qr: str) -> None:
    a = analyze_qr(qr)
    assert a.kind == "qr"
    assert not a.is_safe, (a.risk_score, [s.as_dict() for s in a.signals])
    assert a.risk_score <= 100
    assert a.extracted["qr_type"].startswith("upi_")


@pytest.mark.parametrize("qr", SAFE, ids=lambda v: v[:60])
def test_safe(qr: str) -> None:
    a = analyze_qr(qr)
    assert a.is_safe, (a.risk_score, [s.as_dict() for s in a.signals])


def test_mode_is_initiation_mode_not_collect() -> None:
    a = analyze_qr("upi://pay?pa=merchant@hdfcbank&pn=City%20Mart&mc=5411&tr=TXN77&am=120.00&cu=INR&mode=02")
    upi = a.extracted["upi"]
    assert a.extracted["qr_type"] == "upi_pay"
    assert upi["mode"] == "02" and upi["mode_meaning"] == "secure QR"
    assert "upi_collect_request" not in {s.code for s in a.signals}
    assert all("collect" not in m.casefold() for m in MODE_MEANINGS.values())


def test_parsed_fields() -> None:
    i = parse_upi("UPI://Pay?PA=Shop@OKAXIS&PN=Big+Bazaar%20Store&AM=1,250.50&CU=inr&TN=bill%2042&tr=R1&mc=5411"
                  "&tid=T9&purpose=00&orgid=159761&sign=abc&url=https%3A%2F%2Fshop.example%2Fo%2F1&ver=01")
    assert i.action == "pay" and i.qr_type == "upi_pay"
    assert i.payee_vpa == "shop@okaxis"
    assert i.payee_name == "Big Bazaar Store"
    assert i.amount == Decimal("1250.50")
    assert i.currency == "INR"
    assert i.note == "bill 42"
    assert (i.transaction_ref, i.transaction_id, i.merchant_code) == ("R1", "T9", "5411")
    assert i.signed and i.org_id == "159761" and i.ref_url == "https://shop.example/o/1"
    assert i.params["ver"] == "01"
    assert not i.anomalies
    d = i.as_dict()
    assert d["amount"] == "1250.50" and d["payee_vpa"] == "shop@okaxis"


@pytest.mark.parametrize("link,anomaly", [
    ("upi://pay?pa=a@ybl&am=abc", "amount_not_numeric:am"),
    ("upi://pay?pa=a@ybl&am=-50", "amount_negative:am"),
    ("upi://pay?pa=a@ybl&am=10.555", "amount_too_many_decimals:am"),
    ("upi://pay?pa=a@ybl&am=NaN", "amount_not_numeric:am"),
    ("upi://pay?pa=a@ybl&am=inf", "amount_not_numeric:am"),
    ("upi://pay?pa=a@ybl&am=50&mam=100", "amount_below_minimum"),
    ("upi://pay?pa=a@ybl&cu=USD", "currency_not_inr"),
    ("upi://pay?pa=a@ybl&mode=99", "unknown_mode"),
    ("upi://pay?pa=a@ybl&pa=b@ybl", "duplicate_param_conflict:pa"),
    ("upi://pay?pa=a@ybl&pn=X&pn=X", "duplicate_param:pn"),
    ("upi://pay?pa=a@ybl&garbage", "malformed_param:garbage"),
    ("upi://pay?pa=a@ybl&pn=%ZZbad", "malformed_percent_encoding:pn"),
    ("upi://pay?pa=a@ybl&pn=%FF%FE", "invalid_utf8:pn"),
    ("upi://pay?pa=not-a-vpa", "invalid_vpa"),
    ("upi://pay?pa=a@ybl&" + "&".join(f"x{i}=1" for i in range(100)), "too_many_params"),
], ids=lambda v: v[:40] if isinstance(v, str) else None)
def test_anomalies_recorded(link: str, anomaly: str) -> None:
    i = parse_upi(link)
    assert anomaly in i.anomalies
    a = analyze_qr(link)  # never crashes, always a bounded score
    assert 0 <= a.risk_score <= 100


@pytest.mark.parametrize("link", [
    "upi://pay?pa=a@ybl&pa=b@ybl&am=100",
    "upi://pay?pa=a@ybl&am=12abc",
    "upi://pay?pa=a@ybl&am=1000001",
])
def test_amount_and_param_oddities_raise_score(link: str) -> None:
    baseline = analyze_qr("upi://pay?pa=a@ybl&am=100").risk_score
    assert analyze_qr(link).risk_score > baseline


@pytest.mark.parametrize("bad", [
    "", "   ", "http://x", "upi://", "upi://pay", "upi://pay?pn=NoPayee", "upi://send?pa=a@ybl",
    "upi://pay?pa=a@ybl&tn=" + "x" * 5000,
    "upi://pay?pa=a@ybl&" + "&".join(f"x{i}=1" for i in range(5000)),
], ids=lambda v: v[:40])
def test_parse_rejects(bad: str) -> None:
    with pytest.raises(InvalidInput):
        parse_upi(bad)


@pytest.mark.parametrize("bad", [None, 5, "", "  \u200b "])
def test_analyze_qr_rejects(bad) -> None:
    with pytest.raises(InvalidInput):
        analyze_qr(bad)


def test_unknown_handle_and_mobile_official_name() -> None:
    a = analyze_qr("upi://pay?pa=9876543210@weirdpsp&pn=RBI%20Helpdesk")
    codes = {s.code for s in a.signals}
    assert {"unknown_psp_handle", "mobile_vpa_official_name"} <= codes
    assert is_mobile_vpa("9876543210@ybl") and is_mobile_vpa("+919876543210@ybl") and not is_mobile_vpa("ram@ybl")


def test_brand_lookalike_vpa() -> None:
    a = analyze_qr("upi://pay?pa=sbi.refund@ybl&pn=SBI%20Refund")
    sig = [s for s in a.signals if s.code == "vpa_imitates_brand"]
    assert sig and sig[0].evidence.get("brand")


def test_url_qr_is_analysed_as_url() -> None:
    a = analyze_qr("https://www.flipkart.com/cart")
    assert a.kind == "qr" and a.extracted["qr_type"] == "url"
    assert a.is_safe


def test_text_qr_is_analysed_as_text() -> None:
    a = analyze_qr("Install AnyDesk and share the code to get your KBC lottery prize")
    assert a.extracted["qr_type"] == "text"
    assert not a.is_safe
    assert analyze_qr("WIFI:S:HomeNet;T:WPA;P:secret;;").is_safe

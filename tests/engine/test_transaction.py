"""Stateless payment analysis: amount bands, payee VPA shape/handle, name mismatch, note pressure, device state."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scamshield.engine.transaction import TransactionInput, analyze_transaction, device_signals, parse_amount
from scamshield.engine.types import Signal
from scamshield.errors import InvalidInput


def tx(amount, upi="ramesh.kumar@okicici", name="Ramesh Kumar", note=None, app="GPay") -> TransactionInput:
    return TransactionInput(amount=amount, recipient_upi=upi, recipient_name=name, transaction_note=note, app_name=app)


FLAGGED = [
    # issue 2 §4 (must hold)
    (tx(60000, "9876543210@weird", None, "urgent help"), None),
    (tx(25000, "9123456780@ybl", "Refund Department", "refund processing"), None),
    (tx(15000, "shop@okaxis", "Shop", "KYC update fee"), {"screen_sharing_active": True}),
    (tx(49999, "x7k2q9z1m3@ybl", None, "pay now or account will be blocked"), None),
    (tx(8000, "helpdesk@ptyes", "Electricity Board", "bijli connection kaat diya jayega, turant payment"), None),
    (tx(200000, "invest.club@okhdfcbank", "Invest Club", "guaranteed returns"), {"recent_sim_change": True}),
    (tx(12000, "priya@oksbi", "Priya", "processing fee to claim lottery prize"), None),
]

SAFE = [
    (tx(250, "ramesh.kumar@okicici", "Ramesh Kumar", "dinner"), None),
    (tx(1200, "9876543210@ybl", "Suresh", "milk bill"), None),
    (tx(18000, "anita.sharma@oksbi", "Anita Sharma", "June rent"), None),
    (tx(Decimal("499.00"), "netflix@hdfcbank", "Netflix", None), None),
    (tx(60000, "landlord.verma@okaxis", "R K Verma", "deposit"), {"new_device": False}),
]


@pytest.mark.parametrize("t,device", FLAGGED)
def test_flagged(t: TransactionInput, device) -> None:
    a = analyze_transaction(t, device_info=device)
    assert a.kind == "transaction"
    assert not a.is_safe, (a.risk_score, [s.as_dict() for s in a.signals])
    assert a.risk_score <= 100
    assert a.recommendations


@pytest.mark.parametrize("t,device", SAFE)
def test_safe(t: TransactionInput, device) -> None:
    a = analyze_transaction(t, device_info=device)
    assert a.is_safe, (a.risk_score, [s.as_dict() for s in a.signals])


def test_must_hold_signals() -> None:
    a = analyze_transaction(tx(60000, "9876543210@weird", None, "urgent help"))
    codes = {s.code for s in a.signals}
    assert {"high_amount", "mobile_number_vpa", "unknown_psp_handle", "urgency"} <= codes
    assert 50 <= a.risk_score <= 100


@pytest.mark.parametrize("amount,weight", [(500, None), (10000, 10), (50000, 20), (100000, 25), (600000, 35)])
def test_amount_bands(amount, weight) -> None:
    a = analyze_transaction(tx(amount))
    got = [s.weight for s in a.signals if s.code == "high_amount"]
    assert got == ([] if weight is None else [weight])


@pytest.mark.parametrize("bad", ["NaN", "nan", "inf", "-Infinity", Decimal("NaN"), float("inf"), -1, "-0.01",
                                 "1e10", 10**12, "abc", "", None, True])
def test_invalid_amounts(bad) -> None:
    with pytest.raises(InvalidInput):
        tx(bad)


def test_parse_amount_accepts_strings_and_decimals() -> None:
    assert parse_amount("1,250.50") == Decimal("1250.50")
    assert parse_amount(Decimal("0")) == Decimal("0")
    assert parse_amount(1000000000) == Decimal("1000000000")


@pytest.mark.parametrize("upi", ["", "   ", None, "x" * 300])
def test_invalid_recipient(upi) -> None:
    with pytest.raises(InvalidInput):
        TransactionInput(amount=Decimal(10), recipient_upi=upi)  # type: ignore[arg-type]


def test_malformed_vpa_is_a_signal() -> None:
    a = analyze_transaction(tx(100, "not a vpa"))
    assert "malformed_vpa" in {s.code for s in a.signals}


def test_name_mismatch() -> None:
    a = analyze_transaction(tx(3000, "ramesh.kumar@okaxis", "Global Traders Pvt Ltd"))
    assert "payee_name_mismatch" in {s.code for s in a.signals}
    b = analyze_transaction(tx(3000, "ramesh.kumar@okaxis", "RAMESH KUMAR"))
    assert "payee_name_mismatch" not in {s.code for s in b.signals}


def test_random_handle_and_official_name() -> None:
    assert "random_looking_vpa" in {s.code for s in analyze_transaction(tx(100, "a8x7k2q9z1@ybl", None)).signals}
    assert "random_looking_vpa" not in {s.code for s in analyze_transaction(tx(100, "priya.sharma@ybl", None)).signals}
    a = analyze_transaction(tx(100, "9876543210@ybl", "SBI Customer Care"))
    assert "mobile_vpa_official_name" in {s.code for s in a.signals}


def test_brand_lookalike_vpa() -> None:
    a = analyze_transaction(tx(5000, "paytm.care.refund@ybl", "Paytm"))
    assert "vpa_imitates_brand" in {s.code for s in a.signals}


@pytest.mark.parametrize("info,code", [
    ({"screen_sharing_active": True}, "screen_sharing_active"),
    ({"remote_access_app_running": "true"}, "screen_sharing_active"),
    ({"remote_access_apps": ["AnyDesk"]}, "screen_sharing_active"),
    ({"new_device": 1}, "new_device"),
    ({"recent_sim_change": True}, "recent_sim_change"),
    ({"sim_change_days": 2}, "recent_sim_change"),
])
def test_device_signals(info, code) -> None:
    assert code in {s.code for s in device_signals(info)}


@pytest.mark.parametrize("info", [{}, {"screen_sharing_active": False}, {"new_device": "no"}, {"sim_change_days": 30}])
def test_device_signals_quiet(info) -> None:
    assert device_signals(info) == []


def test_device_info_type_checked() -> None:
    with pytest.raises(InvalidInput):
        analyze_transaction(tx(100), device_info="screen")  # type: ignore[arg-type]


def test_extra_signals_are_combined() -> None:
    base = analyze_transaction(tx(2000))
    extra = Signal("active_suspicious_call", 40, "Paying during a suspicious call", {"call": "c1"}, "GENERIC_SCAM")
    a = analyze_transaction(tx(2000), extra_signals=[extra])
    assert a.risk_score == base.risk_score + 40
    assert "active_suspicious_call" in {s.code for s in a.signals}


def test_everything_at_once_is_capped() -> None:
    a = analyze_transaction(tx(900000, "9876543210@weird", "RBI Refund Dept", "urgent! account will be blocked, "
                               "share OTP, digital arrest"),
                            device_info={"screen_sharing_active": True, "new_device": True, "recent_sim_change": True})
    assert a.risk_score == 100 and a.risk_level == "critical"

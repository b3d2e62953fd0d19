"""History-, call- and community-aware payment signals: table-driven."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal as D

import pytest

from scamshield.engine.payee_history import (
    FlaggedCall,
    PayeeHistory,
    PaymentContext,
    UserPaymentStats,
    assess_payment,
    check_amount,
    community_signal,
    feedback_signal,
    mad,
    median,
)
from scamshield.engine.types import combine

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
VPA = "shop@okicici"


def known(count=5, amounts=("500", "520", "480", "510", "495"), **kw) -> PayeeHistory:
    values = tuple(D(a) for a in amounts)
    return PayeeHistory(vpa=VPA, transaction_count=count, total_amount=sum(values, D(0)),
                        max_amount=max(values), first_transaction_at=NOW - timedelta(days=60),
                        last_transaction_at=NOW - timedelta(days=2), recent_amounts=values, **kw)


def overall(*amounts: str, **kw) -> UserPaymentStats:
    values = tuple(D(a) for a in amounts)
    return UserPaymentStats(completed_count=len(values), recent_amounts=values, **kw)


USUAL = overall("300", "450", "500", "800", "1200", "650", "700")


def codes(ctx: PaymentContext) -> dict[str, float]:
    return {s.code: s.weight for s in assess_payment(ctx).signals}


@pytest.mark.parametrize(
    "name,ctx,present,absent",
    [
        ("new payee, small amount, no history",
         PaymentContext(VPA, D("150"), NOW), {"new_payee": 8}, {"first_large_payment_new_payee", "amount_anomaly"}),
        ("new payee, medium amount",
         PaymentContext(VPA, D("2500"), NOW), {"new_payee": 12}, {"first_large_payment_new_payee"}),
        ("new payee, large amount, no history: absolute threshold",
         PaymentContext(VPA, D("15000"), NOW), {"new_payee": 15, "first_large_payment_new_payee": 20}, set()),
        ("new payee, large relative to a modest history",
         PaymentContext(VPA, D("6000"), NOW, stats=USUAL), {"new_payee": 12, "first_large_payment_new_payee": 20},
         {"amount_anomaly"}),
        ("new payee, usual amount for a big spender is not 'large'",
         PaymentContext(VPA, D("12000"), NOW, stats=overall(*["10000"] * 6)), {"new_payee": 15},
         {"first_large_payment_new_payee"}),
        ("new payee, unknown amount (static QR)",
         PaymentContext(VPA, None, NOW), {"new_payee": 8}, {"first_large_payment_new_payee", "amount_anomaly"}),
        ("known payee, usual amount lowers risk",
         PaymentContext(VPA, D("505"), NOW, payee=known(), stats=USUAL), {"known_payee": -10},
         {"new_payee", "amount_anomaly"}),
        ("known payee, 20x the usual amount: payee and overall anomaly",
         PaymentContext(VPA, D("10000"), NOW, payee=known(), stats=USUAL), {"amount_anomaly": 25},
         {"known_payee", "new_payee"}),
        ("known payee, anomaly for the payee only",
         PaymentContext(VPA, D("2000"), NOW, payee=known(), stats=overall("2000", "2500", "1800", "3000", "2200")),
         {"amount_anomaly": 20}, {"known_payee"}),
        ("identical past amounts (MAD 0) do not divide by zero",
         PaymentContext(VPA, D("5000"), NOW, payee=known(amounts=("500",) * 5)), {"amount_anomaly": 20}, {"known_payee"}),
        ("too little payee history: no payee baseline",
         PaymentContext(VPA, D("5000"), NOW, payee=known(count=2, amounts=("500", "500"))), {},
         {"amount_anomaly", "known_payee", "new_payee"}),
        ("a small rise is not an anomaly",
         PaymentContext(VPA, D("600"), NOW, payee=known(amounts=("500",) * 5)), {"known_payee": -10},
         {"amount_anomaly"}),
        ("trusted payee",
         PaymentContext(VPA, D("505"), NOW, payee=known(is_trusted=True)), {"trusted_payee": -20}, {"known_payee"}),
        ("trusted payee never seen paid: still new",
         PaymentContext(VPA, D("100"), NOW, payee=PayeeHistory(VPA, is_trusted=True)),
         {"trusted_payee": -20, "new_payee": 8}, set()),
        ("third new payee within a day",
         PaymentContext(VPA, D("100"), NOW, stats=overall(new_payees_last_day=2)), {"velocity_new_payees": 15}, set()),
        ("second new payee within a day is normal",
         PaymentContext(VPA, D("100"), NOW, stats=overall(new_payees_last_day=1)), {}, {"velocity_new_payees"}),
        ("velocity does not apply to a known payee",
         PaymentContext(VPA, D("505"), NOW, payee=known(), stats=overall(new_payees_last_day=5)), {},
         {"velocity_new_payees"}),
        ("rapid repeats to this payee",
         PaymentContext(VPA, D("505"), NOW, payee=known(payments_last_hour=2)), {"rapid_repeat_payments": 15}, set()),
        ("rapid payments overall",
         PaymentContext(VPA, D("100"), NOW, stats=overall(payments_last_hour=5)), {"rapid_repeat_payments": 15},
         set()),
    ],
)
def test_payment_signals(name, ctx, present, absent):
    got = codes(ctx)
    for code, weight in present.items():
        assert got.get(code) == weight, (name, got)
    for code in absent:
        assert code not in got, (name, got)


def call(status="live", flagged_ago=3, ended_ago=None, fraud_type="BANK_KYC_IMPERSONATION") -> FlaggedCall:
    return FlaggedCall("CA1", fraud_type, NOW - timedelta(minutes=flagged_ago), status,
                       None if ended_ago is None else NOW - timedelta(minutes=ended_ago))


@pytest.mark.parametrize(
    "flagged,weight,text",
    [
        (call("live", 3), 50, "you are on a call flagged as a KYC scam (flagged 3 minutes ago)"),
        (call("ended", 10, ended_ago=3), 40, "you were on a call flagged as a KYC scam 3 minutes ago"),
        (call("ended", 40, ended_ago=29, fraud_type="DIGITAL_ARREST"), 40, "a 'digital arrest' scam 29 minutes ago"),
        (call("ended", 10, ended_ago=0, fraud_type=None), 40, "a scam just now"),
        (call("ended", 50, ended_ago=31), None, None),
        (call("ended", 40, ended_ago=None), None, None),  # ended without a time: judged by flagged_at (40 min)
        (None, None, None),
    ],
)
def test_call_aware_signal(flagged, weight, text):
    findings = assess_payment(PaymentContext(VPA, D("5000"), NOW, call=flagged))
    got = [s for s in findings.signals if s.code == "active_suspicious_call"]
    if weight is None:
        assert got == [] and findings.recommendations == []
        return
    assert got[0].weight == weight
    assert text.lower() in findings.recommendations[0].lower()
    assert got[0].fraud_type  # always a taxonomy code


def test_call_raises_the_same_payment_sharply():
    base = PaymentContext(VPA, D("5000"), NOW)
    during = PaymentContext(VPA, D("5000"), NOW, call=call())
    assert combine(assess_payment(during).signals) - combine(assess_payment(base).signals) >= 40


@pytest.mark.parametrize(
    "values,med,dev",
    [(["1", "2", "3"], "2", "1"), (["1", "2", "3", "4"], "2.5", "1"), (["0.10", "0.20"], "0.15", "0.05"),
     (["100.10"] * 4, "100.10", "0.00")],
)
def test_median_mad_exact_decimals(values, med, dev):
    vals = [D(v) for v in values]
    assert median(vals) == D(med)
    assert mad(vals) == D(dev)


def test_check_amount_needs_minimum_history():
    assert check_amount(D("9999"), [D("1")] * 2, "payee", 3) is None
    assert check_amount(D("9999"), [D("100")] * 3, "payee", 3).anomalous


@pytest.mark.parametrize(
    "verdict,code,weight",
    [("fraud", "user_blocklist", 60), ("safe", "user_marked_safe", -30), ("unsure", None, None)],
)
def test_feedback_signal(verdict, code, weight):
    s = feedback_signal("upi_id", "x@ybl", verdict)
    assert (s.code, s.weight) == (code, weight) if code else s is None


@pytest.mark.parametrize(
    "reporters,minimum,official,weight",
    [(4, 5, False, None), (5, 5, False, 35), (15, 5, False, 45), (50, 5, True, None), (1, 1, False, 35),
     (3, 0, False, None)],
)
def test_community_signal(reporters, minimum, official, weight):
    s = community_signal("upi_id", "x@ybl", reporters, minimum, 30, official=official)
    assert (s.weight if s else None) == weight

"""Parsers and analysers never raise (other than the documented InvalidInput / InputTooLarge) and always return a
score in 0..100, whatever the input (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.properties.strategies import (
    DOCUMENTED,
    HOSTILE_AMOUNTS,
    PROPERTY_SETTINGS,
    amounts,
    any_text,
    check_assessment,
    engine,
    hostile_sms,
    hostile_upi,
    hostile_urls,
    opt_text,
    qr_payloads,
    run_guarded,
    senders,
    sms_text,
    upi_links,
    urls,
    vpas,
)


@PROPERTY_SETTINGS
@given(url=urls)
@example(url="https://pаytm.com")
@example(url="http://[::1")
@example(url="https://xn--/")
def test_analyze_url_never_raises_and_scores_in_range(url):
    a = run_guarded(engine("url").analyze_url, url)
    if a is not None:
        check_assessment(a)


@PROPERTY_SETTINGS
@given(url=urls)
def test_parse_url_never_raises_undocumented(url):
    p = run_guarded(engine("urlparse").parse_url, url)
    if p is not None:
        assert isinstance(p.host, str)


@PROPERTY_SETTINGS
@given(message=sms_text, sender=senders)
@example(message="I won't be home for dinner tonight", sender=None)
@example(message="\u202e\u200b", sender=None)
def test_analyze_sms_never_raises_and_scores_in_range(message, sender):
    a = run_guarded(engine("sms").analyze_sms, message, sender=sender)
    if a is not None:
        check_assessment(a)


@PROPERTY_SETTINGS
@given(message=any_text)
def test_analyze_sms_on_arbitrary_unicode(message):
    a = run_guarded(engine("sms").analyze_sms, message)
    if a is not None:
        check_assessment(a)


@PROPERTY_SETTINGS
@given(data=upi_links)
@example(data="upi://pay?pa=a@ybl&am=1e308")
@example(data="upi://pay?pa=a@ybl&am=-5&mode=02")
@example(data="upi://pay?pa=%ZZ")
def test_parse_upi_never_raises_undocumented(data):
    intent = run_guarded(engine("upi").parse_upi, data)
    if intent is not None:
        assert intent.payee_vpa, "a parsed intent always has a payee"
        if intent.amount is not None:
            assert intent.amount.is_finite()


@PROPERTY_SETTINGS
@given(data=qr_payloads)
@example(data="upi://collect?pa=fraudster@ybl&am=10000")
@example(data="upi://pay?pa=a@ybl&pa=b@ybl")
def test_analyze_qr_never_raises_and_scores_in_range(data):
    a = run_guarded(engine("upi").analyze_qr, data)
    if a is not None:
        check_assessment(a)
        assert "qr_type" in a.extracted


@PROPERTY_SETTINGS
@given(amount=amounts, vpa=vpas, name=opt_text, note=opt_text, app=opt_text)
@example(amount=Decimal("60000"), vpa="9876543210@weird", name=None, note="urgent help", app=None)
def test_analyze_transaction_never_raises_and_scores_in_range(amount, vpa, name, note, app):
    tx_mod = engine("transaction")
    try:
        tx = tx_mod.TransactionInput(amount=amount, recipient_upi=vpa, recipient_name=name, transaction_note=note,
                                     app_name=app)
    except DOCUMENTED:
        return
    assert tx.amount.is_finite() and tx.amount >= 0, "construction must refuse non-finite and negative amounts"
    a = run_guarded(tx_mod.analyze_transaction, tx)
    if a is not None:
        check_assessment(a)


@pytest.mark.parametrize("amount", HOSTILE_AMOUNTS, ids=str)
def test_hostile_amounts_are_refused_or_scored(amount):
    tx_mod = engine("transaction")
    try:
        tx = tx_mod.TransactionInput(amount=amount, recipient_upi="9876543210@weird")
    except DOCUMENTED:
        return
    check_assessment(tx_mod.analyze_transaction(tx))


@pytest.mark.parametrize("amount", [Decimal("NaN"), Decimal("Infinity"), Decimal("-1"), Decimal("1e308")], ids=str)
def test_non_finite_negative_and_absurd_amounts_are_invalid_input(amount):
    from scamshield.errors import InvalidInput

    with pytest.raises(InvalidInput):
        engine("transaction").TransactionInput(amount=amount, recipient_upi="a@ybl")


@pytest.mark.parametrize("name", sorted(hostile_urls()))
def test_hostile_urls(name):
    url = hostile_urls()[name]
    a = run_guarded(engine("url").analyze_url, url)
    if a is not None:
        check_assessment(a)


@pytest.mark.parametrize("name", sorted(hostile_sms()))
def test_hostile_sms(name):
    text = hostile_sms()[name]
    a = run_guarded(engine("sms").analyze_sms, text)
    if a is not None:
        check_assessment(a)


@pytest.mark.parametrize("name", sorted(hostile_upi()))
def test_hostile_upi(name):
    data = hostile_upi()[name]
    run_guarded(engine("upi").parse_upi, data)
    a = run_guarded(engine("upi").analyze_qr, data)
    if a is not None:
        check_assessment(a)


@PROPERTY_SETTINGS
@given(st.data())
def test_score_is_the_clamped_sum_of_signal_weights(data):
    """One rule everywhere: every point is explained by a signal (score = clamp(sum of weights))."""
    a = run_guarded(engine("sms").analyze_sms, data.draw(sms_text))
    if a is None:
        return
    total = sum(float(s.weight) for s in a.signals)
    assert a.risk_score == int(max(0, min(100, round(total))))

"""AnalysisClient / AsyncAnalysisClient against a real server process: typed results, typed errors, the ledger."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from scamshield.client import (
    AnalysisClient,
    Assessment,
    AsyncAnalysisClient,
    ScamShieldAPIError,
    Signal,
    detect_kind,
)
from tests.client.conftest import make_token

pytestmark = pytest.mark.timeout(120)


def user() -> str:
    return f"u{uuid.uuid4().hex[:12]}"


@pytest.mark.parametrize("text,kind", [
    ("upi://pay?pa=ramesh123@okicici&pn=Ramesh", "qr"),
    ("UPI://collect?pa=x@ybl&am=10", "qr"),
    ("https://paytm.com.account-verify.info/login", "url"),
    ("  http://192.168.1.100/bank/login  ", "url"),
    ("bit.ly/kyc123", "url"),
    ("www.flipkart.com/cart", "url"),
    ("Your KYC is pending. Update immediately or account will be blocked. Click: bit.ly/kyc123", "sms"),
    ("I won't be home for dinner tonight", "sms"),
    ("hello", "sms"),
])
def test_detect_kind(text, kind):
    assert detect_kind(text) == kind


def test_url_assessment_is_typed_and_explained(server):
    with AnalysisClient(server.base_url, make_token(user())) as c:
        bad = c.analyze_url("https://paytm.com.account-verify.info/login")
        good = c.analyze_url("https://accounts.google.com/signin")
    assert isinstance(bad, Assessment) and bad.kind == "url"
    assert not bad.is_safe and bad.risk_level in ("high", "critical") and 0 <= bad.risk_score <= 100
    assert all(isinstance(s, Signal) and s.code and s.message for s in bad.signals)
    assert bad.signal("brand_in_subdomain") is not None
    assert bad.signal("brand_in_subdomain").weight > 0
    assert bad.analysis_id and bad.raw["analysis_id"] == bad.analysis_id
    assert good.is_safe and good.risk_score < bad.risk_score


def test_sms_qr_transaction_and_autodetect(server):
    with AnalysisClient(server.base_url, make_token(user())) as c:
        sms = c.analyze_sms("Please install AnyDesk for account verification. Our executive will guide you.")
        qr = c.analyze_qr("upi://collect?pa=fraudster@ybl&am=10000")
        auto = c.analyze("upi://collect?pa=fraudster@ybl&am=10000")
        forced = c.analyze("https://amazon.com/", kind="sms")
        tx = c.analyze_transaction(Decimal("60000"), "9876543210@weird", transaction_note="urgent help")
        safe_sms = c.analyze_sms("I won't be home for dinner tonight")
    assert (sms.kind, qr.kind, auto.kind, forced.kind, tx.kind) == ("sms", "qr", "qr", "sms", "transaction")
    assert not sms.is_safe and not qr.is_safe and not tx.is_safe and safe_sms.is_safe
    assert auto.signal_codes == qr.signal_codes
    assert "upi_collect_request" in qr.signal_codes


def test_errors_are_typed(server):
    with AnalysisClient(server.base_url, make_token(user())) as c:
        with pytest.raises(ScamShieldAPIError) as exc:
            c.analyze_sms("")
        assert exc.value.status == 422 and exc.value.code == "validation_error" and exc.value.message
        with pytest.raises(ValueError):
            c.analyze("x", kind="voice")
    with AnalysisClient(server.base_url, "not-a-token") as c:
        with pytest.raises(ScamShieldAPIError) as exc:
            c.analyze_url("https://example.com/")
        assert exc.value.status == 401
    expired = make_token(user(), ttl=-600)
    with AnalysisClient(server.base_url, expired) as c:
        with pytest.raises(ScamShieldAPIError) as exc:
            c.payee_info("ramesh@okicici")
        assert exc.value.status == 401 and exc.value.code == "token_expired"


def test_payee_ledger_roundtrip(server):
    vpa = f"shop{uuid.uuid4().hex[:6]}@okicici"
    with AnalysisClient(server.base_url, make_token(user())) as c:
        assert c.payee_info(vpa).is_new_payee
        rec = c.record_payment(vpa, "120.10", payee_name="City Mart", reference="REF-1")
        again = c.record_payment(vpa, "120.10", payee_name="City Mart", reference="REF-1")
        c.record_payment(vpa, Decimal("0.20"))
        info = c.payee_info(vpa.upper())
        trusted = c.set_trusted(vpa, True)
        untrusted = c.set_trusted(vpa, False)
        page = c.payments(vpa, limit=1)
        rest = c.payments(vpa, limit=5, cursor=page.next_cursor)
        stats = c.payee_statistics()
    assert not rec.duplicate and again.duplicate and rec.transaction.amount == Decimal("120.10")
    assert not info.is_new_payee and info.transaction_count == 2
    assert info.total_amount == Decimal("120.30")  # exact decimals, no float drift
    assert trusted.is_trusted and not untrusted.is_trusted
    assert len(page.items) == 1 and page.next_cursor and len(rest.items) == 1
    assert {p.amount for p in page.items + rest.items} == {Decimal("120.10"), Decimal("0.20")}
    assert stats.total_payees == 1 and stats.total_transactions == 2 and stats.total_amount == Decimal("120.30")


async def test_async_client_matches_sync(server):
    tok = make_token(user())
    async with AsyncAnalysisClient(server.base_url, tok) as c:
        a = await c.analyze_url("https://sbi-secure.co.in/netbanking")
        q = await c.analyze_qr("upi://pay?pa=merchant@hdfcbank&pn=City%20Mart&mc=5411&tr=TXN77&am=120.00&cu=INR&mode=02")
        info = await c.payee_info("someone@okaxis")
        with pytest.raises(ScamShieldAPIError) as exc:
            await c.analyze_transaction("-5", "someone@okaxis")
    with AnalysisClient(server.base_url, tok) as s:
        b = s.analyze_url("https://sbi-secure.co.in/netbanking")
    assert not a.is_safe and q.is_safe and info.is_new_payee
    assert a.risk_score == b.risk_score and a.signal_codes == b.signal_codes
    assert exc.value.status == 422

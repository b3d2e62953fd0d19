"""The analysis API end to end: the must-hold verdicts of issue 2 through HTTP, response shape, seed fields."""

from __future__ import annotations

import pytest

from tests.conftest import auth

FLAGGED = [
    ("url", {"url": "http://payment-gateway-secure.com/checkout"}),
    ("url", {"url": "https://verify-secure-login-account.com/update"}),
    ("url", {"url": "http://192.168.1.100/bank/login"}),
    ("url", {"url": "https://bit.ly/bank-verify-2024"}),
    ("url", {"url": "https://paytim.com/login"}),
    ("url", {"url": "https://phone-pe.com/payment"}),
    ("url", {"url": "https://googlepey.com/upi"}),
    ("url", {"url": "https://sbi-secure.co.in/netbanking"}),
    ("url", {"url": "https://amazinpay.com/checkout"}),
    ("url", {"url": "https://pаytm.com"}),
    ("url", {"url": "https://gооgle.com"}),
    ("sms", {"message": "Your KYC is pending. Update immediately or account will be blocked. Click: bit.ly/kyc123"}),
    ("sms", {"message": "URGENT: Your eKYC will expire today. Complete Re-KYC now: http://sbi-kyc-verify.com"}),
    ("sms", {"message": "Please install AnyDesk for account verification. Our executive will guide you."}),
    ("sms", {"message": "Download TeamViewer QuickSupport immediately to receive your refund"}),
    ("qr", {"qr_data": "upi://collect?pa=fraudster@ybl&am=10000"}),
    ("qr", {"qr_data": "upi://pay?pa=9876543210@paytm&pn=Refund%20Dept&am=15000&tn=Scan%20to%20receive%20refund"}),
    ("transaction", {"transaction": {"amount": 60000, "recipient_upi": "9876543210@weird", "transaction_note": "urgent help"}}),
]

SAFE = [
    ("url", {"url": "https://accounts.google.com/signin"}),
    ("url", {"url": "https://pay.google.com/"}),
    ("url", {"url": "https://paytmbank.com/"}),
    ("url", {"url": "https://amazon.com/"}),
    ("url", {"url": "https://www.flipkart.com/cart"}),
    ("url", {"url": "https://sbicard.com/"}),
    ("url", {"url": "https://münchen.de/"}),
    ("url", {"url": "https://www.microsoft.com/"}),
    ("sms", {"message": "123456 is your OTP for txn of Rs 500.00 at AMAZON. Valid for 10 mins. Do not share it with anyone - HDFC Bank"}),
    ("sms", {"message": "Your KYC has been completed successfully. Thank you for banking with us."}),
    ("sms", {"message": "Happy shopping! Your order #4032 has been delivered."}),
    ("sms", {"message": "I won't be home for dinner tonight"}),
    ("qr", {"qr_data": "upi://pay?pa=ramesh123@okicici&pn=Ramesh%20Kumar&cu=INR"}),
    ("qr", {"qr_data": "upi://pay?pa=merchant@hdfcbank&pn=City%20Mart&mc=5411&tr=TXN77&am=120.00&cu=INR&mode=02"}),
]


def _check_shape(body: dict) -> None:
    assert 0 <= body["risk_score"] <= 100
    assert body["risk_level"] in ("low", "medium", "high", "critical")
    assert body["is_safe"] == (body["risk_score"] < 50)
    for s in body["signals"]:
        assert set(s) >= {"code", "weight", "message", "evidence"}
    assert isinstance(body["fraud_indicators"], list) and isinstance(body["recommendations"], list)
    assert body["analysis_id"]


@pytest.mark.parametrize("kind,payload", FLAGGED, ids=[f"{k}:{list(p.values())[0]}"[:60] for k, p in FLAGGED])
async def test_flagged_through_api(client, token, kind, payload):
    r = await client.post(f"/analyze/{kind}", json=payload, headers=auth(token()))
    assert r.status_code == 200, r.text
    body = r.json()
    _check_shape(body)
    assert body["is_safe"] is False, body["signals"]
    assert body["detected_fraud_types"]


@pytest.mark.parametrize("kind,payload", SAFE, ids=[f"{k}:{list(p.values())[0]}"[:60] for k, p in SAFE])
async def test_safe_through_api(client, token, kind, payload):
    r = await client.post(f"/analyze/{kind}", json=payload, headers=auth(token()))
    assert r.status_code == 200, r.text
    body = r.json()
    _check_shape(body)
    assert body["is_safe"] is True, body["signals"]


async def test_seed_extracted_fields(client, token):
    h = auth(token())
    sms = (await client.post("/analyze/sms", headers=h, json={
        "message": "Pay Rs 10 to verify: refund.desk@ybl or call +91 98765 43210, link http://sbi-kyc-verify.com",
        "sender": "+919876543210"})).json()
    assert "refund.desk@ybl" in sms["extracted_upi_ids"]
    assert "+919876543210" in sms["extracted_phone_numbers"]
    assert any("sbi-kyc-verify.com" in u for u in sms["extracted_urls"])
    qr = (await client.post("/analyze/qr", headers=h, json={"qr_data": "upi://pay?pa=shop@okaxis&pn=Shop&am=50&mode=02"})).json()
    assert qr["qr_type"] == "upi_pay"
    assert qr["upi"]["payee_vpa"] == "shop@okaxis"
    assert qr["upi"]["mode"] == "02"
    url = (await client.post("/analyze/url", headers=h, json={"url": "https://paytm.com.account-verify.info/login"})).json()
    assert url["registered_domain"] == "account-verify.info"
    assert url["is_safe"] is False


@pytest.mark.parametrize(
    "kind,payload",
    [
        ("qr", {"qr_data": "upi://pay?am=100"}),  # no payee
        ("transaction", {"transaction": {"amount": -5, "recipient_upi": "a@ybl"}}),
        ("transaction", {"transaction": {"amount": "1e308", "recipient_upi": "a@ybl"}}),
        ("url", {"url": ""}),
    ],
)
async def test_bad_input_is_clear_4xx(client, token, kind, payload):
    r = await client.post(f"/analyze/{kind}", json=payload, headers=auth(token()))
    assert r.status_code in (400, 422), r.text
    assert r.json()["error"]["code"]
    assert "Traceback" not in r.text


async def test_analysis_recorded_in_history_only_for_owner(client, token):
    await client.post("/analyze/url", json={"url": "https://paytim.com/login"}, headers=auth(token("alice")))
    mine = (await client.get("/history", headers=auth(token("alice")))).json()
    theirs = (await client.get("/history", headers=auth(token("bob")))).json()
    assert len(mine["items"]) == 1 and mine["items"][0]["analysis_type"] == "url"
    assert theirs["items"] == []

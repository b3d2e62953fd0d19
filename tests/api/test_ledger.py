"""Payee ledger over HTTP, and history-/call-aware transaction analysis."""

from __future__ import annotations

import asyncio
from decimal import Decimal as D

import httpx
import pytest
from asgi_lifespan import LifespanManager

from tests.api.ledger_helpers import analyse_tx, codes, flag_call, pay
from tests.conftest import auth

SHOP = "shop@okicici"


async def test_record_info_trust_statistics(client, token):
    alice = token("alice")
    r = await pay(client, alice, " Shop@OKICICI ", "100.10", payee_name="City Mart", reference="UPI-1")
    assert r["duplicate"] is False and r["transaction"]["payee_upi"] == SHOP
    again = await client.post("/payee/transactions", json={"payee_upi": SHOP, "amount": "100.10", "reference": "UPI-1"},
                              headers=auth(alice))
    assert again.status_code == 200 and again.json()["duplicate"] is True
    # the same reference for another amount is not that payment: 409, nothing recorded
    other = await client.post("/payee/transactions", json={"payee_upi": SHOP, "amount": "999.00", "reference": "UPI-1"},
                              headers=auth(alice))
    assert other.status_code == 409 and other.json()["error"]["code"] == "reference_conflict"
    await pay(client, alice, SHOP, "0.20")
    await pay(client, alice, SHOP, "900", status="blocked")
    info = (await client.get(f"/payee/info/{SHOP.upper()}", headers=auth(alice))).json()
    assert info["is_new_payee"] is False and info["transaction_count"] == 2
    assert D(info["total_amount"]) == D("100.30") and D(info["average_amount"]) == D("50.15")
    assert D(info["max_amount"]) == D("100.10") and info["payee_name"] == "City Mart" and info["is_trusted"] is False
    new = (await client.get("/payee/info/never@ybl", headers=auth(alice))).json()
    assert new["is_new_payee"] is True and new["transaction_count"] == 0
    t = await client.post(f"/payee/trust/{SHOP}?trusted=true", headers=auth(alice))
    assert t.status_code == 200 and t.json()["is_trusted"] is True
    stats = (await client.get("/payee/statistics", headers=auth(alice))).json()
    assert stats == {"total_payees": 1, "trusted_payees": 1, "total_transactions": 2, "total_amount": "100.30",
                     "average_amount": "50.15", "blocked_transactions": 1, "failed_transactions": 0}


async def test_transactions_are_paged(client, token):
    alice = token("alice")
    for i in range(5):
        await pay(client, alice, SHOP if i % 2 else "b@ybl", f"{i + 1}.00")
    seen, cursor = [], None
    while True:
        url = "/payee/transactions?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = (await client.get(url, headers=auth(alice))).json()
        seen += [x["amount"] for x in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["5.00", "4.00", "3.00", "2.00", "1.00"]
    only = (await client.get(f"/payee/transactions?payee_upi={SHOP}", headers=auth(alice))).json()
    assert [x["amount"] for x in only["items"]] == ["4.00", "2.00"]


@pytest.mark.parametrize(
    "method,url,body",
    [
        ("post", "/payee/transactions", {"payee_upi": "not-a-vpa", "amount": "10"}),
        ("post", "/payee/transactions", {"payee_upi": "someone@gmail.com", "amount": "10"}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "-5"}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": 1e308}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "1.001"}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "10", "status": "pending"}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "10", "occurred_at": "2999-01-01T00:00:00Z"}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "10", "occurred_at": "2026-01-01T00:00:00"}),
        ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "10", "user_id": "bob"}),
        ("get", "/payee/info/x", None),
        ("get", "/payee/transactions?limit=101", None),
        ("get", "/payee/transactions?cursor=garbage!!", None),
        ("post", f"/payee/trust/{SHOP}?trusted=maybe", None),
    ],
)
async def test_bad_ledger_input_is_422(client, token, method, url, body):
    kw = {"json": body} if body is not None else {}
    r = await getattr(client, method)(url, headers=auth(token("alice")), **kw)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"]


async def test_analysing_twice_does_not_change_history(client, token):
    alice = token("alice")
    first = await analyse_tx(client, alice, "fresh@ybl", "2500")
    second = await analyse_tx(client, alice, "fresh@ybl", "2500")
    assert "new_payee" in codes(first) and "new_payee" in codes(second)
    assert first["risk_score"] == second["risk_score"]
    info = (await client.get("/payee/info/fresh@ybl", headers=auth(alice))).json()
    assert info["is_new_payee"] is True
    stats = (await client.get("/payee/statistics", headers=auth(alice))).json()
    assert stats["total_transactions"] == 0 and stats["total_payees"] == 0
    hist = (await client.get("/history?analysis_type=transaction", headers=auth(alice))).json()
    assert len(hist["items"]) == 2  # the analyses are history, not payments


async def test_history_changes_the_verdict(client, token):
    alice, bob = token("alice"), token("bob")
    for _ in range(5):
        await pay(client, alice, SHOP, "500")
    # Alice: a usual payment to a known payee lowers risk; 20x the usual amount is an anomaly.
    usual = await analyse_tx(client, alice, SHOP, "520")
    assert codes(usual).get("known_payee") == -10 and "new_payee" not in codes(usual)
    odd = await analyse_tx(client, alice, SHOP, "10000")
    assert "amount_anomaly" in codes(odd)
    # Bob has no history: the payee is new to him.
    fresh = await analyse_tx(client, bob, SHOP, "520")
    assert "new_payee" in codes(fresh) and "known_payee" not in codes(fresh)
    assert usual["risk_score"] < fresh["risk_score"]
    # Trusting the payee lowers Alice's score further.
    await client.post(f"/payee/trust/{SHOP}?trusted=true", headers=auth(alice))
    trusted = await analyse_tx(client, alice, SHOP, "520")
    assert codes(trusted).get("trusted_payee") == -20


async def test_velocity_and_call_make_the_same_payment_riskier(app, client, token):
    alice, bob = token("alice"), token("bob")
    for i in range(3):
        await pay(client, alice, f"new{i}@ybl", "300")
    await flag_call(app, "alice")
    risky = await analyse_tx(client, alice, "stranger@ybl", "9000")
    calm = await analyse_tx(client, bob, "stranger@ybl", "9000")
    assert {"velocity_new_payees", "active_suspicious_call"} <= set(codes(risky))
    assert not {"velocity_new_payees", "active_suspicious_call"} & set(codes(calm))
    assert risky["risk_score"] > calm["risk_score"]
    assert risky["is_safe"] is False and risky["risk_level"] in ("high", "critical")


async def test_call_aware_signal_appears_during_a_flagged_call_and_disappears_after_the_window(app, client, token):
    alice = token("alice")
    before = await analyse_tx(client, alice, "safe.account@ybl", "20000")
    assert "active_suspicious_call" not in codes(before)

    await flag_call(app, "alice", status="live", flagged_minutes_ago=3)
    live = await analyse_tx(client, alice, "safe.account@ybl", "20000")
    assert codes(live)["active_suspicious_call"] == 50
    assert live["recommendations"][0].startswith("Stop: you are on a call flagged as a KYC scam (flagged 3 minutes ago)")
    assert live["risk_score"] >= before["risk_score"] + 50 or live["risk_score"] == 100

    await flag_call(app, "alice", status="ended", flagged_minutes_ago=10, ended_minutes_ago=3)
    ended = await analyse_tx(client, alice, "safe.account@ybl", "20000")
    assert codes(ended)["active_suspicious_call"] == 40
    assert "you were on a call flagged as a KYC scam 3 minutes ago" in ended["recommendations"][0]
    assert "BANK_KYC_IMPERSONATION" in ended["detected_fraud_types"]

    await flag_call(app, "alice", status="ended", flagged_minutes_ago=40, ended_minutes_ago=31)
    after = await analyse_tx(client, alice, "safe.account@ybl", "20000")
    assert "active_suspicious_call" not in codes(after)
    assert after["risk_score"] == before["risk_score"]


async def test_call_window_is_configurable_and_calls_are_per_user(make_settings, token):
    from scamshield.api.app import create_app

    application = create_app(make_settings(suspicious_call_window_minutes=60))
    async with LifespanManager(application, startup_timeout=60, shutdown_timeout=30):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as c:
            await flag_call(application, "alice", status="ended", flagged_minutes_ago=50, ended_minutes_ago=45)
            assert "active_suspicious_call" in codes(await analyse_tx(c, token("alice"), "x@ybl"))
            assert "active_suspicious_call" not in codes(await analyse_tx(c, token("bob"), "x@ybl"))


async def test_qr_payment_gets_ledger_signals(app, client, token):
    alice = token("alice")
    await flag_call(app, "alice")
    r = await client.post("/analyze/qr", json={"qr_data": "upi://pay?pa=refund.desk@ybl&pn=Refund&am=15000"},
                          headers=auth(alice))
    assert r.status_code == 200, r.text
    got = codes(r.json())
    assert {"new_payee", "first_large_payment_new_payee", "active_suspicious_call"} <= set(got)


@pytest.mark.postgres
async def test_concurrent_payment_records_lose_no_update_on_postgres(make_settings, pg_url, token):
    from scamshield.api.app import create_app

    application = create_app(make_settings(database_url=pg_url))
    n = 60
    async with LifespanManager(application, startup_timeout=60, shutdown_timeout=30):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as c:
            alice = token("alice")
            await c.get("/payee/statistics", headers=auth(alice))  # the user row exists before the burst
            results = await asyncio.gather(*(
                c.post("/payee/transactions", json={"payee_upi": SHOP, "amount": "33.33", "reference": f"R{i % 50}"},
                       headers=auth(alice)) for i in range(n)))
            assert all(r.status_code in (200, 201) for r in results), [r.text for r in results if r.status_code >= 300]
            assert sum(r.json()["duplicate"] for r in results) == n - 50
            info = (await c.get(f"/payee/info/{SHOP}", headers=auth(alice))).json()
            more = await asyncio.gather(*(pay(c, alice, f"p{i % 3}@ybl", "0.10") for i in range(30)))
            stats = (await c.get("/payee/statistics", headers=auth(alice))).json()
    assert len(more) == 30
    assert info["transaction_count"] == 50 and D(info["total_amount"]) == D("33.33") * 50
    assert stats["total_transactions"] == 80 and D(stats["total_amount"]) == D("33.33") * 50 + D("3.00")

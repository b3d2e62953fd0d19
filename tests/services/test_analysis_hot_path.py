"""The analysis hot path through HTTP: no database statement per SMS analysis in the steady state, a bounded
number for a payment, writes applied at once on this instance and within the TTL / refresh period on another."""

from __future__ import annotations

import asyncio
from contextlib import contextmanager

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy import event

from scamshield.store import reports as report_store
from scamshield.store import users as user_store
from tests.api.ledger_helpers import analyse_tx, codes, pay
from tests.conftest import auth

SCAM = "URGENT: your KYC expires today, update at http://sbi-kyc-verify.com or pay refund.desk@ybl"


@contextmanager
def statements(app):
    """SQL statements run on the app's engine, except the write-behind history inserts."""
    seen: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith("INSERT INTO ANALYSES"):
            seen.append(statement)

    engine = app.state.ctx.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


async def sms(client, tok, message=SCAM, sender="VM-KYCUPD"):
    r = await client.post("/analyze/sms", json={"message": message, "sender": sender}, headers=auth(tok))
    assert r.status_code == 200, r.text
    return r.json()


async def test_steady_state_sms_analysis_runs_no_statement(app, client, token):
    alice = token("alice")
    await sms(client, alice)  # first contact: user row, settings and feedback caches load
    with statements(app) as seen:
        for _ in range(20):
            await sms(client, alice)
    assert seen == []
    # ...and every analysis is still recorded (read-your-writes on this instance).
    items = (await client.get("/history?limit=100", headers=auth(alice))).json()["items"]
    assert len(items) == 21


async def test_feedback_and_reports_still_apply_without_per_request_lookups(app, client, token):
    alice, bob = token("alice"), token("bob")
    await sms(client, alice)
    r = await client.post("/feedback", json={"entity_type": "domain", "entity_id": "sbi-kyc-verify.com",
                                             "verdict": "fraud"}, headers=auth(alice))
    assert r.status_code == 200
    for i in range(5):
        await client.post("/report/fraud", json={"entity_type": "upi_id", "entity_id": "refund.desk@ybl"},
                          headers=auth(token(f"r{i}")))
    await sms(client, alice)  # reload of alice's verdicts after her feedback
    await sms(client, bob)  # bob's first contact
    with statements(app) as seen:
        mine, theirs = await sms(client, alice), await sms(client, bob)
    assert [s for s in seen if "feedback" in s.lower() or "fraud_reports" in s.lower()] == []
    assert codes(mine).get("user_blocklist") == 60 and "user_blocklist" not in codes(theirs)
    assert "community_reported" in codes(mine) and "community_reported" in codes(theirs)


async def test_payment_analysis_uses_at_most_two_statements(app, client, token):
    alice = token("alice")
    await analyse_tx(client, alice, "new@ybl", "100")
    with statements(app) as seen:
        await analyse_tx(client, alice, "new@ybl", "100")
    assert len(seen) == 1, seen  # no confirmed payments: one statement
    for amount in ("100", "120", "90", "110", "95"):
        await pay(client, alice, "shop@okicici", amount)
    with statements(app) as seen:
        got = await analyse_tx(client, alice, "shop@okicici", "5000")
    assert len(seen) == 2, seen
    assert "amount_anomaly" in codes(got) and "new_payee" not in codes(got)


async def test_settings_apply_at_once_here_and_within_the_ttl_on_another_instance(make_settings, token, tmp_path):
    from scamshield.api.app import create_app

    shared = make_settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}")
    a_app, b_app = create_app(shared), create_app(shared)
    async with LifespanManager(a_app, startup_timeout=60), LifespanManager(b_app, startup_timeout=60):
        b_app.state.ctx.extras["analysis"].prefs.ttl = 0.5
        a = httpx.AsyncClient(transport=httpx.ASGITransport(app=a_app), base_url="http://a")
        b = httpx.AsyncClient(transport=httpx.ASGITransport(app=b_app), base_url="http://b")
        alice = token("alice")
        msg = "Please update your PAN card details at the branch"
        before = await sms(a, alice, msg, sender=None)
        assert 4 <= before["risk_score"] < 75 and before["risk_level"] != "critical"
        await sms(b, alice, msg, sender=None)  # B caches alice's settings
        strict = {"risk_thresholds": {"medium": 2, "high": 3, "critical": 4}}
        assert (await a.put("/settings", json=strict, headers=auth(alice))).status_code == 200
        assert (await sms(a, alice, msg, sender=None))["risk_level"] == "critical"  # at once on A
        assert (await sms(b, alice, msg, sender=None))["risk_level"] == before["risk_level"]  # B: stale...
        await asyncio.sleep(0.6)
        assert (await sms(b, alice, msg, sender=None))["risk_level"] == "critical"  # ...for at most the TTL
        await a.aclose()
        await b.aclose()


async def test_reports_from_another_instance_arrive_with_the_refresh(app, client, token):
    victim = token("victim")
    await sms(client, victim)
    db = app.state.ctx.db
    async with db.transaction() as s:  # as another instance would: straight into the shared database
        for i in range(5):
            await user_store.ensure_user(s, f"r{i}", None)
            await report_store.submit(s, f"r{i}", "domain", "sbi-kyc-verify.com")
    assert "community_reported" not in codes(await sms(client, victim))  # not yet refreshed here
    enricher = app.state.ctx.extras["analysis"].enrichers[0]
    await enricher.community.reload()  # what the periodic refresh does every COMMUNITY_REFRESH seconds
    got = await sms(client, victim)
    assert [s["evidence"]["entity_id"] for s in got["signals"] if s["code"] == "community_reported"] == [
        "sbi-kyc-verify.com"]

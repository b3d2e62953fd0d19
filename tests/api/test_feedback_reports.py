"""Feedback (per user) and community reports (distinct reporters, window, official entities) over HTTP."""

from __future__ import annotations

import re

import httpx
from asgi_lifespan import LifespanManager

from tests.api.ledger_helpers import analyse_tx, codes
from tests.conftest import auth


async def feedback(client, tok, entity_type, entity_id, verdict, **extra):
    return await client.post("/feedback", json={"entity_type": entity_type, "entity_id": entity_id, "verdict": verdict,
                                                **extra}, headers=auth(tok))


async def report(client, tok, entity_type, entity_id, **extra):
    r = await client.post("/report/fraud", json={"entity_type": entity_type, "entity_id": entity_id, **extra},
                          headers=auth(tok))
    assert r.status_code == 200, r.text
    return r.json()


async def sms(client, tok, message, sender=None) -> dict:
    r = await client.post("/analyze/sms", json={"message": message, **({"sender": sender} if sender else {})},
                          headers=auth(tok))
    assert r.status_code == 200, r.text
    return r.json()


async def test_fraud_feedback_flags_only_that_users_later_analyses(client, token):
    alice, bob = token("alice"), token("bob")
    r = await feedback(client, alice, "upi_id", " Scammer@YBL ", "fraud")
    assert r.status_code == 200 and r.json()["entity_id"] == "scammer@ybl"
    mine = await analyse_tx(client, alice, "scammer@ybl", "100")
    theirs = await analyse_tx(client, bob, "scammer@ybl", "100")
    assert codes(mine).get("user_blocklist") == 60 and mine["is_safe"] is False
    assert "user_blocklist" not in codes(theirs)
    # Any entity an analysis names: the SMS sender (operator prefix and suffix vary) and a link's domain.
    await feedback(client, alice, "sms_sender", "JD-LOTTRY", "fraud")
    await feedback(client, alice, "domain", "prize-claim.example", "fraud")
    got = await sms(client, alice, "Hello, see https://www.prize-claim.example/win for details", sender="VM-LOTTRY-P")
    flagged = {s["evidence"]["entity_type"] for s in got["signals"] if s["code"] == "user_blocklist"}
    assert flagged == {"sms_sender", "domain"}
    assert not [s for s in (await sms(client, bob, "Hello, see https://www.prize-claim.example/win", sender="VM-LOTTRY")
                            )["signals"] if s["code"] == "user_blocklist"]


async def test_safe_feedback_lowers_only_the_users_own_risk(client, token):
    alice, bob = token("alice"), token("bob")
    before = await analyse_tx(client, alice, "9876543210@ybl", "15000")
    await feedback(client, alice, "upi_id", "9876543210@ybl", "safe", comment="my brother")
    after = await analyse_tx(client, alice, "9876543210@ybl", "15000")
    other = await analyse_tx(client, bob, "9876543210@ybl", "15000")
    assert codes(after).get("user_marked_safe") == -30
    assert after["risk_score"] < before["risk_score"] == other["risk_score"]
    # Changing one's mind: the latest verdict wins.
    await feedback(client, alice, "upi_id", "9876543210@ybl", "unsure")
    assert not {"user_marked_safe", "user_blocklist"} & set(codes(await analyse_tx(client, alice, "9876543210@ybl")))


async def test_feedback_on_an_analysis_must_be_the_callers(client, token):
    alice, bob = token("alice"), token("bob")
    aid = (await analyse_tx(client, alice, "x@ybl"))["analysis_id"]
    ok = await feedback(client, alice, "upi_id", "x@ybl", "fraud", analysis_id=aid)
    assert ok.status_code == 200 and ok.json()["analysis_id"] == aid
    r = await feedback(client, bob, "upi_id", "x@ybl", "fraud", analysis_id=aid)
    assert r.status_code == 404 and r.json()["error"]["code"] == "analysis_not_found"
    for bad in ({"entity_type": "email", "entity_id": "a@b.c", "verdict": "fraud"},
                {"entity_type": "upi_id", "entity_id": "a@b.c", "verdict": "fraud"},
                {"entity_type": "upi_id", "entity_id": "x@ybl", "verdict": "maybe"},
                {"entity_type": "upi_id", "entity_id": "x@ybl", "verdict": "fraud", "user_id": "bob"}):
        assert (await client.post("/feedback", json=bad, headers=auth(alice))).status_code == 422, bad


async def test_community_needs_n_distinct_reporters_and_one_account_counts_once(client, token):
    victim = token("victim")
    spammer = token("spammer")
    for _ in range(60):
        last = await report(client, spammer, "upi_id", "Target@YBL", category="PAYMENT_FRAUD")
    assert last["report_count"] == 60 and last["first_report"] is False
    assert "community_reported" not in codes(await analyse_tx(client, victim, "target@ybl", "100"))
    for i in range(3):
        await report(client, token(f"r{i}"), "upi_id", "target@ybl")
    assert "community_reported" not in codes(await analyse_tx(client, victim, "target@ybl", "100"))  # 4 reporters
    await report(client, token("r3"), "upi_id", "target@ybl", category="BANK_KYC_IMPERSONATION")
    got = await analyse_tx(client, victim, "target@ybl", "100")  # 5 distinct reporters
    sig = [s for s in got["signals"] if s["code"] == "community_reported"]
    assert sig and sig[0]["weight"] == 35 and sig[0]["evidence"]["distinct_reporters"] == 5
    assert "spammer" not in str(got)


async def test_official_entities_cannot_be_community_blocked(client, token):
    for i in range(8):
        await report(client, token(f"r{i}"), "domain", "www.onlinesbi.sbi")
        await report(client, token(f"r{i}"), "domain", "onlinesbi-kyc.example")
    r = await report(client, token("r0"), "url", "https://onlinesbi.sbi/login")
    assert r["official_entity"] is True
    got = await sms(client, token("victim"), "Login at https://www.onlinesbi.sbi/ or https://onlinesbi-kyc.example/")
    reported = {s["evidence"]["entity_id"] for s in got["signals"] if s["code"] == "community_reported"}
    assert reported == {"onlinesbi-kyc.example"}
    stats = (await client.get("/report/statistics", headers=auth(token("victim")))).json()
    assert [e["entity_id"] for e in stats["confirmed_entities"]] == ["onlinesbi-kyc.example"]


async def test_community_threshold_and_window_are_settings(make_settings, token):
    from scamshield.api.app import create_app

    application = create_app(make_settings(community_min_reporters=2, community_window_days=1))
    async with LifespanManager(application, startup_timeout=60, shutdown_timeout=30):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as c:
            await report(c, token("a"), "upi_id", "t@ybl")
            assert "community_reported" not in codes(await analyse_tx(c, token("v"), "t@ybl"))
            await report(c, token("b"), "upi_id", "t@ybl")
            assert "community_reported" in codes(await analyse_tx(c, token("v"), "t@ybl"))


async def test_report_statistics_have_no_reporter_identity_and_history_is_own(client, token):
    for i in range(5):
        await report(client, token(f"reporter{i}"), "phone_number", "+91 98765 43210", category="DIGITAL_ARREST",
                     description=f"secret note {i}")
    await report(client, token("reporter0"), "upi_id", "lonely@ybl")
    stats = await client.get("/report/statistics", headers=auth(token("someone")))
    assert stats.status_code == 200
    body = stats.json()
    assert not re.search(r"reporter\d", stats.text) and "secret note" not in stats.text
    assert body["total_reports"] == 6 and body["reported_entities"] == 2
    assert body["by_category"] == {"DIGITAL_ARREST": 5, "unspecified": 1}
    assert body["confirmed_entities"] == [{"entity_type": "phone_number", "entity_id": "+919876543210",
                                           "distinct_reporters": 5}]
    mine = (await client.get("/report/history", headers=auth(token("reporter0")))).json()
    assert {x["entity_id"] for x in mine["items"]} == {"+919876543210", "lonely@ybl"}
    assert (await client.get("/report/history", headers=auth(token("someone")))).json()["items"] == []
    bad = await client.post("/report/fraud", json={"entity_type": "upi_id", "entity_id": "x@ybl", "category": "NOPE"},
                            headers=auth(token("someone")))
    assert bad.status_code == 422


async def test_learning_metrics_user_counts_and_admin_precision(client, token):
    alice = token("alice")
    flagged = await analyse_tx(client, alice, "x@ybl", "100")
    await feedback(client, alice, "upi_id", "x@ybl", "fraud")
    flagged = await analyse_tx(client, alice, "x@ybl", "100")  # now flagged by the blocklist
    await feedback(client, alice, "upi_id", "x@ybl", "fraud", analysis_id=flagged["analysis_id"])
    await feedback(client, alice, "domain", "fine.example", "safe")
    await report(client, alice, "upi_id", "x@ybl")
    mine = (await client.get("/learning/metrics", headers=auth(alice))).json()
    assert mine["user"] == {"feedback": {"safe": 1, "fraud": 1, "unsure": 0}, "feedback_total": 2,
                            "reports_submitted": 1, "analyses": 2, "alert_responses": {}}
    assert mine["global"] is None
    await feedback(client, token("bob"), "domain", "other.example", "unsure")
    admin = (await client.get("/learning/metrics", headers=auth(token("root", roles=["admin"])))).json()
    assert admin["user"]["feedback_total"] == 0
    assert admin["global"]["feedback_total"] == 3
    tx = [k for k in admin["global"]["by_kind"] if k["kind"] == "transaction"][0]
    assert tx["flagged_fraud"] == 1 and tx["precision"] == 1.0

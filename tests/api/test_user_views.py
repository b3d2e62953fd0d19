"""History, dashboard, settings (applied), profile; and the authorization matrix of every ledger endpoint."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scamshield.store.base import new_id, utcnow
from scamshield.store.models import Alert
from tests.api.ledger_helpers import analyse_tx, codes, pay
from tests.conftest import auth

SHOP = "shop@okicici"


async def test_history_newest_first_filtered_and_paged(client, token):
    alice = token("alice")
    ids = [(await analyse_tx(client, alice, f"p{i}@ybl", "100"))["analysis_id"] for i in range(3)]
    r = await client.post("/analyze/sms", json={"message": "Hi, lunch at 1?"}, headers=auth(alice))
    ids.append(r.json()["analysis_id"])
    page1 = (await client.get("/history?limit=3", headers=auth(alice))).json()
    page2 = (await client.get(f"/history?limit=3&cursor={page1['next_cursor']}", headers=auth(alice))).json()
    assert [x["analysis_id"] for x in page1["items"] + page2["items"]] == ids[::-1]
    assert page2["next_cursor"] is None
    tx = (await client.get("/history?analysis_type=transaction", headers=auth(alice))).json()["items"]
    assert {x["analysis_type"] for x in tx} == {"transaction"} and len(tx) == 3
    lows = (await client.get("/history?risk_level=low", headers=auth(alice))).json()["items"]
    assert all(x["risk_level"] == "low" for x in lows)
    assert (await client.get("/history?risk_level=extreme", headers=auth(alice))).status_code == 422


async def test_dashboard_counts_and_recent_alerts(app, client, token):
    alice = token("alice")
    await client.get("/dashboard", headers=auth(token("bob")))  # creates bob's user row
    await analyse_tx(client, alice, "a@ybl", "100")
    await client.post("/feedback", json={"entity_type": "upi_id", "entity_id": "bad@ybl", "verdict": "fraud"},
                      headers=auth(alice))
    await analyse_tx(client, alice, "bad@ybl", "100")
    await pay(client, alice, "bad@ybl", "100", status="blocked")
    now = utcnow()
    async with app.state.ctx.db.transaction() as s:
        for i, (uid, acked) in enumerate([("alice", False), ("alice", True), ("bob", False)]):
            s.add(Alert(id=new_id(), user_id=uid, call_sid=f"CA{i}", fraud_type="DIGITAL_ARREST", risk_score=90,
                        risk_level="critical", created_at=now - timedelta(minutes=10 - i),
                        acked_at=now if acked else None))
    d = (await client.get("/dashboard", headers=auth(alice))).json()
    assert d["total_analyses"] == 2 and d["analyses_today"] == 2 and d["blocked_threats"] == 1
    assert d["analysis_by_type"] == {"transaction": 2} and sum(d["risk_distribution"].values()) == 2
    assert d["active_alerts"] == 1 and d["blocked_payments"] == 1
    assert [a["call_sid"] for a in d["recent_alerts"]] == ["CA1", "CA0"]  # newest first, bob's never


async def test_settings_validate_and_thresholds_are_applied(client, token):
    alice, bob = token("alice"), token("bob")
    default = (await client.get("/settings", headers=auth(alice))).json()
    assert default["risk_thresholds"] == {"medium": 25, "high": 50, "critical": 75}
    before = await analyse_tx(client, alice, "x@ybl", "15000")
    score = before["risk_score"]
    assert 0 < score < 50 and before["is_safe"] is True
    r = await client.put("/settings", json={"risk_thresholds": {"medium": 5, "high": score, "critical": score + 1}},
                         headers=auth(alice))
    assert r.status_code == 200 and r.json()["risk_thresholds"]["high"] == score
    after = await analyse_tx(client, alice, "x@ybl", "15000")
    assert after["risk_score"] == score and after["is_safe"] is False and after["risk_level"] == "high"
    others = await analyse_tx(client, bob, "x@ybl", "15000")
    assert others["is_safe"] is True and others["risk_level"] == before["risk_level"]
    hist = (await client.get("/history?limit=1", headers=auth(alice))).json()["items"][0]
    assert hist["is_safe"] is False  # history keeps the verdict the user got
    for bad in ({"risk_thresholds": {"medium": 60, "high": 50, "critical": 75}},
                {"risk_thresholds": {"high": 0}},
                {"risk_thresholds": {"critical": 101}},
                {"timezone": "Mars/Olympus"},
                {"timezone": "Asia"},
                {"features": {"payee_history": "sometimes"}},
                {"unknown": 1},
                {"user_id": "bob"}):
        resp = await client.put("/settings", json=bad, headers=auth(alice))
        assert resp.status_code == 422, (bad, resp.text)
    assert (await client.get("/settings", headers=auth(alice))).json()["risk_thresholds"]["high"] == score


async def test_feature_toggles_are_applied(app, client, token):
    alice = token("alice")
    await client.post("/feedback", json={"entity_type": "upi_id", "entity_id": "x@ybl", "verdict": "fraud"},
                      headers=auth(alice))
    on = codes(await analyse_tx(client, alice, "x@ybl", "15000"))
    assert {"new_payee", "user_blocklist"} <= set(on)
    r = await client.put("/settings", json={"features": {"payee_history": False, "personal_lists": False},
                                            "notifications": {"min_alert_level": "critical"}}, headers=auth(alice))
    assert r.status_code == 200
    body = r.json()
    assert body["features"]["payee_history"] is False and body["features"]["call_protection"] is True
    assert body["notifications"]["min_alert_level"] == "critical"
    off = codes(await analyse_tx(client, alice, "x@ybl", "15000"))
    assert not {"new_payee", "user_blocklist", "first_large_payment_new_payee"} & set(off)
    # Partial updates keep the rest.
    await client.put("/settings", json={"timezone": "Asia/Kolkata"}, headers=auth(alice))
    s = (await client.get("/settings", headers=auth(alice))).json()
    assert s["features"]["payee_history"] is False and s["timezone"] == "Asia/Kolkata"


async def test_user_me_masks_the_phone(client, token):
    r = await client.get("/user/me", headers=auth(token("alice", phone="+919876543210", roles=["admin"])))
    assert r.status_code == 200
    body = r.json()
    assert body["user_id"] == "alice" and body["roles"] == ["admin"]
    assert body["phone_number"] == "+91******3210" and "9876543210" not in r.text


# --- authorization matrix --------------------------------------------------------------------------------------------
ENDPOINTS = [
    ("post", "/payee/transactions", {"payee_upi": SHOP, "amount": "10"}),
    ("get", f"/payee/info/{SHOP}", None),
    ("post", f"/payee/trust/{SHOP}?trusted=true", None),
    ("get", "/payee/transactions", None),
    ("get", "/payee/statistics", None),
    ("post", "/feedback", {"entity_type": "upi_id", "entity_id": SHOP, "verdict": "fraud"}),
    ("get", "/learning/metrics", None),
    ("post", "/report/fraud", {"entity_type": "upi_id", "entity_id": SHOP}),
    ("get", "/report/statistics", None),
    ("get", "/report/history", None),
    ("get", "/history", None),
    ("get", "/dashboard", None),
    ("get", "/settings", None),
    ("put", "/settings", {"timezone": "UTC"}),
    ("get", "/user/me", None),
]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer forged.token.value"}, {"Authorization": "Basic x"}])
async def test_anonymous_and_bad_tokens_are_refused_everywhere(client, headers):
    for method, url, body in ENDPOINTS:
        kw = {"json": body} if body is not None else {}
        r = await getattr(client, method)(url, headers=headers, **kw)
        assert r.status_code == 401, (method, url, r.status_code)
        assert r.json()["error"]["code"] in ("missing_token", "invalid_token")


async def test_openapi_documents_error_statuses():
    from scamshield.api.app import create_app
    from scamshield.settings import Settings

    spec = create_app(Settings(env="test", jwt_secret="x" * 40)).openapi()
    for method, url, _ in ENDPOINTS:
        path = url.split("?")[0].replace(SHOP, "{payee_upi}")
        op = spec["paths"][path][method]
        for status in ("401", "422", "429"):
            assert status in op["responses"], (method, path, status)


async def test_two_users_never_see_each_others_data(app, client, token):
    alice, bob = token("alice", phone="+919876543210"), token("bob", phone="+919812345678")
    secret_vpa = "alice.landlord@okaxis"
    await pay(client, alice, secret_vpa, "25000", payee_name="Alice Landlord", note="rent", reference="ALICE-REF")
    await client.post(f"/payee/trust/{secret_vpa}?trusted=true", headers=auth(alice))
    await analyse_tx(client, alice, secret_vpa, "25000")
    await client.post("/feedback", json={"entity_type": "upi_id", "entity_id": "alice.enemy@ybl", "verdict": "fraud",
                                         "comment": "alice comment"}, headers=auth(alice))
    await client.post("/report/fraud", json={"entity_type": "upi_id", "entity_id": "alice.reported@ybl",
                                             "description": "alice description"}, headers=auth(alice))
    await client.put("/settings", json={"risk_thresholds": {"high": 31, "critical": 90}}, headers=auth(alice))
    now = utcnow()
    async with app.state.ctx.db.transaction() as s:
        s.add(Alert(id=new_id(), user_id="alice", call_sid="CA-ALICE", fraud_type="DIGITAL_ARREST", risk_score=90,
                    risk_level="critical", created_at=now))

    texts = []
    for method, url in [("get", f"/payee/info/{secret_vpa}"), ("get", "/payee/transactions"),
                        ("get", f"/payee/transactions?payee_upi={secret_vpa}"), ("get", "/payee/statistics"),
                        ("get", "/learning/metrics"), ("get", "/report/statistics"), ("get", "/report/history"),
                        ("get", "/history"), ("get", "/dashboard"), ("get", "/settings"), ("get", "/user/me")]:
        r = await getattr(client, method)(url, headers=auth(bob))
        assert r.status_code == 200, (url, r.text)
        texts.append(r.text)
    everything = "\n".join(texts)
    for leak in ("Alice Landlord", "ALICE-REF", "alice.enemy", "alice.reported", "alice comment", "alice description",
                 "CA-ALICE", "3210", '"alice"', '"high":31'):
        assert leak not in everything, leak
    info = (await client.get(f"/payee/info/{secret_vpa}", headers=auth(bob))).json()
    assert info["is_new_payee"] is True and info["is_trusted"] is False
    stats = (await client.get("/payee/statistics", headers=auth(bob))).json()
    assert stats["total_transactions"] == 0 and stats["trusted_payees"] == 0
    bob_tx = await analyse_tx(client, bob, "alice.enemy@ybl", "100")
    assert "user_blocklist" not in codes(bob_tx)
    # Bob's writes cannot touch Alice's data.
    await client.post(f"/payee/trust/{secret_vpa}?trusted=false", headers=auth(bob))
    assert (await client.get(f"/payee/info/{secret_vpa}", headers=auth(alice))).json()["is_trusted"] is True
    await client.put("/settings", json={"risk_thresholds": {"high": 60, "critical": 80}}, headers=auth(bob))
    assert (await client.get("/settings", headers=auth(alice))).json()["risk_thresholds"]["high"] == 31


async def test_retention_task_is_started_and_stopped(app):
    task = app.state.ctx.extras["retention"]
    assert task._task is not None and not task._task.done()

"""Real-time hardening: call take-over rules, replay pacing, per-user limits on the socket, token expiry, broker
health, broadcast copies, alert responses as feedback, and the lock order of association vs ingestion."""

from __future__ import annotations

import itertools
import time

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from scamshield.api.app import create_app
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET, auth
from tests.support.realtime import (
    PUBLIC_URL,
    SBI_CALL,
    TWILIO_TOKEN,
    drain_until_pong,
    handshake,
    twilio_signature,
    until,
    ws_url,
)

_n = itertools.count()


def caller_number() -> str:
    """A caller number nobody in this module has claimed yet."""
    return f"+1415555{next(_n) % 10000:04d}"


@pytest.fixture(scope="module")
def tc(tmp_path_factory):
    settings = Settings(env="test", data_dir=tmp_path_factory.mktemp("rt"), jwt_secret=TEST_SECRET,
                        twilio_auth_token=TWILIO_TOKEN, public_url=PUBLIC_URL, ws_send_queue_size=8,
                        ws_max_connections_per_user=3,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def u():
    n = next(_n)
    return lambda name: f"{name}{n}"


def signed_post(tc, path, params):
    return tc.post(path, data=params, headers={"X-Twilio-Signature": twilio_signature(path, params)})


def twilio_call(tc, call_sid: str, *, caller: str, lines=SBI_CALL[:4]) -> None:
    """A call that reached the protection number from ``caller`` (no user has that number): alerts are held."""
    assert signed_post(tc, "/twilio/voice", {"CallSid": call_sid, "From": caller}).status_code == 200
    for i, line in enumerate(lines):
        params = {"CallSid": call_sid, "TranscriptionSid": "GT" + call_sid, "SequenceId": str(i + 1),
                  "TranscriptionEvent": "transcription-content", "Track": "inbound_track", "Final": "true",
                  "TranscriptionData": f'{{"transcript": "{line}", "confidence": 0.9}}'}
        assert signed_post(tc, "/twilio/transcription", params).status_code == 200


def close_code(ws) -> int:
    with pytest.raises(WebSocketDisconnect) as exc:
        for _ in range(50):
            ws.receive_json()
    return exc.value.code


# --- 4: nobody takes over a call they do not own ---------------------------------------------------------------
def test_a_user_cannot_claim_a_twilio_call_nor_hear_its_held_alerts(tc, token, u):
    call_sid, caller = "CA" + u("tw").ljust(32, "a"), caller_number()
    twilio_call(tc, call_sid, caller=caller)
    mallory = token(u("mallory"), phone="+919812345678")
    r = tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(mallory))
    assert r.status_code == 403 and r.json()["error"]["code"] == "call_not_claimable"
    r = tc.post(f"/api/calls/{call_sid}/transcript", json={"text": "hello"}, headers=auth(mallory))
    assert r.status_code == 403 and r.json()["error"]["code"] == "call_not_associated"
    with tc.websocket_connect(ws_url(mallory)) as ws:
        _, replayed = handshake(ws)
        ws.send_json({"type": "associate_call", "call_sid": call_sid, "id": 1})
        assert until(ws, "error")["code"] == "call_not_claimable"
        ws.send_json({"type": "transcript", "call_sid": call_sid, "text": "hello", "id": 2})
        assert until(ws, "error")["code"] == "call_not_associated"
        assert not [m for m in drain_until_pong(ws) if m["type"] == "fraud_alert"] and replayed == []
    # the caller's own number (a verified phone claim) claims it, and gets the held alerts
    owner = token(u("owner"), phone=caller)
    r = tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(owner))
    assert r.status_code == 200 and r.json()["held_alerts"] >= 1


def test_a_service_token_associates_a_twilio_call(tc, token, u):
    call_sid = "CA" + u("svc").ljust(32, "b")
    twilio_call(tc, call_sid, caller=caller_number())
    alice = u("alice")
    tc.get("/user/me", headers=auth(token(alice)))  # alice exists
    r = tc.post("/api/associate-call", json={"call_sid": call_sid, "user_id": alice},
                headers=auth(token(u("tel"), roles=["service"])))
    assert r.status_code == 200 and r.json()["user_id"] == alice and r.json()["held_alerts"] >= 1


def test_a_user_writes_only_to_own_or_new_calls(tc, token, u):
    alice, bob, svc = token(u("alice")), token(u("bob")), token(u("tel"), roles=["service"])
    # a new call id: the device's own call, it becomes theirs
    assert tc.post(f"/api/calls/CA-{u('new')}/transcript", json={"text": "hello"}, headers=auth(alice)).status_code == 200
    assert tc.post("/api/associate-call", json={"call_sid": f"CA-{u('new')}"}, headers=auth(bob)).status_code == 409
    # an existing call nobody owns (created by an integration): not by posting to it, nor by associating it
    tc.post(f"/api/calls/CA-{u('svc')}/transcript", json={"text": "hello"}, headers=auth(svc))
    r = tc.post(f"/api/calls/CA-{u('svc')}/transcript", json={"text": "hello"}, headers=auth(alice))
    assert r.status_code == 403 and r.json()["error"]["code"] == "call_not_associated"
    r = tc.post("/api/associate-call", json={"call_sid": f"CA-{u('svc')}"}, headers=auth(alice))
    assert r.status_code == 403 and r.json()["error"]["code"] == "call_not_claimable"
    # a call a device created by associating it: idempotent for the owner, 409 for others
    r = tc.post("/api/associate-call", json={"call_sid": f"CA-{u('dev')}"}, headers=auth(alice))
    assert r.status_code == 200 and r.json()["already_associated"] is False
    r = tc.post("/api/associate-call", json={"call_sid": f"CA-{u('dev')}"}, headers=auth(alice))
    assert r.status_code == 200 and r.json()["already_associated"] is True
    assert tc.post("/api/associate-call", json={"call_sid": f"CA-{u('dev')}"}, headers=auth(bob)).status_code == 409


def test_a_user_cannot_take_over_a_call_a_service_token_created(tc, token, u):
    """Review repro: a service token streams a call (alerts held), a user tries to claim it over REST and WS."""
    call_sid = "CAsvc" + u("x")
    svc, victim, mallory = token(u("tel"), roles=["service"]), u("victim"), token(u("mallory"), phone="+919812345670")
    tc.get("/user/me", headers=auth(token(victim)))  # the victim exists
    held = []
    for i, line in enumerate(SBI_CALL[:4]):
        r = tc.post(f"/api/calls/{call_sid}/transcript", json={"text": line, "sequence": i}, headers=auth(svc))
        assert r.status_code == 200
        held += [r.json()["alert"]] if r.json()["alert"] else []
    assert held and all(a["held"] for a in held)
    r = tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(mallory))
    assert r.status_code == 403 and r.json()["error"]["code"] == "call_not_claimable"
    with tc.websocket_connect(ws_url(mallory)) as ws:
        handshake(ws)
        ws.send_json({"type": "associate_call", "call_sid": call_sid, "id": 1})
        assert until(ws, "error")["code"] == "call_not_claimable"
    # the same over the WS: a service token's transcripts create a service call too
    ws_sid = "CAsvcws" + u("x")
    with tc.websocket_connect(ws_url(svc)) as ws:
        handshake(ws)
        ws.send_json({"type": "transcript", "call_sid": ws_sid, "text": SBI_CALL[0], "sequence": 0, "id": 1})
        until(ws, "transcript_received")
    r = tc.post("/api/associate-call", json={"call_sid": ws_sid}, headers=auth(mallory))
    assert r.status_code == 403 and r.json()["error"]["code"] == "call_not_claimable"
    # the service associates the victim, who gets every held alert
    r = tc.post("/api/associate-call", json={"call_sid": call_sid, "user_id": victim}, headers=auth(svc))
    assert r.status_code == 200 and r.json()["user_id"] == victim and r.json()["held_alerts"] == len(held)


# --- 8: association locks the call row before the user row (as ingestion does) -------------------------------------
def test_association_locks_the_call_before_the_user(tc, token, u):
    alice = token(u("alice"))
    tc.get("/user/me", headers=auth(alice))
    engine = tc.app.state.ctx.db.engine
    writes: list[str] = []

    def record(conn, cursor, statement, params, context, executemany):
        head = statement.lstrip().split(None, 3)
        if head and head[0].upper() in ("INSERT", "UPDATE"):
            table = head[2] if head[0].upper() == "INSERT" else head[1]
            writes.append(table.strip('"').lower())

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        assert tc.post("/api/associate-call", json={"call_sid": f"CA-{u('lock')}"}, headers=auth(alice)).status_code == 200
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    touched = [t for t in writes if t in ("calls", "users")]
    assert touched and touched[0] == "calls", writes


# --- 3: a replay longer than the send queue completes --------------------------------------------------------------
def test_replay_longer_than_the_send_queue_completes(tc, token, u):
    user, admin = u("alice"), token(u("ops"), roles=["admin"])
    tok = token(user)
    tc.get("/user/me", headers=auth(tok))
    ids = [tc.post("/api/debug/simulate-alert", json={"user_id": user}, headers=auth(admin)).json()["alert_id"]
           for _ in range(30)]  # the queue holds 8
    with tc.websocket_connect(ws_url(tok)) as ws:
        _, replayed = handshake(ws)
        assert [m["alert_id"] for m in replayed] == ids
    with tc.websocket_connect(ws_url(tok, since=5)) as ws:
        _, replayed = handshake(ws)
        assert [m["seq"] for m in replayed] == list(range(6, 31))


def test_replay_pages_past_its_limit_and_without_since_sends_the_newest(tc, token, u, monkeypatch):
    import scamshield.api.routes.ws as ws_route

    monkeypatch.setattr(ws_route, "REPLAY_LIMIT", 4)
    monkeypatch.setattr(ws_route, "REPLAY_MAX", 8)
    user, admin = u("alice"), token(u("ops"), roles=["admin"])
    tok = token(user)
    tc.get("/user/me", headers=auth(tok))
    for _ in range(10):
        tc.post("/api/debug/simulate-alert", json={"user_id": user}, headers=auth(admin))
    with tc.websocket_connect(ws_url(tok, since=0)) as ws:  # pages of 4, up to 8, then more
        ws.receive_json()
        seqs = [ws.receive_json() for _ in range(8)]
        done = ws.receive_json()
        assert [m["seq"] for m in seqs] == list(range(1, 9)) and done["type"] == "replay_complete"
        assert done["more"] is True and done["count"] == 8
    with tc.websocket_connect(ws_url(tok, since=8)) as ws:
        _, replayed = handshake(ws)
        assert [m["seq"] for m in replayed] == [9, 10]
    with tc.websocket_connect(ws_url(tok)) as ws:  # no since: the newest unacked, in seq order
        ws.receive_json()
        got = [ws.receive_json() for _ in range(4)]
        done = ws.receive_json()
        assert [m["seq"] for m in got] == [7, 8, 9, 10] and done["more"] is True


# --- 5: per-user budget on the socket, connection cap ----------------------------------------------------------------
def test_ws_transcripts_are_charged_to_the_user_budget(make_settings, token):
    with TestClient(create_app(make_settings(rate_limit_user="4/minute"))) as c:
        tok = token("alice")
        with c.websocket_connect(ws_url(tok)) as ws:  # the handshake spends one
            handshake(ws)
            codes = []
            for i in range(5):
                ws.send_json({"type": "transcript", "call_sid": "CA-budget", "text": "hello", "sequence": i, "id": i})
                msg = until(ws, "error") if i >= 3 else until(ws, "transcript_received")
                codes.append(msg.get("code"))
            assert codes[3:] == ["rate_limited", "rate_limited"]
        # REST shares the same budget
        assert c.post("/api/calls/CA-budget/transcript", json={"text": "hi"}, headers=auth(tok)).status_code == 429


def test_connections_per_user_are_capped_with_4409(tc, token, u):
    tok = token(u("alice"))
    with tc.websocket_connect(ws_url(tok)) as a, tc.websocket_connect(ws_url(tok)) as b, \
            tc.websocket_connect(ws_url(tok)) as c:
        for ws in (a, b, c):
            handshake(ws)
        with tc.websocket_connect(ws_url(tok)) as d:
            assert close_code(d) == 4409
        with tc.websocket_connect(ws_url(token(u("bob")))) as other:  # other users are not affected
            handshake(other)


# --- 6: sessions end with their token --------------------------------------------------------------------------------
def test_session_is_closed_with_4401_when_its_token_expires(make_settings, token):
    with TestClient(create_app(make_settings(jwt_leeway_seconds=0))) as c:
        with c.websocket_connect(ws_url(token("alice", ttl=2))) as ws:
            handshake(ws)
            started = time.monotonic()
            assert close_code(ws) == 4401
            assert time.monotonic() - started < 10


# --- 7: broadcast mode does not hide the real alert from the owner -------------------------------------------------
def test_owner_gets_the_real_alert_after_its_redacted_broadcast(make_settings, token):
    with TestClient(create_app(make_settings(unrouted_alerts="broadcast"))) as c:
        svc, tok = token("telephony", roles=["service"]), token("alice")
        with c.websocket_connect(ws_url(tok)) as ws:
            handshake(ws)
            for i, line in enumerate(SBI_CALL[:4]):
                c.post("/api/calls/CA-bc/transcript", json={"text": line, "sequence": i}, headers=auth(svc))
            redacted = until(ws, "fraud_alert")
            assert redacted["redacted"] is True and redacted["call_sid"] is None
            # the integration associates the call it streamed (a user cannot claim a service's call)
            r = c.post("/api/associate-call", json={"call_sid": "CA-bc", "user_id": "alice"}, headers=auth(svc))
            assert r.status_code == 200 and r.json()["held_alerts"] >= 1
            real = until(ws, "fraud_alert")
            assert real["alert_id"] == redacted["alert_id"] and real["redacted"] is False
            assert real["call_sid"] == "CA-bc" and real["reasons"]


# --- 1: /health reports the broker -----------------------------------------------------------------------------------
def test_health_is_503_while_broker_publications_fail(tc):
    hub = tc.app.state.ctx.extras["hub"]
    assert tc.get("/health").json()["broker"] == "ok"
    hub._degraded = True
    try:
        r = tc.get("/health")
        assert r.status_code == 503 and r.json()["broker"] == "down" and r.json()["database"] == "ok"
        live = tc.get("/health/live")  # liveness does not depend on the broker
        assert live.status_code == 200 and live.json()["status"] == "ok"
    finally:
        hub._degraded = False
    assert tc.get("/health").status_code == 200


# --- 9, 10: answers are feedback; preferences apply to held alerts ----------------------------------------------------
ESCALATING = ["Tell me the OTP.", "Do not tell anyone about this call.", "Move your money to a safe account."]


def test_not_scam_quiets_the_call_and_is_counted(tc, token, u):
    tok = token(u("alice"))

    def feed(sid, lines, on_alert=None):
        alerts = []
        for i, line in enumerate(lines):
            r = tc.post(f"/api/calls/{sid}/transcript", json={"text": line, "sequence": i}, headers=auth(tok)).json()
            if r["alert"]:
                alerts.append(r)
                if on_alert:
                    on_alert(r["alert"])
        return alerts

    # without an answer this call escalates: one alert per level (so the quiet below is the answer's doing)
    assert len(feed(f"CA-{u('esc')}", ESCALATING)) == 2

    def answer_not_scam(alert):
        with tc.websocket_connect(ws_url(tok)) as ws:
            handshake(ws)
            ws.send_json({"type": "alert_response", "alert_id": alert["alert_id"], "action": "not_scam"})
            until(ws, "alert_response_recorded")

    quiet = feed(f"CA-{u('ns')}", ESCALATING, on_alert=answer_not_scam)
    assert len(quiet) == 1, "after not_scam the call raises no more alerts"
    from scamshield.store import alerts as alert_store

    async def counts():
        async with tc.app.state.ctx.db.session() as s:
            return await alert_store.response_counts(s, u("alice")), await alert_store.response_counts(s)

    mine, everyone = tc.portal.call(counts)
    ftype = quiet[0]["fraud_type"]
    assert mine == {ftype: {"hang_up": 0, "continue": 0, "not_scam": 1}}
    assert everyone[ftype]["not_scam"] >= 1
    body = tc.get("/learning/metrics", headers=auth(tok)).json()
    assert body["user"]["alert_responses"] == mine and body["global"] is None
    admin = tc.get("/learning/metrics", headers=auth(token(u("ops"), roles=["admin"]))).json()
    assert admin["global"]["alert_responses"][ftype]["not_scam"] >= 1


def test_another_users_test_alert_cannot_silence_a_held_call(tc, token, u):
    """Review repro: a Twilio call from an unknown number is held; mallory may not attach a test alert to it (whose
    not_scam answer used to quiet the call for its real owner); the victim later gets every held alert."""
    admin, svc = token(u("ops"), roles=["admin"]), token(u("tel"), roles=["service"])
    mallory, victim = u("mallory"), u("victim")
    mallory_tok = token(mallory)
    tc.get("/user/me", headers=auth(mallory_tok))
    tc.get("/user/me", headers=auth(token(victim)))
    held_sid, caller = "CAheld" + u("x"), caller_number()
    assert signed_post(tc, "/twilio/voice", {"CallSid": held_sid, "From": caller}).status_code == 200
    for sid, code in ((held_sid, (403, "call_not_associated")), ("CAnowhere" + u("x"), (404, "call_not_found"))):
        r = tc.post("/api/debug/simulate-alert", json={"user_id": mallory, "call_sid": sid}, headers=auth(admin))
        assert (r.status_code, r.json()["error"]["code"]) == code
    twilio_call(tc, held_sid, caller=caller)  # the scam transcription callbacks
    r = tc.post("/api/associate-call", json={"call_sid": held_sid, "user_id": victim}, headers=auth(svc))
    assert r.status_code == 200 and r.json()["held_alerts"] >= 1
    # the owner may attach a test alert to their own call; someone else's call -> 409
    ok = tc.post("/api/debug/simulate-alert", json={"user_id": victim, "call_sid": held_sid}, headers=auth(admin))
    assert ok.status_code == 200
    r = tc.post("/api/debug/simulate-alert", json={"user_id": mallory, "call_sid": held_sid}, headers=auth(admin))
    assert r.status_code == 409 and r.json()["error"]["code"] == "call_owned"


def test_held_alerts_respect_the_new_owners_preferences(tc, token, u):
    call_sid, caller = "CA" + u("pref").ljust(32, "c"), caller_number()
    twilio_call(tc, call_sid, caller=caller)
    owner = token(u("picky"), phone=caller)
    assert tc.put("/settings", json={"notifications": {"call_alerts": False}}, headers=auth(owner)).status_code == 200
    r = tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(owner))
    assert r.status_code == 200 and r.json()["held_alerts"] == 0
    with tc.websocket_connect(ws_url(owner)) as ws:
        _, replayed = handshake(ws)
        assert replayed == []

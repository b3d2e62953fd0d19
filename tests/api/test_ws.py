"""/api/ws: authentication, delivery to exactly the owner's devices, replay, ack, hostile clients."""

from __future__ import annotations

import itertools
import json

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from scamshield.api.app import create_app
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET, auth
from tests.support.realtime import FRIEND_CALL, SBI_CALL, drain_until_pong, handshake, until, ws_url

ALICE_PHONE = "+919876543210"
BOB_PHONE = "+919812345678"


_ids = itertools.count()


@pytest.fixture(scope="module")
def tc(tmp_path_factory):
    """One app for the module (start-up runs migrations: ~1 s). Tests use their own users (``u``) and call ids."""
    settings = Settings(env="test", data_dir=tmp_path_factory.mktemp("ws"), jwt_secret=TEST_SECRET,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def u():
    """Per-test user ids: ``u("alice")`` -> ``alice17``."""
    n = next(_ids)
    return lambda name: f"{name}{n}"


def feed_rest(tc, tok, call_sid, lines, start=0):
    out = []
    for i, line in enumerate(lines, start=start):
        r = tc.post(f"/api/calls/{call_sid}/transcript", json={"text": line, "speaker": "caller", "sequence": i},
                    headers=auth(tok))
        assert r.status_code == 200, r.text
        out.append(r.json())
    return out


def held_gauge(tc) -> float:
    line = next(x for x in tc.get("/metrics").text.splitlines() if x.startswith("scamshield_held_alerts "))
    return float(line.split()[1])


def close_code(ws) -> int:
    with pytest.raises(WebSocketDisconnect) as exc:
        for _ in range(20):
            ws.receive_json()
    return exc.value.code


# --- handshake ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query,code", [
    ("", 4401),
    ("?token=not-a-jwt", 4401),
])
def test_bad_or_missing_token_is_refused(tc, query, code):
    with tc.websocket_connect("/api/ws" + query) as ws:
        assert close_code(ws) == code


def test_expired_token_refused(tc, token, u):
    with tc.websocket_connect(ws_url(token(u("alice"), ttl=-120))) as ws:
        assert close_code(ws) == 4401


@pytest.mark.parametrize("params", [{"user_id": "bob"}, {"phone_number": "%2B919812345678"}])
def test_params_contradicting_the_token_are_refused(tc, token, params, u):
    with tc.websocket_connect(ws_url(token(u("alice"), phone=ALICE_PHONE), **params)) as ws:
        assert close_code(ws) == 4403


def test_service_token_cannot_listen_as_another_user(tc, token, u):
    with tc.websocket_connect(ws_url(token(u("telephony"), roles=["service"]), user_id=u("alice"))) as ws:
        assert close_code(ws) == 4403


def test_bad_since_is_refused(tc, token, u):
    with tc.websocket_connect(ws_url(token(u("alice")), since="abc")) as ws:
        assert close_code(ws) == 4400


def test_header_token_and_matching_params_accepted(tc, token, u):
    tok = token(u("alice"), phone=ALICE_PHONE)
    with tc.websocket_connect(f"/api/ws?user_id={u('alice')}&phone_number=%2B919876543210",
                              headers={"Authorization": f"Bearer {tok}"}) as ws:
        connected, replayed = handshake(ws)
        assert connected["user_id"] == u("alice") and connected["connection_id"] and replayed == []
        ws.send_json({"type": "ping", "id": 7})
        assert until(ws, "pong")["id"] == 7


# --- delivery: two users, two devices each -----------------------------------------------------------------------
def test_alert_reaches_all_owner_devices_and_nobody_else(tc, token, u):
    ta, tb = token(u("alice"), phone=ALICE_PHONE), token(u("bob"), phone=BOB_PHONE)
    with tc.websocket_connect(ws_url(ta)) as a1, tc.websocket_connect(ws_url(ta)) as a2, \
            tc.websocket_connect(ws_url(tb)) as b1, tc.websocket_connect(ws_url(tb)) as b2:
        for ws in (a1, a2, b1, b2):
            handshake(ws)
        assert tc.post("/api/associate-call", json={"call_sid": "CA-alice-1"}, headers=auth(ta)).status_code == 200
        results = feed_rest(tc, ta, "CA-alice-1", SBI_CALL[:4])
        alerts = [r["alert"] for r in results if r["alert"]]
        assert alerts, "the SBI call must alert"
        assert next(i for i, r in enumerate(results) if r["alert"]) <= 3  # by the 4th utterance
        got = []
        for ws in (a1, a2):
            msg = until(ws, "fraud_alert")
            assert msg["is_fraud"] is True and msg["fraud_type"] == "BANK_KYC_IMPERSONATION"
            assert msg["call_sid"] == "CA-alice-1" and msg["alert_id"] == alerts[0]["alert_id"] and msg["seq"] == 1
            assert msg["test"] is False and msg["reasons"] and msg["advice"]
            got.append(msg["alert_id"])
        assert got[0] == got[1]
        for ws in (b1, b2):
            assert not [m for m in drain_until_pong(ws) if m["type"] == "fraud_alert"]


def test_ws_path_alerts_by_fourth_utterance(tc, token, u):
    ta = token(u("alice"))
    with tc.websocket_connect(ws_url(ta)) as ws:
        handshake(ws)
        ws.send_json({"type": "associate_call", "call_sid": "CA-ws-1", "id": "a"})
        assert until(ws, "call_associated") == {"type": "call_associated", "id": "a", "call_sid": "CA-ws-1",
                                                 "already_associated": False, "held_alerts": 0}
        alerted_at = None
        for i, line in enumerate(SBI_CALL[:4]):
            ws.send_json({"type": "transcript", "call_sid": "CA-ws-1", "text": line, "sequence": i, "id": i})
            for msg in drain_until_pong(ws, f"p{i}"):
                if msg["type"] == "fraud_alert" and alerted_at is None:
                    alerted_at = i
        assert alerted_at is not None and alerted_at <= 3


def test_friendly_call_does_not_alert(tc, token, u):
    ta = token(u("alice"))
    with tc.websocket_connect(ws_url(ta)) as ws:
        handshake(ws)
        results = feed_rest(tc, ta, "CA-friend", FRIEND_CALL)
        assert all(r["alert"] is None for r in results)
        assert not [m for m in drain_until_pong(ws) if m["type"] == "fraud_alert"]


# --- hijack attempts ---------------------------------------------------------------------------------------------
def test_hijack_attempts_fail(tc, token, u):
    ta, tb = token(u("alice")), token(u("bob"))
    assert tc.post("/api/associate-call", json={"call_sid": "CA-hij"}, headers=auth(ta)).status_code == 200
    feed_rest(tc, ta, "CA-hij", SBI_CALL[:4])
    with tc.websocket_connect(ws_url(tb)) as b:
        _, replayed = handshake(b)
        assert replayed == []  # bob never sees alice's alert
        b.send_json({"type": "associate_call", "call_sid": "CA-hij", "id": 1})
        err = until(b, "error")
        assert err["code"] == "call_owned" and err["id"] == 1
        b.send_json({"type": "associate_call", "call_sid": "CA-other", "user_id": u("alice"), "id": 2})
        assert until(b, "error")["code"] == "identity_mismatch"
        b.send_json({"type": "transcript", "call_sid": "CA-hij", "text": "hello", "id": 3})
        assert until(b, "error")["code"] == "not_call_owner"
    with tc.websocket_connect(ws_url(ta)) as a:
        _, replayed = handshake(a)
        alert_id = replayed[0]["alert_id"]
    with tc.websocket_connect(ws_url(tb)) as b:
        handshake(b)
        b.send_json({"type": "ack", "alert_id": alert_id})
        assert until(b, "error")["code"] == "alert_not_found"
        b.send_json({"type": "alert_response", "alert_id": alert_id, "action": "not_scam"})
        assert until(b, "error")["code"] == "alert_not_found"
    # alice still has it unacked
    with tc.websocket_connect(ws_url(ta)) as a:
        _, replayed = handshake(a)
        assert [m["alert_id"] for m in replayed] == [alert_id]


# --- replay and ack ----------------------------------------------------------------------------------------------
def test_reconnect_with_and_without_since_and_ack(tc, token, u):
    ta = token(u("alice"))
    ids = []
    for n in range(3):  # three scam calls while alice is offline -> three alerts (one per call at least)
        tc.post("/api/associate-call", json={"call_sid": f"CA-off-{n}"}, headers=auth(ta))
        for r in feed_rest(tc, ta, f"CA-off-{n}", SBI_CALL[:4]):
            if r["alert"]:
                ids.append((r["alert"]["seq"], r["alert"]["alert_id"]))
    seqs = [s for s, _ in ids]
    assert seqs == list(range(1, len(ids) + 1))
    with tc.websocket_connect(ws_url(ta)) as ws:  # no since: every unacked alert of the window
        connected, replayed = handshake(ws)
        assert connected["last_seq"] == len(ids)
        assert [(m["seq"], m["alert_id"]) for m in replayed] == ids and all(m["replayed"] for m in replayed)
        ws.send_json({"type": "ack", "alert_id": ids[0][1], "id": "k"})
        assert until(ws, "acked")["alert_id"] == ids[0][1]
        ws.send_json({"type": "alert_response", "alert_id": ids[1][1], "action": "hang_up"})
        assert until(ws, "alert_response_recorded")["action"] == "hang_up"
    with tc.websocket_connect(ws_url(ta)) as ws:  # acked / answered alerts are not re-sent
        _, replayed = handshake(ws)
        assert [m["alert_id"] for m in replayed] == [i for _, i in ids[2:]]
    with tc.websocket_connect(ws_url(ta, since=1)) as ws:  # since: everything after that seq, acked or not
        _, replayed = handshake(ws)
        assert [m["seq"] for m in replayed] == seqs[1:]
    with tc.websocket_connect(ws_url(ta, since=len(ids))) as ws:
        _, replayed = handshake(ws)
        assert replayed == []


def test_ack_reaches_the_other_devices(tc, token, u):
    ta = token(u("alice"))
    with tc.websocket_connect(ws_url(ta)) as a1, tc.websocket_connect(ws_url(ta)) as a2:
        handshake(a1), handshake(a2)
        r = tc.post("/api/debug/simulate-alert", json={"user_id": u("alice")}, headers=auth(token(u("ops"), roles=["admin"])))
        assert r.status_code == 200, r.text
        alert = until(a1, "fraud_alert")
        assert alert["test"] is True and until(a2, "fraud_alert")["alert_id"] == alert["alert_id"]
        a1.send_json({"type": "ack", "alert_id": alert["alert_id"]})
        assert until(a2, "alert_acked")["alert_id"] == alert["alert_id"]


# --- held alerts and broadcast mode ------------------------------------------------------------------------------
def test_held_alert_delivered_on_association(tc, token, u):
    svc, ta = token(u("telephony"), roles=["service"]), token(u("alice"))
    results = feed_rest(tc, svc, "CA-unowned", SBI_CALL[:4])
    held = [r["alert"] for r in results if r["alert"]]
    assert held and held[0]["held"] is True and held[0]["seq"] is None
    held_before = held_gauge(tc)
    with tc.websocket_connect(ws_url(token(u("bob")))) as b, tc.websocket_connect(ws_url(ta)) as a:
        handshake(b), handshake(a)
        # a call the integration created is not the device's to claim: the integration associates it
        a.send_json({"type": "associate_call", "call_sid": "CA-unowned", "id": 1})
        assert [m["code"] for m in drain_until_pong(a) if m["type"] == "error"] == ["call_not_claimable"]
        r = tc.post("/api/associate-call", json={"call_sid": "CA-unowned", "user_id": u("alice")}, headers=auth(svc))
        assert r.status_code == 200 and r.json()["held_alerts"] == len(held)
        got = drain_until_pong(a)
        alert = next(m for m in got if m["type"] == "fraud_alert")
        assert alert["alert_id"] == held[0]["alert_id"] and alert["seq"] == 1 and alert["call_sid"] == "CA-unowned"
        assert not [m for m in drain_until_pong(b) if m["type"] == "fraud_alert"]
    assert held_gauge(tc) == held_before - len(held)


@pytest.mark.parametrize("named,code", [
    ({}, "user_required"),
    ({"user_id": "SELF"}, "user_required"),
    ({"user_id": "alice"}, None),  # near miss: naming the user associates it to them
])
def test_service_socket_must_name_the_user_it_associates_for(tc, token, u, named, code):
    svc_id = u("telephony")
    named = {k: (svc_id if v == "SELF" else u(v)) for k, v in named.items()}
    sid = f"CA-wsvc-{svc_id}"
    with tc.websocket_connect(ws_url(token(svc_id, roles=["service"]))) as ws:
        handshake(ws)
        ws.send_json({"type": "associate_call", "call_sid": sid, "id": 7, **named})
        got = [m for m in drain_until_pong(ws) if m.get("id") == 7]
    if code:
        assert [(m["type"], m["code"]) for m in got] == [("error", code)]
        # the call stays free: its user can still associate it
        r = tc.post("/api/associate-call", json={"call_sid": sid}, headers=auth(token(u("alice"))))
        assert r.status_code == 200 and r.json()["user_id"] == u("alice")
    else:
        assert [m["type"] for m in got] == ["call_associated"]


def test_broadcast_mode_is_redacted(make_settings, token):
    with TestClient(create_app(make_settings(unrouted_alerts="broadcast"))) as c:
        svc = token("telephony", roles=["service"])
        with c.websocket_connect(ws_url(token("bob"))) as b:
            handshake(b)
            feed_rest(c, svc, "CA-bcast", SBI_CALL[:4])
            msg = until(b, "fraud_alert")
            assert msg["redacted"] is True and msg["call_sid"] is None and msg["reasons"] == [] and msg["seq"] is None
            assert msg["is_fraud"] is True and msg["fraud_type"]


def test_default_mode_never_broadcasts(tc, token, u):
    svc = token(u("telephony"), roles=["service"])
    with tc.websocket_connect(ws_url(token(u("bob")))) as b:
        handshake(b)
        feed_rest(tc, svc, "CA-nobody", SBI_CALL[:4])
        assert not [m for m in drain_until_pong(b) if m["type"] == "fraud_alert"]


# --- hostile clients ---------------------------------------------------------------------------------------------
def test_malformed_messages_get_errors_then_close(tc, token, u):
    with tc.websocket_connect(ws_url(token(u("alice")))) as ws:
        handshake(ws)
        ws.send_text("{not json")
        assert until(ws, "error")["code"] == "malformed_json"
        ws.send_json({"type": "transcript", "call_sid": "CA 1", "text": "secret text 9876543210"})
        err = until(ws, "error")
        assert err["code"] == "invalid_message" and "9876543210" not in err["message"]
        ws.send_json({"type": "launch_missiles"})
        assert until(ws, "error")["code"] == "unknown_type"
        ws.send_bytes(b"\x00\x01")
        assert until(ws, "error")["code"] == "binary_not_supported"
        for _ in range(12):
            ws.send_text("[]")
        assert close_code(ws) == 4408
    # the server is fine
    assert tc.get("/health").status_code == 200


@pytest.mark.parametrize("frame,reply_id,rule", [
    ({"type": "ping", "id": "x" * 100}, None, "id: must be a string of at most 64 characters or an integer"),
    ({"type": "ack", "alert_id": "a b", "id": "x" * 65}, None, "alert_id: must be 1 to 64 characters"),
    ({"type": "ack", "alert_id": "a b", "id": "r-1"}, "r-1", "alert_id: must be 1 to 64 characters"),  # valid id
    ({"type": "transcript", "call_sid": "CA1", "text": "", "id": 9}, 9, "text: must be a string of 1 to 4000"),
])
def test_invalid_message_reply_is_plain_and_echoes_only_a_valid_id(tc, token, u, frame, reply_id, rule):
    with tc.websocket_connect(ws_url(token(u("alice")))) as ws:
        handshake(ws)
        ws.send_json(frame)
        err = until(ws, "error")
    assert err["code"] == "invalid_message" and err["id"] == reply_id and rule in err["message"], err
    assert "constrained" not in err["message"] and ".int" not in err["message"] and "xxx" not in json.dumps(err)


def test_oversized_message_closes_4413(make_settings, token):
    with TestClient(create_app(make_settings(ws_max_message_bytes=2048))) as c:
        with c.websocket_connect(ws_url(token("alice"))) as ws:
            handshake(ws)
            ws.send_text(json.dumps({"type": "ping", "pad": "x" * 5000}))
            assert close_code(ws) == 4413


def test_flood_closes_4429(tc, token, u):
    with tc.websocket_connect(ws_url(token(u("alice")))) as ws:
        handshake(ws)
        for i in range(400):
            ws.send_json({"type": "pong"})
        assert close_code(ws) == 4429


# --- operations --------------------------------------------------------------------------------------------------
def test_active_connections_admin_only_and_masked(tc, token, u):
    ta = token(u("alice"), phone=ALICE_PHONE)
    with tc.websocket_connect(ws_url(ta)) as a:
        handshake(a)
        tc.post("/api/associate-call", json={"call_sid": "CA-map"}, headers=auth(ta))
        assert tc.get("/api/active-connections", headers=auth(ta)).status_code == 403
        assert tc.get("/api/active-connections").status_code == 401
        r = tc.get("/api/active-connections", headers=auth(token(u("ops"), roles=["admin"])))
        assert r.status_code == 200
        body = r.json()
        mine = [c for c in body["connections"] if c["user_id"] == u("alice")]
        assert body["total_connections"] >= 1 and len(mine) == 1
        assert mine[0]["phone_number"] == "+91******3210"
        assert body["call_mappings"]["CA-map"] == u("alice")
        assert ALICE_PHONE not in r.text


def test_simulate_alert_for_yourself_in_development(make_settings, token):
    with TestClient(create_app(make_settings(env="development"))) as c:
        with c.websocket_connect(ws_url(token("alice"))) as a:
            handshake(a)
            r = c.post("/api/debug/simulate-alert", json={}, headers=auth(token("alice")))
            assert r.status_code == 200
            assert until(a, "fraud_alert")["alert_id"] == r.json()["alert_id"]
            r = c.post("/api/debug/simulate-alert", json={"user_id": "bob"}, headers=auth(token("alice")))
            assert r.status_code == 403


def test_simulate_alert_rules(make_settings, token):
    with TestClient(create_app(make_settings(env="test"))) as c:
        ta, admin = token("alice"), token("ops", roles=["admin"])
        with c.websocket_connect(ws_url(ta)) as a:
            handshake(a)
            assert c.post("/api/debug/simulate-alert", json={}, headers=auth(ta)).status_code == 403
            assert c.post("/api/debug/simulate-alert", json={"user_id": "nobody"}, headers=auth(admin)).status_code == 404
            r = c.post("/api/debug/simulate-alert", json={"user_id": "alice"}, headers=auth(admin))
            assert r.status_code == 200 and r.json()["seq"] == 1
            assert until(a, "fraud_alert")["test"] is True

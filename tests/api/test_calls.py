"""POST /api/associate-call and POST /api/calls/{call_sid}/transcript: ownership, identity, idempotency."""

from __future__ import annotations

import asyncio
import zlib

import pytest
from starlette.testclient import TestClient

from scamshield.api.app import create_app
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET, auth
from tests.support.realtime import FRIEND_CALL, SBI_CALL


@pytest.fixture(scope="module")
def tc(tmp_path_factory):
    """One app for the module (start-up runs migrations: ~1 s); tests use distinct call ids and users."""
    settings = Settings(env="test", data_dir=tmp_path_factory.mktemp("calls"), jwt_secret=TEST_SECRET,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        yield c


def post_lines(client, tok, call_sid, lines, *, with_sequence=True):
    out = []
    for i, line in enumerate(lines):
        body = {"text": line, "speaker": "caller", **({"sequence": i} if with_sequence else {})}
        r = client.post(f"/api/calls/{call_sid}/transcript", json=body, headers=auth(tok))
        assert r.status_code == 200, r.text
        out.append(r.json())
    return out


def test_associate_is_idempotent_for_owner_and_409_for_others(tc, token):
    ta, tb = token("alice"), token("bob")
    r = tc.post("/api/associate-call", json={"call_sid": "CA100"}, headers=auth(ta))
    assert r.status_code == 200 and r.json() == {"call_sid": "CA100", "user_id": "alice", "status": "associated",
                                                 "already_associated": False, "held_alerts": 0}
    r = tc.post("/api/associate-call", json={"call_sid": "CA100", "user_id": "alice"}, headers=auth(ta))
    assert r.status_code == 200 and r.json()["already_associated"] is True
    r = tc.post("/api/associate-call", json={"call_sid": "CA100"}, headers=auth(tb))
    assert r.status_code == 409 and r.json()["error"]["code"] == "call_owned"


@pytest.mark.parametrize("body,status", [
    ({"call_sid": "CA1", "user_id": "bob"}, 403),
    ({"call_sid": "CA1", "phone_number": "+919812345678"}, 403),
    ({"call_sid": "bad sid with spaces"}, 422),
    ({"call_sid": "x" * 65}, 422),
    ({}, 422),
])
def test_associate_refuses_self_asserted_identity_and_bad_input(tc, token, body, status):
    r = tc.post("/api/associate-call", json=body, headers=auth(token("alice", phone="+919876543210")))
    assert r.status_code == status


def test_associate_requires_a_token(tc):
    r = tc.post("/api/associate-call", json={"call_sid": "CA1"})
    assert r.status_code == 401


def test_phone_param_without_phone_claim_is_refused(tc, token):
    r = tc.post("/api/associate-call", json={"call_sid": "CA1", "phone_number": "+919876543210"},
                          headers=auth(token("alice")))
    assert r.status_code == 403


def test_service_may_associate_for_a_user_by_id_or_phone(tc, token):
    svc = token("telephony", roles=["service"])
    # bob exists with a phone once he has used the API
    tc.post("/api/associate-call", json={"call_sid": "CA-b0"}, headers=auth(token("bob", phone="+919812345678")))
    r = tc.post("/api/associate-call", json={"call_sid": "CA-s1", "user_id": "bob"}, headers=auth(svc))
    assert r.status_code == 200 and r.json()["user_id"] == "bob"
    r = tc.post("/api/associate-call", json={"call_sid": "CA-s2", "phone_number": "09812345678"},
                          headers=auth(svc))
    assert r.status_code == 200 and r.json()["user_id"] == "bob"
    r = tc.post("/api/associate-call", json={"call_sid": "CA-s3", "phone_number": "+14155550100"},
                          headers=auth(svc))
    assert r.status_code == 404


@pytest.mark.parametrize("extra,status,code", [
    ({}, 422, "user_required"),                                  # names nobody: never the service's own call
    ({"user_id": ""}, 422, "user_required"),
    ({"phone_number": ""}, 422, "user_required"),
    ({"user_id": "svc-self"}, 422, "user_required"),             # names itself
    ({"user_id": "svc-self", "phone_number": "+919812345678"}, 422, "user_required"),
    ({"phone_number": "not a phone"}, 404, "user_not_found"),
    # near misses: a named user is served as before
    ({"user_id": "carol"}, 200, None),
    ({"user_id": "carol", "phone_number": "+14155550100"}, 200, None),
])
def test_service_must_name_the_user_it_associates_for(tc, token, extra, status, code):
    sid = f"CA-svc-{zlib.crc32(repr(extra).encode())}"
    r = tc.post("/api/associate-call", json={"call_sid": sid, **extra}, headers=auth(token("svc-self", roles=["service"])))
    assert r.status_code == status, r.text
    if code:
        assert r.json()["error"]["code"] == code and r.json()["error"]["message"]
    else:
        assert r.json()["user_id"] == "carol"


def test_service_without_a_user_leaves_the_call_free_for_its_owner(tc, token):
    r = tc.post("/api/associate-call", json={"call_sid": "CAzz"}, headers=auth(token("twilio-bridge", roles=["service"])))
    assert r.status_code == 422 and r.json()["error"]["code"] == "user_required"
    # the user's own association still works (the call was not taken by the service account)
    r = tc.post("/api/associate-call", json={"call_sid": "CAzz"}, headers=auth(token("dave")))
    assert r.status_code == 200 and r.json()["user_id"] == "dave" and r.json()["already_associated"] is False


async def test_concurrent_associations_only_one_wins(client, token):
    users = [f"user{i}" for i in range(6)]
    rs = await asyncio.gather(*(client.post("/api/associate-call", json={"call_sid": "CA-race"}, headers=auth(token(u)))
                                for u in users))
    assert sorted(r.status_code for r in rs) == [200] + [409] * 5


def test_sbi_call_alerts_by_fourth_utterance_via_rest(tc, token):
    ta = token("alice-sbi")
    tc.post("/api/associate-call", json={"call_sid": "CA-sbi"}, headers=auth(ta))
    results = post_lines(tc, ta, "CA-sbi", SBI_CALL[:4])
    first = next(i for i, r in enumerate(results) if r["alert"])
    assert first <= 3
    alert = results[first]["alert"]
    assert alert["seq"] == 1 and alert["held"] is False
    assert results[first]["fraud_type"] == "BANK_KYC_IMPERSONATION"
    assert sum(1 for r in results if r["alert"]) <= 2  # one per level, no spam


def test_friendly_call_stays_quiet_via_rest(tc, token):
    results = post_lines(tc, token("alice"), "CA-friend", FRIEND_CALL)
    assert all(r["alert"] is None for r in results) and results[-1]["risk_level"] == "low"


def test_resent_sequence_is_not_counted_twice(tc, token):
    ta = token("alice")
    first = post_lines(tc, ta, "CA-dup", SBI_CALL[:4])
    again = post_lines(tc, ta, "CA-dup", SBI_CALL[:4])
    assert all(r["duplicate"] for r in again) and all(r["alert"] is None for r in again)
    assert sum(1 for r in first if r["alert"]) >= 1


def test_transcript_authorization(tc, token):
    ta, tb, svc, admin = token("alice"), token("bob"), token("tel", roles=["service"]), token("ops", roles=["admin"])
    tc.post("/api/associate-call", json={"call_sid": "CA-own"}, headers=auth(ta))
    body = {"text": "hello"}
    assert (tc.post("/api/calls/CA-own/transcript", json=body)).status_code == 401
    r = tc.post("/api/calls/CA-own/transcript", json=body, headers=auth(tb))
    assert r.status_code == 403 and r.json()["error"]["code"] == "not_call_owner"
    assert (tc.post("/api/calls/CA-own/transcript", json=body, headers=auth(admin))).status_code == 403
    assert (tc.post("/api/calls/CA-own/transcript", json=body, headers=auth(ta))).status_code == 200
    assert (tc.post("/api/calls/CA-own/transcript", json=body, headers=auth(svc))).status_code == 200
    # posting to a call nobody owns claims it, so a second user is then refused
    assert (tc.post("/api/calls/CA-new/transcript", json=body, headers=auth(tb))).status_code == 200
    r = tc.post("/api/associate-call", json={"call_sid": "CA-new"}, headers=auth(ta))
    assert r.status_code == 409


@pytest.mark.parametrize("body", [{"text": ""}, {"text": "x" * 4001}, {"text": "hi", "sequence": -1}, {"speaker": "a"}])
def test_transcript_validation(tc, token, body):
    r = tc.post("/api/calls/CA-v/transcript", json=body, headers=auth(token("alice")))
    assert r.status_code == 422


def test_alert_metrics_counted(tc, token):
    ta = token("alice")
    post_lines(tc, ta, "CA-met", SBI_CALL[:4])
    text = (tc.get("/metrics")).text
    assert 'scamshield_alerts_total{fraud_type="BANK_KYC_IMPERSONATION"}' in text

"""Twilio: signed webhooks only, auto-association by caller number, transcription retries, media streams."""

from __future__ import annotations

import base64
import itertools
import json

import numpy as np
import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from scamshield.api.app import create_app
from scamshield.services import stt
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET, auth
from tests.support.realtime import (
    FRIEND_CALL,
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


@pytest.fixture(scope="module")
def tc(tmp_path_factory):
    settings = Settings(env="test", data_dir=tmp_path_factory.mktemp("tw"), jwt_secret=TEST_SECRET,
                        twilio_auth_token=TWILIO_TOKEN, public_url=PUBLIC_URL,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def sid():
    n = next(_n)
    return lambda prefix="CA": f"{prefix}{n:04d}" + "a" * 28


def signed_post(tc, path, params, *, signature=None, headers=None):
    sig = twilio_signature(path, params) if signature is None else signature
    h = {"X-Twilio-Signature": sig} if sig else {}
    return tc.post(path, data=params, headers={**h, **(headers or {})})


def content(call_sid, text, seq, *, track="inbound_track", final="true", tsid=None):
    tsid = tsid or "GT" + call_sid  # one transcription per call
    return {"AccountSid": "AC" + "0" * 32, "CallSid": call_sid, "TranscriptionSid": tsid, "SequenceId": str(seq),
            "Timestamp": "2025-01-01T00:00:00Z", "TranscriptionEvent": "transcription-content", "Track": track,
            "Final": final, "LanguageCode": "en-IN",
            "TranscriptionData": json.dumps({"transcript": text, "confidence": 0.93})}


# --- signatures --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/twilio/voice", "/twilio/transcription"])
def test_unsigned_and_forged_webhooks_are_refused(tc, sid, path):
    params = {"CallSid": sid(), "From": "+919876543210", **content(sid(), SBI_CALL[0], 1)}
    before = tc.get("/metrics").text.count("scamshield_webhook_rejections_total{")
    r = signed_post(tc, path, params, signature="")
    assert r.status_code == 403 and r.json()["error"]["code"] == "missing_signature"
    forged = twilio_signature(path, params, token="not-the-token")
    r = signed_post(tc, path, params, signature=forged)
    assert r.status_code == 403 and r.json()["error"]["code"] == "invalid_signature"
    # signed for another URL (e.g. the attacker's host) does not pass either
    other = twilio_signature(path, params, base="https://evil.example.com")
    assert signed_post(tc, path, params, signature=other).status_code == 403
    # tampering with a signed parameter breaks the signature
    good = twilio_signature(path, params)
    assert signed_post(tc, path, {**params, "From": "+919812345678"}, signature=good).status_code == 403
    text = tc.get("/metrics").text
    assert 'scamshield_webhook_rejections_total{reason="missing_signature"}' in text
    assert 'scamshield_webhook_rejections_total{reason="bad_signature"}' in text
    assert text.count("scamshield_webhook_rejections_total{") >= before


def test_host_header_is_not_trusted(tc, sid):
    params = {"CallSid": sid(), "From": "+14155550100"}
    # signed for the URL the request *appears* to have (Host header), not the configured public URL
    sig = twilio_signature("/twilio/voice", params, base="http://testserver")
    assert signed_post(tc, "/twilio/voice", params, signature=sig).status_code == 403


def test_not_configured_is_503(make_settings, token):
    with TestClient(create_app(make_settings())) as c:
        r = c.post("/twilio/transcription", data={"CallSid": "CA1"}, headers={"X-Twilio-Signature": "x"})
        assert r.status_code == 503 and r.json()["error"]["code"] == "twilio_not_configured"


# --- voice webhook -------------------------------------------------------------------------------------------------
def test_voice_webhook_associates_by_caller_and_starts_transcription(tc, token, sid):
    user, phone = f"carol{next(_n)}", "+919800011122"
    ta = token(user, phone=phone)
    with tc.websocket_connect(ws_url(ta)) as ws:  # connecting stores the user's phone number
        handshake(ws)
        call_sid = sid()
        r = signed_post(tc, "/twilio/voice", {"CallSid": call_sid, "From": "09800011122", "To": "+14155550100",
                                              "AccountSid": "AC" + "0" * 32, "CallStatus": "ringing"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/xml")
        body = r.text
        assert "<Start><Transcription" in body and 'track="both_tracks"' in body
        assert f'statusCallbackUrl="{PUBLIC_URL}/twilio/transcription"' in body and "<Pause" in body
        # the call is the user's now: an association by someone else fails, by the user is idempotent
        assert tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(token("mallory"))).status_code == 409
        r = tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(ta))
        assert r.json()["already_associated"] is True
        # the SBI call through the Twilio transcription webhook alerts by the 4th utterance, to this user
        first_alert = None
        for i, line in enumerate(SBI_CALL[:4]):
            assert signed_post(tc, "/twilio/transcription", content(call_sid, line, i + 1)).status_code == 200
            if first_alert is None and any(m["type"] == "fraud_alert" for m in drain_until_pong(ws, f"s{i}")):
                first_alert = i
        assert first_alert is not None and first_alert <= 3


def test_unknown_caller_call_is_held_until_associated(tc, token, sid):
    call_sid = sid()
    assert signed_post(tc, "/twilio/voice", {"CallSid": call_sid, "From": "+14155550199"}).status_code == 200
    for i, line in enumerate(SBI_CALL[:4]):
        assert signed_post(tc, "/twilio/transcription", content(call_sid, line, i + 1)).status_code == 200
    n = next(_n)
    with tc.websocket_connect(ws_url(token(f"eve{n}"))) as ws:  # a stranger cannot claim it (nor its alerts)
        handshake(ws)
        ws.send_json({"type": "associate_call", "call_sid": call_sid})
        got = drain_until_pong(ws)
        assert [m["code"] for m in got if m["type"] == "error"] == ["call_not_claimable"]
        assert not [m for m in got if m["type"] == "fraud_alert"]
    # the user whose (verified) number placed the call can: the held alerts arrive
    with tc.websocket_connect(ws_url(token(f"dave{n}", phone="+14155550199"))) as ws:
        handshake(ws)
        ws.send_json({"type": "associate_call", "call_sid": call_sid})
        got = drain_until_pong(ws)
        alerts = [m for m in got if m["type"] == "fraud_alert"]
        assert alerts and alerts[0]["call_sid"] == call_sid and alerts[0]["seq"] == 1


def test_twilio_retry_does_not_double_alert(tc, token, sid):
    def run(user, call_sid, attempts):
        tok = token(user)
        tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(tok))
        with tc.websocket_connect(ws_url(tok)) as ws:
            handshake(ws)
            for i, line in enumerate(SBI_CALL[:4]):
                for attempt in range(attempts):  # Twilio retries a callback it thinks failed
                    r = signed_post(tc, "/twilio/transcription", content(call_sid, line, i + 1))
                    assert r.status_code == 200 and r.json()["duplicate"] is (attempt > 0)
            live = [m["alert_id"] for m in drain_until_pong(ws) if m["type"] == "fraud_alert"]
        with tc.websocket_connect(ws_url(tok, since=0)) as ws:
            _, stored = handshake(ws)
        return live, [m["alert_id"] for m in stored]

    live, stored = run(f"erin{next(_n)}", sid(), attempts=3)
    ref_live, ref_stored = run(f"fred{next(_n)}", sid("CB"), attempts=1)
    assert live and live == stored and len(set(live)) == len(live)
    assert len(live) == len(ref_live) == len(ref_stored)


def test_partial_results_and_events(tc, sid):
    call_sid = sid()
    for event in ("transcription-started", "transcription-error", "transcription-stopped"):
        params = {"CallSid": call_sid, "TranscriptionSid": "GT" + "3" * 32, "TranscriptionEvent": event,
                  "SequenceId": "1", "TranscriptionErrorCode": "32655"}
        assert signed_post(tc, "/twilio/transcription", params).status_code == 200
    r = signed_post(tc, "/twilio/transcription", content(call_sid, "hello", 2, final="false"))
    assert r.status_code == 200 and r.json()["duplicate"] is False
    bad = {**content(call_sid, "x", 3), "TranscriptionData": "{not json"}
    assert signed_post(tc, "/twilio/transcription", bad).status_code == 422
    assert signed_post(tc, "/twilio/transcription", {"TranscriptionEvent": "transcription-content"}).status_code == 422


def test_friendly_call_via_twilio_does_not_alert(tc, token, sid):
    ta = token(f"gina{next(_n)}")
    call_sid = sid()
    tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(ta))
    with tc.websocket_connect(ws_url(ta)) as ws:
        handshake(ws)
        for i, line in enumerate(FRIEND_CALL):
            signed_post(tc, "/twilio/transcription", content(call_sid, line, i + 1, tsid="GT" + "4" * 32))
        assert not [m for m in drain_until_pong(ws) if m["type"] == "fraud_alert"]


# --- media streams -------------------------------------------------------------------------------------------------
def ulaw_encode(pcm: np.ndarray) -> bytes:
    """Reference G.711 μ-law encoder (the decoder under test is its inverse)."""
    x = pcm.astype(np.int32)
    sign = np.where(x < 0, 0x80, 0)
    mag = np.minimum(np.abs(x), 32635) + 0x84
    exponent = np.floor(np.log2(mag)).astype(np.int32) - 7
    mantissa = (mag >> (exponent + 3)) & 0x0F
    return (~(sign | (exponent << 4) | mantissa) & 0xFF).astype(np.uint8).tobytes()


def test_mulaw_decoder_matches_reference():
    samples = np.array([0, 1, -1, 100, -100, 1000, -1000, 8000, -8000, 32000, -32000], dtype=np.int16)
    decoded = stt.mulaw_decode(ulaw_encode(samples))
    # μ-law is lossy: within one quantisation step (≤ 1/16 of the magnitude + bias)
    assert np.all(np.abs(decoded.astype(int) - samples.astype(int)) <= np.abs(samples.astype(int)) // 16 + 8)
    assert stt.mulaw_decode(bytes([0xFF]))[0] == 0 and stt.mulaw_decode(bytes([0x00]))[0] == -32124
    assert stt.mulaw_decode(bytes([0x80]))[0] == 32124


def speech_chunks(utterances: int, rate: int = 8000) -> list[bytes]:
    """Tone bursts (0.4 s) separated by silence (0.5 s), in 20 ms μ-law frames, like Twilio sends."""
    t = np.arange(int(0.4 * rate)) / rate
    tone = (8000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)
    silence = np.zeros(int(0.5 * rate), dtype=np.int16)
    audio = np.concatenate([np.concatenate([tone, silence]) for _ in range(utterances)])
    data = ulaw_encode(audio)
    return [data[i:i + 160] for i in range(0, len(data), 160)]


def test_media_stream_with_pluggable_engine_alerts_the_owner(tc, token, sid):
    ta = token(f"hana{next(_n)}")
    call_sid = sid()
    tc.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(ta))
    tc.app.state.ctx.extras["stt"] = stt.create("scripted")
    sig = twilio_signature("/twilio/media", {}, base=PUBLIC_URL.replace("https", "wss"))
    with tc.websocket_connect(ws_url(ta)) as user_ws:
        handshake(user_ws)
        with tc.websocket_connect("/twilio/media", headers={"X-Twilio-Signature": sig}) as media:
            media.send_json({"event": "connected", "protocol": "Call", "version": "1.0.0"})
            media.send_json({"event": "start", "sequenceNumber": "1", "streamSid": "MZ" + "1" * 32,
                             "start": {"accountSid": "AC1", "streamSid": "MZ" + "1" * 32, "callSid": call_sid,
                                       "tracks": ["inbound"], "customParameters": {"script": "|".join(SBI_CALL[:4])},
                                       "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}}})
            for n, chunk in enumerate(speech_chunks(4)):
                media.send_json({"event": "media", "streamSid": "MZ" + "1" * 32,
                                 "media": {"track": "inbound", "chunk": str(n), "timestamp": str(n * 20),
                                           "payload": base64.b64encode(chunk).decode()}})
            media.send_json({"event": "stop", "streamSid": "MZ" + "1" * 32, "stop": {"callSid": call_sid}})
            with pytest.raises(WebSocketDisconnect):
                media.receive_json()
        alert = until(user_ws, "fraud_alert")
        assert alert["call_sid"] == call_sid and alert["fraud_type"] == "BANK_KYC_IMPERSONATION"


@pytest.mark.parametrize("failure", ["unexpected", "runtime", "storage"])
def test_media_stream_ingest_failure_is_logged_masked_and_closes_1011(tc, sid, monkeypatch, caplog, failure):
    """An error from ingestion other than a disconnect (a database failure, a bug) does not escape the handler: it
    is logged by type only (a DBAPI error's text carries the SQL parameters, i.e. the transcript) and the socket is
    closed with 1011."""
    import logging

    from sqlalchemy.exc import OperationalError

    secret = "my OTP is 48291 and my number +919812345678"
    calls = tc.app.state.ctx.extras["calls"]

    async def boom(*_a, **_k):
        if failure == "storage":
            raise OperationalError("INSERT INTO transcript_segments ...", (secret,), Exception("database is locked"))
        raise (RuntimeError if failure == "runtime" else ValueError)(secret)

    monkeypatch.setattr(calls, "ingest_transcript", boom)
    tc.app.state.ctx.extras["stt"] = stt.create("scripted")
    sig = twilio_signature("/twilio/media", {}, base=PUBLIC_URL.replace("https", "wss"))
    call_sid = sid()
    caplog.set_level(logging.DEBUG)
    with tc.websocket_connect("/twilio/media", headers={"X-Twilio-Signature": sig}) as media:
        media.send_json({"event": "start", "streamSid": "MZ" + "2" * 32,
                         "start": {"streamSid": "MZ" + "2" * 32, "callSid": call_sid,
                                   "customParameters": {"script": SBI_CALL[0]}}})
        for n, chunk in enumerate(speech_chunks(1)):
            media.send_json({"event": "media", "media": {"track": "inbound", "chunk": str(n),
                                                         "payload": base64.b64encode(chunk).decode()}})
        with pytest.raises(WebSocketDisconnect) as exc:
            for _ in range(10):
                media.receive_json()
    assert exc.value.code == 1011
    failures = [r for r in caplog.records if r.name == "scamshield.twilio" and r.levelno >= logging.WARNING]
    assert failures, [r.getMessage() for r in caplog.records]
    logged = "\n".join(r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
                       for r in caplog.records)
    assert "48291" not in logged and "9812345678" not in logged


def test_media_stream_refuses_unsigned_handshake(tc):
    for headers in ({}, {"X-Twilio-Signature": "forged"}):
        with pytest.raises(WebSocketDisconnect) as exc:
            with tc.websocket_connect("/twilio/media", headers=headers) as ws:
                ws.receive_json()
        assert exc.value.code == 4403


@pytest.mark.parametrize("verstat,associated", [("TN-Validation-Passed-A", True), ("TN-Validation-Passed-C", False),
                                                 (None, False)])
def test_stir_attestation_required_when_configured(tmp_path, token, verstat, associated):
    """With SCAMSHIELD_TWILIO_REQUIRE_STIR_A, a spoofable caller id without full attestation finds no owner."""
    settings = Settings(env="test", data_dir=tmp_path, jwt_secret=TEST_SECRET, twilio_auth_token=TWILIO_TOKEN,
                        public_url=PUBLIC_URL, twilio_require_stir_a=True,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        ta = token("stir-user", phone="+919800033344")
        with c.websocket_connect(ws_url(ta)) as ws:  # connecting stores the verified phone number
            handshake(ws)
        call_sid = "CA" + "5" * 32
        params = {"CallSid": call_sid, "From": "+919800033344", **({"StirVerstat": verstat} if verstat else {})}
        assert signed_post(c, "/twilio/voice", params).status_code == 200
        r = c.post("/api/associate-call", json={"call_sid": call_sid}, headers=auth(ta))
        # The owner (verified phone = From) may always claim it explicitly; the gate is on *automatic* association.
        assert r.status_code == 200
        assert r.json()["already_associated"] is associated


@pytest.mark.parametrize("enabled", [False, True])
def test_partial_results_setting_reaches_the_twiml(tmp_path, enabled):
    """SCAMSHIELD_TWILIO_PARTIAL_RESULTS decides whether Twilio is asked for interim transcripts."""
    settings = Settings(env="test", data_dir=tmp_path, jwt_secret=TEST_SECRET, twilio_auth_token=TWILIO_TOKEN,
                        public_url=PUBLIC_URL, twilio_partial_results=enabled,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        r = signed_post(c, "/twilio/voice", {"CallSid": "CA" + "6" * 32, "From": "+14155550123"})
        assert r.status_code == 200
        assert f'partialResults="{str(enabled).lower()}"' in r.text


def test_unknown_stt_engine_refused_at_start(tmp_path):
    from scamshield.errors import ConfigError

    settings = Settings(env="test", data_dir=tmp_path, jwt_secret=TEST_SECRET, twilio_auth_token=TWILIO_TOKEN,
                        public_url=PUBLIC_URL, stt_engine="no-such-engine")
    with pytest.raises(ConfigError, match="no-such-engine"):
        with TestClient(create_app(settings)):
            pass

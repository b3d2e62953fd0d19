"""Secrets and privacy in logs (issue 8): a full scenario against a real server process, then grep its log for the
tokens, the phone numbers (in any format), the message and transcript texts. None may appear. Plus unit tests of
the redaction helpers."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from twilio.request_validator import RequestValidator

from scamshield.logging_setup import JsonFormatter, RedactingFilter, mask_phone, redact
from tests.support.server import ServerProcess

SECRET = "log-privacy-secret-" + "s" * 40
TWILIO = "log-privacy-twilio-" + "t" * 20
ALICE_PHONE = "+919812345678"
CALLER_PHONE = "+919876501234"
SMS_PHONE = "+919900112233"


def _digits_pattern(e164: str) -> re.Pattern[str]:
    """The national number in any format: separators (space, dash, dot, brackets) between any digits."""
    national = e164[-10:]
    return re.compile(r"\D{0,3}".join(national))


def _mint(env: dict[str, str], user: str, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "scamshield", "token", user, *args], env=env, capture_output=True,
                         text=True, timeout=60, check=True)
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module", params=["INFO", "DEBUG"])
def scenario(tmp_path_factory, request):
    """Run at the default level and at DEBUG, the most verbose one an operator could choose."""
    import os

    tmp = tmp_path_factory.mktemp("logprivacy")
    log_path = tmp / "server.log"
    tag = uuid.uuid4().hex[:8]
    env = {
        "SCAMSHIELD_DATA_DIR": str(tmp / "var"),
        "SCAMSHIELD_JWT_SECRET": SECRET,
        "SCAMSHIELD_TWILIO_AUTH_TOKEN": TWILIO,
        "SCAMSHIELD_LOG_LEVEL": request.param,
        "SCAMSHIELD_RATE_LIMIT_USER": "off",
        "SCAMSHIELD_RATE_LIMIT_IP": "off",
    }
    server = ServerProcess(env, log_path=log_path)
    env["SCAMSHIELD_PUBLIC_URL"] = server.base_url
    full_env = {**os.environ, **env}
    texts = {
        "sms": f"Dear customer {tag}qx your KYC is pending, call {SMS_PHONE} or 099001 12233 and pay victim{tag}@ybl",
        "sms2": f"Your parcel {tag}zp is held at customs, contact 9900112233 now",
        "transcript": f"Hello this is the SBI head office {tag}tr, your KYC has expired, download AnyDesk",
        "transcript2": f"Share the OTP {tag}ot with me now or your account will be blocked",
        "twilio": f"I am calling from the CBI {tag}tw, you are under digital arrest",
        "feedback": f"my private comment {tag}fb",
        "report": f"description of what happened {tag}rp",
        "note": f"rent for flat {tag}nt",
    }
    tokens = {}
    with server:
        tokens["alice"] = _mint(full_env, "alice", "--phone", ALICE_PHONE)
        tokens["svc"] = _mint(full_env, "telephony", "--role", "service")
        tokens["admin"] = _mint(full_env, "root", "--role", "admin")
        h = {"Authorization": f"Bearer {tokens['alice']}"}
        base = server.base_url
        with httpx.Client(base_url=base, timeout=30) as c:
            results = [
                c.post("/analyze/sms", json={"message": texts["sms"], "sender": "+919900112233"}, headers=h),
                c.post("/analyze/sms", json={"message": texts["sms2"]}, headers=h),
                c.post("/analyze/url", json={"url": f"https://sbi-kyc-{tag}.info/login?phone=9812345678"}, headers=h),
                c.post("/analyze/qr", json={"qr_data": f"upi://pay?pa=9812345678@paytm&pn=Refund&tn={tag}qr"}, headers=h),
                c.post("/analyze/transaction", headers=h, json={"transaction": {
                    "amount": "60000", "recipient_upi": "9812345678@weird", "transaction_note": texts["note"]}}),
                c.post("/payee/transactions", headers=h, json={"payee_upi": "9812345678@ybl", "amount": "10.00",
                                                               "note": texts["note"]}),
                c.post("/feedback", headers=h, json={"entity_type": "phone_number", "entity_id": SMS_PHONE,
                                                     "verdict": "fraud", "comment": texts["feedback"]}),
                c.post("/report/fraud", headers=h, json={"entity_type": "phone_number", "entity_id": SMS_PHONE,
                                                         "description": texts["report"]}),
                # failures must not log what they refused either
                c.post("/analyze/sms", json={"message": texts["sms"]},
                       headers={"Authorization": f"Bearer {tokens['alice']}x"}),
                c.post("/analyze/sms", content=b'{"message": "' + texts["sms"].encode() + b'"',
                       headers={**h, "content-type": "application/json"}),
                c.post("/analyze/sms", json={"message": texts["sms"], "sender": "x" * 500}, headers=h),
            ]
            # WebSocket with the token in the query string: associate a call, stream transcript segments
            from websockets.sync.client import connect

            sid = f"CA{tag}privacy"
            with connect(f"{server.ws_url}/api/ws?token={tokens['alice']}&phone_number=%2B919812345678",
                         open_timeout=10) as ws:
                assert json.loads(ws.recv(timeout=10))["type"] == "connected"
                ws.send(json.dumps({"type": "associate_call", "call_sid": sid}))
                seen = []
                while "call_associated" not in seen:  # owned before the service posts to it (else it is the service's)
                    seen.append(json.loads(ws.recv(timeout=10)).get("type"))
                ws.send(json.dumps({"type": "transcript", "call_sid": sid, "text": texts["transcript"]}))
                ws.send(json.dumps({"type": "transcript", "call_sid": sid, "text": texts["transcript2"]}))
                results.append(c.post(f"/api/calls/{sid}/transcript", json={"text": texts["transcript2"] + " again"},
                                      headers={"Authorization": f"Bearer {tokens['svc']}"}))
                for _ in range(30):
                    try:
                        msg = json.loads(ws.recv(timeout=5))
                    except TimeoutError:
                        break
                    seen.append(msg.get("type"))
                    if msg.get("type") == "fraud_alert":
                        ws.send(json.dumps({"type": "ack", "alert_id": msg["alert_id"]}))
                        break
                results.append(c.post("/api/debug/simulate-alert", json={"user_id": "alice"},
                                      headers={"Authorization": f"Bearer {tokens['admin']}"}))
            # Twilio: voice webhook from the caller's number, then a transcription callback, both signed
            validator = RequestValidator(TWILIO)
            tw_sid = f"CA{tag}twilio"
            voice = {"CallSid": tw_sid, "From": ALICE_PHONE, "To": CALLER_PHONE, "CallStatus": "ringing"}
            results.append(c.post("/twilio/voice", data=voice, headers={
                "X-Twilio-Signature": validator.compute_signature(base + "/twilio/voice", voice)}))
            event = {"CallSid": tw_sid, "TranscriptionSid": f"GT{tag}", "SequenceId": "1", "Track": "inbound_track",
                     "TranscriptionEvent": "transcription-content", "Final": "true", "LanguageCode": "en-IN",
                     "TranscriptionData": json.dumps({"transcript": texts["twilio"], "confidence": 0.9})}
            results.append(c.post("/twilio/transcription", data=event, headers={
                "X-Twilio-Signature": validator.compute_signature(base + "/twilio/transcription", event)}))
            # an unsigned (forged) one is rejected and logged as a rejection only
            results.append(c.post("/twilio/transcription", data=event, headers={"X-Twilio-Signature": "Zm9yZ2Vk"}))
            active = c.get("/api/active-connections", headers={"Authorization": f"Bearer {tokens['admin']}"})
    return {"log": log_path.read_text(errors="replace"), "tokens": tokens, "texts": texts, "results": results,
            "alert_types": seen, "active": active}


def test_scenario_ran(scenario):
    statuses = [r.status_code for r in scenario["results"]]
    assert statuses[:8] == [200, 200, 200, 200, 200, 201, 200, 200], statuses
    assert statuses[8:11] == [401, 400, 422], statuses
    assert "fraud_alert" in scenario["alert_types"], scenario["alert_types"]
    # positive control: the log really is this server's log, with request lines in it
    assert "/analyze/sms" in scenario["log"] and "/twilio/transcription" in scenario["log"]


def test_no_token_in_logs(scenario):
    log = scenario["log"]
    for name, tok in scenario["tokens"].items():
        header, payload, signature = tok.split(".")
        assert tok not in log, f"{name}'s token is in the log"
        assert payload not in log and signature not in log, f"part of {name}'s token is in the log"
    assert SECRET not in log and TWILIO not in log


@pytest.mark.parametrize("phone", [ALICE_PHONE, CALLER_PHONE, SMS_PHONE])
def test_no_phone_number_in_logs_in_any_format(scenario, phone):
    hits = [m.group(0) for m in _digits_pattern(phone).finditer(scenario["log"])]
    assert not hits, f"{mask_phone(phone)} appears in the log as {hits[:3]}"


def test_no_message_or_transcript_text_in_logs(scenario):
    log = scenario["log"].lower()
    for name, text in scenario["texts"].items():
        unique = re.search(r"[0-9a-f]{8}[a-z]{2}\b", text).group(0)  # the marker planted in each text
        assert unique.lower() not in log, f"{name} text is in the log ({unique})"
        assert text.lower()[:30] not in log, f"{name} text is in the log"


def test_active_connections_masks_phones(scenario):
    assert scenario["active"].status_code == 200
    assert "9812345678" not in scenario["active"].text


# ------------------------------------------------------------------------------------------------- unit tests
@pytest.mark.parametrize(
    "number,expected",
    [("+919876543210", "+91******3210"), ("9876543210", "******3210"), ("123", "***"), (None, None), ("", "")],
)
def test_mask_phone(number, expected):
    assert mask_phone(number) == expected


@pytest.mark.parametrize(
    "text,forbidden",
    [
        ("call +91 98765 43210 now", "98765 43210"),
        ("call 9876543210", "9876543210"),
        ("call +919876543210", "9876543210"),
        ("call 098765-43210", "98765-43210"),
        ("Authorization: Bearer abc.def.ghi", "abc.def.ghi"),
        ("GET /api/ws?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.sig_sig_sig&user_id=a", "eyJhbGciOiJIUzI1NiJ9"),
        ("token=opaque-secret-value", "opaque-secret-value"),
        ("mail me at someone@example.com", "someone@example.com"),
    ],
)
def test_redact_removes_secrets(text, forbidden):
    assert forbidden not in redact(text)


def test_redact_keeps_harmless_text():
    assert redact("POST /analyze/sms -> 200 in 1.2 ms") == "POST /analyze/sms -> 200 in 1.2 ms"


def test_redacting_filter_scrubs_args_and_message():
    rec = logging.LogRecord("scamshield", logging.INFO, __file__, 1, "user %s called from %s", ("alice", "+919876543210"),
                            None)
    assert RedactingFilter().filter(rec) is True
    out = rec.getMessage()
    assert "9876543210" not in out and "alice" in out
    rendered = JsonFormatter().format(rec)
    assert "9876543210" not in rendered and json.loads(rendered)["msg"] == out


def test_redacting_filter_on_the_configured_handler(capsys):
    from scamshield.logging_setup import configure_logging

    configure_logging("INFO", json_logs=True)
    try:
        logging.getLogger("scamshield.test").info("token=%s phone=%s", "eyJa.eyJb.cccccc", "+919876543210")
        err = capsys.readouterr().err
        assert "9876543210" not in err and "eyJa.eyJb.cccccc" not in err and "[redacted]" in err
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "_scamshield", False):
                root.removeHandler(h)


def test_uvicorn_access_log_is_disabled():
    """uvicorn's access log prints query strings, where a WebSocket token travels."""
    from scamshield.logging_setup import configure_logging

    configure_logging("INFO")
    try:
        assert logging.getLogger("uvicorn.access").disabled
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "_scamshield", False):
                root.removeHandler(h)

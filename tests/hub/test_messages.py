"""WebSocket message parsing: every client message type, and bad input turned into MessageError (never a crash)."""

from __future__ import annotations

import json

import pytest

from scamshield.hub.messages import (
    AlertResponse,
    AssociateCall,
    FraudAlert,
    MessageError,
    Transcript,
    parse_client_message,
)


@pytest.mark.parametrize("raw,kind", [
    ({"type": "ping"}, "ping"),
    ({"type": "pong", "id": 3}, "pong"),
    ({"type": "associate_call", "call_sid": "CA123"}, "associate_call"),
    ({"type": "associate_call", "call_sid": "CA123", "user_id": "u1", "phone_number": "+919876543210"}, "associate_call"),
    ({"type": "transcript", "call_sid": "CA1", "text": "hello", "speaker": "caller", "final": False, "sequence": 4},
     "transcript"),
    ({"type": "ack", "alert_id": "abc123"}, "ack"),
    ({"type": "alert_response", "alert_id": "abc", "action": "not_scam"}, "alert_response"),
    ({"type": "ping", "unknown_field": 1}, "ping"),
])
def test_valid_messages(raw, kind):
    assert parse_client_message(json.dumps(raw)).type == kind


@pytest.mark.parametrize("raw,code", [
    ("", "malformed_json"),
    ("{", "malformed_json"),
    ("[" * 100_000, "malformed_json"),
    ("[]", "invalid_message"),
    ("42", "invalid_message"),
    ('{"no": "type"}', "unknown_type"),
    ('{"type": "subscribe_everyone"}', "unknown_type"),
    ('{"type": "associate_call"}', "invalid_message"),
    ('{"type": "associate_call", "call_sid": "has spaces"}', "invalid_message"),
    ('{"type": "associate_call", "call_sid": "' + "x" * 65 + '"}', "invalid_message"),
    ('{"type": "transcript", "call_sid": "CA1", "text": ""}', "invalid_message"),
    ('{"type": "transcript", "call_sid": "CA1", "text": "' + "a" * 4001 + '"}', "invalid_message"),
    ('{"type": "transcript", "call_sid": "CA1", "text": "x", "sequence": -1}', "invalid_message"),
    ('{"type": "alert_response", "alert_id": "a", "action": "explode"}', "invalid_message"),
    ('{"type": "ack", "alert_id": "../../etc"}', "invalid_message"),
])
def test_bad_messages(raw, code):
    with pytest.raises(MessageError) as exc:
        parse_client_message(raw)
    assert exc.value.code == code


def test_errors_never_echo_values():
    secret = "my OTP is 493021 call +919876543210"
    with pytest.raises(MessageError) as exc:
        parse_client_message(json.dumps({"type": "transcript", "call_sid": secret, "text": secret, "id": "r1"}))
    assert "493021" not in exc.value.message and "9876543210" not in exc.value.message
    assert exc.value.msg_id == "r1"


def test_models_and_alert_shape():
    m = parse_client_message('{"type":"transcript","call_sid":"CA1","text":"  hi  "}')
    assert isinstance(m, Transcript) and m.text == "hi" and m.final is True and m.sequence is None
    assert isinstance(parse_client_message('{"type":"associate_call","call_sid":"CA1"}'), AssociateCall)
    assert isinstance(parse_client_message('{"type":"alert_response","alert_id":"a","action":"hang_up"}'), AlertResponse)
    alert = json.loads(FraudAlert(alert_id="a", seq=1, call_sid="CA1", fraud_type="OTP_THEFT", risk_score=80,
                                  risk_level="critical", reasons=["r"], advice="x", created_at="t").to_json())
    # the existing mobile client keys its modal on exactly these two fields
    assert alert["is_fraud"] is True and alert["fraud_type"] == "OTP_THEFT" and alert["type"] == "fraud_alert"
    assert alert["test"] is False

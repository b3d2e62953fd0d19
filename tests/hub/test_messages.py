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


# --- invalid_message replies: the field and its rule in plain words; the id echoed only when it is itself valid ----
PYDANTIC_WORDS = ("constrained", "str_type", "int_parsing", "string_pattern", "literal_error", "union", "Field",
                  "pydantic", "int,", "str,", ".int", ".str")


@pytest.mark.parametrize("raw,field,rule", [
    ({"type": "ping", "id": "x" * 100}, "id", "must be a string of at most 64 characters or an integer"),
    ({"type": "pong", "id": 1.5}, "id", "must be a string of at most 64 characters or an integer"),
    ({"type": "ping", "id": {"a": 1}}, "id", "must be a string of at most 64 characters or an integer"),
    ({"type": "associate_call"}, "call_sid", "is required"),
    ({"type": "associate_call", "call_sid": "has spaces"}, "call_sid", "must be 1 to 64 characters"),
    ({"type": "associate_call", "call_sid": "CA1", "user_id": "u" * 129}, "user_id", "at most 128 characters"),
    ({"type": "associate_call", "call_sid": "CA1", "phone_number": 5}, "phone_number", "at most 32 characters"),
    ({"type": "transcript", "call_sid": "CA1", "text": ""}, "text", "must be a string of 1 to 4000 characters"),
    ({"type": "transcript", "call_sid": "CA1", "text": "x", "sequence": -1}, "sequence", "integer from 0 to"),
    ({"type": "transcript", "call_sid": "CA1", "text": "x", "final": "perhaps"}, "final", "must be true or false"),
    ({"type": "transcript", "call_sid": "CA1", "text": "x", "speaker": "s" * 33}, "speaker", "at most 32 characters"),
    ({"type": "ack", "alert_id": "../../etc"}, "alert_id", "must be 1 to 64 characters"),
    ({"type": "alert_response", "alert_id": "a", "action": "explode"}, "action",
     "must be one of hang_up, continue, not_scam"),
])
def test_invalid_message_names_field_and_rule_in_plain_words(raw, field, rule):
    with pytest.raises(MessageError) as exc:
        parse_client_message(json.dumps(raw))
    msg = exc.value.message
    assert exc.value.code == "invalid_message"
    assert f"{field}: " in msg and rule in msg, msg
    assert not any(w in msg for w in PYDANTIC_WORDS), msg


def test_every_client_field_has_a_plain_rule():
    from scamshield.hub import messages as m
    for model in (m.Ping, m.Pong, m.AssociateCall, m.Transcript, m.Ack, m.AlertResponse):
        assert set(model.model_fields) - {"type"} <= set(m.FIELD_RULES), model.__name__


def test_several_bad_fields_are_all_named():
    with pytest.raises(MessageError) as exc:
        parse_client_message(json.dumps({"type": "transcript", "call_sid": "CA 1", "text": "", "sequence": "x"}))
    msg = exc.value.message
    assert all(f"{f}: " in msg for f in ("call_sid", "text", "sequence")) and "speaker" not in msg


@pytest.mark.parametrize("msg_id,echoed", [
    ("r1", "r1"),
    ("x" * 64, "x" * 64),      # near miss: exactly at the limit is valid and echoed
    (7, 7),
    (0, 0),
    ("x" * 65, None),          # one character over: not echoed
    ("x" * 100, None),
    (1.5, None),
    ([1], None),
    ({"a": 1}, None),
    (True, None),
    (None, None),
])
@pytest.mark.parametrize("body", [
    {"type": "ack", "alert_id": "../../etc"},        # invalid_message
    {"type": "launch_missiles"},                     # unknown_type
])
def test_error_echoes_the_id_only_when_it_is_valid(msg_id, echoed, body):
    with pytest.raises(MessageError) as exc:
        parse_client_message(json.dumps({**body, "id": msg_id}))
    assert exc.value.msg_id == echoed

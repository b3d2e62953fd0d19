"""WebSocket messages (``/api/ws``): one pydantic model per message type, both directions.

Every frame is a JSON object with a ``type``. Client messages may carry an ``id`` (string or number, echoed back
as ``id`` in the direct reply) so a client can match replies to requests.

Client -> server: ``ping``, ``pong``, ``associate_call``, ``transcript``, ``ack``, ``alert_response``.
Server -> client: ``connected``, ``pong``, ``ping``, ``call_associated``, ``transcript_received``, ``acked``,
``alert_response_recorded``, ``alert_acked`` (another device of the same user acked), ``replay_complete``,
``fraud_alert``, ``error``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

CALL_SID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
ALERT_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
MAX_TEXT_CHARS = 4000
ALERT_ACTIONS = ("hang_up", "continue", "not_scam")

MAX_ID_CHARS = 64
MsgId = Annotated[Union[int, Annotated[str, Field(max_length=MAX_ID_CHARS)]], Field(default=None)]
_MSG_ID = TypeAdapter(MsgId)

# What each client field must be, in plain words: the ``invalid_message`` reply names the field and its rule (never
# its value, never a pydantic type name). tests/hub/test_messages.py checks every client field has an entry.
FIELD_RULES = {
    "id": f"must be a string of at most {MAX_ID_CHARS} characters or an integer",
    "call_sid": "must be 1 to 64 characters, each a letter, digit, '_', '.', ':' or '-'",
    "user_id": "must be a string of at most 128 characters",
    "phone_number": "must be a string of at most 32 characters",
    "text": f"must be a string of 1 to {MAX_TEXT_CHARS} characters",
    "speaker": "must be a string of at most 32 characters",
    "final": "must be true or false",
    "sequence": "must be an integer from 0 to 2147483647",
    "alert_id": "must be 1 to 64 characters, each a letter, digit, '_' or '-'",
    "action": "must be one of " + ", ".join(ALERT_ACTIONS),
}


class MessageError(Exception):
    """A client frame that is not valid JSON or not a valid message. ``code`` goes into the ``error`` reply."""

    def __init__(self, code: str, message: str, msg_id: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.msg_id = msg_id


class _ClientMessage(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    id: MsgId = None


# --- client -> server ----------------------------------------------------------------------------------------------
class Ping(_ClientMessage):
    type: Literal["ping"]


class Pong(_ClientMessage):
    type: Literal["pong"]


class AssociateCall(_ClientMessage):
    type: Literal["associate_call"]
    call_sid: str = Field(pattern=CALL_SID_PATTERN)
    user_id: str | None = Field(default=None, max_length=128)
    phone_number: str | None = Field(default=None, max_length=32)


class Transcript(_ClientMessage):
    type: Literal["transcript"]
    call_sid: str = Field(pattern=CALL_SID_PATTERN)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    speaker: str | None = Field(default=None, max_length=32)
    final: bool = True
    sequence: int | None = Field(default=None, ge=0, le=2**31 - 1)


class Ack(_ClientMessage):
    type: Literal["ack"]
    alert_id: str = Field(pattern=ALERT_ID_PATTERN)


class AlertResponse(_ClientMessage):
    type: Literal["alert_response"]
    alert_id: str = Field(pattern=ALERT_ID_PATTERN)
    action: Literal["hang_up", "continue", "not_scam"]


ClientMessage = Annotated[Union[Ping, Pong, AssociateCall, Transcript, Ack, AlertResponse], Field(discriminator="type")]
_CLIENT = TypeAdapter(ClientMessage)
CLIENT_TYPES = ("ping", "pong", "associate_call", "transcript", "ack", "alert_response")


def parse_client_message(raw: str) -> Ping | Pong | AssociateCall | Transcript | Ack | AlertResponse:
    """Parse one text frame. Raises ``MessageError`` (never anything else) on bad input."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise MessageError("malformed_json", "message is not valid JSON") from None
    if not isinstance(data, dict):
        raise MessageError("invalid_message", "message must be a JSON object")
    msg_id = valid_id(data.get("id"))
    kind = data.get("type")
    if kind not in CLIENT_TYPES:
        raise MessageError("unknown_type", f"unknown message type; expected one of {', '.join(CLIENT_TYPES)}", msg_id)
    try:
        return _CLIENT.validate_python(data)
    except ValidationError as exc:
        # Name the fields and their rules, never echo their values (they may hold a phone number or transcript text).
        problems: dict[str, str] = {}
        for e in exc.errors():
            field = str(e["loc"][1]) if len(e["loc"]) > 1 else "message"
            if e["type"] == "missing":
                problems.setdefault(field, "is required")
            else:
                problems[field] = FIELD_RULES.get(field, "is not valid")
        detail = "; ".join(f"{f}: {rule}" for f, rule in sorted(problems.items()))
        raise MessageError("invalid_message", f"invalid {kind} message: {detail}", msg_id) from None


def valid_id(value: Any) -> int | str | None:
    """The client's ``id`` when it is itself valid (echoed back in the reply), else None: bad input is never echoed."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return _MSG_ID.validate_python(value, strict=True)
    except ValidationError:
        return None


# --- server -> client ----------------------------------------------------------------------------------------------
class _ServerMessage(BaseModel):
    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=False)


class Connected(_ServerMessage):
    type: Literal["connected"] = "connected"
    user_id: str
    connection_id: str
    heartbeat_seconds: float
    last_seq: int  # the user's highest alert seq at connect time


class ServerPong(_ServerMessage):
    type: Literal["pong"] = "pong"
    id: Any = None
    ts: float


class ServerPing(_ServerMessage):
    type: Literal["ping"] = "ping"
    ts: float


class CallAssociated(_ServerMessage):
    type: Literal["call_associated"] = "call_associated"
    id: Any = None
    call_sid: str
    already_associated: bool = False
    held_alerts: int = 0


class TranscriptReceived(_ServerMessage):
    type: Literal["transcript_received"] = "transcript_received"
    id: Any = None
    call_sid: str
    sequence: int | None = None
    duplicate: bool = False
    risk_score: int | None = None
    risk_level: str | None = None


class Acked(_ServerMessage):
    type: Literal["acked"] = "acked"
    id: Any = None
    alert_id: str


class AlertAcked(_ServerMessage):
    type: Literal["alert_acked"] = "alert_acked"
    alert_id: str


class AlertResponseRecorded(_ServerMessage):
    type: Literal["alert_response_recorded"] = "alert_response_recorded"
    id: Any = None
    alert_id: str
    action: str


class ReplayComplete(_ServerMessage):
    type: Literal["replay_complete"] = "replay_complete"
    count: int
    since: int | None = None  # the ``since`` the client sent; null = unacked alerts of the replay window
    more: bool = False  # the replay hit its limit: reconnect with ``since`` = the last replayed seq for the rest


class ErrorMessage(_ServerMessage):
    type: Literal["error"] = "error"
    id: Any = None
    code: str
    message: str


class FraudAlert(_ServerMessage):
    """The alert. ``is_fraud`` and ``fraud_type`` are what the existing mobile client keys its modal on."""

    type: Literal["fraud_alert"] = "fraud_alert"
    alert_id: str
    seq: int | None
    call_sid: str | None
    is_fraud: bool = True
    fraud_type: str
    risk_score: int
    risk_level: str
    reasons: list[str]
    advice: str
    created_at: str
    test: bool = False
    replayed: bool = False
    redacted: bool = False  # broadcast mode: no call id, no reasons

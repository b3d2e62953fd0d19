"""Helpers for the real-time tests: example calls, Twilio signing, reading WebSocket messages."""

from __future__ import annotations

from typing import Any

from twilio.request_validator import RequestValidator

SBI_CALL = [
    "Hello, I am calling from SBI head office.",
    "Your account KYC has expired and your account will be blocked within 2 hours.",
    "To avoid this, just download the AnyDesk app and tell me the code on the screen.",
    "Now share the OTP with me that you just received.",
    "Sir please hurry, otherwise the account will be frozen.",
]
FRIEND_CALL = [
    "Hi Riya, it's Arjun.",
    "Are we still on for lunch tomorrow?",
    "I was thinking the new cafe near the station, around one?",
    "Great, I'll book a table. See you then!",
]

TWILIO_TOKEN = "twilio-auth-token-" + "z" * 20
PUBLIC_URL = "https://shield.example.com"


def twilio_signature(path: str, params: dict[str, str], *, token: str = TWILIO_TOKEN, base: str = PUBLIC_URL) -> str:
    return RequestValidator(token).compute_signature(base + path, params)


def until(ws: Any, kind: str, limit: int = 50) -> dict[str, Any]:
    """Read messages from a Starlette test WebSocket until one of type ``kind`` (skipping heartbeats)."""
    seen = []
    for _ in range(limit):
        msg = ws.receive_json()
        if msg.get("type") == kind:
            return msg
        seen.append(msg.get("type"))
    raise AssertionError(f"no {kind} message; got {seen}")


def drain_until_pong(ws: Any, ref: str = "sync") -> list[dict[str, Any]]:
    """Send a ping and return every message received before its pong: what the socket had queued."""
    ws.send_json({"type": "ping", "id": ref})
    got = []
    for _ in range(200):
        msg = ws.receive_json()
        if msg.get("type") == "pong" and msg.get("id") == ref:
            return got
        got.append(msg)
    raise AssertionError("no pong")


def ws_url(token: str, **params: Any) -> str:
    return "/api/ws?" + "&".join(f"{k}={v}" for k, v in {"token": token, **params}.items())


def handshake(ws: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Read ``connected`` and the replay up to ``replay_complete``. Returns (connected, replayed alerts)."""
    connected = ws.receive_json()
    assert connected["type"] == "connected", connected
    replayed = []
    while True:
        msg = ws.receive_json()
        if msg["type"] == "replay_complete":
            assert msg["count"] == len(replayed)
            return connected, replayed
        replayed.append(msg)

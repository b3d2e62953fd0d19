"""Errors raised by the ScamShield clients. They carry the server's error envelope, never a traceback."""

from __future__ import annotations

from typing import Any


class ScamShieldClientError(Exception):
    """Base class of every error this package raises."""


class ScamShieldAPIError(ScamShieldClientError):
    """The server answered with an error: ``{"error": {"code", "message"}}``.

    ``status`` is the HTTP status, or ``None`` when the error came as a WebSocket ``error`` message.
    """

    def __init__(self, status: int | None, code: str, message: str, details: Any = None) -> None:
        super().__init__(f"{status if status is not None else 'ws'} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    @classmethod
    def from_response(cls, status: int, body: Any, fallback: str = "") -> "ScamShieldAPIError":
        err = body.get("error") if isinstance(body, dict) else None
        if isinstance(err, dict) and isinstance(err.get("code"), str):
            return cls(status, err["code"], str(err.get("message", "")), err.get("details"))
        return cls(status, "http_error", fallback[:200] or f"HTTP {status}")


class ConnectionUnavailable(ScamShieldClientError):
    """The real-time socket is down and the operation has no HTTP fallback (``ack``, ``respond``)."""


class TerminalConnectionError(ScamShieldClientError):
    """The server refused the connection for good (close code 4400-4599 or HTTP 401/403 at the handshake).

    Reconnecting with the same credentials would fail the same way: get a new token or fix the parameters.
    """

    def __init__(self, code: int, reason: str = "") -> None:
        super().__init__(f"connection refused by the server: {code} {reason}".strip())
        self.code = code
        self.reason = reason

"""One root exception. ``api/errors.py`` alone maps these to HTTP statuses and WebSocket close codes."""

from __future__ import annotations


class ScamShieldError(Exception):
    """Root of every error the service raises on purpose. ``code`` is stable and machine-readable."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class InvalidInput(ScamShieldError):
    """Input that cannot be analysed (malformed UPI link, out-of-range amount...). Maps to 422."""

    status = 422
    code = "invalid_input"


class InputTooLarge(ScamShieldError):
    status = 413
    code = "payload_too_large"


class AuthError(ScamShieldError):
    status = 401
    code = "unauthorized"


class Forbidden(ScamShieldError):
    status = 403
    code = "forbidden"


class NotFound(ScamShieldError):
    status = 404
    code = "not_found"


class Conflict(ScamShieldError):
    status = 409
    code = "conflict"


class RateLimited(ScamShieldError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str = "too many requests", *, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConfigError(ScamShieldError):
    """Refusal to start: missing or default secrets in production, bad settings."""

    status = 500
    code = "config_error"

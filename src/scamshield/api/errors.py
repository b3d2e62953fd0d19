"""The only place that maps errors to HTTP statuses and WebSocket close codes.

Every 4xx/5xx body is ``{"error": {"code": "...", "message": "..."}}``.

WebSocket close codes (documented in docs/api.md):
- 1000 normal; 1001 / 1012 server going away or restarting (reconnect, with backoff); 1006 abnormal (reconnect);
  1008/1009 policy / frame too big (standard; 1009 comes from the server's WebSocket layer for frames over its cap)
- 4000-4099 *reconnect* (with ``since=<last seq>``, after a short backoff): 4000 server restart/shutdown or broker
  recovered (replay what was missed), 4001 slow consumer (send queue overflow), 4002 heartbeat timeout (only for
  clients that send ``ping``), 4003 storage busy or unreachable for a moment (database pool exhausted, connection
  lost): nothing is lost, the replay on reconnect recovers what was missed
- 4429 *reconnect after a long backoff* (``retry_after=N`` in the reason): message flood or rate limit at connect
- 4400-4499 otherwise *terminal, do not retry with the same credentials or the same behaviour*: 4400 bad
  connection parameters (e.g. ``since`` not an integer), 4401 bad/missing token or the token expired during the
  session (refresh it, then reconnect), 4403 identity mismatch (``user_id`` / ``phone_number`` params contradict the
  token), 4408 too many malformed messages, 4409 too many connections for this user on this instance,
  4413 message too big
- 4500-4599 *terminal, server configuration*: 4503 feature not configured (e.g. no speech-to-text engine for
  ``/twilio/media``)
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sqlalchemy import exc as sa_exc

from scamshield.errors import RateLimited, ScamShieldError

log = logging.getLogger("scamshield.api")

WS_RECONNECT_RESTART = 4000
WS_RECONNECT_SLOW = 4001
WS_RECONNECT_HEARTBEAT = 4002
WS_RECONNECT_BUSY = 4003
WS_UNAUTHORIZED = 4401
WS_FORBIDDEN = 4403
WS_MALFORMED = 4408
WS_TOO_BIG = 4413
WS_TOO_MANY_CONNECTIONS = 4409
WS_FLOOD = 4429
WS_BAD_REQUEST = 4400
WS_UNAVAILABLE = 4503


#: Seconds a client is asked to wait (``Retry-After``) when storage is momentarily unavailable.
STORAGE_RETRY_AFTER = 2


def is_transient_storage_error(exc: BaseException) -> bool:
    """True for database failures that say "not now" rather than "never": the connection pool is exhausted, the
    connection was lost or refused, the database is restarting or locked. Retrying later is the right answer, and
    nothing was committed by the failed operation (every write path runs in one transaction)."""
    if isinstance(exc, sa_exc.TimeoutError):  # QueuePool limit reached
        return True
    if isinstance(exc, sa_exc.DBAPIError):
        return bool(exc.connection_invalidated) or isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError))
    return isinstance(exc, (ConnectionError, TimeoutError))


def ws_close_code(exc: Exception) -> int:
    """Close code for an error that ends a WebSocket before or during its handshake."""
    if isinstance(exc, RateLimited):
        return WS_FLOOD
    if is_transient_storage_error(exc):
        return WS_RECONNECT_BUSY
    status = getattr(exc, "status", 500)
    return {401: WS_UNAUTHORIZED, 403: WS_FORBIDDEN, 429: WS_FLOOD}.get(status, WS_BAD_REQUEST if status < 500 else 1011)

_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error",
    429: "rate_limited", 500: "internal_error", 503: "unavailable",
}


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


def error_response(status: int, code: str, message: str, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def scamshield_error_response(exc: ScamShieldError) -> JSONResponse:
    """The response for a ScamShieldError (the registered handler, and the analysis fast path, use this)."""
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return error_response(exc.status, exc.code, exc.message, headers=headers)


def _clean_validation(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Never echo the input back (it may hold a phone number or message text).
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e.get("type")} for e in errors[:20]]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ScamShieldError)
    async def _scamshield(_: Request, exc: ScamShieldError) -> JSONResponse:
        return scamshield_error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "malformed_json", "request body is not valid JSON")
        return error_response(422, "validation_error", "request did not validate", _clean_validation(list(errors)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unhandled(_: Request, exc: Exception) -> JSONResponse:
        if is_transient_storage_error(exc):
            log.warning("storage unavailable: %s", type(exc).__name__)
            return error_response(503, "storage_unavailable", "storage is busy or unreachable; retry shortly",
                                  headers={"Retry-After": str(STORAGE_RETRY_AFTER)})
        log.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        return error_response(500, "internal_error", "internal error")


# Documented error responses for OpenAPI (every status a route can return).
class _ErrorDoc:
    schema = {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "details": {}},
                "required": ["code", "message"],
            }
        },
        "required": ["error"],
    }


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for the given error statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for s in statuses:
        out[s] = {
            "description": HTTPStatus(s).phrase,
            "content": {"application/json": {"schema": _ErrorDoc.schema}},
        }
    return out


AUTH_ERRORS = (400, 401, 403, 413, 422, 429)

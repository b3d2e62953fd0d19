"""``/api/ws``: the authenticated real-time channel of a user's device.

Handshake: ``GET /api/ws?token=<JWT>[&user_id=…&phone_number=…][&since=<seq>]`` (or ``Authorization: Bearer``).
The socket is accepted, then closed with 4401 (bad token), 4403 (params contradict the token), 4400 (bad
``since``), 4429 (per-user rate limit: reconnect later) or 4409 (too many connections of this user on this
instance) so the client learns why. Then: ``connected``, the replay (``fraud_alert`` with ``replayed: true``, paced
by the client's reading), ``replay_complete``, and live traffic. The session is closed with 4401 when its token
expires (the client reconnects with a fresh one). Transcript messages are charged to the same per-user budget as
``POST /api/calls/{call_sid}/transcript``. Message types and close codes: hub/messages.py and api/errors.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections import deque
from typing import Any

import jwt
from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect

from scamshield.api.deps import bearer_token
from scamshield.api.errors import (
    WS_BAD_REQUEST,
    WS_FLOOD,
    WS_MALFORMED,
    WS_RECONNECT_BUSY,
    WS_RECONNECT_RESTART,
    WS_TOO_BIG,
    WS_TOO_MANY_CONNECTIONS,
    WS_UNAUTHORIZED,
    is_transient_storage_error,
    ws_close_code,
)
from scamshield.api.ratelimit import TokenBucket
from scamshield.api.routes.calls import alert_service, call_service, device_dedup_key, resolve_target
from scamshield.auth import Principal
from scamshield.engine.conversation import Segment
from scamshield.errors import AuthError, ScamShieldError
from scamshield.hub.connection import Connection
from scamshield.hub.hub import Hub
from scamshield.hub.messages import (
    Ack,
    Acked,
    AlertResponse,
    AlertResponseRecorded,
    AssociateCall,
    CallAssociated,
    Connected,
    ErrorMessage,
    MessageError,
    Ping,
    Pong,
    ReplayComplete,
    ServerPong,
    Transcript,
    TranscriptReceived,
    parse_client_message,
)
from scamshield.services.calls import SERVICE_ACTOR, Actor
from scamshield.store.alerts import REPLAY_LIMIT

log = logging.getLogger("scamshield.ws")
router = APIRouter()

# Per-connection flood control: a token bucket (sustained rate, burst). A phone streaming transcripts sends a few
# messages per second; anything far above that is a bug or an attack.
MSG_RATE_PER_SECOND = 20.0
MSG_BURST = 60
# Malformed messages: each gets an ``error`` reply; more than this many within the window closes with 4408.
MALFORMED_LIMIT = 10
MALFORMED_WINDOW_SECONDS = 60.0
# Replay: pages of REPLAY_LIMIT alerts, each put on the send queue as the client reads (never more than the queue
# at once); with ``since``, at most REPLAY_MAX alerts per connection (then ``more: true``).
REPLAY_MAX = 10 * REPLAY_LIMIT
WS_TOKEN_EXPIRED = WS_UNAUTHORIZED
_MAX_TIMER_SECONDS = 10 * 365 * 86400.0  # expiry timers further out are capped (no session lives that long)
_background: set[asyncio.Task] = set()  # expiry closes and message handlers in flight


async def _refuse(ws: WebSocket, code: int, reason: str) -> None:
    try:
        await ws.close(code, reason)
    except Exception:  # pragma: no cover - peer already gone
        pass


def _parse_since(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or len(raw) > 12:
        raise ValueError("since must be a non-negative integer")
    return int(raw)


@router.websocket("/api/ws")
async def user_socket(ws: WebSocket) -> None:
    ctx = ws.app.state.ctx
    hub: Hub = ctx.extras["hub"]
    await ws.accept()
    if not hub.accepting:
        await _refuse(ws, WS_RECONNECT_RESTART, "server shutting down: reconnect")
        return
    params = ws.query_params
    token = params.get("token") or bearer_token(ws)  # type: ignore[arg-type]
    try:
        if not token:
            raise AuthError("missing token", code="missing_token")
        principal = await ctx.verifier.verify_async(token)
    except ScamShieldError as exc:
        await _refuse(ws, WS_UNAUTHORIZED, exc.code)
        return
    try:
        # Listening is never delegated: even a service token may only listen as itself (roles dropped here).
        await resolve_target(ctx, Principal(principal.user_id, principal.phone_number), params.get("user_id"),
                             params.get("phone_number"))
        since = _parse_since(params.get("since"))
        for hook in ctx.extras.get("principal_hooks", ()):  # user upsert, rate limits...
            await hook(ws, principal)
    except ValueError:
        await _refuse(ws, WS_BAD_REQUEST, "bad since")
        return
    except ScamShieldError as exc:
        retry = getattr(exc, "retry_after", None)
        await _refuse(ws, ws_close_code(exc), f"{exc.code}; retry_after={retry}" if retry else exc.code)
        return
    except Exception as exc:
        if not is_transient_storage_error(exc):
            raise
        log.warning("websocket refused: storage unavailable (%s)", type(exc).__name__)
        await _refuse(ws, WS_RECONNECT_BUSY, "storage_unavailable")
        return

    conn = hub.new_connection(ws, principal.user_id, principal.phone_number)
    conn.begin_replay()
    cap = int(getattr(ctx.settings, "ws_max_connections_per_user", 10) or 10)
    if not await hub.register(conn, max_per_user=cap):
        await _refuse(ws, WS_TOO_MANY_CONNECTIONS, f"too many connections for this user (max {cap})")
        return
    expiry = _schedule_expiry(conn, token, ctx.settings)
    del token, params  # the session lives for hours: keep only what it needs
    try:
        alerts = alert_service(ctx)
        await conn.put(Connected(user_id=principal.user_id, connection_id=conn.id,
                                 heartbeat_seconds=hub.heartbeat_seconds,
                                 last_seq=await alerts.last_seq(principal.user_id)).to_json())
        count, more = await _replay(conn, alerts, principal.user_id, since)
        await conn.put(ReplayComplete(count=count, since=since, more=more).to_json())
        conn.end_replay()
        del alerts
        # The read loop runs in this task (no reader task, no task waiting on ``conn.closed``): whoever closes the
        # connection (hub, expiry, slow consumer) sends the close frame, after which the server hands this loop a
        # ``websocket.disconnect`` and the session ends.
        await _read_loop(ws, conn, principal, ctx)
    except Exception as exc:
        if is_transient_storage_error(exc):  # pool exhausted / connection lost while connecting or replaying
            log.warning("websocket session: storage unavailable (%s); client asked to reconnect", type(exc).__name__)
            await conn.close(WS_RECONNECT_BUSY, "storage_unavailable: reconnect with since")
        else:
            log.exception("websocket session failed")
            await conn.close(1011, "internal error")
    finally:
        if expiry is not None:
            expiry.cancel()
        await hub.unregister(conn)
        if conn.is_open:
            conn.mark_gone()


async def _replay(conn: Connection, alerts: Any, user_id: str, since: int | None) -> tuple[int, bool]:
    """Queue the replay, waiting for room as the client reads (a replay longer than the send queue is normal).

    With ``since``: every alert after it, page by page, up to ``REPLAY_MAX`` (``more``: reconnect with the last
    replayed seq for the rest). Without: the newest ``REPLAY_LIMIT`` unacked alerts of the window, in seq order
    (``more``: older unacked ones were left out)."""
    count = 0
    cursor = since
    while True:
        page = await alerts.replay(user_id, cursor, limit=REPLAY_LIMIT)
        for payload in page:
            if not await conn.put_alert(payload["alert_id"], json.dumps(payload, separators=(",", ":"))):
                return count, True  # closed as a slow consumer: it reconnects with since
            count += 1
        if len(page) < REPLAY_LIMIT:
            return count, False
        if cursor is None or count >= REPLAY_MAX:
            return count, True
        cursor = page[-1]["seq"]


def _schedule_expiry(conn: Connection, token: str, settings: Any) -> asyncio.TimerHandle | None:
    """Close the session with 4401 when its token expires (the client gets a fresh token and reconnects).

    A loop timer, not a sleeping task: it costs a ``TimerHandle`` per connection until it fires."""
    try:
        exp = float(jwt.decode(token, options={"verify_signature": False})["exp"])
    except Exception:  # the verifier accepted it, so this does not happen; never fail the session over it
        return None
    now = time.time()
    delay = exp - now if exp > now else exp + float(getattr(settings, "jwt_leeway_seconds", 0) or 0) - now
    if not math.isfinite(delay):
        return None
    return asyncio.get_running_loop().call_later(min(max(0.0, delay), _MAX_TIMER_SECONDS), _expire, conn)


def _expire(conn: Connection) -> None:
    closing = conn.close(WS_TOKEN_EXPIRED, "token expired: reconnect with a new token")
    task = asyncio.get_running_loop().create_task(closing)
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _read_loop(ws: WebSocket, conn: Connection, principal: Principal, ctx: Any) -> None:
    cap = ctx.settings.ws_max_message_bytes
    bucket = TokenBucket(MSG_RATE_PER_SECOND, MSG_BURST)
    malformed: deque[float] | None = None  # created by the first malformed message
    while conn.is_open:
        try:
            message = await ws.receive()
        except (WebSocketDisconnect, RuntimeError):
            break
        if message["type"] == "websocket.disconnect":
            conn.mark_gone()
            break
        if not conn.is_open:  # closed (by the hub, expiry, a slow-consumer check) while this frame was queued
            break
        conn.last_received = time.monotonic()
        text = message.get("text")
        raw = message.get("bytes")
        size = len(raw) if text is None and raw is not None else (len(text) if text is not None else 0)
        if size > cap or (text is not None and len(text.encode("utf-8", "replace")) > cap):
            await conn.close(WS_TOO_BIG, f"message over {cap} bytes")
            break
        if not bucket.take():
            await conn.close(WS_FLOOD, "too many messages")
            break
        try:
            if text is None:
                raise MessageError("binary_not_supported", "send JSON text frames")
            msg = parse_client_message(text)
        except MessageError as exc:
            conn.send(ErrorMessage(id=exc.msg_id, code=exc.code, message=exc.message).to_json())
            now = time.monotonic()
            if malformed is None:
                malformed = deque()
            malformed.append(now)
            while malformed and now - malformed[0] > MALFORMED_WINDOW_SECONDS:
                malformed.popleft()
            if len(malformed) > MALFORMED_LIMIT:
                await conn.close(WS_MALFORMED, "too many malformed messages", flush=1.0)
                break
            continue
        if isinstance(msg, (Ping, Pong)):  # answered on the spot: no I/O
            reply = await _handle(msg, conn, principal, ctx)
        else:
            # Store work runs in a task of its own for the length of this one message (the session awaits it, so
            # messages are still handled one at a time, in order): if the session is cancelled meanwhile, the
            # handler's database transaction finishes instead of being cut off mid-statement.
            task = asyncio.get_running_loop().create_task(_handle(msg, conn, principal, ctx))
            _background.add(task)
            task.add_done_callback(_background.discard)
            reply = await asyncio.shield(task)
        if reply is not None:
            conn.send(reply)


async def _handle(msg: Any, conn: Connection, principal: Principal, ctx: Any) -> str | None:
    """The reply to one client message (an ``error`` reply when its handler fails)."""
    try:
        return await _dispatch(msg, conn, principal, ctx)
    except ScamShieldError as exc:
        return ErrorMessage(id=msg.id, code=exc.code, message=exc.message).to_json()
    except Exception as exc:
        if is_transient_storage_error(exc):  # nothing was committed: the client may send the message again
            log.warning("websocket %s: storage unavailable (%s)", msg.type, type(exc).__name__)
            return ErrorMessage(id=msg.id, code="storage_unavailable",
                                message="storage is busy or unreachable; retry shortly").to_json()
        log.exception("websocket message handler failed (%s)", msg.type)
        return ErrorMessage(id=msg.id, code="internal_error", message="internal error").to_json()


async def _dispatch(msg: Any, conn: Connection, principal: Principal, ctx: Any) -> str | None:
    if isinstance(msg, Ping):
        conn.heartbeat_opt_in = True
        return ServerPong(id=msg.id, ts=round(time.time(), 3)).to_json()
    if isinstance(msg, Pong):
        conn.heartbeat_opt_in = True
        return None
    if isinstance(msg, AssociateCall):
        target = await resolve_target(ctx, principal, msg.user_id, msg.phone_number)
        phone = principal.phone_number if target == principal.user_id else None
        r = await call_service(ctx).associate_call(target, msg.call_sid, source="ws", phone_number=phone,
                                                   trusted=principal.is_service)
        return CallAssociated(id=msg.id, call_sid=r.call_sid, already_associated=r.already_associated,
                              held_alerts=r.held_alerts).to_json()
    if isinstance(msg, Transcript):
        limits = ctx.extras.get("rate_limits")
        if limits is not None:  # the same per-user budget as POST /api/calls/{call_sid}/transcript
            await limits.principal_hook(None, principal)
        actor = SERVICE_ACTOR if principal.is_service else Actor(user_id=principal.user_id)
        r = await call_service(ctx).ingest_transcript(
            msg.call_sid, Segment(msg.text, msg.speaker, msg.final), source="ws", actor=actor,
            dedup_key=device_dedup_key(msg.call_sid, msg.sequence, msg.final))
        return TranscriptReceived(id=msg.id, call_sid=msg.call_sid, sequence=msg.sequence, duplicate=r.duplicate,
                                  risk_score=r.risk_score, risk_level=r.risk_level).to_json()
    if isinstance(msg, Ack):
        await alert_service(ctx).ack(principal.user_id, msg.alert_id)
        return Acked(id=msg.id, alert_id=msg.alert_id).to_json()
    if isinstance(msg, AlertResponse):
        await alert_service(ctx).respond(principal.user_id, msg.alert_id, msg.action)
        return AlertResponseRecorded(id=msg.id, alert_id=msg.alert_id, action=msg.action).to_json()
    return None  # pragma: no cover - parse_client_message only returns the types above

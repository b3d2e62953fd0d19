"""``ProtectionClient``: a device's real-time channel (``/api/ws``) that never misses an alert.

- Reconnects by itself with capped exponential backoff and full jitter; stops on terminal refusals (close codes
  4400-4599, HTTP 401/403 at the handshake) and surfaces a ``TerminalConnectionError``. Rate limiting (close code
  4429, HTTP 429 at the handshake) is not terminal: it waits ``Retry-After`` (or ``rate_limit_backoff``) and retries.
- With a ``token_provider`` (a callable returning a token, sync or async), it asks for a fresh token before every
  reconnect; a session closed with 4401 (its token expired) reconnects at once with the new token, and fails for
  good only if the provider hands back the token that was just refused.
- Remembers how far it has received alerts (``last_seq``) and resumes with ``since=`` after a drop or a server
  restart; alerts are de-duplicated by ``alert_id`` across reconnects, so each is yielded exactly once.
- ``associate_call`` / ``send_transcript`` go over the socket and fall back to HTTP when it is down.

Resume point: the server replays, on connect with ``since=S``, every alert with ``seq > S``, then sends
``replay_complete``; the ``connected`` message says the user's highest ``seq`` at that moment. So after
``replay_complete`` everything up to that ``seq`` has been received; later (live) alerts advance the resume point
only while their ``seq``s are contiguous. A gap (e.g. an alert published out of order) keeps the resume point back,
so the next reconnect replays from before it and de-duplication drops what was already seen.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import json
import logging
import random
import re
from collections import OrderedDict
from enum import Enum
from typing import Any, AsyncIterator, Awaitable, Callable
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import httpx

from scamshield.client.errors import ConnectionUnavailable, ScamShieldAPIError, TerminalConnectionError
from scamshield.client.models import Alert, CallAssociation, TranscriptResult

try:  # websockets >= 13: the new asyncio implementation
    from websockets.asyncio.client import connect as _ws_connect

    _HEADERS_KW = "additional_headers"
except ImportError:  # pragma: no cover - websockets 12
    from websockets.client import connect as _ws_connect  # type: ignore[no-redef]

    _HEADERS_KW = "extra_headers"
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

log = logging.getLogger("scamshield.client")

ALERT_ACTIONS = ("hang_up", "continue", "not_scam")
TERMINAL_HTTP = (401, 403)
RATE_LIMITED_HTTP = 429
RATE_LIMITED_CLOSE = 4429  # reconnect after a long backoff (rate limit at connect, or a message flood)
UNAUTHORIZED_CLOSE = 4401
_END = object()
_RETRY_AFTER = re.compile(r"retry_after=(\d{1,6})")

TokenProvider = Callable[[], "str | Awaitable[str]"]


def is_terminal_close(code: int | None) -> bool:
    """Close codes 4400-4599 mean: do not retry with the same credentials or behaviour (see docs/api.md) — except
    4429 (rate limited), which means: retry after a long backoff."""
    return code is not None and 4400 <= code <= 4599 and code != RATE_LIMITED_CLOSE


class ConnectionState(str, Enum):
    IDLE = "idle"                  # not started
    CONNECTING = "connecting"      # first attempt
    CONNECTED = "connected"        # ``connected`` received: alerts flow
    RECONNECTING = "reconnecting"  # lost; waiting to retry or retrying
    FAILED = "failed"              # terminal refusal; see ``client.error``
    CLOSED = "closed"              # closed by you


class _SocketLost(Exception):
    """The request could not be completed over the socket (down, dropped, or no reply in time)."""


def _ws_url(base_url: str, since: int | None) -> str:
    parts = urlsplit(base_url.rstrip("/"))
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    query = urlencode({"since": since}) if since is not None else ""
    return urlunsplit((scheme, parts.netloc, parts.path + "/api/ws", query, ""))


class ProtectionClient:
    """Real-time protection for one user's device.

    ``async with ProtectionClient("http://127.0.0.1:8000", token) as client:`` then
    ``async for alert in client.alerts(): ...``. See docs/client.md.
    """

    def __init__(self, base_url: str, token: str | None = None, *, since: int | None = None,
                 token_provider: TokenProvider | None = None, rate_limit_backoff: float = 60.0,
                 on_state_change: Callable[[ConnectionState, ConnectionState], Any] | None = None,
                 connect_timeout: float | None = 10.0, request_timeout: float = 10.0,
                 backoff_base: float = 0.5, backoff_max: float = 30.0,
                 ping_interval: float | None = 20.0, ping_timeout: float | None = 20.0,
                 seen_capacity: int = 10_000, http_client: httpx.AsyncClient | None = None) -> None:
        if since is not None and since < 0:
            raise ValueError("since must be >= 0")
        if token is None and token_provider is None:
            raise ValueError("give a token or a token_provider")
        self.base_url = base_url.rstrip("/")
        self._token = token or ""
        self.token_provider = token_provider
        self.rate_limit_backoff = rate_limit_backoff
        self._watermark: int | None = since
        self._above: set[int] = set()
        self.on_state_change = on_state_change
        self.connect_timeout = connect_timeout
        self.request_timeout = request_timeout
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._seen_capacity = seen_capacity
        self._own_http = http_client is None
        self._http = http_client or httpx.AsyncClient(base_url=self.base_url, timeout=request_timeout)

        self._state = ConnectionState.IDLE
        self._state_subscribers: list[asyncio.Queue] = []
        self._connected = asyncio.Event()
        self._finished = asyncio.Event()  # FAILED or CLOSED
        self._alerts: asyncio.Queue = asyncio.Queue()
        self._pending: dict[int, asyncio.Future] = {}
        self._ids = itertools.count(1)
        self._ws: Any = None
        self._task: asyncio.Task | None = None
        self._closing = False
        self.error: TerminalConnectionError | None = None
        self.user_id: str | None = None
        self.connection_id: str | None = None
        self.reconnects = 0  # sessions established after the first
        self._more = False  # the last replay said more: true
        self._connected_once = False

    # -- lifecycle --------------------------------------------------------------------------------------------------
    async def __aenter__(self) -> "ProtectionClient":
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def start(self) -> None:
        """Start the connection loop; waits up to ``connect_timeout`` for the first connection.

        Raises ``TerminalConnectionError`` if the server refuses for good (bad token...). If the server is merely
        unreachable, the client keeps trying in the background (``state`` is ``reconnecting``).
        """
        if self._task is not None:
            return
        self._task = asyncio.create_task(self._run(), name="scamshield-protection")
        if self.connect_timeout is None:
            return
        try:
            await self.wait_connected(self.connect_timeout)
        except TerminalConnectionError:
            await self.aclose()
            raise
        except asyncio.TimeoutError:
            log.warning("not connected after %.1fs; still trying in the background", self.connect_timeout)

    async def aclose(self) -> None:
        """Close the socket and stop reconnecting. ``alerts()`` iterators end."""
        if self._closing:
            return
        self._closing = True
        ws = self._ws
        if ws is not None:
            try:
                await asyncio.wait_for(ws.close(1000, "client closing"), 5)
            except Exception:
                pass
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
        if self._state is not ConnectionState.FAILED:
            self._set_state(ConnectionState.CLOSED)
        self._finished.set()
        self._alerts.put_nowait(_END)
        if self._own_http:
            await self._http.aclose()

    # -- observation ------------------------------------------------------------------------------------------------
    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def last_seq(self) -> int | None:
        """Resume point: every alert with ``seq`` <= this was received. Pass it as ``since=`` to a new client."""
        return self._watermark

    async def wait_connected(self, timeout: float | None = None) -> None:
        """Until connected; raises ``TerminalConnectionError`` if refused for good, ``TimeoutError`` on timeout."""
        if self.error is not None:
            raise self.error
        waiter = asyncio.create_task(self._connected.wait())
        finished = asyncio.create_task(self._finished.wait())
        try:
            done, _ = await asyncio.wait({waiter, finished}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
            finished.cancel()
        if self._connected.is_set():
            return
        if self.error is not None:
            raise self.error
        if self._finished.is_set():
            raise ConnectionUnavailable("client is closed")
        raise asyncio.TimeoutError("not connected in time")

    async def states(self) -> AsyncIterator[ConnectionState]:
        """Yields the current state, then every change, until the client is closed or failed."""
        q: asyncio.Queue = asyncio.Queue()
        self._state_subscribers.append(q)
        try:
            yield self._state
            if self._state in (ConnectionState.CLOSED, ConnectionState.FAILED):
                return
            while True:
                state = await q.get()
                yield state
                if state in (ConnectionState.CLOSED, ConnectionState.FAILED):
                    return
        finally:
            self._state_subscribers.remove(q)

    def _set_state(self, new: ConnectionState) -> None:
        old = self._state
        if new is old:
            return
        self._state = new
        if new is ConnectionState.CONNECTED:
            self._connected.set()
        else:
            self._connected.clear()
        for q in self._state_subscribers:
            q.put_nowait(new)
        if self.on_state_change is not None:
            try:
                result = self.on_state_change(old, new)
                if inspect.isawaitable(result):
                    asyncio.ensure_future(result)
            except Exception:
                log.exception("on_state_change callback failed")

    # -- alerts -----------------------------------------------------------------------------------------------------
    async def alerts(self) -> AsyncIterator[Alert]:
        """Each alert exactly once, in arrival order. Ends when the client is closed; raises
        ``TerminalConnectionError`` if the server refused the connection for good."""
        while True:
            item = await self._alerts.get()
            if item is _END:
                self._alerts.put_nowait(_END)  # let other iterators end too
                if self.error is not None:
                    raise self.error
                return
            yield item

    def _accept_alert(self, msg: dict[str, Any]) -> None:
        alert_id = msg.get("alert_id")
        if not isinstance(alert_id, str) or not alert_id:
            return
        seq = msg.get("seq")
        if isinstance(seq, int) and not isinstance(seq, bool):
            self._above.add(seq)
            self._advance()
        if alert_id in self._seen:
            self._seen.move_to_end(alert_id)
            return
        self._seen[alert_id] = None
        while len(self._seen) > self._seen_capacity:
            self._seen.popitem(last=False)
        try:
            alert = Alert.from_dict(msg)
        except (KeyError, TypeError, ValueError):
            log.warning("dropping a malformed fraud_alert")
            return
        self._alerts.put_nowait(alert)

    def _advance(self, to: int | None = None) -> None:
        if to is not None and (self._watermark is None or to > self._watermark):
            self._watermark = to
        if self._watermark is None:
            return
        self._above = {s for s in self._above if s > self._watermark}
        while self._watermark + 1 in self._above:
            self._watermark += 1
            self._above.discard(self._watermark)

    # -- requests ---------------------------------------------------------------------------------------------------
    async def _request(self, msg: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        ws = self._ws
        if ws is None or self._state is not ConnectionState.CONNECTED:
            raise _SocketLost("not connected")
        msg_id = next(self._ids)
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self._pending[msg_id] = fut
        try:
            try:
                await ws.send(json.dumps({**msg, "id": msg_id}))
            except ConnectionClosed as exc:
                raise _SocketLost("closed while sending") from exc
            try:
                reply = await asyncio.wait_for(fut, timeout or self.request_timeout)
            except asyncio.TimeoutError as exc:
                raise _SocketLost("no reply in time") from exc
        finally:
            self._pending.pop(msg_id, None)
        if reply.get("type") == "error":
            raise ScamShieldAPIError(None, str(reply.get("code", "error")), str(reply.get("message", "")))
        return reply

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = await self._http.post(path, json=body, headers={"Authorization": f"Bearer {self._token}"})
        try:
            data = r.json()
        except ValueError:
            data = None
        if r.status_code >= 400:
            raise ScamShieldAPIError.from_response(r.status_code, data, r.text)
        return data if isinstance(data, dict) else {}

    async def associate_call(self, call_sid: str) -> CallAssociation:
        """Tie ``call_sid`` to this user: over the socket, or ``POST /api/associate-call`` when it is down.

        Idempotent. Raises ``ScamShieldAPIError`` (e.g. code ``call_owned``, HTTP 409) if another user owns it.
        """
        try:
            r = await self._request({"type": "associate_call", "call_sid": call_sid})
            return CallAssociation(call_sid=str(r.get("call_sid", call_sid)),
                                   already_associated=bool(r.get("already_associated")),
                                   held_alerts=int(r.get("held_alerts") or 0), via="ws")
        except _SocketLost:
            pass
        r = await self._post("/api/associate-call", {"call_sid": call_sid})
        return CallAssociation(call_sid=str(r.get("call_sid", call_sid)),
                               already_associated=bool(r.get("already_associated")),
                               held_alerts=int(r.get("held_alerts") or 0), via="http")

    async def send_transcript(self, call_sid: str, text: str, speaker: str | None = None, final: bool = True,
                              sequence: int | None = None) -> TranscriptResult:
        """Add a transcript segment (speech-to-text done on the device). Over the socket, else over HTTP.

        Pass ``sequence`` (per-call segment number) to make a resend after a drop count once.
        """
        body: dict[str, Any] = {"text": text, "final": final}
        if speaker is not None:
            body["speaker"] = speaker
        if sequence is not None:
            body["sequence"] = sequence
        try:
            r = await self._request({"type": "transcript", "call_sid": call_sid, **body})
            via = "ws"
        except _SocketLost:
            r = await self._post(f"/api/calls/{quote(call_sid, safe='')}/transcript", body)
            via = "http"
        return TranscriptResult(call_sid=call_sid, duplicate=bool(r.get("duplicate")), risk_score=r.get("risk_score"),
                                risk_level=r.get("risk_level"), via=via, raw=r)

    async def _socket_only(self, msg: dict[str, Any], timeout: float | None) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (timeout if timeout is not None else self.request_timeout)
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            try:
                await self.wait_connected(remaining)
                return await self._request(msg, max(0.1, deadline - loop.time()))
            except (_SocketLost, asyncio.TimeoutError):
                continue
        raise ConnectionUnavailable(f"{msg['type']}: not connected (no HTTP fallback for this message)")

    async def ack(self, alert_id: str, *, timeout: float | None = None) -> None:
        """Tell the server this alert was shown (it is not replayed again; the user's other devices dismiss it).

        Waits up to ``timeout`` (default ``request_timeout``) for the socket; raises ``ConnectionUnavailable``.
        """
        await self._socket_only({"type": "ack", "alert_id": alert_id}, timeout)

    async def respond(self, alert_id: str, action: str, *, timeout: float | None = None) -> None:
        """Record the user's answer: ``hang_up``, ``continue`` or ``not_scam`` (also acks the alert)."""
        if action not in ALERT_ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ALERT_ACTIONS)}")
        await self._socket_only({"type": "alert_response", "alert_id": alert_id, "action": action}, timeout)

    # -- the connection loop ----------------------------------------------------------------------------------------
    def _delay(self, attempt: int) -> float:
        """Full jitter: uniform(0, min(cap, base * 2**attempt))."""
        return random.uniform(0, min(self.backoff_max, self.backoff_base * (2 ** min(attempt, 30))))

    async def _fresh_token(self) -> str | None:
        """Ask ``token_provider`` for a token (``None`` if there is none or it failed)."""
        if self.token_provider is None:
            return None
        try:
            token = self.token_provider()
            if inspect.isawaitable(token):
                token = await token
        except Exception:
            log.exception("token_provider failed")
            return None
        return token if isinstance(token, str) and token else None

    async def _run(self) -> None:
        attempt = 0
        established = 0
        while not self._closing:
            self._set_state(ConnectionState.CONNECTING if established == 0 else ConnectionState.RECONNECTING)
            code: int | None = None
            reason = ""
            got_connected = False
            retry_after: float | None = None
            self._more = False
            if self.token_provider is not None and not self._token:
                self._token = await self._fresh_token() or ""
            try:
                kwargs: dict[str, Any] = {_HEADERS_KW: {"Authorization": f"Bearer {self._token}"},
                                          "open_timeout": self.connect_timeout or 10.0,
                                          "ping_interval": self.ping_interval, "ping_timeout": self.ping_timeout,
                                          "max_size": 1 << 20}
                async with _ws_connect(_ws_url(self.base_url, self._watermark), **kwargs) as ws:
                    self._ws = ws
                    try:
                        got_connected = await self._session(ws)
                    finally:
                        self._ws = None
                    code, reason = ws.close_code, ws.close_reason or ""
            except InvalidStatus as exc:
                status = exc.response.status_code
                if status in TERMINAL_HTTP:
                    code, reason = 4400 + (status - 400), f"HTTP {status} at handshake"
                elif status == RATE_LIMITED_HTTP:
                    code, reason = RATE_LIMITED_CLOSE, "HTTP 429 at handshake"
                    try:
                        retry_after = float(exc.response.headers.get("Retry-After") or "")
                    except (TypeError, ValueError):
                        retry_after = None
                else:
                    log.info("handshake refused with HTTP %s; retrying", status)
            except ConnectionClosed as exc:
                code = exc.rcvd.code if exc.rcvd is not None else None
                reason = exc.rcvd.reason if exc.rcvd is not None else ""
            except (OSError, asyncio.TimeoutError, InvalidHandshake) as exc:
                log.debug("connect failed: %s", type(exc).__name__)
            except asyncio.CancelledError:
                raise
            except Exception:  # never let a bug in one session stop the protection
                log.exception("protection session failed; reconnecting")
            finally:
                self._fail_pending()
            if self._closing:
                break
            if got_connected:
                established += 1
                attempt = 0
            if code == UNAUTHORIZED_CLOSE and self.token_provider is not None:
                # The token expired (the server closes at its exp) or was refused: reconnect at once with a fresh
                # one; only the very token just refused, handed back again, is final.
                refused = self._token
                fresh = await self._fresh_token()
                if fresh is not None and fresh != refused:
                    self._token = fresh
                    log.info("token refused or expired; reconnecting with a fresh one")
                    if got_connected:
                        continue  # a session that ran until its token expired: straight back
                    code = None  # refused at connect: retry with the new token after the usual backoff
            if self._more and code == 1000:
                continue  # the replay stopped at its limit: fetch the rest right away (since = our resume point)
            if is_terminal_close(code):
                self.error = TerminalConnectionError(code or 0, reason)
                log.warning("connection refused for good: %s %s", code, reason)
                self._set_state(ConnectionState.FAILED)
                self._finished.set()
                self._alerts.put_nowait(_END)
                return
            self._set_state(ConnectionState.RECONNECTING)
            if code == RATE_LIMITED_CLOSE:
                # Rate limited: wait as told (Retry-After, or retry_after= in the close reason), else a long backoff.
                if retry_after is None:
                    m = _RETRY_AFTER.search(reason or "")
                    retry_after = float(m.group(1)) if m else None
                base = retry_after if retry_after is not None else self.rate_limit_backoff
                delay = base + random.uniform(0, max(1.0, base) / 2)
            else:
                delay = self._delay(attempt)
            attempt += 1
            log.info("disconnected (code %s); reconnecting in %.2fs", code, delay)
            await asyncio.sleep(delay)
            if self.token_provider is not None:
                self._token = await self._fresh_token() or self._token

    def _fail_pending(self) -> None:
        for fut in self._pending.values():
            if not fut.done():
                fut.set_exception(_SocketLost("connection lost"))
        self._pending.clear()

    async def _session(self, ws: Any) -> bool:
        """Read until the socket closes. Returns whether ``connected`` was received."""
        got_connected = False
        conn_last_seq: int | None = None
        try:
            async for raw in ws:
                try:
                    msg = json.loads(raw)
                except (TypeError, ValueError):
                    continue
                if not isinstance(msg, dict):
                    continue
                kind = msg.get("type")
                if kind == "connected":
                    got_connected = True
                    self.user_id = msg.get("user_id")
                    self.connection_id = msg.get("connection_id")
                    last = msg.get("last_seq")
                    conn_last_seq = last if isinstance(last, int) else None
                    if conn_last_seq is not None and self._watermark is not None and conn_last_seq < self._watermark:
                        # The server's numbering went backwards (database restored or replaced): our ``since``
                        # would skip its alerts. Start over like a fresh device (unacked alerts); dedup stays.
                        log.warning("server alert sequence went backwards; resynchronising")
                        self._watermark = None
                        self._above.clear()
                        await ws.close(1000, "resync")
                        return True
                    if self._connected_once:
                        self.reconnects += 1
                    self._connected_once = True
                    self._set_state(ConnectionState.CONNECTED)
                elif kind == "fraud_alert":
                    self._accept_alert(msg)
                elif kind == "replay_complete":
                    if msg.get("more") and msg.get("since") is not None:
                        # The replay stopped at its limit: the resume point moved only over what was replayed.
                        # Reconnect now with since = that point for the rest.
                        self._more = True
                        await ws.close(1000, "replay: more")
                        return got_connected
                    # Everything up to the seq the server had at connect time has now been received.
                    self._advance(conn_last_seq)
                elif kind == "ping":
                    await ws.send(json.dumps({"type": "pong"}))
                else:
                    msg_id = msg.get("id")
                    fut = self._pending.get(msg_id) if isinstance(msg_id, int) else None
                    if fut is not None and not fut.done():
                        fut.set_result(msg)
                    elif kind == "error":
                        log.warning("server error message: %s", msg.get("code"))
        except ConnectionClosed:
            pass
        return got_connected

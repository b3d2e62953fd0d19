"""Redis pub/sub broker: several ScamShield instances share per-user channels through one Redis.

Shape (one instance):

- a publisher client (``redis.asyncio.Redis`` with its own small connection pool; a failed publish is retried
  briefly, then logged and counted — delivery is best effort, the database holds the durable record);
- ONE dedicated subscriber connection owned by a reader task. ``subscribe``/``unsubscribe`` calls made in the same
  event-loop tick are coalesced into one ``SUBSCRIBE``/``UNSUBSCRIBE`` command (10k users connecting at once cost a
  handful of round trips, not 10k), and ``subscribe`` returns only once Redis has confirmed the subscription, so a
  publication made after it returns is never missed;
- when the subscriber connection drops (Redis restart, ``CLIENT KILL``, network), the reader reconnects with
  exponential backoff and jitter and re-subscribes every channel in chunks. Publications made while it was down are
  lost *for live delivery only*: ``on_resubscribed`` (if set) is awaited after every re-subscription so the hub can
  replay from the store to its local connections.

Channel names are namespaced with ``prefix`` (default ``scamshield:``). Redis pub/sub ignores the database number,
so two deployments (or parallel test runs) sharing one Redis must use different prefixes; the prefix can be given in
the URL as ``?prefix=…`` (stripped before the URL reaches redis-py), which is how ``SCAMSHIELD_REDIS_URL`` sets it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from typing import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import redis.asyncio as aioredis
from redis.asyncio.connection import AbstractConnection, ConnectionPool
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from scamshield.hub.broker import Broker, Handler

log = logging.getLogger("scamshield.hub.broker_redis")

DEFAULT_PREFIX = "scamshield:"
SUBSCRIBE_CHUNK = 1000  # channels per SUBSCRIBE command when re-subscribing after a reconnect


def split_prefix(url: str, default: str = DEFAULT_PREFIX) -> tuple[str, str]:
    """``redis://h:6379/0?prefix=t1:&socket_timeout=5`` -> (``redis://h:6379/0?socket_timeout=5``, ``t1:``)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    prefix = default
    kept = []
    for key, value in query:
        if key == "prefix":
            prefix = value
        else:
            kept.append((key, value))
    return urlunsplit(parts._replace(query=urlencode(kept))), prefix


class RedisBroker(Broker):
    """The Redis implementation of :class:`~scamshield.hub.broker.Broker` (see its contract).

    ``handler`` is awaited inline by the reader task, in arrival order: it must be quick (enqueue, don't send).
    """

    def __init__(
        self,
        url: str,
        handler: Handler,
        *,
        prefix: str | None = None,
        confirm_timeout: float = 5.0,
        ping_interval: float = 15.0,
        backoff_initial: float = 0.1,
        backoff_max: float = 5.0,
        on_resubscribed: Callable[[], Awaitable[None]] | None = None,
        client_name: str = "scamshield-broker",
    ) -> None:
        super().__init__(handler)
        clean_url, url_prefix = split_prefix(url)
        self.prefix = url_prefix if prefix is None else prefix
        self._url = clean_url
        self._confirm_timeout = confirm_timeout
        self._ping_interval = ping_interval
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self.on_resubscribed = on_resubscribed

        self.client_name = client_name
        self._pub = aioredis.Redis.from_url(
            clean_url, client_name=client_name + "-pub", socket_connect_timeout=2.0, socket_timeout=2.0, max_connections=64,
            retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), 3),
            retry_on_error=[RedisConnectionError, RedisTimeoutError],
        )
        # The subscriber connection blocks on read forever (no socket timeout) and never retries on its own:
        # reconnection and re-subscription are this class's job, so they happen exactly once, in one place.
        self._sub_pool = ConnectionPool.from_url(clean_url, client_name=client_name + "-sub",
                                                socket_connect_timeout=2.0, socket_timeout=None)

        self._channels: set[str] = set()          # wanted channels (unprefixed)
        self._ops: list[tuple[bool, str]] = []    # queued (subscribe?, channel), flushed once per loop tick
        self._flush_scheduled = False
        self._waiting: dict[str, asyncio.Future[None]] = {}  # channel -> confirmation of its pending SUBSCRIBE
        self._unconfirmed: dict[str, int] = {}    # channel -> SUBSCRIBE commands sent on this connection, unconfirmed
        self._conn: AbstractConnection | None = None
        self._up = False
        self._lock = asyncio.Lock()               # serialises writes on the subscriber connection and reconnects
        self._reader: asyncio.Task[None] | None = None
        self._pinger: asyncio.Task[None] | None = None
        self._flusher: asyncio.Task[None] | None = None
        self._last_read = 0.0
        self._closed = False
        self._started = False
        self._ready = asyncio.Event()
        # counters (exported by whoever wants them: /metrics, benchmarks)
        self.reconnects = 0
        self.publish_failures = 0
        self.handler_calls = 0

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        if self._started or self._closed:
            return
        self._started = True
        self._reader = asyncio.create_task(self._run(), name="redis-broker-reader")
        self._pinger = asyncio.create_task(self._ping_loop(), name="redis-broker-ping")
        # Wait briefly for the first connection so a healthy start is reported as healthy; never fail start-up on
        # an unreachable Redis (the reader keeps trying; HTTP keeps working; alerts are stored and replayed).
        try:
            await asyncio.wait_for(self._ready.wait(), 3.0)
        except asyncio.TimeoutError:
            log.warning("Redis broker not connected yet; will keep retrying in the background")

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._up = False
        self._channels.clear()
        self._ops.clear()
        for task in (self._reader, self._pinger, self._flusher):
            if task is not None and not task.done():
                task.cancel()
        for task in (self._reader, self._pinger, self._flusher):
            if task is not None:
                try:
                    await task
                except (asyncio.CancelledError, Exception):
                    pass
        for fut in self._waiting.values():
            if not fut.done():
                fut.set_result(None)
        self._waiting.clear()
        conn, self._conn = self._conn, None
        if conn is not None:
            await _quiet_disconnect(conn)
        try:
            await self._sub_pool.disconnect()
        except Exception:  # pragma: no cover
            pass
        try:
            await self._pub.aclose()
        except Exception:  # pragma: no cover
            pass

    async def healthy(self) -> bool:
        """Subscriber connection up and a PING on the publisher answered within a second."""
        if self._closed or not self._up:
            return False
        try:
            return bool(await asyncio.wait_for(self._pub.ping(), 1.0))
        except (RedisError, OSError, asyncio.TimeoutError):
            return False

    @property
    def channel_count(self) -> int:
        return len(self._channels)

    # ------------------------------------------------------------------ publish
    async def publish(self, channel: str, message: str) -> None:
        if self._closed:
            return
        try:
            await self._pub.publish(self.prefix + channel, message)
        except (RedisError, OSError) as exc:
            # Best effort by contract: the alert is already in the database and is replayed on reconnect.
            self.publish_failures += 1
            log.warning("Redis publish failed (%s); receivers will recover from the store", type(exc).__name__)

    # ------------------------------------------------------------------ subscribe / unsubscribe
    async def subscribe(self, channel: str) -> None:
        if self._closed:
            return
        if channel in self._channels:
            fut = self._waiting.get(channel)
            if fut is not None:  # another caller's SUBSCRIBE is in flight: share its confirmation
                await self._await_confirmation(fut)
            return
        self._channels.add(channel)
        if not self._up:
            return  # subscribed by the reconnect; nothing to wait for while Redis is away
        fut = self._waiting.get(channel)
        if fut is None or fut.done():
            fut = asyncio.get_running_loop().create_future()
            self._waiting[channel] = fut
        self._queue(True, channel)
        await self._await_confirmation(fut)

    async def unsubscribe(self, channel: str) -> None:
        if self._closed or channel not in self._channels:
            return
        self._channels.discard(channel)  # the reader drops anything that still arrives for it
        fut = self._waiting.pop(channel, None)
        if fut is not None and not fut.done():
            fut.set_result(None)  # a concurrent subscribe() of the same channel stops waiting
        if self._up:
            self._queue(False, channel)

    async def _await_confirmation(self, fut: asyncio.Future[None]) -> None:
        try:
            await asyncio.wait_for(asyncio.shield(fut), self._confirm_timeout)
        except asyncio.TimeoutError:
            log.warning("Redis SUBSCRIBE not confirmed within %.1fs", self._confirm_timeout)

    def _queue(self, subscribe: bool, channel: str) -> None:
        self._ops.append((subscribe, channel))
        if not self._flush_scheduled:
            self._flush_scheduled = True
            self._flusher = asyncio.create_task(self._flush(), name="redis-broker-flush")

    async def _flush(self) -> None:
        """Send the queued operations, coalescing runs of the same kind into one command, in order."""
        await asyncio.sleep(0)  # let every subscribe() of this tick enqueue first
        async with self._lock:
            self._flush_scheduled = False
            ops, self._ops = self._ops, []
            conn = self._conn
            if not ops or conn is None or not self._up:
                return  # the reconnect re-subscribes from self._channels
            try:
                for subscribe, names in _runs(ops):
                    if subscribe:
                        names = [n for n in names if n in self._channels]
                        for n in names:
                            self._unconfirmed[n] = self._unconfirmed.get(n, 0) + 1
                    else:
                        names = [n for n in names if n not in self._channels]
                    for i in range(0, len(names), SUBSCRIBE_CHUNK):
                        chunk = [self.prefix + n for n in names[i:i + SUBSCRIBE_CHUNK]]
                        if chunk:
                            await conn.send_command("SUBSCRIBE" if subscribe else "UNSUBSCRIBE", *chunk,
                                                    check_health=False)
            except (RedisError, OSError) as exc:
                # The reader sees the same broken connection and reconnects; the reconnect re-subscribes everything.
                log.info("Redis subscriber write failed (%s); reconnecting", type(exc).__name__)
                await _quiet_disconnect(conn)

    # ------------------------------------------------------------------ reader, reconnect, keepalive
    async def _run(self) -> None:
        backoff = self._backoff_initial
        first = True
        while not self._closed:
            conn: AbstractConnection | None = None
            try:
                conn = await self._connect_and_resubscribe()
                backoff = self._backoff_initial
                if not first:
                    self.reconnects += 1
                    log.info("Redis broker reconnected; %d channels re-subscribed", len(self._channels))
                    if self.on_resubscribed is not None:
                        asyncio.create_task(self._notify_resubscribed())
                first = False
                self._ready.set()
                await self._read_loop(conn)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # connection refused / reset / killed: back off and retry
                if not self._closed:
                    log.warning("Redis subscriber connection lost (%s); retrying in %.2fs", type(exc).__name__, backoff)
            finally:
                self._up = False
                if conn is not None:
                    if self._conn is conn:
                        self._conn = None
                    await _quiet_disconnect(conn)
            if self._closed:
                break
            await asyncio.sleep(backoff * (0.5 + random.random() / 2))
            backoff = min(backoff * 2, self._backoff_max)

    async def _connect_and_resubscribe(self) -> AbstractConnection:
        conn = self._sub_pool.make_connection()
        await conn.connect()
        async with self._lock:
            self._ops.clear()  # everything wanted is in self._channels and is subscribed below
            self._unconfirmed = {}
            names = list(self._channels)
            for i in range(0, len(names), SUBSCRIBE_CHUNK):
                chunk = names[i:i + SUBSCRIBE_CHUNK]
                for n in chunk:
                    self._unconfirmed[n] = 1
                await conn.send_command("SUBSCRIBE", *[self.prefix + n for n in chunk], check_health=False)
            self._conn = conn
            self._up = True
            self._last_read = time.monotonic()
        return conn

    async def _read_loop(self, conn: AbstractConnection) -> None:
        prefix = self.prefix.encode()
        plen = len(prefix)
        while not self._closed:
            reply = await conn.read_response(disconnect_on_error=True)
            self._last_read = time.monotonic()
            if not isinstance(reply, list) or not reply:
                continue
            kind = reply[0]
            if kind == b"message":
                raw = reply[1]
                if not raw.startswith(prefix):
                    continue
                channel = raw[plen:].decode()
                if channel in self._channels:
                    self.handler_calls += 1
                    data = reply[2]
                    await self._deliver(channel, data.decode() if isinstance(data, bytes) else str(data))
            elif kind == b"subscribe":
                self._confirmed(reply[1][plen:].decode())
            # b"unsubscribe" and b"pong" need no action; reading them keeps _last_read fresh

    def _confirmed(self, channel: str) -> None:
        left = self._unconfirmed.get(channel, 0) - 1
        if left > 0:
            self._unconfirmed[channel] = left
            return
        self._unconfirmed.pop(channel, None)
        fut = self._waiting.pop(channel, None)
        if fut is not None and not fut.done():
            fut.set_result(None)

    async def _ping_loop(self) -> None:
        """Detect a half-open subscriber connection (peer gone without a reset): PING it, drop it if silent."""
        while not self._closed:
            await asyncio.sleep(self._ping_interval)
            conn = self._conn
            if conn is None or not self._up:
                continue
            if time.monotonic() - self._last_read > 2 * self._ping_interval + 5:
                log.warning("Redis subscriber connection silent; dropping it")
                await _quiet_disconnect(conn)
                continue
            async with self._lock:
                if self._conn is conn and self._up:
                    try:
                        await conn.send_command("PING", check_health=False)
                    except (RedisError, OSError):
                        await _quiet_disconnect(conn)

    async def _notify_resubscribed(self) -> None:
        try:
            await self.on_resubscribed()  # type: ignore[misc]
        except Exception:
            log.exception("on_resubscribed hook failed")


def _runs(ops: list[tuple[bool, str]]) -> list[tuple[bool, list[str]]]:
    out: list[tuple[bool, list[str]]] = []
    for subscribe, name in ops:
        if out and out[-1][0] == subscribe:
            out[-1][1].append(name)
        else:
            out.append((subscribe, [name]))
    return out


async def _quiet_disconnect(conn: AbstractConnection) -> None:
    try:
        await conn.disconnect(nowait=True)
    except Exception:  # pragma: no cover
        pass

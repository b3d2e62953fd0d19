"""The hub: user -> local connections, fan-out through the broker, heartbeat.

Every publication goes through the broker, even on one instance, so one code path serves one process (memory
broker) and many (Redis). Channels:

- ``user:<id>``: messages for every device of that user. An instance subscribes when the user's first local
  connection opens and unsubscribes when the last one closes. Messages are the exact JSON sent to clients.
- ``control``: instance-wide commands, e.g. ``{"op":"disconnect_user","user_id":…,"code":4403,"reason":…}``, and
  instance-to-instance notices: ``{"op":"user_changed","user_id":…,"origin":<instance id>}`` tells every *other*
  instance to forget what it caches for that user (settings, feedback verdicts: see ``announce_user_changed``).
  Every instance subscribes to ``control`` at start, so a notice reaches it whether or not the user has a socket
  there.
- ``broadcast``: redacted alerts for every connection (only with ``SCAMSHIELD_UNROUTED_ALERTS=broadcast``).

The hub knows nothing of the engine or the store: services tell it what to publish.

Broker outages (Redis): a publication that fails is still delivered to the user's connections on *this* instance,
kept (bounded) and published again once the broker answers, and the hub reports itself unhealthy (``/health`` 503)
meanwhile. When the broker's subscriber connection comes back after an outage (``on_resubscribed``), every local
socket is closed with 4000 so its device reconnects with ``since`` and recovers from the store whatever was
published while this instance was deaf, and the ``on_resync`` listeners run (the services drop every cached user,
since ``user_changed`` notices may have been missed meanwhile).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections import defaultdict
from collections import deque
from typing import Any, Callable

from scamshield.hub.broker import Broker, create_broker
from scamshield.hub.connection import CLOSE_HEARTBEAT, CLOSE_RESTART, Connection, Transport, timestamp_of
from scamshield.hub.messages import ServerPing
from scamshield.hub.stall import StallWatch

log = logging.getLogger("scamshield.hub")

CONTROL_CHANNEL = "control"
BROADCAST_CHANNEL = "broadcast"
HEARTBEAT_MISSES = 3  # opted-in clients silent for this many heartbeats are closed with 4002
RETRY_BACKLOG = 1000  # failed publications kept for re-publishing once the broker is back (oldest dropped)
RETRY_INTERVAL = 1.0  # seconds between broker health probes while publications are failing
# Heartbeat pings are queued this many connections at a time, yielding to the loop between chunks. In one go, 10k
# connections meant 10k writer tasks created and run back to back: the loop was busy ~0.2-0.5 s every heartbeat and
# any alert arriving meanwhile waited behind them (the recurring "event loop stalled" lines with little GC in them).
HEARTBEAT_CHUNK = 256


USER_CHANGED_OP = "user_changed"
MAX_USER_ID_CHARS = 256  # a notice naming a longer id is not one this service wrote: ignored


def user_channel(user_id: str) -> str:
    return f"user:{user_id}"


def user_changed_message(user_id: str, origin: str) -> str:
    """The ``control`` notice that ``user_id``'s settings or feedback changed on instance ``origin``."""
    return json.dumps({"op": USER_CHANGED_OP, "user_id": user_id, "origin": origin}, separators=(",", ":"))


class Hub:
    def __init__(self, *, broker_url: str | None = None, queue_size: int = 256, heartbeat_seconds: float = 25.0,
                 on_connections_changed: Callable[[int], None] | None = None,
                 on_delivered: Callable[[float], None] | None = None, broker: Broker | None = None,
                 retry_interval: float = RETRY_INTERVAL) -> None:
        self._conns: dict[str, dict[str, Connection]] = defaultdict(dict)
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}
        self._queue_size = queue_size
        self.heartbeat_seconds = heartbeat_seconds
        self._on_count = on_connections_changed
        self._on_delivered = on_delivered
        self._broker: Broker = broker if broker is not None else create_broker(broker_url, self._on_broker_message)
        if hasattr(self._broker, "on_resubscribed"):  # Redis: told when its subscriber is back after an outage
            self._broker.on_resubscribed = self._on_resubscribed  # type: ignore[attr-defined]
        self._degraded = False  # a publication failed and the broker has not answered since
        self._backlog: deque[tuple[str, str]] = deque(maxlen=RETRY_BACKLOG)
        self._retry_interval = retry_interval
        self._retrier: asyncio.Task | None = None
        self.publish_failures = 0
        self.resubscriptions = 0
        self._heartbeat: asyncio.Task | None = None
        self._total = 0
        self._closing = False
        self._tasks: set[asyncio.Task] = set()
        self.stall_watch = StallWatch()  # loop lag + GC time, logged when the loop stalls (delivery tails)
        self.instance_id = uuid.uuid4().hex[:16]  # tags this instance's notices so it ignores its own echo
        self._user_changed_listeners: list[Callable[[str], None]] = []
        self._resync_listeners: list[Callable[[], None]] = []
        self.user_changed_received = 0  # notices from other instances acted on (tests, diagnosis)

    # -- lifecycle ------------------------------------------------------------------------------------------------
    async def start(self) -> None:
        await self._broker.start()
        await self._broker.subscribe(CONTROL_CHANNEL)
        await self._broker.subscribe(BROADCAST_CHANNEL)
        if self.heartbeat_seconds > 0:
            self._heartbeat = asyncio.create_task(self._heartbeat_loop(), name="hub-heartbeat")
        self.stall_watch.start()

    async def close(self, code: int = CLOSE_RESTART, reason: str = "server shutting down: reconnect") -> None:
        """Stop accepting, tell every local client to reconnect (elsewhere), release the broker."""
        self._closing = True
        self.stall_watch.stop()
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        if self._retrier is not None:
            self._retrier.cancel()
        conns = [c for per_user in self._conns.values() for c in per_user.values()]
        await asyncio.gather(*(c.close(code, reason) for c in conns), return_exceptions=True)
        await self._broker.close()

    @property
    def accepting(self) -> bool:
        return not self._closing

    async def healthy(self) -> bool:
        """False while publications are failing (until the broker answers again) or the broker is down."""
        if self._degraded:
            return False
        return await self._broker.healthy()

    @property
    def degraded(self) -> bool:
        return self._degraded

    # -- registry -------------------------------------------------------------------------------------------------
    def new_connection(self, transport: Transport, user_id: str, phone_number: str | None = None) -> Connection:
        return Connection(transport, user_id, phone_number=phone_number, queue_size=self._queue_size,
                          on_delivered=self._on_delivered)

    async def _user_lock(self, user_id: str) -> asyncio.Lock:
        lock, refs = self._locks.get(user_id, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._locks[user_id] = (lock, refs + 1)
        return lock

    def _release_lock(self, user_id: str) -> None:
        lock, refs = self._locks[user_id]
        if refs <= 1:
            del self._locks[user_id]
        else:
            self._locks[user_id] = (lock, refs - 1)

    async def register(self, conn: Connection, *, max_per_user: int | None = None) -> bool:
        """Add a connection; subscribes the user's channel first if it is the user's first one here.

        Returns once the subscription is live, so anything published afterwards reaches ``conn``. ``False`` (and
        nothing registered) when the user already has ``max_per_user`` connections on this instance.
        """
        lock = await self._user_lock(conn.user_id)
        try:
            async with lock:
                per_user = self._conns[conn.user_id]
                if max_per_user is not None and len(per_user) >= max_per_user:
                    if not per_user:
                        del self._conns[conn.user_id]
                    return False
                if not per_user:
                    await self._broker.subscribe(user_channel(conn.user_id))
                per_user[conn.id] = conn
                self._total += 1
        finally:
            self._release_lock(conn.user_id)
        conn.start()
        if self._on_count:
            self._on_count(self._total)
        return True

    async def unregister(self, conn: Connection) -> None:
        lock = await self._user_lock(conn.user_id)
        try:
            async with lock:
                per_user = self._conns.get(conn.user_id)
                if per_user is None or per_user.pop(conn.id, None) is None:
                    return
                self._total -= 1
                if not per_user:
                    del self._conns[conn.user_id]
                    try:
                        await self._broker.unsubscribe(user_channel(conn.user_id))
                    except Exception:  # broker trouble must not leak the registry entry
                        log.warning("broker unsubscribe failed")
        finally:
            self._release_lock(conn.user_id)
        if self._on_count:
            self._on_count(self._total)

    def local_connections(self, user_id: str) -> list[Connection]:
        return list(self._conns.get(user_id, {}).values())

    @property
    def total_connections(self) -> int:
        return self._total

    def snapshot(self) -> list[Connection]:
        return [c for per_user in self._conns.values() for c in per_user.values()]

    # -- publishing -----------------------------------------------------------------------------------------------
    async def publish_user(self, user_id: str, payload: dict[str, Any]) -> None:
        """Send ``payload`` to every device of ``user_id`` on every instance (at most once per device).

        If the broker fails, the user's devices connected to this instance still get it (now), and it is published
        again once the broker is back (devices elsewhere drop the duplicate by ``alert_id``)."""
        message = json.dumps(payload, separators=(",", ":"))
        channel = user_channel(user_id)
        if not await self._publish(channel, message):
            self._deliver(self.local_connections(user_id), message)

    async def publish_broadcast(self, payload: dict[str, Any]) -> None:
        message = json.dumps(payload, separators=(",", ":"))
        if not await self._publish(BROADCAST_CHANNEL, message):
            self._deliver(self.snapshot(), message)

    async def _publish(self, channel: str, message: str) -> bool:
        """Publish; ``False`` if the broker failed (it raised, or counted a failure it swallowed)."""
        before = getattr(self._broker, "publish_failures", None)
        try:
            await self._broker.publish(channel, message)
            ok = before is None or getattr(self._broker, "publish_failures", before) == before
        except Exception as exc:
            log.warning("broker publish failed (%s)", type(exc).__name__)
            ok = False
        if not ok:
            self.publish_failures += 1
            self._backlog.append((channel, message))
            self._set_degraded()
        return ok

    def _set_degraded(self) -> None:
        if not self._degraded:
            log.warning("broker publications failing: hub unhealthy until the broker answers again")
        self._degraded = True
        if (self._retrier is None or self._retrier.done()) and not self._closing:
            self._retrier = asyncio.create_task(self._retry_loop(), name="hub-broker-retry")

    async def _retry_loop(self) -> None:
        """While degraded: probe the broker; once it answers, re-publish the backlog and become healthy."""
        while self._degraded and not self._closing:
            await asyncio.sleep(self._retry_interval)
            try:
                if not await self._broker.healthy():
                    continue
            except Exception:
                continue
            await self._flush_backlog()

    async def _flush_backlog(self) -> None:
        while self._backlog:
            channel, message = self._backlog[0]
            before = getattr(self._broker, "publish_failures", None)
            try:
                await self._broker.publish(channel, message)
            except Exception:
                return
            if before is not None and getattr(self._broker, "publish_failures", before) != before:
                return  # still failing: keep it, try again later
            self._backlog.popleft()
        if self._degraded:
            log.info("broker publications recovered")
        self._degraded = False

    async def _on_resubscribed(self) -> None:
        """The broker's subscriber is back after an outage: anything published meanwhile never reached this
        instance's sockets. Close them with 4000 so their devices reconnect with ``since`` and replay from the
        store; then re-publish what failed here."""
        self.resubscriptions += 1
        self._run_listeners(self._resync_listeners)
        conns = self.snapshot()
        log.warning("broker re-subscribed after an outage: asking %d local connections to reconnect", len(conns))
        await asyncio.gather(*(c.close(CLOSE_RESTART, "broker reconnected: reconnect with since") for c in conns),
                             return_exceptions=True)
        await self._flush_backlog()

    # -- cache invalidation across instances ----------------------------------------------------------------------
    def on_user_changed(self, listener: Callable[[str], None]) -> None:
        """Call ``listener(user_id)`` (synchronously, on the broker's reader: keep it quick) when another instance
        announces that the user's settings or feedback changed."""
        self._user_changed_listeners.append(listener)

    def on_resync(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` when this instance may have missed notices: its broker subscription came back after
        an outage. Per-user caches should forget everything then."""
        self._resync_listeners.append(listener)

    async def announce_user_changed(self, user_id: str) -> None:
        """Tell every other instance that ``user_id``'s settings or feedback changed (the caller has already
        forgotten its own copy). Nothing to do on the in-process broker. If the broker fails, the notice is kept
        in the backlog and published once the broker answers; the other instances' TTLs bound staleness meanwhile."""
        if not getattr(self._broker, "shared", True) or self._closing:
            return
        await self._publish(CONTROL_CHANNEL, user_changed_message(user_id, self.instance_id))

    def _run_listeners(self, listeners: list[Callable[..., None]], *args: str) -> None:
        for listener in listeners:
            try:
                listener(*args)
            except Exception:  # one failing cache must not keep the others stale
                log.exception("cache invalidation listener failed")

    async def disconnect_user(self, user_id: str, code: int, reason: str = "") -> None:
        """Close every connection of ``user_id`` on every instance."""
        msg = json.dumps({"op": "disconnect_user", "user_id": user_id, "code": int(code), "reason": reason[:120]})
        if not await self._publish(CONTROL_CHANNEL, msg):
            await self._on_control(msg)

    # -- delivery (broker -> local sockets) -----------------------------------------------------------------------
    async def _on_broker_message(self, channel: str, message: str) -> None:
        if channel.startswith("user:"):
            self._deliver(self.local_connections(channel[5:]), message)
        elif channel == BROADCAST_CHANNEL:
            self._deliver(self.snapshot(), message)
        elif channel == CONTROL_CHANNEL:
            await self._on_control(message)

    def _deliver(self, conns: list[Connection], message: str) -> None:
        if not conns:
            return
        try:
            data = json.loads(message)
        except ValueError:
            log.warning("dropping a malformed broker message")
            return
        if not isinstance(data, dict):
            return
        if data.get("type") == "fraud_alert" and isinstance(data.get("alert_id"), str) and not data.get("redacted"):
            # (a redacted broadcast copy shares the alert_id but must not stop the owner's real alert later)
            ts = timestamp_of(data.get("created_at"))
            for conn in conns:
                conn.send_alert(data["alert_id"], message, ts)
        else:
            for conn in conns:
                conn.send(message)

    async def _on_control(self, message: str) -> None:
        try:
            data = json.loads(message)
        except ValueError:
            return
        if not isinstance(data, dict):
            return
        if data.get("op") == USER_CHANGED_OP:
            uid = data.get("user_id")
            if (isinstance(uid, str) and 0 < len(uid) <= MAX_USER_ID_CHARS
                    and data.get("origin") != self.instance_id):
                self.user_changed_received += 1
                self._run_listeners(self._user_changed_listeners, uid)
            return
        if data.get("op") == "disconnect_user" and isinstance(data.get("user_id"), str):
            conns = self.local_connections(data["user_id"])
            code = int(data.get("code") or 1000)
            await asyncio.gather(*(c.close(code, str(data.get("reason") or "")) for c in conns), return_exceptions=True)

    # -- heartbeat ------------------------------------------------------------------------------------------------
    async def _heartbeat_loop(self) -> None:
        interval = self.heartbeat_seconds
        while True:
            await asyncio.sleep(interval)
            try:
                ping = ServerPing(ts=round(time.time(), 3)).to_json()
                conns = self.snapshot()
                for start in range(0, len(conns), HEARTBEAT_CHUNK):
                    if start:
                        await asyncio.sleep(0)  # the previous chunk's writers run; so does anything else ready
                    now = time.monotonic()
                    for conn in conns[start:start + HEARTBEAT_CHUNK]:
                        if conn.heartbeat_opt_in and now - conn.last_received > HEARTBEAT_MISSES * interval:
                            if conn.close_code is None:
                                task = asyncio.create_task(conn.close(CLOSE_HEARTBEAT, "heartbeat timeout: reconnect"))
                                self._tasks.add(task)
                                task.add_done_callback(self._tasks.discard)
                        else:
                            conn.send(ping)  # a connection closed since the snapshot refuses it
            except Exception:  # pragma: no cover - never let the heartbeat die
                log.exception("heartbeat loop error")

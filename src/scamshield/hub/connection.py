"""One client connection: a bounded send queue drained by a writer task that exists only while it has work.

Nothing ever awaits a client's socket except that connection's writer, so one slow phone cannot stall delivery to
anybody else: when its queue is full it is disconnected with ``CLOSE_SLOW`` (4001, reconnect) and recovers the
alerts it missed from the store on reconnect.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import deque
from datetime import datetime
from typing import Callable, Protocol

log = logging.getLogger("scamshield.hub")

# Close codes the hub itself uses (the full table lives in scamshield/api/errors.py).
CLOSE_RESTART = 4000
CLOSE_SLOW = 4001
CLOSE_HEARTBEAT = 4002

_SEEN_ALERTS = 512  # alert ids remembered per connection to drop duplicates (live + replay overlap)
_CLOSE_TIMEOUT = 2.0
REPLAY_SEND_TIMEOUT = 30.0  # a replaying client that reads nothing for this long is a slow consumer (4001)
_background: set[asyncio.Task] = set()  # keeps fire-and-forget close tasks referenced until done


class Transport(Protocol):
    """What the hub needs from a socket (Starlette's WebSocket fits)."""

    async def send_text(self, data: str) -> None: ...

    async def close(self, code: int = 1000, reason: str | None = None) -> None: ...


class _Closed:
    """``Connection.closed``: an ``asyncio.Event``-like flag whose Event (and its waiter deque) is only allocated when
    somebody actually waits for it: an idle connection holds no Event at all."""

    __slots__ = ("_set", "_event")

    def __init__(self) -> None:
        self._set = False
        self._event: asyncio.Event | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        if not self._set:
            self._set = True
            if self._event is not None:
                self._event.set()

    async def wait(self) -> bool:
        if self._set:
            return True
        if self._event is None:
            self._event = asyncio.Event()
        return await self._event.wait()


class Connection:
    """A device of a user. ``send`` never blocks; ``close`` is idempotent.

    Memory matters here (tens of thousands of idle phones per instance), so an idle connection holds only its slots:
    the send queue (a ``deque``), the writer task that drains it, the alert-dedup structures and the ``closed`` Event
    are all created on first use, and the queue and writer are dropped again once everything queued has been sent.
    """

    __slots__ = ("id", "user_id", "phone_number", "connected_at", "last_received", "heartbeat_opt_in", "close_code",
                 "closed", "_transport", "_queue", "_queue_size", "_writer", "_started", "_room", "_on_delivered",
                 "_seen", "_seen_set", "_replaying", "_overflowed", "_pending", "__weakref__")

    def __init__(self, transport: Transport, user_id: str, *, phone_number: str | None = None, queue_size: int = 256,
                 on_delivered: Callable[[float], None] | None = None) -> None:
        self.id = uuid.uuid4().hex[:16]
        self.user_id = user_id
        self.phone_number = phone_number
        self.connected_at = time.time()
        self.last_received = time.monotonic()
        self.heartbeat_opt_in = False  # set once the client sends a ping/pong: then silence means it is gone
        self.close_code: int | None = None
        self.closed = _Closed()
        self._transport = transport
        self._queue: deque[tuple[str, float | None]] | None = None  # bounded by _queue_size; None while empty
        self._queue_size = max(1, queue_size)
        self._writer: asyncio.Task | None = None  # exists only while the queue has something to send
        self._started = False
        self._room: asyncio.Future | None = None  # a ``put`` waiting for queue room (the replay)
        self._on_delivered = on_delivered
        self._seen: deque[str] | None = None
        self._seen_set: set[str] | None = None
        self._replaying = False
        self._overflowed = False
        self._pending: list[tuple[str | None, str, float | None]] | None = None

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Allow sending (the hub calls it once the connection is registered); queued messages go now."""
        if not self._started:
            self._started = True
            if self._queue:
                self._kick()

    @property
    def is_open(self) -> bool:
        return self.close_code is None

    async def close(self, code: int = 1000, reason: str = "", *, flush: float = 0.0) -> None:
        """Close with ``code``. ``flush`` > 0 first gives queued messages (e.g. an error reply) that long to go."""
        if self.close_code is not None:
            return
        self.close_code = code
        self._wake_putter()
        writer = self._writer
        if flush > 0 and writer is not None and not writer.done() and writer is not asyncio.current_task():
            await asyncio.wait((writer,), timeout=flush)  # never cancels the writer, never raises on its end
        self._stop_writer()
        try:
            await asyncio.wait_for(self._transport.close(code, reason[:120]), _CLOSE_TIMEOUT)
        except Exception:  # already gone, or stuck: either way we are done with it
            pass
        self.closed.set()

    def mark_gone(self) -> None:
        """The peer disconnected by itself (no close frame to send)."""
        if self.close_code is None:
            self.close_code = 1006
        self._wake_putter()
        self._stop_writer()
        self.closed.set()

    def _stop_writer(self) -> None:
        writer = self._writer
        if writer is not None and writer is not asyncio.current_task():
            writer.cancel()
            self._writer = None
        self._queue = None  # nothing queued will be sent any more

    # -- sending ------------------------------------------------------------------------------------------------
    def send(self, text: str, created_ts: float | None = None) -> bool:
        """Queue ``text``. On overflow the connection is closed as a slow consumer and ``False`` returned.

        During a replay, messages are held (like live alerts) and sent after it, so the replay can use the whole
        queue without a heartbeat or an ``alert_acked`` overflowing it."""
        if self.close_code is not None:
            return False
        if self._replaying:
            return self._hold(None, text, created_ts)
        return self._put_nowait(text, created_ts)

    def send_alert(self, alert_id: str, text: str, created_ts: float | None = None, *, replay: bool = False) -> bool:
        """Queue an alert once per connection (an alert seen by replay and live is sent once)."""
        if self._replaying and not replay:
            return self._hold(alert_id, text, created_ts)
        if self._seen_set is not None and alert_id in self._seen_set:
            return False
        self._remember(alert_id)
        return self._put_nowait(text, created_ts)

    def _hold(self, alert_id: str | None, text: str, created_ts: float | None) -> bool:
        if self._pending is None:
            self._pending = []
        if len(self._pending) >= self._queue_size:
            self._overflow()
            return False
        self._pending.append((alert_id, text, created_ts))
        return True

    def _put_nowait(self, text: str, created_ts: float | None) -> bool:
        if self.close_code is not None:
            return False
        queue = self._queue
        if queue is None:
            queue = self._queue = deque()
        elif len(queue) >= self._queue_size:
            self._overflow()
            return False
        queue.append((text, created_ts))
        if self._writer is None and self._started:
            self._kick()
        return True

    async def put(self, text: str, created_ts: float | None = None, *, timeout: float = REPLAY_SEND_TIMEOUT) -> bool:
        """Queue ``text``, waiting for room (the replay: longer than the queue, paced by the client's reading).
        A client that reads nothing for ``timeout`` seconds is closed as a slow consumer."""
        if self.close_code is not None:
            return False
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._queue is not None and len(self._queue) >= self._queue_size:
            remaining = deadline - loop.time()
            if remaining <= 0:
                self._overflow()
                return False
            if self._room is None or self._room.done():
                self._room = loop.create_future()
            try:
                await asyncio.wait_for(asyncio.shield(self._room), remaining)
            except asyncio.TimeoutError:
                self._overflow()
                return False
            if self.close_code is not None:
                return False
        return self._put_nowait(text, created_ts)

    async def put_alert(self, alert_id: str, text: str, *, timeout: float = REPLAY_SEND_TIMEOUT) -> bool:
        """A replayed alert: once per connection, waiting for queue room."""
        if self._seen_set is not None and alert_id in self._seen_set:
            return True
        self._remember(alert_id)
        return await self.put(text, timeout=timeout)

    def _wake_putter(self) -> None:
        room = self._room
        if room is not None:
            self._room = None
            if not room.done():
                room.set_result(None)

    def _overflow(self) -> None:
        if self._overflowed:
            return
        self._overflowed = True
        log.warning("slow consumer: closing connection %s (queue of %d full)", self.id, self._queue_size)
        task = asyncio.get_running_loop().create_task(self.close(CLOSE_SLOW, "slow consumer: reconnect with since"))
        _background.add(task)
        task.add_done_callback(_background.discard)

    def begin_replay(self) -> None:
        """Hold live alerts until the replay from the store is queued, so they arrive after it."""
        self._replaying = True

    def end_replay(self) -> None:
        self._replaying = False
        pending, self._pending = self._pending, None
        for alert_id, text, ts in pending or ():
            if alert_id is None:
                self.send(text, ts)
            else:
                self.send_alert(alert_id, text, ts)

    def _remember(self, alert_id: str) -> None:
        if self._seen is None:
            self._seen, self._seen_set = deque(), set()
        self._seen.append(alert_id)
        self._seen_set.add(alert_id)  # type: ignore[union-attr]
        if len(self._seen) > _SEEN_ALERTS:
            self._seen_set.discard(self._seen.popleft())  # type: ignore[union-attr]

    def _kick(self) -> None:
        self._writer = asyncio.get_running_loop().create_task(self._write_loop())

    async def _write_loop(self) -> None:
        """Send what is queued, in order, then end (the next ``send`` starts a new writer)."""
        try:
            while True:
                queue = self._queue
                if not queue:
                    break
                text, created_ts = queue.popleft()
                if self._room is not None:
                    self._wake_putter()
                await self._transport.send_text(text)
                if created_ts is not None and self._on_delivered is not None:
                    self._on_delivered(max(0.0, time.time() - created_ts))
        except asyncio.CancelledError:
            return
        except Exception:  # peer went away mid-send
            self.mark_gone()
        finally:
            if self._writer is asyncio.current_task():
                self._writer = None
        if self._queue is not None and not self._queue and self.close_code is None:
            self._queue = None  # an idle connection keeps no deque


def timestamp_of(iso: str | None) -> float | None:
    """Epoch seconds of an ISO-8601 ``created_at`` (for the delivery-latency metric)."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).timestamp()
    except (TypeError, ValueError):
        return None

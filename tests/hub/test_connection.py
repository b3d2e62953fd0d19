"""hub.Connection on its own: bounded queue, ordering, the writer that exists only while there is work, close."""

from __future__ import annotations

import asyncio
import random

import pytest

from scamshield.hub.connection import CLOSE_SLOW, Connection


class Sock:
    """A transport that records what was sent; ``gate`` (when set) holds every send until it is opened."""

    def __init__(self, *, delay: float = 0.0, fail: bool = False) -> None:
        self.sent: list[str] = []
        self.closed_with: int | None = None
        self.delay = delay
        self.fail = fail
        self.gate: asyncio.Event | None = None
        self.in_flight = 0
        self.max_in_flight = 0

    async def send_text(self, data: str) -> None:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.fail:
                raise ConnectionResetError
            if self.gate is not None:
                await self.gate.wait()
            if self.delay:
                await asyncio.sleep(random.random() * self.delay)
            self.sent.append(data)
        finally:
            self.in_flight -= 1

    async def close(self, code: int = 1000, reason: str | None = None) -> None:
        self.closed_with = code


async def settle(n: int = 10) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


def started(sock: Sock, queue_size: int = 4) -> Connection:
    conn = Connection(sock, "alice", queue_size=queue_size)
    conn.start()
    return conn


def own_tasks() -> set[asyncio.Task]:
    return {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}


def test_connection_has_no_instance_dict():
    # tens of thousands of these live at once: __slots__ keeps each one small
    conn = Connection(Sock(), "alice")
    assert not hasattr(conn, "__dict__")


async def test_an_idle_connection_has_no_task_and_a_send_starts_one_that_ends_when_done():
    sock = Sock()
    before = own_tasks()
    conn = started(sock)
    assert own_tasks() == before  # registered and idle: nothing running for it
    assert conn.send("a") and conn.send("b")
    assert len(own_tasks() - before) == 1  # one writer while there is something to send
    await settle()
    assert sock.sent == ["a", "b"]
    assert own_tasks() == before  # ...and none once it is sent
    assert conn.send("c")
    await settle()
    assert sock.sent == ["a", "b", "c"]
    assert own_tasks() == before


async def test_order_is_kept_and_one_send_at_a_time_across_bursts():
    sock = Sock(delay=0.002)
    conn = started(sock, queue_size=64)
    expected = []
    for burst in range(20):
        for i in range(random.randint(1, 5)):
            text = f"{burst}.{i}"
            expected.append(text)
            assert conn.send(text)
        await asyncio.sleep(random.random() * 0.004)
    for _ in range(200):
        if len(sock.sent) == len(expected):
            break
        await asyncio.sleep(0.005)
    assert sock.sent == expected
    assert sock.max_in_flight == 1


async def test_nothing_is_sent_before_start_and_everything_after():
    sock = Sock()
    conn = Connection(sock, "alice", queue_size=4)
    assert conn.send("a") and conn.send("b")
    await settle()
    assert sock.sent == []
    conn.start()
    await settle()
    assert sock.sent == ["a", "b"]


async def test_full_queue_closes_as_slow_consumer():
    sock = Sock()
    sock.gate = asyncio.Event()  # the phone stopped reading
    conn = started(sock, queue_size=4)
    assert conn.send("in flight")
    await settle()  # the writer took it and is stuck sending it: the queue has room for 4 more
    assert all(conn.send(f"q{i}") for i in range(4))
    assert conn.send("one too many") is False
    await settle()
    assert conn.close_code == CLOSE_SLOW and sock.closed_with == CLOSE_SLOW
    assert conn.send("after") is False
    await asyncio.wait_for(conn.closed.wait(), 1)


async def test_put_waits_for_room_then_times_out_as_slow_consumer():
    sock = Sock()
    sock.gate = asyncio.Event()
    conn = started(sock, queue_size=2)
    assert conn.send("x0")
    await settle()
    assert conn.send("x1") and conn.send("x2")  # full
    waiter = asyncio.create_task(conn.put("x3", timeout=5))
    await settle()
    assert not waiter.done()
    sock.gate.set()  # the client reads: room appears, the put goes in, order kept
    assert await asyncio.wait_for(waiter, 1) is True
    await settle()
    assert sock.sent == ["x0", "x1", "x2", "x3"]

    sock.gate = asyncio.Event()
    assert conn.send("y0")
    await settle()
    assert conn.send("y1") and conn.send("y2")
    assert await conn.put("y3", timeout=0.05) is False
    await settle()
    assert conn.close_code == CLOSE_SLOW


async def test_a_put_waiting_for_room_returns_when_the_connection_closes():
    sock = Sock()
    sock.gate = asyncio.Event()
    conn = started(sock, queue_size=1)
    assert conn.send("a")
    await settle()
    assert conn.send("b")
    waiter = asyncio.create_task(conn.put("c", timeout=30))
    await settle()
    await conn.close(1000)
    assert await asyncio.wait_for(waiter, 1) is False


async def test_close_with_flush_sends_what_is_queued_first():
    sock = Sock(delay=0.01)
    conn = started(sock, queue_size=8)
    for i in range(3):
        conn.send(f"m{i}")
    await conn.close(4408, "bye", flush=1.0)
    assert sock.sent == ["m0", "m1", "m2"] and sock.closed_with == 4408
    assert conn.closed.is_set()


async def test_close_with_flush_gives_up_on_a_stuck_client():
    sock = Sock()
    sock.gate = asyncio.Event()
    conn = started(sock)
    conn.send("stuck")
    await settle()
    before = own_tasks()
    await asyncio.wait_for(conn.close(4408, flush=0.05), 1)
    assert sock.closed_with == 4408
    await settle()
    assert len(own_tasks()) < len(before)  # the stuck writer was cancelled


async def test_a_failing_send_marks_the_connection_gone():
    conn = started(Sock(fail=True))
    conn.send("a")
    await asyncio.wait_for(conn.closed.wait(), 1)
    assert conn.close_code == 1006 and not conn.is_open


@pytest.mark.parametrize("how", ["close", "mark_gone"])
async def test_closed_can_be_awaited_before_or_after(how):
    conn = started(Sock())
    waiter = asyncio.create_task(conn.closed.wait())
    await settle()
    assert not waiter.done()
    if how == "close":
        await conn.close(1000)
    else:
        conn.mark_gone()
    assert await asyncio.wait_for(waiter, 1) is True
    assert await asyncio.wait_for(conn.closed.wait(), 1) is True


async def test_replay_holds_live_messages_and_dedups_alerts():
    sock = Sock()
    conn = started(sock, queue_size=8)
    conn.begin_replay()
    assert conn.send_alert("a2", "live a2")  # held
    assert conn.send("ping")  # held
    assert await conn.put_alert("a1", "replay a1")
    assert await conn.put_alert("a2", "replay a2")
    conn.end_replay()
    await settle()
    assert sock.sent == ["replay a1", "replay a2", "ping"]  # the live copy of a2 is dropped
    assert conn.send_alert("a1", "again") is False

"""The hub on the memory broker: registry, per-user fan-out, subscriptions, slow consumers, replay dedup, control."""

from __future__ import annotations

import asyncio
import json

import pytest

from scamshield.hub.connection import CLOSE_HEARTBEAT, CLOSE_SLOW
from scamshield.hub.hub import Hub


class FakeSocket:
    def __init__(self, *, stuck: bool = False) -> None:
        self.sent: list[dict] = []
        self.closed_with: int | None = None
        self.stuck = stuck

    async def send_text(self, data: str) -> None:
        if self.stuck:
            await asyncio.Event().wait()  # a phone that stopped reading
        self.sent.append(json.loads(data))

    async def close(self, code: int = 1000, reason: str | None = None) -> None:
        self.closed_with = code


def alert(alert_id: str, seq: int) -> dict:
    return {"type": "fraud_alert", "alert_id": alert_id, "seq": seq, "created_at": "2025-01-01T00:00:00+00:00"}


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


@pytest.fixture
async def hub():
    h = Hub(queue_size=8, heartbeat_seconds=0)
    await h.start()
    yield h
    await h.close()


async def connect(hub: Hub, user: str, **kw) -> tuple[FakeSocket, object]:
    sock = FakeSocket(**kw)
    conn = hub.new_connection(sock, user)
    await hub.register(conn)
    return sock, conn


async def test_two_users_two_devices_each(hub):
    (a1, _), (a2, _), (b1, _), (b2, _) = [await connect(hub, u) for u in ("alice", "alice", "bob", "bob")]
    await hub.publish_user("alice", alert("x1", 1))
    await settle()
    assert [m["alert_id"] for m in a1.sent] == ["x1"] == [m["alert_id"] for m in a2.sent]
    assert b1.sent == [] and b2.sent == []
    assert hub.total_connections == 4


async def test_subscribe_on_first_and_unsubscribe_on_last(hub):
    channels = hub._broker._channels  # memory broker internals, to observe subscriptions
    _, c1 = await connect(hub, "alice")
    _, c2 = await connect(hub, "alice")
    assert "user:alice" in channels
    await hub.unregister(c1)
    assert "user:alice" in channels
    await hub.unregister(c2)
    assert "user:alice" not in channels and hub.total_connections == 0
    await hub.unregister(c2)  # idempotent
    assert hub.total_connections == 0


async def test_slow_consumer_is_closed_and_others_unaffected(hub):
    slow, slow_conn = await connect(hub, "alice", stuck=True)
    fast, _ = await connect(hub, "alice")
    for i in range(20):
        await hub.publish_user("alice", alert(f"a{i}", i + 1))
        await settle()  # the fast phone reads as fast as alerts come
    await asyncio.wait_for(slow_conn.closed.wait(), 3)
    assert slow.closed_with == CLOSE_SLOW
    assert [m["seq"] for m in fast.sent] == list(range(1, 21))


async def test_replay_then_live_in_order_without_duplicates(hub):
    sock = FakeSocket()
    conn = hub.new_connection(sock, "alice")
    conn.begin_replay()
    await hub.register(conn)
    await hub.publish_user("alice", alert("a2", 2))  # arrives live while the replay query runs
    await hub.publish_user("alice", alert("a3", 3))
    for a in (alert("a1", 1), alert("a2", 2)):  # the replay also found a2
        conn.send_alert(a["alert_id"], json.dumps(a), replay=True)
    conn.end_replay()
    await settle()
    assert [m["alert_id"] for m in sock.sent] == ["a1", "a2", "a3"]


async def test_non_alert_messages_pass_through(hub):
    sock, _ = await connect(hub, "alice")
    await hub.publish_user("alice", {"type": "alert_acked", "alert_id": "a1"})
    await hub.publish_user("alice", {"type": "alert_acked", "alert_id": "a1"})
    await settle()
    assert [m["type"] for m in sock.sent] == ["alert_acked", "alert_acked"]


async def test_disconnect_user_control(hub):
    a, ca = await connect(hub, "alice")
    b, cb = await connect(hub, "bob")
    await hub.disconnect_user("alice", 4403, "revoked")
    await settle()
    assert a.closed_with == 4403 and b.closed_with is None and cb.is_open and not ca.is_open


async def test_broadcast_reaches_everyone(hub):
    a, _ = await connect(hub, "alice")
    b, _ = await connect(hub, "bob")
    await hub.publish_broadcast(alert("r1", 0))
    await settle()
    assert a.sent and b.sent


async def test_heartbeat_pings_and_times_out_only_opted_in_clients():
    hub = Hub(queue_size=8, heartbeat_seconds=0.05)
    await hub.start()
    try:
        quiet, quiet_conn = await connect(hub, "alice")
        opted, opted_conn = await connect(hub, "bob")
        opted_conn.heartbeat_opt_in = True
        await asyncio.wait_for(opted_conn.closed.wait(), 2)
        assert opted.closed_with == CLOSE_HEARTBEAT
        assert quiet_conn.is_open and any(m["type"] == "ping" for m in quiet.sent)
    finally:
        await hub.close()
    assert quiet.closed_with == 4000  # shutdown tells clients to reconnect


async def test_close_is_idempotent_and_send_after_close_is_refused(hub):
    sock, conn = await connect(hub, "alice")
    await conn.close(1000)
    await conn.close(4001)
    assert sock.closed_with == 1000 and conn.send("{}") is False


# --- broker outages, connection caps, broadcast copies ---------------------------------------------------------------
class FlakyBroker:
    """A broker whose publications can fail the way RedisBroker's do (swallowed, counted in publish_failures)."""

    def __init__(self) -> None:
        self.handler = None
        self.channels: set[str] = set()
        self.down = False
        self.publish_failures = 0
        self.on_resubscribed = None

    async def start(self) -> None: ...

    async def publish(self, channel: str, message: str) -> None:
        if self.down:
            self.publish_failures += 1
            return
        if channel in self.channels:
            await self.handler(channel, message)

    async def subscribe(self, channel: str) -> None:
        self.channels.add(channel)

    async def unsubscribe(self, channel: str) -> None:
        self.channels.discard(channel)

    async def close(self) -> None: ...

    async def healthy(self) -> bool:
        return not self.down


@pytest.fixture
async def flaky():
    broker = FlakyBroker()
    h = Hub(queue_size=8, heartbeat_seconds=0, broker=broker, retry_interval=0.02)  # type: ignore[arg-type]
    broker.handler = h._on_broker_message
    await h.start()
    yield h, broker
    await h.close()


async def test_failed_publish_still_reaches_local_devices_and_marks_the_hub_unhealthy(flaky):
    hub, broker = flaky
    a1, _ = await connect(hub, "alice")
    b1, _ = await connect(hub, "bob")
    broker.down = True
    await hub.publish_user("alice", alert("x1", 1))
    await settle()
    assert [m["alert_id"] for m in a1.sent] == ["x1"] and b1.sent == []
    assert await hub.healthy() is False
    broker.down = False  # the broker answers again: the failed publication goes out (deduped here), hub healthy
    for _ in range(100):
        if await hub.healthy():
            break
        await asyncio.sleep(0.02)
    assert await hub.healthy() is True
    await settle()
    assert [m["alert_id"] for m in a1.sent] == ["x1"]  # the re-publication was dropped as a duplicate


async def test_broker_resubscription_asks_local_devices_to_reconnect(flaky):
    hub, broker = flaky
    a, _ = await connect(hub, "alice")
    b, _ = await connect(hub, "bob")
    assert broker.on_resubscribed is not None  # the hub hooked itself in
    await broker.on_resubscribed()
    assert a.closed_with == 4000 and b.closed_with == 4000


async def test_redis_broker_gets_the_resubscribe_hook():
    pytest.importorskip("redis")
    hub = Hub(broker_url="redis://127.0.0.1:1/0", heartbeat_seconds=0)  # never started: no connection made
    assert hub._broker.on_resubscribed == hub._on_resubscribed  # type: ignore[attr-defined]


async def test_connections_per_user_are_capped(hub):
    await connect(hub, "alice")
    await connect(hub, "alice")
    extra = hub.new_connection(FakeSocket(), "alice")
    assert await hub.register(extra, max_per_user=2) is False
    assert len(hub.local_connections("alice")) == 2
    assert await hub.register(hub.new_connection(FakeSocket(), "bob"), max_per_user=2) is True


async def test_redacted_broadcast_copy_does_not_hide_the_owners_real_alert(hub):
    sock, _ = await connect(hub, "alice")
    await hub.publish_broadcast({**alert("h1", 0), "seq": None, "redacted": True})
    await hub.publish_user("alice", alert("h1", 1))  # the same alert, once the call got its owner
    await settle()
    assert [(m["alert_id"], m.get("redacted", False)) for m in sock.sent] == [("h1", True), ("h1", False)]


async def test_replay_longer_than_the_send_queue_waits_for_room(hub):
    sock = FakeSocket()
    conn = hub.new_connection(sock, "alice")  # queue of 8
    conn.begin_replay()
    await hub.register(conn)
    for i in range(30):
        assert await conn.put_alert(f"r{i}", json.dumps(alert(f"r{i}", i + 1)), timeout=2)
    conn.end_replay()
    await settle()
    assert conn.is_open and [m["seq"] for m in sock.sent] == list(range(1, 31))



async def test_messages_during_a_replay_are_sent_after_it(hub):
    sock = FakeSocket()
    conn = hub.new_connection(sock, "alice")  # queue of 8
    conn.begin_replay()
    await hub.register(conn)
    await hub.publish_user("alice", {"type": "alert_acked", "alert_id": "r0"})  # arrives while the replay runs
    for i in range(12):
        assert await conn.put_alert(f"r{i}", json.dumps(alert(f"r{i}", i + 1)), timeout=2)
    conn.end_replay()
    await settle()
    assert conn.is_open and [m["type"] for m in sock.sent] == ["fraud_alert"] * 12 + ["alert_acked"]


async def test_heartbeat_pings_go_out_in_chunks_so_deliveries_are_not_held_behind_them():
    """With many connections, the pings of one heartbeat are queued a chunk at a time: other work (an alert's
    delivery) runs between chunks instead of waiting for every connection's ping."""
    from scamshield.hub.hub import HEARTBEAT_CHUNK

    events: list[str] = []
    pinged = [0]

    class Recording(FakeSocket):
        async def send_text(self, data: str) -> None:
            events.append("ping" if '"ping"' in data else "other")
            pinged[0] += '"ping"' in data

    hub = Hub(queue_size=8, heartbeat_seconds=0.2)
    await hub.start()
    n = 4 * HEARTBEAT_CHUNK + 10
    try:
        for i in range(n):
            await hub.register(hub.new_connection(Recording(), f"u{i}"))

        async def marker() -> None:  # runs once per loop iteration until every connection got its first ping
            while pinged[0] < n:
                events.append("tick")
                await asyncio.sleep(0)

        await asyncio.wait_for(marker(), 10)
    finally:
        await hub.close()
    runs, current = [], 0
    for e in events:
        if e == "ping":
            current += 1
        else:
            runs.append(current)
            current = 0
    runs.append(current)
    assert sum(runs) >= n
    assert max(runs) <= HEARTBEAT_CHUNK  # never all n back to back: a delivery waits one chunk at most

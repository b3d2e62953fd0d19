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

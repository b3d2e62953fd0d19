"""One contract suite for every Broker implementation (memory, and Redis on a real server), plus the Redis-only
behaviour: two instances sharing channels, re-subscription after the connection is killed or Redis goes away."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from typing import AsyncIterator, Awaitable, Callable

import pytest
import redis.asyncio as aioredis

from scamshield.hub.broker import Broker, create_broker
from scamshield.hub.broker_memory import MemoryBroker
from scamshield.hub.broker_redis import RedisBroker, split_prefix
from scamshield.hub.hub import CONTROL_CHANNEL, Hub, user_changed_message

pytestmark = pytest.mark.timeout(60)


class Recorder:
    """A broker handler that records (channel, message) pairs and can fail on purpose."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.got: list[tuple[str, str]] = []
        self.fail_on = fail_on

    async def __call__(self, channel: str, message: str) -> None:
        if message == self.fail_on:
            raise RuntimeError("handler failure on purpose")
        self.got.append((channel, message))

    def messages(self, channel: str) -> list[str]:
        return [m for c, m in self.got if c == channel]


async def eventually(cond: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


def unique_prefix() -> str:
    return f"t{uuid.uuid4().hex[:10]}:"


BrokerFactory = Callable[..., Awaitable[Broker]]


@pytest.fixture(params=["memory", "redis"])
async def make_broker(request) -> AsyncIterator[BrokerFactory]:
    """Builds started brokers of one kind; all brokers built in one test share a namespace (a random Redis prefix)."""
    made: list[Broker] = []
    prefix = unique_prefix()
    if request.param == "redis":
        redis_url = request.getfixturevalue("redis_url")

    async def factory(handler) -> Broker:
        if request.param == "memory":
            broker: Broker = MemoryBroker(handler)
        else:
            broker = RedisBroker(redis_url, handler, prefix=prefix, client_name="t-" + prefix[:-1])
        await broker.start()
        made.append(broker)
        return broker

    yield factory
    for broker in made:
        await broker.close()


@pytest.fixture
async def redis_brokers(redis_url) -> AsyncIterator[Callable[..., Awaitable[RedisBroker]]]:
    made: list[RedisBroker] = []
    prefix = unique_prefix()

    async def factory(handler, url: str | None = None, **kw) -> RedisBroker:
        name = f"t-{prefix[:-1]}-{len(made)}"
        broker = RedisBroker(url or redis_url, handler, prefix=prefix, client_name=name, **kw)
        await broker.start()
        made.append(broker)
        return broker

    yield factory
    for broker in made:
        await broker.close()


# ----------------------------------------------------------------------------------------------- the contract
async def test_subscribed_channel_receives_publication_once(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await broker.subscribe("user:alice")
    await broker.publish("user:alice", '{"n":1}')
    await eventually(lambda: rec.got, what="delivery")
    await broker.publish("user:alice", '{"n":2}')
    await eventually(lambda: len(rec.got) == 2, what="second delivery")
    assert rec.got == [("user:alice", '{"n":1}'), ("user:alice", '{"n":2}')]


async def test_unsubscribed_channel_receives_nothing(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await broker.subscribe("user:alice")
    await broker.publish("user:bob", "for bob")
    await broker.publish("user:alice", "marker")  # same publisher, later: once it is here, bob's would have been
    await eventually(lambda: rec.messages("user:alice"), what="marker")
    await asyncio.sleep(0.05)
    assert rec.got == [("user:alice", "marker")]


async def test_double_subscribe_is_a_noop(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await broker.subscribe("user:alice")
    await broker.subscribe("user:alice")
    await asyncio.gather(broker.subscribe("user:alice"), broker.subscribe("user:alice"))
    await broker.publish("user:alice", "once")
    await broker.publish("user:marker", "m")
    await broker.subscribe("user:marker")
    await broker.publish("user:marker", "m2")
    await eventually(lambda: rec.messages("user:marker"), what="marker")
    await asyncio.sleep(0.05)
    assert rec.messages("user:alice") == ["once"]


async def test_unsubscribe_stops_delivery_and_unknown_unsubscribe_is_a_noop(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await broker.unsubscribe("user:nobody")  # unknown: no error
    await broker.subscribe("user:alice")
    await broker.subscribe("user:marker")
    await broker.publish("user:alice", "before")
    await eventually(lambda: rec.messages("user:alice") == ["before"], what="first delivery")
    await broker.unsubscribe("user:alice")
    await broker.unsubscribe("user:alice")  # twice: still fine
    await broker.publish("user:alice", "after")
    await broker.publish("user:marker", "m")
    await eventually(lambda: rec.messages("user:marker"), what="marker")
    await asyncio.sleep(0.05)
    assert rec.messages("user:alice") == ["before"]


async def test_resubscribe_after_unsubscribe(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await broker.subscribe("user:alice")
    await broker.unsubscribe("user:alice")
    await broker.subscribe("user:alice")
    await broker.publish("user:alice", "back")
    await eventually(lambda: rec.messages("user:alice") == ["back"], what="delivery after re-subscribe")


async def test_subscribe_and_unsubscribe_in_the_same_tick(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await asyncio.gather(broker.subscribe("user:x"), broker.unsubscribe("user:x"), broker.subscribe("user:y"))
    await broker.publish("user:x", "x")
    await broker.publish("user:y", "y")
    await eventually(lambda: rec.messages("user:y"), what="y")
    await asyncio.sleep(0.05)
    assert rec.messages("user:x") == []


async def test_order_is_kept_per_channel(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    await broker.subscribe("user:alice")
    await broker.subscribe("user:bob")
    for i in range(300):
        await broker.publish("user:alice" if i % 3 else "user:bob", str(i))
    await eventually(lambda: len(rec.got) == 300, what="300 deliveries")
    assert rec.messages("user:alice") == [str(i) for i in range(300) if i % 3]
    assert rec.messages("user:bob") == [str(i) for i in range(300) if not i % 3]


async def test_many_channels_subscribed_at_once_each_get_their_own(make_broker):
    rec = Recorder()
    broker = await make_broker(rec)
    users = [f"user:{i}" for i in range(3000)]
    await asyncio.gather(*(broker.subscribe(u) for u in users))
    await asyncio.gather(*(broker.publish(u, u) for u in users))
    await eventually(lambda: len(rec.got) >= len(users), what="3000 deliveries")
    await asyncio.sleep(0.05)
    assert sorted(rec.got) == sorted((u, u) for u in users)  # each once, each on its own channel


async def test_handler_exception_does_not_stop_delivery(make_broker):
    rec = Recorder(fail_on="boom")
    broker = await make_broker(rec)
    await broker.subscribe("user:alice")
    await broker.publish("user:alice", "boom")
    await broker.publish("user:alice", "after")
    await broker.publish("user:alice", "boom")
    await broker.publish("user:alice", "again")
    await eventually(lambda: len(rec.got) == 2, what="deliveries after failures")
    assert rec.messages("user:alice") == ["after", "again"]


async def test_close_is_idempotent_and_stops_delivery(make_broker):
    rec = Recorder()
    publisher_rec = Recorder()
    broker = await make_broker(rec)
    other = await make_broker(publisher_rec)
    await broker.subscribe("user:alice")
    await broker.close()
    await broker.close()
    await broker.publish("user:alice", "after close")  # no error
    await broker.subscribe("user:alice")  # no error, no effect
    await other.subscribe("user:marker")
    await other.publish("user:alice", "from another instance")
    await other.publish("user:marker", "m")
    await eventually(lambda: publisher_rec.got, what="marker")
    await asyncio.sleep(0.05)
    assert rec.got == []
    assert await other.healthy() is True


# ----------------------------------------------------------------------------------------------- Redis only
def test_create_broker_picks_the_implementation_by_scheme(redis_url):
    handler = Recorder()
    assert isinstance(create_broker(None, handler), MemoryBroker)
    assert isinstance(create_broker("memory://", handler), MemoryBroker)
    broker = create_broker(redis_url + "?prefix=tenant7:", handler)
    assert isinstance(broker, RedisBroker) and broker.prefix == "tenant7:"
    with pytest.raises(ValueError):
        create_broker("kafka://x", handler)


def test_prefix_is_taken_out_of_the_url():
    assert split_prefix("redis://h:6379/2?prefix=a:&socket_timeout=5") == ("redis://h:6379/2?socket_timeout=5", "a:")
    assert split_prefix("redis://h:6379/0") == ("redis://h:6379/0", "scamshield:")


async def test_two_instances_see_each_others_publications_and_nothing_else(redis_brokers):
    rec_a, rec_b = Recorder(), Recorder()
    a = await redis_brokers(rec_a)
    b = await redis_brokers(rec_b)
    await a.subscribe("user:1")
    await b.subscribe("user:2")
    await a.subscribe("user:3")
    await b.subscribe("user:3")
    await b.publish("user:1", "b->1")
    await a.publish("user:2", "a->2")
    await a.publish("user:3", "a->3")
    await eventually(lambda: len(rec_a.got) == 2 and len(rec_b.got) == 2, what="cross-instance deliveries")
    await asyncio.sleep(0.05)
    assert rec_a.got == [("user:1", "b->1"), ("user:3", "a->3")]
    assert rec_b.got == [("user:2", "a->2"), ("user:3", "a->3")]


async def test_prefixes_isolate_deployments(redis_url, redis_brokers):
    rec_a, rec_other = Recorder(), Recorder()
    a = await redis_brokers(rec_a)
    other = RedisBroker(redis_url, rec_other, prefix=unique_prefix())
    await other.start()
    try:
        await other.subscribe("user:1")
        await a.subscribe("user:1")
        await a.publish("user:1", "mine")
        await eventually(lambda: rec_a.got, what="own delivery")
        await asyncio.sleep(0.05)
        assert rec_other.got == []
    finally:
        await other.close()


async def _kill_subscriber(redis_url: str, broker: RedisBroker) -> int:
    admin = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        clients = await admin.client_list(_type="pubsub")
        ids = [c["id"] for c in clients if c.get("name") == broker.client_name + "-sub"]
        for cid in ids:
            await admin.client_kill_filter(_id=cid)
        return len(ids)
    finally:
        await admin.aclose()


async def test_reconnects_and_resubscribes_after_the_connection_is_killed(redis_url, redis_brokers):
    rec = Recorder()
    resubscribed = []

    async def hook() -> None:
        resubscribed.append(time.monotonic())

    broker = await redis_brokers(rec, on_resubscribed=hook)
    publisher = await redis_brokers(Recorder())
    channels = [f"user:{i}" for i in range(2500)]  # more than one SUBSCRIBE chunk
    await asyncio.gather(*(broker.subscribe(c) for c in channels))
    await publisher.publish("user:7", "before")
    await eventually(lambda: rec.got, what="delivery before the kill")

    assert await _kill_subscriber(redis_url, broker) == 1
    await eventually(lambda: broker.reconnects >= 1 and resubscribed, what="reconnect")
    assert await broker.healthy()
    for c in channels:
        await publisher.publish(c, "after")
    await eventually(lambda: len(rec.got) == 1 + len(channels), what="deliveries on every re-subscribed channel")
    await asyncio.sleep(0.05)
    assert sorted(c for c, m in rec.got if m == "after") == sorted(channels)  # each exactly once


class FlakyProxy:
    """A TCP proxy in front of Redis that can be taken down and brought back: a Redis restart, as the broker sees it."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.server: asyncio.base_events.Server | None = None
        self.port = 0
        self.pipes: set[asyncio.StreamWriter] = set()

    async def up(self) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def down(self) -> None:
        assert self.server is not None
        self.server.close()
        for w in list(self.pipes):
            w.close()
        await self.server.wait_closed()
        self.server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self.pipes.update({writer, up_writer})

        async def pump(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while data := await r.read(65536):
                    w.write(data)
                    await w.drain()
            w.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))
        self.pipes.difference_update({writer, up_writer})


def _host_port(url: str) -> tuple[str, int]:
    rest = url.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]
    host, _, port = rest.partition(":")
    return host or "127.0.0.1", int(port or 6379)


async def test_survives_redis_going_away_and_coming_back(redis_url, redis_brokers):
    host, port = _host_port(redis_url)
    db = redis_url.rsplit("/", 1)[1] if redis_url.count("/") >= 3 else "0"
    proxy = FlakyProxy(host, port)
    await proxy.up()
    rec = Recorder()
    broker = await redis_brokers(rec, url=f"redis://127.0.0.1:{proxy.port}/{db}", backoff_initial=0.05, backoff_max=0.3)
    publisher = await redis_brokers(Recorder())  # talks to Redis directly
    try:
        await broker.subscribe("user:old")
        assert await broker.healthy()

        await proxy.down()
        await eventually(lambda: not broker._up, what="the broker noticing the outage")
        assert await broker.healthy() is False
        started = time.monotonic()
        await broker.subscribe("user:new")  # while Redis is away: returns promptly, subscribed on reconnect
        assert time.monotonic() - started < 1.0
        await broker.publish("user:nobody", "lost")  # best effort: no exception while Redis is away
        await asyncio.sleep(0.5)  # a few failed reconnect attempts with backoff

        await proxy.up()
        await eventually(lambda: broker.reconnects >= 1, timeout=10, what="reconnect after Redis came back")
        await publisher.publish("user:old", "o")
        await publisher.publish("user:new", "n")
        await eventually(lambda: len(rec.got) == 2, what="deliveries after the outage")
        assert sorted(rec.got) == [("user:new", "n"), ("user:old", "o")]
        assert await broker.healthy()
    finally:
        await broker.close()
        if proxy.server is not None:
            await proxy.down()


async def test_unreachable_redis_does_not_block_start_or_subscribe():
    rec = Recorder()
    from tests.support.server import free_port

    broker = RedisBroker(f"redis://127.0.0.1:{free_port()}/0", rec, prefix=unique_prefix())
    started = time.monotonic()
    await broker.start()
    await broker.subscribe("user:1")
    await broker.publish("user:1", "x")
    assert await broker.healthy() is False
    await broker.close()
    await broker.close()
    assert time.monotonic() - started < 6.0
    assert rec.got == []


# ------------------------------------------------ user_changed notices on the control channel (cache invalidation)
async def _hub_on(make, **hub_kw) -> tuple[Hub, list[str], list[str]]:
    """A started hub on a broker built by ``make`` (``make_broker`` or ``redis_brokers``), with its user_changed
    and resync listeners recording into the returned lists."""
    ref: dict[str, Hub] = {}

    async def handler(channel: str, message: str) -> None:
        await ref["hub"]._on_broker_message(channel, message)

    broker = await make(handler)
    hub = Hub(broker=broker, heartbeat_seconds=0, **hub_kw)
    ref["hub"] = hub
    if hasattr(broker, "on_resubscribed"):
        broker.on_resubscribed = hub._on_resubscribed  # type: ignore[attr-defined]
    await hub.start()
    changed: list[str] = []
    resyncs: list[str] = []
    hub.on_user_changed(changed.append)
    hub.on_resync(lambda: resyncs.append("resync"))
    return hub, changed, resyncs


async def test_user_changed_notice_from_another_instance_reaches_listeners_and_own_echo_does_not(make_broker):
    hub, changed, _ = await _hub_on(make_broker)
    broker = hub._broker
    await hub.announce_user_changed("alice")  # our own notice (published on Redis, skipped in memory): never acted on
    # Notices as another instance publishes them, and near misses that must be ignored, on the same channel.
    for message in ['{"op":"user_changed","user_id":"","origin":"x"}',  # empty id
                    '{"op":"user_changed","user_id":7,"origin":"x"}',  # not a string
                    '{"op":"user_changed","user_id":"' + "u" * 300 + '","origin":"x"}',  # longer than any id we write
                    '{"op":"user_changed","user_id":"carol","origin":"' + hub.instance_id + '"}',  # our own origin
                    '{"op":"user_changed_later","user_id":"dave","origin":"x"}',  # another op
                    "not json", "[1,2]",
                    user_changed_message("bob", "other-instance")]:
        await broker.publish(CONTROL_CHANNEL, message)
    await eventually(lambda: changed, what="bob's notice")
    await asyncio.sleep(0.05)
    assert changed == ["bob"] and hub.user_changed_received == 1
    await hub.close()


async def test_user_changed_crosses_instances_without_a_socket_for_the_user(redis_brokers):
    a, a_changed, _ = await _hub_on(redis_brokers)
    b, b_changed, _ = await _hub_on(redis_brokers)
    assert a.instance_id != b.instance_id and b.total_connections == 0  # nobody connected to B: only ``control``
    started = time.monotonic()
    await a.announce_user_changed("alice")
    await eventually(lambda: b_changed, timeout=2.0, what="the notice on B")
    took = time.monotonic() - started
    await b.announce_user_changed("bob")
    await eventually(lambda: a_changed, timeout=2.0, what="the notice on A")
    await asyncio.sleep(0.05)
    assert b_changed == ["alice"] and a_changed == ["bob"]  # each instance hears the other, never its own echo
    assert took < 1.0  # a broker round trip, far below the caches' TTL
    await a.close()
    await b.close()


async def test_memory_hub_announces_nothing():
    rec = Recorder()
    broker = MemoryBroker(rec)
    hub = Hub(broker=broker, heartbeat_seconds=0)
    await hub.start()
    await hub.announce_user_changed("alice")
    assert rec.got == [] and hub.publish_failures == 0
    await hub.close()


async def test_resubscription_after_an_outage_runs_the_resync_listeners(redis_url, redis_brokers):
    hub, changed, resyncs = await _hub_on(redis_brokers)
    assert resyncs == []
    assert await _kill_subscriber(redis_url, hub._broker) == 1  # type: ignore[arg-type]
    await eventually(lambda: resyncs, what="resync after the re-subscription")
    assert resyncs == ["resync"] and changed == []
    await hub.close()


async def test_notice_that_failed_during_an_outage_is_published_when_redis_is_back(redis_url, redis_brokers):
    """A's Redis goes away while a user's settings change on A: the notice is kept, A reports itself unhealthy, and
    once Redis answers the notice reaches B (exactly once) and A, which may have missed B's notices, resyncs."""
    host, port = _host_port(redis_url)
    db = redis_url.rsplit("/", 1)[1] if redis_url.count("/") >= 3 else "0"
    proxy = FlakyProxy(host, port)
    await proxy.up()
    a, a_changed, a_resyncs = await _hub_on(
        lambda h: redis_brokers(h, url=f"redis://127.0.0.1:{proxy.port}/{db}", backoff_initial=0.05, backoff_max=0.3),
        retry_interval=0.05)
    b, b_changed, b_resyncs = await _hub_on(redis_brokers)  # talks to Redis directly
    try:
        await proxy.down()
        await eventually(lambda: not a._broker._up, what="A noticing the outage")  # type: ignore[attr-defined]
        await a.announce_user_changed("alice")
        assert a.degraded and await a.healthy() is False
        await asyncio.sleep(0.3)
        assert b_changed == []

        await proxy.up()
        await eventually(lambda: b_changed and a_resyncs, timeout=10, what="the notice on B and A's resync")
        await eventually(lambda: not a.degraded, what="A healthy again")
        await asyncio.sleep(0.1)
        assert b_changed == ["alice"] and a_changed == [] and b_resyncs == []
    finally:
        await a.close()
        await b.close()
        if proxy.server is not None:
            await proxy.down()

"""Two (or three) real server processes on one PostgreSQL database and one Redis: scale-out, as operators run it.

Isolation from other test runs sharing the same Redis: Redis pub/sub ignores database numbers, and
``SCAMSHIELD_REDIS_URL`` is also used by the rate limiter (which does not accept a ``?prefix=`` query), so these
tests use the default channel prefix and rely on unique user ids and call sids (uuid4) instead: nobody else can
publish on ``scamshield:user:<our random id>``.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator
from urllib.parse import quote

import httpx
import pytest
import websockets

from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.support.server import ServerGroup, ServerProcess
from tests.support.services import create_pg_database, drop_pg_database, require_redis

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis, pytest.mark.timeout(180)]

SECRET = "e2e-multi-" + "k" * 40
SCAM_CALL = [
    "Hello, I am calling from SBI head office.",
    "Your account KYC has expired and your account will be blocked within 2 hours.",
    "To update it just download the AnyDesk app and tell me the code on the screen.",
    "You will get an OTP now, share the OTP with me to complete the verification.",
    "Sir please hurry, do not disconnect the call or your account will be frozen today.",
]


def token(user_id: str, roles: list[str] | None = None) -> str:
    return mint_token(Settings(jwt_secret=SECRET, env="test"), user_id, roles=roles, ttl_seconds=3600)


def bearer(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


def new_id(kind: str) -> str:
    return f"{kind}{uuid.uuid4().hex[:16]}"


class Cluster(ServerGroup):
    """Server processes sharing one fresh PostgreSQL database and the test Redis."""

    def __init__(self, db_url: str, redis_url: str, logs: Path) -> None:
        super().__init__(db_url, redis_url, logs, SECRET)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    redis_url = require_redis()
    db_url = create_pg_database()
    c = Cluster(db_url, redis_url, tmp_path_factory.mktemp("multi"))
    try:
        # One after the other: the first applies the migrations, the second finds them applied.
        c.start("a")
        c.start("b")
        yield c
    finally:
        c.stop()
        drop_pg_database(db_url)


@pytest.fixture
def a(cluster: Cluster) -> ServerProcess:
    return cluster.servers[0]


@pytest.fixture
def b(cluster: Cluster) -> ServerProcess:
    return cluster.servers[1]


class Device:
    """A phone's WebSocket: collects every server message in the background."""

    def __init__(self, server: ServerProcess, user_id: str, since: int | None = None) -> None:
        self.server, self.user_id, self.since = server, user_id, since
        self.messages: list[dict[str, Any]] = []
        self.closed_code: int | None = None
        self._ws: Any = None
        self._task: asyncio.Task | None = None

    async def open(self) -> "Device":
        url = f"{self.server.ws_url}/api/ws?token={quote(token(self.user_id))}"
        if self.since is not None:
            url += f"&since={self.since}"
        self._ws = await websockets.connect(url, open_timeout=10, max_size=2**20)
        self._task = asyncio.create_task(self._read())
        await self.wait_for(lambda m: m.get("type") == "replay_complete", what="replay_complete")
        assert self.messages[0]["type"] == "connected" and self.messages[0]["user_id"] == self.user_id
        return self

    async def _read(self) -> None:
        try:
            async for raw in self._ws:
                self.messages.append(json.loads(raw))
        except websockets.ConnectionClosed:
            pass
        finally:
            self.closed_code = self._ws.close_code if self._ws is not None else None

    async def send(self, payload: dict[str, Any]) -> None:
        await self._ws.send(json.dumps(payload))

    def alerts(self) -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("type") == "fraud_alert"]

    async def wait_for(self, pred: Callable[[dict[str, Any]], bool], timeout: float = 10.0,
                       what: str = "a message") -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for m in self.messages:
                if pred(m):
                    return m
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.user_id}: no {what} within {timeout}s; got {[m.get('type') for m in self.messages]}")
            await asyncio.sleep(0.01)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._task is not None:
            await asyncio.wait({self._task}, timeout=5)


@pytest.fixture
async def devices() -> AsyncIterator[Callable[..., Any]]:
    opened: list[Device] = []

    async def open_device(server: ServerProcess, user_id: str, since: int | None = None) -> Device:
        d = await Device(server, user_id, since).open()
        opened.append(d)
        return d

    yield open_device
    for d in opened:
        await d.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=20) as c:
        yield c


async def simulate(http: httpx.AsyncClient, server: ServerProcess, user_id: str, call_sid: str | None = None) -> dict:
    body: dict[str, Any] = {"user_id": user_id}
    if call_sid:
        body["call_sid"] = call_sid
    r = await http.post(server.base_url + "/api/debug/simulate-alert", json=body, headers=bearer(token("ops", ["admin"])))
    assert r.status_code == 200, r.text
    return r.json()


# ---------------------------------------------------------------------------------------------------------------
async def test_alert_produced_on_b_reaches_the_user_connected_to_a_and_nobody_else(a, b, devices, http):
    alice, bob = new_id("alice"), new_id("bob")
    alice_phone = await devices(a, alice)
    alice_tablet = await devices(b, alice)  # a second device of hers, on the other instance
    bob_phone = await devices(a, bob)
    bob_laptop = await devices(b, bob)

    made = await simulate(http, b, alice)
    for dev in (alice_phone, alice_tablet):
        got = await dev.wait_for(lambda m: m.get("alert_id") == made["alert_id"], what="alice's alert")
        assert got["type"] == "fraud_alert" and got["is_fraud"] is True and got["test"] is True
        assert got["seq"] == made["seq"] and isinstance(got["fraud_type"], str)

    marker = await simulate(http, a, bob)  # bob's own alert, published later: once he has it, alice's would be there
    for dev in (bob_phone, bob_laptop):
        await dev.wait_for(lambda m: m.get("alert_id") == marker["alert_id"], what="bob's alert")
        assert [m["alert_id"] for m in dev.alerts()] == [marker["alert_id"]]
    for dev in (alice_phone, alice_tablet):
        assert [m["alert_id"] for m in dev.alerts()] == [made["alert_id"]]


async def test_association_made_on_b_is_honoured_on_a(a, b, devices, http):
    carol, mallory = new_id("carol"), new_id("mallory")
    call_sid = new_id("CA")
    phone = await devices(a, carol)
    await devices(a, mallory)  # mallory exists and is connected: she must never get carol's alert

    r = await http.post(b.base_url + "/api/associate-call", json={"call_sid": call_sid}, headers=bearer(token(carol)))
    assert r.status_code == 200, r.text
    # A sees B's association: the call is carol's, so mallory can neither take it nor feed it
    r = await http.post(a.base_url + "/api/associate-call", json={"call_sid": call_sid}, headers=bearer(token(mallory)))
    assert r.status_code == 409, r.text
    r = await http.post(a.base_url + f"/api/calls/{call_sid}/transcript", json={"text": SCAM_CALL[0]},
                        headers=bearer(token(mallory)))
    assert r.status_code in (403, 404), r.text
    r = await http.post(a.base_url + "/api/associate-call", json={"call_sid": call_sid}, headers=bearer(token(carol)))
    assert r.status_code == 200 and r.json()["already_associated"] is True, r.text

    # the call's words arrive on A (REST, the owner's token): the alert reaches carol's phone through the real path
    alert_ref = None
    for i, line in enumerate(SCAM_CALL):
        server = a if i % 2 == 0 else b  # segments land on either instance, like webhooks behind a load balancer
        r = await http.post(server.base_url + f"/api/calls/{call_sid}/transcript",
                            json={"text": line, "speaker": "caller", "sequence": i}, headers=bearer(token(carol)))
        assert r.status_code == 200, r.text
        if r.json()["alert"] and alert_ref is None:
            alert_ref = r.json()["alert"]
            assert i <= 3, "the example scam call must alert by its fourth utterance"
    assert alert_ref is not None, "the example scam call raised no alert"
    got = await phone.wait_for(lambda m: m.get("alert_id") == alert_ref["alert_id"], what="the call's alert")
    assert got["call_sid"] == call_sid and got["is_fraud"] is True and got["fraud_type"]

    # the WS associate_call message on A for a call associated on B: idempotent for the owner
    await phone.send({"type": "associate_call", "call_sid": call_sid, "id": 7})
    reply = await phone.wait_for(lambda m: m.get("type") in ("call_associated", "error") and m.get("id") == 7,
                                 what="associate reply")
    assert reply["type"] == "call_associated" and reply["call_sid"] == call_sid


async def test_held_alert_is_released_on_the_instance_where_the_call_gets_associated(a, b, devices, http):
    dave = new_id("dave")
    call_sid = new_id("CA")
    phone = await devices(a, dave)
    service = token("telephony", ["service"])
    alert_ref = None
    for i, line in enumerate(SCAM_CALL):  # nobody owns the call yet: alerts are stored and held
        r = await http.post(b.base_url + f"/api/calls/{call_sid}/transcript",
                            json={"text": line, "sequence": i}, headers=bearer(service))
        assert r.status_code == 200, r.text
        alert_ref = alert_ref or r.json()["alert"]
    assert alert_ref is not None and alert_ref["held"] is True
    await asyncio.sleep(0.2)
    assert phone.alerts() == []

    # the integration that streamed the call associates it (a device may not claim a service's call) on A ...
    r = await http.post(a.base_url + "/api/associate-call", json={"call_sid": call_sid, "user_id": dave},
                        headers=bearer(service))
    assert r.status_code == 200 and r.json()["held_alerts"] >= 1, r.text
    got = await phone.wait_for(lambda m: m.get("alert_id") == alert_ref["alert_id"], what="the held alert")
    assert got["call_sid"] == call_sid


async def test_kill_instance_then_reconnect_elsewhere_recovers_every_missed_alert_exactly_once(
        cluster, b, devices, http):
    c = cluster.start("c")  # a third instance, killed below, so the other tests keep their two
    erin = new_id("erin")
    phone = await devices(c, erin)

    produced: list[dict] = []

    async def produce(n: int, delay: float) -> None:
        for _ in range(n):
            produced.append(await simulate(http, b, erin))
            await asyncio.sleep(delay)

    await produce(3, 0.0)
    await phone.wait_for(lambda m: m.get("alert_id") == produced[2]["alert_id"], what="the first alerts")

    # alerts keep coming while C dies: some reach the phone, some are published to nobody, some are in flight
    producer = asyncio.create_task(produce(20, 0.02))
    await asyncio.sleep(0.15)
    c.kill()
    await asyncio.wait_for(phone._task, 10)  # the phone notices its socket died
    seen_on_c = [m["alert_id"] for m in phone.alerts()]
    last_seq = max(m["seq"] for m in phone.alerts())
    await producer
    await produce(3, 0.0)  # and a few more while the phone is offline

    moved = await devices(b, erin, since=last_seq)
    await produce(2, 0.0)  # live ones after the reconnect
    every = [p["alert_id"] for p in produced]
    await moved.wait_for(lambda m: m.get("alert_id") == every[-1], what="the last live alert")
    await asyncio.sleep(0.3)  # anything duplicated would show up by now

    seen_on_b = [m["alert_id"] for m in moved.alerts()]
    assert Counter(seen_on_c + seen_on_b) == Counter(every), "every alert exactly once across both connections"
    assert all(m["seq"] > last_seq for m in moved.alerts())
    replayed = [m for m in moved.alerts() if m.get("replayed")]
    assert replayed, "some alerts were produced while the phone was offline: they must come from the replay"
    assert [m["seq"] for m in moved.alerts()] == sorted(m["seq"] for m in moved.alerts())


async def test_graceful_shutdown_tells_clients_to_reconnect_and_they_lose_nothing(cluster, b, devices, http):
    d = cluster.start("d")
    frank = new_id("frank")
    phone = await devices(d, frank)
    first = await simulate(http, b, frank)
    await phone.wait_for(lambda m: m.get("alert_id") == first["alert_id"], what="the first alert")

    await asyncio.to_thread(d.stop)  # SIGTERM: stop accepting, close sockets with a "reconnect" code, drain
    await asyncio.wait_for(phone._task, 10)
    assert phone.closed_code in (1012, 4000), f"expected a reconnect close code, got {phone.closed_code}"
    # uvicorn re-raises SIGTERM after a clean shutdown, so the exit status is -15 either way: read the log
    assert "Application shutdown complete" in (cluster.logs / "d.log").read_text()

    missed = [await simulate(http, b, frank) for _ in range(2)]
    moved = await devices(b, frank, since=first["seq"])
    for m in missed:
        await moved.wait_for(lambda x, m=m: x.get("alert_id") == m["alert_id"], what="a missed alert")
    assert sorted(x["alert_id"] for x in moved.alerts()) == sorted(m["alert_id"] for m in missed)

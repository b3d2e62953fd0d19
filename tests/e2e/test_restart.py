"""Crash with alerts in flight: SIGKILL the server while scam calls are being analysed, restart it on the same
database, reconnect, and every alert the store holds reaches the phone exactly once (by ``alert_id``).

Client recovery rule tested here (and documented for app developers): reconnect with ``since`` = the highest seq
below which every seq was received (live alerts may arrive slightly out of seq order), and drop alert ids already
shown.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import websockets

from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.support.realtime import SBI_CALL
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

SECRET = "e2e-restart-" + "r" * 40
CALLS = 12


def tok(user: str, roles: list[str] | None = None) -> str:
    return mint_token(Settings(jwt_secret=SECRET, env="test"), user, roles=roles, ttl_seconds=3600)


def server_env(db_url: str, data_dir: Path) -> dict[str, str]:
    return {"SCAMSHIELD_DATABASE_URL": db_url, "SCAMSHIELD_DATA_DIR": str(data_dir), "SCAMSHIELD_JWT_SECRET": SECRET,
            "SCAMSHIELD_ENV": "test", "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off",
            "SCAMSHIELD_RATE_LIMIT_SERVICE": "off", "SCAMSHIELD_REDIS_URL": ""}


def contiguous(seqs: set[int]) -> int:
    n = 0
    while n + 1 in seqs:
        n += 1
    return n


async def read_alerts(ws, sink: dict[str, int], *, until_replay: bool = False) -> int:
    """Collect fraud_alert messages into ``sink`` (alert_id -> seq); returns how many duplicates arrived."""
    dup = 0
    async for raw in ws:
        msg = json.loads(raw)
        if msg["type"] == "fraud_alert":
            if msg["alert_id"] in sink:
                dup += 1
            sink[msg["alert_id"]] = msg["seq"]
        elif msg["type"] == "replay_complete" and until_replay:
            return dup
    return dup


async def produce(base: str, user: str, service: str) -> None:
    """Scam calls for ``user`` through the real path, a few at a time (runs until the server dies)."""
    async with httpx.AsyncClient(base_url=base, timeout=10, headers={"Authorization": f"Bearer {service}"}) as c:
        async def one_call(n: int) -> None:
            sid = f"CA-restart-{n}"
            await c.post("/api/associate-call", json={"call_sid": sid, "user_id": user})
            for i, line in enumerate(SBI_CALL):
                await c.post(f"/api/calls/{sid}/transcript", json={"text": line, "sequence": i})

        sem = asyncio.Semaphore(4)

        async def guarded(n: int) -> None:
            async with sem:
                try:
                    await one_call(n)
                except httpx.HTTPError:  # the server was killed under us
                    pass

        await asyncio.gather(*(guarded(n) for n in range(CALLS)))


async def test_kill_restart_recovers_every_alert_exactly_once(db_url, tmp_path):
    env = server_env(db_url, tmp_path / "var")
    user, service = "restart-alice", tok("telephony", roles=["service"])
    server = ServerProcess(env, log_path=tmp_path / "server1.log")
    await asyncio.to_thread(server.start)
    live: dict[str, int] = {}
    try:
        async with websockets.connect(f"{server.ws_url}/api/ws?token={tok(user)}") as ws:
            first = json.loads(await ws.recv())
            assert first["type"] == "connected"
            reader = asyncio.create_task(read_alerts(ws, live))
            producer = asyncio.create_task(produce(server.base_url, user, service))
            for _ in range(400):  # let a few alerts through, then crash mid-production
                if len(live) >= 3 or producer.done():
                    break
                await asyncio.sleep(0.02)
            await asyncio.to_thread(server.kill)
            await asyncio.wait_for(producer, 30)
            try:
                await asyncio.wait_for(reader, 10)
            except websockets.ConnectionClosed:
                pass
    finally:
        await asyncio.to_thread(server.kill)
    assert live, "no alert was delivered before the crash"
    assert list(live.values()) and all(isinstance(s, int) for s in live.values())

    server2 = ServerProcess(env, log_path=tmp_path / "server2.log")
    await asyncio.to_thread(server2.start)
    try:
        since = contiguous(set(live.values()))
        recovered: dict[str, int] = {}
        async with websockets.connect(f"{server2.ws_url}/api/ws?token={tok(user)}&since={since}") as ws:
            await read_alerts(ws, recovered, until_replay=True)
        assert all(seq > since for seq in recovered.values())  # nothing below the watermark is re-sent
        shown = {**live, **recovered}  # the app drops ids it already showed
        everything: dict[str, int] = {}
        async with websockets.connect(f"{server2.ws_url}/api/ws?token={tok(user)}&since=0") as ws:
            await read_alerts(ws, everything, until_replay=True)
        assert set(shown) == set(everything), "an alert stored before the crash was not recovered"
        assert sorted(everything.values()) == list(range(1, len(everything) + 1))  # seqs gap-free after the crash
        assert len(everything) >= len(live)
    finally:
        await asyncio.to_thread(server2.stop)

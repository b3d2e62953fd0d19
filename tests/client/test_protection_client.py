"""ProtectionClient against a real server process (and, for exact protocol corner cases, a scripted fake server).

The headline test: a session survives a server crash (SIGKILL) or restart (SIGTERM) on the same database; the
alerts produced while it was away arrive exactly once — none lost, none duplicated.
"""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from websockets.asyncio.server import serve

from scamshield.client import (
    Alert,
    ConnectionState,
    ProtectionClient,
    ScamShieldAPIError,
    TerminalConnectionError,
)
from tests.client.conftest import make_token, server_env
from tests.support.server import ServerProcess

pytestmark = pytest.mark.timeout(180)

SBI_CALL = [
    "Hello, I am calling from SBI head office.",
    "Your account KYC has expired and your account will be blocked within 2 hours.",
    "To avoid this, just download the AnyDesk app and tell me the code on the screen.",
    "Now share the OTP with me that you just received.",
    "Sir please hurry, otherwise the account will be frozen.",
]
FAST = {"backoff_base": 0.1, "backoff_max": 0.5, "connect_timeout": 30.0}


def new_user() -> str:
    return f"dev{uuid.uuid4().hex[:12]}"


async def simulate(base_url: str, user_id: str, call_sid: str | None = None) -> dict[str, Any]:
    body = {"user_id": user_id, **({"call_sid": call_sid} if call_sid else {})}
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as c:
        r = await c.post("/api/debug/simulate-alert", json=body,
                         headers={"Authorization": f"Bearer {make_token('ops', roles=['admin'])}"})
    assert r.status_code == 200, r.text
    return r.json()


async def take(client: ProtectionClient, n: int, timeout: float = 30.0) -> list[Alert]:
    out: list[Alert] = []

    async def run() -> None:
        async for alert in client.alerts():
            out.append(alert)
            if len(out) == n:
                return

    await asyncio.wait_for(run(), timeout)
    return out


async def nothing_more(client: ProtectionClient, wait: float = 1.5) -> list[Alert]:
    """Whatever else arrives within ``wait`` seconds (expected: nothing)."""
    extra: list[Alert] = []

    async def run() -> None:
        async for alert in client.alerts():
            extra.append(alert)

    try:
        await asyncio.wait_for(run(), wait)
    except asyncio.TimeoutError:
        pass
    return extra


# --- against the real server ---------------------------------------------------------------------------------------
async def test_alerts_are_typed_acked_and_answered(server):
    user = new_user()
    async with ProtectionClient(server.base_url, make_token(user), **FAST) as client:
        assert client.state is ConnectionState.CONNECTED and client.user_id == user
        sent = [await simulate(server.base_url, user) for _ in range(2)]
        got = await take(client, 2)
        assert [a.alert_id for a in got] == [s["alert_id"] for s in sent]
        first, second = got
        assert isinstance(first, Alert) and first.test and first.seq == 1 and second.seq == 2
        assert first.fraud_type == "BANK_KYC_IMPERSONATION" and first.risk_level == "critical"
        assert first.reasons and first.advice and first.created_at is not None and first.raw["is_fraud"] is True
        await client.ack(first.alert_id)
        await client.respond(second.alert_id, "hang_up")
        with pytest.raises(ValueError):
            await client.respond(second.alert_id, "maybe")
        with pytest.raises(ScamShieldAPIError) as exc:  # someone else's / unknown alert: the server says why
            await client.ack("doesnotexist000")
        assert exc.value.status is None and exc.value.code
        assert client.last_seq == 2
    assert client.state is ConnectionState.CLOSED
    # Both were acked (one by answering): a fresh device without ``since`` is not shown them again.
    async with ProtectionClient(server.base_url, make_token(user), **FAST) as again:
        assert await nothing_more(again, 1.0) == []


async def test_transcripts_over_the_socket_raise_a_real_alert(server):
    user = new_user()
    call_sid = f"CA{uuid.uuid4().hex}"
    async with ProtectionClient(server.base_url, make_token(user), **FAST) as client:
        assoc = await client.associate_call(call_sid)
        assert assoc.via == "ws" and assoc.call_sid == call_sid and not assoc.already_associated
        assert (await client.associate_call(call_sid)).already_associated  # idempotent for the owner
        for i, line in enumerate(SBI_CALL[:4]):
            r = await client.send_transcript(call_sid, line, speaker="caller", sequence=i)
            assert r.via == "ws" and not r.duplicate
        again = await client.send_transcript(call_sid, SBI_CALL[3], speaker="caller", sequence=3)
        assert again.duplicate  # a resend after a drop counts once
        alert = (await take(client, 1))[0]
        assert alert.call_sid == call_sid and not alert.test and alert.risk_score >= 50
        await client.respond(alert.alert_id, "not_scam")
        # Someone else's call: refused with the server's code, over the socket.
        async with ProtectionClient(server.base_url, make_token(new_user()), **FAST) as mallory:
            with pytest.raises(ScamShieldAPIError) as exc:
                await mallory.associate_call(call_sid)
            assert exc.value.status is None and exc.value.code == "call_owned"


async def test_http_fallback_when_the_socket_is_down(server):
    user = new_user()
    call_sid = f"CA{uuid.uuid4().hex}"
    client = ProtectionClient(server.base_url, make_token(user), **FAST)  # never connected: socket down
    try:
        assert client.state is ConnectionState.IDLE
        assoc = await client.associate_call(call_sid)
        assert assoc.via == "http" and assoc.call_sid == call_sid
        r = await client.send_transcript(call_sid, SBI_CALL[0], speaker="caller")
        assert r.via == "http" and r.risk_level
        other = ProtectionClient(server.base_url, make_token(new_user()), **FAST)
        with pytest.raises(ScamShieldAPIError) as exc:
            await other.associate_call(call_sid)
        assert exc.value.status == 409 and exc.value.code == "call_owned"
        await other.aclose()
    finally:
        await client.aclose()


@pytest.mark.parametrize("token", ["not-a-jwt", make_token("expired-user", ttl=-600)])
async def test_bad_token_is_terminal(server, token):
    seen: list[ConnectionState] = []
    client = ProtectionClient(server.base_url, token, on_state_change=lambda old, new: seen.append(new), **FAST)
    with pytest.raises(TerminalConnectionError) as exc:
        async with client:
            pass
    assert exc.value.code == 4401
    assert client.state is ConnectionState.FAILED and seen[-1] is ConnectionState.FAILED
    assert ConnectionState.RECONNECTING not in seen  # no retry loop on a terminal refusal


@pytest.mark.slow
@pytest.mark.parametrize("how", ["kill", "stop"])
async def test_survives_a_server_restart_without_losing_or_duplicating(tmp_path: Path, how: str):
    env = server_env(tmp_path)
    first = ServerProcess(env, log_path=tmp_path / "server.log").start(timeout=90)
    servers = [first]
    user = new_user()
    states: list[ConnectionState] = []
    try:
        async with ProtectionClient(first.base_url, make_token(user),
                                    on_state_change=lambda old, new: states.append(new), **FAST) as client:
            a1 = await simulate(first.base_url, user)
            got1 = await take(client, 1)
            assert [a.alert_id for a in got1] == [a1["alert_id"]]

            await asyncio.to_thread(first.kill if how == "kill" else first.stop)
            for _ in range(100):
                if client.state is not ConnectionState.CONNECTED:
                    break
                await asyncio.sleep(0.05)
            assert client.state is ConnectionState.RECONNECTING

            second = ServerProcess(env, port=first.port, log_path=tmp_path / "server.log")
            servers.append(second)
            await asyncio.to_thread(second.start, 90)
            # Produce alerts 2 and 3 at once: the client may still be away (replay) or already back (live).
            a2 = await simulate(second.base_url, user)
            a3 = await simulate(second.base_url, user)
            got = await take(client, 2, timeout=60)
            assert [a.alert_id for a in got] == [a2["alert_id"], a3["alert_id"]]
            assert [a.seq for a in got] == [2, 3]
            assert await nothing_more(client) == []  # no duplicates, alert 1 not replayed
            assert client.reconnects >= 1 and client.last_seq == 3
            assert states[:2] == [ConnectionState.CONNECTING, ConnectionState.CONNECTED]
            assert ConnectionState.RECONNECTING in states and states[-1] is ConnectionState.CONNECTED
            resume_from = client.last_seq

        # A later session resumes from where this one stopped: only what came after.
        a4 = await simulate(second.base_url, user)
        async with ProtectionClient(second.base_url, make_token(user), since=resume_from, **FAST) as later:
            got4 = await take(later, 1)
            assert [a.alert_id for a in got4] == [a4["alert_id"]] and got4[0].replayed
            assert await nothing_more(later, 1.0) == []
    finally:
        for s in servers:
            await asyncio.to_thread(s.stop)


async def test_state_iterator(server):
    client = ProtectionClient(server.base_url, make_token(new_user()), **FAST)
    seen: list[ConnectionState] = []

    async def watch() -> None:
        async for state in client.states():
            seen.append(state)

    watcher = asyncio.create_task(watch())
    await asyncio.sleep(0)
    async with client:
        await client.wait_connected(10)
    await asyncio.wait_for(watcher, 10)
    assert seen == [ConnectionState.IDLE, ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                    ConnectionState.CLOSED]


# --- protocol corner cases against a scripted server ------------------------------------------------------------
@asynccontextmanager
async def fake_server(script) -> AsyncIterator[tuple[str, list[dict[str, list[str]]], list[dict[str, Any]]]]:
    """A WS server at ``/api/ws`` running ``script(ws, n)`` for the n-th connection; records queries and frames."""
    queries: list[dict[str, list[str]]] = []
    received: list[dict[str, Any]] = []

    async def handler(ws) -> None:
        queries.append(parse_qs(urlsplit(ws.request.path).query))
        await script(ws, len(queries), received)

    async with serve(handler, "127.0.0.1", 0) as srv:
        port = srv.sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}", queries, received


def alert_msg(n: int, seq: int | None) -> str:
    return json.dumps({"type": "fraud_alert", "alert_id": f"a{n}", "seq": seq, "call_sid": "CA1", "is_fraud": True,
                       "fraud_type": "OTP_THEFT", "risk_score": 80, "risk_level": "critical", "reasons": ["r"],
                       "advice": "hang up", "created_at": "2026-01-01T00:00:00+00:00", "test": False})


async def test_gap_keeps_the_resume_point_back_and_dedup_drops_the_replay():
    async def script(ws, n, received):
        await ws.send(json.dumps({"type": "connected", "user_id": "u", "connection_id": f"c{n}",
                                  "last_seq": 0 if n == 1 else 3}))
        if n == 1:
            await ws.send(json.dumps({"type": "replay_complete", "count": 0}))
            await ws.send(alert_msg(1, 1))
            await ws.send(alert_msg(3, 3))  # seq 2 not (yet) seen: out of order
            await ws.close(4000, "restart")
        else:
            for i in (2, 3):  # the replay since=1 holds 2 and 3; 3 was already yielded
                await ws.send(alert_msg(i, i))
            await ws.send(json.dumps({"type": "replay_complete", "count": 2}))
            await ws.wait_closed()

    async with fake_server(script) as (url, queries, _):
        async with ProtectionClient(url, "t", **FAST) as client:
            got = await take(client, 3)
            assert [a.alert_id for a in got] == ["a1", "a3", "a2"]
            assert await nothing_more(client, 0.5) == []
            assert client.last_seq == 3
    assert "since" not in queries[0] and queries[1]["since"] == ["1"]


async def test_sequence_going_backwards_resynchronises():
    async def script(ws, n, received):
        await ws.send(json.dumps({"type": "connected", "user_id": "u", "connection_id": f"c{n}", "last_seq": 2}))
        if n == 1:
            return  # the client must notice that 2 < its since=10 and reconnect without since
        await ws.send(alert_msg(1, 1))
        await ws.send(json.dumps({"type": "replay_complete", "count": 1}))
        await ws.wait_closed()

    async with fake_server(script) as (url, queries, _):
        async with ProtectionClient(url, "t", since=10, **FAST) as client:
            got = await take(client, 1)
            assert [a.alert_id for a in got] == ["a1"] and client.last_seq == 2
    assert queries[0]["since"] == ["10"] and "since" not in queries[1]


async def test_answers_server_pings_and_closes_terminally():
    async def script(ws, n, received):
        await ws.send(json.dumps({"type": "connected", "user_id": "u", "connection_id": "c", "last_seq": 0}))
        await ws.send(json.dumps({"type": "replay_complete", "count": 0}))
        await ws.send(json.dumps({"type": "ping", "ts": 1.0}))
        received.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        await ws.close(4403, "identity mismatch")

    async with fake_server(script) as (url, queries, received):
        client = ProtectionClient(url, "t", **FAST)
        async with client:
            with pytest.raises(TerminalConnectionError) as exc:
                async for _ in client.alerts():
                    pass
            assert exc.value.code == 4403 and client.state is ConnectionState.FAILED
            assert received == [{"type": "pong"}]
            assert len(queries) == 1  # terminal: never retried


def test_backoff_is_capped_full_jitter():
    client = ProtectionClient("http://127.0.0.1:9", "t", backoff_base=0.5, backoff_max=8.0)
    random.seed(7)
    for attempt in range(12):
        cap = min(8.0, 0.5 * 2 ** attempt)
        delays = [client._delay(attempt) for _ in range(200)]
        assert all(0 <= d <= cap for d in delays)
        assert max(delays) > cap * 0.8  # spread over the whole range, not a fixed value

"""ProtectionClient against a scripted server: rate limits are retried (not terminal), expired tokens are replaced
through ``token_provider``, and a replay that stopped at its limit is continued."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from http import HTTPStatus
from typing import Any, AsyncIterator
from urllib.parse import parse_qs, urlsplit

import pytest
from websockets.asyncio.server import serve
from websockets.datastructures import Headers
from websockets.http11 import Response

from scamshield.client import ConnectionState, ProtectionClient, TerminalConnectionError
from scamshield.client.protection import is_terminal_close

pytestmark = pytest.mark.timeout(60)

FAST = {"backoff_base": 0.05, "backoff_max": 0.2, "connect_timeout": 10.0, "rate_limit_backoff": 0.2}


@asynccontextmanager
async def scripted(script, refuse=None) -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    """``refuse(n)`` -> an HTTP status to refuse the n-th handshake with (or None); ``script(ws, n)`` runs the rest.
    Records each attempt's query and Authorization header."""
    attempts: list[dict[str, Any]] = []

    def process_request(connection, request):
        attempts.append({"query": parse_qs(urlsplit(request.path).query),
                         "auth": request.headers.get("Authorization")})
        status = refuse(len(attempts)) if refuse else None
        if status:
            body = b'{"error": {"code": "rate_limited"}}'
            return Response(status, HTTPStatus(status).phrase,
                            Headers([("Retry-After", "0"), ("Content-Length", str(len(body)))]), body)
        return None

    async def handler(ws) -> None:
        await script(ws, len(attempts))

    async with serve(handler, "127.0.0.1", 0, process_request=process_request) as srv:
        port = srv.sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}", attempts


def connected(seq: int) -> str:
    return json.dumps({"type": "connected", "user_id": "u", "connection_id": "c", "last_seq": seq})


def alert_msg(seq: int) -> str:
    return json.dumps({"type": "fraud_alert", "alert_id": f"a{seq}", "seq": seq, "call_sid": "CA1", "is_fraud": True,
                       "fraud_type": "OTP_THEFT", "risk_score": 80, "risk_level": "critical", "reasons": ["r"],
                       "advice": "hang up", "created_at": "2026-01-01T00:00:00+00:00", "test": False})


async def take(client: ProtectionClient, n: int, timeout: float = 15.0) -> list[str]:
    out: list[str] = []

    async def run() -> None:
        async for alert in client.alerts():
            out.append(alert.alert_id)
            if len(out) == n:
                return

    await asyncio.wait_for(run(), timeout)
    return out


def test_close_code_classes():
    assert is_terminal_close(4401) and is_terminal_close(4403) and is_terminal_close(4408)
    assert is_terminal_close(4409) and is_terminal_close(4413)
    assert not is_terminal_close(4429) and not is_terminal_close(4000) and not is_terminal_close(1006)


async def test_http_429_at_the_handshake_is_retried():
    async def script(ws, n):
        await ws.send(connected(0))
        await ws.send(json.dumps({"type": "replay_complete", "count": 0}))
        await ws.wait_closed()

    async with scripted(script, refuse=lambda n: 429 if n <= 2 else None) as (url, attempts):
        async with ProtectionClient(url, "t", **FAST) as client:
            await client.wait_connected(10)
            assert client.state is ConnectionState.CONNECTED
    assert len(attempts) == 3


async def test_close_4429_is_retried_after_a_backoff():
    async def script(ws, n):
        if n == 1:
            await ws.close(4429, "rate_limited; retry_after=0")
            return
        await ws.send(connected(0))
        await ws.send(json.dumps({"type": "replay_complete", "count": 0}))
        await ws.send(alert_msg(1))
        await ws.wait_closed()

    async with scripted(script) as (url, attempts):
        async with ProtectionClient(url, "t", **FAST) as client:
            assert await take(client, 1) == ["a1"]
    assert len(attempts) == 2


async def test_expired_session_reconnects_with_a_fresh_token():
    tokens = iter(["t2", "t3"])

    async def script(ws, n):
        await ws.send(connected(0))
        await ws.send(json.dumps({"type": "replay_complete", "count": 0}))
        if n == 1:
            await ws.close(4401, "token expired: reconnect with a new token")
            return
        await ws.send(alert_msg(1))
        await ws.wait_closed()

    async with scripted(script) as (url, attempts):
        async with ProtectionClient(url, "t1", token_provider=lambda: next(tokens), **FAST) as client:
            assert await take(client, 1) == ["a1"]
    assert [a["auth"] for a in attempts] == ["Bearer t1", "Bearer t2"]


async def test_async_token_provider_handing_back_the_refused_token_is_terminal():
    async def provider() -> str:
        return "same"

    async def script(ws, n):
        await ws.close(4401, "invalid_token")

    async with scripted(script) as (url, attempts):
        client = ProtectionClient(url, token_provider=provider, **FAST)
        with pytest.raises(TerminalConnectionError) as exc:
            await client.start()
        assert exc.value.code == 4401
    assert len(attempts) == 1 and attempts[0]["auth"] == "Bearer same"


async def test_replay_with_more_is_continued_from_the_last_replayed_seq():
    async def script(ws, n):
        if n == 1:  # since=0, 10 alerts exist, the server replays 4 then says more
            await ws.send(connected(10))
            for s in range(1, 5):
                await ws.send(alert_msg(s))
            await ws.send(json.dumps({"type": "replay_complete", "count": 4, "since": 0, "more": True}))
        else:
            await ws.send(connected(10))
            for s in range(5, 11):
                await ws.send(alert_msg(s))
            await ws.send(json.dumps({"type": "replay_complete", "count": 6, "since": 4, "more": False}))
        await ws.wait_closed()

    async with scripted(script) as (url, attempts):
        async with ProtectionClient(url, "t", since=0, **FAST) as client:
            got = await take(client, 10)
            assert got == [f"a{s}" for s in range(1, 11)] and client.last_seq == 10
    assert attempts[0]["query"]["since"] == ["0"] and attempts[1]["query"]["since"] == ["4"]

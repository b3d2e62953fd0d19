"""Floods against a real server process (uvicorn, as deployed): a 5 MB WebSocket frame closes that connection, a
stream of malformed messages gets errors then a close, a message flood is cut off, per-IP limits answer 429 with
Retry-After over real HTTP and refuse WebSocket handshake storms — and the server stays healthy throughout."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.support.server import ServerProcess

SECRET = "flood-test-secret-" + "f" * 40


def _env(tmp_path, **extra: str) -> dict[str, str]:
    return {"SCAMSHIELD_DATA_DIR": str(tmp_path / "var"), "SCAMSHIELD_JWT_SECRET": SECRET,
            "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off", **extra}


def _token(user: str, **kw) -> str:
    return mint_token(Settings(_env_file=None, env="test", jwt_secret=SECRET), user, **kw)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with ServerProcess(_env(tmp_path_factory.mktemp("floods")), log_path=None) as srv:
        yield srv


def _open(server, user: str):
    ws = connect(f"{server.ws_url}/api/ws?token={_token(user)}", open_timeout=10, max_size=2**22)
    assert json.loads(ws.recv(timeout=10))["type"] == "connected"
    return ws


def _close_code(ws, timeout: float = 10.0) -> int | None:
    """Read until the server closes; the close code (None if it never did)."""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ws.recv(timeout=max(0.1, deadline - time.monotonic()))
    except ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd else 1006
    except TimeoutError:
        return None
    return None


def _healthy(server) -> None:
    assert httpx.get(server.base_url + "/health", timeout=10).status_code == 200
    ws = _open(server, "healthcheck")
    ws.close()


def test_5mb_frame_closes_that_connection_only(server):
    bystander = _open(server, "bystander")
    ws = _open(server, "bigframe")
    try:
        ws.send("x" * (5 * 1024 * 1024))
    except ConnectionClosed:
        pass
    code = _close_code(ws)
    assert code in (1009, 4413), f"5 MB frame: close code {code}"
    bystander.send(json.dumps({"type": "ping", "id": "still-here"}))
    for _ in range(10):
        if json.loads(bystander.recv(timeout=10)).get("type") == "pong":
            break
    else:
        pytest.fail("the other connection stopped answering")
    bystander.close()
    _healthy(server)


def test_malformed_stream_gets_errors_then_a_close(server):
    ws = _open(server, "garbage")
    errors = 0
    code = None
    try:
        for payload in ["not json", "{", "[]", '{"type": "nope"}', '{"type": "transcript"}', "\x00" * 100,
                        '{"type": "ack", "alert_id": 5}', "null", '"str"', "1e999", '{"type": "associate_call"}',
                        "{}", "[[[[[[[[[[]]]]]]]]]]"] * 2:
            ws.send(payload)
        while True:
            msg = json.loads(ws.recv(timeout=10))
            if msg.get("type") == "error":
                errors += 1
    except ConnectionClosed as exc:
        code = exc.rcvd.code if exc.rcvd else 1006
    except TimeoutError:
        pass
    assert errors >= 1, "malformed messages must be answered with error messages"
    assert code in (4408, 1008), f"a stream of malformed messages must end in a close (got {code})"
    _healthy(server)


def test_message_flood_is_cut_off(server):
    ws = _open(server, "flooder")
    sent = 0
    try:
        for i in range(2000):
            ws.send(json.dumps({"type": "ping", "id": str(i)}))
            sent += 1
    except ConnectionClosed:
        pass
    code = _close_code(ws)
    assert code == 4429, f"flood of {sent} messages: close code {code}"
    _healthy(server)


def test_per_ip_limit_over_real_http_and_websocket(tmp_path):
    env = _env(tmp_path, SCAMSHIELD_RATE_LIMIT_IP="15/minute")
    with ServerProcess(env) as srv:
        # (ServerProcess polled /health to start, which counts too)
        statuses = [httpx.get(srv.base_url + "/", timeout=10) for _ in range(20)]
        limited = [r for r in statuses if r.status_code == 429]
        assert limited, [r.status_code for r in statuses]
        r = limited[0]
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert r.json()["error"]["code"] == "rate_limited"
        # a handshake storm from the same address is refused too
        with pytest.raises((InvalidStatus, ConnectionClosed)):
            ws = connect(f"{srv.ws_url}/api/ws?token={_token('storm')}", open_timeout=10)
            ws.recv(timeout=10)
        # the server is still up (no crash, no hang)
        assert srv.proc is not None and srv.proc.poll() is None

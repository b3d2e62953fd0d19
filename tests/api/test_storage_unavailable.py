"""A database that is momentarily unavailable (connection pool exhausted) is a "retry later", never a 500 / 1011.

Real PostgreSQL, a real pool of one connection held by the test: HTTP answers 503 ``storage_unavailable`` with
``Retry-After``; a WebSocket handshake is closed with 4003 (reconnect with ``since``); once the connection is back,
everything works and nothing was lost.
"""

from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from scamshield.api.app import create_app
from scamshield.api.errors import WS_RECONNECT_BUSY, is_transient_storage_error, ws_close_code
from scamshield.auth import mint_token
from scamshield.errors import InvalidInput
from tests.conftest import auth
from tests.support.realtime import ws_url


@pytest.mark.parametrize("exc, transient", [
    (sa_exc.TimeoutError("QueuePool limit of size 1 overflow 0 reached"), True),
    (sa_exc.OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly")), True),
    (sa_exc.InterfaceError("SELECT 1", {}, Exception("connection is closed")), True),
    (sa_exc.IntegrityError("INSERT", {}, Exception("duplicate key")), False),
    (sa_exc.ProgrammingError("SELECT", {}, Exception("syntax error")), False),
    (ConnectionRefusedError(), True),
    (ValueError("bad"), False),
    (InvalidInput("bad input"), False),
])
def test_transient_storage_errors_are_told_apart(exc, transient):
    assert is_transient_storage_error(exc) is transient
    if transient:
        assert ws_close_code(exc) == WS_RECONNECT_BUSY


def test_pool_exhausted_gives_503_and_4003_then_recovers(make_settings, pg_url):
    settings = make_settings(database_url=pg_url, db_pool_size=1, db_max_overflow=0, db_pool_timeout=0.3)
    tok = mint_token(settings, "pool-alice")
    with TestClient(create_app(settings), raise_server_exceptions=False) as tc:
        assert tc.get("/history", headers=auth(tok)).status_code == 200  # user row exists, caches warm
        db = tc.app.state.ctx.db

        async def hold():
            conn = await db.engine.connect()
            await conn.exec_driver_sql("SELECT 1")
            return conn

        held = tc.portal.call(hold)
        try:
            r = tc.get("/history", headers=auth(tok))
            assert r.status_code == 503, r.text
            assert r.json()["error"]["code"] == "storage_unavailable"
            assert int(r.headers["Retry-After"]) >= 1
            assert "Traceback" not in r.text and "QueuePool" not in r.text
            with tc.websocket_connect(ws_url(tok)) as ws:
                with pytest.raises(WebSocketDisconnect) as closed:
                    while True:
                        ws.receive_json()
            assert closed.value.code == WS_RECONNECT_BUSY
        finally:
            tc.portal.call(held.close)
        assert tc.get("/history", headers=auth(tok)).status_code == 200
        with tc.websocket_connect(ws_url(tok)) as ws:
            assert ws.receive_json()["type"] == "connected"

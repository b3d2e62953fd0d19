"""/api/ws served below FastAPI's routing (api/ws_dispatch.py): same middleware, same limits, same behaviour, and no
per-socket task or routing frame beyond the server's own."""

from __future__ import annotations

import asyncio
import json

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient, WebSocketDenialResponse
from starlette.websockets import WebSocket

from scamshield.api.app import create_app
from scamshield.api.ws_dispatch import WebSocketFastPath, route_path
from tests.support.realtime import handshake, ws_url


class Tag:
    """A user middleware that records what passed through it (and its constructor argument)."""

    def __init__(self, app, label: str) -> None:
        self.app, self.label = app, label

    async def __call__(self, scope, receive, send) -> None:
        scope.setdefault("tags", []).append(self.label)
        await self.app(scope, receive, send)


def toy_app() -> Starlette:
    async def routed(ws: WebSocket) -> None:
        await ws.accept()
        await ws.send_json({"via": "router", "tags": ws.scope.get("tags")})
        await ws.close()

    async def fast(ws: WebSocket) -> None:
        await ws.accept()
        await ws.send_json({"via": "fast", "tags": ws.scope.get("tags"), "route": "route" in ws.scope})
        await ws.close()

    app = Starlette(routes=[WebSocketRoute("/api/ws", routed), WebSocketRoute("/other", routed)],
                    middleware=[Middleware(WebSocketFastPath, handler=fast), Middleware(Tag, label="outer"),
                                Middleware(Tag, label="inner")])
    return app


def test_only_api_ws_takes_the_fast_path_and_it_keeps_the_app_middleware_in_order():
    with TestClient(toy_app()) as tc:
        with tc.websocket_connect("/api/ws") as ws:
            assert ws.receive_json() == {"via": "fast", "tags": ["outer", "inner"], "route": False}
        with tc.websocket_connect("/other") as ws:
            assert ws.receive_json() == {"via": "router", "tags": ["outer", "inner"]}
        with pytest.raises(Exception):  # not the same path: the router decides (here: no such route, closed)
            with tc.websocket_connect("/api/ws/") as ws:
                ws.receive_json()


@pytest.mark.parametrize("path,root,expected", [
    ("/api/ws", "", "/api/ws"),
    ("/prefix/api/ws", "/prefix", "/api/ws"),
    ("/prefixapi/ws", "/prefix", "/prefixapi/ws"),
    ("/api/ws", "/api/ws", "/api/ws"),
])
def test_route_path_strips_root_path_like_the_router(path, root, expected):
    assert route_path({"path": path, "root_path": root}) == expected


def test_real_app_socket_bypasses_routing_but_route_stays_mounted(make_settings, token):
    app = create_app(make_settings())
    assert app.url_path_for("user_socket") == "/api/ws"  # still a route of the app (schema, listings)
    with TestClient(app) as tc:
        with tc.websocket_connect(ws_url(token("alice"))) as ws:
            handshake(ws)
            [conn] = tc.app.state.ctx.extras["hub"].local_connections("alice")
            scope = conn._transport.scope
            assert "route" not in scope and "endpoint" not in scope  # FastAPI's router never saw it
            ws.send_json({"type": "ping", "id": "p"})
            assert ws.receive_json()["type"] == "pong"


def test_real_app_ip_limit_still_refuses_the_handshake_with_429(make_settings, token):
    with TestClient(create_app(make_settings(rate_limit_ip="2/minute"))) as tc:
        tok = token("alice")
        for _ in range(2):
            with tc.websocket_connect(ws_url(tok)) as ws:
                handshake(ws)
        with pytest.raises(WebSocketDenialResponse) as err:
            with tc.websocket_connect(ws_url(tok)):
                pass
        assert err.value.status_code == 429 and int(err.value.headers["retry-after"]) >= 1


async def test_uvicorn_one_task_per_idle_socket_and_server_close_ends_the_session(make_settings, token):
    """Under uvicorn: an idle authenticated socket costs exactly the server's own task (no reader, writer, expiry or
    close-waiting task of ours), and a server-initiated close ends the session and frees its registry slot at once
    (the read loop runs inline and gets the server's ``websocket.disconnect``)."""
    uvicorn = pytest.importorskip("uvicorn")
    from websockets.asyncio.client import connect

    from tests.support.realtime import ws_url as url

    settings = make_settings(ws_heartbeat_seconds=0)
    app = create_app(settings)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, lifespan="on", ws="websockets-sansio")
    server = uvicorn.Server(config)
    serve = asyncio.create_task(server.serve())
    try:
        for _ in range(200):
            if server.started:
                break
            await asyncio.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        hub = app.state.ctx.extras["hub"]

        async def open_one(user: str):
            ws = await connect(f"ws://127.0.0.1:{port}{url(token(user))}", ping_interval=None)
            assert json.loads(await ws.recv())["type"] == "connected"
            assert json.loads(await ws.recv())["type"] == "replay_complete"
            return ws

        first = await open_one("t0")  # warm-up: lazy imports, pools
        await asyncio.sleep(0.2)
        before = len(asyncio.all_tasks())
        socks = [await open_one(f"t{i}") for i in range(1, 6)]
        await asyncio.sleep(0.2)
        assert len(asyncio.all_tasks()) - before == 5  # uvicorn's per-connection task, nothing else
        assert hub.total_connections == 6

        await hub.disconnect_user("t1", 4403, "revoked")
        with pytest.raises(Exception):
            await asyncio.wait_for(socks[0].recv(), 2)
        assert socks[0].close_code == 4403
        for _ in range(50):
            if hub.total_connections == 5:
                break
            await asyncio.sleep(0.02)
        assert hub.total_connections == 5 and hub.local_connections("t1") == []
        for ws in [first, *socks[1:]]:
            await ws.close()
    finally:
        server.should_exit = True
        await asyncio.wait_for(serve, 15)

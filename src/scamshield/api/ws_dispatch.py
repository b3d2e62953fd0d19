"""Serve ``/api/ws`` WebSocket scopes without FastAPI's routing machinery.

A WebSocket session lasts hours, and every ASGI frame between the server and the socket handler stays alive for all
of it. Routed through FastAPI, an idle socket keeps the exception middleware's wrappers, the router, the route's
``websocket_session`` closure and FastAPI's dependency-solving ``AsyncExitStack``s on the stack: ~12 KB per
connection, for a handler that has no dependencies and no route parameters.

``WebSocketFastPath`` is added as the outermost user middleware. ``websocket`` scopes whose route path is exactly
``/api/ws`` go to the socket handler (``api/routes/ws.py:user_socket``) wrapped only in the *same* user middleware
the app has (same classes, same arguments, so the same rate limiter object: the per-IP handshake limit and its
HTTP 429 / 4429 refusal keep working, and a middleware added later to the app applies here too). Everything else —
HTTP, other WebSocket paths, lifespan — goes through the app unchanged. The route stays mounted, so the OpenAPI
schema, route listings and any direct router use are unaffected.

What the skipped layers did for this socket, and why skipping them changes nothing:

- routing: the path is matched here; ``/api/ws`` has no path parameters;
- FastAPI dependencies: ``user_socket`` declares none (it authenticates by itself after ``accept``);
- the exception middleware: its handlers build HTTP responses, which cannot be sent on an accepted socket; an
  exception escaping the handler reaches the server either way (uvicorn logs it and closes with 1011).
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

WS_PATH = "/api/ws"


def route_path(scope: Scope) -> str:
    """The path the router would match (``path`` without the ``root_path`` prefix), like Starlette's router."""
    path: str = scope["path"]
    root = scope.get("root_path", "")
    if root and path.startswith(root) and path != root and path[len(root)] == "/":
        return path[len(root):]
    return path


class WebSocketFastPath:
    """Outermost user middleware: ``/api/ws`` WebSocket scopes bypass FastAPI routing (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, path: str = WS_PATH,
                 handler: Callable[[WebSocket], Awaitable[None]] | None = None) -> None:
        self.app = app
        self.path = path
        self.handler = handler  # default: api/routes/ws.py:user_socket (imported on first use)
        self._lean: ASGIApp | None = None
        self._lean_for: Any = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or route_path(scope) != self.path:
            await self.app(scope, receive, send)
            return
        app = scope.get("app")
        if self._lean is None or self._lean_for is not app:
            self._lean, self._lean_for = self._build(app), app
        await self._lean(scope, receive, send)

    def _build(self, app: Any) -> ASGIApp:
        """The handler wrapped in the app's user middleware that sits inside this one (same order, same args)."""
        handler = self.handler
        if handler is None:
            from scamshield.api.routes.ws import user_socket as handler

        async def endpoint(scope: Scope, receive: Receive, send: Send) -> None:
            await handler(WebSocket(scope, receive=receive, send=send))

        lean: ASGIApp = endpoint
        middleware = list(getattr(app, "user_middleware", ()) or ())
        mine = next((i for i, m in enumerate(middleware) if m.cls is type(self)), None)
        inner = middleware[mine + 1:] if mine is not None else middleware
        for cls, args, kwargs in reversed(inner):
            lean = cls(lean, *args, **kwargs)
        return lean

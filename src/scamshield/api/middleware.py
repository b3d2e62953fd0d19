"""Pure-ASGI middleware: body-size cap, security headers, request metrics and masked request logs."""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scamshield.api.errors import error_body
from scamshield.metrics import Metrics

log = logging.getLogger("scamshield.http")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
CONSOLE_CSP = (b"content-security-policy",
               b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               b"connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    raw = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]})
    await send({"type": "http.response.body", "body": raw})


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413 before the app reads them.

    A declared ``Content-Length`` over the cap is refused at once. A body without ``Transfer-Encoding`` is at most its
    ``Content-Length`` (none: no body), which the HTTP parser enforces, so such requests pass untouched. A chunked
    body (size unknown up front) is read here first, up to the cap, and then handed to the app: over the cap it is
    a 413 on every route (counting inside the app's own read would surface as whatever error the route's body
    parser makes of it: FastAPI answered 400 "error parsing the body")."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunked = False
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > self.max_bytes:
                        await self._too_large(send)
                        return
                except ValueError:
                    await _send_json(send, 400, error_body("bad_request", "bad Content-Length"))
                    return
            elif name == b"transfer-encoding":
                chunked = True
        if not chunked:
            await self.app(scope, receive, send)
            return
        # Chunked (a Content-Length beside it does not bound the body either): read it here, at most the cap.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break  # disconnected: the app sees it
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                await self._too_large(send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            if messages:
                return messages.pop(0)
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await _send_json(send, 413, error_body("payload_too_large", f"body over {self.max_bytes} bytes"))


class ObservabilityMiddleware:
    """Metrics per route template, a request id, security headers, and one masked log line per request.

    Per request this costs a few microseconds: the id is 8 random bytes in hex (``uuid4().hex[:16]`` had the same
    shape at ~7x the cost), the labelled Prometheus children are looked up once per (method, route, status) and
    kept, and the log record is only built when INFO is enabled."""

    MAX_CHILDREN = 2048  # the method label comes from the client: bound what is kept here (Prometheus keeps its own)

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics
        self._counters: dict[tuple[str, str, int], Any] = {}
        self._histograms: dict[str, Any] = {}

    def _observe(self, method: str, template: str, status: int, elapsed: float) -> None:
        key = (method, template, status)
        counter = self._counters.get(key)
        if counter is None:
            if len(self._counters) >= self.MAX_CHILDREN:
                self._counters.clear()
            counter = self._counters[key] = self.metrics.http_requests.labels(method, template, str(status))
        counter.inc()
        histogram = self._histograms.get(template)
        if histogram is None:
            if len(self._histograms) >= self.MAX_CHILDREN:
                self._histograms.clear()
            histogram = self._histograms[template] = self.metrics.http_latency.labels(template)
        histogram.observe(elapsed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        request_id = os.urandom(8).hex()
        status = 500
        path: str = scope.get("path", "")

        async def wrapped_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                headers.extend(SECURITY_HEADERS)
                if path.startswith("/console"):
                    headers.append(CONSOLE_CSP)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, wrapped_send)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "<unmatched>"
            elapsed = time.perf_counter() - start
            self._observe(scope.get("method", ""), template, status, elapsed)
            if template not in ("/metrics", "/health") and log.isEnabledFor(logging.INFO):
                log.info("%s %s -> %s in %.1f ms", scope.get("method"), template, status, elapsed * 1000,
                         extra={"request_id": request_id, "path": template, "status": status,
                                "duration_ms": round(elapsed * 1000, 2)})

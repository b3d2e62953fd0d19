"""Rate limits (the ``limits`` library): per client IP before auth, per user after auth, a bigger budget for
``admin``/``service`` tokens.

- ``SCAMSHIELD_RATE_LIMIT_IP`` (default ``600/minute``): a pure-ASGI middleware keyed on the client address, applied to
  every HTTP request and WebSocket handshake before any authentication or body reading, so floods of anonymous
  requests, forged Twilio webhooks and handshake storms are refused cheaply.
- ``SCAMSHIELD_RATE_LIMIT_USER`` (default ``120/minute``): a principal hook run right after token verification,
  keyed on the token's ``sub``.
- ``SCAMSHIELD_RATE_LIMIT_SERVICE`` (default ``6000/minute``): replaces the user limit for tokens with role ``admin``
  or ``service`` (telephony integrations and operators send in bulk).

Each value is a ``limits`` string (``120/minute``, ``10/second;300/hour``…); ``off`` disables that limit. Storage is
in process memory, or Redis when ``SCAMSHIELD_REDIS_URL`` is set (so several instances share the budget). In process
memory the counters are ``MemoryWindows``: the same sliding-window-counter arithmetic as the ``limits`` strategy over
its memory storage, without its awaits, per-key locks and expiry task (~20 µs a hit here, two hits per request),
at ~1-2 µs a hit; a test checks both decide alike on the same clock. Refusals
are ``429`` with ``Retry-After`` and the usual error envelope (WebSocket handshakes get an HTTP 429 too where the
server supports it, else they are accepted and closed with 4429: both mean *retry later*, not *forbidden*), and
counted in ``scamshield_rate_limited_total{scope}``. If the storage backend fails (Redis down) the limiter fails open
and logs, so an outage of the limiter's storage never takes the API down with it.

The client IP is the socket peer (after uvicorn's own proxy-header handling). ``X-Forwarded-For`` is honoured only
when the peer is one of ``trusted_proxies`` (IP addresses or CIDR blocks): the address used is the right-most entry
that is not itself a trusted proxy, which a client cannot forge.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import time
from collections.abc import Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Hashable

from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from scamshield.errors import ConfigError, RateLimited

log = logging.getLogger("scamshield.ratelimit")

WS_FLOOD_CLOSE = 4429  # documented in api/errors.py
REDIS_TIMEOUT_SECONDS = 0.3  # connect and per-command timeout of the rate-limit storage


def parse_limit(value: str | None, name: str) -> list[RateLimitItem]:
    """``"120/minute"`` -> items; ``"off"`` / empty -> ``[]`` (no limit). Bad strings are a configuration error."""
    text = (value or "").strip()
    if not text or text.lower() in ("off", "none", "disabled", "0"):
        return []
    try:
        return list(parse_many(text))
    except ValueError as exc:
        raise ConfigError(f"{name} is not a valid rate limit ({text!r}); use e.g. 120/minute, or off") from exc


def make_storage(redis_url: str | None) -> Storage:
    """Process memory by default; Redis (redis-py asyncio client) when a Redis URL is configured."""
    if not redis_url:
        return MemoryStorage()
    from limits.aio.storage import RedisStorage

    uri = redis_url if redis_url.startswith("async+") else "async+" + redis_url
    # Short timeouts: a black-holed Redis costs a request at most ~0.3 s (then the limiter fails open), never a hang.
    return RedisStorage(uri, implementation="redispy", key_prefix="scamshield_rl", wrap_exceptions=True,
                        socket_connect_timeout=REDIS_TIMEOUT_SECONDS, socket_timeout=REDIS_TIMEOUT_SECONDS)


class MemoryWindows:
    """Sliding-window counters in process memory, synchronous.

    The arithmetic of ``limits``' ``SlidingWindowCounterRateLimiter`` over its ``MemoryStorage``: windows numbered
    ``int(now / expiry)``; the previous window's count weighted by the part of it still inside the sliding window;
    a hit is refused when ``floor(weighted) + cost > limit``; a window's counter lives ``2 * expiry`` from its first
    hit; the reset time of a refused key is computed as ``get_window_stats`` does. Being synchronous, the check and
    the increment cannot interleave with another request (``limits`` re-checks and reverts for that). Expired
    counters are swept every ``SWEEP_EVERY`` hits, so addresses that never return do not accumulate.
    """

    SWEEP_EVERY = 4096

    def __init__(self) -> None:
        self._counts: dict[tuple[Hashable, int], list[float]] = {}  # (key, window number) -> [count, expires_at]
        self._hits = 0

    def _count(self, key: tuple[Hashable, int], now: float) -> float:
        entry = self._counts.get(key)
        if entry is None:
            return 0
        if entry[1] <= now:
            del self._counts[key]
            return 0
        return entry[0]

    def _window(self, key: Hashable, expiry: int, now: float) -> tuple[float, float, float, float]:
        previous = self._count((key, int((now - expiry) / expiry)), now)
        current = self._count((key, int(now / expiry)), now)
        previous_ttl = 0.0 if previous == 0 else (1 - (((now - expiry) / expiry) % 1)) * expiry
        current_ttl = (1 - ((now / expiry) % 1)) * expiry + expiry
        return previous, previous_ttl, current, current_ttl

    def hit(self, key: Hashable, limit: int, expiry: int, cost: int = 1) -> bool:
        if cost > limit:
            return False
        now = time.time()
        previous, previous_ttl, current, _ = self._window(key, expiry, now)
        if math.floor(previous * previous_ttl / expiry + current) + cost > limit:
            return False
        slot = (key, int(now / expiry))
        entry = self._counts.get(slot)
        if entry is None:
            self._counts[slot] = [cost, now + 2 * expiry]
        else:
            entry[0] += cost
        self._hits += 1
        if self._hits % self.SWEEP_EVERY == 0:
            self.sweep(now)
        return True

    def reset_time(self, key: Hashable, expiry: int) -> float:
        """When a refused key may pass again (epoch seconds), as ``get_window_stats(...).reset_time``."""
        now = time.time()
        previous, previous_ttl, current, current_ttl = self._window(key, expiry, now)
        if not (previous or current):
            return now
        previous_reset_in = previous_ttl % (expiry / previous) if previous else math.inf
        current_reset_in = current_ttl % expiry if current else math.inf
        return now + min(previous_reset_in, current_reset_in)

    def sweep(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        for slot in [k for k, (_, expires_at) in self._counts.items() if expires_at <= now]:
            del self._counts[slot]

    def clear(self) -> None:
        self._counts.clear()

    def __len__(self) -> int:
        return len(self._counts)


class Limiter:
    """One budget family (``ip``, ``user`` or ``service``) over a shared storage (or ``local`` process memory)."""

    def __init__(self, scope: str, items: Sequence[RateLimitItem], strategy: SlidingWindowCounterRateLimiter,
                 metrics: Any = None, local: MemoryWindows | None = None) -> None:
        self.scope = scope
        self.items = list(items)
        self.strategy = strategy
        self.metrics = metrics
        self.local = local
        self._expiries = [(i, item.amount, int(item.get_expiry())) for i, item in enumerate(self.items)]

    @property
    def enabled(self) -> bool:
        return bool(self.items)

    def _refused(self, wait: float, expiry: int) -> int:
        if self.metrics is not None:
            self.metrics.rate_limited.labels(self.scope).inc()
        # Never more than one window, never less than a second.
        return max(1, min(int(math.ceil(wait)) if wait > 0 else 1, expiry))

    async def retry_after(self, key: str) -> int | None:
        """Spend one unit of every budget for ``key``; ``None`` if allowed, else seconds until a retry may pass."""
        local = self.local
        if local is not None:
            for i, amount, expiry in self._expiries:
                slot = (self.scope, key, i)
                if not local.hit(slot, amount, expiry):
                    return self._refused(local.reset_time(slot, expiry) - time.time(), expiry)
            return None
        for item in self.items:
            try:
                allowed = await self.strategy.hit(item, self.scope, key)
                if allowed:
                    continue
                stats = await self.strategy.get_window_stats(item, self.scope, key)
                wait = stats.reset_time - time.time()
            except Exception as exc:  # storage outage: fail open, but say so
                log.warning("rate limit storage error (%s); allowing request", type(exc).__name__)
                return None
            return self._refused(wait, int(item.get_expiry()))
        return None

    async def check(self, key: str) -> None:
        wait = await self.retry_after(key)
        if wait is not None:
            raise RateLimited(f"rate limit exceeded ({self.scope}); retry in {wait} s", retry_after=wait)


class _Networks:
    def __init__(self, entries: Iterable[str]) -> None:
        nets = []
        for raw in entries:
            raw = raw.strip()
            if not raw:
                continue
            try:
                nets.append(ipaddress.ip_network(raw, strict=False))
            except ValueError as exc:
                raise ConfigError(f"trusted proxy {raw!r} is not an IP address or CIDR block") from exc
        self.nets = nets

    def __contains__(self, host: str) -> bool:
        if not self.nets:
            return False
        try:
            addr = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(addr in net for net in self.nets)


def client_ip(scope: Scope, trusted: _Networks) -> str:
    """The socket peer, or — when the peer is a trusted proxy — the right-most untrusted X-Forwarded-For hop."""
    client = scope.get("client")
    peer = client[0] if client else "unknown"
    if peer not in trusted:
        return peer
    forwarded: list[str] = []
    for name, value in scope.get("headers", ()):
        if name == b"x-forwarded-for":
            forwarded.extend(p.strip() for p in value.decode("latin-1").split(","))
    for hop in reversed(forwarded[:64]):
        if not hop:
            continue
        if hop not in trusted:
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # garbage in the header: fall back to the proxy itself
    return peer


class IpRateLimitMiddleware:
    """Pure ASGI: refuse HTTP requests and WebSocket handshakes over the per-IP budget, before auth."""

    def __init__(self, app: ASGIApp, limiter: Limiter, trusted_proxies: Iterable[str] = ()) -> None:
        self.app = app
        self.limiter = limiter
        self.trusted = _Networks(trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or not self.limiter.enabled:
            await self.app(scope, receive, send)
            return
        wait = await self.limiter.retry_after(client_ip(scope, self.trusted))
        if wait is None:
            await self.app(scope, receive, send)
            return
        body = json.dumps({"error": {"code": "rate_limited",
                                     "message": f"rate limit exceeded (ip); retry in {wait} s"}}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"retry-after", str(wait).encode())]
        if scope["type"] == "websocket":
            await refuse_handshake(scope, receive, send, wait, body, headers)
            return
        await send({"type": "http.response.start", "status": 429, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def refuse_handshake(scope: Scope, receive: Receive, send: Send, wait: int, body: bytes,
                           headers: list[tuple[bytes, bytes]]) -> None:
    """Refuse a WebSocket handshake as *rate limited, retry later* — never as a 403, which clients treat as final.

    With the ASGI ``websocket.http.response`` extension (uvicorn, Starlette's test client): an HTTP ``429`` with
    ``Retry-After``. Without it: accept, then close with 4429 (the reason carries ``retry_after=<s>``)."""
    await receive()  # websocket.connect
    if "websocket.http.response" in (scope.get("extensions") or {}):
        await send({"type": "websocket.http.response.start", "status": 429, "headers": headers})
        await send({"type": "websocket.http.response.body", "body": body})
        return
    await send({"type": "websocket.accept"})
    await send({"type": "websocket.close", "code": WS_FLOOD_CLOSE, "reason": f"rate limited; retry_after={wait}"})


class RateLimits:
    """The three limiters over one storage, plus the principal hook for per-user budgets."""

    def __init__(self, settings: Any, metrics: Any = None, storage: Storage | None = None) -> None:
        self.storage = storage if storage is not None else make_storage(getattr(settings, "redis_url", None))
        # Process memory (no Redis, no storage given): the synchronous counters; a given storage is used as is.
        self.local = MemoryWindows() if storage is None and isinstance(self.storage, MemoryStorage) else None
        strategy = SlidingWindowCounterRateLimiter(self.storage)
        self.ip = Limiter("ip", parse_limit(settings.rate_limit_ip, "SCAMSHIELD_RATE_LIMIT_IP"), strategy, metrics,
                          self.local)
        self.user = Limiter("user", parse_limit(settings.rate_limit_user, "SCAMSHIELD_RATE_LIMIT_USER"), strategy,
                            metrics, self.local)
        self.service = Limiter("service", parse_limit(settings.rate_limit_service, "SCAMSHIELD_RATE_LIMIT_SERVICE"),
                               strategy, metrics, self.local)

    async def principal_hook(self, _request: Any, principal: Any) -> None:
        """Run after token verification: admin/service tokens use the service budget, everyone else the user one."""
        limiter = self.service if principal.is_privileged else self.user
        if limiter.enabled:
            await limiter.check(principal.user_id)

    async def reset(self) -> None:
        if self.local is not None:
            self.local.clear()
        try:
            await self.storage.reset()
        except Exception:  # pragma: no cover - best effort
            pass


class TokenBucket:
    """A per-connection token bucket (e.g. WebSocket messages): ``rate`` tokens per second, bursts up to ``burst``.

    Synchronous and allocation-free so it can guard every received frame; not shared between connections."""

    __slots__ = ("rate", "burst", "tokens", "stamp")

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = float(rate)
        self.burst = float(burst)
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def take(self, cost: float = 1.0) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False


def install_rate_limits(app: Any, settings: Any, metrics: Any = None, *, trusted_proxies: Iterable[str] | None = None,
                        storage: Storage | None = None) -> RateLimits:
    """Add the per-IP middleware to ``app`` and register the per-user principal hook when the app starts.

    Call it between the body-limit and observability middlewares in ``create_app`` so refusals are still counted and
    carry the security headers, and happen before any body is read."""
    limits_ = RateLimits(settings, metrics, storage)
    proxies = list(trusted_proxies if trusted_proxies is not None else (getattr(settings, "trusted_proxies", None) or []))
    app.add_middleware(IpRateLimitMiddleware, limiter=limits_.ip, trusted_proxies=proxies)
    app.state.rate_limits = limits_

    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        async with inner(a) as state:
            ctx = getattr(a.state, "ctx", None)
            if ctx is not None:
                ctx.extras["rate_limits"] = limits_
                # first: refuse over-budget callers before any database work
                ctx.extras.setdefault("principal_hooks", []).insert(0, limits_.principal_hook)
            yield state

    app.router.lifespan_context = lifespan
    return limits_

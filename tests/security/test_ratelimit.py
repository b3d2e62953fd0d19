"""Rate limits: per IP before auth, per user after auth, a service budget for admin/service tokens (issue 8)."""

from __future__ import annotations

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket

from scamshield.api.deps import CurrentUser
from scamshield.api.ratelimit import (
    IpRateLimitMiddleware,
    Limiter,
    RateLimits,
    TokenBucket,
    _Networks,
    client_ip,
    parse_limit,
)
from scamshield.errors import ConfigError
from tests.conftest import auth


def _with_probe(application):
    """An authenticated no-op route, so these tests depend on nothing but the chassis."""

    async def probe(user: CurrentUser) -> dict[str, str]:
        return {"user": user.user_id}

    application.add_api_route("/_probe", probe, methods=["GET"])
    return application


async def _started(make_settings, **overrides):
    from scamshield.api.app import create_app

    return _with_probe(create_app(make_settings(**overrides)))


def _client(application, ip: str = "203.0.113.7") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=application, client=(ip, 4242)), base_url="http://t")


def _metric(application, scope: str) -> float:
    value = application.state.metrics.registry.get_sample_value("scamshield_rate_limited_total", {"scope": scope})
    return value or 0.0


async def test_ip_limit_returns_429_with_retry_after_and_envelope(make_settings):
    application = await _started(make_settings, rate_limit_ip="3/minute")
    async with LifespanManager(application), _client(application) as c:
        for _ in range(3):
            assert (await c.get("/")).status_code == 200
        r = await c.get("/")
        assert r.status_code == 429
        assert r.json()["error"]["code"] == "rate_limited"
        assert 1 <= int(r.headers["retry-after"]) <= 60
        # refused inside the observability middleware: still has the security headers and is counted
        assert r.headers["x-content-type-options"] == "nosniff"
        assert _metric(application, "ip") == 1
        # another address has its own budget
        async with _client(application, ip="198.51.100.9") as other:
            assert (await other.get("/")).status_code == 200


async def test_ip_limit_applies_before_auth_and_before_reading_the_body(make_settings):
    application = await _started(make_settings, rate_limit_ip="2/minute")
    async with LifespanManager(application), _client(application) as c:
        for _ in range(2):
            assert (await c.post("/analyze/sms", json={"message": "x"})).status_code == 401
        r = await c.post("/analyze/sms", content=b"{" * 200_000, headers={"content-type": "application/json"})
        assert r.status_code == 429, "anonymous floods must be refused by IP, not cost a token check or body read"


async def test_x_forwarded_for_is_ignored_from_untrusted_peers(make_settings):
    application = await _started(make_settings, rate_limit_ip="2/minute")
    async with LifespanManager(application), _client(application) as c:
        for i in range(2):
            assert (await c.get("/", headers={"x-forwarded-for": f"10.0.0.{i}"})).status_code == 200
        r = await c.get("/", headers={"x-forwarded-for": "10.0.0.99"})
        assert r.status_code == 429, "a client must not escape its budget by inventing X-Forwarded-For"


@pytest.mark.parametrize(
    "peer,xff,trusted,expected",
    [
        ("203.0.113.7", "1.1.1.1", [], "203.0.113.7"),
        ("203.0.113.7", "1.1.1.1", ["10.0.0.0/8"], "203.0.113.7"),
        ("10.0.0.2", "1.1.1.1", ["10.0.0.0/8"], "1.1.1.1"),
        # the client may prepend anything; only the hop the trusted proxy saw counts
        ("10.0.0.2", "6.6.6.6, 1.1.1.1", ["10.0.0.0/8"], "1.1.1.1"),
        ("10.0.0.2", "1.1.1.1, 10.0.0.5", ["10.0.0.0/8"], "1.1.1.1"),
        ("10.0.0.2", "not-an-ip", ["10.0.0.0/8"], "10.0.0.2"),
        ("10.0.0.2", "", ["10.0.0.0/8"], "10.0.0.2"),
        ("::1", "2001:db8::1", ["::1"], "2001:db8::1"),
    ],
)
def test_client_ip_from_socket_or_trusted_proxy(peer, xff, trusted, expected):
    scope = {"client": (peer, 1), "headers": [(b"x-forwarded-for", xff.encode())] if xff else []}
    assert client_ip(scope, _Networks(trusted)) == expected


def test_bad_trusted_proxy_is_a_config_error():
    with pytest.raises(ConfigError):
        _Networks(["not-a-network"])


async def test_trusted_proxy_hops_get_separate_budgets():
    rl = RateLimits(_Settings(ip="1/minute"))

    async def ok(scope, receive, send):
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    application = IpRateLimitMiddleware(ok, rl.ip, trusted_proxies=["127.0.0.0/8"])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application, client=("127.0.0.1", 1)),
                                 base_url="http://t") as c:
        assert (await c.get("/", headers={"x-forwarded-for": "1.1.1.1"})).status_code == 204
        assert (await c.get("/", headers={"x-forwarded-for": "2.2.2.2"})).status_code == 204
        assert (await c.get("/", headers={"x-forwarded-for": "1.1.1.1"})).status_code == 429


async def test_user_limit_is_per_user(make_settings, token):
    application = await _started(make_settings, rate_limit_user="2/minute")
    async with LifespanManager(application), _client(application) as c:
        alice = auth(token("alice"))
        for _ in range(2):
            assert (await c.get("/_probe", headers=alice)).status_code == 200
        r = await c.get("/_probe", headers=alice)
        assert r.status_code == 429
        assert r.json()["error"]["code"] == "rate_limited"
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert _metric(application, "user") == 1
        # bob, from the same address, is not affected by alice's flood
        assert (await c.get("/_probe", headers=auth(token("bob")))).status_code == 200


async def test_user_limit_follows_the_token_not_the_address(make_settings, token):
    application = await _started(make_settings, rate_limit_user="2/minute")
    alice = auth(token("alice"))
    async with LifespanManager(application):
        for i in range(2):
            async with _client(application, ip=f"192.0.2.{i + 1}") as c:
                assert (await c.get("/_probe", headers=alice)).status_code == 200
        async with _client(application, ip="192.0.2.200") as c:
            assert (await c.get("/_probe", headers=alice)).status_code == 429


@pytest.mark.parametrize("role", ["service", "admin"])
async def test_service_and_admin_tokens_use_the_service_budget(make_settings, token, role):
    application = await _started(make_settings, rate_limit_user="2/minute", rate_limit_service="5/minute")
    async with LifespanManager(application), _client(application) as c:
        h = auth(token("integration", roles=[role]))
        for _ in range(5):
            assert (await c.get("/_probe", headers=h)).status_code == 200
        r = await c.get("/_probe", headers=h)
        assert r.status_code == 429
        assert _metric(application, "service") == 1


async def test_off_disables_each_limit(make_settings, token):
    application = await _started(make_settings, rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    async with LifespanManager(application), _client(application) as c:
        h = auth(token("alice"))
        for _ in range(30):
            assert (await c.get("/_probe", headers=h)).status_code == 200


def test_invalid_limit_refuses_to_start(make_settings):
    from scamshield.api.app import create_app

    with pytest.raises(ConfigError, match="SCAMSHIELD_RATE_LIMIT_USER"):
        create_app(make_settings(rate_limit_user="lots"))


@pytest.mark.parametrize("text,count", [("120/minute", 1), ("10/second;300/hour", 2), ("off", 0), ("OFF", 0), ("", 0)])
def test_parse_limit(text, count):
    assert len(parse_limit(text, "X")) == count


def test_defaults_match_the_spec():
    from scamshield.settings import Settings

    s = Settings(_env_file=None)
    assert (s.rate_limit_user, s.rate_limit_ip, s.rate_limit_service) == ("120/minute", "600/minute", "6000/minute")


class _Settings:
    def __init__(self, ip="off", user="off", service="off", redis_url=None):
        self.rate_limit_ip, self.rate_limit_user, self.rate_limit_service = ip, user, service
        self.redis_url = redis_url


def test_websocket_handshake_over_ip_budget_gets_http_429_not_403():
    """A handshake refused for rate is *retry later*: HTTP 429 + Retry-After (never the 403 clients treat as final)."""
    from starlette.testclient import WebSocketDenialResponse

    rl = RateLimits(_Settings(ip="1/minute"))

    async def endpoint(ws: WebSocket) -> None:
        await ws.accept()
        await ws.send_json({"type": "connected"})
        await ws.close()

    inner = Starlette(routes=[WebSocketRoute("/ws", endpoint)])
    with TestClient(IpRateLimitMiddleware(inner, rl.ip)) as tc:
        with tc.websocket_connect("/ws") as ws:
            assert ws.receive_json()["type"] == "connected"
        with pytest.raises(WebSocketDenialResponse) as err:
            with tc.websocket_connect("/ws") as ws:
                ws.receive_json()
        assert err.value.status_code == 429 and 1 <= int(err.value.headers["retry-after"]) <= 60
        assert err.value.json()["error"]["code"] == "rate_limited"


async def test_websocket_handshake_over_ip_budget_is_closed_with_4429():
    """Without the ASGI websocket.http.response extension: accepted, then closed with 4429 (retry later)."""
    rl = RateLimits(_Settings(ip="1/minute"))

    async def app(scope, receive, send):  # never reached for the refused handshake
        raise AssertionError("the limiter let it through")

    mw = IpRateLimitMiddleware(app, rl.ip)
    scope = {"type": "websocket", "path": "/ws", "client": ("10.0.0.9", 5000), "headers": [], "extensions": {}}
    await rl.ip.retry_after("10.0.0.9")  # spend the budget
    sent: list[dict] = []

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        sent.append(message)

    await mw(scope, receive, send)
    assert [m["type"] for m in sent] == ["websocket.accept", "websocket.close"]
    assert sent[1]["code"] == 4429 and "retry_after=" in sent[1]["reason"]


async def test_redis_storage_shares_the_budget_between_instances(redis_url):
    import uuid

    s = _Settings(user="3/minute", redis_url=redis_url)
    a, b = RateLimits(s), RateLimits(s)
    from scamshield.auth import Principal

    who = Principal(user_id=f"redis-{uuid.uuid4().hex[:8]}")
    try:
        await a.principal_hook(None, who)
        await b.principal_hook(None, who)
        await a.principal_hook(None, who)
        from scamshield.errors import RateLimited

        with pytest.raises(RateLimited) as err:
            await b.principal_hook(None, who)
        assert 1 <= err.value.retry_after <= 60
    finally:
        await a.reset()


async def test_storage_outage_fails_open():
    # nothing listens on port 1: the limiter must let traffic through rather than turn an outage into 500s
    rl = RateLimits(_Settings(user="1/minute", redis_url="redis://127.0.0.1:1/0"))
    from scamshield.auth import Principal

    for _ in range(3):
        await rl.principal_hook(None, Principal(user_id="alice"))


def test_token_bucket_bounds_bursts_and_refills(monkeypatch):
    import scamshield.api.ratelimit as rl

    now = [100.0]
    monkeypatch.setattr(rl.time, "monotonic", lambda: now[0])
    bucket = TokenBucket(rate=2, burst=3)
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    now[0] += 0.5  # one token back
    assert bucket.take() and not bucket.take()
    now[0] += 100  # never more than the burst
    assert sum(bucket.take() for _ in range(10)) == 3


def test_the_websocket_uses_the_one_token_bucket():
    """One implementation: the WS read loop's per-connection flood control is ``ratelimit.TokenBucket``."""
    import scamshield.api.ratelimit as rl
    import scamshield.api.routes.ws as ws_route

    assert ws_route.TokenBucket is rl.TokenBucket
    bucket = ws_route.TokenBucket(ws_route.MSG_RATE_PER_SECOND, ws_route.MSG_BURST)
    assert sum(bucket.take() for _ in range(ws_route.MSG_BURST + 5)) == ws_route.MSG_BURST


def test_limiter_disabled_without_items():
    assert not Limiter("user", [], None).enabled  # type: ignore[arg-type]

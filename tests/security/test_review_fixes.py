"""Fixes from the independent security review: dev tokens behind a local reverse proxy, `serve` with dev tokens on a
public interface, /metrics token, tracebacks in logs, a black-holed rate-limit Redis."""

from __future__ import annotations

import asyncio
import io
import logging
import socket
import time

import httpx
import pytest
from asgi_lifespan import LifespanManager
from typer.testing import CliRunner

from scamshield.errors import ConfigError
from scamshield.logging_setup import JsonFormatter, RedactingFilter, RedactingFormatter
from scamshield.settings import Settings, is_loopback_bind

SECRET = "review-secret-" + "r" * 40
METRICS_TOKEN = "metrics-" + "m" * 32


def _settings(tmp_path, **kw) -> Settings:
    base = dict(env="development", jwt_secret=SECRET, data_dir=tmp_path / "var", rate_limit_ip="off",
                rate_limit_user="off", rate_limit_service="off")
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


async def _client(settings: Settings, peer=("127.0.0.1", 5000), base_url="http://127.0.0.1:8000"):
    from scamshield.api.app import create_app

    app = create_app(settings)
    manager = LifespanManager(app)
    await manager.__aenter__()
    return manager, httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=peer), base_url=base_url)


# --- 1. dev tokens ----------------------------------------------------------------------------------------------
async def test_dev_token_behind_a_local_reverse_proxy_is_404_by_default(tmp_path):
    """nginx `proxy_pass http://127.0.0.1:8000;` on the same machine: peer 127.0.0.1, Host 127.0.0.1:8000 — every
    remote visitor looks local. Without SCAMSHIELD_DEV_TOKENS=1 the route does not exist."""
    manager, c = await _client(_settings(tmp_path))
    try:
        r = await c.post("/console/dev-token", json={"user_id": "mallory", "roles": ["admin"]},
                         headers={"Host": "127.0.0.1:8000", "X-Forwarded-For": "203.0.113.7", "Connection": "close"})
        assert r.status_code == 404, r.text
    finally:
        await c.aclose()
        await manager.__aexit__(None, None, None)


@pytest.mark.parametrize("env", ["test", "production"])
def test_dev_tokens_switch_is_development_only(tmp_path, env):
    s = _settings(tmp_path, env=env, dev_tokens=True, database_url="sqlite+aiosqlite:///x.db")
    assert not s.dev_tokens_enabled
    if env == "production":
        with pytest.raises(ConfigError, match="SCAMSHIELD_DEV_TOKENS"):
            s.validate_for_start()


async def test_dev_token_mints_admin_but_never_service(tmp_path):
    manager, c = await _client(_settings(tmp_path, dev_tokens=True))
    try:
        r = await c.post("/console/dev-token", json={"user_id": "dev", "roles": ["admin"]})
        assert r.status_code == 200, r.text
        for roles in (["service"], ["admin", "service"]):
            r = await c.post("/console/dev-token", json={"user_id": "dev", "roles": roles})
            assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_role"
    finally:
        await c.aclose()
        await manager.__aexit__(None, None, None)


@pytest.mark.parametrize("host, ok", [("127.0.0.1", True), ("::1", True), ("localhost", True), ("[::1]", True),
                                      ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
                                      ("shield.example.com", False)])
def test_dev_tokens_refuse_a_public_bind_address(tmp_path, host, ok):
    assert is_loopback_bind(host) is ok
    s = _settings(tmp_path, dev_tokens=True)
    if ok:
        s.validate_for_start(bind_host=host)
    else:
        with pytest.raises(ConfigError, match="127.0.0.1"):
            s.validate_for_start(bind_host=host)
    _settings(tmp_path).validate_for_start(bind_host=host)  # without dev tokens any interface is fine


def test_serve_refuses_dev_tokens_on_a_public_host(tmp_path, monkeypatch):
    from scamshield.cli import _register, app

    if not app.registered_commands:
        _register()
    monkeypatch.setenv("SCAMSHIELD_ENV", "development")
    monkeypatch.setenv("SCAMSHIELD_DEV_TOKENS", "1")
    monkeypatch.setenv("SCAMSHIELD_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SCAMSHIELD_JWT_SECRET", SECRET)
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("serve started"))
    r = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert r.exit_code != 0 and "SCAMSHIELD_DEV_TOKENS" in r.output, r.output


def test_make_run_enables_dev_tokens_on_loopback_only():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    serve = next(line for line in run.splitlines() if "scamshield serve" in line)
    assert "SCAMSHIELD_DEV_TOKENS=1" in serve and "--host 127.0.0.1" in serve


# --- 8. /metrics token ------------------------------------------------------------------------------------------
async def test_metrics_token(tmp_path):
    manager, c = await _client(_settings(tmp_path, env="test", metrics_token=METRICS_TOKEN))
    try:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {METRICS_TOKEN}"},
                        {"Authorization": f"Bearer {METRICS_TOKEN}x"}):
            r = await c.get("/metrics", headers=headers)
            assert r.status_code == 401 and r.json()["error"]["code"] in ("missing_token", "invalid_token"), headers
            assert METRICS_TOKEN not in r.text
        r = await c.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        assert r.status_code == 200 and "scamshield_" in r.text
        spec = (await c.get("/openapi.json")).json()
        assert "401" in spec["paths"]["/metrics"]["get"]["responses"]
    finally:
        await c.aclose()
        await manager.__aexit__(None, None, None)


async def test_metrics_open_without_a_token(tmp_path):
    manager, c = await _client(_settings(tmp_path, env="test"))
    try:
        assert (await c.get("/metrics")).status_code == 200
    finally:
        await c.aclose()
        await manager.__aexit__(None, None, None)


def test_production_refuses_a_weak_metrics_token(tmp_path):
    s = _settings(tmp_path, env="production", database_url="postgresql+asyncpg://u@h/d", metrics_token="secret")
    with pytest.raises(ConfigError, match="METRICS_TOKEN"):
        s.validate_for_start()


# --- 7. tracebacks are redacted ---------------------------------------------------------------------------------
PHONE = "+919876543210"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl"


def _boom() -> None:
    raise ValueError(f"cannot route call from {PHONE} with Bearer {JWT}")


@pytest.mark.parametrize("formatter, with_filter", [
    (RedactingFormatter("%(levelname)s %(message)s"), True),
    (RedactingFormatter("%(levelname)s %(message)s"), False),  # the formatter alone redacts tracebacks too
    (logging.Formatter("%(levelname)s %(message)s"), True),    # ... and so does the filter alone
    (JsonFormatter(), True),
    (JsonFormatter(), False),
])
def test_traceback_text_is_redacted(formatter, with_filter):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    if with_filter:
        handler.addFilter(RedactingFilter())
    handler.setFormatter(formatter)
    log = logging.getLogger(f"test.redact.{id(formatter)}.{with_filter}")
    log.propagate = False
    log.addHandler(handler)
    try:
        try:
            _boom()
        except ValueError:
            log.exception("unhandled error: %s", "ValueError")
            log.error("again", exc_info=True, stack_info=True)
    finally:
        log.removeHandler(handler)
    out = stream.getvalue()
    assert "unhandled error" in out
    assert PHONE not in out and "9876543210" not in out and JWT not in out and "eyJ" not in out, out
    if not isinstance(formatter, JsonFormatter):
        assert "Traceback" in out and "ValueError" in out and "[phone]" in out, "the traceback stays useful"


def test_configure_logging_redacts_unhandled_errors(tmp_path, capfd):
    """The text format `serve` uses in development: an unhandled error's traceback holds no phone or token."""
    from scamshield.logging_setup import configure_logging

    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("INFO", json_logs=False)
    try:
        try:
            _boom()
        except ValueError as exc:
            logging.getLogger("scamshield.api").error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        err = capfd.readouterr().err
    finally:  # the handler writes to this test's captured stderr: do not leave it behind
        for h in list(root.handlers):
            if getattr(h, "_scamshield", False):
                root.removeHandler(h)
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    assert "Traceback" in err and PHONE not in err and JWT not in err


# --- 6. black-holed Redis ---------------------------------------------------------------------------------------
@pytest.fixture
def black_hole():
    """A TCP port that accepts connections (kernel backlog) and never answers."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    yield f"redis://127.0.0.1:{srv.getsockname()[1]}/0"
    srv.close()


async def test_black_holed_redis_fails_open_quickly(black_hole):
    from scamshield.api.ratelimit import RateLimits
    from scamshield.auth import Principal

    class S:
        rate_limit_ip, rate_limit_user, rate_limit_service, redis_url = "off", "1/minute", "off", black_hole

    rl = RateLimits(S())
    t0 = time.monotonic()
    for _ in range(3):
        await asyncio.wait_for(rl.principal_hook(None, Principal(user_id="alice")), timeout=10)
    elapsed = time.monotonic() - t0
    assert elapsed < 4.5, f"three requests took {elapsed:.1f} s against a silent Redis"

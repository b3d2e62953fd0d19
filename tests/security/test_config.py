"""Production refusal of default secrets, CORS allow-list, security headers and the console CSP (issue 8)."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from asgi_lifespan import LifespanManager

from scamshield.errors import ConfigError
from scamshield.settings import Settings
from tests.conftest import auth

GOOD_SECRET = "a-long-random-production-secret-" + "q" * 32
BAD_SECRETS = {"missing": None, "empty": "", "default": "changeme", "secret": "secret", "short": "x" * 31,
               "default_upper": "CHANGEME"}


def _prod(tmp_path, **overrides) -> Settings:
    base: dict[str, object] = {"env": "production", "data_dir": tmp_path / "var",
                               "database_url": f"sqlite+aiosqlite:///{tmp_path / 'prod.db'}",
                               "rate_limit_user": "off", "rate_limit_ip": "off", "rate_limit_service": "off"}
    base.update(overrides)
    base = {k: v for k, v in base.items() if v is not None}
    return Settings(_env_file=None, **base)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ production refusal
@pytest.mark.parametrize("name", sorted(BAD_SECRETS))
def test_create_app_refuses_bad_jwt_secret_in_production(tmp_path, name, monkeypatch):
    monkeypatch.delenv("SCAMSHIELD_JWT_SECRET", raising=False)
    from scamshield.api.app import create_app

    with pytest.raises(ConfigError) as err:
        create_app(_prod(tmp_path, jwt_secret=BAD_SECRETS[name]))
    assert "SCAMSHIELD_JWT_SECRET" in err.value.message
    # and it never silently generated a development secret on disk
    assert not (tmp_path / "var" / "jwt_secret").exists()


def test_create_app_refuses_default_twilio_token_in_production(tmp_path):
    from scamshield.api.app import create_app

    with pytest.raises(ConfigError, match="TWILIO"):
        create_app(_prod(tmp_path, jwt_secret=GOOD_SECRET, twilio_auth_token="changeme",
                         public_url="https://shield.example.com"))


def test_create_app_accepts_strong_secrets_in_production(tmp_path):
    from scamshield.api.app import create_app

    assert create_app(_prod(tmp_path, jwt_secret=GOOD_SECRET)) is not None


def test_development_generates_and_keeps_a_secret(tmp_path):
    s1 = Settings(_env_file=None, env="development", data_dir=tmp_path / "var")
    s2 = Settings(_env_file=None, env="development", data_dir=tmp_path / "var")
    assert s1.jwt_secret_value and s1.jwt_secret_value == s2.jwt_secret_value
    assert len(s1.jwt_secret_value) >= 32
    assert oct((tmp_path / "var" / "jwt_secret").stat().st_mode & 0o777) == "0o600"


def _cli(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SCAMSHIELD_")}
    return subprocess.run([sys.executable, "-m", "scamshield", *args], env={**clean, **env}, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.parametrize("secret", [None, "changeme", "too-short"])
def test_serve_exits_with_a_helpful_message_not_a_traceback(tmp_path, secret):
    env = {"SCAMSHIELD_ENV": "production", "SCAMSHIELD_DATA_DIR": str(tmp_path / "var"),
           "SCAMSHIELD_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'p.db'}"}
    if secret is not None:
        env["SCAMSHIELD_JWT_SECRET"] = secret
    r = _cli(["serve", "--port", "1"], env)
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert "SCAMSHIELD_JWT_SECRET" in out, out[-500:]
    assert "Traceback" not in out, out[-2000:]
    if secret == "too-short":
        assert secret not in out, "the refused secret must not be echoed"


def test_serve_refuses_a_bad_rate_limit_setting(tmp_path):
    r = _cli(["serve", "--port", "1"], {"SCAMSHIELD_DATA_DIR": str(tmp_path / "var"),
                                        "SCAMSHIELD_RATE_LIMIT_USER": "lots please"})
    assert r.returncode != 0
    assert "SCAMSHIELD_RATE_LIMIT_USER" in r.stderr and "Traceback" not in r.stderr + r.stdout


def test_token_command_in_production_without_secret_fails_cleanly(tmp_path):
    r = _cli(["token", "alice"], {"SCAMSHIELD_ENV": "production", "SCAMSHIELD_DATA_DIR": str(tmp_path / "var")})
    assert r.returncode != 0 and "Traceback" not in r.stderr + r.stdout
    assert "eyJ" not in r.stdout


# ----------------------------------------------------------------------------------------------------------- CORS
async def _client_for(make_settings, **overrides):
    from scamshield.api.app import create_app

    return create_app(make_settings(**overrides))


async def test_cors_only_for_listed_origins(make_settings, token):
    app = await _client_for(make_settings, cors_origins="https://app.example.com, https://ops.example.com")
    async with LifespanManager(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            for origin in ("https://app.example.com", "https://ops.example.com"):
                r = await c.get("/health", headers={"Origin": origin})
                assert r.headers.get("access-control-allow-origin") == origin
                pre = await c.options("/analyze/sms", headers={
                    "Origin": origin, "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "authorization,content-type"})
                assert pre.status_code == 200 and pre.headers.get("access-control-allow-origin") == origin
                assert "access-control-allow-credentials" not in pre.headers
            for origin in ("https://evil.example.com", "https://app.example.com.evil.net", "null", "http://app.example.com"):
                r = await c.get("/health", headers={"Origin": origin})
                assert "access-control-allow-origin" not in r.headers, origin
                pre = await c.options("/analyze/sms", headers={"Origin": origin,
                                                               "Access-Control-Request-Method": "POST"})
                assert pre.headers.get("access-control-allow-origin") in (None, ""), origin
                assert pre.headers.get("access-control-allow-origin") != "*"


async def test_no_cors_headers_without_an_allow_list(client):
    r = await client.get("/health", headers={"Origin": "https://anything.example.com"})
    assert "access-control-allow-origin" not in r.headers
    pre = await client.options("/analyze/sms", headers={"Origin": "https://anything.example.com",
                                                        "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers


def test_cors_wildcard_is_not_the_default():
    assert Settings(_env_file=None).cors_origins == []


# ----------------------------------------------------------------------------------------------- security headers
EXPECTED = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer"}


@pytest.mark.parametrize("method,path,status", [
    ("GET", "/", 200), ("GET", "/health", 200), ("GET", "/nope", 404), ("POST", "/analyze/sms", 401),
])
async def test_security_headers_on_every_response(client, method, path, status):
    r = await client.request(method, path, json={"message": "x"} if method == "POST" else None)
    assert r.status_code == status
    for name, value in EXPECTED.items():
        assert r.headers.get(name) == value, name
    assert "permissions-policy" in r.headers
    assert "server" not in {k.lower() for k in r.headers} or "uvicorn" not in r.headers.get("server", "")


async def test_security_headers_on_rate_limited_and_oversized_responses(make_settings, token):
    app = await _client_for(make_settings, rate_limit_ip="1/minute")
    async with LifespanManager(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            await c.get("/")
            r = await c.get("/")
            assert r.status_code == 429 and r.headers["x-frame-options"] == "DENY"
    app = await _client_for(make_settings)
    async with LifespanManager(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            r = await c.post("/analyze/sms", json={"message": "a" * 70_000}, headers=auth(token()))
            assert r.status_code == 413 and r.headers["x-content-type-options"] == "nosniff"


async def test_console_has_a_strict_csp(client):
    r = await client.get("/console")
    assert r.status_code == 200, "GET /console has not landed yet"
    csp = r.headers.get("content-security-policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}
    assert directives.get("default-src") == ["'self'"]
    assert "'unsafe-inline'" not in directives.get("script-src", []) and "'unsafe-eval'" not in csp
    assert directives.get("frame-ancestors") == ["'none'"]
    assert r.headers["x-frame-options"] == "DENY"
    # the page itself must live with that CSP: no inline scripts or handlers
    html = r.text.lower()
    assert "<script>" not in html and " onclick=" not in html and "javascript:" not in html


async def test_console_static_assets_have_the_csp_too(client):
    r = await client.get("/console/static/console.js")
    assert r.status_code == 200
    assert "content-security-policy" in r.headers and r.headers["x-content-type-options"] == "nosniff"


# ------------------------------------------------------------------------------------------ no internals leak out
async def test_unhandled_errors_have_no_stack_trace(make_settings):
    from scamshield.api.app import create_app

    app = create_app(make_settings())

    async def boom() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    app.add_api_route("/_boom", boom, methods=["GET"])
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            r = await c.get("/_boom")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal_error", "message": "internal error"}}
    assert "secret internal detail" not in r.text and "Traceback" not in r.text


async def test_validation_errors_do_not_echo_the_input(client, token):
    r = await client.post("/analyze/sms", json={"message": 12345, "sender": "+919876543210" * 10},
                          headers=auth(token()))
    assert r.status_code == 422
    assert "9876543210" not in r.text


async def test_auth_errors_do_not_echo_the_token(client):
    tok = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl"
    r = await client.post("/analyze/sms", json={"message": "x"}, headers={"Authorization": f"Bearer {tok}"})
    assert r.status_code == 401 and tok not in r.text and "c2lnbmF0dXJl" not in r.text

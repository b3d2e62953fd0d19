"""auth.py hardening: verified phones only for call association, configurable roles claim, production needs an
audience and issuer with IdP keys, and JWKS keys fetched off the event loop (single flight, stale on error)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from scamshield import auth
from scamshield.auth import JwksFetchRequired, TokenVerifier, mint_token, principal_from_claims
from scamshield.errors import AuthError, ConfigError
from scamshield.settings import Settings

SECRET = "s" * 48
PHONE = "+919876543210"


def _hs(claims: dict[str, Any]) -> str:
    return jwt.encode({"sub": "alice", "exp": int(time.time()) + 600, **claims}, SECRET, algorithm="HS256")


# --- phone verification -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("claims, required, phone", [
    ({"phone_number": PHONE}, True, None),                                   # the IdP never checked it
    ({"phone_number": PHONE, "phone_number_verified": False}, True, None),
    ({"phone_number": PHONE, "phone_number_verified": "false"}, True, None),
    ({"phone_number": PHONE, "phone_number_verified": 1}, True, None),        # only a real true
    ({"phone_number": PHONE, "phone_number_verified": True}, True, PHONE),
    ({"phone_number": PHONE, "phone_number_verified": "true"}, True, PHONE),  # some IdPs send strings
    ({"phone_number": PHONE}, False, PHONE),                                 # SCAMSHIELD_REQUIRE_VERIFIED_PHONE=0
    ({}, True, None),
])
def test_unverified_phone_is_not_used_for_association(tmp_path, claims, required, phone):
    s = Settings(env="test", jwt_secret=SECRET, data_dir=tmp_path, require_verified_phone=required)
    p = TokenVerifier(s).verify(_hs(claims))
    assert p.phone_number == phone
    flag = claims.get("phone_number_verified")
    assert p.phone_verified is (flag is True or flag == "true")


def test_malformed_phone_is_still_refused(tmp_path):
    s = Settings(env="test", jwt_secret=SECRET, data_dir=tmp_path)
    with pytest.raises(AuthError):
        TokenVerifier(s).verify(_hs({"phone_number": "12", "phone_number_verified": True}))


def test_minted_phone_is_verified(tmp_path):
    """`scamshield token --phone` (and the test fixtures) vouch for the number they sign."""
    s = Settings(env="test", jwt_secret=SECRET, data_dir=tmp_path)
    tok = mint_token(s, "alice", phone="+91 98765 43210")
    assert jwt.decode(tok, SECRET, algorithms=["HS256"])["phone_number_verified"] is True
    assert TokenVerifier(s).verify(tok).phone_number == PHONE


async def test_unverified_phone_does_not_route_calls(make_settings):
    """End to end: a user whose IdP token carries someone else's (unverified) number is not stored under it, so the
    Twilio voice webhook cannot hand that number's calls to them."""
    import httpx
    from asgi_lifespan import LifespanManager

    from scamshield.api.app import create_app
    from scamshield.store import users as user_store

    settings = make_settings()
    app = create_app(settings)
    async with LifespanManager(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            mallory = _hs_for(settings, "mallory", {"phone_number": PHONE})
            r = await c.get("/user/me", headers={"Authorization": f"Bearer {mallory}"})
            assert r.status_code == 200 and r.json()["phone_number"] is None
            r = await c.post("/api/associate-call", json={"call_sid": "CAm1", "phone_number": PHONE},
                             headers={"Authorization": f"Bearer {mallory}"})
            assert r.status_code == 403  # the body's number must match a verified token number
            ctx = app.state.ctx
            async with ctx.db.session() as s:
                assert await user_store.find_user_by_phone(s, PHONE) is None
            alice = _hs_for(settings, "alice", {"phone_number": PHONE, "phone_number_verified": True})
            assert (await c.get("/user/me", headers={"Authorization": f"Bearer {alice}"})).status_code == 200
            async with ctx.db.session() as s:
                assert (await user_store.find_user_by_phone(s, PHONE)).id == "alice"


def _hs_for(settings: Settings, sub: str, claims: dict[str, Any]) -> str:
    return jwt.encode({"sub": sub, "exp": int(time.time()) + 600, **claims}, settings.jwt_secret_value,
                      algorithm="HS256")


# --- roles claim ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("roles_claim, claims, roles", [
    ("roles", {"roles": ["admin"]}, {"admin"}),
    ("roles", {"groups": ["admin"]}, set()),
    ("groups", {"groups": ["admin", "staff"]}, {"admin"}),
    ("groups", {"roles": ["admin"]}, set()),                                  # the default claim is no longer read
    ("realm_access.roles", {"realm_access": {"roles": ["service"]}}, {"service"}),
    ("https://shield.example/roles", {"https://shield.example/roles": ["admin"]}, {"admin"}),
    ("roles", {"roles": {"admin": True}}, set()),                            # not a list: no roles
])
def test_roles_claim_is_configurable(roles_claim, claims, roles):
    p = principal_from_claims({"sub": "u1", **claims}, roles_claim=roles_claim)
    assert p.roles == frozenset(roles)


def test_minted_roles_use_the_configured_claim(tmp_path):
    s = Settings(env="test", jwt_secret=SECRET, data_dir=tmp_path, jwt_roles_claim="groups")
    tok = mint_token(s, "op", roles=["admin"])
    assert "groups" in jwt.decode(tok, SECRET, algorithms=["HS256"])
    assert TokenVerifier(s).verify(tok).is_admin


# --- production needs an audience and issuer with IdP keys ------------------------------------------------------
def _pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


@pytest.mark.parametrize("key", ["jwks_url", "jwt_public_key"])
@pytest.mark.parametrize("aud, iss, ok", [(None, None, False), ("scamshield", None, False),
                                          (None, "https://idp.example/", False),
                                          ("scamshield", "https://idp.example/", True)])
def test_production_idp_keys_need_audience_and_issuer(tmp_path, key, aud, iss, ok):
    value = "https://idp.example/.well-known/jwks.json" if key == "jwks_url" else _pem()
    s = Settings(env="production", database_url="postgresql+asyncpg://u@db/x", data_dir=tmp_path,
                 jwt_audience=aud, jwt_issuer=iss, **{key: value})
    if ok:
        s.validate_for_start()
        return
    with pytest.raises(ConfigError) as err:
        s.validate_for_start()
    assert ("SCAMSHIELD_JWT_AUDIENCE" in err.value.message) is (aud is None)
    assert ("SCAMSHIELD_JWT_ISSUER" in err.value.message) is (iss is None)


def test_development_idp_keys_need_no_audience(tmp_path):
    Settings(env="development", data_dir=tmp_path, jwks_url="http://127.0.0.1:1/jwks").validate_for_start()


# --- JWKS off the event loop ------------------------------------------------------------------------------------
class _Jwks:
    """A JWKS endpoint on 127.0.0.1 serving a generated RSA key; counts requests, can fail or stall."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "k1"
        self.requests = 0
        self.fail = False
        self.delay = 0.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                outer.requests += 1
                if outer.delay:
                    time.sleep(outer.delay)
                if outer.fail:
                    self.send_response(500)
                    self.end_headers()
                    return
                jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(outer.key.public_key()))
                body = json.dumps({"keys": [{**jwk, "kid": outer.kid, "use": "sig", "alg": "RS256"}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/jwks.json"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def token(self, kid: str | None = "k1", **claims: Any) -> str:
        headers = {"kid": kid} if kid else {}
        body = {"sub": "idp-user", "exp": int(time.time()) + 600, "aud": "scamshield", "iss": "https://idp/",
                **claims}
        return jwt.encode(body, self.key, algorithm="RS256", headers=headers)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def jwks():
    server = _Jwks()
    yield server
    server.close()


def _jwks_verifier(tmp_path, url: str) -> TokenVerifier:
    return TokenVerifier(Settings(env="test", data_dir=tmp_path, jwks_url=url, jwt_audience="scamshield",
                                  jwt_issuer="https://idp/"))


async def test_jwks_fetch_does_not_block_the_event_loop(tmp_path, jwks):
    jwks.delay = 0.4
    v = _jwks_verifier(tmp_path, jwks.url)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    t = asyncio.create_task(ticker())
    try:
        p = await v.verify_async(jwks.token(roles=["service"]))
    finally:
        t.cancel()
    assert p.user_id == "idp-user" and p.is_service
    assert ticks >= 15, f"the event loop stalled during the JWKS fetch ({ticks} ticks in 0.4 s)"


async def test_jwks_single_flight_and_cache(tmp_path, jwks):
    jwks.delay = 0.2
    v = _jwks_verifier(tmp_path, jwks.url)
    tok = jwks.token()
    results = await asyncio.gather(*(v.verify_async(tok) for _ in range(20)))
    assert {p.user_id for p in results} == {"idp-user"}
    assert jwks.requests == 1, "concurrent verifications share one fetch"
    await v.verify_async(tok)
    assert jwks.requests == 1, "cached"
    # the synchronous path works with the cached key (what a sync caller such as the WS handshake uses)
    assert v.verify(tok).user_id == "idp-user"


async def test_sync_verify_never_fetches(tmp_path, jwks):
    v = _jwks_verifier(tmp_path, jwks.url)
    with pytest.raises(JwksFetchRequired) as err:
        v.verify(jwks.token())
    assert "verify_async" in err.value.message and err.value.status == 401
    assert jwks.requests == 0


async def test_jwks_stale_on_error_and_unknown_kid_throttle(tmp_path, jwks, monkeypatch):
    v = _jwks_verifier(tmp_path, jwks.url)
    tok = jwks.token()
    await v.verify_async(tok)
    assert jwks.requests == 1
    # the cache expires while the IdP is down: the last good keys keep working
    jwks.fail = True
    monkeypatch.setattr(auth, "JWKS_CACHE_SECONDS", 0.0)
    monkeypatch.setattr(auth, "JWKS_RETRY_SECONDS", 0.0)
    assert (await v.verify_async(tok)).user_id == "idp-user"
    assert jwks.requests == 2
    # a flood of unknown kids cannot make us hammer the IdP
    monkeypatch.setattr(auth, "JWKS_RETRY_SECONDS", 60.0)
    for _ in range(5):
        with pytest.raises(AuthError):
            await v.verify_async(jwks.token(kid="nope"))
    assert jwks.requests == 2


async def test_jwks_rejects_wrong_audience_and_no_keys(tmp_path, jwks):
    v = _jwks_verifier(tmp_path, jwks.url)
    with pytest.raises(AuthError):
        await v.verify_async(jwks.token(aud="another-app"))
    jwks.fail = True
    v2 = _jwks_verifier(tmp_path, jwks.url)
    with pytest.raises(AuthError) as err:
        await v2.verify_async(jwks.token())
    assert err.value.status == 401


async def test_jwks_token_through_the_api(tmp_path, jwks):
    """api/deps.py awaits verify_async: an IdP token works on the first request (the key is fetched then)."""
    import httpx
    from asgi_lifespan import LifespanManager

    from scamshield.api.app import create_app

    s = Settings(env="test", data_dir=tmp_path / "var", jwks_url=jwks.url, jwt_audience="scamshield",
                 jwt_issuer="https://idp/", rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    app = create_app(s)
    async with LifespanManager(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            r = await c.get("/user/me", headers={"Authorization": f"Bearer {jwks.token()}"})
            assert r.status_code == 200 and r.json()["user_id"] == "idp-user"
            r = await c.get("/user/me", headers={"Authorization": f"Bearer {jwks.token(aud='other')}"})
            assert r.status_code == 401


# --- Twilio caller id (STIR/SHAKEN) -----------------------------------------------------------------------------
@pytest.mark.parametrize("raw, verstat, require, expected", [
    ("+919876543210", None, False, PHONE),
    ("+919876543210", "TN-Validation-Passed-B", False, PHONE),
    ("+919876543210", None, True, None),
    ("+919876543210", "TN-Validation-Passed-B", True, None),
    ("+919876543210", "TN-Validation-Failed-A", True, None),
    ("+919876543210", "TN-Validation-Passed-A", True, PHONE),
    ("anonymous", "TN-Validation-Passed-A", True, None),
])
def test_caller_for_association(raw, verstat, require, expected):
    assert auth.caller_for_association(raw, verstat, require_attestation_a=require) == expected


def test_verified_token_cache_respects_expiry(tmp_path):
    """A cached verification never outlives the token: after exp the same token is refused as expired."""
    import time as _time

    from scamshield.auth import TokenVerifier, mint_token
    from scamshield.errors import AuthError
    from scamshield.settings import Settings

    settings = Settings(env="test", data_dir=tmp_path, jwt_secret="k" * 48, jwt_leeway_seconds=0)
    verifier = TokenVerifier(settings)
    tok = mint_token(settings, "alice", ttl_seconds=1)
    assert verifier.verify(tok).user_id == "alice"
    assert verifier.verify(tok).user_id == "alice"  # served from the cache
    _time.sleep(1.2)
    with pytest.raises(AuthError) as err:
        verifier.verify(tok)
    assert err.value.code == "token_expired"
    # a tampered token is never served from the cache of the genuine one
    tok2 = mint_token(settings, "bob", ttl_seconds=60)
    assert verifier.verify(tok2).user_id == "bob"
    with pytest.raises(AuthError):
        verifier.verify(tok2[:-3] + ("AAA" if not tok2.endswith("AAA") else "BBB"))

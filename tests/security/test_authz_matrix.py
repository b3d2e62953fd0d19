"""Authorization matrix (issues 3, 4, 8): every HTTP endpoint has a rule saying who may call it, and for each:
an anonymous caller gets 401, a bad token 401, a plain user on an admin endpoint 403, another user gets 403/404 or
an empty view — never the first user's data. Plus the WebSocket handshake: no token, bad token and identity
mismatch are refused.

The table below is the spec. ``test_every_operation_has_a_rule`` reads the app's /openapi.json, so an endpoint that
lands without an entry here FAILS. Entries whose route has not landed yet are xfail(strict=False) with the reason
"endpoint not landed yet".
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import jwt
import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET

PUBLIC, USER, ADMIN, TWILIO, DEV = "public", "user", "admin", "twilio", "development-loopback"
TWILIO_TOKEN = "authz-twilio-token-" + "t" * 20


@dataclass(frozen=True)
class Rule:
    method: str
    path: str  # the route template, as in /openapi.json
    access: str  # public | user (any valid token; data scoped to the caller) | admin | twilio (signature)
    #              | development-loopback (exists only with SCAMSHIELD_ENV=development, for loopback clients)
    body: dict[str, Any] | None = None
    query: str = ""
    path_params: dict[str, str] = field(default_factory=dict)
    form: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    def url(self, **overrides: str) -> str:
        values = {**self.path_params, **overrides}
        path = self.path
        for name, value in values.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        return path + (("?" + self.query) if self.query else "")


CALL_SID = "CAauthzmatrix0001"
SPEC: list[Rule] = [
    # --- service (issue 2) ------------------------------------------------------------------------------------
    Rule("GET", "/", PUBLIC),
    Rule("GET", "/health", PUBLIC),
    Rule("GET", "/health/live", PUBLIC),
    Rule("GET", "/metrics", PUBLIC),  # aggregate counters only, no user data (see docs/security.md)
    Rule("GET", "/console", PUBLIC),  # static page; the token is typed in by the user
    Rule("POST", "/console/dev-token", DEV, {"user_id": "mallory", "roles": ["admin"]}),
    # --- analysis (issue 2) -------------------------------------------------------------------------------------
    Rule("POST", "/analyze/url", USER, {"url": "https://example.com/"}),
    Rule("POST", "/analyze/sms", USER, {"message": "Happy shopping! Your order #4032 has been delivered."}),
    Rule("POST", "/analyze/qr", USER, {"qr_data": "upi://pay?pa=ramesh123@okicici&pn=Ramesh%20Kumar&cu=INR"}),
    Rule("POST", "/analyze/transaction", USER,
         {"transaction": {"amount": "120.00", "recipient_upi": "ramesh123@okicici"}}),
    # --- ledger and user views (issue 4) ------------------------------------------------------------------------
    Rule("POST", "/payee/transactions", USER, {"payee_upi": "shop@okicici", "amount": "10.00", "status": "completed"}),
    Rule("GET", "/payee/transactions", USER),
    Rule("GET", "/payee/info/{payee_upi}", USER, path_params={"payee_upi": "shop@okicici"}),
    Rule("POST", "/payee/trust/{payee_upi}", USER, query="trusted=true", path_params={"payee_upi": "shop@okicici"}),
    Rule("GET", "/payee/statistics", USER),
    Rule("POST", "/feedback", USER, {"entity_type": "url", "entity_id": "https://example.com/", "verdict": "safe"}),
    Rule("GET", "/learning/metrics", USER),
    Rule("POST", "/report/fraud", USER, {"entity_type": "upi_id", "entity_id": "someone@ybl"}),
    Rule("GET", "/report/statistics", USER),
    Rule("GET", "/report/history", USER),
    Rule("GET", "/history", USER),
    Rule("GET", "/dashboard", USER),
    Rule("GET", "/settings", USER),
    Rule("PUT", "/settings", USER, {"risk_thresholds": {"medium": 20, "high": 45, "critical": 70}}),
    Rule("GET", "/user/me", USER),
    # --- real time (issue 3) --------------------------------------------------------------------------------------
    Rule("POST", "/api/associate-call", USER, {"call_sid": CALL_SID}),
    Rule("POST", "/api/calls/{call_sid}/transcript", USER, {"text": "hello"}, path_params={"call_sid": CALL_SID}),
    Rule("GET", "/api/active-connections", ADMIN),
    Rule("POST", "/api/debug/simulate-alert", ADMIN, {}),  # a plain user only in development, only for themself
    Rule("POST", "/twilio/voice", TWILIO, {"CallSid": "CAtw1", "From": "+919876543210"}, form=True),
    Rule("POST", "/twilio/transcription", TWILIO,
         {"CallSid": "CAtw1", "TranscriptionEvent": "transcription-started", "TranscriptionSid": "GT1",
          "SequenceId": "1"}, form=True),
]
SPEC_BY_KEY = {r.key: r for r in SPEC}
WS_SPEC = ["/api/ws", "/twilio/media"]


def _settings(data_dir) -> Settings:
    return Settings(env="test", data_dir=data_dir, jwt_secret=TEST_SECRET, rate_limit_user="off", rate_limit_ip="off",
                    rate_limit_service="off", twilio_auth_token=TWILIO_TOKEN, public_url="http://testserver")


def _landed_routes() -> set[tuple[str, str]]:
    """What the app serves right now (HTTP method + template, and WS paths as ("WS", path))."""
    import tempfile
    from pathlib import Path

    from scamshield.api.app import create_app

    app = create_app(_settings(Path(tempfile.gettempdir()) / "scamshield-authz-probe"))
    out: set[tuple[str, str]] = set()

    def walk(routes, prefix: str = "") -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)  # FastAPI >= 0.16x mounts routers lazily
            if inner is not None:
                ctx = getattr(route, "include_context", None)
                walk(inner.routes, prefix + (getattr(ctx, "prefix", "") or ""))
                continue
            path = prefix + getattr(route, "path", "")
            methods = getattr(route, "methods", None)
            if methods:
                out.update((m, path) for m in methods if m != "HEAD")
            elif "WebSocket" in type(route).__name__:
                out.add(("WS", path))

    walk(app.routes)
    return out


LANDED = _landed_routes()


def _params(rules: list[Rule], *accesses: str) -> list:
    out = []
    for r in rules:
        if accesses and r.access not in accesses:
            continue
        marks = [] if r.key in LANDED else [pytest.mark.xfail(strict=False, reason="endpoint not landed yet")]
        out.append(pytest.param(r, id=f"{r.method} {r.path}", marks=marks))
    return out


def _require_landed(rule: Rule) -> None:
    if rule.key not in LANDED:
        pytest.fail(f"{rule.method} {rule.path} has not landed yet (spec: issues 2-4)", pytrace=False)


# ------------------------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    from scamshield.api.app import create_app

    s = _settings(tmp_path_factory.mktemp("authz") / "var")
    with TestClient(create_app(s), base_url="http://testserver", raise_server_exceptions=False) as client:
        client.settings = s  # type: ignore[attr-defined]
        yield client


def _tok(srv, user: str, roles: list[str] | None = None, phone: str | None = None) -> str:
    return mint_token(srv.settings, user, roles=roles, phone=phone)


def _h(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def _send(srv, rule: Rule, token: str | None = None, *, body: Any = None, **path: str):
    payload = rule.body if body is None else body
    kwargs: dict[str, Any] = {"headers": _h(token)}
    if payload is not None:
        kwargs["data" if rule.form else "json"] = payload
    return srv.request(rule.method, rule.url(**path), **kwargs)


def _unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def _is_error(r, status: int | tuple[int, ...]) -> bool:
    statuses = (status,) if isinstance(status, int) else status
    if r.status_code not in statuses:
        return False
    body = r.json()
    return set(body) == {"error"} and bool(body["error"].get("code"))


# ------------------------------------------------------------------------------------------ the table is complete
def test_every_operation_has_a_rule(srv):
    spec = srv.get("/openapi.json").json()
    ops = {(m.upper(), p) for p, item in spec["paths"].items() for m in item
           if m in ("get", "post", "put", "patch", "delete")}
    missing = sorted(ops - set(SPEC_BY_KEY))
    assert not missing, f"endpoints without an authorization rule in {__name__}.SPEC: {missing}"


def test_every_websocket_route_has_a_rule():
    ws_routes = sorted(p for m, p in LANDED if m == "WS")
    assert not [p for p in ws_routes if p not in WS_SPEC], ws_routes


# ------------------------------------------------------------------------------------------------ per-endpoint
@pytest.mark.parametrize("rule", _params(SPEC, USER, ADMIN))
def test_anonymous_and_bad_tokens_get_401(srv, rule):
    _require_landed(rule)
    now = int(time.time())
    bad = {
        "none": None,
        "garbage": "not-a-jwt",
        "expired": jwt.encode({"sub": "alice", "exp": now - 3600}, TEST_SECRET, algorithm="HS256"),
        "forged": jwt.encode({"sub": "alice", "exp": now + 3600, "roles": ["admin"]}, "x" * 48, algorithm="HS256"),
        "alg_none": jwt.encode({"sub": "alice", "exp": now + 3600, "roles": ["admin"]}, None, algorithm="none"),
    }
    for name, token in bad.items():
        r = _send(srv, rule, token)
        assert _is_error(r, 401), f"{rule.method} {rule.path} with {name} token: {r.status_code} {r.text[:200]}"


@pytest.mark.parametrize("rule", _params(SPEC, USER))
def test_user_endpoints_accept_a_plain_user(srv, rule):
    """The positive control: the refusals above are about identity, not a broken route."""
    _require_landed(rule)
    user = _unique("u-")
    token = _tok(srv, user, phone="+919812300001")
    if rule.path == "/api/calls/{call_sid}/transcript":
        sid = _unique("CA")
        assert srv.post("/api/associate-call", json={"call_sid": sid}, headers=_h(token)).status_code == 200
        r = _send(srv, rule, token, call_sid=sid)
    elif rule.path == "/api/associate-call":
        r = _send(srv, rule, token, body={"call_sid": _unique("CA")})
    else:
        r = _send(srv, rule, token)
    assert 200 <= r.status_code < 300, f"{rule.method} {rule.path} as a user: {r.status_code} {r.text[:300]}"


@pytest.mark.parametrize("rule", _params(SPEC, ADMIN))
def test_admin_endpoints_refuse_plain_and_service_users(srv, rule):
    _require_landed(rule)
    for roles in (None, ["service"]):
        r = _send(srv, rule, _tok(srv, _unique("u-"), roles=roles))
        assert _is_error(r, 403), f"{rule.method} {rule.path} roles={roles}: {r.status_code} {r.text[:200]}"
    r = _send(srv, rule, _tok(srv, _unique("root-"), roles=["admin"]))
    assert 200 <= r.status_code < 300, f"{rule.method} {rule.path} as admin: {r.status_code} {r.text[:300]}"


@pytest.mark.parametrize("rule", _params(SPEC, TWILIO))
def test_twilio_webhooks_need_a_signature_not_a_token(srv, rule):
    _require_landed(rule)
    for headers in ({}, _h(_tok(srv, "alice", roles=["admin"])), {"X-Twilio-Signature": "bm9wZQ=="}):
        r = srv.post(rule.url(), data=rule.body, headers=headers)
        assert r.status_code == 403, f"{rule.path} headers={list(headers)}: {r.status_code} {r.text[:200]}"


@pytest.mark.parametrize("rule", _params(SPEC, PUBLIC))
def test_public_endpoints_need_no_token(srv, rule):
    _require_landed(rule)
    assert _send(srv, rule).status_code == 200


@pytest.mark.parametrize("rule", _params(SPEC, DEV))
def test_development_only_endpoints_are_404_elsewhere(srv, rule):
    """Outside development the route is indistinguishable from a missing one, whoever asks."""
    _require_landed(rule)
    for token in (None, _tok(srv, "alice"), _tok(srv, "root", roles=["admin"])):
        r = _send(srv, rule, token)
        assert _is_error(r, 404), f"{rule.path} in env=test: {r.status_code} {r.text[:200]}"
        assert "token" not in r.json().get("error", {}).get("message", "").lower() or r.status_code == 404


def _dev_app(tmp_path):
    from scamshield.api.app import create_app

    s = Settings(env="development", dev_tokens=True, data_dir=tmp_path / "var", jwt_secret=TEST_SECRET,
                 rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    return create_app(s)


async def test_dev_token_refuses_remote_clients_even_in_development(tmp_path):
    import httpx
    from asgi_lifespan import LifespanManager

    rule = SPEC_BY_KEY[("POST", "/console/dev-token")]
    _require_landed(rule)
    app = _dev_app(tmp_path)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app, client=("203.0.113.5", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://shield.example.com") as c:
            r = await c.post(rule.path, json=rule.body)
            assert r.status_code == 404, r.text[:200]
            # a forged X-Forwarded-For does not make a remote client local
            r = await c.post(rule.path, json=rule.body, headers={"X-Forwarded-For": "127.0.0.1"})
            assert r.status_code == 404, r.text[:200]


async def test_dev_token_refuses_foreign_host_header_dns_rebinding(tmp_path):
    """A web page on evil.example can rebind its name to 127.0.0.1 and then read same-origin responses from the
    developer's local server: the loopback check alone is not enough, the Host must be a loopback name too."""
    import httpx
    from asgi_lifespan import LifespanManager

    rule = SPEC_BY_KEY[("POST", "/console/dev-token")]
    _require_landed(rule)
    app = _dev_app(tmp_path)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as c:
            ok = await c.post(rule.path, json={"user_id": "dev"})
            assert ok.status_code == 200, "positive control: loopback + loopback Host mints a token"
            r = await c.post(rule.path, json=rule.body, headers={"Host": "evil.example:8000"})
            assert r.status_code == 404, f"dev token minted for Host evil.example: {r.status_code}"


# ------------------------------------------------------------------------------------------- cross-user isolation
def _spec(method: str, path: str) -> Rule:
    rule = SPEC_BY_KEY[(method, path)]
    _require_landed(rule)
    return rule


@pytest.fixture(scope="module")
def alice_world(srv):
    """Alice uses every feature with unique markers; Bob then looks for them everywhere."""
    tag = uuid.uuid4().hex[:8]
    alice = f"alice-{tag}"
    a = {
        "user": alice,
        "phone": "+919812345678",
        "token": _tok(srv, alice, phone="+919812345678"),
        "payee": f"alicepayee{tag}@okicici",
        "sms_marker": f"zebra{tag}",
        "call_sid": f"CAalice{tag}",
        "reported": f"alicereported{tag}@ybl",
        "url": f"https://alice-{tag}-secret.example.org/private",
    }
    h = _h(a["token"])
    calls = [
        ("POST", "/payee/transactions", {"payee_upi": a["payee"], "payee_name": f"Payee {tag}", "amount": "4321.00",
                                         "status": "completed", "note": f"note {a['sms_marker']}"}),
        ("POST", f"/payee/trust/{a['payee']}?trusted=true", None),
        ("POST", "/analyze/sms", {"message": f"Your KYC is pending {a['sms_marker']}, call 9812345678 now"}),
        ("POST", "/analyze/url", {"url": a["url"]}),
        ("POST", "/feedback", {"entity_type": "url", "entity_id": a["url"], "verdict": "fraud",
                               "comment": a["sms_marker"]}),
        ("POST", "/report/fraud", {"entity_type": "upi_id", "entity_id": a["reported"],
                                   "description": a["sms_marker"]}),
        ("PUT", "/settings", {"risk_thresholds": {"medium": 11, "high": 22, "critical": 33}}),
        ("POST", "/api/associate-call", {"call_sid": a["call_sid"]}),
        ("POST", f"/api/calls/{a['call_sid']}/transcript", {"text": f"hello {a['sms_marker']}"}),
    ]
    a["responses"] = {(method, url): srv.request(method, url, json=body, headers=h) for method, url, body in calls}
    sms = a["responses"].get(("POST", "/analyze/sms"))
    a["analysis_id"] = sms.json().get("analysis_id") if sms is not None and sms.status_code == 200 else None
    a["markers"] = [alice, a["payee"], a["sms_marker"], a["call_sid"], a["reported"], a["url"], "9812345678"]
    return a


def test_alice_world_was_built(alice_world):
    failed = {k: (r.status_code, r.text[:200]) for k, r in alice_world["responses"].items() if r.status_code >= 300}
    assert not failed, f"alice's own requests must succeed: {failed}"


@pytest.mark.parametrize("rule", _params([r for r in SPEC if r.method == "GET"], USER, ADMIN))
def test_no_get_endpoint_leaks_another_users_data(srv, alice_world, rule):
    _require_landed(rule)
    bob = _tok(srv, _unique("bob-"), phone="+919800000002")
    fill = {"payee_upi": alice_world["payee"], "call_sid": alice_world["call_sid"]}
    token = bob if rule.access == USER else _tok(srv, _unique("bob-admin-"), roles=["admin"])
    url = rule.url(**{k: fill.get(k, v) for k, v in rule.path_params.items()})
    r = srv.get(url, headers=_h(token))
    if rule.access == ADMIN:
        # admins see who is connected (masked phone) but never message texts, payees, reports or analyses
        markers = [m for m in alice_world["markers"] if m not in (alice_world["user"], alice_world["call_sid"])]
    else:
        markers = alice_world["markers"]
    # what bob put in the URL himself may be echoed back (e.g. the payee he asked about); nothing else may appear
    leaked = [m for m in markers if m.lower() in r.text.lower() and quote(m, safe="").lower() not in url.lower()]
    assert not leaked, f"GET {rule.path} as another user returned {leaked}: {r.text[:300]}"


def test_other_user_sees_alices_payee_as_new_and_untrusted(srv, alice_world):
    rule = _spec("GET", "/payee/info/{payee_upi}")
    bob = _tok(srv, _unique("bob-"))
    body = srv.get(rule.url(payee_upi=alice_world["payee"]), headers=_h(bob)).json()
    assert body["is_new_payee"] is True and body["is_trusted"] is False and body["transaction_count"] == 0
    stats = srv.get(_spec("GET", "/payee/statistics").url(), headers=_h(bob)).json()
    assert stats["total_payees"] == 0 and stats["total_transactions"] == 0
    assert srv.get("/payee/transactions", headers=_h(bob)).json()["items"] == []


def test_other_user_views_are_empty(srv, alice_world):
    bob = _h(_tok(srv, _unique("bob-")))
    assert srv.get(_spec("GET", "/history").url(), headers=bob).json()["items"] == []
    assert srv.get(_spec("GET", "/report/history").url(), headers=bob).json()["items"] == []
    dash = srv.get(_spec("GET", "/dashboard").url(), headers=bob).json()
    assert dash["total_analyses"] == 0 and dash["recent_alerts"] == []
    settings = srv.get(_spec("GET", "/settings").url(), headers=bob).json()
    assert settings["risk_thresholds"] != {"medium": 11, "high": 22, "critical": 33}
    me = srv.get(_spec("GET", "/user/me").url(), headers=bob).json()
    assert me["user_id"] != alice_world["user"]


def test_alices_own_views_do_show_her_data(srv, alice_world):
    """Positive control for the leak checks: the markers are really there for their owner."""
    h = _h(alice_world["token"])
    assert alice_world["payee"] in srv.get(_spec("GET", "/payee/transactions").url(), headers=h).text
    assert alice_world["reported"] in srv.get(_spec("GET", "/report/history").url(), headers=h).text
    assert srv.get(_spec("GET", "/settings").url(), headers=h).json()["risk_thresholds"]["high"] == 22


def test_other_user_cannot_attach_feedback_to_alices_analysis(srv, alice_world):
    rule = _spec("POST", "/feedback")
    if not alice_world["analysis_id"]:
        pytest.fail("alice's analysis did not succeed", pytrace=False)
    bob = _tok(srv, _unique("bob-"))
    r = _send(srv, rule, bob, body={"entity_type": "url", "entity_id": "https://example.com/", "verdict": "safe",
                                    "analysis_id": alice_world["analysis_id"]})
    assert _is_error(r, (403, 404)), f"{r.status_code} {r.text[:200]}"


def test_alices_feedback_only_changes_her_own_verdicts(srv, alice_world):
    rule = _spec("POST", "/analyze/url")
    bob = _tok(srv, _unique("bob-"))
    mine = _send(srv, rule, alice_world["token"], body={"url": alice_world["url"]}).json()
    theirs = _send(srv, rule, bob, body={"url": alice_world["url"]}).json()
    assert "user_blocklist" in {s["code"] for s in mine["signals"]}
    assert "user_blocklist" not in {s["code"] for s in theirs["signals"]}


def test_other_user_cannot_take_or_feed_alices_call(srv, alice_world):
    assoc, transcript = _spec("POST", "/api/associate-call"), _spec("POST", "/api/calls/{call_sid}/transcript")
    bob = _tok(srv, _unique("bob-"), phone="+919800000003")
    r = _send(srv, assoc, bob, body={"call_sid": alice_world["call_sid"]})
    assert _is_error(r, 409), f"hijack by association: {r.status_code} {r.text[:200]}"
    r = _send(srv, assoc, bob, body={"call_sid": _unique("CA"), "user_id": alice_world["user"]})
    assert _is_error(r, 403), f"acting as alice via body user_id: {r.status_code} {r.text[:200]}"
    r = _send(srv, assoc, bob, body={"call_sid": _unique("CA"), "phone_number": alice_world["phone"]})
    assert _is_error(r, 403), f"acting as alice via body phone: {r.status_code} {r.text[:200]}"
    r = _send(srv, transcript, bob, call_sid=alice_world["call_sid"])
    assert _is_error(r, (403, 404)), f"feeding alice's call: {r.status_code} {r.text[:200]}"
    assert alice_world["sms_marker"] not in r.text


def test_service_token_may_feed_any_call(srv, alice_world):
    rule = _spec("POST", "/api/calls/{call_sid}/transcript")
    r = _send(srv, rule, _tok(srv, "telephony", roles=["service"]), call_sid=alice_world["call_sid"])
    assert r.status_code == 200, r.text[:300]


def test_plain_user_cannot_simulate_alerts_for_others(srv, alice_world):
    rule = _spec("POST", "/api/debug/simulate-alert")
    r = _send(srv, rule, _tok(srv, _unique("bob-")), body={"user_id": alice_world["user"]})
    assert _is_error(r, 403), f"{r.status_code} {r.text[:200]}"


def test_report_statistics_carry_no_reporter_identity(srv, alice_world):
    r = srv.get(_spec("GET", "/report/statistics").url(), headers=_h(_tok(srv, _unique("bob-"))))
    assert r.status_code == 200 and alice_world["user"] not in r.text


def test_active_connections_mask_phone_numbers(srv, alice_world):
    rule = _spec("GET", "/api/active-connections")
    with srv.websocket_connect(f"/api/ws?token={alice_world['token']}") as ws:
        assert ws.receive_json()["type"] == "connected"
        r = _send(srv, rule, _tok(srv, _unique("root-"), roles=["admin"]))
        assert r.status_code == 200
        assert "9812345678" not in r.text and "3456" not in r.text
        assert alice_world["user"] in r.text


# ------------------------------------------------------------------------------------------------- WebSocket
def _ws_refusal(srv, url: str, headers: dict[str, str] | None = None) -> int:
    """The close code the server answers a handshake with (0 if it was accepted and said ``connected``)."""
    try:
        with srv.websocket_connect(url, headers=headers or {}) as ws:
            msg = ws.receive_json()
            return 0 if msg.get("type") == "connected" else -1
    except WebSocketDisconnect as exc:
        return exc.code


def _require_ws(path: str) -> None:
    if ("WS", path) not in LANDED:
        pytest.fail(f"WS {path} has not landed yet (spec: issue 3)", pytrace=False)


def test_ws_refuses_missing_and_bad_tokens(srv):
    _require_ws("/api/ws")
    now = int(time.time())
    expired = jwt.encode({"sub": "alice", "exp": now - 3600}, TEST_SECRET, algorithm="HS256")
    forged = jwt.encode({"sub": "alice", "exp": now + 3600}, "y" * 48, algorithm="HS256")
    for url in ("/api/ws", "/api/ws?token=", "/api/ws?token=garbage", f"/api/ws?token={expired}",
                f"/api/ws?token={forged}", "/api/ws?user_id=alice"):
        code = _ws_refusal(srv, url)
        assert code in (4401, 1008), f"{url.split('token=')[0]}: close code {code}"
    assert _ws_refusal(srv, "/api/ws", headers={"Authorization": "Bearer garbage"}) in (4401, 1008)


def test_ws_refuses_identity_mismatch(srv):
    _require_ws("/api/ws")
    tok = _tok(srv, "carol", phone="+919811111111")
    assert _ws_refusal(srv, f"/api/ws?token={tok}&user_id=mallory") == 4403
    assert _ws_refusal(srv, f"/api/ws?token={tok}&phone_number=%2B919822222222") == 4403
    # a service token may not listen as someone else either
    svc = _tok(srv, "telephony", roles=["service"])
    assert _ws_refusal(srv, f"/api/ws?token={svc}&user_id=carol") == 4403


def test_ws_accepts_matching_identity(srv):
    _require_ws("/api/ws")
    tok = _tok(srv, "dave", phone="+919833333333")
    assert _ws_refusal(srv, f"/api/ws?token={tok}") == 0
    assert _ws_refusal(srv, f"/api/ws?token={tok}&user_id=dave&phone_number=%2B919833333333") == 0
    assert _ws_refusal(srv, "/api/ws", headers=_h(tok)) == 0


def test_ws_association_of_someone_elses_call_is_refused(srv, alice_world):
    _require_ws("/api/ws")
    tok = _tok(srv, _unique("eve-"))
    with srv.websocket_connect(f"/api/ws?token={tok}") as ws:
        assert ws.receive_json()["type"] == "connected"
        while ws.receive_json().get("type") != "replay_complete":
            pass
        ws.send_json({"type": "associate_call", "call_sid": alice_world["call_sid"]})
        reply = ws.receive_json()
        assert reply["type"] == "error", reply
        ws.send_json({"type": "associate_call", "call_sid": _unique("CA"), "user_id": alice_world["user"]})
        assert ws.receive_json()["type"] == "error"
        ws.send_json({"type": "transcript", "call_sid": alice_world["call_sid"], "text": "hi"})
        reply = ws.receive_json()
        assert reply["type"] == "error", reply


def test_twilio_media_stream_needs_a_signature(srv):
    _require_ws("/twilio/media")
    for headers in ({}, {"X-Twilio-Signature": "bm9wZQ=="}, _h(_tok(srv, "root", roles=["admin"]))):
        code = _ws_refusal(srv, "/twilio/media", headers=headers)
        assert code >= 1000, f"unsigned media stream accepted (headers {list(headers)}, result {code})"

"""The analysis fast path (``routes/analyze.AnalysisFastPath``) answers exactly what the FastAPI route answers.

Every request below goes to two apps built from the same settings, one with the fast path and one without
(``create_app(..., analysis_fast_path=False)``), and the answers must match: status, body (the random
``analysis_id`` aside), content type and the headers the middleware adds. A spy on the fast path's authentication
call shows which requests it served itself, so the comparison cannot pass by the fast path never engaging.
"""

from __future__ import annotations

import json
import time
from contextlib import asynccontextmanager

import httpx
import jwt
import pytest
import pytest_asyncio
from asgi_lifespan import LifespanManager

from scamshield.api.routes import analyze as analyze_routes
from scamshield.api.schemas import AssessmentOut
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET, auth

# One event loop for the module, so the pair of apps is built once (start-up loads models and migrates).
pytestmark = pytest.mark.asyncio(loop_scope="module")


@asynccontextmanager
async def _client(settings, fast: bool):
    from scamshield.api.app import create_app

    app = create_app(settings, analysis_fast_path=fast)
    async with LifespanManager(app, startup_timeout=60, shutdown_timeout=30):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def pair(tmp_path_factory):
    def settings(name: str) -> Settings:
        return Settings(env="test", data_dir=tmp_path_factory.mktemp(name) / "var", jwt_secret=TEST_SECRET,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")

    async with _client(settings("fast"), True) as fast, _client(settings("slow"), False) as slow:
        yield fast, slow


@pytest.fixture
def spy(monkeypatch):
    """Counts the requests the fast path authenticated itself (the routed path resolves ``deps.require_user``)."""
    calls: list[str] = []
    real = analyze_routes.require_user

    async def counting(request):
        calls.append(request.url.path)
        return await real(request)

    monkeypatch.setattr(analyze_routes, "require_user", counting)
    return calls


def _tok(sub: str = "alice", ttl: int = 3600, secret: str = TEST_SECRET) -> str:
    now = int(time.time())
    return jwt.encode({"sub": sub, "iat": now, "exp": now + ttl}, secret, algorithm="HS256")


JSON = {"content-type": "application/json"}
SMS = {"message": "URGENT: your KYC expires today, update at http://sbi-kyc-verify.com or call 9812345678",
       "sender": "VK-HDFCBK"}

# (name, method, path, headers (None = a valid token is added), raw body, served by the fast path?)
CASES = [
    ("sms", "POST", "/analyze/sms", None, json.dumps(SMS).encode(), True),
    ("sms_all_fields", "POST", "/analyze/sms", None,
     json.dumps({**SMS, "device_info": {"os": "android", "n": [1, 2.5, None]}, "upi_intent": "upi://pay?pa=x@ybl"}).encode(), True),
    ("sms_safe", "POST", "/analyze/sms", None, b'{"message": "Happy shopping! Your order #4032 has been delivered."}', True),
    ("sms_charset", "POST", "/analyze/sms", {"content-type": "application/json; charset=utf-8"}, json.dumps(SMS).encode(), True),
    ("sms_extra_field", "POST", "/analyze/sms", None, b'{"message": "hello there", "extra": 1}', True),
    ("sms_duplicate_key", "POST", "/analyze/sms", None, b'{"message": "first", "message": "bit.ly/x KYC blocked"}', True),
    ("url", "POST", "/analyze/url", None, b'{"url": "https://paytm.com.account-verify.info/login"}', True),
    ("url_redirects", "POST", "/analyze/url", None,
     json.dumps({"url": "https://bit.ly/abc", "redirect_chain": ["https://bit.ly/abc", "http://198.51.100.7/sbi"],
                 "domain_details": {"creation_date": "2026-11-01"}}).encode(), True),
    ("url_official", "POST", "/analyze/url", None, b'{"url": "https://www.flipkart.com/cart"}', True),
    # not for the fast path: the routed path answers, the fast path must only pass them on
    ("malformed_json", "POST", "/analyze/sms", None, b'{"message": ', False),
    ("empty_body", "POST", "/analyze/sms", None, b"", False),
    ("missing_field", "POST", "/analyze/sms", None, b'{"text": "no message field"}', False),
    ("too_long_sender", "POST", "/analyze/sms", None, json.dumps({"message": "x", "sender": "9" * 65}).encode(), False),
    ("wrong_type", "POST", "/analyze/url", None, b'{"url": 12345}', False),
    ("not_an_object", "POST", "/analyze/url", None, b'["https://example.com"]', False),
    ("bom", "POST", "/analyze/sms", None, b'\xef\xbb\xbf{"message": "hi"}', False),
    ("utf16", "POST", "/analyze/sms", None, '{"message": "h\u00e9"}'.encode("utf-16"), False),
    ("bad_utf8", "POST", "/analyze/sms", None, b'{"message": "\xff\xfe"}', False),
    ("lone_surrogate", "POST", "/analyze/sms", None, b'{"message": "\\ud800 x"}', False),
    ("text_plain", "POST", "/analyze/sms", {"content-type": "text/plain"}, json.dumps(SMS).encode(), False),
    ("no_content_type", "POST", "/analyze/sms", {}, json.dumps(SMS).encode(), False),
    ("plus_json", "POST", "/analyze/sms", {"content-type": "application/vnd.api+json"}, json.dumps(SMS).encode(), False),
    ("charset_upper", "POST", "/analyze/sms", {"content-type": "application/json; charset=UTF-8"}, json.dumps(SMS).encode(), True),
    ("get_method", "GET", "/analyze/sms", None, b"", False),
    ("trailing_slash", "POST", "/analyze/sms/", None, json.dumps(SMS).encode(), False),
    ("qr_routed", "POST", "/analyze/qr", None, b'{"qr_data": "upi://pay?pa=x@ybl&am=10"}', False),
]
# Authentication failures after a body the fast path accepts: it authenticates, and must refuse the same way.
AUTH_CASES = [
    ("no_token", {}, True),
    ("basic_auth", {"Authorization": "Basic abc"}, True),
    ("garbage_token", {"Authorization": "Bearer nonsense"}, True),
    ("expired", {"Authorization": f"Bearer {_tok(ttl=-3600)}"}, True),
    ("forged", {"Authorization": f"Bearer {_tok(secret='another-secret-' + 'y' * 40)}"}, True),
    ("bad_subject", {"Authorization": f"Bearer {_tok(sub='bad subject!')}"}, True),
]


def _normalise(r: httpx.Response) -> dict:
    try:
        body = r.json()
    except ValueError:
        body = r.text
    if isinstance(body, dict) and "analysis_id" in body:
        assert isinstance(body["analysis_id"], str) and len(body["analysis_id"]) == 32
        body = {k: v for k, v in body.items() if k != "analysis_id"}
    headers = {k: v for k, v in r.headers.items() if k not in ("x-request-id", "date")}
    assert r.headers.get("x-request-id"), "every response carries a request id"
    return {"status": r.status_code, "body": body, "headers": headers}


async def _send(c: httpx.AsyncClient, method: str, path: str, headers: dict, body: bytes) -> httpx.Response:
    return await c.request(method, path, headers=headers, content=body or None)


@pytest.mark.parametrize("name,method,path,headers,body,fast", CASES, ids=[c[0] for c in CASES])
async def test_same_answer_with_and_without_fast_path(pair, spy, name, method, path, headers, body, fast):
    fast_client, slow_client = pair
    h = {**JSON, **auth(_tok())} if headers is None else {**auth(_tok()), **headers}
    if headers == {}:  # no content type at all (httpx adds none for raw content)
        h = auth(_tok())
    a = await _send(fast_client, method, path, h, body)
    served = len(spy)
    b = await _send(slow_client, method, path, h, body)
    assert _normalise(a) == _normalise(b), name
    assert served == (1 if fast else 0), f"{name}: fast path served {served} request(s)"
    assert len(spy) == served, "the app without the fast path never uses it"


@pytest.mark.parametrize("name,headers,fast", AUTH_CASES, ids=[c[0] for c in AUTH_CASES])
async def test_auth_failures_match(pair, spy, name, headers, fast):
    fast_client, slow_client = pair
    for path, body in (("/analyze/sms", json.dumps(SMS).encode()), ("/analyze/url", b'{"url": "https://example.com"}')):
        a = await _send(fast_client, "POST", path, {**JSON, **headers}, body)
        b = await _send(slow_client, "POST", path, {**JSON, **headers}, body)
        assert a.status_code == 401, (name, a.text)
        assert _normalise(a) == _normalise(b), name
    assert len(spy) == 2


async def test_body_over_cap_is_413_on_both(pair, spy):
    fast_client, slow_client = pair
    body = json.dumps({"message": "a" * 70_000}).encode()
    for c in pair:
        r = await _send(c, "POST", "/analyze/sms", {**JSON, **auth(_tok())}, body)
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    assert spy == []


async def test_per_user_rate_limit_applies_on_the_fast_path(make_settings, tmp_path, spy):
    answers = {}
    for fast in (True, False):
        s = make_settings(data_dir=tmp_path / f"rl{fast}", rate_limit_user="2/minute")
        async with _client(s, fast) as c:
            rs = [await _send(c, "POST", "/analyze/sms", {**JSON, **auth(_tok("rl-user"))}, json.dumps(SMS).encode())
                  for _ in range(3)]
        # the retry delay depends on the second the window is at: compare the rest
        answers[fast] = [(r.status_code, (r.json().get("error") or {}).get("code"),
                          (r.json().get("error") or {}).get("message", "").split(";")[0],
                          r.headers.get("retry-after") is not None) for r in rs]
    assert [a[0] for a in answers[True]] == [200, 200, 429]
    assert answers[True] == answers[False]
    assert len(spy) == 3


async def test_fast_path_keeps_headers_metrics_and_history(make_settings, tmp_path, spy):
    async with _client(make_settings(data_dir=tmp_path / "m"), True) as c:
        tok = _tok("metrics-user")
        r = await _send(c, "POST", "/analyze/sms", {**JSON, **auth(tok)}, json.dumps(SMS).encode())
        assert r.status_code == 200 and len(spy) == 1
        for name in ("x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy"):
            assert r.headers.get(name), name
        assert r.headers["content-type"] == "application/json"
        metrics = (await c.get("/metrics")).text
        assert 'scamshield_http_requests_total{method="POST",route="/analyze/sms",status="200"} 1.0' in metrics
        assert 'scamshield_verdicts_total{kind="sms"' in metrics
        history = (await c.get("/history", headers=auth(tok))).json()
        ids = json.dumps(history)
        assert r.json()["analysis_id"] in ids, "the analysis is recorded in the caller's history"


ASSESS = [
    ("sms", {"message": "Your KYC is pending. Update now: bit.ly/kyc123 or pay to refund.desk@ybl"}),
    ("sms", {"message": "Install AnyDesk and share the code, sir. Call +91 98123 45678", "sender": "+919812345678"}),
    ("sms", {"message": "123456 is your OTP for txn of Rs 500.00 at AMAZON. Do not share it - HDFC Bank",
             "sender": "AD-HDFCBK"}),
    ("url", {"url": "https://pаytm.com/login"}),
    ("url", {"url": "http://192.168.1.100/bank/login?acct=1"}),
    ("qr", {"qr_data": "upi://pay?pa=9876543210@paytm&pn=Refund%20Dept&am=15000&tn=Scan%20to%20receive%20refund"}),
    ("transaction", {"transaction": {"amount": "60000.50", "recipient_upi": "9876543210@weird", "transaction_note": "urgent"}}),
]


@pytest.mark.parametrize("kind,payload", ASSESS, ids=[f"{k}{i}" for i, (k, _) in enumerate(ASSESS)])
async def test_rendered_response_is_the_models_json(client, token, kind, payload):
    """``render`` skips response validation: what it writes must be exactly what validating with ``AssessmentOut``
    and dumping would give (same keys, order, types, values)."""
    r = await client.post(f"/analyze/{kind}", json=payload, headers=auth(token()))
    assert r.status_code == 200, r.text
    body = r.json()
    model = AssessmentOut.model_validate(body)
    assert list(body) == list(json.loads(model.model_dump_json()))
    assert body == json.loads(model.model_dump_json())
    assert r.content == model.model_dump_json().encode()


async def test_render_matches_the_model_on_odd_evidence():
    from decimal import Decimal

    from scamshield.engine.types import Assessment, Signal

    a = Assessment("sms", [Signal("s1", 12, "m", {"amount": Decimal("12.50"), "hits": ("a", "b"), "f": float("nan")}),
                           Signal("s2", -3.333, "m2", {}, "PHISHING_LINK")],
                   extracted={"links": [{"registered_domain": "x.in"}], "inf": float("inf")})
    rendered = analyze_routes.render("ab" * 16, a).body
    model = AssessmentOut.model_validate({"analysis_id": "ab" * 16, **a.as_dict()})
    assert rendered == model.model_dump_json().encode()


async def test_echo_reference_route_only_in_development(make_settings, tmp_path, spy):
    body = json.dumps(SMS).encode()
    async with _client(make_settings(data_dir=tmp_path / "t"), True) as c:
        r = await _send(c, "POST", "/api/debug/echo", {**JSON, **auth(_tok())}, body)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        assert "/api/debug/echo" not in (await c.get("/openapi.json")).json()["paths"]
    for fast in (True, False):
        async with _client(make_settings(env="development", data_dir=tmp_path / f"d{fast}"), fast) as c:
            r = await _send(c, "POST", "/api/debug/echo", {**JSON, **auth(_tok())}, body)
            assert r.status_code == 200 and r.json() == {"accepted": True, "chars": len(SMS["message"])}
            r = await _send(c, "POST", "/api/debug/echo", JSON, body)
            assert r.status_code == 401 and r.json()["error"]["code"] == "missing_token"
            r = await _send(c, "POST", "/api/debug/echo", {**JSON, **auth(_tok())}, b'{"message": ""}')
            assert r.status_code == 422
    assert len(spy) == 2  # the two well-formed echo requests on the fast-path app


async def test_chunked_bodies_are_counted_against_the_cap(pair, spy):
    """No Content-Length (chunked upload): the body is counted as it arrives; over the cap is 413 on both apps."""

    async def chunks(total: int):
        head = b'{"message": "'
        yield head
        left = total - len(head) - 2
        while left > 0:
            n = min(8192, left)
            yield b"a" * n
            left -= n
        yield b'"}'

    for c in pair:
        r = await c.post("/analyze/sms", content=chunks(70_000), headers={**JSON, **auth(_tok())})
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large", (c is pair[0], r.text[:200])
        r = await c.post("/analyze/sms", content=chunks(3_000), headers={**JSON, **auth(_tok())})
        assert r.status_code == 200, r.text[:200]
    assert len(spy) == 1  # the small chunked body on the fast-path app

"""Optional LLM judge against a local fake OpenAI-compatible server: strict JSON, timeout, fallback, escalation only."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp import web

from scamshield.engine.conversation import ConversationDetector
from scamshield.services.llm_judge import LLMJudge, parse_verdict
from tests.conftest import auth
from tests.support.realtime import SBI_CALL


@pytest.mark.parametrize("content,expected", [
    ('{"is_scam": true, "fraud_type": "OTP_THEFT", "risk_score": 88, "reasons": ["asks for OTP"]}',
     (True, "OTP_THEFT", 88)),
    ('```json\n{"is_scam": false, "fraud_type": null, "risk_score": 3, "reasons": []}\n```', (False, None, 3)),
    ('Sure! {"is_scam": true, "fraud_type": "MADE_UP", "risk_score": 140}', (True, "GENERIC_SCAM", 100)),
    ('{"is_scam": "yes", "risk_score": 50}', None),
    ('{"is_scam": true, "risk_score": "high"}', None),
    ('{"is_scam": true, "risk_score": true}', None),
    ("I think it is a scam", None),
    ("", None),
])
def test_parse_verdict_is_strict(content, expected):
    v = parse_verdict(content)
    assert (None if v is None else (v.is_scam, v.fraud_type, v.risk_score)) == expected


class FakeLLM:
    """A tiny OpenAI-compatible chat-completions server."""

    def __init__(self) -> None:
        self.reply = {"is_scam": True, "fraud_type": "BANK_KYC_IMPERSONATION", "risk_score": 95,
                      "reasons": ["Impersonates the bank and threatens to block the account"]}
        self.delay = 0.0
        self.status = 200
        self.requests: list[dict] = []
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append({"body": body, "auth": request.headers.get("Authorization")})
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.json_response({"error": "boom"}, status=self.status)
        content = self.reply if isinstance(self.reply, str) else json.dumps(self.reply)
        return web.json_response({"choices": [{"message": {"role": "assistant", "content": content}}]})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self.handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/v1"

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()


@pytest.fixture
async def llm():
    fake = FakeLLM()
    await fake.start()
    yield fake
    await fake.stop()


async def test_judge_client_timeout_and_errors_fall_back(llm):
    judge = LLMJudge(llm.url, "test-model", "sk-test", timeout=0.3)
    try:
        v = await judge.judge("caller: your KYC expired")
        assert v is not None and v.is_scam and v.risk_score == 95
        sent = llm.requests[-1]
        assert sent["auth"] == "Bearer sk-test" and sent["body"]["model"] == "test-model"
        assert sent["body"]["response_format"] == {"type": "json_object"}
        llm.delay = 1.0
        assert await judge.judge("x") is None  # timeout -> local detector only
        llm.delay, llm.status = 0.0, 500
        assert await judge.judge("x") is None
        llm.status, llm.reply = 200, "not json at all"
        assert await judge.judge("x") is None
    finally:
        await judge.close()
    unreachable = LLMJudge("http://127.0.0.1:9/v1", "m", timeout=0.3)
    assert await unreachable.judge("x") is None
    await unreachable.close()


@pytest.fixture
async def judged_app(llm, make_settings):
    from asgi_lifespan import LifespanManager

    from scamshield.api.app import create_app

    app = create_app(make_settings(llm_base_url=llm.url, llm_model="test-model", llm_timeout_seconds=1.0))
    async with LifespanManager(app, startup_timeout=60):
        # A local detector that never alerts below 99, so only the judge can raise this call's alert.
        app.state.ctx.extras["calls"].detector = ConversationDetector(alert_threshold=99)
        yield app


async def post(app, tok, call_sid, text, seq):
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        r = await c.post(f"/api/calls/{call_sid}/transcript", json={"text": text, "sequence": seq}, headers=auth(tok))
        assert r.status_code == 200, r.text
        return r.json()


async def stored_alerts(app, user):
    from scamshield.store import alerts as alert_store

    async with app.state.ctx.db.session() as s:
        return list(await alert_store.alerts_since(s, user, 0))


async def test_judge_escalates_a_suspicious_call(judged_app, llm, token):
    calls = judged_app.state.ctx.extras["calls"]
    r = await post(judged_app, token("alice"), "CA-judge", SBI_CALL[1], 0)
    assert r["alert"] is None and r["risk_score"] >= 25  # local: suspicious, below its alert threshold
    await calls.drain()
    alerts = await stored_alerts(judged_app, "alice")
    assert len(alerts) == 1 and alerts[0].fraud_type == "BANK_KYC_IMPERSONATION" and alerts[0].risk_level == "critical"
    assert llm.requests and "KYC" in llm.requests[-1]["body"]["messages"][1]["content"]
    # the same level is not alerted twice
    await post(judged_app, token("alice"), "CA-judge", SBI_CALL[2], 1)
    await calls.drain()
    assert len(await stored_alerts(judged_app, "alice")) == 1


async def test_judge_failure_keeps_local_decision(judged_app, llm, token):
    calls = judged_app.state.ctx.extras["calls"]
    llm.status = 503
    r = await post(judged_app, token("bob"), "CA-judge-down", SBI_CALL[1], 0)
    await calls.drain()
    assert r["alert"] is None and await stored_alerts(judged_app, "bob") == []


async def test_judge_not_asked_about_quiet_calls(judged_app, llm, token):
    calls = judged_app.state.ctx.extras["calls"]
    await post(judged_app, token("carol"), "CA-quiet", "Hi Riya, are we still on for lunch tomorrow?", 0)
    await calls.drain()
    assert llm.requests == []


async def test_judge_queue_is_bounded_one_per_call(make_settings, monkeypatch):
    """Bursts of suspicious segments never grow the judge's backlog without bound: one consultation per call at a
    time (later requests fold into one re-run), at most _JUDGE_MAX_PENDING calls, the rest dropped."""
    from scamshield.services import calls as calls_mod
    from scamshield.services.calls import CallService

    monkeypatch.setattr(calls_mod, "_JUDGE_MAX_PENDING", 3)
    svc = CallService(None, None, None, make_settings(), judge=object())  # type: ignore[arg-type]
    release = asyncio.Event()
    runs: list[str] = []

    async def consult(call_sid, source, queued_at=None):
        runs.append(call_sid)
        await release.wait()

    monkeypatch.setattr(svc, "_consult_judge", consult)
    for _ in range(50):  # one chatty call: one consultation in flight, one re-run queued
        svc._request_judge("CA-1", "api")
    for n in range(2, 10):  # many calls: only up to the bound
        svc._request_judge(f"CA-{n}", "api")
    await asyncio.sleep(0.05)
    assert len(svc._background) == 3 and svc.judge_dropped == 6  # CA-4..CA-9
    assert sorted(runs) == ["CA-1", "CA-2", "CA-3"]  # the 50 requests before it started: one consultation
    for _ in range(5):  # newer context while CA-1 is being judged: folded into one re-run
        svc._request_judge("CA-1", "api")
    release.set()
    await svc.drain(2)
    assert runs.count("CA-1") == 2 and not svc._background and not svc._judge_pending


async def test_judge_alert_respects_the_owners_preferences(judged_app, llm, token):
    import httpx

    calls = judged_app.state.ctx.extras["calls"]
    tok = token("erin")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=judged_app), base_url="http://t") as c:
        r = await c.put("/settings", json={"notifications": {"call_alerts": False}}, headers=auth(tok))
        assert r.status_code == 200, r.text
    await post(judged_app, tok, "CA-judge-pref", SBI_CALL[1], 0)
    await calls.drain()
    assert llm.requests  # the judge was asked and said scam, but erin turned call alerts off
    assert await stored_alerts(judged_app, "erin") == []

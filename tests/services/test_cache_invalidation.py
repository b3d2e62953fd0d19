"""Per-user caches (settings, feedback verdicts) stay consistent across instances: a write through one instance
invalidates the caches of every other through the broker's ``control`` channel, long before the TTL.

Two in-process apps share one database and one Redis (the default ``scamshield:`` prefix, as in
tests/e2e/test_multi_instance.py: user ids are random so parallel runs cannot interfere). The caches' TTL is set to
an hour, so only a notice can explain a change seen on the other instance within seconds; a write straight into the
database (no notice) is the near miss that must stay unseen there.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any, Awaitable, Callable

import httpx
import pytest
from asgi_lifespan import LifespanManager

from scamshield.store import feedback as feedback_store
from scamshield.store import users as user_store
from tests.api.ledger_helpers import codes
from tests.conftest import auth

pytestmark = [pytest.mark.redis, pytest.mark.timeout(120)]

LONG_TTL = 3600.0
NOTICE_DEADLINE = 2.0  # seconds; the notice takes a broker round trip (~1 ms), the TTL is an hour
MSG = "Please update your PAN card details at the branch"  # a low, non-zero score: thresholds move its level
LINK_MSG = "Your parcel is held, pay the customs fee at http://parcel-fee-desk.example-pay.com today"
STRICT = {"risk_thresholds": {"medium": 2, "high": 3, "critical": 4}}


async def sms(client: httpx.AsyncClient, tok: str, message: str = MSG) -> dict[str, Any]:
    r = await client.post("/analyze/sms", json={"message": message}, headers=auth(tok))
    assert r.status_code == 200, r.text
    return r.json()


async def within(deadline: float, probe: Callable[[], Awaitable[bool]]) -> float:
    """Seconds until ``probe()`` is true (polled); fails after ``deadline`` seconds."""
    started = time.monotonic()
    while not await probe():
        if time.monotonic() - started > deadline:
            raise AssertionError(f"not seen within {deadline} s")
        await asyncio.sleep(0.01)
    return time.monotonic() - started


@pytest.fixture
async def pair(make_settings, redis_url, tmp_path):
    from scamshield.api.app import create_app

    shared = make_settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}", redis_url=redis_url,
                           user_cache_ttl_seconds=LONG_TTL)
    a_app, b_app = create_app(shared), create_app(shared)
    async with LifespanManager(a_app, startup_timeout=60), LifespanManager(b_app, startup_timeout=60):
        a = httpx.AsyncClient(transport=httpx.ASGITransport(app=a_app), base_url="http://a")
        b = httpx.AsyncClient(transport=httpx.ASGITransport(app=b_app), base_url="http://b")
        try:
            yield a_app, b_app, a, b
        finally:
            await a.aclose()
            await b.aclose()


def user() -> str:
    return "u" + uuid.uuid4().hex[:16]


async def test_long_ttl_is_configured(pair):
    a_app, b_app, _, _ = pair
    for app in (a_app, b_app):
        analysis = app.state.ctx.extras["analysis"]
        assert analysis.prefs.ttl == LONG_TTL and analysis.enrichers[0].feedback.ttl == LONG_TTL


async def test_settings_changed_on_a_apply_on_b_at_once_and_a_direct_db_write_does_not(pair, token):
    a_app, b_app, a, b = pair
    uid = user()
    tok = token(uid)
    before = await sms(b, tok)  # B caches the user's settings (defaults)
    assert 4 <= before["risk_score"] < 75 and before["risk_level"] != "critical"

    # Near miss: the same change written straight into the database sends no notice -> B keeps its cached copy.
    async with b_app.state.ctx.db.transaction() as s:
        await user_store.put_settings(s, uid, STRICT)
    await asyncio.sleep(0.3)
    assert (await sms(b, tok))["risk_level"] == before["risk_level"]
    async with b_app.state.ctx.db.transaction() as s:
        await user_store.put_settings(s, uid, {})

    # The real write, through A: B applies it within a broker round trip, with an hour-long TTL.
    assert (await a.put("/settings", json=STRICT, headers=auth(tok))).status_code == 200

    async def b_is_strict() -> bool:
        return (await sms(b, tok))["risk_level"] == "critical"

    took = await within(NOTICE_DEADLINE, b_is_strict)
    assert took < NOTICE_DEADLINE
    assert b_app.state.ctx.extras["hub"].user_changed_received >= 1

    # And back: loosening on B is seen on A.
    assert (await a.get("/settings", headers=auth(tok))).json()["risk_thresholds"]["critical"] == 4
    await sms(a, tok)
    assert (await b.put("/settings", json={"risk_thresholds": {"medium": 25, "high": 50, "critical": 75}},
                        headers=auth(tok))).status_code == 200

    async def a_is_default() -> bool:
        return (await sms(a, tok))["risk_level"] == before["risk_level"]

    await within(NOTICE_DEADLINE, a_is_default)


async def test_feedback_given_on_a_applies_on_b_at_once_and_another_users_cache_is_kept(pair, token):
    a_app, b_app, a, b = pair
    uid, other = user(), user()
    tok, other_tok = token(uid), token(other)
    first = await sms(b, tok, LINK_MSG)
    assert "user_blocklist" not in codes(first)
    await sms(b, other_tok, LINK_MSG)
    b_feedback = b_app.state.ctx.extras["analysis"].enrichers[0].feedback
    assert b_feedback.peek(other) is not None  # loaded (the other user has no verdicts: an empty dict)

    # Near miss: the other user's verdict written straight into the database is not seen on B (cached, no notice).
    async with b_app.state.ctx.db.transaction() as s:
        await feedback_store.put_feedback(s, other, "domain", "example-pay.com", "fraud")
    r = await a.post("/feedback", json={"entity_type": "domain", "entity_id": "example-pay.com", "verdict": "fraud"},
                     headers=auth(tok))
    assert r.status_code == 200, r.text

    async def b_blocks() -> bool:
        return "user_blocklist" in codes(await sms(b, tok, LINK_MSG))

    await within(NOTICE_DEADLINE, b_blocks)
    # The notice named only the writer: the other user's entry on B was not dropped (still the stale empty copy).
    assert "user_blocklist" not in codes(await sms(b, other_tok, LINK_MSG))


async def test_after_a_broker_outage_every_cached_user_is_dropped(pair, token):
    """Notices published while B's subscriber was away are lost: on re-subscription B forgets every user."""
    a_app, b_app, a, b = pair
    uid = user()
    tok = token(uid)
    before = await sms(b, tok)
    async with b_app.state.ctx.db.transaction() as s:  # a change whose notice B never heard
        await user_store.put_settings(s, uid, STRICT)
    assert (await sms(b, tok))["risk_level"] == before["risk_level"]
    await b_app.state.ctx.extras["hub"]._on_resubscribed()  # what the Redis broker calls after reconnecting
    assert (await sms(b, tok))["risk_level"] == "critical"

"""Two real server processes on one PostgreSQL database and one Redis: a user's settings or feedback written through
instance A are honoured by analyses on instance B at once, although B caches them per user.

Both instances run with ``SCAMSHIELD_USER_CACHE_TTL_SECONDS=3600``: B's cached copy would be served for an hour, so
only A's ``user_changed`` notice (the hub's ``control`` channel on Redis) can explain B applying the change within
seconds. The near miss -- the same change written straight into PostgreSQL, which sends no notice -- must stay unseen
on B. Isolation from other runs sharing the Redis: default prefix and random user ids, as tests/e2e/test_multi_instance.py.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any, AsyncIterator, Awaitable, Callable, Iterator

import httpx
import pytest

from scamshield.auth import mint_token
from scamshield.settings import Settings
from scamshield.store import users as user_store
from scamshield.store.session import Database
from tests.support.server import ServerGroup, ServerProcess
from tests.support.services import create_pg_database, drop_pg_database, require_redis

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis, pytest.mark.timeout(180)]

SECRET = "e2e-cache-" + "k" * 40
LONG_TTL = "3600"
NOTICE_DEADLINE = 2.0  # seconds: a notice is one Redis round trip; the TTL is an hour
MSG = "Please update your PAN card details at the branch"  # a low, non-zero score: the thresholds move its level
LINK_MSG = "Your parcel is held, pay the customs fee at http://parcel-fee-desk.example-pay.com today"
STRICT = {"risk_thresholds": {"medium": 2, "high": 3, "critical": 4}}


def bearer(user_id: str) -> dict[str, str]:
    tok = mint_token(Settings(jwt_secret=SECRET, env="test"), user_id, ttl_seconds=3600)
    return {"Authorization": f"Bearer {tok}"}


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Iterator[ServerGroup]:
    redis_url = require_redis()
    db_url = create_pg_database()
    p = ServerGroup(db_url, redis_url, tmp_path_factory.mktemp("cache"), SECRET,
                    {"SCAMSHIELD_USER_CACHE_TTL_SECONDS": LONG_TTL})
    try:
        p.start("a")  # one after the other: the first applies the migrations
        p.start("b")
        yield p
    finally:
        p.stop()
        drop_pg_database(db_url)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=20) as c:
        yield c


@pytest.fixture
async def db(pair: ServerGroup) -> AsyncIterator[Database]:
    database = Database(pair.db_url)
    yield database
    await database.dispose()


async def sms(http: httpx.AsyncClient, server: ServerProcess, uid: str, message: str = MSG) -> dict[str, Any]:
    r = await http.post(server.base_url + "/analyze/sms", json={"message": message}, headers=bearer(uid))
    assert r.status_code == 200, r.text
    return r.json()


def codes(result: dict[str, Any]) -> set[str]:
    return {s["code"] for s in result["signals"]}


async def within(deadline: float, probe: Callable[[], Awaitable[bool]]) -> float:
    started = time.monotonic()
    while not await probe():
        if time.monotonic() - started > deadline:
            raise AssertionError(f"not seen within {deadline} s")
        await asyncio.sleep(0.01)
    return time.monotonic() - started


async def test_settings_changed_through_a_are_honoured_by_analyses_on_b(pair, http, db):
    a, b = pair.servers
    uid = "u" + uuid.uuid4().hex[:16]
    before = await sms(http, b, uid)  # B loads and caches the user's (default) settings
    assert 4 <= before["risk_score"] < 75 and before["risk_level"] != "critical"
    assert (await sms(http, a, uid))["risk_level"] == before["risk_level"]  # A caches them too

    # Near miss: the change written straight into PostgreSQL sends no notice: both instances keep their copies.
    async with db.transaction() as s:
        await user_store.put_settings(s, uid, STRICT)
    await asyncio.sleep(0.5)
    assert (await sms(http, b, uid))["risk_level"] == before["risk_level"]
    async with db.transaction() as s:
        await user_store.put_settings(s, uid, {})

    # The same change made through A's API: B applies it within a broker round trip.
    r = await http.put(a.base_url + "/settings", json=STRICT, headers=bearer(uid))
    assert r.status_code == 200, r.text

    async def strict_on_b() -> bool:
        return (await sms(http, b, uid))["risk_level"] == "critical"

    took = await within(NOTICE_DEADLINE, strict_on_b)
    assert (await sms(http, a, uid))["risk_level"] == "critical"
    print(f"settings change through A honoured on B after {took * 1000:.0f} ms (TTL {LONG_TTL} s)")


async def test_feedback_given_through_b_is_honoured_by_analyses_on_a(pair, http):
    a, b = pair.servers
    uid = "u" + uuid.uuid4().hex[:16]
    assert "user_blocklist" not in codes(await sms(http, a, uid, LINK_MSG))  # A caches the user's (no) verdicts
    r = await http.post(b.base_url + "/feedback", headers=bearer(uid),
                        json={"entity_type": "domain", "entity_id": "example-pay.com", "verdict": "fraud"})
    assert r.status_code == 200, r.text

    async def blocked_on_a() -> bool:
        return "user_blocklist" in codes(await sms(http, a, uid, LINK_MSG))

    await within(NOTICE_DEADLINE, blocked_on_a)
    # B now caches the 'fraud' verdict; marked safe through A, B drops it just as fast.
    assert "user_blocklist" in codes(await sms(http, b, uid, LINK_MSG))
    r = await http.post(a.base_url + "/feedback", headers=bearer(uid),
                        json={"entity_type": "domain", "entity_id": "example-pay.com", "verdict": "safe"})
    assert r.status_code == 200, r.text

    async def safe_on_b() -> bool:
        found = codes(await sms(http, b, uid, LINK_MSG))
        return "user_blocklist" not in found and "user_marked_safe" in found

    await within(NOTICE_DEADLINE, safe_on_b)

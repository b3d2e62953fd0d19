"""``MemoryWindows`` (the in-process rate-limit counters) decides exactly as ``limits``' sliding window counter over
its memory storage: same allowed/refused sequence and the same reset time, on the same (simulated) clock."""

from __future__ import annotations

import random
import time

import pytest
from limits import parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from scamshield.api.ratelimit import Limiter, MemoryWindows, RateLimits


class Clock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


SCENARIOS = [
    # (limit, seed, mean gap between hits in seconds, hits, distinct keys)
    ("5/second", 1, 0.05, 400, 1),
    ("3/minute", 2, 7.0, 300, 2),
    ("120/minute", 3, 0.2, 1500, 3),
    ("10/minute", 4, 2.0, 600, 1),
    ("2/hour", 5, 600.0, 200, 2),
    ("600/minute", 6, 0.01, 3000, 1),
]


@pytest.mark.parametrize("limit,seed,gap,hits,keys", SCENARIOS, ids=[f"{s[0]}-{s[1]}" for s in SCENARIOS])
async def test_same_decisions_and_reset_times_as_limits(monkeypatch, limit, seed, gap, hits, keys):
    clock = Clock(1_763_000_000.0 + seed * 17.3)
    monkeypatch.setattr(time, "time", clock)
    item = parse(limit)
    reference = SlidingWindowCounterRateLimiter(MemoryStorage())
    mine = MemoryWindows()
    rnd = random.Random(seed)
    outcomes = {True: 0, False: 0}
    for _ in range(hits):
        clock.now += rnd.expovariate(1 / gap)
        key = f"k{rnd.randrange(keys)}"
        expected = await reference.hit(item, "user", key)
        got = mine.hit(("user", key), item.amount, item.get_expiry())
        assert got == expected, (clock.now, key)
        outcomes[got] += 1
        if not got:
            stats = await reference.get_window_stats(item, "user", key)
            assert mine.reset_time(("user", key), item.get_expiry()) == pytest.approx(stats.reset_time, abs=1e-6)
    assert outcomes[True] and outcomes[False], "the scenario must exercise both answers"


async def test_limiter_uses_memory_windows_and_reports_retry_after(monkeypatch):
    clock = Clock(1_763_000_000.0)
    monkeypatch.setattr(time, "time", clock)

    class S:
        rate_limit_ip = "off"
        rate_limit_user = "2/minute"
        rate_limit_service = "off"
        redis_url = None

    rl = RateLimits(S())
    assert rl.local is not None and rl.user.local is rl.local
    assert await rl.user.retry_after("bob") is None
    assert await rl.user.retry_after("bob") is None
    wait = await rl.user.retry_after("bob")
    assert wait is not None and 1 <= wait <= 60
    assert await rl.user.retry_after("carol") is None  # per key
    clock.now += 120  # both windows over
    assert await rl.user.retry_after("bob") is None
    await rl.reset()
    assert len(rl.local) == 0


def test_expired_counters_are_swept(monkeypatch):
    clock = Clock(1_763_000_000.0)
    monkeypatch.setattr(time, "time", clock)
    w = MemoryWindows()
    for i in range(1000):
        assert w.hit(("ip", f"10.0.{i // 250}.{i % 250}"), 5, 60)
    assert len(w) == 1000
    clock.now += 121  # past 2 * expiry of every counter
    for i in range(MemoryWindows.SWEEP_EVERY):
        w.hit(("ip", "192.0.2.1"), 10**9, 60)
    assert len(w) == 1, "only the live counter is left"


def test_given_storage_is_used_as_is():
    class S:
        rate_limit_ip = "1/minute"
        rate_limit_user = "off"
        rate_limit_service = "off"
        redis_url = None

    storage = MemoryStorage()
    rl = RateLimits(S(), storage=storage)
    assert rl.local is None and rl.storage is storage
    assert Limiter("ip", [], None).local is None  # type: ignore[arg-type]

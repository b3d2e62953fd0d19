"""TtlCache: expiry, LRU bound, single-flight loads, and no stale value stored by a load overtaken by a write."""

from __future__ import annotations

import asyncio

import pytest

from scamshield.services.users import TtlCache


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


async def test_entries_expire_after_ttl_and_lru_is_bounded():
    clock = Clock()
    cache = TtlCache[str, int](maxsize=2, ttl=10, clock=clock)
    loads: list[str] = []

    def loader(key: str, value: int):
        async def load() -> int:
            loads.append(key)
            return value
        return load

    assert await cache.get("a", loader("a", 1)) == 1
    assert await cache.get("a", loader("a", 2)) == 1  # cached
    clock.t = 9.9
    assert await cache.get("a", loader("a", 3)) == 1
    clock.t = 10.0
    assert await cache.get("a", loader("a", 4)) == 4  # expired: reloaded
    await cache.get("b", loader("b", 5))
    await cache.get("a", loader("a", 6))  # touch a: b is now the least recently used
    await cache.get("c", loader("c", 7))
    assert len(cache) == 2
    assert await cache.get("b", loader("b", 8)) == 8  # b was evicted
    assert loads == ["a", "a", "b", "c", "b"]


async def test_concurrent_misses_share_one_load_and_errors_are_not_cached():
    cache = TtlCache[str, int](maxsize=10, ttl=10)
    calls = 0
    gate = asyncio.Event()

    async def load() -> int:
        nonlocal calls
        calls += 1
        await gate.wait()
        return 42

    waiters = [asyncio.create_task(cache.get("k", load)) for _ in range(20)]
    await asyncio.sleep(0)
    waiters[0].cancel()  # a cancelled caller does not cancel the shared load
    gate.set()
    results = await asyncio.gather(*waiters[1:])
    assert results == [42] * 19 and calls == 1

    async def boom() -> int:
        raise RuntimeError("db down")

    with pytest.raises(RuntimeError):
        await cache.get("e", boom)
    assert await cache.get("e", load) == 42  # the failure was not cached


async def test_a_load_overtaken_by_an_invalidation_is_not_stored():
    cache = TtlCache[str, str](maxsize=10, ttl=60)
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_old() -> str:
        started.set()
        await release.wait()
        return "old"

    first = asyncio.create_task(cache.get("u", slow_old))
    await started.wait()
    cache.invalidate("u")  # the write committed while the old value was being read

    async def new() -> str:
        return "new"

    assert await cache.get("u", new) == "new"
    release.set()
    assert await first == "old"  # that caller started before the write
    assert await cache.get("u", new) == "new"  # and the old value never replaced the new one

"""A settings / feedback write answers only once its ``user_changed`` notice has been handed to the broker (bounded by
``ANNOUNCE_WAIT_SECONDS``), so a client that reads through another instance right after the response does not race
the notice. The bus here is a small in-test ``ChangeBus`` whose publication takes a controlled time: the real Redis
path is covered by tests/services/test_cache_invalidation.py and tests/e2e/test_cache_invalidation_multi.py."""

from __future__ import annotations

import asyncio
import time
from typing import Callable

from scamshield.metrics import Metrics
from scamshield.services.analysis import AnalysisService


class SlowBus:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.published: list[str] = []

    def on_user_changed(self, listener: Callable[[str], None]) -> None:
        pass

    def on_resync(self, listener: Callable[[], None]) -> None:
        pass

    async def announce_user_changed(self, user_id: str) -> None:
        await asyncio.sleep(self.delay)
        self.published.append(user_id)


async def test_write_waits_for_the_notice_to_be_published(sqlite_db):
    svc = AnalysisService(sqlite_db, Metrics())
    bus = SlowBus(0.05)
    svc.share_changes(bus)
    await svc.user_changed_announced("alice")
    assert bus.published == ["alice"]


async def test_plain_user_changed_does_not_wait(sqlite_db):
    svc = AnalysisService(sqlite_db, Metrics())
    bus = SlowBus(0.05)
    svc.share_changes(bus)
    task = svc.user_changed("alice")
    assert task is not None and bus.published == []
    await task
    assert bus.published == ["alice"]


async def test_a_stuck_broker_delays_the_write_only_by_the_bound_and_the_notice_still_goes_out(sqlite_db):
    svc = AnalysisService(sqlite_db, Metrics())
    bus = SlowBus(0.4)
    svc.share_changes(bus)
    started = time.monotonic()
    await svc.user_changed_announced("alice", timeout=0.05)
    assert time.monotonic() - started < 0.35 and bus.published == []
    await asyncio.sleep(0.5)
    assert bus.published == ["alice"]  # not cancelled by the timeout


async def test_without_a_shared_bus_nothing_is_awaited(sqlite_db):
    svc = AnalysisService(sqlite_db, Metrics())
    assert svc.user_changed("alice") is None
    await svc.user_changed_announced("alice")

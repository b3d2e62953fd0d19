"""Write-behind analysis history: batches, read-your-writes, backpressure, failures, drain on stop."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from scamshield.services import analysis as analysis_mod
from scamshield.services.analysis import HistoryWriter
from scamshield.store import history as history_store
from scamshield.store.base import new_id, utcnow
from scamshield.store.models import Analysis


def row(user_id: str = "alice", **extra) -> dict:
    return {"id": new_id(), "user_id": user_id, "kind": "sms", "subject": None, "risk_score": 10,
            "risk_level": "low", "is_safe": True, "fraud_types": [], "signal_codes": ["x"], "created_at": utcnow(),
            **extra}


async def count(db, user_id: str | None = None) -> int:
    q = select(func.count()).select_from(Analysis)
    if user_id is not None:
        q = q.where(Analysis.user_id == user_id)
    async with db.session() as s:
        return int((await s.execute(q)).scalar_one())


async def test_rows_are_written_in_batches_within_the_interval(db):
    w = HistoryWriter(db, interval=0.05, batch_size=200)
    w.start()
    try:
        for i in range(450):
            await w.add(row("alice" if i % 2 else "bob"))
        assert w.pending > 0  # nothing was written on the request path
        deadline = asyncio.get_running_loop().time() + 10
        while w.pending and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)
        assert w.pending == 0 and w.written == 450
        assert w.batches <= 5, w.batches  # 200 + 200 + 50 (a slow machine may split the tail once or twice)
        assert await count(db) == 450
    finally:
        await w.stop()


async def test_reader_sees_its_own_rows_at_once(db):
    w = HistoryWriter(db, interval=30.0, batch_size=1000)  # the timer alone would wait 30 s
    w.start()
    try:
        mine = row("alice")
        await w.add(mine)
        await w.add(row("bob"))
        assert w.pending_for("alice") and not w.pending_for("carol")
        t0 = asyncio.get_running_loop().time()
        assert await w.wait_for_user("alice") is True
        assert asyncio.get_running_loop().time() - t0 < 5
        async with db.session() as s:
            got = await history_store.get_analysis(s, "alice", mine["id"])
        assert got is not None and got.signal_codes == ["x"]
        assert not w.pending_for("alice") and await w.wait_for_user("carol") is True
    finally:
        await w.stop()


async def test_full_queue_applies_backpressure_and_never_drops(sqlite_db, monkeypatch):
    db = sqlite_db
    gate = asyncio.Event()
    real = history_store.insert_analyses

    async def slow_insert(session, rows):
        await gate.wait()
        await real(session, rows)

    monkeypatch.setattr(analysis_mod.history_store, "insert_analyses", slow_insert)
    w = HistoryWriter(db, interval=0.001, batch_size=5, capacity=10)
    w.start()
    try:
        for _ in range(10):
            await w.add(row())
        blocked = asyncio.create_task(w.add(row()))
        await asyncio.sleep(0.2)
        assert not blocked.done(), "an add beyond capacity must wait"
        assert w.pending == 10
        gate.set()
        await asyncio.wait_for(blocked, 10)
        assert await w.flush() is True
        assert w.written == 11 and w.dropped == 0 and await count(db) == 11
    finally:
        gate.set()
        await w.stop()


async def test_transient_errors_are_retried_and_bad_rows_dropped_with_a_count(sqlite_db, monkeypatch, caplog):
    db = sqlite_db
    real = history_store.insert_analyses
    failures = {"left": 2}

    async def flaky(session, rows):
        if failures["left"]:
            failures["left"] -= 1
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        await real(session, rows)

    monkeypatch.setattr(analysis_mod.history_store, "insert_analyses", flaky)
    w = HistoryWriter(db, interval=0.001, batch_size=50)
    w.start()
    try:
        good = [row("alice") for _ in range(3)]
        orphan = row("nobody-such-user")  # violates the foreign key: refused by the database
        for r in (good[0], orphan, *good[1:]):
            await w.add(r)
        w.wait_timeout = 15
        assert await w.flush() is True
        assert w.written == 3 and w.dropped == 1
        assert await count(db, "alice") == 3 and await count(db, "nobody-such-user") == 0
        assert "dropped" in caplog.text and "retrying" in caplog.text
    finally:
        await w.stop()


async def test_stop_drains_the_queue_and_later_rows_are_written_directly(db):
    w = HistoryWriter(db, interval=60.0, batch_size=1000)
    w.start()
    for _ in range(25):
        await w.add(row("carol"))
    assert await count(db, "carol") == 0
    await w.stop()
    assert w.pending == 0 and await count(db, "carol") == 25
    await w.add(row("carol"))  # not running: written in its own transaction
    assert await count(db, "carol") == 26


@pytest.mark.parametrize("interval", [0.02])
async def test_wait_times_out_instead_of_hanging_when_the_database_is_stuck(sqlite_db, monkeypatch, interval):
    gate = asyncio.Event()

    async def stuck(session, rows):
        await gate.wait()

    monkeypatch.setattr(analysis_mod.history_store, "insert_analyses", stuck)
    w = HistoryWriter(sqlite_db, interval=interval, wait_timeout=0.2, stop_timeout=0.5)
    w.start()
    await w.add(row())
    assert await w.wait_for_user("alice") is False
    await w.stop()  # gives up after stop_timeout and says how many rows were lost
    assert w.pending == 1

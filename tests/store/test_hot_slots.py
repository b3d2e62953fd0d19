"""PostgreSQL hot transactions: at most ``pool_size`` at once per process (no overflow connection churn under load),
and a wait for a slot is bounded like a pool checkout (the same TimeoutError -> 503 storage_unavailable)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import TimeoutError as PoolTimeout

from scamshield.api.errors import is_transient_storage_error
from scamshield.store.session import Database


async def test_concurrent_hot_transactions_stay_within_the_pool(pg_url):
    db = Database(pg_url, pool_size=2, max_overflow=20, pool_timeout=5)
    connects: list[int] = []
    event.listen(db.engine.sync_engine, "connect", lambda *_: connects.append(1))
    inside = [0, 0]  # now, most

    def step(conn):
        conn.execute(text("SELECT pg_sleep(0.01)"))

    async def one() -> None:
        async with db.hot_transaction() as tx:
            inside[0] += 1
            inside[1] = max(inside)
            await tx.run(step)
            inside[0] -= 1

    try:
        await asyncio.gather(*(one() for _ in range(20)))
        assert inside[1] == 2  # queued for a slot, not on overflow connections
        assert len(connects) == 2
    finally:
        await db.dispose()


async def test_waiting_for_a_slot_is_bounded_and_transient(pg_url):
    db = Database(pg_url, pool_size=1, max_overflow=5, pool_timeout=0.2)
    held = asyncio.Event()
    release = asyncio.Event()

    async def holder() -> None:
        async with db.hot_transaction():
            held.set()
            await release.wait()

    task = asyncio.create_task(holder())
    try:
        await held.wait()
        with pytest.raises(PoolTimeout) as exc:
            async with db.hot_transaction():
                pass
        assert is_transient_storage_error(exc.value)
        async with db.session() as s:  # other paths still get (overflow) connections meanwhile
            assert (await s.execute(text("SELECT 1"))).scalar_one() == 1
    finally:
        release.set()
        await task
        await db.dispose()
    db2 = Database(pg_url, pool_size=1, max_overflow=0, pool_timeout=0.2)
    try:
        async with db2.hot_transaction() as tx:  # a freed slot is reused
            await tx.run(lambda c: c.execute(text("SELECT 1")))
        async with db2.hot_transaction() as tx:
            await tx.run(lambda c: c.execute(text("SELECT 1")))
    finally:
        await db2.dispose()


async def test_sessions_get_connections_in_arrival_order(pg_url):
    """A session that waits for a connection is not overtaken by one that asks later. The async pool alone lets a
    request that runs between a connection's return and the waiter's wake-up take it (and the waiter queues again
    at the back): under a burst of associations one could wait past the pool timeout (503)."""
    db = Database(pg_url, pool_size=1, max_overflow=0, pool_timeout=5)
    served: list[str] = []
    loop = asyncio.get_running_loop()
    late: list[asyncio.Task] = []

    async def use(name: str, hold: float = 0.0) -> None:
        async with db.transaction() as s:
            await s.execute(text("SELECT 1"))
            served.append(name)
            await asyncio.sleep(hold)

    def on_checkin(*_args) -> None:  # a new request arrives just as the connection goes back to the pool
        if not late:
            late.append(loop.create_task(use("late")))

    try:
        holder = asyncio.create_task(use("holder", hold=0.2))
        await asyncio.sleep(0.1)
        waiter = asyncio.create_task(use("waiter"))
        await asyncio.sleep(0.05)  # waiting for the connection now
        event.listen(db.engine.sync_engine.pool, "checkin", on_checkin)
        await asyncio.gather(holder, waiter)
        await asyncio.gather(*late)
        assert served == ["holder", "waiter", "late"]
    finally:
        await db.dispose()


@pytest.mark.parametrize("waiting, arriving", [("session", "hot"), ("hot", "session")])
async def test_hot_transactions_queue_in_the_same_line_as_sessions(pg_url, waiting, arriving):
    """Hot transactions take their connection from the same pool as sessions, so they pass the same FIFO gate: a
    hot transaction arriving as a connection is returned does not take it from a session already waiting (nor a
    session from a waiting hot transaction). Without the gate on the hot path the late one overtook the waiter."""
    db = Database(pg_url, pool_size=1, max_overflow=0, pool_timeout=5)
    served: list[str] = []
    loop = asyncio.get_running_loop()
    late: list[asyncio.Task] = []

    async def use(kind: str, name: str, hold: float = 0.0) -> None:
        if kind == "hot":
            async with db.hot_transaction() as tx:
                await tx.run(lambda c: c.execute(text("SELECT 1")))
                served.append(name)
                await asyncio.sleep(hold)
        else:
            async with db.transaction() as s:
                await s.execute(text("SELECT 1"))
                served.append(name)
                await asyncio.sleep(hold)

    def on_checkin(*_args) -> None:
        if not late:
            late.append(loop.create_task(use(arriving, "late")))

    try:
        holder = asyncio.create_task(use("session", "holder", hold=0.2))
        await asyncio.sleep(0.1)
        waiter = asyncio.create_task(use(waiting, "waiter"))
        await asyncio.sleep(0.05)
        event.listen(db.engine.sync_engine.pool, "checkin", on_checkin)
        await asyncio.gather(holder, waiter)
        await asyncio.gather(*late)
        assert served == ["holder", "waiter", "late"]
    finally:
        await db.dispose()


async def test_a_hot_transaction_waits_for_slot_and_connection_within_one_pool_timeout(pg_url):
    """The slot wait and the connection wait share one ``pool_timeout`` (not one each), with the same transient
    error. A hot transaction holds the only slot for 0.5 s; sessions hold / queue for every connection."""
    db = Database(pg_url, pool_size=1, max_overflow=1, pool_timeout=1.0)
    loop = asyncio.get_running_loop()
    release = asyncio.Event()

    async def hot_holder() -> None:
        async with db.hot_transaction() as tx:
            await tx.run(lambda c: c.execute(text("SELECT 1")))
            await asyncio.sleep(0.5)

    async def session_holder() -> None:
        async with db.transaction() as s:
            await s.execute(text("SELECT 1"))
            await release.wait()

    tasks = [asyncio.create_task(hot_holder())]
    await asyncio.sleep(0.05)
    tasks += [asyncio.create_task(session_holder()) for _ in range(2)]  # one gets a connection, one queues first
    await asyncio.sleep(0.05)
    try:
        started = loop.time()
        with pytest.raises(PoolTimeout) as exc:
            async with db.hot_transaction():
                pass
        waited = loop.time() - started
        assert is_transient_storage_error(exc.value)
        assert 0.95 <= waited < 1.3  # 1.0 in all; ~0.4 (slot) + 1.0 (connection) if each wait had its own bound
    finally:
        release.set()
        await asyncio.gather(*tasks)
        await db.dispose()

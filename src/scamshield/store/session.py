"""Engine and session factory. SQLite gets WAL + busy timeout so several writers wait instead of failing.

**Write transactions of the hot path** (``Database.hot_transaction``): synchronous steps (``tx.run(fn, …)``, each
``fn(conn, …)`` doing only ``conn.execute`` and computation) in one transaction, with the caller free to do async
or pure work between steps (the ingestion path runs the detector there, on the loop).

- SQLite file: every step is ONE hop to a dedicated writer thread, on a synchronous pysqlite connection, and the
  commit rides on the last step's hop. Through aiosqlite every statement cost several thread hops (cursor, execute,
  fetch, close: each a queue put, a future and a loop wake-up) — most of a segment's CPU. Hot transactions of one
  process are serialised by an asyncio lock (SQLite has one writer anyway): no two compete for the write lock, and
  the writer thread never blocks on one while another waits for its next step. Only SQL runs in the writer thread
  (the detector stays on the loop): a CPU-bound second thread would make the loop wait for the GIL after each of
  its syscalls (the "convoy" effect: up to the 5 ms switch interval each time), which showed as loop stalls under
  load when the whole transaction, detector included, ran there. In-memory databases keep the async path.
- PostgreSQL: the steps run through ``AsyncConnection.run_sync`` (each statement awaits asyncpg on the loop).

**PostgreSQL pool: no pre-ping per checkout.** ``pool_pre_ping`` cost a round trip (and ~0.5 ms of CPU) on every
checkout, i.e. on every request. Instead: connections are recycled after ``PG_POOL_RECYCLE`` seconds (below any
server/proxy idle timeout worth having), a connection idle in the pool for more than ``PG_PING_IDLE_SECONDS`` is
pinged at checkout (a dead one is replaced transparently: ``DisconnectionError`` makes the pool retry with a new
connection), and a connection that dies while in use invalidates the pool (SQLAlchemy: every older connection is
replaced at its next checkout), so after a database restart at most the transactions in flight fail — the ingestion
path retries a segment once when its connection died before the commit (``services.calls``); other requests answer
500 once (Twilio retries, devices resend). Under load connections are never idle long enough to need the ping.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

T = TypeVar("T")

PG_POOL_SIZE = 10
PG_MAX_OVERFLOW = 20
PG_POOL_TIMEOUT = 10.0
PG_POOL_RECYCLE = 1800.0
PG_PING_IDLE_SECONDS = 30.0


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


# Seconds a ``Database.read_now`` may wait for a busy SQLite file. It runs on the event loop, so the bound is the
# longest stall it may cause; past it the caller takes the locked path in the writer thread (same result).
READ_NOW_TIMEOUT = 0.005


def _ping_idle_connections(engine: Engine, idle_seconds: float) -> None:
    """Ping a pooled connection at checkout only if it sat idle longer than ``idle_seconds``."""

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_conn, record) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn, record, _proxy) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since <= idle_seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:  # the pool retries the checkout with a new connection
            raise DisconnectionError("stale pooled connection") from exc


def make_engine(url: str, *, echo: bool = False, pool_size: int = PG_POOL_SIZE, max_overflow: int = PG_MAX_OVERFLOW,
                pool_timeout: float = PG_POOL_TIMEOUT) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_async_engine(url, echo=echo, pool_size=pool_size, max_overflow=max_overflow,
                                 pool_timeout=pool_timeout, pool_recycle=PG_POOL_RECYCLE, pool_pre_ping=False)
    _ping_idle_connections(engine.sync_engine, PG_PING_IDLE_SECONDS)
    return engine


def _sqlite_file(url: str) -> str | None:
    parsed = make_url(url)
    db = parsed.database
    if not parsed.drivername.startswith("sqlite") or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return db


class HotTransaction:
    """Steps of a hot write transaction: ``await tx.run(fn, *args, last=False)`` -> ``fn(conn, *args)``.

    ``last``: True = this is the last step (SQLite writer thread: the commit rides on its hop); a predicate on the
    step's result = the last step if it says so (no further step may follow then). Elsewhere the commit happens when
    the ``hot_transaction`` block ends, whatever ``last`` says."""

    async def run(self, fn: Callable[..., T], *args: Any,
                  last: bool | Callable[[T], bool] = False) -> T:  # pragma: no cover - abstract
        raise NotImplementedError


class _AsyncHotTransaction(HotTransaction):
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def run(self, fn: Callable[..., T], *args: Any, last: bool | Callable[[T], bool] = False) -> T:
        return await self._conn.run_sync(fn, *args)


class _ThreadHotTransaction(HotTransaction):
    """One connection of the writer engine, used only in the writer thread; begun by the first step."""

    def __init__(self, db: "Database") -> None:
        assert db._writer is not None and db.writer_engine is not None
        self._executor = db._writer
        self._engine = db.writer_engine
        self._conn: Connection | None = None
        self._done = False

    def _step(self, fn: Callable[..., T], args: tuple, last: bool | Callable[[T], bool]) -> T:
        if self._conn is None:
            self._conn = self._engine.connect()
            self._conn.begin()
        try:
            result = fn(self._conn, *args)
        except BaseException:
            self._close(commit=False)
            raise
        if last is True or (callable(last) and last(result)):
            self._close(commit=True)
        return result

    def _close(self, commit: bool) -> None:
        conn, self._conn = self._conn, None
        self._done = True
        if conn is None:
            return
        try:
            if commit:
                conn.commit()
            else:
                conn.rollback()
        finally:
            conn.close()

    async def run(self, fn: Callable[..., T], *args: Any, last: bool | Callable[[T], bool] = False) -> T:
        if self._done:
            raise RuntimeError("hot transaction already finished")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._step, fn, args, last)

    async def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True  # no further steps; the close below runs after any step still in the thread
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._close, commit)


class Database:
    """Owns the engine and hands out sessions. One per process, created at start-up."""

    def __init__(self, url: str, *, pool_size: int = PG_POOL_SIZE, max_overflow: int = PG_MAX_OVERFLOW,
                 pool_timeout: float = PG_POOL_TIMEOUT) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size=pool_size, max_overflow=max_overflow, pool_timeout=pool_timeout)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        self.writer_engine: Engine | None = None  # SQLite file: synchronous engine of the writer thread
        self._reader_path: str | None = None
        self._reader: sqlite3.Connection | None = None
        self._writer: ThreadPoolExecutor | None = None
        path = _sqlite_file(url)
        if path is not None:
            self.writer_engine = create_engine(f"sqlite:///{path}", pool_size=1, max_overflow=0,
                                               connect_args={"timeout": 30, "check_same_thread": False})
            event.listen(self.writer_engine, "connect", _sqlite_pragmas)
            self._reader_path = path  # short reads of the hot path (``read_now``): own connection, loop thread
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer")
        self._writer_lock = asyncio.Lock()
        # PostgreSQL: at most ``pool_size`` hot transactions at once per process. More in flight buy no throughput
        # (one event loop), but each one past the pool opened an overflow connection — a new backend, its prepared
        # statements prepared again, closed on return — under exactly the load where that costs most. They queue
        # here instead, for at most ``pool_timeout`` like a pool checkout (then the same TimeoutError: 503
        # storage_unavailable); overflow connections stay available to every other path.
        self._hot_slots = asyncio.Semaphore(pool_size) if not self.is_sqlite and pool_size > 0 else None
        self._pool_timeout = pool_timeout
        self._session_slots = (asyncio.Semaphore(pool_size + max_overflow)
                               if not self.is_sqlite and pool_size + max_overflow > 0 else None)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sync_engines(self) -> list[Engine]:
        """Every synchronous engine statements go through (event listeners: statement counts, timing)."""
        return [self.engine.sync_engine] + ([self.writer_engine] if self.writer_engine is not None else [])

    async def _acquire(self, slots: asyncio.Semaphore, deadline: float, what: str) -> None:
        """Take a slot, waiting in arrival order until the loop time ``deadline`` at most (then the pool's
        TimeoutError: 503 ``storage_unavailable``). A slot free now is taken without a timer."""
        if not slots.locked():
            await slots.acquire()
            return
        try:
            async with asyncio.timeout_at(deadline):
                await slots.acquire()
        except TimeoutError:
            raise PoolTimeout(f"no {what} free within {self._pool_timeout:g} s") from None

    @asynccontextmanager
    async def _fair_checkout(self, deadline: float | None = None) -> AsyncIterator[None]:
        """PostgreSQL: connections are handed out in arrival order. The async pool's queue lets a new checkout
        take a connection just returned before the waiter it was handed to runs (``get_nowait`` first), and that
        waiter queues again at the back: under a burst (thousands of associations, more in flight than connections)
        an unlucky one could wait past ``pool_timeout`` and fail with 503 ``storage_unavailable`` although the
        pool was serving steadily. A FIFO semaphore with the pool's capacity in front of it keeps the order, with
        the same bound on the wait. Every checkout of the engine's pool passes it — sessions, transactions and hot
        transactions alike (one that bypassed it would take connections the gate's waiters were counted on).
        ``deadline``: a caller that already waited (``hot_transaction``'s slot) keeps one bound in all."""
        slots = self._session_slots
        if slots is None:
            yield
            return
        if deadline is None:
            deadline = asyncio.get_running_loop().time() + self._pool_timeout
        await self._acquire(slots, deadline, "database connection")
        try:
            yield
        finally:
            slots.release()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self._fair_checkout():
            async with self.sessionmaker() as session:
                yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        async with self._fair_checkout():
            async with self.sessionmaker() as session:
                async with session.begin():
                    yield session

    @property
    def has_writer_thread(self) -> bool:
        """Whether hot transactions run their steps in the SQLite writer thread."""
        return self._writer is not None

    @asynccontextmanager
    async def hot_transaction(self) -> AsyncIterator["HotTransaction"]:
        """A write transaction run as synchronous steps (see the module docstring). Committed when the block ends
        normally (with the last step when it passes ``last=True``), rolled back if it raises or is cancelled."""
        if self._writer is None:
            # PostgreSQL (and in-memory SQLite): a hot-transaction slot, then the connection through the same FIFO
            # gate as every session, both within one ``pool_timeout``.
            deadline = asyncio.get_running_loop().time() + self._pool_timeout
            slots = self._hot_slots
            if slots is not None:
                await self._acquire(slots, deadline, "hot-transaction slot")
            try:
                async with self._fair_checkout(deadline):
                    async with self.engine.begin() as conn:
                        yield _AsyncHotTransaction(conn)
            finally:
                if slots is not None:
                    slots.release()
            return
        async with self._writer_lock:
            tx = _ThreadHotTransaction(self)
            try:
                yield tx
            except BaseException:
                await asyncio.shield(tx.finish(commit=False))
                raise
            await tx.finish(commit=True)

    def read_now(self, sql: str, params: tuple) -> tuple | None | bool:
        """SQLite file: one row of a short read (``sql`` with ``?`` parameters, e.g. by primary key) on a plain
        sqlite3 reader connection, synchronously on the calling (loop) thread, outside the hot-transaction lock. It
        sees the last committed state (WAL: a reader does not wait for the writer) and costs tens of µs — less than
        a hop to the writer thread (each hop is a GIL hand-off between two threads) or SQLAlchemy's execution path.
        Returns the row (None: no row), or False if the file stayed busy beyond ``READ_NOW_TIMEOUT`` (a checkpoint
        or recovery: the caller takes its locked path instead). Only where ``has_writer_thread``.

        Why it may block the loop: its stall is bounded twice. Lock waits stop at ``READ_NOW_TIMEOUT`` (5 ms, then
        False). I/O is a few page reads: two index lookups (the call's primary key, the segment's ``dedup_key``)
        plus the WAL index. Measured on the 2-core dev machine with 50,000 calls of 3 KB state (``tests/store/
        test_read_now.py::test_read_now_on_a_cold_file_stays_short`` keeps a loose check): warm median 0.02 ms,
        p99 0.07 ms; with a writer committing meanwhile 0.09 / 0.23 ms; with the file evicted from the OS page cache
        before every read (cold) 0.14 / 1.0 ms, max 1.7 ms; the first read (connection + schema) 0.4 ms. The
        cold case is rare (the row was just written by the call's previous segment, so its pages are in the page
        cache), and a thread hop per segment (~0.05-0.1 ms of GIL hand-off on every read) would cost more in total
        than the occasional ~1 ms. On storage far slower than local disk (network volumes) keep the database on
        PostgreSQL, which never takes this path."""
        assert self._reader_path is not None
        conn = self._reader
        try:
            if conn is None:
                conn = self._reader = sqlite3.connect(self._reader_path, timeout=READ_NOW_TIMEOUT,
                                                      isolation_level=None, check_same_thread=False)
            cur = conn.execute(sql, params)
            try:
                return cur.fetchone()
            finally:
                cur.close()  # the statement is reset now: no read snapshot left open (it would hold checkpoints)
        except sqlite3.OperationalError:
            return False

    async def ping(self) -> bool:
        from sqlalchemy import text

        async with self._fair_checkout():
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._writer is not None:
            assert self.writer_engine is not None
            engine = self.writer_engine
            await asyncio.get_running_loop().run_in_executor(self._writer, engine.dispose)
            self._writer.shutdown(wait=False)
        if self._reader is not None:
            self._reader.close()
            self._reader = None

"""Engine and session factory. SQLite gets WAL + busy timeout so several writers wait instead of failing.

**Write transactions of the hot path** (``Database.write``): a synchronous function run in one transaction.

- SQLite: in ONE hop to a dedicated writer thread, on a synchronous pysqlite connection. Through aiosqlite every
  statement costs several thread hops (cursor, execute, fetch, close: each a queue put, a future and a loop wake-up),
  which was most of a segment's CPU; the whole transaction in one hop removes them. One writer thread also means the
  hot path's write transactions never contend with each other for SQLite's single write lock (the async engine's
  writers still wait on ``busy_timeout`` as before). In-memory databases (one per connection) keep the async path.
- PostgreSQL: ``AsyncConnection.run_sync`` (the same synchronous code; each statement awaits asyncpg on the loop).

**PostgreSQL pool: no pre-ping per checkout.** ``pool_pre_ping`` cost a round trip (and ~0.5 ms of CPU) on every
checkout, i.e. on every request. Instead: connections are recycled after ``PG_POOL_RECYCLE`` seconds (below any
server/proxy idle timeout worth having), a connection idle in the pool for more than ``PG_PING_IDLE_SECONDS`` is
pinged at checkout (a dead one is replaced transparently: ``DisconnectionError`` makes the pool retry with a new
connection), and a connection that dies while in use invalidates the pool (SQLAlchemy: every older connection is
replaced at its next checkout), so after a database restart at most the transactions in flight fail (500; Twilio
retries them, devices resend) — under load connections are never idle long enough to need the ping.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import AsyncIterator, Callable, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

T = TypeVar("T")

PG_POOL_SIZE = 10
PG_MAX_OVERFLOW = 20
PG_POOL_RECYCLE = 1800.0
PG_PING_IDLE_SECONDS = 30.0


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


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


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_async_engine(url, echo=echo, pool_size=PG_POOL_SIZE, max_overflow=PG_MAX_OVERFLOW,
                                 pool_recycle=PG_POOL_RECYCLE, pool_pre_ping=False)
    _ping_idle_connections(engine.sync_engine, PG_PING_IDLE_SECONDS)
    return engine


def _sqlite_file(url: str) -> str | None:
    parsed = make_url(url)
    db = parsed.database
    if not parsed.drivername.startswith("sqlite") or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return db


class Database:
    """Owns the engine and hands out sessions. One per process, created at start-up."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        self.writer_engine: Engine | None = None  # SQLite file: synchronous engine of the writer thread
        self._writer: ThreadPoolExecutor | None = None
        path = _sqlite_file(url)
        if path is not None:
            self.writer_engine = create_engine(f"sqlite:///{path}", pool_size=1, max_overflow=0,
                                               connect_args={"timeout": 30, "check_same_thread": False})
            event.listen(self.writer_engine, "connect", _sqlite_pragmas)
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer")

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sync_engines(self) -> list[Engine]:
        """Every synchronous engine statements go through (event listeners: statement counts, timing)."""
        return [self.engine.sync_engine] + ([self.writer_engine] if self.writer_engine is not None else [])

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessionmaker() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        async with self.sessionmaker() as session:
            async with session.begin():
                yield session

    @property
    def single_hop_writes(self) -> bool:
        """Whether ``write`` runs the whole transaction in the writer thread (SQLite file)."""
        return self._writer is not None

    async def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(conn)`` in one transaction (committed when it returns, rolled back if it raises).

        ``fn`` is synchronous and does no I/O other than ``conn.execute``; on SQLite it runs in the writer thread
        (everything it does, including pure computation, runs there), on PostgreSQL on the loop via ``run_sync``."""
        if self._writer is not None:
            assert self.writer_engine is not None
            engine = self.writer_engine

            def transaction() -> T:
                with engine.begin() as conn:
                    return fn(conn)

            return await asyncio.get_running_loop().run_in_executor(self._writer, transaction)
        async with self.engine.begin() as conn:
            return await conn.run_sync(fn)

    async def ping(self) -> bool:
        from sqlalchemy import text

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

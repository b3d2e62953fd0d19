"""SQLite ``Database.read_now``: a short read on the loop thread, outside the writer lock — it sees what is
committed and never a hot transaction's uncommitted writes, without waiting for that transaction."""

from __future__ import annotations

from sqlalchemy import text

from scamshield.store.session import Database

SQL = "SELECT v FROM kv WHERE k = ?"


async def test_read_now_sees_committed_state_only(tmp_path):
    path = tmp_path / "r.db"
    db = Database(f"sqlite+aiosqlite:///{path}")
    try:
        async with db.transaction() as s:
            await s.execute(text("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)"))
            await s.execute(text("INSERT INTO kv VALUES ('a', 'committed')"))
        assert db.has_writer_thread
        assert db.read_now(SQL, ("a",)) == ("committed",)
        assert db.read_now(SQL, ("missing",)) is None

        async with db.hot_transaction() as tx:
            await tx.run(lambda conn: conn.execute(text("UPDATE kv SET v = 'pending' WHERE k = 'a'")))
            assert db.read_now(SQL, ("a",)) == ("committed",)  # WAL: the last committed state, no waiting
        assert db.read_now(SQL, ("a",)) == ("pending",)

    finally:
        await db.dispose()


def _exclusive_writer(path):
    """A second connection holding a write lock in exclusive locking mode: in WAL mode an ordinary write lock never
    blocks readers, this one does (as WAL recovery or another process's exclusive access would)."""
    import sqlite3

    blocker = sqlite3.connect(path, isolation_level=None, timeout=5)
    blocker.execute("PRAGMA locking_mode=EXCLUSIVE")
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE kv SET v = 'written while busy' WHERE k = 'a'")
    return blocker


async def test_read_now_gives_up_on_a_busy_file_within_its_timeout_and_recovers(tmp_path):
    import time

    from scamshield.store.session import READ_NOW_TIMEOUT

    path = tmp_path / "busy.db"
    setup = Database(f"sqlite+aiosqlite:///{path}")
    async with setup.transaction() as s:
        await s.execute(text("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)"))
        await s.execute(text("INSERT INTO kv VALUES ('a', 'committed')"))
    await setup.dispose()  # exclusive locking mode needs every other connection of the file closed
    db = Database(f"sqlite+aiosqlite:///{path}")
    blocker = _exclusive_writer(str(path))
    try:
        for _ in range(3):  # the reader connection opened on a busy file, then the same one again
            started = time.perf_counter()
            assert db.read_now(SQL, ("a",)) is False
            assert time.perf_counter() - started < READ_NOW_TIMEOUT + 0.05  # bounded stall of the loop
        blocker.execute("COMMIT")
    finally:
        blocker.close()
    try:
        assert db.read_now(SQL, ("a",)) == ("written while busy",)  # the same reader works again once it is free
        assert db.read_now(SQL, ("missing",)) is None
    finally:
        await db.dispose()


async def test_read_now_reads_a_cold_file(tmp_path):
    """With the file's pages evicted from the OS page cache before every read (a cold file), the loop-thread peek of
    a call among 20,000 still returns the right state. How long it takes is a measurement, not an assertion: the
    figures (median ~0.14 ms, p99 ~1 ms cold; ~0.02 ms warm) are in Database.read_now's docstring."""
    import json
    import os
    import random
    import sqlite3

    from scamshield.store import calls as call_store
    from scamshield.store.migrate import upgrade_async

    path = tmp_path / "cold.db"
    url = f"sqlite+aiosqlite:///{path}"
    await upgrade_async(url)
    raw = sqlite3.connect(path)
    state = json.dumps({"context": "x" * 3000, "segments": 12})
    n = 20000
    raw.executemany("INSERT INTO calls (call_sid, user_id, source, status, risk_score, risk_level, created_at, "
                    "updated_at, detector_state) VALUES (?, NULL, 'api', 'live', 0, 'low', 'x', 'x', ?)",
                    ((f"CA{i:08d}", state) for i in range(n)))
    raw.commit()
    raw.close()

    def evict() -> None:
        for p in (str(path), f"{path}-wal", f"{path}-shm"):
            if os.path.exists(p):
                fd = os.open(p, os.O_RDONLY)
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)

    db = Database(url)
    try:
        assert db.read_now(call_store.PEEK_SQLITE_SQL, (None, "CA00000000")) is not None  # connection opened
        for sid in random.Random(7).sample(range(n), 30):
            evict()
            row = db.read_now(call_store.PEEK_SQLITE_SQL, ("no-such-key", f"CA{sid:08d}"))
            peek = call_store.peek_detector_state_sqlite(row)
            assert peek.exists and peek.state == {"context": "x" * 3000, "segments": 12} and not peek.seen
    finally:
        await db.dispose()

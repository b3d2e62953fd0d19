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

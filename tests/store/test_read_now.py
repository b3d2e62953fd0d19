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

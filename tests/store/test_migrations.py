"""Migrations build the schema on SQLite and PostgreSQL, and the models match them exactly."""

from __future__ import annotations

import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from scamshield.store.base import Base
from scamshield.store.migrate import upgrade


def test_migrations_match_models(db_url):
    upgrade(db_url)
    upgrade(db_url)  # idempotent

    async def diff():
        engine = create_async_engine(db_url)
        async with engine.connect() as conn:
            result = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(c, opts={"compare_type": False}), Base.metadata))
        await engine.dispose()
        return result

    assert asyncio.run(diff()) == []


def test_concurrent_migrations_on_postgres_do_not_collide(pg_url):
    """Instances starting together on an empty PostgreSQL database (separate processes, as in production):
    all succeed and the schema is built once (an advisory lock serialises them)."""
    import subprocess
    import sys

    code = "import sys; from scamshield.store.migrate import upgrade; upgrade(sys.argv[1])"
    procs = [subprocess.Popen([sys.executable, "-c", code, pg_url], stderr=subprocess.PIPE) for _ in range(3)]
    errors = [p.communicate(timeout=120)[1].decode()[-500:] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors

    async def versions():
        from sqlalchemy import text

        engine = create_async_engine(pg_url)
        async with engine.connect() as conn:
            rows = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        await engine.dispose()
        return rows

    assert len(asyncio.run(versions())) >= 1

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


def test_legacy_service_created_calls_become_unclaimable(db_url):
    """0300: an unowned 'api'/'ws' call (before it, what a service token's first transcript created) is marked
    'service'; owned calls and telephony calls keep their source."""
    from sqlalchemy import text

    upgrade(db_url, "0200_ledger")

    async def run(statements, query=None):
        engine = create_async_engine(db_url)
        async with engine.begin() as conn:
            for stmt in statements:
                await conn.execute(text(stmt))
            rows = dict((await conn.execute(text(query))).all()) if query else None
        await engine.dispose()
        return rows

    now = "'2026-01-01 00:00:00'"
    cols = "(call_sid, user_id, source, status, risk_score, risk_level, created_at, updated_at)"
    asyncio.run(run([
        f"INSERT INTO users (id, settings, alert_seq, created_at) VALUES ('alice', '{{}}', 0, {now})",
        f"INSERT INTO calls {cols} VALUES ('CA-svc-api', NULL, 'api', 'live', 0, 'low', {now}, {now})",
        f"INSERT INTO calls {cols} VALUES ('CA-svc-ws', NULL, 'ws', 'live', 0, 'low', {now}, {now})",
        f"INSERT INTO calls {cols} VALUES ('CA-own', 'alice', 'api', 'live', 0, 'low', {now}, {now})",
        f"INSERT INTO calls {cols} VALUES ('CA-tw', NULL, 'twilio', 'live', 0, 'low', {now}, {now})",
    ]))
    upgrade(db_url)
    sources = asyncio.run(run([], "SELECT call_sid, source FROM calls"))
    assert sources == {"CA-svc-api": "service", "CA-svc-ws": "service", "CA-own": "api", "CA-tw": "twilio"}

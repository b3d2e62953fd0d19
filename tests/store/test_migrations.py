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

"""Fixtures for the service-layer tests: a migrated database (SQLite and PostgreSQL) with a few users."""

from __future__ import annotations

import tempfile

import pytest

from scamshield.hub.hub import Hub
from scamshield.metrics import Metrics
from scamshield.services.alerts import AlertService
from scamshield.services.calls import CallService
from scamshield.settings import Settings
from scamshield.store import users as user_store
from scamshield.store.migrate import upgrade_async
from scamshield.store.session import Database

USERS = ("alice", "bob", "carol", *(f"r{i}" for i in range(8)))


@pytest.fixture
async def db(db_url):
    await upgrade_async(db_url)
    database = Database(db_url)
    async with database.transaction() as s:
        for uid in USERS:
            await user_store.ensure_user(s, uid, None)
    yield database
    await database.dispose()


@pytest.fixture
async def sqlite_db(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'svc.db'}"
    await upgrade_async(url)
    database = Database(url)
    async with database.transaction() as s:
        for uid in USERS:
            await user_store.ensure_user(s, uid, None)
    yield database
    await database.dispose()


@pytest.fixture
async def svc(db):
    """(CallService, AlertService) on ``db`` with an in-process hub."""
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    hub = Hub(broker_url=None)
    await hub.start()
    metrics = Metrics()
    alerts = AlertService(db, hub, metrics, settings)
    yield CallService(db, alerts, metrics, settings), alerts
    await hub.close()

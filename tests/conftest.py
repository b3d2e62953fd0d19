"""Shared fixtures: settings on a temp dir, an in-process app client, tokens, real PostgreSQL and Redis."""

from __future__ import annotations

import os
from pathlib import Path
from typing import AsyncIterator, Callable

import httpx
import pytest
from asgi_lifespan import LifespanManager

from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.support.services import create_pg_database, drop_pg_database, require_redis

TEST_SECRET = "test-secret-" + "x" * 40
DATA = Path(os.environ.get("SCAMSHIELD_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def factory(**overrides: object) -> Settings:
        base: dict[str, object] = {"env": "test", "data_dir": tmp_path / "var", "jwt_secret": TEST_SECRET,
                                   "rate_limit_user": "off", "rate_limit_ip": "off", "rate_limit_service": "off"}
        base.update(overrides)
        return Settings(**base)  # type: ignore[arg-type]

    return factory


@pytest.fixture
def settings(make_settings) -> Settings:
    return make_settings()


@pytest.fixture
def token(settings: Settings) -> Callable[..., str]:
    def factory(user_id: str = "alice", phone: str | None = None, roles: list[str] | None = None, ttl: int = 3600) -> str:
        return mint_token(settings, user_id, phone=phone, roles=roles, ttl_seconds=ttl)

    return factory


def auth(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


@pytest.fixture
async def app(settings: Settings):
    from scamshield.api.app import create_app

    application = create_app(settings)
    async with LifespanManager(application, startup_timeout=60, shutdown_timeout=30):
        yield application


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def pg_url() -> AsyncIterator[str]:
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path: Path) -> AsyncIterator[str]:
    """Runs the test on both backends."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'store.db'}"
        return
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture
def redis_url() -> str:
    return require_redis()

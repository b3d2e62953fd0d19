"""A real ScamShield server process (uvicorn, SQLite in a temp dir) for the client tests."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest

from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.support.server import ServerProcess

SECRET = "client-tests-" + "s" * 40


def server_env(tmp: Path, env: str = "test", **extra: str) -> dict[str, str]:
    return {"SCAMSHIELD_ENV": env, "SCAMSHIELD_JWT_SECRET": SECRET, "SCAMSHIELD_DATA_DIR": str(tmp / "var"),
            "SCAMSHIELD_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'scamshield.db'}",
            "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off",
            "SCAMSHIELD_RATE_LIMIT_SERVICE": "off", "SCAMSHIELD_REDIS_URL": "", **extra}


def make_token(user_id: str, *, phone: str | None = None, roles: list[str] | None = None, ttl: int = 3600) -> str:
    return mint_token(Settings(jwt_secret=SECRET, env="test"), user_id, phone=phone, roles=roles, ttl_seconds=ttl)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[ServerProcess]:
    tmp = tmp_path_factory.mktemp("client-server")
    proc = ServerProcess(server_env(tmp), log_path=tmp / "server.log").start(timeout=90)
    try:
        yield proc
    finally:
        proc.stop()


@pytest.fixture
def tokens() -> Callable[..., str]:
    return make_token

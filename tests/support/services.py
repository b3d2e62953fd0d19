"""Finding the real PostgreSQL and Redis. Without them tests skip, or fail under SCAMSHIELD_REQUIRE_SERVICES=1."""

from __future__ import annotations

import asyncio
import os
import socket
import uuid

import pytest

PG_HOST = os.environ.get("SCAMSHIELD_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("SCAMSHIELD_TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("SCAMSHIELD_TEST_PG_USER", "postgres")
REDIS_URL = os.environ.get("SCAMSHIELD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def services_required() -> bool:
    return os.environ.get("SCAMSHIELD_REQUIRE_SERVICES", "").strip() not in ("", "0", "false", "no")


def unavailable(what: str) -> None:
    message = f"{what} is not reachable on this machine"
    if services_required():
        pytest.fail(f"{message} and SCAMSHIELD_REQUIRE_SERVICES=1", pytrace=False)
    pytest.skip(message)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


async def _admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database="postgres")
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def create_pg_database() -> str:
    """A fresh, empty database; returns its SQLAlchemy URL."""
    if not port_open(PG_HOST, PG_PORT):
        unavailable(f"PostgreSQL at {PG_HOST}:{PG_PORT}")
    name = f"scamshield_t_{uuid.uuid4().hex[:12]}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # auth or server trouble
        unavailable(f"PostgreSQL ({type(exc).__name__})")
    return f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


def drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    try:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except Exception:
        pass


def require_redis() -> str:
    host, port = "127.0.0.1", 6379
    rest = REDIS_URL.split("://", 1)[1].split("/", 1)[0]
    if ":" in rest:
        host, port_s = rest.rsplit(":", 1)
        port = int(port_s)
    if not port_open(host, port):
        unavailable(f"Redis at {host}:{port}")
    return REDIS_URL

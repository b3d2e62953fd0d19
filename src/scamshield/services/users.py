"""Keeps a user row for every authenticated principal (cheaply: once per process per identity)."""

from __future__ import annotations

from scamshield.auth import Principal
from scamshield.store import users as user_store
from scamshield.store.session import Database


class UserDirectory:
    def __init__(self, db: Database, cache_size: int = 100_000) -> None:
        self._db = db
        self._seen: dict[tuple[str, str | None], None] = {}
        self._cache_size = cache_size

    async def ensure(self, principal: Principal) -> None:
        key = (principal.user_id, principal.phone_number)
        if key in self._seen:
            return
        async with self._db.transaction() as session:
            await user_store.ensure_user(session, principal.user_id, principal.phone_number)
        if len(self._seen) >= self._cache_size:
            self._seen.clear()
        self._seen[key] = None

"""Per-user state kept in process: the user row (written once per identity) and a small TTL cache.

``TtlCache`` is what the analysis hot path uses to avoid a database round trip per request for data that changes
rarely (a user's settings, a user's own feedback verdicts). Staleness is bounded two ways:

- on *this* instance, a write invalidates the entry immediately (the write routes call ``invalidate``), and a load
  that was already running when the write happened does not store its (possibly old) result;
- on *other* instances, the writer's ``AnalysisService.user_changed`` publishes a ``user_changed`` notice on the
  hub's ``control`` channel and each instance invalidates the entry when it arrives (a broker round trip, ~1 ms on
  Redis). ``ttl`` is the fallback: an entry is never served more than ``ttl`` seconds after it was loaded, so a
  notice lost to a broker outage delays a change by at most ``ttl`` (and a re-subscription after an outage clears
  every entry at once).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from typing import Awaitable, Callable, Generic, Hashable, TypeVar

from scamshield.auth import Principal
from scamshield.store import users as user_store
from scamshield.store.session import Database

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# ``TtlCache.peek`` on a miss (a cached value may itself be None).
MISSING: object = object()


class TtlCache(Generic[K, V]):
    """A small LRU whose entries expire ``ttl`` seconds after they were loaded. Loads are single-flight: concurrent
    misses for one key share one load (run as its own task, so a cancelled caller does not cancel the others)."""

    def __init__(self, maxsize: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        if maxsize < 1 or ttl < 0:
            raise ValueError("maxsize must be >= 1 and ttl >= 0")
        self.maxsize = maxsize
        self.ttl = ttl
        self._clock = clock
        self._data: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._loading: dict[K, asyncio.Task[V]] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def peek(self, key: K) -> V | object:
        """The live cached value, or ``MISSING`` (expired or absent: call ``get``). Synchronous, so a hit costs no
        coroutine; it counts as a hit like ``get``."""
        entry = self._data.get(key)
        if entry is not None and entry[0] > self._clock():
            self._data.move_to_end(key)
            self.hits += 1
            return entry[1]
        return MISSING

    async def get(self, key: K, loader: Callable[[], Awaitable[V]]) -> V:
        entry = self._data.get(key)
        if entry is not None:
            if entry[0] > self._clock():
                self._data.move_to_end(key)
                self.hits += 1
                return entry[1]
            del self._data[key]
        self.misses += 1
        task = self._loading.get(key)
        if task is None:
            task = asyncio.ensure_future(self._load(key, loader))
            task.add_done_callback(_retrieve)
            self._loading[key] = task
        return await asyncio.shield(task)

    async def _load(self, key: K, loader: Callable[[], Awaitable[V]]) -> V:
        me = asyncio.current_task()
        try:
            value = await loader()
        except BaseException:
            if self._loading.get(key) is me:
                del self._loading[key]
            raise
        if self._loading.get(key) is me:  # not invalidated while loading: the value is at least as new as the write
            del self._loading[key]
            self._data[key] = (self._clock() + self.ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def invalidate(self, key: K) -> None:
        """Forget ``key`` now; a load already under way for it will not be stored."""
        self._data.pop(key, None)
        self._loading.pop(key, None)

    def clear(self) -> None:
        self._data.clear()
        self._loading.clear()


def _retrieve(task: asyncio.Task) -> None:
    # Everyone awaiting the load sees its exception; this only silences "exception was never retrieved" when every
    # caller was cancelled first.
    if not task.cancelled():
        task.exception()


class UserDirectory:
    """Keeps a user row for every authenticated principal (cheaply: once per process per identity)."""

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

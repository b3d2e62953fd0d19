"""analyse_and_record: run an engine analyser, add the user's own context, apply their thresholds, keep history.

User context comes from *enrichers*: async callables registered at start-up (feedback blocklist, community reports,
payee history, active suspicious call...). Each receives a lazy session source, the principal and the analysis and
returns extra signals, so every point of the final score is still explained by a signal.

The hot path does no database round trip unless there is something to look up (see docs/performance.md):

- the user's settings (thresholds, feature toggles) come from an in-process TTL cache (``USER_PREFS_TTL``,
  ``SCAMSHIELD_USER_CACHE_TTL_SECONDS``), invalidated at once by ``user_changed`` (called by ``PUT /settings`` and
  ``POST /feedback``) on this instance and, through the hub's ``control`` channel (``share_changes``), on every other
  instance within a broker round trip; the TTL is only the fallback bound while the broker is down (see
  docs/deployment.md, "Caches across instances");
- enrichers keep their own caches (``services.ledger``) and open a session only when they must query;
- the history row is written behind: ``HistoryWriter`` queues it (bounded) and a background task inserts queued rows
  in batches, one transaction each. The ``analysis_id`` is generated up front. Reads of a user's history on this
  instance first wait for that user's queued rows (``flush_user``).

Crash semantics of the write-behind history: a graceful stop (SIGTERM, lifespan shutdown) drains the queue. A crash
(SIGKILL, OOM) loses the rows not yet committed: those of the last ``interval`` (50 ms) plus the batch being written,
in normal operation; at most the queue's capacity when the database is slow or down (producers then wait: a full
queue applies backpressure, it never drops). Only history rows are written behind; nothing else is.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Protocol

from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.aio import cancel_and_wait
from scamshield.auth import Principal
from scamshield.engine.types import DEFAULT_THRESHOLDS, Assessment, Signal, Thresholds
from scamshield.metrics import Metrics
from scamshield.services import user_settings as user_settings_mod
from scamshield.services.users import MISSING, TtlCache
from scamshield.store import history as history_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.session import Database

log = logging.getLogger("scamshield.analysis")

# Inputs above this many characters are analysed in a worker thread so the event loop never stalls.
INLINE_INPUT_CHARS = 4096
# A cached copy of a user's settings is never served longer than this after it was loaded: the staleness bound on an
# instance that missed the change notice (broker down). With the broker up, a change made on another instance is
# applied here within a broker round trip. Default of ``SCAMSHIELD_USER_CACHE_TTL_SECONDS``.
USER_PREFS_TTL = 10.0
ANNOUNCE_WAIT_SECONDS = 0.5  # how long a settings / feedback write waits for its user_changed notice to be published
USER_PREFS_MAX = 50_000


def new_analysis_id() -> str:
    """A random version-4 UUID as 32 hex digits: what ``store.base.new_id`` (``uuid4().hex``) returns, with the same
    128 random bits less the 6 fixed ones, at a third of the cost (no ``UUID`` object on the hot path)."""
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    return b.hex()


@dataclass(frozen=True, slots=True)
class UserPrefs:
    """What an analysis needs from the user's settings, parsed once per cache load."""

    stored: dict[str, Any]
    thresholds: Thresholds
    features: user_settings_mod.Features


@dataclass(slots=True)
class Recorded:
    """One recorded analysis: its id, the final assessment, and the figures of its history row (``risk_score``,
    ``risk_level``, ``is_safe``, ``fraud_types``: what the assessment's properties give, added up once). Not frozen:
    a frozen dataclass's ``__init__`` costs ~1 µs more here; nothing changes one after ``record`` returns it."""

    analysis_id: str
    assessment: Assessment
    risk_score: int
    risk_level: str
    is_safe: bool
    fraud_types: list[str]


@dataclass(slots=True)
class AnalysisInput:
    """What an enricher may look at: the kind, the engine result and the entities named in the input."""

    kind: str
    assessment: Assessment
    entities: dict[str, list[str]] = field(default_factory=dict)  # entity_type -> ids (url, domain, upi_id...)
    raw: dict[str, Any] = field(default_factory=dict)  # kind-specific parsed request (e.g. transaction amount)
    prefs: UserPrefs | None = None  # the user's settings (None: the enricher loads them itself)


class SessionSource:
    """A database session opened on first use only (``await sessions.get()``), closed by ``close()``.

    Enrichers read through it; when none of them needs the database, no connection is checked out at all.
    """

    __slots__ = ("_db", "_cm", "_session")

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cm: Any = None
        self._session: AsyncSession | None = None

    @property
    def opened(self) -> bool:
        return self._session is not None

    async def get(self) -> AsyncSession:
        if self._session is None:
            self._cm = self._db.session()
            self._session = await self._cm.__aenter__()
        return self._session

    async def close(self) -> None:
        if self._cm is not None:
            cm, self._cm, self._session = self._cm, None, None
            await cm.__aexit__(None, None, None)


class Enricher(Protocol):
    async def __call__(self, sessions: SessionSource, principal: Principal, item: AnalysisInput) -> list[Signal]: ...


def thresholds_from_settings(user_settings: dict[str, Any], default: Thresholds = DEFAULT_THRESHOLDS) -> Thresholds:
    t = user_settings.get("risk_thresholds") or {}
    try:
        return Thresholds(int(t.get("medium", default.medium)), int(t.get("high", default.high)),
                          int(t.get("critical", default.critical)))
    except (TypeError, ValueError):
        return default


class HistoryWriter:
    """Write-behind for analysis history: a bounded in-memory queue flushed in batches by one background task.

    - A batch is written when ``batch_size`` rows are queued, or ``interval`` seconds after the first queued row,
      or at once when a reader waits for a user's rows (``wait_for_user``); one transaction per batch.
    - ``add`` waits (backpressure) while ``capacity`` rows are queued or being written; it never drops a row.
    - A batch failing with a database error that says the rows are bad (integrity/data error: e.g. the user row was
      deleted meanwhile) is retried row by row and only the offending rows are dropped, with a warning and a count
      (``dropped``). Any other error (database unreachable, timeouts) keeps the batch and retries with backoff.
    - When not running (before ``start``, after ``stop``) ``add`` writes the row directly in its own transaction.
    """

    def __init__(self, db: Database, *, interval: float = 0.05, batch_size: int = 200, capacity: int = 10_000,
                 wait_timeout: float = 5.0, stop_timeout: float = 15.0) -> None:
        self._db = db
        self.interval = interval
        self.batch_size = max(1, batch_size)
        self.capacity = max(self.batch_size, capacity)
        self.wait_timeout = wait_timeout
        self.stop_timeout = stop_timeout
        self._rows: deque[tuple[int, dict[str, Any]]] = deque()
        self._inflight = 0
        self._seq = 0  # seq of the last queued row
        self._done = 0  # every row with seq <= _done is committed (or dropped, see above)
        self._user_last: dict[str, int] = {}  # user -> seq of their last queued row not yet done
        self._nonempty = asyncio.Event()
        self._urgent = asyncio.Event()
        self._progress = asyncio.Condition()
        self._space = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.written = 0
        self.dropped = 0
        self.batches = 0

    # -- state -----------------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def pending(self) -> int:
        """Rows queued or being written."""
        return len(self._rows) + self._inflight

    def pending_for(self, user_id: str) -> bool:
        last = self._user_last.get(user_id)
        return last is not None and last > self._done

    # -- producers -------------------------------------------------------------------------------------------------
    def offer(self, row: dict[str, Any]) -> bool:
        """Queue ``row`` if that needs no wait (running, not closing, below capacity); False: call ``add``."""
        if self.pending >= self.capacity or self._closing or not self.running:
            return False
        self._enqueue(row)
        return True

    def _enqueue(self, row: dict[str, Any]) -> None:
        """Append ``row`` to the queue (the caller checked room and state) and wake the writer."""
        self._seq += 1
        self._rows.append((self._seq, row))
        self._user_last[row["user_id"]] = self._seq
        self._nonempty.set()
        if len(self._rows) >= self.batch_size:
            self._urgent.set()

    async def add(self, row: dict[str, Any]) -> None:
        if not self.running or self._closing:
            async with self._db.transaction() as session:
                await history_store.insert_analyses(session, [row])
            self.written += 1
            return
        while self.pending >= self.capacity:
            self._urgent.set()
            self._space.clear()
            await self._space.wait()
            if not self.running or self._closing:
                return await self.add(row)
        self._enqueue(row)

    # -- readers ---------------------------------------------------------------------------------------------------
    async def wait_for_user(self, user_id: str) -> bool:
        """Wait until the user's queued rows are committed (at most ``wait_timeout``). False on timeout."""
        target = self._user_last.get(user_id)
        if target is None or target <= self._done:
            return True
        return await self._wait_for(target)

    async def flush(self) -> bool:
        """Wait until every row queued so far is committed (at most ``wait_timeout``)."""
        return await self._wait_for(self._seq)

    async def _wait_for(self, target: int) -> bool:
        if target <= self._done:
            return True
        if not self.running:
            return False
        self._urgent.set()
        try:
            async with asyncio.timeout(self.wait_timeout):
                async with self._progress:
                    await self._progress.wait_for(lambda: self._done >= target or not self.running)
        except TimeoutError:
            log.warning("history: rows still pending after %.1f s (database slow or down)", self.wait_timeout)
            return False
        return self._done >= target

    # -- lifecycle -------------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._closing = False
            self._task = asyncio.create_task(self._run(), name="scamshield-history-writer")

    async def stop(self) -> None:
        """Drain the queue (at most ``stop_timeout``), then stop. Rows still queued after that are logged as lost."""
        task, self._closing = self._task, True
        if task is None:
            return
        self._nonempty.set()
        self._urgent.set()
        try:
            await asyncio.wait_for(asyncio.shield(task), self.stop_timeout)
        except TimeoutError:
            await cancel_and_wait(task)
            if self.pending:
                log.error("history: %d analysis rows not written at shutdown (database unavailable)", self.pending)
        finally:
            self._task = None
            self._space.set()
            async with self._progress:
                self._progress.notify_all()

    # -- the flusher -----------------------------------------------------------------------------------------------
    async def _run(self) -> None:
        backoff = 0.0
        while True:
            if not self._rows:
                if self._closing:
                    return
                self._nonempty.clear()
                await self._nonempty.wait()
                continue
            if len(self._rows) < self.batch_size and not self._urgent.is_set() and not self._closing:
                try:
                    async with asyncio.timeout(self.interval):
                        await self._urgent.wait()
                except TimeoutError:
                    pass
            self._urgent.clear()
            n = min(self.batch_size, len(self._rows))
            batch = [self._rows.popleft() for _ in range(n)]
            self._inflight = n
            try:
                await self._write(batch)
                backoff = 0.0
            except asyncio.CancelledError:
                self._rows.extendleft(reversed(batch))
                self._inflight = 0
                raise
            except Exception as exc:  # transient: keep the rows not written, retry after a pause
                done = exc.done if isinstance(exc, _Partial) else 0
                self._rows.extendleft(reversed(batch[done:]))
                self._inflight = 0
                if done:
                    await self._mark_done(batch[:done])
                backoff = min(2.0, max(0.1, backoff * 2))
                cause = exc.__cause__ if isinstance(exc, _Partial) else exc
                log.warning("history: batch of %d not written (%s); retrying in %.1f s", n - done,
                            type(cause).__name__, backoff)
                await asyncio.sleep(backoff)
                continue
            self._inflight = 0
            await self._mark_done(batch)

    async def _write(self, batch: list[tuple[int, dict[str, Any]]]) -> None:
        rows = [r for _, r in batch]
        try:
            async with self._db.transaction() as session:
                await history_store.insert_analyses(session, rows)
            self.written += len(rows)
            self.batches += 1
            return
        except (IntegrityError, DataError):
            pass
        # Some row is bad: write them one by one and drop only those the database refuses as such.
        done = 0
        for row in rows:
            try:
                async with self._db.transaction() as session:
                    await history_store.insert_analyses(session, [row])
                self.written += 1
            except (IntegrityError, DataError) as exc:
                self.dropped += 1
                log.warning("history: analysis row refused by the database and dropped (%s)", type(exc).__name__)
            except Exception as exc:  # transient part-way: the rows handled so far are done
                raise _Partial(done) from exc
            done += 1

    async def _mark_done(self, batch: list[tuple[int, dict[str, Any]]]) -> None:
        self._done = max(self._done, batch[-1][0])
        for _, row in batch:
            uid = row["user_id"]
            if self._user_last.get(uid, 0) <= self._done:
                self._user_last.pop(uid, None)
        self._space.set()
        async with self._progress:
            self._progress.notify_all()


class _Partial(Exception):
    def __init__(self, done: int) -> None:
        super().__init__(done)
        self.done = done


class ChangeBus(Protocol):
    """What ``share_changes`` needs from the hub (``scamshield.hub.hub.Hub``)."""

    def on_user_changed(self, listener: Callable[[str], None]) -> None: ...

    def on_resync(self, listener: Callable[[], None]) -> None: ...

    async def announce_user_changed(self, user_id: str) -> None: ...


class AnalysisService:
    def __init__(self, db: Database, metrics: Metrics, default_thresholds: Thresholds = DEFAULT_THRESHOLDS, *,
                 prefs_ttl: float = USER_PREFS_TTL, history: HistoryWriter | None = None) -> None:
        self._db = db
        self._metrics = metrics
        self._default = default_thresholds
        self.enrichers: list[Enricher] = []
        self.prefs = TtlCache[str, UserPrefs](USER_PREFS_MAX, prefs_ttl)
        self.history = history or HistoryWriter(db)
        self._verdict_counters: dict[tuple[str, str], Any] = {}  # (kind, level) -> labelled child: 4 x 4 at most
        self._bus: ChangeBus | None = None
        self._announcing: set[asyncio.Task[None]] = set()

    # -- lifecycle (api/app.py lifespan) ---------------------------------------------------------------------------
    async def start(self) -> None:
        self.history.start()
        for enricher in self.enrichers:
            hook = getattr(enricher, "start", None)
            if hook is not None:
                await hook(self._db)

    async def stop(self) -> None:
        for enricher in self.enrichers:
            hook = getattr(enricher, "stop", None)
            if hook is not None:
                try:
                    await hook()
                except Exception:  # pragma: no cover - best effort on the way down
                    log.exception("enricher stop failed")
        if self._announcing:  # change notices still being published: let them go out
            await asyncio.wait(list(self._announcing), timeout=2.0)
        await self.history.stop()

    # -- cache invalidation and read-your-writes (called by the write/read routes) ---------------------------------
    def share_changes(self, bus: ChangeBus) -> None:
        """Keep the per-user caches consistent across instances through ``bus`` (the hub): ``user_changed`` here is
        announced to the other instances, their announcements make this one forget the user, and after a broker
        outage (notices possibly missed) this one forgets every user."""
        self._bus = bus
        bus.on_user_changed(self.forget_user)
        bus.on_resync(self.forget_all)

    def user_changed(self, user_id: str) -> asyncio.Task[None] | None:
        """The user's settings or feedback changed (the write is committed): forget what is cached for them here at
        once, and announce it to the other instances. Returns the announcement's task (None without a shared bus):
        a caller that awaits it knows the notice has reached the broker before it answers."""
        self.forget_user(user_id)
        if self._bus is None:
            return None
        task = asyncio.ensure_future(self._announce(user_id))
        self._announcing.add(task)
        task.add_done_callback(self._announcing.discard)
        return task

    async def user_changed_announced(self, user_id: str, timeout: float = ANNOUNCE_WAIT_SECONDS) -> None:
        """``user_changed``, then wait (at most ``timeout`` seconds) until the notice has reached the broker, so that a
        client reading through another instance right after the write's response sees the change (read-your-writes
        across instances). While the broker is away this only delays the response by ``timeout``: the notice stays
        queued for publication and the cache TTL bounds the other instances' staleness."""
        task = self.user_changed(user_id)
        if task is not None:
            await asyncio.wait({task}, timeout=timeout)

    async def _announce(self, user_id: str) -> None:
        assert self._bus is not None
        try:
            await self._bus.announce_user_changed(user_id)
        except Exception as exc:  # the other instances' TTL bounds their staleness
            log.warning("user change notice not published (%s)", type(exc).__name__)

    def forget_user(self, user_id: str) -> None:
        """Drop what this instance caches for the user (no announcement): the listener for other instances' notices."""
        self.prefs.invalidate(user_id)
        for enricher in self.enrichers:
            hook = getattr(enricher, "user_changed", None)
            if hook is not None:
                hook(user_id)

    def forget_all(self) -> None:
        """Drop every cached user (this instance may have missed change notices during a broker outage)."""
        self.prefs.clear()
        for enricher in self.enrichers:
            hook = getattr(enricher, "forget_all", None)
            if hook is not None:
                hook()

    async def entity_reported(self, entity_type: str, entity_id: str) -> None:
        """A community report was stored on this instance: let enrichers update what they keep in memory."""
        for enricher in self.enrichers:
            hook = getattr(enricher, "entity_reported", None)
            if hook is not None:
                try:
                    await hook(entity_type, entity_id)
                except Exception as exc:  # the periodic refresh catches up
                    log.warning("community set update failed: %s", type(exc).__name__)

    async def flush_user(self, user_id: str) -> None:
        """Before reading the user's analyses on this instance: wait for their queued history rows."""
        if self.history.pending_for(user_id):
            await self.history.wait_for_user(user_id)

    async def flush_all(self) -> None:
        if self.history.pending:
            await self.history.flush()

    # -- the hot path ----------------------------------------------------------------------------------------------
    async def user_prefs(self, user_id: str) -> UserPrefs:
        hit = self.prefs.peek(user_id)
        if hit is not MISSING:
            return hit  # type: ignore[return-value]

        async def load() -> UserPrefs:
            async with self._db.session() as session:
                stored = await user_store.get_settings(session, user_id)
            return UserPrefs(stored, thresholds_from_settings(stored, self._default),
                             user_settings_mod.features(stored))

        return await self.prefs.get(user_id, load)

    async def compute(self, fn: Callable[[], Assessment], input_chars: int) -> Assessment:
        """Run a pure analyser: inline when the input is small (sub-millisecond), else in a worker thread."""
        if input_chars > INLINE_INPUT_CHARS:
            return await asyncio.to_thread(fn)
        return fn()

    async def analyse_and_record(
        self,
        principal: Principal,
        kind: str,
        assessment: Assessment,
        *,
        subject: str | None,
        entities: dict[str, list[str]] | None = None,
        raw: dict[str, Any] | None = None,
    ) -> tuple[str, Assessment]:
        """``(analysis_id, final assessment)``: :meth:`record` without the figures it added up."""
        rec = await self.record(principal, kind, assessment, subject=subject, entities=entities, raw=raw)
        return rec.analysis_id, rec.assessment

    async def record(
        self,
        principal: Principal,
        kind: str,
        assessment: Assessment,
        *,
        subject: str | None,
        entities: dict[str, list[str]] | None = None,
        raw: dict[str, Any] | None = None,
    ) -> Recorded:
        """Add the user's context to ``assessment``, apply their thresholds, queue the history row, count the verdict.
        The result carries the score, level and fraud types the row holds, so the response need not add them up again."""
        uid = principal.user_id
        prefs = self.prefs.peek(uid)
        if prefs is MISSING:
            prefs = await self.user_prefs(uid)
        assert isinstance(prefs, UserPrefs)
        item = AnalysisInput(kind, assessment, entities or {}, raw or {}, prefs)
        extra: list[Signal] = []
        if self.enrichers:
            sessions = SessionSource(self._db)
            try:
                for enricher in self.enrichers:
                    extra.extend(await enricher(sessions, principal, item))
            finally:
                if sessions.opened:
                    await sessions.close()
        # One copy with the extra signals and the user's thresholds: ``assessment.add(*extra).with_thresholds(t)``
        # without the intermediate copy (an enricher may have changed the recommendations: copied after it ran).
        final = Assessment(assessment.kind, [*assessment.signals, *extra], list(assessment.recommendations),
                           dict(assessment.extracted), prefs.thresholds)
        score = final.risk_score  # once: every property below would add the signals up again
        level = prefs.thresholds.level(score)
        is_safe = prefs.thresholds.is_safe(score)
        fraud_types = final.detected_fraud_types  # one list for the row and the response: neither changes it
        analysis_id = new_analysis_id()
        row = {
            "id": analysis_id, "user_id": uid, "kind": kind, "subject": (subject or "")[:256] or None,
            "risk_score": score, "risk_level": level, "is_safe": is_safe,
            "fraud_types": fraud_types, "signal_codes": [s.code for s in final.signals][:50],
            "created_at": utcnow(),
        }
        if not self.history.offer(row):
            await self.history.add(row)
        counter = self._verdict_counters.get((kind, level))
        if counter is None:
            counter = self._verdict_counters[(kind, level)] = self._metrics.verdicts.labels(kind, level)
        counter.inc()
        return Recorded(analysis_id, final, score, level, is_safe, fraud_types)


EnricherFn = Callable[[SessionSource, Principal, AnalysisInput], Awaitable[list[Signal]]]

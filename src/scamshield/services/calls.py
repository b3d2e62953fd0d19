"""Call protection use cases: associate a call with its owner; ingest a transcript segment -> detect -> alert.

``ingest_transcript`` in one transaction: lock the call row, check who may write, store the segment (idempotent on
``dedup_key``), run the conversation detector on the persisted state, save the new state and, when the detector
says so, store the alert (owned -> next ``seq``; unowned -> held). After commit the alert is published to the
owner's channel, so every alert is stored before anyone can see it and survives a crash right after.

A segment costs three statements (lock + read of the call with its ``not_scam`` flag; the segment insert; the
detection update) and, when an alert fires for an owned call, two more (next seq + the owner's notification
settings in one UPDATE … RETURNING; the alert insert) — Core statements on one connection, no ORM session. On
PostgreSQL the same work is two statements with data-modifying CTEs (lock + segment; detection + seq + alert: see
``store.calls.lock_and_add_segment_pg``), i.e. 4 round trips with BEGIN and COMMIT instead of 7 for an alert. The
transaction is two synchronous steps on ``Database.hot_transaction`` (lock + segment; save + alert) with the
detector between them on the loop: on SQLite each step is one hop to the database's writer thread (aiosqlite cost
several thread hops per statement) and the commit rides on the second; on PostgreSQL the steps run through
``run_sync``. Each stage is timed; an ingestion slower than ``SLOW_INGEST_SECONDS``
is logged with its stages (where a latency tail comes from), and ``stage_probe`` exposes the stages to
``benchmarks/ingest.py``.

SQLite (one writer per process): the detector runs *before* the write transaction, on the call's last committed
state read without a lock (``_detect_early``: one indexed read on the loop thread, WAL), and the writes (lock + segment + detection + alert + commit) are one
hop to the writer thread; if the locked row's state is no longer the one read (another process wrote the call in
between), the detector runs again on the row's state inside the transaction, as on PostgreSQL. So the writer lock
is held for the writes only, not for the detector. The same read gives the call's owner: a user who may not write to
the call is refused there (``not_call_owner`` / ``call_not_associated``), before any detection — on PostgreSQL the
first step checks it before the detector too.

Cancellation (a request cut off, a shutdown): before the commit the ingestion is cancelled and rolled back; once its
commit may be under way (on SQLite the commit runs in the writer thread, which cannot be interrupted) it runs to the
end — commit and publication — and the cancellation propagates after. A stored alert is never left unpublished.

Segments of one call are serialised twice: an asyncio lock per call inside the instance (no wasted DB waits), and
the call row's write lock (``store.calls.lock_call``) across instances.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from scamshield.engine.conversation import (
    CallState,
    ConversationDetector,
    DetectionUpdate,
    Segment,
    conservative_model_scorer,
)
from scamshield.engine.taxonomy import advice_for
from scamshield.engine.types import RISK_LEVELS, Thresholds
from scamshield.errors import Forbidden, InvalidInput
from scamshield.metrics import Metrics
from scamshield.services.alerts import AlertService
from scamshield.services.detect_pool import DetectorPool
from scamshield.services.llm_judge import LLMJudge
from scamshield.services.user_settings import notification_preferences
from scamshield.settings import Settings
from scamshield.store import alerts as alert_store
from scamshield.store import calls as call_store
from scamshield.store import users as user_store
from scamshield.store.models import Alert
from scamshield.store.session import Database

log = logging.getLogger("scamshield.calls")

SOURCES = ("api", "ws", "twilio", "media", "debug")
# Calls the telephony side created (voice webhook, transcription callbacks, media streams): nobody's device started
# them, so a user may claim one only by their phone number (the caller's ``From``) or through a service token.
TELEPHONY_SOURCES = ("twilio", "media")
# A call whose first transcript came from a ``service`` token (REST or WS) is stored with this source: like a
# telephony call it is nobody's device's call, so only a trusted caller associates it (it has no caller number).
SERVICE_SOURCE = "service"
# Unowned calls an ordinary user may not claim (``call_not_claimable``) unless their verified phone is the caller's.
PROTECTED_SOURCES = (*TELEPHONY_SOURCES, SERVICE_SOURCE)
_JUDGE_CONCURRENCY = 8
_JUDGE_MAX_PENDING = 64  # calls waiting for (or at) the judge; beyond that, new consultations are dropped
_JUDGE_STALE_SECONDS = 30.0  # a consultation that waited longer than this for a slot is dropped (call moved on)
# The detector runs on the event loop for segments up to this many characters (measured on this 2-core machine with
# a full rolling context: ~1 ms for a 60-character utterance, ~1.5 ms at 300, ~3.5 ms at 600; it is pure Python and
# holds the GIL, so a worker thread would not free the loop, only add a hop); longer segments (up to the detector's
# 2,000-character cut, ~8 ms) go to a worker thread so the loop can interleave other work at GIL switch intervals.
_INLINE_DETECT_CHARS = 600


def _rank(level: str) -> int:
    return RISK_LEVELS.index(level) if level in RISK_LEVELS else 0


def short_sid(call_sid: str) -> str:
    """Call ids in logs are truncated."""
    return call_sid[:8] + "…" if len(call_sid) > 8 else call_sid


@dataclass(frozen=True, slots=True)
class Actor:
    """Who sends a segment: a user (must own the call, or claims an unowned one) or a ``service`` integration."""

    user_id: str | None = None
    is_service: bool = False


SERVICE_ACTOR = Actor(is_service=True)


@dataclass(slots=True)
class AssociateResult:
    call_sid: str
    user_id: str
    already_associated: bool
    held_alerts: int


@dataclass(slots=True)
class IngestResult:
    call_sid: str
    duplicate: bool
    risk_score: int
    risk_level: str
    fraud_type: str | None = None
    alert: dict[str, Any] | None = None  # {"alert_id", "seq", "held"} when this segment raised one
    extra: dict[str, Any] = field(default_factory=dict)


class KeyedLocks:
    """One asyncio lock per key, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, list[Any]] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        entry = self._locks.get(key)
        if entry is None:
            entry = self._locks[key] = [asyncio.Lock(), 0]
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                self._locks.pop(key, None)

    def __len__(self) -> int:
        return len(self._locks)


_PREFS_CACHE: dict[str, tuple[bool, int]] = {}  # a stored "notifications" group (as JSON) -> (call_alerts, floor)
_PREFS_CACHE_MAX = 4096


def _wants_alert(stored_settings: dict[str, Any] | None, level: str) -> bool:
    """Whether a user with these stored ``users.settings`` gets a call alert at ``level``: call alerts on and
    ``level`` at or above their ``min_alert_level``.

    The settings are always read fresh from the database (``take_seq`` returns them with the seq); only their
    parsing is memoised, keyed by the content of the ``notifications`` group — the only group that decides it (a
    corrupt group falls back to its defaults independently of the others, see ``user_settings.load``)."""
    group = stored_settings.get("notifications") if isinstance(stored_settings, dict) else None
    try:
        key = json.dumps(group, sort_keys=True)
    except (TypeError, ValueError):
        key = None
    parsed = _PREFS_CACHE.get(key) if key is not None else None
    if parsed is None:
        prefs = notification_preferences({"notifications": group} if group is not None else None)
        parsed = (prefs.call_alerts, _rank(prefs.min_alert_level))
        if key is not None:
            if len(_PREFS_CACHE) >= _PREFS_CACHE_MAX:
                _PREFS_CACHE.clear()
            _PREFS_CACHE[key] = parsed
    return parsed[0] and _rank(level) >= parsed[1]


# An ingestion slower than this (lock taken -> published) is logged with its stages: where a tail comes from.
SLOW_INGEST_SECONDS = 0.25
_SLOW_LOG = [0.0, 0]  # [perf_counter before which no new line is logged, slow ingestions since the last line]


def _no_probe(_stage: str) -> None:
    return None


class _Marks:
    """Stage boundaries of one ingestion (perf_counter), passed on to ``CallService.stage_probe``."""

    __slots__ = ("probe", "start", "last", "stages")

    def __init__(self, probe: Callable[[str], None]) -> None:
        self.probe = probe
        self.start = self.last = time.perf_counter()
        self.stages: list[tuple[str, float]] = []

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages.append((stage, now - self.last))
        self.last = now
        self.probe(stage)

    def report_if_slow(self, call_sid: str, alerted: bool) -> None:
        """Log a slow ingestion with its stages — at most one line per second (an overloaded instance would
        otherwise log every request); the line says how many slow ones it stands for."""
        total = self.last - self.start
        if total < SLOW_INGEST_SECONDS:
            return
        _SLOW_LOG[1] += 1
        if self.last < _SLOW_LOG[0]:
            return
        _SLOW_LOG[0], count, _SLOW_LOG[1] = self.last + 1.0, _SLOW_LOG[1], 0
        log.warning("slow transcript ingestion on call %s: %.0f ms (alert=%s; %s) [%d slow since the last line]",
                    short_sid(call_sid), total * 1000, alerted,
                    ", ".join(f"{k} {v * 1000:.0f}" for k, v in self.stages), count)


class _Progress:
    """How far one ingestion got: ``committing`` once a commit may be under way (``CallService._ingest_tx``)."""

    __slots__ = ("committing",)

    def __init__(self) -> None:
        self.committing = False


async def _settle(work: "asyncio.Future[Any]", progress: _Progress) -> None:
    """Wait for a cancelled caller's ingestion to end (rolled back, or committed and published), through further
    cancellations: one that arrives before the commit cancels it. Its result or error is dropped."""
    while not work.done():
        try:
            await asyncio.shield(work)
        except asyncio.CancelledError:
            if not work.done() and not progress.committing:
                work.cancel()
        except BaseException:
            break
    if not work.cancelled():
        work.exception()  # retrieved: no "exception was never retrieved" warning


@dataclass(slots=True)
class _IngestTx:
    """What the ingestion transaction did: ``update`` None = duplicate segment (nothing else happened)."""

    call: Any
    update: DetectionUpdate | None
    alert: Alert | None = None
    detect_ms: float = 0.0


@dataclass(slots=True)
class _Early:
    """A detection run before the write transaction on the state read then (``CallService._detect_early``)."""

    exists: bool
    state: dict[str, Any] | None
    new_state: dict[str, Any]
    update: DetectionUpdate
    detect_ms: float


def _detect(detector: ConversationDetector, state_dict: dict[str, Any] | None, segment: Segment
            ) -> tuple[dict[str, Any], DetectionUpdate]:
    """Pure step (no I/O): persisted state + segment -> new state + update."""
    extra = {k: v for k, v in (state_dict or {}).items() if k == "judge"}
    try:
        state = CallState.from_dict(state_dict)
    except InvalidInput:
        log.warning("discarding an unreadable detector state")
        state = CallState()
    update = detector.feed(state, segment)
    new_state = state.to_dict()
    new_state.update(extra)
    return new_state, update


class CallService:
    def __init__(self, db: Database, alerts: AlertService, metrics: Metrics, settings: Settings, *,
                 detector: ConversationDetector | None = None, judge: LLMJudge | None = None) -> None:
        self._db = db
        self._alerts = alerts
        self._metrics = metrics
        self._settings = settings
        self.thresholds = Thresholds(settings.threshold_medium, settings.threshold_high, settings.threshold_critical)
        self.detector = detector or ConversationDetector(self.thresholds, model_scorer=conservative_model_scorer)
        # Worker processes for the detector (``SCAMSHIELD_DETECT_PROCESSES``): only for the default detector, which
        # the workers build the same way.
        self.detect_pool: DetectorPool | None = None
        if detector is None and settings.detect_processes > 0:
            self.detect_pool = DetectorPool(settings.detect_processes, self.thresholds)
        self.judge = judge
        self._locks = KeyedLocks()
        self._judge_slots = asyncio.Semaphore(_JUDGE_CONCURRENCY)
        self._background: set[asyncio.Task] = set()
        self._judge_pending: set[str] = set()  # calls queued for or at the judge (one consultation per call)
        self._judge_again: set[str] = set()  # of those, calls that asked again meanwhile (one re-run)
        self.judge_dropped = 0
        self.early_misses = 0  # SQLite: early detections thrown away because the call's state had moved on
        # Optional stage probe (``benchmarks/ingest.py``): called with a stage name as each stage of
        # ``ingest_transcript`` ends — checkout, lock, segment, detect, save, alert, commit, publish.
        self.stage_probe: Callable[[str], None] | None = None

    # -- association ----------------------------------------------------------------------------------------------
    async def associate_call(self, user_id: str, call_sid: str, *, source: str = "api",
                             phone_number: str | None = None, from_number: str | None = None,
                             trusted: bool = False) -> AssociateResult:
        """Make ``user_id`` the owner of ``call_sid`` (idempotent; ``Conflict`` if owned by someone else).

        ``trusted``: a service token or the Twilio voice webhook (which matched the caller's number). Without it, an
        unowned call the telephony side or a service token created (``PROTECTED_SOURCES``) can be claimed only by
        the user whose ``phone_number`` is the call's caller number (``Forbidden`` ``call_not_claimable``
        otherwise; a service-created call has no caller number). A call id that does not exist yet is created
        owned by the caller (their device's own call). Held alerts of the call get the
        user's next seqs (those below the user's notification preferences are dropped) and are delivered right
        after commit.
        """
        async with self._locks.hold(call_sid):
            async with self._db.transaction() as session:
                # Lock order: the call row first, then the user row (as ingest_transcript does) — no deadlock.
                call = await call_store.lock_call(session, call_sid, source=source)
                if call.user_id is None and not trusted and call.source in PROTECTED_SOURCES and not (
                        phone_number and call.from_number and phone_number == call.from_number):
                    raise Forbidden("this call came in through the telephony integration: it is associated by your "
                                    "phone number or by the integration, not by a device", code="call_not_claimable")
                await user_store.ensure_user(session, user_id, phone_number)
                claim = await call_store.claim_call(session, call_sid, user_id, source=source, from_number=from_number)
                held: list[Alert] = []
                if claim.newly_associated:
                    wants = await self._preferences(session, user_id)
                    held = await alert_store.assign_held(session, call_sid, user_id, keep=lambda a: wants(a.risk_level))
        await self._alerts.publish_assigned(held)
        if claim.newly_associated:
            log.info("call %s associated (source=%s, held alerts=%d)", short_sid(call_sid), source, len(held))
        return AssociateResult(call_sid, user_id, not claim.newly_associated, len(held))

    async def call_owner(self, call_sid: str) -> tuple[bool, str | None]:
        """(exists, owner user id)."""
        async with self._db.session() as session:
            call = await call_store.get_call(session, call_sid)
        return (call is not None, call.user_id if call is not None else None)

    async def ensure_call(self, call_sid: str, *, source: str, from_number: str | None = None) -> None:
        async with self._db.transaction() as session:
            await call_store.ensure_call(session, call_sid, source=source, from_number=from_number)

    async def end_call(self, call_sid: str) -> None:
        async with self._db.transaction() as session:
            await call_store.end_call(session, call_sid)

    # -- transcripts ----------------------------------------------------------------------------------------------
    async def ingest_transcript(self, call_sid: str, segment: Segment, *, dedup_key: str | None, source: str,
                                actor: Actor = SERVICE_ACTOR) -> IngestResult:
        """Persist one segment, run the detector, store and publish an alert when it fires.

        ``actor``: a user may write only to a call they own, or create a call id that does not exist yet (their
        device's own call: it becomes theirs). An existing call they do not own -> ``Forbidden``
        (``not_call_owner``; ``call_not_associated`` if nobody owns it yet: associate it first, under its rules).
        ``SERVICE_ACTOR`` (Twilio webhooks, media streams, service tokens) may write to any call; a call a service
        token creates this way (``source`` "api" or "ws") is stored with source ``SERVICE_SOURCE``: unowned, and not
        claimable by an ordinary user.
        """
        if not isinstance(segment.text, str) or not segment.text.strip():
            raise InvalidInput("transcript text is empty", code="empty_text")
        if source not in SOURCES:
            raise InvalidInput("unknown transcript source")
        if actor.is_service and source not in TELEPHONY_SOURCES:
            source = SERVICE_SOURCE  # only used when this segment creates the call
        progress = _Progress()
        work = asyncio.ensure_future(self._ingest(call_sid, segment, dedup_key, source, actor, progress))
        try:
            return await asyncio.shield(work)
        except asyncio.CancelledError:
            # Cancelled before its commit: the ingestion is cancelled too (rolled back, nothing stored). Once its
            # commit may be under way (``_Progress.committing``; on SQLite the commit runs in the writer thread,
            # which a cancellation cannot stop) it finishes — commit and publication — and only then does the
            # cancellation propagate: a stored alert is never left unpublished.
            if not progress.committing:
                work.cancel()
            await _settle(work, progress)
            raise

    async def _ingest(self, call_sid: str, segment: Segment, dedup_key: str | None, source: str, actor: Actor,
                      progress: "_Progress") -> IngestResult:
        probe = self.stage_probe or _no_probe
        marks = _Marks(probe)
        async with self._locks.hold(call_sid):
            tx = await self._ingest_tx(call_sid, segment, dedup_key, source, actor, marks, progress)
        marks("commit")
        if tx.update is None:
            call = tx.call
            return IngestResult(call_sid, True, call.risk_score, call.risk_level, call.fraud_type)
        update = tx.update
        result = IngestResult(call_sid, False, update.risk_score, update.risk_level, update.fraud_type,
                              extra={"detect_ms": round(tx.detect_ms, 2)})
        new_alert = tx.alert
        if new_alert is not None:
            await self._alerts.publish([new_alert])
            marks("publish")
            result.alert = {"alert_id": new_alert.id, "seq": new_alert.seq, "held": new_alert.user_id is None}
            log.info("alert %s on call %s (%s, %s)", new_alert.id[:8], short_sid(call_sid), new_alert.fraud_type,
                     new_alert.risk_level)
        elif self.judge is not None and segment.final and update.risk_score >= self.thresholds.medium:
            self._request_judge(call_sid, source)
        marks.report_if_slow(call_sid, new_alert is not None)
        return result

    async def _ingest_tx(self, call_sid: str, segment: Segment, dedup_key: str | None, source: str, actor: Actor,
                         marks: "_Marks", progress: "_Progress") -> "_IngestTx":
        """The transaction: lock + store (one step), the detector (on the loop; a long segment in a worker thread),
        save + alert (one step, with the commit on SQLite). See ``Database.hot_transaction`` for where the steps run.

        PostgreSQL: a connection found dead in the first step (database restart; the pool does not ping busy
        connections) is retried once on a new one — nothing of the first attempt was committed."""
        early = (await self._detect_early(call_sid, segment, dedup_key, actor, marks)
                 if self._db.has_writer_thread else None)
        for attempt in (1, 2):
            # ``progress.committing``: from here on a commit may be under way (no retry, no cancellation). Set before
            # every step or block exit that may commit, cleared again when a step turns out not to have committed.
            progress.committing = False
            try:
                async with self._db.hot_transaction() as tx:
                    marks("checkout")
                    if early is not None:  # SQLite: one writer-thread step, committed unless the state moved on
                        progress.committing = True  # the step commits when it is done
                        call, stored, done, alert = await tx.run(
                            self._tx_write_early, call_sid, segment, dedup_key, source, actor, early, marks,
                            last=lambda r: r[2])
                        if done:
                            return _IngestTx(call, early.update if stored else None, alert, early.detect_ms)
                        progress.committing = False  # not done: nothing committed, the transaction is still open
                        self.early_misses += 1  # the call's state changed since it was read: detect on the row
                    else:
                        call, stored = await tx.run(self._tx_lock_and_store, call_sid, segment, dedup_key, source,
                                                    actor, marks)
                        if not stored:
                            progress.committing = True  # (the commit of the block's exit)
                            return _IngestTx(call, None)
                    started = time.perf_counter()
                    state, update = await self._run_detector(call.detector_state, segment)
                    detect_ms = (time.perf_counter() - started) * 1000
                    marks("detect")
                    progress.committing = True  # (SQLite commits inside this last step, PostgreSQL at the exit)
                    alert = await tx.run(self._tx_save_and_alert, call_sid, call, state, update, marks, last=True)
                return _IngestTx(call, update, alert, detect_ms)
            except DBAPIError as exc:
                if attempt == 2 or progress.committing or not exc.connection_invalidated:
                    raise
                log.warning("database connection lost before commit: retrying the segment once")
        raise AssertionError("unreachable")

    async def _run_detector(self, state: dict[str, Any] | None, segment: Segment
                            ) -> tuple[dict[str, Any], DetectionUpdate]:
        """The detector on (state, segment): in a worker process with ``detect_pool``, else on the loop (a long
        segment / context in a worker thread, to keep the loop responsive)."""
        if self.detect_pool is not None:
            done = await self.detect_pool.detect(state, segment)
            if done is not None:
                return done
        if len(segment.text) <= _INLINE_DETECT_CHARS:
            return _detect(self.detector, state, segment)
        return await asyncio.to_thread(_detect, self.detector, state, segment)

    async def _detect_early(self, call_sid: str, segment: Segment, dedup_key: str | None, actor: Actor,
                            marks: "_Marks") -> "_Early | None":
        """SQLite: the detector on the call's last committed state, before the write transaction, so that the
        process's single writer is held only for the writes (one thread hop) and not for the detector. The state
        is read without a lock; ``_tx_write_early`` uses the result only if the locked row still has that state
        (the detector is a pure function of state and segment, so the result is then the one it would compute
        inside the transaction). None (the locked path) for a segment already stored (a retry: nothing to detect)
        or when the read found the file busy.

        A writer the call's owner refuses is refused here (``Forbidden``, the locked path's codes), before any
        detection: an owner once set never changes, so the locked row would refuse it too."""
        row = self._db.read_now(call_store.PEEK_SQLITE_SQL,
                                (dedup_key if segment.final is not False else None, call_sid))
        marks("peek")
        if row is False:  # the file stayed busy: the locked path (it checks the writer before detecting)
            return None
        peek = call_store.peek_detector_state_sqlite(row)
        if peek.exists:
            self._check_writer(peek.owner, actor)
        if peek.seen:  # the segment is already stored (a retry): nothing to detect
            return None
        started = time.perf_counter()
        new_state, update = await self._run_detector(peek.state, segment)
        detect_ms = (time.perf_counter() - started) * 1000
        marks("detect")
        return _Early(peek.exists, peek.state, new_state, update, detect_ms)

    def _tx_write_early(self, conn: Connection, call_sid: str, segment: Segment, dedup_key: str | None, source: str,
                        actor: Actor, early: "_Early", marks: "_Marks") -> tuple[Any, bool, bool, Alert | None]:
        """Lock + store, and — if the locked row's detector state is the one the early detection ran on — save +
        alert in the same step: (call row, stored, done, alert). Not done: the caller detects on the row's state
        and finishes with ``_tx_save_and_alert`` (the transaction stays open)."""
        call, stored = self._tx_lock_and_store(conn, call_sid, segment, dedup_key, source, actor, marks)
        if not stored:
            return call, False, True, None
        if call.detector_state != early.state:
            return call, True, False, None
        alert = self._tx_save_and_alert(conn, call_sid, call, early.new_state, early.update, marks)
        return call, True, True, alert

    def _tx_lock_and_store(self, conn: Connection, call_sid: str, segment: Segment, dedup_key: str | None,
                           source: str, actor: Actor, marks: "_Marks") -> tuple[Any, bool]:
        """Lock + read the call, check who may write, store the segment: (call row, stored); not stored = a
        duplicate (retried delivery)."""
        writer = None if actor.is_service else actor.user_id
        if conn.dialect.name == "postgresql":  # one statement (the "segment" stage is part of "lock")
            call, stored = call_store.lock_and_add_segment_pg(
                conn, call_sid, source=source, owner=writer, service=actor.is_service, text=segment.text,
                speaker=segment.speaker, final=segment.final, dedup_key=dedup_key)
            marks("lock")
            self._check_writer(call.user_id, actor)
            marks("segment")
            return call, stored
        call = call_store.lock_call_sync(conn, call_sid, source=source, owner=writer)
        marks("lock")
        self._check_writer(call.user_id, actor)
        stored = segment.final is False or call_store.add_segment_sync(
            conn, call_sid, text=segment.text, speaker=segment.speaker, final=segment.final, dedup_key=dedup_key)
        marks("segment")
        return call, stored

    @staticmethod
    def _check_writer(owner: str | None, actor: Actor) -> None:
        """``owner``: of the locked call row, or of an existing call's unlocked ``Peek``."""
        if not actor.is_service and owner != actor.user_id:
            if owner is None:
                raise Forbidden("nobody has associated this call yet: associate it first", code="call_not_associated")
            raise Forbidden("this call belongs to another user", code="not_call_owner")

    def _tx_save_and_alert(self, conn: Connection, call_sid: str, call: Any, state: dict[str, Any],
                           update: DetectionUpdate, marks: "_Marks") -> Alert | None:
        """Save the detector's state and verdict; store the alert when it fires (owned: next seq, if the owner's
        preferences want it; unowned: held). PostgreSQL: the update, the seq and the alert are one statement (an
        unwanted alert is removed again and its seq given back, in the same transaction)."""
        if conn.dialect.name == "postgresql" and update.should_alert and not call.not_scam:
            return self._save_and_alert_pg(conn, call_sid, call, state, update, marks)
        call_store.save_detection_sync(conn, call_sid, state=state, risk_score=update.risk_score,
                                       risk_level=update.risk_level, fraud_type=update.fraud_type,
                                       flagged=update.should_alert)
        marks("save")
        if not update.should_alert or call.not_scam:
            return None
        owner = call.user_id
        level = update.alert_level or update.risk_level
        seq = None
        if owner is not None:
            seq, stored_settings = alert_store.take_seq_sync(conn, owner)
            if not _wants_alert(stored_settings, level):
                alert_store.give_back_seq_sync(conn, owner, seq)
                marks("alert")
                return None
        ftype = update.fraud_type or "GENERIC_SCAM"
        alert = alert_store.create_alert_sync(
            conn, user_id=owner, call_sid=call_sid, fraud_type=ftype, risk_score=update.risk_score,
            risk_level=level, reasons=update.reasons, advice=advice_for(ftype), seq=seq)
        marks("alert")
        return alert

    @staticmethod
    def _save_and_alert_pg(conn: Connection, call_sid: str, call: Any, state: dict[str, Any], update: DetectionUpdate,
                           marks: "_Marks") -> Alert | None:
        owner = call.user_id
        level = update.alert_level or update.risk_level
        ftype = update.fraud_type or "GENERIC_SCAM"
        values = alert_store.alert_values(owner, call_sid, ftype, update.risk_score, level, update.reasons,
                                          advice_for(ftype))
        stored_settings = call_store.save_detection_with_alert_pg(
            conn, call_sid, state=state, risk_score=update.risk_score, risk_level=update.risk_level,
            fraud_type=update.fraud_type, flagged=update.should_alert, alert=values)
        marks("save")
        if owner is not None and not _wants_alert(stored_settings, level):
            call_store.undo_owned_alert_pg(conn, values)
            marks("alert")
            return None
        marks("alert")
        return Alert(**values)

    @staticmethod
    async def _preferences(session: Any, owner: str | None) -> Callable[[str], bool]:
        """The owner's notification preferences (``/settings``) as a level filter: call alerts on, and at or above
        their minimum level. Unowned calls hold everything (filtered when the call gets an owner)."""
        if owner is None:
            return lambda level: True
        stored = await user_store.get_settings(session, owner)
        return lambda level: _wants_alert(stored, level)

    # -- optional LLM judge -----------------------------------------------------------------------------------------
    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _request_judge(self, call_sid: str, source: str) -> None:
        """Queue a consultation, bounded: one per call at a time (a request while one is pending is folded into
        a single re-run with the newer context), at most ``_JUDGE_MAX_PENDING`` calls, stale ones dropped."""
        if call_sid in self._judge_pending:
            self._judge_again.add(call_sid)
            return
        if len(self._judge_pending) >= _JUDGE_MAX_PENDING:
            self.judge_dropped += 1
            log.warning("LLM judge queue full (%d calls): not consulting it on call %s", _JUDGE_MAX_PENDING,
                        short_sid(call_sid))
            return
        self._judge_pending.add(call_sid)
        self._spawn(self._judge_worker(call_sid, source))

    async def _judge_worker(self, call_sid: str, source: str) -> None:
        try:
            while True:
                self._judge_again.discard(call_sid)
                await self._consult_judge(call_sid, source, queued_at=time.monotonic())
                if call_sid not in self._judge_again:
                    return
        except Exception:
            log.exception("LLM judge consultation failed")
        finally:
            self._judge_pending.discard(call_sid)
            self._judge_again.discard(call_sid)

    async def _consult_judge(self, call_sid: str, source: str, queued_at: float | None = None) -> Alert | None:
        """Ask the judge about a suspicious call; raise an alert at a level not alerted yet if it agrees."""
        assert self.judge is not None
        async with self._judge_slots:
            if queued_at is not None and time.monotonic() - queued_at > _JUDGE_STALE_SECONDS:
                self.judge_dropped += 1
                return None
            async with self._db.session() as session:
                call = await call_store.get_call(session, call_sid)
            if call is None or call.status == "ended":
                return None
            context = str((call.detector_state or {}).get("context") or "")
            if not context:
                return None
            verdict = await self.judge.judge(context)
        if verdict is None or not verdict.is_scam or verdict.risk_score < self.thresholds.high:
            return None
        level = self.thresholds.level(verdict.risk_score)
        alert: Alert | None = None
        async with self._locks.hold(call_sid):
            async with self._db.transaction() as session:
                call = await call_store.lock_call(session, call_sid, source=source)
                state = dict(call.detector_state or {})
                alerted = [x for x in state.get("alerted") or [] if x in RISK_LEVELS]
                if _rank(level) <= max((_rank(x) for x in alerted), default=-1):
                    return None
                state["alerted"] = [*alerted, level]  # the local detector will not alert again at this level
                state["judge"] = {"level": level, "score": verdict.risk_score}
                ftype = verdict.fraud_type or "GENERIC_SCAM"
                await call_store.save_detection(session, call_sid, state=state, risk_score=max(call.risk_score, verdict.risk_score),
                                                risk_level=level, fraud_type=ftype, flagged=True)
                if call.not_scam or not (await self._preferences(session, call.user_id))(level):
                    return None
                alert = await alert_store.create_alert(
                    session, user_id=call.user_id, call_sid=call_sid, fraud_type=ftype,
                    risk_score=verdict.risk_score, risk_level=level,
                    reasons=verdict.reasons or ["An AI review of the conversation judged it a scam"],
                    advice=advice_for(ftype))
        await self._alerts.publish([alert])
        log.info("LLM judge raised alert %s on call %s", alert.id[:8], short_sid(call_sid))
        return alert

    async def drain(self, timeout: float = 5.0) -> None:
        """Wait for background judge consultations (shutdown, tests)."""
        if self._background:
            await asyncio.wait(list(self._background), timeout=timeout)

    def close(self) -> None:
        """Stop the detector's worker processes (if any)."""
        if self.detect_pool is not None:
            self.detect_pool.close()

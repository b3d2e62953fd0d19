"""Call protection use cases: associate a call with its owner; ingest a transcript segment -> detect -> alert.

``ingest_transcript`` in one transaction: lock the call row, check who may write, store the segment (idempotent on
``dedup_key``), run the conversation detector on the persisted state, save the new state and, when the detector
says so, store the alert (owned -> next ``seq``; unowned -> held). After commit the alert is published to the
owner's channel, so every alert is stored before anyone can see it and survives a crash right after.

Segments of one call are serialised twice: an asyncio lock per call inside the instance (no wasted DB waits), and
the call row's write lock (``store.calls.lock_call``) across instances.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

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
_JUDGE_CONCURRENCY = 8


_LEVEL_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}


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


def _detect(detector: ConversationDetector, state_dict: dict[str, Any] | None, segment: Segment
            ) -> tuple[dict[str, Any], DetectionUpdate]:
    """Pure step (runs in a worker thread): persisted state + segment -> new state + update."""
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
        self.judge = judge
        self._locks = KeyedLocks()
        self._judge_slots = asyncio.Semaphore(_JUDGE_CONCURRENCY)
        self._background: set[asyncio.Task] = set()

    # -- association ----------------------------------------------------------------------------------------------
    async def associate_call(self, user_id: str, call_sid: str, *, source: str = "api",
                             phone_number: str | None = None, from_number: str | None = None) -> AssociateResult:
        """Make ``user_id`` the owner of ``call_sid`` (idempotent; ``Conflict`` if owned by someone else).

        Held alerts of the call get the user's next seqs and are delivered right after commit.
        """
        async with self._locks.hold(call_sid):
            async with self._db.transaction() as session:
                await user_store.ensure_user(session, user_id, phone_number)
                claim = await call_store.claim_call(session, call_sid, user_id, source=source, from_number=from_number)
                held = await alert_store.assign_held(session, call_sid, user_id) if claim.newly_associated else []
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

        ``actor``: a user must own the call (an unowned call is claimed by them, as ``associate_call`` would);
        ``SERVICE_ACTOR`` (Twilio webhooks, media streams, service tokens) may write to any call.
        """
        if not isinstance(segment.text, str) or not segment.text.strip():
            raise InvalidInput("transcript text is empty", code="empty_text")
        if source not in SOURCES:
            raise InvalidInput("unknown transcript source")
        held: list[Alert] = []
        new_alert: Alert | None = None
        async with self._locks.hold(call_sid):
            async with self._db.transaction() as session:
                call = await call_store.lock_call(session, call_sid, source=source)
                owner = call.user_id
                if not actor.is_service:
                    if owner is None and actor.user_id:
                        await call_store.claim_call(session, call_sid, actor.user_id, source=source)
                        held = await alert_store.assign_held(session, call_sid, actor.user_id)
                        owner = actor.user_id
                    elif owner != actor.user_id:
                        raise Forbidden("this call belongs to another user", code="not_call_owner")
                stored = segment.final is False or await call_store.add_segment(
                    session, call_sid, text=segment.text, speaker=segment.speaker, final=segment.final,
                    dedup_key=dedup_key)
                if not stored:
                    return IngestResult(call_sid, True, call.risk_score, call.risk_level, call.fraud_type)
                started = time.perf_counter()
                state, update = await asyncio.to_thread(_detect, self.detector, call.detector_state, segment)
                detect_ms = (time.perf_counter() - started) * 1000
                await call_store.save_detection(session, call_sid, state=state, risk_score=update.risk_score,
                                                risk_level=update.risk_level, fraud_type=update.fraud_type,
                                                flagged=update.should_alert)
                if update.should_alert and await self._wants_alert(session, owner, update.alert_level or update.risk_level):
                    ftype = update.fraud_type or "GENERIC_SCAM"
                    new_alert = await alert_store.create_alert(
                        session, user_id=owner, call_sid=call_sid, fraud_type=ftype, risk_score=update.risk_score,
                        risk_level=update.alert_level or update.risk_level, reasons=update.reasons,
                        advice=advice_for(ftype))
        await self._alerts.publish_assigned(held)
        result = IngestResult(call_sid, False, update.risk_score, update.risk_level, update.fraud_type,
                              extra={"detect_ms": round(detect_ms, 2)})
        if new_alert is not None:
            await self._alerts.publish([new_alert])
            result.alert = {"alert_id": new_alert.id, "seq": new_alert.seq, "held": new_alert.user_id is None}
            log.info("alert %s on call %s (%s, %s)", new_alert.id[:8], short_sid(call_sid), new_alert.fraud_type,
                     new_alert.risk_level)
        elif self.judge is not None and segment.final and update.risk_score >= self.thresholds.medium:
            self._spawn(self._consult_judge(call_sid, source))
        return result

    @staticmethod
    async def _wants_alert(session: Any, owner: str | None, level: str) -> bool:
        """The owner's notification preferences (``/settings``): call alerts on, and at or above their minimum level.
        The call is still marked flagged either way, so a payment made just after it is still called out."""
        if owner is None:
            return True
        user = await user_store.get_user(session, owner)
        prefs = notification_preferences(user.settings if user is not None else None)
        return prefs.call_alerts and _LEVEL_RANK.get(level, 0) >= _LEVEL_RANK[prefs.min_alert_level]

    # -- optional LLM judge -----------------------------------------------------------------------------------------
    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _consult_judge(self, call_sid: str, source: str) -> Alert | None:
        """Ask the judge about a suspicious call; raise an alert at a level not alerted yet if it agrees."""
        assert self.judge is not None
        async with self._judge_slots:
            async with self._db.session() as session:
                call = await call_store.get_call(session, call_sid)
            context = str((call.detector_state or {}).get("context") or "") if call else ""
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
                done = max((RISK_LEVELS.index(x) for x in alerted), default=-1)
                if RISK_LEVELS.index(level) <= done:
                    return None
                state["alerted"] = [*alerted, level]  # the local detector will not alert again at this level
                state["judge"] = {"level": level, "score": verdict.risk_score}
                ftype = verdict.fraud_type or "GENERIC_SCAM"
                await call_store.save_detection(session, call_sid, state=state, risk_score=max(call.risk_score, verdict.risk_score),
                                                risk_level=level, fraud_type=ftype, flagged=True)
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

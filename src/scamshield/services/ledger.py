"""The user's own context in every analysis (the ledger enricher) and the retention task.

``LedgerEnricher`` is registered on ``AnalysisService.enrichers`` at start-up. For each analysis it adds, as
explained signals (see ``engine.payee_history`` for codes and weights):
- the user's own feedback on any entity the analysis names (``user_blocklist`` / ``user_marked_safe``);
- ``community_reported`` when >= N distinct accounts reported a named entity within the window, unless the brand
  registry verifies it as an official entity;
- for a payment (kind ``transaction``, or ``qr`` with a payee VPA): payee history, velocity and the call-aware
  ``active_suspicious_call`` signal, whose advice goes first in the recommendations.
Each part obeys the user's feature toggles (``services.user_settings``). Analyses never write to the ledger.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from sqlalchemy import and_, exists, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.aio import cancel_and_wait
from scamshield.auth import Principal
from scamshield.engine import payee_history as ph
from scamshield.engine.types import Signal
from scamshield.services import user_settings
from scamshield.services.users import MISSING, TtlCache
from scamshield.services.analysis import AnalysisInput, SessionSource
from scamshield.services.entities import analysis_entities, is_official, try_normalise
from scamshield.settings import Settings
from scamshield.store import feedback as feedback_store
from scamshield.store import reports as report_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.models import Call, Feedback, FraudReport, Payee, PayeeTransaction
from scamshield.store.payees import AMOUNT_SAMPLE
from scamshield.store.retention import DEFAULT_SCRUB_HOURS, purge_in_batches
from scamshield.store.session import Database

log = logging.getLogger("scamshield.ledger")

# A live flagged call counts however long it lasts ("digital arrest" calls go on for hours), within this horizon.
LIVE_CALL_HORIZON = timedelta(hours=24)
# In-process caches of the hot path. This instance's own writes apply at once; another instance's feedback is applied
# here when its ``user_changed`` notice arrives through the hub (a broker round trip), and within FEEDBACK_TTL at the
# latest when the notice is lost (broker down). Default of ``SCAMSHIELD_USER_CACHE_TTL_SECONDS``.
FEEDBACK_TTL = 10.0  # a user's feedback verdicts
FEEDBACK_USERS_MAX = 50_000
FEEDBACK_PER_USER_MAX = 2_000  # users with more verdicts are looked up per analysis
COMMUNITY_REFRESH = 15.0  # the community-flagged entity set
COMMUNITY_MAX = 200_000  # above this the set is not kept in memory (looked up per analysis)


def payment_of(item: AnalysisInput) -> tuple[str, Decimal | None] | None:
    """(normalised payee VPA, amount or None) when the analysis is a payment, else None."""
    if item.kind == "transaction":
        tx = item.raw.get("transaction")
        vpa = item.assessment.extracted.get("recipient_upi") or getattr(tx, "recipient_upi", None)
        amount = getattr(tx, "amount", None)
    elif item.kind == "qr":
        upi = item.raw.get("upi") or {}
        if not isinstance(upi, dict):
            return None
        vpa, amount = upi.get("payee_vpa"), upi.get("amount")
    else:
        return None
    norm = try_normalise("upi_id", vpa) if isinstance(vpa, str) else None
    if norm is None:
        return None
    try:
        value = Decimal(str(amount)) if amount is not None else None
    except (InvalidOperation, ValueError):
        value = None
    if value is not None and (not value.is_finite() or value <= 0):
        value = None
    return norm, value


async def flagged_call(session: AsyncSession, user_id: str, now: datetime) -> ph.FlaggedCall | None:
    """The user's latest flagged call (through ``store.calls``), with its end time. The analysis path reads it inside
    ``payment_snapshot``; this is the reference that snapshot is tested against."""
    from scamshield.store.calls import latest_flagged_call

    found = await latest_flagged_call(session, user_id, now - LIVE_CALL_HORIZON)
    if found is None:
        return None
    ended_at = getattr(found, "ended_at", None)
    if found.status != "live" and ended_at is None:
        ended_at = (await session.execute(select(Call.ended_at).where(Call.call_sid == found.call_sid,
                                                                        Call.user_id == user_id))).scalar_one_or_none()
    return ph.FlaggedCall(found.call_sid, found.fraud_type, found.flagged_at, found.status, ended_at)


@dataclass(frozen=True, slots=True)
class PaymentSnapshot:
    payee: ph.PayeeHistory | None
    stats: ph.UserPaymentStats
    call: ph.FlaggedCall | None


async def payment_snapshot(session: AsyncSession, uid: str, vpa: str, now: datetime, *, payee_history: bool,
                           call_protection: bool, short_window: timedelta = timedelta(hours=1),
                           day_window: timedelta = timedelta(days=1)) -> PaymentSnapshot:
    """What ``store.payees.payee_history`` + ``user_payment_stats`` + ``flagged_call`` return, in one statement
    (plus one for the amount samples when the user has confirmed payments) instead of up to nine.

    Statement 1 is a one-row select of scalar sub-queries (counts, "has completed payments") with the payee row and
    the latest flagged call left-joined to it; statement 2 is a UNION ALL of the two bounded amount samples.
    """
    P, T, C = Payee, PayeeTransaction, Call
    completed_user = and_(T.user_id == uid, T.status == "completed")
    completed_payee = and_(completed_user, T.vpa == vpa)
    cols: list[Any] = [literal(1).label("one")]
    if payee_history:
        cols += [
            exists().where(completed_user).label("has_completed"),
            select(func.coalesce(func.sum(P.transaction_count), 0)).where(P.user_id == uid)
            .scalar_subquery().label("user_count"),
            select(func.count()).select_from(P).where(P.user_id == uid, P.transaction_count > 0,
                                                      P.first_transaction_at >= now - day_window)
            .scalar_subquery().label("new_payees"),
            select(func.count()).select_from(T).where(completed_user, T.occurred_at >= now - short_window)
            .scalar_subquery().label("user_recent"),
            select(func.count()).select_from(T).where(completed_payee, T.occurred_at >= now - short_window)
            .scalar_subquery().label("payee_recent"),
        ]
    agg = select(*cols).subquery("agg")
    frm: Any = agg
    out_cols: list[Any] = [agg]
    if payee_history:
        frm = frm.outerjoin(P, and_(P.user_id == uid, P.vpa == vpa))
        out_cols += [P.vpa.label("p_vpa"), P.payee_name, P.transaction_count, P.total_amount, P.max_amount,
                     P.first_transaction_at, P.last_transaction_at, P.is_trusted]
    if call_protection:
        latest = (select(C.call_sid).where(C.user_id == uid, C.flagged_at.is_not(None),
                                           C.flagged_at >= now - LIVE_CALL_HORIZON)
                  .order_by(C.flagged_at.desc()).limit(1).scalar_subquery())
        frm = frm.outerjoin(C, and_(C.call_sid == latest, C.user_id == uid))
        out_cols += [C.call_sid, C.fraud_type, C.flagged_at, C.status, C.ended_at]
    row = (await session.execute(select(*out_cols).select_from(frm))).one()

    call = None
    if call_protection and row.call_sid is not None:
        call = ph.FlaggedCall(row.call_sid, row.fraud_type, row.flagged_at, row.status,
                              None if row.status == "live" else row.ended_at)
    if not payee_history:
        return PaymentSnapshot(None, ph.UserPaymentStats(), call)

    payee_known = row.p_vpa is not None and (row.transaction_count or 0) > 0
    payee_amounts: tuple[Decimal, ...] = ()
    user_amounts: tuple[Decimal, ...] = ()
    if row.has_completed:
        parts = []
        for tag, cond in ((("u", completed_user),) + ((("p", completed_payee),) if payee_known else ())):
            sub = (select(literal(tag).label("k"), T.amount.label("amount"), T.occurred_at.label("at"))
                   .where(cond).order_by(T.occurred_at.desc()).limit(AMOUNT_SAMPLE).subquery())
            parts.append(select(sub.c.k, sub.c.amount, sub.c.at))
        both = union_all(*parts).subquery("samples") if len(parts) > 1 else parts[0].subquery("samples")
        rows = (await session.execute(select(both.c.k, both.c.amount).order_by(both.c.k, both.c.at.desc()))).all()
        user_amounts = tuple(a for k, a in rows if k == "u")
        payee_amounts = tuple(a for k, a in rows if k == "p")
    if row.p_vpa is None:
        payee = ph.PayeeHistory(vpa=vpa)
    else:
        payee = ph.PayeeHistory(
            vpa=vpa, payee_name=row.payee_name, transaction_count=row.transaction_count,
            total_amount=row.total_amount, max_amount=row.max_amount, first_transaction_at=row.first_transaction_at,
            last_transaction_at=row.last_transaction_at, is_trusted=row.is_trusted, recent_amounts=payee_amounts,
            payments_last_hour=int(row.payee_recent or 0) if payee_known else 0)
    if not user_amounts:
        stats = ph.UserPaymentStats()
    else:
        stats = ph.UserPaymentStats(completed_count=int(row.user_count or 0), recent_amounts=user_amounts,
                                    new_payees_last_day=int(row.new_payees or 0),
                                    payments_last_hour=int(row.user_recent or 0))
    return PaymentSnapshot(payee, stats, call)


class CommunitySet:
    """Entities with >= N distinct reporters within the window (not verified official ones), kept in memory.

    Refreshed every ``refresh`` seconds off the request path, and per entity right after a report is stored on this
    instance (``update``). A report made through another instance, or an entity leaving the window, is reflected
    here within ``refresh`` seconds. Until the first load succeeds, or when the set would exceed ``max_entries``,
    ``authoritative`` is False and the enricher asks the database per analysis instead (the previous behaviour).
    """

    def __init__(self, min_reporters: int, window_days: int, clock: Callable[[], datetime], *,
                 refresh: float = COMMUNITY_REFRESH, max_entries: int = COMMUNITY_MAX) -> None:
        self.min_reporters = min_reporters
        self.window_days = window_days
        self.refresh_interval = refresh
        self.max_entries = max_entries
        self._clock = clock
        self.entries: dict[tuple[str, str], tuple[int, str | None]] = {}
        self.authoritative = False
        self.loaded_at: datetime | None = None
        self._touched: dict[tuple[str, str], tuple[int, str | None] | None] | None = None
        self._db: Database | None = None
        self._task: asyncio.Task[Any] | None = None

    async def start(self, db: Database) -> None:
        self._db = db
        try:
            await self.reload()
        except Exception as exc:  # start anyway: the enricher queries per analysis until a refresh succeeds
            log.warning("community set: first load failed (%s)", type(exc).__name__)
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="scamshield-community-set")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.refresh_interval)
            try:
                await self.reload()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep the last set; the next pass retries
                log.warning("community set refresh failed: %s", type(exc).__name__)

    async def reload(self) -> None:
        assert self._db is not None
        since = self._clock() - timedelta(days=self.window_days)
        self._touched = {}
        try:
            async with self._db.session() as session:
                found = await confirmed_entities(session, since, self.min_reporters, self.max_entries + 1)
            touched = self._touched
        finally:
            self._touched = None
        if len(found) > self.max_entries:
            self.entries, self.authoritative = {}, False
            log.warning("community set: more than %d confirmed entities; querying per analysis", self.max_entries)
            return
        # Reports stored on this instance while the snapshot was read win over the snapshot.
        for key, value in touched.items():
            if value is None:
                found.pop(key, None)
            else:
                found[key] = value
        self.entries, self.authoritative, self.loaded_at = found, True, self._clock()

    async def update(self, entity_type: str, entity_id: str) -> None:
        """Recount one entity (after a report on this instance)."""
        if self._db is None:
            return
        since = self._clock() - timedelta(days=self.window_days)
        async with self._db.session() as session:
            counts = await report_store.distinct_reporters(session, [(entity_type, entity_id)], since)
        key = (entity_type, entity_id)
        n, category = counts.get(key, (0, None))
        value = (n, category) if n >= self.min_reporters and not is_official(entity_type, entity_id) else None
        if value is None:
            self.entries.pop(key, None)
        else:
            self.entries[key] = value
        if self._touched is not None:
            self._touched[key] = value


async def confirmed_entities(session: AsyncSession, since: datetime, min_reporters: int,
                             limit: int) -> dict[tuple[str, str], tuple[int, str | None]]:
    """Entities with >= ``min_reporters`` distinct reporters since ``since`` (official ones left out): their count
    and most common category, as ``store.reports.distinct_reporters`` computes them. Two statements."""
    F = FraudReport
    n = func.count(func.distinct(F.reporter_id))
    confirmed = (select(F.entity_type, F.entity_id).where(F.last_reported_at >= since)
                 .group_by(F.entity_type, F.entity_id).having(n >= max(1, min_reporters)).limit(limit)
                 ).subquery("confirmed")
    rows = (await session.execute(
        select(F.entity_type, F.entity_id, F.category, n)
        .join(confirmed, and_(confirmed.c.entity_type == F.entity_type, confirmed.c.entity_id == F.entity_id))
        .where(F.last_reported_at >= since)
        .group_by(F.entity_type, F.entity_id, F.category))).all()
    out: dict[tuple[str, str], tuple[int, str | None]] = {}
    best: dict[tuple[str, str], int] = {}
    for t, i, category, count in rows:
        key = (t, i)
        total, top = out.get(key, (0, None))
        if category is not None and count > best.get(key, 0):
            best[key], top = int(count), category
        out[key] = (total + int(count), top)
    return {k: v for k, v in out.items() if not is_official(*k)}


class LedgerEnricher:
    """Adds the user's own context to an analysis. One instance per app, built from the settings.

    Per analysis it touches the database only when there is something to look up: the user's feedback verdicts
    come from a per-user TTL cache (``FEEDBACK_TTL``, invalidated by ``user_changed``: on this instance directly, on
    the others by the hub's ``user_changed`` notice, see ``AnalysisService.share_changes``), community
    reports from ``CommunitySet``; a payment reads the payee history and the flagged call (``payment_snapshot``).
    Until ``start`` is called (or for what the caches cannot hold) it queries per analysis.
    """

    def __init__(self, settings: Settings, clock: Callable[[], datetime] = utcnow, *,
                 feedback_ttl: float | None = None, community_refresh: float = COMMUNITY_REFRESH) -> None:
        self._min_reporters = settings.community_min_reporters
        self._window_days = settings.community_window_days
        self._call_window = timedelta(minutes=settings.suspicious_call_window_minutes)
        self._clock = clock
        if feedback_ttl is None:
            feedback_ttl = getattr(settings, "user_cache_ttl_seconds", FEEDBACK_TTL)
        self.feedback = TtlCache[str, "dict[tuple[str, str], str] | None"](FEEDBACK_USERS_MAX, feedback_ttl)
        self.community = CommunitySet(self._min_reporters, self._window_days, clock, refresh=community_refresh)
        self._db: Database | None = None

    async def start(self, db: Database) -> None:
        self._db = db
        if self._min_reporters > 0:
            await self.community.start(db)

    async def stop(self) -> None:
        await self.community.stop()

    def user_changed(self, user_id: str) -> None:
        self.feedback.invalidate(user_id)

    def forget_all(self) -> None:
        self.feedback.clear()

    async def entity_reported(self, entity_type: str, entity_id: str) -> None:
        if self._min_reporters > 0:
            await self.community.update(entity_type, entity_id)

    async def _user_verdicts(self, uid: str) -> dict[tuple[str, str], str] | None:
        """All of the user's verdicts (None when they have more than the cache holds: ask per analysis)."""
        hit = self.feedback.peek(uid)
        if hit is not MISSING:
            return hit  # type: ignore[return-value]
        db = self._db
        assert db is not None

        async def load() -> dict[tuple[str, str], str] | None:
            async with db.session() as session:
                rows = (await session.execute(
                    select(Feedback.entity_type, Feedback.entity_id, Feedback.verdict)
                    .where(Feedback.user_id == uid).limit(FEEDBACK_PER_USER_MAX + 1))).all()
            if len(rows) > FEEDBACK_PER_USER_MAX:
                return None
            return {(t, i): v for t, i, v in rows if v != "unsure"}

        return await self.feedback.get(uid, load)

    async def __call__(self, sessions: SessionSource, principal: Principal, item: AnalysisInput) -> list[Signal]:
        if item.prefs is not None:
            features = item.prefs.features
        else:
            features = user_settings.features(await user_store.get_settings(await sessions.get(), principal.user_id))
        uid = principal.user_id
        signals: list[Signal] = []
        cached = self._db is not None
        payment = payment_of(item)

        verdicts: dict[tuple[str, str], str] | None = None
        if features.personal_lists and cached:
            hit = self.feedback.peek(uid)  # no coroutine on a hit
            verdicts = await self._user_verdicts(uid) if hit is MISSING else hit  # type: ignore[assignment]
        community = self.community if (cached and self.community.authoritative) else None
        want_feedback = features.personal_lists and (verdicts is None or bool(verdicts))
        want_community = (features.community_reports and self._min_reporters > 0
                          and (community is None or bool(community.entries)))
        # Normalising the entities costs more than the whole lookup when both sets are empty: skip it then.
        pairs: list[tuple[str, str]] = []
        if want_feedback or want_community:
            pairs = analysis_entities(item.entities)
        if payment is not None and ("upi_id", payment[0]) not in pairs:
            pairs.append(("upi_id", payment[0]))

        if want_feedback and pairs:
            if verdicts is None:
                found = await feedback_store.verdicts_for(await sessions.get(), uid, pairs)
            else:
                found = {p: verdicts[p] for p in pairs if p in verdicts}
            for (etype, eid), verdict in found.items():
                s = ph.feedback_signal(etype, eid, verdict)
                if s is not None:
                    signals.append(s)

        if want_community and pairs:
            if community is None:
                since = self._clock() - timedelta(days=self._window_days)
                counts = await report_store.distinct_reporters(await sessions.get(), pairs, since)
            else:
                counts = {p: community.entries[p] for p in pairs if p in community.entries}
            for (etype, eid), (n, category) in counts.items():
                if n < self._min_reporters:
                    continue
                s = ph.community_signal(etype, eid, n, self._min_reporters, self._window_days,
                                        official=is_official(etype, eid), category=category)
                if s is not None:
                    signals.append(s)

        if payment is not None and (features.payee_history or features.call_protection):
            findings = await self._payment(await sessions.get(), uid, payment, self._clock(), features)
            signals.extend(findings.signals)
            # The call-aware advice is the first thing the user must read (AnalysisInput exposes the assessment
            # being enriched; its recommendations are carried into the final result).
            for advice in reversed(findings.recommendations):
                if advice not in item.assessment.recommendations:
                    item.assessment.recommendations.insert(0, advice)
        return signals

    async def _payment(self, session: AsyncSession, uid: str, payment: tuple[str, Decimal | None], now: datetime,
                       features: user_settings.Features) -> ph.Findings:
        vpa, amount = payment
        snap = await payment_snapshot(session, uid, vpa, now, payee_history=features.payee_history,
                                      call_protection=features.call_protection)
        if not features.payee_history:
            out = ph.Findings()
            found = ph.call_signal(snap.call, now, self._call_window)
            if found is not None:
                out.signals.append(found[0])
                out.recommendations.append(found[1])
            return out
        return ph.assess_payment(ph.PaymentContext(vpa, amount, now, snap.payee, snap.stats, snap.call,
                                                   self._call_window))


# --- retention ------------------------------------------------------------------------------------------------------
class RetentionTask:
    """Purges expired personal data every ``interval`` seconds (first run after ``first_delay``)."""

    def __init__(self, db: Database, retention_days: int, *, scrub_hours: int = DEFAULT_SCRUB_HOURS,
                 interval: float = 3600.0, first_delay: float = 60.0):
        self._db = db
        self._days = retention_days
        self._scrub_hours = scrub_hours
        self._interval = interval
        self._first_delay = first_delay
        self._task: asyncio.Task[Any] | None = None
        self.runs = 0

    def start(self) -> None:
        if self._days > 0 and self._task is None:
            self._task = asyncio.create_task(self._loop(), name="scamshield-retention")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None

    async def _loop(self) -> None:
        await asyncio.sleep(self._first_delay)
        while True:
            try:
                totals = await purge_in_batches(self._db, self._days, scrub_after_hours=self._scrub_hours)
                self.runs += 1
                if any(totals.values()):
                    log.info("retention purge: %s", ", ".join(f"{k}={v}" for k, v in totals.items()))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep running; the next pass retries
                log.warning("retention purge failed: %s", type(exc).__name__)
            await asyncio.sleep(self._interval)

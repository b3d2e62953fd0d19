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
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.auth import Principal
from scamshield.engine import payee_history as ph
from scamshield.engine.types import Signal
from scamshield.services import user_settings
from scamshield.services.analysis import AnalysisInput
from scamshield.services.entities import analysis_entities, is_official, try_normalise
from scamshield.settings import Settings
from scamshield.store import feedback as feedback_store
from scamshield.store import payees as payee_store
from scamshield.store import reports as report_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.models import Call
from scamshield.store.retention import purge_expired
from scamshield.store.session import Database

log = logging.getLogger("scamshield.ledger")

# A live flagged call counts however long it lasts ("digital arrest" calls go on for hours), within this horizon.
LIVE_CALL_HORIZON = timedelta(hours=24)


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
    """The user's latest flagged call (through ``store.calls``), with its end time."""
    from scamshield.store.calls import latest_flagged_call

    found = await latest_flagged_call(session, user_id, now - LIVE_CALL_HORIZON)
    if found is None:
        return None
    ended_at = getattr(found, "ended_at", None)
    if found.status != "live" and ended_at is None:
        ended_at = (await session.execute(select(Call.ended_at).where(Call.call_sid == found.call_sid,
                                                                        Call.user_id == user_id))).scalar_one_or_none()
    return ph.FlaggedCall(found.call_sid, found.fraud_type, found.flagged_at, found.status, ended_at)


class LedgerEnricher:
    """Adds the user's own context to an analysis. One instance per app, built from the settings."""

    def __init__(self, settings: Settings, clock: Callable[[], datetime] = utcnow) -> None:
        self._min_reporters = settings.community_min_reporters
        self._window_days = settings.community_window_days
        self._call_window = timedelta(minutes=settings.suspicious_call_window_minutes)
        self._clock = clock

    async def __call__(self, session: AsyncSession, principal: Principal, item: AnalysisInput) -> list[Signal]:
        features = user_settings.features(await user_store.get_settings(session, principal.user_id))
        now = self._clock()
        uid = principal.user_id
        signals: list[Signal] = []
        pairs = analysis_entities(item.entities)
        payment = payment_of(item)
        if payment is not None and ("upi_id", payment[0]) not in pairs:
            pairs.append(("upi_id", payment[0]))

        if features.personal_lists and pairs:
            verdicts = await feedback_store.verdicts_for(session, uid, pairs)
            for (etype, eid), verdict in verdicts.items():
                s = ph.feedback_signal(etype, eid, verdict)
                if s is not None:
                    signals.append(s)

        if features.community_reports and pairs and self._min_reporters > 0:
            since = now - timedelta(days=self._window_days)
            counts = await report_store.distinct_reporters(session, pairs, since)
            for (etype, eid), (n, category) in counts.items():
                if n < self._min_reporters:
                    continue
                s = ph.community_signal(etype, eid, n, self._min_reporters, self._window_days,
                                        official=is_official(etype, eid), category=category)
                if s is not None:
                    signals.append(s)

        if payment is not None and (features.payee_history or features.call_protection):
            findings = await self._payment(session, uid, payment, now, features)
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
        call = await flagged_call(session, uid, now) if features.call_protection else None
        if not features.payee_history:
            out = ph.Findings()
            found = ph.call_signal(call, now, self._call_window)
            if found is not None:
                out.signals.append(found[0])
                out.recommendations.append(found[1])
            return out
        payee = await payee_store.payee_history(session, uid, vpa, now)
        stats = await payee_store.user_payment_stats(session, uid, now)
        return ph.assess_payment(ph.PaymentContext(vpa, amount, now, payee, stats, call, self._call_window))


# --- retention ------------------------------------------------------------------------------------------------------
async def purge_once(db: Database, retention_days: int, *, batch_size: int = 5000,
                     now: datetime | None = None) -> dict[str, int]:
    """Purge in batches (one short transaction each, so writers are never blocked for long)."""
    totals: dict[str, int] = {}
    when = now or utcnow()
    while True:
        async with db.transaction() as session:
            counts = await purge_expired(session, when, retention_days, batch_size=batch_size)
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        if all(v < batch_size for v in counts.values()):
            return totals


class RetentionTask:
    """Purges expired personal data every ``interval`` seconds (first run after ``first_delay``)."""

    def __init__(self, db: Database, retention_days: int, *, interval: float = 3600.0, first_delay: float = 60.0):
        self._db = db
        self._days = retention_days
        self._interval = interval
        self._first_delay = first_delay
        self._task: asyncio.Task[Any] | None = None
        self.runs = 0

    def start(self) -> None:
        if self._days > 0 and self._task is None:
            self._task = asyncio.create_task(self._loop(), name="scamshield-retention")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _loop(self) -> None:
        await asyncio.sleep(self._first_delay)
        while True:
            try:
                totals = await purge_once(self._db, self._days)
                self.runs += 1
                if any(totals.values()):
                    log.info("retention purge: %s", ", ".join(f"{k}={v}" for k, v in totals.items()))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep running; the next pass retries
                log.warning("retention purge failed: %s", type(exc).__name__)
            await asyncio.sleep(self._interval)

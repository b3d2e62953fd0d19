"""Personal-data retention.

- Analyses, transcript segments and alerts older than the retention period are deleted.
- Calls ended (or, if never ended, last updated) before the retention horizon keep their row (owner, scores, the
  time they were flagged: the payee ledger's call-aware checks read those) but lose ``detector_state`` (the
  detector's rolling transcript context, tail and evidence snippets) and ``from_number``.
- Sooner, "scrub on end": ``scrub_after_hours`` after a call ended, the transcript text inside its detector state
  (``context``, ``tail``, the evidence snippets of cue hits and of the model signal) is blanked; the cue codes,
  counts and weights stay, so a late segment on that call is still judged with what was already found.

The payee ledger, feedback and community reports are the user's protection data and are kept.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, null, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.models import Alert, Analysis, Call, TranscriptSegment

PURGED_TABLES = (("analyses", Analysis), ("transcript_segments", TranscriptSegment), ("alerts", Alert))
DEFAULT_SCRUB_HOURS = 24  # SCAMSHIELD_CALL_SCRUB_HOURS
SCRUBBED = "scrubbed"  # marker key in a scrubbed detector state


async def purge_expired(session: AsyncSession, now: datetime, retention_days: int, *,
                        dry_run: bool = False, batch_size: int | None = None,
                        scrub_after_hours: int = DEFAULT_SCRUB_HOURS) -> dict[str, int]:
    """Rows deleted (or that would be, with ``dry_run``) per table. ``retention_days <= 0`` keeps everything.

    Two more counts appear when calls were touched: ``calls_expired`` (detector state and caller number removed at
    the retention horizon) and ``calls_scrubbed`` (transcript text blanked ``scrub_after_hours`` after the call
    ended; ``0`` disables that step). With ``batch_size`` at most that many rows per table go per call (call again
    until every count is below it).
    """
    if retention_days <= 0:
        return {name: 0 for name, _ in PURGED_TABLES}
    cutoff = now - timedelta(days=retention_days)
    out: dict[str, int] = {}
    for name, model in PURGED_TABLES:
        old = model.created_at < cutoff
        if dry_run:
            out[name] = int((await session.execute(select(func.count()).select_from(model).where(old))).scalar_one())
            continue
        stmt = delete(model)
        if batch_size is None:
            stmt = stmt.where(old)
        else:
            ids = select(model.id).where(old).limit(batch_size).scalar_subquery()
            stmt = stmt.where(model.id.in_(ids))
        result = await session.execute(stmt.execution_options(synchronize_session=False))
        out[name] = int(result.rowcount or 0)
    expired = await _expire_calls(session, cutoff, dry_run=dry_run, batch_size=batch_size)
    if expired:
        out["calls_expired"] = expired
    if scrub_after_hours > 0:
        scrubbed = await _scrub_ended_calls(session, now - timedelta(hours=scrub_after_hours), cutoff,
                                            dry_run=dry_run, batch_size=batch_size)
        if scrubbed:
            out["calls_scrubbed"] = scrubbed
    return out


def _expired_calls(cutoff: datetime):
    ended_before = and_(Call.ended_at.is_not(None), Call.ended_at < cutoff)
    idle_before = and_(Call.ended_at.is_(None), Call.updated_at < cutoff)
    holds_data = or_(Call.detector_state.is_not(None), Call.from_number.is_not(None))
    return and_(or_(ended_before, idle_before), holds_data)


async def _expire_calls(session: AsyncSession, cutoff: datetime, *, dry_run: bool, batch_size: int | None) -> int:
    cond = _expired_calls(cutoff)
    if dry_run:
        return int((await session.execute(select(func.count()).select_from(Call).where(cond))).scalar_one())
    stmt = update(Call)
    if batch_size is None:
        stmt = stmt.where(cond)
    else:
        stmt = stmt.where(Call.call_sid.in_(select(Call.call_sid).where(cond).limit(batch_size).scalar_subquery()))
    # SQL NULL (not JSON null); updated_at kept as it was (no onupdate bump: it is what the horizon is measured by).
    stmt = stmt.values(detector_state=null(), from_number=None, updated_at=Call.updated_at)
    result = await session.execute(stmt.execution_options(synchronize_session=False))
    return int(result.rowcount or 0)


def scrub_state(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """The detector state without transcript text: context and tail blanked, evidence snippets emptied."""
    if not isinstance(state, dict):
        return None
    out = dict(state)
    out["context"] = ""
    out["tail"] = ""
    hits = out.get("hits")
    if isinstance(hits, dict):
        out["hits"] = {code: ([*v[:2], ""] if isinstance(v, list) and len(v) >= 3 else v) for code, v in hits.items()}
    model_signal = out.get("model_signal")
    if isinstance(model_signal, dict) and model_signal.get("evidence"):
        out["model_signal"] = {**model_signal, "evidence": {}}
    out[SCRUBBED] = True
    return out


async def _scrub_ended_calls(session: AsyncSession, ended_before: datetime, horizon: datetime, *, dry_run: bool,
                             batch_size: int | None) -> int:
    # Calls that ended before the horizon are expired (state removed) instead.
    cond = and_(Call.status == "ended", Call.ended_at < ended_before, Call.ended_at >= horizon,
                Call.detector_state.is_not(None), Call.detector_state[SCRUBBED].as_string().is_(None))
    if dry_run:
        return int((await session.execute(select(func.count()).select_from(Call).where(cond))).scalar_one())
    q = select(Call.call_sid, Call.detector_state, Call.updated_at).where(cond).order_by(Call.ended_at)
    if batch_size is not None:
        q = q.limit(batch_size)
    done = 0
    for call_sid, state, updated_at in (await session.execute(q)).all():
        new_state = scrub_state(state)
        # Optimistic: a segment stored since the read (it bumps updated_at) wins; the next run scrubs again.
        result = await session.execute(
            update(Call).where(and_(Call.call_sid == call_sid, Call.updated_at == updated_at))
            .values(detector_state=null() if new_state is None else new_state, updated_at=Call.updated_at)
            .execution_options(synchronize_session=False))
        done += int(result.rowcount or 0)
    return done


async def purge_in_batches(db: Any, retention_days: int, *, scrub_after_hours: int = DEFAULT_SCRUB_HOURS,
                           batch_size: int = 5000, now: datetime | None = None) -> dict[str, int]:
    """:func:`purge_expired` in batches, one short transaction each (writers are never blocked for long).

    ``db`` is a :class:`scamshield.store.session.Database`. Returns the totals per table.
    """
    from scamshield.store.base import utcnow

    totals: dict[str, int] = {}
    when = now or utcnow()
    while True:
        async with db.transaction() as session:
            counts = await purge_expired(session, when, retention_days, batch_size=batch_size,
                                         scrub_after_hours=scrub_after_hours)
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        if all(v < batch_size for v in counts.values()):
            return totals

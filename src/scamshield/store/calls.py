"""Calls, their owners, their transcript segments and the detector state persisted on the call row.

Ownership is decided by the database, never by process memory: a call is claimed with a conditional
``UPDATE ... WHERE user_id IS NULL`` (or inserted already owned), so two instances associating the same call at the
same time cannot both win. Segment idempotency rests on the unique ``dedup_key``.

Lock order (PostgreSQL): every transaction that touches both takes the call row first (``lock_call``), then the
user row (``ensure_user``, ``next_seq``), so association and ingestion cannot deadlock each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.errors import Conflict
from scamshield.store.base import utcnow
from scamshield.store.models import Call, TranscriptSegment
from scamshield.store.upsert import insert_for


@dataclass(frozen=True, slots=True)
class Claim:
    call_sid: str
    user_id: str
    newly_associated: bool  # False: the caller already owned it (idempotent repeat)


@dataclass(frozen=True, slots=True)
class FlaggedCall:
    call_sid: str
    fraud_type: str | None
    flagged_at: datetime
    status: str
    risk_score: int
    risk_level: str


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind is not None else "sqlite"


async def get_call(session: AsyncSession, call_sid: str) -> Call | None:
    return await session.get(Call, call_sid)


async def ensure_call(session: AsyncSession, call_sid: str, *, source: str, from_number: str | None = None) -> None:
    """Create the call row (unowned) if it does not exist yet."""
    now = utcnow()
    stmt = insert_for(session, Call).values(call_sid=call_sid, user_id=None, from_number=from_number, source=source,
                                            status="live", risk_score=0, risk_level="low", created_at=now,
                                            updated_at=now)
    await session.execute(stmt.on_conflict_do_nothing(index_elements=[Call.call_sid]))


async def claim_call(session: AsyncSession, call_sid: str, user_id: str, *, source: str,
                     from_number: str | None = None) -> Claim:
    """Make ``user_id`` the owner of ``call_sid``. Idempotent for the owner; ``Conflict`` if someone else owns it.

    Atomic on both backends: an INSERT that already carries the owner, else an UPDATE guarded by
    ``user_id IS NULL``; only one concurrent claimer can change the row.
    """
    now = utcnow()
    ins = insert_for(session, Call).values(call_sid=call_sid, user_id=user_id, from_number=from_number, source=source,
                                           status="live", risk_score=0, risk_level="low", created_at=now,
                                           updated_at=now, associated_at=now)
    inserted = await session.execute(ins.on_conflict_do_nothing(index_elements=[Call.call_sid]).returning(Call.call_sid))
    if inserted.scalar_one_or_none() is not None:
        return Claim(call_sid, user_id, True)
    upd = (update(Call).where(and_(Call.call_sid == call_sid, Call.user_id.is_(None)))
           .values(user_id=user_id, associated_at=now, updated_at=now).returning(Call.call_sid))
    if (await session.execute(upd)).scalar_one_or_none() is not None:
        return Claim(call_sid, user_id, True)
    owner = (await session.execute(select(Call.user_id).where(Call.call_sid == call_sid))).scalar_one_or_none()
    if owner == user_id:
        return Claim(call_sid, user_id, False)
    raise Conflict("this call is already associated with another user", code="call_owned")


async def create_owned_call(session: AsyncSession, call_sid: str, user_id: str, *, source: str) -> bool:
    """Insert ``call_sid`` already owned by ``user_id``; ``False`` (and nothing changed) if the call exists.

    How a device starts protecting its own call by posting its first segment: it may create a call id, never take
    over an existing one (that is ``claim_call``'s job, with its rules)."""
    now = utcnow()
    ins = insert_for(session, Call).values(call_sid=call_sid, user_id=user_id, source=source, status="live",
                                           risk_score=0, risk_level="low", created_at=now, updated_at=now,
                                           associated_at=now)
    res = await session.execute(ins.on_conflict_do_nothing(index_elements=[Call.call_sid]).returning(Call.call_sid))
    return res.scalar_one_or_none() is not None


async def lock_call(session: AsyncSession, call_sid: str, *, source: str) -> Call:
    """Create the call if needed and take its write lock for the rest of the transaction, then return the row.

    Writing first is what serialises concurrent segments of one call across instances: PostgreSQL holds the row
    lock until commit, SQLite the database write lock. The state read afterwards is therefore current.
    """
    now = utcnow()
    stmt = insert_for(session, Call).values(call_sid=call_sid, user_id=None, source=source, status="live",
                                            risk_score=0, risk_level="low", created_at=now, updated_at=now)
    stmt = stmt.on_conflict_do_update(index_elements=[Call.call_sid], set_={"updated_at": now})
    await session.execute(stmt)
    q = select(Call).where(Call.call_sid == call_sid).execution_options(populate_existing=True)
    if _dialect(session) == "postgresql":
        q = q.with_for_update()
    return (await session.execute(q)).scalar_one()


async def save_detection(session: AsyncSession, call_sid: str, *, state: dict[str, Any], risk_score: int,
                         risk_level: str, fraud_type: str | None, flagged: bool) -> None:
    values: dict[str, Any] = {"detector_state": state, "risk_score": risk_score, "risk_level": risk_level,
                              "updated_at": utcnow()}
    if fraud_type:
        values["fraud_type"] = fraud_type
    await session.execute(update(Call).where(Call.call_sid == call_sid).values(**values))
    if flagged:  # first flag time is kept
        await session.execute(update(Call).where(and_(Call.call_sid == call_sid, Call.flagged_at.is_(None)))
                              .values(flagged_at=utcnow()))


async def end_call(session: AsyncSession, call_sid: str) -> None:
    await session.execute(update(Call).where(and_(Call.call_sid == call_sid, Call.status != "ended"))
                          .values(status="ended", ended_at=utcnow(), updated_at=utcnow()))


async def add_segment(session: AsyncSession, call_sid: str, *, text: str, speaker: str | None, final: bool,
                      dedup_key: str | None) -> bool:
    """Store one segment. ``False`` when ``dedup_key`` was seen before (a retried delivery): do nothing more."""
    stmt = insert_for(session, TranscriptSegment).values(call_sid=call_sid, dedup_key=dedup_key, speaker=speaker,
                                                         text=text, final=final, created_at=utcnow())
    if dedup_key is None:
        await session.execute(stmt)
        return True
    stmt = stmt.on_conflict_do_nothing(index_elements=[TranscriptSegment.dedup_key]).returning(TranscriptSegment.id)
    return (await session.execute(stmt)).scalar_one_or_none() is not None


async def latest_flagged_call(session: AsyncSession, user_id: str, since: datetime) -> FlaggedCall | None:
    """The user's most recently flagged call (live or ended) flagged at or after ``since``, if any.

    Used by the payee ledger: a payment right after a scam call is the classic "safe account" transfer.
    """
    q = (select(Call.call_sid, Call.fraud_type, Call.flagged_at, Call.status, Call.risk_score, Call.risk_level)
         .where(and_(Call.user_id == user_id, Call.flagged_at.is_not(None), Call.flagged_at >= since))
         .order_by(Call.flagged_at.desc()).limit(1))
    row = (await session.execute(q)).first()
    if row is None:
        return None
    return FlaggedCall(row.call_sid, row.fraud_type, row.flagged_at, row.status, row.risk_score, row.risk_level)


async def live_call_owners(session: AsyncSession, user_ids: list[str] | None = None, *,
                           limit: int = 1000) -> dict[str, str]:
    """``{call_sid: user_id}`` of live, owned calls (optionally only those of ``user_ids``), newest first."""
    q = select(Call.call_sid, Call.user_id).where(and_(Call.status == "live", Call.user_id.is_not(None)))
    if user_ids is not None:
        if not user_ids:
            return {}
        q = q.where(Call.user_id.in_(user_ids[:1000]))
    q = q.order_by(Call.updated_at.desc()).limit(limit)
    return {r.call_sid: r.user_id for r in (await session.execute(q)).all()}

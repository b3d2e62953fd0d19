"""A user's own verdicts on entities (one per user and entity; the latest wins). They affect only that user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.base import new_id, utcnow
from scamshield.store.models import Analysis, Feedback
from scamshield.store.upsert import insert_for

ENTITY_TYPES = ("url", "domain", "sms_sender", "upi_id", "phone_number")
VERDICTS = ("safe", "fraud", "unsure")
MAX_LOOKUP = 100  # entities looked up per analysis


async def put_feedback(session: AsyncSession, user_id: str, entity_type: str, entity_id: str, verdict: str, *,
                       analysis_id: str | None = None, comment: str | None = None) -> Feedback:
    now = utcnow()
    ins = insert_for(session, Feedback).values(
        id=new_id(), user_id=user_id, entity_type=entity_type, entity_id=entity_id, verdict=verdict,
        analysis_id=analysis_id, comment=comment, created_at=now, updated_at=now)
    await session.execute(ins.on_conflict_do_update(
        index_elements=[Feedback.user_id, Feedback.entity_type, Feedback.entity_id],
        set_={"verdict": verdict, "analysis_id": analysis_id, "comment": comment, "updated_at": now}))
    return (await session.execute(select(Feedback).where(
        Feedback.user_id == user_id, Feedback.entity_type == entity_type, Feedback.entity_id == entity_id)
        .execution_options(populate_existing=True))).scalar_one()


async def verdicts_for(session: AsyncSession, user_id: str,
                       entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The user's verdicts on the given (entity_type, entity_id) pairs (uses the unique index)."""
    pairs = list(dict.fromkeys(entities))[:MAX_LOOKUP]
    if not pairs:
        return {}
    cond = or_(*(and_(Feedback.entity_type == t, Feedback.entity_id == i) for t, i in pairs))
    rows = await session.execute(select(Feedback.entity_type, Feedback.entity_id, Feedback.verdict)
                                 .where(Feedback.user_id == user_id, cond))
    return {(t, i): v for t, i, v in rows.all()}


async def user_counts(session: AsyncSession, user_id: str) -> dict[str, int]:
    rows = await session.execute(select(Feedback.verdict, func.count()).where(Feedback.user_id == user_id)
                                 .group_by(Feedback.verdict))
    counts = {v: 0 for v in VERDICTS}
    counts.update({v: int(n) for v, n in rows.all()})
    return counts


@dataclass
class KindPrecision:
    kind: str
    flagged_fraud: int = 0  # flagged by us, user said fraud (true positive)
    flagged_safe: int = 0  # flagged by us, user said safe (false positive)
    passed_fraud: int = 0  # passed as safe, user said fraud (missed)
    passed_safe: int = 0

    @property
    def precision(self) -> float | None:
        n = self.flagged_fraud + self.flagged_safe
        return round(self.flagged_fraud / n, 4) if n else None

    @property
    def recall(self) -> float | None:
        n = self.flagged_fraud + self.passed_fraud
        return round(self.flagged_fraud / n, 4) if n else None


@dataclass
class GlobalPrecision:
    feedback_total: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, KindPrecision] = field(default_factory=dict)


async def global_precision(session: AsyncSession) -> GlobalPrecision:
    """Precision/recall estimates of the detectors from feedback linked to an analysis (the user's own analysis)."""
    out = GlobalPrecision()
    rows = await session.execute(select(Feedback.verdict, func.count()).group_by(Feedback.verdict))
    out.by_verdict = {v: 0 for v in VERDICTS} | {v: int(n) for v, n in rows.all()}
    out.feedback_total = sum(out.by_verdict.values())
    joined = await session.execute(
        select(Analysis.kind, Analysis.is_safe, Feedback.verdict, func.count())
        .join(Analysis, and_(Analysis.id == Feedback.analysis_id, Analysis.user_id == Feedback.user_id))
        .where(Feedback.verdict.in_(("safe", "fraud")))
        .group_by(Analysis.kind, Analysis.is_safe, Feedback.verdict))
    for kind, is_safe, verdict, n in joined.all():
        k = out.by_kind.setdefault(kind, KindPrecision(kind))
        attr = ("passed_" if is_safe else "flagged_") + verdict
        setattr(k, attr, getattr(k, attr) + int(n))
    return out

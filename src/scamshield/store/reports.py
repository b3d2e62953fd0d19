"""Community fraud reports: one row per (reporter, entity); counted by DISTINCT reporters within a window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.base import new_id, utcnow
from scamshield.store.models import FraudReport
from scamshield.store.upsert import insert_for

MAX_LOOKUP = 100


@dataclass(frozen=True, slots=True)
class Submitted:
    report: FraudReport
    first_time: bool  # False when this account had already reported the entity


async def submit(session: AsyncSession, reporter_id: str, entity_type: str, entity_id: str, *,
                 category: str | None = None, description: str | None = None) -> Submitted:
    """Record a report; a repeat by the same account refreshes its report (it never adds a reporter)."""
    now = utcnow()
    ins = insert_for(session, FraudReport).values(
        id=new_id(), reporter_id=reporter_id, entity_type=entity_type, entity_id=entity_id, category=category,
        description=description, report_count=1, created_at=now, last_reported_at=now)
    c = FraudReport.__table__.c
    await session.execute(ins.on_conflict_do_update(
        index_elements=[FraudReport.reporter_id, FraudReport.entity_type, FraudReport.entity_id],
        set_={"report_count": c.report_count + 1, "last_reported_at": now,
              "category": func.coalesce(ins.excluded.category, c.category),
              "description": func.coalesce(ins.excluded.description, c.description)}))
    row = (await session.execute(select(FraudReport).where(
        FraudReport.reporter_id == reporter_id, FraudReport.entity_type == entity_type,
        FraudReport.entity_id == entity_id).execution_options(populate_existing=True))).scalar_one()
    return Submitted(row, row.report_count == 1)


async def distinct_reporters(session: AsyncSession, entities: Iterable[tuple[str, str]],
                             since: datetime) -> dict[tuple[str, str], tuple[int, str | None]]:
    """For each (entity_type, entity_id): distinct reporters since ``since`` and the most common category."""
    pairs = list(dict.fromkeys(entities))[:MAX_LOOKUP]
    if not pairs:
        return {}
    cond = or_(*(and_(FraudReport.entity_type == t, FraudReport.entity_id == i) for t, i in pairs))
    rows = await session.execute(
        select(FraudReport.entity_type, FraudReport.entity_id, FraudReport.category,
               func.count(func.distinct(FraudReport.reporter_id)))
        .where(cond, FraudReport.last_reported_at >= since)
        .group_by(FraudReport.entity_type, FraudReport.entity_id, FraudReport.category))
    out: dict[tuple[str, str], tuple[int, str | None]] = {}
    best: dict[tuple[str, str], int] = {}
    for t, i, category, n in rows.all():
        key = (t, i)
        total, top = out.get(key, (0, None))
        # Rows are unique per reporter and entity, so per-category counts add up to the distinct total.
        if category is not None and n > best.get(key, 0):
            best[key], top = int(n), category
        out[key] = (total + int(n), top)
    return out


async def history(session: AsyncSession, reporter_id: str, *, limit: int = 50,
                  before: tuple[datetime, str] | None = None) -> list[FraudReport]:
    q = select(FraudReport).where(FraudReport.reporter_id == reporter_id)
    if before is not None:
        t, i = before
        q = q.where(or_(FraudReport.last_reported_at < t, and_(FraudReport.last_reported_at == t, FraudReport.id < i)))
    q = q.order_by(FraudReport.last_reported_at.desc(), FraudReport.id.desc()).limit(limit)
    return list((await session.execute(q)).scalars().all())


@dataclass(frozen=True, slots=True)
class ReportStatistics:
    total_reports: int  # distinct (reporter, entity) pairs
    reported_entities: int
    reports_in_window: int
    by_entity_type: dict[str, int]
    by_category: dict[str, int]
    confirmed_entities: list[tuple[str, str, int]]  # (type, id, distinct reporters) meeting the threshold


async def statistics(session: AsyncSession, since: datetime, min_reporters: int, top: int = 20) -> ReportStatistics:
    """Aggregates only: no reporter identity, and an entity is named only once the community threshold is met."""
    total, entities = (await session.execute(select(
        func.count(), func.count(func.distinct(FraudReport.entity_type + ":" + FraudReport.entity_id))))).one()
    in_window = int((await session.execute(select(func.count()).select_from(FraudReport)
                                           .where(FraudReport.last_reported_at >= since))).scalar_one())
    by_type = dict((await session.execute(select(FraudReport.entity_type, func.count())
                                          .group_by(FraudReport.entity_type))).all())
    by_cat: dict[str, int] = {}
    for cat, count in (await session.execute(select(FraudReport.category, func.count())
                                             .group_by(FraudReport.category))).all():
        by_cat[cat or "unspecified"] = by_cat.get(cat or "unspecified", 0) + int(count)
    n = func.count(func.distinct(FraudReport.reporter_id))
    confirmed = (await session.execute(
        select(FraudReport.entity_type, FraudReport.entity_id, n)
        .where(FraudReport.last_reported_at >= since)
        .group_by(FraudReport.entity_type, FraudReport.entity_id)
        .having(n >= max(1, min_reporters))
        .order_by(n.desc(), FraudReport.entity_type, FraudReport.entity_id).limit(top))).all()
    return ReportStatistics(int(total), int(entities), in_window, {k: int(v) for k, v in by_type.items()},
                            {k: int(v) for k, v in by_cat.items()}, [(t, i, int(c)) for t, i, c in confirmed])

"""The user's own analyses and alerts, for GET /history and GET /dashboard. Every query filters on user_id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.models import Alert, Analysis


ANALYSIS_COLUMNS = ("id", "user_id", "kind", "subject", "risk_score", "risk_level", "is_safe", "fraud_types",
                    "signal_codes", "created_at")


_INSERT_ANALYSES = insert(Analysis.__table__)


async def insert_analyses(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert analysis rows (dicts with ``ANALYSIS_COLUMNS``) in one executemany; the caller owns the transaction.

    A Core insert on the table: the ORM's bulk-insert path (``insert(Analysis)``) wrote the same rows with the same
    column types and defaults, at ~3 µs more per row of per-row mapper bookkeeping (the history writer's batches)."""
    if rows:
        await session.execute(_INSERT_ANALYSES, list(rows))


async def list_analyses(session: AsyncSession, user_id: str, *, kind: str | None = None,
                        risk_level: str | None = None, limit: int = 20,
                        before: tuple[datetime, str] | None = None) -> list[Analysis]:
    """Newest first; ``before`` is the (created_at, id) of the last row of the previous page."""
    q = select(Analysis).where(Analysis.user_id == user_id)
    if kind is not None:
        q = q.where(Analysis.kind == kind)
    if risk_level is not None:
        q = q.where(Analysis.risk_level == risk_level)
    if before is not None:
        t, i = before
        q = q.where(or_(Analysis.created_at < t, and_(Analysis.created_at == t, Analysis.id < i)))
    q = q.order_by(Analysis.created_at.desc(), Analysis.id.desc()).limit(limit)
    return list((await session.execute(q)).scalars().all())


async def get_analysis(session: AsyncSession, user_id: str, analysis_id: str) -> Analysis | None:
    return (await session.execute(select(Analysis).where(Analysis.id == analysis_id, Analysis.user_id == user_id))
            ).scalar_one_or_none()


@dataclass(frozen=True, slots=True)
class Dashboard:
    total_analyses: int
    analyses_today: int
    blocked_threats: int
    active_alerts: int
    risk_distribution: dict[str, int]
    analysis_by_type: dict[str, int]
    recent_alerts: list[Alert]


async def dashboard(session: AsyncSession, user_id: str, *, day_start: datetime, alerts_since: datetime,
                    recent: int = 10) -> Dashboard:
    mine = Analysis.user_id == user_id
    total, today, blocked = (await session.execute(select(
        func.count(), func.count().filter(Analysis.created_at >= day_start),
        func.count().filter(Analysis.is_safe.is_(False))).where(mine))).one()
    levels = {lvl: 0 for lvl in ("low", "medium", "high", "critical")}
    levels.update({k: int(v) for k, v in (await session.execute(
        select(Analysis.risk_level, func.count()).where(mine).group_by(Analysis.risk_level))).all()})
    by_type = {k: int(v) for k, v in (await session.execute(
        select(Analysis.kind, func.count()).where(mine).group_by(Analysis.kind))).all()}
    mine_alerts = and_(Alert.user_id == user_id, Alert.is_test.is_(False))
    active = int((await session.execute(select(func.count()).select_from(Alert).where(
        mine_alerts, Alert.acked_at.is_(None), Alert.response.is_(None), Alert.created_at >= alerts_since)
    )).scalar_one())
    latest = list((await session.execute(select(Alert).where(mine_alerts)
                                         .order_by(Alert.created_at.desc(), Alert.id.desc()).limit(recent))
                   ).scalars().all())
    return Dashboard(int(total), int(today), int(blocked), active, levels, by_type, latest)

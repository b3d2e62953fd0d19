"""The user's own analyses and alerts, for GET /history and GET /dashboard. Every query filters on user_id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring_ascii
from typing import Any, Sequence

from sqlalchemy import JSON, Column, MetaData, Table, TypeDecorator, and_, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.models import Alert, Analysis


ANALYSIS_COLUMNS = ("id", "user_id", "kind", "subject", "risk_score", "risk_level", "is_safe", "fraud_types",
                    "signal_codes", "created_at")


def _str_list_json(value: list[str]) -> str:
    """``json.dumps(value)`` for a list of strings (default separators, ``ensure_ascii``): the same text, built by
    the same C escaping function without the encoder's Python layers. Raises ``TypeError`` on a non-string item."""
    return "[" + ", ".join(map(encode_basestring_ascii, value)) + "]"


# Checked against the dialect's own JSON encoding before the shortcut is used (an engine configured with another
# ``json_serializer`` keeps its own): quotes, backslashes, control and non-ASCII characters, empty strings.
_PROBES: tuple[list[str], ...] = ([], ["phishing"], ["a\"b", "c\\d", "e\nf\u0001", "", "é", "\u0939\u093f", "😀"])


class StrListJSON(TypeDecorator):
    """The ``JSON`` column type, with a list of strings (the history rows' ``fraud_types`` and ``signal_codes``)
    encoded by ``_str_list_json`` instead of ``json.dumps``: byte-identical text, ~1 µs instead of ~3.4 µs for a list
    of four codes (SQLite dialect, this VM). Anything else, and any dialect whose JSON encoding differs on the probes,
    goes through ``JSON``'s own bind processing. Reads are never affected (the table's own column type reads them)."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect):  # type: ignore[override]
        general = self.impl_instance.bind_processor(dialect)
        if general is None or any(general(p) != _str_list_json(p) for p in _PROBES):
            return general

        def process(value: Any) -> Any:
            if type(value) is list:
                try:
                    return _str_list_json(value)
                except TypeError:  # a non-string item: the general encoder (it may also refuse it)
                    pass
            return general(value)

        return process


def _insert_table() -> Table:
    """The ``analyses`` table as the history writer inserts into it: the same name, columns, types and defaults, but
    ``StrListJSON`` for the JSON columns. Used for ``INSERT`` only; every read goes through ``Analysis``."""
    columns = []
    for c in Analysis.__table__.columns:
        type_ = StrListJSON() if isinstance(c.type, JSON) else c.type
        default = c.default.arg if c.default is not None else None
        columns.append(Column(c.name, type_, primary_key=c.primary_key, nullable=c.nullable, default=default))
    return Table(Analysis.__table__.name, MetaData(), *columns)


_INSERT_ANALYSES = insert(_insert_table())


async def insert_analyses(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert analysis rows (dicts with ``ANALYSIS_COLUMNS``) in one executemany; the caller owns the transaction.

    A Core insert on the table: the ORM's bulk-insert path (``insert(Analysis)``) wrote the same rows with the same
    column types and defaults, at ~3 µs more per row of per-row mapper bookkeeping (the history writer's batches).
    The two JSON lists are encoded by ``StrListJSON`` (the same text as ``json.dumps``; ~2 µs less loop-thread CPU
    per row in an interleaved A/B of 200-row batches on SQLite: docs/performance.md, eighth session)."""
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

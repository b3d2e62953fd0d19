"""Community fraud reports: submit, aggregate statistics (no reporter identity), the caller's own history."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query

from scamshield.api.deps import Ctx, CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.api.schemas_ledger import (
    MAX_PAGE,
    ConfirmedEntity,
    Page,
    ReportAccepted,
    ReportIn,
    ReportOut,
    ReportStatistics,
    decode_cursor,
    encode_cursor,
)
from scamshield.services.entities import is_official, normalise_entity
from scamshield.store import reports as report_store
from scamshield.store.base import utcnow
from scamshield.store.models import FraudReport

router = APIRouter(tags=["reports"])
ERRORS = responses(*AUTH_ERRORS)


def report_out(r: FraudReport) -> dict[str, Any]:
    return {"report_id": r.id, "entity_type": r.entity_type, "entity_id": r.entity_id, "category": r.category,
            "description": r.description, "report_count": r.report_count, "created_at": r.created_at,
            "last_reported_at": r.last_reported_at}


@router.post("/report/fraud", response_model=ReportAccepted, responses=ERRORS,
             summary="Report an entity as a fraud (counts toward others only with enough distinct reporters)")
async def report_fraud(body: ReportIn, ctx: Ctx, user: CurrentUser) -> dict[str, Any]:
    entity_id = normalise_entity(body.entity_type, body.entity_id)
    description = body.description.strip() or None if body.description else None
    async with ctx.db.transaction() as session:
        sub = await report_store.submit(session, user.user_id, body.entity_type, entity_id, category=body.category,
                                        description=description)
    await ctx.extras["analysis"].entity_reported(body.entity_type, entity_id)  # the in-memory community set
    return {**report_out(sub.report), "first_report": sub.first_time,
            "official_entity": is_official(body.entity_type, entity_id)}


@router.get("/report/statistics", response_model=ReportStatistics, responses=ERRORS,
            summary="Community report aggregates (no reporter identity)")
async def report_statistics(ctx: Ctx, user: CurrentUser) -> ReportStatistics:
    s = ctx.settings
    since = utcnow() - timedelta(days=s.community_window_days)
    async with ctx.db.session() as session:
        st = await report_store.statistics(session, since, max(1, s.community_min_reporters))
    confirmed = [ConfirmedEntity(entity_type=t, entity_id=i, distinct_reporters=n)
                 for t, i, n in st.confirmed_entities if not is_official(t, i)]
    return ReportStatistics(window_days=s.community_window_days, min_reporters=s.community_min_reporters,
                            total_reports=st.total_reports, reported_entities=st.reported_entities,
                            reports_in_window=st.reports_in_window, by_entity_type=st.by_entity_type,
                            by_category=st.by_category, confirmed_entities=confirmed)


@router.get("/report/history", response_model=Page[ReportOut], responses=ERRORS,
            summary="Your own reports, most recent first (paged)")
async def report_history(
    ctx: Ctx, user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    before = decode_cursor(cursor)
    async with ctx.db.session() as session:
        rows = await report_store.history(session, user.user_id, limit=limit + 1, before=before)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1].last_reported_at, rows[-1].id) if more and rows else None
    return {"items": [report_out(r) for r in rows], "next_cursor": nxt}

"""The caller's own views: analysis history, dashboard, settings (applied to later analyses), profile."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query
from pydantic import ValidationError
from sqlalchemy import func, select

from scamshield.api.deps import Ctx, CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.api.schemas_ledger import (
    MAX_PAGE,
    AlertSummary,
    Dashboard,
    HistoryItem,
    Me,
    Page,
    RiskLevel,
    SettingsIn,
    SettingsOut,
    decode_cursor,
    encode_cursor,
)
from scamshield.engine.types import Thresholds
from scamshield.errors import InvalidInput
from scamshield.logging_setup import mask_phone
from scamshield.services import user_settings
from scamshield.store import history as history_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.models import PayeeTransaction

router = APIRouter(tags=["me"])
ERRORS = responses(*AUTH_ERRORS)
ACTIVE_ALERT_HOURS = 24


def _server_thresholds(ctx) -> Thresholds:
    s = ctx.settings
    return Thresholds(s.threshold_medium, s.threshold_high, s.threshold_critical)


@router.get("/history", response_model=Page[HistoryItem], responses=ERRORS,
            summary="Your analyses, newest first (paged)")
async def history(
    ctx: Ctx, user: CurrentUser,
    analysis_type: Annotated[str | None, Query(max_length=16, pattern=r"^[a-z_]{1,16}$",
                                               description="url, sms, qr, transaction...")] = None,
    risk_level: Annotated[RiskLevel | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    before = decode_cursor(cursor)
    await ctx.extras["analysis"].flush_user(user.user_id)  # read your own writes (history is written behind)
    async with ctx.db.session() as session:
        rows = await history_store.list_analyses(session, user.user_id, kind=analysis_type, risk_level=risk_level,
                                                 limit=limit + 1, before=before)
    more = len(rows) > limit
    rows = rows[:limit]
    items = [HistoryItem(analysis_id=r.id, analysis_type=r.kind, subject=r.subject, risk_score=r.risk_score,
                         risk_level=r.risk_level, is_safe=r.is_safe, fraud_types=list(r.fraud_types or []),
                         signal_codes=list(r.signal_codes or []), created_at=r.created_at) for r in rows]
    return {"items": items, "next_cursor": encode_cursor(rows[-1].created_at, rows[-1].id) if more and rows else None}


@router.get("/dashboard", response_model=Dashboard, responses=ERRORS, summary="Your protection at a glance")
async def dashboard(ctx: Ctx, user: CurrentUser) -> Dashboard:
    now = utcnow()
    await ctx.extras["analysis"].flush_user(user.user_id)  # read your own writes (history is written behind)
    async with ctx.db.session() as session:
        prefs = user_settings.load(await user_store.get_settings(session, user.user_id), _server_thresholds(ctx))
        local = now.astimezone(ZoneInfo(prefs.timezone))
        day_start = datetime(local.year, local.month, local.day, tzinfo=local.tzinfo)
        d = await history_store.dashboard(session, user.user_id, day_start=day_start,
                                          alerts_since=now - timedelta(hours=ACTIVE_ALERT_HOURS))
        blocked_payments = (await session.execute(select(func.count()).select_from(PayeeTransaction).where(
            PayeeTransaction.user_id == user.user_id, PayeeTransaction.status == "blocked"))).scalar_one()
    alerts = [AlertSummary(alert_id=a.id, call_sid=a.call_sid, fraud_type=a.fraud_type, risk_score=a.risk_score,
                           risk_level=a.risk_level, created_at=a.created_at, acknowledged=a.acked_at is not None,
                           response=a.response) for a in d.recent_alerts]
    return Dashboard(total_analyses=d.total_analyses, analyses_today=d.analyses_today,
                     blocked_threats=d.blocked_threats, active_alerts=d.active_alerts,
                     risk_distribution=d.risk_distribution, analysis_by_type=d.analysis_by_type,
                     recent_alerts=alerts, blocked_payments=int(blocked_payments))


def _settings_out(s: user_settings.UserSettings) -> SettingsOut:
    return SettingsOut(risk_thresholds=s.risk_thresholds, features=s.features, notifications=s.notifications,
                       timezone=s.timezone)


@router.get("/settings", response_model=SettingsOut, responses=ERRORS, summary="Your effective settings")
async def get_settings(ctx: Ctx, user: CurrentUser) -> SettingsOut:
    async with ctx.db.session() as session:
        stored = await user_store.get_settings(session, user.user_id)
    return _settings_out(user_settings.load(stored, _server_thresholds(ctx)))


@router.put("/settings", response_model=SettingsOut, responses=ERRORS,
            summary="Change your settings (fields left out keep their value); applied to your later analyses")
async def put_settings(body: SettingsIn, ctx: Ctx, user: CurrentUser) -> SettingsOut:
    async with ctx.db.transaction() as session:
        stored = await user_store.get_settings(session, user.user_id)
        try:
            new, effective = user_settings.apply_update(stored, body.as_update(), _server_thresholds(ctx))
        except ValidationError as exc:
            first = exc.errors()[0] if exc.errors() else {}
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise InvalidInput(f"invalid settings: {where}: {first.get('msg', 'invalid value')}"[:300],
                               code="invalid_settings") from None
        await user_store.put_settings(session, user.user_id, new)
    # later analyses on this instance use them at once, on the others once the notice (awaited, bounded) arrives
    await ctx.extras["analysis"].user_changed_announced(user.user_id)
    return _settings_out(effective)


@router.get("/user/me", response_model=Me, responses=ERRORS, summary="Who you are (phone number masked)")
async def me(ctx: Ctx, user: CurrentUser) -> Me:
    async with ctx.db.session() as session:
        row = await user_store.get_user(session, user.user_id)
    phone = user.phone_number or (row.phone_number if row else None)
    return Me(user_id=user.user_id, phone_number=mask_phone(phone), roles=sorted(user.roles),
              created_at=row.created_at if row else None)

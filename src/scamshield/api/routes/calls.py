"""Call protection over HTTP: associate a call with its owner, post transcript segments.

This module also builds the real-time parts at start-up (hub, alert and call services) for ws/twilio/debug.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from pydantic_core import to_json

from scamshield.api.context import AppContext
from scamshield.api.deps import Ctx, CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.auth import Principal, normalise_phone
from scamshield.engine.conversation import Segment
from scamshield.errors import Forbidden, InvalidInput, NotFound
from scamshield.hub.hub import Hub
from scamshield.hub.messages import CALL_SID_PATTERN, MAX_TEXT_CHARS
from scamshield.services.alerts import AlertService
from scamshield.services.calls import SERVICE_ACTOR, Actor, CallService
from scamshield.services.llm_judge import LLMJudge
from scamshield.store import users as user_store

log = logging.getLogger("scamshield.api.calls")
router = APIRouter(tags=["calls"])


# --- start-up / shutdown: the real-time parts --------------------------------------------------------------------
async def startup(ctx: AppContext) -> None:
    s = ctx.settings
    hub = Hub(broker_url=s.redis_url, queue_size=s.ws_send_queue_size, heartbeat_seconds=s.ws_heartbeat_seconds,
              on_connections_changed=ctx.metrics.ws_connections.set, on_delivered=ctx.metrics.alert_delivery.observe)
    await hub.start()
    alerts = AlertService(ctx.db, hub, ctx.metrics, s)
    judge = None
    if s.llm_base_url and s.llm_model:
        judge = LLMJudge(s.llm_base_url, s.llm_model, s.llm_api_key.get_secret_value() if s.llm_api_key else None,
                         timeout=s.llm_timeout_seconds)
    calls = CallService(ctx.db, alerts, ctx.metrics, s, judge=judge)
    if calls.detect_pool is not None:
        calls.detect_pool.start()
    ctx.extras.update(hub=hub, alerts=alerts, calls=calls)
    await alerts.refresh_held_gauge()


async def shutdown(ctx: AppContext) -> None:
    calls: CallService | None = ctx.extras.get("calls")
    if calls is not None:
        await calls.drain(timeout=2.0)
        calls.close()
        if calls.judge is not None:
            await calls.judge.close()
    hub: Hub | None = ctx.extras.get("hub")
    if hub is not None:
        await hub.close()


def call_service(ctx: AppContext) -> CallService:
    return ctx.extras["calls"]


def alert_service(ctx: AppContext) -> AlertService:
    return ctx.extras["alerts"]


async def resolve_target(ctx: AppContext, principal: Principal, user_id: str | None, phone_number: str | None) -> str:
    """The user a request acts for. Never self-asserted: body ``user_id`` / ``phone_number`` must match the token.

    A ``service`` token (telephony integration) acts for another user and must name them, by ``user_id`` or by the
    phone number stored for them: naming nobody (or itself) is ``InvalidInput`` ``user_required``, so a call is never
    claimed by the service account.
    """
    if principal.is_service:
        if user_id and user_id != principal.user_id:
            return user_id
        if not user_id and phone_number:
            e164 = normalise_phone(phone_number)
            if e164 is None:
                raise NotFound("no user with that phone number", code="user_not_found")
            async with ctx.db.session() as session:
                user = await user_store.find_user_by_phone(session, e164)
            if user is None:
                raise NotFound("no user with that phone number", code="user_not_found")
            if user.id != principal.user_id:
                return user.id
        raise InvalidInput("a service token must name the user it acts for: give user_id or phone_number "
                           "(not the service's own account)", code="user_required")
    if user_id is not None and user_id != principal.user_id:
        raise Forbidden("user_id does not match the token", code="identity_mismatch")
    if phone_number is not None:
        e164 = normalise_phone(phone_number)
        if principal.phone_number is None or e164 != principal.phone_number:
            raise Forbidden("phone_number does not match the token", code="identity_mismatch")
    return principal.user_id


def device_dedup_key(call_sid: str, sequence: int | None, final: bool) -> str | None:
    """Idempotency for app-sent segments: a resent (call, sequence) is stored and analysed once."""
    if sequence is None:
        return None
    return f"dev:{call_sid}:{sequence}:{'f' if final else 'i'}"


# --- routes ------------------------------------------------------------------------------------------------------
class AssociateBody(BaseModel):
    call_sid: str = Field(pattern=CALL_SID_PATTERN, description="The call's id (Twilio CallSid or your own)")
    user_id: str | None = Field(default=None, max_length=128, description="Must equal the token's user (or omit)")
    phone_number: str | None = Field(default=None, max_length=32, description="Must equal the token's phone (or omit)")


class AssociateOut(BaseModel):
    call_sid: str
    user_id: str
    status: str = "associated"
    already_associated: bool
    held_alerts: int = Field(description="Alerts raised before the association, delivered now")


@router.post("/api/associate-call", summary="Associate a call with the caller's account",
             response_model=AssociateOut, responses=responses(*AUTH_ERRORS, 404, 409))
async def associate_call(body: AssociateBody, principal: CurrentUser, ctx: Ctx) -> AssociateOut:
    target = await resolve_target(ctx, principal, body.user_id, body.phone_number)
    phone = principal.phone_number if target == principal.user_id else None
    r = await call_service(ctx).associate_call(target, body.call_sid, source="api", phone_number=phone,
                                               trusted=principal.is_service)
    return AssociateOut(call_sid=r.call_sid, user_id=r.user_id, already_associated=r.already_associated,
                        held_alerts=r.held_alerts)


class TranscriptBody(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    speaker: str | None = Field(default=None, max_length=32)
    final: bool = True
    sequence: int | None = Field(default=None, ge=0, le=2**31 - 1,
                                 description="Per-call segment number; a resent sequence is not counted twice")


class AlertRef(BaseModel):
    alert_id: str
    seq: int | None
    held: bool


class TranscriptOut(BaseModel):
    call_sid: str
    accepted: bool = True
    duplicate: bool
    risk_score: int
    risk_level: str
    fraud_type: str | None
    alert: AlertRef | None


@router.post("/api/calls/{call_sid}/transcript", summary="Add a transcript segment to a call",
             response_model=TranscriptOut, responses=responses(*AUTH_ERRORS, 404))
async def post_transcript(body: TranscriptBody, principal: CurrentUser, ctx: Ctx,
                          call_sid: str = Path(pattern=CALL_SID_PATTERN)) -> Response:
    actor = SERVICE_ACTOR if principal.is_service else Actor(user_id=principal.user_id)
    r = await call_service(ctx).ingest_transcript(
        call_sid, Segment(body.text, body.speaker, body.final), source="api", actor=actor,
        dedup_key=device_dedup_key(call_sid, body.sequence, body.final))
    # Rendered once, in ``TranscriptOut``'s field order (the response model documents it; FastAPI does not validate
    # and re-serialise a returned Response: ~0.1 ms of the hot path's CPU per segment).
    alert = {"alert_id": r.alert["alert_id"], "seq": r.alert["seq"], "held": r.alert["held"]} if r.alert else None
    return Response(to_json({"call_sid": call_sid, "accepted": True, "duplicate": r.duplicate,
                             "risk_score": r.risk_score, "risk_level": r.risk_level, "fraud_type": r.fraud_type,
                             "alert": alert}), media_type="application/json")

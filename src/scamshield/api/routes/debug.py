"""Operating the real-time side: who is connected (admin) and test alerts through the real path."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from scamshield.api.deps import AdminUser, Ctx, CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.api.routes.calls import alert_service
from scamshield.errors import Forbidden
from scamshield.hub.hub import Hub
from scamshield.hub.messages import CALL_SID_PATTERN
from scamshield.logging_setup import mask_phone
from scamshield.store import calls as call_store

router = APIRouter(tags=["operations"])


class ConnectionInfo(BaseModel):
    user_id: str
    phone_number: str | None = Field(description="Masked, e.g. +91******3210")
    connection_id: str
    connected_at: float


class ActiveConnections(BaseModel):
    total_connections: int
    connections: list[ConnectionInfo]
    call_mappings: dict[str, str] = Field(description="Live calls of the connected users: call_sid -> user_id")
    scope: str = Field("instance", description="Connections are those of this instance")


@router.get("/api/active-connections", summary="Connections on this instance (admin)",
            response_model=ActiveConnections, responses=responses(*AUTH_ERRORS))
async def active_connections(_: AdminUser, ctx: Ctx) -> ActiveConnections:
    hub: Hub = ctx.extras["hub"]
    conns = hub.snapshot()
    async with ctx.db.session() as session:
        mappings = await call_store.live_call_owners(session, sorted({c.user_id for c in conns}))
    return ActiveConnections(
        total_connections=len(conns),
        connections=[ConnectionInfo(user_id=c.user_id, phone_number=mask_phone(c.phone_number), connection_id=c.id,
                                    connected_at=c.connected_at) for c in conns[:1000]],
        call_mappings=mappings,
    )


class SimulateBody(BaseModel):
    user_id: str | None = Field(default=None, max_length=128, description="Target user (default: yourself)")
    call_sid: str | None = Field(default=None, pattern=CALL_SID_PATTERN)


class SimulateOut(BaseModel):
    alert_id: str
    user_id: str
    seq: int | None
    test: bool = True


@router.post("/api/debug/simulate-alert", summary="Send a test alert through the real delivery path",
             response_model=SimulateOut, responses=responses(*AUTH_ERRORS, 404, 409))
async def simulate_alert(body: SimulateBody, principal: CurrentUser, ctx: Ctx) -> SimulateOut:
    target = body.user_id or principal.user_id
    if not principal.is_admin:
        # Outside development only admins may; in development a user may test their own devices.
        if ctx.settings.env != "development":
            raise Forbidden("admin role required", code="admin_required")
        if target != principal.user_id:
            raise Forbidden("you may only send a test alert to yourself", code="identity_mismatch")
    alert = await alert_service(ctx).simulate(target, body.call_sid)
    return SimulateOut(alert_id=alert.id, user_id=target, seq=alert.seq)

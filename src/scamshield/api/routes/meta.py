"""Service information, health and Prometheus metrics."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from scamshield import __version__
from scamshield.api.context import AppContext
from scamshield.api.deps import Ctx
from scamshield.api.errors import responses
from scamshield.errors import AuthError

router = APIRouter(tags=["service"])


@router.get("/", summary="Service name, version and docs link")
async def root() -> dict[str, str]:
    return {"name": "ScamShield", "version": __version__, "docs": "/docs", "openapi": "/openapi.json", "console": "/console"}


@router.get("/health", summary="Liveness, database and real-time broker check", responses=responses(503))
async def health(ctx: Ctx) -> JSONResponse:
    """``503`` when the database does not answer, or when the real-time broker (Redis) is down or publications to
    it are failing: alerts would then reach only the devices connected to this instance."""
    body: dict[str, str] = {"status": "ok", "database": "ok", "broker": "ok", "version": __version__}
    try:
        await ctx.db.ping()
    except Exception:
        body.update(status="unavailable", database="down")
    hub = ctx.extras.get("hub")
    if hub is not None:
        try:
            broker_ok = await hub.healthy()
        except Exception:
            broker_ok = False
        if not broker_ok:
            body.update(status="unavailable", broker="down")
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


@router.get("/health/live", summary="Liveness only: the process answers (no database or broker check)")
async def health_live() -> dict[str, str]:
    """For a process supervisor's liveness probe: ``/health`` is the readiness check (its 503 while the database or
    the broker is down must not get a healthy process restarted, or every instance taken out of rotation when only
    Redis is down)."""
    return {"status": "ok", "version": __version__}


def _metrics_allowed(ctx: AppContext, request: Request) -> bool:
    """No ``SCAMSHIELD_METRICS_TOKEN``: open (bind it to a private network). Set: ``Authorization: Bearer <it>``."""
    expected = ctx.settings.metrics_token.get_secret_value() if ctx.settings.metrics_token else ""
    if not expected:
        return True
    scheme, _, given = (request.headers.get("authorization") or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected.encode())


@router.get("/metrics", summary="Prometheus metrics (Bearer SCAMSHIELD_METRICS_TOKEN when that is set)",
            response_class=Response,
            responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}, **responses(401)})
async def metrics(request: Request, ctx: Ctx) -> Response:
    if not _metrics_allowed(ctx, request):
        code = "invalid_token" if request.headers.get("authorization") else "missing_token"
        raise AuthError("metrics need Authorization: Bearer <SCAMSHIELD_METRICS_TOKEN>", code=code)
    return Response(ctx.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")

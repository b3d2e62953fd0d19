"""Service information, health and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from scamshield import __version__
from scamshield.api.deps import Ctx
from scamshield.api.errors import responses

router = APIRouter(tags=["service"])


@router.get("/", summary="Service name, version and docs link")
async def root() -> dict[str, str]:
    return {"name": "ScamShield", "version": __version__, "docs": "/docs", "openapi": "/openapi.json", "console": "/console"}


@router.get("/health", summary="Liveness and database check", responses=responses(503))
async def health(ctx: Ctx) -> JSONResponse:
    try:
        await ctx.db.ping()
    except Exception:
        return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok", "version": __version__})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response,
            responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}})
async def metrics(ctx: Ctx) -> Response:
    return Response(ctx.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")

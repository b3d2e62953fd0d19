"""Application factory: builds the FastAPI app, its context and its parts from one Settings object."""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from scamshield import __version__
from scamshield.api.context import AppContext
from scamshield.api.errors import install_error_handlers
from scamshield.api.middleware import BodyLimitMiddleware, ObservabilityMiddleware
from scamshield.api.ratelimit import install_rate_limits
from scamshield.auth import TokenVerifier
from scamshield.engine.types import Thresholds
from scamshield.engine.warmup import warm_up
from scamshield.metrics import Metrics
from scamshield.services.analysis import AnalysisService
from scamshield.services.users import UserDirectory
from scamshield.settings import Settings
from scamshield.store.migrate import upgrade_async
from scamshield.store.session import Database

log = logging.getLogger("scamshield")

# Route modules, in the order their routers are mounted. A module may also define
# ``async def startup(ctx)`` / ``async def shutdown(ctx)`` to set up and tear down the parts it owns.
ROUTE_MODULES = ("meta", "analyze", "payees", "feedback", "reports", "me", "calls", "ws", "twilio", "debug", "console")


def _modules() -> list:
    return [importlib.import_module(f"scamshield.api.routes.{name}") for name in ROUTE_MODULES]


def create_app(settings: Settings | None = None, *, migrate: bool = True, analysis_fast_path: bool = True) -> FastAPI:
    """``analysis_fast_path=False`` serves the analysis routes through FastAPI only (tests compare both paths)."""
    settings = settings or Settings()
    settings.validate_for_start()
    metrics = Metrics()
    modules = _modules()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = settings.resolved_database_url
        if migrate:
            await upgrade_async(url)
        db = Database(url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow,
                      pool_timeout=settings.db_pool_timeout)
        # Brand index, phrase tries and models load once here (in a thread), not on the first request; then
        # freeze them out of the garbage collector's generations so they are never scanned again.
        await asyncio.to_thread(warm_up)
        gc.freeze()
        if settings.gc_thresholds:  # fewer, not longer, pauses: see docs/performance.md ("the ~1 s tail")
            gc.set_threshold(*(int(x) for x in settings.gc_thresholds.split(",")))
        ctx = AppContext(settings=settings, db=db, verifier=TokenVerifier(settings), metrics=metrics)
        ctx.extras["analysis"] = AnalysisService(
            db, metrics, Thresholds(settings.threshold_medium, settings.threshold_high, settings.threshold_critical),
            prefs_ttl=settings.user_cache_ttl_seconds)
        users = UserDirectory(db)

        async def ensure_user(_request, principal) -> None:
            await users.ensure(principal)

        ctx.extras["users"] = users
        ctx.extras["principal_hooks"] = [ensure_user]
        app.state.ctx = ctx
        started = []
        try:
            for module in modules:
                hook = getattr(module, "startup", None)
                if hook is not None:
                    await hook(ctx)
                started.append(module)
            if "hub" in ctx.extras:  # per-user caches invalidated on every instance through the broker
                ctx.extras["analysis"].share_changes(ctx.extras["hub"])
            # After the modules: their startup registers the enrichers whose caches this starts.
            await ctx.extras["analysis"].start()
            log.info("ScamShield %s started (env=%s, db=%s)", __version__, settings.env, db.engine.dialect.name)
            yield
        finally:
            for module in reversed(started):
                hook = getattr(module, "shutdown", None)
                if hook is not None:
                    try:
                        await hook(ctx)
                    except Exception:  # pragma: no cover - best effort on the way down
                        log.exception("shutdown hook failed in %s", module.__name__)
            try:
                await ctx.extras["analysis"].stop()  # drains the write-behind history queue
            except Exception:  # pragma: no cover - best effort on the way down
                log.exception("analysis service stop failed")
            await db.dispose()

    app = FastAPI(
        title="ScamShield",
        version=__version__,
        description="Scam-protection backend: risk analysis (URL, SMS, UPI QR, payments) and real-time call protection.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    for module in modules:
        app.include_router(module.router)
    analyze = importlib.import_module("scamshield.api.routes.analyze")
    development = settings.env == "development"
    if development:  # benchmark reference route (benchmarks/http_load.py): never mounted in test or production
        app.include_router(analyze.debug_router)
    if analysis_fast_path:  # innermost: every middleware below applies to it as to the routed path
        app.add_middleware(analyze.AnalysisFastPath, echo=development)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                           allow_methods=["GET", "POST", "PUT", "DELETE"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    install_rate_limits(app, settings, metrics)  # per-IP middleware (inside observability) + per-user hook
    app.add_middleware(ObservabilityMiddleware, metrics=metrics)
    from scamshield.api.ws_dispatch import WebSocketFastPath  # outermost: /api/ws skips FastAPI routing (memory)

    app.add_middleware(WebSocketFastPath)
    app.state.settings = settings
    app.state.metrics = metrics
    return app

"""POST /analyze/url|sms|qr|transaction — score, explain and record one analysis for the caller.

Responses are rendered once, straight from the engine's ``Assessment`` (``render``), and returned as a ready
``Response``: FastAPI then skips its own response validation and serialisation (the routes keep
``response_model=AssessmentOut`` for the OpenAPI schema; a test checks every rendered body against that model).

``AnalysisFastPath`` serves well-formed ``POST /analyze/sms`` and ``POST /analyze/url`` requests without FastAPI's
routing, dependency solving and request wrappers (see its docstring); anything else takes the normal route.
"""

from __future__ import annotations

from typing import Annotated, Any, Awaitable, Callable

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from pydantic_core import to_json
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scamshield.api.context import AppContext
from scamshield.api.deps import CurrentUser, require_user
from scamshield.api.errors import AUTH_ERRORS, responses, scamshield_error_response
from scamshield.api.schemas import AssessmentOut, EchoOut, QrRequest, SmsRequest, TransactionRequest, UrlRequest
from scamshield.api.ws_dispatch import route_path
from scamshield.engine import sms as sms_engine
from scamshield.engine import transaction as tx_engine
from scamshield.engine import upi as upi_engine
from scamshield.engine import url as url_engine
from scamshield.engine.types import Assessment
from scamshield.errors import ScamShieldError
from scamshield.services.analysis import AnalysisService, Recorded

router = APIRouter(prefix="/analyze", tags=["analysis"])
ERRORS = responses(*AUTH_ERRORS)


async def _app_ctx(request: Request) -> AppContext:
    # ``deps.Ctx`` is a plain ``def`` dependency, which FastAPI runs in its thread pool: a thread hop per request
    # on the hottest route. The same lookup as an ``async def`` runs inline.
    return request.app.state.ctx


Ctx = Annotated[AppContext, Depends(_app_ctx)]


def _service(ctx: AppContext) -> AnalysisService:
    return ctx.extras["analysis"]


def render(analysis_id: str, assessment: Assessment) -> Response:
    """The ``AssessmentOut`` JSON of an analysis, serialised once. ``inf_nan_mode="null"`` as pydantic's models do."""
    body = to_json({"analysis_id": analysis_id, **assessment_dict(assessment)}, inf_nan_mode="null")
    return _JsonResponse(body)


def render_recorded(rec: Recorded) -> Response:
    """``render(rec.analysis_id, rec.assessment)`` with the score, level, safety and fraud types the analysis service
    already added up for the history row (same bytes: a test compares the two)."""
    a = rec.assessment
    body = to_json({
        "analysis_id": rec.analysis_id,
        "kind": a.kind,
        "risk_score": rec.risk_score,
        "risk_level": rec.risk_level,
        "is_safe": rec.is_safe,
        "signals": [s.as_dict() for s in a.signals],
        "fraud_indicators": a.fraud_indicators,
        "detected_fraud_types": rec.fraud_types,
        "recommendations": list(a.recommendations),
        **a.extracted,
    }, inf_nan_mode="null")
    return _JsonResponse(body)


def assessment_dict(a: Assessment) -> dict[str, Any]:
    """``a.as_dict()``, adding the signals up once (its ``risk_score`` / ``risk_level`` / ``is_safe`` each add them up
    again). Same keys, order and values: a test compares the two on engine results and odd inputs."""
    score = a.risk_score
    th = a.thresholds
    return {
        "kind": a.kind,
        "risk_score": score,
        "risk_level": th.level(score),
        "is_safe": th.is_safe(score),
        "signals": [s.as_dict() for s in a.signals],
        "fraud_indicators": a.fraud_indicators,
        "detected_fraud_types": a.detected_fraud_types,
        "recommendations": list(a.recommendations),
        **a.extracted,
    }


class _JsonResponse(Response):
    """``Response(body, media_type="application/json")`` with its two headers built directly (same bytes, same
    order: content-length, content-type) instead of through ``init_headers``."""

    media_type = "application/json"

    def __init__(self, body: bytes) -> None:
        self.status_code = 200
        self.background = None
        self.body = body
        self.raw_headers = [(b"content-length", str(len(body)).encode("latin-1")), (b"content-type", b"application/json")]


def _entities(assessment: Assessment) -> dict[str, list[str]]:
    x = assessment.extracted
    out: dict[str, list[str]] = {}
    urls = list(x.get("extracted_urls") or [])
    if x.get("url"):
        urls.append(x["url"])
    if urls:
        out["url"] = urls[:20]
    domains = [d for d in [x.get("registered_domain")] if d]
    for link in x.get("links") or []:
        if isinstance(link, dict) and link.get("registered_domain"):
            domains.append(link["registered_domain"])
    if domains:
        out["domain"] = domains[:20]
    upis = list(x.get("extracted_upi_ids") or [])
    upi = x.get("upi") or {}
    if isinstance(upi, dict) and upi.get("payee_vpa"):
        upis.append(upi["payee_vpa"])
    if upis:
        out["upi_id"] = upis[:20]
    if x.get("extracted_phone_numbers"):
        out["phone_number"] = list(x["extracted_phone_numbers"])[:20]
    return out


@router.post("/url", response_model=AssessmentOut, responses=ERRORS, summary="Score a URL")
async def analyze_url(body: UrlRequest, ctx: Ctx, user: CurrentUser) -> Response:
    def run() -> Assessment:
        return url_engine.analyze_url(body.url, domain_details=body.domain_details, html_content=body.html_content,
                                      redirect_chain=body.redirect_chain)

    size = len(body.url) + len(body.html_content or "") + sum(len(u) for u in body.redirect_chain or [])
    probe = await _service(ctx).compute(run, size)
    return render_recorded(await _service(ctx).record(
        user, "url", probe, subject=probe.extracted.get("host"), entities=_entities(probe)))


@router.post("/sms", response_model=AssessmentOut, responses=ERRORS, summary="Score an SMS / message")
async def analyze_sms(body: SmsRequest, ctx: Ctx, user: CurrentUser) -> Response:
    def run() -> Assessment:
        return sms_engine.analyze_sms(body.message, sender=body.sender, device_info=body.device_info,
                                      upi_intent=body.upi_intent)

    probe = await _service(ctx).compute(run, len(body.message) + len(body.upi_intent or ""))
    entities = _entities(probe)
    if body.sender:
        entities["sms_sender"] = [body.sender.strip().upper()]
    return render_recorded(await _service(ctx).record(user, "sms", probe, subject=body.sender, entities=entities))


@router.post("/qr", response_model=AssessmentOut, responses=ERRORS, summary="Score a UPI QR / deep link (or any QR text)")
async def analyze_qr(body: QrRequest, ctx: Ctx, user: CurrentUser) -> Response:
    probe = await _service(ctx).compute(lambda: upi_engine.analyze_qr(body.qr_data), len(body.qr_data))
    upi = probe.extracted.get("upi") or {}
    subject = upi.get("payee_vpa") if isinstance(upi, dict) else None
    return render_recorded(await _service(ctx).record(
        user, "qr", probe, subject=subject or probe.extracted.get("host"),
        entities=_entities(probe), raw={"upi": upi}))


@router.post("/transaction", response_model=AssessmentOut, responses=ERRORS, summary="Score a payment before it is made")
async def analyze_transaction(body: TransactionRequest, ctx: Ctx, user: CurrentUser) -> Response:
    t = body.transaction
    tx = tx_engine.TransactionInput(amount=t.amount, recipient_upi=t.recipient_upi, recipient_name=t.recipient_name,
                                    transaction_note=t.transaction_note, app_name=t.app_name)
    probe = await _service(ctx).compute(lambda: tx_engine.analyze_transaction(tx, device_info=body.device_info), 0)
    vpa = probe.extracted.get("recipient_upi") or t.recipient_upi.strip().lower()
    return render_recorded(await _service(ctx).record(
        user, "transaction", probe, subject=vpa,
        entities={"upi_id": [vpa]}, raw={"transaction": tx}))


# ------------------------------------------------------------------------------------- development-only reference
debug_router = APIRouter(tags=["operations"])


@debug_router.post("/api/debug/echo", response_model=EchoOut, responses=ERRORS,
                   summary="Development only: authenticate and validate an SMS body, no analysis (benchmark reference)")
async def debug_echo(body: SmsRequest, ctx: Ctx, user: CurrentUser) -> Response:
    """Mounted only when ``SCAMSHIELD_ENV=development``. The same authentication, body parsing and response path as
    ``POST /analyze/sms`` without the analysis, so ``benchmarks/http_load.py`` can tell what the analysis itself costs
    from what any authenticated JSON POST costs on this server."""
    return Response(to_json({"accepted": True, "chars": len(body.message)}), media_type="application/json")


# ------------------------------------------------------------------------------------------------------ fast path
# Content types served by the fast path; any other (charset variants, +json, missing) takes the normal route, which
# decides exactly as before (FastAPI: application/json or application/*+json, else the body does not validate).
_JSON_TYPES = frozenset({b"application/json", b"application/json; charset=utf-8", b"application/json;charset=utf-8"})
Endpoint = Callable[[Any, AppContext, Any], Awaitable[Response]]


class AnalysisFastPath:
    """Innermost user middleware: serve well-formed ``POST /analyze/sms`` and ``/analyze/url`` without FastAPI's
    router, dependency solver and per-request wrappers (two ``AsyncExitStack``\ s, body and content-type parsing,
    response validation), which cost more CPU than the rest of the request outside the engine.

    It handles a request only when: the method is ``POST``; the route path is exactly one of its paths; the
    ``Content-Type`` is ``application/json`` (optionally ``; charset=utf-8``); and the body parses and validates
    straight into the route's pydantic model (``model_validate_json``, one pass over the bytes). Then it does what
    the route's dependencies do — the same ``require_user`` (token, per-user rate limit, user upsert) and the app
    context — and calls the *same endpoint function* the route declares, so the analysis and the response bytes are
    those of the routed path. ``ScamShieldError``\ s become the same error responses as the app's handler;
    anything else propagates to the server-error handler as it would from a route.

    Everything else — other methods and paths, other content types, an empty body, JSON that does not parse or
    validate — goes to the app unchanged, with the body already read replayed to it: FastAPI then produces exactly
    the error it always did (400 ``malformed_json`` before authentication, 401 before 422...). The middleware around
    this one (body-size cap, per-IP limit, observability: request id, security headers, metrics, log line) applies
    to both paths; ``scope["route"]`` is set to the route so metrics and logs name its template as before.
    """

    def __init__(self, app: ASGIApp, *, echo: bool = False) -> None:
        self.app = app
        self.routes: dict[str, tuple[type[BaseModel], Endpoint, Any]] = {}
        for route in router.routes:
            model = {analyze_sms: SmsRequest, analyze_url: UrlRequest}.get(getattr(route, "endpoint", None))
            if model is not None:
                self.routes[route.path] = (model, route.endpoint, route)
        if echo:
            route = next(r for r in debug_router.routes if getattr(r, "endpoint", None) is debug_echo)
            self.routes[route.path] = (SmsRequest, debug_echo, route)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        entry = self.routes.get(route_path(scope))
        if entry is None or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        model, endpoint, route = entry
        messages: list[Message] = []
        body = b""
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break  # disconnected: let the app see it
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        try:
            if messages[-1]["type"] != "http.request" or not body:
                raise _NotFast
            parsed = model.model_validate_json(body)
        except (ValidationError, _NotFast):
            await self.app(scope, _replay(messages, receive), send)
            return
        scope["route"], scope["endpoint"], scope["path_params"] = route, endpoint, {}
        request = Request(scope, receive, send)
        try:
            principal = await require_user(request)
            response = await endpoint(parsed, scope["app"].state.ctx, principal)
        except ScamShieldError as exc:
            response = scamshield_error_response(exc)
        await response(scope, receive, send)


class _NotFast(Exception):
    pass


def _is_json(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-type":
            return value.lower() in _JSON_TYPES
    return False


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that returns the messages already read, then reads on."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay

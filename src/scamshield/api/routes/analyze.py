"""POST /analyze/url|sms|qr|transaction — score, explain and record one analysis for the caller."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from scamshield.api.context import AppContext
from scamshield.api.deps import CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.api.schemas import AssessmentOut, QrRequest, SmsRequest, TransactionRequest, UrlRequest
from scamshield.engine import sms as sms_engine
from scamshield.engine import transaction as tx_engine
from scamshield.engine import upi as upi_engine
from scamshield.engine import url as url_engine
from scamshield.engine.types import Assessment
from scamshield.services.analysis import AnalysisService

router = APIRouter(prefix="/analyze", tags=["analysis"])
ERRORS = responses(*AUTH_ERRORS)


async def _app_ctx(request: Request) -> AppContext:
    # ``deps.Ctx`` is a plain ``def`` dependency, which FastAPI runs in its thread pool: a thread hop per request
    # on the hottest route. The same lookup as an ``async def`` runs inline.
    return request.app.state.ctx


Ctx = Annotated[AppContext, Depends(_app_ctx)]


def _service(ctx: AppContext) -> AnalysisService:
    return ctx.extras["analysis"]


def _out(analysis_id: str, assessment: Assessment) -> dict[str, Any]:
    return {"analysis_id": analysis_id, **assessment.as_dict()}


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
async def analyze_url(body: UrlRequest, ctx: Ctx, user: CurrentUser) -> dict[str, Any]:
    def run() -> Assessment:
        return url_engine.analyze_url(body.url, domain_details=body.domain_details, html_content=body.html_content,
                                      redirect_chain=body.redirect_chain)

    size = len(body.url) + len(body.html_content or "") + sum(len(u) for u in body.redirect_chain or [])
    probe = await _service(ctx).compute(run, size)
    aid, result = await _service(ctx).analyse_and_record(
        user, "url", probe, subject=probe.extracted.get("host"), entities=_entities(probe))
    return _out(aid, result)


@router.post("/sms", response_model=AssessmentOut, responses=ERRORS, summary="Score an SMS / message")
async def analyze_sms(body: SmsRequest, ctx: Ctx, user: CurrentUser) -> dict[str, Any]:
    def run() -> Assessment:
        return sms_engine.analyze_sms(body.message, sender=body.sender, device_info=body.device_info,
                                      upi_intent=body.upi_intent)

    probe = await _service(ctx).compute(run, len(body.message) + len(body.upi_intent or ""))
    entities = _entities(probe)
    if body.sender:
        entities["sms_sender"] = [body.sender.strip().upper()]
    aid, result = await _service(ctx).analyse_and_record(
        user, "sms", probe, subject=body.sender, entities=entities)
    return _out(aid, result)


@router.post("/qr", response_model=AssessmentOut, responses=ERRORS, summary="Score a UPI QR / deep link (or any QR text)")
async def analyze_qr(body: QrRequest, ctx: Ctx, user: CurrentUser) -> dict[str, Any]:
    probe = await _service(ctx).compute(lambda: upi_engine.analyze_qr(body.qr_data), len(body.qr_data))
    upi = probe.extracted.get("upi") or {}
    subject = upi.get("payee_vpa") if isinstance(upi, dict) else None
    aid, result = await _service(ctx).analyse_and_record(
        user, "qr", probe, subject=subject or probe.extracted.get("host"),
        entities=_entities(probe), raw={"upi": upi})
    return _out(aid, result)


@router.post("/transaction", response_model=AssessmentOut, responses=ERRORS, summary="Score a payment before it is made")
async def analyze_transaction(body: TransactionRequest, ctx: Ctx, user: CurrentUser) -> dict[str, Any]:
    t = body.transaction
    tx = tx_engine.TransactionInput(amount=t.amount, recipient_upi=t.recipient_upi, recipient_name=t.recipient_name,
                                    transaction_note=t.transaction_note, app_name=t.app_name)
    probe = await _service(ctx).compute(lambda: tx_engine.analyze_transaction(tx, device_info=body.device_info), 0)
    vpa = probe.extracted.get("recipient_upi") or t.recipient_upi.strip().lower()
    aid, result = await _service(ctx).analyse_and_record(
        user, "transaction", probe, subject=vpa,
        entities={"upi_id": [vpa]}, raw={"transaction": tx})
    return _out(aid, result)

"""The caller's payee ledger: record confirmed payments, payee info, trust marks, payments (paged), statistics.

Every query is scoped to the token's user id. Start-up registers the ledger enricher on the analysis service and
starts the retention task (both owned by this module).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from scamshield.api.context import AppContext
from scamshield.api.deps import Ctx, CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.api.schemas_ledger import (
    MAX_PAGE,
    LedgerStatistics,
    Page,
    PayeeInfo,
    PaymentIn,
    PaymentOut,
    PaymentRecorded,
    decode_cursor,
    encode_cursor,
)
from scamshield.errors import InvalidInput
from scamshield.services.entities import normalise_vpa
from scamshield.services.ledger import LedgerEnricher, RetentionTask
from scamshield.store import payees as payee_store
from scamshield.store.base import utcnow
from scamshield.store.models import Payee, PayeeTransaction

router = APIRouter(tags=["payees"])
ERRORS = responses(*AUTH_ERRORS)
PayeeUpi = Annotated[str, Path(min_length=3, max_length=256, description="The payee's UPI id (VPA)")]
CENT = Decimal("0.01")
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)


async def startup(ctx: AppContext) -> None:
    ctx.extras["analysis"].enrichers.append(LedgerEnricher(ctx.settings))
    task = RetentionTask(ctx.db, ctx.settings.retention_days, scrub_hours=ctx.settings.call_scrub_hours)
    ctx.extras["retention"] = task
    task.start()


async def shutdown(ctx: AppContext) -> None:
    task = ctx.extras.pop("retention", None)
    if task is not None:
        await task.stop()


def payment_out(tx: PayeeTransaction) -> PaymentOut:
    return PaymentOut(transaction_id=tx.id, payee_upi=tx.vpa, payee_name=tx.payee_name, amount=tx.amount.quantize(CENT),
                      note=tx.note, status=tx.status, reference=tx.reference, occurred_at=tx.occurred_at,
                      created_at=tx.created_at)


def payee_info(vpa: str, row: Payee | None) -> PayeeInfo:
    if row is None or row.transaction_count <= 0:
        return PayeeInfo(payee_upi=vpa, is_new_payee=True, is_trusted=bool(row and row.is_trusted),
                         payee_name=row.payee_name if row else None)
    return PayeeInfo(
        payee_upi=vpa, is_new_payee=False, is_trusted=row.is_trusted, payee_name=row.payee_name,
        first_transaction_date=row.first_transaction_at, last_transaction_date=row.last_transaction_at,
        transaction_count=row.transaction_count, total_amount=row.total_amount,
        average_amount=(row.total_amount / row.transaction_count).quantize(CENT), max_amount=row.max_amount)


@router.post("/payee/transactions", response_model=PaymentRecorded, status_code=201,
             responses={200: {"description": "Already recorded (same reference)", "model": PaymentRecorded},
                        **ERRORS, **responses(409)},
             summary="Record a payment the app confirms (completed, failed or blocked)")
async def record_payment(body: PaymentIn, ctx: Ctx, user: CurrentUser, response: Response) -> PaymentRecorded:
    vpa = normalise_vpa(body.payee_upi)
    now = utcnow()
    when = body.occurred_at
    if when is not None:
        if when.tzinfo is None:
            raise InvalidInput("occurred_at must include a timezone", code="invalid_time")
        if when > now + timedelta(minutes=10) or when < EARLIEST:
            raise InvalidInput("occurred_at is in the future or implausibly old", code="invalid_time")
    name = body.payee_name.strip() or None if body.payee_name else None
    async with ctx.db.transaction() as session:
        rec = await payee_store.record_payment(session, user.user_id, vpa, body.amount, body.status,
                                               payee_name=name, note=body.note, occurred_at=when,
                                               reference=body.reference)
        row = await payee_store.get_payee(session, user.user_id, vpa)
    if not rec.created:
        response.status_code = 200
    return PaymentRecorded(duplicate=not rec.created, transaction=payment_out(rec.transaction),
                           payee=payee_info(vpa, row))


@router.get("/payee/info/{payee_upi}", response_model=PayeeInfo, responses=ERRORS,
            summary="What you know about a payee: new or known, totals, trusted")
async def get_payee_info(payee_upi: PayeeUpi, ctx: Ctx, user: CurrentUser) -> PayeeInfo:
    vpa = normalise_vpa(payee_upi)
    async with ctx.db.session() as session:
        row = await payee_store.get_payee(session, user.user_id, vpa)
    return payee_info(vpa, row)


@router.post("/payee/trust/{payee_upi}", response_model=PayeeInfo, responses=ERRORS,
             summary="Mark a payee trusted (lowers the risk of paying it) or not trusted — for you only")
async def set_trust(payee_upi: PayeeUpi, ctx: Ctx, user: CurrentUser,
                    trusted: Annotated[bool, Query(description="true to trust, false to withdraw trust")] = True
                    ) -> PayeeInfo:
    vpa = normalise_vpa(payee_upi)
    async with ctx.db.transaction() as session:
        row = await payee_store.set_trusted(session, user.user_id, vpa, trusted)
    return payee_info(vpa, row)


@router.get("/payee/transactions", response_model=Page[PaymentOut], responses=ERRORS,
            summary="Your recorded payments, newest first (paged)")
async def list_payments(
    ctx: Ctx, user: CurrentUser,
    payee_upi: Annotated[str | None, Query(min_length=3, max_length=256)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    vpa = normalise_vpa(payee_upi) if payee_upi is not None else None
    before = decode_cursor(cursor)
    async with ctx.db.session() as session:
        rows = await payee_store.list_transactions(session, user.user_id, vpa=vpa, limit=limit + 1, before=before)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1].occurred_at, rows[-1].id) if more and rows else None
    return {"items": [payment_out(r) for r in rows], "next_cursor": nxt}


@router.get("/payee/statistics", response_model=LedgerStatistics, responses=ERRORS,
            summary="Your ledger in numbers")
async def statistics(ctx: Ctx, user: CurrentUser) -> LedgerStatistics:
    async with ctx.db.session() as session:
        s = await payee_store.statistics(session, user.user_id)
    return LedgerStatistics(total_payees=s.total_payees, trusted_payees=s.trusted_payees,
                            total_transactions=s.total_transactions, total_amount=s.total_amount.quantize(CENT),
                            average_amount=s.average_amount.quantize(CENT), blocked_transactions=s.blocked_transactions,
                            failed_transactions=s.failed_transactions)

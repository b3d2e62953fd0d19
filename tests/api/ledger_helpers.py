"""Helpers shared by the ledger/feedback/report/user-view API tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.models import Call
from tests.conftest import auth


async def analyse_tx(client: httpx.AsyncClient, tok: str, vpa: str, amount: str = "5000", **extra: Any) -> dict:
    r = await client.post("/analyze/transaction", json={"transaction": {"amount": amount, "recipient_upi": vpa, **extra}},
                          headers=auth(tok))
    assert r.status_code == 200, r.text
    return r.json()


async def pay(client: httpx.AsyncClient, tok: str, vpa: str, amount: str = "500", **extra: Any) -> dict:
    r = await client.post("/payee/transactions", json={"payee_upi": vpa, "amount": amount, **extra}, headers=auth(tok))
    assert r.status_code in (200, 201), r.text
    return r.json()


def codes(result: dict) -> dict[str, float]:
    return {s["code"]: s["weight"] for s in result["signals"]}


async def flag_call(app, user_id: str, *, call_sid: str = "CA-test", status: str = "live", flagged_minutes_ago: int = 3,
                    ended_minutes_ago: int | None = None, fraud_type: str = "BANK_KYC_IMPERSONATION") -> None:
    """Insert (or move in time) a call the detector flagged, straight through the store."""
    now = utcnow()
    db = app.state.ctx.db
    async with db.transaction() as s:
        await user_store.ensure_user(s, user_id, None)
        row = await s.get(Call, call_sid)
        if row is None:
            row = Call(call_sid=call_sid, user_id=user_id, source="api", created_at=now, updated_at=now)
            s.add(row)
        row.status = status
        row.fraud_type = fraud_type
        row.risk_score, row.risk_level = 85, "critical"
        row.flagged_at = now - timedelta(minutes=flagged_minutes_ago)
        row.ended_at = None if ended_minutes_ago is None else now - timedelta(minutes=ended_minutes_ago)

"""On SQLite and PostgreSQL: a call a ``service`` token created (its first transcript) cannot be claimed by an
ordinary user — only by a trusted caller (service token, Twilio webhook) — while a user's own new call stays theirs."""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import Segment
from scamshield.errors import Forbidden
from scamshield.services.calls import SERVICE_ACTOR, Actor
from scamshield.store import calls as call_store
from tests.support.realtime import SBI_CALL


async def _feed(service, call_sid, lines, *, source="api", actor=SERVICE_ACTOR, start=0):
    return [await service.ingest_transcript(call_sid, Segment(t, "caller", True), dedup_key=f"{call_sid}:{start + i}",
                                            source=source, actor=actor) for i, t in enumerate(lines)]


@pytest.mark.parametrize("source", ["api", "ws"])
async def test_a_call_a_service_created_is_not_claimable_by_a_user(db, svc, source):
    calls, _ = svc
    sid = f"CAsvc-{source}"
    held = [r.alert for r in await _feed(calls, sid, SBI_CALL, source=source) if r.alert]
    assert held and all(a["held"] for a in held)
    with pytest.raises(Forbidden) as exc:  # mallory: an ordinary user, no phone, no service token
        await calls.associate_call("bob", sid, source=source)
    assert exc.value.code == "call_not_claimable"
    with pytest.raises(Forbidden) as exc:  # a phone number does not help: a service call has no caller number
        await calls.associate_call("bob", sid, source=source, phone_number="+919812345678")
    assert exc.value.code == "call_not_claimable"
    async with db.session() as s:
        assert (await call_store.get_call(s, sid)).source == "service"
    # the service associates the victim, who gets the held alerts
    r = await calls.associate_call("alice", sid, source="api", trusted=True)
    assert r.user_id == "alice" and not r.already_associated and r.held_alerts == len(held)


async def test_a_users_own_new_call_stays_theirs(db, svc):
    calls, _ = svc
    await _feed(calls, "CA-own", ["hello"], actor=Actor(user_id="alice"))
    async with db.session() as s:
        call = await call_store.get_call(s, "CA-own")
    assert call.user_id == "alice" and call.source == "api"
    r = await calls.associate_call("alice", "CA-own")
    assert r.already_associated
    # a brand-new call id is associated by whoever names it first (the device's own call)
    assert not (await calls.associate_call("bob", "CA-new-by-assoc")).already_associated

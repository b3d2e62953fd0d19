"""On SQLite and PostgreSQL: only the call owner's ``not_scam`` answer quiets a call (someone else's answer to an
alert carrying the same call id does not), and a test alert can name only a call its target owns."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from scamshield.errors import Conflict, Forbidden, NotFound
from scamshield.services.alerts import AlertService
from scamshield.store import alerts as alert_store
from scamshield.store import calls as call_store
from tests.services.test_call_takeover import _feed
from tests.support.realtime import SBI_CALL


async def _answer_not_scam(db, alerts: AlertService, user: str, call_sid: str) -> None:
    alert = await alerts.simulate(user, call_sid)
    await alerts.respond(user, alert.id, "not_scam")


async def test_only_the_owners_not_scam_quiets_a_call(db, svc):
    calls, alerts = svc
    # held call (a telephony call from an unknown number): another user's not_scam answer on an alert of that
    # call id, planted directly (the debug route now refuses it), must not silence the call for its real owner
    async with db.transaction() as s:
        await call_store.ensure_call(s, "CAheld42", source="twilio", from_number="+14155550100")
        planted = await alert_store.create_alert(s, user_id="bob", call_sid="CAheld42", fraud_type="OTP_THEFT",
                                                 risk_score=90, risk_level="critical", reasons=["t"], advice="a",
                                                 is_test=True)
    await alerts.respond("bob", planted.id, "not_scam")
    held = [r.alert for r in await _feed(calls, "CAheld42", SBI_CALL) if r.alert]
    assert held, "another user's not_scam must not quiet an unowned call"
    r = await calls.associate_call("alice", "CAheld42", trusted=True)
    assert r.held_alerts == len(held)
    # owned call: someone else's answer does not count either ...
    await calls.associate_call("carol", "CA-owned")
    async with db.transaction() as s:
        planted = await alert_store.create_alert(s, user_id="bob", call_sid="CA-owned", fraud_type="OTP_THEFT",
                                                 risk_score=90, risk_level="critical", reasons=["t"], advice="a")
    await alerts.respond("bob", planted.id, "not_scam")
    owned = [r.alert for r in await _feed(calls, "CA-owned", SBI_CALL) if r.alert]
    assert owned and all(a["seq"] is not None for a in owned)
    # ... the owner's does
    await calls.associate_call("carol", "CA-quiet")
    await _answer_not_scam(db, alerts, "carol", "CA-quiet")
    assert not [r.alert for r in await _feed(calls, "CA-quiet", SBI_CALL) if r.alert]


async def test_simulate_refuses_a_call_the_target_does_not_own(db, svc):
    calls, alerts = svc
    with pytest.raises(NotFound) as exc:
        await alerts.simulate("bob", "CA-nowhere")
    assert exc.value.code == "call_not_found"
    async with db.transaction() as s:
        await call_store.ensure_call(s, "CA-unowned", source="twilio")
    with pytest.raises(Forbidden) as exc:
        await alerts.simulate("bob", "CA-unowned")
    assert exc.value.code == "call_not_associated"
    await calls.associate_call("alice", "CA-alices")
    with pytest.raises(Conflict) as exc:
        await alerts.simulate("bob", "CA-alices")
    assert exc.value.code == "call_owned"
    assert (await alerts.simulate("alice", "CA-alices")).call_sid == "CA-alices"
    assert (await alerts.simulate("bob")).call_sid is None
    async with db.session() as s:
        n = (await s.execute(text("SELECT count(*) FROM alerts WHERE call_sid IN ('CA-nowhere', 'CA-unowned')"))
             ).scalar_one()
    assert n == 0

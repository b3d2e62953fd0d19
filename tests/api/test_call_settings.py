"""A user's notification preferences are applied to live-call alerts, and a flagged call still links to payments."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from scamshield.api.app import create_app
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET, auth
from tests.support.realtime import SBI_CALL


@pytest.fixture(scope="module")
def tc(tmp_path_factory):
    settings = Settings(env="test", data_dir=tmp_path_factory.mktemp("callsettings"), jwt_secret=TEST_SECRET,
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off")
    with TestClient(create_app(settings)) as c:
        yield c


def _feed(tc, tok, sid):
    tc.post("/api/associate-call", json={"call_sid": sid}, headers=auth(tok))
    out = []
    for i, line in enumerate(SBI_CALL):
        r = tc.post(f"/api/calls/{sid}/transcript", json={"text": line, "sequence": i}, headers=auth(tok))
        assert r.status_code == 200, r.text
        out.append(r.json())
    return out


@pytest.mark.parametrize(
    "notifications,expect_alert",
    [
        ({}, True),
        ({"call_alerts": False}, False),
        ({"min_alert_level": "critical"}, "critical-only"),
    ],
)
def test_notification_preferences_applied(tc, token, notifications, expect_alert):
    user = f"pref-{len(notifications)}-{list(notifications.values())[0] if notifications else 'none'}"
    tok = token(user)
    if notifications:
        r = tc.put("/settings", json={"notifications": notifications}, headers=auth(tok))
        assert r.status_code == 200, r.text
    results = _feed(tc, tok, f"CA-{user}")
    alerts = [r["alert"] for r in results if r["alert"]]
    if expect_alert is True:
        assert alerts
    elif expect_alert is False:
        assert alerts == []
    else:
        levels = [r["risk_level"] for r in results if r["alert"]]
        assert levels and set(levels) == {"critical"}
    # Either way the call is flagged: a payment right after it is the riskiest payment there is.
    pay = tc.post("/analyze/transaction", headers=auth(tok),
                  json={"transaction": {"amount": 25000, "recipient_upi": "safe.account@ybl"}}).json()
    assert "active_suspicious_call" in [s["code"] for s in pay["signals"]]
    assert pay["is_safe"] is False

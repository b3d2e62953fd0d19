"""The docs cover what the code exposes, and their WebSocket examples are valid messages."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from scamshield.hub import messages

ROOT = Path(__file__).resolve().parents[2]
API_MD = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


def _checker():
    spec = importlib.util.spec_from_file_location("check_api_docs", ROOT / "scripts" / "check_api_docs.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


CHECK = _checker()


def test_docs_cover_every_endpoint_message_code_setting_and_metric():
    assert CHECK.problems() == []


def test_the_checker_notices_a_missing_endpoint_setting_and_metric():
    api = API_MD.replace("POST /api/associate-call", "POST /api/somewhere-else")
    ops = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    ops = ops.replace("`SCAMSHIELD_RETENTION_DAYS`", "RETENTION").replace("`scamshield_held_alerts`", "held")
    found = CHECK.problems(api, ops)
    assert any("POST /api/associate-call" in p for p in found)
    assert any("SCAMSHIELD_RETENTION_DAYS" in p for p in found)
    assert any("scamshield_held_alerts" in p for p in found)


def test_openapi_has_the_endpoints_the_issues_name():
    ops = set(CHECK.openapi_operations())
    for op in [("POST", "/analyze/url"), ("POST", "/api/associate-call"), ("POST", "/api/calls/{call_sid}/transcript"),
               ("POST", "/twilio/voice"), ("POST", "/twilio/transcription"), ("GET", "/api/active-connections")]:
        assert op in ops


def _example_lines(arrow: str) -> list[dict]:
    out = []
    for line in API_MD.splitlines():
        if line.startswith(arrow + " {"):
            out.append(json.loads(line[2:]))
    return out


SERVER_MODELS = {
    cls.model_fields["type"].default: cls
    for cls in vars(messages).values()
    if isinstance(cls, type) and issubclass(cls, messages._ServerMessage) and cls is not messages._ServerMessage
}


def test_every_client_example_is_a_valid_message():
    examples = _example_lines("→")
    assert {e["type"] for e in examples} == set(messages.CLIENT_TYPES)
    for example in examples:
        parsed = messages.parse_client_message(json.dumps(example))
        assert parsed.type == example["type"]


def test_every_server_example_matches_its_model_field_for_field():
    examples = _example_lines("←")
    assert {e["type"] for e in examples} == set(SERVER_MODELS)
    for example in examples:
        model = SERVER_MODELS[example["type"]]
        obj = model.model_validate(example)
        # no field invented by the doc, none left out: the example is what the server sends
        assert set(example) == set(json.loads(obj.to_json())), example["type"]


def test_fraud_alert_example_keeps_the_fields_mobile_clients_key_on():
    alert = next(e for e in _example_lines("←") if e["type"] == "fraud_alert")
    assert alert["is_fraud"] is True and isinstance(alert["fraud_type"], str)


@pytest.mark.parametrize("code", [4000, 4001, 4002, 4400, 4401, 4403, 4408, 4413, 4429, 4503, 1009])
def test_close_code_table_row_exists(code):
    assert re.search(rf"^\| {code} \|", API_MD, re.M)

"""Chassis: errors, auth, limits, health, metrics, OpenAPI."""

from __future__ import annotations

import time

import jwt
import pytest

from tests.conftest import TEST_SECRET, auth


async def test_root_and_health(client):
    r = await client.get("/")
    assert r.status_code == 200 and r.json()["name"] == "ScamShield"
    h = await client.get("/health")
    assert h.status_code == 200 and h.json()["database"] == "ok"
    assert h.headers["x-content-type-options"] == "nosniff"


async def test_openapi_lists_error_statuses(client):
    spec = (await client.get("/openapi.json")).json()
    op = spec["paths"]["/analyze/sms"]["post"]
    for status in ("401", "403", "413", "422", "429"):
        assert status in op["responses"], status


@pytest.mark.parametrize(
    "headers,code",
    [
        ({}, "missing_token"),
        ({"Authorization": "Bearer nonsense"}, "invalid_token"),
        ({"Authorization": "Basic abc"}, "missing_token"),
    ],
)
async def test_analysis_requires_valid_token(client, headers, code):
    r = await client.post("/analyze/url", json={"url": "https://example.com"}, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == code


async def test_expired_and_wrong_secret_tokens_refused(client):
    now = int(time.time())
    expired = jwt.encode({"sub": "alice", "exp": now - 3600}, TEST_SECRET, algorithm="HS256")
    forged = jwt.encode({"sub": "alice", "exp": now + 3600}, "another-secret-" + "y" * 40, algorithm="HS256")
    none_alg = jwt.encode({"sub": "alice", "exp": now + 3600}, None, algorithm="none")
    for tok, code in ((expired, "token_expired"), (forged, "invalid_token"), (none_alg, "invalid_token")):
        r = await client.post("/analyze/url", json={"url": "https://example.com"}, headers=auth(tok))
        assert r.status_code == 401, tok
        assert r.json()["error"]["code"] == code


async def test_malformed_json_is_400_and_validation_is_422(client, token):
    h = {**auth(token()), "content-type": "application/json"}
    r = await client.post("/analyze/sms", content=b'{"message": ', headers=h)
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_json"
    r = await client.post("/analyze/sms", json={"text": "no message field"}, headers=auth(token()))
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"


async def test_body_over_cap_is_413(client, token):
    r = await client.post("/analyze/sms", json={"message": "a" * 70_000}, headers=auth(token()))
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


async def test_unknown_route_has_error_body(client):
    r = await client.get("/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


async def test_metrics_exposed(client, token):
    await client.get("/health")
    r = await client.get("/metrics")
    assert r.status_code == 200
    assert "scamshield_http_requests_total" in r.text

"""The browser console: served with a strict CSP, dev-token only in development, and the whole flow in Chromium.

Browser tests drive Debian's ``/usr/bin/chromium`` through Playwright (never ``playwright install``). Without
chromium they skip, or fail under ``SCAMSHIELD_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from scamshield.api.app import create_app
from scamshield.auth import mint_token
from scamshield.settings import Settings
from tests.conftest import TEST_SECRET
from tests.support.server import ServerProcess
from tests.support.services import services_required

CHROMIUM = os.environ.get("SCAMSHIELD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SECRET = "console-tests-" + "c" * 40
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
TESTIDS = ["token-input", "connect", "connection-status", "analyze-input", "analyze-submit", "analysis-result",
           "simulate-alert", "alert-modal", "hang-up", "continue-call"]


# --- the routes, in process --------------------------------------------------------------------------------------
async def _app_client(settings: Settings, client_addr: tuple[str, int] = ("127.0.0.1", 5555)):
    from asgi_lifespan import LifespanManager

    app = create_app(settings)
    manager = LifespanManager(app, startup_timeout=60)
    await manager.__aenter__()
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=client_addr), base_url="http://127.0.0.1:8000")
    return manager, http


async def test_console_page_and_assets(client):
    r = await client.get("/console")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    html = r.text
    for tid in TESTIDS:
        assert f'data-testid="{tid}"' in html, tid
    # No inline script or style: everything comes from the two static files.
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert "<style" not in html and " style=" not in html and "onclick" not in html.lower()
    assert 'data-env="test"' in html
    js = await client.get("/console/static/console.js")
    css = await client.get("/console/static/console.css")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "innerHTML" not in js.text and "outerHTML" not in js.text and "insertAdjacentHTML" not in js.text
    for bad in ("index.html", "..%2Fconsole.py", "nope.js", "%2e%2e%2f%2e%2e%2fsettings.py"):
        assert (await client.get(f"/console/static/{bad}")).status_code == 404


async def test_console_routes_in_openapi(client):
    spec = (await client.get("/openapi.json")).json()
    paths = spec["paths"]
    assert "/console" not in paths and "/console/static/{name}" not in paths
    op = paths["/console/dev-token"]["post"]
    assert {"200", "404", "422"} <= set(op["responses"])
    assert op["requestBody"]["content"]["application/json"]["schema"]["properties"]["user_id"]


@pytest.mark.parametrize("env", ["test", "production"])
@pytest.mark.parametrize("body", ['{"user_id": "alice"}', '{not json', '{"user_id": ""}'])
async def test_dev_token_does_not_exist_outside_development(tmp_path, env, body):
    settings = Settings(env=env, jwt_secret=TEST_SECRET, data_dir=tmp_path / "var",
                        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}")
    manager, http = await _app_client(settings)
    try:
        r = await http.post("/console/dev-token", content=body, headers={"content-type": "application/json"})
        missing = await http.post("/console/no-such-route", content=body, headers={"content-type": "application/json"})
    finally:
        await http.aclose()
        await manager.__aexit__(None, None, None)
    assert r.status_code == 404
    assert r.json() == missing.json() == {"error": {"code": "not_found", "message": "Not Found"}}


async def test_dev_token_needs_the_dev_tokens_switch(tmp_path):
    """Development alone is not enough: a reverse proxy on this machine makes every remote client look local."""
    settings = Settings(env="development", jwt_secret=TEST_SECRET, data_dir=tmp_path / "var",
                        rate_limit_ip="off", rate_limit_user="off")
    assert settings.dev_tokens is False, "dev tokens are off unless SCAMSHIELD_DEV_TOKENS=1"
    manager, http = await _app_client(settings)
    try:
        r = await http.post("/console/dev-token", json={"user_id": "x"}, headers={"Host": "127.0.0.1:8000"})
        assert r.status_code == 404, r.text
    finally:
        await http.aclose()
        await manager.__aexit__(None, None, None)


async def test_dev_token_in_development(tmp_path):
    settings = Settings(env="development", dev_tokens=True, jwt_secret=TEST_SECRET, data_dir=tmp_path / "var",
                        rate_limit_ip="off", rate_limit_user="off")
    manager, http = await _app_client(settings)
    remote_manager, remote = await _app_client(settings, client_addr=("203.0.113.9", 4444))
    try:
        # never the service role (it acts for any user): that one comes from `scamshield token --role service`
        r = await http.post("/console/dev-token", json={"user_id": "x", "roles": ["service"]})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_role", r.text
        r = await http.post("/console/dev-token", json={"user_id": "dev-alice", "phone": "+919876543210",
                                                        "roles": ["admin"]})
        assert r.status_code == 200, r.text
        token = r.json()["token"]
        me = (await http.get("/user/me", headers={"Authorization": f"Bearer {token}"})).json()
        assert me["user_id"] == "dev-alice" and me["roles"] == ["admin"] and me["phone_number"] == "+91******3210"
        assert (await http.post("/console/dev-token", json={"user_id": "x", "roles": ["root"]})).status_code == 422
        assert (await http.post("/console/dev-token", json={"user_id": "x", "phone": "12"})).status_code == 422
        assert (await http.post("/console/dev-token", content="{oops",
                                headers={"content-type": "application/json"})).status_code == 400
        assert (await http.post("/console/dev-token", content='{"user_id": "x"}',
                                headers={"content-type": "text/plain"})).status_code == 415
        # Development, but not from this machine, or addressed to a foreign name (DNS rebinding): nothing there.
        assert (await remote.post("/console/dev-token", json={"user_id": "x"})).status_code == 404
        for headers in ({"Host": "evil.example:8000"}, {"Origin": "http://evil.example:8000"},
                        {"Host": "127.0.0.1.nip.io"}):
            assert (await http.post("/console/dev-token", json={"user_id": "x"}, headers=headers)).status_code == 404
        for headers in ({"Host": "localhost:8000", "Origin": "http://localhost:8000"}, {"Host": "[::1]:8000"}):
            assert (await http.post("/console/dev-token", json={"user_id": "x"}, headers=headers)).status_code == 200
    finally:
        await http.aclose()
        await remote.aclose()
        await manager.__aexit__(None, None, None)
        await remote_manager.__aexit__(None, None, None)


# --- the browser ---------------------------------------------------------------------------------------------------
def _no_browser(reason: str) -> None:
    if services_required():
        pytest.fail(f"{reason} and SCAMSHIELD_REQUIRE_SERVICES=1", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        _no_browser(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright Python package is not installed (dev extras)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory) -> Iterator[ServerProcess]:
    tmp = tmp_path_factory.mktemp("console-server")
    env = {"SCAMSHIELD_ENV": "development", "SCAMSHIELD_DEV_TOKENS": "1",  # as `make run`: the mint button works
           "SCAMSHIELD_JWT_SECRET": SECRET, "SCAMSHIELD_DATA_DIR": str(tmp / "var"),
           "SCAMSHIELD_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'console.db'}", "SCAMSHIELD_REDIS_URL": "",
           "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off",
           "SCAMSHIELD_RATE_LIMIT_SERVICE": "off"}
    proc = ServerProcess(env, log_path=tmp / "server.log").start(timeout=90)
    proc.db_path = tmp / "console.db"  # type: ignore[attr-defined]
    try:
        yield proc
    finally:
        proc.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 940})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        yield pg
    finally:
        context.close()
    # A CSP violation or a script error shows up here.
    assert not [e for e in errors if "Content Security Policy" in e or "Uncaught" in e], errors


def _token(user_id: str, roles: list[str] | None = None, phone: str | None = None) -> str:
    return mint_token(Settings(jwt_secret=SECRET, env="test"), user_id, roles=roles, phone=phone, ttl_seconds=3600)


@pytest.mark.browser
@pytest.mark.timeout(180)
def test_console_flow_in_chromium(page, dev_server, tmp_path):
    from playwright.sync_api import expect

    # The docs' screenshots are refreshed only on request, so a test run leaves the tree clean.
    shots = DOCS_IMG if os.environ.get("SCAMSHIELD_UPDATE_SCREENSHOTS") == "1" else tmp_path

    user = f"console{uuid.uuid4().hex[:8]}"
    token = _token(user, roles=["admin"], phone="+919876543210")
    page.goto(dev_server.base_url + "/console")
    status = page.get_by_test_id("connection-status")
    expect(status).to_have_text("disconnected")

    page.get_by_test_id("token-input").fill(token)
    page.get_by_test_id("connect").click()
    expect(status).to_have_text("connected", timeout=20_000)
    expect(page.get_by_test_id("me-user")).to_have_text(user)
    expect(page.get_by_test_id("me-phone")).to_have_text("+91******3210")
    assert token not in page.url and "token" not in page.url
    assert page.evaluate("sessionStorage.length") == 0  # "keep for this tab" was not ticked

    # Associate a call over the socket; the admin panel lists the mapping.
    call_sid = f"CA{uuid.uuid4().hex}"
    page.get_by_test_id("call-sid").fill(call_sid)
    page.get_by_test_id("associate").click()
    expect(page.get_by_test_id("current-call")).to_have_text(call_sid)
    page.get_by_test_id("refresh-server").click()
    expect(page.get_by_test_id("server-calls")).to_contain_text(call_sid)
    expect(page.get_by_test_id("server-connections")).to_contain_text(user)

    # Analysis playground: autodetected URL, score, level and each signal with its weight.
    page.get_by_test_id("analyze-input").fill("https://paytm.com.account-verify.info/login")
    page.get_by_test_id("analyze-submit").click()
    result = page.get_by_test_id("analysis-result")
    expect(result).to_be_visible()
    expect(page.get_by_test_id("detected-kind")).to_have_text("detected: url")
    signal_row = page.locator('[data-testid="result-signals"] tr[data-code="brand_in_subdomain"]')
    expect(signal_row).to_contain_text("Paytm")
    expect(signal_row.locator("td").nth(1)).to_have_text(re.compile(r"^\+\d+(\.\d+)?$"))
    score = int(page.get_by_test_id("result-score").inner_text())
    assert 50 <= score <= 100
    expect(page.get_by_test_id("result-level")).to_have_text(re.compile("high|critical"))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "console.png"), full_page=True)
    assert (shots / "console.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # A safe UPI QR, autodetected.
    page.get_by_test_id("analyze-input").fill("upi://pay?pa=ramesh123@okicici&pn=Ramesh%20Kumar&cu=INR")
    page.get_by_test_id("analyze-submit").click()
    expect(page.get_by_test_id("detected-kind")).to_have_text("detected: qr")
    expect(page.get_by_test_id("result-verdict")).to_have_text("looks safe")

    # Simulate an alert: the modal shows it; Hang up records the answer and closes it.
    modal = page.get_by_test_id("alert-modal")
    expect(modal).to_be_hidden()
    page.get_by_test_id("simulate-alert").click()
    expect(modal).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("alert-type")).to_have_text("BANK KYC IMPERSONATION")
    expect(page.get_by_test_id("alert-reasons")).to_contain_text("test alert")
    page.screenshot(path=str(shots / "console-alert.png"))
    page.get_by_test_id("hang-up").click()
    expect(modal).to_be_hidden(timeout=15_000)
    expect(page.get_by_test_id("last-response")).to_have_text(re.compile(r"^hang_up \(alert "))

    # Recorded on the server (test alerts stay out of the dashboard, so read the store).
    with sqlite3.connect(dev_server.db_path) as db:
        rows = db.execute("SELECT response, acked_at IS NOT NULL, call_sid, is_test FROM alerts WHERE user_id = ?",
                          (user,)).fetchall()
    assert rows == [("hang_up", 1, call_sid, 1)]


@pytest.mark.browser
@pytest.mark.timeout(180)
def test_console_dev_mint_transcript_and_continue(page, dev_server):
    from playwright.sync_api import expect

    user = f"mint{uuid.uuid4().hex[:8]}"
    page.goto(dev_server.base_url + "/console")
    page.get_by_test_id("mint-user").fill(user)
    page.get_by_test_id("mint").click()  # development only: mints and connects
    expect(page.get_by_test_id("connection-status")).to_have_text("connected", timeout=20_000)
    expect(page.get_by_test_id("me-user")).to_have_text(user)

    # Feed a scam call line by line; the detector's alert reaches this page; answer "continue".
    page.get_by_test_id("call-sid").fill(f"CA{uuid.uuid4().hex}")
    page.get_by_test_id("associate").click()
    lines = ["Hello, I am calling from SBI head office.",
             "Your account KYC has expired and your account will be blocked within 2 hours.",
             "To avoid this, just download the AnyDesk app and tell me the code on the screen.",
             "Now share the OTP with me that you just received."]
    modal = page.get_by_test_id("alert-modal")
    for line in lines:
        page.get_by_test_id("transcript-input").fill(line)
        page.get_by_test_id("send-transcript").click()
        expect(page.get_by_test_id("transcript-input")).to_have_value("")
        if modal.is_visible():
            break
    expect(modal).to_be_visible(timeout=15_000)
    page.get_by_test_id("continue-call").click()
    expect(modal).to_be_hidden(timeout=15_000)
    expect(page.get_by_test_id("last-response")).to_have_text(re.compile(r"^continue "))
    token = page.get_by_test_id("token-input").input_value()
    dash = httpx.get(dev_server.base_url + "/dashboard", headers={"Authorization": f"Bearer {token}"}).json()
    assert dash["recent_alerts"] and dash["recent_alerts"][0]["response"] == "continue"
    assert dash["recent_alerts"][0]["acknowledged"] is True

"""The browser console (``GET /console``): plain HTML + one script + one stylesheet, no build step.

The page talks to the public API only (``/api/ws``, ``/user/me``, ``/analyze/*``, ``/api/associate-call``,
``/api/calls/{sid}/transcript``, ``/api/debug/simulate-alert``, ``/api/active-connections``). The token is typed or
pasted by the user and kept in ``sessionStorage`` at most, never in the page URL.

``POST /console/dev-token`` mints a token for a chosen user. It answers only when ``SCAMSHIELD_ENV=development``
**and** ``SCAMSHIELD_DEV_TOKENS=1`` (``make run`` sets it; ``scamshield serve`` refuses it on a non-loopback
``--host``), and the request comes from this machine to a loopback name (``Host``/``Origin``: no DNS rebinding);
everywhere else it is a plain 404. The loopback checks alone are not enough: a reverse proxy on the same machine
(``proxy_pass http://127.0.0.1:8000``) makes every remote request look local. It mints user tokens and, for the
console's server panel, ``admin`` ones; never ``service`` (that role acts for any user).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit
from functools import lru_cache
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field, ValidationError

from scamshield.api.errors import responses
from scamshield.auth import KNOWN_ROLES, mint_token

DEV_TOKEN_ROLES = frozenset({"admin"})  # never "service": it may act for any user
from scamshield.errors import InvalidInput, NotFound
from scamshield.settings import Settings

router = APIRouter(tags=["console"])

DEV_TOKEN_TTL_SECONDS = 12 * 3600
_STATIC = {
    "console.js": "text/javascript; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
}
_NO_CACHE = {"Cache-Control": "no-cache"}


@lru_cache(maxsize=8)
def _asset(name: str) -> bytes:
    return resources.files("scamshield.api").joinpath("console", name).read_bytes()


def _settings(request: Request) -> Settings:
    return request.app.state.settings


@router.get("/console", include_in_schema=False)
async def console_page(request: Request) -> HTMLResponse:
    settings = _settings(request)
    env = settings.env  # one of three literals: safe to put in an attribute
    dev_tokens = "on" if settings.dev_tokens_enabled else "off"
    html = _asset("index.html").decode("utf-8").replace("{{ENV}}", env).replace("{{DEV_TOKENS}}", dev_tokens)
    return HTMLResponse(html, headers=_NO_CACHE)


@router.get("/console/static/{name}", include_in_schema=False)
async def console_static(name: str) -> Response:
    media_type = _STATIC.get(name)
    if media_type is None:  # a fixed list: no paths, no traversal
        raise NotFound("no such file")
    return Response(_asset(name), media_type=media_type, headers=_NO_CACHE)


class DevTokenIn(BaseModel):
    user_id: str = Field(min_length=1, max_length=128, examples=["alice"])
    phone: str | None = Field(default=None, max_length=32, examples=["+919876543210"])
    roles: list[str] = Field(default_factory=list, max_length=2, description="Optional: admin")


class DevTokenOut(BaseModel):
    token: str
    user_id: str
    expires_in: int


def _is_loopback_name(host: str) -> bool:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8000
        host = host[1:].split("]", 1)[0]
    elif host.count(":") == 1:  # name:port (a bare IPv6 address has several colons)
        host = host.split(":", 1)[0]
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _local_developer(request: Request) -> bool:
    """The peer is this machine AND the page was addressed to a loopback name.

    The peer address alone is not enough: a page on evil.example can rebind its name to 127.0.0.1 (DNS rebinding)
    and read same-origin answers, so the ``Host`` (and ``Origin``, when sent) must be loopback names too. Forwarded
    headers are ignored: behind a proxy this endpoint does not exist.
    """
    peer = request.client.host if request.client else ""
    try:
        if not ipaddress.ip_address(peer).is_loopback:
            return False
    except ValueError:
        return False
    if not _is_loopback_name(request.headers.get("host", "")):
        return False
    origin = request.headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not _is_loopback_name(parts.netloc):
            return False
    return True


_DEV_TOKEN_BODY = {"required": True, "content": {"application/json": {"schema": DevTokenIn.model_json_schema()}}}


@router.post("/console/dev-token", response_model=DevTokenOut, responses=responses(400, 404, 413, 415, 422, 429),
             openapi_extra={"requestBody": _DEV_TOKEN_BODY},
             summary="Development only: mint a token for a chosen user "
                     "(404 unless SCAMSHIELD_ENV=development and SCAMSHIELD_DEV_TOKENS=1)")
async def dev_token(request: Request) -> DevTokenOut:
    settings = _settings(request)
    # Checked before the body is even read: outside development the route is indistinguishable from a missing one.
    if not settings.dev_tokens_enabled or not _local_developer(request):
        raise NotFound("Not Found")
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise InvalidInput("send the body as application/json", code="unsupported_media_type", status=415)
    try:
        body = DevTokenIn.model_validate_json(await request.body())
    except ValidationError as exc:
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            raise InvalidInput("request body is not valid JSON", code="malformed_json", status=400) from None
        fields = sorted({".".join(str(p) for p in e["loc"]) or "body" for e in exc.errors()})
        raise InvalidInput(f"check {', '.join(fields)}", code="validation_error") from None
    if set(body.roles) - KNOWN_ROLES:
        raise InvalidInput(f"roles must be among {', '.join(sorted(KNOWN_ROLES))}", code="invalid_role")
    if set(body.roles) - DEV_TOKEN_ROLES:
        raise InvalidInput("the console mints only user and admin tokens; for a service token use "
                           "`scamshield token ID --role service`", code="invalid_role")
    try:
        token = mint_token(settings, body.user_id, phone=body.phone or None, roles=body.roles or None,
                           ttl_seconds=DEV_TOKEN_TTL_SECONDS)
    except ValueError as exc:
        raise InvalidInput(str(exc), code="invalid_input") from None
    return DevTokenOut(token=token, user_id=body.user_id, expires_in=DEV_TOKEN_TTL_SECONDS)

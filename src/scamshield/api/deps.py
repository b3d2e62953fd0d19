"""FastAPI dependencies: the app context and the authenticated principal."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from scamshield.api.context import AppContext
from scamshield.auth import Principal
from scamshield.errors import AuthError, Forbidden


async def get_ctx(request: Request) -> AppContext:
    # async: a plain function dependency would run in the thread pool on every request
    return request.app.state.ctx


Ctx = Annotated[AppContext, Depends(get_ctx)]


def bearer_token(request: Request) -> str | None:
    # The first Authorization header, as ``request.headers.get`` gives it, without building the Headers object.
    header = next((v.decode("latin-1") for k, v in request.scope["headers"] if k == b"authorization"), None)
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def require_user(request: Request) -> Principal:
    ctx: AppContext = request.app.state.ctx
    token = bearer_token(request)
    if token is None:
        raise AuthError("missing bearer token", code="missing_token")
    principal = await ctx.verifier.verify_async(token)
    request.state.principal = principal
    for hook in ctx.extras.get("principal_hooks", ()):  # e.g. user upsert, per-user rate limit
        await hook(request, principal)
    return principal


async def require_admin(principal: Annotated[Principal, Depends(require_user)]) -> Principal:
    if not principal.is_admin:
        raise Forbidden("admin role required", code="admin_required")
    return principal


CurrentUser = Annotated[Principal, Depends(require_user)]
AdminUser = Annotated[Principal, Depends(require_admin)]

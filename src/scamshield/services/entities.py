"""Canonical forms of the entities users pay, report and give feedback on, so that "X@OKICICI " and "x@okicici"
(or "VM-HDFCBK-S" and "HDFCBK", or "www.Example.com." and "example.com") are one entity everywhere.

Also answers "is this a verified official entity?" from the brand registry (community reports never block those).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from scamshield.auth import normalise_phone
from scamshield.engine.vpa import MAX_VPA, normalise_vpa  # the one VPA definition; re-exported for the ledger
from scamshield.errors import InvalidInput

log = logging.getLogger("scamshield.ledger")

ENTITY_TYPES = ("url", "domain", "sms_sender", "upi_id", "phone_number")
MAX_ENTITY = 256

_SENDER = re.compile(r"^(?:[A-Z]{2}-)?([A-Z0-9]{3,11})(?:-[A-Z])?$")
_SENDER_OTHER = re.compile(r"^[A-Z0-9+-]{2,20}$")  # short codes and other alphanumeric headers
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$")
_WS = re.compile(r"\s+")
_HOST_END = re.compile(r"[/:?#]")


def _domain(raw: str) -> str:
    host = raw.strip().rstrip(".").casefold()
    if host.startswith("www."):
        host = host[4:]
    try:
        if not host.isascii():  # only IDNs pay for the idna encoder (the same test as "any character above 127")
            import idna

            host = idna.encode(host, uts46=True).decode("ascii")
    except Exception:  # idna.IDNAError and friends
        raise InvalidInput("not a valid domain", code="invalid_entity") from None
    if not _DOMAIN.match(host):
        raise InvalidInput("not a valid domain", code="invalid_entity")
    return host


def _url(raw: str) -> str:
    from scamshield.engine.urlparse import parse_url

    text = raw.strip()
    if len(text) > 4096:
        raise InvalidInput("url is too long", code="invalid_entity")
    p = parse_url(text)  # InvalidInput for things that are not URLs
    scheme = p.scheme or "http"
    port = f":{p.port}" if p.port else ""
    path = p.path or "/"
    query = f"?{p.query}" if p.query else ""
    host = p.host[4:] if p.host.startswith("www.") else p.host
    out = f"{scheme}://{host}{port}{path}{query}"
    if len(out) > MAX_ENTITY:
        out = out[:MAX_ENTITY]
    return out


def normalise_entity(entity_type: str, raw: str) -> str:
    """Canonical id of an entity; ``InvalidInput`` when it is not one."""
    if entity_type not in ENTITY_TYPES:
        raise InvalidInput(f"unknown entity_type {entity_type!r}", code="invalid_entity")
    text = str(raw or "").strip()
    if not text or len(text) > 4096:
        raise InvalidInput("entity_id is empty or too long", code="invalid_entity")
    if entity_type == "upi_id":
        return normalise_vpa(text)
    if entity_type == "phone_number":
        e164 = normalise_phone(text)
        if e164:
            return e164
        digits = re.sub(r"\D", "", text)
        if not 3 <= len(digits) <= 15:
            raise InvalidInput("not a valid phone number", code="invalid_entity")
        return digits  # short codes and service numbers
    if entity_type == "sms_sender":
        s = _WS.sub("", text).upper()
        m = _SENDER.match(s)
        if m:
            return m.group(1)  # "VM-HDFCBK-S" -> "HDFCBK": the operator/circle prefix and type suffix vary
        e164 = normalise_phone(s)
        if e164:
            return e164
        if not _SENDER_OTHER.match(s):
            raise InvalidInput("not a valid sender id", code="invalid_entity")
        return s
    if entity_type == "domain":
        return _domain(text)
    return _url(text)


def try_normalise(entity_type: str, raw: str) -> str | None:
    try:
        return normalise_entity(entity_type, raw)
    except InvalidInput:
        return None


def analysis_entities(entities: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The canonical (type, id) pairs an analysis names; a url also names its domain."""
    out: dict[tuple[str, str], None] = {}
    for etype, ids in (entities or {}).items():
        if etype not in ENTITY_TYPES:
            continue
        for raw in list(ids or [])[:20]:
            if not isinstance(raw, str):
                continue
            norm = try_normalise(etype, raw)
            if norm is None:
                continue
            out[(etype, norm)] = None
            if etype == "url":
                host = _host_of(norm)
                if host:
                    out[("domain", host)] = None
    return list(out)


def _host_of(url: str) -> str | None:
    rest = url.split("://", 1)[-1]
    host = _HOST_END.split(rest, maxsplit=1)[0]
    return try_normalise("domain", host)


# --- verified official entities -------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _registry() -> Any | None:
    try:
        from scamshield.engine.brands import default_registry
    except ImportError:  # pragma: no cover - the brand registry is optional
        log.warning("brand registry unavailable: official entities cannot be recognised")
        return None
    return default_registry()


def is_official(entity_type: str, entity_id: str) -> bool:
    """True when the brand registry verifies the entity as a brand's own (a domain, or a URL on one)."""
    reg = _registry()
    if reg is None:
        return False
    try:
        if entity_type in ("domain", "url"):
            host = _host_of(entity_id) if entity_type == "url" else entity_id
            return bool(host) and bool(reg.is_official(host))
        if entity_type == "upi_id":
            return _official_vpa(reg, entity_id)
    except (ValueError, TypeError, AttributeError):
        return False
    return False


def _official_vpa(reg: Any, vpa: str) -> bool:
    # The registry verifies domains, not individual VPAs: a brand's UPI *handle* (``@sbi``) is shared by all of that
    # bank's customers, and ``match_vpa`` finds imitations, so neither proves a VPA is the brand's own. A registry
    # that lists official VPAs can expose ``is_official_vpa``.
    check = getattr(reg, "is_official_vpa", None)
    return bool(check(vpa)) if callable(check) else False

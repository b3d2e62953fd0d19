"""The sender id: classification (TRAI DLT header, phone number, e-mail, other) and whether a DLT header is a known
brand's registered header (the brand key with a usual service suffix / prefix: HDFC+BK, CBS+SBI)."""

from __future__ import annotations

import re
from typing import Any, Iterable

import phonenumbers

from ..cues import BRAND_HEADER_KEYS
from ..textmatch import strip_invisible

_DLT_RE = re.compile(r"^(?:[A-Z]{2}-)?([A-Z0-9]{6})(?:-[A-Z])?$|^[A-Z]{2}-([A-Z0-9]{3,9})(?:-[A-Z])?$")


def classify_sender(sender: str | None) -> dict[str, Any]:
    """``{"type": "dlt", "header": "HDFCBK"}``, ``{"type": "phone", "country_code": 91, "mobile": True}``,
    ``{"type": "email"}``, ``{"type": "other"}`` or ``{"type": "none"}``."""
    if not sender or not sender.strip():
        return {"type": "none"}
    s = strip_invisible(sender, max_chars=64).strip()
    compact = re.sub(r"[\s()-]", "", s)
    if "@" in s:
        return {"type": "email"}
    if re.fullmatch(r"\+?\d{7,15}", compact):
        try:
            num = phonenumbers.parse(compact if compact.startswith("+") else compact, "IN")
        except phonenumbers.NumberParseException:
            return {"type": "other"}
        if not phonenumbers.is_valid_number(num):
            return {"type": "phone", "valid": False, "country_code": num.country_code, "mobile": False}
        ntype = phonenumbers.number_type(num)
        mobile = ntype in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
        return {"type": "phone", "valid": True, "country_code": num.country_code, "mobile": mobile}
    m = _DLT_RE.match(s.upper())
    if m and any(c.isalpha() for c in (m.group(1) or m.group(2))):
        # (TRAI's content-type suffix since 2025: "-P" promotional, "-S" service, "-T" transactional, "-G" government)
        suffix = s.upper().rsplit("-", 1)[1] if re.search(r"-[A-Z]$", s.upper()) else None
        return {"type": "dlt", "header": m.group(1) or m.group(2), "promotional": suffix == "P"}
    return {"type": "other"}


_BRAND_HEADER_KEYS_ALL = frozenset(k for keys in BRAND_HEADER_KEYS.values() for k in keys)
# The same keys as app-link account labels ("vi" of vi.app.link is Vodafone Idea's header key VI).
_BRAND_LABEL_KEYS = frozenset(k.lower() for k in _BRAND_HEADER_KEYS_ALL)
# What Indian banks, billers and services put after their name in a six-letter DLT header (HDFC+BK, SBI+INB,
# PNB+SMS, BOB+TXN, ICICI+T, LIC+IND, JIO+INF, IDFC+FB, EPFO+HO...) and before it (CBS+SBI, CPC+ITD). A header
# that merely contains a brand key (VK-CLICKS has LIC, VM-POSTIN has POST, AD-YESWIN has YES, VK-SBIXYZ) is not
# the brand's.
_HEADER_SUFFIXES = frozenset({
    "", "B", "BK", "BNK", "BANK", "BN", "BH", "FB", "G", "S", "T", "I", "IN", "INB", "IND", "INF", "INFO", "HO",
    "LI", "LF", "OTP", "SMS", "TXN", "TX", "UP", "UPI", "EFL", "NK", "CRD", "CARD", "CC", "CARE", "ALRT", "ALERT",
    "PAY", "MF", "NB", "NET", "SEC", "CR", "DC", "TD", "IT", "OFR", "OFFR", "PRM", "CL", "LN", "LOAN", "HL", "GI",
})
_HEADER_PREFIXES = frozenset({"CBS", "CPC", "IN"})


def header_matches_keys(header: str, keys: Iterable[str]) -> bool:
    """The DLT header is one of a brand's registered headers: a key alone, or a key with a usual service suffix
    (``_HEADER_SUFFIXES``) or prefix (``_HEADER_PREFIXES``)."""
    for k in keys:
        if header.startswith(k) and header[len(k):] in _HEADER_SUFFIXES:
            return True
        if header.endswith(k) and header[:len(header) - len(k)] in _HEADER_PREFIXES:
            return True
    return False


def _brand_header(header: str) -> bool:
    """The DLT header is a known brand's registered header (VIINFO, HDFCBK, AMAZON, SBIINB...)."""
    return header_matches_keys(header, _BRAND_HEADER_KEYS_ALL)

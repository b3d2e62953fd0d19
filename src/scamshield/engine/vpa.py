"""The one definition of a UPI id (VPA, ``name@handle``) used everywhere: QR/deep-link payees, transactions, UPI ids
found in messages, and the canonical ids of the payee ledger and reports.

- local part: 1-127 characters of letters, digits, ``.``, ``_``, ``-``, starting with a letter or digit;
- handle: a PSP handle, a letter then 1-63 letters or digits (``@okicici``, ``@ybl``, ``@paytm``) — no dot, so an
  e-mail address (``name@gmail.com``) is never a VPA;
- at most ``MAX_VPA`` characters in all; compared lower-case.

Pure and linear: bounded quantifiers, no nesting.
"""

from __future__ import annotations

import re

from scamshield.errors import InvalidInput

__all__ = ["MAX_VPA", "VPA_RE", "VPA_IN_TEXT_RE", "is_vpa", "normalise_vpa", "find_vpas"]

MAX_VPA = 128
_LOCAL = r"[a-z0-9][a-z0-9._-]{0,126}"
_HANDLE = r"[a-z][a-z0-9]{1,63}"

#: A whole string that is a VPA (lower-case input; length included).
VPA_RE = re.compile(rf"^(?=.{{4,{MAX_VPA}}}$){_LOCAL}@{_HANDLE}$")
#: A VPA inside free text: not glued to a longer word, and not followed by ``.tld`` (then it is an e-mail address).
VPA_IN_TEXT_RE = re.compile(rf"(?<![\w.@+-])({_LOCAL}@{_HANDLE})(?![\w@-]|\.[a-z0-9])", re.IGNORECASE)
_WS = re.compile(r"\s+")


def is_vpa(text: str) -> bool:
    """``text`` (case-insensitive, no surrounding space) is a VPA."""
    return isinstance(text, str) and len(text) <= MAX_VPA and VPA_RE.match(text.casefold()) is not None


def normalise_vpa(raw: str) -> str:
    """Lower-case, whitespace-free and validated VPA; :class:`InvalidInput` (``invalid_vpa``) otherwise."""
    vpa = _WS.sub("", str(raw or "")).casefold()
    if len(vpa) > MAX_VPA or not VPA_RE.match(vpa):
        raise InvalidInput("not a valid UPI id (expected name@handle)", code="invalid_vpa")
    return vpa


def find_vpas(text: str, *, limit: int) -> list[str]:
    """Distinct VPAs in ``text`` (lower-case, first-seen order), at most ``limit``."""
    out: dict[str, None] = {}
    for m in VPA_IN_TEXT_RE.finditer(text):
        vpa = m.group(1).casefold()
        if len(vpa) > MAX_VPA:
            continue
        out.setdefault(vpa, None)
        if len(out) >= limit:
            break
    return list(out)

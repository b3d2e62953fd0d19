"""The e-mail-in-link cues read with linear-time patterns (issue #5 speed): ``_EMAIL_IN_TEXT_RE`` finds an address
exactly when the plain ``_EMAIL_RE`` search does, and the possessive ``_B64_TOKEN_RE`` yields the same tokens as the
backtracking one. Checked against the original patterns on generated strings and hand-picked near misses, and by
the cue itself (a pre-filled address fires, lookalikes without a local part or a domain do not)."""

from __future__ import annotations

import base64
import random
import re

import pytest

from scamshield.engine import url as U
from scamshield.engine.url import analyze_url

_REF_EMAIL = re.compile(r"[a-z0-9._%+\-]{1,64}(?:@|%40)[a-z0-9\-]{1,63}\.[a-z0-9.\-]{2,63}", re.I)
_REF_B64 = re.compile(r"(?:^|[#=&/?])([A-Za-z0-9+/_\-]{16,120}(?:={1,2}|%3[dD](?:%3[dD])?)?)(?=$|[&#])")

_PIECES = ["@", "%40", "%4", "a", "Z", "0", ".", "-", "_", "+", "%", "=", "&", "#", "/", "?", "com", "co.in", "..",
           "x" * 70, "A" * 130, "Qm9i", "%3D", "%3d", "==", " ", "é", "@@", "a.b"]


def _generated(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 25))) for _ in range(n)]


@pytest.mark.parametrize("text", [
    "email=jane.doe@corp.com", "u=jane%40corp.co.in&x=1", "#jane@corp.com", "a@b.co", "@corp.com", "%40corp.com",
    "x@y", "x@y.c", "x@-.cc", "=@corp.com", "é@corp.com", "a" * 80 + "@corp.com", "a%40%40b.com", "a@@b.com",
    "id=5&ref=@home", "name=a+b@c.de", "p=" + "q" * 1000 + "@x",
])
def test_email_search_agrees_with_the_plain_pattern(text: str) -> None:
    assert bool(U._EMAIL_IN_TEXT_RE.search(text)) == bool(_REF_EMAIL.search(text)), text


def test_email_search_agrees_on_generated_text() -> None:
    for text in _generated(3000, seed=5):
        assert bool(U._EMAIL_IN_TEXT_RE.search(text)) == bool(_REF_EMAIL.search(text)), repr(text)


@pytest.mark.parametrize("text", [
    "am9obkBjb250b3NvLmNvbQ==", "x=am9obkBjb250b3NvLmNvbQ%3D%3D&y=1", "a=" + "B" * 16, "a=" + "B" * 15,
    "a=" + "B" * 120, "a=" + "B" * 121, "a=" + "B" * 200 + "&b=" + "C" * 20, "/path/" + "D" * 30 + "#frag",
    "k=" + "E" * 20 + "=x", "k=" + "E" * 20 + "%3Dx", "k=" + "F" * 40 + "===",
])
def test_b64_tokens_agree_with_the_backtracking_pattern(text: str) -> None:
    got = [(m.span(), m.group(1)) for m in U._B64_TOKEN_RE.finditer(text)]
    assert got == [(m.span(), m.group(1)) for m in _REF_B64.finditer(text)], text


def test_b64_tokens_agree_on_generated_text() -> None:
    for text in _generated(3000, seed=6):
        got = [(m.span(), m.group(1)) for m in U._B64_TOKEN_RE.finditer(text)]
        assert got == [(m.span(), m.group(1)) for m in _REF_B64.finditer(text)], repr(text)


def _codes(url: str) -> set[str]:
    return {s.code for s in analyze_url(url).signals}


@pytest.mark.parametrize("url", [
    "https://example-mail-portal.com/owa/?login=jane.doe@contoso.com",
    "https://example-mail-portal.com/index.php?u=jane%40contoso.co.in",
    "https://example-mail-portal.com/#jane@contoso.com",
    "https://example-mail-portal.com/verify#" + base64.b64encode(b"jane@contoso.com").decode(),
])
def test_prefilled_address_is_a_cue(url: str) -> None:
    assert "email_in_link" in _codes(url), url


@pytest.mark.parametrize("url", [
    "https://example.org/search?q=%40home",                 # no local part before the '%40'
    "https://example.org/profile?handle=@jane",             # a handle, no domain
    "https://example.org/page?ref=a@b",                     # no dot in the domain
    "https://example.org/p?id=" + "x" * 300,                # a long token that decodes to no address
])
def test_near_misses_are_no_cue(url: str) -> None:
    assert "email_in_link" not in _codes(url), url

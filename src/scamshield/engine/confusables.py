"""UTS #39 confusable skeletons (Unicode Security Mechanisms, section 4).

``skeleton(X)`` = NFD(map every code point of NFD(X) through the confusables table). Two strings are
confusable when their skeletons are equal. The table ships as ``data/confusables.tsv``, generated from Unicode's
``confusables.txt`` by ``scripts/build_confusables.py`` (Unicode License v3, notice kept in the file header).

For host names we also want a *matching key* that is insensitive to case and to stray diacritics, so that
``gооgle`` (Cyrillic о), ``g00gle`` and ``göogle`` all meet ``google``: see :func:`match_key`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

_TABLE: dict[str, str] | None = None


def _load() -> dict[str, str]:
    global _TABLE
    if _TABLE is None:
        table: dict[str, str] = {}
        text = resources.files("scamshield.engine").joinpath("data/confusables.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line or line[0] == "#":
                continue
            src, _, dst = line.partition("\t")
            table[chr(int(src, 16))] = "".join(chr(int(cp, 16)) for cp in dst.split())
        _TABLE = table
    return _TABLE


def table_size() -> int:
    return len(_load())


def skeleton(text: str) -> str:
    """The UTS #39 skeleton of ``text`` (exactly as the standard defines it; case-sensitive)."""
    table = _load()
    nfd = unicodedata.normalize("NFD", text)
    mapped = "".join(table.get(ch, ch) for ch in nfd)
    return unicodedata.normalize("NFD", mapped)


@lru_cache(maxsize=8192)
def match_key(text: str) -> str:
    """Case-folded skeleton without combining marks, for comparing host labels with brand names.

    ``skeleton`` maps ``0`` to ``O`` and ``m`` to ``rn``; folding after mapping makes ``amaz0n``, ``arnazon`` and
    ``amazon`` share one key. Combining marks are dropped so ``pàypal`` meets ``paypal``.
    """
    if text.isascii():
        table, unsafe = _ASCII_KEYS or _ascii_keys()
        if unsafe.isdisjoint(text):
            return text.translate(table)
    return _match_key(text)


def _match_key(text: str) -> str:
    sk = skeleton(text).casefold()
    # casefold can produce characters that map again (e.g. "I" -> "i" is harmless, but keep it idempotent)
    sk = skeleton(sk).casefold()
    return "".join(ch for ch in sk if not unicodedata.combining(ch))


_ASCII_KEYS: tuple[dict[int, str], frozenset[str]] | None = None


def _ascii_keys() -> tuple[dict[int, str], frozenset[str]]:
    """``match_key`` of each ASCII character, and the ASCII characters whose key leaves ASCII. For text made of the
    others every step of ``match_key`` (NFD, table, case folding, dropping marks) works character by character on
    ASCII, so the key of the text is the concatenation of its characters' keys: one ``str.translate``."""
    global _ASCII_KEYS
    if _ASCII_KEYS is None:
        keys = {i: _match_key(chr(i)) for i in range(128)}
        unsafe = frozenset(chr(i) for i, k in keys.items() if not (k.isascii() and skeleton(chr(i)).isascii()))
        _ASCII_KEYS = ({i: k for i, k in keys.items() if chr(i) not in unsafe}, unsafe)
    return _ASCII_KEYS


def is_confusable(a: str, b: str) -> bool:
    """True when the two strings have the same UTS #39 skeleton."""
    return skeleton(a) == skeleton(b)


_SCRIPT_CACHE: dict[str, str] = {}


def char_script(ch: str) -> str:
    """Coarse script of one character from its Unicode name (LATIN, CYRILLIC, GREEK, ...); COMMON for digits etc."""
    s = _SCRIPT_CACHE.get(ch)
    if s is not None:
        return s
    if ch.isascii():
        s = "LATIN" if ch.isalpha() else "COMMON"
    elif not ch.isalpha():
        s = "COMMON"
    else:
        name = unicodedata.name(ch, "")
        s = name.split(" ", 1)[0] if name else "UNKNOWN"
        # CJK ideographs, Hiragana and Katakana are legitimately mixed in Japanese names
        if s in ("CJK", "HIRAGANA", "KATAKANA"):
            s = "HAN_JAPANESE"
    if len(_SCRIPT_CACHE) < 65536:
        _SCRIPT_CACHE[ch] = s
    return s


def scripts_of(text: str) -> set[str]:
    """The set of (coarse) scripts used by the letters of ``text``; digits, hyphens etc. are ignored."""
    out = {char_script(ch) for ch in text}
    out.discard("COMMON")
    return out


def is_mixed_script(label: str) -> bool:
    """True when one label mixes Latin with another alphabetic script (``pаypal``: Latin + Cyrillic)."""
    scripts = scripts_of(label)
    return len(scripts) > 1 and "LATIN" in scripts

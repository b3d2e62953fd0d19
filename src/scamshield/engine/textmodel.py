"""Learned text and URL models as explainable signals (runtime: numpy only).

Linear (logistic) models over *hashed* features:

* SMS / transcripts: word uni- and bi-grams plus character 3..5-grams of a normalised text (lower-cased, NFKC,
  speaker tags such as ``Suspect:`` removed, URLs / e-mails / phone numbers / digit runs / currency squashed to
  placeholder tokens, so collection artefacts of the training sets do not become features).
* URLs: character 3..5-grams of the host and of the path (scheme, ``www.`` and trailing ``/`` dropped: they are
  collection artefacts of the public URL sets), host labels and path words, the TLD, and a few engineered lexical
  features (lengths, digits, dashes, subdomain depth, entropy, suspicious words, IP host, punycode...).

The featuriser below is the single source of truth: :mod:`scamshield.training` imports it, so training and runtime
features cannot drift. Artefacts (``<name>.npz`` weights + ``<name>.json`` metadata: version, data sources,
calibration, thresholds, vocabulary of top features) ship in ``scamshield/engine/models`` and are loaded once, lazily.

Each model answers ``predict_proba(text)`` (Platt-calibrated probability) and ``explain(text, k)`` (the n-grams
that pushed the score up, with their contributions); ``*_model_signal`` turn that into a :class:`Signal` whose
weight follows a documented piecewise-linear map of the probability (see ``docs/models.md``).
"""

from __future__ import annotations

import json
import functools
import math
import operator
import re
import threading
import unicodedata
import zlib
from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from scamshield.engine.types import Signal

try:  # the C helper Counter.update uses: counts into a plain dict, in first-seen order, without Counter's overhead
    from collections import _count_elements  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python implementations
    def _count_elements(mapping: dict, iterable: Any) -> None:  # type: ignore[misc]
        for x in iterable:
            mapping[x] = mapping.get(x, 0) + 1

FEATURISER_VERSION = 3
DEFAULT_DIM = 1 << 18

# --------------------------------------------------------------------------------------------------------------
# hashing
# --------------------------------------------------------------------------------------------------------------

# Constants as 0-d uint64 arrays, not numpy scalars: the same dtype and wrapping arithmetic (uint64 op uint64 ->
# uint64), but numpy 2's ufuncs take a 0-d array operand about a third faster than a scalar one (~0.3-0.6 us per
# call on these short arrays, of which a URL's features make about twenty calls).


def _u64(x: int) -> np.ndarray:
    a = np.array(x, dtype=np.uint64)
    a.flags.writeable = False
    return a


_P = _u64(0x100000001B3)
_M1 = _u64(0xFF51AFD7ED558CCD)
_S33 = _u64(33)


def _mix(h: np.ndarray) -> np.ndarray:
    """Multiplicative mixing over a uint64 array (wrapping arithmetic); buckets come from the HIGH bits."""
    return (h ^ (h >> _S33)) * _M1


def _char_ngram_hashes(b: np.ndarray, nmin: int, nmax: int, seed: int) -> np.ndarray:
    """Mixed hashes of every n-gram of the uint64 code array ``b`` for n in nmin..nmax, concatenated in order
    (all n-grams of length nmin by start position, then nmin+1, ...). Vectorised: ~nmax numpy ops in total."""
    if b.size < nmin:
        return np.zeros(0, dtype=np.uint64)
    h = b + np.uint64(seed * 1000003 + 7)
    parts: list[np.ndarray] = []
    for n in range(1, min(nmax, b.size) + 1):
        if n > 1:
            h = (h[:-1] * _P) ^ b[n - 1:]
        if n >= nmin:
            parts.append(h)
    return _mix(np.concatenate(parts) if len(parts) > 1 else parts[0])


def _codes(buf: bytes) -> np.ndarray:
    return np.frombuffer(buf, dtype=np.uint8).astype(np.uint64)


# The run-time path computes exactly what _char_ngram_hashes / _words_hashes / _finish compute, with fewer numpy
# calls and allocations (on inputs of tens of bytes the per-call overhead of numpy is the cost, not the arithmetic):
# every namespace's raw hashes are written into one preallocated array, mixed and bucketed once, in place. Mixing is
# element-wise, so mixing the concatenation equals concatenating the mixed parts. tests/engine/test_textmodel.py
# checks the two paths agree bit for bit.

_IDX_IS_U64_SIZED = np.dtype(np.intp).itemsize == 8
_U256 = _u64(256)
_U23 = _u64(23)


@functools.lru_cache(maxsize=64)
def _seed_offset(seed: int) -> np.ndarray:
    """``seed * 1000003 + 7`` as a 0-d uint64 (the start value of a char n-gram namespace)."""
    return _u64(seed * 1000003 + 7)


@functools.lru_cache(maxsize=64)
def _bucket_shift(dim: int) -> np.ndarray:
    """The right shift that keeps the high bits of a mixed hash as a bucket of a ``dim``-sized table."""
    return _u64(64 - dim.bit_length() + 1)


def _ngram_total(length: int, nmin: int, nmax: int) -> int:
    """Number of n-grams (n in nmin..nmax) of a sequence of ``length`` items, as _char_ngram_hashes yields them."""
    if length < nmin:
        return 0
    hi = min(nmax, length)
    k = hi - nmin + 1
    return k * (length + 1) - (nmin + hi) * k // 2


def _raw_char_hashes_into(out: np.ndarray, b: np.ndarray, nmin: int, nmax: int, seed: int) -> int:
    """Unmixed n-gram hashes of ``b`` (same values and order as _char_ngram_hashes before its _mix) written into
    ``out[:count]``; returns count. Each n-gram length is computed in place from the previous one."""
    size = b.size
    if size < nmin:
        return 0
    h = b + _seed_offset(seed)
    pos = 0
    if nmin <= 1:
        out[:size] = h
        pos = size
    for n in range(2, min(nmax, size) + 1):
        if n >= nmin:
            m = size - n + 1
            dst = out[pos:pos + m]
            np.multiply(h[:-1], _P, out=dst)
            dst ^= b[n - 1:]
            pos += m
            h = dst
        else:
            h = h[:-1] * _P
            h ^= b[n - 1:]
    return pos


def _buckets_in_place(raw: np.ndarray, dim: int) -> np.ndarray:
    """_mix then the high-bits bucket of _finish, overwriting ``raw``; returns the bucket indices (intp)."""
    t = raw >> _S33
    raw ^= t
    raw *= _M1
    raw >>= _bucket_shift(dim)
    return raw.view(np.intp) if _IDX_IS_U64_SIZED else raw.astype(np.intp)


_VALUES_CACHE: dict[tuple[int, int], np.ndarray] = {}


def _namespace_values(n_first: int, n_second: int) -> np.ndarray:
    """The value column of _finish for two namespaces of these sizes (1/sqrt(count) each, float32). Short columns
    (URLs, SMS) are read-only and shared: a few hundred size pairs cover them (kept bounded: <= 2048 x 4 KB)."""
    key = (n_first, n_second)
    v = _VALUES_CACHE.get(key)
    if v is None:
        v = np.empty(n_first + n_second, dtype=np.float32)
        if n_first:
            v[:n_first] = 1.0 / math.sqrt(n_first)
        if n_second:
            v[n_first:] = 1.0 / math.sqrt(n_second)
        if v.size <= 1024:
            v.flags.writeable = False
            if len(_VALUES_CACHE) >= 2048:
                _VALUES_CACHE.clear()
            _VALUES_CACHE[key] = v
    return v


_crc32 = zlib.crc32


def _str_hash(s: str, seed: int) -> int:
    return zlib.crc32(s.encode("utf-8", "replace"), seed)  # "replace": lone surrogates must not raise


def _words_hashes(tokens: Sequence[str], seed: int, ngrams: tuple[int, int]) -> np.ndarray:
    lo, hi = ngrams
    hs: list[int] = []
    if lo <= 1 <= hi:
        hs.extend(_str_hash(t, seed) for t in tokens)
    if lo <= 2 <= hi and len(tokens) > 1:
        hs.extend(_str_hash(a + " " + b, seed + 1) for a, b in zip(tokens, tokens[1:]))
    if not hs:
        return np.zeros(0, dtype=np.uint64)
    return _mix(np.asarray(hs, dtype=np.uint64) * _P + np.uint64(seed))


def _word_names(tokens: Sequence[str], ngrams: tuple[int, int]) -> list[str]:
    lo, hi = ngrams
    names: list[str] = []
    if lo <= 1 <= hi:
        names.extend(tokens)
    if lo <= 2 <= hi and len(tokens) > 1:
        names.extend(a + " " + b for a, b in zip(tokens, tokens[1:]))
    return names


class FeatureNames(Sequence[str]):
    """Readable name of every hashed feature occurrence, aligned with ``Features.idx`` and built lazily (only the
    few names an explanation shows are ever materialised; construction only stores its arguments)."""

    def __init__(self, buf: bytes, nmin: int, nmax: int, tail: list[str] | Callable[[], list[str]],
                 label: Callable[[int, int], str] | None = None, char_prefix: str = "c:",
                 tail_len: int | None = None, tail_item: Callable[[int], str] | None = None,
                 follow_buckets: bool = False) -> None:
        """``tail``: names of the token features after the char n-grams, or a function building them on first use
        (then ``tail_len`` is their count): building them costs as much as the hashing, and most inputs never
        need a name. ``tail_item(i)``: optional, the i-th tail name alone (an explanation needs a few).
        ``follow_buckets``: the featuriser guarantees that two occurrences with the same name have the same hashed
        bucket (see :func:`_merge_by_name`), so occurrences in distinct buckets need no name to be told apart."""
        self.buf = buf
        self._nmin, self._nmax = nmin, nmax
        self._tail_src = tail
        self._tail: list[str] | None = None
        self._tail_len = int(tail_len or 0) if callable(tail) else len(tail)
        self._tail_item = tail_item
        self.label = label
        self.char_prefix = char_prefix
        self.follow_buckets = follow_buckets
        self._spans: list[tuple[int, int]] | None = None
        self._n_char: int | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(n, count) per n-gram length, in hashing order."""
        if self._spans is None:
            size, nmin = len(self.buf), self._nmin
            self._spans = [(n, size - n + 1) for n in range(nmin, min(self._nmax, size) + 1)] if size >= nmin else []
        return self._spans

    @property
    def n_char(self) -> int:
        if self._n_char is None:
            self._n_char = _ngram_total(len(self.buf), self._nmin, self._nmax)
        return self._n_char

    @property
    def tail(self) -> list[str]:
        if self._tail is None:
            src = self._tail_src
            self._tail = (src() if callable(src) else src) or []
        return self._tail

    def __len__(self) -> int:
        return self.n_char + self._tail_len

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        size = self.n_char + self._tail_len
        if i < 0:
            i += size
        if not 0 <= i < size:
            raise IndexError(i)
        return self.name(i)

    def name(self, i: int) -> str:
        """``self[i]`` for a valid non-negative position (no checks: explanations call it with positions of
        feature occurrences)."""
        n_char = self._n_char if self._n_char is not None else self.n_char
        if i >= n_char:
            if self._tail is None and self._tail_item is not None:
                return self._tail_item(i - n_char)
            return self.tail[i - n_char]
        for n, count in self._spans if self._spans is not None else self.spans:
            if i < count:
                label = self.label
                return (label(i, n) if label else self.char_prefix) + self.buf[i:i + n].decode("utf-8", "replace")
            i -= count
        raise IndexError(i)  # pragma: no cover

    def take(self, positions: list[int]) -> list[str]:
        """``[self[i] for i in positions]`` for valid non-negative positions, in one call (explanations)."""
        n_char, spans, buf, label, prefix = self.n_char, self.spans, self.buf, self.label, self.char_prefix
        text = buf.decode("ascii") if buf.isascii() else None  # ASCII: byte offsets are character offsets
        out: list[str] = []
        for i in positions:
            if i >= n_char:
                out.append(self.name(i))
                continue
            for n, count in spans:
                if i < count:
                    body = text[i:i + n] if text is not None else buf[i:i + n].decode("utf-8", "replace")
                    out.append((label(i, n) if label else prefix) + body)
                    break
                i -= count
        return out


def _word_name(tokens: Sequence[str], ngrams: tuple[int, int], i: int) -> str:
    """``_word_names(tokens, ngrams)[i]`` without building the list."""
    lo, hi = ngrams
    if lo <= 1 <= hi:
        if i < len(tokens):
            return tokens[i]
        i -= len(tokens)
    if lo <= 2 <= hi and 0 <= i < len(tokens) - 1:
        return tokens[i] + " " + tokens[i + 1]
    raise IndexError(i)


# --------------------------------------------------------------------------------------------------------------
# text normalisation
# --------------------------------------------------------------------------------------------------------------

_SPEAKER_TAG = re.compile(
    r"(?:^|(?<=[\s.!?\"'])|(?<=^\W))(?:suspect|innocent|scammer|victim|caller|callee|agent|customer|"
    r"representative|rep|operator|speaker\s*\d{0,2}|spk\s*\d{0,2}|person\s*[ab12]|user|bot|[ab])\s*:\s",
    re.IGNORECASE | re.MULTILINE,
)
_URL_TLDS = (r"com|net|org|in|info|xyz|top|co|me|ly|"
             r"io|uk|us|biz|online|site|club|link|live|app|page|gl|to|cc|tk|ml|ga|cf|gq|ru|cn|shop|store|vip|icu")
_URL_RE = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]{1,9}://\S+|\bwww\.\S+|\b(?:[a-z0-9-]{1,63}\.)+(?:" + _URL_TLDS + r")\b(?:/\S*)?)",
    re.IGNORECASE,
)
# Cheap necessary conditions, checked before the slow patterns (which try every position): every match of _URL_RE
# contains "://", "www." or "." + one of its TLDs (same flags); _SPEAKER_TAG needs ":" then whitespace; the e-mail
# and UPI patterns need "@". When the condition fails the substitution could not change the text.
_URL_HINT = re.compile(r"://|www\.|\.(?:" + _URL_TLDS + r")", re.IGNORECASE)
_COLON_SPACE = re.compile(r":\s")
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_UPI_RE = re.compile(r"\b[\w.-]{2,}@[a-z]{2,}\b", re.IGNORECASE)
# The three patterns above restart at every word boundary of a run of word characters, dots and hyphens and scan it
# to its end, so a long such run ("a.a.a.…", "x-x-x-…", 1,600+ characters) costs quadratic time (~120 ms). No host
# name is longer than 253 characters and no e-mail local part than 64, so a text holding a run of 254+ of those
# characters (never a real address: pasted junk or an attack) is read with bounded variants that start a host only
# at the beginning of a run and allow at most 12 labels / 64-character local parts. Every other text is read by the
# patterns above, unchanged.
_LONG_RUN = re.compile(r"[\w.+-]{254}")
_URL_RE_BOUNDED = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]{1,9}://\S+|\bwww\.\S+|(?<![a-z0-9.-])\b(?:[a-z0-9-]{1,63}\.){1,12}(?:" + _URL_TLDS
    + r")\b(?:/\S*)?)",
    re.IGNORECASE,
)
_EMAIL_RE_BOUNDED = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,12}\b")
_UPI_RE_BOUNDED = re.compile(r"\b[\w.-]{2,64}@[a-z]{2,64}\b", re.IGNORECASE)
_MOJIBAKE = re.compile("[\ufffd\u00c2\u00ef\u00bf\u00bd\u00e2\u0080-\u009f]")
_CURRENCY = re.compile(r"(?:[£$€₹¥]|\b(?:rs|inr|usd|gbp)\b\.?)", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+|[¤#]")


def _digit_token(m: re.Match[str]) -> str:
    n = len(m.group(0))
    return "0" if n <= 2 else "00" if n <= 4 else "000" if n <= 7 else "0000"


def strip_speaker_tags(text: str) -> str:
    """Remove ``Suspect:`` / ``Innocent:`` / ``Caller:`` / ``A:`` style turn prefixes (absent from real ASR text)."""
    if not _COLON_SPACE.search(text):
        return text
    return _SPEAKER_TAG.sub(" ", text)


def normalise_text(text: str, max_chars: int = 2000) -> str:
    """Canonical text the text models see. Deterministic, linear-time, capped at ``max_chars`` input characters."""
    t = text[: max_chars * 2]
    t = unicodedata.normalize("NFKC", t)
    t = _MOJIBAKE.sub(" ", t)
    t = strip_speaker_tags(t)
    has_at, has_url = "@" in t, _URL_HINT.search(t) is not None
    bounded = (has_at or has_url) and _LONG_RUN.search(t) is not None
    if has_at:
        t = (_EMAIL_RE_BOUNDED if bounded else _EMAIL_RE).sub(" emailtok ", t)
        t = (_UPI_RE_BOUNDED if bounded else _UPI_RE).sub(" upitok ", t)
    if has_url:
        t = (_URL_RE_BOUNDED if bounded else _URL_RE).sub(" urltok ", t)
    t = t.lower()
    t = _CURRENCY.sub(" ¤ ", t)
    t = _DIGITS.sub(_digit_token, t)
    t = " ".join(t.split())  # == _SPACE.sub(" ", t).strip(): re's \s and str.isspace are the same set
    return t[:max_chars]


# --------------------------------------------------------------------------------------------------------------
# URL parsing and engineered features
# --------------------------------------------------------------------------------------------------------------

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]{0,15}://", re.IGNORECASE)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_NUMHOST = re.compile(r"^(?:0x[0-9a-f]+|\d+)$")
SUSPICIOUS_URL_WORDS = (
    "login", "log-in", "signin", "sign-in", "verify", "verification", "secure", "account", "update", "confirm",
    "banking", "webscr", "password", "wallet", "unlock", "suspend", "billing", "invoice", "support", "recover",
    "auth", "validate", "kyc", "reward", "refund", "claim", "gift", "bonus", "free", "lucky", "prize",
)
_URL_WORD = re.compile(r"[a-z]+|\d+")
# the same words of an ASCII path, read from its UTF-8 bytes (there \d is [0-9] as in an ASCII str): their CRCs need
# no encoding, and the text of a word is decoded only when an explanation names it
_URL_WORD_BYTES = re.compile(rb"[a-z]+|[0-9]+")
# Host length, label count and subdomain depth were dropped in featuriser version 3: every legitimate training URL
# has a bare registrable host (Tranco lists registrable domains, the ISCX list is www.-only once "www." is
# stripped), so the model learned "any subdomain = phishing" and called news.ycombinator.com, docs.google.com or
# edition.cnn.com links phishing. Deep nesting stays a rule signal (deep_subdomain in engine/url.py).
DENSE_URL_FEATURES = (
    "host_digits", "host_dashes", "host_entropy",
    "path_depth", "query_params", "pct_escapes", "at_sign", "ip_host", "punycode", "suspicious_words",
    "port", "long_label", "digit_label",
)


@dataclass(frozen=True, slots=True)
class UrlParts:
    host: str
    path: str  # path + query + fragment, without the leading "/" and trailing "/"
    had_userinfo: bool
    port: bool


def split_url(url: str, max_chars: int = 400) -> UrlParts:
    """Cheap, forgiving split (the rule layer does the careful parsing). Scheme, ``www.`` and trailing ``/`` are
    dropped on purpose: their ratios are collection artefacts of PhishTank / ISCX / Tranco."""
    u = url.strip()[: max_chars * 2]
    m = _SCHEME.match(u)  # (the pattern is anchored at the start: the same as sub(..., count=1))
    if m:
        u = u[m.end():]
    cut = len(u)
    for ch in "/?#":
        i = u.find(ch)
        if 0 <= i < cut:
            cut = i
    authority, rest = u[:cut], u[cut:]
    userinfo = "@" in authority
    if userinfo:
        authority = authority.rsplit("@", 1)[1]
    port = False
    if authority.startswith("["):
        host = authority.split("]", 1)[0].lstrip("[")
        port = "]:" in authority
    elif ":" in authority:
        host, _, p = authority.partition(":")
        port = bool(p)
    else:
        host = authority
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    rest = rest.lstrip("/").rstrip("/").lower()
    return UrlParts(host[:253], rest[:max_chars], userinfo, port)


def _entropy(s: str) -> float:
    if not s:
        return 0.0
    n = len(s)
    log2 = math.log2
    counts: dict[str, int] = {}
    _count_elements(counts, s)  # (Counter(s)'s counts in Counter(s)'s order, without building a Counter)
    return -sum([c / n * log2(c / n) for c in counts.values()])  # (a list: same terms, same order)


def _word_trie_pattern(words: Sequence[str]) -> str:
    """An alternation of ``words`` as a prefix tree ('a(?:ccount|uth)|b(?:anking|...)'): fewer branches tried per
    position. When no word is a prefix of another, at most one word matches at any position, so the matches equal
    those of the plain alternation in any order (otherwise the plain alternation is returned)."""
    if any(a != b and b.startswith(a) for a in words for b in words):
        return "|".join(re.escape(w) for w in words)
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(node)]
        if not alts:
            return ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


# (the same matches as "|".join(map(re.escape, SUSPICIOUS_URL_WORDS)), about twice as fast on a URL path)
_SUSP_RE = re.compile(_word_trie_pattern(SUSPICIOUS_URL_WORDS))
_DIGIT = re.compile(r"\d")
_MIXED_LABEL = re.compile(r"(?:^|\.)(?=[^.]*\d)(?=[^.]*[a-z])[^.]+\.")


@dataclass(frozen=True, slots=True)
class _HostInfo:
    """What the URL features take from the host alone, computed once per host (hosts repeat heavily in real
    traffic: :func:`_host_info` keeps the most recent ones)."""

    hbuf: bytes  # "." + host[-120:] + ".", UTF-8: the host's char n-gram buffer
    toks: list[str]  # tld= / h= tokens, in feature order
    tok_crc: list[int]  # _str_hash(tok, 41) of each
    dense: tuple[float, ...]  # host_digits, host_dashes, host_entropy, ip_host, punycode, long_label, digit_label
    susp: int  # suspicious words in the host (no word contains "/": host and path counts add up)
    pct: int  # "%" in the host


@functools.lru_cache(maxsize=8192)
def _host_info(host: str) -> _HostInfo:
    labels = host.split(".") if host else []
    is_ip = bool(_IPV4.match(host) or _NUMHOST.match(host) or ":" in host)
    longest = max(map(len, labels)) if labels else 0
    dense = (
        min(len(_DIGIT.findall(host)), 20) / 10.0,
        min(host.count("-"), 10) / 3.0,
        _entropy(host) / 4.0,
        1.0 if is_ip else 0.0,
        1.0 if "xn--" in host else 0.0,
        1.0 if longest >= 20 else 0.0,
        1.0 if (not is_ip and _MIXED_LABEL.search(host)) else 0.0,
    )
    tl = host.split(".")
    toks = ["tld=" + tl[-1]] + ["h=" + x for x in tl[:-1][-6:]]
    return _HostInfo(("." + host[-120:] + ".").encode("utf-8", "replace"), toks,
                     [_crc32(t.encode("utf-8", "replace"), 41) for t in toks], dense,
                     len(_SUSP_RE.findall(host)), host.count("%"))


def url_dense_features(parts: UrlParts, hd: _HostInfo | None = None) -> np.ndarray:
    """``hd``: ``_host_info(parts.host)`` when the caller already has it."""
    if hd is None:
        hd = _host_info(parts.host)
    digits, dashes, entropy, ip_host, punycode, long_label, digit_label = hd.dense
    path = parts.path
    qpos = path.find("?")
    nq = (path.count("&", qpos) + 1) if qpos >= 0 else 0
    # len(_SUSP_RE.findall(host + "/" + path)): no match can span the "/", so host and path counts add up
    susp = hd.susp + (len(_SUSP_RE.findall(path)) if path else 0)
    v = (
        digits,
        dashes,
        entropy,
        min(path.count("/"), 20) / 5.0,
        min(nq, 20) / 5.0,
        min(path.count("%") + hd.pct, 30) / 10.0,
        1.0 if parts.had_userinfo else 0.0,
        ip_host,
        punycode,
        min(susp, 6) / 3.0,
        1.0 if parts.port else 0.0,
        long_label,
        digit_label,
    )
    return np.asarray(v, dtype=np.float32)


# --------------------------------------------------------------------------------------------------------------
# featurisers
# --------------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Features:
    """Sparse hashed part (``idx``, ``val``: duplicates allowed, they add up) and a dense part."""

    idx: np.ndarray
    val: np.ndarray
    dense: np.ndarray
    names: Sequence[str] | None = None  # aligned with idx when requested (lazy)


_EMPTY_DENSE = np.zeros(0, dtype=np.float32)


def _finish(hashes: list[np.ndarray], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """Bucket index (high bits of the mixed hash) and value (1/sqrt(namespace count)) of every occurrence."""
    hashes = [h for h in hashes if h.size]
    if not hashes:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32)
    sizes = [h.size for h in hashes]
    allh = np.concatenate(hashes) if len(hashes) > 1 else hashes[0]
    idx = (allh >> np.uint64(64 - dim.bit_length() + 1)).astype(np.intp)
    return idx, np.repeat(np.asarray([1.0 / math.sqrt(n) for n in sizes], dtype=np.float32), sizes)


class TextFeaturiser:
    """Word 1..2-grams and char 3..5-grams over :func:`normalise_text`. Each namespace is scaled by
    1/sqrt(count) so long and short texts live on one scale (approximate L2 normalisation)."""

    kind = "text"

    def __init__(self, dim: int = DEFAULT_DIM, char_ngrams: tuple[int, int] = (3, 5),
                 word_ngrams: tuple[int, int] = (1, 2), max_chars: int = 2000, tail: bool = False) -> None:
        if dim & (dim - 1):
            raise ValueError("dim must be a power of two")
        self.dim = dim
        self.char_ngrams = (int(char_ngrams[0]), int(char_ngrams[1]))
        self.word_ngrams = (int(word_ngrams[0]), int(word_ngrams[1]))
        self.max_chars = int(max_chars)
        self.tail = bool(tail)
        self.n_dense = 0

    def config(self) -> dict[str, Any]:
        return {"kind": self.kind, "featuriser_version": FEATURISER_VERSION, "dim": self.dim,
                "char_ngrams": list(self.char_ngrams), "word_ngrams": list(self.word_ngrams),
                "max_chars": self.max_chars, "tail": self.tail}

    def normalise(self, text: str) -> str:
        if self.tail and len(text) > self.max_chars * 2:
            text = text[-self.max_chars * 2:]
        t = normalise_text(text, self.max_chars * 4 if self.tail else self.max_chars)
        if len(t) > self.max_chars:
            t = t[-self.max_chars:] if self.tail else t[: self.max_chars]
        return t

    def features(self, text: str, with_names: bool = False) -> Features:
        t = self.normalise(text)
        tokens = _WORD.findall(t)
        buf = (" " + t + " ").encode("utf-8", "replace")  # lone surrogates -> "?"
        lo, hi = self.char_ngrams
        # Two namespaces, each scaled by 1/sqrt(its count): char n-grams (seed 11), then word n-grams (seed 23).
        # Same values as _finish([_char_ngram_hashes(...), _words_hashes(...)]), computed in one array.
        wlo, whi = self.word_ngrams
        hs: list[int] = []
        # tokens encoded once: (a + " " + b).encode() == a.encode() + b" " + b.encode() (UTF-8 encodes code point
        # by code point, and a token holds no surrogate: _WORD matches word characters only)
        enc = [w.encode("utf-8", "replace") for w in tokens]
        if wlo <= 1 <= whi:
            hs = [_crc32(e, 23) for e in enc]
        if wlo <= 2 <= whi and len(tokens) > 1:
            hs += [_crc32(a + b" " + b, 24) for a, b in zip(enc, enc[1:])]
        n_char = _ngram_total(len(buf), lo, hi)
        n_word = len(hs)
        raw = np.empty(n_char + n_word, dtype=np.uint64)
        if n_char:
            _raw_char_hashes_into(raw, _codes(buf), lo, hi, 11)
        if n_word:
            w = raw[n_char:]
            w[:] = hs
            w *= _P
            w += _U23
        idx = _buckets_in_place(raw, self.dim)
        names = None
        if with_names:
            ngrams = self.word_ngrams
            # ASCII: one name per byte string, and word names ("w:" + a token or two tokens and a space) are
            # distinct from char n-gram names ("c:" + ...): equal names imply equal buckets
            names = FeatureNames(buf, lo, hi, lambda: ["w:" + n for n in _word_names(tokens, ngrams)],
                                 tail_len=n_word, tail_item=lambda i: "w:" + _word_name(tokens, ngrams, i),
                                 follow_buckets=buf.isascii())
        return Features(idx, _namespace_values(n_char, n_word), _EMPTY_DENSE, names)


class UrlFeaturiser:
    """Host char 3..5-grams, path char 3..5-grams, host labels / path words / TLD, plus engineered dense features."""

    kind = "url"

    def __init__(self, dim: int = DEFAULT_DIM, char_ngrams: tuple[int, int] = (3, 5), max_chars: int = 200) -> None:
        if dim & (dim - 1):
            raise ValueError("dim must be a power of two")
        self.dim = dim
        self.char_ngrams = (int(char_ngrams[0]), int(char_ngrams[1]))
        self.max_chars = int(max_chars)
        self.n_dense = len(DENSE_URL_FEATURES)

    def config(self) -> dict[str, Any]:
        return {"kind": self.kind, "featuriser_version": FEATURISER_VERSION, "dim": self.dim,
                "char_ngrams": list(self.char_ngrams), "max_chars": self.max_chars,
                "dense": list(DENSE_URL_FEATURES)}

    def features(self, url: str, with_names: bool = False) -> Features:
        return self.features_of_parts(split_url(url, self.max_chars), with_names)

    def features_of_parts(self, parts: UrlParts, with_names: bool = False) -> Features:
        """:meth:`features` of an already split URL (``split_url(url, self.max_chars)``)."""
        lo, hi = self.char_ngrams
        hd = _host_info(parts.host)
        hbuf = hd.hbuf
        path = parts.path[: self.max_chars]
        if parts.path:
            pbuf = ("/" + path).encode("utf-8", "replace")
            # the "p=" + word tokens (named only when explained)
            if path.isascii():
                words = _URL_WORD_BYTES.findall(pbuf)[:40]  # bytes ("/" is no word character)
                word_crcs = [_crc32(x, _PATH_TOKEN_CRC) for x in words]
            else:
                words = _URL_WORD.findall(path)[:40]
                word_crcs = [_crc32(x.encode("utf-8", "replace"), _PATH_TOKEN_CRC) for x in words]
            buf = hbuf + pbuf
            codes = _codes(buf)
            codes[len(hbuf):] += _U256  # path n-grams live in their own namespace
            # char n-grams (seed 31), then the tokens: same values as _finish([_char_ngram_hashes(codes, lo, hi,
            # 31), _mix(asarray([_str_hash(t, 41) ...]) * _P)]), in one array.
            n_char = _ngram_total(codes.size, lo, hi)
            n_tok = len(hd.toks) + len(words)
            raw = np.empty(n_char + n_tok, dtype=np.uint64)
            if n_char:
                _raw_char_hashes_into(raw, codes, lo, hi, 31)
            th = raw[n_char:]
            # crc32("p=" + word) continued from the prefix's crc: the same value without building the token
            th[:] = hd.tok_crc + word_crcs
            th *= _P
            idx = _buckets_in_place(raw, self.dim)
        else:  # a bare host: its features depend on the host alone
            buf = hbuf
            words = []
            n_char = _ngram_total(len(hbuf), lo, hi)
            n_tok = len(hd.toks)
            idx = _bare_host_buckets(parts.host, lo, hi, self.dim)
        val = _namespace_values(n_char, n_tok)
        names = None
        if with_names:
            nh = len(hbuf)
            # equal names imply equal buckets: ASCII (one name per byte string; path bytes are offset, and two
            # n-grams across the host/path border never read alike: a host has no "/") and no "=" in the host
            # (then the token renaming below is one-to-one)
            host_toks = hd.toks
            nt = len(host_toks)
            names = FeatureNames(
                buf, lo, hi, lambda: [_url_token_name(t) for t in host_toks] + [_path_word_name(x) for x in words],
                label=lambda i, n: "host:" if i + n <= nh else "path:" if i >= nh else "host+path:",
                tail_len=n_tok,
                tail_item=lambda i: _url_token_name(host_toks[i]) if i < nt else _path_word_name(words[i - nt]),
                follow_buckets=buf.isascii() and "=" not in parts.host)
        return Features(idx, val, url_dense_features(parts, hd), names)


_PATH_TOKEN_CRC = _crc32(b"p=", 41)


def _path_word_name(word: str | bytes) -> str:
    """Readable name of a path-word token (``features_of_parts`` keeps an ASCII path's words as bytes)."""
    return "path-word:" + (word.decode("ascii") if word.__class__ is bytes else word)  # type: ignore[union-attr]


def _url_token_name(tok: str) -> str:
    return tok.replace("h=", "host-label:", 1).replace("p=", "path-word:", 1).replace("tld=", "tld:", 1)


@functools.lru_cache(maxsize=4096)
def _bare_host_buckets(host: str, lo: int, hi: int, dim: int) -> np.ndarray:
    """Bucket indices of a path-less URL on ``host`` (read-only, shared)."""
    hd = _host_info(host)
    codes = _codes(hd.hbuf)
    n_char = _ngram_total(codes.size, lo, hi)
    raw = np.empty(n_char + len(hd.tok_crc), dtype=np.uint64)
    if n_char:
        _raw_char_hashes_into(raw, codes, lo, hi, 31)
    th = raw[n_char:]
    th[:] = hd.tok_crc
    th *= _P
    idx = _buckets_in_place(raw, dim)
    idx.flags.writeable = False
    return idx


def make_featuriser(config: dict[str, Any]) -> TextFeaturiser | UrlFeaturiser:
    if int(config.get("featuriser_version", 0)) != FEATURISER_VERSION:
        raise ValueError(f"artefact featuriser version {config.get('featuriser_version')} != {FEATURISER_VERSION}")
    if config["kind"] == "url":
        return UrlFeaturiser(dim=int(config["dim"]), char_ngrams=tuple(config["char_ngrams"]),
                             max_chars=int(config["max_chars"]))
    return TextFeaturiser(dim=int(config["dim"]), char_ngrams=tuple(config["char_ngrams"]),
                          word_ngrams=tuple(config["word_ngrams"]), max_chars=int(config["max_chars"]),
                          tail=bool(config.get("tail", False)))


# --------------------------------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------------------------------


_DENSE_NAMES = tuple((f"url:{n}=high", f"url:{n}=low") for n in DENSE_URL_FEATURES)
_second = operator.itemgetter(1)


def _merge_by_name(names: Sequence[str], positions: list[int], neg_contribs: list[float], buckets: list[int]
                   ) -> list[tuple[int | str, float]]:
    """Sum the contributions (``-neg_contribs[i]``) of occurrences that share a readable name, in first-seen
    order, as ``[(name or position, total)]``: the same totals and order as a dict keyed by every name.

    When the names follow the buckets (``FeatureNames.follow_buckets``: equal names imply equal buckets), an
    occurrence alone in its bucket cannot share its name with another, so it keeps its position and is named
    only if shown; names are built for the occurrences of shared buckets alone (a repeated n-gram or a hash
    collision)."""
    if getattr(names, "follow_buckets", False):
        if len(set(buckets)) == len(buckets):
            return [(j, -x) for j, x in zip(positions, neg_contribs)]  # == 0.0 - x, as the dict sum would do
        seen: set[int] = set()
        shared: set[int] = set()
        for b in buckets:
            (shared if b in seen else seen).add(b)
        name = names.name  # type: ignore[attr-defined]
        keys: list[int | str] = [name(j) if b in shared else j for j, b in zip(positions, buckets)]
    else:
        take = getattr(names, "take", None)
        keys = take(positions) if take is not None else [names[j] for j in positions]  # type: ignore[assignment]
    acc: dict[int | str, float] = {}
    for key, x in zip(keys, neg_contribs):
        acc[key] = acc.get(key, 0.0) - x
    return list(acc.items())


@dataclass(slots=True)
class LinearTextModel:
    """A calibrated linear model over hashed features. ``weight_knots`` map probability -> signal weight."""

    name: str
    featuriser: TextFeaturiser | UrlFeaturiser
    w: np.ndarray  # hashed weights, float32[dim]
    wd: np.ndarray  # dense weights
    bias: float
    platt_a: float
    platt_b: float
    weight_knots: list[tuple[float, float]]
    meta: dict[str, Any] = field(default_factory=dict)
    caps: dict[str, float] = field(default_factory=dict)  # context -> max signal points (URL: bare/shared host)
    # context -> (p, cap): at probability >= p this context's cap is raised to ``cap`` (URL: a very confident
    # model on a shared host; artefact ``signal.caps_when_confident``)
    caps_when_confident: dict[str, tuple[float, float]] = field(default_factory=dict)
    dense_centre: np.ndarray | None = None  # training mean of the dense features (explanations), cached

    def __post_init__(self) -> None:
        if self.dense_centre is None:
            mean = self.meta.get("dense_mean") or [0.0] * self.wd.size
            self.dense_centre = np.asarray(mean, dtype=np.float32)

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    def decision(self, text: str) -> float:
        return self._decision(self.featuriser.features(text))

    def _decision(self, f: Features) -> float:
        z = self.bias + float(np.dot(self.w[f.idx], f.val))
        if f.dense.size:
            z += float(np.dot(self.wd, f.dense))
        return z

    def _calibrate(self, z: float) -> float:
        x = self.platt_a * z + self.platt_b
        if x >= 0:
            return 1.0 / (1.0 + math.exp(-x))
        e = math.exp(x)
        return e / (1.0 + e)

    def predict_proba(self, text: str) -> float:
        """Calibrated probability that ``text`` is fraud (see the artefact metadata for the data it was fit on)."""
        return self._calibrate(self.decision(text))

    def signal_weight(self, p: float) -> float:
        """Piecewise-linear map of the probability to signal points (0 below the first knot)."""
        knots = self.weight_knots
        if not knots or p <= knots[0][0]:
            return 0.0
        for (p0, w0), (p1, w1) in zip(knots, knots[1:]):
            if p <= p1:
                return w0 + (w1 - w0) * (p - p0) / max(p1 - p0, 1e-9)
        return float(knots[-1][1])

    def explain(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        """Top-``k`` features that pushed the score towards fraud, as (readable feature, contribution to the
        logit). Repeated n-grams are summed. Dense URL features appear as ``url:<name>``, measured against their
        training mean (so only unusual values show up)."""
        return self._explain(self.featuriser.features(text, with_names=True), k)

    def _explain(self, f: Features, k: int, wf: np.ndarray | None = None) -> list[tuple[str, float]]:
        """``wf``: ``self.w[f.idx]`` when the caller already gathered it (scoring did)."""
        names = f.names
        # (feature, contribution) in first-seen order; a feature is a readable name or, until it is shown, the
        # position of its only occurrence (names cost more than the arithmetic, and at most k are shown)
        contrib: list[tuple[int | str, float]] = []
        if f.idx.size:
            assert names is not None
            # Strongest occurrences first (argpartition: linear time); a repeated n-gram adds up by name.
            neg = -((self.w[f.idx] if wf is None else wf) * f.val)
            m = min(neg.size, 4 * k + 4)  # candidates: enough for k names after merging overlapping n-grams
            # (ndarray methods: the np.* wrappers cost more than the work on these short arrays; same algorithms)
            cand = neg.argpartition(m - 1)[:m] if neg.size > m else np.arange(neg.size)
            sub = neg[cand]
            order = cand[sub.argsort()]
            vs = neg[order].tolist()
            n_pos = bisect_left(vs, 0.0)  # ascending -contribution: the positive contributions come first
            if n_pos:
                order = order[:n_pos]
                contrib = _merge_by_name(names, order.tolist(), vs, f.idx[order].tolist())
        if f.dense.size:
            delta = f.dense - self.dense_centre
            for names2, v, d in zip(_DENSE_NAMES, (self.wd * delta).tolist(), delta.tolist()):
                if v > 0:  # (only positive contributions are ever shown)
                    contrib.append((names2[0] if d > 0 else names2[1], v))
        top = sorted([fv for fv in contrib if fv[1] > 0], key=_second, reverse=True)  # stable
        # Drop char n-grams contained in a stronger, already chosen n-gram of the same field: more readable.
        chosen: list[tuple[str, float]] = []
        parts: list[tuple[str, str]] = []
        name = names.name if names is not None else None  # type: ignore[union-attr]
        for feature, v in top:
            n = feature if feature.__class__ is str else name(feature)  # type: ignore[misc]
            field_, _, body = n.partition(":")
            for cf, cb in parts:
                if cf == field_ and body in cb:
                    break
            else:
                chosen.append((n, round(v, 4)))
                if len(chosen) >= k:
                    break
                parts.append((field_, body))
        return chosen

    @classmethod
    def from_arrays(cls, name: str, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> "LinearTextModel":
        feat = make_featuriser(meta["features"])
        w = np.asarray(arrays["w"], dtype=np.float32)
        if w.shape != (feat.dim,):
            raise ValueError(f"{name}: weight vector has shape {w.shape}, expected ({feat.dim},)")
        wd = np.asarray(arrays.get("wd", np.zeros(feat.n_dense)), dtype=np.float32)
        if wd.shape != (feat.n_dense,):
            raise ValueError(f"{name}: dense weights have shape {wd.shape}, expected ({feat.n_dense},)")
        cal = meta["calibration"]
        knots = [(float(p), float(wt)) for p, wt in meta["signal"]["weight_knots"]]
        caps = {str(k): float(v) for k, v in (meta["signal"].get("caps") or {}).items()}
        raised = {str(k): (float(v[0]), float(v[1]))
                  for k, v in (meta["signal"].get("caps_when_confident") or {}).items()}
        return cls(name, feat, w, wd, float(meta["bias"]), float(cal["a"]), float(cal["b"]), knots, meta, caps,
                   raised)

    def cap_for(self, context: str, p: float) -> float | None:
        """The cap on this model's points in ``context`` at probability ``p`` (None: no cap for it)."""
        cap = self.caps.get(context)
        raised = self.caps_when_confident.get(context)
        if cap is not None and raised is not None and p >= raised[0]:
            cap = max(cap, raised[1])
        return cap


# --------------------------------------------------------------------------------------------------------------
# artefact loading (lazy singletons)
# --------------------------------------------------------------------------------------------------------------

MODELS_PACKAGE = "scamshield.engine.models"
_lock = threading.Lock()
_cache: dict[str, LinearTextModel | None] = {}


def load_model(name: str) -> LinearTextModel | None:
    """Load ``models/<name>.npz`` + ``<name>.json`` (None if either is absent)."""
    try:
        root = resources.files(MODELS_PACKAGE)
        npz, js = root.joinpath(f"{name}.npz"), root.joinpath(f"{name}.json")
        if not (npz.is_file() and js.is_file()):
            return None
        meta = json.loads(js.read_text(encoding="utf-8"))
        with npz.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    return LinearTextModel.from_arrays(name, arrays, meta)


def _get(name: str) -> LinearTextModel | None:
    if name in _cache:
        return _cache[name]
    with _lock:
        if name not in _cache:
            _cache[name] = load_model(name)
        return _cache[name]


def reset_cache() -> None:
    """Forget loaded models (after ``scamshield train`` rewrote the artefacts, or in tests)."""
    with _lock:
        _cache.clear()


@contextmanager
def overridden(name: str, model: LinearTextModel | None) -> Iterator[None]:
    """Use ``model`` (or no model: None) as the shipped ``name`` model inside the block: evaluation scripts run the
    full analysers with a model retrained on one half of the data. Not for request paths (not thread-scoped)."""
    with _lock:
        had, old = name in _cache, _cache.get(name)
        _cache[name] = model
    try:
        yield
    finally:
        with _lock:
            if had:
                _cache[name] = old
            else:
                _cache.pop(name, None)


def sms_model() -> LinearTextModel | None:
    return _get("sms")


def url_model() -> LinearTextModel | None:
    return _get("url")


def transcript_model() -> LinearTextModel | None:
    return _get("transcript")


# --------------------------------------------------------------------------------------------------------------
# signals
# --------------------------------------------------------------------------------------------------------------

_SIGNAL_SPEC = {
    "sms": ("ml_sms", "GENERIC_SCAM", "Learned SMS model: wording resembles known scam/spam messages"),
    "url": ("ml_url", "PHISHING_LINK", "Learned URL model: the address resembles known phishing URLs"),
    "transcript": ("ml_transcript", "GENERIC_SCAM", "Learned call model: the conversation resembles scam calls"),
}


_CAP_MESSAGES = {
    "bare_host": "a bare host name without a path: the model may add points but not flag it alone",
    "shared_host": "a shared host (shortener, free hosting, user content, dynamic DNS) already scored by a rule: "
                   "the host says little about this page, so the model adds at most a few points (a little more "
                   "when it is very confident)",
    "static_asset": "a static asset (script, style sheet, image, font or media file), not a page that asks for "
                    "anything: the model may add a few points but not flag it alone",
    "shortened_link": "a link shortener's code: the address says nothing about the page it leads to, so the model "
                      "adds at most a few points however confident it is",
    "about_site_page": "a review, traffic or lookup page about another site, whose address is the page's subject: "
                       "the model may add points but not flag it alone",
}

# Path endings of static assets (checked on the path without query or fragment, case-insensitive). A phishing page
# is a page; the model's confident scores on CDN scripts, style sheets and images are artefacts of its training
# data (the ISCX benign list holds few of them), so on these the ``static_asset`` cap applies.
STATIC_ASSET_EXTENSIONS = frozenset((
    "js", "mjs", "css", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp",
    "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "ogg", "wav",
))


def is_static_asset_path(path: str) -> bool:
    """True when ``path`` (``split_url(...).path``: no leading slash, may carry ``?query``/``#fragment``) names a
    static asset file: its last segment, before any query or fragment, ends in one of
    :data:`STATIC_ASSET_EXTENSIONS`. An empty name (``/.js``) or an extension only in the query
    (``login.php?img=logo.png``) does not count."""
    end = len(path)
    for ch in "?#":
        i = path.find(ch)
        if 0 <= i < end:
            end = i
    last = path[:end].rsplit("/", 1)[-1]
    stem, dot, ext = last.rpartition(".")
    return bool(dot and stem) and ext.lower() in STATIC_ASSET_EXTENSIONS


def model_signal(model: LinearTextModel | None, kind: str, text: str, k: int = 5,
                 contexts: Sequence[str] = ()) -> Signal | None:
    """The model's verdict as a signal, or None when there is no artefact or the weight would be 0.

    ``contexts``: names of caps from the artefact (``signal.caps``) that apply to this input; the weight is the
    smallest of the knot weight and those caps (the evidence says which cap applied). The explanation (top
    features) is computed only when a signal is returned."""
    if model is None or not text:
        return None
    return _model_signal(model, kind, model.featuriser.features(text, with_names=True), k, contexts)


def _model_signal(model: LinearTextModel, kind: str, f: Features, k: int, contexts: Sequence[str]) -> Signal | None:
    """:func:`model_signal` of already computed features (with names: they are lazy, built only to explain)."""
    wf = model.w[f.idx]  # gathered once: the score and the explanation both use it
    z = model.bias + float(np.dot(wf, f.val))  # the same arithmetic as LinearTextModel._decision
    if f.dense.size:
        z += float(np.dot(model.wd, f.dense))
    p = model._calibrate(z)
    weight = raw = model.signal_weight(p)
    if weight <= 0:
        return None
    applied = None
    for c in contexts:
        cap = model.cap_for(c, p)
        if cap is not None and cap < weight:
            weight, applied = cap, c
    code, fraud_type, message = _SIGNAL_SPEC[kind]
    top = model._explain(f, k, wf)  # only when the signal fires
    evidence: dict[str, Any] = {
        "probability": round(p, 4),
        "model_version": model.version,
        "top_features": [{"feature": n, "contribution": c} for n, c in top],
    }
    if applied is not None:
        evidence["capped_from"] = round(raw, 1)
        evidence["cap"] = applied
        evidence["cap_reason"] = _CAP_MESSAGES.get(applied, applied)
    return Signal(code, round(weight, 1), f"{message} (p={p:.2f})", evidence, fraud_type)


def sms_model_signal(text: str) -> Signal | None:
    return model_signal(sms_model(), "sms", text)


def url_model_signal(url: str, *, shared_host: bool = False, contexts: Sequence[str] = ()) -> Signal | None:
    """``ml_url`` for one URL. Caps (from the artefact): a bare host (no path/query) never reaches the flag
    threshold on the model alone, nor does a static asset (``.js``, ``.css``, images, fonts: see
    :func:`is_static_asset_path`); ``shared_host`` (the rule layer found a shortener, free-hosting, user-content
    or dynamic-DNS host) limits the model to a few points, since it learned those hosts' names, not the page
    (raised a little when the model is very confident: ``signal.caps_when_confident`` in the artefact).
    ``contexts``: further cap names the rule layer found (``shortened_link``: the path is a shortener's opaque code,
    so the model's confidence there is never raised; ``about_site_page``: a review / traffic / whois page about
    another site, whose address in the path is the page's subject, not a disguise)."""
    model = url_model()
    if model is None or not url:
        return None
    feat = model.featuriser
    parts = None
    if isinstance(feat, UrlFeaturiser):
        parts = split_url(url, feat.max_chars)
    # The cap test splits with split_url's default max_chars (400); when the URL is shorter than both truncation
    # points the two splits see the same string, so the featuriser's split answers "is there a path?" too.
    if parts is not None and len(url) <= min(2 * feat.max_chars, 800):
        path = parts.path
    else:
        path = split_url(url).path
    caps = ["bare_host"] if not path else []
    if path and is_static_asset_path(path):
        caps.append("static_asset")
    if shared_host:
        caps.append("shared_host")
    caps.extend(contexts)
    f = feat.features_of_parts(parts, with_names=True) if parts is not None else feat.features(url, with_names=True)
    return _model_signal(model, "url", f, 5, caps)


def transcript_model_signal(text: str) -> Signal | None:
    return model_signal(transcript_model(), "transcript", text)


def transcript_model_probability(text: str) -> float | None:
    """Calibrated scam probability of a (partial) call transcript; a ready ``model_scorer`` for the conversation
    detector. None when the artefact is absent."""
    m = transcript_model()
    return None if m is None else m.predict_proba(text)

"""Brand registry: "which brand is this host (or UPI id) imitating, and how?"

The registry ships as data (``data/brands.json``): brands with their official registrable domains, UPI handles,
identifying tokens and lure words. It is loaded once (:func:`default_registry`) into indexes so that a lookup
costs a handful of dictionary probes:

- official domains (every subdomain of an official domain is official, never flagged);
- brand tokens (``paytm``, ``onlinesbi``...) and their UTS #39 match keys (homographs, ``amaz0n``, ``rnicrosoft``);
- a deletion index (SymSpell style) over tokens of 5+ characters, so edit-distance candidates are found by
  lookup and only those few are verified with :mod:`rapidfuzz` (OSA distance, i.e. with transpositions).

Decisions are made on the registrable domain from the public-suffix list (tldextract, bundled snapshot, no
network) and on whole tokens of labels, never on substrings: ``microsoft.com`` does not contain ``t.co``,
``paytmbank.com`` is official Paytm, ``sbicard.com`` is official SBI Card.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import numpy as np
import phonenumbers
from rapidfuzz.distance import OSA, Levenshtein

from scamshield.engine.confusables import is_mixed_script, match_key
from scamshield.engine.urlparse import parse_ipv4, registrable, to_ascii_host

MIN_TOKEN = 3  # shorter brand tokens are ignored for matching
MIN_FUZZY = 5  # tokens shorter than this are never fuzzily matched
MAX_LABEL_FOR_SEGMENTATION = 48
MAX_VPA = 256
_MISS = object()


@dataclass(frozen=True, slots=True)
class Brand:
    id: str
    name: str
    category: str
    domains: tuple[str, ...]
    keywords: tuple[str, ...]
    weak_keywords: tuple[str, ...] = ()
    upi_handles: tuple[str, ...] = ()
    lures: tuple[str, ...] = ()
    cctld: bool = False

    @property
    def primary_domain(self) -> str | None:
        return self.domains[0] if self.domains else None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "category": self.category, "official_domains": list(self.domains)}


@dataclass(frozen=True, slots=True)
class BrandMatch:
    """A host or VPA that imitates ``brand``. ``technique`` is a stable code (see ``TECHNIQUES``);
    ``strength`` 0..1 says how sure the match is; ``where`` is ``domain``, ``subdomain``, ``vpa`` or ``handle``."""

    brand: Brand
    technique: str
    strength: float
    matched: str
    target: str
    where: str = "domain"
    distance: int | None = None
    lure_words: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def evidence(self) -> dict[str, Any]:
        ev: dict[str, Any] = {
            "brand": self.brand.name,
            "brand_id": self.brand.id,
            "technique": self.technique,
            "matched": self.matched,
            "imitates": self.target,
            "where": self.where,
        }
        if self.brand.primary_domain:
            ev["official_domain"] = self.brand.primary_domain
        if self.distance is not None:
            ev["edit_distance"] = self.distance
        if self.lure_words:
            ev["lure_words"] = list(self.lure_words)
        ev.update(self.extra)
        return ev


TECHNIQUES = (
    "homograph", "homoglyph", "digit_swap", "transposition", "omission", "insertion", "substitution",
    "edit_distance", "hyphenation", "tld_swap", "brand_name", "brand_with_lure", "brand_compound", "brand_domain_in_label",
    "brand_domain_in_subdomain", "brand_in_subdomain", "vpa_brand_lure", "vpa_brand_name", "vpa_lookalike",
    "handle_lookalike",
)

# strength per technique (the URL analyser turns strength into points)
_STRENGTH = {
    "homograph": 0.95, "homoglyph": 0.9, "digit_swap": 0.9, "brand_domain_in_subdomain": 0.85,
    "brand_domain_in_label": 0.85, "brand_with_lure": 0.8, "hyphenation": 0.75, "transposition": 0.72,
    "omission": 0.7, "insertion": 0.7, "substitution": 0.7, "edit_distance": 0.55, "tld_swap": 0.6, "brand_name": 0.6,
    "brand_in_subdomain": 0.5, "brand_compound": 0.45,
    "vpa_brand_lure": 0.85, "vpa_lookalike": 0.75, "handle_lookalike": 0.8, "vpa_brand_name": 0.5,
}

_CONTACT_LURES = ("care", "support", "help", "helpdesk", "customercare", "service", "refund", "kyc", "reward", "cashback")


_country_codes: frozenset[str] | None = None
# country codes that are also everyday words or tech / TLD words in names ('amazon-go', 'tata-ai', 'zomato-io',
# 'jio-me', 'myntra-tv', 'hdfc-it'): next to a brand they read as a product or word, not as a region lure
_CC_WORDS = frozenset({"ai", "io", "tv", "me", "co", "go", "ok", "hi", "so", "am", "is", "it", "to", "my", "no", "do",
                       "be", "as", "at", "by", "an", "ad", "pe", "pr", "re", "st", "tc", "sc", "vc", "ax", "cc"})


# ordinary service labels of a subdomain (mail, CDN and tracking hosts): not read as look-alikes ('email' is one
# letter from 'gmail', 'static' one from 'bstatic')
_SERVICE_LABELS = frozenset({"www", "m", "mail", "email", "e-mail", "webmail", "mobile", "secure", "login", "static",
                             "assets", "cdn", "img", "images", "image", "media", "files", "file", "click", "clicks",
                             "links", "link", "track", "tracking", "news", "newsletter", "info", "api", "blog",
                             "status", "docs", "help", "support", "mailer", "em", "t", "url"})


def _is_country_code(token: str, *, words_too: bool = False) -> bool:
    """A two-letter country / territory code (the ISO 3166 regions of the bundled phonenumbers metadata; not 'eu'):
    a hyphenated region suffix ('paytm-de', 'paypal-fr', 'amazon-uk') that kits add to a brand name to look like a
    local site. ``words_too``: also the codes that are everyday or tech words ('it', 'ai', 'me')."""
    global _country_codes
    if len(token) != 2 or (token in _CC_WORDS and not words_too):
        return False
    if _country_codes is None:
        _country_codes = frozenset(r.lower() for r in phonenumbers.SUPPORTED_REGIONS if len(r) == 2 and r.isalpha())
    return token in _country_codes


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1:])
        out |= nxt
        frontier = nxt
    return out


_DIGIT_LETTERS = {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t"}
_INNER_DIGIT_RE = re.compile(r"(?<=[a-z])[013457](?=[a-z])")


def _undigit(s: str) -> str:
    """Digits standing for letters between two letters read as those letters ('micr0soft' -> 'microsoft'); digits
    next to digits ('office365') stay."""
    if s.isalpha():  # (no letter is a digit: the common case, without a scan in Python)
        return s
    return _INNER_DIGIT_RE.sub(lambda m: _DIGIT_LETTERS[m.group(0)], s) if any(c.isdigit() for c in s) else s


def ascii_lookalike_key(s: str) -> str:
    """Fold the ASCII look-alikes UTS #39 leaves apart in lower case: rn/m, vv/w, l/i/1, 0/o."""
    return s.replace("rn", "m").replace("vv", "w").replace("1", "l").replace("l", "i").replace("0", "o")


_HAS_BITWISE_COUNT = hasattr(np, "bitwise_count")  # numpy >= 2.0


def _char_mask(s: str) -> int:
    """64-bit set of the characters of ``s`` (code point mod 64). Characters only one of two strings has show as
    differing bits, and one edit adds or removes at most one character of each string's set, so strings within
    OSA distance 2 differ in at most 4 bits (a bound, never a miss: folded characters can only hide differences)."""
    m = 0
    bits = _CHAR_BITS
    for c in set(s):
        b = bits.get(c)
        m |= b if b is not None else 1 << (ord(c) & 63)
    return m


_CHAR_BITS = {chr(i): 1 << (i & 63) for i in range(128)}


def _max_distance(n: int) -> int:
    return 0 if n < MIN_FUZZY else (1 if n < 9 else 2)


def _edit_kind(a: str, b: str) -> str:
    """Name the single edit turning brand token ``b`` into ``a`` (for distance-1 matches)."""
    if len(a) == len(b):
        if Levenshtein.distance(a, b) == 2:
            return "transposition"
        return "substitution"
    return "insertion" if len(a) > len(b) else "omission"


class BrandRegistry:
    """Indexes over the brand data. Build once; all lookups are read-only and thread-safe."""

    def __init__(self, data: dict[str, Any], lists: dict[str, Any]):
        self.brands: list[Brand] = []
        self._official: dict[str, Brand] = {}
        self._tokens: dict[str, Brand] = {}  # strong tokens
        self._weak: dict[str, Brand] = {}
        self._keys: dict[str, tuple[str, Brand]] = {}  # match_key(token) -> (token, brand)
        self._deletes: dict[str, set[str]] = {}
        self._long_buckets: dict[int, list[str]] = {}
        self._domain_labels: dict[str, list[tuple[str, Brand]]] = {}
        self.generic = frozenset(lists.get("generic_labels", ()))
        self.strong_lures = frozenset(lists.get("strong_lure_words", ()))
        # TLDs the lists score as heavily abused: there a brand's name with '-it' / '-me' is no product name
        self.abused_tlds = frozenset(lists.get("risky_tlds", {}))
        self.lures = frozenset(lists.get("host_lure_words", ())) | self.strong_lures
        self._brand_lures: frozenset[str] = frozenset()  # every brand's own lure words (filled below)
        self.restricted = frozenset(lists.get("restricted_suffixes", ()))
        self.upi_handle_names: dict[str, str] = dict(data.get("upi_handles", {}))
        handles: dict[str, Brand] = {}
        # words that lure for every brand of a kind ('colis' / 'paczka' for a courier, 'rebate' for a tax office)
        category_lures = {k: tuple(w.lower() for w in v) for k, v in lists.get("category_lures", {}).items()}

        for raw in data["brands"]:
            b = Brand(
                id=raw["id"], name=raw["name"], category=raw.get("category", "other"),
                domains=tuple(d.lower() for d in raw.get("domains", ())),
                keywords=tuple(k.lower() for k in raw.get("keywords", ())),
                weak_keywords=tuple(k.lower() for k in raw.get("weak_keywords", ())),
                upi_handles=tuple(h.lower() for h in raw.get("upi_handles", ())),
                lures=tuple(dict.fromkeys([*(w.lower() for w in raw.get("lures", ())),
                                           *category_lures.get(raw.get("category", "other"), ())])),
                cctld=bool(raw.get("cctld", False)),
            )
            self.brands.append(b)
            for d in b.domains:
                self._official.setdefault(d, b)
            tokens = dict.fromkeys(b.keywords)  # ordered: index order must not depend on string hashing
            for d in b.domains:
                if "." in d:
                    label = registrable(d)[1]
                    if label and len(label) >= MIN_TOKEN and label not in self.generic and label not in b.weak_keywords:
                        tokens[label] = None
                    if label:
                        self._domain_labels.setdefault(label, []).append((d, b))
            for t in tokens:
                t = t.replace("-", "")
                if len(t) >= MIN_TOKEN and t not in self.generic:
                    self._tokens.setdefault(t, b)
            for t in b.weak_keywords:
                self._weak.setdefault(t, b)
            for h in b.upi_handles:
                handles.setdefault(h, b)

        # the first label of every official domain ('dhl' of 'dhl.com'): a dotless name that is none of these is
        # official in 'name.<suffix>' only through the suffix (url._dashed_domain skips the look-up on that)
        self.official_first_labels: frozenset[str] = frozenset(d.split(".", 1)[0] for d in self._official)
        self._ascii_keys: dict[str, tuple[str, Brand]] = {}
        for tok, b in self._tokens.items():
            if len(tok) >= 4:
                self._keys.setdefault(match_key(tok), (tok, b))
            if len(tok) >= 5:
                self._ascii_keys.setdefault(ascii_lookalike_key(tok), (tok, b))
            if _max_distance(len(tok)):
                for v in _deletes(tok, 1):
                    self._deletes.setdefault(v, set()).add(tok)
            if _max_distance(len(tok)) == 2:
                self._long_buckets.setdefault(len(tok), []).append(tok)
        # the distance-2 buckets in one array ordered by length (bucket order kept), with their character sets:
        # _fuzzy checks a range of lengths with a few array operations instead of one scan per bucket
        self._long_tokens: list[str] = [t for m in sorted(self._long_buckets) for t in self._long_buckets[m]]
        self._long_masks = np.array([_char_mask(t) for t in self._long_tokens], dtype=np.uint64)
        self._long_spans: dict[int, tuple[int, int]] = {}  # token length -> (start, end) in _long_tokens
        for i, t in enumerate(self._long_tokens):
            start = self._long_spans.get(len(t), (i, i))[0]
            self._long_spans[len(t)] = (start, i + 1)
        # per string length n: the (start, end) in _long_tokens of the tokens of lengths max(9, n-2)..n+2, or None
        self._long_window: dict[int, tuple[int, int] | None] = {}
        for n in range(0, max(self._long_spans, default=0) + 3):
            spans = [self._long_spans[m] for m in range(max(9, n - 2), n + 3) if m in self._long_spans]
            self._long_window[n] = (spans[0][0], spans[-1][1]) if spans else None
        self._brand_lures = frozenset(w for b in self.brands for w in b.lures) - self.lures
        self._memo: dict[str, BrandMatch | None] = {}
        self._official_memo: dict[str, Brand | None] = {}  # is_official() by host as given (bounded)
        self._seg_memo: dict[str, list[str] | None] = {}  # segment() by string (bounded): a host's tokens are
        # segmented by the brand match and again by the URL analyser's lure-word count
        self._hosting: dict[str, Brand] = {}
        for raw, b in zip(data["brands"], self.brands):
            for d in raw.get("user_content_domains", ()):
                self._hosting.setdefault(d.lower(), b)
        # free hosting / site builders (url_lists.json): the parent's name is the service's, never an imitation
        self._shared_parents = frozenset(d.lower() for d in lists.get("free_hosting", ()))
        self._handle_brand = handles
        self._max_token_len = max((len(t) for t in self._tokens), default=0)
        self.official_upi_handles: frozenset[str] = frozenset(self.upi_handle_names) | frozenset(handles)
        self._vocab = frozenset(self._tokens) | frozenset(self._weak) | self.lures
        self._vocab_lengths = sorted({len(w) for w in self._vocab if len(w) >= 2}, reverse=True)
        # per two-letter start, the lengths (longest first, as _vocab_lengths) of the words beginning with it:
        # _segment tries only the lengths a word can have at a position, in the same order
        prefix_lengths: dict[str, set[int]] = {}
        for w in self._vocab:
            if len(w) >= 2:
                prefix_lengths.setdefault(w[:2], set()).add(len(w))
        self._prefix_lengths: dict[str, tuple[int, ...]] = {
            k: tuple(sorted(v, reverse=True)) for k, v in prefix_lengths.items()}
        # lure words only (every list's and every brand's own, no brand names): a word run together from lure words
        # beside a brand's name ('hdfc-limitupgrade', 'sbi-kycupdate') is split with these (lure_run)
        self._lure_vocab = self.lures | self._brand_lures
        lure_prefix: dict[str, set[int]] = {}
        for w in self._lure_vocab:
            if len(w) >= 2:
                lure_prefix.setdefault(w[:2], set()).add(len(w))
        self._lure_prefix_lengths: dict[str, tuple[int, ...]] = {
            k: tuple(sorted(v, reverse=True)) for k, v in lure_prefix.items()}
        self._lure_seg_memo: dict[str, list[str] | None] = {}
        self._handle_deletes: dict[str, set[str]] = {}
        for h in self.official_upi_handles:
            if len(h) >= 4:
                for v in _deletes(h, 1):
                    self._handle_deletes.setdefault(v, set()).add(h)

    # ------------------------------------------------------------------ official
    def is_official(self, host: str) -> Brand | None:
        """The brand owning ``host`` (an official domain or any subdomain of one), else None. Memoised by the host
        as given (bounded; hosts of up to 253 characters)."""
        memo = self._official_memo
        b = memo.get(host, _MISS)
        if b is not _MISS:
            return b  # type: ignore[return-value]
        b = self._is_official(host)
        if len(host) <= 253:
            if len(memo) >= 8192:
                memo.clear()
            memo[host] = b
        return b

    def _is_official(self, host: str) -> Brand | None:
        host = host.strip().lower().rstrip(".")
        if not host or len(host) > 253:
            return None
        if not host.isascii():
            host = to_ascii_host(host)[0]
        labels = host.split(".")
        for i in range(len(labels)):
            b = self._official.get(".".join(labels[i:]))
            if b is not None:
                return b
        return None

    def official_ascii(self, host: str) -> Brand | None:
        """:meth:`is_official` for a host already in lower-case ASCII, without surrounding spaces or a trailing dot,
        of at most 253 characters (the same answer, without normalising it again or memoising it)."""
        off = self._official
        labels = host.split(".")
        for i in range(len(labels)):
            b = off.get(".".join(labels[i:]))
            if b is not None:
                return b
        return None

    def owner(self, host: str) -> Brand | None:
        """The brand that runs ``host``: its official domain, or a publishing service of its own
        (``user_content_domains``: 'tenant.sharepoint.com' is Microsoft's service, whoever's page it is)."""
        b = self.is_official(host)
        if b is not None:
            return b
        labels = host.lower().rstrip(".").split(".")
        for i in range(len(labels) - 1):
            b = self._hosting.get(".".join(labels[i:]))
            if b is not None:
                return b
        return None

    def token_brand(self, token: str) -> Brand | None:
        """The brand whose name or keyword ``token`` is (a whole token, lower case), else None."""
        return self._tokens.get(token)

    def brand(self, brand_id: str) -> Brand | None:
        for b in self.brands:
            if b.id == brand_id:
                return b
        return None

    def is_restricted_suffix(self, suffix: str) -> bool:
        if suffix in self.restricted:
            return True
        last = suffix.rsplit(".", 1)[-1]
        return last in self.restricted and "." not in last and last in ("gov", "mil", "edu", "int")

    # ------------------------------------------------------------------ host matching
    def match_host(self, host: str) -> BrandMatch | None:
        """Which brand is ``host`` imitating, and how? None for official hosts, IPs and unrelated hosts.
        Results are memoised per host (bounded), since the same hosts recur in real traffic."""
        key = host if isinstance(host, str) and len(host) <= 253 else None
        if key is not None:
            hit = self._memo.get(key, _MISS)
            if hit is not _MISS:
                return hit
        result = self._match_host(host)
        if key is not None:
            if len(self._memo) >= 8192:
                self._memo.clear()
            self._memo[key] = result
        return result

    def _match_host(self, host: str) -> BrandMatch | None:
        host = (host or "").strip().lower().rstrip(".")
        if len(host) > 253:
            host = host[-253:].lstrip(".-")
        if not host or parse_ipv4(host) is not None or ":" in host:
            return None
        ascii_host, uni_host, _ = to_ascii_host(host)
        if self.is_official(ascii_host):
            return None
        sub, dom, suffix = registrable(ascii_host)
        if not dom:
            return None
        if f"{dom}.{suffix}" in self._hosting or f"{dom}.{suffix}" in self._shared_parents:
            # a brand's own user-content service (github.io, appspot.com): the name is genuine, the content is not
            # the brand's; only the subdomain can imitate someone
            if not sub:
                return None
            return self._match_subdomain(sub, uni_host.split(".")[: len(sub.split("."))], dom, suffix)
        if suffix and self.is_restricted_suffix(suffix):
            return None
        uni_labels = uni_host.split(".")
        n_sub = len(sub.split(".")) if sub else 0
        dom_uni = uni_labels[n_sub] if len(uni_labels) > n_sub else dom
        best = self._match_label(dom, dom_uni, suffix, where="domain")
        if sub and (best is None or best.strength < 0.85):
            s = self._match_subdomain(sub, uni_labels[:n_sub], dom, suffix)
            if s is not None and (best is None or s.strength > best.strength):
                best = s
        return best

    def _is_cc_like(self, suffix: str) -> bool:
        last = suffix.rsplit(".", 1)[-1]
        return len(last) == 2

    def _exact(self, token: str) -> tuple[str, Brand, bool] | None:
        b = self._tokens.get(token)
        if b is not None:
            return token, b, True
        b = self._weak.get(token)
        if b is not None:
            return token, b, False
        return None

    def _fuzzy(self, s: str) -> tuple[str, Brand, int] | None:
        n = len(s)
        if n < MIN_FUZZY - 1 or n > self._max_token_len + 2:
            return None
        cands: set[str] = set()
        deletes = self._deletes
        hit = deletes.get(s)  # (the variants of _deletes(s, 1): s itself and s less one character)
        if hit:
            cands |= hit
        for i in range(n):
            if i and s[i] == s[i - 1]:
                continue  # (deleting either of two equal neighbours gives the same string)
            hit = deletes.get(s[:i] + s[i + 1:])
            if hit:
                cands |= hit
        if n >= 7:
            cands.update(self._nearest_long_tokens(s))
        best: tuple[str, Brand, int] | None = None
        for tok in cands:
            k = _max_distance(len(tok))
            if not k or tok == s:
                continue
            d = OSA.distance(s, tok, score_cutoff=k)
            # nearest, then longest, then alphabetical: never the set's (hash-seeded) iteration order
            if d <= k and (best is None or (d, -len(tok), tok) < (best[2], -len(best[0]), best[0])):
                best = (tok, self._tokens[tok], d)
        return best

    def _nearest_long_tokens(self, s: str) -> list[str]:
        """Distance-2 candidates among the tokens of 9+ characters: for each token length within 2 of ``len(s)``,
        the first token of that length (bucket order) at the smallest OSA distance, if that distance is <= 2.
        Only tokens whose character set is close enough (:func:`_char_mask`) are measured."""
        window = self._long_window.get(len(s))
        if window is None:
            return []
        lo, hi = window
        diff = self._long_masks[lo:hi] ^ np.uint64(_char_mask(s))
        # (numpy < 2.0 has no bitwise_count: every token of the lengths is then measured, the same candidates)
        near = np.bitwise_count(diff) <= 4 if _HAS_BITWISE_COUNT else np.ones(diff.shape, dtype=bool)
        best: dict[int, tuple[int, str]] = {}  # token length -> (distance, first token at that distance)
        for i in near.nonzero()[0].tolist():  # (== np.flatnonzero on this 1-d array)
            tok = self._long_tokens[lo + i]
            d = OSA.distance(s, tok, score_cutoff=2)
            if d <= 2:
                m = len(tok)
                if m not in best or d < best[m][0]:
                    best[m] = (d, tok)
        return [tok for _, tok in best.values()]

    def segment(self, s: str) -> list[str] | None:
        """Split ``s`` into known words (brand tokens, lure words) and digit runs; None when impossible.
        Breadth-first over reachable positions, longest words first: linear in len(s) x distinct word lengths.
        Memoised (bounded); the caller gets its own list."""
        n = len(s)
        if n > MAX_LABEL_FOR_SEGMENTATION or n < 4:
            return None
        memo = self._seg_memo
        hit = memo.get(s, _MISS)
        if hit is _MISS:
            hit = self._segment(s)
            if len(memo) >= 8192:
                memo.clear()
            memo[s] = hit
        return None if hit is None else list(hit)  # type: ignore[arg-type]

    def lure_run(self, s: str) -> list[str] | None:
        """Split ``s`` into lure words only (no brand names, no digit runs), two or more of them; None otherwise.
        Asked only of a word left unread in a label that already names a brand. Memoised (bounded)."""
        n = len(s)
        if n > MAX_LABEL_FOR_SEGMENTATION or n < 6 or not s.isalpha():
            return None
        memo = self._lure_seg_memo
        hit = memo.get(s, _MISS)
        if hit is _MISS:
            hit = self._segment(s, self._lure_vocab, self._lure_prefix_lengths)
            if hit is not None and len(hit) < 2:
                hit = None
            if len(memo) >= 8192:
                memo.clear()
            memo[s] = hit
        return None if hit is None else list(hit)  # type: ignore[arg-type]

    def _segment(self, s: str, vocab: frozenset[str] | None = None,
                 prefix_lengths: dict[str, tuple[int, ...]] | None = None) -> list[str] | None:
        n = len(s)
        if vocab is None or prefix_lengths is None:
            vocab, prefix_lengths = self._vocab, self._prefix_lengths
        prev: dict[int, tuple[int, str]] = {0: (-1, "")}
        frontier = [0]
        while frontier:
            nxt = []
            for i in frontier:
                if s[i].isdigit():
                    j = i
                    while j < n and s[j].isdigit():
                        j += 1
                    if j not in prev:
                        prev[j] = (i, s[i:j])
                        nxt.append(j)
                    continue
                for L in prefix_lengths.get(s[i:i + 2], ()):
                    j = i + L
                    if j > n or j in prev:
                        continue
                    w = s[i:j]
                    if w in vocab:
                        prev[j] = (i, w)
                        nxt.append(j)
            if n in prev:
                break
            frontier = nxt
        if n not in prev:
            return None
        words = []
        j = n
        while j > 0:
            i, w = prev[j]
            words.append(w)
            j = i
        words.reverse()
        return words

    def _match_label(self, label: str, label_uni: str, suffix: str, *, where: str) -> BrandMatch | None:
        mk = _STRENGTH
        is_idn = label != label_uni or label.startswith("xn--")
        if is_idn:
            key = match_key(label_uni)
            hit = self._keys.get(key) or self._keys.get(key.replace("-", ""))
            if hit:
                tok, b = hit
                return BrandMatch(b, "homograph", mk["homograph"], label_uni, tok, where,
                                  extra={"skeleton": key, "mixed_script": is_mixed_script(label_uni)})
            probe = key if key.isascii() else None
        else:
            probe = label
            exact = self._tokens.get(label)
            if exact is not None:
                if exact.cctld and self._is_cc_like(suffix):
                    return None
                own = [d for d, b in self._domain_labels.get(label, ()) if b.id == exact.id]
                tech = "tld_swap" if own else "brand_name"
                return BrandMatch(exact, tech, mk[tech], f"{label}.{suffix}" if suffix else label,
                                  own[0] if own else (exact.primary_domain or label), where)
            key = match_key(label)
            hit = self._keys.get(key)
            if not (hit and hit[0] != label) and len(label) >= 5:
                hit = self._ascii_keys.get(ascii_lookalike_key(label))
                if hit and (hit[0] == label or hit[0] in self._tokens and label in self._tokens):
                    hit = None
            if hit and hit[0] != label:
                if True:
                    tok, b = hit
                    tech = "digit_swap" if any(c.isdigit() for c in label) else "homoglyph"
                    return BrandMatch(b, tech, mk[tech], label, tok, where, extra={"skeleton": key})
        if probe is None:
            return None

        tokens = [t for t in probe.split("-") if t]
        joined = "".join(tokens)
        if len(tokens) > 2:
            tokens = self._merge_split_brand(tokens)
        best: BrandMatch | None = None

        def consider(m: BrandMatch | None) -> None:
            nonlocal best
            if m is not None and (best is None or m.strength > best.strength):
                best = m

        if len(tokens) > 1:
            b = self._tokens.get(joined)
            if b is not None:
                consider(BrandMatch(b, "hyphenation", mk["hyphenation"], probe, joined, where))
            # brand token followed by its own domain labels: rakuten-co-jp, paypal-com
            for i, t in enumerate(tokens):
                ex = self._exact(t)
                if ex is None:
                    continue
                rest = tokens[i + 1:]
                for L in (1, 2):
                    if len(rest) >= L and f"{t}.{'.'.join(rest[:L])}" in self._official:
                        consider(BrandMatch(ex[1], "brand_domain_in_label", mk["brand_domain_in_label"], probe,
                                            f"{t}.{'.'.join(rest[:L])}", where))
        # which words make up the label?
        brand_hits: list[tuple[str, Brand, bool, int]] = []  # token, brand, strong?, distance
        lure_hits: list[str] = []
        others: list[str] = []
        # a registered-domain label made of a whole brand token and a hyphenated country code ('myntra-it',
        # 'paypal-de'): the code is a region lure, as 'in' / 'uk' / 'india' already are
        region_ok = where == "domain" and len(tokens) > 1 and any(self._exact(x) is not None for x in tokens)
        # on a TLD mostly registered for abuse ('.top', '.xyz') a brand's name with '-it' / '-me' is not a product
        # name ('myntra-it.top'); on ordinary TLDs those word-like codes stay words ('hdfc-ai.com')
        abused = region_ok and suffix.rsplit(".", 1)[-1] in self.abused_tlds
        own_lures: list[str] = []  # words that lure only next to the brand they belong to ('sunpass-unpaid')
        for t in tokens:
            ex = self._exact(t)
            if ex is not None:
                brand_hits.append((t, ex[1], ex[2], 0))
                continue
            if len(t) >= 5 and t.endswith("z") and t[:-1] + "s" in self.lures:
                t = t[:-1] + "s"  # kit spelling of a plural: 'rewardz', 'pointz', 'offerz'
            if t in self._brand_lures:
                own_lures.append(t)
            if t in self.lures or t.isdigit() or (region_ok and _is_country_code(t, words_too=abused)):
                if not t.isdigit():
                    lure_hits.append(t)
                continue
            seg = self.segment(t) if len(t) >= 6 else None
            if not seg and len(t) >= 6:
                alt = _undigit(t)  # a digit for a letter inside a word: 'micr0softmail', 'd0cusignlogin'
                seg = self.segment(alt) if alt != t else None
            if seg and len(seg) > 1:
                used = False
                for w in seg:
                    ex = self._exact(w)
                    if ex is not None:
                        brand_hits.append((w, ex[1], ex[2], 0))
                        used = True
                    elif not w.isdigit():
                        lure_hits.append(w)
                if used or lure_hits:
                    continue
            if len(tokens) > 1 and len(t) >= 5:
                # the ASCII look-alikes ('rn' for 'm', 'vv' for 'w', 'l' / '1' for 'i', '0' for 'o') inside one word
                # of a hyphenated name ('arnazon-orders'), as for a whole label: counted one edit away
                ak = self._ascii_keys.get(ascii_lookalike_key(t))
                if ak is not None and ak[0] != t and t not in self._tokens:
                    brand_hits.append((t, ak[1], True, 1))
                    continue
            fz = self._fuzzy(t) if len(tokens) > 1 else None
            if fz is not None:
                brand_hits.append((t, fz[1], True, fz[2]))
                continue
            others.append(t)
        if brand_hits and others:
            # a word run together from lure words beside the brand's name ('hdfc-limitupgrade', 'sbi-kycupdate'):
            # read as those words when every one is a lure of the lists or of a brand named in the label, so
            # 'pointsbet' or 'upgradedliving' stay unknown words
            named_lures = {w for _, b, _, _ in brand_hits for w in b.lures}
            kept = []
            for t in others:
                run = self.lure_run(t)
                if run and all(w in self.lures or w in named_lures for w in run):
                    for w in run:
                        (lure_hits if w in self.lures else own_lures).append(w)
                else:
                    kept.append(t)
            others = kept

        if brand_hits and len(tokens) > 1 and not lure_hits and not others and len(
                {t for t, _, _, _ in brand_hits}) > 1 and len({b.id for _, b, _, _ in brand_hits}) == 1 and all(
                strong and not dist for _, _, strong, dist in brand_hits):
            # a label made only of the names of one brand and its products ('parivahan-echallan', 'sbi-yono'): a
            # compound the brand would own; elsewhere it dresses a page up as the brand's
            b = brand_hits[0][1]
            consider(BrandMatch(b, "brand_compound", mk["brand_compound"], probe, b.primary_domain or brand_hits[0][0],
                                where))
        if brand_hits:
            strong_lures = [w for w in lure_hits if w in self.strong_lures]
            for tok, b, strong, dist in brand_hits:
                # (a plural counts as the brand's lure word: 'orders' next to a shop, 'refunds' next to a bank)
                brand_lures = [w for w in lure_hits + own_lures if w in b.lures or (
                    len(w) >= 5 and w[-1] == "s" and w[:-1] in b.lures)]
                if not (tokens == [tok] or joined == tok):
                    if strong_lures or brand_lures:
                        s = mk["brand_with_lure"] + (0.05 if len(strong_lures) + len(brand_lures) > 1 else 0.0)
                        s -= 0.1 * dist
                        consider(BrandMatch(b, "brand_with_lure", min(s, 0.9), probe, b.primary_domain or tok, where,
                                            distance=dist or None, lure_words=tuple(dict.fromkeys(strong_lures + brand_lures))))
                    elif strong and lure_hits and not others and dist == 0:
                        consider(BrandMatch(b, "brand_compound", mk["brand_compound"], probe, b.primary_domain or tok,
                                            where, lure_words=tuple(lure_hits)))
        if best is not None:
            return best

        # edit distance on the whole label (hyphens removed)
        if joined not in self._tokens:
            fz = self._fuzzy(joined)
            if fz is not None:
                tok, b, d = fz
                tech = _edit_kind(joined, tok) if d == 1 else "edit_distance"
                # an edit at the very end of a brand name mostly makes another real word (kotak->kotaku,
                # canva->canvas, telegram->telegraf): keep it, but as a weak edit_distance match
                if d == 1 and tech != "transposition" and (
                    joined[:-1] == tok[:-1] or joined[:-1] == tok or joined == tok[:-1]
                ):
                    tech = "edit_distance"
                if tech == "substitution" and any(c.isdigit() for c in joined) and not any(c.isdigit() for c in tok):
                    tech = "digit_swap"
                strength = mk[tech]
                if b.cctld is False and d == 1 and len(tok) <= 5:
                    strength -= 0.05
                return BrandMatch(b, tech, strength, probe, tok, where, distance=d)
        return None

    def _merge_split_brand(self, tokens: list[str]) -> list[str]:
        """Two neighbouring hyphen-separated tokens that only together spell a brand token are one word: a brand
        whose own name has a hyphen ('e-zpassny-tolls' -> ezpassny + tolls, 'wells-fargo-alert'), so the rest of
        the label is read as lure words next to it. Tokens that are brand names alone stay apart."""
        out: list[str] = []
        i, n = 0, len(tokens)
        while i < n:
            if i + 1 < n:
                a, b = tokens[i], tokens[i + 1]
                pair = a + b
                if len(pair) >= 5 and pair in self._tokens and a not in self._tokens and b not in self._tokens:
                    out.append(pair)
                    i += 2
                    continue
            out.append(tokens[i])
            i += 1
        return out

    def _match_subdomain(self, sub: str, sub_uni: list[str], dom: str, suffix: str) -> BrandMatch | None:
        labels = sub.split(".")[-24:]
        # an official domain written inside the subdomain: paytm.com.account-verify.info
        for i in range(len(labels)):
            for L in (2, 3):
                if i + L <= len(labels):
                    cand = ".".join(labels[i:i + L])
                    b = self._official.get(cand)
                    if b is not None:
                        return BrandMatch(b, "brand_domain_in_subdomain", _STRENGTH["brand_domain_in_subdomain"],
                                          f"{sub}.{dom}.{suffix}", cand, "subdomain")
        dom_tokens = [t for t in dom.split("-") if t]
        dom_lures = [t for t in dom_tokens if t in self.strong_lures]
        best: BrandMatch | None = None
        for idx, lab in enumerate(labels):
            if lab in _SERVICE_LABELS or lab in self.generic or len(lab) < 3:
                continue  # a host's ordinary service label ('email.', 'static.') is no brand look-alike
            uni = sub_uni[idx] if idx < len(sub_uni) and len(sub_uni) == len(sub.split(".")) else lab
            if uni != lab:
                hit = self._keys.get(match_key(uni))
                if hit:
                    return BrandMatch(hit[1], "homograph", 0.85, uni, hit[0], "subdomain")
                continue
            m = self._match_label(lab, lab, suffix, where="subdomain")
            if m is not None and m.technique not in ("tld_swap",):
                m2 = BrandMatch(m.brand, m.technique, m.strength - 0.1, m.matched, m.target, "subdomain",
                                m.distance, m.lure_words)
                if best is None or m2.strength > best.strength:
                    best = m2
                continue
            ex = self._tokens.get(lab)
            if ex is None:
                for t in lab.split("-")[:8]:
                    if len(t) >= 4 and t in self._tokens:
                        ex = self._tokens[t]
                        break
            if ex is not None and len(lab) >= 4:
                lures = tuple(w for w in dom_lures)
                s = _STRENGTH["brand_in_subdomain"] + (0.2 if lures else 0.0)
                m2 = BrandMatch(ex, "brand_in_subdomain", s, lab, ex.primary_domain or lab, "subdomain", lure_words=lures)
                if best is None or m2.strength > best.strength:
                    best = m2
        return best

    # ------------------------------------------------------------------ UPI
    def is_official_handle(self, handle: str) -> bool:
        return handle.strip().lower().lstrip("@") in self.official_upi_handles

    def handle_brand(self, handle: str) -> Brand | None:
        return self._handle_brand.get(handle.strip().lower().lstrip("@"))

    def match_vpa(self, vpa: str) -> BrandMatch | None:
        """A VPA (``local@handle``) whose local part or handle imitates a brand (``sbi-refund@ybl``,
        ``paytm.care@axl``, ``someone@okhdfcbnk``). None for ordinary VPAs."""
        vpa = (vpa or "").strip().lower()[:MAX_VPA]
        local, at, handle = vpa.rpartition("@")
        if not at or not local or not handle:
            return None
        best: BrandMatch | None = None
        if handle not in self.official_upi_handles and len(handle) >= 4:
            cands: set[str] = set()
            for v in _deletes(handle, 1):
                cands |= self._handle_deletes.get(v, set())
            for h in sorted(cands):
                d = OSA.distance(handle, h, score_cutoff=1)
                if d <= 1:
                    b = self._handle_brand.get(h) or self._pseudo_brand(h)
                    best = BrandMatch(b, "handle_lookalike", _STRENGTH["handle_lookalike"], handle, h, "handle", distance=d)
                    break
        # local part: split on . - _ and digits
        parts: list[str] = []
        cur = []
        for ch in local[:64]:
            if ch.isalpha():
                cur.append(ch)
            else:
                if cur:
                    parts.append("".join(cur))
                cur = []
        if cur:
            parts.append("".join(cur))
        words: list[str] = []
        for p in parts:
            seg = self.segment(p) if len(p) >= 6 and p not in self._tokens else None
            words.extend(seg if seg else [p])
        brand_hits = [(w, self._tokens.get(w) or self._weak.get(w)) for w in words if (w in self._tokens or w in self._weak)]
        lures = [w for w in words if w in self.lures and w not in self._tokens]
        handle_brand = self._handle_brand.get(handle)
        for w, b in brand_hits:
            if b is None or (handle_brand is not None and handle_brand.id == b.id):
                continue
            contact = [x for x in lures if x in self.strong_lures or x in _CONTACT_LURES or x in b.lures]
            if contact:
                m = BrandMatch(b, "vpa_brand_lure", _STRENGTH["vpa_brand_lure"], vpa, b.primary_domain or w, "vpa",
                               lure_words=tuple(contact))
            elif len(words) == 1 or (lures and not [x for x in words if x not in lures and x != w]):
                m = BrandMatch(b, "vpa_brand_name", _STRENGTH["vpa_brand_name"], vpa, b.primary_domain or w, "vpa")
            else:
                continue
            if best is None or m.strength > best.strength:
                best = m
        if best is None and len(parts) == 1 and len(parts[0]) >= MIN_FUZZY:
            p = parts[0]
            key = match_key(local)
            hit = self._keys.get(key) if key != local else None
            if hit and hit[0] != p:
                best = BrandMatch(hit[1], "vpa_lookalike", _STRENGTH["vpa_lookalike"], vpa, hit[0], "vpa")
        return best

    def _pseudo_brand(self, handle: str) -> Brand:
        name = self.upi_handle_names.get(handle, handle)
        return Brand(id=f"upi:{handle}", name=name, category="upi_handle", domains=(), keywords=(handle,))

    # ------------------------------------------------------------------ misc
    def __len__(self) -> int:
        return len(self.brands)

    def brands_in(self, category_prefix: str) -> Iterable[Brand]:
        return (b for b in self.brands if b.category.startswith(category_prefix))


_lock = threading.Lock()
_default: BrandRegistry | None = None


@lru_cache(maxsize=1)
def load_lists() -> dict[str, Any]:
    return _load_json("url_lists.json")


@lru_cache(maxsize=4)
def _load_json(name: str) -> dict[str, Any]:
    text = resources.files("scamshield.engine").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return json.loads(text)


def default_registry() -> BrandRegistry:
    """The shipped registry, built once on first use (thread-safe)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = BrandRegistry(_load_json("brands.json"), load_lists())
    return _default


def official_upi_handles() -> frozenset[str]:
    return default_registry().official_upi_handles

"""Robust, linear-time URL parsing for risk analysis.

Unlike :func:`urllib.parse.urlsplit` this parser is built for hostile input: it accepts scheme-less input
(``bit.ly/kyc123``), treats ``\\`` like ``/`` as browsers do, splits userinfo on the *last* ``@`` of the
authority, understands bracketed IPv6, the WHATWG IPv4 forms (``3232235777``, ``0xC0A80101``,
``0300.0250.1.1``, ``192.168.257``), percent-encoded hosts and IDN/punycode (via :mod:`idna`), and caps every
length before doing any work so that each call is linear in a bounded input.

It never raises on odd input except :class:`scamshield.errors.InvalidInput` for things that are not a URL at
all (empty, whitespace, no host).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from functools import lru_cache

import idna

from scamshield.errors import InvalidInput

MAX_URL_CHARS = 8192  # analysed prefix of the input; the original length is kept
MAX_HOST_CHARS = 253  # DNS limit; longer hosts keep their right-most 253 characters (registrable part)
MAX_LABELS = 64
MAX_PART_CHARS = 4096  # path/query/fragment kept for analysis

_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]{0,31}):")
_WS_CTRL = re.compile(r"[\x00-\x20\x7f]+")
_PCT_RE = re.compile(r"%([0-9a-fA-F]{2})")
_HOST_OK = re.compile(r"[a-z0-9\-_.]*")
_BAD_HOST_CHARS = re.compile(r"[\x00-\x20\x7f<>^|\"'`{}\[\]]")

SPECIAL_SCHEMES = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}
# Schemes that carry a page or code instead of an address: analysed as strongly suspicious, never parsed.
INLINE_SCHEMES = {"data", "javascript", "vbscript", "blob"}
# Known non-web schemes: not something the URL analyser can judge.
OTHER_SCHEMES = {"mailto", "tel", "sms", "upi", "intent", "file", "about", "chrome", "market", "whatsapp", "tg"}


@dataclass(slots=True)
class ParsedURL:
    """One parsed URL. ``host`` is the ASCII (punycode) lower-case host without a trailing dot;
    ``host_unicode`` is its display form. ``ip`` is set for IP hosts (normalised dotted/colon form)."""

    original_length: int
    scheme: str  # "" when the input had none
    scheme_inferred: bool
    userinfo: str | None
    host: str
    host_unicode: str
    port: int | None
    path: str
    query: str
    fragment: str
    ip: str | None = None
    ip_version: int | None = None
    ip_obfuscated: bool = False  # decimal / hex / octal / short IPv4 forms
    host_percent_encoded: bool = False
    host_truncated: bool = False
    invalid_host: bool = False
    idn: bool = False  # host has non-ASCII or xn-- labels
    backslashes: bool = False
    inline_scheme: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return self.host.split(".") if self.host and not self.ip else []

    def normalized(self) -> str:
        scheme = self.scheme or "http"
        if self.inline_scheme:
            return f"{scheme}:{self.path}"
        host = f"[{self.ip}]" if self.ip_version == 6 else self.host
        port = f":{self.port}" if self.port is not None and self.port != SPECIAL_SCHEMES.get(scheme) else ""
        q = f"?{self.query}" if self.query else ""
        f = f"#{self.fragment}" if self.fragment else ""
        return f"{scheme}://{host}{port}{self.path or '/'}{q}{f}"


def _pct_decode_host(host: str) -> str:
    return _PCT_RE.sub(lambda m: chr(int(m.group(1), 16)), host)


def _parse_ipv4_part(part: str) -> int | None:
    if not part:
        return None
    try:
        if part[:2] in ("0x", "0X"):
            return int(part[2:], 16) if len(part) > 2 else 0
        if len(part) > 1 and part[0] == "0":
            return int(part[1:], 8)
        if part.isdigit():
            return int(part)
    except ValueError:
        return None
    return None


def parse_ipv4(host: str) -> tuple[str, bool] | None:
    """WHATWG IPv4 parsing. Returns (dotted form, obfuscated?) or None when ``host`` is not an IPv4 address."""
    if not host or len(host) > 64:
        return None
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if not parts or len(parts) > 4:
        return None
    # WHATWG: a host is an IPv4 address only when its last part looks numeric
    last = parts[-1]
    if not (last.isdigit() or (last[:2].lower() == "0x" and all(c in "0123456789abcdefABCDEF" for c in last[2:]))):
        return None
    nums: list[int] = []
    for p in parts:
        n = _parse_ipv4_part(p)
        if n is None:
            return None
        nums.append(n)
    if any(n > 255 for n in nums[:-1]) or nums[-1] >= 256 ** (5 - len(nums)):
        return None
    value = nums[-1]
    for i, n in enumerate(nums[:-1]):
        value += n << (8 * (3 - i))
    dotted = str(ipaddress.IPv4Address(value))
    obfuscated = len(parts) != 4 or any(
        (p[:2] in ("0x", "0X")) or (len(p) > 1 and p[0] == "0") for p in parts
    )
    return dotted, obfuscated


def parse_ipv6(text: str) -> str | None:
    if len(text) > 64:
        return None
    try:
        return str(ipaddress.IPv6Address(text.split("%", 1)[0]))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def to_ascii_host(host: str) -> tuple[str, str, bool]:
    """(ascii host, unicode host, ok). Labels are converted one by one (UTS #46 where possible, raw punycode
    otherwise) so that an odd label never makes the whole host unreadable."""
    if host.isascii():
        low = host.lower()
        if "xn--" not in low:  # no label to decode: every label is its own lower-case form
            return low, low, True
    ascii_labels: list[str] = []
    uni_labels: list[str] = []
    ok = True
    for label in host.split("."):
        if label.isascii():
            a = label.lower()
            u = a
            if a.startswith("xn--"):
                # (idna.decode of one lower-case A-label is its Punycode decoding once the label passes IDNA's
                # checks; a label that fails them was decoded the same way here before: so the checks are skipped)
                u = _puny(a)
                if u is None:
                    u, ok = a, False
        else:
            u = label.lower()
            try:
                a = idna.encode(label, uts46=True).decode("ascii")
                u = idna.decode(a)
            except (idna.IDNAError, UnicodeError, ValueError):
                try:
                    a = "xn--" + u.encode("punycode").decode("ascii")
                except (UnicodeError, ValueError):
                    a, ok = u, False
        ascii_labels.append(a)
        uni_labels.append(u)
    return ".".join(ascii_labels), ".".join(uni_labels), ok


def parse_url(url: str) -> ParsedURL:
    """Parse ``url`` leniently. Raises :class:`InvalidInput` for input that is not a URL at all."""
    if not isinstance(url, str):
        raise InvalidInput("url must be a string")
    original_length = len(url)
    text = url[:MAX_URL_CHARS].strip()
    if not text:
        raise InvalidInput("url is empty")
    # browsers strip tabs/newlines anywhere and leading/trailing C0 controls and spaces
    if _WS_CTRL.search(text):
        text = text.replace("\t", "").replace("\n", "").replace("\r", "").replace(" ", "%20")
        text = _WS_CTRL.sub("", text)
    notes: list[str] = []

    scheme = ""
    rest = text
    m = _SCHEME_RE.match(text)
    if m:
        cand = m.group(1).lower()
        after = text[m.end():]
        if cand in INLINE_SCHEMES:
            return ParsedURL(original_length, cand, False, None, "", "", None, after[:MAX_PART_CHARS], "", "",
                             inline_scheme=True)
        if cand in OTHER_SCHEMES:
            raise InvalidInput(f"'{cand}:' is not a web address")
        if after.startswith(("//", "\\\\", "/\\", "\\/")) or cand in SPECIAL_SCHEMES:
            scheme, rest = cand, after
        elif cand in ("hxxp", "hxxps"):
            scheme, rest = cand.replace("xx", "tt"), after
            notes.append("defanged_scheme")
        # else: "localhost:8080/x" or "example.com:443" - a host with a port, no scheme
    backslashes = "\\" in rest
    if backslashes:
        rest = rest.replace("\\", "/")
    scheme_inferred = not scheme
    rest = rest.lstrip("/") if scheme else rest.lstrip("/")

    # authority ends at the first / ? #
    end = len(rest)
    for ch in "/?#":
        i = rest.find(ch)
        if i != -1 and i < end:
            end = i
    authority, tail = rest[:end], rest[end:]

    userinfo = None
    at = authority.rfind("@")
    if at != -1:
        userinfo, authority = authority[:at], authority[at + 1:]

    port: int | None = None
    host_part = authority
    if host_part.startswith("["):
        close = host_part.find("]")
        if close == -1:
            raise InvalidInput("malformed IPv6 host")
        port_text = host_part[close + 1:]
        host_part = host_part[: close + 1]
        if port_text.startswith(":") and port_text[1:].isdigit() and len(port_text) <= 6:
            port = int(port_text[1:])
    else:
        colon = host_part.rfind(":")
        if colon != -1:
            port_text = host_part[colon + 1:]
            if port_text.isdigit() and len(port_text) <= 5:
                port = int(port_text)
                host_part = host_part[:colon]
            elif port_text == "":
                host_part = host_part[:colon]
            else:
                notes.append("bad_port")
                host_part = host_part[:colon]

    if not host_part:
        raise InvalidInput("url has no host")

    path, query, fragment = tail, "", ""
    hash_i = path.find("#")
    if hash_i != -1:
        path, fragment = path[:hash_i], path[hash_i + 1:]
    q_i = path.find("?")
    if q_i != -1:
        path, query = path[:q_i], path[q_i + 1:]
    path, query, fragment = path[:MAX_PART_CHARS], query[:MAX_PART_CHARS], fragment[:MAX_PART_CHARS]

    parsed = ParsedURL(
        original_length=original_length, scheme=scheme, scheme_inferred=scheme_inferred, userinfo=userinfo,
        host="", host_unicode="", port=port, path=path, query=query, fragment=fragment,
        backslashes=backslashes, notes=notes,
    )

    # IPv6
    if host_part.startswith("["):
        ip6 = parse_ipv6(host_part[1:-1])
        if ip6 is None:
            raise InvalidInput("malformed IPv6 host")
        parsed.host = parsed.host_unicode = ip6
        parsed.ip, parsed.ip_version = ip6, 6
        return parsed

    if "%" in host_part:
        parsed.host_percent_encoded = True
        host_part = _pct_decode_host(host_part[: MAX_HOST_CHARS * 3])
    host = host_part.rstrip(".").lower()
    if _BAD_HOST_CHARS.search(host):
        if scheme_inferred:
            raise InvalidInput("not a URL")
        parsed.invalid_host = True
        host = _BAD_HOST_CHARS.sub("", host)
    # full-width dots and friends are label separators in IDNA
    if not host.isascii():
        for dot in ("\u3002", "\uff0e", "\uff61"):
            host = host.replace(dot, ".")
    if len(host) > MAX_HOST_CHARS:
        host = host[-MAX_HOST_CHARS:].lstrip(".")
        parsed.host_truncated = True
    if not host:
        raise InvalidInput("url has no host")

    v4 = parse_ipv4(host)
    if v4 is not None:
        parsed.host = parsed.host_unicode = v4[0]
        parsed.ip, parsed.ip_version, parsed.ip_obfuscated = v4[0], 4, v4[1]
        return parsed

    labels = host.split(".")
    if len(labels) > MAX_LABELS:
        labels = labels[-MAX_LABELS:]
        parsed.host_truncated = True
        host = ".".join(labels)
    if "" in labels:
        parsed.invalid_host = True
        host = ".".join(lab for lab in labels if lab)
        if not host:
            raise InvalidInput("url has no host")

    ascii_host, uni_host, ok = to_ascii_host(host)
    parsed.host = ascii_host
    parsed.host_unicode = uni_host
    parsed.idn = (not host.isascii()) or "xn--" in ascii_host
    if not ok or not _HOST_OK.fullmatch(ascii_host) or any(len(lab) > 63 for lab in ascii_host.split(".")):
        parsed.invalid_host = True
    if "." not in ascii_host and ascii_host != "localhost":
        # a single word is not a web address ("hello", "1234x") unless a scheme said so
        if scheme_inferred:
            raise InvalidInput("not a URL")
        parsed.invalid_host = True
    return parsed


# --------------------------------------------------------------------------- registrable domains
# RBI-restricted zones (2025), not yet in the bundled PSL snapshot.
_EXTRA_SUFFIXES = ("bank.in", "fin.in")
_extractor = None
_private_extractor = None
_tlds: frozenset[str] | None = None


def _registry_like(suffix: str, icann: frozenset[str]) -> bool:
    """A PSL private-section entry that is a second-level "registry" sold to the public like a TLD (CentralNic and
    similar: 'ru.com', 'uk.net', 'za.bz', 'com.de'): two labels, the first itself a top-level label ('ru', 'uk',
    'com'). Hosting services of the private section ('github.io', 'js.org', 'herokuapp.com') are not."""
    labels = suffix.split(".")
    return len(labels) == 2 and 2 <= len(labels[0]) <= 3 and labels[0] in icann and labels[1] in icann


def _get_private_extractor():
    """tldextract with the bundled snapshot's private section too (provider customer zones: 's3.ap-south-1.
    amazonaws.com', 'herokuapp.com'); built once."""
    global _private_extractor
    if _private_extractor is None:
        import tldextract

        _private_extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True,
                                                   include_psl_private_domains=True)
    return _private_extractor


def _get_extractor():
    """tldextract with its bundled suffix-list snapshot only: no network (``suffix_list_urls=()``) and no disk
    cache (``cache_dir=None``). ICANN section only, so ``x.github.io`` has registrable domain ``github.io``; the
    private section's registry-like entries (:func:`_registry_like`) are read as suffixes too, so the label under
    'ru.com' is judged as a registered name, not as a subdomain of 'ru.com'."""
    global _extractor
    if _extractor is None:
        import tldextract

        icann_ex = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True,
                                         include_psl_private_domains=False)
        icann_all = frozenset(icann_ex.tlds)
        top = frozenset(t.rsplit(".", 1)[-1] for t in icann_all)
        private = frozenset(_get_private_extractor().tlds) - icann_all
        extra = sorted({*_EXTRA_SUFFIXES, *(x for x in private if _registry_like(x, top))})
        _extractor = tldextract.TLDExtract(
            suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True,
            include_psl_private_domains=False, extra_suffixes=extra,
        )
    return _extractor


@lru_cache(maxsize=8192)
def private_suffix(host: str) -> str:
    """The PSL private-section suffix ``host`` is under (a provider's customer zone: 's3-ap-south-1.amazonaws.com',
    'herokuapp.com', 'blob.core.windows.net'), else ''."""
    if not host:
        return ""
    ext = _get_private_extractor()(host)
    return ext.suffix if getattr(ext, "is_private", False) else ""


# A host of plain lower-case ASCII labels: tldextract would hand it to its suffix trie unchanged (no scheme, path,
# userinfo, port or root dot to strip), so the trie is walked here directly, with tldextract's own algorithm
# (``_PublicSuffixListTLDExtractor.suffix_index``), data and label decoding: the same answer, without the URL
# handling around it, and an 'xn--' label IDNA-decoded only when the walk could continue through it.
try:  # the very function tldextract reads labels with
    from tldextract.tldextract import _decode_punycode as _tldextract_decode
except ImportError:  # pragma: no cover - another tldextract layout: the same reading
    def _tldextract_decode(label: str) -> str:
        lowered = label.lower()
        if lowered.startswith("xn--"):
            try:
                return idna.decode(lowered)
            except (UnicodeError, IndexError):
                pass
        return lowered


_PLAIN_HOST_RE = re.compile(r"[a-z0-9_\-]+(?:\.[a-z0-9_\-]+)*")
_trie = None


@lru_cache(maxsize=2048)
def _tld_label(label: str) -> str:
    """tldextract's reading of an 'xn--' label in its suffix trie (IDNA-decoded, or as is when IDNA refuses it)."""
    return _tldextract_decode(label)


@lru_cache(maxsize=4096)
def _puny(label: str) -> str | None:
    """The Punycode decoding of an ASCII 'xn--' label, None when it is no valid Punycode (per label, bounded: the
    host's conversion and its suffix-trie walk both read it)."""
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return None


def _split_plain(host: str) -> tuple[str, str, str]:
    """tldextract's (subdomain, domain, suffix) of a host matching ``_PLAIN_HOST_RE``. An 'xn--' label is read as
    tldextract reads it (IDNA-decoded, or as is when IDNA refuses it: ``_tld_label``) only when one of its two
    possible readings, or a wildcard, could continue the match; otherwise the walk stops there either way."""
    global _trie
    node = _trie
    if node is None:
        node = _trie = _get_extractor()._get_tld_extractor().tlds_excl_private_trie
    labels = host.split(".")
    n = len(labels)
    suffix_idx = label_idx = n
    for label in reversed(labels):
        matches = node.matches
        if label.startswith("xn--"):
            if len(label) <= 63:  # (a longer label: IDNA refuses it at once, decoding it would cost more)
                p = _puny(label)
                if "*" not in matches and label not in matches and (p is None or p not in matches):
                    break
            label = _tld_label(label)
        nxt = matches.get(label)
        if nxt is not None:
            label_idx -= 1
            node = nxt
            if node.end:
                suffix_idx = label_idx
            continue
        if "*" in matches:
            suffix_idx = label_idx if "!" + label in matches else label_idx - 1
        break
    if suffix_idx == n:
        return "", "", ""  # no public suffix (the caller splits on the last label)
    return (".".join(labels[:suffix_idx - 1]) if suffix_idx >= 2 else "",
            labels[suffix_idx - 1] if suffix_idx > 0 else "", ".".join(labels[suffix_idx:]))


@lru_cache(maxsize=16384)
def registrable(host: str) -> tuple[str, str, str]:
    """(subdomain, registrable label, public suffix) of an ASCII host. ``paytm.com.account-verify.info`` ->
    (``paytm.com``, ``account-verify``, ``info``). Hosts under an unknown TLD use their last label as suffix."""
    if not host:
        return "", "", ""
    if _PLAIN_HOST_RE.fullmatch(host):
        sub, dom, suffix = _split_plain(host)
    else:
        ext = _get_extractor()(host)
        sub, dom, suffix = ext.subdomain, ext.domain, ext.suffix
    if not suffix:
        labels = host.split(".")
        if len(labels) >= 2:
            return ".".join(labels[:-2]), labels[-2], labels[-1]
        return "", host, ""
    if not dom:  # the host is itself a public suffix (e.g. "co.uk" or a brand TLD "sbi")
        return "", suffix, ""
    return sub, dom, suffix


def registered_domain(host: str) -> str:
    sub, dom, suffix = registrable(host)
    return f"{dom}.{suffix}" if suffix else dom


def known_tlds() -> frozenset[str]:
    """Top-level labels of the bundled public-suffix list (for cheap "is this a real TLD?" checks)."""
    global _tlds
    if _tlds is None:
        tl: set[str] = set()
        ex = _get_extractor()
        suffixes = ex.tlds() if callable(ex.tlds) else ex.tlds
        for s in suffixes:
            last = s.rsplit(".", 1)[-1].lower()
            tl.add(last)
            if not last.isascii():
                try:
                    tl.add(idna.encode(last).decode("ascii"))
                except (idna.IDNAError, UnicodeError):
                    pass
        _tlds = frozenset(tl)
    return _tlds

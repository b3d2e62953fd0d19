"""Links in a message: judging them with the URL analyser, and deciding which are the brand's own.

- official links (the brand's official domain, government / academic suffixes, NIC app-store listings), never a
  host where anyone can publish;
- links trusted by context: the site named as the registered DLT header, an app deep link of the header's or the
  named brand's account, a bare root site named as the message's opening name;
- look-alikes: a domain built from a named brand's name; APK files; statements behind shorteners."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from ...errors import ScamShieldError
from ..cues import BRAND_HEADER_KEYS, mask_digits
from ..types import Assessment, Signal
from ..url import link_forwards_elsewhere, publishing_host
from .limits import MAX_LINKS
from .sender import _BRAND_LABEL_KEYS, header_matches_keys

# A link to a sideloaded Android app ("sbi-rewardz.apk", "bit.ly/x/app.apk"): banks, utilities and government
# departments never send APK files by SMS (CERT-In / RBI advisories on reward-point and KYC APK malware).
_APK_RE = re.compile(r"[\w-]\.apk(?![\w.-]*\.[a-z]{2,}\b)\b|\bapk\s?(?:file|link|download)\b")

_OFFICIAL_SUFFIXES = (".gov.in", ".nic.in", ".gov", ".ac.in", ".edu")


def _bare_host(ua: Assessment) -> str:
    host = str(ua.extracted.get("host") or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


# The package id of an app published by NIC or a Government of India body (com.nic.*, in.gov.*, nic.*).
_GOV_APP_ID_RE = re.compile(r"^https?://play\.google\.com/store/apps/details\?(?:[^#]*&)?id=(?:com\.nic|in\.gov|"
                            r"in\.nic|nic\.in)\.[a-z0-9_.]+(?:[&#]|$)", re.IGNORECASE)


def _is_official_link(u: str, ua: Assessment) -> bool:
    """The link leads to a page the brand or government body itself published: its official domain (url.py
    ``official_domain``, which url.py already withholds for an account's page on the brand's platform and for an open
    redirect) or a government / academic suffix -- but never a link on a host where anyone can publish (messenger
    chat links, social profiles, videos, app-store listings, site builders, forms, storage, shorteners: url.py
    ``publishing_host``), nor a link whose query forwards to another address (url.py ``link_forwards_elsewhere``)."""
    host = _bare_host(ua)
    if host == "play.google.com" and _GOV_APP_ID_RE.search(u):
        # A government app's store listing (NIC / in.gov.* package ids are published by the Government of India).
        return True
    if publishing_host(host) is not None:
        return False
    if any(s.code == "official_domain" for s in ua.signals):
        return True
    return host.endswith(_OFFICIAL_SUFFIXES) and not link_forwards_elsewhere(u)


# App-attribution deep-link hosts (AppsFlyer, Branch, Firebase, Singular, Adjust): the first label is the app
# owner's account ("swiggy.onelink.me/888", "vi.app.link/rech"). Brands' promotions use them to open their app; the
# account is the brand's only when the registered header says so (used only for registered_brand_shared_link).
_APP_DEEP_LINK_DOMAINS = frozenset({"onelink.me", "app.link", "page.link", "sng.link", "adj.st"})


def _is_user_content_link(ua: Assessment) -> bool:
    """A page some account made on a social, video, form, app-store, site-builder, storage, shortener or messenger
    host (the url_lists.json host lists, through url.py ``publishing_host``)."""
    return publishing_host(_bare_host(ua)) is not None


# A link host's own name (the registered domain's first label) that is the DLT header's name: "dominos.co.in" from
# VM-DOMINO, "tanishq.co.in" from JD-TNSHQ does not (abbreviated headers are left to the brand registry).
_HEADER_NAME_RE = re.compile(r"[a-z0-9]{3,12}")


def _trust_header_links(details: list[dict[str, Any]], header: str) -> None:
    """Mark as official a link to the site of the registered (TRAI DLT) header that sent the message: the
    registered domain's name equals the header's name (or the header is its first six letters: DOMINO ->
    dominos.co.in). Only links the URL analyser found nothing wrong with (score below 20); never a host where anyone
    can publish (those are never ``registered_domain`` matches of a brand's name here: the URL analyser scores them)."""
    key = header.lower()
    if len(key) < 4:
        return
    for d in details:
        if d["official"] or d["risk_score"] >= 20:
            continue
        name = str(d["registered_domain"] or "").split(".", 1)[0]
        if not _HEADER_NAME_RE.fullmatch(name):
            continue
        if name == key or (len(key) == 6 and name.startswith(key) and len(name) <= 8):
            d["official"] = True
            d["official_by"] = "sender_header"


def _named_as_header(detail: dict[str, Any], header: str) -> bool:
    """The link's registered domain is named exactly as the registered (DLT) header that sent it (hdfcbk.io from
    HDFCBK)."""
    return str(detail.get("registered_domain") or "").split(".", 1)[0] == header.lower() and len(header) >= 5


def _trust_header_app_links(details: list[dict[str, Any]], header: str) -> bool:
    """Mark as official an app deep link (``_APP_DEEP_LINK_DOMAINS``) whose account label is the brand whose
    registered (TRAI DLT) header sent the message: "swiggy.onelink.me/Ab1" from AD-SWIGGY, "airtel.onelink.me" from
    VM-AIRTEL. The URL analyser reads the brand in a shared host's subdomain as impersonation, which it is from
    anyone else (and from this header with a lure: the caller only calls this for a message with no lure). Only a
    brand's registered header form counts (``header_matches_keys``), never a header that merely contains its name.
    Returns whether any link was marked."""
    marked = False
    for d in details:
        if d["official"] or not d["deep_link"]:
            continue
        host = str(d.get("host") or "")
        label = host.split(".", 1)[0] if host.count(".") >= 2 else ""
        if not label:
            continue
        for brand, keys in BRAND_HEADER_KEYS.items():
            if label in {brand.replace(" ", ""), *(k.lower() for k in keys)} and header_matches_keys(header, keys):
                d["official"] = True
                d["official_by"] = "sender_header_app_link"
                marked = True
                break
    return marked


# A message that opens with its sender's name ("Boots: ...", "Tesco Clubcard: ...") and a link to that name's own
# root site ("boots.com", "www.tesco.com/"): the common commercial suffixes only (not a new gTLD anyone can take).
_NAME_PREFIX_RE = re.compile(r"^\W{0,3}([A-Z][A-Za-z0-9&'. ]{2,24}?)\s?:\s")
_NAME_ROOT_SUFFIXES = frozenset({"com", "co.uk", "com.au", "com.sg", "com.my", "co.nz", "ie", "ca", "com.ph", "ae",
                                 "co.za", "co.ke", "com.ng", "in", "co.in"})
_LURE_NAME_PARTS = ("kyc", "parcel", "reward", "point", "toll", "refund", "bank", "pay", "verif", "secur", "support",
                    "help", "care", "updat", "deliver", "post", "track", "claim", "prize", "gift", "bonus", "loan",
                    "cash", "earn", "profit", "crypto", "coin", "invest", "trade", "job", "task", "tax", "fine",
                    "challan", "police", "gov", "official", "servic", "custom", "account", "wallet", "alert", "notice",
                    "info", "center", "centre", "desk", "portal", "online", "web", "app", "login", "secure", "redeem",
                    "offer", "lucky", "win", "fastag", "ship", "courier", "express", "logistic", "fee", "due", "bill")
_ROOT_URL_RE = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9.-]+/?$", re.IGNORECASE)


def _trust_named_root_links(details: list[dict[str, Any]], head: str) -> None:
    """Mark as official a bare root link ("boots.com") whose name is the name the message opens with ("Boots:"), in
    a common commercial suffix, that the URL analyser found nothing wrong with (batch j): a look-alike must change
    the name (boots-rewards.com) or the suffix; a page path on it is not trusted."""
    m = _NAME_PREFIX_RE.match(head)
    if not m:
        return
    words = re.findall(r"[a-z0-9]+", m.group(1).lower())
    keys = {"".join(words), words[0]} if words else set()
    # A name built from lure or service words ("KYCDesk", "ParcelCare", "RewardHub", "TollPay") is what a scammer
    # registers for the occasion: only a plain trading name counts.
    keys = {k for k in keys if len(k) >= 4 and not any(w in k for w in _LURE_NAME_PARTS)}
    for d in details:
        if d["official"] or d["shared"] or d["deep_link"] or d["risk_score"] >= 20:
            continue
        dom = str(d["registered_domain"] or "").lower()
        name, _, suffix = dom.partition(".")
        if name in keys and suffix in _NAME_ROOT_SUFFIXES and _ROOT_URL_RE.match(d["url"]):
            d["official"] = True
            d["official_by"] = "name_prefix_root"


def _trust_named_app_links(details: list[dict[str, Any]], words: Iterable[str]) -> bool:
    """Mark as official an app deep link ("swiggy.onelink.me/888") whose account label is a brand the message names
    ("Order now on Swiggy"), in a message with no lure (the caller checks): the brand's own campaign link, sent
    without its header (batch h/j). Returns whether any link was marked."""
    marked = False
    for d in details:
        if d["official"] or not d["deep_link"]:
            continue
        host = str(d.get("host") or "")
        label = host.split(".", 1)[0] if host.count(".") >= 2 else ""
        # (the brand's name, or one of its header keys the message also names: "Pay on Vi App: vi.app.link/...")
        if label and (label in BRAND_HEADER_KEYS or label in _BRAND_LABEL_KEYS) and label in words:
            d["official"] = True
            d["official_by"] = "named_brand_app_link"
            marked = True
    return marked


def _domain_copies_brand(detail: dict[str, Any], brands: list[str]) -> bool:
    """The link's registered-domain name contains one of the brands' names or header keys (3+ letters)."""
    name = str(detail["registered_domain"] or "").split(".", 1)[0]
    if not name:
        return False
    for b in brands:
        keys = {b.replace(" ", ""), *(k.lower() for k in BRAND_HEADER_KEYS.get(b, ()))}
        if any(len(k) >= 3 and k in name for k in keys):
            return True
    return False


def link_signals(urls: list[str], judge: Callable[[str], Assessment]
                 ) -> tuple[list[Signal], list[dict[str, Any]], list[str]]:
    """Judge at most ``MAX_LINKS`` of ``urls`` with ``judge`` (the URL analyser): the worst link's signal,
    per-link details (score, registered domain, official / shared / deep link, host) and the hosts of pages
    anyone can publish."""
    judged: list[tuple[int, str, Assessment]] = []
    for u in urls[:MAX_LINKS]:
        try:
            ua = judge(u)
        except ScamShieldError:
            continue
        judged.append((ua.risk_score, u, ua))
    details = [{"url": u[:200], "risk_score": sc, "registered_domain": ua.extracted.get("registered_domain"),
                "official": _is_official_link(u, ua), "shared": _is_user_content_link(ua),
                "deep_link": str(ua.extracted.get("registered_domain") or "").lower() in _APP_DEEP_LINK_DOMAINS,
                "host": _bare_host(ua)}
               for sc, u, ua in judged]
    user_pages = [str(ua.extracted.get("host") or "")[:80] for _, _, ua in judged if _is_user_content_link(ua)]
    if not judged:
        return [], details, user_pages
    score, url, ua = max(judged, key=lambda t: t[0])
    # (digit runs masked: a link can carry a phone number, "pmkisan-9876543210.top")
    ev = {"url": mask_digits(url[:200]), "url_score": score,
          "registered_domain": mask_digits(str(ua.extracted.get("registered_domain") or "")) or None,
          "url_signals": [s.code for s in ua.signals if s.weight > 0][:8]}
    ftypes = [s.fraud_type for s in ua.signals if s.weight > 0 and s.fraud_type]
    ftype = ftypes[0] if ftypes else "PHISHING_LINK"
    if score >= 50:
        return [Signal("malicious_link", round(50 + 0.5 * (score - 50), 1), "Contains a link judged dangerous",
                       ev, ftype)], details, user_pages
    if score >= 25:
        return [Signal("suspicious_link", round(0.6 * score, 1), "Contains a suspicious link", ev, ftype)], details, \
            user_pages
    return [], details, user_pages


_STATEMENT_RE = re.compile(r"\b(?:e-?statements?|estatements?|(?:account|bank|card|credit card|loan|mutual fund|demat)"
                           r" statements?|statements? of (?:account|accounts)|statement (?:is|for))\b")
_SHORTENER_DOMAINS = frozenset({"bit.ly", "bitly.com", "tinyurl.com", "cutt.ly", "is.gd", "rb.gy", "shorturl.at",
                                "t.ly", "ow.ly", "tiny.cc", "rebrand.ly", "v.gd", "shorte.st", "s.id", "t.co"})

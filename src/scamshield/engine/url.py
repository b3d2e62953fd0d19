"""URL analyser: explainable signals for one link (and the link finder used by the SMS analyser).

``analyze_url`` parses the link robustly (:mod:`scamshield.engine.urlparse`), judges the host on its registrable
domain (public-suffix list, no network), asks the brand registry which brand it imitates, and adds lexical,
hosting and optional page signals (``domain_details``, ``html_content``, ``redirect_chain`` from the client).
Every point of the score comes from a :class:`~scamshield.engine.types.Signal` with a stable code.

Signal codes and weights (see ``WEIGHTS``; brand techniques in ``BRAND_WEIGHTS``):
official_domain (-40), user_content_host, no_tls, ip_host, url_shortener, free_hosting, dynamic_dns, risky_tld,
deep_subdomain, long_url, obfuscated_url, phishing_words, suspicious_path, brand_in_path, brand_impersonation,
brand_in_subdomain, homograph, fake_payment_page, inline_script_url, young_domain, invalid_certificate,
password_field, login_form_on_unofficial_domain, sensitive_fields, brand_in_page_title, form_posts_elsewhere,
redirect_chain_crosses_domains, long_redirect_chain; user_content_platform (0: a profile, post, group, app listing
or chat link on a brand's own platform -- the official offset is withheld, the page is judged like any other),
open_redirect (an official host forwarding to another site through a query parameter -- every address-valued
parameter, in every form a browser may read it in; the target is analysed, bounded depth with deeper chains unwrapped
by string work, and its score added as redirect_target; the redirect itself costs 15 only when the target has rule
warning signs of its own; OAuth requests' redirect_uri and platforms' own service pages are not redirects); recent kit shapes (issue 5): domain_name_spoof
('usps.com-trackxg.top'), cms_internal_path (a page or login word inside wp-includes/wp-content/...), brand_in_path
(brand or brand's domain in the path next to a page file / login word / CMS folder), hosted_page_on_storage (buckets,
any IPFS gateway), email_in_link (victim address pre-filled), several_weak_cues (>= 2 independent weak cues; the
evidence lists them); hold-out 5 families: anonymous_short_link (a code on an anonymous shortener or a dynamic
QR-code service), anonymous_page (Telegraph: published without an account; its page address is the title the
author typed, read like a shortener's slug), published_document_page (Google Drawings / published Slides or Docs: a
bare page with one link to press; 5 points alone -- schools and shops publish them -- 35 with a brand or lure word
in the address, not a weak cue), short_code_path ('/i', '/us', '/pay' as the whole path on a heavily abused TLD),
app-link redirectors (AppsFlyer / Branch / Singular / Adjust short links: the web page named in their query is
analysed like an open redirect's target); round 7: short_link_brand_lure (a bank's, a government office's or a
courier's name next to a lure word in a shortener's custom alias, '/sbi-pan-link'), credential_portal_page (a page
name on a free site builder made of two or more sign-in / account words, 'sites.google.com/view/wallet-restore').
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import date, datetime, timezone
from urllib.parse import unquote
from functools import lru_cache
from typing import Any, Iterable

from scamshield.engine.brands import BrandMatch, BrandRegistry, default_registry, load_lists
from scamshield.engine.confusables import is_mixed_script, match_key, scripts_of
from scamshield.engine.taxonomy import advice_for
from scamshield.engine.textmodel import url_model_signal
from scamshield.engine.types import Assessment, Signal, combine
from scamshield.engine.urlparse import ParsedURL, known_tlds, parse_url, private_suffix, registrable
from scamshield.errors import InvalidInput

# rule signals that say "anyone can publish under this host": the learned URL model is capped there (docs/models.md)
_SHARED_HOST_CODES = frozenset({"url_shortener", "free_hosting", "user_content_host", "dynamic_dns",
                                "user_content_platform"})

BRAND = "BRAND_IMPERSONATION"
PHISH = "PHISHING_LINK"

WEIGHTS: dict[str, float] = {
    "official_domain": -40,
    "user_content_host": 15,
    "no_tls": 10,
    "ip_host": 50,
    "url_shortener": 35,
    "url_shortener_root": 20,
    "free_hosting": 30,
    "dynamic_dns": 40,
    "hosted_page_on_storage": 20,
    "cms_internal_path": 15,
    "deep_subdomain": 10,
    "inline_script_url": 60,
    "fake_payment_page": 20,
    "homograph_mixed_script": 35,
    "homograph_confusable": 20,
    "homograph_with_brand": 10,
    "brand_in_path": 25,
    "young_domain_week": 35,
    "young_domain_month": 25,
    "young_domain_half_year": 10,
    "invalid_certificate": 15,
    "password_field": 15,
    "login_form_on_unofficial_domain": 25,
    "sensitive_fields": 20,
    "brand_in_page_title": 20,
    "form_posts_elsewhere": 15,
    "redirect_chain_crosses_domains": 10,
    "long_redirect_chain": 10,
    "domain_name_spoof": 35,
    "cms_page": 20,
    "brand_in_path_page": 25,
    "brand_domain_in_path": 30,
    "email_in_link": 10,
    "user_content_platform": 0,
    "open_redirect": 15,
    "ip_named_host": 20,
    "brand_folder": 15,
    "redirect_chain_too_deep": 40,
    "anonymous_short_link": 15,
    "anonymous_page": 10,
    "published_document_page": 5,
    "short_code_path": 35,
    "android_package_link": 20,
    "short_link_brand_lure": 20,
    "credential_portal_page": 15,
    "kit_folder": 15,
    "https_folder": 15,
}
# a published document whose address also names a brand or a lure word (path, query or fragment): the one-button
# landing page the signal was made for. Bare, the address says only "a published Doc / Slides / Drawing", which
# schools, housing societies and shops share every day (r6 review F7): published_document_page's 5 points (a bare
# published Slides / Drawing stays at 20, below the 25 at which an SMS counts its link as suspicious).
PUBLISHED_DOC_LURE_POINTS = 35
# several_weak_cues: points by number of independent weak cues (see _weak_cue_signal)
WEAK_CUE_POINTS = (0, 0, 10, 20, 25)

# points for a brand look-alike, by technique (registrable domain); subdomain matches get 10 less
BRAND_WEIGHTS: dict[str, float] = {
    "homograph": 65, "homoglyph": 60, "digit_swap": 60, "brand_domain_in_subdomain": 55, "brand_domain_in_label": 55,
    "brand_with_lure": 50, "hyphenation": 45, "transposition": 40, "omission": 35, "insertion": 35,
    "substitution": 35, "edit_distance": 25, "tld_swap": 35, "brand_name": 35, "brand_in_subdomain": 30,
    "brand_compound": 30, "brand_in_userinfo": 30,
}
PHISHING_WORD_POINTS = (0, 10, 25, 40, 50)  # by number of distinct lure words in the host
# a one-letter typo of a long brand name ('steamcommunnity', 'bunkofamerica', 'grupoabancolombia'): the longer the
# imitated name, the less likely another real name lies one edit from it. In the dev sets every legitimate host one
# edit from a brand name imitates a name of at most 11 letters ('samsungapis' / 'samsungapps', 'boost' / 'bpost',
# 'webchat' / 'wechat'); from 12 letters on, only phishing hosts did. Added to the technique's points.
LONG_TYPO_MIN_LEN = 12
LONG_TYPO_POINTS = 15
_TYPO_TECHNIQUES = frozenset({"insertion", "omission", "substitution", "transposition"})
# a government body's name with another of its own names on a commercial domain ('myaadhaar-uidai.org',
# 'parivahan-echallan.live', 'epfo-uanportal.com'): a body whose every official domain is under a government suffix
# never registers one (a business named after one of the words, 'aadharhousing', uses one name, not two of the same
# body's names). Added to a brand_compound / brand_with_lure match on the registered domain: the name alone reaches
# the flag (30 + 20), as a brand with a lure word does.
GOV_TWO_NAMES_POINTS = 20
PATH_WORD_POINTS = (0, 5, 10, 15)

MAX_HTML = 300_000
MAX_INPUTS = 300
MAX_REDIRECTS = 20
MAX_PATH_TOKENS = 200

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PCT_ASCII_RE = re.compile(r"%(?:2[dDeE]|3[0-9]|4[1-9a-fA-F]|5[0-9aA]|6[1-9a-fA-F]|7[0-9aA])")
_PASSWORD_RE = re.compile(r"type\s*=\s*[\"']?password", re.I)
_SENSITIVE_RE = re.compile(r"(?:name|id|placeholder|autocomplete)\s*=\s*[\"']?[^\"'>]{0,40}?"
                           r"(cvv|cvc|card.?number|cc-number|upi.?pin|atm.?pin|\bpin\b|otp|aadhaar|pan.?card|ssn)",
                           re.I)
_CMS_DIRS = ("/wp-admin/", "/wp-includes/", "/wp-content/plugins/", "/wp-content/themes/", "/wp-content/uploads/",
             "/administrator/", "/components/com_", "/sites/default/files/", "/cgi-bin/", "/.well-known/")
_PAGE_EXT = (".php", ".html", ".htm", ".asp", ".aspx", ".jsp", ".shtml", ".phtml")
# WordPress endpoints that ordinary links do reach
_CMS_OK_FILES = ("admin-ajax.php", "admin-post.php", "wp-cron.php", "xmlrpc.php", "load-scripts.php",
                 "load-styles.php")
# a label that starts with a TLD word and a hyphen: 'usps.com-trackxg.top', 'hmrc.gov-taxreturn-uk.org'
# ('net-a-porter', 'co-op', 'edu-sharing' are real names, so only com/org/gov words count)
_SPOOF_LABEL_RE = re.compile(r"(?:com|org|gov|govt|gob|gouv)-[a-z0-9]")
# (not 'info' / 'biz': ordinary subdomain words of mail-tracking hosts, click.info.brand.in)
_SPOOF_TLD_LABELS = frozenset({"com", "net", "org", "gov", "edu", "co"})
_HEX_DIR_RE = re.compile(r"/[0-9a-f]{24,64}(?:/|$)")
_EMAIL_RE = re.compile(r"[a-z0-9._%+\-]{1,64}(?:@|%40)[a-z0-9\-]{1,63}\.[a-z0-9.\-]{2,63}", re.I)
# "does the text hold an address _EMAIL_RE would find?": _EMAIL_RE.search finds one exactly when some '@' / '%40' has
# one local-part character right before it and a domain after it (the local part can always shrink to that one
# character). Asked that way the search is linear; _EMAIL_RE.search retried up to 64 local-part lengths at every
# start position of a long query.
_EMAIL_IN_TEXT_RE = re.compile(r"(?<=[a-z0-9._%+\-])(?:@|%40)[a-z0-9\-]{1,63}\.[a-z0-9.\-]{2,63}", re.I)
_DOMAIN_IN_PATH_RE = re.compile(r"(?:^|[/=])((?:[a-z0-9\-]{1,63}\.){1,4}[a-z]{2,6})(?=$|[/\-_?&#])")
_IPFS_CID_RE = re.compile(r"/ipfs/(?:Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{50,})")
_URL_IN_PATH_RE = re.compile(r"/https?(?::|%3a)?/+[a-z0-9\-]+\.")
_DIGIT_GROUP_RE = re.compile(r"[0-9]+")
_CONSONANT_RUN_RE = re.compile(r"[bcdfghjklmnpqrstvwxz]{5}")
_HOST_SHAPE_CUES = frozenset({"risky_tld", "random_looking_host", "obfuscation", "deep_subdomain"})
_CMS_WORDS = frozenset({"wp-admin", "wp-content", "wp-includes", "admin", "includes"})
MAX_REDIRECT_DEPTH = 2  # an official page forwarding to a page that forwards again: followed this deep, no further
_MAX_QUERY_PARAMS = 40
_ACTION_RE = re.compile(r"action\s*=\s*[\"']?([^\"'\s>]{1,500})", re.I)


# category lure words a legitimate shortened tracking link uses as well ('bit.ly/track-my-package')
_ORDINARY_SLUG_WORDS = frozenset({"track", "tracking", "package", "packages", "delivery", "shipment", "address",
                                  "payment", "tax", "taxes", "benefit", "benefits", "grant"})


class _Lists:
    def __init__(self, raw: dict[str, Any]):
        self.shorteners = frozenset(raw["shorteners"])
        self.free_hosting = frozenset(raw["free_hosting"])
        self.free_label = frozenset(raw.get("free_hosting_label_suffixes", ()))
        self.user_content = frozenset(raw.get("official_user_content", ()))
        self.dynamic_dns = frozenset(raw["dynamic_dns"])
        self.risky_tlds: dict[str, int] = dict(raw["risky_tlds"])
        self.strong_lures = frozenset(raw["strong_lure_words"])
        self.path_words = frozenset(raw["path_words"])
        self.payment_words = frozenset(raw["payment_words"])
        self.storage_hosts = frozenset(raw.get("storage_hosts", ()))
        # pages hosts whose first label is the code host's account name ('<account>.github.io')
        self.account_hosts = frozenset(raw.get("account_namespace_hosts", ()))
        self.tenant_hosts: dict[str, frozenset[str]] = {h: frozenset(v) for h, v in raw.get("tenant_hosts", {}).items()}
        # 's3.amazonaws.com' -> ('s3', 'amazonaws.com'): the provider's regional endpoints in the PSL private section
        # ('s3-ap-south-1.amazonaws.com', 's3.dualstack.us-east-1.amazonaws.com') are storage too
        self.storage_stems = frozenset((h.split(".", 1)[0], h.split(".", 1)[1]) for h in self.storage_hosts
                                       if h.count(".") >= 2)
        self.storage_provider_ends = tuple(sorted({"." + provider for _, provider in self.storage_stems}))
        self.strong_path_words = frozenset(raw.get("strong_path_words", ()))
        self.file_ext_tlds = frozenset(raw.get("file_extension_tlds", ()))
        self.common_bare = frozenset(raw.get("common_bare_tlds", ()))
        self.path_hosted = frozenset(h for h in self.free_hosting if h.count(".") >= 2)
        # one index for the host lists: a host's suffixes are looked up once, not once per list
        self.kinds: dict[str, tuple[str, ...]] = {}
        self.platforms = frozenset(raw.get("user_content_platforms", ()))
        self.messengers = frozenset(raw.get("messenger_link_hosts", ()))
        self.share_paths = frozenset(raw.get("share_dialog_paths", ()))
        self.service_paths = frozenset(raw.get("platform_service_paths", ()))
        self.service_subs = frozenset(raw.get("platform_service_subdomains", ()))
        self.tracking = frozenset(raw.get("click_tracking_hosts", ()))
        self.anonymous = frozenset(raw.get("anonymous_publishing", ()))
        self.title_slug = frozenset(raw.get("title_slug_hosts", ()))
        self.published_docs = tuple(raw.get("published_document_paths", ()))
        self.abused_short = frozenset(raw.get("abused_shorteners", ()))
        self.app_links = frozenset(raw.get("app_link_hosts", ()))
        # a shortener's custom slug is the sender's words: the lure words of couriers and government offices count
        # there too ('/parcel-hold-uk', '/toll-unpaid'), less the words of an ordinary tracking link
        cat = {w for ws in raw.get("category_lures", {}).values() for w in ws} - _ORDINARY_SLUG_WORDS
        self.slug_words = self.path_words | self.strong_lures | self.payment_words | frozenset(cat)
        # a bank's or a government office's name in a shortener's custom slug next to a lure word (or an identity
        # document's name, 'pan', 'aadhaar', only counted beside such a brand): the sender's own words
        self.slug_id_words = frozenset(raw.get("slug_identity_words", ()))
        self.slug_brand_cats = tuple(raw.get("slug_brand_categories", ()))
        # site builders whose path after these prefixes is the page name its author chose
        self.page_name_prefixes = tuple(raw.get("page_name_prefixes", ()))
        self.page_name_hosts = frozenset(x.split("/", 1)[0] for x in self.page_name_prefixes)
        # words ordinary in a page's or a brand's own link name (a bank's 'card', a club's 'notice'): not lures there
        self.plain_name_words = frozenset(raw.get("plain_name_words", ()))
        self.portal_words = (self.strong_lures | self.path_words) - self.plain_name_words
        for kind, names in (("short", self.shorteners), ("free", self.free_hosting), ("user", self.user_content),
                            ("storage", self.storage_hosts), ("ddns", self.dynamic_dns), ("platform", self.platforms),
                            ("messenger", self.messengers), ("tracking", self.tracking), ("applink", self.app_links),
                            ("anon", self.anonymous), ("slug", self.title_slug), ("abused", self.abused_short)):
            for n in names:
                self.kinds[n] = self.kinds.get(n, ()) + (kind,)


_lists: _Lists | None = None


def _get_lists() -> _Lists:
    global _lists
    if _lists is None:
        _lists = _Lists(load_lists())
    return _lists


def _suffix_member(host: str, names: frozenset[str], *, strict: bool) -> str | None:
    """The entry of ``names`` that ``host`` equals or is a subdomain of (``strict``: subdomains only)."""
    labels = host.split(".")
    start = 1 if strict else 0
    for i in range(start, len(labels)):
        cand = ".".join(labels[i:])
        if cand in names:
            return cand
    return None


def _list_hits(host: str, L: _Lists) -> tuple[dict[str, str], dict[str, str]]:
    """For each host list, the entry ``host`` equals or is a subdomain of (first dict), and the entry it is a strict
    subdomain of (second dict); the longest entry wins, as in :func:`_suffix_member`. Per host (bounded memo; the
    dicts are shared: read them, never change them)."""
    if L is _lists and len(host) <= 253:
        return _list_hits_of(host)
    return _compute_list_hits(host, L)


@lru_cache(maxsize=8192)
def _list_hits_of(host: str) -> tuple[dict[str, str], dict[str, str]]:
    return _compute_list_hits(host, _get_lists())


def _compute_list_hits(host: str, L: _Lists) -> tuple[dict[str, str], dict[str, str]]:
    hits: dict[str, str] = {}
    strict: dict[str, str] = {}
    labels = host.split(".")
    kinds = L.kinds
    for i in range(len(labels)):
        cand = ".".join(labels[i:])
        ks = kinds.get(cand)
        if ks:
            for k in ks:
                if k not in hits:
                    hits[k] = cand
                if i and k not in strict:
                    strict[k] = cand
    return hits, strict


# Host lists of services where anyone can publish: a chat link, a social / video / app-store page, a form, a free
# site, a storage bucket or a short link there is what some account made, never the brand's own page.
_PUBLISHING_KINDS = ("messenger", "platform", "user", "storage", "free", "short", "applink")


def publishing_host(host: str) -> str | None:
    """The url_lists.json entry (messenger link host, user-content platform, official user content, storage, free
    hosting or shortener) that ``host`` equals or is a subdomain of, else None. One source for every detector
    that must know whether a link is something anyone can create."""
    host = (host or "").lower().rstrip(".")
    if not host:
        return None
    hits, _ = _list_hits(host, _get_lists())
    return next((hits[k] for k in _PUBLISHING_KINDS if k in hits), None)


def link_forwards_elsewhere(url: str) -> bool:
    """The link's query carries another absolute address that a reader would be forwarded to (the open-redirect
    test of :func:`analyze_url`; share / compose dialogs excluded). Bad input is simply False."""
    try:
        return _redirect_param(parse_url(url)) is not None
    except InvalidInput:
        return False


# --------------------------------------------------------------------------- analysis
def analyze_url(
    url: str,
    *,
    domain_details: dict | None = None,
    html_content: str | None = None,
    redirect_chain: list[str] | None = None,
    now: datetime | None = None,
    registry: BrandRegistry | None = None,
    _depth: int = 0,
    _budget: list[int] | None = None,
) -> Assessment:
    """Assess one URL. Raises :class:`InvalidInput` when ``url`` is not a URL at all. (``_depth``: how many open
    redirects were followed to reach this URL; ``_budget``: forwarding addresses the whole analysis may still
    analyse, shared by every level; internal.)"""
    p = parse_url(url)
    budget = _budget if _budget is not None else [_MAX_FOLLOWED]
    reg = registry or default_registry()
    L = _get_lists()
    signals: list[Signal] = []
    extracted: dict[str, Any] = {
        "url": p.normalized(),
        "host": p.host,
        "host_unicode": p.host_unicode,
        "registered_domain": None,
        "imitated_brand": None,
        "official_brand": None,
        "url_length": p.original_length,
    }

    if p.inline_scheme:
        signals.append(Signal("inline_script_url", WEIGHTS["inline_script_url"],
                              f"'{p.scheme}:' link carries a page or script instead of an address",
                              {"scheme": p.scheme}, PHISH))
        return _finish(signals, extracted, None)

    if p.scheme in ("http", "ftp", "ws"):
        signals.append(Signal("no_tls", WEIGHTS["no_tls"], "Link does not use HTTPS (traffic is not encrypted)",
                              {"scheme": p.scheme}, PHISH))

    official = None
    match: BrandMatch | None = None
    host = p.host
    sub = dom = suffix = ""
    if p.ip:
        signals.append(Signal("ip_host", WEIGHTS["ip_host"], "Link points to a bare IP address instead of a domain name",
                              {"ip": p.ip, "version": p.ip_version}, PHISH))
        extracted["registered_domain"] = p.ip
    else:
        sub, dom, suffix = registrable(host)
        extracted["registered_domain"] = f"{dom}.{suffix}" if suffix else dom
        official = reg.is_official(host)
        ip_named = _ip_in_name(sub)
        if ip_named is not None:
            # 'ip-132-148-145-99.ip.secureserver.net', 'ec2-3-4-5-6.compute.example': a name the hosting provider
            # gave a customer's machine; whatever runs there is the customer's, so its owner does not vouch for it
            official = None
            signals.append(Signal("ip_named_host", WEIGHTS["ip_named_host"],
                                  "Host name is a hosting provider's name for a customer's machine (it spells out "
                                  "an IP address)", {"ip": ip_named, "registered_domain": extracted["registered_domain"]},
                                  PHISH))

    hits, strict_hits = _list_hits(host, L) if not p.ip else ({}, {})
    if official is not None and any(k in strict_hits for k in ("free", "storage", "ddns")):
        # a provider's customer zone ('<name>.cloudapp.azure.com'): the customer chose the name, not the brand
        official = None
    user_content = hits.get("user")
    dom_display = dom
    if p.idn and dom.startswith("xn--"):
        n_sub = len(sub.split(".")) if sub else 0
        labels_u = p.host_unicode.split(".")
        dom_display = labels_u[n_sub] if len(labels_u) > n_sub else dom
    obfuscation = _obfuscation(p, dom_display)

    # An official domain vouches only for pages its owner wrote: not for an account's page on the brand's platform
    # (profile, post, group, app listing, chat link) nor for wherever an open redirect on it forwards to.
    withheld: list[Signal] = []
    official_target = [False]  # the query forwards to another official page: the query is not judged as a path
    if official is not None and user_content is None:
        withheld = _platform_page(p, official.name, hits) + _open_redirect(p, official.name, reg, _depth, extracted,
                                                                            budget, official_target)
    # an open redirect on an official host: the page the reader lands on is the target (scored in redirect_target);
    # the official host's own path and query are the brand's, so they are not judged again as an unknown site's
    redirected = any(s.code == "open_redirect" for s in withheld)
    if withheld:
        signals.extend(withheld)
    if official is not None and user_content is None and not withheld:
        extracted["official_brand"] = official.name
        signals.append(Signal("official_domain", WEIGHTS["official_domain"],
                              f"Official domain of {official.name}",
                              {"brand": official.name, "registered_domain": extracted["registered_domain"]}))
    else:
        if user_content is not None:
            signals.append(Signal("user_content_host", WEIGHTS["user_content_host"],
                                  "Page is hosted on a service where anyone can publish content",
                                  {"service": user_content}, PHISH))
            signals.extend(_user_content_page(p, L, hits))
        if not p.ip and not redirected:
            match = _host_signals(p, reg, L, signals, sub, dom, suffix, user_content is not None or bool(withheld),
                                  hits, strict_hits)
        if obfuscation:
            ev, pts = obfuscation
            signals.append(Signal("obfuscated_url", pts, "Link uses tricks to hide where it really goes",
                                  {"tricks": ev}, PHISH))
        if p.userinfo:
            ui_match = _brand_in_userinfo(p.userinfo, reg)
            if ui_match is not None and match is None:
                match = ui_match
                signals.append(Signal("brand_impersonation", BRAND_WEIGHTS["brand_in_userinfo"],
                                      f"Link shows {ui_match.brand.name}'s name before '@' but goes to {host}",
                                      ui_match.evidence(), BRAND))
        if not withheld:
            signals.extend(_redirector_page(p, reg, _depth, extracted, budget, app_link="applink" in hits))
        if not redirected:
            shortened = any(s.code == "url_shortener" for s in signals)
            pub = None
            n_before = len(signals)
            if "slug" in hits and p.path.strip("/"):
                _title_signals(p, reg, L, signals)
            else:
                pub = next((i for i, s in enumerate(signals) if s.code == "published_document_page"), None)
                own = _service_path_words(signals[pub].evidence["kind"]) if pub is not None else frozenset()
                _path_signals(p, reg, L, signals, match, shortened, dom, skip_query=official_target[0],
                              own_words=own)
            _weak_cue_signal(p, signals, dom, reg)
            if pub is not None:
                _published_doc_lure(signals, pub, n_before)
            learned = url_model_signal(url, shared_host=any(s.code in _SHARED_HOST_CODES for s in signals),
                                       contexts=_model_contexts(p, signals, "tracking" in hits))
            if learned is not None:
                signals.append(learned)

    if p.original_length > 200 or p.query.count("&") > 30:
        pts = 10 if (p.original_length > 500 or p.query.count("&") > 100) else 5
        signals.append(Signal("long_url", pts, "Unusually long link", {"length": p.original_length,
                                                                       "query_params": p.query.count("&") + (1 if p.query else 0)}))

    if domain_details:
        _domain_details_signals(domain_details, signals, now)
    if html_content:
        _html_signals(html_content, p, reg, official, signals)
    if redirect_chain:
        _redirect_signals(redirect_chain, p, reg, signals)

    if match is not None:
        extracted["imitated_brand"] = match.brand.name
        extracted["brand_technique"] = match.technique
    return _finish(signals, extracted, match)


_DIGIT_RE = re.compile(r"[0-9]")
_IP_IN_NAME_RE = re.compile(r"(?:^|[.\-])([0-9]{1,3})[-.]([0-9]{1,3})[-.]([0-9]{1,3})[-.]([0-9]{1,3})(?=$|[.\-])")


def _ip_in_name(sub: str) -> str | None:
    """The IPv4 address spelled out in the subdomain labels ('ip-1-2-3-4', '4-3-2-1.static', '1.2.3.4.rev'), else
    None. Bounded: only the last 253 characters are read."""
    if not sub or _DIGIT_RE.search(sub) is None:
        return None
    m = _IP_IN_NAME_RE.search(sub[-253:])
    if m is None or any(int(x) > 255 for x in m.groups()):
        return None
    return ".".join(m.groups())


def _platform_page(p: ParsedURL, brand: str, hits: dict[str, str]) -> list[Signal]:
    """A chat link on a messenger host, or any page but the front page of a platform where accounts publish."""
    msg = hits.get("messenger")
    if msg is not None:
        return [Signal("user_content_platform", WEIGHTS["user_content_platform"],
                       f"Messenger link on {msg}: it opens a chat, group or session set up by whoever made the link, "
                       f"so {brand}'s official domain does not vouch for it",
                       {"platform": msg, "kind": "messenger_link", "brand": brand}, PHISH)]
    plat = hits.get("platform")
    if plat is None:
        return []
    host = p.host[4:] if p.host.startswith("www.") else p.host[2:] if p.host.startswith("m.") else p.host
    if host == plat and p.path in ("", "/") and not p.query:
        return []  # the platform's own front page
    if _service_page(p, host, plat, _get_lists()):
        return []  # sign-in, OAuth consent, settings, help: pages no account can own
    return [Signal("user_content_platform", WEIGHTS["user_content_platform"],
                   f"User content on {plat}: a profile, post, group or listing made by an account there, "
                   f"so {brand}'s official domain does not vouch for it",
                   {"platform": plat, "kind": "user_page", "brand": brand}, PHISH)]


_API_VERSION_RE = re.compile(r"v[0-9]+(?:\.[0-9]+)?")


def _service_page(p: ParsedURL, host: str, plat: str, L: _Lists) -> bool:
    """A platform's own service page: a host label like 'developers.' / 'faq.' directly under the platform, or a
    first path segment (pair) that the platform reserves ('login', 'accounts/', 'dialog/oauth', 'settings').
    Share / compose dialogs are not: what they show was chosen by whoever made the link."""
    if host != plat:
        first = host[: -len(plat) - 1] if host.endswith("." + plat) else ""
        return "." not in first and first in L.service_subs
    low = p.path[:256].lower().rstrip("/")
    if not low or low in L.share_paths:
        return False
    segs = low.lstrip("/").split("/", 3)
    if len(segs) > 1 and _API_VERSION_RE.fullmatch(segs[0]):
        segs = segs[1:]
    return segs[0] in L.service_paths or "/".join(segs[:2]) in L.service_paths


_LINK_FORM_RE = re.compile(r"(?:(https?):)?/*", re.I)
_MAX_LINK_PARAMS = 4  # distinct forwarding addresses analysed per page (each may be a full analysis)
_QUERY_CAP = 4096  # = urlparse.MAX_PART_CHARS, the part of the query the parser keeps
_LINK_HINTS = ("/", "%2f", "%5c", "%25", "\\", "http", "ahr0c")  # lower case: a query without these carries no
# address ('aHR0c' is 'http' in base64)
_B64_LINK_RE = re.compile(r"(?:a1)?(aHR0c[A-Za-z0-9_\-+/]{8,2000}={0,2})")
# Google's AMP viewer shows (and links to) the page named in its path: google.com/amp/s/example.com/page
_AMP_PATH_RE = re.compile(r"/amp/(s/)?([a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63})+(?:[/?#].*)?)$", re.I | re.S)


def _as_link(val: str) -> str | None:
    """The absolute address a browser would go to for this parameter value, else None. Backslashes are read as
    slashes, and the forms browsers accept are normalised: 'https://x', '//x', '///x', 'https:///x', 'http:/x',
    'http:x'. A relative path ('/gp/cart') or a bare word is no address."""
    v = val.strip().replace("\\", "/")
    m = _LINK_FORM_RE.match(v)
    scheme, slashes = m.group(1), m.end() - (len(m.group(1)) + 1 if m.group(1) else 0)
    rest = v[m.end():]
    if not rest or rest[0] in "?#:@" or not (rest[0].isalnum() or rest[0] in "[%"):
        return None
    if scheme is None and slashes < 2:
        return None  # '/path' or 'word': relative to the page, stays on the site
    return f"{(scheme or 'http').lower()}://{rest}"


def _link_forms(val: str) -> tuple[list[str], bool]:
    """The addresses a query value can stand for: as written and after each of up to three rounds of percent-
    decoding (a browser or server may decode once more than the reader sees). Distinct, in that order; and whether
    the value is still percent-encoded after those rounds with an address-like remainder (not read to its end)."""
    out: list[str] = []
    cur = val
    for k in range(4):
        link = _as_link(cur)
        if link is not None and link not in out:
            out.append(link)
        if "%" not in cur:
            return out, False
        if k == 3:
            break
        nxt = unquote(cur)
        if nxt == cur:
            return out, False
        cur = nxt
    low = cur[:_QUERY_CAP].lower()
    return out, not out and any(h in low for h in (*_LINK_HINTS, "%3a"))


def _b64_link(val: str) -> str | None:
    """An absolute address written in base64 (Bing's click links carry 'u=a1aHR0cHM6Ly9...'), else None."""
    v = val.strip()[:2100]
    if "%" in v:
        v = unquote(v)  # padding written as '%3D'
    m = _B64_LINK_RE.fullmatch(v)
    if m is None:
        return None
    raw = m.group(1).rstrip("=")
    try:
        text = base64.urlsafe_b64decode(raw.replace("+", "-").replace("/", "_") + "=" * (-len(raw) % 4))
        text = text.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return _as_link(text) if text[:8].lower().startswith(("http://", "https://")) else None


_BARE_LINK_RE = re.compile(r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.){1,8}([a-z]{2,24}|xn--[a-z0-9\-]{1,59})"
                           r"(?:[:/?#].*)?", re.I | re.S)


# parameter names that carry the address on click-through pages (a scheme-less value counts only under these)
_LINK_PARAM_NAMES = frozenset({"q", "u", "url", "uri", "link", "to", "target", "dest", "destination", "redirect",
                               "redirect_url", "redirecturl", "redir", "goto", "go", "out", "href", "next",
                               "continue", "return", "returnurl", "return_url", "r", "l", "site", "away"})


def _bare_link(val: str) -> str | None:
    """A click-through page's value written without a scheme ('/url?q=example.com/login'): the servers behind such
    pages add 'http://' to a host name under a real TLD. Else None (a word, a file name, a relative path)."""
    v = unquote(val.strip()[:_QUERY_CAP]) if "%" in val else val.strip()[:_QUERY_CAP]
    m = _BARE_LINK_RE.fullmatch(v)
    if m is None or m.group(1).lower() not in known_tlds():
        return None
    return _as_link("https://" + v)  # scored without the no_tls point the writer never chose


def _path_link(p: ParsedURL) -> str | None:
    """The address an official host's path forwards to: Google's AMP viewer ('/amp/s/example.com/page'), read as
    a server reads it: in any case, with repeated leading slashes and percent-encoding ('/%61mp/', '%2F')."""
    path = p.path[:_QUERY_CAP]
    for _ in range(3):
        if "%" not in path:
            break
        path = unquote(path)
    path = "/" + path.lstrip("/")
    if not path[:5].lower() == "/amp/":
        return None
    m = _AMP_PATH_RE.match(path)
    if m is None:
        return None
    link = ("https://" if m.group(1) else "http://") + m.group(2)
    return link + ("?" + p.query if p.query else "")


def _redirect_params(p: ParsedURL, limit: int | None = None) -> tuple[list[tuple[str, str]], bool]:
    """Every (parameter, address) of the query whose value reads as an absolute address, in every form it can
    be read in (:func:`_link_forms`), de-duplicated; and whether the query was cut off (more than
    _MAX_QUERY_PARAMS parameters or _QUERY_CAP characters) with something address-like after the cut, so that
    not every forwarding address was seen. OAuth authorisation requests' redirect_uri is skipped (the platform
    only sends the reader to an address the app registered), as are share / compose dialogs (they show the
    address, the reader is not forwarded). ``limit``: stop after that many addresses (the caller reads no more);
    the query then counts as cut off when an address-like parameter follows."""
    path_link = _path_link(p)
    q = p.query
    bare_ok = bool(q) and _is_redirector_page(p)
    if path_link is not None:
        try:
            parse_url(path_link)
            return [("path", path_link)], False  # the AMP viewer's query belongs to the page it shows
        except InvalidInput:
            pass
    if not q:
        return [], False
    low = q[: _QUERY_CAP + 1].lower()
    if not bare_ok and not any(h in low for h in _LINK_HINTS):
        return [], False
    L = _get_lists()
    if p.path.lower().rstrip("/") in L.share_paths and _list_hits(p.host, L)[0].get("platform") is not None:
        return [], False  # a share / compose dialog, on the platform that shows it
    oauth = "client_id=" in low
    parts = q[:_QUERY_CAP].split("&", _MAX_QUERY_PARAMS)
    # the parser keeps the first _QUERY_CAP characters: a query that long may go on with anything
    truncated = len(q) >= _QUERY_CAP
    if len(parts) > _MAX_QUERY_PARAMS:
        rest = parts[_MAX_QUERY_PARAMS].lower()
        truncated = truncated or any(h in rest for h in _LINK_HINTS)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for k, part in enumerate(parts[:_MAX_QUERY_PARAMS]):
        name, eq, val = part.partition("=")
        if not eq or len(val) < 4 or (oauth and name.lower() == "redirect_uri"):
            continue
        if limit is not None and len(out) >= limit:
            # the addresses the caller reads are found: what follows is only looked at for being address-like
            for more in parts[k:_MAX_QUERY_PARAMS]:
                m_name, m_eq, m_val = more.partition("=")
                low_val = m_val[:_QUERY_CAP].lower()
                if m_eq and len(m_val) >= 4 and (any(h in low_val for h in _LINK_HINTS) or (
                        bare_ok and m_name.lower() in _LINK_PARAM_NAMES)):
                    truncated = True
                    break
            break
        forms, undecoded = _link_forms(val)
        truncated = truncated or undecoded
        if not forms:
            b64 = _b64_link(val)
            if b64 is None and bare_ok and name.lower() in _LINK_PARAM_NAMES:
                b64 = _bare_link(val)
            if b64 is not None:
                forms = [b64]
        hosts: set[str] = set()
        for target in forms:
            if target in seen:
                continue
            try:
                tp = parse_url(target)
            except InvalidInput:
                continue
            seen.add(target)
            if tp.host in hosts:
                continue  # a further decoding to the same host: its own query is read when that page is analysed
            hosts.add(tp.host)
            out.append((name[:40], target))
    return out, truncated


def _redirect_param(p: ParsedURL) -> tuple[str, str] | None:
    """(parameter, address) of the first query value that reads as an absolute address (see _redirect_params)."""
    found, _ = _redirect_params(p)
    return found[0] if found else None


# forwarding addresses analysed in all, over every level of one analysis: the first ones are read (a click-through
# page's third address after two harmless ones; an app link's page behind each of the first two click-through
# targets), what is left is redirect_chain_too_deep. No dev, training or hold-out URL uses more than 2; 24 let a
# hostile query make one analysis cost 24 others (r6 review F9: vk.com/away.php with 40 app-link targets 8.6 ms)
_MAX_FOLLOWED = 4


def _follow(found: list[tuple[str, str]], reg: BrandRegistry, depth: int, budget: list[int]
            ) -> tuple[list[tuple[str, Assessment]], bool]:
    """Analyse each (parameter, address) one level deeper while the shared budget lasts. The assessments, and
    whether an address was left unread (budget spent, or the chain is already MAX_REDIRECT_DEPTH deep)."""
    out: list[tuple[str, Assessment]] = []
    for i, (name, target) in enumerate(found):
        if budget[0] <= 0 or depth >= MAX_REDIRECT_DEPTH + 1:
            return out, True
        budget[0] -= 1
        try:
            out.append((name, analyze_url(target, registry=reg, _depth=depth + 1, _budget=budget)))
        except InvalidInput:
            continue
    return out, False


def _too_deep(where: str, depth: int) -> Signal:
    return Signal("redirect_chain_too_deep", WEIGHTS["redirect_chain_too_deep"],
                  f"Link hides where it ends behind more forwarding steps than are read ({where}); what was not "
                  f"read cannot be vouched for", {"depth": depth + 1, "host": where[:100]}, PHISH)


def _chain_unread(ta: Assessment) -> bool:
    return any(s.code == "redirect_chain_too_deep" for s in ta.signals)


def _redirect_pair(message: str, evidence: dict[str, Any], ta: Assessment, extracted: dict[str, Any],
                   redirect_pts: float) -> list[Signal]:
    """The open_redirect signal (message, evidence, points) and the target's own score as redirect_target."""
    t_host = ta.extracted.get("host") or ""
    extracted["redirect_target"] = ta.extracted.get("redirect_target") or ta.extracted.get("url")
    out = [Signal("open_redirect", redirect_pts, message, evidence, PHISH)]
    score = ta.risk_score
    if score > 0:
        codes = [s.code for s in sorted(ta.signals, key=lambda s: -s.weight) if s.weight > 0][:6]
        types = ta.detected_fraud_types
        out.append(Signal("redirect_target", score, f"The site it forwards to ({t_host}) scores {score} on its own",
                          {"target_host": t_host, "target_score": score, "target_signals": codes},
                          types[0] if types else PHISH))
    return out


_MAX_UNWRAP = 16


def _unwrap(target: str, reg: BrandRegistry, host_official: Any) -> str:
    """Follow a chain of redirectors by string work alone: while the address is on an official host or a
    click-through page and its query forwards elsewhere, step to the forwarded address (non-official hosts first);
    at most _MAX_UNWRAP hops. The address the chain ends at."""
    for _ in range(_MAX_UNWRAP):
        try:
            tp = parse_url(target)
        except InvalidInput:
            break
        if tp.ip or (reg.is_official(tp.host) is None and not (tp.query and _is_redirector_page(tp))):
            break
        found, _ = _redirect_params(tp)
        if not found:
            break
        target = min(found, key=lambda c: host_official(c[1]))[1]
    return target


def _host_official(t: str, reg: BrandRegistry) -> bool:
    try:
        tp = parse_url(t)
    except InvalidInput:
        return False
    return not tp.ip and reg.is_official(tp.host) is not None


def _oauth_targets(p: ParsedURL) -> list[tuple[str, str]]:
    """Every address an OAuth authorisation request's redirect_uri values stand for (all values, every form)."""
    q = p.query[:_QUERY_CAP]
    low = q.lower()
    if "client_id=" not in low or "redirect_uri=" not in low:
        return []
    out: list[tuple[str, str]] = []
    for part in q.split("&", _MAX_QUERY_PARAMS)[:_MAX_QUERY_PARAMS]:
        name, eq, val = part.partition("=")
        if name.lower() != "redirect_uri" or not eq:
            continue
        forms, _ = _link_forms(val)
        for target in forms:
            if all(target != t for _, t in out):
                out.append(("redirect_uri", target))
    return out


def _open_redirect(p: ParsedURL, brand: str, reg: BrandRegistry, depth: int, extracted: dict[str, Any],
                   budget: list[int], official_target: list[bool] | None = None) -> list[Signal]:
    """An official host whose query forwards to an address that is not itself an official page: withhold the
    official offset, say where it goes, and add the target's own score. Every address-valued parameter counts (in
    every form it can be read in): addresses on hosts that are not official are looked at first, the riskiest of
    them is reported. An OAuth request's redirect_uri is an address the app registered, so it is no open redirect
    -- but anyone can register an app: when it scores OAUTH_TARGET_HIGH alone, the official host does not vouch for
    it either. A query cut off before its end, an address left unread (the shared budget spent, or the chain
    deeper than MAX_REDIRECT_DEPTH) withholds the offset too: what was not read cannot be vouched for."""
    found, truncated = _redirect_params(p)
    oauth = _oauth_targets(p)
    if not found and not truncated and not oauth:
        return []

    def host_official(t: str) -> bool:
        return _host_official(t, reg)

    ordered = sorted(found, key=lambda c: host_official(c[1]))  # stable: non-official hosts first
    if depth == MAX_REDIRECT_DEPTH:
        # deep chains of official redirectors: the remaining hops are unwrapped by reading their queries only
        # (no analysis), and the last address is analysed once
        ordered = [(name, _unwrap(target, reg, host_official)) for name, target in ordered[:1]]
    read, unread = _follow(ordered[:_MAX_LINK_PARAMS], reg, depth, budget)
    o_read, o_unread = _follow(sorted(oauth, key=lambda c: host_official(c[1])), reg, depth, budget)
    unread = unread or o_unread or len(ordered) > _MAX_LINK_PARAMS
    deep = (depth > MAX_REDIRECT_DEPTH and bool(found or oauth)) or any(_chain_unread(ta) for _, ta in read + o_read)
    best: tuple[str, Assessment] | None = None
    for name, ta in read:
        if any(s.code == "official_domain" for s in ta.signals):
            continue
        if best is None or ta.risk_score > best[1].risk_score:
            best = (name, ta)
    o_best: Assessment | None = None
    o_high = OAUTH_TARGET_BROAD if oauth and _broad_oauth_scope(p) else OAUTH_TARGET_HIGH
    for _, ta in o_read:
        if ta.risk_score >= o_high and not any(s.code == "official_domain" for s in ta.signals) and (
                o_best is None or ta.risk_score > o_best.risk_score):
            o_best = ta
    out: list[Signal] = []
    if o_best is not None and (best is None or o_best.risk_score >= best[1].risk_score):
        t_host = o_best.extracted.get("host") or ""
        out = _redirect_pair(f"Sign-in on {brand}'s site returns the reader to {t_host}, an app's registered address "
                             f"that scores {o_best.risk_score} on its own; the official domain does not vouch for it",
                             {"brand": brand, "parameter": "redirect_uri", "target_host": t_host,
                              "final_host": t_host, "depth": depth + 1, "oauth": True},
                             o_best, extracted, WEIGHTS["open_redirect"])
    elif best is not None:
        name, ta = best
        t_host = ta.extracted.get("host") or ""
        # a chain of redirects on official hosts: name the host it finally reaches (as far as it was followed)
        inner = next((s for s in ta.signals if s.code == "open_redirect"), None)
        final = (inner.evidence.get("final_host") or inner.evidence.get("target_host") or t_host) \
            if inner is not None else t_host
        # the redirect itself costs points only when the target has warning signs of its own (rules, not the
        # learned model's guess about an unknown name): a link through google.com/url to an ordinary site is that
        # site's score
        rule_pts = sum(s.weight for s in ta.signals if s.weight > 0 and s.code != "ml_url")
        out = _redirect_pair(f"Link on {brand}'s site forwards to another site ({final}) named in its '{name}' "
                             f"parameter; the official domain does not vouch for where it ends",
                             {"brand": brand, "parameter": name, "target_host": t_host, "final_host": final,
                              "depth": depth + 1}, ta, extracted, WEIGHTS["open_redirect"] if rule_pts >= 10 else 0)
    if deep:
        out.append(_too_deep(p.host, depth))
    elif not out and (unread or truncated):
        out.append(Signal("open_redirect", 0,
                          f"Link on {brand}'s site carries more forwarding addresses than were checked, so the "
                          f"official domain does not vouch for where it ends",
                          {"brand": brand, "parameter": None, "target_host": None, "final_host": None,
                           "unchecked": True, "depth": depth + 1}, PHISH))
    if not out and official_target is not None and found:
        official_target[0] = True  # forwards to official pages only (a login 'continue=' to the brand's service)
    return out


# words of a site's own "you are leaving" / click-through page (a path segment, extension dropped)
_REDIRECTOR_PAGES = frozenset({"away", "redirect", "redir", "redirector", "redirection", "out", "outbound",
                               "outgoing", "go", "goto", "exit", "leave", "leaving", "jump", "click", "external",
                               "externallink", "forward", "link", "url", "r", "l", "visit", "navigate"})
_REDIRECTOR_FILLERS = frozenset({"to", "page", "link", "url", "external", "ext"})
_REDIRECTOR_TARGET_HIGH = 50
_REDIRECTOR_TARGET_RULES = 30  # ... with this many rule points besides the learned model and plain http
_SEG_SPLIT_RE = re.compile(r"[-_]")


def _redirector_segment(seg: str) -> bool:
    """'away.php', 'redirect', 'redirect-to', 'external_link', 'out.aspx': a segment made only of redirector
    words (at most three), at least one of them a redirector word proper."""
    toks = [t for t in _SEG_SPLIT_RE.split(seg.lower().split(".", 1)[0]) if t]
    return 0 < len(toks) <= 3 and toks[0] in _REDIRECTOR_PAGES and all(
        t in _REDIRECTOR_PAGES or t in _REDIRECTOR_FILLERS for t in toks[1:])


def _is_redirector_page(p: ParsedURL) -> bool:
    """The last path segment is a click-through page's name ('/away.php', '/outgoing', '/redirect-to'), or the
    one before it when the last is a plain number or a target id ('/redirect/123')."""
    segs = [x for x in p.path[:512].split("/") if x][-2:]
    if not segs or segs[-1].lower().endswith(_STATIC_EXT):
        return False
    if _redirector_segment(segs[-1]):
        return True
    return len(segs) == 2 and segs[-1].isalnum() and any(c.isdigit() for c in segs[-1]) and len(segs[-1]) <= 24 \
        and _redirector_segment(segs[0])


def _redirector_page(p: ParsedURL, reg: BrandRegistry, depth: int, extracted: dict[str, Any],
                     budget: list[int], *, app_link: bool = False) -> list[Signal]:
    """A click-through page of a site that is not on the brand lists ('vk.com/away.php?to=...', '/redirect?url=',
    a hacked site's 'go.php?u='): where it sends the reader counts when that address scores high on its own, with
    rule evidence besides the learned model's guess (open_redirect 15 + redirect_target). Other targets add nothing:
    many sites count outgoing clicks this way. Addresses are analysed while the shared budget lasts; one left
    unread (past MAX_REDIRECT_DEPTH or the budget spent; or a target that itself hid one) is
    redirect_chain_too_deep. ``app_link``: the host is a mobile-attribution redirector (url_lists app_link_hosts),
    whose query names the web page it forwards to ('af_web_dp=', '$fallback_url=', 'adj_redirect='), whatever its
    path is called."""
    if not p.query or not (app_link or _is_redirector_page(p)):
        return []
    found, cut = _redirect_params(p, limit=_MAX_LINK_PARAMS)
    if not found:
        return []
    if depth == MAX_REDIRECT_DEPTH:
        # the last level analysed: further click-through pages are unwrapped by reading their queries only
        found = [(name, _unwrap(t, reg, lambda x: _host_official(x, reg))) for name, t in found]
    read, unread = _follow(found[:_MAX_LINK_PARAMS], reg, depth, budget)
    unread = unread or (cut and len(found) >= _MAX_LINK_PARAMS)
    best: tuple[str, Assessment] | None = None
    for name, ta in read:
        rule_pts = sum(x.weight for x in ta.signals if x.weight > 0 and x.code not in ("ml_url", "no_tls"))
        if ta.risk_score >= _REDIRECTOR_TARGET_HIGH and rule_pts >= _REDIRECTOR_TARGET_RULES and (
                best is None or ta.risk_score > best[1].risk_score):
            best = (name, ta)
    out: list[Signal] = []
    if best is not None:
        name, ta = best
        t_host = ta.extracted.get("host") or ""
        out = _redirect_pair(f"Link goes through a click-through page of {p.host[:100]} that forwards to {t_host} "
                             f"(its '{name}' parameter)",
                             {"brand": None, "parameter": name, "target_host": t_host, "final_host": t_host,
                              "depth": depth + 1}, ta, extracted, WEIGHTS["open_redirect"])
    if unread or any(_chain_unread(ta) for _, ta in read):
        out.append(_too_deep(p.host, depth))
    return out


OAUTH_TARGET_HIGH = 50  # an OAuth app's registered return address that scores this much alone is not vouched for
# ... or this much when the app asks to read or send the reader's mail or files (consent phishing: the app, not a
# password, is what the page is after)
OAUTH_TARGET_BROAD = 30
_BROAD_SCOPE_RE = re.compile(r"mail\.google\.com|auth/gmail|auth/drive(?![.\w]*readonly\.metadata)|\bmail\.(?:read|send)"
                             r"|\bfiles\.read|mailboxsettings|full_access_as_user|ews\.accessasuser|\.default\b",
                             re.I)


def _broad_oauth_scope(p: ParsedURL) -> bool:
    """The authorisation request's scope asks for the reader's mailbox or files (Gmail, Drive, Microsoft Graph
    Mail.* / Files.*, EWS, '.default')."""
    q = p.query[:_QUERY_CAP]
    for part in q.split("&", _MAX_QUERY_PARAMS)[:_MAX_QUERY_PARAMS]:
        name, eq, val = part.partition("=")
        if eq and name.lower() == "scope" and _BROAD_SCOPE_RE.search(unquote(unquote(val[:1024]))):
            return True
    return False


def _host_signals(p: ParsedURL, reg: BrandRegistry, L: _Lists, signals: list[Signal], sub: str, dom: str,
                  suffix: str, user_content: bool, hits: dict[str, str], strict_hits: dict[str, str]
                  ) -> BrandMatch | None:
    host = p.host
    reg_domain = f"{dom}.{suffix}" if suffix else dom
    applink = hits.get("applink")
    short = hits.get("short") or applink
    if short:
        has_path = len(p.path.strip("/")) > 0
        ev: dict[str, Any] = {"shortener": short}
        if applink and not hits.get("short"):
            ev["kind"] = "app_link"
        signals.append(Signal("url_shortener", WEIGHTS["url_shortener"] if has_path else WEIGHTS["url_shortener_root"],
                              "Shortened link hides the real destination", ev, PHISH))
        abused = hits.get("abused")
        if abused and has_path:
            # no account stands behind these codes (or a QR sticker's code): the link says nothing about its sender
            signals.append(Signal("anonymous_short_link", WEIGHTS["anonymous_short_link"],
                                  "Short link made with an anonymous shortener or a QR-code service, where anyone "
                                  "makes links without an account", {"shortener": abused}, PHISH))
    free = None if user_content else strict_hits.get("free")
    if free is None and not user_content and sub and dom in L.free_label:
        free = reg_domain
    if free is None and not user_content and host in L.free_hosting and "." in host.split(".", 1)[1] and not short:
        # path-hosted services (storage.googleapis.com/bucket/...)
        if _suffix_member(host, L.path_hosted, strict=False) == host:
            free = host
    if free:
        signals.append(Signal("free_hosting", WEIGHTS["free_hosting"],
                              "Hosted on a free web-hosting service often used for phishing", {"service": free}, PHISH))
    storage = hits.get("storage") or _storage_zone(host, L)
    low_path = p.path[:1024].lower()
    if storage is None and "/ipfs/" in low_path and not low_path.endswith(_STATIC_EXT) and _IPFS_CID_RE.search(
            p.path[:1024]):
        storage = "ipfs gateway"  # any IPFS gateway (pinata, 4everland, self-hosted): the content has no owner
    if storage and (low_path.endswith((".html", ".htm", ".php", ".shtml")) or "/ipfs/" in low_path
                    or host.endswith((".ipfs.dweb.link", ".ipfs.w3s.link"))):
        signals.append(Signal("hosted_page_on_storage", WEIGHTS["hosted_page_on_storage"],
                              "A web page served from a file-storage bucket", {"service": storage}, PHISH))
        if not free and not user_content and ("/ipfs/" in low_path or "/ipns/" in low_path):
            # a gateway serving IPFS content under its path (ipfs.io/ipfs/<cid>/...): nobody answers for that content,
            # as on a free host's subdomain
            free = storage
            signals.append(Signal("free_hosting", WEIGHTS["free_hosting"],
                                  "Page served through an IPFS gateway: anyone can publish there, nobody can take "
                                  "it down", {"service": storage, "kind": "ipfs_path"}, PHISH))
    ddns = strict_hits.get("ddns")
    if ddns:
        signals.append(Signal("dynamic_dns", WEIGHTS["dynamic_dns"], "Uses a dynamic-DNS host name",
                              {"service": ddns}, PHISH))
    if sub and "-" in host and not user_content and not storage:
        labels = host.split(".")
        for i in range(1, len(labels) - 1):
            if _SPOOF_LABEL_RE.match(labels[i]) and labels[i - 1] not in ("www", "m", "") and suffix != "arpa":
                looks = f"{labels[i - 1]}.{labels[i].split('-', 1)[0]}"
                signals.append(Signal("domain_name_spoof", WEIGHTS["domain_name_spoof"],
                                      f"Address starts like '{looks}' but the real domain is {reg_domain}",
                                      {"looks_like": looks, "registered_domain": reg_domain}, PHISH))
                break
    tld = suffix.rsplit(".", 1)[-1] if suffix else ""
    # the TLD of a hosting service (notion.site, canva.site) was chosen by the service, not by this page's author
    tld_pts = L.risky_tlds.get(tld, 0) if not (free or short or user_content) else 0
    if tld_pts:
        signals.append(Signal("risky_tld", tld_pts, f"Top-level domain .{tld} is heavily used for abuse",
                              {"tld": tld}, PHISH))
        code = _short_code_path(p) if tld_pts >= 15 else None
        if code is not None:
            signals.append(Signal("short_code_path", WEIGHTS["short_code_path"],
                                  f"The whole path is a short code ('/{code}') on a heavily abused top-level domain: the "
                                  f"shape of text-message phishing links", {"path": code, "tld": tld}, PHISH))
    sub_labels = [x for x in sub.split(".") if x and x != "www"] if sub else []
    if len(sub_labels) >= 4 and not free:
        pts = WEIGHTS["deep_subdomain"] + (5 if len(sub_labels) >= 6 else 0)
        signals.append(Signal("deep_subdomain", pts, "Many nested subdomains", {"subdomain_levels": len(sub_labels)},
                              PHISH))

    tenant = _tenant_label(host, L)
    if tenant is None and applink and host != applink:
        first = host[: -len(applink) - 1]
        if "." not in first and _TENANT_RE.fullmatch(first):
            tenant = first  # 'swiggy.app.link': the app's own link domain, named by its owner
    match = None if reg.is_restricted_suffix(suffix) or tenant else reg.match_host(host)
    spoof = next((x for x in signals if x.code == "domain_name_spoof"), None)
    if spoof is not None:
        # 'boots.com-verify.top': the brand is the one whose address the name starts with, whatever the rest
        # of the registered label resembles
        spoofed = reg.is_official(spoof.evidence["looks_like"])
        if spoofed is not None and (match is None or match.brand is not spoofed):
            match = BrandMatch(spoofed, "brand_domain_in_subdomain", 0.85, host[:100], spoof.evidence["looks_like"],
                               "subdomain")
    if match is not None and storage and match.technique == "brand_domain_in_subdomain" and low_path.endswith(
            _STATIC_EXT):
        # a storage bucket named after the owner's domain serving an image or a stylesheet: a CDN origin, not a page
        # that could imitate anyone (a web page there keeps the match)
        match = None
    if match is not None and match.technique == "brand_in_subdomain" and _brand_own_account(host, match, reg, L) \
            and not _money_sign_in_page(match, p.path):
        # 'google.github.io': on a pages host the first label is the account's name, and an account named exactly
        # as the brand is the brand's own (the code host enforces trademarks on account names); a look-alike
        # account ('google-login', 'paypalverify') keeps the match. The path's own words are still judged.
        match = None
    if match is not None:
        tech = match.technique
        pts = BRAND_WEIGHTS.get(tech, 30)
        if match.where == "subdomain" and tech not in ("brand_domain_in_subdomain", "brand_in_subdomain"):
            pts -= 10
        if tech == "brand_with_lure" and len(match.lure_words) > 1:
            pts += 5
        if tech in ("brand_in_subdomain", "brand_compound") and match.where == "subdomain" and match.lure_words:
            pts += 15
        ev = match.evidence()
        if tech in _TYPO_TECHNIQUES and match.distance == 1 and len(match.target) >= LONG_TYPO_MIN_LEN:
            pts += LONG_TYPO_POINTS
            ev["long_name_typo"] = True
        elif tech in ("brand_compound", "brand_with_lure") and match.where == "domain" and _government_two_names(
                dom, match, reg):
            pts += GOV_TWO_NAMES_POINTS
            ev["government_names"] = True
        code = "brand_in_subdomain" if match.where == "subdomain" else "brand_impersonation"
        signals.append(Signal(code, pts, _brand_message(match), ev, BRAND))
        if tech == "homograph":
            signals.append(Signal("homograph", WEIGHTS["homograph_with_brand"],
                                  "Uses look-alike characters from another alphabet",
                                  {"host_unicode": p.host_unicode, "skeleton": match.extra.get("skeleton")}, BRAND))
    elif p.idn:
        _idn_signals(p, signals)

    if sub and not user_content and not free and not storage and not any(
            x.code == "domain_name_spoof" for x in signals) and (
            match is None or match.technique != "brand_domain_in_subdomain"):
        # a whole registrable-looking name inside the subdomain: 'corporateimagegroup.com.glenfield.com.my' (a brand's
        # own address there is brand_domain_in_subdomain already)
        labels = sub.split(".")[-8:]
        for i in range(1, len(labels)):
            if labels[i] in _SPOOF_TLD_LABELS and labels[i - 1] not in ("www", "m", "") and len(labels[i - 1]) >= 3:
                looks = f"{labels[i - 1]}.{labels[i]}"
                signals.append(Signal("domain_name_spoof", WEIGHTS["domain_name_spoof"],
                                      f"Address starts like '{looks}' but the real domain is {reg_domain}",
                                      {"looks_like": looks, "registered_domain": reg_domain}, PHISH))
                break
    # lure words in the host (brand tokens excluded)
    words = _host_lure_words(sub, dom, reg, L, match)
    if words:
        pts = PHISHING_WORD_POINTS[min(len(words), len(PHISHING_WORD_POINTS) - 1)]
        signals.append(Signal("phishing_words", pts, "Domain name is built from phishing words",
                              {"words": words}, PHISH))
    return match


_TENANT_RE = re.compile(r"[a-z0-9]{1,63}")


def _government_two_names(dom: str, match: BrandMatch, reg: BrandRegistry) -> bool:
    """True when the registered label ``dom`` holds two different names of ``match``'s brand, a government body
    whose official domains all lie under government suffixes ('myaadhaar-uidai', 'parivahan-echallan')."""
    b = match.brand
    if not b.category.startswith("government") or not b.domains or not all(
            reg.is_restricted_suffix(registrable(d)[2]) for d in b.domains):
        return False
    parts = [t for t in dom.split("-") if t]
    names: set[str] = set()
    for t in parts:
        if reg.token_brand(t) is b:
            names.add(t)
        elif 6 <= len(t) <= 40:
            seg = reg.segment(t)
            if seg:
                names.update(w for w in seg if reg.token_brand(w) is b)
    return len(names) >= 2


def _brand_own_account(host: str, match: BrandMatch, reg: BrandRegistry, L: _Lists) -> bool:
    """True when ``host`` is '<account>.<pages host>' (url_lists account_namespace_hosts: github.io, gitlab.io) and
    the account name is exactly one of the matched brand's keywords ('microsoft.github.io'), not a longer name
    containing it ('microsoft-support.github.io')."""
    first, _, parent = host.partition(".")
    if parent not in L.account_hosts or not first or match.matched != first:
        return False
    if first in match.brand.keywords:
        return True
    return "-" not in first and reg.token_brand(first) is match.brand


# Banks, payment apps, brokers, insurers and exchanges publish docs and SDKs on GitHub Pages, never a sign-in page: a
# sign-in / KYC / wallet page on their own-named pages account ('hdfcbank.github.io/login.html') keeps the brand match.
_MONEY_CATEGORIES = frozenset({"bank_global", "bank_in", "payment_app", "payment_global", "payments_bank_in",
                               "fintech_in", "fintech_global", "crypto", "broker_in", "insurer_in"})
_SIGN_IN_PATH_RE = re.compile(r"log-?in|log-?on|sign-?in|verif|kyc|netbank|ebank|secure|wallet|passw|otp|cvv|"
                              r"credential|unlock|unblock|update|account|auth")


def _money_sign_in_page(match: BrandMatch, path: str) -> bool:
    """A money brand's sign-in / account page (path words) -- never on its code host's pages account."""
    return match.brand.category in _MONEY_CATEGORIES and bool(_SIGN_IN_PATH_RE.search(path.lower()))


def _tenant_label(host: str, L: _Lists) -> str | None:
    """The organisation's tenant name when ``host`` is '<tenant>[-<service>].<tenant host>' (url_lists tenant_hosts:
    'wipro365-my.sharepoint.com' is Wipro365's OneDrive; '-my' is the service's fixed suffix, not a lure word).
    Tenant names are letters and digits chosen at sign-up, so another hyphenated label is no tenant. Else None."""
    first, _, parent = host.partition(".")
    allowed = L.tenant_hosts.get(parent)
    if allowed is None:
        return None
    name, sep, service = first.partition("-")
    if not _TENANT_RE.fullmatch(name) or (sep and service not in allowed):
        return None
    return name


# two-letter language folders of ordinary multilingual sites ('/en', '/de'): no code
_LANGUAGE_SEGMENTS = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr", "ar", "zh", "ja", "ko",
                                "hi", "id", "vi", "th", "sv", "da", "fi", "no", "cs", "el", "he", "uk", "ro", "hu"})
_CODE_SEG_RE = re.compile(r"[A-Za-z0-9]{1,8}")


def _short_code_path(p: ParsedURL) -> str | None:
    """The path when it is nothing but a short code: one segment of at most four letters or digits, or such a segment
    and one more of at most eight ('/i', '/us', '/pay', '/r/7Hq', '/u/'), not a language folder. Else None."""
    path = p.path[:32].strip("/")
    if not path or len(path) > 13:
        return None
    segs = path.split("/")
    if len(segs) > 2 or len(segs[0]) > 4 or not all(_CODE_SEG_RE.fullmatch(x) for x in segs):
        return None
    if segs[0].lower() in _LANGUAGE_SEGMENTS and len(segs) == 1:
        return None
    return path


def _user_content_page(p: ParsedURL, L: _Lists, hits: dict[str, str]) -> list[Signal]:
    """On a user-content host: a page published without any account (Telegraph), and a document published to the web
    as a bare page (Google Drawings, published Slides / Docs -- landing pages with one link to press)."""
    out: list[Signal] = []
    has_path = bool(p.path.strip("/"))
    anon = hits.get("anon")
    if anon and has_path:
        out.append(Signal("anonymous_page", WEIGHTS["anonymous_page"],
                          f"Page on {anon}, where anyone publishes without an account", {"service": anon}, PHISH))
    if L.published_docs and has_path:
        where = p.host + p.path[:64].lower()
        kind = next((x for x in L.published_docs if where.startswith(x)), None)
        if kind is not None:
            out.append(Signal("published_document_page", WEIGHTS["published_document_page"],
                              "A drawing, slide deck or document published as a bare web page (also how phishing "
                              "pages show one button that leads elsewhere)", {"service": p.host, "kind": kind},
                              PHISH))
    return out


def _service_path_words(prefix: str) -> frozenset[str]:
    """The words of a published-document prefix's path ('docs.google.com/document/d/e/' -> document, d, e)."""
    return frozenset(_TOKEN_RE.findall(prefix.partition("/")[2].lower()))


# what makes a published document the phishing landing page: a brand or a lure word in its own address
_PUBLISHED_DOC_LURE_CODES = frozenset({"suspicious_path", "brand_in_path", "brand_impersonation", "email_in_link"})


def _published_doc_lure(signals: list[Signal], pub: int, start: int) -> None:
    """Raise signals[pub] (published_document_page) to PUBLISHED_DOC_LURE_POINTS when the path cues added from
    ``start`` on name a brand or a lure word (the service's own path words are not counted, see _path_signals)."""
    why = [s.code for s in signals[start:] if s.code in _PUBLISHED_DOC_LURE_CODES and s.weight > 0]
    if not why:
        return
    old = signals[pub]
    signals[pub] = Signal(old.code, PUBLISHED_DOC_LURE_POINTS,
                          "A document published as a bare web page whose address names a brand or a lure word: "
                          "phishing pages use them to show one button that leads elsewhere",
                          {**old.evidence, "with": why}, old.fraud_type)


# a title page's address ends in its date ('-11-03', '-11-03-2') on Telegraph, in a hex page id on notion.site
_TITLE_TAIL_RE = re.compile(r"-(?:[0-9]{2}-[0-9]{2}(?:-[0-9]{1,4})?|[0-9a-f]{12,32})$")
_TITLE_SPLIT_RE = re.compile(r"[-_+.\s]+")


def _title_signals(p: ParsedURL, reg: BrandRegistry, L: _Lists, signals: list[Signal]) -> None:
    """The page address on a title-slug host (url_lists title_slug_hosts) is the title its author typed: lure words
    there count as in a shortener's custom slug (courier and tax words included), and a brand named in it is a page
    dressed as the brand's. (Not skipped as prose: the title is the lure.)"""
    seg = p.path[:256].strip("/").split("/", 1)[0]
    if "%" in seg:
        seg = unquote(seg)
    raw = _TITLE_TAIL_RE.sub("", seg)
    toks = [t.lower() for t in _TITLE_SPLIT_RE.split(raw)[:40] if t]
    if not toks:
        return
    capitals = {t.lower() for t in _TITLE_SPLIT_RE.split(raw)[:40] if len(t) == 3 and t.isupper()}
    words = set(toks) & L.slug_words
    for t in toks[:12]:
        if 6 <= len(t) <= 40 and t not in words:
            parts = reg.segment(t)
            if parts:
                words |= set(parts) & L.slug_words
    if words:
        pts = PATH_WORD_POINTS[min(len(words), len(PATH_WORD_POINTS) - 1)] + 10
        signals.append(Signal("suspicious_path", pts, "Page title asks for a login, verification, payment or delivery "
                              "step", {"words": sorted(words)[:10], "where": "page_title"}, PHISH))
    brands: list[str] = []
    for t in dict.fromkeys(toks):
        # (a three-letter name only in capitals, as brands write it: 'DHL', 'SBI'; 'ups' in a title is a word)
        b = reg.token_brand(t) if len(t) >= 4 or t in capitals else None
        if b is None and len(t) >= 6 and t[-1].isdigit():
            base = _DIGIT_TAIL_RE.sub("", t)
            b = reg.token_brand(base) if len(base) >= 5 else None
        if b is not None and b.name not in brands:
            brands.append(b.name)
    if brands:
        signals.append(Signal("brand_in_path", WEIGHTS["brand_in_path_page"],
                              f"Page title names {brands[0]} on a page anyone could publish",
                              {"brands": brands[:5], "with": ["page_title"]}, BRAND))


def _storage_zone(host: str, L: _Lists) -> str | None:
    """The PSL private-section suffix ``host`` is under when it is a regional / dual-stack endpoint of a storage
    service on the lists ('s3-ap-south-1.amazonaws.com' for 's3.amazonaws.com'), else None."""
    if not host.endswith(L.storage_provider_ends):
        return None  # (the suffix-list look-up only for hosts of a storage provider)
    priv = private_suffix(host)
    if not priv or "." not in priv:
        return None
    first = priv.split(".", 1)[0]
    for stem, provider in L.storage_stems:
        if priv.endswith("." + provider) and (first == stem or first.startswith(stem + "-")):
            return priv
    return None


def _idn_signals(p: ParsedURL, signals: list[Signal]) -> None:
    for label in p.host_unicode.split("."):
        if label.isascii():
            continue
        if is_mixed_script(label):
            signals.append(Signal("homograph", WEIGHTS["homograph_mixed_script"],
                                  "Domain mixes letters from different alphabets", {"label": label,
                                                                                    "scripts": sorted(scripts_of(label))},
                                  PHISH))
            return
        key = match_key(label)
        if key.isascii() and "LATIN" in scripts_of(label) | {"LATIN"} and not label.isascii():
            scripts = scripts_of(label)
            if scripts and scripts != {"LATIN"} or any(ord(c) > 0x24F for c in label):
                signals.append(Signal("homograph", WEIGHTS["homograph_confusable"],
                                      "Domain is written with characters that look like Latin letters",
                                      {"label": label, "looks_like": key}, PHISH))
                return


def _host_lure_words(sub: str, dom: str, reg: BrandRegistry, L: _Lists, match: BrandMatch | None) -> list[str]:
    found: dict[str, None] = {}
    labels = [dom] + ([x for x in sub.split(".")[-8:] if x and x != "www"] if sub else [])
    for lab in labels:
        for tok in lab.split("-")[:16]:
            if not tok:
                continue
            if tok in L.strong_lures:
                found.setdefault(tok, None)
            elif len(tok) >= 7 and reg.token_brand(tok) is None:
                seg = reg.segment(tok)
                if seg and len(seg) > 1:
                    lw = [w for w in seg if w in L.strong_lures]
                    # only when the whole token is made of known words (brand or lure), e.g. "secureloginverify"
                    if lw:
                        for w in lw:
                            found.setdefault(w, None)
                elif not seg and match is not None and match.lure_words:
                    # lure words run together beside the brand's name ('hdfc-limitupgrade'): read as the brand match
                    # read them (only when a brand was found, so no cost on other hosts)
                    run = reg.lure_run(tok)
                    if run and all(w in match.lure_words for w in run):
                        for w in run:
                            if w in L.strong_lures:
                                found.setdefault(w, None)
    return list(found)


def _obfuscation(p: ParsedURL, dom: str) -> tuple[list[str], float] | None:
    tricks: list[str] = []
    pts = 0.0
    if p.userinfo is not None:
        tricks.append("userinfo_at_sign")
        pts += 35
    if p.ip_obfuscated:
        tricks.append("encoded_ip")
        pts += 25
    if p.host_percent_encoded:
        tricks.append("percent_encoded_host")
        pts += 20
    n_pct = len(_PCT_ASCII_RE.findall(p.path[:2048]))
    if n_pct >= 3:
        tricks.append("percent_encoded_path")
        pts += 15
    if dom and dom.count("-") >= 4:
        tricks.append("many_hyphens")
        pts += 10
    if dom and sum(map(str.isdigit, dom)) >= 5 and any(map(str.isalpha, dom)):
        tricks.append("many_digits")
        pts += 5
    if p.backslashes:
        tricks.append("backslashes")
        pts += 10
    if p.host_truncated or p.invalid_host:
        tricks.append("malformed_host")
        pts += 15
    if dom.startswith("www") and len(dom) > 5 and dom[3:4] != "":
        tricks.append("www_prefix_in_domain")
        pts += 10
    if not tricks:
        return None
    return tricks, min(pts, 45)


_STATIC_EXT = (".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".woff", ".woff2", ".ttf",
               ".mp4", ".mp3", ".webm", ".map")


def _path_tokens(p: ParsedURL, skip_query: bool = False) -> list[str]:
    """Lower-case word tokens of path, query and fragment. Path segments that read like prose (article slugs of
    six or more words) are skipped: news headlines mention brands and 'login' without being login pages."""
    low = p.path[:1024].lower()
    if len(low) < MAX_PATH_TOKENS and low.count("-") + low.count("_") < 5:
        # (no segment can read as prose, and a path this short cannot reach the token cap: a token of k hyphenated
        # parts adds k + 1 entries for at least 2k - 1 characters, so the whole path reads in one pass, in the
        # same order -- tokens never span a '/')
        found = _TOKEN_RE.findall(low)
        if "-" not in low:
            out = found
        else:
            out = []
            for t in found:
                out.append(t)
                if "-" in t:
                    out.extend(t.split("-"))
    else:
        out = []
        for seg in low.split("/"):
            if seg.count("-") + seg.count("_") >= 5 and "." not in seg.split("-", 1)[0]:
                continue
            found = _TOKEN_RE.findall(seg)
            if "-" not in seg:
                out.extend(found)
            else:
                for t in found:
                    out.append(t)
                    if "-" in t:
                        out.extend(t.split("-"))
            if len(out) >= MAX_PATH_TOKENS:
                return out
    rest = (("" if skip_query else p.query[:1024]) + " " + p.fragment[:256]).lower()
    out.extend(_TOKEN_RE.findall(rest)[:MAX_PATH_TOKENS - len(out)])  # (len(out) < MAX_PATH_TOKENS here)
    return out


_DIGIT_TAIL_RE = re.compile(r"[0-9]+$")
_MISS = object()
# kit_folder: folders a phishing kit creates on a hacked site, which no site's own pages live in. (Not a per-visitor
# MD5 folder, '/007/hm/c1dbe4d1681fab5ffc5849ee1443118a/': 131 PhishTank misses out of sample hold one, but so do
# download pages, '/download_<app>/download/<md5>/', which it flagged on ISCX: 3 -> 16 of 6,772; it stays a weak cue.)
# WordPress's own sub-folders of /wp-admin/ that are pages (multisite network / user admin, maintenance)
_WP_ADMIN_PAGES = frozenset({"network", "user", "maint"})
_HIDDEN_SEG_RE = re.compile(r"\.[a-z0-9][a-z0-9_\-]{0,62}")
_RESERVED_DOT_FOLDERS = frozenset({".well-known", ".auth", ".netlify"})


def _kit_folder(p: ParsedURL) -> tuple[str, str] | None:
    """(kind, folder) when the link opens a folder of a kind only phishing kits make on a hacked site (for the CMS
    and .well-known kinds: the link ends at the folder, not a file in it), else None:

    * ``hidden_folder`` -- a folder whose name starts with a dot among the first three segments, with more path
      or a '/' after it ('/.tmb/_notify', '/images/.verifynow/', '/.redd/js.htm', '/.bbb/'): on a shared web host a dot-folder is
      hidden from the owner's file listing, so kits unpack there. Not the folders a protocol or a platform reserves
      (/.well-known/ -- judged below --, Azure App Service's /.auth/, Netlify's /.netlify/), nor a dot-folder deep
      in a repository browser ('/group/repo/-/tree/main/.github/workflows').
    * ``cms_core_folder`` -- a folder inside WordPress's program folders /wp-includes/ or /wp-admin/ (those hold
      only program files; '/wp-includes/js/crop/cm/', '/wp-admin/css/colors/blue/sparka/'); the admin's own
      pages ('/wp-admin/', '/wp-admin/network/') are not counted.
    * ``well_known_folder`` -- a folder below a /.well-known/ entry ('/.well-known/pki-validation/checkpoint/'):
      that folder holds only small machine-read files (certificate validation tokens, security.txt, app links).
    """
    path = p.path[:512]
    segs = [x for x in path.lower().split("/") if x]
    for seg in segs[:min(3, len(segs) - (not path.endswith("/")))]:
        if seg[0] == "." and len(seg) >= 2 and seg not in _RESERVED_DOT_FOLDERS and _HIDDEN_SEG_RE.fullmatch(seg):
            return "hidden_folder", seg[:40]
    if not segs or "." in segs[-1]:
        return None  # a file, not a folder
    for core in ("wp-includes", "wp-admin"):
        if core in segs:
            below = segs[segs.index(core) + 1:]
            if below and not (core == "wp-admin" and len(below) == 1 and below[0] in _WP_ADMIN_PAGES):
                return "cms_core_folder", core
    if ".well-known" in segs:
        below = segs[segs.index(".well-known") + 1:]
        if len(below) >= 3 or len(below) == 2 and path.endswith("/"):
            # (not the validation token a certificate authority fetches: '/.well-known/acme-challenge/<token>')
            return "well_known_folder", below[0][:40]
    return None


def _https_folder(p: ParsedURL) -> bool:
    """A folder named 'https' among the first three segments of the path ('/https/', '/1/https/',
    '/https/<ip>/<bank's host>/...'): kits unpack into it so that the link reads like a second web address after the
    site's own name. Not the last segment of a longer path without a '/' after it ('/docs/Glossary/HTTPS': a page
    about the protocol), and not 'http' or 'www' (program folders: '/libraries/joomla/http/', '/wg14/www/docs/')."""
    path = p.path[:256]
    segs = [x for x in path.split("/") if x]
    for i, seg in enumerate(segs[:3]):
        if len(seg) == 5 and seg.lower() == "https":
            return i == 0 or i < len(segs) - 1 or path.endswith("/")
    return False


# CMS folders whose sub-folders are products named after what they integrate ('/wp-content/plugins/stripe/',
# '/wp-content/plugins/woocommerce-paypal-payments/'): a brand's name there is a plugin's, not a kit's
_CMS_PRODUCT_DIRS = ("/wp-content/plugins/", "/wp-content/themes/")


def _path_signals(p: ParsedURL, reg: BrandRegistry, L: _Lists, signals: list[Signal], match: BrandMatch | None,
                  shortened: bool = False, dom: str = "", *, skip_query: bool = False,
                  own_words: frozenset[str] = frozenset()) -> None:
    """Path cues. ``skip_query``: the query only forwards to another official page (a sign-in 'next=' to the
    brand's own service), so the brand names and login words in it are not this page's. ``own_words``: words of
    the service's own path ('/document/d/e/' of a published Google Doc), not chosen by the page's author."""
    if not (p.path or p.query or p.fragment):
        return
    if p.path.lower().endswith(_STATIC_EXT):  # a stylesheet or image is not a login page
        return
    toks = _path_tokens(p, skip_query)
    if not toks:
        return
    tokset = set(toks)
    if shortened:  # a custom slug on a shortener: lure words there were chosen by the sender
        slug_words = L.slug_words
        words = sorted(tokset & slug_words)
        if not words:  # run-together slugs: 'PayTollNow', 'kycupdate'
            for t in toks[:4]:
                seg = reg.segment(t) if 6 <= len(t) <= 40 else None
                if seg:
                    words = sorted(set(words) | (set(seg) & slug_words))
    else:
        words = sorted(tokset & L.path_words - own_words)
    if "pdf" in words and toks.count("pdf") == 1 and p.path[:1024].lower().endswith(".pdf") and \
            not any(len(t) >= 4 and reg.token_brand(_DIGIT_TAIL_RE.sub("", t)) is not None for t in tokset):
        # the file type of a real document the link opens ('/Shared Documents/Leave Policy.pdf'), not the
        # document-viewer lure of a kit ('/pdf/view.php', '/adobe-pdf/') nor a file posing as a brand's share
        # ('/docusign231/wetransfer/important.pdf')
        words.remove("pdf")
    if words:
        owner = reg.owner(p.host)
        if owner is not None:  # the host's own product names ('/_layouts/15/onedrive.aspx' on SharePoint)
            words = [w for w in words if reg.token_brand(w) is not owner]
    if shortened and L.slug_brand_cats and p.path:
        _slug_brand_lure(p, reg, L, signals, toks, words)
    elif p.host in L.page_name_hosts and not shortened:
        _portal_page_name(p, reg, L, signals)
    if words:
        pts = PATH_WORD_POINTS[min(len(words), len(PATH_WORD_POINTS) - 1)]
        if shortened or (match is not None and BRAND_WEIGHTS.get(match.technique, 0) >= 35):
            pts += 10
        signals.append(Signal("suspicious_path", pts, "Link path asks for a login, verification or account update",
                              {"words": words[:10]}, PHISH))
    low = p.path[:1024].lower()
    last = low.rsplit("/", 1)[-1]
    if last.endswith(".apk") and len(last) > 4:
        # an Android app file served by a site that is not an official one (official hosts and app stores never
        # reach here): sideloaded 'bank KYC' / 'e-challan' / 'customer care' apps that read the victim's SMS and OTPs
        signals.append(Signal("android_package_link", WEIGHTS["android_package_link"],
                              "Link downloads an Android app file (.apk) from outside an app store or the maker's "
                              "official site", {"file": last[:80]}, PHISH))
    page = last.endswith(_PAGE_EXT)
    cms = next((d for d in _CMS_DIRS if d in low), None) if len(low) > 8 else None
    strong = tokset & L.strong_path_words if words else set()
    # a folder (not a file) inside a CMS's program folders named after a brand the site is not: a kit's index
    # ('/wp-content/uploads/2025/<brand>/'); ordinary links there reach files (images, documents)
    kit_dir = None
    if cms and cms not in _CMS_PRODUCT_DIRS and not page and low.endswith("/") and match is None:
        folder = low.rstrip("/").rsplit("/", 1)[-1]
        b = reg.token_brand(folder) if len(folder) >= 3 and not folder.isdigit() and low.index(cms) + len(cms) <= \
            len(low) - len(folder) - 1 else None
        if b is not None and folder not in dom and b is not reg.owner(p.host):
            kit_dir = b
    if cms and (strong or (page and last not in _CMS_OK_FILES) or kit_dir is not None):
        # a login word or a web page inside a CMS's program folders: phishing kits are unpacked there on hacked sites
        pts = WEIGHTS["cms_internal_path"] if not page else WEIGHTS["cms_page"] + (5 if strong else 0)
        ev: dict[str, Any] = {"folder": cms.strip("/")}
        if strong:
            ev["words"] = sorted(strong)[:5]
        if page:
            ev["page"] = last[:80]
        if kit_dir is not None:
            ev["brand_folder"] = kit_dir.name
        signals.append(Signal("cms_internal_path", pts,
                              "Web page planted inside a website's internal folders (typical of hacked sites)",
                              ev, PHISH))
    if "ttps" in low and _https_folder(p):
        signals.append(Signal("https_folder", WEIGHTS["https_folder"],
                              "Link hides its real site behind a folder named 'https' (the path reads like a second "
                              "web address)", {"folder": "https"}, PHISH))
    # (every kind needs a dot-folder or a WordPress program folder: most paths are passed over without a split)
    kit = _kit_folder(p) if "/." in low or "/wp-includes/" in low or "/wp-admin/" in low else None
    if kit is not None:
        signals.append(Signal("kit_folder", WEIGHTS["kit_folder"],
                              "Link opens a folder of a kind phishing kits create on hacked sites",
                              {"kind": kit[0], "folder": kit[1]}, PHISH))
    if match is not None:
        same = [t for t in tokset if len(t) >= 4 and reg.token_brand(t) is match.brand]
        if same:
            signals.append(Signal("brand_in_path", 15, f"Path repeats {match.brand.name}'s name",
                                  {"brands": [match.brand.name]}, BRAND))
        pay = sorted(tokset & L.payment_words)
        if pay:
            signals.append(Signal("fake_payment_page", WEIGHTS["fake_payment_page"],
                                  f"Payment page on a site imitating {match.brand.name}",
                                  {"words": pay[:10], "brand": match.brand.name}, BRAND))
    else:
        _brand_path_signal(p, reg, signals, toks, low, bool(strong), page, cms, dom)


def _slug_brand_lure(p: ParsedURL, reg: BrandRegistry, L: _Lists, signals: list[Signal], toks: list[str],
                     words: list[str]) -> None:
    """A shortener's custom slug (its first path segment: the sender typed it) that names a bank, a government
    office or a courier AND a lure word ('/sbi-pan-link', '/hdfc-kyc-update', '/echallan-pay'). A brand's own vanity
    slug with ordinary words ('/hdfc-festive-offers') and opaque codes ('/3xYzAbc') name no lure."""
    slug = p.path[:80].strip("/").split("/", 1)[0].lower()
    if len(slug) < 5 or not any(c in slug for c in "-_") and reg.segment(slug) is None:
        return
    parts = [t for t in re.split(r"[-_.]+", slug) if t]
    if len(parts) == 1:
        parts = reg.segment(parts[0]) or parts
    owner = reg.owner(p.host)
    brand = None
    brand_toks: set[str] = set()
    for t in parts[:6]:
        b = reg.token_brand(t) if len(t) >= 3 and not t.isdigit() else None
        if b is not None and b is not owner and b.category.startswith(L.slug_brand_cats):
            brand = brand or b
            brand_toks.add(t)
    if brand is None:
        return
    lures = sorted((set(parts) & (L.slug_words | L.slug_id_words)) - brand_toks - L.plain_name_words)
    if not lures:
        return
    signals.append(Signal("short_link_brand_lure", WEIGHTS["short_link_brand_lure"],
                          f"Short link's custom name, chosen by its sender, names {brand.name} and "
                          + ", ".join(f"'{w}'" for w in lures[:3]),
                          {"brand": brand.name, "words": lures[:5], "slug": slug[:60]}, BRAND))


def _portal_page_name(p: ParsedURL, reg: BrandRegistry, L: _Lists, signals: list[Signal]) -> None:
    """On a free site builder the page name after its fixed prefix ('sites.google.com/view/<name>') is the author's:
    a name made of two or more sign-in / account words ('secure-docs-portal', 'wallet-restore',
    'account-verify-center') reads as a credential portal. Ordinary names (a bakery's menu, a club) hold at most one."""
    where = (p.host + p.path[:120]).lower()
    pre = next((x for x in L.page_name_prefixes if where.startswith(x)), None)
    if pre is None:
        return
    name = where[len(pre):].split("/", 1)[0]
    if len(name) < 6:
        return
    parts = [t for t in re.split(r"[-_.]+", name) if t]
    if len(parts) == 1:
        parts = reg.segment(parts[0]) or parts
    cred = sorted(set(parts) & L.portal_words)
    if len(cred) < 2:
        return
    signals.append(Signal("credential_portal_page", WEIGHTS["credential_portal_page"],
                          "Page on a free site builder named like a sign-in or account portal",
                          {"page": name[:60], "words": cred[:5]}, PHISH))


def _brand_path_signal(p: ParsedURL, reg: BrandRegistry, signals: list[Signal], toks: list[str], low: str,
                       strong: bool, page: bool, cms: str | None, dom: str) -> None:
    """A brand named in the path of a site that is neither the brand's nor imitating it in its host name: phishing
    kits on hacked or throw-away sites ('/wellsfargo/login.php', '/linkedin.com/index.html'). A brand name alone in
    a path is ordinary (reviews, news, shops), so it counts only next to a login word, a web page file (.php/.html),
    or a CMS program folder, or when the brand's own address is written into the path."""
    brands: list[str] = []
    owner: Any = False  # the brand running this host (looked up once, when a brand's name is seen): its own
    # product names in the path are no kit
    for t in dict.fromkeys(toks):  # path order: the message names the first brand, whatever the hash seed
        if len(t) >= 4:
            b = reg.token_brand(t)
            if b is None and t[-1].isdigit():
                # a brand's name with a number after it: a kit's folder copy ('/capitalone360/', '/paypal01/')
                base = _DIGIT_TAIL_RE.sub("", t)
                if len(base) >= 5:
                    b = reg.token_brand(base)
                    t = base
            if b is not None and t not in dom:
                if owner is False:
                    owner = reg.owner(p.host)
                if b is not owner:
                    brands.append(b.name)
    domain = None
    if low.count(".") > (1 if page else 0):
        for m in _DOMAIN_IN_PATH_RE.finditer(low[:512]):
            cand = m.group(1)
            b = reg.is_official(cand) if "." in cand else None
            if b is not None and not _about_site_page(low, m.start(1)):
                domain, brands = cand, [b.name, *brands]
                break
    if domain is None and ("-" in low or "_" in low):
        found = _dashed_domain(low, reg, dom)
        if found is not None:
            domain, b = found
            brands = [b.name, *brands]
    if not brands:
        return
    names = sorted(set(brands))[:5]
    if domain is not None:
        signals.append(Signal("brand_in_path", WEIGHTS["brand_domain_in_path"],
                              f"Path spells out {domain} ({brands[0]}) on a site that is not {brands[0]}'s",
                              {"brands": names, "domain_in_path": domain}, BRAND))
        return
    if cms in _CMS_PRODUCT_DIRS:
        # only the plugin / theme folder itself names the brand: a product's files, unless a page or login word
        plugin = low.split(cms, 1)[1].split("/", 1)[0]
        if all(t in plugin for t in toks if len(t) >= 4 and reg.token_brand(t) is not None):
            cms = None
    why = [w for w, on in (("login_word", strong), ("page_file", page), ("cms_folder", cms is not None)) if on]
    if not why:
        # a brand's folder alone is ordinary (reviews, news, blogs and small shops on free hosting or plain http);
        # it counts on a page that shows a warning sign of its own (lure words in the host or path, an abused TLD, a
        # random or spoofed host name...), never for an account's name on a platform
        platform = any(x.code == "user_content_platform" for x in signals)
        other = any(_WEAK_CUE_CODES.get(x.code, "shared_host") != "shared_host" for x in signals)
        folder = _brand_folder(p, reg, dom) if other and not platform else None
        if folder is not None:
            signals.append(Signal("brand_in_path", WEIGHTS["brand_folder"],
                                  f"A folder named {folder.name} near the end of a short path on a site that is not "
                                  f"{folder.name}'s (phishing kits are unpacked into such folders)",
                                  {"brands": [folder.name], "with": ["brand_folder"]}, PHISH))
        return
    pts = WEIGHTS["brand_in_path"] if why == ["login_word"] else WEIGHTS["brand_in_path_page"]
    signals.append(Signal("brand_in_path", pts, f"Path names {brands[0]} on a site that is not {brands[0]}'s",
                          {"brands": names, "with": why}, PHISH))


# folders under which a brand's name is a shop, tag or topic page, not a kit ('/shop/adidas/', '/brands/apple')
_CATALOGUE_FOLDERS = frozenset({"shop", "shops", "store", "stores", "brand", "brands", "marca", "marcas", "marke",
                                "category", "categories", "cat", "c", "b", "tag", "tags", "topic", "topics", "t",
                                "collections", "collection", "products", "product", "p", "search", "s", "q", "r",
                                "wiki", "news", "reviews", "review", "compare", "vs", "coupons", "deals", "offers",
                                "jobs", "careers", "company", "companies", "stock", "stocks", "quote", "symbol",
                                "users", "user", "u", "profile", "channel", "channels", "groups", "g"})


# folders of sites whose pages are about another site (reviews, traffic, safety checks, whois): the brand's address
# after them names the page's subject ('trustpilot.com/review/www.amazon.com', 'similarweb.com/website/paypal.com')
_ABOUT_SITE_FOLDERS = frozenset({"review", "reviews", "website", "websites", "domain", "domains", "whois", "lookup",
                                 "check", "check-website", "website-checker", "safety", "stats", "traffic", "analysis",
                                 "status", "is-it-down", "dns", "seo", "rank"})


_OPAQUE_CODE_RE = re.compile(r"[A-Za-z0-9]{1,12}")


def _model_contexts(p: ParsedURL, signals: list[Signal], tracking: bool = False) -> tuple[str, ...]:
    """Cap contexts the rules hand to the learned URL model (textmodel.url_model_signal): 'shortened_link' (the
    path is a shortener's opaque code -- one segment of letters and digits, no lure word -- so no evidence about
    the page; a custom slug is the sender's words and stays the model's to judge) and 'about_site_page' (a review / traffic / whois
    folder followed by the address it is about, ending the path: 'trustpilot.com/review/paypal.com'), the latter
    only when no rule found a warning sign of ten points or more (so '/review/paypal.com/login.php' on an abused
    TLD is not capped)."""
    out: list[str] = []
    if any(s.code == "url_shortener" for s in signals) and _OPAQUE_CODE_RE.fullmatch(p.path.strip("/")[:64]) and \
            not any(s.code == "suspicious_path" for s in signals):
        out.append("shortened_link")  # an opaque code ('/g5ubbbP'), not a custom slug ('/3xKyc-Upd8')
    elif tracking:
        # an e-mail service's click-tracking redirector (url_lists click_tracking_hosts): its path and query are
        # an opaque token standing for the sender's page, like a shortener's code (the same cap)
        out.append("shortened_link")
    low = p.path[:512].lower()
    if low.count(".") >= 1 and not any(s.weight >= 10 and s.code != "ml_url" for s in signals):
        for m in _DOMAIN_IN_PATH_RE.finditer(low):
            head = low[:m.start(1)]
            if not head.endswith("/") or low[m.end(1):].strip("/"):
                continue
            if head.rstrip("/").rsplit("/", 1)[-1] in _ABOUT_SITE_FOLDERS:
                out.append("about_site_page")
                break
    return tuple(out)


def _about_site_page(low_path: str, at: int) -> bool:
    """Whether the address written at ``at`` in the (lower-case) path follows a review / traffic / whois folder, or a
    shop / tag / topic folder named in a word: a page about that site, not a kit unpacked under its name. (Not the
    one- or two-letter folders '/p/', '/s/', '/c/': any kit can put its folder under one.)"""
    head = low_path[:at]
    if not head.endswith("/"):
        return False
    prev = head.rstrip("/").rsplit("/", 1)[-1]
    return prev in _ABOUT_SITE_FOLDERS or (prev in _CATALOGUE_FOLDERS and len(prev) >= 3)


_DASH_SPLIT_RE = re.compile(r"[-_.]")
# (a segment of the path of 4-81 such characters; the lookahead keeps only those with a hyphen or an underscore)
_DASHED_SEG_RE = re.compile(r"/(?=[a-z0-9.]*[-_])([a-z0-9][a-z0-9._\-]{3,80})(?=/|$)")


def _dashed_domain(low: str, reg: BrandRegistry, dom: str) -> tuple[str, Any] | None:
    """A brand's official address written into a path segment with hyphens or underscores for its dots
    ('/dhl-com/', '/dhl_com/', '/sbi-co-in/', '/my.dhl-com/'): (address, brand), else None. The suffix is the last
    one or two parts of the segment; the name before it may keep hyphens of its own ('/bank-of-x-com/').
    (Each candidate is looked up as an official address first -- a name that is no official domain's first label
    can only be official through its suffix, looked up once per suffix -- and only then split on the public-suffix
    list: the same answer as splitting first, without a suffix-list look-up per slug word.)"""
    first_labels = reg.official_first_labels
    for m in _DASHED_SEG_RE.finditer(low[:512]):
        seg = m.group(1)
        if "-" not in seg and "_" not in seg:
            continue
        stem = seg.rsplit(".", 1)[0] if seg.endswith(_PAGE_EXT) else seg
        bits = _DASH_SPLIT_RE.split(stem)[:8]
        if "" in bits:
            continue
        seps = [""] + _DASH_SPLIT_RE.findall(stem)[:7]  # seps[i]: the separator before bits[i]
        parts = bits
        # the name starts the segment or follows a dot ('my.dhl-com', 'www.paypal-com'), not a slug word
        # ('why-i-left-paypal-com')
        starts = [i for i in range(len(parts)) if i == 0 or seps[i] == "."] if "." in stem else [0]
        for k in (1, 2):
            if len(parts) <= k:
                continue
            suffix = ".".join(parts[-k:])
            suffix_brand: Any = _MISS
            for i in starts:
                if i >= len(parts) - k:
                    break
                head = parts[i:len(parts) - k]
                for name in dict.fromkeys(("-".join(head), "".join(head))):  # fixed order, not the hash seed's
                    if len(name) < 3 or name in dom:
                        continue
                    cand = f"{name}.{suffix}"
                    if name in first_labels:
                        b = reg.official_ascii(cand)
                    else:  # (name has no dot: cand is official only through its suffix)
                        if suffix_brand is _MISS:
                            suffix_brand = reg.official_ascii(suffix)
                        b = suffix_brand
                    if b is None:
                        continue
                    if registrable(cand)[0]:
                        continue  # 'why-i-left.paypal.com': the suffix must be a public one, the name the domain
                    if not _about_site_page(low, m.start(1)):
                        return cand, b
    return None


def _brand_folder(p: ParsedURL, reg: BrandRegistry, dom: str) -> Any:
    """The brand whose name is a whole folder among the last two segments of a short path (at most four segments),
    followed only by short plain segments: '/mazon/amazon/', '/img/WellsFargo/wells', '/docusign/'. Not an article
    or file name after it ('/office/Extensis.Portfolio.1.6.html'), not the site's own name, not under a shop / tag /
    topic folder ('/shop/adidas/'). Else None."""
    segs = [x for x in p.path[:256].lower().split("/") if x]
    if not segs or len(segs) > 4:
        return None
    for i in range(max(0, len(segs) - 2), len(segs)):
        seg = segs[i]
        b = reg.token_brand(seg) if len(seg) >= 4 else None
        if b is None or seg in dom or (i and segs[i - 1] in _CATALOGUE_FOLDERS):
            continue
        if all(len(x) <= 20 and x.count(".") <= 1 for x in segs[i + 1:]):
            return b
    return None


def _random_label(label: str) -> bool:
    """Machine-made look: digits woven into letters ('623112j4j3', 'lqw9r6y8q') or unpronounceable runs."""
    lab = label.replace("-", "")
    n = len(lab)
    if n < 6 or lab.startswith("xn"):
        return False
    groups = _DIGIT_GROUP_RE.findall(lab)
    digits = sum(map(len, groups))
    if groups and digits < n:
        # letter/digit switches: 2 per digit group inside the label, 1 at either end
        alt = 2 * len(groups) - (lab[0].isdigit()) - (lab[-1].isdigit())
        if alt >= 3 and digits >= 2:
            return True
    letters = n - digits
    if letters < 6:
        return False
    if _CONSONANT_RUN_RE.search(label) is not None:
        return True  # (per word: 'nextjs-dashboard' joined would run 'xtjsd' across the hyphen -- the run never
        # spans the hyphen kept in ``label``)
    if letters < 8:
        return False
    vowels = sum(map(lab.count, "aeiouy"))
    return vowels * 5 < letters


_WEAK_CUE_CODES = {
    "url_shortener": "shared_host", "anonymous_short_link": "shared_host", "anonymous_page": "shared_host",
    "free_hosting": "shared_host", "dynamic_dns": "shared_host",
    "user_content_host": "shared_host", "hosted_page_on_storage": "shared_host", "risky_tld": "risky_tld",
    "suspicious_path": "login_words_in_path", "phishing_words": "lure_words_in_host", "ip_host": "ip_host",
    "obfuscated_url": "obfuscation", "ip_named_host": "ip_host", "deep_subdomain": "deep_subdomain",
    "brand_in_path": "brand_in_path", "android_package_link": "app_package",
    "cms_internal_path": "cms_folder", "domain_name_spoof": "domain_name_spoof", "https_folder": "address_in_path",
    "brand_impersonation": "brand_lookalike", "brand_in_subdomain": "brand_lookalike", "homograph": "brand_lookalike",
}


# kit_folder kinds as weak cues (the same cue as a CMS folder: counted once)
_KIT_CUES = {"hidden_folder": "cms_folder", "cms_core_folder": "cms_folder", "well_known_folder": "cms_folder"}


_B64_URLSAFE_TO_STD = str.maketrans("-_", "+/")
# (the run is possessive: only the whole run of token characters can be followed by '=', '%3D', '&', '#' or the end,
# none of which is a token character, so a shorter run never matched; not retrying the 104 shorter lengths at every
# separator changes no match)
_B64_TOKEN_RE = re.compile(r"(?:^|[#=&/?])([A-Za-z0-9+/_\-]{16,120}+(?:={1,2}|%3[dD](?:%3[dD])?)?)(?=$|[&#])")


def _b64_email(p: ParsedURL) -> str | None:
    """'fragment' / 'query' when a value there (or the whole fragment) is an e-mail address in base64, else None.
    Bounded: at most four candidate values of 16-120 characters are decoded."""
    for where, part in (("fragment", p.fragment[:512]), ("query", p.query[:1024])):
        if len(part) < 16:
            continue
        for i, m in enumerate(_B64_TOKEN_RE.finditer(part)):
            if i >= 4:
                break
            tok = m.group(1).replace("%3D", "=").replace("%3d", "=").rstrip("=")
            if len(tok) % 4 == 1:
                continue  # (no base64 text is one character more than a multiple of four: the decoder would refuse)
            # (what base64.urlsafe_b64decode does with the URL-safe and standard alphabets mixed: '-' and '_' read
            # as '+' and '/', without its Python wrappers)
            try:
                text = binascii.a2b_base64(tok.translate(_B64_URLSAFE_TO_STD) + "=" * (-len(tok) % 4))
            except (binascii.Error, ValueError):
                continue
            if b"@" in text and len(text) <= 90:
                try:
                    t = text.decode("ascii")
                except UnicodeDecodeError:
                    continue
                if _EMAIL_RE.fullmatch(t):
                    return where
    return None


def _weak_cue_signal(p: ParsedURL, signals: list[Signal], dom: str, reg: BrandRegistry | None = None) -> None:
    """Several independent weak cues together (each common alone in legitimate links, rare together): a few extra
    points, listed in the evidence. Cues: shared host, abused TLD, login words in the path, lure words in the host,
    IP host, obfuscation, deep subdomains, brand in path, CMS folder, spoofed domain name, brand look-alike, a
    machine-made host label, a per-visitor session folder, an e-mail address in the query, a non-standard port."""
    cues: dict[str, None] = {}
    shared_parent = None
    for s in signals:
        c = _WEAK_CUE_CODES.get(s.code) if s.code != "kit_folder" else _KIT_CUES[s.evidence["kind"]]
        if c == "login_words_in_path" and not set(s.evidence.get("words", ())) - _CMS_WORDS:
            continue  # the CMS folder names themselves: counted once, as cms_folder
        if c is not None:
            cues.setdefault(c, None)
            if c == "shared_host" and shared_parent is None and s.code != "url_shortener":
                shared_parent = s.evidence.get("service")
    if len(p.path) > 25 and _HEX_DIR_RE.search(p.path[:1024].lower()):
        cues.setdefault("session_folder", None)
    qf = p.query[:1024] + "#" + p.fragment[:512]
    if ("@" in qf or "%40" in qf) and _EMAIL_IN_TEXT_RE.search(qf):
        # kits pre-fill the victim's address ('#jane@corp.com', '?email=...'), so the page shows it back
        cues.setdefault("email_in_link", None)
        signals.append(Signal("email_in_link", WEIGHTS["email_in_link"],
                              "Link carries an e-mail address (phishing pages pre-fill the victim's address)",
                              {"where": "fragment" if "@" in p.fragment or "%40" in p.fragment else "query"}, PHISH))
    elif len(qf) > 17:
        where = _b64_email(p)
        if where is not None:
            # Microsoft 365 / webmail kits pass the victim's address base64-encoded ('#am9obkBjb250b3NvLmNvbQ==')
            cues.setdefault("email_in_link", None)
            signals.append(Signal("email_in_link", WEIGHTS["email_in_link"],
                                  "Link carries an e-mail address written in base64 (phishing pages pre-fill the "
                                  "victim's address)", {"where": where, "encoding": "base64"}, PHISH))
    low = p.path[:1024].lower()
    if "/http" in low and _URL_IN_PATH_RE.search(low):
        cues.setdefault("address_in_path", None)
    if p.port is not None and p.port not in (80, 443):
        cues.setdefault("nonstandard_port", None)
    if cues and not p.ip:  # a machine-made name only matters next to another cue
        lab = dom
        if shared_parent:
            labels = p.host.split(".")
            k = shared_parent.count(".") + 1
            lab = labels[-k - 1] if len(labels) > k else ""
        own_account = (shared_parent in _get_lists().account_hosts and reg is not None
                       and reg.token_brand(lab) is not None)
        if lab and _random_label(lab) and _tenant_label(p.host, _get_lists()) is None and not own_account:
            # (a tenant's name, 'tcsltd-my.sharepoint.com', is the organisation's own abbreviation; a pages account
            # named as a brand, 'hdfcbank.github.io', is that brand's name, not a machine-made one)
            cues.setdefault("random_looking_host", None)
    n = len(cues)
    if n >= 2 and not (p.path.strip("/") or p.query) and not set(cues) - _HOST_SHAPE_CUES:
        return  # a bare address whose only cues are the shape of its name: popular sites look like that too
    if n >= 2:
        pts = WEAK_CUE_POINTS[min(n, len(WEAK_CUE_POINTS) - 1)]
        signals.append(Signal("several_weak_cues", pts, "Several small warning signs appear together",
                              {"cues": list(cues)}, PHISH))


def _brand_in_userinfo(userinfo: str, reg: BrandRegistry) -> BrandMatch | None:
    ui = userinfo[:253].lower()
    for part in re.split(r"[:@]", ui)[:4]:
        if not part:
            continue
        b = reg.is_official(part) if "." in part else None
        if b is None:
            b = reg.token_brand(part.split(".")[0])
        if b is not None:
            return BrandMatch(b, "brand_in_userinfo", 0.7, userinfo[:100], b.primary_domain or part, "userinfo")
    return None


def _brand_message(m: BrandMatch) -> str:
    target = m.brand.primary_domain or m.brand.name
    how = {
        "homograph": "look-alike characters",
        "homoglyph": "look-alike letters",
        "digit_swap": "digits in place of letters",
        "transposition": "swapped letters",
        "omission": "a missing letter",
        "insertion": "an extra letter",
        "substitution": "a changed letter",
        "edit_distance": "a misspelling",
        "hyphenation": "an added hyphen",
        "tld_swap": "a different domain ending",
        "brand_name": "the brand's name on someone else's domain",
        "brand_with_lure": "the brand's name plus words like " + ", ".join(f"'{w}'" for w in m.lure_words[:3]),
        "brand_compound": "the brand's name plus other words",
        "brand_domain_in_label": "the brand's address written into its name",
        "brand_domain_in_subdomain": f"'{m.target}' placed in front of an unrelated domain",
        "brand_in_subdomain": "the brand's name as a subdomain of an unrelated domain",
    }.get(m.technique, m.technique)
    return f"Imitates {m.brand.name} ({target}) using {how}"


# --------------------------------------------------------------------------- optional page signals
_DATE_KEYS = ("creation_date", "created", "created_at", "created_on", "creation", "registered", "registered_on",
              "registration_date", "domain_created", "registration", "createdDate", "creationDate")
_AGE_KEYS = ("domain_age_days", "age_days", "age")


def _to_datetime(value: Any) -> datetime | None:
    if isinstance(value, (list, tuple)):
        vals = [d for d in (_to_datetime(v) for v in value[:10]) if d is not None]
        return min(vals) if vals else None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        v = float(value)
        if v > 1e11:  # milliseconds
            v /= 1000.0
        try:
            return datetime.fromtimestamp(v, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        s = value.strip()[:64]
        if not s:
            return None
        if s.endswith(("Z", "z")):
            s = s[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            dt = None
            for fmt in ("%Y-%m-%d %H:%M:%S", "%d-%b-%Y", "%Y.%m.%d", "%d/%m/%Y", "%Y/%m/%d", "%Y-%m-%dT%H:%M:%S%z"):
                try:
                    dt = datetime.strptime(s, fmt)
                    break
                except ValueError:
                    continue
            if dt is None:
                return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)  # naive datetimes are taken as UTC
    return dt


def _domain_details_signals(details: dict, signals: list[Signal], now: datetime | None) -> None:
    if not isinstance(details, dict):
        return
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    age_days: float | None = None
    for k in _AGE_KEYS:
        v = details.get(k)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0:
            age_days = float(v)
            break
    if age_days is None:
        for k in _DATE_KEYS:
            if k in details:
                dt = _to_datetime(details[k])
                if dt is not None:
                    age_days = (now - dt).total_seconds() / 86400.0
                    break
    if age_days is not None and age_days >= -1:
        age_days = max(age_days, 0.0)
        if age_days < 7:
            pts = WEIGHTS["young_domain_week"]
        elif age_days < 30:
            pts = WEIGHTS["young_domain_month"]
        elif age_days < 180:
            pts = WEIGHTS["young_domain_half_year"]
        else:
            pts = 0
        if pts:
            signals.append(Signal("young_domain", pts, f"Domain was registered only {int(age_days)} days ago",
                                  {"age_days": int(age_days)}, PHISH))
    for k in ("ssl_valid", "certificate_valid", "valid_certificate", "https_valid"):
        if details.get(k) is False:
            signals.append(Signal("invalid_certificate", WEIGHTS["invalid_certificate"],
                                  "The site's HTTPS certificate is not valid", {k: False}, PHISH))
            break


def _html_signals(html: str, p: ParsedURL, reg: BrandRegistry, official: Any, signals: list[Signal]) -> None:
    if not isinstance(html, str) or official is not None:
        return
    doc = html[:MAX_HTML].lower()
    has_password = False
    sensitive: set[str] = set()
    pos = 0
    n_inputs = 0
    while n_inputs < MAX_INPUTS:
        i = doc.find("<input", pos)
        if i == -1:
            break
        j = doc.find(">", i, i + 1000)
        tag = doc[i: (j if j != -1 else i + 1000)]
        pos = i + 6
        n_inputs += 1
        if not has_password and _PASSWORD_RE.search(tag):
            has_password = True
        m = _SENSITIVE_RE.search(tag)
        if m:
            sensitive.add(m.group(1))
    has_form = "<form" in doc
    if has_password:
        signals.append(Signal("password_field", WEIGHTS["password_field"], "Page asks for a password",
                              {}, PHISH))
        if has_form:
            signals.append(Signal("login_form_on_unofficial_domain", WEIGHTS["login_form_on_unofficial_domain"],
                                  "Login form on a site that is not an official brand domain", {"host": p.host}, PHISH))
    if sensitive:
        signals.append(Signal("sensitive_fields", WEIGHTS["sensitive_fields"],
                              "Page asks for card, CVV, PIN or OTP details", {"fields": sorted(sensitive)[:8]}, PHISH))
    # brand named in the title on a non-official site
    t0 = doc.find("<title")
    if t0 != -1:
        t1 = doc.find("</title", t0, t0 + 2000)
        title = doc[t0: t1 if t1 != -1 else t0 + 300]
        gt = title.find(">")
        title = title[gt + 1:] if gt != -1 else ""
        for tok in _TOKEN_RE.findall(title)[:40]:
            b = reg.token_brand(tok) if len(tok) >= 4 else None
            if b is not None:
                signals.append(Signal("brand_in_page_title", WEIGHTS["brand_in_page_title"],
                                      f"Page calls itself {b.name} but is not on {b.name}'s domain",
                                      {"brand": b.name}, BRAND))
                break
    # form posting to another domain or to e-mail
    if has_form:
        f0 = doc.find("<form")
        f1 = doc.find(">", f0, f0 + 2000)
        m = _ACTION_RE.search(doc, f0, f1 if f1 != -1 else f0 + 2000)
        if m:
            action = m.group(1)
            target = None
            if action.startswith("mailto:"):
                target = "mailto"
            elif action.startswith(("http://", "https://", "//")):
                try:
                    ap = parse_url(action if not action.startswith("//") else "https:" + action)
                    s1, d1, x1 = registrable(ap.host)
                    s0, d0, x0 = registrable(p.host) if not p.ip else ("", p.host, "")
                    if (d1, x1) != (d0, x0):
                        target = f"{d1}.{x1}" if x1 else d1
                except InvalidInput:
                    target = None
            if target:
                signals.append(Signal("form_posts_elsewhere", WEIGHTS["form_posts_elsewhere"],
                                      "Form sends what you type to another site", {"target": target}, PHISH))


def _redirect_signals(chain: Iterable[Any], p: ParsedURL, reg: BrandRegistry, signals: list[Signal]) -> None:
    if isinstance(chain, str):
        chain = [chain]
    domains: list[str] = []
    hops = 0
    last: ParsedURL | None = None
    for item in list(chain)[:MAX_REDIRECTS]:
        if not isinstance(item, str):
            continue
        try:
            hp = parse_url(item)
        except InvalidInput:
            continue
        if hp.inline_scheme:
            continue
        hops += 1
        last = hp
        if hp.ip:
            d = hp.ip
        else:
            _, dom, suf = registrable(hp.host)
            d = f"{dom}.{suf}" if suf else dom
        if not domains or domains[-1] != d:
            domains.append(d)
    start = p.ip or (lambda t: f"{t[1]}.{t[2]}" if t[2] else t[1])(registrable(p.host))
    distinct = list(dict.fromkeys([start, *domains]))
    if len(distinct) > 1:
        pts = WEIGHTS["redirect_chain_crosses_domains"] + min(10, 5 * (len(distinct) - 2))
        signals.append(Signal("redirect_chain_crosses_domains", pts, "Link redirects through other sites",
                              {"domains": distinct[:10]}, PHISH))
        if last is not None and not last.ip and reg.is_official(last.host) is None:
            m = reg.match_host(last.host)
            if m is not None:
                signals.append(Signal("brand_impersonation", max(20, BRAND_WEIGHTS.get(m.technique, 30) - 10),
                                      "Redirects to a site that " + _brand_message(m)[0].lower() + _brand_message(m)[1:],
                                      {**m.evidence(), "via": "redirect"}, BRAND))
    if hops > 5:
        signals.append(Signal("long_redirect_chain", WEIGHTS["long_redirect_chain"], "Long chain of redirects",
                              {"hops": hops}, PHISH))


# --------------------------------------------------------------------------- output
def _finish(signals: list[Signal], extracted: dict[str, Any], match: BrandMatch | None) -> Assessment:
    a = Assessment("url", signals, [], extracted)
    recs: list[str] = []
    if match is not None:
        off = match.brand.primary_domain
        recs.append(f"This is not {match.brand.name}'s official site."
                    + (f" Open the official app or type {off} yourself." if off else " Use the official app."))
    for s in signals:
        if s.code == "open_redirect" and (s.evidence.get("final_host") or s.evidence.get("target_host")):
            recs.append(f"This link starts on {s.evidence['brand']}'s site but takes you to "
                        f"{s.evidence.get('final_host') or s.evidence.get('target_host')}: judge that site, not the "
                        "first one.")
            break
    score = combine(signals)  # (a.is_safe / a.risk_level would each add the weights up again)
    th = a.thresholds
    if not th.is_safe(score):
        recs.append("Do not enter passwords, card details, UPI PIN or OTP on this page.")
        codes = {s.code for s in signals}
        if "url_shortener" in codes:
            recs.append("Shortened links hide where they lead: don't open them from unknown senders.")
        ft = a.detected_fraud_types
        if ft:
            adv = advice_for(ft[0])
            if adv not in recs:
                recs.append(adv)
        recs.append("If you already entered details, call your bank and report at cybercrime.gov.in or 1930.")
    elif th.level(score) == "medium":
        recs.append("Be careful: check the address before you sign in or pay.")
    elif extracted.get("official_brand"):
        recs.append(f"This is an official {extracted['official_brand']} address.")
    a.recommendations = recs
    return a


# --------------------------------------------------------------------------- link finder
_CAND_RE = re.compile(
    r"(?i)(?:\bhttps?://|\bhxxps?://|(?<![\w@.\-/])www\.)[^\s<>\"'`]{1,2048}"
    r"|(?<![\w@.\-/:])[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}(?![\w@])(?::\d{1,5})?(?:[/?#][^\s<>\"'`]{0,2048})?"
)
_TRAIL = ".,;:!?)]}'\"»…>*"
_LEAD = "([{<'\"«*"


def _bare_new_tld_ok(host: str, labels: list[str]) -> bool:
    """A bare ``name.tld`` (no scheme, no path) on a less common public suffix ('.support', '.win', '.sbi') is a
    link only when it is written like one: the TLD in lower case or the whole host in capitals (a missing space
    before a capitalised word --
    'Mr.Smith', 'done.Thanks', 'Quiz.Win' -- is prose) and either a hyphenated name ('apple-id-unlock.support') or
    a brand's official domain ('onlinesbi.sbi') or a look-alike of one ('sbikyc.support'). Plain 'word.word' in lower case ('her.love', 'ah.now', 'time.you')
    is the usual missing space after a full stop on these word-like TLDs, so it is not read as a link."""
    if not (host.rsplit(".", 1)[-1].islower() or host.isupper()):
        return False
    name = labels[-2]
    if "-" in name and name[0] != "-" and name[-1] != "-" and len(name) >= 4 and any(c.isalpha() for c in name):
        return True
    reg = default_registry()
    if reg.is_official(".".join(labels)) is not None:
        return True
    # a brand's name run together with other words or misspelt ('sbikyc.support', 'hdfcnetbanking.help'); the bare
    # brand name ('paytm.now') may be a missing space in prose
    if len(name) >= 6 and name.isalnum() and not host.isupper():
        m = reg.match_host(host.lower())
        return m is not None and m.technique not in ("brand_name", "brand_in_subdomain")
    return False


def extract_urls(text: str, *, limit: int = 50) -> list[str]:
    """Links found in free text, in order, de-duplicated: ``http(s)://`` links, ``www.`` links and bare
    ``domain.tld/path`` links whose TLD is a real public suffix (bundled list, no network); a bare ``domain.tld``
    without a path on a less common TLD only as :func:`_bare_new_tld_ok` allows. E-mail addresses are not links.
    Linear time: candidates come from one regex pass whose repetitions are bounded and anchored at word starts."""
    if not text:
        return []
    text = text[:200_000]
    tlds = known_tlds()
    L = _get_lists()
    out: dict[str, None] = {}
    for m in _CAND_RE.finditer(text):
        cand = m.group(0).strip(_TRAIL).lstrip(_LEAD)
        while cand and cand[-1] in _TRAIL:
            cand = cand[:-1]
        if not cand:
            continue
        low = cand.lower()
        schemed = low.startswith(("http://", "https://", "hxxp://", "hxxps://"))
        if not schemed:
            host = re.split(r"[/?#:]", cand, maxsplit=1)[0]
            if "@" in host:
                continue
            hl = host.lower().rstrip(".")
            labels = hl.split(".")
            if len(labels) < 2 or any(not lab for lab in labels):
                continue
            tld = labels[-1]
            if not tld.isascii():
                try:
                    import idna

                    tld = idna.encode(tld).decode("ascii")
                except Exception:  # noqa: BLE001 - any undecodable label is simply not a TLD
                    continue
            if tld not in tlds or tld.isdigit():
                continue
            has_path = len(cand) > len(host)
            if not low.startswith("www.") and not has_path:
                if tld in L.file_ext_tlds:
                    continue
                if tld not in L.common_bare and len(tld) != 2 and not _bare_new_tld_ok(host, labels):
                    continue
            if not any(ch.isalpha() for ch in labels[-2]):
                continue
        else:
            after = cand.split("://", 1)[1]
            if not after or after[0] in "/?#":
                continue
        out.setdefault(cand, None)
        if len(out) >= limit:
            break
    return list(out)


@lru_cache(maxsize=1)
def _warm() -> bool:
    default_registry()
    _get_lists()
    known_tlds()
    return True

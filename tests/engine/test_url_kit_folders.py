"""kit_folder (issue #5, PhishTank out-of-sample misses): folders a phishing kit creates on a hacked site, which no
site keeps its own pages in -- a hidden (dot-) folder near the start of the path, a folder inside WordPress's program
folders /wp-includes/ and /wp-admin/, a folder below a /.well-known/ entry. (Per-visitor MD5 folders were tried and left out: download sites use them too.) Table-driven with near misses
that must NOT fire (ids ending a link, ids deep in a long site path, files, the WordPress admin's own pages, the
certificate authority's validation token). All URLs invented for this test."""

from __future__ import annotations

import pytest

from scamshield.engine.url import WEIGHTS, _kit_folder, analyze_url
from scamshield.engine.urlparse import parse_url


def _kit(url: str) -> list[dict]:
    return [s.evidence for s in analyze_url(url).signals if s.code == "kit_folder"]


@pytest.mark.parametrize("url, kind", [
    ("http://cafe-example.com/.tmb/_notify", "hidden_folder"),
    ("https://physics-club.example.org/.bbb/", "hidden_folder"),
    ("https://clinic-example.co.ao/.redd/js.htm", "hidden_folder"),
    ("http://travel-example.com/images/.verifynow/", "hidden_folder"),
    ("http://plumber.example.com/wp-includes/js/crop/cm/", "cms_core_folder"),
    ("https://shop.example.co.uk/wp-includes/Requests/Transport/acct/verify", "cms_core_folder"),
    ("https://blog.example.com/wp-admin/css/colors/blue/update/", "cms_core_folder"),
    ("https://school.example.edu.gt/wp-admin/account", "cms_core_folder"),
    ("https://farm.example.com.br/.well-known/pki-validation/checkpoint/", "well_known_folder"),
    ("https://clinic.example.gob/.well-known/pki-validation/bank/actuel/", "well_known_folder"),
])
def test_kit_folder_fires(url: str, kind: str) -> None:
    found = _kit(url)
    assert found and found[0]["kind"] == kind, url
    sig = next(s for s in analyze_url(url).signals if s.code == "kit_folder")
    assert sig.weight == WEIGHTS["kit_folder"] and sig.fraud_type == "PHISHING_LINK"


@pytest.mark.parametrize("url", [
    # a per-visitor MD5 folder: kits make them, but so do download sites ('/download/<md5>/'): no signal
    "http://bakery-example.com/007/hm/c1dbe4d1681fab5ffc5849ee1443118a/",
    "http://software.example.com/download_player/download/0f1e2d3c4b5a69788796a5b4c3d2e1f0/",
    # an id ENDING the link (avatars, e-mail confirmations, downloads): no folder
    "https://gravatar.com/avatar/ebb8ce8b7b6fde6d20864547dac4d671",
    "https://newsletter.example.com/confirm/5d41402abc4b2a76b9719d911017c592",
    "https://files.example.com/d/5d41402abc4b2a76b9719d911017c592?dl=1",
    # a file inside the session-like folder (a download), not the folder itself
    "https://cdn.example.com/uploads/5d41402abc4b2a76b9719d911017c592/report.pdf",
    # the id is not among the last two segments, or the path is long (a site's own deep URL scheme)
    "https://forum.example.ua/jokes/all/page/1/author/8fd5c5eeb362604ce5a04be05b7adf9c/sortby/date",
    "https://forum.example.com/a/8fd5c5eeb362604ce5a04be05b7adf9c/b/c/",
    # 31 / 33 hex digits or a non-hex letter: no MD5
    "https://example.com/x/5d41402abc4b2a76b9719d911017c59/",
    "https://example.com/x/5d41402abc4b2a76b9719d911017c5922/",
    "https://example.com/x/5d41402abc4b2a76b9719d911017c59z/",
    # WordPress's own files and admin pages
    "https://blog.example.com/wp-admin/",
    "https://blog.example.com/wp-admin/network/",
    "https://blog.example.com/wp-admin/post.php?post=12&action=edit",
    "https://blog.example.com/wp-includes/js/jquery/jquery.min.js",
    "https://blog.example.com/wp-includes/css/dist/block-library/style.min.css?ver=6.4",
    "https://blog.example.com/wp-content/uploads/2024/05/",
    # .well-known files and the certificate authority's validation token
    "https://example.com/.well-known/security.txt",
    "https://example.com/.well-known/acme-challenge/Xq3v9Lk2pQw8Zr1Yt7Uv",
    "https://example.com/.well-known/pki-validation/ABC123DEF456.txt",
    "https://example.com/.well-known/openid-configuration",
    # dot-folders a protocol or platform reserves, a dot-FILE, a dot-folder deep in a repository browser
    "https://myapp.example-hosting.net/.auth/login/aad/callback",
    "https://site-example.com/.netlify/functions/subscribe",
    "https://example.com/.hidden",
    "https://example.com/.env.example",
    "https://git.example.org/group/repo/-/tree/main/.github/workflows",
    "https://example.com/docs/v2/guide/.vuepress/config",   # beyond the first three segments
    # no path at all / a plain page
    "https://example.com/",
    "https://example.com/about/team/",
])
def test_kit_folder_near_misses_do_not_fire(url: str) -> None:
    assert _kit_folder(parse_url(url)) is None, url
    assert not _kit(url), url


def test_official_host_is_never_judged() -> None:
    # an official brand domain skips the path rules altogether
    assert not _kit("https://www.paypal.com/wp-admin/css/colors/blue/x/")


def test_kit_folder_counts_once_as_a_weak_cue() -> None:
    # a login word in a folder inside wp-includes: the kit folder and the CMS folder are one cue ('cms_folder'),
    # so the weak-cue bonus sees two cues (login words, CMS folder), not three
    a = analyze_url("https://plumber.example.com/wp-includes/js/crop/verify/")
    codes = {s.code for s in a.signals}
    assert {"kit_folder", "suspicious_path"} <= codes
    cues = next(s.evidence["cues"] for s in a.signals if s.code == "several_weak_cues")
    assert sorted(cues) == ["cms_folder", "login_words_in_path"]


# --- https_folder: a folder named 'https' so that the path reads like a second web address ------------------------
@pytest.mark.parametrize("url", [
    "http://bakery-example.com.br/https/",
    "http://bakery-example.com.br/https",
    "https://garden-club.example.org//https/",
    "https://garden-club.example.org/2/https/",
    "http://dentist.example.ro/https/198.51.100.7/online.examplebank.com/mua/index.html",
    "https://plumber.example.se/HTTPS/secure/",
])
def test_https_folder_fires(url: str) -> None:
    sig = [s for s in analyze_url(url).signals if s.code == "https_folder"]
    assert sig and sig[0].weight == WEIGHTS["https_folder"] and sig[0].fraud_type == "PHISHING_LINK", url


@pytest.mark.parametrize("url", [
    "https://developer.example.org/en-US/docs/Glossary/HTTPS",   # a page about the protocol, deep and last
    "https://blog.example.com/guides/https",                      # the last segment, no folder
    "https://blog.example.com/why-https-matters/",                # a slug with the word in it
    "https://example.com/a/b/c/https/",                           # beyond the first three segments
    "https://example.com/libraries/joomla/http/transport/",       # 'http': a program folder
    "https://www.example-std.org/jtc1/sc22/wg14/www/docs/n2596.pdf",  # 'www': a site's own folder
    "https://example.com/httpsx/",
    "https://example.com/?next=https",                            # the query, not a folder
])
def test_https_folder_near_misses(url: str) -> None:
    assert not any(s.code == "https_folder" for s in analyze_url(url).signals), url

"""Build ``training/data/urls_benign_docs.csv``: legitimate URLs that appear as references in locally installed
software documentation (Debian ``/usr/share/doc``) and Python package metadata (``*.dist-info/METADATA``
``Home-page`` / ``Project-URL`` lines). Never touches the network.

    .venv/bin/python -m scamshield.training.extract_doc_urls [--out PATH] [--per-host 4] [--root DIR ...]

Why: the URL model's legitimate side is ~130 ISCX sites (2016) plus bare Tranco domains, so it learned that "a
subdomain or an ordinary path on some other site" looks like phishing. These are real addresses on ~1,000
different hosts (project sites, docs hosts, mailing-list archives, bug trackers, standards bodies, universities),
with subdomains, deep paths, file names and query strings, that maintainers wrote into their documentation.

What is kept (deterministic; the CSV is committed so training does not depend on what is installed):
* ``http``/``https`` addresses with a dotted host name; no IP literals, ``localhost``, ``example.*`` / ``.test`` /
  ``.invalid`` / ``.local`` hosts, template placeholders (``$``, ``{``, ``<``, ``%s``), or user-info (``@``).
* trailing punctuation of prose (``.,;:)'"``) is cut; at most 200 characters.
* at most ``--per-host`` addresses per host and ``4 × per-host`` per registered domain (github.com alone
  holds most of the references), chosen by a hash of the address (not the first ones seen), so one project's
  change log does not dominate.

Licence: the addresses are bibliographic facts (where a project, document or bug lives); no documentation text
is copied. The resulting list is distributed as CC0 like the other files in ``training/data`` (see its README).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
import sys
from collections import defaultdict
from email.parser import HeaderParser
from pathlib import Path

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?")
_BAD_HOST = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net)|localhost|[^.]+\.(?:test|invalid|local|example|lan)"
                       r"|domain\.tld|host\.name|yourdomain\.com|foo\.bar|my\.server)$")
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_PLACEHOLDER = re.compile(r"[${}<>\\]|%s|%d|\.\.\.|XXX", re.IGNORECASE)
_TEXT_SUFFIXES = {"", ".txt", ".md", ".rst", ".html", ".htm", ".gz", ".debian", ".org", ".news", ".readme"}
_MAX_BYTES = 2_000_000


def _clean(u: str) -> str | None:
    while u and (u[-1] in ".,;:'\"]*>!" or u[-1] == ")" and u.count("(") < u.count(")")):
        u = u[:-1]  # prose punctuation after the address; a ")" only when unbalanced (wiki/Foo_(bar) keeps it)
    if len(u) > 200 or _PLACEHOLDER.search(u):
        return None
    host = u.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower().rstrip(".")
    if "@" in u.split("://", 1)[1].split("/", 1)[0]:
        return None
    if "." not in host or _IP.match(host) or _BAD_HOST.search(host) or host.endswith("."):
        return None
    labels = host.split(".")
    if not re.fullmatch(r"[a-z]{2,24}", labels[-1]) or any(not x for x in labels):
        return None
    return u


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return ""
        raw = gzip.open(path).read(_MAX_BYTES) if path.suffix == ".gz" else path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile):
        return ""
    if b"\x00" in raw[:4096]:
        return ""
    return raw.decode("utf-8", "replace")


def doc_urls(root: Path) -> set[str]:
    out: set[str] = set()
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink() and p.suffix.lower() in _TEXT_SUFFIXES:
            for m in _URL.finditer(_read(p)):
                u = _clean(m.group(0))
                if u:
                    out.add(u)
    return out


def metadata_urls(site_packages: Path) -> set[str]:
    out: set[str] = set()
    for meta in sorted(site_packages.glob("*.dist-info/METADATA")):
        try:
            head = HeaderParser().parsestr(meta.read_text(encoding="utf-8", errors="replace"))
        except (OSError, UnicodeError):
            continue
        values = (head.get_all("Home-page") or []) + (head.get_all("Project-URL") or [])
        for v in values:
            for m in _URL.finditer(v):
                u = _clean(m.group(0))
                if u:
                    out.add(u)
    return out


def _registered(host: str) -> str:
    from scamshield.engine.urlparse import registrable

    _, dom, suf = registrable(host)
    return f"{dom}.{suf}" if suf else dom


def select(urls: set[str], per_host: int) -> list[str]:
    from scamshield.engine.textmodel import split_url

    by_host: dict[str, list[str]] = defaultdict(list)
    for u in urls:
        by_host[split_url(u).host].append(u)  # (lower case, "www." dropped: what the model sees as the host)
    by_domain: dict[str, list[str]] = defaultdict(list)
    for host, us in by_host.items():
        us.sort(key=lambda x: hashlib.sha256(x.encode()).hexdigest())
        by_domain[_registered(host)].extend(us[:per_host])
    out: list[str] = []
    for dom in sorted(by_domain):
        us = sorted(by_domain[dom], key=lambda x: hashlib.sha256(("d:" + x).encode()).hexdigest())
        out.extend(sorted(us[: 4 * per_host]))
    return out


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(here / "data" / "urls_benign_docs.csv"))
    ap.add_argument("--per-host", type=int, default=4)
    ap.add_argument("--root", action="append", default=None, help="documentation folder (default /usr/share/doc)")
    ap.add_argument("--site-packages", action="append", default=None,
                    help="folder with *.dist-info (default: this interpreter's site-packages)")
    args = ap.parse_args(argv)
    urls: set[str] = set()
    for r in args.root or ["/usr/share/doc"]:
        urls |= doc_urls(Path(r))
    import site
    import sysconfig

    sps = args.site_packages or sorted({sysconfig.get_paths()["purelib"], *site.getsitepackages()})
    for sp in sps:
        if Path(sp).is_dir():
            urls |= metadata_urls(Path(sp))
    rows = select(urls, args.per_host)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["url", "label"])
        for u in rows:
            w.writerow([u, 0])
    hosts = {u.split("://", 1)[1].split("/", 1)[0] for u in rows}
    print(f"{len(urls)} distinct addresses found, {len(rows)} kept on {len(hosts)} hosts -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

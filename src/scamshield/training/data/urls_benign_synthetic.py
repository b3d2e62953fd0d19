"""CC0 synthetic legitimate deep links for training the URL model (written for ScamShield; public domain).

Why: the benign URL sources teach the model artefacts. Tranco lists bare registrable domains, and the ISCX benign
list has odd, crawler-shaped paths; so ordinary deep links of real sites (a dated news slug, a product page with an
id, a search page, docs, a profile, an API call, a static asset) were scored like phishing. These generators pair
the *training side's* benign hosts (never a test host) with hand-written path templates of ordinary web pages.

The templates and word lists below were written by hand for this file; nothing is copied from a data set. They
deliberately avoid credential/payment words (login, verify, account, secure, update, billing, ...): those are
what phishing paths are made of, and teaching them as benign on popular hosts would only move the model's
attention to the host. Deterministic: the choice of templates and words is seeded by the host name.
"""

from __future__ import annotations

import hashlib
import random
from typing import Callable, Iterable

TOPICS = (
    "election", "budget", "monsoon", "cricket", "football", "markets", "startup", "climate", "railway", "housing",
    "festival", "travel", "health", "vaccine", "science", "space", "education", "exam", "results", "weather",
    "traffic", "metro", "airport", "energy", "solar", "electric", "cars", "phones", "laptop", "review", "recipe",
    "movie", "music", "concert", "series", "books", "history", "museum", "garden", "fitness", "running", "yoga",
    "coffee", "restaurant", "hotel", "beach", "mountain", "river", "city", "village", "farmers", "harvest",
    "court", "parliament", "minister", "policy", "tax", "salary", "jobs", "hiring", "interview", "school",
    "university", "research", "study", "report", "survey", "data", "chart", "guide", "tips", "explained",
)
VERBS = (
    "announces", "launches", "opens", "wins", "loses", "plans", "reports", "says", "reviews", "explains", "expands",
    "cuts", "raises", "delays", "approves", "rejects", "finds", "tests", "returns", "celebrates", "marks", "unveils",
)
NOUNS = (
    "shirt", "shoes", "kettle", "blender", "backpack", "headphones", "charger", "cable", "monitor", "keyboard",
    "mouse", "chair", "desk", "lamp", "mattress", "pillow", "saree", "kurta", "jeans", "watch", "wallet", "bottle",
    "tent", "bicycle", "helmet", "camera", "lens", "tripod", "speaker", "router", "printer", "notebook", "pen",
    "rice", "tea", "spices", "oil", "soap", "shampoo", "toy", "puzzle", "guitar", "drum", "paint", "brush",
)
ADJS = (
    "black", "white", "blue", "red", "green", "small", "large", "wireless", "portable", "cotton", "steel", "wooden",
    "classic", "new", "pro", "mini", "max", "lite", "organic", "fresh", "smart", "compact", "foldable", "kids",
)
CATEGORIES = (
    "electronics", "fashion", "home", "kitchen", "sports", "books", "toys", "beauty", "grocery", "garden", "auto",
    "music", "movies", "games", "office", "baby", "pets", "health", "travel", "tech", "business", "world", "india",
    "opinion", "lifestyle", "entertainment", "science", "education",
)
DOC_WORDS = (
    "getting-started", "installation", "configuration", "quickstart", "tutorial", "reference", "faq", "changelog",
    "release-notes", "examples", "overview", "concepts", "troubleshooting", "migration", "api", "cli", "plugins",
    "deployment", "performance", "testing", "contributing", "license", "glossary", "architecture", "networking",
)
API_WORDS = ("users", "items", "posts", "comments", "products", "orders", "search", "events", "feeds", "videos",
             "images", "tags", "stats", "status", "config", "regions", "prices", "articles", "playlists")
SYL = ("ka", "ri", "to", "mu", "an", "sh", "ve", "lo", "ne", "ar", "jo", "pi", "de", "sa", "ki", "ra", "mi", "ta",
       "el", "on", "be", "ch", "ya", "di")
LOCALES = ("en", "en-us", "en-gb", "en-in", "hi", "de", "fr", "es", "pt-br", "ja", "it", "nl")
ASSET_DIRS = ("static", "assets", "dist", "build", "public", "img", "images", "css", "js", "fonts", "media",
              "wp-content/uploads", "wp-content/themes", "wp-includes/js", "_next/static", "cdn")
ASSET_EXTS = ("js", "css", "png", "jpg", "svg", "webp", "woff2", "gif", "ico", "mp4")
SUBDOMAINS = ("", "", "", "", "www.", "www.", "m.", "blog.", "docs.", "shop.", "news.", "help.", "api.",
              "developer.", "support.", "store.", "community.", "cdn.", "static.", "en.")
QUERY_KEYS = ("q", "query", "search", "s", "k", "term")
EXTRA_QUERY = ("page", "sort", "ref", "utm_source", "utm_medium", "lang", "tab", "view", "filter", "limit", "from")
PAGES = ("about", "about-us", "contact", "careers", "press", "privacy", "terms", "pricing", "features", "blog",
         "news", "events", "partners", "sitemap", "team", "investors", "stores", "download", "apps", "shipping",
         "returns", "faq", "help", "community", "jobs", "newsroom", "accessibility", "cookies")


def _slug(r: random.Random, n: tuple[int, int] = (3, 8)) -> str:
    words = [r.choice(TOPICS), r.choice(VERBS)] + [r.choice(TOPICS + NOUNS + ADJS) for _ in range(r.randint(*n) - 2)]
    r.shuffle(words)
    return "-".join(words)


def _name(r: random.Random) -> str:
    s = "".join(r.choice(SYL) for _ in range(r.randint(2, 4)))
    if r.random() < 0.4:
        s += r.choice(("", "_", ".", "-")) + str(r.randint(1, 9999))
    return s


def _id(r: random.Random) -> str:
    return str(r.randint(10 ** (k := r.randint(3, 11)), 10 ** (k + 1) - 1))


def _date(r: random.Random, sep: str = "/") -> str:
    return f"{r.randint(2012, 2026)}{sep}{r.randint(1, 12):02d}{sep}{r.randint(1, 28):02d}"


def _query(r: random.Random) -> str:
    keys = r.sample(EXTRA_QUERY, r.randint(0, 2))
    vals = {"page": lambda: str(r.randint(1, 40)), "limit": lambda: str(r.choice((10, 20, 50, 100)))}
    return "".join(f"&{k}={vals.get(k, lambda: r.choice(TOPICS + CATEGORIES))()}" for k in keys)


def _news(r: random.Random) -> str:
    c = r.choice(CATEGORIES)
    return r.choice((
        lambda: f"{c}/{_date(r)}/{_slug(r)}",
        lambda: f"{_date(r)}/{c}/{_slug(r)}.html",
        lambda: f"news/{c}/{_slug(r)}-{_id(r)}",
        lambda: f"{c}/{_slug(r)}/article{_id(r)}.ece",
        lambda: f"story/{_slug(r)}-{_id(r)}.html",
        lambda: f"{_date(r, '-')[:7]}/{_slug(r)}",
    ))()


def _product(r: random.Random) -> str:
    prod = f"{r.choice(ADJS)}-{r.choice(NOUNS)}" + (f"-{r.choice(ADJS)}" if r.random() < 0.5 else "")
    return r.choice((
        lambda: f"{prod}/dp/B0{_id(r)[:8].upper()}",
        lambda: f"p/{prod}/{_id(r)}",
        lambda: f"product/{_id(r)}",
        lambda: f"{r.choice(CATEGORIES)}/{prod}-{_id(r)}.html",
        lambda: f"shop/{r.choice(CATEGORIES)}/{prod}?color={r.choice(ADJS)}&size={r.choice('SML')}",
        lambda: f"item/{_id(r)}?variant={_id(r)}",
        lambda: f"collections/{r.choice(CATEGORIES)}/products/{prod}",
    ))()


def _search(r: random.Random) -> str:
    q = "+".join(r.choice(TOPICS + NOUNS) for _ in range(r.randint(1, 3)))
    return r.choice((
        lambda: f"search?{r.choice(QUERY_KEYS)}={q}{_query(r)}",
        lambda: f"s?k={q}{_query(r)}",
        lambda: f"results?search_query={q}",
        lambda: f"{r.choice(CATEGORIES)}?{r.choice(EXTRA_QUERY)}={r.choice(TOPICS)}",
        lambda: f"tag/{r.choice(TOPICS)}",
        lambda: f"{r.choice(CATEGORIES)}/page/{r.randint(2, 30)}",
        lambda: f"topics/{r.choice(TOPICS)}?sort={r.choice(('new', 'top', 'popular'))}",
    ))()


def _docs(r: random.Random) -> str:
    d = r.choice(DOC_WORDS)
    return r.choice((
        lambda: f"docs/{d}",
        lambda: f"docs/{r.choice(('v1', 'v2', 'v3', 'latest', 'stable', '4.2', '2.x'))}/{d}/{r.choice(DOC_WORDS)}",
        lambda: f"{r.choice(LOCALES)}/docs/{d}",
        lambda: f"guide/{d}.html",
        lambda: f"help/articles/{_id(r)}-{_slug(r, (2, 5))}",
        lambda: f"wiki/{r.choice(TOPICS).capitalize()}_{r.choice(NOUNS)}",
        lambda: f"{r.choice(LOCALES)}/{r.choice(PAGES)}",
        lambda: r.choice(PAGES),
        lambda: f"{r.choice(PAGES)}/{r.choice(PAGES)}",
    ))()


def _profile(r: random.Random) -> str:
    n = _name(r)
    return r.choice((
        lambda: n,
        lambda: f"@{n}",
        lambda: f"user/{n}",
        lambda: f"u/{n}",
        lambda: f"in/{n}",
        lambda: f"{n}/{r.choice(('posts', 'videos', 'photos', 'followers', 'repositories', 'likes'))}",
        lambda: f"channel/UC{_id(r)}{_name(r)}",
        lambda: f"{n}/status/{_id(r)}{_id(r)}",
        lambda: f"r/{r.choice(TOPICS)}/comments/{_name(r)}/{_slug(r).replace('-', '_')}",
        lambda: f"watch?v={_name(r)[:11]}",
    ))()


def _api(r: random.Random) -> str:
    a = r.choice(API_WORDS)
    return r.choice((
        lambda: f"api/{r.choice(('v1', 'v2', 'v3'))}/{a}",
        lambda: f"api/{r.choice(('v1', 'v2'))}/{a}/{_id(r)}",
        lambda: f"v1/{a}?{r.choice(EXTRA_QUERY)}={r.randint(1, 100)}",
        lambda: f"rest/{a}/{_id(r)}.json",
        lambda: f"graphql?operationName={r.choice(API_WORDS).capitalize()}Query",
        lambda: f"feeds/{a}.xml",
        lambda: f"{r.choice(CATEGORIES)}/rss",
    ))()


def _asset(r: random.Random) -> str:
    name = r.choice((r.choice(("main", "app", "vendor", "bundle", "styles", "logo", "icon", "hero", "banner")),
                     f"{r.choice(NOUNS)}-{r.choice(ADJS)}", _name(r)))
    if r.random() < 0.5:
        name += "." + hashlib.sha1(str(r.random()).encode()).hexdigest()[: r.choice((6, 8, 10))]
    ext = r.choice(ASSET_EXTS)
    d = r.choice(ASSET_DIRS)
    if d.startswith("wp-content/uploads"):
        d += "/" + _date(r)[:7]
    q = f"?v={r.randint(1, 999)}" if r.random() < 0.3 else ""
    return f"{d}/{name}{'.min' if ext in ('js', 'css') and r.random() < 0.4 else ''}.{ext}{q}"


def _app(r: random.Random) -> str:
    return r.choice((
        lambda: f"app/{r.choice(('home', 'feed', 'inbox', 'settings', 'library', 'explore'))}",
        lambda: f"{r.choice(('apps', 'app'))}/{r.choice(('android', 'ios', 'desktop'))}",
        lambda: f"dashboard/{r.choice(('projects', 'reports', 'overview'))}/{_id(r)}",
        lambda: f"share/{_name(r)}",
        lambda: f"open?id={_id(r)}&ref={r.choice(('share', 'app', 'email'))}",
        lambda: f"play/{_name(r)}",
        lambda: f"listen/{r.choice(('album', 'track', 'playlist'))}/{_name(r)}{_id(r)}",
    ))()


GENERATORS: tuple[Callable[[random.Random], str], ...] = (_news, _product, _search, _docs, _profile, _api, _asset,
                                                          _app)


def deep_links(host: str, n: int = 2, seed: str = "scamshield-synthetic-v1") -> list[str]:
    """``n`` synthetic ordinary deep links on ``host`` (deterministic per host)."""
    r = random.Random(hashlib.sha256(f"{seed}:{host}".encode()).digest())
    out = []
    for _ in range(n):
        gen = r.choice(GENERATORS)
        sub = r.choice(SUBDOMAINS)
        h = host if (not sub or host.startswith(sub) or host.count(".") > 1) else sub + host
        out.append(f"{r.choice(('https://', 'https://', 'http://'))}{h}/{gen(r)}")
    return out


def synthetic_benign(hosts: Iterable[str], n: int = 2) -> list[str]:
    """Synthetic deep links for each distinct host, in first-seen order."""
    seen: set[str] = set()
    out: list[str] = []
    for h in hosts:
        if h and h not in seen:
            seen.add(h)
            out.extend(deep_links(h, n))
    return out

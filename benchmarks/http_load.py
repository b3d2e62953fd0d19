"""HTTP load on one server: `/analyze/sms` and `/analyze/url` beside two reference routes, in the same run. Prints JSON.

The figure that matters is the ratio analyze/reference (throughput, and server CPU per request, which does not
depend on how fast this client is). Two references:

- ``bare``: ``GET /`` (no auth, no body): what the server, the framework and the middleware cost per request;
- ``echo``: ``POST /api/debug/echo`` with the *same JSON bodies and token* as the SMS phase: authenticated, parsed
  and validated into the same model, a small response, no analysis. It is mounted only when the server runs with
  ``SCAMSHIELD_ENV=development`` (as the server this script starts does); elsewhere it answers 404 and is skipped.

So ``sms/echo`` is what the analysis itself (engine, user context, history queue, the bigger response) costs, and
``echo/bare`` what any authenticated JSON POST costs beyond a bare GET. Phases alternate (bare, echo, sms, url,
bare, ...) so a noisy neighbour on a shared machine hits every route alike. Loopback only; bounded in time.

A fresh server has no community reports, and with none the analyses skip the reported-entity lookup altogether
(nothing could match). ``--seed-reports N`` first reports N made-up domains (``bench-reported-<k>.example``, none
in the payloads) through ``POST /report/fraud``, each by as many distinct accounts as the server's
``community_min_reporters`` (default 5), so every analysis then normalises its entities and looks them up, as on a
server with a live community list (needs the JWT secret: the server this script starts, or
``SCAMSHIELD_JWT_SECRET`` with ``--url``).

    .venv/bin/python benchmarks/http_load.py                          # starts its own server (SQLite, temp dir)
    .venv/bin/python benchmarks/http_load.py --concurrency 64 --duration 10 --rounds 3 --client-procs 2
    .venv/bin/python benchmarks/http_load.py --url http://127.0.0.1:8000 --token "$TOKEN" --server-pid 1234
    .venv/bin/python benchmarks/http_load.py --stages 3000 [--seed-reports 20]   # in-process stage profile

``--replay-engine`` (diagnosis only) makes the server it starts compute each distinct input's engine result once and
replay it after, so the analysis routes' CPU per request is everything *around* the engine on the real server (the
JSON says ``"engine_replayed": true``; never quote those figures as the routes' own).

``--stages N`` starts no server: it builds the app with the real factory on a temporary SQLite store, runs its
lifespan, and sends N requests per route one after another straight through the whole ASGI stack (every middleware,
the fast path, the history writer), then prints the CPU per request by stage — token and principal hooks, engine,
entities, ``analyse_and_record`` (``AnalysisService.record``: settings, enrichers, history queue, metrics), rendering — measured with the loop
thread's CPU clock (``time.thread_time_ns``: time the machine gave to other processes is not counted), and the
process CPU per request in all (the rest: middleware, body parsing, the response, the event loop, and the history
batch insert, part of which runs in the database driver's thread). No sockets, no HTTP parsing: add what the bare
route costs over the network for that. Each wrapped stage carries ~1-2 µs of the clock calls.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import multiprocessing as mp
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SCAMSHIELD_SHARED_DATA", ROOT.parent / "shared" / "data"))
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


# ------------------------------------------------------------------------------------------------ server
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env_extra: dict[str, str], port: int, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, **env_extra}
    log = open(log_path, "ab")
    proc = subprocess.Popen([sys.executable, "-m", "scamshield", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early ({proc.returncode}); see {log_path}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not become healthy within 60 s")


# ``--replay-engine`` (diagnosis only): the server this script starts imports this as ``sitecustomize`` and serves
# each distinct input's *engine* result from memory after computing it once, so CPU per request then measures
# everything around the engine -- HTTP, middleware, authentication, user context, history, rendering -- on the real
# server. Never a benchmark result for the analysis routes: the engine is what they exist for.
REPLAY_SITECUSTOMIZE = """
from scamshield.engine import sms as _sms, url as _url


def _replay(fn):
    memo = {}

    def replayed(*args, **kwargs):
        key = repr((args, sorted(kwargs.items())))
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = fn(*args, **kwargs)
        return hit

    return replayed


_sms.analyze_sms = _replay(_sms.analyze_sms)
_url.analyze_url = _replay(_url.analyze_url)
"""


def replay_engine_env(folder: Path) -> dict[str, str]:
    """Environment for a server whose engine results are replayed (``REPLAY_SITECUSTOMIZE`` in ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(REPLAY_SITECUSTOMIZE, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)}


def bench_env(data_dir: Path, secret: str) -> dict[str, str]:
    return {"SCAMSHIELD_ENV": "development", "SCAMSHIELD_DATA_DIR": str(data_dir), "SCAMSHIELD_JWT_SECRET": secret,
            "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off",
            "SCAMSHIELD_RATE_LIMIT_SERVICE": "off", "SCAMSHIELD_LOG_LEVEL": "WARNING"}


def cpu_seconds(pid: int | None) -> float | None:
    """utime + stime of a process (and its threads) from /proc."""
    split = cpu_split(pid)
    return None if split is None else split[0] + split[1]


def cpu_split(pid: int | None) -> tuple[float, float] | None:
    """(utime, stime) of a process (and its threads) from /proc, in seconds. The system part is mostly the kernel's
    socket work (on loopback the sender's ``send`` runs the receiver's TCP input too) and waking the client."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        tck = os.sysconf("SC_CLK_TCK")
        return int(fields[11]) / tck, int(fields[12]) / tck
    except (OSError, IndexError, ValueError):
        return None


def rss_kb(pid: int | None) -> int | None:
    if not pid:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


# ------------------------------------------------------------------------------------------------ payloads
def sample_payloads(n: int = 300) -> dict[str, list[dict]]:
    rnd = random.Random(11)

    def column(folder: str, col: str) -> list[str]:
        path = DATA / folder / "data.csv"
        if not path.exists():
            return []
        with path.open(newline="", encoding="utf-8") as fh:
            return [r[col] for r in csv.DictReader(fh) if r.get(col)]

    sms = column("sms_uci_spam_collection", "text") + column("sms_mendeley_smishing_dev_half", "text")
    urls = column("urls_phishtank_2020", "url") + column("urls_benign_iscx2016_dev_half", "url")
    sms = rnd.sample(sms, min(n, len(sms))) or ["Your KYC is pending. Update now: bit.ly/kyc123"]
    urls = [u for u in rnd.sample(urls, min(n, len(urls))) if len(u) <= 16384] or ["https://paytm.com.account-verify.info/login"]
    return {"sms": [{"message": m[:60000]} for m in sms], "url": [{"url": u} for u in urls]}


def seed_reports(base: str, mint, domains: int, reporters: int) -> int:
    """Report ``domains`` made-up domains, each by ``reporters`` distinct accounts; returns the reports accepted."""
    import httpx

    if mint is None:
        raise SystemExit("--seed-reports needs the JWT secret (SCAMSHIELD_JWT_SECRET with --url)")
    accepted = 0
    with httpx.Client(base_url=base, timeout=30) as client:
        for r in range(reporters):
            headers = {"Authorization": f"Bearer {mint(f'bench-reporter-{r}')}"}
            for k in range(domains):
                resp = client.post("/report/fraud", json={"entity_type": "domain",
                                                          "entity_id": f"bench-reported-{k}.example"}, headers=headers)
                if resp.status_code != 200:
                    raise SystemExit(f"seeding reports: POST /report/fraud answered {resp.status_code}: {resp.text[:200]}")
                accepted += 1
    return accepted


# ------------------------------------------------------------------------------------------------ client
def _client_proc(args: tuple) -> dict:
    """One client process: `conns` keep-alive connections hammering one route for `duration` seconds."""
    base, route, method, payloads, token, conns, duration = args
    try:
        import uvloop  # type: ignore

        uvloop.install()
    except ImportError:
        pass
    return asyncio.run(_drive(base, route, method, payloads, token, conns, duration))


async def _drive(base: str, route: str, method: str, payloads: list[dict], token: str, conns: int,
                 duration: float) -> dict:
    import aiohttp

    latencies: list[float] = []
    statuses: dict[str, int] = {}
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    connector = aiohttp.TCPConnector(limit=conns, force_close=False)
    stop_at = time.perf_counter() + duration

    async with aiohttp.ClientSession(base_url=base, connector=connector, headers=headers) as session:
        async def worker(k: int) -> None:
            i = k
            while time.perf_counter() < stop_at:
                t0 = time.perf_counter()
                try:
                    if method == "GET":
                        async with session.get(route) as resp:
                            await resp.read()
                            status = resp.status
                    else:
                        async with session.post(route, json=payloads[i % len(payloads)]) as resp:
                            await resp.read()
                            status = resp.status
                except aiohttp.ClientError as exc:
                    status = type(exc).__name__
                latencies.append(time.perf_counter() - t0)
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                i += conns

        await asyncio.gather(*(worker(k) for k in range(conns)))
    return {"latencies": latencies, "statuses": statuses}


def run_phase(pool, base: str, name: str, route: str, method: str, payloads: list[dict], token: str,
              concurrency: int, procs: int, duration: float, server_pid: int | None) -> dict:
    per_proc = [concurrency // procs + (1 if i < concurrency % procs else 0) for i in range(procs)]
    cpu0, t0 = cpu_split(server_pid), time.perf_counter()
    results = pool.map(_client_proc, [(base, route, method, payloads, token, c, duration) for c in per_proc if c])
    elapsed = time.perf_counter() - t0
    cpu1 = cpu_split(server_pid)
    have_cpu = cpu0 is not None and cpu1 is not None
    lat = sorted(x for r in results for x in r["latencies"])
    statuses: dict[str, int] = {}
    for r in results:
        for k, v in r["statuses"].items():
            statuses[k] = statuses.get(k, 0) + v
    ok = sum(v for k, v in statuses.items() if k.startswith("2"))
    return {"name": name, "requests": len(lat), "ok": ok, "statuses": statuses, "elapsed_s": elapsed,
            "latencies": lat, "server_cpu_s": sum(cpu1) - sum(cpu0) if have_cpu else None,
            "server_sys_s": cpu1[1] - cpu0[1] if have_cpu else None}


def pct(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, round(q / 100 * (len(sorted_values) - 1)))]


def summarise(phases: list[dict], duration: float) -> dict:
    out: dict[str, dict] = {}
    for name in dict.fromkeys(p["name"] for p in phases):
        mine = [p for p in phases if p["name"] == name]
        lat = sorted(x for p in mine for x in p["latencies"])
        ok = sum(p["ok"] for p in mine)
        statuses: dict[str, int] = {}
        for p in mine:
            for k, v in p["statuses"].items():
                statuses[k] = statuses.get(k, 0) + v
        cpu = [p["server_cpu_s"] for p in mine if p["server_cpu_s"] is not None]
        sys_cpu = [p["server_sys_s"] for p in mine if p["server_sys_s"] is not None]
        out[name] = {
            "requests": len(lat), "ok": ok, "statuses": statuses,
            "throughput_rps": round(ok / (duration * len(mine)), 1),
            "p50_ms": round(pct(lat, 50) * 1000, 2) if lat else None,
            "p95_ms": round(pct(lat, 95) * 1000, 2) if lat else None,
            "p99_ms": round(pct(lat, 99) * 1000, 2) if lat else None,
            "max_ms": round(lat[-1] * 1000, 2) if lat else None,
            "server_cpu_ms_per_request": round(sum(cpu) * 1000 / ok, 3) if cpu and ok else None,
            "server_sys_ms_per_request": round(sum(sys_cpu) * 1000 / ok, 3) if sys_cpu and ok else None,
        }
    return out


# ------------------------------------------------------------------------------------------------ in process
async def _asgi_call(app, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes) -> int:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": headers,
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)

    status = 0

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def _stages(n: int, rounds: int, seed: int, reporters: int) -> dict:
    import functools
    from collections import defaultdict

    from asgi_lifespan import LifespanManager

    from scamshield.api.app import create_app
    from scamshield.api.routes import analyze
    from scamshield.auth import mint_token
    from scamshield.engine import sms as sms_engine
    from scamshield.engine import url as url_engine
    from scamshield.settings import Settings

    tmp = tempfile.TemporaryDirectory(prefix="scamshield-stages-")
    settings = Settings(env="development", data_dir=Path(tmp.name) / "var", jwt_secret=secrets.token_urlsafe(48),
                        rate_limit_user="off", rate_limit_ip="off", rate_limit_service="off", log_level="WARNING")
    app = create_app(settings)
    payloads = sample_payloads()
    acc: dict[str, int] = defaultdict(int)
    clock = time.thread_time_ns

    def timed(obj, name: str, key: str, is_async: bool) -> None:
        fn = getattr(obj, name)
        if is_async:
            @functools.wraps(fn)
            async def wrapper(*a, **k):
                t = clock()
                try:
                    return await fn(*a, **k)
                finally:
                    acc[key] += clock() - t
        else:
            @functools.wraps(fn)
            def wrapper(*a, **k):
                t = clock()
                try:
                    return fn(*a, **k)
                finally:
                    acc[key] += clock() - t
        setattr(obj, name, wrapper)

    def headers(uid: str) -> list[tuple[bytes, bytes]]:
        tok = mint_token(settings, uid, ttl_seconds=3600)
        return [(b"host", b"bench"), (b"authorization", f"Bearer {tok}".encode()), (b"content-type", b"application/json")]

    out: dict = {"requests_per_route_per_round": n, "rounds": rounds, "seeded_domains": seed, "routes": {}}
    try:
        async with LifespanManager(app, startup_timeout=120, shutdown_timeout=30):
            svc = app.state.ctx.extras["analysis"]
            for r in range(reporters if seed else 0):  # through the real route: the community set as a live server has it
                h = headers(f"bench-reporter-{r}")
                for k in range(seed):
                    body = json.dumps({"entity_type": "domain", "entity_id": f"bench-reported-{k}.example"}).encode()
                    assert await _asgi_call(app, "POST", "/report/fraud", h, body) == 200
            h = headers("bench-user")
            routes = {"bare": ("GET", "/", [b""]),
                      "echo": ("POST", "/api/debug/echo", [json.dumps(p).encode() for p in payloads["sms"]]),
                      "sms": ("POST", "/analyze/sms", [json.dumps(p).encode() for p in payloads["sms"]]),
                      "url": ("POST", "/analyze/url", [json.dumps(p).encode() for p in payloads["url"]])}
            for name, (method, path, bodies) in routes.items():  # warm-up (first-contact caches, lazy imports)
                for i in range(200):
                    assert await _asgi_call(app, method, path, h, bodies[i % len(bodies)]) == 200, name
            timed(analyze, "require_user", "auth: token + principal hooks", True)
            timed(sms_engine, "analyze_sms", "engine", False)
            timed(url_engine, "analyze_url", "engine", False)
            timed(analyze, "_entities", "entities", False)
            timed(svc, "record", "analyse_and_record", True)  # the routes call record(); analyse_and_record wraps it
            timed(analyze, "render_recorded", "render", False)
            runs: dict[str, list[dict]] = defaultdict(list)
            for _ in range(rounds):
                for name, (method, path, bodies) in routes.items():
                    acc.clear()
                    c0 = time.process_time_ns()
                    for i in range(n):
                        await _asgi_call(app, method, path, h, bodies[i % len(bodies)])
                    await svc.flush_all()  # the history rows of this phase are part of its cost
                    cpu = (time.process_time_ns() - c0) / n / 1e3
                    parts = {k: v / n / 1e3 for k, v in acc.items()}
                    parts["rest"] = cpu - sum(parts.values())
                    runs[name].append({"cpu_us": cpu, **parts})
            for name, rs in runs.items():  # the round with the least CPU in all (least disturbed)
                best = min(rs, key=lambda r: r["cpu_us"])
                out["routes"][name] = {k: round(v, 1) for k, v in best.items()}
                out["routes"][name]["cpu_us_all_rounds"] = [round(r["cpu_us"], 1) for r in rs]
    finally:
        tmp.cleanup()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="target an already running server (loopback only); default: start one")
    ap.add_argument("--token", help="Bearer token for --url (or SCAMSHIELD_JWT_SECRET in the environment to mint one)")
    ap.add_argument("--server-pid", type=int, help="server PID for CPU/RSS figures when using --url")
    ap.add_argument("--bare", default="/", help="the bare route to compare against (default /)")
    ap.add_argument("--concurrency", type=int, default=32, help="keep-alive connections in total")
    ap.add_argument("--client-procs", type=int, default=1, help="client processes sharing the connections")
    ap.add_argument("--duration", type=float, default=8.0, help="seconds per phase")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds of (bare, sms, url)")
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per route before measuring")
    ap.add_argument("--echo", default="/api/debug/echo", help="the authenticated reference POST (development servers)")
    ap.add_argument("--only", choices=("bare", "echo", "sms", "url"), action="append", help="measure only these routes")
    ap.add_argument("--seed-reports", type=int, default=0, metavar="N",
                    help="report N made-up domains by enough distinct accounts first (a live community list)")
    ap.add_argument("--reporters", type=int, default=5, help="distinct reporters per seeded domain (the server's "
                    "SCAMSHIELD_COMMUNITY_MIN_REPORTERS, default 5)")
    ap.add_argument("--stages", type=int, default=0, metavar="N",
                    help="no server: N requests per route in process through the ASGI stack, CPU per stage")
    ap.add_argument("--replay-engine", action="store_true",
                    help="diagnosis only: the server replays each input's engine result after computing it once, so "
                         "CPU per request is everything around the engine (needs the server this script starts)")
    ap.add_argument("--py-spy", help="path to a py-spy binary: record the server during the measured phases")
    ap.add_argument("--profile-out", default="http.folded", help="py-spy output (collapsed stacks)")
    args = ap.parse_args(argv)
    if args.stages > 0:
        try:
            import uvloop  # type: ignore

            uvloop.install()
        except ImportError:
            pass
        report = asyncio.run(_stages(args.stages, args.rounds, args.seed_reports, args.reporters))
        report["machine"] = {"cpus": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()]}
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.replay_engine and args.url:
        raise SystemExit("--replay-engine needs the server this script starts (not --url)")
    if args.duration * 4 * args.rounds > 900:
        raise SystemExit("refusing to run longer than 15 minutes")

    proc = None
    mint = None  # user id -> token, when the secret is known
    tmp = tempfile.TemporaryDirectory(prefix="scamshield-bench-")
    try:
        if args.url:
            host = args.url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[0]
            if host not in LOOPBACK:
                raise SystemExit("loopback targets only")
            base = args.url.rstrip("/")
            token = args.token
            server_pid = args.server_pid
            if not token:
                from scamshield.auth import mint_token
                from scamshield.settings import Settings

                token = mint_token(Settings(), "bench-user", ttl_seconds=3600)
                mint = lambda uid: mint_token(Settings(), uid, ttl_seconds=3600)  # noqa: E731
        else:
            secret = secrets.token_urlsafe(48)
            port = free_port()
            env = bench_env(Path(tmp.name) / "var", secret)
            if args.replay_engine:
                env.update(replay_engine_env(Path(tmp.name) / "replay"))
            proc = start_server(env, port, Path(tmp.name) / "server.log")
            base, server_pid = f"http://127.0.0.1:{port}", proc.pid
            from scamshield.auth import mint_token
            from scamshield.settings import Settings

            bench_settings = Settings(jwt_secret=secret, data_dir=Path(tmp.name) / "var")
            token = mint_token(bench_settings, "bench-user", ttl_seconds=3600)
            mint = lambda uid: mint_token(bench_settings, uid, ttl_seconds=3600)  # noqa: E731

        payloads = sample_payloads()
        seeded = seed_reports(base, mint, args.seed_reports, args.reporters) if args.seed_reports > 0 else 0
        routes = [("bare", args.bare, "GET", [{}]), ("echo", args.echo, "POST", payloads["sms"]),
                  ("sms", "/analyze/sms", "POST", payloads["sms"]), ("url", "/analyze/url", "POST", payloads["url"])]
        if args.only:
            routes = [r for r in routes if r[0] in args.only]
        skipped: dict[str, str] = {}
        if any(r[0] == "echo" for r in routes):
            import httpx

            probe = httpx.post(base + args.echo, json=payloads["sms"][0], headers={"Authorization": f"Bearer {token}"},
                               timeout=10)
            if probe.status_code != 200:
                skipped["echo"] = f"{args.echo} answered {probe.status_code} (development servers only)"
                routes = [r for r in routes if r[0] != "echo"]
        loadavg_start = [round(x, 2) for x in os.getloadavg()]
        rss_before = rss_kb(server_pid)
        phases: list[dict] = []
        ctx = mp.get_context("fork")
        with ctx.Pool(args.client_procs) as pool:
            if args.warmup > 0:
                for name, route, method, body in routes:
                    run_phase(pool, base, name, route, method, body, token, args.concurrency, args.client_procs,
                              args.warmup, server_pid)
            spy = None
            if args.py_spy and server_pid:
                spy = subprocess.Popen([args.py_spy, "record", "--pid", str(server_pid), "--output", args.profile_out,
                                        "--format", "raw", "--rate", "200", "--nonblocking"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(args.rounds):
                for name, route, method, body in routes:
                    phases.append(run_phase(pool, base, name, route, method, body, token, args.concurrency,
                                            args.client_procs, args.duration, server_pid))
            if spy is not None:
                spy.send_signal(signal.SIGINT)
                spy.wait(30)
        summary = summarise(phases, args.duration)

        def ratio(a: str, b: str, key: str, invert: bool = False) -> float | None:
            if a not in summary or b not in summary:
                return None
            x, y = summary[a].get(key), summary[b].get(key)
            if not x or not y:
                return None
            return round((y / x) if invert else (x / y), 3)

        ratios: dict[str, float | None] = {}
        for a, b in (("sms", "bare"), ("url", "bare"), ("sms", "echo"), ("url", "echo"), ("echo", "bare")):
            if a in summary and b in summary:
                ratios[f"{a}_vs_{b}_throughput"] = ratio(a, b, "throughput_rps")
                # reference CPU per request / this route's: 1.0 means it costs nothing more than the reference
                ratios[f"{a}_vs_{b}_server_cpu"] = ratio(a, b, "server_cpu_ms_per_request", invert=True)
        report = {
            "target": base, "bare_route": args.bare, "echo_route": args.echo, "concurrency": args.concurrency,
            "client_procs": args.client_procs, "duration_s_per_phase": args.duration, "rounds": args.rounds,
            "machine": {"cpus": os.cpu_count(), "loadavg_start": loadavg_start,
                        "loadavg": [round(x, 2) for x in os.getloadavg()]},
            "routes": summary,
            "skipped": skipped,
            "seeded_reports": {"domains": args.seed_reports, "reporters_each": args.reporters, "accepted": seeded},
            "engine_replayed": bool(args.replay_engine),  # True: the analysis figures exclude the engine
            "ratios": ratios,
            "target_sms_vs_bare": 0.8,
            "server_rss_kb": {"before": rss_before, "after": rss_kb(server_pid)},
        }
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    finally:
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Real-time load: N authenticated WebSocket connections, calls associated over the socket, alerts driven at R/s
through the real ingestion path, optionally across two instances through Redis. Prints JSON:

- delivery latency p50/p95/p99 (server ``created_at`` -> client receive; and request sent -> client receive),
- alerts lost, misdelivered (to a user who does not own the alert), duplicated,
- server RSS per connection (VmRSS after connecting minus before, / connections), server CPU (and per alert),
- where the machine's CPU went during the alerts: servers, load generators (producer, socket clients), PostgreSQL,
  Redis, and anything else running (the generators share the cores with the servers: read the achieved rate with it),
- connection set-up rate and failures.

It raises RLIMIT_NOFILE itself (its servers inherit it), uses a lean raw-socket WebSocket client (one asyncio
Protocol per connection, no per-connection task) spread over several processes and several loopback source
addresses, and is bounded in time (``--max-seconds``). Loopback only. A benchmark: nothing is asserted.

    # one instance (SQLite), 10k idle connections, 200 alerts/s for 20 s through POST /api/calls/{sid}/transcript
    .venv/bin/python benchmarks/ws_load.py --connections 10000 --rate 200 --duration 20
    # two instances on PostgreSQL + Redis: every connection on A, every alert ingested on B
    .venv/bin/python benchmarks/ws_load.py --instances 2 --connections 10000 --rate 200 --duration 20
    # capacity: 20k connections, memory per connection, no alerts
    .venv/bin/python benchmarks/ws_load.py --connections 20000 --rate 0
    # 20k+ on ONE instance run as `scamshield serve --workers 2` (PostgreSQL + Redis; each process is capped at the
    # hard RLIMIT_NOFILE, 20,000 here): memory summed over the worker processes, alerts ingested on the same instance
    .venv/bin/python benchmarks/ws_load.py --server-workers 2 --connections 24000 --client-procs 3 --rate 200 --duration 20
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import math
import multiprocessing as mp
import os
import random
import re
import resource
import secrets
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

LOOPBACK = ("127.0.0.1", "localhost")
SCAM_CALL = ("Hello, I am calling from SBI head office. Your account KYC has expired and your account will be blocked "
             "within 2 hours. To update it just download the AnyDesk app and tell me the code on the screen. You will "
             "get an OTP now, share the OTP with me to complete the verification.")


# ================================================================================================ helpers
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_nofile(wanted: int) -> tuple[int, int]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= wanted:
        return soft, hard
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, max(hard, wanted)))
    except (ValueError, OSError):  # not root: as far as the hard limit allows
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)


def proc_status_kb(pid: int, key: str = "VmRSS") -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def worker_pids(pid: int) -> list[int]:
    """The worker processes of a ``serve --workers N`` supervisor (uvicorn spawns them with multiprocessing:
    ``spawn_main`` in their command line; multiprocessing's resource tracker is not one)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid != pid:
                continue
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, IndexError, ValueError):
            continue
        if b"spawn_main" in cmd and b"resource_tracker" not in cmd:
            found.append(int(entry))
    return sorted(found)


def open_fds(pid: int) -> int | None:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def proc_cpu_s(pid: int) -> float | None:
    """CPU seconds of ``pid`` and of its live child processes (a server's detector workers,
    ``SCAMSHIELD_DETECT_PROCESSES``) and of the children it has reaped."""
    try:
        f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
    except (OSError, IndexError, ValueError):
        return None
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            c = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            if int(c[1]) == pid:
                ticks += int(c[11]) + int(c[12])
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_of_commands(names: tuple[str, ...] = ("postgres", "redis-server")) -> dict[str, float]:
    """CPU seconds used so far by every process whose command name is one of ``names`` (the database and the broker
    share the machine's cores with the servers; other users of the same PostgreSQL/Redis are counted too)."""
    out = dict.fromkeys(names, 0.0)
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        comm = raw[raw.find("(") + 1:raw.rfind(")")]
        if comm in out:
            f = raw.rsplit(")", 1)[1].split()
            out[comm] += (int(f[11]) + int(f[12])) / tick
    return out


def machine_busy() -> tuple[int, int]:
    parts = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = parts[3] + parts[4]
    return sum(parts) - idle, sum(parts)


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))]


def ms(x: float | None) -> float | None:
    return None if x is None else round(x * 1000, 2)


def tail_report(timeline: list[tuple[float, float, int]], stopped: list[dict]) -> dict[str, Any]:
    """Where the slow deliveries are: a burst of them in one short window of created times, on every client process,
    is a stall on the server/Redis side; on one client process only, a stall of that client (it timestamps on
    receipt). ``receive_gaps_ms``: each client process's longest silences while alerts were flowing."""
    if not timeline:
        return {}
    timeline.sort()
    t0 = timeline[0][0]
    lats = sorted(x[1] for x in timeline)
    cut = max(0.1, pct(lats, 95) or 0.0)
    slow = [x for x in timeline if x[1] >= cut]
    windows: dict[int, dict[str, Any]] = {}
    for created, lat, proc_no in slow:
        w = windows.setdefault(int((created - t0) * 10), {"slow": 0, "max_ms": 0.0, "procs": set()})
        w["slow"] += 1
        w["max_ms"] = max(w["max_ms"], round(lat * 1000, 1))
        w["procs"].add(proc_no)
    per_proc = {}
    for proc_no in sorted({x[2] for x in timeline}):
        mine = sorted(x[1] for x in timeline if x[2] == proc_no)
        per_proc[proc_no] = {"received": len(mine), "p99_ms": ms(pct(mine, 99)), "max_ms": ms(mine[-1])}
    gaps = []
    for st in stopped:
        ts = sorted(r[0] for r in st["received"])
        gaps.append(sorted((round((b - a) * 1000, 1) for a, b in zip(ts, ts[1:])), reverse=True)[:3])
    return {
        "slow_cut_ms": ms(cut), "slow": len(slow),
        "slow_by_100ms_of_created_time": [
            {"t_s": k / 10, "slow": v["slow"], "max_ms": v["max_ms"], "client_procs": sorted(v["procs"])}
            for k, v in sorted(windows.items(), key=lambda kv: -kv[1]["slow"])[:8]],
        "per_client_proc": per_proc, "receive_gaps_ms": gaps,
    }


def warnings_of(path: Path, keep: int = 5) -> dict[str, Any]:
    """The server's stall and slow-ingestion warnings (``hub.stall``, ``services.calls``; the latter at most one line
    a second, each saying how many it stands for): counts and the worst logged."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return {}
    stalls = [ln for ln in lines if "event loop stalled" in ln]
    slow = [ln for ln in lines if "slow transcript ingestion" in ln]

    def worst(found: list[str]) -> list[str]:
        def size(ln: str) -> float:
            m = re.search(r"(\d+) ms", ln)
            return float(m.group(1)) if m else 0.0
        return [ln.split(": ", 1)[-1] for ln in sorted(found, key=size, reverse=True)[:keep]]

    return {"loop_stalls": len(stalls), "worst_stalls": worst(stalls),
            "slow_ingestions": sum(int(m.group(1)) if (m := re.search(r"\[(\d+) slow since", ln)) else 1 for ln in slow),
            "worst_slow_ingestions": worst(slow),
            "other_warnings": sum(1 for ln in lines if " WARNING " in ln) - len(stalls) - len(slow),
            "other_warning_lines": [ln[-200:] for ln in lines
                                    if " WARNING " in ln and ln not in stalls and ln not in slow][:keep],
            "errors": [ln.split(": ", 1)[-1][:200] for ln in lines if " ERROR " in ln or " CRITICAL " in ln][:keep]}


# ================================================================================================ servers
class Server:
    def __init__(self, name: str, env: dict[str, str], workdir: Path, ws_impl: str | None,
                 gc_threshold: str | None = None, workers: int = 1, slow_ingest_ms: float | None = None) -> None:
        self.name, self.port = name, free_port()
        self.workers = workers
        log = open(workdir / f"{name}.log", "ab")
        full_env = {**os.environ, **env, "SCAMSHIELD_DATA_DIR": str(workdir / name)}
        if ws_impl:  # the same app, served by uvicorn with another WebSocket implementation (for comparison)
            code = ("import uvicorn; from scamshield.api.app import create_app; from scamshield.settings import Settings;"
                    "from scamshield.logging_setup import configure_logging; s = Settings(); configure_logging(s.log_level);"
                    f"uvicorn.run(create_app(s), host='127.0.0.1', port={self.port}, log_config=None, access_log=False,"
                    f" ws={ws_impl!r}, ws_max_size=s.ws_max_message_bytes, timeout_graceful_shutdown=10, backlog=4096)")
            cmd = [sys.executable, "-c", code]
        elif gc_threshold or slow_ingest_ms is not None:
            # the same server with other garbage-collector thresholds (an experiment on the tail), or logging the
            # stages of ingestions slower than ``slow_ingest_ms`` (one line a second at most) instead of 250 ms
            code = "import gc, sys; "
            if gc_threshold:
                code += f"gc.set_threshold(*{tuple(int(x) for x in gc_threshold.split(','))!r}); "
            if slow_ingest_ms is not None:
                code += f"import scamshield.services.calls as c; c.SLOW_INGEST_SECONDS = {slow_ingest_ms / 1000!r}; "
            code += (f"sys.argv = ['scamshield', 'serve', '--host', '127.0.0.1', '--port', '{self.port}']; "
                     "from scamshield.cli import main; main()")
            cmd = [sys.executable, "-c", code]
        else:
            cmd = [sys.executable, "-m", "scamshield", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
            if workers > 1:
                cmd += ["--workers", str(workers)]
        self.proc = subprocess.Popen(cmd, env=full_env, stdout=log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout: float = 90) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"server {self.name} exited early ({self.proc.returncode})")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise SystemExit(f"server {self.name} not healthy in {timeout}s")
        if self.workers <= 1:
            return
        # Several workers share the listening socket: /health answered by one says nothing of the others. Wait until
        # every worker exists and their memory has stopped growing (start-up loads the models), so that the
        # "before" RSS is not taken mid-start-up and every worker accepts connections.
        last, steady = None, 0
        while time.monotonic() < deadline:
            pids = self.worker_pids()
            rss = [proc_status_kb(p) or 0 for p in pids]
            now = (len(pids), sum(rss))
            if len(pids) >= self.workers and last is not None and now[0] == last[0] and abs(now[1] - last[1]) <= 512:
                steady += 1
                if steady >= 3:
                    return
            else:
                steady = 0
            last = now
            time.sleep(1.0)
        raise SystemExit(f"server {self.name}: {self.workers} workers not settled in {timeout}s")

    def worker_pids(self) -> list[int]:
        """The processes holding sockets: the server itself, or the workers of ``serve --workers N``."""
        return worker_pids(self.pid) if self.workers > 1 else [self.pid]

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def create_pg_database(host: str = "127.0.0.1", port: int = 5432, user: str = "postgres") -> str:
    import asyncpg

    name = f"scamshield_bench_{uuid.uuid4().hex[:10]}"

    async def run() -> None:
        conn = await asyncpg.connect(host=host, port=port, user=user, database="postgres")
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    asyncio.run(run())
    return f"postgresql+asyncpg://{user}@{host}:{port}/{name}"


def drop_pg_database(url: str) -> None:
    import asyncpg

    name = url.rsplit("/", 1)[1]
    rest = url.split("://", 1)[1].split("/", 1)[0]
    user, hostport = rest.split("@", 1)
    host, port = hostport.rsplit(":", 1)

    async def run() -> None:
        conn = await asyncpg.connect(host=host, port=int(port), user=user, database="postgres")
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()

    try:
        asyncio.run(run())
    except Exception:
        pass


# ================================================================================================ lean WS client
class WSClient(asyncio.Protocol):
    """A minimal RFC 6455 client: handshake, unmasked server frames in, masked text frames out, ping -> pong."""

    __slots__ = ("idx", "user", "path", "host", "sink", "transport", "buf", "open", "ready", "closed_code",
                 "pending", "_frag")

    def __init__(self, idx: int, user: str, path: str, host: str, sink: list) -> None:
        self.idx, self.user, self.path, self.host, self.sink = idx, user, path, host, sink
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.open = False
        self.ready: asyncio.Future = asyncio.get_running_loop().create_future()
        self.closed_code: int | None = None
        self.pending: dict[int, asyncio.Future] = {}
        self._frag: bytearray | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        key = base64.b64encode(os.urandom(16)).decode()
        transport.write(  # type: ignore[attr-defined]
            f"GET {self.path} HTTP/1.1\r\nHost: {self.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())

    def connection_lost(self, exc: Exception | None) -> None:
        if self.closed_code is None:
            self.closed_code = 1006
        self.open = False
        if not self.ready.done():
            self.ready.set_exception(ConnectionError(f"closed before ready ({self.closed_code})"))
        for fut in self.pending.values():
            if not fut.done():
                fut.set_exception(ConnectionError("closed"))

    def data_received(self, data: bytes) -> None:
        buf = self.buf
        buf += data
        if not self.open:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            if b" 101 " not in bytes(buf[:end]).split(b"\r\n", 1)[0] + b" ":
                self.closed_code = -1
                self.transport.close()  # type: ignore[union-attr]
                return
            del buf[:end + 4]
            self.open = True
        while len(buf) >= 2:
            b0, b1 = buf[0], buf[1]
            n, pos = b1 & 0x7F, 2
            if n == 126:
                if len(buf) < 4:
                    return
                n, pos = struct.unpack_from("!H", buf, 2)[0], 4
            elif n == 127:
                if len(buf) < 10:
                    return
                n, pos = struct.unpack_from("!Q", buf, 2)[0], 10
            if len(buf) < pos + n:
                return
            payload = bytes(buf[pos:pos + n])
            del buf[:pos + n]
            op = b0 & 0x0F
            if op in (1, 0):
                if not b0 & 0x80:  # fragmented
                    self._frag = (self._frag or bytearray()) + payload
                    continue
                if self._frag is not None:
                    payload, self._frag = bytes(self._frag + payload), None
                self.on_text(payload)
            elif op == 9:
                self._send(0xA, payload)
            elif op == 8:
                self.closed_code = struct.unpack_from("!H", payload)[0] if len(payload) >= 2 else 1005
                self._send(0x8, payload[:2])
                self.transport.close()  # type: ignore[union-attr]
                return

    def on_text(self, payload: bytes) -> None:
        if b'"fraud_alert"' in payload:
            self.sink.append((time.time(), self.idx, payload))
            return
        if b'"ping"' in payload[:40]:
            return
        msg = json.loads(payload)
        kind = msg.get("type")
        if kind == "replay_complete" and not self.ready.done():
            self.ready.set_result(True)
        elif kind in ("call_associated", "error") and msg.get("id") in self.pending:
            fut = self.pending.pop(msg["id"])
            if not fut.done():
                fut.set_result(msg)

    def _send(self, op: int, payload: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        mask = os.urandom(4)
        n = len(payload)
        if n < 126:
            head = struct.pack("!BB", 0x80 | op, 0x80 | n)
        elif n < 65536:
            head = struct.pack("!BBH", 0x80 | op, 0x80 | 126, n)
        else:
            head = struct.pack("!BBQ", 0x80 | op, 0x80 | 127, n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.transport.write(head + mask + masked)

    def send_json(self, obj: dict) -> None:
        self._send(0x1, json.dumps(obj, separators=(",", ":")).encode())

    async def request(self, obj: dict, timeout: float = 30) -> dict:
        fut = asyncio.get_running_loop().create_future()
        self.pending[obj["id"]] = fut
        self.send_json(obj)
        return await asyncio.wait_for(fut, timeout)


# ================================================================================================ client process
def client_main(pipe: Any, plan: dict) -> None:
    """One client process: its slice of connections; commands from the parent over ``pipe``."""
    try:
        import uvloop  # type: ignore

        uvloop.install()
    except ImportError:
        pass
    raise_nofile(plan["nofile"])
    asyncio.run(_client(pipe, plan))


async def _client(pipe: Any, plan: dict) -> None:
    loop = asyncio.get_running_loop()
    sink: list = []
    clients: dict[int, WSClient] = {}
    failures: dict[str, int] = {}
    sem = asyncio.Semaphore(plan["connect_concurrency"])

    async def connect(idx: int, user: str, tok: str, port: int) -> None:
        path = f"/api/ws?token={tok}"
        for attempt in range(4):
            async with sem:
                try:
                    src = f"127.0.0.{2 + (idx % 60)}"
                    _, proto = await asyncio.wait_for(loop.create_connection(
                        lambda: WSClient(idx, user, path, f"127.0.0.1:{port}", sink), "127.0.0.1", port,
                        local_addr=(src, 0)), 30)
                    await asyncio.wait_for(proto.ready, 60)
                    clients[idx] = proto
                    return
                except Exception as exc:
                    key = type(exc).__name__
                    failures[key] = failures.get(key, 0) + 1
            await asyncio.sleep(0.2 * (attempt + 1))

    async def recv() -> Any:
        return await loop.run_in_executor(None, pipe.recv)

    t0 = time.monotonic()
    await asyncio.gather(*(connect(i, u, t, p) for i, u, t, p in plan["conns"]))
    port_of = {i: p for i, _u, _t, p in plan["conns"]}
    per_port: dict[int, int] = {}
    for idx in clients:
        per_port[port_of[idx]] = per_port.get(port_of[idx], 0) + 1
    pipe.send({"phase": "connected", "ok": len(clients), "failures": failures, "seconds": time.monotonic() - t0,
               "per_port": per_port})

    while True:
        cmd = await recv()
        if cmd["cmd"] == "associate":
            asem = asyncio.Semaphore(200)
            results: dict[str, Any] = {"ok": 0, "error": 0, "no_connection": 0, "error_codes": {}}

            async def associate(k: int, idx: int, sid: str) -> None:
                conn = clients.get(idx)
                if conn is None or not conn.open:
                    results["no_connection"] += 1
                    return
                async with asem:
                    try:
                        reply = await conn.request({"type": "associate_call", "call_sid": sid, "id": k})
                        ok = reply.get("type") == "call_associated"
                        results["ok" if ok else "error"] += 1
                        code = None if ok else str(reply.get("code") or reply.get("type"))
                    except Exception as exc:  # no reply in time, or the connection closed
                        results["error"] += 1
                        code = f"{type(exc).__name__} (open={conn.open})"
                    if code is not None:  # why an association failed (one in ~40k did on A in two-instance runs)
                        results["error_codes"][code] = results["error_codes"].get(code, 0) + 1

            await asyncio.gather(*(associate(k, idx, sid) for k, idx, sid in cmd["calls"]))
            pipe.send({"phase": "associated", **results})
        elif cmd["cmd"] == "collect":
            sink.clear()
            pipe.send({"phase": "collecting"})
        elif cmd["cmd"] == "stop":
            closed: dict[str, int] = {}
            for c in clients.values():
                if c.closed_code is not None:
                    closed[str(c.closed_code)] = closed.get(str(c.closed_code), 0) + 1
            received = []
            for t, idx, payload in sink:
                m = json.loads(payload)
                received.append((t, idx, m.get("alert_id"), m.get("created_at"), m.get("seq"), bool(m.get("replayed"))))
            pipe.send({"phase": "stopped", "received": received, "closed_during_run": closed,
                       "open": sum(1 for c in clients.values() if c.open)})
            for c in clients.values():
                if c.transport is not None:
                    c.transport.close()
            await asyncio.sleep(0.5)
            return


# ================================================================================================ producer
async def produce(args: argparse.Namespace, base: str, jobs: list[tuple[str, str]], service_tok: str,
                  admin_tok: str) -> dict:
    """Drive alerts open-loop at ``rate``: job k starts at t0 + k/rate (bounded in flight)."""
    import aiohttp

    results: list[dict] = []
    errors: dict[str, int] = {}
    inflight = asyncio.Semaphore(args.max_inflight)
    lag: list[float] = []
    connector = aiohttp.TCPConnector(limit=args.producer_connections)
    timeout = aiohttp.ClientTimeout(total=30)
    # Time a request waited in the producer for one of its --producer-connections (part of "request sent ->
    # received", invisible to the server).
    queued: list[float] = []
    trace = aiohttp.TraceConfig()

    async def queued_start(_session: Any, ctx: Any, _params: Any) -> None:
        ctx.queued_at = time.monotonic()

    async def queued_end(_session: Any, ctx: Any, _params: Any) -> None:
        queued.append(time.monotonic() - ctx.queued_at)

    trace.on_connection_queued_start.append(queued_start)
    trace.on_connection_queued_end.append(queued_end)
    async with aiohttp.ClientSession(base_url=base, connector=connector, timeout=timeout,
                                     trace_configs=[trace]) as session:
        async def one(k: int, user: str, sid: str, due: float) -> None:
            async with inflight:
                lag.append(max(0.0, time.monotonic() - due))
                sent = time.time()
                try:
                    if args.path == "transcript":
                        async with session.post(f"/api/calls/{sid}/transcript", json={"text": SCAM_CALL, "sequence": 0},
                                                headers={"Authorization": f"Bearer {service_tok}"}) as r:
                            body = await r.json(content_type=None)
                            status = r.status
                        alert = (body or {}).get("alert") if status == 200 else None
                    else:
                        async with session.post("/api/debug/simulate-alert", json={"user_id": user},
                                                headers={"Authorization": f"Bearer {admin_tok}"}) as r:
                            body = await r.json(content_type=None)
                            status = r.status
                        alert = {"alert_id": body["alert_id"], "seq": body.get("seq"), "held": False} if status == 200 else None
                except Exception as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                    return
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                    return
                results.append({"user": user, "sid": sid, "sent": sent, "answered": time.time(), "alert": alert})

        t0 = time.monotonic() + 0.2
        tasks = []
        for k, (user, sid) in enumerate(jobs):
            due = t0 + k / args.rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(k, user, sid, due)))
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - t0
    lag.sort()
    queued.sort()
    return {"results": results, "errors": errors, "elapsed": elapsed,
            "start_lag_p99_ms": ms(pct(lag, 99)), "start_lag_max_ms": ms(lag[-1] if lag else None),
            "connection_wait": {"requests_that_waited": len(queued), "max_ms": ms(queued[-1] if queued else None),
                                "over_100ms": sum(1 for x in queued if x > 0.1)}}


def start_profile(args: argparse.Namespace, pid: int, name: str) -> subprocess.Popen | None:
    if not args.py_spy:
        return None
    out = Path(args.profile_dir) / f"{name}.folded"
    more = ["--subprocesses"] if args.server_workers > 1 else []
    return subprocess.Popen([args.py_spy, "record", "--pid", str(pid), "--output", str(out), "--format", "raw", "--rate", "200",
                             "--nonblocking", *more], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_profile(spy: subprocess.Popen | None) -> None:
    if spy is not None:
        spy.send_signal(signal.SIGINT)
        try:
            spy.wait(30)
        except subprocess.TimeoutExpired:
            spy.kill()


def request_split(port: int, answered: list[float]) -> dict[str, Any]:
    """Where an ingestion request's time goes: the share of requests over 25/50/100/250 ms as the producer measured
    them (sent -> response) and as the server measured them (its middleware's histogram: request handed to the app
    -> response sent). A tail the server does not see is spent before the app gets the request (the socket read,
    the HTTP parse and the task waiting for the event loop) or in the producer; one it sees is in the handler (the
    slow-ingestion log lines give its stages)."""
    import httpx

    route = "/api/calls/{call_sid}/transcript"
    try:
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    except httpx.HTTPError as exc:
        return {"error": type(exc).__name__}
    buckets: dict[float, float] = {}
    for line in text.splitlines():
        if line.startswith("scamshield_http_request_duration_seconds_bucket") and f'route="{route}"' in line:
            le = re.search(r'le="([^"]+)"', line)
            if le:
                buckets[float("inf") if le.group(1) == "+Inf" else float(le.group(1))] = float(line.rsplit(" ", 1)[1])
    total = buckets.get(float("inf"), 0.0)
    out: dict[str, Any] = {"requests_server_counted": int(total), "over_ms": {}}
    for cut in (0.025, 0.05, 0.1, 0.25):
        client = sum(1 for x in answered if x > cut) / max(1, len(answered))
        server = (total - buckets[cut]) / total if total and cut in buckets else None
        out["over_ms"][str(int(cut * 1000))] = {"client_percent": round(100 * client, 2),
                                                "server_percent": None if server is None else round(100 * server, 2)}
    return out


def memory_report(before: dict[int, int | None], after: dict[int, int | None], fds0: dict[int, int | None],
                  fds1: dict[int, int | None], connections: int) -> dict[str, Any]:
    """RSS of the processes holding an instance's sockets (one, or each worker of ``serve --workers N``): the
    growth from before connecting to connected, summed over them, per connection. Per worker: its share of the
    sockets (open file descriptors gained) and its own growth per socket."""
    grown = sum((after.get(p) or 0) - (before.get(p) or 0) for p in before)
    out: dict[str, Any] = {
        "rss_kb_before": sum(v or 0 for v in before.values()), "rss_kb_connected": sum(v or 0 for v in after.values()),
        "connections": connections,
        "kb_per_connection": round(grown / connections, 2) if connections else None}
    if len(before) > 1:
        out["workers"] = [{"pid": p, "rss_kb_before": before[p], "rss_kb_connected": after.get(p),
                           "fds_gained": (fds1.get(p) or 0) - (fds0.get(p) or 0),
                           "kb_per_socket": round(((after.get(p) or 0) - (before[p] or 0))
                                                  / max(1, (fds1.get(p) or 0) - (fds0.get(p) or 0)), 2)}
                          for p in before]
    return out


# ================================================================================================ main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--connections", type=int, default=10_000)
    ap.add_argument("--devices-per-user", type=int, default=1, help="connections per user (alerts fan out to each)")
    ap.add_argument("--rate", type=float, default=200.0, help="alerts per second (0: connections only)")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds of alert traffic")
    ap.add_argument("--path", choices=("transcript", "simulate"), default="transcript",
                    help="transcript: POST /api/calls/{sid}/transcript (service token) on calls associated over the "
                         "socket; simulate: POST /api/debug/simulate-alert (admin)")
    ap.add_argument("--instances", type=int, choices=(1, 2), default=1,
                    help="2: connections on A, alerts ingested on B (every alert crosses Redis)")
    ap.add_argument("--spread", action="store_true", help="with 2 instances, connections on both A and B")
    ap.add_argument("--server-workers", type=int, default=1,
                    help="each instance is `scamshield serve --workers N` (N processes sharing one port; needs Redis, "
                         "default redis://127.0.0.1:6379/0, and PostgreSQL, created unless --database-url): memory, "
                         "connections and CPU are summed over its worker processes")
    ap.add_argument("--database-url", help="default: SQLite (1 instance) or a fresh PostgreSQL database (2)")
    ap.add_argument("--postgres", action="store_true", help="create a fresh PostgreSQL database even for 1 instance")
    ap.add_argument("--redis-url", help="default: none (1 instance) or redis://127.0.0.1:6379/0 (2)")
    ap.add_argument("--uvicorn-ws", choices=("websockets", "websockets-sansio", "wsproto"),
                    help="serve through uvicorn with this WS implementation instead of `scamshield serve`")
    ap.add_argument("--gc-threshold", help="servers run with gc.set_threshold(T0,T1,T2), e.g. 50000,20,100 "
                    "(default: Python's 700,10,10)")
    ap.add_argument("--slow-ingest-ms", type=float,
                    help="servers log the stages of ingestions slower than this (default 250; one line a second)")
    ap.add_argument("--client-procs", type=int, default=2)
    ap.add_argument("--connect-concurrency", type=int, default=64, help="handshakes in flight per client process")
    ap.add_argument("--producer-connections", type=int, default=32)
    ap.add_argument("--max-inflight", type=int, default=256)
    ap.add_argument("--idle-seconds", type=float, default=10.0, help="idle window after connecting (CPU measured)")
    ap.add_argument("--grace", type=float, default=3.0, help="seconds to wait for late deliveries")
    ap.add_argument("--max-seconds", type=float, default=900, help="hard bound on the whole run")
    ap.add_argument("--keep-logs", action="store_true")
    ap.add_argument("--py-spy", help="path to a py-spy binary: profile the server during set-up and alerts")
    ap.add_argument("--profile-dir", default=".", help="where py-spy writes setup.folded / alerts.folded (collapsed stacks)")
    args = ap.parse_args(argv)

    if args.server_workers > 1 and (args.uvicorn_ws or args.gc_threshold or args.slow_ingest_ms is not None):
        ap.error("--server-workers runs `scamshield serve --workers N`: not with --uvicorn-ws / --gc-threshold / "
                 "--slow-ingest-ms")
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(SystemExit("--max-seconds exceeded")))
    signal.alarm(int(args.max_seconds))
    nofile = raise_nofile(args.connections + 4096)
    load_at_start = [round(x, 2) for x in os.getloadavg()]

    from scamshield.auth import mint_token
    from scamshield.settings import Settings

    workdir = Path(tempfile.mkdtemp(prefix="scamshield-wsload-"))
    secret = secrets.token_urlsafe(48)
    settings_for_tokens = Settings(jwt_secret=secret, data_dir=workdir)
    run = uuid.uuid4().hex[:8]
    created_db = None
    db_url = args.database_url
    redis_url = args.redis_url
    if args.instances == 2 or args.server_workers > 1:
        redis_url = redis_url or "redis://127.0.0.1:6379/0"
    if (args.instances == 2 or args.postgres or args.server_workers > 1) and not db_url:
        db_url = created_db = create_pg_database()
    env = {"SCAMSHIELD_ENV": "test", "SCAMSHIELD_JWT_SECRET": secret, "SCAMSHIELD_RATE_LIMIT_USER": "off",
           "SCAMSHIELD_RATE_LIMIT_IP": "off", "SCAMSHIELD_RATE_LIMIT_SERVICE": "off", "SCAMSHIELD_LOG_LEVEL": "WARNING",
           "SCAMSHIELD_WS_HEARTBEAT_SECONDS": "25"}
    if db_url:
        env["SCAMSHIELD_DATABASE_URL"] = db_url
    if redis_url:
        env["SCAMSHIELD_REDIS_URL"] = redis_url

    servers: list[Server] = []
    children: list[Any] = []
    report: dict[str, Any] = {}
    try:
        for name in ("a", "b")[: args.instances]:
            srv = Server(name, env, workdir, args.uvicorn_ws, args.gc_threshold, args.server_workers,
                         args.slow_ingest_ms)
            srv.wait_healthy()  # one after the other: the first one migrates
            servers.append(srv)
        a = servers[0]
        b = servers[-1]
        conn_servers = servers if (args.instances == 2 and args.spread) else [a]
        workers_of = {s.name: s.worker_pids() for s in servers}
        rss_before = {s.name: {p: proc_status_kb(p) for p in workers_of[s.name]} for s in servers}
        fds_before = {s.name: {p: open_fds(p) for p in workers_of[s.name]} for s in servers}

        n = args.connections
        n_users = max(1, n // max(1, args.devices_per_user))
        users = [f"wl{run}u{i}" for i in range(n_users)]
        tokens = {u: mint_token(settings_for_tokens, u, ttl_seconds=7200) for u in users}
        conns = [(i, users[i % n_users], tokens[users[i % n_users]], conn_servers[i % len(conn_servers)].port)
                 for i in range(n)]
        procs = max(1, args.client_procs)
        ctx = mp.get_context("fork")
        pipes = []
        for p in range(procs):
            parent_end, child_end = ctx.Pipe()
            plan = {"conns": conns[p::procs], "nofile": nofile[0], "connect_concurrency": args.connect_concurrency}
            proc = ctx.Process(target=client_main, args=(child_end, plan), daemon=True)
            proc.start()
            children.append(proc)
            pipes.append(parent_end)

        cpu0 = {s.name: proc_cpu_s(s.pid) for s in servers}
        t_connect = time.monotonic()
        spy = start_profile(args, a.pid, "setup")
        connected = [pipe.recv() for pipe in pipes]
        stop_profile(spy)
        connect_seconds = time.monotonic() - t_connect
        cpu_connect = {s.name: round((proc_cpu_s(s.pid) or 0) - (cpu0[s.name] or 0), 2) for s in servers}
        ok = sum(c["ok"] for c in connected)
        time.sleep(3)  # let allocations settle
        idle0 = {s.name: proc_cpu_s(s.pid) for s in servers}
        time.sleep(args.idle_seconds)  # idle sockets: heartbeats, protocol pings, nothing else
        idle_cpu = {s.name: round(100 * ((proc_cpu_s(s.pid) or 0) - (idle0[s.name] or 0)) / max(args.idle_seconds, 1e-9), 1)
                    for s in servers}
        rss_connected = {s.name: {p: proc_status_kb(p) for p in workers_of[s.name]} for s in servers}
        fds_connected = {s.name: {p: open_fds(p) for p in workers_of[s.name]} for s in servers}
        per_server_conns = {s.name: sum(c["per_port"].get(s.port, 0) for c in connected) for s in servers}
        failures: dict[str, int] = {}
        for c in connected:
            for k, v in c["failures"].items():
                failures[k] = failures.get(k, 0) + v
        report.update({
            "config": {k: v for k, v in vars(args).items()},
            "machine": {"cpus": os.cpu_count(), "loadavg_at_start": load_at_start,
                        "loadavg": [round(x, 2) for x in os.getloadavg()],
                        "rlimit_nofile": list(nofile),
                        "note": "servers inherit this RLIMIT_NOFILE; without CAP_SYS_RESOURCE it cannot exceed the hard limit"},
            "connections": {
                "requested": n, "established": ok, "users": n_users, "failures_retried": failures,
                "setup_seconds": round(connect_seconds, 2), "setup_per_second": round(ok / connect_seconds, 1),
                "server_cpu_s_during_setup": cpu_connect,
                "server_cpu_ms_per_setup": {k: round(1000 * v / per_server_conns[k], 2) if per_server_conns[k] else None
                                            for k, v in cpu_connect.items()},
                "idle_server_cpu_percent_of_one_core": idle_cpu, "idle_seconds": args.idle_seconds,
            },
            "server_memory": {
                s.name: memory_report(rss_before[s.name], rss_connected[s.name], fds_before[s.name],
                                      fds_connected[s.name], per_server_conns[s.name])
                for s in servers},
        })

        if args.rate > 0 and ok:
            total = int(math.ceil(args.rate * args.duration))
            rnd = random.Random(5)
            targets = [rnd.randrange(n) for _ in range(total)]  # a connection index: its user owns the call
            jobs = [(conns[i][1], f"CA{run}{k:07d}") for k, i in enumerate(targets)]
            if args.path == "transcript":
                by_proc: list[list] = [[] for _ in range(procs)]
                for k, i in enumerate(targets):
                    by_proc[i % procs].append((k, i, jobs[k][1]))
                t_assoc = time.monotonic()
                for p, pipe in enumerate(pipes):
                    pipe.send({"cmd": "associate", "calls": by_proc[p]})
                assoc = [pipe.recv() for pipe in pipes]
                report["associations"] = {
                    "calls": total, "ok": sum(x["ok"] for x in assoc), "error": sum(x["error"] for x in assoc),
                    "no_connection": sum(x["no_connection"] for x in assoc),
                    "error_codes": {k: sum(x.get("error_codes", {}).get(k, 0) for x in assoc)
                                    for k in sorted({k for x in assoc for k in x.get("error_codes", {})})},
                    "seconds": round(time.monotonic() - t_assoc, 2)}
            for pipe in pipes:
                pipe.send({"cmd": "collect"})
            for pipe in pipes:
                pipe.recv()
            service_tok = mint_token(settings_for_tokens, f"wl{run}svc", roles=["service"], ttl_seconds=7200)
            admin_tok = mint_token(settings_for_tokens, f"wl{run}ops", roles=["admin"], ttl_seconds=7200)
            cpu_a = {s.name: proc_cpu_s(s.pid) for s in servers}
            gen_a = (time.process_time(), [proc_cpu_s(c.pid) or 0.0 for c in children], cpu_of_commands())
            busy0 = machine_busy()
            t_run = time.monotonic()
            spy = start_profile(args, b.pid, "alerts")
            try:  # the producer is part of the load generator's CPU: keep it lean
                import uvloop  # type: ignore

                uvloop.install()
            except ImportError:
                pass
            prod = asyncio.run(produce(args, f"http://127.0.0.1:{b.port}", jobs, service_tok, admin_tok))
            stop_profile(spy)
            time.sleep(args.grace)
            run_wall = time.monotonic() - t_run
            cpu_b = {s.name: proc_cpu_s(s.pid) for s in servers}
            gen_b = (time.process_time(), [proc_cpu_s(c.pid) or 0.0 for c in children], cpu_of_commands())
            busy1 = machine_busy()
            rss_after = {s.name: sum(proc_status_kb(p) or 0 for p in s.worker_pids()) for s in servers}
            for pipe in pipes:
                pipe.send({"cmd": "stop"})
            stopped = [pipe.recv() for pipe in pipes]

            expected: dict[str, dict] = {}
            for r in prod["results"]:
                if r["alert"] and not r["alert"].get("held"):
                    expected[r["alert"]["alert_id"]] = r
            owner_conns: dict[str, int] = {}
            for i in range(n):
                owner_conns[conns[i][1]] = owner_conns.get(conns[i][1], 0) + 1
            receipts: dict[tuple[str, int], int] = {}
            lat_created, lat_sent = [], []
            timeline: list[tuple[float, float, int]] = []  # (created, created -> received, client process)
            misdelivered = unknown = 0
            for proc_no, st in enumerate(stopped):
                for t, idx, alert_id, created_at, _seq, _replayed in st["received"]:
                    r = expected.get(alert_id)
                    if r is None:
                        unknown += 1
                        continue
                    if conns[idx][1] != r["user"]:
                        misdelivered += 1
                        continue
                    receipts[(alert_id, idx)] = receipts.get((alert_id, idx), 0) + 1
                    if receipts[(alert_id, idx)] == 1:
                        if created_at:
                            created = datetime.fromisoformat(created_at).timestamp()
                            lat_created.append(t - created)
                            timeline.append((created, t - created, proc_no))
                        lat_sent.append(t - r["sent"])
            expected_deliveries = sum(owner_conns[r["user"]] for r in expected.values())
            delivered = len(receipts)
            duplicates = sum(v - 1 for v in receipts.values())
            lat_created.sort()
            lat_sent.sort()
            closed: dict[str, int] = {}
            for st in stopped:
                for k, v in st["closed_during_run"].items():
                    closed[k] = closed.get(k, 0) + v
            answered = [r["answered"] - r["sent"] for r in prod["results"]]
            answered.sort()
            report["alerts"] = {
                "path": args.path, "ingested_on": b.name, "requested": total, "rate_requested": args.rate,
                "rate_achieved": round(len(prod["results"]) / max(prod["elapsed"], 1e-9), 1),
                "requests_ok": len(prod["results"]), "request_errors": prod["errors"],
                "alerts_created": len(expected),
                "no_alert_from_detector": sum(1 for r in prod["results"] if not r["alert"]),
                "expected_deliveries": expected_deliveries, "delivered": delivered,
                "lost": expected_deliveries - delivered, "misdelivered": misdelivered, "duplicates": duplicates,
                "unknown_alerts": unknown,
                "latency_created_to_received_ms": {"p50": ms(pct(lat_created, 50)), "p95": ms(pct(lat_created, 95)),
                                                   "p99": ms(pct(lat_created, 99)),
                                                   "max": ms(lat_created[-1] if lat_created else None)},
                "latency_request_sent_to_received_ms": {"p50": ms(pct(lat_sent, 50)), "p95": ms(pct(lat_sent, 95)),
                                                        "p99": ms(pct(lat_sent, 99)),
                                                        "max": ms(lat_sent[-1] if lat_sent else None)},
                "ingest_request_ms": {"p50": ms(pct(answered, 50)), "p99": ms(pct(answered, 99))},
                "producer_start_lag_ms": {"p99": prod["start_lag_p99_ms"], "max": prod["start_lag_max_ms"]},
                "producer_connection_wait": prod["connection_wait"],
                "connections_closed_during_run": closed,
                "connections_open_at_end": sum(st["open"] for st in stopped),
            }
            report["alerts"]["tail"] = tail_report(timeline, stopped)
            if args.path == "transcript":
                report["alerts"]["request_time_split"] = request_split(b.port, answered)
                if args.server_workers > 1:
                    report["alerts"]["request_time_split"]["note"] = (
                        "server side: the /metrics of whichever worker answered (each worker has its own registry)")
            report["server_cpu"] = {
                s.name: {"cpu_s": round((cpu_b[s.name] or 0) - (cpu_a[s.name] or 0), 2),
                         "percent_of_one_core": round(100 * ((cpu_b[s.name] or 0) - (cpu_a[s.name] or 0)) / run_wall, 1),
                         "rss_kb_after": rss_after[s.name]}
                for s in servers}
            report["machine"]["busy_percent_during_alerts"] = round(
                100 * (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]), 1)
            n_alerts = max(1, len(prod["results"]))
            for s in servers:
                report["server_cpu"][s.name]["cpu_ms_per_alert"] = round(
                    1000 * ((cpu_b[s.name] or 0) - (cpu_a[s.name] or 0)) / n_alerts, 2)
            # Where the machine's CPU went during the alert phase (percent of ONE core): the servers, the load
            # generators (this process drives the HTTP producer; the client processes hold the sockets), PostgreSQL
            # and Redis, and the rest (other users of the machine). 100 % of one core = half of this 2-core machine.
            split = {f"server_{s.name}": (cpu_b[s.name] or 0) - (cpu_a[s.name] or 0) for s in servers}
            split["generator_producer"] = gen_b[0] - gen_a[0]
            split["generator_clients"] = sum(gen_b[1]) - sum(gen_a[1])
            for name in gen_a[2]:
                split[name] = gen_b[2][name] - gen_a[2][name]
            busy_s = (busy1[0] - busy0[0]) / os.sysconf("SC_CLK_TCK")  # /proc/stat: jiffies summed over the cores
            split["other"] = max(0.0, busy_s - sum(split.values()))
            report["machine"]["cpu_percent_of_one_core_during_alerts"] = {
                k: round(100 * v / run_wall, 1) for k, v in split.items()}
        else:
            for pipe in pipes:
                pipe.send({"cmd": "stop"})
            stopped = [pipe.recv() for pipe in pipes]
            report["connections"]["open_at_end"] = sum(st["open"] for st in stopped)
        report["server_warnings"] = {srv.name: warnings_of(workdir / f"{srv.name}.log") for srv in servers}
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    finally:
        signal.alarm(0)
        for proc in children:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
        for srv in servers:
            srv.stop()
        if created_db:
            drop_pg_database(created_db)
        if args.keep_logs:
            print(f"logs: {workdir}", file=sys.stderr)
        else:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

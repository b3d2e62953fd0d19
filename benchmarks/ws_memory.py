"""Where does a WebSocket connection's memory go? Serves the real app in this process under tracemalloc, opens N
connections from a child process (the lean client of ws_load.py), and prints the top allocation sites of the
difference, per connection, as JSON. A diagnostic for the hub owner, not a test.

    .venv/bin/python benchmarks/ws_memory.py --connections 2000 [--ws websockets-sansio|websockets|wsproto]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing as mp
import os
import secrets
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ws_load import WSClient, free_port, proc_status_kb, raise_nofile  # noqa: E402


def clients(port: int, tokens: list[str], ready, stop) -> None:
    async def run() -> None:
        loop = asyncio.get_running_loop()
        sem = asyncio.Semaphore(64)
        held = []

        async def one(i: int, tok: str) -> None:
            async with sem:
                _, proto = await loop.create_connection(
                    lambda: WSClient(i, "u", f"/api/ws?token={tok}", f"127.0.0.1:{port}", []), "127.0.0.1", port,
                    local_addr=(f"127.0.0.{2 + i % 60}", 0))
                await asyncio.wait_for(proto.ready, 60)
                held.append(proto)

        await asyncio.gather(*(one(i, t) for i, t in enumerate(tokens)))
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.2)
        for p in held:
            p.transport.close()

    asyncio.run(run())


async def main_async(args: argparse.Namespace) -> dict:
    import uvicorn

    from scamshield.api.app import create_app
    from scamshield.auth import mint_token
    from scamshield.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="scamshield-wsmem-"))
    secret = secrets.token_urlsafe(48)
    settings = Settings(env="test", data_dir=tmp, jwt_secret=secret, rate_limit_user="off", rate_limit_ip="off",
                        rate_limit_service="off", log_level="WARNING")
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_config=None, access_log=False,
                            ws=args.ws, backlog=4096, lifespan="on")
    server = uvicorn.Server(config)
    serve = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.05)

    tokens = [mint_token(settings, f"mem{i}", ttl_seconds=3600) for i in range(args.connections)]
    ctx = mp.get_context("fork")
    ready, stop = ctx.Event(), ctx.Event()
    # one warm-up connection pays for lazy imports and caches before the baseline
    warm = ctx.Process(target=clients, args=(port, tokens[:1], ctx.Event(), ctx.Event()), daemon=True)
    warm.start()
    await asyncio.sleep(3)
    warm.kill()
    await asyncio.sleep(1)

    gc.collect()
    rss0 = proc_status_kb(os.getpid())
    snap0 = tracemalloc.take_snapshot()
    proc = ctx.Process(target=clients, args=(port, tokens, ready, stop), daemon=True)
    proc.start()
    while not ready.is_set():
        await asyncio.sleep(0.2)
    await asyncio.sleep(2)
    gc.collect()
    rss1 = proc_status_kb(os.getpid())
    snap1 = tracemalloc.take_snapshot()
    stop.set()
    n = args.connections
    top = []
    for stat in snap1.compare_to(snap0, "lineno")[: args.top]:
        frame = stat.traceback[0]
        parts = Path(frame.filename).parts
        where = "/".join(parts[-3:]) + f":{frame.lineno}"
        top.append({"where": where, "bytes_per_conn": round(stat.size_diff / n), "objects_per_conn": round(stat.count_diff / n, 2)})
    traced = 0
    by_area: dict[str, int] = {}
    for stat in snap1.compare_to(snap0, "filename"):
        traced += stat.size_diff
        name = stat.traceback[0].filename
        area = next((a for a in ("scamshield/hub", "scamshield/api/routes", "scamshield/api", "scamshield",
                                 "uvicorn", "websockets", "starlette", "fastapi", "sqlalchemy", "asyncio", "contextlib",
                                 "anyio") if f"/{a}/" in name or name.endswith(f"/{a}.py")), "other")
        by_area[area] = by_area.get(area, 0) + stat.size_diff
    server.should_exit = True
    await asyncio.wait({serve}, timeout=15)
    proc.join(5)
    return {"connections": n, "ws": args.ws, "rss_kb_per_conn": round((rss1 - rss0) / n, 2),
            "python_heap_bytes_per_conn": round(traced / n),
            "by_area_bytes_per_conn": {k: round(v / n) for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])},
            "top_sites": top,
            "note": "RSS includes tracemalloc's own bookkeeping; python_heap_bytes_per_conn is what Python objects take"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--connections", type=int, default=2000)
    ap.add_argument("--ws", default="auto", help="uvicorn WebSocket implementation")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    raise_nofile(args.connections + 4096)
    tracemalloc.start(1)
    report = asyncio.run(main_async(args))
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

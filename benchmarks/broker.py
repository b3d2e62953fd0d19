"""The Redis hop alone: two RedisBroker instances (= two app instances) in one process, N subscribed user channels,
messages published on one and received on the other at a fixed rate, then as fast as possible. Prints JSON.

    .venv/bin/python benchmarks/broker.py --channels 10000 --rate 200 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid

from scamshield.hub.broker_redis import RedisBroker


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return round(values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))] * 1000, 3)


async def run(args: argparse.Namespace) -> dict:
    prefix = f"bench{uuid.uuid4().hex[:8]}:"
    got: dict[str, float] = {}

    async def on_message(channel: str, message: str) -> None:
        got[message] = time.perf_counter()

    receiver = RedisBroker(args.redis_url, on_message, prefix=prefix, client_name="bench-recv")
    sender = RedisBroker(args.redis_url, on_message, prefix=prefix, client_name="bench-send")
    await receiver.start()
    await sender.start()
    channels = [f"user:{i}" for i in range(args.channels)]
    t0 = time.perf_counter()
    await asyncio.gather(*(receiver.subscribe(c) for c in channels))
    subscribe_s = time.perf_counter() - t0

    async def phase(n: int, rate: float | None) -> dict:
        sent: dict[str, float] = {}
        got.clear()
        start = time.perf_counter()
        for k in range(n):
            if rate:
                delay = start + k / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            key = f"{k}"
            sent[key] = time.perf_counter()
            await sender.publish(random.choice(channels), key)
        deadline = time.perf_counter() + 5
        while len(got) < n and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - start
        lat = sorted(got[k] - sent[k] for k in got if k in sent)
        return {"messages": n, "received": len(got), "lost": n - len(got), "elapsed_s": round(elapsed, 3),
                "msgs_per_s": round(len(got) / elapsed, 1), "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95),
                "p99_ms": pct(lat, 99), "max_ms": pct(lat, 100)}

    paced = await phase(int(args.rate * args.seconds), args.rate)
    flood = await phase(args.flood, None)
    await sender.close()
    await receiver.close()
    return {"channels": args.channels, "subscribe_all_s": round(subscribe_s, 3), "paced": {"rate": args.rate, **paced},
            "as_fast_as_possible": flood, "loadavg": [round(x, 2) for x in os.getloadavg()],
            "note": "sender and receiver share one process and one event loop: latency includes both sides' work"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--redis-url", default=os.environ.get("SCAMSHIELD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"))
    ap.add_argument("--channels", type=int, default=10_000)
    ap.add_argument("--rate", type=float, default=200.0)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--flood", type=int, default=20_000, help="messages in the as-fast-as-possible phase")
    args = ap.parse_args()
    json.dump(asyncio.run(run(args)), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

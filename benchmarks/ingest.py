"""In-process cost of ingesting one transcript segment (``CallService.ingest_transcript``), stage by stage.

No HTTP, no sockets: a loop calls the real service on a migrated database (SQLite file and/or a fresh PostgreSQL
database) and times each stage through the service's ``stage_probe``:

    peek      SQLite: the unlocked read of the call's state the detector runs on (then "detect", before "checkout")
    checkout  per-call asyncio lock; SQLite: the process's hot-transaction lock (where concurrent ingestions queue);
              PostgreSQL: pool checkout (and a ping only if the connection sat idle > 30 s)
    lock      lock_call: upsert + read of the call row (PostgreSQL: with the segment INSERT, one statement)
    segment   the segment INSERT (idempotency on the dedup key; PostgreSQL: ~0, done in ``lock``)
    detect    the conversation detector (pure Python)
    save      the detection UPDATE (PostgreSQL, when an alert fires: with the seq and the alert INSERT, one statement)
    alert     seq + the owner's preferences, alert INSERT (only when an alert fires; PostgreSQL: the preferences
              check, plus the undo statement when the owner does not want that level)
    commit    COMMIT and connection return (SQLite: the commit rides on the save/alert step's thread hop)
    publish   hub publication (memory broker, or Redis with --redis-url)

Cases (one fresh call per segment, as ``ws_load.py`` drives it):
    alert     a whole scam call as one segment on an associated call, service actor -> an alert fires
    quiet     a harmless segment with a dedup key (Twilio content event) -> no alert
    retry     the same segments again (Twilio retry): the dedup key stops it after the segment INSERT

CPU is process CPU (``time.process_time``: includes the SQLite writer thread / aiosqlite's thread; PostgreSQL's own
CPU is in its server process and is not counted) and loop-thread CPU (``time.thread_time``). Run it from a tree
without ``stage_probe`` (an older commit, via PYTHONPATH=<tree>/src) and it still reports the totals. Prints JSON.

    .venv/bin/python benchmarks/ingest.py                       # SQLite and PostgreSQL, 300 segments per case
    .venv/bin/python benchmarks/ingest.py --backend sqlite --segments 500 --cases alert
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ws_load import SCAM_CALL, create_pg_database, drop_pg_database  # noqa: E402

from scamshield.engine.conversation import Segment  # noqa: E402
from scamshield.hub.hub import Hub  # noqa: E402
from scamshield.metrics import Metrics  # noqa: E402
from scamshield.services.alerts import AlertService  # noqa: E402
from scamshield.services.calls import SERVICE_ACTOR, CallService  # noqa: E402
from scamshield.settings import Settings  # noqa: E402
from scamshield.store import users as user_store  # noqa: E402
from scamshield.store.migrate import upgrade_async  # noqa: E402
from scamshield.store.session import Database  # noqa: E402

STAGES = ("peek", "checkout", "lock", "segment", "detect", "save", "alert", "commit", "publish")
QUIET = "Hi, it's Arjun. Are we still on for lunch tomorrow at the new cafe near the station?"
USERS = 50


def summary(values: list[float]) -> dict[str, float]:
    v = sorted(values)
    if not v:
        return {}
    at = lambda q: v[min(len(v) - 1, round(q / 100 * (len(v) - 1)))]  # noqa: E731
    return {"mean": round(statistics.fmean(v) * 1000, 3), "p50": round(at(50) * 1000, 3),
            "p99": round(at(99) * 1000, 3)}


class Probe:
    """Records (stage, wall, process CPU, loop-thread CPU) deltas since the previous mark."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float, float]] = []

    def start(self) -> None:
        self.marks = [("start", time.perf_counter(), time.process_time(), time.thread_time())]

    def __call__(self, stage: str) -> None:
        self.marks.append((stage, time.perf_counter(), time.process_time(), time.thread_time()))

    def deltas(self) -> dict[str, tuple[float, float, float]]:
        out = {}
        for (_, w0, c0, t0), (name, w1, c1, t1) in zip(self.marks, self.marks[1:]):
            out[name] = (w1 - w0, c1 - c0, t1 - t0)
        return out


async def run_backend(url: str, args: argparse.Namespace) -> dict:
    await upgrade_async(url)
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    db = Database(url)
    hub = Hub(broker_url=args.redis_url + ("&" if "?" in args.redis_url else "?") + f"prefix=ingest{uuid.uuid4().hex[:6]}:"
              if args.redis_url else None)
    await hub.start()
    metrics = Metrics()
    calls = CallService(db, AlertService(db, hub, metrics, settings), metrics, settings)
    async with db.transaction() as s:
        for i in range(USERS):
            await user_store.ensure_user(s, f"u{i}", None)
    statements = [0]

    def count(*_a) -> None:
        statements[0] += 1

    engines = getattr(db, "sync_engines", [db.engine.sync_engine])
    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    probe = Probe()
    calls.stage_probe = probe
    out: dict = {}
    run_id = uuid.uuid4().hex[:6]
    try:
        for case in args.cases:
            n = args.segments
            warm = args.warmup
            key_case = "quiet" if case == "retry" else case
            if case == "retry" and "quiet" not in args.cases:
                raise SystemExit("--cases retry needs quiet before it (it retries quiet's segments)")
            sids = [f"CA{run_id}{key_case[0]}{k:06d}" for k in range(warm + n)]
            if case == "alert":
                for k, sid in enumerate(sids):  # associated beforehand, as ws_load does over the sockets
                    await calls.associate_call(f"u{k % USERS}", sid, source="api", trusted=True)
            text = SCAM_CALL if case == "alert" else QUIET
            stage_vals: dict[str, list[tuple[float, float, float]]] = {s: [] for s in STAGES}
            totals: list[tuple[float, float, float]] = []
            alerts = dup = 0
            gc.collect()
            before = statements[0]
            for k, sid in enumerate(sids):
                if k == warm:
                    before = statements[0]
                w0, c0, t0 = time.perf_counter(), time.process_time(), time.thread_time()
                probe.start()
                r = await calls.ingest_transcript(sid, Segment(text, "caller", True), dedup_key=f"tw:{sid}:0",
                                                  source="twilio" if case != "alert" else "api", actor=SERVICE_ACTOR)
                w1, c1, t1 = time.perf_counter(), time.process_time(), time.thread_time()
                if k < warm:
                    continue
                totals.append((w1 - w0, c1 - c0, t1 - t0))
                for name, d in probe.deltas().items():
                    stage_vals[name].append(d)
                alerts += r.alert is not None
                dup += r.duplicate
            out[case] = {
                "segments": n, "alerts": alerts, "duplicates": dup,
                "statements_per_segment": round((statements[0] - before) / n, 2),
                "total": {"wall_ms": summary([t[0] for t in totals]), "cpu_ms": summary([t[1] for t in totals]),
                          "loop_cpu_ms": summary([t[2] for t in totals])},
                "stages": {name: {"wall_ms": summary([v[0] for v in vals]), "cpu_ms": summary([v[1] for v in vals]),
                                  "n": len(vals)}
                           for name, vals in stage_vals.items() if vals},
            }
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)
        await hub.close()
        await db.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--database-url", help="use this (migrated in place) instead of a temporary database")
    ap.add_argument("--redis-url", help="publish through Redis (default: in-process memory broker)")
    ap.add_argument("--segments", type=int, default=300, help="measured segments per case")
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--cases", nargs="+", choices=("alert", "quiet", "retry"), default=["alert", "quiet", "retry"])
    args = ap.parse_args(argv)
    result: dict = {"load_avg_before": [round(x, 2) for x in os.getloadavg()], "segments": args.segments,
                    "publish": "redis" if args.redis_url else "memory"}
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        if args.database_url:
            url, cleanup = args.database_url, None
        elif backend == "sqlite":
            tmp = tempfile.mkdtemp()
            url, cleanup = f"sqlite+aiosqlite:///{tmp}/ingest.db", None
        else:
            url = create_pg_database()
            cleanup = url
        try:
            result[backend] = asyncio.run(run_backend(url, args))
        finally:
            if cleanup:
                drop_pg_database(cleanup)
    result["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

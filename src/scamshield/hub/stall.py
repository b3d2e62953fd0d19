"""Event-loop stall watch: how late the loop runs a timer, and how much of that was the garbage collector.

A real-time server's delivery tail is made of the moments its loop did not run: a long synchronous step, a full
garbage collection, the process not being scheduled (a busy machine). ``StallWatch`` wakes every ``interval``
seconds, measures how late it woke (the loop lag), keeps the worst and a count of stalls, and logs one WARNING per
stall of at least ``log_threshold`` seconds with the time the collector spent in it (``gc.callbacks``) — so a
latency tail can be attributed from the logs: GC, a busy loop, or neither (scheduling: look at the machine).
Cost: one timer wake-up per ``interval`` (default 0.1 s) and two clock reads per collection.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time

log = logging.getLogger("scamshield.hub.stall")


class StallWatch:
    def __init__(self, *, interval: float = 0.1, log_threshold: float = 0.25) -> None:
        self.interval = interval
        self.log_threshold = log_threshold
        self.max_lag = 0.0
        self.stalls = 0  # wake-ups at least log_threshold late
        self.gc_seconds = 0.0  # total time in collections since start
        self.gc_max = 0.0  # longest single collection
        self._gc_started: float | None = None
        self._gc_longest: tuple[float, int] = (0.0, -1)  # (seconds, generation) of the longest collection lately
        self._task: asyncio.Task | None = None

    def _on_gc(self, phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._gc_started = now
        elif self._gc_started is not None:
            took = now - self._gc_started
            self._gc_started = None
            self.gc_seconds += took
            if took > self.gc_max:
                self.gc_max = took
            if took > self._gc_longest[0]:
                self._gc_longest = (took, int(info.get("generation", -1)))

    def start(self) -> None:
        if self._task is None:
            gc.callbacks.append(self._on_gc)
            self._task = asyncio.create_task(self._run(), name="hub-stall-watch")

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    async def _run(self) -> None:
        interval = self.interval
        while True:
            gc_before = self.gc_seconds
            self._gc_longest = (0.0, -1)
            started = time.perf_counter()
            await asyncio.sleep(interval)
            lag = time.perf_counter() - started - interval
            if lag > self.max_lag:
                self.max_lag = lag
            if lag >= self.log_threshold:
                self.stalls += 1
                longest, generation = self._gc_longest
                log.warning("event loop stalled %.0f ms (garbage collection %.0f ms of it; longest collection: "
                            "generation %d, %.0f ms)", lag * 1000, (self.gc_seconds - gc_before) * 1000, generation,
                            longest * 1000)

    def snapshot(self) -> dict[str, float | int]:
        return {"max_lag_ms": round(self.max_lag * 1000, 1), "stalls": self.stalls,
                "gc_ms": round(self.gc_seconds * 1000, 1), "gc_max_ms": round(self.gc_max * 1000, 1)}

"""The conversation detector in worker processes (``SCAMSHIELD_DETECT_PROCESSES`` > 0; off by default).

The detector is pure Python and holds the GIL (~1-2 ms per whole-call segment): on the event loop it is the largest
single cost of a transcript ingestion, and a worker *thread* would not free the loop. A bounded pool of worker
processes runs it instead; the ingestion awaits the result while holding its per-call lock (and, on PostgreSQL, the
call row's lock), so segments of one call are still detected one at a time, in order, on the state the previous one
saved — nothing about ordering or state changes, only where the CPU is spent.

Costs: the state, the segment and the result cross a pipe (pickled: ~0.2-0.4 ms of the loop's CPU per segment on
this 2-core machine), and each worker holds its own copy of the detector's models (~100 MB resident). Whether it
pays depends on idle cores: with the load generator or other instances on the same cores it can cost more than it
saves (measure with ``benchmarks/ws_load.py``). At most ``max_pending`` detections are queued or running; beyond
that, and whenever the pool is broken (a worker died), the detection runs on the loop as without a pool, and a
broken pool is replaced.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from scamshield.engine.conversation import ConversationDetector, DetectionUpdate, Segment, conservative_model_scorer
from scamshield.engine.types import Thresholds

log = logging.getLogger("scamshield.detect_pool")

_WORKER_DETECTOR: ConversationDetector | None = None
_WORKER_DETECT: Callable[..., Any] | None = None


def _init_worker(thresholds: tuple[int, int, int]) -> None:
    global _WORKER_DETECTOR, _WORKER_DETECT
    from scamshield.services.calls import _detect

    _WORKER_DETECTOR = ConversationDetector(Thresholds(*thresholds), model_scorer=conservative_model_scorer)
    _WORKER_DETECT = _detect
    _exit_with_parent()
    # Load the models now, not on the first live segment.
    _detect(_WORKER_DETECTOR, None, Segment("Hello, this is a warm-up.", None, True))


def _exit_with_parent() -> None:
    """A worker blocks on its call queue and would outlive a server killed with SIGKILL (re-parented, holding its
    ~100 MB of models): a daemon thread waits on the parent's sentinel and ends the worker when the parent is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, name="scamshield-detect-parent-watch", daemon=True).start()


def _worker_detect(state: dict[str, Any] | None, text: str, speaker: str | None, final: bool
                   ) -> tuple[dict[str, Any], DetectionUpdate]:
    assert _WORKER_DETECTOR is not None and _WORKER_DETECT is not None
    return _WORKER_DETECT(_WORKER_DETECTOR, state, Segment(text, speaker, final))


class DetectorPool:
    """``await pool.detect(state, segment)`` -> (new state, update), or None: run it inline (pool full/broken)."""

    def __init__(self, processes: int, thresholds: Thresholds, *, max_pending: int | None = None) -> None:
        if processes < 1:
            raise ValueError("a detector pool needs at least one process")
        self.processes = processes
        self._thresholds = (thresholds.medium, thresholds.high, thresholds.critical)
        self.max_pending = max_pending if max_pending is not None else 4 * processes
        self._pending = 0
        self._executor: ProcessPoolExecutor | None = None
        self._warmups: list[Any] = []  # one no-op per worker, submitted with the pool: done = workers have loaded
        self._closed = False
        self.inline_fallbacks = 0  # detections run on the loop because the pool was full, broken or closed

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # "spawn": the server process has threads (SQLite writer, Redis, asyncpg): forking it is not safe.
            self._executor = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_init_worker, initargs=(self._thresholds,))
            self._warmups = [self._executor.submit(int, 0) for _ in range(self.processes)]
        return self._executor

    @property
    def ready(self) -> bool:
        """Workers have started and loaded their models. Until then (seconds after start-up or after a worker died)
        detections run in process: queued behind a loading worker they would hold their call's lock — and on
        PostgreSQL a connection — for that long."""
        return self._executor is not None and all(f.done() for f in self._warmups)

    def start(self) -> None:
        """Start the workers now (their models load in the background) rather than on the first segment."""
        self._pool()

    async def detect(self, state: dict[str, Any] | None, segment: Segment
                     ) -> tuple[dict[str, Any], DetectionUpdate] | None:
        if self._closed or self._pending >= self.max_pending:
            self.inline_fallbacks += 1
            return None
        pool = self._pool()
        if not self.ready:
            self.inline_fallbacks += 1
            return None
        self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(pool, _worker_detect, state, segment.text, segment.speaker,
                                              segment.final)
        except BrokenProcessPool:
            # Several detections in flight fail together when a worker dies; only the first replaces the pool
            # (a later one must not shut down the replacement another segment already started).
            if self._executor is pool:
                log.warning("detector worker process died: replacing the pool, this segment is detected in process")
                self._executor = None
                pool.shutdown(wait=False)
            self.inline_fallbacks += 1
            return None
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the ingestion itself is cancelled
            # the pool's future was cancelled (a shut-down pool), not this request: detect in process
            self.inline_fallbacks += 1
            return None
        finally:
            self._pending -= 1

    def close(self) -> None:
        """Stop the workers; later detections run in process. Detections in flight finish (no cancel_futures)."""
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor = None

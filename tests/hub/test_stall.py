"""StallWatch: a blocked loop is measured and logged, with the garbage collector's share."""

from __future__ import annotations

import asyncio
import gc
import logging
import time

from scamshield.hub.stall import StallWatch


async def test_a_blocked_loop_is_logged_with_its_gc_time(caplog):
    watch = StallWatch(interval=0.02, log_threshold=0.1)
    watch.start()
    try:
        await asyncio.sleep(0.05)
        with caplog.at_level(logging.WARNING, logger="scamshield.hub.stall"):
            gc.collect()
            time.sleep(0.2)  # the loop cannot run its timer meanwhile
            await asyncio.sleep(0.1)
        snap = watch.snapshot()
        assert snap["stalls"] == 1 and snap["max_lag_ms"] >= 150
        assert snap["gc_ms"] > 0
        assert "event loop stalled" in caplog.text and "generation 2" in caplog.text
    finally:
        watch.stop()
    assert watch._on_gc not in gc.callbacks


async def test_an_idle_loop_logs_nothing(caplog):
    watch = StallWatch(interval=0.01, log_threshold=0.5)
    watch.start()
    try:
        with caplog.at_level(logging.WARNING, logger="scamshield.hub.stall"):
            await asyncio.sleep(0.1)
        assert watch.stalls == 0 and "stalled" not in caplog.text
    finally:
        watch.stop()

"""DetectorPool edge cases that need no real workers: several detections failing together when a worker dies, a
pool shut down under a waiting detection, a closed pool; and the workers' exit when their server is killed."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from scamshield.engine.conversation import Segment
from scamshield.engine.types import DEFAULT_THRESHOLDS
from scamshield.services import detect_pool as dp


class FakeExecutor(Executor):
    def __init__(self) -> None:
        self.futures: list[Future] = []
        self.shut_down = False

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        f: Future = Future()
        self.futures.append(f)
        return f

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shut_down = True


def _pool_with_fakes() -> tuple[dp.DetectorPool, list[FakeExecutor]]:
    pool = dp.DetectorPool(1, DEFAULT_THRESHOLDS)
    made: list[FakeExecutor] = []

    def fake_pool() -> FakeExecutor:
        if pool._executor is None:
            made.append(FakeExecutor())
            pool._executor = made[-1]  # type: ignore[assignment]
            warm: Future = Future()
            warm.set_result(0)  # workers loaded at once
            pool._warmups = [warm]
        return pool._executor  # type: ignore[return-value]

    pool._pool = fake_pool  # type: ignore[method-assign]
    return pool, made


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_a_late_failure_does_not_shut_down_the_replacement_pool():
    async def main():
        pool, made = _pool_with_fakes()
        seg = Segment("hello", None, True)
        d1 = asyncio.create_task(pool.detect(None, seg))
        d2 = asyncio.create_task(pool.detect(None, seg))
        await _settle()
        p1 = made[0]
        assert len(p1.futures) == 2
        p1.futures[0].set_exception(BrokenProcessPool("worker died"))
        assert await d1 is None and p1.shut_down and pool._executor is None
        d3 = asyncio.create_task(pool.detect(None, seg))  # a new segment starts the replacement
        await _settle()
        p2 = made[1]
        p1.futures[1].set_exception(BrokenProcessPool("worker died"))  # the second in-flight failure, later
        assert await d2 is None
        assert pool._executor is p2 and not p2.shut_down, "the replacement pool must survive the late failure"
        p2.futures[0].set_result(("state", "update"))
        assert await d3 == ("state", "update")
        assert pool.inline_fallbacks == 2 and pool._pending == 0

    asyncio.run(main())


def test_a_cancelled_pool_future_falls_back_in_process_but_a_cancelled_request_is_cancelled():
    async def main():
        pool, made = _pool_with_fakes()
        seg = Segment("hello", None, True)
        d1 = asyncio.create_task(pool.detect(None, seg))
        await _settle()
        made[0].futures[0].cancel()  # what shutdown(cancel_futures=True) does to a queued detection
        assert await d1 is None and pool.inline_fallbacks == 1
        d2 = asyncio.create_task(pool.detect(None, seg))
        await _settle()
        d2.cancel()  # the ingestion itself is cancelled (client gone, shutdown)
        with pytest.raises(asyncio.CancelledError):
            await d2
        assert pool._pending == 0

    asyncio.run(main())


def test_a_closed_pool_detects_in_process_and_starts_no_workers():
    async def main():
        pool, made = _pool_with_fakes()
        pool.close()
        assert await pool.detect(None, Segment("hello", None, True)) is None
        assert made == [] and pool.inline_fallbacks == 1

    asyncio.run(main())


def test_detections_run_in_process_until_the_workers_have_loaded():
    async def main():
        pool, made = _pool_with_fakes()
        seg = Segment("hello", None, True)
        pool.start()
        loading: Future = Future()
        pool._warmups = [loading]  # a worker still spawning / loading its models
        assert not pool.ready
        assert await pool.detect(None, seg) is None and made[0].futures == [] and pool.inline_fallbacks == 1
        loading.set_result(0)
        assert pool.ready
        d = asyncio.create_task(pool.detect(None, seg))
        await _settle()
        made[0].futures[0].set_result(("state", "update"))
        assert await d == ("state", "update")

    asyncio.run(main())


def _sleeping_worker(conn, ready) -> None:
    dp._exit_with_parent()
    conn.send(os.getpid())  # a pipe write is synchronous (a Queue's feeder thread would die with os._exit)
    ready.send(True)  # the watch thread is running: the parent may die now
    time.sleep(60)


def _short_lived_parent(conn) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready_r, ready_w = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_sleeping_worker, args=(conn, ready_w), daemon=False)
    child.start()
    ready_r.poll(120)  # a spawned child imports the test module first: slow on a busy machine
    os._exit(0)  # like SIGKILL: no clean-up, the child is not told


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie re-parented to an init that has not reaped it yet counts as gone
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_a_worker_exits_when_its_server_dies():
    ctx = multiprocessing.get_context("spawn")
    mine, theirs = ctx.Pipe(duplex=False)
    parent = ctx.Process(target=_short_lived_parent, args=(theirs,))
    parent.start()
    assert mine.poll(120), "the intermediate process did not start its child"
    pid = mine.recv()
    parent.join(30)
    deadline = time.monotonic() + 30
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(pid)
    if alive:
        os.kill(pid, 9)
    assert not alive, "the orphaned worker kept running after its parent died"

"""CallService.ingest_transcript on SQLite and PostgreSQL: serialisation across instances, retries, preferences,
and the statement budget of one segment."""

from __future__ import annotations

import asyncio
import tempfile

import pytest
from sqlalchemy import event, func, select

from scamshield.engine.conversation import Segment
from scamshield.errors import Forbidden
from scamshield.hub.hub import Hub
from scamshield.metrics import Metrics
from scamshield.services.alerts import AlertService
from scamshield.services.calls import SERVICE_ACTOR, Actor, CallService
from scamshield.settings import Settings
from scamshield.store import alerts as alert_store
from scamshield.store import calls as call_store
from scamshield.store import users as user_store
from scamshield.store.models import Alert, TranscriptSegment
from scamshield.store.session import Database
from tests.support.realtime import FRIEND_CALL, SBI_CALL

ESCALATING = ["Tell me the OTP.", "Your account will be blocked today.", "Move your money to a safe account.",
              "Download AnyDesk and share the code on the screen.", "This is the police, you are under digital arrest."]


@pytest.fixture
async def instances(db):
    """Two CallServices on two engines (two pools: as two server instances) over the same database."""
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    hubs, services, extra = [], [], [Database(db.url)]
    for database in (db, extra[0]):
        hub = Hub(broker_url=None)
        await hub.start()
        metrics = Metrics()
        hubs.append(hub)
        services.append(CallService(database, AlertService(database, hub, metrics, settings), metrics, settings))
    yield services
    for hub in hubs:
        await hub.close()
    await extra[0].dispose()


async def _rows(db, model, call_sid):
    async with db.session() as s:
        return (await s.execute(select(func.count()).select_from(model).where(model.call_sid == call_sid))).scalar_one()


async def test_concurrent_segments_from_two_instances_are_serialised(db, instances):
    a, b = instances
    await a.associate_call("alice", "CA-par")
    lines = [*SBI_CALL, *ESCALATING, *FRIEND_CALL] * 2

    async def send(svc, i):
        return await svc.ingest_transcript("CA-par", Segment(lines[i], "caller", True), dedup_key=f"k{i}",
                                           source="api", actor=SERVICE_ACTOR)

    results = await asyncio.gather(*(send(a if i % 2 else b, i) for i in range(len(lines))))
    assert not any(r.duplicate for r in results)
    async with db.session() as s:
        call = await call_store.get_call(s, "CA-par")
        alerts = await alert_store.alerts_since(s, "alice", 0)
        seq = await alert_store.current_seq(s, "alice")
    # No update lost: every segment saw the state the previous one saved.
    assert call.detector_state["segments"] == len(lines)
    assert await _rows(db, TranscriptSegment, "CA-par") == len(lines)
    # One alert per level at most, seqs gap-free, each alert reported by exactly one segment.
    levels = [x.risk_level for x in alerts]
    assert alerts and len(levels) == len(set(levels))
    assert [x.seq for x in alerts] == list(range(1, len(alerts) + 1)) and seq == len(alerts)
    assert sorted(r.alert["seq"] for r in results if r.alert) == [x.seq for x in alerts]
    assert call.flagged_at is not None


async def test_a_retry_racing_the_original_is_stored_once(db, instances):
    a, b = instances
    seg = Segment(SBI_CALL[0], "caller", True)
    results = await asyncio.gather(*(svc.ingest_transcript("CA-retry", seg, dedup_key="tw:GT:1:in", source="twilio")
                                     for svc in (a, b, a, b)))
    assert sorted(r.duplicate for r in results) == [False, True, True, True]
    assert await _rows(db, TranscriptSegment, "CA-retry") == 1
    async with db.session() as s:
        assert (await call_store.get_call(s, "CA-retry")).detector_state["segments"] == 1


async def _feed(svc, call_sid, lines, actor=SERVICE_ACTOR):
    return [await svc.ingest_transcript(call_sid, Segment(t, "caller", True), dedup_key=f"{call_sid}:{i}",
                                        source="api", actor=actor) for i, t in enumerate(lines)]


async def test_alerts_below_the_owners_level_take_no_seq(db, instances):
    svc = instances[0]
    async with db.transaction() as s:
        await user_store.put_settings(s, "alice", {"notifications": {"min_alert_level": "critical"}})
    await svc.associate_call("alice", "CA-crit")
    await svc.associate_call("bob", "CA-all")
    # alerts at high, then at critical (the safe-account ask alone is high; since the block threat counts as
    # pressure, opening with the OTP ask and the threat jumps straight to critical)
    lines = [ESCALATING[2], ESCALATING[0], ESCALATING[3], ESCALATING[4], ESCALATING[1]]
    everything = [r.alert for r in await _feed(svc, "CA-all", lines) if r.alert]
    kept = [r.alert for r in await _feed(svc, "CA-crit", lines) if r.alert]
    async with db.session() as s:
        bob = await alert_store.alerts_since(s, "bob", 0)
        alice = await alert_store.alerts_since(s, "alice", 0)
        alice_seq = await alert_store.current_seq(s, "alice")
        crit = await call_store.get_call(s, "CA-crit")
    assert any(a.risk_level != "critical" for a in bob), "the call must raise an alert below critical"
    assert len(kept) < len(everything)
    assert [a.risk_level for a in alice] == ["critical"] * len(alice) and alice
    assert [a.seq for a in alice] == list(range(1, len(alice) + 1)) and alice_seq == len(alice)
    assert crit.flagged_at is not None  # the call is flagged even when its alert is not sent

    async with db.transaction() as s:
        await user_store.put_settings(s, "carol", {"notifications": {"call_alerts": False}})
    await svc.associate_call("carol", "CA-off")
    assert not [r for r in await _feed(svc, "CA-off", lines) if r.alert]
    async with db.session() as s:
        assert await alert_store.current_seq(s, "carol") == 0


async def test_unowned_calls_hold_their_alerts_and_users_only_write_their_own(db, instances):
    svc = instances[0]
    held = [r.alert for r in await _feed(svc, "CA-held", SBI_CALL) if r.alert]
    assert held and all(a["held"] and a["seq"] is None for a in held)
    assert await _rows(db, Alert, "CA-held") == len(held)
    with pytest.raises(Forbidden) as exc:
        await _feed(svc, "CA-held", ["hello"], actor=Actor(user_id="alice"))
    assert exc.value.code == "call_not_associated"
    # A device creates its own call by posting to a new id; nobody else may write to it.
    await _feed(svc, "CA-mine", ["hello"], actor=Actor(user_id="alice"))
    with pytest.raises(Forbidden) as exc:
        await _feed(svc, "CA-mine", ["hello again"], actor=Actor(user_id="bob"))
    assert exc.value.code == "not_call_owner"
    async with db.session() as s:
        mine = await call_store.get_call(s, "CA-mine")
    assert mine.user_id == "alice" and mine.associated_at is not None and mine.detector_state["segments"] == 1


async def test_statements_per_segment(db, instances):
    """The hot path's budget: lock+read, segment, detection (+ seq with preferences, alert when one fires)."""
    svc = instances[0]
    await svc.associate_call("alice", "CA-budget")
    counted: list[str] = []

    def count(conn, cursor, statement, *args):
        counted.append(statement)

    stages: list[str] = []
    svc.stage_probe = stages.append
    for engine in db.sync_engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        results = await _feed(svc, "CA-budget", [*FRIEND_CALL, *SBI_CALL])
    finally:
        for engine in db.sync_engines:
            event.remove(engine, "before_cursor_execute", count)
        svc.stage_probe = None
    alerts = sum(1 for r in results if r.alert)
    assert alerts >= 1
    if db.engine.dialect.name == "postgresql":  # lock+segment in one statement; detection+seq+alert in one
        assert len(counted) == 2 * len(results)
        assert sum("WITH" in q and "INSERT INTO alerts" in q for q in counted) == alerts
    else:  # lock, segment, detection (+ seq, alert); the detector ran before the write lock, on a plain read
        assert len(counted) == 3 * len(results) + 2 * alerts
        assert stages.count("peek") == len(results) and svc.early_misses == 0
        assert all(stages.index("detect", i) < stages.index("checkout", i)
                   for i, st in enumerate(stages) if st == "peek")


async def test_an_early_detection_on_a_state_that_moved_on_is_not_used(sqlite_db):
    """SQLite: the detector runs before the write lock on the state read then; if another writer (a second
    process on the same file) saved a segment in between, the locked row's state wins and the detector runs again
    on it — no update lost, the alert decided on the whole conversation."""
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    other_db = Database(sqlite_db.url)
    hubs, services = [], []
    for database in (sqlite_db, other_db):
        hub = Hub(broker_url=None)
        await hub.start()
        hubs.append(hub)
        metrics = Metrics()
        services.append(CallService(database, AlertService(database, hub, metrics, settings), metrics, settings))
    a, b = services
    try:
        await a.associate_call("alice", "CA-moved")
        lines = [*ESCALATING]
        for i, line in enumerate(lines[:-1]):
            await a.ingest_transcript("CA-moved", Segment(line, "caller", True), dedup_key=f"m{i}", source="api")
        early = a._detect_early
        cases = []

        async def interleaved(call_sid, segment, dedup_key, actor, marks):
            result = await early(call_sid, segment, dedup_key, actor, marks)
            cases.append(result)
            # the other process writes a segment of the same call after this one's state was read
            await b.ingest_transcript(call_sid, Segment(lines[-1], "caller", True), dedup_key="other", source="api")
            return result

        a._detect_early = interleaved
        last = await a.ingest_transcript("CA-moved", Segment(FRIEND_CALL[0], "caller", True), dedup_key="mine",
                                         source="api")
        assert cases and cases[0] is not None and a.early_misses == 1
        async with sqlite_db.session() as s:
            call = await call_store.get_call(s, "CA-moved")
        assert call.detector_state["segments"] == len(lines) + 1  # both segments counted, none overwritten
        assert last.risk_score == call.risk_score and not last.duplicate
        # without the interleaving, the same path keeps its early detection
        a._detect_early = early
        await a.ingest_transcript("CA-moved", Segment(FRIEND_CALL[1], "caller", True), dedup_key="mine2",
                                  source="api")
        assert a.early_misses == 1
    finally:
        for hub in hubs:
            await hub.close()
        await other_db.dispose()


# --- PostgreSQL: no pre-ping per checkout, yet dead connections do not fail requests --------------------------------
async def _terminate_backend(url: str, pid: int) -> None:
    from sqlalchemy import text

    killer = Database(url)
    try:
        async with killer.engine.connect() as c:
            await c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            for _ in range(100):  # termination is asynchronous
                await c.commit()  # pg_stat_activity is a snapshot per transaction
                alive = (await c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"),
                                         {"pid": pid})).scalar_one()
                if not alive:
                    return
                await asyncio.sleep(0.05)
        raise AssertionError("backend did not terminate")
    finally:
        await killer.dispose()


async def _backend_pid(database: Database) -> int:
    from sqlalchemy import text

    async with database.engine.connect() as c:
        return (await c.execute(text("SELECT pg_backend_pid()"))).scalar_one()


@pytest.fixture
async def pg_service(pg_url, monkeypatch):
    from scamshield.store.migrate import upgrade_async

    await upgrade_async(pg_url)
    database = Database(pg_url)
    async with database.transaction() as s:
        await user_store.ensure_user(s, "alice", None)
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    hub = Hub(broker_url=None)
    await hub.start()
    metrics = Metrics()
    yield database, CallService(database, AlertService(database, hub, metrics, settings), metrics, settings)
    await hub.close()
    await database.dispose()


async def test_postgres_connection_killed_while_idle_is_replaced_at_checkout(pg_service, monkeypatch):
    from scamshield.store import session as session_mod

    database, _svc = pg_service
    # A pooled connection idle longer than the threshold is pinged at checkout (threshold 0 here: always).
    monkeypatch.setattr(session_mod, "PG_PING_IDLE_SECONDS", 0.0)
    pinged = Database(database.url)
    try:
        pid = await _backend_pid(pinged)
        await _terminate_backend(database.url, pid)
        assert await _backend_pid(pinged) != pid  # replaced, no error
    finally:
        await pinged.dispose()


async def test_postgres_segment_retried_once_when_its_connection_died(pg_service, caplog):
    database, svc = pg_service
    await svc.associate_call("alice", "CA-pgdrop")
    first = await svc.ingest_transcript("CA-pgdrop", Segment(SBI_CALL[0], "caller", True), dedup_key="d:0",
                                        source="api")
    # The connection the segment used is back in the pool, idle for well under the ping threshold: not pinged.
    pid = await _backend_pid(database)
    await _terminate_backend(database.url, pid)
    second = await svc.ingest_transcript("CA-pgdrop", Segment(SBI_CALL[1], "caller", True), dedup_key="d:1",
                                         source="api")
    assert not first.duplicate and not second.duplicate
    assert "retrying the segment once" in caplog.text
    async with database.session() as s:
        call = await call_store.get_call(s, "CA-pgdrop")
    assert call.detector_state["segments"] == 2
    assert await _rows(database, TranscriptSegment, "CA-pgdrop") == 2


async def test_sqlite_writer_thread_rolls_back_a_refused_segment(sqlite_db, caplog):
    """Ownership is checked inside the writer thread's transaction: a refused write leaves nothing behind."""
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    hub = Hub(broker_url=None)
    await hub.start()
    metrics = Metrics()
    svc = CallService(sqlite_db, AlertService(sqlite_db, hub, metrics, settings), metrics, settings)
    try:
        assert sqlite_db.has_writer_thread
        await _feed(svc, "CA-w", ["hello"], actor=Actor(user_id="alice"))
        with pytest.raises(Forbidden):
            await svc.ingest_transcript("CA-w", Segment("hi there", "caller", True), dedup_key="w:9", source="api",
                                        actor=Actor(user_id="bob"))
        assert await _rows(sqlite_db, TranscriptSegment, "CA-w") == 1
        # The writer thread is still usable after the refusal.
        r = await svc.ingest_transcript("CA-w", Segment("hi there", "caller", True), dedup_key="w:9", source="api",
                                        actor=Actor(user_id="alice"))
        assert not r.duplicate and await _rows(sqlite_db, TranscriptSegment, "CA-w") == 2
    finally:
        await hub.close()


def test_slow_ingestions_are_logged_with_their_stages_at_most_once_a_second(caplog, monkeypatch):
    from scamshield.services import calls as calls_mod

    monkeypatch.setattr(calls_mod, "_SLOW_LOG", [0.0, 0])
    clock = [100.0]
    monkeypatch.setattr(calls_mod.time, "perf_counter", lambda: clock[0])

    def ingestion(ms: float) -> None:
        marks = calls_mod._Marks(calls_mod._no_probe)
        clock[0] += ms / 1000
        marks("detect")
        marks.report_if_slow("CA0123456789", True)

    with caplog.at_level("WARNING", logger="scamshield.calls"):
        ingestion(10)  # fast: nothing
        ingestion(400)  # slow: logged
        ingestion(300)  # slow, within the second: counted only
        ingestion(300)
        clock[0] += 1.0
        ingestion(500)  # a second later: logged, standing for 3
    lines = [r.getMessage() for r in caplog.records if "slow transcript ingestion" in r.getMessage()]
    assert len(lines) == 2
    assert "400 ms" in lines[0] and "detect 400" in lines[0] and "[1 slow" in lines[0]
    assert "500 ms" in lines[1] and "[3 slow" in lines[1]
    assert "0123456789" not in "".join(lines)  # call ids truncated in logs


async def test_detector_in_worker_processes_gives_the_same_results(sqlite_db):
    """SCAMSHIELD_DETECT_PROCESSES: the same states, scores and alerts as the detector on the loop, segment by
    segment; a worker that dies costs no segment (detected in process, the pool is replaced)."""
    import os
    import signal

    results = {}
    for procs in (0, 1):
        settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48, detect_processes=procs)
        hub = Hub(broker_url=None)
        await hub.start()
        metrics = Metrics()
        svc = CallService(sqlite_db, AlertService(sqlite_db, hub, metrics, settings), metrics, settings)
        assert (svc.detect_pool is not None) == bool(procs)
        try:
            sid = f"CA-pool{procs}"
            if procs:
                svc.detect_pool.start()
                for _ in range(600):  # spawning a worker and loading its models takes seconds
                    if svc.detect_pool.ready:
                        break
                    await asyncio.sleep(0.1)
                assert svc.detect_pool.ready
            await svc.associate_call("r1", sid)
            lines = [*FRIEND_CALL, *SBI_CALL, *ESCALATING]
            got = [(r.risk_score, r.risk_level, r.fraud_type, bool(r.alert)) for r in await _feed(svc, sid, lines)]
            async with sqlite_db.session() as s:
                state = (await call_store.get_call(s, sid)).detector_state
            results[procs] = (got, state)
            if procs:
                assert svc.detect_pool.inline_fallbacks == 0
                for pid in list(svc.detect_pool._executor._processes):
                    os.kill(pid, signal.SIGKILL)
                await asyncio.sleep(0.5)
                more = await _feed(svc, sid + "b", ["Tell me the OTP now."])
                assert not more[0].duplicate and svc.detect_pool.inline_fallbacks >= 1
                again = await _feed(svc, sid + "c", ["Your account will be blocked today."])  # a new pool (loading)
                assert not again[0].duplicate
                for _ in range(600):
                    if svc.detect_pool.ready:
                        break
                    await asyncio.sleep(0.1)
                before = svc.detect_pool.inline_fallbacks
                last = await _feed(svc, sid + "d", ["Move your money to a safe account."])  # in the new workers
                assert not last[0].duplicate and svc.detect_pool.inline_fallbacks == before
        finally:
            svc.close()
            await hub.close()
    assert results[0][0] == results[1][0] and any(a for *_, a in results[0][0])
    assert results[0][1] == results[1][1]


# --- who may write is checked before the detector runs ----------------------------------------------------------------
async def test_a_refused_writer_costs_no_detection(db, instances):
    """A user writing to a call they may not write to is refused with the API's codes before the detector runs (no
    detection CPU spent, nothing of it stored or returned), also when it resends a segment key already stored;
    the owner's segments are detected once each."""
    svc = instances[0]
    fed: list[str] = []
    feed = svc.detector.feed

    def counting_feed(state, segment):
        fed.append(segment.text)
        return feed(state, segment)

    svc.detector.feed = counting_feed
    stages: list[str] = []
    svc.stage_probe = stages.append
    try:
        await svc.associate_call("alice", "CA-own")
        await svc.ingest_transcript("CA-own", Segment(SBI_CALL[0], "caller", True), dedup_key="own:0", source="api",
                                    actor=Actor(user_id="alice"))
        await _feed(svc, "CA-nobody", SBI_CALL[:1])  # a telephony integration's call, not associated
        assert len(fed) == 2
        fed.clear()
        stages.clear()
        cases = [("CA-own", "bob", "own:1", "not_call_owner"), ("CA-own", "bob", "own:0", "not_call_owner"),
                 ("CA-nobody", "bob", "CA-nobody:9", "call_not_associated"),
                 ("CA-nobody", "bob", "CA-nobody:0", "call_not_associated")]
        for call_sid, user, key, code in cases:
            with pytest.raises(Forbidden) as exc:
                await svc.ingest_transcript(call_sid, Segment(SBI_CALL[1], "caller", True), dedup_key=key,
                                            source="api", actor=Actor(user_id=user))
            assert exc.value.code == code, (call_sid, key)
        assert fed == [] and "detect" not in stages
        assert await _rows(db, TranscriptSegment, "CA-own") == 1 and await _rows(db, TranscriptSegment, "CA-nobody") == 1
        async with db.session() as s:
            assert (await call_store.get_call(s, "CA-own")).detector_state["segments"] == 1
        r = await svc.ingest_transcript("CA-own", Segment(SBI_CALL[1], "caller", True), dedup_key="own:1",
                                        source="api", actor=Actor(user_id="alice"))
        assert not r.duplicate and len(fed) == 1
    finally:
        svc.stage_probe = None
        del svc.detector.feed


# --- cancellation: before the commit the ingestion is rolled back; once its commit may run, it completes -------------
ONE_SEGMENT_SCAM = " ".join(SBI_CALL)
LONG_FRIENDLY = " ".join([*FRIEND_CALL] * 12)  # over the inline limit: detected in a worker thread (an await)


@pytest.fixture
async def recording_service(db):
    """A CallService whose publications are recorded (the hub still gets them)."""
    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    hub = Hub(broker_url=None)
    await hub.start()
    metrics = Metrics()
    svc = CallService(db, AlertService(db, hub, metrics, settings), metrics, settings)
    published: list[str] = []
    publish = svc._alerts.publish

    async def recording(alerts):
        published.extend(a.id for a in alerts)
        await publish(alerts)

    svc._alerts.publish = recording
    yield svc, published
    await hub.close()


async def _hold_write_lock(db, call_sid: str):
    """Another connection of the same database holding what the ingestion's commit step needs: SQLite's write lock;
    on PostgreSQL the owner's user row (the alert's seq). Returns its release coroutine."""
    if db.is_sqlite:
        import sqlite3

        blocker = sqlite3.connect(db.url.split("///", 1)[1], isolation_level=None, check_same_thread=False)
        blocker.execute("BEGIN IMMEDIATE")

        async def release_sqlite() -> None:
            blocker.execute("COMMIT")
            blocker.close()
        return release_sqlite
    from sqlalchemy import text

    other = Database(db.url)
    conn = await other.engine.connect()
    await conn.begin()
    await conn.execute(text("SELECT id FROM users WHERE id = 'alice' FOR UPDATE"))

    async def release_pg() -> None:
        await conn.rollback()
        await conn.close()
        await other.dispose()
    return release_pg


async def test_a_cancellation_during_the_commit_step_still_publishes_what_is_stored(db, recording_service):
    """The caller is cancelled while the step that commits waits for the database: the ingestion completes (on
    SQLite the writer thread cannot be stopped and commits anyway) and its alert is published before the
    cancellation propagates — never stored and left unpublished (a retry would only find a duplicate)."""
    svc, published = recording_service
    await svc.associate_call("alice", "CA-cancel")
    stages: list[str] = []
    svc.stage_probe = stages.append
    release = await _hold_write_lock(db, "CA-cancel")
    try:
        task = asyncio.create_task(svc.ingest_transcript("CA-cancel", Segment(ONE_SEGMENT_SCAM, "caller", True),
                                                         dedup_key="cancel:0", source="api"))
        for _ in range(200):
            if "detect" in stages and "checkout" in stages:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # the commit step is waiting for the lock now
        assert not task.done()
        task.cancel()
        await asyncio.sleep(0.05)
    finally:
        await release()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with db.session() as s:
        stored = await alert_store.alerts_since(s, "alice", 0)
        call = await call_store.get_call(s, "CA-cancel")
    assert stored and call.detector_state["segments"] == 1
    assert sorted(published) == sorted(a.id for a in stored)
    assert "publish" in stages


async def test_a_cancellation_before_the_commit_rolls_the_segment_back(db, recording_service):
    """Cancelled while the detector runs (a long segment, in a worker thread; on SQLite also after an early detection
    whose state moved on, i.e. inside the open write transaction): nothing of the segment stays, nothing is
    published, and the call's next segment goes through (no lock left held)."""
    svc, published = recording_service
    await svc.associate_call("alice", "CA-roll")
    await svc.ingest_transcript("CA-roll", Segment(SBI_CALL[0], "caller", True), dedup_key="roll:0", source="api")
    published_before = list(published)
    detect = svc._run_detector
    entered = asyncio.Event()
    runs = [0]

    async def slow_detector(state, segment):
        runs[0] += 1
        if db.is_sqlite and runs[0] == 1:  # the early detection: let another segment move the state on meanwhile
            await svc_other.ingest_transcript("CA-roll", Segment(SBI_CALL[1], "caller", True), dedup_key="roll:x",
                                              source="api")
            return await detect(state, segment)
        entered.set()
        await asyncio.sleep(5)
        return await detect(state, segment)

    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)
    other_db = Database(db.url)
    hub = Hub(broker_url=None)
    await hub.start()
    metrics = Metrics()
    svc_other = CallService(other_db, AlertService(other_db, hub, metrics, settings), metrics, settings)
    svc._run_detector = slow_detector
    try:
        task = asyncio.create_task(svc.ingest_transcript("CA-roll", Segment(LONG_FRIENDLY, "caller", True),
                                                         dedup_key="roll:1", source="api"))
        await asyncio.wait_for(entered.wait(), 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        svc._run_detector = detect
        expected = 3 if db.is_sqlite else 2
        assert await _rows(db, TranscriptSegment, "CA-roll") == expected - 1
        r = await asyncio.wait_for(svc.ingest_transcript("CA-roll", Segment(FRIEND_CALL[0], "caller", True),
                                                         dedup_key="roll:2", source="api"), 10)
        assert not r.duplicate
        assert await _rows(db, TranscriptSegment, "CA-roll") == expected
        if db.is_sqlite:
            assert svc.early_misses == 1
        assert published == published_before
    finally:
        svc._run_detector = detect
        await hub.close()
        await other_db.dispose()


async def test_a_busy_file_makes_the_early_read_fall_back_to_the_locked_path(tmp_path):
    """SQLite: when the on-loop read (``read_now``) finds the file busy — a second connection holds a write lock in
    exclusive locking mode (in WAL an ordinary write lock never blocks readers; exclusive access, like WAL recovery,
    does) — the ingestion detects inside the write transaction instead, once the file is free, with the same result
    as the early path gives on a free file."""
    import sqlite3

    settings = Settings(env="test", data_dir=tempfile.mkdtemp(), jwt_secret="s" * 48)

    async def service(database):
        hub = Hub(broker_url=None)
        await hub.start()
        metrics = Metrics()
        return hub, CallService(database, AlertService(database, hub, metrics, settings), metrics, settings)

    from scamshield.store.migrate import upgrade_async

    url = f"sqlite+aiosqlite:///{tmp_path / 'busy.db'}"
    await upgrade_async(url)
    first = Database(url)
    hub, svc = await service(first)
    for sid in ("CA-free", "CA-busy"):
        await svc.associate_call("alice", sid)
        await _feed(svc, sid, SBI_CALL[:-1])
    free = await svc.ingest_transcript("CA-free", Segment(SBI_CALL[-1], "caller", True), dedup_key="free:last",
                                       source="api")
    await hub.close()
    await first.dispose()  # exclusive locking mode needs every other connection of the file closed

    blocker = sqlite3.connect(url.split("///", 1)[1], isolation_level=None, timeout=5)
    blocker.execute("PRAGMA locking_mode=EXCLUSIVE")
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE users SET settings = settings WHERE id = 'nobody'")
    database = Database(url)
    hub, svc = await service(database)
    stages: list[str] = []
    svc.stage_probe = stages.append

    async def release_later() -> None:
        await asyncio.sleep(0.3)
        assert stages == ["peek", "checkout"]  # the writer waits for the file; the loop does not
        blocker.execute("COMMIT")
        blocker.close()

    try:
        busy, _ = await asyncio.wait_for(asyncio.gather(
            svc.ingest_transcript("CA-busy", Segment(SBI_CALL[-1], "caller", True), dedup_key="busy:last",
                                  source="api"),
            release_later()), 20)
        assert stages.index("detect") > stages.index("checkout")  # detected inside the transaction: the fallback
        assert svc.early_misses == 0
        assert (busy.risk_score, busy.risk_level, busy.fraud_type, busy.duplicate) == (
            free.risk_score, free.risk_level, free.fraud_type, False)
        assert (busy.alert is None) == (free.alert is None)
        async with database.session() as s:
            a = await call_store.get_call(s, "CA-free")
            b = await call_store.get_call(s, "CA-busy")
        assert a.detector_state == b.detector_state and a.risk_score == b.risk_score
        assert database.read_now(call_store.PEEK_SQLITE_SQL, ("busy:last", "CA-busy"))[1] == 1  # the reader is back
    finally:
        await hub.close()
        await database.dispose()

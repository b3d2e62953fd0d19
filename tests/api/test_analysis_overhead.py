"""The per-request work around the engine on the analysis path (issue 6, docs/performance.md): what was made cheaper
must give exactly what it gave before — the same response bytes and headers, the same history row, the same
metrics, the same caches' staleness bounds."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

import pytest
from starlette.responses import Response

from scamshield.api.routes import analyze as analyze_routes
from scamshield.engine import sms as sms_engine
from scamshield.engine import url as url_engine
from scamshield.engine.types import Assessment, Signal, Thresholds
from scamshield.services.analysis import HistoryWriter, new_analysis_id
from scamshield.services.users import MISSING, TtlCache
from tests.conftest import auth

MESSAGES = [
    "Your KYC is pending. Update now: bit.ly/kyc123 or pay to refund.desk@ybl",
    "Install AnyDesk and share the code, sir. Call +91 98123 45678",
    "123456 is your OTP for txn of Rs 500.00 at AMAZON. Do not share it - HDFC Bank",
    "Dear customer your electricity will be disconnected tonight call 9876543210",
    "see you at 7, bring the cake",
]
URLS = ["https://pаytm.com/login", "http://192.168.1.100/bank/login?acct=1", "https://www.google.com/",
        "http://sbi-kyc-verify.com/update?id=1"]


def _assessments() -> list[Assessment]:
    out = [sms_engine.analyze_sms(m) for m in MESSAGES] + [url_engine.analyze_url(u) for u in URLS]
    out.append(Assessment("sms", [Signal("s1", 12, "m", {"amount": Decimal("12.50"), "f": float("nan")}),
                                  Signal("s2", -3.333, "m2", {}, "PHISHING_LINK"), Signal("s3", 70, "m3", {}, "X")],
                          extracted={"inf": float("inf")}, thresholds=Thresholds(5, 10, 20)))
    out.append(Assessment("url", []))
    return out


@pytest.mark.parametrize("index", range(len(MESSAGES) + len(URLS) + 2))
def test_render_is_as_dict_serialised_with_the_same_headers(index):
    a = _assessments()[index]
    assert analyze_routes.assessment_dict(a) == a.as_dict()
    assert list(analyze_routes.assessment_dict(a)) == list(a.as_dict())
    from pydantic_core import to_json

    before = Response(to_json({"analysis_id": "ab" * 16, **a.as_dict()}, inf_nan_mode="null"),
                      media_type="application/json")
    now = analyze_routes.render("ab" * 16, a)
    assert now.body == before.body
    assert now.raw_headers == before.raw_headers
    assert now.status_code == 200 and now.background is None


def test_analysis_ids_are_uuid4_hex_and_distinct():
    ids = [new_analysis_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for i in ids:
        u = uuid.UUID(hex=i)
        assert u.hex == i and len(i) == 32
        assert u.version == 4 and u.variant == uuid.RFC_4122


async def test_peek_serves_live_entries_only_and_honours_invalidation():
    now = [0.0]
    cache = TtlCache[str, object](10, 5.0, clock=lambda: now[0])
    assert cache.peek("a") is MISSING

    async def load_none():
        return None

    assert await cache.get("a", load_none) is None
    assert cache.peek("a") is None  # a cached None is a hit, not a miss
    now[0] = 4.9
    assert cache.peek("a") is None
    now[0] = 5.0
    assert cache.peek("a") is MISSING  # expired: the caller must load again
    assert await cache.get("a", load_none) is None
    cache.invalidate("a")
    assert cache.peek("a") is MISSING

    # a load overtaken by an invalidation is not stored, so peek does not see it either
    gate = asyncio.Event()

    async def slow():
        await gate.wait()
        return "old"

    task = asyncio.create_task(cache.get("b", slow))
    await asyncio.sleep(0)
    cache.invalidate("b")
    gate.set()
    assert await task == "old"
    assert cache.peek("b") is MISSING


@pytest.fixture
async def sqlite_db(tmp_path):
    from scamshield.store import users as user_store
    from scamshield.store.migrate import upgrade_async
    from scamshield.store.session import Database

    url = f"sqlite+aiosqlite:///{tmp_path / 'overhead.db'}"
    await upgrade_async(url)
    database = Database(url)
    async with database.transaction() as s:
        for uid in ("alice", "bob"):
            await user_store.ensure_user(s, uid, None)
    yield database
    await database.dispose()


async def test_offer_queues_only_when_add_would_not_wait(sqlite_db):
    writer = HistoryWriter(sqlite_db, interval=0.01, batch_size=2, capacity=2)

    def row(uid="alice"):
        from scamshield.store.base import utcnow

        return {"id": new_analysis_id(), "user_id": uid, "kind": "sms", "subject": None, "risk_score": 1,
                "risk_level": "low", "is_safe": True, "fraud_types": [], "signal_codes": [], "created_at": utcnow()}

    assert writer.offer(row()) is False  # not running: the caller's add writes it directly
    writer.start()
    try:
        assert writer.offer(row()) and writer.offer(row("bob"))
        assert writer.pending == 2 and writer.pending_for("alice") and writer.pending_for("bob")
        assert writer.offer(row()) is False  # at capacity: add would wait (backpressure), offer does not queue
        assert await writer.flush()
        assert writer.written == 2 and not writer.pending_for("alice")
    finally:
        await writer.stop()
    assert writer.offer(row()) is False  # stopped: direct write again


async def test_history_row_and_metrics_match_the_response(client, token):
    alice = token("alice")
    strict = {"risk_thresholds": {"medium": 2, "high": 3, "critical": 4}}
    answers = []
    for i, msg in enumerate(MESSAGES):
        if i == 2:  # thresholds change mid-way: the next analysis and its row use them
            assert (await client.put("/settings", json=strict, headers=auth(alice))).status_code == 200
        r = await client.post("/analyze/sms", json={"message": msg, "sender": "VM-TEST"}, headers=auth(alice))
        assert r.status_code == 200
        answers.append(r.json())
    assert answers[2]["risk_level"] == "critical" or answers[2]["risk_score"] < 4
    items = (await client.get("/history?limit=100", headers=auth(alice))).json()["items"]
    by_id = {i["analysis_id"]: i for i in items}
    assert len(by_id) == len(answers)
    for got in answers:
        row = by_id[got["analysis_id"]]
        assert row["analysis_type"] == "sms" and row["subject"] == "VM-TEST"
        assert (row["risk_score"], row["risk_level"], row["is_safe"]) == (
            got["risk_score"], got["risk_level"], got["is_safe"])
        assert row["fraud_types"] == got["detected_fraud_types"]
        assert row["signal_codes"] == [s["code"] for s in got["signals"]][:50]
    metrics = (await client.get("/metrics")).text
    for level in {a["risk_level"] for a in answers}:
        n = sum(1 for a in answers if a["risk_level"] == level)
        assert f'scamshield_verdicts_total{{kind="sms",risk_level="{level}"}} {float(n)}' in metrics


ENTITY_CASES = [  # canonical forms as before the IDN / host-split shortcuts (checked on 28,664 corpus URLs too)
    ({"url": ["http://WWW.Exämple.com./a?b=1#c"]},
     [("url", "http://xn--exmple-cua.com/a?b=1"), ("domain", "xn--exmple-cua.com")]),
    ({"url": ["https://пример.рф/x"]}, [("url", "https://xn--e1afmkfd.xn--p1ai/x"), ("domain", "xn--e1afmkfd.xn--p1ai")]),
    ({"domain": ["  www.SBI.co.in. ", "xn--80ak6aa92e.com", "bad_domain", "1.2.3.4"]},
     [("domain", "sbi.co.in"), ("domain", "xn--80ak6aa92e.com")]),
    ({"url": ["http://[::1]:80/", "http://a_b.example.com:8080/?q#f", "ftp://x"]},
     [("url", "http://::1:80/"), ("url", "http://a_b.example.com:8080/?q"), ("domain", "a_b.example.com"),
      ("url", "ftp://x/")]),
]


@pytest.mark.parametrize("entities,expected", ENTITY_CASES)
def test_entity_canonical_forms_are_unchanged(entities, expected):
    from scamshield.services.entities import analysis_entities

    assert analysis_entities(entities) == expected


# --- record() / render_recorded(): the figures are added up once and give the same response and row ---------------
@pytest.mark.parametrize("index", range(len(MESSAGES) + len(URLS) + 2))
def test_render_recorded_is_render_of_the_same_assessment(index):
    from scamshield.services.analysis import Recorded

    a = _assessments()[index]
    rec = Recorded("cd" * 16, a, a.risk_score, a.risk_level, a.is_safe, a.detected_fraud_types)
    now, before = analyze_routes.render_recorded(rec), analyze_routes.render("cd" * 16, a)
    assert now.body == before.body
    assert now.raw_headers == before.raw_headers
    assert now.status_code == 200 and now.background is None


def test_render_recorded_uses_the_recorded_figures():
    """A wrong figure in ``Recorded`` would show in the body: the test above cannot pass by recomputing them."""
    from scamshield.services.analysis import Recorded

    a = _assessments()[0]
    body = analyze_routes.render_recorded(Recorded("ef" * 16, a, 7, "medium", False, ["X_TYPE"])).body
    import json

    got = json.loads(body)
    assert (got["risk_score"], got["risk_level"], got["is_safe"], got["detected_fraud_types"]) == (
        7, "medium", False, ["X_TYPE"])


# Enricher signals that move the score both ways, add fraud types, cross the user's thresholds and clamp at 0 / 100.
ENRICHER_CASES = [
    [],
    [Signal("community_reported", 30, "reported", {"n": 5}, "PHISHING_LINK")],
    [Signal("trusted_by_you", -80, "you marked it safe", {})],
    [Signal("a", 60, "a", {}, "LOAN_APP_SCAM"), Signal("b", 60, "b", {}, "PHISHING_LINK"), Signal("c", 0, "c", {}, "Z")],
    [Signal("neg_type", -5, "negative weights name no fraud type", {}, "IGNORED_TYPE")],
]


@pytest.mark.parametrize("extra", ENRICHER_CASES, ids=range(len(ENRICHER_CASES)))
@pytest.mark.parametrize("thresholds", [None, {"medium": 2, "high": 3, "critical": 4},
                                        {"medium": 60, "high": 80, "critical": 95}], ids=["default", "strict", "lax"])
async def test_record_figures_are_the_final_assessments(sqlite_db, extra, thresholds):
    from scamshield.auth import Principal
    from scamshield.engine.types import DEFAULT_THRESHOLDS
    from scamshield.metrics import Metrics
    from scamshield.services.analysis import AnalysisService
    from scamshield.store import history as history_store
    from scamshield.store import users as user_store

    if thresholds is not None:
        async with sqlite_db.transaction() as s:
            await user_store.put_settings(s, "alice", {"risk_thresholds": thresholds})
    metrics = Metrics()
    svc = AnalysisService(sqlite_db, metrics, DEFAULT_THRESHOLDS)

    async def enricher(_sessions, _principal, _item):
        return list(extra)

    svc.enrichers.append(enricher)
    await svc.start()
    try:
        recs = []
        for msg in MESSAGES:
            probe = sms_engine.analyze_sms(msg)
            rec = await svc.record(Principal("alice"), "sms", probe, subject="VM-T", entities={})
            final = rec.assessment
            assert final.signals == [*probe.signals, *extra]
            assert final.thresholds == (Thresholds(**thresholds) if thresholds else DEFAULT_THRESHOLDS)
            assert (rec.risk_score, rec.risk_level, rec.is_safe, rec.fraud_types) == (
                final.risk_score, final.risk_level, final.is_safe, final.detected_fraud_types)
            assert analyze_routes.render_recorded(rec).body == analyze_routes.render(rec.analysis_id, final).body
            recs.append(rec)
        await svc.flush_all()
        async with sqlite_db.session() as s:
            rows = {r.id: r for r in await history_store.list_analyses(s, "alice", limit=100)}
        assert len(rows) == len(recs)
        for rec in recs:
            row = rows[rec.analysis_id]
            assert (row.risk_score, row.risk_level, row.is_safe, row.fraud_types) == (
                rec.risk_score, rec.risk_level, rec.is_safe, rec.fraud_types)
            assert row.signal_codes == [s.code for s in rec.assessment.signals][:50]
        counted = {k: v for k, v in ((lvl, sum(1 for r in recs if r.risk_level == lvl)) for lvl in
                                     ("low", "medium", "high", "critical")) if v}
        text = metrics.render().decode()
        for level, n in counted.items():
            assert f'scamshield_verdicts_total{{kind="sms",risk_level="{level}"}} {float(n)}' in text
    finally:
        await svc.stop()


async def test_analyse_and_record_still_returns_id_and_final_assessment(sqlite_db):
    from scamshield.auth import Principal
    from scamshield.metrics import Metrics
    from scamshield.services.analysis import AnalysisService

    svc = AnalysisService(sqlite_db, Metrics())
    await svc.start()
    try:
        probe = sms_engine.analyze_sms(MESSAGES[0])
        aid, final = await svc.analyse_and_record(Principal("bob"), "sms", probe, subject=None)
        assert len(aid) == 32 and final.signals == probe.signals and final is not probe
    finally:
        await svc.stop()


async def test_recorded_rows_match_the_responses_on_sqlite_and_postgresql(db_url):
    """Every enricher case under every threshold set, one user each, through the history writer's batches on both
    backends: each stored row holds exactly the figures the response was rendered from."""
    from scamshield.auth import Principal
    from scamshield.engine.types import DEFAULT_THRESHOLDS
    from scamshield.metrics import Metrics
    from scamshield.services.analysis import AnalysisService
    from scamshield.store import history as history_store
    from scamshield.store import users as user_store
    from scamshield.store.migrate import upgrade_async
    from scamshield.store.session import Database

    await upgrade_async(db_url)
    db = Database(db_url)
    svc = AnalysisService(db, Metrics(), DEFAULT_THRESHOLDS)
    current: list[Signal] = []

    async def enricher(_sessions, _principal, _item):
        return list(current)

    svc.enrichers.append(enricher)
    cases = [(t, e) for t in (None, {"medium": 2, "high": 3, "critical": 4}, {"medium": 60, "high": 80, "critical": 95})
             for e in ENRICHER_CASES]
    try:
        async with db.transaction() as s:
            for k, (thresholds, _) in enumerate(cases):
                await user_store.ensure_user(s, f"u{k}", None)
                if thresholds is not None:
                    await user_store.put_settings(s, f"u{k}", {"risk_thresholds": thresholds})
        await svc.start()
        recs = {}
        for k, (_, extra) in enumerate(cases):
            current[:] = extra
            for msg in MESSAGES:
                rec = await svc.record(Principal(f"u{k}"), "sms", sms_engine.analyze_sms(msg), subject="VM-T")
                body = analyze_routes.render_recorded(rec).body
                assert body == analyze_routes.render(rec.analysis_id, rec.assessment).body, (k, msg)
                recs[rec.analysis_id] = (k, rec)
        await svc.flush_all()
        async with db.session() as s:
            rows = {}
            for k in range(len(cases)):
                rows.update({r.id: r for r in await history_store.list_analyses(s, f"u{k}", limit=100)})
        assert set(rows) == set(recs)
        for aid, (k, rec) in recs.items():
            row = rows[aid]
            assert row.user_id == f"u{k}"
            assert (row.risk_score, row.risk_level, row.is_safe, row.fraud_types, row.signal_codes) == (
                rec.risk_score, rec.risk_level, rec.is_safe, rec.fraud_types,
                [s.code for s in rec.assessment.signals][:50]), (k, aid)
    finally:
        await svc.stop()
        await db.dispose()

"""The history writer's insert (``store.history.insert_analyses``): its JSON shortcut must write exactly what the
table's own ``JSON`` type wrote — the same text in the database, the same rows read back, the same defaults — on
SQLite and PostgreSQL, and must step aside whenever it could differ."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.dialects import postgresql, sqlite

from scamshield.store import history as history_store
from scamshield.store import users as user_store
from scamshield.store.migrate import upgrade_async
from scamshield.store.models import Analysis
from scamshield.store.session import Database

# Lists of strings as signal codes and fraud types are, and the ones that need escaping (quotes, backslashes,
# control characters, non-ASCII, astral characters, empty strings), which the shortcut must escape as json.dumps.
STRING_LISTS = [
    [],
    ["PHISHING"],
    ["url_shortener", "urgency_language", "kyc_update", "brand_impersonation"],
    ["a\"b", "back\\slash", "tab\tnew\nline\r", "\x00\x01\x1f\x7f", "", " "],
    ["é", "ü", "हिन्दी", "中文", "😀", "\u2028\u2029", "\ufeff"],
    ["</script>", "&amp;", "'single'", "{\"k\": 1}"],
]
# Values that are not lists of strings: the general encoder handles them, as before.
OTHER_VALUES = [["a", 1], [None], ["x", ["nested"]], ("tuple", "of", "str"), {"k": "v"}, "plain string", 3, None,
                [1.5, float("inf")]]


def _processor(dialect):
    return history_store.StrListJSON().dialect_impl(dialect).bind_processor(dialect)


def _general(dialect):
    from sqlalchemy import JSON

    return JSON().dialect_impl(dialect).bind_processor(dialect)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.asyncpg.dialect()], ids=["sqlite", "asyncpg"])
@pytest.mark.parametrize("value", STRING_LISTS + OTHER_VALUES, ids=repr)
def test_bind_text_is_what_the_json_type_writes(dialect, value):
    general = _general(dialect)
    fast = _processor(dialect)
    assert fast is not general  # the shortcut is in use on the project's dialects
    try:
        expected = general(value)
    except (TypeError, ValueError) as exc:  # what the JSON type refuses, the shortcut refuses the same way
        with pytest.raises(type(exc)):
            fast(value)
        return
    assert fast(value) == expected
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        assert fast(value) == json.dumps(value)


def test_a_dialect_with_its_own_json_serializer_keeps_it():
    compact = sqlite.dialect(json_serializer=lambda v: json.dumps(v, separators=(",", ":")))
    fast = _processor(compact)
    assert fast(["a", "b"]) == '["a","b"]'  # not the default separators the shortcut writes
    no_ascii = sqlite.dialect(json_serializer=lambda v: json.dumps(v, ensure_ascii=False))
    assert _processor(no_ascii)(["é"]) == '["é"]'
    same = sqlite.dialect(json_serializer=json.dumps)  # equal on every probe: the shortcut may be used
    assert _processor(same)(["é", "a\"b"]) == json.dumps(["é", "a\"b"])


def test_insert_table_mirrors_the_analyses_table():
    table = history_store._INSERT_ANALYSES.table
    model = Analysis.__table__
    assert table.name == model.name
    assert [c.name for c in table.columns] == [c.name for c in model.columns]
    assert set(history_store.ANALYSIS_COLUMNS) == {c.name for c in model.columns}
    for mine, theirs in zip(table.columns, model.columns):
        assert mine.primary_key == theirs.primary_key and mine.nullable == theirs.nullable
        assert (mine.default is None) == (theirs.default is None)
        if isinstance(mine.type, history_store.StrListJSON):
            assert type(theirs.type).__name__ == "JSON"
        else:
            assert mine.type is theirs.type


def _row(i: int, uid: str, codes: list[str], created: datetime) -> dict:
    return {"id": f"{uid}{i:029x}"[:32], "user_id": uid, "kind": "sms", "subject": None if i % 2 else f"VM-{i}",
            "risk_score": i % 101, "risk_level": "high" if i % 2 else "low", "is_safe": bool(i % 2 == 0),
            "fraud_types": codes[:2], "signal_codes": codes, "created_at": created}


async def test_rows_read_back_and_stored_text_match_the_tables_own_insert(db_url):
    """The same rows through the old statement (``insert(Analysis.__table__)``) and through ``insert_analyses``:
    identical stored JSON text, identical rows through the ORM; defaults filled the same way."""
    await upgrade_async(db_url)
    db = Database(db_url)
    try:
        async with db.transaction() as s:
            for uid in ("old", "new"):
                await user_store.ensure_user(s, uid, None)
        t0 = datetime(2026, 12, 7, 23, 59, 59, 999999, tzinfo=timezone.utc)
        rows = {uid: [_row(k, uid, codes, t0 - timedelta(seconds=k))
                      for k, codes in enumerate(STRING_LISTS)] for uid in ("old", "new")}
        async with db.transaction() as s:
            await s.execute(insert(Analysis.__table__), rows["old"])
            await history_store.insert_analyses(s, rows["new"])
        # a row without the defaulted columns gets them as through the table's own insert
        bare = {"id": "f" * 32, "user_id": "new", "kind": "url", "subject": None, "risk_score": 0,
                "risk_level": "low", "is_safe": True}
        async with db.transaction() as s:
            await history_store.insert_analyses(s, [bare])
        cast = "CAST(fraud_types AS TEXT), CAST(signal_codes AS TEXT)" if "postgresql" in db_url else \
            "fraud_types, signal_codes"
        async with db.session() as s:
            stored = {uid: (await s.execute(text(
                f"SELECT {cast} FROM analyses WHERE user_id = :u AND id != :bare ORDER BY created_at DESC"),
                {"u": uid, "bare": "f" * 32})).all() for uid in ("old", "new")}
            got = {uid: await history_store.list_analyses(s, uid, limit=100) for uid in ("old", "new")}
            defaulted = await history_store.get_analysis(s, "new", "f" * 32)
        assert [tuple(r) for r in stored["new"]] == [tuple(r) for r in stored["old"]]
        assert len(stored["new"]) == len(STRING_LISTS)
        if "sqlite" in db_url:  # SQLite keeps the bound text: it is json.dumps's
            assert [r[1] for r in stored["new"]] == [json.dumps(c) for c in STRING_LISTS]
        new = [a for a in got["new"] if a.id != "f" * 32]
        assert len(new) == len(got["old"]) == len(STRING_LISTS)
        for a, b, codes in zip(new, got["old"], STRING_LISTS):
            assert (a.signal_codes, a.fraud_types) == (b.signal_codes, b.fraud_types) == (codes, codes[:2])
            assert (a.created_at, a.risk_score, a.risk_level, a.is_safe, a.subject) == (
                b.created_at, b.risk_score, b.risk_level, b.is_safe, b.subject)
        assert defaulted is not None and defaulted.fraud_types == [] and defaulted.signal_codes == []
        assert defaulted.created_at.tzinfo is not None
        assert abs(defaulted.created_at - datetime.now(timezone.utc)) < timedelta(minutes=5)
    finally:
        await db.dispose()

"""`scamshield purge` (cli/data.py) and the server's periodic retention task."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import typer
from sqlalchemy import func, select
from typer.testing import CliRunner

from scamshield.cli import data
from scamshield.services.ledger import RetentionTask
from scamshield.store import users as user_store
from scamshield.store.base import new_id, utcnow
from scamshield.store.migrate import upgrade
from scamshield.store.models import Analysis
from scamshield.store.session import Database


def _seed(url: str, ages_days: list[int]) -> None:
    async def run():
        db = Database(url)
        async with db.transaction() as s:
            await user_store.ensure_user(s, "alice", None)
            for age in ages_days:
                s.add(Analysis(id=new_id(), user_id="alice", kind="url", risk_score=1, risk_level="low", is_safe=True,
                               fraud_types=[], signal_codes=[], created_at=utcnow() - timedelta(days=age)))
        await db.dispose()

    asyncio.run(run())


def _count(url: str) -> int:
    async def run():
        db = Database(url)
        async with db.session() as s:
            n = (await s.execute(select(func.count()).select_from(Analysis))).scalar_one()
        await db.dispose()
        return n

    return asyncio.run(run())


def test_purge_command(tmp_path, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    upgrade(url)
    _seed(url, [1, 10, 100, 200])
    monkeypatch.setenv("SCAMSHIELD_DATABASE_URL", url)
    app = typer.Typer()
    data.register(app)
    app.command("noop", hidden=True)(lambda: None)  # keep "purge" a sub-command
    runner = CliRunner()
    dry = runner.invoke(app, ["purge", "--days", "30", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would delete" in dry.output and "analyses=2" in dry.output and _count(url) == 4
    done = runner.invoke(app, ["purge", "--days", "5"])
    assert done.exit_code == 0 and "analyses=3" in done.output and _count(url) == 1


async def test_periodic_task_purges(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'task.db'}"
    await asyncio.to_thread(upgrade, url)
    await asyncio.to_thread(_seed, url, [1, 100])
    db = Database(url)
    task = RetentionTask(db, 90, interval=0.05, first_delay=0)
    task.start()
    for _ in range(100):
        if task.runs:
            break
        await asyncio.sleep(0.02)
    await task.stop()
    await db.dispose()
    assert task.runs >= 1
    assert await asyncio.to_thread(_count, url) == 1

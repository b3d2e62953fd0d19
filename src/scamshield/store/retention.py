"""Personal-data retention: delete analyses, transcript segments and alerts older than the retention period.

The payee ledger, feedback and community reports are the user's protection data and are kept; calls (and their
transcripts, by cascade) belong to the real-time part, which ends them; here only old segments are removed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.models import Alert, Analysis, TranscriptSegment

PURGED_TABLES = (("analyses", Analysis), ("transcript_segments", TranscriptSegment), ("alerts", Alert))


async def purge_expired(session: AsyncSession, now: datetime, retention_days: int, *,
                        dry_run: bool = False, batch_size: int | None = None) -> dict[str, int]:
    """Rows deleted (or that would be, with ``dry_run``) per table. ``retention_days <= 0`` keeps everything.

    With ``batch_size`` at most that many rows per table go per call (call again until every count is below it).
    """
    if retention_days <= 0:
        return {name: 0 for name, _ in PURGED_TABLES}
    cutoff = now - timedelta(days=retention_days)
    out: dict[str, int] = {}
    for name, model in PURGED_TABLES:
        old = model.created_at < cutoff
        if dry_run:
            out[name] = int((await session.execute(select(func.count()).select_from(model).where(old))).scalar_one())
            continue
        stmt = delete(model)
        if batch_size is None:
            stmt = stmt.where(old)
        else:
            ids = select(model.id).where(old).limit(batch_size).scalar_subquery()
            stmt = stmt.where(model.id.in_(ids))
        result = await session.execute(stmt.execution_options(synchronize_session=False))
        out[name] = int(result.rowcount or 0)
    return out

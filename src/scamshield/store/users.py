"""User rows: created on first authenticated contact; phone kept from the token's claim."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.store.base import utcnow
from scamshield.store.models import User
from scamshield.store.upsert import insert_for


async def ensure_user(session: AsyncSession, user_id: str, phone_number: str | None) -> None:
    stmt = insert_for(session, User).values(id=user_id, phone_number=phone_number, settings={}, alert_seq=0,
                                            created_at=utcnow(), last_seen_at=utcnow())
    if phone_number:
        stmt = stmt.on_conflict_do_update(index_elements=[User.id],
                                          set_={"phone_number": phone_number, "last_seen_at": utcnow()})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=[User.id])
    await session.execute(stmt)


async def get_user(session: AsyncSession, user_id: str) -> User | None:
    return await session.get(User, user_id)


async def find_user_by_phone(session: AsyncSession, phone_number: str) -> User | None:
    rows = (await session.execute(select(User).where(User.phone_number == phone_number).limit(2))).scalars().all()
    # Ambiguous numbers (two accounts claiming one phone) are not auto-associated.
    return rows[0] if len(rows) == 1 else None


async def get_settings(session: AsyncSession, user_id: str) -> dict[str, Any]:
    row = (await session.execute(select(User.settings).where(User.id == user_id))).scalar_one_or_none()
    return dict(row or {})


async def put_settings(session: AsyncSession, user_id: str, settings: dict[str, Any]) -> None:
    await session.execute(update(User).where(User.id == user_id).values(settings=settings))

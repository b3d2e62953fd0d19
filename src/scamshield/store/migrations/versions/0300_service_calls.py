"""service calls: unowned calls a service token created are marked source 'service'

Revision ID: 0300_service_calls
Revises: 0200_ledger
Create Date: 2026-12-01 00:00:00

Data only (``calls.source`` is a plain String(16), no constraint). Before this revision a call whose first
transcript came from a ``service`` token was stored unowned with source 'api' or 'ws', and any user could claim it
(and its held alerts). Such a row is exactly an unowned 'api'/'ws' call: a user's own transcript creates the call
owned by them, and an association creates and claims it in one transaction. Those rows become 'service', which only
a trusted caller may associate (``services.calls.PROTECTED_SOURCES``).
"""
from __future__ import annotations

from alembic import op

revision = '0300_service_calls'
down_revision = '0200_ledger'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE calls SET source = 'service' WHERE user_id IS NULL AND source IN ('api', 'ws')")


def downgrade() -> None:
    op.execute("UPDATE calls SET source = 'api' WHERE source = 'service'")

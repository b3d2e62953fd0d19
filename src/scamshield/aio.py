"""Small asyncio helpers shared by the background tasks (retention, community set, history writer)."""

from __future__ import annotations

import asyncio
from typing import Any


async def cancel_and_wait(task: "asyncio.Task[Any] | None") -> None:
    """Cancel ``task`` (if any) and wait until it has really finished; its cancellation is not an error."""
    if task is None:
        return
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass

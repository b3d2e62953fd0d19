"""Broker contract: publish JSON messages on named channels; each instance delivers to its own local connections.

Channels are per user (``user:<id>``) plus a few control channels (``control``, ``broadcast``). Delivery is
at-most-once and best effort: the durable record of every alert is the database, and a client that missed a
publication recovers it from the store on reconnect (``since=<seq>``). Implementations: in-process memory
(default, one instance) and Redis pub/sub (``SCAMSHIELD_REDIS_URL``), chosen by URL scheme with lazy imports.
"""

from __future__ import annotations

import abc
import logging
from typing import Awaitable, Callable

Handler = Callable[[str, str], Awaitable[None]]  # (channel, message JSON text)

log = logging.getLogger("scamshield.hub.broker")


class Broker(abc.ABC):
    """Contract (tested against every implementation in tests/hub/test_broker_contract.py):

    - ``subscribe(channel)`` registers interest; from the moment it returns, every later ``publish`` on that channel
      from any instance reaches ``handler`` exactly once per subscribing instance (while the broker is healthy).
    - ``subscribe`` of an already subscribed channel is a no-op; ``unsubscribe`` of an unknown channel is a no-op.
    - messages on one channel from one publisher arrive in publish order.
    - ``handler`` exceptions are logged and never stop delivery of later messages.
    - ``close()`` stops delivery and releases connections; it is idempotent.
    """

    #: True when a publication reaches other processes (Redis); False for the in-process broker, where the
    #: publishing instance is the only one, so instance-to-instance notices (``Hub.announce_user_changed``) are skipped.
    shared: bool = True

    def __init__(self, handler: Handler) -> None:
        self._handler = handler

    async def start(self) -> None:
        """Connect (if needed). Called once before use."""

    @abc.abstractmethod
    async def publish(self, channel: str, message: str) -> None: ...

    @abc.abstractmethod
    async def subscribe(self, channel: str) -> None: ...

    @abc.abstractmethod
    async def unsubscribe(self, channel: str) -> None: ...

    @abc.abstractmethod
    async def close(self) -> None: ...

    async def healthy(self) -> bool:
        return True

    async def _deliver(self, channel: str, message: str) -> None:
        try:
            await self._handler(channel, message)
        except Exception:  # a bad handler must not kill the reader
            log.exception("broker handler failed on channel %s", channel.split(":", 1)[0])


def create_broker(url: str | None, handler: Handler) -> Broker:
    """``None``/``memory://`` -> in-process; ``redis://``/``rediss://`` -> Redis pub/sub."""
    if not url or url.startswith("memory"):
        from scamshield.hub.broker_memory import MemoryBroker

        return MemoryBroker(handler)
    if url.startswith(("redis://", "rediss://", "unix://")):
        from scamshield.hub.broker_redis import RedisBroker

        return RedisBroker(url, handler)
    raise ValueError(f"unsupported broker URL scheme: {url.split(':', 1)[0]}")

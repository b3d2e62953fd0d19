"""In-process broker: one instance, no network. Publication is delivered before ``publish`` returns."""

from __future__ import annotations

from scamshield.hub.broker import Broker, Handler


class MemoryBroker(Broker):
    shared = False  # one process: nobody else to tell

    def __init__(self, handler: Handler) -> None:
        super().__init__(handler)
        self._channels: set[str] = set()
        self._closed = False

    async def publish(self, channel: str, message: str) -> None:
        if not self._closed and channel in self._channels:
            await self._deliver(channel, message)

    async def subscribe(self, channel: str) -> None:
        self._channels.add(channel)

    async def unsubscribe(self, channel: str) -> None:
        self._channels.discard(channel)

    async def close(self) -> None:
        self._closed = True
        self._channels.clear()

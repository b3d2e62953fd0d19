"""The row type of this package's marker tables (``notices._TXN_MARKERS``, ``advice._ADVICE_MARKERS``,
``warned._OWN_ASKS``): a named pattern behind a cheap substring gate."""

from __future__ import annotations

import re
from typing import NamedTuple


class Marker(NamedTuple):
    """A named pattern. ``hints``: substrings one of which the (lower-cased) text must contain before ``rx`` is tried
    -- a C-speed ``in`` test that most texts fail; each must be implied by every match of ``rx``. None: always try."""

    name: str
    hints: tuple[str, ...] | None
    rx: re.Pattern[str]

    def search(self, low: str) -> re.Match[str] | None:
        """The first match of ``rx`` in ``low`` when a hint occurs in it (or there are no hints), else None."""
        if self.hints is not None and not any(h in low for h in self.hints):
            return None
        return self.rx.search(low)


def marker(name: str, hints: tuple[str, ...] | None, pattern: str, flags: int = 0) -> Marker:
    """One table row: ``pattern`` compiled with ``flags``."""
    return Marker(name, hints, re.compile(pattern, flags))

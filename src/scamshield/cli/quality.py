"""`scamshield eval` and `scamshield train` (detection quality). Filled in by the detection-quality work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:  # pragma: no cover - replaced by the quality commands
    return None

"""The garbage-collector thresholds setting is applied at start-up (and an empty value keeps Python's)."""

from __future__ import annotations

import gc

import pytest
from asgi_lifespan import LifespanManager

from scamshield.api.app import create_app


@pytest.mark.parametrize("value, expected", [("12345,11,13", (12345, 11, 13)), ("", None)])
async def test_gc_thresholds_applied_at_startup(make_settings, value, expected):
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        async with LifespanManager(create_app(make_settings(gc_thresholds=value)), startup_timeout=60):
            assert gc.get_threshold() == (expected or (700, 10, 10))
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()  # the app froze the objects alive at start-up; let later tests' garbage be collected

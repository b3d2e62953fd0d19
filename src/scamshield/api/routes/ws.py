"""Routes for this area (being built; see the issues)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()

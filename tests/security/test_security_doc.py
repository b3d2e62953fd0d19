"""docs/security.md maps every threat to tests: each ``file::test`` it names must exist, so the map cannot rot."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"


def _references() -> list[tuple[str, str | None]]:
    refs: list[tuple[str, str | None]] = []
    for line in DOC.read_text().splitlines():
        current: str | None = None
        for m in re.finditer(r"`([\w/]+\.py)?(::\w+)?`", line):
            path, name = m.group(1), m.group(2)
            if path:
                current = path
            if current and (path or name):
                refs.append((current, name[2:] if name else None))
    return refs


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def test_every_referenced_test_exists():
    refs = _references()
    assert len(refs) > 40, "the threat model should reference the tests that cover it"
    missing = []
    for rel, name in refs:
        path = ROOT / "tests" / rel
        if not path.exists():
            missing.append(f"{rel} (file)")
        elif name and name not in _functions(path):
            missing.append(f"{rel}::{name}")
    assert not missing, f"docs/security.md names tests that do not exist: {missing}"


def test_every_threat_of_issue_8_has_a_section():
    text = DOC.read_text().lower()
    for threat in ("impersonating a user", "hijacking a call", "forging webhooks", "poisoning community reports",
                   "scraping other users", "denial of service", "logs", "supply chain"):
        assert threat in text, threat

"""Check that the docs cover what the code exposes.

- docs/api.md names every OpenAPI operation (``METHOD /path``), every WebSocket route, every WebSocket message type
  (both directions) and every WebSocket close code defined in ``api/errors.py``;
- docs/operations.md names every ``SCAMSHIELD_*`` setting and every Prometheus metric.

Usage: ``.venv/bin/python scripts/check_api_docs.py`` (exit 1 and a list of what is missing). The same checks run in
``tests/docs/test_api_doc.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def openapi_operations() -> list[tuple[str, str]]:
    """(METHOD, path) of every operation in the live OpenAPI spec of a test app."""
    from scamshield.api.app import create_app
    from scamshield.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(env="test", jwt_secret="x" * 48, data_dir=Path(tmp)), migrate=False)
        spec = app.openapi()
    return [(method.upper(), path) for path, ops in spec["paths"].items() for method in ops
            if method in ("get", "post", "put", "patch", "delete")]


def websocket_routes() -> list[str]:
    from fastapi.routing import APIWebSocketRoute

    from scamshield.api.app import _modules

    return [r.path for m in _modules() for r in m.router.routes if isinstance(r, APIWebSocketRoute)]


def websocket_message_types() -> tuple[list[str], list[str]]:
    """(client -> server types, server -> client types) declared in hub/messages.py."""
    from scamshield.hub import messages

    client = list(messages.CLIENT_TYPES)
    server = []
    for obj in vars(messages).values():
        if isinstance(obj, type) and issubclass(obj, messages._ServerMessage) and obj is not messages._ServerMessage:
            default = obj.model_fields["type"].default
            if isinstance(default, str):
                server.append(default)
    return client, sorted(set(server))


def websocket_close_codes() -> list[int]:
    from scamshield.api import errors

    return sorted({v for k, v in vars(errors).items() if k.startswith("WS_") and isinstance(v, int)})


def settings_env_names() -> list[str]:
    from scamshield.settings import Settings

    return ["SCAMSHIELD_" + name.upper() for name in Settings.model_fields]


def metric_names() -> list[str]:
    from scamshield.metrics import Metrics

    names = []
    for metric in Metrics().registry.collect():
        name = metric.name
        if metric.type == "counter" and not name.endswith("_total"):
            name += "_total"
        names.append(name)
    return names


def problems(api: str | None = None, ops: str | None = None) -> list[str]:
    """Everything the docs miss (empty = complete). ``api`` / ``ops`` override the files' text (tests)."""
    api = (DOCS / "api.md").read_text(encoding="utf-8") if api is None else api
    ops = (DOCS / "operations.md").read_text(encoding="utf-8") if ops is None else ops
    out: list[str] = []
    for method, path in openapi_operations():
        if f"{method} {path}" not in api:
            out.append(f"docs/api.md does not document `{method} {path}`")
    for path in websocket_routes():
        if path not in api:
            out.append(f"docs/api.md does not document the WebSocket {path}")
    client, server = websocket_message_types()
    for kind in client:
        if f'→ {{"type": "{kind}"' not in api:
            out.append(f"docs/api.md has no client example of the WS message {kind!r}")
    for kind in server:
        if f'← {{"type": "{kind}"' not in api:
            out.append(f"docs/api.md has no server example of the WS message {kind!r}")
    for code in websocket_close_codes():
        if f"| {code} |" not in api:
            out.append(f"docs/api.md does not explain WebSocket close code {code}")
    for name in settings_env_names():
        if f"`{name}`" not in ops:
            out.append(f"docs/operations.md does not document the setting {name}")
    for name in metric_names():
        if f"`{name}`" not in ops:
            out.append(f"docs/operations.md does not document the metric {name}")
    return out


def main() -> int:
    found = problems()
    for p in found:
        print(p)
    if not found:
        print("docs cover every endpoint, WebSocket message, close code, setting and metric")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Structured logging with masking: phone numbers, tokens and long texts never reach the log in clear."""

from __future__ import annotations

import json
import logging
import re
import sys
import time

_PHONE = re.compile(r"(?<![\w])\+?\d[\d\s-]{7,14}\d(?![\w])")
_JWT = re.compile(r"eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}")
_BEARER = re.compile(r"(?i)(bearer\s+|token=|phone_number=|phone=|from=|to=|caller=)[^\s&\"']+")
_PERCENT_PLUS = re.compile(r"(?i)%2B")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def mask_phone(number: str | None) -> str | None:
    """``+919876543210`` -> ``+91******3210``."""
    if not number:
        return number
    digits = number.strip()
    if len(digits) <= 4:
        return "*" * len(digits)
    keep_head = 3 if digits.startswith("+") else 0
    return digits[:keep_head] + "*" * (len(digits) - keep_head - 4) + digits[-4:]


def redact(text: str) -> str:
    text = _PERCENT_PLUS.sub("+", text)
    text = _JWT.sub("[token]", text)
    text = _BEARER.sub(lambda m: m.group(1) + "[redacted]", text)
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub("[phone]", text)
    return text


class RedactingFilter(logging.Filter):
    """Last line of defence: scrub every record's rendered message and args."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            msg = record.getMessage()
        except Exception:  # pragma: no cover - malformed log call
            msg = str(record.msg)
        record.msg = redact(msg)
        record.args = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key in ("request_id", "path", "status", "duration_ms", "user", "event"):
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
        return json.dumps(payload, ensure_ascii=False)


def configure_logging(level: str = "INFO", *, json_logs: bool = False) -> None:
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_scamshield", False):
            root.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler._scamshield = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter() if json_logs else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers = []
        lg.propagate = True
    # Drivers and HTTP clients log SQL parameters / payloads at DEBUG: never let them through, whatever the level.
    for name in ("aiosqlite", "sqlalchemy", "sqlalchemy.engine", "asyncpg", "websockets", "httpcore", "httpx",
                 "hpack", "multipart", "python_multipart"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # uvicorn's access log prints query strings (which may hold ?token=); our middleware logs requests instead.
    logging.getLogger("uvicorn.access").disabled = True

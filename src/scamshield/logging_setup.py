"""Structured logging with masking: phone numbers, tokens and long texts never reach the log in clear."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time

_PHONE = re.compile(r"(?<![\w])\+?\d[\d\s-]{7,14}\d(?![\w])")
_JWT = re.compile(r"eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}")
_BEARER = re.compile(r"(?i)(bearer\s+|token=|phone_number=|phone=|from=|to=|caller=|x-twilio-signature[\"']?\s*[:=]\s*[\"']?)"
                     r"[^\s&\"']+")
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


_PLAIN = logging.Formatter()


def _package_dir(name: str) -> str | None:
    try:
        module = __import__(name)
    except Exception:  # pragma: no cover - not installed
        return None
    path = getattr(module, "__file__", None)
    return os.path.dirname(os.path.abspath(path)) + os.sep if path else None


class WireLibraryFilter(logging.Filter):
    """Records written by the ``websockets`` library itself, whatever logger it was handed: uvicorn gives it its
    ``uvicorn.error`` logger, so capping the ``websockets`` logger is not enough. At DEBUG it logs every frame
    (``< TEXT '{"type": "transcript", "text": "my OTP is …'``) and every handshake header (``x-twilio-signature``,
    ``authorization``). Below WARNING such records are dropped; a warning or error keeps only its level, logger and
    exception type — no message, no traceback (either may quote a frame or a header)."""

    def __init__(self, package_dirs: tuple[str, ...] | None = None) -> None:
        super().__init__()
        dirs = package_dirs if package_dirs is not None else (_package_dir("websockets"),)
        self.dirs = tuple(d for d in dirs if d)

    def filter(self, record: logging.LogRecord) -> bool:
        path = record.pathname or ""
        if not self.dirs or not path.startswith(self.dirs):
            return True
        if record.levelno < logging.WARNING:
            return False
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
        record.msg = f"websocket protocol {record.levelname.lower()}" + (f" ({kind})" if kind else "")
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class RedactingFilter(logging.Filter):
    """Last line of defence: scrub every record's rendered message and args, and its traceback text.

    A traceback ends with the exception's message (``ValueError: bad number +919876543210``) and may show source lines
    holding data, so it is rendered here and redacted into ``exc_text``, which formatters print instead of rendering
    ``exc_info`` again.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            msg = record.getMessage()
        except Exception:  # pragma: no cover - malformed log call
            msg = str(record.msg)
        record.msg = redact(msg)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact(record.exc_text or _PLAIN.formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """The text format; tracebacks are redacted even when the record did not pass the filter."""

    def formatException(self, ei) -> str:  # type: ignore[override]
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


class JsonFormatter(logging.Formatter):
    def formatException(self, ei) -> str:  # type: ignore[override]
        return redact(super().formatException(ei))

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
    handler.addFilter(WireLibraryFilter())
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter() if json_logs else RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
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

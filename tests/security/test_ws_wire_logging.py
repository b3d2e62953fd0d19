"""At DEBUG, uvicorn hands its ``uvicorn.error`` logger to the websockets library, which then logs every frame and
every handshake header. A real server at DEBUG must still keep transcript text and Twilio signatures out of its log;
plus unit tests of the filter and of the header redaction."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import uuid

import pytest

from scamshield.logging_setup import RedactingFilter, WireLibraryFilter, redact
from tests.support.realtime import TWILIO_TOKEN, twilio_signature
from tests.support.server import ServerProcess

SECRET = "wire-logging-secret-" + "w" * 40


def test_debug_server_logs_no_frames_and_no_signature(tmp_path):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    tag = uuid.uuid4().hex[:8]
    marker = f"OTP{tag}"  # first in the text: a frame log shows the first ~70 characters of a frame
    env = {"SCAMSHIELD_DATA_DIR": str(tmp_path / "var"), "SCAMSHIELD_JWT_SECRET": SECRET,
           "SCAMSHIELD_TWILIO_AUTH_TOKEN": TWILIO_TOKEN, "SCAMSHIELD_LOG_LEVEL": "DEBUG",
           "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off"}
    log_path = tmp_path / "server.log"
    server = ServerProcess(env, log_path=log_path)
    env["SCAMSHIELD_PUBLIC_URL"] = server.base_url
    with server:
        tok = subprocess.run([sys.executable, "-m", "scamshield", "token", "alice"], env={**os.environ, **env},
                             capture_output=True, text=True, timeout=60, check=True).stdout.strip().splitlines()[-1]
        with connect(f"{server.ws_url}/api/ws?token={tok}", open_timeout=10) as ws:
            assert json.loads(ws.recv(timeout=10))["type"] == "connected"
            ws.send(json.dumps({"type": "transcript", "call_sid": f"CA{tag}", "text": f"{marker} is 48291"}))
            got = []
            while "transcript_received" not in got:
                got.append(json.loads(ws.recv(timeout=10))["type"])
        signature = twilio_signature("/twilio/media", {}, base=server.ws_url)
        with connect(f"{server.ws_url}/twilio/media", additional_headers={"X-Twilio-Signature": signature},
                     open_timeout=10) as media:  # accepted (valid signature), then 4503: no speech-to-text engine
            with pytest.raises(ConnectionClosed):
                media.recv(timeout=10)
    log = log_path.read_text(errors="replace")
    # positive control: this is a DEBUG log of this server, with both sockets in it
    assert " DEBUG " in log and "/api/ws" in log and "/twilio/media" in log, log[-2000:]
    assert marker not in log and "48291" not in log, "a frame's text is in the log"
    assert signature not in log, "the Twilio signature is in the log"
    assert tok.split(".")[2] not in log


def _record(pathname: str, level: int = logging.DEBUG, msg: str = "< TEXT %r", args=("secret OTP 48291",),
            exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("uvicorn.error", level, pathname, 1, msg, args, exc_info)


def test_wire_filter_drops_websockets_records_whatever_the_logger():
    lib = "/x/site-packages/websockets/"
    f = WireLibraryFilter((lib,))
    assert not f.filter(_record(lib + "legacy/protocol.py"))
    assert not f.filter(_record(lib + "protocol.py", logging.INFO))
    assert f.filter(_record("/x/site-packages/uvicorn/protocols/websockets/websockets_impl.py"))
    assert f.filter(_record("/app/scamshield/api/routes/ws.py"))
    try:
        raise ValueError("frame 'secret OTP 48291'")
    except ValueError:
        err = _record(lib + "server.py", logging.ERROR, "opening handshake failed: %s", ("secret OTP 48291",),
                      sys.exc_info())
    assert f.filter(err) and RedactingFilter().filter(err)
    rendered = logging.Formatter().format(err)
    assert "48291" not in rendered and "ValueError" in rendered and "error" in rendered


def test_wire_filter_finds_the_installed_library():
    import websockets

    f = WireLibraryFilter()
    assert f.dirs and not f.filter(_record(os.path.join(os.path.dirname(websockets.__file__), "protocol.py")))


@pytest.mark.parametrize("text", ["< x-twilio-signature: c2lnbmF0dXJl+/=", "X-Twilio-Signature=c2lnbmF0dXJl+/=&a=1",
                                  '{"X-Twilio-Signature": "c2lnbmF0dXJl+/="}'])
def test_redact_removes_the_twilio_signature(text):
    assert "c2lnbmF0dXJl" not in redact(text)

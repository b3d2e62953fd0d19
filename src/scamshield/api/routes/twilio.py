"""Twilio: voice webhook (auto-association + TwiML), Real-Time Transcription callbacks, Media Streams.

Every request is authenticated by ``X-Twilio-Signature`` (HMAC-SHA1 of the public URL + sorted POST params with the
account auth token) checked by the twilio SDK's ``RequestValidator``. The URL is rebuilt from
``SCAMSHIELD_PUBLIC_URL`` + path (+ query), never from the ``Host`` header, so it works behind proxies. Missing or
wrong signature -> 403 (counted in ``scamshield_webhook_rejections_total``); no auth token / public URL configured
-> 503.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import re

from fastapi import APIRouter, Request, Response, WebSocket
from fastapi.responses import JSONResponse
from starlette.websockets import WebSocketDisconnect
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import VoiceResponse

from scamshield.api.context import AppContext
from scamshield.api.deps import Ctx
from scamshield.api.errors import WS_FORBIDDEN, WS_TOO_BIG, WS_UNAVAILABLE, is_transient_storage_error, responses
from scamshield.api.routes.calls import call_service
from scamshield.auth import caller_for_association, normalise_phone
from scamshield.engine.conversation import Segment
from scamshield.errors import Conflict, Forbidden, InvalidInput, ScamShieldError
from scamshield.services import stt
from scamshield.services.calls import SERVICE_ACTOR, short_sid
from scamshield.store import users as user_store

log = logging.getLogger("scamshield.twilio")
router = APIRouter(tags=["twilio"])

_SID = re.compile(r"^[A-Za-z0-9]{2,64}$")
TRANSCRIPTION_PATH = "/twilio/transcription"
_FORM_DOC = {"requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}}}


class TwilioNotConfigured(ScamShieldError):
    status = 503
    code = "twilio_not_configured"


def _public_url(ctx: AppContext, path: str, query: str, *, websocket: bool = False) -> str:
    base = (ctx.settings.public_url or "").rstrip("/")
    if websocket:
        base = re.sub(r"^http", "ws", base)
    return base + path + (f"?{query}" if query else "")


def _check_signature(ctx: AppContext, url: str, params, signature: str | None) -> None:
    token = ctx.settings.twilio_auth_token.get_secret_value() if ctx.settings.twilio_auth_token else ""
    if not token or not ctx.settings.public_url:
        ctx.metrics.webhook_rejections.labels("not_configured").inc()
        raise TwilioNotConfigured("Twilio is not configured (SCAMSHIELD_TWILIO_AUTH_TOKEN and SCAMSHIELD_PUBLIC_URL)")
    if not signature:
        ctx.metrics.webhook_rejections.labels("missing_signature").inc()
        raise Forbidden("missing X-Twilio-Signature", code="missing_signature")
    if not RequestValidator(token).validate(url, params, signature):
        ctx.metrics.webhook_rejections.labels("bad_signature").inc()
        log.warning("rejected a Twilio request with a wrong signature")
        raise Forbidden("invalid X-Twilio-Signature", code="invalid_signature")


async def _signed_form(request: Request, ctx: AppContext):
    form = await request.form()
    url = _public_url(ctx, request.url.path, request.url.query)
    _check_signature(ctx, url, form, request.headers.get("x-twilio-signature"))
    return form


def _call_sid(form) -> str:
    sid = form.get("CallSid")
    if not isinstance(sid, str) or not _SID.match(sid):
        raise InvalidInput("missing or malformed CallSid", code="invalid_call_sid")
    return sid


@router.post("/twilio/voice", summary="Twilio voice webhook: associate by caller number, start transcription",
             response_class=Response, responses={**responses(400, 403, 413, 422, 503),
                                                 200: {"content": {"application/xml": {"schema": {"type": "string"}}}}},
             openapi_extra=_FORM_DOC)
async def voice(request: Request, ctx: Ctx) -> Response:
    form = await _signed_form(request, ctx)
    call_sid = _call_sid(form)
    caller = normalise_phone(str(form.get("From") or ""))
    # Caller ID can be spoofed: optionally only STIR/SHAKEN "A"-attested numbers find their owner.
    lookup = caller_for_association(form.get("From"), form.get("StirVerstat"),
                                    require_attestation_a=ctx.settings.twilio_require_stir_a)
    calls = call_service(ctx)
    user_id = None
    if lookup:
        async with ctx.db.session() as session:
            user = await user_store.find_user_by_phone(session, lookup)
        user_id = user.id if user else None
    if user_id:
        try:
            await calls.associate_call(user_id, call_sid, source="twilio", from_number=caller, trusted=True)
        except Conflict:
            log.warning("voice webhook: call %s already belongs to another user", short_sid(call_sid))
    else:
        await calls.ensure_call(call_sid, source="twilio", from_number=caller)
    twiml = VoiceResponse()
    twiml.start().transcription(status_callback_url=_public_url(ctx, TRANSCRIPTION_PATH, ""), track="both_tracks",
                                partial_results=ctx.settings.twilio_partial_results)
    twiml.pause(length=3600)  # keep the protection leg open; the call ends when the parties hang up
    return Response(str(twiml), media_type="application/xml")


@router.post(TRANSCRIPTION_PATH, summary="Twilio Real-Time Transcription callback",
             responses=responses(400, 403, 413, 422, 503), openapi_extra=_FORM_DOC)
async def transcription(request: Request, ctx: Ctx) -> JSONResponse:
    form = await _signed_form(request, ctx)
    call_sid = _call_sid(form)
    event = str(form.get("TranscriptionEvent") or "")
    calls = call_service(ctx)
    if event == "transcription-started":
        await calls.ensure_call(call_sid, source="twilio")
        return JSONResponse({"ok": True, "event": event})
    if event == "transcription-stopped":
        await calls.end_call(call_sid)
        return JSONResponse({"ok": True, "event": event})
    if event == "transcription-error":
        log.warning("Twilio transcription error on call %s (code %s)", short_sid(call_sid),
                    str(form.get("TranscriptionErrorCode") or "?")[:12])
        return JSONResponse({"ok": True, "event": event})
    if event != "transcription-content":
        raise InvalidInput("unknown TranscriptionEvent", code="invalid_event")
    try:
        data = json.loads(str(form.get("TranscriptionData") or ""))
        text = data.get("transcript") if isinstance(data, dict) else None
    except ValueError:
        text = None
    if not isinstance(text, str):
        raise InvalidInput("TranscriptionData must be a JSON object with a transcript", code="invalid_transcription")
    if not text.strip():
        return JSONResponse({"ok": True, "event": event, "empty": True})
    final = str(form.get("Final") or "true").lower() == "true"
    track = str(form.get("Track") or "")[:32]
    sid = str(form.get("TranscriptionSid") or "")[:64]
    seq = str(form.get("SequenceId") or "")[:16]
    dedup = f"tw:{sid}:{seq}:{track}" if sid and seq else None
    result = await calls.ingest_transcript(call_sid, Segment(text[:4000], track.removesuffix("_track") or None, final),
                                           dedup_key=dedup if final else None, source="twilio", actor=SERVICE_ACTOR)
    return JSONResponse({"ok": True, "event": event, "duplicate": result.duplicate})


# --- Media Streams -----------------------------------------------------------------------------------------------
async def startup(ctx: AppContext) -> None:
    """Build the configured speech-to-text engine now, so a bad SCAMSHIELD_STT_ENGINE stops the start-up with a
    clear message instead of failing every media-stream handshake later."""
    speech_engine(ctx)


def speech_engine(ctx: AppContext) -> stt.SpeechToText | None:
    """The engine plugged in at start-up (``ctx.extras["stt"]``) or named by ``SCAMSHIELD_STT_ENGINE``."""
    engine = ctx.extras.get("stt")
    if engine is None and getattr(ctx.settings, "stt_engine", None):
        engine = ctx.extras["stt"] = stt.create(ctx.settings.stt_engine)
    return engine


@router.websocket("/twilio/media")
async def media_stream(ws: WebSocket) -> None:
    ctx: AppContext = ws.app.state.ctx
    try:
        _check_signature(ctx, _public_url(ctx, ws.url.path, ws.url.query, websocket=True), {},
                         ws.headers.get("x-twilio-signature"))
    except ScamShieldError as exc:
        await ws.close(WS_FORBIDDEN if exc.status == 403 else WS_UNAVAILABLE, exc.code)  # before accept: HTTP 403
        return
    engine = speech_engine(ctx)
    await ws.accept()
    if engine is None:
        await ws.close(WS_UNAVAILABLE, "no speech-to-text engine configured")
        return
    calls = call_service(ctx)
    cap = ctx.settings.ws_max_message_bytes
    call_sid: str | None = None
    stream_sid = ""
    streams: dict[str, stt.SpeechStream] = {}
    params: dict[str, str] = {}
    counter = 0

    async def emit(track: str, results: list[stt.SpeechResult]) -> None:
        nonlocal counter
        for r in results:
            if call_sid and r.text.strip():
                counter += 1
                try:
                    await calls.ingest_transcript(
                        call_sid, Segment(r.text[:4000], track, r.final), source="media", actor=SERVICE_ACTOR,
                        dedup_key=f"ms:{stream_sid}:{track}:{counter}" if r.final else None)
                except Exception as exc:  # (a RuntimeError here is not the socket's: never taken for a disconnect)
                    raise _StreamFailed(exc) from exc

    try:
        while True:
            text = await ws.receive_text()
            if len(text) > cap:
                await ws.close(WS_TOO_BIG, "frame too big")
                return
            try:
                msg = json.loads(text)
            except ValueError:
                continue
            if not isinstance(msg, dict):
                continue
            event = msg.get("event")
            if event == "start":
                start = msg.get("start") or {}
                sid = start.get("callSid")
                if not isinstance(sid, str) or not _SID.match(sid):
                    await ws.close(1008, "bad start message")
                    return
                call_sid, stream_sid = sid, str(msg.get("streamSid") or start.get("streamSid") or "")[:64]
                custom = start.get("customParameters") or {}
                params = {str(k)[:64]: str(v)[:4000] for k, v in custom.items()} if isinstance(custom, dict) else {}
                await calls.ensure_call(call_sid, source="twilio")
            elif event == "media" and call_sid:
                media = msg.get("media") or {}
                track = str(media.get("track") or "inbound")[:16]
                try:
                    audio = base64.b64decode(str(media.get("payload") or ""), validate=True)
                except (binascii.Error, ValueError):
                    continue
                stream = streams.get(track)
                if stream is None:
                    stream = streams[track] = engine.open_stream(sample_rate=8000, call_sid=call_sid, track=track,
                                                                 parameters=params)
                results = await asyncio.to_thread(stream.accept, stt.mulaw_decode(audio))
                await emit(track, results)
            elif event == "stop":
                break
    except _StreamFailed as failed:
        # Ingestion failed: the stream cannot go on. Logged by type only — a database error's text carries the
        # statement's parameters, i.e. the transcript — and closed with 1011.
        _log_media_failure("media stream", call_sid, failed.original)
        streams.clear()  # no flush into the failing path
        close_code, reason = 1011, "internal error"
    except (WebSocketDisconnect, RuntimeError):  # the peer went away (Starlette: RuntimeError once disconnected)
        close_code, reason = 1000, ""
    except Exception as exc:  # the speech-to-text engine, or a bug
        _log_media_failure("media stream", call_sid, exc)
        streams.clear()  # no flush into the failing path
        close_code, reason = 1011, "internal error"
    else:
        close_code, reason = 1000, ""
    finally:
        for track, stream in streams.items():
            try:
                await emit(track, await asyncio.to_thread(stream.finish))
            except Exception as exc:
                _log_media_failure("speech-to-text flush", call_sid,
                                   exc.original if isinstance(exc, _StreamFailed) else exc)
    try:
        await ws.close(close_code, reason)
    except Exception:
        pass


class _StreamFailed(Exception):
    """Ingestion failed under a media stream (``original``: what it raised)."""

    def __init__(self, original: Exception) -> None:
        super().__init__(type(original).__name__)
        self.original = original


def _log_media_failure(what: str, call_sid: str | None, exc: Exception) -> None:
    """A media-stream failure in the log without its message or traceback (both may hold transcript text)."""
    sid = short_sid(call_sid) if call_sid else "-"
    if is_transient_storage_error(exc):
        log.warning("%s failed on call %s: storage unavailable (%s)", what, sid, type(exc).__name__)
    else:
        log.error("%s failed on call %s (%s)", what, sid, type(exc).__name__)

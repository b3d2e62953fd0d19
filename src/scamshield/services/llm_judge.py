"""Optional LLM judge: a second opinion from any OpenAI-compatible chat-completions endpoint.

Configured with ``SCAMSHIELD_LLM_BASE_URL`` (e.g. ``http://localhost:11434/v1``), ``SCAMSHIELD_LLM_MODEL`` and
optionally ``SCAMSHIELD_LLM_API_KEY``. The model is asked for strict JSON
``{"is_scam": bool, "fraud_type": str|null, "risk_score": 0-100, "reasons": [str]}``.

Role in the pipeline (services/calls.py): the local detector always runs and always decides its own alerts. The
judge is consulted only for calls the local detector finds suspicious but not alarming, and may *raise* an alert;
it can never suppress one. Any failure (timeout, HTTP error, bad JSON, unknown fraud type) returns ``None`` and the
local decision stands. Privacy: the rolling call context (≤ 1,000 characters) is sent to the endpoint you
configure; point it at a model you host if that matters to you.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field

import httpx

from scamshield.engine.taxonomy import FRAUD_TYPES

log = logging.getLogger("scamshield.llm_judge")

SYSTEM_PROMPT = (
    "You are a fraud analyst protecting a person during a live phone call in India. Read the call transcript and "
    "decide whether the caller is running a scam. Reply with ONLY a JSON object, no prose, of the form "
    '{"is_scam": true|false, "fraud_type": <one code from the list or null>, "risk_score": <integer 0-100>, '
    '"reasons": [<at most 3 short reasons>]}. Fraud type codes: ' + ", ".join(FRAUD_TYPES) + ". "
    "A call that merely mentions a bank, OTP or police, or warns against scams, is not a scam."
)
_JSON_OBJECT = re.compile(r"\{.*\}", re.S)


@dataclass(frozen=True, slots=True)
class JudgeVerdict:
    is_scam: bool
    fraud_type: str | None
    risk_score: int
    reasons: list[str] = field(default_factory=list)


def parse_verdict(content: str) -> JudgeVerdict | None:
    """Strict parse of the model's reply; ``None`` if it is not the JSON asked for."""
    text = content.strip()
    if text.startswith("```"):
        text = text.strip("`")
        text = text[text.find("{"):] if "{" in text else text
    m = _JSON_OBJECT.search(text)
    if not m:
        return None
    try:
        data = json.loads(m.group(0))
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("is_scam"), bool):
        return None
    score = data.get("risk_score")
    if isinstance(score, bool) or not isinstance(score, (int, float)):
        return None
    ftype = data.get("fraud_type")
    if ftype is not None and (not isinstance(ftype, str) or ftype.upper() not in FRAUD_TYPES):
        ftype = "GENERIC_SCAM" if data["is_scam"] else None
    reasons = [str(r)[:200] for r in (data.get("reasons") or []) if isinstance(r, (str, int, float))][:3]
    return JudgeVerdict(data["is_scam"], ftype.upper() if isinstance(ftype, str) else None,
                        int(max(0, min(100, round(float(score))))), reasons)


class LLMJudge:
    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 3.0) -> None:
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._model = model
        headers = {"Content-Type": "application/json"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(timeout), headers=headers)

    async def judge(self, transcript: str) -> JudgeVerdict | None:
        body = {
            "model": self._model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": "Transcript (most recent last):\n" + transcript[-4000:]},
            ],
        }
        try:
            r = await self._client.post(self._url, json=body)
            r.raise_for_status()
            content = r.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
            log.warning("LLM judge unavailable (%s): using the local detector only", type(exc).__name__)
            return None
        verdict = parse_verdict(content if isinstance(content, str) else "")
        if verdict is None:
            log.warning("LLM judge returned no usable JSON: using the local detector only")
        return verdict

    async def close(self) -> None:
        await self._client.aclose()

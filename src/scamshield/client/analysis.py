"""HTTP clients for the analysis API (``/analyze/*``) and the payee ledger (``/payee/*``).

``AnalysisClient`` is synchronous, ``AsyncAnalysisClient`` is its asyncio twin; both return the same typed results
and raise ``ScamShieldAPIError`` with the server's error code on any 4xx/5xx answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable, Generic, TypeVar
from urllib.parse import quote

import httpx

from scamshield.client.errors import ScamShieldAPIError
from scamshield.client.models import Assessment, LedgerStatistics, PayeeInfo, PaymentPage, PaymentRecorded

T = TypeVar("T")
DEFAULT_TIMEOUT = 10.0
_UPI_SCHEME = re.compile(r"^\s*upi:", re.I)
_URL_LIKE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://\S+|(?:www\.)?[^\s/@]+\.[a-z]{2,}(?:[/:?#]\S*)?)\s*$", re.I)


def detect_kind(text: str) -> str:
    """Guess which analysis fits a pasted string: ``qr`` (UPI link), ``url`` (one link alone) or ``sms``.

    The browser console uses the same rule.
    """
    if _UPI_SCHEME.match(text):
        return "qr"
    if _URL_LIKE.match(text):
        return "url"
    return "sms"


def _money(amount: Decimal | int | str | float) -> str:
    # Send money as a decimal string: no float drift on the way.
    return str(amount if isinstance(amount, Decimal) else Decimal(str(amount)))


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


@dataclass(frozen=True, slots=True)
class _Call(Generic[T]):
    method: str
    path: str
    parse: Callable[[Any], T]
    json: dict[str, Any] | None = None
    params: dict[str, Any] | None = None


def _raise_for(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code >= 400:
        raise ScamShieldAPIError.from_response(response.status_code, body, response.text)
    return body


class _Calls:
    """Request builders shared by the sync and async clients."""

    @staticmethod
    def url(url: str, *, domain_details: dict[str, Any] | None = None, html_content: str | None = None,
            redirect_chain: list[str] | None = None) -> _Call[Assessment]:
        return _Call("POST", "/analyze/url", Assessment.from_dict, json=_drop_none(
            {"url": url, "domain_details": domain_details, "html_content": html_content,
             "redirect_chain": redirect_chain}))

    @staticmethod
    def sms(message: str, *, sender: str | None = None, device_info: dict[str, Any] | None = None,
            upi_intent: str | None = None) -> _Call[Assessment]:
        return _Call("POST", "/analyze/sms", Assessment.from_dict, json=_drop_none(
            {"message": message, "sender": sender, "device_info": device_info, "upi_intent": upi_intent}))

    @staticmethod
    def qr(qr_data: str) -> _Call[Assessment]:
        return _Call("POST", "/analyze/qr", Assessment.from_dict, json={"qr_data": qr_data})

    @staticmethod
    def transaction(amount: Decimal | int | str, recipient_upi: str, *, recipient_name: str | None = None,
                    transaction_note: str | None = None, app_name: str | None = None,
                    device_info: dict[str, Any] | None = None) -> _Call[Assessment]:
        tx = _drop_none({"amount": _money(amount), "recipient_upi": recipient_upi, "recipient_name": recipient_name,
                         "transaction_note": transaction_note, "app_name": app_name})
        return _Call("POST", "/analyze/transaction", Assessment.from_dict,
                     json=_drop_none({"transaction": tx, "device_info": device_info}))

    @staticmethod
    def payee_info(payee_upi: str) -> _Call[PayeeInfo]:
        return _Call("GET", f"/payee/info/{quote(payee_upi, safe='')}", PayeeInfo.from_dict)

    @staticmethod
    def record_payment(payee_upi: str, amount: Decimal | int | str, *, status: str = "completed",
                       payee_name: str | None = None, note: str | None = None, occurred_at: datetime | None = None,
                       reference: str | None = None) -> _Call[PaymentRecorded]:
        body = _drop_none({"payee_upi": payee_upi, "amount": _money(amount), "status": status,
                           "payee_name": payee_name, "note": note, "reference": reference,
                           "occurred_at": occurred_at.isoformat() if occurred_at else None})
        return _Call("POST", "/payee/transactions", PaymentRecorded.from_dict, json=body)

    @staticmethod
    def set_trusted(payee_upi: str, trusted: bool = True) -> _Call[PayeeInfo]:
        return _Call("POST", f"/payee/trust/{quote(payee_upi, safe='')}", PayeeInfo.from_dict,
                     params={"trusted": "true" if trusted else "false"})

    @staticmethod
    def payments(payee_upi: str | None = None, *, limit: int = 20, cursor: str | None = None) -> _Call[PaymentPage]:
        return _Call("GET", "/payee/transactions", PaymentPage.from_dict,
                     params=_drop_none({"payee_upi": payee_upi, "limit": limit, "cursor": cursor}))

    @staticmethod
    def statistics() -> _Call[LedgerStatistics]:
        return _Call("GET", "/payee/statistics", LedgerStatistics.from_dict)


def _analyze_call(text: str, kind: str | None) -> _Call[Assessment]:
    kind = kind or detect_kind(text)
    if kind == "url":
        return _Calls.url(text.strip())
    if kind == "qr":
        return _Calls.qr(text.strip())
    if kind == "sms":
        return _Calls.sms(text)
    raise ValueError("kind must be 'url', 'sms' or 'qr'")


class AnalysisClient:
    """Synchronous client: ``with AnalysisClient(base, token) as c: c.analyze_url("https://...")``."""

    def __init__(self, base_url: str, token: str, *, timeout: float = DEFAULT_TIMEOUT,
                 http_client: httpx.Client | None = None) -> None:
        self._own = http_client is None
        self._http = http_client or httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)
        self._headers = {"Authorization": f"Bearer {token}"}

    def __enter__(self) -> "AnalysisClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own:
            self._http.close()

    def _run(self, call: _Call[T]) -> T:
        r = self._http.request(call.method, call.path, json=call.json, params=call.params, headers=self._headers)
        return call.parse(_raise_for(r))

    # -- analysis ---------------------------------------------------------------------------------------------------
    def analyze_url(self, url: str, **page_facts: Any) -> Assessment:
        """``page_facts``: optional ``domain_details``, ``html_content``, ``redirect_chain``."""
        return self._run(_Calls.url(url, **page_facts))

    def analyze_sms(self, message: str, *, sender: str | None = None, device_info: dict[str, Any] | None = None,
                    upi_intent: str | None = None) -> Assessment:
        return self._run(_Calls.sms(message, sender=sender, device_info=device_info, upi_intent=upi_intent))

    def analyze_qr(self, qr_data: str) -> Assessment:
        return self._run(_Calls.qr(qr_data))

    def analyze_transaction(self, amount: Decimal | int | str, recipient_upi: str, **details: Any) -> Assessment:
        """``details``: optional ``recipient_name``, ``transaction_note``, ``app_name``, ``device_info``."""
        return self._run(_Calls.transaction(amount, recipient_upi, **details))

    def analyze(self, text: str, kind: str | None = None) -> Assessment:
        """Analyse a pasted URL, SMS or UPI QR string; ``kind`` defaults to ``detect_kind(text)``."""
        return self._run(_analyze_call(text, kind))

    # -- payee ledger -----------------------------------------------------------------------------------------------
    def payee_info(self, payee_upi: str) -> PayeeInfo:
        return self._run(_Calls.payee_info(payee_upi))

    def record_payment(self, payee_upi: str, amount: Decimal | int | str, **fields: Any) -> PaymentRecorded:
        """``fields``: ``status`` (completed|failed|blocked), ``payee_name``, ``note``, ``occurred_at``, ``reference``."""
        return self._run(_Calls.record_payment(payee_upi, amount, **fields))

    def set_trusted(self, payee_upi: str, trusted: bool = True) -> PayeeInfo:
        return self._run(_Calls.set_trusted(payee_upi, trusted))

    def payments(self, payee_upi: str | None = None, *, limit: int = 20, cursor: str | None = None) -> PaymentPage:
        return self._run(_Calls.payments(payee_upi, limit=limit, cursor=cursor))

    def payee_statistics(self) -> LedgerStatistics:
        return self._run(_Calls.statistics())


class AsyncAnalysisClient:
    """Asyncio client: ``async with AsyncAnalysisClient(base, token) as c: await c.analyze_sms("...")``."""

    def __init__(self, base_url: str, token: str, *, timeout: float = DEFAULT_TIMEOUT,
                 http_client: httpx.AsyncClient | None = None) -> None:
        self._own = http_client is None
        self._http = http_client or httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout)
        self._headers = {"Authorization": f"Bearer {token}"}

    async def __aenter__(self) -> "AsyncAnalysisClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._own:
            await self._http.aclose()

    async def _run(self, call: _Call[T]) -> T:
        r = await self._http.request(call.method, call.path, json=call.json, params=call.params,
                                     headers=self._headers)
        return call.parse(_raise_for(r))

    async def analyze_url(self, url: str, **page_facts: Any) -> Assessment:
        return await self._run(_Calls.url(url, **page_facts))

    async def analyze_sms(self, message: str, *, sender: str | None = None, device_info: dict[str, Any] | None = None,
                          upi_intent: str | None = None) -> Assessment:
        return await self._run(_Calls.sms(message, sender=sender, device_info=device_info, upi_intent=upi_intent))

    async def analyze_qr(self, qr_data: str) -> Assessment:
        return await self._run(_Calls.qr(qr_data))

    async def analyze_transaction(self, amount: Decimal | int | str, recipient_upi: str, **details: Any) -> Assessment:
        return await self._run(_Calls.transaction(amount, recipient_upi, **details))

    async def analyze(self, text: str, kind: str | None = None) -> Assessment:
        return await self._run(_analyze_call(text, kind))

    async def payee_info(self, payee_upi: str) -> PayeeInfo:
        return await self._run(_Calls.payee_info(payee_upi))

    async def record_payment(self, payee_upi: str, amount: Decimal | int | str, **fields: Any) -> PaymentRecorded:
        return await self._run(_Calls.record_payment(payee_upi, amount, **fields))

    async def set_trusted(self, payee_upi: str, trusted: bool = True) -> PayeeInfo:
        return await self._run(_Calls.set_trusted(payee_upi, trusted))

    async def payments(self, payee_upi: str | None = None, *, limit: int = 20,
                       cursor: str | None = None) -> PaymentPage:
        return await self._run(_Calls.payments(payee_upi, limit=limit, cursor=cursor))

    async def payee_statistics(self) -> LedgerStatistics:
        return await self._run(_Calls.statistics())

"""Python clients for ScamShield: real-time protection (``ProtectionClient``) and analysis (``AnalysisClient``).

No dependency on the server's internals: only ``httpx`` and ``websockets``.
"""

from scamshield.client.analysis import AnalysisClient, AsyncAnalysisClient, detect_kind
from scamshield.client.errors import (
    ConnectionUnavailable,
    ScamShieldAPIError,
    ScamShieldClientError,
    TerminalConnectionError,
)
from scamshield.client.models import (
    Alert,
    Assessment,
    CallAssociation,
    LedgerStatistics,
    PayeeInfo,
    Payment,
    PaymentPage,
    PaymentRecorded,
    Signal,
    TranscriptResult,
)
from scamshield.client.protection import ConnectionState, ProtectionClient

__all__ = [
    "Alert", "AnalysisClient", "Assessment", "AsyncAnalysisClient", "CallAssociation", "ConnectionState",
    "ConnectionUnavailable", "LedgerStatistics", "PayeeInfo", "Payment", "PaymentPage", "PaymentRecorded",
    "ProtectionClient", "ScamShieldAPIError", "ScamShieldClientError", "Signal", "TerminalConnectionError",
    "TranscriptResult", "detect_kind",
]

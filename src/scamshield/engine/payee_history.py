"""History-, call- and community-aware signals for a payment (pure: every fact is passed in).

The store turns the user's confirmed payments, their flagged calls, their own feedback and the community's reports
into the snapshots below; this module turns a snapshot plus the payment being checked into explained signals.
Money is :class:`~decimal.Decimal` throughout (no float drift); weights are points on the 0-100 scale.

Signal codes (stable) and weights:

=================================  ======  ===========================================================
``new_payee``                       8-15   no confirmed payment to this VPA yet (more for larger amounts)
``first_large_payment_new_payee``   20     a new payee and a large amount (relative to the user's history)
``amount_anomaly``                  15-25  robust z-score (median/MAD) against this payee and/or overall
``known_payee``                     -10    >= 3 confirmed payments to this payee and the amount is usual
``trusted_payee``                   -20    the user marked this payee trusted
``velocity_new_payees``             15     the third (or later) new payee within 24 hours
``rapid_repeat_payments``           15     repeated payments within an hour (to this payee or overall)
``active_suspicious_call``          40/50  a call flagged as a scam is live (50) or ended within the window (40)
``community_reported``              35/45  >= N distinct reporters in the window, not a verified official entity
``user_blocklist``                  60     the user said this entity is a fraud
``user_marked_safe``                -30    the user said this entity is safe
=================================  ======  ===========================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Sequence

from scamshield.engine.taxonomy import FRAUD_TYPES
from scamshield.engine.types import Signal

ZERO = Decimal("0")
CENT = Decimal("0.01")
_MAD_TO_SIGMA = Decimal("1.4826")  # MAD * 1.4826 estimates the standard deviation of normal data

W_NEW_PAYEE_SMALL = 8
W_NEW_PAYEE_MEDIUM = 12
W_NEW_PAYEE_LARGE = 15
W_FIRST_LARGE = 20
W_ANOMALY_ONE = 15
W_ANOMALY_PAYEE = 20
W_ANOMALY_BOTH = 25
W_KNOWN_PAYEE = -10
W_TRUSTED = -20
W_VELOCITY_NEW = 15
W_RAPID_REPEAT = 15
W_CALL_LIVE = 50
W_CALL_RECENT = 40
W_COMMUNITY = 35
W_COMMUNITY_STRONG = 45
W_USER_BLOCKLIST = 60
W_USER_SAFE = -30


@dataclass(frozen=True, slots=True)
class HistoryPolicy:
    """Thresholds of the history signals (one place to tune them)."""

    min_history_payee: int = 3  # confirmed payments to a payee before its amounts are a baseline
    min_history_overall: int = 5  # confirmed payments overall before the user's amounts are a baseline
    anomaly_z: Decimal = Decimal("3.5")  # robust z-score above which an amount is anomalous
    anomaly_ratio: Decimal = Decimal("2.5")  # ... and at least this many times the median
    anomaly_min_excess: Decimal = Decimal("500")  # ... and at least this many rupees above it
    new_payee_medium: Decimal = Decimal("2000")
    new_payee_large: Decimal = Decimal("10000")
    large_without_history: Decimal = Decimal("10000")  # "large" for a user with too little history
    large_min: Decimal = Decimal("5000")  # never "large" below this, whatever the history
    large_ratio: Decimal = Decimal("3")  # with history: at least 3x the user's median payment
    velocity_new_payees: int = 2  # new payees already paid within the velocity window before this one
    repeat_payee_per_hour: int = 2  # payments to this payee already made within the short window
    repeat_overall_per_hour: int = 5  # payments overall already made within the short window


DEFAULT_POLICY = HistoryPolicy()


@dataclass(frozen=True, slots=True)
class PayeeHistory:
    """The user's confirmed (completed) payments to one VPA."""

    vpa: str
    payee_name: str | None = None
    transaction_count: int = 0
    total_amount: Decimal = ZERO
    max_amount: Decimal = ZERO
    first_transaction_at: datetime | None = None
    last_transaction_at: datetime | None = None
    is_trusted: bool = False
    recent_amounts: tuple[Decimal, ...] = ()  # latest confirmed amounts (bounded sample)
    payments_last_hour: int = 0

    @property
    def is_new(self) -> bool:
        return self.transaction_count <= 0


@dataclass(frozen=True, slots=True)
class UserPaymentStats:
    """The user's confirmed payments overall."""

    completed_count: int = 0
    recent_amounts: tuple[Decimal, ...] = ()  # latest confirmed amounts to anyone (bounded sample)
    new_payees_last_day: int = 0  # payees whose first confirmed payment was within the last 24 hours
    payments_last_hour: int = 0


@dataclass(frozen=True, slots=True)
class FlaggedCall:
    """The user's latest call the detector flagged."""

    call_sid: str
    fraud_type: str | None
    flagged_at: datetime
    status: str  # live | ended
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PaymentContext:
    vpa: str
    amount: Decimal | None
    now: datetime
    payee: PayeeHistory | None = None
    stats: UserPaymentStats = field(default_factory=UserPaymentStats)
    call: FlaggedCall | None = None
    call_window: timedelta = timedelta(minutes=30)


@dataclass(slots=True)
class Findings:
    signals: list[Signal] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)


# --- robust statistics ---------------------------------------------------------------------------------------------
def median(values: Sequence[Decimal]) -> Decimal:
    if not values:
        raise ValueError("median of nothing")
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def mad(values: Sequence[Decimal], centre: Decimal | None = None) -> Decimal:
    """Median absolute deviation."""
    c = median(values) if centre is None else centre
    return median([abs(v - c) for v in values])


@dataclass(frozen=True, slots=True)
class AmountCheck:
    scope: str
    samples: int
    median: Decimal
    robust_z: Decimal
    anomalous: bool


def check_amount(amount: Decimal, history: Sequence[Decimal], scope: str, min_history: int,
                 policy: HistoryPolicy = DEFAULT_POLICY) -> AmountCheck | None:
    """Median/MAD check of ``amount`` against ``history``; None when the history is too short to judge."""
    if len(history) < min_history:
        return None
    med = median(history)
    # The MAD of identical amounts is 0: floor the scale at 10% of the median (and one rupee) to stay finite.
    scale = max(mad(history, med) * _MAD_TO_SIGMA, med / 10, Decimal("1"))
    z = (amount - med) / scale
    anomalous = (z >= policy.anomaly_z and amount >= med * policy.anomaly_ratio
                 and amount - med >= policy.anomaly_min_excess)
    return AmountCheck(scope, len(history), med, z.quantize(Decimal("0.1")), anomalous)


def _rupees(amount: Decimal) -> str:
    return f"₹{amount.quantize(CENT):,}"


def _money(amount: Decimal) -> str:
    return str(amount.quantize(CENT))


# --- call context --------------------------------------------------------------------------------------------------
_SCAM_PHRASES = {
    "BANK_KYC_IMPERSONATION": "a KYC scam",
    "REMOTE_ACCESS": "a remote-access scam",
    "OTP_THEFT": "an OTP scam",
    "UPI_COLLECT_LURE": "a UPI 'receive money' scam",
    "DIGITAL_ARREST": "a 'digital arrest' scam",
    "UTILITY_DISCONNECTION": "an electricity-disconnection scam",
    "PRIZE_LOTTERY": "a prize scam",
    "JOB_TASK_SCAM": "a job scam",
    "INVESTMENT_SCAM": "an investment scam",
    "REFUND_REWARD_SCAM": "a refund scam",
    "LOAN_APP_SCAM": "a loan scam",
    "PARCEL_CUSTOMS": "a parcel/customs scam",
    "TECH_SUPPORT": "a tech-support scam",
    "GOVERNMENT_IMPERSONATION": "a government-impersonation scam",
    "SAFE_ACCOUNT_TRANSFER": "a 'safe account' scam",
    "FAMILY_EMERGENCY": "a family-emergency scam",
    "SEXTORTION": "a blackmail scam",
}


def scam_phrase(fraud_type: str | None) -> str:
    if fraud_type in _SCAM_PHRASES:
        return _SCAM_PHRASES[fraud_type]
    return "a scam"


def _ago(minutes: int) -> str:
    if minutes < 1:
        return "just now"
    return "1 minute ago" if minutes == 1 else f"{minutes} minutes ago"


def call_signal(call: FlaggedCall | None, now: datetime, window: timedelta) -> tuple[Signal, str] | None:
    """``active_suspicious_call`` when the flagged call is live, or ended within ``window``; with the advice text."""
    if call is None:
        return None
    fraud_type = call.fraud_type if call.fraud_type in FRAUD_TYPES else "GENERIC_SCAM"
    phrase = scam_phrase(call.fraud_type)
    flagged_min = max(0, int((now - call.flagged_at).total_seconds() // 60))
    evidence: dict = {"call_sid": call.call_sid, "call_fraud_type": call.fraud_type, "call_status": call.status,
                      "flagged_minutes_ago": flagged_min}
    if call.status == "live":
        message = f"You are on a call flagged as {phrase} right now (flagged {_ago(flagged_min)})"
        advice = (f"Stop: you are on a call flagged as {phrase} (flagged {_ago(flagged_min)}). Hang up before you "
                  "pay anyone; no bank, police or company asks you to move money during a call.")
        return Signal("active_suspicious_call", W_CALL_LIVE, message, evidence, fraud_type), advice
    ended = call.ended_at or call.flagged_at
    if now - ended > window:
        return None
    ended_min = max(0, int((now - ended).total_seconds() // 60))
    evidence["ended_minutes_ago"] = ended_min
    message = f"You were on a call flagged as {phrase} {_ago(ended_min)}"
    advice = (f"Stop: you were on a call flagged as {phrase} {_ago(ended_min)}. Scammers call first and then ask "
              "for a payment; do not pay until you have checked with someone you trust.")
    return Signal("active_suspicious_call", W_CALL_RECENT, message, evidence, fraud_type), advice


# --- payment -------------------------------------------------------------------------------------------------------
def _is_large(amount: Decimal, stats: UserPaymentStats, policy: HistoryPolicy) -> tuple[bool, dict]:
    if len(stats.recent_amounts) < policy.min_history_overall:
        return amount >= policy.large_without_history, {"basis": "absolute", "threshold": _money(policy.large_without_history)}
    med = median(stats.recent_amounts)
    threshold = max(policy.large_min, med * policy.large_ratio)
    return amount >= threshold, {"basis": "history", "threshold": _money(threshold), "user_median": _money(med)}


def assess_payment(ctx: PaymentContext, policy: HistoryPolicy = DEFAULT_POLICY) -> Findings:
    """All history/call signals for paying ``ctx.amount`` (None when unknown, e.g. a static QR) to ``ctx.vpa``."""
    out = Findings()
    payee = ctx.payee or PayeeHistory(vpa=ctx.vpa)
    amount = ctx.amount
    amount_ev = {"amount": _money(amount)} if amount is not None else {}

    if payee.is_new:
        if amount is None:
            weight, ctx_text = W_NEW_PAYEE_SMALL, ""
        elif amount >= policy.new_payee_large:
            weight, ctx_text = W_NEW_PAYEE_LARGE, f" and the amount is {_rupees(amount)}"
        elif amount >= policy.new_payee_medium:
            weight, ctx_text = W_NEW_PAYEE_MEDIUM, f" and the amount is {_rupees(amount)}"
        else:
            weight, ctx_text = W_NEW_PAYEE_SMALL, f" and the amount is {_rupees(amount)}"
        out.signals.append(Signal("new_payee", weight, f"You have never paid {ctx.vpa} before{ctx_text}",
                                  {"vpa": ctx.vpa, **amount_ev}, "PAYMENT_FRAUD"))
        if amount is not None:
            large, basis = _is_large(amount, ctx.stats, policy)
            if large:
                out.signals.append(Signal(
                    "first_large_payment_new_payee", W_FIRST_LARGE,
                    f"A first payment of {_rupees(amount)} to a payee you have never paid is unusually large",
                    {"vpa": ctx.vpa, **amount_ev, **basis}, "PAYMENT_FRAUD"))

    anomalous = False
    if amount is not None:
        checks = []
        if not payee.is_new:
            checks.append(check_amount(amount, payee.recent_amounts, "payee", policy.min_history_payee, policy))
        checks.append(check_amount(amount, ctx.stats.recent_amounts, "overall", policy.min_history_overall, policy))
        hits = [c for c in checks if c is not None and c.anomalous]
        # A first payment is judged by first_large_payment_new_payee; an overall-only anomaly would count it twice.
        if payee.is_new:
            hits = []
        if hits:
            anomalous = True
            scopes = [c.scope for c in hits]
            weight = W_ANOMALY_BOTH if len(hits) == 2 else (W_ANOMALY_PAYEE if scopes == ["payee"] else W_ANOMALY_ONE)
            first = hits[0]
            where = "to this payee" if first.scope == "payee" else "overall"
            out.signals.append(Signal(
                "amount_anomaly", weight,
                f"{_rupees(amount)} is far above what you usually pay {where} (median {_rupees(first.median)})",
                {**amount_ev, "scopes": scopes,
                 "checks": [{"scope": c.scope, "samples": c.samples, "median": _money(c.median),
                             "robust_z": str(c.robust_z)} for c in hits]},
                "PAYMENT_FRAUD"))

    if payee.is_trusted:
        out.signals.append(Signal("trusted_payee", W_TRUSTED, f"You marked {ctx.vpa} as a trusted payee",
                                  {"vpa": ctx.vpa}))
    elif payee.transaction_count >= policy.min_history_payee and not anomalous:
        out.signals.append(Signal("known_payee", W_KNOWN_PAYEE,
                                  f"You have paid {ctx.vpa} {payee.transaction_count} times before",
                                  {"vpa": ctx.vpa, "transaction_count": payee.transaction_count}))

    if payee.is_new and ctx.stats.new_payees_last_day >= policy.velocity_new_payees:
        k = ctx.stats.new_payees_last_day
        out.signals.append(Signal("velocity_new_payees", W_VELOCITY_NEW,
                                  f"You paid {k} new payees in the last 24 hours and this is another new one",
                                  {"new_payees_last_day": k}, "PAYMENT_FRAUD"))
    if payee.payments_last_hour >= policy.repeat_payee_per_hour:
        out.signals.append(Signal("rapid_repeat_payments", W_RAPID_REPEAT,
                                  f"You already paid {ctx.vpa} {payee.payments_last_hour} times in the last hour",
                                  {"scope": "payee", "payments_last_hour": payee.payments_last_hour}, "PAYMENT_FRAUD"))
    elif ctx.stats.payments_last_hour >= policy.repeat_overall_per_hour:
        out.signals.append(Signal("rapid_repeat_payments", W_RAPID_REPEAT,
                                  f"You already made {ctx.stats.payments_last_hour} payments in the last hour",
                                  {"scope": "overall", "payments_last_hour": ctx.stats.payments_last_hour},
                                  "PAYMENT_FRAUD"))

    found = call_signal(ctx.call, ctx.now, ctx.call_window)
    if found is not None:
        signal, advice = found
        out.signals.append(signal)
        out.recommendations.append(advice)
    return out


# --- the user's own verdicts and the community's -------------------------------------------------------------------
_ENTITY_FRAUD_TYPE = {"url": "PHISHING_LINK", "domain": "PHISHING_LINK", "upi_id": "PAYMENT_FRAUD",
                      "phone_number": "GENERIC_SCAM", "sms_sender": "GENERIC_SCAM"}
_ENTITY_NAMES = {"url": "link", "domain": "website", "upi_id": "UPI ID", "phone_number": "number",
                 "sms_sender": "sender"}


def feedback_signal(entity_type: str, entity_id: str, verdict: str) -> Signal | None:
    """``user_blocklist`` for the user's own "fraud" verdict, ``user_marked_safe`` for "safe", nothing for "unsure"."""
    name = _ENTITY_NAMES.get(entity_type, entity_type)
    evidence = {"entity_type": entity_type, "entity_id": entity_id}
    if verdict == "fraud":
        return Signal("user_blocklist", W_USER_BLOCKLIST, f"You reported this {name} ({entity_id}) as a fraud",
                      evidence, _ENTITY_FRAUD_TYPE.get(entity_type, "GENERIC_SCAM"))
    if verdict == "safe":
        return Signal("user_marked_safe", W_USER_SAFE, f"You marked this {name} ({entity_id}) as safe", evidence)
    return None


def community_signal(entity_type: str, entity_id: str, distinct_reporters: int, min_reporters: int,
                     window_days: int, *, official: bool, category: str | None = None) -> Signal | None:
    """``community_reported`` once ``min_reporters`` distinct accounts reported the entity within the window.

    Never for a verified official entity (a brand's own domain or UPI handle): reports cannot block a bank.
    """
    if official or min_reporters <= 0 or distinct_reporters < min_reporters:
        return None
    weight = W_COMMUNITY_STRONG if distinct_reporters >= 3 * min_reporters else W_COMMUNITY
    fraud_type = category if category in FRAUD_TYPES else _ENTITY_FRAUD_TYPE.get(entity_type, "GENERIC_SCAM")
    name = _ENTITY_NAMES.get(entity_type, entity_type)
    return Signal("community_reported", weight,
                  f"{distinct_reporters} people reported this {name} as a fraud in the last {window_days} days",
                  {"entity_type": entity_type, "entity_id": entity_id, "distinct_reporters": distinct_reporters,
                   "window_days": window_days}, fraud_type)

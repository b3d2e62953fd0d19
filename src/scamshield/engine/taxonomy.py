"""Scam taxonomy: stable ``fraud_type`` codes with a short description and advice for the user."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FraudType:
    code: str
    title: str
    advice: str


_TYPES = [
    FraudType("BANK_KYC_IMPERSONATION", "Bank / KYC impersonation",
              "Banks never ask you to update KYC over a call, SMS link or app. Hang up and call the number on your card."),
    FraudType("REMOTE_ACCESS", "Remote-access / screen-sharing app",
              "Never install AnyDesk, TeamViewer, QuickSupport or similar apps at a caller's request. Uninstall it now."),
    FraudType("OTP_THEFT", "OTP / PIN / CVV theft",
              "Never share an OTP, UPI PIN, CVV or password with anyone, including people claiming to be your bank."),
    FraudType("UPI_COLLECT_LURE", "UPI collect / 'scan to receive' lure",
              "You never need your UPI PIN or a QR scan to receive money. Decline the request."),
    FraudType("DIGITAL_ARREST", "'Digital arrest' / police, CBI, customs, TRAI threat",
              "Police and agencies never arrest anyone over a video call or ask for money to 'verify' funds. Hang up; report at 1930."),
    FraudType("UTILITY_DISCONNECTION", "Electricity / utility disconnection threat",
              "Utilities do not disconnect you tonight over an SMS or call to an 'officer'. Pay only through the official app or site."),
    FraudType("PRIZE_LOTTERY", "Prize / lottery / KBC",
              "You cannot win a lottery you never entered. Never pay a fee or tax to claim a prize."),
    FraudType("JOB_TASK_SCAM", "Job / task scam",
              "Paid 'like and review' tasks that ask for a deposit are scams."),
    FraudType("INVESTMENT_SCAM", "Investment / trading scam",
              "Guaranteed returns and stock or crypto tip groups are scams. Invest only through SEBI-registered entities."),
    FraudType("REFUND_REWARD_SCAM", "Refund / reward points / cashback lure",
              "Refunds and reward points never need a link, an app or your PIN. Check in the official app."),
    FraudType("LOAN_APP_SCAM", "Instant loan app",
              "Borrow only from RBI-registered lenders; never pay an upfront fee for a loan."),
    FraudType("PARCEL_CUSTOMS", "Parcel / customs / delivery lure",
              "Couriers do not ask for fees or personal details through links. Track parcels on the official site."),
    FraudType("TECH_SUPPORT", "Tech-support scam",
              "Real companies do not call you about viruses or ask for gift cards or remote access."),
    FraudType("GOVERNMENT_IMPERSONATION", "Government / tax / SSN impersonation",
              "Government agencies do not threaten arrest over the phone or demand payment by gift card or transfer."),
    FraudType("SAFE_ACCOUNT_TRANSFER", "'Move your money to a safe account'",
              "No bank or agency ever asks you to move money to a 'safe' account. Stop the transfer."),
    FraudType("FAMILY_EMERGENCY", "Relative or friend in trouble",
              "Call the relative back on a number you know before sending any money."),
    FraudType("SEXTORTION", "Sextortion / blackmail",
              "Do not pay; block the caller and report at cybercrime.gov.in."),
    FraudType("PHISHING_LINK", "Phishing link / fake login page",
              "Do not enter passwords, card details or OTPs on this page. Open the official app or type the address yourself."),
    FraudType("BRAND_IMPERSONATION", "Look-alike of a known brand",
              "This imitates a well-known brand. Use the brand's official app or website instead."),
    FraudType("PAYMENT_FRAUD", "Risky payment",
              "Pause before paying: verify the payee through a channel you trust."),
    FraudType("SPAM", "Unsolicited marketing / premium-rate spam",
              "Ignore or block the sender; do not reply to premium-rate numbers."),
    FraudType("GENERIC_SCAM", "Scam conversation",
              "This looks like a scam. Hang up and contact the organisation through its official number."),
]

FRAUD_TYPES: dict[str, FraudType] = {t.code: t for t in _TYPES}


def advice_for(code: str | None) -> str:
    t = FRAUD_TYPES.get(code or "")
    return t.advice if t else FRAUD_TYPES["GENERIC_SCAM"].advice

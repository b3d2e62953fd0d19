"""Call-back numbers: how a message asks to call or message a number, and the alert / charge / dispute wording
around it.

- an Indian mobile to call ("call 98301 23456", "9830123456 pe call karo") and a missed-call report of a caller;
- alerts (a debit, a charge, a sign-in), "not you?" / dispute lines, crypto accounts (fake-alert and fake-invoice
  call-back scams);
- numbers that are not call-backs: block-by-SMS numbers, a branch's own landline, customer-care wording."""

from __future__ import annotations

import re

import phonenumbers

from .extract import _PHONE_CANDIDATE_RE

# (Spanish "cargo" / "compra" too: "Detectamos un cargo no reconocido por $8,450 MXN")
_CHARGE_EVENT_RE = re.compile(r"\b(?:cargo|compra|renewed|auto\W?renew\w*|subscription|invoice|membership|charged|charge of|debited|deducted|"
                              r"purchase|purchased|order(?:ed)?|payment of|you have sent|you sent|billed|processed)\b")
# A withdrawal, transfer or sign-in on the reader's account: with a foreign number only beside a "not you?" line (a
# relative abroad writes "I transferred $200, call me on +1 ...").
_ACCOUNT_EVENT_RE = re.compile(r"\b(?:withdrawal|withdrawn|transfer of|transferred|sign\W?in|login|log in)\b")
# A change to the reader's account rather than a money movement: a payee or device added, the password, PIN, mobile
# number or e-mail changed, a SIM / eSIM activated ("A new payee 'J SMITH' was added to your account", "new device
# registered for mobile banking"). With a "not you? call" line and a number that is not a published helpline it is
# the safe-account call-back script (UK Finance, I4C advisories); genuine alerts say to call the number on the card
# or use the app.
_ACCOUNT_CHANGE_RE = re.compile(
    r"\bnew (?:payee|beneficiary|device|login device|mobile device|phone)\b[^.\n]{0,40}?\b(?:added|registered|linked|"
    r"set up|created|activated|paired)\b|\b(?:payee|beneficiary|device)\b[^.\n]{0,30}?\b(?:was|has been|is) "
    r"(?:added|registered|linked)\b|\b(?:password|passcode|mpin|m pin|pin|login pin|mobile number|phone number|"
    r"e\W?mail(?: address)?|registered (?:mobile|email))\b[^.\n]{0,20}?\b(?:was |has been |is |got )?"
    r"(?:changed|updated|reset|modified)\b|\b(?:e\W?sim|sim)\b[^.\n]{0,20}?\b(?:activated|swapped|replaced|"
    r"re\W?issued)\b")
_CALL_WORD_RE = re.compile(r"\b(?:call|dial|ring|contact|reach|phone)(?:ing)?\b|\b(?:llame|llamar|llámenos|llamenos|"
                           r"marque|comuníquese|comuniquese|ligue)\b")
# The dispute hook of a fake invoice: "If you did not authorize this", "Not you?", "to cancel", "for a refund".
_DISPUTE_RE = re.compile(r"\b(?:did not|didn't|didnt|did n't) (?:authori[sz]e|make|place|request|order|recogni[sz]e)\b|"
                         r"\bnot (?:you|authori[sz]ed by you|done by you|initiated by you)\b|\bunauthori[sz]ed\b|"
                         r"\bto (?:cancel|dispute|stop|reverse)\b|\b(?:a|your|for) refund\b")

# "SMS BLOCK 902 to 9215676766", "Fwd this SMS to 9264092640": a bank's block-by-SMS number is not a call-back.
_SMS_TO_NUMBER_RE = re.compile(r"\b(?:sms|fwd|forward|text)\b[^.\n]{0,40}?\bto\s?(?:\+?91[\s-]?)?\d{10}\b")
_HELPLINE_WORDS_RE = re.compile(r"\b(?:customer care|customer support|customer service|care executive|"
                                r"care (?:number|no|team|desk|centre|center)|help ?line|help ?desk|support team|"
                                r"support executive|complaint cell|grievance cell)\b")

_CRYPTO_RE = re.compile(r"\b(?:btc|bitcoin|usdt|eth|ethereum|crypto|binance|coinbase|kraken|wazirx|coinswitch|wallet)\b")

# An Indian mobile number to call or message ("call 98301 23456", "WhatsApp +91 9830123456", "9830123456 pe call
# karo", "संपर्क करें 7439012284"): banks, utilities and couriers publish toll-free (1800/1860) or short helplines,
# and fake "officer" / "customer care" numbers are mobiles (RBI, I4C advisories). On the lower-cased text.
_MOBILE = r"(?<![\d+])(?:\+?91[\s-]?|0)?[6-9](?:\d{4}[\s-]?\d{5}|\d{3}[\s-]\d{6}|\d{3}[\s-]\d{3}[\s-]\d{3})(?!\d)"
_MOBILE_CALLBACK_RE = re.compile(
    r"(?:\b(?:call|contact|dial|ring|whatsapp|message|msg|text|reach|sampark|phone)\b|संपर्क|कॉल|फोन|व्हाट्सएप)"
    r"[^.\n]{0,40}?" + _MOBILE + r"|" + _MOBILE + r"\s?(?:pe|par|per|on|पर)\s(?:call|contact|whatsapp|sampark|message|"
    r"msg|कॉल|संपर्क)")
# The caller of a missed call, reported by the operator: "Missed call alert: +91 98201 44321", "missed call from
# 98201 44321", "98201 44321 tried to call you" (on the lower-cased text).
_CALL_REPORT_RE = re.compile(r"\bmissed calls?(?:\s(?:alert|from|by))*\W{0,3}" + _MOBILE + r"|" + _MOBILE +
                             r"\W{0,3}(?:has\s)?(?:tried to call|called|was trying to reach|tried calling)\s(?:you|u)\b")
# An ask to call back without a number of its own ("call back", "call us", "give us a call", "return the call").
_CALL_BACK_ASK_RE = re.compile(r"\b(?:call|ring|phone|contact)(?:ing)?\s(?:us\s|me\s|them\s)?back\b|\bcall ?back\b|"
                               r"\b(?:call|ring|contact|phone)\s(?:us|me|this number|the number|on this number)\b|"
                               r"\bgive (?:us|me) a (?:call|ring)\b|\breturn (?:the|our|my|this) call\b")
# A money movement or card/account event: a fake alert ("Rs 45,000 charged ... if not you call 98...") needs one.
_ALERT_EVENT_RE = re.compile(r"\b(?:debited|charged|deducted|withdrawn|spent|transaction|txn|purchase|transferred|"
                             r"auto ?debit|payment of)\b")
_NOT_YOU_RE = re.compile(r"\b(?:if|in case)\s(?:this|it|that)\s(?:was|is|wasn't|wasnt|isn't|isnt)\s(?:not\s)?(?:you|u|"
                         r"done by you|made by you)\b|\b(?:was|is) (?:this|that|it) (?:you|u)\b|\bnot (?:you|u)\b|"
                         r"\bwasn't (?:you|u)\b"
                         # Spanish / Portuguese "si usted no lo realizó", "no reconocido", "se não foi você"
                         r"|\bsi (?:usted |ud\.? )?no (?:lo |la )?(?:realizó|realizo|reconoce|autorizó|autorizo|hizo)\b"
                         r"|\bno reconocid[oa]s?\b|\bse não foi (?:você|voce)\b"
                         # "Did you attempt a Zelle payment of $1,250.00?" (batch q)
                         r"|\bdid (?:you|u) (?:just )?(?:attempt|try|make|authori[sz]e|initiate|request|approve)\b")

# The branch's, office's or store's own number: "call the branch at 080-...", "our office no. 044-...".
_BRANCH_WORD_RE = re.compile(r"\b(?:branch|office|outlet|store|showroom|hub|service cent(?:re|er)|reception|"
                             r"front desk|clinic|hospital)\b")


def _branch_landlines(low: str, types: dict[str, int]) -> set[str]:
    """The Indian landlines (fixed-line, +91) of ``types`` in a text that names a branch, office, store or clinic
    within 40 characters before a number (the caller adds: every link is official)."""
    lines = {e for e, t in types.items() if t == phonenumbers.PhoneNumberType.FIXED_LINE and e.startswith("+91")}
    if not lines:
        return set()
    for m in _PHONE_CANDIDATE_RE.finditer(low):
        if _BRANCH_WORD_RE.search(low[max(0, m.start() - 40):m.start()]):
            return lines
    return set()

# An IVR menu copied into a text ("If not you, press 1 or call 1-888-...", "press 9 to speak to an officer"): a text
# cannot be pressed; the prompt is the robocall script of a call-back scam.
_IVR_PROMPT_RE = re.compile(r"\bpress\s(?:[0-9#*]|one|two|nine|zero)\b")

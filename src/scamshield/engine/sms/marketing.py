"""Marketing and premium-rate markers, and opt-out lines.

- premium-rate short codes ("Txt NOKIA to 87077") and their small print ("150p/msg", "18+", "PO Box");
- the opt-out / T&C lines registered senders must carry (TRAI "SMS STOP to 1909", CTIA "Reply STOP to opt out"),
  which mark a promotion, not premium-rate spam;
- the number an opt-out line sends STOP to (not a number to call back)."""

from __future__ import annotations

import re


# "Txt NOKIA to 87077", "text TONE or FLAG to 84199", "send GO to No: 86688" (premium-rate short codes).
_SHORTCODE_RE = re.compile(r"\b(?:txt|text|send|reply|sms|rply)\W{0,3}(?:[a-z0-9]{1,12}\W{1,3}){0,3}?(?:to|2)\W{0,3}"
                           r"(?:no\W{0,3})?\d{5}\b", re.IGNORECASE)
# Premium-rate / subscription small print: "150p/msg", "£1.50/wk", "18+", "PO Box 36504", "T&Cs".
_SPAM_PRINT_RES = (
    re.compile(r"\b\d{1,3}(?:\.\d{1,2})?p\s?(?:/|per|pm\b|p/m|min|msg|tone|wk|week|day|mt)", re.IGNORECASE),
    re.compile(r"£\s?\d{1,3}(?:\.\d\d)?\s?(?:/|per|a)\s?(?:wk|week|msg|min|day|month|mnth|mth)", re.IGNORECASE),
    re.compile(r"(?<![\d+])(?:16|18)\s?\+(?!\d)"),
    re.compile(r"\bp\.?\s?o\.?\s?box\s?\d", re.IGNORECASE),
)

# Cue texts of the opt-out / terms lines ("t cs", "tcs apply", "opt out", "unsubscribe", "reply stop", "stop to end").
_COMPLIANCE_RE = re.compile(r"(?:t\W?c|tcs|t&c|unsub|opt|to opt|to unsub|stop|reply stop|txt stop|text stop|send stop)")

_OPTOUT_RE = re.compile(r"\b(?:sms|send|text|reply)\W{0,2}(?:stop|optout|opt out|unsub\w*)\b[^.\n]{0,20}?\bto\W{0,2}"
                        r"(?:\+?91)?(?:1909|\d{7,10})\b")
# The opt-out line US/UK carrier rules (CTIA) require of a brand's own short code: "Reply STOP to opt out / cancel /
# end" with no number (premium-rate spam sends "STOP to 8xxxx" and is left to the short-code rule).
_STOP_LINE_RE = re.compile(r"\b(?:reply|txt|text|send|sms)\W{0,2}stop\b(?:\W{0,3}(?:to|2)\W{0,3}(?:opt\W?out|end|"
                           r"cancel|unsubscribe|stop|quit)\b)?")
# A charge, renewal or invoice ("Your membership auto-renewed for $349.99", "You have sent USD 749.00 to ...",
# "invoice INV-8832 processed"): with a foreign number to call it is the fake-invoice / refund call-back scam.
# Any other "reply / text / send <word>" ask ("Reply DATE now", "reply with YES", "Text now"): premium-rate and
# subscription spam carries one beside its STOP line; a brand's service notice asks for nothing but STOP.
# (CTIA also requires a HELP keyword beside STOP: "Reply HELP for help" is the same compliance line, not an ask.)
_REPLY_ASK_RE = re.compile(r"\b(?:reply|replying|txt|text|texting|send|sending|sms|rply)\b\W{0,3}(?!stop\b|help\b)[a-z0-9]")


def _ctia_stop_only(low: str, official_links: bool) -> re.Match | None:
    """The 'Reply STOP to opt out' line alone: no number after it, no other reply ask; with official links, or with
    no premium-rate markers at all (the caller checks the rest: no lure, risky link or call-back number)."""
    m = _STOP_LINE_RE.search(low)
    if m is None or re.match(r"\W{0,3}(?:to|2)\W{0,3}\d", low[m.end():]):
        return None
    rest = _BOOKING_CHOICE_RE.sub(" ", low[:m.start()] + " " + low[m.end():])
    return None if _REPLY_ASK_RE.search(rest) else m


# A booking's reply choices ("Reply C to confirm or R to reschedule", "reply 1 to confirm, 2 to cancel", "Reply Y to
# confirm"): how clinics, salons and couriers let the customer answer a reminder -- a one-letter / one-digit / YES-NO
# key that confirms, cancels or reschedules the booking. Not an ask to subscribe or claim (premium-rate spam's
# "Reply YES to claim", "Reply WIN to join", "reply YES to confirm your subscription" stay asks). Batch x.
_BOOKING_CHOICE_RE = re.compile(r"\b(?:reply|text|txt)\W{0,3}(?:[a-z0-9]|yes|no)\W{0,3}(?:to|2)\s(?:confirm|cancel|"
                                r"reschedule|change)\b(?!\s(?:your|ur|the|my)\s(?:subscription|membership|entry|"
                                r"prize|reward|offer|service))"
                                r"(?:[,;]?\s(?:or\s)?(?:(?:reply|text|txt)\W{0,3})?(?:[a-z0-9]|yes|no)\W{0,3}(?:to|2)\s"
                                r"(?:confirm|cancel|reschedule|change)\b){0,2}")


# "Reply STOP ALL to +1 415-237-0403", "SMS STOP to 9876543210", "text END to ...": the opt-out line's number.
_OPTOUT_TARGET_RE = re.compile(r"\b(?:reply|txt|text|send|sms)\W{0,2}(?:stop|optout|opt out|unsub\w*)"
                               r"(?:\W{1,2}all)?\W{0,3}(?:to|2)\W{0,3}\+?\d[\d ().-]{5,16}\d")

# The lead-in of an opt-out instruction ("To unsubscribe", "To opt out,", "To stop promotional SMS,").
_OPTOUT_LEAD_RE = re.compile(r"\bto\W{0,2}(?:unsub\w*|opt\W?out|stop (?:promotional |promo |marketing |these |our )?"
                             r"(?:sms|msgs?|messages|offers))\b")

# A short-code match whose keyword is the opt-out word: "Txt STOP to 60777", "reply STOP ALL to 56161".
_STOP_SHORTCODE_RE = re.compile(r"(?:txt|text|send|reply|sms|rply)\W{0,3}(?:stop(?:\W{1,3}[a-z0-9]{2,8})?|"
                                r"unsub\w*|optout|opt\W?out|end)\W{0,3}(?:to|2)\W", re.IGNORECASE)
# What follows the number in an opt-out line: "... to opt out", "to unsubscribe", "to stop", "to end".
_OPTOUT_TAIL_RE = re.compile(r"\W{0,3}(?:to|2)\W{0,2}(?:opt\W?out|unsub\w*|stop|end|cancel|quit)\b")

"""One-time codes and credential asks.

- a code being delivered ("628104 is your verification code") and the OTP template's own safety line;
- asks to hand a code over: reply with it, read it back, forward it to a number, "share it with no one except our
  agent";
- exceptions to a credential ask: a prohibition heading a list ("Never share OTP, PIN or scan a QR code"), and the
  Indian postal "pin code"."""

from __future__ import annotations

import re

from ..textmatch import Tokens
from .advice import _OTHER_CHANNEL_RE
from .clauses import _CONDITION_RE, _NEG_BEFORE_RE, _NEGATION_RE, _SENTENCE_SPLIT_RE

_OTP_WORDS = frozenset({"otp", "passcode", "password", "code", "pin"})

# Asks to hand a received code over: "reply with the OTP", "send this code back", "forward the code to",
# "read the OTP to our agent", "tell the code"; a negated one ("never share this code") is the template's safety line.
_CODE_READ_BACK_RE = re.compile(r"\b(?:reply|respond|send|sms|text|forward|read|tell|share|give|message)\b"
                                r"(?:\s(?:us|me|back|it))?\s(?:with\s)?(?:the|this|that|your|above|same|received)?"
                                r"\s?(?:otp|code|one[- ]time (?:password|code)|verification code|passcode)\b"
                                r"(?![^.\n]{0,12}\bon (?:your|the) (?:voucher|ticket|coupon)\b)")


def _code_read_back(low: str) -> str | None:
    """The first non-negated ask to reply with, send, forward or read a received code back (see above)."""
    for part in _SENTENCE_SPLIT_RE.split(low):
        m = _CODE_READ_BACK_RE.search(part)
        # (a negated condition is not a negated ask: "if you did not request this, reply with the OTP" is an ask;
        # "never share, forward or read this OTP" is not)
        if m and not _NEGATION_RE.search(_CONDITION_RE.sub(" ", part[:m.start()])):
            return m.group(0)
    return None


# The safety line of an OTP template: "Never share this code", "Do not share it with anyone", "never calls for OTP".
_OTP_SAFETY_RE = re.compile(r"\b(?:do not|don't|dont|never|pls do not|please do not)\s(?:share|disclose|reveal|give)\b"
                            r"[^.\n]{0,30}?\b(?:otp|code|pin|password|it|this)\b|\bnever\s(?:asks?|calls?)\b"
                            r"[^.\n]{0,30}?\b(?:otp|code|pin|password)\b"
                            # UK / US / AU / SG banks' passcode templates: "If you did not request this, call us on
                            # the number on your card" (the message is already quiet: no mobile or foreign call-back)
                            r"|\bif (?:you (?:did not|didn't|didnt|have not|haven't) (?:request|make|initiate|attempt|"
                            r"try|authori[sz]e)|(?:this|it) (?:was not|wasn't|wasnt) (?:you|requested by you))\b")
# The code itself being delivered: "Your Uber code is 4417", "628104 is your verification code", "OTP: 5521",
# "use 330917 as OTP".
_CODE_DELIVERY_RE = re.compile(r"\b(?:otp|code|passcode|password|pin)\b[^.\n\d]{0,20}?(?:\bis\b|:|-)\s?\d{4,8}\b|"
                               r"(?<![\d,.])\d{4,8}\s(?:is|as)\s(?:your|the|an?)\b|\buse\s\d{4,8}\s(?:as|to)\b")

# Sending the code back: "reply with the OTP", "SMS the code back to", "send us the passcode".
# (A bare "code" counts in a message that delivers a code or names the code sent / received -- not the code on a
# voucher or ticket; "pin code" is the Indian postal code -- r5 review.)
_CODE_REPLY_RE = re.compile(r"\b(?:reply|respond|sms|text)\s(?:back\s)?(?:with|us)\s(?:the|this|your|ur|that)?\s?"
                            r"(?:otp|passcode|one time password|(?P<v>verification |security |login )?code|pin(?!\s?code))\b")
_CODE_SENT_RE = re.compile(r"\s(?:(?:that\s)?(?:we|i|the bank|bank)\s(?:have\s|just\s)?sent|you\s(?:have\s|just\s)?"
                           r"(?:got|received|get)|sent to (?:you|your))\b")
# Sending the code (or the OTP message itself) on to a number: "send this code to 98...", "forward this SMS to 98...
# to cancel", "forward it on WhatsApp to support 98..." (r5 review). With the code named it is an ask in any message;
# "this SMS / it" counts only in a message that delivers a code (a debit alert's "Fwd this SMS to 92640... to block
# UPI" is a bank's block-by-SMS line).
_CODE_FORWARD_RE = re.compile(r"\b(?:send|forward|fwd|sms|text|share|whatsapp)\s(?:back\s)?(?:(?:this|the|that|your|ur|"
                              r"same)\s)?(?:(?P<code>otp|code|passcode|one time password|pin|verification code)|sms|"
                              r"message|msg|it)\b[^.\n\d]{0,30}?\b(?:to|on)\s(?:[a-z]+\s){0,2}?\+?\d[\d -]{8,15}\d")
# "Never share this code with anyone except our agent who will call you": the exception is the ask (r5 review). Not
# the hand-over of a delivery or ride code ("except the delivery agent at your door").
_SHARE_EXCEPT_RE = re.compile(r"\b(?:share|give|tell|disclose|reveal)\b[^.\n]{0,30}?\b(?:except|other than|apart from|"
                              r"besides)\s(?:with\s|to\s)?(?:our|the|a|an|your|bank|bank's)\s(?:[a-z']+\s){0,2}?"
                              r"(?:agent|executive|officer|representative|rep|staff|employee|caller|support|team|"
                              r"manager|person)\b")
_HANDOVER_WORDS_RE = re.compile(r"\b(?:delivery|rider|valet|driver|captain|courier|pickup|pick up)\b")

# "Never share OTP, PIN or scan a QR code to receive money": a prohibition at the head of a clause governs every item
# of its list, also an ask the cue scan reads past the first "or" (batch m). Only within a few words of the "never".
_PROHIBITION_HEAD_RE = re.compile(r"^\W*(?:[\w ]{1,30}:\s?)?(?:please\s|pls\s|kindly\s)?(?:never|do not|don't|dont)\s(?:ever\s)?"
                                  r"(?:share|give|tell|disclose|reveal|scan|enter|type|click|open|install|send|pay)\b")
# Words after which a list's prohibition no longer governs ("never enter your PIN ... except this time: enter UPI PIN").
_PROHIBITION_BREAKS = frozenset({"but", "then", "now", "just", "instead", "only", "except", "however", "although",
                                 "though", "yet", "lekin", "magar"})
_LISTED_ASKS = frozenset({"pin_to_receive", "credential_request", "link_click_request", "app_install_request"})


def _under_prohibition(tokens: Tokens, i: int) -> bool:
    c = tokens.clauses[i]
    lo = i
    while lo > 0 and tokens.clauses[lo - 1] == c:
        lo -= 1
    if i - lo > 12 or not _PROHIBITION_HEAD_RE.match(tokens.span_text(lo, i + 1)):
        return False
    between = tokens.words[lo:i]
    return not any(w in _PROHIBITION_BREAKS for w in between)


_OTHER_CRED_RE = re.compile(r"\b(?:otp|cvv|mpin|m pin|password|passcode|upi pin|atm pin|card pin|card number)\b")
_CARD_PIN_WORDS = frozenset({"atm", "upi", "card", "m", "debit", "credit", "secret", "transaction", "txn"})


def _postal_pin_code(tokens: Tokens, end: int) -> bool:
    """The credential hit ending at token ``end`` is a bare "pin" followed by "code": the Indian postal PIN code
    ("reply with your pin code and address for delivery"), not a card PIN (r5 review)."""
    w = tokens.words
    return 0 < end < len(w) and w[end - 1] == "pin" and w[end] in ("code", "codes") \
        and not (end >= 2 and w[end - 2] in _CARD_PIN_WORDS) and not _OTHER_CRED_RE.search(tokens.text)


def _is_otp_delivery(words: tuple[str, ...]) -> bool:
    has_word = any(w in _OTP_WORDS for w in words) or "one time password" in " ".join(words[:60])
    has_code = any(w.isdigit() and 4 <= len(w) <= 8 for w in words)
    return has_word and has_code


# The safety line of a code-delivery template ("Your Apple Account code is 772190. Don't share it with anyone."):
# the secrecy cue's "don't share it with anyone" reads as a digital-arrest demand only without a code delivered
# (batch u). Exactly this shape; "... except our officer", a call or a case keep it.
_TEMPLATE_SECRECY_RE = re.compile(r"^(?:do not|don't|dont) share (?:it |this |this code |the code |this otp |the otp )?"
                                  r"with (?:anyone|anybody|others)$")


def code_ask_outside_lexicon(low: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """A one-time code asked for in the three shapes the cue lexicon does not read, tried in this order on the
    normalised text ``low``: a reply with the code ("If you did not request this, reply with the OTP to cancel" --
    the condition's "not" does not negate the ask in its own clause), "do not share it with anyone except <person>"
    in a code delivery (50 when that person is to call: the code is to be read out on the call), and an ask to send /
    forward the code on. ``(weight, matched text)`` of the first that asks, or ``None``."""
    if (rm := _CODE_REPLY_RE.search(low)) \
            and not _NEG_BEFORE_RE.search(low[max(0, rm.start() - 24):rm.start()]) \
            and (not rm.group(0).endswith("code") or rm.group("v") or _CODE_SENT_RE.match(low, rm.end())
                 or _is_otp_delivery(words)):
        return 40, rm.group(0)
    if (xm := _SHARE_EXCEPT_RE.search(low)) and not _HANDOVER_WORDS_RE.search(xm.group(0)) \
            and _is_otp_delivery(words):
        return (50 if _OTHER_CHANNEL_RE.search(low) else 40), xm.group(0)[:40]
    if (fm := _CODE_FORWARD_RE.search(low)) and (fm.group("code") or _is_otp_delivery(words)) \
            and not _NEG_BEFORE_RE.search(re.split(r"[.?!]", low[max(0, fm.start() - 24):fm.start()])[-1]):
        return 40, fm.group(0)[:40]
    return None


# The code asked for without naming it: "kindly confirm the number you receive", "tell me the 6 digits you got on
# your phone", "share the digits that came to your mobile" -- the one-time code called "the number" (batch o miss).
# Counted only beside an organisation's claim (a bank, card or app the writer speaks for): a friend's "tell me the
# number you got from the clinic" asks for a phone number.
_RECEIVED_NUMBER_ASK_RE = re.compile(r"\b(?:confirm|tell|share|send|read|give|forward|say)\s(?:me\s|us\s)?(?:the\s)?"
                                     r"(?:\d\s)?(?:digit\s)?(?:number|digits|numbers)\s(?:that\s)?(?:you|u)\s(?:will\s)?"
                                     r"(?:receive|received|get|got)\b(?!\s(?:from|at)\b)"
                                     r"|\b(?:confirm|tell|share|send|read|give|forward)\s(?:me\s|us\s)?(?:the\s)?(?:\d\s)?"
                                     r"(?:digit\s)?(?:number|digits)\s(?:that\s)?(?:came|comes|arrived)\s(?:to|on|in)\s"
                                     r"(?:your|ur)\s"
                                     r"(?:phone|mobile|number|sms|inbox)\b")

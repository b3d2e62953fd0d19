"""Awareness texts that quote or report the lure they warn about ("Fake SMS alert: 'Your YONO account will be
blocked today...' SBI never sends such links"), and what such a text asks in its own voice outside the quotes.

- ``_warned_spans``: quoted / reported lures that a warning word next to them calls fake / fraud / a scam;
- ``_own_ask``: the message's own ask outside those spans (a free-mail address, a chat app or "our officer",
  documents to send, a payment due now, a threat) -- a warning in front of a lure must not make it a quotation;
- the Indian-language "there is no such thing as ..." denial right after the lure it names."""

from __future__ import annotations

import re

from ...errors import ScamShieldError
from .advice import _SCAM_DESCRIPTION_RE, safety_advice_markers
from .clauses import _CLAUSE_SPLIT_RE, _NEGATION_RE, _SENTENCE_END_RE, _SENTENCE_SPLIT_RE, _sentence_bounds
from .links import _OFFICIAL_SUFFIXES
from .markers import Marker

# Awareness texts quote the lure they warn about ("Fake SMS alert: 'Your YONO account will be blocked today, update
# PAN here...' SBI never sends such links. Report at 1930", "'आपका बिजली कनेक्शन आज रात काट दिया जाएगा' जैसे संदेश
# फर्जी हैं", "If someone says they sent money by mistake and asks you to approve a request, it is fraud"). The
# quoted or reported lure is not the message's own claim when the quote's sentence (or the one before or after it)
# calls it fake / fraud / a scam. ``_warned_spans`` finds such spans; ``analyze_sms`` sets their cue hits aside only
# when the message has no channel of its own (every link official, no number but a toll-free helpline, no UPI id,
# no APK) and asks for nothing outside them -- "Beware of fraud! Your YONO is blocked, update KYC: sbi-kyc.in" has
# no quote and a link, and keeps every point.
# A quotation: straight or curly quotes opening after a space / colon / bracket / dash and closing before one.
_QUOTED_RE = re.compile(r"(?:^|(?<=[\s:(\[\-–—]))(?:'(?=\S)[^\n]{6,300}?'|\"(?=\S)[^\"\n]{6,300}?\"|"
                        r"“[^”\n]{6,300}?”|«[^»\n]{6,300}?»)(?=[\s.,;:!?)\]\-–—।]|$)")
# Reported speech about what a scammer says or sends ("if someone says ...", "messages claiming ...", "calls like").
_REPORTED_RE = re.compile(
    r"\b(?:if|when)\s(?:someone|somebody|anyone|anybody|a caller|a stranger|a person|an unknown (?:person|caller|"
    r"number)|you (?:get|receive) (?:a|an|any)\s(?:\w+\s)?(?:call|message|sms|text|email))\b|"
    r"\b(?:messages?|sms|calls?|texts?|emails?|links?|offers?|notices?)\s(?:claiming|saying|offering|asking|stating|"
    r"promising|threatening|like|such as|that (?:says?|asks?|claims?|offers?|promises?|threatens?))\b|"
    r"\b(?:aise|aisa|aisi|is tarah ke|is tarah ki)\s(?:sms|message|messages|call|calls|msg)\b|जैसे (?:संदेश|मैसेज|कॉल|एसएमएस)|"
    # Hinglish "if someone calls / says that ...": "koi call kare ki ...", "agar koi bole ki ...", "jab koi message kare"
    r"\b(?:agar |jab |yadi )?koi\s(?:bhi\s)?(?:call|phone|msg|message|sms|whatsapp|video call)\s(?:kare|karke|kar ke|"
    r"karta hai|karti hai|kar)\b|\b(?:agar|jab|yadi)\s(?:aapko\s|apko\s)?koi\s(?:bhi\s)?(?:bole|kahe|bolta|kehta|"
    r"bolti|kehti|dhamkaye|dara(?:ye|ta|ti))\b")
# What the warning calls the quoted lure: fake, fraud, a scam (English, Hinglish and the Indian scripts).
_WARNED_HINTS = ("fake", "fraud", "scam", "phish", "hoax", "bogus", "farzi", "farji", "farjee", "nakli", "dhokha",
                 "beware", "caution", "warn", "savdhan", "सावधान",
                 "फर्जी", "फ़र्ज़ी", "नकली", "धोखा", "ঠগ", "ভুয়া", "ভুয়ো", "প্রতারণা", "জাল", "மோசடி", "போலி",
                 "మోసం", "నకిలీ", "ವಂಚನೆ", "ನಕಲಿ", "തട്ടിപ്പ്", "വ്യാജ", "फसवणूक", "बनावट", "છેતરપિંડી", "નકલી",
                 "ਧੋਖਾ", "ਜਾਅਲੀ")
# A negated imperative in front of the reported lure is a warning too ("Don't click links saying your power will be
# cut tonight", "never reply to messages claiming ..."), and so is "never sends such SMS" (batch u).
_WARNED_RE = re.compile(r"\b(?:fake|fraud\w*|scam\w*|phishing|hoax|bogus|farzi|farji|farjee|nakli|dhokha\w*|beware|"
                        r"cautions?|warned|warns|savdhan)\b|सावधान|"
                        r"\b(?:don't|do not|dont|never)\s(?:click|open|tap|reply to|respond to|answer|call back|believe|"
                        r"trust|fall for|pay)\s(?:on\s)?(?:any\s|such\s|these\s|the\s)?(?:links?|messages?|sms|calls?|"
                        r"texts?|emails?|offers?|notices?)\b|"
                        r"\bnever\s(?:sends?|calls?|asks?|makes?)\s(?:any\s)?such\s(?:sms|messages?|links?|calls?|texts?)\b|"
                        # Hinglish "hang up at once" / "never does": "turant kaat do", "phone kaat dein", "kabhi ...
                        # nahi karti" (a police or bank that never arrests / asks on a call)
                        r"\b(?:turant|fauran|foran|jaldi)\s(?:call\s|phone\s)?(?:kaat|kat|cut|band kar)\s?(?:do|dein|den|dijiye|de)\b|"
                        r"\b(?:call|phone)\s(?:kaat|kat|cut)\s(?:do|dein|den|dijiye)\b|"
                        r"\bkabhi\b[^.\n]{0,40}?\b(?:nahi|nahin|nhi)\s(?:karti|karta|karte|maangti|maangta|maangte|"
                        r"mangti|mangta|bhejti|bhejta|bhejte|leti|leta|lete)\b|"
                        + "|".join(h for h in _WARNED_HINTS if not h.isascii()))

# A first-person, past-tense retelling of a scam call or message between people ("woh digital arrest wala call aaya
# tha mujhe bhi, CBI bol rahe the", "I got a call yesterday from someone claiming to be from CBI"): reported, not
# made, when its sentence or the next says the writer hung up, blocked or reported it, or tells the reader to take
# care (``_RETOLD_DONE_RE``). End-of-session set: such a Hinglish warning to family scored as the threat it retells.
_RETOLD_RE = re.compile(
    r"\b(?:call|phone|msg|message|sms|video call|whatsapp call)\s(?:bhi\s)?(?:aaya|aya|aayi|ayi|aai|aa gaya|aa gayi)"
    r"(?:\s(?:tha|thi|the))?\b|\b(?:bol|keh|kah|bata)\s(?:rahe|raha|rahi)\s(?:the|tha|thi)\b|"
    # the habitual present of a warning to family: "CBI bol ke call aate hai", "arrest ki dhamki dete hai"
    r"\b(?:calls?|phone|msg|message|messages|sms|video calls?|whatsapp calls?)\s(?:bhi\s)?(?:aate|aati|aata)\s"
    r"(?:hai|hain|he|h)\b|\bdhamki\s(?:dete|deti|deta)\s(?:hai|hain|he|h)\b|"
    r"\b(?:i|we|my (?:mom|mother|dad|father|mum|husband|wife|son|daughter|uncle|aunt|friend|brother|sister)|papa|"
    r"mummy)\s(?:also\s|too\s|just\s)?(?:got|received|had|picked up)\s(?:a|an|one|the same|that|this|such a)\s"
    r"(?:\w+\s){0,3}?(?:call|message|text|sms|whatsapp)\b")
_RETOLD_DONE_RE = re.compile(
    r"\b(?:maine|humne|mummy ne|papa ne|unhone)\s(?:call\s|phone\s)?(?:kaat|kat|cut|band kar)\s?(?:diya|di|dia)\b|"
    r"\b(?:report|block|complaint)\s(?:bhi\s)?(?:kar|kr)\s?(?:diya|di|dia|di hai|diya hai)\b|"
    r"\b(?:dhyan|dhyaan)\s(?:rakhna|rakhiye|rakho|rakhein|rakhen)\b|\bsavdhan\s(?:rehna|rahna|rahiye|raho)\b|"
    r"\b(?:i|we|she|he|mom|mum|dad)\s(?:just\s|immediately\s)?(?:hung up|cut the call|disconnected|blocked (?:it|them|"
    r"the number|him|her)|reported (?:it|them|the number|him|her))\b|\b(?:be careful|stay alert|take care)\b")
_RETOLD_HINTS = ("aaya", "aya ", "aayi", "ayi ", "aai ", "aa gaya", "aa gayi", "rahe the", "raha tha", "rahi thi", "aate ",
                 "aati ", "aata ", "dhamki",
                 "got ", "received", "had ", "picked up")

_MAX_WARNED_SPANS = 6
_MAX_HITS_FOR_WARNED = 40
_MAX_WARNED_CHARS = 600


def _warned_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` (a normalised, lower-case SMS) holding a quoted or reported lure that a warning
    around it calls fake / fraud / a scam (see above). The warning word must lie outside the quote: inside its own
    sentence, the sentence before or the one after."""
    if not any(h in text for h in _WARNED_HINTS) and not ("such" in text or "don" in text or "never" in text
                                                          or "kaat" in text or "kabhi" in text or " kat " in text
                                                          or "cut" in text or "dhyan" in text or "dhyaan" in text
                                                          or "report" in text or "block" in text or "hung" in text
                                                          or "careful" in text or "take care" in text
                                                          or "stay alert" in text or "disconnect" in text):
        return []
    spans: list[tuple[int, int]] = []
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    # (at most a few quotations and reports are looked at: an awareness text quotes one or two lures)
    if "'" in text or '"' in text or "“" in text or "«" in text:
        for i, m in enumerate(_QUOTED_RE.finditer(text)):
            if i >= _MAX_WARNED_SPANS:
                break
            prev_start, _, own_end, next_end = _sentence_bounds(text, ends, m.start(), m.end())
            frame = text[prev_start:m.start()] + " " + text[m.end():next_end]
            if _WARNED_RE.search(frame):
                spans.append((m.start(), m.end()))
    if any(h in text for h in _RETOLD_HINTS):
        for i, m in enumerate(_RETOLD_RE.finditer(text)):
            if i >= _MAX_WARNED_SPANS:
                break
            if any(a <= m.start() < b for a, b in spans):
                continue
            _, own_start, own_end, next_end = _sentence_bounds(text, ends, m.start(), m.end())
            # (the span is the retelling's own sentence: an ask in the next one stays the message's own)
            if _RETOLD_DONE_RE.search(text[own_start:next_end]):
                spans.append((own_start, own_end))
    for i, m in enumerate(_REPORTED_RE.finditer(text)):
        if i >= _MAX_WARNED_SPANS:
            break
        if any(a <= m.start() < b for a, b in spans):
            continue
        _, own_start, own_end, _ = _sentence_bounds(text, ends, m.start(), m.end())
        if _WARNED_RE.search(text[own_start:own_end]):
            spans.append((own_start, own_end))
    return spans


# An ask to answer by reply outside the quoted lure ("... this one is genuine, reply YES to claim").
# ("sending SMS with '...'" describes the scam; "SMS us", "text YES", "reply with" ask)
_REPLY_BACK_RE = re.compile(r"\b(?:reply|respond|revert)\s(?:us\s|me\s|back\s)?(?:with|yes|y|no|n|ok|now|immediately|"
                            r"today|your|to claim|to confirm|to verify|to stop|to avoid)\b|"
                            r"\b(?:sms|text|whatsapp|message|msg)\s(?:us|me|back|yes|y|no|n|ok)\b")

# What a message asks of the reader in its own voice, outside a lure it quotes and calls fake (r6 review): a warning
# sentence put in front of a lure ("Messages claiming your account will be blocked are fake. To keep your account
# safe, send your PAN and Aadhaar photo to our officer on WhatsApp") must not make the lure a quotation.
# - an e-mail address on any but an official / government domain ("email your PAN ... to sbi.kyc.cell@gmail.com");
_EMAIL_RE = re.compile(r"\b[a-z0-9][a-z0-9._%+-]{0,63}@((?:[a-z0-9-]{1,63}\.){1,6}[a-z]{2,24})\b", re.I)
_FREE_MAIL_DOMAINS = frozenset({"gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.in", "yahoo.in", "ymail.com",
                                "outlook.com", "hotmail.com", "live.com", "msn.com", "rediffmail.com", "rediff.com",
                                "protonmail.com", "proton.me", "icloud.com", "aol.com", "mail.com", "gmx.com",
                                "yandex.com", "zoho.com", "zohomail.in", "tutanota.com"})
# - a chat app or a person of the sender's own as the way to answer ("on WhatsApp", "to our officer");
_OWN_REACH_RE = re.compile(
    r"\b(?:on|via|through|over|in|at)\s(?:whats\s?app|telegram|signal|imo)\b|\b(?:whats\s?app|telegram)\s(?:us|me)\b|"
    r"\bto\s(?:our|my)\s(?:\w+\s)?(?:officer|agent|executive|representative|manager|team|desk|helpdesk|cell|"
    r"department)\b")
# - a document or credential to send, e-mail, share or upload ("email your PAN, Aadhaar, card number and CVV",
#   "send your Aadhaar photo");
_DOC_SEND_RE = re.compile(
    r"\b(?:send|email|e-mail|mail|share|submit|upload|forward|provide|give|attach|whats\s?app|reply with|sms|text|"
    r"report)\s"
    r"(?:[^\s.!?]+\s){0,6}?(?:pan|pan card|aadhaa?r|aadhar card|cvv|card numbers?|card details|photos?|selfie|"
    r"passwords?|otp|pin|mpin|upi pin|bank details|account numbers?|account details|passport|documents?|"
    r"date of birth|dob|expiry date)\b")
# - a payment due now, or a threat of what happens otherwise ("Kindly pay your pending bill now to avoid
#   disconnection", "clear it now or your connection will be cut"): a helpline number beside it does not excuse it.
_PAY_NOW_RE = re.compile(r"\b(?:pay|clear|settle|recharge|deposit|transfer)\s(?:[^\s.!?]+\s){0,5}?(?:now|immediately|"
                         r"today|tonight|urgently|at once|right away|within)\b")
_THREAT_AHEAD_RE = re.compile(
    r"\b(?:to avoid|or else|otherwise|or)\s(?:[^\s.!?]+\s){0,4}?(?:disconnect\w*|cut|cut off|block|blocked|blocking|"
    r"suspen\w*|deactivat\w*|terminat\w*|penalty|legal action|arrest\w*|seiz\w*)\b|"
    r"\b(?:will|shall|would)\s(?:be|get)\s(?:cut|cut off|disconnected|blocked|suspended|deactivated|terminated|closed|"
    r"frozen|seized)\b")
# (a report of what the scammer says is not the message's own ask: "They say your power will be cut")
_REPORTING_RE = re.compile(r"\b(?:say|says|said|claim|claims|claimed|claiming|threaten|threatens|threatening|"
                           r"tell|tells|told|pretend\w*|ask|asks|asked|asking|saying|stating)\b")
# Negations that negate nothing of the ask ("don't worry, send ...", "if you do not want it blocked, send ...").
_HOLLOW_NEGATION_RE = re.compile(r"\b(?:do not|don't|dont|never|not|no)\s(?:\w+\s){0,2}?(?:worry|panic|ignore|delay|"
                                 r"wait|miss|forget|lose|hesitate)\b|\bif\b[^,;:]*\b(?:not|no)\b[^,;:]*[,;:]")
_CHAT_APP_HINTS = ("whats", "telegram", "signal", "imo")  # (never a place to report to: "report on WhatsApp")
_REPORT_TO_RE = re.compile(r"\b(?:report\w*|forward (?:it|this|them|such|these|the (?:sms|message|mail|email))|complain\w*|"
                           r"phish\w*|spam|hoax|abuse|fraud\w*|scam\w*)\b")
_OFFICIAL_WAY_RE = re.compile(r"\b(?:in|on|via|through|at)\s(?:the\s|your\s)?(?:official|home|nearest|own)\s"
                              r"(?!(?:[a-z]+\s){0,2}(?:whats\s?app|telegram|signal|instagram|facebook|number|mobile|"
                              r"email|e-mail|mail id|id)\b)")
_SHORT_CODE_TO_RE = re.compile(r"\bto\s\d{4,6}\b(?!\s?\d)")
# The kinds of own ask ``_own_ask`` looks for, in order, each behind a cheap substring gate (most texts skip each).
_OWN_ASKS = (
    Marker("chat_or_agent", ("whats", "telegram", "signal", "imo", "officer", "agent", "executive", "representative",
                             "manager", "team", "desk", "cell", "department"), _OWN_REACH_RE),
    Marker("documents", ("pan", "aadha", "aadhar", "cvv", "card", "photo", "selfie", "password", "otp", "pin",
                         "bank details", "account", "passport", "document", "date of birth", "dob", "expiry"),
           _DOC_SEND_RE),
    Marker("pay_now", ("pay", "clear", "settle", "recharge", "deposit", "transfer"), _PAY_NOW_RE),
    Marker("threat", ("avoid", "else", "otherwise", "or ", "will ", "shall ", "would "), _THREAT_AHEAD_RE),
)


def _own_ask(rest: str, head: str) -> str | None:
    """The kind of ask ``rest`` (the lower-cased message with the warned lures blanked out) makes of the reader in
    its own voice -- ``"email"``, ``"chat_or_agent"``, ``"documents"``, ``"pay_now"``, ``"threat"`` -- or None.
    Not in a sentence that negates it before ("never share your PAN on WhatsApp"), nor in a clause that describes
    scammers ("if someone asks you to send your Aadhaar photo, it is fraud") or reports what they say."""
    if "@" in head:
        for i, m in enumerate(_EMAIL_RE.finditer(head)):
            domain = m.group(1).lower()
            if i >= 5:
                break
            at = rest.find(domain)
            if at < 0 or not (domain in _FREE_MAIL_DOMAINS or not (domain.endswith(_OFFICIAL_SUFFIXES)
                                                                   or _official_mail_domain(domain))):
                continue
            # (an address to report scams to is advice: "If you get such a message, forward it to hoax@cba.com.au")
            sentence = _SENTENCE_SPLIT_RE.split(rest[:at])[-1]
            if not _REPORT_TO_RE.search(sentence):
                return "email"
    for ask in _OWN_ASKS:
        if not ask.search(rest):
            continue
        kind, rx = ask.name, ask.rx
        looked = 0
        for part in _SENTENCE_SPLIT_RE.split(rest):
            if looked > _MAX_WARNED_SPANS:  # (an awareness text has a sentence or two of advice)
                break
            for m in rx.finditer(part):
                looked += 1
                lead = _CLAUSE_SPLIT_RE.split(part[:m.start()])[-1]
                if kind in ("pay_now", "threat") and _REPORTING_RE.search(lead + m.group(0)):
                    continue
                before = _HOLLOW_NEGATION_RE.sub(" ", part[:m.start()])
                if _NEGATION_RE.search(before):
                    continue
                clause = lead + m.group(0) + _CLAUSE_SPLIT_RE.split(part[m.end():])[0]
                # (the clause names the official way: "submit your PAN at your home branch", "upload KYC documents
                # only in the official app", "SMS UIDPAN <Aadhaar> <PAN> to 567678" -- an operator's short code)
                # (a payment or its deadline pointed to the official way in the same sentence is a biller's own
                # reminder: "Pay your bill on time to avoid disconnection - only on the official website"; a team to
                # report scams to is advice: "Report them to our fraud cell on 1800 2662")
                if _SCAM_DESCRIPTION_RE.search(clause) or safety_advice_markers(clause) \
                        or (kind == "documents" and (_SHORT_CODE_TO_RE.search(clause)
                                                     or _OFFICIAL_WAY_RE.search(clause))) \
                        or (kind in ("pay_now", "threat") and _OFFICIAL_WAY_RE.search(part)) \
                        or (kind == "chat_or_agent" and _REPORT_TO_RE.search(clause)
                            and not any(h in m.group(0) for h in _CHAT_APP_HINTS)):
                    continue
                return kind
    return None


def _official_mail_domain(domain: str) -> bool:
    """Whether ``domain`` (an e-mail address's) is a brand's official domain in the brand registry."""
    from ..brands import default_registry

    try:
        return default_registry().is_official(domain) is not None
    except ScamShieldError:
        return False


# "There is no such thing as ..." in Hindi, Marathi, Bengali, Tamil, Telugu, Kannada, Malayalam, Gujarati, Gurmukhi
# and romanised Hindi / Marathi: police and bank awareness lines that name a lure to deny it.
_NO_SUCH_THING_RE = re.compile(
    r"जैसा कुछ (?:भी )?नहीं|जैसी कोई (?:चीज़|चीज) नहीं|नाम की कोई (?:चीज़|चीज) नहीं|असे काहीही नसते|असे काही नसते|"
    r"असं काही नसतं|असे काहीच नसते|বলে কিছু নেই|বলে কিছু হয় না|என்று எதுவும் இல்லை|என்று ஒன்று இல்லை|"
    r"அப்படி எதுவும் இல்லை|అనేది ఏదీ లేదు|అని ఏమీ లేదు|అనేది లేదు|ಎಂಬುದು ಇಲ್ಲ|ಎಂಬುದೇ ಇಲ್ಲ|ಎಂಬುದಿಲ್ಲ|"
    r"എന്നൊന്നില്ല|എന്ന ഒന്നില്ല|જેવું કંઈ નથી|જેવું કશું નથી|ਵਰਗਾ ਕੁਝ ਨਹੀਂ|ਵਰਗੀ ਕੋਈ ਚੀਜ਼ ਨਹੀਂ|"
    r"\bjaisa (?:kuch|kuchh|kuchh bhi|kuch bhi) (?:nahi|nahin|nhi)\b|\base kahi(?:hi)? naste\b")

# The denial right after the lure it names ("डिजिटल अरेस्ट जैसा कुछ नहीं होता", at most one word between), and the
# lures an awareness line denies (digital arrest, police / CBI): a disconnection or block threat followed by the
# phrase is still a threat (r5 review).
# (possessive: every phrase starts with a letter, so giving back a non-letter, a letter or a space never helps; the
# same matches without backtracking over a long run of punctuation)
_NO_SUCH_AFTER_RE = re.compile(r"\W*+(?:\w++\s++)?(?:" + _NO_SUCH_THING_RE.pattern + ")")
_NO_SUCH_LURES = frozenset({"law_enforcement_threat", "authority_claim"})

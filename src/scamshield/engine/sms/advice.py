"""Safety advice as banks, regulators and the police send it ("HDFC Bank never asks for OTP", "report at 1930",
"do not share your OTP"), and the tests that keep advice appended to a scam from excusing it: a lure outside the
advice's sentences, a sentence that describes scammers, another channel (a reply ask, a promised call, a credential
named outside advice).

Each advice marker is one row of ``_ADVICE_MARKERS``: its name, the substrings one of which it needs (a cheap gate)
and its pattern, run on the lower-cased text."""

from __future__ import annotations

import re

from ..cues import mask_digits
from ..textmatch import Tokens
from .clauses import _NEGATION_RE, _SENTENCE_SPLIT_RE
from .cuesets import _ACTING_CODES, _REMINDER_CODES, _RISKY_FOR_ADVICE
from .markers import Marker, marker

# Safety advice, as banks, regulators and the police send it ("HDFC Bank never asks for OTP", "digital arrest is a
# scam", "report at cybercrime.gov.in or 1930", "do not share your OTP"). Counted only when nothing in the message
# asks for anything risky (no credential request, no risky link, no personal mobile number, no UPI id, no APK).
_ADVICE_MARKERS: tuple[Marker, ...] = (
    # ("will not call" alone is not advice: "we will not call you, message us on WhatsApp")
    marker("never_asks", ("never", "not ", "kabhi", "कभी"),
           r"\bnever\s(?:ask|asks|call|calls|request|requests|seek|seeks|arrest|arrests)\b|"
           # "HMRC will never text you about a tax refund" (agencies' own warnings)
           r"\bnever\s(?:text|texts|email|emails|message|messages|contact|contacts)\s(?:you\s)?"
           r"(?:about|to ask|asking|for|with)\b|"
           r"\bnever\s(?:send|sends)\b[^.\n]{0,30}?\b(?:links?|otp|apk|apps?|sms|messages?|"
           r"requests?|forms?)\b|\b(?:will|would|does|do|shall)\snot\s(?:ask|request|seek)\b"
           r"[^.\n]{0,30}?\b(?:otp|pin|cvv|password|card|account|bank|kyc|personal)\b|"
           r"kabhi (?:nahi|nahin|nhi) (?:maang|mang|puch|poochh|pooch)|"
           # "Police kabhi video call pe arrest nahi karti", "bank kabhi OTP nahi maangta" (Hinglish "never does")
           r"\bkabhi\b[^.\n]{0,40}?\b(?:nahi|nahin|nhi)\s(?:karti|karta|karte|maangti|maangta|maangte|mangti|"
           r"mangta|bhejti|bhejta|bhejte|puchti|puchta|poochti|poochta)\b|"
           r"कभी (?:भी )?नहीं (?:मांग|माँग|पूछ)"),
    # (not a person called a fraud: "tell them you are a fraud" is the loan-app recovery threat)
    marker("names_the_scam", ("scam", "fraud", "fake", "hoax", "beware", "alert", "cautious", "careful", "aware",
                              "vigilant", "सावधान", "farzi", "farji", "nakli", "dhokha", "फर्जी", "फ़र्ज़ी", "नकली",
                              "धोखा", "फ्रॉड", "धोखाधड़ी"),
           r"(?<!\byou )(?<!\bu )(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:is|are|it's|its|was|were)"
           r"\s(?:a\s|an\s|just\s|all\s)?(?:scam|scams|fraud|"
           r"frauds|hoax)\b|\b(?:calls?|messages?|sms|links?|websites?|apps?|emails?|"
           r"notices?|such offers?|it|this|that)\s(?:is|are|may be|could be)\s(?:a\s)?fake\b|"
           r"\b(?:it's|its|that's|thats)\s(?:a\s)?fake\b|"
           r"\bbeware\b|\bbe (?:alert|cautious|careful|aware|vigilant)\s(?:of|about|against|"
           r"with)\b[^.\n]{0,30}?\b(?:fraud\w*|scam\w*|fake|cyber|phishing|otp|calls?|links?|"
           r"messages?|sms)\b|"
           r"सावधान|धोखाधड़ी से बचें|"
           # Hinglish / Hindi "such calls are fraud", "messages farzi hai", "फर्जी हैं"
           r"\b(?:fraud|fake|farzi|farji|scam|nakli|dhokha)\s(?:hai|hain|he|hote hai|hote hain|"
           r"hota hai|hoti hai|hoti hain|ho sakta hai|ho sakte hain)\b|"
           r"(?:फर्जी|फ़र्ज़ी|नकली|धोखा|फ्रॉड)\s(?:है|हैं|होते|होता|होती)"),
    marker("report_channel", ("1930", "cybercrime", "saathi", "chakshu"),
           r"\b(?:report|complain|complaint|call|dial|shikayat|shikaayat|shikayaat)\w*\b"
           r"[^.\n]{0,40}?(?:\b1930\b|cybercrime\.gov\.in|sancharsaathi|sanchar saathi|chakshu)|"
           # Hinglish "1930 pe call / shikayat karein", "1930 dial kare"
           r"\b1930\b\s(?:(?:pe|par|per|on|number)\s){0,2}(?:call|dial|report|complain|shikayat)\b|"
           # "1930 पर कॉल करें", "1930 নম্বরে কল করুন", "1930 ಗೆ ಕರೆ ಮಾಡಿ" (Indian scripts)
           r"\b1930\b[^.\n।]{0,25}?(?:कॉल|फोन|শিকায়ত|कळवा|কল|அழை|కాల్|ಕರೆ|വിളി|કૉલ|ਕਾਲ|"
           r"शिकायत|तक्रार|অভিযোগ|புகார்|ఫిర్యాదు|ದೂರು|പരാതി|ફરિયાદ|ਸ਼ਿਕਾਇਤ)"),
    # "visit your nearest branch with original documents": the bank's own counter, not a link or a phone call.
    marker("visit_branch", ("branch", "शाखा"),
           r"\b(?:visit|approach|contact)\s(?:your\s|the\s|any\s)?(?:nearest\s|home\s|base\s)?"
           r"(?:bank\s)?branch\b|\bat\s(?:your|any)\s(?:nearest\s|home\s)?branch\b|"
           r"\bat\sthe\snearest\sbranch\b|"
           r"(?:नजदीकी|निकटतम) शाखा"),
    # "Complete Video KYC in the Kotak app", "update it on the YONO app": the customer's own app, not a link or call.
    marker("official_app", ("app",),
           r"\b(?:update|complete|check|verify|login|log in|view|manage|link|renew|track|"
           r"submit|raise|do it|do this|download (?:your|the))\b[^.\n]{0,40}?"
           r"\b(?:in|on|via|through) (?:the |your )?(?:official )?"
           r"(?![^.\n]{0,25}\b(?:whatsapp|telegram|signal|skype|zoom|imo|messenger|instagram|"
           r"facebook|anydesk|teamviewer|quicksupport|rustdesk|airdroid)\b)(?:[a-z0-9]+ ){1,2}"
           r"(?:mobile )?app\b(?![^.\n]{0,30}\b(?:link|download|install))"),
    marker("do_not_share", ("share", "disclose", "reveal", "give", "साझा", "शेयर"),
           r"\b(?:do not|don't|dont|never|pls do not|please do not)\s(?:share|disclose|reveal|"
           r"give)\b[^.\n]{0,30}?\b(?:otp|pin|cvv|password|card details|personal details|"
           r"bank details)\b|साझा न करें|शेयर न करें|share na kar"),
)



def safety_advice_markers(text: str) -> list[str]:
    """Names of the safety-advice markers found in ``text`` (see ``_ADVICE_MARKERS``)."""
    return [name for name, _ in _advice_matches(text)]


def _advice_matches(text: str) -> list[tuple[str, str]]:
    """(marker name, matched text with digit runs masked) of the safety-advice markers in ``text``."""
    low = text.lower()
    out = []
    for name, hints, rx in _ADVICE_MARKERS:  # (unpacked, as in ``transactional_markers``: a hot loop)
        if any(h in low for h in hints):
            m = rx.search(low)
            if m:
                out.append((name, mask_digits(m.group(0)[:60])))
    return out


# A sentence that describes scams or scammers ("Fraudsters posing as CBI officers threaten digital arrest on video
# calls") rather than making a claim to the reader.
_SCAM_DESCRIPTION_RE = re.compile(
    r"\b(?:fraudsters?|scammers?|scams|frauds|cheats|cheaters|cyber ?criminals?|criminals|impostors?|imposters?|"
    r"thugs?|thag)\b|\b(?:fraud|fake|scam|bogus|spoofed)\s(?:calls?|messages?|sms|links?|apps?|officers?|"
    r"websites?|sites?|emails?|numbers?|customer care|agents?|callers?)\b|ठग|धोखेबाज|धोखाधड़ी"
    # reported speech: what a caller may say, not what this message says ("If someone says your account will be
    # blocked, hang up", "people posing as police officers")
    r"|\b(?:if|when)\s(?:someone|somebody|anyone|anybody|a caller|a stranger|an unknown|you get a|you receive a)\b"
    r"|\b(?:posing as|pretending to be|claiming to be|impersonat\w*)\b")

# Genuine KYC / PAN reminders point to the bank's own counter or app ("re-KYC is due, visit your home branch"):
# these reminders are excused by such a pointer, nothing else is (no urgency, no verify, no other lure).
_CHANNEL_MARKERS = frozenset({"visit_branch", "official_app"})

# A lure speaks to the reader ("your parcel", "you have won"), offers in the sender's name ("our expert team", "I
# will") or gives an order ("Stay on the video call", "Join now"). A sentence with none of these ("Fake KYC update SMS
# with links are being sent", "Digital arrest is not a thing") describes a scam instead of making one.
_PERSONAL_WORDS = frozenset({
    "you", "your", "yours", "yourself", "u", "ur", "we", "our", "ours", "us", "i", "my", "me", "mine", "aap",
    "aapka", "aapke", "aapki", "aapko", "apka", "apke", "apki", "apko", "apna", "apne", "apni", "tum", "tumhara",
    "tumhare", "tumhari", "tumko", "tera", "tere", "teri", "hum", "humara", "hamara", "hamare", "hamari", "humein",
    "hamein", "mera", "meri", "mere", "main", "mujhe", "आप", "आपका", "आपके", "आपकी", "आपको", "हम", "हमारा", "हमारे",
    "मैं", "मेरा", "मेरे", "मुझे", "तुम", "तुम्हारा", "तुम्हारे",
})
_IMPERATIVE_WORDS = frozenset({
    "stay", "join", "call", "pay", "send", "click", "update", "verify", "confirm", "share", "install", "download",
    "contact", "reply", "complete", "submit", "transfer", "deposit", "earn", "claim", "register", "apply", "open",
    "link", "dial", "whatsapp", "message", "text", "tap", "scan", "enter", "accept", "approve", "invest", "get",
    "grab", "redeem", "avail", "hurry", "act", "login", "log", "sign", "buy", "book", "keep", "do", "don't",
    "dont", "tell", "give", "forward", "visit", "go", "come", "reach", "check", "kindly", "please", "pls", "plz",
})


def _is_descriptive(words: tuple[str, ...]) -> bool:
    """A sentence that neither addresses the reader, speaks for the sender, nor gives an order."""
    return bool(words) and words[0] not in _IMPERATIVE_WORDS and not any(w in _PERSONAL_WORDS for w in words)


def _lure_outside_advice(tokens: Tokens, hit_clauses: list[tuple[str, int]], advice: list[str]) -> bool:
    """Whether a lure, threat, ask or pressure cue matched in a sentence that neither gives safety advice nor
    describes scammers: the advice is then an appendix to a scam, not the message."""
    excused = _REMINDER_CODES if _CHANNEL_MARKERS & set(advice) else frozenset()
    risky = {clause for code, clause in hit_clauses if code in _RISKY_FOR_ADVICE and code not in excused}
    # An ask, a call to action or pressure is excused only by advice or scam-describing wording in its sentence.
    acting = {clause for code, clause in hit_clauses if code in _ACTING_CODES}
    if not risky:
        return False
    spans: dict[int, list[int]] = {}
    for i, clause in enumerate(tokens.clauses):
        if clause in risky:
            span = spans.setdefault(clause, [i, i])
            span[1] = i
    for clause, (first, last) in spans.items():
        text = tokens.span_text(first, last + 1)
        if not (safety_advice_markers(text) or _SCAM_DESCRIPTION_RE.search(text)
                or (clause not in acting and _is_descriptive(tokens.words[first:last + 1]))):
            return True
    return False


# A reply ask or a promised call ("reply with your PAN", "our officer will call you", "calls you shortly").
_OTHER_CHANNEL_RE = re.compile(r"\b(?:reply|respond)\s(?:with|back|to this)\b|"
                               r"\b(?:will|shall|'ll|would|is going to)\s(?:call|contact|phone|ring|whatsapp|message|"
                               r"reach|visit)\s(?:you|u)\b|\b(?:call|calls|calling)\s(?:you|u)\s(?:shortly|soon|today|now)\b")
_CRED_WORD_RE = re.compile(r"\b(?:otp|pin|upi pin|mpin|cvv|password|passcode)\b|ओटीपी|पिन")


def _other_channel(low: str, otp_message: bool) -> bool:
    """A reply ask, a promised call, or an OTP / PIN named outside a sentence of safety advice (in a message that
    does not itself deliver a code)."""
    if _OTHER_CHANNEL_RE.search(low):
        return True
    if otp_message or not _CRED_WORD_RE.search(low):
        return False
    return any(_CRED_WORD_RE.search(part) and not (_NEGATION_RE.search(part) or safety_advice_markers(part)
                                                    or _SCAM_DESCRIPTION_RE.search(part))
               for part in _SENTENCE_SPLIT_RE.split(low))

"""Speech-to-text friendly normalisation of transcript text (what the cue patterns run on)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2032": "'"})
_CONTRACTION_RE = re.compile(
    r"\b(won|can|shan|ain)'t\b|n't\b|'(re|ve|ll|m|d)\b|\b(it|that|what|there|here|he|she|who|where|how)'s\b|'s\b")
_IRREGULAR_NT = {"won": "will not", "can": "can not", "shan": "shall not", "ain": "is not"}
_SUFFIXES = {"re": " are", "ve": " have", "ll": " will", "m": " am", "d": " would"}


def _expand_contraction(m: re.Match[str]) -> str:
    if m.group(1):
        return _IRREGULAR_NT[m.group(1)]
    if m.group(2):
        return _SUFFIXES[m.group(2)]
    if m.group(3):
        return m.group(3) + " is"
    return " not" if m.group(0) == "n't" else ""


_JOINED = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not",
    "havent": "have not", "hasnt": "has not", "hadnt": "had not", "shouldnt": "should not",
    "wouldnt": "would not", "couldnt": "could not", "mustnt": "must not", "im": "i am", "ive": "i have",
    "youve": "you have", "youre": "you are", "youll": "you will", "youd": "you would", "weve": "we have",
    "theyre": "they are", "theyve": "they have", "thats": "that is", "whats": "what is", "its": "it is",
    "aadhar": "aadhaar", "adhaar": "aadhaar", "adhar": "aadhaar", "aadhhar": "aadhaar",
    "giftcard": "gift card", "giftcards": "gift cards", "otps": "otp",
    "congrats": "congratulations", "pls": "please", "plz": "please", "ok": "okay",
    # split or joined brand / product names as speech-to-text writes them (key = words without spaces)
    "anydesk": "anydesk", "teamviewer": "teamviewer", "rustdesk": "rustdesk", "airdroid": "airdroid",
    "ultraviewer": "ultraviewer", "screenconnect": "screenconnect", "onetimepassword": "otp",
    "onetimepasswords": "otp", "gpay": "gpay", "phonepe": "phonepe", "paytm": "paytm", "ekyc": "ekyc",
    "whatsapp": "whatsapp", "bitcoin": "bitcoin", "bitcoins": "bitcoin", "itunes": "itunes", "mpin": "mpin",
    "email": "email", "cybercrime": "cybercrime", "login": "login", "password": "password",
    "passwords": "password", "pincode": "pincode", "quicksupportapp": "quicksupport app",
    "teamviewerquicksupport": "teamviewer quicksupport",
}
_JOIN_SOURCES = [
    "any ?desk", "team ?viewer", "rust ?desk", "air ?droid", "ultra ?viewer", "screen ?connect",
    "one time pass ?words?", "g ?pay", "phone ?pe", "pay ?tm", "e ?kyc", "whats ?app", "bit ?coins?",
    "i ?tunes", "m ?pin", "e ?mail", "cyber ?crime", "log ?in", "pass ?words?", "pin ?code",
    "quick ?support app", "team ?viewer quick ?support",
]
_JOINED_RE = re.compile(r"\b(" + "|".join(
    sorted(_JOIN_SOURCES, key=len, reverse=True) + sorted((k for k in _JOINED if k.isalpha()), key=len, reverse=True)
) + r")\b")
_ACRONYMS = {"otp", "kyc", "upi", "cvv", "ssn", "irs", "cbi", "pin", "atm", "sbi", "trai", "fbi", "rbi", "npci",
             "hdfc", "icici", "pnb", "ncb", "dea", "uidai", "pan", "ed", "id", "pc", "ip", "usd", "ups", "dhl",
             "fir", "apk", "qr", "sms", "bsnl", "ssa", "ftc", "cvc", "gst", "tds", "lic", "lpg", "mdma", "emi",
             "nhai", "cid", "nia", "us", "uk", "hmrc", "dvla", "nhs", "usps", "cra", "ato", "usdt",
             # identity numbers, agencies and banks of Ireland, Nigeria, Malaysia, Singapore, the Philippines, Canada
             "pps", "ppsn", "bvn", "nin", "nric", "sss", "nbi", "efcc", "pdrm", "lhdn", "cbsa", "rcmp", "dbs", "ocbc",
             "uob", "cimb", "rhb", "bdo", "bpi", "uba", "aib", "rbc", "bmo", "cibc", "epf", "ssn",
             # police ranks of India spelled out ("s h o", "a c p", "d c p")
             "sho", "acp", "dcp", "ips"}
_SPELLED_RE = re.compile(r"\b(?:[a-z] ){1,11}[a-z]\b")
_DOTTED_RE = re.compile(r"\b([a-z])\.(?=[a-z]\b)")
_NUM_SEP_RE = re.compile(r"(?<=\d)[,.](?=\d)")
_RS_RE = re.compile(r"\b(?:rs|inr)\.\s*")
_SENT_RE = re.compile(r"[.!?;\u2026\u0964]+")
_NONWORD_RE = re.compile(r"[^a-z0-9.|\n]+")
_SPACE_RE = re.compile(r"[ \t]+")
#: Hesitation sounds speech-to-text writes out ("is being uh suspended", "three two five uh nine"): dropped, so
#: phrases and spoken digit runs read the same with or without them.
_FILLER_RE = re.compile(r"(?<![a-z0-9])(?:u+h+|u+m+|uhm+|e+r+m+|e+h+|a+h+|h+m+|m+h+m+|mm+)(?![a-z0-9]) ?")
#: A word said twice in a row ("in uh in dubai", "the the account"): speech-to-text keeps stutters and restarts; one
#: copy is kept so phrases read the same (words of two or more letters, not spoken digits: "one one two" is a number).
_STUTTER_RE = re.compile(r"\b(?!(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|double|triple)\b)([a-z]{2,})(?: \1\b)+")
_SYMBOLS = str.maketrans({"$": " usd ", "\u20b9": " rs ", "%": " percent ", "&": " and ", "\n": " | "})


# -- speech-to-text repairs ------------------------------------------------------------------------------------
#: Words and phrases speech recognisers commonly write for the vocabulary of phone scams (heard, not typed):
#: split brand names, mis-segmented words, letters written as words. Applied on whole words only.
_ASR_VARIANTS = {
    "i cloud": "icloud", "i phone": "iphone", "i pad": "ipad", "i tunes": "itunes", "apple care": "applecare",
    "gift cart": "gift card", "gift carts": "gift cards", "gif card": "gift card", "gif cards": "gift cards",
    "gift god": "gift card", "gift cod": "gift card",
    "and he desk": "anydesk", "annie desk": "anydesk", "any desks": "anydesk", "andy desk": "anydesk",
    "any dusk": "anydesk", "team viewers": "teamviewer", "team view": "teamviewer", "ultra viewers": "ultraviewer",
    "ad ministration": "administration", "admin is tration": "administration",
    "social secure it": "social security", "social secured": "social security", "social securities": "social security",
    "been suspend it": "been suspended", "been suspend": "been suspended",
    "warren tee": "warranty", "warren t": "warranty", "war anty": "warranty", "warrant tee": "warranty",
    "oh tee pee": "otp", "o tee pee": "otp", "oh t p": "otp", "o t pee": "otp", "oh tp": "otp",
    "k y see": "kyc", "kay why see": "kyc", "k why c": "kyc", "kay y c": "kyc",
    "coin base": "coinbase", "fed ex": "fedex", "pay pal": "paypal", "master card": "mastercard",
    "face book": "facebook", "medi care": "medicare", "crypto currency": "cryptocurrency", "micro soft": "microsoft",
    "amazon dot com": "amazon", "a mazon dot com": "amazon", "a mazon": "amazon", "am azon": "amazon",
    "micro soft dot com": "microsoft", "pay pal dot com": "paypal", "e bay": "ebay", "bit coin": "bitcoin", "g pay": "gpay",
    # split or misheard words of government-impersonation robocalls
    "soshal security": "social security", "social secure ity": "social security", "adminis tration": "administration",
    "administ ration": "administration", "revenue surface": "revenue service", "revenue services": "revenue service",
    "sus pended": "suspended", "suspen ded": "suspended", "in formation": "information",
    "come to a rest you": "come to arrest you", "place you under a rest": "place you under arrest",
    "will a rest you": "will arrest you", "a rest warrant": "arrest warrant", "arrest warren": "arrest warrant",
    "pen card": "pan card", "pen number": "pan number", "costumes department": "customs department",
    "costumes office": "customs office", "costumes officer": "customs officer", "costumes duty": "customs duty",
    "gift cars": "gift cards", "google play cars": "google play cards",
    # "social" heard as "so" before the words that follow it in an agency robocall (not "so security is tight")
    "so security administration": "social security administration", "so security number": "social security number",
    "so security office": "social security office", "so security benefits": "social security benefits",
    "so security card": "social security card", "sky pe": "skype", "narco ticks": "narcotics",
    # blind30: "social" heard as "so shul" / "soshul"; "warranty" as "warrant e" (a lone letter after "warrant")
    "so shul security": "social security", "soshul security": "social security", "so shall security": "social security",
    "warrant e": "warranty", "warran e": "warranty",
    "phil health": "philhealth", "g cash": "gcash", "pay maya": "paymaya", "inter act": "interac",
}
# "you're computer", "your account" heard as "you are account": a recogniser's homophone of "your" before a noun
# that "you are" never precedes in speech (after contractions are expanded).
_YOURE_RE = re.compile(
    r"\byou are (?=(?:computer|account|accounts|bank|card|credit card|debit card|social security|ssn|aadhaar|pan card|"
    r"device|laptop|pc|package|parcel|kyc|sim|information|personal information|subscription|membership|order|"
    r"wallet|icloud|iphone|phone number|mobile number|electricity|power|gas|warranty|benefits|name)\b)")
_ASR_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _ASR_VARIANTS), key=len, reverse=True)) + r")\b")
#: Distinctive product and programme names matched approximately (a recogniser's "anydask", "teamveiwer").
_FUZZY_TERMS = ("anydesk", "teamviewer", "ultraviewer", "rustdesk", "airdroid", "quicksupport", "screenconnect",
                "medicare", "aadhaar", "bitcoin", "coinbase", "mastercard", "applecare", "westernunion")
_FUZZY_SKIP = frozenset(_FUZZY_TERMS) | frozenset({"medicine", "medical", "american", "mastered", "masterclass"})
_FUZZY_MIN = 85.0
_LONG_WORD_RE = re.compile(r"\b[a-z]{7,14}\b")
_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "nine": "9"}
# Four or more spoken digits in a row ("eight eight eight five five two ...", "double four") are a number: a phone
# number, a code, an amount read digit by digit. The run starts with a digit word (not "oh", an interjection).
_SPOKEN_DIGITS_RE = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|double|triple)"
    r"(?: (?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)){3,}\b")
# Spoken quantities ("four hundred and ninety nine", "fifty thousand", "twenty five lakh") become digits so amount
# patterns see "499 dollars". A lone unit word stays a word ("press one", "one time password", "two hours").
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "million": 1_000_000,
           "crore": 10_000_000, "crores": 10_000_000, "billion": 1_000_000_000}
_NUMWORD = "(?:" + "|".join(sorted(list(_UNITS) + list(_SCALES), key=len, reverse=True)) + ")"
_QUANTITY_RE = re.compile(r"\b(?:" + _NUMWORD + r"|\d{1,3})(?: (?:and )?" + _NUMWORD + r"){1,8}\b")


def _quantity(m: re.Match[str]) -> str:
    words = [w for w in m.group(0).split() if w != "and"]
    for a, b in zip(words, words[1:]):
        # "one two", "ten five", "twenty thirty", "5 two" are lists or digit strings, not one quantity
        if (a.isdigit() or a in _UNITS) and (b in _UNITS or b.isdigit()):
            if a.isdigit() or not (_UNITS[a] >= 20 and _UNITS[a] % 10 == 0 and b in _UNITS and _UNITS[b] < 10):
                return m.group(0)
    total = current = 0
    for w in words:
        if w.isdigit():
            current += int(w)
        elif w in _UNITS:
            current += _UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALES[w]
            current = 0
    return str(total + current)


# Digit groups read with pauses ("1 800 592 3381") joined into one number when they add up to 7+ digits.
_DIGIT_GROUPS_RE = re.compile(r"\b\d{1,4}(?: \d{1,4}){1,5}\b")


def _spoken_digits(m: re.Match[str]) -> str:
    out: list[str] = []
    rep = 1
    for w in m.group(0).split():
        if w == "double":
            rep = 2
        elif w == "triple":
            rep = 3
        else:
            out.append(_DIGIT_WORDS[w] * rep)
            rep = 1
    digits = "".join(out)
    return digits if len(digits) >= 4 else m.group(0)


def _digit_groups(m: re.Match[str]) -> str:
    run = m.group(0)
    joined = run.replace(" ", "")
    return joined if len(joined) >= 7 else run


@lru_cache(maxsize=4096)
def _fuzzy_term(word: str) -> str:
    if word in _FUZZY_SKIP:
        return word
    best = process.extractOne(word, _FUZZY_TERMS, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN)
    if best is None or best[0][0] != word[0]:
        return word
    return best[0]


def _fuzzy_word(m: re.Match[str]) -> str:
    return _fuzzy_term(m.group(0))


def _join_spelled(m: re.Match[str]) -> str:
    run = m.group(0)
    joined = run.replace(" ", "")
    if joined in _ACRONYMS or (len(joined) >= 5 and (joined in _FUZZY_TERMS or _JOINED.get(joined) == joined)):
        # an acronym, or a product name spelled out letter by letter ("a n y d e s k")
        return joined
    # "a o t p" / "i o t p": a real one-letter word in front of a spelled acronym.
    if joined[1:] in _ACRONYMS and joined[0] in "ai":
        return joined[0] + " " + joined[1:]
    return run


def _join_word(m: re.Match[str]) -> str:
    w = m.group(1)
    return _JOINED.get(w) or _JOINED.get(w.replace(" ", ""), w)


# -- the listener's restatement ----------------------------------------------------------------------------------
#: One-channel speech-to-text has no speaker tags, and in a scam-bait call the victim often repeats the caller's ask
#: as a question ("so you need my medicare number?", "you want me to zelle it to your landlord?", "and you are from
#: the cyber cell?"). A restated ask is as much evidence that the ask was made as the ask itself, so it is rewritten
#: to the caller's words ("i need your ...", "i need you to ...", "i am from ...") and read by the same cues, with the
#: same negation / warning context: "you want me to never share my pin" stays a warning. The listener's "my" in the
#: next few words becomes "your" ("you need my medicare number and my routing number").
_RESTATED_ASKS = (
    (r"(?:you|u) (?:need|want|require|are asking for|are asking me for|asked for|asked me for) my", "i need your"),
    (r"(?:you|u) (?:want|need|are asking|asked|are telling|told) me to", "i need you to"),
    (r"(?:you|u) (?:are saying|are telling me|said|mean) (?:that )?i (?:have to|need to|must|should|got to|gotta)",
     "you have to"),
    (r"(?:you|u) are (?:calling )?from", "i am calling from"),
    # Hinglish: "aap keh rahe ho ki mujhe ... karna hai", "matlab mujhe ... dena hai", "aap chahte ho ki main ..."
    (r"(?:aap|ap|tum) (?:keh|kah) rahe (?:ho|hain|hai) (?:ki )?(?:mujhe|muje)", "aapko"),
    (r"(?:matlab|mtlb|yaani) (?:mujhe|muje)", "aapko"),
    (r"(?:aap|ap|tum) (?:keh|kah) rahe (?:ho|hain|hai) (?:ki )?main", "aap"),
    (r"(?:aap|ap|tum) (?:chahte|chahti) (?:ho|hain|hai) (?:ki )?main", "aap"),
    (r"(?:aapko|apko) (?:mera|meri|mere)", "mujhe aapka"),
)
_RESTATED_RE = re.compile(r"\b(?:" + "|".join("(%s)" % p for p, _ in _RESTATED_ASKS) + r")\b((?: [a-z0-9]+){0,10})")
_MY_RE = re.compile(r"\bmy\b")
#: The listener's first-person Hinglish verb ("main anydesk download karun?", "otp bata doon?") as the caller's
#: imperative ("karo", "bata do").
_HI_FIRST_PERSON = {"karun": "karo", "karu": "karo", "karoon": "karo", "doon": "do", "dun": "do", "du": "do",
                    "bataun": "batao", "batau": "batao", "bhejun": "bhejo", "bheju": "bhejo", "daalun": "daalo",
                    "dalun": "daalo", "daalu": "daalo", "mera": "apna", "meri": "apni", "mere": "apne"}
_HI_FIRST_RE = re.compile(r"\b(" + "|".join(_HI_FIRST_PERSON) + r")\b")


def _restated(m: re.Match[str]) -> str:
    for i, (_, repl) in enumerate(_RESTATED_ASKS, start=1):
        if m.group(i) is not None:
            rest = m.group(len(_RESTATED_ASKS) + 1) or ""
            if repl.startswith("i need your") or repl.startswith("i need you") or repl.startswith("you have"):
                rest = _MY_RE.sub("your", rest)
            elif repl == "aap":
                rest = _HI_FIRST_RE.sub(lambda h: _HI_FIRST_PERSON[h.group(1)], rest)
            return repl + rest
    return m.group(0)


def restate_listener_asks(s: str) -> str:
    """The listener's restated ask in the caller's words (on normalised text; see ``_RESTATED_ASKS``)."""
    if "you" not in s and " u " not in s and "mujhe" not in s and "muje" not in s and "main" not in s \
            and "aapko" not in s and "apko" not in s:
        return s
    return _RESTATED_RE.sub(_restated, s)


def normalize_transcript(text: str) -> str:
    """Canonical text the cue patterns run on.

    Lowercase ASCII words separated by single spaces; sentence ends become `` . ``; newlines (speaker turns)
    become `` | ``. Contractions are expanded both with and without apostrophes ("don't", "dont" -> "do not");
    spelled letters ("o t p") and split product names ("any desk") are joined. Speech-to-text slips are repaired:
    known mis-hearings ("gift cart", "ad ministration"), near-misses of distinctive product names ("anydask"),
    spoken digit runs ("eight eight eight five ..." -> "8885...") and digit groups of a phone number (7+ digits).
    """
    s = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES).translate(_SYMBOLS)
    s = _RS_RE.sub("rs ", s)
    s = _NUM_SEP_RE.sub("", s)
    s = _DOTTED_RE.sub(r"\1", s)
    if "'" in s:
        s = _CONTRACTION_RE.sub(_expand_contraction, s).replace("'", "")
    s = _SENT_RE.sub(" . ", s)
    s = _NONWORD_RE.sub(" ", s)
    s = _FILLER_RE.sub("", s)
    s = _SPACE_RE.sub(" ", s)
    s = _ASR_RE.sub(lambda m: _ASR_VARIANTS[m.group(1)], s)
    if "you are " in s:
        s = _YOURE_RE.sub("your ", s)
    s = _SPELLED_RE.sub(_join_spelled, s)
    s = _JOINED_RE.sub(_join_word, s)
    s = _LONG_WORD_RE.sub(_fuzzy_word, s)
    s = _SPOKEN_DIGITS_RE.sub(_spoken_digits, s)
    s = _QUANTITY_RE.sub(_quantity, s)
    s = _DIGIT_GROUPS_RE.sub(_digit_groups, s)
    s = _STUTTER_RE.sub(r"\1", s)
    s = restate_listener_asks(s)
    return s.strip()


"""Money in a message: an amount ("Rs 5,000", "₹500", "20,000 bhejo"), an ask to send money between people
(English, Hinglish, Hindi, PT / ES / DE / Swahili), a payee of the writer's own, a UPI collect "request", and a
payment app named only as the means of paying a person ("GPay kar de", "send it on PhonePe")."""

from __future__ import annotations

import re
from typing import Iterator


_MONEY_ASK_RE = re.compile(r"\b(?:fazer|faz|manda|mandar|me faz) (?:um |o )?pix\b|\b(?:überweisung|überweisen|"
                           r"transferencia|transferirme|transferir|depositarme|depositar)\b|"
                           # Swahili: "nitumie ... kwa M-Pesa" (send me ... by M-Pesa)
                           r"\b(?:nitumie|tuma|nitumia)\b[^.\n]{0,40}?\b(?:m-?pesa|pesa|elfu|\d)|"
                           r"\b(?:transfer|send|bhej|bhejo|bhej do|pay|gpay|paytm|phonepe|upi|daal do|dal do)\b"
                           r"[^.\n]{0,40}?(?:\d|money|paise|amount|rs\b|₹)|(?:\d|paise|amount)[^.\n]{0,30}?"
                           r"\b(?:transfer|bhej|bhejo|bhej do|gpay|paytm|phonepe|chahiye)\b"
                           r"|(?:\d|रुपये|रुपए|पैसे)[^.\n।]{0,30}?(?:भेज दो|भेजो|भेज दीजिए|भेज दें|भेज देना|ट्रांसफर कर)"
                           r"|\b(?:help me|could you|can you|can u|pls|please)\s(?:to\s)?(?:pay|cover|sort out|settle)\s"
                           r"(?:a|my|the|this|some|an)\s(?:bill|bills|fees|fee|rent|invoice|payment)\b|\blend me\b"
                           # "also need 2000 for the cab" (r6 review: a sum the writer needs)
                           r"|\bneed\s(?:rs\.?\s?|₹\s?|inr\s?)?\d[\d,]{2,}\b"
                           # "got a bill I need to pay today" (the "Hi Mum" setup: a payment of the writer's own that
                           # the reader is to make; counts only beside a new-number / lost-phone claim)
                           r"|\b(?:bill|bills|invoice|payment|rent|fees)\s(?:that\s|which\s)?i\s(?:(?:need|have|had|"
                           r"got)\sto|must)\s(?:pay|settle|clear)\b"
                           # the same in Hinglish: "aaj hostel fees 18,500 bharni hai", "rent jama karna hai" (batch x)
                           r"|(?:\b(?:fees?|fee|bill|rent|fine|kiraya|emi)|(?<![\d,])\d[\d,]{2,12})\s(?:[a-z]+\s){0,2}?(?:bharni|bharna|"
                           r"bharne|jama karni|jama karna|jama karne|deni|dena|bharni padegi|bharna padega)\s(?:hai|h|"
                           r"he|padegi|padega)\b"
                           # "is UPI pe bhej do riya.fees2@ybl": the send ask right before the payee's UPI id
                           r"|\b(?:bhej do|bhejo|bhej de|bhej dena|bhej dijiye|transfer kar do|send it|send)\s(?:to\s|on\s|"
                           r"pe\s|par\s)?[a-z0-9._-]{2,40}@[a-z]{2,20}\b"
                           # "can you help with a bill today?" (the same setup, batch n)
                           r"|\b(?:can you|could you|can u|pls|please)\shelp(?:\sme)?(?:\sout)?\swith\s(?:a|my|the|this|an|"
                           r"some)\s(?:bill|bills|fees|fee|rent|invoice|payment)\b")

# The two "an amount, then a send word" branches ("5000 bhej do", "2000 ट्रांसफर कर") try up to 30 characters from
# every digit: on a hostile text of digits most of the pattern's time. Every match of theirs holds one of these
# words, so without one the pattern less those branches finds the same matches (``money_asks``).
_AMOUNT_THEN_SEND_WORDS = ("transfer", "bhej", "gpay", "paytm", "phonepe", "chahiye", "भेज", "ट्रांसफर")
_AMOUNT_THEN_SEND_BRANCHES = (r"|(?:\d|paise|amount)[^.\n]{0,30}?\b(?:transfer|bhej|bhejo|bhej do|gpay|paytm|phonepe|"
                              r"chahiye)\b|(?:\d|रुपये|रुपए|पैसे)[^.\n।]{0,30}?(?:भेज दो|भेजो|भेज दीजिए|भेज दें|भेज देना|"
                              r"ट्रांसफर कर)")
assert _MONEY_ASK_RE.pattern.count(_AMOUNT_THEN_SEND_BRANCHES) == 1
_MONEY_ASK_NO_AMOUNT_FIRST_RE = re.compile(_MONEY_ASK_RE.pattern.replace(_AMOUNT_THEN_SEND_BRANCHES, ""))


def money_asks(low: str) -> Iterator[re.Match[str]]:
    """``_MONEY_ASK_RE.finditer(low)`` (``low``: lower-case text), without the amount-first branches when no send
    word they need is in the text (same matches, linear in a small constant on a text of digits). Lazy: a caller
    that stops at the first match it wants scans no further."""
    rx = _MONEY_ASK_RE if any(w in low for w in _AMOUNT_THEN_SEND_WORDS) else _MONEY_ASK_NO_AMOUNT_FIRST_RE
    return rx.finditer(low)


_BARE_AMOUNT_RE = re.compile(r"(?<![\d,.:/-])\d{3,6}(?![\d,.:/-])\s(?:ka\s|ke\s)?(?:transfer|transferred|bhej\w*|sent|"
                             r"send|credit\w*|debit\w*|paise|paisa|rupay\w*|aa gaye|aaye|gaye|chale gaye)\b|"
                             r"\b(?:sent|send|transferred|transfer|bhej\w*|paid)\s(?:you\s|u\s|aapko\s|apko\s|"
                             r"tumhe\s)?(?<![\d,.])\d{3,6}(?![\d,.:/-])")

_REQUEST_RE = re.compile(r"\brequest\b|रिक्वेस्ट|अनुरोध")

# A third party's payee in a money ask: a UPI id (checked apart), an account number or IFSC code, "send to <name>".
_PAYEE_RE = re.compile(r"\b(?:a/?c|acct?|account)\s?(?:no\.?|number)?\W{0,3}\d{6,}|\bifsc\b|\b[a-z]{4}0[a-z0-9]{6}\b")

# A money amount: "Rs. 5,000", "₹500", "INR 2 lakh", "£350", "5000/-", "10 lakh rupees". Bounded, no nesting.
_MONEY_RE = re.compile(r"(?:₹|\brs\.?|\binr|£|\$|€|\busd)\s?\d[\d,]{0,14}(?:\.\d{1,2})?"
                       r"|\b\d[\d,]{0,14}(?:\.\d{1,2})?\s?(?:/-|rs\b|inr\b|rupees?\b|rupaye\b|rupay\b|pounds?\b|"
                       r"lakhs?\b|lacs?\b|crores?\b|dollars?\b|usd\b|hazaar\b|hazar\b|hajar\b|thousand\b|"
                       r"रुपये|रुपए|रु|लाख|हज़ार|हजार|करोड़|"
                       # the same amount words in Bengali, Gujarati, Gurmukhi, Tamil, Telugu, Kannada, Malayalam
                       r"টাকা|লক্ষ|লাখ|হাজার|কোটি|રૂપિયા|લાખ|હજાર|કરોડ|ਰੁਪਏ|ਲੱਖ|ਹਜ਼ਾਰ|ਕਰੋੜ|ரூபாய்|லட்சம்|ஆயிரம்|"
                       r"கோடி|రూపాయలు|లక్షలు|లక్ష|వేలు|కోట్లు|ರೂಪಾಯಿ|ಲಕ್ಷ|ಸಾವಿರ|ಕೋಟಿ|രൂപ|ലക്ഷം|ആയിരം|കോടി)"
                       # Indian digit grouping without a currency word: "20,000 bhejo", "1,50,000".
                       r"|(?<![\d,.])\d{1,3}(?:,\d\d)*,\d{3}(?![\d,])", re.IGNORECASE)

# Payment apps named as the means of paying someone ("GPay kar de", "paytm me bhej do", "send it on PhonePe",
# "pay me via Google Pay", "my GPay number"): the app is how, not who.
_PAY_APP_TAGS = frozenset({"google pay", "paytm", "phonepe"})
_PAY_APP = r"(?:google pay|gpay|g pay|paytm|phonepe|phone pe)"
_PAY_APP_RE = re.compile(r"\b" + _PAY_APP + r"\b")
_PAY_MEANS_RE = re.compile(
    r"\b(?:on|via|through|thru|by|using|over|in|to)\s(?:my|your|ur|his|her|mere|mera|meri|uske|tere|tera|apne|"
    r"the)?\s?" + _PAY_APP + r"\b(?!\s(?:account|wallet|kyc|team|support|customer|care|helpline|official|"
    r"security|bank|rewards?|cashback)\b)"
    # the app as a verb: "please GPay Meena ma'am", "can you paytm me", "just phonepe it"
    r"|\b(?:please|pls|plz|kindly|can you|could you|can u|just|i'll|i will|will|i can|you can|u can|to|or|and)\s"
    + _PAY_APP + r"\s(?:me|him|her|them|it|us|to|the|[a-z]+\s(?:ma'am|maam|madam|sir|miss|didi|bhaiya|aunty|uncle))\b"
    r"|\b" + _PAY_APP + r"\s(?:kar|karo|kardo|kar do|kar de|karde|kar dena|kardena|kr|kro|krdo|kr do|kr de|krde|"
    r"karna|karunga|karungi|kiya|kar diya|me|mein|mai|pe|par|pr|se|number|no|num|id|pannu|pannunga|chey|cheyyi|"
    r"cheyandi|koro|kore dao|kar dijiye|bhej|bhejo|bhej do|bhej de|karke|chalega|works|is fine|ok|or|and|pls|"
    r"please)\b")


# A number with a unit after it is not a sum of money: "6 digit wala (OTP)", "2 baje tak", "10 min mein", "5 km",
# "20 GB" (batch u: "OTP aayega, 6 digit wala, jaldi bhej do" is a code ask, not a money ask).
_DIGITS_RE = re.compile(r"\d[\d,.]*")
_UNIT_AFTER_RE = re.compile(r"\s?(?:digits?|digit ka|baje|bje|mins?|minutes?|ghante|ghanta|hrs?|hours?|days?|din|km|"
                            r"kg|gb|mb|%|am|pm|th|st|nd|rd|saal|years?|yrs?)\b|\s?%")
_MONEY_WORD_RE = re.compile(r"₹|\brs\b|\brs\.|\binr\b|\bpaise|\bpaisa|\bmoney\b|\bamount\b|\bcash\b|\brupe|"
                            r"\bk\b|\blakh|\bhazaa?r\b|\bthousand\b|रुप|पैसे")


def _unit_numbers_only(text: str) -> bool:
    """Every number in ``text`` (a cue hit or a money-ask match) is followed by a unit word and nothing in it names
    money: the "amount" it matched is a count of digits, an hour or a distance."""
    nums = list(_DIGITS_RE.finditer(text))
    return bool(nums) and not _MONEY_WORD_RE.search(text) \
        and all(_UNIT_AFTER_RE.match(text, m.end()) for m in nums)

# "this number" as where to send money back ("return it to this number", "isi number pe bhej do", "kwa namba hii",
# "sa number na ito", "to my number"): the writer's own number named as the payee.
_THIS_NUMBER_RE = re.compile(r"\b(?:to|on|at)\s(?:this|my|the same)\s(?:number|no|mobile number|phone number|mpesa number|"
                             r"gcash number)\b|\b(?:isi|is|issi|mere|mera|isee)\s(?:number|no|mobile)\s(?:pe|par|pr|me|"
                             r"mein)\b|\bkwa\s(?:namba|nambari)\s(?:hii|hiyo|yangu)\b|\bsa\s(?:number|numero)\s(?:na\s)?"
                             r"(?:ito|ko)\b")

# Money sent "by mistake" and asked back, in Tagalog and Malay (GCash / Maya / DuitNow reversal asks): "nagkamali po
# ako ng send", "napadala ko by mistake", "pakibalik po", "tersalah hantar / transfer", "tolong pulangkan" -- the
# lexicon's wrong_transfer_return cue in those languages (batch x).
_MISSENT_RETURN_RE = re.compile(
    r"\bnagkamali\s(?:po\s)?(?:ako\s)?(?:ng\s|sa\s)?(?:send|pag-?send|padala|pagpadala|transfer|pag-?transfer|"
    r"number)\b[^?!\n]{0,100}?\b(?:pakibalik|ibalik|pabalik|balik)\b"
    r"|\bpakibalik\b[^.?!\n]{0,40}?(?:\bgcash\b|\bmaya\b|\bpera\b|\bsa\s(?:number|numero)\b|\d{4})"
    r"|\btersalah\s(?:hantar|transfer|masuk|bank in|kirim)\b[^?!\n]{0,100}?\b(?:pulangkan|kembalikan|pulang balik|"
    r"transfer balik|hantar balik)\b")

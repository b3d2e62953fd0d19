"""Payment demands that carry the scam in their own shape (batch x round, known misses of n / o / t):

- an exposure threat with a payment deadline ("I have recordings from your camera, transfer 0.05 BTC within 48 hours
  or everyone sees it"): sextortion e-mails and texts (FBI IC3, NCA, I4C advisories);
- a "test" payment asked of the seller ("first you send Rs 1 to check UPI working"): the fake buyer's collect / QR
  lead-in on classifieds (NPCI, I4C);
- a payment by a QR code the writer is sending, under a threat ("pay Rs 10 via the QR I am sending, else your meter
  will be removed"): the fake utility / official's QR."""

from __future__ import annotations

import re


# What the writer claims to hold: recordings, videos, photos, the reader's camera or browsing.
_EXPOSURE_HELD_RE = re.compile(r"\b(?:recordings?|recorded|videos?|vids|clips?|photos|pics|pictures|footage|"
                               r"screenshots|webcam|camera|what you (?:watch|watched|browse|do online)|your browsing|"
                               r"intimate|nude|nudes|private (?:video|photos|pics))\b")
# ... and the threat to show them ("send them to your wife", "everyone sees it", "leak", "expose you").
_EXPOSURE_THREAT_RE = re.compile(r"\b(?:send|share|forward|show|post|upload|leak)\s(?:them|it|this|these|the (?:video|"
                                 r"videos|vids|photos|pics|recordings?|clips?))\s(?:to|with)\s(?:your|all your|everyone|"
                                 r"every)\b|\beveryone (?:sees|will see|gets|will get|will know|knows)\b|\bleak\b|"
                                 r"\bexpose (?:you|it|them)\b|\bgo(?:es)? (?:public|viral)\b|\byour (?:wife|husband|family|"
                                 r"boss|friends|contacts|colleagues|parents) will (?:see|know|get|receive)\b")
# A payment demanded with a deadline or an ultimatum ("transfer 0.05 BTC within 48 hours", "unless you pay $900").
_PAY_ULTIMATUM_RE = re.compile(r"\b(?:pay|transfer|send|deposit)\b(?:[^.?!\n]|\.(?=\d)){0,40}?(?:\b(?:btc|bitcoin|usdt|eth|ethereum|"
                               r"crypto|monero|xmr)\b|[$£€₹]\s?\d|\d[\d,.]*\s?(?:btc|usdt|eth|usd|dollars|rs|rupees))"
                               r"(?:[^.?!\n]|\.(?=\d)){0,40}?\b(?:within|in the next|by|before|or|otherwise|else|"
                               r"unless|\d+\s?h)\b"
                               r"|\bunless you (?:pay|transfer|send)\b")
_CRYPTO_WORD_RE = re.compile(r"\b(?:btc|bitcoin|usdt|eth|ethereum|crypto|monero|xmr|wallet address)\b")

# A small "test" payment asked of the reader to check a UPI id or account ("first you send Rs 1 to check UPI working",
# "send 2 rupees to verify your account", "pehle 1 rupya bhejo check karne ke liye") -- not the writer sending one.
_TEST_PAYMENT_RE = re.compile(
    r"(?<!\bi )(?<!\bi'll )(?<!\bwill )(?<!\bwe )(?<!\bmain )(?<!\bhum )(?<!\bmaine )"
    r"\b(?:send|pay|transfer|bhejo|bhej do|bhejiye|kar do|karo)\s(?:me\s|us\s)?(?:just\s|only\s)?(?:rs\.?\s?|₹\s?|re\.?\s?|"
    r"inr\s?)?(?:1|2|5|10)(?![\d,.])(?:\s(?:rupee|rupees|rupya|rupaye|rs|re))?\b[^.?!\n]{0,30}?"
    r"(?:\bto (?:check|verify|test|confirm)\b|\bcheck karne\b|\bverify karne\b|\bfor (?:verification|testing|checking)\b)"
    r"|\b(?:pehle|first)\s(?:you\s|aap\s)?(?:rs\.?\s?|₹\s?|re\.?\s?)?(?:1|2|5|10)(?![\d,.])\s(?:rupee|rupees|rupya|rupaye|rs|re)?\s?"
    r"(?:send|bhejo|bhej do|bhejiye|transfer)\b")

# A payment by a QR code the writer is sending or has sent ("pay via the QR I am sending", "scan the QR I sent and pay
# Rs 10", "QR bhej raha hu, us pe 10 rupaye bhejo") ...
_QR_PAY_RE = re.compile(r"\b(?:pay|paying|payment|transfer|bhejo|bhej do|bhejiye|scan)\b[^.?!\n]{0,50}?\bqr(?: code)?\s"
                        r"(?:i am|i'm|im|i will|i'll|we are|we will|i have|i've|that i|which i|i)\s?(?:sending|send|sent|"
                        r"share|sharing|shared|bhej)"
                        r"|\bqr(?: code)?\s(?:bhej raha|bhej rahi|bhej diya|bhej rahe|sent|attached)\b[^.?!\n]{0,50}?"
                        r"\b(?:pay|bhejo|bhej do|transfer|scan)\b")
# ... under a threat: something removed, cut, blocked or cancelled otherwise ("else old meter will be removed").
_OTHERWISE_THREAT_RE = re.compile(r"\b(?:else|otherwise|warna|nahi to|or else|or your|or the)\b[^.?!\n]{0,60}?"
                                  r"\b(?:removed|remove|disconnected|disconnect|cut|katega|kat jayega|blocked|block|"
                                  r"cancelled|canceled|cancel|suspended|suspend|seized|penalty|fine|band)\b")

# A payment demanded by a deadline ("pay today", "pay now", "pay by 6 pm", "aaj 6 baje tak bharo", "abhi jama karo").
_PAY_DEADLINE_RE = re.compile(r"\b(?:pay|repay|clear|settle)\b[^.?!\n]{0,25}?\b(?:today|now|immediately|tonight|asap|"
                              r"within|by \d|before \d)\b|\b(?:aaj|abhi|turant)\b[^.?!\n]{0,30}?\b(?:bharo|bhar do|bhara|"
                              r"jama karo|pay karo|payment karo|pay|payment)\b")

# (cheap gates: a word each rule's regex cannot match without)
_EXPOSURE_HINTS = ("record", "video", "vids", "clip", "photo", "pics", "picture", "footage", "screenshot", "webcam",
                   "camera", "what you", "browsing", "intimate", "nude", "private")
_TEST_PAYMENT_HINTS = ("check", "verif", "test", "confirm", "pehle", "first")

"""SMS / chat message analysis: cue lexicon (English + Hinglish), links, UPI ids, phone numbers, sender id.

``analyze_sms`` is pure and fast (precompiled lexicon, linear-time matching, hostile inputs cut early):

1. the text is capped and cleaned (``textmatch``), URLs / UPI ids / phone numbers are extracted from it;
2. the cue lexicon (``cues.SMS_CUES``) is matched on the text with links and UPI ids masked, keeping the strongest
   hit per signal code; negated cues ("never share your OTP") and benign contexts ("KYC completed
   successfully") do not count;
3. every link (at most ``MAX_LINKS`` distinct ones) is judged by ``url.analyze_url``; the worst one is folded in;
4. combinations add points (a hook together with a link, call-back number, UPI id or pressure);
5. the sender id is checked (an organisation's message from a personal mobile number; a registered DLT header of
   the claimed brand lowers the score slightly but never below "high" once the cues put it there);
6. ``device_info`` (screen sharing / remote access while an OTP arrives, SIM change) and an attached
   ``upi_intent`` are scored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

import phonenumbers

from ..errors import InvalidInput, ScamShieldError
from .cues import ACTION_CODES, BRAND_HEADER_KEYS, HOOK_CODES, MESSAGES, PRESSURE_CODES, SMS_CUES, mask_digits
from .taxonomy import advice_for
from .textmatch import Tokens, normalize, strip_invisible, tokenize
from .textmodel import model_signal, sms_model
from .transaction import device_signals
from .types import Assessment, Signal
from .url import analyze_url, extract_urls, link_forwards_elsewhere, publishing_host
from .vpa import VPA_IN_TEXT_RE, find_vpas

__all__ = ["analyze_sms", "extract_upi_ids", "extract_phone_numbers", "classify_sender", "MAX_SMS_CHARS",
           "MAX_CUE_CHARS", "MAX_LINKS", "transactional_markers", "safety_advice_markers"]

MAX_SMS_CHARS = 5_000      # links and UPI ids are looked for in this many characters (padding cannot hide them)
MAX_CUE_CHARS = 1_600      # cue phrases, phone numbers and the learned model see this many (a 10-part SMS is
                           # 1,530 characters); a longer text gets a ``text_truncated`` signal saying so
MAX_CUE_TOKENS = 320      # about the words of a 10-part SMS
MAX_LINKS = 5
MAX_URLS_REPORTED = 20
MAX_PHONE_CANDIDATES = 8
MAX_UPI_IDS = 10

# local@handle where the handle has no dot after it (so e-mail addresses are not taken for UPI ids): engine/vpa.py.
_UPI_ID_RE = VPA_IN_TEXT_RE
_PHONE_CANDIDATE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ().-]{6,16}\d(?![\w])")
_DLT_RE = re.compile(r"^(?:[A-Z]{2}-)?([A-Z0-9]{6})(?:-[A-Z])?$|^[A-Z]{2}-([A-Z0-9]{3,9})(?:-[A-Z])?$")
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
# Cue codes that ask the reader to do something risky (give a credential, pay, install, move money, keep quiet).
_ASKING_CODES = frozenset({"credential_request", "pin_to_receive", "safe_account_transfer", "screen_share_request",
                           "app_install_request", "money_mule_request", "secrecy_demand", "advance_fee_request",
                           "personal_details_request", "wrong_transfer_return"})
# Cue texts of the opt-out / terms lines ("t cs", "tcs apply", "opt out", "unsubscribe", "reply stop", "stop to end").
_COMPLIANCE_RE = re.compile(r"(?:t\W?c|tcs|t&c|unsub|opt|to opt|to unsub|stop|reply stop|txt stop|text stop|send stop)")
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
                           # "can you help with a bill today?" (the same setup, batch n)
                           r"|\b(?:can you|could you|can u|pls|please)\shelp(?:\sme)?(?:\sout)?\swith\s(?:a|my|the|this|an|"
                           r"some)\s(?:bill|bills|fees|fee|rent|invoice|payment)\b")
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
_REPLY_ASK_RE = re.compile(r"\b(?:reply|replying|txt|text|texting|send|sending|sms|rply)\b\W{0,3}(?!stop\b)[a-z0-9]")


def _ctia_stop_only(low: str, official_links: bool) -> re.Match | None:
    """The 'Reply STOP to opt out' line alone: no number after it, no other reply ask; with official links, or with
    no premium-rate markers at all (the caller checks the rest: no lure, risky link or call-back number)."""
    m = _STOP_LINE_RE.search(low)
    if m is None or re.match(r"\W{0,3}(?:to|2)\W{0,3}\d", low[m.end():]):
        return None
    rest = low[:m.start()] + " " + low[m.end():]
    return None if _REPLY_ASK_RE.search(rest) else m


# A job or exam selection that asks for a fee or deposit ("You are selected for MTS, pay registration fee Rs 1,500",
# "refundable security deposit for your offer letter"): employers and recruitment boards never charge a fee to
# hire (I4C, SSC / RRB notices); a board's exam application fee is paid on its own .gov.in site, which is excused.
_JOB_CONTEXT_RE = re.compile(r"\b(?:selected|selection|shortlisted|recruitment|recruiter|job|jobs|joining|offer letter|"
                             r"appointment letter|posting|candidature|vacancy|vacancies|interview|post of|hiring|"
                             r"placement|naukri|delivery partner|delivery boy|delivery rider|driver partner|captain id|"
                             r"bike captain|rapido captain|captain onboarding|partner id|delivery executive|"
                             r"onboarding)\b")
_JOB_FEE_RE = re.compile(r"\b(?:registration|processing|joining|verification|security|kit|uniform|onboarding|"
                         r"t\W?shirt|bag|activation|id activation|laptop|id card|medical|confirmation|interview|"
                         r"refundable)\s(?:fee|fees|charge|charges|deposit|amount|money)\b")
# A loan approved / sanctioned (English, Hinglish, Hindi), a fee on it, and an ask to pay (see ``loan_fee_request``).
_LOAN_GRANTED_RE = re.compile(r"\b(?:loan|lone|karz)\b[^.\n।]{0,40}?\b(?:approved?|sanction(?:ed)?|pass|paas|manjoor|"
                              r"manzoor|disburs\w*|ready)\b|\bpre[- ]?approved\b[^.\n]{0,20}?\bloan\b|"
                              r"(?:लोन|ऋण)[^।\n]{0,30}?(?:मंजूर|स्वीकृत|पास|अप्रूव)")
_LOAN_FEE_RE = re.compile(r"\b(?:processing|file|insurance|gst|documentation|registration|verification|stamp|legal|"
                          r"agreement|noc|login|advance|security|service|approval|release|disbursal|disbursement|"
                          r"transfer|tds)\s(?:fee|fees|charge|charges|amount|deposit|duty)\b|"
                          r"(?:प्रोसेसिंग|फाइल|बीमा|रजिस्ट्रेशन|सत्यापन)\s(?:फीस|शुल्क|चार्ज)")
_FEE_DEDUCTED_RE = re.compile(r"\b(?:fee|fees|charges?)\b[^.\n]{0,40}?\b(?:will be |is |are |has been |have been )?"
                              r"(?:deducted|adjusted|recovered|netted)\s(?:from|against|out of)\s(?:the\s|your\s)?"
                              r"(?:loan|disbursal|disbursement|sanction(?:ed)?|net disbursal)\b")
_BARE_AMOUNT_RE = re.compile(r"(?<![\d,.:/-])\d{3,6}(?![\d,.:/-])\s(?:ka\s|ke\s)?(?:transfer|transferred|bhej\w*|sent|"
                             r"send|credit\w*|debit\w*|paise|paisa|rupay\w*|aa gaye|aaye|gaye|chale gaye)\b|"
                             r"\b(?:sent|send|transferred|transfer|bhej\w*|paid)\s(?:you\s|u\s|aapko\s|apko\s|"
                             r"tumhe\s)?(?<![\d,.])\d{3,6}(?![\d,.:/-])")
_FEE_PAID_RE = re.compile(r"\b(?:fee|fees|charges?)\b(?:\s(?:of\s)?(?:rs\.?|inr|₹)?\s?\d[\d,.]*(?:\s?\+\s?gst)?)?\s"
                          r"(?:has been\s|have been\s|was\s|were\s|is\s|already\s)?(?:paid|received|collected)\b")
_LOAN_PAY_RE = re.compile(r"\b(?:pay|send|transfer|deposit|bhej\w*|jama|bhar\w*|gpay|phonepe|paytm|"
                          r"(?:to|must|should|needs to) be paid)\b|भेजें|भेजो|जमा|भरें")
_GREETING_WORDS = frozenset({"congratulations", "congrats", "congratulation", "badhai ho", "mubarak ho"})
_OWN_APPLICATION_RE = re.compile(r"\b(?:loan|emi|credit card|card|account|policy|application|home loan|car loan|"
                                 r"overdraft|limit)\b[^.\n!?]{0,40}?\b(?:is|has been|was|got)\s(?:successfully\s)?"
                                 r"(?:sanctioned|approved|disbursed|opened|issued|activated|dispatched|enhanced)\b")
# A government scheme or benefit named in the message ("PM yojana", "govt scheme", "subsidy", "PM Kisan").
_GOV_SCHEME_RE = re.compile(r"\b(?:yojana|yojna|govt\.? scheme|government scheme|sarkari yojana|pm kisan|pm-kisan|"
                            r"subsidy|ration card|ayushman|ladli|ladki bahin|pension scheme"
                            # other regions' benefits named in smishing (batch q): PH ayuda / DSWD / 4Ps, BR auxílio /
                            # Bolsa Família, UK cost-of-living payment, US stimulus
                            r"|ayuda|dswd|4ps|aux[ií]lio|bolsa fam[ií]lia|cost of living payment|stimulus (?:payment|check))\b")
_CHARGE_EVENT_RE = re.compile(r"\b(?:renewed|auto\W?renew\w*|subscription|invoice|membership|charged|debited|deducted|"
                              r"purchase|purchased|order(?:ed)?|payment of|you have sent|you sent|billed|processed)\b")
# A withdrawal, transfer or sign-in on the reader's account: with a foreign number only beside a "not you?" line (a
# relative abroad writes "I transferred $200, call me on +1 ...").
_ACCOUNT_EVENT_RE = re.compile(r"\b(?:withdrawal|withdrawn|transfer of|transferred|sign\W?in|login|log in)\b")
_CALL_WORD_RE = re.compile(r"\b(?:call|dial|ring|contact|reach|phone)(?:ing)?\b")
# The dispute hook of a fake invoice: "If you did not authorize this", "Not you?", "to cancel", "for a refund".
_DISPUTE_RE = re.compile(r"\b(?:did not|didn't|didnt|did n't) (?:authori[sz]e|make|place|request|order|recogni[sz]e)\b|"
                         r"\bnot (?:you|authori[sz]ed by you|done by you|initiated by you)\b|\bunauthori[sz]ed\b|"
                         r"\bto (?:cancel|dispute|stop|reverse)\b|\b(?:a|your|for) refund\b")
_REQUEST_RE = re.compile(r"\brequest\b|रिक्वेस्ट|अनुरोध")
_OTP_WORDS = frozenset({"otp", "passcode", "password", "code", "pin"})
# A link to a sideloaded Android app ("sbi-rewardz.apk", "bit.ly/x/app.apk"): banks, utilities and government
# departments never send APK files by SMS (CERT-In / RBI advisories on reward-point and KYC APK malware).
_APK_RE = re.compile(r"[\w-]\.apk(?![\w.-]*\.[a-z]{2,}\b)\b|\bapk\s?(?:file|link|download)\b")
# (The APK, transactional-marker and SMS-to-number patterns run on a lower-cased copy of the text.)
# Markers of the fixed formats Indian banks, wallets, merchants and utilities send (TRAI DLT transactional /
# service templates): a masked account or card number, a transaction reference, a debit/credit verb with an
# amount, a due date, delivery status. Counted only when the text has no lure, no risky link and no call-back to
# a personal mobile number.
_TXN_MARKER_RES = (
    ("masked_account", re.compile(r"(?:\b(?:a/?c|acct?|account|card|ending|no\.?|aadhaar|aadhar)\s?(?:no\.?\s?)?"
                                  r"(?:[x*]{1,12}|\.{2,4})\s?\d{2,6}\b|\b[x*]{2,}\d{3,6}\b|\b(?:[x*]{4}\s){2}\d{4}\b)")),
    ("reference", re.compile(r"\b(?:ref(?:erence)?\.?\s?(?:no|id)?|utr|rrn|txn\s?(?:id|no)|upi\s?ref|imps\s?ref|"
                             r"awb|pnr|order\s?(?:id|no)?|booking\s?(?:id|no)|consumer\s?(?:no|number|id)?|policy\s?no|"
                             r"folio|uan|ack(?:nowledgement)?\.?\s?no|(?:ca|k|sc|rr|bp|lab|service|application|claim|"
                             r"ticket|receipt|account)\s?(?:no|id|number)|uhid|arn|urn|lan)\b\W{0,3}[a-z]{0,6}\d{4,}"
                             # a mobile-money transaction code ("QLK4X2M9PA Confirmed.": M-PESA, Kenya)
                             r"|\b(?=[a-z]*\d)[a-z0-9]{10}\sconfirmed\b")),
    ("debit_credit", re.compile(r"\b(?:debited|credited|withdrawn|spent|deposited|received|paid|sent|"
                                r"transferred|refunded)\b|डेबिट|क्रेडिट|जमा किए|जमा की|प्राप्त हुआ|प्राप्त हो")),
    ("due_date", re.compile(r"\b(?:due(?:\s?date)?|(?:pay|payable|valid|expires?|renew)\s?(?:on|by|before|till|upto|up to)"
                            r"|due\s?(?:on|by))\W{0,3}\d{1,2}(?:st|nd|rd|th)?\s?[-/ ]\s?(?:\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|"
                            r"jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b)|(?:अंतिम तिथि|दिनांक|\bantim tithi|\bantim tarikh|\blast date|"
                            r"\bakhri tarikh|\bakhiri tareekh)\W{0,3}\d{1,2}\s?[-/]\s?\d{1,2}")),
    ("delivery_status", re.compile(r"\b(?:out for delivery|delivered|shipped|dispatched|picked up|arriving)\b")),
    # A change to the account the customer made ("you have initiated adding a new payee", "mobile number updated").
    ("account_change", re.compile(r"\b(?:you have|you've) (?:initiated|added|registered|changed|requested|enabled|"
                                  r"disabled)\b|\b(?:payee|beneficiary|mobile number|email id|address|nominee|"
                                  r"password|mpin|upi pin|limit)\b[^.\n]{0,20}\b(?:added|changed|updated|registered|"
                                  r"modified|reset)\b")),
    # An operator's missed-call / call-waiting notice ("Missed call alert: 98XXXXXX21 called you 2 times").
    ("call_alert", re.compile(r"\bmissed call alert\b|\b(?:called|tried to call|tried calling) you\b[^.\n]{0,30}?"
                              r"\b(?:at \d|\d+ times?|while|when)")),
    # An appointment or booking reminder with its own reply keyword ("appointment Tue 9 Dec 3:15pm. Reply Y to
    # confirm or call the surgery to rearrange"): clinics, salons and restaurants send these from plain numbers.
    ("appointment", re.compile(r"\b(?:appointment|appt|consultation|booking|reservation|check-?up|vaccination)\b"
                               r"(?:[^.\n]{0,40}?\b(?:confirmed|booked|scheduled|reminder|on|at|for)\b)?\W{0,3}"
                               r"(?:\d|mon|tue|wed|thu|fri|sat|sun|today|tomorrow)")),
    ("reply_to_confirm", re.compile(r"\breply\W{0,2}(?:y|yes|n|no|c|1|2|ok)\W{0,2}(?:to|2)\W{0,2}(?:confirm|cancel|"
                                    r"rearrange|reschedule|change)\b")),
    # A service's own status line ("Your sample has been collected", "complaint is registered", "report is ready")
    # and its own promise of what it will do next ("Reports will be emailed within 24 hours"): lab, hospital,
    # service-desk and order notices (batch i).
    ("service_status", re.compile(r"\b(?:sample|samples|specimen|report|reports|test results?|complaint|request|"
                                  r"application|claim|ticket|booking|order|registration)\b[^.\n]{0,30}?\b(?:has been|"
                                  r"have been|is|are|was)\s(?:successfully\s)?(?:collected|received|registered|"
                                  r"generated|ready|processed|confirmed|accepted|approved|resolved|closed|submitted|"
                                  r"completed)\b")),
    ("service_promise", re.compile(r"\b(?:will|shall)\s(?:be\s)?(?:emailed|mailed|sent|shared|delivered|credited|"
                                   r"processed|reflected|dispatched|available|ready|refunded|resolved|uploaded|"
                                   r"reversed|settled)\b[^.\n]{0,20}?\b(?:within|in (?:the )?next)\b")),
    ("available_balance", re.compile(r"\b(?:avl|avail(?:able)?|total)\.?\s?(?:bal(?:ance)?|lmt|limit)\b"
                                     r"|\bnew\s(?:[a-z-]{2,10}\s)?balance\b")),
    # "bill of Rs 1,243", "EMI of Rs 12,450", "premium of Rs 7,842", "minimum due Rs 720".
    ("bill_amount", re.compile(r"\b(?:bill|emi|premium|instal?ment|amount due|total due|minimum due|total amount due)"
                               r"\b[^.\n]{0,40}?(?:₹|\brs\.?|\binr)\s?\d")),
)
# "SMS BLOCK 902 to 9215676766", "Fwd this SMS to 9264092640": a bank's block-by-SMS number is not a call-back.
_SMS_TO_NUMBER_RE = re.compile(r"\b(?:sms|fwd|forward|text)\b[^.\n]{0,40}?\bto\s?(?:\+?91[\s-]?)?\d{10}\b")
_HELPLINE_WORDS_RE = re.compile(r"\b(?:customer care|customer support|customer service|care executive|"
                                r"care (?:number|no|team|desk|centre|center)|help ?line|help ?desk|support team|"
                                r"support executive|complaint cell|grievance cell)\b")
# A claim of a new number or a lost / broken / borrowed phone in a family_emergency match.
_NEW_IDENTITY_RE = re.compile(r"\bnew\b|\bnaya\b|\bnya\b|नया|\b(?:novo|nuevo|neue|troquei|mudei|cambi[eé]|mpya|nimebadilisha)\b|\b(?:broke|broken|stolen|lost|died|dead|damaged|"
                              r"smashed|fell|stopped working|dropped|cracked|temporary|temp|spare|other phone|water damaged|in the sink|"
                              r"in the toilet)\b|\b(?:friend|colleague|dost|someone else)'?s?\s(?:phone|mobile|number)\b|\bborrowed\b|"
                              r"खो गया|टूट गया|चोरी")
# Settling up a shared expense ("send me the 500 for dinner last night when you can", "the 200 for the cab", "what I
# owe you"): friends who change numbers say this too; the scam asks for a new sum for a need of its own.
_SETTLING_UP_RE = re.compile(r"\bthe\s(?:rs\.?\s?|₹\s?|inr\s?)?\d[\d,]{0,8}\s(?:for|from)\b|\bowe\b|"
                             r"\bwhen(?:ever)? (?:you|u) (?:can|get a chance|are free|get time)\b|\bwhenever\b|"
                             r"\bno (?:hurry|rush)\b|\bmy share\b|\byour share\b")
# Time pressure in a family money ask ("today", "right now", "urgently", "abhi", "jaldi").
_FAMILY_PRESSURE_RE = re.compile(r"\b(?:today|tonight|(?<!for )(?<!till )(?<!until )now|right now|urgent|urgently|immediately|asap|abhi|jaldi|"
                                 r"turant|fast|quickly|urgente|hoje|hoy|heute|dringend|sofort|sasa hivi|haraka|leo)\b|"
                                 r"अभी|जल्दी|तुरंत")
# A move to another channel in a stranger's message ("add me on Telegram", "download the app", "reply YES").
# The structure of a keyword-free lure (batch n): a stranger who moves the talk to a chat app or to a channel of
# their own ("add me on Telegram", "reply YES to know more", "install the app I will share", "the QR I am sending")
# and offers earnings, returns, a loan, a limit or points. Each part alone is ordinary; together they are the
# recruiter / mentor / "relationship manager" / pig-butchering approach (FTC, I4C, SEBI advisories).
_CHAT_MOVE_RE = re.compile(
    r"\b(?:on|via|over|through|in|to|at|sa|no|pelo|por|auf|über)\s(?:whats\s?app|telegram|signal|wechat|skype|line app)\b"
    r"|\badd (?:me|us|you|our \w+|my \w+|the \w+|assistant|coordinator|mentor)\b[^.?!\n]{0,30}?"
    r"\b(?:whats\s?app|telegram|signal|group|channel)\b"
    r"|\b(?:wa\.me|t\.me|chat\.whatsapp\.com)/|\btelegram\s?@|@\w+\son\stelegram\b"
    r"|\breply (?:to chat|yes|y)\b(?! to (?:confirm|cancel|book|reschedule|subscribe))"
    r"|\b(?:message|text|ping|dm) (?:me|our \w+|my \w+)(?: \w+)? on\b"
    r"|\b(?:app|apk|link|qr|qr code|details|form)\si(?:\s?am|\s?will|'ll|'m|\shave)?\s(?:send|sending|sent|share|"
    r"sharing|shared)\b")
_EARN_OFFER_RE = re.compile(
    r"\b(?:earn|earning|earnings|salary|income|commission|profit|profits|returns?|stock picks?|ipo|crypto|"
    r"arbitrage|trading|fixed deposit|pre-?approved|limit increase|reward points|redeem|loan"
    # stock tips and VIP picks, task-job pay terms (batch q)
    r"|stock tips?|(?:stock|daily|vip|free|premium|\d) picks|vip (?:members?|group|plan|batch)|trading signals|daily (?:settlement|payout|payment|pay)|paid daily"
    # (not "part-time" / "work from home" alone: a real recruiter's role can be either)
    r"|liking (?:hotel |product )?(?:reviews|videos|posts)"
    # the same offers in Portuguese / Spanish ("ganhos diários", "renda extra", "ganancias diarias", "comisión")
    r"|ganhos?|ganhe|renda extra|lucros?|comiss[aã]o|ganancias?|gana dinero|ingresos? (?:diarios|extra)|comisi[oó]n)\b"
    r"|(?:/|\bper\s)(?:day|hour|hr|review|task)\b|\d\s?%\s?(?:p\.?a\.?|profit|returns?|daily|per)")
# "reply with your full name and date of birth so we can process your claim": identity details asked by reply beside a
# refund, rebate, grant or claim (HMRC / IRS / ATO refund smishing, batch n). Tax offices never do this by SMS.
_DETAILS_REPLY_RE = re.compile(r"\b(?:reply|respond|text back|sms back)\s(?:back\s)?with\s(?:your\s)?(?:full\s)?"
                               r"(?:name|date of birth|dob|account number|bank details|card details|ifsc)\b")
_STRONG_DETAILS_RE = re.compile(r"\b(?:date of birth|dob|account number|bank details|card details|ifsc)\b")
_CLAIM_WORD_RE = re.compile(r"\b(?:refund|rebate|grant|claim|compensation|payout|reimbursement)\b")
# "is this Mr Sharma?", "is this Priya's number?", "your name was given to me by": a stranger's wrong-number-style
# opener naming someone (the cue lexicon holds the "sorry, wrong number" forms).
_NAMED_OPENER_RE = re.compile(
    r"\bis this (?:(?:mr|mrs|ms|miss|dr)\.?\s)?[a-z]+(?:'s)?(?:\s(?:number|phone))?\s?\?"
    r"|\byour (?:name|number|contact) was (?:given|passed|shared) to me\b")
# A self-introduction by name and role or organisation ("I'm Linda, a recruiter", "this is Mr Tan from DBS").
_SELF_INTRO_RE = re.compile(
    r"\b(?:i am|i'm|im|this is|it's|my name is)\s(?:(?:mr|mrs|ms|miss|dr|prof|professor)\.?\s)?[a-z]+,?\s"
    r"(?:[a-z]+\s){0,3}?(?:from|with|at|a|an|your|banker|manager|executive|recruiter|advisor|adviser|mentor|officer|"
    r"coordinator|agent|consultant|analyst)\b|\bi am your\b"
    r"|\b(?:we |i )?(?:saw|found|viewed|liked|reviewed|shortlisted) your (?:profile|resume|cv)\b"
    # "Mentor Rajesh here", "Coach Vikram here": a role and a name opening the message (batch q)
    r"|^\W*(?:mentor|coach|analyst|advisor|adviser|professor|prof|teacher|assistant|recruiter|manager|hr)\s[a-z]+\shere\b"
    # "aqui é a Carla do RH", "soy Laura de recursos humanos" (PT / ES)
    r"|\baqui (?:é|e) (?:o |a )?[a-zà-ú]+,? (?:do|da|de)\b|\bsoy (?:el |la )?[a-zá-ú]+,? (?:de|del)\b"
    r"|\b(?:sou|soy) (?:o |a |el |la )?[a-zà-ú]+,? (?:consultor|consultora|asesor|asesora|analista|gerente|mentor|mentora|"
    r"corretor|corretora)\b")
# The stranger speaks as a person ("add me", "I will send", "I'm now with a team"); a brand writes "chat with us".
_FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|im|i've|i'll|me|my)\b|^\W*(?:[a-z]+\s)?[a-z]+ here\b|\badd (?:assistant|coordinator|mentor|teacher|"
                              r"analyst)\b")
# "dropped my phone down the loo, using a mate's": the lost phone told in the message (batch n).
_LOST_PHONE_RE = re.compile(r"\b(?:dropped|broke|smashed|lost|cracked|damaged)\smy\s(?:phone|mobile)\b|"
                            r"\busing\s(?:a|my)\s(?:mate|friend|colleague)'?s\b")
_CONTACT_MOVE_RE = re.compile(r"\b(?:telegram|whatsapp|signal|wechat|line app|add me|join|download|install|register|"
                              r"sign up|signup|reply|dm me|message me|text me|click|link|teach you|show you|guide you|"
                              # the stranger's own pitch: "I'm Lisa, I work in crypto trading"
                              r"i work (?:in|at|as|for)|i'm working (?:in|at|as)|my name is|i do|i trade|i invest|i'm an?|i am an?|"
                              r"interested in|want to learn)\b")
# Batch q (issue #5) structures, each part ordinary alone:
# an ask for a favour or help ("need a favour", "preciso de um favor"): the first message of the "Hi Mum" scam, before
# any sum is named, beside a new-number / broken-phone claim.
_FAVOUR_ASK_RE = re.compile(r"\b(?:need|needs|ask|asking|do me)\s(?:a\s|you\sa\s|one\s|your\s|a\ssmall\s|a\squick\s|a\sbig\s)?"
                            r"(?:favou?r|help)\b|\bpreciso de (?:um )?(?:favor|ajuda)\b|\bnecesito (?:un )?(?:favor|ayuda)\b|"
                            r"\bbrauche (?:einen gefallen|deine hilfe|hilfe)\b|\bek kaam hai\b|\bmadad chahiye\b")
# "new number" said outright ("Hi mum new number, need a favour, can you pay a bill for me"): the identity change.
_NEW_NUMBER_RE = re.compile(r"\bnew\s(?:number|no|phone|mobile|mobile number|whatsapp|whatsapp number|sim)\b")
# An ask to be called back by voice ("call me when free", "give me a ring"), not negated ("can't call, text me").
_CALL_ME_RE = re.compile(r"(?<!can't )(?<!cant )(?<!cannot )(?<!don't )(?<!dont )(?<!not )(?<!no )"
                         r"\b(?:call|ring|phone)\s(?:me|us)\b(?!\s(?:on|at)\s(?:whats\s?app|telegram))|"
                         r"\bgive (?:me|us) a (?:call|ring|buzz)\b")
# A favour about money, a code or a card (the scam's next message) -- never a hint only.
_FAVOUR_MONEY_RE = re.compile(r"\b(?:money|pay|payment|paid|transfer|send me|lend|loan|rs\.?|inr|bill|fees?|rent|"
                              r"amount|cash|upi|gpay|paytm|phonepe|bank|account|card|otp|code|pin|gift ?cards?|"
                              r"voucher|paise|pese|paisa|rupees?)\b|₹|\$|£|€")
# A stranger's way in that is not a wrong number: reconnecting ("it's been a long time", "are you still in ...") or a
# referral ("Rahul bhai ne aapka number diya", "got your number from a friend").
_RECONNECT_RE = re.compile(r"\b(?:it'?s|it has) been (?:a |so )?(?:long time|ages|a while|years)\b|\blong time no "
                           r"(?:see|talk|chat|speak)\b|\bremember me\b|\bare you still (?:in|at|living|working)\b|"
                           r"\bhaven'?t (?:talked|spoken|heard from you) in\b")
_REFERRAL_RE = re.compile(r"\bne (?:aapka|apka|tumhara|tera) (?:number|no|contact|naam) (?:diya|share kiya|bataya)\b|"
                          r"\b(?:got|have|received) your (?:number|contact|details) from\b|\bgave me your "
                          r"(?:number|contact)\b|\baapka (?:number|no) [a-z]+ (?:se|ne) (?:mila|diya)\b")
_INVEST_TALK_RE = re.compile(r"\b(?:crypto|bitcoin|usdt|forex|trading|stocks?|shares|ipo|arbitrage|mt[45]|"
                             r"investing|investment|wealth management|asset management)\b|\d\s?%\s?(?:return|returns|profit|munafa)\b")
_TEACH_JOIN_RE = re.compile(r"\b(?:show you how|teach you|guide you|want (?:me )?to (?:show|teach|guide|add)|(?:want|like) "
                            r"to (?:join|learn|try)|shall i (?:add|share|send)|join karna|join karoge|join karo|join "
                            r"karein|judna|jud jao|add kar (?:du|doon|dun)|(?:love|like|happy|glad) to (?:share|introduce|"
                            r"tell you about) (?:an?|this|the|my) (?:opportunity|plan|strategy)|quer participar|quiere "
                            r"participar|quieres participar|quer entrar|willst du mitmachen|want to join)\b|\binterested\s?\?|"
                            r"\bbatao\b")
# A wrong-number opener that goes on as small talk ("... anyway nice to meet you, I am Shreya from Pune"): a real
# mis-sent text ends with the apology (batch q; pig-butchering first contact, FBI IC3 / I4C advisories).
_SMALL_TALK_RE = re.compile(r"\bcan we be friends\b|\bwhere are you from\b|\bwhat do you do\b|\bmay i know (?:your "
                            r"name|who)\b|\b(?:i am|i'm|im|my name is) [a-z]+,? from\b|\bwhat(?:'s| is) your name\b|"
                            r"\byou (?:seem|sound) (?:nice|kind|lovely|interesting)\b")
# "nice to meet you" is a polite sign-off too ("Sorry wrong number! Nice to meet you anyway, bye"): small talk only
# with the stranger's own name given ("nice to meet you, I am Shreya").
_MEET_YOU_RE = re.compile(r"\b(?:nice|glad|good|pleased|lovely|happy) to (?:meet|know|e-?meet) you\b")
_OWN_NAME_RE = re.compile(r"\b(?:i am|i'm|my name is|this is) (?!sorry\b|so\b|not\b|looking\b|trying\b)[a-z]{3,}\b")
# Another chat app named as where to talk, in the languages of the new-number asks (PT / ES / DE), or "text me back".
_CHAT_BACK_RE = re.compile(r"\b(?:no|pelo|por|auf|über|ueber|en) (?:whats\s?app|zap|telegram)\b|\b(?:text|message|msg|"
                           r"whatsapp) me back\b|\bme chama\b|\bescr[ií]beme\b|\bschreib mir\b")
# "I accidentally entered your number while registering ... you'll get a code, can you forward it to me?": a code
# for the reader's number is coming, and a stranger who 'used the number by mistake' asks for it (OTP theft).
_MISTAKEN_NUMBER_RE = re.compile(r"\b(?:accidentally|by mistake|mistakenly|wrongly|galti se)\s(?:entered|gave|put|typed|"
                                 r"used|registered|added|shared)?\s?(?:with\s)?(?:your|ur|aapka|apka|this)\s(?:number|no|"
                                 r"mobile|phone)|\b(?:entered|gave|put|typed|used|registered) (?:your|ur|this) (?:number|"
                                 r"no|mobile number|phone number) (?:by mistake|accidentally|mistakenly|wrongly)")
_CODE_COMING_RE = re.compile(r"\b(?:you(?:'ll| will)|u will|you may|you might|you should|you must have|you would have|"
                             r"you have|you've|you just)\s(?:get|got|receive|received|be getting)\b[^.?!\n]{0,30}?"
                             r"\b(?:code|otp|sms|message|pin)\b")
_PRONOUN_FORWARD_RE = re.compile(r"\b(?:forward|send|share|tell|give|read|text|pass)\s(?:it|that|the code|this code|that "
                                 r"code|the otp|the sms|the message|me the code|me the otp|me that)\b")
# Cheap substring gates (C-speed ``in`` tests) before the regexes of the batch q structures, which most messages skip.
_INVEST_HINTS = ("crypto", "bitcoin", "usdt", "forex", "trad", "stock", "share", "ipo", "arbitrage", "mt4", "mt5",
                 "invest", "wealth", "asset", "%")
_MISTAKE_HINTS = ("mistake", "accident", "wrongly", "galti")
_CRYPTO_RE = re.compile(r"\b(?:btc|bitcoin|usdt|eth|ethereum|crypto|binance|coinbase|kraken|wazirx|coinswitch|wallet)\b")
# A third party's payee in a money ask: a UPI id (checked apart), an account number or IFSC code, "send to <name>".
_PAYEE_RE = re.compile(r"\b(?:a/?c|acct?|account)\s?(?:no\.?|number)?\W{0,3}\d{6,}|\bifsc\b|\b[a-z]{4}0[a-z0-9]{6}\b")
_OFFICIAL_SUFFIXES = (".gov.in", ".nic.in", ".gov", ".ac.in", ".edu")
# An Indian mobile number to call or message ("call 98301 23456", "WhatsApp +91 9830123456", "9830123456 pe call
# karo", "संपर्क करें 7439012284"): banks, utilities and couriers publish toll-free (1800/1860) or short helplines,
# and fake "officer" / "customer care" numbers are mobiles (RBI, I4C advisories). On the lower-cased text.
_MOBILE = r"(?<![\d+])(?:\+?91[\s-]?|0)?[6-9]\d{4}[\s-]?\d{5}(?!\d)"
_MOBILE_CALLBACK_RE = re.compile(
    r"(?:\b(?:call|contact|dial|ring|whatsapp|message|msg|text|reach|sampark|phone)\b|संपर्क|कॉल|फोन|व्हाट्सएप)"
    r"[^.\n]{0,40}?" + _MOBILE + r"|" + _MOBILE + r"\s?(?:pe|par|per|on|पर)\s(?:call|contact|whatsapp|sampark|message|"
    r"msg|कॉल|संपर्क)")
# The caller of a missed call, reported by the operator: "Missed call alert: +91 98201 44321", "missed call from
# 98201 44321", "98201 44321 tried to call you" (on the lower-cased text).
_CALL_REPORT_RE = re.compile(r"\bmissed calls?(?:\s(?:alert|from|by))*\W{0,3}" + _MOBILE + r"|" + _MOBILE +
                             r"\W{0,3}(?:has\s)?(?:tried to call|called|was trying to reach|tried calling)\s(?:you|u)\b")
# A money movement or card/account event: a fake alert ("Rs 45,000 charged ... if not you call 98...") needs one.
# An ask to call back without a number of its own ("call back", "call us", "give us a call", "return the call").
_CALL_BACK_ASK_RE = re.compile(r"\b(?:call|ring|phone|contact)(?:ing)?\s(?:us\s|me\s|them\s)?back\b|\bcall ?back\b|"
                               r"\b(?:call|ring|contact|phone)\s(?:us|me|this number|the number|on this number)\b|"
                               r"\bgive (?:us|me) a (?:call|ring)\b|\breturn (?:the|our|my|this) call\b")
_ALERT_EVENT_RE = re.compile(r"\b(?:debited|charged|deducted|withdrawn|spent|transaction|txn|purchase|transferred|"
                             r"auto ?debit|payment of)\b")
_NOT_YOU_RE = re.compile(r"\b(?:if|in case)\s(?:this|it|that)\s(?:was|is|wasn't|wasnt|isn't|isnt)\s(?:not\s)?(?:you|u|"
                         r"done by you|made by you)\b|\b(?:was|is) (?:this|that|it) (?:you|u)\b|\bnot (?:you|u)\b|"
                         r"\bwasn't (?:you|u)\b"
                         # "Did you attempt a Zelle payment of $1,250.00?" (batch q)
                         r"|\bdid (?:you|u) (?:just )?(?:attempt|try|make|authori[sz]e|initiate|request|approve)\b")
# Safety advice, as banks, regulators and the police send it ("HDFC Bank never asks for OTP", "digital arrest is a
# scam", "report at cybercrime.gov.in or 1930", "do not share your OTP"). Counted only when nothing in the message
# asks for anything risky (no credential request, no risky link, no personal mobile number, no UPI id, no APK).
_ADVICE_RES = (
    # ("will not call" alone is not advice: "we will not call you, message us on WhatsApp")
    ("never_asks", re.compile(r"\bnever\s(?:ask|asks|call|calls|request|requests|seek|seeks|arrest|arrests)\b|"
                              # "HMRC will never text you about a tax refund" (agencies' own warnings)
                              r"\bnever\s(?:text|texts|email|emails|message|messages|contact|contacts)\s(?:you\s)?"
                              r"(?:about|to ask|asking|for|with)\b|"
                              r"\bnever\s(?:send|sends)\b[^.\n]{0,30}?\b(?:links?|otp|apk|apps?|sms|messages?|"
                              r"requests?|forms?)\b|\b(?:will|would|does|do|shall)\snot\s(?:ask|request|seek)\b"
                              r"[^.\n]{0,30}?\b(?:otp|pin|cvv|password|card|account|bank|kyc|personal)\b|"
                              r"kabhi (?:nahi|nahin|nhi) (?:maang|mang|puch|poochh|pooch)|"
                              r"कभी (?:भी )?नहीं (?:मांग|माँग|पूछ)")),
    # (not a person called a fraud: "tell them you are a fraud" is the loan-app recovery threat)
    ("names_the_scam", re.compile(r"(?<!\byou )(?<!\bu )(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:is|are|it's|its|was|were)"
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
                                  r"(?:फर्जी|फ़र्ज़ी|नकली|धोखा|फ्रॉड)\s(?:है|हैं|होते|होता|होती)")),
    ("report_channel", re.compile(r"\b(?:report|complain|complaint|call|dial|shikayat|shikaayat|shikayaat)\w*\b"
                                  r"[^.\n]{0,40}?(?:\b1930\b|cybercrime\.gov\.in|sancharsaathi|sanchar saathi|chakshu)|"
                                  # Hinglish "1930 pe call / shikayat karein", "1930 dial kare"
                                  r"\b1930\b\s(?:(?:pe|par|per|on|number)\s){0,2}(?:call|dial|report|complain|shikayat)\b|"
                                  # "1930 पर कॉल करें", "1930 নম্বরে কল করুন", "1930 ಗೆ ಕರೆ ಮಾಡಿ" (Indian scripts)
                                  r"\b1930\b[^.\n।]{0,25}?(?:कॉल|फोन|শিকায়ত|कळवा|কল|அழை|కాల్|ಕರೆ|വിളി|કૉલ|ਕਾਲ|"
                                  r"शिकायत|तक्रार|অভিযোগ|புகார்|ఫిర్యాదు|ದೂರು|പരാതി|ફરિયાદ|ਸ਼ਿਕਾਇਤ)")),
    # "visit your nearest branch with original documents": the bank's own counter, not a link or a phone call.
    ("visit_branch", re.compile(r"\b(?:visit|approach|contact)\s(?:your\s|the\s|any\s)?(?:nearest\s|home\s|base\s)?"
                                r"(?:bank\s)?branch\b|\bat\s(?:your|any)\s(?:nearest\s|home\s)?branch\b|"
                                r"\bat\sthe\snearest\sbranch\b|"
                                r"(?:नजदीकी|निकटतम) शाखा")),
    # "Complete Video KYC in the Kotak app", "update it on the YONO app": the customer's own app, not a link or call.
    ("official_app", re.compile(r"\b(?:update|complete|check|verify|login|log in|view|manage|link|renew|track|"
                                r"submit|raise|do it|do this|download (?:your|the))\b[^.\n]{0,40}?"
                                r"\b(?:in|on|via|through) (?:the |your )?(?:official )?"
                                r"(?![^.\n]{0,25}\b(?:whatsapp|telegram|signal|skype|zoom|imo|messenger|instagram|"
                                r"facebook|anydesk|teamviewer|quicksupport|rustdesk|airdroid)\b)(?:[a-z0-9]+ ){1,2}"
                                r"(?:mobile )?app\b(?![^.\n]{0,30}\b(?:link|download|install))")),
    ("do_not_share", re.compile(r"\b(?:do not|don't|dont|never|pls do not|please do not)\s(?:share|disclose|reveal|"
                                r"give)\b[^.\n]{0,30}?\b(?:otp|pin|cvv|password|card details|personal details|"
                                r"bank details)\b|साझा न करें|शेयर न करें|share na kar")),
)
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


def extract_upi_ids(text: str, *, limit: int = MAX_UPI_IDS) -> list[str]:
    """UPI ids (``name@handle``) in ``text``; e-mail addresses (``name@domain.tld``) are not UPI ids."""
    return find_vpas(text, limit=limit)


def extract_phone_numbers(text: str, *, region: str = "IN", limit: int = MAX_PHONE_CANDIDATES) -> list[str]:
    """Valid phone numbers in ``text`` as E.164 (Indian formats by default: +91, 0-prefixed, 10-digit)."""
    return list(_phone_objects(text, region=region, limit=limit))


def _phone_objects(text: str, *, region: str = "IN",
                   limit: int = MAX_PHONE_CANDIDATES) -> dict[str, phonenumbers.PhoneNumber]:
    """E.164 -> parsed number, for the valid phone numbers in ``text`` (each candidate parsed once)."""
    out: dict[str, phonenumbers.PhoneNumber] = {}
    tried = 0
    for m in _PHONE_CANDIDATE_RE.finditer(text):
        cand = m.group(0)
        digits = sum(c.isdigit() for c in cand)
        if digits < 8 or digits > 15:
            continue
        tried += 1
        if tried > limit:
            break
        try:
            num = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            num = None
        if (num is None or not phonenumbers.is_valid_number(num)) and digits == 11 and cand[0] == "1":
            # "call 1-844-551-2234": a North American number written with its country code but no "+" (how US /
            # Canadian toll-free numbers are printed); it is not an Indian number.
            try:
                num = phonenumbers.parse("+" + cand, None)
            except phonenumbers.NumberParseException:
                continue
        if num is not None and phonenumbers.is_valid_number(num):
            out.setdefault(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), num)
    return out


def classify_sender(sender: str | None) -> dict[str, Any]:
    """``{"type": "dlt", "header": "HDFCBK"}``, ``{"type": "phone", "country_code": 91, "mobile": True}``,
    ``{"type": "email"}``, ``{"type": "other"}`` or ``{"type": "none"}``."""
    if not sender or not sender.strip():
        return {"type": "none"}
    s = strip_invisible(sender, max_chars=64).strip()
    compact = re.sub(r"[\s()-]", "", s)
    if "@" in s:
        return {"type": "email"}
    if re.fullmatch(r"\+?\d{7,15}", compact):
        try:
            num = phonenumbers.parse(compact if compact.startswith("+") else compact, "IN")
        except phonenumbers.NumberParseException:
            return {"type": "other"}
        if not phonenumbers.is_valid_number(num):
            return {"type": "phone", "valid": False, "country_code": num.country_code, "mobile": False}
        ntype = phonenumbers.number_type(num)
        mobile = ntype in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
        return {"type": "phone", "valid": True, "country_code": num.country_code, "mobile": mobile}
    m = _DLT_RE.match(s.upper())
    if m and any(c.isalpha() for c in (m.group(1) or m.group(2))):
        return {"type": "dlt", "header": m.group(1) or m.group(2)}
    return {"type": "other"}


def _mask(norm: str, pieces: Iterable[str]) -> str:
    for p in pieces:
        np = normalize(p, max_chars=2_100)
        if np:
            norm = norm.replace(np, " ")
    return norm


# Substrings one of which each marker needs (a cheap test before the regular expression; None = always run it).
_TXN_HINTS: dict[str, tuple[str, ...] | None] = {
    "masked_account": ("x", "*", ".."),
    "reference": None,
    "debit_credit": ("debit", "credit", "withdrawn", "spent", "deposit", "received", "paid", "sent", "transferred",
                     "refunded", "डेबिट", "क्रेडिट", "जमा", "प्राप्त"),
    "due_date": ("due", "pay", "valid", "expir", "renew", "तिथि", "दिनांक", "tithi", "tarikh", "tareekh",
                 "last date"),
    "call_alert": ("call",),
    "delivery_status": ("deliver", "shipped", "dispatched", "picked", "arriving"),
    "account_change": ("you have", "you've", "payee", "beneficiary", "mobile number", "email id", "address",
                       "nominee", "password", "mpin", "upi pin", "limit"),
    "available_balance": ("avl", "avail", "total"),
    "service_status": ("collected", "received", "registered", "generated", "ready", "processed", "confirmed",
                       "accepted", "approved", "resolved", "closed", "submitted", "completed"),
    "service_promise": ("will", "shall"),
    "bill_amount": ("bill", "emi", "premium", "instal", "due"),
}
_ADVICE_HINTS: dict[str, tuple[str, ...]] = {
    "never_asks": ("never", "not ", "kabhi", "कभी"),
    "names_the_scam": ("scam", "fraud", "fake", "hoax", "beware", "alert", "cautious", "careful", "aware", "vigilant",
                       "सावधान", "farzi", "farji", "nakli", "dhokha", "फर्जी", "फ़र्ज़ी", "नकली", "धोखा", "फ्रॉड",
                       "धोखाधड़ी"),
    "report_channel": ("1930", "cybercrime", "saathi", "chakshu"),
    "visit_branch": ("branch", "शाखा"),
    "official_app": ("app",),
    "do_not_share": ("share", "disclose", "reveal", "give", "साझा", "शेयर"),
}


def transactional_markers(text: str) -> list[str]:
    """Names of the fixed-format transactional markers found in ``text`` (see ``_TXN_MARKER_RES``)."""
    low = text.lower()
    return [name for name, rx in _TXN_MARKER_RES
            if (hints := _TXN_HINTS.get(name)) is None or any(h in low for h in hints) if rx.search(low)]



def safety_advice_markers(text: str) -> list[str]:
    """Names of the safety-advice markers found in ``text`` (see ``_ADVICE_RES``)."""
    return [name for name, _ in _advice_matches(text)]


def _advice_matches(text: str) -> list[tuple[str, str]]:
    """(marker name, matched text with digit runs masked) of the safety-advice markers in ``text``."""
    low = text.lower()
    out = []
    for name, rx in _ADVICE_RES:
        if any(h in low for h in _ADVICE_HINTS[name]):
            m = rx.search(low)
            if m:
                out.append((name, mask_digits(m.group(0)[:60])))
    return out


_ACTING_CODES = (ACTION_CODES | PRESSURE_CODES | _ASKING_CODES) - {"guided_action"}
# Cue codes that make a message more than advice when they occur outside the advice's own sentences.
_RISKY_FOR_ADVICE = (HOOK_CODES | ACTION_CODES | PRESSURE_CODES | _ASKING_CODES) - {"authority_claim",
                                                                                   "spam_marketing"}
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
    r"\b(?:aise|aisa|aisi|is tarah ke|is tarah ki)\s(?:sms|message|messages|call|calls|msg)\b|जैसे (?:संदेश|मैसेज|कॉल|एसएमएस)")
# What the warning calls the quoted lure: fake, fraud, a scam (English, Hinglish and the Indian scripts).
_WARNED_HINTS = ("fake", "fraud", "scam", "phish", "hoax", "bogus", "farzi", "farji", "farjee", "nakli", "dhokha",
                 "beware", "caution", "warn", "savdhan", "सावधान",
                 "फर्जी", "फ़र्ज़ी", "नकली", "धोखा", "ঠগ", "ভুয়া", "ভুয়ো", "প্রতারণা", "জাল", "மோசடி", "போலி",
                 "మోసం", "నకిలీ", "ವಂಚನೆ", "ನಕಲಿ", "തട്ടിപ്പ്", "വ്യാജ", "फसवणूक", "बनावट", "છેતરપિંડી", "નકલી",
                 "ਧੋਖਾ", "ਜਾਅਲੀ")
_WARNED_RE = re.compile(r"\b(?:fake|fraud\w*|scam\w*|phishing|hoax|bogus|farzi|farji|farjee|nakli|dhokha\w*|beware|"
                        r"cautions?|warned|warns|savdhan)\b|सावधान|"
                        + "|".join(h for h in _WARNED_HINTS if not h.isascii()))
_SENTENCE_END_RE = re.compile(r"[.!?।\n]+(?=\s|$)|[।\n]")


_MAX_WARNED_SPANS = 6
_MAX_HITS_FOR_WARNED = 40
_MAX_WARNED_CHARS = 600


def _sentence_bounds(text: str, ends: list[int], start: int, end: int) -> tuple[int, int, int, int]:
    """(previous sentence start, own sentence start, own sentence end, next sentence end) around ``start..end``;
    ``ends`` are the sentence ends of ``text``."""
    own_start = max((e for e in ends if e <= start), default=0)
    prev_start = max((e for e in ends if e < own_start), default=0)
    own_end = min((e for e in ends if e >= end), default=len(text))
    next_end = min((e for e in ends if e > own_end), default=len(text))
    return prev_start, own_start, own_end, next_end


def _warned_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` (a normalised, lower-case SMS) holding a quoted or reported lure that a warning
    around it calls fake / fraud / a scam (see above). The warning word must lie outside the quote: inside its own
    sentence, the sentence before or the one after."""
    if not any(h in text for h in _WARNED_HINTS):
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
    for i, m in enumerate(_REPORTED_RE.finditer(text)):
        if i >= _MAX_WARNED_SPANS:
            break
        if any(a <= m.start() < b for a, b in spans):
            continue
        _, own_start, own_end, _ = _sentence_bounds(text, ends, m.start(), m.end())
        if _WARNED_RE.search(text[own_start:own_end]):
            spans.append((own_start, own_end))
    return spans


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (offsets kept)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# An ask to answer by reply outside the quoted lure ("... this one is genuine, reply YES to claim").
# ("sending SMS with '...'" describes the scam; "SMS us", "text YES", "reply with" ask)
_REPLY_BACK_RE = re.compile(r"\b(?:reply|respond|revert)\s(?:us\s|me\s|back\s)?(?:with|yes|y|no|n|ok|now|immediately|"
                            r"today|your|to claim|to confirm|to verify|to stop|to avoid)\b|"
                            r"\b(?:sms|text|whatsapp|message|msg)\s(?:us|me|back|yes|y|no|n|ok)\b")


# Genuine KYC / PAN reminders point to the bank's own counter or app ("re-KYC is due, visit your home branch"):
# these reminders are excused by such a pointer, nothing else is (no urgency, no verify, no other lure).
_CHANNEL_MARKERS = frozenset({"visit_branch", "official_app"})
_OWN_CHANNEL_LURE_POINTS = 15
# Lures that genuine organisations' own notices also carry (a KYC reminder, a bill, duty on a parcel, expiring points).
_NOTICE_LURES = frozenset({"kyc_update_lure", "pan_aadhaar_link_lure", "account_block_threat", "fastag_challan_lure",
                           "verification_request", "parcel_customs_lure", "reward_points_lure", "refund_cashback_lure",
                           "utility_disconnection_threat", "spam_marketing", "government_benefit_lure", "loan_lure",
                           "authority_claim"})
# The only lures with which a root link named like the message's opening name ("Boots: ... boots.com") is trusted.
_NAME_ROOT_LURES_OK = frozenset({"spam_marketing", "authority_claim", "reward_points_lure"})
_THREAT_CODES = frozenset({"account_block_threat", "utility_disconnection_threat", "law_enforcement_threat",
                           "sextortion_threat", "contacts_shaming_threat"})
_REMINDER_CODES = frozenset({"kyc_update_lure", "pan_aadhaar_link_lure"})


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
# A negated sentence ("the bank never asks for your OTP", "ओटीपी नहीं मांगता") is advice, not an ask.
_NEGATION_RE = re.compile(r"\b(?:never|not|no|don't|dont|do not|nobody|no one|nahi|nahin|nhi|mat)\b|नहीं|मत|न ")
_SENTENCE_SPLIT_RE = re.compile(r"[.!?।\n]+")


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
# (cheap substring gates: most texts skip each search)
_OWN_ASK_HINTS = {
    "chat_or_agent": ("whats", "telegram", "signal", "imo", "officer", "agent", "executive", "representative",
                      "manager", "team", "desk", "cell", "department"),
    "documents": ("pan", "aadha", "aadhar", "cvv", "card", "photo", "selfie", "password", "otp", "pin", "bank details",
                  "account", "passport", "document", "date of birth", "dob", "expiry"),
    "pay_now": ("pay", "clear", "settle", "recharge", "deposit", "transfer"),
    "threat": ("avoid", "else", "otherwise", "or ", "will ", "shall ", "would "),
}
_REPORT_TO_RE = re.compile(r"\b(?:report\w*|forward (?:it|this|them|such|these|the (?:sms|message|mail|email))|complain\w*|"
                           r"phish\w*|spam|hoax|abuse|fraud\w*|scam\w*)\b")
_OFFICIAL_WAY_RE = re.compile(r"\b(?:in|on|via|through|at)\s(?:the\s|your\s)?(?:official|home|nearest|own)\s"
                              r"(?!(?:[a-z]+\s){0,2}(?:whats\s?app|telegram|signal|instagram|facebook|number|mobile|"
                              r"email|e-mail|mail id|id)\b)")
_SHORT_CODE_TO_RE = re.compile(r"\bto\s\d{4,6}\b(?!\s?\d)")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s[-–—]\s")


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
    for kind, rx in (("chat_or_agent", _OWN_REACH_RE), ("documents", _DOC_SEND_RE), ("pay_now", _PAY_NOW_RE),
                     ("threat", _THREAT_AHEAD_RE)):
        if not any(h in rest for h in _OWN_ASK_HINTS[kind]) or not rx.search(rest):
            continue
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
    from .brands import default_registry

    try:
        return default_registry().is_official(domain) is not None
    except ScamShieldError:
        return False


# Asks to hand a received code over: "reply with the OTP", "send this code back", "forward the code to",
# "read the OTP to our agent", "tell the code"; a negated one ("never share this code") is the template's safety line.
_CODE_READ_BACK_RE = re.compile(r"\b(?:reply|respond|send|sms|text|forward|read|tell|share|give|message)\b"
                                r"(?:\s(?:us|me|back|it))?\s(?:with\s)?(?:the|this|that|your|above|same|received)?"
                                r"\s?(?:otp|code|one[- ]time (?:password|code)|verification code|passcode)\b"
                                r"(?![^.\n]{0,12}\bon (?:your|the) (?:voucher|ticket|coupon)\b)")


_CONDITION_RE = re.compile(r"\b(?:if|in case|unless)\b[^,;:]*[,;:]")


def _code_read_back(low: str) -> str | None:
    """The first non-negated ask to reply with, send, forward or read a received code back (see above)."""
    for part in _SENTENCE_SPLIT_RE.split(low):
        m = _CODE_READ_BACK_RE.search(part)
        # (a negated condition is not a negated ask: "if you did not request this, reply with the OTP" is an ask;
        # "never share, forward or read this OTP" is not)
        if m and not _NEGATION_RE.search(_CONDITION_RE.sub(" ", part[:m.start()])):
            return m.group(0)
    return None


def _number_types(numbers: dict[str, phonenumbers.PhoneNumber]) -> dict[str, int]:
    """E.164 number -> ``phonenumbers.PhoneNumberType`` (from the numbers already parsed)."""
    return {e164: phonenumbers.number_type(num) for e164, num in numbers.items()}


_MOBILE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
# Toll-free (1800) and shared-cost (1860) helplines are what Indian organisations publish.
_HELPLINE_TYPES = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST})
# Only Indian ones: a foreign toll-free number (US 800/833/844/855/866/877/888) is what fake-invoice and
# refund-call scams give ("Not you? Call PayPal support +1 833 ..."), not an Indian brand's published helpline.
_INDIAN_HELPLINE_PREFIXES = ("+911800", "+911860")


# "Reply STOP ALL to +1 415-237-0403", "SMS STOP to 9876543210", "text END to ...": the opt-out line's number.
_OPTOUT_TARGET_RE = re.compile(r"\b(?:reply|txt|text|send|sms)\W{0,2}(?:stop|optout|opt out|unsub\w*)"
                               r"(?:\W{1,2}all)?\W{0,3}(?:to|2)\W{0,3}\+?\d[\d ().-]{5,16}\d")
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


def _mobile_numbers(types: dict[str, int]) -> list[str]:
    """The numbers that are mobile numbers (toll-free 1800 / landlines are what organisations publish)."""
    return [e for e, t in types.items() if t in _MOBILE_TYPES]


def _callable_numbers(types: dict[str, int]) -> list[str]:
    """The numbers that are not toll-free or shared-cost helplines (1800 / 1860 in India): mobiles, landlines and
    non-geographic numbers, the kind a fake alert gives."""
    return [e for e, t in types.items() if not (t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES))]


def _bare_host(ua: Assessment) -> str:
    host = str(ua.extracted.get("host") or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


# The package id of an app published by NIC or a Government of India body (com.nic.*, in.gov.*, nic.*).
_GOV_APP_ID_RE = re.compile(r"^https?://play\.google\.com/store/apps/details\?(?:[^#]*&)?id=(?:com\.nic|in\.gov|"
                            r"in\.nic|nic\.in)\.[a-z0-9_.]+(?:[&#]|$)", re.IGNORECASE)


def _is_official_link(u: str, ua: Assessment) -> bool:
    """The link leads to a page the brand or government body itself published: its official domain (url.py
    ``official_domain``, which url.py already withholds for an account's page on the brand's platform and for an open
    redirect) or a government / academic suffix -- but never a link on a host where anyone can publish (messenger
    chat links, social profiles, videos, app-store listings, site builders, forms, storage, shorteners: url.py
    ``publishing_host``), nor a link whose query forwards to another address (url.py ``link_forwards_elsewhere``)."""
    host = _bare_host(ua)
    if host == "play.google.com" and _GOV_APP_ID_RE.search(u):
        # A government app's store listing (NIC / in.gov.* package ids are published by the Government of India).
        return True
    if publishing_host(host) is not None:
        return False
    if any(s.code == "official_domain" for s in ua.signals):
        return True
    return host.endswith(_OFFICIAL_SUFFIXES) and not link_forwards_elsewhere(u)


# App-attribution deep-link hosts (AppsFlyer, Branch, Firebase, Singular, Adjust): the first label is the app
# owner's account ("swiggy.onelink.me/888", "vi.app.link/rech"). Brands' promotions use them to open their app; the
# account is the brand's only when the registered header says so (used only for registered_brand_shared_link).
_APP_DEEP_LINK_DOMAINS = frozenset({"onelink.me", "app.link", "page.link", "sng.link", "adj.st"})


def _is_user_content_link(ua: Assessment) -> bool:
    """A page some account made on a social, video, form, app-store, site-builder, storage, shortener or messenger
    host (the url_lists.json host lists, through url.py ``publishing_host``)."""
    return publishing_host(_bare_host(ua)) is not None


# The lead-in of an opt-out instruction ("To unsubscribe", "To opt out,", "To stop promotional SMS,").
_OPTOUT_LEAD_RE = re.compile(r"\bto\W{0,2}(?:unsub\w*|opt\W?out|stop (?:promotional |promo |marketing |these |our )?"
                             r"(?:sms|msgs?|messages|offers))\b")
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
_NEG_BEFORE_RE = re.compile(r"\b(?:not|never|don't|dont|no need to|nobody|no one|mat|nahi|na)\b[^,;:]*$")
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
# A short-code match whose keyword is the opt-out word: "Txt STOP to 60777", "reply STOP ALL to 56161".
_STOP_SHORTCODE_RE = re.compile(r"(?:txt|text|send|reply|sms|rply)\W{0,3}(?:stop(?:\W{1,3}[a-z0-9]{2,8})?|"
                                r"unsub\w*|optout|opt\W?out|end)\W{0,3}(?:to|2)\W", re.IGNORECASE)
# What follows the number in an opt-out line: "... to opt out", "to unsubscribe", "to stop", "to end".
_OPTOUT_TAIL_RE = re.compile(r"\W{0,3}(?:to|2)\W{0,2}(?:opt\W?out|unsub\w*|stop|end|cancel|quit)\b")
# A link host's own name (the registered domain's first label) that is the DLT header's name: "dominos.co.in" from
# VM-DOMINO, "tanishq.co.in" from JD-TNSHQ does not (abbreviated headers are left to the brand registry).
_HEADER_NAME_RE = re.compile(r"[a-z0-9]{3,12}")


_BRAND_HEADER_KEYS_ALL = frozenset(k for keys in BRAND_HEADER_KEYS.values() for k in keys)
# The same keys as app-link account labels ("vi" of vi.app.link is Vodafone Idea's header key VI).
_BRAND_LABEL_KEYS = frozenset(k.lower() for k in _BRAND_HEADER_KEYS_ALL)
# What Indian banks, billers and services put after their name in a six-letter DLT header (HDFC+BK, SBI+INB,
# PNB+SMS, BOB+TXN, ICICI+T, LIC+IND, JIO+INF, IDFC+FB, EPFO+HO...) and before it (CBS+SBI, CPC+ITD). A header
# that merely contains a brand key (VK-CLICKS has LIC, VM-POSTIN has POST, AD-YESWIN has YES, VK-SBIXYZ) is not
# the brand's.
_HEADER_SUFFIXES = frozenset({
    "", "B", "BK", "BNK", "BANK", "BN", "BH", "FB", "G", "S", "T", "I", "IN", "INB", "IND", "INF", "INFO", "HO",
    "LI", "LF", "OTP", "SMS", "TXN", "TX", "UP", "UPI", "EFL", "NK", "CRD", "CARD", "CC", "CARE", "ALRT", "ALERT",
    "PAY", "MF", "NB", "NET", "SEC", "CR", "DC", "TD", "IT", "OFR", "OFFR", "PRM", "CL", "LN", "LOAN", "HL", "GI",
})
_HEADER_PREFIXES = frozenset({"CBS", "CPC", "IN"})


def header_matches_keys(header: str, keys: Iterable[str]) -> bool:
    """The DLT header is one of a brand's registered headers: a key alone, or a key with a usual service suffix
    (``_HEADER_SUFFIXES``) or prefix (``_HEADER_PREFIXES``)."""
    for k in keys:
        if header.startswith(k) and header[len(k):] in _HEADER_SUFFIXES:
            return True
        if header.endswith(k) and header[:len(header) - len(k)] in _HEADER_PREFIXES:
            return True
    return False


def _brand_header(header: str) -> bool:
    """The DLT header is a known brand's registered header (VIINFO, HDFCBK, AMAZON, SBIINB...)."""
    return header_matches_keys(header, _BRAND_HEADER_KEYS_ALL)


def _trust_header_links(details: list[dict[str, Any]], header: str) -> None:
    """Mark as official a link to the site of the registered (TRAI DLT) header that sent the message: the
    registered domain's name equals the header's name (or the header is its first six letters: DOMINO ->
    dominos.co.in). Only links the URL analyser found nothing wrong with (score below 20); never a host where anyone
    can publish (those are never ``registered_domain`` matches of a brand's name here: the URL analyser scores them)."""
    key = header.lower()
    if len(key) < 4:
        return
    for d in details:
        if d["official"] or d["risk_score"] >= 20:
            continue
        name = str(d["registered_domain"] or "").split(".", 1)[0]
        if not _HEADER_NAME_RE.fullmatch(name):
            continue
        if name == key or (len(key) == 6 and name.startswith(key) and len(name) <= 8):
            d["official"] = True
            d["official_by"] = "sender_header"


def _named_as_header(detail: dict[str, Any], header: str) -> bool:
    """The link's registered domain is named exactly as the registered (DLT) header that sent it (hdfcbk.io from
    HDFCBK)."""
    return str(detail.get("registered_domain") or "").split(".", 1)[0] == header.lower() and len(header) >= 5


def _trust_header_app_links(details: list[dict[str, Any]], header: str) -> bool:
    """Mark as official an app deep link (``_APP_DEEP_LINK_DOMAINS``) whose account label is the brand whose
    registered (TRAI DLT) header sent the message: "swiggy.onelink.me/Ab1" from AD-SWIGGY, "airtel.onelink.me" from
    VM-AIRTEL. The URL analyser reads the brand in a shared host's subdomain as impersonation, which it is from
    anyone else (and from this header with a lure: the caller only calls this for a message with no lure). Only a
    brand's registered header form counts (``header_matches_keys``), never a header that merely contains its name.
    Returns whether any link was marked."""
    marked = False
    for d in details:
        if d["official"] or not d["deep_link"]:
            continue
        host = str(d.get("host") or "")
        label = host.split(".", 1)[0] if host.count(".") >= 2 else ""
        if not label:
            continue
        for brand, keys in BRAND_HEADER_KEYS.items():
            if label in {brand.replace(" ", ""), *(k.lower() for k in keys)} and header_matches_keys(header, keys):
                d["official"] = True
                d["official_by"] = "sender_header_app_link"
                marked = True
                break
    return marked


# A message that opens with its sender's name ("Boots: ...", "Tesco Clubcard: ...") and a link to that name's own
# root site ("boots.com", "www.tesco.com/"): the common commercial suffixes only (not a new gTLD anyone can take).
_NAME_PREFIX_RE = re.compile(r"^\W{0,3}([A-Z][A-Za-z0-9&'. ]{2,24}?)\s?:\s")
_NAME_ROOT_SUFFIXES = frozenset({"com", "co.uk", "com.au", "com.sg", "com.my", "co.nz", "ie", "ca", "com.ph", "ae",
                                 "co.za", "co.ke", "com.ng", "in", "co.in"})
_LURE_NAME_PARTS = ("kyc", "parcel", "reward", "point", "toll", "refund", "bank", "pay", "verif", "secur", "support",
                    "help", "care", "updat", "deliver", "post", "track", "claim", "prize", "gift", "bonus", "loan",
                    "cash", "earn", "profit", "crypto", "coin", "invest", "trade", "job", "task", "tax", "fine",
                    "challan", "police", "gov", "official", "servic", "custom", "account", "wallet", "alert", "notice",
                    "info", "center", "centre", "desk", "portal", "online", "web", "app", "login", "secure", "redeem",
                    "offer", "lucky", "win", "fastag", "ship", "courier", "express", "logistic", "fee", "due", "bill")
_ROOT_URL_RE = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9.-]+/?$", re.IGNORECASE)


def _trust_named_root_links(details: list[dict[str, Any]], head: str) -> None:
    """Mark as official a bare root link ("boots.com") whose name is the name the message opens with ("Boots:"), in
    a common commercial suffix, that the URL analyser found nothing wrong with (batch j): a look-alike must change
    the name (boots-rewards.com) or the suffix; a page path on it is not trusted."""
    m = _NAME_PREFIX_RE.match(head)
    if not m:
        return
    words = re.findall(r"[a-z0-9]+", m.group(1).lower())
    keys = {"".join(words), words[0]} if words else set()
    # A name built from lure or service words ("KYCDesk", "ParcelCare", "RewardHub", "TollPay") is what a scammer
    # registers for the occasion: only a plain trading name counts.
    keys = {k for k in keys if len(k) >= 4 and not any(w in k for w in _LURE_NAME_PARTS)}
    for d in details:
        if d["official"] or d["shared"] or d["deep_link"] or d["risk_score"] >= 20:
            continue
        dom = str(d["registered_domain"] or "").lower()
        name, _, suffix = dom.partition(".")
        if name in keys and suffix in _NAME_ROOT_SUFFIXES and _ROOT_URL_RE.match(d["url"]):
            d["official"] = True
            d["official_by"] = "name_prefix_root"


def _trust_named_app_links(details: list[dict[str, Any]], words: Iterable[str]) -> bool:
    """Mark as official an app deep link ("swiggy.onelink.me/888") whose account label is a brand the message names
    ("Order now on Swiggy"), in a message with no lure (the caller checks): the brand's own campaign link, sent
    without its header (batch h/j). Returns whether any link was marked."""
    marked = False
    for d in details:
        if d["official"] or not d["deep_link"]:
            continue
        host = str(d.get("host") or "")
        label = host.split(".", 1)[0] if host.count(".") >= 2 else ""
        # (the brand's name, or one of its header keys the message also names: "Pay on Vi App: vi.app.link/...")
        if label and (label in BRAND_HEADER_KEYS or label in _BRAND_LABEL_KEYS) and label in words:
            d["official"] = True
            d["official_by"] = "named_brand_app_link"
            marked = True
    return marked


def _domain_copies_brand(detail: dict[str, Any], brands: list[str]) -> bool:
    """The link's registered-domain name contains one of the brands' names or header keys (3+ letters)."""
    name = str(detail["registered_domain"] or "").split(".", 1)[0]
    if not name:
        return False
    for b in brands:
        keys = {b.replace(" ", ""), *(k.lower() for k in BRAND_HEADER_KEYS.get(b, ()))}
        if any(len(k) >= 3 and k in name for k in keys):
            return True
    return False


def _link_signals(urls: list[str]) -> tuple[list[Signal], list[dict[str, Any]], list[str]]:
    judged: list[tuple[int, str, Assessment]] = []
    for u in urls[:MAX_LINKS]:
        try:
            ua = analyze_url(u)
        except ScamShieldError:
            continue
        judged.append((ua.risk_score, u, ua))
    details = [{"url": u[:200], "risk_score": sc, "registered_domain": ua.extracted.get("registered_domain"),
                "official": _is_official_link(u, ua), "shared": _is_user_content_link(ua),
                "deep_link": str(ua.extracted.get("registered_domain") or "").lower() in _APP_DEEP_LINK_DOMAINS,
                "host": _bare_host(ua)}
               for sc, u, ua in judged]
    user_pages = [str(ua.extracted.get("host") or "")[:80] for _, _, ua in judged if _is_user_content_link(ua)]
    if not judged:
        return [], details, user_pages
    score, url, ua = max(judged, key=lambda t: t[0])
    # (digit runs masked: a link can carry a phone number, "pmkisan-9876543210.top")
    ev = {"url": mask_digits(url[:200]), "url_score": score,
          "registered_domain": mask_digits(str(ua.extracted.get("registered_domain") or "")) or None,
          "url_signals": [s.code for s in ua.signals if s.weight > 0][:8]}
    ftypes = [s.fraud_type for s in ua.signals if s.weight > 0 and s.fraud_type]
    ftype = ftypes[0] if ftypes else "PHISHING_LINK"
    if score >= 50:
        return [Signal("malicious_link", round(50 + 0.5 * (score - 50), 1), "Contains a link judged dangerous",
                       ev, ftype)], details, user_pages
    if score >= 25:
        return [Signal("suspicious_link", round(0.6 * score, 1), "Contains a suspicious link", ev, ftype)], details, \
            user_pages
    return [], details, user_pages


# What friends share on a storage host: an event's photos / videos, notes, slides.
_ALBUM_RE = re.compile(r"\b(?:photos?|pics?|pictures|album|videos? (?:of|from)|wedding|shaadi|shadi|trip|party|"
                       r"birthday|bday|function|reunion|farewell|notes|slides|assignment|ppt)\b")
_IS_THIS_YOU_RE = re.compile(r"\b(?:is|was) (?:this|that|it) (?:you|u)\b|\blook at (?:you|u|this)\b|\byou in (?:this|"
                             r"the|that) (?:video|photo|pic|clip)\b"
                             # "are these your party photos?", "wedding video of you", "pics of u" (r5 review)
                             r"|\b(?:are|is) (?:these|those|this|that|they|these all) (?:your|ur)\b"
                             r"|\b(?:videos?|photos?|pics?|pictures|clips?|images?) (?:of|with) (?:you|u)\b")
# A sign-in or password ask, a payment or a threat beside an album link is the phish or the extortion, not the album
# (r5 review: "sign in with gmail to view", "enter your email and password", "pay 5000 or I post them").
_ALBUM_BLOCK_RE = re.compile(r"\b(?:password|passwd|sign ?in|log ?in|login|e-?mail|gmail id|otp|pin|verify|"
                             r"pay|payment|paid|send (?:me )?(?:rs|inr|₹|\d)|rs\.?\s?\d|₹|inr\s?\d|\d{3,}\s?(?:rs|rupees)|"
                             r"or (?:i|we)(?:'ll| will| shall)? (?:post|share|upload|leak|send|viral)|viral)\b")
# A payment told as done ("Priya's share is 6,400, she paid already"): not an ask to pay (batch q).
_PAID_REPORT_RE = re.compile(r"\b(?:i|we|he|she|they|has|have|had|already)\s(?:already\s)?paid\b(?:\salready)?")
_MISSENT_RE = re.compile(r"\b(?:i |it )?(?:meant|was meant|supposed) (?:to (?:text|send|message|msg|go to|reach)"
                         r" |for )(?:my|his|her|our)\b")
_STATEMENT_RE = re.compile(r"\b(?:e-?statements?|estatements?|(?:account|bank|card|credit card|loan|mutual fund|demat)"
                           r" statements?|statements? of (?:account|accounts)|statement (?:is|for))\b")
_SHORTENER_DOMAINS = frozenset({"bit.ly", "bitly.com", "tinyurl.com", "cutt.ly", "is.gd", "rb.gy", "shorturl.at",
                                "t.ly", "ow.ly", "tiny.cc", "rebrand.ly", "v.gd", "shorte.st", "s.id", "t.co"})
_ALBUM_PHOTO_RE = re.compile(r"\b(?:photos?|pics?|pictures|album|videos?|clips?|selfies?)\b")
_ALBUM_SIGNIN_RE = re.compile(r"\b(?:password|passwd|sign ?in|log ?in|login|gmail id|(?:enter|with|give) (?:your )?"
                              r"(?:e-?mail|gmail)|verify (?:your )?(?:account|e-?mail|gmail))\b")
_STORAGE_HOSTS = frozenset({"drive.google.com", "photos.app.goo.gl", "photos.google.com", "docs.google.com",
                            "1drv.ms", "onedrive.live.com", "www.dropbox.com", "dropbox.com", "www.icloud.com",
                            "icloud.com"})
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
_NO_SUCH_AFTER_RE = re.compile(r"\W*(?:\w+\s+)?(?:" + _NO_SUCH_THING_RE.pattern + ")")
_NO_SUCH_LURES = frozenset({"law_enforcement_threat", "authority_claim"})


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


def analyze_sms(message: str, *, sender: str | None = None, device_info: dict | None = None,
                upi_intent: str | None = None) -> Assessment:
    """Judge one SMS / chat message (kind ``"sms"``). Raises ``InvalidInput`` for non-text input."""
    if not isinstance(message, str):
        raise InvalidInput("message must be a string")
    clean = strip_invisible(message, max_chars=MAX_SMS_CHARS)
    if not clean.strip():
        raise InvalidInput("message is empty")
    # Links and UPI ids are looked for in the whole (capped) text; everything else in the first MAX_CUE_CHARS.
    head = clean[:MAX_CUE_CHARS]
    truncated = len(clean) > MAX_CUE_CHARS

    urls = list(dict.fromkeys(extract_urls(clean)))
    upi_ids = extract_upi_ids(clean)
    norm = normalize(head, max_chars=MAX_CUE_CHARS)
    masked = _mask(norm, [*urls[:MAX_URLS_REPORTED], *upi_ids])
    tokens = tokenize(masked, max_tokens=MAX_CUE_TOKENS)
    phone_objs = _phone_objects(head)
    phones = list(phone_objs)

    best: dict[str, Signal] = {}
    matched: dict[str, list[str]] = defaultdict(list)
    claimed: dict[str, None] = {}
    hit_clauses: list[tuple[str, int]] = []  # (code, clause number) of every cue hit
    # (Never with a mobile or foreign number in the message: the awareness line gives 1930 or none.)
    no_such = _NO_SUCH_THING_RE.search(tokens.text) is not None \
        and not any(not (t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES))
                    and (t in _MOBILE_TYPES or not e.startswith("+91"))
                    for e, t in _number_types(phone_objs).items())
    hits = list(SMS_CUES.scan_tokens(tokens))
    # Cue hits inside a quoted or reported lure that the message calls fake / fraud (awareness texts; see
    # ``_warned_spans``): set aside when the message has no channel of its own and asks nothing outside them.
    link_sigs, link_details, user_pages = _link_signals(urls)
    # (an awareness text is short and has few cue hits; a message with dozens is not one, and is not searched)
    # (nor is a long one: awareness texts are short -- r6 review, slow inputs)
    warned = _warned_spans(tokens.text) if 0 < len(hits) <= _MAX_HITS_FOR_WARNED \
        and len(tokens.text) <= _MAX_WARNED_CHARS else []
    own_ask: str | None = None  # what the message asks in its own voice outside the warned lures (``_own_ask``)
    quoted_codes: list[str] = []
    if warned and not upi_ids and all(d["official"] for d in link_details) and len(link_details) == len(urls) \
            and all(t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES)
                    for e, t in _number_types(phone_objs).items()) \
            and not ("apk" in clean.lower() and _APK_RE.search(clean.lower())):
        def _in_warned(h: Any) -> bool:
            a, b = tokens.starts[h.start], tokens.ends[h.end - 1]
            return any(lo <= a and b <= hi for lo, hi in warned)
        inside = [h for h in hits if _in_warned(h)]
        outside = [h for h in hits if not _in_warned(h)]
        rest = _blank_spans(tokens.text, warned)
        reply_back = any(not _NEGATION_RE.search(part[:m.start()])
                         for part in _SENTENCE_SPLIT_RE.split(rest) for m in _REPLY_BACK_RE.finditer(part))
        own_ask = (_own_ask(rest, head) or "") if inside else None  # ("": read, no ask)
        if inside and not reply_back and not _OTHER_CHANNEL_RE.search(rest) and not own_ask \
                and not _lure_outside_advice(tokens, [(h.cue.code, tokens.clauses[h.start]) for h in outside
                                                      if h.cue.code != "brand_claim"],
                                             [n for n, _ in _advice_matches(head)]):
            quoted_codes = sorted({h.cue.code for h in inside if h.cue.code != "brand_claim"})
            hits = outside
    for hit in hits:
        cue = hit.cue
        if cue.code == "brand_claim":
            claimed.setdefault(cue.tag or "*", None)
            continue
        if no_such and cue.code in _NO_SUCH_LURES and hit.end <= len(tokens.words) \
                and _NO_SUCH_AFTER_RE.match(tokens.text, tokens.ends[hit.end - 1]):
            # "डिजिटल अरेस्ट जैसा कुछ नहीं होता" / "there is no such thing as digital arrest" in the Indian
            # languages: the awareness line denies the lure in its own clause (batch k).
            continue
        if cue.code in _LISTED_ASKS and _under_prohibition(tokens, hit.start):
            continue
        if cue.code == "credential_request" and _postal_pin_code(tokens, hit.end):
            continue
        hit_clauses.append((cue.code, tokens.clauses[hit.start]))
        text = mask_digits(hit.text)  # evidence never carries an OTP, PIN, card or phone number
        if text not in matched[cue.code] and len(matched[cue.code]) < 5:
            matched[cue.code].append(text)
        cur = best.get(cue.code)
        if cur is None or cue.weight > cur.weight:
            best[cue.code] = Signal(cue.code, cue.weight, MESSAGES.get(cue.code, cue.code), {}, cue.fraud_type)
    # "GPay kar de 98110...", "paytm me bhej do", "send it on PhonePe": a payment app named as the means of paying
    # between people is not a claim to BE that app (batch j). Only when every mention of the app is such a means
    # and nothing else claims an organisation.
    low_norm = norm.lower()
    if quoted_codes:
        # (the code read-back / forward asks below are read on the text without the warned quotes too)
        low_norm = _blank_spans(low_norm, _warned_spans(low_norm))
    pay_means = _PAY_MEANS_RE.search(low_norm) if claimed else None
    # (Not with a lure, urgency or ask beside it: "I sent 5000 by mistake, please GPay me back" -- r5 review.)
    if pay_means and set(claimed) <= _PAY_APP_TAGS \
            and not (set(best) & (HOOK_CODES | PRESSURE_CODES | _ASKING_CODES) - {"spam_marketing", "authority_claim"}) \
            and len(_PAY_MEANS_RE.findall(low_norm)) >= len(_PAY_APP_RE.findall(low_norm)):
        claimed.clear()
    else:
        pay_means = None
    # "If you did not request this, reply with the OTP to cancel": the ask to send the code back is in a clause of
    # its own; the condition's "not" does not negate it (the cue scan reads the sentence's negation).
    if "credential_request" not in best and (rm := _CODE_REPLY_RE.search(low_norm)) \
            and not _NEG_BEFORE_RE.search(low_norm[max(0, rm.start() - 24):rm.start()]) \
            and (not rm.group(0).endswith("code") or rm.group("v") or _CODE_SENT_RE.match(low_norm, rm.end())
                 or _is_otp_delivery(tokens.words)):
        best["credential_request"] = Signal("credential_request", 40, MESSAGES["credential_request"], {}, "OTP_THEFT")
        matched["credential_request"].append(mask_digits(rm.group(0)))
        hit_clauses.append(("credential_request", 0))
    if "credential_request" not in best and (xm := _SHARE_EXCEPT_RE.search(low_norm)) \
            and not _HANDOVER_WORDS_RE.search(xm.group(0)) and _is_otp_delivery(tokens.words):
        # (50 when that person is to call: the code is to be read out on the call.)
        best["credential_request"] = Signal("credential_request", 50 if _OTHER_CHANNEL_RE.search(low_norm) else 40,
                                            MESSAGES["credential_request"], {}, "OTP_THEFT")
        matched["credential_request"].append(mask_digits(xm.group(0)[:40]))
        hit_clauses.append(("credential_request", 0))
    if "credential_request" not in best and (fm := _CODE_FORWARD_RE.search(low_norm)) \
            and (fm.group("code") or _is_otp_delivery(tokens.words)) \
            and not _NEG_BEFORE_RE.search(re.split(r"[.?!]", low_norm[max(0, fm.start() - 24):fm.start()])[-1]):
        best["credential_request"] = Signal("credential_request", 40, MESSAGES["credential_request"], {}, "OTP_THEFT")
        matched["credential_request"].append(mask_digits(fm.group(0)[:40]))
        hit_clauses.append(("credential_request", 0))
    sender_info = classify_sender(sender)
    # A link to the site named by the registered header counts as official only in a message with no lure: with a
    # KYC / block / refund lure the header's own name is what a look-alike domain copies (AX-HDFCBK + hdfcbk.in).
    if sender_info["type"] == "dlt" and not (set(best) & HOOK_CODES - {"spam_marketing", "authority_claim"}):
        _trust_header_links(link_details, sender_info["header"])
        if _trust_header_app_links(link_details, sender_info["header"]):
            # The brand's own app link no longer counts as the message's riskiest link: judge the rest.
            rest = [u for u in urls[:MAX_LINKS] if not any(d["official"] and d["url"] == u[:200] for d in link_details)]
            link_sigs = _link_signals(rest)[0] if rest else []
    # (Not with a threat, KYC / PAN / verification, bill, parcel or refund lure: "Rajesh: your account is frozen,
    # complete KYC at rajesh.com" names its own domain as cheaply as a shop does -- r5 review. A loyalty-points
    # notice ("Boots: your points are worth £6.40, spend them at boots.com") is what the trust is for.)
    if not (set(best) & HOOK_CODES - _NAME_ROOT_LURES_OK):
        _trust_named_root_links(link_details, head)
    if sender_info["type"] != "dlt" and not (set(best) & HOOK_CODES - {"spam_marketing", "authority_claim"}) \
            and _trust_named_app_links(link_details, set(tokens.words)):
        rest = [u for u in urls[:MAX_LINKS] if not any(d["official"] and d["url"] == u[:200] for d in link_details)]
        link_sigs = _link_signals(rest)[0] if rest else []
    # Links that all lead to an official domain of a known brand or to a government site (.gov.in, .nic.in), or
    # (with its sender id) to the site of the registered DLT header that sent the message.
    official_links = bool(link_details) and all(d["official"] for d in link_details) and len(urls) <= MAX_LINKS
    sc = _SHORTCODE_RE.search(head)
    # "To unsubscribe SMS STOP to 56161" in a promotion whose every link is the brand's own site: the opt-out line
    # Indian aggregators register (TRAI), not a premium-rate short code; it counts with the T&C line.
    if sc and official_links and _OPTOUT_LEAD_RE.search(head[max(0, sc.start() - 30):sc.end()].lower()) \
            and not _SHORTCODE_RE.search(head, sc.end()):
        matched["spam_marketing"].append("stop opt-out line")
        sc = None
    # "Txt STOP to 60777 to opt out", "Reply STOP to 56161 to unsubscribe" (UK / US / AU / IN aggregators' 5-digit
    # opt-out numbers, batch j): the keyword is STOP (or UNSUB / OPTOUT / END) and the line says it ends the
    # messages; with no premium-rate small print ("150p/msg", "£1.50/wk", "18+") and no other "text WORD" ask, it is
    # the opt-out line, not a premium-rate short code (which asks you to text a word to join or claim).
    if sc and _STOP_SHORTCODE_RE.match(sc.group(0)) and not _SHORTCODE_RE.search(head, sc.end()) \
            and not any(rx.search(head) for rx in _SPAM_PRINT_RES):
        low_sc = head.lower()
        window = low_sc[max(0, sc.start() - 30):sc.end() + 30]
        rest = low_sc[:sc.start()] + " " + low_sc[sc.end():]
        if (_OPTOUT_LEAD_RE.search(window) or _OPTOUT_TAIL_RE.match(low_sc[sc.end():])) \
                and not _REPLY_ASK_RE.search(_OPTOUT_LEAD_RE.sub(" ", rest)):
            matched["spam_marketing"].append("stop opt-out line")
            sc = None
    shortcode = sc is not None
    if shortcode:
        matched["spam_marketing"].append("premium short code")
    for rx in _SPAM_PRINT_RES:
        m = rx.search(head)
        if m:
            matched["spam_marketing"].append(mask_digits(m.group(0)[:20]))
    compliance_only = False
    if matched.get("spam_marketing"):
        # Several independent marketing markers are much stronger evidence than one. From a registered Indian
        # DLT header, opt-out / T&C wording is what TRAI requires of promotional senders: a few points only.
        # The opt-out and "T&C apply" lines TRAI requires of every registered promotional sender count once
        # together: on their own they mark a promotion, not premium-rate spam.
        hits = matched["spam_marketing"]
        compliance = [h for h in hits if _COMPLIANCE_RE.match(h)]
        n = len(hits) - len(compliance) + (1 if compliance else 0)
        compliance_only = bool(compliance) and len(compliance) == len(hits)
        # So is the opt-out line alone in a message whose every link is the brand's own site.
        weight = 5 if (sender_info["type"] == "dlt" or (compliance_only and official_links)) and not shortcode \
            else min(50, 15 * n)
        best["spam_marketing"] = Signal("spam_marketing", weight, MESSAGES["spam_marketing"], {}, "SPAM")
    # "Congratulations! Your loan of Rs 2,00,000 is sanctioned": a lender's or issuer's greeting for the customer's
    # own application, not a prize -- when "congratulations" is the only prize wording.
    if "prize_lottery" in best and best["prize_lottery"].weight <= 15 \
            and all(m in _GREETING_WORDS for m in matched["prize_lottery"]) and _OWN_APPLICATION_RE.search(head.lower()):
        del best["prize_lottery"]
    # "Processing fee of Rs 1,999 + GST will be deducted from the disbursal amount", "Processing fee Rs 999 paid": a
    # lender's notice states the fee it deducts or has received; nobody is asked to pay it (no UPI id, no number to call, every link official).
    if "advance_fee_request" in best and (_FEE_DEDUCTED_RE.search(low_norm) or _FEE_PAID_RE.search(low_norm)) \
            and not upi_ids \
            and not _mobile_numbers(_number_types(phone_objs)) and all(d["official"] for d in link_details):
        del best["advance_fee_request"]
    signals = [Signal(s.code, s.weight, s.message, {"matched": matched[s.code]}, s.fraud_type)
               for s in best.values()]

    signals.extend(link_sigs)
    named = [c for c in claimed if c != "*"]
    lures_here = sorted(set(best) & HOOK_CODES - {"spam_marketing", "authority_claim"})
    if named and user_pages and lures_here and not any(s.code == "malicious_link" for s in link_sigs):
        # "SBI: your YONO is suspended, contact our support team at instagram.com/sbi_yono_help": a brand's support,
        # KYC or rewards page is on its own domain; a profile, channel, form or chat link is whoever made it. (A
        # brand's "follow us on Instagram" promotion has no lure and does not get this.)
        signals.append(Signal("brand_claim_user_content_link", 20, "Names a brand and a problem or offer, but links "
                              "to a page anyone can create (social profile, video channel, form, site builder, chat "
                              "invite) instead of the brand's own site",
                              {"claims": named[:5], "lures": lures_here[:5], "hosts": sorted({mask_digits(h) for h in user_pages})[:5]},
                              "PHISHING_LINK"))
    if named and lures_here and not any(s.code == "malicious_link" for s in link_sigs):
        # "HDFC Bank: your KYC has expired, update at hdfcbk.in": a link whose domain is built from the named
        # brand's name or header key but is not the brand's site (nor a page on a shared host) is a look-alike.
        copied = sorted({str(d["registered_domain"]) for d in link_details
                         if not d["official"] and not d["shared"] and _domain_copies_brand(d, named)})
        if copied:
            signals.append(Signal("brand_name_in_unofficial_link", 20, "Names a brand with a lure and links to a "
                                  "domain built from that brand's name which is not the brand's own site",
                                  {"claims": named[:5], "domains": [mask_digits(c) for c in copied[:3]]},
                                  "PHISHING_LINK"))
    low_clean = clean.lower()
    apk = _APK_RE.search(low_clean) if "apk" in low_clean else None
    if apk:
        signals.append(Signal("apk_link", 35, "Links to or names an Android app file (.apk) to install: banks, "
                              "utilities and government departments never send apps by message",
                              {"matched": mask_digits(apk.group(0)[:40])}, "PHISHING_LINK"))

    codes = set(best)
    otp_message = _is_otp_delivery(tokens.words)
    # Numbers other than toll-free / shared-cost helplines (mobiles, landlines, foreign numbers).
    # A number reported as the caller of a missed call ("Missed call alert: 98201 44321 tried to call you 2 times")
    # is not a number the message asks you to call: call-backs are judged on the text without those reports.
    callback_text = head.lower()
    # The number an opt-out line sends STOP to ("Reply STOP ALL to +1 415-237-0403 to unsubscribe") is where a
    # reply goes to end the messages, not a number the message asks you to call (batch i).
    base_objs = phone_objs
    if phone_objs and "stop" in callback_text and _OPTOUT_TARGET_RE.search(callback_text):
        callback_text = _OPTOUT_TARGET_RE.sub(" ", callback_text)
        base_objs = _phone_objects(callback_text)
    optout_text = callback_text
    if base_objs and "call" in callback_text and _CALL_REPORT_RE.search(callback_text):
        callback_text = _CALL_REPORT_RE.sub(" ", callback_text)
        number_types = _number_types(_phone_objects(callback_text))
    else:
        number_types = _number_types(base_objs) if base_objs else {}
    callable_numbers = _callable_numbers(number_types)
    if base_objs and not callable_numbers and number_types != _number_types(base_objs) \
            and _CALL_BACK_ASK_RE.search(callback_text):
        # "Missed call from 98201 44321 ... call back": with no other number given, the reported caller is the
        # number the message asks you to call.
        callback_text = optout_text
        number_types = _number_types(base_objs)
        callable_numbers = _callable_numbers(number_types)
    # An Indian landline given as the branch's or office's own number ("call the branch at 080-2222 3333") in a
    # message whose every link is the brand's official site: what couriers, banks and clinics print; fake helplines
    # are mobiles (RBI, I4C advisories). Never a mobile, a foreign or a non-geographic number (batch i).
    branch_lines = _branch_landlines(callback_text, number_types) if official_links and callable_numbers else set()
    # A brand's promotion: its only lure is marketing wording, every link is the brand's own site, and the only
    # numbers are toll-free helplines. Marketing wording is then not a fraud lure.
    # Only the opt-out / T&C lines matched: a marketing message, not a lure to combine with links or numbers.
    hooks = sorted(codes & HOOK_CODES - ({"spam_marketing"} if compliance_only else set()))
    brand_promo = official_links and not callable_numbers and not shortcode \
        and set(hooks) <= {"spam_marketing", "authority_claim"}
    if brand_promo and "spam_marketing" in best and best["spam_marketing"].weight > 15:
        # A brand's promotion on its own site ("free gift on orders above Rs 1,499. Shop: nykaa.com. To opt out SMS
        # STOP to 56161"): its marketing wording counts as one marker, not as premium-rate spam.
        signals = [Signal(sg.code, 15, sg.message, {**sg.evidence, "brand_promotion": True}, sg.fraud_type)
                   if sg.code == "spam_marketing" else sg for sg in signals]
    strong_hooks = [c for c in hooks if best[c].weight >= 20]
    if hooks and not brand_promo:
        if urls and not official_links:
            signals.append(Signal("lure_with_link", 15, "A lure or threat together with a link",
                                  {"lures": hooks, "links": len(urls)}, "PHISHING_LINK"))
        # (The branch's landline excuses the number only when no threat is pressed with urgency beside it -- r5
        # review: "your account will be blocked today ... call our branch office 080-... immediately".)
        elif (phones and not (official_links and set(callable_numbers) <= branch_lines
                              and not (codes & _THREAT_CODES and codes & PRESSURE_CODES))) or shortcode \
                or "callback_request" in codes:
            signals.append(Signal("lure_with_callback", 15, "A lure or threat together with a number to call",
                                  {"lures": hooks, "phone_numbers": len(phones)}, None))
        if upi_ids:
            signals.append(Signal("lure_with_upi_id", 10, "A lure together with a UPI id to pay",
                                  {"lures": hooks, "upi_ids": [mask_digits(v) for v in upi_ids[:3]]}, "PAYMENT_FRAUD"))
        money = _MONEY_RE.search(head) if codes & {"prize_lottery", "refund_cashback_lure", "job_task_lure",
                                                  "investment_lure", "family_emergency", "wrong_transfer_return",
                                                  "sextortion_threat", "money_mule_request", "loan_lure",
                                                  "advance_fee_request", "forces_trade_story"} else None
        if not money and codes & {"wrong_transfer_return", "family_emergency", "money_mule_request"}:
            # "galti se 5000 transfer ho gaya", "maine 3000 bhej diye", "I sent 2500 by mistake": a bare figure next
            # to a transfer word is the amount in chat-style asks (no "Rs" in them).
            money = _BARE_AMOUNT_RE.search(low_clean)
        if money:
            signals.append(Signal("lure_with_amount", 15, "A prize, refund, earnings promise or money demand with "
                                  "a money amount", {"amount": mask_digits(money.group(0)[:32])}, None))
        if codes & PRESSURE_CODES:
            signals.append(Signal("lure_with_pressure", 10, "A lure or threat with urgency or secrecy",
                                  {"lures": hooks, "pressure": sorted(codes & PRESSURE_CODES)}, None))
        # "Hi Mum, new number, my phone broke -- can you transfer Rs 8,000?" (the "Hi Mum" scam): a new number or
        # lost phone together with a money request.
        if "family_emergency" in codes and _MONEY_ASK_RE.search(low_clean):
            # The identity change itself ("this is my new number", "my phone broke", "naya number") with the money
            # ask is the whole scam; an emergency story alone ("Maa hospital ka bill aa gaya, 5000 bhej do") is what
            # genuine family chat says too and stays a hint.
            # Settling up a shared expense without hurry or a payee of its own ("new number, send me the 500 for
            # dinner when you can") is how real people change numbers too: a hint only.
            new_identity = any(_NEW_IDENTITY_RE.search(m) for m in matched["family_emergency"]) \
                or bool(_LOST_PHONE_RE.search(low_clean)) or bool(_NEW_NUMBER_RE.search(low_clean))
            pressure = bool(codes & PRESSURE_CODES) or bool(_FAMILY_PRESSURE_RE.search(low_clean))
            payee = bool(upi_ids) or bool(_PAYEE_RE.search(low_clean))
            settling_up = bool(_SETTLING_UP_RE.search(low_clean))
            signals.append(Signal("new_number_money_request", 40 if new_identity and (pressure or payee or not settling_up)
                                  else 20,
                                  "Says it is a relative on a new number or a borrowed phone and asks for money: "
                                  "call the person on the number you know",
                                  {"lures": ["family_emergency"], "asks_for": "money", "new_number_claim": new_identity,
                                   "pressure": pressure, "own_payee": payee,
                                   "settling_up": settling_up}, "FAMILY_EMERGENCY"))
        # "Hi Mum, my phone broke, this is my temporary number ... text me back on WhatsApp, need a favour": the first
        # message of the scam, before a sum is named -- a new-number / lost-phone claim with an ask for a favour or
        # help (batch q). A new number alone ("save this one") or an emergency report asks for nothing.
        elif "family_emergency" in codes and _FAVOUR_ASK_RE.search(low_clean) and sender_info["type"] != "dlt" \
                and (any(_NEW_IDENTITY_RE.search(m) for m in matched["family_emergency"])
                     or _LOST_PHONE_RE.search(low_clean) or _NEW_NUMBER_RE.search(low_clean)):
            chat_move = bool(_CHAT_MOVE_RE.search(low_clean) or _CHAT_BACK_RE.search(low_clean))
            # A friend who asks to be called ("need your help with the playlist, call me when free") offers the
            # voice the scam avoids: without a money, code or chat-app ask that is a hint only (r6 review).
            call_me = not chat_move and bool(_CALL_ME_RE.search(low_clean)) \
                and not _FAVOUR_MONEY_RE.search(low_clean) and not (codes & _ASKING_CODES)
            signals.append(Signal("new_number_favour_ask", 40 if chat_move else 10 if call_me else 25,
                                  "Says it is a relative on a new number or a broken / "
                                  "borrowed phone and asks for a favour (the 'Hi Mum' scam's first message, before "
                                  "the money ask): call the person on the number you know",
                                  {"matched": mask_digits(_FAVOUR_ASK_RE.search(low_clean).group(0)[:30]),
                                   "moves_chat": chat_move, "asks_to_be_called": call_me},
                                  "FAMILY_EMERGENCY"))
        # "Sent by mistake, please return it -- I have sent you a request": the request is a collect request
        # (NPCI advisory); accepting it with the UPI PIN pays the fraudster.
        if "wrong_transfer_return" in codes and _REQUEST_RE.search(low_clean):
            signals.append(Signal("wrong_transfer_with_request", 20, "Asks to return money 'sent by mistake' and "
                                  "mentions a payment request: accepting a collect request with your UPI PIN pays "
                                  "the sender, it never returns money",
                                  {"lures": ["wrong_transfer_return"], "mentions": "payment request"},
                                  "UPI_COLLECT_LURE"))
        # A bank credit alert ("Rs 10,000 credited to your A/c XX1234 ... Avl Bal") that asks for the money back:
        # banks' alerts never ask that; the fake-credit SMS does, before a collect request or a call (NPCI, I4C:
        # check the balance in your bank's app). Batch i.
        if "wrong_transfer_return" in codes:
            alert = set(transactional_markers(head))
            if "debit_credit" in alert and alert & {"masked_account", "available_balance", "reference"}:
                signals.append(Signal("credit_alert_return_request", 15, "Reads like a bank's credit alert but asks "
                                      "for money 'sent by mistake' back: banks' alerts never ask that (check the "
                                      "balance in your bank's app; fake-credit SMS come before a collect request)",
                                      {"markers": sorted(alert & {"debit_credit", "masked_account",
                                                                  "available_balance", "reference"})},
                                      "PAYMENT_FRAUD"))
        # A stranger's "wrong number" opener that turns to trading or crypto: the pig-butchering approach (FBI IC3,
        # FTC, I4C advisories).
        # Only with a move to another channel (a link, an app, Telegram / WhatsApp, "reply"): a real wrong-number
        # text or an old acquaintance who mentions trading asks for nothing.
        if "wrong_number_opener" in codes and "investment_lure" in codes \
                and (urls or codes & {"app_install_request", "link_click_request", "callback_request"}
                     or _CONTACT_MOVE_RE.search(low_clean)):
            signals.append(Signal("stranger_investment_pitch", 20, "A stranger who got your number 'by mistake' "
                                  "brings up trading, crypto or investing (how pig-butchering scams begin)",
                                  {"lures": ["wrong_number_opener", "investment_lure"]}, "INVESTMENT_SCAM"))
        has_action = bool(urls or phones or upi_ids or (codes & ACTION_CODES) - {"guided_action"})
        if len(strong_hooks) >= 2 and has_action:
            signals.append(Signal("lure_with_action", 10, "Several lures together with a call to action",
                                  {"lures": strong_hooks}, None))

    # A government scheme or benefit with a link that is not a government or official site: schemes are applied
    # for on .gov.in / .nic.in portals, in official apps or at a CSC (PIB fact checks of fake "yojana" sites).
    if urls and not official_links and not any(d["official"] for d in link_details) \
            and (gov := _GOV_SCHEME_RE.search(low_clean)):
        signals.append(Signal("scheme_with_unofficial_link", 20, "Names a government scheme or benefit but links to "
                              "a site that is not a government or official one (schemes are applied for on .gov.in "
                              "portals, official apps or a Common Service Centre)",
                              {"scheme": gov.group(0)[:30], "links": len(urls)}, "GOVERNMENT_IMPERSONATION"))
        codes.add("scheme_with_unofficial_link")

    job_fee = _JOB_FEE_RE.search(low_clean) if "fee" in low_clean or "charge" in low_clean or "deposit" in low_clean \
        or "amount" in low_clean or "money" in low_clean else None
    if job_fee and _JOB_CONTEXT_RE.search(low_clean) and _MONEY_RE.search(head) \
            and not (official_links and not callable_numbers and not upi_ids):
        # With a way to pay it (UPI id, a link that is not official, a number to call) the ask is complete.
        pay_channel = bool(upi_ids or callable_numbers or (urls and not official_links))
        signals.append(Signal("recruitment_fee_request", 50 if pay_channel else 25, "A job offer or selection that "
                              "asks for a fee or deposit (registration, joining, verification, security): employers "
                              "and recruitment boards do not charge to hire",
                              {"matched": mask_digits(job_fee.group(0)[:40]), "payment_channel": pay_channel},
                              "JOB_TASK_SCAM"))
        codes.add("recruitment_fee_request")

    # A loan "approved / sanctioned" whose fee (processing, file, insurance, GST...) is to be paid to a UPI id, a
    # personal or foreign number or a link that is not the lender's site: the advance-fee loan scam (RBI, I4C
    # advisories: regulated lenders deduct charges from the disbursal or bill them in their own app, never ask for a
    # transfer to a person first). A sanction letter that deducts the fee, or says it was paid, has no such ask.
    loan_fee = _LOAN_FEE_RE.search(low_clean) if ("loan" in low_clean or "लोन" in low_clean or "ऋण" in low_clean) \
        and _LOAN_GRANTED_RE.search(low_clean) else None
    if loan_fee and _LOAN_PAY_RE.search(low_clean) \
            and (upi_ids or callable_numbers or (urls and not official_links)):
        signals.append(Signal("loan_fee_request", 45, "Says a loan is approved and asks for a fee (processing, file, "
                              "insurance, GST) to be paid to a UPI id, a personal number or a link first: lenders "
                              "deduct charges from the loan, they never ask for a transfer before disbursal",
                              {"matched": mask_digits(loan_fee.group(0)[:40]),
                               "channel": "upi_id" if upi_ids else "phone" if callable_numbers else "link"},
                              "LOAN_APP_SCAM"))
        codes.add("loan_fee_request")

    # An organisation's message that asks to call a personal mobile number: Indian banks, utilities and
    # couriers publish toll-free (1800/1860) or landline helplines, and block-by-SMS numbers ("SMS BLOCK to ...")
    # are not call-backs. Fake "customer care" / "officer" numbers are mobiles (RBI, I4C advisories).
    mobiles = _mobile_numbers(number_types) if claimed and "callback_request" in codes else []
    named_brand = any(c != "*" for c in claimed)
    if mobiles and not (len(mobiles) == 1 and _SMS_TO_NUMBER_RE.search(callback_text)):
        # Called the brand's "customer care" / "helpline" / "care executive": the fake customer-care number (RBI
        # and I4C advisories: search-engine and SMS 'helplines' that are mobiles) -- a named brand's own helpline
        # is never a personal mobile.
        care = _HELPLINE_WORDS_RE.search(callback_text) if named_brand else None
        signals.append(Signal("org_callback_to_mobile", 35 if care else 20, "Claims to be an organisation but asks "
                              "you to call or message a personal mobile number (official helplines are toll-free or "
                              "landlines)",
                              {"claims": list(claimed)[:5], "mobile_numbers": len(mobiles),
                               "helpline_wording": care.group(0) if care else None},
                              "BANK_KYC_IMPERSONATION" if any(c != "*" for c in claimed) else None))
        codes.add("org_callback_to_mobile")

    # A transaction / account alert that gives a personal mobile number to call: the fake-alert pattern ("Rs 45,000
    # charged on your card, if not you call 98..."). Block-by-SMS numbers do not count.
    low_head = head.lower()
    all_mobiles = _mobile_numbers(number_types)
    mobile_callback = bool(all_mobiles) and bool(_MOBILE_CALLBACK_RE.search(callback_text)) \
        and not (len(all_mobiles) == 1 and _SMS_TO_NUMBER_RE.search(callback_text))
    # (With the brand's call-back already counted, only when the alert also disputes the charge: "If not done by
    # you, call back" on a charge is the whole fake-alert script.)
    if mobile_callback and _ALERT_EVENT_RE.search(low_head) \
            and ("org_callback_to_mobile" not in codes or _DISPUTE_RE.search(low_head)):
        signals.append(Signal("alert_with_mobile_callback", 30, "A transaction or account alert that asks you to call "
                              "or message a personal mobile number (banks and card issuers give toll-free or "
                              "published helplines; fake alerts give the fraudster's mobile)",
                              {"mobile_numbers": len(all_mobiles)}, "BANK_KYC_IMPERSONATION"))
        codes.add("alert_with_mobile_callback")

    # A one-time code delivered together with a way to hand it to someone: a personal mobile number to call ("Your
    # code is 4409... If you did not request it call 98765... now") or an ask to reply with / send / forward / read
    # the code back ("reply with the OTP to cancel"). Genuine OTP templates give no personal number and only ever
    # say never to share the code; the call or the read-back is how the fraudster gets it (r5 / batch i, j review).
    if otp_message and _CODE_DELIVERY_RE.search(low_head):
        code_callback = bool(all_mobiles) and bool(_MOBILE_CALLBACK_RE.search(callback_text)) \
            and not (len(all_mobiles) == 1 and _SMS_TO_NUMBER_RE.search(callback_text))
        read_back = _code_read_back(low_head)
        if code_callback or read_back:
            signals.append(Signal("code_handover_ask", 20 if "credential_request" in codes and not code_callback
                                  else 50, "Delivers a one-time code and asks you to call a personal mobile number "
                                  "or to send, reply with or read the code back (banks' and apps' OTP messages only "
                                  "ever say never to share it)",
                                  {"mobile_callback": code_callback,
                                   "read_back": mask_digits(read_back)[:40] if read_back else None},
                                  "OTP_THEFT"))
            codes.add("code_handover_ask")

    # An account statement or e-statement "available" behind a URL shortener, from anyone but the brand's own
    # registered header: banks deliver statements by e-mail or on their own site / app, and a shortened link hides
    # where the "statement" leads (the r2 review's e-statement phish on a look-alike header).
    if _STATEMENT_RE.search(low_head) and not (dlt_brand := sender_info["type"] == "dlt"
                                               and _brand_header(sender_info["header"])) \
            and any(str(d["registered_domain"] or "").lower() in _SHORTENER_DOMAINS for d in link_details):
        signals.append(Signal("statement_on_shortener", 25, "Offers an account statement behind a URL shortener, "
                              "not from the bank's own registered sender: banks deliver statements by e-mail or in "
                              "their own app or site", {"links": len(urls)}, "PHISHING_LINK"))
        codes.add("statement_on_shortener")

    # A charge, renewal or invoice of an amount with a foreign number to call about it ("Your Norton subscription renewed for USD
    # 399.99, if you did not authorize this call +1 888 ..."): the fake-invoice / refund call-back scam (FTC, I4C).
    # Indian brands give 1800/1860 helplines; foreign banks' genuine alerts say "call the number on your card".
    foreign_callables = [e for e in callable_numbers if not e.startswith("+91")]
    # (An amount, or -- for a withdrawal of crypto or a sign-in, which carry none -- the "not you? call" dispute line.)
    dispute = _DISPUTE_RE.search(low_head) if foreign_callables else None
    if foreign_callables and "alert_with_mobile_callback" not in codes and _CALL_WORD_RE.search(low_head) \
            and ((_CHARGE_EVENT_RE.search(low_head) and (_MONEY_RE.search(head) or dispute))
                 or (dispute and _ACCOUNT_EVENT_RE.search(low_head))):
        signals.append(Signal("charge_with_foreign_callback", 45 if dispute else 30, "A charge, renewal or invoice "
                              "with a foreign number to call to cancel or dispute it (fake-invoice refund scams give "
                              "their own number; check the charge in the official app or on your statement)",
                              {"foreign_numbers": len(foreign_callables),
                               "dispute_wording": dispute.group(0)[:40] if dispute else None}, "TECH_SUPPORT"))
        codes.add("charge_with_foreign_callback")
        # A crypto withdrawal / sign-in "not you? call support at +1 ...": exchanges do not take disputes by phone
        # (FTC advisories; batch q).
        if dispute and (cr := _CRYPTO_RE.search(low_head)) and _ACCOUNT_EVENT_RE.search(low_head):
            signals.append(Signal("crypto_account_callback", 15, "A crypto withdrawal or sign-in alert with a phone "
                                  "number to dispute it: exchanges do not take disputes by phone",
                                  {"matched": cr.group(0)[:20]}, "TECH_SUPPORT"))

    # A bank or card alert -- an amount charged, declined or attempted, and a "was this you? / if not you" line --
    # sent from a personal mobile number: banks send alerts from registered headers, short codes or their own
    # names, never from a mobile; the fake alert's "reply NO and our fraud team will call you" is the lead-in to a
    # safe-account call (batch p; UK Finance / I4C advisories).
    if sender_info["type"] == "phone" and sender_info.get("mobile") and _ALERT_EVENT_RE.search(low_head) \
            and _MONEY_RE.search(head) and (nm := _NOT_YOU_RE.search(low_head) or _DISPUTE_RE.search(low_head)):
        signals.append(Signal("alert_from_mobile_sender", 30, "A bank or card alert with a 'was this you? / if not "
                              "you' line sent from a personal mobile number: banks never send alerts from one",
                              {"matched": nm.group(0)[:30], "country_code": sender_info.get("country_code")},
                              "BANK_KYC_IMPERSONATION"))
        codes.add("alert_from_mobile_sender")

    # Fixed-format transactional / service notice with nothing risky in it: offsets the learned model, which
    # learned "Rs", numbers and links as spam from UK/US data and over-scores Indian bank and biller templates.
    risky_link = any(s.code in ("malicious_link", "suspicious_link") for s in link_sigs)
    dlt = sender_info["type"] == "dlt"
    # Nothing in the message leads anywhere risky: no risky link or APK, no personal mobile number to call back.
    # A foreign number (other than an Indian toll-free helpline) is what fake invoices and refund scams give
    # ("Not you? Call PayPal support +1 833 ..."); Indian banks', billers' and merchants' templates never do.
    foreign_number = any(not e.startswith("+91") for e in callable_numbers)
    quiet = not risky_link and not apk and not mobile_callback and "org_callback_to_mobile" not in codes \
        and not foreign_number and "alert_from_mobile_sender" not in codes
    model_contexts: list[str] = []  # caps on the learned model's points (``signal.caps`` in the artefact)
    # Marketing wording is not a fraud lure when a registered (DLT) business sender uses it.
    lure_codes = set(hooks) - ({"authority_claim", "spam_marketing"} if dlt or brand_promo else {"authority_claim"})
    if not lure_codes and quiet and ("link_click_request" not in codes or official_links):
        markers = transactional_markers(head)
        if phones and all(t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES)
                          for e, t in _number_types(phone_objs).items()):
            markers.append("tollfree_helpline_only")
        elif base_objs and not number_types:
            # Every number is the reported caller of a missed call and nothing asks to call it back.
            markers.append("caller_reported_only")
        if otp_message:
            markers.append("otp_delivery")
            # The code's own "do not share it / we never ask for it" line: the fixed shape of an OTP template
            # (the message is already quiet: no lure, risky link, call-back number or foreign number).
            # Not while the device is at risk (screen shared, remote-access app, new SIM): the code is then what the
            # fraudster is watching for, and the device signals must not be offset.
            device_risk = any(sg.weight > 0 for sg in device_signals(device_info, context="sms",
                                                                     otp_message=otp_message))
            # Not with an ask (the code sent back or on to a number) or a mobile number anywhere (r5 review).
            if not device_risk and _CODE_DELIVERY_RE.search(low_head) and _OTP_SAFETY_RE.search(low_head) \
                    and not _OTHER_CHANNEL_RE.search(low_head) and not (codes & _ASKING_CODES) \
                    and not _mobile_numbers(number_types):
                markers.append("otp_safety_line")
        if official_links:
            markers.append("official_links_only")
        if len(markers) >= 2 or (markers and dlt):
            signals.append(Signal("transactional_notice", -20, "Reads like a fixed-format transactional or service "
                                  "notice (masked account, reference number, due date, delivery status, official "
                                  "link) with no lure, risky link or personal call-back number",
                                  {"markers": markers[:6]}, None))
            model_contexts.append("transactional")
        elif official_links and not callable_numbers:
            # A promotion or notice whose every link is the brand's own site (or a government site), and no
            # number to call other than a toll-free / shared-cost helpline.
            signals.append(Signal("official_links_no_lure", -10, "Every link leads to an official site of a known "
                                  "brand or to a government site, and there is no lure, risky link or personal "
                                  "call-back number", {"links": len(urls), "domains": sorted({
                                      mask_digits(str(d["registered_domain"])) for d in link_details})[:5]}, None))
            model_contexts.append("official_link")
        elif dlt:
            # TRAI DLT: headers are registered to a business and every template is pre-approved; with no lure,
            # risky link or personal call-back the text is an ordinary promotion or service message.
            signals.append(Signal("registered_sender_no_lure", -15, "Sent from a registered business header (TRAI "
                                  "DLT) and contains no lure, risky link or personal call-back number",
                                  {"header": sender_info["header"]}, None))
        elif not callable_numbers and (((not urls or official_links) and (optout := _OPTOUT_RE.search(low_head)))
                                       or (compliance_only and (optout := _ctia_stop_only(low_head, official_links)))):
            # TRAI requires every registered promotional sender to carry an opt-out line ("To opt out SMS STOP to
            # 1909 / 5676766"); premium-rate opt-outs go to 5-digit short codes, which do not count here.
            signals.append(Signal("registered_promotion", -10, "Carries the opt-out line registered senders must "
                                  "include (TRAI; US/UK carrier rules), and has no lure, unofficial link or personal "
                                  "call-back number", {"marker": "opt-out line (SMS STOP to a 4- or 7-10-digit number, "
                                                                 "or 'reply STOP' alone)",
                                                       "matched": mask_digits(optout.group(0)[:60])}, None))
            model_contexts.append("promotion")
    # A brand's own registered header (TRAI DLT: a header of a known brand, e.g. VK-VIINFO) with no lure, whose only
    # risky-looking links are on a shortener or deep-link host ("vi.app.link/rech", "bit.ly/..."): since TRAI's
    # direction of Aug 2024 (in force Oct 2024) a registered sender's message carrying a URL that the sender has not
    # whitelisted on the DLT platform is not delivered, so those hosts say little here. The link's points are
    # offset and the model is capped as for a promotion. Not with any lure, ask, UPI id, app, call-back number, or
    # a link the URL analyser judges dangerous (a look-alike header with a lure stays as it was). The brand's own
    # short domain named exactly as its header ("hdfcbk.io" from VM-HDFCBK) counts too: from anyone else, or with a
    # lure, a domain named after the header is the imitation the URL analyser reads it as (batch p).
    elif not lure_codes and dlt and _brand_header(sender_info["header"]) and risky_link and not apk \
            and not mobile_callback and "org_callback_to_mobile" not in codes and not foreign_number \
            and not upi_ids and not (codes & _ASKING_CODES) \
            and not any(s.code == "malicious_link" for s in link_sigs) \
            and all(d["official"] or d["shared"] or d["deep_link"] or _named_as_header(d, sender_info["header"])
                    for d in link_details) \
            and len(link_details) == len(urls):
        pts = sum(s.weight for s in link_sigs if s.code == "suspicious_link")
        signals.append(Signal("registered_brand_shared_link", -pts, "Sent from a known brand's registered header "
                              "(TRAI DLT) with no lure; its only risky-looking links are on a shortener or deep-link "
                              "host, which registered senders must whitelist (TRAI, 2024)",
                              {"header": sender_info["header"],
                               "hosts": sorted({mask_digits(str(d["registered_domain"])) for d in link_details
                                                if d["shared"] or d["deep_link"]
                                                or _named_as_header(d, sender_info["header"])})[:5]}, None))
        model_contexts.append("promotion")
    # A notice-type lure (KYC, PAN/Aadhaar, block, parcel duty, reward points, refund, bill, challan) whose only
    # channel is the brand's or government's own: every link is official, or there is no link and the message points
    # to the customer's own app or branch; no number to call other than a toll-free helpline, no UPI id, no ask for a
    # credential, payment or secrecy, no urgency ("within 24 hours"); without a link, no "confirm your details"
    # either (confirm how? by reply). Genuine banks, couriers and UIDAI send such notices ("customs duty payable, pay
    # at dhl.com", "update Aadhaar documents on myaadhaar.uidai.gov.in"); a scam needs a channel of its own.
    channel = _advice_matches(head) if lure_codes and not urls else []
    # Another way to reach the reader besides the official one ("reply with your Aadhaar number", "our officer will
    # call you", "keep your OTP ready"): the official pointer is then cover, not the message's only channel.
    other_channel = _other_channel(low_head, otp_message)
    own_channel = (bool(urls) and official_links) or bool(_CHANNEL_MARKERS & {n for n, _ in channel})
    if lure_codes and lure_codes <= _NOTICE_LURES and own_channel and quiet \
            and not (set(callable_numbers) - branch_lines) and not other_channel \
            and not upi_ids and not apk and not (codes & _ASKING_CODES) and not (codes & PRESSURE_CODES) \
            and (urls or "verification_request" not in codes) \
            and not (sender_info["type"] == "phone" and claimed):
        # The notice's lures count at most _OWN_CHANNEL_LURE_POINTS together (at least 15 points off).
        lure_pts = sum(best[c].weight for c in lure_codes if c in best)
        signals.append(Signal("official_channel_only", -max(15, lure_pts - _OWN_CHANNEL_LURE_POINTS),
                              "A notice (KYC, bill, parcel, points, refund) whose only channel is official: every "
                              "link is the brand's or a government site, or it points to your own app or branch; no "
                              "number to call, UPI id or request for a credential or payment",
                              {"lures": sorted(lure_codes)[:6],
                               "channel": "official links" if urls else "own app or branch"}, None))
        # With no link and no number at all the message asks for nothing risky, as safety advice does.
        model_contexts.append("official_link" if urls else "safety_advice")

    # Safety advice (banks, regulators, police awareness SMS) that asks for nothing risky: it names scams, so the
    # threat cues fire on it; the advice and the absence of any risky ask offset them.
    # A money demand or threat with an amount, or a bank's message from a personal number, is never excused.
    # Advice appended to a scam ("... Beware of fraudsters. Report at 1930.") must not excuse it: any number to call
    # other than an Indian toll-free helpline, any link other than a government site, and any lure, threat, ask or
    # pressure outside the advice's own sentences rule the offset out.
    asks = bool(codes & _ASKING_CODES) or ("remote_access_app" in best and best["remote_access_app"].weight >= 50) \
        or any(s.code == "lure_with_amount" for s in signals) or "sextortion_threat" in codes \
        or (sender_info["type"] == "phone" and bool(claimed)) or bool(callable_numbers) or other_channel \
        or bool(own_ask)
    if quiet and not asks and own_ask is None and not upi_ids and not apk and len(tokens.text) <= _MAX_WARNED_CHARS:
        # (the message's own ask in its own voice: read outside the warned lures, as above; advice is short)
        asks = _own_ask(_blank_spans(tokens.text, warned) if warned else tokens.text, head) is not None
    gov_links = all(d["official"] and str(d["registered_domain"] or "").endswith(_OFFICIAL_SUFFIXES)
                    for d in link_details) and len(link_details) == len(urls)
    if quiet and not asks and not upi_ids and not apk and (not urls or gov_links) \
            and "transactional" not in model_contexts:
        advice = _advice_matches(head)
        # The customer's own app or branch alone is a channel, not advice ("Update via YONO app or visit branch").
        if advice and not {n for n, _ in advice} <= _CHANNEL_MARKERS \
                and not _lure_outside_advice(tokens, hit_clauses, [n for n, _ in advice]):
            signals.append(Signal("safety_advice", -25, "Gives safety advice (never share an OTP, names a scam, "
                                  "points to 1930 / cybercrime.gov.in) and asks for nothing risky: no lure outside "
                                  "the advice, no credential, payment, call-back number other than a toll-free "
                                  "helpline, non-government link, UPI id or app",
                                  {"markers": [n for n, _ in advice], "matched": [t for _, t in advice]}, None))
            model_contexts.append("safety_advice")

    # The lure cues set aside above (a quoted or reported lure the message calls fake, with no channel or ask of its
    # own): said here, and the learned model -- which reads the quoted lure's words -- is capped as for advice.
    if quoted_codes:
        signals.append(Signal("quoted_lure_warning", -10, "Quotes or reports a scam message in order to call it fake "
                              "or fraud, and has no link, number, UPI id or ask of its own: the quoted lure is not "
                              "this message's claim", {"quoted_lures": quoted_codes[:8]}, None))
        if "safety_advice" not in model_contexts:
            model_contexts.append("safety_advice")

    # Money between people by a payment app ("Bhai 10k chahiye, GPay kar de 98110..."; "send it on PhonePe"): no
    # lure, threat, ask for a credential, urgency, link, UPI id or call-back -- a friend's ask, which the learned
    # model (trained on brand-naming spam) over-reads. A stranger's new-number, emergency or "wrong transfer" ask
    # carries its own cue and is not offset (batch j).
    if pay_means and not lure_codes and not (codes & (PRESSURE_CODES | _ASKING_CODES | ACTION_CODES)) and quiet \
            and not urls and not upi_ids and sender_info["type"] in ("phone", "none") \
            and not any(s.code in ("new_number_money_request", "org_callback_to_mobile", "loan_fee_request")
                        for s in signals):
        signals.append(Signal("payment_app_between_people", -15, "Names a payment app only as the way to pay a "
                              "person, with no lure, threat, urgency, link, UPI id or credential ask",
                              {"matched": mask_digits(pay_means.group(0)[:30])}, None))

    # A photo album, folder or document shared between friends ("wedding photos ka link drive.google.com/drive/
    # folders/...", "trip pics photos.app.goo.gl/..."): every link is on a storage / photo host, the text names what is
    # shared (photos of an event, notes, slides), and there is no lure, threat, pressure, ask, claim or number; the
    # hosting points of the link are offset. "Is this you in this video?" is the lure, not an album (batch f/j).
    album = _ALBUM_RE.search(low_head) if urls and not codes and not claimed and not upi_ids and not apk \
        and not phones and sender_info["type"] in ("phone", "none") else None
    if album and not _IS_THIS_YOU_RE.search(low_head) and not _ALBUM_BLOCK_RE.search(_PAID_REPORT_RE.sub(" ", masked.lower())) \
            and len(link_details) == len(urls) \
            and all(str(d.get("host") or "").lower() in _STORAGE_HOSTS and "/forms/" not in str(d.get("url") or "")
                    for d in link_details) \
            and not any(sg.code == "malicious_link" for sg in link_sigs):
        pts = sum(sg.weight for sg in link_sigs if sg.code == "suspicious_link")
        if pts:
            signals.append(Signal("shared_album_link", -pts, "Shares photos, a folder or a document on a storage "
                                  "host between people, with no lure, ask, claim, urgency or number",
                                  {"matched": album.group(0)[:30]}, None))

    # The album-shaped phish: a personal sender's (or unknown sender's) photos / video "album" on a storage or forms
    # host that asks to sign in, log in or give an email / password to view it, is a Google Form, or asks "are these
    # your photos?" / "video of you" -- the hook of credential phish and extortion, never how friends share (r5).
    photo = _ALBUM_PHOTO_RE.search(low_head) if urls and sender_info["type"] in ("phone", "none") and not apk \
        and len(link_details) == len(urls) \
        and all(str(d.get("host") or "").lower() in _STORAGE_HOSTS for d in link_details) else None
    if photo:
        form = any("/forms/" in str(d.get("url") or "") for d in link_details)
        hook = _ALBUM_SIGNIN_RE.search(masked.lower()) or _IS_THIS_YOU_RE.search(low_head)
        if form or hook:
            signals.append(Signal("album_link_lure", 35, "Shares a photo or video 'album' on a storage or forms host "
                                  "that asks you to sign in or give your email / password to see it, is a form, or "
                                  "says the photos are of you: the hook of account phish and extortion",
                                  {"matched": photo.group(0)[:20], "form": form,
                                   "hook": hook.group(0)[:30] if hook else None}, "PHISHING_LINK"))
            codes.add("album_link_lure")

    # A real mis-sent text: "Sorry wrong number! I meant to text my sister about ...", "was meant for my cousin":
    # the sender apologises for a message meant for someone they know, and asks, offers and points to nothing (no
    # link, number, UPI id, chat move, investment pitch or ask). The opener's own points stay; the learned model,
    # which has seen wrong-number openers as scams, is offset (r2 review row; issue #5 retrained model).
    if "wrong_number_opener" in codes and _MISSENT_RE.search(low_clean) and not urls and not phones \
            and not _SMALL_TALK_RE.search(low_clean) \
            and not upi_ids and not apk and sender_info["type"] in ("phone", "none") \
            and not _CHAT_MOVE_RE.search(low_clean) and not _CONTACT_MOVE_RE.search(low_clean) \
            and not (codes & (_ASKING_CODES | ACTION_CODES | PRESSURE_CODES)) \
            and not any(sg.code == "stranger_investment_pitch" for sg in signals):
        signals.append(Signal("missent_apology", -15, "Apologises for a text meant for someone the sender knows "
                              "and asks for nothing: no link, number, chat move, payment or credential",
                              {"matched": _MISSENT_RE.search(low_clean).group(0)[:30]}, None))

    # A stranger (a personal number, or no sender) who moves the talk to a chat app or a channel of their own and
    # offers earnings, returns, a loan, a limit or points; or opens "is this Mr Sharma?" and moves to a chat app
    # (batch n). A registered header, an intro alone or an offer alone is not this.
    if sender_info["type"] in ("phone", "none") and not apk and (chat := _CHAT_MOVE_RE.search(low_clean)):
        offer = _EARN_OFFER_RE.search(low_clean)
        intro = _SELF_INTRO_RE.search(low_clean)
        opener = "wrong_number_opener" in codes or _NAMED_OPENER_RE.search(low_clean)
        if offer and (intro or _FIRST_PERSON_RE.search(low_clean)):
            signals.append(Signal("stranger_offer_to_chat", 50 if intro else 40, "A stranger offers earnings, "
                                  "returns, a loan, a limit or points and moves the talk to a chat app or a link, app "
                                  "or QR of their own (how task-job, investment-group and fake banker scams start)",
                                  {"channel": mask_digits(chat.group(0)[:30]), "offer": mask_digits(offer.group(0)[:20]),
                                   "introduced": bool(intro)}, "INVESTMENT_SCAM"))
        elif opener:
            signals.append(Signal("stranger_moves_chat", 25 if "wrong_number_opener" in codes else 50,
                                  "A stranger's 'is this ...?' opener that moves the talk to a chat app (how "
                                  "pig-butchering scams begin)", {"channel": mask_digits(chat.group(0)[:30])},
                                  "INVESTMENT_SCAM"))

    # Batch q: a stranger's way in (reconnecting, a referral, a wrong number, "is this ...?") that turns to trading or
    # crypto and offers to teach, show or let the reader join ("want me to show you how?", "join karna hai to batao").
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _INVEST_HINTS) \
            and not any(sg.code in ("stranger_investment_pitch",
                                                                        "stranger_offer_to_chat") for sg in signals) \
            and (inv := _INVEST_TALK_RE.search(low_clean)) and (tj := _TEACH_JOIN_RE.search(low_clean)) \
            and (way_in := _RECONNECT_RE.search(low_clean) or _REFERRAL_RE.search(low_clean)
                 or _NAMED_OPENER_RE.search(low_clean)):
        signals.append(Signal("unsolicited_investment_pitch", 40, "Someone who reconnects out of the blue, was 'given "
                              "your number' or asks 'is this ...?' brings up trading or crypto and offers to show you "
                              "or let you join (how investment-group and pig-butchering scams begin)",
                              {"way_in": way_in.group(0)[:30], "topic": inv.group(0)[:20], "offer": tj.group(0)[:20]},
                              "INVESTMENT_SCAM"))
        codes.add("unsolicited_investment_pitch")
    if "wrong_number_opener" in codes and sender_info["type"] in ("phone", "none") \
            and (talk := _SMALL_TALK_RE.search(low_clean)
                 or (_OWN_NAME_RE.search(low_clean) and _MEET_YOU_RE.search(low_clean))):
        signals.append(Signal("wrong_number_small_talk", 30, "A 'wrong number' message that goes on to small talk "
                              "(nice to meet you, where are you from, I am ... from ...): a real mis-sent text ends "
                              "with the apology; this is how pig-butchering and romance scams make first contact",
                              {"matched": talk.group(0)[:30]}, "INVESTMENT_SCAM"))
        codes.add("wrong_number_small_talk")
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _MISTAKE_HINTS) \
            and _PRONOUN_FORWARD_RE.search(low_clean) \
            and (mk := _MISTAKEN_NUMBER_RE.search(low_clean)) and _CODE_COMING_RE.search(low_clean):
        signals.append(Signal("mistaken_number_code_ask", 55, "Says your number was used 'by mistake' and asks you to "
                              "forward the code you are about to receive: that code opens an account or a payment "
                              "in your name (OTP theft)", {"matched": mask_digits(mk.group(0)[:30])}, "OTP_THEFT"))
        codes.add("mistaken_number_code_ask")

    if (dm := _DETAILS_REPLY_RE.search(low_clean)) and _CLAIM_WORD_RE.search(low_clean) \
            and not _NEG_BEFORE_RE.search(low_clean[max(0, dm.start() - 24):dm.start()]) \
            and not any(sg.code == "credential_request" and sg.weight >= 40 for sg in signals):
        strong = _STRONG_DETAILS_RE.search(low_clean, dm.start(), dm.end() + 40)
        signals.append(Signal("details_by_reply_for_claim", 50 if strong else 35, "Asks you to reply with your name, date of birth or "
                              "bank details to receive a refund, rebate or grant: tax offices and banks never ask "
                              "for these by text", {"matched": mask_digits(dm.group(0)[:40])}, "GOVERNMENT_IMPERSONATION"))

    # Sender id.
    named_claims = [c for c in claimed if c != "*"]
    if sender_info["type"] == "phone" and claimed:
        if sender_info.get("country_code") == 91:
            signals.append(Signal("sender_personal_number", 20,
                                  "Claims to be from a bank or organisation but was sent from a personal number "
                                  "(Indian organisations send from registered DLT headers such as VK-HDFCBK)",
                                  {"claims": list(claimed)[:5]}, "BANK_KYC_IMPERSONATION" if named_claims else None))
        else:
            signals.append(Signal("sender_foreign_number", 25,
                                  "Claims to be from a bank or organisation but was sent from a foreign number",
                                  {"claims": list(claimed)[:5], "country_code": sender_info.get("country_code")},
                                  "BANK_KYC_IMPERSONATION" if named_claims else None))
    elif sender_info["type"] == "dlt" and named_claims:
        header = sender_info["header"]
        verified = [c for c in named_claims if header_matches_keys(header, BRAND_HEADER_KEYS.get(c, ()))]
        positive = sum(s.weight for s in signals if s.weight > 0)
        if verified and positive < 50:
            signals.append(Signal("sender_header_matches_brand", -10,
                                  "Sent from a registered sender header of the brand it names",
                                  {"header": header, "brands": verified}, None))

    signals.extend(device_signals(device_info, context="sms", otp_message=otp_message))

    if upi_intent:
        from .upi import analyze_upi_intent, parse_upi

        try:
            intent = parse_upi(upi_intent)
        except InvalidInput as e:
            signals.append(Signal("malformed_upi_intent", 15, "The attached UPI link is malformed",
                                  {"error": e.message[:120]}, "PAYMENT_FRAUD"))
        else:
            for s in analyze_upi_intent(intent):
                signals.append(Signal(s.code, s.weight, s.message, {**s.evidence, "source": "upi_intent"},
                                      s.fraud_type))

    learned = model_signal(sms_model(), "sms", head, contexts=model_contexts)
    if learned is not None:
        signals.append(learned)
    if truncated:
        signals.append(Signal("text_truncated", 0, f"Only the first {MAX_CUE_CHARS} characters were read for "
                              f"wording and numbers (links and UPI ids: the first {MAX_SMS_CHARS})",
                              {"analysed_chars": MAX_CUE_CHARS, "visible_chars": len(clean)}, None))

    a = Assessment("sms", signals, extracted={
        "extracted_urls": urls[:MAX_URLS_REPORTED],
        "extracted_upi_ids": upi_ids,
        "extracted_phone_numbers": phones,
        "sender_type": sender_info["type"],
        "links": link_details,
    })
    recs = [advice_for(ft) for ft in a.detected_fraud_types]
    if not a.is_safe:
        if urls:
            recs.append("Do not open the link. Use the official app or type the official address yourself.")
        recs.append("Report it at cybercrime.gov.in or call 1930; forward fraudulent SMS to Sanchar Saathi (Chakshu).")
    a.recommendations = list(dict.fromkeys(recs))
    return a

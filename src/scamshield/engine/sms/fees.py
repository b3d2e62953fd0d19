"""Fees and claims: a job selection that asks for a fee, a loan "sanctioned" against a fee paid first (and a
lender's notice that deducts or has received it), a congratulation on the reader's own application, government
schemes, and identity details asked by reply for a refund or grant."""

from __future__ import annotations

import re


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
                              r"(?:लोन|ऋण)[^।\n]{0,30}?(?:मंजूर|स्वीकृत|पास|अप्रूव)|"
                              # the same in Bengali, Kannada, Tamil, Telugu, Gujarati, Gurmukhi, Marathi (batch u)
                              r"(?:ঋণ|লোন|ಸಾಲ|ಲೋನ್|கடன்|லோன்|రుణ|లోన్|લોન|ਕਰਜ਼ਾ|ਲੋਨ|कर्ज)[^।.\n]{0,40}?"
                              r"(?:মঞ্জুর|অনুমোদিত|ಮಂಜೂರ|ಅನುಮೋದ|ஒப்புதல்|அனுமதிக்கப்|மஞ்சூர்|మంజూర|ఆమోద|મંજૂર|ਮਨਜ਼ੂਰ|मंजूर)")
_LOAN_FEE_RE = re.compile(r"\b(?:processing|file|insurance|gst|documentation|registration|verification|stamp|legal|"
                          r"agreement|noc|login|advance|security|service|approval|release|disbursal|disbursement|"
                          r"transfer|tds)\s(?:fee|fees|charge|charges|amount|deposit|duty)\b|"
                          r"(?:प्रोसेसिंग|फाइल|बीमा|रजिस्ट्रेशन|सत्यापन)\s(?:फीस|शुल्क|चार्ज)|"
                          r"(?:প্রসেসিং|ಪ್ರೊಸೆಸಿಂಗ್|ப்ராசஸிங்|பிராசசிங்|ప్రాసెసింగ్|પ્રોસેસિંગ|ਪ੍ਰੋਸੈਸਿੰਗ|फाईल)\s?"
                          r"(?:ফি|চার্জ|ಶುಲ್ಕ|ಫೀ|கட்டணம்|ఫీజు|రుసుము|ફી|ચાર્જ|ਫੀਸ|फी|शुल्क)")
_FEE_DEDUCTED_RE = re.compile(r"\b(?:fee|fees|charges?)\b[^.\n]{0,40}?\b(?:will be |is |are |has been |have been )?"
                              r"(?:deducted|adjusted|recovered|netted)\s(?:from|against|out of)\s(?:the\s|your\s)?"
                              r"(?:loan|disbursal|disbursement|sanction(?:ed)?|net disbursal)\b|"
                              # "the processing fee will be deducted from the loan" in the Indian scripts (batch u)
                              r"কেটে নেওয়া হবে|ಕಡಿತಗೊಳಿಸಲಾಗುತ್ತದೆ|ಕಡಿತ ಮಾಡಲಾಗುವುದು|கழிக்கப்படும்|మినహాయించబడుతుంది|"
                              r"తగ్గించబడుతుంది|કાપવામાં આવશે|ਕੱਟੀ ਜਾਵੇਗੀ|कापली जाईल|वजा केली जाईल|काटा जाएगा|काटी जाएगी")

_FEE_PAID_RE = re.compile(r"\b(?:fee|fees|charges?)\b(?:\s(?:of\s)?(?:rs\.?|inr|₹)?\s?\d[\d,.]*(?:\s?\+\s?gst)?)?\s"
                          r"(?:has been\s|have been\s|was\s|were\s|is\s|already\s)?(?:paid|received|collected)\b")
_LOAN_PAY_RE = re.compile(r"\b(?:pay|send|transfer|deposit|bhej\w*|jama|bhar\w*|gpay|phonepe|paytm|"
                          r"(?:to|must|should|needs to) be paid)\b|भेजें|भेजो|जमा|भरें|"
                          r"দিন|পাঠান|জমা দিন|ಪಾವತಿಸಿ|ಕಳುಹಿಸಿ|செலுத்த|அனுப்ப|చెల్లించ|పంపండి|ભરો|મોકલો|ચૂકવો|ਭੇਜੋ|ਜਮ੍ਹਾਂ|"
                          r"भरा|पाठवा")
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

# "reply with your full name and date of birth so we can process your claim": identity details asked by reply beside a
# refund, rebate, grant or claim (HMRC / IRS / ATO refund smishing, batch n). Tax offices never do this by SMS.
_DETAILS_REPLY_RE = re.compile(r"\b(?:reply|respond|text back|sms back)\s(?:back\s)?with\s(?:your\s)?(?:full\s)?"
                               r"(?:name|date of birth|dob|account number|bank details|card details|ifsc)\b")
_STRONG_DETAILS_RE = re.compile(r"\b(?:date of birth|dob|account number|bank details|card details|ifsc)\b")
_CLAIM_WORD_RE = re.compile(r"\b(?:refund|rebate|grant|claim|compensation|payout|reimbursement)\b")

# A rental token / advance paid to an owner who hands over the keys by courier or post ("I'm the owner of the 2BHK
# you enquired, I'm in Delhi now, pay 10,000 token advance on my UPI, keys will come by courier"): the owner never
# meets the tenant, which is the rental scam itself (police / Action Fraud advisories). Three parts anywhere in the
# message: a home to rent, a token / advance / deposit, and keys sent by courier or post.
_RENT_HOME_RE = re.compile(r"\b(?:\d\s?bhk|bhk|flat|apartment|room|house|pg|studio|property|villa)\b")
_RENT_ADVANCE_RE = re.compile(r"\b(?:token|advance|deposit|booking amount|first month)\b")
_KEYS_BY_POST_RE = re.compile(r"\b(?:keys?|chabi|chaabi)\b[^.\n]{0,30}?\b(?:courier|couriered|post|posted|speed post|"
                              r"parcel|mail)\b")

# An overdue loan with a threat to send the borrower's photo to their contacts, in Hinglish ("loan overdue hai ... nahi
# bhara to saare contacts ko tumhari photo bhejenge"): the illegal loan app's recovery threat (RBI / I4C advisories).
# (The lexicon's contacts_shaming_threat reads the English and "... ko message karenge ki tum chor ho" forms; a
# "nahi bhara to" condition in front would read as a negation there.)
_LOAN_OVERDUE_RE = re.compile(r"\b(?:loan|emi|overdue|due|repay\w*|installment|kist)\b")
_PHOTO_TO_CONTACTS_RE = re.compile(r"\b(?:contacts?|contact list|relatives|rishtedaron|rishtedaar|dosto|doston|"
                                   r"gharwalon|sabko|family)\b(?:\s(?:ko|me|mein|pe|par))?\s(?:\w+\s){0,2}?"
                                   r"(?:photos?|pics?|tasveer\w*|morphed \w+)\s(?:\w+\s)?(?:bhejenge|bhej denge|"
                                   r"bhej dunga|bhejunga|daalenge|dal denge|viral kar denge|viral karenge|send karenge)\b")

# Gift cards as the means of paying a fee, fine, bill, debt or release ("send it in Apple gift cards", "pay the
# clearance with Steam cards", "buy 4 Google Play cards and send me the codes"): no customs office, court, utility,
# employer or bank takes payment in gift cards (FTC, ACCC, I4C advisories); the gift card's code is cash to whoever
# reads it. Not a gift ("I got you an Amazon gift card", "thanks for the gift card") nor a shop's promotion of them.
_GIFT_CARD = (r"(?:(?:apple|itunes|google play|play store|steam|amazon|razer|ebay|target|walmart|vanilla|visa|sephora|"
              r"xbox|playstation|psn)\s(?:gift\s?)?cards?|gift\s?cards?|itunes cards?)")
_GIFT_CARD_PAY_RE = re.compile(
    r"\b(?:pay|paid|paying|send|sending|settle|clear|cover)\b[^.?!\n]{0,50}?\b(?:in|with|via|using|through|by|as)\s"
    r"(?:[a-z0-9$£€₹]+\s){0,3}?" + _GIFT_CARD + r"\b"
    r"|\b(?:buy|purchase|get)\s(?:[a-z0-9$£€₹,]+\s){0,4}?" + _GIFT_CARD + r"\b[^.?!\n]{0,60}?\b(?:send|text|share|"
    r"scratch|give|read)\b[^.?!\n]{0,30}?\b(?:codes?|numbers|pictures?|photos?|pics?|pins?|the back)\b")
# (cheap gate: a word every ``_GIFT_CARD`` form has besides "card")
_GIFT_CARD_HINTS = ("gift", "itunes", "apple", "google play", "play store", "steam", "amazon", "razer", "ebay", "target",
                    "walmart", "vanilla", "visa", "sephora", "xbox", "playstation", "psn")
# An endearment that opens or carries a romance scammer's message ("my love", "my dear", "honey", "babe", "sweetheart",
# "jaan"): said to the reader as a partner.
_ENDEARMENT_RE = re.compile(r"\b(?:my (?:love|dear|darling|sweetheart|honey|baby|queen|king|angel|heart)|"
                            r"sweetheart|darling|honey|babe|baby|jaan|jaanu)\b")
# A package, consignment, parcel or gift held by customs / airport / a diplomat with a fee to clear or release it
# ("customs want $1,850 clearance fee before they release it", "i need help with customs fee for my package").
_HELD_PACKAGE_FEE_RE = re.compile(
    r"\b(?:customs?|clearance|airport|diplomat|courier company|shipping company|delivery agent)\b[^.?!\n]{0,80}?"
    r"\b(?:fee|fees|charge|charges|duty|tax|clearance|release|pay|payment)\b"
    r"|\b(?:fee|fees|charge|charges|duty)\b[^.?!\n]{0,30}?\b(?:for|on|to (?:release|clear))\s(?:my|your|the|our)\s"
    r"(?:package|parcel|consignment|box|gift|gifts|luggage|goods)\b")
_HELD_WHAT_RE = re.compile(r"\b(?:package|parcel|consignment|box|gift|gifts|luggage|goods|shipment|trunk)\b")
# The reader asked to pay or help with it ("please pay", "i need help with customs fee", "can you send", "kindly
# assist").
_ROMANCE_FEE_ASK_RE = re.compile(r"\b(?:please|pls|kindly|can you|could you|you (?:must|have to|need to|should))\s"
                                 r"(?:help|pay|send|assist|cover|settle|transfer)\b|\bneed (?:your )?help\b|"
                                 r"\bhelp me (?:with|pay|to pay|clear|release)\b")
# A warning's own words ("scam", "fraud", "scammers", "fake"): the sentence describes the lure, not asks it.
_SCAM_WORD_RE = re.compile(r"\b(?:scam|scams|scammers?|fraud|frauds|fraudsters?|fake|beware|warning|alert:)\b")
# (cheap gate for the romance customs-fee rule: a word ``_HELD_PACKAGE_FEE_RE`` cannot match without)
_HELD_HINTS = ("custom", "clearance", "airport", "diplomat", "courier", "shipping", "delivery agent", "fee", "charge",
               "duty")
_HELD_WHAT_HINTS = ("package", "parcel", "consignment", "box", "gift", "luggage", "goods", "shipment", "trunk")

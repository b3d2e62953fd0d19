"""Cue lexicon for scam text (SMS, QR notes, payment notes): English and romanised Hindi (Hinglish).

Each ``Cue`` adds ``weight`` points under a stable signal ``code`` (the detector keeps the strongest hit per code)
and points at a taxonomy ``fraud_type``. Phrase syntax is documented in ``textmatch``: ``{a|b}`` alternatives,
``~N`` = up to N words in between, ``word*`` = prefix, ``#`` = a number.

Written from public advisories (RBI "BE(A)WARE", NPCI UPI safety tips, I4C / cybercrime.gov.in "digital arrest"
advisory, TRAI/DoT caller warnings, state electricity boards' SMS-scam notices, SEBI investor alerts) and the
FTC "pretend / problem-or-prize / pressure / pay" pattern -- not from any evaluation set.

Weights are chosen so that one hook alone stays below the "high" threshold (50) unless it is unambiguous
(installing a remote-access app, "digital arrest", moving money to a "safe account", sharing an OTP); it takes
a hook plus pressure or a link/call-back to be flagged. Genuine OTP, debit/credit alerts and delivery notices
contain none of the hooks, and the usual "do not share" / "never asks" wording is handled by negation.
"""

from __future__ import annotations

import re

from .textmatch import Benign, Cue, CueSet

# Romanised Hindi imperative/polite verb endings ("update karein", "click kijiye" ...).
_DO = "{karein|karen|kare|karey|kariye|kijiye|kijie|karo|krein|kren|kre|kro|kar do|kar dijiye|kar dein|kar den}"
_WILL_BECOME = ("{ho jayega|ho jaega|ho jayegi|ho jaegi|ho jaayega|ho jayenge|ho jaenge|kar diya jayega|"
                "kar diya jaega|kar di jayegi|kar di jaegi|kiya jayega|kiya jaega|ho sakta hai|ho gaya hai|"
                "ho gya hai|ho chuka hai|hone wala hai|hone wali hai|hone vala hai}")
_TELL = ("{batayein|bataye|batayen|bataiye|bataen|batao|bata do|bata dijiye|bata dein|bhejein|bhejiye|bheje|bhejo|"
         "bhej do|bhej dijiye|share karein|share karen|share kare|share kijiye|share karo|share kro|send karein|"
         "send karo|send kare|dijiye|de do|dedo|dein|likhein|bolo|boliye}")
_ACCOUNTISH = ("{account|a c|acct|bank account|savings account|sim|sim card|mobile number|wallet|upi id|upi|"
               "netbanking|net banking|internet banking|yono|debit card|credit card|atm card|card|pan|pan card|"
               "service|services|connection|number|khata|paytm|phonepe|gpay|fastag|fast tag}")
_BLOCKED = ("{de activated|de activate|blocked|block|suspended|suspend|deactivated|deactivate|frozen|freeze|freezed|closed|disabled|locked|"
            "restricted|terminated|discontinued|barred|cancelled|canceled|hold|on hold|inactive|deleted|seized}")
_BLOCK_HI = "{band|bandh|bnd|block|suspend|freeze|deactivate|bandh|close|seal}"
_CRED = ("{otp|one time password|otp code|verification code|security code|6 digit code|4 digit code|pin|upi pin|"
         "atm pin|mpin|m pin|cvv|cvv2|cvv number|card pin|password|passcode|net banking password|card details|"
         "card number|expiry date|login details|login credentials|credentials|debit card details|"
         "credit card details|internet banking details|netbanking details}")
_CRED_SHORT = "{otp|pin|upi pin|atm pin|mpin|cvv|password|code|card number|passcode}"
_REMOTE_APPS = ("{anydesk|any desk|teamviewer|team viewer|quicksupport|quick support|teamviewer quick support|rustdesk|rust desk|"
                "airdroid|air droid|ammyy|ammyy admin|ultraviewer|ultra viewer|splashtop|zoho assist|alpemix|"
                "awesun|aweray|screenconnect|connectwise control|logmein|remotepc|chrome remote desktop|getscreen|"
                "anyviewer|mingleview|mingle view|remote desktop app|remote access app|screen sharing app|"
                "screen share app|hopto|iperius remote|dwservice|remoteutilities|remote utilities}")
_INSTALL = "{install|instal|download|dwnld|downld|open|launch|use|get|setup|set up}"
_PRIZE_NOUN = ("{prize|prizes|cash prize|reward|rewards|lottery|jackpot|bonus|voucher|gift card|gift voucher|"
               "gift|cash|award|bumper prize|lucky draw|car|iphone|laptop|scooty|bike|hamper|amount}")
_URGENT = "{urgent|urgently|immediately|immediate|asap|right away|right now}"

CUES: tuple[Cue, ...] = (
    # --- bank / KYC impersonation -------------------------------------------------------------------------
    Cue("kyc_update_lure", 30, (
        "kyc {update|updation|updating|pending|expired|expire|expires|expiring|expiry|suspended|blocked|"
        "incomplete|verification|verify|renewal|renew|reverification|re verification|required|mandatory|due|"
        "not updated|not completed|not verified|is pending|is incomplete|is expired|has expired|will expire|is due|"
        "is overdue|overdue|"
        "documents|details|form|link}",
        "{update|complete|verify|renew|submit|upgrade|redo|revalidate|refresh} ~2 {kyc|ekyc|"
        "e kyc|re kyc|rekyc|ckyc|kyc details|kyc documents|kyc information|pan card details|pan details|aadhaar details}",
        "{re kyc|rekyc|ekyc|e kyc|re-ekyc|video kyc|vkyc}",
        "kyc ~3 {not|nahi|nhi} ~2 {updated|completed|verified|done|hua|kiya}",
        f"kyc {{update|updation|verification|complete||turant|abhi}} {_DO}",
        f"kyc ~2 {{expire|band|block|suspend|pending}} {_WILL_BECOME}",
        "kyc {nahi|nhi} {hua|hui|hai|kiya}",
        "kyc ~3 {suspended|blocked|expired|deactivated|on hold|closed|rejected|cancelled|failed}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("pan_aadhaar_link_lure", 25, (
        "{pan|pan card|pan number|aadhaar|aadhar|adhar|aadhaar card|aadhar card} {not linked|not updated|link|"
        "linking|update|updation|verification|verify|expired|blocked|suspended|deactivated|is not linked|"
        "seeding|will be blocked|inactive|invalid}",
        "{link|update|verify|seed} {your |the |ur |}{pan|pan card|pan number|aadhaar|aadhar|adhar|aadhaar card}",
        f"{{pan|pan card|aadhaar|aadhar|adhar}} ~3 {{link|update|verify}} {_DO}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("account_block_threat", 25, (
        f"{_ACCOUNTISH} {{will|shall|may|would|might|is going to|going to|to}} ~3 {_BLOCKED}",
        "{will|shall|may|would|going to} {hold|block|freeze|suspend|stop|deactivate|close|seize|cancel} {your|ur} ~2 "
        "{amount|money|balance|account|wallet|funds|card|sim|services|number|upi|kyc|connection}",
        f"{_ACCOUNTISH} {{will|shall|may|would}} ~3 {{blocked|suspended|deactivated|closed|disconnected}} ~4 "
        "{today|tonight|within|by|if|unless|after}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("account_block_threat", 20, (
        "{account|a c|acct|bank account|savings account|wallet|upi id|netbanking|net banking|yono|sim|sim card|"
        "mobile number|khata|bank|online banking|online account|pan|pan card|aadhaar|aadhaar card|apple id|icloud|"
        "icloud account|paypal|paypal account} {has been|is|was|"
        "got|has|is being|have been|are} ~2 {blocked|suspended|deactivated|"
        "frozen|locked|restricted|disabled|freezed|barred|temporarily blocked|temporarily suspended}",
        "{blocked|suspended|deactivated|frozen|locked} {your |ur |the |}{account|bank account|a c|wallet|sim|"
        "yono|netbanking|net banking}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("account_block_threat", 30, (
        f"{_ACCOUNTISH} ~2 {_BLOCK_HI} {_WILL_BECOME}",
        f"{_ACCOUNTISH} ~2 {_BLOCK_HI} {{hone wala|hone wali|hone vala|hone ke kagaar|kar denge|kar dega|kar di jayegi}}",
        "{khata|account|sim} {band|bandh|block|freeze} {hoga|hogi|hoge}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("fastag_challan_lure", 25, (
        "{fastag|fast tag} ~3 {kyc|blocked|update|expired|suspended|blacklisted|deactivated|recharge failed}",
        "{e challan|echallan|traffic challan|challan|traffic fine|vehicle fine} ~4 {pending|unpaid|due|pay|overdue|"
        "issued|generated|penalty|legal action|court}",
        "{pending|unpaid|overdue} ~2 {e challan|echallan|challan|traffic challan|traffic fine}",
    ), "GOVERNMENT_IMPERSONATION"),
    Cue("verification_request", 12, (
        "{verify|confirm|validate|reactivate|re activate|unlock|restore|unblock|secure|update|confirming|verifying} "
        "{your |ur |the |}{account|identity|details|information|info|card|login|apple id|id|icloud|paypal|bank details|account details|personal details|"
        "profile|credentials|billing information|payment details|payment information|netbanking|net banking}",
        "account {verification|validation|reactivation|update|updation}",
        "{login|log in|sign in|logon|signin} ~3 {to confirm|to verify|to update|to validate|to unlock|to restore|"
        "to avoid|to reactivate|and confirm|and verify|and update|to secure}",
        "{unusual|suspicious|unauthorized|unauthorised|unrecognized|unrecognised} {activity|login|sign in|"
        "signin|transaction|transactions|access|attempt}",
    ), "PHISHING_LINK"),
    Cue("verification_request", 20, (
        "{card|atm card|debit card|credit card|account|a c} {has|has just|has been|has just been|is|got|was} ~2 "
        "{de activated|deactivated|blocked|suspended|locked|frozen|disabled}",
        "{to|kindly|please} {re activate|reactivate|activate|unblock|unlock|reinstate} {it|your card|card|account|"
        "your account|the card|your atm card|atm card|services}",
        "{unlock|restore|reactivate|re activate|unblock|unfreeze|reinstate|recover} {your |ur |the |}{account|"
        "card|access|netbanking|net banking|online banking|wallet|upi|yono|sim}",
    ), "PHISHING_LINK"),
    Cue("authority_claim", 8, (
        "{due to|because of|as per} ~3 {system upgrade|system maintenance|system update|server upgrade|"
        "security upgrade|security update|security reasons|rbi guidelines|rbi rules|rbi directive|kyc guidelines|"
        "new guidelines|kyc norms|new rules|bvn system upgrade}",
        "{rbi|reserve bank|reserve bank of india|npci|uidai|sebi|trai|dot|income tax department|it department|"
        "govt of india|government of india|ministry|cyber cell|cyber crime department|sbi head office|"
        "head office|nodal officer|bank manager|customer care executive|kyc department|verification department|"
        "refund department|security department|fraud department|risk department|legal department}",
    ), None),

    # --- OTP / PIN / CVV theft ----------------------------------------------------------------------------
    Cue("credential_request", 40, (
        f"{{share|send|tell|give|provide|forward|disclose|read out|confirm|reply with|note down and share|say|"
        f"dictate}} ~3 {_CRED}",
        f"{{ask|asks|asking|asked|need|needs|require|requires|required}} ~2 {{your|ur|the}} {_CRED_SHORT}",
        f"{_CRED_SHORT} ~3 {_TELL}",
        f"{_CRED_SHORT} ~2 {{jo|jo aapko}} ~4 {{aaya|aya|aayega|mila}} ~3 {_TELL}",
        f"{_CRED_SHORT} ~2 {{bhej kar|bhejkar|bhej ke|bhejke|dekar|de kar|share karke|share kar ke|batakar|bata kar}}",
        "{reply|reply with|respond with|sms|send us} ~6 {otp|cvv|upi pin|atm pin|mpin|card number|expiry date}",
        # "Our officer will call you, keep your OTP ready": the code is to be read out on that call
        f"{{keep|have}} ~2 {_CRED_SHORT} {{ready|handy}}",
        # "Email your PAN, Aadhaar, card number and CVV to ...", "report your card number and CVV to ..." (r6 review;
        # not OTP / password: OTP templates say where the code was e-mailed)
        "{email|e-mail|mail|report|whatsapp|dm|upload|submit} ~5 {cvv|cvv number|card number|card numbers|upi pin|"
        "atm pin|mpin|card pin}",
    ), "OTP_THEFT"),
    Cue("credential_request", 20, (
        "{share|send|provide|give|confirm|reply with|respond with} ~2 {account number|bank details|account details|"
        "bank account details|aadhaar number|pan number|date of birth}",
        "{enter|submit|type|fill|input|entering|submitting|providing} ~2 {your |ur |the |}{upi pin|atm pin|mpin|m pin|"
        "cvv|card pin|card number|card details|debit card details|credit card details|net banking password|"
        "login password|pin number|netbanking details|net banking details|banking details|login details}",
    ), "OTP_THEFT"),
    Cue("pin_to_receive", 50, (
        "{enter|type|put|use|punch|dalein|daalein|dale|daalo|dalo|daliye} ~3 {pin|upi pin|mpin|m pin} ~4 "
        "{receive|get|claim|credit|credited|accept|collect|paane|prapt|milega|lene}",
        "{scan|scan the qr|scan qr|scan this qr|scan the code|approve|accept} ~4 {to receive|to get|to claim|"
        "to accept|to collect|receive|and receive|and get|for receiving|paane|lene}",
        # "Scan this QR code I sent on WhatsApp to receive the amount" (batch n: the QR's origin in between)
        "{scan this qr code|scan the qr code|scan qr code|scan this qr|scan the qr} ~7 {to receive|and receive}",
        "{receive|receiving|get|claim} ~3 {money|payment|amount|refund|cashback|prize|reward|rs|inr|it|this|them} ~4 "
        "{enter|type|scan|approve|accept} ~2 {pin|upi pin|mpin|qr|request|collect request}",
        "{pin|upi pin|mpin} ~2 {dal|daal|dalkar|daalkar|dalke|daalke|enter karke} ~4 {paise|payment|amount|refund|"
        "cashback|prize|inaam|rs} ~3 {milenge|milega|paayein|paaye|prapt}",
    ), "UPI_COLLECT_LURE"),

    # --- remote access / screen sharing --------------------------------------------------------------------
    Cue("remote_access_app", 35, (_REMOTE_APPS,), "REMOTE_ACCESS", negatable=False),
    Cue("remote_access_app", 55, (
        f"{_INSTALL} ~3 {_REMOTE_APPS}",
        f"{_REMOTE_APPS} ~3 {{install|download|instal|dwnld|open}} {{|karein|karen|kare|kijiye|karo|krein}}",
    ), "REMOTE_ACCESS"),
    Cue("screen_share_request", 35, (
        "{share|sharing|start|enable|turn on|on} {your |ur |the |mobile |phone |}{screen|screen share|"
        "screen sharing|screen cast|screencast}",
        f"{{screen share|screen sharing|screen cast}} {{|on}} {_DO}",
        "{code|number|id} ~3 {on|visible on|shown on|displayed on} {your |the |ur |}screen",
    ), "REMOTE_ACCESS"),
    Cue("app_install_request", 25, (
        "{install|download|instal|dwnld} ~3 {apk|apk file|the attached app|this app|the app below|our app from "
        "the link|app from the link|app from link|application from link|support app|customer support app|"
        "customer care app|kyc app|rewards app|reward app|loan app}",
        "{apk|apk file} ~3 {install|download|link}",
        f"{{app|apk|application}} {{download|install}} {_DO}",
    ), "PHISHING_LINK"),
    Cue("guided_action", 10, (
        "{executive|agent|officer|representative|team|technician|associate|engineer} will {guide|assist|help} you",
        "{follow|as per} {my|our|the executive's|the agent's} instructions",
    ), None),

    # --- urgency / pressure / secrecy ----------------------------------------------------------------------
    Cue("urgency", 10, (
        _URGENT,
        "{within|in next|in the next|before} {#|one|two|few|twenty four} {hours|hrs|hr|hour|minutes|mins|min|days}",
        "{today itself|by today|before midnight|by tonight|end of day|by eod|expires today|expire today|"
        "expiring today|will expire today|last date today|today only|only today}",
        "{expire|expires|expiring|expired|deactivated|blocked|disconnected|suspended|closed|cut} {today|tonight|"
        "soon|shortly}",
        "{last|final} {chance|warning|notice|reminder|opportunity|attempt|day}",
        "{act now|do it now|respond now|reply now|call now|click now|update now|verify now|hurry|hurry up|"
        "limited time|time sensitive|time-sensitive|don't delay|do not delay|do not ignore|dont ignore|"
        "without delay|at the earliest}",
        "{turant|tatkal|jaldi|jaldi se|jald se jald|fauran|foran|aaj hi|aaj raat|abhi turant|isi waqt}",
        f"abhi {{call|update|click|link|verify}} {_DO}",
        "{24|12|48|2} {ghante|ghanton} {mein|me|main|ke andar}",
    ), None),
    Cue("secrecy_demand", 15, (
        "{do not|don't|dont|never} {tell|inform|share this with|discuss with|disclose to} {anyone|anybody|your "
        "family|family|your bank|bank|police|others} {about|regarding} {this|the} {call|case|investigation|matter}",
        "{keep|kept} {this|it|the matter|the case} {confidential|secret|private} {from|and do not}",
        "{is|iss|ye|yeh} {call|baat|case|investigation|jaanch} ~3 {kisi ko|kisiko} {bhi |}{mat|na} {batana|bataye|"
        "batayein|bataiye|batao}",
        "{stay|remain} on ~2 {video call|call|line|skype|whatsapp call} ~4 {until|till|investigation|verification}",
        "{do not|don't|dont} {disconnect|cut|end} {the |this |}{call|video call}",
    ), "DIGITAL_ARREST", negatable=False),

    # --- prize / lottery / KBC -----------------------------------------------------------------------------
    Cue("prize_lottery", 25, (
        "{you have|you've|youve|u have|u've|uve|you|u|ur number has|your number has|your mobile number has|"
        "your mobile no has|your sim has|your number} {won|been selected for|been chosen for|been awarded|"
        "been shortlisted for|are selected for|are the winner|are a winner|are winner|are the lucky|is selected|"
        "has been selected|have been selected}",
        "eligible for ~3 {prize|cash prize|reward|gift|lottery|bonus|jackpot|voucher|gift card|lucky draw|cash|iphone|"
        "laptop|car}",
        f"{{won|win|winning}} ~2 {_PRIZE_NOUN}",
        "{claim|collect|redeem} ~3 {prize|prizes|cash prize|reward|rewards|lottery|jackpot|bonus|voucher|vouchers|"
        "gift card|gift voucher|award|bumper prize|winnings|gift|free gift|holiday|cash}",
        "{you are|u are|ur|you're|youre|you have been|u have been|your mobile|your mobile no|your mobile number|"
        "ur mobile|ur mobile number|your number|your no|ur number|your sim|your mob no|your mobile num} {awarded|won|"
        "selected to|chosen to|entitled to|picked to|picked|specially selected|randomly selected}",
        "{randomly|specially} {selected|picked|chosen}",
        "selected to {receive|get|win|stay}",
        "{await|awaits|awaiting|await your|still awaiting|is awaiting|waiting for} collection",
        "unclaimed {prize|award|bonus|reward|payment|bequest|amount|winnings|funds|inheritance}",
        "{bonus|cash|guaranteed|mystery|special} {prize|award|gift}",
        "{guaranteed|guarantee} ~3 {prize|cash|award|reward}",
        "{free|muft} {recharge|laptop|scooty|smartphone|mobile recharge|data recharge|gas cylinder}",
        "{lottery|lucky draw|jackpot|kbc|kaun banega crorepati|kbc lottery|lucky winner|bumper prize|"
        "sweepstakes|sweepstake|grand prize|mega prize|prize money|cash prize|lucky customer|lucky number|"
        "mega draw|bumper draw|prize winner|winning number|winning amount|claim code|prize claim|guaranteed prize|"
        "award winner|lottery department|lottery winner}",
        "{lottery|inaam|inam|prize|kbc|lucky draw} ~3 {lagi hai|laga hai|lagi|laga|jeeta|jeete|jeeti|mila hai|"
        "nikla hai|nikli hai|nikala hai|jeeta hai|jeet gaye|jeet liya}",
        "{aapne|apne|tumne|aap} ~3 {jeeta|jeete|jeeti|jeet liya|jeet gaye|jeet chuke}",
        "{inaam|inam|inaam rashi|inam rashi|lottery lagi}",
        "{car|scorpio|bike|scooty|iphone|laptop|gift|reward} {mili hai|mila hai|nikli hai|nikla hai|lagi hai|laga hai}",
    ), "PRIZE_LOTTERY"),
    Cue("prize_lottery", 15, (
        "{winner|winners|congratulations|congrats|congratulation|badhai ho|mubarak ho}",
    ), "PRIZE_LOTTERY", negatable=False),
    Cue("advance_fee_request", 20, (
        "{processing|registration|clearance|release|gst|tax|transfer|activation|verification|insurance|"
        "documentation|file|service|refundable|courier|customs} {fee|fees|charge|charges|amount|deposit} ~4 "
        "{pay|paid|deposit|transfer|send|of rs|rs|inr|only|required|bharein|jama|claim|release|receive|"
        "claiming|get}",
        "{pay|deposit|transfer|send} ~3 {processing|registration|clearance|release|refundable|security|token|"
        "activation} {fee|fees|charge|charges|amount|deposit|money}",
        "{pay|buy|purchase|send} ~3 {gift card|gift cards|itunes card|google play card|google play gift card|"
        "steam card|amazon gift card|bitcoin|crypto|usdt}",
    ), None),

    # --- refunds, cashback, reward points ------------------------------------------------------------------
    Cue("refund_cashback_lure", 25, (
        "{claim|collect|avail|redeem|get back|claim back} ~3 {refund|cashback|cash back|reimbursement|"
        "compensation|money back}",
        "eligible for ~3 {refund|cashback|cash back|reimbursement|compensation|reward|subsidy}",
        "{income tax|it|tax|gst|electricity|gas|lpg|lpg subsidy|covid|insurance|excess|pm kisan} refund",
        "refund {is |of |amount |}{pending|on hold|awaiting|unclaimed|waiting}",
        "{refund|cashback|paise|payment} {milega|milenge|paane ke liye|lene ke liye|prapt karne ke liye}",
    ), "REFUND_REWARD_SCAM"),
    # A tax agency / government "deposit" to accept or claim (CRA, IRS, HMRC, ATO / myGov, Indian income tax; their
    # scam alerts): agencies pay into the account on file and never by an Interac e-Transfer to accept. Alone it stays
    # below the threshold (a genuine notice can say "receive your refund by direct deposit"); with a link that is not
    # the agency's it is flagged.
    Cue("refund_cashback_lure", 30, (
        "{cra|irs|hmrc|ato|mygov|canada revenue agency|revenue agency|service canada|internal revenue service|"
        "income tax department|treasury|government|govt|dwp|centrelink} ~12 {accept|claim|collect|receive|deposit} "
        "~4 {refund|rebate|credit|deposit|payment|benefit|e-transfer|etransfer|e transfer|reimbursement}",
        "{cra|irs|hmrc|ato|mygov|canada revenue agency|service canada|income tax department|government|govt} ~12 "
        "{interac|etransfer|e transfer}",
        "{tax|gst|hst|gst hst|carbon|climate action|cost of living|energy} {refund|rebate|credit|payment|incentive} "
        "~8 {accept|claim|collect} ~2 {deposit|refund|payment|credit|rebate}",
        "{accept|claim|collect} ~3 {deposit|refund|payment|credit|rebate|funds} ~4 {interac|etransfer|e transfer}",
    ), "REFUND_REWARD_SCAM"),
    Cue("government_benefit_lure", 20, (
        "{government|govt|gov|pm|pradhan mantri|yojana|ministry} ~4 {payment|grant|relief|subsidy|stimulus|scheme|"
        "benefit|transfer|cash|allowance|yojana} ~6 {apply|claim|click|register|receive|eligible|received|tap}",
        "{received|receive|eligible for|issued} ~3 {a |}{transfer|payment|grant|relief|subsidy|stimulus|"
        "allowance} ~3 {from|by} {the |}{government|govt|gov}",
    ), "GOVERNMENT_IMPERSONATION"),
    Cue("personal_details_request", 20, (
        "{send|provide|reply with|forward|email|share} ~2 {your |ur |}{name|full name|details|personal details|"
        "full details} ~5 {address|age|phone|phone number|mobile number|account number|bank details|occupation|"
        "country|sex|gender}",
    ), None),
    Cue("refund_cashback_lure", 15, (
        "{receive|get|process|initiate} ~3 {refund|cashback|cash back}",
        "to receive ~2 {money|payment|amount|funds|prize|reward|cash}",
    ), "REFUND_REWARD_SCAM"),
    Cue("reward_points_lure", 25, (
        "{reward|rewards|credit card|loyalty|bonus|card|sbi|yono|hdfc|icici|axis} {points|coins|credits} ~5 {expire|"
        "expires|expiring|expired|expiry|lapse|lapsing|redeem|redeemed|worth|convert|encash|cash|valued|value}",
        "{redeem|redemption of|encash|convert} ~3 {points|reward points|rewards|coins|reward coins}",
        "points {worth|valued at|value of|of value} ~2 {rs|inr|#}",
        # the same in the Indian scripts (batch m: Tamil "reward points expire today")
        "{ரிவார்டு|ரிவார்ட்|வெகுமதி|रिवॉर्ड|रिवार्ड|రివార్డ్|ರಿವಾರ್ಡ್|റിവാർഡ്|রিওয়ার্ড|রিয়ার্ড|રિવોર્ડ|રિવાર્ડ|ਰਿਵਾਰਡ} ~2 "
        "{புள்ளிகள்|பாயிண்ட்ஸ்|பாயிண்டுகள்|पॉइंट्स|पॉइंट|अंक|పాయింట్లు|పాయింట్స్|ಪಾಯಿಂಟ್|ಪಾಯಿಂಟ್‌ಗಳು|ಅಂಕಗಳು|പോയിന്റ്|"
        "പോയിന്റുകൾ|পয়েন্ট|পয়েন্টস|પોઇન્ટ|પોઇન્ટ્સ|ਪੁਆਇੰਟ}",
    ), "REFUND_REWARD_SCAM"),
    Cue("reward_points_lure", 35, (
        # regional-script points that "expire today" (the pressure of the English "points expire" lure)
        "{ரிவார்டு|ரிவார்ட்|வெகுமதி|रिवॉर्ड|रिवार्ड|రివార్డ్|ರಿವಾರ್ಡ್|റിവാർഡ്|রিওয়ার্ড|રિવોર્ડ|રિવાર્ડ|ਰਿਵਾਰਡ} ~2 "
        "{புள்ளிகள்|பாயிண்ட்ஸ்|पॉइंट्स|पॉइंट|అంక|పాయింట్లు|ಪಾಯಿಂಟ್|പോയിന്റ്|പോയിന്റുകൾ|পয়েন্ট|પોઇન્ટ|ਪੁਆਇੰਟ} ~5 "
        "{காலாவதியாகும்|காலாவதியாகிவிடும்|समाप्त हो जाएंगे|समाप्त हो जाएगे|एक्सपायर हो जाएंगे|लैप्स हो जाएंगे|"
        "గడువు ముగుస్తుంది|ಅವಧಿ ಮುಗಿಯುತ್ತದೆ|ಅವಧಿ ಮೀರುತ್ತದೆ|കാലഹരണപ്പെടും|মেয়াদ শেষ হবে|মেয়াদ শেষ হয়ে যাবে|"
        "সমাপ্ত হবে|સમાપ્ત થઈ જશે|સમાપ્ત થશે|संपतील|ਖਤਮ ਹੋ ਜਾਣਗੇ|ਖ਼ਤਮ ਹੋ ਜਾਣਗੇ}",
    ), "REFUND_REWARD_SCAM"),

    # --- utility disconnection -----------------------------------------------------------------------------
    Cue("utility_disconnection_threat", 40, (
        "{electricity|power|bijli|electric|light|gas} {connection|supply|service|meter} ~4 {disconnect|disconnected|"
        "disconnection|cut|cut off|cutoff|terminated|will be stopped|kat|kaat|katega|kategi|band}",
        "{electricity|power|bijli|light} ~4 {will be|shall be|to be|will get|would be} {disconnected|cut|cut off|"
        "terminated}",
        "previous {month|months|month's} {bill|electricity bill} ~3 not {updated|paid|update|received}",
        "{electricity|bijli|power|eb|bescom|mseb|msedcl|tneb|electricity board} {officer|department officer|"
        "office number|helpline officer}",
        "{bijli|light|connection|bijli connection|light connection} ~3 {kat|kaat|cut|band|kaat di|kat di} "
        "{jayegi|jaegi|jayega|jaega|di jayegi|di jaegi|diya jayega|hogi|hoga}",
        "{disconnected|disconnection|cut} ~2 {tonight|today at|at # pm|at # am|at #|aaj raat}",
    ), "UTILITY_DISCONNECTION"),
    Cue("utility_disconnection_threat", 20, (
        "{electricity|power|bijli|light} {bill|bil} ~4 {not updated|not paid|unpaid|pending|overdue|not received}",
    ), "UTILITY_DISCONNECTION"),

    # --- parcel / customs / digital arrest -----------------------------------------------------------------
    Cue("parcel_customs_lure", 20, (
        "{parcel|package|shipment|courier|consignment|delivery} ~4 {held|seized|on hold|stuck|detained|"
        "confiscated|intercepted|blocked|suspended|undeliverable|awaiting payment|pending payment|returned to "
        "sender|could not be delivered due to|cannot be delivered due to}",
        "customs {duty|clearance|fee|fees|charges|department|officer|officials|verification|tax}",
        "{redelivery|re delivery|re-delivery|shipping|customs|delivery} {fee|fees|charge|charges|payment} ~4 "
        "{pay|click|link|rs|inr|unpaid|pending|required}",
        "{incomplete|invalid|wrong|incorrect|insufficient|unclear} {address|delivery address|house number|"
        "street number|postal code|pin code|zip code|address details|address information}",
        "{update|confirm|verify|correct|re enter|reconfirm} {your |the |ur |}{address|delivery address|"
        "shipping address|address details}",
    ), "PARCEL_CUSTOMS"),
    Cue("law_enforcement_threat", 45, (
        "{digital arrest|digitally arrested|digital arrested|online arrest|virtual arrest|house arrest online}",
        "{arrest|arrested|giraftar|girftar|giraftari|girftari} ~3 {warrant|video call|online|jayega|jaega|"
        "kiya jayega|kiya jaega|honi|hogi|ho sakti}",
        "{you will be|you'll be|youll be|you may be|u will be|will be} arrested",
        "{non bailable|non-bailable} ~2 {warrant|case|offence}",
        "{your|ur|aapka|aapke} {number|mobile number|sim|aadhaar|aadhar|pan|bank account|account|name|naam} ~4 "
        "{used|involved|linked|misused|registered} ~4 {illegal|crime|criminal|fraud|money laundering|"
        "drug|drugs|trafficking|terror|terrorist|hawala|case}",
        "{illegal|illicit|prohibited|contraband} ~2 {items|goods|drugs|substances|substance|passports|passport|"
        "parcel|package}",
        "{drugs|narcotics|mdma|fake passports|fake passport|ganja|cocaine} ~5 {found|parcel|package|seized|"
        "courier|shipment}",
        "{parcel|package|courier|shipment|consignment} ~6 {drugs|narcotics|mdma|fake passports|forged passports|contraband|"
        "ganja|cocaine|illegal items}",
        "{face|facing} {arrest|digital arrest|jail}",
        # Hinglish threats in the caller's own voice, without "warrant": "video call pe aao warna arrest hoga",
        # "giraftaar ho jaoge", "aapko arrest kar lenge" (I4C / state police digital-arrest advisories)
        "{warna|varna|warnaa|nahi to|nahin to|nahi toh|nhi to|otherwise} ~3 {arrest|giraftar|giraftaar|girftar|"
        "girftaar|jail} {hoga|hogi|ho jaoge|ho jaaoge|ho jayenge|ho jaenge|kar lenge|karenge|kiya jayega|"
        "jana padega|jaana padega|jaoge|jaaoge|bhej denge}",
        "{arrest|giraftar|giraftaar|girftar|girftaar} {ho jaoge|ho jaaoge|ho jayenge|ho jaenge|ho jaogi|ho jaaogi|"
        "kar lenge|kar liya jayega|kar liye jaoge|kar liya jaega}",
        "{aapko|apko|tumko|tumhe|aap|tum} {arrest|giraftar|giraftaar|girftar|jail} {kar lenge|karenge|kar liya "
        "jayega|hoga|hogi|ho jaoge|ho jaaoge|bhej denge|jana padega}",
    ), "DIGITAL_ARREST"),
    # A court / jury / sheriff "warrant" that a fine paid now clears (FTC and US court jury-scam alerts, UK HMCTS,
    # Canadian and Australian police warnings): real courts do not take fines by phone or text to stop an arrest.
    Cue("law_enforcement_threat", 45, (
        "{pay|paying|settle|clear} ~5 {fine|fines|bond|penalty|bail} ~8 {avoid|prevent|stop|or face|or} ~3 "
        "{arrest|arrested|warrant|jail|detention|custody|prosecution}",
        "{warrant|bench warrant|arrest warrant} ~10 {pay|settle|clear} ~5 {fine|fines|bond|penalty|bail}",
        "{failed to appear|failure to appear|did not appear|didn't appear|missed} ~4 {jury|jury duty|jury service|"
        "court|court date|hearing|summons} ~12 {pay|fine|fines|bond|penalty|call|warrant|arrest}",
    ), "DIGITAL_ARREST"),
    Cue("law_enforcement_threat", 45, (
        # "a warrant will be issued unless you call Deputy ..." (batch m)
        "{warrant|bench warrant|arrest warrant|arrest} ~6 {unless|until|if you do not|if you don't} ~2 {you |}{call|"
        "pay|contact|settle|respond|reply}",
    ), "DIGITAL_ARREST"),
    Cue("law_enforcement_threat", 30, (
        "{missed|skipped|failed to report for|failed to appear for|failure to appear for|did not report for|"
        "did not appear for|didn't report for|didn't appear for|no show for} {jury duty|jury service}",
        "{recall|cancel|lift|clear|withdraw|quash} {the |your |this |}{warrant|bench warrant|arrest warrant}",
        "{to have it|to get it|have it|get it} {recalled|cancelled|canceled|lifted|withdrawn|quashed}",
        "{settle|pay|clear} ~3 {fine|fines|bond|penalty} {by phone|over the phone|by calling|by gift card|by gift cards}",
    ), "DIGITAL_ARREST"),
    Cue("law_enforcement_threat", 30, (
        "money laundering",
        "{case|fir|complaint|warrant|summons|notice} ~3 {registered|filed|lodged|issued|pending} ~3 {against you|"
        "in your name|on your name|aapke khilaf|aapke naam}",
        "{cbi|ncb|enforcement directorate|narcotics bureau|narcotics control bureau|cyber cell|cyber crime|"
        "crime branch|mumbai police|delhi police|customs department|trai|department of telecommunications|"
        "interpol|income tax officer|ed officer|cbi officer|police officer|ips officer|dcp|sho} ~5 {case|notice|"
        "investigation|inquiry|enquiry|warrant|summons|arrest|complaint|fir|statement|verification|disconnect|"
        "block|blocked|suspend|suspended|video call}",
        "{police|cbi|customs|ncb|cyber cell} ~3 {case darj|fir darj|karwai|karyawahi|kaarwai|karrvai}",
        "{kanooni|kanuni|legal} {karwai|karyawahi|kaarwai|action|proceedings|notice}",
        # "aapke naam pe case hai", "aapke khilaf FIR darj hui hai" (Hinglish, the caller's own claim)
        "{aapke|apke|aapka|apka|tumhare|aap ke} {naam|name} {pe|par|per|se|mein|me} {case|fir|complaint|warrant|"
        "mukadma|mukadama|kes} {hai|he|h|darj|dard|registered|hua|hui|ho gaya|ho gayi|bana|file|nikla}",
        "{aapke|apke|tumhare|aap ke} {khilaf|khilaaf|khilap} {case|fir|complaint|warrant|mukadma|kes} {hai|he|h|darj|"
        "registered|hua|hui|ho gaya|ho gayi|bana|file|nikla|jari}",
    ), "DIGITAL_ARREST"),
    # "I'm connecting you to Mumbai Cyber police", "transferring your call to the CBI officer" (the IVR / call
    # hand-over of "digital arrest" calls; I4C advisory).
    Cue("law_enforcement_threat", 30, (
        "{connecting|connect|transferring|transfer|forwarding|forward} {you|your call|the call} ~2 to ~3 {police|"
        "cyber police|cyber crime|cyber cell|cbi|ncb|customs|crime branch|narcotics|ed|enforcement directorate|"
        "investigating officer|police officer|cbi officer}",
    ), "DIGITAL_ARREST"),
    Cue("law_enforcement_threat", 15, (
        "{court|legal} {notice|summons|order|case|proceedings}",
        "{legal action|police complaint|police case}",
    ), "DIGITAL_ARREST"),
    Cue("safe_account_transfer", 45, (
        "{safe|secure|secured|safety|rbi|government|govt|verification|escrow|supervision|supervisory} "
        "{account|accounts|bank account|khata}",
        "{verify|verification of|verifying|legitimacy of} {your |ur |the |}{funds|money|savings|balance|"
        "bank balance|assets}",
        "{transfer|move|shift|deposit|send} ~4 {money|funds|savings|amount|balance|paise} ~4 {for verification|"
        "to verify|for investigation|for checking|temporarily|will be returned|will be refunded|safe}",
    ), "SAFE_ACCOUNT_TRANSFER"),

    # --- jobs, tasks, investment, loans --------------------------------------------------------------------
    Cue("job_task_lure", 25, (
        "{simple|easy|online typing|copy paste|prepaid|merchant|daily|like and earn} {task|tasks|assignment|"
        "assignments}",
        "earn ~3 {daily|per day|a day|per hour|an hour|weekly|per week|from home|upto|up to|extra income|"
        "rs|inr|thousands|lakhs|part time|online|salary|commission}",
        "{daily|weekly} {income|salary|payment|payout|earning|earnings|profit|commission}",
        "{like|subscribe|rate|review|follow} ~3 {youtube|videos|video|hotels|hotel|products|google maps|"
        "restaurants|instagram|posts|channels|movies|apps} ~6 {earn|paid|pay|payment|commission|income|salary|rs|"
        "inr|per task|bonus}",
        "{hr|hr manager|hr team|recruiter|hiring manager|recruitment team} ~5 {whatsapp|telegram|wa me|contact}",
        "{ghar baithe|ghar se} ~3 {kamaye|kamaiye|kamayein|kamao|earning|income|paise|kamai|naukri|job}",
        "{roz|rozana|daily|din ke} ~3 {kamaye|kamaiye|kamayein|kamao|kamai|kamaai}",
        "{salary|income|earn|earning|earnings|payment|pay} ~3 {per day|a day|daily|per task|per hour|an hour}",
        "{per review|per rating|per like|per task|per video|per follow|per post|per order review|each review|"
        "each task|each like}",
        "pehle ~3 {invest|deposit|jama|pay|recharge} ~6 {wapas|vapas|milenge|milega}",
        "{task|tasks} ~3 {complete|karo|karein|kare|pura|poora|finish} ~6 {pao|paao|milenge|milega|earn|get|"
        "rupaye|rs|commission}",
        # other languages' work-from-phone offers: Tagalog "cellphone lang kailangan" (only a phone needed), Bengali
        # "ঘরে বসে দিনে ... টাকা আয় করুন" (earn at home), Hindi script "घर बैठे ... कमाएं"
        "{cellphone|cp|phone|mobile} lang ~2 {kailangan|ang kailangan|need}",
        "ঘরে বসে ~6 {আয়|ইনকাম|রোজগার|উপার্জন}",
        "দিনে ~4 টাকা ~2 {আয়|ইনকাম|রোজগার|উপার্জন}",
        "घर बैठे ~6 {कमाएं|कमाइए|कमाई|कमाओ|इनकम}",
    ), "JOB_TASK_SCAM"),
    Cue("job_task_lure", 25, (
        "{hiring|recruiting|recruitment|vacancy|vacancies|job|jobs|selected|shortlisted|salary} ~9 {registration fee|joining fee|"
        "security deposit|training fee|kit fee|interview fee|registration charge|registration charges|uniform fee|"
        "uniform charge|uniform charges|id card fee|verification fee|document fee|documentation fee|"
        "refundable after joining|refundable on joining|refunded after joining|refunded with salary|"
        "refundable with first salary}",
    ), "JOB_TASK_SCAM"),
    Cue("job_task_lure", 12, (
        "{part time|part-time|parttime|online|home based|work from home|wfh|data entry|typing} {job|jobs|work|"
        "opportunity|income|vacancy|vacancies}",
        # "We are hiring part-time", "hiring kami ng online part time" (Tagalog)
        "{hiring|recruiting} ~3 {part time|part-time|parttime}",
    ), "JOB_TASK_SCAM"),
    # --- recovery scams: a "licensed asset recovery firm" offering to get back money lost to an earlier scam (FTC,
    # FCA, I4C advisories: recovery offers are the second scam on the same victim) ---------------------------------
    # (the firm itself: nobody but a recovery scam texts the victims of earlier scams to offer one)
    Cue("investment_lure", 40, (
        "{asset|fund|funds|crypto|scam|money|usdt|bitcoin} recovery {firm|agency|company|team|service|services|experts|"
        "specialists|agents}",
    ), "INVESTMENT_SCAM"),
    Cue("investment_lure", 30, (
        "{recover|retrieve|get back|reclaim} ~4 {lost funds|stolen funds|scammed funds|lost crypto|lost usdt|"
        "lost bitcoin|lost investment|lost investments|your lost money}",
    ), "INVESTMENT_SCAM"),
    Cue("investment_lure", 30, (
        "{guaranteed|assured|fixed|sure shot|sureshot|100%|100 %|risk free|risk-free|no risk} ~1 {returns|return|"
        "profit|profits|income|gains|gain|earning|earnings}",
        "{double|triple} {your |ur |the |}{money|investment|amount|capital}",
        "{stock|share|trading|crypto|ipo|forex|option|options|intraday|f&o|commodity} {tips|tip|signals|calls|"
        "group|advisory|expert} ~3 {group|vip|free|join|telegram|whatsapp|daily}",
        "{vip|premium|private|exclusive} {trading|stock|investment|crypto|share market} {group|club|channel|plan}",
        "{ipo|pre ipo|institutional|block trade} {allotment|shares|quota|account|opportunity} ~6 {profit|profits|returns|"
        "gains|listing gains|discount|vip|group|whatsapp|telegram|guaranteed|assured}",
        "{earn|get|guaranteed|assured|upto|up to} # {profit|profits|returns|return|roi|gains}",
        "{high|huge|massive} {returns|profit|profits|roi} ~3 {daily|weekly|monthly|guaranteed|assured|in # days}",
        "{paisa|paise|pese|paison|rupaye} ~2 {double|dugna|doguna|dogune|tigna}",
        "{returns|return|profit|profits|income|gains} {assured|guaranteed|guarantee|pakka|fixed}",
        "{2x|3x|4x|5x|10x|double|triple|teen guna|tin guna|char guna|chaar guna|das guna|dugna|tigna} "
        "{returns|return|profit|profits|paisa|money}",
        "{paisa|paise|money|investment|amount|capital} ~4 {teen guna|tin guna|char guna|chaar guna|das guna|dugna|"
        "tigna|doguna|double} {karo|karein|karen|kariye|ho jayega|hoga|milega|milenge}",
    ), "INVESTMENT_SCAM"),
    Cue("investment_lure", 10, (
        "{bitcoin|crypto|cryptocurrency|usdt|forex trading|binary option|binary options|gold trading|crypto trading|"
        "trading platform|trading app}",
        # forex as a trade, not a bank's forex card
        "{learn|learning|trade|trading in|invest in|investing in} forex",
        "forex {market|markets|investment|investing|profits|signals|account|trader}",
        # the trading terminals pig-butchering "mentors" onboard victims to (FBI IC3, I4C advisories; batch i)
        "{mt4|mt5|mt 4|mt 5|metatrader|meta trader|metatrader 4|metatrader 5}",
        "{i|we} {trade|invest|am trading|have been trading|started trading} {in |on |}{gold|crypto|bitcoin|forex|"
        "usdt|futures|stocks|commodities|options}",
    ), "INVESTMENT_SCAM", negatable=False),
    # A stranger's boast of quick trading profits ("I made $12,000 last week trading gold", "earned 3 lakh this
    # month from crypto"): the hook of the pig-butchering approach. Needs a period and a trading word.
    Cue("investment_lure", 20, (
        "{made|earned|gained|profited|profit of|earning} ~3 # ~4 {last week|this week|last month|this month|in a week|"
        "in one week|in a month|in # days|in # weeks|per day|a day|every day|daily} ~6 {trade|trading|trades|crypto|"
        "bitcoin|gold|forex|stocks|mt4|mt5|invest|investing|investment}",
        "{trade|trading|crypto|bitcoin|gold|forex|stocks|mt4|mt5|investing|investment} ~6 {made|earned|"
        "gained|profited|profit of} ~3 # ~4 {last week|this week|last month|this month|in a week|in one week|"
        "in a month|in # days|in # weeks|per day|a day|every day|daily}",
    ), "INVESTMENT_SCAM"),
    Cue("loan_lure", 20, (
        "{instant|quick|easy|urgent|fast|turant} {loan|loans|cash loan|personal loan|cash|credit} ~3 {approved|"
        "available|sanctioned|without|no|in # minutes|in minutes|download|apply|click|link|app}",
        "{loan|loan amount|loan of} ~4 {approved|sanctioned|disbursed|pre approved|preapproved} ~6 {fee|fees|"
        "charge|charges|pay|click|download|install|link|apk|app}",
        "{without|no} {cibil|cibil score|credit score|credit check|documents|document|paperwork|income proof|"
        "salary slip|collateral}",
        "loan {app|apk|application} ~3 {download|install|link}",
        "{loan|karz|karja} ~2 {milega|turant|bina}",
        # Hinglish / Hindi "loan 3 lakh approve ho gaya ... processing fee bhejo" (batch p): the approval with a fee or
        # payment word after it, as the English form above
        "{loan|lone|karz} ~4 {approve|approved|sanction|pass|paas|manjoor|manzoor} {ho gaya|ho gya|ho gayi|ho chuka|"
        "hua|kar diya} ~8 {fee|fees|charge|charges|pay|bhejo|bhejein|bhej do|jama|bharo}",
        "{लोन|ऋण} ~4 {मंजूर|स्वीकृत|पास|अप्रूव} ~8 {फीस|शुल्क|चार्ज|भेजें|भेजो|जमा|भरें}",
    ), "LOAN_APP_SCAM"),

    # --- family emergency, sextortion, tech support --------------------------------------------------------
    Cue("family_emergency", 10, (
        "{hi|hello|hey} {mum|mom|mummy|dad|daddy|papa|maa|mother|father}",
        "{this is my|my} new {number|no|whatsapp number|mobile number}",
        "{mera|meri|ye mera|yeh mera} {naya|nya|new} {number|no|whatsapp number|mobile number}",
        "{phone|mobile|mine} {is|got|was|has been} {broken|stolen|lost|damaged|dead|smashed}",
        "{using|on} {a |my |}{friend's|friends|friend|colleague's|friend s} {phone|mobile|number}",
        "{i have|i've got|ive got|i got} {a |}new {number|phone|no|mobile}",
        "my {phone|mobile} {broke|died|fell|is gone|got stolen|was stolen|got lost|is lost|stopped working}",
        "{phone|mobile} {smashed|cracked|broke|died|dead|stolen|lost|gone|got smashed|got cracked|fell in|is broken|"
        "is dead|is smashed}",
        "{texting|messaging|writing|msging|texting you|messaging you} {from|on} {a |}{new|different|friend's|friends|"
        "borrowed|another|mate's} {one|phone|number|mobile|no}",
        "{ye|yeh|ye mera|yeh mera|ab ye|ab yeh} {naya|nya|new} {number|no|phone|mobile}",
        "{phone|mobile} {kharab|toot|tut|kho|chori|kharaab} {ho gaya|ho gya|gaya|gya|hogaya}",
        # "my screen cracked so I'm on a spare phone", "this is a temporary number" (batch k)
        "{screen|phone screen} {cracked|smashed|broke|is broken|is cracked|got cracked}",
        "{on|using} {a |my |an |}{spare|temporary|temp|backup|old} {phone|number|mobile|no}",
        "{this is|this is my|this is a} {temporary|temp|spare} {number|phone|no|mobile}",
    ), "FAMILY_EMERGENCY"),
    Cue("family_emergency", 25, (
        "{accident|hospital|hospitalized|hospitalised|emergency|arrested|police station|surgery|operation} ~6 "
        "{send|transfer|need|bhejo|bhej do} ~3 {money|rs|cash|amount|funds|paise|inr}",
        "{send|transfer|bhejo|bhej do} ~3 {money|paise|rs|amount} ~3 {urgently|immediately|asap|right now|turant|jaldi}",
        # "Your son has been caught by police in a case": a stranger reporting the reader's relative in custody (the
        # fake-police "relative arrested" scam, I4C advisories); a relative writing about themselves says "I" / "me".
        "{your|ur|aapka|aapke|aapki|apka|apke|apki} {son|daughter|husband|wife|brother|sister|father|mother|beta|"
        "bete|beti|ladka|ladki|pati|bhai|behen} ~4 {arrested|detained|caught by police|caught by the police|"
        "picked up by police|taken by police|in police custody|in custody|giraftar|hirasat|hirasat mein}",
    ), "FAMILY_EMERGENCY"),
    Cue("sextortion_threat", 40, (
        "{video|videos|photos|pics|pictures|recording|clip|images} ~5 {viral|leak|leaked|will upload|will share|"
        "will post|will send|will be sent|will be shared|will be posted|will be uploaded|uploaded to|posted on|"
        "sent to your|shared with your} ~5 {family|contacts|friends|relatives|social media|youtube|facebook}",
    ), "SEXTORTION"),
    Cue("tech_support_lure", 20, (
        "{virus|viruses|malware|trojan|spyware|hacked|compromised|infected} ~3 {your|ur|computer|pc|laptop|device|"
        "phone|mobile|account|system|detected|found}",
        "{microsoft|windows|apple|icloud|norton|mcafee|geek squad} {support|security|technician|team|refund|"
        "renewal|subscription}",
    ), "TECH_SUPPORT"),

    # --- calls to action -----------------------------------------------------------------------------------
    Cue("link_click_request", 10, (
        "{click|tap|visit|open|follow|use|go to|login at|log in at|sign in at} ~3 {link|here|below|url|"
        "website|site|page}",
        "{click|tap|visit} ~2 {on|at}",
        f"{{link|url|website}} {{par|pe|per|pr}} {{click|visit|jaakar|jakar|jaa kar|ja kar}} {{|{_DO[1:-1]}}}",
        f"{{click|tap}} {_DO}",
    ), None),
    Cue("callback_request", 10, (
        "{call|contact|dial|ring|whatsapp|message|text} ~3 {immediately|now|urgently|asap|helpline|customer care|"
        "executive|officer|this number|the number|our executive|our agent|our officer|toll free}",
        # "If not done by you, call back" / "call us back": the number to call is the caller's (a missed call)
        "{call|ring|phone|contact} {back|us back|callback}",
        "{join|connect|come on|appear on|stay on} ~2 {video call|skype|skype call|whatsapp call|zoom call|video}",
        "join ~3 {telegram|whatsapp|whatsapp group|telegram group|telegram channel|whatsapp channel}",
        "{message|contact|ping|text|dm|msg|reach} ~3 {on whatsapp|on telegram|on wa|via whatsapp|via telegram}",
        "{whatsapp|telegram} {prof|professor|dr|mr|mrs|ms|our|us|me|sir|madam|hr|assistant|team|admin|manager}",
        "{send|message|text} {hi|hello|yes} {on|to} {whatsapp|telegram|wa}",
        "{telegram|whatsapp} ~2 {join|join karo|join karein|join kare|join kijiye}",
        f"{{call|phone|sampark}} {_DO}",
    ), None),
    # --- wrong transfer, collect requests, sideloaded apps, mule accounts (NPCI / I4C advisories) -------------
    Cue("wrong_transfer_return", 30, (
        "{sent|transferred|credited|paid|went|gone|came|send|transfer} ~8 {by mistake|mistakenly|wrongly|"
        "accidentally|by error|in error|galti se|galati se}",
        "{by mistake|mistakenly|wrongly|accidentally|galti se|galati se} ~5 {sent|transferred|credited|paid|"
        "transfer|bhej|bheje|bhej diye|aa gaye|aaye|chale gaye|chala gaya|ho gaye|ho gaya}",
        "{please|pls|kindly|plz} {return|refund|send back|reverse|give back} ~3 {it|the money|the amount|money|amount|"
        "my money|rs|it back}",
        "{wapas|vapas|waapas|vaapas|return} {bhej|kar|de} {do|dijiye|dena|dein|den|dijie|karo|karein}",
        # "mera payment galat number pe chala gaya", "wrong number pe transfer ho gaya"; "lauta do"
        "{galat|galt|wrong} {number|account|upi|upi id|khate} ~2 {pe|par|per|me|mein|main} ~3 {chala gaya|chale gaye|"
        "chali gayi|aa gaya|aa gaye|transfer|bhej diya|bhej diye|ho gaya|ho gaye}",
        "{payment|amount|karke|kar ke|accept karke|approve karke} ~2 {lauta|lota|lauta ke} {do|dijiye|dena|dein|den|"
        "de}",
    ), "PAYMENT_FRAUD"),
    Cue("pin_to_receive", 50, (
        "{accept|approve} ~5 {with|using|by entering|and enter|then enter|aur} ~2 {your |ur |the |}{upi pin|pin|"
        "mpin|upi pin daalein|pin daalein|pin dalein}",
        "{paane|lene|prapt karne|receive karne|credit karne} {ke liye|keliye} ~6 {pin|upi pin|mpin} ~2 {daalein|"
        "dalein|daliye|dale|daalo|dalo|enter|enter karein|dalna|daalna}",
        "request ~2 {accept|approve} {karein|karen|karo|kar lena|kar do|kijiye|karna|kar dena} ~4 {pin|upi pin}",
    ), "UPI_COLLECT_LURE"),
    Cue("pin_to_receive", 30, (
        "{accept|approve} ~2 {the |my |this |that |}{collect request|payment request|request}",
        "request ~4 {accept|approve} {karein|karen|karo|kar lena|kar do|kijiye|karna|kar dena}",
    ), "UPI_COLLECT_LURE"),
    Cue("money_mule_request", 50, (
        "{rent|renting|lend|lending|hire|sell|selling|use|using|give|giving|provide|providing|share|sharing} ~3 "
        "{your |ur |apna |}{bank account|current account|savings account|account|accounts|upi id|sim card|atm card|"
        "debit card} ~6 {commission|per day|daily|weekly|per week|income|earn|rs|percent|gaming|transactions|"
        "transaction|payment|payments|per month|monthly}",
        "{commission|percent} ~4 {milega|milenge|on every|per transaction} ~8 {aage bhejne|forward|transfer|"
        "aage transfer|bhejne}",
    ), "PAYMENT_FRAUD"),
    Cue("money_mule_request", 35, (
        "{apna|apne|your} {bank account|account|khata|atm|atm card|sim} ~4 {de sakta|de sakte|de sakti|dedo|de do|"
        "rent pe|kiraye pe|kiraye par|use karne do}",
        "{account|bank account|current account|savings account|khata|sim|sim card|atm card} ~3 {kiraye|kiraya|rent} "
        "{pe|par|per|on} {do|dedo|de do|dijiye|dein|de|dena}",
    ), "PAYMENT_FRAUD"),
    Cue("advance_fee_request", 25, (
        "{withdraw|withdrawal|nikalne|nikaalne|redeem} ~4 {pehle|first|before} ~4 {pay|deposit|task|fee|recharge|"
        "tax|charge|complete|rs}",
        "{registration fee|registration charge|joining fee|file charge|file charges|processing fee|processing charge|"
        "activation fee|verification fee|release fee|unlock fee|withdrawal fee|security deposit|rto tax|gst|tds|"
        "customs duty|delivery charge|insurance charge} ~3 {jama karein|jama karo|"
        "jama kare|jama kijiye|bharein|bhariye|bharo|bhejein|bhejiye|bhejo|pay karein|pay karo}",
        "{pay|deposit} ~4 {gst|tax|network fee|gas fee|withdrawal fee|unlock fee|release fee|file charge|"
        "file charges|insurance charge} ~4 {to release|to receive|to withdraw|to get|to claim|release}",
    ), None),
    # --- OTP / code theft (extra forms) ---------------------------------------------------------------------
    Cue("credential_request", 50, (
        "{share|tell|read|read out|send|give|forward|confirm|batao|bata do} ~3 {the |that |this |}{otp|code|"
        "6 digit code|verification code|pin} ~3 {you received|you have received|you got|sent to you|sent to your|"
        "that came|just received|we sent|i am sending|i sent|i will send|i'll send|you will receive|you'll "
        "receive|received on your|on your phone|on your mobile}",
        f"{_CRED_SHORT} {_TELL} ~2 jo ~3 {{aaya|aaya hai|aayega|aya|aya hai|mila|mila hai|aayi|ayi}}",
        # "jo OTP aaya hai woh bata do" (the same ask, the other word order)
        f"jo {_CRED_SHORT} ~2 {{aaya|aaya hai|aayega|aya|aya hai|mila|mila hai|aayi|ayi|aayi hai}} ~3 {_TELL}",
        "{accidentally|mistakenly|by mistake|galti se} ~3 {sent|send|bhej} ~4 {code|otp|6 digit code|"
        "verification code}",
        # "maine galti se tumhare number pe 6 digit code bhej diya, forward kar do" (batch m: the code first)
        "{accidentally|mistakenly|by mistake|galti se|galati se} ~6 {code|otp|6 digit code|verification code} ~2 "
        "{bhej diya|bhej diye|chala gaya|chali gayi|aa gaya|aaya hai|went|was sent|got sent}",
        "{code|otp|login code|verification code|6 digit code} ~4 {to your|on your|to ur|on ur|tumhare|tumhara|aapke|"
        "aapka|apke} ~3 {number|phone|mobile|no|pe|par} ~4 {by mistake|mistakenly|accidentally|galti se}",
        "{tell|give|read|share|send|forward} {me|us} {the|that|this|your} {code|otp|pin|verification code}",
        "{share|send|tell|forward|give|confirm|read|read out|provide} ~6 {code|otp|verification code} {you will receive|you'll receive|you received|"
        "you get|you will get|that you receive|you are going to receive|you receive|you have received|you got}",
        "{executive|officer|agent|person|banda|aadmi} ~4 {call|calls|will call|call karega} ~4 {otp|code|pin} "
        "~2 {bata|batana|bata dena|share|tell|give|de dena}",
    ), "OTP_THEFT"),
    # --- sextortion, family emergency (extra forms) ---------------------------------------------------------
    Cue("sextortion_threat", 40, (
        "{nude|naked|obscene|intimate|private|objectionable|morphed|adult|dirty|sex} {video|videos|photo|photos|"
        "pics|pictures|images|clip|clips|recording|video call recording|chat}",
        "{upload|leak|leaked|viral|send it|send them|send this|send the video|send the photos|share it|share them|"
        "forward it|post it} ~5 {to|on|with} ~4 {family|friends|contacts|relatives|youtube|facebook|instagram|"
        "social media|everyone|all your}",
        # "pay 5000 or I post them", "send 2000 or we will share these everywhere" (r5 review)
        "{pay|send|transfer|give} ~5 {or|else|otherwise} {i|we} ~2 {post|share|leak|upload|publish|send|forward} ~2 "
        "{them|it|these|this|everywhere|online|the photos|the video|the pics}",
        "{watching|watched|viewing|browsing} ~3 {obscene|porn|pornographic|adult|child} ~2 {content|videos|"
        "websites|material|sites}",
        "{video|videos|photo|photos|pics|clip|recording} ~4 {viral|leak|upload|morph} {kar denge|kar dunga|kar doonga|"
        "kar dege|karenge|kar dengi|kar diya jayega|kar di jayegi}",
        "{contacts|family|relatives|dosto|doston|gharwalon|ghar walon|sabko|sab contacts} ko {bhej denge|bhej dunga|"
        "bhej doonga|dikha denge|dikha dunga|send kar denge|bhej di jayegi}",
        "{bhejo|bhej do|pay karo|de do|transfer karo} {warna|varna|nahi to|nahin to|nahi toh} ~6 {video|videos|photo|"
        "photos|pics|viral|leak|upload|contacts|gharwalon|ghar walon|sabko|family|relatives|dosto|doston}",
        "{will|we'll|i'll|shall|otherwise|or else|else|warna|varna|or we|or i} ~3 {send|share|forward|leak|post|upload} "
        "~3 {photos|pics|pictures|videos|video|images|morphed photos|morphed pictures} ~4 {contacts|family|relatives|"
        "friends}",
    ), "SEXTORTION"),
    Cue("family_emergency", 25, (
        "{need|needs|needed|chahiye} ~3 {rs|money|#|paise|amount} ~4 {urgently|immediately|asap|bail|for bail|"
        "for hospital|hospital|fees|for fees|for surgery|operation}",
        "{bail|jamanat} {money|amount|paise|rashi}",
        "{accident|hospital|operation|surgery|emergency|admit|admitted} ~9 {upi|gpay|google pay|phonepe|paytm|account} "
        "{pe|par|me|mein|main} {daal do|dal do|daalo|dalo|bhej do|bhejo|transfer karo|kar do}",
        "{urgent|urgently|turant|jaldi|abhi} {#|rs #} ~2 {chahiye|bhejo|bhej do|bhejiye|transfer karo}",
        "{turant|jaldi|abhi|urgent} ~3 {#|rs|paise|paisa|amount} ~3 {bhejna|bhejo|bhej do|bhejiye|bhejdo|chahiye|"
        "transfer|google pay|gpay|phonepe|paytm}",
        "{broke|lost|dropped|damaged} my phone",
        "{phone|mobile} {kho gaya|kho gya|toot gaya|tut gaya|kharab ho gaya|gir gaya|kharab ho gya}",

    ), "FAMILY_EMERGENCY"),
    Cue("secrecy_demand", 15, (
        "{don't|do not|dont|never} tell {anyone|anybody|aunty|uncle|mom|mum|dad|mummy|papa|your parents|parents|"
        "your family|family|your wife|your husband}",
        "{kisi ko|kisiko|ghar pe|ghar par|ghar mein|mummy ko|papa ko|ghar walon ko|gharwalon ko} {bhi |}{mat|na|"
        "nahi} {batana|bataana|batao|bataiye|batayein|bolna}",
    ), None),
    # --- TRAI / telecom "press 9" ---------------------------------------------------------------------------
    Cue("law_enforcement_threat", 30, (
        "{press|dial} {#} ~4 {to speak|to talk|to connect|for|to know|officer|executive|customer care}",
        "{number|numbers|sim|sim card|mobile number|mobile} ~6 {illegal|criminal|unlawful|suspicious} "
        "{activity|activities|use|messages|purposes}",
    ), "DIGITAL_ARREST"),

    # --- Hindi (Devanagari), from the same advisories -------------------------------------------------------
    Cue("account_block_threat", 30, (
        "{खाता|अकाउंट|बैंक खाता|सिम|सिम कार्ड|कार्ड|योनो|यूपीआई|नंबर|मोबाइल नंबर|कनेक्शन|गैस कनेक्शन|पैन कार्ड} "
        "~6 {बंद|ब्लॉक|फ्रीज|फ्रीज़|निलंबित|सस्पेंड|डीएक्टिवेट|निष्क्रिय} {हो जाएगा|हो जायेगा|हो जाएगी|हो जायेगी|"
        "कर दिया जाएगा|कर दिया जायेगा|कर दी जाएगी|कर दी जायेगी|हो सकता है|हो सकती है|कर दिया जाएगा।}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("kyc_update_lure", 30, (
        "{केवाईसी|ई केवाईसी|ईकेवाईसी|kyc|ekyc} ~3 {अपडेट|पेंडिंग|लंबित|समाप्त|एक्सपायर|अधूरा|अधूरी|अपूर्ण|"
        "वेरिफाई|सत्यापन}",
        "{पैन|पैन कार्ड|आधार|आधार कार्ड} ~3 {अपडेट|लिंक|वेरिफाई|सत्यापित} {नहीं|करें|करे|कीजिए|करिए|करो}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("utility_disconnection_threat", 40, (
        "{बिजली|बिजली कनेक्शन|लाइट|विद्युत|कनेक्शन|बिजली की आपूर्ति} ~4 {काट|कट|बंद} {दी जाएगी|दिया जाएगा|"
        "दी जायेगी|दिया जायेगा|हो जाएगी|हो जाएगा|कर दी जाएगी|कर दिया जाएगा}",
        "{बिजली अधिकारी|बिजली विभाग|विद्युत अधिकारी|विद्युत विभाग}",
        "{पिछले|पिछला} {महीने|माह} ~2 {बिल|का बिल} ~3 {अपडेट|जमा|भुगतान} नहीं",
    ), "UTILITY_DISCONNECTION"),
    Cue("law_enforcement_threat", 45, (
        "{डिजिटल अरेस्ट|डिजिटल गिरफ्तारी|ऑनलाइन गिरफ्तारी}",
        "{गिरफ्तार|गिरफ़्तार|गिरफ्तारी|गिरफ़्तारी|अरेस्ट} ~3 {किया जाएगा|किया जायेगा|होगी|हो सकती|वारंट|हो जाएगी|"
        "कर लिया जाएगा}",
        "{मनी लॉन्ड्रिंग|मनी लांड्रिंग|हवाला|ड्रग्स|नशीले पदार्थ}",
    ), "DIGITAL_ARREST"),
    Cue("law_enforcement_threat", 30, (
        "{सीबीआई|पुलिस|ट्राई|कस्टम्स|कस्टम|साइबर क्राइम|साइबर सेल|ईडी|क्राइम ब्रांच|दूरसंचार विभाग} ~5 {केस|मामला|"
        "एफआईआर|नोटिस|जांच|जाँच|वारंट|अधिकारी|शिकायत}",
        "{0|1|2|3|9} {दबाएं|दबाएँ|दबाइए|दबाये}",  # a phrase may not start with '#' (every token would be tried)
    ), "DIGITAL_ARREST"),
    Cue("secrecy_demand", 15, (
        "{कॉल|वीडियो कॉल|फोन} {डिस्कनेक्ट|कट|बंद} {न|मत}",
        "{किसी को|किसीको|परिवार को|घर पर} {भी |}{न|मत} {बताएं|बताएँ|बताना|बताइए}",
    ), "DIGITAL_ARREST", negatable=False),
    Cue("prize_lottery", 25, (
        "{लॉटरी|इनाम|ईनाम|केबीसी|लकी ड्रा|कौन बनेगा करोड़पति|कौन बनेगा करोड़पति|जैकपॉट|पुरस्कार राशि|इनाम राशि}",
        "{आपने|आप} ~4 {जीते|जीता|जीती|जीत लिया|जीत लिए|जीत गए}",
    ), "PRIZE_LOTTERY"),
    # The same lottery / prize claim in the other Indian scripts (Bengali, Marathi, Gujarati, Gurmukhi, Tamil,
    # Telugu, Kannada, Malayalam) and its romanised forms: lottery, prize money, "you have won".
    Cue("prize_lottery", 25, (
        "{লটারি|লটারী|পুরস্কার|লাকি ড্র|জ্যাকপট|বক্ষিস|बक्षीस|बक्षिस|लकी ड्रॉ|લોટરી|ઇનામ|ઈનામ|લકી ડ્રો|ਲਾਟਰੀ|ਇਨਾਮ|"
        "லாட்டரி|பரிசு|பரிசுத்தொகை|பரிசுத் தொகை|அதிர்ஷ்ட குலுக்கல்|లాటరీ|బహుమతి|లక్కీ డ్రా|ಲಾಟರಿ|ಬಹುಮಾನ|ಲಕ್ಕಿ ಡ್ರಾ|"
        "ലോട്ടറി|സമ്മാനം|സമ്മാനത്തുക|ലക്കി ഡ്രോ|bakshis|baksheesh|parisu|bahumathi|bahumati|bahumana|sammanam}",
        "{জিতেছেন|জিতেছে|জিতেছো|जिंकले|जिंकला|जिंकली|જીત્યા|જીત્યું|ਜਿੱਤਿਆ|வென்றுள்ளீர்கள்|வென்றீர்கள்|గెలుచుకున్నారు|"
        "గెలిచారు|ಗೆದ್ದಿದ್ದೀರಿ|ಗೆದ್ದಿದ್ದಾರೆ|നേടിയിരിക്കുന്നു|നേടി}",
    ), "PRIZE_LOTTERY"),
    Cue("callback_request", 10, (
        "{যোগাযোগ করুন|কল করুন|ফোন করুন|संपर्क करा|कॉल करा|फोन करा|સંપર્ક કરો|કોલ કરો|ਸੰਪਰਕ ਕਰੋ|ਕਾਲ ਕਰੋ|"
        "தொடர்பு கொள்ளவும்|அழைக்கவும்|సంప్రదించండి|కాల్ చేయండి|ಸಂಪರ್ಕಿಸಿ|ಕರೆ ಮಾಡಿ|ബന്ധപ്പെടുക|വിളിക്കുക}",
    ), None),
    Cue("job_task_lure", 25, (
        "घर बैठे ~3 {कमाएं|कमाएँ|कमाइए|कमाये|कमाई|कमा|पैसे|कमाएं।|कमाएँ।}",
        "{रोज़|रोज|रोजाना|रोज़ाना|प्रतिदिन|हर दिन|डेली} ~3 {कमाएं|कमाएँ|कमाइए|कमाये|कमा|कमाई}",
        "{पार्ट टाइम|ऑनलाइन|वर्क फ्रॉम होम} {काम|जॉब|नौकरी} ~4 {कमाएं|कमाएँ|कमाइए|कमा|रोज़|रोज|रु|रुपये}",
        "{यूट्यूब|वीडियो} ~3 {लाइक} ~3 {करें|करो|कीजिए|कमाएं|कमाएँ|पैसे}",
        "{जॉब ऑफर|पार्ट टाइम जॉब|पार्ट टाइम नौकरी}",
    ), "JOB_TASK_SCAM"),
    Cue("advance_fee_request", 20, (
        "{रजिस्ट्रेशन|पंजीकरण|प्रोसेसिंग|प्रोसेसिंग फीस|क्लियरेंस} {फीस|शुल्क|चार्ज} ~4 {जमा|भरें|दें|भेजें|रु}",
    ), None),
    Cue("credential_request", 40, (
        "{ओटीपी|otp|पिन|यूपीआई पिन|एमपिन|सीवीवी|पासवर्ड} ~3 {बताएं|बताएँ|बताइए|बताओ|बता दें|शेयर करें|भेजें|भेजिए|दें|दीजिए}",
        # the same ask in Kannada / Tamil / Telugu / Bengali / Marathi / Gujarati script ("tell / share the code that
        # came"; batch n): the imperative forms only, the prohibitions are other words
        "{ಒಟಿಪಿ|ಓಟಿಪಿ|ಕೋಡ್|ಪಿನ್|otp} ~2 {ಹೇಳಿ|ತಿಳಿಸಿ|ಕಳುಹಿಸಿ|ಹಂಚಿಕೊಳ್ಳಿ}",
        "{ஓடிபி|ஓடிபியை|கோட்|குறியீட்டை|குறியீடு|பின்|otp} ~2 {சொல்லுங்கள்|சொல்லவும்|அனுப்பவும்|பகிரவும்|கூறவும்}",
        "{ఓటీపీ|ఓటిపి|కోడ్|పిన్|otp} ~2 {చెప్పండి|పంపండి|షేర్ చేయండి|తెలియజేయండి}",
        "{ওটিপি|কোড|কোডটি|পিন|otp} ~2 {বলুন|জানান|পাঠান|শেয়ার করুন|বলে দিন}",
        "{ओटीपी|कोड|पिन|otp} ~2 {सांगा|पाठवा|शेअर करा}",
        "{ઓટીપી|કોડ|પિન|otp} ~2 {જણાવો|મોકલો|કહો|શેર કરો}",
    ), "OTP_THEFT"),
    Cue("refund_cashback_lure", 25, (
        "{आयकर|इनकम टैक्स|टैक्स|आईटीआर|बिजली|गैस} रिफंड",
        "रिफंड ~3 {स्वीकृत|पेंडिंग|लंबित|मंजूर|अप्रूव}",
        "{कैशबैक|रिफंड|इनाम|पैसे} {पाने|लेने|प्राप्त करने} के लिए",
    ), "REFUND_REWARD_SCAM"),
    Cue("remote_access_app", 55, (
        "{एनीडेस्क|एनी डेस्क|टीमव्यूअर|टीम व्यूअर|रस्टडेस्क|रस्ट डेस्क|क्विक सपोर्ट}",
    ), "REMOTE_ACCESS", negatable=False),
    Cue("app_install_request", 25, (
        "{ऐप|एप|एपीके|एप्लीकेशन} ~2 {डाउनलोड|इंस्टॉल|इंस्टाल} {करें|करे|कीजिए|करो|करिए}",
    ), "PHISHING_LINK"),
    Cue("urgency", 10, (
        "{तुरंत|फौरन|फ़ौरन|जल्द से जल्द|आज रात|आज ही}",
        "{1|2|3|4|5|6|10|12|15|24|30|48} {घंटे|घंटों|मिनट} {में|के अंदर|के भीतर}",
    ), None),
    Cue("wrong_transfer_return", 30, (
        "गलती से ~6 {आ गए|आ गये|आ गया|भेज दिए|भेज दिये|भेज दिया|ट्रांसफर|चले गए|चला गया}",
        "वापस {भेज दें|भेजें|कर दें|भेज दीजिए|कर दीजिए|भेज दो|कर दो}",
    ), "PAYMENT_FRAUD"),
    Cue("pin_to_receive", 50, (
        "{पिन|यूपीआई पिन|एमपिन} {डालकर|डाल कर|डालें|डालकर के} ~3 {स्वीकार|एक्सेप्ट|प्राप्त}",
    ), "UPI_COLLECT_LURE"),
    Cue("callback_request", 10, (
        "{कॉल|फोन|फ़ोन|संपर्क|व्हाट्सएप|व्हाट्सऐप} {करें|करे|कीजिए|करिए|करो}",
        "{टेलीग्राम|व्हाट्सएप|व्हाट्सऐप} {पर|से} {जुड़ें|जुड़े|जुड़िए|संपर्क|मैसेज|बात}",
    ), None),
    Cue("link_click_request", 10, (
        "लिंक ~3 {क्लिक|खोलें|पर जाएं}",
    ), None),

    # --- armed-forces buyer / seller (OLX, Quikr, Marketplace) -------------------------------------------------
    # "I'm Captain Rajesh from the Army, I want to buy your sofa, I'll pay through the Army payment system, scan the QR
    # I send"; "CRPF officer getting transferred, selling my Activa for Rs 18,000, pay the transport charges first":
    # a uniform lends trust to a marketplace deal that ends in a collect request or an advance (state police and I4C
    # advisories on 'army officer' OLX frauds).
    # A person or posting, not a colour or a school: "Navy blue shirts on sale", "Army Public School book sale" are
    # not the story; "army officer selling", "I am in the army ... selling", "army ... OLX" are.
    Cue("forces_trade_story", 30, (
        "{army|indian army|crpf|bsf|cisf|itbp|military|defence|defense|air force|navy|fauji|cantonment} ~2 {officer|"
        "officers|jawan|jawans|personnel|man|soldier|captain|major|colonel|subedar|havildar|sepoy|sainik|posted|"
        "posting|transferred|transfer|camp|unit} ~6 {olx|quikr|marketplace|listed|listing|selling|sell|sale|buy|"
        "buying|purchase}",
        "{i am|i'm|im|main|mai|we are|i work|i serve|serving|posted|stationed|deployed} ~5 {army|indian army|crpf|bsf|"
        "cisf|itbp|military|defence|defense|air force|navy} ~8 {olx|quikr|marketplace|listed|listing|selling|sell|sale|buy|buying|purchase}",
        "{army|indian army|crpf|bsf|cisf|itbp|military|defence|defense|air force|navy|fauji|cantonment} ~6 {olx|quikr|"
        "marketplace}",
        "{olx|quikr|marketplace|selling|sell|buy|buying|purchase} ~8 {army|crpf|bsf|cisf|itbp|military|defence|"
        "air force|fauji} ~3 {officer|man|personnel|jawan|payment|canteen|posting|camp|unit}",
        "{army|military|defence|crpf|bsf|canteen|csd} {payment system|payment|payments|upi|account|qr|qr code|wallet}",
        "{getting transferred|got transferred|transfer order|posting order|transferred to|posted to} ~6 {selling|sell|"
        "sale|urgent sale}",
    ), "PAYMENT_FRAUD"),
    Cue("advance_fee_request", 20, (
        "{pay|deposit|send|transfer|bhejo|bhej do} ~4 {transport|gate pass|loading|vehicle transport|army transport} "
        "{charges|charge|fee|fees}",
    ), "PAYMENT_FRAUD"),
    # The same story in Hindi / Marathi (Devanagari): "main army mein hoon, transfer ho gaya, scooty bechni hai, pehle
    # transport charge bhejo" / "मी आर्मी मध्ये आहे ... विकायची आहे ... आधी ट्रान्सपोर्ट चार्ज पाठवा".
    Cue("forces_trade_story", 30, (
        "{आर्मी|सेना|फौज|फ़ौज|मिलिट्री|सीआरपीएफ|बीएसएफ|सीआईएसएफ|army|fauj} ~8 {बेचना|बेचनी|बेच|बेचने|बेच रहा|"
        "बेच रही|खरीदना|खरीदनी|खरीदने|विकायची|विकायचा|विकायचे|विकणे|विकत|ओएलएक्स|olx|bechni|bechna|bech|khareedna}",
        "{बदली|ट्रांसफर|ट्रान्सफर|तबादला|transfer} {हो गया|हो गई|झाली|झाला|ho gaya|ho gayi} ~8 {बेचना|बेचनी|बेच|"
        "विकायची|विकायचा|विकायचे|bechni|bechna|bech}",
    ), "PAYMENT_FRAUD"),
    Cue("advance_fee_request", 20, (
        "{ट्रांसपोर्ट|ट्रान्सपोर्ट|गेट पास|डिलीवरी|transport} {चार्ज|शुल्क|फीस|खर्च|charge|charges} ~3 {भेजें|भेजो|भेज दो|"
        "पाठवा|पाठवावे|द्या|दें|जमा|bhejo|bhej do|bhejein}",
    ), "PAYMENT_FRAUD"),

    # --- loan-app recovery harassment (RBI / I4C advisories on illegal lending apps) ---------------------------
    # "Pay today else we will message all your contacts that you are a fraud", "contacts ko message karenge ki tum
    # chor ho": lenders are not allowed to contact a borrower's contacts; shaming threats are the illegal apps' mark.
    Cue("contacts_shaming_threat", 40, (
        "{else|otherwise|or else|or we|or i|warna|varna|nahi to|nahi toh|nahin to} ~5 {send|message|msg|call|inform|"
        "tell|whatsapp|text|bhej|bhejenge|expose} ~4 {contacts|contact list|phone contacts|relatives|rishtedaron|"
        "rishtedaar}",
        "{declare|call|label|brand|tag} you {a |as a |as |}{fraud|fraudster|thief|chor|defaulter|cheater|criminal}",
        "{contacts|contact list|relatives|rishtedaron|rishtedaar|dosto|doston|sabko} ko ~4 {message|msg|call|bata|"
        "bhej|batayenge|bata denge|bhej denge} ~5 {chor|fraud|fraudster|defaulter|dhokebaaz|dhokebaj|cheater}",
        "ki {tum|aap|tu} {chor|fraud|fraudster|defaulter|dhokebaaz|dhokebaj|cheater} {ho|hai|hain|hu}",
        # "we will message your relatives that you are a cheat", "tell everyone you're a fraud"
        "{contacts|contact list|relatives|family|friends|colleagues|everyone|them|all} {that |}{you are|you're|u are|"
        "ur} ~3 {fraud|fraudster|thief|chor|defaulter|cheat|cheater|criminal}",
    ), "LOAN_APP_SCAM"),
    # --- "wrong number" openers (FTC / I4C: the first text of pig-butchering and romance-investment scams) ---------
    # A stranger's friendly message "to the wrong number" that invites a reply. One opener alone stays medium: a
    # real wrong-number text looks the same; the investment, crypto or chat-app move that follows adds the rest.
    # --- batch q (issue #5): other languages' new-number openers, a referral / saved-as opener, digital-arrest
    # "statement" calls, Hinglish re-verification, Spanish tax-debt threats, PT / ES / DE refunds, PH benefits ------
    Cue("family_emergency", 10, (
        "{oi|olá|ola|hola|hallo|hi|hello|hey} {mãe|mae|mamãe|mamae|pai|papai|mamá|mami|papá|mutti|vati|mama}",
        "{troquei|mudei|cambié|cambie} de {número|numero|celular|telefone|teléfono|telefono}",
        "{meu|mi} {novo|nuevo} {número|numero|celular|telefone}",
        "{meu|mi} {número|numero|celular} {novo|nuevo}",
        "{esse|este|isso} {é|e|es} {o |}{meu|mi} {novo|nuevo}",
        "{das ist|dies ist|hier ist|ist} meine neue {nummer|handynummer|handy nummer}",
        "{meine|ich habe eine} neue {nummer|handynummer}",
    ), "FAMILY_EMERGENCY"),
    Cue("law_enforcement_threat", 30, (
        "{complaint|complaints|case|cases|fir} {has been |have been |is |was |been |}{filed|registered|lodged|booked} "
        "against {your|ur} {aadhaar|aadhar|aadhaar number|aadhar number|name|mobile number|number|sim|sim card|pan|"
        "pan card|bank account|account|id}",
        "{video call|video calling|skype call|whatsapp video call|whatsapp video} ~6 {statement|recording|enquiry|"
        "inquiry|investigation|interrogation}",
        "{se iniciará|iniciará|se iniciara|iniciara|procederá|procedera|se procederá|se procedera} ~3 {un embargo|"
        "embargo|acción legal|accion legal|proceso legal|demanda}",
        "{orden de aprehensión|orden de aprehension|orden de arresto}",
    ), "DIGITAL_ARREST"),
    Cue("secrecy_demand", 15, (
        "{do not|don't|dont} {discuss|share} {this |it |the matter |}with {family|your family|anyone|anybody|others|"
        "friends}",
        "{matter|case|this|investigation} is {confidential|strictly confidential|secret|top secret}",
    ), "DIGITAL_ARREST", negatable=False),
    Cue("kyc_update_lure", 30, (
        "{re verification|reverification|kyc|verification} {baaki|baki|adhura|adhoora|adhuri}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("account_block_threat", 30, (
        "{transaction|transactions|txn|account|khata|upi|services|payment|payments} {ruk|band|block|freeze} "
        "{jayega|jayenge|jaayenge|jaega|jaenge|jayegi|jaayega|jaayegi|jayengi}",
    ), "BANK_KYC_IMPERSONATION", negatable=False),  # ("... nahi hua to transactions ruk jayenge": the condition's "nahi")
    # An identity document's photo sent to an "officer / executive / agent" on a chat app ("send PAN photo to our
    # officer on WhatsApp"): banks, tax offices and lenders take documents in their own app, portal or branch, never by
    # a staff member's WhatsApp (RBI / I4C advisories); as unambiguous as an OTP ask. A CA or relative asking for it names no officer.
    Cue("personal_details_request", 50, (
        "{send|share|forward|upload|whatsapp|bhejo|bhej do|bhejein|bhejiye} ~3 {pan|pan card|aadhaar|aadhar|adhar|"
        "aadhaar card|aadhar card|passport|voter id|driving licence|driving license|cheque|cancelled cheque|debit card|"
        "credit card|atm card} ~1 {photo|photos|pic|pics|picture|copy|image|scan|front and back|front back} ~4 "
        "{officer|executive|agent|manager|representative|staff|official} ~3 {whatsapp|telegram|signal}",
    ), None),
    Cue("personal_details_request", 20, (
        "{aadhaar|aadhar|adhar|pan|pan card|aadhaar card|aadhar card} {photo|photos|copy|ki photo|ka photo|card ki photo|"
        "front back} ~3 {bhej|bhejo|bhejiye|bhej dijiye|bhej do|bhejein|send|share|whatsapp}",
    ), None),
    Cue("callback_request", 10, (
        "{comuníquese|comuniquese|llame|llámenos|llamenos|marque|contáctenos|contactenos|ligue} {hoy |ya |de inmediato |"
        "inmediatamente |ahora |agora |já |}{al|a este|para|para o}",
    ), None),
    Cue("government_benefit_lure", 20, (
        "{ayuda|dswd|4ps|sss|philhealth} ~6 {claim|makuha|kunin|nakatanggap|natanggap|eligible}",
        "{nakatanggap|natanggap} ka ng ~4 {ayuda|tulong|cash aid|subsidy|benepisyo}",
    ), "GOVERNMENT_IMPERSONATION"),
    Cue("refund_cashback_lure", 25, (
        "{restituição|restituicao|reembolso|devolución|devolucion|rückerstattung|steuererstattung|erstattung} ~4 "
        "{pendente|pendiente|ausstehend|a receber|por cobrar|sin cobrar|não resgatada|nao resgatada}",
        "{você tem|voce tem|usted tiene|tiene|sie haben} ~2 {restituição|restituicao|reembolso|devolución|devolucion|"
        "erstattung|rückerstattung}",
    ), "REFUND_REWARD_SCAM"),
    # ES / PT / DE / Swahili / Tagalog forms of the commonest lures (batch q follow-up; invented probes)
    Cue("account_block_threat", 25, (
        "{cuenta|tarjeta|conta|cartão|cartao|konto|karte|kreditkarte} {fue |ha sido |foi |wurde |ist |está |esta |}"
        "{temporalmente |temporariamente |vorübergehend |}{bloqueada|bloqueado|suspendida|suspendido|suspensa|"
        "suspenso|gesperrt|blockiert|deaktiviert}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("credential_request", 40, (
        "{responda|envíe|envie|mande|informe|comparta|compartilhe|antworten sie|senden sie|teilen sie|nennen sie} ~6 "
        "{cvv|pin|clave|contraseña|senha|código|codigo|dígitos|digitos|tan|passwort|kartennummer|"
        "número de tarjeta|numero de tarjeta|número do cartão|numero do cartao}",
    ), "OTP_THEFT"),
    Cue("verification_request", 12, (
        "{actividad|actividades|atividade|atividades|aktivität|aktivitäten|anmeldung|transaktion|acceso|acesso} "
        "{inusual|sospechosa|sospechosas|suspeita|suspeitas|incomum|verdächtige|ungewöhnliche}",
        "{verdächtige|ungewöhnliche} {aktivität|aktivitäten|anmeldung|transaktion|transaktionen}",
    ), "PHISHING_LINK"),
    Cue("callback_request", 10, (
        "rufen sie ~5 {an|zurück}",
        "{i message|message|i text|mag message|tawagan} ~2 {kami|ako} ~2 sa",
    ), None),
    Cue("family_emergency", 10, (
        "{nimebadilisha|nimebadili} {namba|nambari|simu}",
        "{namba|nambari} {mpya|yangu mpya}",
        "hii ndiyo {mpya|namba mpya|namba yangu mpya}",
    ), "FAMILY_EMERGENCY"),
    Cue("job_task_lure", 25, (
        "{kumita|kikita|kita|kitain} ~7 {kada araw|bawat araw|araw araw|isang araw}",
    ), "JOB_TASK_SCAM"),
    Cue("investment_lure", 30, (
        "{lucro|rendimento|retorno|ganancia|rendimiento|retorno|gewinn|rendite} de # ~1 {ao dia|por dia|al día|al dia|"
        "diario|diário|ao mês|al mes|pro tag|täglich}",
        "{grupo|canal|gruppe} de {sinais|señales|senales}",
    ), "INVESTMENT_SCAM"),
    Cue("personal_details_request", 20, (
        "{aadhaar|aadhar|adhar|pan} {number|no|card number} ~4 {dob|date of birth|janam tithi} ~4 {bhej|bhejo|"
        "bhej do|bhejiye|bhej dijiye|send|share}",
    ), None),
    Cue("investment_lure", 20, (
        "# % {return|returns|profit|munafa|fayda} {mila|milega|milta|diya|de raha|mil raha}",
        "{trading|stock|share|crypto|ipo} group {chalata|chalate|chalati|run|runs}",
    ), "INVESTMENT_SCAM"),
    Cue("wrong_number_opener", 25, (
        "{sorry|apologies|apologize|apologise|oops} ~5 wrong number",
        "saved {this|your|ur} number as",
        "{texted|messaged|sent this to|sent it to|sent that to} the wrong {person|number}",
        "{is|was} this {the |}wrong number",
        "{found|got|saw} your number ~4 {contacts|contact list|phone|phonebook|address book|group}",
        "{we|we've|we have} met {at|in|during|last|on}",
    ), "INVESTMENT_SCAM"),
    # --- other Indian languages in Latin script (Marathi, Telugu, Bengali, Tamil) ------------------------------------
    Cue("utility_disconnection_threat", 40, (
        "{vij|veej|vij purvatha|vidyut|bidyut|biddut|current|karent|light|vijli|bijli|vaidyuthi|connection|electricity|"
        "electric line|line} ~4 {kete dewa hobe|kete deya hobe|kete dea hobe|kete debo|kete dibo|kete jabe|khandit|kapli jail|kaapli jail|cut chestharu|"
        "cut chestaru|cut chestam|cut avutundi|cut hobe|kata hobe|bichhinno|cut pannuvom|cut aagum|thundikkapadum|"
        "thundikkappadum|cut aayidum|kapi nakhvama aavshe|kapai jashe|cut thai jashe|katt dita jayega|katt ho jayega|"
        "cut ho jayega|vichhedikkum|cut cheyyum|kaditagolisalaguvudu|cut madtivi|cut aagutte}",
        "{vij|veej|current|bidyut|karent} bill ~4 {bharla nahi|bharle nahi|pending|unpaid|baki|due|kattala|"
        "kattavillai|dewa hoyni|jama hoyni|jama hoy ni|pay hoyni}",
    ), "UTILITY_DISCONNECTION"),
    Cue("account_block_threat", 30, (
        "{account|khata|sim|card} ~3 {bondho hoye jabe|bondho hobe|block aagum|block agum|band hoil|band hoyil|"
        "block avutundi|block chestharu|close aagum|suspend aagum}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("urgency", 10, (
        "{ekhoni|ippave|ippove|ventane|vetane|lagech|lavkar|aaj raatri|aaj ratri|ee roju|innaikku|innikku|aajke}",
    ), None),
    Cue("callback_request", 10, (
        "{sampark kara|call kara|phone kara|call cheyandi|call cheyyandi|call korun|phone korun|call pannunga|"
        "yogayog korun}",
    ), None),
    Cue("family_emergency", 10, (
        "{ये|यह|मेरा|ये मेरा|यह मेरा} नया {नंबर|नम्बर|मोबाइल नंबर}",
        "{phone|mobile|phone ki|mobile ki} battery {khatam|dead|low|off|band}",
        # "Beta main hospital me hu ... is number pe 10000 bhej do": an emergency with a money ask further apart (a
        # hint only: genuine family chat says the same; a new-number or borrowed-phone claim adds the rest)
        "{hospital|accident|police station|thane} ~12 {bhej do|bhejo|bhej dijiye|transfer karo|transfer kar do|"
        "gpay karo|gpay kar do|daal do|dal do}",
    ), "FAMILY_EMERGENCY"),
    Cue("family_emergency", 25, (
        "{फोन|फ़ोन|मोबाइल} {खो गया|टूट गया|खराब हो गया|ख़राब हो गया|गिर गया|चोरी हो गया}",
    ), "FAMILY_EMERGENCY"),
    # The text that follows a cloned-voice call (FTC / police AI voice-clone alerts, batch m): the "relative" says
    # they just called, are in trouble / at the police station, cannot talk, and asks for money.
    Cue("family_emergency", 35, (
        "{i'm|im|i am|main|mai|me} {in trouble|in big trouble|in jail|in police custody|in custody|at the police "
        "station|police station mein|police station me|thane mein|thane me|hawalat mein|lockup mein|jail mein} ~12 "
        "{send|transfer|zelle|venmo|cash app|wire|bhejo|bhej do|bhejna|transfer karo|gpay karo|dal do|daal do}",
        "{i|maine|mene} {just |abhi |}{called|call kiya|call kiya tha|phone kiya|phone kiya tha} ~10 {send|transfer|"
        "bhejo|bhej do|zelle|venmo|lawyer|bail|jamanat|police}",
        "{can't|cant|cannot|can not} talk ~10 {send|transfer|zelle|venmo|wire|money|bhejo}",
        "{lawyer|vakil|advocate|wakil} ~3 {ko|for|fee|fees} ~4 {#|rs|money|paise|bhejo|bhej do|send|transfer}",
        "{i'm|im|i am} {in trouble|in big trouble|in jail|in custody|hurt} ~3 {and |}{can't|cant|cannot|can not} talk",
        "{called|calling} you {crying|in tears|from jail|from the police station}",
    ), "FAMILY_EMERGENCY"),
    # Rental / sale deposit before a viewing, the keys sent by post or courier, an "army officer" owner (police and
    # Action Fraud rental-scam advisories; batch m). Keys by post for money paid unseen is the scam itself (50).
    Cue("advance_fee_request", 50, (
        "{deposit|advance|first month|rent|token amount|token money} ~8 {send|post|courier|mail|ship|deliver} ~3 "
        "{you |}{the |}keys",
        "{send|post|courier|mail|ship} {you |}{the |}keys ~6 {after|once|when} ~4 {pay|deposit|transfer|advance|"
        "payment}",
        "{abroad|overseas|out of the country|out of station|posted in|on deployment} ~8 {can't|cant|cannot|can not|"
        "unable to} {show|show you} ~3 {it|the flat|the house|the room|the property|you}",
    ), "PAYMENT_FRAUD"),
    Cue("advance_fee_request", 30, (
        "{army officer|army man|in the army|army personnel|defence officer|crpf|bsf|cisf|air force officer|navy "
        "officer} ~12 {rent|flat|room|house|deposit|advance|sell|selling|olx|furniture|car|bike|scooty}",
    ), "PAYMENT_FRAUD"),
    # --- the KYC / account-block lure in the other Indian scripts (Bengali, Marathi, Gujarati, Gurmukhi, Tamil,
    # Telugu, Kannada, Malayalam): "your account will be blocked / frozen today", "update KYC / PAN now" (the RBI,
    # I4C and state police advisories warn of the same lure sent in the regional languages; batch i).
    Cue("account_block_threat", 30, (
        "{account|bank account|khata|sim|card|upi|yono|অ্যাকাউন্ট|একাউন্ট|অ্যাকাউন্টটি|খাতা|সিম|কার্ড|खाते|खाता|अकाउंट|"
        "ખાતું|ખાતુ|એકાઉન્ટ|સિમ|કાર્ડ|ਖਾਤਾ|ਅਕਾਊਂਟ|ਸਿਮ|ਕਾਰਡ|கணக்கு|கணக்குகள்|அக்கவுண்ட்|சிம்|கார்டு|ఖాతా|ఖాతాను|అకౌంట్|"
        "సిమ్|కార్డ్|ಖಾತೆ|ಖಾತೆಯನ್ನು|ಅಕೌಂಟ್|ಸಿಮ್|ಕಾರ್ಡ್|അക്കൗണ്ട്|സിം|കാർഡ്} ~4 {ব্লক হয়ে যাবে|বন্ধ হয়ে যাবে|"
        "ব্লক করা হবে|বন্ধ করা হবে|স্থগিত করা হবে|ফ্রিজ করা হবে|ব্লক হবে|বন্ধ হবে|ब्लॉक होईल|बंद होईल|बंद केले जाईल|"
        "ब्लॉक केले जाईल|ब्लॉक करण्यात येईल|बंद करण्यात येईल|गोठवले जाईल|બ્લોક થઈ જશે|બંધ થઈ જશે|બ્લોક કરવામાં આવશે|"
        "બંધ કરવામાં આવશે|બ્લોક થશે|બંધ થશે|ਬਲਾਕ ਹੋ ਜਾਵੇਗਾ|ਬੰਦ ਹੋ ਜਾਵੇਗਾ|ਬਲਾਕ ਕਰ ਦਿੱਤਾ ਜਾਵੇਗਾ|ਬੰਦ ਕਰ ਦਿੱਤਾ ਜਾਵੇਗਾ|"
        "முடக்கப்படும்|தடுக்கப்படும்|நிறுத்தப்படும்|பிளாக் செய்யப்படும்|பிளாக் ஆகிவிடும்|மூடப்படும்|ரத்து செய்யப்படும்|"
        "బ్లాక్ అవుతుంది|బ్లాక్ చేయబడుతుంది|నిలిపివేయబడుతుంది|బ్లాక్ చేస్తాము|స్తంభింపజేయబడుతుంది|రద్దు చేయబడుతుంది|"
        "ಬ್ಲಾಕ್ ಆಗುತ್ತದೆ|ಬ್ಲಾಕ್ ಮಾಡಲಾಗುವುದು|ಸ್ಥಗಿತಗೊಳ್ಳುತ್ತದೆ|ಸ್ಥಗಿತಗೊಳಿಸಲಾಗುವುದು|ರದ್ದಾಗುತ್ತದೆ|ಬ್ಲಾಕ್ ಆಗಲಿದೆ|"
        "ബ്ലോക്ക് ചെയ്യപ്പെടും|ബ്ലോക്ക് ആകും|ബ്ലോക്ക് ചെയ്യും|മരവിപ്പിക്കും|മരവിപ്പിക്കപ്പെടും|റദ്ദാക്കപ്പെടും}",
    ), "BANK_KYC_IMPERSONATION"),
    Cue("kyc_update_lure", 30, (
        "{kyc|ekyc|e kyc|pan|pan card|aadhaar|aadhar|কেওয়াইসি|প্যান|আধার|केवायसी|पॅन|આધાર|કેવાયસી|પાન|ਕੇਵਾਈਸੀ|ਪੈਨ|"
        "ਆਧਾਰ|கேஒய்சி|பான்|ஆதார்|కేవైసీ|పాన్|ఆధార్|ಕೆವೈಸಿ|ಪ್ಯಾನ್|ಆಧಾರ್|കെവൈസി|പാൻ|ആധാർ} ~2 {আপডেট করুন|আপডেট করো|"
        "হালনাগাদ করুন|যাচাই করুন|লিঙ্ক করুন|अपडेट करा|अद्ययावत करा|लिंक करा|અપડેટ કરો|લિંક કરો|ਅਪਡੇਟ ਕਰੋ|ਲਿੰਕ ਕਰੋ|"
        "புதுப்பிக்கவும்|அப்டேட் செய்யவும்|அப்டேட் செய்யுங்கள்|இணைக்கவும்|అప్డేట్ చేయండి|నవీకరించండి|లింక్ చేయండి|"
        "అప్డేట్ చేసుకోండి|ಅಪ್ಡೇಟ್ ಮಾಡಿ|ನವೀಕರಿಸಿ|ಲಿಂಕ್ ಮಾಡಿ|അപ്ഡേറ്റ് ചെയ്യുക|അപ്ഡേറ്റ് ചെയ്യൂ|ലിങ്ക് ചെയ്യുക}",
        # "to update KYC, click ...": the infinitive / purpose forms (batch m: Malayalam "അപ്ഡേറ്റ് ചെയ്യാൻ")
        "{kyc|ekyc|কেওয়াইসি|केवायसी|કેવાયસી|ਕੇਵਾਈਸੀ|கேஒய்சி|కేవైసీ|ಕೆವೈಸಿ|കെവൈസി} ~2 {അപ്ഡേറ്റ് ചെയ്യാൻ|"
        "പുതുക്കാൻ|ಅಪ್ಡೇಟ್ ಮಾಡಲು|ನವೀಕರಿಸಲು|అప్డేట్ చేయడానికి|అప్డేట్ చేయుటకు|அப்டேட் செய்ய|புதுப்பிக்க|"
        "আপডেট করতে|হালনাগাদ করতে|अपडेट करण्यासाठी|अपडेट करायला|અપડેટ કરવા|અપડેટ કરવા માટે|ਅਪਡੇਟ ਕਰਨ ਲਈ|"
        "अपडेट करने के लिए|अपडेट करने}",
    ), "BANK_KYC_IMPERSONATION"),
    # --- the electricity-disconnection lure in the other Indian scripts (Telugu, Tamil, Kannada, Malayalam,
    # Bengali, Marathi, Gujarati, Gurmukhi): "your electricity connection will be cut tonight", "bill not paid"
    # (state electricity boards' and police SMS-scam notices; batch j). The CONNECTION is what is cut -- a planned
    # outage says the SUPPLY is interrupted for maintenance and is left out.
    Cue("utility_disconnection_threat", 40, (
        "{విద్యుత్|కరెంట్|కరెంటు|విద్యుత్తు|కనెక్షన్|மின்|மின்சார|மின்சாரம்|மின்இணைப்பு|இணைப்பு|கரண்ட்|ವಿದ್ಯುತ್|ಕರೆಂಟ್|"
        "ಸಂಪರ್ಕ|ಸಂಪರ್ಕವನ್ನು|ಕನೆಕ್ಷನ್|വൈദ്യുതി|കറന്റ്|കണക്ഷൻ|ബന്ധം|বিদ্যুৎ|বিদ্যুতের|বিদ্যুৎ সংযোগ|কারেন্ট|সংযোগ|"
        "কানেকশন|वीज|विजेचे|विजेची|वीजजोडणी|कनेक्शन|लाईट|વીજળી|વીજ|લાઇટ|કનેક્શન|ਬਿਜਲੀ|ਕੁਨੈਕਸ਼ਨ|ਕਨੈਕਸ਼ਨ|ਲਾਈਟ} "
        "~5 {కట్ చేయబడుతుంది|కట్ చేస్తాము|కట్ చేస్తారు|కట్ అవుతుంది|తొలగించబడుతుంది|డిస్కనెక్ట్ చేయబడుతుంది|"
        "துண்டிக்கப்படும்|கட் செய்யப்படும்|கட் ஆகும்|துண்டிக்கப்படும்.|ಕಡಿತಗೊಳಿಸಲಾಗುವುದು|ಕಡಿತಗೊಳ್ಳುತ್ತದೆ|"
        "ಕಟ್ ಮಾಡಲಾಗುವುದು|ಕಡಿತ ಮಾಡಲಾಗುವುದು|വിച്ഛേദിക്കും|വിച്ഛേദിക്കപ്പെടും|കട്ട് ചെയ്യും|കട്ട് ആകും|"
        "বিচ্ছিন্ন করা হবে|কেটে দেওয়া হবে|কাটা হবে|কেটে যাবে|বিচ্ছিন্ন হবে|खंडित केला जाईल|खंडित करण्यात येईल|"
        "खंडित केले जाईल|कापले जाईल|कापली जाईल|कट केले जाईल|कट होईल|કાપી નાખવામાં આવશે|કપાઈ જશે|કટ થઈ જશે|"
        "કટ કરવામાં આવશે|ਕੱਟ ਦਿੱਤਾ ਜਾਵੇਗਾ|ਕੱਟਿਆ ਜਾਵੇਗਾ|ਕੱਟ ਦਿੱਤੀ ਜਾਵੇਗੀ|ਕੱਟ ਹੋ ਜਾਵੇਗਾ}",
    ), "UTILITY_DISCONNECTION"),
    Cue("utility_disconnection_threat", 20, (
        "{విద్యుత్|కరెంట్|కరెంటు|மின்|மின்சார|ವಿದ್ಯುತ್|വൈദ്യുതി|বিদ্যুৎ|বিদ্যুতের|वीज|विजेचे|વીજળી|વીજ|ਬਿਜਲੀ} "
        "~3 {బిల్లు|బిల్|கட்டணம்|பில்|ಬಿಲ್|ബിൽ|বিল|बिल|બિલ|ਬਿੱਲ} ~4 {చెల్లించలేదు|చెల్లించబడలేదు|బకాయి|"
        "செலுத்தப்படவில்லை|நிலுவையில்|ಪಾವತಿಸಿಲ್ಲ|ಬಾಕಿ|അടച്ചിട്ടില്ല|കുടിശ്ശിക|পরিশোধ হয়নি|বকেয়া|भरले नाही|भरलेले नाही|"
        "थकीत|ભર્યું નથી|બાકી|ਨਹੀਂ ਭਰਿਆ|ਬਕਾਇਆ}",
    ), "UTILITY_DISCONNECTION"),
    # More forms of the same (batch k): passive "will be cut" forms, "bill not paid / not updated".
    Cue("utility_disconnection_threat", 40, (
        "{విద్యుత్|కరెంట్|కరెంటు|కనెక్షన్|மின்|மின்சார|மின்சாரம்|இணைப்பு|கரண்ட்|ವಿದ್ಯುತ್|ಕರೆಂಟ್|ಸಂಪರ್ಕ|ಕನೆಕ್ಷನ್|"
        "വൈദ്യുതി|കറന്റ്|കണക്ഷൻ|বিদ্যুৎ|বিদ্যুতের|কারেন্ট|সংযোগ|বিদ্যুৎ সংযোগ|वीज|विजेचे|लाईट|कनेक्शन|વીજળી|વીજ|લાઇટ|"
        "કનેક્શન|ਬਿਜਲੀ|ਕੁਨੈਕਸ਼ਨ|ਲਾਈਟ} ~5 {கட் செய்வோம்|துண்டிப்போம்|ಕಟ್ ಮಾಡಲಾಗುತ್ತದೆ|ಕಡಿತಗೊಳಿಸಲಾಗುತ್ತದೆ|"
        "ಕಟ್ ಮಾಡುತ್ತೇವೆ|ಕಟ್ ಆಗುತ್ತದೆ|കട്ട് ചെയ്യപ്പെടും|വിച്ഛേദിക്കുന്നതാണ്|কেটে দেব|कट केली जाईल|कापला जाईल|"
        "કાપવામાં આવશે|કટ કરી દેવામાં આવશે|ਕੱਟੀ ਜਾਵੇਗੀ|కట్ చేస్తాం|కట్ చేయబడును}",
    ), "UTILITY_DISCONNECTION"),
    Cue("utility_disconnection_threat", 20, (
        "{విద్యుత్|కరెంట్|కరెంటు|மின்|மின்சார|ವಿದ್ಯುತ್|ಕರೆಂಟ್|വൈദ്യുതി|বিদ্যুৎ|বিদ্যুতের|वीज|विजेचे|વીજળી|વીજ|ਬਿਜਲੀ} "
        "~3 {బిల్లు|బిల్|கட்டணம்|பில்|ಬಿಲ್|ബിൽ|বিল|बिल|બિલ|ਬਿੱਲ} ~4 {కట్టలేదు|అప్డేట్ కాలేదు|கட்டப்படவில்லை|"
        "செலுத்தவில்லை|அப்டேட் ஆகவில்லை|ಪಾವತಿಯಾಗಿಲ್ಲ|ಪಾವತಿ ಆಗಿಲ್ಲ|ಕಟ್ಟಿಲ್ಲ|ಅಪ್ಡೇಟ್ ಆಗಿಲ್ಲ|അപ്ഡേറ്റ് ചെയ്തിട്ടില്ല|"
        "അടച്ചിട്ടില്ല|আপডেট হয়নি|জমা হয়নি|দেওয়া হয়নি|अपडेट झाले नाही|अपडेट केलेले नाही|અપડેટ થયું નથી|ਅਪਡੇਟ ਨਹੀਂ}",
    ), "UTILITY_DISCONNECTION"),
    # The CONNECTION "will be stopped / suspended / closed" (not only "cut") in the regional scripts (batch p: Telugu
    # "కనెక్షన్ ... నిలిపివేయబడుతుంది"). Only with the connection as the subject: a planned outage stops the SUPPLY
    # ("విద్యుత్ సరఫరా నిలిపివేయబడుతుంది", "மின் விநியோகம் நிறுத்தப்படும்") and is left out.
    Cue("utility_disconnection_threat", 40, (
        "{కనెక్షన్|కనెక్షను|இணைப்பு|மின்இணைப்பு|கனெக்ஷன்|ಸಂಪರ್ಕ|ಸಂಪರ್ಕವನ್ನು|ಕನೆಕ್ಷನ್|കണക്ഷൻ|বিদ্যুৎ সংযোগ|সংযোগ|"
        "কানেকশন|वीज कनेक्शन|वीजजोडणी|कनेक्शन|કનેક્શન|વીજ જોડાણ|ਕੁਨੈਕਸ਼ਨ|ਕਨੈਕਸ਼ਨ} ~5 "
        "{నిలిపివేయబడుతుంది|నిలిపివేయబడును|నిలిపివేస్తాము|నిలిపివేస్తాం|ఆపివేయబడుతుంది|ఆపివేస్తాము|రద్దు చేయబడుతుంది|"
        "நிறுத்தப்படும்|நிறுத்துவோம்|ரத்து செய்யப்படும்|ಸ್ಥಗಿತಗೊಳಿಸಲಾಗುವುದು|ಸ್ಥಗಿತಗೊಳ್ಳಲಿದೆ|ನಿಲ್ಲಿಸಲಾಗುವುದು|"
        "ರದ್ದುಗೊಳಿಸಲಾಗುವುದು|നിർത്തലാക്കും|നിർത്തലാക്കുന്നതാണ്|റദ്ദാക്കും|বন্ধ করে দেওয়া হবে|বন্ধ করা হবে|"
        "বন্ধ হয়ে যাবে|बंद केले जाईल|बंद करण्यात येईल|बंद केली जाईल|બંધ કરવામાં આવશે|બંધ કરી દેવામાં આવશે|"
        "બંધ થઈ જશે|ਬੰਦ ਕਰ ਦਿੱਤਾ ਜਾਵੇਗਾ|ਬੰਦ ਕੀਤਾ ਜਾਵੇਗਾ}",
    ), "UTILITY_DISCONNECTION"),
    # "Call the electricity officer": the lure's named contact in the regional scripts (genuine boards give a
    # toll-free number or an office, never "the officer" on a mobile).
    Cue("utility_disconnection_threat", 40, (
        "{மின் அலுவலர்|மின்சார அதிகாரி|மின் அதிகாரி|విద్యుత్ అధికారి|విద్యుత్ అధికారిని|ವಿದ್ಯುತ್ ಅಧಿಕಾರಿ|"
        "ವಿದ್ಯುತ್ ಅಧಿಕಾರಿಗೆ|ವಿದ್ಯುತ್ ಅಧಿಕಾರಿಯನ್ನು|വൈദ്യുതി ഓഫീസർ|വൈദ്യുതി ഉദ്യോഗസ്ഥൻ|বিদ্যুৎ অফিসার|"
        "বিদ্যুৎ অফিসারকে|বিদ্যুৎ আধিকারিক|वीज अधिकारी|विद्युत अधिकारी|વીજળી અધિકારી|વીજ અધિકારી|"
        "ਬਿਜਲੀ ਅਧਿਕਾਰੀ}",
    ), "UTILITY_DISCONNECTION"),
    # The same lure in Odia and Assamese script (batch l): "your electricity connection will be cut tonight", "bill
    # not updated / not paid", "call the electricity officer".
    Cue("utility_disconnection_threat", 40, (
        "{ବିଦ୍ୟୁତ|ବିଦ୍ୟୁତ୍|ବିଜୁଳି|ସଂଯୋଗ|କନେକ୍ସନ|କନେକସନ|ଲାଇନ|বিদ্যুৎ|বিজুলী|বিজুলি|সংযোগ|কাৰেণ্ট|কানেকচন|লাইন} ~5 "
        "{କାଟି ଦିଆଯିବ|କାଟିଦିଆଯିବ|କଟାଯିବ|କାଟି ଦେବୁ|ବିଚ୍ଛିନ୍ନ କରାଯିବ|ବିଚ୍ଛିନ୍ନ ହେବ|କଟିଯିବ|କାଟି দিয়া হ'ব|"
        "কাটি দিয়া হ'ব|কাটি দিয়া হ’ব|কাটি দিয়া হব|কাটি দিয়া হ|কটা হ'ব|কটা হ’ব|কটা হব|বিচ্ছিন্ন কৰা হ'ব|"
        "বিচ্ছিন্ন কৰা হ’ব|বিচ্ছিন্ন কৰা হব|বিচ্ছিন্ন কৰা হ|কাটি দিম}",
        "{ବିଦ୍ୟୁତ ଅଧିକାରୀ|ବିଦ୍ୟୁତ୍ ଅଧିକାରୀ|ବିଦ୍ୟୁତ ଅଫିସର|বিদ্যুৎ বিষয়া|বিদ্যুৎ বিভাগৰ বিষয়া|বিদ্যুৎ অফিচাৰ}",
    ), "UTILITY_DISCONNECTION"),
    Cue("utility_disconnection_threat", 20, (
        "{ବିଦ୍ୟୁତ|ବିଦ୍ୟୁତ୍|ବିଜୁଳି|বিদ্যুৎ|বিজুলী|বিজুলি} ~3 {ବିଲ୍|ବିଲ|বিল} ~4 {ଅପଡେଟ୍ ହୋଇନାହିଁ|ଅପଡେଟ ହୋଇନାହିଁ|"
        "ପଇଠ ହୋଇନାହିଁ|ଦିଆଯାଇନାହିଁ|ବକେୟା|ବାକି|আপডেট হোৱা নাই|পৰিশোধ কৰা নাই|পৰিশোধ হোৱা নাই|দিয়া নাই|বাকী|বকেয়া}",
    ), "UTILITY_DISCONNECTION"),
    # --- the digital-arrest lure in the regional scripts: arrest warrant, "you will be arrested", money laundering,
    # digital arrest (I4C and state police advisories in the regional languages; batch k)
    Cue("law_enforcement_threat", 45, (
        "{अटक वॉरंट|अटक केली जाईल|अटक होईल|मनी लॉन्ड्रिंगचा|मनी लॉन्ड्रिंगच्या|मनी लाँड्रिंग|डिजिटल अटक|"
        "গ্রেফতারি পরোয়ানা|গ্রেফতার করা হবে|গ্রেপ্তার করা হবে|ডিজিটাল অ্যারেস্ট|মানি লন্ডারিং|கைது வாரண்ட்|"
        "கைது செய்யப்படுவீர்கள்|டிஜிட்டல் அரெஸ்ட்|டிஜிட்டல் கைது|மணி லாண்டரிங்|అరెస్ట్ వారెంట్|"
        "అరెస్ట్ చేస్తాము|అరెస్టు చేయబడతారు|అరెస్ట్ చేయబడతారు|డిజిటల్ అరెస్ట్|మనీ లాండరింగ్|ಬಂಧನ ವಾರಂಟ್|ಬಂಧಿಸಲಾಗುವುದು|"
        "ಅರೆಸ್ಟ್ ವಾರಂಟ್|ಡಿಜಿಟಲ್ ಅರೆಸ್ಟ್|ಮನಿ ಲಾಂಡರಿಂಗ್|അറസ്റ്റ് വാറണ്ട്|അറസ്റ്റ് ചെയ്യും|അറസ്റ്റ് ചെയ്യപ്പെടും|"
        "ഡിജിറ്റൽ അറസ്റ്റ്|മണി ലോണ്ടറിംഗ്|ધરપકડ વોરંટ|ધરપકડ કરવામાં આવશે|ડિજિટલ અરેસ્ટ|મની લોન્ડરિંગ|"
        "ਗ੍ਰਿਫ਼ਤਾਰੀ ਵਾਰੰਟ|ਗ੍ਰਿਫਤਾਰੀ ਵਾਰੰਟ|ਗ੍ਰਿਫਤਾਰ ਕੀਤਾ ਜਾਵੇਗਾ|ਗ੍ਰਿਫ਼ਤਾਰ ਕੀਤਾ ਜਾਵੇਗਾ|ਡਿਜੀਟਲ ਅਰੈਸਟ|ਮਨੀ ਲਾਂਡਰਿੰਗ}",
    ), "DIGITAL_ARREST"),
    # --- task / work-from-home jobs in the regional scripts: "work from home", "earn up to Rs 5000 a day"
    # ("work from home" alone is a hint, as in English: people say they are working from home)
    Cue("job_task_lure", 12, (
        "{வீட்டிலிருந்து வேலை|வீட்டில் இருந்தே வேலை|ఇంటి నుండి పని|ఇంట్లో నుండే పని|ಮನೆಯಿಂದ ಕೆಲಸ|ಮನೆಯಿಂದಲೇ ಕೆಲಸ|"
        "വീട്ടിലിരുന്ന് ജോലി|വീട്ടിലിരുന്ന് സമ്പാദിക്കാം|বাড়ি থেকে কাজ|বাড়িতে বসে আয়|घरबसल्या काम|घरबसल्या कमवा|"
        "ઘરેથી કામ|ઘરે બેઠા કમાઓ|ਘਰ ਬੈਠੇ ਕੰਮ|ਘਰ ਬੈਠੇ ਕਮਾਓ|घर बैठे काम|घर बैठे कमाएं|घर बैठे कमाई}",
    ), "JOB_TASK_SCAM"),
    Cue("job_task_lure", 25, (
        "{நாளைக்கு|தினமும்|ஒரு நாளைக்கு|రోజుకు|ప్రతిరోజూ|ದಿನಕ್ಕೆ|ಪ್ರತಿದಿನ|ദിവസവും|പ്രതിദിനം|প্রতিদিন|दररोज|"
        "दिवसाला|દરરોજ|રોજના|ਰੋਜ਼ਾਨਾ|ਹਰ ਰੋਜ਼|रोजाना|प्रतिदिन} ~4 {சம்பாதிக்கலாம்|சம்பாதியுங்கள்|సంపాదించండి|"
        "సంపాదించవచ్చు|ಗಳಿಸಿ|ಗಳಿಸಬಹುದು|സമ്പാദിക്കാം|സമ്പാദിക്കൂ|আয় করুন|আয় করতে পারেন|कमवा|कमवू शकता|કમાઓ|"
        "કમાઈ શકો|ਕਮਾਓ|ਕਮਾ ਸਕਦੇ|कमाएं|कमाइए|कमा सकते}",
    ), "JOB_TASK_SCAM"),
    # --- the parcel-held and loan-sanctioned-plus-fee lures in the other Indian scripts (Bengali, Kannada, Tamil,
    # Telugu, Gujarati, Gurmukhi, Marathi): "your parcel is held, update the address / pay Rs 25", "your loan is
    # sanctioned, pay the processing fee" (India Post / I4C and RBI advisories on the same lures; batch u). The
    # learned model reads English only, so these carry the lure themselves, as the Malay / Filipino forms below.
    Cue("parcel_customs_lure", 20, (
        "{পার্সেল|পার্সেলটি|প্যাকেজ|প্যাকেজটি|ಪಾರ್ಸೆಲ್|ಪಾರ್ಸಲ್|ಪಾರ್ಸೆಲ್‌|பார்சல்|பேக்கேஜ்|పార్సెల్|పార్శిల్|ప్యాకేజీ|"
        "પાર્સલ|પેકેજ|ਪਾਰਸਲ|पार्सल} ~4 {আটকে|আটকানো|ফেরত|ಸ್ಥಗಿತ*|ತಡೆಹಿಡಿ*|ತಡೆ*|நிறுத்தி*|நிறுத்தப்*|தடுத்து*|"
        "నిలిపి*|నిలిచి*|ఆపివేయ*|ఆపబడింది|અટક*|રોકી*|રોકવામાં|ਰੁਕ*|ਰੋਕ*|अडकले|अडकला|थांबवले}",
        "{ঠিকানা|ঠিকানাটি|ವಿಳಾಸ|ವಿಳಾಸವನ್ನು|முகவரி|முகவரியை|చిరునామా|చిరునామాను|સરનામું|સરનામાં|ਪਤਾ|पत्ता} ~2 "
        "{আপডেট|হালনাগাদ|ಅಪ್ಡೇಟ್|ನವೀಕರಿಸಿ|புதுப்பி*|அப்டேட்|అప్డేట్|నవీకరించ*|અપડેટ|ਅਪਡੇਟ|अपडेट|अद्ययावत}",
    ), "PARCEL_CUSTOMS"),
    Cue("parcel_customs_lure", 35, (
        "{আটকে|আটকানো|ಸ್ಥಗಿತ*|ತಡೆಹಿಡಿ*|ತಡೆ*|நிறுத்தி*|நிறுத்தப்*|தடுத்து*|నిలిపి*|నిలిచి*|ఆపివేయ*|અટક*|રોકી*|ਰੁਕ*|"
        "ਰੋਕ*|अडकले|अडकला|थांबवले} ~8 {ঠিকানা|ঠিকানাটি|ವಿಳಾಸ|ವಿಳಾಸವನ್ನು|முகவரி|முகவரியை|చిరునామా|చిరునామాను|"
        "સરનામું|સરનામાં|ਪਤਾ|पत्ता}",
        # "pay Rs 25 to update the address": a fee for the redelivery (in one sentence)
        "{ঠিকানা|ঠিকানাটি|ವಿಳಾಸ|ವಿಳಾಸವನ್ನು|முகவரி|முகவரியை|చిరునామా|చిరునామాను|સરનામું|સરનામાં|ਪਤਾ|पत्ता} ~3 "
        "{আপডেট|হালনাগাদ|ಅಪ್ಡೇಟ್|ನವೀಕರಿಸ*|புதுப்பி*|அப்டேட்|అప్డేట్|నవీకరించ*|અપડેટ|ਅਪਡੇਟ|अपडेट|अद्ययावत} ~5 "
        "{দিন|পাঠান|পেমেন্ট|ಪಾವತಿಸಿ|ಕಳುಹಿಸಿ|செலுத்த*|அனுப்ப*|చెల్లించ*|పంపండి|ચૂકવો|ભરો|મોકલો|ਭੇਜੋ|ਭਰੋ|भरा|पाठवा}",
    ), "PARCEL_CUSTOMS"),
    Cue("loan_lure", 20, (
        "{ঋণ|লোন|ঋণটি|ಸಾಲ|ಸಾಲವು|ಲೋನ್|கடன்|லோன்|రుణం|రుణ|లోన్|લોન|ਕਰਜ਼ਾ|ਲੋਨ|कर्ज} ~4 {মঞ্জুর*|অনুমোদিত|ಮಂಜೂರ*|"
        "ಅನುಮೋದ*|ஒப்புதல்*|அனுமதிக்கப்*|மஞ்சூர்*|మంజూర*|ఆమోద*|મંજૂર*|ਮਨਜ਼ੂਰ*|मंजूर*} ~8 {ফি|চার্জ|প্রসেসিং|"
        "ಶುಲ್ಕ*|ಪ್ರೊಸೆಸಿಂಗ್|கட்டணம்*|ப்ராசஸிங்|பிராசசிங்|రుసుము|ఫీజు|ప్రాసెసింగ్|ફી|ચાર્જ|પ્રોસેસિંગ|ਫੀਸ|"
        "ਪ੍ਰੋਸੈਸਿੰਗ|शुल्क|फी}",
        # "pay the processing fee Rs 999" in its own sentence after the sanction
        "{প্রসেসিং|ಪ್ರೊಸೆಸಿಂಗ್|ப்ராசஸிங்|பிராசசிங்|ప్రాసెసింగ్|પ્રોસેસિંગ|ਪ੍ਰੋਸੈਸਿੰਗ} {ফি|চার্জ|ಶುಲ್ಕ|கட்டணம்|ఫీజు|"
        "రుసుము|ફી|ચાર્જ|ਫੀਸ} ~3 {দিন|পাঠান|জমা|ಪಾವತಿಸಿ|ಕಳುಹಿಸಿ|செலுத்த*|அனுப்ப*|చెల్లించ*|పంపండి|ચૂકવો|ભરો|મોકલો|"
        "ਭੇਜੋ|ਭਰੋ|ਜਮ੍ਹਾਂ}",
    ), "LOAN_APP_SCAM"),
    # --- parcel lures in Malay / Indonesian and Filipino (SingPost / Pos Malaysia / J&T / LBC smishing)
    Cue("parcel_customs_lure", 20, (
        "{bungkusan|parsel|pakej|paket|kiriman|penghantaran|pakete|parcel} ~4 {ditahan|tertahan|tertangguh|"
        "gagal dihantar|tidak dapat dihantar|gagal dikirim|dipulangkan|naka hold|hindi maihatid|hindi naihatid}",
        "alamat {tidak lengkap|tidak sah|salah|tidak valid|tidak jelas}",
        "{kemas kini|kemaskini|sahkan|perbarui} {alamat|maklumat alamat}",
        "{hindi kumpleto|mali|kulang} {ang |}{address|adres|tirahan}",
    ), "PARCEL_CUSTOMS"),
    # Held AND the address is the reason: the whole redelivery lure (the learned model cannot read these languages).
    Cue("parcel_customs_lure", 35, (
        "{ditahan|tertahan|tertangguh|gagal dihantar|tidak dapat dihantar|gagal dikirim|naka hold|hindi maihatid|"
        "hindi naihatid} ~8 {alamat|address|adres|tirahan}",
    ), "PARCEL_CUSTOMS"),
    Cue("urgency", 10, (
        "dalam masa # {jam|hari}",
        "{segera|sekarang juga|ngayon din}",
    ), None),
    # --- "sent by mistake, please return" in Swahili and Nigerian Pidgin (M-PESA / bank reversal scams)
    Cue("wrong_transfer_return", 30, (
        "{nimekosea kutuma|nimetuma kimakosa|kimakosa|nilikosea kutuma|nimekosea namba}",
        "{nirudishie|nirudishiye|rudisha pesa|nirejeshee|tafadhali rudisha}",
        "abeg {return|send back|refund} ~3 {am|the money|my money}",
    ), "PAYMENT_FRAUD"),
    Cue("urgency", 10, (
        "{உடனே|உடனடியாக|இன்றே|এখনই|অবিলম্বে|আজই|ताबडतोब|लगेच|आजच|તાત્કાલિક|તરત|ਤੁਰੰਤ|వెంటనే|ఈరోజే|ತಕ್ಷಣ|"
        "ಇಂದೇ|ഉടൻ|ഉടനെ|ഇന്നുതന്നെ}",
    ), None),

    # --- spam (premium-rate / unsolicited marketing) -------------------------------------------------------
    Cue("spam_marketing", 15, (
        "{free|freemsg|free msg} {entry|msg|message|ringtone|ringtones|tone|tones|camera phone|mobile|phone|gift|"
        "holiday|tickets|trip|sms|text|txt|minutes|mins|nokia|video phone|upgrade|membership|trial|polys|"
        "games|game|credits|chat|dating}",
        "{unsubscribe|opt out|optout|stop to end|stop2end|stop 2 end|reply stop|txt stop|text stop|send stop|"
        "to opt out|to unsubscribe|stop to opt out}",
        "{sexy|horny|naughty|xxx|hot|lonely|dirty} {singles|girls|babes|chat|pics|pictures|videos|video|"
        "ladies|wives|housewives|dating}",
        "{per msg|per min|per minute|per text|per week|per wk|ppm|p min|p msg|pmin|pmsg|p m|min rate|msg rate|"
        "std rate|std txt rate|t cs|t&cs|t c's|tcs apply|t&c's apply|18 only|over18s|over 18s}",
    ), "SPAM", negatable=False),
)

BENIGN: tuple[Benign, ...] = (
    # A chain message's forwarding line ("Send this to all your valuable friends but first reply me", "forward this
    # msg to 10 friends"): asks for a forward, threatens nothing. Not with a threat or a payment anywhere in the
    # text ("pay 5000 or I send this video to all your contacts" stays a sextortion threat).
    Benign((
        "{send|forward|pass|share} this {msg |message |sms |text |} ~1 to {all |} ~2 {friends|frnds|frends|loved ones}",
    ), ("sextortion_threat",), unless=(
        "{pay|transfer|or else|otherwise|else|warna|video|videos|photo|photos|pics|recording|nude|naked|leak|viral}",
    )),
    # NPCI's own advice in collect-request notices ("Never enter your UPI PIN to receive money"; "You do not need to
    # enter your PIN to receive money"): the warning, not the lure. Adjacent words only, same clause (batch i).
    Benign((
        "{never|do not|don't|dont|no need to|need not|not required to|not needed to|need to never} {enter|share|type|"
        "put|use|give} {your |ur |the |a |}{upi pin|pin|mpin|otp|upi pin or otp} ~2 to {receive|get|accept}",
        "{pin|upi pin|mpin} {is not|isn't|is never|not} {needed|required|asked} ~2 to {receive|get|accept}",
        "{don't|dont|do not|doesn't|does not|never} need to {enter|share|type|put|use|give} {your |ur |the |a |}{upi pin|"
        "pin|mpin|otp} ~2 to {receive|get|accept}",
    ), ("refund_cashback_lure", "pin_to_receive"), unless=(
        # ... but not when the message goes on to ask for the PIN anyway ("never enter your PIN to receive money -
        # but this is a verified refund, enter UPI PIN 1 time", "except this time: enter UPI PIN to claim"): the
        # advice then cancels only its own words (r5 review).
        "{but|except|however|although} ~6 {enter|type|put|use|dal|daal|daalein|dalein} ~2 {your |ur |the |}{upi pin|"
        "pin|mpin}",
        "{enter|type|put|use} {your |ur |the |}{upi pin|pin|mpin} ~2 {this time|1 time|one time|once}",
    )),
    # A PIN entered to authorise the reader's own payment, with the reward a cashback / scratch card / points on
    # that payment ("Pay your electricity bill on PhonePe, enter UPI PIN and get 5% cashback", "Scan & pay at any
    # store, enter UPI PIN and get a scratch card"): a PIN is what paying needs, so this is neither a PIN to receive
    # money nor a credential ask. The payment must come first and the reward must be a payment reward; a PIN "to
    # receive" / "to claim", a cashback already "received", or a token Re 1 / Rs 2 payment "to get" more void it.
    Benign((
        "{pay|paying|payment|payments|recharge|recharging|bill|bills|purchase|purchases|shop|shopping|store|stores|"
        "order|booking|spend|spends|checkout} ~8 {enter|type|entering|put|use} ~2 {your |ur |the |}{upi pin|pin|mpin|"
        "m pin} ~2 {and |to |then |}{get|earn|win|unlock|avail|grab} ~5 {cashback|cash back|scratch card|scratchcard|"
        "scratch cards|reward points|rewards|points|coins|supercoins|coupon|coupons|voucher|vouchers|discount}",
    ), ("pin_to_receive", "credential_request"), unless=(
        "{to receive|to claim|claim it|claim your|claim the|receive your|receive the|paane|lene|prapt|you have received|"
        "you've received|have been received|you have won|you won}",
        "{pay|send|transfer} {rs|re|inr|₹|} {1|2} {and|to|then|first|only}",
        # a fee or a "verification" payment to release money is the advance-fee lure, not a purchase
        "{processing|registration|verification|activation|release|clearance|handling|refundable|token} {fee|fees|"
        "charge|charges|amount|payment}",
        "{to verify|for verification|to activate|to release|to unlock your}",
    )),
    # A service-level promise of what the sender will do ("Reports will be emailed within 24 hours", "refund will
    # reflect within 5-7 working days", "delivered in the next 2 days"): a time the reader waits, not a deadline
    # the reader must meet. Only the same clause; the verb must be the sender's delivery (batch i).
    Benign((
        # (not "to be / should be completed within": that is a deadline on the reader)
        "{will|would|shall|may} {be |}{emailed|mailed|sent|shared|delivered|credited|processed|reflect|reflected|"
        "dispatched|shipped|available|ready|reversed|refunded|resolved|uploaded|generated|published|settled|"
        "collected|initiated|contacted|called back|visited} ~3 {within|in next|in the next|before}",
    ), ("urgency",), unless=(
        # ... but not in a message that also presses the reader ("will be emailed within 24 hours, update KYC
        # immediately or your account will be blocked"): the promise excuses only its own time (r5 review).
        "{immediately|urgently|asap|right now|turant|jaldi|at the earliest}",
        "{or|else|otherwise|warna} ~4 {blocked|suspended|frozen|disconnected|deactivated|cancelled|closed|"
        "block|suspend|freeze|disconnect}",
    )),
    # A delivery / ride code handed to the person at the door or in the car ("Share OTP 4471 with the valet only at
    # delivery", "share the code with the delivery agent after receiving the package", "with the captain to start the
    # ride"): Zomato, Swiggy, Amazon, Flipkart, courier and cab templates. Only the same clause, and only with the
    # moment of hand-over spelled out (a scam's "share the OTP with our executive when he calls" is not excused).
    Benign((
        "{delivery agent|delivery partner|delivery executive|delivery person|delivery boy|delivery associate|"
        "delivery staff|delivery guy|valet|rider|courier boy|captain|driver|delivery} ~3 {at delivery|on delivery|"
        "upon delivery|at the time of delivery|after receiving|on receiving|upon receiving|once you receive|"
        "after you receive|at pickup|at the door|to start the ride|to start your ride|to start the trip|"
        "to start your trip|on arrival|at handover}",
    ), ("credential_request",), unless=(
        # ... but not when the message also gives a way to be called or messaged, or a refund / cashback / prize:
        # a real hand-over needs neither ("share the OTP with our executive after receiving the package when he
        # calls you from 91...", "your refund of Rs 2,499 is ready").
        "{call|calls|calling|phone|phones|ring|rings|whatsapp|whatsapps|message|messages|msg|text|texts|contact|"
        "dial|sms} ~3 {you|u|from|on|at|him|her|us|me|#}",
        "{refund|refunds|refunded|cashback|cash back|prize|reward|lottery|kyc|bonus}",
    )),
    # A code for a door, gate, locker, Wi-Fi or alarm between people who share a place ("send me the code for the
    # door again", "what's the wifi code"): not a one-time password. Only the same clause.
    Benign((
        "code {for|of|to} {the |my |your |our |ur |}{door|front door|gate|main gate|lock|locker|lockbox|key box|keybox|"
        "key safe|wifi|wi fi|alarm|garage|building|entrance|apartment|flat|room|bike lock|padlock|parking|shed}",
        "{door|gate|locker|lockbox|keybox|key box|key safe|wifi|wi fi|alarm|garage|building|entry|entrance|padlock|"
        "parking|room} {code|codes|pin|password}",
    ), ("credential_request",)),
    # A bank's deposit advertisement ("Earn 7.25% returns p.a. on our 444-day FD"): an interest rate on a deposit
    # product, not a promise of trading profits. Only the same clause.
    Benign((
        "{returns|return|interest|rate} ~4 on ~4 {fd|fds|fixed deposit|fixed deposits|term deposit|term deposits|"
        "recurring deposit|rd|savings account|senior citizen fd}",
        "{p a|pa|per annum|annualised|annualized} on ~4 {fd|fds|fixed deposit|fixed deposits|term deposit|"
        "recurring deposit|rd}",
    ), ("investment_lure",)),
    # A lender's offer ("you are eligible for a car loan of up to Rs 8,00,000"): credit, not a prize (loan scams have
    # their own cue, loan_lure). Only the same clause.
    Benign((
        "eligible for ~3 {loan|loans|car loan|home loan|personal loan|credit card|credit limit|limit increase|"
        "overdraft|top up|top-up}",
    ), ("prize_lottery",)),
    Benign((
        "kyc {has been|is|was|have been|successfully|has successfully been|got} ~2 {completed|updated|verified|"
        "done|approved|successful|received|accepted|processed|complete}",
        "{completed|updated|verified} {your |ur |the |}{kyc|ekyc|re kyc} {successfully|}",
        "kyc {ho gaya|ho gayi|ho chuka|safal|successful|complete ho gaya|update ho gaya}",
        "kyc ~4 {is now|is|has been|has now been|was|now} {complete|completed|successful|done|updated|verified}",
        "{update|updation|enrolment|enrollment|correction|linking|seeding} request ~4 {has been|is|was} ~2 {received|"
        "accepted|processed|completed|approved|submitted|registered}",
        "{successfully|}{linked|seeded} ~3 {with|to} ~3 {pan|aadhaar|aadhar|account}",
        "{pan|aadhaar|aadhar} {is|has been} ~2 {successfully |}{linked|seeded|updated|verified}",
    ), ("kyc_update_lure", "pan_aadhaar_link_lure")),
    Benign((
        "{never|not|don't|doesn't|dont|doesnt|won't|nobody|no one} {ask|asks|call|calls|request|requests|seek|seeks|"
        "ask for|asks for|ask you for|asks you for} ~4 {otp|pin|cvv|password|passwords|details|kyc|card|information|"
        "sensitive|confidential|credentials}",
        "{never|do not|don't|dont|pls do not|please do not|please don't} ~2 {share|disclose|reveal|give|tell} ~4 "
        "{otp|pin|cvv|password|code|details|it|this}",
        "{otp|pin|cvv|code} ~3 {is|are} ~2 {confidential|secret|private}",
        "beware of {fraud|fraudsters|frauds|fake|scam|scams}",
    ), ("credential_request",)),
    Benign((
        "{your |ur |the |}{order|package|parcel|shipment|consignment} ~4 {has been|was|is|got} ~2 {delivered|shipped|"
        "dispatched|out for delivery|picked up}",
    ), ("parcel_customs_lure",)),
    Benign((
        "{card|debit card|credit card|account} {has been|is|was} ~2 {blocked|locked|deactivated} ~3 {as requested|"
        "as per your request|on your request|at your request|successfully}",
        "{sms|send|text} block ~2 to",
        "to block ~3 {card|account|upi|sms}",
    ), ("account_block_threat",)),
    Benign((
        "{refund|cashback} ~4 {has been|is|was|successfully} ~2 {processed|initiated|credited|completed|"
        "transferred|issued|approved}",
    ), ("refund_cashback_lure",)),
)

# Brand/organisation names a message may claim to come from, with the substrings their registered Indian DLT
# sender headers carry (e.g. VK-HDFCBK, AD-SBIINB, JM-AIRTEL). Used for sender-id checks only.
BRAND_HEADER_KEYS: dict[str, tuple[str, ...]] = {
    "sbi": ("SBI",), "hdfc": ("HDFC",), "icici": ("ICICI", "ICIC"), "axis": ("AXIS",),
    "kotak": ("KOTAK", "KMB", "KOTK"), "pnb": ("PNB",), "bank of baroda": ("BOB", "BARODA", "BRODA"),
    "canara": ("CANARA", "CNRB", "CANBNK"), "union bank": ("UNION", "UBI", "UBOI"), "yes bank": ("YES", "YESB"),
    "idfc": ("IDFC",), "indusind": ("INDUS", "IBL"), "bank of india": ("BOI", "BOIIND"), "federal": ("FED",),
    "indian bank": ("INDBNK", "INDIAN"), "iob": ("IOB",), "uco": ("UCO",), "central bank": ("CBOI", "CENTBK"),
    "au bank": ("AUBANK", "AUSFB"), "rbl": ("RBL",), "idbi": ("IDBI",), "bandhan": ("BANDHN", "BANDHAN"),
    "paytm": ("PAYTM", "PYTM", "PTM"), "phonepe": ("PHONPE", "PHNPE", "PHONEPE"),
    "google pay": ("GPAY", "GOOGLE", "GOOGL"), "amazon": ("AMAZON", "AMZN"), "flipkart": ("FLPKRT", "FLIPKT", "FKRT"),
    "airtel": ("AIRTEL", "ARTL"), "jio": ("JIO",), "vodafone": ("VI", "VICARE", "VIINFO", "VODA", "VFCARE"),
    "bsnl": ("BSNL",), "irctc": ("IRCTC",), "uidai": ("UIDAI", "AADHAR", "AADHAAR"),
    "income tax": ("ITDEPT", "INCMTX", "ITD"), "epfo": ("EPFO",), "lic": ("LIC",), "india post": ("INDPST", "IPOST", "INPOST"),
    "bluedart": ("BLUDRT", "BLUEDT", "BLUDART"), "delhivery": ("DLVERY", "DELHVY", "DLHVRY"),
    "swiggy": ("SWIGGY", "SWIGY"), "zomato": ("ZOMATO",), "npci": ("NPCI", "BHIM"),
    "hdfc life": ("HDFCLF",), "sbi card": ("SBICRD", "SBIC"), "mobikwik": ("MBKWIK", "MOBIKW"),
}

BRAND_CLAIMS: tuple[Cue, ...] = (
    Cue("brand_claim", 0, ("{sbi|state bank|state bank of india|yono}",), tag="sbi", negatable=False),
    Cue("brand_claim", 0, ("hdfc",), tag="hdfc", negatable=False),
    Cue("brand_claim", 0, ("icici",), tag="icici", negatable=False),
    Cue("brand_claim", 0, ("{axis bank|axis}",), tag="axis", negatable=False),
    Cue("brand_claim", 0, ("{kotak|kotak mahindra}",), tag="kotak", negatable=False),
    Cue("brand_claim", 0, ("{pnb|punjab national bank}",), tag="pnb", negatable=False),
    Cue("brand_claim", 0, ("{bank of baroda|bob}",), tag="bank of baroda", negatable=False),
    Cue("brand_claim", 0, ("{canara bank|canara}",), tag="canara", negatable=False),
    Cue("brand_claim", 0, ("{union bank|union bank of india}",), tag="union bank", negatable=False),
    Cue("brand_claim", 0, ("yes bank",), tag="yes bank", negatable=False),
    Cue("brand_claim", 0, ("{idfc|idfc first}",), tag="idfc", negatable=False),
    Cue("brand_claim", 0, ("{indusind|indusind bank}",), tag="indusind", negatable=False),
    Cue("brand_claim", 0, ("bank of india",), tag="bank of india", negatable=False),
    Cue("brand_claim", 0, ("federal bank",), tag="federal", negatable=False),
    Cue("brand_claim", 0, ("indian bank",), tag="indian bank", negatable=False),
    Cue("brand_claim", 0, ("{indian overseas bank|iob}",), tag="iob", negatable=False),
    Cue("brand_claim", 0, ("{uco bank}",), tag="uco", negatable=False),
    Cue("brand_claim", 0, ("central bank of india",), tag="central bank", negatable=False),
    Cue("brand_claim", 0, ("{idbi|idbi bank}",), tag="idbi", negatable=False),
    Cue("brand_claim", 0, ("{rbl bank}",), tag="rbl", negatable=False),
    Cue("brand_claim", 0, ("{bandhan bank}",), tag="bandhan", negatable=False),
    Cue("brand_claim", 0, ("{au bank|au small finance bank}",), tag="au bank", negatable=False),
    Cue("brand_claim", 0, ("paytm",), tag="paytm", negatable=False),
    Cue("brand_claim", 0, ("{phonepe|phone pe}",), tag="phonepe", negatable=False),
    Cue("brand_claim", 0, ("{google pay|gpay|g pay}",), tag="google pay", negatable=False),
    Cue("brand_claim", 0, ("{amazon|amazon pay}",), tag="amazon", negatable=False),
    Cue("brand_claim", 0, ("flipkart",), tag="flipkart", negatable=False),
    Cue("brand_claim", 0, ("airtel",), tag="airtel", negatable=False),
    Cue("brand_claim", 0, ("{jio|reliance jio}",), tag="jio", negatable=False),
    Cue("brand_claim", 0, ("{vodafone|vodafone idea|vi customer}",), tag="vodafone", negatable=False),
    Cue("brand_claim", 0, ("bsnl",), tag="bsnl", negatable=False),
    Cue("brand_claim", 0, ("irctc",), tag="irctc", negatable=False),
    Cue("brand_claim", 0, ("{uidai|aadhaar department}",), tag="uidai", negatable=False),
    Cue("brand_claim", 0, ("{income tax department|income tax dept|it department}",), tag="income tax", negatable=False),
    Cue("brand_claim", 0, ("epfo",), tag="epfo", negatable=False),
    Cue("brand_claim", 0, ("{lic|life insurance corporation}",), tag="lic", negatable=False),
    Cue("brand_claim", 0, ("{india post|indiapost}",), tag="india post", negatable=False),
    Cue("brand_claim", 0, ("{bluedart|blue dart}",), tag="bluedart", negatable=False),
    Cue("brand_claim", 0, ("delhivery",), tag="delhivery", negatable=False),
    Cue("brand_claim", 0, ("{npci|bhim}",), tag="npci", negatable=False),
    Cue("brand_claim", 0, ("{sbi card|sbicard}",), tag="sbi card", negatable=False),
    Cue("brand_claim", 0, ("{mobikwik}",), tag="mobikwik", negatable=False),
    # Generic organisation claims: no header to compare with, but a personal number should not send them.
    Cue("brand_claim", 0, ("{dear customer|dear user|dear sir madam|dear valued customer|dear account holder|"
                           "dear card holder|dear cardholder|your bank|bank account|customer care|customer support|"
                           "rbi|reserve bank|electricity board|electricity department|customs|courier|kyc|"
                           "bank se|calling from bank|calling from your bank|प्रिय ग्राहक|बैंक|"
                           "प्रिय उपभोक्ता|बिजली विभाग|"
                           # a bank's fraud desk speaking ("reply N and our fraud team will call you"; batch p)
                           "our fraud team|our fraud department|our fraud prevention team|our fraud specialist|"
                           "our fraud specialists|our fraud desk|"
                           # a "fraud alert" that promises a specialist's call (batch q)
                           "fraud alert|a specialist will call you|specialist will call you}",),
        tag="*", negatable=False),
)

#: Every scam-text cue (including spam); compiled once.
SMS_CUES = CueSet(CUES + BRAND_CLAIMS, BENIGN)

#: Codes that are a "hook" (problem, prize, pretext) as opposed to pressure or calls to action.
HOOK_CODES = frozenset({
    "kyc_update_lure", "pan_aadhaar_link_lure", "account_block_threat", "fastag_challan_lure", "credential_request",
    "pin_to_receive", "remote_access_app", "screen_share_request", "prize_lottery", "refund_cashback_lure",
    "reward_points_lure", "utility_disconnection_threat", "parcel_customs_lure", "law_enforcement_threat",
    "safe_account_transfer", "job_task_lure", "investment_lure", "loan_lure", "family_emergency",
    "sextortion_threat", "tech_support_lure", "advance_fee_request", "verification_request", "app_install_request",
    "government_benefit_lure", "personal_details_request", "spam_marketing", "authority_claim",
    "wrong_transfer_return", "money_mule_request", "contacts_shaming_threat", "wrong_number_opener",
    "forces_trade_story",
})
ACTION_CODES = frozenset({"link_click_request", "callback_request", "app_install_request", "credential_request",
                          "guided_action", "pin_to_receive"})
PRESSURE_CODES = frozenset({"urgency", "secrecy_demand"})

MESSAGES: dict[str, str] = {
    "kyc_update_lure": "Asks to update or complete KYC (banks never do this by SMS link or call)",
    "pan_aadhaar_link_lure": "Asks to link or update PAN / Aadhaar",
    "account_block_threat": "Threatens that an account, card, SIM or service will be blocked",
    "fastag_challan_lure": "FASTag / traffic-challan payment or update lure",
    "verification_request": "Asks to verify account or identity details",
    "authority_claim": "Claims to come from a bank, regulator or government department",
    "credential_request": "Asks for an OTP, PIN, CVV, password or card details",
    "pin_to_receive": "Says to scan a QR or enter a PIN to receive money (a PIN is only needed to pay)",
    "remote_access_app": "Mentions a remote-access / screen-sharing app",
    "screen_share_request": "Asks to share the screen",
    "app_install_request": "Asks to install an app or APK from a link",
    "guided_action": "Promises an 'executive' will guide you through steps",
    "urgency": "Creates urgency",
    "secrecy_demand": "Demands secrecy or staying on a call",
    "prize_lottery": "Prize, lottery or winner claim",
    "advance_fee_request": "Asks for a fee, deposit or gift-card payment to release money",
    "refund_cashback_lure": "Refund / cashback lure",
    "reward_points_lure": "Reward points expiry / redemption lure",
    "utility_disconnection_threat": "Threatens electricity / utility disconnection",
    "parcel_customs_lure": "Parcel held / customs fee / address update lure",
    "law_enforcement_threat": "Police / CBI / customs / court threat ('digital arrest')",
    "safe_account_transfer": "Asks to move money to a 'safe' or verification account",
    "job_task_lure": "Part-time job / paid task lure",
    "forces_trade_story": "An army / police officer buying or selling on a marketplace (pays by QR or asks for "
                          "transport charges first)",
    "investment_lure": "Investment / trading lure with promised returns",
    "loan_lure": "Instant loan lure",
    "family_emergency": "Relative-in-trouble / new-number request for money",
    "sextortion_threat": "Threatens to leak videos or photos",
    "tech_support_lure": "Tech-support / virus lure",
    "link_click_request": "Asks to click a link",
    "callback_request": "Asks to call or message a number",
    "spam_marketing": "Premium-rate or unsolicited marketing wording",
    "government_benefit_lure": "Government payment / subsidy / scheme lure",
    "personal_details_request": "Asks for personal details (name, address, account number)",
    "wrong_transfer_return": "Says money was sent 'by mistake' and asks for it back (a fake credit or a collect "
                             "request follows)",
    "contacts_shaming_threat": "Threatens to message your contacts or call you a fraud to shame you into paying "
                               "(illegal loan-app recovery)",
    "wrong_number_opener": "A stranger's friendly 'wrong number' opener that invites a reply (how pig-butchering "
                           "and romance-investment scams start)",
    "money_mule_request": "Asks to rent out or lend a bank account / SIM for a commission (money-mule recruiting)",
}


# Digit runs of four or more (an OTP, PIN, card, account or phone number, even when spaced or hyphenated like
# "98301 23456" or "4821-5567") and four or more spelled-out digits ("four eight two one", from speech).
_DIGIT_RUN_RE = re.compile(r"\d(?:[ -]?\d){3,}")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_WORDS_RE = re.compile(rf"\b{_DIGIT_WORD}(?:[ -]{_DIGIT_WORD}){{3,}}\b")


def mask_digits(text: str) -> str:
    """``text`` with every digit of a 4+ digit run replaced by ``#`` (spelled-out runs by ``####``): evidence
    snippets say what matched without carrying a secret or a phone number."""
    if sum(c.isdigit() for c in text) >= 4:
        text = _DIGIT_RUN_RE.sub(lambda m: "".join("#" if c.isdigit() else c for c in m.group(0)), text)
    if " " in text:
        text = _DIGIT_WORDS_RE.sub("####", text)
    return text

"""Messages from a stranger or a "relative on a new number".

- the "Hi Mum" scam: a new number / lost phone, a favour or money ask, pressure, settling-up wording that excuses it;
- a stranger's way in (a wrong number, "is this Mr Sharma?", reconnecting, a referral, a self-introduction, small
  talk) that moves to a chat app or to trading / crypto / earnings (task-job, investment-group, pig-butchering);
- "I entered your number by mistake, forward me the code" (OTP theft), and a real mis-sent apology."""

from __future__ import annotations

import re


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
    r"\b(?:on|via|over|through|in|to|at|sa|no|pelo|por|auf|über)\s(?:whats\s?app|telegram|signal|wechat|skype|line app|"
    r"hangouts|google chat|kik|viber|snapchat|instagram dm)\b"
    r"|\badd (?:me|us|you|our \w+|my \w+|the \w+|assistant|coordinator|mentor)\b[^.?!\n]{0,30}?"
    r"\b(?:whats\s?app|telegram|signal|group|channel)\b"
    r"|\b(?:wa\.me|t\.me|chat\.whatsapp\.com)/|\btelegram\s?@|@\w+\son\stelegram\b"
    r"|\breply (?:to chat|yes|y)\b(?! to (?:confirm|cancel|book|reschedule|subscribe))"
    r"|\b(?:message|text|ping|dm) (?:me|our \w+|my \w+)(?: \w+)? on\b"
    r"|\b(?:app|apk|link|qr|qr code|details|form)\si(?:\s?am|\s?will|'ll|'m|\shave)?\s(?:send|sending|sent|share|"
    r"sharing|shared)\b")
# The same move in Malay / Tagalog ("sila WhatsApp saya", "hubungi kami di Telegram", "message lang po kay Ms. Joy sa
# Telegram") and with the app's name as a verb in the Indian languages ("WhatsApp செய்யவும்", "टेलीग्राम पर संपर्क
# करें", "টেলিগ্রামে যোগাযোগ করুন") -- batch x. Looked for only when one of ``_CHAT_MOVE_X_HINTS`` is in the text.
_CHAT_MOVE_X_RE = re.compile(
    r"\b(?:sila|hubungi|pm|chat|whatsapp|wasap|mesej)\s(?:saya|kami|kat|di)\b[^.?!\n]{0,15}?(?:whats\s?app|wasap|"
    r"telegram)?|\b(?:message|msg|chat|contact|pm|dm|i-message|i-pm)\s(?:lang\s)?(?:po\s)?(?:kay\s[a-z.]+\s(?:[a-z]+\s)?)?"
    r"(?:sa|kay)\s(?:whats\s?app|telegram|messenger|viber)\b"
    r"|(?:whats\s?app|telegram|व्हाट्सएप|व्हाट्सऐप|टेलीग्राम|হোয়াটসঅ্যাপ|টেলিগ্রাম|வாட்ஸ்அப்|டெலிகிராம்|వాట్సాప్|"
    r"టెలిగ్రామ్)(?:\s?(?:पर|में|पे|এ|ে|ல்|లో))?\s?(?:@|संपर्क|मैसेज|करें|करो|যোগাযোগ|মেসেজ|করুন|செய்ய|"
    r"தொடர்பு|மெசேஜ்|చేయండి|సంప్రదించ)")
_CHAT_MOVE_X_HINTS = ("sila ", "hubungi", "wasap", "mesej", " saya", " kami", " kat ", " di ", " sa ", " kay ", "व्हाट्स", "टेलीग्राम",
                      "হোয়াটস", "টেলিগ্রাম", "வாட்ஸ", "டெலிகிராம", "వాట్సాప", "టెలిగ్రామ", "whatsapp ", "telegram ")


def find_chat_move(low: str) -> re.Match | None:
    """A move to a chat app or a channel of the stranger's own (``_CHAT_MOVE_RE``, then the other languages' forms)."""
    m = _CHAT_MOVE_RE.search(low)
    if m is None and any(h in low for h in _CHAT_MOVE_X_HINTS):
        m = _CHAT_MOVE_X_RE.search(low)
    return m
_EARN_OFFER_RE = re.compile(
    r"\b(?:earn|earning|earnings|salary|income|commission|profit|profits|returns?|stock picks?|ipo|crypto|"
    r"arbitrage|trading|fixed deposit|pre-?approved|limit increase|reward points|redeem|loan"
    # stock tips and VIP picks, task-job pay terms (batch q)
    r"|stock tips?|(?:stock|daily|vip|free|premium|\d) picks|vip (?:members?|group|plan|batch)|trading signals|daily (?:settlement|payout|payment|pay)|paid daily"
    # (not "part-time" / "work from home" alone: a real recruiter's role can be either)
    r"|liking (?:hotel |product )?(?:reviews|videos|posts)"
    # the same offers in Portuguese / Spanish ("ganhos diários", "renda extra", "ganancias diarias", "comisión")
    r"|ganhos?|ganhe|renda extra|lucros?|comiss[aã]o|ganancias?|gana dinero|ingresos? (?:diarios|extra)|comisi[oó]n)\b"
    r"|(?:/|\bper\s)(?:day|hour|hr|review|task)\b|\d\s?%\s?(?:p\.?a\.?|profit|returns?|daily|per)"
    # a sum per day in other languages ("₱500-₱3,000 kada araw", "RM150 sehari", "தினமும் ₹4000", "रोज़ ₹2000") and a
    # daily pay range ("$80-$300 daily") -- batch x
    r"|\d\s?(?:pesos?\s|php\s|rm\s)?(?:kada araw|bawat araw|araw-araw|sehari|setiap hari|se hari|daily|a day)\b"
    r"|(?:தினமும்|தினசரி|रोज़|रोज|प्रतिदिन|রোজ|দৈনিক|দিনে|ప్రతిరోజు|రోజుకు)\s?(?:₹|rs\.?\s?)?\d")

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
    # the passive form, often in textspeak: "ur profile is shortlisted", "your resume has been selected" (batch u)
    r"|\b(?:your|ur) (?:profile|resume|cv|number) (?:is|has been|was|got|is been) (?:shortlisted|selected|chosen)\b"
    # "Mentor Rajesh here", "Coach Vikram here": a role and a name opening the message (batch q)
    r"|^\W*(?:mentor|coach|analyst|advisor|adviser|professor|prof|teacher|assistant|recruiter|manager|hr)\s[a-z]+\shere\b"
    # "aqui é a Carla do RH", "soy Laura de recursos humanos" (PT / ES)
    r"|\baqui (?:é|e) (?:o |a )?[a-zà-ú]+,? (?:do|da|de)\b|\bsoy (?:el |la )?[a-zá-ú]+,? (?:de|del)\b"
    r"|\b(?:sou|soy) (?:o |a |el |la )?[a-zà-ú]+,? (?:consultor|consultora|asesor|asesora|analista|gerente|mentor|mentora|"
    r"corretor|corretora)\b")
# Malay / Tagalog: "saya Nurul dari Shopee", "ako si Joy mula sa ..." (batch x; looked for only with "saya" / "ako si").
_SELF_INTRO_X_RE = re.compile(r"\bsaya (?:ialah |adalah )?[a-z]+,? dari\b|\bako si [a-z]+,? (?:mula sa|taga|from|ng)\b")


def find_self_intro(low: str) -> re.Match | None:
    """A self-introduction by name and role or organisation (``_SELF_INTRO_RE``, then the Malay / Tagalog forms)."""
    m = _SELF_INTRO_RE.search(low)
    if m is None and ("saya " in low or "ako si " in low):
        m = _SELF_INTRO_X_RE.search(low)
    return m
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
# ("Hey! Long time." / "hey stranger" / "been ages" opening the message: batch u)
_RECONNECT_RE = re.compile(r"^\W*(?:(?:hey|hi|hello|hii+)\W+)?(?:long time|been ages|hey stranger)\b|\bhey stranger\b|"
                           r"\b(?:it'?s|it has) been (?:a |so )?(?:long time|ages|a while|years)\b|\blong time no "
                           r"(?:see|talk|chat|speak)\b|\bremember me\b|\bare you still (?:in|at|living|working)\b|"
                           r"\bhaven'?t (?:talked|spoken|heard from you) in\b"
                           # "sorry I lost my contacts", "it's Rachel from the wine tasting last week" (batches o, s)
                           r"|\blost (?:all )?my (?:contacts|numbers)\b|\b(?:it'?s|this is) [a-z]+ from the (?:[a-z]+ ){1,3}?"
                           r"(?:last|this) (?:week|weekend|month)\b")
_REFERRAL_RE = re.compile(r"\bne (?:aapka|apka|tumhara|tera) (?:number|no|contact|naam) (?:diya|share kiya|bataya)\b|"
                          r"\b(?:got|have|received) your (?:number|contact|details) from\b|\bgave me your "
                          r"(?:number|contact)\b|\baapka (?:number|no) [a-z]+ (?:se|ne) (?:mila|diya)\b")
_INVEST_TALK_RE = re.compile(r"\b(?:crypto|bitcoin|usdt|forex|trading|stocks?|shares|ipo|arbitrage|mt[45]|"
                             r"investing|investment|wealth management|asset management)\b|\d\s?%\s?(?:return|returns|profit|munafa)\b")
_TEACH_JOIN_RE = re.compile(r"\b(?:show you how|teach you|guide you|want (?:me )?to (?:show|teach|guide|add|send you|"
                            r"share with you)|(?:want|like) to (?:join|learn|try|hear)|shall i (?:add|share|send)|join karna|join karoge|join karo|join "
                            r"karein|judna|jud jao|add kar (?:du|doon|dun)|(?:love|like|happy|glad) to (?:share|introduce|"
                            r"tell you about) (?:an?|this|the|my) (?:opportunity|plan|strategy)|quer participar|quiere "
                            r"participar|quieres participar|quer entrar|willst du mitmachen|want to join)\b|\binterested\s?\?|"
                            r"\bbatao\b")
# A wrong-number opener that goes on as small talk ("... anyway nice to meet you, I am Shreya from Pune"): a real
# mis-sent text ends with the apology (batch q; pig-butchering first contact, FBI IC3 / I4C advisories).
_SMALL_TALK_RE = re.compile(r"\bcan we be friends\b|\bwhere are you from\b|\bwhat do you do\b|\bmay i know (?:your "
                            r"name|who)\b|\b(?:i am|i'm|im|my name is) [a-z]+,? from\b|\bwhat(?:'s| is) your name\b|"
                            r"\byou (?:seem|sound) (?:nice|kind|lovely|interesting)\b")
# The writer's own trade as the hook: "you asked about my wine business" (batch u). A genuine follow-up after a trade
# fair says the same ("we met at the expo, you asked about my tea business, sharing our catalogue"), so it counts as
# small talk only next to an offer to show / add / send, or money-making talk (see stranger_small_talk).
_OWN_TRADE_RE = re.compile(r"\byou (?:asked|enquired|inquired|were curious) (?:me )?about my (?:[a-z]+ ){0,2}?(?:business|"
                           r"company|firm|brand|products?|investments?|portfolio|trading|winery|vineyard|boutique|"
                           r"startup)\b")


# "Is this Mr. Sharma?": the writer checks who they are texting, as wrong-number openers do; a trade-fair contact
# following up introduces themselves and their company instead.
_WHO_IS_THIS_RE = re.compile(r"\b(?:is (?:this|that|it)|am i (?:talking|speaking|texting) (?:to|with)) (?:mr|mrs|ms|miss|"
                             r"dr|sir|madam)?\.?\s?[a-z]+\s?\?")


def stranger_small_talk(low: str) -> re.Match | None:
    """Small talk after a stranger's opener: the plain forms, or the writer's own trade as the hook next to a pitch or
    after asking who the reader is."""
    if talk := _SMALL_TALK_RE.search(low):
        return talk
    trade = _OWN_TRADE_RE.search(low)
    if trade and (_TEACH_JOIN_RE.search(low) or _INVEST_TALK_RE.search(low) or _WHO_IS_THIS_RE.search(low)):
        return trade
    return None
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

_MISSENT_RE = re.compile(r"\b(?:i |it )?(?:meant|was meant|supposed) (?:to (?:text|send|message|msg|go to|reach)"
                         r" |for )(?:my|his|her|our)\b")

# A minimum stake named in an investment pitch ("min $250 start", "minimum deposit 5000", "start with just Rs 5000",
# "starting from only 10k"): the entry ticket of fake trading platforms and investment groups (batch u).
_MIN_DEPOSIT_RE = re.compile(
    r"\bmin(?:imum)?\.?\s(?:(?:deposit|investment|invest|amount|capital|entry|stake|ticket)\s)?(?:of\s|is\s|just\s|"
    r"only\s)?(?:rs\.?\s?|₹\s?|\$\s?|usd\s?|inr\s?|£\s?|€\s?|ksh\s?|aed\s?)?\d[\d,]*(?:\.\d+)?\s?(?:k|lakh|usd|usdt|"
    r"dollars?|rs|rupees)?\b(?!\s?(?:min|mins|minutes?|hrs?|hours?|days?|km|kg|gb|%))"
    r"|\b(?:start|starting|begin|invest)\s(?:with|from|at)\s(?:just|only|a\s(?:mere|small))\s(?:rs\.?\s?|₹\s?|\$\s?|"
    r"usd\s?|inr\s?|£\s?|€\s?)?\d[\d,]*\s?(?:k|lakh)?\b")
# What the stake is said to earn: returns, profit, a multiplier, a percentage or a "made 4x" brag.
_RETURNS_TALK_RE = re.compile(r"\b(?:returns?|profits?|earn(?:ed|ing|s)?|gains?|income|roi|payout|made|munafa|"
                              r"double|triple)\b|\b\d{1,3}\s?x\b|\d\s?%")

# A romance-scam persona (FBI IC3 / FTC: deployed soldier, army / UN doctor, peacekeeper, oil-rig or ship engineer,
# contractor abroad) ...
_ROMANCE_PERSONA_RE = re.compile(
    r"\b(?:(?:us|u\.s\.|american|british|uk|un|united nations)\s)?(?:army|military|navy|marine corps)\s(?:doctor|"
    r"surgeon|officer|general|captain|sergeant|nurse|medic|engineer|man|woman|soldier)\b"
    r"|\b(?:capt|captain|sgt|sergeant|gen|general|lt|lieutenant|major|col|colonel)\.?\s[a-z]+\b[^.?!\n]{0,40}"
    r"\b(?:army|military|navy|deployed|peace\s?keeping|mission|base)\b"
    r"|\b(?:deployed|stationed|serving)\s(?:in|at|on)\s(?:syria|afghanistan|iraq|yemen|somalia|sudan|libya|"
    r"a peace\s?keeping|an? un|the un|a military|an? oil)\b|\bpeace\s?keeping\smission\b"
    r"|\b(?:un|united nations|red cross|who)\s(?:doctor|surgeon|nurse|peacekeeper)\b"
    r"|\b(?:oil\s?rig|offshore\s(?:rig|platform)|oil platform)\b|\b(?:ship|marine|offshore)\sengineer\b")
# ... and the stranger's frame around it: found the reader's profile or number, a compliment, the search for a
# "trustworthy / honest / caring" person, the wish to be friends.
_ROMANCE_FRAME_RE = re.compile(
    r"\b(?:saw|found|came across|viewed|liked|seen)\s(?:your|ur)\s(?:profile|picture|pictures|photo|photos|pic|pics|"
    r"dp|number)\b|\b(?:you|u)\slook\s(?:so\s|very\s)?(?:kind|beautiful|pretty|lovely|nice|cute|honest|gorgeous|"
    r"handsome|caring|sweet)\b|\b(?:trustworthy|honest|caring|loving|sincere|serious|god fearing|understanding)\s"
    r"(?:person|woman|man|lady|partner|friend|soul)\b|\b(?:want|like|love|wish)\sto\s(?:be\s(?:your\s)?friends?|"
    r"know you better|get to know you)\b|\bwould love to (?:talk|chat|know you|get to know you)\b")
# (cheap gate: a persona word or a chat app must be in the text before the frame is looked for)
_ROMANCE_HINTS = ("army", "military", "navy", "marine", "deployed", "stationed", "serving", "peace", "doctor",
                  "surgeon", "nurse", "rig", "offshore", "engineer", "capt", "sgt", "general", "whats", "telegram",
                  "signal", "wechat", "skype", "line app", "hangouts", "google chat", "kik", "viber", "snapchat",
                  "instagram", "add me", "wa.me", "t.me")

# A pay range per day for part-time / remote work ("$80-$300 daily", "SGD 300-800 daily", "£300-£800 per day",
# "RM150-RM500 sehari", "500-3000 pesos daily"): the task-job recruiter's hook (SPF, MAS, FTC, I4C advisories). A real
# recruiter names a role, a place and an interview, and pays by the hour or month.
_CUR = r"(?:rs\.?\s?|₹|inr\s?|(?:[acs]|nz|hk|us)?\$|sgd\s?|usd\s?|£|€|₱|php\s?|rm\s?|aed\s?|ksh\s?|kes\s?|₦)?"
_DAILY_PAY_RANGE_RE = re.compile(
    r"(?<![\d,.])" + _CUR + r"\d[\d,]{0,9}(?:\.\d{1,2})?k?\s?(?:-|–|to)\s?" + _CUR + r"\d[\d,]{0,9}(?:\.\d{1,2})?k?\s?"
    r"(?:pesos|php|sgd|usd|rm|rs|rupees|"
    r"inr|dollars|pounds|ringgit)?\s?(?:daily|a day|per day|/day|each day|every day|kada araw|bawat araw|sehari|"
    r"setiap hari|per hari)\b")
# ... for work that is part-time, remote, flexible or a few minutes a day.
_PART_TIME_RE = re.compile(r"\b(?:part[- ]?time|remote|online|flexible|from (?:home|your phone|phone)|work from home|wfh|"
                           r"\d+\s?(?:-|to)\s?\d+\s?min(?:ute)?s?|\d+\s?min(?:ute)?s? (?:a|per) day|sambilan|"
                           r"cellphone lang|side (?:job|income|hustle))\b")
# A recruiter's self-introduction ("I'm Jessica from a recruitment agency", "this is Rachel, HR at ...").
_RECRUITER_RE = re.compile(r"\b(?:recruit\w*|hr|human resources?|hiring|headhunter|talent|staffing|agency|jobstreet|"
                           r"job ?street|linkedin|indeed|naukri|monster)\b")

# A dating-app match as the stranger's way in ("we matched on Bumble last week", "from Tinder"): the match moves to
# trading talk (pig-butchering; FBI IC3, FTC) -- batch x.
_DATING_MATCH_RE = re.compile(r"\b(?:we |i )?matched (?:on|in|at)\b|\b(?:nice|glad|happy|great|good) (?:to|we) match(?:ed)? "
                              r"(?:with you|here|on)\b|\b(?:on|from|via) (?:tinder|bumble|hinge|okcupid|"
                              r"happn|badoo|tantan|coffee meets bagel|aisle|truly ?madly|quackquack|the dating app|a "
                              r"dating (?:app|site))\b")
# A short-period returns brag in the writer's (or their circle's) voice: "I made 2.3 lakh last week", "my students
# earned 35% this week", "members made 38% last month" -- the proof shown before the pitch.
_RETURNS_BRAG_RE = re.compile(
    r"\b(?:i|we|my (?:students|members|clients|uncle|aunt|cousin|friends?|team|group)|members|our (?:members|clients|"
    r"group))\s(?:have\s|just\s|already\s)?(?:made|earned|gained|got|profited|doubled)\b[^.?!\n]{0,40}?"
    r"(?:\d\s?%|\d[\d,.]*\s?(?:k|lakhs?|lacs?|x|usdt|usd|dollars)\b|[$₹£€]\s?\d|\brs\.?\s?\d)"
    r"|\d\s?%\s(?:this|last|in a|in one|per|every|each)\s(?:week|month|day)\b"
    # (present tense, an income per period: "how I earn 1.5 lakh a month", "I make $3,000 every week")
    r"|\b(?:i|we)\s(?:now\s|easily\s)?(?:earn|make)\s(?:around\s|about\s|over\s|upto\s|up to\s)?"
    r"(?:\d[\d,.]*\s?(?:k|lakhs?|lacs?|usdt|usd|dollars)\b|[$₹£€]\s?\d[\d,.]*k?|\brs\.?\s?\d[\d,.]*k?)\s"
    r"(?:a|per|every|each)\s(?:week|month|day)\b")

# An ask to write back on the new number or a chat app ("text me when you get this", "can you text me on whatsapp",
# "message me back", "reply when you see this") -- not a call.
_WRITE_BACK_RE = re.compile(r"\b(?:text|message|msg|whatsapp|ping|dm|txt)\s(?:me|me back)\b(?!\s(?:the|your|ur)\s"
                            r"(?:address|time|details|flight|plans?))"
                            r"|\breply (?:when|once|here|asap|back)\b|\bget back to me\b|\bdrop me a (?:text|message|msg|line)\b")
# The old phone said to be broken, dead, lost or gone ("old one's broken", "my phone's smashed", "old phone died").
_OLD_PHONE_GONE_RE = re.compile(r"\b(?:old|my|the other)\s(?:one|phone|mobile|number|sim|handset)(?:'s|\sis|\sgot|\shas|"
                                r"\swas)?\s(?:been\s)?(?:broken|broke|dead|died|gone|lost|stolen|damaged|smashed|cracked|"
                                r"not working|stopped working|blocked)\b|\bphone'?s?\s(?:is\s)?(?:broken|dead|smashed|"
                                r"gone|cracked)\b")
# Addressed to a parent ("Hi Mum", "Mom", "Dad", "Mummy", "Papa", "Maa").
# (possessive, one run of non-letters: "^\W*(?:hi)?\W*" backtracked quadratically over a hostile run of punctuation;
# the same texts match)
_PARENT_RE = re.compile(r"^\W*+(?:(?:hi|hey|hello|hii)\W*+)?(?:mum|mom|mummy|mommy|mam|mama|ma|maa|dad|daddy|papa|pa)\b")

# The writer avoids a call ("call mat karna, boarding me hu", "don't call, I'm in a meeting", "can't talk now"): the
# impersonator of a friend or relative cannot let the voice be heard (batch x).
_NO_CALL_RE = re.compile(r"\b(?:call|phone) (?:mat|na|mt) (?:karna|karo|kar|krna|kro)\b|\bmat (?:karna|karo) call\b|"
                         r"\b(?:don'?t|do not|pls don'?t|please don'?t|no need to) (?:call|ring|phone)\b|"
                         r"\b(?:can'?t|cannot|cant|unable to) (?:talk|speak|take (?:a |your )?calls?|pick up|call)\b|"
                         r"\bno calls?\b|\bbaat nahi? (?:kar|ho) (?:sakta|sakti|payega|paungi|paunga)\b|"
                         r"फोन मत|कॉल मत")
# Stranded or cut off from one's own money: stuck at an airport / station, a card blocked or declined, a wallet lost,
# an accident or the police ("airport pe phas gaya", "my card got blocked", "lost my wallet").
_STRANDED_RE = re.compile(r"\b(?:stuck|stranded|phas gaya|phas gayi|fas gaya|fas gayi|phans gaya|atak gaya|atak gayi|"
                          r"fasa hua|phasa hua)\b|\bcard (?:got |is |ho gaya |hogaya )?(?:block|blocked|declined|"
                          r"not working|swallowed|stuck)\b|\b(?:lost|stolen) (?:my )?(?:wallet|purse|cards?)\b|"
                          r"\b(?:wallet|purse) (?:was |got |is )?(?:stolen|lost|chori|kho gaya)\b|\baccident\b|"
                          r"\bpolice (?:wale|station|ne)\b")
# (cheap gates: a word the rule's regex cannot match without)
_NO_CALL_HINTS = ("call mat", "call na", "call mt", "phone mat", "phone na", "phone mt", "mat karna call", "mat karo call",
                  "t call", "t ring", "t phone", "t talk", "t speak", "take call", "take a call", "take your call",
                  "pick up", "no call", "no need to", "unable to", "baat nahi", "baat na", "फोन मत", "कॉल मत")
_DAY_HINTS = ("daily", "a day", "per day", "/day", "each day", "every day", "araw", "hari")
# Pay the same day for a task ("paid same day via UPI", "same-day payout", "daily payout", "instant payment per task").
_SAME_DAY_PAY_RE = re.compile(r"\b(?:paid|pay|payment|payout|salary|settlement)\s(?:the\s)?same[- ]day\b|\bsame[- ]day\s"
                              r"(?:pay|payment|payout|salary|settlement)\b|\b(?:daily|instant)\s(?:payout|payment|"
                              r"settlement)\b|\bpaid (?:daily|instantly|every day)\b")
_PART_TIME_HINTS = ("part", "remote", "online", "flexib", "home", "phone", "wfh", "min", "sambilan", "cellphone", "side ")

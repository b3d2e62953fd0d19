"""Photo albums and folders shared between people on storage hosts, and the album-shaped phish (sign in to view,
"is this you in the video?", a payment or threat beside it)."""

from __future__ import annotations

import re


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

_ALBUM_PHOTO_RE = re.compile(r"\b(?:photos?|pics?|pictures|album|videos?|clips?|selfies?)\b")
_ALBUM_SIGNIN_RE = re.compile(r"\b(?:password|passwd|sign ?in|log ?in|login|gmail id|(?:enter|with|give) (?:your )?"
                              r"(?:e-?mail|gmail)|verify (?:your )?(?:account|e-?mail|gmail))\b")
_STORAGE_HOSTS = frozenset({"drive.google.com", "photos.app.goo.gl", "photos.google.com", "docs.google.com",
                            "1drv.ms", "onedrive.live.com", "www.dropbox.com", "dropbox.com", "www.icloud.com",
                            "icloud.com"})

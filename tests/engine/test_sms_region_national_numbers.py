"""A number written in the national format of the message's evident region (its currency or its foreign sender) is
read in that region: a UK freephone number in a £ message ("0800 009 3652") is that country's published helpline,
not re-read as an Indian mobile (8000093652). Near misses: a UK mobile stays a UK mobile, an Indian message's
number is read as before, a number that is no valid national number there is read in India as before."""

from __future__ import annotations

import pytest

from scamshield.engine.sms import analyze_sms
from scamshield.engine.sms.extract import _phone_objects, phone_region_hint


def _numbers(text: str, sender_country: int | None = None) -> list[str]:
    return list(_phone_objects(text, prefer=phone_region_hint(text, sender_country)))


@pytest.mark.parametrize("text, sender_country, expected", [
    # the region's freephone / non-geographic numbers: not an Indian mobile, not a number to call back
    ("Your card payment of £45.00 was declined. If this was not you, call us free on 0800 009 3652.", None, []),
    ("Refund of £12.40 approved. Questions? 0800 009 3652", None, []),
    ("Your parcel is on its way. Help: 0800 009 3652", 44, []),             # a UK sender, no currency
    # near misses: read as before
    ("Can you lend me £50 till Friday? ring me on 07893 014522", None, ["+447893014522"]),  # a UK mobile
    ("Payment of Rs 500 failed. call 08000093652", None, ["+918000093652"]),               # Indian text
    ("Payment of £500 failed. call 1800 339 6963", None, ["+9118003396963"]),            # read as an Indian 1800
    ("Payment of $45 declined. call 0800 009 3652", None, ["+918000093652"]),            # no US national number
    ("Your card payment of £45.00 was declined. Call +91 80000 93652", None, ["+918000093652"]),  # written with +91
])
def test_national_format_of_the_evident_region(text, sender_country, expected):
    assert _numbers(text, sender_country) == expected


@pytest.mark.parametrize("text, mobile_callback", [
    ("Your card payment of £45.00 was declined. If this was not you, call 0800 009 3652 immediately", False),
    ("Your card payment of Rs 4,500 was declined. If this was not you, call 98300 41276 immediately", True),
])
def test_no_mobile_callback_from_a_foreign_freephone(text, mobile_callback):
    a = analyze_sms(text)
    codes = {s.code for s in a.signals}
    assert ("alert_with_mobile_callback" in codes) is mobile_callback

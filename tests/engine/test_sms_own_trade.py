"""The writer's own trade as a stranger's hook ("you asked about my wine business") counts as small talk only after
asking who the reader is or next to a pitch; a trade-fair contact following up with their company's name stays low."""

import pytest

from scamshield.engine.sms import analyze_sms


@pytest.mark.parametrize("text, flagged", [
    ("Hi, is this Mr. Kapoor? We met at the Juhu golf day last week, you asked about my wine business :)", True),
    ("Hey its Linda from the golf club last week, you asked about my crypto portfolio, want me to show you how?",
     True),
    ("Hi, this is Ramesh from Sunrise Teas, we met at the expo last week, you asked about my tea business. Sharing our "
     "catalogue, let me know.", False),
    ("Hi its Ramesh from Sunrise Teas - we met at the Pragati Maidan expo last week. You asked about my tea business, "
     "is this still a good number for the price list?", False),
])
def test_own_trade_hook(text, flagged):
    assert (analyze_sms(text, sender="+919812345670").risk_score >= 50) is flagged

"""One UPI-id (VPA) definition (engine/vpa.py) used by QR/deep links, transactions, SMS extraction and the ledger's
canonical ids: e-mail addresses are never UPI ids anywhere."""

from __future__ import annotations

import pytest

from scamshield.engine import sms, upi
from scamshield.engine.transaction import TransactionInput, analyze_transaction
from scamshield.engine.vpa import MAX_VPA, VPA_RE, find_vpas, is_vpa, normalise_vpa
from scamshield.errors import InvalidInput
from scamshield.services import entities

CASES = [
    ("ramesh123@okicici", True),
    ("9876543210@paytm", True),
    ("Ramesh.Kumar-1_x@OKAXIS", True),
    ("merchant@hdfcbank", True),
    ("ab@yb", True),
    ("name@gmail.com", False),        # an e-mail address: the handle has a dot-TLD
    ("support@paytm.in", False),
    ("x.y@mail.example.co.in", False),
    ("refund@ok-icici", False),       # handles are letters and digits
    ("b@ybl", True),                  # a one-character local part (the ledger has always accepted it)
    ("@ybl", False),
    ("name@", False),
    ("name@1bl", False),
    (".name@ybl", False),
    ("name@@ybl", False),
    ("a" * 120 + "@ybl", True),
    ("a" * 125 + "@ybl", False),      # over MAX_VPA characters
]


@pytest.mark.parametrize("vpa, ok", CASES)
def test_one_definition_everywhere(vpa, ok):
    assert is_vpa(vpa) is ok
    assert bool(upi.VPA_RE.match(vpa.casefold())) is ok, "engine/upi.py uses the same pattern"
    if ok:
        assert normalise_vpa(f"  {vpa} ") == vpa.casefold()
        assert entities.normalise_entity("upi_id", vpa) == vpa.casefold()
    else:
        with pytest.raises(InvalidInput):
            normalise_vpa(vpa)
        with pytest.raises(InvalidInput):
            entities.normalise_entity("upi_id", vpa)
    found = sms.extract_upi_ids(f"Pay now to {vpa} today")
    assert (found == [vpa.casefold()]) is ok, found


def test_normalise_removes_inner_whitespace():
    """A pasted id with stray spaces names the same payee (the ledger's canonical id); the text itself is no VPA."""
    assert not is_vpa("na me@ybl")
    assert normalise_vpa(" Na me @YBL ") == "name@ybl"


def test_email_payee_is_malformed_in_a_transaction():
    """engine/upi.py used to allow dots in the handle, so name@gmail.com passed as a valid VPA."""
    a = analyze_transaction(TransactionInput(amount=500, recipient_upi="name@gmail.com", recipient_name="Name"))
    assert "malformed_vpa" in {s.code for s in a.signals}
    b = analyze_transaction(TransactionInput(amount=500, recipient_upi="ramesh123@okicici", recipient_name="Ramesh"))
    assert "malformed_vpa" not in {s.code for s in b.signals}


def test_email_payee_in_a_qr_is_an_anomaly():
    intent = upi.parse_upi("upi://pay?pa=name@gmail.com&pn=Name")
    assert "invalid_vpa" in intent.anomalies
    assert "invalid_vpa" not in upi.parse_upi("upi://pay?pa=name@okhdfcbank&pn=Name").anomalies


@pytest.mark.parametrize("text, expected", [
    ("Send Rs 500 to refund.desk@ybl or mail help@paytm.com", ["refund.desk@ybl"]),
    ("contact kyc@sbi.co.in; pay kyc@oksbi.", ["kyc@oksbi"]),
    ("a@b c@d", []),                  # one-letter handles are not PSP handles
    ("pay RAMESH@OKICICI and ramesh@okicici", ["ramesh@okicici"]),
    ("x+ramesh@okicici", []),          # glued to a longer word
])
def test_find_vpas(text, expected):
    assert find_vpas(text, limit=10) == expected
    assert sms.extract_upi_ids(text) == expected


def test_limits_and_linearity():
    assert len(find_vpas(" ".join(f"u{i:03d}@ybl" for i in range(50)), limit=10)) == 10
    assert VPA_RE.pattern.count(str(MAX_VPA)) == 1
    hostile = ("a" * 4000 + "@") * 3
    assert find_vpas(hostile, limit=10) == []

"""Groups of cue codes (``cues.SMS_CUES``) that the combination rules in ``analyze_sms`` test together."""

from __future__ import annotations

from ..cues import ACTION_CODES, HOOK_CODES, PRESSURE_CODES

# Cue codes that ask the reader to do something risky (give a credential, pay, install, move money, keep quiet).
_ASKING_CODES = frozenset({"credential_request", "pin_to_receive", "safe_account_transfer", "screen_share_request",
                           "app_install_request", "money_mule_request", "secrecy_demand", "advance_fee_request",
                           "personal_details_request", "wrong_transfer_return"})

_ACTING_CODES = (ACTION_CODES | PRESSURE_CODES | _ASKING_CODES) - {"guided_action"}
# Cue codes that make a message more than advice when they occur outside the advice's own sentences.
_RISKY_FOR_ADVICE = (HOOK_CODES | ACTION_CODES | PRESSURE_CODES | _ASKING_CODES) - {"authority_claim",
                                                                                   "spam_marketing"}

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

"""Build every lazily loaded table (brand index, phrase tries, models) once, before serving traffic."""

from __future__ import annotations


def warm_up() -> None:
    from scamshield.engine.conversation import analyze_transcript
    from scamshield.engine.sms import analyze_sms
    from scamshield.engine.upi import analyze_qr
    from scamshield.engine.url import analyze_url

    analyze_url("https://example.com/login")
    analyze_sms("Your OTP is 123456. Do not share it with anyone.")
    analyze_qr("upi://pay?pa=shop@okaxis&pn=Shop&am=1")
    analyze_transcript("Hello, this is a test call.")

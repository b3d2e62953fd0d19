"""Size caps of the SMS analyser: how much of a message is read, and how many links / numbers / UPI ids."""

from __future__ import annotations


MAX_SMS_CHARS = 5_000      # links and UPI ids are looked for in this many characters (padding cannot hide them)
MAX_CUE_CHARS = 1_600      # cue phrases, phone numbers and the learned model see this many (a 10-part SMS is
                           # 1,530 characters); a longer text gets a ``text_truncated`` signal saying so
MAX_CUE_TOKENS = 320      # about the words of a 10-part SMS
MAX_LINKS = 5
MAX_URLS_REPORTED = 20
MAX_PHONE_CANDIDATES = 8
MAX_UPI_IDS = 10

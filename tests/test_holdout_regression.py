"""Frozen minimums on the hand-written hold-outs (evaluation only, never trained on).

These sets were written by the project (CC0, `src/scamshield/training/data/README.md`), so their figures are
optimistic; the minimums guard against regressions, they do not prove quality. Lower one only with a written reason
in docs/evaluation.md; raise it when the product improves.
"""

from __future__ import annotations

import csv
import random
from importlib import resources
from typing import Any

import pytest

from scamshield.engine.conversation import CallState, Segment, _default_detector
from scamshield.engine.sms import analyze_sms
from scamshield.engine.url import analyze_url
from scamshield.evaluation import asr_segments, confusion

FLAG_AT = 50


def _rows(name: str) -> list[dict[str, Any]]:
    res = resources.files("scamshield.training.data").joinpath(name)
    with resources.as_file(res) as p, open(p, newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r.get("label") in ("0", "1")]


# Minimums = measured minus a margin, where "measured" does not count the fix made after batch d was read (0e7a058
# changed a cue because of batch d's one false positive, which also turned one miss into a hit): measured on all 784
# rows (after the R1 review fixes) with sender F1 0.991, FPR 0.45 % (2 FP), recall 0.988 (4 FN); text only F1 0.990,
# FPR 0.67 % (3 FP), recall 0.988. With batch d at its first read (+1 FP, +1 FN): with sender F1 0.988, FPR 0.67 %,
# recall 0.985; text only F1 0.987, FPR 0.89 %, recall 0.985. Margin: F1 and recall -0.015, FPR +2 legit rows
# (0.45 %). Before: 0.975 / 1.2 % / 0.97 and 0.975 / 1.5 % / 0.97 (af3cf15, batch d fitted); 2c91ec1: 0.96 / 2 % /
# 0.95 and 0.94 / 6 % / 0.95.
# Batch e (153 rows: other regions' smishing and genuine look-alikes) joined the file; its first read was with sender
# F1 0.899 / FPR 8.3 %, text only F1 0.879 / FPR 11.9 %. After the round that looked at its misses (so batch e is
# fitted now), all 937 rows: with sender F1 0.991, FPR 0.38 % (2 FP), recall 0.988; text only F1 0.990, FPR 0.56 %
# (3 FP), recall 0.988. Same margins (F1 / recall -0.015, FPR +2 legit rows = 0.38 %).
# Batch f (160 rows, 95 genuine: real-looking Indian / UK / US service traffic) joined; its first read was with sender
# F1 0.913 / FPR 4.2 %, text only 0.905 / 4.2 %. After the round that looked at its errors (fitted), all 1,097 rows:
# with sender F1 0.996, FPR 0.32 % (2 FP), recall 0.996; text only F1 0.993, FPR 0.64 % (4 FP), recall 0.994. Raised
# with the same margins (F1 / recall -0.015, FPR +2 legit rows = 0.32 %); the text-only FPR bound is kept at 0.94 %
# (the margin rule would give 0.96 %: never loosened).
# Batch g (50 rows, written after that round, read once: with sender F1 0.947 / FPR 0 / recall 0.90, text only 0.923 /
# 3.3 % / 0.90) joined and was then fitted; all 1,147 rows: with sender F1 0.996, FPR 0.30 % (2 FP), recall 0.996;
# text only F1 0.993, FPR 0.61 % (4 FP), recall 0.994. Same margins (FPR +2 legit rows of 658).
# Batch h (112 rows, written blind after the issue #5 review round; first read with sender F1 0.961 / FPR 3.3 % /
# recall 0.961, text only the same) joined and was then fitted; all 1,259 rows: with sender F1 0.995, FPR 0.42 %
# (3 FP), recall 0.996; text only F1 0.992, FPR 0.83 % (6 FP), recall 0.994. The margin rule would give no higher
# minimum (F1 / recall -0.015; FPR +2 legit rows of 719 = 0.70 % and 1.11 %): the bounds are kept, never loosened.
# Batch i (196 rows, written blind; first read with sender F1 0.954 / FPR 1.5 % / recall 0.939, text only 0.939 /
# 3.1 % / 0.939) joined and was then fitted; batches a-i, 1,455 rows: with sender F1 0.996, FPR 0.35 % (3 FP), recall
# 0.997; text only F1 0.993, FPR 0.71 % (6 FP), recall 0.995. With the same margins the with-sender FPR bound is
# raised to 0.59 % ((3 + 2) / 849); the others would not rise (or would loosen: text-only FPR 0.94 %) and are kept.
# Batch j (67 rows, written after the batch i fixes and read once: with sender and text only F1 0.882, FPR 5.9 % (3 of
# 51), recall 0.9375) was held apart until the round that fixed the KINDS of its errors (UK/US passcode templates,
# a payment app named as the means between friends, 5-digit opt-out numbers, regional-script disconnection): it is
# fitted now. Batches a-j, 1,522 rows (after the storage-album offset, af5ee33): with sender F1 0.997, FPR 0.22 %
# (2 FP), recall 0.997; text only F1 0.995, FPR 0.33 % (3 FP), recall 0.995. Same margins (F1 / recall -0.015, FPR
# +2 legit rows of 900): with sender FPR bound 0.59 % -> 0.45 %; text only F1 0.978 -> 0.980, recall 0.979 -> 0.980,
# FPR 0.91 % -> 0.56 %.
# Batch k (123 rows, 77 legitimate, written after the batch j round and before any read) is fitted too since its
# round (see below for its first read); it is held apart from the minimums above like j was, with its own bound.
# Batch l joined the minimums once the round on the KINDS of its three misses (court / jury warrant cleared by a fine,
# a government deposit by Interac e-Transfer on a look-alike domain, Odia / Assamese disconnection) fitted it:
# batches a-j + l, 1,582 rows: with sender F1 0.997, FPR 0.21 % (2 FP), recall 0.997; text only F1 0.995, FPR 0.32 %
# (3 FP), recall 0.995. The bounds are kept (each still has a margin of 2+ rows).
# Batch p (118 rows, 66 genuine, written blind in the sixth session; first read with sender F1 0.925, FPR 7.6 % (5 of
# 66, all awareness texts quoting a lure), recall 0.942; text only 0.906 / 9.1 % / 0.923) was fitted by its round and
# joined the minimums: batches a-j + l + p, 1,700 rows: with sender 1 FP, 2 FN; text only 2 FP, 4 FN. Bounds kept.
_FITTED_BATCHES = frozenset("abcdefghijlp")


@pytest.mark.parametrize("use_sender, mins", [
    (True, {"f1": 0.981, "fpr_max": 0.0045, "recall": 0.981}),
    (False, {"f1": 0.980, "fpr_max": 0.0056, "recall": 0.980}),
], ids=["with_sender", "text_only"])
def test_sms_india_holdout(use_sender, mins):
    rows = [r for r in _rows("sms_india_holdout.csv") if r["batch"] in _FITTED_BATCHES]
    labels = [int(r["label"]) for r in rows]
    preds = [analyze_sms(r["text"], sender=r["sender"] if use_sender else None).risk_score >= FLAG_AT for r in rows]
    c = confusion(labels, preds)
    assert c.f1 >= mins["f1"] and c.recall >= mins["recall"] and c.fpr <= mins["fpr_max"], c.as_dict()


# Batch k's first read: with sender F1 0.894, FPR 1.3 % (1 of 77), recall 0.826 (38 of 46); text only F1 0.905, FPR 0,
# recall 0.826. Its own bound = that read minus one row either way (one more false positive or one more miss), so a
# change elsewhere cannot make it worse than it was unseen; the round after the read (fitted) took it to F1 1.0.
# Batch l (60 rows, 15 fraud) had the same treatment after its first read (F1 0.889, FPR 0, recall 0.80 both ways);
# it is fitted now and in the minimums above.
# Batch m (101 rows, 46 fraud, 55 genuine, written after the batch l round and committed before any read): first
# read with sender and text only F1 0.881, FPR 1.8 % (1 of 55), recall 0.804 (37 of 46); its own bound = that read
# minus one row either way (F1 bound: one more FP and one more miss at once would give 0.857).
# Batch n (111 rows, 55 fraud, 56 genuine, keyword-free lures, written after the batch m round and committed before
# any read): first read with sender F1 0.764, FPR 0 (0 of 56), recall 0.618 (34 of 55); text only F1 0.756, FPR 1.8 %
# (1 of 56), recall 0.618. Own bound = that read minus one row either way (F1: one more FP and one more miss at once).
# Batch o (48 rows, 22 fraud, 26 genuine, written after the batch n round, read once, not tuned on): first read with
# the SMS model then being retrained F1 0.811, FPR 0, recall 0.682 (15 of 22) both ways; with the committed model
# 1.fb185eba1e FPR 3.8 % (1 of 26: a LinkedIn shortener link). Bound: fp <= 1 + 1, fn <= 7 + 1, F1 >= 0.75.
# Batch q (117 rows, 53 fraud, 64 genuine, 58 without a sender id; keyword-light lures, other regions; written blind in
# the sixth session): first read with sender and text only F1 0.813, FPR 1.6 % (1 of 64), recall 0.698 (37 of 53);
# fitted after. Bound: that read minus one row either way.
# Batch u (130 rows, 55 fraud, 75 genuine, 47 without a sender; keyword-light Indian and international lures, six
# Indian scripts, hard genuine look-alikes; written blind in the seventh session): first read with sender F1 0.865,
# FPR 5.3 % (4 of 75), 10 misses; text only F1 0.838, FPR 8.0 % (6 of 75), 11 misses; fitted after. Same bound.
# Batch x (90 rows, 40 fraud, 50 genuine; 54 Indian incl. Hinglish and three Indian scripts, 36 from eight other
# countries; written blind in the eighth session): first read with sender and text only F1 0.833, FPR 4 % (2 of 50),
# recall 0.75 (10 misses); fitted after. Same bound.
# Batch w (70 rows, 30 fraud, the eighth session's coordinator's: written blind at its start, shown to no contributor,
# never tuned on): F1 0.909 / FPR 0 / 5 misses on the previous release, 0.929 / 0 / 4 misses at the end, both ways.
# Batch z (70 rows, written with w, read once on the final code): with sender F1 0.893, FPR 2.5 % (1 of 40), 5 misses;
# text only 0.912, 1 FP, 4 misses; fitted after. Same bound (the first reads).
@pytest.mark.parametrize("batch, use_sender, first", [
    ("k", True, {"fp": 1, "fn": 8, "rows": 120, "f1": 0.87}),
    ("k", False, {"fp": 0, "fn": 8, "rows": 120, "f1": 0.87}),
    ("m", True, {"fp": 1, "fn": 9, "rows": 101, "f1": 0.85}),
    ("m", False, {"fp": 1, "fn": 9, "rows": 101, "f1": 0.85}),
    ("n", True, {"fp": 0, "fn": 21, "rows": 111, "f1": 0.74}),
    ("n", False, {"fp": 1, "fn": 21, "rows": 111, "f1": 0.73}),
    ("o", True, {"fp": 1, "fn": 7, "rows": 48, "f1": 0.75}),
    ("o", False, {"fp": 1, "fn": 7, "rows": 48, "f1": 0.75}),
    ("q", True, {"fp": 1, "fn": 16, "rows": 117, "f1": 0.79}),
    ("q", False, {"fp": 1, "fn": 16, "rows": 117, "f1": 0.79}),
    ("u", True, {"fp": 4, "fn": 10, "rows": 130, "f1": 0.84}),
    ("u", False, {"fp": 6, "fn": 11, "rows": 130, "f1": 0.81}),
    ("x", True, {"fp": 2, "fn": 10, "rows": 90, "f1": 0.81}),
    ("x", False, {"fp": 2, "fn": 10, "rows": 90, "f1": 0.81}),
    ("w", True, {"fp": 0, "fn": 5, "rows": 70, "f1": 0.89}),
    ("w", False, {"fp": 0, "fn": 5, "rows": 70, "f1": 0.89}),
    ("z", True, {"fp": 1, "fn": 5, "rows": 70, "f1": 0.87}),
    ("z", False, {"fp": 1, "fn": 4, "rows": 70, "f1": 0.89}),
], ids=["k_with_sender", "k_text_only", "m_with_sender", "m_text_only", "n_with_sender", "n_text_only",
        "o_with_sender", "o_text_only", "q_with_sender", "q_text_only", "u_with_sender", "u_text_only",
        "x_with_sender", "x_text_only", "w_with_sender", "w_text_only", "z_with_sender", "z_text_only"])
def test_sms_india_holdout_batch_not_worse_than_first_read(batch, use_sender, first):
    rows = [r for r in _rows("sms_india_holdout.csv") if r["batch"] == batch]
    assert len(rows) >= first["rows"]
    labels = [int(r["label"]) for r in rows]
    preds = [analyze_sms(r["text"], sender=r["sender"] if use_sender else None).risk_score >= FLAG_AT for r in rows]
    c = confusion(labels, preds)
    assert c.fp <= first["fp"] + 1 and c.fn <= first["fn"] + 1 and c.f1 >= first["f1"], c.as_dict()


def test_transcript_holdout_streamed_without_speaker_tags():
    det = _default_detector()
    rng = random.Random(7)
    labels, preds = [], []
    for r in _rows("transcripts_realistic_holdout.csv"):
        state = CallState()
        alerted = False
        for seg in asr_segments(r["text"], rng):
            alerted = det.feed(state, Segment(seg)).should_alert or alerted
        labels.append(int(r["label"]))
        preds.append(alerted)
    c = confusion(labels, preds)
    # Measured on all 330 calls (blind3 fitted after its first read, blind4 read once after the H3 rule changes):
    # recall 0.983, FPR 0, F1 0.991. Minimums = measured minus a margin (recall and F1 -0.02, FPR +2 legit calls);
    # before: 0.93 / 0.03 / 0.95 on 250 calls. H7: blind5 (40 longer calls) joined; first read on it F1 0.95, FPR
    # 0.05; all 370 calls after the H7 round (blind5 fitted): recall 0.990, FPR 0, F1 0.995. Minimums unchanged
    # (FPR 0.013 is still 2 legit calls of 174). B2: blind7 joined (first read recall 0.75, FPR 0, F1 0.857); all 416
    # calls after the B2 fixes: recall 0.995, FPR 0, F1 0.998. Minimums unchanged. blind8 joined (first read F1 0.877,
    # FPR 0.045) and was fitted, blind9 joined read once (F1 0.857, recall 0.75, FPR 0): all 489 calls recall 0.985,
    # FPR 0, F1 0.992. Minimums unchanged. blind10 joined (first read F1 0.667, recall 0.56, FPR 0.143) and was
    # fitted; blind11 joined read once (F1 0.667, recall 0.5, FPR 0): all 535 calls recall 0.983, FPR 0, F1 0.991.
    # blind11-14 fitted after their first reads (recall 0.5 / 0.4 / 0.6 / 0.4, FPR 0), blind15 read once (recall 0.8,
    # FPR 0): all 615 calls recall 0.991, FPR 0, F1 0.995. blind16-18 fitted after their first reads (recall 0.7 /
    # 0.6 / 0.5, FPR 0), blind19 read once (recall 0.7, FPR 0) and fitted, blind20 read once (recall 0.7, FPR 0):
    # all 715 calls recall 0.989, FPR 0, F1 0.9947. Minimums unchanged.
    # Since call model 1.2f696e4c1a the splits up to blind14 are its training data (issue #5 cross-split experiment,
    # docs/models.md; in-sample for the model there, blind15+ are not): all 715 calls recall 0.992, FPR 0, F1 0.996.
    # Minimums unchanged.
    assert c.recall >= 0.96 and c.fpr <= 0.013 and c.f1 >= 0.97, c.as_dict()


def test_url_handwritten_sets():
    legit = _rows("urls_benign_handwritten.csv")
    phish = _rows("urls_phish_handwritten.csv")
    legit_flagged = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in legit)
    phish_caught = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in phish)
    assert legit_flagged <= 2, legit_flagged
    assert phish_caught / len(phish) >= 0.85, phish_caught


_SPLITS_TO_BLIND9 = frozenset({"tuning", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8",
                               "blind9"})


def test_transcript_holdout_early_alert_position():
    """Calls streamed as in ``scripts/transcript_robustness_eval.py`` (finals only, seed 7, all splits): how much of
    a scam call has been heard when the first alert fires (share of its words), and no legitimate call alerts on the
    ``blind2``, ``blind3``, ``blind4`` or ``blind5`` splits (first reads FPR 0.026, 0.033, 0 and 0.05; see
    training/data/README.md)."""
    import statistics

    det = _default_detector()
    rng = random.Random(7)
    at: list[float] = []
    at_old: list[float] = []  # the splits up to blind9, on which the bounds below were first set
    at_long: list[float] = []
    scams = blind_false_alerts = 0
    for r in _rows("transcripts_realistic_holdout.csv"):
        segs = asr_segments(r["text"], rng)
        total = sum(len(s.split()) for s in segs) or 1
        state, heard, first = CallState(), 0, None
        for seg in segs:
            heard += len(seg.split())
            if det.feed(state, Segment(seg)).should_alert and first is None:
                first = heard / total
        if r["label"] == "1":
            scams += 1
            if first is not None:
                at.append(first)
                if r.get("split") in _SPLITS_TO_BLIND9:
                    at_old.append(first)
                if total >= 150:
                    at_long.append(first)
        elif first is not None and r.get("split") in ("blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
                                                             "blind8", "blind9", "blind10", "blind11", "blind12",
                                                             "blind13", "blind14", "blind15", "blind16", "blind17",
                                                             "blind18", "blind19", "blind20", "blind21",
                                                             "blind22", "blind23", "fp1"):
            blind_false_alerts += 1
    median, within = statistics.median(at), sum(f <= 0.3 for f in at) / scams
    # Measured on all 330 calls: median 0.634, within 30 % 0.119 (without blind4, the 20 calls read once after the
    # H3 changes: 0.618 / 0.127). The within-30 % minimum goes from 0.12 to 0.11 because blind4 was added (its
    # first read: median 0.95, none within 30 %), not because an alert came later: on the 310 earlier calls it
    # rose from 0.1205 to 0.1265. Median maximum 0.67 -> 0.65.
    # H7: with blind5 (40 longer calls, median alert 0.41 on them) all 370 calls: median 0.619, within 30 % 0.153.
    # Minimums unchanged (a margin for the next split of short voicemails).
    # B2: blind7 (40 calls, 31-488 words; first read recall 0.75, FPR 0, median alert 0.56) joined; all 416 calls
    # after the B2 fixes: median 0.614, within 30 % 0.169; no genuine blind6 / blind7 call alerts either.
    # blind8 (53 calls, fitted after its first read) and blind9 (20, read once) joined: all 489 calls median 0.616,
    # within 30 % 0.153, 150+ words 0.25; no genuine blind8 / blind9 call alerts. Bounds unchanged.
    # blind10 (30 calls, fitted after its first read: FPR 0.143 there) and blind11 (16, read once) joined: all 535
    # calls median 0.614, within 30 % 0.143, 150+ words 0.255; no genuine blind10 / blind11 call alerts. Bounds
    # unchanged.
    # blind12, blind13 and blind14 (20 calls each, read once each, then fitted) and blind15 (read once) joined: their
    # scams, written as short calls whose ask or payment comes last, alert late (median 0.93-0.97 after fitting), so
    # the median over all calls rose to about 0.655 while it fell on the splits up to blind9 (0.616 -> 0.609 with the
    # decisive pairs). The 0.65 bound now holds on those splits; all calls get 0.68.
    # With blind16-20 the all-call figures are 0.674 / 0.109; the within-30 % minimum 0.11 now holds on the splits up
    # to blind9 (0.153 there) and all calls get 0.10.
    scams_old = sum(1 for r in _rows("transcripts_realistic_holdout.csv")
                    if r["label"] == "1" and r.get("split") in _SPLITS_TO_BLIND9)
    within_old = sum(f <= 0.3 for f in at_old) / scams_old
    assert statistics.median(at_old) <= 0.65 and median <= 0.68 and within_old >= 0.11 and within >= 0.10, (
        statistics.median(at_old), median, within_old, within)
    assert statistics.median(at_long) <= 0.30, at_long
    assert blind_false_alerts == 0


def _streamed_under_seeds(rows: list[dict[str, Any]], seeds: int = 6):
    """(seed, row, alerted) for every call streamed through the product detector under ``seeds`` ASR segmentations."""
    det = _default_detector()
    for seed in range(seeds):
        rng = random.Random(seed)
        for r in rows:
            state, alerted = CallState(), False
            for seg in asr_segments(r["text"], rng):
                alerted = det.feed(state, Segment(seg)).should_alert or alerted
            yield seed, r, alerted


def test_transcript_fp1_genuine_calls_never_alert_under_any_segmentation():
    """Split fp1 (genuine calls using scam vocabulary innocently, training/data/README.md): no genuine fp1 call alerts
    and every scam control does, under several ASR segmentations (first read: the bank fraud team's "we will never
    ask you to move money to a safe account or share your one time passcode" alerted only when a segment ended at
    "passcode", so one seed is not enough)."""
    rows = [r for r in _rows("transcripts_realistic_holdout.csv") if r.get("split") == "fp1"]
    assert sum(r["label"] == "0" for r in rows) >= 40 and sum(r["label"] == "1" for r in rows) >= 10
    wrong = [(seed, r["category"]) for seed, r, alerted in _streamed_under_seeds(rows)
             if alerted != (r["label"] == "1")]
    assert not wrong, wrong


def test_transcript_blind21_22_23_genuine_calls_never_alert_under_any_segmentation():
    """Splits blind21 / blind22 / blind23 (genuine look-alikes of scam-bait calls, late-named callers, action-first
    asks, Hinglish / Indian English, a listener repeating a real bank's block or anti-scam advice;
    training/data/README.md): no genuine call alerts under six ASR segmentations. blind21 first read: FPR 0 (recall
    0.857, fitted after); blind22 and blind23 are read once and not tuned on (blind23 first read: FPR 0)."""
    rows = [r for r in _rows("transcripts_realistic_holdout.csv")
            if r.get("split") in ("blind21", "blind22", "blind23") and r["label"] == "0"]
    assert len(rows) >= 16 and any(r.get("split") == "blind23" for r in rows)
    false_alerts = [(seed, r["category"]) for seed, r, alerted in _streamed_under_seeds(rows) if alerted]
    assert not false_alerts, false_alerts


def test_transcript_blind24_25_genuine_calls_never_alert_under_any_segmentation():
    """Splits blind24 / blind25 (sixth session; each scam paired with a genuine call from the same kind of caller: bank
    fraud IVRs with a press-two menu, an insurance agent's scam warning, a refund to a gift-card balance, a police
    follow-up of a complaint, an eSIM appointment). First reads: blind24 FPR 2 of 12, blind25 3 of 12; both fitted
    after. No genuine call of either may alert under six ASR segmentations."""
    rows = [r for r in _rows("transcripts_realistic_holdout.csv")
            if r.get("split") in ("blind24", "blind25") and r["label"] == "0"]
    assert len(rows) >= 24
    false_alerts = [(seed, r["category"]) for seed, r, alerted in _streamed_under_seeds(rows) if alerted]
    assert not false_alerts, false_alerts


def test_transcript_blind29_30_31_genuine_calls_never_alert_under_any_segmentation():
    """Splits blind29 (genuine calls that retell or discuss scams, a real fraud team, an outage), blind30 (legitimate
    automated calls: pharmacy, school, appointment, bank fraud-check IVR, outage, jury) and blind31 (automated and
    live genuine calls incl. a friend retelling a scam call in the present tense); seventh session. First reads:
    blind29 FPR 2 of 15, blind30 0 of 20, blind31 2 of 18; fitted after. No genuine call of these splits may alert
    under six ASR segmentations."""
    rows = [r for r in _rows("transcripts_realistic_holdout.csv")
            if r.get("split") in ("blind29", "blind30", "blind31") and r["label"] == "0"]
    assert len(rows) >= 53
    false_alerts = [(seed, r["category"]) for seed, r, alerted in _streamed_under_seeds(rows) if alerted]
    assert not false_alerts, false_alerts


def test_transcript_blind34_35_genuine_calls_never_alert_under_any_segmentation():
    """Splits blind34 (eighth session, written blind: genuine retellings of digital-arrest / KYC / refund scams in
    English and Hinglish, a bank fraud team, a cyber-cell follow-up, a radio host, a teacher, reminders) and blind35
    (long two-sided calls as recorded: ISP remote support, a bank helpline call-in, a doorstep delivery code). First
    reads FPR 5 of 14 (the retellings, a bank's awareness voicemail, a police follow-up) and 1 of 10 (the call-in's
    verification code); fitted after (speaker role over the call; calls the customer started). No genuine call of
    these splits may alert under six ASR segmentations."""
    rows = [r for r in _rows("transcripts_realistic_holdout.csv")
            if r.get("split") in ("blind34", "blind35") and r["label"] == "0"]
    assert len(rows) >= 24 and any(r.get("split") == "blind35" for r in rows)
    false_alerts = [(seed, r["category"]) for seed, r, alerted in _streamed_under_seeds(rows) if alerted]
    assert not false_alerts, false_alerts


def test_url_holdout13_not_worse_than_first_read():
    """URL hold-out 13 (eighth session: 55 phishing / 55 legitimate, written blind). First read 51 of 55 caught, 1 of
    55 legitimate flagged (a Gatsby demo on Netlify: the free-hosting trade-off); it may not get worse."""
    phish = _rows("urls_phish_holdout13.csv")
    legit = _rows("urls_benign_holdout13.csv")
    assert len(phish) >= 55 and len(legit) >= 55
    caught = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in phish)
    flagged = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in legit)
    assert caught >= 51 and flagged <= 1, (caught, flagged)


def test_url_holdout10_not_worse_than_first_read():
    """URL hold-out 10 (seventh session: 80 phishing / 80 legitimate in the style of 2025-26 feeds, written before
    reading the URL detector). First read 74 of 80 caught, 1 of 80 legitimate flagged; it may not get worse."""
    phish = _rows("urls_phish_holdout10.csv")
    legit = _rows("urls_benign_holdout10.csv")
    assert len(phish) >= 80 and len(legit) >= 80
    caught = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in phish)
    flagged = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in legit)
    assert caught >= 74 and flagged <= 1, (caught, flagged)


def test_url_holdout6_not_worse_than_first_read():
    """URL hold-out 6 (sixth session: 60 phishing and 80 legitimate pages on free / shared hosts). First read 46 of 60
    caught, 14 of 80 legitimate flagged (site-builder pages the model is sure of: the free-hosting trade-off in
    docs/evaluation.md); it may not get worse than that."""
    phish = _rows("urls_phish_holdout6.csv")
    legit = _rows("urls_benign_holdout6.csv")
    assert len(phish) >= 60 and len(legit) >= 80
    caught = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in phish)
    flagged = sum(analyze_url(r["url"]).risk_score >= FLAG_AT for r in legit)
    assert caught >= 46 and flagged <= 14, (caught, flagged)

"""Precision / recall / F1 / FPR of ``engine.sms.analyze_sms`` on the hand-written Indian SMS hold-out set.

The set is ``src/scamshield/training/data/sms_india_holdout.csv`` (columns ``sender,text,label,category,batch``;
label 1 = fraud). It was written by hand for this project (CC0 1.0), in the styles of real Indian traffic: bank /
UPI / card alerts and OTPs from DLT headers, delivery, appointment, telecom, utility, travel, government and school
notices, personal chat in English, Hinglish and Hindi (Devanagari), and scams described by RBI / NPCI / I4C /
CERT-In advisories. It is NEVER trained on (it is not in ``training.datasets.BUILTIN_SETS``) and no training row
copies or paraphrases it. It is written by one hand, so the figures are optimistic: a guide, not a measurement of
the product on real traffic.

Batches: ``a`` (328 rows) was written first and measured before the rules were changed -- the rules were then
improved while looking at its errors, so its "after" figures are fitted to it. ``b`` (73 rows) was written after
those changes, by the same hand, and measured once. ``c`` (273 rows, another hand) was written before the Indian
text-only round and read first (text only F1 0.918, FPR 4.9 %); that round then looked at its errors, so its later
figures are fitted too. ``d`` (110 rows, same hand as c) was written before that round and read once after it
(text only F1 0.955, FPR 1.5 %; the rules before the round scored 0.932 / 3.1 % on it). ``e`` (153 rows, 69 fraud)
was written to be unlike a-d (other regions' smishing, recent lures, other Indian languages in Latin script, genuine
messages of the same brands) and read before any change for it: with sender F1 0.899 / FPR 8.3 %, text only 0.879 /
11.9 % -- the least biased figure; the round after it looked at its errors, so its later figures are fitted.
``f`` (160 rows, 65 fraud) is genuine-heavy (Indian bank / broker / biller / government templates with DLT suffixes,
brand shorteners, UK/US/EU service texts, chat about money and OTPs) plus lures not in a-e; its first read was with
sender F1 0.913 / FPR 4.2 %, text only 0.905 / 4.2 %; the round after it looked at its errors.
``g`` (50 rows, 20 fraud) was written after the batch f round and read once (with sender F1 0.947 / FPR 0, text only
0.923 / 3.3 %) -- an unseen read of that round's rules; its three errors were then fixed (fitted).
``h`` (112 rows, 51 fraud) was written blind (before reading the rules or earlier rows) after the issue #5 review
round: mixed Indian / UK / US / AU traffic in English, Hinglish and five Indian scripts; first read with sender F1
0.961 / FPR 3.3 %, text only the same; the round after it looked at its errors (fitted).
``i`` (196 rows, 66 fraud, 130 genuine) was written blind (before reading the rules or earlier rows): OTPs, bank /
UPI / FASTag alerts, dues with official "pay now" links, courier, lab, utility, government, awareness and promotion
texts, chat in English, Hinglish and six Indian scripts; 2025-26 lures incl. regional-script KYC / block. First read
with sender F1 0.954 / FPR 1.5 % / recall 0.939, text only 0.939 / 3.1 % / 0.939; the round after it looked at its
errors (fitted). ``j`` (67 rows, 16 fraud) was written after that round and read once, NOT fitted: with sender and
text only F1 0.882 / FPR 5.9 % (3 of 51) / recall 0.9375; the round on the KINDS of its errors (foreign passcode
templates, payment apps named between friends, 5-digit opt-out numbers, regional-script disconnection) then took it
to 1.0 / 0 / 1.0 (fitted). ``k`` (123 rows, 46 fraud, 77 genuine: gig / ride, crypto exchange, healthcare, travel,
government, school groups, regional-script bank and utility notices, UK / US / AU / SG / MY / PH / UAE / Nigeria /
Kenya service texts, chat with money in nine languages; lures incl. regional scripts) was written after that round
and read before any change for it: with sender F1 0.894 / FPR 1.3 % (1 of 77) / recall 0.826, text only 0.905 / 0 /
0.826; the round after it looked at its errors (fitted: 1.0 both ways). ``l`` (60 rows, 15 fraud, 45 genuine, incl.
Odia and Assamese script) was written after the batch k round and read once, NOT fitted: with sender and text only
F1 0.889 / FPR 0 / recall 0.80; the round on the KINDS of its misses (court / jury warrant cleared by a fine, a
government deposit by Interac e-Transfer, Odia / Assamese disconnection) took it to 1.0 / 0 / 1.0 (fitted). ``m``
(101 rows, 46 fraud, 55 genuine: link-less fraud, Hinglish and romanised Tamil / Telugu / Bengali, six Indian
scripts, US / UK / AU / SG / MY / PH / UAE / Kenya / Ghana, voice-clone follow-ups, QR, fake customer care,
cancellation refunds, stock groups, rentals, matrimonial; genuine look-alikes) was written after that round and read
once: with sender and text only F1 0.881 / FPR 1.8 % (1 of 55) / recall 0.804 -- the latest unseen-style figure of the
rules; the round on the kinds of its errors then took it to 1.0 / 0 / 1.0 (fitted). All 1,806 rows (a-m, fitted): with
sender F1 0.997 / FPR 0.19 % / recall 0.997, text only 0.996 / 0.28 % / 0.996.
``n`` (111 rows, 55 fraud, 56 genuine: keyword-free lures -- wrong-number openers, WhatsApp recruiters, fake
relationship managers, "address incomplete, reply", QR / collect, family without "new number", mentors, sextortion,
loan-app recovery -- and genuine look-alikes) was written after the batch m round and read once: with sender F1 0.764
/ FPR 0 / recall 0.618, text only 0.756 / 1.8 % (1 of 56) / 0.618.
After the round on the kinds of its misses (structural: a stranger + a chat move + an offer; fitted), with the
committed model: with sender 0.900 / 0 / 0.818, text only 0.891 / 1.8 % / 0.818. ``o`` (48 rows, 22 fraud, 26 genuine,
same kinds) was written after that round and read once, not tuned on: F1 0.811 / FPR 0 / recall 0.682 both ways (with
the model being retrained in the working tree then; 0.790 / 3.8 % / 0.682 with the committed model).
``p`` (118 rows, 52 fraud, 66 genuine) was written blind (before reading the rules, cues or earlier batch tests) after
the batch o read: 2025-26 Indian and UK / US / AU / SG lures and genuine look-alikes, eight awareness texts (five
quoting a lure); first read with sender F1 0.925 / FPR 7.6 % / recall 0.942, text only 0.906 / 9.1 % / 0.923 (all
five sender-side FPs were awareness texts); the round after it looked at its errors (fitted). ``--batch p`` prints
one batch's own figures.
The first reads are recorded in ``src/scamshield/training/data/README.md``.

A message is flagged when ``risk_score >= 50`` (the ``high`` threshold, i.e. ``not is_safe``). Two passes:
``with sender`` gives the analyser the sender id (as the product sees an SMS), ``text only`` does not (as for a
pasted or forwarded message). Per-category rows show where the errors are.

    .venv/bin/python scripts/sms_india_eval.py [--errors] [--json] [--csv PATH] [--batch p ...]

``--batch`` keeps only the named batches, so the overall line is that batch's own precision / recall / F1 / FPR
(the per-batch lines of a whole-set run give the same figures).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from scamshield.engine.sms import analyze_sms
from scamshield.evaluation import confusion

HOLDOUT = Path(__file__).resolve().parents[1] / "src/scamshield/training/data/sms_india_holdout.csv"
FLAG_AT = 50


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _figures(labels: list[int], preds: list[bool]) -> dict:
    c = confusion(labels, preds)
    return {"rows": len(labels), "fraud": sum(labels), "legit": len(labels) - sum(labels),
            "precision": _round(c.precision), "recall": _round(c.recall), "f1": _round(c.f1),
            "fpr": _round(c.fpr), **c.as_dict()}


def evaluate(rows: list[dict], *, use_sender: bool) -> dict:
    labels: list[int] = []
    preds: list[bool] = []
    by_batch: dict[str, tuple[list[int], list[bool]]] = defaultdict(lambda: ([], []))
    by_cat: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    errors: list[dict] = []
    cpu = 0.0
    for r in rows:
        t0 = time.thread_time()
        a = analyze_sms(r["text"], sender=r["sender"] if use_sender else None)
        cpu += time.thread_time() - t0
        y = int(r["label"])
        p = a.risk_score >= FLAG_AT
        labels.append(y)
        preds.append(p)
        by_cat[r["category"]].append((y, p))
        bl, bp = by_batch[r.get("batch") or "-"]
        bl.append(y)
        bp.append(p)
        if bool(y) != p:
            errors.append({"label": y, "score": a.risk_score, "category": r["category"],
                           "batch": r.get("batch") or "-", "text": r["text"][:160],
                           "signals": [f"{s.code}:{s.weight:g}" for s in a.signals]})
    cats = {}
    for cat, pairs in sorted(by_cat.items()):
        ys = [y for y, _ in pairs]
        ps = [p for _, p in pairs]
        kind = "fraud" if all(ys) else "legit" if not any(ys) else "mixed"
        flagged = sum(ps)
        cats[cat] = {"kind": kind, "rows": len(pairs), "flagged": flagged,
                     "correct": sum(1 for y, p in pairs if bool(y) == p)}
    return {"overall": _figures(labels, preds),
            "batches": {k: _figures(v[0], v[1]) for k, v in sorted(by_batch.items())},
            "categories": cats, "errors": errors,
            "cpu_ms_mean": round(1000 * cpu / max(1, len(rows)), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=HOLDOUT)
    ap.add_argument("--errors", action="store_true", help="list misclassified rows")
    ap.add_argument("--json", action="store_true", help="print JSON only")
    ap.add_argument("--batch", action="append", default=[], metavar="B",
                    help="only rows of this batch (repeat or comma-separate: --batch p, --batch n,o); the overall, "
                         "category and error lines then describe those rows alone")
    args = ap.parse_args(argv)
    with args.csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    wanted = {b.strip() for arg in args.batch for b in arg.split(",") if b.strip()}
    if wanted:
        known = {r.get("batch") or "-" for r in rows}
        if not wanted <= known:
            ap.error(f"unknown batch(es) {sorted(wanted - known)}; known: {', '.join(sorted(known))}")
        rows = [r for r in rows if (r.get("batch") or "-") in wanted]
    out = {"holdout": str(args.csv.name), "flag_at": FLAG_AT, "batches": sorted(wanted) or "all",
           "with_sender": evaluate(rows, use_sender=True), "text_only": evaluate(rows, use_sender=False)}
    if args.json:
        for k in ("with_sender", "text_only"):
            if not args.errors:
                out[k].pop("errors")
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for k in ("with_sender", "text_only"):
        res = out[k]
        o = res["overall"]
        print(f"== {k}: rows {o['rows']} (fraud {o['fraud']}, legit {o['legit']})  precision {o['precision']}  "
              f"recall {o['recall']}  F1 {o['f1']}  FPR {o['fpr']}  (tp {o['tp']} fp {o['fp']} tn {o['tn']} "
              f"fn {o['fn']})  mean CPU {res['cpu_ms_mean']} ms/msg")
        for b, o in res["batches"].items():
            print(f"   batch {b}: rows {o['rows']}  precision {o['precision']}  recall {o['recall']}  F1 {o['f1']}  "
                  f"FPR {o['fpr']}  (fp {o['fp']} fn {o['fn']})")
        for cat, c in res["categories"].items():
            mark = "" if c["correct"] == c["rows"] else "  <--"
            print(f"   {c['kind']:5s} {cat:20s} {c['correct']:3d}/{c['rows']:<3d} correct (flagged {c['flagged']})"
                  f"{mark}")
        if args.errors:
            for e in sorted(res["errors"], key=lambda e: (e["label"], e["category"])):
                tag = "FP" if e["label"] == 0 else "FN"
                print(f"   {tag} {e['score']:3d} [{e['category']}/{e['batch']}] {e['text']}")
                print(f"          {', '.join(e['signals'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

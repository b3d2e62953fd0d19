"""Cross-split experiment for the learned call model (issue #5): does a transcript model trained on the hand-written
realistic hold-out splits written EARLIER generalise to the splits written LATER better than the cue lists?

Variants (built in memory with the trainer's own featuriser / grouped out-of-fold Platt calibration,
``training.train.fit_model``; nothing is written to ``engine/models`` unless ``--save-dir`` is given):

* ``shipped``  - the artefact in ``engine/models/transcript.*``;
* ``base``     - retrained now on BothBosu + the built-in CC0 India set (the shipped recipe; a control);
* ``hold_w1``  - ``base`` + the hold-out splits ``tuning, blind, blind2 ... blind14`` (sample weight 1);
* ``hold_w3``  - the same with the hold-out rows weighted 3 like the other hand-written CC0 set.

Hold-out calls are mostly one ASR line; before the trainer's prefix augmentation they are cut into the 10-20-word
finals the live stream delivers (``evaluation.asr_segments``, fixed seed), so the 35 % / 65 % prefixes exist.

Each variant x ``MODEL_MAX_POINTS`` is run through the FULL streaming detector exactly as
``scripts/transcript_robustness_eval.py --split S`` does (one final per line / 10-20-word chunk, no speaker tags, seed 7
per split): the later splits ``blind15 ... blind20`` (never trained on: recall / FPR / median alert position), the
earlier splits (only false alerts matter: in-sample for the new variants), and BothBosu with the batch path of
``scamshield eval transcript`` (``analyze_transcript``, flagged = not ``is_safe``).

    .venv/bin/python scripts/transcript_model_crosssplit.py [--variants shipped,hold_w1] [--caps 25,35,45]
        [--skip-bothbosu] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "src/scamshield/training/data/transcripts_realistic_holdout.csv"
BOTHBOSU = Path("/work/shared/data/transcripts_bothbosu_single_agent/data.csv")
TRAIN_SPLITS = ("tuning", "blind") + tuple(f"blind{i}" for i in range(2, 15))
TEST_SPLITS = tuple(f"blind{i}" for i in range(15, 21))


def holdout_rows() -> list[dict]:
    with HOLDOUT.open(newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r.get("label") in ("0", "1")]


def build_variant(name: str, log=lambda s: None):
    from scamshield.engine.textmodel import load_model
    from scamshield.training import train as T

    if name == "shipped":
        return load_model("transcript")
    # the trainer's own loading path (dedupe + prefix augmentation); the hold-out splits as `scamshield train` adds them
    T.TRANSCRIPT_HOLDOUT_WEIGHTED = name.endswith("w3")
    data = T.load_training_data("transcript", [str(BOTHBOSU)], builtin=True,
                                holdout_splits=TRAIN_SPLITS if name.startswith("hold") else ())
    arrays, meta = T.fit_model("transcript", data, log=log)
    meta["version"] = f"exp-{name}"
    return T.build_model(arrays, meta), arrays, meta


def stream_eval(rows: list[dict], seed: int = 7) -> dict:
    from scamshield.engine.conversation import _default_detector
    from scamshield.evaluation import asr_segments

    sys.path.insert(0, str(ROOT / "scripts"))
    from transcript_robustness_eval import run_call  # noqa: PLC0415

    det = _default_detector()
    rng = random.Random(seed)
    run_call(det, asr_segments("warm up the model and cue tables please", rng), [], [])
    tp = fp = fn = tn = 0
    at = []
    for r in rows:
        res = run_call(det, asr_segments(r.get("text") or "", rng), [], [])
        if r["label"] == "1":
            if res["alert"]:
                tp += 1
                at.append(res["alert_at"])
            else:
                fn += 1
        elif res["alert"]:
            fp += 1
        else:
            tn += 1
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "alert_at": at}


def summary(c: dict) -> dict:
    tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "recall": round(tp / max(tp + fn, 1), 4),
            "fpr": round(fp / max(fp + tn, 1), 4),
            "median_alert_at": round(statistics.median(c["alert_at"]), 4) if c["alert_at"] else None}


def bothbosu_eval() -> dict:
    from scamshield.engine.conversation import analyze_transcript
    from scamshield.training.datasets import read_csv

    data = read_csv(BOTHBOSU)
    tp = fp = fn = tn = 0
    for t, y in zip(data.texts, data.labels):
        flagged = not analyze_transcript(t).is_safe
        tp += y and flagged
        fn += y and not flagged
        fp += (not y) and flagged
        tn += (not y) and not flagged
    return {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", default="shipped,hold_w1,hold_w3")
    ap.add_argument("--caps", default="25,35,45")
    ap.add_argument("--skip-bothbosu", action="store_true")
    ap.add_argument("--save-dir", type=Path, default=None, help="write each trained variant's artefact here")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    from scamshield.engine import textmodel
    from scamshield.engine.conversation import transcript as tr_mod
    from scamshield.training.train import write_artefact

    rows = holdout_rows()
    results = []
    for name in args.variants.split(","):
        t0 = time.time()
        built = build_variant(name, log=lambda s: print(f"  [{name}] {s}", file=sys.stderr))
        model = built if name == "shipped" else built[0]
        if args.save_dir and name != "shipped":
            write_artefact(built[1], {**built[2], "name": "transcript"}, args.save_dir / name)
        print(f"{name}: built in {time.time() - t0:.0f}s", file=sys.stderr)
        for cap in (float(c) for c in args.caps.split(",")):
            old = tr_mod.MODEL_MAX_POINTS
            tr_mod.MODEL_MAX_POINTS = cap
            try:
                with textmodel.overridden("transcript", model):
                    per = {s: stream_eval([r for r in rows if r["split"] == s]) for s in TEST_SPLITS + TRAIN_SPLITS}
                    bb = None if args.skip_bothbosu else bothbosu_eval()
            finally:
                tr_mod.MODEL_MAX_POINTS = old
            test = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "alert_at": []}
            early = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "alert_at": []}
            for s, c in per.items():
                agg = test if s in TEST_SPLITS else early
                for k in agg:
                    agg[k] += c[k]
            res = {"variant": name, "cap": cap, "blind15_20": summary(test),
                   "per_test_split": {s: summary(per[s]) for s in TEST_SPLITS},
                   "splits_le_blind14": summary(early), "bothbosu": bb}
            results.append(res)
            t, e = res["blind15_20"], res["splits_le_blind14"]
            print(f"{name:8} cap={cap:4.0f} blind15-20 recall={t['recall']:.3f} ({t['tp']}/{t['tp'] + t['fn']}) "
                  f"FP={t['fp']}/{t['fp'] + t['tn']} median={t['median_alert_at']} | <=blind14 FP={e['fp']}/"
                  f"{e['fp'] + e['tn']} recall={e['recall']:.3f} | BothBosu {bb}", flush=True)
            print("   per split recall: " + " ".join(f"{s}={res['per_test_split'][s]['tp']}/10"
                                                   f"{'(FP' + str(res['per_test_split'][s]['fp']) + ')' if res['per_test_split'][s]['fp'] else ''}"
                                                   for s in TEST_SPLITS), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

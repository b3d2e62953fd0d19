"""Cross-split experiment for the learned call model (issue #5): does a transcript model trained on the hand-written
realistic hold-out splits written EARLIER generalise to the splits written LATER better than the cue lists?

Variants (built in memory with the trainer's own featuriser / grouped out-of-fold Platt calibration,
``training.train.fit_model``; nothing is written to ``engine/models`` unless ``--save-dir`` is given):

* ``shipped``   - the artefact in ``engine/models/transcript.*``;
* ``base``      - retrained now on BothBosu + the built-in CC0 India set, no hold-out split (a control);
* ``uptoN``     - ``base`` + the hold-out splits ``tuning, blind, blind2 ... blindN`` (sample weight 1); the
  learning curve of the second experiment (2026-12-07 evening) is ``upto14`` (the recipe shipped at 81a54e5),
  ``upto17``, ``upto20``, ``upto23``;
* ``uptoN_w3``  - the same with the hold-out rows weighted 3 like the other hand-written CC0 set;
* ``hold_w1`` / ``hold_w3`` - the first experiment's names for ``upto14`` / ``upto14_w3``.

Hold-out calls are mostly one ASR line; before the trainer's prefix augmentation they are cut into the 10-20-word
finals the live stream delivers (``evaluation.asr_segments``, fixed seed), so the 35 % / 65 % prefixes exist.

Each variant x ``MODEL_MAX_POINTS`` is run through the FULL streaming detector exactly as
``scripts/transcript_robustness_eval.py --split S`` does (one final per line / 10-20-word chunk, no speaker tags, seed 7
per split) on EVERY split of the hold-out file (recall / FPR / F1 / median alert position per split; a split the
variant trained on is marked in-sample). Windows of later splits are summed (``--windows``, default blind15-23,
blind18-23, blind21-23, blind24+; a window is reported only for variants that never trained on any split in it), and
the genuine calls of every split (fp1 included) give the false-alert count. Model-only ROC AUC on each window: the
variant's probability on the whole call (finals joined by newlines) and on its first 35 % of finals. Only aggregate
figures are printed: no call text, category or score of a single row (new splits may be read in aggregate only).

``--bothbosu`` adds two checks on the public data: the product batch path of ``scamshield eval transcript`` on all of
BothBosu (``analyze_transcript``, flagged = not ``is_safe``; in-sample for BothBosu), and the scenario cross-source
split of ``scripts/cross_source_eval.py --only transcript`` (train on refund+reward scams / appointment+delivery
calls, test on ssn+support / insurance+wrong, and the reverse) WITH the built-in CC0 set and the variant's hold-out
splits added to the training side: model-only AUC and P / R at p 0.5 / 0.8 / 0.95 on the unseen scenarios.

    .venv/bin/python scripts/transcript_model_crosssplit.py [--variants shipped,upto14,upto17,upto20,upto23]
        [--caps 25,35,45] [--bothbosu] [--save-dir DIR] [--json OUT]

**Old rules** (``--rules-at COMMIT --load-dir DIR``): the rules keep being fitted on each split after its first read,
so with today's rules the later splits are near their ceiling and a better model has little left to add. This mode
evaluates artefacts saved earlier with ``--save-dir`` (DIR/<variant>/transcript.*) under the detector of an OLD commit
(``git archive COMMIT src scripts`` into a temporary directory; each variant's artefact is copied into that snapshot's
``engine/models`` and the snapshot's own streaming code runs in a subprocess with ``PYTHONPATH`` on it), e.g. the
rules before blind18 was read (``d6f2875^``), before blind21 (``64035d0^``), before blind24 (``1032cb5^``):

    .venv/bin/python scripts/transcript_model_crosssplit.py --variants base,upto14,upto17,upto20 --caps 0,25,35,45,50 \
        --save-dir /tmp/cs/models                       # once: train and save (and the run with today's rules)
    .venv/bin/python scripts/transcript_model_crosssplit.py --variants base,upto14,upto17,upto20 --caps 0,25,35,45,50 \
        --rules-at 64035d0^ --load-dir /tmp/cs/models
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "src/scamshield/training/data/transcripts_realistic_holdout.csv"
BOTHBOSU_DIR = Path("/work/shared/data/transcripts_bothbosu_single_agent")
BOTHBOSU = BOTHBOSU_DIR / "data.csv"
DEFAULT_WINDOWS = "blind15-23,blind18-23,blind21-23,blind24-99"


def split_order(name: str) -> float:
    """tuning < blind < blind2 < ... ; fp1 (written between blind20 and blind21) sorts as 20.5."""
    if name == "tuning":
        return -1.0
    if name == "blind":
        return 1.0
    if name == "fp1":
        return 20.5
    m = re.fullmatch(r"blind(\d+)", name)
    return float(m.group(1)) if m else 1e9


def train_splits(n: int) -> tuple[str, ...]:
    return ("tuning", "blind") + tuple(f"blind{i}" for i in range(2, n + 1))


def variant_splits(name: str) -> tuple[str, ...]:
    if name in ("shipped",):
        from scamshield.training.datasets import HOLDOUT_TRAIN_SPLITS
        return tuple(HOLDOUT_TRAIN_SPLITS)
    if name == "base":
        return ()
    if name.startswith("hold_w"):
        return train_splits(14)
    m = re.fullmatch(r"upto(\d+)(_w3)?", name)
    if not m:
        raise SystemExit(f"unknown variant {name!r}")
    return train_splits(int(m.group(1)))


def holdout_rows() -> list[dict]:
    with HOLDOUT.open(newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r.get("label") in ("0", "1")]


def build_variant(name: str, extra_paths: list[str] | None = None, log=lambda s: None):
    from scamshield.engine.textmodel import load_model
    from scamshield.training import train as T

    if name == "shipped":
        return load_model("transcript")
    # the trainer's own loading path (dedupe + prefix augmentation); the hold-out splits as `scamshield train` adds them
    T.TRANSCRIPT_HOLDOUT_WEIGHTED = name.endswith("w3")
    data = T.load_training_data("transcript", extra_paths if extra_paths is not None else [str(BOTHBOSU)],
                                builtin=True, holdout_splits=variant_splits(name))
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
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "recall": round(r, 4),
            "fpr": round(fp / max(fp + tn, 1), 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "median_alert_at": round(statistics.median(c["alert_at"]), 4) if c["alert_at"] else None}


def add(acc: dict, c: dict) -> None:
    for k in acc:
        acc[k] += c[k]


def parse_windows(spec: str, present: list[str]) -> dict[str, list[str]]:
    out = {}
    for w in spec.split(","):
        m = re.fullmatch(r"blind(\d+)-(\d+)", w)
        if not m:
            raise SystemExit(f"bad window {w!r} (blindA-B)")
        lo, hi = int(m.group(1)), int(m.group(2))
        got = [s for s in present if s.startswith("blind") and s[5:].isdigit() and lo <= int(s[5:]) <= hi]
        if got:
            out[w] = got
    return out


def load_saved(d: Path):
    """An artefact written by ``--save-dir`` (``train.write_artefact``) as a runtime model."""
    import numpy as np

    from scamshield.engine.textmodel import LinearTextModel

    meta = json.loads((d / "transcript.json").read_text(encoding="utf-8"))
    with np.load(d / "transcript.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    return LinearTextModel.from_arrays("transcript", arrays, meta)


def model_auc(model, rows: list[dict], seed: int = 7) -> dict:
    """Model alone, ROC AUC on the whole call and on its first 35 % of finals (segmented as the stream is)."""
    import math

    from scamshield.evaluation import asr_segments, roc_auc

    rng = random.Random(seed)
    ys, full, pre = [], [], []
    for r in rows:
        segs = asr_segments(r.get("text") or "", rng)
        ys.append(int(r["label"]))
        full.append(model.predict_proba("\n".join(segs)))
        pre.append(model.predict_proba("\n".join(segs[:max(1, math.ceil(len(segs) * 0.35))])))
    a, b = roc_auc(ys, full), roc_auc(ys, pre)
    return {"n": len(ys), "auc_full": None if a is None else round(a, 4),
            "auc_first35": None if b is None else round(b, 4)}


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
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def bothbosu_cross_scenario(name: str) -> dict:
    """cross_source_eval.py's scenario split, with the CC0 set + the variant's hold-out splits on the training side."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from cross_source_eval import _write_tmp_csv, score  # noqa: PLC0415

    from scamshield.training.datasets import read_csv

    full = read_csv(BOTHBOSU_DIR / "data_with_meta.csv")

    def subset(names: set[str]):
        return full.subset([i for i, e in enumerate(full.extra) if e.get("scenario") in names])

    splits = [({"refund", "reward", "appointment", "delivery"}, {"ssn", "support", "insurance", "wrong"}),
              ({"ssn", "support", "insurance", "wrong"}, {"refund", "reward", "appointment", "delivery"})]
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        for tr, te in splits:
            path = _write_tmp_csv(subset(tr), Path(tmp) / "bb_train.csv")
            m = build_variant(name, [path])[0]
            s = score(m, subset(te))
            res[f"{'+'.join(sorted(tr))}->{'+'.join(sorted(te))}"] = {
                "roc_auc": s["roc_auc"], "at_probability": s["at_probability"]}
    return res


_WORKER = r"""
import csv, json, random, shutil, sys
from pathlib import Path
snap, mdir, caps, holdout = Path(sys.argv[1]), Path(sys.argv[2]), [float(c) for c in sys.argv[3].split(",")], sys.argv[4]
for f in ("transcript.json", "transcript.npz"):
    shutil.copy(mdir / f, snap / "src/scamshield/engine/models" / f)
sys.path.insert(0, str(snap / "scripts"))
from transcript_robustness_eval import run_call
from scamshield.engine.conversation import _default_detector
from scamshield.engine.conversation import transcript as tr_mod
from scamshield.evaluation import asr_segments
import scamshield
assert scamshield.__file__.startswith(str(snap)), scamshield.__file__
rows = [r for r in csv.DictReader(open(holdout, newline="", encoding="utf-8")) if r.get("label") in ("0", "1")]
splits = sorted({r["split"] for r in rows})
out = {}
for cap in caps:
    tr_mod.MODEL_MAX_POINTS = cap
    det = _default_detector()
    per = {}
    for s in splits:
        rng = random.Random(7)
        run_call(det, asr_segments("warm up the model and cue tables please", rng), [], [])
        c = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "alert_at": []}
        for r in (r for r in rows if r["split"] == s):
            res = run_call(det, asr_segments(r["text"] or "", rng), [], [])
            k = ("tp" if res["alert"] else "fn") if r["label"] == "1" else ("fp" if res["alert"] else "tn")
            c[k] += 1
            if k == "tp":
                c["alert_at"].append(res["alert_at"])
        per[s] = c
    out[str(cap)] = per
print(json.dumps(out))
"""


def old_rules_eval(commit: str, model_dir: Path, caps: list[float]) -> dict[float, dict]:
    """Per split and cap, the streaming counts of the detector at ``commit`` with the artefact in ``model_dir``."""
    import os
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        arch = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src", "scripts"], check=True,
                              capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=arch, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        res = subprocess.run([sys.executable, "-c", _WORKER, tmp, str(model_dir), ",".join(map(str, caps)),
                              str(HOLDOUT)], check=True, capture_output=True, text=True, env=env, cwd=tmp)
    return {float(k): v for k, v in json.loads(res.stdout.strip().splitlines()[-1]).items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", default="shipped,upto14,upto17,upto20,upto23")
    ap.add_argument("--caps", default="25,35,45")
    ap.add_argument("--windows", default=DEFAULT_WINDOWS)
    ap.add_argument("--bothbosu", action="store_true", help="also the BothBosu product and cross-scenario checks")
    ap.add_argument("--skip-bothbosu", action="store_true", help="(default now; kept for old command lines)")
    ap.add_argument("--save-dir", type=Path, default=None, help="write each trained variant's artefact here")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--rules-at", default=None, metavar="COMMIT",
                    help="run the detector (rules) of this old commit on artefacts saved in --load-dir")
    ap.add_argument("--load-dir", type=Path, default=None,
                    help="evaluate DIR/<variant>/transcript.* saved by --save-dir instead of training")
    args = ap.parse_args()
    if args.rules_at and not args.load_dir:
        ap.error("--rules-at needs --load-dir (artefacts saved by --save-dir)")

    from scamshield.engine import textmodel
    from scamshield.engine.conversation import transcript as tr_mod
    from scamshield.training.train import write_artefact

    rows = holdout_rows()
    present = sorted({r["split"] for r in rows}, key=split_order)
    windows = parse_windows(args.windows, present)
    by_split = {s: [r for r in rows if r["split"] == s] for s in present}
    results = []
    for name in args.variants.split(","):
        t0 = time.time()
        if args.load_dir and name != "shipped":
            model = load_saved(args.load_dir / name)
            built = model
        else:
            built = build_variant(name, log=lambda s: print(f"  [{name}] {s}", file=sys.stderr))
            model = built if name == "shipped" else built[0]
        if args.save_dir and name != "shipped" and not args.load_dir:
            write_artefact(built[1], {**built[2], "name": "transcript"}, args.save_dir / name)
        trained = set(variant_splits(name))
        print(f"{name}: built in {time.time() - t0:.0f}s; trained on {len(trained)} hold-out splits", file=sys.stderr)
        own_windows = {w: ss for w, ss in windows.items() if not trained & set(ss)}
        aucs = {w: model_auc(model, [r for s in ss for r in by_split[s]]) for w, ss in own_windows.items()}
        unseen = [s for s in present if s not in trained]
        aucs["unseen_all"] = model_auc(model, [r for s in unseen for r in by_split[s]])
        xs = bothbosu_cross_scenario(name) if args.bothbosu and name != "shipped" and not args.load_dir else None
        if args.rules_at and name == "shipped":
            ap.error("with --rules-at name the saved variant (upto14 is the shipped recipe), not 'shipped'")
        old = old_rules_eval(args.rules_at, args.load_dir / name, [float(c) for c in args.caps.split(",")]) \
            if args.rules_at else None
        print(f"{name:9} model-only AUC (whole call / first 35 %): "
              + " ".join(f"{w}={a['auc_full']}/{a['auc_first35']}" for w, a in aucs.items()), flush=True)
        if xs:
            print(f"{name:9} BothBosu cross-scenario (+CC0 + its splits): "
                  + " ".join(f"{k}: AUC {v['roc_auc']}" for k, v in xs.items()), flush=True)
        for cap in (float(c) for c in args.caps.split(",")):
            if old is not None:
                per, bb = {s: old[cap][s] for s in present}, None
            else:
                prev = tr_mod.MODEL_MAX_POINTS
                tr_mod.MODEL_MAX_POINTS = cap
                try:
                    with textmodel.overridden("transcript", model):
                        per = {s: stream_eval(by_split[s]) for s in present}
                        bb = bothbosu_eval() if args.bothbosu else None
                finally:
                    tr_mod.MODEL_MAX_POINTS = prev
            win = {}
            for w, ss in own_windows.items():
                acc = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "alert_at": []}
                for s in ss:
                    add(acc, per[s])
                win[w] = summary(acc)
            gen_fp = sum(c["fp"] for c in per.values())
            gen_n = sum(c["fp"] + c["tn"] for c in per.values())
            allc = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "alert_at": []}
            for c in per.values():
                add(allc, c)
            res = {"variant": name, "cap": cap, "rules_at": args.rules_at or "working tree", "trained_splits": sorted(trained, key=split_order),
                   "windows": win, "per_split": {s: {**summary(per[s]), "in_sample": s in trained} for s in present},
                   "genuine_false_alerts": {"fp": gen_fp, "genuine": gen_n,
                                            "by_split": {s: per[s]["fp"] for s in present if per[s]["fp"]}},
                   "all_calls": summary(allc), "model_auc": aucs, "bothbosu": bb, "bothbosu_cross_scenario": xs}
            results.append(res)
            print(f"{name:9} cap={cap:4.0f} " + " | ".join(
                f"{w} R={v['recall']:.3f} ({v['tp']}/{v['tp'] + v['fn']}) FP={v['fp']}/{v['fp'] + v['tn']} "
                f"F1={v['f1']:.3f} med={v['median_alert_at']}" for w, v in win.items())
                + f" | genuine false alerts {gen_fp}/{gen_n} {res['genuine_false_alerts']['by_split'] or ''}"
                + f" | all R={res['all_calls']['recall']:.4f} med={res['all_calls']['median_alert_at']}"
                + (f" | BothBosu {bb}" if bb else ""), flush=True)
            print("   per unseen split (tp/scam fp/genuine median): " + " ".join(
                f"{s}={per[s]['tp']}/{per[s]['tp'] + per[s]['fn']}"
                f"{' fp' + str(per[s]['fp']) if per[s]['fp'] else ''}"
                f"@{res['per_split'][s]['median_alert_at']}" for s in unseen), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

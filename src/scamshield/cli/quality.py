"""`scamshield eval` and `scamshield train` (detection quality).

``eval`` runs the FULL product analyser (``engine.url.analyze_url`` / ``engine.sms.analyze_sms`` /
``engine.conversation.analyze_transcript``) over a labelled CSV (label 1 = fraud; flagged = not ``is_safe``), or
with ``--model-only`` just the learned model of ``engine.textmodel`` (score = 100·p, flagged = its signal weight
alone reaches the high threshold). ``train`` rebuilds the shipped model artefacts.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from scamshield.evaluation import EvalRecord, summarise


class Kind(str, Enum):
    url = "url"
    sms = "sms"
    transcript = "transcript"


Analyser = Callable[[str], tuple[float, bool, dict[str, Any]]]


def full_analyser(kind: str, add_model: bool = False) -> Analyser:
    """(score, flagged, extra) of the product analyser for ``kind``. Raises ImportError if it is not installed.

    ``add_model``: also add the learned model's signal when the analyser does not emit it itself (to measure
    rules + model before the rule detectors call ``engine.textmodel``); the transcript detector then gets
    ``model_scorer=transcript_model_signal``."""
    from scamshield.engine import textmodel

    if kind == "url":
        from scamshield.engine.url import analyze_url

        def run_url(text: str) -> tuple[float, bool, dict[str, Any]]:
            a = analyze_url(text)
            if add_model and not any(s.code == "ml_url" for s in a.signals):
                sig = textmodel.url_model_signal(text)
                a = a.add(sig) if sig else a
            return float(a.risk_score), not a.is_safe, {}

        return run_url
    if kind == "sms":
        from scamshield.engine.sms import analyze_sms

        def run_sms(text: str) -> tuple[float, bool, dict[str, Any]]:
            a = analyze_sms(text)
            if add_model and not any(s.code == "ml_sms" for s in a.signals):
                sig = textmodel.sms_model_signal(text)
                a = a.add(sig) if sig else a
            return float(a.risk_score), not a.is_safe, {}

        return run_sms
    from scamshield.engine.conversation import ConversationDetector, analyze_transcript

    try:  # the product's default detector already wires the (capped) call model: --add-model changes nothing
        from scamshield.engine.conversation import conservative_model_scorer  # noqa: F401

        detector = None
    except ImportError:
        detector = ConversationDetector(model_scorer=textmodel.transcript_model_signal) if add_model else None

    def run_call(text: str) -> tuple[float, bool, dict[str, Any]]:
        r = analyze_transcript(text, detector)
        return float(r.risk_score), not r.is_safe, {"alert_at_fraction": r.alert_at_fraction}

    return run_call


def model_analyser(kind: str, high: float = 50.0) -> Analyser:
    from scamshield.engine import textmodel

    model = {"url": textmodel.url_model, "sms": textmodel.sms_model, "transcript": textmodel.transcript_model}[kind]()
    if model is None:
        raise ImportError(f"no {kind} model artefact in scamshield/engine/models (run `scamshield train {kind}`)")

    def run(text: str) -> tuple[float, bool, dict[str, Any]]:
        p = model.predict_proba(text)
        return 100.0 * p, model.signal_weight(p) >= high, {}

    return run


def evaluate(kind: str, data: Path, limit: int | None = None, model_only: bool = False,
             progress: bool = True, worst: int = 5, add_model: bool = False) -> dict[str, Any]:
    """Evaluate one labelled CSV; returns the summary dict (see :func:`scamshield.evaluation.summarise`)."""
    from scamshield.training.datasets import read_csv

    skipped: list[tuple[int, str]] = []  # (CSV line, reason): reported, never silently dropped
    rows = read_csv(data, limit=limit, skipped=skipped, require_text=True)
    if not len(rows):
        why = describe_skipped(skipped_reasons(skipped), len(skipped)) if skipped else "the file has no data rows"
        raise ValueError(f"{data}: no usable rows: {why}")
    analyse = model_analyser(kind) if model_only else full_analyser(kind, add_model=add_model)
    records: list[EvalRecord] = []
    console = Console(stderr=True)
    columns = (TextColumn("[bold]eval {task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=not progress, transient=True) as bar:
        task = bar.add_task(f"{kind} {Path(data).parent.name if Path(data).name == 'data.csv' else Path(data).name}",
                            total=len(rows))
        for text, label in zip(rows.texts, rows.labels):
            t0 = time.perf_counter()
            score, flagged, extra = analyse(text)
            ms = (time.perf_counter() - t0) * 1000.0
            records.append(EvalRecord(label, score, flagged, ms, text, extra))
            bar.advance(task)
    out = summarise(records, worst=worst)
    name = "model-only" if model_only else "full+model" if add_model else "full"
    out = {"kind": kind, "data": str(data), "analyser": name, **out, "skipped": len(skipped),
           "skipped_reasons": skipped_reasons(skipped)}
    if kind == "transcript" and not model_only:
        fr = [r.extra.get("alert_at_fraction") for r in records if r.label]
        alerted = [f for f in fr if f is not None]
        out["early_warning"] = {
            "scams_alerted": len(alerted),
            "scams": len(fr),
            "median_alert_at_fraction": round(statistics.median(alerted), 4) if alerted else None,
            "share_alerted_within_30pct": round(sum(f <= 0.3 for f in alerted) / len(fr), 4) if fr else None,
        }
    return out


SKIP_REASONS = {"unusable_label": "a label that is not 0 or 1", "empty_text": "an empty text"}


def skipped_reasons(skipped: list[tuple[int, str]]) -> dict[str, dict[str, Any]]:
    """``{reason: {"rows": n, "lines": [first 10 CSV line numbers]}}`` (never the rows' text)."""
    out: dict[str, dict[str, Any]] = {}
    for line, reason in skipped:
        r = out.setdefault(reason, {"rows": 0, "lines": []})
        r["rows"] += 1
        if len(r["lines"]) < 10:
            r["lines"].append(line)
    return out


def describe_skipped(reasons: dict[str, dict[str, Any]], total: int) -> str:
    """``skipped 2 of 5 rows: 1 with a label that is not 0 or 1 (line 3); 1 with an empty text (line 5)``."""
    parts = []
    for reason, r in reasons.items():
        more = ", ..." if r["rows"] > len(r["lines"]) else ""
        parts.append(f"{r['rows']} with {SKIP_REASONS.get(reason, reason)} "
                     f"(line{'s' if r['rows'] > 1 else ''} {', '.join(map(str, r['lines']))}{more})")
    skipped = sum(r["rows"] for r in reasons.values())
    return f"skipped {skipped} of {total} row{'s' if total != 1 else ''}: " + "; ".join(parts)


def _fmt(x: Any) -> str:
    return "–" if x is None else f"{x:.4f}" if isinstance(x, float) else str(x)


def render(summary: dict[str, Any], console: Console) -> None:
    t = Table(title=f"scamshield eval {summary['kind']} — {summary['data']} ({summary['analyser']} analyser)")
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k in ("rows", "fraud", "legit", "precision", "recall", "f1", "fpr", "accuracy", "roc_auc"):
        t.add_row(k, _fmt(summary.get(k)))
    cm = summary["confusion"]
    t.add_row("confusion", f"TP {cm['tp']}  FP {cm['fp']}  TN {cm['tn']}  FN {cm['fn']}")
    lat = summary["latency_ms"]
    t.add_row("latency ms", "  ".join(f"{k} {v:.3f}" for k, v in lat.items()))
    ew = summary.get("early_warning")
    if ew:
        t.add_row("early warning", f"median alert at {_fmt(ew['median_alert_at_fraction'])} of the call; "
                                   f"{ew['scams_alerted']}/{ew['scams']} scams alerted")
    console.print(t)
    cal = Table(title="calibration (score band vs observed fraud rate)")
    for c in ("band", "rows", "fraud_rate", "mean_score"):
        cal.add_column(c, justify="right")
    for row in summary["calibration"]:
        cal.add_row(*(_fmt(row[c]) for c in ("band", "rows", "fraud_rate", "mean_score")))
    console.print(cal)
    for key, title in (("worst_false_positives", "worst false positives"),
                       ("worst_false_negatives", "worst false negatives")):
        if summary[key]:
            w = Table(title=title)
            w.add_column("score", justify="right")
            w.add_column("text")
            for r in summary[key]:
                w.add_row(f"{r['score']:.0f}", r["text"])
            console.print(w)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        kind: Kind = typer.Argument(..., help="url, sms or transcript"),
        data: Path = typer.Argument(..., exists=True, help="CSV with text/url and label columns (1 = fraud)"),
        as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="evaluate only the first N rows"),
        model_only: bool = typer.Option(False, "--model-only", help="evaluate only the learned model"),
        add_model: bool = typer.Option(False, "--add-model",
                                       help="add the learned model's signal if the analyser does not emit it"),
        worst: int = typer.Option(5, "--worst", min=0, help="how many worst false positives/negatives to list"),
    ) -> None:
        """Precision, recall, F1, FPR, ROC-AUC, confusion matrix, latency, calibration and worst errors."""
        try:
            summary = evaluate(kind.value, data, limit=limit, model_only=model_only, worst=worst,
                               progress=sys.stderr.isatty(), add_model=add_model)
        except ImportError as exc:
            Console(stderr=True).print(f"[red]cannot evaluate {kind.value}: {exc}[/red]")
            raise typer.Exit(2) from None
        except ValueError as exc:
            Console(stderr=True).print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
        if summary["skipped"]:
            total = summary["rows"] + summary["skipped"]
            typer.echo(f"warning: {describe_skipped(summary['skipped_reasons'], total)}", err=True)
        if as_json:
            typer.echo(json.dumps(summary, ensure_ascii=False))
        else:
            render(summary, Console())

    @app.command("train")
    def train_cmd(
        kind: Kind = typer.Argument(..., help="which model to rebuild"),
        data: list[Path] = typer.Option(..., "--data", exists=True,
                                        help="labelled CSV (or a folder holding data.csv); repeat for several"),
        out: Optional[Path] = typer.Option(None, "--out", help="output folder (default: the shipped models folder)"),
        builtin: bool = typer.Option(True, "--builtin/--no-builtin", help="add the built-in CC0 example sets"),
    ) -> None:
        """Train, calibrate and write a model artefact (needs scikit-learn)."""
        from scamshield.engine import textmodel
        from scamshield.training.train import train

        err = Console(stderr=True)
        report = train(kind.value, [str(p) for p in data], out, builtin=builtin, log=lambda m: err.print(m))
        textmodel.reset_cache()
        typer.echo(json.dumps(report))

"""`scamshield analyze KIND INPUT` and `scamshield batch KIND IN.csv --output OUT.jsonl` (offline, no server)."""

from __future__ import annotations

import csv
import json
import sys
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any, Callable

import typer
from rich.console import Console
from rich.table import Table

from scamshield.errors import ScamShieldError

LEVEL_COLOURS = {"low": "green", "medium": "yellow", "high": "red", "critical": "bold red"}


class AnalyzeKind(str, Enum):
    url = "url"
    sms = "sms"
    qr = "qr"
    transaction = "transaction"


class BatchKind(str, Enum):
    url = "url"
    sms = "sms"
    qr = "qr"
    transcript = "transcript"


def _transaction_from_text(text: str):
    from scamshield.engine.transaction import TransactionInput

    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise typer.BadParameter('transaction INPUT is JSON: {"amount": 60000, "recipient_upi": "x@ybl", ...}')
    if not isinstance(data, dict) or "amount" not in data or "recipient_upi" not in data:
        raise typer.BadParameter("transaction JSON needs amount and recipient_upi")
    try:
        amount = Decimal(str(data["amount"]))
    except InvalidOperation:
        raise typer.BadParameter("amount is not a number")
    return TransactionInput(amount=amount, recipient_upi=str(data["recipient_upi"]),
                            recipient_name=data.get("recipient_name"), transaction_note=data.get("transaction_note"),
                            app_name=data.get("app_name")), data.get("device_info")


def analyser(kind: str) -> Callable[[str], dict[str, Any]]:
    """A function from one input string to an assessment dict, for every kind the CLI knows."""
    if kind == "url":
        from scamshield.engine.url import analyze_url

        return lambda s: analyze_url(s).as_dict()
    if kind == "sms":
        from scamshield.engine.sms import analyze_sms

        return lambda s: analyze_sms(s).as_dict()
    if kind == "qr":
        from scamshield.engine.upi import analyze_qr

        return lambda s: analyze_qr(s).as_dict()
    if kind == "transaction":
        from scamshield.engine.transaction import analyze_transaction

        def run(s: str) -> dict[str, Any]:
            tx, device = _transaction_from_text(s)
            return analyze_transaction(tx, device_info=device).as_dict()

        return run
    if kind == "transcript":
        from scamshield.engine.conversation import analyze_transcript

        return lambda s: analyze_transcript(s).as_dict()
    raise typer.BadParameter(f"unknown kind {kind}")


def render(result: dict[str, Any], console: Console) -> None:
    level = result.get("risk_level", "low")
    colour = LEVEL_COLOURS.get(level, "white")
    verdict = "SAFE" if result.get("is_safe") else "NOT SAFE"
    console.print(f"[{colour}]{verdict}[/] risk {result.get('risk_score')}/100 ({level})"
                  + (f" — {', '.join(result['detected_fraud_types'])}" if result.get("detected_fraud_types") else ""))
    table = Table(show_header=True, header_style="bold")
    table.add_column("signal")
    table.add_column("weight", justify="right")
    table.add_column("why")
    for s in result.get("signals", []):
        w = s["weight"]
        table.add_row(s["code"], f"[{'red' if w > 0 else 'green'}]{w:+g}[/]", s["message"])
    if result.get("signals"):
        console.print(table)
    for rec in result.get("recommendations", []):
        console.print(f"  • {rec}")


def analyze(
    kind: AnalyzeKind = typer.Argument(..., help="What INPUT is: url, sms, qr or transaction (JSON)."),
    input: str = typer.Argument(..., help="The URL, message text, QR payload, or transaction JSON. Use - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the assessment as JSON."),
) -> None:
    """Analyse one input offline and print a readable verdict with a table of signals (or JSON)."""
    text = sys.stdin.read() if input == "-" else input
    try:
        result = analyser(kind.value)(text)
    except ScamShieldError as exc:
        typer.secho(f"error ({exc.code}): {exc.message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        render(result, Console())


def _progress(total_bytes: int | None):
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), TextColumn("{task.completed} rows"),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=False)


def batch(
    kind: BatchKind = typer.Argument(..., help="url, sms, qr or transcript."),
    in_csv: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV with a `url` or `text` column."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write one JSON assessment per line."),
    column: str = typer.Option(None, help="Input column (default: url for url, text otherwise; qr also accepts qr_data)."),
) -> None:
    """Analyse every row of a CSV, streaming, and write JSON lines in input order."""
    fn = analyser(kind.value)
    candidates = [column] if column else (["url", "text"] if kind == BatchKind.url else ["text", "qr_data", "message"])
    csv.field_size_limit(10_000_000)
    errors = 0
    with in_csv.open(newline="", encoding="utf-8") as fh, output.open("w", encoding="utf-8") as out, _progress(None) as bar:
        reader = csv.DictReader(fh)
        col = next((c for c in candidates if c in (reader.fieldnames or [])), None)
        if col is None:
            typer.secho(f"error: no column {' or '.join(candidates)} in {in_csv}", fg=typer.colors.RED, err=True)
            raise typer.Exit(2)
        task = bar.add_task(f"batch {kind.value}", total=None)
        for i, row in enumerate(reader):
            value = row.get(col) or ""
            try:
                record: dict[str, Any] = {"row": i, **fn(value)}
            except ScamShieldError as exc:
                errors += 1
                record = {"row": i, "error": {"code": exc.code, "message": exc.message}}
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            bar.advance(task)
    typer.secho(f"wrote {output} ({errors} rows could not be analysed)", err=True, fg=typer.colors.GREEN)


def register(app: typer.Typer) -> None:
    app.command(help="Analyse one URL, SMS, QR payload or transaction offline.")(analyze)
    app.command(help="Analyse a CSV of URLs, SMS, QR payloads or whole call transcripts into JSON lines.")(batch)

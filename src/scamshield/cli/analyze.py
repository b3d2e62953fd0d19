"""`scamshield analyze KIND INPUT` and `scamshield batch KIND IN.csv --output OUT.jsonl` (offline, no server)."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any, Callable, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from scamshield.errors import ScamShieldError

LEVEL_COLOURS = {"low": "green", "medium": "yellow", "high": "red", "critical": "bold red"}
EXIT_INPUT = 2


class AnalyzeKind(str, Enum):
    url = "url"
    sms = "sms"
    qr = "qr"
    transaction = "transaction"
    transcript = "transcript"


class BatchKind(str, Enum):
    url = "url"
    sms = "sms"
    qr = "qr"
    transcript = "transcript"


def _fail(message: str, hint: str | None = None) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    if hint:
        typer.secho(f"  fix: {hint}", err=True)
    raise typer.Exit(EXIT_INPUT)


def _transaction_from_text(text: str):
    from scamshield.engine.transaction import TransactionInput

    example = '{"amount": 60000, "recipient_upi": "9876543210@weird", "transaction_note": "urgent help"}'
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise ScamShieldError(f"transaction INPUT is JSON, e.g. {example}", code="invalid_input") from None
    if not isinstance(data, dict) or "amount" not in data or "recipient_upi" not in data:
        raise ScamShieldError(f"transaction JSON needs amount and recipient_upi, e.g. {example}", code="invalid_input")
    try:
        amount = Decimal(str(data["amount"]))
    except InvalidOperation:
        raise ScamShieldError("amount is not a number", code="invalid_input") from None
    if not amount.is_finite() or amount <= 0:
        raise ScamShieldError("amount must be a positive number of rupees", code="invalid_input")
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


def _fmt(x: float) -> str:
    return f"{x:+g}"


def render(result: dict[str, Any], console: Console) -> None:
    """Verdict line, a table of signals whose weights add up to the score (clamping shown), recommendations."""
    level = result.get("risk_level", "low")
    colour = LEVEL_COLOURS.get(level, "white")
    verdict = "SAFE" if result.get("is_safe") else "NOT SAFE"
    types = result.get("detected_fraud_types") or ([result["fraud_type"]] if result.get("fraud_type") else [])
    console.print(f"[{colour}]{verdict}[/] risk [bold]{result.get('risk_score')}[/]/100 ({level})"
                  + (f" — {', '.join(types)}" if types else ""))
    signals = result.get("signals") or []
    if signals:
        table = Table(show_header=True, header_style="bold", show_footer=True)
        table.add_column("signal", footer="total")
        weights = [float(s["weight"]) for s in signals]
        total = round(sum(weights), 2)
        table.add_column("weight", justify="right", footer=_fmt(total))
        table.add_column("why")
        for s, w in zip(signals, weights):
            table.add_row(s["code"], f"[{'red' if w > 0 else 'green'}]{_fmt(w)}[/]", s["message"])
        console.print(table)
        score = result.get("risk_score")
        if total > 100:
            console.print(f"  weights add up to {total:g}; the score is clamped to [bold]100[/]")
        elif total < 0:
            console.print(f"  weights add up to {total:g}; the score is clamped to [bold]0[/]")
        elif score is not None and round(total) != score:  # pragma: no cover - combine() guarantees this
            console.print(f"  weights add up to {total:g}; score {score}")
    else:
        console.print("  no signal: nothing suspicious was found")
    if result.get("alert_at_fraction") is not None:
        console.print(f"  first alert after {result['alert_at_fraction']:.0%} of the call "
                      f"({result.get('utterances', '?')} utterances)")
    for rec in result.get("recommendations", []):
        console.print(f"  • {rec}")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"no such file: {path}")
    except IsADirectoryError:
        _fail(f"{path} is a directory, not a file")
    except PermissionError:
        _fail(f"cannot read {path}: permission denied")
    except UnicodeDecodeError:
        _fail(f"{path} is not UTF-8 text", "convert it, e.g. `iconv -f latin1 -t utf-8`")
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or type(exc).__name__}")


ANALYZE_HELP = (
    "Analyse one input offline (no server, no network) and print the verdict with a table of signals: each "
    "signal's weight is the points it adds, the weights add up to the score (clamped to 0..100).\n\n"
    "KIND is [bold]url[/], [bold]sms[/], [bold]qr[/] (UPI QR / deep link or any QR text), [bold]transaction[/] "
    "(JSON with amount and recipient_upi) or [bold]transcript[/] (a whole call, one utterance per line, optional "
    "'Speaker:' prefixes). Exit code 0 whatever the verdict; 2 on unusable input."
)
ANALYZE_EPILOG = (
    "Examples:\n\n"
    "  scamshield analyze url \"https://paytm.com.account-verify.info/login\"\n\n"
    "  scamshield analyze sms \"Your KYC is pending. Click: bit.ly/kyc123\" --json\n\n"
    "  scamshield analyze qr \"upi://collect?pa=fraudster@ybl&am=10000\"\n\n"
    "  scamshield analyze transaction '{\"amount\": 60000, \"recipient_upi\": \"9876543210@weird\"}'\n\n"
    "  scamshield analyze transcript --file call.txt"
)


def analyze(
    kind: AnalyzeKind = typer.Argument(..., help="url, sms, qr, transaction or transcript."),
    input: str = typer.Argument(None, show_default=False,
                                help="The URL, message text, QR payload, transaction JSON or transcript; "
                                     "[bold]-[/] reads stdin."),
    file: Path = typer.Option(None, "--file", "-f", dir_okay=True, show_default=False,
                              help="Read INPUT from this UTF-8 file instead."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole assessment as JSON (for scripts)."),
) -> None:
    if file is not None and input is not None:
        _fail("give INPUT or --file, not both")
    if file is not None:
        text = _read_text(file)
    elif input == "-":
        text = sys.stdin.read()
    elif input is None:
        _fail("missing INPUT", f"e.g. scamshield analyze {kind.value} \"...\", or --file PATH, or - for stdin")
    else:
        text = input
    try:
        result = analyser(kind.value)(text)
    except ScamShieldError as exc:
        _fail(f"({exc.code}) {exc.message}")
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        render(result, Console())


# --- batch ----------------------------------------------------------------------------------------------------------
def _progress(total_bytes: int | None):
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), DownloadColumn(),
                    TextColumn("{task.fields[rows]} rows"), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=False)


def _open_csv(path: Path) -> tuple[Any, io.TextIOWrapper]:
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        _fail(f"no such file: {path}")
    except IsADirectoryError:
        _fail(f"{path} is a directory, not a CSV file")
    except PermissionError:
        _fail(f"cannot read {path}: permission denied")
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or type(exc).__name__}")
    return raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


BATCH_HELP = (
    "Analyse every row of a CSV offline and write one JSON object per line to OUTPUT, [bold]in input order[/], "
    "streaming (constant memory), with a progress bar on stderr.\n\n"
    "The input column is [bold]url[/] (or text) for url, [bold]text[/] (or qr_data, message, transcript) otherwise; "
    "--column picks another. For [bold]transcript[/] each cell is a whole call, one utterance per line, optional "
    "'Speaker:' prefixes; each line of OUTPUT has risk_score, risk_level, is_safe, fraud_type, signals and "
    "alert_at_fraction (share of the call heard when the first alert fired; null if none). A row that cannot be "
    "analysed gets {\"row\": N, \"error\": {...}} and the run goes on."
)
BATCH_EPILOG = (
    "Examples:\n\n"
    "  scamshield batch url urls.csv --output urls.jsonl\n\n"
    "  scamshield batch sms messages.csv -o verdicts.jsonl --column body\n\n"
    "  scamshield batch transcript calls.csv -o calls.jsonl"
)


def batch(
    kind: BatchKind = typer.Argument(..., help="url, sms, qr or transcript."),
    in_csv: Path = typer.Argument(..., help="The input CSV (UTF-8, with a header row)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write one JSON object per input row."),
    column: str = typer.Option(None, "--column", show_default=False,
                               help="Input column (default: url for url; text, qr_data, message or transcript "
                                    "otherwise)."),
) -> None:
    fn = analyser(kind.value)
    candidates = [column] if column else (
        ["url", "text"] if kind == BatchKind.url else ["text", "qr_data", "message", "transcript"])
    csv.field_size_limit(10_000_000)
    raw, fh = _open_csv(in_csv)
    errors = rows = 0
    with raw, fh:
        reader = csv.DictReader(fh)
        try:
            fieldnames = reader.fieldnames or []
        except UnicodeDecodeError:
            _fail(f"{in_csv} is not UTF-8 text", "convert it, e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`")
        except csv.Error as exc:
            _fail(f"{in_csv} is not a readable CSV: {exc}")
        col = next((c for c in candidates if c in fieldnames), None)
        if col is None:
            found = ", ".join(fieldnames[:10]) or "none (empty file?)"
            _fail(f"no column {' or '.join(candidates)} in {in_csv} (columns: {found})",
                  "name the column with --column")
        try:
            out = output.open("w", encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or type(exc).__name__}",
                  "check that the directory exists and is writable")
        size = in_csv.stat().st_size if in_csv.is_file() else None
        with out, _progress(size) as bar:
            task = bar.add_task(f"batch {kind.value}", total=size, rows=0)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError:
                    _fail(f"{in_csv} is not UTF-8 text (after row {rows})",
                          "convert it, e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`")
                except csv.Error as exc:
                    _fail(f"{in_csv} line {reader.line_num}: {exc}", f"{rows} rows were written to {output}")
                value = row.get(col) or ""
                try:
                    record: dict[str, Any] = {"row": rows, **fn(value)}
                except ScamShieldError as exc:
                    errors += 1
                    record = {"row": rows, "error": {"code": exc.code, "message": exc.message}}
                except Exception as exc:  # an engine bug must not lose a million-row run; it is counted and shown
                    errors += 1
                    record = {"row": rows, "error": {"code": "analysis_failed", "message": type(exc).__name__}}
                out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                rows += 1
                if rows % 64 == 0:
                    bar.update(task, completed=raw.tell(), rows=rows)
            bar.update(task, completed=size if size is not None else raw.tell(), rows=rows)
    colour = typer.colors.GREEN if not errors else typer.colors.YELLOW
    typer.secho(f"wrote {rows} rows to {output} ({errors} could not be analysed)", err=True, fg=colour)


def register(app: typer.Typer) -> None:
    app.command(help=ANALYZE_HELP, epilog=ANALYZE_EPILOG, rich_help_panel="Analysis",
                short_help="Analyse one URL, SMS, UPI QR, payment or call transcript offline.")(analyze)
    app.command(help=BATCH_HELP, epilog=BATCH_EPILOG, rich_help_panel="Analysis",
                short_help="Analyse a CSV of URLs, SMS, QR payloads or call transcripts into JSON lines.")(batch)

"""CLI: readable analyses that explain every point, batch in input order, and one-line errors instead of tracebacks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jwt
import pytest
from typer.testing import CliRunner

from scamshield.cli import _register, app

if not app.registered_commands:
    _register()

SECRET = "cli-test-secret-" + "q" * 40
SCAM_CALL = "\n".join([
    "Caller: Hello, I am calling from SBI head office.",
    "Caller: Your account KYC has expired and your account will be blocked within 2 hours.",
    "Caller: To avoid this just download the AnyDesk app from Play Store.",
    "Caller: Now share the OTP you received with me.",
])
FRIEND_CALL = "Arjun: Hi Riya, it's Arjun. Are we still on for lunch tomorrow?\nRiya: Yes, one o'clock works."


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"SCAMSHIELD_DATA_DIR": str(tmp_path / "var"), "SCAMSHIELD_JWT_SECRET": SECRET, "SCAMSHIELD_ENV": "test"}


def run(args: list[str], env: dict[str, str] | None = None, input: str | None = None):
    return CliRunner().invoke(app, args, env=env or {}, input=input)


def assert_clean_failure(result, *needles: str) -> None:
    """Exit code 2, the message says what is wrong, and no traceback."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.output, result.output


# --- analyze -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,text", [
    ("url", "https://pаytm.com/login"),
    ("url", "https://amazon.com/"),
    ("sms", "Your KYC is pending. Update immediately or account will be blocked. Share the OTP. "
            "Install AnyDesk. Click: bit.ly/kyc123"),
    ("sms", "I won't be home for dinner tonight"),
    ("qr", "upi://collect?pa=fraudster@ybl&am=10000"),
    ("transaction", '{"amount": 60000, "recipient_upi": "9876543210@weird", "transaction_note": "urgent help"}'),
    ("transcript", SCAM_CALL),
])
def test_analyze_table_explains_every_point(kind, text):
    as_json = run(["analyze", kind, text, "--json"])
    assert as_json.exit_code == 0, as_json.output
    result = json.loads(as_json.stdout)
    total = round(sum(s["weight"] for s in result["signals"]), 2)
    assert result["risk_score"] == max(0, min(100, round(total)))

    table = run(["analyze", kind, text])
    assert table.exit_code == 0, table.output
    out = table.stdout
    assert ("NOT SAFE" in out) == (not result["is_safe"])
    assert f"risk {result['risk_score']}/100" in out
    for s in result["signals"]:
        assert s["code"] in out
    if result["signals"]:
        assert "total" in out and f"{total:+g}" in out
    assert ("clamped to 100" in out) == (total > 100)
    assert ("clamped to 0" in out) == (total < 0)


def test_analyze_reads_stdin_and_files(tmp_path: Path):
    assert "NOT SAFE" in run(["analyze", "sms", "-"], input="Please install AnyDesk for account verification.").stdout
    call = tmp_path / "call.txt"
    call.write_text(SCAM_CALL, encoding="utf-8")
    r = run(["analyze", "transcript", "--file", str(call)])
    assert r.exit_code == 0 and "BANK_KYC_IMPERSONATION" in r.stdout and "first alert after" in r.stdout


@pytest.mark.parametrize("args,needle", [
    (["analyze", "sms", "--file", "/nonexistent/msg.txt"], "no such file"),
    (["analyze", "sms"], "missing INPUT"),
    (["analyze", "transaction", "not json"], "transaction INPUT is JSON"),
    (["analyze", "transaction", '{"amount": "abc", "recipient_upi": "a@ybl"}'], "amount"),
    (["analyze", "transaction", '{"amount": -5, "recipient_upi": "a@ybl"}'], "positive"),
])
def test_analyze_bad_input_is_one_line(args, needle):
    assert_clean_failure(run(args), needle)


def test_analyze_unreadable_and_non_utf8_files(tmp_path: Path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9 \xff\xfe")
    assert_clean_failure(run(["analyze", "sms", "--file", str(latin)]), "not UTF-8")
    assert_clean_failure(run(["analyze", "sms", "--file", str(tmp_path)]), "directory")


# --- batch -------------------------------------------------------------------------------------------------------
def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_batch_transcript_fields_and_order(tmp_path: Path):
    src = _write_csv(tmp_path / "calls.csv", ["id", "text"], [["1", SCAM_CALL], ["2", FRIEND_CALL], ["3", SCAM_CALL]])
    out = tmp_path / "calls.jsonl"
    r = run(["batch", "transcript", str(src), "--output", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["row"] for row in rows] == [0, 1, 2]
    for row in rows:
        assert {"risk_score", "risk_level", "is_safe", "fraud_type", "signals", "alert_at_fraction"} <= set(row)
    scam, friend = rows[0], rows[1]
    assert scam["is_safe"] is False and scam["fraud_type"] and 0 < scam["alert_at_fraction"] <= 1
    assert friend["is_safe"] is True and friend["alert_at_fraction"] is None
    assert rows[2]["risk_score"] == scam["risk_score"]  # deterministic, no state leaks between calls


def test_batch_url_keeps_input_order_and_reports_bad_rows(tmp_path: Path):
    urls = ["https://amazon.com/", "http://192.168.1.100/bank/login", "", "https://paytim.com/login"]
    src = _write_csv(tmp_path / "urls.csv", ["url"], [[u] for u in urls])
    out = tmp_path / "urls.jsonl"
    r = run(["batch", "url", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["row"] for row in rows] == list(range(len(urls)))
    assert rows[0]["is_safe"] is True and rows[1]["is_safe"] is False and rows[3]["is_safe"] is False
    assert "error" in rows[2] or "risk_score" in rows[2]  # an empty cell never stops the run


def test_batch_column_option(tmp_path: Path):
    src = _write_csv(tmp_path / "m.csv", ["body"], [["I won't be home for dinner tonight"]])
    out = tmp_path / "m.jsonl"
    assert run(["batch", "sms", str(src), "-o", str(out), "--column", "body"]).exit_code == 0
    assert json.loads(out.read_text())["is_safe"] is True


def test_batch_errors_are_one_line(tmp_path: Path):
    good = _write_csv(tmp_path / "ok.csv", ["text"], [["hello"]])
    wrong = _write_csv(tmp_path / "wrong.csv", ["a", "b"], [["1", "2"]])
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"text\ncaf\xe9\n")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    out = str(tmp_path / "o.jsonl")
    assert_clean_failure(run(["batch", "sms", str(wrong), "-o", out]), "no column", "columns: a, b")
    assert_clean_failure(run(["batch", "sms", str(latin), "-o", out]), "not UTF-8")
    assert_clean_failure(run(["batch", "sms", str(empty), "-o", out]), "no column")
    assert_clean_failure(run(["batch", "sms", str(tmp_path / "missing.csv"), "-o", out]), "no such file")
    assert_clean_failure(run(["batch", "sms", str(good), "-o", str(tmp_path / "no" / "dir" / "o.jsonl")]),
                         "cannot write")


# --- token -------------------------------------------------------------------------------------------------------
def test_token_last_line_is_a_verifiable_token(env):
    r = run(["token", "alice", "--phone", "+919876543210", "--role", "admin", "--ttl", "30m"], env)
    assert r.exit_code == 0, r.output
    claims = jwt.decode(r.stdout.strip().splitlines()[-1], SECRET, algorithms=["HS256"])
    assert claims["sub"] == "alice" and claims["phone_number"] == "+919876543210" and claims["roles"] == ["admin"]
    assert claims["exp"] - claims["iat"] == 1800


def test_development_token_matches_the_generated_secret(tmp_path: Path):
    env = {"SCAMSHIELD_DATA_DIR": str(tmp_path / "var")}
    first = run(["token", "bob"], env).stdout.strip().splitlines()[-1]
    secret = (tmp_path / "var" / "jwt_secret").read_text().strip()
    assert jwt.decode(first, secret, algorithms=["HS256"])["sub"] == "bob"


@pytest.mark.parametrize("args,extra_env,needle", [
    (["token", "bob", "--ttl", "5x"], {}, "bad duration"),
    (["token", "bob", "--phone", "12"], {}, "phone"),
    (["token", "bob", "--role", "root"], {}, "unknown roles"),
    (["token", "bad user id!"], {}, "user id"),
    (["token", "bob"], {"SCAMSHIELD_ENV": "production", "SCAMSHIELD_JWT_SECRET": "changeme"}, "SCAMSHIELD_JWT_SECRET"),
    (["token", "bob"], {"SCAMSHIELD_ENV": "production", "SCAMSHIELD_JWT_SECRET": ""}, "SCAMSHIELD_JWT_SECRET"),
    (["token", "bob"], {"SCAMSHIELD_ENV": "prod"}, "SCAMSHIELD_ENV is invalid"),
    (["token", "bob"], {"SCAMSHIELD_JWT_LEEWAY_SECONDS": "soon"}, "SCAMSHIELD_JWT_LEEWAY_SECONDS is invalid"),
])
def test_token_errors_are_one_line(env, args, extra_env, needle):
    r = run(args, {**env, **extra_env})
    assert_clean_failure(r, needle)
    assert r.stdout.strip() == "", "nothing on stdout that a script could take for a token"


# --- database and serve ------------------------------------------------------------------------------------------
def test_db_upgrade_on_sqlite(env, tmp_path: Path):
    r = run(["db", "upgrade"], env)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "var" / "scamshield.db").stat().st_size > 0
    assert run(["db", "upgrade"], env).exit_code == 0  # idempotent


@pytest.mark.parametrize("command", [["db", "upgrade"], ["serve", "--port", "1"]])
@pytest.mark.parametrize("url,needles", [
    ("postgresql+asyncpg://shield:s3cr3t-pw@127.0.0.1:1/shield", ["127.0.0.1:1", "connection refused", "fix:"]),
    ("postgresql+asyncpg://shield:s3cr3t-pw@db.invalid:5432/shield", ["cannot resolve", "db.invalid"]),
    ("mysql+nosuchdriver://shield:s3cr3t-pw@127.0.0.1/shield", ["unsupported driver"]),
    ("not a url", ["not a database URL"]),
])
def test_unreachable_database_is_one_red_line(env, command, url, needles):
    r = run(command, {**env, "SCAMSHIELD_DATABASE_URL": url})
    assert_clean_failure(r, *needles)
    assert "s3cr3t-pw" not in r.output, "never print the password"
    assert len([ln for ln in r.output.splitlines() if ln.startswith("error:")]) == 1


def test_sqlite_in_an_unwritable_place(env):
    r = run(["db", "upgrade"], {**env, "SCAMSHIELD_DATABASE_URL": "sqlite+aiosqlite:////proc/nope/x.db"})
    assert_clean_failure(r, "SQLite", "writable")


@pytest.mark.parametrize("extra_env,args,needle", [
    ({"SCAMSHIELD_ENV": "production", "SCAMSHIELD_JWT_SECRET": "changeme"}, [], "refusing to start in production"),
    ({"SCAMSHIELD_JWT_SECRET": "", "SCAMSHIELD_JWT_PUBLIC_KEY": "/nonexistent/key.pem"}, [], "cannot be read"),
    ({"SCAMSHIELD_JWT_SECRET": "", "SCAMSHIELD_JWT_PUBLIC_KEY": "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----"},
     [], "not a PEM public key"),
    ({"SCAMSHIELD_RATE_LIMIT_USER": "lots"}, [], "SCAMSHIELD_RATE_LIMIT_USER"),
    ({"SCAMSHIELD_THRESHOLD_HIGH": "10"}, [], "thresholds"),
    ({}, ["--workers", "2"], "SCAMSHIELD_REDIS_URL"),
])
def test_serve_refuses_bad_configuration_without_traceback(env, extra_env, args, needle):
    assert_clean_failure(run(["serve", "--port", "1", *args], {**env, **extra_env}), needle)


# --- help --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["serve"], ["token"], ["db", "upgrade"], ["analyze"], ["batch"]])
def test_help_explains_with_examples(command):
    r = run([*command, "--help"])
    assert r.exit_code == 0
    assert "Examples" in r.stdout and "scamshield " in r.stdout


def test_top_level_help_lists_every_command():
    out = run(["--help"]).stdout
    for name in ("serve", "token", "db", "analyze", "batch", "eval", "train", "purge"):
        assert name in out


# --- a data directory that does not exist yet (run outside the server's directory) ---------------------------------
DATA_DIR_WARNING = "warning: data directory"


def _missing_dir_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    # no secret and no database URL: both would come from the (missing) data directory
    return {"SCAMSHIELD_DATA_DIR": str(tmp_path / "elsewhere" / "var"), "SCAMSHIELD_JWT_SECRET": "",
            "SCAMSHIELD_DATABASE_URL": "", "SCAMSHIELD_ENV": "development", **extra}


def _warned_about(result, data_dir: Path) -> bool:
    err = " ".join(result.stderr.split())
    if DATA_DIR_WARNING not in err:
        return False
    assert str(data_dir.resolve()) in err and "SCAMSHIELD_DATA_DIR" in err, err
    return True


def test_token_warns_when_the_data_dir_is_new(tmp_path: Path):
    env = _missing_dir_env(tmp_path)
    data_dir = Path(env["SCAMSHIELD_DATA_DIR"])
    r = run(["token", "bob"], env)
    assert r.exit_code == 0, r.output
    assert _warned_about(r, data_dir) and "NEW development signing secret" in " ".join(r.stderr.split())
    # the token is still minted with (and the secret kept under) that directory, so `serve` there agrees
    tok = r.stdout.strip().splitlines()[-1]
    assert jwt.decode(tok, (data_dir / "jwt_secret").read_text().strip(), algorithms=["HS256"])["sub"] == "bob"
    # near miss: the second time the directory exists, so no warning
    again = run(["token", "bob"], env)
    assert again.exit_code == 0 and not _warned_about(again, data_dir)


def test_token_with_a_configured_secret_does_not_warn_or_create_the_data_dir(tmp_path: Path):
    env = _missing_dir_env(tmp_path, SCAMSHIELD_JWT_SECRET=SECRET)
    r = run(["token", "bob"], env)
    assert r.exit_code == 0, r.output
    assert not _warned_about(r, Path(env["SCAMSHIELD_DATA_DIR"]))
    assert not (tmp_path / "elsewhere").exists()


def test_purge_dry_run_with_no_data_dir_warns_and_creates_nothing(tmp_path: Path):
    env = _missing_dir_env(tmp_path)
    r = run(["purge", "--dry-run"], env)
    assert r.exit_code == 0, r.output
    assert _warned_about(r, Path(env["SCAMSHIELD_DATA_DIR"]))
    assert "would delete" in r.stdout and "nothing" in r.stdout
    assert not (tmp_path / "elsewhere").exists()


def test_purge_dry_run_in_an_existing_data_dir_without_database_creates_nothing(tmp_path: Path):
    env = _missing_dir_env(tmp_path)
    data_dir = Path(env["SCAMSHIELD_DATA_DIR"])
    data_dir.mkdir(parents=True)
    r = run(["purge", "--dry-run"], env)
    assert r.exit_code == 0, r.output
    assert not _warned_about(r, data_dir)  # near miss: the directory exists
    assert list(data_dir.iterdir()) == []


def test_purge_dry_run_with_a_database_url_does_not_warn(tmp_path: Path):
    from scamshield.store.migrate import upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'other.db'}"
    upgrade(url)
    env = _missing_dir_env(tmp_path, SCAMSHIELD_DATABASE_URL=url)
    r = run(["purge", "--dry-run"], env)
    assert r.exit_code == 0, r.output
    assert not _warned_about(r, Path(env["SCAMSHIELD_DATA_DIR"])) and "would delete" in r.stdout
    assert not (tmp_path / "elsewhere").exists()


def test_purge_and_db_upgrade_still_create_the_data_dir(tmp_path: Path):
    env = _missing_dir_env(tmp_path)
    data_dir = Path(env["SCAMSHIELD_DATA_DIR"])
    r = run(["purge"], env)
    assert r.exit_code == 0, r.output
    assert _warned_about(r, data_dir) and (data_dir / "scamshield.db").exists()
    env2 = _missing_dir_env(tmp_path / "two")
    r = run(["db", "upgrade"], env2)
    assert r.exit_code == 0, r.output
    assert (Path(env2["SCAMSHIELD_DATA_DIR"]) / "scamshield.db").exists()


def test_eval_needs_no_data_dir(tmp_path: Path):
    f = tmp_path / "sms.csv"
    f.write_text("text,label\nsee you at lunch,0\nwin a prize at http://x.top now,1\n", encoding="utf-8")
    env = _missing_dir_env(tmp_path)
    r = run(["eval", "sms", str(f), "--json", "--model-only"], env)
    assert r.exit_code == 0, r.output
    assert DATA_DIR_WARNING not in r.stderr and not (tmp_path / "elsewhere").exists()

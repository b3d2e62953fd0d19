"""`scamshield serve`, `scamshield token`, `scamshield db upgrade`.

Operator mistakes (a database that is not there, a bad setting, a missing key file) end in one red line that says
what is wrong and how to fix it, and exit code 2 — never a traceback.
"""

from __future__ import annotations

import socket
import sys
from typing import TYPE_CHECKING, NoReturn

import typer

from scamshield.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from scamshield.settings import Settings

EXIT_CONFIG = 2
CONNECT_TIMEOUT_SECONDS = 5.0

db_app = typer.Typer(
    help="Database schema management (Alembic migrations shipped with the package).",
    no_args_is_help=True,
)


def fail(message: str, hint: str | None = None, code: int = EXIT_CONFIG) -> NoReturn:
    """One red line on stderr (plus an optional hint line), then exit ``code``."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    if hint:
        typer.secho(f"  fix: {hint}", err=True)
    raise typer.Exit(code)


# --- settings -----------------------------------------------------------------------------------------------------
def load_settings() -> "Settings":
    """``Settings()`` from the environment; a bad value is one line naming the variable, not a pydantic dump."""
    from pydantic import ValidationError

    from scamshield.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {}
        loc = first.get("loc") or ("?",)
        name = "SCAMSHIELD_" + str(loc[0]).upper()
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        fail(f"{name} is invalid: {first.get('msg', 'invalid value')}{more}",
             "correct or unset that environment variable (docs/operations.md lists every setting)")


def warn_missing_data_dir(settings: "Settings", consequence: str) -> bool:
    """One warning line on stderr when the data directory does not exist yet (typically: run outside the directory
    ``serve`` uses, so the default ``./var`` resolves somewhere new). True when it was missing."""
    if settings.data_dir.exists():
        return False
    typer.secho(f"warning: data directory {settings.data_dir.resolve()} does not exist (SCAMSHIELD_DATA_DIR; default "
                f"./var under the current directory): {consequence}. Run from the directory the server uses or set "
                "SCAMSHIELD_DATA_DIR to the server's data directory.", fg=typer.colors.YELLOW, err=True)
    return True


def secret_from_data_dir(settings: "Settings") -> bool:
    """Whether HS256 tokens are signed with the development secret kept under the data directory."""
    has_secret = settings.jwt_secret is not None and bool(settings.jwt_secret.get_secret_value())
    return not (has_secret or settings.is_production or settings.jwt_public_key or settings.jwks_url)


# --- database -------------------------------------------------------------------------------------------------------
def describe_database(url: str) -> tuple[str, str | None, int | None, str | None]:
    """(backend, host, port, database) of a URL, never its password."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    backend = u.get_backend_name()
    port = u.port or ({"postgresql": 5432, "mysql": 3306}.get(backend))
    return backend, u.host, port, u.database


def database_error(url: str, exc: BaseException) -> tuple[str, str]:
    """(message, hint) for a failure to reach or migrate the database. Names host and port, never the password."""
    try:
        backend, host, port, database = describe_database(url)
    except Exception:
        return ("SCAMSHIELD_DATABASE_URL is not a database URL",
                "use sqlite+aiosqlite:///path/to/scamshield.db or postgresql+asyncpg://user:password@host:5432/dbname")
    name = type(exc).__name__
    text = str(exc).splitlines()[0][:200] if str(exc) else name
    if backend == "sqlite":
        return (f"cannot open the SQLite database {database}: {text}",
                "make sure SCAMSHIELD_DATA_DIR (or the path in SCAMSHIELD_DATABASE_URL) is a writable directory")
    where = f"{host}:{port}" if host else "(no host)"
    fix_url = "set SCAMSHIELD_DATABASE_URL=postgresql+asyncpg://user:password@host:5432/dbname"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the database host {host!r}", f"check the host name in SCAMSHIELD_DATABASE_URL, or {fix_url}"
    if isinstance(exc, ConnectionRefusedError):
        return (f"cannot connect to {backend} at {where}: connection refused",
                f"start the database server (e.g. `pg_ctl start` / `systemctl start postgresql`) or {fix_url}")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return (f"cannot connect to {backend} at {where}: no answer within {CONNECT_TIMEOUT_SECONDS:g} s",
                f"check the host, the port and any firewall, or {fix_url}")
    if isinstance(exc, OSError):
        return f"cannot connect to {backend} at {where}: {text}", fix_url
    if name in ("InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
        return (f"{backend} at {where} refused the credentials in SCAMSHIELD_DATABASE_URL",
                "check the user name and password in the URL")
    if name == "InvalidCatalogNameError":
        return (f"database {database!r} does not exist on {where}",
                f"create it (e.g. `createdb -h {host} {database}`) or name an existing one in SCAMSHIELD_DATABASE_URL")
    if name in ("NoSuchModuleError", "ArgumentError", "ModuleNotFoundError"):
        return (f"SCAMSHIELD_DATABASE_URL uses an unsupported driver ({backend})",
                "use sqlite+aiosqlite:///path or postgresql+asyncpg://user:password@host:5432/dbname")
    return f"could not use the database at {where}: {name}: {text}", "check SCAMSHIELD_DATABASE_URL and the server's log"


def check_reachable(url: str) -> None:
    """A fast TCP probe of a network database, so a wrong host fails in seconds with a clear line."""
    backend, host, port, _ = describe_database(url)
    if backend == "sqlite" or not host or host.startswith("/") or not port:
        return
    with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_SECONDS):
        pass


def prepare_database(url: str, revision: str = "heads") -> None:
    """Probe the database and apply migrations up to ``revision``; exit with one clear line on failure."""
    import logging

    from scamshield.store.migrate import upgrade

    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        check_reachable(url)
        upgrade(url, revision)
    except Exception as exc:  # unreachable database, bad URL, bad credentials...
        message, hint = database_error(url, exc)
        fail(message, hint)


def check_auth_settings(settings: "Settings") -> None:
    """Verification keys load (a missing PEM file is a clear error at start, not a 500 on every request)."""
    from scamshield.auth import TokenVerifier

    if settings.jwt_public_key:
        try:
            pem = settings.jwt_public_key_pem or ""
        except OSError as exc:
            fail(f"SCAMSHIELD_JWT_PUBLIC_KEY names a file that cannot be read ({exc.strerror or type(exc).__name__})",
                 "give the PEM text itself or the path of a readable PEM file")
        try:
            from cryptography.hazmat.primitives.serialization import load_pem_public_key

            load_pem_public_key(pem.encode())
        except (ValueError, TypeError):
            fail("SCAMSHIELD_JWT_PUBLIC_KEY is not a PEM public key",
                 "it must start with -----BEGIN PUBLIC KEY----- (RS256/ES256)")
    try:
        TokenVerifier(settings)
    except ConfigError as exc:
        fail(exc.message, "set SCAMSHIELD_JWT_SECRET (HS256), SCAMSHIELD_JWT_PUBLIC_KEY or SCAMSHIELD_JWKS_URL")
    except OSError as exc:  # the development secret is generated under the data dir
        fail(f"cannot keep the development secret under {settings.data_dir}: {exc.strerror or type(exc).__name__}",
             "make SCAMSHIELD_DATA_DIR a writable directory, or set SCAMSHIELD_JWT_SECRET")


# --- serve ----------------------------------------------------------------------------------------------------------
def app_factory():
    """Uvicorn factory for ``--workers N`` (each worker builds its app from the environment)."""
    from scamshield.api.app import create_app
    from scamshield.logging_setup import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level, json_logs=settings.is_production)
    return create_app(settings, migrate=False)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind ([bold]0.0.0.0[/] for all)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port to listen on."),
    workers: int = typer.Option(
        1, "--workers", min=1,
        help="Worker processes. More than one needs [bold]SCAMSHIELD_REDIS_URL[/] so alerts cross processes."),
    proxy_ips: str = typer.Option(
        None, "--proxy-ips", show_default=False,
        help="Comma-separated addresses (or CIDR blocks) of reverse proxies whose X-Forwarded-For/-Proto headers are "
             "trusted (the client IP used for rate limits), or [bold]*[/] for any. Default: "
             "SCAMSHIELD_TRUSTED_PROXIES, else 127.0.0.1."),
) -> None:
    """Apply migrations, then serve the API, the WebSocket, the Twilio webhooks and the console."""
    import uvicorn

    from scamshield.api.app import create_app
    from scamshield.logging_setup import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level, json_logs=settings.is_production)
    try:
        settings.validate_for_start(bind_host=host)
    except ConfigError as exc:
        fail(exc.message, "set the variables named above (docs/operations.md has the production checklist)")
    if workers > 1 and not settings.redis_url:
        fail("--workers above 1 needs SCAMSHIELD_REDIS_URL: an alert raised in one worker must reach sockets held by "
             "another", "set SCAMSHIELD_REDIS_URL=redis://host:6379/0, or run one worker per instance")
    check_auth_settings(settings)
    prepare_database(settings.resolved_database_url)
    if proxy_ips is None:
        proxy_ips = ",".join(getattr(settings, "trusted_proxies", None) or []) or "127.0.0.1"
    # The transport's frame cap sits above the app's message cap so that oversized messages reach the app and get
    # the documented 4413; only frames far over it are cut by the WebSocket layer (1009).
    common = dict(host=host, port=port, log_config=None, access_log=False,
                  ws_max_size=settings.ws_max_message_bytes * 2 + 1024,
                  timeout_graceful_shutdown=10, proxy_headers=True, forwarded_allow_ips=proxy_ips)
    if workers > 1:
        uvicorn.run("scamshield.cli.server:app_factory", factory=True, workers=workers, **common)
        return
    try:
        app = create_app(settings, migrate=False)
    except ConfigError as exc:
        fail(exc.message, "see docs/operations.md for every setting and its format")
    uvicorn.run(app, **common)


# --- token ----------------------------------------------------------------------------------------------------------
def token(
    user_id: str = typer.Argument(..., help="The user id (the JWT [bold]sub[/] claim), e.g. alice."),
    phone: str = typer.Option(
        None, "--phone", help="The user's phone number in E.164, e.g. +919876543210 ([bold]phone_number[/] claim; "
                              "needed for Twilio auto-association by caller number)."),
    role: list[str] = typer.Option(
        None, "--role", help="Role claim: [bold]admin[/] or [bold]service[/] (repeatable)."),
    ttl: str = typer.Option("1h", "--ttl", help="Lifetime: 90s, 30m, 1h, 7d."),
) -> None:
    """Print a bearer token (HS256) signed with the configured secret; the last line of stdout is the token."""
    from scamshield.auth import mint_token, parse_ttl
    from scamshield.settings import _DEFAULT_SECRETS, MIN_SECRET_LENGTH

    settings = load_settings()
    if settings.is_production and settings.jwt_secret is not None:
        secret = settings.jwt_secret.get_secret_value()
        if secret.lower() in _DEFAULT_SECRETS or len(secret) < MIN_SECRET_LENGTH:
            fail(f"SCAMSHIELD_JWT_SECRET is a default or shorter than {MIN_SECRET_LENGTH} characters: "
                 "the server refuses it in production", "set it to a random value, e.g. `openssl rand -base64 48`")
    if secret_from_data_dir(settings):
        warn_missing_data_dir(settings, "a NEW development signing secret is created there, and a server using "
                                        "another data directory refuses this token (401 invalid_token)")
    try:
        tok = mint_token(settings, user_id, phone=phone, roles=list(role or []), ttl_seconds=parse_ttl(ttl))
    except ConfigError as exc:
        fail(exc.message, "set SCAMSHIELD_JWT_SECRET to the secret the server uses")
    except ValueError as exc:
        fail(str(exc))
    except OSError as exc:  # data dir not writable (the development secret is kept there)
        fail(f"cannot keep the development secret under {settings.data_dir}: {exc.strerror or type(exc).__name__}",
             "make SCAMSHIELD_DATA_DIR a writable directory, or set SCAMSHIELD_JWT_SECRET")
    if sys.stderr.isatty():
        typer.secho(f"token for {user_id} (valid {ttl}):", err=True, fg=typer.colors.GREEN)
    typer.echo(tok)


# --- db -------------------------------------------------------------------------------------------------------------
@db_app.command(
    "upgrade",
    help=("Apply the schema migrations to [bold]SCAMSHIELD_DATABASE_URL[/] (default: SQLite under "
          "SCAMSHIELD_DATA_DIR).\n\nSafe to run repeatedly; [bold]serve[/] runs it too before listening. An "
          "unreachable database is one red line naming the host, exit code 2."),
    epilog="Examples:\n\n  scamshield db upgrade\n\n"
           "  SCAMSHIELD_DATABASE_URL=postgresql+asyncpg://shield:pw@db:5432/shield scamshield db upgrade",
)
def db_upgrade(revision: str = typer.Argument("heads", help="Target Alembic revision (default: the latest).")) -> None:
    """Apply the schema migrations (safe to run repeatedly; serve runs it too)."""
    settings = load_settings()
    prepare_database(settings.resolved_database_url, revision)
    typer.secho("database is up to date", fg=typer.colors.GREEN, err=True)


SERVE_HELP = (
    "Apply migrations, then serve the HTTP API, the WebSocket [bold]/api/ws[/], the Twilio webhooks and the "
    "console on one port.\n\n"
    "Configuration comes from [bold]SCAMSHIELD_*[/] environment variables (docs/operations.md lists them all). "
    "With [bold]SCAMSHIELD_ENV=production[/] it refuses to start on missing or default secrets. A database that "
    "cannot be reached or a bad setting is one red line and exit code 2."
)
TOKEN_HELP = (
    "Print a bearer token (HS256) for USER_ID signed with the configured secret. [bold]The last line of stdout is "
    "the token.[/]\n\n"
    "In development the secret is generated once under SCAMSHIELD_DATA_DIR, so [bold]token[/] and [bold]serve[/] "
    "agree. With RS256/JWKS (tokens from your identity provider) there is nothing to mint here."
)
SERVE_EPILOG = (
    "Examples:\n\n"
    "  scamshield serve\n\n"
    "  scamshield serve --host 0.0.0.0 --port 8080 --proxy-ips 10.0.0.2\n\n"
    "  SCAMSHIELD_REDIS_URL=redis://127.0.0.1:6379/0 scamshield serve --workers 2"
)
TOKEN_EPILOG = (
    "Examples:\n\n"
    "  TOKEN=$(scamshield token alice --phone +919876543210 | tail -n1)\n\n"
    "  scamshield token ops --role admin --ttl 30m\n\n"
    "  scamshield token twilio-bridge --role service --ttl 7d"
)


def register(app: typer.Typer) -> None:
    app.command(help=SERVE_HELP, epilog=SERVE_EPILOG, rich_help_panel="Service")(serve)
    app.command(help=TOKEN_HELP, epilog=TOKEN_EPILOG, rich_help_panel="Service")(token)
    app.add_typer(db_app, name="db", rich_help_panel="Service")

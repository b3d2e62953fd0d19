"""`scamshield serve`, `scamshield token`, `scamshield db upgrade`."""

from __future__ import annotations

import sys

import typer

from scamshield.errors import ConfigError

db_app = typer.Typer(help="Database schema management.", no_args_is_help=True)


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (use several instances with Redis to scale out)."),
) -> None:
    """Apply migrations and serve the API, WebSocket and console."""
    import uvicorn

    from scamshield.api.app import create_app
    from scamshield.logging_setup import configure_logging
    from scamshield.settings import Settings

    try:
        settings = Settings()
        configure_logging(settings.log_level, json_logs=settings.is_production)
        app = create_app(settings)
    except ConfigError as exc:
        _fail(exc.message)
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, ws_max_size=settings.ws_max_message_bytes,
                timeout_graceful_shutdown=10, proxy_headers=True, forwarded_allow_ips="127.0.0.1")


def token(
    user_id: str = typer.Argument(..., help="The user id (JWT `sub`)."),
    phone: str = typer.Option(None, "--phone", help="The user's phone number, e.g. +919876543210 (E.164 claim)."),
    role: list[str] = typer.Option(None, "--role", help="Role claim: admin or service (repeatable)."),
    ttl: str = typer.Option("1h", "--ttl", help="Lifetime: 30m, 1h, 7d..."),
) -> None:
    """Print a token signed with the configured secret. The last line of stdout is the token."""
    from scamshield.auth import mint_token, parse_ttl
    from scamshield.settings import Settings

    try:
        tok = mint_token(Settings(), user_id, phone=phone, roles=list(role or []), ttl_seconds=parse_ttl(ttl))
    except (ValueError, ConfigError) as exc:
        _fail(str(getattr(exc, "message", exc)))
    if sys.stderr.isatty():
        typer.secho(f"token for {user_id} (valid {ttl}):", err=True, fg=typer.colors.GREEN)
    typer.echo(tok)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("heads", help="Target revision.")) -> None:
    """Apply migrations up to REVISION (default: all)."""
    from scamshield.settings import Settings
    from scamshield.store.migrate import upgrade

    settings = Settings()
    try:
        upgrade(settings.resolved_database_url, revision)
    except Exception as exc:  # unreachable database, bad URL...
        _fail(f"could not migrate the database: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    typer.secho("database is up to date", fg=typer.colors.GREEN, err=True)


def register(app: typer.Typer) -> None:
    app.command(help="Apply migrations and serve the API, WebSocket and console.")(serve)
    app.command(help="Print a signed token for USER_ID (development / service integrations).")(token)
    app.add_typer(db_app, name="db")

"""`scamshield purge`: delete personal data older than the retention period (analyses, transcripts, alerts; the
transcript context and caller number kept with old calls), and blank the transcript text of calls that ended more
than SCAMSHIELD_CALL_SCRUB_HOURS ago.

The server also does this every hour; the command is for cron-driven deployments and for checking what would go.
"""

from __future__ import annotations

import asyncio

import typer


def purge(
    days: int = typer.Option(None, "--days", min=1, help="Retention in days (default: SCAMSHIELD_RETENTION_DAYS)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would be deleted."),
) -> None:
    """Delete analyses, transcript segments and alerts older than the retention period."""
    from scamshield.cli.server import load_settings, warn_missing_data_dir
    from scamshield.store.base import utcnow
    from scamshield.store.migrate import upgrade
    from scamshield.store.retention import purge_expired, purge_in_batches
    from scamshield.store.session import Database

    settings = load_settings()
    retention = days if days is not None else settings.retention_days
    if retention <= 0:
        typer.secho("retention is disabled (retention_days <= 0): nothing to do", err=True)
        return
    url = settings.resolved_database_url
    if not settings.database_url:  # the default SQLite database under the data directory
        warn_missing_data_dir(settings, "there is no database to check (a dry run creates nothing)" if dry_run
                              else "a new, empty database is created there")
        db_file = settings.data_dir / "scamshield.db"
        if dry_run and not db_file.exists():  # read-only: create neither the directory nor the database
            typer.echo(f"would delete (older than {retention} days): nothing (no database at {db_file.resolve()})")
            return

    async def run() -> dict[str, int]:
        db = Database(url)
        try:
            if dry_run:
                async with db.session() as session:
                    return await purge_expired(session, utcnow(), retention, dry_run=True,
                                               scrub_after_hours=settings.call_scrub_hours)
            return await purge_in_batches(db, retention, scrub_after_hours=settings.call_scrub_hours)
        finally:
            await db.dispose()

    try:
        upgrade(url)
        counts = asyncio.run(run())
    except Exception as exc:  # unreachable database, bad URL...
        typer.secho(f"error: could not purge: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}",
                    fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None
    verb = "would delete" if dry_run else "deleted"
    typer.echo(f"{verb} (older than {retention} days): " + ", ".join(f"{k}={v}" for k, v in counts.items()))


def register(app: typer.Typer) -> None:
    app.command(help="Delete personal data older than the retention period (analyses, transcripts, alerts).")(purge)

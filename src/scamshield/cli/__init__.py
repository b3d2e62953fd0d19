"""The ``scamshield`` command line. Each sub-module registers its commands on the one Typer app."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="scamshield",
    help="ScamShield: scam-protection backend. Analyse URLs, SMS, UPI QR codes and payments; serve the API.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from scamshield.cli import analyze, data, quality, server

    for module in (server, analyze, quality, data):
        module.register(app)


def main() -> None:
    _register()
    app()

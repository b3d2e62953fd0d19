"""Run a real ScamShield server process (uvicorn) for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    def __init__(self, env: dict[str, str], port: int | None = None, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self._log = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> "ServerProcess":
        env = {**os.environ, **self.env}
        out = subprocess.DEVNULL
        if self.log_path is not None:
            self._log = open(self.log_path, "ab")
            out = self._log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "scamshield", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early with {self.proc.returncode} (log: {self.log_path})")
            try:
                if httpx.get(self.base_url + "/health", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("server did not become healthy in time")

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, like a crash."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self._log:
            self._log.close()
            self._log = None

    def __enter__(self) -> "ServerProcess":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ServerGroup:
    """Real server processes sharing one database and one Redis (multi-instance tests): each started with the same
    test settings plus ``extra_env``, its data directory and log under ``logs``."""

    def __init__(self, db_url: str, redis_url: str, logs: Path, secret: str,
                 extra_env: dict[str, str] | None = None) -> None:
        self.db_url, self.redis_url, self.logs, self.secret = db_url, redis_url, logs, secret
        self.extra_env = dict(extra_env or {})
        self.servers: list[ServerProcess] = []

    def start(self, name: str) -> ServerProcess:
        env = {"SCAMSHIELD_ENV": "test", "SCAMSHIELD_DATABASE_URL": self.db_url, "SCAMSHIELD_REDIS_URL": self.redis_url,
               "SCAMSHIELD_JWT_SECRET": self.secret, "SCAMSHIELD_DATA_DIR": str(self.logs / name),
               "SCAMSHIELD_RATE_LIMIT_USER": "off", "SCAMSHIELD_RATE_LIMIT_IP": "off",
               "SCAMSHIELD_RATE_LIMIT_SERVICE": "off", "SCAMSHIELD_LOG_LEVEL": "INFO", **self.extra_env}
        server = ServerProcess(env, log_path=self.logs / f"{name}.log").start(timeout=90)
        self.servers.append(server)
        return server

    def stop(self) -> None:
        for server in self.servers:
            server.stop()

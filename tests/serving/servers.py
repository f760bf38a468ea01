"""Real gunicorn servers on free loopback ports, for tests that need separate processes."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(**extra):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return inherited | {
        "DJANGO_ENV_FILE": "/nonexistent/.env",
        "DJANGO_SECRET_KEY": "insecure-key-for-tests-only",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def run_manage(*args, **environment):
    return subprocess.run(  # noqa: S603 - this project's own manage.py
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=server_environment(**environment),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


def get(url, timeout=5, headers=None):
    """(status, headers, body) without raising on error statuses."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - http://127.0.0.1 only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback test server
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


class Server:
    def __init__(self, log_path, workers=1, port=None, options=(), **environment):
        """gunicorn on 127.0.0.1:`port` (a free one by default), with extra command-line `options`."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        env = server_environment(BIND=f"127.0.0.1:{self.port}", WEB_CONCURRENCY=str(workers), **environment)
        self.process = subprocess.Popen(  # noqa: S603 - this project's own server
            [GUNICORN, "-c", "gunicorn.conf.py", *options, "clinic_site.wsgi"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_ready(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not start; its log:\n{Path(self.log.name).read_text()}")

    def workers(self):
        """The worker processes' ids (children of the gunicorn master)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def get(self, path, **kwargs):
        return get(self.url + path, **kwargs)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # quick shutdown: nothing here needs the graceful one
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class SilentServer:
    """A server on a free loopback port that accepts every connection and never answers: a hung Redis or database."""

    def __enter__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections, self.stopping = [], threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        return self

    def _accept(self):
        while not self.stopping.is_set():
            with contextlib.suppress(TimeoutError):
                self.connections.append(self.socket.accept()[0])

    def __exit__(self, *exc_info):
        self.stopping.set()
        self.thread.join()
        for connection in [*self.connections, self.socket]:
            connection.close()

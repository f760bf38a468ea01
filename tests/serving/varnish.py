"""A real Varnish (Debian's varnishd, with xkey) on a free loopback port, in front of a test's gunicorn."""

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from django.conf import settings

from tests.conftest import tool_missing

from .servers import free_port, get

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def varnish_vcl(backend_port):
    """The repository's VCL, pointed at a test's app server instead of 127.0.0.1:8000."""
    vcl = VCL.read_text()
    assert vcl.count('.port = "8000";') == 2, "the VCL's backends moved: update this helper"
    return vcl.replace('.port = "8000";', f'.port = "{backend_port}";')


class Varnish:
    def __init__(self, folder, backend_port, port=None):
        if not Path(VARNISHD).exists():
            tool_missing("Varnish is not installed: apt-get install varnish varnish-modules")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        vcl = self.folder / "default.vcl"
        vcl.write_text(varnish_vcl(backend_port))
        self.log = open(self.folder / "varnishd.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - Debian's varnishd
            [
                VARNISHD,
                "-F",
                "-n", str(self.folder / "work"),
                "-a", f"127.0.0.1:{self.port}",
                "-T", f"127.0.0.1:{free_port()}",
                "-f", str(vcl),
                "-s", "malloc,64m",
                "-j", "none",  # no separate user: it reads the test's private folders
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_until_ready(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"varnishd did not start; its log:\n{(self.folder / 'varnishd.log').read_text()}")

    def get(self, path, **kwargs):
        return get(self.url + path, **kwargs)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def from_cache(headers):
    """Whether Varnish answered from its cache: X-Varnish then names this request and the one that stored the page."""
    return len(headers["X-Varnish"].split()) == 2

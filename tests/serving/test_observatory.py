"""Mozilla's HTTP Observatory grades the site, served as in production, A+ (100 points or more).

MDN's own scanner (npm @mdn/mdn-http-observatory, pinned in package.json) scans real servers the
way it scans a public site: https://localhost/ on port 443, and http://localhost/ on port 80, which
must redirect there. gunicorn serves both with production settings (DEBUG off, DJANGO_HTTPS=true),
terminating TLS itself with a certificate from a throwaway certificate authority the scanner is
told to trust; behind a load balancer the headers are the same. Ports 80 and 443 need root, as CI
runs: elsewhere the test is skipped, and under CI=true it fails.
"""

import json
import os
import socket
import subprocess

import pytest
from django.conf import settings

from tests.conftest import tool_missing

from .servers import Server, run_manage

SCANNER = settings.BASE_DIR / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"


def port_is_free(port):
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.fixture
def production_site(tmp_path):
    if not SCANNER.exists():
        tool_missing("The MDN HTTP Observatory is not in node_modules: run `npm ci` (needs the Debian package npm)")
    if os.geteuid() != 0 or not (port_is_free(80) and port_is_free(443)):
        tool_missing("Scanning as on the web needs ports 80 and 443 on 127.0.0.1: run as root, with them free")
    import trustme

    authority = trustme.CA()
    certificate = authority.issue_cert("localhost")
    authority.cert_pem.write_to_path(str(tmp_path / "authority.pem"))
    certificate.cert_chain_pems[0].write_to_path(str(tmp_path / "certificate.pem"))
    certificate.private_key_pem.write_to_path(str(tmp_path / "key.pem"))
    environment = {
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "true",
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "OUTAGE_CONTACT_FILE": str(tmp_path / "outage-contact.json"),
    }
    run_manage("migrate", "--noinput", "-v0", **environment)
    run_manage("collectstatic", "--noinput", "-v0", "-i", "admin", "-i", "django_prose_editor", **environment)
    tls = ["--certfile", str(tmp_path / "certificate.pem"), "--keyfile", str(tmp_path / "key.pem")]
    servers = [
        Server(tmp_path / "https.log", port=443, options=tls, **environment),
        Server(tmp_path / "http.log", port=80, **environment),
    ]
    try:
        for server in servers:
            server.wait_until_ready()
        yield tmp_path / "authority.pem"
    finally:
        for server in servers:
            server.stop()


def test_the_site_served_as_in_production_gets_observatory_grade_a_plus(production_site):
    # The scanner itself, not its `bin` wrapper: that one points Node at a certificate bundle
    # which its install script downloads, and `npm ci --ignore-scripts` skips.
    scan = subprocess.run(  # noqa: S603 - the pinned scanner, on localhost
        ["node", str(SCANNER), "localhost"],  # noqa: S607 - Node from the system, as npm is
        env=os.environ | {"NODE_EXTRA_CA_CERTS": str(production_site)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(scan.stdout)
    assert "scan" in report, report
    failed = {name: test["result"] for name, test in report["tests"].items() if not test["pass"]}
    assert failed == {}
    assert report["scan"]["grade"] == "A+"
    assert report["scan"]["score"] >= 100

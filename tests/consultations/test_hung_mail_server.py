"""A mail server that accepts connections and never answers does not keep the patient waiting."""

import http.cookiejar
import re
import socket
import sqlite3
import threading
import time
import urllib.parse
import urllib.request

import pytest
from django.core import signing

from consultations.forms import RENDERED_AT_SALT
from tests.serving.servers import Server, run_manage


@pytest.fixture
def hung_mail_server():
    """A port that completes every connection and then says nothing, as a wedged SMTP server does."""
    listener = socket.create_server(("127.0.0.1", 0))
    held = []

    def accept():
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for connection in held:
        connection.close()


@pytest.fixture
def site(tmp_path):
    environment = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "OUTAGE_CONTACT_FILE": str(tmp_path / "outage-contact.json"),
    }
    run_manage("migrate", "--noinput", "-v0", **environment)
    run_manage("collectstatic", "--noinput", "-v0", "-i", "admin", "-i", "django_prose_editor", **environment)
    with sqlite3.connect(tmp_path / "db.sqlite3") as database:
        database.execute("UPDATE practice_clinic SET intake_emails = 'frontdesk@example.com'")
    return {"folder": tmp_path, "environment": environment}


def pending_requests(site):
    with sqlite3.connect(site["folder"] / "db.sqlite3") as database:
        return database.execute("SELECT COUNT(*) FROM consultations_consultationrequest WHERE notified_at IS NULL")


def test_the_thank_you_page_comes_at_once_and_the_notification_waits_for_the_retry(site, hung_mail_server):
    server = Server(
        site["folder"] / "server.log",
        workers=2,
        EMAIL_URL=f"smtp://127.0.0.1:{hung_mail_server}",
        **site["environment"],
    ).wait_until_ready()
    try:
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        form_page = browser.open(server.url + "/request-consultation/", timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page)[1]
        shown = signing.dumps(time.time() - 60, salt=RENDERED_AT_SALT, key="insecure-key-for-tests-only")
        fields = {
            "csrfmiddlewaretoken": token,
            "full_name": "José García",
            "phone": "(310) 555-0123",
            "preferred_contact": "phone",
            "best_time": "morning",
            "consent": "on",
            "rendered_at": shown,
        }
        started = time.monotonic()
        with browser.open(server.url + "/request-consultation/", urllib.parse.urlencode(fields).encode(), 30) as page:
            thanks, address = page.read().decode(), page.url
        waited = time.monotonic() - started
    finally:
        server.stop()
    assert address.endswith("/request-consultation/thanks/")
    assert "Thank you: we have your request" in thanks
    assert waited < 5, f"the patient waited {waited:.1f} s for the thank-you page"
    assert pending_requests(site).fetchone() == (1,)

    retry = run_manage("send_pending_notifications", EMAIL_URL="consolemail://", **site["environment"])
    assert "Sent 1 pending notification(s); 0 still pending." in retry.stdout
    assert pending_requests(site).fetchone() == (0,)

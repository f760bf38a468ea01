"""Separate server processes: shared invalidation, a killed worker, an unreachable database, static files."""

import json
import os
import signal
import socket
import time

import pytest

from .servers import Server, SilentServer, run_manage

TREATMENT = "/treatments/stem-cell-therapy/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated SQLite database with the launch content, and collected static files, for servers to share."""
    folder = tmp_path_factory.mktemp("site")
    environment = {
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "OUTAGE_CONTACT_FILE": str(folder / "outage-contact.json"),
    }
    run_manage("migrate", "--noinput", "-v0", **environment)
    # The admin's and editor's files are not needed here, and compressing them takes most of the time.
    run_manage("collectstatic", "--noinput", "-v0", "-i", "admin", "-i", "django_prose_editor", **environment)
    return {"folder": folder, "environment": environment}


@pytest.fixture
def servers(site):
    started = []

    def start(workers=1, **environment):
        server = Server(site["folder"] / f"server-{len(started)}.log", workers, **(site["environment"] | environment))
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def test_an_edit_shows_on_both_servers_on_their_very_next_request(site, servers):
    one, two = servers(), servers()
    one.wait_until_ready(), two.wait_until_ready()
    site_name = {"Host": "localhost"}  # as behind a load balancer: one site name for every server
    status, headers, _ = one.get(TREATMENT, headers=site_name)
    assert status == 200
    status, headers, _ = two.get(TREATMENT, headers=site_name)
    assert headers["X-Cache"] == "hit"  # the cache is shared: the first server's render
    run_manage(
        "shell",
        "-c",
        "from treatments.models import Treatment; t = Treatment.objects.get(slug='stem-cell-therapy');"
        "t.summary = 'Summary corrected by staff.'; t.save()",
        **site["environment"],
    )
    for server in (two, one):
        status, headers, body = server.get(TREATMENT, headers=site_name)
        assert status == 200
        assert "Summary corrected by staff." in body, server.url


def test_a_worker_killed_while_serving_is_replaced_and_the_next_request_succeeds(servers):
    server = servers(workers=2).wait_until_ready()
    assert server.get("/healthz")[0] == 200
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as hanging:
        hanging.sendall(b"GET /faq/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # a request still arriving
        time.sleep(0.2)
        for pid in server.workers():
            os.kill(pid, signal.SIGKILL)
    status, _, body = server.get("/faq/", timeout=15)
    assert status == 200
    assert "<h1" in body
    deadline = time.monotonic() + 10
    while len(server.workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(server.workers()) == 2


def test_an_unreachable_database_gets_the_outage_page_and_an_unhealthy_health_check(site, servers):
    contact = site["folder"] / "outage-contact.json"
    contact.write_text(json.dumps({"name": "BioHealth Pain Management", "phone": "(310) 555-0100"}))
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    server = servers(
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{port}/clinic",
        CACHE_URL="dummycache://",
        OUTAGE_CONTACT_FILE=str(contact),
    ).wait_until_ready()
    status, headers, body = server.get("/faq/")
    assert status == 503
    assert "Our website is briefly unavailable" in body
    assert "(310) 555-0100" in body and 'href="tel:+13105550100"' in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert "/static/css/site." in body
    status, headers, body = server.get("/healthz")
    assert status == 503
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable", "cache": "unavailable"}


def test_a_hung_database_gets_the_outage_page_in_seconds_and_cached_pages_are_still_served(site, servers):
    contact = site["folder"] / "outage-contact.json"
    contact.write_text(json.dumps({"name": "BioHealth Pain Management", "phone": "(310) 555-0100"}))
    shared = {"CACHE_URL": f"filecache://{site['folder'] / 'shared-cache'}", "OUTAGE_CONTACT_FILE": str(contact)}
    site_name = {"Host": "localhost"}
    working = servers(**shared).wait_until_ready()
    assert working.get("/faq/", headers=site_name)[0] == 200  # now in the shared page cache
    with SilentServer() as database:  # accepts connections, never answers: as a hung PostgreSQL
        hung = servers(DATABASE_URL=f"postgres://clinic@127.0.0.1:{database.port}/clinic", **shared)
        hung.wait_until_ready()
        started = time.monotonic()
        status, headers, body = hung.get(TREATMENT, headers=site_name, timeout=30)
        assert status == 503
        assert "Our website is briefly unavailable" in body and "(310) 555-0100" in body
        assert time.monotonic() - started < 10  # connect timeout 3 s, not gunicorn's 30 s
        started = time.monotonic()
        status, _, body = hung.get("/healthz", timeout=30)
        assert (status, json.loads(body)["database"]) == (503, "unavailable")
        assert time.monotonic() - started < 10
        started = time.monotonic()
        status, headers, body = hung.get("/faq/", headers=site_name, timeout=30)
        assert (status, headers["X-Cache"]) == (200, "hit")
        assert "Frequently asked questions" in body
        assert time.monotonic() - started < 1


def test_hashed_static_files_are_cached_for_ever_and_compressed(servers):
    server = servers().wait_until_ready()
    _, _, page = server.get("/")
    css = page.split('href="/static/css/', 1)[1].split('"', 1)[0]
    status, headers, _ = server.get(f"/static/css/{css}", headers={"Accept-Encoding": "br"})
    assert status == 200
    assert "immutable" in headers["Cache-Control"] and "max-age=315360000" in headers["Cache-Control"]
    assert headers["Content-Encoding"] == "br"

"""Varnish, from Debian's packages with deploy/varnish/default.vcl, in front of a real gunicorn."""

import html
import http.cookiejar
import json
import time
import urllib.parse
import urllib.request
from types import SimpleNamespace

import pytest

from tests.conftest import form_data

from .servers import Server, free_port, run_manage
from .varnish import Varnish, from_cache

CONDITION = "/conditions/chronic-back-pain/"
TREATMENT = "/treatments/stem-cell-therapy/"
STAFF_PASSWORD = "a long password for the edge tests"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


def shell(code, environment):
    """Run Python in manage.py shell against the test site; what it prints, as JSON."""
    return json.loads(run_manage("shell", "-c", code, **environment).stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated SQLite site with a member of staff, a draft and a review link of it, and collected static files."""
    folder = tmp_path_factory.mktemp("edge")
    environment = {
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "OUTAGE_CONTACT_FILE": str(folder / "outage-contact.json"),
        "ADMIN_REQUIRE_2FA": "false",
    }
    run_manage("migrate", "--noinput", "-v0", **environment)
    # The rich-text editor's files are not needed here (no page below uses it), and compressing them is slow.
    run_manage("collectstatic", "--noinput", "-v0", "-i", "django_prose_editor", **environment)
    made = shell(
        "import json; from datetime import timedelta; from django.utils import timezone;"
        "from django.contrib.auth.models import User; from django.contrib.contenttypes.models import ContentType;"
        "from publishing.models import PreviewLink; from treatments.models import Treatment;"
        f"user = User.objects.create_superuser('editor', 'editor@example.com', {STAFF_PASSWORD!r});"
        "draft = Treatment.objects.create(name='Draft therapy', slug='draft-therapy', summary='Not yet.',"
        " is_published=False);"
        "link = PreviewLink.objects.create(content_type=ContentType.objects.get_for_model(draft), object_id=draft.pk,"
        " created_by=user, expires_at=timezone.now() + timedelta(days=1));"
        "from faq.models import Topic; topic = Topic.objects.published().first();"
        "print(json.dumps({'review_link': link.get_absolute_url(), 'topic': [topic.pk, topic.name]}))",
        environment,
    )
    return {"folder": folder, "environment": environment, **made}


@pytest.fixture(scope="module")
def edge(site):
    """gunicorn, and Varnish in front of it that the app purges."""
    varnish_port = free_port()
    environment = site["environment"] | {"EDGE_CACHE_URLS": f"http://127.0.0.1:{varnish_port}"}
    app = Server(site["folder"] / "gunicorn.log", workers=2, **environment).wait_until_ready()
    varnish = Varnish(site["folder"] / "varnish", app.port, port=varnish_port).wait_until_ready()
    wait_until_healthy(varnish)
    yield {"varnish": varnish, "app": app, "environment": environment}
    varnish.stop()
    app.stop()


def wait_until_healthy(varnish, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if varnish.get("/healthz")[0] == 200:
            return
        time.sleep(0.2)
    raise RuntimeError("the app server behind Varnish never became healthy")


def test_a_page_is_served_from_varnish_on_the_second_request(edge):
    """The first request stores the page; the second is Varnish's copy, with the app's security headers."""
    varnish = edge["varnish"]
    status, first, body = varnish.get(CONDITION)
    assert status == 200 and not from_cache(first)
    status, second, cached = varnish.get(CONDITION)
    assert status == 200 and from_cache(second)
    assert cached == body
    for name in SECURITY_HEADERS:
        assert second[name] == first[name], name
    # Browsers keep revalidating; s-maxage was for the shared cache only.
    assert second["Cache-Control"] == "max-age=0"
    assert "Surrogate-Key" not in second and "xkey" not in second
    status, revalidated, _ = varnish.get(CONDITION, headers={"If-None-Match": second["ETag"]})
    assert status == 304 and from_cache(revalidated)


def test_tracking_parameters_stray_cookies_and_encodings_share_one_stored_page(edge):
    """A campaign link, an analytics cookie or a browser's Accept-Encoding still gets Varnish's one stored copy."""
    varnish = edge["varnish"]
    varnish.get("/faq/")
    _, headers, _ = varnish.get("/faq/")
    assert from_cache(headers)
    stored = headers["X-Varnish"].split()[1]
    for path, extra in [
        ("/faq/?utm_source=newsletter&utm_medium=email&gclid=abc", {}),
        ("/faq/?fbclid=1&msclkid=2", {}),
        # A cache-busting loop's made-up parameters.
        ("/faq/?x=1", {}),
        ("/faq/?utm_source=a&x=2&y=3", {}),
        ("/faq/", {"Cookie": "_ga=GA1.2.3; theme=dark"}),
        ("/faq/", {"Accept-Encoding": "gzip, deflate, br"}),
        ("/faq/", {"Accept-Encoding": "br"}),
    ]:
        status, headers, _ = varnish.get(path, headers=extra)
        assert status == 200 and from_cache(headers), (path, extra)
        assert headers["X-Varnish"].split()[1] == stored, (path, extra)
        expected = "gzip" if "gzip" in extra.get("Accept-Encoding", "") else None
        assert headers["Content-Encoding"] == expected, (path, extra)


def test_each_search_and_each_list_page_still_gets_its_own_answer_through_varnish(edge):
    """Varnish keys on no parameter but a list's page number, yet a search for "knee" never gets one for "back"."""
    varnish = edge["varnish"]
    for query in ("knee", "back", "knee"):
        status, headers, body = varnish.get(f"/search/?q={query}")
        assert status == 200 and not from_cache(headers)
        assert f'value="{query}"' in body
    varnish.get("/treatments/")
    _, first, _ = varnish.get("/treatments/")
    status, _, _ = varnish.get("/treatments/?page=2")
    assert status == 404  # one page of treatments in the launch content: page 2 is not served from page 1's copy
    assert from_cache(first)


@pytest.mark.parametrize(
    "path", ["/request-consultation/", "/request-consultation/thanks/", "/admin/login/", "review link", "/healthz"]
)
def test_personal_and_operational_pages_are_never_stored_by_varnish(edge, site, path):
    """The form, its thank-you page, the admin, a review link and the health check always come from the app."""
    path = site["review_link"] if path == "review link" else path
    for _ in range(3):
        status, headers, _ = edge["varnish"].get(path)
        assert status == 200, path
        assert not from_cache(headers) and headers["Age"] == "0", path


class Browser:
    """A member of staff's browser, with cookies, through Varnish."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, path, fields=None):
        data = urllib.parse.urlencode(fields, doseq=True).encode() if fields is not None else None
        with self.opener.open(self.base_url + path, data=data, timeout=15) as response:  # noqa: S310 - loopback
            return response.headers, response.read().decode(), response.url

    def form(self, path):
        """What the page's form would send, with the CSRF token."""
        _, page, _ = self.open(path)
        token = next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")
        return form_data(SimpleNamespace(content=page.encode())) | {"csrfmiddlewaretoken": token}

    def sign_in(self):
        fields = self.form("/admin/login/") | {"username": "editor", "password": STAFF_PASSWORD}
        _, page, url = self.open("/admin/login/", fields)
        assert url.endswith("/admin/"), page


def test_a_change_saved_in_the_admin_is_visible_through_varnish_on_the_very_next_request(edge, site):
    """Staff sign in and save through Varnish (their requests pass it); the very next anonymous request shows it."""
    varnish = edge["varnish"]
    topic, name = site["topic"][0], html.escape(site["topic"][1])
    varnish.get("/faq/")
    _, headers, body = varnish.get("/faq/")
    assert from_cache(headers)
    assert name in body

    staff = Browser(varnish.url)
    staff.sign_in()
    change = f"/admin/faq/topic/{topic}/change/"
    fields = staff.form(change) | {"name": "Topic renamed by staff", "_save": "Save"}
    _, page, url = staff.open(change, fields)
    assert url.endswith("/admin/faq/topic/"), page

    status, headers, body = varnish.get("/faq/")
    assert status == 200
    assert "Topic renamed by staff" in body and name not in body
    _, headers, _ = varnish.get("/faq/")
    assert from_cache(headers)  # and it is stored again


def test_a_staff_draft_preview_is_never_stored_by_varnish(edge):
    """A signed-in editor's draft preview passes Varnish; visitors asking for it still get a 404."""
    varnish = edge["varnish"]
    staff = Browser(varnish.url)
    staff.sign_in()
    for _ in range(2):
        headers, page, _ = staff.open("/treatments/draft-therapy/")
        assert "Draft - not visible to patients" in page
        assert not from_cache(headers)
    status, headers, page = varnish.get("/treatments/draft-therapy/")
    assert status == 404
    assert "Draft therapy" not in page


def test_a_scheduled_page_appears_and_disappears_on_time_through_varnish(edge):
    """A treatment scheduled seconds ahead shows on the list when due, and leaves it when due, via Varnish."""
    varnish = edge["varnish"]
    times = shell(
        "import json; from datetime import timedelta; from django.utils import timezone;"
        "from treatments.models import Treatment; now = timezone.now();"
        "Treatment.objects.create(name='Scheduled therapy', slug='scheduled-therapy', summary='Soon.',"
        " is_published=True, publish_at=now + timedelta(seconds=8), unpublish_at=now + timedelta(seconds=13));"
        "print(json.dumps([(now + timedelta(seconds=8)).timestamp(), (now + timedelta(seconds=13)).timestamp()]))",
        edge["environment"],
    )
    appears, disappears = times
    assert time.time() < appears - 1, "the machine is too slow for this test's few seconds"

    varnish.get("/treatments/")
    _, headers, body = varnish.get("/treatments/")
    assert from_cache(headers)
    assert "Scheduled therapy" not in body

    time.sleep(max(0, appears - time.time()) + 0.2)
    _, _, body = varnish.get("/treatments/")
    assert "Scheduled therapy" in body
    _, headers, body = varnish.get("/treatments/")
    assert from_cache(headers) and "Scheduled therapy" in body

    time.sleep(max(0, disappears - time.time()) + 0.2)
    _, _, body = varnish.get("/treatments/")
    assert "Scheduled therapy" not in body


def test_with_the_app_server_stopped_varnish_still_serves_cached_pages(site):
    """Pages past their s-maxage are still served while the app fails its health check; pages never cached are not."""
    varnish_port = free_port()
    environment = site["environment"] | {
        "EDGE_CACHE_URLS": f"http://127.0.0.1:{varnish_port}",
        "PAGE_CACHE_SECONDS": "2",
    }
    app = Server(site["folder"] / "gunicorn-outage.log", **environment).wait_until_ready()
    varnish = Varnish(site["folder"] / "varnish-outage", app.port, port=varnish_port).wait_until_ready()
    try:
        wait_until_healthy(varnish)
        varnish.get(CONDITION)
        status, headers, body = varnish.get(CONDITION)
        assert status == 200 and from_cache(headers)
        app.stop()
        time.sleep(3.5)  # the page's 2 s are over, and the health probe has failed
        status, headers, stale = varnish.get(CONDITION)
        assert status == 200 and from_cache(headers)
        assert int(headers["Age"]) >= 3
        assert stale == body
        assert varnish.get("/faq/")[0] == 503
    finally:
        varnish.stop()
        app.stop()

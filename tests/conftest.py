import html
import os
import re
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, override_settings
from django.utils.text import slugify

from faq.models import Question, Topic
from practice.models import Provider
from serving import cache_circuit
from treatments.models import Condition, Treatment


@pytest.fixture(autouse=True)
def _static_without_manifest(settings):
    # Tests render pages without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session", autouse=True)
def _private_runtime_files(tmp_path_factory):
    # The embedded file cache and the outage page's contact file live in var/, shared with a running
    # `make run` and with other test runs in the same tree: give this run its own (and its servers too).
    folder = tmp_path_factory.mktemp("var")
    overrides = {"OUTAGE_CONTACT_FILE": folder / "outage-contact.json", "MEDIA_ROOT": folder / "media"}
    environment = {"OUTAGE_CONTACT_FILE": str(folder / "outage-contact.json"), "MEDIA_ROOT": str(folder / "media")}
    if settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache":
        overrides["CACHES"] = {"default": {**settings.CACHES["default"], "LOCATION": str(folder / "cache")}}
        environment["CACHE_URL"] = f"filecache://{folder / 'cache'}"
    with override_settings(**overrides), mock.patch.dict(os.environ, environment):
        yield


@pytest.fixture(autouse=True)
def _second_factor_off(settings):
    # The admin's one-time codes are on in production; tests that need them switch them on.
    settings.ADMIN_REQUIRE_2FA = False


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits, cached pages and a cache's past failures must not leak from one test into the next.
    cache_circuit.close_all()
    cache.clear()


@pytest.fixture
def migrate(transactional_db, django_db_serialized_rollback):
    """`migrate(targets)` migrates the test database there and returns its historical apps; `migrate()` to the latest.

    The database is migrated to the latest again after the test. Schema changes cannot run inside a
    test's transaction, so these are transactional tests; serialized rollback gives the tests after
    them the migrations' data back (only if the test module has no `pytestmark = pytest.mark.django_db`:
    pytest-django would then not keep that data).
    """

    def migrate_to(targets=None):
        executor = MigrationExecutor(connection)
        return executor.migrate(targets or executor.loader.graph.leaf_nodes()).apps

    yield migrate_to
    migrate_to()


IN_CI = os.environ.get("CI", "").lower() in ("true", "1")


def tool_missing(problem):
    """Skip the current test for want of a tool; under CI=true fail it, as CI installs every tool."""
    if IN_CI:
        pytest.fail(f"{problem} (CI=true: this test must run).", pytrace=False)
    pytest.skip(f"{problem} (outside CI this is a skip; under CI=true it fails).")


def page_text(response):
    """What a reader sees: the page's text without tags, entities decoded, whitespace collapsed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _builder(model, name_field, **defaults):
    def build(name, **fields):
        values = {name_field: name, "slug": slugify(name), "is_published": True, **defaults, **fields}
        relations = {key: values.pop(key) for key in ("conditions", "providers") if key in values}
        obj = model.objects.create(**values)
        for key, related in relations.items():
            getattr(obj, key).set(related)
        return obj

    return build


@pytest.fixture
def make_treatment(db):
    return _builder(Treatment, "name", summary="A short summary.", body="<p>How it is done.</p>")


@pytest.fixture
def make_condition(db):
    return _builder(Condition, "name")


@pytest.fixture
def make_provider(db):
    return _builder(Provider, "name")


@pytest.fixture
def make_topic(db):
    return _builder(Topic, "name")


@pytest.fixture
def make_question(db):
    return _builder(Question, "question", answer="<p>An answer.</p>")


@pytest.fixture
def staff_client(django_user_model):
    """A signed-in content editor: staff, allowed to view and change the site's content."""
    user = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["practice", "treatments", "faq", "flatpages"])
    )
    client = Client()
    client.force_login(user)
    return client


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.data[name] = [attrs.get("value", "")]
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def form_data(response):
    """The values a browser would submit from the page's form, as a dict for Client.post()."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {key: values if len(values) != 1 else values[0] for key, values in reader.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return {key: value.removeprefix("\n") if isinstance(value, str) else value for key, value in data.items()}

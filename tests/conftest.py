import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.utils.text import slugify

from faq.models import Question, Topic
from practice.models import Provider
from treatments.models import Condition, Treatment


@pytest.fixture(autouse=True)
def _static_without_manifest(settings):
    # Tests render pages without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and cached pages must not leak from one test into the next.
    cache.clear()


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

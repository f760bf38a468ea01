"""Every kind of page declared in a content.py keeps every site-wide promise, so forgetting a step fails here.

A published record of each declared page kind must be: in the sitemap, found by the site's search,
checked for risky wording, described in structured data, retiring cached pages when saved, and
reachable at its old address after staff change it. `tests/wiring` declares a test-only kind that
skips two steps on purpose, and the check names exactly those.
"""

import copy

import pytest
from django.apps import apps
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.test import Client

from claims.checker import check_record
from faq.models import Question
from notices.models import SiteNotice
from practice.models import Provider
from publishing.cache import content_version
from publishing.content import declarations, pages
from publishing.models import Publishable
from search.query import search
from seo.schema import absolute, structured_data_of
from tests.wiring.models import Leaflet
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db

RISKY = "It cures arthritis, guaranteed."

# One published record of each kind of page, with a name nothing else on the site uses.
SAMPLES = {
    Treatment: lambda: Treatment.objects.create(
        name="Zephyrine infusion", slug="zephyrine", summary="A summary.", body="<p>How.</p>", is_published=True
    ),
    Condition: lambda: Condition.objects.create(name="Zephyrine syndrome", slug="zephyrine", is_published=True),
    Question: lambda: Question.objects.create(
        question="What is zephyrine?", slug="zephyrine", answer="<p>An answer.</p>", is_published=True
    ),
    Provider: lambda: Provider.objects.create(name="Zephyrine Alvarez", slug="zephyrine", is_published=True),
    SiteNotice: lambda: SiteNotice.objects.create(
        title="Zephyrine notice", slug="zephyrine", body="<p>A notice.</p>", is_published=True
    ),
    FlatPage: lambda: _simple_page(),
    Leaflet: lambda: Leaflet.objects.create(title="Zephyrine leaflet", slug="zephyrine", is_published=True),
}


def _simple_page():
    page = FlatPage.objects.create(url="/zephyrine/", title="Zephyrine", content="<p>A page.</p>")
    page.sites.add(Site.objects.get_current())
    return page


def move(record):
    """Change the record's address as staff would in the admin: its slug, or a simple page's URL."""
    if isinstance(record, FlatPage):
        record.url = "/zephyrine-moved/"
    else:
        record.slug = "zephyrine-moved"
    record.save()


def missing_steps(declaration, capture_on_commit):
    """The site-wide promises a published record of this declared kind of page does not keep."""
    missing, client = [], Client()
    record = SAMPLES[declaration.model]()
    path, title = record.get_absolute_url(), declaration.title(record)

    if absolute(path) not in client.get("/sitemap.xml").content.decode():
        missing.append("in the sitemap")
    if path not in [result.url for result in search(title).results]:
        missing.append("found by search")
    prose = [name for name in declaration.prose if name not in ("seo_title", "meta_description")]
    if not prose or not check_record(with_text(record, prose[-1], RISKY)):
        missing.append("checked for risky wording")
    if not any(absolute(path) in (thing.get("@id", ""), thing.get("url")) for thing in structured_data_of(record)):
        missing.append("has structured data")

    before = content_version()
    with capture_on_commit(execute=True):
        move(record)
    if content_version() == before:
        missing.append("retires cached pages when saved")
    response = client.get(path)
    if response.status_code != 301 or response["Location"] != record.get_absolute_url():
        missing.append("keeps its old address")
    return missing


def with_text(record, field, text):
    """An unsaved copy of the record with `text` in one of its fields."""
    edited = copy.copy(record)
    setattr(edited, field, text)
    return edited


@pytest.mark.parametrize(
    "declaration", [d for d in pages() if d.model is not Leaflet], ids=lambda declaration: declaration.label
)
def test_every_declared_kind_of_page_keeps_every_promise(declaration, django_capture_on_commit_callbacks):
    assert missing_steps(declaration, django_capture_on_commit_callbacks) == []


def test_a_kind_of_page_declared_without_a_step_is_caught(django_capture_on_commit_callbacks):
    """The test-only Leaflet has no sitemaps.py and no structured data: the check names exactly those."""
    leaflet = next(d for d in pages() if d.model is Leaflet)
    missing = missing_steps(leaflet, django_capture_on_commit_callbacks)
    assert missing == ["in the sitemap", "has structured data"]


def test_every_kind_of_page_has_a_sample_here():
    """A new kind of page cannot skip the checks above for want of a sample record."""
    assert {d.model for d in pages()} <= set(SAMPLES)


def test_every_publishable_model_is_declared_content():
    """A model patients can see once published cannot be forgotten by the page cache, search and the rest."""
    declared = {d.model for d in declarations()}
    undeclared = [
        model._meta.label for model in apps.get_models() if issubclass(model, Publishable) and model not in declared
    ]
    assert undeclared == []

"""schema.org structured data (JSON-LD) for each public page, built from the records it shows.

Plain dicts, one per thing the page is about; `{% structured_data %}` (seo.templatetags.seo)
writes them as one <script type="application/ld+json"> block. What a record says about itself is
its content declaration's `structured_data` (publishing.content), built in its own app's schema.py
from the helpers here. Things that appear on several pages (the clinic, a provider) carry an "@id"
so search engines join them up.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from publishing.content import declaration_for

SCHEMA_ORG = "https://schema.org"


def absolute(path):
    return settings.SITE_URL + path


def clinic_id():
    # The clinic is one thing, whatever the language of the page that names it.
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("practice:home")) + "#clinic"


def page_id(record):
    return absolute(record.get_absolute_url())


def web_page(record, about_id=None, kind="WebPage"):
    """The page itself, part of the clinic's site, and what it is about where that is a thing of its own."""
    data = {
        "@type": kind,
        "@id": page_id(record),
        "url": page_id(record),
        "name": getattr(record, "seo_title", "") or declaration_for(record.__class__).title(record),
        "isPartOf": {"@id": clinic_id()},
        "inLanguage": translation.get_language(),
    }
    if about_id is not None:
        data["about"] = {"@id": about_id}
    return data


def breadcrumb_list(record):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(path)}
            for position, (name, path) in enumerate(declaration_for(record.__class__).trail(record), start=1)
        ],
    }


def structured_data_of(record):
    declaration = declaration_for(record.__class__)
    if declaration is None or declaration.structured_data is None or record.pk is None:
        return []
    return declaration.structured_data(record)


def page_graph(*, clinic=None, record=None, graph=()):
    """Everything one page says about itself: the clinic on every page, then the page's own record."""
    things = [*structured_data_of(clinic)] if clinic is not None else []
    if record is not None:
        things += [*structured_data_of(record), breadcrumb_list(record)]
    return [*things, *graph]

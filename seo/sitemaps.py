"""The sitemap's building blocks. Each app lists its own pages in its sitemaps.py; clinic_site/urls.py
assembles them into /sitemap.xml."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from languages.addresses import path_in
from publishing.content import declaration_for


class PublicSiteSitemap(Sitemap):
    """Addresses on SITE_URL, whatever host the sitemap itself was fetched from, each page once per language
    with its other languages (and `x-default`, the English page) as alternates."""

    i18n = True
    alternates = True
    x_default = True

    def location(self, item):
        return path_in(translation.get_language(), self.path(item))

    def path(self, item):
        return item.get_absolute_url()

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def latest_update(*querysets):
    dates = [qs.aggregate(latest=Max("updated_at"))["latest"] for qs in querysets]
    return max((date for date in dates if date), default=None)


class ListPagesSitemap(PublicSiteSitemap):
    """Pages showing lists of records (the home page, /treatments/...): each changed when the newest record it shows
    changed. `pages` maps each page's URL name to a function returning the querysets it shows."""

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return list(self.pages)

    def path(self, item):
        return reverse(item)

    def lastmod(self, item):
        return latest_update(*self.pages[item]())


class RecordSitemap(PublicSiteSitemap):
    """Every record of a declared kind of content patients can see, each at its own address."""

    def __init__(self, model):
        self.declaration = declaration_for(model)

    def items(self):
        records = self.declaration.visible().order_by("pk")
        return records.select_related(self.declaration.picture) if self.declaration.picture else records

    def lastmod(self, record):
        return record.updated_at

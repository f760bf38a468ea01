"""/sitemap.xml: every published public page, with the date it last changed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from faq.models import Question, Topic
from notices.models import SiteNotice
from practice.models import Clinic, Provider
from treatments.models import Condition, Treatment
from visits.models import PatientDocument, VisitGuide


class PublicSiteSitemap(Sitemap):
    """Addresses on SITE_URL, whatever host the sitemap itself was fetched from."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def latest_update(*querysets):
    dates = [qs.aggregate(latest=Max("updated_at"))["latest"] for qs in querysets]
    return max((date for date in dates if date), default=None)


class ListPagesSitemap(PublicSiteSitemap):
    """The home page and the lists: each changed when the newest record it shows changed."""

    def items(self):
        return [
            "practice:home",
            "treatments:treatment_list",
            "treatments:condition_list",
            "faq:question_list",
            "visits:plan",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        featured = Treatment.objects.published().filter(is_featured=True)
        return {
            "practice:home": lambda: latest_update(Clinic.objects.all(), featured, Provider.objects.published()),
            "treatments:treatment_list": lambda: latest_update(Treatment.objects.published()),
            "treatments:condition_list": lambda: latest_update(Condition.objects.published()),
            "faq:question_list": lambda: latest_update(Question.objects.published(), Topic.objects.published()),
            "visits:plan": lambda: latest_update(
                Clinic.objects.all(), VisitGuide.objects.all(), PatientDocument.objects.published()
            ),
        }[item]()


class RecordSitemap(PublicSiteSitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class SimplePagesSitemap(PublicSiteSitemap):
    def items(self):
        return (
            FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False)
            .select_related("dates")
            .order_by("url")
        )

    def lastmod(self, page):
        return page.dates.updated_at if hasattr(page, "dates") else None


SITEMAPS = {
    "pages": ListPagesSitemap,
    "treatments": RecordSitemap(Treatment),
    "conditions": RecordSitemap(Condition),
    "providers": RecordSitemap(Provider),
    "questions": RecordSitemap(Question),
    "notices": RecordSitemap(SiteNotice),
    "simple-pages": SimplePagesSitemap,
}

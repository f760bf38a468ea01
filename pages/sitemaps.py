from django.contrib.flatpages.models import FlatPage

from seo.sitemaps import RecordSitemap


class SimplePagesSitemap(RecordSitemap):
    def items(self):
        return self.declaration.visible().select_related("dates").order_by("url")

    def lastmod(self, page):
        return page.dates.updated_at if hasattr(page, "dates") else None


sitemaps = {"simple-pages": SimplePagesSitemap(FlatPage)}

from seo.sitemaps import RecordSitemap

from .models import SiteNotice

sitemaps = {"notices": RecordSitemap(SiteNotice)}

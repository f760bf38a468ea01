from django.apps import AppConfig


class SeoConfig(AppConfig):
    """How search engines read the site: head tags, structured data, sitemap, robots.txt, moved pages."""

    name = "seo"
    verbose_name = "Search engines"

    def ready(self):
        from . import signals

        signals.connect()

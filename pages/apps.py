from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Staff-written pages (About, Privacy notice, Accessibility statement) on django.contrib.flatpages."""

    name = "pages"
    verbose_name = "Simple pages"

    def ready(self):
        from . import signals  # noqa: F401

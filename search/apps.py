from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site's own search box: every kind of public page, in the words patients use."""

    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from . import signals

        signals.connect(self)

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site's own search box: treatments, conditions, questions and providers."""

    name = "search"
    verbose_name = "Site search"

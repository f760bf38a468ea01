from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """The languages patients read the site in: each page's language is its address's (/es/... is Spanish)."""

    name = "languages"

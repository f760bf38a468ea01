from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Staff's translations of the site's content into its other languages, and which of them need updating."""

    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        from . import signals  # noqa: F401

from django.apps import AppConfig


class NoticesConfig(AppConfig):
    """Site-wide notices the clinic posts: nondiscrimination, language help, privacy practices..."""

    name = "notices"
    verbose_name = "Notices"

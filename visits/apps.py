from django.apps import AppConfig


class VisitsConfig(AppConfig):
    """Plan your visit: getting there, access, what to bring, paying, and forms to fill in beforehand."""

    name = "visits"
    verbose_name = "Plan your visit"

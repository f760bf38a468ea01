from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """The claims checker: risky health-claim wording, the sources behind claims, and recorded acknowledgements."""

    name = "claims"
    verbose_name = "Claims and sources"

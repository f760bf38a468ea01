from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """The claims checker: risky health-claim wording, the sources behind claims, and recorded acknowledgements."""

    name = "claims"
    # Not "claims": clinic staff would read that as insurance claims.
    verbose_name = "Wording checks and sources"

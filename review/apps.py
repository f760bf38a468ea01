from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """Medical review: who checked a page and when, what is due for review again, and reminding the reviewers."""

    name = "review"
    verbose_name = "Medical review"

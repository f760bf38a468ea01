from django.apps import AppConfig


class WiringConfig(AppConfig):
    """A kind of content that exists only in tests, declared with steps left out on purpose (tests/test_wiring.py)."""

    name = "tests.wiring"
    label = "wiring"

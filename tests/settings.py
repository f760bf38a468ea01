"""The site's settings, plus a kind of content that exists only in tests (tests/wiring)."""

from clinic_site.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.wiring"]  # noqa: F405

"""The site's settings, plus a kind of content that exists only in tests (tests/wiring)."""

from clinic_site.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.wiring"]  # noqa: F405

# The suite's own Redis shares two cores with Chromium, Java and PostgreSQL, and then answers in more
# than the 50 ms a production app server waits: tests that are not about a slow cache wait longer for
# it, so a busy machine does not open the circuit (and render pages without the cache) mid-test.
# The fault tests build their caches from REDIS_CACHE_OPTIONS, which keeps the production timeouts.
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":  # noqa: F405
    CACHES["default"]["OPTIONS"] = {  # noqa: F405
        **REDIS_CACHE_OPTIONS,  # noqa: F405
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }

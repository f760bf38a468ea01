import pytest
from django.conf import settings

POSTGRESQL_ONLY = "postgresql"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", f"{POSTGRESQL_ONLY}: behaviour only PostgreSQL has (stemming, misspellings); deselected on SQLite"
    )


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected, not skipped, on SQLite: CI runs them on its PostgreSQL pass."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    deselected = [item for item in items if item.get_closest_marker(POSTGRESQL_ONLY)]
    if deselected:
        items[:] = [item for item in items if not item.get_closest_marker(POSTGRESQL_ONLY)]
        config.hook.pytest_deselected(items=deselected)
        config._search_deselected = len(deselected)


def pytest_terminal_summary(terminalreporter, config):
    if getattr(config, "_search_deselected", 0):
        terminalreporter.write_line(
            f"{config._search_deselected} PostgreSQL-only search tests deselected: the database is SQLite. "
            "Run with DATABASE_URL=postgres://... to include them."
        )


@pytest.fixture
def on_postgresql():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

"""The settings refuse to start in production without a secret key, and read the database from the environment."""

import os
import subprocess
import sys

from django.conf import settings


def run_settings(tmp_path, **env):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    environment = inherited | {"DJANGO_ENV_FILE": str(tmp_path / "no.env")} | env
    return subprocess.run(
        [sys.executable, "-c", "import clinic_site.settings as s; print(s.DATABASES['default']['ENGINE'])"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_secret_key_stops_start_up_with_a_clear_message(tmp_path):
    result = run_settings(tmp_path)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_sqlite_is_the_default_and_database_url_switches_to_postgresql(tmp_path):
    assert run_settings(tmp_path, DJANGO_SECRET_KEY="x").stdout.strip() == "django.db.backends.sqlite3"
    postgres = run_settings(tmp_path, DJANGO_SECRET_KEY="x", DATABASE_URL="postgres://postgres@127.0.0.1:5432/clinic")
    assert postgres.stdout.strip() == "django.db.backends.postgresql"

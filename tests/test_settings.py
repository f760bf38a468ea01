"""The settings refuse to start in production without a secret key, and read the database and storage from the
environment."""

import os
import subprocess
import sys

from django.conf import settings


def run_settings(tmp_path, show="s.DATABASES['default']['ENGINE']", **env):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    environment = inherited | {"DJANGO_ENV_FILE": str(tmp_path / "no.env")} | env
    return subprocess.run(  # noqa: S603 - this test's own code
        [sys.executable, "-c", f"import clinic_site.settings as s; print({show})"],
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


def test_uploads_stay_on_local_disk_unless_a_shared_bucket_is_set(tmp_path):
    show = "s.STORAGES['default']"
    assert run_settings(tmp_path, show, DJANGO_SECRET_KEY="x").stdout.strip() == str(
        {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    )
    shared = run_settings(
        tmp_path,
        show,
        DJANGO_SECRET_KEY="x",
        AWS_STORAGE_BUCKET_NAME="clinic-uploads",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_REGION_NAME="us-west-1",
    )
    assert shared.stdout.strip() == str(
        {
            "BACKEND": "serving.storage.SharedStorage",
            "OPTIONS": {
                "bucket_name": "clinic-uploads",
                "endpoint_url": "https://s3.example.net",
                "region_name": "us-west-1",
                "location": "",
            },
        }
    )

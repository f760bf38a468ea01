"""The site's languages come from SITE_LANGUAGES: English first, each a language Django knows."""

import os
import subprocess
import sys

from django.conf import settings


def languages_from(tmp_path, **env):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SITE_LANGUAGES"))}
    environment = inherited | {"DJANGO_ENV_FILE": str(tmp_path / "no.env"), "DJANGO_SECRET_KEY": "x"} | env
    return subprocess.run(
        [sys.executable, "-c", "import clinic_site.settings as s; print(s.LANGUAGE_CODE, s.LANGUAGES)"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_english_and_spanish_by_default(tmp_path):
    assert languages_from(tmp_path).stdout.strip() == "en [('en', 'English'), ('es', 'Spanish')]"


def test_a_language_is_added_by_the_setting(tmp_path):
    result = languages_from(tmp_path, SITE_LANGUAGES="en,es,ko,zh-hans")
    assert result.stdout.strip() == (
        "en [('en', 'English'), ('es', 'Spanish'), ('ko', 'Korean'), ('zh-hans', 'Simplified Chinese')]"
    )


def test_tagalog_is_known_though_django_ships_no_name_for_it(tmp_path):
    result = languages_from(tmp_path, SITE_LANGUAGES="en,es,tl")
    assert result.stdout.strip() == "en [('en', 'English'), ('es', 'Spanish'), ('tl', 'Tagalog')]"


def test_english_must_come_first_and_every_code_must_be_known(tmp_path):
    first = languages_from(tmp_path, SITE_LANGUAGES="es,en")
    assert first.returncode != 0 and "SITE_LANGUAGES must start with 'en'" in first.stderr
    unknown = languages_from(tmp_path, SITE_LANGUAGES="en,spanish,zh-cn")
    assert unknown.returncode != 0 and "does not know the language codes spanish, zh-cn" in unknown.stderr

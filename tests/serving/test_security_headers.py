"""Every response tells browsers to lock the page down; production settings pass Django's deploy check."""

import os
import re
import subprocess
import sys
import tempfile

import pytest
from django.conf import settings

from tests.serving.wsgi import get_before_django

pytestmark = pytest.mark.django_db

PUBLIC = ["/", "/treatments/stem-cell-therapy/", "/faq/", "/about/", "/request-consultation/", "/no-such-page/"]
# Search engines' structured data: a data block browsers never execute, whose JSON escapes every "<".
JSON_LD_BLOCK = re.compile(r'<script type="application/ld\+json">[^<]*</script>')


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_send_every_security_header(client, url):
    client.get(url)
    assert_locked_down(client.get(url))  # a cached copy gets them too


@pytest.mark.parametrize("url", ["/", "/treatments/stem-cell-therapy/", "/faq/", "/about/"])
def test_pages_answered_before_django_send_every_security_header(client, settings, url):
    settings.SECURE_HSTS_SECONDS = 31536000
    client.get(url, secure=True)
    status, headers, _ = get_before_django(url, secure=True, **{"accept-encoding": "gzip, br"})
    assert status == "200 OK"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert_locked_down(headers)


def assert_locked_down(response):
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    for name in ("script-src", "style-src", "default-src"):
        assert "'unsafe-inline'" not in directives.get(name, [])
        assert "'unsafe-eval'" not in directives.get(name, [])
    assert "style-src-attr" not in directives
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    for feature in ("camera", "microphone", "geolocation", "payment", "interest-cohort"):
        assert f"{feature}=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_style_or_script(client):
    for url in PUBLIC:
        content = JSON_LD_BLOCK.sub("", client.get(url).content.decode())
        assert " style=" not in content and "<style" not in content and "<script" not in content, url


def test_admin_pages_are_never_stored_and_relax_only_inline_style_attributes(admin_client):
    response = admin_client.get(f"/{settings.ADMIN_URL}treatments/treatment/add/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    directives = csp_directives(response)
    # The editor's import map and <style> are allowed by their exact hashes, nothing else inline.
    assert directives["script-src"][0] == "'self'"
    assert len(directives["script-src"]) == 2 and directives["script-src"][1].startswith("'sha256-")
    assert directives["style-src"] == ["'self'"]
    assert directives["style-src-elem"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in directives["style-src-elem"][1:])
    assert directives["style-src-attr"] == ["'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_admin_sign_in_page_is_never_stored(client):
    response = client.get(f"/{settings.ADMIN_URL}login/")
    assert "no-store" in response["Cache-Control"]


def production_environment(**extra):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return inherited | {
        "DJANGO_ENV_FILE": "/nonexistent/.env",
        "DJANGO_SECRET_KEY": "a-production-grade-secret-key-that-is-long-and-random-7f3a9c2e1b",
        "DJANGO_ALLOWED_HOSTS": "www.biohealthpain.example",
        "DJANGO_HTTPS": "true",
        "DJANGO_HSTS_PRELOAD": "true",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO=https",
        **extra,
    }


def deploy_check(environment):
    # Mail really sent; a database not migrated yet (as before the first `migrate`), so no clinic details to check.
    folder = tempfile.mkdtemp(prefix="deploy-check-")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={
            **environment,
            "EMAIL_URL": "smtp+tls://website:secret@smtp.example.com:587",
            "DATABASE_URL": f"sqlite:///{folder}/new.sqlite3",
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_deploy_check_passes_with_production_settings():
    result = deploy_check(production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_hsts_preload_the_deploy_check_names_that_choice_and_nothing_else():
    """As the README says: by default the only issue is that HSTS preloading is not switched on."""
    environment = production_environment()
    del environment["DJANGO_HSTS_PRELOAD"]
    report = deploy_check(environment).stderr
    assert "(security.W021)" in report
    assert "identified 1 issue" in report, report


def test_production_settings_secure_cookies_hsts_and_https():
    script = (
        "import clinic_site.settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER,"
        " s.ADMIN_REQUIRE_2FA)"
    )
    result = subprocess.run(  # noqa: S603 - a fixed script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "True", "True", "True", "Lax", "True", "31536000", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')", "True"
    ]  # fmt: skip


def test_the_proxy_header_is_trusted_only_when_configured():
    assert not hasattr(settings, "SECURE_PROXY_SSL_HEADER") or settings.SECURE_PROXY_SSL_HEADER is None


def test_https_requests_get_hsts_and_http_is_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/faq/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200  # load balancers check over plain HTTP
    secure = client.get("/faq/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"

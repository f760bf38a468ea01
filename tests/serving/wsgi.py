"""The WSGI application as gunicorn calls it, for answers that must come before Django's request handling."""

from django.test import RequestFactory

from serving.page_cache import PageCacheApplication


def django_must_not_run(environ, start_response):
    raise AssertionError(f"Django was asked for {environ['PATH_INFO']}")


def get_before_django(path, secure=False, **headers):
    """(status, headers, body) from the page cache alone: the test fails if Django would have to render."""
    environ = RequestFactory().get(path, secure=secure, headers=headers).environ
    answered = {}

    def start_response(status, response_headers):
        answered.update(status=status, headers=response_headers)

    body = b"".join(PageCacheApplication(django_must_not_run)(environ, start_response))
    return answered["status"], dict(answered["headers"]), body

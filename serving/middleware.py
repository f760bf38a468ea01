import base64
import hashlib
import logging
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .page_cache import ENVIRON_KEY, Lookup, is_admin_path
from .views import bad_request

logger = logging.getLogger(__name__)


class ProxyClientAddressMiddleware:
    """Behind TRUSTED_PROXY_COUNT load balancers, the visitor's address is the one they appended to X-Forwarded-For.

    Sign-in lockout and the consultation form's rate limit count by address, so without this every
    visitor would share the load balancer's. Addresses further left are client-supplied and ignored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = settings.TRUSTED_PROXY_COUNT
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if count and len(forwarded) >= count:
            request.META["REMOTE_ADDR"] = forwarded[-count]
        return self.get_response(request)


class FormCharsetMiddleware:
    """A form sent in any character set but UTF-8 gets the 400 page before anything reads it.

    Browsers send forms in the page's own UTF-8. Django refuses to read another (BadRequest, logged
    with a traceback), and its own 400 page then reads the form again, failing with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset", "utf-8").lower().replace("_", "-")
        if request.content_type == "application/x-www-form-urlencoded" and charset not in ("utf-8", "utf8"):
            logger.warning("Bad request: a form not in UTF-8")
            return bad_request(request, None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """What Django's SecurityMiddleware does not set: Permissions-Policy, and no-store on every admin page.

    Also answers HEAD requests without a body (keeping the GET's Content-Length), as HTTP wants
    and gunicorn otherwise warns about on every load-balancer check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_admin_path(request.path_info):
            add_never_cache_headers(response)
        if request.method == "HEAD" and not response.streaming:
            response.content = b""
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The site-wide policy, plus on admin paths only what the admin's own pages need.

    Django's admin sets `style` attributes from its scripts and markup (collapsed fieldsets,
    calendar pop-ups); the rich-text editor adds one fixed `<style>` element, allowed by its hash;
    and its page carries one inline `<script type="importmap">` that maps module names to the
    hashed static files, allowed by that exact import map's hash. No other inline script runs
    anywhere, and public pages get the strict policy unchanged.
    """

    ADMIN_ADDITIONS = {
        "style-src-attr": ["'unsafe-inline'"],
        # The <style> the editor (tiptap, inside django-prose-editor 0.28) adds for its own layout;
        # a new version of the editor changes it, and tests/browser/test_admin_csp.py fails until updated.
        "style-src-elem": ["'self'", "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": ["'self'", "data:"],
    }
    IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.S)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or not is_admin_path(request.path_info):
            return parts
        additions = dict(self.ADMIN_ADDITIONS)
        if not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            hashes = [
                f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
                for body in self.IMPORT_MAP.findall(response.content)
            ]
            if hashes:
                additions["script-src"] = ["'self'", *hashes]
        return PolicyParts(parts.config, {**additions, **(parts.update or {})}, parts.replace, parts.nonce)


class PageCacheMiddleware:
    """The shared page cache (`serving.page_cache`), first in MIDDLEWARE so it sees every header the others add.

    In production `PageCacheApplication` has already looked the request up before Django began and
    answered the hits; here the rest are rendered and stored. Under the test client (which bypasses
    the WSGI application) the hits are answered here too, identically.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = request.META.pop(ENVIRON_KEY, None) or Lookup(request)
        answer = lookup.answer(request)
        if answer is None:
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            answer = lookup.store(request, response)
            if answer is None:
                return response
        status, headers, body = answer
        response = HttpResponse(body, status=int(status[:3]))
        if response.status_code == 304:
            del response["Content-Type"]
        for name, value in headers:
            response[name] = value
        return response

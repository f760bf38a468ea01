import base64
import hashlib
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from publishing.cache import CONTENT_VERSION_KEY, content_version
from publishing.schedule import next_visibility_change


def is_admin_path(path):
    return path.startswith("/" + settings.ADMIN_URL)


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
    """Anonymous visitors' public pages, served from the shared cache.

    A request is served from (and stored in) the cache only when it carries no session or
    messages cookie, so signed-in staff (and their draft previews) never are. Pages whose view
    asked for no caching (the consultation form and its thank-you page), that set a cookie or used
    a CSRF token, or that are not 200s are never stored. Each entry records the content version
    (`publishing.cache`) it was rendered under and counts only while that is still the current
    one, so a content change on any server retires every page on every server at once; it also
    lives no longer than the next scheduled publish/unpublish (`publishing.schedule`).

    It sits just inside SecurityMiddleware and whitenoise, so a hit costs one cache round trip
    (the version and the page together) and none of the middleware below; the headers they add
    (CSP, X-Frame-Options, ETag, ...) are stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.cache_key(request) if self.is_cacheable_request(request) else None
        if key is None:
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response

        found = cache.get_many([CONTENT_VERSION_KEY, key])
        version = found.get(CONTENT_VERSION_KEY) or content_version()
        if version is None:  # the cache is unreachable: render every time
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry["version"] == version:
            return self.cached_response(request, entry)

        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(request, response):
            patch_cache_control(response, no_cache=True)
            if not response.has_header("ETag"):
                set_response_etag(response)
            timeout = self.timeout()
            if timeout >= 1:
                entry = {"version": version, "content": response.content, "headers": list(response.items())}
                cache.set(key, entry, timeout)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def cached_response(request, entry):
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Cache"] = "hit"
        if request.method == "HEAD":
            response.content = b""  # Content-Length stays the page's
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    @staticmethod
    def is_cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not is_admin_path(request.path_info)
            # Other query strings (tracking tags, junk) are rendered, not stored, so they cannot flood the cache.
            and set(request.GET) <= {"page"}
        )

    @staticmethod
    def cache_key(request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        url = hashlib.sha256(f"{request.scheme}://{host}{request.get_full_path()}".encode()).hexdigest()
        return f"page:{url}"

    @staticmethod
    def is_cacheable_response(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(word in cache_control for word in ("no-store", "no-cache", "private"))
        )

    @staticmethod
    def timeout():
        seconds = settings.PAGE_CACHE_SECONDS
        change = next_visibility_change()
        if change is not None:
            seconds = min(seconds, int((change - timezone.now()).total_seconds()))
        return seconds

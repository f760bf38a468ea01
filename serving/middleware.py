import hashlib

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag

from publishing.cache import content_version
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
    """What Django's SecurityMiddleware does not set: Permissions-Policy, and no-store on every admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_admin_path(request.path_info):
            add_never_cache_headers(response)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The site-wide policy, plus on admin paths only what the admin's own pages need.

    Django's admin sets a few `style` attributes in its markup and scripts (e.g. hiding the
    "Show" toggles of collapsed fieldsets). Nothing is relaxed for scripts, anywhere.
    """

    ADMIN_ADDITIONS = {"style-src-attr": ["'unsafe-inline'"], "img-src": ["'self'", "data:"]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            parts = PolicyParts(
                parts.config, {**self.ADMIN_ADDITIONS, **(parts.update or {})}, parts.replace, parts.nonce
            )
        return parts


class PageCacheMiddleware:
    """Anonymous visitors' public pages, served from the shared cache.

    A request is served from (and stored in) the cache only when it carries no session or
    messages cookie, so signed-in staff (and their draft previews) never are. Pages whose view
    asked for no caching (the consultation form and its thank-you page), that set a cookie or used
    a CSRF token, or that are not 200s are never stored. Entries are keyed by the content version
    (`publishing.cache`), so a content change on any server retires them on every server at once,
    and live no longer than the next scheduled publish/unpublish (`publishing.schedule`).
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

        entry = cache.get(key)
        if entry is not None:
            response = HttpResponse(entry["content"], status=200)
            for name, value in entry["headers"]:
                response[name] = value
            response["X-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if self.is_cacheable_response(request, response):
            timeout = self.timeout()
            patch_cache_control(response, no_cache=True)
            set_response_etag(response)
            if timeout >= 1:
                cache.set(key, {"content": response.content, "headers": list(response.items())}, timeout)
            response["X-Cache"] = "miss"
        return response

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
        version = content_version()
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        if version is None:  # the cache is unreachable
            return None
        url = hashlib.sha256(f"{request.scheme}://{host}{request.get_full_path()}".encode()).hexdigest()
        return f"page:{version}:{url}"

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

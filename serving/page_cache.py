"""The shared page cache: anonymous visitors' pages, stored compressed, answered before Django's request handling.

A request is served from (and stored in) the cache only when it carries no session or messages
cookie, so signed-in staff (and their draft previews) never are. Pages whose view asked for no
caching (the consultation form, search results), that set a cookie or used a CSRF token, or that
are not 200s are never stored. Each entry records the content version (`publishing.cache`) it was
rendered under and counts only while that is still the current one, so a content change on any
server retires every page on every server at once; it also lives no longer than the next scheduled
publish/unpublish (`publishing.schedule`).

A page is stored as it leaves Django, with every header the middleware added (security headers,
CSP, ETag, Content-Language), and compressed then, once, with brotli and gzip; each encoding has its own ETag and
Content-Length, and every copy says `Vary: Accept-Encoding`. `PageCacheApplication` answers hits
ahead of Django (as whitenoise answers static files); `serving.middleware.PageCacheMiddleware`,
first in MIDDLEWARE, answers them the same way for the test client, and stores the pages.

The query string selects nothing but a list's page number: tracking tags (`utm_*`, `gclid`, ...)
and any other parameter get the stored page, so they can neither flood the cache nor force a
render. `?page=N` has its own entry only on a paginated list (a ListView with `paginate_by`), only
as a plain number, and only once it rendered (a page past the last is a 404, never stored). A view
whose page depends on another parameter (search's `q`) must say `never_cache`, as search does.
"""

import gzip
import hashlib
import logging
import re
import time

import brotli
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag

from languages.addresses import language_of
from publishing.cache import CONTENT_VERSION_KEY, content_version
from publishing.schedule import next_visibility_change

from . import edge

PAGE_PARAMETER = "page"
PAGE_NUMBER = re.compile(r"[0-9]{1,6}")
# Preferred first. Brotli's quality 5 takes ~2 ms for a page; 11 would save ~15% more bytes for
# 20-50 ms, paid by the visitor whose request stores the page (on a small site, most of them).
CODINGS = {
    "br": lambda content: brotli.compress(content, quality=5, mode=brotli.MODE_TEXT),
    "gzip": lambda content: gzip.compress(content, compresslevel=9, mtime=0),
}
COMPRESSIBLE = ("text/", "application/xml", "application/json", "application/ld+json")
# What a 304 does not repeat: it has no body.
NOT_IN_304 = {"content-length", "content-encoding", "content-type"}
# Set per encoding.
VARIANT_HEADERS = {"content-length", "content-encoding", "etag", "x-cache"}
ENVIRON_KEY = "serving.page_cache"

logger = logging.getLogger(__name__)


def is_admin_path(path):
    return path.startswith("/" + settings.ADMIN_URL)


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not is_admin_path(request.path_info)
        and not request.path_info.startswith(settings.STATIC_URL)  # whitenoise's
    )


def page_number(request):
    """The requested list page in its plain form ("2" for `?page=02`), or None when it is not a number."""
    # A query string naming no page (tracking tags, a cache buster) is never parsed: its hit costs what `/` costs.
    if PAGE_PARAMETER not in request.META.get("QUERY_STRING", ""):
        return None
    value = request.GET.get(PAGE_PARAMETER, "")
    return str(int(value)) if PAGE_NUMBER.fullmatch(value) else None


def preferred_coding(accept_encoding):
    """The first of CODINGS that the client accepts (`q=0` refuses one), else "identity"."""
    accepted = set()
    for item in accept_encoding.lower().split(","):
        coding, *params = item.split(";")
        q = next((value for name, _, value in (p.partition("=") for p in params) if name.strip() == "q"), "1")
        try:
            if float(q) > 0:
                accepted.add(coding.strip())
        except ValueError:
            pass
    return next((coding for coding in CODINGS if coding in accepted or "*" in accepted), "identity")


def is_current(entry, version):
    return entry is not None and entry["version"] == version


class Lookup:
    """What the page cache holds for one request: where its page is stored, and the stored copy it would get.

    Each page is stored once per coding a client may prefer (br, gzip, identity), so a hit reads
    only the copy it sends: one cache round trip with the content version, and no decompression.
    """

    def __init__(self, request):
        self.key = self.version = self.page = None
        if not is_cacheable_request(request):
            return
        try:
            host = request.get_host()
        except DisallowedHost:
            return
        self.coding = preferred_coding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        # Keyed on the page's language too: a Spanish page can never answer for an English one.
        address = f"{request.scheme}://{host}{request.path}"
        base = f"page:{language_of(request.path_info)}:" + hashlib.sha256(address.encode()).hexdigest()
        number = page_number(request)
        keys = {"base": f"{base}:{self.coding}"}
        if number:
            keys["variant"] = f"{base}?{PAGE_PARAMETER}={number}:{self.coding}"
        try:
            found = cache.get_many([CONTENT_VERSION_KEY, *keys.values()])
            self.version = found.get(CONTENT_VERSION_KEY) or content_version()
        except Exception as error:  # noqa: BLE001 - a broken cache (a corrupt entry, a full disk) costs a render
            logger.warning("Page cache unreadable (%s): the page is rendered and not stored", type(error).__name__)
            return
        if self.version is None:  # the cache is unreachable: render every time
            return
        self.key = base
        stored = found.get(keys["base"])
        if number and is_current(found.get(keys["variant"]), self.version):
            self.page = found[keys["variant"]]
        elif is_current(stored, self.version) and not (stored["paginated"] and PAGE_PARAMETER in request.GET):
            self.page = stored

    def answer(self, request, x_cache="hit"):
        """(status, headers, body) from the stored copy, or None."""
        if self.page is None:
            return None
        etag, body = self.page["etag"], self.page["body"]
        headers = [*self.page["headers"], ("X-Cache", x_cache)]
        if "stored" in self.page:  # as any cache: its age, which shared caches take off its s-maxage
            headers.append(("Age", str(int(time.time() - self.page["stored"]))))
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and matches(etag, if_none_match):
            return "304 Not Modified", [h for h in headers if h[0].lower() not in NOT_IN_304], b""
        return "200 OK", headers, b"" if request.method == "HEAD" else body

    def store(self, request, response):
        """Keep a freshly rendered page when it may be kept: the answer to give, or None to send `response` as is."""
        if self.key is None or request.method != "GET" or not is_cacheable_response(request, response):
            return None
        paginated = view_paginates(request)
        key = self.key
        if paginated and PAGE_PARAMETER in request.GET:
            number = page_number(request)
            if number is None:  # "?page=last" and the like are rendered, never stored
                return None
            key = f"{key}?{PAGE_PARAMETER}={number}"
        patch_cache_control(response, no_cache=True)
        response["X-Cache"] = "miss"
        timeout = cache_timeout()
        if timeout < 1:
            return None
        edge.allow_shared_caching(response, timeout)
        patch_vary_headers(response, ["Accept-Encoding"])
        identity = response.content
        bodies = {"identity": identity}
        if response.get("Content-Type", "").startswith(COMPRESSIBLE):
            for coding, compress in CODINGS.items():
                compressed = compress(identity)
                if len(compressed) < len(identity):
                    bodies[coding] = compressed
        common = [(name, value) for name, value in response.items() if name.lower() not in VARIANT_HEADERS]
        copies = {}
        for coding in (*CODINGS, "identity"):
            sent = coding if coding in bodies else "identity"  # what a client preferring `coding` gets
            body = bodies[sent]
            etag = quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest())
            headers = [*common, ("Content-Length", str(len(body))), ("ETag", etag)]
            if sent != "identity":
                headers.append(("Content-Encoding", sent))
            copies[f"{key}:{coding}"] = {
                "version": self.version,
                "paginated": paginated,
                "etag": etag,
                "headers": headers,
                "body": body,
                "stored": time.time(),
            }
        try:
            cache.set_many(copies, timeout)
        except Exception as error:  # noqa: BLE001 - the rendered page is sent all the same
            logger.warning("Page cache unwritable (%s): the page is sent without being stored", type(error).__name__)
        self.page = copies[f"{key}:{self.coding}"]
        return self.answer(request, x_cache="miss")


def matches(etag, if_none_match):
    if if_none_match.strip() == "*":
        return True
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}


def view_paginates(request):
    match = request.resolver_match
    view_class = getattr(match.func, "view_class", None) if match else None
    return bool(getattr(view_class, "paginate_by", None))


def is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("no-store", "no-cache", "private"))
    )


def cache_timeout():
    seconds = settings.PAGE_CACHE_SECONDS
    change = next_visibility_change()
    if change is not None:
        seconds = min(seconds, int((change - timezone.now()).total_seconds()))
    return seconds


class PageCacheApplication:
    """The WSGI application: answers page-cache hits itself, and hands everything else to Django.

    What it found travels with the request (in its environ), so the middleware does not look again.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            request = WSGIRequest(environ)
            lookup = Lookup(request)
            answer = lookup.answer(request)
            if answer is not None:
                status, headers, body = answer
                start_response(status, headers)
                return [body]
            environ[ENVIRON_KEY] = lookup
        return self.application(environ, start_response)

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from publishing.text import phone_href

from .outage import last_known_contact, refresh_contact

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """For load balancers and monitoring: 503 only when the database does not answer.

    Without the shared cache the site still serves (each page rendered, slower): that is reported
    as "degraded" with a 200, so a cache outage never takes every server out of rotation at once.
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        refresh_contact()
    except DatabaseError:
        checks["database"] = "unavailable"
    token = uuid.uuid4().hex
    try:
        cache.set("serving:healthz", token, timeout=30)
        if cache.get("serving:healthz") != token:
            checks["cache"] = "unavailable"
    except Exception:  # noqa: BLE001 - whatever the cache raises, it is not healthy
        checks["cache"] = "unavailable"
    if checks["database"] != "ok":
        return JsonResponse({"status": "unavailable", **checks}, status=503)
    return JsonResponse({"status": "ok" if checks["cache"] == "ok" else "degraded", **checks})


def bad_request(request, exception):
    """The 400 page. Unlike Django's own it never reads the request's form, which may be what was wrong."""
    return HttpResponseBadRequest(loader.render_to_string("400.html", request=request))


def server_error(request):
    """The 500 page; or, when the database cannot be reached, the outage page with the clinic's phone (503)."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        contact = last_known_contact()
        phone = contact.get("phone", "")
        html = loader.render_to_string(
            "503.html", {"clinic_name": contact.get("name", ""), "phone": phone, "phone_href": phone_href(phone)}
        )
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        add_never_cache_headers(response)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))

from axes.conf import settings
from axes.helpers import get_cool_off
from django.contrib import admin
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil


def locked_out(request, original_response=None, credentials=None):
    """The sign-in lockout page, in the admin's own look, saying how long to wait in words ("1 hour")."""
    now = timezone.now()
    context = {**admin.site.each_context(request), "wait": timeuntil(now + get_cool_off(request), now)}
    return render(request, "staff/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)

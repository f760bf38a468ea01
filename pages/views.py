from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.flatpages.views import render_flatpage
from django.shortcuts import get_object_or_404

from translations.shown import translate


def flatpage(request, url):
    """django.contrib.flatpages' page, in the address's language where staff have translated it."""
    page = get_object_or_404(FlatPage, url=f"/{url.lstrip('/')}", sites=settings.SITE_ID)
    translate([page])
    return render_flatpage(request, page)

"""When scheduled content next appears or disappears, so cached pages never outlive it."""

import datetime

from django.db.models import Min, Q
from django.utils import timezone

from .content import declarations
from .models import Publishable


def next_visibility_change():
    """The next moment (an aware datetime) a record becomes visible or hidden by its own schedule, or midnight.

    `serving.middleware.PageCacheMiddleware` caches a page no longer than until this moment, so a
    record with a future publish (or unpublish) date shows (or vanishes) on time although no save
    happens then. It is called only when a page is rendered for the cache, never on a cache hit.
    """
    now = timezone.now()
    # Pages also show dates relative to today (holiday hours ahead, the date on a printout), so no
    # page is kept past the clinic's midnight.
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    moments = [timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))]
    for model in [d.model for d in declarations() if issubclass(d.model, Publishable)]:
        upcoming = model.objects.filter(is_published=True).aggregate(
            appears=Min("publish_at", filter=Q(publish_at__gt=now)),
            disappears=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
        )
        moments += [moment for moment in upcoming.values() if moment]
    return min(moments, default=None)

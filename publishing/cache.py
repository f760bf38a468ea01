"""The content version: one token in the shared cache that every cached page is keyed by.

Any save or delete of public content replaces it (see `publishing.signals`), so every worker on
every app server builds fresh pages on its very next request. Code that changes content without
signals (`QuerySet.update()`, raw SQL) calls `content_changed()` itself. Once the change is
committed, `pages_retired` is sent, for caches outside the app servers (an edge cache in front).
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import get_language

from .schedule import next_visibility_change

CONTENT_VERSION_KEY = "publishing:content-version"
# Sent once per committed transaction that changed public content.
pages_retired = Signal()
# What `kept_per_content_version` holds in this process: name -> (version, good until, value).
_kept = {}


def content_version():
    """The current version, or None when the shared cache cannot be reached (then nothing is cached)."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def kept_per_content_version(name, build):
    """`build()`, kept in this process while the content version lasts, and no later than the next scheduled change.

    For what every page shows (the clinic's details, the footer's pages and notices): read from the
    database once per content change, not once per page. Unkept when the shared cache is unreachable.
    """
    version = content_version()
    if version is None:
        return build()
    key = (name, get_language())  # read in each language: records come translated (translations.shown)
    kept = _kept.get(key)
    if kept is not None and kept[0] == version and timezone.now() < kept[1]:
        return kept[2]
    good_until = next_visibility_change()
    value = build()
    _kept[key] = (version, good_until, value)
    return value


def _bump():
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed():
    """Retire every cached page now, and again once the current transaction commits.

    The second bump matters: between the first one and the commit another request could still
    read the old rows and cache them under the new version.
    """
    _bump()
    connection = transaction.get_connection()
    # Once per transaction: saving a treatment with its questions sends a signal for each row.
    if not any(callback[1] is _committed for callback in connection.run_on_commit):
        transaction.on_commit(_committed)


def _committed():
    _bump()
    pages_retired.send(sender=content_changed)

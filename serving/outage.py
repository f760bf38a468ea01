"""The clinic's name and phone, kept where the outage page can find them with the database down.

The copy lives in the shared cache (every app server sees it) and in a small file on this server
(kept if the cache is down or restarted). It is refreshed whenever the clinic's details are saved
and by every health check.
"""

import json
import os
import tempfile

from django.conf import settings
from django.core.cache import cache

CACHE_KEY = "serving:outage-contact"


def remember_contact(*, name, phone):
    contact = {"name": name, "phone": phone}
    if cache.get(CACHE_KEY) != contact:
        cache.set(CACHE_KEY, contact, timeout=None)
    path = settings.OUTAGE_CONTACT_FILE
    try:
        if _read_file(path) == contact:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as tmp:
            json.dump(contact, tmp)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only disk: the cached copy still serves


def last_known_contact():
    """{"name": ..., "phone": ...}, or {} when it was never recorded."""
    try:
        contact = cache.get(CACHE_KEY)
    except Exception:  # noqa: BLE001 - any cache failure: fall back to the file
        contact = None
    return contact or _read_file(settings.OUTAGE_CONTACT_FILE) or {}


def _read_file(path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None

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
# () -> {"name": ..., "phone": ...} or None, read from the database: set by the app that owns the clinic's details.
_load_contact = None


def contact_from(load):
    """Let every health check refresh the kept copy with `load()` (practice does, in its ready())."""
    global _load_contact
    _load_contact = load


def refresh_contact():
    """Read the contact from the database and keep it; raises DatabaseError when the database does not answer."""
    contact = _load_contact() if _load_contact is not None else None
    if contact:
        remember_contact(**contact)


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

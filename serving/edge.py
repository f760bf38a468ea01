"""Edge caches (Varnish, a CDN) in front of the app servers: what they may keep, and telling them to drop it.

What a shared cache may keep is said here and nowhere else: exactly the pages the page cache
stores (`serving.page_cache`), for no longer than it keeps them (which is no
longer than the next scheduled publish or unpublish), and only when EDGE_CACHE_SECONDS allows it.
`allow_shared_caching()` is the only code that writes `s-maxage`; every other response keeps
`no-cache`, `no-store` or `private`. So a shared cache never keeps:

- anything a signed-in member of staff sees (the session cookie): the admin, drafts shown to staff;
- the admin at all (its path), whoever asks;
- a response that sets a cookie or used a CSRF token: the consultation form;
- what a view marked `never_cache`: the consultation form and its thank-you page, review links, `/healthz`;
- anything but a 200: the outage page (503), errors, redirects;
- anything while the shared cache (Redis) is unreachable, or with the page cache switched off.

Every page kept carries one `Surrogate-Key` (the same header Fastly reads; Varnish's `xkey` reads it
through deploy/varnish/default.vcl). Every page shows the clinic's details and menus, so any change
to public content retires all of them, as it retires the page cache: `purge()` asks every cache in
EDGE_CACHE_URLS to drop that key the moment the change is committed.
"""

import heapq
import logging
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

SURROGATE_KEY = "clinic-pages"
# Each cache gets this long to answer a purge, so an unreachable one delays a save by seconds at most.
PURGE_TIMEOUT = 1
# A page whose render read the rows just before the change was committed can reach a cache just after
# the purge; a second purge this much later drops it too.
SETTLE_SECONDS = 5
RETRY_SECONDS = (1, 2, 5, 10, 30, 60)


def allow_shared_caching(response, seconds):
    """Let shared caches keep this page for `seconds` (the page cache's own lifetime for it); browsers revalidate."""
    seconds = min(seconds, settings.EDGE_CACHE_SECONDS)
    if seconds < 1:
        return
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, max_age=0, s_maxage=seconds)
    response["Surrogate-Key"] = SURROGATE_KEY


def purge(**kwargs):
    """Ask every edge cache to drop every page now; one that fails is retried in the background."""
    for url in settings.EDGE_CACHE_URLS:
        # One already failing is left to the retries, so that each save does not wait for it again.
        if _retrier.is_failing(url) or not send_purge(url):
            _retrier.schedule(url, RETRY_SECONDS[0], attempt=1)
        _retrier.schedule(url, SETTLE_SECONDS)


def send_purge(url):
    # EDGE_CACHE_URLS are http(s) addresses: the settings refuse anything else.
    request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": SURROGATE_KEY})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT) as response:  # noqa: S310
            response.read()
        return True
    except (OSError, urllib.error.URLError) as error:
        logger.warning("Edge cache %s did not take the purge (%s); it is retried.", url, error)
        return False


class Retrier:
    """Purges still owed to caches, sent by one background thread per process.

    A cache that stays unreachable is given up on once EDGE_CACHE_SECONDS have passed since the
    change: by then every page it stored before the change has expired by its own s-maxage.
    """

    def __init__(self):
        self.condition = threading.Condition()
        self.owed = []  # a heap of (when, url, attempt, give up after)
        self.thread = None

    def schedule(self, url, delay, attempt=0, give_up=None):
        now = time.monotonic()
        give_up = give_up or now + settings.EDGE_CACHE_SECONDS
        with self.condition:
            heapq.heappush(self.owed, (now + delay, url, attempt, give_up))
            if self.thread is None or not self.thread.is_alive():  # none yet, or this is a forked worker
                self.thread = threading.Thread(target=self.run, name="edge-purge", daemon=True)
                self.thread.start()
            self.condition.notify()

    def is_failing(self, url):
        with self.condition:
            return any(owed_url == url and attempt for _, owed_url, attempt, _ in self.owed)

    def next_due(self):
        """The next purge owed (waiting until it is due), with any others owed to the same cache by then."""
        with self.condition:
            while not self.owed or self.owed[0][0] > time.monotonic():
                self.condition.wait(self.owed[0][0] - time.monotonic() if self.owed else None)
            when, url, attempt, give_up = heapq.heappop(self.owed)
            now = time.monotonic()
            for entry in [entry for entry in self.owed if entry[1] == url and entry[0] <= now]:
                self.owed.remove(entry)
                attempt, give_up = max(attempt, entry[2]), max(give_up, entry[3])
            heapq.heapify(self.owed)
            return url, attempt, give_up

    def run(self):
        while True:
            url, attempt, give_up = self.next_due()
            if send_purge(url):
                continue
            if time.monotonic() < give_up:
                self.schedule(url, RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)], attempt + 1, give_up)
            else:
                logger.error("Edge cache %s stayed unreachable until its pages expired; its purges are given up.", url)

    def pending(self):
        with self.condition:
            return sorted({url for _, url, _, _ in self.owed})


_retrier = Retrier()

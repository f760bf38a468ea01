"""The WSGI application: `gunicorn clinic_site.wsgi`.

Pages in the shared page cache are answered before Django's request handling begins
(serving.page_cache.PageCacheApplication); everything else is Django's.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
django_application = get_wsgi_application()

from serving.page_cache import PageCacheApplication  # noqa: E402 - it needs Django set up

application = PageCacheApplication(django_application)

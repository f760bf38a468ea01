"""Uploaded files in one S3-compatible bucket that every app server shares (AWS_STORAGE_BUCKET_NAME).

The bucket stays private and patients' browsers never see it: files keep the addresses they have on
local disk (MEDIA_URL, /media/...), and the app reads them from the bucket (images.views, visits.views).
So the site's Content-Security-Policy stays `'self'` and nothing is loaded from another host.
"""

import logging
from urllib.parse import urljoin

from boto3.exceptions import Boto3Error
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)

# A bucket that hangs costs an upload or a picture a few seconds, not a worker: 2 s to connect, 3 s
# for each answer, and one retry.
PATIENCE = Config(connect_timeout=2, read_timeout=3, retries={"total_max_attempts": 2, "mode": "standard"})
# What a storage raises when it cannot do its job: a disk that is full or gone, or a bucket that refuses, fails
# or does not answer.
FAILURES = (OSError, BotoCoreError, ClientError, Boto3Error)


class SharedStorage(S3Storage):
    """django-storages' S3 storage, at the app's own addresses, and never overwriting a file of the same name
    (a second "form.pdf" gets a name of its own, as on local disk)."""

    def __init__(self, **options):
        options.setdefault("file_overwrite", False)
        super().__init__(**options)
        self.client_config = self.client_config.merge(PATIENCE)

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


class ReportsStorageFailures:
    """An admin edit page that says so when the storage its files go to fails, rather than answering 500.

    The admin saves in one transaction: when the storage fails, the record stays as it was before.
    """

    storage_failed = (
        "This was not saved: the storage that keeps uploaded files did not answer. Nothing else was changed. "
        "Please try again in a few minutes, and tell whoever looks after the website if it keeps happening."
    )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except FAILURES:
            logger.exception("Saving %s failed in its storage", self.opts.verbose_name)
            self.message_user(request, self.storage_failed, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

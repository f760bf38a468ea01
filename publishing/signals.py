from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import content_changed


def is_public_content(model):
    return model._meta.app_label in settings.PUBLIC_CONTENT_APPS


def retire_cached_pages(sender, **kwargs):
    """Any public record saved, deleted or relinked: every cached page is out of date."""
    if is_public_content(sender):
        content_changed()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(retire_cached_pages, dispatch_uid=f"publishing.retire_cached_pages.{signal}")

from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import content_changed
from .content import declaration_for


def retire_cached_pages(sender, **kwargs):
    """Any public record saved, deleted or relinked: every cached page is out of date."""
    if declaration_for(sender) is not None:
        content_changed()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(retire_cached_pages, dispatch_uid=f"publishing.retire_cached_pages.{signal}")

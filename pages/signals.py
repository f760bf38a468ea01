from django.contrib.flatpages.models import FlatPage
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from publishing.fields import sanitize_html

from .models import PageDates


@receiver(pre_save, sender=FlatPage)
def sanitize_page_content(sender, instance, **kwargs):
    """Flat pages render their content as HTML, so it is cleaned however it is saved."""
    instance.content = sanitize_html(instance.content)


@receiver(post_save, sender=FlatPage)
def date_page(sender, instance, raw=False, **kwargs):
    """Every save of a simple page, from the admin or from code, stamps its last-updated date."""
    if not raw:
        PageDates(page=instance).save()

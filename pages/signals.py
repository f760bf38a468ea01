from django.contrib.flatpages.models import FlatPage
from django.db.models.signals import pre_save
from django.dispatch import receiver

from publishing.fields import sanitize_html


@receiver(pre_save, sender=FlatPage)
def sanitize_page_content(sender, instance, **kwargs):
    """Flat pages render their content as HTML, so it is cleaned however it is saved."""
    instance.content = sanitize_html(instance.content)

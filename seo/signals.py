"""Moved pages: when staff change a page's address, the old address answers 301 to the new one."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.db.models.signals import post_save, pre_save

from publishing.content import pages


def remember_old_address(sender, instance, raw=False, **kwargs):
    instance._address_before_save = None
    if not raw and instance.pk is not None:
        old = sender._default_manager.filter(pk=instance.pk).first()
        instance._address_before_save = old.get_absolute_url() if old else None


def redirect_old_address(sender, instance, raw=False, **kwargs):
    old_path, new_path = getattr(instance, "_address_before_save", None), instance.get_absolute_url()
    if raw or not old_path or old_path == new_path:
        return
    redirects = Redirect.objects.filter(site_id=settings.SITE_ID)
    # The new address is a page again, and links to the old one go straight to the new one (no chains).
    redirects.filter(old_path=new_path).delete()
    redirects.filter(new_path=old_path).update(new_path=new_path)
    Redirect.objects.update_or_create(site_id=settings.SITE_ID, old_path=old_path, defaults={"new_path": new_path})


def connect():
    """Every declared kind of page: its address is chosen by staff (a slug, a simple page's URL), and can change."""
    for declaration in pages():
        model, label = declaration.model, declaration.label
        pre_save.connect(remember_old_address, sender=model, dispatch_uid=f"seo.remember_old_address.{label}")
        post_save.connect(redirect_old_address, sender=model, dispatch_uid=f"seo.redirect_old_address.{label}")

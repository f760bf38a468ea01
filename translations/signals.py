from django.db.models.signals import pre_save
from django.dispatch import receiver


@receiver(pre_save)
def refuse_saving_translated_text(sender, instance, raw=False, **kwargs):
    """A record read in another language holds the translation in its fields: saving it would overwrite the English."""
    if instance.__dict__.get("translation") is not None and not raw:
        raise ValueError(f"{instance!r} was read in {instance.translation.language} and holds its translation.")

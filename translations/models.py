from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


def other_languages():
    """(code, name) of each of the site's languages but its default, the one content is written in."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationQuerySet(models.QuerySet):
    def of(self, record):
        return self.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


class Translation(models.Model):
    """One record's text in one of the site's other languages, with who translated and checked it.

    `source` keeps the English each field was translated from: when the English changes afterwards,
    the translation is outdated until a translator saves it again.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    # Any of SITE_LANGUAGES; not a database choice, so switching a language on needs no migration.
    language = models.CharField(max_length=12)
    text = models.JSONField(default=dict, blank=True)
    source = models.JSONField(default=dict, blank=True)
    translated_by = models.CharField("Translated by", max_length=120, blank=True)
    checked_by = models.CharField(
        "Checked by", max_length=120, blank=True, help_text="A second person who read it against the English."
    )
    checked_on = models.DateField("Checked on", null=True, blank=True)
    updated_at = models.DateTimeField("Last saved", auto_now=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_translation_a_language"
            )
        ]
        indexes = [models.Index(fields=["language", "content_type", "object_id"])]

    def __str__(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)

    def changed_fields(self, record):
        """The fields of `record` whose English has changed since this translation was made from it."""
        return [name for name in self.text if str(getattr(record, name, "") or "") != self.source.get(name, "")]

    def missing_fields(self, record, fields):
        """Fields of `record` with English text and no translation here."""
        return [name for name in fields if getattr(record, name, "") and not self.text.get(name)]

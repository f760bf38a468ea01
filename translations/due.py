"""What translators have to do: records not yet in a language, or translated before their English changed."""

from django.contrib.contenttypes.models import ContentType

from publishing.content import declarations
from publishing.permissions import view_permission

from .models import Translation, other_languages


def translated_kinds(user=None):
    """The declared kinds of content staff translate (those `user` may view, if given)."""
    return [
        declaration
        for declaration in declarations()
        if declaration.translated_fields and (user is None or user.has_perm(view_permission(declaration.model)))
    ]


def translation_queue(user=None):
    """(record, language name, state, changed fields) for each published record a language lacks or has outdated.

    `state` is "missing" or "outdated". One query per kind of content and one for its translations.
    """
    queue = []
    for declaration in translated_kinds(user):
        model, fields = declaration.model, declaration.translated_fields
        records = [record for record in declaration.visible() if any(getattr(record, name) for name in fields)]
        content_type = ContentType.objects.get_for_model(model)
        translations = {
            (translation.object_id, translation.language): translation
            for translation in Translation.objects.filter(
                content_type=content_type, object_id__in=[record.pk for record in records]
            )
        }
        for code, name in other_languages():
            for record in records:
                translation = translations.get((record.pk, code))
                if translation is None:
                    queue.append((record, name, "missing", []))
                elif changed := translation.changed_fields(record):
                    queue.append((record, name, "outdated", changed))
    return sorted(queue, key=lambda item: (item[1], item[2] != "outdated", str(item[0])))

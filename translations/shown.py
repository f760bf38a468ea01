"""Records shown in the page's language: each translated field of a record replaced by staff's translation.

Records are translated as they are read, in one query for a list and the records selected and
prefetched with it, so a page costs the same number of queries however much content it shows. A
translated record carries its `translation` (None when there is none yet), which says who translated it, when, and
whether the English has changed since; it is never saved, as its fields no longer hold the English.
"""

from collections import defaultdict
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from publishing.content import declaration_for


def translated_fields(model):
    declaration = declaration_for(model)
    return declaration.translated_fields if declaration is not None else ()


def translate(records, language=None):
    """Show `records`, and the records selected with them, in `language` (the page's) where staff translated them."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return records
    # A record can be read more than once for a page (a treatment's reviewer is also among its providers).
    pending = defaultdict(lambda: defaultdict(list))
    for record in _with_selected(records):
        if record.pk is not None and "translation" not in record.__dict__ and translated_fields(type(record)):
            pending[ContentType.objects.get_for_model(record).pk][record.pk].append(record)
    if not pending:
        return records
    from .models import Translation

    found = Q()
    for content_type, by_pk in pending.items():
        found |= Q(content_type=content_type, object_id__in=list(by_pk))
    translations = {
        (translation.content_type_id, translation.object_id): translation
        for translation in Translation.objects.filter(found, language=language)
    }
    for content_type, by_pk in pending.items():
        for pk, copies in by_pk.items():
            translation = translations.get((content_type, pk))
            for record in copies:
                if translation is None:
                    record.translation = None
                else:
                    _show(record, translation)
    return records


def translated_values(model, field, language=None):
    """{pk: `field` in `language`} where staff translated `model`'s records: for lists read as values, not records."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return {}
    from .models import Translation

    rows = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(model), language=language
    ).values_list("object_id", f"text__{field}")
    return {pk: text for pk, text in rows if text}


def _show(record, translation):
    fields = translated_fields(type(record))
    translation.outdated_fields = translation.changed_fields(record)
    translation.missing = translation.missing_fields(record, fields)
    for name in fields:
        text = translation.text.get(name)
        if text:
            english = getattr(record, name)
            # Marked safe only where the English was (flatpages' HTML), and sanitized on saving like it.
            setattr(record, name, mark_safe(text) if isinstance(english, SafeString) else text)  # noqa: S308
    record.translation = translation


def _with_selected(records, seen=None):
    """`records`, the records select_related() read with them, and theirs; once each (one-to-one links loop)."""
    seen = set() if seen is None else seen
    for record in records:
        if isinstance(record, models.Model) and id(record) not in seen:
            seen.add(id(record))
            yield record
            yield from _with_selected(record._state.fields_cache.values(), seen)


# The records read by the prefetches of a read under way, translated with its own in one query.
_prefetched = ContextVar("prefetched", default=None)


class TranslatedQuerySet(models.QuerySet):
    """Records read in a page's language come translated (see `translate`), with those prefetched with them."""

    def _fetch_all(self):
        if self._result_cache is not None:
            return
        outer = _prefetched.get()
        token = _prefetched.set([]) if outer is None else None
        try:
            super()._fetch_all()
            records = self._result_cache if issubclass(self._iterable_class, models.query.ModelIterable) else []
            if outer is not None:
                outer.extend(records)
            else:
                translate([*records, *_prefetched.get()])
        finally:
            if token is not None:
                _prefetched.reset(token)

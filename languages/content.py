"""Which staff-written text a page shows in another language than its own, so the page can say so.

Content is written in English and translated by staff (translations). Until a record is
translated, a page in another language shows it in English, each element of it marked `lang="en"`
(WCAG 3.1.2, language of parts) under a notice that the page is not yet available in the page's
language.
"""

from django.conf import settings
from django.utils.translation import get_language


def shown_in(record, field=None):
    """The language `record`'s `field` (all its text, when no field is named) is shown in on this page."""
    translation = getattr(record, "translation", None)
    if translation is None:
        return settings.LANGUAGE_CODE
    if field is None:
        return settings.LANGUAGE_CODE if translation.missing else translation.language
    return translation.language if translation.text.get(field) else settings.LANGUAGE_CODE


def is_foreign(record, field=None):
    """Whether `record`'s `field` is shown in another language than the page's."""
    return shown_in(record, field) != get_language()

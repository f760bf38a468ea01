from collections import Counter

from django import template
from django.urls import reverse

from translations.due import translated_kinds, translation_queue
from translations.models import other_languages

register = template.Library()


@register.inclusion_tag("translations/admin/translations_due_summary.html", takes_context=True)
def translations_due_summary(context):
    """On the admin index, for staff who edit content, when the site has other languages: what needs translating."""
    user = context["request"].user
    if not other_languages() or not translated_kinds(user):
        return {"counts": None}
    counts = Counter((language, state) for _, language, state, _ in translation_queue(user))
    by_language = [(name, counts[(name, "missing")], counts[(name, "outdated")]) for _, name in other_languages()]
    return {"counts": by_language, "total": sum(counts.values()), "url": reverse("translations_due")}

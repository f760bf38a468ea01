from django import template

from claims.checker import checked_models, flagged_published_records
from review.due import admin_url

register = template.Library()


@register.simple_tag(takes_context=True)
def wording_to_fix(context):
    """For staff who edit checked content: (name, admin link) of each published page with wording to fix; else None."""
    user = context["request"].user
    if not any(user.has_perm(f"{m._meta.app_label}.change_{m._meta.model_name}") for m in checked_models()):
        return None
    return [
        (f"{record._meta.verbose_name.capitalize()}: {record}", admin_url(record))
        for record in flagged_published_records(user)
    ]

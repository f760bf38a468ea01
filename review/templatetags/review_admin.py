from django import template
from django.urls import reverse

from publishing.permissions import view_permission
from review.due import review_queue
from review.models import reviewable_models

register = template.Library()


@register.filter
def verbose_name(record):
    return record._meta.verbose_name.capitalize()


@register.inclusion_tag("review/admin/review_due_summary.html", takes_context=True)
def review_due_summary(context):
    """On the admin index, for staff who edit medical content: how many pages are due for review."""
    user = context["request"].user
    if not any(user.has_perm(view_permission(m)) for m in reviewable_models()):
        return {"count": None}
    return {"count": len(review_queue(user)), "url": reverse("review_due")}

from django import template
from django.urls import reverse

from consultations.models import ConsultationRequest
from practice.models import Clinic
from publishing.permissions import view_permission

register = template.Library()


def can_see_requests(user):
    return user.has_perm(view_permission(ConsultationRequest))


@register.inclusion_tag("consultations/admin/new_requests.html", takes_context=True)
def new_consultation_requests(context):
    """On the admin home page, for staff who may see requests: how many are new, and since when the oldest waits."""
    if not can_see_requests(context["request"].user):
        return {"count": None}
    new = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW)
    oldest = new.order_by("created_at").values_list("created_at", flat=True).first()
    return {"count": new.count(), "oldest": oldest}


@register.inclusion_tag("consultations/admin/pending_notifications.html", takes_context=True)
def pending_notifications_banner(context):
    """On every admin page, for staff who may see requests: new requests nobody has been emailed about, and why."""
    user = context["request"].user
    if not can_see_requests(user):
        return {"count": 0}
    count = ConsultationRequest.objects.notification_pending().filter(status=ConsultationRequest.Status.NEW).count()
    if not count:
        return {"count": 0}
    clinic = Clinic.load()
    fix_url = ""
    if user.has_perm("practice.change_clinic") and clinic.pk:
        fix_url = reverse("admin:practice_clinic_change", args=[clinic.pk])
    return {
        "count": count,
        "no_intake_address": not clinic.intake_email_list,
        "fix_url": fix_url,
        "inbox_url": reverse("admin:consultations_consultationrequest_changelist") + "?notification=pending",
    }

from django import template

from consultations.models import ConsultationRequest

register = template.Library()


@register.inclusion_tag("consultations/admin/new_requests.html", takes_context=True)
def new_consultation_requests(context):
    """On the admin index, for staff who may see requests: how many are waiting."""
    user = context["request"].user
    if not user.has_perm("consultations.view_consultationrequest"):
        return {"count": None}
    return {"count": ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).count()}

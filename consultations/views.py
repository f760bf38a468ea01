import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from .forms import ConsultationRequestForm
from .models import ConsultationRequest
from .services import notify_staff, submit_request

logger = logging.getLogger(__name__)


def within_rate_limit(request):
    """Count this client's saved requests in the current hour; False once the limit is reached.

    With the cache unreachable (the Redis backend then returns None) it lets requests through:
    a patient's request matters more than a spam limit.
    """
    client = hashlib.sha256(f"{settings.SECRET_KEY}:{request.META.get('REMOTE_ADDR', '')}".encode()).hexdigest()
    key = f"consultations:sent:{client}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr, or never stored
        return True
    return count is None or count <= settings.CONSULTATION_RATE_LIMIT


class RedirectThenNotifyStaff(HttpResponseRedirect):
    """The redirect to the thank-you page, then the staff email once it has been sent.

    The server calls close() after the response has gone out, so a slow or hung mail server never
    keeps the patient waiting. The request is already saved with its notification pending: if the
    email fails, or the process dies first, `send_pending_notifications` sends it later.
    """

    def __init__(self, url, consultation):
        super().__init__(url)
        self.consultation = consultation

    def close(self):
        try:
            notify_staff(self.consultation)
        finally:
            super().close()


@method_decorator(never_cache, name="dispatch")
class ConsultationRequestView(FormView):
    template_name = "consultations/request_form.html"
    form_class = ConsultationRequestForm
    success_url = reverse_lazy("consultations:thanks")

    def get_initial(self):
        return {"treatment": self.request.GET.get("treatment", "")[:50]}

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_honeypot_hit:
            logger.info("Consultation form: spam trap filled in; nothing stored")
            return redirect(self.success_url)
        if not form.is_valid():
            return self.form_invalid(form)
        if not within_rate_limit(request):
            logger.warning("Consultation form: rate limit reached; nothing stored")
            return render(request, "consultations/rate_limited.html", status=429)
        patient = {name: form.cleaned_data[name] for name in ConsultationRequest.PATIENT_FIELDS}
        return RedirectThenNotifyStaff(self.success_url, submit_request(**patient, language=request.LANGUAGE_CODE))


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    template_name = "consultations/thanks.html"

"""The consultation request's write path: save first, then notify staff without personal data."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from practice.models import Clinic
from treatments.models import Treatment

from .models import ConsultationRequest

logger = logging.getLogger(__name__)

# Backends that accept an email and send it nowhere: nobody would hear of a new request.
NON_SENDING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "printed in the server's log",
    "django.core.mail.backends.dummy.EmailBackend": "thrown away",
    "django.core.mail.backends.filebased.EmailBackend": "written to files on the server",
    "django.core.mail.backends.locmem.EmailBackend": "kept in memory",
}


def email_not_sending():
    """How outgoing email is lost with the current settings, or None when it is really sent."""
    return NON_SENDING_EMAIL_BACKENDS.get(settings.EMAIL_BACKEND)


def submit_request(
    *,
    full_name: str,
    phone: str,
    email: str,
    preferred_contact: str,
    best_time: str,
    call_language: str,
    treatment: Treatment | None,
    message: str,
    language: str = settings.LANGUAGE_CODE,
) -> ConsultationRequest:
    """Save a valid request, sent from the form in `language`; its staff notification waits for `notify_staff`."""
    consultation = ConsultationRequest.objects.create(
        full_name=full_name,
        phone=phone,
        email=email,
        preferred_contact=preferred_contact,
        best_time=best_time,
        call_language=call_language,
        treatment=treatment,
        message=message,
        language=language,
        consented_at=timezone.now(),
    )
    logger.info("Consultation request %s received", consultation.pk)
    return consultation


def notify_staff(consultation: ConsultationRequest) -> bool:
    """Email the clinic's intake addresses that a request arrived: a link to it, and nothing about the patient."""
    recipients = Clinic.load().intake_email_list
    if not recipients:
        logger.warning(
            "Consultation request %s: no intake email address is set; notification pending", consultation.pk
        )
        return False
    try:
        send_mail(
            subject="New consultation request",
            message=(
                "A new consultation request has arrived on the website.\n\n"
                f"Open it in the admin (sign-in required):\n{settings.SITE_URL}{consultation.get_admin_url()}\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
    except Exception:
        logger.exception("Consultation request %s: notification email failed; it stays pending", consultation.pk)
        return False
    ConsultationRequest.objects.filter(pk=consultation.pk).update(notified_at=timezone.now())
    logger.info("Consultation request %s: staff notified", consultation.pk)
    return True

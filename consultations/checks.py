"""`manage.py check --deploy`: warn when consultation requests would arrive with nobody told."""

from django.core.checks import Warning, register
from django.db import DatabaseError

from practice.models import Clinic

from .services import email_not_sending


@register(deploy=True)
def staff_are_told_of_requests(app_configs, **kwargs):
    problems = []
    lost = email_not_sending()
    if lost:
        problems.append(
            Warning(
                f"Outgoing email is not set up: emails are {lost}, so nobody is told of new consultation requests.",
                hint="Set EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.com:587.",
                id="consultations.W001",
            )
        )
    try:
        intake = Clinic.load().intake_email_list
    except DatabaseError:
        return problems  # no database yet: `migrate` comes first, and the admin's checklist asks again
    if not intake:
        problems.append(
            Warning(
                "No intake email address is set, so nobody is told of new consultation requests.",
                hint="Add one under Clinic details in the admin (the home page's launch checklist links to it).",
                id="consultations.W002",
            )
        )
    return problems

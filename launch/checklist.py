"""What is still missing before the clinic can go live, for the launch checklist on the admin home page."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.urls import reverse

from claims.checker import flagged_published_records
from consultations.services import email_not_sending
from practice.models import Clinic
from review.due import admin_url
from review.models import reviewable_models
from staff.models import FirstStaffPassword


@dataclass
class Item:
    title: str
    explanation: str
    url: str = ""
    link_text: str = ""
    records: list = field(default_factory=list)  # (name, url) of each record to fix


def open_items(user=None):
    """Every launch task that is not done yet, in the order to do them; `user` is who reads them (their own
    sign-in codes link to setting them up)."""
    items = []
    clinic = Clinic.load()
    clinic_url = (
        reverse("admin:practice_clinic_change", args=[clinic.pk])
        if clinic.pk
        else reverse("admin:practice_clinic_add")
    )
    missing = [
        (not clinic.phone, "phone number", "Pages tell patients to call the clinic, and no number is shown."),
        (not clinic.street_address, "street address", "Patients cannot see where the clinic is."),
        (
            not list(clinic.opening_hours.all()) if clinic.pk else True,
            "opening hours",
            "No page says when you are open.",
        ),
    ]
    for is_missing, what, why in missing:
        if is_missing:
            items.append(Item(f"Add the clinic's {what}", why, clinic_url, "Edit clinic details"))
    if not clinic.intake_email_list:
        items.append(
            Item(
                "Add the intake email addresses",
                "Nobody is told when a consultation request arrives.",
                clinic_url,
                "Edit clinic details",
            )
        )
    lost = email_not_sending()
    if lost:
        items.append(
            Item(
                "Set up outgoing email",
                f"Emails are {lost}, not sent, so nobody is told of new requests. "
                "Whoever runs the server sets EMAIL_URL (see README.md, Deploying).",
            )
        )
    never_reviewed = [
        record for model in reviewable_models() for record in model.objects.filter(last_reviewed__isnull=True)
    ]
    if never_reviewed:
        items.append(
            Item(
                f"{len(never_reviewed)} page{'s' if len(never_reviewed) != 1 else ''} never medically reviewed",
                "A clinician should check each one and set its reviewer and review date.",
                reverse("review_due"),
                "Due for medical review",
            )
        )
    flagged = [
        (f"{record._meta.verbose_name.capitalize()}: {record}", admin_url(record))
        for record in flagged_published_records()
    ]
    if flagged:
        items.append(
            Item(
                f"Wording warnings on {len(flagged)} published page{'s' if len(flagged) != 1 else ''}",
                "Change the flagged wording, or record why it stays and the source behind it.",
                records=flagged,
            )
        )
    without_codes = staff_without_second_factor()
    reader_pk, own_setup = getattr(user, "pk", None), reverse("admin:second_factor")
    if without_codes:
        items.append(
            Item(
                f"{len(without_codes)} staff account{'s' if len(without_codes) != 1 else ''} without sign-in codes",
                "Each of them sets up an authenticator app the next time they sign in; "
                "an account nobody uses should be switched off.",
                records=[
                    (account.get_username(), own_setup if account.pk == reader_pk else admin_url(account))
                    for account in without_codes
                ],
            )
        )
    for first in FirstStaffPassword.objects.select_related("user"):
        if not first.replaced:
            items.append(
                Item(
                    f"Replace the one-time password of {first.user.get_username()!r}",
                    "It was printed when the site was installed: whoever saw it could sign in.",
                    reverse("admin:password_change"),
                    "Change password",
                )
            )
    return items


def staff_without_second_factor():
    return list(
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .exclude(totpdevice__confirmed=True)
        .order_by("username")
    )

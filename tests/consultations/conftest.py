import time

import pytest
from django.core import signing

from consultations.forms import RENDERED_AT_SALT
from practice.models import Clinic


def rendered_at(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=RENDERED_AT_SALT)


@pytest.fixture
def valid_data():
    """What a patient fills in, with a form token from a minute ago."""
    return {
        "full_name": "José García",
        "phone": "(310) 555-0123",
        "email": "jose@example.com",
        "preferred_contact": "phone",
        "best_time": "morning",
        "treatment": "stem-cell-therapy",
        "message": "Knee pain for two years.",
        "consent": "on",
        "website": "",
        "rendered_at": rendered_at(),
    }


@pytest.fixture
def intake(db):
    clinic = Clinic.objects.get()
    clinic.intake_emails = "frontdesk@example.com\nmanager@example.com"
    clinic.phone = "(310) 555-0100"
    clinic.save()
    return clinic

"""Whatever is thrown at the form, it never fails with a server error and never saves an invalid record."""

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultations.models import ConsultationRequest

from .conftest import rendered_at

pytestmark = pytest.mark.django_db

text = st.one_of(st.text(max_size=50), st.text(min_size=900, max_size=3000), st.just(""))
phones = st.one_of(text, st.from_regex(r"\+?1?[ .(-]*[2-9]\d\d[ .)-]*\d{3}[ .-]*\d{4}", fullmatch=True))
emails = st.one_of(text, st.emails())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    full_name=text,
    phone=phones,
    email=emails,
    preferred_contact=st.sampled_from(["phone", "email", "fax", ""]),
    best_time=st.sampled_from(["morning", "afternoon", "any", "midnight"]),
    treatment=st.one_of(st.just("stem-cell-therapy"), text),
    message=text,
    consent=st.sampled_from(["on", ""]),
)
def test_arbitrary_input_never_errors_and_never_saves_an_invalid_record(
    full_name, phone, email, preferred_contact, best_time, treatment, message, consent
):
    data = {
        "full_name": full_name,
        "phone": phone,
        "email": email,
        "preferred_contact": preferred_contact,
        "best_time": best_time,
        "treatment": treatment,
        "message": message,
        "consent": consent,
        "website": "",
        "rendered_at": rendered_at(),
    }
    before = ConsultationRequest.objects.count()
    with override_settings(CONSULTATION_RATE_LIMIT=10_000):
        response = Client().post("/request-consultation/", data)
    assert response.status_code in (200, 302)
    if response.status_code != 302:
        assert ConsultationRequest.objects.count() == before
    for saved in ConsultationRequest.objects.all():
        saved.full_clean()
        assert saved.phone or saved.email
        assert saved.phone == "" or (saved.phone.startswith("+1") and len(saved.phone) == 12)
        assert len(saved.message) <= 1000
        assert all(ord(c) >= 32 or c == "\n" for c in saved.full_name + saved.message)

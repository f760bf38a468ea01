import re

import pytest
from django.test import Client

from consultations.forms import seconds_since_shown
from consultations.models import ConsultationRequest
from tests.conftest import page_text

from .conftest import rendered_at

pytestmark = pytest.mark.django_db
URL = "/request-consultation/"


def test_form_page_preselects_the_treatment_from_the_link(client):
    content = client.get(URL, {"treatment": "stem-cell-therapy"}).content.decode()
    assert '<option value="stem-cell-therapy" selected>Stem cell therapy</option>' in content
    assert '<option value="">Not sure yet</option>' in content


def test_form_asks_only_for_what_is_needed(client):
    """No date of birth, insurance or social security number: only the fields the clinic needs."""
    response = client.get(URL)
    fields = set(response.context["form"].fields)
    assert fields == {
        "full_name",
        "phone",
        "email",
        "preferred_contact",
        "best_time",
        "call_language",
        "treatment",
        "message",
        "consent",
        "website",
        "rendered_at",
    }
    text = page_text(response).lower()
    for never in ("date of birth", "insurance", "social security"):
        assert never not in text


def test_form_hints_not_to_include_medical_history_and_links_the_privacy_notice(client):
    response = client.get(URL)
    assert "Please do not include detailed medical history" in page_text(response)
    assert '<a href="/privacy/#if-you-ask-for-a-consultation">privacy notice</a>' in response.content.decode()


def test_valid_request_is_saved_with_every_field_and_redirected(client, valid_data, intake):
    response = client.post(URL, valid_data)
    assert response.status_code == 302
    assert response["Location"] == "/request-consultation/thanks/"
    consultation = ConsultationRequest.objects.get()
    assert consultation.full_name == "José García"
    assert consultation.phone == "+13105550123"
    assert consultation.email == "jose@example.com"
    assert consultation.preferred_contact == "phone"
    assert consultation.best_time == "morning"
    assert consultation.treatment.slug == "stem-cell-therapy"
    assert consultation.message == "Knee pain for two years."
    assert consultation.status == ConsultationRequest.Status.NEW
    assert consultation.consented_at is not None


def test_thank_you_page_says_what_happens_next_with_the_phone_and_911(client, intake):
    response = client.get("/request-consultation/thanks/")
    text = page_text(response)
    assert "What happens next" in text
    assert "In an emergency, call 911." in text
    assert 'href="tel:+13105550100"' in response.content.decode()


def test_thank_you_page_says_when_the_clinic_will_call_back_as_staff_promise(client, intake):
    intake.callback_promise = "by the end of the next working day"
    intake.save()
    text = page_text(client.get("/request-consultation/thanks/"))
    assert "Someone from our front desk will contact you by the end of the next working day, at the phone" in text


def test_thank_you_page_promises_no_time_until_staff_set_one(client, intake):
    text = page_text(client.get("/request-consultation/thanks/"))
    assert "Someone from our front desk will contact you at the phone number" in text


def test_refreshing_the_thank_you_page_submits_nothing(client, valid_data):
    client.post(URL, valid_data, follow=True)
    client.get("/request-consultation/thanks/")
    client.get("/request-consultation/thanks/")
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.parametrize(
    "phone",
    [
        "310-555-0123",
        "(310) 555-0123",
        "310.555.0123",
        "3105550123",
        "+1 310 555 0123",
        "1-310-555-0123",
        "+13105550123",
        " 310 555 0123 ",
    ],
)
def test_us_phone_numbers_in_any_common_format_are_stored_normalized(client, valid_data, phone):
    client.post(URL, valid_data | {"phone": phone})
    assert ConsultationRequest.objects.get().phone == "+13105550123"


def test_names_in_any_script_are_accepted(client, valid_data):
    for name in ("李小龍", "Zoë O'Brien-Núñez", "Иван Петров", "محمد"):
        client.post(URL, valid_data | {"full_name": name})
    assert sorted(ConsultationRequest.objects.values_list("full_name", flat=True)) == sorted(
        ["李小龍", "Zoë O'Brien-Núñez", "Иван Петров", "محمد"]
    )


def test_control_characters_are_stripped(client, valid_data):
    client.post(URL, valid_data | {"full_name": "Ana\x00 Lima\x1b[31m\u202e", "message": "Line one\r\nLine\x07 two"})
    consultation = ConsultationRequest.objects.get()
    assert consultation.full_name == "Ana Lima[31m"
    assert consultation.message == "Line one\nLine two"


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"full_name": ""}, "full_name", "Enter your name, so we know who to ask for when we get in touch."),
        ({"phone": "", "email": ""}, "phone", "Enter a phone number or an email address so we can reach you."),
        ({"phone": "555-0123"}, "phone", "Enter a US phone number with its area code"),
        ({"phone": "+44 20 7946 0958"}, "phone", "Enter a US phone number with its area code"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"preferred_contact": "email", "email": ""}, "email", "Enter your email address, or choose to be contacted"),
        ({"consent": ""}, "consent", "Tick the box to let us contact you about your request."),
        ({"message": "x" * 1001}, "message", "Ensure this value has at most 1000 characters"),
        ({"full_name": "x" * 5000}, "full_name", "Ensure this value has at most 120 characters"),
        ({"treatment": "no-such-treatment"}, "treatment", "Select a valid choice."),
    ],
)
def test_invalid_request_shows_errors_keeps_input_and_saves_nothing(client, valid_data, change, field, message):
    response = client.post(URL, valid_data | change)
    assert response.status_code == 200
    assert ConsultationRequest.objects.count() == 0
    content = response.content.decode()
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    # The error summary links to the field; the field points at its error and is marked invalid.
    target = form[field].auto_id
    assert f'href="#{target}"' in content
    assert f'id="{target}_error"' in content
    if field not in ("consent",):
        assert 'aria-invalid="true"' in content
    # Everything typed is still there.
    if "full_name" not in change:
        assert 'value="José García"' in content


def test_error_page_title_says_there_is_an_error(client, valid_data):
    response = client.post(URL, valid_data | {"full_name": ""})
    assert "<title>Error: Request a consultation" in response.content.decode()
    assert "There is a problem with your request" in page_text(response)


def test_honeypot_gets_the_thank_you_page_and_stores_nothing(client, valid_data):
    response = client.post(URL, valid_data | {"website": "http://spam.example"})
    assert response.status_code == 302
    assert response["Location"] == "/request-consultation/thanks/"
    assert ConsultationRequest.objects.count() == 0


def test_too_fast_submission_is_asked_to_send_again_and_nothing_is_saved(client, valid_data):
    response = client.post(URL, valid_data | {"rendered_at": rendered_at(seconds_ago=0)})
    assert response.status_code == 200
    assert "That was quicker than we expected" in page_text(response)
    assert ConsultationRequest.objects.count() == 0
    assert 'value="José García"' in response.content.decode()


def test_a_form_shown_again_is_timed_from_its_first_showing(client, valid_data):
    """A patient who fixes a mistake within 3 seconds of seeing it is not refused as too fast."""
    first_shown = rendered_at(seconds_ago=10)
    response = client.post(URL, valid_data | {"rendered_at": first_shown, "full_name": ""})
    assert response.context["form"]["rendered_at"].value() == first_shown
    assert f'<input type="hidden" name="rendered_at" value="{first_shown}" id="id_rendered_at">' in (
        response.content.decode()
    )


@pytest.mark.parametrize("token", ["garbage", rendered_at(seconds_ago=60 * 60 * 25)])
def test_a_forged_or_expired_token_is_replaced_when_the_form_is_shown_again(client, valid_data, token):
    response = client.post(URL, valid_data | {"rendered_at": token})
    fresh = response.context["form"]["rendered_at"].value()
    assert fresh != token
    assert 0 <= seconds_since_shown(fresh) < 60


@pytest.mark.parametrize("token", ["", "garbage", rendered_at(seconds_ago=60 * 60 * 25)])
def test_missing_forged_or_expired_token_is_refused_with_a_message(client, valid_data, token):
    response = client.post(URL, valid_data | {"rendered_at": token})
    assert response.status_code == 200
    assert ConsultationRequest.objects.count() == 0
    assert response.context["form"].errors


def test_rate_limit_stops_a_sixth_request_within_an_hour_and_gives_the_phone(client, valid_data, intake):
    for _ in range(5):
        assert client.post(URL, valid_data).status_code == 302
    response = client.post(URL, valid_data)
    assert response.status_code == 429
    assert 'href="tel:+13105550100"' in response.content.decode()
    assert ConsultationRequest.objects.count() == 5


def test_rate_limit_is_per_client(valid_data):
    for _ in range(5):
        Client(REMOTE_ADDR="10.0.0.1").post(URL, valid_data)
    assert Client(REMOTE_ADDR="10.0.0.2").post(URL, valid_data).status_code == 302


def test_csrf_token_is_required(valid_data):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, valid_data).status_code == 403
    assert ConsultationRequest.objects.count() == 0


def test_form_and_thank_you_pages_are_never_cached(client):
    for url in (URL, "/request-consultation/thanks/"):
        assert "no-store" in client.get(url)["Cache-Control"]


@pytest.mark.parametrize("url", ["/", "/treatments/stem-cell-therapy/", "/faq/"])
def test_pages_link_to_the_consultation_form(client, url):
    assert 'href="/request-consultation/' in client.get(url).content.decode()


def test_treatment_page_links_to_the_form_with_the_treatment_preselected(client):
    content = client.get("/treatments/stem-cell-therapy/").content.decode()
    assert 'href="/request-consultation/?treatment=stem-cell-therapy"' in content


def test_the_treatment_menu_points_at_its_error_like_every_other_field(client, valid_data):
    content = client.post(URL, valid_data | {"treatment": "no-such-treatment"}).content.decode()
    select = re.search(r'<select name="treatment"[^>]*>', content).group()
    assert 'aria-invalid="true"' in select
    assert 'aria-describedby="id_treatment_error"' in select


def test_treatment_names_in_the_menu_are_escaped(client, make_treatment):
    make_treatment('Knee <b>&</b> "hip"', slug="knee-hip")
    content = client.get(URL, {"treatment": "knee-hip"}).content.decode()
    assert '<option value="knee-hip" selected>Knee &lt;b&gt;&amp;&lt;/b&gt; &quot;hip&quot;</option>' in content

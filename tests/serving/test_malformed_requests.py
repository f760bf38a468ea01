"""A malformed request gets the styled 400 page, never the 500 page or a traceback in the log."""

import logging

import pytest
from django.test import Client

from tests.conftest import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("charset", ["latin-1", "bogus", "utf-16"])
@pytest.mark.parametrize("url", ["/", "/request-consultation/", "/faq/", "/no-such-page/"])
def test_a_form_in_another_character_set_gets_the_400_page(caplog, charset, url):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    with caplog.at_level(logging.INFO):
        response = client.generic(
            "POST", url, b"full_name=Ana", content_type=f"application/x-www-form-urlencoded; charset={charset}"
        )
    assert response.status_code == 400
    assert "Sorry, we could not read that request" in page_text(response)
    assert all(record.exc_info is None for record in caplog.records)
    assert "Traceback" not in caplog.text

"""Every public page is valid HTML, as the Nu Html Checker (the W3C's validator) sees it."""

import pytest
from django.conf import settings

from tests.pages import PUBLIC_PAGES

from .checks import fill_in_clinic_details

pytestmark = pytest.mark.django_db


def fetch_public_pages(client, label):
    documents = {}
    for param in PUBLIC_PAGES:
        path, status = param.values
        response = client.get(path)
        assert response.status_code == status, path
        documents[f"{param.id} ({label})"] = response.content.decode()
    return documents


def test_every_public_page_and_the_stylesheet_are_valid(client, nu_html_checker):
    """Pages as launched and with the clinic's details filled in, the stylesheet and the icon, in one run of Java."""
    documents = fetch_public_pages(client, "launch content")
    fill_in_clinic_details()
    documents |= fetch_public_pages(client, "with clinic details")
    static = settings.BASE_DIR / "static"

    problems = nu_html_checker(documents, files=[static / "css" / "site.css", static / "favicon.svg"])

    assert not problems, "The Nu Html Checker found:\n" + "\n".join(problems)

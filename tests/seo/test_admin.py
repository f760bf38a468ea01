"""Staff set what search engines show for a page in its admin "Search engine" section."""

import pytest
from django.conf import settings

from practice.models import Provider
from treatments.models import Condition, Treatment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "treatments/treatment/{treatment}/change/",
        "treatments/condition/{condition}/change/",
        "practice/provider/{provider}/change/",
    ],
)
def test_change_page_has_a_collapsed_search_engine_section(staff_client, path):
    ids = {
        "treatment": Treatment.objects.get(slug="stem-cell-therapy").pk,
        "condition": Condition.objects.get(slug="chronic-back-pain").pk,
        "provider": Provider.objects.get(slug="rostam-khoshsar").pk,
    }
    response = staff_client.get(f"/{settings.ADMIN_URL}" + path.format(**ids))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Search engine" in content
    assert 'name="seo_title"' in content and 'name="meta_description"' in content
    assert 'maxlength="160"' in content

"""Pages carry an ETag, and a browser that already has the page gets a 304."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/faq/", "/treatments/stem-cell-therapy/"])
def test_repeat_request_with_the_etag_gets_304_from_cache_and_from_render(client, url):
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # from the cache
    client.get("/")  # nothing changed: still the same page
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_uncached_pages_carry_an_etag_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get("/faq/")
    assert response.has_header("ETag")
    assert client.get("/faq/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304

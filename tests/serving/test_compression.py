"""Cached pages go out compressed (brotli or gzip) to clients that accept it, compressed once when stored."""

import gzip
from unittest import mock

import brotli
import pytest
from django.test import Client

from tests.serving.wsgi import get_before_django

pytestmark = pytest.mark.django_db

URL = "/treatments/stem-cell-therapy/"
BROWSER = "gzip, deflate, br, zstd"  # what Chrome and Firefox send


def test_a_browser_gets_brotli_and_a_client_without_it_gzip_or_plain():
    plain = Client().get(URL)
    assert "Content-Encoding" not in plain
    for accept, coding, decompress in (
        (BROWSER, "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
        ("br;q=0, gzip;q=0.5", "gzip", gzip.decompress),
    ):
        status, headers, body = get_before_django(URL, **{"accept-encoding": accept})
        assert headers["Content-Encoding"] == coding, accept
        assert decompress(body) == plain.content
        assert int(headers["Content-Length"]) == len(body) < len(plain.content) / 2
    status, headers, body = get_before_django(URL, **{"accept-encoding": "identity"})
    assert "Content-Encoding" not in headers and body == plain.content


def test_the_first_visitor_gets_the_compressed_page_too():
    response = Client().get(URL, headers={"accept-encoding": BROWSER})
    assert response["X-Cache"] == "miss"
    assert response["Content-Encoding"] == "br"
    assert b"<h1" in brotli.decompress(response.content)


def test_every_encoding_varies_on_accept_encoding_and_has_its_own_etag():
    Client().get(URL)
    etags = set()
    for accept in (BROWSER, "gzip", ""):
        _, headers, _ = get_before_django(URL, **{"accept-encoding": accept})
        assert "Accept-Encoding" in [v.strip() for v in headers["Vary"].split(",")]
        etags.add(headers["ETag"])
    assert len(etags) == 3


def test_each_encoding_answers_304_to_its_own_etag_only():
    Client().get(URL)
    _, br, _ = get_before_django(URL, **{"accept-encoding": BROWSER})
    _, plain, _ = get_before_django(URL)
    status, headers, body = get_before_django(URL, **{"accept-encoding": BROWSER, "if-none-match": br["ETag"]})
    assert (status, body) == ("304 Not Modified", b"")
    assert headers["ETag"] == br["ETag"] and "Content-Length" not in headers
    assert get_before_django(URL, **{"accept-encoding": BROWSER, "if-none-match": plain["ETag"]})[0] == "200 OK"
    assert get_before_django(URL, **{"if-none-match": plain["ETag"]})[0] == "304 Not Modified"


def test_a_head_request_gets_the_length_without_the_body():
    Client().get(URL)
    _, get_headers, body = get_before_django(URL, **{"accept-encoding": BROWSER})
    response = Client().head(URL, headers={"accept-encoding": BROWSER})
    assert response.content == b""
    assert response["Content-Length"] == get_headers["Content-Length"] == str(len(body))


def test_pages_are_compressed_once_when_stored_never_per_request():
    with mock.patch("brotli.compress", wraps=brotli.compress) as compress:
        for _ in range(5):
            Client().get(URL, headers={"accept-encoding": BROWSER})
            get_before_django(URL, **{"accept-encoding": BROWSER})
    assert compress.call_count == 1


def test_pages_that_are_not_stored_are_sent_as_rendered(staff_client):
    response = staff_client.get(URL, headers={"accept-encoding": BROWSER})
    assert response.status_code == 200
    assert "Content-Encoding" not in response

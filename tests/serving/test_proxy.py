"""Behind a load balancer, the visitor's own address is used for lockouts and rate limits, and only then."""

from django.http import HttpResponse
from django.test import RequestFactory

from serving.middleware import ProxyClientAddressMiddleware


def client_address(settings, proxies, forwarded_for):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded_for, REMOTE_ADDR="10.0.0.2")
    ProxyClientAddressMiddleware(lambda request: HttpResponse())(request)
    return request.META["REMOTE_ADDR"]


def test_the_address_the_load_balancer_appended_is_the_visitors(settings):
    assert client_address(settings, 1, "198.51.100.7, 203.0.113.9") == "203.0.113.9"


def test_addresses_a_client_made_up_are_ignored(settings):
    assert client_address(settings, 2, "1.2.3.4, 198.51.100.7, 203.0.113.9") == "198.51.100.7"


def test_without_trusted_proxies_the_header_is_ignored(settings):
    assert client_address(settings, 0, "203.0.113.9") == "10.0.0.2"

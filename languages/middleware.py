from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation
from django.utils.translation import get_language_from_path

from .addresses import language_of, path_in, unprefixed


class LanguageFromAddressMiddleware:
    """Each request is answered in its address's language (`languages.addresses`), and says so in Content-Language.

    Unlike Django's LocaleMiddleware it never reads Accept-Language or a cookie, so it never
    redirects and adds no `Vary: Accept-Language`: every visitor gets the same page at an address.
    The language is switched back afterwards, so nothing rendered later in the same thread
    inherits it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request.path_info)
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RedirectInEveryLanguageMiddleware(RedirectFallbackMiddleware):
    """A page whose address staff changed keeps its old address in every language, as a 301 to the new one.

    The redirects are recorded once, at the default language's addresses (seo.signals); the old
    Spanish address `/es/treatments/old/` answers with `/es/treatments/new/`.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        language = get_language_from_path(request.path_info)
        if response.status_code != 404 or language is None:
            return response
        old_path = unprefixed(request.get_full_path())
        redirect = Redirect.objects.filter(site=get_current_site(request), old_path=old_path).first()
        if redirect is None:
            return response
        if redirect.new_path == "":
            return self.response_gone_class()
        return self.response_redirect_class(path_in(language, redirect.new_path))

from django.utils import translation

from .addresses import language_of


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

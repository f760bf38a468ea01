"""A page's language is its address's: English at today's addresses, every other language under its code.

`/treatments/` is English and `/es/treatments/` Spanish, for everyone who asks: never the browser's
`Accept-Language`, a cookie or where the visitor is. So a page is one page per address (the page
cache and edge caches keep it once), and nobody is sent away from the language they opened.
Apart from that prefix a page's address is the same in every language.
"""

from django.conf import settings
from django.utils.translation import get_language_from_path


def language_of(path):
    """The language of the page at `path` ("es" for "/es/faq/"), the default language without a prefix."""
    return get_language_from_path(path) or settings.LANGUAGE_CODE


def unprefixed(path):
    """`path` without its language prefix: "/faq/" for "/es/faq/" and for "/faq/"."""
    language = get_language_from_path(path)
    if language is None:
        return path
    return path.removeprefix(f"/{language}") or "/"


def path_in(language, path):
    """The address of the page at `path` in `language`: "/es/faq/" for ("es", "/faq/")."""
    path = unprefixed(path)
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

from languages.addresses import path_in

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """This page in each of the site's languages, the default (x-default) first: code, name in that language, address.

    A list keeps its page number (`?page=2`), as the canonical address does.
    """
    page = context.get("page_obj")
    suffix = f"?page={page.number}" if page is not None and page.number > 1 else ""
    current = get_language()
    path = context["request"].path
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "path": path_in(code, path) + suffix,
            "url": settings.SITE_URL + path_in(code, path) + suffix,
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.filter
def in_current_language(path):
    """A page's address in the language being shown: "/es/about/" for a simple page's "/about/" on a Spanish page."""
    return path_in(get_language(), path)

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from languages.addresses import path_in
from languages.content import is_foreign, shown_in

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


@register.simple_tag
def content_lang(record, field=None):
    """` lang="en"` on an element holding `record`'s `field` when it is not in the page's language, else nothing."""
    return format_html(' lang="{}"', shown_in(record, field)) if is_foreign(record, field) else ""


@register.simple_tag
def content_text(record, field, lower=False):
    """`record`'s `field` to place inside the page's own wording: in a `<span lang>` when it is not in its language."""
    value = getattr(record, field)
    value = value.lower() if lower else value
    return (
        format_html('<span lang="{}">{}</span>', shown_in(record, field), value)
        if is_foreign(record, field)
        else value
    )


@register.inclusion_tag("includes/not_translated.html", takes_context=True)
def not_translated_notice(context, record=None):
    """Under the title of a page whose text (a record's, or a list's) is not in its language: say so, and the phone."""
    records = [record] if record is not None else context.get("object_list") or [None]
    return {
        "shown": any(is_foreign(shown) for shown in records),
        "language": get_language_info(get_language())["name_local"],
        "clinic": context.get("clinic"),
    }

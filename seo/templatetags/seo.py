import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from publishing.content import declaration_for
from publishing.text import plain_text
from seo import schema

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a record's text must not end the block: escape <, > and &
# as JSON escapes, which parse back to the same characters (as django.utils.html.json_script does).
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address on the public site (SITE_URL): no query string but a list's page number.

    The number is the page the list shows, never the query string: a page is the same (and cached
    once, see serving.page_cache) whatever parameters it does not use were added to its address.
    """
    page = context.get("page_obj")
    suffix = f"?page={page.number}" if page is not None and page.number > 1 else ""
    return settings.SITE_URL + context["request"].path + suffix


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """What the page's `name` block renders, again: the Open Graph title is the <title>, without repeating it."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    with context.push(block=block):
        return block.nodelist.render(context).strip()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, record):
    """The trail from the home page to `record`'s page, as its content declaration gives it (and its JSON-LD)."""
    # Home first, then at most one list (Treatments, Questions...), then the page itself.
    *parents, (title, _path) = declaration_for(record.__class__).trail(record)[1:]
    parent_title, parent_url = parents[-1] if parents else (None, None)
    return {
        "request": context["request"],
        "parent_title": parent_title,
        "parent_url": parent_url,
        "title": title,
        "record": record,
    }


register.filter("plain_text", plain_text)  # for a meta description


@register.simple_tag(takes_context=True)
def structured_data(context, record=None, graph=()):
    """The page's schema.org JSON-LD: the clinic, plus `record` (a detail page) and `graph`, the page's own things.

    A data block, never executed, so the Content-Security-Policy's script rules do not apply to it.
    """
    graph = schema.page_graph(clinic=context.get("clinic"), record=record, graph=graph)
    data = json.dumps({"@context": schema.SCHEMA_ORG, "@graph": graph}, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = mark_safe(data.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - JSON with <, > and & escaped
    return format_html('<script type="application/ld+json">{}</script>', escaped)


@register.filter
def sitemap_picture(item):
    """The address of the picture a sitemap entry's page shows (its largest JPEG), or None."""
    item, _language = item  # a sitemap in every language lists (record, language code) pairs
    declaration = declaration_for(type(item)) if hasattr(item, "_meta") else None
    picture = declaration.picture_of(item) if declaration else None
    return schema.absolute(picture.largest("JPEG").url) if picture else None

import html

from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import strip_tags

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address on the public site (SITE_URL), without its query string."""
    return settings.SITE_URL + context["request"].path


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """What the page's `name` block renders, again: the Open Graph title is the <title>, without repeating it."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    with context.push(block=block):
        return block.nodelist.render(context).strip()


@register.filter
def plain_text(value):
    """Sanitized rich text as the words a reader sees, for a meta description."""
    return " ".join(html.unescape(strip_tags(value)).split())

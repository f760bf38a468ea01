import re

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()

# Sanitized rich text: headings carry no attributes (the editor allows none).
HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.S)


@register.filter
def heading_ids(content):
    """Give each heading an id made from its words, so a link can lead to that part: /privacy/#cookies."""
    taken = set()

    def with_id(match):
        tag, text = match.groups()
        base = slugify(strip_tags(text)) or "section"
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        return f'<{tag} id="{anchor}">{text}</{tag}>'

    return mark_safe(HEADING.sub(with_id, content))  # noqa: S308 - the page's own sanitized HTML, ids are slugs

"""Text as readers and phones see it: small helpers for any app, naming no domain and needing no database."""

import html

from django.utils.html import strip_tags


def plain_text(value):
    """Sanitized rich text as the words a reader sees: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def phone_href(phone):
    """A tel: link for a US number as staff type it ("(310) 555-0100" -> "tel:+13105550100"); "" for none."""
    digits = "".join(c for c in phone if c.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if digits else ""

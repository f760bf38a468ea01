from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

EMPTY_FIRST_HEADER = '<th class="original"></th>'


@register.filter(is_safe=True)
def first_column_named(table, name):
    """Django's tabular inline, with a (visually hidden) heading for the first column, which it leaves empty."""
    heading = format_html('<th class="original"><span class="visually-hidden">{}</span></th>', name)
    return mark_safe(str(table).replace(EMPTY_FIRST_HEADER, heading, 1))  # noqa: S308 - Django's own rendered HTML

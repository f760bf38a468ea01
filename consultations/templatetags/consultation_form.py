from django import template

register = template.Library()


@register.simple_tag
def widget(field):
    """The field's input, marked invalid (for the error styles) when it has an error."""
    if not field.errors:
        return field.as_widget()
    return field.as_widget(attrs={"class": f"{field.field.widget.attrs.get('class', '')} is-invalid".strip()})

from django import template

from launch.checklist import open_items

register = template.Library()


@register.inclusion_tag("admin/launch/checklist.html", takes_context=True)
def launch_checklist(context):
    """On the admin home page, for administrators: what is still to do before going live."""
    if not context["request"].user.is_superuser:
        return {"items": []}
    return {"items": open_items(context["request"].user)}

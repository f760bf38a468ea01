from django.contrib.auth import get_permission_codename


def view_permission(model):
    """The permission `user.has_perm()` checks to let staff see `model` (a model or a record) in the admin.

    "treatments.view_treatment", built as Django's admin builds it.
    """
    opts = model._meta
    return f"{opts.app_label}.{get_permission_codename('view', opts)}"

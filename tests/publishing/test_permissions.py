"""The view permission's name is the one Django's admin checks."""

from django.contrib.admin.sites import site

from consultations.models import ConsultationRequest
from publishing.permissions import view_permission
from treatments.models import Treatment


def test_view_permission_names_the_models_own_view_permission():
    """For a model or one of its records, the "app.view_model" name that user.has_perm() takes."""
    assert view_permission(Treatment) == "treatments.view_treatment"
    assert view_permission(ConsultationRequest()) == "consultations.view_consultationrequest"


def test_view_permission_is_what_the_admin_grants_viewing_by(rf):
    """A user holding exactly that permission may view the model in the admin; without it, not."""

    class User:
        is_active = True

        def __init__(self, perms):
            self.perms = perms

        def has_perm(self, perm, obj=None):
            return perm in self.perms

    request = rf.get("/")
    model_admin = site.get_model_admin(Treatment)
    request.user = User({view_permission(Treatment)})
    assert model_admin.has_view_permission(request)
    request.user = User(set())
    assert not model_admin.has_view_permission(request)

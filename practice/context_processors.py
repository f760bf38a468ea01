from django.utils.functional import SimpleLazyObject

from .models import Clinic


def clinic(request):
    """The clinic's details for the header and footer of every page, loaded only when a template uses them."""
    return {"clinic": SimpleLazyObject(Clinic.load)}

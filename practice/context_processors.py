from django.utils.functional import SimpleLazyObject

from publishing.cache import kept_per_content_version

from .models import Clinic


def clinic(request):
    """The clinic's details for the header and footer of every page, loaded only when a template uses them."""
    return {"clinic": SimpleLazyObject(lambda: kept_per_content_version("clinic", Clinic.load))}

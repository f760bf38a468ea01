from django.http import FileResponse, Http404

from .models import Picture
from .processing import CONTENT_TYPES

# A rendition's address changes whenever its picture does (it is named after the content), so browsers
# and caches may keep it for good.
A_YEAR = 365 * 24 * 60 * 60


def rendition(request, name):
    """A rendition of an uploaded picture, from whichever storage holds it. The originals are never served."""
    try:
        file = Picture._meta.get_field("image").storage.open(name, "rb")
    except FileNotFoundError as missing:
        raise Http404("No such picture.") from missing
    response = FileResponse(file, content_type=CONTENT_TYPES[name.rsplit(".", 1)[1]])
    response["Cache-Control"] = f"public, max-age={A_YEAR}, immutable"
    return response

import logging

from django.http import FileResponse, Http404, HttpResponse

from serving.storage import FAILURES

from .models import Picture
from .processing import CONTENT_TYPES

logger = logging.getLogger(__name__)

# A rendition's address changes whenever its picture does (it is named after the content), so browsers
# and caches may keep it for good.
A_YEAR = 365 * 24 * 60 * 60


def rendition(request, name):
    """A rendition of an uploaded picture, from whichever storage holds it. The originals are never served."""
    try:
        file = Picture._meta.get_field("image").storage.open(name, "rb")
    except FileNotFoundError as missing:
        raise Http404("No such picture.") from missing
    except FAILURES:
        # The page around it still shows (its alt text, and the picture's space), and the browser may ask again.
        logger.exception("A picture's storage did not answer")
        return HttpResponse("This picture cannot be shown just now.", status=503, headers={"Retry-After": "60"})
    response = FileResponse(file, content_type=CONTENT_TYPES[name.rsplit(".", 1)[1]])
    response["Cache-Control"] = f"public, max-age={A_YEAR}, immutable"
    return response

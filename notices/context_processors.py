from django.utils.functional import SimpleLazyObject

from publishing.cache import kept_per_content_version

from .models import NoticeBoard, SiteNotice


def notices(request):
    """The published site notices for the footer, the form and treatment pages, loaded when a template uses them."""
    board = SimpleLazyObject(
        lambda: kept_per_content_version("site notices", lambda: NoticeBoard(SiteNotice.objects.published()))
    )
    return {"site_notices": board}

from django.utils.functional import SimpleLazyObject

from .models import NoticeBoard, SiteNotice


def notices(request):
    """The published site notices for the footer, the form and treatment pages, loaded when a template uses them."""
    return {"site_notices": SimpleLazyObject(lambda: NoticeBoard(SiteNotice.objects.published()))}

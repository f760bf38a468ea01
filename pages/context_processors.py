from django.contrib.flatpages.models import FlatPage
from django.utils.functional import SimpleLazyObject

from publishing.cache import kept_per_content_version
from publishing.content import declaration_for


def footer_pages(request):
    """The simple pages every page's footer links to, loaded when a template uses them."""
    return {
        "footer_pages": SimpleLazyObject(
            lambda: kept_per_content_version("footer pages", lambda: list(declaration_for(FlatPage).visible()))
        )
    }

from django.contrib.flatpages.models import FlatPage
from django.utils.functional import SimpleLazyObject

from publishing.cache import kept_per_content_version
from publishing.content import declaration_for
from translations.shown import translate


def footer_pages(request):
    """The simple pages every page's footer links to, loaded when a template uses them."""
    return {
        "footer_pages": SimpleLazyObject(
            lambda: kept_per_content_version(
                "footer pages", lambda: translate(list(declaration_for(FlatPage).visible()))
            )
        )
    }

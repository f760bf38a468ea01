"""Every public page and the status it answers with.

A feature that adds a public page adds it here, and so to every site-wide check: nothing loaded
from other hosts, head tags, structured data, accessibility, valid HTML, layout and screenshots.
"""

import pytest
from django.utils import translation

from languages.addresses import language_of

PUBLIC_PAGES = [
    pytest.param("/", 200, id="home"),
    pytest.param("/treatments/", 200, id="treatments"),
    pytest.param("/treatments/stem-cell-therapy/", 200, id="treatment"),
    pytest.param("/treatments/stem-cell-therapy/questions/", 200, id="treatment-questions"),
    pytest.param("/conditions/", 200, id="conditions"),
    pytest.param("/conditions/chronic-back-pain/", 200, id="condition"),
    pytest.param("/faq/", 200, id="faq"),
    pytest.param("/faq/what-are-stem-cells/", 200, id="question"),
    pytest.param("/providers/rostam-khoshsar/", 200, id="provider"),
    pytest.param("/about/", 200, id="about"),
    pytest.param("/privacy/", 200, id="privacy"),
    pytest.param("/accessibility/", 200, id="accessibility"),
    pytest.param("/request-consultation/", 200, id="consultation-form"),
    pytest.param("/plan-your-visit/", 200, id="plan-your-visit"),
    pytest.param("/search/?q=knee", 200, id="search-results"),
    pytest.param("/search/?q=", 200, id="search-empty"),
    pytest.param("/search/?q=rostum", 200, id="search-did-you-mean"),
    pytest.param("/no-such-page/", 404, id="not-found"),
    # In Spanish (tests/i18n covers every page there; these go through every site-wide check too).
    pytest.param("/es/", 200, id="es-home"),
    pytest.param("/es/treatments/stem-cell-therapy/", 200, id="es-treatment"),
    pytest.param("/es/faq/", 200, id="es-faq"),
]
PUBLIC_PATHS = [param.values[0] for param in PUBLIC_PAGES]
# The pages search engines may index: search results are noindex, and a 404 is no page at all.
INDEXED_PATHS = [path for path, status in (p.values for p in PUBLIC_PAGES) if status == 200 and "?" not in path]


def said_on(path, words):
    """`words` of the site's own wording as the page at `path` says them, in that page's language."""
    with translation.override(language_of(path)):
        return translation.gettext(words)

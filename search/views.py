from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .query import MAX_QUERY_LENGTH, clean_query, search


# Results depend on `q`, which the page cache ignores (serving.page_cache), and what patients search
# for stays out of every cache, the browser's too.
@method_decorator(never_cache, name="dispatch")
class SearchView(TemplateView):
    """/search/?q=... (/es/search/ in Spanish): the best matches first, or, when there are none, pages it may have
    meant and ways to browse."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        raw = self.request.GET.get("q", "")
        query = clean_query(raw)
        outcome = search(query, get_language())
        return super().get_context_data(
            search_query=query,
            results=outcome.results,
            corrections=outcome.corrections,
            suggestions=outcome.suggestions,
            shortened=len(" ".join(raw.split())) > MAX_QUERY_LENGTH,
            max_query_length=MAX_QUERY_LENGTH,
            **kwargs,
        )

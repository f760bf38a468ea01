from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .query import MAX_QUERY_LENGTH, clean_query, search


# Results depend on `q`, which the page cache ignores (serving.page_cache), and what patients search
# for stays out of every cache, the browser's too.
@method_decorator(never_cache, name="dispatch")
class SearchView(TemplateView):
    """/search/?q=...: results grouped by kind, or suggestions when there are none."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        raw = self.request.GET.get("q", "")
        query = clean_query(raw)
        groups = search(query)
        return super().get_context_data(
            search_query=query,
            groups=groups,
            result_count=sum(len(results) for _, results in groups),
            shortened=len(" ".join(raw.split())) > MAX_QUERY_LENGTH,
            max_query_length=MAX_QUERY_LENGTH,
            **kwargs,
        )

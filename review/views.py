from django.contrib import admin
from django.views.generic import TemplateView

from .due import admin_url, review_queue


class ReviewDueView(TemplateView):
    """Admin page: medical content overdue or due for review within 30 days, oldest first."""

    template_name = "review/admin/review_due.html"

    def get_context_data(self, **kwargs):
        queue = [(record, state, admin_url(record)) for record, state in review_queue(self.request.user)]
        return super().get_context_data(
            **admin.site.each_context(self.request), title="Due for medical review", queue=queue, **kwargs
        )

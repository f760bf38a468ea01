from django.contrib import admin
from django.views.generic import TemplateView

from review.due import admin_url

from .due import translation_queue


class TranslationsDueView(TemplateView):
    """Admin page: public pages not yet translated into a language, or translated before the English changed."""

    template_name = "translations/admin/translations_due.html"

    def get_context_data(self, **kwargs):
        queue = [
            (
                record,
                language,
                state,
                [record._meta.get_field(name).verbose_name for name in changed],
                admin_url(record),
            )
            for record, language, state, changed in translation_queue(self.request.user)
        ]
        return super().get_context_data(
            **admin.site.each_context(self.request),
            title="Translations to update",
            queue=queue,
            **kwargs,
        )

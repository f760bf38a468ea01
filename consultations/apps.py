from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultation requests"

    def ready(self):
        from search.kinds import register_page

        from . import checks  # noqa: F401 - registers the deploy checks

        register_page(
            "consultations:request",
            title=_("Request a consultation"),
            text=_("Tell us how to reach you and we will contact you to arrange a visit."),
        )

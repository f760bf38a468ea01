from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultation requests"

    def ready(self):
        from search.kinds import register_page

        from . import checks  # noqa: F401 - registers the deploy checks

        register_page(
            "consultations:request",
            title="Request a consultation",
            text="Tell us how to reach you and we will contact you to arrange a visit.",
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Clinic and providers"

    def ready(self):
        from django.db.models.signals import post_save

        from search.kinds import register_page
        from serving import outage

        from .models import Clinic
        from .signals import remember_clinic_phone

        post_save.connect(remember_clinic_phone, sender=Clinic, dispatch_uid="practice.outage_contact")
        outage.contact_from(lambda: Clinic.objects.values("name", "phone").first())

        register_page(
            "practice:home",
            title=_("Visit or call us"),
            text=_("The clinic's phone number, address and opening hours."),
        )

from django.apps import AppConfig


class ServingConfig(AppConfig):
    """How the site is served: the shared page cache, security headers, health check and outage page."""

    name = "serving"

    def ready(self):
        from django.db.models.signals import post_save

        from publishing.cache import pages_retired

        from . import edge
        from .signals import remember_clinic_phone

        post_save.connect(remember_clinic_phone, sender="practice.Clinic", dispatch_uid="serving.outage_contact")
        pages_retired.connect(edge.purge, dispatch_uid="serving.edge_purge")

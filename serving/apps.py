from django.apps import AppConfig


class ServingConfig(AppConfig):
    """How the site is served: the shared page cache, security headers, health check and outage page."""

    name = "serving"

    def ready(self):
        from publishing.cache import pages_retired

        from . import edge

        pages_retired.connect(edge.purge, dispatch_uid="serving.edge_purge")

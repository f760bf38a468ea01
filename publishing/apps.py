from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"

    def ready(self):
        from . import content, signals

        content.declarations()
        signals.connect()

from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Clinic and providers"

    def ready(self):
        from search.kinds import register_page

        register_page(
            "practice:home", title="Visit or call us", text="The clinic's phone number, address and opening hours."
        )

from django.apps import AppConfig


class VisitsConfig(AppConfig):
    """Plan your visit: getting there, access, what to bring, paying, and forms to fill in beforehand."""

    name = "visits"
    verbose_name = "Plan your visit"

    def ready(self):
        from search.kinds import register_page

        register_page(
            "visits:plan",
            title="Plan your visit",
            text="Directions to the clinic, parking, public transport, wheelchair access, opening hours and "
            "holidays, languages we speak, what to bring, insurance, paying yourself, and forms to fill in "
            "before your visit.",
        )

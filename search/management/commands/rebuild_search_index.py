from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    """Index every page again from scratch.

    Saves and deletes keep the index up to date by themselves, and `migrate` rebuilds it; run this
    after `loaddata` or after changing content with `QuerySet.update()` or raw SQL.
    """

    help = "Index every page for the site's search again from scratch."

    def handle(self, *args, **options):
        self.stdout.write(f"Indexed {rebuild()} pages.")

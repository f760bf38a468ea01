from django.core.management.base import BaseCommand, CommandError

from claims.checker import checked_models, unresolved


class Command(BaseCommand):
    """List every unresolved wording warning on the site; exit non-zero when there is one (usable in CI)."""

    help = "List unresolved health-claim wording warnings in the site's content."

    def handle(self, *args, **options):
        count = 0
        for model in checked_models():
            for record in model.objects.all():
                for finding in unresolved(record):
                    count += 1
                    self.stdout.write(
                        f'{model._meta.verbose_name} "{record}" ({finding.field}): "{finding.phrase}" '
                        f"[{finding.rule.category}] in: {finding.sentence}"
                    )
        if count:
            raise CommandError(f"{count} unresolved wording warning(s).")
        self.stdout.write(self.style.SUCCESS("No unresolved wording warnings."))

from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from claims.checker import check_translations, checked_models, unresolved
from claims.rules import languages


class Command(BaseCommand):
    """List every unresolved wording warning on the site, per language; exit non-zero when there is one (for CI)."""

    help = "List unresolved health-claim wording warnings in the site's content, per language."

    def handle(self, *args, **options):
        by_language = defaultdict(list)
        for model in checked_models():
            for record in model.objects.all():
                for finding in [*unresolved(record), *unresolved(record, check_translations(record))]:
                    by_language[finding.language].append((model, record, finding))
        for code, language in languages().items():
            found = by_language[code]
            self.stdout.write(f"{language.name}: {len(found)} unresolved wording warning(s).")
            for model, record, finding in found:
                self.stdout.write(
                    f'  {model._meta.verbose_name} "{record}" ({finding.field}): "{finding.phrase}" '
                    f"[{finding.rule.category}] in: {finding.sentence}"
                )
        count = sum(len(found) for found in by_language.values())
        if count:
            raise CommandError(f"{count} unresolved wording warning(s).")
        self.stdout.write(self.style.SUCCESS("No unresolved wording warnings."))

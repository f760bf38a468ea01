import json

from django.core.management.base import BaseCommand

from claims.corpus import sentences
from claims.model import artefact_path, train
from claims.rules import languages


class Command(BaseCommand):
    """Train each language's wording model on its development sentences and write it beside its rules.

    Run after changing a corpus or a language's `[model]` settings, and commit the files it writes;
    tests/claims/test_model.py fails while a committed model differs from what its corpus trains.
    """

    help = "Train the wording checks' statistical model from the corpus's development part (needs scikit-learn)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Train and report, but write nothing.")

    def handle(self, *args, dry_run=False, **options):
        for code, language in languages().items():
            if language.model is None:
                continue
            rows = sentences(code, "dev")
            data = train(language, rows)
            path = artefact_path(code)
            if not dry_run:
                path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
            self.stdout.write(f"{language.name}: {len(rows)} sentences, {len(data['terms'])} terms -> {path.name}")

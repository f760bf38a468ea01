"""The labelled sentences the wording checks are measured on, one file per language (see README.md here)."""

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).parent


def sentences(language, part):
    """The rows of one language's corpus in one part ("dev" or "test")."""
    with open(CORPUS_DIR / f"{language}.tsv", newline="", encoding="utf-8") as file:
        return [row for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE) if row["part"] == part]


@dataclass
class Score:
    flagged: int = 0
    total: int = 0

    @property
    def share(self):
        return self.flagged / self.total if self.total else 0.0


def measure(rows, is_flagged):
    """Recall on risky rows, false alarms on plain rows, and both per category: (recall, false_alarms, by_category)."""
    by_category = defaultdict(Score)
    recall, false_alarms = Score(), Score()
    for row in rows:
        flagged = is_flagged(row["text"])
        for score in (
            recall if row["label"] == "risky" else false_alarms,
            by_category[(row["label"], row["category"])],
        ):
            score.total += 1
            score.flagged += flagged
    return recall, false_alarms, dict(sorted(by_category.items()))

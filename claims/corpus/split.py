"""Split a delivered corpus once, at random, into a development part and a test part.

    python claims/corpus/split.py /path/to/delivered/en.tsv claims/corpus/en.tsv

Writes the sentences with a fifth column, `part` ("dev" or "test"): 60% dev, 40% test within each
(label, category) group, with a fixed seed so the split can be re-derived and checked. Rules are
tuned by reading the dev part only; the test part is only ever measured (tests/claims/test_quality.py).
Refuses to overwrite an existing split.
"""

import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 13
DEV_SHARE = 0.6


def split(rows):
    groups = defaultdict(list)
    for row in rows:
        groups[(row["label"], row["category"])].append(row)
    rng = random.Random(SEED)  # noqa: S311 - a reproducible split, not a secret
    for key in sorted(groups):
        group = groups[key]
        rng.shuffle(group)
        dev = round(len(group) * DEV_SHARE)
        for index, row in enumerate(group):
            row["part"] = "dev" if index < dev else "test"
    return rows


def main(source, target):
    target = Path(target)
    if target.exists():
        sys.exit(f"{target} exists: the corpus is split once.")
    with open(source, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(target, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(
            file,
            ["label", "category", "style", "text", "part"],
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(split(rows))


if __name__ == "__main__":
    main(*sys.argv[1:])

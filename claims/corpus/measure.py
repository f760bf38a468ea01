"""Print how well the wording checks do on a part of the corpus.

    python -m claims.corpus.measure [dev|test] [--misses]

`--misses` lists the risky sentences missed and the plain ones flagged, and only for the dev part: the test
part is measured, never read, so its figures stay an honest estimate.
"""

import sys

import django


def main(part="dev", *flags):
    django.setup()
    from claims.checker import check_text
    from claims.corpus import measure, sentences
    from claims.rules import languages

    if "--misses" in flags and part != "dev":
        sys.exit("Misses are shown for the dev part only.")
    for code, language in languages().items():
        rows = sentences(code, part)
        recall, false_alarms, by_category = measure(
            rows, lambda text, code=code: bool(check_text(text, language=code))
        )
        print(
            f"{language.name} ({part}): recall {recall.share:.1%} ({recall.flagged}/{recall.total}), "
            f"false alarms {false_alarms.share:.1%} ({false_alarms.flagged}/{false_alarms.total})"
        )
        for (label, category), score in by_category.items():
            print(f"  {label:5} {category:28} {score.share:6.1%} flagged ({score.flagged}/{score.total})")
        if "--misses" in flags:
            for row in rows:
                findings = check_text(row["text"], language=code)
                if (row["label"] == "risky") != bool(findings):
                    why = "; ".join(f"{f.rule.code}:{f.phrase}" for f in findings)
                    kind = "MISSED" if row["label"] == "risky" else "FALSE "
                    print(f"  {kind} [{row['category']}] {row['text']}  {why}")


if __name__ == "__main__":
    main(*sys.argv[1:])

"""Choose the statistical model's settings by cross-validation within the development part only.

    python -m claims.corpus.tune [language...]

For each language with a `[model]` section: three times over (seeds 0-2), five folds of the development part
stratified by category; the model is trained on four folds and scores the fifth, each sentence of a row as
the checker reads it. Prints, for each regularisation strength, the out-of-fold ranking quality (AUC), the
threshold at which no plain row of the held-out folds is flagged (averaged over the three repeats), recall
and false alarms there and at the language's threshold, and how often the family the model names is the
row's own, overall and where the model is at least so sure of it. The rules cannot be cross-validated here:
they were written reading the whole development part. The test part is not read.
"""

import sys
from statistics import mean

import django

STRENGTHS = (1, 3, 10, 30)
REPEATS = 3
CUTS = (0.3, 0.4, 0.5, 0.6)


def out_of_fold(language, rows, strength, seed):
    """(risk, named family) of each row, from a model trained without the row's fold."""
    from sklearn.model_selection import StratifiedKFold

    from claims.checker import claim_sentences
    from claims.model import Model, train

    risks, families = [0.0] * len(rows), [None] * len(rows)
    groups = [f"{row['label']}:{row['category']}" for row in rows]
    for fit, held in StratifiedKFold(5, shuffle=True, random_state=seed).split(rows, groups):
        model = Model(language, train(language, [rows[i] for i in fit], strength=strength))
        for i in held:
            lemmas = [sentence.text.strip() for sentence in claim_sentences(rows[i]["text"], language)]
            risks[i] = max((model.risk(text) for text in lemmas), default=0.0)
            families[i] = model.family(" ".join(lemmas)) if lemmas else (None, 0.0)
    return risks, families


def figures(rows, risks, threshold):
    risky = [risk > threshold for row, risk in zip(rows, risks, strict=True) if row["label"] == "risky"]
    plain = [risk > threshold for row, risk in zip(rows, risks, strict=True) if row["label"] == "plain"]
    return sum(risky) / len(risky), sum(plain) / len(plain)


def main(*codes):
    django.setup()
    from sklearn.metrics import roc_auc_score

    from claims.corpus import sentences
    from claims.rules import languages

    for code, language in languages().items():
        if language.model is None or (codes and code not in codes):
            continue
        rows = sentences(code, "dev")
        print(f"{language.name}: {len(rows)} development rows, threshold now {language.model.threshold}")
        for strength in STRENGTHS:
            runs = [out_of_fold(language, rows, strength, seed) for seed in range(REPEATS)]
            labels = [row["label"] == "risky" for row in rows]
            auc = mean(roc_auc_score(labels, risks) for risks, _ in runs)
            silent = mean(
                max(r for r, row in zip(risks, rows, strict=True) if row["label"] == "plain") for risks, _ in runs
            )
            at_silent = [figures(rows, risks, silent) for risks, _ in runs]
            at_setting = [figures(rows, risks, language.model.threshold) for risks, _ in runs]
            named = [
                (family == row["category"], likelihood)
                for _, families in runs
                for (family, likelihood), row in zip(families, rows, strict=True)
                if row["label"] == "risky"
            ]
            print(
                f"  C={strength:<3} AUC {auc:.3f}; no dev false alarm above {silent:.3f}: "
                f"recall {mean(r for r, _ in at_silent):.1%}, false alarms {mean(f for _, f in at_silent):.1%}; "
                f"at {language.model.threshold}: recall {mean(r for r, _ in at_setting):.1%}, "
                f"false alarms {mean(f for _, f in at_setting):.1%}; "
                f"family right {mean(right for right, _ in named):.1%}"
            )
            for cut in CUTS:
                sure = [right for right, likelihood in named if likelihood >= cut]
                print(
                    f"    family likelihood >= {cut}: {len(sure) / len(named):.0%} of risky rows, "
                    f"right {mean(sure or [0]):.1%}"
                )


if __name__ == "__main__":
    main(*sys.argv[1:])

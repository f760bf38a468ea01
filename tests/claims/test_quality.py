"""How well the wording checks work, measured on the corpus's test part (never read while writing the rules)."""

import pytest

from claims.checker import check_text
from claims.corpus import measure, sentences

# The bar: at least 90% of risky sentences flagged, at most 5% of plain ones.
RECALL, FALSE_ALARMS = 0.90, 0.05
# What the checks reach today on the test part (README, "How well the wording checks work"): the rules in
# English, the rules and the statistical model in Spanish. A floor they must not fall below.
MEASURED = {"en": (71 / 92, 4 / 94), "es": (40 / 50, 2 / 47)}


def scores(language):
    recall, false_alarms, _ = measure(
        sentences(language, "test"), lambda text: bool(check_text(text, language=language))
    )
    return recall.share, false_alarms.share


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.xfail(strict=True, reason="Measured below the bar: English 77.2% / 4.3%, Spanish 80.0% / 4.3%.")
def test_wording_checks_reach_the_recall_and_false_alarm_bar(language):
    recall, false_alarms = scores(language)
    assert recall >= RECALL and false_alarms <= FALSE_ALARMS


@pytest.mark.parametrize("language", ["en", "es"])
def test_wording_checks_do_no_worse_than_the_figures_in_the_readme(language):
    recall, false_alarms = scores(language)
    floor, ceiling = MEASURED[language]
    assert recall >= floor - 1e-9 and false_alarms <= ceiling + 5e-4


def test_the_development_and_test_parts_do_not_share_a_sentence():
    for language in ["en", "es"]:
        dev = {row["text"] for row in sentences(language, "dev")}
        test = {row["text"] for row in sentences(language, "test")}
        assert dev and test and not dev & test

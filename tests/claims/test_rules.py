"""Each rule flags the wording regulators object to, and leaves negated or hedged uses alone."""

import pytest

from claims.checker import check_text
from claims.rules import RULES

FLAGGED = {
    "cure": ["Stem cells cure arthritis.", "A cure for back pain.", "We have been curing knees for years."],
    "guarantee": ["Results are guaranteed.", "We guarantee relief."],
    "proven": ["A clinically proven therapy.", "Proven to work.", "Scientifically proven results."],
    "permanent": ["Enjoy permanent relief.", "Lifetime results from one visit.", "Be pain-free for life."],
    "no-risk": ["The procedure is risk-free.", "There are no side effects.", "It is 100% safe.", "No risks at all."],
    "fda": ["Our FDA-approved stem cell treatment.", "This therapy is approved by the FDA."],
    "surgery": [
        "An alternative to surgery.",
        "You will never need surgery.",
        "Avoid joint replacement with us.",
        "It helps patients avoid or delay some types of surgery.",
    ],
    "eliminate": [
        "Eliminate your knee pain.",
        "STOP the pain!",
        "Reverse arthritis naturally.",
        "End your chronic pain today.",
    ],
    "regenerate": [
        "We regrow cartilage.",
        "It will restore damaged joints.",
        "Regenerate your tissue.",
        "Promotes regeneration of healthy tissue.",
        "The cells replace damaged tissue.",
    ],
    "success-rate": ["95% of patients improve.", "Our success rate is high.", "80 percent of our patients."],
    "hype": ["A miracle treatment.", "A breakthrough in pain care.", "A revolutionary therapy."],
    "unrelated-disease": ["It also helps with Alzheimer's.", "Stem cells for autism.", "Treats COVID-19 lungs."],
}

NOT_FLAGGED = {
    "cure": ["This is not a cure.", "There is no cure for osteoarthritis."],
    "guarantee": ["We cannot guarantee results.", "No treatment can guarantee relief."],
    "proven": ["This use has not been proven.", "It is not proven to work for everyone."],
    "permanent": ["Relief may not be permanent.", "Benefits could be long-lasting results for some."],
    "no-risk": ["No procedure is free of risk.", "Every procedure has risks and side effects."],
    "fda": ["It is not FDA-approved for this use.", "The FDA has not approved it."],
    "surgery": ["It may help some patients avoid surgery.", "It is not an alternative to surgery."],
    "eliminate": ["It may reduce pain for some patients.", "Stop taking blood thinners a week before."],
    "regenerate": [
        "Research is exploring whether stem cells can regrow cartilage.",
        "It may help repair tissue.",
        "It does not regrow cartilage.",
    ],
    "success-rate": ["Most patients feel some benefit.", "Results vary from patient to patient."],
    "hype": ["A well-studied treatment.", "Described plainly."],
    "unrelated-disease": ["We treat back and joint pain.", "Knee osteoarthritis is common."],
}


def codes(text):
    return {finding.rule.code for finding in check_text(text)}


def test_every_rule_has_examples_both_ways():
    assert set(FLAGGED) == set(NOT_FLAGGED) == {rule.code for rule in RULES}


@pytest.mark.parametrize("code, sentence", [(c, s) for c, sentences in FLAGGED.items() for s in sentences])
def test_rule_flags_risky_wording(code, sentence):
    assert code in codes(sentence)


@pytest.mark.parametrize("code, sentence", [(c, s) for c, sentences in NOT_FLAGGED.items() for s in sentences])
def test_rule_leaves_negated_hedged_and_harmless_wording_alone(code, sentence):
    assert code not in codes(sentence)


def test_every_rule_explains_why_and_what_to_do():
    for rule in RULES:
        assert rule.category and rule.why.endswith(".") and rule.advice.endswith(".")


def test_rich_text_is_checked_as_text_with_its_sentence():
    (finding,) = check_text("<p>Dr. Smith says: <strong>this is a cure</strong> for pain.</p><p>Nothing else.</p>")
    assert finding.phrase == "cure"
    assert finding.sentence == "Dr. Smith says: this is a cure for pain."


def test_a_negation_in_an_earlier_sentence_does_not_hide_a_claim():
    assert "cure" in codes("It is not cheap. It is a cure.")

"""A small statistical model beside the rules: risky wording the rules have no pattern for.

Per language, two logistic regressions on the lemmas and lemma pairs of a sentence (tf-idf weighted),
trained with scikit-learn on the development part of that language's corpus (claims/corpus): one says how
likely a sentence is risky, the other which family of claim it is. A sentence the rules leave alone is
flagged when the first is above the language's `[model] threshold`. Its warning is that of the rule the
language names for the family (`[model.categories]`) when the model is sure enough of the family
(`family_confidence`), else that of the language's `[model] rule`; either way it says why the wording is
risky and what to write instead. A language without a `[model]` section has no model.

The trained weights are committed beside the language's rules (`claims/languages/<code>.model.json`, built
by `manage.py train_wording_model`) and applied here in plain Python, so the site needs no scikit-learn at
run time (it would add over 100 MB to every web process). `python -m claims.corpus.tune` chooses the
settings by cross-validation within the development part (README, "How well the wording checks work").
"""

import hashlib
import json
import math
from collections import Counter
from functools import cache

from .rules import LANGUAGE_DIR, languages

DIGITS = 4  # weights are stored rounded: the file stays small and reads the same on every machine


def artefact_path(code):
    return LANGUAGE_DIR / f"{code}.model.json"


def corpus_digest(rows):
    """What the model was trained on, so a changed corpus shows as a stale model."""
    lines = "\n".join(f"{row['label']}\t{row['category']}\t{row['text']}" for row in rows)
    return hashlib.sha256(lines.encode()).hexdigest()


def train(language, rows, strength=None):
    """The model's weights trained on corpus rows, as the data the artefact holds. Deterministic."""
    # Imported here: only building and tuning the model need scikit-learn (requirements-dev.txt).
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    strength = strength or language.model.strength
    # Lemmas are joined by spaces, punctuation included: each is a token.
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+")  # noqa: S106
    matrix = words.fit_transform([lemmatised(row["text"], language) for row in rows])
    risky = [index for index, row in enumerate(rows) if row["label"] == "risky"]
    detector = LogisticRegression(C=strength, max_iter=5000).fit(matrix, [row["label"] == "risky" for row in rows])
    classifier = LogisticRegression(C=strength, max_iter=5000).fit(
        matrix[risky], [rows[index]["category"] for index in risky]
    )

    def rounded(values):
        return [round(float(value), DIGITS) for value in values]

    return {
        "corpus": corpus_digest(rows),
        "strength": strength,
        "terms": list(words.get_feature_names_out()),
        "idf": rounded(words.idf_),
        "risk": {"weights": rounded(detector.coef_[0]), "bias": round(float(detector.intercept_[0]), DIGITS)},
        "families": {
            family: {"weights": rounded(weights), "bias": round(float(bias), DIGITS)}
            for family, weights, bias in zip(classifier.classes_, classifier.coef_, classifier.intercept_, strict=True)
        },
    }


class Model:
    """A trained model (the data `train` returns), applied to a sentence's lemmas joined by spaces."""

    def __init__(self, language, data):
        self.language = language
        self.index = {term: position for position, term in enumerate(data["terms"])}
        self.idf = data["idf"]
        self.risk_weights, self.risk_bias = data["risk"]["weights"], data["risk"]["bias"]
        self.families = {name: (family["weights"], family["bias"]) for name, family in data["families"].items()}

    def _features(self, lemmas):
        """tf-idf of the lemmas and lemma pairs, as scikit-learn computes it: (1 + log count) x idf, unit length."""
        tokens = lemmas.lower().split()
        counts = Counter(
            position
            for gram in tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
            if (position := self.index.get(gram)) is not None
        )
        values = {position: (1 + math.log(count)) * self.idf[position] for position, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
        return {position: value / norm for position, value in values.items()}

    @staticmethod
    def _score(features, weights, bias):
        return bias + sum(value * weights[position] for position, value in features.items())

    def risk(self, lemmas):
        """How likely the sentence is risky wording, from 0 to 1."""
        score = self._score(self._features(lemmas), self.risk_weights, self.risk_bias)
        return 1 / (1 + math.exp(-score))

    def family(self, lemmas):
        """The corpus category (family of claim) a risky sentence most likely belongs to, and how likely."""
        features = self._features(lemmas)
        scores = {name: self._score(features, *weights) for name, weights in self.families.items()}
        top = max(scores.values())
        total = sum(math.exp(score - top) for score in scores.values())
        name = max(scores, key=scores.get)
        return name, 1 / total

    def rule(self, lemmas):
        """The rule whose explanation and advice a flagged sentence gets; None below the threshold.

        That of the family the sentence most likely belongs to when the model is sure enough of it,
        else the language's rule for wording the model flags without knowing its family.
        """
        settings = self.language.model
        if self.risk(lemmas) <= settings.threshold:
            return None
        family, likelihood = self.family(lemmas)
        code = settings.categories[family] if likelihood >= settings.family_confidence else settings.rule
        return next(rule for rule in self.language.rules if rule.code == code)


@cache
def model_for(code):
    """The language's committed model, or None where the language has none."""
    language = languages()[code]
    if language.model is None:
        return None
    return Model(language, json.loads(artefact_path(code).read_text(encoding="utf-8")))


@cache
def _lemmatised(text, code):
    from .checker import _Sentence

    return " ".join(_Sentence(text, 0, len(text), languages()[code]).lemmas)


def lemmatised(text, language):
    """A text's lemmas joined by spaces, as the checker's sentences have them."""
    return _lemmatised(text, language.code)

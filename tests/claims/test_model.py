"""The statistical model beside the rules: trained from the corpus as committed, and heard only with an explanation."""

import json

import pytest

from claims.checker import check_text
from claims.corpus import sentences
from claims.model import Model, artefact_path, corpus_digest, lemmatised, model_for, train
from claims.rules import languages

MODELLED = [code for code, language in languages().items() if language.model is not None]


@pytest.mark.parametrize("code", MODELLED)
def test_the_committed_model_is_what_the_development_corpus_trains(code):
    """Rebuild with `manage.py train_wording_model` after changing a corpus or a `[model]` setting."""
    committed = json.loads(artefact_path(code).read_text(encoding="utf-8"))
    trained = train(languages()[code], sentences(code, "dev"))
    assert committed["corpus"] == corpus_digest(sentences(code, "dev"))
    assert committed["strength"] == languages()[code].model.strength
    assert committed["terms"] == trained["terms"]
    for name in ("risk", *trained["families"]):
        ours = committed["risk"] if name == "risk" else committed["families"][name]
        theirs = trained["risk"] if name == "risk" else trained["families"][name]
        assert ours["bias"] == pytest.approx(theirs["bias"], abs=2e-4)
        assert ours["weights"] == pytest.approx(theirs["weights"], abs=2e-4)


@pytest.mark.parametrize("code", MODELLED)
def test_the_model_never_reads_the_test_part(code):
    assert json.loads(artefact_path(code).read_text(encoding="utf-8"))["corpus"] != corpus_digest(
        sentences(code, "test")
    )
    terms = set(model_for(code).index)
    dev_words = {word for row in sentences(code, "dev") for word in lemmatised(row["text"], languages()[code]).split()}
    assert {term for term in terms if " " not in term} == dev_words


@pytest.mark.parametrize("code", MODELLED)
def test_the_model_scores_sentences_as_scikit_learn_does(code):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    language, rows = languages()[code], sentences(code, "dev")
    texts = [lemmatised(row["text"], language) for row in rows]
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+")  # noqa: S106
    detector = LogisticRegression(C=language.model.strength, max_iter=5000).fit(
        words.fit_transform(texts), [row["label"] == "risky" for row in rows]
    )
    ours = Model(language, train(language, rows))
    sample = texts[::7] + ["una frase que nadie ha escrito", "a sentence nobody wrote"]
    expected = detector.predict_proba(words.transform(sample))[:, 1]
    assert [ours.risk(text) for text in sample] == pytest.approx(list(expected), abs=1e-3)


def test_the_model_flags_wording_no_rule_names_and_says_why_and_what_to_write_instead():
    """Spanish has a model: "Recupere su vida..." has none of the rules' words, and reads like a claim."""
    [finding] = check_text("Recupere su vida con nuestras células madre.", language="es")
    assert finding.phrase == finding.sentence == "Recupere su vida con nuestras células madre."
    assert finding.rule.code == languages()["es"].model.rule
    assert finding.rule.why.startswith("Ninguna regla nombra esta redacción") and finding.rule.advice
    assert not check_text("Traiga una lista de sus medicamentos a la cita.", language="es")


def test_a_language_without_a_model_section_has_no_model():
    assert "en" not in MODELLED and model_for("en") is None


@pytest.mark.parametrize("code", MODELLED)
def test_every_model_warning_says_why_and_what_to_write_instead(code):
    """Each family the model can name, and its warning without one, is a rule of the language with an explanation."""
    language = languages()[code]
    rules = {rule.code: rule for rule in language.rules}
    assert set(model_for(code).families) == set(language.model.categories)
    for rule_code in {*language.model.categories.values(), language.model.rule}:
        assert rules[rule_code].why and rules[rule_code].advice


@pytest.mark.parametrize("code", MODELLED)
def test_the_model_speaks_only_where_the_rules_are_silent(code, monkeypatch):
    """A sentence the rules flag keeps exactly their warnings; one they leave alone gets at most the model's one."""
    texts = [row["text"] for row in sentences(code, "dev")]
    with_model = [check_text(text, language=code) for text in texts]
    monkeypatch.setattr("claims.checker.model_for", lambda code: None)
    rules_only = [check_text(text, language=code) for text in texts]
    for ours, theirs in zip(with_model, rules_only, strict=True):
        for sentence in {finding.sentence for finding in ours}:
            mine = [finding for finding in ours if finding.sentence == sentence]
            rules = [finding for finding in theirs if finding.sentence == sentence]
            assert mine == rules or (not rules and len(mine) == 1 and mine[0].phrase == sentence)

"""Finding the published pages that answer what a patient typed, best first.

A query is read as groups of words: each word the patient typed (stop words such as "the" or "how"
left out, unless there is nothing else), widened by the equivalent words and phrases staff list
under "Words that mean the same" and, for a word no page uses, by the closest words pages do use
("osteoarthritus" -> "osteoarthritis", "stemcell" -> "stem cell"). Pages matching every group
come first, then pages matching most of them; among those, a match in a page's name counts most,
then its summary, then its body (PostgreSQL's ts_rank with weights A, B, C; SQLite's FTS5 BM25
with column weights). Only pages patients can see right now are returned. Each search costs the
same few queries: the spelling, the ranking, and for no results at all, the closest page names
(the equivalent words are read once per content change). Each language has its own documents: a
page in Spanish searches the Spanish ones, where records staff have not translated yet are found
by their English words.
"""

import operator
from dataclasses import dataclass, field
from functools import reduce

from publishing.cache import kept_per_content_version

from . import backends
from .kinds import kinds
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .models import Document, Synonym
from .snippets import marker, shown, snippet
from .text import fold, similarity, singular, stem, word_similarity, words_of

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10
RESULTS = 20
SUGGESTIONS = 3
# How close (pg_trgm similarity, 0 to 1) a word pages use must be to an unknown word to stand in for it.
CORRECTION_SIMILARITY = 0.5
# How close a page's name must be to the query to be offered as "did you mean".
SUGGESTION_SIMILARITY = 0.3


@dataclass(frozen=True)
class Term:
    text: str  # one word, or a phrase of several
    prefix: bool = False  # also matches words it begins: "osteo" finds "osteoarthritis"

    @property
    def is_phrase(self):
        return len(words_of(self.text)) > 1


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    label: str
    snippet: str
    title_language: str = DEFAULT_LANGUAGE  # the languages they are written in
    snippet_language: str = DEFAULT_LANGUAGE


@dataclass
class Outcome:
    results: list = field(default_factory=list)
    corrections: list = field(default_factory=list)  # the words pages use, searched for misspelt ones
    suggestions: list = field(default_factory=list)  # "did you mean" pages, when nothing was found


def clean_query(raw):
    """The query as shown back to the patient: printable, whitespace collapsed, at most MAX_QUERY_LENGTH."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def content_words(query, language):
    words = words_of(query)[:MAX_WORDS]
    meaningful = [word for word in words if word not in language.stop_words]
    return meaningful or words


def search(query, language_code=DEFAULT_LANGUAGE):
    """The pages in the language `language_code` (the default language's, for one search has no entry for)."""
    language = LANGUAGES.get(language_code, LANGUAGES[DEFAULT_LANGUAGE])
    words = content_words(query, language)
    if not words:
        return Outcome()
    synonyms = kept_per_content_version(
        f"search synonyms {language.code}",
        lambda: [synonym.terms for synonym in Synonym.objects.filter(language=language.code)],
    )
    known = {word for terms in synonyms for term in terms for word in words_of(term)}
    corrections = correct(words, known, language)
    groups = term_groups(words, synonyms, corrections, language)
    documents = backends.ranked(groups, language, public_documents(language), RESULTS)
    outcome = Outcome(corrections=sorted({c.text for cs in corrections.values() for c in cs}))
    pattern = marker(term.text for group in groups for term in group)
    labels = {kind.key: kind.label for kind in kinds()}
    outcome.results = [result(document, labels.get(document.kind, ""), pattern) for document in documents]
    if not outcome.results:
        outcome.suggestions = suggest(query, language)
    return outcome


def result(document, label, pattern):
    texts, untranslated = [document.summary, document.body], document.untranslated or []
    part = ("summary", "body")[shown(texts, pattern)]
    return Result(
        document.title,
        document.url,
        label,
        snippet(texts, pattern),
        title_language(document),
        DEFAULT_LANGUAGE if part in untranslated else document.language,
    )


def title_language(document):
    return DEFAULT_LANGUAGE if "title" in (document.untranslated or []) else document.language


def public_documents(language):
    """The index's rows for the pages patients can see at this moment (one subquery per kind)."""
    return Document.objects.filter(reduce(operator.or_, (kind.visible() for kind in kinds())), language=language.code)


def correct(words, known, language):
    """{misspelt word: [Term, ...]}: for words no page uses, the closest words pages do use."""
    candidates = [w for w in words if w.isalpha() and len(w) >= 4 and w not in known and singular(w) not in known]
    if not candidates:
        return {}
    found = backends.close_words(candidates, splits(candidates), language)
    corrections = {}
    for word in candidates:
        near = found.get(word, set())
        if {fold(form) for form in {word, singular(word), *word_forms(word, language)}} & {fold(w) for w in near}:
            continue  # pages use it, perhaps with its accents
        scored = sorted(((similarity(word, other), other) for other in near), reverse=True)
        best = [Term(other) for score, other in scored[:2] if score >= CORRECTION_SIMILARITY]
        halves = [(a, b) for a, b in splits([word])[word] if a in found.get("", ()) and b in found.get("", ())]
        best += [Term(f"{a} {b}") for a, b in halves[:1]]
        if best:
            corrections[word] = best
    return corrections


def splits(words):
    """{word: [(first, second), ...]}: where a word written as one might be two ("stemcell")."""
    return {word: [(word[:i], word[i:]) for i in range(3, len(word) - 2)] for word in words}


def word_forms(word, language):
    return sorted(language.word_forms(word)) if language.word_forms and word.isalpha() else []


def term_groups(words, synonyms, corrections, language):
    """One group of alternative terms per word (or per phrase staff listed as an equivalent)."""
    phrases = sorted(
        ((tuple(singular(w) for w in words_of(term)), terms) for terms in synonyms for term in terms),
        key=lambda item: -len(item[0]),
    )
    groups, i = [], 0
    while i < len(words):
        for phrase, terms in phrases:
            if len(phrase) > 1 and tuple(singular(w) for w in words[i : i + len(phrase)]) == phrase:
                groups.append(tuple(Term(term) for term in terms))
                i += len(phrase)
                break
        else:
            word = words[i]
            alternatives = [Term(word, prefix=len(word) >= 5 and word.isalpha())]
            alternatives += [Term(form, prefix=len(form) >= 5) for form in word_forms(word, language)]
            alternatives += corrections.get(word, [])
            for correction in [word] + [term.text for term in corrections.get(word, [])]:
                for terms in synonyms:
                    if stem(correction) in {stem(t) for t in terms}:
                        alternatives += [Term(term) for term in terms]
            groups.append(tuple(dict.fromkeys(alternatives)))
            i += 1
    return groups


def suggest(query, language):
    """The published pages whose names are closest to what was typed: for "did you mean"."""
    if not any(len(word) >= 3 for word in words_of(query)):
        return []  # too short to be close to anything
    titles = backends.close_titles(query, language, public_documents(language))
    scored = sorted(((word_similarity(query, d.title), d) for d in titles), key=lambda item: -item[0])
    return [
        Result(d.title, d.url, "", "", title_language(d))
        for score, d in scored[:SUGGESTIONS]
        if score >= SUGGESTION_SIMILARITY
    ]

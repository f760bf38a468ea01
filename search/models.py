from django.db import models

from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .text import words_of

LANGUAGE_CHOICES = [(code, language.name) for code, language in LANGUAGES.items()]


class Document(models.Model):
    """One page as the search index holds it: its text, weighted by where it appears, in one language.

    Kept up to date from every save and delete of the page's record (search.index). On PostgreSQL
    the table also has a `vector` column (its tsvector, computed by a trigger); on SQLite each
    language has an FTS5 table that triggers keep in step with this one (migration search/0003).
    Drafts are indexed too: each search keeps only the pages patients can see at that moment, so
    publishing, unpublishing and scheduled dates need no re-indexing.
    """

    kind = models.CharField(max_length=100)
    object_id = models.PositiveBigIntegerField(default=0)
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES, default=DEFAULT_LANGUAGE)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    keywords = models.TextField(blank=True)  # weighs as much as the summary, never shown
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # In another language than the default: which of "title", "summary" and "body" staff have not
    # translated yet, so they hold the default language's text. (Nullable: SQLite adds it in place, its triggers kept.)
    untranslated = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="search_document_once_per_language")
        ]

    def __str__(self):
        return self.title


class Word(models.Model):
    """A word some page uses: what a misspelling is corrected to."""

    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES, default=DEFAULT_LANGUAGE)
    word = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_once_per_language")]

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """Words and phrases patients use for the same thing: a search for one finds pages using any of them."""

    words = models.TextField(
        "words that mean the same",
        unique=True,
        help_text="Separated by commas, for example: physician, specialist, doctor, Dr. "
        "A search for any of them also finds pages that use the others. Phrases of several words are fine.",
    )
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES, default=DEFAULT_LANGUAGE)

    class Meta:
        ordering = ["words"]
        verbose_name = "words that mean the same"
        verbose_name_plural = "search words patients use"

    def __str__(self):
        return self.words

    @property
    def terms(self):
        """['physician', 'specialist', 'doctor', 'dr.']"""
        terms = (" ".join(part.split()).lower() for part in self.words.split(","))
        return [term for term in terms if words_of(term)]

"""Keeping the search index in step with the site's content.

Every indexed record has one `Document` per indexed language, built from the record as a page in
that language shows it (staff's translation where there is one, the default language's text
elsewhere). Every save and delete of an indexed record, or of its translation, updates them at
once (signals, connected in search.apps); a page without a record (the consultation form) and
everything else is rebuilt by `rebuild()`, which runs after every `migrate` and from `manage.py
rebuild_search_index` (after a `loaddata`, whose raw saves skip related records, or changes made
with `QuerySet.update()`).
"""

from django.db import transaction
from django.utils import translation

from publishing.text import plain_text
from translations.shown import translate

from .kinds import ModelKind, kind_for_model, kinds
from .languages import DEFAULT_LANGUAGE, indexed_languages
from .models import Document, Synonym, Word
from .text import words_of

MAX_WORD_LENGTH = 40
PARTS = {"A": "title", "B": "summary", "C": "body"}  # where each weight's fields are in a document


def related_names(kind, record):
    relation = kind.search.related_names
    if not relation:
        return []
    return [str(related) for related in getattr(record, relation).all() if getattr(related, "is_live", True)]


def document_for(kind, record=None, language=DEFAULT_LANGUAGE):
    """The unsaved Document for one record of a kind (or for a page kind, its page), as read in `language`."""
    with translation.override(language):
        if not isinstance(kind, ModelKind):
            return page_document(kind, language)
        texts = {"A": [], "B": [], "C": []}
        for field, weight in kind.search.weights:
            texts[weight].append(plain_text(getattr(record, field)))
        title = plain_text(kind.title(record))
        names = [text for text in texts["A"] if text and text not in title] + related_names(kind, record)
        return Document(
            kind=kind.key,
            object_id=record.pk,
            language=language,
            title=title[:255],
            url=record.get_absolute_url(),
            keywords=" ".join(names),
            summary=" ".join(text for text in texts["B"] if text),
            body=" ".join(text for text in texts["C"] if text),
            untranslated=untranslated_parts(kind, record, language),
        )


def page_document(kind, language):
    """A page kind's Document: its title and text in `language` where the site's wording translates them."""
    title, text = str(kind.title), str(kind.text)
    with translation.override(DEFAULT_LANGUAGE):
        english = {"title": str(kind.title), "summary": str(kind.text)}
    untranslated = [part for part, shown in (("title", title), ("summary", text)) if shown == english[part]]
    return Document(
        kind=kind.key,
        language=language,
        title=title,
        url=kind.url,
        summary=text,
        untranslated=None if language == DEFAULT_LANGUAGE else untranslated,
    )


def untranslated_parts(kind, record, language):
    """Which parts of a record's document in `language` hold fields staff have not translated into it."""
    if language == DEFAULT_LANGUAGE:
        return None
    translated = getattr(getattr(record, "translation", None), "text", {})
    parts = {
        PARTS[weight] for field, weight in kind.search.weights if getattr(record, field) and not translated.get(field)
    }
    return [part for part in PARTS.values() if part in parts]


def read_in(language, records):
    """The records of a queryset as a page in `language` shows them: translated where staff translated them."""
    with translation.override(language):
        return translate(list(records), language)


def vocabulary(texts):
    """[Word, ...] for the words in [(language, text), ...] a misspelling may be corrected to."""
    found = set()
    for language, text in texts:
        found.update(
            (language, word) for word in words_of(text) if word.isalpha() and 3 <= len(word) <= MAX_WORD_LENGTH
        )
    return [Word(language=language, word=word) for language, word in found]


def document_texts(documents):
    for document in documents:
        for text in (document.title, document.keywords, document.summary, document.body):
            yield document.language, text


def add_words(language, texts):
    Word.objects.bulk_create(vocabulary((language, text) for text in texts), ignore_conflicts=True)


def save_documents(kind, documents, language=DEFAULT_LANGUAGE):
    fields = ("title", "url", "keywords", "summary", "body", "untranslated")
    for document in documents:
        row = Document.objects.filter(kind=document.kind, object_id=document.object_id, language=language)
        if not row.update(**{field: getattr(document, field) for field in fields}):
            document.save()
    Word.objects.bulk_create(vocabulary(document_texts(documents)), ignore_conflicts=True)


def index(records, languages=None):
    """Index (or re-index) these records, all of one model, in every indexed language (or in `languages`)."""
    with translation.override(DEFAULT_LANGUAGE):
        records = list(records)
    if not records:
        return
    kind = kind_for_model(type(records[0]))
    for language in languages or indexed_languages():
        shown = records
        if language != DEFAULT_LANGUAGE:
            shown = read_in(language, kind.model._default_manager.filter(pk__in=[record.pk for record in records]))
        save_documents(kind, [document_for(kind, record, language) for record in shown], language)


def unindex(model, pks):
    kind = kind_for_model(model)
    Document.objects.filter(kind=kind.key, object_id__in=list(pks)).delete()


@transaction.atomic
def rebuild():
    """Index every page from scratch, in each indexed language. Returns how many pages were indexed."""
    documents = []
    for language in indexed_languages():
        for kind in kinds():
            if not isinstance(kind, ModelKind):
                documents.append(document_for(kind, language=language))
                continue
            records = kind.records()
            if kind.search.related_names:
                records = records.prefetch_related(kind.search.related_names)
            if language == DEFAULT_LANGUAGE:
                with translation.override(language):
                    records = records.iterator(chunk_size=500)
                    documents += [document_for(kind, record, language) for record in records]
            else:
                documents += [document_for(kind, record, language) for record in read_in(language, records)]
    Document.objects.all().delete()
    Word.objects.all().delete()
    Document.objects.bulk_create(documents, batch_size=500)
    synonyms = [(synonym.language, synonym.words) for synonym in Synonym.objects.all()]
    words = vocabulary([*document_texts(documents), *synonyms])
    Word.objects.bulk_create(words, batch_size=1000, ignore_conflicts=True)
    return len(documents)

"""Keeping the search index in step with the site's content.

Every save and delete of an indexed record updates its `Document` at once (signals, connected in
search.apps); a page without a record (the consultation form) and everything else is rebuilt by
`rebuild()`, which runs after every `migrate` and from `manage.py rebuild_search_index` (after a
`loaddata`, whose raw saves skip related records, or changes made with `QuerySet.update()`).
"""

from django.db import transaction

from publishing.text import plain_text

from .kinds import ModelKind, kind_for_model, kinds
from .languages import DEFAULT_LANGUAGE
from .models import Document, Synonym, Word
from .text import words_of

MAX_WORD_LENGTH = 40


def related_names(kind, record):
    relation = kind.search.related_names
    if not relation:
        return []
    return [str(related) for related in getattr(record, relation).all() if getattr(related, "is_live", True)]


def document_for(kind, record=None, language=DEFAULT_LANGUAGE):
    """The unsaved Document for one record of a kind (or for a page kind, its page)."""
    if not isinstance(kind, ModelKind):
        return Document(kind=kind.key, language=language, title=kind.title, url=kind.url, summary=kind.text)
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
    )


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
    fields = ("title", "url", "keywords", "summary", "body")
    for document in documents:
        row = Document.objects.filter(kind=document.kind, object_id=document.object_id, language=language)
        if not row.update(**{field: getattr(document, field) for field in fields}):
            document.save()
    Word.objects.bulk_create(vocabulary(document_texts(documents)), ignore_conflicts=True)


def index(records):
    """Index (or re-index) these records, all of one model."""
    records = list(records)
    if not records:
        return
    kind = kind_for_model(type(records[0]))
    save_documents(kind, [document_for(kind, record) for record in records])


def unindex(model, pks):
    kind = kind_for_model(model)
    Document.objects.filter(kind=kind.key, object_id__in=list(pks)).delete()


@transaction.atomic
def rebuild():
    """Index every page from scratch. Returns how many pages were indexed."""
    documents = []
    for kind in kinds():
        if not isinstance(kind, ModelKind):
            documents.append(document_for(kind))
            continue
        records = kind.records()
        if kind.search.related_names:
            records = records.prefetch_related(kind.search.related_names)
        documents += [document_for(kind, record) for record in records.iterator(chunk_size=500)]
    Document.objects.all().delete()
    Word.objects.all().delete()
    Document.objects.bulk_create(documents, batch_size=500)
    synonyms = [(synonym.language, synonym.words) for synonym in Synonym.objects.all()]
    words = vocabulary([*document_texts(documents), *synonyms])
    Word.objects.bulk_create(words, batch_size=1000, ignore_conflicts=True)
    return len(documents)

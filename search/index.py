"""Keeping the search index in step with the site's content.

Every save and delete of an indexed record updates its `Document` at once (signals, connected in
search.apps); a page without a record (the consultation form) and everything else is rebuilt by
`rebuild()`, which runs after every `migrate` and from `manage.py rebuild_search_index` (after a
`loaddata`, whose raw saves skip related records, or changes made with `QuerySet.update()`).
"""

from django.db import connection, transaction

from .kinds import ModelKind, kind_for_model, kinds
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .models import Document, Word
from .text import plain_text, words_of

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


def vocabulary(documents):
    found = set()
    for document in documents:
        for text in (document.title, document.keywords, document.summary, document.body):
            found.update(
                (document.language, word)
                for word in words_of(text)
                if word.isalpha() and 3 <= len(word) <= MAX_WORD_LENGTH
            )
    return [Word(language=language, word=word) for language, word in found]


def write_vectors(documents):
    """On PostgreSQL, each document's weighted tsvector, in its language's configuration."""
    if connection.vendor != "postgresql":
        return
    by_language = {}
    for document in documents:
        by_language.setdefault(document.language, []).append(document.pk)
    with connection.cursor() as cursor:
        for language, ids in by_language.items():
            config = LANGUAGES[language].postgresql_config
            cursor.execute(
                "UPDATE search_document SET vector = "
                "setweight(to_tsvector(%s::regconfig, title), 'A') || "
                "setweight(to_tsvector(%s::regconfig, keywords || ' ' || summary), 'B') || "
                "setweight(to_tsvector(%s::regconfig, body), 'C') WHERE id = ANY(%s)",
                [config, config, config, ids],
            )


def save_documents(documents):
    for document in documents:
        document.pk = Document.objects.update_or_create(
            kind=document.kind,
            object_id=document.object_id,
            language=document.language,
            defaults={field: getattr(document, field) for field in ("title", "url", "keywords", "summary", "body")},
        )[0].pk
    write_vectors(documents)
    Word.objects.bulk_create(vocabulary(documents), ignore_conflicts=True)


def index(records):
    """Index (or re-index) these records, all of one model."""
    records = list(records)
    if not records:
        return
    kind = kind_for_model(type(records[0]))
    save_documents([document_for(kind, record) for record in records])


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
    write_vectors(documents)
    Word.objects.bulk_create(vocabulary(documents), batch_size=1000, ignore_conflicts=True)
    return len(documents)

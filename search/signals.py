"""Every save and delete of an indexed record, of the records it is found by, or of a translation, re-indexes."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete

from publishing.cache import content_changed
from translations.models import Translation

from . import index
from .kinds import kind_for_model, model_kinds
from .languages import indexed_languages
from .models import Synonym


def connect(app_config):
    for kind in model_kinds():
        _connect_kind(kind)
    for signal in (post_save, post_delete):
        signal.connect(_synonyms_changed, sender=Synonym, dispatch_uid=f"search.synonyms.{signal}")
        signal.connect(_translation_changed, sender=Translation, dispatch_uid=f"search.translations.{signal}")
    post_migrate.connect(_rebuild_after_migrate, sender=app_config, dispatch_uid="search.rebuild")


def _connect_kind(kind):
    model, uid = kind.model, f"search.{kind.key}"

    def saved(instance, raw, **kwargs):
        if raw:
            # loaddata, or a test's serialized rollback: their data hold the index rows too (or
            # `rebuild_search_index` follows), and the relations set next are theirs as well.
            instance._search_raw = True
            return
        index.index([instance])

    def deleted(instance, **kwargs):
        index.unindex(model, [instance.pk])

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}.saved")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}.deleted")
    if kind.search.related_names:
        _connect_related(kind)


def _connect_related(kind):
    """A treatment is found by its conditions' names: relinking, renaming or removing one re-indexes it."""
    model, relation, uid = kind.model, kind.search.related_names, f"search.{kind.key}.related"
    field = model._meta.get_field(relation)
    related = field.related_model

    def records_of(instance):
        return model._default_manager.filter(**{relation: instance})

    def relinked(instance, action, reverse, pk_set, **kwargs):
        if getattr(instance, "_search_raw", False):
            return
        if not reverse and action.startswith("post_"):
            index.index([instance])
        elif reverse and action in ("post_add", "post_remove"):
            index.index(model._default_manager.filter(pk__in=pk_set))
        elif reverse and action == "pre_clear":
            instance._search_relinked = list(records_of(instance))
        elif reverse and action == "post_clear":
            index.index(model._default_manager.filter(pk__in=[r.pk for r in instance._search_relinked]))

    def related_saved(instance, created, raw, **kwargs):
        if not created and not raw:
            index.index(records_of(instance))

    def related_deleting(instance, **kwargs):
        instance._search_related = list(records_of(instance).values_list("pk", flat=True))

    def related_deleted(instance, **kwargs):
        index.index(model._default_manager.filter(pk__in=getattr(instance, "_search_related", [])))

    m2m_changed.connect(relinked, sender=field.remote_field.through, weak=False, dispatch_uid=f"{uid}.relinked")
    post_save.connect(related_saved, sender=related, weak=False, dispatch_uid=f"{uid}.saved")
    pre_delete.connect(related_deleting, sender=related, weak=False, dispatch_uid=f"{uid}.deleting")
    post_delete.connect(related_deleted, sender=related, weak=False, dispatch_uid=f"{uid}.deleted")


def _synonyms_changed(instance, **kwargs):
    """A search for a word staff just listed finds its equivalents now, spelt right or not."""
    if kwargs.get("signal") is post_save:
        index.add_words(instance.language, instance.terms)
    content_changed()


def _translation_changed(instance, raw=False, **kwargs):
    """A translation is its record's text in that language: re-index it there, and the records found by its name."""
    if raw or instance.language not in indexed_languages():
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    languages = [instance.language]
    if kind_for_model(model) is not None:
        index.index(model._default_manager.filter(pk=instance.object_id), languages)
    for kind in model_kinds():
        relation = kind.search.related_names
        if relation and kind.model._meta.get_field(relation).related_model is model:
            index.index(kind.model._default_manager.filter(**{relation: instance.object_id}), languages)


def _rebuild_after_migrate(using, **kwargs):
    # Data migrations write through historical models, which send no signals: index everything once.
    if using == "default" and "search_document" in connection.introspection.table_names():
        index.rebuild()

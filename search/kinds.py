"""What the search finds: the kinds of page it indexes, read from one place.

Every search module reads kinds through `kinds()`. A kind is either a model whose records each
have a page (treatments, conditions, questions, providers, simple pages), or a page without a
record behind it (the consultation form), registered by its own app with `register_page`.
"""

import functools
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Search:
    """How the site's search finds a kind of page, and names it among the results."""

    label: str  # what each result of this kind is called: "Treatment"
    weights: tuple  # ((field, weight), ...), "A" counting most, then "B", then "C"
    order: int  # among equally good results, lower first
    # A many-to-many field whose published records' names also find it: "knee" finds stem cell therapy.
    related_names: str = ""


@dataclass(frozen=True)
class ModelKind:
    model: type
    search: Search
    published: object  # () -> the records patients can see
    title: object = str  # record -> the name shown in the results

    @property
    def key(self):
        return self.model._meta.label_lower

    @property
    def label(self):
        return self.search.label

    def records(self):
        """Every record, published or not: the index holds drafts too, and each search keeps only the published."""
        return self.model._default_manager.all()

    def visible(self):
        """Which index rows are this kind's pages patients can see now: asked of each row, by its record's key."""
        return Q(kind=self.key) & Exists(self.published().filter(pk=OuterRef("object_id")))


@dataclass(frozen=True)
class PageKind:
    """A page no record stands behind, such as the consultation form: always public, indexed from code."""

    name: str  # its URL name
    title: str
    text: str
    label: str = _("Page")

    @property
    def key(self):
        return f"page:{self.name}"

    @property
    def url(self):
        return reverse(self.name)

    def visible(self):
        return Q(kind=self.key)


_pages = {}


def register_page(name, *, title, text):
    """Let search find the page at URL name `name` (called from the page's own app)."""
    _pages[name] = PageKind(name, title, text)


@functools.cache
def model_kinds():
    """The kinds of content declared with a `search` (publishing.content), in their order among equal results."""
    from publishing.content import declarations

    kinds = [
        ModelKind(declaration.model, declaration.search, declaration.visible, declaration.title)
        for declaration in declarations()
        if declaration.search is not None
    ]
    return sorted(kinds, key=lambda kind: kind.search.order)


def page_kinds():
    return list(_pages.values())


def kinds():
    return [*model_kinds(), *page_kinds()]


def kind_for_model(model):
    return next((kind for kind in model_kinds() if kind.model is model), None)

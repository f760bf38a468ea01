"""The kinds of public content, each declared once, in its own app's `content.py`.

    # treatments/content.py
    content.register(
        Treatment,
        page=True,
        search=Search("Treatment", weights, order=1),
        prose=("name", "summary", "body"),
        parent=("Treatments", "treatments:treatment_list"),
        structured_data=schema.treatment,
    )

Registering a model makes it public content: saving, deleting or relinking a record retires every
cached page. The rest of the site reads what each declaration says, and names no content model:
search indexes the kinds with `search`, the wording checker reads the `prose` fields, staff
translate the `translate` fields (the prose, unless it says otherwise), breadcrumbs and their
structured data pass through `parent`, and a `page` (a record with an address of its own,
listed in its app's sitemaps.py) keeps its old address as a redirect when staff change it.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Content:
    model: type
    # Each record is a page at an address staff choose (a slug, a simple page's URL).
    page: bool = False
    # search.kinds.Search: how the site's search finds it and names it among the results.
    search: object = None
    # The fields the wording checker reads for risky health claims.
    prose: tuple = ()
    # The fields staff translate into the site's other languages (translations); by default the prose.
    translate: tuple = None
    # (title, URL name) of the list its pages' breadcrumbs pass through, after Home.
    parent: tuple = None
    # record -> [schema.org dict, ...]: what its page tells search engines it is about.
    structured_data: object = None
    # () -> the records patients can see; by default `published()`.
    published: object = None
    # record -> its name in breadcrumbs and search results.
    title: object = field(default=str)
    # The field holding the picture its page shows (a provider's portrait): listed with the page in the sitemap.
    picture: str = None

    @property
    def translated_fields(self):
        return tuple(self.prose if self.translate is None else self.translate)

    @property
    def label(self):
        return self.model._meta.label

    def visible(self):
        if self.published is not None:
            return self.published()
        manager = self.model._default_manager
        return manager.published() if hasattr(manager, "published") else manager.all()

    def picture_of(self, record):
        return getattr(record, self.picture) if self.picture else None

    def trail(self, record):
        """(name, path) from the home page to the record: what its breadcrumbs show."""
        trail = [(_("Home"), reverse("practice:home"))]
        if self.parent:
            title, url_name = self.parent
            trail.append((title, reverse(url_name)))
        return [*trail, (self.title(record), record.get_absolute_url())]


_declared = {}
_discovered = False


def register(model, **aspects):
    """Declare `model` public content, with what the rest of the site needs to know about it."""
    declaration = Content(model, **aspects)
    if declaration.page and not hasattr(model, "get_absolute_url"):
        raise ImproperlyConfigured(f"{declaration.label} is declared a page but has no get_absolute_url().")
    _declared[model] = declaration
    return declaration


def declarations():
    """Every declared kind of content, once each app's content.py has been imported."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("content")
    return list(_declared.values())


def declaration_for(model):
    """The declaration of `model` (or of the model behind an automatic many-to-many table), or None."""
    declarations()
    return _declared.get(model._meta.auto_created or model)


def pages():
    return [declaration for declaration in declarations() if declaration.page]

"""The languages people at the clinic speak with patients: named in the page's language, coded for search engines.

Not the site's own languages (settings.LANGUAGES): a provider may speak Tagalog with patients
before the site has a page in it.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

# Those most spoken at home in Los Angeles County after English, by their BCP 47 codes.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh", _("Chinese (Mandarin)")),
    ("yue", _("Cantonese")),
    ("ko", _("Korean")),
    ("ja", _("Japanese")),
    ("tl", _("Tagalog")),
    ("vi", _("Vietnamese")),
    ("hy", _("Armenian")),
    ("fa", _("Persian (Farsi)")),
    ("ru", _("Russian")),
    ("ar", _("Arabic")),
    ("hi", _("Hindi")),
    ("th", _("Thai")),
    ("km", _("Khmer")),
]


def codes_of(value):
    """["en", "es"] for the stored "en,es"."""
    return [code.strip() for code in value.split(",") if code.strip()]


def names_of(codes):
    """Each language's name in the page's language, in the list's order ("inglés", "español")."""
    names = dict(SPOKEN_LANGUAGES)
    return [str(names.get(code, code)) for code in codes]


class SpokenLanguagesFormField(forms.MultipleChoiceField):
    """A checkbox for each language, stored as the codes ticked: "en,es"."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, max_length=None, empty_value=None, **kwargs):
        super().__init__(choices=SPOKEN_LANGUAGES, **kwargs)

    def prepare_value(self, value):
        return codes_of(value) if isinstance(value, str) else value

    def clean(self, value):
        return ",".join(super().clean(value))

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial or ""), data)


class SpokenLanguagesField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        kwargs.pop("widget", None)  # the admin's text box for a CharField
        return super().formfield(**{"form_class": SpokenLanguagesFormField, **kwargs})

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericStackedInline
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.utils.html import format_html
from django.utils.text import capfirst

from claims.checker import check_text
from claims.forms import show_warnings
from claims.rules import languages

from .models import Translation, other_languages
from .shown import translated_fields


class TranslationForm(forms.ModelForm):
    """One language's translation of a record: a box for each of its translated fields, checked for risky wording.

    Saving it records the English it was made from, so a later change to the English marks it outdated.
    """

    language = forms.ChoiceField(choices=other_languages)

    class Meta:
        model = Translation
        fields = ["language", "translated_by", "checked_by", "checked_on"]

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        for name in self.text_fields:
            self.initial.setdefault(name, self.instance.text.get(name, ""))
        self.findings = []
        if self.instance.pk:
            self.name_fields_in(self.instance.language)
            if not self.is_bound:
                self._show(self.instance.text)

    def name_fields_in(self, language):
        """ "Body in Spanish": each box is named apart from the English one above it, for screen readers too."""
        name = dict(other_languages()).get(language, language)
        for field in self.text_fields:
            english = self.record_model._meta.get_field(field).verbose_name
            self.fields[field].label = f"{capfirst(english)} in {name}"

    @property
    def text_fields(self):
        return [name for name in self.fields if name in translated_fields(self.record_model)]

    def _show(self, values):
        language = self.initial.get("language") or self.instance.language
        if language not in languages():
            return  # no wording rules for it yet: claims/languages/<code>.toml adds them
        self.findings = [
            finding
            for name in self.text_fields
            if values.get(name)
            for finding in check_text(str(values[name]), field=name, language=language)
        ]
        show_warnings(self, self.findings)

    def clean(self):
        cleaned = super().clean()
        if self.has_changed() and not any(cleaned.get(name) for name in self.text_fields):
            raise forms.ValidationError("Write the translation of at least one field, or leave this language empty.")
        self.initial["language"] = cleaned.get("language")
        self._show(cleaned)
        return cleaned

    def save(self, commit=True):
        translation = self.instance
        translation.text, translation.source = {}, {}
        for name in self.text_fields:
            text = self.cleaned_data.get(name) or ""
            sanitize = getattr(self.record_model._meta.get_field(name), "sanitize", None)
            text = sanitize(text) if sanitize and text else text
            if text:
                translation.text[name] = text
                translation.source[name] = str(getattr(self.record, name, "") or "")
        return super().save(commit)


class TranslationFormSet(BaseGenericInlineFormSet):
    """Each form knows the record it translates; a language not translated yet comes as an empty form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        done = {form.instance.language for form in self.initial_forms}
        for form, code in zip(
            self.extra_forms, [code for code, _ in other_languages() if code not in done], strict=False
        ):
            form.initial["language"] = code
            form.fields["language"].initial = code
            form.name_fields_in(code)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "record": self.instance}

    def clean(self):
        super().clean()
        languages = [
            form.cleaned_data["language"]
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not self._should_delete_form(form) and form.cleaned_data.get("language")
        ]
        if len(languages) != len(set(languages)):
            raise forms.ValidationError("Each language has one translation: write it in that language's box.")


def _text_field(english):
    """A box like the English field's, not required: a translation may leave a field in English for now."""
    field = english.formfield(required=False)
    if type(field.widget) is forms.TextInput:
        field.widget.attrs["class"] = "vTextField"  # as wide as the admin draws the English box
    return field


def translation_inline(model):
    """The admin's box, on `model`'s edit page, for its text in each of the site's other languages."""
    text_fields = {name: _text_field(model._meta.get_field(name)) for name in translated_fields(model)}
    form = type(f"{model.__name__}TranslationForm", (TranslationForm,), {**text_fields, "record_model": model})

    class Inline(GenericStackedInline):
        # In the words staff use: "Spanish translation" where the site has one other language.
        verbose_name = f"{other_languages()[0][1]} translation" if len(other_languages()) == 1 else "translation"
        verbose_name_plural = "translations"
        fields = ["language", "status", *text_fields, ("translated_by", "checked_by", "checked_on")]
        readonly_fields = ["status"]
        classes = ["translations"]

        def get_extra(self, request, obj=None, **kwargs):
            done = Translation.objects.of(obj).count() if obj is not None and obj.pk else 0
            return max(len(other_languages()) - done, 0)

        def get_max_num(self, request, obj=None, **kwargs):
            return len(other_languages())

        @admin.display(description="Status")
        def status(self, translation):
            if translation.pk is None:
                return "Not translated yet."
            record = translation.record
            changed = translation.changed_fields(record) if record is not None else []
            missing = translation.missing_fields(record, translated_fields(model)) if record is not None else []
            if not changed and not missing:
                return "Up to date with the English."
            notes = []
            if changed:
                names = ", ".join(str(model._meta.get_field(name).verbose_name) for name in changed)
                notes.append(f"The English has changed since this was translated: {names}.")
            if missing:
                names = ", ".join(str(model._meta.get_field(name).verbose_name) for name in missing)
                notes.append(f"Not translated yet: {names}.")
            return format_html("<strong>{}</strong>", " ".join(notes))

    Inline.model = Translation
    Inline.form = form
    Inline.formset = TranslationFormSet
    Inline.__name__ = f"{model.__name__}TranslationInline"
    return Inline


class TranslatedAdmin:
    """An edit page with a box for each other language; risky wording in a translation is reported on saving."""

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        findings = [finding for inline_form in formset.forms for finding in getattr(inline_form, "findings", [])]
        if findings:
            request.unresolved_claims = [*getattr(request, "unresolved_claims", []), *findings]

import time
import unicodedata
from html import escape

import phonenumbers
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from translations.shown import translated_values
from treatments.models import Treatment

from .models import ConsultationRequest

MIN_FILL_SECONDS = 3
TOKEN_MAX_AGE = 60 * 60 * 24
RENDERED_AT_SALT = "consultations.form-rendered-at"


def strip_control_characters(value, keep="\n"):
    """Remove control and invisible format characters (NUL, escape codes, bidi overrides), keeping `keep`."""
    value = value.replace("\r\n", "\n")
    return "".join(c for c in value if c in keep or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))


class CleanCharField(forms.CharField):
    keep = ""

    def to_python(self, value):
        return super().to_python(strip_control_characters(value or "", keep=self.keep))


class CleanTextField(CleanCharField):
    keep = "\n"
    widget = forms.Textarea


class TreatmentSelect(forms.Select):
    """A <select> of flat choices that writes its options in Python, not with a template each.

    Django renders every option through its own template, about 0.15 ms apiece: with hundreds of
    treatments that would dominate the one public page never served from the cache.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]  # attrs, without optgroups
        chosen = set(widget["value"])
        page_language = get_language()

        def option(key, label):
            selected = " selected" if str(key) in chosen else ""
            # A treatment's name not yet translated into the page's language says which it is in.
            language = getattr(label, "language", page_language)
            marked = f' lang="{language}"' if language != page_language else ""
            return f'<option value="{escape(str(key))}"{selected}{marked}>{escape(str(label))}</option>'

        options = mark_safe("".join(option(key, label) for key, label in self.choices))  # noqa: S308 - escaped
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class SlugAndName(ModelChoiceIterator):
    """The choices as (slug, name) straight from the database: no model instance built for each.

    Each name is in the page's language where staff translated it, else in English.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        translated = translated_values(self.queryset.model, "name")
        language = get_language()
        for pk, slug, name in self.queryset.values_list("pk", "slug", "name"):
            yield (slug, Name(translated[pk], language) if pk in translated else Name(name, settings.LANGUAGE_CODE))


class Name(str):
    """A treatment's name, knowing its language."""

    def __new__(cls, text, language):
        name = super().__new__(cls, text)
        name.language = language
        return name


class LanguageSelect(forms.Select):
    """The site's languages, each named in itself and marked as in it ("Español", lang="es")."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


def language_choices():
    return [
        ("", _("No preference")),
        *((code, get_language_info(code)["name_local"].capitalize()) for code, _name in settings.LANGUAGES),
    ]


class TreatmentChoiceField(forms.ModelChoiceField):
    iterator = SlugAndName
    widget = TreatmentSelect


class USPhoneField(CleanCharField):
    """A US phone number in any common format, stored as +1XXXXXXXXXX."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or number.country_code != 1 or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("Enter a US phone number with its area code, like (310) 555-0123."), code="invalid_phone"
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def seconds_since_shown(stamp):
    """How long ago the form carrying this signed time stamp was first shown; None if it is not one of ours."""
    try:
        return time.time() - float(signing.loads(stamp, salt=RENDERED_AT_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


class RenderedAtField(forms.CharField):
    """A signed time stamp of when the form was first shown.

    A form shown again with an error keeps the stamp it was sent with, so a patient who fixes a
    field quickly is not timed from the start again; a missing, forged or expired one is replaced.
    """

    widget = forms.HiddenInput

    def bound_data(self, data, initial):
        age = seconds_since_shown(data)
        return data if age is not None and age <= TOKEN_MAX_AGE else initial


class ConsultationRequestForm(forms.ModelForm):
    full_name = CleanCharField(
        label=_("Full name"),
        max_length=120,
        error_messages={"required": _("Enter your name, so we know who to ask for when we get in touch.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = USPhoneField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    call_language = forms.TypedChoiceField(
        label=_("Language you would like us to talk to you in (optional)"),
        choices=language_choices,
        required=False,
        widget=LanguageSelect,
    )
    treatment = TreatmentChoiceField(
        label=_("Treatment you are interested in"),
        queryset=Treatment.objects.none(),  # published ones, as of each request: see __init__
        to_field_name="slug",
        required=False,
        empty_label=_("Not sure yet"),
    )
    message = CleanTextField(
        label=_("Anything you would like us to know (optional)"),
        required=False,
        max_length=1000,
        help_text=_(
            "Up to 1,000 characters. Please do not include detailed medical history: "
            "we will talk about that with you in person."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to let us contact you about your request.")},
    )
    # Spam checks: a field people never see, and when the form was shown to them.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    rendered_at = RenderedAtField(required=False)

    class Meta:
        model = ConsultationRequest
        fields = ConsultationRequest.PATIENT_FIELDS
        labels = {"preferred_contact": _("How should we contact you?"), "best_time": _("Best time to reach you")}
        widgets = {"preferred_contact": forms.RadioSelect, "best_time": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["treatment"].queryset = Treatment.objects.published()
        self.fields["phone"].help_text = _("Give a phone number, an email address, or both.")
        self.fields["consent"].label = format_html(
            _(
                'I agree that the clinic may contact me about this request, as described in the <a href="{}">privacy '
                "notice</a>."
            ),
            # The notice's part about these requests: its heading's id (pages.templatetags.simple_pages).
            reverse("flatpage", args=["privacy/"]) + "#if-you-ask-for-a-consultation",
        )
        self.initial["rendered_at"] = signing.dumps(time.time(), salt=RENDERED_AT_SALT)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *ConsultationRequest.PATIENT_FIELDS,
            "consent",
            Div("website", css_class="hp-field"),
            "rendered_at",
        )

    def error_summary(self):
        """(link target, message) for each error, in the order the fields appear; None where there is no field."""
        summary = [(None, error) for error in self.non_field_errors()]
        for field in self:
            if field.is_hidden:
                summary += [(None, error) for error in field.errors]
                continue
            target = field.auto_id + ("_0" if isinstance(field.field.widget, forms.RadioSelect) else "")
            summary += [(target, error) for error in field.errors]
        return summary

    @property
    def is_honeypot_hit(self):
        return bool(self.data.get(self.add_prefix("website")))

    def clean_rendered_at(self):
        age = seconds_since_shown(self.cleaned_data["rendered_at"])
        if age is None or age > TOKEN_MAX_AGE:
            raise forms.ValidationError(
                _("This form has expired. Please check your details and send it again."), code="expired"
            )
        if age < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was quicker than we expected. Please check your details and send it again."), code="too_fast"
            )
        return self.cleaned_data["rendered_at"]

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        if "phone" in cleaned and "email" in cleaned and not phone and not email:
            self.add_error("phone", _("Enter a phone number or an email address so we can reach you."))
        method = cleaned.get("preferred_contact")
        if method == ConsultationRequest.ContactMethod.EMAIL and "email" in cleaned and not email:
            self.add_error("email", _("Enter your email address, or choose to be contacted by phone."))
        if method == ConsultationRequest.ContactMethod.PHONE and "phone" in cleaned and not phone and email:
            self.add_error("phone", _("Enter your phone number, or choose to be contacted by email."))
        return cleaned

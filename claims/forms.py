from django import forms
from django.utils.html import format_html, format_html_join

from .checker import check_values, prose_fields, unresolved
from .models import Source, lists_sources, no_sources_note


def show_warnings(form, findings):
    """Each finding under its field's help text: the phrase, its kind, why it is risky and what to write instead."""
    for name in {finding.field for finding in findings}:
        field = form.fields.get(name)
        if field is None:
            continue
        warnings = format_html_join(
            "",
            '<li lang="{}"><strong>"{}"</strong> ({}): {} {}</li>',
            ((f.language, f.phrase, f.rule.category, f.rule.why, f.rule.advice) for f in findings if f.field == name),
        )
        field.help_text = format_html('{}<ul class="claims-warnings">{}</ul>', field.help_text, warnings)


class ClaimsWarningForm(forms.ModelForm):
    """Flags risky health-claim wording next to each field, and refuses to publish it unacknowledged.

    Used as is where there is no room to acknowledge (inline rows, the list's publish checkboxes).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.findings = []
        if self.instance.pk and not self.is_bound:
            self._show(unresolved(self.instance))

    def _show(self, findings):
        self.findings = findings
        show_warnings(self, findings)

    def clean(self):
        cleaned = super().clean()
        values = {
            name: cleaned.get(name) if name in self.fields else getattr(self.instance, name, "")
            for name in prose_fields(self._meta.model)
        }
        self._show(unresolved(self.instance, check_values(self._meta.model, values)))
        if cleaned.get("is_published") and self._newly_public():
            self.check_publishing(cleaned)
        return cleaned

    def _newly_public(self):
        """Flagged wording about to reach patients: the record is being published, or flagged text was edited.

        Flagged wording already published and left untouched does not block unrelated edits; it stays
        listed by `manage.py check_claims` and next to its field.
        """
        if not self.findings:
            return False
        return "is_published" in self.changed_data or any(f.field in self.changed_data for f in self.findings)

    def check_publishing(self, cleaned):
        count = f"This wording has {len(self.findings)} unresolved warning(s)."
        if not lists_sources(self._meta.model):
            self.add_error("is_published", f"{count} {no_sources_note(self._meta.model)}")
            return
        self.add_error(
            "is_published",
            f"{count} Change the wording, or open the record on its own page to acknowledge them, before publishing.",
        )


class ClaimsCheckedForm(ClaimsWarningForm):
    """The full edit page: flagged wording may be published with a recorded reason and source."""

    acknowledge_claims = forms.BooleanField(
        required=False, label="I have checked these warnings and want to publish this wording"
    )
    acknowledgement_reason = forms.CharField(
        required=False, label="Why the wording is supported", widget=forms.Textarea(attrs={"rows": 3})
    )
    acknowledgement_source = forms.ModelChoiceField(
        queryset=Source.objects.none(),
        required=False,
        label="Source that supports it",
        help_text="One of this record's sources. If it is not listed, add it under Sources and save first.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["acknowledgement_source"].queryset = Source.objects.for_record(self.instance)

    def check_publishing(self, cleaned):
        if not lists_sources(self._meta.model):
            super().check_publishing(cleaned)
            return
        if not cleaned.get("acknowledge_claims"):
            self.add_error(
                "is_published",
                f"This wording has {len(self.findings)} unresolved warning(s). To publish it, change the wording, "
                'or tick "I have checked these warnings" under Wording warnings and give a reason and a source.',
            )
            return
        if not cleaned.get("acknowledgement_reason", "").strip():
            self.add_error("acknowledgement_reason", "Say why this wording is supported.")
        if not cleaned.get("acknowledgement_source"):
            self.add_error("acknowledgement_source", "Choose the source that supports this wording.")

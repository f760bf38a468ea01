from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericStackedInline
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse

from .checker import unresolved
from .forms import ClaimsCheckedForm, ClaimsWarningForm
from .models import ClaimAcknowledgement, Source, lists_sources, no_sources_note

ACKNOWLEDGEMENT_FIELDS = ["acknowledge_claims", "acknowledgement_reason", "acknowledgement_source"]


class SourceInline(GenericStackedInline):
    """One source a block, its title on a line of its own: eight columns would not fit a tablet, and a table's
    stock first column has no heading for screen readers."""

    model = Source
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ["title", ("publisher", "year"), "url", ("doi", "pmid"), ("date_checked", "order")]
    extra = 0
    verbose_name_plural = "Sources (shown as a numbered list on the page)"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ClaimsCheckedAdmin(admin.ModelAdmin):
    """Shows wording warnings next to each field and records acknowledgements when flagged wording is published."""

    form = ClaimsCheckedForm

    class Media:
        css = {"all": ["claims/admin.css"]}

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        fieldsets = [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in ACKNOWLEDGEMENT_FIELDS]})
            for name, opts in fieldsets
        ]
        if hasattr(self.model, "is_published"):
            if lists_sources(self.model):
                fields = ACKNOWLEDGEMENT_FIELDS
                description = (
                    "Only needed to publish wording the checker has flagged: each flagged phrase is recorded with "
                    "your name, the date, your reason and the source."
                )
            else:
                fields, description = [], no_sources_note(self.model)
            fieldsets.append(
                (
                    "Wording warnings",
                    # Closed until the record has wording to acknowledge.
                    {
                        "classes": ["collapse"] if obj is None or not unresolved(obj) else [],
                        "fields": fields,
                        "description": description,
                    },
                )
            )
        return fieldsets

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=ClaimsWarningForm, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        findings = getattr(form, "findings", [])
        acknowledged = form.cleaned_data.get("acknowledge_claims") and form.cleaned_data.get("acknowledgement_source")
        if findings and acknowledged:
            for finding in findings:
                ClaimAcknowledgement.objects.create(
                    record=obj,
                    rule=finding.rule.code,
                    phrase=finding.phrase,
                    reason=form.cleaned_data["acknowledgement_reason"],
                    source=form.cleaned_data["acknowledgement_source"],
                    acknowledged_by=request.user,
                )
            findings = []
        request.unresolved_claims = findings

    def _warn_and_stay(self, request, obj, response):
        findings = getattr(request, "unresolved_claims", [])
        if not findings:
            return response
        phrases = ", ".join(f'"{finding.phrase}"' for finding in findings)
        self.message_user(
            request,
            f"Saved, with {len(findings)} wording warning(s) to look at: {phrases}. "
            "Each is explained next to its field.",
            messages.WARNING,
        )
        opts = obj._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))

    def response_add(self, request, obj, post_url_continue=None):
        return self._warn_and_stay(request, obj, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._warn_and_stay(request, obj, super().response_change(request, obj))


@admin.register(ClaimAcknowledgement)
class ClaimAcknowledgementAdmin(admin.ModelAdmin):
    list_display = ["phrase", "category", "record", "acknowledged_by", "acknowledged_at"]
    list_filter = ["rule", "content_type"]
    search_fields = ["phrase", "reason"]
    readonly_fields = [f.name for f in ClaimAcknowledgement._meta.fields] + ["record"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

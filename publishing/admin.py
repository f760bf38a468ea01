"""Admin pieces every public content type shares: publishing dates, review links for drafts, revisions."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from claims.admin import ClaimsCheckedAdmin

from .models import PreviewLink

PUBLISHING_FIELDS = ["is_published", "publish_at", "unpublish_at"]
SEARCH_ENGINE_FIELDSET = (
    "Search engine",
    {
        "classes": ["collapse"],
        "fields": ["seo_title", "meta_description"],
        "description": "How this page appears in Google and other search engines. Usually best left empty.",
    },
)


class CheckboxChoices(forms.CheckboxSelectMultiple):
    """Ticked boxes, in a group named after the field: the admin gives a group of boxes only a bare label.

    Read at a glance, and used without holding down Control or a script-drawn two-box chooser.
    """

    group_label = ""

    def render(self, name, value, attrs=None, renderer=None):
        boxes = super().render(name, value, attrs, renderer) if self.choices else "None to choose from yet."
        return format_html('<div role="group" aria-label="{}">{}</div>', self.group_label, boxes)


class ContentAdmin(ClaimsCheckedAdmin, CompareVersionAdmin):
    """Wording checks on save, review links for drafts, and a history of every revision with compare,
    revert and recover deleted."""

    history_latest_first = True
    formfield_overrides = {models.ManyToManyField: {"widget": CheckboxChoices(attrs={"class": "checkbox-choices"})}}
    # Records with a page of their own can be shown to a reviewer through a review link.
    review_links = False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        slug = form.base_fields.get("slug")
        if slug is not None and hasattr(self.model, "get_absolute_url"):
            if obj is not None and obj.pk:
                slug.help_text = (
                    f"This page's address: {obj.get_absolute_url()}. If you change it, the old one redirects."
                )
            else:
                example = self.model(slug="name-of-the-page").get_absolute_url()
                slug.help_text = f"The end of the page's address, made from its name, e.g. {example}"
        return form

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        choices = getattr(getattr(field, "widget", None), "widget", None)  # inside the add-another link's wrapper
        if isinstance(choices, CheckboxChoices):
            choices.group_label = field.label
        if field is not None and isinstance(field.widget, AdminSplitDateTime):
            # Django's date-and-time widget prints "Date:" and "Time:" as bare text, so neither box has a label.
            date, time = field.widget.widgets
            date.attrs["aria-label"] = f"{field.label}: date"
            time.attrs["aria-label"] = f"{field.label}: time"
        return field

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.review_links and request.user.has_perm("publishing.add_previewlink"):
            actions["create_review_links"] = self.get_action("create_review_links")
        return actions

    @admin.action(description="Create review links for people without a staff account")
    def create_review_links(self, request, queryset):
        expires_at = timezone.now() + datetime.timedelta(days=settings.PREVIEW_LINK_DAYS)
        for record in queryset:
            link = PreviewLink.objects.create(record=record, created_by=request.user, expires_at=expires_at)
            url = f"{settings.SITE_URL}{link.get_absolute_url()}"
            self.message_user(
                request,
                format_html('Review link for "{}", valid until {}: {}', record, date_format(expires_at.date()), url),
                messages.SUCCESS,
            )


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_by", "created_at", "expires_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["record", "link", "created_by", "created_at", "expires_at", "revoked_at"]
    fields = readonly_fields
    actions = ["revoke"]

    def has_add_permission(self, request):
        # Links are made from a record's list ("Create review links"), so they always point at a record.
        return False

    @admin.display(description="Link to send")
    def link(self, obj):
        return f"{settings.SITE_URL}{obj.get_absolute_url()}"

    @admin.action(description="Withdraw the selected review links now", permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} review link(s) withdrawn.")

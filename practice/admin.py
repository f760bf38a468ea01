from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from publishing.admin import PUBLISHING_FIELDS, SEARCH_ENGINE_FIELDSET, ContentAdmin

from .models import Clinic, ClinicPhoto, OpeningHours, Provider, SpecialHours


class NamedBoxesFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            if not field.widget.is_hidden:
                field.widget.attrs["aria-label"] = field.label


class NamedColumnsInline(admin.TabularInline):
    """A table of rows in which every column has a heading and every box is named by its column, for screen
    readers: Django's table leaves the first heading empty and names the boxes only by where they sit."""

    template = "admin/edit_inline/tabular_named.html"
    formset = NamedBoxesFormSet


class OpeningHoursInline(NamedColumnsInline):
    model = OpeningHours
    extra = 0


class SpecialHoursInline(NamedColumnsInline):
    """Holidays and other days with different hours: patients see them on the site 60 days ahead."""

    model = SpecialHours
    extra = 0


class ClinicPhotoInline(NamedColumnsInline):
    """Photos of the entrance, the building, parking and the waiting room: on the home page and Plan your visit."""

    model = ClinicPhoto
    extra = 0


@admin.register(Clinic)
class ClinicAdmin(ContentAdmin):
    inlines = [OpeningHoursInline, SpecialHoursInline, ClinicPhotoInline]
    fieldsets = [
        (None, {"fields": ["name", "tagline", "introduction", "medical_disclaimer"]}),
        ("Contact", {"fields": ["phone", "email", "languages_spoken"]}),
        ("Consultation requests", {"fields": ["intake_emails", "callback_promise"]}),
        ("Address", {"fields": ["street_address", "city", "state", "postal_code", ("latitude", "longitude")]}),
        ("Shared links", {"fields": ["sharing_picture"]}),
    ]

    def has_add_permission(self, request):
        # The site shows one clinic: staff edit its record, they never add a second.
        return super().has_add_permission(request) and not Clinic.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Provider)
class ProviderAdmin(ContentAdmin):
    review_links = True
    list_display = ["name", "credentials", "role", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published"]
    search_fields = ["name", "credentials", "role"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (
            None,
            {"fields": ["honorific", "name", "credentials", "role", "portrait", "bio", "languages_spoken", "email"]},
        ),
        ("Publishing", {"fields": [*PUBLISHING_FIELDS, "order", "slug"]}),
        SEARCH_ENGINE_FIELDSET,
    ]

import re

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from .models import ConsultationRequest


def language_name(code):
    """ "Spanish" for "es"; the code itself for a language the site no longer has."""
    return dict(settings.LANGUAGES).get(code, code)


class NotificationFilter(admin.SimpleListFilter):
    title = "staff notification"
    parameter_name = "notification"

    def lookups(self, request, model_admin):
        return [("pending", "Pending"), ("sent", "Sent")]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.notification_pending()
        if self.value() == "sent":
            return queryset.filter(notified_at__isnull=False)
        return queryset


def clinic_time_zone():
    """The clinic's time zone as its clocks say it now, e.g. "PST" (or "PDT" in summer)."""
    return timezone.localtime().tzname()


# What the patient sent, as staff read it: the phone number and email address as links to call or write.
PATIENT_FIELDS = [
    {"phone": "phone_link", "email": "email_link", "call_language": "call_language_name"}.get(name, name)
    for name in ConsultationRequest.PATIENT_FIELDS
] + ["form_language", "created_at", "consented_at"]
HISTORY_FIELDS = ["status_changed_by", "status_changed_at", "notified_at"]


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    list_display = ["received", "full_name", "how_to_reach", "preference", "treatment_or_unsure", "status"]
    list_display_links = ["full_name"]
    list_filter = ["status", "treatment", ("created_at", admin.DateFieldListFilter), NotificationFilter]
    list_select_related = ["treatment"]
    search_fields = ["full_name", "phone", "email"]
    date_hierarchy = "created_at"
    actions = ["mark_contacted"]
    fieldsets = [
        (
            "From the patient",
            {
                "fields": PATIENT_FIELDS,
                "description": lazy(lambda: f"Times are the clinic's ({clinic_time_zone()}).", str)(),
            },
        ),
        ("Front desk", {"fields": ["status", "staff_notes", *HISTORY_FIELDS]}),
    ]
    # What the patient sent is never edited; staff change only the status and their notes.
    readonly_fields = [*PATIENT_FIELDS, *HISTORY_FIELDS]

    @admin.display(description=lazy(lambda: f"Received ({clinic_time_zone()})", str)(), ordering="created_at")
    def received(self, obj):
        local = timezone.localtime(obj.created_at)
        return format_html(
            '<time datetime="{}">{}</time><br><span class="quiet">{} ago</span>',
            local.isoformat(),
            date_format(local, "D j M, g:i a"),
            timesince(obj.created_at),
        )

    @admin.display(description="Phone")
    def phone_link(self, obj):
        return format_html('<a href="tel:{}">{}</a>', obj.phone, obj.phone_national) if obj.phone else ""

    @admin.display(description="Email")
    def email_link(self, obj):
        return format_html('<a href="mailto:{}">{}</a>', obj.email, obj.email) if obj.email else ""

    @admin.display(description="How to reach them")
    def how_to_reach(self, obj):
        ways = [link for link in (self.phone_link(obj), self.email_link(obj)) if link]
        return format_html_join(mark_safe("<br>"), "{}", ((way,) for way in ways))

    @admin.display(description="Prefers", ordering="preferred_contact")
    def preference(self, obj):
        preference = f"{obj.get_preferred_contact_display()}, {obj.get_best_time_display().lower()}"
        if obj.call_language:
            preference += f", in {language_name(obj.call_language)}"
        if obj.language != settings.LANGUAGE_CODE:  # they may prefer to be called in it
            preference += f" (form in {self.form_language(obj)})"
        return preference

    @admin.display(description="Language to talk in")
    def call_language_name(self, obj):
        return language_name(obj.call_language) if obj.call_language else "No preference"

    @admin.display(description="Language of the form")
    def form_language(self, obj):
        return language_name(obj.language)

    @admin.display(description="Treatment", ordering="treatment__name")
    def treatment_or_unsure(self, obj):
        return obj.treatment or "Not sure yet"

    def has_add_permission(self, request):
        # Requests come from patients through the website only.
        return False

    def get_search_results(self, request, queryset, search_term):
        # Phone numbers are stored as +1XXXXXXXXXX: let "(310) 555-0100" or "555-0100" find them too.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = re.sub(r"\D", "", search_term)
        if len(digits) >= 4:
            results |= queryset.filter(phone__contains=digits[-10:])
        return results, may_have_duplicates

    def save_model(self, request, obj, form, change):
        if "_mark_contacted" in request.POST:
            obj.set_status(ConsultationRequest.Status.CONTACTED, by=request.user)
        elif "status" in form.changed_data:
            obj.set_status(obj.status, by=request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark selected requests as contacted", permissions=["change"])
    def mark_contacted(self, request, queryset):
        updated = queryset.update(
            status=ConsultationRequest.Status.CONTACTED,
            status_changed_at=timezone.now(),
            status_changed_by=request.user,
        )
        self.message_user(request, f"{updated} request(s) marked as contacted.")

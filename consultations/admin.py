import re

from django.contrib import admin
from django.utils import timezone

from .models import ConsultationRequest


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


PATIENT_FIELDS = [
    "full_name",
    "phone",
    "email",
    "preferred_contact",
    "best_time",
    "treatment",
    "message",
    "created_at",
    "consented_at",
]
HISTORY_FIELDS = ["status_changed_by", "status_changed_at", "notified_at"]


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "full_name", "treatment", "preferred_contact", "best_time", "status", "created_at"]
    list_filter = ["status", "treatment", ("created_at", admin.DateFieldListFilter), NotificationFilter]
    list_select_related = ["treatment"]
    search_fields = ["full_name", "phone", "email"]
    date_hierarchy = "created_at"
    actions = ["mark_contacted"]
    fieldsets = [
        ("From the patient", {"fields": PATIENT_FIELDS}),
        ("Front desk", {"fields": ["status", "staff_notes", *HISTORY_FIELDS]}),
    ]
    # What the patient sent is never edited; staff change only the status and their notes.
    readonly_fields = [*PATIENT_FIELDS, *HISTORY_FIELDS]

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
        if "status" in form.changed_data:
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

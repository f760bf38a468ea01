from django.contrib import admin

from publishing.admin import PUBLISHING_FIELDS, ContentAdmin
from serving.storage import ReportsStorageFailures

from .models import PatientDocument, VisitGuide


@admin.register(VisitGuide)
class VisitGuideAdmin(ContentAdmin):
    fieldsets = [
        ("Getting here", {"fields": ["parking", "public_transport"]}),
        ("Access", {"fields": ["step_free_entrance", "lift", "accessible_restroom", "access_notes"]}),
        ("Before the visit", {"fields": ["what_to_bring", "insurance", "self_pay"]}),
        ("Online", {"fields": ["patient_portal_url", "video_visits_url"]}),
    ]

    def has_add_permission(self, request):
        # One page: staff edit its record, they never add a second.
        return super().has_add_permission(request) and not VisitGuide.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PatientDocument)
class PatientDocumentAdmin(ReportsStorageFailures, ContentAdmin):
    list_display = ["title", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    fieldsets = [
        (None, {"fields": ["title", "description", "file"]}),
        ("Publishing", {"fields": [*PUBLISHING_FIELDS, "order"]}),
    ]

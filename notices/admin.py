from django.contrib import admin

from publishing.admin import PUBLISHING_FIELDS, ContentAdmin
from review.admin import REVIEW_FIELDSET

from .models import NoticeKind, SiteNotice, missing_notice_kinds


@admin.register(SiteNotice)
class SiteNoticeAdmin(ContentAdmin):
    review_links = True
    change_list_template = "admin/notices/sitenotice/change_list.html"
    list_display = ["title", "kind", "placement", "is_published", "next_review_due"]
    list_filter = ["is_published", "kind", "placement"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["kind", "title", "body", "placement"]}),
        (
            "Approval",
            {
                "fields": REVIEW_FIELDSET[1]["fields"],
                "description": "Who at the practice approved this wording, when, and how often it must be checked "
                "again. Shown under the notice.",
            },
        ),
        ("Publishing", {"fields": [*PUBLISHING_FIELDS, "order", "slug"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "reviewed_by":
            field.label = "Approved by"
        elif db_field.name == "last_reviewed":
            field.label = "Approved on"
        return field

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if initial.get("kind") in NoticeKind.values:
            initial.setdefault("title", NoticeKind(initial["kind"]).label.split(" (")[0])
        return initial

    def changelist_view(self, request, extra_context=None):
        extra_context = {"missing_notice_kinds": missing_notice_kinds(), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

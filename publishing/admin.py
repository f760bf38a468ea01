"""Admin pieces every public content type shares: publishing dates, medical review, revisions."""

from reversion_compare.admin import CompareVersionAdmin

from claims.admin import ClaimsCheckedAdmin

PUBLISHING_FIELDS = ["is_published", "publish_at", "unpublish_at"]
REVIEW_FIELDS = ["reviewed_by", "last_reviewed", "review_interval_months"]
SEARCH_ENGINE_FIELDSET = (
    "Search engine",
    {
        "classes": ["collapse"],
        "fields": ["seo_title", "meta_description"],
        "description": "How this page appears in Google and other search engines. Usually best left empty.",
    },
)


class ContentAdmin(ClaimsCheckedAdmin, CompareVersionAdmin):
    """Wording checks on save, a history of every revision with compare, revert and recover deleted."""

    history_latest_first = True

"""Admin pieces every public content type shares: publishing dates, medical review, revisions."""

from reversion_compare.admin import CompareVersionAdmin

from claims.admin import ClaimsCheckedAdmin

PUBLISHING_FIELDS = ["is_published", "publish_at", "unpublish_at"]
REVIEW_FIELDS = ["reviewed_by", "last_reviewed", "review_interval_months"]


class ContentAdmin(ClaimsCheckedAdmin, CompareVersionAdmin):
    """Wording checks on save, a history of every revision with compare, revert and recover deleted."""

    history_latest_first = True

"""The "Medical review" section on the admin page of every record that is medically reviewed."""

REVIEW_FIELDSET = ("Medical review", {"fields": ["reviewed_by", "last_reviewed", "review_interval_months"]})

"""A medically reviewed page as search engines read it: who reviewed it, and when."""

from practice.schema import physician_id, physician_name
from seo.schema import absolute, web_page


def medical_web_page(record, about_id=None):
    """The page itself: what it is about, and who medically reviewed it and when, where that is known."""
    data = web_page(record, about_id, kind="MedicalWebPage")
    if record.last_reviewed:
        data["lastReviewed"] = record.last_reviewed.isoformat()
    reviewer = record.reviewed_by
    if reviewer is not None:
        data["reviewedBy"] = {"@type": "IndividualPhysician", "name": physician_name(reviewer)}
        if reviewer.is_live:
            data["reviewedBy"].update({"@id": physician_id(reviewer), "url": absolute(reviewer.get_absolute_url())})
    return data

"""What treatment and condition pages tell search engines (schema.org)."""

from images.schema import image_object
from review.schema import medical_web_page
from seo.schema import absolute


def therapy_id(treatment):
    return absolute(treatment.get_absolute_url()) + "#treatment"


def condition_id(condition):
    return absolute(condition.get_absolute_url()) + "#condition"


def medical_therapy(treatment):
    """A treatment, with the conditions it is used for as its indications, and its reviewed page."""
    data = {
        "@type": "MedicalTherapy",
        "@id": therapy_id(treatment),
        "name": treatment.name,
        "url": absolute(treatment.get_absolute_url()),
        "description": treatment.summary,
    }
    indications = [
        {"@type": "TreatmentIndication", "name": condition.name, "url": absolute(condition.get_absolute_url())}
        for condition in treatment.conditions.all()
    ]
    if indications:
        data["indication"] = indications
    if treatment.picture:
        data["image"] = image_object(treatment.picture)
    return [data, medical_web_page(treatment, therapy_id(treatment))]


def medical_condition(condition):
    """A condition, with the treatments the clinic offers for it, and its reviewed page."""
    data = {
        "@type": "MedicalCondition",
        "@id": condition_id(condition),
        "name": condition.name,
        "url": absolute(condition.get_absolute_url()),
    }
    if condition.summary:
        data["description"] = condition.summary
    treatments = [
        {"@type": "MedicalTherapy", "@id": therapy_id(t), "name": t.name, "url": absolute(t.get_absolute_url())}
        for t in condition.treatments.all()
    ]
    if treatments:
        data["possibleTreatment"] = treatments
    if condition.picture:
        data["image"] = image_object(condition.picture)
    return [data, medical_web_page(condition, condition_id(condition))]

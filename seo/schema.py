"""schema.org structured data (JSON-LD) for each public page, built from the records it shows.

Plain dicts, one per thing the page is about; `{% structured_data %}` (seo.templatetags.seo)
writes them as one <script type="application/ld+json"> block. Things that appear on several
pages (the clinic, a provider) carry an "@id" so search engines join them up.
"""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from faq.models import Question
from practice.models import Provider
from treatments.models import Condition, Treatment

SCHEMA_ORG = "https://schema.org"


def absolute(path):
    return settings.SITE_URL + path


def clinic_id():
    return absolute(reverse("practice:home")) + "#clinic"


def medical_clinic(clinic):
    """The practice: name, address, phone, position and opening hours, from the clinic's details."""
    data = {"@type": "MedicalClinic", "@id": clinic_id(), "name": clinic.name, "url": absolute("/")}
    if clinic.tagline:
        data["description"] = clinic.tagline
    if clinic.phone:
        data["telephone"] = clinic.phone
    if clinic.email:
        data["email"] = clinic.email
    address = {
        "streetAddress": clinic.street_address,
        "addressLocality": clinic.city,
        "addressRegion": clinic.state,
        "postalCode": clinic.postal_code,
    }
    if any(address.values()):
        data["address"] = {"@type": "PostalAddress", **{k: v for k, v in address.items() if v}, "addressCountry": "US"}
    if clinic.latitude is not None and clinic.longitude is not None:
        position = {"latitude": float(clinic.latitude), "longitude": float(clinic.longitude)}
        data["geo"] = {"@type": "GeoCoordinates", **position}
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA_ORG}/{row.get_weekday_display()}",
            "opens": f"{row.opens:%H:%M}",
            "closes": f"{row.closes:%H:%M}",
        }
        for row in clinic.opening_hours.all()
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    special = [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": day.date.isoformat(),
            "validThrough": day.date.isoformat(),
            # schema.org's way of saying "closed all day".
            "opens": "00:00" if day.is_closed else f"{day.opens:%H:%M}",
            "closes": "00:00" if day.is_closed else f"{day.closes:%H:%M}",
        }
        for day in clinic.special_hours.all()
    ]
    if special:
        data["specialOpeningHoursSpecification"] = special
    if clinic.language_list:
        data["availableLanguage"] = clinic.language_list
    return data


def physician_id(provider):
    return absolute(provider.get_absolute_url()) + "#physician"


def physician_name(provider):
    return " ".join(part for part in (provider.honorific, provider.name) if part)


def individual_physician(provider):
    """A provider as a person who practises at the clinic (schema.org's `Physician` is the practice)."""
    data = {
        "@type": "IndividualPhysician",
        "@id": physician_id(provider),
        "name": physician_name(provider),
        "url": absolute(provider.get_absolute_url()),
        "practicesAt": {"@id": clinic_id()},
    }
    if provider.credentials:
        data["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "name": credential.strip()}
            for credential in provider.credentials.split(",")
            if credential.strip()
        ]
    if provider.role:
        data["description"] = provider.role
    return data


def therapy_id(treatment):
    return absolute(treatment.get_absolute_url()) + "#treatment"


def condition_id(condition):
    return absolute(condition.get_absolute_url()) + "#condition"


def medical_therapy(treatment):
    """A treatment, with the conditions it is used for as its indications."""
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
    return data


def medical_condition(condition):
    """A condition, with the treatments the clinic offers for it."""
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
    return data


def medical_web_page(record, about_id=None):
    """The page itself: what it is about, and who medically reviewed it and when, where that is known."""
    data = {
        "@type": "MedicalWebPage",
        "@id": absolute(record.get_absolute_url()),
        "url": absolute(record.get_absolute_url()),
        "name": getattr(record, "seo_title", "") or str(record),
        "isPartOf": {"@id": clinic_id()},
    }
    if about_id is not None:
        data["about"] = {"@id": about_id}
    if record.last_reviewed:
        data["lastReviewed"] = record.last_reviewed.isoformat()
    reviewer = record.reviewed_by
    if reviewer is not None:
        data["reviewedBy"] = {"@type": "IndividualPhysician", "name": physician_name(reviewer)}
        if reviewer.is_live:
            data["reviewedBy"].update({"@id": physician_id(reviewer), "url": absolute(reviewer.get_absolute_url())})
    return data


def breadcrumb_trail(record):
    """(name, path) from the home page to the record: the same trail the page shows."""
    trail = [("Home", reverse("practice:home"))]
    if isinstance(record, Treatment):
        trail.append(("Treatments", reverse("treatments:treatment_list")))
    elif isinstance(record, Condition):
        trail.append(("Conditions", reverse("treatments:condition_list")))
    elif isinstance(record, Question):
        trail.append(("Questions", reverse("faq:question_list")))
    name = record.title if isinstance(record, FlatPage) else str(record)
    return [*trail, (name, record.get_absolute_url())]


def breadcrumb_list(record):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(path)}
            for position, (name, path) in enumerate(breadcrumb_trail(record), start=1)
        ],
    }


def faq_page(questions):
    """The FAQ page's questions and answers. Only /faq/ carries them: a question is marked up once."""
    return {
        "@type": "FAQPage",
        "@id": absolute(reverse("faq:question_list")),
        "url": absolute(reverse("faq:question_list")),
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": {"@type": "Answer", "text": question.answer},
            }
            for question in questions
        ],
    }


def page_graph(*, clinic=None, record=None, faq_questions=None):
    """Everything one page says about itself: the clinic on every page, then the page's own record."""
    graph = []
    if clinic is not None and clinic.pk is not None:
        graph.append(medical_clinic(clinic))
    if isinstance(record, Treatment):
        graph += [medical_therapy(record), medical_web_page(record, therapy_id(record))]
    elif isinstance(record, Condition):
        graph += [medical_condition(record), medical_web_page(record, condition_id(record))]
    elif isinstance(record, Provider):
        graph.append(individual_physician(record))
    elif isinstance(record, Question):
        treatment = record.treatment if record.treatment and record.treatment.is_live else None
        graph.append(medical_web_page(record, therapy_id(treatment) if treatment else None))
    if record is not None:
        graph.append(breadcrumb_list(record))
    if faq_questions is not None:
        graph.append(faq_page(faq_questions))
    return graph

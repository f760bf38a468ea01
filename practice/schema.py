"""What the clinic and its providers tell search engines (schema.org), for seo.schema's page graph."""

from django.conf import settings
from django.utils import translation

from images.schema import image_object
from seo.schema import SCHEMA_ORG, absolute, clinic_id


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
    if clinic.sharing_picture:
        data["image"] = image_object(clinic.sharing_picture)
    return [data]


def physician_id(provider):
    # One physician, whatever the language of the page that names them.
    with translation.override(settings.LANGUAGE_CODE):
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
    if provider.language_codes:
        data["knowsLanguage"] = provider.language_codes
    if provider.portrait:
        data["image"] = image_object(provider.portrait)
    return [data]

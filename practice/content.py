from django.utils.translation import gettext_lazy as _

from publishing import content
from search.kinds import Search

from . import schema
from .models import Clinic, ClinicPhoto, OpeningHours, Provider, SpecialHours

content.register(
    Clinic,
    prose=(
        "name",
        "tagline",
        "introduction",
        "street_address",
        "city",
        "state",
        "medical_disclaimer",
        "callback_promise",
        "languages_spoken",
    ),
    # Its name and address stay as written: they are what patients look for on the street.
    translate=("tagline", "introduction", "medical_disclaimer", "callback_promise", "languages_spoken"),
    structured_data=schema.medical_clinic,
)
content.register(OpeningHours)
content.register(SpecialHours)
content.register(ClinicPhoto)
content.register(
    Provider,
    page=True,
    search=Search(_("Provider"), (("name", "A"), ("role", "B"), ("credentials", "B"), ("bio", "C")), order=4),
    prose=("seo_title", "meta_description", "honorific", "name", "credentials", "role", "bio"),
    translate=("seo_title", "meta_description", "role", "bio"),
    structured_data=schema.individual_physician,
    picture="portrait",
)

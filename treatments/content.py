from django.utils.translation import gettext_lazy as _

from publishing import content
from search.kinds import Search

from . import schema
from .models import Condition, PatientNotice, Treatment

BODY = (("name", "A"), ("summary", "B"), ("body", "C"))
SEARCH_ENGINE_FIELDS = ("seo_title", "meta_description")

content.register(
    Treatment,
    page=True,
    search=Search(_("Treatment"), BODY, order=1, related_names="conditions"),
    prose=(*SEARCH_ENGINE_FIELDS, "name", "summary", "body"),
    parent=(_("Treatments"), "treatments:treatment_list"),
    structured_data=schema.medical_therapy,
    picture="picture",
)
content.register(
    Condition,
    page=True,
    search=Search(_("Condition"), BODY, order=2),
    prose=(*SEARCH_ENGINE_FIELDS, "name", "summary", "body", "warning_signs"),
    parent=(_("Conditions"), "treatments:condition_list"),
    structured_data=schema.medical_condition,
    picture="picture",
)
content.register(PatientNotice, prose=("title", "body"))

from publishing import content

from .models import PatientDocument, VisitGuide

content.register(
    VisitGuide,
    prose=("parking", "public_transport", "access_notes", "what_to_bring", "insurance", "self_pay"),
)
content.register(PatientDocument)

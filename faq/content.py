from django.utils.translation import gettext_lazy as _

from publishing import content
from search.kinds import Search

from . import schema
from .models import Question, Topic

content.register(
    Question,
    page=True,
    search=Search(_("Question"), (("question", "A"), ("answer", "C")), order=3),
    prose=("question", "answer"),
    parent=(_("Questions"), "faq:question_list"),
    structured_data=schema.question_page,
)
content.register(Topic, prose=("name",))

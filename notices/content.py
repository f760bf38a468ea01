from django.utils.translation import gettext_lazy as _

from publishing import content
from search.kinds import Search
from seo.schema import web_page

from .models import SiteNotice

content.register(
    SiteNotice,
    page=True,
    search=Search(_("Notice"), (("title", "A"), ("body", "C")), order=6),
    prose=("title", "body"),
    structured_data=lambda notice: [web_page(notice)],
)

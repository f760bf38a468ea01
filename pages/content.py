from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils.translation import gettext_lazy as _

from publishing import content
from search.kinds import Search
from seo.schema import web_page

content.register(
    FlatPage,
    page=True,
    search=Search(_("Page"), (("title", "A"), ("content", "C")), order=5),
    prose=("title", "content"),
    # Staff-written pages have no publish switch: those on this site not behind a sign-in are public.
    published=lambda: FlatPage.objects.filter(sites=settings.SITE_ID, registration_required=False),
    # flatpages' view marks the title safe: it is plain text, so it is taken without the mark, to be escaped.
    title=lambda page: "".join(page.title),
    structured_data=lambda page: [web_page(page)],
)
content.register(Site)

from publishing import content
from search.kinds import Search

from .models import Leaflet

# A page with search and wording checks, but on purpose no sitemap entry (no sitemaps.py) and no structured data.
content.register(
    Leaflet, page=True, search=Search("Leaflet", (("title", "A"), ("body", "C")), order=9), prose=("body",)
)

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from faq.sitemaps import sitemaps as faq_sitemaps
from notices.sitemaps import sitemaps as notices_sitemaps
from pages import views as pages
from pages.sitemaps import sitemaps as pages_sitemaps
from practice.sitemaps import sitemaps as practice_sitemaps
from review.views import ReviewDueView
from serving.views import healthz
from translations.views import TranslationsDueView
from treatments.sitemaps import sitemaps as treatments_sitemaps
from visits.sitemaps import sitemaps as visits_sitemaps

sitemaps = {
    **practice_sitemaps,
    **treatments_sitemaps,
    **faq_sitemaps,
    **visits_sitemaps,
    **notices_sitemaps,
    **pages_sitemaps,
}

urlpatterns = [
    path(f"{settings.ADMIN_URL}review-due/", admin.site.admin_view(ReviewDueView.as_view()), name="review_due"),
    path(
        f"{settings.ADMIN_URL}translations-due/",
        admin.site.admin_view(TranslationsDueView.as_view()),
        name="translations_due",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps, "template_name": "seo/sitemap.xml"},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("seo.urls")),
    # Pictures' renditions have one address in every language (the storage's).
    path("", include("images.urls")),
]

# The public pages: in English at these addresses, in each other language under its code (/es/faq/).
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("practice.urls")),
    path("", include("treatments.urls")),
    path("", include("faq.urls")),
    path("", include("consultations.urls")),
    path("", include("notices.urls")),
    path("", include("visits.urls")),
    path("", include("publishing.urls")),
    # Staff-written pages (About, Privacy notice, ...) answer at their own URL, e.g. /about/.
    re_path(r"^(?P<url>[-\w/]+/)$", pages.flatpage, name="flatpage"),
    prefix_default_language=False,
)

# Malformed requests get the site's own 400 page, which (unlike Django's) never reads the form again.
handler400 = "serving.views.bad_request"
# With the database down, the outage page (503, with the clinic's phone) instead of the 500 page.
handler500 = "serving.views.server_error"

from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpages
from django.urls import include, path, re_path

from review.views import ReviewDueView
from serving.views import healthz

urlpatterns = [
    path(f"{settings.ADMIN_URL}review-due/", admin.site.admin_view(ReviewDueView.as_view()), name="review_due"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("seo.urls")),
    path("", include("search.urls")),
    path("", include("practice.urls")),
    path("", include("treatments.urls")),
    path("", include("faq.urls")),
    path("", include("consultations.urls")),
    path("", include("notices.urls")),
    path("", include("visits.urls")),
    path("", include("publishing.urls")),
    # Staff-written pages (About, Privacy notice, ...) answer at their own URL, e.g. /about/.
    re_path(r"^(?P<url>[-\w/]+/)$", flatpages.flatpage, name="flatpage"),
]

# Malformed requests get the site's own 400 page, which (unlike Django's) never reads the form again.
handler400 = "serving.views.bad_request"
# With the database down, the outage page (503, with the clinic's phone) instead of the 500 page.
handler500 = "serving.views.server_error"

from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpages
from django.urls import include, path, re_path

from serving.views import healthz

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("practice.urls")),
    path("", include("treatments.urls")),
    path("", include("faq.urls")),
    path("", include("consultations.urls")),
    # Staff-written pages (About, Privacy notice, ...) answer at their own URL, e.g. /about/.
    re_path(r"^(?P<url>[-\w/]+/)$", flatpages.flatpage, name="flatpage"),
]

# With the database down, the outage page (503, with the clinic's phone) instead of the 500 page.
handler500 = "serving.views.server_error"

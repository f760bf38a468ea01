from django.contrib import admin
from django.contrib.flatpages import views as flatpages
from django.urls import include, path, re_path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("practice.urls")),
    path("", include("treatments.urls")),
    path("", include("faq.urls")),
    path("", include("consultations.urls")),
    # Staff-written pages (About, Privacy notice, ...) answer at their own URL, e.g. /about/.
    re_path(r"^(?P<url>[-\w/]+/)$", flatpages.flatpage, name="flatpage"),
]

from django.urls import path

from . import views

app_name = "visits"
urlpatterns = [
    path("plan-your-visit/", views.PlanYourVisitView.as_view(), name="plan"),
    path("plan-your-visit/documents/<int:pk>/<slug:slug>.pdf", views.document, name="document"),
]

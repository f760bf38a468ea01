from django.urls import path

from . import views

app_name = "consultations"
urlpatterns = [
    path("request-consultation/", views.ConsultationRequestView.as_view(), name="request"),
    path("request-consultation/thanks/", views.ThanksView.as_view(), name="thanks"),
]

from django.urls import path

from . import views

app_name = "treatments"
urlpatterns = [
    path("treatments/", views.TreatmentListView.as_view(), name="treatment_list"),
    path("treatments/<slug:slug>/", views.TreatmentDetailView.as_view(), name="treatment_detail"),
    path("treatments/<slug:slug>/questions/", views.TreatmentQuestionListView.as_view(), name="treatment_questions"),
    path("conditions/", views.ConditionListView.as_view(), name="condition_list"),
    path("conditions/<slug:slug>/", views.ConditionDetailView.as_view(), name="condition_detail"),
]

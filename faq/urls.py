from django.urls import path

from . import views

app_name = "faq"
urlpatterns = [
    path("faq/", views.QuestionListView.as_view(), name="question_list"),
    path("faq/<slug:slug>/", views.QuestionDetailView.as_view(), name="question_detail"),
]

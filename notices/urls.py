from django.urls import path

from . import views

app_name = "notices"
urlpatterns = [
    path("notices/<slug:slug>/", views.NoticeDetailView.as_view(), name="notice_detail"),
]

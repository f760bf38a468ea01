from django.urls import path

from . import views

app_name = "publishing"
urlpatterns = [
    path("preview/<str:token>/", views.PreviewView.as_view(), name="preview"),
]

from django.urls import path

from . import views

app_name = "practice"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("providers/<slug:slug>/", views.ProviderDetailView.as_view(), name="provider_detail"),
]

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffConfig(AppConfig):
    """Staff sign-in: the admin site with its second factor, sign-in lockout and idle expiry."""

    default = True
    name = "staff"
    verbose_name = "Staff sign-in"


class ClinicAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site that asks for a one-time code after the password."""

    default = False
    default_site = "staff.sites.ClinicAdminSite"

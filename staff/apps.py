from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.auth.apps import AuthConfig
from django.contrib.flatpages.apps import FlatPagesConfig
from django.contrib.redirects.apps import RedirectsConfig
from django.contrib.sites.apps import SitesConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as OTPStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OTPTOTPConfig


class StaffConfig(AppConfig):
    """Staff sign-in: the admin site with its second factor, sign-in lockout and idle expiry."""

    default = True
    name = "staff"
    verbose_name = "Staff sign-in"


class ClinicAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site that asks for a one-time code after the password."""

    default = False
    default_site = "staff.sites.ClinicAdminSite"


class StaffWords:
    """An app of Django's or a library's, named in the admin (breadcrumbs, titles, messages) as staff say it.

    `model_names` maps each model to its (singular, plural) name. Those models' Meta belongs to the library,
    so the names are set here once the models are loaded; `verbose_name` is not part of their migrations.
    """

    model_names = {}

    def ready(self):
        super().ready()
        for model_name, (singular, plural) in self.model_names.items():
            opts = self.get_model(model_name)._meta
            opts.verbose_name, opts.verbose_name_plural = singular, plural
            opts.__dict__.pop("verbose_name_raw", None)  # cached from the library's name, if read already


class StaffAccountsConfig(StaffWords, AuthConfig):
    verbose_name = "Staff accounts"
    model_names = {"User": ("staff account", "staff accounts"), "Group": ("staff group", "staff groups")}


class SiteAddressConfig(StaffWords, SitesConfig):
    verbose_name = "Site address"
    model_names = {"Site": ("site address", "site address")}


class MovedPagesConfig(StaffWords, RedirectsConfig):
    verbose_name = "Moved pages"
    model_names = {"Redirect": ("redirect from an old address", "redirects from old addresses")}


class AuthenticatorAppsConfig(StaffWords, OTPTOTPConfig):
    verbose_name = "Sign-in codes"
    model_names = {"TOTPDevice": ("authenticator app", "authenticator apps")}


class RecoveryCodesConfig(StaffWords, OTPStaticConfig):
    verbose_name = "Sign-in codes"
    model_names = {"StaticDevice": ("set of recovery codes", "recovery codes"), "StaticToken": ("code", "codes")}


class SignInAttemptsConfig(StaffWords, AxesConfig):
    verbose_name = "Sign-in attempts"
    model_names = {
        "AccessAttempt": ("sign-in lockout", "sign-in lockouts"),
        "AccessFailureLog": ("failed sign-in", "failed sign-ins"),
        "AccessLog": ("sign-in", "sign-in history"),
    }


class SimplePagesConfig(StaffWords, FlatPagesConfig):
    verbose_name = "Simple pages"
    model_names = {"FlatPage": ("simple page", "simple pages")}

import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from translations.admin import TranslatedAdmin, translation_inline
from translations.models import other_languages
from translations.shown import translated_fields

from .forms import OneTimeCodeForm
from .models import FirstStaffPassword


def needs_second_factor(request):
    """Signed in with a password, but not yet with a one-time code, where the site asks for one."""
    user = request.user
    return (
        settings.ADMIN_REQUIRE_2FA
        and user.is_active
        and user.is_staff
        and not (hasattr(user, "is_verified") and user.is_verified())
    )


# The home page's sections, in the order staff need them. Each model is listed by its own name (its Meta's, or
# for Django's and libraries' models the one staff/apps.py gives it), the same name its pages' titles and
# breadcrumbs use. A model missing here still appears, under "Other".
SECTIONS = [
    ("Front desk", ["consultations.ConsultationRequest"]),
    (
        "Website pages",
        [
            "treatments.Treatment",
            "treatments.Condition",
            "faq.Question",
            "faq.Topic",
            "flatpages.FlatPage",
            "treatments.PatientNotice",
            "notices.SiteNotice",
            "search.Synonym",
            "images.Picture",
        ],
    ),
    ("Clinic and providers", ["practice.Clinic", "practice.Provider", "visits.VisitGuide", "visits.PatientDocument"]),
    ("Reviews and wording", ["publishing.PreviewLink", "claims.ClaimAcknowledgement"]),
    (
        "Accounts and security",
        [
            "auth.User",
            "auth.Group",
            "otp_totp.TOTPDevice",
            "otp_static.StaticDevice",
            "axes.AccessAttempt",
            "axes.AccessFailureLog",
            "axes.AccessLog",
            "redirects.Redirect",
            "sites.Site",
        ],
    ),
]
ADMINISTRATORS_ONLY = {"Accounts and security"}


def translatable(model, admin_class):
    """`admin_class`, with a box for each of the site's other languages when staff translate `model`'s text."""
    if not translated_fields(model) or not other_languages() or issubclass(admin_class, TranslatedAdmin):
        return admin_class
    inlines = [*admin_class.inlines, translation_inline(model)]
    return type(
        admin_class.__name__,
        (TranslatedAdmin, admin_class),
        {"inlines": inlines, "__module__": admin_class.__module__},
    )


class PlainTitles:
    """Page titles in the words staff use: "Treatments" and "Edit: Stem cell therapy", where Django's
    say "Select treatment to change" and "Change treatment"."""

    def changelist_view(self, request, extra_context=None):
        title = capfirst(self.opts.verbose_name_plural)
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not add:
            verb = "Edit" if self.has_change_permission(request, obj) else "View"
            context = {**context, "title": f"{verb}: {obj}", "subtitle": None}
        return super().render_change_form(request, context, add, change, form_url, obj)


class ClinicAdminSite(admin.AdminSite):
    """The admin, where (if ADMIN_REQUIRE_2FA) staff give a code from an authenticator app after their password.

    Staff without an authenticator yet set one up on their first sign-in: the page shows a QR
    code, and the first correct code confirms it. Once set up, only that app's codes work; a
    superuser can remove a lost one under "Authenticator apps" so its owner sets up a new one.
    """

    site_header = "BioHealth website administration"
    site_title = "BioHealth website"
    index_title = "Home"
    # The home page is the way around; the sidebar's second list of every section only took width from the inbox.
    enable_nav_sidebar = False

    def get_app_list(self, request, app_label=None):
        """The home page's sections by task (see SECTIONS); one app's own page lists just that app, as usual."""
        if app_label is not None:
            return super().get_app_list(request, app_label)
        models = {
            model["model"]._meta.label: model
            for app in self._build_app_dict(request).values()
            for model in app["models"]
        }
        sections = []
        for name, labels in SECTIONS:
            if name in ADMINISTRATORS_ONLY and not request.user.is_superuser:
                for label in labels:
                    models.pop(label, None)
                continue
            entries = [models.pop(label) for label in labels if label in models]
            if entries:
                sections.append(section(name, entries))
        if models:
            sections.append(section("Other", sorted(models.values(), key=lambda model: model["name"])))
        return sections

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model's admin, ours, Django's and the libraries', gets plain titles (see PlainTitles)."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, PlainTitles):
            admin_class = type(
                admin_class.__name__, (PlainTitles, admin_class), {"__module__": admin_class.__module__}
            )
        for model in [model_or_iterable] if isinstance(model_or_iterable, type) else model_or_iterable:
            super().register(model, translatable(model, admin_class), **options)

    def has_permission(self, request):
        return super().has_permission(request) and not needs_second_factor(request)

    def get_urls(self):
        return [
            path("sign-in/code/", self.second_factor, name="second_factor"),
            path("sign-in/new-phone/", self.admin_view(self.new_phone), name="new_phone"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        # The first account signs in with a password printed in a terminal: ask for a new one first (once a session;
        # the launch checklist keeps asking until it is done).
        first = FirstStaffPassword.objects.filter(user=request.user).first()
        if first and not first.replaced and not request.session.get("asked_for_new_password"):
            request.session["asked_for_new_password"] = True
            messages.warning(
                request,
                "You signed in with the one-time password printed when the site was installed. "
                "Choose a password of your own now.",
            )
            return redirect("admin:password_change")
        return super().index(request, extra_context)

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if request.method == "GET" and needs_second_factor(request):
            return redirect(f"{reverse('admin:second_factor', current_app=self.name)}?{request.GET.urlencode()}")
        return super().login(request, extra_context)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def second_factor(self, request):
        if not needs_second_factor(request) and not (
            self.has_permission(request) and not has_authenticator(request.user)
        ):
            return redirect("admin:index" if self.has_permission(request) else "admin:login")
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        enrolling = device is None
        if enrolling:
            device, _ = TOTPDevice.objects.get_or_create(
                user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
            )
        recovery = None if enrolling else StaticDevice.objects.filter(user=request.user, confirmed=True).first()
        form = OneTimeCodeForm(request.POST or None, device=device, recovery=recovery)
        if form.is_valid():
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, form.used_device)
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
                next_url = reverse("admin:index", current_app=self.name)
            if enrolling:
                # Shown this once, in this response; after it only the database has them.
                context = {
                    **self.each_context(request),
                    "title": "Your recovery codes",
                    "codes": issue_recovery_codes(request.user),
                    "next_url": next_url,
                }
                return TemplateResponse(request, "staff/recovery_codes.html", context)
            if form.used_device == recovery:
                left = recovery.token_set.count()
                messages.warning(
                    request,
                    format_html(
                        "You signed in with a recovery code: {} left. "
                        'Lost your phone? <a href="{}">Set up a new one</a>.',
                        left,
                        reverse("admin:new_phone", current_app=self.name),
                    ),
                )
            return redirect(next_url)
        context = {
            **self.each_context(request),
            "title": "Set up sign-in codes" if enrolling else "Enter your sign-in code",
            "form": form,
            "enrolling": enrolling,
        }
        if enrolling:
            context |= {"qr_code": qr_svg(device.config_url), "secret": device_secret(device)}
        return TemplateResponse(request, "staff/second_factor.html", context)

    def new_phone(self, request):
        """Replace a lost or changed phone: forget the old authenticator, then set up the new one (and new codes)."""
        if request.method == "POST":
            TOTPDevice.objects.filter(user=request.user).delete()
            return redirect("admin:second_factor")
        context = {**self.each_context(request), "title": "Set up a new phone"}
        return TemplateResponse(request, "staff/new_phone.html", context)


def issue_recovery_codes(user, count=10):
    """New one-time recovery codes for `user`, replacing any old ones; returns them as they are typed."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes")
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def section(name, models):
    return {"name": name, "app_label": slugify(name), "app_url": "", "has_module_perms": True, "models": models}


def qr_svg(data):
    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8).save(out)
    svg = out.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - generated here from the device's own URL


def device_secret(device):
    """The key as people type it into an app: base32 in groups of four."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
